import robotsParser from "robots-parser";
import type { SafeFetch, SafeResponse } from "../../../lib/safe-fetch";
import { TtlCache } from "../../../lib/ttl-cache";
import { decodeBody } from "./charset";
import { asFetchError, MonitoringFetchError } from "./fetch-errors";
import { HostGate } from "./host-gate";
import type { HostSlotReserver } from "./shared-host-slots";

export const USER_AGENT_TOKEN = "SinergiBot";
export const USER_AGENT = `${USER_AGENT_TOKEN}/1.0 (+https://sinergi.go.id/bot; pemantauan media pemerintah daerah)`;

export interface PoliteFetcherOptions {
  /** The SSRF-guarded fetch (every redirect hop is checked again there). */
  fetch: SafeFetch;
  timeoutMs?: number;
  maxBytes?: number;
  perHostConcurrency?: number;
  minIntervalMs?: number;
  /** robots.txt answers are kept this long per origin. */
  robotsTtlMs?: number;
  /** Per-host spacing shared with the other worker processes (see shared-host-slots.ts). */
  reserveSlot?: HostSlotReserver;
}

export interface Conditional {
  etag?: string | null;
  lastModified?: string | null;
}

export type FetchOutcome =
  | { status: "not_modified"; httpStatus: 304; url: string }
  | {
      status: "ok";
      httpStatus: number;
      /** Final URL after redirects. */
      url: string;
      contentType: string;
      body: Buffer;
      text: string;
      charset: string;
      etag: string | null;
      lastModified: string | null;
    };

type Robots = ReturnType<typeof robotsParser>;
/** null: no usable robots.txt (4xx) — everything is allowed. "deny": the server failed (5xx). */
type RobotsEntry = Robots | null | "deny";

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
/** After a 5xx robots.txt the host is left alone this long, then asked again. */
const ROBOTS_DENY_TTL_MS = 10 * 60_000;

/**
 * Fetches news pages and feeds like a good citizen: robots.txt (user agent SinergiBot), per-host
 * concurrency and spacing, conditional GET, a deadline and a size cap, charset detection. All
 * traffic goes through the SSRF guard.
 */
export class PoliteFetcher {
  private readonly gate: HostGate;
  private readonly robots: TtlCache<Promise<RobotsEntry>>;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  private readonly minIntervalMs: number;

  constructor(private readonly options: PoliteFetcherOptions) {
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    this.minIntervalMs = options.minIntervalMs ?? 1000;
    this.gate = new HostGate(options.perHostConcurrency ?? 2, this.minIntervalMs, options.reserveSlot);
    this.robots = new TtlCache(options.robotsTtlMs ?? 60 * 60_000, 5000);
  }

  /** GET `url` politely. Non-2xx answers (other than 304) throw monitoring_fetch_http. */
  async get(rawUrl: string, conditional: Conditional = {}, accept = "*/*"): Promise<FetchOutcome> {
    let url: URL;
    try {
      url = new URL(rawUrl);
    } catch {
      throw new MonitoringFetchError("monitoring_fetch_bad_url", "invalid URL");
    }
    if (url.protocol !== "http:" && url.protocol !== "https:")
      throw new MonitoringFetchError("monitoring_fetch_bad_url", `unsupported protocol ${url.protocol}`);
    const robots = await this.robotsFor(url);
    if (robots === "deny" || robots?.isDisallowed(url.toString(), USER_AGENT_TOKEN))
      throw new MonitoringFetchError("monitoring_fetch_robots", `robots.txt of ${url.host} disallows ${url.pathname}`);
    const delay = robots?.getCrawlDelay(USER_AGENT_TOKEN);
    const interval = delay ? Math.min(delay * 1000, 30_000) : this.minIntervalMs;
    const headers: Record<string, string> = { "user-agent": USER_AGENT, accept, "accept-language": "id,en;q=0.5" };
    if (conditional.etag) headers["if-none-match"] = conditional.etag;
    if (conditional.lastModified) headers["if-modified-since"] = conditional.lastModified;
    const res = await this.send(url, headers, interval);
    if (res.status === 304) return { status: "not_modified", httpStatus: 304, url: res.url };
    if (res.status < 200 || res.status > 299)
      throw new MonitoringFetchError("monitoring_fetch_http", `${url.host} answered HTTP ${res.status}`, res.status);
    const contentType = res.headers["content-type"] ?? "";
    const decoded = decodeBody(res.body, contentType);
    return {
      status: "ok",
      httpStatus: res.status,
      url: res.url,
      contentType,
      body: res.body,
      text: decoded.text,
      charset: decoded.charset,
      etag: res.headers.etag ?? null,
      lastModified: res.headers["last-modified"] ?? null,
    };
  }

  private async send(url: URL, headers: Record<string, string>, interval: number): Promise<SafeResponse> {
    try {
      return await this.gate.run(
        url.host,
        () => this.options.fetch(url, { headers, timeoutMs: this.timeoutMs, maxBytes: this.maxBytes }),
        interval,
      );
    } catch (err) {
      throw asFetchError(err);
    }
  }

  private robotsFor(url: URL): Promise<RobotsEntry> {
    const key = url.origin;
    const cached = this.robots.get(key);
    if (cached) return cached;
    const robotsUrl = new URL("/robots.txt", url);
    const pending = this.send(robotsUrl, { "user-agent": USER_AGENT, accept: "text/plain" }, this.minIntervalMs).then(
      (res): RobotsEntry => {
        if (res.status >= 500) return "deny";
        if (res.status < 200 || res.status > 299) return null;
        return robotsParser(robotsUrl.toString(), decodeBody(res.body, res.headers["content-type"]).text);
      },
      (err: MonitoringFetchError): RobotsEntry => {
        // A refused address is refused for the page too; other failures mean "no robots.txt".
        if (err.code === "monitoring_fetch_blocked" || err.code === "monitoring_fetch_bad_url") throw err;
        return null;
      },
    );
    this.robots.set(key, pending);
    // A failed lookup is not cached, and a server error (everything denied) only briefly.
    pending.then(
      (entry) => entry === "deny" && this.robots.set(key, pending, ROBOTS_DENY_TTL_MS),
      () => this.robots.delete(key),
    );
    return pending;
  }
}
