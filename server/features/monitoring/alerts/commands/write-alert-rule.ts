import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { alertRuleBody, alertRuleUpdateBody } from "../../../../../common/schemas/monitoring-alerts";
import type { Executor } from "../../../../db/client";
import { alertRules, organizations } from "../../../../db/schema";
import { fieldError, notFound } from "../../../../http/errors";
import type { CommandContext } from "../../../../http/route-kit";
import { newId } from "../../../../lib/ids";
import { secretBox } from "../../../../lib/secret-box";
import { actorRequired } from "../../../../policies/actor-required";
import type { Actor } from "../../../../policies/core";
import { recordAudit } from "../../../audit/record-audit";
import { findVisibleOrganization, inScope } from "../../../organizations/organization-queries";
import { tryParseQuery } from "../../query";
import { alertRulePolicy } from "../alerts.policy";

type RuleInput = z.infer<typeof alertRuleUpdateBody>;

/** A rule the actor can see, with its organization; another tree's id is 404. */
export async function findVisibleRule(tx: Executor, actor: Actor, id: string) {
  const [row] = await tx
    .select({ rule: alertRules, org: { name: organizations.name, path: organizations.path } })
    .from(alertRules)
    .innerJoin(organizations, eq(organizations.id, alertRules.organizationId))
    .where(and(eq(alertRules.id, id), inScope(actor)))
    .limit(1);
  if (!row || !alertRulePolicy.can(actor, "read", row.org)) throw notFound();
  return row;
}

/** Checks the parts a schema cannot: the Boolean query parses, the channels are complete. */
function validate(input: RuleInput, existing?: typeof alertRules.$inferSelect) {
  if (input.kind === "keyword") {
    const q = input.config.query ?? "";
    if (!q) throw fieldError("config.query", "alert_query_required");
    const parsed = tryParseQuery(q);
    if (!parsed.ok) throw fieldError("config.query", "alert_query_invalid", parsed.error.params);
  }
  if (input.channels.telegram && !input.channels.telegram.botToken && !existing?.telegramTokenSealed) {
    throw fieldError("channels.telegram.botToken", "alert_telegram_token_required");
  }
  if (input.channels.webhook && !input.channels.webhook.secret && !existing?.webhookSecretSealed) {
    throw fieldError("channels.webhook.secret", "alert_webhook_secret_required");
  }
  if ((input.quietStart === null) !== (input.quietEnd === null)) throw fieldError("quietEnd", "alert_quiet_hours_incomplete");
}

/** The stored form: public settings as they are, secrets sealed with the rule id as context. */
function stored(ctx: CommandContext, ruleId: string, input: RuleInput, existing?: typeof alertRules.$inferSelect) {
  const box = secretBox(ctx.services.env);
  const tg = input.channels.telegram;
  const wh = input.channels.webhook;
  return {
    name: input.name,
    kind: input.kind,
    enabled: input.enabled,
    critical: input.critical,
    config: input.config,
    channels: {
      inApp: input.channels.inApp,
      email: input.channels.email,
      telegram: tg ? { chatId: tg.chatId } : null,
      webhook: wh ? { url: wh.url } : null,
    },
    telegramTokenSealed: tg ? (tg.botToken ? box.seal(tg.botToken, ruleId) : (existing?.telegramTokenSealed ?? null)) : null,
    webhookSecretSealed: wh ? (wh.secret ? box.seal(wh.secret, ruleId) : (existing?.webhookSecretSealed ?? null)) : null,
    dedupMinutes: input.dedupMinutes,
    quietStart: input.quietStart,
    quietEnd: input.quietEnd,
  };
}

/** What the audit log keeps of a rule: never the secrets. */
const audited = (input: RuleInput) => ({
  ...input,
  channels: {
    ...input.channels,
    telegram: input.channels.telegram ? { chatId: input.channels.telegram.chatId } : null,
    webhook: input.channels.webhook ? { url: input.channels.webhook.url } : null,
  },
});

export async function createAlertRule(tx: Executor, ctx: CommandContext, input: z.infer<typeof alertRuleBody>) {
  const actor = actorRequired(ctx);
  const org = await findVisibleOrganization(tx, actor, input.organizationId);
  alertRulePolicy.authorize(actor, "manage", org);
  validate(input);
  const id = newId();
  await tx.insert(alertRules).values({ id, organizationId: org.id, createdBy: actor.userId, ...stored(ctx, id, input) });
  await recordAudit(tx, ctx, {
    action: "alert_rule.create",
    entityType: "alert_rule",
    entityId: id,
    organizationId: org.id,
    after: audited(input),
  });
  return id;
}

export async function updateAlertRule(tx: Executor, ctx: CommandContext, id: string, input: RuleInput) {
  const actor = actorRequired(ctx);
  const { rule, org } = await findVisibleRule(tx, actor, id);
  alertRulePolicy.authorize(actor, "manage", org);
  validate(input, rule);
  await tx
    .update(alertRules)
    .set({ ...stored(ctx, id, input, rule), updatedAt: new Date() })
    .where(eq(alertRules.id, id));
  await recordAudit(tx, ctx, {
    action: "alert_rule.update",
    entityType: "alert_rule",
    entityId: id,
    organizationId: rule.organizationId,
    before: { name: rule.name, kind: rule.kind, enabled: rule.enabled, config: rule.config, channels: rule.channels },
    after: audited(input),
  });
}

/** Rules are disabled rather than deleted while alerts refer to them; deleting removes an unused one. */
export async function deleteAlertRule(tx: Executor, ctx: CommandContext, id: string) {
  const actor = actorRequired(ctx);
  const { rule, org } = await findVisibleRule(tx, actor, id);
  alertRulePolicy.authorize(actor, "manage", org);
  await tx.update(alertRules).set({ enabled: false, updatedAt: new Date() }).where(eq(alertRules.id, id));
  await recordAudit(tx, ctx, {
    action: "alert_rule.disable",
    entityType: "alert_rule",
    entityId: id,
    organizationId: rule.organizationId,
    before: { enabled: rule.enabled },
    after: { enabled: false },
  });
}
