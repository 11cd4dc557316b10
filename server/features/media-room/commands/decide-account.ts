import { and, eq, ne } from "drizzle-orm";
import type { z } from "zod";
import type { approveAccountBody } from "../../../../common/schemas/media-room";
import type { Executor } from "../../../db/client";
import { journalistAccounts } from "../../../db/schema";
import { AppError, fieldError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { actorRequired } from "../../../policies/actor-required";
import { recordAudit } from "../../audit/record-audit";
import { queueEmail } from "../../email/queue-email";
import { notificationEmail } from "../../email/templates";
import { createJournalist } from "../../media-relations/commands/write-journalist";
import { findVisibleJournalist } from "../../media-relations/journalist-queries";
import { type AccountRow, findVisibleAccount } from "../account-queries";
import { revokeRoomSessions } from "../journalist-sessions";
import { mediaRoomAccountPolicy } from "../media-room.policy";

/** Loads the account in scope under a row lock (two staff deciding at once: the second sees the first). */
async function loadForDecision(tx: Executor, ctx: CommandContext, id: string) {
  const actor = actorRequired(ctx);
  const row = await findVisibleAccount(tx, actor, id);
  mediaRoomAccountPolicy.authorize(actor, "decide", row);
  await tx.select({ id: journalistAccounts.id }).from(journalistAccounts).where(eq(journalistAccounts.id, id)).for("update");
  const [fresh] = await tx.select({ status: journalistAccounts.status }).from(journalistAccounts).where(eq(journalistAccounts.id, id));
  return { actor, row: { ...row, status: fresh.status } };
}

function decisionEmail(ctx: CommandContext, row: AccountRow, title: string, body: string) {
  return notificationEmail("id", {
    to: row.email,
    name: row.name,
    title,
    body,
    url: `${ctx.services.publicUrl}/media-room/masuk`,
  });
}

/** Which journalist record the account is: a chosen one in scope, a new one from the application, or none yet. */
async function journalistFor(tx: Executor, ctx: CommandContext, row: AccountRow, input: z.infer<typeof approveAccountBody>) {
  const actor = actorRequired(ctx);
  if (input.journalistId) {
    const j = await findVisibleJournalist(tx, actor, input.journalistId).catch(() => {
      throw fieldError("journalistId", "not_found", {}, 404);
    });
    if (!j.path.startsWith(row.path) && !row.path.startsWith(j.path)) throw fieldError("journalistId", "not_found", {}, 404);
    const [other] = await tx
      .select({ id: journalistAccounts.id })
      .from(journalistAccounts)
      .where(and(eq(journalistAccounts.journalistId, j.id), ne(journalistAccounts.id, row.id)));
    if (other) throw new AppError(409, "validation_failed", {}, { journalistId: { code: "media_room_journalist_linked" } });
    return j.id;
  }
  if (input.createJournalist) {
    return createJournalist(tx, ctx, {
      organizationId: row.organizationId,
      name: row.name,
      email: row.email,
      phone: row.phone,
      notes: `Mendaftar di ruang media: ${row.outlet}, kartu pers/UKW ${row.pressCardNumber}.`,
      consent: {
        purpose: "Akses ruang media dan pengiriman siaran pers",
        basis: "persetujuan",
        consentedAt: row.createdAt.toISOString(),
        source: "Pendaftaran ruang media",
      },
    });
  }
  return row.journalistId;
}

export async function approveAccount(tx: Executor, ctx: CommandContext, id: string, input: z.infer<typeof approveAccountBody>) {
  const { row } = await loadForDecision(tx, ctx, id);
  if (row.status !== "pending") throw new AppError(409, "media_room_already_decided");
  const journalistId = await journalistFor(tx, ctx, row, input);
  await tx
    .update(journalistAccounts)
    .set({
      status: "approved",
      journalistId,
      decidedBy: ctx.actor?.userId ?? null,
      decidedAt: new Date(),
      decisionReason: null,
      updatedAt: new Date(),
    })
    .where(eq(journalistAccounts.id, id));
  await recordAudit(tx, ctx, {
    action: "media_room.approve",
    entityType: "journalist_account",
    entityId: id,
    organizationId: row.organizationId,
    before: { status: row.status },
    after: { status: "approved", journalistId },
  });
  return queueEmail(tx, {
    ...decisionEmail(
      ctx,
      row,
      "Pendaftaran ruang media Anda disetujui",
      `${row.organizationName} menyetujui akses Anda ke ruang media. Silakan masuk.`,
    ),
    organizationId: row.organizationId,
  });
}

export async function rejectAccount(tx: Executor, ctx: CommandContext, id: string, reason: string) {
  const { row } = await loadForDecision(tx, ctx, id);
  if (row.status !== "pending") throw new AppError(409, "media_room_already_decided");
  await tx
    .update(journalistAccounts)
    .set({ status: "rejected", decidedBy: ctx.actor?.userId ?? null, decidedAt: new Date(), decisionReason: reason, updatedAt: new Date() })
    .where(eq(journalistAccounts.id, id));
  await recordAudit(tx, ctx, {
    action: "media_room.reject",
    entityType: "journalist_account",
    entityId: id,
    organizationId: row.organizationId,
    before: { status: row.status },
    after: { status: "rejected", reason },
  });
  return queueEmail(tx, {
    ...decisionEmail(ctx, row, "Pendaftaran ruang media Anda belum dapat disetujui", `Alasan dari ${row.organizationName}: ${reason}`),
    organizationId: row.organizationId,
  });
}

/** Ends access at once: status and every session in the same transaction. */
export async function deactivateAccount(tx: Executor, ctx: CommandContext, id: string, reason: string | undefined) {
  const { row } = await loadForDecision(tx, ctx, id);
  if (row.status !== "approved") throw new AppError(409, "media_room_not_approved");
  await tx
    .update(journalistAccounts)
    .set({
      status: "deactivated",
      decidedBy: ctx.actor?.userId ?? null,
      decidedAt: new Date(),
      decisionReason: reason ?? null,
      updatedAt: new Date(),
    })
    .where(eq(journalistAccounts.id, id));
  await revokeRoomSessions(tx, id);
  await recordAudit(tx, ctx, {
    action: "media_room.deactivate",
    entityType: "journalist_account",
    entityId: id,
    organizationId: row.organizationId,
    before: { status: row.status },
    after: { status: "deactivated", reason: reason ?? null },
  });
}
