import type { Services } from "../../../../services";
import { sendQueuedEmail } from "../../../email/send-queued-email";
import type { AfterCommit } from "../delivery/raise-alert";

export const DELIVER_JOB = "alerts.deliver";

/** Emails to the send job, Telegram/webhook deliveries to the delivery job (one per alert). */
export async function runAfterCommit(services: Services, after: AfterCommit) {
  for (const id of after.emailIds) await sendQueuedEmail(services, id);
  for (const id of after.remoteEventIds) await services.jobs.enqueue(DELIVER_JOB, { eventIds: [id] }, { singletonKey: id });
}
