import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger";

describe("logs never carry secrets", () => {
  it("redacts cookies, authorization, CSRF tokens, passwords and tokens", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    createLogger("info", sink).info({
      req: { headers: { cookie: "sinergi_session=rahasia", authorization: "Bearer sng_rahasia", "x-csrf-token": "csrf-rahasia" } },
      body: { password: "Kata-Sandi-rahasia", newPassword: "Baru-rahasia", token: "tok-rahasia" },
    });
    const out = lines.join("");
    expect(out).toContain("[redacted]");
    expect(out).not.toMatch(/rahasia/i);
  });

  it("logs request URLs without one-time tokens", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const log = createLogger("info", sink);
    log.info({ req: { method: "POST", url: "/api/v1/invitations/rahasiaTOKEN123/accept", ip: "127.0.0.1" } }, "incoming request");
    log.info({ req: { method: "GET", url: "/app/reset-password?token=rahasiaTOKEN456", ip: "127.0.0.1" } }, "incoming request");
    const out = lines.join("");
    expect(out).toContain("/api/v1/invitations/[redacted]/accept");
    expect(out).toContain('"url":"/app/reset-password"');
    expect(out).not.toMatch(/rahasia/);
  });
});
