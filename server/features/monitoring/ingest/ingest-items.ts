/**
 * The monitoring pipeline: a batch of raw items from one source becomes articles, in one
 * transaction. Stages, per item: validation (a bad item is rejected alone), canonical URL,
 * exact dedup by canonical URL and content hash (a changed article at a known URL updates its
 * row), language, near-duplicate group (MinHash + LSH against stored fingerprints), story
 * cluster, watchlist matches with the tone around each mention, hoax-likeness and a match
 * against the register of hoax clarifications. The full-text vector is a generated column.
 * Announces `monitoring.mentions` once per call when any watchlist matched.
 *
 * Cheap checks run first and the expensive stages only for items that will be written; every
 * query is per batch (existing rows, candidates, watchlists, stories, clarifications), never per
 * item, so the cost is dominated by the text work, which tokenises each article once.
 */
import { createHash } from "node:crypto";
import { and, eq, inArray, isNull, notInArray, or, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { articleFingerprints, articleMentions, articles, mediaOutlets, organizations, watchlists } from "../../../db/schema";
import { emit } from "../../../lib/domain-events";
import { newId } from "../../../lib/ids";
import { hoaxLikeness } from "../hoax/hoax-model";
import { type Fingerprint, fingerprintTokens, NearDupIndex } from "../near-dup";
import { type TokenizedDoc, tokenizeDoc } from "../text/tokenized-doc";
import { toneAround } from "../tone/tone-around";
import type { Tone } from "../tone/tone-model";
import { type MatchableWatchlist, matchableWatchlist } from "../watchlists/compile-watchlist";
import { detectLanguage } from "./detect-language";
import { loadClarifications, matchClarification } from "./hoax-register";
import { bandKeys, loadCandidates, NEAR_DUP_THRESHOLD, NEAR_DUP_WINDOW_DAYS, signatureBytes } from "./near-dup-store";
import type { RawItem } from "./raw-item";
import { CLUSTER_WINDOW_HOURS, StoryClusterer } from "./story-clusters";
import { validateItem } from "./validate-item";

export interface IngestResult {
  inserted: number;
  updated: number;
  duplicates: number;
  nearDuplicates: number;
  rejected: { index: number; code: string; message: string }[];
  articleIds: string[];
}

export interface IngestInput {
  organizationId: string;
  sourceId: string | null;
  items: RawItem[];
}

export interface MentionEvent {
  articleId: string;
  mentionedOrganizationId: string;
  watchlistId: string;
  tone: Tone;
  negativeProbability: number;
  hoaxClarificationId: string | null;
  title: string;
  url: string;
  outletName: string | null;
  publishedAt: Date;
}

const CHUNK = 500;

/** First paragraph is the lead; the rest is the body. */
export function splitLead(text: string): { lead: string; body: string } {
  const paragraphs = text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return { lead: paragraphs[0] ?? "", body: paragraphs.slice(1).join("\n\n") };
}

/** Same words in the same order = same content, whatever the spacing or case. */
export function contentHash(title: string, text: string): string {
  const norm = `${title}\n${text}`.toLowerCase().replace(/\s+/g, " ").trim();
  return createHash("sha256").update(norm).digest("base64url").slice(0, 32);
}

interface Pending {
  index: number;
  item: RawItem;
  canonical: string;
  hash: string;
  /** Row to update (same canonical URL, new content), else a new id. */
  id: string;
  existing: boolean;
  title: string;
  lead: string;
  body: string;
  publishedAt: Date;
}

interface Enriched extends Pending {
  language: string | null;
  doc: TokenizedDoc;
  fp: Fingerprint;
  bands: number[];
  hoaxScore: number;
  hoaxClarificationId: string | null;
  groupId: string;
  clusterId: string | null;
  mentions: {
    watchlist: MatchableWatchlist;
    tone: Tone;
    scores: { positive: number; neutral: number; negative: number };
    mentionCount: number;
    snippet: string;
  }[];
}

/** The enabled watchlists of the owner's whole tree (an article of a province feed may name any unit of it). */
async function treeWatchlists(db: Executor, rootPath: string): Promise<MatchableWatchlist[]> {
  const rows = await db
    .select({
      id: watchlists.id,
      organizationId: watchlists.organizationId,
      compiledQuery: watchlists.compiledQuery,
      toneTerms: watchlists.toneTerms,
    })
    .from(watchlists)
    .innerJoin(organizations, eq(organizations.id, watchlists.organizationId))
    .where(and(eq(watchlists.enabled, true), isNull(watchlists.deletedAt), sql`${organizations.path} like ${`${rootPath}%`}`));
  return rows.map(matchableWatchlist);
}

/** Watchlists whose required words the document holds (or that have none), then the exact matcher. */
export function matchWatchlists(list: readonly MatchableWatchlist[], doc: TokenizedDoc): MatchableWatchlist[] {
  const out: MatchableWatchlist[] = [];
  for (const w of list) {
    if (w.anyOf && !w.anyOf.some((t) => doc.index.has(t))) continue;
    if (w.matcher(doc)) out.push(w);
  }
  return out;
}

export function scoreMention(w: MatchableWatchlist, fullText: string) {
  const tone = toneAround(fullText, w.toneTerms);
  // The window that speaks most for the verdict is what an officer reviews (and corrects).
  let best = tone.windows[0];
  for (const w of tone.windows) if (w.scores[tone.label] > best.scores[tone.label]) best = w;
  const snippet = (best?.text ?? fullText).slice(0, 400);
  return { watchlist: w, tone: tone.label, scores: tone.scores, mentionCount: tone.mentions, snippet };
}

export async function ingestItems(db: Executor, input: IngestInput): Promise<IngestResult> {
  const result: IngestResult = { inserted: 0, updated: 0, duplicates: 0, nearDuplicates: 0, rejected: [], articleIds: [] };
  const now = new Date();
  const { organizationId } = input;

  // 1. Validation and the cheap keys.
  const candidates: Pending[] = [];
  input.items.forEach((item, index) => {
    const checked = validateItem(item, now.getTime());
    if ("code" in checked) {
      result.rejected.push({ index, code: checked.code, message: checked.message });
      return;
    }
    const title = item.title.trim().replace(/\s+/g, " ") || item.text.trim().slice(0, 200);
    const { lead, body } = splitLead(item.text);
    candidates.push({
      index,
      item,
      canonical: checked.canonical,
      hash: contentHash(title, item.text),
      id: "",
      existing: false,
      title,
      lead,
      body,
      publishedAt: item.publishedAt ?? now,
    });
  });
  if (!candidates.length) return result;

  return db.transaction(async (tx) => {
    // 2. Exact dedup against stored rows and within the batch.
    const existing = new Map<string, { id: string; canonical: string; hash: string }>();
    for (let i = 0; i < candidates.length; i += CHUNK) {
      const part = candidates.slice(i, i + CHUNK);
      const rows = await tx
        .select({ id: articles.id, canonical: articles.canonicalUrl, hash: articles.contentHash })
        .from(articles)
        .where(
          and(
            eq(articles.organizationId, organizationId),
            or(
              inArray(
                articles.canonicalUrl,
                part.map((p) => p.canonical),
              ),
              inArray(
                articles.contentHash,
                part.map((p) => p.hash),
              ),
            ),
          ),
        );
      for (const r of rows) {
        existing.set(`u:${r.canonical}`, r);
        existing.set(`h:${r.hash}`, r);
      }
    }
    const seen = new Set<string>();
    const pending: Pending[] = [];
    for (const p of candidates) {
      const byHash = existing.get(`h:${p.hash}`);
      if (byHash || seen.has(`h:${p.hash}`) || seen.has(`u:${p.canonical}`)) {
        result.duplicates++;
        if (byHash) result.articleIds.push(byHash.id);
        continue;
      }
      seen.add(`h:${p.hash}`);
      seen.add(`u:${p.canonical}`);
      const byUrl = existing.get(`u:${p.canonical}`);
      p.existing = !!byUrl;
      p.id = byUrl?.id ?? newId();
      pending.push(p);
    }
    if (!pending.length) return result;

    // 3. What the text stages need, loaded once.
    const [owner] = await tx.select({ path: organizations.path }).from(organizations).where(eq(organizations.id, organizationId));
    const rootPath = `/${owner.path.split("/").filter(Boolean)[0]}/`;
    const [watchers, register] = [await treeWatchlists(tx, rootPath), await loadClarifications(tx, rootPath)];
    const outletIds = [...new Set(pending.map((p) => p.item.outletId).filter((id): id is string => !!id))];
    const knownOutlets = new Set(
      outletIds.length
        ? (await tx.select({ id: mediaOutlets.id }).from(mediaOutlets).where(inArray(mediaOutlets.id, outletIds))).map((r) => r.id)
        : [],
    );

    // 4. Per-item text work: one tokenisation feeds matching, fingerprint and hoax matching.
    const enriched: Enriched[] = pending.map((p) => {
      const fullText = p.lead || p.body ? `${p.title}\n\n${p.lead}${p.body ? `\n\n${p.body}` : ""}` : p.title;
      const doc = tokenizeDoc(fullText);
      const fp = fingerprintTokens(doc.tokens);
      const matched = matchWatchlists(watchers, doc);
      return {
        ...p,
        language: p.item.language?.slice(0, 8) || detectLanguage(fullText),
        doc,
        fp,
        bands: bandKeys(fp),
        hoaxScore: hoaxLikeness(fullText),
        hoaxClarificationId: register.length ? matchClarification(register, doc, fp) : null,
        groupId: p.id,
        clusterId: null,
        mentions: matched.map((w) => scoreMention(w, fullText)),
      };
    });

    // 5. Near-duplicate groups: stored fingerprints sharing a band, plus earlier items of this batch.
    const since = new Date(Math.min(...enriched.map((e) => e.publishedAt.getTime())) - NEAR_DUP_WINDOW_DAYS * 86_400_000);
    const stored = await loadCandidates(
      tx,
      organizationId,
      enriched.filter((e) => !e.existing).flatMap((e) => e.bands),
      since,
    );
    const index = new NearDupIndex<string>({ threshold: NEAR_DUP_THRESHOLD });
    const groupOf = new Map<string, { groupId: string; clusterId: string | null }>();
    for (const s of stored) {
      index.add(s.articleId, s.fp);
      groupOf.set(s.articleId, { groupId: s.groupId, clusterId: s.clusterId });
    }
    const clusters = await StoryClusterer.load(
      tx,
      organizationId,
      new Date(Math.min(...enriched.map((e) => e.publishedAt.getTime())) - CLUSTER_WINDOW_HOURS * 3_600_000),
    );
    for (const e of enriched) {
      if (e.existing) continue; // an updated article keeps its group and story
      const best = index.query(e.fp).find((m) => m.id !== e.id);
      const group = best ? groupOf.get(best.id) : undefined;
      if (group) {
        e.groupId = group.groupId;
        result.nearDuplicates++;
      }
      e.clusterId = clusters.assign({
        title: e.title,
        lead: e.lead,
        outletName: e.item.outletName ?? null,
        publishedAt: e.publishedAt,
        join: group?.clusterId,
      });
      index.add(e.id, e.fp);
      groupOf.set(e.id, { groupId: e.groupId, clusterId: e.clusterId });
    }
    await clusters.save(tx);

    // 6. Writes: new rows in multi-row inserts, changed rows one by one (rare).
    const row = (e: Enriched) => ({
      id: e.id,
      organizationId,
      sourceId: input.sourceId,
      url: e.item.url.trim(),
      canonicalUrl: e.canonical,
      contentHash: e.hash,
      title: e.title,
      lead: e.lead,
      body: e.body,
      author: e.item.author?.trim() || null,
      publishedAt: e.publishedAt,
      fetchedAt: now,
      updatedAt: now,
      language: e.language,
      outletId: e.item.outletId && knownOutlets.has(e.item.outletId) ? e.item.outletId : null,
      outletName: e.item.outletName?.trim() || null,
      kind: e.item.kind,
      externalId: e.item.externalId ?? null,
      parentUrl: e.item.parentUrl ?? null,
      images: e.item.images ?? [],
      nearDupGroupId: e.groupId,
      clusterId: e.clusterId,
      hoaxScore: e.hoaxScore,
      hoaxClarificationId: e.hoaxClarificationId,
    });
    const fresh = enriched.filter((e) => !e.existing);
    for (let i = 0; i < fresh.length; i += CHUNK) {
      await tx.insert(articles).values(fresh.slice(i, i + CHUNK).map(row));
    }
    for (const e of enriched.filter((x) => x.existing)) {
      const { id: _id, organizationId: _o, nearDupGroupId: _g, clusterId: _c, fetchedAt: _f, sourceId: _s, ...changes } = row(e);
      await tx.update(articles).set(changes).where(eq(articles.id, e.id));
    }
    const prints = enriched.filter((e) => e.bands.length);
    for (let i = 0; i < prints.length; i += CHUNK) {
      await tx
        .insert(articleFingerprints)
        .values(
          prints.slice(i, i + CHUNK).map((e) => ({
            articleId: e.id,
            organizationId,
            publishedAt: e.publishedAt,
            signature: signatureBytes(e.fp),
            bands: e.bands,
          })),
        )
        .onConflictDoUpdate({
          target: articleFingerprints.articleId,
          set: { publishedAt: sql`excluded.published_at`, signature: sql`excluded.signature`, bands: sql`excluded.bands` },
        });
    }

    // Mentions: an update re-matches; officers' corrections on still-matching watchlists stay.
    for (const e of enriched.filter((x) => x.existing)) {
      const keep = e.mentions.map((m) => m.watchlist.id);
      await tx
        .delete(articleMentions)
        .where(and(eq(articleMentions.articleId, e.id), keep.length ? notInArray(articleMentions.watchlistId, keep) : sql`true`));
    }
    const mentionRows = enriched.flatMap((e) =>
      e.mentions.map((m) => ({
        articleId: e.id,
        watchlistId: m.watchlist.id,
        mentionedOrganizationId: m.watchlist.organizationId,
        publishedAt: e.publishedAt,
        tone: m.tone,
        positive: m.scores.positive,
        neutral: m.scores.neutral,
        negative: m.scores.negative,
        mentionCount: m.mentionCount,
        snippet: m.snippet,
      })),
    );
    for (let i = 0; i < mentionRows.length; i += CHUNK) {
      await tx
        .insert(articleMentions)
        .values(mentionRows.slice(i, i + CHUNK))
        .onConflictDoUpdate({
          target: [articleMentions.articleId, articleMentions.watchlistId],
          set: {
            publishedAt: sql`excluded.published_at`,
            tone: sql`excluded.tone`,
            positive: sql`excluded.positive`,
            neutral: sql`excluded.neutral`,
            negative: sql`excluded.negative`,
            mentionCount: sql`excluded.mention_count`,
            snippet: sql`excluded.snippet`,
          },
        });
    }

    for (const e of enriched) {
      result.articleIds.push(e.id);
      if (e.existing) result.updated++;
      else result.inserted++;
    }
    const mentions: MentionEvent[] = enriched.flatMap((e) =>
      e.mentions.map((m) => ({
        articleId: e.id,
        mentionedOrganizationId: m.watchlist.organizationId,
        watchlistId: m.watchlist.id,
        tone: m.tone,
        negativeProbability: m.scores.negative,
        hoaxClarificationId: e.hoaxClarificationId,
        title: e.title,
        url: e.item.url.trim(),
        outletName: e.item.outletName?.trim() || null,
        publishedAt: e.publishedAt,
      })),
    );
    if (mentions.length) await emit(tx, "monitoring.mentions", { organizationId, mentions });
    return result;
  });
}
