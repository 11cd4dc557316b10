/**
 * Spike detection on hourly mention counts, against a trailing baseline.
 *
 * Volume: the hour is compared with the *same hour of the week* in the previous `weeks` weeks
 * (news has a strong daily and weekly rhythm: 03:00 on a Sunday is not 10:00 on a Monday). The
 * robust z-score is (count − median) / scale, scale = max(1.4826·MAD, √median): MAD is the
 * robust spread and √(median·(1 + π/2n)) the Poisson floor (the count's noise plus the noise of
 * a median of n weeks), because with four weeks of history MAD is often 0 or 1 and would make any
 * small bump a spike. A past spike in one of those weeks moves the
 * median little, which is why the median and not the mean.
 * With fewer than `minWeeks` weeks of history (a new watchlist's first week), the fallback is an EWMA of the
 * same hour of the *day* over the previous days (needs `ewmaMinDays`), the same z rule.
 *
 * Negative share: the negative count of the hour against a binomial baseline, the pooled
 * negative share of the previous `shareBaselineHours` hours (tone share has no strong daily
 * rhythm, and pooling a week gives a stable rate): z = (neg − n·p₀) / √(n·p₀·(1−p₀)).
 *
 * Both rules also need an absolute effect (minimum count, minimum excess, minimum share rise),
 * so a quiet watchlist going from 1 to 6 mentions at night is not a spike.
 */

export interface HourlySeries {
  /** Mentions per hour, oldest first; index = hour number. */
  counts: readonly number[];
  /** Negative-tone mentions per hour (≤ counts), same indexing. */
  negatives?: readonly number[];
  /** Start of hour 0 (epoch ms), only to put times on the spikes. */
  start?: number;
}

export interface SpikeOptions {
  /** Weeks of same-hour-of-week history for the robust baseline. */
  weeks: number;
  /** Fewer weeks than this → the EWMA fallback. */
  minWeeks: number;
  zThreshold: number;
  /** The hour needs at least this many mentions… */
  minCount: number;
  /** …and this many more than the baseline. */
  minExcess: number;
  ewmaAlpha: number;
  /** Days of same-hour-of-day history the EWMA needs before it may alert. */
  ewmaMinDays: number;
  /** Days the EWMA looks back. */
  ewmaDays: number;
  shareZThreshold: number;
  /** Mentions the hour needs before its negative share is judged. */
  shareMinCount: number;
  /** Negative share must exceed the baseline share by at least this much (absolute). */
  shareMinRise: number;
  shareBaselineHours: number;
}

export const DEFAULT_SPIKE_OPTIONS: SpikeOptions = {
  weeks: 4,
  minWeeks: 1,
  zThreshold: 4,
  minCount: 10,
  minExcess: 8,
  ewmaAlpha: 0.3,
  ewmaMinDays: 3,
  ewmaDays: 14,
  shareZThreshold: 3.5,
  shareMinCount: 10,
  shareMinRise: 0.15,
  shareBaselineHours: 168,
};

export type SpikeKind = "volume" | "negative_share";
export type BaselineMethod = "hour_of_week" | "ewma" | "pooled_share";

export interface Spike {
  hour: number;
  /** Start of the hour, when the series has a start. */
  at?: Date;
  kind: SpikeKind;
  /** The hour's count (volume) or negative share (negative_share). */
  value: number;
  /** The expected count or share. */
  baseline: number;
  /** z-score: how many scale units above the baseline. */
  magnitude: number;
  /** value / baseline (baseline floored at 1 count or 1 %). */
  ratio: number;
  method: BaselineMethod;
}

const HOURS_PER_WEEK = 168;

function median(sorted: number[]): number {
  const n = sorted.length;
  return n % 2 ? sorted[(n - 1) >> 1] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

interface Baseline {
  expected: number;
  scale: number;
  method: BaselineMethod;
}

/** Expected volume for hour t from the hours before it, or null while there is too little history. */
export function volumeBaseline(counts: readonly number[], t: number, o: SpikeOptions = DEFAULT_SPIKE_OPTIONS): Baseline | null {
  const history: number[] = [];
  for (let k = 1; k <= o.weeks && t - k * HOURS_PER_WEEK >= 0; k++) history.push(counts[t - k * HOURS_PER_WEEK]);
  if (history.length >= o.minWeeks) {
    history.sort((a, b) => a - b);
    const m = median(history);
    const mad = median(history.map((x) => Math.abs(x - m)).sort((a, b) => a - b));
    // Poisson floor: Var(count − median of n) ≈ λ·(1 + π/2n), the median's own noise included.
    // λ is taken as the larger of median and mean: a low median from a few quiet weeks must not
    // shrink the floor (the mean, pulled up by past spikes, only makes the test stricter).
    const mean = history.reduce((sum, x) => sum + x, 0) / history.length;
    const floor = Math.sqrt(Math.max(m, mean, 1) * (1 + Math.PI / (2 * history.length)));
    return { expected: m, scale: Math.max(1.4826 * mad, floor), method: "hour_of_week" };
  }
  const days: number[] = [];
  for (let d = Math.min(o.ewmaDays, Math.floor(t / 24)); d >= 1; d--) days.push(counts[t - 24 * d]);
  if (days.length < o.ewmaMinDays) return null;
  let level = days[0];
  let variance = 0;
  for (let i = 1; i < days.length; i++) {
    const diff = days[i] - level;
    level += o.ewmaAlpha * diff;
    variance = (1 - o.ewmaAlpha) * (variance + o.ewmaAlpha * diff * diff);
  }
  // Same floor for an EWMA level: its own variance is λ·α/(2−α).
  const floor = Math.sqrt(Math.max(level, 1) * (1 + o.ewmaAlpha / (2 - o.ewmaAlpha)));
  return { expected: level, scale: Math.max(Math.sqrt(variance), floor), method: "ewma" };
}

/** Judges one hour (the newest, when called as data arrives); returns its spikes (0–2). */
export function assessHour(series: HourlySeries, t: number, options: Partial<SpikeOptions> = {}): Spike[] {
  const o = { ...DEFAULT_SPIKE_OPTIONS, ...options };
  const out: Spike[] = [];
  const at = series.start === undefined ? undefined : new Date(series.start + t * 3_600_000);
  const x = series.counts[t];
  const base = volumeBaseline(series.counts, t, o);
  if (base) {
    const z = (x - base.expected) / base.scale;
    if (z >= o.zThreshold && x >= o.minCount && x - base.expected >= o.minExcess) {
      out.push({
        hour: t,
        at,
        kind: "volume",
        value: x,
        baseline: base.expected,
        magnitude: z,
        ratio: x / Math.max(base.expected, 1),
        method: base.method,
      });
    }
  }
  const neg = series.negatives;
  if (neg && x >= o.shareMinCount) {
    let n = 0;
    let k = 0;
    for (let h = Math.max(0, t - o.shareBaselineHours); h < t; h++) {
      n += series.counts[h];
      k += neg[h];
    }
    if (n >= o.shareMinCount) {
      const p0 = (k + 1) / (n + 2); // Laplace: a history without negatives is not a zero rate
      const share = neg[t] / x;
      const z = (neg[t] - x * p0) / Math.sqrt(x * p0 * (1 - p0));
      if (z >= o.shareZThreshold && share - p0 >= o.shareMinRise) {
        out.push({
          hour: t,
          at,
          kind: "negative_share",
          value: share,
          baseline: p0,
          magnitude: z,
          ratio: share / Math.max(p0, 0.01),
          method: "pooled_share",
        });
      }
    }
  }
  return out;
}

/** Every spike in a series, hour by hour, each judged only on the hours before it. */
export function detectSpikes(series: HourlySeries, options: Partial<SpikeOptions> = {}): Spike[] {
  const out: Spike[] = [];
  for (let t = 0; t < series.counts.length; t++) out.push(...assessHour(series, t, options));
  return out;
}

export interface SpikeEpisode {
  kind: SpikeKind;
  firstHour: number;
  lastHour: number;
  peak: Spike;
}

/** Merges alerts of one kind in consecutive hours (gap ≤ `maxGap` hours) into episodes. */
export function spikeEpisodes(spikes: readonly Spike[], maxGap = 1): SpikeEpisode[] {
  const out: SpikeEpisode[] = [];
  const open = new Map<SpikeKind, SpikeEpisode>();
  for (const s of [...spikes].sort((a, b) => a.hour - b.hour)) {
    const current = open.get(s.kind);
    if (current && s.hour - current.lastHour <= maxGap) {
      current.lastHour = s.hour;
      if (s.magnitude > current.peak.magnitude) current.peak = s;
    } else {
      const episode = { kind: s.kind, firstHour: s.hour, lastHour: s.hour, peak: s };
      out.push(episode);
      open.set(s.kind, episode);
    }
  }
  return out;
}
