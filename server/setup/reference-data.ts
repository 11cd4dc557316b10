import type { Db } from "../db/client";
import { hasilKerjaTypes } from "../db/schema";
import { seedAkRules } from "../features/angka-kredit/ak-rules-store";
import { DEFAULT_CATALOGUE } from "../features/hasil-kerja/default-catalogue";
import { newId } from "../lib/ids";

/**
 * Seeded reference data an admin may edit (DOMAIN.md: values marked *verify*): the AK rules
 * and the hasil kerja catalogue. Inserted when missing at every start; edits are never undone.
 */
export async function ensureReferenceData(db: Db) {
  await db.transaction(async (tx) => {
    await seedAkRules(tx);
    await tx
      .insert(hasilKerjaTypes)
      .values(DEFAULT_CATALOGUE.map((c) => ({ id: newId(), ...c })))
      .onConflictDoNothing();
  });
}
