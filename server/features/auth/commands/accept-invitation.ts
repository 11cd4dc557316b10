import { eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { Executor } from "../../../db/client";
import { grants, organizations, users } from "../../../db/schema";
import { AppError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { recordAudit } from "../../audit/record-audit";
import { hashPassword } from "../passwords";
import { createSession } from "../sessions";
import { findUserToken, markTokenUsed } from "../user-tokens";
import { assertStrongPassword } from "./reset-password";

export async function describeInvitation(tx: Executor, token: string) {
  const row = await findUserToken(tx, token, "invite");
  const [user] = await tx.select().from(users).where(eq(users.id, row.userId));
  // A link only works while the account is still waiting for it (never for a deactivated one).
  if (user.status !== "invited") throw new AppError(400, "token_invalid");
  const orgs = await tx
    .select({ name: organizations.name, role: grants.role })
    .from(grants)
    .innerJoin(organizations, eq(organizations.id, grants.organizationId))
    .where(eq(grants.userId, user.id));
  return { user, organizations: orgs };
}

/** The invitee sets a name and password; the account becomes active and is signed in. */
export async function acceptInvitation(
  tx: Executor,
  ctx: CommandContext,
  request: FastifyRequest,
  token: string,
  input: { name: string; password: string },
) {
  const row = await findUserToken(tx, token, "invite");
  const [user] = await tx.select().from(users).where(eq(users.id, row.userId)).for("update");
  if (user.status !== "invited") throw new AppError(400, "token_invalid");
  await assertStrongPassword(input.password, ctx.locale, [user.email, input.name]);
  await tx
    .update(users)
    .set({
      name: input.name,
      passwordHash: await hashPassword(input.password),
      status: "active",
      lastLoginAt: new Date(),
      updatedAt: new Date(),
    })
    .where(eq(users.id, user.id));
  await markTokenUsed(tx, row.id);
  const session = await createSession(tx, ctx.services.env, user.id, request, false);
  await recordAudit(tx, ctx, {
    action: "user.accept_invitation",
    entityType: "user",
    entityId: user.id,
    actorId: user.id,
    before: { status: user.status, name: user.name },
    after: { status: "active", name: input.name },
  });
  return { userId: user.id, session };
}
