import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { contentItems, mediaIssueContent, mediaIssues, organizations } from "../../../db/schema";
import { fieldError, notFound } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { actorRequired } from "../../../policies/actor-required";
import type { Actor } from "../../../policies/core";
import { recordAudit } from "../../audit/record-audit";
import { inScope } from "../../organizations/organization-queries";
import { findVisibleIssue } from "../issue-queries";
import { mediaIssuePolicy } from "../media-issues.policy";
import { issueHandlers } from "./issue-people";
import { addTimeline } from "./issue-timeline";

/** Response content types: a clarification or a press release from the content studio. */
const RESPONSE_TYPES = ["klarifikasi", "siaran_pers"];

/**
 * Content an issue may link: clarifications and press releases of the responsible organization,
 * of the units below it, or of the offices above it (a coordinator's release answers for an OPD).
 */
const linkable = (path: string) => sql`(${organizations.path} like ${`${path}%`} or ${path} like ${organizations.path} || '%')`;

export async function issueOptions(db: Executor, actor: Actor, id: string, q?: string) {
  const { path } = await findVisibleIssue(db, actor, id);
  const [assignees, content] = await Promise.all([
    issueHandlers(db, path),
    db
      .select({ id: contentItems.id, title: contentItems.title, type: contentItems.type, status: contentItems.status })
      .from(contentItems)
      .innerJoin(organizations, eq(organizations.id, contentItems.organizationId))
      .where(
        and(
          linkable(path),
          inScope(actor),
          inArray(contentItems.type, RESPONSE_TYPES),
          q ? sql`${contentItems.title} ilike ${`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}` : undefined,
        ),
      )
      .orderBy(desc(contentItems.updatedAt))
      .limit(50),
  ]);
  return { assignees, content };
}

export async function linkIssueContent(tx: Executor, ctx: CommandContext, id: string, contentItemId: string, role: string) {
  const actor = actorRequired(ctx);
  const { i: issue, path } = await findVisibleIssue(tx, actor, id);
  mediaIssuePolicy.authorize(actor, "manage", { path });
  const [item] = await tx
    .select({ id: contentItems.id, title: contentItems.title, type: contentItems.type })
    .from(contentItems)
    .innerJoin(organizations, eq(organizations.id, contentItems.organizationId))
    .where(and(eq(contentItems.id, contentItemId), inScope(actor)));
  if (!item) throw fieldError("contentItemId", "issue_content_invalid", {}, 404);
  const [allowed] = await tx
    .select({ id: contentItems.id })
    .from(contentItems)
    .innerJoin(organizations, eq(organizations.id, contentItems.organizationId))
    .where(and(eq(contentItems.id, contentItemId), linkable(path), inArray(contentItems.type, RESPONSE_TYPES)));
  if (!allowed) throw fieldError("contentItemId", "issue_content_invalid");
  const inserted = await tx
    .insert(mediaIssueContent)
    .values({ issueId: id, contentItemId, role, createdBy: actor.userId })
    .onConflictDoNothing()
    .returning({ id: mediaIssueContent.contentItemId });
  if (inserted.length === 0) return;
  await addTimeline(tx, id, "content_linked", actor.userId, { contentItemId, title: item.title, role });
  await tx
    .update(mediaIssues)
    .set({ updatedAt: new Date(), version: sql`${mediaIssues.version} + 1` })
    .where(eq(mediaIssues.id, id));
  await recordAudit(tx, ctx, {
    action: "media_issue.link_content",
    entityType: "media_issue",
    entityId: id,
    organizationId: issue.organizationId,
    after: { contentItemId, role },
  });
}

export async function unlinkIssueContent(tx: Executor, ctx: CommandContext, id: string, contentItemId: string) {
  const actor = actorRequired(ctx);
  const { i: issue, path } = await findVisibleIssue(tx, actor, id);
  mediaIssuePolicy.authorize(actor, "manage", { path });
  const removed = await tx
    .delete(mediaIssueContent)
    .where(and(eq(mediaIssueContent.issueId, id), eq(mediaIssueContent.contentItemId, contentItemId)))
    .returning({ role: mediaIssueContent.role });
  if (removed.length === 0) throw notFound();
  await addTimeline(tx, id, "content_unlinked", actor.userId, { contentItemId });
  await tx
    .update(mediaIssues)
    .set({ updatedAt: new Date(), version: sql`${mediaIssues.version} + 1` })
    .where(eq(mediaIssues.id, id));
  await recordAudit(tx, ctx, {
    action: "media_issue.unlink_content",
    entityType: "media_issue",
    entityId: id,
    organizationId: issue.organizationId,
    before: { contentItemId, role: removed[0].role },
  });
}
