import { and, asc, count, desc, eq, inArray, like, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { z } from "zod";
import type { journalistListQuery } from "../../../common/schemas/media-relations";
import type { Executor } from "../../db/client";
import { journalistInteractions, journalistMemberships, journalists, mediaOutlets, organizations } from "../../db/schema";
import { AppError } from "../../http/errors";
import type { Actor } from "../../policies/core";
import { escapeLike, inScope } from "./outlet-queries";

const columns = {
  id: journalists.id,
  organizationId: journalists.organizationId,
  organizationName: organizations.name,
  path: organizations.path,
  name: journalists.name,
  beats: journalists.beats,
  regionCode: journalists.regionCode,
  ukwLevel: journalists.ukwLevel,
  email: journalists.email,
  phone: journalists.phone,
  erasedAt: journalists.erasedAt,
};
export type JournalistRow = {
  id: string;
  organizationId: string;
  organizationName: string;
  path: string;
  name: string;
  beats: string[];
  regionCode: string | null;
  ukwLevel: string | null;
  email: string | null;
  phone: string | null;
  erasedAt: Date | null;
};

const base = (db: Executor) =>
  db.select(columns).from(journalists).innerJoin(organizations, eq(organizations.id, journalists.organizationId));

export async function findVisibleJournalist(db: Executor, actor: Actor, id: string): Promise<JournalistRow> {
  const [row] = await base(db)
    .where(and(eq(journalists.id, id), inScope(actor)))
    .limit(1);
  if (!row) throw new AppError(404, "not_found");
  return row;
}

export async function membershipsOf(db: Executor, ids: string[]) {
  if (!ids.length) return new Map<string, { outletId: string; outletName: string; role: string }[]>();
  const rows = await db
    .select({
      journalistId: journalistMemberships.journalistId,
      outletId: journalistMemberships.outletId,
      outletName: mediaOutlets.name,
      role: journalistMemberships.role,
    })
    .from(journalistMemberships)
    .innerJoin(mediaOutlets, eq(mediaOutlets.id, journalistMemberships.outletId))
    .where(inArray(journalistMemberships.journalistId, ids))
    .orderBy(asc(mediaOutlets.name));
  const map = new Map<string, { outletId: string; outletName: string; role: string }[]>();
  for (const r of rows) map.set(r.journalistId, [...(map.get(r.journalistId) ?? []), r]);
  return map;
}

export async function journalistDetail(db: Executor, id: string) {
  const [journalist] = await db.select().from(journalists).where(eq(journalists.id, id));
  const interactions = await db
    .select()
    .from(journalistInteractions)
    .where(eq(journalistInteractions.journalistId, id))
    .orderBy(desc(journalistInteractions.occurredOn), desc(journalistInteractions.createdAt));
  const memberships = (await membershipsOf(db, [id])).get(id) ?? [];
  return { journalist, interactions, memberships };
}

export function journalistFilter(actor: Actor, q: Partial<z.infer<typeof journalistListQuery>>): SQL | undefined {
  const where: (SQL | undefined)[] = [inScope(actor)];
  if (q.organizationId) where.push(eq(journalists.organizationId, q.organizationId));
  if (q.ukwLevel) where.push(eq(journalists.ukwLevel, q.ukwLevel));
  if (q.regionCode) where.push(like(journalists.regionCode, `${escapeLike(q.regionCode)}%`));
  if (q.beat) where.push(sql`${journalists.beats} @> array[${q.beat}]::text[]`);
  if (q.outletId || q.role) {
    const m: SQL[] = [sql`m.journalist_id = ${journalists.id}`];
    if (q.outletId) m.push(sql`m.outlet_id = ${q.outletId}`);
    if (q.role) m.push(sql`m.role = ${q.role}`);
    // With a name search the matches are few: `offset 0` keeps the membership check a per-row
    // primary-key probe instead of a hash over every membership of that role (the planner's
    // choice otherwise, 10× slower at 100,000 journalists: bench/contact-search.bench.ts).
    const probe = q.q ? sql` offset 0` : sql``;
    where.push(sql`exists (select 1 from journalist_memberships m where ${sql.join(m, sql` and `)}${probe})`);
  }
  if (q.q) where.push(sql`lower(${journalists.name}) like ${`%${escapeLike(q.q)}%`}`);
  return and(...where);
}

/**
 * Totals stop counting here: past it the list says "10.000+" (`totalCapped`). An exact count of a
 * broad search reads every matching row (100,000 for a province admin with no filter), which cost
 * more than the page itself; nobody pages that far, they narrow the search (bench/contact-search).
 */
export const JOURNALIST_COUNT_CAP = 10_000;

export async function listJournalists(db: Executor, actor: Actor, q: z.infer<typeof journalistListQuery>, opts: { all?: boolean } = {}) {
  const condition = journalistFilter(actor, q);
  const ordered = (t: { name: SQLWrapper; id: SQLWrapper; createdAt: SQLWrapper }) => {
    const dir = q.sort.startsWith("-") ? desc : asc;
    const key = q.sort.endsWith("name") ? sql`lower(${t.name})` : sql`${t.createdAt}`;
    return [dir(key), dir(sql`${t.id}`)];
  };
  const withMemberships = async (rows: JournalistRow[], total: number, totalCapped: boolean) => ({
    rows,
    total,
    totalCapped,
    memberships: await membershipsOf(
      db,
      rows.map((r) => r.id),
    ),
  });
  const offset = (q.page - 1) * q.pageSize;

  // A name search of three letters or more is served by the trigram index and matches few rows:
  // the page and its exact total come from one pass over them. The window count sits in a
  // subquery with no order, which PostgreSQL plans apart, so it reads the matches through the
  // trigram index; ordered in one query, it walked the name-ordered index over every journalist
  // and filtered (10× slower, bench/contact-search.bench.ts).
  if (q.q && q.q.length >= 3 && !opts.all) {
    const m = db
      .select({
        ...columns,
        organizationName: sql<string>`${organizations.name}`.as("organization_name"),
        path: sql<string>`${organizations.path}`.as("organization_path"),
        createdAt: journalists.createdAt,
        total: sql<number>`count(*) over ()`.mapWith(Number).as("total"),
      })
      .from(journalists)
      .innerJoin(organizations, eq(organizations.id, journalists.organizationId))
      .where(condition)
      .as("m");
    const page = await db
      .select()
      .from(m)
      .orderBy(...ordered(m))
      .limit(q.pageSize)
      .offset(offset);
    if (page.length)
      return withMemberships(
        page.map(({ total: _t, createdAt: _c, ...row }) => row),
        // Reported like a broad list's count, so a common fragment reads "10.000+" on every page.
        Math.min(page[0].total, JOURNALIST_COUNT_CAP),
        page[0].total > JOURNALIST_COUNT_CAP,
      );
    // A page past the end carries no row with the total: count apart (the page is known empty).
    const n = await countUpTo(db, condition, JOURNALIST_COUNT_CAP + 1);
    return withMemberships([], Math.min(n, JOURNALIST_COUNT_CAP), n > JOURNALIST_COUNT_CAP);
  }
  // A broad list (no name search, or a letter or two) reads its page in index order and stops
  // there (indexes ending in id, migration 0028); the total is counted apart and capped.
  const query = db
    .select(columns)
    .from(journalists)
    .innerJoin(organizations, eq(organizations.id, journalists.organizationId))
    .where(condition)
    .orderBy(...ordered(journalists));
  if (opts.all) return withMemberships(await query.limit(100_000), 0, false);
  const page = await query.limit(q.pageSize).offset(offset);
  const n = await countUpTo(db, condition, JOURNALIST_COUNT_CAP + 1);
  return withMemberships(page, Math.min(n, JOURNALIST_COUNT_CAP), n > JOURNALIST_COUNT_CAP);
}

/** How many journalists match, reading at most `limit` of them. */
async function countUpTo(db: Executor, condition: SQL | undefined, limit: number): Promise<number> {
  const matches = db
    .select({ one: sql`1` })
    .from(journalists)
    .innerJoin(organizations, eq(organizations.id, journalists.organizationId))
    .where(condition)
    .limit(limit)
    .as("matches");
  const [{ n }] = await db.select({ n: count() }).from(matches);
  return n;
}

/** The filtered list with every sheet column, for the XLSX/CSV export (first membership only). */
export async function journalistsForExport(db: Executor, actor: Actor, q: Partial<z.infer<typeof journalistListQuery>>, max: number) {
  const rows = await db
    .select({ j: journalists })
    .from(journalists)
    .innerJoin(organizations, eq(organizations.id, journalists.organizationId))
    .where(journalistFilter(actor, q))
    .orderBy(asc(sql`lower(${journalists.name})`), asc(journalists.id))
    .limit(max);
  const memberships = await membershipsOf(
    db,
    rows.map((r) => r.j.id),
  );
  return rows.map(({ j }) => ({ ...j, membership: memberships.get(j.id)?.[0] ?? null }));
}
