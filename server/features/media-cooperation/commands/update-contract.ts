import { and, count, eq, gt, lt, max, min, ne, or } from "drizzle-orm";
import type { UpdateContractInput } from "../../../../common/schemas/media-cooperation";
import type { Executor } from "../../../db/client";
import { mediaContracts, mediaContractTerms, mediaDeliverables } from "../../../db/schema";
import { AppError, fieldError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { actorRequired } from "../../../policies/actor-required";
import { recordAudit } from "../../audit/record-audit";
import type { ContractRow } from "../contract-queries";
import { mediaContractPolicy } from "../media-cooperation.policy";
import { checkPeriod, rupiah, setContractStatus } from "./create-contract";
import { assertActive } from "./pay-term";

const EDITABLE = ["number", "title", "budgetLine", "valueRupiah", "quota", "periodStart", "periodEnd"] as const;
type Editable = (typeof EDITABLE)[number];
type Stored = Pick<typeof mediaContracts.$inferSelect, Editable | "status">;

/** Only the fields whose value differs from the stored one: an equal value is no change. */
function changes(stored: Stored, input: UpdateContractInput) {
  const before: Partial<Record<Editable, unknown>> = {};
  const after: Partial<Record<Editable, unknown>> = {};
  for (const f of EDITABLE) {
    if (input[f] === undefined || input[f] === stored[f]) continue;
    before[f] = stored[f];
    after[f] = input[f];
  }
  return { before, after: after as Partial<Pick<Stored, Editable>> };
}

/**
 * Every rule is checked before anything is written, against state locked for this
 * transaction: the contract row (which a new deliverable also locks, so the count cannot grow
 * behind the quota check) and its terms (which a payment locks).
 */
async function checkEdits(tx: Executor, contract: ContractRow, stored: Stored, next: Partial<Pick<Stored, Editable>>) {
  if (next.periodStart !== undefined || next.periodEnd !== undefined) {
    const period = { periodStart: next.periodStart ?? stored.periodStart, periodEnd: next.periodEnd ?? stored.periodEnd };
    checkPeriod(contract.fiscalYear, period);
    // A publication is accepted only inside the period; a shorter period must still hold them all.
    const [outside] = await tx
      .select({ n: count(), first: min(mediaDeliverables.publishedOn), last: max(mediaDeliverables.publishedOn) })
      .from(mediaDeliverables)
      .where(
        and(
          eq(mediaDeliverables.contractId, contract.id),
          or(lt(mediaDeliverables.publishedOn, period.periodStart), gt(mediaDeliverables.publishedOn, period.periodEnd)),
        ),
      );
    if (outside.n > 0) {
      const field = next.periodStart !== undefined && outside.first && outside.first < period.periodStart ? "periodStart" : "periodEnd";
      throw fieldError(
        field,
        "media_contract_period_excludes_deliverables",
        { count: outside.n, first: outside.first ?? "", last: outside.last ?? "" },
        409,
      );
    }
  }
  if (next.quota !== undefined) {
    const [{ n }] = await tx.select({ n: count() }).from(mediaDeliverables).where(eq(mediaDeliverables.contractId, contract.id));
    if (next.quota < n) throw fieldError("quota", "media_contract_quota_below_delivered", { delivered: n }, 409);
  }
  if (next.valueRupiah !== undefined) {
    const terms = await tx
      .select({ amount: mediaContractTerms.amountRupiah })
      .from(mediaContractTerms)
      .where(eq(mediaContractTerms.contractId, contract.id))
      .for("update");
    // Terms are not edited here, so a value that no longer matches them is a conflict with what is
    // stored. (That also keeps the value at or above what is paid: paid terms are part of the sum.)
    const sum = terms.reduce((s, t) => s + t.amount, 0);
    if (terms.length && sum !== next.valueRupiah) {
      throw fieldError("valueRupiah", "media_contract_terms_sum", { sum: rupiah(sum), value: rupiah(next.valueRupiah) }, 409);
    }
  }
  if (next.number !== undefined) {
    const [taken] = await tx
      .select({ id: mediaContracts.id })
      .from(mediaContracts)
      .where(
        and(
          eq(mediaContracts.organizationId, contract.organizationId),
          eq(mediaContracts.fiscalYear, contract.fiscalYear),
          eq(mediaContracts.number, next.number),
          ne(mediaContracts.id, contract.id),
        ),
      );
    if (taken) throw fieldError("number", "media_contract_number_taken", { number: next.number, year: contract.fiscalYear }, 409);
  }
}

/**
 * Corrects a contract's number, title, budget line, value, quota or period, and/or changes its
 * status. Fields change only while the contract is active (judged on the stored status, so a
 * closed contract is reopened first); a PATCH equal to what is stored writes nothing.
 */
export async function updateContract(tx: Executor, ctx: CommandContext, contract: ContractRow, input: UpdateContractInput) {
  mediaContractPolicy.authorize(actorRequired(ctx), "manage", contract);
  const [stored] = await tx.select().from(mediaContracts).where(eq(mediaContracts.id, contract.id)).for("update");
  if (!stored) throw new AppError(404, "not_found");
  const { before, after } = changes(stored, input);
  if (Object.keys(after).length) {
    assertActive({ ...contract, status: stored.status });
    await checkEdits(tx, contract, stored, after);
    await tx
      .update(mediaContracts)
      .set({ ...after, updatedAt: new Date() })
      .where(eq(mediaContracts.id, contract.id));
    await recordAudit(tx, ctx, {
      action: "media_contract.update",
      entityType: "media_contract",
      entityId: contract.id,
      organizationId: contract.organizationId,
      before,
      after,
    });
  }
  // The status keeps its own audit action, as before fields became editable.
  if (input.status !== undefined) await setContractStatus(tx, ctx, { ...contract, status: stored.status }, input.status);
}
