import { and, eq, gt, isNull } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { userTokens } from "../../db/schema";
import { AppError } from "../../http/errors";
import { newId } from "../../lib/ids";
import { hashSecret, newSecret } from "../../lib/tokens";

export type TokenPurpose = "invite" | "reset";
export const TOKEN_TTL_MINUTES: Record<TokenPurpose, number> = { invite: 7 * 24 * 60, reset: 60 };

/** Issues a one-time link token; older unused tokens of the same purpose stop working. */
export async function issueUserToken(tx: Executor, userId: string, purpose: TokenPurpose): Promise<string> {
  await tx
    .update(userTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(userTokens.userId, userId), eq(userTokens.purpose, purpose), isNull(userTokens.usedAt)));
  const token = newSecret();
  await tx.insert(userTokens).values({
    id: newId(),
    userId,
    purpose,
    tokenHash: hashSecret(token),
    expiresAt: new Date(Date.now() + TOKEN_TTL_MINUTES[purpose] * 60_000),
  });
  return token;
}

/** Every pending link of a user stops working (deactivation). */
export async function voidUserTokens(tx: Executor, userId: string) {
  await tx
    .update(userTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(userTokens.userId, userId), isNull(userTokens.usedAt)));
}

export async function findUserToken(tx: Executor, token: string, purpose: TokenPurpose) {
  const [row] = await tx
    .select()
    .from(userTokens)
    .where(
      and(
        eq(userTokens.tokenHash, hashSecret(token)),
        eq(userTokens.purpose, purpose),
        isNull(userTokens.usedAt),
        gt(userTokens.expiresAt, new Date()),
      ),
    )
    .limit(1);
  if (!row) throw new AppError(400, "token_invalid");
  return row;
}

export async function markTokenUsed(tx: Executor, id: string) {
  await tx.update(userTokens).set({ usedAt: new Date() }).where(eq(userTokens.id, id));
}
