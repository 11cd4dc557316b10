/**
 * Flow (issue 4): an officer writes a press release with a photo → the editor returns it with a
 * note → the officer revises and resubmits → the editor approves and publishes it under an
 * embargo to a Telegram channel → before the embargo nothing is public; once it lifts, the item is
 * in the newsroom, in its RSS feed and in the local Telegram server's received posts, exactly once.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, expect, test } from "vitest";
import { releaseDue } from "../server/features/content/commands/release";
import { createTree, createUser, signedIn, TEST_PASSWORD } from "../server/test/factories";
import { type FakeTelegram, startFakeTelegram } from "../server/test/fake-platforms";
import { type E2E, startE2E } from "./harness";
import { signIn } from "./helpers";

const TITLE = "Dinkes Bali Gelar Vaksinasi Serentak di Sembilan Kabupaten/Kota";
const BOT_TOKEN = "7000000001:AAFakeTokenForTheLocalTelegramServer01";

let e2e: E2E;
let telegram: FakeTelegram;
beforeAll(async () => {
  telegram = await startFakeTelegram({ token: BOT_TOKEN, chats: ["@humasdinkesuji"] });
  e2e = await startE2E({ env: { TELEGRAM_API_URL: telegram.url, OUTBOUND_ALLOW: "127.0.0.1" } });
});
afterAll(async () => {
  await e2e?.close();
  await telegram?.close();
});

/** A JPEG photo file on disk, as a phone would hand it to the browser. */
async function photoFile(): Promise<string> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "sinergi-e2e-")), "vaksinasi.jpg");
  const data = await sharp({ create: { width: 1600, height: 1067, channels: 3, background: "#2e7d32" } })
    .jpeg({ quality: 80 })
    .toBuffer();
  writeFileSync(file, data);
  return file;
}

/** `datetime-local` value in WITA (the test province's zone is derived from Bali, code 51). */
function witaInput(date: Date): string {
  return new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
}

async function openFromQueue(page: Page, title: string) {
  await page.goto("/app/content?view=queue");
  await page.getByRole("link", { name: title }).first().click();
  await page.getByRole("heading", { name: title }).waitFor();
}

test("press release: write with a photo, return, revise, approve with an embargo, publish once", async () => {
  const { services } = e2e.server;
  const tree = await createTree(services);
  const officer = await createUser(services, [{ org: tree.opdA, role: "officer" }], { name: "Komang Pranata" });
  const editor = await createUser(services, [{ org: tree.opdA, role: "editor" }], { name: "Ayu Editor" });
  // The agency's Telegram channel, connected through the API by its editor.
  const api = await signedIn(e2e.server, tree.opdA, "editor");
  const channel = await api.client.post("/api/v1/channels", {
    organizationId: tree.opdA.id,
    name: "Kanal Telegram Dinkes",
    connection: { platform: "telegram", botToken: BOT_TOKEN, chatId: "@humasdinkesuji" },
  });
  expect(channel.status, channel.text).toBe(201);

  // 1. The officer writes the release with a cover photo and submits it.
  const author = await e2e.newPage();
  await signIn(author, officer.email, TEST_PASSWORD);
  await author.goto("/app/content/new?type=siaran_pers");
  await author.getByLabel("Judul", { exact: true }).fill(TITLE);
  await author.getByLabel("Ringkasan", { exact: true }).fill("Vaksinasi digelar serentak selama tiga hari.");
  await author.getByRole("textbox", { name: "Isi", exact: true }).fill("Dinas Kesehatan Provinsi Bali menggelar vaksinasi serentak.");
  await author.getByLabel("Dateline", { exact: true }).fill("Denpasar");
  await author.getByLabel("Teras berita (lead)", { exact: true }).fill("Vaksinasi menjangkau sembilan kabupaten/kota di Bali.");
  await author.getByLabel("Narahubung", { exact: true }).fill("Ni Luh Putu");
  await author.getByLabel("Boilerplate", { exact: true }).fill("Dinas Kesehatan Provinsi Bali melayani kesehatan masyarakat.");
  await author.getByRole("button", { name: "Pilih gambar sampul" }).click();
  const picker = author.getByRole("dialog", { name: "Pustaka Media" });
  await picker.locator('input[type="file"]').setInputFiles(await photoFile());
  await expect.poll(() => picker.getByRole("button", { name: "Gunakan" }).isEnabled(), { timeout: 20_000 }).toBe(true);
  await picker.getByRole("button", { name: "Gunakan" }).click();
  await author.getByRole("button", { name: "Simpan & ajukan" }).click();
  await author.getByText("Dalam peninjauan").first().waitFor();
  const itemUrl = author.url();
  const id = /content\/([0-9a-f-]{36})/.exec(itemUrl)?.[1] as string;
  expect(id).toBeTruthy();

  // 2. The editor finds it waiting and returns it with a note.
  const desk = await e2e.newPage();
  await signIn(desk, editor.email, TEST_PASSWORD);
  await openFromQueue(desk, TITLE);
  await desk.getByRole("button", { name: "Kembalikan", exact: true }).click();
  const returnDialog = desk.getByRole("dialog", { name: "Kembalikan ke penulis" });
  await returnDialog.getByLabel("Catatan perbaikan").fill("Tambahkan kutipan Kepala Dinas.");
  await returnDialog.getByRole("button", { name: "Kembalikan", exact: true }).click();
  await desk.getByText("Dikembalikan").first().waitFor();

  // 3. The officer reads the note, adds the quote and resubmits.
  await author.reload();
  await author.getByText("Tambahkan kutipan Kepala Dinas.").first().waitFor();
  await author.getByRole("link", { name: "Ubah" }).click();
  await author.getByRole("button", { name: "Tambah kutipan" }).click();
  await author.getByLabel("Isi kutipan", { exact: true }).fill("Kami mengajak orang tua membawa anaknya ke posyandu.");
  await author.getByLabel("Narasumber", { exact: true }).fill("dr. I Nyoman Gede");
  await author.getByLabel("Jabatan narasumber", { exact: true }).fill("Kepala Dinas Kesehatan");
  await author.getByRole("button", { name: "Simpan & ajukan" }).click();
  await author.getByText("Dalam peninjauan").first().waitFor();

  // 4. The editor approves and publishes now, embargoed to the next whole minute, to Telegram.
  await openFromQueue(desk, TITLE);
  await desk.getByRole("button", { name: "Setujui", exact: true }).click();
  const approveDialog = desk.getByRole("dialog", { name: "Setujui konten" });
  await approveDialog.getByRole("button", { name: "Setujui", exact: true }).click();
  await desk.getByText("Disetujui", { exact: true }).first().waitFor();
  const now = Date.now();
  // At least 25 s ahead, so that the checks below run before it lifts.
  const embargo = new Date(Math.ceil((now + 25_000) / 60_000) * 60_000);
  await desk.getByRole("button", { name: "Jadwalkan", exact: true }).click();
  const scheduleDialog = desk.getByRole("dialog", { name: "Jadwalkan penerbitan" });
  await scheduleDialog.getByLabel("Waktu terbit (WITA)").fill(witaInput(new Date(now - 60_000)));
  await scheduleDialog.getByRole("switch", { name: "Embargo" }).check();
  await scheduleDialog.getByLabel("Embargo hingga (WITA)").fill(witaInput(embargo));
  await scheduleDialog.getByRole("checkbox", { name: /Kanal Telegram Dinkes/ }).check();
  await scheduleDialog.getByRole("button", { name: "Jadwalkan", exact: true }).click();
  await desk.getByText("Embargo hingga").first().waitFor();

  // 5. Before the embargo: not at its URL, not in the feed, not on Telegram.
  const [row] = (
    (await services.database.sql.query(
      `select o.slug as org, c.slug as item from content_items c join organizations o on o.id = c.organization_id where c.id = $1`,
      [id],
    )) as unknown as { rows: { org: string; item: string }[] }
  ).rows;
  const publicPath = `/${row.org}/${row.item}`;
  const reader = await e2e.newPage();
  expect((await reader.goto(publicPath))?.status()).toBe(404);
  expect(await (await fetch(`${e2e.server.baseUrl}/${row.org}/feed.xml`)).text()).not.toContain(TITLE);
  await releaseDue(services);
  expect(telegram.received).toHaveLength(0);

  // 6. The scheduler's sweep after the embargo time: public at the same URL, in RSS, on Telegram once.
  await new Promise((r) => setTimeout(r, Math.max(0, embargo.getTime() - Date.now() + 500)));
  await releaseDue(services);
  await releaseDue(services);
  expect((await reader.goto(publicPath))?.status()).toBe(200);
  await reader.getByRole("heading", { name: TITLE }).waitFor();
  await reader.getByText("Kami mengajak orang tua membawa anaknya ke posyandu.").waitFor();
  const feed = await (await fetch(`${e2e.server.baseUrl}/${row.org}/feed.xml`)).text();
  expect(feed.split(TITLE).length - 1).toBe(1);
  expect(telegram.received).toHaveLength(1);
  expect(telegram.received[0].text).toContain(TITLE);

  // The studio shows where it went.
  await desk.reload();
  await desk.getByRole("tab", { name: /Publikasi/ }).click();
  await desk.getByText("Kanal Telegram Dinkes").first().waitFor();
}, 240_000);
