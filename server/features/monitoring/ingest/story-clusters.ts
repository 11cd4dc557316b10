/**
 * Story clustering: the same event reported by several outlets. An article's title (counted
 * twice) and lead become a term vector; it joins the most similar story seen in the previous
 * 72 hours when the TF-IDF cosine reaches CLUSTER_THRESHOLD and they share at least two terms,
 * and starts a story otherwise. Document frequencies come from the stories in the window, so a
 * word every story uses ("pemerintah", "kota") weighs little. A story keeps its top terms as
 * the centroid (summed term counts); new articles update it.
 */
import { and, eq, gte, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { storyClusters } from "../../../db/schema";
import { newId } from "../../../lib/ids";
import { searchTokens } from "../text/tokenized-doc";
import { isStopword } from "./detect-language";

export const CLUSTER_WINDOW_HOURS = 72;
export const CLUSTER_THRESHOLD = 0.3;
const CENTROID_TERMS = 40;
const KEY_TERMS = 8;
const STORIES_PER_TERM = 300;
const EMPTY_IDS = new Int32Array(0);
const EMPTY_WEIGHTS = new Float64Array(0);

export type TermVector = Map<string, number>;

export function storyTerms(title: string, lead: string): TermVector {
  const v: TermVector = new Map();
  const add = (text: string, w: number) => {
    for (const t of searchTokens(text)) {
      if (t.length < 3 || isStopword(t) || /^\d+$/.test(t)) continue;
      v.set(t, (v.get(t) ?? 0) + w);
    }
  };
  add(title, 2);
  add(lead.slice(0, 600), 1);
  return v;
}

export interface StoryRow {
  id: string;
  organizationId: string;
  title: string;
  terms: Record<string, number>;
  articleCount: number;
  outletCount: number;
  outlets: string[];
  firstSeenAt: Date;
  lastSeenAt: Date;
}

interface Story {
  id: string;
  title: string;
  terms: Record<string, number>;
  /** `terms` as parallel arrays of term ids and weights: a candidate is scored by reading the
   *  article's weight of each story term from a dense array indexed by term id (no string hashing,
   *  no Map lookups; scoring was the largest CPU stage of the ingest). */
  termIds: Int32Array;
  weights: Float64Array;
  outlets: Set<string>;
  articleCount: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
  /** lastSeenAt in ms, compared for every candidate. */
  lastSeen: number;
  /** The article whose candidates last included this story (instead of a Set per article). */
  seenBy: number;
  isNew: boolean;
  dirty: boolean;
  /** Norm of the vector; -1 = to compute (the idf drifts little within a batch). */
  norm: number;
}

/** The stories of one owner in the window, loaded once per batch and written back at the end. */
export class StoryClusterer {
  private readonly stories: Story[] = [];
  private readonly byId = new Map<string, Story>();
  /** Term → id; `byTerm` and `df` are indexed by term id. */
  private readonly termIds = new Map<string, number>();
  private readonly byTerm: Story[][] = [];
  private readonly df: number[] = [];
  /** The article being assigned: weight × idf² by term id, zero for other terms (reset after use). */
  private articleWeights = new Float64Array(4096);
  private articles = 0;

  private constructor(private readonly organizationId: string) {}

  static async load(db: Executor, organizationId: string, since: Date): Promise<StoryClusterer> {
    const c = new StoryClusterer(organizationId);
    const rows = await db
      .select()
      .from(storyClusters)
      .where(and(eq(storyClusters.organizationId, organizationId), gte(storyClusters.lastSeenAt, since)))
      .orderBy(sql`${storyClusters.lastSeenAt} desc`)
      .limit(5000);
    // Oldest first, so the newest stories sit at the end of each term's list.
    for (const r of rows.reverse()) {
      c.index({
        id: r.id,
        title: r.title,
        terms: r.terms,
        termIds: EMPTY_IDS,
        weights: EMPTY_WEIGHTS,
        outlets: new Set(r.outlets),
        articleCount: r.articleCount,
        firstSeenAt: r.firstSeenAt,
        lastSeenAt: r.lastSeenAt,
        lastSeen: r.lastSeenAt.getTime(),
        seenBy: 0,
        isNew: false,
        dirty: false,
        norm: -1,
      });
    }
    return c;
  }

  private termId(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.df.length;
      this.termIds.set(term, id);
      this.df.push(0);
      this.byTerm.push([]);
    }
    return id;
  }

  /** Lists the story under a term it did not hold before (df counts stories that ever held it). */
  private addTerm(s: Story, term: string) {
    const id = this.termId(term);
    this.byTerm[id].push(s);
    this.df[id]++;
  }

  /** Rebuilds the id/weight arrays from `terms` (in its order, so the norm sums as before). */
  private setVector(s: Story) {
    const entries = Object.entries(s.terms);
    s.termIds = new Int32Array(entries.length);
    s.weights = new Float64Array(entries.length);
    entries.forEach(([t, w], i) => {
      s.termIds[i] = this.termId(t);
      s.weights[i] = w;
    });
    s.norm = -1;
  }

  private index(s: Story) {
    this.stories.push(s);
    this.byId.set(s.id, s);
    for (const t of Object.keys(s.terms)) this.addTerm(s, t);
    this.setVector(s);
  }

  private idf(termId: number): number {
    return Math.log((this.stories.length + 2) / (this.df[termId] + 1)) + 1;
  }

  private norm(s: Story): number {
    if (s.norm < 0) {
      let nb = 0;
      for (let i = 0; i < s.termIds.length; i++) {
        const b = s.weights[i] * this.idf(s.termIds[i]);
        nb += b * b;
      }
      s.norm = Math.sqrt(nb);
    }
    return s.norm;
  }

  /** The story the article belongs to (existing or new); `join` forces a known story (near-duplicates). */
  assign(input: { title: string; lead: string; outletName: string | null; publishedAt: Date; join?: string | null }): string {
    const v = storyTerms(input.title, input.lead);
    let best: Story | null = input.join ? (this.byId.get(input.join) ?? null) : null;
    if (!best && v.size) {
      const windowStart = input.publishedAt.getTime() - CLUSTER_WINDOW_HOURS * 3_600_000;
      const article = ++this.articles;
      let bestScore = CLUSTER_THRESHOLD;
      const n = v.size;
      const ids = new Int32Array(n);
      const keys = new Float64Array(n);
      for (const t of v.keys()) this.termId(t); // before sizing the scratch array
      if (this.articleWeights.length < this.df.length) {
        this.articleWeights = new Float64Array(Math.max(this.df.length, this.articleWeights.length * 2));
      }
      const aw = this.articleWeights;
      let na = 0;
      let i = 0;
      for (const [t, w] of v) {
        const id = this.termId(t);
        const idf = this.idf(id);
        ids[i] = id;
        keys[i] = w * idf;
        na += (w * idf) ** 2;
        aw[id] = w * idf * idf;
        i++;
      }
      na = Math.sqrt(na);
      // Candidates come from the article's most distinctive terms only, and from the newest stories
      // holding each: a common word must not make every story of the window a candidate.
      const order = Array.from({ length: n }, (_, k) => k).sort((a, b) => keys[b] - keys[a]);
      for (let o = 0; o < Math.min(KEY_TERMS, n); o++) {
        const holders = this.byTerm[ids[order[o]]];
        for (let k = holders.length - 1; k >= Math.max(0, holders.length - STORIES_PER_TERM); k--) {
          const s = holders[k];
          if (s.seenBy === article) continue;
          s.seenBy = article;
          if (s.lastSeen < windowStart) continue;
          // Cosine over the terms both hold: the story's terms, read against the article's weights.
          let dot = 0;
          let shared = 0;
          const sIds = s.termIds;
          const sWeights = s.weights;
          for (let j = 0; j < sIds.length; j++) {
            const a = aw[sIds[j]];
            if (a !== 0) {
              dot += a * sWeights[j];
              shared++;
            }
          }
          const nb = this.norm(s);
          const score = na && nb ? dot / (na * nb) : 0;
          if (shared >= 2 && score >= bestScore) {
            best = s;
            bestScore = score;
          }
        }
      }
      for (let k = 0; k < n; k++) aw[ids[k]] = 0;
    }
    if (!best) {
      const story: Story = {
        id: newId(),
        title: input.title,
        terms: Object.fromEntries(v),
        termIds: EMPTY_IDS,
        weights: EMPTY_WEIGHTS,
        outlets: new Set(input.outletName ? [input.outletName] : []),
        articleCount: 1,
        firstSeenAt: input.publishedAt,
        lastSeenAt: input.publishedAt,
        lastSeen: input.publishedAt.getTime(),
        seenBy: 0,
        isNew: true,
        dirty: true,
        norm: -1,
      };
      this.index(story);
      return story.id;
    }
    const merged = { ...best.terms };
    for (const [t, w] of v) {
      if (!(t in best.terms)) this.addTerm(best, t);
      merged[t] = (merged[t] ?? 0) + w;
    }
    best.terms = Object.fromEntries(
      Object.entries(merged)
        .sort((a, b) => b[1] - a[1])
        .slice(0, CENTROID_TERMS),
    );
    this.setVector(best);
    best.articleCount++;
    if (input.outletName) best.outlets.add(input.outletName);
    if (input.publishedAt > best.lastSeenAt) best.lastSeenAt = input.publishedAt;
    if (input.publishedAt < best.firstSeenAt) best.firstSeenAt = input.publishedAt;
    best.lastSeen = best.lastSeenAt.getTime();
    best.dirty = true;
    return best.id;
  }

  /**
   * The new and changed stories since the last call, as rows, marked clean. Taken synchronously,
   * so the ingest can queue the write and keep assigning: a later change re-dirties the story and
   * goes out with a later slice (upserts run in the order they were queued).
   */
  takeDirty(): StoryRow[] {
    const rows: StoryRow[] = [];
    for (const s of this.stories) {
      if (!s.dirty) continue;
      rows.push({
        id: s.id,
        organizationId: this.organizationId,
        title: s.title,
        terms: s.terms,
        articleCount: s.articleCount,
        outletCount: s.outlets.size,
        outlets: [...s.outlets].slice(0, 200),
        firstSeenAt: s.firstSeenAt,
        lastSeenAt: s.lastSeenAt,
      });
      s.dirty = false;
      s.isNew = false;
    }
    return rows;
  }

  /** Writes new and changed stories (new ones must exist before the articles that point at them). */
  async save(db: Executor): Promise<void> {
    const dirty = this.takeDirty();
    for (let i = 0; i < dirty.length; i += 500) {
      await db
        .insert(storyClusters)
        .values(dirty.slice(i, i + 500))
        .onConflictDoUpdate({
          target: storyClusters.id,
          set: {
            terms: sql`excluded.terms`,
            articleCount: sql`excluded.article_count`,
            outletCount: sql`excluded.outlet_count`,
            outlets: sql`excluded.outlets`,
            firstSeenAt: sql`excluded.first_seen_at`,
            lastSeenAt: sql`excluded.last_seen_at`,
          },
        });
    }
  }
}
