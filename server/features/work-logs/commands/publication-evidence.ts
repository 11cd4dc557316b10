import { eq } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { hasilKerjaTypes, officers, workLogEvidence, workLogs } from "../../../db/schema";
import type { DomainEvents } from "../../../lib/domain-events";
import { newId } from "../../../lib/ids";
import { recordAudit } from "../../audit/record-audit";

/** Written forms count as news writing; visual and social forms as online content production. */
const HASIL_KERJA_BY_TYPE: Record<string, string> = {
  siaran_pers: "PI-02",
  berita: "PI-02",
  pengumuman: "PI-02",
  klarifikasi: "PI-02",
  foto: "KH-03",
  infografis: "KH-03",
  video: "KH-03",
  sosial: "KH-03",
};

/**
 * When an officer's content goes public, a draft work-log entry with the publication as evidence
 * is waiting for them: they review it and submit it for verification like any other entry.
 * Nothing happens when the author has no officer record or the catalogue item was retired.
 */
export async function recordPublicationEvidence(tx: Executor, event: DomainEvents["content.released"]) {
  if (!event.authorId) return;
  const [officer] = await tx
    .select({ id: officers.id, organizationId: officers.organizationId })
    .from(officers)
    .where(eq(officers.userId, event.authorId));
  const code = HASIL_KERJA_BY_TYPE[event.type];
  if (!officer || !code) return;
  const [type] = await tx
    .select({ id: hasilKerjaTypes.id, active: hasilKerjaTypes.active })
    .from(hasilKerjaTypes)
    .where(eq(hasilKerjaTypes.code, code));
  if (!type?.active) return;
  const id = newId();
  await tx.insert(workLogs).values({
    id,
    officerId: officer.id,
    organizationId: officer.organizationId,
    hasilKerjaTypeId: type.id,
    occurredAt: event.publicFrom,
    title: event.title.slice(0, 300),
    description: `Terbit di ${event.publicUrl}`,
    createdBy: event.authorId,
  });
  await tx.insert(workLogEvidence).values([
    { id: newId(), workLogId: id, kind: "reference", refType: "content", refId: event.contentId, label: event.title.slice(0, 200) },
    { id: newId(), workLogId: id, kind: "link", url: event.publicUrl, label: "Tautan publikasi" },
  ]);
  await recordAudit(
    tx,
    { actor: null, ip: null },
    {
      action: "work_log.create_from_publication",
      entityType: "work_log",
      entityId: id,
      organizationId: officer.organizationId,
      after: { contentId: event.contentId },
    },
  );
}
