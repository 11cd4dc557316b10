/**
 * Runs one compiled query over the recent articles of a tree: the preview before saving and the
 * re-match after an edit. The tsquery prefilter narrows the rows in SQL; the exact matcher decides.
 */
import { sql } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { compileQuery, type QueryNode, toTsQuery } from "../query";
import { tokenizeDoc } from "../text/tokenized-doc";

export const MAX_SCAN = 5000;
/** The preview answers while an editor types, so it looks at fewer rows than the background re-match. */
export const PREVIEW_MAX_SCAN = 2000;

export interface RecentMatch {
  id: string;
  title: string;
  url: string;
  outletName: string | null;
  publishedAt: Date;
  text: string;
}

const rowsOf = <T>(res: unknown) => (res as { rows: T[] }).rows;

/** The tree root's path of an organization path ("/a/b/" → "/a/"). */
export const rootPathOf = (path: string) => `/${path.split("/").filter(Boolean)[0]}/`;

export async function matchRecent(
  db: Executor,
  input: { rootPath: string; ast: QueryNode; days: number; maxScan?: number },
): Promise<{ matches: RecentMatch[]; scanned: number; truncated: boolean }> {
  const tsq = toTsQuery(input.ast);
  const maxScan = input.maxScan ?? MAX_SCAN;
  const since = new Date(Date.now() - input.days * 86_400_000);
  const rows = rowsOf<{
    id: string;
    title: string;
    url: string;
    outlet_name: string | null;
    published_at: Date;
    lead: string;
    body: string;
  }>(
    await db.execute(sql`select a.id, a.title, a.url, a.outlet_name, a.published_at, a.lead, a.body
      from articles a join organizations o on o.id = a.organization_id
      where o.path like ${`${input.rootPath}%`} and a.published_at >= ${since.toISOString()}
      ${tsq ? sql`and a.search @@ to_tsquery('indonesian', ${tsq})` : sql``}
      order by a.published_at desc limit ${maxScan + 1}`),
  );
  const matcher = compileQuery(input.ast);
  const truncated = rows.length > maxScan;
  const matches: RecentMatch[] = [];
  for (const r of rows.slice(0, maxScan)) {
    const text = `${r.title}\n\n${r.lead}\n\n${r.body}`;
    if (!matcher(tokenizeDoc(text))) continue;
    matches.push({ id: r.id, title: r.title, url: r.url, outletName: r.outlet_name, publishedAt: new Date(r.published_at), text });
  }
  return { matches, scanned: Math.min(rows.length, maxScan), truncated };
}
