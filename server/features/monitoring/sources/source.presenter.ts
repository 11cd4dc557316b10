import type { FetchLogEntry, SourceSummary, SourceView } from "../../../../common/schemas/monitoring-sources";
import type { monitoringFetchLog } from "../../../db/schema";
import type { Actor } from "../../../policies/core";
import { monitoringSourcePolicy } from "./monitoring-sources.policy";
import type { SourceRow } from "./source-queries";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentSourceSummary(row: SourceRow, actor: Actor): SourceSummary {
  return {
    id: row.id,
    organizationId: row.organizationId,
    organizationName: row.organizationName,
    kind: row.kind as SourceSummary["kind"],
    name: row.name,
    url: row.url,
    outletId: row.outletId,
    outletName: row.outletName,
    scheduleMinutes: row.scheduleMinutes,
    enabled: row.enabled,
    health: row.health,
    lastFetchedAt: iso(row.lastFetchedAt),
    lastSuccessAt: iso(row.lastSuccessAt),
    lastErrorCode: row.lastErrorCode,
    lastErrorMessage: row.lastErrorMessage,
    consecutiveFailures: row.consecutiveFailures,
    itemsTotal: row.itemsTotal,
    itemsPerDay: Math.round((row.itemsWeek / 7) * 10) / 10,
    nextFetchAt: iso(row.nextFetchAt),
    running: row.running,
    can: monitoringSourcePolicy.abilities(actor, row),
  };
}

export function presentSource(row: SourceRow, byDay: { day: string; items: number }[], actor: Actor): SourceView {
  return {
    ...presentSourceSummary(row, actor),
    itemsByDay: byDay,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentFetchLog(row: typeof monitoringFetchLog.$inferSelect): FetchLogEntry {
  return {
    id: row.id,
    at: row.at.toISOString(),
    finishedAt: iso(row.finishedAt),
    status: row.status as FetchLogEntry["status"],
    trigger: row.trigger,
    httpStatus: row.httpStatus,
    entries: row.entries,
    items: row.items,
    duplicates: row.duplicates,
    rejected: row.rejected,
    errorCode: row.errorCode,
    error: row.error,
    details: row.details,
  };
}
