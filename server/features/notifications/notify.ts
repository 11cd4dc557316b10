import { and, eq, inArray } from "drizzle-orm";
import type { Locale } from "../../../common/roles";
import type { Executor } from "../../db/client";
import { notifications, users } from "../../db/schema";
import { newId } from "../../lib/ids";
import { queueEmail } from "../email/queue-email";
import { notificationEmail } from "../email/templates";

export interface Notice {
  userIds: readonly string[];
  organizationId: string | null;
  kind: string;
  /** Staff-app path, e.g. /app/content/<id>. */
  link: string;
  /** Text in each recipient's language. */
  message: (locale: Locale) => { title: string; body?: string };
  /**
   * Also send an email to those who keep email notifications on (queued in the same transaction;
   * send with sendQueuedEmail after commit).
   */
  email?: boolean;
  /** Skip this user (the actor never notifies themselves). */
  except?: string | null;
}

/** Writes in-app notifications (and queued emails) for active users; returns the email ids. */
export async function notify(tx: Executor, publicUrl: string, notice: Notice): Promise<string[]> {
  const ids = [...new Set(notice.userIds)].filter((id) => id !== notice.except);
  if (ids.length === 0) return [];
  const people = await tx
    .select({ id: users.id, name: users.name, email: users.email, locale: users.locale, emailNotifications: users.emailNotifications })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.status, "active")));
  const emailIds: string[] = [];
  for (const person of people) {
    const locale = (person.locale === "en" ? "en" : "id") as Locale;
    const { title, body = "" } = notice.message(locale);
    await tx.insert(notifications).values({
      id: newId(),
      userId: person.id,
      organizationId: notice.organizationId,
      kind: notice.kind,
      title,
      body,
      link: notice.link,
    });
    // Email only mirrors the in-app notice, for those who have not switched it off.
    if (notice.email && person.emailNotifications) {
      const mail = notificationEmail(locale, { to: person.email, name: person.name, title, body, url: `${publicUrl}${notice.link}` });
      emailIds.push(await queueEmail(tx, { ...mail, organizationId: notice.organizationId }));
    }
  }
  return emailIds;
}
