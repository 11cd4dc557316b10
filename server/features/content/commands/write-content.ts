import { and, eq, like, or, sql } from "drizzle-orm";
import type { z } from "zod";
import type { ContentFields, createContentBody, updateContentBody } from "../../../../common/schemas/content";
import type { Executor } from "../../../db/client";
import { campaignAssignments, campaigns, contentItems, contentVersions, organizations } from "../../../db/schema";
import { AppError, fieldError } from "../../../http/errors";
import type { CommandContext } from "../../../http/route-kit";
import { newId } from "../../../lib/ids";
import { actorRequired } from "../../../policies/actor-required";
import { recordAudit } from "../../audit/record-audit";
import { findVisibleOrganization } from "../../organizations/organization-queries";
import { contentCreatePolicy, contentPolicy } from "../content.policy";
import { lockVisibleContent } from "../content-queries";
import { htmlToText, sanitizeContentHtml } from "../sanitize";
import { slugify } from "../slug";
import { subtitleProblem } from "../subtitles";
import { syncContentAssets } from "./content-assets";

/** Server-side checks zod cannot express: subtitle files that a player would reject. */
function checkFields(fields: ContentFields) {
  fields.subtitles?.forEach((s, i) => {
    const problem = subtitleProblem(s.format, s.text);
    if (problem) throw fieldError(`fields.subtitles.${i}.text`, "subtitle_invalid", { format: s.format.toUpperCase(), line: problem.line });
  });
}

/** Words of every text field, so that search finds a quote or a hoax claim, not only the body. */
function searchText(bodyHtml: string, fields: ContentFields): string {
  const parts = [
    htmlToText(bodyHtml),
    fields.lead,
    fields.dateline,
    ...(fields.quotes ?? []).flatMap((q) => [q.text, q.speaker]),
    ...(fields.photos ?? []).map((p) => `${p.caption} ${p.place}`),
    ...(fields.images ?? []).map((p) => p.altText),
    fields.claim,
    fields.facts,
    fields.agencyStatement,
    fields.socialText,
  ];
  return parts.filter(Boolean).join("\n");
}

/** A campaign may be used by the organizations it is assigned to and by the one that runs it. */
async function checkCampaign(tx: Executor, campaignId: string | null | undefined, organizationId: string, path: string) {
  if (!campaignId) return;
  const [row] = await tx
    .select({ id: campaigns.id })
    .from(campaigns)
    .innerJoin(organizations, eq(organizations.id, campaigns.organizationId))
    .where(
      and(
        eq(campaigns.id, campaignId),
        or(
          sql`${path} like ${organizations.path} || '%'`,
          sql`exists (select 1 from ${campaignAssignments} a where a.campaign_id = ${campaigns.id} and a.organization_id = ${organizationId})`,
        ),
      ),
    );
  if (!row) throw fieldError("campaignId", "not_found", {}, 404);
}

async function uniqueSlug(tx: Executor, organizationId: string, title: string, exceptId?: string) {
  const base = slugify(title);
  const taken = await tx
    .select({ id: contentItems.id, slug: contentItems.slug })
    .from(contentItems)
    .where(and(eq(contentItems.organizationId, organizationId), like(contentItems.slug, `${base}%`)));
  const used = new Set(taken.filter((t) => t.id !== exceptId).map((t) => t.slug));
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

export const snapshotOf = (r: { title: string; summary: string; bodyHtml: string; fields: unknown; sensitive: boolean }) => ({
  title: r.title,
  summary: r.summary,
  bodyHtml: r.bodyHtml,
  fields: r.fields,
  sensitive: r.sensitive,
});

export async function createContent(tx: Executor, ctx: CommandContext, input: z.infer<typeof createContentBody>) {
  const actor = actorRequired(ctx);
  const org = await findVisibleOrganization(tx, actor, input.organizationId).catch(() => {
    throw fieldError("organizationId", "not_found", {}, 404);
  });
  if (!org.active) throw fieldError("organizationId", "organization_inactive");
  contentCreatePolicy.authorize(actor, "create", org);
  checkFields(input.fields);
  await checkCampaign(tx, input.campaignId, org.id, org.path);
  const id = newId();
  const bodyHtml = sanitizeContentHtml(input.bodyHtml);
  const values = {
    id,
    organizationId: org.id,
    type: input.type,
    title: input.title,
    slug: await uniqueSlug(tx, org.id, input.title),
    summary: input.summary,
    bodyHtml,
    bodyText: searchText(bodyHtml, input.fields),
    fields: input.fields,
    sensitive: input.sensitive,
    campaignId: input.campaignId ?? null,
    coverAssetId: input.coverAssetId ?? null,
    authorId: actor.userId,
  };
  await tx.insert(contentItems).values(values);
  await syncContentAssets(tx, actor, id, input.fields, values.coverAssetId);
  await tx.insert(contentVersions).values({ id: newId(), contentId: id, version: 1, snapshot: snapshotOf(values), authorId: actor.userId });
  await recordAudit(tx, ctx, {
    action: "content.create",
    entityType: "content",
    entityId: id,
    organizationId: org.id,
    after: { type: input.type, title: input.title },
  });
  return id;
}

export async function updateContent(tx: Executor, ctx: CommandContext, id: string, input: z.infer<typeof updateContentBody>) {
  const actor = actorRequired(ctx);
  const item = await lockVisibleContent(tx, actor, id);
  contentPolicy.authorize(actor, "edit", item);
  if (item.version !== input.baseVersion) throw new AppError(409, "version_conflict", { version: item.version });
  const fields = input.fields ?? (item.fields as ContentFields);
  checkFields(fields);
  if (input.campaignId !== undefined) await checkCampaign(tx, input.campaignId, item.organizationId, item.path);
  const bodyHtml = input.bodyHtml === undefined ? item.bodyHtml : sanitizeContentHtml(input.bodyHtml);
  const next = {
    title: input.title ?? item.title,
    summary: input.summary ?? item.summary,
    bodyHtml,
    fields,
    sensitive: input.sensitive ?? item.sensitive,
  };
  const coverAssetId = input.coverAssetId === undefined ? item.coverAssetId : input.coverAssetId;
  const changed =
    JSON.stringify(snapshotOf(next)) !== JSON.stringify(snapshotOf(item)) ||
    coverAssetId !== item.coverAssetId ||
    (input.campaignId !== undefined && input.campaignId !== item.campaignId);
  if (!changed) return;
  const version = item.version + 1;
  await tx
    .update(contentItems)
    .set({
      ...next,
      // The URL is fixed once the item has been published; drafts follow their title.
      slug: next.title !== item.title && !item.publishedAt ? await uniqueSlug(tx, item.organizationId, next.title, id) : item.slug,
      bodyText: searchText(bodyHtml, fields),
      coverAssetId,
      campaignId: input.campaignId === undefined ? item.campaignId : input.campaignId,
      version,
      updatedAt: new Date(),
    })
    .where(eq(contentItems.id, id));
  await syncContentAssets(tx, actor, id, fields, coverAssetId);
  await tx.insert(contentVersions).values({ id: newId(), contentId: id, version, snapshot: snapshotOf(next), authorId: actor.userId });
  await recordAudit(tx, ctx, {
    action: "content.update",
    entityType: "content",
    entityId: id,
    organizationId: item.organizationId,
    before: { version: item.version, title: item.title },
    after: { version, title: next.title },
  });
}
