import { z } from "zod";
import { JENJANG } from "../pranata-humas";
import { id } from "./shared";

export const dashboardQuery = z.object({
  organizationId: id.optional(),
  year: z.coerce.number().int().min(2020).max(2100).optional(),
});

const count = z.number().int();
export const pranataHumasDashboard = z.object({
  organizationId: id,
  organizationName: z.string(),
  year: z.number().int(),
  officers: z.object({
    total: count,
    active: count,
    byJenjang: z.array(z.object({ jenjang: z.enum(JENJANG), count })),
    byOrganization: z.array(z.object({ organizationId: id, name: z.string(), count })),
  }),
  workLogs: z.object({
    total: count,
    byStatus: z.object({ draft: count, submitted: count, returned: count, approved: count }),
    byType: z.array(z.object({ code: z.string(), name: z.string(), count })),
    byMonth: z.array(z.object({ month: z.string(), approved: count, other: count })),
  }),
  backlog: z.object({
    submitted: count,
    oldestDays: z.number().nullable(),
    byOrganization: z.array(z.object({ organizationId: id, name: z.string(), submitted: count, oldestDays: z.number() })),
  }),
});
export type PranataHumasDashboard = z.infer<typeof pranataHumasDashboard>;
