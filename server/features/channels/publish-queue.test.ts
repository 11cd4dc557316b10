import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALL_JOBS } from "../../bootstrap";
import { JobQueue } from "../../jobs/queue";
import { newId } from "../../lib/ids";
import { startTestServer, type TestServer } from "../../test/test-server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

describe("channel.publish on pg-boss", () => {
  it("keeps at most one queued job per publication (exclusive queue, publication id as singleton key)", async () => {
    const queue = new JobQueue(
      server.services.database,
      { mode: "pgboss", work: false, schedule: false, connectionString: server.services.database.url },
      server.services.logger,
    );
    queue.register(ALL_JOBS);
    await queue.start({ ...server.services, jobs: queue });
    try {
      const a = newId();
      const b = newId();
      for (const id of [a, a, a, b]) await queue.enqueue("channel.publish", { publicationId: id }, { singletonKey: id });
      const { rows } = await server.services.database.sql.query(
        "select singleton_key, count(*)::int as n from pgboss.job where name = 'channel.publish' group by singleton_key order by singleton_key",
      );
      expect(rows).toEqual([
        { singleton_key: a < b ? a : b, n: 1 },
        { singleton_key: a < b ? b : a, n: 1 },
      ]);
    } finally {
      await queue.stop();
    }
  });
});
