/**
 * Flow (issue 5, paid cooperation): an officer records an outlet and its pemimpin redaksi with
 * UKW Utama → creates a contract, which the live check finds eligible → records two
 * publications (one with a screenshot) against the quota → downloads the SPJ report as PDF.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createTree, createUser, TEST_PASSWORD } from "../server/test/factories";
import { type E2E, startE2E } from "./harness";
import { pick, searchAndPick, signIn } from "./helpers";

const OUTLET = "Kaltim Post Digital";
const PEMRED = "Rusdiansyah Aras";
const YEAR = new Date().getFullYear();
/** Server round trips under a loaded two-core machine (PGlite) can exceed the 15 s default. */
const SLOW = 40_000;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => e2e?.close());

/**
 * A Mantine Select found by its combobox role: with the options open, its listbox carries the
 * same label, which a label lookup would also match.
 */
async function choose(page: Page, label: string, option: string, typed = true) {
  const input = page.getByRole("combobox", { name: label, exact: true });
  await input.click();
  if (typed) await input.fill(option);
  await page.getByRole("option", { name: option, exact: true }).click();
  await expect.poll(() => input.inputValue()).toBe(option);
}

async function screenshotFile(): Promise<string> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "sinergi-e2e-")), "tangkapan-layar.png");
  writeFileSync(
    file,
    await sharp({ create: { width: 800, height: 600, channels: 3, background: "#1565c0" } })
      .png()
      .toBuffer(),
  );
  return file;
}

test("paid cooperation: outlet and pemred with UKW Utama → eligible contract → two publications → SPJ report", async () => {
  const { services } = e2e.server;
  const tree = await createTree(services);
  const officer = await createUser(services, [{ org: tree.opdA, role: "officer" }], { name: "Komang Pranata" });
  const page = await e2e.newPage();
  await signIn(page, officer.email, TEST_PASSWORD);

  // 1. The outlet, verified by Dewan Pers with a certificate valid for years.
  await page.goto("/app/media-outlets");
  await page.getByRole("button", { name: "Tambah media" }).click();
  const outletForm = page.getByRole("dialog", { name: "Tambah media" });
  await searchAndPick(outletForm, "Organisasi pemilik *", tree.names.opdA);
  await outletForm.getByLabel("Nama media *", { exact: true }).fill(OUTLET);
  await pick(outletForm, "Status Dewan Pers", "Terverifikasi faktual");
  await outletForm.getByLabel("Nomor sertifikat Dewan Pers", { exact: true }).fill("123/DP-F/2024");
  await outletForm.getByLabel("Tanggal sertifikat", { exact: true }).fill(day(-300));
  await outletForm.getByLabel("Berlaku sampai", { exact: true }).fill(day(1500));
  await outletForm.getByRole("button", { name: "Simpan" }).click();
  await page.getByRole("heading", { name: OUTLET }).waitFor({ timeout: SLOW });

  // 2. Its pemimpin redaksi with UKW Utama.
  await page.goto("/app/journalists");
  await page.getByRole("button", { name: "Tambah wartawan" }).click();
  const journalistForm = page.getByRole("dialog", { name: "Tambah wartawan" });
  await searchAndPick(journalistForm, "Organisasi pemilik *", tree.names.opdA);
  await journalistForm.getByLabel("Nama wartawan *", { exact: true }).fill(PEMRED);
  await journalistForm.getByRole("button", { name: "Tambah media" }).click();
  await searchAndPick(journalistForm, "Media", OUTLET);
  await pick(journalistForm, "Jabatan", "Pemimpin redaksi");
  await pick(journalistForm, "Jenjang UKW", "Utama");
  await journalistForm.getByRole("button", { name: "Simpan" }).click();
  await page.getByRole("heading", { name: PEMRED }).waitFor({ timeout: SLOW });

  // 3. The contract: the live check shows every rule passed before anything is saved.
  await page.goto("/app/media-contracts");
  await page.getByText("Belum ada kontrak kerja sama media").waitFor({ timeout: SLOW });
  await page.getByRole("link", { name: "Kontrak baru" }).click();
  await choose(page, "Perangkat daerah", tree.names.opdA);
  await choose(page, "Media", OUTLET);
  const check = page.getByTestId("eligibility");
  await check.getByText("Media memenuhi semua syarat kerja sama.").waitFor({ timeout: SLOW });
  await expect.poll(() => check.getByText(`Pemimpin redaksi ${PEMRED} memegang sertifikat UKW Utama.`).count()).toBe(1);
  // Typed with two digits swapped; corrected after saving (step 3b).
  await page.getByLabel("Nomor kontrak *", { exact: true }).fill(`072/KS-MEDIA/DISKES/${YEAR}`);
  await choose(page, "Bentuk kerja sama", "Pemberitaan (publikasi berita) (Pemberitaan)", false);
  await page.getByLabel("Uraian pekerjaan *", { exact: true }).fill("Publikasi program imunisasi dasar lengkap");
  await page.getByLabel("Nilai kontrak *", { exact: true }).fill("15000000");
  await page.getByLabel("Kuota publikasi *", { exact: true }).fill("2");
  await page.getByLabel("Kode rekening / sub kegiatan *", { exact: true }).fill("5.1.02.02.01.0063 - Pengelolaan Media Komunikasi Publik");
  await page.getByRole("button", { name: "Simpan kontrak" }).click();
  await page.getByRole("heading", { name: `${OUTLET} · 072/KS-MEDIA/DISKES/${YEAR}` }).waitFor({ timeout: SLOW });

  // 3b. The number is corrected on the saved contract ("Ubah"); the report below carries the new one.
  await page.getByRole("button", { name: "Ubah", exact: true }).click();
  const edit = page.getByRole("dialog", { name: "Ubah data kontrak" });
  await edit.getByLabel("Nomor kontrak *", { exact: true }).fill(`027/KS-MEDIA/DISKES/${YEAR}`);
  await edit.getByRole("button", { name: "Simpan" }).click();
  await edit.waitFor({ state: "detached", timeout: SLOW });
  await page.getByRole("heading", { name: `${OUTLET} · 027/KS-MEDIA/DISKES/${YEAR}` }).waitFor({ timeout: SLOW });
  await page.getByText("0 dari 2 publikasi terpenuhi").first().waitFor({ timeout: SLOW });

  // 4. Two publications: a link with a screenshot, then a link alone.
  const publications = [
    { title: "Cakupan imunisasi dasar lengkap capai 95 persen", link: "https://kaltimpost.id/imunisasi-95-persen" },
    { title: "Posyandu keliling jangkau desa terpencil", link: "https://kaltimpost.id/posyandu-keliling" },
  ];
  for (const [i, p] of publications.entries()) {
    await page.getByLabel("Judul publikasi *", { exact: true }).fill(p.title);
    await page.getByLabel("Tanggal terbit *", { exact: true }).fill(day(-5 + i));
    await page.getByLabel("Tautan", { exact: true }).fill(p.link);
    if (i === 0)
      await page
        .locator('input[type="file"]')
        .nth(1)
        .setInputFiles(await screenshotFile());
    await page.getByRole("button", { name: "Simpan publikasi" }).click();
    await page.getByRole("cell", { name: p.title }).waitFor({ timeout: SLOW });
  }
  await page.getByText("2 dari 2 publikasi terpenuhi").first().waitFor({ timeout: SLOW });
  await page.getByText("Kuota kontrak sudah terpenuhi.").waitFor({ timeout: SLOW });
  expect(await page.getByRole("link", { name: "Tangkapan layar" }).count()).toBe(1);

  // 5. The SPJ report downloads as a PDF naming the contract and both publications.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Laporan SPJ (PDF)" }).click()]);
  expect(download.suggestedFilename()).toBe(`spj-kerja-sama-media-${YEAR}-kaltim-post-digital.pdf`);
  const file = path.join(mkdtempSync(path.join(tmpdir(), "sinergi-e2e-")), "spj.pdf");
  await download.saveAs(file);
  expect(readFileSync(file).subarray(0, 4).toString()).toBe("%PDF");
  const text = execFileSync("pdftotext", ["-raw", file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  expect(text).toContain(`Kontrak 027/KS-MEDIA/DISKES/${YEAR}`);
  expect(text).not.toContain(`072/KS-MEDIA/DISKES/${YEAR}`);
  for (const p of publications) {
    expect(text).toContain(p.title);
    expect(text).toContain(p.link);
  }
  expect(text).toContain("2 dari 2 terpenuhi");
  expect(text).toContain("MEMENUHI SYARAT");
});
