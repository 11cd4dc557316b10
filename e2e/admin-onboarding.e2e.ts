/**
 * Flow 1: an admin creates an OPD, invites an officer there, the officer accepts the emailed
 * invitation in a fresh browser, and the admin finds both actions in the audit log.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { createTree, createUser, TEST_PASSWORD } from "../server/test/factories";
import { linkFrom } from "../server/test/smtp-fixture";
import { type E2E, startE2E } from "./harness";
import { pick, searchAndPick, signIn } from "./helpers";

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

test("admin creates an OPD, invites an officer who accepts, and the audit log shows both", async () => {
  const tree = await createTree(e2e.server.services);
  const admin = await createUser(e2e.server.services, [{ org: tree.root, role: "admin" }], { name: "Admin Provinsi Uji" });
  const suffix = Date.now().toString(36);
  const opdName = `Dinas Perhubungan ${suffix}`;
  const officerEmail = `petugas-${suffix}@uji.go.id`;
  const officerName = `Petugas Humas ${suffix}`;

  // 1. The admin signs in and creates an OPD under the province.
  const page = await e2e.newPage();
  await signIn(page, admin.email, TEST_PASSWORD);
  await page.getByRole("link", { name: "Organisasi", exact: true }).click();
  await page.getByRole("heading", { name: "Organisasi", exact: true }).waitFor();
  await page.getByRole("button", { name: "Tambah organisasi", exact: true }).click();
  const drawer = page.getByRole("dialog", { name: "Tambah organisasi" });
  await drawer.getByLabel("Nama", { exact: true }).fill(opdName);
  await drawer.getByLabel("Nama singkat", { exact: true }).fill(`Dishub ${suffix}`);
  await pick(drawer, "Jenis", "Perangkat daerah (OPD)");
  await searchAndPick(drawer, "Induk", tree.names.root);
  await drawer.getByRole("button", { name: "Simpan", exact: true }).click();
  await drawer.waitFor({ state: "hidden" });
  await expect.poll(() => page.getByText(opdName, { exact: true }).count()).toBeGreaterThan(0);

  // 2. The admin invites an officer into the new OPD.
  await page.getByRole("link", { name: "Pengguna", exact: true }).click();
  await page.getByRole("heading", { name: "Pengguna", exact: true }).waitFor();
  await page.getByRole("button", { name: "Undang pengguna", exact: true }).click();
  const modal = page.getByRole("dialog", { name: "Undang pengguna" });
  await modal.getByLabel("Email", { exact: true }).fill(officerEmail);
  await modal.getByLabel("Nama", { exact: true }).fill(officerName);
  await searchAndPick(modal, "Organisasi", opdName);
  await pick(modal, "Peran", "Petugas humas");
  await modal.getByRole("button", { name: "Kirim undangan", exact: true }).click();
  await modal.waitFor({ state: "hidden" });
  await page.getByRole("link", { name: officerName, exact: true }).waitFor();

  // 3. The invitation arrives by SMTP with a link into the staff app.
  const mail = await e2e.smtp.waitFor(officerEmail);
  const link = linkFrom(mail.text, "/app/accept-invitation");
  expect(new URL(link).origin).toBe(e2e.server.baseUrl);

  // 4. In a fresh browser context the officer accepts and lands signed in.
  const officer = await e2e.newPage();
  await officer.goto(link);
  await officer.getByText(opdName, { exact: true }).waitFor();
  const name = officer.getByLabel("Nama", { exact: true });
  await expect.poll(() => name.inputValue()).toBe(officerName);
  await name.fill(officerName);
  await officer.getByLabel("Kata sandi", { exact: true }).fill(TEST_PASSWORD);
  await officer.getByLabel("Ulangi kata sandi", { exact: true }).fill(TEST_PASSWORD);
  await officer.getByRole("button", { name: "Terima undangan", exact: true }).click();
  await officer.waitForURL((url) => url.pathname.startsWith("/app") && !url.pathname.includes("accept-invitation"));
  const nav = officer.getByRole("navigation", { name: "Navigasi utama" });
  await nav.getByRole("link", { name: "Organisasi", exact: true }).waitFor();
  await officer.getByText(officerName, { exact: true }).first().waitFor();
  await officer.getByText(officerEmail, { exact: true }).waitFor();
  // An officer manages nobody: no user, audit or token pages in the navigation.
  expect(await nav.getByRole("link", { name: "Log audit", exact: true }).count()).toBe(0);
  await officer.context().close();

  // 5. The admin's audit log shows the organization and the invitation, by the admin.
  await page.getByRole("link", { name: "Log audit", exact: true }).click();
  await page.getByRole("heading", { name: "Log audit", exact: true }).waitFor();
  const rows = page.getByTestId("audit-row");
  const createRow = rows.filter({ hasText: "organization.create" }).filter({ hasText: opdName });
  const inviteRow = rows.filter({ hasText: "user.invite" }).filter({ hasText: opdName });
  await createRow.first().waitFor();
  await inviteRow.first().waitFor();
  expect(await createRow.count()).toBe(1);
  expect(await inviteRow.count()).toBe(1);
  expect(await createRow.textContent()).toContain("Admin Provinsi Uji");
  expect(await inviteRow.textContent()).toContain("Admin Provinsi Uji");
  // The invitation's snapshot names the invited officer.
  await inviteRow.getByRole("button").click();
  await page.getByText(officerEmail).first().waitFor();
});
