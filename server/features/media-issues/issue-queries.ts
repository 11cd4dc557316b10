import { and, asc, count, desc, eq, ilike, like, lte, ne, or, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { issueListQuery } from "../../../common/schemas/media-issues";
import type { Executor } from "../../db/client";
import { contentItems, mediaIssueContent, mediaIssueEvents, mediaIssues, organizations, users } from "../../db/schema";
import { notFound } from "../../http/errors";
import type { Actor } from "../../policies/core";
import { inScope } from "../organizations/organization-queries";
import { ISSUE_READERS, mediaIssuePolicy } from "./media-issues.policy";

type IssueRow = typeof mediaIssues.$inferSelect;
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

const CLOSED = "selesai";

export function presentIssue(
  actor: Actor,
  i: IssueRow,
  extra: { organizationName: string; path: string; assigneeName: string | null },
  now = new Date(),
) {
  return {
    id: i.id,
    organizationId: i.organizationId,
    organizationName: extra.organizationName,
    openedByOrganizationId: i.openedByOrganizationId,
    suggestedOrganizationId: i.suggestedOrganizationId,
    title: i.title,
    summary: i.summary,
    severity: i.severity as never,
    status: i.status as never,
    assignee: i.assigneeId ? { id: i.assigneeId, name: extra.assigneeName ?? "" } : null,
    sourceKind: i.sourceKind as never,
    sourceArticleId: i.sourceArticleId,
    sourceClusterId: i.sourceClusterId,
    sourceAlertId: i.sourceAlertId,
    sourceUrl: i.sourceUrl,
    articleIds: i.articleIds,
    slaHours: i.slaHours,
    dueAt: i.dueAt.toISOString(),
    breached: i.status !== CLOSED && i.dueAt.getTime() <= now.getTime(),
    escalatedAt: i.escalatedAt?.toISOString() ?? null,
    closedAt: i.closedAt?.toISOString() ?? null,
    version: i.version,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
    can: mediaIssuePolicy.abilities(actor, { path: extra.path, status: i.status }),
  };
}

const selection = { i: mediaIssues, organizationName: organizations.name, path: organizations.path, assigneeName: users.name };

/** An issue whose responsible organization the actor reaches; anything else is 404. */
export async function findVisibleIssue(db: Executor, actor: Actor, id: string) {
  const [row] = await db
    .select(selection)
    .from(mediaIssues)
    .innerJoin(organizations, eq(organizations.id, mediaIssues.organizationId))
    .leftJoin(users, eq(users.id, mediaIssues.assigneeId))
    .where(and(eq(mediaIssues.id, id), inScope(actor, ISSUE_READERS)))
    .limit(1);
  if (!row) throw notFound();
  return row;
}

export async function listIssues(db: Executor, actor: Actor, q: z.infer<typeof issueListQuery>, now = new Date()) {
  const filters: (SQL | undefined)[] = [inScope(actor, ISSUE_READERS)];
  if (q.organizationId) {
    const [org] = await db.select({ path: organizations.path }).from(organizations).where(eq(organizations.id, q.organizationId));
    // The organization and everything below it, like the board of a coordinator.
    filters.push(org ? like(organizations.path, `${org.path}%`) : eq(mediaIssues.id, "00000000-0000-0000-0000-000000000000"));
  }
  if (q.status) filters.push(eq(mediaIssues.status, q.status));
  if (q.open === "true") filters.push(ne(mediaIssues.status, CLOSED));
  if (q.open === "false") filters.push(eq(mediaIssues.status, CLOSED));
  if (q.severity) filters.push(eq(mediaIssues.severity, q.severity));
  if (q.assigneeId) filters.push(eq(mediaIssues.assigneeId, q.assigneeId));
  if (q.breached === "true") filters.push(and(ne(mediaIssues.status, CLOSED), lte(mediaIssues.dueAt, now)));
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`;
    filters.push(or(ilike(mediaIssues.title, like), ilike(mediaIssues.summary, like)));
  }
  const where = and(...filters);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select(selection)
      .from(mediaIssues)
      .innerJoin(organizations, eq(organizations.id, mediaIssues.organizationId))
      .leftJoin(users, eq(users.id, mediaIssues.assigneeId))
      .where(where)
      .orderBy(asc(mediaIssues.dueAt), desc(mediaIssues.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ total: count() }).from(mediaIssues).innerJoin(organizations, eq(organizations.id, mediaIssues.organizationId)).where(where),
  ]);
  return { items: rows.map((r) => presentIssue(actor, r.i, r, now)), total, page: q.page, pageSize: q.pageSize };
}

/** The issue with its timeline and linked response content. */
export async function issueDetail(db: Executor, actor: Actor, id: string) {
  const row = await findVisibleIssue(db, actor, id);
  const [timeline, content] = await Promise.all([
    db
      .select({ e: mediaIssueEvents, actorName: users.name })
      .from(mediaIssueEvents)
      .leftJoin(users, eq(users.id, mediaIssueEvents.actorId))
      .where(eq(mediaIssueEvents.issueId, id))
      // Insertion order (UUIDv7): the order things happened in, even when a job ran on a test clock.
      .orderBy(asc(mediaIssueEvents.id)),
    db
      .select({ link: mediaIssueContent, title: contentItems.title, type: contentItems.type, status: contentItems.status })
      .from(mediaIssueContent)
      .innerJoin(contentItems, eq(contentItems.id, mediaIssueContent.contentItemId))
      .where(eq(mediaIssueContent.issueId, id))
      .orderBy(asc(mediaIssueContent.createdAt)),
  ]);
  return {
    ...presentIssue(actor, row.i, row),
    timeline: timeline.map((t) => ({
      id: t.e.id,
      kind: t.e.kind,
      actorName: t.actorName ?? null,
      note: t.e.note,
      data: t.e.data,
      at: t.e.at.toISOString(),
    })),
    content: content.map((c) => ({
      contentItemId: c.link.contentItemId,
      title: c.title,
      type: c.type,
      status: c.status,
      role: c.link.role as never,
    })),
  };
}
