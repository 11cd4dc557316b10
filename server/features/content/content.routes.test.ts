import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentItems, emails, notifications, workLogEvidence, workLogs } from "../../db/schema";
import { createTree, createUser, signedIn, TEST_PASSWORD, type TestTree } from "../../test/factories";
import { TestClient } from "../../test/http-client";
import { startTestServer, type TestServer } from "../../test/test-server";
import { releaseDue } from "./commands/release";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

const complete = {
  dateline: "Denpasar",
  lead: "Pemerintah Provinsi Bali membuka Pesta Kesenian Bali ke-48.",
  quotes: [{ text: "Kami mengajak masyarakat hadir.", speaker: "I Made Suarsa", role: "Kepala Dinas" }],
  contactName: "Ni Luh Putu",
  contactPhone: "08123456789",
  boilerplate: "Dinas Kebudayaan Provinsi Bali membina kesenian daerah.",
};

async function login(user: { email: string }) {
  const client = new TestClient(server.baseUrl);
  await client.login(user.email, TEST_PASSWORD);
  return client;
}

/** An OPD with an officer (author) and an editor (approver), both signed in. */
async function desk(tree?: TestTree) {
  const t = tree ?? (await createTree(server.services));
  const officer = await signedIn(server, t.opdA, "officer");
  const editor = await signedIn(server, t.opdA, "editor");
  return { tree: t, officer, editor };
}

async function draft(client: TestClient, organizationId: string, extra: Record<string, unknown> = {}) {
  const res = await client.post("/api/v1/content", {
    organizationId,
    type: "siaran_pers",
    title: "Pesta Kesenian Bali ke-48 resmi dibuka",
    bodyHtml: "<p>Gubernur membuka PKB di Taman Budaya.</p>",
    ...extra,
  });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

describe("content workflow", () => {
  it("walks a press release from draft through return, revision, approval and an embargoed release", async () => {
    const { tree, officer, editor } = await desk();
    const item = await draft(officer.client, tree.opdA.id);
    expect(item.status).toBe("draft");
    expect(item.missing).toEqual(expect.arrayContaining(["dateline", "lead", "contactName", "boilerplate"]));

    const early = await officer.client.post(`/api/v1/content/${item.id}/submit`);
    expect(early.status).toBe(400);
    expect(early.body.error.code).toBe("content_incomplete");
    expect(Object.keys(early.body.error.fields)).toEqual(expect.arrayContaining(["dateline", "lead", "boilerplate"]));

    const saved = await officer.client.patch(`/api/v1/content/${item.id}`, { baseVersion: 1, fields: complete });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body.missing).toEqual([]);
    const submitted = await officer.client.post(`/api/v1/content/${item.id}/submit`);
    expect(submitted.status, submitted.text).toBe(200);
    expect(submitted.body.status).toBe("in_review");
    expect(submitted.body.review[0].approvers.map((a: { id: string }) => a.id)).toContain(editor.user.id);

    // The editor sees it waiting and got an in-app notification; the author cannot approve.
    const queue = await editor.client.get("/api/v1/content/queue");
    expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(item.id);
    const bell = await editor.client.get("/api/v1/notifications");
    expect(bell.body.unread).toBeGreaterThan(0);
    expect(bell.body.items[0].link).toBe(`/app/content/${item.id}`);
    expect((await officer.client.post(`/api/v1/content/${item.id}/approve`, {})).status).toBe(403);

    const returned = await editor.client.post(`/api/v1/content/${item.id}/return`, { note: "Lengkapi kutipan Gubernur." });
    expect(returned.body.status).toBe("returned");
    expect(returned.body.events[0]).toMatchObject({ action: "returned", note: "Lengkapi kutipan Gubernur." });
    expect((await editor.client.get("/api/v1/content/queue")).body.items.map((i: { id: string }) => i.id)).not.toContain(item.id);

    const revised = await officer.client.patch(`/api/v1/content/${item.id}`, {
      baseVersion: 2,
      bodyHtml: "<p>Gubernur membuka PKB di Taman Budaya Denpasar.</p>",
    });
    expect(revised.body.version).toBe(3);
    const diff = await officer.client.get(`/api/v1/content/${item.id}/diff?from=2&to=3`);
    expect(diff.body.fields).toEqual([
      { field: "bodyHtml", parts: expect.arrayContaining([{ op: "insert", text: expect.stringContaining("Denpasar") }]) },
    ]);
    expect((await officer.client.post(`/api/v1/content/${item.id}/submit`)).body.status).toBe("in_review");
    const approved = await editor.client.post(`/api/v1/content/${item.id}/approve`, { note: "Siap terbit." });
    expect(approved.body.status).toBe("approved");

    const embargo = new Date(Date.now() + 3_600_000);
    const scheduled = await editor.client.post(`/api/v1/content/${item.id}/schedule`, {
      publishAt: new Date().toISOString(),
      embargoUntil: embargo.toISOString(),
    });
    expect(scheduled.status, scheduled.text).toBe(200);
    expect(scheduled.body.status).toBe("published");
    expect(scheduled.body.embargoUntil).toBe(embargo.toISOString());

    // Before the embargo nothing is released; after it, exactly once.
    expect(await releaseDue(server.services, new Date())).not.toContain(item.id);
    expect(await releaseDue(server.services, new Date(embargo.getTime() + 1000))).toContain(item.id);
    expect(await releaseDue(server.services, new Date(embargo.getTime() + 5000))).not.toContain(item.id);
    const [row] = await server.services.db.select().from(contentItems).where(eq(contentItems.id, item.id));
    expect(row.publicFrom?.toISOString()).toBe(embargo.toISOString());
    expect(row.releasedAt).not.toBeNull();
  });

  it("creates a draft work-log entry with the publication as evidence for an officer author", async () => {
    const { tree, officer, editor } = await desk();
    const record = await editor.client.post("/api/v1/officers", {
      organizationId: tree.opdA.id,
      // NIP: birth date, TMT CPNS, sex digit (1), then a sequence number.
      nip: `199001012015011${String(Math.floor(Math.random() * 900) + 100)}`,
      name: "Pranata Penulis",
      userId: officer.user.id,
      jenjang: "ahli_pertama",
      golongan: "III/a",
      tmtJabatan: "2024-01-01",
      tmtPangkat: "2024-01-01",
    });
    expect(record.status, record.text).toBe(201);
    const item = await draft(officer.client, tree.opdA.id, { fields: complete });
    await officer.client.post(`/api/v1/content/${item.id}/submit`);
    await editor.client.post(`/api/v1/content/${item.id}/approve`, {});
    const published = await officer.client.post(`/api/v1/content/${item.id}/schedule`, { publishAt: new Date().toISOString() });
    expect(published.body.status).toBe("published");
    const logs = await server.services.db.select().from(workLogs).where(eq(workLogs.title, item.title));
    const mine = logs.filter((l) => l.organizationId === tree.opdA.id);
    expect(mine).toHaveLength(1);
    expect(mine[0].status).toBe("draft");
    const evidence = await server.services.db.select().from(workLogEvidence).where(eq(workLogEvidence.workLogId, mine[0].id));
    expect(evidence.map((e) => e.kind).sort()).toEqual(["link", "reference"]);
    expect(evidence.find((e) => e.kind === "reference")?.refId).toBe(item.id);
  });

  it("needs every named approver on an 'all of' step, then a leader for sensitive content", async () => {
    const { tree, officer } = await desk();
    const a = await createUser(server.services, [{ org: tree.opdA, role: "editor" }]);
    const b = await createUser(server.services, [{ org: tree.opdA, role: "officer" }]);
    const admin = await signedIn(server, tree.root, "admin");
    const chain = await admin.client.put(`/api/v1/organizations/${tree.opdA.id}/approval-chain`, {
      steps: [{ mode: "all", roles: [], userIds: [a.id, b.id] }],
    });
    expect(chain.status, chain.text).toBe(200);
    // Someone who cannot read the organization's content cannot be a named approver.
    const outsider = await createUser(server.services, [{ org: tree.opdB, role: "editor" }]);
    const refused = await admin.client.put(`/api/v1/organizations/${tree.opdA.id}/approval-chain`, {
      steps: [{ mode: "any", roles: [], userIds: [a.id, outsider.id] }],
    });
    expect(refused.status).toBe(400);
    expect(Object.keys(refused.body.error.fields)).toEqual(["steps.0.userIds.1"]);
    expect(chain.body.inherited).toBe(false);
    // The unit below inherits the chain.
    expect((await admin.client.get(`/api/v1/organizations/${tree.unitA.id}/approval-chain`)).body.inherited).toBe(true);

    const item = await draft(officer.client, tree.opdA.id, { fields: complete, sensitive: true });
    const noLeader = await officer.client.post(`/api/v1/content/${item.id}/submit`);
    expect(noLeader.status).toBe(409);
    expect(noLeader.body.error.code).toBe("no_leader_approver");

    const leader = await createUser(server.services, [{ org: tree.root, role: "leader" }]);
    expect((await officer.client.post(`/api/v1/content/${item.id}/submit`)).body.review).toHaveLength(2);
    const first = await (await login(a)).post(`/api/v1/content/${item.id}/approve`, {});
    expect(first.body.status).toBe("in_review");
    expect(first.body.review[0].done).toBe(false);
    const second = await (await login(b)).post(`/api/v1/content/${item.id}/approve`, {});
    expect(second.body.review[0].done).toBe(true);
    expect(second.body.review[1].current).toBe(true);
    const leaderClient = await login(leader);
    expect((await leaderClient.get("/api/v1/content/queue")).body.items.map((i: { id: string }) => i.id)).toContain(item.id);
    expect((await leaderClient.post(`/api/v1/content/${item.id}/approve`, {})).body.status).toBe("approved");
  });

  it("mirrors review requests by email only for approvers who keep email notifications on", async () => {
    const { tree, officer, editor } = await desk();
    const quiet = await createUser(server.services, [{ org: tree.opdA, role: "editor" }]);
    const off = await (await login(quiet)).patch("/api/v1/me", { emailNotifications: false });
    expect(off.status, off.text).toBe(200);
    expect(off.body.user.emailNotifications).toBe(false);
    const item = await draft(officer.client, tree.opdA.id, { fields: complete });
    expect((await officer.client.post(`/api/v1/content/${item.id}/submit`)).status).toBe(200);
    const mailTo = async (address: string) =>
      (await server.services.db.select({ subject: emails.subject }).from(emails).where(eq(emails.to, address))).filter((m) =>
        m.subject.includes(item.title),
      );
    expect(await mailTo(editor.user.email)).toHaveLength(1);
    expect(await mailTo(quiet.email)).toHaveLength(0);
    const bell = await server.services.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, quiet.id), eq(notifications.kind, "content_review")));
    expect(bell).toHaveLength(1);
  });

  it("refuses self-approval even for an editor who writes", async () => {
    const { tree, editor } = await desk();
    const item = await draft(editor.client, tree.opdA.id, { fields: complete });
    const other = await createUser(server.services, [{ org: tree.root, role: "editor" }]);
    expect((await editor.client.post(`/api/v1/content/${item.id}/submit`)).status).toBe(200);
    expect((await editor.client.post(`/api/v1/content/${item.id}/approve`, {})).status).toBe(403);
    expect((await (await login(other)).post(`/api/v1/content/${item.id}/approve`, {})).body.status).toBe("approved");
  });
});

describe("content input and scope", () => {
  it("sanitizes stored HTML", async () => {
    const { tree, officer } = await desk();
    const item = await draft(officer.client, tree.opdA.id, {
      bodyHtml:
        '<p onclick="x()">Halo <script>alert(1)</script><a href="javascript:alert(1)">a</a> <a href="https://bali.go.id">b</a></p><img src=x onerror=alert(1)>',
    });
    expect(item.bodyHtml).not.toMatch(/script|onclick|onerror|javascript:|<img/);
    expect(item.bodyHtml).toContain('<a href="https://bali.go.id" rel="noopener noreferrer nofollow">b</a>');
  });

  it("rejects an invalid subtitle file with the line, and a stale version with 409, writing nothing", async () => {
    const { tree, officer } = await desk();
    const item = await draft(officer.client, tree.opdA.id, { type: "video" });
    const bad = await officer.client.patch(`/api/v1/content/${item.id}`, {
      baseVersion: 1,
      fields: {
        subtitles: [{ language: "id", format: "srt", text: "1\n00:00:01,000 --> 00:00:02,000\nHalo\n\n2\n00:00:05 --> 00:00:06,000\nX\n" }],
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields["fields.subtitles.0.text"]).toMatch(/baris 6/);
    const good = await officer.client.patch(`/api/v1/content/${item.id}`, {
      baseVersion: 1,
      fields: { subtitles: [{ language: "id", format: "vtt", text: "WEBVTT\n\n00:01.000 --> 00:02.000\nHalo\n" }] },
    });
    expect(good.status, good.text).toBe(200);
    const stale = await officer.client.patch(`/api/v1/content/${item.id}`, { baseVersion: 1, title: "Judul lama menimpa" });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("version_conflict");
    expect((await officer.client.get(`/api/v1/content/${item.id}`)).body.title).toBe(item.title);
  });

  it("answers 404 for another organization's item and 403 for a viewer creating", async () => {
    const mine = await desk();
    const theirs = await desk();
    const item = await draft(theirs.officer.client, theirs.tree.opdA.id);
    expect((await mine.officer.client.get(`/api/v1/content/${item.id}`)).status).toBe(404);
    expect((await mine.editor.client.post(`/api/v1/content/${item.id}/approve`, {})).status).toBe(404);
    const viewer = await signedIn(server, mine.tree.opdA, "viewer");
    const denied = await viewer.client.post("/api/v1/content", { organizationId: mine.tree.opdA.id, type: "berita", title: "Tidak boleh" });
    expect(denied.status).toBe(403);
    const list = await mine.officer.client.get("/api/v1/content");
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(item.id);
  });

  it("notifies only mentioned people who can read the item", async () => {
    const { tree, officer, editor } = await desk();
    const outsider = await createUser(server.services, [{ org: tree.opdB, role: "editor" }]);
    const item = await draft(officer.client, tree.opdA.id);
    // The officer may look people up for a mention, but only those who can read the item.
    const offered = await officer.client.get(`/api/v1/content/${item.id}/mentionable`);
    expect(offered.status, offered.text).toBe(200);
    const offeredIds = offered.body.items.map((u: { id: string }) => u.id);
    expect(offeredIds).toContain(editor.user.id);
    expect(offeredIds).not.toContain(outsider.id);
    const res = await officer.client.post(`/api/v1/content/${item.id}/comments`, {
      body: "@editor mohon dicek",
      mentions: [editor.user.id, outsider.id],
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body.items[0].mentions.map((m: { id: string }) => m.id)).toEqual([editor.user.id]);
    const toOutsider = await server.services.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, outsider.id), eq(notifications.kind, "content_mention")));
    expect(toOutsider).toHaveLength(0);
  });
});
