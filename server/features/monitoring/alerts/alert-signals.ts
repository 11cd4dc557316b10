import { EventEmitter } from "node:events";
import type pg from "pg";
import type { Services } from "../../../services";
import { EVALUATE_JOB } from "./alert-jobs";

/**
 * LISTENs for the two alert signals (NOTIFY is sent at commit, so a listener never sees
 * uncommitted rows): `sinergi_mentions` (new mentions in the inbox → queue one evaluation) and
 * `sinergi_alerts` (an alert was raised or released → the live views fetch what is new). The
 * payload is the organization id. Kept apart from the cache change feed, whose `local()` fires
 * on every commit.
 */
export class AlertSignals extends EventEmitter {
  private client: pg.Client | null = null;
  private unlisten: (() => Promise<void>)[] = [];
  private stopped = false;

  constructor(private readonly services: Services) {
    super();
    this.setMaxListeners(0);
  }

  private onSignal(channel: string, payload: string) {
    if (channel === "sinergi_mentions") {
      this.services.jobs
        .enqueue(EVALUATE_JOB, {}, { singletonKey: "evaluate" })
        .catch((err) => this.services.logger.error({ err }, "alerts: evaluation not queued"));
    } else this.emit("alert", payload);
  }

  async start() {
    const { database } = this.services;
    if (database.pglite) {
      for (const channel of ["sinergi_mentions", "sinergi_alerts"]) {
        this.unlisten.push(await database.pglite.listen(channel, (payload) => this.onSignal(channel, payload)));
      }
      return;
    }
    if (database.url) await this.connect(database.url);
  }

  private async connect(url: string) {
    const { default: pgModule } = await import("pg");
    const client = new pgModule.Client({ connectionString: url, keepAlive: true });
    client.on("notification", (msg) => this.onSignal(msg.channel, msg.payload ?? ""));
    const lost = () => {
      if (this.client !== client || this.stopped) return;
      this.client = null;
      setTimeout(
        () => this.connect(url).catch((err) => this.services.logger.warn({ err }, "alert signals reconnect failed")),
        5000,
      ).unref();
    };
    client.on("error", lost);
    client.on("end", lost);
    await client.connect();
    await client.query("LISTEN sinergi_mentions");
    await client.query("LISTEN sinergi_alerts");
    this.client = client;
  }

  async stop() {
    this.stopped = true;
    for (const u of this.unlisten) await u().catch(() => undefined);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}
