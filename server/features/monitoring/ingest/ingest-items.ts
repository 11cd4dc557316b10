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
 * query is per batch or per slice of LOOKUP_SLICE items, never per item, and the slices are
 * pipelined so PostgreSQL writes one slice while Node does the text work of the next (README.md
 * beside this file: "Pipeline"). The text work tokenises each article once.
 */
import { createHash } from "node:crypto";
import { and, eq, inArray, isNull, notInArray, or, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { articleMentions, articles, mediaOutlets, organizations, watchlists } from "../../../db/schema";
import { emit } from "../../../lib/domain-events";
import { newId } from "../../../lib/ids";
import { hoaxLikenessTokens } from "../hoax/hoax-model";
import { type Fingerprint, fingerprintTokens, NearDupIndex, similarity } from "../near-dup";
import { foldNumbers, tokenizeId } from "../text/tokenize-id";
import { type TokenizedDoc, tokenizeDocFrom } from "../text/tokenized-doc";
import { type ToneMemo, toneAround, toneMemo } from "../tone/tone-around";
import type { Tone } from "../tone/tone-model";
import { type MatchableWatchlist, matchableWatchlist } from "../watchlists/compile-watchlist";
import { detectLanguage } from "./detect-language";
import { loadClarifications, matchClarification } from "./hoax-register";
import {
  bandKeys,
  loadCandidates,
  NEAR_DUP_THRESHOLD,
  NEAR_DUP_WINDOW_DAYS,
  type StoredFingerprint,
  saveFingerprints,
} from "./near-dup-store";
import type { RawItem } from "./raw-item";
import { type StageTimings, stageTimer } from "./stage-timer";
import { CLUSTER_WINDOW_HOURS, StoryClusterer } from "./story-clusters";
import { validateItem } from "./validate-item";
import { type NewMentionRow, writeSlice } from "./write-slice";

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
/** Items per near-duplicate lookup and per write statement. The first slice's text work and the
 *  last slice's write of a batch cannot overlap anything, so smaller is better until the fixed cost
 *  per statement shows: on the bench (quick, 2 cores) 100 → 50 cut the final write wait from 0.58
 *  to 0.32 ms per item; 25 made the lookups wait longer (0.15 → 0.3–0.4) and gained nothing. */
const LOOKUP_SLICE = 50;
/** Items of text work between two turns of the event loop (≈ 30 ms), so queued queries go out. */
const YIELD_EVERY = 10;

/** Marks a promise that is awaited later as handled, so a failure elsewhere first is not "unhandled". */
function handledLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

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

export function scoreMention(w: MatchableWatchlist, fullText: string, memo?: ToneMemo) {
  const tone = toneAround(fullText, w.toneTerms, 1, memo);
  // The window that speaks most for the verdict is what an officer reviews (and corrects).
  let best = tone.windows[0];
  for (const w of tone.windows) if (w.scores[tone.label] > best.scores[tone.label]) best = w;
  const snippet = (best?.text ?? fullText).slice(0, 400);
  return { watchlist: w, tone: tone.label, scores: tone.scores, mentionCount: tone.mentions, snippet };
}

export interface IngestOptions {
  /** Filled with the milliseconds spent per stage (benchmarks and profiling). */
  timings?: StageTimings;
}

export async function ingestItems(db: Executor, input: IngestInput, options: IngestOptions = {}): Promise<IngestResult> {
  const clock = stageTimer(options.timings);
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
  // One ingest per owner at a time (feeds, social, clippings and imports of one organization
  // run in parallel jobs): two batches carrying the same article would otherwise both miss the
  // other's uncommitted row and fail on the unique index, and story counts would be overwritten.
  // Taken inside the transaction: given the pool rather than a caller's transaction, a lock taken
  // before it would end with its own one-statement transaction and guard nothing.
  clock.lap("validate, canonical URL, hash");

  const written = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`ingest:${organizationId}`}))`);
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
    clock.lap("exact dedup query");

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
    clock.lap("load watchlists, register, outlets");
    // The stories of the window need no text work: PostgreSQL reads them while Node tokenises
    // (a connection runs one query at a time, so this goes after the loads the text work needs).
    const firstPublished = Math.min(...pending.map((p) => p.publishedAt.getTime()));
    const storiesLoading = handledLater(
      StoryClusterer.load(tx, organizationId, new Date(firstPublished - CLUSTER_WINDOW_HOURS * 3_600_000)),
    );

    // 4. Per-item text work: one tokenisation feeds matching, fingerprint and hoax matching.
    const enrich = (p: Pending): Enriched => {
      const fullText = p.lead || p.body ? `${p.title}\n\n${p.lead}${p.body ? `\n\n${p.body}` : ""}` : p.title;
      // One tokenisation: the search view (numbers kept) and the classifiers' tokens (numbers folded).
      const kept = clock.time("text: tokenise", () => tokenizeId(fullText, { keepNumbers: true }));
      const doc = clock.time("text: tokenise", () => tokenizeDocFrom(kept));
      const fp = clock.time("text: MinHash + bands", () => fingerprintTokens(doc.tokens));
      const matched = clock.time("text: watchlists", () => matchWatchlists(watchers, doc));
      return {
        ...p,
        language: clock.time("text: language", () => p.item.language?.slice(0, 8) || detectLanguage(fullText)),
        doc,
        fp,
        bands: clock.time("text: MinHash + bands", () => bandKeys(fp)),
        hoaxScore: clock.time("text: hoax model", () => hoaxLikenessTokens(foldNumbers(kept))),
        hoaxClarificationId: clock.time("text: hoax register", () => (register.length ? matchClarification(register, doc, fp) : null)),
        groupId: p.id,
        clusterId: null,
        mentions: clock.time("text: tone around mentions", () => {
          const memo = matched.length ? toneMemo(fullText) : undefined;
          return matched.map((w) => scoreMention(w, fullText, memo));
        }),
      };
    };

    // 5. Near-duplicate group and story of each new item: the stored articles sharing ≥ 2 bands
    // with it (loadCandidates, compared with that item only) and the earlier items of this batch
    // (in memory, one shared band). An updated article keeps its group and story.
    const index = new NearDupIndex<string>({ threshold: NEAR_DUP_THRESHOLD });
    const groupOf = new Map<string, { groupId: string; clusterId: string | null }>();
    const assignSlice = (fresh: Enriched[], stored: StoredFingerprint[], clusters: StoryClusterer) => {
      const own: StoredFingerprint[][] = fresh.map(() => []);
      for (const s of stored) for (const i of s.items) own[i].push(s);
      fresh.forEach((e, i) => {
        let group: { groupId: string; clusterId: string | null } | undefined;
        let best = -1;
        for (const s of own[i]) {
          const sim = similarity(e.fp, s.fp);
          if (sim >= NEAR_DUP_THRESHOLD && sim > best) {
            best = sim;
            group = s;
          }
        }
        const inBatch = index.query(e.fp).find((m) => m.id !== e.id);
        if (inBatch && inBatch.similarity > best) group = groupOf.get(inBatch.id);
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
      });
    };
    const outletOf = (e: Enriched) => (e.item.outletId && knownOutlets.has(e.item.outletId) ? e.item.outletId : null);
    /** What a new row and an update of a changed article both take from the item (not its group or story). */
    const articleColumns = (e: Enriched) => ({
      url: e.item.url.trim(),
      canonicalUrl: e.canonical,
      contentHash: e.hash,
      title: e.title,
      lead: e.lead,
      body: e.body,
      author: e.item.author?.trim() || null,
      publishedAt: e.publishedAt,
      language: e.language,
      outletId: outletOf(e),
      outletName: e.item.outletName?.trim() || null,
      kind: e.item.kind,
      externalId: e.item.externalId ?? null,
      parentUrl: e.item.parentUrl ?? null,
      section: e.item.section?.trim() || null,
      images: e.item.images ?? [],
      hoaxScore: e.hoaxScore,
      hoaxClarificationId: e.hoaxClarificationId,
    });
    const mentionRows = (list: Enriched[]): NewMentionRow[] =>
      list.flatMap((e) =>
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

    // 6. Pipelined in slices of LOOKUP_SLICE items, so PostgreSQL and Node work at the same time:
    // while Node does the text work of slice n+1, PostgreSQL answers slice n's candidate lookup and
    // writes slice n-1 (one statement: stories, articles, fingerprints, band keys, mentions). A
    // connection runs its queries in the order they were sent, so a story is written before the
    // articles of later slices point at it. Articles written earlier in the batch are excluded
    // from the lookups (they are compared in memory). Changed articles are written at the end.
    const since = new Date(firstPublished - NEAR_DUP_WINDOW_DAYS * 86_400_000);
    const freshIds = pending.filter((p) => !p.existing).map((p) => p.id);
    let writeError: unknown;
    const writes: Promise<void>[] = [];
    /** After a failed write the transaction is aborted and later queries fail too: report the cause. */
    const settle = async <T>(promise: Promise<T>): Promise<T> => {
      try {
        return await promise;
      } catch (err) {
        throw writeError ?? err;
      }
    };
    const enriched: Enriched[] = [];
    type InFlight = { fresh: Enriched[]; lookup: Promise<StoredFingerprint[]> };
    let previous: InFlight | null = null;
    for (let i = 0; i < pending.length || previous; i += LOOKUP_SLICE) {
      let current: InFlight | null = null;
      if (i < pending.length) {
        const slice: Enriched[] = [];
        for (const p of pending.slice(i, i + LOOKUP_SLICE)) {
          slice.push(enrich(p));
          // Let the driver read finished queries and send queued ones while the text work goes on.
          if (slice.length % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
        }
        enriched.push(...slice);
        const fresh = slice.filter((e) => !e.existing);
        const keys = fresh.map((e) => e.bands);
        current = { fresh, lookup: handledLater(loadCandidates(tx, organizationId, keys, since, freshIds)) };
        clock.lap("text: other");
      }
      if (previous) {
        const stored = await settle(previous.lookup);
        clock.lap("near-dup candidates query (wait)");
        const clusters = await settle(storiesLoading);
        clock.lap("stories load (wait)");
        const fresh = previous.fresh;
        clock.time("near-dup + story assignment", () => assignSlice(fresh, stored, clusters));
        const write = writeSlice(tx, {
          organizationId,
          sourceId: input.sourceId,
          now,
          stories: clusters.takeDirty(),
          articles: fresh.map((e) => ({
            id: e.id,
            ...articleColumns(e),
            nearDupGroupId: e.groupId,
            clusterId: e.clusterId,
            fingerprint: e.bands.length ? { signature: e.fp.signature, bands: e.bands } : null,
          })),
          mentions: mentionRows(fresh),
        });
        write.catch((err) => {
          writeError ??= err;
        });
        writes.push(write);
        clock.lap("write: build rows");
      }
      previous = current;
    }
    await settle(Promise.all(writes));
    clock.lap("writes (wait)");

    // Changed rows one by one (rare), after every lookup, as the only writes of stored articles.
    const changed = enriched.filter((x) => x.existing);
    for (const e of changed) {
      await tx
        .update(articles)
        .set({ ...articleColumns(e), updatedAt: now })
        .where(eq(articles.id, e.id));
    }
    if (changed.length) {
      await saveFingerprints(
        tx,
        organizationId,
        changed.map((e) => ({ articleId: e.id, publishedAt: e.publishedAt, fp: e.fp, bands: e.bands })),
        changed.map((e) => e.id),
      );
    }
    // Mentions: an update re-matches; officers' corrections on still-matching watchlists stay.
    for (const e of changed) {
      const keep = e.mentions.map((m) => m.watchlist.id);
      await tx
        .delete(articleMentions)
        .where(and(eq(articleMentions.articleId, e.id), keep.length ? notInArray(articleMentions.watchlistId, keep) : sql`true`));
    }
    const changedMentions = mentionRows(changed);
    for (let i = 0; i < changedMentions.length; i += CHUNK) {
      await tx
        .insert(articleMentions)
        .values(changedMentions.slice(i, i + CHUNK))
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
    clock.lap("write changed articles");

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
    clock.lap("domain event");
    return result;
  });
  clock.lap("commit");
  return written;
}
