import { asc, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { auditLog, grants } from "../../db/schema";
import { canonicalJson } from "../../lib/canonical-json";
import { newId } from "../../lib/ids";
import type { Actor } from "../../policies/core";
import { auditHash, GENESIS_HASH } from "./audit-chain";

export interface AuditContext {
  actor: Actor | null;
  ip: string | null;
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  organizationId?: string | null;
  before?: unknown;
  after?: unknown;
  /** Who acted when there is no actor yet (sign-in, accepting an invitation). */
  actorId?: string | null;
}

const AUDIT_LOCK = 7320118;

/**
 * Appends one row to the hash chain inside the caller's transaction. The advisory lock
 * serializes appends across processes so two writers never fork the chain.
 */
export async function recordAudit(tx: Executor, ctx: AuditContext, entry: AuditEntry) {
  let organizationId = entry.organizationId ?? null;
  // Entries about a user belong to the user's first organization, so that the admins of
  // that subtree see them.
  if (!organizationId && entry.entityType === "user" && entry.entityId) {
    const [grant] = await tx
      .select({ organizationId: grants.organizationId })
      .from(grants)
      .where(eq(grants.userId, entry.entityId))
      .orderBy(asc(grants.createdAt))
      .limit(1);
    organizationId = grant?.organizationId ?? null;
  }
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`);
  const [last] = await tx.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  const fields = {
    seq: (last?.seq ?? 0) + 1,
    at: new Date(),
    actorId: entry.actorId ?? ctx.actor?.userId ?? null,
    actorTokenId: ctx.actor?.tokenId ?? null,
    organizationId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    // Round-trip through JSON so what is hashed is exactly what jsonb stores.
    before: entry.before === undefined ? null : JSON.parse(canonicalJson(entry.before)),
    after: entry.after === undefined ? null : JSON.parse(canonicalJson(entry.after)),
    ip: ctx.ip,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  await tx.insert(auditLog).values({ id: newId(), ...fields, hash: auditHash(fields) });
}
