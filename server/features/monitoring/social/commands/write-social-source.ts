import { and, desc, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import { SOCIAL_SOURCE_KINDS, type SocialSourceKind } from "../../../../../common/monitoring-intake-enums";
import type { socialSource, socialSourceBody, socialSourceUpdateBody } from "../../../../../common/schemas/monitoring-intake";
import type { Executor } from "../../../../db/client";
import { monitoringSourceSecrets, monitoringSources, organizations } from "../../../../db/schema";
import { AppError, fieldError } from "../../../../http/errors";
import type { CommandContext } from "../../../../http/route-kit";
import { newId } from "../../../../lib/ids";
import { actorRequired } from "../../../../policies/actor-required";
import type { Actor } from "../../../../policies/core";
import { recordAudit } from "../../../audit/record-audit";
import { findVisibleOutlet } from "../../../media-relations/outlet-queries";
import { findVisibleOrganization, inScope } from "../../../organizations/organization-queries";
import { monitoringSourcePolicy, SOURCE_READERS } from "../../sources/monitoring-sources.policy";
import { sealSocialSecret } from "../run-social-fetch";

type SourceRow = typeof monitoringSources.$inferSelect;
type SecretRow = typeof monitoringSourceSecrets.$inferSelect;
type Present = z.infer<typeof socialSource>;

/** What the audit log keeps of a social source: never the token, only whether it changed. */
const auditView = (
  s: { name: string; kind: string; config: unknown; scheduleMinutes: number; enabled: boolean },
  tokenChanged: boolean,
) => ({
  name: s.name,
  kind: s.kind,
  target: (s.config as { target?: string }).target ?? null,
  scheduleMinutes: s.scheduleMinutes,
  enabled: s.enabled,
  ...(tokenChanged ? { token: "changed" } : {}),
});

export async function createSocialSource(tx: Executor, ctx: CommandContext, input: z.infer<typeof socialSourceBody>) {
  const actor = actorRequired(ctx);
  const org = await findVisibleOrganization(tx, actor, input.organizationId).catch(() => {
    throw fieldError("organizationId", "not_found", {}, 404);
  });
  monitoringSourcePolicy.authorize(actor, "manage", { path: org.path });
  if (input.outletId)
    await findVisibleOutlet(tx, actor, input.outletId).catch(() => {
      throw fieldError("outletId", "not_found", {}, 404);
    });
  const id = newId();
  const values = {
    id,
    organizationId: org.id,
    kind: input.kind,
    name: input.name,
    url: null,
    outletId: input.outletId ?? null,
    scheduleMinutes: input.scheduleMinutes,
    enabled: true,
    config: { target: input.target },
    createdBy: actor.userId,
  };
  await tx.insert(monitoringSources).values(values);
  await tx.insert(monitoringSourceSecrets).values({
    sourceId: id,
    organizationId: org.id,
    secret: sealSocialSecret(ctx.services, id, input.accessToken),
  });
  await recordAudit(tx, ctx, {
    action: "monitoring_source.create",
    entityType: "monitoring_source",
    entityId: id,
    organizationId: org.id,
    after: auditView(values, true),
  });
  return id;
}

/** A social source in the actor's subtree; another tenant's id (or a feed source) is 404. */
export async function findSocialSource(db: Executor, actor: Actor, id: string) {
  const [row] = await db
    .select({ source: monitoringSources, secret: monitoringSourceSecrets, path: organizations.path, timeZone: organizations.timeZone })
    .from(monitoringSources)
    .innerJoin(organizations, eq(organizations.id, monitoringSources.organizationId))
    .leftJoin(monitoringSourceSecrets, eq(monitoringSourceSecrets.sourceId, monitoringSources.id))
    .where(and(eq(monitoringSources.id, id), inArray(monitoringSources.kind, [...SOCIAL_SOURCE_KINDS]), inScope(actor, SOURCE_READERS)))
    .limit(1);
  if (!row) throw new AppError(404, "not_found");
  return row;
}

export async function updateSocialSource(tx: Executor, ctx: CommandContext, id: string, input: z.infer<typeof socialSourceUpdateBody>) {
  const actor = actorRequired(ctx);
  const { source, path } = await findSocialSource(tx, actor, id);
  monitoringSourcePolicy.authorize(actor, "manage", { path });
  const config = { ...(source.config as Record<string, unknown>), ...(input.target !== undefined ? { target: input.target } : {}) };
  const next = {
    name: input.name ?? source.name,
    scheduleMinutes: input.scheduleMinutes ?? source.scheduleMinutes,
    enabled: input.enabled ?? source.enabled,
    config,
  };
  await tx
    .update(monitoringSources)
    .set({ ...next, updatedAt: new Date(), ...(input.enabled ? { consecutiveFailures: 0, nextFetchAt: null } : {}) })
    .where(eq(monitoringSources.id, id));
  const targetChanged = input.target !== undefined && input.target !== (source.config as { target?: string }).target;
  if (input.accessToken || targetChanged) {
    // A new query or channel starts from scratch; a new token clears the platform's back-off.
    const sealed = input.accessToken ? { secret: sealSocialSecret(ctx.services, id, input.accessToken) } : {};
    await tx
      .insert(monitoringSourceSecrets)
      .values({ sourceId: id, organizationId: source.organizationId, secret: sealed.secret ?? "", cursor: {} })
      .onConflictDoUpdate({
        target: monitoringSourceSecrets.sourceId,
        set: { ...sealed, backoffUntil: null, updatedAt: new Date(), ...(targetChanged ? { cursor: {} } : {}) },
      });
  }
  await recordAudit(tx, ctx, {
    action: "monitoring_source.update",
    entityType: "monitoring_source",
    entityId: id,
    organizationId: source.organizationId,
    before: auditView(source, false),
    after: auditView({ ...source, ...next }, Boolean(input.accessToken)),
  });
}

export async function listSocialSources(db: Executor, actor: Actor, organizationId?: string) {
  return db
    .select({ source: monitoringSources, secret: monitoringSourceSecrets, path: organizations.path, timeZone: organizations.timeZone })
    .from(monitoringSources)
    .innerJoin(organizations, eq(organizations.id, monitoringSources.organizationId))
    .leftJoin(monitoringSourceSecrets, eq(monitoringSourceSecrets.sourceId, monitoringSources.id))
    .where(
      and(
        inArray(monitoringSources.kind, [...SOCIAL_SOURCE_KINDS]),
        inScope(actor, SOURCE_READERS),
        organizationId ? eq(monitoringSources.organizationId, organizationId) : undefined,
      ),
    )
    .orderBy(desc(monitoringSources.createdAt))
    .limit(500);
}

export function presentSocialSource(
  actor: Actor,
  row: { source: SourceRow; secret: SecretRow | null; path: string; timeZone: string },
): Present {
  const { source, secret } = row;
  return {
    id: source.id,
    organizationId: source.organizationId,
    kind: source.kind as SocialSourceKind,
    name: source.name,
    target: String((source.config as { target?: string }).target ?? ""),
    enabled: source.enabled,
    scheduleMinutes: source.scheduleMinutes,
    tokenSet: Boolean(secret?.secret),
    backoffUntil: secret?.backoffUntil && secret.backoffUntil > new Date() ? secret.backoffUntil.toISOString() : null,
    lastFetchedAt: source.lastFetchedAt?.toISOString() ?? null,
    lastSuccessAt: source.lastSuccessAt?.toISOString() ?? null,
    lastError: source.lastErrorMessage,
    itemsTotal: source.itemsTotal,
    timeZone: row.timeZone,
    can: monitoringSourcePolicy.abilities(actor, { path: row.path }, ["read", "manage"]),
  };
}
