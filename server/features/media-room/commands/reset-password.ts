import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { journalistAccounts, journalistAccountTokens } from "../../../db/schema";
import { AppError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { newId } from "../../../lib/ids";
import { hashSecret, newSecret } from "../../../lib/tokens";
import { recordAudit } from "../../audit/record-audit";
import { assertStrongPassword } from "../../auth/commands/reset-password";
import { hashPassword } from "../../auth/passwords";
import { queueEmail } from "../../email/queue-email";
import { passwordResetEmail } from "../../email/templates";
import { revokeRoomSessions } from "../journalist-sessions";

export const RESET_MINUTES = 60;

/** Queues a reset link for an approved account; says nothing about whether the email exists. */
export async function requestRoomPasswordReset(tx: Executor, ctx: CommandContext, email: string): Promise<string | null> {
  const [account] = await tx
    .select()
    .from(journalistAccounts)
    .where(sql`lower(${journalistAccounts.email}) = ${email.trim().toLowerCase()}`)
    .limit(1);
  if (account?.status !== "approved") return null;
  const token = newSecret();
  await tx.insert(journalistAccountTokens).values({
    id: newId(),
    accountId: account.id,
    tokenHash: hashSecret(token),
    expiresAt: new Date(Date.now() + RESET_MINUTES * 60_000),
  });
  const url = `${ctx.services.publicUrl}/media-room/atur-ulang-sandi?token=${token}`;
  const mail = passwordResetEmail("id", { to: account.email, name: account.name, url, minutes: RESET_MINUTES });
  const emailId = await queueEmail(tx, { ...mail, subject: "Atur ulang kata sandi Ruang Media", organizationId: account.organizationId });
  await recordAudit(tx, ctx, {
    action: "media_room.reset_requested",
    entityType: "journalist_account",
    entityId: account.id,
    organizationId: account.organizationId,
  });
  return emailId;
}

/** Sets the new password, spends the link and ends every session of the account. */
export async function confirmRoomPasswordReset(tx: Executor, ctx: CommandContext, token: string, password: string) {
  const [row] = await tx
    .select({ id: journalistAccountTokens.id, accountId: journalistAccountTokens.accountId })
    .from(journalistAccountTokens)
    .where(
      and(
        eq(journalistAccountTokens.tokenHash, hashSecret(token)),
        isNull(journalistAccountTokens.usedAt),
        gt(journalistAccountTokens.expiresAt, new Date()),
      ),
    )
    .for("update");
  if (!row) throw new AppError(400, "token_invalid");
  const [account] = await tx.select().from(journalistAccounts).where(eq(journalistAccounts.id, row.accountId));
  if (account.status !== "approved") throw new AppError(400, "token_invalid");
  await assertStrongPassword(password, ctx.locale, [account.email, account.name]);
  await tx
    .update(journalistAccounts)
    .set({ passwordHash: await hashPassword(password), failedLogins: 0, updatedAt: new Date() })
    .where(eq(journalistAccounts.id, account.id));
  await tx.update(journalistAccountTokens).set({ usedAt: new Date() }).where(eq(journalistAccountTokens.id, row.id));
  await revokeRoomSessions(tx, account.id);
  await recordAudit(tx, ctx, {
    action: "media_room.password_reset",
    entityType: "journalist_account",
    entityId: account.id,
    organizationId: account.organizationId,
  });
}
