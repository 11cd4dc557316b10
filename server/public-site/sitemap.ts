import type { Executor } from "../db/client";
import { countPublicItems, latestPerOrganization, sitemapItems } from "./newsroom-queries";
import type { Directory } from "./page-cache";
import { escapeXml as x } from "./render/html";
import { absolute, homePath, itemPath } from "./render/labels";

/** The sitemap protocol's limit of URLs per file; past it, /sitemap.xml becomes an index. */
export const SITEMAP_MAX_URLS = 50_000;

const day = (ms: number) => new Date(ms).toISOString();
const NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"';

/**
 * `/sitemap.xml`: every active organization's home and every public item. When that is more
 * than one file may hold, it is a sitemap index: part 1 the homes, parts 2… the items.
 * `part` selects one of those files (null: the whole, or the index).
 */
export async function renderSitemap(db: Executor, base: string, dir: Directory, part: number | null): Promise<string | null> {
  const total = await countPublicItems(db);
  const single = total + dir.list.length <= SITEMAP_MAX_URLS;
  if (part === null && !single) {
    const parts = 1 + Math.ceil(total / SITEMAP_MAX_URLS);
    const list = Array.from(
      { length: parts },
      (_, i) => `<sitemap><loc>${x(absolute(base, `/sitemap.xml?bagian=${i + 1}`))}</loc></sitemap>`,
    );
    return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex ${NS}>\n${list.join("\n")}\n</sitemapindex>\n`;
  }
  const urls: string[] = [];
  if (part === null || part === 1) urls.push(...(await homes(db, base, dir)));
  if (part === null || part >= 2) {
    const offset = part === null ? 0 : (part - 2) * SITEMAP_MAX_URLS;
    if (part !== null && offset >= total) return null;
    for (const row of await sitemapItems(db, offset, SITEMAP_MAX_URLS)) {
      urls.push(`<url><loc>${x(absolute(base, itemPath(row.orgSlug, row.slug)))}</loc><lastmod>${day(row.lastmod)}</lastmod></url>`);
    }
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset ${NS}>\n${urls.join("\n")}\n</urlset>\n`;
}

/** Organization homes; lastmod is the newest public item of the subtree they show. */
async function homes(db: Executor, base: string, dir: Directory): Promise<string[]> {
  const latest = await latestPerOrganization(db);
  const subtreeLatest = new Map<string, number>();
  for (const [orgId, at] of latest) {
    const org = dir.byId.get(orgId);
    if (!org) continue;
    // Every ancestor's home lists it too: the path holds their ids.
    for (const id of org.path.split("/").filter(Boolean)) subtreeLatest.set(id, Math.max(subtreeLatest.get(id) ?? 0, at));
  }
  return dir.list.map((org) => {
    const at = Math.max(subtreeLatest.get(org.id) ?? 0, org.updatedAt);
    return `<url><loc>${x(absolute(base, homePath(org, dir.top)))}</loc><lastmod>${day(at)}</lastmod></url>`;
  });
}
