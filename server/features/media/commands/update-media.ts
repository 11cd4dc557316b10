import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { updateMediaBody } from "../../../../common/schemas/media";
import type { Executor } from "../../../db/client";
import { mediaAssets } from "../../../db/schema";
import { fieldError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { actorRequired } from "../../../policies/actor-required";
import { recordAudit } from "../../audit/record-audit";
import { mediaPolicy } from "../media.policy";
import { findVisibleAsset } from "../media-queries";

type Patch = z.infer<typeof updateMediaBody>;

/** Edits an asset's description and rights; the audit entry holds the changed fields only. */
export async function updateMedia(tx: Executor, ctx: CommandContext, id: string, patch: Patch) {
  const actor = actorRequired(ctx);
  const asset = await findVisibleAsset(tx, actor, id);
  mediaPolicy.authorize(actor, "edit", asset);
  if (patch.durationSeconds != null && asset.kind !== "video" && asset.kind !== "audio")
    throw fieldError("durationSeconds", "field_invalid");

  const next = { ...patch, takenAt: patch.takenAt === undefined ? undefined : patch.takenAt ? new Date(patch.takenAt) : null };
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  const set: Partial<typeof mediaAssets.$inferInsert> = {};
  for (const [key, value] of Object.entries(next) as [keyof typeof next, unknown][]) {
    if (value === undefined) continue;
    const old = asset[key];
    const same =
      value instanceof Date || old instanceof Date ? String(value) === String(old) : JSON.stringify(old) === JSON.stringify(value);
    if (same) continue;
    before[key] = old instanceof Date ? old.toISOString() : old;
    after[key] = value instanceof Date ? value.toISOString() : value;
    (set as Record<string, unknown>)[key] = value;
  }
  if (Object.keys(set).length === 0) return;
  await tx.update(mediaAssets).set(set).where(eq(mediaAssets.id, asset.id));
  await recordAudit(tx, ctx, {
    action: "media.update",
    entityType: "media_asset",
    entityId: asset.id,
    organizationId: asset.organizationId,
    before,
    after,
  });
}
