import { and, asc, count, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { contractExportQuery } from "../../../common/schemas/media-cooperation";
import type { Executor } from "../../db/client";
import {
  journalists,
  mediaContractDocuments,
  mediaContractJournalists,
  mediaContracts,
  mediaContractTerms,
  mediaDeliverables,
  mediaOutlets,
  organizations,
  users,
} from "../../db/schema";
import { AppError } from "../../http/errors";
import type { Actor } from "../../policies/core";
import { escapeLike, inScope } from "../media-relations/outlet-queries";

export const paidSql = sql<number>`(select coalesce(sum(t.amount_rupiah), 0) from media_contract_terms t
  where t.contract_id = ${mediaContracts.id} and t.status = 'dibayar')`.mapWith(Number);
export const deliveredSql = sql<number>`(select count(*) from media_deliverables d where d.contract_id = ${mediaContracts.id})`.mapWith(
  Number,
);

const columns = {
  id: mediaContracts.id,
  organizationId: mediaContracts.organizationId,
  organizationName: organizations.name,
  path: organizations.path,
  outletId: mediaContracts.outletId,
  outletName: mediaOutlets.name,
  fiscalYear: mediaContracts.fiscalYear,
  number: mediaContracts.number,
  title: mediaContracts.title,
  formCode: mediaContracts.formCode,
  formLabel: mediaContracts.formLabel,
  formCategory: mediaContracts.formCategory,
  valueRupiah: mediaContracts.valueRupiah,
  quota: mediaContracts.quota,
  periodStart: mediaContracts.periodStart,
  periodEnd: mediaContracts.periodEnd,
  budgetLine: mediaContracts.budgetLine,
  status: mediaContracts.status,
  eligibility: mediaContracts.eligibility,
  overrideReason: mediaContracts.overrideReason,
  overrideBy: mediaContracts.overrideBy,
  overrideAt: mediaContracts.overrideAt,
  createdAt: mediaContracts.createdAt,
  paidRupiah: paidSql,
  delivered: deliveredSql,
};

const base = (db: Executor) =>
  db
    .select(columns)
    .from(mediaContracts)
    .innerJoin(organizations, eq(organizations.id, mediaContracts.organizationId))
    .innerJoin(mediaOutlets, eq(mediaOutlets.id, mediaContracts.outletId));

export type ContractRow = Awaited<ReturnType<typeof findVisibleContract>>;

/** A contract inside the actor's subtree; another organization's id is 404. */
export async function findVisibleContract(db: Executor, actor: Actor, id: string) {
  const [row] = await base(db)
    .where(and(eq(mediaContracts.id, id), inScope(actor)))
    .limit(1);
  if (!row) throw new AppError(404, "not_found");
  return row;
}

function filters(actor: Actor, q: z.infer<typeof contractExportQuery>): SQL | undefined {
  const where: (SQL | undefined)[] = [inScope(actor)];
  if (q.organizationId)
    where.push(sql`${organizations.path} like (select o.path from organizations o where o.id = ${q.organizationId}) || '%'`);
  if (q.outletId) where.push(eq(mediaContracts.outletId, q.outletId));
  if (q.fiscalYear) where.push(eq(mediaContracts.fiscalYear, q.fiscalYear));
  if (q.status) where.push(eq(mediaContracts.status, q.status));
  if (q.q) {
    where.push(
      sql`lower(${mediaContracts.number} || ' ' || ${mediaContracts.title} || ' ' || ${mediaOutlets.name}) like ${`%${escapeLike(q.q)}%`}`,
    );
  }
  return and(...where);
}

export async function listContracts(
  db: Executor,
  actor: Actor,
  q: z.infer<typeof contractExportQuery>,
  page?: { page: number; pageSize: number },
) {
  const condition = filters(actor, q);
  const query = base(db).where(condition).orderBy(desc(mediaContracts.fiscalYear), desc(mediaContracts.createdAt), asc(mediaContracts.id));
  const rows = page ? await query.limit(page.pageSize).offset((page.page - 1) * page.pageSize) : await query.limit(10_000);
  const [{ total }] = await db
    .select({ total: count() })
    .from(mediaContracts)
    .innerJoin(organizations, eq(organizations.id, mediaContracts.organizationId))
    .innerJoin(mediaOutlets, eq(mediaOutlets.id, mediaContracts.outletId))
    .where(condition);
  return { rows, total };
}

/** Everything the contract page and the SPJ report show besides the contract row. */
export async function contractDetail(db: Executor, ids: string[]) {
  if (!ids.length) ids = ["00000000-0000-0000-0000-000000000000"];
  const [terms, deliverables, documents, people] = await Promise.all([
    db.select().from(mediaContractTerms).where(inArray(mediaContractTerms.contractId, ids)).orderBy(asc(mediaContractTerms.position)),
    db
      .select()
      .from(mediaDeliverables)
      .where(inArray(mediaDeliverables.contractId, ids))
      .orderBy(asc(mediaDeliverables.publishedOn), asc(mediaDeliverables.createdAt)),
    db
      .select()
      .from(mediaContractDocuments)
      .where(inArray(mediaContractDocuments.contractId, ids))
      .orderBy(asc(mediaContractDocuments.createdAt)),
    db
      .select({
        contractId: mediaContractJournalists.contractId,
        id: journalists.id,
        name: journalists.name,
        ukwLevel: journalists.ukwLevel,
      })
      .from(mediaContractJournalists)
      .innerJoin(journalists, eq(journalists.id, mediaContractJournalists.journalistId))
      .where(inArray(mediaContractJournalists.contractId, ids))
      .orderBy(asc(journalists.name)),
  ]);
  return { terms, deliverables, documents, journalists: people };
}

export async function userNames(db: Executor, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((v): v is string => Boolean(v)))];
  if (!wanted.length) return new Map<string, string>();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}
