/**
 * Flow (issue 6): a negative news item about an OPD arrives → the coordinator sees the alert live
 * (no reload) → opens an issue from it, assigned to that OPD (suggested from the mentions) → the
 * SLA passes on a test clock → the issue escalates to the parent's coordinator → the OPD's officer
 * links a clarification from the content studio and closes the issue.
 *
 * Items arrive through the pipeline's contract (articles + mentions and the `monitoring.mentions`
 * event, as ingestItems emits it), so this flow does not depend on a feed's fetch schedule.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { contentItems, mediaIssues, notifications } from "../server/db/schema";
import { escalateBreachedIssues } from "../server/features/media-issues/escalate-issues.job";
import { announce, createWatchlist, insertArticles } from "../server/features/monitoring/alerts/test-support";
import { newId } from "../server/lib/ids";
import { createTree, createUser, signedIn, TEST_PASSWORD } from "../server/test/factories";
import { type E2E, startE2E } from "./harness";
import { pick, signIn } from "./helpers";

const TITLE = "Pasien BPJS Ditolak RSUD, Dinas Kesehatan Dinilai Lamban";
const CLARIFICATION = "Klarifikasi Dinas Kesehatan: Pasien BPJS Tetap Dilayani";

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

test("negative item → live alert → issue for the OPD → SLA passes → escalation → OPD links a clarification and closes it", async () => {
  const services = e2e.server.services;
  const tree = await createTree(services);
  const coordinator = await createUser(services, [{ org: tree.root, role: "coordinator" }], { name: "Koordinator Humas Uji" });
  const officer = await createUser(services, [{ org: tree.opdA, role: "officer" }], { name: "Petugas Humas Dinkes" });
  const watchlistId = await createWatchlist(services, tree.root.id, "Dinas Kesehatan");
  const clarificationId = newId();
  await services.db.insert(contentItems).values({
    id: clarificationId,
    organizationId: tree.opdA.id,
    type: "klarifikasi",
    title: CLARIFICATION,
    slug: `klarifikasi-${clarificationId}`,
  });
  // The province's rule: negative coverage, in the app.
  const api = await signedIn(e2e.server, tree.root, "admin");
  const rule = await api.client.post("/api/v1/alert-rules", {
    organizationId: tree.root.id,
    name: "Berita negatif OPD",
    kind: "negative_mention",
    channels: { inApp: true, email: false, telegram: null, webhook: null },
  });
  expect(rule.status).toBe(201);

  // 1. The coordinator watches the alerts page.
  const page = await e2e.newPage();
  await signIn(page, coordinator.email, TEST_PASSWORD);
  await page.goto("/app/monitoring/alerts");
  await page.getByRole("heading", { name: "Peringatan", exact: true }).waitFor();
  await page.getByText("Belum ada peringatan").waitFor();

  // 2. The item arrives; the alert shows up without a reload.
  const rows = await insertArticles(services, [
    {
      ownerId: tree.root.id,
      title: TITLE,
      outletName: "Bali Post Uji",
      mentions: [{ organizationId: tree.opdA.id, watchlistId, tone: "negative", negative: 0.93 }],
    },
  ]);
  await announce(services, tree.root.id, rows);
  await page.getByRole("link", { name: TITLE }).waitFor({ timeout: 15_000 });

  // 3. The coordinator opens an issue from the alert; the OPD is suggested from the mentions.
  await page.getByRole("button", { name: "Buat isu", exact: true }).click();
  const modal = page.getByRole("dialog", { name: "Isu baru" });
  await expect.poll(() => modal.getByLabel("Judul").inputValue()).toBe(TITLE);
  await expect.poll(() => modal.getByLabel("Organisasi penanggung jawab").inputValue()).toBe(tree.names.opdA);
  await pick(modal, "Tingkat", "Krisis");
  await modal.getByRole("button", { name: "Buka isu", exact: true }).click();
  await page.waitForURL(/\/app\/monitoring\/issues\/[0-9a-f-]{36}$/);
  const issueId = page.url().split("/").pop() as string;
  await page.getByText("Krisis", { exact: true }).first().waitFor();
  const [issue] = await services.db.select().from(mediaIssues).where(eq(mediaIssues.id, issueId));
  expect(issue).toMatchObject({ organizationId: tree.opdA.id, severity: "krisis", slaHours: 2, sourceKind: "alert" });

  // 4. The SLA passes on the test clock: the issue escalates to the province's coordinator, once.
  const late = new Date(issue.dueAt.getTime() + 60_000);
  expect(await escalateBreachedIssues(services, late)).toContain(issueId);
  expect(await escalateBreachedIssues(services, late)).not.toContain(issueId);
  const notices = await services.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, coordinator.id), eq(notifications.kind, "issue_escalated")));
  expect(notices).toHaveLength(1);
  await page.reload();
  await page.getByText("Eskalasi ke koordinator (SLA terlewati)").waitFor();
  await page.getByText("Dieskalasi", { exact: true }).first().waitFor();

  // 5. The OPD's officer links the clarification and closes the issue.
  const officerPage = await e2e.newPage();
  await signIn(officerPage, officer.email, TEST_PASSWORD);
  await officerPage.goto(`/app/monitoring/issues/${issueId}`);
  await officerPage.getByRole("heading", { name: TITLE }).waitFor();
  await officerPage.getByRole("button", { name: "Tangani", exact: true }).click();
  await officerPage.getByText("Ditangani", { exact: true }).first().waitFor();
  const picker = officerPage.getByLabel("Pilih konten dari studio konten", { exact: true });
  await picker.click();
  await officerPage.getByRole("option", { name: `${CLARIFICATION} (klarifikasi)`, exact: true }).click();
  await officerPage.getByRole("button", { name: "Tautkan", exact: true }).click();
  await officerPage.getByRole("link", { name: CLARIFICATION }).waitFor();
  await officerPage.getByRole("button", { name: "Selesaikan", exact: true }).click();
  await officerPage.getByRole("dialog", { name: "Selesaikan isu?" }).getByRole("button", { name: "Selesai", exact: true }).click();
  await expect
    .poll(async () => (await services.db.select().from(mediaIssues).where(eq(mediaIssues.id, issueId)))[0].status)
    .toBe("selesai");
  const [closed] = await services.db.select().from(mediaIssues).where(eq(mediaIssues.id, issueId));
  expect(closed.closedAt).not.toBeNull();
  expect(closed.escalatedAt).not.toBeNull();
});
