/**
 * Wall-clock milliseconds per ingest stage, summed over calls. Filled only when the caller passes
 * a record (the benchmark, profiling); otherwise every call is a no-op, so production pays nothing.
 */
export type StageTimings = Record<string, number>;

export interface StageTimer {
  /** Charges the time since the previous lap (minus what `time` already charged) to `stage`. */
  lap(stage: string): void;
  /** Runs `fn` and charges its time to `stage` (for stages interleaved per item). */
  time<T>(stage: string, fn: () => T): T;
}

export function stageTimer(timings: StageTimings | undefined): StageTimer {
  if (!timings) return { lap: () => {}, time: (_stage, fn) => fn() };
  let last = performance.now();
  let charged = 0;
  const add = (stage: string, ms: number) => {
    timings[stage] = (timings[stage] ?? 0) + ms;
  };
  return {
    lap(stage) {
      const now = performance.now();
      add(stage, now - last - charged);
      last = now;
      charged = 0;
    },
    time(stage, fn) {
      const t0 = performance.now();
      const out = fn();
      const ms = performance.now() - t0;
      add(stage, ms);
      charged += ms;
      return out;
    },
  };
}
