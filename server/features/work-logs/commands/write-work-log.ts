import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { createWorkLogBody, updateWorkLogBody } from "../../../../common/schemas/work-logs";
import type { Executor } from "../../../db/client";
import { hasilKerjaTypes, workLogs } from "../../../db/schema";
import { fieldError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { newId } from "../../../lib/ids";
import { actorRequired } from "../../../policies/actor-required";
import { recordAudit } from "../../audit/record-audit";
import { findVisibleOfficer } from "../../officers/officer-queries";
import { workLogCreatePolicy, workLogPolicy } from "../work-log.policy";
import { findVisibleWorkLog } from "../work-log-queries";

async function checkType(tx: Executor, id: string) {
  const [type] = await tx
    .select({ id: hasilKerjaTypes.id })
    .from(hasilKerjaTypes)
    .where(and(eq(hasilKerjaTypes.id, id), eq(hasilKerjaTypes.active, true)));
  if (!type) throw fieldError("hasilKerjaTypeId", "not_found", {}, 404);
}

function checkWhen(occurredAt: string) {
  // Logging ahead is not a record of work done; a day of slack covers time zones.
  if (new Date(occurredAt).getTime() > Date.now() + 86_400_000) throw fieldError("occurredAt", "rating_future");
}

/** A draft entry for the actor's own officer record. */
export async function createWorkLog(tx: Executor, ctx: CommandContext, input: z.infer<typeof createWorkLogBody>) {
  const actor = actorRequired(ctx);
  const officer = await findVisibleOfficer(tx, actor, input.officerId).catch(() => {
    throw fieldError("officerId", "not_found", {}, 404);
  });
  workLogCreatePolicy.authorize(actor, "create", { officerUserId: officer.userId });
  await checkType(tx, input.hasilKerjaTypeId);
  checkWhen(input.occurredAt);
  const id = newId();
  await tx.insert(workLogs).values({
    id,
    officerId: officer.id,
    organizationId: officer.organizationId,
    hasilKerjaTypeId: input.hasilKerjaTypeId,
    occurredAt: new Date(input.occurredAt),
    title: input.title,
    description: input.description,
    place: input.place ?? null,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
    createdBy: actor.userId,
  });
  await recordAudit(tx, ctx, {
    action: "work_log.create",
    entityType: "work_log",
    entityId: id,
    organizationId: officer.organizationId,
    after: { ...input },
  });
  return id;
}

export async function updateWorkLog(tx: Executor, ctx: CommandContext, id: string, input: z.infer<typeof updateWorkLogBody>) {
  const actor = actorRequired(ctx);
  const log = await findVisibleWorkLog(tx, actor, id);
  workLogPolicy.authorize(actor, "edit", log);
  if (input.hasilKerjaTypeId) await checkType(tx, input.hasilKerjaTypeId);
  if (input.occurredAt) checkWhen(input.occurredAt);
  const [before] = await tx.select().from(workLogs).where(eq(workLogs.id, id));
  const [after] = await tx
    .update(workLogs)
    .set({
      hasilKerjaTypeId: input.hasilKerjaTypeId ?? before.hasilKerjaTypeId,
      occurredAt: input.occurredAt ? new Date(input.occurredAt) : before.occurredAt,
      title: input.title ?? before.title,
      description: input.description ?? before.description,
      place: input.place === undefined ? before.place : input.place,
      latitude: input.latitude === undefined ? before.latitude : input.latitude,
      longitude: input.longitude === undefined ? before.longitude : input.longitude,
      updatedAt: new Date(),
    })
    .where(eq(workLogs.id, id))
    .returning();
  const shape = (r: typeof before) => ({
    title: r.title,
    description: r.description,
    place: r.place,
    hasilKerjaTypeId: r.hasilKerjaTypeId,
    occurredAt: r.occurredAt,
  });
  await recordAudit(tx, ctx, {
    action: "work_log.update",
    entityType: "work_log",
    entityId: id,
    organizationId: log.organizationId,
    before: shape(before),
    after: shape(after),
  });
}
