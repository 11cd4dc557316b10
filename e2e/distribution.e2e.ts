/**
 * Flow (issue 5, distribution): an editor builds a static contact list of three journalists in
 * the staff app (live count), sends a published press release to it from the content page → all
 * three arrive at the test SMTP server → one journalist unsubscribes with the RFC 8058 one-click
 * POST of the List-Unsubscribe URL → the next send skips them.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { journalistsWithOutlet, publishedRelease } from "../server/features/distribution/test-support";
import { createTree, createUser, signedIn, TEST_PASSWORD } from "../server/test/factories";
import { type E2E, startE2E } from "./harness";
import { searchAndPick, signIn } from "./helpers";

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E({ env: { MAIL_FROM: "Sinergi <humas@sinergi.test>" } });
});
afterAll(async () => e2e?.close());

const PEOPLE = [
  { name: "Ani Lestari", email: "ani.lestari@kaltimpos.test" },
  { name: "Budi Santoso", email: "budi.santoso@kaltimpos.test" },
  { name: "Citra Dewi", email: "citra.dewi@kaltimpos.test" },
];
const received = (to: string) => e2e.smtp.received.filter((m) => m.to.includes(to)).length;

async function sendFromContentPage(page: Page, contentId: string, listName: string) {
  await page.goto(`/app/content/${contentId}`);
  const panel = page.getByRole("region", { name: "Distribusikan" });
  await panel.getByRole("tab", { name: "Email" }).click();
  await panel.getByLabel("Daftar kontak", { exact: true }).click();
  await page.getByRole("option", { name: new RegExp(`^${listName}`) }).click();
  await page.keyboard.press("Escape");
  await panel.getByRole("button", { name: "Kirim", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Kirim siaran pers?" });
  await dialog.getByRole("button", { name: "Kirim", exact: true }).click();
  // After the send the panel shows its history with per-recipient status.
  await panel.getByRole("tab", { name: "Riwayat pengiriman", selected: true }).waitFor();
}

test("distribution: list of 3 → all arrive → one unsubscribes (one-click) → next send skips them", async () => {
  const { services } = e2e.server;
  const tree = await createTree(services);
  const editor = await createUser(services, [{ org: tree.opdA, role: "editor" }], { name: "Ayu Editor" });
  const api = await signedIn(e2e.server, tree.opdA, "editor");
  await journalistsWithOutlet(api.client, tree.opdA, PEOPLE);
  const item = await publishedRelease(e2e.server, tree.opdA);

  const page = await e2e.newPage();
  await signIn(page, editor.email, TEST_PASSWORD);

  // The list, built in the staff app with its live recipient count.
  await page.goto("/app/contact-lists");
  await page.getByText("Belum ada daftar kontak.").waitFor();
  await page.getByRole("button", { name: "Buat daftar" }).click();
  const modal = page.getByRole("dialog", { name: "Buat daftar" });
  await modal.getByLabel("Nama daftar").fill("Wartawan Kaltim Pos");
  await searchAndPick(modal, "Organisasi pemilik", tree.names.opdA);
  for (const p of PEOPLE) {
    const input = modal.getByLabel("Wartawan", { exact: true });
    await input.click();
    await input.fill(p.name.split(" ")[0]);
    await page.getByRole("option", { name: `${p.name} (${p.email})` }).click();
  }
  await modal.getByText(/^3 penerima memenuhi syarat/).waitFor();
  await modal.getByRole("button", { name: "Simpan" }).click();
  await page.getByText("Wartawan Kaltim Pos").waitFor();
  await page.getByText("3 penerima").waitFor();

  // First send: all three arrive.
  await sendFromContentPage(page, item.id, "Wartawan Kaltim Pos");
  for (const p of PEOPLE) await e2e.smtp.waitFor(p.email, 30_000);
  for (const p of PEOPLE) expect(received(p.email)).toBe(1);
  const budi = await e2e.smtp.waitFor(PEOPLE[1].email);
  expect(budi.text).toContain("Yth. Bapak/Ibu Budi Santoso,");
  expect(budi.headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");

  // Budi unsubscribes the way a mail client does it (RFC 8058).
  const url = (/<(https?:[^>]+)>/.exec(String(budi.headers.get("list-unsubscribe"))) as RegExpExecArray)[1];
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "List-Unsubscribe=One-Click",
  });
  expect(res.status).toBe(200);

  // Second send: Ani and Citra receive it again, Budi is skipped and shown as such.
  await sendFromContentPage(page, item.id, "Wartawan Kaltim Pos");
  await expect.poll(() => received(PEOPLE[0].email) + received(PEOPLE[2].email), { timeout: 30_000 }).toBe(4);
  expect(received(PEOPLE[1].email)).toBe(1);
  const panel = page.getByRole("region", { name: "Distribusikan" });
  await panel.getByText("Dilewati (berhenti berlangganan): 1").first().waitFor();
});
