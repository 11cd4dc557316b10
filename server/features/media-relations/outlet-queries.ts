import { and, asc, count, desc, eq, isNull, like, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { outletListQuery } from "../../../common/schemas/media-relations";
import type { Executor } from "../../db/client";
import { mediaOutletDocuments, mediaOutlets, organizations } from "../../db/schema";
import { AppError } from "../../http/errors";
import { type Actor, scopeRoots } from "../../policies/core";
import { MEDIA_READERS } from "./media-relations.policy";

/** Rows whose organization lies in one of the actor's subtrees (any role reads). */
export function inScope(actor: Actor, roles: readonly string[] = MEDIA_READERS): SQL {
  const roots = scopeRoots(actor, roles as never);
  return roots.length ? (or(...roots.map((r) => like(organizations.path, `${r}%`))) as SQL) : sql`false`;
}

export const escapeLike = (s: string) => s.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The certificate warning window of the nearest ancestor with settings. Defaults are seeded per
 * tree (see ensureMediaDefaults); the coalesce only guards a tree that has none yet.
 */
export const warningDaysSql = sql<number>`coalesce((select s.certificate_warning_days from media_relations_settings s
  join organizations so on so.id = s.organization_id where ${organizations.path} like so.path || '%'
  order by so.depth desc limit 1), 90)`;

/** The grade of the outlet under the rule set of the nearest ancestor organization that has one. */
export const gradeSql = sql<string | null>`(select r.grade from outlet_grading_rules r where r.organization_id = (
  select r2.organization_id from outlet_grading_rules r2 join organizations so on so.id = r2.organization_id
  where ${organizations.path} like so.path || '%' order by so.depth desc limit 1)
  and ${mediaOutlets.dewanPersStatus} = any(r.dewan_pers_statuses) order by r.position limit 1)`;

const daysLeftSql = sql<number | null>`(${mediaOutlets.certificateExpiresOn} - current_date)`;

const columns = {
  id: mediaOutlets.id,
  organizationId: mediaOutlets.organizationId,
  organizationName: organizations.name,
  path: organizations.path,
  name: mediaOutlets.name,
  company: mediaOutlets.company,
  type: mediaOutlets.type,
  regionCode: mediaOutlets.regionCode,
  website: mediaOutlets.website,
  dewanPersStatus: mediaOutlets.dewanPersStatus,
  certificateNumber: mediaOutlets.certificateNumber,
  certificateDate: mediaOutlets.certificateDate,
  certificateExpiresOn: mediaOutlets.certificateExpiresOn,
  daysLeft: daysLeftSql,
  warningDays: warningDaysSql.mapWith(Number),
  grade: gradeSql,
  mergedIntoId: mediaOutlets.mergedIntoId,
  journalistCount:
    sql<number>`(select count(distinct jm.journalist_id) from journalist_memberships jm where jm.outlet_id = ${mediaOutlets.id})`.mapWith(
      Number,
    ),
};

export interface OutletRow {
  id: string;
  organizationId: string;
  organizationName: string;
  path: string;
  name: string;
  company: string | null;
  type: string;
  regionCode: string | null;
  website: string | null;
  dewanPersStatus: string;
  certificateNumber: string | null;
  certificateDate: string | null;
  certificateExpiresOn: string | null;
  warningDays: number;
  mergedIntoId: string | null;
  journalistCount: number;
  daysLeft: number | null;
  grade: string | null;
}

const base = (db: Executor) =>
  db.select(columns).from(mediaOutlets).innerJoin(organizations, eq(organizations.id, mediaOutlets.organizationId));

export async function findVisibleOutlet(db: Executor, actor: Actor, id: string): Promise<OutletRow> {
  const [row] = await base(db)
    .where(and(eq(mediaOutlets.id, id), inScope(actor)))
    .limit(1);
  if (!row) throw new AppError(404, "not_found");
  return row as OutletRow;
}

export async function outletDetail(db: Executor, id: string) {
  const [outlet] = await db.select().from(mediaOutlets).where(eq(mediaOutlets.id, id));
  const documents = await db
    .select()
    .from(mediaOutletDocuments)
    .where(eq(mediaOutletDocuments.outletId, id))
    .orderBy(asc(mediaOutletDocuments.createdAt));
  return { outlet, documents };
}

export async function listOutlets(db: Executor, actor: Actor, q: z.infer<typeof outletListQuery>) {
  const where: (SQL | undefined)[] = [inScope(actor), isNull(mediaOutlets.mergedIntoId)];
  if (q.organizationId) where.push(eq(mediaOutlets.organizationId, q.organizationId));
  if (q.type) where.push(eq(mediaOutlets.type, q.type));
  if (q.dewanPersStatus) where.push(eq(mediaOutlets.dewanPersStatus, q.dewanPersStatus));
  if (q.regionCode) where.push(like(mediaOutlets.regionCode, `${escapeLike(q.regionCode)}%`));
  if (q.grade) where.push(sql`${gradeSql} = ${q.grade.toUpperCase()}`);
  if (q.expiringSoon === true) where.push(sql`${daysLeftSql} <= ${warningDaysSql}`);
  if (q.q) where.push(sql`lower(${mediaOutlets.name} || ' ' || coalesce(${mediaOutlets.company}, '')) like ${`%${escapeLike(q.q)}%`}`);
  const condition = and(...where);
  const order = {
    name: [asc(sql`lower(${mediaOutlets.name})`)],
    "-name": [desc(sql`lower(${mediaOutlets.name})`)],
    created: [asc(mediaOutlets.createdAt)],
    "-created": [desc(mediaOutlets.createdAt)],
    expiry: [sql`${mediaOutlets.certificateExpiresOn} asc nulls last`],
  }[q.sort];
  const rows = await base(db)
    .where(condition)
    .orderBy(...order, asc(mediaOutlets.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [{ total }] = await db
    .select({ total: count() })
    .from(mediaOutlets)
    .innerJoin(organizations, eq(organizations.id, mediaOutlets.organizationId))
    .where(condition);
  return { rows: rows as OutletRow[], total };
}
