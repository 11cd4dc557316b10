import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { monitoringSources } from "../../../db/schema";
import { newId } from "../../../lib/ids";
import { createTree } from "../../../test/factories";
import { startTestServer, type TestServer } from "../../../test/test-server";
import { recordIntakeOnSource } from "./intake-source";

// PostgreSQL only: real concurrency (PGlite runs one statement at a time).
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

describe("recordIntakeOnSource", () => {
  it("counts two overlapping intakes on one source", async () => {
    const tree = await createTree(server.services);
    const db = server.services.db;
    const sourceId = newId();
    await db.insert(monitoringSources).values({ id: sourceId, organizationId: tree.opdA.id, kind: "csv", name: "Impor" });
    let releaseFirst = () => {};
    const firstHolds = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    let firstCounted = () => {};
    const firstWrote = new Promise<void>((resolve) => {
      firstCounted = resolve;
    });
    // The first import has counted but not committed when the second one counts.
    const first = db.transaction(async (tx) => {
      await recordIntakeOnSource(tx, sourceId, 3);
      firstCounted();
      await firstHolds;
    });
    await firstWrote;
    const second = db.transaction(async (tx) => recordIntakeOnSource(tx, sourceId, 2));
    await new Promise((r) => setTimeout(r, 300));
    releaseFirst();
    await Promise.all([first, second]);
    const [source] = await db.select().from(monitoringSources).where(eq(monitoringSources.id, sourceId));
    expect(source.itemsTotal).toBe(5);
    expect(source.lastSuccessAt).not.toBeNull();
  });
});
