import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorMessage } from "../../../common/i18n/errors";
import type { ChannelConnection } from "../../../common/schemas/channels";
import { channelAccounts, contentPublications } from "../../db/schema";
import type { AppError } from "../../http/errors";
import { createTree, signedIn } from "../../test/factories";
import { startTestServer, type TestServer } from "../../test/test-server";
import { planPublications, releasePublications } from "./commands/plan-publications";
import { claimPending } from "./commands/publication-state";
import { loadPublication, runPublication } from "./commands/run-publication";
import { createChannel } from "./commands/write-channel";
import { UNCERTAIN_MESSAGE } from "./connectors/platform-error";
import { collectEngagement } from "./jobs/engagement.job";
import { connections, contextFor, type Fakes, seedImage, seedItem, startFakes } from "./test-fixtures";

let server: TestServer;
let fakes: Fakes;
beforeAll(async () => {
  fakes = await startFakes();
  server = await startTestServer({ env: fakes.env });
});
afterAll(async () => {
  await server?.close();
  await fakes?.close();
});

type Platform = keyof ReturnType<typeof connections>;

/** An agency with an editor context and one account per platform asked for. */
async function agency(...platforms: Platform[]) {
  const tree = await createTree(server.services);
  const ctx = await contextFor(server.services, tree.opdA, "editor");
  const ids = {} as Record<Platform, string>;
  for (const p of platforms) {
    const connection = connections(fakes)[p] as ChannelConnection;
    ids[p] = await server.services.db.transaction((tx) =>
      createChannel(tx, ctx, { organizationId: tree.opdA.id, name: `Akun ${p}`, connection }),
    );
  }
  return { tree, ctx, ids };
}

const plan = (
  ctx: Awaited<ReturnType<typeof agency>>["ctx"],
  item: Parameters<typeof planPublications>[2],
  ids: string[],
  texts?: Record<string, string>,
) => server.services.db.transaction((tx) => planPublications(tx, ctx, item, ids, texts));

async function publication(contentId: string, accountId: string) {
  const [row] = await server.services.db
    .select()
    .from(contentPublications)
    .where(sql`${contentPublications.contentId} = ${contentId} and ${contentPublications.channelAccountId} = ${accountId}`);
  return row;
}

/** As if the lease had run out: the worker that claimed the row is long gone. */
const age = (id: string) =>
  server.services.db
    .update(contentPublications)
    .set({ updatedAt: sql`now() - interval '11 minutes'` })
    .where(eq(contentPublications.id, id));

const sent = (f: { received: unknown[] }) => f.received.length;

describe("planning publications", () => {
  it("refuses a post a platform would reject, precisely, before anything is stored", async () => {
    const { tree, ctx, ids } = await agency("x", "instagram", "youtube");
    const item = await seedItem(server.services, tree.opdA);
    const failure = async (accounts: string[], texts?: Record<string, string>) => {
      const err = (await plan(ctx, item, accounts, texts).catch((e) => e)) as AppError;
      expect(err.status).toBe(400);
      const [[field, detail]] = Object.entries(err.fields ?? {});
      return { field, message: errorMessage("id", detail.code, detail.params) };
    };
    expect(await failure([ids.x], { [ids.x]: "a".repeat(281) })).toEqual({
      field: `channels.${ids.x}`,
      message: "Teks terlalu panjang untuk X: 281 dari 280 karakter.",
    });
    expect(await failure([ids.instagram])).toEqual({ field: `channels.${ids.instagram}`, message: "Instagram membutuhkan 1–10 gambar." });
    expect(await failure([ids.youtube])).toEqual({ field: `channels.${ids.youtube}`, message: "YouTube membutuhkan satu video." });
    expect(await server.services.db.select().from(contentPublications).where(eq(contentPublications.contentId, item.id))).toEqual([]);
  });

  it("accepts only active accounts of the item's organization or its ancestors", async () => {
    const { tree, ctx, ids } = await agency("telegram");
    const other = await agency("telegram");
    const item = await seedItem(server.services, tree.opdA);
    const notFound = async (accounts: string[]) => {
      const err = (await plan(ctx, item, accounts).catch((e) => e)) as AppError;
      expect(err.status).toBe(404);
      expect(Object.keys(err.fields ?? {})).toEqual(["channelAccountIds"]);
    };
    await notFound([other.ids.telegram]);
    const sibling = await seedItem(server.services, tree.opdB);
    expect((await server.services.db.transaction((tx) => planPublications(tx, ctx, sibling, [ids.telegram])).catch((e) => e)).status).toBe(
      404,
    );
    await server.services.db.update(channelAccounts).set({ active: false }).where(eq(channelAccounts.id, ids.telegram));
    await notFound([ids.telegram]);
  });

  it("re-planning updates the text and drops channels no longer chosen", async () => {
    const { tree, ctx, ids } = await agency("telegram", "x");
    const item = await seedItem(server.services, tree.opdA);
    await plan(ctx, item, [ids.telegram, ids.x]);
    expect((await publication(item.id, ids.telegram)).text).toBe(`${item.title}\n\n${item.summary}\n\n${item.publicUrl}`);
    await plan(ctx, item, [ids.telegram], { [ids.telegram]: "Teks khusus Telegram" });
    expect((await publication(item.id, ids.telegram)).text).toBe("Teks khusus Telegram");
    expect(await publication(item.id, ids.x)).toBeUndefined();
  });
});

describe("publishing when released", () => {
  it("posts once to every chosen platform and records where", async () => {
    const { tree, ctx, ids } = await agency("telegram", "facebook", "x", "webhook", "wordpress", "instagram");
    const image = await seedImage(server.services, tree.opdA, 1080, 1080);
    const item = await seedItem(server.services, tree.opdA, { mediaAssetIds: [image] });
    const before = {
      tg: sent(fakes.telegram),
      fb: sent(fakes.graph),
      x: sent(fakes.x),
      wh: sent(fakes.webhook),
      wp: sent(fakes.wordpress),
    };
    await plan(ctx, item, Object.values(ids));
    await releasePublications(server.services, item.id);
    await releasePublications(server.services, item.id);
    expect(sent(fakes.telegram) - before.tg).toBe(1);
    expect(sent(fakes.graph) - before.fb).toBe(2); // the Page post and the Instagram post
    expect(sent(fakes.x) - before.x).toBe(1);
    expect(sent(fakes.webhook) - before.wh).toBe(1);
    expect(sent(fakes.wordpress) - before.wp).toBe(1);
    expect(fakes.telegram.received.at(-1)).toMatchObject({
      method: "sendPhoto",
      text: `${item.title}\n\n${item.summary}\n\n${item.publicUrl}`,
    });
    expect(fakes.graph.containers.at(-1)?.imageUrl).toBe(`${server.services.publicUrl}/media/${image}/large`);
    for (const id of Object.values(ids)) {
      const row = await publication(item.id, id);
      expect(row).toMatchObject({ status: "published", attempts: 1, lastError: null });
      expect(row.externalId).toBeTruthy();
      expect(row.publishedAt).not.toBeNull();
    }
    expect((await publication(item.id, ids.telegram)).url).toMatch(/^https:\/\/t\.me\/humas_uji\/\d+$/);

    await collectEngagement(server.services);
    expect((await publication(item.id, ids.facebook)).engagement).toEqual({ shares: 4, reactions: 21, comments: 3 });
    expect((await publication(item.id, ids.x)).engagement).toMatchObject({ likes: 12, impressions: 940 });
    expect((await publication(item.id, ids.telegram)).engagement).toBeNull();
  });

  it("stores failures in plain words: a dead token fails and flags the account, a rate limit retries", async () => {
    const { tree, ctx, ids } = await agency("telegram", "x");
    const item = await seedItem(server.services, tree.opdA);
    await plan(ctx, item, [ids.telegram, ids.x]);
    fakes.telegram.fail({ status: 401, body: { ok: false, error_code: 401, description: "Unauthorized" } }, "sendMessage");
    fakes.x.fail({ status: 429, body: { title: "Too Many Requests", detail: "Too Many Requests", status: 429 } }, "/2/tweets");
    await releasePublications(server.services, item.id);
    expect(await publication(item.id, ids.telegram)).toMatchObject({
      status: "failed",
      lastError: "Token kanal tidak berlaku; hubungkan ulang akun.",
    });
    const [account] = await server.services.db.select().from(channelAccounts).where(eq(channelAccounts.id, ids.telegram));
    expect(account).toMatchObject({ status: "error", lastError: "Token kanal tidak berlaku; hubungkan ulang akun." });
    const limited = await publication(item.id, ids.x);
    expect(limited).toMatchObject({ status: "pending", lastError: "Dibatasi oleh platform; dicoba lagi otomatis." });
    // The queue's retry:
    await runPublication(server.services, limited.id);
    expect(await publication(item.id, ids.x)).toMatchObject({ status: "published", attempts: 2, lastError: null });
  });
});

describe("idempotency: never post twice on our own", () => {
  it("a crash after Telegram accepted the post leaves it uncertain; only a person's retry sends again", async () => {
    const { tree, ctx, ids } = await agency("telegram");
    const editor = await signedIn(server, tree.opdA, "editor");
    const item = await seedItem(server.services, tree.opdA, { title: "Uji kerusakan pekerja" });
    await plan(ctx, item, [ids.telegram]);
    const row = await publication(item.id, ids.telegram);
    const before = sent(fakes.telegram);

    // The worker claims the row and the platform accepts the post; then the process dies.
    const claim = await claimPending(server.services.db, row.id);
    const loaded = await loadPublication(server.services, claim?.row ?? row);
    await loaded.connector.publish(loaded.account, loaded.post, row.id);
    expect(sent(fakes.telegram) - before).toBe(1);

    // A retry while the lease is live does nothing.
    await runPublication(server.services, row.id);
    expect((await publication(item.id, ids.telegram)).status).toBe("publishing");
    // After the lease, Telegram cannot be asked whether the post exists: it is marked uncertain.
    await age(row.id);
    await server.services.jobs.enqueue("channels.sweep", {});
    expect(await publication(item.id, ids.telegram)).toMatchObject({ status: "failed", lastError: UNCERTAIN_MESSAGE });
    await runPublication(server.services, row.id);
    expect(sent(fakes.telegram) - before).toBe(1);

    // A person checked the channel and decides to send again.
    const retried = await editor.client.post(`/api/v1/channels/publications/${row.id}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ status: "published", error: null });
    expect(sent(fakes.telegram) - before).toBe(2);
    expect((await editor.client.post(`/api/v1/channels/publications/${row.id}/retry`)).status).toBe(409);
    const outsider = await signedIn(server, tree.opdB, "editor");
    expect((await outsider.client.post(`/api/v1/channels/publications/${row.id}/retry`)).status).toBe(404);
  });

  it("a crash after Facebook accepted the post is recovered by looking the post up, not by posting again", async () => {
    const { tree, ctx, ids } = await agency("facebook");
    const item = await seedItem(server.services, tree.opdA, { title: "Uji pemulihan Facebook" });
    await plan(ctx, item, [ids.facebook]);
    const row = await publication(item.id, ids.facebook);
    const before = sent(fakes.graph);
    const claim = await claimPending(server.services.db, row.id);
    const loaded = await loadPublication(server.services, claim?.row ?? row);
    const accepted = await loaded.connector.publish(loaded.account, loaded.post, row.id);
    await age(row.id);
    await server.services.jobs.enqueue("channels.sweep", {});
    expect(sent(fakes.graph) - before).toBe(1);
    expect(await publication(item.id, ids.facebook)).toMatchObject({ status: "published", externalId: accepted.externalId, attempts: 2 });
  });

  it("a lost answer is handled at once: Telegram uncertain, the webhook resent under the same key", async () => {
    const { tree, ctx, ids } = await agency("telegram", "webhook");
    const item = await seedItem(server.services, tree.opdA, { title: "Uji jawaban hilang" });
    await plan(ctx, item, [ids.telegram, ids.webhook]);
    const tg = sent(fakes.telegram);
    const wh = { processed: sent(fakes.webhook), requests: fakes.webhook.requests.length };
    fakes.telegram.dropAnswer("sendMessage");
    fakes.webhook.dropAnswer("/sinergi");
    await releasePublications(server.services, item.id);
    expect(await publication(item.id, ids.telegram)).toMatchObject({ status: "failed", lastError: UNCERTAIN_MESSAGE });
    expect(sent(fakes.telegram) - tg).toBe(1);
    const hook = await publication(item.id, ids.webhook);
    expect(hook.status).toBe("pending");
    await runPublication(server.services, hook.id);
    expect(await publication(item.id, ids.webhook)).toMatchObject({ status: "published" });
    expect(fakes.webhook.requests.length - wh.requests).toBe(2);
    expect(sent(fakes.webhook) - wh.processed).toBe(1);
  });

  it("two jobs running at once for one publication post once", async () => {
    const { tree, ctx, ids } = await agency("telegram");
    const item = await seedItem(server.services, tree.opdA, { title: "Uji pekerja ganda" });
    await plan(ctx, item, [ids.telegram]);
    const row = await publication(item.id, ids.telegram);
    const before = sent(fakes.telegram);
    fakes.telegram.delay(150);
    try {
      await Promise.all([
        runPublication(server.services, row.id),
        runPublication(server.services, row.id),
        runPublication(server.services, row.id),
      ]);
    } finally {
      fakes.telegram.delay(0);
    }
    expect(sent(fakes.telegram) - before).toBe(1);
    expect(await publication(item.id, ids.telegram)).toMatchObject({ status: "published", attempts: 1 });
  });
});
