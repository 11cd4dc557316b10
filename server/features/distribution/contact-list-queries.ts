import { and, asc, count, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { ContactListKind } from "../../../common/distribution-enums";
import type { contactListFilters, contactListQuery } from "../../../common/schemas/distribution";
import type { Executor } from "../../db/client";
import { type ContactListFilters, contactListMembers, contactLists, organizations } from "../../db/schema";
import { AppError } from "../../http/errors";
import type { Actor } from "../../policies/core";
import { escapeLike, inScope } from "../media-relations/outlet-queries";
import { contactListPolicy } from "./distribution.policy";
import { countEligible, type ListSelector } from "./recipient-resolver";

const columns = {
  id: contactLists.id,
  organizationId: contactLists.organizationId,
  organizationName: organizations.name,
  path: organizations.path,
  name: contactLists.name,
  description: contactLists.description,
  kind: contactLists.kind,
  filters: contactLists.filters,
  createdAt: contactLists.createdAt,
  updatedAt: contactLists.updatedAt,
};
export interface ContactListRow {
  id: string;
  organizationId: string;
  organizationName: string;
  path: string;
  name: string;
  description: string;
  kind: string;
  filters: ContactListFilters;
  createdAt: Date;
  updatedAt: Date;
}

const base = (db: Executor) =>
  db.select(columns).from(contactLists).innerJoin(organizations, eq(organizations.id, contactLists.organizationId));

export async function findVisibleList(db: Executor, actor: Actor, id: string): Promise<ContactListRow> {
  const [row] = await base(db)
    .where(and(eq(contactLists.id, id), inScope(actor)))
    .limit(1);
  if (!row) throw new AppError(404, "not_found");
  return row;
}

/** Lists by id for a send: every id must be visible, else 404 on `listIds` (nothing is sent). */
export async function findVisibleLists(db: Executor, actor: Actor, ids: string[]): Promise<ContactListRow[]> {
  const unique = [...new Set(ids)];
  const rows = await base(db).where(and(inArray(contactLists.id, unique), inScope(actor)));
  if (rows.length !== unique.length) throw new AppError(404, "not_found");
  return unique.map((id) => rows.find((r) => r.id === id) as ContactListRow);
}

export const selectorOf = (row: ContactListRow): ListSelector => ({
  path: row.path,
  kind: row.kind as ContactListKind,
  filters: row.filters,
  listId: row.id,
});

export async function listContactLists(db: Executor, actor: Actor, q: z.infer<typeof contactListQuery>) {
  const where: (SQL | undefined)[] = [inScope(actor)];
  if (q.organizationId) where.push(eq(contactLists.organizationId, q.organizationId));
  if (q.kind) where.push(eq(contactLists.kind, q.kind));
  if (q.q) where.push(sql`lower(${contactLists.name}) like ${`%${escapeLike(q.q)}%`}`);
  const condition = and(...where);
  const rows = await base(db)
    .where(condition)
    .orderBy(asc(contactLists.name), asc(contactLists.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [{ total }] = await db
    .select({ total: count() })
    .from(contactLists)
    .innerJoin(organizations, eq(organizations.id, contactLists.organizationId))
    .where(condition);
  return { rows, total };
}

export async function memberIdsOf(db: Executor, listId: string): Promise<string[]> {
  const rows = await db
    .select({ id: contactListMembers.journalistId })
    .from(contactListMembers)
    .where(eq(contactListMembers.listId, listId))
    .orderBy(asc(contactListMembers.addedAt));
  return rows.map((r) => r.id);
}

export function presentContactList(row: ContactListRow, journalistIds: string[], eligible: number, actor: Actor) {
  return {
    id: row.id,
    organizationId: row.organizationId,
    organizationName: row.organizationName,
    name: row.name,
    description: row.description,
    kind: row.kind as ContactListKind,
    // Saved through the same schema, so the stored values are the enum members.
    filters: row.filters as z.infer<typeof contactListFilters>,
    journalistIds,
    eligible,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    can: contactListPolicy.abilities(actor, row),
  };
}

/** A list as the API shows it: with its members (static) and its eligible-recipient count. */
export async function contactListDetail(db: Executor, actor: Actor, row: ContactListRow) {
  const ids = row.kind === "static" ? await memberIdsOf(db, row.id) : [];
  const eligible = await countEligible(db, selectorOf(row));
  return presentContactList(row, ids, eligible, actor);
}
