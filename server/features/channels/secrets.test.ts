import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeServices, createServices } from "../../bootstrap";
import { loadEnv } from "../../env";
import { createLogger } from "../../logger";
import type { Services } from "../../services";
import { createTree, signedIn } from "../../test/factories";
import { openTestDatabase } from "../../test/test-database";
import { startOnLoopback, type TestServer } from "../../test/test-server";
import { planPublications, releasePublications } from "./commands/plan-publications";
import {
  connections,
  contextFor,
  type Fakes,
  FB_TOKEN,
  seedItem,
  startFakes,
  TG_TOKEN,
  WEBHOOK_SECRET,
  WP_PASSWORD,
  X_TOKEN,
  YT_TOKEN,
} from "./test-fixtures";

/** A test server like startTestServer, but whose logger writes every line (trace level) here. */
const lines: string[] = [];
let server: TestServer;
let fakes: Fakes;
let drop: () => Promise<void>;

beforeAll(async () => {
  fakes = await startFakes();
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const env = loadEnv({ NODE_ENV: "test", DATA_DIR: mkdtempSync(path.join(tmpdir(), "sinergi-test-")), LOG_LEVEL: "trace", ...fakes.env });
  const opened = await openTestDatabase();
  drop = opened.drop;
  const services: Services = await createServices(
    env,
    createLogger("trace", sink),
    { mode: "inline", work: false, schedule: false },
    opened.database,
  );
  const app: FastifyInstance = await startOnLoopback(services);
  server = { app, services, baseUrl: services.publicUrl, close: async () => undefined };
});
afterAll(async () => {
  await server?.app.close();
  if (server) await closeServices(server.services);
  await drop?.();
  await fakes?.close();
});

// Distinctive parts of every credential (a bot token's id prefix is public, its secret half is not).
const SECRETS = [TG_TOKEN.split(":")[1], FB_TOKEN, X_TOKEN, YT_TOKEN, WEBHOOK_SECRET, WP_PASSWORD, WP_PASSWORD.replace(/ /g, "")];

describe("channel secrets stay secret", () => {
  it("never appear in an API response or a log line, through connect, check, failures and publishing", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.opdA, "editor");
    const responses: string[] = [];
    const ids: string[] = [];
    for (const [platform, connection] of Object.entries(connections(fakes))) {
      const res = await client.post("/api/v1/channels", { organizationId: tree.opdA.id, name: `Akun ${platform}`, connection });
      expect(res.status, platform).toBe(201);
      responses.push(res.text);
      ids.push(res.body.id);
    }
    // A failing check, a rejected PATCH (echoing input would leak) and every read.
    fakes.telegram.fail({ status: 401, body: { ok: false, error_code: 401, description: "Unauthorized" } });
    for (const id of ids) responses.push((await client.post(`/api/v1/channels/${id}/check`)).text);
    responses.push(
      (await client.patch(`/api/v1/channels/${ids[0]}`, { connection: { platform: "telegram", botToken: TG_TOKEN, chatId: "tanpa at" } }))
        .text,
    );
    responses.push((await client.get("/api/v1/channels?includeInactive=true")).text);
    for (const id of ids) responses.push((await client.get(`/api/v1/channels/${id}`)).text);

    // Publishing, with a rate limit and a server error on the way (both logged as job failures).
    const ctx = await contextFor(server.services, tree.opdA, "editor");
    const item = await seedItem(server.services, tree.opdA);
    const textOnly = ids.filter((_, i) => !["instagram", "youtube"].includes(Object.keys(connections(fakes))[i]));
    await server.services.db.transaction((tx) => planPublications(tx, ctx, item, textOnly));
    fakes.x.fail({ status: 429, body: { title: "Too Many Requests", status: 429 } }, "/2/tweets");
    fakes.wordpress.fail({ status: 503, body: { code: "unavailable", message: "Maintenance" } }, "/posts");
    await releasePublications(server.services, item.id);
    responses.push((await client.get(`/api/v1/channels/${ids[0]}`)).text);

    const logs = lines.join("");
    expect(logs).toContain("incoming request");
    expect(logs).toContain("job failed");
    for (const secret of SECRETS) {
      for (const text of responses) expect(text).not.toContain(secret);
      expect(logs).not.toContain(secret);
    }
  });
});
