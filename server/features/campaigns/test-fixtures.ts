import type { ContentType } from "../../../common/schemas/content";
import { channelAccounts, contentItems, contentPublications, mediaAssets } from "../../db/schema";
import { newId } from "../../lib/ids";
import type { Services } from "../../services";

/** A content row written directly (the workflow itself is the content studio's tests' business). */
export async function insertItem(
  services: Services,
  organizationId: string,
  opts: {
    status?: string;
    campaignId?: string | null;
    title?: string;
    type?: ContentType;
    publishAt?: Date | null;
    publishedAt?: Date | null;
    publicFrom?: Date | null;
    embargoUntil?: Date | null;
  } = {},
) {
  const id = newId();
  await services.db.insert(contentItems).values({
    id,
    organizationId,
    type: opts.type ?? "siaran_pers",
    title: opts.title ?? `Siaran pers ${id.slice(-6)}`,
    slug: `siaran-${id.slice(-12)}`,
    status: opts.status ?? "draft",
    campaignId: opts.campaignId ?? null,
    publishAt: opts.publishAt ?? null,
    publishedAt: opts.publishedAt ?? null,
    publicFrom: opts.publicFrom ?? opts.publishedAt ?? null,
    embargoUntil: opts.embargoUntil ?? null,
  });
  return id;
}

/** A published post of an item on a (fake) channel account of its organization. */
export async function insertPublication(services: Services, contentId: string, organizationId: string, url: string) {
  const account = newId();
  await services.db.insert(channelAccounts).values({ id: account, organizationId, platform: "telegram", name: "Kanal Humas" });
  await services.db.insert(contentPublications).values({
    id: newId(),
    contentId,
    channelAccountId: account,
    organizationId,
    status: "published",
    url,
    publishedAt: new Date(),
  });
}

export async function insertAsset(services: Services, organizationId: string) {
  const id = newId();
  await services.db.insert(mediaAssets).values({
    id,
    organizationId,
    kind: "image",
    fileKey: `media/${id}`,
    fileName: "poster.jpg",
    mime: "image/jpeg",
    sizeBytes: 1000,
  });
  return id;
}
