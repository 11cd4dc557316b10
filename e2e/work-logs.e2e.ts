/**
 * Flow: work logs on a phone and their verification on a desktop. An officer (360×740) logs a
 * work result with a camera photo and submits it; the supervisor returns it with a note; the
 * officer reads the note, fixes the entry and resubmits; the supervisor approves; the entry then
 * reads "Disetujui" and can no longer be edited.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createTree, createUser, signedIn, TEST_PASSWORD } from "../server/test/factories";
import { type E2E, snap, startE2E } from "./harness";
import { scrollWidth, signIn } from "./helpers";

const PHONE = { width: 360, height: 740 };
const TYPE = "KH-03 — Produksi konten media online";
const SNAPS = process.env.E2E_SNAPS === "1";

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

let seq = 700;
/** An OPD with a supervisor and one officer, both with accounts linked to officer records. */
async function team() {
  const { services } = e2e.server;
  const tree = await createTree(services);
  const editor = await signedIn(e2e.server, tree.opdA, "editor");
  const bossUser = await createUser(services, [{ org: tree.opdA, role: "officer" }], { name: "Ibu Atasan Humas" });
  const staffUser = await createUser(services, [{ org: tree.opdA, role: "officer" }], { name: "Pranata Ponsel" });
  const base = { organizationId: tree.opdA.id, golongan: "III/a", tmtJabatan: "2024-01-01", tmtPangkat: "2024-01-01" };
  const boss = await editor.client.post("/api/v1/officers", {
    ...base,
    nip: `198001012005011${seq++}`,
    name: "Ibu Atasan Humas",
    userId: bossUser.id,
    jenjang: "ahli_muda",
    golongan: "III/c",
  });
  expect(boss.status).toBe(201);
  const staff = await editor.client.post("/api/v1/officers", {
    ...base,
    nip: `199202022018022${seq++}`,
    name: "Pranata Ponsel",
    userId: staffUser.id,
    jenjang: "ahli_pertama",
    supervisorId: boss.body.id,
  });
  expect(staff.status).toBe(201);
  return { bossUser, staffUser, staffOfficerId: staff.body.id as string };
}

async function photo(): Promise<Buffer> {
  return sharp({ create: { width: 320, height: 240, channels: 3, background: "#1971c2" } })
    .png()
    .toBuffer();
}

async function maybeSnap(page: Page, name: string) {
  if (SNAPS) console.log(`screenshot ${name}: ${await snap(page, name)}`);
}

test("an officer logs a work result on a phone; the supervisor returns, then approves it", async () => {
  const { bossUser, staffUser, staffOfficerId } = await team();
  const title = `Liputan vaksinasi keliling ${Date.now().toString(36)}`;

  // ---- officer, phone: log the work result with a camera photo ---------------------------
  const officer = await e2e.newPage(PHONE);
  await signIn(officer, staffUser.email, TEST_PASSWORD);
  await officer.getByRole("button", { name: "Menu", exact: true }).click();
  await officer.getByRole("navigation", { name: "Navigasi utama" }).getByRole("link", { name: "Catatan kerja", exact: true }).click();
  await officer.getByRole("heading", { name: "Catatan kerja", exact: true }).waitFor();
  await officer.getByText("Belum ada catatan kerja", { exact: true }).waitFor();
  await officer.getByRole("link", { name: "Catat hasil kerja", exact: true }).click();
  await officer.getByRole("heading", { name: "Catat hasil kerja", exact: true }).waitFor();

  // Searchable Select: type part of the code, pick the option (code + name).
  const typeInput = officer.getByRole("combobox", { name: "Jenis hasil kerja", exact: true });
  await typeInput.click();
  await typeInput.fill("KH-03");
  await officer.getByRole("option", { name: TYPE, exact: true }).click();
  await expect.poll(() => typeInput.inputValue()).toBe(TYPE);
  await officer.getByTestId("type-help").getByText("Bukti yang diharapkan", { exact: false }).waitFor();
  expect(await officer.getByLabel("Tanggal & waktu", { exact: true }).inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
  await officer.getByLabel("Judul", { exact: true }).fill(title);
  await officer.getByLabel("Uraian", { exact: true }).fill("Berita dan foto vaksinasi keliling di Desa Batubulan.");

  // A dropped connection or a closed tab keeps what was typed.
  await officer.reload();
  await officer.getByText("Draf dipulihkan", { exact: true }).waitFor();
  expect(await officer.getByLabel("Judul", { exact: true }).inputValue()).toBe(title);
  expect(await typeInput.inputValue()).toBe(TYPE);

  await officer.getByLabel("Tempat", { exact: true }).fill("Balai Desa Batubulan");
  await officer.context().grantPermissions(["geolocation"]);
  await officer.context().setGeolocation({ latitude: -8.5769, longitude: 115.2786 });
  await officer.getByRole("button", { name: "Gunakan lokasi saya", exact: true }).click();
  await officer.getByTestId("coordinates").getByText("-8.576900, 115.278600", { exact: false }).waitFor();
  await officer.getByTestId("photo-input").setInputFiles({ name: "vaksinasi.png", mimeType: "image/png", buffer: await photo() });
  await officer.getByTestId("pending-evidence").filter({ hasText: "vaksinasi.png" }).waitFor();
  expect(await scrollWidth(officer)).toBeLessThanOrEqual(PHONE.width);
  await maybeSnap(officer, "work-log-form-360");

  await officer.getByRole("button", { name: "Simpan & ajukan", exact: true }).click();
  await officer.waitForURL(/\/app\/work-logs\/[0-9a-f-]{36}$/);
  const detailUrl = officer.url();
  await officer.getByRole("heading", { name: title, exact: true }).waitFor();
  await officer.getByText("Diajukan", { exact: true }).first().waitFor();
  await officer.getByTestId("evidence-thumbnail").waitFor();
  expect(await officer.getByTestId("evidence-thumbnail").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(
    true,
  );
  expect(await scrollWidth(officer)).toBeLessThanOrEqual(PHONE.width);
  await maybeSnap(officer, "work-log-detail-360");

  // ---- supervisor, desktop: the queue badge, evidence inline, return with a note ------------
  const boss = await e2e.newPage();
  await signIn(boss, bossUser.email, TEST_PASSWORD);
  const nav = boss.getByRole("navigation", { name: "Navigasi utama" });
  const verify = nav.getByRole("link", { name: /^Verifikasi/ });
  await expect.poll(() => verify.textContent()).toBe("Verifikasi1");
  await verify.click();
  await boss.getByRole("heading", { name: "Verifikasi", exact: true }).waitFor();
  const row = boss.getByTestId("queue-row").filter({ hasText: title });
  await row.getByText("Pranata Ponsel", { exact: false }).waitFor();
  await row.getByText(/diajukan .+ lalu/).waitFor();
  await row.getByText("1 bukti", { exact: true }).waitFor();
  await row.getByRole("button", { name: "Lihat bukti", exact: true }).click();
  const inline = row.getByTestId("queue-evidence").getByTestId("evidence-thumbnail");
  await expect.poll(() => inline.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await maybeSnap(boss, "verification-desktop");

  await row.getByRole("button", { name: "Kembalikan", exact: true }).click();
  const dialog = boss.getByRole("dialog", { name: "Kembalikan untuk diperbaiki" });
  await dialog.getByRole("button", { name: "Kembalikan", exact: true }).click();
  await dialog.getByText("Wajib diisi", { exact: false }).waitFor(); // the note is required
  const note = "Tambahkan tautan berita yang sudah tayang di situs Dinkes.";
  await dialog.getByLabel("Catatan untuk pegawai", { exact: false }).fill(note);
  await dialog.getByRole("button", { name: "Kembalikan", exact: true }).click();
  await boss.getByText("1 dikembalikan", { exact: true }).waitFor();
  await boss.getByText("Tidak ada yang menunggu verifikasi", { exact: true }).waitFor();

  // ---- officer: sees the note in the list, fixes the entry, resubmits ---------------------------
  await officer.goto("/app/work-logs");
  const mine = officer.getByTestId("work-log-row").filter({ hasText: title });
  await mine.getByText("Dikembalikan", { exact: true }).waitFor();
  await mine.getByTestId("return-note").getByText(note, { exact: false }).waitFor();
  expect(await scrollWidth(officer)).toBeLessThanOrEqual(PHONE.width);
  await maybeSnap(officer, "work-log-list-360");
  await mine.getByRole("link", { name: title, exact: true }).click();
  await officer.getByTestId("return-note").getByText(note, { exact: false }).waitFor();
  await officer.getByRole("link", { name: "Ubah", exact: true }).click();
  await officer.getByRole("heading", { name: "Ubah catatan kerja", exact: true }).waitFor();
  await officer.getByLabel("Tautan bukti", { exact: true }).fill("https://dinkes.baliprov.go.id/berita/vaksinasi-keliling");
  await officer.getByLabel("Keterangan tautan", { exact: true }).fill("Berita di situs Dinkes");
  await officer.getByRole("button", { name: "Tambah", exact: true }).click();
  await officer.getByTestId("pending-evidence").filter({ hasText: "Berita di situs Dinkes" }).waitFor();
  // A file the server refuses (415) stays in the list with the server's reason; the rest is kept.
  await officer
    .getByTestId("file-input")
    .setInputFiles({ name: "catatan.txt", mimeType: "text/plain", buffer: Buffer.from("bukan bukti") });
  await officer.getByRole("button", { name: "Simpan & ajukan", exact: true }).click();
  const refused = officer.locator('[data-testid="pending-evidence"][data-state="failed"]').filter({ hasText: "catatan.txt" });
  await refused.getByText("Jenis berkas tidak didukung", { exact: false }).waitFor();
  expect(await officer.getByTestId("pending-evidence").count()).toBe(1); // the link was stored
  expect(officer.url()).toBe(`${detailUrl}/edit`);
  await refused.getByRole("button", { name: "Hapus bukti catatan.txt", exact: true }).click();
  await officer.getByRole("button", { name: "Simpan & ajukan", exact: true }).click();
  await officer.waitForURL(detailUrl);
  await officer.getByRole("link", { name: "Berita di situs Dinkes", exact: false }).waitFor();
  await officer.getByText("Diajukan ulang", { exact: true }).waitFor(); // history timeline
  await officer.getByText("Diajukan", { exact: true }).first().waitFor();

  // ---- supervisor approves ---------------------------------------------------------------------
  await boss.reload();
  const again = boss.getByTestId("queue-row").filter({ hasText: title });
  await again.getByText("2 bukti", { exact: true }).waitFor();
  await again.getByRole("button", { name: "Setujui", exact: true }).click();
  await boss.getByText("1 disetujui", { exact: true }).waitFor();
  await boss.getByText("Tidak ada yang menunggu verifikasi", { exact: true }).waitFor();

  // ---- officer: approved and locked --------------------------------------------------------------
  await officer.reload();
  await officer.getByRole("heading", { name: title, exact: true }).waitFor();
  await officer.getByText("Disetujui", { exact: true }).first().waitFor();
  await maybeSnap(officer, "work-log-approved-360");
  expect(await officer.getByRole("link", { name: "Ubah", exact: true }).count()).toBe(0);
  expect(await officer.getByRole("button", { name: /^Ajukan/ }).count()).toBe(0);
  await officer.goto(`${detailUrl}/edit`);
  await officer.getByText("Catatan ini tidak dapat diubah lagi", { exact: false }).waitFor();
  expect(await officer.getByRole("button", { name: "Simpan draf", exact: true }).count()).toBe(0);

  // ---- supervisor: the PDF report of the officer contains the approved entry ----------------------
  await boss.goto(`/app/officers/${staffOfficerId}`);
  await boss.getByRole("button", { name: "Laporan", exact: true }).click();
  const pdfLink = boss.getByRole("link", { name: "Unduh PDF", exact: true });
  await pdfLink.waitFor();
  const href = await pdfLink.getAttribute("href");
  expect(href).toMatch(/report\.pdf/);
  const res = await boss.request.get(href as string);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toMatch(/application\/pdf/);
  const dir = mkdtempSync(path.join(tmpdir(), "sinergi-report-"));
  const file = path.join(dir, "laporan.pdf");
  writeFileSync(file, await res.body());
  const text = execFileSync("pdftotext", ["-raw", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  expect(text).toContain(title);
  expect(text).toContain("Pranata Ponsel");
  expect(text).toContain("Ibu Atasan Humas");
});
