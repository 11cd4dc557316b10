import { eq, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { journalistAccounts } from "../../../db/schema";
import type { CommandContext } from "../../../http/route-kit";
import { recordAudit } from "../../audit/record-audit";
import { dummyHash, verifyPassword } from "../../auth/passwords";

export type SignInOutcome =
  | { ok: true; accountId: string }
  | { ok: false; reason: "invalid_credentials" | "pending" | "rejected" | "deactivated" };

/**
 * Checks the password first and only then tells the state of the account, so a stranger learns
 * nothing about which addresses applied. Unknown emails still cost one Argon2 verification.
 */
export async function signInJournalist(tx: Executor, ctx: CommandContext, email: string, password: string): Promise<SignInOutcome> {
  const [account] = await tx
    .select()
    .from(journalistAccounts)
    .where(sql`lower(${journalistAccounts.email}) = ${email.trim().toLowerCase()}`)
    .limit(1);
  if (!account) {
    await verifyPassword(await dummyHash(), password);
    return { ok: false, reason: "invalid_credentials" };
  }
  if (!(await verifyPassword(account.passwordHash, password))) {
    await tx
      .update(journalistAccounts)
      .set({ failedLogins: account.failedLogins + 1 })
      .where(eq(journalistAccounts.id, account.id));
    return { ok: false, reason: "invalid_credentials" };
  }
  if (account.status !== "approved") return { ok: false, reason: account.status as "pending" | "rejected" | "deactivated" };
  await tx.update(journalistAccounts).set({ failedLogins: 0, lastLoginAt: new Date() }).where(eq(journalistAccounts.id, account.id));
  await recordAudit(tx, ctx, {
    action: "media_room.sign_in",
    entityType: "journalist_account",
    entityId: account.id,
    organizationId: account.organizationId,
  });
  return { ok: true, accountId: account.id };
}
