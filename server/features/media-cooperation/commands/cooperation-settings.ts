import { asc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { CooperationSettingsView, cooperationSettingsBody } from "../../../../common/schemas/media-cooperation";
import type { Executor } from "../../../db/client";
import { mediaCooperationForms, mediaEligibilityRules } from "../../../db/schema";
import { fieldError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { newId } from "../../../lib/ids";
import { actorRequired } from "../../../policies/actor-required";
import type { Actor } from "../../../policies/core";
import { recordAudit } from "../../audit/record-audit";
import { findVisibleOrganization } from "../../organizations/organization-queries";
import { mediaCooperationSettingsPolicy } from "../media-cooperation.policy";
import { ensureCooperationDefaults } from "./cooperation-defaults";

type Table = "media_cooperation_forms" | "media_eligibility_rules";

/** The organization whose rows of `table` apply at `path`: itself or its nearest ancestor with rows. */
async function nearestOwner(tx: Executor, table: Table, path: string): Promise<string> {
  const result = (await tx.execute(sql`select so.id from ${sql.raw(table)} s join organizations so on so.id = s.organization_id
    where ${path} like so.path || '%' order by so.depth desc limit 1`)) as unknown as { rows: { id: string }[] };
  return result.rows[0]?.id as string;
}

/** The forms and eligibility rules that apply at an organization path (seeding the tree once). */
export async function effectiveCooperationRules(tx: Executor, path: string) {
  await ensureCooperationDefaults(tx, path);
  const formsOrg = await nearestOwner(tx, "media_cooperation_forms", path);
  const rulesOrg = await nearestOwner(tx, "media_eligibility_rules", path);
  const forms = await tx
    .select()
    .from(mediaCooperationForms)
    .where(eq(mediaCooperationForms.organizationId, formsOrg))
    .orderBy(asc(mediaCooperationForms.position));
  const rules = await tx
    .select()
    .from(mediaEligibilityRules)
    .where(eq(mediaEligibilityRules.organizationId, rulesOrg))
    .orderBy(asc(mediaEligibilityRules.position));
  return { formsOrg, rulesOrg, forms, rules: rules.filter((r) => r.kind !== "none") };
}

export async function cooperationSettings(tx: Executor, actor: Actor, organizationId: string): Promise<CooperationSettingsView> {
  const org = await findVisibleOrganization(tx, actor, organizationId);
  const { formsOrg, rulesOrg, forms, rules } = await effectiveCooperationRules(tx, org.path);
  return {
    formsSourceOrganizationId: formsOrg,
    rulesSourceOrganizationId: rulesOrg,
    forms: forms.map((f) => ({ code: f.code, label: f.label, category: f.category as "pemberitaan", active: f.active })),
    rules: rules.map((r) => ({ kind: r.kind as "certificate_valid", params: r.params })),
    can: mediaCooperationSettingsPolicy.abilities(actor, org),
  };
}

/** Replaces the organization's own forms and rules; its subtree inherits them. */
export async function saveCooperationSettings(
  tx: Executor,
  ctx: CommandContext,
  organizationId: string,
  input: z.infer<typeof cooperationSettingsBody>,
) {
  const actor = actorRequired(ctx);
  const org = await findVisibleOrganization(tx, actor, organizationId);
  mediaCooperationSettingsPolicy.authorize(actor, "manage", org);
  const codes = new Set<string>();
  input.forms.forEach((f, i) => {
    if (codes.has(f.code)) throw fieldError(`forms.${i}.code`, "media_cooperation_form_duplicate", { code: f.code });
    codes.add(f.code);
  });
  const kinds = new Set<string>();
  input.rules.forEach((r, i) => {
    if (kinds.has(r.kind)) throw fieldError(`rules.${i}.kind`, "media_eligibility_rule_duplicate", { kind: r.kind });
    kinds.add(r.kind);
  });
  const before = await cooperationSettings(tx, actor, organizationId);
  await tx.delete(mediaCooperationForms).where(eq(mediaCooperationForms.organizationId, org.id));
  await tx.delete(mediaEligibilityRules).where(eq(mediaEligibilityRules.organizationId, org.id));
  await tx
    .insert(mediaCooperationForms)
    .values(input.forms.map((f, i) => ({ id: newId(), organizationId: org.id, position: i + 1, ...f })));
  // An empty rule list is a decision too ("no requirements here"), so a marker row keeps this
  // organization the owner of its (empty) set instead of falling back to the ancestor's.
  if (input.rules.length) {
    await tx
      .insert(mediaEligibilityRules)
      .values(input.rules.map((r, i) => ({ id: newId(), organizationId: org.id, position: i + 1, kind: r.kind, params: r.params })));
  } else {
    await tx.insert(mediaEligibilityRules).values({ id: newId(), organizationId: org.id, position: 0, kind: "none", params: {} });
  }
  await recordAudit(tx, ctx, {
    action: "media_cooperation.settings_update",
    entityType: "organization",
    entityId: org.id,
    organizationId: org.id,
    before: { forms: before.forms, rules: before.rules },
    after: input,
  });
}
