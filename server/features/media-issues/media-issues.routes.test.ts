import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentItems, notifications } from "../../db/schema";
import { newId } from "../../lib/ids";
import { createTree, createUser, signedIn } from "../../test/factories";
import { TestClient } from "../../test/http-client";
import { startSmtpServer } from "../../test/smtp-fixture";
import { startTestServer, type TestServer } from "../../test/test-server";
import { announce, createCluster, createWatchlist, eventually, insertArticles } from "../monitoring/alerts/test-support";
import { escalateBreachedIssues } from "./escalate-issues.job";

let server: TestServer;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
  server = await startTestServer({ smtpUrl: smtp.url });
});
afterAll(async () => {
  await server?.close();
  await smtp?.close();
});

const HOUR = 3_600_000;

async function setup() {
  const tree = await createTree(server.services);
  const coordinator = await signedIn(server, tree.root, "coordinator");
  const officer = await createUser(server.services, [{ org: tree.opdA, role: "officer" }], { name: "Putu Humas Dinkes" });
  const officerClient = new TestClient(server.baseUrl);
  await officerClient.login(officer.email, officer.password as string);
  const outsider = await signedIn(server, tree.opdB, "editor");
  const watchlists = {
    root: await createWatchlist(server.services, tree.root.id, "Pemprov"),
    opdA: await createWatchlist(server.services, tree.root.id, "Dinas Kesehatan"),
  };
  const clusterId = await createCluster(server.services, tree.root.id, "Pasien BPJS ditolak RSUD");
  // The story names the health office more often than the province.
  const articles = await insertArticles(server.services, [
    {
      ownerId: tree.root.id,
      title: "Pasien BPJS ditolak RSUD, Dinas Kesehatan disorot",
      clusterId,
      mentions: [
        { organizationId: tree.opdA.id, watchlistId: watchlists.opdA, tone: "negative" },
        { organizationId: tree.root.id, watchlistId: watchlists.root, tone: "neutral" },
      ],
    },
    {
      ownerId: tree.root.id,
      title: "DPRD panggil Dinas Kesehatan soal pasien ditolak",
      clusterId,
      mentions: [{ organizationId: tree.opdA.id, watchlistId: watchlists.opdA, tone: "negative" }],
    },
  ]);
  const clarificationId = newId();
  await server.services.db.insert(contentItems).values({
    id: clarificationId,
    organizationId: tree.opdA.id,
    type: "klarifikasi",
    title: "Klarifikasi Dinas Kesehatan soal pasien BPJS",
    slug: `klarifikasi-${clarificationId}`,
  });
  return { tree, coordinator, officer, officerClient, outsider, clusterId, articles, clarificationId };
}

describe("issues (isu)", () => {
  it("suggests the most-mentioned organization and opens an issue from a cluster with the seeded SLA", async () => {
    const s = await setup();
    const suggestion = await s.coordinator.client.get(`/api/v1/media-issues/suggest?clusterId=${s.clusterId}`);
    expect(suggestion.status).toBe(200);
    expect(suggestion.body).toMatchObject({
      title: "Pasien BPJS ditolak RSUD",
      suggestedOrganizationId: s.tree.opdA.id,
      mentionCounts: [
        { organizationId: s.tree.opdA.id, mentions: 2 },
        { organizationId: s.tree.root.id, mentions: 1 },
      ],
    });
    expect(suggestion.body.articleIds.sort()).toEqual(s.articles.map((a) => a.id).sort());

    const created = await s.coordinator.client.post("/api/v1/media-issues", {
      title: suggestion.body.title,
      severity: "tinggi",
      assigneeId: s.officer.id,
      source: { kind: "cluster", clusterId: s.clusterId },
    });
    expect(created.status, created.text).toBe(201);
    const issue = created.body;
    expect(issue).toMatchObject({
      organizationId: s.tree.opdA.id,
      status: "baru",
      slaHours: 6,
      severity: "tinggi",
      assignee: { id: s.officer.id },
    });
    expect(Date.parse(issue.dueAt) - Date.parse(issue.createdAt)).toBe(6 * HOUR);
    expect(issue.timeline.map((t: { kind: string }) => t.kind)).toEqual(["created"]);
    const assignedNote = await server.services.db.select().from(notifications).where(eq(notifications.userId, s.officer.id));
    expect(assignedNote[0]).toMatchObject({ kind: "issue_assigned", link: `/app/monitoring/issues/${issue.id}` });

    // The OPD sees and manages its own issue; another agency gets 404.
    expect((await s.officerClient.get(`/api/v1/media-issues/${issue.id}`)).status).toBe(200);
    expect((await s.outsider.client.get(`/api/v1/media-issues/${issue.id}`)).status).toBe(404);
    expect((await s.outsider.client.patch(`/api/v1/media-issues/${issue.id}`, { version: 1, status: "ditangani" })).status).toBe(404);
    const board = await s.outsider.client.get("/api/v1/media-issues");
    expect(board.body.items.some((i: { id: string }) => i.id === issue.id)).toBe(false);
  });

  it("escalates a breached issue to the parent's coordinator exactly once, then the OPD links a clarification and closes it", async () => {
    const s = await setup();
    const created = await s.coordinator.client.post("/api/v1/media-issues", {
      title: "Pasien BPJS ditolak",
      severity: "krisis",
      organizationId: s.tree.opdA.id,
      assigneeId: s.officer.id,
      source: { kind: "article", articleId: s.articles[0].id },
    });
    expect(created.status, created.text).toBe(201);
    const id = created.body.id;
    const dueAt = Date.parse(created.body.dueAt);

    // The clock before the deadline: nothing happens.
    expect(await escalateBreachedIssues(server.services, new Date(dueAt - 60_000))).not.toContain(id);
    // Past the deadline, twice: one escalation.
    expect(await escalateBreachedIssues(server.services, new Date(dueAt + 60_000))).toContain(id);
    expect(await escalateBreachedIssues(server.services, new Date(dueAt + 10 * 60_000))).not.toContain(id);
    const notes = await server.services.db.select().from(notifications).where(eq(notifications.userId, s.coordinator.user.id));
    const escalations = notes.filter((n) => n.kind === "issue_escalated");
    expect(escalations).toHaveLength(1);
    expect(escalations[0].title).toBe("Isu melewati SLA: Pasien BPJS ditolak");
    const mail = await smtp.waitFor(s.coordinator.user.email);
    expect(mail.subject).toContain("Isu melewati SLA");
    // Nobody else is told: not the officer, not the other agency.
    const officerNotes = await server.services.db.select().from(notifications).where(eq(notifications.userId, s.officer.id));
    expect(officerNotes.some((n) => n.kind === "issue_escalated")).toBe(false);

    let detail = (await s.officerClient.get(`/api/v1/media-issues/${id}`)).body;
    expect(detail.escalatedAt).not.toBeNull();
    // (`breached` follows the real clock, which the test did not move.)
    expect(detail.timeline.map((t: { kind: string }) => t.kind)).toEqual(["created", "escalated"]);

    // The OPD works the issue.
    let res = await s.officerClient.patch(`/api/v1/media-issues/${id}`, {
      version: detail.version,
      status: "ditangani",
      note: "Tim menghubungi RSUD",
    });
    expect(res.status, res.text).toBe(200);
    res = await s.officerClient.post(`/api/v1/media-issues/${id}/notes`, { text: "Keluarga pasien sudah ditemui" });
    expect(res.status).toBe(200);
    const options = await s.officerClient.get(`/api/v1/media-issues/${id}/options`);
    expect(options.body.content.map((c: { id: string }) => c.id)).toContain(s.clarificationId);
    res = await s.officerClient.post(`/api/v1/media-issues/${id}/content`, { contentItemId: s.clarificationId, role: "klarifikasi" });
    expect(res.status, res.text).toBe(200);
    expect(res.body.content).toEqual([
      {
        contentItemId: s.clarificationId,
        title: "Klarifikasi Dinas Kesehatan soal pasien BPJS",
        type: "klarifikasi",
        status: "draft",
        role: "klarifikasi",
      },
    ]);
    // A stale version is refused; a jump the flow does not allow too.
    expect((await s.officerClient.patch(`/api/v1/media-issues/${id}`, { version: 1, status: "selesai" })).status).toBe(409);
    detail = res.body;
    res = await s.officerClient.patch(`/api/v1/media-issues/${id}`, { version: detail.version, status: "klarifikasi_disiapkan" });
    expect(res.status).toBe(200);
    res = await s.officerClient.patch(`/api/v1/media-issues/${id}`, {
      version: res.body.version,
      status: "selesai",
      note: "Klarifikasi terbit",
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "selesai", breached: false });
    expect(res.body.closedAt).not.toBeNull();
    expect(res.body.timeline.map((t: { kind: string }) => t.kind)).toEqual([
      "created",
      "escalated",
      "status",
      "note",
      "content_linked",
      "status",
      "status",
    ]);
    expect(res.body.timeline[2]).toMatchObject({
      note: "Tim menghubungi RSUD",
      data: { from: "baru", to: "ditangani" },
      actorName: "Putu Humas Dinkes",
    });
    const reopen = await s.officerClient.patch(`/api/v1/media-issues/${id}`, { version: res.body.version, status: "dipantau" });
    expect(reopen.status).toBe(409);
    expect(reopen.body.error.fields.status).toContain("selesai");

    // A closed issue is not escalated any more; the board filters.
    expect(await escalateBreachedIssues(server.services, new Date(dueAt + 48 * HOUR))).not.toContain(id);
    const open = await s.coordinator.client.get(`/api/v1/media-issues?open=true&organizationId=${s.tree.root.id}`);
    expect(open.body.items.some((i: { id: string }) => i.id === id)).toBe(false);
    const closed = await s.coordinator.client.get(`/api/v1/media-issues?status=selesai&q=BPJS`);
    expect(closed.body.items.map((i: { id: string }) => i.id)).toContain(id);
  });

  it("refuses an assignee from another agency and content of another agency", async () => {
    const s = await setup();
    const stranger = await createUser(server.services, [{ org: s.tree.opdB, role: "officer" }]);
    const bad = await s.coordinator.client.post("/api/v1/media-issues", {
      title: "Isu uji",
      severity: "sedang",
      organizationId: s.tree.opdA.id,
      assigneeId: stranger.id,
      source: { kind: "manual" },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.assigneeId).toBeTruthy();
    // An issue "from an article" needs the article.
    const sourceless = await s.coordinator.client.post("/api/v1/media-issues", {
      title: "Isu uji",
      severity: "sedang",
      organizationId: s.tree.opdA.id,
      source: { kind: "article" },
    });
    expect(sourceless.status).toBe(400);
    expect(sourceless.body.error.fields["source.articleId"]).toContain("sumber isu");
    const ok = await s.officerClient.post("/api/v1/media-issues", {
      title: "Isu uji",
      severity: "sedang",
      organizationId: s.tree.opdA.id,
      source: { kind: "manual" },
    });
    expect(ok.status, ok.text).toBe(201);
    expect(ok.body.slaHours).toBe(24);
    const foreignId = newId();
    await server.services.db
      .insert(contentItems)
      .values({ id: foreignId, organizationId: s.tree.opdB.id, type: "klarifikasi", title: "Lain", slug: `x-${foreignId}` });
    const link = await s.coordinator.client.post(`/api/v1/media-issues/${ok.body.id}/content`, {
      contentItemId: foreignId,
      role: "klarifikasi",
    });
    expect(link.status).toBe(400);
    // An OPD officer cannot open an issue for another agency.
    const other = await s.officerClient.post("/api/v1/media-issues", {
      title: "Isu lain",
      severity: "sedang",
      organizationId: s.tree.opdB.id,
      source: { kind: "manual" },
    });
    expect(other.status).toBe(404);
  });

  it("keeps SLA hours as data a coordinator adjusts for the subtree", async () => {
    const s = await setup();
    const sla = await s.coordinator.client.get(`/api/v1/media-issues/sla/${s.tree.opdA.id}`);
    expect(sla.body).toMatchObject({ sourceOrganizationId: s.tree.root.id, hours: { krisis: 2, tinggi: 6, sedang: 24, rendah: 72 } });
    expect(
      (await s.officerClient.put(`/api/v1/media-issues/sla/${s.tree.opdA.id}`, { hours: { krisis: 1, tinggi: 4, sedang: 12, rendah: 48 } }))
        .status,
    ).toBe(403);
    const put = await s.coordinator.client.put(`/api/v1/media-issues/sla/${s.tree.opdA.id}`, {
      hours: { krisis: 1, tinggi: 4, sedang: 12, rendah: 48 },
    });
    expect(put.body).toMatchObject({ sourceOrganizationId: s.tree.opdA.id, hours: { krisis: 1 } });
    const issue = await s.officerClient.post("/api/v1/media-issues", {
      title: "Isu cepat",
      severity: "krisis",
      organizationId: s.tree.unitA.id,
      source: { kind: "manual" },
    });
    expect(issue.body.slaHours).toBe(1);
  });

  it("opens an issue from an alert", async () => {
    const s = await setup();
    const rule = await s.coordinator.client.post("/api/v1/alert-rules", {
      organizationId: s.tree.root.id,
      name: "Negatif",
      kind: "negative_mention",
      channels: { inApp: true, email: false, telegram: null, webhook: null },
    });
    expect(rule.status).toBe(201);
    await announce(server.services, s.tree.root.id, s.articles.slice(0, 1));
    const alert = await eventually(async () => (await s.coordinator.client.get(`/api/v1/alerts?ruleId=${rule.body.id}`)).body.items[0]);
    const suggestion = await s.coordinator.client.get(`/api/v1/media-issues/suggest?alertId=${alert.id}`);
    expect(suggestion.body.suggestedOrganizationId).toBe(s.tree.opdA.id);
    const created = await s.coordinator.client.post("/api/v1/media-issues", {
      title: alert.title,
      severity: "sedang",
      source: { kind: "alert", alertId: alert.id },
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ organizationId: s.tree.opdA.id, sourceAlertId: alert.id, sourceClusterId: s.clusterId });
  });
});
