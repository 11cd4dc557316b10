import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { inviteUserBody } from "../../../../common/schemas/users";
import type { Executor } from "../../../db/client";
import { grants, users } from "../../../db/schema";
import { fieldError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { newId } from "../../../lib/ids";
import { actorRequired } from "../../../policies/actor-required";
import { recordAudit } from "../../audit/record-audit";
import { checkGrant } from "./check-grant";
import { queueInvitation } from "./queue-invitation";

/** Creates an invited account with its grants and queues the invitation email. */
export async function inviteUser(tx: Executor, ctx: CommandContext, input: z.infer<typeof inviteUserBody>) {
  const actor = actorRequired(ctx);
  const orgs = [];
  for (const [i, g] of input.grants.entries())
    orgs.push(await checkGrant(tx, actor, g.organizationId, g.role, `grants.${i}.organizationId`));
  const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).limit(1);
  if (existing) throw fieldError("email", "email_taken", {}, 409);
  const userId = newId();
  await tx.insert(users).values({ id: userId, email: input.email, name: input.name, status: "invited", locale: ctx.locale });
  const unique = new Map(input.grants.map((g) => [`${g.organizationId}:${g.role}`, g]));
  await tx
    .insert(grants)
    .values([...unique.values()].map((g) => ({ id: newId(), userId, organizationId: g.organizationId, role: g.role })));
  const emailId = await queueInvitation(
    tx,
    ctx,
    { id: userId, email: input.email, name: input.name },
    orgs.map((o) => o.name),
  );
  await recordAudit(tx, ctx, {
    action: "user.invite",
    entityType: "user",
    entityId: userId,
    organizationId: orgs[0].id,
    after: { email: input.email, name: input.name, grants: [...unique.values()] },
  });
  return { userId, emailId };
}
