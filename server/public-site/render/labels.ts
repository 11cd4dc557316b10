import type { NewsroomOrg, NewsroomType } from "../newsroom-queries";

export const TYPE_LABELS: Record<NewsroomType, string> = {
  siaran_pers: "Siaran Pers",
  berita: "Berita",
  foto: "Foto Jurnalistik",
  infografis: "Infografis",
  video: "Video",
  pengumuman: "Pengumuman",
  klarifikasi: "Klarifikasi Hoaks",
};

/** A newsroom's home: the top organization lives at `/`, every other at `/<slug>`. */
export const homePath = (org: { id: string; slug: string }, top: NewsroomOrg | null) => (top && org.id === top.id ? "/" : `/${org.slug}`);
export const itemPath = (orgSlug: string, slug: string) => `/${orgSlug}/${slug}`;
export const mediaPath = (assetId: string, rendition: string) => `/media/${assetId}/${rendition}`;
export const absolute = (base: string, path: string) => `${base.replace(/\/$/, "")}${path}`;

/** Feeds of a newsroom: the top one's at the root, like its home. */
export function feedPaths(org: { id: string; slug: string }, top: NewsroomOrg | null) {
  const prefix = top && org.id === top.id ? "" : `/${org.slug}`;
  return { rss: `${prefix}/feed.xml`, atom: `${prefix}/atom.xml` };
}
