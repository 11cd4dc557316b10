import { and, asc, count, desc, eq, getTableColumns, inArray, like, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { contentListQuery } from "../../../common/schemas/content";
import type { Executor } from "../../db/client";
import { contentItems, organizations, users } from "../../db/schema";
import { AppError } from "../../http/errors";
import { type Actor, scopeRoots } from "../../policies/core";

const { search: _search, ...itemColumns } = getTableColumns(contentItems);

const columns = {
  ...itemColumns,
  path: organizations.path,
  orgName: organizations.name,
  orgShortName: organizations.shortName,
  orgSlug: organizations.slug,
  orgTimeZone: organizations.timeZone,
  authorName: users.name,
};

export type ContentRow = Omit<typeof contentItems.$inferSelect, "search"> & {
  path: string;
  orgName: string;
  orgShortName: string;
  orgSlug: string;
  orgTimeZone: string;
  authorName: string | null;
};

const base = (db: Executor) =>
  db
    .select(columns)
    .from(contentItems)
    .innerJoin(organizations, eq(organizations.id, contentItems.organizationId))
    .leftJoin(users, eq(users.id, contentItems.authorId));

/** Items of the subtrees the actor reaches with any role. */
export function visibleContent(actor: Actor): SQL {
  const roots = scopeRoots(actor);
  if (roots.length === 0) return sql`false`;
  return or(...roots.map((root) => like(organizations.path, `${root}%`))) as SQL;
}

export async function findVisibleContent(db: Executor, actor: Actor, id: string): Promise<ContentRow> {
  const [row] = await base(db)
    .where(and(eq(contentItems.id, id), visibleContent(actor)))
    .limit(1);
  if (!row) throw new AppError(404, "not_found");
  return row;
}

/** Reads an item for update inside a transaction: the row lock serializes concurrent decisions. */
export async function lockVisibleContent(tx: Executor, actor: Actor, id: string): Promise<ContentRow> {
  const row = await findVisibleContent(tx, actor, id);
  await tx.execute(sql`select 1 from ${contentItems} where ${contentItems.id} = ${id} for update`);
  const [fresh] = await base(tx).where(eq(contentItems.id, id));
  return { ...row, ...fresh };
}

const SORTS = {
  updated: asc(contentItems.updatedAt),
  "-updated": desc(contentItems.updatedAt),
  title: asc(contentItems.title),
  "-title": desc(contentItems.title),
  published: sql`${contentItems.publishedAt} asc nulls last`,
  "-published": sql`${contentItems.publishedAt} desc nulls last`,
} as const;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listContent(db: Executor, actor: Actor, q: z.infer<typeof contentListQuery>, onlyQueue = false) {
  const where: (SQL | undefined)[] = [visibleContent(actor)];
  if (onlyQueue) {
    where.push(eq(contentItems.status, "in_review"), sql`${actor.userId}::uuid = any(${contentItems.pendingApproverIds})`);
  }
  if (q.status) where.push(eq(contentItems.status, q.status));
  if (q.type) where.push(eq(contentItems.type, q.type));
  if (q.campaignId) where.push(eq(contentItems.campaignId, q.campaignId));
  if (q.mine === "true" && actor.userId) where.push(eq(contentItems.authorId, actor.userId));
  if (q.organizationId) {
    const [org] = await db.select({ path: organizations.path }).from(organizations).where(eq(organizations.id, q.organizationId));
    where.push(org ? like(organizations.path, `${org.path}%`) : sql`false`);
  }
  if (q.q) {
    // Full-text (stemmed) or a title substring, so partial words typed in the filter still match.
    where.push(
      or(
        sql`${contentItems.search} @@ websearch_to_tsquery('indonesian', ${q.q})`,
        sql`lower(${contentItems.title}) like ${`%${escapeLike(q.q.toLowerCase())}%`}`,
      ),
    );
  }
  const condition = and(...where);
  const order = onlyQueue ? asc(contentItems.updatedAt) : SORTS[q.sort];
  const [rows, [{ total }]] = await Promise.all([
    base(db)
      .where(condition)
      .orderBy(order, desc(contentItems.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ total: count() })
      .from(contentItems)
      .innerJoin(organizations, eq(organizations.id, contentItems.organizationId))
      .where(condition),
  ]);
  return { rows: rows as ContentRow[], total };
}

export async function namesOf(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}
