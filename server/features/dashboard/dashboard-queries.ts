import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";

type Rows<T> = { rows: T[] };
const rows = async <T>(db: Executor, query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as Rows<T>).rows;

/**
 * The figures of the Pranata Humas dashboard for one organization's subtree and year, each an
 * aggregate in PostgreSQL (the organizations of the subtree first, by their path index).
 */
export async function pranataHumasFigures(db: Executor, rootPath: string, year: number) {
  const orgs = sql`(select id from organizations where path like ${`${rootPath}%`})`;
  const from = `${year}-01-01T00:00:00+07:00`;
  const to = `${year + 1}-01-01T00:00:00+07:00`;
  const [officerTotals, byJenjang, byOrganization, byStatus, byType, byMonth, backlog, backlogByOrg] = await Promise.all([
    rows<{ total: number; active: number }>(
      db,
      sql`select count(*)::int as total, count(*) filter (where active)::int as active from officers where organization_id in ${orgs}`,
    ),
    rows<{ jenjang: string; count: number }>(
      db,
      sql`select jenjang, count(*)::int as count from officers where active and organization_id in ${orgs} group by jenjang`,
    ),
    rows<{ organizationId: string; name: string; count: number }>(
      db,
      sql`select o.organization_id as "organizationId", g.name, count(*)::int as count from officers o join organizations g on g.id = o.organization_id
          where o.active and o.organization_id in ${orgs} group by 1, 2 order by 3 desc, 2 limit 20`,
    ),
    rows<{ status: string; count: number }>(
      db,
      sql`select status, count(*)::int as count from work_logs where organization_id in ${orgs} and occurred_at >= ${from} and occurred_at < ${to} group by status`,
    ),
    rows<{ code: string; name: string; count: number }>(
      db,
      sql`select t.code, t.name, count(*)::int as count from work_logs w join hasil_kerja_types t on t.id = w.hasil_kerja_type_id
          where w.organization_id in ${orgs} and w.occurred_at >= ${from} and w.occurred_at < ${to} group by 1, 2 order by 3 desc, 1`,
    ),
    rows<{ month: string; approved: number; other: number }>(
      db,
      sql`select to_char(occurred_at at time zone 'Asia/Jakarta', 'YYYY-MM') as month,
                 count(*) filter (where status = 'approved')::int as approved, count(*) filter (where status <> 'approved')::int as other
          from work_logs where organization_id in ${orgs} and occurred_at >= ${from} and occurred_at < ${to} group by 1 order by 1`,
    ),
    rows<{ submitted: number; oldest: Date | null }>(
      db,
      sql`select count(*)::int as submitted, min(submitted_at) as oldest from work_logs where status = 'submitted' and organization_id in ${orgs}`,
    ),
    rows<{ organizationId: string; name: string; submitted: number; oldest: Date }>(
      db,
      sql`select w.organization_id as "organizationId", g.name, count(*)::int as submitted, min(w.submitted_at) as oldest
          from work_logs w join organizations g on g.id = w.organization_id
          where w.status = 'submitted' and w.organization_id in ${orgs} group by 1, 2 order by 4 asc limit 20`,
    ),
  ]);
  return { officerTotals: officerTotals[0], byJenjang, byOrganization, byStatus, byType, byMonth, backlog: backlog[0], backlogByOrg };
}
