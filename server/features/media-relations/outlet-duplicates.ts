import { sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { type Actor, scopeRoots } from "../../policies/core";
import { MEDIA_MANAGERS } from "./media-relations.policy";

interface PairRow {
  reason: "name" | "website";
  a_id: string;
  a_name: string;
  a_website: string | null;
  b_id: string;
  b_name: string;
  b_website: string | null;
  org_name: string;
}

/**
 * Likely duplicate pairs inside one organization's list: the same normalized name or the same
 * website domain. Only outlets the actor may merge (manage) are paired.
 */
export async function duplicatePairs(db: Executor, actor: Actor, limit = 200) {
  const roots = scopeRoots(actor, MEDIA_MANAGERS);
  if (!roots.length) return [];
  const scope = sql.join(
    roots.map((r) => sql`og.path like ${`${r}%`}`),
    sql` or `,
  );
  const result = (await db.execute(sql`
    select case when a.name_key = b.name_key then 'name' else 'website' end as reason,
      a.id as a_id, a.name as a_name, a.website as a_website,
      b.id as b_id, b.name as b_name, b.website as b_website, og.name as org_name
    from media_outlets a
    join media_outlets b on b.organization_id = a.organization_id and a.id < b.id
      and (b.name_key = a.name_key or (a.website_domain is not null and b.website_domain = a.website_domain))
    join organizations og on og.id = a.organization_id
    where a.merged_into_id is null and b.merged_into_id is null and (${scope})
    order by a.name, b.name limit ${limit}`)) as unknown as { rows: PairRow[] };
  return result.rows.map((r) => ({
    reason: r.reason,
    a: { id: r.a_id, name: r.a_name, website: r.a_website, organizationName: r.org_name },
    b: { id: r.b_id, name: r.b_name, website: r.b_website, organizationName: r.org_name },
  }));
}
