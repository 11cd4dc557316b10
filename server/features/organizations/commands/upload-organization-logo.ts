import { eq } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { organizations } from "../../../db/schema";
import { AppError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { actorRequired } from "../../../policies/actor-required";
import { recordAudit } from "../../audit/record-audit";
import { organizationPolicy } from "../organization.policy";
import { findVisibleOrganization } from "../organization-queries";

const ACCEPTED = new Set(["image/png", "image/jpeg", "image/webp"]);

/**
 * Checks the upload by its bytes (not its name), then re-encodes it: the stored logo is a
 * fresh PNG of at most 512 px, with no metadata from the original file.
 */
export async function uploadOrganizationLogo(tx: Executor, ctx: CommandContext, id: string, data: Buffer) {
  const actor = actorRequired(ctx);
  const org = await findVisibleOrganization(tx, actor, id);
  organizationPolicy.authorize(actor, "uploadLogo", org);
  // Image libraries load on the first upload, not at start-up.
  const [{ fileTypeFromBuffer }, { default: sharp }] = await Promise.all([import("file-type"), import("sharp")]);
  const type = await fileTypeFromBuffer(data);
  if (!type || !ACCEPTED.has(type.mime)) throw new AppError(415, "file_type", { types: "PNG, JPEG, WebP" });
  let png: Buffer;
  try {
    png = await sharp(data).rotate().resize(512, 512, { fit: "inside", withoutEnlargement: true }).png().toBuffer();
  } catch {
    throw new AppError(400, "file_invalid");
  }
  const key = `logos/${id}.png`;
  await ctx.services.files.put(key, png);
  await tx.update(organizations).set({ logoKey: key, updatedAt: new Date() }).where(eq(organizations.id, id));
  await recordAudit(tx, ctx, {
    action: "organization.logo",
    entityType: "organization",
    entityId: id,
    organizationId: id,
    after: { logoKey: key, bytes: png.length },
  });
}
