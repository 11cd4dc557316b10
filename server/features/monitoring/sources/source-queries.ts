import { and, asc, count, desc, eq, like, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { FAILING_AFTER, type SourceHealth } from "../../../../common/monitoring-source-enums";
import type { fetchLogQuery, sourceListQuery } from "../../../../common/schemas/monitoring-sources";
import type { Executor } from "../../../db/client";
import { mediaOutlets, monitoringFetchLog, monitoringSources, organizations } from "../../../db/schema";
import { AppError } from "../../../http/errors";
import { type Actor, scopeRoots } from "../../../policies/core";
import { escapeLike } from "../../media-relations/outlet-queries";
import { SOURCE_READERS } from "./monitoring-sources.policy";

/** Sources whose organization lies in one of the actor's subtrees. */
export function sourceScope(actor: Actor, roles: readonly string[] = SOURCE_READERS): SQL {
  const roots = scopeRoots(actor, roles as never);
  return roots.length ? (or(...roots.map((r) => like(organizations.path, `${r}%`))) as SQL) : sql`false`;
}

/** The health badge as SQL, so the list can filter on it (same rule as the enum's comment). */
export const healthSql = sql<SourceHealth>`case
  when not ${monitoringSources.enabled} then 'disabled'
  when ${monitoringSources.lastFetchedAt} is null then 'new'
  when ${monitoringSources.consecutiveFailures} >= ${FAILING_AFTER} then 'failing'
  when ${monitoringSources.consecutiveFailures} > 0 or ${monitoringSources.lastErrorCode} is not null then 'warning'
  else 'ok' end`;

/** A run older than this still marked running was lost (a crashed worker). */
const RUNNING_FOR_MS = 10 * 60_000;

const columns = {
  id: monitoringSources.id,
  organizationId: monitoringSources.organizationId,
  organizationName: organizations.name,
  path: organizations.path,
  kind: monitoringSources.kind,
  name: monitoringSources.name,
  url: monitoringSources.url,
  outletId: monitoringSources.outletId,
  outletName: mediaOutlets.name,
  scheduleMinutes: monitoringSources.scheduleMinutes,
  enabled: monitoringSources.enabled,
  health: healthSql,
  lastFetchedAt: monitoringSources.lastFetchedAt,
  lastSuccessAt: monitoringSources.lastSuccessAt,
  lastErrorCode: monitoringSources.lastErrorCode,
  lastErrorMessage: monitoringSources.lastErrorMessage,
  consecutiveFailures: monitoringSources.consecutiveFailures,
  itemsTotal: monitoringSources.itemsTotal,
  itemsWeek: sql<number>`(select coalesce(sum(l.items), 0) from monitoring_fetch_log l
    where l.source_id = ${monitoringSources.id} and l.at > now() - interval '7 days')`.mapWith(Number),
  running: sql<boolean>`exists (select 1 from monitoring_fetch_log l where l.source_id = ${monitoringSources.id}
    and l.status = 'running' and l.at > now() - (${RUNNING_FOR_MS} * interval '1 millisecond'))`.mapWith(Boolean),
  nextFetchAt: monitoringSources.nextFetchAt,
  createdAt: monitoringSources.createdAt,
  updatedAt: monitoringSources.updatedAt,
};

export interface SourceRow {
  id: string;
  organizationId: string;
  organizationName: string;
  path: string;
  kind: string;
  name: string;
  url: string | null;
  outletId: string | null;
  outletName: string | null;
  scheduleMinutes: number;
  enabled: boolean;
  health: SourceHealth;
  lastFetchedAt: Date | null;
  lastSuccessAt: Date | null;
  lastErrorCode: string | null;
  lastErrorMessage: string | null;
  consecutiveFailures: number;
  itemsTotal: number;
  itemsWeek: number;
  running: boolean;
  nextFetchAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const base = (db: Executor) =>
  db
    .select(columns)
    .from(monitoringSources)
    .innerJoin(organizations, eq(organizations.id, monitoringSources.organizationId))
    .leftJoin(mediaOutlets, eq(mediaOutlets.id, monitoringSources.outletId));

export async function findVisibleSource(db: Executor, actor: Actor, id: string): Promise<SourceRow> {
  const [row] = await base(db)
    .where(and(eq(monitoringSources.id, id), sourceScope(actor)))
    .limit(1);
  if (!row) throw new AppError(404, "not_found");
  return row as SourceRow;
}

export async function listSources(db: Executor, actor: Actor, q: z.infer<typeof sourceListQuery>) {
  const where: (SQL | undefined)[] = [sourceScope(actor)];
  if (q.organizationId) where.push(eq(monitoringSources.organizationId, q.organizationId));
  if (q.kind) where.push(eq(monitoringSources.kind, q.kind));
  if (q.health) where.push(sql`${healthSql} = ${q.health}`);
  if (q.q)
    where.push(
      sql`lower(${monitoringSources.name} || ' ' || coalesce(${monitoringSources.url}, '') || ' ' || coalesce(${mediaOutlets.name}, '')) like ${`%${escapeLike(q.q)}%`}`,
    );
  const condition = and(...where);
  const rows = await base(db)
    .where(condition)
    .orderBy(asc(sql`lower(${monitoringSources.name})`), asc(monitoringSources.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [{ total }] = await db
    .select({ total: count() })
    .from(monitoringSources)
    .innerJoin(organizations, eq(organizations.id, monitoringSources.organizationId))
    .leftJoin(mediaOutlets, eq(mediaOutlets.id, monitoringSources.outletId))
    .where(condition);
  return { rows: rows as SourceRow[], total };
}

/** Items stored per day over the last 7 days (today included), oldest first, zero-filled. */
export async function itemsByDay(db: Executor, sourceId: string) {
  const rows = await db
    .select({
      day: sql<string>`to_char(date_trunc('day', ${monitoringFetchLog.at}), 'YYYY-MM-DD')`,
      items: sql<number>`sum(${monitoringFetchLog.items})`.mapWith(Number),
    })
    .from(monitoringFetchLog)
    .where(and(eq(monitoringFetchLog.sourceId, sourceId), sql`${monitoringFetchLog.at} > date_trunc('day', now()) - interval '6 days'`))
    .groupBy(sql`1`);
  const byDay = new Map(rows.map((r) => [r.day, r.items]));
  const out: { day: string; items: number }[] = [];
  const today = new Date();
  for (let i = 6; i >= 0; i--) {
    const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - i)).toISOString().slice(0, 10);
    out.push({ day: d, items: byDay.get(d) ?? 0 });
  }
  return out;
}

export async function listFetchLog(db: Executor, sourceId: string, q: z.infer<typeof fetchLogQuery>) {
  const condition = and(eq(monitoringFetchLog.sourceId, sourceId), q.status ? eq(monitoringFetchLog.status, q.status) : undefined);
  const rows = await db
    .select()
    .from(monitoringFetchLog)
    .where(condition)
    .orderBy(desc(monitoringFetchLog.at), desc(monitoringFetchLog.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [{ total }] = await db.select({ total: count() }).from(monitoringFetchLog).where(condition);
  return { rows, total };
}
