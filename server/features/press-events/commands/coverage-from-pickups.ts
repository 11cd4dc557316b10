import { sql } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { pressEvents } from "../../../db/schema";
import type { DomainEvents } from "../../../lib/domain-events";
import { addCoverage } from "./coverage";

/**
 * Release pickup → event coverage: an article that ran a press release linked to a press event
 * is coverage that event earned (source "monitoring"). Idempotent per (event, url), so a
 * re-run of the pickup sweep or a link already added by hand changes nothing.
 */
export async function recordCoverageFromPickups(tx: Executor, event: DomainEvents["monitoring.pickups"]) {
  const contentIds = [...new Set(event.pickups.map((p) => p.contentId))];
  if (contentIds.length === 0) return;
  const events = await tx
    .select({ id: pressEvents.id, contentItemIds: pressEvents.contentItemIds })
    .from(pressEvents)
    .where(sql`${pressEvents.contentItemIds} && ${`{${contentIds.join(",")}}`}::uuid[] and ${pressEvents.status} <> 'cancelled'`);
  for (const pressEvent of events) {
    for (const p of event.pickups) {
      if (!pressEvent.contentItemIds.includes(p.contentId)) continue;
      await addCoverage(tx, {
        eventId: pressEvent.id,
        url: p.url,
        title: p.title,
        outletId: p.outletId,
        outletName: p.outletName,
        publishedAt: p.publishedAt,
        source: "monitoring",
      });
    }
  }
}
