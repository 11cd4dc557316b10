import { eq } from "drizzle-orm";
import type { Executor } from "../../../db/client";
import { mediaCooperationForms, mediaEligibilityRules } from "../../../db/schema";
import { newId } from "../../../lib/ids";
import { rootIdOf } from "../../media-relations/commands/media-defaults";

/**
 * Seeded once per organization tree; an admin edits them afterwards. The taxonomy varies by
 * Perbup/Perwali/Pergub (DOMAIN.md §4), so these are a starting point, never constants.
 */
export const DEFAULT_FORMS = [
  { code: "pemberitaan", label: "Pemberitaan (publikasi berita)", category: "pemberitaan" },
  { code: "advertorial", label: "Advertorial", category: "non_pemberitaan" },
  { code: "banner", label: "Iklan display / banner", category: "non_pemberitaan" },
  { code: "running_text", label: "Running text", category: "non_pemberitaan" },
  { code: "talk_show", label: "Talk show", category: "non_pemberitaan" },
  { code: "dokumentasi", label: "Dokumentasi kegiatan", category: "non_pemberitaan" },
] as const;

/** The requirements seen in regulations (e.g. Kaltim Pergub 49/2024), as the starting rule set. */
export const DEFAULT_RULES = [
  { kind: "dewan_pers_status", params: { statuses: ["terverifikasi_administratif", "terverifikasi_faktual"] } },
  { kind: "pemred_ukw_utama", params: {} },
  { kind: "journalists_ukw_min", params: { level: "muda" } },
  { kind: "certificate_valid", params: {} },
] as const;

/** Seeds the forms and rules of the tree's root when it has none yet. */
export async function ensureCooperationDefaults(tx: Executor, path: string) {
  const rootId = rootIdOf(path);
  const [form] = await tx
    .select({ id: mediaCooperationForms.id })
    .from(mediaCooperationForms)
    .where(eq(mediaCooperationForms.organizationId, rootId))
    .limit(1);
  if (!form) {
    await tx
      .insert(mediaCooperationForms)
      .values(DEFAULT_FORMS.map((f, i) => ({ id: newId(), organizationId: rootId, position: i + 1, active: true, ...f })));
  }
  const [rule] = await tx
    .select({ id: mediaEligibilityRules.id })
    .from(mediaEligibilityRules)
    .where(eq(mediaEligibilityRules.organizationId, rootId))
    .limit(1);
  if (!rule) {
    await tx
      .insert(mediaEligibilityRules)
      .values(
        DEFAULT_RULES.map((r, i) => ({ id: newId(), organizationId: rootId, position: i + 1, kind: r.kind, params: { ...r.params } })),
      );
  }
}
