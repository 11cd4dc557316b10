import { eq } from "drizzle-orm";
import type { z } from "zod";
import { type ContentFields, type ContentType, missingForReview, type scheduleBody } from "../../../../common/schemas/content";
import type { Executor } from "../../../db/client";
import { contentEvents, contentItems } from "../../../db/schema";
import { AppError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { newId } from "../../../lib/ids";
import { actorRequired } from "../../../policies/actor-required";
import { recordAudit } from "../../audit/record-audit";
import { planPublications } from "../../channels/commands/plan-publications";
import { notify } from "../../notifications/notify";
import { type ChainStep, chainFor, stepApprovers } from "../approval-chain";
import { contentPolicy } from "../content.policy";
import { type ContentRow, lockVisibleContent } from "../content-queries";
import { publicUrlOf } from "../public-url";
import { limitedRightsAssets, referencedAssets } from "./content-assets";

/** What a workflow command leaves for after the commit: emails to send, a release to schedule. */
export interface WorkflowOutcome {
  emailIds: string[];
  /** When the item becomes public (now or later); null when it did not get published. */
  releaseAt: Date | null;
}

const link = (id: string) => `/app/content/${id}`;

async function event(
  tx: Executor,
  item: ContentRow,
  action: string,
  actorId: string | null,
  extra: { step?: number; round?: number; note?: string } = {},
) {
  await tx.insert(contentEvents).values({
    id: newId(),
    contentId: item.id,
    action,
    step: extra.step ?? null,
    round: extra.round ?? null,
    note: extra.note ?? null,
    actorId,
  });
}

async function audit(tx: Executor, ctx: CommandContext, item: ContentRow, action: string, after: Record<string, unknown>) {
  await recordAudit(tx, ctx, {
    action: `content.${action}`,
    entityType: "content",
    entityId: item.id,
    organizationId: item.organizationId,
    before: { status: item.status },
    after,
  });
}

export async function submitContent(tx: Executor, ctx: CommandContext, id: string): Promise<WorkflowOutcome> {
  const actor = actorRequired(ctx);
  const item = await lockVisibleContent(tx, actor, id);
  contentPolicy.authorize(actor, "submit", item);
  const missing = missingForReview(item.type as ContentType, {
    title: item.title,
    bodyHtml: item.bodyHtml,
    fields: item.fields as ContentFields,
  });
  if (missing.length > 0) {
    throw new AppError(
      400,
      "content_incomplete",
      { count: missing.length },
      Object.fromEntries(missing.map((k) => [k, { code: "field_required" }])),
    );
  }
  const chain = await chainFor(tx, item.path, item.sensitive);
  // Every step must have someone other than the author who can decide, or the item would stall.
  const approversByStep: string[][] = [];
  for (const [i, step] of chain.entries()) {
    const people = await stepApprovers(tx, item.path, step, item.authorId);
    if (people.length === 0) throw new AppError(409, step.leader ? "no_leader_approver" : "no_approvers", { step: i + 1 });
    approversByStep.push(people);
  }
  const round = item.reviewRound + 1;
  await tx
    .update(contentItems)
    .set({
      status: "in_review",
      reviewRound: round,
      reviewStep: 1,
      reviewChain: chain,
      pendingApproverIds: approversByStep[0],
      updatedAt: new Date(),
    })
    .where(eq(contentItems.id, id));
  await event(tx, item, "submitted", actor.userId, { step: 1, round });
  await audit(tx, ctx, item, "submit", { status: "in_review", round });
  const emailIds = await notifyStep(tx, ctx, item, approversByStep[0], 1, chain.length);
  return { emailIds, releaseAt: null };
}

function notifyStep(tx: Executor, ctx: CommandContext, item: ContentRow, userIds: string[], step: number, steps: number) {
  return notify(tx, ctx.services.publicUrl, {
    userIds,
    organizationId: item.organizationId,
    kind: "content_review",
    link: link(item.id),
    email: true,
    except: ctx.actor?.userId,
    message: (locale) =>
      locale === "en"
        ? { title: `Waiting for your approval: ${item.title}`, body: `Step ${step} of ${steps} · ${item.orgName}` }
        : { title: `Menunggu persetujuan Anda: ${item.title}`, body: `Tahap ${step} dari ${steps} · ${item.orgName}` },
  });
}

export async function approveContent(tx: Executor, ctx: CommandContext, id: string, note?: string): Promise<WorkflowOutcome> {
  const actor = actorRequired(ctx);
  const item = await lockVisibleContent(tx, actor, id);
  contentPolicy.authorize(actor, "approve", item);
  const chain = (item.reviewChain ?? []) as ChainStep[];
  const step = chain[item.reviewStep - 1];
  await event(tx, item, "approved", actor.userId, { step: item.reviewStep, round: item.reviewRound, note });
  const remaining = step?.mode === "all" ? item.pendingApproverIds.filter((u) => u !== actor.userId) : [];
  let emailIds: string[] = [];
  if (remaining.length > 0) {
    await tx.update(contentItems).set({ pendingApproverIds: remaining, updatedAt: new Date() }).where(eq(contentItems.id, id));
  } else if (item.reviewStep < chain.length) {
    const nextStep = item.reviewStep + 1;
    const people = await stepApprovers(tx, item.path, chain[nextStep - 1], item.authorId);
    if (people.length === 0) throw new AppError(409, "no_approvers", { step: nextStep });
    await tx
      .update(contentItems)
      .set({ reviewStep: nextStep, pendingApproverIds: people, updatedAt: new Date() })
      .where(eq(contentItems.id, id));
    emailIds = await notifyStep(tx, ctx, item, people, nextStep, chain.length);
  } else {
    await tx.update(contentItems).set({ status: "approved", pendingApproverIds: [], updatedAt: new Date() }).where(eq(contentItems.id, id));
    await event(tx, item, "approved_final", actor.userId, { round: item.reviewRound });
    emailIds = await notifyAuthor(
      tx,
      ctx,
      item,
      "content_approved",
      (en) => (en ? `Approved: ${item.title}` : `Disetujui: ${item.title}`),
      note,
    );
  }
  await audit(tx, ctx, item, "approve", { step: item.reviewStep, note: note ?? null });
  return { emailIds, releaseAt: null };
}

function notifyAuthor(tx: Executor, ctx: CommandContext, item: ContentRow, kind: string, title: (en: boolean) => string, note?: string) {
  return notify(tx, ctx.services.publicUrl, {
    userIds: item.authorId ? [item.authorId] : [],
    organizationId: item.organizationId,
    kind,
    link: link(item.id),
    email: true,
    except: ctx.actor?.userId,
    message: (locale) => ({ title: title(locale === "en"), body: note ?? "" }),
  });
}

export async function returnContent(tx: Executor, ctx: CommandContext, id: string, note: string): Promise<WorkflowOutcome> {
  const actor = actorRequired(ctx);
  const item = await lockVisibleContent(tx, actor, id);
  contentPolicy.authorize(actor, "return", item);
  await tx
    .update(contentItems)
    .set({ status: "returned", reviewStep: 0, pendingApproverIds: [], updatedAt: new Date() })
    .where(eq(contentItems.id, id));
  await event(tx, item, "returned", actor.userId, { step: item.reviewStep, round: item.reviewRound, note });
  await audit(tx, ctx, item, "return", { status: "returned", note });
  const emailIds = await notifyAuthor(
    tx,
    ctx,
    item,
    "content_returned",
    (en) => (en ? `Returned for changes: ${item.title}` : `Dikembalikan untuk diperbaiki: ${item.title}`),
    note,
  );
  return { emailIds, releaseAt: null };
}

export async function scheduleContent(
  tx: Executor,
  ctx: CommandContext,
  id: string,
  input: z.infer<typeof scheduleBody>,
  now = new Date(),
): Promise<WorkflowOutcome> {
  const actor = actorRequired(ctx);
  const item = await lockVisibleContent(tx, actor, id);
  contentPolicy.authorize(actor, "schedule", item);
  const publishAt = new Date(input.publishAt);
  const embargoUntil = input.embargoUntil ? new Date(input.embargoUntil) : null;
  if (embargoUntil && embargoUntil < publishAt)
    throw new AppError(400, "validation_failed", {}, { embargoUntil: { code: "embargo_before_publish" } });
  const limited = await limitedRightsAssets(tx, id);
  if (limited.length > 0 && !input.acknowledgeRights)
    throw new AppError(409, "rights_limited", { files: limited.map((a) => a.fileName).join(", ") });
  const fields = item.fields as ContentFields;
  await planPublications(
    tx,
    ctx,
    {
      id,
      organizationId: item.organizationId,
      orgPath: item.path,
      type: item.type,
      title: item.title,
      summary: item.summary || fields.lead || "",
      bodyText: item.type === "sosial" ? (fields.socialText ?? "") : item.bodyText,
      publicUrl: publicUrlOf(ctx.services.publicUrl, item.orgSlug, item.slug),
      mediaAssetIds: referencedAssets(fields, item.coverAssetId)
        .filter((r) => r.role !== "thumbnail")
        .map((r) => r.assetId),
    },
    input.channelAccountIds,
    input.channelTexts,
  );
  const publishNow = publishAt.getTime() <= now.getTime();
  const publicFrom = new Date(Math.max(publishNow ? now.getTime() : publishAt.getTime(), embargoUntil?.getTime() ?? 0));
  await tx
    .update(contentItems)
    .set({
      status: publishNow ? "published" : "scheduled",
      publishAt,
      embargoUntil,
      publishedAt: publishNow ? now : null,
      publicFrom: publishNow ? publicFrom : null,
      updatedAt: now,
    })
    .where(eq(contentItems.id, id));
  await event(tx, item, publishNow ? "published" : "scheduled", actor.userId, {
    note: embargoUntil ? `embargo ${embargoUntil.toISOString()}` : undefined,
  });
  await audit(tx, ctx, item, publishNow ? "publish" : "schedule", {
    publishAt: publishAt.toISOString(),
    embargoUntil: embargoUntil?.toISOString() ?? null,
    channels: input.channelAccountIds,
  });
  return { emailIds: [], releaseAt: publicFrom };
}

export async function unscheduleContent(tx: Executor, ctx: CommandContext, id: string): Promise<WorkflowOutcome> {
  const actor = actorRequired(ctx);
  const item = await lockVisibleContent(tx, actor, id);
  contentPolicy.authorize(actor, "unschedule", item);
  await tx
    .update(contentItems)
    .set({ status: "approved", publishAt: null, embargoUntil: null, updatedAt: new Date() })
    .where(eq(contentItems.id, id));
  await event(tx, item, "unscheduled", actor.userId);
  await audit(tx, ctx, item, "unschedule", { status: "approved" });
  return { emailIds: [], releaseAt: null };
}

export async function archiveContent(tx: Executor, ctx: CommandContext, id: string): Promise<WorkflowOutcome> {
  const actor = actorRequired(ctx);
  const item = await lockVisibleContent(tx, actor, id);
  contentPolicy.authorize(actor, "archive", item);
  await tx.update(contentItems).set({ status: "archived", pendingApproverIds: [], updatedAt: new Date() }).where(eq(contentItems.id, id));
  await event(tx, item, "archived", actor.userId);
  await audit(tx, ctx, item, "archive", { status: "archived" });
  return { emailIds: [], releaseAt: null };
}
