import { createHash } from "node:crypto";
import { canonicalJson } from "../../lib/canonical-json";

export const GENESIS_HASH = "0".repeat(64);

export interface ChainedFields {
  seq: number;
  at: Date;
  actorId: string | null;
  actorTokenId?: string | null;
  organizationId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  prevHash: string;
}

/** The hash of one audit row: its content and the previous row's hash. */
export function auditHash(f: ChainedFields): string {
  return createHash("sha256")
    .update(
      canonicalJson({
        seq: f.seq,
        at: f.at.toISOString(),
        actorId: f.actorId,
        // Only present when set, so rows written before the column existed keep their hashes.
        ...(f.actorTokenId ? { actorTokenId: f.actorTokenId } : {}),
        organizationId: f.organizationId,
        action: f.action,
        entityType: f.entityType,
        entityId: f.entityId,
        before: f.before ?? null,
        after: f.after ?? null,
        ip: f.ip,
        prevHash: f.prevHash,
      }),
    )
    .digest("hex");
}
