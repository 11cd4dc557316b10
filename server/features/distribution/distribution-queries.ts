import { and, asc, count, desc, eq, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { RecipientStatus } from "../../../common/distribution-enums";
import type { distributionListQuery, recipientQuery } from "../../../common/schemas/distribution";
import type { Executor } from "../../db/client";
import { contentItems, distributionRecipients, distributions, organizations, users } from "../../db/schema";
import { AppError } from "../../http/errors";
import type { Actor } from "../../policies/core";
import { escapeLike, inScope } from "../media-relations/outlet-queries";

const countOf = (status: string) => sql<number>`count(*) filter (where r.status = ${status})`.mapWith(Number);
const counts = {
  queued: sql<number>`count(*) filter (where r.status in ('queued', 'sending'))`.mapWith(Number),
  accepted: countOf("accepted"),
  deferred: countOf("deferred"),
  bounced: countOf("bounced"),
  skipped: countOf("skipped"),
  opened: sql<number>`count(r.opened_at)`.mapWith(Number),
};

const columns = {
  id: distributions.id,
  organizationId: distributions.organizationId,
  path: organizations.path,
  contentId: distributions.contentId,
  contentTitle: contentItems.title,
  listNames: distributions.listNames,
  subject: distributions.subject,
  replyTo: distributions.replyTo,
  ratePerMinute: distributions.ratePerMinute,
  openTracking: distributions.openTracking,
  total: distributions.total,
  createdAt: distributions.createdAt,
  createdByName: users.name,
};

const base = (db: Executor) =>
  db
    .select(columns)
    .from(distributions)
    .innerJoin(organizations, eq(organizations.id, distributions.organizationId))
    .innerJoin(contentItems, eq(contentItems.id, distributions.contentId))
    .leftJoin(users, eq(users.id, distributions.createdBy));

export type DistributionRow = Awaited<ReturnType<typeof findVisibleDistribution>>;

export async function findVisibleDistribution(db: Executor, actor: Actor, id: string) {
  const [row] = await base(db)
    .where(and(eq(distributions.id, id), inScope(actor)))
    .limit(1);
  if (!row) throw new AppError(404, "not_found");
  return row;
}

async function countsFor(db: Executor, ids: string[]) {
  if (ids.length === 0) return new Map<string, Record<keyof typeof counts, number>>();
  const result = await db
    .select({ id: sql<string>`r.distribution_id`, ...counts })
    .from(sql`distribution_recipients r`)
    .where(
      sql`r.distribution_id in (${sql.join(
        ids.map((i) => sql`${i}::uuid`),
        sql`, `,
      )})`,
    )
    .groupBy(sql`r.distribution_id`);
  return new Map(result.map(({ id, ...c }) => [id, c]));
}

type Row = Omit<DistributionRow, never>;
function present(row: Row, c: Record<keyof typeof counts, number> | undefined) {
  const tally = c ?? { queued: 0, accepted: 0, deferred: 0, bounced: 0, skipped: 0, opened: 0 };
  return {
    id: row.id,
    organizationId: row.organizationId,
    contentId: row.contentId,
    contentTitle: row.contentTitle,
    listNames: row.listNames,
    subject: row.subject,
    replyTo: row.replyTo,
    ratePerMinute: row.ratePerMinute,
    openTracking: row.openTracking,
    total: row.total,
    counts: tally,
    done: tally.queued === 0 && tally.deferred === 0,
    createdAt: row.createdAt.toISOString(),
    createdByName: row.createdByName,
  };
}

export async function distributionDetail(db: Executor, row: Row) {
  return present(row, (await countsFor(db, [row.id])).get(row.id));
}

export async function listDistributions(db: Executor, actor: Actor, q: z.infer<typeof distributionListQuery>) {
  const where = and(inScope(actor), q.contentId ? eq(distributions.contentId, q.contentId) : undefined);
  const rows = await base(db)
    .where(where)
    .orderBy(desc(distributions.createdAt), desc(distributions.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [{ total }] = await db
    .select({ total: count() })
    .from(distributions)
    .innerJoin(organizations, eq(organizations.id, distributions.organizationId))
    .where(where);
  const tallies = await countsFor(
    db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => present(r, tallies.get(r.id))), total, page: q.page, pageSize: q.pageSize };
}

function recipientWhere(distributionId: string, q: Partial<z.infer<typeof recipientQuery>>): SQL | undefined {
  const where: (SQL | undefined)[] = [eq(distributionRecipients.distributionId, distributionId)];
  if (q.status === "queued") where.push(sql`${distributionRecipients.status} in ('queued', 'sending')`);
  else if (q.status) where.push(eq(distributionRecipients.status, q.status));
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`;
    where.push(sql`(lower(${distributionRecipients.name}) like ${like} or ${distributionRecipients.emailKey} like ${like})`);
  }
  return and(...where);
}

export function presentRecipient(r: typeof distributionRecipients.$inferSelect) {
  return {
    id: r.id,
    journalistId: r.journalistId,
    name: r.name,
    email: r.email,
    status: (r.status === "sending" ? "queued" : r.status) as RecipientStatus,
    attempts: r.attempts,
    smtpResponse: r.smtpResponse,
    sentAt: r.sentAt?.toISOString() ?? null,
    openedAt: r.openedAt?.toISOString() ?? null,
    updatedAt: r.updatedAt.toISOString(),
  };
}

export async function listRecipients(db: Executor, distributionId: string, q: z.infer<typeof recipientQuery>) {
  const where = recipientWhere(distributionId, q);
  const rows = await db
    .select()
    .from(distributionRecipients)
    .where(where)
    .orderBy(asc(distributionRecipients.emailKey))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [{ total }] = await db.select({ total: count() }).from(distributionRecipients).where(where);
  return { items: rows.map(presentRecipient), total, page: q.page, pageSize: q.pageSize };
}

export async function allRecipients(db: Executor, distributionId: string, q: Partial<z.infer<typeof recipientQuery>>) {
  const rows = await db
    .select()
    .from(distributionRecipients)
    .where(recipientWhere(distributionId, q))
    .orderBy(asc(distributionRecipients.emailKey))
    .limit(100_000);
  return rows.map(presentRecipient);
}
