import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, channelAccounts } from "../../db/schema";
import { createTree, signedIn } from "../../test/factories";
import { startTestServer, type TestServer } from "../../test/test-server";
import { connections, type Fakes, seedImage, startFakes, TG_TOKEN } from "./test-fixtures";

let server: TestServer;
let fakes: Fakes;
beforeAll(async () => {
  fakes = await startFakes();
  server = await startTestServer({ env: fakes.env });
});
afterAll(async () => {
  await server?.close();
  await fakes?.close();
});

describe("channel accounts API", () => {
  it("connects an account; the secret never comes back, it is encrypted at rest", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.opdA, "editor");
    const created = await client.post("/api/v1/channels", {
      organizationId: tree.opdA.id,
      name: "Kanal Telegram Dinkes",
      tokenExpiresAt: null,
      connection: connections(fakes).telegram,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      platform: "telegram",
      name: "Kanal Telegram Dinkes",
      config: { chatId: "@humas_uji" },
      hasSecret: true,
      secretHint: "••••Dsaw",
      health: "active",
      organization: { id: tree.opdA.id },
      can: { read: true, manage: true },
    });
    const [row] = await server.services.db.select().from(channelAccounts).where(eq(channelAccounts.id, created.body.id));
    expect(row.secretEnc).toMatch(/^v1:/);
    expect(JSON.stringify(row)).not.toContain(TG_TOKEN.split(":")[1]);
    for (const res of [created, await client.get(`/api/v1/channels/${created.body.id}`), await client.get("/api/v1/channels")])
      expect(res.text).not.toContain(TG_TOKEN.split(":")[1]);
    const audit = await server.services.db.select().from(auditLog).where(eq(auditLog.entityId, created.body.id));
    expect(audit.map((a) => a.action)).toEqual(["channel_account.create"]);
    expect(JSON.stringify(audit)).not.toContain(TG_TOKEN.split(":")[1]);
  });

  it("validates each platform's settings precisely", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.opdA, "editor");
    const bad = await client.post("/api/v1/channels", {
      organizationId: tree.opdA.id,
      name: "Salah",
      connection: { platform: "telegram", botToken: "bukan-token", chatId: "humas tanpa at" },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(expect.arrayContaining(["connection.botToken", "connection.chatId"]));
    const webhook = await client.post("/api/v1/channels", {
      organizationId: tree.opdA.id,
      name: "Webhook",
      connection: { platform: "webhook", url: "ftp://portal", signingSecret: "pendek" },
    });
    expect(webhook.status).toBe(400);
  });

  it("answers 404 for another organization's account and forbids officers from managing", async () => {
    const tree = await createTree(server.services);
    const a = await signedIn(server, tree.opdA, "editor");
    const b = await signedIn(server, tree.opdB, "editor");
    const created = await a.client.post("/api/v1/channels", {
      organizationId: tree.opdA.id,
      name: "FB Dinkes",
      connection: connections(fakes).facebook,
    });
    const id = created.body.id;
    expect((await b.client.get(`/api/v1/channels/${id}`)).status).toBe(404);
    expect((await b.client.patch(`/api/v1/channels/${id}`, { name: "Curian" })).status).toBe(404);
    expect((await b.client.delete(`/api/v1/channels/${id}`)).status).toBe(404);
    expect((await b.client.post(`/api/v1/channels/${id}/check`)).status).toBe(404);
    expect((await b.client.get("/api/v1/channels")).body.items.map((i: { id: string }) => i.id)).not.toContain(id);
    expect(
      (await b.client.post("/api/v1/channels", { organizationId: tree.opdA.id, name: "Akun X", connection: connections(fakes).x })).status,
    ).toBe(404);
    const officer = await signedIn(server, tree.opdA, "officer");
    const seen = await officer.client.get(`/api/v1/channels/${id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.can).toEqual({ read: true, manage: false });
    expect((await officer.client.patch(`/api/v1/channels/${id}`, { name: "Ubah" })).status).toBe(403);
    // The province coordinator sees every agency's accounts.
    const coordinator = await signedIn(server, tree.root, "coordinator");
    expect((await coordinator.client.get(`/api/v1/channels?organizationId=${tree.opdA.id}`)).body.items).toHaveLength(1);
  });

  it("tests the connection now and stores the outcome in plain words", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.opdA, "editor");
    const created = await client.post("/api/v1/channels", {
      organizationId: tree.opdA.id,
      name: "TG",
      connection: connections(fakes).telegram,
    });
    const ok = await client.post(`/api/v1/channels/${created.body.id}/check`);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ health: "active", lastError: null });
    expect(ok.body.lastCheckedAt).not.toBeNull();
    fakes.telegram.fail({ status: 401, body: { ok: false, error_code: 401, description: "Unauthorized" } }, "getMe");
    const failed = await client.post(`/api/v1/channels/${created.body.id}/check`);
    expect(failed.body).toMatchObject({ health: "error", lastError: "Token kanal tidak berlaku; hubungkan ulang akun." });
    // Reconnecting with fresh credentials clears the error until the next check.
    const reconnected = await client.patch(`/api/v1/channels/${created.body.id}`, { connection: connections(fakes).telegram });
    expect(reconnected.body).toMatchObject({ health: "active", lastError: null, lastCheckedAt: null });
    const wrongPlatform = await client.patch(`/api/v1/channels/${created.body.id}`, { connection: connections(fakes).x });
    expect(wrongPlatform.status).toBe(400);
    expect(wrongPlatform.body.error.fields["connection.platform"]).toBe("Platform akun kanal tidak dapat diubah; hubungkan akun baru.");
    // A secret sealed under another key (SECRETS_KEY changed) is an account problem, not a 500.
    await server.services.db
      .update(channelAccounts)
      .set({ secretEnc: `v1:${Buffer.alloc(60, 1).toString("base64")}` })
      .where(eq(channelAccounts.id, created.body.id));
    const unreadable = await client.post(`/api/v1/channels/${created.body.id}/check`);
    expect(unreadable.status).toBe(200);
    expect(unreadable.body).toMatchObject({ health: "error", lastError: expect.stringContaining("hubungkan ulang akun") });
  });

  it("shows tokens close to expiry, and deactivates", async () => {
    const tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.opdA, "editor");
    const soon = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const created = await client.post("/api/v1/channels", {
      organizationId: tree.opdA.id,
      name: "IG",
      tokenExpiresAt: soon,
      connection: connections(fakes).instagram,
    });
    expect(created.body.health).toBe("expiring");
    const off = await client.delete(`/api/v1/channels/${created.body.id}`);
    expect(off.body).toMatchObject({ active: false, health: "inactive" });
    expect((await client.get("/api/v1/channels")).body.items).toHaveLength(0);
    expect((await client.get("/api/v1/channels?includeInactive=true")).body.items).toHaveLength(1);
  });
});

describe("preview for the scheduling dialog", () => {
  it("lists usable accounts and explains each platform's limits before scheduling", async () => {
    const tree = await createTree(server.services);
    const root = await signedIn(server, tree.root, "coordinator");
    const { client } = await signedIn(server, tree.unitA, "editor", "id");
    const ids: Record<string, string> = {};
    for (const p of ["x", "instagram", "youtube", "telegram"] as const) {
      const res = await root.client.post("/api/v1/channels", {
        organizationId: p === "telegram" ? tree.opdB.id : tree.opdA.id,
        name: `Akun ${p}`,
        connection: connections(fakes)[p],
      });
      ids[p] = res.body.id;
    }
    // The unit's editor does not see its parent's accounts (their grant is on the unit): the coordinator does.
    expect((await client.get(`/api/v1/channels?usableBy=${tree.unitA.id}`)).body.items).toHaveLength(0);
    const usable = await root.client.get(`/api/v1/channels?usableBy=${tree.unitA.id}`);
    expect(usable.body.items.map((i: { platform: string }) => i.platform).sort()).toEqual(["instagram", "x", "youtube"]);

    const image = await seedImage(server.services, tree.opdA, 1080, 1080);
    const res = await root.client.post("/api/v1/channels/preview", {
      organizationId: tree.unitA.id,
      channelAccountIds: [ids.x, ids.instagram, ids.youtube],
      title: "Vaksinasi",
      text: "a".repeat(281),
      link: "",
      mediaAssetIds: [],
      texts: { [ids.instagram]: "Foto kegiatan" },
    });
    expect(res.status).toBe(200);
    const byPlatform = Object.fromEntries(res.body.items.map((i: { platform: string }) => [i.platform, i]));
    expect(byPlatform.x).toMatchObject({
      ok: false,
      issues: [{ code: "channel_text_too_long", message: "Teks terlalu panjang untuk X: 281 dari 280 karakter." }],
    });
    expect(byPlatform.instagram.issues[0].message).toBe("Instagram membutuhkan 1–10 gambar.");
    expect(byPlatform.instagram.preview).toEqual({ text: "Foto kegiatan", mediaCount: 0 });
    expect(byPlatform.youtube.issues[0].message).toBe("YouTube membutuhkan satu video.");

    const fixed = await root.client.post("/api/v1/channels/preview", {
      organizationId: tree.unitA.id,
      channelAccountIds: [ids.instagram],
      text: "Foto kegiatan",
      mediaAssetIds: [image],
    });
    expect(fixed.body.items[0]).toMatchObject({ ok: true, issues: [], preview: { mediaCount: 1 } });
    // An account of a sibling agency cannot serve this unit's items.
    const sibling = await root.client.post("/api/v1/channels/preview", {
      organizationId: tree.unitA.id,
      channelAccountIds: [ids.telegram],
      text: "x",
    });
    expect(sibling.status).toBe(404);
    expect(sibling.body.error.fields.channelAccountIds).toBeDefined();
  });
});
