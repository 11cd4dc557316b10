/**
 * Release pickup: which monitored articles ran a press release, and how much of it. Pure: the
 * sweep (pickup-sweep.ts) loads the rows. Each release's word shingles are computed once per
 * batch; an article's once; the score is the share of the release's shingles in the article
 * (`containment`), which stays high when an outlet adds its own paragraphs or trims the release.
 */
import { shingleHashes } from "../near-dup/minhash";
import { searchTokens } from "../text/tokenized-doc";

/** Share of a release's shingles an article must contain to count as a pickup. */
export const PICKUP_THRESHOLD = 0.2;
/** Releases shorter than this (in shingles) are too short to attribute a match to. */
export const MIN_RELEASE_SHINGLES = 15;
/** An article is compared with releases that went public up to this long before it... */
export const PICKUP_WINDOW_DAYS = 30;
/** ...or at most this long after it (an article that ran a release early broke its embargo). */
export const EARLY_WINDOW_HOURS = 48;

export interface PickupRelease {
  id: string;
  organizationPath: string;
  publicFrom: Date;
  text: string;
}

export interface PickupArticle {
  id: string;
  ownerPath: string;
  publishedAt: Date;
  text: string;
}

export interface PickupMatch {
  releaseId: string;
  articleId: string;
  containment: number;
  beforeRelease: boolean;
}

export function findPickups(releases: readonly PickupRelease[], articles: readonly PickupArticle[]): PickupMatch[] {
  const prepared = releases
    .map((r) => ({ ...r, shingles: shingleHashes(searchTokens(r.text)) }))
    .filter((r) => r.shingles.size >= MIN_RELEASE_SHINGLES);
  const out: PickupMatch[] = [];
  if (prepared.length === 0) return out;
  for (const article of articles) {
    const candidates = prepared.filter((r) => inWindow(r, article) && r.organizationPath.startsWith(article.ownerPath));
    if (candidates.length === 0) continue;
    const articleShingles = shingleHashes(searchTokens(article.text));
    for (const release of candidates) {
      let used = 0;
      for (const h of release.shingles) if (articleShingles.has(h)) used++;
      const containment = used / release.shingles.size;
      if (containment >= PICKUP_THRESHOLD) {
        out.push({
          releaseId: release.id,
          articleId: article.id,
          containment: Math.round(containment * 1000) / 1000,
          beforeRelease: article.publishedAt.getTime() < release.publicFrom.getTime(),
        });
      }
    }
  }
  return out;
}

function inWindow(release: PickupRelease, article: PickupArticle): boolean {
  const delta = article.publishedAt.getTime() - release.publicFrom.getTime();
  return delta <= PICKUP_WINDOW_DAYS * 86_400_000 && delta >= -EARLY_WINDOW_HOURS * 3_600_000;
}
