import { sql } from "drizzle-orm";
import type { Logger } from "pino";
import type { Executor } from "../db/client";

/** Crawlers, link previews, monitors and command-line clients: not readers. */
const BOTS =
  /bot|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|whatsapp|telegram|discord|skype|curl|wget|python|java\/|go-http|okhttp|axios|node-fetch|undici|httpclient|headless|lighthouse|pingdom|monitor|uptime|scan|wrk|^node$|^$/i;

export const isBot = (userAgent: string | undefined) => BOTS.test((userAgent ?? "").trim());

/**
 * Counts item page views without cookies and without storing anything about the reader (no IP,
 * no user agent): an in-memory tally per item, flushed once a minute in a single UPDATE. Counting
 * never waits on the database and never fails a page; a flush that fails is logged and its
 * counts are put back for the next one.
 */
export class ViewCounter {
  private pending = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly db: Executor,
    private readonly logger: Logger,
    private readonly intervalMs = 60_000,
    /** Past this many distinct items waiting, flush early so memory stays bounded. */
    private readonly maxPending = 10_000,
  ) {}

  start() {
    if (this.timer) return;
    this.timer = setInterval(() => void this.flush(), this.intervalMs);
    this.timer.unref();
  }

  count(itemId: string) {
    this.pending.set(itemId, (this.pending.get(itemId) ?? 0) + 1);
    if (this.pending.size >= this.maxPending) void this.flush();
  }

  /** Writes the tallies (one statement for all items); resolves when they are stored. */
  async flush(): Promise<void> {
    if (this.flushing) await this.flushing;
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    const values = sql.join(
      [...batch].map(([id, n]) => sql`(${id}::uuid, ${n}::bigint)`),
      sql`, `,
    );
    this.flushing = (async () => {
      try {
        await this.db.execute(sql`update content_items c set views = c.views + v.n from (values ${values}) as v(id, n) where c.id = v.id`);
      } catch (err) {
        this.logger.warn({ err, items: batch.size }, "view counts not stored; kept for the next flush");
        for (const [id, n] of batch) this.pending.set(id, (this.pending.get(id) ?? 0) + n);
      } finally {
        this.flushing = null;
      }
    })();
    await this.flushing;
  }

  async stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }
}
