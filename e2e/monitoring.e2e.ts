/**
 * Flow (issue 6): a coordinator adds a news feed in the Sources page and fetches it → a negative
 * item about an OPD arrives through the real pipeline (polite fetch, extraction, ingest,
 * watchlist, tone) → the coordinator sees the alert live (no reload) → opens an issue from it,
 * assigned to that OPD (suggested from the mentions) → the SLA passes on a test clock → the issue
 * escalates to the parent's coordinator → the OPD's officer links a clarification from the
 * content studio and closes the issue.
 *
 * The feed is served by the local "news web" (server/test/news-web), reached through the same
 * SSRF-guarded fetcher the app uses, with the news web's host names on the allow-list.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { articles, contentItems, mediaIssues, notifications, watchlists } from "../server/db/schema";
import { escalateBreachedIssues } from "../server/features/media-issues/escalate-issues.job";
import { useMonitoringFetcher } from "../server/features/monitoring/fetch/monitoring-fetcher";
import { PoliteFetcher } from "../server/features/monitoring/fetch/polite-fetcher";
import { compileWatchlist } from "../server/features/monitoring/watchlists/compile-watchlist";
import { newId } from "../server/lib/ids";
import { createTree, createUser, signedIn, TEST_PASSWORD } from "../server/test/factories";
import { type NewsWeb, startNewsWeb } from "../server/test/news-web/news-web";
import { type E2E, startE2E } from "./harness";
import { pick, signIn } from "./helpers";

const TITLE = "Pasien BPJS Ditolak RSUD, Dinas Kesehatan Dinilai Lamban";
const CLARIFICATION = "Klarifikasi Dinas Kesehatan: Pasien BPJS Tetap Dilayani";

let e2e: E2E;
let web: NewsWeb;
beforeAll(async () => {
  web = await startNewsWeb();
  e2e = await startE2E();
  useMonitoringFetcher(e2e.server.services, new PoliteFetcher({ fetch: web.fetch, minIntervalMs: 0, timeoutMs: 10_000 }));
});
afterAll(async () => {
  await e2e?.close();
  await web?.close();
});

test("negative item → live alert → issue for the OPD → SLA passes → escalation → OPD links a clarification and closes it", async () => {
  const services = e2e.server.services;
  const tree = await createTree(services);
  const coordinator = await createUser(services, [{ org: tree.root, role: "coordinator" }], { name: "Koordinator Humas Uji" });
  const officer = await createUser(services, [{ org: tree.opdA, role: "officer" }], { name: "Petugas Humas Dinkes" });
  // The OPD's watchlist: its mentions in the news are the OPD's.
  const entries = [{ kind: "name" as const, value: "Dinas Kesehatan" }];
  const compiled = compileWatchlist(entries);
  await services.db.insert(watchlists).values({
    id: newId(),
    organizationId: tree.opdA.id,
    name: "Dinas Kesehatan",
    entries,
    compiledQuery: compiled.query,
    toneTerms: compiled.toneTerms,
  });
  const feedUrl = web.publishFeed("kabarbali.test", "/rss-kesehatan.xml", [
    {
      slug: "pasien-bpjs-ditolak-rsud",
      title: TITLE,
      author: "Wayan Sukarta",
      publishedAt: new Date().toISOString(),
      paragraphs: [
        "Sejumlah warga Denpasar mengeluhkan pelayanan Dinas Kesehatan yang dinilai sangat buruk dan lamban setelah pasien BPJS ditolak di RSUD.",
        "Warga kecewa dan marah karena antrean kacau, petugas tidak ramah, dan keluhan mereka tidak ditanggapi oleh Dinas Kesehatan.",
        "Anggota DPRD meminta Dinas Kesehatan segera memperbaiki layanan yang mengecewakan masyarakat ini.",
      ],
    },
  ]);
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

  // 1. The coordinator watches the alerts page in one tab.
  const page = await e2e.newPage();
  await signIn(page, coordinator.email, TEST_PASSWORD);
  await page.goto("/app/monitoring/alerts");
  await page.getByRole("heading", { name: "Peringatan", exact: true }).waitFor();
  await page.getByText("Belum ada peringatan").waitFor();

  // 2. In another tab the coordinator adds the outlet's feed and fetches it now.
  const sources = await e2e.newPage();
  await signIn(sources, coordinator.email, TEST_PASSWORD);
  await sources.goto("/app/monitoring/sources");
  await sources.getByRole("button", { name: "Tambah sumber", exact: true }).click();
  const form = sources.getByRole("dialog", { name: "Tambah sumber" });
  // Required fields read "… *", so their labels are matched loosely.
  const organization = form.getByLabel("Organisasi");
  await organization.click();
  await organization.fill(tree.names.root);
  await sources.getByRole("option", { name: tree.names.root, exact: true }).click();
  await form.getByLabel("Nama sumber").fill("Kabar Bali");
  await form.getByLabel("Alamat feed atau sitemap").fill(feedUrl);
  await form.getByRole("button", { name: "Simpan", exact: true }).click();
  await sources.waitForURL(/\/app\/monitoring\/sources\/[0-9a-f-]{36}$/);
  await sources.getByRole("button", { name: "Ambil sekarang", exact: true }).click();
  await expect
    .poll(async () => (await services.db.select().from(articles).where(eq(articles.organizationId, tree.root.id))).map((a) => a.title), {
      timeout: 30_000,
    })
    .toEqual([TITLE]);

  // The negative item about the OPD raises the alert, shown without a reload.
  await page.getByRole("link", { name: TITLE }).waitFor({ timeout: 20_000 });

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
