/**
 * Flow: the Pranata Humas registry. An editor of OPD A registers an officer (the NIP field
 * explains a wrong NIP precisely, then shows what a valid one encodes), sets the supervisor,
 * records last year's predikat and sees the angka kredit it earns. An editor of OPD B sees
 * none of it. The detail page fits a 360 px phone.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { createTree, createUser, signedIn, TEST_PASSWORD } from "../server/test/factories";
import { type E2E, snap, startE2E } from "./harness";
import { pick, scrollWidth, searchAndPick, signIn } from "./helpers";

const PHONE = { width: 360, height: 740 };

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

/** NIP = birth date YYYYMMDD + TMT CPNS YYYYMM + sex digit + 3-digit sequence (random per run). */
const seq = () => String(Math.floor(Math.random() * 1000)).padStart(3, "0");

test("an editor registers an officer, rates a year and sees the AK; OPD B does not see it", async () => {
  const { server } = e2e;
  const tree = await createTree(server.services);
  const suffix = Date.now().toString(36);
  const editorA = await createUser(server.services, [{ org: tree.opdA, role: "editor" }], { name: `Editor Dinkes ${suffix}` });
  const editorB = await createUser(server.services, [{ org: tree.opdB, role: "editor" }], { name: `Editor Dispar ${suffix}` });

  // The supervisor is already in the registry (created through the API).
  const { client } = await signedIn(server, tree.opdA, "editor");
  const supervisorName = `Kepala Subbagian Humas ${suffix}, S.Sos.`;
  const supervisorNip = `198501012010011${seq()}`;
  const supervisor = await client.post("/api/v1/officers", {
    nip: supervisorNip,
    name: supervisorName,
    organizationId: tree.opdA.id,
    jenjang: "ahli_muda",
    golongan: "III/c",
    tmtJabatan: "2018-04-01",
    tmtPangkat: "2018-04-01",
  });
  expect(supervisor.status, supervisor.text).toBe(201);

  const lastYear = new Date().getFullYear() - 1;
  const name = `Ni Luh Putu Ayu ${suffix}, S.I.Kom.`;
  const nip = `199003152015032${seq()}`;

  const page = await e2e.newPage();
  await signIn(page, editorA.email, TEST_PASSWORD);
  await page.getByRole("navigation", { name: "Navigasi utama" }).getByRole("link", { name: "Pranata Humas", exact: true }).click();
  await page.getByRole("heading", { name: "Pranata Humas", exact: true }).waitFor();
  await page.getByTestId("officer-row").filter({ hasText: supervisorName }).waitFor();

  await page.getByRole("button", { name: "Tambah pegawai", exact: true }).click();
  const drawer = page.getByRole("dialog", { name: "Tambah Pranata Humas" });
  const nipInput = drawer.getByLabel("NIP", { exact: true });

  // Too short: the precise problem shows while typing.
  await nipInput.fill("19900315201503");
  await drawer.getByText("NIP harus 18 digit", { exact: false }).waitFor();
  // 18 digits but month 13 in the birth date.
  await nipInput.fill("199013152015032001");
  await drawer.getByText("Tanggal lahir dalam NIP (digit 1–8) tidak valid.", { exact: true }).waitFor();
  // Valid: the birth date, TMT CPNS and sex read from the NIP appear under the field.
  await nipInput.fill(nip);
  const derived = drawer.getByTestId("nip-derived");
  await derived.waitFor();
  expect(await derived.textContent()).toContain("15 Mar 1990");
  expect(await derived.textContent()).toContain("Maret 2015");
  expect(await derived.textContent()).toContain("Perempuan");
  expect(await drawer.getByText("NIP harus 18 digit", { exact: false }).count()).toBe(0);

  await drawer.getByLabel("Nama lengkap", { exact: true }).fill(name);
  await searchAndPick(drawer, "Organisasi", tree.names.opdA);
  await pick(drawer, "Jenjang", "Ahli Pertama");
  await pick(drawer, "Golongan", "III/a");
  await drawer.getByLabel("TMT jabatan", { exact: true }).fill(`${lastYear - 3}-01-01`);
  await drawer.getByLabel("TMT pangkat", { exact: true }).fill(`${lastYear - 1}-04-01`);
  // The supervisor is found on the server by name.
  const supervisorInput = drawer.getByLabel("Atasan langsung", { exact: true });
  await supervisorInput.click();
  await supervisorInput.fill(`Kepala Subbagian Humas ${suffix}`);
  await page.getByRole("option", { name: `${supervisorName} (${supervisorNip})`, exact: true }).click();
  await drawer.getByLabel("Email", { exact: true }).fill(`ayu.${suffix}@uji.go.id`);
  await drawer.getByRole("button", { name: "Simpan", exact: true }).click();

  // Saving opens the new officer's page.
  await page.getByRole("heading", { name, exact: true }).waitFor();
  await page.waitForURL(/\/app\/officers\/[0-9a-f-]{36}$/);
  const officerUrl = new URL(page.url()).pathname;
  const profile = page.getByTestId("officer-profile");
  await profile.getByText(supervisorName, { exact: true }).waitFor();
  await profile.getByText("15 Mar 1990", { exact: true }).waitFor();
  expect(await page.getByTestId("ak-cumulative").textContent()).toBe("0,00");
  expect(await page.getByTestId("career-event").count()).toBe(2);

  // Record last year's predikat: Sangat Baik for the full year.
  await page.getByRole("button", { name: "Tetapkan predikat", exact: true }).click();
  const modal = page.getByRole("dialog", { name: "Tetapkan predikat kinerja" });
  await modal.getByLabel("Bulan awal", { exact: true }).fill(`${lastYear}-01`);
  await modal.getByLabel("Bulan akhir", { exact: true }).fill(`${lastYear}-12`);
  await pick(modal, "Predikat", "Sangat Baik");
  await modal.getByRole("button", { name: "Tetapkan", exact: true }).click();
  await modal.waitFor({ state: "hidden" });

  // Ahli Pertama: koefisien 12,5 × 150 % = 18,75 for a full year.
  const row = page.getByTestId("rating-row");
  await row.filter({ hasText: "Sangat Baik" }).waitFor();
  expect(await row.count()).toBe(1);
  const rowText = await row.textContent();
  expect(rowText).toContain("18,75");
  expect(rowText).toContain(`Jan ${lastYear}`);
  expect(rowText).toContain(`Des ${lastYear}`);
  expect(rowText).toContain("Ahli Pertama");
  await expect.poll(() => page.getByTestId("ak-cumulative").textContent()).toBe("18,75");
  const nextPangkat = page.getByTestId("ak-next-pangkat");
  expect(await nextPangkat.textContent()).toContain("kurang 31,25"); // III/a → III/b needs 50
  console.info("screenshot:", await snap(page, "officer-detail-desktop"));

  // The yearly plan: the editor sets a target for one work-result type.
  await page.getByRole("button", { name: "Ubah rencana", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Jenis hasil kerja", { exact: true }).click();
  await page.getByRole("option", { name: "PI-02 — Penulisan berita (cetak, siaran, daring)", exact: true }).click();
  await dialog.getByLabel("Target", { exact: true }).fill("12");
  await dialog.getByRole("button", { name: "Simpan rencana", exact: true }).click();
  await page.getByText("Rencana disimpan.", { exact: true }).waitFor();
  const planItem = page.getByTestId("plan-item");
  await planItem.filter({ hasText: "Penulisan berita" }).waitFor();
  expect(await planItem.count()).toBe(1);

  // The list shows the new officer with the supervisor.
  await page.getByRole("link", { name: "Kembali ke daftar Pranata Humas", exact: true }).click();
  const listRow = page.getByTestId("officer-row").filter({ hasText: name });
  await listRow.waitFor();
  expect(await listRow.textContent()).toContain(supervisorName);

  // An editor of OPD B sees neither officer, in the list or by URL.
  const pageB = await e2e.newPage();
  await signIn(pageB, editorB.email, TEST_PASSWORD);
  await pageB.goto("/app/officers");
  await pageB.getByText("Belum ada Pranata Humas", { exact: true }).waitFor();
  expect(await pageB.getByTestId("officer-row").count()).toBe(0);
  expect(await pageB.getByText(name, { exact: true }).count()).toBe(0);
  await pageB.goto(officerUrl);
  await pageB.getByText("Pegawai tidak ditemukan", { exact: true }).waitFor();
  expect(await pageB.getByText(name, { exact: true }).count()).toBe(0);

  // On a 360 px phone the detail page does not scroll sideways (tables scroll inside).
  const phone = await e2e.newPage(PHONE);
  await signIn(phone, editorA.email, TEST_PASSWORD);
  await phone.goto(officerUrl);
  await phone.getByRole("heading", { name, exact: true }).waitFor();
  await phone.getByTestId("rating-row").waitFor();
  expect(await scrollWidth(phone)).toBeLessThanOrEqual(PHONE.width);
  console.info("screenshot:", await snap(phone, "officer-detail-phone"));
  await phone.goto("/app/officers");
  await phone.getByTestId("officer-row").first().waitFor();
  expect(await scrollWidth(phone)).toBeLessThanOrEqual(PHONE.width);
});
