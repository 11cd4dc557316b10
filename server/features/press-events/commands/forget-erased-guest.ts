import { eq } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { pressEventInvitations } from "../../../db/schema";
import type { DomainEvents } from "../../../lib/domain-events";

/**
 * UU PDP erasure reaches the guest lists: the journalist's invitations keep their RSVP and
 * check-in times (attendance statistics stay true) but lose the name and outlet copied onto them.
 */
export async function forgetErasedGuest(tx: Executor, event: DomainEvents["journalist.erased"]) {
  await tx
    .update(pressEventInvitations)
    .set({ guestName: event.erasedName, guestOutlet: null })
    .where(eq(pressEventInvitations.journalistId, event.journalistId));
}
