import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { monitoringSources } from "../../../db/schema";
import { AppError, fieldError } from "../../../http/errors";

/**
 * The monitoring source an entered or imported item is counted under: it must belong to the
 * same organization (another's id answers 404) and be of one of `kinds`.
 */
export async function intakeSource(tx: Executor, organizationId: string, sourceId: string | null | undefined, kinds: readonly string[]) {
  if (!sourceId) return null;
  const [source] = await tx
    .select({ id: monitoringSources.id, kind: monitoringSources.kind })
    .from(monitoringSources)
    .where(and(eq(monitoringSources.id, sourceId), eq(monitoringSources.organizationId, organizationId)))
    .limit(1);
  if (!source) throw fieldError("sourceId", "not_found", {}, 404);
  if (!kinds.includes(source.kind)) throw new AppError(400, "monitoring_source_kind", { kinds: kinds.join(", ") });
  return source;
}

/** Counts what an intake added on its source, like a fetch does (health: items, last success). */
export async function recordIntakeOnSource(tx: Executor, sourceId: string | null, inserted: number) {
  if (!sourceId) return;
  const now = new Date();
  // Incremented in SQL: two intakes at once on one source must both count.
  await tx
    .update(monitoringSources)
    .set({ itemsTotal: sql`${monitoringSources.itemsTotal} + ${inserted}`, lastFetchedAt: now, lastSuccessAt: now, updatedAt: now })
    .where(eq(monitoringSources.id, sourceId));
}
