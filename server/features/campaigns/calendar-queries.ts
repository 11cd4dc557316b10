import { and, asc, eq, gte, isNotNull, lt, or, type SQL, sql } from "drizzle-orm";
import { CALENDAR_MAX_DAYS, type CALENDAR_STATUSES, type CalendarEntry, type CalendarQuery } from "../../../common/schemas/campaigns";
import type { ContentType } from "../../../common/schemas/content";
import type { Executor } from "../../db/client";
import { campaigns, contentItems, organizations } from "../../db/schema";
import { fieldError } from "../../http/errors";
import type { Actor } from "../../policies/core";
import { visibleContent } from "../content/content-queries";
import { publicUrlOf } from "../content/public-url";

/** One answer carries at most this many entries; a quarter of a province rarely holds more. */
export const CALENDAR_MAX_ITEMS = 2000;
const DAY_MS = 86_400_000;

/**
 * The instants a calendar range covers. Days are read in WIB (UTC+7), the zone of the
 * coordination offices, as the work-log filters do; the UI shows each entry in its org's zone.
 */
export function calendarRange(q: Pick<CalendarQuery, "from" | "to">): { start: Date; end: Date } {
  const start = new Date(`${q.from}T00:00:00+07:00`);
  const lastDay = new Date(`${q.to}T00:00:00+07:00`);
  if (Number.isNaN(start.getTime()) || new Date(`${q.from}T00:00:00Z`).toISOString().slice(0, 10) !== q.from)
    throw fieldError("from", "field_format");
  if (Number.isNaN(lastDay.getTime()) || new Date(`${q.to}T00:00:00Z`).toISOString().slice(0, 10) !== q.to)
    throw fieldError("to", "field_format");
  if (lastDay < start) throw fieldError("to", "calendar_range_order");
  const days = Math.round((lastDay.getTime() - start.getTime()) / DAY_MS) + 1;
  if (days > CALENDAR_MAX_DAYS) throw fieldError("to", "calendar_range_too_long", { days: CALENDAR_MAX_DAYS });
  return { start, end: new Date(lastDay.getTime() + DAY_MS) };
}

type CalendarStatus = (typeof CALENDAR_STATUSES)[number];

/**
 * Approved and scheduled items with a publish time, and published items at their public moment,
 * inside the range, across the organizations the actor may see.
 */
export async function calendarEntries(db: Executor, actor: Actor, publicUrl: string, q: CalendarQuery) {
  const { start, end } = calendarRange(q);
  const publicAt = sql`coalesce(${contentItems.publicFrom}, ${contentItems.publishedAt})`;
  const at = sql<Date>`case when ${contentItems.status} = 'published' then ${publicAt} else ${contentItems.publishAt} end`.mapWith(
    (v: string | Date) => (v instanceof Date ? v : new Date(v)),
  );
  const planned = and(
    or(eq(contentItems.status, "scheduled"), eq(contentItems.status, "approved")),
    isNotNull(contentItems.publishAt),
    gte(contentItems.publishAt, start),
    lt(contentItems.publishAt, end),
  );
  const published = and(
    eq(contentItems.status, "published"),
    sql`${publicAt} >= ${start.toISOString()}`,
    sql`${publicAt} < ${end.toISOString()}`,
  );
  const where: (SQL | undefined)[] = [visibleContent(actor), or(planned, published)];
  if (q.status) where.push(eq(contentItems.status, q.status));
  if (q.type) where.push(eq(contentItems.type, q.type));
  if (q.campaignId) where.push(eq(contentItems.campaignId, q.campaignId));
  if (q.organizationId) {
    const [org] = await db.select({ path: organizations.path }).from(organizations).where(eq(organizations.id, q.organizationId));
    where.push(org ? sql`${organizations.path} like ${`${org.path}%`}` : sql`false`);
  }
  const rows = await db
    .select({
      id: contentItems.id,
      title: contentItems.title,
      type: contentItems.type,
      status: contentItems.status,
      slug: contentItems.slug,
      embargoUntil: contentItems.embargoUntil,
      at,
      orgId: organizations.id,
      orgName: organizations.name,
      orgShortName: organizations.shortName,
      orgSlug: organizations.slug,
      orgTimeZone: organizations.timeZone,
      campaignId: campaigns.id,
      campaignName: campaigns.name,
    })
    .from(contentItems)
    .innerJoin(organizations, eq(organizations.id, contentItems.organizationId))
    .leftJoin(campaigns, eq(campaigns.id, contentItems.campaignId))
    .where(and(...where))
    .orderBy(asc(at), asc(contentItems.id))
    .limit(CALENDAR_MAX_ITEMS + 1);
  const items: CalendarEntry[] = rows.slice(0, CALENDAR_MAX_ITEMS).map((r) => ({
    id: r.id,
    title: r.title,
    type: r.type as ContentType,
    status: r.status as CalendarStatus,
    at: r.at.toISOString(),
    embargoUntil: r.embargoUntil?.toISOString() ?? null,
    organization: { id: r.orgId, name: r.orgName, shortName: r.orgShortName, timeZone: r.orgTimeZone },
    campaign: r.campaignId && r.campaignName ? { id: r.campaignId, name: r.campaignName } : null,
    publicUrl: publicUrlOf(publicUrl, r.orgSlug, r.slug),
  }));
  return { from: q.from, to: q.to, items, truncated: rows.length > CALENDAR_MAX_ITEMS };
}
