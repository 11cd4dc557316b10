import { describe, expect, it } from "vitest";
import { assessHour, detectSpikes, spikeEpisodes, volumeBaseline } from "./detect-spikes";
import { evaluateSpikes, expectedRate, syntheticSeries } from "./evaluate-spikes";

/** A noise-free weekly pattern: the rhythm alone must never alert. */
const rhythm = (weeks: number) => Array.from({ length: weeks * 168 }, (_, t) => Math.round(expectedRate(t, 40)));

describe("detectSpikes", () => {
  it("does not alert on the daily and weekly rhythm itself", () => {
    expect(detectSpikes({ counts: rhythm(6) })).toEqual([]);
  });

  it("reports a spike with its baseline, magnitude and method", () => {
    const counts = rhythm(5);
    const t = 4 * 168 + 24 * 2 + 10; // Wednesday 10:00 of week 5
    const normal = counts[t];
    counts[t] = normal * 3;
    const start = Date.UTC(2026, 0, 5);
    const spikes = detectSpikes({ counts, start });
    expect(spikes).toHaveLength(1);
    expect(spikes[0]).toMatchObject({ hour: t, kind: "volume", value: normal * 3, baseline: normal, method: "hour_of_week" });
    expect(spikes[0].ratio).toBeCloseTo(3);
    expect(spikes[0].magnitude).toBeGreaterThan(4);
    expect(spikes[0].at?.toISOString()).toBe(new Date(start + t * 3_600_000).toISOString());
  });

  it("falls back to an EWMA of the same hour of day in the first week", () => {
    const counts = rhythm(1);
    expect(volumeBaseline(counts, 30)).toBeNull(); // day 2: too little history
    const t = 24 * 4 + 11;
    expect(volumeBaseline(counts, t)?.method).toBe("ewma");
    counts[t] += 60;
    expect(detectSpikes({ counts }).map((s) => [s.hour, s.method])).toEqual([[t, "ewma"]]);
  });

  it("needs an absolute effect, not only a z-score", () => {
    const counts = new Array(3 * 168).fill(1);
    counts[2 * 168 + 3] = 7; // z is large, but 7 mentions are not a spike
    expect(detectSpikes({ counts })).toEqual([]);
    counts[2 * 168 + 3] = 12;
    expect(detectSpikes({ counts })).toHaveLength(1);
  });

  it("flags a rise in the negative share at unchanged volume", () => {
    const counts = new Array(2 * 168).fill(40);
    const negatives = counts.map((n) => n / 5);
    const t = 2 * 168 - 1;
    expect(assessHour({ counts, negatives }, t)).toEqual([]);
    negatives[t] = 22;
    const [spike] = assessHour({ counts, negatives }, t);
    expect(spike).toMatchObject({ kind: "negative_share", value: 0.55, method: "pooled_share" });
    expect(spike.baseline).toBeCloseTo(0.2, 2);
  });

  it("merges consecutive alert hours into episodes", () => {
    const counts = rhythm(3);
    const t = 2 * 168 + 12;
    for (let h = 0; h < 4; h++) counts[t + h] += 80;
    const episodes = spikeEpisodes(detectSpikes({ counts }));
    expect(episodes).toHaveLength(1);
    expect(episodes[0]).toMatchObject({ kind: "volume", firstHour: t, lastHour: t + 3 });
  });
});

describe("synthetic evaluation (20 seeded series × 8 weeks, Poisson noise, daily and weekly rhythm)", () => {
  const result = evaluateSpikes(20, 8);

  it("is reproducible", () => {
    expect(syntheticSeries(7).counts).toEqual(syntheticSeries(7).counts);
  });

  it("detects the injected spikes within 2 hours with few false alarms", () => {
    const { delays, ...summary } = result;
    console.log("spike evaluation:", JSON.stringify(summary));
    expect(result.injected).toBeGreaterThan(200);
    // every volume spike is found; a tone turn may be lost in binomial noise once in a while
    expect(result.byKind.volume.detected).toBe(result.byKind.volume.injected);
    expect(result.detected / result.injected).toBeGreaterThanOrEqual(0.99);
    const withinTwoHours = delays.filter((d) => d <= 2).length;
    expect(withinTwoHours / result.injected).toBeGreaterThanOrEqual(0.97);
    expect(result.meanDelay).toBeLessThan(1);
    // bound: under one false alarm every 4 weeks per watchlist
    expect(result.falseAlarmsPerWeek).toBeLessThan(0.25);
  });
});
