import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { emails } from "../../db/schema";
import type { Services } from "../../services";

/** Hands a committed email row to the send job (inline in tests, queued otherwise). */
export async function sendQueuedEmail(services: Services, emailId: string) {
  await services.jobs.enqueue("email.send", { emailId });
}

/**
 * The start time of the current transaction, `created_at` of every email row it queues; as text,
 * because a JS Date would drop the microseconds.
 */
export async function transactionStart(tx: Executor): Promise<string> {
  const res = (await tx.execute(sql`select now()::text as now`)) as unknown as { rows: { now: string }[] };
  return res.rows[0].now;
}

/**
 * After a commit: sends the emails that a transaction's domain-event reactions queued (they
 * cannot know the commit happened). Rows are found by the transaction's start time, which
 * `created_at` defaults to; anything missed is still re-queued by the email sweep.
 */
export async function sendEmailsQueuedAt(services: Services, txStart: string) {
  const rows = await services.db
    .select({ id: emails.id })
    .from(emails)
    .where(and(eq(emails.status, "queued"), sql`${emails.createdAt} = ${txStart}::timestamptz`));
  for (const row of rows) await sendQueuedEmail(services, row.id);
}
