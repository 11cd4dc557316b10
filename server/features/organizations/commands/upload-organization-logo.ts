import { eq } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { organizations } from "../../../db/schema";
import type { CommandContext } from "../../../http/route-kit";
import { reencodeImage } from "../../../lib/images";
import { actorRequired } from "../../../policies/actor-required";
import { recordAudit } from "../../audit/record-audit";
import { organizationPolicy } from "../organization.policy";
import { findVisibleOrganization } from "../organization-queries";

/**
 * Checks the upload by its bytes (not its name), then re-encodes it: the stored logo is a
 * fresh PNG of at most 512 px, with no metadata from the original file.
 */
export async function uploadOrganizationLogo(tx: Executor, ctx: CommandContext, id: string, data: Buffer) {
  const actor = actorRequired(ctx);
  const org = await findVisibleOrganization(tx, actor, id);
  organizationPolicy.authorize(actor, "uploadLogo", org);
  const png = await reencodeImage(data, 512, "png");
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
