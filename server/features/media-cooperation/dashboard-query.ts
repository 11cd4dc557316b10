import type { z } from "zod";
import type { DashboardView, dashboardQuery } from "../../../common/schemas/media-cooperation";
import type { Executor } from "../../db/client";
import type { Actor } from "../../policies/core";
import { findVisibleOrganization } from "../organizations/organization-queries";
import { listContracts } from "./contract-queries";

/** Budget used (paid terms) and quota delivered per outlet for a fiscal year, cancelled contracts left out. */
export async function cooperationDashboard(db: Executor, actor: Actor, q: z.infer<typeof dashboardQuery>): Promise<DashboardView> {
  if (q.organizationId) await findVisibleOrganization(db, actor, q.organizationId);
  const { rows } = await listContracts(db, actor, { fiscalYear: q.fiscalYear, organizationId: q.organizationId });
  const byOutlet = new Map<string, DashboardView["rows"][number]>();
  for (const c of rows) {
    if (c.status === "dibatalkan") continue;
    const row = byOutlet.get(c.outletId) ?? {
      outletId: c.outletId,
      outletName: c.outletName,
      contracts: 0,
      valueRupiah: 0,
      paidRupiah: 0,
      quota: 0,
      delivered: 0,
    };
    row.contracts += 1;
    row.valueRupiah += c.valueRupiah;
    row.paidRupiah += c.paidRupiah;
    row.quota += c.quota;
    row.delivered += Math.min(c.delivered, c.quota);
    byOutlet.set(c.outletId, row);
  }
  const list = [...byOutlet.values()].sort((a, b) => b.valueRupiah - a.valueRupiah || a.outletName.localeCompare(b.outletName, "id"));
  const sum = (k: "valueRupiah" | "paidRupiah" | "quota" | "delivered") => list.reduce((s, r) => s + r[k], 0);
  return {
    fiscalYear: q.fiscalYear,
    rows: list,
    totals: { valueRupiah: sum("valueRupiah"), paidRupiah: sum("paidRupiah"), quota: sum("quota"), delivered: sum("delivered") },
  };
}
