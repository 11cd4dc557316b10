import type { HostSlotReserver } from "./shared-host-slots";

/**
 * Politeness per host: at most `concurrency` requests in flight to one host, and request starts
 * at least `minIntervalMs` apart (a robots.txt Crawl-delay can raise it). The gate is per
 * process; given a `reserve` (shared-host-slots.ts), the spacing also holds across processes.
 */
export class HostGate {
  private readonly hosts = new Map<string, { active: number; nextStart: number; lastStart: number; waiting: (() => void)[] }>();

  constructor(
    private readonly concurrency: number,
    private readonly minIntervalMs: number,
    /** Spacing shared with other processes (the database), on top of this process's own. */
    private readonly reserve?: HostSlotReserver,
  ) {}

  async run<T>(host: string, fn: () => Promise<T>, minIntervalMs = this.minIntervalMs): Promise<T> {
    let h = this.hosts.get(host);
    if (!h) {
      h = { active: 0, nextStart: 0, lastStart: 0, waiting: [] };
      this.hosts.set(host, h);
    }
    const state = h;
    while (state.active >= this.concurrency) await new Promise<void>((resolve) => state.waiting.push(resolve));
    state.active++;
    try {
      const wait = state.nextStart - Date.now();
      state.nextStart = Math.max(Date.now(), state.nextStart) + minIntervalMs;
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      // A timer that fired late must not bring the next request closer: space from the actual start.
      for (let gap = state.lastStart + minIntervalMs - Date.now(); gap > 0; gap = state.lastStart + minIntervalMs - Date.now()) {
        await new Promise((r) => setTimeout(r, gap));
      }
      if (this.reserve) {
        const shared = await this.reserve(host, minIntervalMs);
        if (shared > 0) await new Promise((r) => setTimeout(r, shared));
      }
      state.lastStart = Date.now();
      return await fn();
    } finally {
      state.active--;
      state.waiting.shift()?.();
      if (state.active === 0 && state.waiting.length === 0 && state.nextStart <= Date.now()) this.hosts.delete(host);
    }
  }
}
