import { eq, inArray } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { hasilKerjaTypes, officers, workLogEvidence, workLogs } from "../../../db/schema";
import type { DomainEvents } from "../../../lib/domain-events";
import { newId } from "../../../lib/ids";
import { recordAudit } from "../../audit/record-audit";

/** "Dokumen pelaksanaan kegiatan kehumasan": running a press event is carrying out PR activity. */
const HASIL_KERJA_CODE = "KH-01";
const KIND_LABEL: Record<string, string> = {
  konferensi_pers: "Konferensi pers",
  media_gathering: "Media gathering",
  press_tour: "Press tour",
};

/**
 * When a press event is marked held, each organizing officer finds a draft work-log entry with
 * the event as evidence; they add photos or the attendance list and submit it like any entry.
 * Nothing happens when the catalogue item was retired.
 */
export async function recordPressEventEvidence(tx: Executor, event: DomainEvents["pressEvent.held"]) {
  if (!event.organizerOfficerIds.length) return;
  const [type] = await tx
    .select({ id: hasilKerjaTypes.id, active: hasilKerjaTypes.active })
    .from(hasilKerjaTypes)
    .where(eq(hasilKerjaTypes.code, HASIL_KERJA_CODE));
  if (!type?.active) return;
  const people = await tx
    .select({ id: officers.id, organizationId: officers.organizationId })
    .from(officers)
    .where(inArray(officers.id, event.organizerOfficerIds));
  const title = `${KIND_LABEL[event.kind] ?? "Acara pers"}: ${event.title}`.slice(0, 300);
  const attendance = `${event.attendeeJournalistIds.length} wartawan hadir.`;
  for (const officer of people) {
    const id = newId();
    await tx.insert(workLogs).values({
      id,
      officerId: officer.id,
      organizationId: officer.organizationId,
      hasilKerjaTypeId: type.id,
      occurredAt: event.startsAt,
      title,
      description: `Penyelenggara acara pers. ${attendance}`,
      place: event.placeAddress.slice(0, 300),
      createdBy: event.actorUserId,
    });
    await tx.insert(workLogEvidence).values([
      { id: newId(), workLogId: id, kind: "reference", refType: "press_event", refId: event.eventId, label: event.title.slice(0, 200) },
      { id: newId(), workLogId: id, kind: "link", url: event.staffUrl, label: "Halaman acara dan daftar hadir" },
    ]);
    await recordAudit(
      tx,
      { actor: null, ip: null },
      {
        action: "work_log.create_from_press_event",
        entityType: "work_log",
        entityId: id,
        organizationId: officer.organizationId,
        after: { pressEventId: event.eventId },
      },
    );
  }
}
