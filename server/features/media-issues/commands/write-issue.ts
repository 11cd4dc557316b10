import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { type IssueSeverity, type IssueStatus, OPEN_ISSUE_STATUSES } from "../../../../common/monitoring-alert-enums";
import type { createIssueBody, updateIssueBody } from "../../../../common/schemas/media-issues";
import type { Executor } from "../../../db/client";
import { mediaIssues } from "../../../db/schema";
import { AppError, fieldError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { newId } from "../../../lib/ids";
import { actorRequired } from "../../../policies/actor-required";
import { recordAudit } from "../../audit/record-audit";
import { notify } from "../../notifications/notify";
import { findVisibleOrganization } from "../../organizations/organization-queries";
import { findVisibleIssue } from "../issue-queries";
import { mediaIssuePolicy } from "../media-issues.policy";
import { checkAssignee } from "./issue-people";
import { addTimeline } from "./issue-timeline";
import { effectiveSla } from "./sla";
import { suggestIssue } from "./suggest-issue";

const HOUR = 3_600_000;

/** Which status may follow which; selesai can be reopened to ditangani. */
export const STATUS_FLOW: Record<IssueStatus, IssueStatus[]> = {
  baru: ["ditangani", "dipantau", "selesai"],
  ditangani: ["klarifikasi_disiapkan", "dipantau", "selesai"],
  klarifikasi_disiapkan: ["ditangani", "dipantau", "selesai"],
  dipantau: ["ditangani", "selesai"],
  selesai: ["ditangani"],
};

const issueLink = (id: string) => `/app/monitoring/issues/${id}`;

async function notifyAssignee(
  tx: Executor,
  ctx: CommandContext,
  issue: { id: string; title: string; organizationId: string },
  userId: string,
) {
  return notify(tx, ctx.services.publicUrl, {
    userIds: [userId],
    organizationId: issue.organizationId,
    kind: "issue_assigned",
    link: issueLink(issue.id),
    email: true,
    except: ctx.actor?.userId ?? null,
    message: (locale) =>
      locale === "en" ? { title: `Issue assigned to you: ${issue.title}` } : { title: `Isu ditugaskan kepada Anda: ${issue.title}` },
  });
}

/** Opens an issue from an article, a cluster, an alert or by hand; returns its id and queued emails. */
export async function createIssue(tx: Executor, ctx: CommandContext, input: z.infer<typeof createIssueBody>, now = new Date()) {
  const actor = actorRequired(ctx);
  const { source } = input;
  if (source.kind !== "manual" && !source.articleId && !source.clusterId && !source.alertId) {
    throw fieldError(`source.${source.kind}Id`, "issue_source_missing");
  }
  const fromMentions =
    source.kind === "manual"
      ? null
      : await suggestIssue(tx, actor, { articleId: source.articleId, clusterId: source.clusterId, alertId: source.alertId });
  const organizationId = input.organizationId ?? fromMentions?.suggestedOrganizationId;
  if (!organizationId) throw fieldError("organizationId", "issue_organization_required");
  const org = await findVisibleOrganization(tx, actor, organizationId);
  mediaIssuePolicy.authorize(actor, "manage", org);
  await checkAssignee(tx, org.path, input.assigneeId);
  const { hours } = await effectiveSla(tx, org.path);
  const slaHours = hours[input.severity];
  // The issue is opened where the actor works: the deepest organization of theirs above or at it.
  const opener = actor.grants.filter((g) => org.path.startsWith(g.path)).sort((a, b) => b.path.length - a.path.length)[0];
  const id = newId();
  await tx.insert(mediaIssues).values({
    id,
    organizationId: org.id,
    openedByOrganizationId: opener?.organizationId ?? org.id,
    suggestedOrganizationId: fromMentions?.suggestedOrganizationId ?? null,
    title: input.title,
    summary: input.summary,
    severity: input.severity,
    status: "baru",
    assigneeId: input.assigneeId ?? null,
    sourceKind: source.kind,
    sourceArticleId: fromMentions?.articleId ?? null,
    sourceClusterId: fromMentions?.clusterId ?? null,
    sourceAlertId: source.alertId ?? null,
    sourceUrl: fromMentions?.url ?? null,
    articleIds: fromMentions?.articleIds ?? [],
    slaHours,
    dueAt: new Date(now.getTime() + slaHours * HOUR),
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  });
  await addTimeline(
    tx,
    id,
    "created",
    actor.userId,
    { severity: input.severity, organizationId: org.id, source: source.kind, slaHours },
    null,
    now,
  );
  await recordAudit(tx, ctx, {
    action: "media_issue.create",
    entityType: "media_issue",
    entityId: id,
    organizationId: org.id,
    after: input,
  });
  const emailIds = input.assigneeId
    ? await notifyAssignee(tx, ctx, { id, title: input.title, organizationId: org.id }, input.assigneeId)
    : [];
  return { id, emailIds };
}

/** Changes fields and status with optimistic locking (version); each change lands in the timeline. */
export async function updateIssue(tx: Executor, ctx: CommandContext, id: string, input: z.infer<typeof updateIssueBody>, now = new Date()) {
  const actor = actorRequired(ctx);
  const { i: issue, path } = await findVisibleIssue(tx, actor, id);
  mediaIssuePolicy.authorize(actor, "manage", { path });
  if (issue.version !== input.version) throw new AppError(409, "issue_version_conflict", { version: issue.version });
  const set: Partial<typeof mediaIssues.$inferInsert> = {};
  const changes: { kind: string; data: Record<string, unknown> }[] = [];
  let targetPath = path;
  let targetOrgId = issue.organizationId;

  if (input.organizationId && input.organizationId !== issue.organizationId) {
    mediaIssuePolicy.authorize(actor, "reassign", { path });
    const org = await findVisibleOrganization(tx, actor, input.organizationId);
    mediaIssuePolicy.authorize(actor, "manage", org);
    set.organizationId = org.id;
    targetPath = org.path;
    targetOrgId = org.id;
    changes.push({ kind: "organization", data: { from: issue.organizationId, to: org.id } });
    // The assignee must belong to the new organization; otherwise the issue waits for one.
    if (issue.assigneeId && input.assigneeId === undefined) set.assigneeId = null;
  }
  if (input.title !== undefined && input.title !== issue.title) set.title = input.title;
  if (input.summary !== undefined && input.summary !== issue.summary) set.summary = input.summary;
  if (set.title !== undefined || set.summary !== undefined)
    changes.push({ kind: "edited", data: { title: set.title, summary: set.summary } });
  if (input.severity && input.severity !== issue.severity) {
    mediaIssuePolicy.authorize(actor, "reassign", { path });
    const { hours } = await effectiveSla(tx, targetPath);
    const slaHours = hours[input.severity as IssueSeverity];
    set.severity = input.severity;
    set.slaHours = slaHours;
    set.dueAt = new Date(issue.createdAt.getTime() + slaHours * HOUR);
    // A new deadline still ahead may be escalated again when it passes.
    if (set.dueAt.getTime() > now.getTime()) set.escalatedAt = null;
    changes.push({ kind: "severity", data: { from: issue.severity, to: input.severity, dueAt: set.dueAt.toISOString() } });
  }
  if (input.status && input.status !== issue.status) {
    if (!STATUS_FLOW[issue.status as IssueStatus].includes(input.status)) {
      throw fieldError("status", "issue_status_change", { from: issue.status, to: input.status }, 409);
    }
    set.status = input.status;
    set.closedAt = input.status === "selesai" ? now : null;
    changes.push({ kind: "status", data: { from: issue.status, to: input.status } });
  }
  let newAssignee: string | null = null;
  if (input.assigneeId !== undefined && input.assigneeId !== issue.assigneeId) {
    await checkAssignee(tx, targetPath, input.assigneeId);
    set.assigneeId = input.assigneeId;
    newAssignee = input.assigneeId;
    changes.push({ kind: "assigned", data: { from: issue.assigneeId, to: input.assigneeId } });
  }
  if (changes.length === 0 && !input.note) return { emailIds: [] as string[] };
  // The check above read a snapshot; a concurrent save may have bumped the version since.
  // Only the writer whose update matched may record timeline, audit and notifications.
  const saved = await tx
    .update(mediaIssues)
    .set({ ...set, version: sql`${mediaIssues.version} + 1`, updatedAt: now })
    .where(and(eq(mediaIssues.id, id), eq(mediaIssues.version, input.version)))
    .returning({ id: mediaIssues.id });
  if (saved.length === 0) {
    const [current] = await tx.select({ version: mediaIssues.version }).from(mediaIssues).where(eq(mediaIssues.id, id));
    throw new AppError(409, "issue_version_conflict", { version: current?.version ?? input.version });
  }
  for (const [k, c] of changes.entries())
    await addTimeline(tx, id, c.kind, actor.userId, c.data, k === changes.length - 1 ? (input.note ?? null) : null, now);
  if (changes.length === 0 && input.note) await addTimeline(tx, id, "note", actor.userId, {}, input.note, now);
  await recordAudit(tx, ctx, {
    action: "media_issue.update",
    entityType: "media_issue",
    entityId: id,
    organizationId: targetOrgId,
    before: {
      status: issue.status,
      severity: issue.severity,
      assigneeId: issue.assigneeId,
      organizationId: issue.organizationId,
      title: issue.title,
    },
    after: input,
  });
  const emailIds = newAssignee
    ? await notifyAssignee(tx, ctx, { id, title: set.title ?? issue.title, organizationId: targetOrgId }, newAssignee)
    : [];
  return { emailIds };
}

/** A follow-up note (tindak lanjut). */
export async function addIssueNote(tx: Executor, ctx: CommandContext, id: string, text: string) {
  const actor = actorRequired(ctx);
  const { i: issue, path } = await findVisibleIssue(tx, actor, id);
  mediaIssuePolicy.authorize(actor, "manage", { path });
  await addTimeline(tx, id, "note", actor.userId, {}, text);
  await tx
    .update(mediaIssues)
    .set({ updatedAt: new Date(), version: sql`${mediaIssues.version} + 1` })
    .where(eq(mediaIssues.id, id));
  await recordAudit(tx, ctx, {
    action: "media_issue.note",
    entityType: "media_issue",
    entityId: id,
    organizationId: issue.organizationId,
    after: { text },
  });
}

export const isOpen = (status: string) => (OPEN_ISSUE_STATUSES as readonly string[]).includes(status);
