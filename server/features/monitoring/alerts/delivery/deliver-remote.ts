import { and, eq, inArray, sql } from "drizzle-orm";
import { alertDeliveries, alertEvents, alertRules } from "../../../../db/schema";
import type { Services } from "../../../../services";
import { alertPlainText, digestText } from "./alert-text";
import { DeliveryError, sendTelegram, sendWebhook } from "./remote-channels";

/** The fields a webhook receiver gets for each alert. */
function wire(e: typeof alertEvents.$inferSelect) {
  return {
    id: e.id,
    kind: e.kind,
    critical: e.critical,
    title: e.title,
    summary: e.summary,
    url: e.url,
    articleId: e.articleId,
    clusterId: e.clusterId,
    mentionedOrganizationId: e.mentionedOrganizationId,
    explanation: e.explanation,
    createdAt: e.createdAt.toISOString(),
  };
}

/**
 * Sends Telegram and webhook deliveries of one alert, or of several held alerts of one rule as a
 * digest. Each channel's row records the outcome; a failure throws so the job is retried, and
 * channels already sent are not sent again.
 */
export async function deliverRemote(services: Services, eventIds: string[]) {
  const { db, env } = services;
  const events = await db.select().from(alertEvents).where(inArray(alertEvents.id, eventIds)).orderBy(alertEvents.createdAt);
  if (events.length === 0) return;
  const [rule] = await db.select().from(alertRules).where(eq(alertRules.id, events[0].ruleId));
  const pending = await db
    .select()
    .from(alertDeliveries)
    .where(
      and(
        inArray(alertDeliveries.eventId, eventIds),
        inArray(alertDeliveries.channel, ["telegram", "webhook"]),
        inArray(alertDeliveries.status, ["pending", "failed"]),
      ),
    );
  const channels = [...new Set(pending.map((d) => d.channel))];
  const texts = events.map((e) => ({ kind: e.kind, title: e.title, summary: e.summary, url: e.url, ruleName: rule.name }));
  const digest = events.length > 1;
  const failures: string[] = [];
  for (const channel of channels) {
    const now = new Date();
    let error: string | null = null;
    try {
      if (channel === "telegram") {
        const text = digest
          ? (({ title, body }) => `${title}\n\n${body}`)(digestText("id", rule.name, texts))
          : alertPlainText("id", texts[0]);
        await sendTelegram(env, rule, text);
      } else {
        const key = digest ? `digest:${events.map((e) => e.id).join(",")}` : events[0].id;
        await sendWebhook(env, rule, key, {
          event: digest ? "alert.digest" : "alert.created",
          organizationId: rule.organizationId,
          rule: { id: rule.id, name: rule.name, kind: rule.kind },
          alerts: events.map(wire),
        });
      }
    } catch (err) {
      if (!(err instanceof DeliveryError)) throw err;
      error = err.message.slice(0, 500);
      failures.push(error);
    }
    await db
      .update(alertDeliveries)
      .set({
        status: error ? "failed" : "sent",
        lastError: error,
        sentAt: error ? null : now,
        attempts: sql`${alertDeliveries.attempts} + 1`,
        updatedAt: now,
      })
      .where(and(inArray(alertDeliveries.eventId, eventIds), eq(alertDeliveries.channel, channel)));
  }
  if (failures.length) throw new DeliveryError(failures.join("; "));
}
