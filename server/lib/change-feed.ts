import type pg from "pg";
import type { Logger } from "pino";
import type { Database } from "../db/client";

/** auth: sessions, grants; directory: organizations, users; content: what the public newsroom shows. */
export const CHANNELS = ["sinergi_auth", "sinergi_directory", "sinergi_content"] as const;
export type Channel = (typeof CHANNELS)[number];
type Listener = () => void;

/**
 * Tells in-process caches that data changed. Database triggers NOTIFY on every relevant write
 * (migration 0002), so any process or tool invalidates every process; `local()` invalidates
 * this process at once after its own commit, before the notification has travelled.
 * When the listening connection drops, everything is invalidated and it reconnects.
 */
export class ChangeFeed {
  private readonly listeners = new Map<Channel, Set<Listener>>();
  private client: pg.Client | null = null;
  private stopped = false;
  private unlisten: (() => Promise<void>)[] = [];

  constructor(private readonly logger: Logger) {}

  on(channel: Channel, listener: Listener) {
    const set = this.listeners.get(channel) ?? new Set();
    set.add(listener);
    this.listeners.set(channel, set);
  }

  /** Invalidates in this process now (after a commit), without waiting for NOTIFY. */
  local(...channels: Channel[]) {
    for (const c of channels.length ? channels : CHANNELS) for (const l of this.listeners.get(c) ?? []) l();
  }

  async start(database: Database) {
    if (database.pglite) {
      for (const channel of CHANNELS) this.unlisten.push(await database.pglite.listen(channel, () => this.local(channel)));
      return;
    }
    if (database.url) await this.connect(database.url);
  }

  private async connect(url: string) {
    const { default: pgModule } = await import("pg");
    // keepAlive notices a half-open connection; the caller retries until it is connected.
    const client = new pgModule.Client({ connectionString: url, keepAlive: true });
    client.on("notification", (msg) => {
      if ((CHANNELS as readonly string[]).includes(msg.channel)) this.local(msg.channel as Channel);
    });
    const lost = () => {
      if (this.client !== client) return;
      this.client = null;
      this.local();
      this.reconnect(url, 1);
    };
    client.on("error", lost);
    client.on("end", lost);
    try {
      await client.connect();
      for (const channel of CHANNELS) await client.query(`LISTEN ${channel}`);
    } catch (err) {
      client.end().catch(() => undefined);
      throw err;
    }
    this.client = client;
    // Anything may have changed while we were not listening.
    this.local();
  }

  /** Retries with backoff (1 s … 30 s) until connected or stopped; caches stay empty meanwhile. */
  private reconnect(url: string, attempt: number) {
    if (this.stopped) return;
    const delay = Math.min(30_000, 1000 * 2 ** (attempt - 1));
    setTimeout(() => {
      if (this.stopped) return;
      this.connect(url).catch((err) => {
        this.logger.warn({ err, attempt }, "change feed reconnect failed");
        this.local();
        this.reconnect(url, attempt + 1);
      });
    }, delay).unref();
  }

  /** True while invalidations can arrive; caches must not be trusted otherwise. */
  get connected(): boolean {
    return this.client !== null || this.unlisten.length > 0;
  }

  async stop() {
    this.stopped = true;
    for (const u of this.unlisten) await u().catch(() => undefined);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
