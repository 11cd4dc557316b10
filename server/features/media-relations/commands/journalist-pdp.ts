import { eq } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { journalistInteractions, journalistMemberships, journalists } from "../../../db/schema";
import { AppError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { emit } from "../../../lib/domain-events";
import { newId } from "../../../lib/ids";
import { actorRequired } from "../../../policies/actor-required";
import { recordAudit } from "../../audit/record-audit";
import { presentInteractions } from "../journalist.presenter";
import { findVisibleJournalist, journalistDetail } from "../journalist-queries";
import { journalistPolicy } from "../media-relations.policy";

export const ERASED_NAME = "Dihapus atas permintaan";

export async function addJournalistNote(
  tx: Executor,
  ctx: CommandContext,
  id: string,
  input: { text: string; occurredOn?: string; link?: string | null },
) {
  const actor = actorRequired(ctx);
  const row = await findVisibleJournalist(tx, actor, id);
  journalistPolicy.authorize(actor, "manage", row);
  if (row.erasedAt) throw new AppError(409, "journalist_erased");
  const noteId = newId();
  const occurredOn = input.occurredOn ?? new Date().toISOString().slice(0, 10);
  await tx.insert(journalistInteractions).values({
    id: noteId,
    journalistId: id,
    kind: "note",
    occurredOn,
    text: input.text,
    link: input.link ?? null,
    createdBy: actor.userId,
  });
  await recordAudit(tx, ctx, {
    action: "journalist.note_add",
    entityType: "journalist",
    entityId: id,
    organizationId: row.organizationId,
    after: { interactionId: noteId, occurredOn },
  });
}

/** Everything held about the person (UU PDP right of access), as one JSON document. */
export async function exportPersonalData(tx: Executor, ctx: CommandContext, id: string) {
  const actor = actorRequired(ctx);
  const row = await findVisibleJournalist(tx, actor, id);
  journalistPolicy.authorize(actor, "read", row);
  const { journalist: j, interactions, memberships } = await journalistDetail(tx, id);
  await recordAudit(tx, ctx, {
    action: "journalist.personal_data_export",
    entityType: "journalist",
    entityId: id,
    organizationId: row.organizationId,
  });
  return {
    exportedAt: new Date().toISOString(),
    journalist: {
      id: j.id,
      organization: row.organizationName,
      name: j.name,
      beats: j.beats,
      regionCode: j.regionCode,
      ukwLevel: j.ukwLevel,
      ukwCertificateNumber: j.ukwCertificateNumber,
      ukwCertificateDate: j.ukwCertificateDate,
      email: j.email,
      phone: j.phone,
      whatsapp: j.whatsapp,
      consent: j.consent,
      notes: j.notes,
      erasedAt: j.erasedAt?.toISOString() ?? null,
      createdAt: j.createdAt.toISOString(),
      updatedAt: j.updatedAt.toISOString(),
    },
    memberships: memberships.map((m) => ({ outletId: m.outletId, outletName: m.outletName, role: m.role as "reporter" })),
    interactions: presentInteractions(interactions),
  };
}

/**
 * Erasure on request (UU PDP): contacts, personal fields, memberships and the text of the
 * interaction history go; the row stays, anonymized, so history counts remain true.
 */
export async function eraseJournalist(tx: Executor, ctx: CommandContext, id: string, reason: string) {
  const actor = actorRequired(ctx);
  const row = await findVisibleJournalist(tx, actor, id);
  journalistPolicy.authorize(actor, "erase", row);
  if (row.erasedAt) throw new AppError(409, "journalist_erased");
  await tx
    .update(journalists)
    .set({
      name: ERASED_NAME,
      beats: [],
      regionCode: null,
      ukwLevel: null,
      ukwCertificateNumber: null,
      ukwCertificateDate: null,
      email: null,
      phone: null,
      whatsapp: null,
      consent: null,
      notes: null,
      erasedAt: new Date(),
      updatedAt: new Date(),
    })
    .where(eq(journalists.id, id));
  const cleared = await tx
    .update(journalistInteractions)
    .set({ text: "", link: null })
    .where(eq(journalistInteractions.journalistId, id))
    .returning({ id: journalistInteractions.id });
  await tx.delete(journalistMemberships).where(eq(journalistMemberships.journalistId, id));
  await emit(tx, "journalist.erased", { journalistId: id, organizationId: row.organizationId, erasedName: ERASED_NAME });
  await recordAudit(tx, ctx, {
    action: "journalist.erase",
    entityType: "journalist",
    entityId: id,
    organizationId: row.organizationId,
    after: { reason, interactionsCleared: cleared.length },
  });
}
