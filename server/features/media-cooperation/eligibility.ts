import { and, eq, inArray, isNull } from "drizzle-orm";
import { UKW_LEVELS } from "../../../common/media-relations-enums";
import type { Executor } from "../../db/client";
import type { EligibilityCheck, EligibilityRuleResult } from "../../db/schema";
import { journalistMemberships, journalists, mediaOutlets } from "../../db/schema";
import { AppError } from "../../http/errors";
import { longDate } from "../reports/report-format";
import { effectiveCooperationRules } from "./commands/cooperation-settings";

const STATUS_NAME: Record<string, string> = {
  tidak_terdaftar: "tidak terdaftar",
  terverifikasi_administratif: "terverifikasi administratif",
  terverifikasi_faktual: "terverifikasi faktual",
};
const UKW_NAME: Record<string, string> = { muda: "Muda", madya: "Madya", utama: "Utama" };
const rank = (level: string | null) => (level ? UKW_LEVELS.indexOf(level as never) : -1);

interface Facts {
  outlet: { name: string; dewanPersStatus: string; certificateExpiresOn: string | null };
  editors: { name: string; ukwLevel: string | null }[];
  contracted: { name: string; ukwLevel: string | null }[];
  /** The date the check is about: today at creation, the payment date at payment. */
  on: string;
}

/** Each rule kind judges the facts and says why in Indonesian (shown on the contract and in the SPJ). */
function judge(kind: string, params: Record<string, unknown>, f: Facts): EligibilityRuleResult {
  switch (kind) {
    case "dewan_pers_status": {
      const allowed = (params.statuses as string[]) ?? [];
      const wanted = allowed.map((s) => STATUS_NAME[s] ?? s).join(" atau ");
      const passed = allowed.includes(f.outlet.dewanPersStatus);
      const status = STATUS_NAME[f.outlet.dewanPersStatus] ?? f.outlet.dewanPersStatus;
      return {
        kind,
        passed,
        reason: passed ? `Status Dewan Pers ${status} memenuhi syarat (${wanted}).` : `Status Dewan Pers ${status}; disyaratkan ${wanted}.`,
      };
    }
    case "pemred_ukw_utama": {
      const utama = f.editors.find((e) => e.ukwLevel === "utama");
      if (utama) return { kind, passed: true, reason: `Pemimpin redaksi ${utama.name} memegang sertifikat UKW Utama.` };
      if (!f.editors.length) return { kind, passed: false, reason: "Pemimpin redaksi media ini belum tercatat; disyaratkan UKW Utama." };
      const list = f.editors.map((e) => `${e.name} (${e.ukwLevel ? `UKW ${UKW_NAME[e.ukwLevel]}` : "belum UKW"})`).join(", ");
      return { kind, passed: false, reason: `Pemimpin redaksi ${list} belum memegang UKW Utama.` };
    }
    case "journalists_ukw_min": {
      const level = String(params.level ?? "muda");
      if (!f.contracted.length) {
        return {
          kind,
          passed: true,
          reason: `Tidak ada wartawan yang dicantumkan dalam kontrak; syarat UKW ${UKW_NAME[level]} tidak berlaku.`,
        };
      }
      const below = f.contracted.filter((j) => rank(j.ukwLevel) < rank(level));
      if (!below.length) {
        return {
          kind,
          passed: true,
          reason: `Semua wartawan yang dikontrak (${f.contracted.length}) memegang UKW minimal ${UKW_NAME[level]}.`,
        };
      }
      const list = below.map((j) => `${j.name} (${j.ukwLevel ? `UKW ${UKW_NAME[j.ukwLevel]}` : "belum UKW"})`).join(", ");
      return { kind, passed: false, reason: `Wartawan di bawah UKW ${UKW_NAME[level]}: ${list}.` };
    }
    case "certificate_valid": {
      const until = f.outlet.certificateExpiresOn;
      if (!until) return { kind, passed: false, reason: "Masa berlaku sertifikat Dewan Pers belum tercatat." };
      if (until < f.on) return { kind, passed: false, reason: `Sertifikat Dewan Pers kedaluwarsa sejak ${longDate(until)}.` };
      return { kind, passed: true, reason: `Sertifikat Dewan Pers berlaku sampai ${longDate(until)}.` };
    }
    default:
      return { kind, passed: false, reason: `Aturan ${kind} tidak dikenal.` };
  }
}

/**
 * Runs the eligibility rules that apply at the contracting organization against the outlet as
 * it is now: its Dewan Pers status and certificate, its pemimpin redaksi, the named journalists.
 */
export async function checkEligibility(
  tx: Executor,
  orgPath: string,
  outletId: string,
  journalistIds: string[],
  on: string,
): Promise<EligibilityCheck> {
  const { rules } = await effectiveCooperationRules(tx, orgPath);
  const [outlet] = await tx
    .select({
      name: mediaOutlets.name,
      dewanPersStatus: mediaOutlets.dewanPersStatus,
      certificateExpiresOn: mediaOutlets.certificateExpiresOn,
    })
    .from(mediaOutlets)
    .where(eq(mediaOutlets.id, outletId));
  if (!outlet) throw new AppError(404, "not_found");
  const editors = await tx
    .select({ name: journalists.name, ukwLevel: journalists.ukwLevel })
    .from(journalistMemberships)
    .innerJoin(journalists, eq(journalists.id, journalistMemberships.journalistId))
    .where(
      and(eq(journalistMemberships.outletId, outletId), eq(journalistMemberships.role, "pemimpin_redaksi"), isNull(journalists.erasedAt)),
    );
  const contracted = journalistIds.length
    ? await tx
        .select({ name: journalists.name, ukwLevel: journalists.ukwLevel })
        .from(journalists)
        .where(and(inArray(journalists.id, journalistIds), isNull(journalists.erasedAt)))
    : [];
  const facts: Facts = { outlet, editors, contracted, on };
  const results = rules.map((r) => judge(r.kind, r.params, facts));
  return { checkedAt: new Date().toISOString(), passed: results.every((r) => r.passed), rules: results };
}

/**
 * A failed check blocks unless the actor may override and wrote why. Returns the override to
 * store (null when the check passed), or throws 409 naming each failed rule.
 */
export function decideOverride(check: EligibilityCheck, reason: string | undefined, mayOverride: boolean) {
  if (check.passed) return null;
  const failed = check.rules.filter((r) => !r.passed);
  if (!reason) {
    throw new AppError(
      409,
      "media_contract_ineligible",
      { rules: failed.map((r) => r.reason).join(" ") },
      Object.fromEntries(
        failed.map((r) => [`eligibility.${r.kind}`, { code: "eligibility_rule_failed" as const, params: { reason: r.reason } }]),
      ),
    );
  }
  if (!mayOverride) throw new AppError(403, "media_contract_override_forbidden");
  return reason;
}
