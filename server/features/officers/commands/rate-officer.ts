import { and, desc, eq, lte } from "drizzle-orm";
import type { z } from "zod";
import type { createRatingBody } from "../../../../common/schemas/officers";
import type { Executor } from "../../../db/client";
import { officerCareerEvents, officerRatings, officers } from "../../../db/schema";
import { AppError, fieldError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { newId } from "../../../lib/ids";
import { actorRequired } from "../../../policies/actor-required";
import { recordAudit } from "../../audit/record-audit";
import { officerPolicy } from "../officer.policy";
import { findVisibleOfficer } from "../officer-queries";

const lastDay = (month: string) => {
  const [y, m] = month.split("-").map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

/**
 * Records the predikat kinerja for whole months of one year. The jenjang is the one held at
 * the period's start (from the career history), so a later promotion does not re-value it.
 */
export async function rateOfficer(tx: Executor, ctx: CommandContext, officerId: string, input: z.infer<typeof createRatingBody>) {
  const actor = actorRequired(ctx);
  const officer = await findVisibleOfficer(tx, actor, officerId);
  officerPolicy.authorize(actor, "rate", officer);
  if (input.startMonth.slice(0, 4) !== input.endMonth.slice(0, 4) || input.endMonth < input.startMonth)
    throw fieldError("endMonth", "rating_period");
  // A month is rated once it has ended.
  if (input.endMonth >= new Date().toISOString().slice(0, 7)) throw fieldError("endMonth", "rating_future");
  // Serialize ratings of one officer so two overlapping periods cannot both pass the check.
  await tx.select({ id: officers.id }).from(officers).where(eq(officers.id, officerId)).for("update");
  const existing = await tx.select().from(officerRatings).where(eq(officerRatings.officerId, officerId));
  const clash = existing.find((r) => r.startMonth <= input.endMonth && input.startMonth <= r.endMonth);
  if (clash) throw fieldError("startMonth", "rating_overlap", { period: `${clash.startMonth} – ${clash.endMonth}` }, 409);
  const [held] = await tx
    .select({ jenjang: officerCareerEvents.toValue })
    .from(officerCareerEvents)
    .where(
      and(
        eq(officerCareerEvents.officerId, officerId),
        eq(officerCareerEvents.kind, "jenjang"),
        lte(officerCareerEvents.effectiveDate, lastDay(input.startMonth)),
      ),
    )
    .orderBy(desc(officerCareerEvents.effectiveDate), desc(officerCareerEvents.createdAt))
    .limit(1);
  const id = newId();
  const [row] = await tx
    .insert(officerRatings)
    .values({
      id,
      officerId,
      year: Number(input.startMonth.slice(0, 4)),
      startMonth: input.startMonth,
      endMonth: input.endMonth,
      jenjang: held?.jenjang ?? officer.jenjang,
      predikat: input.predikat,
      note: input.note ?? null,
      ratedBy: actor.userId,
    })
    .returning();
  await recordAudit(tx, ctx, {
    action: "officer.rate",
    entityType: "officer",
    entityId: officerId,
    organizationId: officer.organizationId,
    after: { ratingId: id, ...input, jenjang: row.jenjang },
  });
  return row;
}

export async function deleteRating(tx: Executor, ctx: CommandContext, officerId: string, ratingId: string) {
  const actor = actorRequired(ctx);
  const officer = await findVisibleOfficer(tx, actor, officerId);
  officerPolicy.authorize(actor, "rate", officer);
  const [row] = await tx
    .delete(officerRatings)
    .where(and(eq(officerRatings.id, ratingId), eq(officerRatings.officerId, officerId)))
    .returning();
  if (!row) throw new AppError(404, "not_found");
  await recordAudit(tx, ctx, {
    action: "officer.rating_delete",
    entityType: "officer",
    entityId: officerId,
    organizationId: officer.organizationId,
    before: { ratingId, startMonth: row.startMonth, endMonth: row.endMonth, predikat: row.predikat, jenjang: row.jenjang },
  });
}
