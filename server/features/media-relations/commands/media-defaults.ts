import { eq } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { mediaRelationsSettings, outletGradingRules } from "../../../db/schema";
import { newId } from "../../../lib/ids";

/** Seeded once per organization tree; an admin edits the rows afterwards (DOMAIN.md §4, *verify*). */
export const DEFAULT_WARNING_DAYS = 90;

/** The Kaltim example (Pergub 49/2024) as the starting rule set of a tree. */
export const DEFAULT_GRADES = [
  { grade: "A", dewanPersStatuses: ["terverifikasi_faktual"], description: "Terverifikasi faktual Dewan Pers" },
  {
    grade: "B",
    dewanPersStatuses: ["terverifikasi_administratif"],
    description: "Terverifikasi administratif atau pendaftaran sedang diproses",
  },
  {
    grade: "C",
    dewanPersStatuses: ["tidak_terdaftar"],
    description: "Memenuhi persyaratan Pergub, verifikasi Dewan Pers sedang berjalan",
  },
];

/** The root organization id of a materialized path ("/root/child/" → "root"). */
export const rootIdOf = (path: string) => path.split("/").filter(Boolean)[0];

/** Seeds the settings row and the grading rules of the tree's root when it has none yet. */
export async function ensureMediaDefaults(tx: Executor, path: string) {
  const rootId = rootIdOf(path);
  await tx
    .insert(mediaRelationsSettings)
    .values({ organizationId: rootId, certificateWarningDays: DEFAULT_WARNING_DAYS })
    .onConflictDoNothing();
  const [existing] = await tx
    .select({ id: outletGradingRules.id })
    .from(outletGradingRules)
    .where(eq(outletGradingRules.organizationId, rootId))
    .limit(1);
  if (existing) return;
  await tx
    .insert(outletGradingRules)
    .values(DEFAULT_GRADES.map((g, i) => ({ id: newId(), organizationId: rootId, position: i + 1, ...g })));
}
