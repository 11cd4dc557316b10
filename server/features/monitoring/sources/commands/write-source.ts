import { and, eq, ne } from "drizzle-orm";
import type { z } from "zod";
import { SOCIAL_SOURCE_KINDS } from "../../../../../common/monitoring-intake-enums";
import { FEED_SOURCE_KINDS } from "../../../../../common/monitoring-source-enums";
import type { createSourceBody, updateSourceBody } from "../../../../../common/schemas/monitoring-sources";
import type { Executor } from "../../../../db/client";
import { monitoringSources } from "../../../../db/schema";
import { AppError, fieldError } from "../../../../http/errors";
import type { CommandContext } from "../../../../http/route-kit";
import { newId } from "../../../../lib/ids";
import { actorRequired } from "../../../../policies/actor-required";
import type { Actor } from "../../../../policies/core";
import { recordAudit } from "../../../audit/record-audit";
import { findVisibleOutlet } from "../../../media-relations/outlet-queries";
import { findVisibleOrganization } from "../../../organizations/organization-queries";
import { monitoringSourcePolicy } from "../monitoring-sources.policy";
import { findVisibleSource } from "../source-queries";

async function checkOutlet(tx: Executor, actor: Actor, outletId: string | null | undefined) {
  if (!outletId) return;
  await findVisibleOutlet(tx, actor, outletId).catch(() => {
    throw fieldError("outletId", "not_found", {}, 404);
  });
}

/** One source per address per organization: the same feed twice would store nothing new. */
async function checkUrlFree(tx: Executor, organizationId: string, url: string, exceptId?: string) {
  const [taken] = await tx
    .select({ id: monitoringSources.id })
    .from(monitoringSources)
    .where(
      and(
        eq(monitoringSources.organizationId, organizationId),
        eq(monitoringSources.url, url),
        exceptId ? ne(monitoringSources.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  if (taken) throw new AppError(409, "monitoring_source_url_taken");
}

export async function createSource(tx: Executor, ctx: CommandContext, input: z.infer<typeof createSourceBody>) {
  const actor = actorRequired(ctx);
  const org = await findVisibleOrganization(tx, actor, input.organizationId).catch(() => {
    throw fieldError("organizationId", "not_found", {}, 404);
  });
  monitoringSourcePolicy.authorize(actor, "manage", { path: org.path });
  await checkOutlet(tx, actor, input.outletId);
  await checkUrlFree(tx, org.id, input.url);
  const id = newId();
  const fields = {
    kind: input.kind,
    name: input.name,
    url: input.url,
    outletId: input.outletId ?? null,
    scheduleMinutes: input.scheduleMinutes,
    enabled: input.enabled,
  };
  await tx.insert(monitoringSources).values({ ...fields, id, organizationId: org.id, createdBy: actor.userId });
  await recordAudit(tx, ctx, {
    action: "monitoring_source.create",
    entityType: "monitoring_source",
    entityId: id,
    organizationId: org.id,
    after: fields,
  });
  return id;
}

/** Sources fed by importers and connectors (manual, csv, social, the clipping bin) are not edited here. */
function checkEditable(kind: string) {
  if (!(FEED_SOURCE_KINDS as readonly string[]).includes(kind)) throw new AppError(409, "monitoring_source_not_editable");
}

export async function updateSource(tx: Executor, ctx: CommandContext, id: string, input: z.infer<typeof updateSourceBody>) {
  const actor = actorRequired(ctx);
  const row = await findVisibleSource(tx, actor, id);
  monitoringSourcePolicy.authorize(actor, "manage", row);
  checkEditable(row.kind);
  await checkOutlet(tx, actor, input.outletId);
  if (input.url !== undefined) await checkUrlFree(tx, row.organizationId, input.url, id);
  const [current] = await tx.select().from(monitoringSources).where(eq(monitoringSources.id, id));
  const patch: Partial<typeof monitoringSources.$inferInsert> = { ...input, updatedAt: new Date() };
  // A new address starts afresh: no validators from the old one, fetched at the next sweep.
  if (input.url !== undefined && input.url !== current.url) Object.assign(patch, { etag: null, lastModified: null, nextFetchAt: null });
  if (input.enabled === true && !current.enabled) patch.nextFetchAt = null;
  await tx.update(monitoringSources).set(patch).where(eq(monitoringSources.id, id));
  const before = Object.fromEntries(Object.keys(input).map((k) => [k, current[k as keyof typeof current]]));
  await recordAudit(tx, ctx, {
    action: "monitoring_source.update",
    entityType: "monitoring_source",
    entityId: id,
    organizationId: row.organizationId,
    before,
    after: input,
  });
}

/** Deletes the source and its fetch log; stored articles stay (their source_id becomes null). */
export async function deleteSource(tx: Executor, ctx: CommandContext, id: string) {
  const actor = actorRequired(ctx);
  const row = await findVisibleSource(tx, actor, id);
  monitoringSourcePolicy.authorize(actor, "manage", row);
  await tx.delete(monitoringSources).where(eq(monitoringSources.id, id));
  await recordAudit(tx, ctx, {
    action: "monitoring_source.delete",
    entityType: "monitoring_source",
    entityId: id,
    organizationId: row.organizationId,
    before: { kind: row.kind, name: row.name, url: row.url },
  });
}

/** Marks a manual "fetch now" (audited); the caller enqueues the job after the commit. */
/** Checks and audits a "fetch now"; returns the job that fetches this kind (feeds here, social connectors in social/). */
export async function requestFetch(
  tx: Executor,
  ctx: CommandContext,
  id: string,
): Promise<"monitoring.fetch-source" | "monitoring.social-fetch"> {
  const actor = actorRequired(ctx);
  const row = await findVisibleSource(tx, actor, id);
  monitoringSourcePolicy.authorize(actor, "manage", row);
  const social = (SOCIAL_SOURCE_KINDS as readonly string[]).includes(row.kind);
  if (!social) checkEditable(row.kind);
  if (!row.enabled) throw new AppError(409, "monitoring_source_disabled");
  await recordAudit(tx, ctx, {
    action: "monitoring_source.fetch",
    entityType: "monitoring_source",
    entityId: id,
    organizationId: row.organizationId,
  });
  return social ? "monitoring.social-fetch" : "monitoring.fetch-source";
}
