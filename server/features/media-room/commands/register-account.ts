import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { journalistAccounts, organizations } from "../../../db/schema";
import { AppError, fieldError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { newId } from "../../../lib/ids";
import { recordAudit } from "../../audit/record-audit";
import { assertStrongPassword } from "../../auth/commands/reset-password";
import { hashPassword } from "../../auth/passwords";
import { normalizePhone } from "../../media-relations/normalize";
import type { RegisterForm } from "../site/forms";

/**
 * A journalist applies to one organization. The account waits as `pending` until its staff
 * decide; nothing is visible before that. One account per email address.
 */
export async function registerAccount(tx: Executor, ctx: CommandContext, input: RegisterForm): Promise<string> {
  const [org] = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(and(eq(organizations.id, input.organizationId), eq(organizations.active, true)));
  if (!org) throw fieldError("organizationId", "not_found", {}, 400);
  const phone = normalizePhone(input.phone);
  if (!phone) throw fieldError("phone", "phone_invalid");
  const [taken] = await tx
    .select({ id: journalistAccounts.id })
    .from(journalistAccounts)
    .where(sql`lower(${journalistAccounts.email}) = ${input.email}`);
  if (taken) throw new AppError(409, "validation_failed", {}, { email: { code: "media_room_email_taken" } });
  await assertStrongPassword(input.password, ctx.locale, [input.email, input.name, input.outlet]);
  const id = newId();
  await tx.insert(journalistAccounts).values({
    id,
    organizationId: org.id,
    name: input.name,
    email: input.email,
    outlet: input.outlet,
    role: input.role,
    pressCardNumber: input.pressCardNumber,
    phone,
    passwordHash: await hashPassword(input.password),
  });
  // Personal data stays out of the audit (PDP): the row id and the outlet are enough to trace it.
  await recordAudit(tx, ctx, {
    action: "media_room.register",
    entityType: "journalist_account",
    entityId: id,
    organizationId: org.id,
    after: { outlet: input.outlet, role: input.role },
  });
  return id;
}
