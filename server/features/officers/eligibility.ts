import { inArray } from "drizzle-orm";
import type { Golongan, Jenjang, Predikat } from "../../../common/pranata-humas";
import type { Executor } from "../../db/client";
import { officerRatings, officers } from "../../db/schema";
import { akSummary } from "../angka-kredit/ak-calculator";
import { loadAkRules } from "../angka-kredit/ak-rules-store";

export interface EligibilityFlags {
  pangkat: boolean;
  jenjang: boolean;
}

/**
 * Which officers of a page have become eligible for kenaikan pangkat or jenjang (every known
 * condition met), computed with the rules in force today. Two queries for the whole page.
 */
export async function eligibilityFlags(db: Executor, ids: string[], today = new Date()): Promise<Map<string, EligibilityFlags>> {
  const flags = new Map<string, EligibilityFlags>();
  if (ids.length === 0) return flags;
  const [rows, ratings, rules] = await Promise.all([
    db.select().from(officers).where(inArray(officers.id, ids)),
    db.select().from(officerRatings).where(inArray(officerRatings.officerId, ids)),
    loadAkRules(db),
  ]);
  const asOf = today.toISOString().slice(0, 10);
  for (const o of rows) {
    try {
      const s = akSummary(
        {
          officer: { jenjang: o.jenjang as Jenjang, golongan: o.golongan as Golongan, tmtJenjang: o.tmtJabatan, akAwal: o.akAwal },
          ratings: ratings
            .filter((r) => r.officerId === o.id)
            .map((r) => ({
              jenjang: r.jenjang as Jenjang,
              predikat: r.predikat as Predikat,
              startMonth: r.startMonth,
              endMonth: r.endMonth,
            })),
          asOf,
        },
        rules.jenjang,
        rules.predikat,
      );
      flags.set(o.id, s.eligible);
    } catch {
      flags.set(o.id, { pangkat: false, jenjang: false });
    }
  }
  return flags;
}
