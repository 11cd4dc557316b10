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
  /** `terms` as a Map: candidates are scored thousands of times per batch, and a Map lookup stays
   *  fast where property lookups on thousands of differently shaped JSON objects do not. */
  vec: Map<string, number>;
  outlets: Set<string>;
  articleCount: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
  isNew: boolean;
  dirty: boolean;
  norm?: number;
}

/** The stories of one owner in the window, loaded once per batch and written back at the end. */
export class StoryClusterer {
  private readonly stories: Story[] = [];
  private readonly byTerm = new Map<string, Story[]>();
  private readonly df = new Map<string, number>();

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
        vec: new Map(Object.entries(r.terms)),
        outlets: new Set(r.outlets),
        articleCount: r.articleCount,
        firstSeenAt: r.firstSeenAt,
        lastSeenAt: r.lastSeenAt,
        isNew: false,
        dirty: false,
      });
    }
    return c;
  }

  private index(s: Story) {
    this.stories.push(s);
    for (const t of Object.keys(s.terms)) {
      const list = this.byTerm.get(t);
      if (list) list.push(s);
      else this.byTerm.set(t, [s]);
      this.df.set(t, (this.df.get(t) ?? 0) + 1);
    }
  }

  private idf(term: string): number {
    return Math.log((this.stories.length + 2) / ((this.df.get(term) ?? 0) + 1)) + 1;
  }

  /** Norm of a story's vector; cached (the idf drifts little within a batch), dropped when its terms change. */
  private norm(s: Story): number {
    if (s.norm === undefined) {
      let nb = 0;
      for (const [t, w] of Object.entries(s.terms)) {
        const b = w * this.idf(t);
        nb += b * b;
      }
      s.norm = Math.sqrt(nb);
    }
    return s.norm;
  }

  /** `weights[i]` = weight × idf² of `terms[i]`, computed once per article (the idf is fixed while it is scored). */
  private cosine(terms: string[], weights: Float64Array, na: number, s: Story): { score: number; shared: number } {
    let dot = 0;
    let shared = 0;
    for (let i = 0; i < terms.length; i++) {
      const b = s.vec.get(terms[i]);
      if (b) {
        dot += weights[i] * b;
        shared++;
      }
    }
    const nb = this.norm(s);
    return { score: na && nb ? dot / (na * nb) : 0, shared };
  }

  /** The story the article belongs to (existing or new); `join` forces a known story (near-duplicates). */
  assign(input: { title: string; lead: string; outletName: string | null; publishedAt: Date; join?: string | null }): string {
    const v = storyTerms(input.title, input.lead);
    let best: Story | null = input.join ? (this.stories.find((s) => s.id === input.join) ?? null) : null;
    if (!best && v.size) {
      const windowStart = input.publishedAt.getTime() - CLUSTER_WINDOW_HOURS * 3_600_000;
      const seen = new Set<Story>();
      let bestScore = CLUSTER_THRESHOLD;
      let na = 0;
      const terms = [...v.keys()];
      const weights = new Float64Array(terms.length);
      terms.forEach((t, i) => {
        const w = v.get(t) as number;
        const idf = this.idf(t);
        na += (w * idf) ** 2;
        weights[i] = w * idf * idf;
      });
      na = Math.sqrt(na);
      // Candidates come from the article's most distinctive terms only, and from the newest stories
      // holding each: a common word must not make every story of the window a candidate.
      const keyTerms = [...v].sort((a, b) => b[1] * this.idf(b[0]) - a[1] * this.idf(a[0])).slice(0, KEY_TERMS);
      for (const [t] of keyTerms) {
        const holders = this.byTerm.get(t) ?? [];
        for (let k = holders.length - 1; k >= Math.max(0, holders.length - STORIES_PER_TERM); k--) {
          const s = holders[k];
          if (seen.has(s)) continue;
          seen.add(s);
          if (s.lastSeenAt.getTime() < windowStart) continue;
          const { score, shared } = this.cosine(terms, weights, na, s);
          if (shared >= 2 && score >= bestScore) {
            best = s;
            bestScore = score;
          }
        }
      }
    }
    if (!best) {
      const story: Story = {
        id: newId(),
        title: input.title,
        terms: Object.fromEntries(v),
        vec: new Map(v),
        outlets: new Set(input.outletName ? [input.outletName] : []),
        articleCount: 1,
        firstSeenAt: input.publishedAt,
        lastSeenAt: input.publishedAt,
        isNew: true,
        dirty: true,
      };
      this.index(story);
      return story.id;
    }
    const merged = { ...best.terms };
    for (const [t, w] of v) {
      if (!(t in best.terms)) {
        const list = this.byTerm.get(t);
        if (list) list.push(best);
        else this.byTerm.set(t, [best]);
        this.df.set(t, (this.df.get(t) ?? 0) + 1);
      }
      merged[t] = (merged[t] ?? 0) + w;
    }
    best.terms = Object.fromEntries(
      Object.entries(merged)
        .sort((a, b) => b[1] - a[1])
        .slice(0, CENTROID_TERMS),
    );
    best.vec = new Map(Object.entries(best.terms));
    best.norm = undefined;
    best.articleCount++;
    if (input.outletName) best.outlets.add(input.outletName);
    if (input.publishedAt > best.lastSeenAt) best.lastSeenAt = input.publishedAt;
    if (input.publishedAt < best.firstSeenAt) best.firstSeenAt = input.publishedAt;
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
