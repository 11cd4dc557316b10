/**
 * Flow 3: the staff app on a 360 px phone. The navigation opens from the burger, the account
 * page switches the language to English, and no page scrolls sideways.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import { createTree, createUser, TEST_PASSWORD } from "../server/test/factories";
import { type E2E, startE2E } from "./harness";
import { onScreen, pick, scrollWidth, signIn } from "./helpers";

const PHONE = { width: 360, height: 740 };

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

test("an officer on a phone switches the app to English; pages fit 360 px", async () => {
  const tree = await createTree(e2e.server.services);
  const officer = await createUser(e2e.server.services, [{ org: tree.unitA, role: "officer" }], { name: "Petugas Ponsel" });

  const page = await e2e.newPage(PHONE);
  await signIn(page, officer.email, TEST_PASSWORD);
  await page.getByRole("heading", { name: "Organisasi", exact: true }).waitFor();
  await page.getByText(tree.names.unitA, { exact: true }).waitFor();
  expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);

  // On a phone the navigation is behind the burger.
  const nav = page.getByRole("navigation", { name: "Navigasi utama" });
  const account = nav.getByRole("link", { name: "Akun saya", exact: true });
  expect(await onScreen(account)).toBe(false);
  await page.getByRole("button", { name: "Menu", exact: true }).click();
  await account.click();
  await page.getByRole("heading", { name: "Akun saya", exact: true }).waitFor();
  await expect.poll(() => onScreen(account)).toBe(false); // the navbar closes after picking a page
  expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);

  await pick(page, "Bahasa", "English");
  await page.getByRole("button", { name: "Simpan", exact: true }).first().click();
  await page.getByRole("heading", { name: "My account", exact: true }).waitFor();
  await page.getByRole("heading", { name: "Profile", exact: true }).waitFor();
  await page.getByLabel("Language", { exact: true }).waitFor();
  await page.getByRole("button", { name: "Menu", exact: true }).click();
  const enNav = page.getByRole("navigation", { name: "Main navigation" });
  await enNav.getByRole("link", { name: "Organizations", exact: true }).waitFor();
  await page.getByRole("button", { name: "Sign out", exact: true }).waitFor();

  // The choice is saved on the account: a reload keeps English.
  await page.reload();
  await page.getByRole("heading", { name: "My account", exact: true }).waitFor();
  expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
});

test("an admin's organization, user and audit pages fit 360 px", async () => {
  const tree = await createTree(e2e.server.services);
  const admin = await createUser(e2e.server.services, [{ org: tree.root, role: "admin" }]);
  await createUser(e2e.server.services, [{ org: tree.opdA, role: "editor" }], { name: "Editor Dengan Nama Yang Cukup Panjang Sekali" });

  const page = await e2e.newPage(PHONE);
  await signIn(page, admin.email, TEST_PASSWORD);
  await page.goto("/app/organizations");
  await page.getByText(tree.names.unitA, { exact: true }).waitFor();
  expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);

  await page.goto("/app/users");
  await page.getByRole("link", { name: "Editor Dengan Nama Yang Cukup Panjang Sekali", exact: true }).waitFor();
  expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);

  await page.goto("/app/audit");
  await page.getByRole("heading", { name: "Log audit", exact: true }).waitFor();
  expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
});
