import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { type Actor, scopeRoots } from "../../../policies/core";
import { MONITORING_READERS } from "./monitoring-articles.policy";

const rowsOf = <T>(res: unknown) => (res as { rows: T[] }).rows;

/**
 * The organizations whose monitoring the actor reads: every organization in the subtrees of the
 * actor's grants (a coordinator of the province root reads the whole tree).
 */
export async function visibleOrganizationIds(db: Executor, actor: Actor): Promise<string[]> {
  const roots = scopeRoots(actor, MONITORING_READERS);
  if (!roots.length) return [];
  const likes = sql.join(
    roots.map((r) => sql`path like ${`${r}%`}`),
    sql` or `,
  );
  return rowsOf<{ id: string }>(await db.execute(sql`select id from organizations where ${likes}`)).map((r) => r.id);
}

export const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(",")}}`}::uuid[]`;

/**
 * An article is visible when its source's owner is in scope, or when it mentions an organization
 * in scope (a watchlist of that organization matched it).
 */
export function articleVisible(alias: string, orgs: readonly string[]): SQL {
  const a = sql.raw(alias);
  return sql`(${a}.organization_id = any(${uuidArray(orgs)}) or exists (select 1 from article_mentions vm
    where vm.article_id = ${a}.id and vm.mentioned_organization_id = any(${uuidArray(orgs)})))`;
}
