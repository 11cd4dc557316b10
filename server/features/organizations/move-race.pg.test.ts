import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTree, signedIn } from "../../test/factories";
import { startTestServer, type TestServer } from "../../test/test-server";

// PostgreSQL only: real concurrency (PGlite runs one statement at a time).
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

describe("concurrent moves", () => {
  it("two opposite moves never leave a cycle", async () => {
    for (let round = 0; round < 5; round++) {
      const tree = await createTree(server.services);
      const { client } = await signedIn(server, tree.root, "admin");
      const [ab, ba] = await Promise.all([
        client.post(`/api/v1/organizations/${tree.opdA.id}/move`, { parentId: tree.opdB.id }),
        client.post(`/api/v1/organizations/${tree.opdB.id}/move`, { parentId: tree.opdA.id }),
      ]);
      expect([ab.status, ba.status].sort()).toEqual([200, 400]);
      const { rows } = await server.services.database.sql.query(
        "select id, parent_id, path from organizations where id = any($1::uuid[])",
        [[tree.opdA.id, tree.opdB.id]],
      );
      const byId = new Map(rows.map((r) => [r.id as string, r]));
      const a = byId.get(tree.opdA.id) as { parent_id: string; path: string };
      const b = byId.get(tree.opdB.id) as { parent_id: string; path: string };
      expect(a.parent_id === tree.opdB.id && b.parent_id === tree.opdA.id).toBe(false);
      // Every path still starts at the root and ends with the organization itself.
      for (const [id, r] of [
        [tree.opdA.id, a],
        [tree.opdB.id, b],
      ] as const) {
        expect(r.path.startsWith(tree.root.path)).toBe(true);
        expect(r.path.endsWith(`${id}/`)).toBe(true);
      }
    }
  });
});
