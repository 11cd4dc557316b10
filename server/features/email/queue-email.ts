import type { Executor } from "../../db/client";
import { emails } from "../../db/schema";
import { newId } from "../../lib/ids";
import type { OutgoingEmail } from "./mailer";

/**
 * Writes the email inside the caller's transaction. The send job is enqueued after commit
 * (see `sendQueuedEmails`), and the sweeper job picks up any row whose enqueue was lost.
 */
export async function queueEmail(tx: Executor, email: OutgoingEmail & { organizationId?: string | null }): Promise<string> {
  const id = newId();
  await tx.insert(emails).values({
    id,
    organizationId: email.organizationId ?? null,
    to: email.to,
    subject: email.subject,
    text: email.text,
    html: email.html ?? null,
    status: "queued",
  });
  return id;
}
