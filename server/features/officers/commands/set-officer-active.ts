import { eq } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { officers } from "../../../db/schema";
import type { CommandContext } from "../../../http/route-kit";
import { actorRequired } from "../../../policies/actor-required";
import { recordAudit } from "../../audit/record-audit";
import { officerPolicy } from "../officer.policy";
import { findVisibleOfficer } from "../officer-queries";

/** Officers are never deleted: their records back credit points and reports for years. */
export async function setOfficerActive(tx: Executor, ctx: CommandContext, id: string, active: boolean) {
  const actor = actorRequired(ctx);
  const officer = await findVisibleOfficer(tx, actor, id);
  officerPolicy.authorize(actor, "deactivate", officer);
  await tx.update(officers).set({ active, updatedAt: new Date() }).where(eq(officers.id, id));
  await recordAudit(tx, ctx, {
    action: active ? "officer.reactivate" : "officer.deactivate",
    entityType: "officer",
    entityId: id,
    organizationId: officer.organizationId,
    before: { active: officer.active },
    after: { active },
  });
}
