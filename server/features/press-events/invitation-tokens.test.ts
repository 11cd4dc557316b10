import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkInCodeFrom, checkInUrl, invitationToken, readInvitationToken } from "./invitation-tokens";

const env = { SECRETS_KEY: undefined, dataDir: mkdtempSync(path.join(tmpdir(), "sinergi-tokens-")) };
const other = { SECRETS_KEY: Buffer.alloc(32, 7).toString("base64"), dataDir: env.dataDir };
const id = "0193a7c2-5b1e-7d40-9f3a-2c4b6d8e0f12";

describe("invitation tokens", () => {
  it("round-trips an invitation id and is stable for reprinted cards", () => {
    const token = invitationToken(env, "rsvp", id);
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}$/);
    expect(invitationToken(env, "rsvp", id)).toBe(token);
    expect(readInvitationToken(env, "rsvp", token)).toBe(id);
  });

  it("refuses another purpose, another key, a changed id or MAC, and garbage", () => {
    const token = invitationToken(env, "checkin", id);
    expect(readInvitationToken(env, "rsvp", token)).toBeNull();
    expect(readInvitationToken(other, "checkin", token)).toBeNull();
    const [idPart, mac] = token.split(".");
    const flipped = `${idPart.slice(0, -1)}${idPart.endsWith("A") ? "B" : "A"}.${mac}`;
    expect(readInvitationToken(env, "checkin", flipped)).toBeNull();
    expect(readInvitationToken(env, "checkin", `${idPart}.${mac.slice(0, -1)}x`)).toBeNull();
    expect(readInvitationToken(env, "checkin", "bukan-token")).toBeNull();
  });

  it("reads the code from what a USB scanner types: the card's URL or the bare code", () => {
    const code = invitationToken(env, "checkin", id);
    const url = checkInUrl("https://humas.example.go.id", "0193a7c2-0000-7000-8000-000000000000", code);
    expect(checkInCodeFrom(url)).toBe(code);
    expect(checkInCodeFrom(`  ${code}  `)).toBe(code);
  });
});
