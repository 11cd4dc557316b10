import type { WorkLogStatus, WorkLogView } from "../../../common/schemas/work-logs";
import type { Actor } from "../../policies/core";
import { workLogPolicy } from "./work-log.policy";
import type { WorkLogRow, workLogDetail } from "./work-log-queries";

export function presentWorkLogSummary(row: WorkLogRow, actor: Actor) {
  return {
    id: row.id,
    officerId: row.officerId,
    officerName: row.officerName,
    organizationName: row.organizationName,
    hasilKerjaTypeId: row.hasilKerjaTypeId,
    hasilKerjaCode: row.hasilKerjaCode,
    hasilKerjaName: row.hasilKerjaName,
    occurredAt: row.occurredAt.toISOString(),
    title: row.title,
    status: row.status as WorkLogStatus,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    decisionNote: row.decisionNote,
    evidenceCount: row.evidenceCount,
    can: workLogPolicy.abilities(actor, row),
  };
}

export function presentWorkLog(row: WorkLogRow, detail: Awaited<ReturnType<typeof workLogDetail>>, actor: Actor): WorkLogView {
  return {
    ...presentWorkLogSummary(row, actor),
    description: detail.log.description,
    place: detail.log.place,
    latitude: detail.log.latitude,
    longitude: detail.log.longitude,
    evidence: detail.evidence.map((e) => ({
      id: e.id,
      kind: e.kind as "file" | "link" | "reference",
      fileName: e.fileName,
      mime: e.mime,
      sizeBytes: e.sizeBytes,
      url: e.url,
      refType: e.refType,
      refId: e.refId,
      label: e.label,
      createdAt: e.createdAt.toISOString(),
    })),
    events: detail.events.map((e) => ({
      id: e.id,
      action: e.action,
      note: e.note,
      actorName: e.actorName,
      createdAt: e.createdAt.toISOString(),
    })),
  };
}
