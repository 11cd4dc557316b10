/**
 * Flow 2: an editor of OPD A sees only OPD A's subtree. Users of OPD B are absent from the
 * list, from search, and from their detail URL; admin-only pages are absent from the nav.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { createTree, createUser, TEST_PASSWORD } from "../server/test/factories";
import { type E2E, startE2E } from "./harness";
import { signIn } from "./helpers";

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

test("an editor of OPD A sees OPD A's users only, and no admin pages", async () => {
  const { services } = e2e.server;
  const tree = await createTree(services);
  const suffix = Date.now().toString(36);
  const editor = await createUser(services, [{ org: tree.opdA, role: "editor" }], { name: `Editor Dinkes ${suffix}` });
  const inUnit = await createUser(services, [{ org: tree.unitA, role: "officer" }], { name: `Petugas Unit ${suffix}` });
  const inB = await createUser(services, [{ org: tree.opdB, role: "officer" }], { name: `Petugas Pariwisata ${suffix}` });

  const page = await e2e.newPage();
  await signIn(page, editor.email, TEST_PASSWORD);
  const nav = page.getByRole("navigation", { name: "Navigasi utama" });
  await nav.getByRole("link", { name: "Pengguna", exact: true }).click();
  await page.getByRole("heading", { name: "Pengguna", exact: true }).waitFor();

  // The unit's officer is listed; OPD B's officer is not.
  const unitRow = page.getByTestId("user-row").filter({ hasText: `Petugas Unit ${suffix}` });
  await unitRow.waitFor();
  expect(await unitRow.textContent()).toContain(tree.names.unitA);
  expect(await page.getByText(`Petugas Pariwisata ${suffix}`, { exact: true }).count()).toBe(0);
  expect(await page.getByText(inB.email, { exact: true }).count()).toBe(0);
  // An editor may read users but not invite them.
  expect(await page.getByRole("button", { name: "Undang pengguna", exact: true }).count()).toBe(0);

  // Searching for OPD B's officer by name gives the empty state.
  await page.getByLabel("Cari pengguna", { exact: true }).fill(`Petugas Pariwisata ${suffix}`);
  await page.getByText("Tidak ada pengguna yang cocok", { exact: true }).waitFor();
  expect(await page.getByTestId("user-row").count()).toBe(0);
  // …while the same search for the unit's officer finds exactly that one.
  await page.getByLabel("Cari pengguna", { exact: true }).fill(`Petugas Unit ${suffix}`);
  await unitRow.waitFor();
  expect(await page.getByTestId("user-row").count()).toBe(1);

  // Opening OPD B's officer by URL shows a not-found state, not their data.
  await page.goto(`/app/users/${inB.id}`);
  await page.getByText("Pengguna tidak ditemukan", { exact: true }).waitFor();
  expect(await page.getByText(inB.email, { exact: true }).count()).toBe(0);
  // The unit's officer opens normally.
  await page.goto(`/app/users/${inUnit.id}`);
  await page.getByRole("heading", { name: `Petugas Unit ${suffix}`, exact: true }).waitFor();
  await page.getByText(inUnit.email, { exact: true }).first().waitFor();

  // Admin-only pages are not offered, and their URLs send the editor away.
  await nav.getByRole("link", { name: "Organisasi", exact: true }).waitFor();
  for (const label of ["Log audit", "Kotak keluar", "Token API"]) {
    expect(await nav.getByRole("link", { name: label, exact: true }).count(), label).toBe(0);
  }
  await page.goto("/app/audit");
  await page.waitForURL((url) => !url.pathname.startsWith("/app/audit"));
  expect(await page.getByTestId("audit-row").count()).toBe(0);
});
