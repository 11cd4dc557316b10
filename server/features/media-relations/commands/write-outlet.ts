import { and, eq, isNull, ne, or, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { createOutletBody, updateOutletBody } from "../../../../common/schemas/media-relations";
import type { Executor } from "../../../db/client";
import { mediaOutlets } from "../../../db/schema";
import { AppError, fieldError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { newId } from "../../../lib/ids";
import { actorRequired } from "../../../policies/actor-required";
import { recordAudit } from "../../audit/record-audit";
import { findVisibleOrganization } from "../../organizations/organization-queries";
import { findRegion } from "../../regions/region-catalog";
import { mediaOutletPolicy } from "../media-relations.policy";
import { outletNameKey, websiteDomain } from "../normalize";
import { findVisibleOutlet } from "../outlet-queries";
import { ensureMediaDefaults } from "./media-defaults";

type OutletInput = z.infer<typeof updateOutletBody>;

/** Field rules zod cannot see alone: known region, certificate dates in order. */
function checkOutletFields(input: OutletInput, current?: typeof mediaOutlets.$inferSelect) {
  if (input.regionCode && !findRegion(input.regionCode)) throw fieldError("regionCode", "region_unknown");
  const date = input.certificateDate !== undefined ? input.certificateDate : (current?.certificateDate ?? null);
  const expires = input.certificateExpiresOn !== undefined ? input.certificateExpiresOn : (current?.certificateExpiresOn ?? null);
  if (date && expires && expires <= date) throw fieldError("certificateExpiresOn", "certificate_expiry_order", { date });
}

/** Outlets of the same organization that look like the same one: same name key or same domain. */
export async function duplicateCandidates(tx: Executor, organizationId: string, name: string, website: string | null, exceptId?: string) {
  const domain = websiteDomain(website);
  const same: SQL[] = [eq(mediaOutlets.nameKey, outletNameKey(name))];
  if (domain) same.push(eq(mediaOutlets.websiteDomain, domain));
  const rows = await tx
    .select({ id: mediaOutlets.id })
    .from(mediaOutlets)
    .where(
      and(
        eq(mediaOutlets.organizationId, organizationId),
        isNull(mediaOutlets.mergedIntoId),
        or(...same),
        exceptId ? ne(mediaOutlets.id, exceptId) : undefined,
      ),
    );
  return rows.map((r) => r.id);
}

export async function createOutlet(tx: Executor, ctx: CommandContext, input: z.infer<typeof createOutletBody>) {
  const actor = actorRequired(ctx);
  const org = await findVisibleOrganization(tx, actor, input.organizationId).catch(() => {
    throw fieldError("organizationId", "not_found", {}, 404);
  });
  mediaOutletPolicy.authorize(actor, "manage", { path: org.path });
  checkOutletFields(input);
  if (!input.confirmDuplicate) {
    const candidates = await duplicateCandidates(tx, org.id, input.name, input.website ?? null);
    if (candidates.length) throw new AppError(409, "outlet_duplicate", { ids: candidates.join(", ") });
  }
  await ensureMediaDefaults(tx, org.path);
  const id = newId();
  const { confirmDuplicate: _c, organizationId, ...fields } = input;
  const values = {
    ...fields,
    id,
    organizationId,
    nameKey: outletNameKey(input.name),
    websiteDomain: websiteDomain(input.website),
    createdBy: actor.userId,
  };
  await tx.insert(mediaOutlets).values(values);
  await recordAudit(tx, ctx, { action: "media_outlet.create", entityType: "media_outlet", entityId: id, organizationId, after: fields });
  return id;
}

export async function updateOutlet(tx: Executor, ctx: CommandContext, id: string, input: OutletInput) {
  const actor = actorRequired(ctx);
  const row = await findVisibleOutlet(tx, actor, id);
  mediaOutletPolicy.authorize(actor, "manage", row);
  if (row.mergedIntoId) throw new AppError(409, "outlet_merged");
  const [current] = await tx.select().from(mediaOutlets).where(eq(mediaOutlets.id, id));
  checkOutletFields(input, current);
  const patch: Partial<typeof mediaOutlets.$inferInsert> = { ...input, updatedAt: new Date() };
  if (input.name !== undefined) patch.nameKey = outletNameKey(input.name);
  if (input.website !== undefined) patch.websiteDomain = websiteDomain(input.website);
  await tx.update(mediaOutlets).set(patch).where(eq(mediaOutlets.id, id));
  const before = Object.fromEntries(Object.keys(input).map((k) => [k, current[k as keyof typeof current]]));
  await recordAudit(tx, ctx, {
    action: "media_outlet.update",
    entityType: "media_outlet",
    entityId: id,
    organizationId: row.organizationId,
    before,
    after: input,
  });
}
