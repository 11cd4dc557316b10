/**
 * Release distribution: one press release to a dynamic list of N journalists (5,000 by default)
 * through a local SMTP server, on PostgreSQL with the real queue (pg-boss worker in-process):
 * rate limit off, then on. Reference in the same run: the same number of messages sent by
 * nodemailer directly (same pooled transport, same server), with no queue and no database.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";
import { closeServices, createServices } from "../server/bootstrap";
import { openDatabase } from "../server/db/client";
import { contactLists, distributionSettings } from "../server/db/schema";
import { loadEnv } from "../server/env";
import { enqueueBatches, startDistribution } from "../server/features/distribution/commands/start-distribution";
import type { CommandContext } from "../server/http/route-kit";
import { newId } from "../server/lib/ids";
import { createLogger } from "../server/logger";
import type { Services } from "../server/services";
import { seedOrganization, seedUser } from "../server/setup/seed-helpers";
import { createFreshDatabase, dropDatabase, postgresVersion } from "./lib/pg";
import { type BenchResult, machineInfo } from "./lib/report";

const DB_NAME = "sinergi_bench_distribution";

/** An SMTP sink: accepts every message, keeps only when it arrived (no parsing, so it is never the bottleneck). */
async function startSink() {
  const arrivals: number[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      stream.on("data", () => undefined);
      stream.on("end", () => {
        arrivals.push(performance.now());
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { url: `smtp://127.0.0.1:${port}`, arrivals, close: () => new Promise<void>((r) => server.close(() => r())) };
}

async function waitSettled(services: Services, distributionId: string, timeoutSeconds: number) {
  const deadline = Date.now() + timeoutSeconds * 1000;
  for (;;) {
    const r = (await services.db.execute(sql`select count(*) filter (where status in ('queued', 'sending', 'deferred'))::int as open,
      count(*) filter (where status = 'accepted')::int as accepted from distribution_recipients where distribution_id = ${distributionId}`)) as unknown as {
      rows: { open: number; accepted: number }[];
    };
    if (r.rows[0].open === 0 || Date.now() > deadline) return r.rows[0].accepted;
    await new Promise((res) => setTimeout(res, 250));
  }
}

export async function runDistributionSend(opts: {
  recipients: number;
  ratePerMinute: number;
  timeoutSeconds: number;
}): Promise<BenchResult> {
  const started = performance.now();
  const pgVersion = await postgresVersion();
  const url = await createFreshDatabase(DB_NAME);
  const dataDir = mkdtempSync(path.join(tmpdir(), "sinergi-bench-"));
  const sink = await startSink();
  const cleanups: (() => Promise<unknown>)[] = [
    () => dropDatabase(DB_NAME),
    async () => rmSync(dataDir, { recursive: true, force: true }),
    () => sink.close(),
  ];
  try {
    const env = loadEnv({
      NODE_ENV: "production",
      DATA_DIR: dataDir,
      LOG_LEVEL: "silent",
      DATABASE_URL: url,
      SMTP_URL: sink.url,
      MAIL_FROM: "Sinergi <humas@sinergi.bench>",
      PUBLIC_URL: "https://humas.bench",
    });
    const database = await openDatabase({ databaseUrl: url, poolSize: 10 });
    const services = await createServices(env, createLogger("silent"), { mode: "pgboss", work: true, schedule: false }, database);
    await services.jobs.start(services);
    cleanups.unshift(() => closeServices(services));
    const { db } = services;

    const { org, userId } = await db.transaction(async (tx) => {
      const o = await seedOrganization(tx, null, {
        name: "Pemerintah Provinsi Bench",
        shortName: "Prov Bench",
        kind: "provinsi",
        regionCode: "64",
      });
      const u = await seedUser(tx, {
        email: "humas@bench.go.id",
        name: "Humas Bench",
        password: null,
        grants: [{ organizationId: o.id, role: "admin" }],
      });
      return { org: o, userId: u };
    });
    const t0 = performance.now();
    await db.execute(sql`insert into journalists (id, organization_id, name, beats, email, consent)
      select gen_random_uuid(), ${org.id}, 'Wartawan Bench ' || s, array['pemerintahan'], 'wartawan' || s || '@media.bench',
        jsonb_build_object('purpose', 'Distribusi rilis', 'basis', 'persetujuan', 'consentedAt', '2025-01-01', 'source', 'bench')
      from generate_series(1, ${opts.recipients}) s`);
    const contentId = newId();
    await db.execute(sql`insert into content_items (id, organization_id, type, title, slug, summary, body_html, body_text, status, published_at, public_from)
      values (${contentId}, ${org.id}, 'siaran_pers', 'Siaran pers benchmark distribusi', 'bench-distribusi', 'Ringkasan siaran pers.',
        ${"<p>Isi siaran pers.</p>".repeat(20)}, ${"Isi siaran pers. ".repeat(20)}, 'published', now(), now())`);
    const listId = newId();
    await db.insert(contactLists).values({
      id: listId,
      organizationId: org.id,
      name: "Semua wartawan pemerintahan",
      kind: "dynamic",
      filters: { beat: "pemerintahan" },
    });
    const seedSeconds = (performance.now() - t0) / 1000;

    const ctx: CommandContext = {
      actor: { kind: "user", userId, name: "Humas Bench", grants: [{ organizationId: org.id, path: org.path, role: "admin" }] },
      ip: null,
      locale: "id",
      services,
    };
    const send = async (ratePerMinute: number) => {
      await db
        .insert(distributionSettings)
        .values({ organizationId: org.id, ratePerMinute, maxAttachmentMb: 10, openTracking: false })
        .onConflictDoUpdate({ target: distributionSettings.organizationId, set: { ratePerMinute } });
      const before = sink.arrivals.length;
      const t = performance.now();
      const { id, batches } = await db.transaction((tx) =>
        startDistribution(tx, ctx, { contentId, listIds: [listId], attachPhotos: false, replyTo: "kontak@humas.bench" }),
      );
      await enqueueBatches(services, id, batches);
      const planned = (performance.now() - t) / 1000;
      const accepted = await waitSettled(services, id, opts.timeoutSeconds);
      const seconds = (performance.now() - t) / 1000;
      const arrived = sink.arrivals.slice(before);
      // The achieved rate between the first and the last message (what a receiving server sees).
      const span = arrived.length > 1 ? (arrived[arrived.length - 1] - arrived[0]) / 1000 : seconds;
      return { accepted, seconds, planned, perSecond: accepted / seconds, perMinuteObserved: ((arrived.length - 1) / span) * 60 };
    };

    console.log(`  rate limit off: ${opts.recipients} recipients…`);
    const off = await send(0);
    console.log(`  rate limit ${opts.ratePerMinute}/min: ${opts.recipients} recipients…`);
    const on = await send(opts.ratePerMinute);

    console.log("  reference: nodemailer directly (pooled, 5 connections, 5 in flight)…");
    const transport = nodemailer.createTransport(`${sink.url}?pool=true&maxConnections=5&maxMessages=500`);
    const tr = performance.now();
    let next = 0;
    const body = "Isi siaran pers. ".repeat(20);
    await Promise.all(
      Array.from({ length: 5 }, async () => {
        while (next < opts.recipients) {
          const i = next++;
          await transport.sendMail({
            from: '"Prov Bench" <humas@sinergi.bench>',
            to: `wartawan${i}@media.bench`,
            subject: "Siaran pers benchmark distribusi",
            text: body,
            html: `<p>${body}</p>`,
          });
        }
      }),
    );
    const refSeconds = (performance.now() - tr) / 1000;
    transport.close();
    const refRate = opts.recipients / refSeconds;

    return {
      name: "distribution-send",
      title: `Release distribution: ${opts.recipients} recipients through a local SMTP server on PostgreSQL (pg-boss)`,
      date: new Date().toISOString(),
      machine: machineInfo(pgVersion),
      setup: { ...opts, seedSeconds, planSecondsOff: off.planned, planSecondsOn: on.planned },
      columns: ["messages", "seconds", "messages/s", "% of direct", "observed/min"],
      rows: [
        {
          label: "reference: nodemailer sendMail in a loop (5 in flight, no queue, no database)",
          values: {
            messages: opts.recipients,
            seconds: refSeconds,
            "messages/s": refRate,
            "% of direct": 100,
            "observed/min": refRate * 60,
          },
          reference: true,
        },
        {
          label: "distribution, rate limit off: resolve list + snapshot + distribution.send batches",
          values: {
            messages: off.accepted,
            seconds: off.seconds,
            "messages/s": off.perSecond,
            "% of direct": (off.perSecond / refRate) * 100,
            "observed/min": off.perMinuteObserved,
          },
          target: "all accepted",
          pass: off.accepted === opts.recipients,
        },
        {
          label: `distribution, rate limit ${opts.ratePerMinute}/min`,
          values: {
            messages: on.accepted,
            seconds: on.seconds,
            "messages/s": on.perSecond,
            "% of direct": (on.perSecond / refRate) * 100,
            "observed/min": on.perMinuteObserved,
          },
          target: `all accepted, ≤ ${opts.ratePerMinute}/min (+5 %)`,
          pass: on.accepted === opts.recipients && on.perMinuteObserved <= opts.ratePerMinute * 1.05,
        },
      ],
      notes: [
        `Seeding ${opts.recipients} journalists took ${seedSeconds.toFixed(1)} s; resolving the list and writing the snapshot took ${off.planned.toFixed(1)} s (off) and ${on.planned.toFixed(1)} s (on), inside the times above.`,
        "One process: web command, pg-boss worker (distribution.send, 4 batches side by side, 5 messages in flight per batch over a pool of 5 SMTP connections) and the SMTP sink. Each message is personalised (greeting, unsubscribe token, List-Unsubscribe headers) and its outcome written per recipient, with a journalist_interactions row.",
        `The limit is kept by scheduling and pacing: batches of ~10 s worth of messages, each due size/rate after the previous one (pg-boss startAfter), messages inside a batch started 60/rate s apart. "observed/min" is measured at the SMTP server between the first and the last message of the run.`,
      ],
      durationSeconds: (performance.now() - started) / 1000,
    };
  } finally {
    for (const c of cleanups) await c().catch((err) => console.error("  cleanup:", err instanceof Error ? err.message : err));
  }
}
