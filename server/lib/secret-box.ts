import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Env } from "../env";

/**
 * Secrets at rest (channel tokens): AES-256-GCM, a fresh 12-byte IV per value, the 16-byte tag
 * checked on open. The key comes from SECRETS_KEY, or, when that is unset, from
 * DATA_DIR/secrets.key, generated (mode 0600) the first time it is needed so the embedded
 * default works with no configuration. Deployments with several machines set SECRETS_KEY.
 *
 * Stored form: "v1:" + base64(iv | tag | ciphertext). An optional `context` (e.g. the row id) is
 * bound as additional data, so a value copied into another row does not open.
 */
export class SecretBox {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error("secret key must be 32 bytes");
  }

  seal(value: unknown, context = ""): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    cipher.setAAD(Buffer.from(context));
    const data = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
    return `v1:${Buffer.concat([iv, cipher.getAuthTag(), data]).toString("base64")}`;
  }

  open<T = unknown>(sealed: string, context = ""): T {
    if (!sealed.startsWith("v1:")) throw new Error("unknown secret format");
    const raw = Buffer.from(sealed.slice(3), "base64");
    const decipher = createDecipheriv("aes-256-gcm", this.key, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(raw.subarray(12, 28));
    const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
    return JSON.parse(text) as T;
  }
}

/** The key from SECRETS_KEY, else DATA_DIR/secrets.key (created once, race-safe across processes). */
export function loadSecretKey(env: Pick<Env, "SECRETS_KEY" | "dataDir">): Buffer {
  if (env.SECRETS_KEY) return Buffer.from(env.SECRETS_KEY, "base64");
  const file = path.join(env.dataDir, "secrets.key");
  try {
    return readKeyFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  mkdirSync(env.dataDir, { recursive: true });
  // Written whole to a temporary file, then linked into place: link() fails when the file
  // exists, so of two processes starting together one wins and the other reads its key.
  const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(temp, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600 });
  try {
    linkSync(temp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  } finally {
    unlinkSync(temp);
  }
  return readKeyFile(file);
}

function readKeyFile(file: string): Buffer {
  const key = Buffer.from(readFileSync(file, "utf8").trim(), "base64");
  if (key.length !== 32) throw new Error(`${file} does not hold a base64 32-byte key`);
  return key;
}

const boxes = new Map<string, SecretBox>();

/** One box per configuration, created on first use. */
export function secretBox(env: Pick<Env, "SECRETS_KEY" | "dataDir">): SecretBox {
  const id = env.SECRETS_KEY ? `key:${env.SECRETS_KEY}` : `dir:${env.dataDir}`;
  let box = boxes.get(id);
  if (!box) {
    box = new SecretBox(loadSecretKey(env));
    boxes.set(id, box);
  }
  return box;
}
