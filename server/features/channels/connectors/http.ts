import { randomBytes } from "node:crypto";
import { OutboundError, type SafeFetchOptions, type SafeResponse } from "../../../lib/safe-fetch";
import type { ConnectorDeps } from "./connector";
import { cleanDetail, PlatformError } from "./platform-error";

export interface CallOptions extends SafeFetchOptions {
  /** The call that makes the post visible: a lost answer here leaves the outcome unknown. */
  critical?: boolean;
}

/** Every connector request goes through the outbound guard; its failures become PlatformErrors. */
export async function call(deps: ConnectorDeps, label: string, url: string, options: CallOptions = {}): Promise<SafeResponse> {
  const { critical, ...rest } = options;
  try {
    return await deps.fetch(url, rest);
  } catch (err) {
    if (err instanceof OutboundError) {
      if (err.code === "blocked" || err.code === "bad_url") throw new PlatformError("blocked", label, "");
      throw new PlatformError("network", label, "", critical && err.sent ? "unknown" : "not_posted");
    }
    throw err;
  }
}

/** The body as JSON, or {} when it is not JSON (error pages of proxies). */
export function jsonOf(res: SafeResponse): Record<string, any> {
  try {
    const value = res.json();
    return value && typeof value === "object" ? (value as Record<string, any>) : {};
  } catch {
    return {};
  }
}

/** Maps an HTTP failure to a PlatformError; connectors pass the platform's own message. */
export function failure(res: SafeResponse, label: string, message: unknown, critical = false): PlatformError {
  const detail = cleanDetail(message);
  if (res.status === 401 || res.status === 403) return new PlatformError("auth", label, detail);
  if (res.status === 429) return new PlatformError("rate_limited", label, detail);
  if (res.status >= 500) return new PlatformError("unavailable", label, detail, critical ? "unknown" : "not_posted");
  return new PlatformError("rejected", label, detail || `kode ${res.status}`);
}

/** A 2xx answer we cannot read, on the call that posts: the post may exist. */
export function unreadable(label: string, critical: boolean): PlatformError {
  return new PlatformError("unavailable", label, "jawaban tidak dapat dibaca", critical ? "unknown" : "not_posted");
}

export interface FilePart {
  field: string;
  data: Buffer;
  mime: string;
  fileName: string;
}

/**
 * multipart/form-data, written by hand: the platform FormData serializer turns every "\n" in a
 * text field into "\r\n" (as HTML forms do), which would change the post's text.
 */
export async function multipart(fields: Record<string, string>, files: FilePart[]): Promise<{ body: Buffer; contentType: string }> {
  const boundary = `----sinergi${randomBytes(12).toString("hex")}`;
  const quote = (s: string) => s.replace(/["\r\n]/g, (c) => encodeURIComponent(c));
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"\r\n\r\n${value}\r\n`));
  }
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${quote(f.field)}"; filename="${quote(f.fileName)}"\r\nContent-Type: ${f.mime}\r\n\r\n`,
      ),
      f.data,
      Buffer.from("\r\n"),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Counts code points (what users see as characters), not UTF-16 units. */
export const charCount = (text: string) => [...text].length;

export const imagesOf = <T extends { kind: string }>(media: T[]) => media.filter((m) => m.kind === "image");
export const videosOf = <T extends { kind: string }>(media: T[]) => media.filter((m) => m.kind === "video");
