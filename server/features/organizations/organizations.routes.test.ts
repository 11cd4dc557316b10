import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTree, signedIn, type TestTree } from "../../test/factories";
import { startTestServer, type TestServer } from "../../test/test-server";

let server: TestServer;
let tree: TestTree;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

describe("organization tree", () => {
  it("lists the admin's subtree in tree order with abilities", async () => {
    tree = await createTree(server.services);
    const { client } = await signedIn(server, tree.root, "admin");
    const res = await client.get("/api/v1/organizations");
    expect(res.status).toBe(200);
    const names = res.body.items.map((o: { name: string }) => o.name);
    expect(names[0]).toBe(tree.names.root);
    expect(names).toHaveLength(5);
    // Dinas Kesehatan comes before its unit, which comes before Dinas Pariwisata (name order).
    expect(names.indexOf(tree.names.unitA)).toBe(names.indexOf(tree.names.opdA) + 1);
    const root = res.body.items[0];
    expect(root.depth).toBe(0);
    expect(root.regionName).toBe("Bali");
    expect(root.timeZone).toBe("WITA");
    expect(root.can).toMatchObject({ update: true, createChild: true, move: false, deactivate: false });
    expect(res.body.can.create).toBe(true);
  });

  it("search keeps ancestors of matches", async () => {
    const t = await createTree(server.services);
    const { client } = await signedIn(server, t.root, "admin");
    const res = await client.get(`/api/v1/organizations?q=${encodeURIComponent("subbagian humas")}`);
    expect(res.body.items.map((o: { name: string }) => o.name)).toEqual([t.names.root, t.names.opdA, t.names.unitA]);
  });

  it("creates an OPD with a derived time zone and audits it", async () => {
    const t = await createTree(server.services);
    const { client } = await signedIn(server, t.root, "admin");
    const res = await client.post("/api/v1/organizations", {
      name: "Dinas Perhubungan Uji",
      shortName: "Dishub Uji",
      kind: "opd",
      parentId: t.root.id,
      email: "dishub@uji.go.id",
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ parentId: t.root.id, timeZone: "WITA", timeZoneOverridden: false, slug: "dishub-uji", depth: 1 });
    const audit = await client.get(`/api/v1/audit?organizationId=${res.body.id}`);
    expect(audit.body.items[0]).toMatchObject({ action: "organization.create", entityId: res.body.id });
    expect(audit.body.items[0].after.name).toBe("Dinas Perhubungan Uji");
  });

  it("requires a kode wilayah from the list for a kabupaten and checks its kind", async () => {
    const t = await createTree(server.services);
    const { client } = await signedIn(server, t.root, "admin");
    const missing = await client.post("/api/v1/organizations", {
      name: "Pemerintah Kabupaten Badung",
      shortName: "Badung",
      kind: "kabupaten",
      parentId: t.root.id,
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields.regionCode).toMatch(/wajib/i);
    const kota = await client.post("/api/v1/organizations", {
      name: "Pemerintah Kabupaten Badung",
      shortName: "Badung",
      kind: "kabupaten",
      parentId: t.root.id,
      regionCode: "51.71",
    });
    expect(kota.status).toBe(400);
    expect(kota.body.error.fields.regionCode).toBeDefined();
    const ok = await client.post("/api/v1/organizations", {
      name: "Pemerintah Kabupaten Badung",
      shortName: "Badung",
      kind: "kabupaten",
      parentId: t.root.id,
      regionCode: "51.03",
      timeZone: "WIB",
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ regionName: "Kabupaten Badung", timeZone: "WIB", timeZoneOverridden: true });
  });

  it("moves a subtree and refuses a move into its own descendant", async () => {
    const t = await createTree(server.services);
    const { client } = await signedIn(server, t.root, "admin");
    const bad = await client.post(`/api/v1/organizations/${t.opdA.id}/move`, { parentId: t.unitA.id });
    expect(bad.status).toBe(400);
    const moved = await client.post(`/api/v1/organizations/${t.opdA.id}/move`, { parentId: t.opdB.id });
    expect(moved.status).toBe(200);
    expect(moved.body.parentId).toBe(t.opdB.id);
    const unit = await client.get(`/api/v1/organizations/${t.unitA.id}`);
    expect(unit.body.depth).toBe(3);
    const list = await client.get("/api/v1/organizations");
    const names = list.body.items.map((o: { name: string }) => o.name);
    expect(names).toEqual([t.names.root, t.names.opdB, t.names.opdA, t.names.unitA, t.names.diskominfo]);
    expect(list.body.items.find((o: { id: string }) => o.id === t.unitA.id).depth).toBe(3);
  });

  it("deactivates a subtree, hides it by default, and reactivates", async () => {
    const t = await createTree(server.services);
    const { client } = await signedIn(server, t.root, "admin");
    const off = await client.post(`/api/v1/organizations/${t.opdA.id}/deactivate`);
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    const visible = await client.get("/api/v1/organizations");
    expect(visible.body.items.some((o: { id: string }) => o.id === t.unitA.id)).toBe(false);
    const all = await client.get("/api/v1/organizations?includeInactive=true");
    expect(all.body.items.find((o: { id: string }) => o.id === t.unitA.id).active).toBe(false);
    const on = await client.post(`/api/v1/organizations/${t.opdA.id}/reactivate`);
    expect(on.body.active).toBe(true);
  });

  it("answers 404 for another tree's organization and 403 for a non-admin edit", async () => {
    const mine = await createTree(server.services);
    const other = await createTree(server.services);
    const { client } = await signedIn(server, mine.root, "admin");
    expect((await client.get(`/api/v1/organizations/${other.opdA.id}`)).status).toBe(404);
    expect((await client.patch(`/api/v1/organizations/${other.opdA.id}`, { name: "Diretas" })).status).toBe(404);
    const editor = await signedIn(server, mine.opdA, "editor");
    expect((await editor.client.get(`/api/v1/organizations/${mine.opdB.id}`)).status).toBe(404);
    const edit = await editor.client.patch(`/api/v1/organizations/${mine.opdA.id}`, { name: "Diubah Editor" });
    expect(edit.status).toBe(403);
    expect(edit.body.error.message).toMatch(/izin/);
  });

  it("accepts a PNG logo by content, re-encodes it, and rejects a fake image", async () => {
    const t = await createTree(server.services);
    const { client } = await signedIn(server, t.root, "admin");
    const sharp = (await import("sharp")).default;
    const png = await sharp({ create: { width: 900, height: 300, channels: 3, background: "#1c7ed6" } })
      .jpeg()
      .toBuffer();
    const form = new FormData();
    form.append("file", new Blob([png], { type: "image/png" }), "logo.png");
    const up = await client.request("PUT", `/api/v1/organizations/${t.root.id}/logo`, form);
    expect(up.status).toBe(204);
    const logo = await fetch(`${server.baseUrl}/api/v1/organizations/${t.root.id}/logo`, { headers: { cookie: client.cookie as string } });
    const bytes = Buffer.from(await logo.arrayBuffer());
    const meta = await sharp(bytes).metadata();
    expect(meta.format).toBe("png");
    expect(meta.width).toBe(512);
    const fake = new FormData();
    fake.append("file", new Blob([Buffer.from("<svg onload=alert(1)>")], { type: "image/png" }), "logo.png");
    const bad = await client.request("PUT", `/api/v1/organizations/${t.root.id}/logo`, fake);
    expect(bad.status).toBe(415);
    expect(bad.body.error.code).toBe("file_type");
  });

  it("serves the tree from cache with ETag and gzip, and shows a write at once", async () => {
    const t = await createTree(server.services);
    const { client } = await signedIn(server, t.root, "admin");
    const first = await fetch(`${server.baseUrl}/api/v1/organizations`, {
      headers: { cookie: client.cookie as string, "accept-encoding": "gzip" },
    });
    expect(first.headers.get("content-encoding")).toBe("gzip");
    const etag = first.headers.get("etag") as string;
    expect(etag).toMatch(/^W\/"/);
    expect((await first.json()).items).toHaveLength(5);
    const again = await fetch(`${server.baseUrl}/api/v1/organizations`, {
      headers: { cookie: client.cookie as string, "if-none-match": etag },
    });
    expect(again.status).toBe(304);
    await client.patch(`/api/v1/organizations/${t.opdA.id}`, { name: "Dinas Kesehatan Baru" });
    const changed = await fetch(`${server.baseUrl}/api/v1/organizations`, {
      headers: { cookie: client.cookie as string, "if-none-match": etag },
    });
    expect(changed.status).toBe(200);
    expect((await changed.json()).items.map((o: { name: string }) => o.name)).toContain("Dinas Kesehatan Baru");
  });

  it("unknown query parameters do not create new cache entries", async () => {
    const t = await createTree(server.services);
    const { client } = await signedIn(server, t.root, "admin");
    await client.get("/api/v1/organizations");
    const before = server.services.responseCache.stats.misses;
    for (let i = 0; i < 5; i++) expect((await client.get(`/api/v1/organizations?junk=${i}`)).status).toBe(200);
    expect(server.services.responseCache.stats.misses).toBe(before);
  });
});
