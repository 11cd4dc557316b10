import { and, eq, gt, inArray, sql } from "drizzle-orm";
import type { Locale } from "../../../../../common/roles";
import type { Executor } from "../../../../db/client";
import type { AlertExplanation } from "../../../../db/schema";
import { alertDeliveries, alertEvents, type alertRules, grants, users } from "../../../../db/schema";
import { newId } from "../../../../lib/ids";
import { queueEmail } from "../../../email/queue-email";
import { notificationEmail } from "../../../email/templates";
import { notify } from "../../../notifications/notify";
import { alertHeadline, alertPlainText } from "./alert-text";
import { quietUntil } from "./quiet-hours";

export type RuleRow = typeof alertRules.$inferSelect;

export interface AlertCandidate {
  kind: string;
  /** What the alert is about: "cluster:<id>", "article:<id>", "spike:volume". */
  dedupKey: string;
  title: string;
  summary: string;
  url: string | null;
  articleId?: string | null;
  clusterId?: string | null;
  mentionedOrganizationId?: string | null;
  explanation?: AlertExplanation | null;
}

/** Work to do after the transaction commits: emails to hand to the send job, remote deliveries. */
export interface AfterCommit {
  emailIds: string[];
  remoteEventIds: string[];
}

export const emptyAfterCommit = (): AfterCommit => ({ emailIds: [], remoteEventIds: [] });

/** Roles that receive an organization's alerts in the app and by email. */
const RECIPIENT_ROLES = ["admin", "coordinator", "leader", "editor", "officer"];
export const ALERTS_LINK = "/app/monitoring/alerts";

/** Active people holding a role on the rule's organization itself. */
export async function alertRecipients(tx: Executor, organizationId: string) {
  return tx
    .selectDistinct({ id: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(grants)
    .innerJoin(users, eq(users.id, grants.userId))
    .where(and(eq(grants.organizationId, organizationId), inArray(grants.role, RECIPIENT_ROLES), eq(users.status, "active")));
}

/**
 * Raises one alert for a rule unless the same rule raised one about the same thing within its
 * de-duplication window. During the organization's quiet hours a non-critical alert is stored
 * as held (`held_until`); the sweep delivers it afterwards in a digest. Returns the new id.
 */
export async function raiseAlert(
  tx: Executor,
  publicUrl: string,
  rule: RuleRow,
  zone: string,
  candidate: AlertCandidate,
  now: Date,
  after: AfterCommit,
): Promise<string | null> {
  // Two evaluations of the same thing at once must not both pass the check below.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`${rule.id}|${candidate.dedupKey}`}))`);
  if (rule.dedupMinutes > 0) {
    const since = new Date(now.getTime() - rule.dedupMinutes * 60_000);
    const [seen] = await tx
      .select({ id: alertEvents.id })
      .from(alertEvents)
      .where(and(eq(alertEvents.ruleId, rule.id), eq(alertEvents.dedupKey, candidate.dedupKey), gt(alertEvents.createdAt, since)))
      .limit(1);
    if (seen) return null;
  }
  const heldUntil = rule.critical ? null : quietUntil(now, zone, rule.quietStart, rule.quietEnd);
  const id = newId();
  await tx.insert(alertEvents).values({
    id,
    organizationId: rule.organizationId,
    ruleId: rule.id,
    kind: candidate.kind,
    critical: rule.critical,
    dedupKey: candidate.dedupKey,
    title: candidate.title,
    summary: candidate.summary,
    url: candidate.url,
    articleId: candidate.articleId ?? null,
    clusterId: candidate.clusterId ?? null,
    mentionedOrganizationId: candidate.mentionedOrganizationId ?? null,
    explanation: candidate.explanation ?? null,
    heldUntil,
    deliveredAt: heldUntil ? null : now,
    createdAt: now,
  });
  const channels = enabledChannels(rule);
  if (channels.length) {
    await tx
      .insert(alertDeliveries)
      .values(
        channels.map((channel) => ({ eventId: id, channel, organizationId: rule.organizationId, status: heldUntil ? "held" : "pending" })),
      );
  }
  if (!heldUntil) await deliverLocal(tx, publicUrl, rule, { id, ...candidate }, now, after);
  // Live views (SSE) learn of it when the transaction commits.
  await tx.execute(sql`select pg_notify('sinergi_alerts', ${rule.organizationId})`);
  return id;
}

export function enabledChannels(rule: RuleRow): string[] {
  const c = rule.channels;
  return [
    ...(c.inApp ? ["in_app"] : []),
    ...(c.email ? ["email"] : []),
    ...(c.telegram && rule.telegramTokenSealed ? ["telegram"] : []),
    ...(c.webhook && rule.webhookSecretSealed ? ["webhook"] : []),
  ];
}

/**
 * In-app notices and emails are written in the alert's own transaction (they land with it);
 * Telegram and webhook are remote calls, handed to the delivery job after commit.
 */
export async function deliverLocal(
  tx: Executor,
  publicUrl: string,
  rule: RuleRow,
  alert: AlertCandidate & { id: string },
  now: Date,
  after: AfterCommit,
  message?: (locale: Locale) => { title: string; body: string },
) {
  const text = { kind: alert.kind, title: alert.title, summary: alert.summary, url: alert.url, ruleName: rule.name };
  const say = message ?? ((locale: Locale) => ({ title: alertHeadline(locale, text), body: alertPlainText(locale, text) }));
  const people = rule.channels.inApp || rule.channels.email ? await alertRecipients(tx, rule.organizationId) : [];
  const mark = (channel: string) =>
    tx
      .update(alertDeliveries)
      .set({ status: "sent", sentAt: now, attempts: sql`${alertDeliveries.attempts} + 1`, updatedAt: now })
      .where(and(eq(alertDeliveries.eventId, alert.id), eq(alertDeliveries.channel, channel)));
  if (rule.channels.inApp) {
    await notify(tx, publicUrl, {
      userIds: people.map((p) => p.id),
      organizationId: rule.organizationId,
      kind: "monitoring_alert",
      link: `${ALERTS_LINK}?event=${alert.id}`,
      message: say,
    });
    await mark("in_app");
  }
  if (rule.channels.email) {
    // The rule asks for email explicitly, so it goes to every recipient of the organization.
    for (const person of people) {
      const locale = (person.locale === "en" ? "en" : "id") as Locale;
      const { title, body } = say(locale);
      const mail = notificationEmail(locale, { to: person.email, name: person.name, title, body, url: `${publicUrl}${ALERTS_LINK}` });
      after.emailIds.push(await queueEmail(tx, { ...mail, organizationId: rule.organizationId }));
    }
    await mark("email");
  }
  if (enabledChannels(rule).some((c) => c === "telegram" || c === "webhook")) after.remoteEventIds.push(alert.id);
}
