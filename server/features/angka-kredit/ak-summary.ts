import { monthOfDate, parseDate, yearOfMonth } from "./ak-months";
import { akForPeriod, parsePeriod, type RatingPeriod, roundAk, ruleAt } from "./ak-period";
import {
  type Golongan,
  golonganRank,
  isAtLeastBaik,
  isGolonganInJenjang,
  type JenjangCode,
  type JenjangRule,
  jenjangInfo,
  nextGolongan,
  PREDIKAT_LABEL,
  type PredikatRule,
} from "./ak-rules";

/**
 * Cumulative AK in the officer's current jenjang and progress towards kenaikan pangkat and
 * kenaikan jenjang (DOMAIN.md §2). All AK numbers are full precision; round with roundAk to show.
 */

export interface AkSummaryInput {
  officer: {
    jenjang: JenjangCode;
    golongan: Golongan;
    /** TMT (terhitung mulai tanggal) of the current jenjang, 'YYYY-MM-DD'. */
    tmtJenjang: string;
    /** AK carried into the current jenjang (AK integrasi/konversi at the 2023 switch). */
    akAwal?: number;
  };
  ratings: readonly RatingPeriod[];
  asOf: string;
}

/** `met: null` means the data cannot tell (e.g. formasi): shown to the user, does not block. */
export interface AkCondition {
  code: string;
  met: boolean | null;
  label: string;
  detail?: string;
}

export interface AkProgress {
  threshold: number | null;
  remaining: number | null;
  eligibleByAk: boolean;
  conditions: AkCondition[];
}

export interface AkSummary {
  cumulative: number;
  akAwal: number;
  /** Ratings that count towards `cumulative`, by index in the input. */
  counted: { index: number; ak: number }[];
  nextPangkat: AkProgress & { golongan: Golongan | null };
  nextJenjang: AkProgress & { jenjang: JenjangCode | null };
  eligible: { pangkat: boolean; jenjang: boolean };
}

// Sums of twelfths are not exact in binary; 1e-9 keeps a true 50 from reading as 49.999….
const EPSILON = 1e-9;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"];
const fmt = (x: number) => new Intl.NumberFormat("id-ID", { maximumFractionDigits: 2 }).format(roundAk(x));
const monthName = (month: string) => MONTHS[Number(month.slice(5, 7)) - 1];

/**
 * A calendar year meets "predikat ≥ Baik" when it has at least one rating and every rating in
 * it is Baik or Sangat Baik (a year without data is not met: the SKP must exist).
 */
function yearPredikat(ratings: readonly RatingPeriod[], year: number): { met: boolean; text: string } {
  const inYear = ratings.filter((r) => r.startMonth.startsWith(`${year}-`)).sort((a, b) => a.startMonth.localeCompare(b.startMonth));
  if (inYear.length === 0) return { met: false, text: `${year}: belum ada penilaian` };
  const parts = inYear.map((r) => `${PREDIKAT_LABEL[r.predikat]} (${monthName(r.startMonth)}–${monthName(r.endMonth)})`);
  return { met: inYear.every((r) => isAtLeastBaik(r.predikat)), text: `${year}: ${parts.join(", ")}` };
}

function predikatCondition(ratings: readonly RatingPeriod[], years: number[], code: string): AkCondition {
  const statuses = years.map((y) => yearPredikat(ratings, y));
  const span = years.length === 1 ? `1 tahun terakhir (${years[0]})` : `${years.length} tahun terakhir (${years.join(" dan ")})`;
  return {
    code,
    met: statuses.every((s) => s.met),
    label: `Predikat kinerja minimal Baik pada ${span}`,
    detail: statuses.map((s) => s.text).join("; "),
  };
}

function akCondition(cumulative: number, threshold: number): AkCondition {
  const met = cumulative + EPSILON >= threshold;
  const detail = met ? `Saat ini ${fmt(cumulative)}` : `Saat ini ${fmt(cumulative)}; kurang ${fmt(threshold - cumulative)}`;
  return { code: "ak_kumulatif", met, label: `AK kumulatif minimal ${fmt(threshold)}`, detail };
}

function progress(cumulative: number, threshold: number | null, conditions: AkCondition[]): AkProgress {
  if (threshold === null) return { threshold, remaining: null, eligibleByAk: false, conditions };
  return { threshold, remaining: Math.max(0, threshold - cumulative), eligibleByAk: cumulative + EPSILON >= threshold, conditions };
}

const allKnownMet = (conditions: AkCondition[]) => conditions.every((c) => c.met !== false);

/**
 * Choices made where the regulation text is not modelled:
 * - Counted ratings: jenjang equals the current jenjang, start month ≥ the TMT jenjang month
 *   (AK restarts at a jenjang move), and end month ≤ the asOf month (no future periods).
 * - "Last 2 years" / "last year" are the complete calendar years before asOf's year.
 * - Thresholds are the rules in force on asOf.
 * - Kenaikan pangkat: AK accumulates within the jenjang and excess carries over, so the k-th
 *   golongan step above the jenjang's lowest golongan needs k × akNextPangkat cumulative
 *   (Ahli Madya IV/a→IV/b 150, IV/b→IV/c 300; 3 × 150 = 450 = AK for Ahli Utama). For the
 *   two-golongan jenjang this is simply akNextPangkat.
 */
export function akSummary(input: AkSummaryInput, jenjangRules: readonly JenjangRule[], predikatRules: readonly PredikatRule[]): AkSummary {
  const { officer, ratings } = input;
  const info = jenjangInfo(officer.jenjang);
  golonganRank(officer.golongan);
  if (!isGolonganInJenjang(officer.golongan, officer.jenjang)) {
    throw new RangeError(`Golongan ${officer.golongan} di luar rentang jenjang ${info.name} (${info.golonganMin}–${info.golonganMax})`);
  }
  const asOf = parseDate(input.asOf, "Tanggal acuan");
  const asOfMonth = monthOfDate(asOf, "Tanggal acuan");
  const tmtMonth = monthOfDate(officer.tmtJenjang, "TMT jenjang");
  if (officer.tmtJenjang > asOf) throw new RangeError(`TMT jenjang (${officer.tmtJenjang}) setelah tanggal acuan (${asOf})`);
  const akAwal = officer.akAwal ?? 0;
  if (!Number.isFinite(akAwal) || akAwal < 0) throw new RangeError(`AK awal harus bilangan ≥ 0, diterima ${akAwal}`);

  // Validate every rating (not only counted ones) so bad rows surface, and reject double-rated months.
  const spans = ratings.map((r, index) => ({ index, ...parsePeriod(r) })).sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i].start <= spans[i - 1].end) {
      const [a, b] = [ratings[spans[i - 1].index], ratings[spans[i].index]];
      throw new RangeError(`Periode penilaian tumpang tindih: ${a.startMonth}–${a.endMonth} dan ${b.startMonth}–${b.endMonth}`);
    }
  }

  const counted = spans
    .filter((s) => ratings[s.index].jenjang === officer.jenjang && s.start >= tmtMonth && s.end <= asOfMonth)
    .map((s) => ({ index: s.index, ak: akForPeriod(ratings[s.index], jenjangRules, predikatRules).ak }));
  const cumulative = akAwal + counted.reduce((sum, c) => sum + c.ak, 0);

  const rule = ruleAt(jenjangRules, officer.jenjang, asOf);
  if (!rule) throw new RangeError(`Tidak ada aturan AK untuk jenjang ${info.name} yang berlaku pada ${asOf}`);
  const year = yearOfMonth(asOfMonth);

  // Kenaikan pangkat within the jenjang.
  const next = nextGolongan(officer.golongan);
  const pangkatConditions: AkCondition[] = [];
  let pangkatThreshold: number | null = null;
  if (next && isGolonganInJenjang(next, officer.jenjang)) {
    pangkatThreshold = (golonganRank(next) - golonganRank(info.golonganMin)) * rule.akNextPangkat;
    pangkatConditions.push(akCondition(cumulative, pangkatThreshold));
  }
  pangkatConditions.push(predikatCondition(ratings, [year - 2, year - 1], "predikat_2_tahun"));
  pangkatConditions.push({
    code: "golongan_dalam_jenjang",
    met: pangkatThreshold !== null,
    label: `Golongan berikutnya dalam rentang jenjang ${info.name} (${info.golonganMin}–${info.golonganMax})`,
    detail:
      pangkatThreshold !== null
        ? `${officer.golongan} → ${next}`
        : `${officer.golongan} adalah golongan tertinggi jenjang ini; kenaikan pangkat berikutnya melalui kenaikan jenjang`,
  });

  // Kenaikan jenjang within the kategori.
  const nextInfo = info.next ? jenjangInfo(info.next) : null;
  const jenjangConditions: AkCondition[] = [];
  const jenjangThreshold = nextInfo ? rule.akNextJenjang : null;
  if (!nextInfo || jenjangThreshold === null) {
    jenjangConditions.push({
      code: "jenjang_berikutnya",
      met: false,
      label: `Jenjang berikutnya dalam kategori ${info.kategori}`,
      detail: `${info.name} adalah jenjang tertinggi kategori ${info.kategori}`,
    });
  } else {
    jenjangConditions.push(
      akCondition(cumulative, jenjangThreshold),
      predikatCondition(ratings, [year - 1], "predikat_1_tahun"),
      { code: "formasi_tersedia", met: null, label: `Tersedia formasi jenjang ${nextInfo.name}`, detail: "Periksa ke instansi" },
      {
        code: "uji_kompetensi",
        met: null,
        label: `Lulus uji kompetensi jenjang ${nextInfo.name}`,
        detail: "Periksa sertifikat uji kompetensi",
      },
    );
  }

  const nextPangkat = { golongan: pangkatThreshold !== null ? next : null, ...progress(cumulative, pangkatThreshold, pangkatConditions) };
  const nextJenjang = { jenjang: nextInfo?.code ?? null, ...progress(cumulative, jenjangThreshold, jenjangConditions) };
  return {
    cumulative,
    akAwal,
    counted: counted.sort((a, b) => a.index - b.index),
    nextPangkat,
    nextJenjang,
    eligible: { pangkat: allKnownMet(pangkatConditions), jenjang: allKnownMet(jenjangConditions) },
  };
}
