import type { alertRules } from "../../../db/schema";
import type { Actor } from "../../../policies/core";
import { alertRulePolicy } from "./alerts.policy";

type RuleRow = typeof alertRules.$inferSelect;

/** Whitelisted fields; secrets (bot token, webhook key) only as "is set". */
export function presentAlertRule(actor: Actor, row: RuleRow, org: { name: string; path: string }) {
  const ch = row.channels;
  return {
    id: row.id,
    organizationId: row.organizationId,
    organizationName: org.name,
    name: row.name,
    kind: row.kind as never,
    enabled: row.enabled,
    critical: row.critical,
    config: row.config,
    channels: {
      inApp: ch.inApp,
      email: ch.email,
      telegram: ch.telegram ? { chatId: ch.telegram.chatId, tokenSet: Boolean(row.telegramTokenSealed) } : null,
      webhook: ch.webhook ? { url: ch.webhook.url, secretSet: Boolean(row.webhookSecretSealed) } : null,
    },
    dedupMinutes: row.dedupMinutes,
    quietStart: row.quietStart,
    quietEnd: row.quietEnd,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    can: alertRulePolicy.abilities(actor, org),
  };
}
