import { eq } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { workLogEvents, workLogs } from "../../../db/schema";
import { AppError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { newId } from "../../../lib/ids";
import { actorRequired } from "../../../policies/actor-required";
import type { Actor } from "../../../policies/core";
import { recordAudit } from "../../audit/record-audit";
import { workLogPolicy } from "../work-log.policy";
import { rowsByIds, type WorkLogRow } from "../work-log-queries";

export interface BatchOutcome {
  id: string;
  ok: boolean;
  status: "draft" | "submitted" | "returned" | "approved" | null;
  error: string | null;
}

async function transition(
  tx: Executor,
  ctx: CommandContext,
  log: WorkLogRow,
  to: string,
  action: string,
  note: string | null,
  actor: Actor,
) {
  const now = new Date();
  const decided = to === "approved" || to === "returned";
  await tx
    .update(workLogs)
    .set({
      status: to,
      updatedAt: now,
      ...(to === "submitted" ? { submittedAt: now } : {}),
      ...(decided ? { decidedAt: now, decidedBy: actor.userId, decisionNote: note } : {}),
    })
    .where(eq(workLogs.id, log.id));
  await tx.insert(workLogEvents).values({ id: newId(), workLogId: log.id, action, note, actorId: actor.userId });
  await recordAudit(tx, ctx, {
    action: `work_log.${action}`,
    entityType: "work_log",
    entityId: log.id,
    organizationId: log.organizationId,
    before: { status: log.status },
    after: { status: to, note },
  });
}

/**
 * Applies one step to many entries at once. Each entry is checked on its own; the ones the
 * actor may not change are reported back, and the rest land together.
 */
async function batch(
  tx: Executor,
  ctx: CommandContext,
  ids: string[],
  allowed: (actor: Actor, log: WorkLogRow) => boolean,
  apply: (log: WorkLogRow, actor: Actor) => Promise<BatchOutcome["status"]>,
): Promise<BatchOutcome[]> {
  const actor = actorRequired(ctx);
  const rows = new Map((await rowsByIds(tx, actor, [...new Set(ids)])).map((r) => [r.id, r]));
  const out: BatchOutcome[] = [];
  for (const id of new Set(ids)) {
    const log = rows.get(id);
    if (!log) out.push({ id, ok: false, status: null, error: "not_found" });
    else if (!allowed(actor, log)) out.push({ id, ok: false, status: log.status as BatchOutcome["status"], error: "forbidden" });
    else out.push({ id, ok: true, status: await apply(log, actor), error: null });
  }
  return out;
}

export const submitWorkLogs = (tx: Executor, ctx: CommandContext, ids: string[]) =>
  batch(
    tx,
    ctx,
    ids,
    (actor, log) => workLogPolicy.can(actor, "submit", log),
    async (log, actor) => {
      await transition(tx, ctx, log, "submitted", log.status === "returned" ? "resubmit" : "submit", null, actor);
      return "submitted";
    },
  );

export function decideWorkLogs(tx: Executor, ctx: CommandContext, ids: string[], decision: "approve" | "return", note: string | undefined) {
  // Returning without a note leaves the officer guessing: the note is required then.
  if (decision === "return" && !note?.trim()) throw new AppError(400, "validation_failed", {}, { note: { code: "field_required" } });
  return batch(
    tx,
    ctx,
    ids,
    (actor, log) => workLogPolicy.can(actor, "decide", log),
    async (log, actor) => {
      const to = decision === "approve" ? "approved" : "returned";
      await transition(tx, ctx, log, to, decision, note?.trim() || null, actor);
      return to;
    },
  );
}

/** Unlocks an approved entry for correction; the reason stays in its history and the audit log. */
export async function reopenWorkLog(tx: Executor, ctx: CommandContext, id: string, reason: string) {
  const [outcome] = await batch(
    tx,
    ctx,
    [id],
    (actor, log) => workLogPolicy.can(actor, "reopen", log),
    async (log, actor) => {
      await transition(tx, ctx, log, "returned", "reopen", reason, actor);
      return "returned";
    },
  );
  if (outcome.error === "not_found") throw new AppError(404, "not_found");
  if (outcome.error) throw new AppError(403, "forbidden");
}
