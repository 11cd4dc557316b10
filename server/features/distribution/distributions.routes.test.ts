import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { distributionRecipients } from "../../db/schema";
import { createTree, signedIn } from "../../test/factories";
import { startSmtpServer } from "../../test/smtp-fixture";
import { startTestServer, type TestServer } from "../../test/test-server";
import { sweepDistributions } from "./jobs/distribution.jobs";
import { journalistsWithOutlet, publishedRelease } from "./test-support";

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let server: TestServer;
// 550 for bounce@, 451 on the first attempt for later@ (then accepted).
const tried = new Map<string, number>();
beforeAll(async () => {
  smtp = await startSmtpServer({
    rcptReply: (address) => {
      if (address.startsWith("bounce")) return { code: 550, message: "5.1.1 User unknown" };
      if (address.startsWith("later")) {
        const n = (tried.get(address) ?? 0) + 1;
        tried.set(address, n);
        if (n === 1) return { code: 451, message: "4.7.1 Greylisted, try again later" };
      }
      return null;
    },
  });
  server = await startTestServer({ smtpUrl: smtp.url, env: { MAIL_FROM: "Sinergi <humas@sinergi.test>" } });
});
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

const uid = () => Math.random().toString(36).slice(2, 8);
const received = (to: string) => smtp.received.filter((m) => m.to.includes(to));

async function setup(role: "editor" | "officer" = "editor") {
  const tree = await createTree(server.services);
  const { client, user } = await signedIn(server, tree.opdA, role);
  return { tree, client, user };
}

async function staticList(client: Awaited<ReturnType<typeof setup>>["client"], orgId: string, journalistIds: string[]) {
  const res = await client.post("/api/v1/contact-lists", { organizationId: orgId, name: `Daftar ${uid()}`, kind: "static", journalistIds });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

describe("release distribution by email", () => {
  it("sends personalised mail with List-Unsubscribe, Reply-To, photo and embargo notice; one-click unsubscribe is honoured next time", async () => {
    const { tree, client, user } = await setup();
    const s = uid();
    const emails = [`ani-${s}@media.test`, `budi-${s}@media.test`, `citra-${s}@media.test`];
    const { ids } = await journalistsWithOutlet(client, tree.opdA, [
      { name: "Ani Lestari", email: emails[0] },
      { name: "Budi Santoso", email: emails[1] },
      { name: "Citra Dewi", email: emails[2] },
    ]);
    const listId = await staticList(client, tree.opdA.id, ids);
    const item = await publishedRelease(server, tree.opdA, { embargoHours: 6 });

    const preview = await client.post("/api/v1/distributions/preview", { contentId: item.id, listIds: [listId] });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ recipients: 3, unsubscribed: 0, replyTo: user.email });
    expect(preview.body.attachments).toHaveLength(1);

    const sent = await client.post("/api/v1/distributions", { contentId: item.id, listIds: [listId], replyTo: "kontak@dinkes.test" });
    expect(sent.status).toBe(201);
    expect(sent.body.counts).toMatchObject({ accepted: 3, queued: 0 });

    const mail = await smtp.waitFor(emails[1]);
    expect(mail.text).toContain("Yth. Bapak/Ibu Budi Santoso,");
    expect(mail.text).toContain("EMBARGO");
    expect(mail.subject).toContain("[EMBARGO");
    expect(mail.text).toContain("Vaksinasi dibuka setiap Senin");
    expect(mail.replyTo).toBe("kontak@dinkes.test");
    expect(mail.attachments).toEqual([expect.objectContaining({ contentType: "image/jpeg", filename: expect.stringMatching(/\.jpg$/) })]);
    const unsubscribe = String(mail.headers.get("list-unsubscribe"));
    expect(unsubscribe).toMatch(
      /^<http:\/\/127\.0\.0\.1:\d+\/u\/[\w-]+\.[\w-]+>, <mailto:humas@sinergi\.test\?subject=unsubscribe%20[\w.-]+>$/,
    );
    expect(mail.headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    for (const e of emails) expect(received(e)).toHaveLength(1);

    // The journalist's history shows the release received.
    const history = await client.get(`/api/v1/journalists/${ids[1]}`);
    expect(history.body.interactions).toEqual([expect.objectContaining({ kind: "release", text: expect.stringContaining(item.title) })]);

    // GET only confirms (link scanners follow GETs); the RFC 8058 POST unsubscribes.
    const url = (/<(http[^>]+)>/.exec(unsubscribe) as RegExpExecArray)[1];
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form method="post">');
    const forged = await fetch(url.replace(/\.[\w-]+$/, ".AAAAAAAAAAAAAAAAAAAAAA"), { method: "POST" });
    expect(forged.status).toBe(404);
    const post = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(post.status).toBe(200);

    const again = await client.post("/api/v1/distributions", { contentId: item.id, listIds: [listId] });
    expect(again.status).toBe(201);
    expect(again.body.counts).toMatchObject({ accepted: 2, skipped: 1 });
    expect(received(emails[1])).toHaveLength(1);
    expect(received(emails[0])).toHaveLength(2);
    const skipped = await client.get(`/api/v1/distributions/${again.body.id}/recipients?status=skipped`);
    expect(skipped.body.items).toEqual([expect.objectContaining({ email: emails[1], status: "skipped" })]);

    const csv = await client.get(`/api/v1/distributions/${again.body.id}/recipients.csv`);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.text).toContain(`${emails[1]},skipped`);
  });

  it("dates the received release in the organization's zone: 18:30 UTC is already the next day in Indonesia", async () => {
    const { tree, client } = await setup();
    const s = uid();
    const { ids } = await journalistsWithOutlet(client, tree.opdA, [{ name: "Gita", email: `gita-${s}@media.test` }]);
    const listId = await staticList(client, tree.opdA.id, ids);
    const item = await publishedRelease(server, tree.opdA);
    const today = new Date().toISOString().slice(0, 10);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    // Only Date is faked (and set back, so nothing scheduled lands in the future).
    vi.useFakeTimers({ toFake: ["Date"], shouldAdvanceTime: true });
    try {
      vi.setSystemTime(new Date(`${yesterday}T18:30:00Z`));
      const sent = await client.post("/api/v1/distributions", { contentId: item.id, listIds: [listId] });
      expect(sent.body.counts).toMatchObject({ accepted: 1 });
    } finally {
      vi.useRealTimers();
    }
    const history = await client.get(`/api/v1/journalists/${ids[0]}`);
    expect(history.body.interactions).toEqual([expect.objectContaining({ kind: "release", occurredOn: today })]);
  });

  it("records 5xx as bounced and 4xx as deferred, then retries the deferred one", async () => {
    const { tree, client } = await setup("officer");
    const s = uid();
    const { ids } = await journalistsWithOutlet(client, tree.opdA, [
      { name: "Dedi", email: `bounce-${s}@media.test` },
      { name: "Eka", email: `later-${s}@media.test` },
      { name: "Fajar", email: `ok-${s}@media.test` },
    ]);
    const listId = await staticList(client, tree.opdA.id, ids);
    const item = await publishedRelease(server, tree.opdA);
    const sent = await client.post("/api/v1/distributions", { contentId: item.id, listIds: [listId] });
    expect(sent.body.counts).toMatchObject({ accepted: 1, bounced: 1, deferred: 1 });
    const list = await client.get(`/api/v1/distributions/${sent.body.id}/recipients`);
    const by = (prefix: string) => list.body.items.find((r: { email: string }) => r.email.startsWith(prefix));
    expect(by("bounce")).toMatchObject({ status: "bounced", smtpResponse: expect.stringContaining("550") });
    expect(by("later")).toMatchObject({ status: "deferred", attempts: 1, smtpResponse: expect.stringContaining("451") });

    // The retry is a delayed job; the sweep (driven with a later clock) is what runs it here.
    await sweepDistributions(server.services, new Date(Date.now() + 3_600_000));
    const after = await client.get(`/api/v1/distributions/${sent.body.id}`);
    expect(after.body.counts).toMatchObject({ accepted: 2, bounced: 1, deferred: 0 });
    expect(after.body.done).toBe(true);
    expect(received(`later-${s}@media.test`)).toHaveLength(1);
  });

  it("turns a DSN piped in by the MTA into a bounce of the right recipient", async () => {
    const { tree, client } = await setup();
    const email = `gita-${uid()}@media.test`;
    const { ids } = await journalistsWithOutlet(client, tree.opdA, [{ name: "Gita", email }]);
    const listId = await staticList(client, tree.opdA.id, ids);
    const item = await publishedRelease(server, tree.opdA);
    const sent = await client.post("/api/v1/distributions", { contentId: item.id, listIds: [listId] });
    const [row] = await server.services.db
      .select()
      .from(distributionRecipients)
      .where(eq(distributionRecipients.distributionId, sent.body.id));
    expect(row.status).toBe("accepted");
    const mail = await smtp.waitFor(email);
    const messageId = String(mail.headers.get("message-id"));
    const dsn = [
      "From: MAILER-DAEMON@mx.media.test",
      "Subject: Undelivered Mail Returned to Sender",
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
      "",
      "--b1",
      "Content-Type: text/plain",
      "",
      "Mailbox full for too long.",
      "--b1",
      "Content-Type: message/delivery-status",
      "",
      "Reporting-MTA: dns; mx.media.test",
      "",
      `Final-Recipient: rfc822; ${email}`,
      "Action: failed",
      "Status: 5.2.2",
      "Diagnostic-Code: smtp; 552 5.2.2 Mailbox full",
      "--b1",
      "Content-Type: text/rfc822-headers",
      "",
      `Message-ID: ${messageId}`,
      "--b1--",
      "",
    ].join("\r\n");
    const res = await client.request("POST", "/api/v1/distribution/bounces", dsn, { "content-type": "message/rfc822" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ matched: true, recipientId: row.id, status: "bounced", action: "failed" });
    const rec = await client.get(`/api/v1/distributions/${sent.body.id}/recipients?status=bounced`);
    expect(rec.body.items).toEqual([expect.objectContaining({ email, smtpResponse: expect.stringContaining("5.2.2") })]);

    const junk = await client.request("POST", "/api/v1/distribution/bounces", "Subject: hello\r\n\r\nnot a bounce", {
      "content-type": "message/rfc822",
    });
    expect(junk.status).toBe(422);
    expect(junk.body.error.code).toBe("bounce_unreadable");
  });

  it("honours the mailto unsubscribe that the MTA pipes in, and only for the pipe's own organization", async () => {
    const { tree, client } = await setup();
    const email = `hadi-${uid()}@media.test`;
    const { ids } = await journalistsWithOutlet(client, tree.opdA, [{ name: "Hadi", email }]);
    const listId = await staticList(client, tree.opdA.id, ids);
    const item = await publishedRelease(server, tree.opdA);
    await client.post("/api/v1/distributions", { contentId: item.id, listIds: [listId] });
    const mail = await smtp.waitFor(email);
    const mailto = (
      /<mailto:([^?]+)\?subject=unsubscribe%20([\w.-]+)>/.exec(String(mail.headers.get("list-unsubscribe"))) as RegExpExecArray
    ).slice(1);
    const request = (token: string, subject = `unsubscribe ${token}`) =>
      [`From: Hadi <${email}>`, `To: ${mailto[0]}`, `Subject: ${subject}`, "Message-ID: <u1@media.test>", "", "unsubscribe", ""].join(
        "\r\n",
      );
    const pipe = (c: typeof client, body: string) =>
      c.request("POST", "/api/v1/distribution/bounces", body, { "content-type": "message/rfc822" });

    const forged = await pipe(client, request(mailto[1].replace(/\.[\w-]+$/, ".AAAAAAAAAAAAAAAAAAAAAA")));
    expect(forged.status).toBe(422);
    expect(forged.body.error.code).toBe("unsubscribe_token_invalid");
    // Another organization's pipe learns nothing and changes nothing.
    const other = await signedIn(server, tree.opdB, "editor");
    expect((await pipe(other.client, request(mailto[1]))).body).toMatchObject({ matched: false, recipientId: null });

    // A client may encode the subject (RFC 2047).
    // … and split a long one into encoded words folded onto two lines, here inside the token.
    const subject = `unsubscribe ${mailto[1]}`;
    const word = (s: string) => `=?UTF-8?B?${Buffer.from(s).toString("base64")}?=`;
    const encoded = `${word(subject.slice(0, 30))}\r\n ${word(subject.slice(30))}`;
    const res = await pipe(client, request(mailto[1], encoded));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ matched: true, status: "unsubscribed", action: "unsubscribe" });
    const again = await client.post("/api/v1/distributions", { contentId: item.id, listIds: [listId] });
    expect(again.body.counts).toMatchObject({ accepted: 0, skipped: 1 });
    expect(received(email)).toHaveLength(1);
  });

  it("answers 404 for unknown lists and for another organization's lists and sends", async () => {
    const { tree, client } = await setup();
    const { ids } = await journalistsWithOutlet(client, tree.opdA, [{ name: "Hana", email: `hana-${uid()}@media.test` }]);
    const listId = await staticList(client, tree.opdA.id, ids);
    const item = await publishedRelease(server, tree.opdA);
    const unknown = await client.post("/api/v1/distributions", {
      contentId: item.id,
      listIds: [listId, "0190a000-0000-7000-8000-000000000000"],
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.fields).toHaveProperty("listIds");
    const sent = await client.post("/api/v1/distributions", { contentId: item.id, listIds: [listId] });
    expect(sent.status).toBe(201);

    const other = await signedIn(server, tree.opdB, "editor");
    expect((await other.client.get(`/api/v1/contact-lists/${listId}`)).status).toBe(404);
    expect((await other.client.get(`/api/v1/distributions/${sent.body.id}`)).status).toBe(404);
    expect((await other.client.get(`/api/v1/distributions/${sent.body.id}/recipients`)).status).toBe(404);
    const foreignItem = await publishedRelease(server, tree.opdB);
    const foreignList = await other.client.post("/api/v1/distributions", { contentId: foreignItem.id, listIds: [listId] });
    expect(foreignList.status).toBe(404);
    const foreignContent = await client.post("/api/v1/distributions", { contentId: foreignItem.id, listIds: [listId] });
    expect(foreignContent.status).toBe(404);

    // A viewer reads reports but does not send; a draft is not distributed.
    const viewer = await signedIn(server, tree.opdA, "viewer");
    expect((await viewer.client.post("/api/v1/distributions", { contentId: item.id, listIds: [listId] })).status).toBe(403);
    const draft = await publishedRelease(server, tree.opdA, { status: "draft" });
    const notPublished = await client.post("/api/v1/distributions", { contentId: draft.id, listIds: [listId] });
    expect(notPublished.status).toBe(409);
    expect(notPublished.body.error.code).toBe("distribution_not_published");
  });

  it("resolves dynamic lists by outlet type and Dewan Pers status, with consent and one message per address", async () => {
    const { tree, client } = await setup();
    const s = uid();
    await journalistsWithOutlet(
      client,
      tree.opdA,
      [
        { name: "Indra", email: `indra-${s}@tv.test`, beats: ["kesehatan"] },
        { name: "Joko", email: `joko-${s}@tv.test`, consent: false, beats: ["kesehatan"] },
        { name: "Kiki", email: null, beats: ["kesehatan"] },
      ],
      { type: "tv", dewanPersStatus: "terverifikasi_faktual" },
    );
    // The same address at the unit below: one message per address.
    await journalistsWithOutlet(client, tree.unitA, [{ name: "Indra Kedua", email: `INDRA-${s}@tv.test`, beats: ["kesehatan"] }], {
      type: "tv",
      dewanPersStatus: "terverifikasi_faktual",
    });
    await journalistsWithOutlet(client, tree.opdA, [{ name: "Lina", email: `lina-${s}@radio.test`, beats: ["kesehatan"] }], {
      type: "radio",
      dewanPersStatus: "terverifikasi_faktual",
    });
    const filters = { outletType: "tv", dewanPersStatus: "terverifikasi_faktual", beat: "kesehatan" };
    const preview = await client.post("/api/v1/contact-lists/preview", { organizationId: tree.opdA.id, kind: "dynamic", filters });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ matched: 4, eligible: 1 });
    expect(preview.body.sample).toEqual([expect.objectContaining({ email: `indra-${s}@tv.test` })]);
    const created = await client.post("/api/v1/contact-lists", {
      organizationId: tree.opdA.id,
      name: "TV terverifikasi",
      kind: "dynamic",
      filters,
    });
    expect(created.body).toMatchObject({ kind: "dynamic", eligible: 1, filters });
    const bad = await client.post("/api/v1/contact-lists", {
      organizationId: tree.opdA.id,
      name: "Campur",
      kind: "dynamic",
      filters,
      journalistIds: [created.body.id],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("contact_list_dynamic_members");
    const list = await client.get(`/api/v1/contact-lists?q=${encodeURIComponent("tv terv")}`);
    expect(list.body.items.map((l: { id: string }) => l.id)).toEqual([created.body.id]);
    // Counted in the database (distinct lower-cased addresses), the same number everywhere.
    expect(list.body.items[0].eligible).toBe(1);
    const recipients = await client.get(`/api/v1/contact-lists/${created.body.id}/recipients`);
    expect(recipients.body).toMatchObject({ matched: 4, eligible: 1 });
    expect(recipients.body.sample).toEqual([expect.objectContaining({ email: `indra-${s}@tv.test` })]);
  });

  it("keeps the rate limit by scheduling batches, which the sweep releases one interval at a time", async () => {
    const { tree, client } = await setup();
    const admin = await signedIn(server, tree.root, "admin");
    const set = await admin.client.put("/api/v1/distribution-settings", {
      organizationId: tree.opdA.id,
      ratePerMinute: 12,
      replyTo: "humas@dinkes.test",
      openTracking: false,
      maxAttachmentMb: 5,
    });
    expect(set.status).toBe(200);
    const s = uid();
    const people = Array.from({ length: 5 }, (_, i) => ({ name: `Wartawan ${i}`, email: `w${i}-${s}@media.test` }));
    const { ids } = await journalistsWithOutlet(client, tree.opdA, people);
    const listId = await staticList(client, tree.opdA.id, ids);
    const item = await publishedRelease(server, tree.opdA);
    const sent = await client.post("/api/v1/distributions", { contentId: item.id, listIds: [listId] });
    // 12/min → batches of 2, 10 s apart: only the first batch went out at once.
    expect(sent.body).toMatchObject({ ratePerMinute: 12, replyTo: "humas@dinkes.test" });
    expect(sent.body.counts).toMatchObject({ accepted: 2, queued: 3 });
    const rows = await server.services.db
      .select()
      .from(distributionRecipients)
      .where(eq(distributionRecipients.distributionId, sent.body.id));
    const due = rows
      .filter((r) => r.status === "queued")
      .map((r) => (r.nextAttemptAt as Date).getTime())
      .sort();
    const first = Math.min(...rows.filter((r) => r.status === "accepted").map((r) => (r.sentAt as Date).getTime()));
    expect(due[0] - first).toBeGreaterThanOrEqual(9_000);
    expect(due[2] - due[0]).toBeGreaterThanOrEqual(10_000);

    await sweepDistributions(server.services, new Date(Date.now() + 3_600_000));
    expect((await client.get(`/api/v1/distributions/${sent.body.id}`)).body.counts).toMatchObject({ accepted: 4, queued: 1 });
    // Erased on request while still queued (UU PDP): the last one is skipped, not sent.
    const erase = await client.post(`/api/v1/journalists/${ids[4]}/erase`, { reason: "Permintaan penghapusan dari yang bersangkutan" });
    expect(erase.status).toBe(200);
    await sweepDistributions(server.services, new Date(Date.now() + 3_600_000));
    expect((await client.get(`/api/v1/distributions/${sent.body.id}`)).body.counts).toMatchObject({ accepted: 4, skipped: 1, queued: 0 });
    expect(received(`w4-${s}@media.test`)).toHaveLength(0);
  });

  it("tracks opens only when the setting is on (off by default)", async () => {
    const { tree, client } = await setup();
    const s = uid();
    const { ids } = await journalistsWithOutlet(client, tree.opdA, [{ name: "Mira", email: `mira-${s}@media.test` }]);
    const listId = await staticList(client, tree.opdA.id, ids);
    const item = await publishedRelease(server, tree.opdA);
    await client.post("/api/v1/distributions", { contentId: item.id, listIds: [listId] });
    expect((await smtp.waitFor(`mira-${s}@media.test`)).html).not.toContain("o.gif");

    const admin = await signedIn(server, tree.root, "admin");
    const settings = { organizationId: tree.root.id, ratePerMinute: 0, replyTo: null, openTracking: true, maxAttachmentMb: 0 };
    expect((await admin.client.put("/api/v1/distribution-settings", settings)).status).toBe(200);
    const inherited = await client.get(`/api/v1/distribution-settings?organizationId=${tree.opdA.id}`);
    expect(inherited.body).toMatchObject({ openTracking: true, inheritedFrom: tree.root.id, can: { manage: false } });
    expect((await client.put("/api/v1/distribution-settings", { ...settings, organizationId: tree.opdA.id })).status).toBe(403);

    const sent = await client.post("/api/v1/distributions", { contentId: item.id, listIds: [listId] });
    const mail = received(`mira-${s}@media.test`)[1];
    expect(mail.attachments).toEqual([]);
    const pixel = (/src="(http[^"]+\/o\.gif)"/.exec(mail.html) as RegExpExecArray)[1];
    const res = await fetch(pixel);
    expect(res.headers.get("content-type")).toBe("image/gif");
    expect((await client.get(`/api/v1/distributions/${sent.body.id}`)).body.counts.opened).toBe(1);
  });

  it("forgets an erased journalist's name and address in past deliveries, keeping the statistics", async () => {
    const { tree, client } = await setup();
    const s = uid();
    const { ids } = await journalistsWithOutlet(client, tree.opdA, [
      { name: "Rina", email: `rina-${s}@media.test` },
      { name: "Bayu", email: `bayu-${s}@media.test` },
    ]);
    const listId = await staticList(client, tree.opdA.id, ids);
    const item = await publishedRelease(server, tree.opdA);
    const sent = await client.post("/api/v1/distributions", { contentId: item.id, listIds: [listId] });
    await smtp.waitFor(`rina-${s}@media.test`);
    await smtp.waitFor(`bayu-${s}@media.test`);
    const { client: editor } = await signedIn(server, tree.opdA, "editor");
    expect((await editor.post(`/api/v1/journalists/${ids[0]}/erase`, { reason: "Permintaan subjek data" })).status).toBe(200);
    const rows = await server.services.db
      .select()
      .from(distributionRecipients)
      .where(eq(distributionRecipients.distributionId, sent.body.id));
    const erased = rows.find((r) => r.journalistId === ids[0]);
    expect(erased).toMatchObject({ name: "Dihapus atas permintaan", email: "", status: "accepted" });
    expect(JSON.stringify(rows)).not.toContain(`rina-${s}`);
    expect(rows.find((r) => r.journalistId === ids[1])?.email).toBe(`bayu-${s}@media.test`);
  });

  it("builds the WhatsApp text with title, lead, link and the campaign's hashtags", async () => {
    const { tree, client } = await setup();
    const item = await publishedRelease(server, tree.opdA);
    const res = await client.get(`/api/v1/distribution/whatsapp/${item.id}`);
    expect(res.status).toBe(200);
    expect(res.body.text).toContain(`*${item.title}*`);
    expect(res.body.text).toContain("Dinas Kesehatan membuka vaksinasi gratis");
    expect(res.body.text).toContain(res.body.url);
    expect(res.body.url).toContain(item.slug);
  });
});
