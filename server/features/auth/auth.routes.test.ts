import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTree, createUser, TEST_PASSWORD } from "../../test/factories";
import { TestClient } from "../../test/http-client";
import { linkFrom, startSmtpServer } from "../../test/smtp-fixture";
import { startTestServer, type TestServer } from "../../test/test-server";

let server: TestServer;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
  server = await startTestServer({ smtpUrl: smtp.url, env: { LOGIN_MAX_FAILURES: "3" } });
});
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

const client = (lang: "id" | "en" = "id") => new TestClient(server.baseUrl, lang);

describe("sign-in", () => {
  it("sets an HttpOnly SameSite cookie and returns the session with abilities", async () => {
    const tree = await createTree(server.services);
    const user = await createUser(server.services, [{ org: tree.root, role: "admin" }]);
    const c = client();
    const res = await c.post("/api/v1/auth/login", { email: user.email.toUpperCase(), password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/sinergi_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(res.body.user.email).toBe(user.email);
    expect(res.body.abilities).toMatchObject({ "organizations.read": true, "users.read": true, "audit.read": true });
    expect(res.body.grants[0]).toMatchObject({ organizationId: tree.root.id, role: "admin" });
    const session = await c.get("/api/v1/auth/session");
    expect(session.status).toBe(200);
  });

  it("refuses a wrong password in the request's language, then locks the account", async () => {
    const tree = await createTree(server.services);
    const user = await createUser(server.services, [{ org: tree.opdA, role: "officer" }]);
    const wrong = await client("en").post("/api/v1/auth/login", { email: user.email, password: "salah-salah-salah" });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.message).toBe("Wrong email or password.");
    await client().post("/api/v1/auth/login", { email: user.email, password: "salah-salah-salah" });
    const locked = await client().post("/api/v1/auth/login", { email: user.email, password: "salah-salah-salah" });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe("account_locked");
    // Even the right password is refused while locked.
    const right = await client().post("/api/v1/auth/login", { email: user.email, password: TEST_PASSWORD });
    expect(right.status).toBe(429);
    const audit = await server.services.database.sql.query("select action from audit_log where entity_id = $1", [user.id]);
    expect(audit.rows.map((r) => r.action)).toContain("auth.lockout");
  });

  it("answers an unknown email exactly like a wrong password", async () => {
    const res = await client().post("/api/v1/auth/login", { email: "tidak.ada@uji.go.id", password: "apa-saja-boleh" });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("invalid_credentials");
  });

  it("rate-limits repeated sign-in attempts from one address with 429", async () => {
    let last = 0;
    let body: any = null;
    for (let i = 0; i < 12; i++) {
      const res = await client().post("/api/v1/auth/login", { email: "spam@uji.go.id", password: `tebakan-${i}` });
      last = res.status;
      body = res.body;
    }
    expect(last).toBe(429);
    expect(body.error.code).toBe("rate_limited");
    expect(body.error.message).toMatch(/Coba lagi dalam \d+ detik/);
  });
});

describe("sessions", () => {
  it("rejects cookie-authenticated writes without the CSRF token", async () => {
    const tree = await createTree(server.services);
    const user = await createUser(server.services, [{ org: tree.root, role: "admin" }]);
    const c = client();
    await c.login(user.email, TEST_PASSWORD);
    const token = c.csrf;
    c.csrf = null;
    const res = await c.patch("/api/v1/me", { name: "Tanpa CSRF" });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("csrf_failed");
    c.csrf = token;
    expect((await c.patch("/api/v1/me", { name: "Dengan CSRF" })).status).toBe(200);
  });

  it("logout ends the session", async () => {
    const tree = await createTree(server.services);
    const user = await createUser(server.services, [{ org: tree.root, role: "viewer" }]);
    const c = client();
    await c.login(user.email, TEST_PASSWORD);
    const cookie = c.cookie;
    expect((await c.post("/api/v1/auth/logout")).status).toBe(204);
    c.cookie = cookie;
    expect((await c.get("/api/v1/auth/session")).status).toBe(401);
  });

  it("an expired session answers 401 with a message to sign in again", async () => {
    const tree = await createTree(server.services);
    const user = await createUser(server.services, [{ org: tree.root, role: "viewer" }]);
    const c = client();
    await c.login(user.email, TEST_PASSWORD);
    await server.services.database.sql.query("update sessions set expires_at = now() - interval '1 minute' where user_id = $1", [user.id]);
    const res = await c.get("/api/v1/organizations");
    expect(res.status).toBe(401);
    expect(res.body.error.message).toMatch(/masuk kembali/);
  });
});

describe("two-factor", () => {
  it("enrols TOTP, then requires the code at sign-in", async () => {
    const tree = await createTree(server.services);
    const user = await createUser(server.services, [{ org: tree.opdA, role: "editor" }]);
    const c = client();
    await c.login(user.email, TEST_PASSWORD);
    const setup = await c.post("/api/v1/me/two-factor/setup");
    expect(setup.status).toBe(200);
    expect(setup.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\/Sinergi/);
    expect(setup.body.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect((await c.post("/api/v1/me/two-factor/enable", { code: "000000" })).status).toBe(400);
    const code = await generate({ secret: setup.body.secret });
    expect((await c.post("/api/v1/me/two-factor/enable", { code })).status).toBe(204);

    const c2 = client();
    const first = await c2.post("/api/v1/auth/login", { email: user.email, password: TEST_PASSWORD });
    expect(first.body).toEqual({ twoFactorRequired: true, csrfToken: expect.any(String) });
    // A pending session cannot use the API yet.
    expect((await c2.get("/api/v1/organizations")).status).toBe(401);
    expect((await c2.post("/api/v1/auth/two-factor", { code: "123456" })).status).toBe(401);
    const ok = await c2.post("/api/v1/auth/two-factor", { code: await generate({ secret: setup.body.secret }) });
    expect(ok.status).toBe(200);
    expect(ok.body.user.twoFactorEnabled).toBe(true);
    expect((await c2.get("/api/v1/organizations")).status).toBe(200);
  });
});

describe("password reset by email", () => {
  it("sends a link over SMTP that sets a new password and ends old sessions", async () => {
    const tree = await createTree(server.services);
    const user = await createUser(server.services, [{ org: tree.opdB, role: "officer" }]);
    const old = client();
    await old.login(user.email, TEST_PASSWORD);
    const req = await client().post("/api/v1/auth/password-reset/request", { email: user.email });
    expect(req.status).toBe(202);
    const mail = await smtp.waitFor(user.email);
    expect(mail.subject).toBe("Atur ulang kata sandi Sinergi");
    const token = new URL(linkFrom(mail.text, "/app/reset-password")).searchParams.get("token") as string;
    const weak = await client().post("/api/v1/auth/password-reset/confirm", { token, password: "bali123456" });
    expect(weak.status).toBe(400);
    expect(weak.body.error.fields.password).toMatch(/lemah/);
    const done = await client().post("/api/v1/auth/password-reset/confirm", { token, password: "Sawah-Subak-Jatiluwih-2026" });
    expect(done.status).toBe(204);
    expect((await old.get("/api/v1/auth/session")).status).toBe(401);
    expect((await client().post("/api/v1/auth/password-reset/confirm", { token, password: "Sawah-Subak-Jatiluwih-2027" })).status).toBe(
      400,
    );
    await client().login(user.email, "Sawah-Subak-Jatiluwih-2026");
  });

  it("says the same for an unknown email and sends nothing", async () => {
    const before = smtp.received.length;
    const res = await client().post("/api/v1/auth/password-reset/request", { email: "siapa@uji.go.id" });
    expect(res.status).toBe(202);
    expect(smtp.received.length).toBe(before);
  });
});
