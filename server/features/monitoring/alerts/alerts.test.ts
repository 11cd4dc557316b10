import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alertDeliveries, alertEvents, alertInbox, notifications } from "../../../db/schema";
import { newId } from "../../../lib/ids";
import { createTree, signedIn } from "../../../test/factories";
import { type FakeTelegram, startFakeTelegram } from "../../../test/fake-platforms/telegram";
import { type FakeWebhook, startFakeWebhook } from "../../../test/fake-platforms/webhook";
import { startSmtpServer } from "../../../test/smtp-fixture";
import { startTestServer, type TestServer } from "../../../test/test-server";
import { releaseHeldAlerts } from "./delivery/release-held";
import { evaluatePendingMentions } from "./evaluate/evaluate-mentions";
import { announce, createCluster, createWatchlist, eventually, insertArticles } from "./test-support";

const TG_TOKEN = "7000000001:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
const SECRET = "whsec-alerts-0123456789abcdef";

let server: TestServer;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let telegram: FakeTelegram;
let webhook: FakeWebhook;

beforeAll(async () => {
  smtp = await startSmtpServer();
  telegram = await startFakeTelegram({ token: TG_TOKEN, chats: ["-100777"] });
  webhook = await startFakeWebhook({ secret: SECRET });
  server = await startTestServer({ smtpUrl: smtp.url, env: { OUTBOUND_ALLOW: "127.0.0.1", TELEGRAM_API_URL: telegram.url } });
});
afterAll(async () => {
  await server?.close();
  await Promise.all([smtp?.close(), telegram?.close(), webhook?.close()]);
});

/** Local "HH:MM" in WITA (the test province is Bali) `hours` from now. */
const witaClock = (hours: number) => new Date(Date.now() + (8 + hours) * 3_600_000).toISOString().slice(11, 16);

async function setup(rule: Record<string, unknown> = {}) {
  const tree = await createTree(server.services);
  const coordinator = await signedIn(server, tree.root, "coordinator");
  const opdEditor = await signedIn(server, tree.opdA, "editor");
  const watchlistId = await createWatchlist(server.services, tree.root.id, "Dinas Kesehatan");
  const res = await coordinator.client.post("/api/v1/alert-rules", {
    organizationId: tree.root.id,
    name: "Berita negatif",
    kind: "negative_mention",
    config: { negativeThreshold: 0.7 },
    channels: {
      inApp: true,
      email: true,
      telegram: { chatId: "-100777", botToken: TG_TOKEN },
      webhook: { url: `${webhook.url}/hook`, secret: SECRET },
    },
    ...rule,
  });
  expect(res.status, res.text).toBe(201);
  return { tree, coordinator, opdEditor, watchlistId, rule: res.body };
}

const negativeArticle = (tree: Awaited<ReturnType<typeof createTree>>, watchlistId: string, title: string, clusterId?: string) => ({
  ownerId: tree.root.id,
  title,
  clusterId: clusterId ?? null,
  outletName: "Bali Post Uji",
  mentions: [{ organizationId: tree.opdA.id, watchlistId, tone: "negative" as const, negative: 0.92 }],
});

const eventsOf = (ruleId: string) => server.services.db.select().from(alertEvents).where(eq(alertEvents.ruleId, ruleId));

describe("negative-mention alerts", () => {
  it("raises one alert and delivers it in-app (live), by email, to Telegram and to a signed webhook", async () => {
    const s = await setup();
    // The live stream is open before the article arrives.
    const stream = await fetch(`${server.baseUrl}/api/v1/alerts/stream`, { headers: { cookie: s.coordinator.client.cookie ?? "" } });
    expect(stream.headers.get("content-type")).toContain("text/event-stream");
    const reader = stream.body!.getReader();
    const received = (async () => {
      let text = "";
      while (!text.includes("event: alert")) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
      return text;
    })();

    const rows = await insertArticles(server.services, [
      negativeArticle(s.tree, s.watchlistId, "Pasien terlantar di RSUD, Dinas Kesehatan dikritik"),
    ]);
    await announce(server.services, s.tree.root.id, rows);

    const [alert] = await eventually(async () => {
      const list = await eventsOf(s.rule.id);
      return list.length ? list : null;
    });
    expect(alert).toMatchObject({
      kind: "negative_mention",
      title: rows[0].title,
      articleId: rows[0].id,
      mentionedOrganizationId: s.tree.opdA.id,
    });
    expect(alert.summary).toContain("92%");

    const live = await Promise.race([received, new Promise<string>((r) => setTimeout(() => r("timeout"), 5000))]);
    await reader.cancel();
    expect(live).toContain(`"id":"${alert.id}"`);

    const notes = await server.services.db.select().from(notifications).where(eq(notifications.userId, s.coordinator.user.id));
    expect(notes.map((n) => n.title)).toContain(`Pemberitaan negatif: ${rows[0].title}`);
    // The OPD's editor is not a recipient of the province's rule.
    const opdNotes = await server.services.db.select().from(notifications).where(eq(notifications.userId, s.opdEditor.user.id));
    expect(opdNotes).toHaveLength(0);

    const mail = await smtp.waitFor(s.coordinator.user.email);
    expect(mail.subject).toContain("Pemberitaan negatif");
    await eventually(async () => telegram.received.some((p) => p.text.includes(rows[0].title)));
    const post = telegram.received.find((p) => p.text.includes(rows[0].title));
    expect(post?.chatId).toBe("-100777");
    await eventually(async () => webhook.received.some((d) => d.key === alert.id));
    const hook = webhook.received.find((d) => d.key === alert.id);
    expect(hook?.body).toMatchObject({ event: "alert.created", alerts: [{ id: alert.id, kind: "negative_mention", url: rows[0].url }] });
    expect(webhook.rejected).toBe(0);

    // The delivery rows are updated right after the remote calls return.
    const statuses = () =>
      server.services.db
        .select()
        .from(alertDeliveries)
        .where(eq(alertDeliveries.eventId, alert.id))
        .then((rows) => Object.fromEntries(rows.map((d) => [d.channel, d.status])));
    await eventually(async () => Object.values(await statuses()).every((s) => s === "sent"));
    expect(await statuses()).toEqual({
      in_app: "sent",
      email: "sent",
      telegram: "sent",
      webhook: "sent",
    });

    // The alerts page lists it with its deliveries; another agency's editor does not see it.
    const page = await s.coordinator.client.get("/api/v1/alerts?pageSize=10");
    expect(page.body.items[0]).toMatchObject({ id: alert.id, held: false, ruleName: "Berita negatif" });
    const other = await signedIn(server, s.tree.opdB, "editor");
    expect((await other.client.get("/api/v1/alerts")).body.items.some((i: { id: string }) => i.id === alert.id)).toBe(false);
    expect((await other.client.get(`/api/v1/alert-rules/${s.rule.id}`)).status).toBe(404);
  });

  it("does not alert below the threshold and alerts the same story only once within the window", async () => {
    const s = await setup({ channels: { inApp: true, email: false, telegram: null, webhook: null } });
    const clusterId = await createCluster(server.services, s.tree.root.id, "Antrean pasien RSUD");
    const mild = await insertArticles(server.services, [
      {
        ...negativeArticle(s.tree, s.watchlistId, "Kritik ringan"),
        mentions: [{ organizationId: s.tree.opdA.id, watchlistId: s.watchlistId, tone: "negative" as const, negative: 0.55 }],
      },
    ]);
    const first = await insertArticles(server.services, [negativeArticle(s.tree, s.watchlistId, "Antrean pasien mengular", clusterId)]);
    const again = await insertArticles(server.services, [
      negativeArticle(s.tree, s.watchlistId, "Antrean pasien RSUD berjam-jam", clusterId),
    ]);
    await announce(server.services, s.tree.root.id, [...mild, ...first]);
    await announce(server.services, s.tree.root.id, again);
    await eventually(async () => {
      const pending = await server.services.db.select().from(alertInbox).where(eq(alertInbox.organizationId, s.tree.root.id));
      return pending.every((p) => p.processedAt) && pending.length === 2;
    });
    const events = await eventsOf(s.rule.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ dedupKey: `cluster:${clusterId}`, title: "Antrean pasien mengular" });
  });

  it("holds non-critical alerts during quiet hours and delivers them afterwards as one digest", async () => {
    const s = await setup({ quietStart: witaClock(-1), quietEnd: witaClock(2) });
    const rows = await insertArticles(server.services, [
      negativeArticle(s.tree, s.watchlistId, "Keluhan pelayanan puskesmas malam hari"),
      negativeArticle(s.tree, s.watchlistId, "Obat kosong di apotek RSUD"),
    ]);
    await announce(server.services, s.tree.root.id, rows);
    const events = await eventually(async () => {
      const list = await eventsOf(s.rule.id);
      return list.length === 2 ? list : null;
    });
    for (const e of events) {
      expect(e.deliveredAt).toBeNull();
      expect(e.heldUntil!.getTime()).toBeGreaterThan(Date.now() + 3_600_000);
    }
    const before = telegram.received.length;
    const notesBefore = await server.services.db.select().from(notifications).where(eq(notifications.userId, s.coordinator.user.id));
    expect(notesBefore).toHaveLength(0);

    // Nothing is released while quiet hours last; once they end, one digest per channel.
    expect(await releaseHeldAlerts(server.services, new Date())).toBe(0);
    const after = new Date(Date.now() + 3 * 3_600_000);
    expect(await releaseHeldAlerts(server.services, after)).toBe(2);
    expect(await releaseHeldAlerts(server.services, after)).toBe(0);
    const notes = await server.services.db.select().from(notifications).where(eq(notifications.userId, s.coordinator.user.id));
    expect(notes).toHaveLength(1);
    expect(notes[0].title).toBe("2 peringatan selama jam tenang — Berita negatif");
    expect(notes[0].body).toContain("Obat kosong di apotek RSUD");
    await eventually(async () => telegram.received.length === before + 1);
    expect(telegram.received.at(-1)?.text).toContain("2 peringatan selama jam tenang");
    const digest = await eventually(async () => webhook.received.find((d) => d.event === "alert.digest" && d.body.rule.id === s.rule.id));
    expect(digest.body.alerts.map((a: { id: string }) => a.id).sort()).toEqual(events.map((e) => e.id).sort());
    const held = () =>
      server.services.db
        .select({ status: alertDeliveries.status })
        .from(alertDeliveries)
        .where(
          inArray(
            alertDeliveries.eventId,
            events.map((e) => e.id),
          ),
        );
    await eventually(async () => (await held()).every((d) => d.status === "sent"));
    expect(new Set((await held()).map((d) => d.status))).toEqual(new Set(["sent"]));
  });

  it("lets a critical rule through quiet hours", async () => {
    const s = await setup({
      critical: true,
      quietStart: witaClock(-1),
      quietEnd: witaClock(2),
      channels: { inApp: true, email: false, telegram: null, webhook: null },
    });
    const rows = await insertArticles(server.services, [negativeArticle(s.tree, s.watchlistId, "Krisis air bersih")]);
    await announce(server.services, s.tree.root.id, rows);
    const [e] = await eventually(async () => {
      const list = await eventsOf(s.rule.id);
      return list.length ? list : null;
    });
    expect(e.heldUntil).toBeNull();
    expect(e.deliveredAt).not.toBeNull();
  });

  it("matches keyword rules with the Boolean query language and refuses a broken query with its position", async () => {
    const tree = await createTree(server.services);
    const coordinator = await signedIn(server, tree.root, "coordinator");
    const bad = await coordinator.client.post("/api/v1/alert-rules", {
      organizationId: tree.root.id,
      name: "Banjir",
      kind: "keyword",
      config: { query: 'banjir AND ("denpasar"' },
      channels: { inApp: true, email: false, telegram: null, webhook: null },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields["config.query"]).toContain("karakter ke-");
    const ok = await coordinator.client.post("/api/v1/alert-rules", {
      organizationId: tree.root.id,
      name: "Banjir",
      kind: "keyword",
      config: { query: "banjir NEAR/3 denpasar NOT simulasi" },
      channels: { inApp: true, email: false, telegram: null, webhook: null },
    });
    expect(ok.status).toBe(201);
    const watchlistId = await createWatchlist(server.services, tree.root.id, "Pemprov");
    const base = { ownerId: tree.root.id, mentions: [{ organizationId: tree.root.id, watchlistId, tone: "neutral" as const }] };
    const rows = await insertArticles(server.services, [
      { ...base, title: "Banjir rendam Denpasar Selatan", body: "Banjir merendam Denpasar sejak pagi." },
      { ...base, title: "Simulasi banjir di Denpasar", body: "Simulasi banjir digelar di Denpasar." },
      { ...base, title: "Jalan rusak di Gianyar", body: "Warga mengeluhkan jalan." },
    ]);
    await announce(server.services, tree.root.id, rows);
    await eventually(async () => {
      const pending = await server.services.db.select().from(alertInbox).where(eq(alertInbox.organizationId, tree.root.id));
      return pending.length === 1 && pending[0].processedAt;
    });
    const events = await eventsOf(ok.body.id);
    expect(events.map((e) => e.title)).toEqual(["Banjir rendam Denpasar Selatan"]);
  });

  it("sends a test message on every channel and reports a wrong chat", async () => {
    const s = await setup();
    const res = await s.coordinator.client.post(`/api/v1/alert-rules/${s.rule.id}/test`);
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([
      { channel: "in_app", ok: true, error: null },
      { channel: "email", ok: true, error: null },
      { channel: "telegram", ok: true, error: null },
      { channel: "webhook", ok: true, error: null },
    ]);
    const upd = await s.coordinator.client.put(`/api/v1/alert-rules/${s.rule.id}`, {
      name: "Berita negatif",
      kind: "negative_mention",
      channels: { inApp: false, email: false, telegram: { chatId: "-100999" }, webhook: null },
    });
    expect(upd.status, upd.text).toBe(200);
    expect(upd.body.channels.telegram).toEqual({ chatId: "-100999", tokenSet: true });
    expect(JSON.stringify(upd.body)).not.toContain(TG_TOKEN);
    const again = await s.coordinator.client.post(`/api/v1/alert-rules/${s.rule.id}/test`);
    expect(again.body.results).toEqual([{ channel: "telegram", ok: false, error: expect.stringContaining("chat not found") }]);
    // An OPD editor cannot touch the province's rule.
    expect((await s.opdEditor.client.post(`/api/v1/alert-rules/${s.rule.id}/test`)).status).toBe(404);
  });

  it("keeps the evaluation idempotent: a processed inbox row is not evaluated again", async () => {
    const s = await setup({ channels: { inApp: true, email: false, telegram: null, webhook: null } });
    const rows = await insertArticles(server.services, [negativeArticle(s.tree, s.watchlistId, "Tenaga kesehatan mogok")]);
    await announce(server.services, s.tree.root.id, rows);
    await eventually(async () => (await eventsOf(s.rule.id)).length === 1);
    await evaluatePendingMentions(server.services);
    expect(await eventsOf(s.rule.id)).toHaveLength(1);
    const [row] = await server.services.db
      .select()
      .from(alertInbox)
      .where(and(eq(alertInbox.organizationId, s.tree.root.id)));
    expect(row.processedAt).not.toBeNull();
  });
});

describe("live alert stream", () => {
  it("sends every alert missed since Last-Event-ID, oldest first, even more than one page", async () => {
    const s = await setup({ channels: { inApp: true, email: false, telegram: null, webhook: null } });
    const ids = Array.from({ length: 121 }, () => newId());
    await server.services.db.insert(alertEvents).values(
      ids.map((id, i) => ({
        id,
        organizationId: s.tree.root.id,
        ruleId: s.rule.id,
        kind: "negative_mention",
        dedupKey: `burst-${i}`,
        title: `Peringatan ${i}`,
      })),
    );
    const stream = await fetch(`${server.baseUrl}/api/v1/alerts/stream`, {
      headers: { cookie: s.coordinator.client.cookie ?? "", "last-event-id": ids[0] },
    });
    const reader = stream.body!.getReader();
    const sent: string[] = [];
    const deadline = Date.now() + 10_000;
    let text = "";
    while (sent.length < ids.length - 1 && Date.now() < deadline) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
      const blocks = text.split("\n\n");
      text = blocks.pop() ?? "";
      for (const b of blocks) {
        const id = /^id: (.+)$/m.exec(b)?.[1];
        if (id && b.includes("event: alert")) sent.push(id);
      }
    }
    await reader.cancel();
    expect(sent).toEqual(ids.slice(1));
  });
});
