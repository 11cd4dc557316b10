import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../db/schema";
import { createTree, signedIn } from "../../test/factories";
import { startTestServer, type TestServer } from "../../test/test-server";
import { insertItem } from "./test-fixtures";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

describe("amplification requests", () => {
  it("flows from request to the recipients' inbox to shared, with adoption 1 of 2", async () => {
    const tree = await createTree(server.services);
    // Diskominfo's desk (a coordinator over the province) asks two OPDs to share its release.
    const requester = await signedIn(server, tree.root, "coordinator");
    const officerA = await signedIn(server, tree.opdA, "officer");
    const editorB = await signedIn(server, tree.opdB, "editor");
    const item = await insertItem(server.services, tree.diskominfo.id, {
      status: "published",
      title: "Vaksinasi gratis",
      publishedAt: new Date(),
    });
    const url = `/api/v1/content/${item}/amplifications`;

    const asked = await requester.client.post(url, { organizationIds: [tree.opdA.id, tree.opdB.id], message: "Mohon dibagikan hari ini." });
    expect(asked.status, asked.text).toBe(200);
    expect(asked.body).toMatchObject({ requested: 2, shared: 0, adoptionPercent: 0, can: { request: true, read: true } });
    expect(asked.body.items.map((i: { status: string }) => i.status)).toEqual(["pending", "pending"]);
    // Asking again (plus a duplicate id) is idempotent: still one request per agency.
    const again = await requester.client.post(url, { organizationIds: [tree.opdA.id, tree.opdA.id], message: "Lagi" });
    expect(again.status).toBe(200);
    expect(again.body.requested).toBe(2);
    expect(again.body.items.find((i: { organization: { id: string } }) => i.organization.id === tree.opdA.id).message).toBe(
      "Mohon dibagikan hari ini.",
    );

    // Recipients were notified and see the request in their inbox (only their own agency's).
    const bellA = await officerA.client.get("/api/v1/notifications");
    expect(bellA.body.items.filter((n: { link: string }) => n.link === "/app/amplifications")).toHaveLength(1);
    const inboxA = await officerA.client.get("/api/v1/amplifications?status=pending");
    expect(inboxA.status, inboxA.text).toBe(200);
    expect(inboxA.body.total).toBe(1);
    const request = inboxA.body.items[0];
    expect(request).toMatchObject({
      organization: { id: tree.opdA.id },
      requester: { id: tree.diskominfo.id },
      content: { id: item, title: "Vaksinasi gratis" },
      message: "Mohon dibagikan hari ini.",
      can: { share: true },
    });
    expect(request.content.publicUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[a-z0-9-]+\/siaran-/);

    // OPD B cannot mark OPD A's request (404: not addressed to it); bad links answer 400.
    expect((await editorB.client.post(`/api/v1/amplifications/${request.id}/shared`, { url: "https://x.com/dispar/1" })).status).toBe(404);
    const bad = await officerA.client.post(`/api/v1/amplifications/${request.id}/shared`, { url: "javascript:alert(1)" });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields)).toEqual(["url"]);
    const viewerA = await signedIn(server, tree.opdA, "viewer");
    expect((await viewerA.client.post(`/api/v1/amplifications/${request.id}/shared`, { url: "https://x.com/a/1" })).status).toBe(403);

    const shared = await officerA.client.post(`/api/v1/amplifications/${request.id}/shared`, {
      url: "https://www.instagram.com/p/dinkes42/",
    });
    expect(shared.status, shared.text).toBe(200);
    expect(shared.body).toMatchObject({ status: "shared", sharedUrl: "https://www.instagram.com/p/dinkes42/" });
    expect(shared.body.sharedAt).toBeTruthy();
    expect((await officerA.client.get("/api/v1/amplifications?status=pending")).body.total).toBe(0);
    expect((await officerA.client.get("/api/v1/amplifications?status=shared")).body.total).toBe(1);

    const view = await requester.client.get(url);
    expect(view.body).toMatchObject({ requested: 2, shared: 1, adoptionPercent: 50 });
    expect(view.body.items.find((i: { organization: { id: string } }) => i.organization.id === tree.opdA.id)).toMatchObject({
      status: "shared",
      sharedUrl: "https://www.instagram.com/p/dinkes42/",
    });
    // The requester heard back.
    const bell = await requester.client.get("/api/v1/notifications");
    expect(bell.body.items[0].link).toBe(`/app/content/${item}`);
    const audit = await server.services.db.select().from(auditLog).where(eq(auditLog.entityId, request.id));
    expect(audit.map((a) => a.action)).toEqual(["amplification.shared"]);
  });

  it("refuses unpublished items, readers, the owner itself and agencies out of scope", async () => {
    const tree = await createTree(server.services);
    const coordinator = await signedIn(server, tree.root, "coordinator");
    const draft = await insertItem(server.services, tree.opdA.id, { status: "approved" });
    const notYet = await coordinator.client.post(`/api/v1/content/${draft}/amplifications`, { organizationIds: [tree.opdB.id] });
    expect(notYet.status).toBe(409);
    expect(notYet.body.error.code).toBe("content_not_published");

    const item = await insertItem(server.services, tree.opdA.id, { status: "published", publishedAt: new Date() });
    const url = `/api/v1/content/${item}/amplifications`;
    const viewer = await signedIn(server, tree.opdA, "viewer");
    expect((await viewer.client.post(url, { organizationIds: [tree.unitA.id] })).status).toBe(403);
    expect((await viewer.client.get(url)).status).toBe(200);

    const self = await coordinator.client.post(url, { organizationIds: [tree.opdB.id, tree.opdA.id] });
    expect(self.status).toBe(400);
    expect(Object.keys(self.body.error.fields)).toEqual(["organizationIds.1"]);

    // An OPD officer reaches only its own subtree: OPD B is out of its scope.
    const officer = await signedIn(server, tree.opdA, "officer");
    const out = await officer.client.post(url, { organizationIds: [tree.opdB.id] });
    expect(out.status).toBe(404);
    expect(Object.keys(out.body.error.fields)).toEqual(["organizationIds.0"]);
    expect((await officer.client.post(url, { organizationIds: [tree.unitA.id] })).status).toBe(200);

    const other = await createTree(server.services);
    const outsider = await signedIn(server, other.root, "coordinator");
    expect((await outsider.client.get(url)).status).toBe(404);
    expect((await outsider.client.post(url, { organizationIds: [other.opdA.id] })).status).toBe(404);
    expect((await coordinator.client.get(url)).body.requested).toBe(1);
  });
});
