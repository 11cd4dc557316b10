import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportExports } from "../../db/schema";
import { createTree, createUser, signedIn, TEST_PASSWORD } from "../../test/factories";
import { TestClient } from "../../test/http-client";
import { startTestServer, type TestServer } from "../../test/test-server";
import { RECAP_HEADER_ROW } from "./recap-xlsx";
import { newWorkbook } from "./xlsx";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

let seq = 800;
const nip = () => `199001012015031${seq++}`;

async function download(client: TestClient, url: string) {
  const res = await fetch(`${server.baseUrl}${url}`, { headers: { cookie: client.cookie ?? "" } });
  return { status: res.status, data: Buffer.from(await res.arrayBuffer()) };
}

type Sheet = NonNullable<Awaited<ReturnType<typeof newWorkbook>>["worksheets"][number]>;
/** Data rows under the header, as arrays of cell values (1-based like exceljs). */
function rows(ws: Sheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow((row, n) => {
    if (n > RECAP_HEADER_ROW) out.push((row.values as unknown[]).slice(1));
  });
  return out;
}

/**
 * Province tree: OPD A with a supervisor and two officers (one Ahli Pertama with entries),
 * OPD B with one Terampil officer; entries of 2025 approved, submitted and draft.
 */
async function agency() {
  const tree = await createTree(server.services);
  const editorA = await signedIn(server, tree.opdA, "editor");
  const editorB = await signedIn(server, tree.opdB, "editor");
  const bossUser = await createUser(server.services, [{ org: tree.opdA, role: "officer" }]);
  const staffUser = await createUser(server.services, [{ org: tree.opdA, role: "officer" }]);
  const base = {
    organizationId: tree.opdA.id,
    jenjang: "ahli_pertama",
    golongan: "III/a",
    tmtJabatan: "2024-01-01",
    tmtPangkat: "2024-01-01",
  };
  const boss = await editorA.client.post("/api/v1/officers", {
    ...base,
    nip: nip(),
    name: "Atasan A",
    userId: bossUser.id,
    jenjang: "ahli_muda",
    golongan: "III/c",
  });
  const staff = await editorA.client.post("/api/v1/officers", {
    ...base,
    nip: nip(),
    name: "Pranata A",
    userId: staffUser.id,
    supervisorId: boss.body.id,
  });
  await editorA.client.post("/api/v1/officers", { ...base, organizationId: tree.unitA.id, nip: nip(), name: "Pranata Unit A" });
  await editorB.client.post("/api/v1/officers", {
    ...base,
    organizationId: tree.opdB.id,
    nip: nip(),
    name: "Pranata B",
    jenjang: "terampil",
    golongan: "II/c",
  });
  const staffClient = new TestClient(server.baseUrl);
  await staffClient.login(staffUser.email, TEST_PASSWORD);
  const bossClient = new TestClient(server.baseUrl);
  await bossClient.login(bossUser.email, TEST_PASSWORD);
  const types = await staffClient.get("/api/v1/hasil-kerja-types");
  const typeId = types.body.items.find((t: { code: string }) => t.code === "KH-03").id;
  const ids: string[] = [];
  for (let i = 0; i < 4; i++) {
    const created = await staffClient.post("/api/v1/work-logs", {
      officerId: staff.body.id,
      hasilKerjaTypeId: typeId,
      occurredAt: `2025-0${i + 2}-15T10:00:00+08:00`,
      title: `Konten ${i + 1}`,
    });
    ids.push(created.body.id);
  }
  // 2 approved, 1 waiting for verification, 1 draft; and one 2024 entry outside the year.
  await staffClient.post("/api/v1/work-logs/submit", { ids: ids.slice(0, 3) });
  await bossClient.post("/api/v1/work-logs/decisions", { ids: ids.slice(0, 2), decision: "approve" });
  await staffClient.post("/api/v1/work-logs", {
    officerId: staff.body.id,
    hasilKerjaTypeId: typeId,
    occurredAt: "2024-12-15T10:00:00+08:00",
    title: "Tahun lalu",
  });
  await bossClient.post(`/api/v1/officers/${staff.body.id}/ratings`, {
    startMonth: "2025-01",
    endMonth: "2025-12",
    predikat: "sangat_baik",
  });
  return { tree, staffClient };
}

describe("agency recap", () => {
  it("runs as a background export queued → done, with four sheets of correct counts", async () => {
    const { tree } = await agency();
    const coordinator = await signedIn(server, tree.root, "coordinator");
    const created = await coordinator.client.post("/api/v1/reports/recap", { organizationId: tree.root.id, year: 2025 });
    expect(created.status).toBe(202);
    const id = created.body.id;
    // Inline queue in tests: the job has run by the time the POST answered.
    const status = await coordinator.client.get(`/api/v1/reports/exports/${id}`);
    expect(status.body).toMatchObject({
      id,
      kind: "recap",
      status: "done",
      progress: 100,
      error: null,
      organizationName: tree.names.root,
      params: { year: 2025 },
    });
    expect(status.body.fileName).toMatch(/^rekap-.+-2025\.xlsx$/);
    const list = await coordinator.client.get("/api/v1/reports/exports");
    expect(list.body.items.map((e: { id: string }) => e.id)).toEqual([id]);

    const file = await download(coordinator.client, `/api/v1/reports/exports/${id}/file`);
    expect(file.status).toBe(200);
    const wb = await newWorkbook();
    await wb.xlsx.load(file.data as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Rekap Pegawai", "Catatan Kerja", "Antrean Verifikasi", "Angka Kredit"]);

    // Columns: organization, 7 jenjang (terampil … ahli_utama), total.
    const people = rows(wb.getWorksheet("Rekap Pegawai") as Sheet);
    const byOrg = new Map(people.map((r) => [r[0], r]));
    expect(byOrg.get(tree.names.opdA)).toEqual([tree.names.opdA, 0, 0, 0, 1, 1, 0, 0, 2]);
    expect(byOrg.get(tree.names.unitA)).toEqual([tree.names.unitA, 0, 0, 0, 1, 0, 0, 0, 1]);
    expect(byOrg.get(tree.names.opdB)).toEqual([tree.names.opdB, 1, 0, 0, 0, 0, 0, 0, 1]);
    expect(people.at(-1)).toEqual(["Jumlah", 1, 0, 0, 2, 1, 0, 0, 4]);
    expect(people[0][0]).toBe(tree.names.root);

    // Columns: code, name, draft, submitted, returned, approved, total.
    const logs = rows(wb.getWorksheet("Catatan Kerja") as Sheet);
    expect(logs.find((r) => r[0] === "KH-03")?.slice(2)).toEqual([1, 1, 0, 2, 4]);
    expect(logs.at(-1)?.slice(1)).toEqual(["Jumlah", 1, 1, 0, 2, 4]);

    const queue = rows(wb.getWorksheet("Antrean Verifikasi") as Sheet);
    expect(queue[0][0]).toBe(tree.names.opdA);
    expect(queue[0][1]).toBe(1);
    expect(queue[0][3]).toBe(0);
    expect(queue.at(-1)?.[1]).toBe(1);

    const ak = rows(wb.getWorksheet("Angka Kredit") as Sheet);
    expect(ak).toHaveLength(4);
    const staff = ak.find((r) => r[1] === "Pranata A");
    expect(staff?.[5]).toBe(18.75); // Sangat Baik, a full year as Ahli Pertama
    expect(staff?.[6]).toBe("III/b");
    expect(staff?.[7]).toBe(50);
    expect(staff?.[8]).toBe(31.25);
    expect(staff?.[9]).toBe("Tidak");
  });

  it("records progress and a failure on the export row", async () => {
    const { tree } = await agency();
    const coordinator = await signedIn(server, tree.root, "coordinator");
    const created = await coordinator.client.post("/api/v1/reports/recap", { organizationId: tree.opdA.id, year: 2025 });
    const [row] = await server.services.db.select().from(reportExports).where(eq(reportExports.id, created.body.id));
    expect(row).toMatchObject({ status: "done", progress: 100, fileKey: `reports/${created.body.id}.xlsx` });
    expect(row.finishedAt).toBeInstanceOf(Date);
  });

  it("is for readers of the subtree: 404 outside it, 403 for an officer, and exports stay with their requester", async () => {
    const { tree, staffClient } = await agency();
    const editorB = await signedIn(server, tree.opdB, "editor");
    expect((await editorB.client.post("/api/v1/reports/recap", { organizationId: tree.opdA.id, year: 2025 })).status).toBe(404);
    expect((await editorB.client.get(`/api/v1/reports/recap.xlsx?organizationId=${tree.opdA.id}&year=2025`)).status).toBe(404);
    expect((await staffClient.post("/api/v1/reports/recap", { organizationId: tree.opdA.id, year: 2025 })).status).toBe(403);
    const bad = await editorB.client.post("/api/v1/reports/recap", { organizationId: tree.opdB.id, year: 1999 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.year).toBe("Minimal 2000.");

    const leader = await signedIn(server, tree.opdA, "leader");
    const mine = await leader.client.post("/api/v1/reports/recap", { organizationId: tree.opdA.id, year: 2025 });
    expect(mine.status).toBe(202);
    expect((await editorB.client.get(`/api/v1/reports/exports/${mine.body.id}`)).status).toBe(404);
    expect((await download(editorB.client, `/api/v1/reports/exports/${mine.body.id}/file`)).status).toBe(404);

    // The direct download gives the same workbook at once.
    const direct = await download(leader.client, `/api/v1/reports/recap.xlsx?organizationId=${tree.opdA.id}&year=2025`);
    expect(direct.status).toBe(200);
    const wb = await newWorkbook();
    await wb.xlsx.load(direct.data as unknown as ArrayBuffer);
    expect(rows(wb.getWorksheet("Rekap Pegawai") as Sheet).at(-1)).toEqual(["Jumlah", 0, 0, 0, 2, 1, 0, 0, 3]);
  });

  it("answers 409 for the file of an export that is not finished", async () => {
    const { tree } = await agency();
    const viewer = await signedIn(server, tree.root, "viewer");
    const created = await viewer.client.post("/api/v1/reports/recap", { organizationId: tree.root.id, year: 2025 });
    await server.services.db.update(reportExports).set({ status: "running", progress: 40 }).where(eq(reportExports.id, created.body.id));
    const status = await viewer.client.get(`/api/v1/reports/exports/${created.body.id}`);
    expect(status.body).toMatchObject({ status: "running", progress: 40, fileName: null });
    const file = await viewer.client.get(`/api/v1/reports/exports/${created.body.id}/file`);
    expect(file.status).toBe(409);
    expect(file.body.error.message).toBe("Berkas laporan belum siap (status: running).");
  });

  it("the sweeper picks up an export whose job was lost between commit and enqueue", async () => {
    const { tree } = await agency();
    const viewer = await signedIn(server, tree.root, "viewer");
    const created = await viewer.client.post("/api/v1/reports/recap", { organizationId: tree.root.id, year: 2025 });
    // Pretend the enqueue never happened: the row is still queued, ten minutes old.
    await server.services.db
      .update(reportExports)
      .set({ status: "queued", progress: 0, fileKey: null, finishedAt: null, createdAt: new Date(Date.now() - 10 * 60_000) })
      .where(eq(reportExports.id, created.body.id));
    await server.services.jobs.enqueue("report.recap_sweep", {});
    const status = await viewer.client.get(`/api/v1/reports/exports/${created.body.id}`);
    expect(status.body).toMatchObject({ status: "done", progress: 100 });
  });
});
