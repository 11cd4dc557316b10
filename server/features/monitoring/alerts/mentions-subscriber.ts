import { sql } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { alertInbox } from "../../../db/schema";
import type { DomainEvents } from "../../../lib/domain-events";
import { newId } from "../../../lib/ids";

/**
 * Reacts to `monitoring.mentions` inside the ingest transaction and stays cheap: one inbox row
 * and a NOTIFY, both of which land only if the ingest commits. The listener (alert-signals.ts)
 * then queues one `alerts.evaluate` job; the per-minute sweep catches a lost signal.
 */
export async function queueMentionsForAlerts(tx: Executor, event: DomainEvents["monitoring.mentions"]) {
  if (event.mentions.length === 0) return;
  await tx.insert(alertInbox).values({
    id: newId(),
    organizationId: event.organizationId,
    mentions: event.mentions.map((m) => ({ ...m, publishedAt: new Date(m.publishedAt).toISOString() })),
  });
  await tx.execute(sql`select pg_notify('sinergi_mentions', ${event.organizationId})`);
}
