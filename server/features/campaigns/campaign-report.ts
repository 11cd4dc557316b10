import { and, asc, eq, inArray } from "drizzle-orm";
import type { CampaignReport } from "../../../common/schemas/campaigns";
import type { ContentType } from "../../../common/schemas/content";
import type { Executor } from "../../db/client";
import { channelAccounts, contentItems, contentPublications, organizations } from "../../db/schema";
import { publicUrlOf } from "../content/public-url";
import type { assignmentsOf, CampaignRow } from "./campaign-queries";

type Assignment = Awaited<ReturnType<typeof assignmentsOf>>[number];

/** part / whole as a percentage with one decimal (0 when there is nothing to divide). */
export const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

/**
 * Adoption of a campaign: per assigned agency (its whole subtree, so a unit's items count for its
 * agency), the linked items by status and the published ones with their public URL and where
 * they were posted. An agency has adopted the narrative once it published at least one item.
 */
export async function campaignReport(
  db: Executor,
  publicUrl: string,
  campaign: CampaignRow,
  assigned: Assignment[],
): Promise<CampaignReport> {
  const items = await db
    .select({
      id: contentItems.id,
      title: contentItems.title,
      type: contentItems.type,
      status: contentItems.status,
      slug: contentItems.slug,
      publicFrom: contentItems.publicFrom,
      publishedAt: contentItems.publishedAt,
      path: organizations.path,
      orgSlug: organizations.slug,
    })
    .from(contentItems)
    .innerJoin(organizations, eq(organizations.id, contentItems.organizationId))
    .where(eq(contentItems.campaignId, campaign.id))
    .orderBy(asc(contentItems.publishedAt), asc(contentItems.id));
  const publishedIds = items.filter((i) => i.status === "published").map((i) => i.id);
  const posts = publishedIds.length
    ? await db
        .select({
          contentId: contentPublications.contentId,
          platform: channelAccounts.platform,
          channelName: channelAccounts.name,
          url: contentPublications.url,
          publishedAt: contentPublications.publishedAt,
        })
        .from(contentPublications)
        .innerJoin(channelAccounts, eq(channelAccounts.id, contentPublications.channelAccountId))
        .where(and(inArray(contentPublications.contentId, publishedIds), eq(contentPublications.status, "published")))
        .orderBy(asc(contentPublications.publishedAt))
    : [];

  const totals = {
    assigned: assigned.length,
    adopted: 0,
    adoptionPercent: 0,
    items: 0,
    published: 0,
    byStatus: {} as Record<string, number>,
  };
  const counted = new Set<string>();
  const agencies = assigned.map((agency) => {
    const mine = items.filter((i) => i.path.startsWith(agency.path));
    const byStatus: Record<string, number> = {};
    for (const i of mine) {
      byStatus[i.status] = (byStatus[i.status] ?? 0) + 1;
      // Nested assignments (a province and one of its agencies) must not count an item twice.
      if (!counted.has(i.id)) {
        counted.add(i.id);
        totals.items++;
        totals.byStatus[i.status] = (totals.byStatus[i.status] ?? 0) + 1;
        if (i.status === "published") totals.published++;
      }
    }
    const published = mine
      .filter((i) => i.status === "published")
      .map((i) => ({
        id: i.id,
        title: i.title,
        type: i.type as ContentType,
        publishedAt: (i.publicFrom ?? i.publishedAt)?.toISOString() ?? null,
        publicUrl: publicUrlOf(publicUrl, i.orgSlug, i.slug),
        publications: posts
          .filter((p) => p.contentId === i.id)
          .map((p) => ({
            platform: p.platform,
            channelName: p.channelName,
            url: p.url,
            publishedAt: p.publishedAt?.toISOString() ?? null,
          })),
      }));
    if (published.length > 0) totals.adopted++;
    return {
      organization: { id: agency.id, name: agency.name, shortName: agency.shortName },
      byStatus,
      total: mine.length,
      published,
      adopted: published.length > 0,
    };
  });
  totals.adoptionPercent = percent(totals.adopted, totals.assigned);
  return {
    campaign: { id: campaign.id, name: campaign.name, startsOn: String(campaign.startsOn), endsOn: String(campaign.endsOn) },
    agencies,
    totals,
  };
}
