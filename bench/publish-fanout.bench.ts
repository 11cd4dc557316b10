/**
 * Scheduling fan-out: 1,000 published items × 5 channels (Telegram, Facebook, X, webhook,
 * WordPress) posted through the real queue (pg-boss on PostgreSQL) and the real connectors to the
 * local platform servers. Reference in the same run: the same 5,000 posts sent by the connectors
 * in a plain loop (no queue, no database). Reports throughput and duplicates (must be zero).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { closeServices, createServices } from "../server/bootstrap";
import { openDatabase } from "../server/db/client";
import { channelAccounts } from "../server/db/schema";
import { loadEnv } from "../server/env";
import { openAccount, sealConnection } from "../server/features/channels/account-secrets";
import { releasePublications } from "../server/features/channels/commands/plan-publications";
import { connectorFor } from "../server/features/channels/connectors/registry";
import { newId } from "../server/lib/ids";
import { createLogger } from "../server/logger";
import { startFakeGraph, startFakeTelegram, startFakeWebhook, startFakeWordpress, startFakeX } from "../server/test/fake-platforms";
import { createFreshDatabase, dropDatabase, postgresVersion } from "./lib/pg";
import { type BenchResult, machineInfo } from "./lib/report";
import { seedBenchData } from "./lib/seed";

const DB_NAME = "sinergi_bench_fanout";
const BOT = "7000000001:AAFakeTokenForTheLocalTelegramServer01";

export async function runPublishFanout(opts: { items: number; timeoutSeconds: number }): Promise<BenchResult> {
  const started = performance.now();
  const pgVersion = await postgresVersion();
  const url = await createFreshDatabase(DB_NAME);
  const dataDir = mkdtempSync(path.join(tmpdir(), "sinergi-bench-"));
  const fakes = {
    telegram: await startFakeTelegram({ token: BOT }),
    graph: await startFakeGraph({ token: "EAAG-bench-page-token-000000" }),
    x: await startFakeX({ token: "x-bench-user-token-000000" }),
    webhook: await startFakeWebhook({ secret: "bench-signing-secret" }),
    wordpress: await startFakeWordpress({ username: "humas", password: "abcd efgh ijkl mnop" }),
  };
  const cleanups: (() => Promise<unknown>)[] = [
    () => dropDatabase(DB_NAME),
    async () => rmSync(dataDir, { recursive: true, force: true }),
    ...Object.values(fakes).map((f) => () => f.close()),
  ];
  try {
    const env = loadEnv({
      NODE_ENV: "production",
      DATA_DIR: dataDir,
      LOG_LEVEL: "silent",
      DATABASE_URL: url,
      TELEGRAM_API_URL: fakes.telegram.url,
      GRAPH_API_URL: fakes.graph.url,
      X_API_URL: fakes.x.url,
      OUTBOUND_ALLOW: "127.0.0.1",
    });
    const seedDb = await openDatabase({ databaseUrl: url, poolSize: 2 });
    await seedBenchData(seedDb.db, { organizations: 1000, users: 500 }).finally(() => seedDb.close());
    const database = await openDatabase({ databaseUrl: url, poolSize: 10 });
    const services = await createServices(env, createLogger("silent"), { mode: "pgboss", work: true, schedule: false }, database);
    await services.jobs.start(services);
    cleanups.unshift(() => closeServices(services));
    const { db } = services;
    const org = (
      (await db.execute(sql`select id from organizations where depth = 1 order by id limit 1`)) as unknown as { rows: { id: string }[] }
    ).rows[0].id;

    const connections = [
      { platform: "telegram", botToken: BOT, chatId: "@humasbench" },
      { platform: "facebook", pageId: "104857600000001", pageAccessToken: "EAAG-bench-page-token-000000" },
      { platform: "x", accessToken: "x-bench-user-token-000000" },
      { platform: "webhook", url: `${fakes.webhook.url}/hook`, signingSecret: "bench-signing-secret" },
      { platform: "wordpress", siteUrl: fakes.wordpress.url, username: "humas", applicationPassword: "abcd efgh ijkl mnop" },
    ] as const;
    const accounts: { id: string; platform: string; config: Record<string, string>; secretEnc: string | null }[] = [];
    for (const c of connections) {
      const id = newId();
      const sealed = sealConnection(env, id, c as never);
      accounts.push({ id, platform: c.platform, ...sealed });
      await db.insert(channelAccounts).values({ id, organizationId: org, platform: c.platform, name: `Bench ${c.platform}`, ...sealed });
    }

    // The items are public and released; each has one pending publication per channel.
    await db.execute(sql`
      insert into content_items (id, organization_id, type, title, slug, status, published_at, public_from, released_at)
      select gen_random_uuid(), ${org}, 'siaran_pers', 'Siaran pers benchmark nomor ' || s, 'bench-' || s, 'published', now(), now(), now()
      from generate_series(1, ${opts.items}) s`);
    for (const a of accounts) {
      await db.execute(sql`
        insert into content_publications (id, content_id, channel_account_id, organization_id, text, status, post)
        select gen_random_uuid(), c.id, ${a.id}, c.organization_id, c.title || ' https://humas.bench/' || c.slug, 'pending',
               jsonb_build_object('title', c.title, 'link', 'https://humas.bench/' || c.slug, 'mediaAssetIds', '[]'::jsonb)
        from content_items c where c.organization_id = ${org}`);
    }
    const ids = (
      (await db.execute(sql`select id from content_items where organization_id = ${org}`)) as unknown as { rows: { id: string }[] }
    ).rows;
    const total = ids.length * accounts.length;

    console.log(`  queueing ${total} publications (${ids.length} items × ${accounts.length} channels)…`);
    const t0 = performance.now();
    // As the release sweep does: one fan-out call per sweep of up to 200 items.
    for (let i = 0; i < ids.length; i += 200)
      await releasePublications(
        services,
        ids.slice(i, i + 200).map((r) => r.id),
      );
    const queuedSeconds = (performance.now() - t0) / 1000;
    let published = 0;
    const deadline = Date.now() + opts.timeoutSeconds * 1000;
    while (Date.now() < deadline) {
      const r = (await db.execute(
        sql`select count(*) filter (where status = 'published')::int as done, count(*) filter (where status = 'failed')::int as failed from content_publications`,
      )) as unknown as { rows: { done: number; failed: number }[] };
      published = r.rows[0].done;
      if (published + r.rows[0].failed >= total) break;
      await new Promise((res) => setTimeout(res, 200));
    }
    const queueSeconds = (performance.now() - t0) / 1000;
    const received = {
      telegram: fakes.telegram.received.length,
      facebook: fakes.graph.received.length,
      x: fakes.x.received.length,
      webhook: fakes.webhook.received.length,
      wordpress: fakes.wordpress.received.length,
    };
    const duplicates = Object.values(received).reduce((sum, n) => sum + Math.max(0, n - ids.length), 0);

    // Reference: the same posts through the connectors in a loop, without queue or database.
    console.log("  reference: the same posts through the connectors directly…");
    const opened = accounts.map((a) => ({ platform: a.platform, account: openAccount(env, { ...a, name: a.platform }) }));
    const t1 = performance.now();
    for (const [i] of ids.entries()) {
      for (const { platform, account } of opened) {
        const title = `Referensi benchmark nomor ${i + 1}`;
        await connectorFor(env, platform).publish(
          account,
          { text: `${title} https://humas.bench/ref-${i}`, title, link: "", media: [] },
          `ref-${account.id}-${i}`,
        );
      }
    }
    const directSeconds = (performance.now() - t1) / 1000;
    const directRate = total / directSeconds;
    const queueRate = published / queueSeconds;

    return {
      name: "publish-fanout",
      title: `Channel publishing fan-out: ${ids.length} items × ${accounts.length} channels on PostgreSQL (pg-boss)`,
      date: new Date().toISOString(),
      machine: machineInfo(pgVersion),
      setup: { ...opts, received, queuedSeconds },
      columns: ["posts", "seconds", "posts/s", "% of direct", "duplicates"],
      rows: [
        {
          label: "reference: connectors called in a loop (no queue, no database)",
          values: { posts: total, seconds: directSeconds, "posts/s": directRate, "% of direct": 100, duplicates: 0 },
          reference: true,
        },
        {
          label: "queued: channel.publish jobs through pg-boss, claim + post + record",
          values: {
            posts: published,
            seconds: queueSeconds,
            "posts/s": queueRate,
            "% of direct": (queueRate / directRate) * 100,
            duplicates,
          },
          target: "all posted, 0 duplicates",
          pass: published === total && duplicates === 0,
        },
      ],
      notes: [
        `Posts received by the local servers: ${Object.entries(received)
          .map(([k, v]) => `${k} ${v}`)
          .join(", ")} (each must be ${ids.length}).`,
        `Queueing the ${total} jobs took ${queuedSeconds.toFixed(1)} s of the queued run. One worker process (pg-boss batches of 32 fetched back to back, 8 posts side by side), pool of 10 connections; the fake servers run in the same process. The reference has no claim, record or retry bookkeeping, so it is the ceiling.`,
      ],
      durationSeconds: (performance.now() - started) / 1000,
    };
  } finally {
    for (const c of cleanups) await c().catch((err) => console.error("  cleanup:", err instanceof Error ? err.message : err));
  }
}
