import { and, asc, eq, inArray, like, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { channelListQuery } from "../../../common/schemas/channels";
import type { Executor } from "../../db/client";
import { channelAccounts, organizations } from "../../db/schema";
import { AppError } from "../../http/errors";
import { type Actor, scopeRoots } from "../../policies/core";

export const accountColumns = {
  id: channelAccounts.id,
  organizationId: channelAccounts.organizationId,
  platform: channelAccounts.platform,
  name: channelAccounts.name,
  config: channelAccounts.config,
  secretEnc: channelAccounts.secretEnc,
  tokenExpiresAt: channelAccounts.tokenExpiresAt,
  status: channelAccounts.status,
  lastError: channelAccounts.lastError,
  lastCheckedAt: channelAccounts.lastCheckedAt,
  active: channelAccounts.active,
  createdBy: channelAccounts.createdBy,
  createdAt: channelAccounts.createdAt,
  path: organizations.path,
  organizationName: organizations.name,
  organizationShortName: organizations.shortName,
};

export type AccountRow = {
  id: string;
  organizationId: string;
  platform: string;
  name: string;
  config: Record<string, string>;
  secretEnc: string | null;
  tokenExpiresAt: Date | null;
  status: string;
  lastError: string | null;
  lastCheckedAt: Date | null;
  active: boolean;
  createdBy: string | null;
  createdAt: Date;
  path: string;
  organizationName: string;
  organizationShortName: string;
};

/** Organizations in the actor's subtrees (any role), as a condition on `organizations.path`. */
export function inScope(actor: Actor): SQL {
  const roots = scopeRoots(actor);
  return roots.length ? (or(...roots.map((r) => like(organizations.path, `${r}%`))) as SQL) : sql`false`;
}

const base = (db: Executor) =>
  db.select(accountColumns).from(channelAccounts).innerJoin(organizations, eq(organizations.id, channelAccounts.organizationId));

/** The account, if it lies in the actor's scope; 404 otherwise (never 403 for another tenant). */
export async function findVisibleAccount(db: Executor, actor: Actor, id: string): Promise<AccountRow> {
  const [row] = await base(db)
    .where(and(eq(channelAccounts.id, id), inScope(actor)))
    .limit(1);
  if (!row) throw new AppError(404, "not_found");
  return row;
}

export async function visibleOrganization(db: Executor, actor: Actor, id: string) {
  const [org] = await db
    .select({ id: organizations.id, path: organizations.path, active: organizations.active })
    .from(organizations)
    .where(and(eq(organizations.id, id), inScope(actor)))
    .limit(1);
  return org ?? null;
}

/** Ancestors-or-self of the organization at `path`: an account there may post its items. */
const servesPath = (path: string) => sql`${path} like ${organizations.path} || '%'`;

export async function listAccounts(db: Executor, actor: Actor, q: z.infer<typeof channelListQuery>): Promise<AccountRow[]> {
  const where: (SQL | undefined)[] = [inScope(actor)];
  if (q.organizationId) {
    const org = await visibleOrganization(db, actor, q.organizationId);
    if (!org) return [];
    where.push(like(organizations.path, `${org.path}%`));
  }
  if (q.usableBy) {
    const [org] = await db.select({ path: organizations.path }).from(organizations).where(eq(organizations.id, q.usableBy));
    if (!org) return [];
    where.push(servesPath(org.path), eq(channelAccounts.active, true));
  }
  if (q.platform) where.push(eq(channelAccounts.platform, q.platform));
  if (q.includeInactive !== "true") where.push(eq(channelAccounts.active, true));
  return base(db)
    .where(and(...where))
    .orderBy(asc(organizations.path), asc(channelAccounts.platform), asc(channelAccounts.name))
    .limit(500);
}

/** Accounts by id (any scope); callers check scope, activity and lineage themselves. */
export async function accountsByIds(db: Executor, ids: string[]): Promise<Map<string, AccountRow>> {
  if (ids.length === 0) return new Map();
  const rows = await base(db).where(inArray(channelAccounts.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}
