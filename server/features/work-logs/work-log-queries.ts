import { aliasedTable, and, asc, count, desc, eq, gte, inArray, lt, ne, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { workLogListQuery } from "../../../common/schemas/work-logs";
import type { Executor } from "../../db/client";
import { hasilKerjaTypes, officers, organizations, users, workLogEvents, workLogEvidence, workLogs } from "../../db/schema";
import { AppError } from "../../http/errors";
import { type Actor, scopeRoots } from "../../policies/core";
import { OFFICER_KEEPERS } from "../officers/officer.policy";
import { visibleOfficer } from "../officers/officer-queries";

const supervisor = aliasedTable(officers, "supervisor");

const columns = {
  id: workLogs.id,
  officerId: workLogs.officerId,
  officerName: officers.name,
  officerUserId: officers.userId,
  supervisorUserId: supervisor.userId,
  organizationId: workLogs.organizationId,
  organizationName: organizations.name,
  path: organizations.path,
  hasilKerjaTypeId: workLogs.hasilKerjaTypeId,
  hasilKerjaCode: hasilKerjaTypes.code,
  hasilKerjaName: hasilKerjaTypes.name,
  occurredAt: workLogs.occurredAt,
  title: workLogs.title,
  status: workLogs.status,
  submittedAt: workLogs.submittedAt,
  decisionNote: workLogs.decisionNote,
  evidenceCount: sql<number>`(select count(*) from ${workLogEvidence} e where e.work_log_id = ${workLogs.id})`.mapWith(Number),
};

export interface WorkLogRow {
  id: string;
  officerId: string;
  officerName: string;
  officerUserId: string | null;
  supervisorUserId: string | null;
  organizationId: string;
  organizationName: string;
  path: string;
  hasilKerjaTypeId: string;
  hasilKerjaCode: string;
  hasilKerjaName: string;
  occurredAt: Date;
  title: string;
  status: string;
  submittedAt: Date | null;
  decisionNote: string | null;
  evidenceCount: number;
}

/** Entries are as visible as the officer they belong to (own, team, agency, subtree). */
const base = (db: Executor) =>
  db
    .select(columns)
    .from(workLogs)
    .innerJoin(officers, eq(officers.id, workLogs.officerId))
    .innerJoin(organizations, eq(organizations.id, officers.organizationId))
    .leftJoin(supervisor, eq(supervisor.id, officers.supervisorId))
    .innerJoin(hasilKerjaTypes, eq(hasilKerjaTypes.id, workLogs.hasilKerjaTypeId));

export async function findVisibleWorkLog(db: Executor, actor: Actor, id: string): Promise<WorkLogRow> {
  const [row]: WorkLogRow[] = await base(db)
    .where(and(eq(workLogs.id, id), visibleOfficer(actor)))
    .limit(1);
  if (!row) throw new AppError(404, "not_found");
  return row;
}

export async function listWorkLogs(db: Executor, actor: Actor, q: z.infer<typeof workLogListQuery>) {
  const where: (SQL | undefined)[] = [visibleOfficer(actor)];
  if (q.officerId) where.push(eq(workLogs.officerId, q.officerId));
  if (q.status) where.push(eq(workLogs.status, q.status));
  if (q.from) where.push(gte(workLogs.occurredAt, new Date(`${q.from}T00:00:00+07:00`)));
  if (q.to) where.push(lt(workLogs.occurredAt, new Date(new Date(`${q.to}T00:00:00+07:00`).getTime() + 86_400_000)));
  if (q.q) where.push(sql`lower(${workLogs.title}) like ${`%${q.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  const condition = and(...where);
  const rows: WorkLogRow[] = await base(db)
    .where(condition)
    .orderBy(desc(workLogs.occurredAt), desc(workLogs.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [{ total }] = await db
    .select({ total: count() })
    .from(workLogs)
    .innerJoin(officers, eq(officers.id, workLogs.officerId))
    .innerJoin(organizations, eq(organizations.id, officers.organizationId))
    .leftJoin(supervisor, eq(supervisor.id, officers.supervisorId))
    .where(condition);
  return { rows, total };
}

/**
 * Submitted entries the actor may decide on: of officers in the actor's keeper subtrees, or of
 * officers the actor supervises. The two officer sets are found separately (each by its own
 * index) and united; an OR across both joins made PostgreSQL join every officer.
 */
function queueWhere(actor: Actor): SQL {
  const roots = scopeRoots(actor, OFFICER_KEEPERS);
  const sets: SQL[] = [];
  if (roots.length) {
    sets.push(sql`select o.id from ${officers} o join ${organizations} g on g.id = o.organization_id
      where ${sql.join(
        roots.map((r) => sql`g.path like ${`${r}%`}`),
        sql` or `,
      )}`);
  }
  if (actor.userId)
    sets.push(sql`select o.id from ${officers} o join ${officers} s on s.id = o.supervisor_id where s.user_id = ${actor.userId}`);
  if (sets.length === 0) return sql`false`;
  const notOwn = actor.userId ? or(sql`${officers.userId} is null`, ne(officers.userId, actor.userId)) : undefined;
  return and(eq(workLogs.status, "submitted"), sql`${workLogs.officerId} in (${sql.join(sets, sql` union `)})`, notOwn) as SQL;
}

export async function verificationQueue(db: Executor, actor: Actor, page: number, pageSize: number) {
  const rows: WorkLogRow[] = await base(db)
    .where(queueWhere(actor))
    .orderBy(asc(workLogs.submittedAt), asc(workLogs.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { rows, total: await queueCount(db, actor) };
}

export async function queueCount(db: Executor, actor: Actor): Promise<number> {
  const [{ n }] = await db
    .select({ n: count() })
    .from(workLogs)
    .innerJoin(officers, eq(officers.id, workLogs.officerId))
    .innerJoin(organizations, eq(organizations.id, officers.organizationId))
    .leftJoin(supervisor, eq(supervisor.id, officers.supervisorId))
    .where(queueWhere(actor));
  return n;
}

export async function workLogDetail(db: Executor, id: string) {
  const [log] = await db.select().from(workLogs).where(eq(workLogs.id, id));
  const evidence = await db.select().from(workLogEvidence).where(eq(workLogEvidence.workLogId, id)).orderBy(asc(workLogEvidence.createdAt));
  const events = await db
    .select({
      id: workLogEvents.id,
      action: workLogEvents.action,
      note: workLogEvents.note,
      actorName: users.name,
      createdAt: workLogEvents.createdAt,
    })
    .from(workLogEvents)
    .leftJoin(users, eq(users.id, workLogEvents.actorId))
    .where(eq(workLogEvents.workLogId, id))
    .orderBy(desc(workLogEvents.createdAt));
  return { log, evidence, events };
}

export async function rowsByIds(db: Executor, actor: Actor, ids: string[]): Promise<WorkLogRow[]> {
  return base(db).where(and(inArray(workLogs.id, ids), visibleOfficer(actor)));
}
