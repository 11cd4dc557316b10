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
});
