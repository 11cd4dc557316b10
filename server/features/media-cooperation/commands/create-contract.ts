import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { createContractBody, eligibilityCheckBody } from "../../../../common/schemas/media-cooperation";
import type { Executor } from "../../../db/client";
import {
  journalistMemberships,
  journalists,
  mediaContractJournalists,
  mediaContracts,
  mediaContractTerms,
  organizations,
} from "../../../db/schema";
import { fieldError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { newId } from "../../../lib/ids";
import { actorRequired } from "../../../policies/actor-required";
import type { Actor } from "../../../policies/core";
import { recordAudit } from "../../audit/record-audit";
import { findVisibleOutlet, inScope } from "../../media-relations/outlet-queries";
import { findVisibleOrganization } from "../../organizations/organization-queries";
import { localDate } from "../../reports/report-format";
import type { ContractRow } from "../contract-queries";
import { checkEligibility, decideOverride } from "../eligibility";
import { mediaContractPolicy } from "../media-cooperation.policy";
import { effectiveCooperationRules } from "./cooperation-settings";

export const rupiah = (n: number) => `Rp${n.toLocaleString("id-ID")}`;

/** The contracting organization (the actor must manage there) and the outlet (visible, not merged). */
async function parties(tx: Executor, ctx: CommandContext, organizationId: string, outletId: string) {
  const actor = actorRequired(ctx);
  const org = await findVisibleOrganization(tx, actor, organizationId);
  mediaContractPolicy.authorize(actor, "manage", org);
  const outlet = await findVisibleOutlet(tx, actor, outletId).catch(() => {
    throw fieldError("outletId", "not_found", {}, 404);
  });
  if (outlet.mergedIntoId) throw fieldError("outletId", "outlet_merged");
  return { actor, org, outlet };
}

/**
 * Every named journalist must be visible to the actor (another tree's ids answer not found, so no
 * name leaks), not erased, and on the outlet's staff.
 */
async function checkJournalists(tx: Executor, actor: Actor, outletId: string, ids: string[]) {
  const unique = [...new Set(ids)];
  if (!unique.length) return unique;
  const rows = await tx
    .select({
      id: journalists.id,
      name: journalists.name,
      erasedAt: journalists.erasedAt,
      member: journalistMemberships.outletId,
    })
    .from(journalists)
    .innerJoin(organizations, eq(organizations.id, journalists.organizationId))
    .leftJoin(
      journalistMemberships,
      and(eq(journalistMemberships.journalistId, journalists.id), eq(journalistMemberships.outletId, outletId)),
    )
    .where(and(inArray(journalists.id, unique), inScope(actor)));
  unique.forEach((id, i) => {
    const found = rows.filter((r) => r.id === id);
    if (!found.length) throw fieldError(`journalistIds.${i}`, "not_found");
    if (found[0].erasedAt || !found.some((r) => r.member))
      throw fieldError(`journalistIds.${i}`, "media_contract_journalist_not_member", { name: found[0].name });
  });
  return unique;
}

/** The live check the create form shows before anything is saved. */
export async function previewEligibility(tx: Executor, ctx: CommandContext, input: z.infer<typeof eligibilityCheckBody>) {
  const { actor, org, outlet } = await parties(tx, ctx, input.organizationId, input.outletId);
  const ids = await checkJournalists(tx, actor, outlet.id, input.journalistIds);
  const check = await checkEligibility(tx, org.path, outlet.id, ids, localDate(new Date(), org.timeZone as never));
  return { ...check, canOverride: mediaContractPolicy.can(actor, "override", org) };
}

/** The period lies inside the fiscal year and does not end before it starts (at creation and on edit). */
export function checkPeriod(fiscalYear: number, period: { periodStart: string; periodEnd: string }) {
  const year = String(fiscalYear);
  for (const f of ["periodStart", "periodEnd"] as const) {
    if (period[f].slice(0, 4) !== year) throw fieldError(f, "media_contract_period_year", { year });
  }
  if (period.periodEnd < period.periodStart) throw fieldError("periodEnd", "media_contract_period_order", { date: period.periodStart });
}

function checkDates(input: z.infer<typeof createContractBody>) {
  const year = String(input.fiscalYear);
  checkPeriod(input.fiscalYear, input);
  input.terms.forEach((t, i) => {
    if (t.dueOn.slice(0, 4) !== year) throw fieldError(`terms.${i}.dueOn`, "media_contract_period_year", { year });
  });
  const sum = input.terms.reduce((s, t) => s + t.amountRupiah, 0);
  if (input.terms.length && sum !== input.valueRupiah) {
    throw fieldError("terms", "media_contract_terms_sum", { sum: rupiah(sum), value: rupiah(input.valueRupiah) });
  }
}

/**
 * Creates a contract after the eligibility check. A failing check answers 409 listing the failed
 * rules, unless an actor with the override ability wrote a reason: then it is stored and audited.
 */
export async function createContract(tx: Executor, ctx: CommandContext, input: z.infer<typeof createContractBody>) {
  const { actor, org, outlet } = await parties(tx, ctx, input.organizationId, input.outletId);
  checkDates(input);
  const { forms } = await effectiveCooperationRules(tx, org.path);
  const form = forms.find((f) => f.code === input.formCode && f.active);
  if (!form) throw fieldError("formCode", "media_contract_form_unknown");
  const journalistIds = await checkJournalists(tx, actor, outlet.id, input.journalistIds);
  const [taken] = await tx
    .select({ id: mediaContracts.id })
    .from(mediaContracts)
    .where(
      and(
        eq(mediaContracts.organizationId, org.id),
        eq(mediaContracts.fiscalYear, input.fiscalYear),
        eq(mediaContracts.number, input.number),
      ),
    );
  if (taken) throw fieldError("number", "media_contract_number_taken", { number: input.number, year: input.fiscalYear }, 409);

  const check = await checkEligibility(tx, org.path, outlet.id, journalistIds, localDate(new Date(), org.timeZone as never));
  const override = decideOverride(check, input.overrideReason, mediaContractPolicy.can(actor, "override", org));
  const id = newId();
  const now = new Date();
  await tx.insert(mediaContracts).values({
    id,
    organizationId: org.id,
    outletId: outlet.id,
    fiscalYear: input.fiscalYear,
    number: input.number,
    formCode: form.code,
    formLabel: form.label,
    formCategory: form.category,
    title: input.title,
    valueRupiah: input.valueRupiah,
    quota: input.quota,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    budgetLine: input.budgetLine,
    eligibility: check,
    overrideReason: override,
    overrideBy: override ? actor.userId : null,
    overrideAt: override ? now : null,
    createdBy: actor.userId,
  });
  if (journalistIds.length) {
    await tx.insert(mediaContractJournalists).values(journalistIds.map((journalistId) => ({ contractId: id, journalistId })));
  }
  if (input.terms.length) {
    await tx
      .insert(mediaContractTerms)
      .values(input.terms.map((t, i) => ({ id: newId(), contractId: id, position: i + 1, amountRupiah: t.amountRupiah, dueOn: t.dueOn })));
  }
  const { overrideReason: _, ...fields } = input;
  await recordAudit(tx, ctx, {
    action: "media_contract.create",
    entityType: "media_contract",
    entityId: id,
    organizationId: org.id,
    after: { ...fields, journalistIds, eligibility: check },
  });
  if (override) {
    await recordAudit(tx, ctx, {
      action: "media_contract.eligibility_override",
      entityType: "media_contract",
      entityId: id,
      organizationId: org.id,
      after: { stage: "create", reason: override, failed: check.rules.filter((r) => !r.passed) },
    });
  }
  return id;
}

/** Marks a contract finished or cancelled (or active again); the change is audited, the same status writes nothing. */
export async function setContractStatus(tx: Executor, ctx: CommandContext, contract: ContractRow, status: string) {
  mediaContractPolicy.authorize(actorRequired(ctx), "manage", contract);
  if (status === contract.status) return;
  await tx.update(mediaContracts).set({ status, updatedAt: new Date() }).where(eq(mediaContracts.id, contract.id));
  await recordAudit(tx, ctx, {
    action: "media_contract.status",
    entityType: "media_contract",
    entityId: contract.id,
    organizationId: contract.organizationId,
    before: { status: contract.status },
    after: { status },
  });
}
