import { and, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import type { Locale } from "../../../../../common/roles";
import { alertDeliveries, alertEvents, alertRules } from "../../../../db/schema";
import type { Services } from "../../../../services";
import { queueEmail } from "../../../email/queue-email";
import { notificationEmail } from "../../../email/templates";
import { notify } from "../../../notifications/notify";
import { DELIVER_JOB, runAfterCommit } from "../evaluate/after-commit";
import { digestText } from "./alert-text";
import { ALERTS_LINK, alertRecipients, emptyAfterCommit } from "./raise-alert";

/**
 * After quiet hours: the alerts each rule held back go out as one digest per rule and channel.
 * Claiming the events (delivered_at set where it was null) makes a second run a no-op.
 */
export async function releaseHeldAlerts(services: Services, now = new Date()): Promise<number> {
  const due = await services.db
    .selectDistinct({ ruleId: alertEvents.ruleId })
    .from(alertEvents)
    .where(and(isNull(alertEvents.deliveredAt), lte(alertEvents.heldUntil, now)));
  let released = 0;
  for (const { ruleId } of due) {
    const after = emptyAfterCommit();
    await services.db.transaction(async (tx) => {
      const events = await tx
        .update(alertEvents)
        .set({ deliveredAt: now })
        .where(and(eq(alertEvents.ruleId, ruleId), isNull(alertEvents.deliveredAt), lte(alertEvents.heldUntil, now)))
        .returning();
      if (events.length === 0) return;
      released += events.length;
      events.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
      const [rule] = await tx.select().from(alertRules).where(eq(alertRules.id, ruleId));
      const ids = events.map((e) => e.id);
      const texts = events.map((e) => ({ kind: e.kind, title: e.title, summary: e.summary, url: e.url, ruleName: rule.name }));
      const say = (locale: Locale) => digestText(locale, rule.name, texts);
      const people = rule.channels.inApp || rule.channels.email ? await alertRecipients(tx, rule.organizationId) : [];
      if (rule.channels.inApp) {
        await notify(tx, services.publicUrl, {
          userIds: people.map((p) => p.id),
          organizationId: rule.organizationId,
          kind: "monitoring_alert_digest",
          link: ALERTS_LINK,
          message: say,
        });
      }
      if (rule.channels.email) {
        for (const person of people) {
          const locale = (person.locale === "en" ? "en" : "id") as Locale;
          const { title, body } = say(locale);
          const mail = notificationEmail(locale, {
            to: person.email,
            name: person.name,
            title,
            body,
            url: `${services.publicUrl}${ALERTS_LINK}`,
          });
          after.emailIds.push(await queueEmail(tx, { ...mail, organizationId: rule.organizationId }));
        }
      }
      await tx
        .update(alertDeliveries)
        .set({ status: "sent", sentAt: now, attempts: sql`${alertDeliveries.attempts} + 1`, updatedAt: now })
        .where(and(inArray(alertDeliveries.eventId, ids), inArray(alertDeliveries.channel, ["in_app", "email"])));
      const remote = await tx
        .update(alertDeliveries)
        .set({ status: "pending", updatedAt: now })
        .where(and(inArray(alertDeliveries.eventId, ids), inArray(alertDeliveries.channel, ["telegram", "webhook"])))
        .returning({ eventId: alertDeliveries.eventId });
      if (remote.length) after.remoteEventIds.push(...ids);
      await tx.execute(sql`select pg_notify('sinergi_alerts', ${rule.organizationId})`);
    });
    // One digest job for the rule's held alerts, not one per alert.
    const eventIds = after.remoteEventIds;
    after.remoteEventIds = [];
    await runAfterCommit(services, after);
    if (eventIds.length) await services.jobs.enqueue(DELIVER_JOB, { eventIds }, { singletonKey: `digest:${eventIds[0]}` });
  }
  return released;
}
