import type { CheckResult } from "./connector";

/**
 * Why a platform call failed, in two dimensions the publish job needs:
 * - `kind`: what to tell a person (and whether retrying can help);
 * - `outcome`: whether the post may exist anyway. "unknown" means the request reached the
 *   platform and no clear answer came back (timeout, broken connection, 5xx on the call that
 *   creates the post): retrying blindly could post twice.
 */
export type PlatformErrorKind = "auth" | "rate_limited" | "rejected" | "unavailable" | "network" | "blocked" | "local";

export class PlatformError extends Error {
  constructor(
    readonly kind: PlatformErrorKind,
    readonly label: string,
    /** A short explanation from the platform (already cleaned), or "". */
    readonly detail: string,
    readonly outcome: "not_posted" | "unknown" = "not_posted",
  ) {
    super(`${label}: ${kind}${detail ? ` (${detail})` : ""}`);
    this.name = "PlatformError";
  }

  get retryable(): boolean {
    return this.kind === "rate_limited" || this.kind === "unavailable" || this.kind === "network";
  }
}

/** Stored in last_error: the uncertain state a person resolves with an explicit retry. */
export const UNCERTAIN_MESSAGE = "Status tidak pasti: periksa kanal sebelum mengirim ulang.";

/** The plain-words message stored on the publication and the account (Indonesian, the default language). */
export function plainWords(err: PlatformError): string {
  switch (err.kind) {
    case "auth":
      return `Token kanal tidak berlaku; hubungkan ulang akun.${err.detail ? ` (${err.label}: ${err.detail})` : ""}`;
    case "rate_limited":
      return "Dibatasi oleh platform; dicoba lagi otomatis.";
    case "unavailable":
      return `Layanan ${err.label} sedang bermasalah; dicoba lagi otomatis.`;
    case "network":
      return `Tidak dapat menghubungi ${err.label}; dicoba lagi otomatis.`;
    case "blocked":
      return "Alamat tujuan ditolak demi keamanan (alamat jaringan internal atau tidak valid).";
    case "rejected":
      return err.detail ? `Ditolak oleh ${err.label}: ${err.detail}` : `Ditolak oleh ${err.label}.`;
    case "local":
      return err.detail;
  }
}

/** A failed connection check, for CheckResult; anything but a PlatformError is a bug and rethrown. */
export function failedCheck(err: unknown): CheckResult {
  if (!(err instanceof PlatformError)) throw err;
  return { ok: false, error: plainWords(err), auth: err.kind === "auth" };
}

/**
 * A platform's own message, made safe to store and show: one line, no URLs (which may carry
 * tokens), nothing that looks like a token, at most 160 characters.
 */
export function cleanDetail(message: unknown): string {
  if (typeof message !== "string") return "";
  return message
    .replace(/\s+/g, " ")
    .replace(/https?:\/\/\S+/g, "[url]")
    .replace(/\b[A-Za-z0-9_:-]{32,}\b/g, "[…]")
    .trim()
    .slice(0, 160);
}
