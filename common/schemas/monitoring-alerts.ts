import { z } from "zod";
import { LIMITS } from "../limits";
import { ALERT_CHANNELS, ALERT_RULE_KINDS } from "../monitoring-alert-enums";
import { can, id, paged, pageQuery } from "./shared";

export { ALERT_CHANNELS, ALERT_RULE_KINDS };

const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "HH:MM");

export const alertRuleConfig = z.strictObject({
  negativeThreshold: z.number().min(0).max(1).optional(),
  zThreshold: z.number().min(1).max(20).optional(),
  minCount: z.number().int().min(1).max(100_000).optional(),
  query: z.string().trim().max(2000).optional(),
});

export const alertRuleChannelsInput = z.strictObject({
  inApp: z.boolean(),
  email: z.boolean(),
  telegram: z
    .strictObject({
      chatId: z.string().trim().min(1).max(100),
      /** Sent only to set or replace it; the server never returns it. */
      botToken: z.string().trim().min(10).max(200).optional(),
    })
    .nullable(),
  webhook: z
    .strictObject({
      url: z.url({ protocol: /^https?$/ }).max(LIMITS.url),
      /** HMAC key; sent only to set or replace it. */
      secret: z.string().min(16).max(200).optional(),
    })
    .nullable(),
});

export const alertRuleBody = z.strictObject({
  organizationId: id,
  name: z.string().trim().min(2).max(200),
  kind: z.enum(ALERT_RULE_KINDS),
  enabled: z.boolean().default(true),
  critical: z.boolean().default(false),
  config: alertRuleConfig.default({}),
  channels: alertRuleChannelsInput,
  dedupMinutes: z.number().int().min(0).max(10_080).default(360),
  quietStart: localTime.nullable().default(null),
  quietEnd: localTime.nullable().default(null),
});
export const alertRuleUpdateBody = alertRuleBody.omit({ organizationId: true });

export const alertRuleView = z.object({
  id,
  organizationId: id,
  organizationName: z.string(),
  name: z.string(),
  kind: z.enum(ALERT_RULE_KINDS),
  enabled: z.boolean(),
  critical: z.boolean(),
  config: alertRuleConfig,
  channels: z.object({
    inApp: z.boolean(),
    email: z.boolean(),
    telegram: z.object({ chatId: z.string(), tokenSet: z.boolean() }).nullable(),
    webhook: z.object({ url: z.string(), secretSet: z.boolean() }).nullable(),
  }),
  dedupMinutes: z.number().int(),
  quietStart: z.string().nullable(),
  quietEnd: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  can,
});
export const alertRuleList = z.object({ items: z.array(alertRuleView) });
export const alertRuleListQuery = z.object({ organizationId: id.optional() });

export const alertExplanation = z.object({
  hour: z.string().optional(),
  count: z.number().optional(),
  expected: z.number().optional(),
  z: z.number().optional(),
  negativeShare: z.number().optional(),
  stories: z
    .array(z.object({ clusterId: z.string().nullable(), title: z.string(), count: z.number(), articleId: z.string(), url: z.string() }))
    .optional(),
  outlets: z.array(z.object({ name: z.string(), count: z.number() })).optional(),
  terms: z.array(z.object({ term: z.string(), logOdds: z.number(), count: z.number() })).optional(),
});

export const alertEventView = z.object({
  id,
  organizationId: id,
  organizationName: z.string(),
  ruleId: id,
  ruleName: z.string(),
  kind: z.enum(ALERT_RULE_KINDS),
  critical: z.boolean(),
  title: z.string(),
  summary: z.string(),
  url: z.string().nullable(),
  articleId: z.string().nullable(),
  clusterId: z.string().nullable(),
  mentionedOrganizationId: z.string().nullable(),
  explanation: alertExplanation.nullable(),
  held: z.boolean(),
  heldUntil: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  createdAt: z.string(),
  deliveries: z.array(z.object({ channel: z.enum(ALERT_CHANNELS), status: z.string(), lastError: z.string().nullable() })),
  can,
});
export const alertEventList = paged(alertEventView);
export const alertEventQuery = pageQuery.extend({
  organizationId: id.optional(),
  kind: z.enum(ALERT_RULE_KINDS).optional(),
  ruleId: id.optional(),
  unacknowledged: z.enum(["true", "false"]).optional(),
  q: z.string().trim().max(LIMITS.search).optional(),
});

export const testSendResult = z.object({
  results: z.array(z.object({ channel: z.enum(ALERT_CHANNELS), ok: z.boolean(), error: z.string().nullable() })),
});

export const briefingSettingsBody = z.strictObject({
  enabled: z.boolean(),
  localTime,
  recipientUserIds: z.array(id).max(100),
  extraEmails: z.array(z.email().max(LIMITS.email)).max(50),
});
export const briefingSettingsView = z.object({
  organizationId: id,
  organizationName: z.string(),
  timeZone: z.string(),
  enabled: z.boolean(),
  localTime: z.string(),
  recipientUserIds: z.array(id),
  extraEmails: z.array(z.string()),
  lastSentOn: z.string().nullable(),
  candidates: z.array(z.object({ id, name: z.string(), email: z.string() })),
  can,
});
export const briefingSendResult = z.object({ recipients: z.number().int() });

export type AlertRuleView = z.infer<typeof alertRuleView>;
export type AlertRuleInput = z.input<typeof alertRuleBody>;
export type AlertEventView = z.infer<typeof alertEventView>;
export type AlertExplanationView = z.infer<typeof alertExplanation>;
export type BriefingSettingsView = z.infer<typeof briefingSettingsView>;
export type BriefingSettingsInput = z.input<typeof briefingSettingsBody>;
