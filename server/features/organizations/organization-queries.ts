import { and, eq, getTableColumns, like, or, type SQL } from "drizzle-orm";
import type { Role } from "../../../common/roles";
import type { Executor } from "../../db/client";
import { organizations } from "../../db/schema";
import { AppError } from "../../http/errors";
import { type Actor, scopeRoots } from "../../policies/core";

export type OrganizationRow = typeof organizations.$inferSelect;
/** What the tree and the presenter need: every column but the timestamps (parsing them is most of the cost). */
export type OrganizationListRow = Omit<OrganizationRow, "createdAt" | "updatedAt">;

const { createdAt: _c, updatedAt: _u, ...listColumns } = getTableColumns(organizations);

/** `path LIKE root%` for each subtree the actor reaches; false when it reaches none. */
export function inScope(actor: Actor, roles?: readonly Role[]): SQL | undefined {
  const roots = scopeRoots(actor, roles);
  if (roots.length === 0) return eq(organizations.id, "00000000-0000-0000-0000-000000000000");
  return or(...roots.map((root) => like(organizations.path, `${root}%`)));
}

/** Finds an organization the actor can see; anything else is 404, never 403. */
export async function findVisibleOrganization(db: Executor, actor: Actor, id: string, roles?: readonly Role[]): Promise<OrganizationRow> {
  const [row] = await db
    .select()
    .from(organizations)
    .where(and(eq(organizations.id, id), inScope(actor, roles)))
    .limit(1);
  if (!row) throw new AppError(404, "not_found");
  return row;
}

export async function listVisibleOrganizations(db: Executor, actor: Actor): Promise<OrganizationListRow[]> {
  return db.select(listColumns).from(organizations).where(inScope(actor));
}

// One collator for every comparison: localeCompare(…, "id") builds a new one per call.
const byName = new Intl.Collator("id");

/** Orders a flat list as a tree (parents first, siblings by name) and gives each its depth. */
export function treeOrder<T extends { id: string; parentId: string | null; name: string }>(rows: T[]): (T & { level: number })[] {
  const ids = new Set(rows.map((r) => r.id));
  const children = new Map<string | null, T[]>();
  for (const r of rows) {
    const key = r.parentId && ids.has(r.parentId) ? r.parentId : null;
    const list = children.get(key) ?? [];
    list.push(r);
    children.set(key, list);
  }
  for (const list of children.values()) list.sort((a, b) => byName.compare(a.name, b.name));
  const out: (T & { level: number })[] = [];
  const walk = (parent: string | null, level: number) => {
    for (const r of children.get(parent) ?? []) {
      out.push({ ...r, level });
      walk(r.id, level + 1);
    }
  };
  walk(null, 0);
  return out;
}
