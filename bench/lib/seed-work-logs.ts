import { sql } from "drizzle-orm";
import type { Db } from "../../server/db/client";
import { ensureReferenceData } from "../../server/setup/reference-data";

export interface WorkLogSeed {
  officers: number;
  workLogs: number;
  submitted: number;
  seconds: number;
}

/**
 * One Pranata Humas record per seeded user (10,000), a supervisor per organization, and
 * `count` work-log entries spread over them and two years (2% submitted, 3% returned,
 * 5% draft, 90% approved), inserted set-wise in PostgreSQL for speed.
 */
export async function seedWorkLogs(db: Db, count: number): Promise<WorkLogSeed> {
  const started = performance.now();
  await ensureReferenceData(db);
  const step = (label: string, since: number) => console.log(`  ${label} ${((performance.now() - since) / 1000).toFixed(1)} s`);
  let since = performance.now();
  await db.execute(sql`
    insert into officers (id, organization_id, user_id, nip, name, birth_date, tmt_cpns, sex, kategori, jenjang, golongan, tmt_jabatan, tmt_pangkat)
    select gen_random_uuid(), g.organization_id, u.id, '1985031220100' || lpad(row_number() over (order by u.id)::text, 5, '0'),
           u.name, date '1985-03-12', '2010-01', 'P', 'keahlian', 'ahli_pertama', 'III/a', date '2023-01-01', date '2023-01-01'
    from users u
    join lateral (select organization_id from grants where user_id = u.id order by created_at limit 1) g on true`);
  step("officers", since);
  since = performance.now();
  // The first officer of each organization supervises the others there.
  await db.execute(sql`
    update officers o set supervisor_id = s.boss
    from (select organization_id, (array_agg(id order by id))[1] as boss from officers group by organization_id) s
    where o.organization_id = s.organization_id and o.id <> s.boss`);
  step("supervisors", since);
  since = performance.now();
  // A constant modulus keeps the join hashable (a per-row total made it a nested loop).
  const officerTotal = ((await db.execute(sql`select count(*)::int as n from officers`)) as unknown as { rows: { n: number }[] }).rows[0].n;
  await db.execute(sql`
    with o as (select id, organization_id, (row_number() over (order by id) - 1)::int as n from officers),
         t as (select array_agg(id order by code) as ids from hasil_kerja_types)
    insert into work_logs (id, officer_id, organization_id, hasil_kerja_type_id, occurred_at, title, description, status, submitted_at)
    select gen_random_uuid(), o.id, o.organization_id, t.ids[1 + (s % array_length(t.ids, 1))],
           now() - (s % 730) * interval '1 day', 'Kegiatan kehumasan ' || s, 'Dicatat untuk benchmark.',
           case when s % 100 < 2 then 'submitted' when s % 100 < 5 then 'returned' when s % 100 < 10 then 'draft' else 'approved' end,
           case when s % 100 < 10 and s % 100 >= 5 then null else now() - (s % 60) * interval '1 hour' end
    from generate_series(0, ${count - 1}) s
    join o on o.n = s % ${officerTotal}
    cross join t`);
  step("work logs", since);
  const t = performance.now();
  await db.execute(sql`vacuum analyze`);
  console.log(`  vacuum analyze ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const result = (await db.execute(
    sql`select (select count(*) from officers)::int as officers, (select count(*) from work_logs)::int as logs,
      (select count(*) from work_logs where status = 'submitted')::int as submitted`,
  )) as unknown as { rows: { officers: number; logs: number; submitted: number }[] };
  const row = result.rows[0];
  return { officers: row.officers, workLogs: row.logs, submitted: row.submitted, seconds: (performance.now() - started) / 1000 };
}
