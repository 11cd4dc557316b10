import { z } from "zod";
import { id } from "./shared";

/** The longest period one officer report covers (the range check names it in its message). */
export const REPORT_MAX_YEARS = 5;

const isoDate = z.iso.date();

/** `?from=YYYY-MM-DD&to=YYYY-MM-DD`; the order and length are checked by the route (precise messages). */
export const reportPeriodQuery = z.object({ from: isoDate, to: isoDate });
export type ReportPeriod = z.infer<typeof reportPeriodQuery>;

export const recapBody = z.strictObject({
  organizationId: id,
  year: z.coerce.number().int().min(2000).max(2100),
});
export const recapQuery = recapBody;

export const EXPORT_STATUSES = ["queued", "running", "done", "failed"] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

export const reportExportView = z.object({
  id,
  kind: z.string(),
  organizationId: id,
  organizationName: z.string(),
  params: z.record(z.string(), z.unknown()),
  status: z.enum(EXPORT_STATUSES),
  progress: z.number().int(),
  error: z.string().nullable(),
  fileName: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ReportExportView = z.infer<typeof reportExportView>;

export const reportExportList = z.object({ items: z.array(reportExportView) });
export const reportExportCreated = z.object({ id });
