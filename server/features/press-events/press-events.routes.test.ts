import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emails } from "../../db/schema";
import { createTree, createUser, signedIn } from "../../test/factories";
import type { TestClient } from "../../test/http-client";
import { startTestServer, type TestServer } from "../../test/test-server";
import { ERASED_NAME } from "../media-relations/commands/journalist-pdp";
import { addCoverage } from "./commands/coverage";
import { recordRsvp } from "./commands/rsvp";
import { invitationToken } from "./invitation-tokens";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

let nipSeq = 10;
const inHours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();

/** An OPD with an editor, an officer record (the organizer) and two journalists at one outlet. */
async function setup() {
  const tree = await createTree(server.services);
  const { client } = await signedIn(server, tree.opdA, "editor");
  const officerUser = await createUser(server.services, [{ org: tree.opdA, role: "officer" }]);
  const officer = await client.post("/api/v1/officers", {
    organizationId: tree.opdA.id,
    nip: `1985030320100110${nipSeq++}`,
    name: "Ayu Pranata",
    userId: officerUser.id,
    jenjang: "ahli_pertama",
    golongan: "III/a",
    tmtJabatan: "2024-01-01",
    tmtPangkat: "2024-01-01",
  });
  expect(officer.status).toBe(201);
  const outlet = await client.post("/api/v1/media-outlets", { organizationId: tree.opdA.id, name: "Bali Post", type: "cetak" });
  const journalist = async (name: string, email: string) =>
    (
      await client.post("/api/v1/journalists", {
        organizationId: tree.opdA.id,
        name,
        email,
        memberships: [{ outletId: outlet.body.id, role: "reporter" }],
      })
    ).body.id as string;
  const made = await journalist("Made Wirawan", "made@balipost.co.id");
  const ketut = await journalist("Ketut Sari", "ketut@balipost.co.id");
  return { tree, client, officerId: officer.body.id as string, outletId: outlet.body.id as string, made, ketut };
}

const eventBody = (orgId: string, extra: Record<string, unknown> = {}) => ({
  organizationId: orgId,
  kind: "konferensi_pers",
  title: "Konferensi Pers Capaian Imunisasi 2026",
  startsAt: inHours(48),
  endsAt: inHours(50),
  placeAddress: "Ruang Rapat Dinkes, Jl. Melati No. 20, Denpasar",
  placeMapUrl: "https://maps.google.com/?q=-8.65,115.21",
  speakers: [{ name: "dr. Nyoman Suteja", position: "Kepala Dinas Kesehatan" }],
  description: "Paparan capaian imunisasi dasar lengkap.",
  ...extra,
});

async function openEvent(client: TestClient, orgId: string, extra: Record<string, unknown> = {}) {
  const created = await client.post("/api/v1/press-events", eventBody(orgId, extra));
  expect(created.status).toBe(201);
  const opened = await client.post(`/api/v1/press-events/${created.body.id}/status`, { status: "invited" });
  expect(opened.status).toBe(200);
  return created.body.id as string;
}

const env = () => server.services.env;
const form = (fields: Record<string, string>) =>
  fetch(`${server.baseUrl}${fields.path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(Object.fromEntries(Object.entries(fields).filter(([k]) => k !== "path"))).toString(),
  });

describe("press events", () => {
  it("creates an event with organizers and a linked release, validates input, and hides it from other agencies", async () => {
    const t = await setup();
    const res = await t.client.post("/api/v1/press-events", eventBody(t.tree.opdA.id, { organizerOfficerIds: [t.officerId] }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: "konferensi_pers",
      status: "draft",
      speakers: [{ name: "dr. Nyoman Suteja", position: "Kepala Dinas Kesehatan" }],
      organizers: [{ id: t.officerId, name: "Ayu Pranata" }],
      counts: { invited: 0, checkedIn: 0 },
      can: { read: true, manage: true },
    });

    const backwards = await t.client.post("/api/v1/press-events", eventBody(t.tree.opdA.id, { endsAt: inHours(47) }));
    expect(backwards.status).toBe(400);
    expect(Object.keys(backwards.body.error.fields)).toEqual(["endsAt"]);
    const badKind = await t.client.post(
      "/api/v1/press-events",
      eventBody(t.tree.opdA.id, { kind: "pesta", placeMapUrl: "javascript:alert(1)" }),
    );
    expect(badKind.status).toBe(400);
    expect(Object.keys(badKind.body.error.fields).sort()).toEqual(["kind", "placeMapUrl"]);
    const ghostOfficer = await t.client.post(
      "/api/v1/press-events",
      eventBody(t.tree.opdA.id, { organizerOfficerIds: ["0190f3f0-0000-7000-8000-000000000000"] }),
    );
    expect(ghostOfficer.status).toBe(404);
    expect(Object.keys(ghostOfficer.body.error.fields)).toEqual(["organizerOfficerIds.0"]);

    const list = await t.client.get("/api/v1/press-events?q=imunisasi&status=draft");
    expect(list.body.items.map((e: { id: string }) => e.id)).toEqual([res.body.id]);
    expect((await t.client.get("/api/v1/press-events?kind=press_tour")).body.total).toBe(0);

    const other = await signedIn(server, t.tree.opdB, "editor");
    expect((await other.client.get(`/api/v1/press-events/${res.body.id}`)).status).toBe(404);
    expect((await other.client.patch(`/api/v1/press-events/${res.body.id}`, { title: "Dibajak" })).status).toBe(404);
    expect((await other.client.get(`/api/v1/press-events/${res.body.id}/invitations`)).status).toBe(404);
    expect((await other.client.post("/api/v1/press-events", eventBody(t.tree.opdA.id))).status).toBe(404);
    expect((await other.client.get("/api/v1/press-events")).body.total).toBe(0);
    // A coordinator of the whole tree sees it; a viewer may read but not manage.
    const viewer = await signedIn(server, t.tree.opdA, "viewer");
    const seen = await viewer.client.get(`/api/v1/press-events/${res.body.id}`);
    expect(seen.body.can).toEqual({ read: true, manage: false });
    expect((await viewer.client.post(`/api/v1/press-events/${res.body.id}/status`, { status: "invited" })).status).toBe(403);

    // The OpenAPI description carries the routes with their zod schemas.
    const doc = await (await fetch(`${server.baseUrl}/api/docs/json`)).json();
    expect(doc.paths["/api/v1/press-events"].post.requestBody.content["application/json"].schema.properties.kind.enum).toEqual([
      "konferensi_pers",
      "media_gathering",
      "press_tour",
    ]);
    expect(doc.paths["/api/v1/press-events/{id}/check-in"].post).toBeDefined();
  });

  it("takes RSVPs through the public link, refuses a forged token (404) and a closed event (410)", async () => {
    const t = await setup();
    const eventId = await openEvent(t.client, t.tree.opdA.id);
    const invited = await t.client.post(`/api/v1/press-events/${eventId}/invitations`, { journalistIds: [t.made, t.ketut, t.made] });
    expect(invited.body).toEqual({ added: 2, skipped: 0 });
    const again = await t.client.post(`/api/v1/press-events/${eventId}/invitations`, { journalistIds: [t.made] });
    expect(again.body).toEqual({ added: 0, skipped: 1 });
    const guests = await t.client.get(`/api/v1/press-events/${eventId}/invitations`);
    const made = guests.body.items.find((g: { journalistId: string }) => g.journalistId === t.made);
    expect(made).toMatchObject({ name: "Made Wirawan", outlet: "Bali Post", email: "made@balipost.co.id", rsvp: null });
    const path = new URL(made.rsvpUrl).pathname;

    const page = await fetch(`${server.baseUrl}${path}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Konferensi Pers Capaian Imunisasi 2026");
    expect(html).toContain("Made Wirawan");
    expect(html).toContain('name="jawaban" value="tidak_hadir"');
    expect(page.headers.get("set-cookie")).toBeNull();

    // The invitation email carries the same personal link; a second send skips those already emailed.
    const sent = await t.client.post(`/api/v1/press-events/${eventId}/invitations/send`);
    expect(sent.body).toEqual({ emailed: 2 });
    expect((await t.client.post(`/api/v1/press-events/${eventId}/invitations/send`)).body).toEqual({ emailed: 0 });
    const mail = await server.services.db.select().from(emails).where(eq(emails.to, "made@balipost.co.id"));
    expect(mail).toHaveLength(1);
    expect(mail[0].subject).toBe("Undangan konferensi pers: Konferensi Pers Capaian Imunisasi 2026");
    expect(mail[0].text).toContain(made.rsvpUrl);

    const answer = await form({ path, jawaban: "hadir", kru: "2" });
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain("Terima kasih");
    const badCrew = await form({ path, jawaban: "hadir", kru: "banyak" });
    expect(badCrew.status).toBe(400);
    expect((await form({ path, jawaban: "datang" })).status).toBe(400);

    const counts = (await t.client.get(`/api/v1/press-events/${eventId}/invitations`)).body.counts;
    expect(counts).toMatchObject({ invited: 2, hadir: 1, noAnswer: 1, crew: 2 });

    // A token for another purpose, a tampered MAC, or garbage: 404.
    const checkinToken = invitationToken(env(), "checkin", made.id);
    expect((await fetch(`${server.baseUrl}/rsvp/${checkinToken}`)).status).toBe(404);
    expect((await fetch(`${server.baseUrl}${path.slice(0, -2)}xx`)).status).toBe(404);
    expect((await fetch(`${server.baseUrl}/rsvp/bukan-token`)).status).toBe(404);

    // Cancelled: the link answers 410 Gone and the answer stays as it was.
    await t.client.post(`/api/v1/press-events/${eventId}/status`, { status: "cancelled" });
    expect((await fetch(`${server.baseUrl}${path}`)).status).toBe(410);
    expect((await form({ path, jawaban: "tidak_hadir" })).status).toBe(410);
    const after = (await t.client.get(`/api/v1/press-events/${eventId}/invitations`)).body.items;
    expect(after.find((g: { id: string }) => g.id === made.id).rsvp).toBe("hadir");
  });

  it("checks in by QR idempotently, takes walk-ins, and refuses another event's card", async () => {
    const t = await setup();
    const eventId = await openEvent(t.client, t.tree.opdA.id);
    const otherEventId = await openEvent(t.client, t.tree.opdA.id, { title: "Media Gathering Akhir Tahun", kind: "media_gathering" });
    await t.client.post(`/api/v1/press-events/${eventId}/invitations`, { journalistIds: [t.made, t.ketut] });
    const guests = (await t.client.get(`/api/v1/press-events/${eventId}/invitations`)).body.items;
    const made = guests.find((g: { journalistId: string }) => g.journalistId === t.made);
    expect(made.checkInUrl).toContain(`/app/press-events/${eventId}/check-in?kode=`);

    // The USB scanner types the whole URL; the first scan checks in, the second says "already".
    const first = await t.client.post(`/api/v1/press-events/${eventId}/check-in`, { code: made.checkInUrl });
    expect(first.status).toBe(200);
    expect(first.body.alreadyCheckedIn).toBe(false);
    expect(first.body.invitation.checkedInAt).not.toBeNull();
    const second = await t.client.post(`/api/v1/press-events/${eventId}/check-in`, {
      code: new URL(made.checkInUrl).searchParams.get("kode"),
    });
    expect(second.body.alreadyCheckedIn).toBe(true);
    expect(second.body.invitation.checkedInAt).toBe(first.body.invitation.checkedInAt);

    const wrongEvent = await t.client.post(`/api/v1/press-events/${otherEventId}/check-in`, { code: made.checkInUrl });
    expect(wrongEvent.status).toBe(404);
    expect(wrongEvent.body.error.code).toBe("press_event_code_invalid");
    const rsvpAsCheckin = await t.client.post(`/api/v1/press-events/${eventId}/check-in`, {
      code: new URL(made.rsvpUrl).pathname.split("/")[2],
    });
    expect(rsvpAsCheckin.status).toBe(404);

    // Manual fallback by name, then a walk-in by name and a walk-in who was already invited.
    const ketut = guests.find((g: { journalistId: string }) => g.journalistId === t.ketut);
    const manual = await t.client.post(`/api/v1/press-events/${eventId}/invitations/${ketut.id}/check-in`);
    expect(manual.body.alreadyCheckedIn).toBe(false);
    const walkIn = await t.client.post(`/api/v1/press-events/${eventId}/walk-ins`, { name: "Gede Arta", outlet: "Radar Bali" });
    expect(walkIn.status).toBe(201);
    expect(walkIn.body).toMatchObject({ name: "Gede Arta", outlet: "Radar Bali", walkIn: true, journalistId: null });
    expect(walkIn.body.checkedInAt).not.toBeNull();
    const invitedWalkIn = await t.client.post(`/api/v1/press-events/${eventId}/walk-ins`, { journalistId: t.made });
    expect(invitedWalkIn.body.id).toBe(made.id);
    expect((await t.client.post(`/api/v1/press-events/${eventId}/walk-ins`, {})).status).toBe(400);

    const { counts } = (await t.client.get(`/api/v1/press-events/${eventId}/invitations`)).body;
    expect(counts).toMatchObject({ invited: 2, checkedIn: 3, walkIns: 1 });
    expect((await t.client.delete(`/api/v1/press-events/${eventId}/invitations/${made.id}`)).status).toBe(409);

    const cards = await fetch(`${server.baseUrl}/api/v1/press-events/${eventId}/cards.pdf`, { headers: { cookie: t.client.cookie ?? "" } });
    expect(cards.status).toBe(200);
    expect(cards.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await cards.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
  });

  it("marking the event held drafts work-log evidence for organizers and records attendance on journalists", async () => {
    const t = await setup();
    const eventId = await openEvent(t.client, t.tree.opdA.id, { organizerOfficerIds: [t.officerId] });
    await t.client.post(`/api/v1/press-events/${eventId}/invitations`, { journalistIds: [t.made, t.ketut] });
    const guests = (await t.client.get(`/api/v1/press-events/${eventId}/invitations`)).body.items;
    const made = guests.find((g: { journalistId: string }) => g.journalistId === t.made);
    await t.client.post(`/api/v1/press-events/${eventId}/check-in`, { code: made.checkInUrl });

    const held = await t.client.post(`/api/v1/press-events/${eventId}/status`, { status: "held" });
    expect(held.status).toBe(200);
    expect(held.body.heldAt).not.toBeNull();
    expect((await t.client.post(`/api/v1/press-events/${eventId}/status`, { status: "held" })).status).toBe(409);

    const logs = await t.client.get(`/api/v1/work-logs?officerId=${t.officerId}`);
    expect(logs.body.items).toHaveLength(1);
    expect(logs.body.items[0]).toMatchObject({ status: "draft", title: "Konferensi pers: Konferensi Pers Capaian Imunisasi 2026" });
    const detail = await t.client.get(`/api/v1/work-logs/${logs.body.items[0].id}`);
    expect(detail.body.evidence.map((e: { kind: string }) => e.kind).sort()).toEqual(["link", "reference"]);

    const madeView = await t.client.get(`/api/v1/journalists/${t.made}`);
    expect(madeView.body.interactions).toEqual([
      expect.objectContaining({ kind: "event", text: "Hadir di acara pers: Konferensi Pers Capaian Imunisasi 2026" }),
    ]);
    expect((await t.client.get(`/api/v1/journalists/${t.ketut}`)).body.interactions).toEqual([]);

    // A late check-in after the event was marked held still reaches the journalist's history.
    const ketut = guests.find((g: { journalistId: string }) => g.journalistId === t.ketut);
    await t.client.post(`/api/v1/press-events/${eventId}/check-in`, { code: ketut.checkInUrl });
    expect((await t.client.get(`/api/v1/journalists/${t.ketut}`)).body.interactions).toHaveLength(1);
    expect((await t.client.get(`/api/v1/work-logs?officerId=${t.officerId}`)).body.items).toHaveLength(1);
  });

  it("erasing a journalist (UU PDP) removes their name and outlet from guest lists but keeps attendance", async () => {
    const t = await setup();
    const eventId = await openEvent(t.client, t.tree.opdA.id);
    await t.client.post(`/api/v1/press-events/${eventId}/invitations`, { journalistIds: [t.made, t.ketut] });
    const guests = (await t.client.get(`/api/v1/press-events/${eventId}/invitations`)).body.items;
    const made = guests.find((g: { journalistId: string }) => g.journalistId === t.made);
    expect(made).toMatchObject({ name: "Made Wirawan", outlet: "Bali Post" });
    const checkedIn = await t.client.post(`/api/v1/press-events/${eventId}/check-in`, { code: made.checkInUrl });
    expect(checkedIn.status).toBe(200);

    expect((await t.client.post(`/api/v1/journalists/${t.made}/erase`, { reason: "Permintaan tertulis" })).status).toBe(200);

    const after = (await t.client.get(`/api/v1/press-events/${eventId}/invitations`)).body;
    expect(JSON.stringify(after)).not.toContain("Made Wirawan");
    expect(after.items.find((g: { id: string }) => g.id === made.id)).toMatchObject({
      name: ERASED_NAME,
      outlet: null,
      checkedInAt: checkedIn.body.invitation.checkedInAt,
    });
    expect(after.items.find((g: { journalistId: string }) => g.journalistId === t.ketut)).toMatchObject({
      name: "Ketut Sari",
      outlet: "Bali Post",
    });
    expect(after.counts).toMatchObject({ invited: 2, checkedIn: 1 });
  });

  it("records coverage by hand once per link, and another agency cannot add to it", async () => {
    const t = await setup();
    const eventId = await openEvent(t.client, t.tree.opdA.id);
    const body = {
      url: "https://www.balipost.com/news/2026/11/24/imunisasi-capai-target",
      title: "Imunisasi Dasar Lengkap di Bali Capai Target",
      outletId: t.outletId,
      publishedAt: "2026-11-24T10:00:00+08:00",
    };
    const added = await t.client.post(`/api/v1/press-events/${eventId}/coverage`, body);
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ outletName: "Bali Post", source: "manual", publishedAt: "2026-11-24T02:00:00.000Z" });
    const dup = await t.client.post(`/api/v1/press-events/${eventId}/coverage`, body);
    expect(dup.status).toBe(200);
    expect(dup.body.id).toBe(added.body.id);
    expect((await t.client.post(`/api/v1/press-events/${eventId}/coverage`, { ...body, url: "ftp://x" })).status).toBe(400);
    const other = await signedIn(server, t.tree.opdB, "editor");
    expect((await other.client.post(`/api/v1/press-events/${eventId}/coverage`, { ...body, url: `${body.url}?b` })).status).toBe(404);
    const list = await t.client.get(`/api/v1/press-events/${eventId}/coverage`);
    expect(list.body.items).toHaveLength(1);
    expect((await t.client.delete(`/api/v1/press-events/${eventId}/coverage/${added.body.id}`)).status).toBe(204);
    expect((await t.client.get(`/api/v1/press-events/${eventId}/coverage`)).body.items).toHaveLength(0);
  });

  it("exports recordRsvp for the media room and addCoverage for monitoring, both idempotent and closed-aware", async () => {
    const t = await setup();
    const eventId = await openEvent(t.client, t.tree.opdA.id);
    const db = server.services.db;
    // A journalist who was not invited answers from the media room: they join the list.
    const first = await db.transaction((tx) => recordRsvp(tx, { eventId, journalistId: t.ketut, answer: "mungkin" }));
    const again = await db.transaction((tx) => recordRsvp(tx, { eventId, journalistId: t.ketut, answer: "hadir", crew: 1 }));
    expect(again.invitationId).toBe(first.invitationId);
    const guests = (await t.client.get(`/api/v1/press-events/${eventId}/invitations`)).body;
    expect(guests.items).toEqual([expect.objectContaining({ journalistId: t.ketut, rsvp: "hadir", rsvpCrew: 1 })]);
    await expect(db.transaction((tx) => recordRsvp(tx, { eventId: t.made, journalistId: t.ketut, answer: "hadir" }))).rejects.toMatchObject(
      {
        status: 404,
      },
    );

    const article = { eventId, url: "https://radarbali.id/2026/11/imunisasi", title: "Capaian Imunisasi Bali", publishedAt: new Date() };
    const a = await db.transaction((tx) => addCoverage(tx, { ...article, outletId: t.outletId, source: "monitoring" }));
    const b = await db.transaction((tx) => addCoverage(tx, { ...article, source: "monitoring" }));
    expect(a.created).toBe(true);
    expect(b).toEqual({ id: a.id, created: false });
    const coverage = (await t.client.get(`/api/v1/press-events/${eventId}/coverage`)).body.items;
    expect(coverage).toEqual([expect.objectContaining({ source: "monitoring", outletName: "Bali Post" })]);

    await t.client.post(`/api/v1/press-events/${eventId}/status`, { status: "cancelled" });
    await expect(db.transaction((tx) => recordRsvp(tx, { eventId, journalistId: t.made, answer: "hadir" }))).rejects.toMatchObject({
      status: 410,
    });
  });

  it("filters the list by days in the organization's zone", async () => {
    const t = await setup();
    // 23:30 WITA on 1 Dec is 15:30 UTC: it belongs to 1 Dec, not 2 Dec.
    await t.client.post(
      "/api/v1/press-events",
      eventBody(t.tree.opdA.id, { startsAt: "2026-12-01T23:30:00+08:00", endsAt: "2026-12-02T01:00:00+08:00" }),
    );
    const day = async (from: string, to: string) => (await t.client.get(`/api/v1/press-events?from=${from}&to=${to}`)).body.total;
    expect(await day("2026-12-01", "2026-12-01")).toBe(1);
    expect(await day("2026-12-02", "2026-12-31")).toBe(0);
  });
});
