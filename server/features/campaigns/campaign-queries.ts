import { and, asc, count, desc, eq, getTableColumns, gte, lt, lte, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { campaignListQuery } from "../../../common/schemas/campaigns";
import type { Executor } from "../../db/client";
import { campaignAssets, campaignAssignments, campaigns, mediaAssets, organizations } from "../../db/schema";
import { AppError } from "../../http/errors";
import { type Actor, scopeRoots } from "../../policies/core";

const columns = {
  ...getTableColumns(campaigns),
  path: organizations.path,
  orgName: organizations.name,
  orgShortName: organizations.shortName,
  assignedCount: sql<number>`(select count(*) from ${campaignAssignments} a where a.campaign_id = ${campaigns.id})`.mapWith(Number),
};

export type CampaignRow = typeof campaigns.$inferSelect & { path: string; orgName: string; orgShortName: string; assignedCount: number };

const base = (db: Executor) => db.select(columns).from(campaigns).innerJoin(organizations, eq(organizations.id, campaigns.organizationId));

/** `path LIKE root%` for every subtree root, as one OR; false when there is none. */
export function pathInRoots(path: SQL | typeof organizations.path, roots: readonly string[]): SQL {
  if (roots.length === 0) return sql`false`;
  return or(...roots.map((r) => sql`${path} like ${`${r}%`}`)) as SQL;
}

/** Campaigns run in the actor's subtrees, or assigned to an agency in them. */
export function visibleCampaigns(actor: Actor): SQL {
  const roots = scopeRoots(actor);
  if (roots.length === 0) return sql`false`;
  return or(
    pathInRoots(organizations.path, roots),
    sql`exists (select 1 from ${campaignAssignments} a join ${organizations} o on o.id = a.organization_id
      where a.campaign_id = ${campaigns.id} and (${pathInRoots(sql`o.path`, roots)}))`,
  ) as SQL;
}

/** Today's date in Indonesia's western zone, where the coordination offices sit: 'YYYY-MM-DD'. */
export function todayWib(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(now);
}

export async function findVisibleCampaign(db: Executor, actor: Actor, id: string): Promise<CampaignRow> {
  const [row] = await base(db)
    .where(and(eq(campaigns.id, id), visibleCampaigns(actor)))
    .limit(1);
  if (!row) throw new AppError(404, "not_found");
  return row;
}

export async function assignmentsOf(db: Executor, campaignId: string) {
  return db
    .select({
      id: organizations.id,
      name: organizations.name,
      shortName: organizations.shortName,
      path: organizations.path,
      slug: organizations.slug,
    })
    .from(campaignAssignments)
    .innerJoin(organizations, eq(organizations.id, campaignAssignments.organizationId))
    .where(eq(campaignAssignments.campaignId, campaignId))
    .orderBy(asc(organizations.path));
}

export async function assetsOf(db: Executor, campaignId: string) {
  return db
    .select({
      id: mediaAssets.id,
      kind: mediaAssets.kind,
      fileName: mediaAssets.fileName,
      mime: mediaAssets.mime,
      caption: mediaAssets.caption,
      renditions: mediaAssets.renditions,
    })
    .from(campaignAssets)
    .innerJoin(mediaAssets, eq(mediaAssets.id, campaignAssets.assetId))
    .where(eq(campaignAssets.campaignId, campaignId))
    .orderBy(asc(mediaAssets.createdAt));
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listCampaigns(db: Executor, actor: Actor, q: z.infer<typeof campaignListQuery>) {
  const where: (SQL | undefined)[] = [visibleCampaigns(actor)];
  if (q.active) where.push(eq(campaigns.active, q.active === "true"));
  if (q.q) {
    const pattern = `%${escapeLike(q.q.toLowerCase())}%`;
    where.push(or(sql`lower(${campaigns.name}) like ${pattern}`, sql`lower(${campaigns.description}) like ${pattern}`));
  }
  const today = todayWib();
  if (q.period === "current") where.push(lte(campaigns.startsOn, today), gte(campaigns.endsOn, today));
  if (q.period === "upcoming") where.push(sql`${campaigns.startsOn} > ${today}`);
  if (q.period === "past") where.push(lt(campaigns.endsOn, today));
  if (q.organizationId) {
    const [org] = await db.select({ path: organizations.path }).from(organizations).where(eq(organizations.id, q.organizationId));
    where.push(
      org
        ? or(
            sql`${org.path} like ${organizations.path} || '%'`,
            sql`exists (select 1 from ${campaignAssignments} a where a.campaign_id = ${campaigns.id} and a.organization_id = ${q.organizationId})`,
          )
        : sql`false`,
    );
  }
  const condition = and(...where);
  const [rows, [{ total }]] = await Promise.all([
    base(db)
      .where(condition)
      .orderBy(desc(campaigns.startsOn), desc(campaigns.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ total: count() }).from(campaigns).innerJoin(organizations, eq(organizations.id, campaigns.organizationId)).where(condition),
  ]);
  return { rows: rows as CampaignRow[], total };
}

/** The organization a campaign is started on, inside the actor's subtrees (404 otherwise). */
export async function findVisibleOrganization(db: Executor, actor: Actor, id: string, field: string) {
  const [org] = await db
    .select({ id: organizations.id, path: organizations.path, name: organizations.name, active: organizations.active })
    .from(organizations)
    .where(and(eq(organizations.id, id), pathInRoots(organizations.path, scopeRoots(actor))));
  if (!org) throw new AppError(404, "validation_failed", {}, { [field]: { code: "not_found" } });
  return org;
}
