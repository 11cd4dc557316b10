import { and, desc, eq, gte, inArray, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import { type TimeZoneCode, UTC_OFFSET } from "../../../common/roles";
import type { auditExportQuery } from "../../../common/schemas/audit";
import type { Executor } from "../../db/client";
import { apiTokens, auditLog, organizations, users } from "../../db/schema";
import { type Actor, scopeRoots } from "../../policies/core";
import { auditPolicy } from "./audit.policy";

type Filters = z.infer<typeof auditExportQuery>;

/** Audit rows in the actor's admin scope, filtered; dates are whole local days (`offset`, e.g. +08:00 for WITA). */
export function auditWhere(actor: Actor, f: Filters, offset = "+07:00"): SQL | undefined {
  const roots = scopeRoots(actor, ["admin"]);
  const inTree = roots.length
    ? inArray(
        auditLog.organizationId,
        sql`(select ${organizations.id} from ${organizations} where ${or(...roots.map((r) => sql`${organizations.path} like ${`${r}%`}`))})`,
      )
    : sql`false`;
  const scope = auditPolicy.can(actor, "readGlobal", null) ? or(inTree, isNull(auditLog.organizationId)) : inTree;
  const where: (SQL | undefined)[] = [scope];
  if (f.userId) where.push(eq(auditLog.actorId, f.userId));
  if (f.organizationId) where.push(eq(auditLog.organizationId, f.organizationId));
  if (f.entityType) where.push(eq(auditLog.entityType, f.entityType));
  if (f.from) where.push(gte(auditLog.at, new Date(`${f.from}T00:00:00${offset}`)));
  if (f.to) where.push(lt(auditLog.at, new Date(new Date(`${f.to}T00:00:00${offset}`).getTime() + 86_400_000)));
  return and(...where);
}

export function auditSelect(db: Executor, where: SQL | undefined) {
  return db
    .select({
      id: auditLog.id,
      seq: auditLog.seq,
      at: auditLog.at,
      actorId: auditLog.actorId,
      actorName: sql<string | null>`coalesce(${users.name}, 'API: ' || ${apiTokens.name})`,
      organizationId: auditLog.organizationId,
      organizationName: organizations.name,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
      ip: auditLog.ip,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .leftJoin(apiTokens, eq(apiTokens.id, auditLog.actorTokenId))
    .leftJoin(organizations, eq(organizations.id, auditLog.organizationId))
    .where(where)
    .orderBy(desc(auditLog.seq));
}

/** The local day of the filtered organization, or of the actor's first organization. */
export async function localOffset(db: Executor, actor: Actor, organizationId?: string): Promise<string> {
  const id = organizationId ?? actor.grants[0]?.organizationId;
  if (!id) return UTC_OFFSET.WIB;
  const [row] = await db.select({ timeZone: organizations.timeZone }).from(organizations).where(eq(organizations.id, id)).limit(1);
  return UTC_OFFSET[(row?.timeZone as TimeZoneCode) ?? "WIB"] ?? UTC_OFFSET.WIB;
}
