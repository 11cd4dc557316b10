import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** A random secret for cookies, links and API tokens (256 bits, URL-safe). */
export const newSecret = (bytes = 32) => randomBytes(bytes).toString("base64url");

/** Secrets are stored only as SHA-256 hashes: a leaked table leaks no usable token. */
export const hashSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
