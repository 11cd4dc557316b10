import dns from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { type AllowList, blockedReason, isAllowed, parseAllowList } from "./ip-ranges";

/**
 * The one door for outbound HTTP to addresses we do not control (DESIGN.md: SSRF guard).
 *
 * - The host is resolved once (every address); if any address is private, loopback,
 *   link-local, CGNAT, multicast, reserved or unspecified the request is refused, unless
 *   OUTBOUND_ALLOW names the host or a range holding the address.
 * - The connection is pinned to the address that was checked (the `lookup` of the request
 *   answers with it), so a second DNS answer cannot swap in an internal address (rebinding).
 * - Redirects are followed by hand, at most 5, and every hop is checked again.
 * - One deadline covers the whole exchange, and the response body has a size cap.
 *
 * Errors never carry the URL's path or query (Telegram puts the bot token in the path).
 */

export type OutboundErrorCode = "bad_url" | "blocked" | "dns" | "redirects" | "timeout" | "too_large" | "network";

export class OutboundError extends Error {
  constructor(
    readonly code: OutboundErrorCode,
    message: string,
    /** True once the whole request was handed to the network: the server may have acted on it. */
    readonly sent = false,
  ) {
    super(message);
    this.name = "OutboundError";
  }
}

export interface SafeFetchOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer | Uint8Array;
  /** Whole exchange, redirects included. */
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** OUTBOUND_ALLOW, as text or parsed. */
  allow?: string | AllowList;
  /** Host resolver (tests); defaults to dns.lookup with every address. */
  resolve?: (host: string) => Promise<string[]>;
}

export interface SafeResponse {
  status: number;
  headers: Record<string, string>;
  /** The final URL after redirects. */
  url: string;
  body: Buffer;
  text(): string;
  json<T = unknown>(): T;
}

export type SafeFetch = (url: string | URL, options?: SafeFetchOptions) => Promise<SafeResponse>;

const DEFAULTS = { timeoutMs: 30_000, maxBytes: 10 * 1024 * 1024, maxRedirects: 5 };

async function systemResolve(host: string): Promise<string[]> {
  const answers = await dns.lookup(host, { all: true, verbatim: true });
  return answers.map((a) => a.address);
}

/** Resolves `url`'s host and returns the address to connect to, or throws when it is refused. */
export async function checkedAddress(url: URL, allow: AllowList, resolve = systemResolve): Promise<string> {
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new OutboundError("bad_url", `unsupported protocol ${url.protocol}`);
  if (url.username || url.password) throw new OutboundError("bad_url", "credentials in URLs are not allowed");
  // WHATWG parsing already turned decimal, octal and hex host forms into dotted IPv4.
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  if (net.isIP(host)) addresses = [host];
  else {
    try {
      addresses = await resolve(host);
    } catch {
      throw new OutboundError("dns", `cannot resolve ${host}`);
    }
  }
  if (addresses.length === 0) throw new OutboundError("dns", `cannot resolve ${host}`);
  for (const address of addresses) {
    const reason = blockedReason(address);
    if (reason && !isAllowed(allow, host, address)) throw new OutboundError("blocked", `${host} resolves to a ${reason} address`);
  }
  return addresses[0];
}

export const safeFetch: SafeFetch = async (input, options = {}) => {
  const allow = typeof options.allow === "string" || options.allow === undefined ? parseAllowList(options.allow) : options.allow;
  const timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
  const maxRedirects = options.maxRedirects ?? DEFAULTS.maxRedirects;
  const deadline = Date.now() + timeoutMs;
  let url: URL;
  try {
    url = new URL(String(input));
  } catch {
    throw new OutboundError("bad_url", "invalid URL");
  }
  let method = (options.method ?? "GET").toUpperCase();
  let body = options.body;
  const headers = { ...options.headers };
  for (let hop = 0; ; hop++) {
    const address = await checkedAddress(url, allow, options.resolve);
    const res = await requestOnce(url, address, { method, headers, body, deadline, maxBytes: options.maxBytes ?? DEFAULTS.maxBytes });
    const location = res.headers.location;
    if (![301, 302, 303, 307, 308].includes(res.status) || !location) return res;
    if (hop >= maxRedirects) throw new OutboundError("redirects", `more than ${maxRedirects} redirects`, true);
    const next = new URL(location, url);
    // Credentials never follow a redirect to another origin.
    if (next.origin !== url.origin) {
      for (const k of Object.keys(headers)) if (/^(authorization|cookie)$/i.test(k)) delete headers[k];
    }
    if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === "POST")) {
      method = method === "HEAD" ? "HEAD" : "GET";
      body = undefined;
      for (const k of Object.keys(headers)) if (/^content-(type|length)$/i.test(k)) delete headers[k];
    }
    url = next;
  }
};

/** A safeFetch bound to the configured allow-list (OUTBOUND_ALLOW). */
export function createSafeFetch(allowSpec: string | undefined): SafeFetch {
  const allow = parseAllowList(allowSpec);
  return (url, options = {}) => safeFetch(url, { ...options, allow: options.allow ?? allow });
}

interface Once {
  method: string;
  headers: Record<string, string>;
  body?: string | Buffer | Uint8Array;
  deadline: number;
  maxBytes: number;
}

function requestOnce(url: URL, address: string, o: Once): Promise<SafeResponse> {
  const family = net.isIP(address) as 4 | 6;
  const payload = o.body === undefined ? undefined : typeof o.body === "string" ? Buffer.from(o.body) : Buffer.from(o.body);
  const headers: Record<string, string> = { ...o.headers };
  if (payload && !Object.keys(headers).some((k) => k.toLowerCase() === "content-length"))
    headers["content-length"] = String(payload.length);
  const remaining = o.deadline - Date.now();
  if (remaining <= 0) return Promise.reject(new OutboundError("timeout", `timed out reaching ${url.host}`));
  return new Promise((resolve, reject) => {
    let sent = false;
    let settled = false;
    const fail = (err: OutboundError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(err);
    };
    const lib = url.protocol === "https:" ? https : http;
    const req = lib.request(
      {
        protocol: url.protocol,
        hostname: url.hostname.replace(/^\[|\]$/g, ""),
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: o.method,
        headers,
        agent: false,
        // Pin the socket to the address that passed the check; TLS still verifies the host name.
        lookup: ((_host: string, opts: { all?: boolean }, cb: (...args: unknown[]) => void) => {
          if (opts?.all) cb(null, [{ address, family }]);
          else cb(null, address, family);
        }) as unknown as net.LookupFunction,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > o.maxBytes) {
            req.destroy();
            fail(new OutboundError("too_large", `response from ${url.host} exceeds ${o.maxBytes} bytes`, true));
            return;
          }
          chunks.push(chunk);
        });
        res.on("error", () => fail(new OutboundError("network", `connection to ${url.host} broke`, true)));
        res.on("end", () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          const body = Buffer.concat(chunks);
          const flat: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) flat[k] = Array.isArray(v) ? v.join(", ") : v;
          resolve({
            status: res.statusCode ?? 0,
            headers: flat,
            url: url.toString(),
            body,
            text: () => body.toString("utf8"),
            json: <T>() => JSON.parse(body.toString("utf8")) as T,
          });
        });
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      fail(new OutboundError("timeout", `timed out reaching ${url.host}`, sent));
    }, remaining);
    req.on("finish", () => {
      sent = true;
    });
    req.on("error", (err: NodeJS.ErrnoException) =>
      fail(new OutboundError("network", `cannot reach ${url.host}${err.code ? ` (${err.code})` : ""}`, sent)),
    );
    req.end(payload);
  });
}
