import { and, eq, inArray } from "drizzle-orm";
import type { Locale } from "../../../../../common/roles";
import { briefingSends, briefingSettings, emails, grants, organizations, users } from "../../../../db/schema";
import { newId } from "../../../../lib/ids";
import type { Services } from "../../../../services";
import { localClock } from "../delivery/quiet-hours";
import { type BriefingData, gatherBriefing } from "./briefing-data";
import { localDateTime, renderBriefingPdf } from "./briefing-pdf";

/** Without chosen recipients the briefing goes to those who lead and coordinate the organization. */
const DEFAULT_ROLES = ["admin", "coordinator", "leader", "editor"];

export async function briefingRecipients(services: Services, organizationId: string) {
  const { db } = services;
  const [settings] = await db.select().from(briefingSettings).where(eq(briefingSettings.organizationId, organizationId));
  const chosen = settings && (settings.recipientUserIds.length > 0 || settings.extraEmails.length > 0);
  const people = await db
    .selectDistinct({ email: users.email, name: users.name, locale: users.locale })
    .from(users)
    .innerJoin(grants, eq(grants.userId, users.id))
    .where(
      and(
        eq(users.status, "active"),
        chosen
          ? inArray(users.id, settings.recipientUserIds.length ? settings.recipientUserIds : ["00000000-0000-0000-0000-000000000000"])
          : and(eq(grants.organizationId, organizationId), inArray(grants.role, DEFAULT_ROLES)),
      ),
    );
  const extra = (settings?.extraEmails ?? [])
    .filter((e) => !people.some((p) => p.email === e))
    .map((email) => ({ email, name: email, locale: "id" }));
  return [...people, ...extra];
}

function briefingText(locale: Locale, data: BriefingData): { subject: string; text: string } {
  const t = data.tone;
  const lines =
    locale === "en"
      ? [
          `Daily media briefing — ${data.organization.name}`,
          `${t.total} articles in 24 hours: ${t.positive} positive, ${t.neutral} neutral, ${t.negative} negative.`,
          ...data.stories.slice(0, 5).map((s, i) => `${i + 1}. ${s.title} (${s.articles} articles)`),
          `${data.openIssues.length} open issue(s). The full briefing is attached (PDF).`,
        ]
      : [
          `Briefing media harian — ${data.organization.name}`,
          `${t.total} artikel dalam 24 jam: ${t.positive} positif, ${t.neutral} netral, ${t.negative} negatif.`,
          ...data.stories.slice(0, 5).map((s, i) => `${i + 1}. ${s.title} (${s.articles} artikel)`),
          `${data.openIssues.length} isu terbuka. Briefing lengkap terlampir (PDF).`,
        ];
  const subject =
    locale === "en"
      ? `Daily media briefing ${data.organization.name} — ${data.day}`
      : `Briefing media harian ${data.organization.name} — ${localDateTime(data.to, data.organization.timeZone).split(" ").slice(0, 3).join(" ")}`;
  return { subject, text: lines.join("\n\n") };
}

/** Builds the briefing of one organization (data + PDF). */
export async function buildBriefing(services: Services, organizationId: string, now = new Date()) {
  const [org] = await services.db
    .select({ id: organizations.id, name: organizations.name, path: organizations.path, timeZone: organizations.timeZone })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  const data = await gatherBriefing(services.db, org, now);
  return { data, pdf: await renderBriefingPdf(data) };
}

/** Sends the briefing email with the PDF attached to each recipient; the outbox keeps a copy of the text. */
export async function sendBriefing(services: Services, organizationId: string, now = new Date()): Promise<number> {
  const { data, pdf } = await buildBriefing(services, organizationId, now);
  const recipients = await briefingRecipients(services, organizationId);
  for (const person of recipients) {
    const locale = (person.locale === "en" ? "en" : "id") as Locale;
    const { subject, text } = briefingText(locale, data);
    const filename = `briefing-${data.day}.pdf`;
    await services.mailer.deliver({
      to: person.email,
      subject,
      text,
      attachments: [{ filename, content: pdf, contentType: "application/pdf" }],
    });
    await services.db.insert(emails).values({
      id: newId(),
      organizationId,
      to: person.email,
      subject,
      text: `${text}\n\n[${filename}]`,
      status: services.mailer.transport === "smtp" ? "sent" : "outbox",
      sentAt: new Date(),
    });
  }
  return recipients.length;
}

/**
 * The cron: every organization whose local briefing time has come today and that has no send
 * recorded for its local day. The day is claimed before sending (one send per organization per
 * day, across schedulers) and released again if sending fails, so the next sweep retries.
 */
export async function sendDueBriefings(services: Services, now = new Date()): Promise<string[]> {
  const rows = await services.db
    .select({ settings: briefingSettings, timeZone: organizations.timeZone })
    .from(briefingSettings)
    .innerJoin(organizations, eq(organizations.id, briefingSettings.organizationId))
    .where(eq(briefingSettings.enabled, true));
  const sent: string[] = [];
  for (const { settings, timeZone } of rows) {
    const { minutes, day } = localClock(now, timeZone);
    const [h, m] = settings.localTime.split(":").map(Number);
    if (minutes < h * 60 + m) continue;
    const claimed = await services.db
      .insert(briefingSends)
      .values({ organizationId: settings.organizationId, localDate: day, sentAt: now })
      .onConflictDoNothing()
      .returning({ organizationId: briefingSends.organizationId });
    if (claimed.length === 0) continue;
    try {
      const count = await sendBriefing(services, settings.organizationId, now);
      await services.db
        .update(briefingSends)
        .set({ recipients: count })
        .where(and(eq(briefingSends.organizationId, settings.organizationId), eq(briefingSends.localDate, day)));
      sent.push(settings.organizationId);
    } catch (err) {
      services.logger.error({ err, organizationId: settings.organizationId }, "briefing failed");
      await services.db
        .delete(briefingSends)
        .where(and(eq(briefingSends.organizationId, settings.organizationId), eq(briefingSends.localDate, day)));
    }
  }
  return sent;
}
