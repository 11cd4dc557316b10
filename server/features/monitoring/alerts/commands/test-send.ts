import { eq } from "drizzle-orm";
import type { Locale } from "../../../../../common/roles";
import { users } from "../../../../db/schema";
import type { CommandContext } from "../../../../http/route-kit";
import { newId } from "../../../../lib/ids";
import { actorRequired } from "../../../../policies/actor-required";
import { recordAudit } from "../../../audit/record-audit";
import { queueEmail } from "../../../email/queue-email";
import { sendQueuedEmail } from "../../../email/send-queued-email";
import { notificationEmail } from "../../../email/templates";
import { notify } from "../../../notifications/notify";
import { alertRulePolicy } from "../alerts.policy";
import { ALERTS_LINK } from "../delivery/raise-alert";
import { DeliveryError, sendTelegram, sendWebhook } from "../delivery/remote-channels";
import { findVisibleRule } from "./write-alert-rule";

type Result = { channel: "in_app" | "email" | "telegram" | "webhook"; ok: boolean; error: string | null };

/**
 * "Uji kirim": one test message on each channel of the rule, now, to the person testing (in-app
 * and email) and to the rule's Telegram chat and webhook, so a wrong chat id shows before a crisis.
 */
export async function testSendRule(ctx: CommandContext, ruleId: string): Promise<Result[]> {
  const actor = actorRequired(ctx);
  const { db, env, publicUrl } = ctx.services;
  const { rule, org } = await db.transaction(async (tx) => {
    const found = await findVisibleRule(tx, actor, ruleId);
    alertRulePolicy.authorize(actor, "manage", found.org);
    await recordAudit(tx, ctx, {
      action: "alert_rule.test_send",
      entityType: "alert_rule",
      entityId: ruleId,
      organizationId: found.rule.organizationId,
    });
    return found;
  });
  const title = (locale: Locale) => (locale === "en" ? `Test alert: ${rule.name}` : `Uji peringatan: ${rule.name}`);
  const results: Result[] = [];
  if (actor.userId && (rule.channels.inApp || rule.channels.email)) {
    const me = actor.userId;
    const emailId = await db.transaction(async (tx) => {
      if (rule.channels.inApp) {
        await notify(tx, publicUrl, {
          userIds: [me],
          organizationId: rule.organizationId,
          kind: "monitoring_alert_test",
          link: ALERTS_LINK,
          message: (locale) => ({ title: title(locale), body: org.name }),
        });
        results.push({ channel: "in_app", ok: true, error: null });
      }
      if (!rule.channels.email) return null;
      const [person] = await tx.select().from(users).where(eq(users.id, me));
      const locale = (person.locale === "en" ? "en" : "id") as Locale;
      const mail = notificationEmail(locale, {
        to: person.email,
        name: person.name,
        title: title(locale),
        body: org.name,
        url: `${publicUrl}${ALERTS_LINK}`,
      });
      return queueEmail(tx, { ...mail, organizationId: rule.organizationId });
    });
    if (emailId) {
      await sendQueuedEmail(ctx.services, emailId);
      results.push({ channel: "email", ok: true, error: null });
    }
  }
  const attempt = async (channel: "telegram" | "webhook", send: () => Promise<void>) => {
    try {
      await send();
      results.push({ channel, ok: true, error: null });
    } catch (err) {
      if (!(err instanceof DeliveryError)) throw err;
      results.push({ channel, ok: false, error: err.message });
    }
  };
  if (rule.channels.telegram && rule.telegramTokenSealed)
    await attempt("telegram", () => sendTelegram(env, rule, `${title("id")}\n${org.name}`));
  if (rule.channels.webhook && rule.webhookSecretSealed) {
    await attempt("webhook", () =>
      sendWebhook(env, rule, `test:${newId()}`, {
        event: "alert.test",
        organizationId: rule.organizationId,
        rule: { id: rule.id, name: rule.name, kind: rule.kind },
        alerts: [],
      }),
    );
  }
  return results;
}
