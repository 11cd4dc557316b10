import { and, asc, count, desc, eq, inArray, like, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Role } from "../../../common/roles";
import type { userListQuery } from "../../../common/schemas/users";
import type { Executor } from "../../db/client";
import { grants, organizations, users } from "../../db/schema";
import { AppError } from "../../http/errors";
import { type Actor, scopeRoots } from "../../policies/core";
import { USER_READERS } from "./user.policy";

export type UserRow = typeof users.$inferSelect;
export interface UserGrantRow {
  id: string;
  userId: string;
  organizationId: string;
  organizationName: string;
  path: string;
  role: Role;
}

const pathIn = (roots: string[]) => or(...roots.map((r) => like(organizations.path, `${r}%`)));

/** Users that hold at least one grant inside the subtrees the actor may read users in. */
export function visibleUser(actor: Actor, extra: SQL[] = []): SQL {
  const roots = scopeRoots(actor, USER_READERS);
  if (roots.length === 0) return sql`false`;
  return sql`exists (select 1 from ${grants} join ${organizations} on ${organizations.id} = ${grants.organizationId}
    where ${grants.userId} = ${users.id} and ${and(pathIn(roots), ...extra)})`;
}

const ESCAPE = /[\\%_]/g;

export async function listUsers(db: Executor, actor: Actor, q: z.infer<typeof userListQuery>, orgFilterPath?: string) {
  const grantFilters: SQL[] = [];
  if (orgFilterPath) grantFilters.push(like(organizations.path, `${orgFilterPath}%`));
  if (q.role) grantFilters.push(eq(grants.role, q.role));
  const where: SQL[] = [visibleUser(actor, grantFilters)];
  if (q.status) where.push(eq(users.status, q.status));
  if (q.q) {
    // Matches the trigram index users_search_trgm_idx (lowercased name + email).
    const pattern = `%${q.q.toLowerCase().replace(ESCAPE, (c) => `\\${c}`)}%`;
    where.push(sql`lower(${users.name} || ' ' || ${users.email}) like ${pattern}`);
  }
  const descending = q.sort.startsWith("-");
  const column = { name: users.name, email: users.email, createdAt: users.createdAt }[
    q.sort.replace("-", "") as "name" | "email" | "createdAt"
  ];
  const condition = and(...where);
  // The total rides along with the page (one scan); only a page past the end needs its own count.
  const page = await db
    .select({ user: users, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(users)
    .where(condition)
    .orderBy(descending ? desc(column) : asc(column), asc(users.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const rows = page.map((p) => p.user);
  const total = page[0]?.total ?? (q.page > 1 ? (await db.select({ n: count() }).from(users).where(condition))[0].n : 0);
  return {
    rows,
    total,
    grants: await grantsOf(
      db,
      rows.map((r) => r.id),
    ),
  };
}

export async function grantsOf(db: Executor, userIds: string[]): Promise<UserGrantRow[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .select({
      id: grants.id,
      userId: grants.userId,
      organizationId: grants.organizationId,
      organizationName: organizations.name,
      path: organizations.path,
      role: grants.role,
    })
    .from(grants)
    .innerJoin(organizations, eq(organizations.id, grants.organizationId))
    .where(inArray(grants.userId, userIds))
    .orderBy(asc(grants.createdAt));
  return rows.map((r) => ({ ...r, role: r.role as Role }));
}

/** One user the actor may read, with grants; another organization's user answers 404. */
export async function findVisibleUser(db: Executor, actor: Actor, id: string) {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, id), visibleUser(actor)))
    .limit(1);
  if (!row) throw new AppError(404, "not_found");
  return { user: row, grants: await grantsOf(db, [row.id]) };
}
