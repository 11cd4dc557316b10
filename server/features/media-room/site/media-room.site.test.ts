import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { embargoViews, journalistAccounts, pressEventInvitations, pressEvents } from "../../../db/schema";
import { newId } from "../../../lib/ids";
import { insertImageAsset, insertItem, linkAsset } from "../../../public-site/test-fixtures";
import { createTree, signedIn } from "../../../test/factories";
import { linkFrom, startSmtpServer } from "../../../test/smtp-fixture";
import { startTestServer, type TestServer } from "../../../test/test-server";
import { releaseDue } from "../../content/commands/release";
import { applicationFields, ROOM_PASSWORD, RoomBrowser } from "../room-test-kit";

let server: TestServer;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
  server = await startTestServer({ smtpUrl: smtp.url, env: { LOGIN_RATE_LIMIT: "4" } });
});
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

/** The mail to `to` with this subject, once it has arrived. */
async function mailTo(to: string, subject: string) {
  for (let i = 0; i < 50; i++) {
    const found = smtp.received.find((m) => m.to.includes(to) && m.subject === subject);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no mail "${subject}" to ${to}`);
}

let n = 0;
const freshEmail = () => `wartawan-${Date.now().toString(36)}-${++n}@media-uji.id`;

/** Applies through the form and has an editor of `org` approve it; returns the signed-in browser. */
async function approvedJournalist(org: Awaited<ReturnType<typeof createTree>>["opdA"]) {
  const email = freshEmail();
  const browser = new RoomBrowser(server.baseUrl);
  await browser.get("/media-room/daftar");
  const applied = await browser.post("/media-room/daftar", applicationFields(org, email));
  expect(applied.status, applied.text).toBe(201);
  const [account] = await server.services.db.select().from(journalistAccounts).where(eq(journalistAccounts.email, email));
  const { client: staff } = await signedIn(server, org, "editor");
  const approved = await staff.post(`/api/v1/media-room/accounts/${account.id}/approve`, { createJournalist: true });
  expect(approved.status, approved.text).toBe(200);
  const signedInRes = await browser.signIn(email, ROOM_PASSWORD);
  expect(signedInRes.status, signedInRes.text).toBe(303);
  return { browser, email, account, staff };
}

describe("media room: register → approve → sign in → embargoed material", () => {
  it("shows published and embargoed releases of the approving subtree, marks and logs the embargo, hides drafts and other subtrees", async () => {
    const s = server.services;
    const t = await createTree(s);
    const pending = new RoomBrowser(server.baseUrl);
    const email = freshEmail();
    await pending.get("/media-room/daftar");
    expect((await pending.post("/media-room/daftar", applicationFields(t.opdA, email))).status).toBe(201);
    // Pending: the password is right, but there is no way in yet.
    const early = await pending.signIn(email, ROOM_PASSWORD);
    expect(early.status).toBe(403);
    expect(early.text).toContain("menunggu persetujuan");

    const { browser, account, staff } = await approvedJournalist(t.opdA);
    const published = await insertItem(s, t.unitA, { type: "siaran_pers", title: "Rilis publik vaksinasi", publicInHours: -1 });
    const photo = await insertImageAsset(s, t.opdA);
    const embargoed = await insertItem(s, t.opdA, {
      type: "siaran_pers",
      title: "Rilis berembargo anggaran kesehatan",
      publicInHours: 3,
      fields: { photos: [{ assetId: photo.id, caption: "Rapat", credit: "Humas", place: "Denpasar", takenAt: "" }] },
    });
    await linkAsset(s, embargoed.id, photo.id, "photo");
    const draft = await insertItem(s, t.opdA, { title: "Draf rahasia belum ditinjau", status: "draft" });
    const inReview = await insertItem(s, t.opdA, { title: "Konten dalam peninjauan", status: "in_review" });
    const otherEmbargoed = await insertItem(s, t.opdB, { title: "Embargo dinas lain", publicInHours: 3 });

    const home = await browser.get("/media-room");
    expect(home.status).toBe(200);
    expect(home.headers.get("cache-control")).toBe("no-store");
    expect(home.text).toContain(published.title);
    expect(home.text).toContain(embargoed.title);
    expect(home.text).toMatch(/EMBARGO hingga [A-Z][a-z]+, \d{1,2} [A-Z][a-z]+ \d{4} \d{2}\.\d{2} WI(B|TA|T)/);
    for (const hidden of [draft.title, inReview.title, otherEmbargoed.title]) expect(home.text).not.toContain(hidden);

    // No log for listing; one row per view of the embargoed page and of its press kit.
    expect(await s.db.select().from(embargoViews).where(eq(embargoViews.contentId, embargoed.id))).toHaveLength(0);
    const page = await browser.get(`/media-room/rilis/${embargoed.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain("EMBARGO hingga");
    expect(page.text).toContain("paket-media.zip");
    const kit = await browser.get(`/media-room/rilis/${embargoed.id}/paket-media.zip`);
    expect(kit.status).toBe(200);
    expect(kit.body.subarray(0, 2).toString()).toBe("PK");
    const log = await s.db.select().from(embargoViews).where(eq(embargoViews.contentId, embargoed.id));
    expect(log.map((r) => r.what).sort()).toEqual(["page", "press_kit"]);
    expect(log[0].accountId).toBe(account.id);
    expect(log[0].ip).toBe("127.0.0.1");
    // A public item's page is not embargoed material: no row.
    expect((await browser.get(`/media-room/rilis/${published.id}`)).status).toBe(200);
    expect(await s.db.select().from(embargoViews).where(eq(embargoViews.contentId, published.id))).toHaveLength(0);

    // Drafts and another subtree's embargoed items answer 404.
    for (const id of [draft.id, inReview.id, otherEmbargoed.id]) expect((await browser.get(`/media-room/rilis/${id}`)).status).toBe(404);
    expect((await browser.get(`/media-room/rilis/${otherEmbargoed.id}/paket-media.zip`)).status).toBe(404);

    // Staff read the log on the content item; another subtree's staff do not.
    const list = await staff.get(`/api/v1/media-room/embargo-views?contentId=${embargoed.id}`);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(2);
    expect(list.body.items[0]).toMatchObject({ contentTitle: embargoed.title, outlet: "Harian Uji Pos", ip: "127.0.0.1" });
    const { client: outsider } = await signedIn(server, t.opdB, "editor");
    expect((await outsider.get(`/api/v1/media-room/embargo-views?contentId=${embargoed.id}`)).status).toBe(404);
  });

  it("ends a journalist's access at the next request once staff deactivate them", async () => {
    const t = await createTree(server.services);
    const { browser, account, staff } = await approvedJournalist(t.opdA);
    const item = await insertItem(server.services, t.opdA, { title: "Embargo sebelum dinonaktifkan", publicInHours: 2 });
    expect((await browser.get(`/media-room/rilis/${item.id}`)).status).toBe(200);
    const res = await staff.post(`/api/v1/media-room/accounts/${account.id}/deactivate`, { reason: "Tidak lagi bekerja di media" });
    expect(res.status, res.text).toBe(200);
    expect(res.body.status).toBe("deactivated");
    const next = await browser.get(`/media-room/rilis/${item.id}`);
    expect(next.status).toBe(303);
    expect(next.headers.get("location")).toBe("/media-room/masuk");
    expect(next.text).not.toContain(item.title);
    // Signing in again does not help.
    const again = await browser.signIn(account.email, ROOM_PASSWORD);
    expect(again.status).toBe(403);
    expect(again.text).toContain("dinonaktifkan");
  });

  it("refuses form posts without the CSRF token", async () => {
    const t = await createTree(server.services);
    const { browser } = await approvedJournalist(t.opdA);
    await browser.get("/media-room/langganan");
    const res = await browser.post("/media-room/langganan", { kind: "type", value: "berita" }, { csrf: "salah" });
    expect(res.status).toBe(403);
    const anon = new RoomBrowser(server.baseUrl);
    await anon.get("/media-room/daftar");
    expect((await anon.post("/media-room/daftar", applicationFields(t.opdA, freshEmail()), { csrf: null })).status).toBe(403);
  });

  it("shows precise messages for bad registrations and writes nothing", async () => {
    const t = await createTree(server.services);
    const browser = new RoomBrowser(server.baseUrl);
    await browser.get("/media-room/daftar");
    const email = freshEmail();
    const res = await browser.post("/media-room/daftar", { ...applicationFields(t.opdA, email), phone: "12345", email: "bukan-email" });
    expect(res.status).toBe(400);
    expect(res.text).toContain("Alamat email tidak valid.");
    const weak = await browser.post("/media-room/daftar", { ...applicationFields(t.opdA, email), phone: "12345" });
    expect(weak.status).toBe(400);
    expect(weak.text).toContain("Nomor telepon Indonesia tidak valid");
    expect(await server.services.db.select().from(journalistAccounts).where(eq(journalistAccounts.email, email))).toHaveLength(0);
    expect((await browser.post("/media-room/daftar", applicationFields(t.opdA, email))).status).toBe(201);
    await browser.get("/media-room/daftar");
    const dup = await browser.post("/media-room/daftar", applicationFields(t.opdA, email.toUpperCase()));
    expect(dup.status).toBe(409);
    expect(dup.text).toContain("sudah terdaftar di ruang media");
  });

  it("resets a password by email: the link works once and ends old sessions", async () => {
    const t = await createTree(server.services);
    const { browser, email } = await approvedJournalist(t.opdA);
    const other = new RoomBrowser(server.baseUrl);
    await other.get("/media-room/lupa-sandi");
    expect((await other.post("/media-room/lupa-sandi", { email })).status).toBe(202);
    const mail = await mailTo(email, "Atur ulang kata sandi Ruang Media");
    const link = linkFrom(mail.text, "/media-room/atur-ulang-sandi?token=");
    const path = link.slice(link.indexOf("/media-room"));
    await other.get(path);
    const token = new URL(link).searchParams.get("token") as string;
    const newPassword = "Sandi-Baru-Lontar-Bali-77";
    const done = await other.post("/media-room/atur-ulang-sandi", { token, password: newPassword });
    expect(done.status, done.text).toBe(200);
    // The session opened before the reset has ended.
    expect((await browser.get("/media-room")).status).toBe(303);
    expect((await other.post("/media-room/atur-ulang-sandi", { token, password: "Sandi-Lain-Sekali-Lagi-55" })).status).toBe(400);
    expect((await new RoomBrowser(server.baseUrl).signIn(email, ROOM_PASSWORD)).status).toBe(401);
    expect((await new RoomBrowser(server.baseUrl).signIn(email, newPassword)).status).toBe(303);
  });

  it("rate-limits sign-in attempts", async () => {
    const browser = new RoomBrowser(server.baseUrl);
    await browser.get("/media-room/masuk");
    const email = freshEmail();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await browser.post("/media-room/masuk", { email, password: "salah-sekali" })).status);
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
    expect(statuses[5]).toBe(429);
    expect(browser.lastHtml).toContain("Terlalu banyak percobaan");
  });

  it("emails subscribers when a matching release goes public", async () => {
    const s = server.services;
    const t = await createTree(s);
    const byAgency = await approvedJournalist(t.root);
    const byType = await approvedJournalist(t.root);
    const unrelated = await approvedJournalist(t.opdB);
    await byAgency.browser.get("/media-room/langganan");
    expect((await byAgency.browser.post("/media-room/langganan", { kind: "organization", value: t.opdA.id })).status).toBe(303);
    // Another subtree's agency is not on offer.
    expect(
      (await unrelated.browser.post("/media-room/langganan", { kind: "organization", value: t.opdA.id }, { csrf: unrelated.browser.csrf }))
        .status,
    ).toBe(403);
    await unrelated.browser.get("/media-room/langganan");
    expect((await unrelated.browser.post("/media-room/langganan", { kind: "organization", value: t.opdA.id })).status).toBe(404);
    expect((await unrelated.browser.post("/media-room/langganan", { kind: "type", value: "pengumuman" })).status).toBe(303);
    await byType.browser.get("/media-room/langganan");
    expect((await byType.browser.post("/media-room/langganan", { kind: "type", value: "pengumuman" })).status).toBe(303);
    expect((await byType.browser.get("/media-room/langganan")).text).toContain("Jenis: Pengumuman");

    const item = await insertItem(s, t.unitA, { type: "pengumuman", title: "Pengumuman jadwal posyandu", publicInHours: -0.01 });
    // Released → the subscribers' emails leave at once (sent after the release commits, no sweep needed).
    await releaseDue(s);
    const forAgency = await mailTo(byAgency.email, `[Ruang Media] ${item.title}`);
    expect(forAgency.text).toContain(`/media-room/rilis/${item.id}`);
    await mailTo(byType.email, `[Ruang Media] ${item.title}`);
    // Subscribed to the type, but the agency is outside their subtree: nothing.
    expect(smtp.received.some((m) => m.to.includes(unrelated.email) && m.subject.includes(item.title))).toBe(false);
  });

  it("lists upcoming press events of the subtree and records an RSVP for the linked journalist", async () => {
    const s = server.services;
    const t = await createTree(s);
    const { browser, account } = await approvedJournalist(t.opdA);
    const [linked] = await s.db.select().from(journalistAccounts).where(eq(journalistAccounts.id, account.id));
    const event = (org: typeof t.opdA, title: string, status = "invited") => ({
      id: newId(),
      organizationId: org.id,
      kind: "konferensi_pers",
      title,
      startsAt: new Date(Date.now() + 86_400_000),
      endsAt: new Date(Date.now() + 90_000_000),
      placeAddress: "Aula Dinas Kesehatan",
      status,
    });
    const ours = event(t.unitA, "Konferensi pers vaksinasi");
    const draft = event(t.opdA, "Acara masih draf", "draft");
    const foreign = event(t.opdB, "Press tour pariwisata");
    await s.db.insert(pressEvents).values([ours, draft, foreign]);
    const list = await browser.get("/media-room/acara");
    expect(list.text).toContain(ours.title);
    expect(list.text).not.toContain(draft.title);
    expect(list.text).not.toContain(foreign.title);
    const answered = await browser.post(`/media-room/acara/${ours.id}/rsvp`, { answer: "hadir" });
    expect(answered.status, answered.text).toBe(303);
    const [invitation] = await s.db.select().from(pressEventInvitations).where(eq(pressEventInvitations.eventId, ours.id));
    expect(invitation).toMatchObject({ journalistId: linked.journalistId, rsvp: "hadir" });
    expect((await browser.get("/media-room/acara")).text).toContain("Jawaban Anda: <strong>Hadir</strong>");
    expect((await browser.post(`/media-room/acara/${foreign.id}/rsvp`, { answer: "hadir" })).status).toBe(404);
    expect((await browser.post(`/media-room/acara/${ours.id}/rsvp`, { answer: "entah" })).status).toBe(400);
  });
});
