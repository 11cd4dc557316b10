import type { SocialSourceKind } from "../../../../common/monitoring-intake-enums";
import type { Env } from "../../../env";
import { OutboundError, type SafeFetch, type SafeResponse } from "../../../lib/safe-fetch";
import type { RawItem } from "../ingest/raw-item";

/** What a connector needs: the outbound guard and the configured platform base URLs. */
export interface SocialDeps {
  fetch: SafeFetch;
  env: Pick<Env, "X_API_URL" | "YOUTUBE_API_URL" | "GRAPH_API_URL">;
  now?: () => Date;
}

/** A social source as the connectors see it: the setting, the opened token, the paging state. */
export interface SocialSource {
  id: string;
  kind: SocialSourceKind;
  /** X: the search query; YouTube: channel id; Facebook: page id; Instagram: IG user id. */
  target: string;
  accessToken: string;
  cursor: Record<string, unknown>;
}

export interface SocialFetchResult {
  items: RawItem[];
  /** Where the next fetch starts; stored only after the items are ingested. */
  cursor: Record<string, unknown>;
  /** Set when the platform said to slow down; the items fetched before that are kept. */
  backoffUntil: Date | null;
}

/**
 * Why a fetch failed: `auth` (the token is refused; a person must act), `rate_limited`
 * (retry after `until`), `failed` (the platform or the network; the schedule retries).
 */
export class SocialError extends Error {
  constructor(
    readonly kind: "auth" | "rate_limited" | "failed",
    readonly platform: string,
    readonly detail: string,
    readonly until: Date | null = null,
  ) {
    super(`${platform}: ${kind}${detail ? ` (${detail})` : ""}`);
    this.name = "SocialError";
  }
}

/** One line of a platform's message, without URLs or anything that looks like a token. */
export function cleanDetail(message: unknown): string {
  if (typeof message !== "string") return "";
  return message
    .replace(/\s+/g, " ")
    .replace(/https?:\/\/\S+/g, "[url]")
    .replace(/\b[A-Za-z0-9_:-]{32,}\b/g, "[…]")
    .trim()
    .slice(0, 160);
}

/** A GET through the outbound guard; network problems become SocialError("failed"). */
export async function getJson(deps: SocialDeps, platform: string, url: URL, headers: Record<string, string> = {}) {
  let res: SafeResponse;
  try {
    res = await deps.fetch(url.toString(), {
      headers: { accept: "application/json", ...headers },
      timeoutMs: 30_000,
      maxBytes: 5 * 1024 * 1024,
    });
  } catch (err) {
    if (err instanceof OutboundError) throw new SocialError("failed", platform, err.code === "blocked" ? "alamat ditolak" : err.code);
    throw err;
  }
  let json: Record<string, any> = {};
  try {
    const value = res.json();
    if (value && typeof value === "object") json = value as Record<string, any>;
  } catch {
    // a proxy's HTML error page: the status decides
  }
  return { status: res.status, headers: res.headers, json };
}

/** Short title for a post or comment: the author and the first words. */
export function socialTitle(author: string | undefined, text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const head = flat.length > 100 ? `${flat.slice(0, 100).replace(/\s+\S*$/, "")}…` : flat;
  return author ? `${author}: ${head}` : head;
}

export const nowOf = (deps: SocialDeps) => (deps.now ? deps.now() : new Date());
