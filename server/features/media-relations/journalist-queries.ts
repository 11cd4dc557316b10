import { and, asc, count, desc, eq, inArray, like, type SQL, sql } from "drizzle-orm";
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

export async function listJournalists(db: Executor, actor: Actor, q: z.infer<typeof journalistListQuery>, opts: { all?: boolean } = {}) {
  const condition = journalistFilter(actor, q);
  const order = {
    name: [asc(sql`lower(${journalists.name})`)],
    "-name": [desc(sql`lower(${journalists.name})`)],
    created: [asc(journalists.createdAt)],
    "-created": [desc(journalists.createdAt)],
  }[q.sort];
  // A name search matches few rows: the total rides on the page as a window count, one pass over
  // the matches instead of two (bench/contact-search.bench.ts). Without one, a window would
  // materialize the whole scope (slower than counting apart), and a page past the end has no
  // row to carry the total: count apart then.
  const windowed = Boolean(q.q) && !opts.all;
  const query = db
    .select({ ...columns, total: windowed ? sql<number>`count(*) over ()`.mapWith(Number) : sql<number>`0`.mapWith(Number) })
    .from(journalists)
    .innerJoin(organizations, eq(organizations.id, journalists.organizationId))
    .where(condition)
    .orderBy(...order, asc(journalists.id));
  const page = opts.all ? await query.limit(100_000) : await query.limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  const rows: JournalistRow[] = page.map(({ total: _t, ...row }) => row);
  const total =
    windowed && page.length
      ? page[0].total
      : (
          await db
            .select({ total: count() })
            .from(journalists)
            .innerJoin(organizations, eq(organizations.id, journalists.organizationId))
            .where(condition)
        )[0].total;
  return {
    rows,
    total,
    memberships: await membershipsOf(
      db,
      rows.map((r) => r.id),
    ),
  };
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
