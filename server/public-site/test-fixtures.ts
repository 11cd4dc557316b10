import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import type { ContentFields } from "../../common/schemas/content";
import { contentAssets, contentItems, mediaAssets, organizations } from "../db/schema";
import { newId } from "../lib/ids";
import type { Services } from "../services";
import type { SeedOrg } from "../setup/seed-helpers";

/**
 * Rows for newsroom tests, written straight to the database (the newsroom reads content the
 * studio wrote). Each write is followed by `changes.local()`, as a command's commit does.
 */
const HOUR = 3_600_000;
const uid = () => randomBytes(3).toString("hex");

export interface ItemInput {
  type?: string;
  title?: string;
  slug?: string;
  summary?: string;
  bodyHtml?: string;
  bodyText?: string;
  fields?: ContentFields;
  status?: string;
  /** Hours from now (negative: past); default one hour ago. */
  publicInHours?: number;
  coverAssetId?: string | null;
  views?: number;
}

export async function insertItem(services: Services, org: SeedOrg, input: ItemInput = {}) {
  const id = newId();
  const title = input.title ?? `Siaran pers uji ${uid()}`;
  const publicFrom = new Date(Date.now() + (input.publicInHours ?? -1) * HOUR);
  const row = {
    id,
    organizationId: org.id,
    type: input.type ?? "berita",
    title,
    slug:
      input.slug ??
      `${title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "")}-${uid()}`,
    summary: input.summary ?? "",
    bodyHtml: input.bodyHtml ?? "<p>Isi konten.</p>",
    bodyText: input.bodyText ?? (input.bodyHtml ?? "<p>Isi konten.</p>").replace(/<[^>]*>/g, " "),
    fields: (input.fields ?? {}) as Record<string, unknown>,
    status: input.status ?? "published",
    publishedAt: new Date(Math.min(Date.now(), publicFrom.getTime())),
    publicFrom: input.status && input.status !== "published" ? null : publicFrom,
    embargoUntil: publicFrom.getTime() > Date.now() ? publicFrom : null,
    coverAssetId: input.coverAssetId ?? null,
    views: input.views ?? 0,
  };
  await services.db.insert(contentItems).values(row);
  services.changes.local("sinergi_content");
  return row;
}

/** A JPEG of the given size and colour (sharp re-encodes nothing here: it is the test's input). */
export const jpeg = (width: number, height: number, color = { r: 20, g: 90, b: 160 }) =>
  sharp({ create: { width, height, channels: 3, background: color } })
    .jpeg()
    .toBuffer();

/**
 * An image asset with its renditions in the file store, as the media library keeps them; the
 * original is stored too (under its own key) so tests can prove it is never served.
 */
export async function insertImageAsset(services: Services, org: SeedOrg, meta: Partial<typeof mediaAssets.$inferInsert> = {}) {
  const id = newId();
  const renditions: Record<string, { key: string; mime: string; width: number; height: number }> = {};
  for (const [name, w, h] of [
    ["thumb", 40, 30],
    ["medium", 80, 60],
    ["large", 160, 120],
    ["og", 120, 63],
  ] as const) {
    const key = `media/${id}/${name}.jpg`;
    await services.files.put(key, await jpeg(w, h));
    renditions[name] = { key, mime: "image/jpeg", width: w, height: h };
  }
  await services.files.put(`media/${id}/original.jpg`, await jpeg(320, 240));
  await services.db.insert(mediaAssets).values({
    id,
    organizationId: org.id,
    kind: "image",
    fileKey: `media/${id}/original.jpg`,
    fileName: "foto.jpg",
    mime: "image/jpeg",
    sizeBytes: 1000,
    width: 320,
    height: 240,
    renditions,
    caption: "Keterangan foto",
    credit: "Humas Uji",
    ...meta,
  });
  return { id, renditions };
}

export async function insertVideoAsset(services: Services, org: SeedOrg, data: Buffer) {
  const id = newId();
  await services.files.put(`media/${id}/video.mp4`, data);
  await services.db.insert(mediaAssets).values({
    id,
    organizationId: org.id,
    kind: "video",
    fileKey: `media/${id}/video.mp4`,
    fileName: "video.mp4",
    mime: "video/mp4",
    sizeBytes: data.length,
    durationSeconds: 75,
  });
  return { id };
}

export async function linkAsset(services: Services, contentId: string, assetId: string, role = "photo", position = 0) {
  await services.db.insert(contentAssets).values({ contentId, assetId, role, position });
  services.changes.local("sinergi_content");
}

export async function setLogo(services: Services, org: SeedOrg, png: Buffer) {
  const key = `logos/${org.id}.png`;
  await services.files.put(key, png);
  await services.db.update(organizations).set({ logoKey: key }).where(eq(organizations.id, org.id));
  services.changes.local("sinergi_directory");
}

export async function orgSlug(services: Services, org: SeedOrg): Promise<string> {
  const [row] = await services.db.select({ slug: organizations.slug }).from(organizations).where(eq(organizations.id, org.id));
  return row.slug;
}

/** A browser-like GET without credentials (a reader's browser, not a crawler). */
export const BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36";
export async function get(baseUrl: string, path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${baseUrl}${path}`, { headers: { "user-agent": BROWSER_UA, ...headers }, redirect: "manual" });
  const body = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, body, text: body.toString("utf8") };
}
