import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTree, signedIn } from "../../test/factories";
import { startTestServer, type TestServer } from "../../test/test-server";
import { insertItem } from "./test-fixtures";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

const at = (iso: string) => new Date(iso);
const ids = (body: { items: { id: string }[] }) => body.items.map((i) => i.id);

async function fixture() {
  const tree = await createTree(server.services);
  const s = server.services;
  const coordinator = await signedIn(server, tree.root, "coordinator");
  const campaign = (
    await coordinator.client.post("/api/v1/campaigns", {
      organizationId: tree.root.id,
      name: "Kampanye Kalender",
      startsOn: "2026-03-01",
      endsOn: "2026-03-31",
      organizationIds: [tree.opdA.id],
    })
  ).body;
  const scheduledA = await insertItem(s, tree.opdA.id, {
    status: "scheduled",
    title: "Rilis terjadwal; Dinkes, ke-1",
    publishAt: at("2026-03-10T02:00:00Z"),
    embargoUntil: at("2026-03-10T05:00:00Z"),
    campaignId: campaign.id,
  });
  const publishedB = await insertItem(s, tree.opdB.id, {
    status: "published",
    type: "berita",
    publishedAt: at("2026-03-12T01:00:00Z"),
    publicFrom: at("2026-03-12T03:00:00Z"),
  });
  const approvedUnit = await insertItem(s, tree.unitA.id, { status: "approved", publishAt: at("2026-03-20T08:00:00Z") });
  // Not on the calendar: a draft, an approved item without a time, and one outside the range.
  await insertItem(s, tree.opdA.id, { status: "draft", publishAt: at("2026-03-11T00:00:00Z") });
  await insertItem(s, tree.opdA.id, { status: "approved" });
  const later = await insertItem(s, tree.opdA.id, { status: "scheduled", publishAt: at("2026-05-02T00:00:00Z") });
  return { tree, coordinator, campaign, scheduledA, publishedB, approvedUnit, later };
}

describe("content calendar", () => {
  it("lists scheduled, approved-with-time and published items in the actor's scope, with filters", async () => {
    const f = await fixture();
    const all = await f.coordinator.client.get("/api/v1/calendar?from=2026-03-01&to=2026-03-31");
    expect(all.status, all.text).toBe(200);
    expect(ids(all.body)).toEqual([f.scheduledA, f.publishedB, f.approvedUnit]);
    const first = all.body.items[0];
    expect(first).toMatchObject({
      status: "scheduled",
      at: "2026-03-10T02:00:00.000Z",
      embargoUntil: "2026-03-10T05:00:00.000Z",
      organization: { id: f.tree.opdA.id, timeZone: "WITA" },
      campaign: { id: f.campaign.id, name: "Kampanye Kalender" },
    });
    // A published item sits at its public moment (after the embargo), not its publish time.
    expect(all.body.items[1]).toMatchObject({ status: "published", at: "2026-03-12T03:00:00.000Z", type: "berita" });

    const q = (query: string) => f.coordinator.client.get(`/api/v1/calendar?from=2026-03-01&to=2026-03-31&${query}`);
    expect(ids((await q(`organizationId=${f.tree.opdA.id}`)).body)).toEqual([f.scheduledA, f.approvedUnit]);
    expect(ids((await q("status=published")).body)).toEqual([f.publishedB]);
    expect(ids((await q("type=berita")).body)).toEqual([f.publishedB]);
    expect(ids((await q(`campaignId=${f.campaign.id}`)).body)).toEqual([f.scheduledA]);
    expect(ids((await f.coordinator.client.get("/api/v1/calendar?from=2026-04-15&to=2026-05-15")).body)).toEqual([f.later]);

    // An OPD's officer sees only its subtree; another province sees nothing.
    const officerB = await signedIn(server, f.tree.opdB, "officer");
    expect(ids((await officerB.client.get("/api/v1/calendar?from=2026-03-01&to=2026-03-31")).body)).toEqual([f.publishedB]);
    const other = await createTree(server.services);
    const outsider = await signedIn(server, other.root, "coordinator");
    expect((await outsider.client.get("/api/v1/calendar?from=2026-03-01&to=2026-03-31")).body.items).toEqual([]);
  });

  it("answers a precise 400 for a reversed, malformed or too long range", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.opdA, "officer");
    const reversed = await client.get("/api/v1/calendar?from=2026-03-10&to=2026-03-01");
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.fields).toEqual({ to: "Tanggal akhir tidak boleh sebelum tanggal awal." });
    const long = await client.get("/api/v1/calendar?from=2026-01-01&to=2026-04-04");
    expect(long.status).toBe(400);
    expect(long.body.error.fields.to).toContain("93");
    expect((await client.get("/api/v1/calendar?from=2026-01-01&to=2026-04-03")).status).toBe(200);
    expect((await client.get("/api/v1/calendar?from=2026-02-30&to=2026-03-03")).body.error.fields).toHaveProperty("from");
    const missing = await client.get("/api/v1/calendar?from=2026-01-01");
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields).toHaveProperty(["querystring.to"]);
    expect((await client.get("/api/v1/calendar.ics?from=2026-01-01&to=2026-12-31")).status).toBe(400);
  });

  it("exports the same entries as a valid iCalendar file", async () => {
    const f = await fixture();
    const res = await f.coordinator.client.get("/api/v1/calendar.ics?from=2026-03-01&to=2026-03-31");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/calendar/);
    expect(res.headers.get("content-disposition")).toContain("kalender-2026-03-01-2026-03-31.ics");
    const text = res.text;
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    const logical = text.replace(/\r\n[ \t]/g, "").split("\r\n");
    expect(logical.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(3);
    expect(logical.filter((l) => l.startsWith("UID:"))).toHaveLength(3);
    expect(logical).toContain(`UID:${f.scheduledA}@127.0.0.1`);
    expect(logical).toContain("DTSTART:20260310T020000Z");
    expect(logical).toContain("DTSTART:20260312T030000Z");
    expect(logical).toContain("SUMMARY:[Terjadwal] Rilis terjadwal\\; Dinkes\\, ke-1");
    const description = logical.find((l) => l.startsWith("DESCRIPTION:") && l.includes("Kampanye Kalender"));
    expect(description).toContain("\\nKampanye: Kampanye Kalender\\nEmbargo sampai 2026-03-10T05:00:00.000Z");
    expect(logical.filter((l) => l.startsWith("URL:http://127.0.0.1"))).toHaveLength(3);
    expect(logical.filter((l) => l.startsWith("DTSTAMP:"))).toHaveLength(3);
  });
});
