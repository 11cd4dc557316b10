import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, campaigns, notifications } from "../../db/schema";
import { createTree, signedIn } from "../../test/factories";
import { startTestServer, type TestServer } from "../../test/test-server";
import { insertAsset, insertItem, insertPublication } from "./test-fixtures";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

const base = {
  name: "Bali Bangkit Pariwisata",
  description: "Narasi tunggal pemulihan pariwisata.",
  startsOn: "2026-11-01",
  endsOn: "2026-12-31",
  keyMessages: ["Bali aman dikunjungi", "Pariwisata berkelanjutan"],
  hashtags: ["BaliBangkit", "#Wonderful Indonesia", "#balibangkit"],
};

async function setup() {
  const tree = await createTree(server.services);
  const coordinator = await signedIn(server, tree.root, "coordinator");
  return { tree, coordinator };
}

describe("campaigns", () => {
  it("lets a coordinator create a campaign for two OPDs, which their officers read but cannot manage", async () => {
    const { tree, coordinator } = await setup();
    const officerA = await signedIn(server, tree.opdA, "officer");
    const editorB = await signedIn(server, tree.opdB, "editor");
    const asset = await insertAsset(server.services, tree.diskominfo.id);
    const created = await coordinator.client.post("/api/v1/campaigns", {
      ...base,
      organizationId: tree.diskominfo.id,
      assetIds: [asset],
      organizationIds: [tree.opdA.id, tree.opdB.id],
    });
    expect(created.status, created.text).toBe(201);
    const c = created.body;
    expect(c.hashtags).toEqual(["#BaliBangkit", "#WonderfulIndonesia"]);
    expect(c.keyMessages).toEqual(base.keyMessages);
    expect(c.assignments.map((a: { id: string }) => a.id).sort()).toEqual([tree.opdA.id, tree.opdB.id].sort());
    expect(c.assets).toMatchObject([{ id: asset, fileName: "poster.jpg", fileUrl: `/api/v1/media/${asset}/file?rendition=original` }]);
    expect(c.can).toMatchObject({ read: true, manage: true });

    // Both OPDs' PR desks were told, in-app.
    const bell = await officerA.client.get("/api/v1/notifications");
    expect(bell.body.items.map((n: { link: string }) => n.link)).toContain(`/app/campaigns/${c.id}`);
    const rows = await server.services.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, editorB.user.id), eq(notifications.kind, "campaign_assigned")));
    expect(rows).toHaveLength(1);

    // The officer of an assigned OPD reads it (not run by their agency) but cannot change it.
    const read = await officerA.client.get(`/api/v1/campaigns/${c.id}`);
    expect(read.status).toBe(200);
    expect(read.body.can).toMatchObject({ read: true, manage: false });
    const list = await officerA.client.get("/api/v1/campaigns");
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(c.id);
    expect((await officerA.client.patch(`/api/v1/campaigns/${c.id}`, { name: "Diubah petugas" })).status).toBe(403);
    expect((await officerA.client.post(`/api/v1/campaigns/${c.id}/deactivate`)).status).toBe(403);
    expect((await officerA.client.put(`/api/v1/campaigns/${c.id}/assignments`, { organizationIds: [] })).status).toBe(403);
    expect((await officerA.client.post("/api/v1/campaigns", { ...base, organizationId: tree.opdA.id })).status).toBe(403);

    // Another province sees nothing: 404, and no list entry.
    const other = await createTree(server.services);
    const outsider = await signedIn(server, other.root, "coordinator");
    expect((await outsider.client.get(`/api/v1/campaigns/${c.id}`)).status).toBe(404);
    expect((await outsider.client.patch(`/api/v1/campaigns/${c.id}`, { name: "Diambil alih" })).status).toBe(404);
    expect((await outsider.client.get(`/api/v1/campaigns/${c.id}/report`)).status).toBe(404);
    expect((await outsider.client.get("/api/v1/campaigns")).body.items).toEqual([]);

    // An unassigned sibling unit sees it only through its own scope: OPD B's editor does, unit-less users do not.
    const unitOfficer = await signedIn(server, tree.unitA, "officer");
    expect((await unitOfficer.client.get(`/api/v1/campaigns/${c.id}`)).status).toBe(404);
    expect((await editorB.client.get(`/api/v1/campaigns/${c.id}`)).status).toBe(200);

    const audit = await server.services.db.select().from(auditLog).where(eq(auditLog.entityId, c.id));
    expect(audit.map((a) => a.action)).toContain("campaign.create");
  });

  it("validates period, hashtags, assets and assignments without writing anything", async () => {
    const { tree, coordinator } = await setup();
    const bad = await coordinator.client.post("/api/v1/campaigns", { ...base, organizationId: tree.root.id, endsOn: "2026-10-01" });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(["endsOn"]);
    const tag = await coordinator.client.post("/api/v1/campaigns", { ...base, organizationId: tree.root.id, hashtags: ["#bali-bangkit"] });
    expect(tag.status).toBe(400);
    expect(Object.keys(tag.body.error.fields)).toEqual(["hashtags.0"]);
    const date = await coordinator.client.post("/api/v1/campaigns", { ...base, organizationId: tree.root.id, startsOn: "2026-02-30" });
    expect(date.status).toBe(400);

    const other = await createTree(server.services);
    const foreignAsset = await insertAsset(server.services, other.root.id);
    const asset = await coordinator.client.post("/api/v1/campaigns", { ...base, organizationId: tree.root.id, assetIds: [foreignAsset] });
    expect(asset.status).toBe(404);
    expect(Object.keys(asset.body.error.fields)).toEqual(["assetIds.0"]);
    const assign = await coordinator.client.post("/api/v1/campaigns", {
      ...base,
      organizationId: tree.root.id,
      organizationIds: [tree.opdA.id, other.opdA.id],
    });
    expect(assign.status).toBe(404);
    expect(Object.keys(assign.body.error.fields)).toEqual(["organizationIds.1"]);
    expect((await coordinator.client.get("/api/v1/campaigns")).body.total).toBe(0);
  });

  it("updates, reassigns, filters and deactivates", async () => {
    const { tree, coordinator } = await setup();
    const c = (
      await coordinator.client.post("/api/v1/campaigns", { ...base, organizationId: tree.root.id, organizationIds: [tree.opdA.id] })
    ).body;
    const patched = await coordinator.client.patch(`/api/v1/campaigns/${c.id}`, { endsOn: "2026-11-15", hashtags: ["Sehat"] });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body).toMatchObject({ endsOn: "2026-11-15", hashtags: ["#Sehat"], startsOn: "2026-11-01" });
    expect((await coordinator.client.patch(`/api/v1/campaigns/${c.id}`, { endsOn: "2026-10-15" })).status).toBe(400);

    const officerB = await signedIn(server, tree.opdB, "officer");
    const reassigned = await coordinator.client.put(`/api/v1/campaigns/${c.id}/assignments`, { organizationIds: [tree.opdB.id] });
    expect(reassigned.status, reassigned.text).toBe(200);
    expect(reassigned.body.assignments.map((a: { id: string }) => a.id)).toEqual([tree.opdB.id]);
    expect((await officerB.client.get("/api/v1/notifications")).body.unread).toBe(1);

    const other = (
      await coordinator.client.post("/api/v1/campaigns", { ...base, name: "Gerakan Pangan Lokal", organizationId: tree.root.id })
    ).body;
    const byName = await coordinator.client.get("/api/v1/campaigns?q=pangan");
    expect(byName.body.items.map((i: { id: string }) => i.id)).toEqual([other.id]);

    // Periods are relative to today (WIB): fixed far-away dates keep the test independent of the clock.
    const past = await coordinator.client.post("/api/v1/campaigns", {
      ...base,
      organizationId: tree.root.id,
      startsOn: "2020-01-01",
      endsOn: "2020-12-31",
    });
    const future = await coordinator.client.post("/api/v1/campaigns", {
      ...base,
      organizationId: tree.root.id,
      startsOn: "2099-01-01",
      endsOn: "2099-02-01",
    });
    const ids = async (period: string) =>
      (await coordinator.client.get(`/api/v1/campaigns?period=${period}`)).body.items.map((i: { id: string }) => i.id);
    const [pastIds, upcomingIds] = [await ids("past"), await ids("upcoming")];
    expect(pastIds).toContain(past.body.id);
    expect(pastIds).not.toContain(future.body.id);
    expect(upcomingIds).toContain(future.body.id);
    expect(upcomingIds).not.toContain(past.body.id);
    const current = await ids("current");
    expect(current).not.toContain(past.body.id);
    expect(current).not.toContain(future.body.id);
    await server.services.db.delete(campaigns).where(inArray(campaigns.id, [past.body.id, future.body.id]));

    const off = await coordinator.client.post(`/api/v1/campaigns/${c.id}/deactivate`);
    expect(off.body.active).toBe(false);
    const active = await coordinator.client.get("/api/v1/campaigns?active=true");
    expect(active.body.items.map((i: { id: string }) => i.id)).toEqual([other.id]);
    // Usable by OPD B: run by an ancestor or assigned to it; its officer sees only what is assigned.
    const usable = await coordinator.client.get(`/api/v1/campaigns?organizationId=${tree.opdB.id}`);
    expect(usable.body.items.map((i: { id: string }) => i.id).sort()).toEqual([c.id, other.id].sort());
    const mine = await officerB.client.get(`/api/v1/campaigns?organizationId=${tree.opdB.id}`);
    expect(mine.body.items.map((i: { id: string }) => i.id)).toEqual([c.id]);
  });

  it("reports adoption per assigned agency and exports it as XLSX", async () => {
    const { tree, coordinator } = await setup();
    const c = (
      await coordinator.client.post("/api/v1/campaigns", {
        ...base,
        organizationId: tree.diskominfo.id,
        organizationIds: [tree.opdA.id, tree.opdB.id],
      })
    ).body;
    const s = server.services;
    // OPD A: one published by its unit (counts for the agency) with a channel post, one draft; OPD B: in review only.
    const published = await insertItem(s, tree.unitA.id, {
      status: "published",
      campaignId: c.id,
      title: "Wisata sehat",
      publishedAt: new Date(),
    });
    await insertPublication(s, published, tree.unitA.id, "https://t.me/humasdinkes/42");
    await insertItem(s, tree.opdA.id, { status: "draft", campaignId: c.id });
    await insertItem(s, tree.opdB.id, { status: "in_review", campaignId: c.id });
    await insertItem(s, tree.opdB.id, { status: "published", publishedAt: new Date() }); // not linked

    const report = await coordinator.client.get(`/api/v1/campaigns/${c.id}/report`);
    expect(report.status, report.text).toBe(200);
    expect(report.body.totals).toMatchObject({ assigned: 2, adopted: 1, adoptionPercent: 50, items: 3, published: 1 });
    const a = report.body.agencies.find((x: { organization: { id: string } }) => x.organization.id === tree.opdA.id);
    expect(a).toMatchObject({ adopted: true, total: 2, byStatus: { published: 1, draft: 1 } });
    expect(a.published[0]).toMatchObject({ id: published, title: "Wisata sehat" });
    expect(a.published[0].publicUrl).toMatch(new RegExp(`^${s.publicUrl}/[a-z0-9-]+/siaran-`));
    expect(a.published[0].publications).toEqual([
      expect.objectContaining({ platform: "telegram", channelName: "Kanal Humas", url: "https://t.me/humasdinkes/42" }),
    ]);
    const b = report.body.agencies.find((x: { organization: { id: string } }) => x.organization.id === tree.opdB.id);
    expect(b).toMatchObject({ adopted: false, total: 1, byStatus: { in_review: 1 }, published: [] });

    // An assigned OPD's officer reads the report too.
    const officer = await signedIn(server, tree.opdB, "officer");
    expect((await officer.client.get(`/api/v1/campaigns/${c.id}/report`)).status).toBe(200);

    const res = await fetch(`${s.publicUrl}/api/v1/campaigns/${c.id}/report.xlsx`, {
      headers: { cookie: coordinator.client.cookie ?? "" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    const buf = Buffer.from(await res.arrayBuffer());
    const { default: ExcelJS } = (await import("exceljs")) as unknown as { default: typeof import("exceljs") };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("Adopsi");
    expect(String(sheet?.getCell("A3").value)).toContain("1 dari 2 instansi (50%)");
    const names = [6, 7].map((r) => sheet?.getRow(r).getCell(1).value);
    expect(names).toEqual(expect.arrayContaining([tree.names.opdA, tree.names.opdB]));
    const itemsSheet = wb.getWorksheet("Konten terbit");
    expect(itemsSheet?.getRow(2).getCell(2).value).toBe("Wisata sehat");
    expect(String(itemsSheet?.getRow(2).getCell(6).value)).toContain("https://t.me/humasdinkes/42");
  });
});
