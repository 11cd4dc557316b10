import { z } from "zod";

export const releasePickupView = z.object({
  id: z.uuid(),
  contentId: z.uuid(),
  articleId: z.uuid(),
  outletId: z.uuid().nullable(),
  outletName: z.string().nullable(),
  articleUrl: z.string(),
  articleTitle: z.string(),
  publishedAt: z.string(),
  /** Share of the release's text the article used, 0..1. */
  containment: z.number(),
  beforeRelease: z.boolean(),
});
export type ReleasePickupView = z.infer<typeof releasePickupView>;

export const releasePickupList = z.object({
  items: z.array(releasePickupView),
  outlets: z.number().int(),
  firstAt: z.string().nullable(),
});

export const releasePickupQuery = z.object({
  outletId: z.uuid().optional(),
  contentId: z.uuid().optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
