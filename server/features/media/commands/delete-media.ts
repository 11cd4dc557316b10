import { eq } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { mediaAssets } from "../../../db/schema";
import { AppError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { actorRequired } from "../../../policies/actor-required";
import { recordAudit } from "../../audit/record-audit";
import { mediaPolicy } from "../media.policy";
import { findVisibleAsset, usageCount } from "../media-queries";

/**
 * Deletes an unused asset and answers the storage keys to remove once the transaction has
 * committed (a rolled-back delete must not lose the files). An asset still used by content or
 * a campaign answers 409 asset_in_use.
 */
export async function deleteMedia(tx: Executor, ctx: CommandContext, id: string): Promise<string[]> {
  const actor = actorRequired(ctx);
  const asset = await findVisibleAsset(tx, actor, id);
  mediaPolicy.authorize(actor, "delete", asset);
  const used = await usageCount(tx, asset.id);
  if (used > 0) throw new AppError(409, "asset_in_use", { count: used });
  try {
    await tx.delete(mediaAssets).where(eq(mediaAssets.id, asset.id));
  } catch (err) {
    // Content linked the asset between the check and the delete: the foreign key refuses it.
    const code = (err as { cause?: { code?: string }; code?: string }).cause?.code ?? (err as { code?: string }).code;
    if (code === "23503") throw new AppError(409, "asset_in_use", { count: 1 });
    throw err;
  }
  await recordAudit(tx, ctx, {
    action: "media.delete",
    entityType: "media_asset",
    entityId: asset.id,
    organizationId: asset.organizationId,
    before: { fileName: asset.fileName, kind: asset.kind, mime: asset.mime, sizeBytes: asset.sizeBytes, caption: asset.caption },
  });
  return [asset.fileKey, ...Object.values(asset.renditions).map((r) => r.key)];
}
