import { asc, gt } from "drizzle-orm";
import type { Db } from "../../db/client";
import { auditLog } from "../../db/schema";
import { auditHash, GENESIS_HASH } from "./audit-chain";

export type ChainReport =
  | { ok: true; rows: number; head: { seq: number; hash: string } | null }
  | { ok: false; rows: number; brokenAtSeq: number; reason: string };

/** Walks the chain in order and reports the first row whose link or content does not hold. */
export async function verifyAuditChain(db: Db, batch = 1000): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let rows = 0;
  for (;;) {
    const page = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, expectedSeq - 1))
      .orderBy(asc(auditLog.seq))
      .limit(batch);
    if (page.length === 0) return { ok: true, rows, head: rows ? { seq: expectedSeq - 1, hash: prevHash } : null };
    for (const row of page) {
      if (row.seq !== expectedSeq) return { ok: false, rows, brokenAtSeq: expectedSeq, reason: "missing row" };
      if (row.prevHash !== prevHash) return { ok: false, rows, brokenAtSeq: row.seq, reason: "previous hash does not match" };
      if (auditHash(row) !== row.hash) return { ok: false, rows, brokenAtSeq: row.seq, reason: "row content changed" };
      prevHash = row.hash;
      expectedSeq++;
      rows++;
    }
  }
}
