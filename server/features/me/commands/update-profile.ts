import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { updateMeBody } from "../../../../common/schemas/auth";
import type { Executor } from "../../../db/client";
import { users } from "../../../db/schema";
import type { CommandContext } from "../../../http/route-kit";
import { actorRequired } from "../../../policies/actor-required";
import { recordAudit } from "../../audit/record-audit";

export async function updateProfile(tx: Executor, ctx: CommandContext, input: z.infer<typeof updateMeBody>) {
  const userId = actorRequired(ctx).userId as string;
  const [before] = await tx.select().from(users).where(eq(users.id, userId));
  const after = {
    name: input.name ?? before.name,
    phone: input.phone === undefined ? before.phone : input.phone || null,
    locale: input.locale ?? before.locale,
    emailNotifications: input.emailNotifications ?? before.emailNotifications,
  };
  await tx
    .update(users)
    .set({ ...after, updatedAt: new Date() })
    .where(eq(users.id, userId));
  await recordAudit(tx, ctx, {
    action: "user.update_profile",
    entityType: "user",
    entityId: userId,
    before: { name: before.name, phone: before.phone, locale: before.locale, emailNotifications: before.emailNotifications },
    after,
  });
}
