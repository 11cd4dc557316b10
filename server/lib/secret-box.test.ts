import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSecretKey, SecretBox, secretBox } from "./secret-box";

describe("secret box", () => {
  const box = new SecretBox(randomBytes(32));

  it("opens what it sealed, and the sealed text shows nothing of the value", () => {
    const sealed = box.seal({ botToken: "123456:rahasia-token-bot" }, "row-1");
    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toContain("rahasia");
    expect(box.open(sealed, "row-1")).toEqual({ botToken: "123456:rahasia-token-bot" });
    // A fresh IV each time: the same value never seals to the same text.
    expect(box.seal({ a: 1 }, "row-1")).not.toBe(box.seal({ a: 1 }, "row-1"));
  });

  it("refuses a value moved to another row, a tampered value and another key", () => {
    const sealed = box.seal({ token: "x" }, "row-1");
    expect(() => box.open(sealed, "row-2")).toThrow();
    const raw = Buffer.from(sealed.slice(3), "base64");
    raw[raw.length - 1] ^= 1;
    expect(() => box.open(`v1:${raw.toString("base64")}`, "row-1")).toThrow();
    expect(() => new SecretBox(randomBytes(32)).open(sealed, "row-1")).toThrow();
  });

  it("generates DATA_DIR/secrets.key once (mode 0600) and reuses it", () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "sinergi-key-"));
    const first = loadSecretKey({ dataDir, SECRETS_KEY: undefined });
    const file = path.join(dataDir, "secrets.key");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadSecretKey({ dataDir, SECRETS_KEY: undefined }).equals(first)).toBe(true);
    expect(Buffer.from(readFileSync(file, "utf8").trim(), "base64").equals(first)).toBe(true);
    const sealed = secretBox({ dataDir, SECRETS_KEY: undefined }).seal("v", "c");
    expect(new SecretBox(first).open(sealed, "c")).toBe("v");
  });

  it("prefers SECRETS_KEY", () => {
    const key = randomBytes(32);
    const dataDir = mkdtempSync(path.join(tmpdir(), "sinergi-key-"));
    expect(loadSecretKey({ dataDir, SECRETS_KEY: key.toString("base64") }).equals(key)).toBe(true);
  });
});
