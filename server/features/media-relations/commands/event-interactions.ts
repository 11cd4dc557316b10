import type { Executor } from "../../../db/client";
import { journalistInteractions } from "../../../db/schema";
import type { DomainEvents } from "../../../lib/domain-events";
import { newId } from "../../../lib/ids";

/** The calendar day of `at` in the organization's zone (WIB/WITA/WIT), as YYYY-MM-DD. */
const localDay = (at: Date, timeZone: string) => new Intl.DateTimeFormat("en-CA", { timeZone }).format(at);

async function addEventInteractions(
  tx: Executor,
  e: { eventId: string; title: string; startsAt: Date; timeZone: string; actorUserId: string | null },
  journalistIds: string[],
) {
  if (!journalistIds.length) return;
  await tx.insert(journalistInteractions).values(
    [...new Set(journalistIds)].map((journalistId) => ({
      id: newId(),
      journalistId,
      kind: "event",
      occurredOn: localDay(e.startsAt, e.timeZone),
      text: `Hadir di acara pers: ${e.title}`.slice(0, 2000),
      createdBy: e.actorUserId,
    })),
  );
}

/** Attendance at a press event joins each journalist's interaction history ("events attended"). */
export async function recordEventAttendance(tx: Executor, event: DomainEvents["pressEvent.held"]) {
  await addEventInteractions(tx, event, event.attendeeJournalistIds);
}

export async function recordLateAttendance(tx: Executor, event: DomainEvents["pressEvent.attended"]) {
  await addEventInteractions(tx, event, [event.journalistId]);
}
