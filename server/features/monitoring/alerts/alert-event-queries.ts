import { and, asc, count, desc, eq, gt, ilike, inArray, isNull, or, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { alertEventQuery } from "../../../../common/schemas/monitoring-alerts";
import type { Executor } from "../../../db/client";
import { alertDeliveries, alertEvents, alertRules, organizations } from "../../../db/schema";
import type { Actor } from "../../../policies/core";
import { inScope } from "../../organizations/organization-queries";
import { ALERT_READERS, alertEventPolicy } from "./alerts.policy";

type EventRow = typeof alertEvents.$inferSelect;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function presentAlertEvent(
  actor: Actor,
  e: EventRow,
  extra: { organizationName: string; path: string; ruleName: string },
  deliveries: { channel: string; status: string; lastError: string | null }[],
) {
  return {
    id: e.id,
    organizationId: e.organizationId,
    organizationName: extra.organizationName,
    ruleId: e.ruleId,
    ruleName: extra.ruleName,
    kind: e.kind as never,
    critical: e.critical,
    title: e.title,
    summary: e.summary,
    url: e.url,
    articleId: e.articleId,
    clusterId: e.clusterId,
    mentionedOrganizationId: e.mentionedOrganizationId,
    explanation: e.explanation ?? null,
    held: e.deliveredAt === null && e.heldUntil !== null,
    heldUntil: e.heldUntil?.toISOString() ?? null,
    deliveredAt: e.deliveredAt?.toISOString() ?? null,
    acknowledgedAt: e.acknowledgedAt?.toISOString() ?? null,
    createdAt: e.createdAt.toISOString(),
    deliveries: deliveries.map((d) => ({ channel: d.channel as never, status: d.status, lastError: d.lastError })),
    can: alertEventPolicy.abilities(actor, { path: extra.path }),
  };
}

/**
 * Alerts in the actor's scope, newest first; `after` gives only those newer than an id, oldest
 * first, so a live view can page forward without skipping any (ids are UUIDv7, time-ordered).
 */
export async function listAlertEvents(
  db: Executor,
  actor: Actor,
  query: Partial<z.infer<typeof alertEventQuery>> & {
    page: number;
    pageSize: number;
    after?: string;
    id?: string;
    organizationIds?: string[];
  },
) {
  const filters: (SQL | undefined)[] = [inScope(actor, ALERT_READERS)];
  if (query.organizationId) filters.push(eq(alertEvents.organizationId, query.organizationId));
  if (query.organizationIds) filters.push(inArray(alertEvents.organizationId, query.organizationIds));
  if (query.kind) filters.push(eq(alertEvents.kind, query.kind));
  if (query.ruleId) filters.push(eq(alertEvents.ruleId, query.ruleId));
  if (query.unacknowledged === "true") filters.push(isNull(alertEvents.acknowledgedAt));
  if (query.after) filters.push(gt(alertEvents.id, query.after));
  if (query.id) filters.push(eq(alertEvents.id, query.id));
  if (query.q) {
    const like = `%${escapeLike(query.q)}%`;
    filters.push(or(ilike(alertEvents.title, like), ilike(alertEvents.summary, like)));
  }
  const where = and(...filters);
  const base = () =>
    db
      .select({ e: alertEvents, organizationName: organizations.name, path: organizations.path, ruleName: alertRules.name })
      .from(alertEvents)
      .innerJoin(organizations, eq(organizations.id, alertEvents.organizationId))
      .innerJoin(alertRules, eq(alertRules.id, alertEvents.ruleId));
  const [rows, [{ total }]] = await Promise.all([
    base()
      .where(where)
      .orderBy(...(query.after ? [asc(alertEvents.id)] : [desc(alertEvents.createdAt), desc(alertEvents.id)]))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(alertEvents).innerJoin(organizations, eq(organizations.id, alertEvents.organizationId)).where(where),
  ]);
  const ids = rows.map((r) => r.e.id);
  const deliveries = ids.length
    ? await db
        .select({
          eventId: alertDeliveries.eventId,
          channel: alertDeliveries.channel,
          status: alertDeliveries.status,
          lastError: alertDeliveries.lastError,
        })
        .from(alertDeliveries)
        .where(inArray(alertDeliveries.eventId, ids))
    : [];
  return {
    items: rows.map((r) =>
      presentAlertEvent(
        actor,
        r.e,
        r,
        deliveries.filter((d) => d.eventId === r.e.id),
      ),
    ),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
