import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { policyRegistry } from "../policies/core";
import { startTestServer, type TestServer } from "../test/test-server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

// Routes served by plugins (docs UI, static files) rather than by Sinergi features.
const INFRASTRUCTURE = [/^\/api\/docs/, /^\/app\/$/, /^\/app\/\*$/];

describe("every route makes a policy decision", () => {
  it("each registered route names a known policy", () => {
    const routes = server.app.routeList.filter((r) => !INFRASTRUCTURE.some((re) => re.test(r.url)));
    expect(routes.length).toBeGreaterThan(30);
    const missing = routes
      .filter((r) => !r.config?.policy || !policyRegistry.has(r.config.policy as string))
      .map((r) => `${r.method} ${r.url} → ${r.config?.policy}`);
    expect(missing).toEqual([]);
  });

  it("every non-public API route answers 401 without a session", async () => {
    const routes = server.app.routeList.filter((r) => r.url.startsWith("/api/v1/") && r.config?.policy !== "public");
    for (const r of routes) {
      const method = Array.isArray(r.method) ? r.method[0] : r.method;
      if (method === "HEAD") continue;
      const url = r.url.replace(/:(\w+)/g, "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");
      const res = await fetch(`${server.baseUrl}${url}`, {
        method,
        headers: method === "GET" ? {} : { "content-type": "application/json" },
        body: method === "GET" ? undefined : "{}",
      });
      expect([401, 400], `${method} ${r.url}`).toContain(res.status);
      if (res.status === 400) {
        // Validation may run first; with a valid body it must still be 401.
        expect((await res.json()).error.code, `${method} ${r.url}`).toBe("validation_failed");
      }
    }
  });
});
