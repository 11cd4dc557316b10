import { eq } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { officers } from "../../../db/schema";
import type { CommandContext } from "../../../http/route-kit";
import { reencodeImage } from "../../../lib/images";
import { actorRequired } from "../../../policies/actor-required";
import { recordAudit } from "../../audit/record-audit";
import { officerPolicy } from "../officer.policy";
import { findVisibleOfficer } from "../officer-queries";

/** The officer's photo, re-encoded to a 400 px JPEG without any metadata of the original. */
export async function uploadOfficerPhoto(tx: Executor, ctx: CommandContext, id: string, data: Buffer) {
  const actor = actorRequired(ctx);
  const officer = await findVisibleOfficer(tx, actor, id);
  officerPolicy.authorize(actor, "update", officer);
  const jpeg = await reencodeImage(data, 400, "jpeg");
  const key = `officers/${id}.jpg`;
  await ctx.services.files.put(key, jpeg);
  await tx.update(officers).set({ photoKey: key, updatedAt: new Date() }).where(eq(officers.id, id));
  await recordAudit(tx, ctx, {
    action: "officer.photo",
    entityType: "officer",
    entityId: id,
    organizationId: officer.organizationId,
    after: { photoKey: key, bytes: jpeg.length },
  });
}
