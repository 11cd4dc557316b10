import { z } from "zod";
import { WORK_LOG_STATUSES } from "../enums";
import { LIMITS } from "../limits";
import { can, id, paged, pageQuery } from "./shared";

// Statuses live in ../enums (zod-free, for the staff app's router).
export { WORK_LOG_STATUSES, type WorkLogStatus } from "../enums";

const text = (max: number) => z.string().trim().max(max);

export const workLogFields = {
  officerId: id,
  hasilKerjaTypeId: id,
  occurredAt: z.iso.datetime({ offset: true }),
  title: text(300).min(3),
  description: text(10_000).default(""),
  place: text(300).nullable().optional(),
  latitude: z.number().min(-90).max(90).nullable().optional(),
  longitude: z.number().min(-180).max(180).nullable().optional(),
};
export const createWorkLogBody = z.strictObject(workLogFields);
export const updateWorkLogBody = z.strictObject({
  hasilKerjaTypeId: id.optional(),
  occurredAt: workLogFields.occurredAt.optional(),
  title: workLogFields.title.optional(),
  description: text(10_000).optional(),
  place: workLogFields.place,
  latitude: workLogFields.latitude,
  longitude: workLogFields.longitude,
});

export const addLinkEvidenceBody = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("link"), url: z.url({ protocol: /^https?$/ }).max(LIMITS.url), label: text(200).optional() }),
  z.strictObject({
    kind: z.literal("reference"),
    refType: z.string().regex(/^[a-z_]{2,40}$/),
    refId: z.string().min(1).max(100),
    label: text(200),
  }),
]);

export const evidenceView = z.object({
  id,
  kind: z.enum(["file", "link", "reference"]),
  fileName: z.string().nullable(),
  mime: z.string().nullable(),
  sizeBytes: z.number().nullable(),
  url: z.string().nullable(),
  refType: z.string().nullable(),
  refId: z.string().nullable(),
  label: z.string().nullable(),
  createdAt: z.string(),
});

export const workLogEventView = z.object({
  id,
  action: z.string(),
  note: z.string().nullable(),
  actorName: z.string().nullable(),
  createdAt: z.string(),
});

export const workLogSummary = z.object({
  id,
  officerId: id,
  officerName: z.string(),
  organizationName: z.string(),
  hasilKerjaTypeId: id,
  hasilKerjaCode: z.string(),
  hasilKerjaName: z.string(),
  occurredAt: z.string(),
  title: z.string(),
  status: z.enum(WORK_LOG_STATUSES),
  submittedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  evidenceCount: z.number().int(),
  can,
});
export const workLogView = workLogSummary.extend({
  description: z.string(),
  place: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  evidence: z.array(evidenceView),
  events: z.array(workLogEventView),
});
export type WorkLogView = z.infer<typeof workLogView>;

export const workLogListQuery = pageQuery.extend({
  officerId: id.optional(),
  status: z.enum(WORK_LOG_STATUSES).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  q: text(LIMITS.search).optional(),
});
export const workLogList = paged(workLogSummary);

export const submitBody = z.strictObject({ ids: z.array(id).min(1).max(200) });
export const decisionBody = z.strictObject({
  ids: z.array(id).min(1).max(200),
  decision: z.enum(["approve", "return"]),
  note: text(2000).optional(),
});
export const reopenBody = z.strictObject({ reason: text(2000).min(5) });
export const batchResult = z.object({
  results: z.array(z.object({ id, ok: z.boolean(), status: z.enum(WORK_LOG_STATUSES).nullable(), error: z.string().nullable() })),
});
export const queueCount = z.object({ count: z.number().int() });
