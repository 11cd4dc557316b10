import { firstDayOfMonth, formatMonth, parseDate, parseMonth, yearOfMonth } from "./ak-months";
import { isJenjang, isPredikat, type JenjangCode, type JenjangRule, type Predikat, type PredikatRule } from "./ak-rules";

/**
 * AK conversion per Peraturan BKN 3/2023: AK = (months / 12) × predikat% × koefisien.
 * Pure functions; the effective-dated rules come in as data.
 */

/** Latest rule with effectiveFrom ≤ date; on equal dates the later array entry wins. */
function inForce<R extends { effectiveFrom: string }>(rules: readonly R[], date: string): R | undefined {
  let found: R | undefined;
  // ISO dates compare correctly as strings.
  for (const rule of rules) if (rule.effectiveFrom <= date && (!found || rule.effectiveFrom >= found.effectiveFrom)) found = rule;
  return found;
}

/**
 * The jenjang rule in force on `date` (YYYY-MM-DD): a new row applies from its effectiveFrom
 * onwards and leaves earlier periods on the old row. Undefined when none is in force yet.
 */
export function ruleAt(rules: readonly JenjangRule[], jenjang: JenjangCode, date: string): JenjangRule | undefined {
  parseDate(date, "Tanggal");
  return inForce(
    rules.filter((r) => r.jenjang === jenjang),
    date,
  );
}

/** The predikat percentage rule in force on `date`, same semantics as ruleAt. */
export function predikatRuleAt(rules: readonly PredikatRule[], predikat: Predikat, date: string): PredikatRule | undefined {
  parseDate(date, "Tanggal");
  return inForce(
    rules.filter((r) => r.predikat === predikat),
    date,
  );
}

/**
 * Rounds half-up to 2 decimals, as BKN displays AK (2/12 × 100% × 12.5 = 2.0833 → 2.08).
 * toPrecision(12) first removes binary noise (1.005 × 100 = 100.4999…), so true halves round up;
 * negatives round away from zero symmetrically. Use for display only: sums use full precision.
 */
export function roundAk(x: number): number {
  if (!Number.isFinite(x)) throw new RangeError(`AK harus bilangan hingga, diterima ${x}`);
  const scaled = Number((Math.abs(x) * 100).toPrecision(12));
  return (Math.sign(x) * Math.round(scaled)) / 100 || 0;
}

export interface RatingPeriod {
  jenjang: JenjangCode;
  predikat: Predikat;
  /** First rated month, 'YYYY-MM'. */
  startMonth: string;
  /** Last rated month, inclusive, 'YYYY-MM'; same calendar year as startMonth. */
  endMonth: string;
}

export interface AkSegment {
  fromMonth: string;
  toMonth: string;
  months: number;
  koefisien: number;
  percent: number;
  /** Full precision; round with roundAk for display. */
  ak: number;
}

export interface AkPeriodResult {
  months: number;
  /** Full precision sum of the segments. */
  ak: number;
  breakdown: AkSegment[];
}

/** Validates a period's shape and returns its month indexes. */
export function parsePeriod(period: RatingPeriod): { start: number; end: number } {
  if (!isJenjang(period.jenjang)) throw new RangeError(`Jenjang tidak dikenal: "${period.jenjang}"`);
  if (!isPredikat(period.predikat)) throw new RangeError(`Predikat tidak dikenal: "${period.predikat}"`);
  const start = parseMonth(period.startMonth, "Bulan awal");
  const end = parseMonth(period.endMonth, "Bulan akhir");
  if (end < start) throw new RangeError(`Bulan akhir (${period.endMonth}) sebelum bulan awal (${period.startMonth})`);
  // SKP ratings are annual: a period crossing a year boundary is two ratings, not one.
  if (yearOfMonth(end) !== yearOfMonth(start)) {
    throw new RangeError(`Periode penilaian harus dalam satu tahun kalender (${period.startMonth} s.d. ${period.endMonth})`);
  }
  return { start, end };
}

/**
 * AK of one rating period. Rather than applying the rule in force at the start month to the
 * whole period, each month uses the rules in force on its first day, and consecutive months
 * under the same rules form one breakdown segment: a koefisien change on 2024-07-01 then
 * affects July onwards only, exactly as the regulation's effective date intends.
 */
export function akForPeriod(
  period: RatingPeriod,
  jenjangRules: readonly JenjangRule[],
  predikatRules: readonly PredikatRule[],
): AkPeriodResult {
  const { start, end } = parsePeriod(period);
  const breakdown: AkSegment[] = [];
  let current: { from: number; jenjangRule: JenjangRule; predikatRule: PredikatRule } | undefined;
  const close = (to: number) => {
    if (!current) return;
    const months = to - current.from + 1;
    const { koefisien } = current.jenjangRule;
    const { percent } = current.predikatRule;
    // One division at the end keeps exact results exact (12 × 150 × 12.5 / 1200 = 18.75).
    const ak = (months * percent * koefisien) / 1200;
    breakdown.push({ fromMonth: formatMonth(current.from), toMonth: formatMonth(to), months, koefisien, percent, ak });
  };
  for (let month = start; month <= end; month++) {
    const day = firstDayOfMonth(month);
    const jenjangRule = ruleAt(jenjangRules, period.jenjang, day);
    if (!jenjangRule) throw new RangeError(`Tidak ada aturan koefisien untuk jenjang ${period.jenjang} yang berlaku pada ${day}`);
    const predikatRule = predikatRuleAt(predikatRules, period.predikat, day);
    if (!predikatRule) throw new RangeError(`Tidak ada aturan persentase untuk predikat ${period.predikat} yang berlaku pada ${day}`);
    if (current && (current.jenjangRule !== jenjangRule || current.predikatRule !== predikatRule)) {
      close(month - 1);
      current = undefined;
    }
    current ??= { from: month, jenjangRule, predikatRule };
  }
  close(end);
  return { months: end - start + 1, ak: breakdown.reduce((sum, s) => sum + s.ak, 0), breakdown };
}
