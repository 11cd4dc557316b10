import { and, asc, desc, eq } from "drizzle-orm";
import { type ContentFields, type ContentStatus, type ContentType, missingForReview } from "../../../common/schemas/content";
import type { Executor } from "../../db/client";
import { channelAccounts, contentEvents, contentPublications, users } from "../../db/schema";
import type { Actor } from "../../policies/core";
import { type ChainStep, chainFor, stepApprovers } from "./approval-chain";
import { limitedRightsAssets } from "./commands/content-assets";
import { contentPolicy } from "./content.policy";
import type { ContentRow } from "./content-queries";
import { namesOf } from "./content-queries";
import { publicUrlOf } from "./public-url";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentContentSummary(row: ContentRow, actor: Actor, baseUrl: string) {
  return {
    id: row.id,
    type: row.type as ContentType,
    title: row.title,
    status: row.status as ContentStatus,
    sensitive: row.sensitive,
    organization: { id: row.organizationId, name: row.orgName, shortName: row.orgShortName, slug: row.orgSlug },
    author: row.authorId ? { id: row.authorId, name: row.authorName ?? "" } : null,
    embargoUntil: iso(row.embargoUntil),
    publishAt: iso(row.publishAt),
    publishedAt: iso(row.publishedAt),
    updatedAt: row.updatedAt.toISOString(),
    publicUrl: row.status === "published" ? publicUrlOf(baseUrl, row.orgSlug, row.slug) : null,
    can: contentPolicy.abilities(actor, row, ["edit", "submit", "approve", "return", "schedule", "archive"]),
  };
}

/** The review steps as people see them: who may decide, who did, which one is under way. */
async function reviewSteps(db: Executor, row: ContentRow) {
  const chain = (row.reviewChain as ChainStep[] | null) ?? (await chainFor(db, row.path, row.sensitive));
  const approvals = row.reviewRound
    ? await db
        .select({ step: contentEvents.step, actorId: contentEvents.actorId })
        .from(contentEvents)
        .where(and(eq(contentEvents.contentId, row.id), eq(contentEvents.action, "approved"), eq(contentEvents.round, row.reviewRound)))
    : [];
  const inReview = row.status === "in_review";
  const steps = await Promise.all(
    chain.map(async (step, i) => {
      const approvers =
        inReview && row.reviewStep === i + 1 ? [...row.pendingApproverIds] : await stepApprovers(db, row.path, step, row.authorId);
      const approvedBy = approvals.filter((a) => a.step === i + 1 && a.actorId).map((a) => a.actorId as string);
      return { step, approvers: [...new Set([...approvers, ...approvedBy])], approvedBy };
    }),
  );
  const names = await namesOf(
    db,
    steps.flatMap((s) => s.approvers),
  );
  const done = (i: number) =>
    inReview ? i + 1 < row.reviewStep : ["approved", "scheduled", "published", "archived"].includes(row.status) && row.reviewRound > 0;
  return steps.map((s, i) => ({
    index: i + 1,
    mode: s.step.mode,
    label: s.step.leader ? "leader" : s.step.roles.join(", "),
    approvers: s.approvers.map((id) => ({ id, name: names.get(id) ?? "" })),
    approvedBy: s.approvedBy.map((id) => ({ id, name: names.get(id) ?? "" })),
    done: done(i),
    current: inReview && row.reviewStep === i + 1,
  }));
}

export async function presentContent(db: Executor, row: ContentRow, actor: Actor, baseUrl: string) {
  const [events, publications, limited, review] = await Promise.all([
    db
      .select({
        id: contentEvents.id,
        action: contentEvents.action,
        step: contentEvents.step,
        note: contentEvents.note,
        actorName: users.name,
        createdAt: contentEvents.createdAt,
      })
      .from(contentEvents)
      .leftJoin(users, eq(users.id, contentEvents.actorId))
      .where(eq(contentEvents.contentId, row.id))
      .orderBy(desc(contentEvents.createdAt), desc(contentEvents.id)),
    db
      .select({
        id: contentPublications.id,
        channelAccountId: contentPublications.channelAccountId,
        channelName: channelAccounts.name,
        platform: channelAccounts.platform,
        status: contentPublications.status,
        url: contentPublications.url,
        publishedAt: contentPublications.publishedAt,
        error: contentPublications.lastError,
        engagement: contentPublications.engagement,
      })
      .from(contentPublications)
      .innerJoin(channelAccounts, eq(channelAccounts.id, contentPublications.channelAccountId))
      .where(eq(contentPublications.contentId, row.id))
      .orderBy(asc(channelAccounts.name)),
    limitedRightsAssets(db, row.id),
    reviewSteps(db, row),
  ]);
  return {
    ...presentContentSummary(row, actor, baseUrl),
    can: contentPolicy.abilities(actor, row),
    slug: row.slug,
    summary: row.summary,
    bodyHtml: row.bodyHtml,
    fields: row.fields as ContentFields,
    campaignId: row.campaignId,
    coverAssetId: row.coverAssetId,
    version: row.version,
    missing: missingForReview(row.type as ContentType, { title: row.title, bodyHtml: row.bodyHtml, fields: row.fields as ContentFields }),
    review,
    events: events.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
    publications: publications.map((p) => ({
      ...p,
      platform: p.platform as never,
      status: p.status as never,
      publishedAt: iso(p.publishedAt),
      engagement: p.engagement ?? null,
    })),
    limitedRightsAssets: limited,
  };
}
