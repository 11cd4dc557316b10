import { and, eq } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { mediaContractJournalists, mediaContractTerms } from "../../../db/schema";
import { AppError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { actorRequired } from "../../../policies/actor-required";
import { recordAudit } from "../../audit/record-audit";
import type { ContractRow } from "../contract-queries";
import { checkEligibility, decideOverride } from "../eligibility";
import { mediaContractPolicy } from "../media-cooperation.policy";

/** Terms change only while the contract is active. */
export function assertActive(contract: ContractRow) {
  if (contract.status !== "aktif") throw new AppError(409, "media_contract_closed", { status: contract.status });
}

async function findTerm(tx: Executor, contractId: string, termId: string) {
  const [term] = await tx
    .select()
    .from(mediaContractTerms)
    .where(and(eq(mediaContractTerms.id, termId), eq(mediaContractTerms.contractId, contractId)))
    .for("update");
  if (!term) throw new AppError(404, "not_found");
  if (term.status === "dibayar") throw new AppError(409, "media_term_already_paid");
  return term;
}

/** belum → diajukan: the payment request has gone to the finance office. */
export async function submitTerm(tx: Executor, ctx: CommandContext, contract: ContractRow, termId: string) {
  mediaContractPolicy.authorize(actorRequired(ctx), "manage", contract);
  assertActive(contract);
  const term = await findTerm(tx, contract.id, termId);
  await tx.update(mediaContractTerms).set({ status: "diajukan" }).where(eq(mediaContractTerms.id, term.id));
  await recordAudit(tx, ctx, {
    action: "media_contract.term_submit",
    entityType: "media_contract",
    entityId: contract.id,
    organizationId: contract.organizationId,
    before: { termId, status: term.status },
    after: { termId, status: "diajukan" },
  });
}

/**
 * Records a payment. The eligibility check runs again on the payment date, because a
 * certificate may have expired or the pemred changed since signing; a failure blocks like at
 * creation unless overridden with a reason.
 */
export async function payTerm(
  tx: Executor,
  ctx: CommandContext,
  contract: ContractRow,
  termId: string,
  input: { paidOn: string; overrideReason?: string },
) {
  const actor = actorRequired(ctx);
  mediaContractPolicy.authorize(actor, "manage", contract);
  assertActive(contract);
  const term = await findTerm(tx, contract.id, termId);
  const named = await tx
    .select({ id: mediaContractJournalists.journalistId })
    .from(mediaContractJournalists)
    .where(eq(mediaContractJournalists.contractId, contract.id));
  const check = await checkEligibility(
    tx,
    contract.path,
    contract.outletId,
    named.map((n) => n.id),
    input.paidOn,
  );
  const override = decideOverride(check, input.overrideReason, mediaContractPolicy.can(actor, "override", contract));
  await tx
    .update(mediaContractTerms)
    .set({
      status: "dibayar",
      paidOn: input.paidOn,
      eligibility: check,
      overrideReason: override,
      overrideBy: override ? actor.userId : null,
      overrideAt: override ? new Date() : null,
    })
    .where(eq(mediaContractTerms.id, term.id));
  await recordAudit(tx, ctx, {
    action: "media_contract.term_pay",
    entityType: "media_contract",
    entityId: contract.id,
    organizationId: contract.organizationId,
    before: { termId, status: term.status },
    after: { termId, status: "dibayar", paidOn: input.paidOn, amountRupiah: term.amountRupiah, eligibility: check },
  });
  if (override) {
    await recordAudit(tx, ctx, {
      action: "media_contract.eligibility_override",
      entityType: "media_contract",
      entityId: contract.id,
      organizationId: contract.organizationId,
      after: { stage: "payment", termId, reason: override, failed: check.rules.filter((r) => !r.passed) },
    });
  }
}
