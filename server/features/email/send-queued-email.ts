import type { Services } from "../../services";

/** Hands a committed email row to the send job (inline in tests, queued otherwise). */
export async function sendQueuedEmail(services: Services, emailId: string) {
  await services.jobs.enqueue("email.send", { emailId });
}
