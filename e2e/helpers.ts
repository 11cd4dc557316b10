/** Shared steps of the end-to-end flows: sign-in through the UI and Mantine Select picking. */

import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";

/** Signs in through /app/sign-in and waits until the signed-in shell shows the main navigation. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/app/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Kata sandi", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/app/sign-in"));
  await page.getByRole("navigation", { name: "Navigasi utama" }).waitFor({ state: "attached" });
}

/**
 * Mantine Select: open the combobox by clicking its input, then click the option by its exact
 * name. Clicking the option already chosen would deselect it, so a chosen value is kept.
 */
export async function pick(scope: Page | Locator, label: string, option: string): Promise<void> {
  const page = "page" in scope ? scope.page() : scope;
  const input = scope.getByLabel(label, { exact: true });
  if ((await input.inputValue()) === option) return;
  await input.click();
  await page.getByRole("option", { name: option, exact: true }).click();
  await expect.poll(() => input.inputValue()).toBe(option);
}

/** Typed into a searchable Select first, so long lists (every organization) stay short. */
export async function searchAndPick(scope: Page | Locator, label: string, option: string): Promise<void> {
  const page = "page" in scope ? scope.page() : scope;
  const input = scope.getByLabel(label, { exact: true });
  if ((await input.inputValue()) === option) return;
  await input.click();
  await input.fill(option);
  await page.getByRole("option", { name: option, exact: true }).click();
  await expect.poll(() => input.inputValue()).toBe(option);
}

/** Width the page can scroll to horizontally; equal to the viewport when nothing overflows. */
export function scrollWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

/** True when any part of the element lies inside the viewport (an off-canvas navbar does not). */
export async function onScreen(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const size = locator.page().viewportSize();
  if (!box || !size) return false;
  return box.x + box.width > 0 && box.x < size.width && box.y + box.height > 0 && box.y < size.height;
}
