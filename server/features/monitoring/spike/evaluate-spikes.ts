/**
 * Synthetic evaluation of the spike detector: seeded hourly series with Poisson noise, a daily
 * and a weekly rhythm, and injected spikes of known start — step spikes (a story breaks at full
 * strength), ramps (it builds over three hours), and negative-share spikes (volume as usual,
 * tone turns). Reports detection delay and false alarms.
 *
 *   npx tsx server/features/monitoring/spike/evaluate-spikes.ts [seeds] [weeks]
 */
import { seededRandom } from "../classifier/rng";
import { detectSpikes, type SpikeKind, type SpikeOptions, spikeEpisodes } from "./detect-spikes";

export interface InjectedSpike {
  kind: SpikeKind;
  start: number;
  hours: number;
  shape: "step" | "ramp";
}

export interface SyntheticSeries {
  counts: number[];
  negatives: number[];
  spikes: InjectedSpike[];
}

function poisson(rnd: () => number, lambda: number): number {
  if (lambda > 50) {
    // normal approximation (Box–Muller) for large rates
    const z = Math.sqrt(-2 * Math.log(rnd() || 1e-12)) * Math.cos(2 * Math.PI * rnd());
    return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * z));
  }
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = rnd();
  while (p > limit) {
    k++;
    p *= rnd();
  }
  return k;
}

function binomial(rnd: () => number, n: number, p: number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (rnd() < p) k++;
  return k;
}

/** Mean mentions in hour t of a week starting on Monday 00:00: quiet nights, busy office hours,
 *  weekends at 60 %. */
export function expectedRate(t: number, base: number): number {
  const hour = t % 24;
  const day = Math.floor(t / 24) % 7;
  const daily = 0.12 + 0.88 * Math.max(0, Math.sin((Math.PI * (hour - 5)) / 18)) ** 1.5; // peak ~14:00, low 23:00–05:00
  return base * daily * (day >= 5 ? 0.6 : 1);
}

/** One series of `weeks` weeks with spikes spread over it, some in the first two weeks (the
 *  EWMA fallback's period). */
export function syntheticSeries(seed: number, weeks = 8, base = 40, negativeShare = 0.2): SyntheticSeries {
  const rnd = seededRandom(seed);
  const hours = weeks * 168;
  const rate = Array.from({ length: hours }, (_, t) => expectedRate(t, base));
  const share = new Array<number>(hours).fill(negativeShare);
  const spikes: InjectedSpike[] = [];
  // One spike every ~4.5 days from day 4, at a random hour; kinds and shapes rotate.
  const kinds: [SpikeKind, InjectedSpike["shape"]][] = [
    ["volume", "step"],
    ["negative_share", "step"],
    ["volume", "ramp"],
  ];
  for (let day = 4, i = 0; day < weeks * 7 - 1; day += 4 + Math.floor(rnd() * 2), i++) {
    const [kind, shape] = kinds[i % kinds.length];
    // A tone turn is judged on the hour's mentions, so it is placed in office hours (a night hour
    // has too few mentions to tell 55 % negative from 20 %); volume spikes come at any hour.
    const start = day * 24 + (kind === "negative_share" ? 8 + Math.floor(rnd() * 9) : Math.floor(rnd() * 24));
    const length = 3 + Math.floor(rnd() * 4);
    spikes.push({ kind, start, hours: length, shape });
    for (let h = 0; h < length && start + h < hours; h++) {
      const t = start + h;
      const strength = shape === "ramp" ? Math.min(1, (h + 1) / 3) : 1;
      if (kind === "volume") rate[t] += strength * (1.5 * rate[t] + 20);
      else share[t] = negativeShare + 0.35 * strength;
    }
  }
  const counts = rate.map((r) => poisson(rnd, r));
  const negatives = counts.map((n, t) => binomial(rnd, n, share[t]));
  return { counts, negatives, spikes };
}

export interface SpikeEvaluation {
  seeds: number;
  weeks: number;
  injected: number;
  detected: number;
  /** Hours from a spike's start to its first alert of the right kind. */
  delays: number[];
  meanDelay: number;
  maxDelay: number;
  /** Alert episodes that start outside every injected spike. */
  falseAlarms: number;
  falseAlarmsPerWeek: number;
  byKind: Record<string, { injected: number; detected: number; maxDelay: number; falseAlarms: number }>;
}

export function evaluateSpikes(seeds = 20, weeks = 8, options: Partial<SpikeOptions> = {}): SpikeEvaluation {
  const delays: number[] = [];
  const byKind: SpikeEvaluation["byKind"] = {};
  const kindStats = (k: string) => {
    byKind[k] ??= { injected: 0, detected: 0, maxDelay: 0, falseAlarms: 0 };
    return byKind[k];
  };
  let injected = 0;
  let falseAlarms = 0;
  for (let seed = 1; seed <= seeds; seed++) {
    const series = syntheticSeries(seed, weeks);
    const alerts = detectSpikes(series, options);
    for (const s of series.spikes) {
      injected++;
      const stats = kindStats(s.kind);
      stats.injected++;
      const first = alerts.find((a) => a.kind === s.kind && a.hour >= s.start && a.hour < s.start + s.hours);
      if (!first) continue;
      stats.detected++;
      const delay = first.hour - s.start;
      delays.push(delay);
      stats.maxDelay = Math.max(stats.maxDelay, delay);
    }
    for (const e of spikeEpisodes(alerts)) {
      // An episode is a true alarm when it starts inside a spike of its kind (or just after one:
      // the end of a spike is still elevated).
      const explained = series.spikes.some((s) => s.kind === e.kind && e.firstHour >= s.start && e.firstHour <= s.start + s.hours);
      if (!explained) {
        falseAlarms++;
        kindStats(e.kind).falseAlarms++;
      }
    }
  }
  return {
    seeds,
    weeks,
    injected,
    detected: delays.length,
    delays,
    meanDelay: delays.reduce((s, d) => s + d, 0) / Math.max(1, delays.length),
    maxDelay: Math.max(0, ...delays),
    falseAlarms,
    falseAlarmsPerWeek: falseAlarms / (seeds * weeks),
    byKind,
  };
}

if (process.argv[1]?.endsWith("evaluate-spikes.ts")) {
  const seeds = Number(process.argv[2] ?? 20);
  const weeks = Number(process.argv[3] ?? 8);
  const { delays, ...summary } = evaluateSpikes(seeds, weeks);
  const histogram = delays.reduce<Record<number, number>>((h, d) => {
    h[d] = (h[d] ?? 0) + 1;
    return h;
  }, {});
  console.log(JSON.stringify({ ...summary, delayHistogram: histogram }, null, 2));
}
