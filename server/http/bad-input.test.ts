import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTree, signedIn, type TestTree } from "../test/factories";
import type { TestClient } from "../test/http-client";
import { startTestServer, type TestServer } from "../test/test-server";

let server: TestServer;
let tree: TestTree;
let admin: TestClient;
beforeAll(async () => {
  server = await startTestServer();
  tree = await createTree(server.services);
  admin = (await signedIn(server, tree.root, "admin")).client;
});
afterAll(async () => server?.close());

const raw = (path: string, init: RequestInit & { headers?: Record<string, string> }) =>
  fetch(`${server.baseUrl}${path}`, {
    ...init,
    headers: { cookie: admin.cookie as string, "x-csrf-token": admin.csrf as string, ...init.headers },
  });

describe("bad input answers a precise 4xx, never a 500, and writes nothing", () => {
  it("malformed JSON → 400 malformed_json", async () => {
    const res = await raw("/api/v1/organizations", {
      method: "POST",
      body: '{"name": "Dinas',
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("malformed_json");
  });

  it("wrong types, unknown fields and over-long strings name the field", async () => {
    const res = await admin.post("/api/v1/organizations", {
      name: 42,
      shortName: "x".repeat(41),
      kind: "kementerian",
      parentId: tree.root.id,
      hacker: true,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("validation_failed");
    expect(res.body.error.fields).toMatchObject({
      name: expect.stringMatching(/Tipe data salah/),
      shortName: "Maksimal 40 karakter.",
      kind: expect.stringMatching(/^Nilai harus salah satu dari: provinsi/),
      hacker: "Kolom tidak dikenal.",
    });
    const en = await admin.request("POST", "/api/v1/organizations", { name: "ab" }, { "accept-language": "en-US,en;q=0.9" });
    // Validation runs before the session is read, so it follows the header the app sends.
    expect(en.body.error.message).toBe("The submitted data is not valid.");
    expect(en.body.error.fields.shortName).toBe("Required.");
  });

  it("bad query strings and ids are 400, not 500", async () => {
    expect((await admin.get("/api/v1/users?page=-1")).status).toBe(400);
    expect((await admin.get("/api/v1/users?pageSize=100000")).status).toBe(400);
    expect((await admin.get("/api/v1/organizations/not-a-uuid")).status).toBe(400);
    expect((await admin.get("/api/v1/users?sort=password")).status).toBe(400);
  });

  it("an oversized body → 413", async () => {
    const res = await raw("/api/v1/organizations", {
      method: "POST",
      body: JSON.stringify({ name: "x".repeat(2_000_000) }),
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe("payload_too_large");
  });

  it("an unsupported content type → 415", async () => {
    const res = await raw("/api/v1/organizations", {
      method: "POST",
      body: "name=x",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(415);
  });

  it("a NUL character anywhere → 400 naming the field, never a 500", async () => {
    const body = await admin.post("/api/v1/organizations", {
      name: "Dinas\u0000Uji",
      shortName: "Uji",
      kind: "opd",
      parentId: tree.root.id,
    });
    expect(body.status).toBe(400);
    expect(body.body.error.fields.name).toMatch(/NUL/);
    const query = await admin.get("/api/v1/users?q=%00");
    expect(query.status).toBe(400);
    expect(query.body.error.fields).toHaveProperty("query.q");
    expect((await admin.patch("/api/v1/me", { name: "A\u0000" })).status).toBe(400);
  });

  it("only http(s) websites are accepted (no javascript: links)", async () => {
    const res = await admin.post("/api/v1/organizations", {
      name: "Dinas Skrip",
      shortName: "Skrip",
      kind: "opd",
      parentId: tree.root.id,
      website: "javascript:alert(1)",
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.website).toBeDefined();
  });

  it("an unknown route → 404 JSON error", async () => {
    const res = await admin.get("/api/v1/tidak-ada");
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: "route_not_found", message: "Alamat API tidak ditemukan." });
  });

  it("a failed command leaves no partial write", async () => {
    const { rows: before } = await server.services.database.sql.query("select count(*)::int as n from organizations");
    const res = await admin.post("/api/v1/organizations", {
      name: "Kota Salah",
      shortName: "Salah",
      kind: "kota",
      parentId: tree.root.id,
      regionCode: "51.03",
    });
    expect(res.status).toBe(400);
    const { rows: after } = await server.services.database.sql.query("select count(*)::int as n from organizations");
    expect(after[0].n).toBe(before[0].n);
  });
});

describe("operations endpoints and headers", () => {
  it("serves health, readiness, metrics and security headers", async () => {
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.baseUrl}/readyz`);
    expect(await ready.json()).toEqual({ status: "ready" });
    const metrics = await (await fetch(`${server.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/sinergi_http_request_duration_seconds_bucket/);
    expect(metrics).toMatch(/process_cpu_user_seconds_total/);
    const res = await fetch(`${server.baseUrl}/api/v1/auth/session`);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
    expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
  });

  it("publishes an OpenAPI 3.1 description generated from the zod schemas", async () => {
    const res = await fetch(`${server.baseUrl}/api/docs/json`);
    const doc = await res.json();
    expect(doc.openapi).toBe("3.1.0");
    const create = doc.paths["/api/v1/organizations"].post;
    expect(create.requestBody.content["application/json"].schema.properties.kind.enum).toContain("instansi_vertikal");
    expect(doc.paths["/api/v1/users"].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(["q", "role", "status", "page"]),
    );
    expect((await fetch(`${server.baseUrl}/api/docs`)).status).toBeLessThan(400);
  });
});
