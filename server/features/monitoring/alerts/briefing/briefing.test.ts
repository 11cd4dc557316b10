import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentItems, releasePickups } from "../../../../db/schema";
import { newId } from "../../../../lib/ids";
import { createTree, createUser, signedIn } from "../../../../test/factories";
import { startSmtpServer } from "../../../../test/smtp-fixture";
import { startTestServer, type TestServer } from "../../../../test/test-server";
import { createCluster, createWatchlist, insertArticles } from "../test-support";
import { sendDueBriefings } from "./send-briefing";

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

function pdfText(pdf: Buffer): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "briefing-")), "b.pdf");
  writeFileSync(file, pdf);
  return execFileSync("pdftotext", ["-raw", file, "-"], { encoding: "utf8" }).replace(/[ \n]+/g, " ");
}

/** 07:00 WITA (UTC+8) on a given UTC day is 23:00 UTC the day before. */
const wita = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);

describe("daily briefing", () => {
  it("renders top stories, tone and open issues, and is sent once per local day at the set time", async () => {
    const tree = await createTree(server.services);
    const coordinator = await signedIn(server, tree.root, "coordinator");
    const leader = await createUser(server.services, [{ org: tree.root, role: "leader" }], { name: "Kepala Dinas Uji" });
    const watchlistId = await createWatchlist(server.services, tree.root.id, "Pemprov");
    const clusterId = await createCluster(server.services, tree.root.id, "Banjir rob di pesisir Denpasar");
    const now = new Date();
    const arts = await insertArticles(server.services, [
      ...[0, 1, 2].map((i) => ({
        ownerId: tree.root.id,
        title: `Banjir rob rendam pesisir ${i}`,
        clusterId,
        publishedAt: new Date(now.getTime() - (i + 1) * 3_600_000),
        mentions: [{ organizationId: tree.opdA.id, watchlistId, tone: "negative" as const }],
      })),
      {
        ownerId: tree.root.id,
        title: "Festival layang-layang meriah",
        publishedAt: new Date(now.getTime() - 2 * 3_600_000),
        mentions: [{ organizationId: tree.root.id, watchlistId, tone: "positive" as const }],
      },
    ]);
    // One of our press releases, run by an outlet (a release pickup found by monitoring).
    const releaseId = newId();
    await server.services.db.insert(contentItems).values({
      id: releaseId,
      organizationId: tree.opdA.id,
      type: "siaran_pers",
      title: "Rilis penanganan banjir rob",
      slug: `rilis-${releaseId}`,
      status: "published",
    } as typeof contentItems.$inferInsert);
    await server.services.db.insert(releasePickups).values({
      id: newId(),
      contentId: releaseId,
      articleId: arts[0].id,
      organizationId: tree.opdA.id,
      outletName: "Kabar Uji",
      articleUrl: arts[0].url,
      articleTitle: arts[0].title,
      publishedAt: arts[0].publishedAt,
      containment: 0.8,
    });
    const issue = await coordinator.client.post("/api/v1/media-issues", {
      title: "Penanganan banjir rob",
      severity: "tinggi",
      organizationId: tree.opdA.id,
      source: { kind: "manual" },
    });
    expect(issue.status).toBe(201);

    const preview = await coordinator.client.request("GET", `/api/v1/briefing/${tree.root.id}/preview.pdf`);
    expect(preview.headers.get("content-type")).toBe("application/pdf");
    const pdfRes = await fetch(`${server.baseUrl}/api/v1/briefing/${tree.root.id}/preview.pdf`, {
      headers: { cookie: coordinator.client.cookie ?? "" },
    });
    const text = pdfText(Buffer.from(await pdfRes.arrayBuffer()));
    expect(text).toContain("Briefing Media Harian");
    expect(text).toContain(tree.names.root);
    expect(text).toContain("Total artikel: 4");
    expect(text).toContain("Negatif: 3 (75%)");
    expect(text).toContain("1. Banjir rob di pesisir Denpasar");
    expect(text).toContain("3 artikel, 1 media, 3 bernada negatif");
    expect(text).toContain("[Tinggi] Penanganan banjir rob");
    expect(text).toContain("WITA");
    expect(text).toContain("Pemuatan siaran pers");
    expect(text).toContain("Rilis penanganan banjir rob — dimuat 1 media (1 artikel)");

    const settings = await coordinator.client.put(`/api/v1/briefing/${tree.root.id}`, {
      enabled: true,
      localTime: "07:00",
      recipientUserIds: [leader.id],
      extraEmails: ["pimpinan@uji.go.id"],
    });
    expect(settings.status, settings.text).toBe(200);
    expect(settings.body).toMatchObject({ timeZone: "WITA", localTime: "07:00", lastSentOn: null });
    const opdEditor = await signedIn(server, tree.opdA, "editor");
    expect((await opdEditor.client.get(`/api/v1/briefing/${tree.root.id}`)).status).toBe(404);

    const mine = (sent: string[]) => sent.filter((id) => id === tree.root.id);
    expect(mine(await sendDueBriefings(server.services, wita("2030-03-02", "06:59")))).toEqual([]);
    expect(mine(await sendDueBriefings(server.services, wita("2030-03-02", "07:01")))).toEqual([tree.root.id]);
    expect(mine(await sendDueBriefings(server.services, wita("2030-03-02", "09:30")))).toEqual([]);
    const mail = await smtp.waitFor(leader.email);
    expect(mail.subject).toContain("Briefing media harian");
    expect(mail.attachments).toEqual([{ filename: "briefing-2030-03-02.pdf", contentType: "application/pdf", size: expect.any(Number) }]);
    expect(mail.attachments[0].size).toBeGreaterThan(1000);
    await smtp.waitFor("pimpinan@uji.go.id");
    expect(smtp.received.filter((m) => m.to.includes(coordinator.user.email) && m.subject.includes("Briefing"))).toHaveLength(0);
    // The next local day it goes again.
    expect(mine(await sendDueBriefings(server.services, wita("2030-03-03", "07:00")))).toEqual([tree.root.id]);
    expect((await coordinator.client.get(`/api/v1/briefing/${tree.root.id}`)).body.lastSentOn).toBe("2030-03-03");

    // "Kirim sekarang".
    const sendNow = await coordinator.client.post(`/api/v1/briefing/${tree.root.id}/send`);
    expect(sendNow.body).toEqual({ recipients: 2 });
  }, 120_000);
});
