/**
 * Officers' tone corrections as training examples: the sentence window the mention was judged
 * on, labelled with the officer's tone. When a mention was corrected more than once, the last
 * word counts.
 */
import { sql } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import type { Example } from "../classifier/train-softmax";
import { TONE_LABELS } from "./tone-model";

export async function readToneCorrections(db: Executor): Promise<Example[]> {
  const res = await db.execute(sql`select distinct on (coalesce(article_id::text, id::text), coalesce(watchlist_id::text, ''))
      text, tone from tone_corrections where length(trim(text)) > 0
      order by coalesce(article_id::text, id::text), coalesce(watchlist_id::text, ''), created_at desc`);
  return (res as unknown as { rows: { text: string; tone: string }[] }).rows
    .filter((r) => (TONE_LABELS as readonly string[]).includes(r.tone))
    .map((r) => ({ text: r.text, label: r.tone }));
}

/** Reads the corrections from a database URL (PostgreSQL), closing the connection afterwards. */
export async function readToneCorrectionsFrom(databaseUrl: string): Promise<Example[]> {
  const { openDatabase } = await import("../../../db/client");
  const database = await openDatabase({ databaseUrl, poolSize: 1 });
  try {
    return await readToneCorrections(database.db);
  } finally {
    await database.close();
  }
}
