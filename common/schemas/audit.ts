import { z } from "zod";
import { id, paged, pageQuery } from "./shared";

export const auditQuery = pageQuery.extend({
  userId: id.optional(),
  organizationId: id.optional(),
  entityType: z.string().max(60).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export const auditExportQuery = auditQuery.omit({ page: true, pageSize: true });

export const auditEntryView = z.object({
  id,
  seq: z.number().int(),
  at: z.string(),
  actorId: id.nullable(),
  actorName: z.string().nullable(),
  organizationId: id.nullable(),
  organizationName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  ip: z.string().nullable(),
});
export const auditList = paged(auditEntryView);
