import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTree, createUser, signedIn, TEST_PASSWORD, type TestTree } from "../../test/factories";
import { TestClient } from "../../test/http-client";
import { startTestServer, type TestServer } from "../../test/test-server";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { EVIDENCE_MAX_MB: "1" } });
});
afterAll(async () => server?.close());

let seq = 500;
interface Team {
  tree: TestTree;
  officerId: string;
  staff: TestClient;
  boss: TestClient;
  typeId: string;
}

/** An OPD with a supervisor and one officer, both signed in, both linked to officer records. */
async function team(): Promise<Team> {
  const tree = await createTree(server.services);
  const editor = await signedIn(server, tree.opdA, "editor");
  const bossUser = await createUser(server.services, [{ org: tree.opdA, role: "officer" }]);
  const staffUser = await createUser(server.services, [{ org: tree.opdA, role: "officer" }]);
  const base = {
    organizationId: tree.opdA.id,
    jenjang: "ahli_pertama",
    golongan: "III/a",
    tmtJabatan: "2024-01-01",
    tmtPangkat: "2024-01-01",
  };
  const boss = await editor.client.post("/api/v1/officers", {
    ...base,
    nip: `198001012005011${seq++}`,
    name: "Atasan",
    userId: bossUser.id,
    jenjang: "ahli_muda",
    golongan: "III/c",
  });
  const staff = await editor.client.post("/api/v1/officers", {
    ...base,
    nip: `199202022018022${seq++}`,
    name: "Pranata",
    userId: staffUser.id,
    supervisorId: boss.body.id,
  });
  const staffClient = new TestClient(server.baseUrl);
  await staffClient.login(staffUser.email, TEST_PASSWORD);
  const bossClient = new TestClient(server.baseUrl);
  await bossClient.login(bossUser.email, TEST_PASSWORD);
  const types = await staffClient.get("/api/v1/hasil-kerja-types");
  return {
    tree,
    officerId: staff.body.id,
    staff: staffClient,
    boss: bossClient,
    typeId: types.body.items.find((t: { code: string }) => t.code === "KH-03").id,
  };
}

const entry = (t: Team, extra: Record<string, unknown> = {}) => ({
  officerId: t.officerId,
  hasilKerjaTypeId: t.typeId,
  occurredAt: "2026-11-20T09:30:00+08:00",
  title: "Liputan Pesta Kesenian Bali di situs resmi",
  description: "Berita dan foto pembukaan PKB.",
  place: "Taman Budaya Denpasar",
  latitude: -8.6532,
  longitude: 115.2337,
  ...extra,
});

async function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: "#2f9e44" } })
    .withExif({
      IFD0: { Make: "Kamera Uji" },
      IFD3: { GPSLatitudeRef: "S", GPSLatitude: "8/1 39/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "115/1 14/1 0/1" },
    })
    .jpeg()
    .toBuffer();
}

describe("work logs and verification", () => {
  it("runs draft → submitted → returned with a note → resubmitted → approved (locked) → reopened", async () => {
    const t = await team();
    const created = await t.staff.post("/api/v1/work-logs", entry(t));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: "draft",
      officerName: "Pranata",
      hasilKerjaCode: "KH-03",
      can: { edit: true, submit: true, decide: false },
    });
    const id = created.body.id;

    const original = await photoWithGps();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(original)], { type: "image/jpeg" }), "foto-pkb.jpg");
    const withPhoto = await t.staff.request("POST", `/api/v1/work-logs/${id}/evidence`, form);
    expect(withPhoto.status).toBe(201);
    const photo = withPhoto.body.evidence[0];
    expect(photo).toMatchObject({ kind: "file", fileName: "foto-pkb.jpg", mime: "image/jpeg" });
    const stored = await fetch(`${server.baseUrl}/api/v1/work-logs/${id}/evidence/${photo.id}/file`, {
      headers: { cookie: t.boss.cookie as string },
    });
    expect(stored.status).toBe(200);
    // Re-encoded: the GPS position (and every other EXIF block) is gone.
    expect((await sharp(Buffer.from(await stored.arrayBuffer())).metadata()).exif).toBeUndefined();
    const link = await t.staff.post(`/api/v1/work-logs/${id}/evidence`, {
      kind: "link",
      url: "https://www.baliprov.go.id/web/berita-pkb",
      label: "Berita",
    });
    expect(link.body.evidenceCount).toBe(2);

    expect((await t.boss.get("/api/v1/work-logs/queue/count")).body.count).toBe(0);
    const submitted = await t.staff.post("/api/v1/work-logs/submit", { ids: [id] });
    expect(submitted.body.results).toEqual([{ id, ok: true, status: "submitted", error: null }]);
    const queue = await t.boss.get("/api/v1/work-logs/queue");
    expect(queue.body.items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect((await t.boss.get("/api/v1/work-logs/queue/count")).body.count).toBe(1);
    // The officer cannot decide on their own entry; it is not in their queue either.
    expect((await t.staff.get("/api/v1/work-logs/queue")).body.items).toEqual([]);

    const noNote = await t.boss.post("/api/v1/work-logs/decisions", { ids: [id], decision: "return" });
    expect(noNote.status).toBe(400);
    expect(noNote.body.error.fields.note).toBeDefined();
    const returned = await t.boss.post("/api/v1/work-logs/decisions", {
      ids: [id],
      decision: "return",
      note: "Lampirkan tautan berita yang sudah tayang.",
    });
    expect(returned.body.results[0]).toMatchObject({ ok: true, status: "returned" });
    const seen = await t.staff.get(`/api/v1/work-logs/${id}`);
    expect(seen.body).toMatchObject({ status: "returned", decisionNote: "Lampirkan tautan berita yang sudah tayang." });
    expect(seen.body.events[0]).toMatchObject({ action: "return", note: "Lampirkan tautan berita yang sudah tayang." });

    expect((await t.staff.patch(`/api/v1/work-logs/${id}`, { description: "Berita, foto, dan tautan yang tayang." })).status).toBe(200);
    expect((await t.staff.post("/api/v1/work-logs/submit", { ids: [id] })).body.results[0].status).toBe("submitted");
    const approved = await t.boss.post("/api/v1/work-logs/decisions", { ids: [id], decision: "approve" });
    expect(approved.body.results[0].status).toBe("approved");
    // Locked: no edits, no evidence changes.
    expect((await t.staff.patch(`/api/v1/work-logs/${id}`, { title: "Diubah" })).status).toBe(403);
    expect((await t.staff.delete(`/api/v1/work-logs/${id}/evidence/${photo.id}`)).status).toBe(403);
    expect((await t.boss.post(`/api/v1/work-logs/${id}/reopen`, { reason: "Salah jenis hasil kerja." })).body.status).toBe("returned");
    const history = (await t.staff.get(`/api/v1/work-logs/${id}`)).body.events.map((e: { action: string }) => e.action);
    expect(history).toEqual(["reopen", "approve", "resubmit", "return", "submit"]);
  });

  it("checks evidence by content and size, and keeps other agencies out", async () => {
    const t = await team();
    const id = (await t.staff.post("/api/v1/work-logs", entry(t))).body.id;
    const fake = new FormData();
    fake.append("file", new Blob([Buffer.from("MZ bukan gambar")], { type: "image/jpeg" }), "foto.jpg");
    const bad = await t.staff.request("POST", `/api/v1/work-logs/${id}/evidence`, fake);
    expect(bad.status).toBe(415);
    expect(bad.body.error.message).toMatch(/JPEG, PNG/);
    const big = new FormData();
    big.append("file", new Blob([new Uint8Array(1_200_000).fill(1)], { type: "video/mp4" }), "video.mp4");
    const tooBig = await t.staff.request("POST", `/api/v1/work-logs/${id}/evidence`, big);
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.message).toBe("Berkas melebihi batas 1 MB.");
    const detail = await t.staff.get(`/api/v1/work-logs/${id}`);
    expect(detail.body.evidence).toEqual([]);
    const outsider = await signedIn(server, t.tree.opdB, "editor");
    expect((await outsider.client.get(`/api/v1/work-logs/${id}`)).status).toBe(404);
    expect((await outsider.client.post("/api/v1/work-logs", entry(t))).status).toBe(404);
    // Someone else's officer record: an editor may read it but not log work as that officer.
    const editor = await signedIn(server, t.tree.opdA, "editor");
    expect((await editor.client.post("/api/v1/work-logs", entry(t))).status).toBe(403);
  });

  it("bulk decisions report each entry, and apply the allowed ones together", async () => {
    const t = await team();
    const ids: string[] = [];
    for (const title of ["Siaran pers A", "Siaran pers B"])
      ids.push((await t.staff.post("/api/v1/work-logs", entry(t, { title }))).body.id);
    const draft = (await t.staff.post("/api/v1/work-logs", entry(t, { title: "Masih draf" }))).body.id;
    await t.staff.post("/api/v1/work-logs/submit", { ids });
    const res = await t.boss.post("/api/v1/work-logs/decisions", {
      ids: [...ids, draft, "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"],
      decision: "approve",
    });
    expect(res.body.results.map((r: { ok: boolean; error: string | null }) => [r.ok, r.error])).toEqual([
      [true, null],
      [true, null],
      [false, "forbidden"],
      [false, "not_found"],
    ]);
    const approved = await t.staff.get(`/api/v1/work-logs?officerId=${t.officerId}&status=approved`);
    expect(approved.body.total).toBe(2);
  });

  it("tells the app who decides, and which officer record is the user's own", async () => {
    const t = await team();
    expect((await t.boss.get("/api/v1/auth/session")).body.abilities["workLogs.decide"]).toBe(true);
    expect((await t.staff.get("/api/v1/auth/session")).body.abilities["workLogs.decide"]).toBe(false);
    expect((await t.boss.get("/api/v1/officers")).body.total).toBe(2);
    const mine = await t.boss.get("/api/v1/officers?mine=true");
    expect(mine.body.items.map((o: { name: string }) => o.name)).toEqual(["Atasan"]);
  });
});
