/**
 * Reads the candidates of a text search newest first, in time slices, so that a frequent term
 * stops after the rows one page needs and a rare term does not walk the whole archive.
 *
 * Left to itself, PostgreSQL answers `search @@ q ORDER BY published_at DESC LIMIT n` either by
 * reading every GIN match and sorting them (seconds for a term in 25,000 articles), or by walking
 * the (published_at, id) index and testing each row (seconds when nothing matches). Its row
 * estimate for a tsquery multiplies the words' frequencies as if independent, so it often picks
 * the wrong one. The slices replace that guess with what the search has already seen:
 *
 * - the first slice is the newest day, walked in date order (bounded by one day of articles);
 * - each later slice is sized from the candidate density observed so far: when the rows still
 *   needed are expected within WALK_SPAN_MS it is walked in date order, otherwise it is read
 *   through the GIN index (bitmap) and sorted, spanning about twice the expected width so that
 *   it holds the needed rows but not many more; with no candidate in the newest day the rest is
 *   one GIN read.
 *
 * The plan of a slice is pinned with transaction-local planner settings (set_config(…, true)):
 * "walk" disables bitmap and sequential scans, "bitmap" disables plain index and sequential
 * scans; both turn JIT off (the disabled plans' inflated costs would trigger a compilation of
 * ~60 ms for a query that runs in a few). They only steer the choice between the two plans above, inside the caller's
 * transaction, and only for these queries.
 */
import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client";

export type ScanMode = "walk" | "bitmap" | "auto";

export interface Slice {
  /** Inclusive lower bound on published_at; null = down to the search's own `from`, if any. */
  lo: Date | null;
  mode: ScanMode;
}

export interface Keyset {
  p: string;
  id: string;
}

export const DAY_MS = 86_400_000;
/** The first slice: a day of articles is cheap to walk whatever the query. */
const FIRST_SLICE_MS = DAY_MS;
/** A later slice is walked in date order when the rows still needed are expected within this span. */
export const WALK_SPAN_MS = 7 * DAY_MS;
/** A slice reaching further back than this from the anchor takes the rest of the archive. */
const HORIZON_MS = 2 * 365 * DAY_MS;
/** Sorts before every uuid: (lo, ZERO_UUID) as a keyset means "older than lo". */
const ZERO_UUID = "00000000-0000-0000-0000-000000000000";

const rowsOf = <T>(res: unknown) => (res as { rows: T[] }).rows;

/**
 * The UTC day of published_at as a one-element array: the leading column of the GIN index
 * articles_day_search_idx (migration 0030), to be written exactly like the index expression.
 * A GIN read intersects its conditions in item order and lets each skip ahead to the other's next
 * item, so `DAY_KEY && {days}` in front of the text condition confines the read to the slice's
 * days (articles are stored roughly in time order). Without it, a query of common words that
 * matches nothing (`"Dinas Kesehatan" AND vaksinasi`, last 30 days) steps through every
 * `kesehatan` of the archive: ~35 ms at a million articles, ~10 ms with the days.
 */
export const DAY_KEY = sql`array[((a.published_at at time zone 'UTC')::date - date '2000-01-01')]`;
const DAY_ZERO_MS = Date.UTC(2000, 0, 1);
/** Past this many days the day list costs more per step than it saves (and covers most rows anyway). */
const MAX_KEY_DAYS = 92;
const dayNumber = (ms: number) => Math.floor((ms - DAY_ZERO_MS) / DAY_MS);

/** The days of [lo, hi] as an int[] literal, or null when there are too many to list. */
function dayList(lo: Date, hi: Date): string | null {
  const first = dayNumber(lo.getTime());
  const last = dayNumber(hi.getTime());
  if (last < first || last - first >= MAX_KEY_DAYS) return null;
  return `{${Array.from({ length: last - first + 1 }, (_, i) => first + i).join(",")}}`;
}

/**
 * published_at to the microsecond, as text, for keysets: a JS Date keeps milliseconds only, and a
 * cursor rounded down would skip the rows between the rounded and the real value.
 */
export const PUBLISHED_KEY = sql`to_char(a.published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as pk`;

/** Pins the plan family for the next statements of the (open) transaction. */
export async function pinScanMode(tx: Executor, mode: ScanMode): Promise<void> {
  const walk = mode === "walk";
  const auto = mode === "auto";
  const on = (b: boolean) => (b ? "on" : "off");
  await tx.execute(sql`select set_config('enable_bitmapscan', ${on(auto || !walk)}, true),
    set_config('enable_indexscan', ${on(auto || walk)}, true),
    set_config('enable_indexonlyscan', ${on(auto || walk)}, true),
    set_config('enable_seqscan', ${on(auto)}, true),
    set_config('jit', ${on(auto)}, true)`);
}

export interface SliceScanOptions {
  /** Scope, query and filters (planSearch). */
  where: SQL[];
  /** Slice the time axis (a text search) or run one unsliced query (no text query: the date index alone is fine). */
  sliced: boolean;
  /** The search's `from`: no slice reaches below it. */
  floor: Date | null;
  /** Where the first slice starts counting back from. */
  anchor: Date;
  /** Resume below this keyset (a page cursor). */
  after: Keyset | null;
  /** Selected columns, with `a` as the articles alias; must include a.id and PUBLISHED_KEY. */
  columns: SQL;
}

interface ScannedRow {
  id: string;
  /** PUBLISHED_KEY */
  pk: string;
}

/**
 * Candidates newest first. `next(n)` returns up to n rows below `position`; an empty or short
 * answer means a slice was used up and the scan moved to the next (`done` after the last).
 */
export class SliceScan<T extends ScannedRow> {
  /** Everything newer than this keyset has been returned; resume here. */
  position: Keyset | null;
  done = false;
  private slice: Slice;
  /** The transaction starts with the server's own planner settings. */
  private mode: ScanMode = "auto";
  /** Candidates in the used-up slices, and the time they cover. */
  private seen = 0;
  private inSlice = 0;

  constructor(
    private readonly tx: Executor,
    private readonly opts: SliceScanOptions,
  ) {
    this.position = opts.after;
    this.slice = opts.sliced
      ? { lo: this.clip(new Date(opts.anchor.getTime() - FIRST_SLICE_MS)), mode: "walk" }
      : { lo: null, mode: "auto" };
  }

  private clip(lo: Date): Date | null {
    if (this.opts.anchor.getTime() - lo.getTime() >= HORIZON_MS) return null;
    return this.opts.floor && lo <= this.opts.floor ? null : lo;
  }

  async next(n: number): Promise<T[]> {
    if (this.done) return [];
    const { slice, position } = this;
    if (slice.mode !== this.mode) {
      await pinScanMode(this.tx, slice.mode);
      this.mode = slice.mode;
    }
    const bounds: SQL[] = [];
    if (slice.lo) bounds.push(sql`a.published_at >= ${slice.lo.toISOString()}`);
    if (position) {
      bounds.push(sql`a.published_at <= ${position.p}::timestamptz`);
      bounds.push(sql`(a.published_at, a.id) < (${position.p}::timestamptz, ${position.id}::uuid)`);
    }
    // A GIN read of a bounded slice names its days (DAY_KEY); the date bounds above stay exact.
    const lo = slice.lo ?? this.opts.floor;
    const days = slice.mode === "bitmap" && lo && position ? dayList(lo, new Date(position.p)) : null;
    if (days) bounds.push(sql`${DAY_KEY} && ${days}::int[]`);
    const rows = rowsOf<T>(
      await this.tx.execute(sql`select ${this.opts.columns} from articles a
        where ${sql.join([...this.opts.where, ...bounds], sql` and `)}
        order by a.published_at desc, a.id desc limit ${n}`),
    );
    this.inSlice += rows.length;
    if (rows.length === n) {
      const last = rows[rows.length - 1];
      this.position = { p: last.pk, id: last.id };
      return rows;
    }
    // The slice is used up.
    if (!slice.lo) {
      this.done = true;
      return rows;
    }
    this.position = { p: slice.lo.toISOString(), id: ZERO_UUID };
    this.seen += this.inSlice;
    this.inSlice = 0;
    this.slice = this.following(slice.lo, n);
    return rows;
  }

  /** The slice below `hi`, sized and planned from the density seen so far. */
  private following(hi: Date, need: number): Slice {
    const covered = Math.max(1, this.opts.anchor.getTime() - hi.getTime());
    // Nothing in the newest day: one GIN read for the rest. Intersecting the posting lists of
    // common words costs 20–100 ms at a million articles whatever the range, so it is done once.
    if (this.seen === 0) return { lo: null, mode: "bitmap" };
    const expected = (need * covered) / this.seen;
    if (expected <= WALK_SPAN_MS) return { lo: this.clip(new Date(hi.getTime() - WALK_SPAN_MS)), mode: "walk" };
    return { lo: this.clip(new Date(hi.getTime() - 2 * expected)), mode: "bitmap" };
  }
}
