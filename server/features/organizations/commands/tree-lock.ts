import { sql } from "drizzle-orm";
import type { Executor } from "../../../db/client";

const TREE_LOCK = 7320119;

/**
 * Serializes changes to the shape of the tree (create, move, (de)activate) for the rest of the
 * transaction. Without it two concurrent moves (A under B, B under A) can each pass the cycle
 * check and leave a loop. Callers read the organizations they check after taking it.
 */
export async function lockTree(tx: Executor) {
  await tx.execute(sql`select pg_advisory_xact_lock(${TREE_LOCK})`);
}
