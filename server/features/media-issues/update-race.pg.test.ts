import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, mediaIssueEvents } from "../../db/schema";
import { createTree, signedIn } from "../../test/factories";
import { startTestServer, type TestServer } from "../../test/test-server";

// PostgreSQL only: real concurrency (PGlite runs one statement at a time).
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

describe("concurrent issue updates", () => {
  it("lets exactly one of two saves on the same version win; the loser writes nothing", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.root, "coordinator");
    for (let round = 0; round < 5; round++) {
      const created = await client.post("/api/v1/media-issues", {
        title: `Isu balapan ${round}`,
        severity: "sedang",
        organizationId: tree.opdA.id,
        source: { kind: "manual" },
      });
      expect(created.status, created.text).toBe(201);
      const { id, version } = created.body;
      const results = await Promise.all([
        client.patch(`/api/v1/media-issues/${id}`, { version, status: "ditangani", note: "A" }),
        client.patch(`/api/v1/media-issues/${id}`, { version, status: "dipantau", note: "B" }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const loser = results.find((r) => r.status === 409);
      expect(loser?.body.error.code).toBe("issue_version_conflict");
      const events = await server.services.db.select().from(mediaIssueEvents).where(eq(mediaIssueEvents.issueId, id));
      expect(events.filter((e) => e.kind === "status")).toHaveLength(1);
      const audits = await server.services.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, id), eq(auditLog.action, "media_issue.update")));
      expect(audits).toHaveLength(1);
      const detail = await client.get(`/api/v1/media-issues/${id}`);
      expect(detail.body.version).toBe(version + 1);
    }
  });
});
