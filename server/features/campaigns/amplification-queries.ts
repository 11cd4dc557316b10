import { aliasedTable, and, asc, count, desc, eq, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { AmplificationStatus, amplificationInboxQuery } from "../../../common/schemas/campaigns";
import type { ContentType } from "../../../common/schemas/content";
import type { Executor } from "../../db/client";
import { amplificationRequests, contentItems, organizations } from "../../db/schema";
import { AppError } from "../../http/errors";
import { type Actor, scopeRoots } from "../../policies/core";
import { publicUrlOf } from "../content/public-url";
import { amplificationInboxPolicy } from "./amplification.policy";
import { pathInRoots } from "./campaign-queries";

const requester = aliasedTable(organizations, "requester");
const owner = aliasedTable(organizations, "owner");

/** The requests made for one item, one row per target agency (the requester's view). */
export async function amplificationsOf(db: Executor, contentId: string) {
  const rows = await db
    .select({
      id: amplificationRequests.id,
      orgId: organizations.id,
      orgName: organizations.name,
      orgShortName: organizations.shortName,
      status: amplificationRequests.status,
      message: amplificationRequests.message,
      sharedUrl: amplificationRequests.sharedUrl,
      sharedAt: amplificationRequests.sharedAt,
      createdAt: amplificationRequests.createdAt,
    })
    .from(amplificationRequests)
    .innerJoin(organizations, eq(organizations.id, amplificationRequests.organizationId))
    .where(eq(amplificationRequests.contentId, contentId))
    .orderBy(asc(organizations.name));
  return rows.map((r) => ({
    id: r.id,
    organization: { id: r.orgId, name: r.orgName, shortName: r.orgShortName },
    status: r.status as AmplificationStatus,
    message: r.message,
    sharedUrl: r.sharedUrl,
    sharedAt: r.sharedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  }));
}

const inboxColumns = {
  id: amplificationRequests.id,
  status: amplificationRequests.status,
  message: amplificationRequests.message,
  sharedUrl: amplificationRequests.sharedUrl,
  sharedAt: amplificationRequests.sharedAt,
  createdAt: amplificationRequests.createdAt,
  targetId: organizations.id,
  targetName: organizations.name,
  targetShortName: organizations.shortName,
  targetPath: organizations.path,
  requesterId: requester.id,
  requesterName: requester.name,
  requesterShortName: requester.shortName,
  contentId: contentItems.id,
  contentTitle: contentItems.title,
  contentType: contentItems.type,
  contentSlug: contentItems.slug,
  contentPublicFrom: contentItems.publicFrom,
  ownerSlug: owner.slug,
  createdBy: amplificationRequests.createdBy,
};

const inboxBase = (db: Executor) =>
  db
    .select(inboxColumns)
    .from(amplificationRequests)
    .innerJoin(organizations, eq(organizations.id, amplificationRequests.organizationId))
    .innerJoin(requester, eq(requester.id, amplificationRequests.requesterOrganizationId))
    .innerJoin(contentItems, eq(contentItems.id, amplificationRequests.contentId))
    .innerJoin(owner, eq(owner.id, contentItems.organizationId));

export type InboxRow = Awaited<ReturnType<typeof inboxBase>>[number];

/** Requests addressed to agencies in the actor's subtrees. */
const addressedTo = (actor: Actor) => pathInRoots(organizations.path, scopeRoots(actor));

export async function findInboxRequest(db: Executor, actor: Actor, id: string): Promise<InboxRow> {
  const [row] = await inboxBase(db)
    .where(and(eq(amplificationRequests.id, id), addressedTo(actor)))
    .limit(1);
  if (!row) throw new AppError(404, "not_found");
  return row;
}

export async function listInbox(db: Executor, actor: Actor, q: z.infer<typeof amplificationInboxQuery>) {
  const where: SQL[] = [addressedTo(actor)];
  if (q.status) where.push(eq(amplificationRequests.status, q.status));
  const condition = and(...where);
  const [rows, [{ total }]] = await Promise.all([
    inboxBase(db)
      .where(condition)
      // Pending first (the work to do), newest first within each.
      .orderBy(desc(eq(amplificationRequests.status, "pending")), desc(amplificationRequests.createdAt), desc(amplificationRequests.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ total: count() })
      .from(amplificationRequests)
      .innerJoin(organizations, eq(organizations.id, amplificationRequests.organizationId))
      .where(condition),
  ]);
  return { rows, total };
}

export function presentInboxItem(row: InboxRow, actor: Actor, publicUrl: string) {
  return {
    id: row.id,
    organization: { id: row.targetId, name: row.targetName, shortName: row.targetShortName },
    status: row.status as AmplificationStatus,
    message: row.message,
    sharedUrl: row.sharedUrl,
    sharedAt: row.sharedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    content: {
      id: row.contentId,
      title: row.contentTitle,
      type: row.contentType as ContentType,
      publicUrl: publicUrlOf(publicUrl, row.ownerSlug, row.contentSlug),
      publishedAt: row.contentPublicFrom?.toISOString() ?? null,
    },
    requester: { id: row.requesterId, name: row.requesterName, shortName: row.requesterShortName },
    can: amplificationInboxPolicy.abilities(actor, { targetPath: row.targetPath }),
  };
}
