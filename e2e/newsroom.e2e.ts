/**
 * The public newsroom in Chromium: home, search, item pages of several types and the 404 page
 * pass axe-core's WCAG 2.1 A/AA rules; the filter form works with JavaScript switched off; a
 * phone-wide page does not scroll sideways.
 */
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { insertImageAsset, insertItem, linkAsset, orgSlug, setLogo } from "../server/public-site/test-fixtures";
import { createTree, type TestTree } from "../server/test/factories";
import { type E2E, startE2E } from "./harness";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

let e2e: E2E;
let tree: TestTree;
const paths: Record<string, string> = {};
beforeAll(async () => {
  e2e = await startE2E();
  const s = e2e.server.services;
  tree = await createTree(s);
  const sharp = (await import("sharp")).default;
  await setLogo(
    s,
    tree.root,
    await sharp({ create: { width: 64, height: 64, channels: 4, background: "#0a4d8c" } })
      .png()
      .toBuffer(),
  );
  const [opdA, opdB, kominfo] = [await orgSlug(s, tree.opdA), await orgSlug(s, tree.opdB), await orgSlug(s, tree.diskominfo)];

  const cover = await insertImageAsset(s, tree.opdA, {
    altText: "Petugas kesehatan memberi vaksin kepada anak",
    caption: "Vaksinasi di Denpasar",
  });
  const release = await insertItem(s, tree.opdA, {
    type: "siaran_pers",
    title: "Dinkes Bali gelar vaksinasi massal di sembilan kabupaten/kota",
    summary: "Vaksinasi digelar serentak selama tiga hari.",
    coverAssetId: cover.id,
    bodyHtml:
      '<p>Kegiatan berlangsung di puskesmas dan balai banjar.</p><h2>Jadwal</h2><ul><li>Sabtu: Denpasar</li><li>Minggu: Badung</li></ul><p>Informasi: <a href="https://diskes.baliprov.go.id">diskes.baliprov.go.id</a>.</p>',
    fields: {
      dateline: "Denpasar",
      lead: "Dinas Kesehatan Provinsi Bali menggelar vaksinasi massal pada Sabtu (21/11).",
      quotes: [{ text: "Kami mengajak seluruh warga hadir.", speaker: "dr. Made Sutama", role: "Kepala Dinas Kesehatan" }],
      contactName: "Ni Luh Putu Ayu",
      contactPhone: "0812-3456-7890",
      contactEmail: "humas@diskes.baliprov.go.id",
      boilerplate: "Dinas Kesehatan Provinsi Bali melayani kesehatan masyarakat.",
    },
  });
  await linkAsset(s, release.id, cover.id, "cover");
  const p1 = await insertImageAsset(s, tree.opdB, { altText: "Penari Legong di panggung terbuka" });
  const photos = await insertItem(s, tree.opdB, {
    type: "foto",
    title: "Pesona tari Legong di Ubud",
    fields: {
      photos: [{ assetId: p1.id, caption: "Penari Legong tampil di Ubud", credit: "I Made Wirawan", place: "Ubud", takenAt: "2026-11-20" }],
    },
  });
  await linkAsset(s, photos.id, p1.id, "photo");
  const hoax = await insertItem(s, tree.diskominfo, {
    type: "klarifikasi",
    title: "Pesan berantai bantuan tunai Rp5 juta",
    fields: {
      hoaxLabel: "HOAKS",
      claim: "Pemprov disebut membagikan bantuan lewat tautan.",
      circulatedOn: "WhatsApp",
      facts: "Pemprov tidak pernah membagikan bantuan lewat tautan.",
      agencyStatement: "Jangan isi data pribadi di tautan itu.",
      references: ["https://www.komdigi.go.id/"],
    },
  });
  for (let i = 0; i < 22; i++)
    await insertItem(s, tree.opdB, { title: `Kabar pariwisata ${i + 1}`, summary: "Ringkasan kabar.", publicInHours: -10 - i });
  Object.assign(paths, {
    home: "/",
    agency: `/${opdA}`,
    search: "/?q=vaksinasi",
    release: `/${opdA}/${release.slug}`,
    photos: `/${opdB}/${photos.slug}`,
    hoax: `/${kominfo}/${hoax.slug}`,
    missing: "/tidak-ada-halaman-ini",
  });
});
afterAll(async () => {
  await e2e?.close();
});

async function newPage(options: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number } } = {}): Promise<Page> {
  // The pages forbid every script (CSP); axe is injected, so this context bypasses the policy.
  const context = await e2e.browser.newContext({ baseURL: e2e.server.baseUrl, locale: "id-ID", bypassCSP: true, ...options });
  context.setDefaultTimeout(15_000);
  return context.newPage();
}

test("home, search, item pages and the 404 page pass axe-core WCAG 2.1 A/AA", async () => {
  const page = await newPage();
  for (const [name, path] of Object.entries(paths)) {
    const res = await page.goto(path);
    expect(res?.status(), name).toBe(name === "missing" ? 404 : 200);
    await page.addScriptTag({ path: AXE });
    const result = await page.evaluate(
      (tags) =>
        (
          window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: unknown[]; passes: unknown[] }> } }
        ).axe.run(document, {
          runOnly: { type: "tag", values: tags },
        }),
      WCAG,
    );
    // The rules did run (a page axe could not read would pass vacuously).
    expect(result.passes.length, name).toBeGreaterThan(5);
    const violations = (result.violations as { id: string; nodes: { target: string[] }[] }[]).map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
    );
    expect(violations, `${name} ${path}`).toEqual([]);
  }
});

test("the filter form and paging work with JavaScript switched off", async () => {
  const page = await newPage({ javaScriptEnabled: false });
  await page.goto("/");
  await page.getByRole("heading", { level: 1, name: tree.names.root }).waitFor();
  await page.getByLabel("Jenis konten").selectOption("klarifikasi");
  await page.getByRole("button", { name: "Terapkan" }).click();
  await page.waitForURL(/type=klarifikasi/);
  await page.getByRole("link", { name: "[HOAKS] Pesan berantai bantuan tunai Rp5 juta" }).waitFor();
  expect(await page.locator("ol.items > li").count()).toBe(1);

  await page.getByRole("link", { name: "Hapus filter" }).click();
  await page.getByLabel("Instansi").selectOption({ label: tree.names.opdB });
  await page.getByLabel("Kata kunci").fill("kabar");
  await page.getByRole("button", { name: "Terapkan" }).click();
  await page.waitForURL(/q=kabar/);
  expect(await page.locator("ol.items > li").count()).toBe(20);
  await page.getByRole("link", { name: "Berikutnya →" }).click();
  await page.waitForURL(/page=2/);
  expect(await page.locator("ol.items > li").count()).toBe(2);
  await page.getByRole("link", { name: "Kabar pariwisata 22" }).click();
  await page.getByRole("heading", { level: 1, name: "Kabar pariwisata 22" }).waitFor();
});

test("an item page fits a 360 px phone and shows its cover and quote", async () => {
  const page = await newPage({ viewport: { width: 360, height: 740 } });
  await page.goto(paths.release);
  await page.getByRole("img", { name: "Petugas kesehatan memberi vaksin kepada anak" }).waitFor();
  await page.getByText("— dr. Made Sutama, Kepala Dinas Kesehatan").waitFor();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  // The cover loaded (a public rendition), not a broken image.
  expect(
    await page
      .getByRole("img", { name: "Petugas kesehatan memberi vaksin kepada anak" })
      .evaluate((img) => (img as HTMLImageElement).naturalWidth),
  ).toBeGreaterThan(0);
});
