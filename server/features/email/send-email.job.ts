import { and, eq, lt } from "drizzle-orm";
import { z } from "zod";
import { emails } from "../../db/schema";
import { defineJob } from "../../jobs/define-job";

export const sendEmailJob = defineJob({
  name: "email.send",
  payload: z.object({ emailId: z.uuid() }),
  retryLimit: 5,
  retryDelaySeconds: 30,
  retryBackoff: true,
  handler: async ({ emailId }, { db, mailer }) => {
    const [email] = await db.select().from(emails).where(eq(emails.id, emailId)).limit(1);
    if (!email || email.status === "sent" || email.status === "outbox") return;
    try {
      await mailer.deliver(email);
      await db
        .update(emails)
        .set({ status: mailer.transport === "smtp" ? "sent" : "outbox", sentAt: new Date(), error: null, attempts: email.attempts + 1 })
        .where(eq(emails.id, emailId));
    } catch (err) {
      await db
        .update(emails)
        .set({ status: "failed", error: String((err as Error).message).slice(0, 500), attempts: email.attempts + 1 })
        .where(eq(emails.id, emailId));
      throw err;
    }
  },
});

/** Safety net: re-queues emails whose send job never ran (a crash between commit and enqueue). */
export const sweepEmailsJob = defineJob({
  name: "email.sweep",
  payload: z.object({}),
  cron: "*/5 * * * *",
  retryLimit: 0,
  handler: async (_payload, { db, jobs }) => {
    const stale = await db
      .select({ id: emails.id })
      .from(emails)
      .where(and(eq(emails.status, "queued"), lt(emails.createdAt, new Date(Date.now() - 5 * 60_000))))
      .limit(500);
    for (const row of stale) await jobs.enqueue("email.send", { emailId: row.id });
  },
});
