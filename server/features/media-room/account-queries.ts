import { and, count, desc, eq, ilike, or, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { embargoViewQuery, mediaRoomAccountQuery } from "../../../common/schemas/media-room";
import type { Executor } from "../../db/client";
import { contentItems, embargoViews, journalistAccounts, organizations } from "../../db/schema";
import { AppError } from "../../http/errors";
import type { Actor } from "../../policies/core";
import { escapeLike, inScope } from "../media-relations/outlet-queries";

const columns = {
  id: journalistAccounts.id,
  organizationId: journalistAccounts.organizationId,
  organizationName: organizations.name,
  path: organizations.path,
  journalistId: journalistAccounts.journalistId,
  name: journalistAccounts.name,
  email: journalistAccounts.email,
  outlet: journalistAccounts.outlet,
  role: journalistAccounts.role,
  pressCardNumber: journalistAccounts.pressCardNumber,
  phone: journalistAccounts.phone,
  status: journalistAccounts.status,
  decisionReason: journalistAccounts.decisionReason,
  decidedAt: journalistAccounts.decidedAt,
  lastLoginAt: journalistAccounts.lastLoginAt,
  createdAt: journalistAccounts.createdAt,
};
export type AccountRow = Awaited<ReturnType<typeof findVisibleAccount>>;

/** An account whose approving organization is in the actor's scope; any other id is 404. */
export async function findVisibleAccount(db: Executor, actor: Actor, id: string) {
  const [row] = await db
    .select(columns)
    .from(journalistAccounts)
    .innerJoin(organizations, eq(organizations.id, journalistAccounts.organizationId))
    .where(and(eq(journalistAccounts.id, id), inScope(actor)));
  if (!row) throw new AppError(404, "not_found");
  return row;
}

export async function listAccounts(db: Executor, actor: Actor, q: z.infer<typeof mediaRoomAccountQuery>) {
  const filters: (SQL | undefined)[] = [inScope(actor), q.status ? eq(journalistAccounts.status, q.status) : undefined];
  if (q.q) {
    const pattern = `%${escapeLike(q.q)}%`;
    filters.push(
      or(ilike(journalistAccounts.name, pattern), ilike(journalistAccounts.email, pattern), ilike(journalistAccounts.outlet, pattern)),
    );
  }
  const where = and(...filters);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select(columns)
      .from(journalistAccounts)
      .innerJoin(organizations, eq(organizations.id, journalistAccounts.organizationId))
      .where(where)
      .orderBy(desc(journalistAccounts.createdAt), desc(journalistAccounts.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ total: count() })
      .from(journalistAccounts)
      .innerJoin(organizations, eq(organizations.id, journalistAccounts.organizationId))
      .where(where),
  ]);
  return { rows, total };
}

/** The embargo access log in the actor's scope (by the content item's organization), newest first. */
export async function listEmbargoViews(db: Executor, actor: Actor, q: z.infer<typeof embargoViewQuery>) {
  if (q.contentId) {
    const [item] = await db
      .select({ id: contentItems.id })
      .from(contentItems)
      .innerJoin(organizations, eq(organizations.id, contentItems.organizationId))
      .where(and(eq(contentItems.id, q.contentId), inScope(actor)));
    if (!item) throw new AppError(404, "not_found");
  }
  const where = and(inScope(actor), q.contentId ? eq(embargoViews.contentId, q.contentId) : undefined);
  const from = () =>
    db
      .select({
        id: embargoViews.id,
        contentId: embargoViews.contentId,
        contentTitle: contentItems.title,
        accountId: embargoViews.accountId,
        journalistName: journalistAccounts.name,
        outlet: journalistAccounts.outlet,
        what: embargoViews.what,
        ip: embargoViews.ip,
        embargoUntil: embargoViews.embargoUntil,
        viewedAt: embargoViews.viewedAt,
      })
      .from(embargoViews)
      .innerJoin(organizations, eq(organizations.id, embargoViews.organizationId))
      .innerJoin(contentItems, eq(contentItems.id, embargoViews.contentId))
      .innerJoin(journalistAccounts, eq(journalistAccounts.id, embargoViews.accountId));
  const [rows, [{ total }]] = await Promise.all([
    from()
      .where(where)
      .orderBy(desc(embargoViews.viewedAt), desc(embargoViews.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ total: count() })
      .from(embargoViews)
      .innerJoin(organizations, eq(organizations.id, embargoViews.organizationId))
      .where(where),
  ]);
  return { rows, total };
}
