import { eq, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { distributionRecipients } from "../../../db/schema";
import type { DomainEvents } from "../../../lib/domain-events";

/**
 * UU PDP erasure reaches the delivery records: past recipients rows of the journalist keep
 * their status (the send statistics stay true) but lose name and address. The unsubscribe
 * list keeps only the address key it needs to keep honouring the opt-out.
 */
export async function forgetErasedRecipient(tx: Executor, event: DomainEvents["journalist.erased"]) {
  await tx
    .update(distributionRecipients)
    .set({
      name: event.erasedName,
      email: "",
      // Unique per distribution: the row's own id keeps the index satisfied.
      emailKey: sql`'erased:' || ${distributionRecipients.id}::text`,
      smtpResponse: null,
      updatedAt: new Date(),
    })
    .where(eq(distributionRecipients.journalistId, event.journalistId));
}
