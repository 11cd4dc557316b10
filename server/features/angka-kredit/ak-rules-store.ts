import { asc } from "drizzle-orm";
import type { Executor } from "../../db/client";
import { akJenjangRules, akPredikatRules } from "../../db/schema";
import { newId } from "../../lib/ids";
import {
  DEFAULT_JENJANG_RULES,
  DEFAULT_PREDIKAT_RULES,
  type JenjangCode,
  type JenjangRule,
  type Predikat,
  type PredikatRule,
} from "./ak-rules";

/** The effective-dated AK rules as stored (admins add rows; none is ever rewritten). */
export async function loadAkRules(
  db: Executor,
): Promise<{ jenjang: (JenjangRule & { id: string })[]; predikat: (PredikatRule & { id: string })[] }> {
  const [jenjang, predikat] = await Promise.all([
    db.select().from(akJenjangRules).orderBy(asc(akJenjangRules.jenjang), asc(akJenjangRules.effectiveFrom)),
    db.select().from(akPredikatRules).orderBy(asc(akPredikatRules.predikat), asc(akPredikatRules.effectiveFrom)),
  ]);
  return {
    jenjang: jenjang.map((r) => ({
      id: r.id,
      jenjang: r.jenjang as JenjangCode,
      koefisien: r.koefisien,
      akNextPangkat: r.akNextPangkat,
      akNextJenjang: r.akNextJenjang,
      effectiveFrom: r.effectiveFrom,
    })),
    predikat: predikat.map((r) => ({ id: r.id, predikat: r.predikat as Predikat, percent: r.percent, effectiveFrom: r.effectiveFrom })),
  };
}

/** Seeds the default rules (DOMAIN.md); existing rows, including an admin's, are left alone. */
export async function seedAkRules(db: Executor) {
  await db
    .insert(akJenjangRules)
    .values(DEFAULT_JENJANG_RULES.map((r) => ({ id: newId(), ...r })))
    .onConflictDoNothing();
  await db
    .insert(akPredikatRules)
    .values(DEFAULT_PREDIKAT_RULES.map((r) => ({ id: newId(), ...r })))
    .onConflictDoNothing();
}
