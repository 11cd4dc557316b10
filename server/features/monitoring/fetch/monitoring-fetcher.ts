import { createSafeFetch } from "../../../lib/safe-fetch";
import type { Services } from "../../../services";
import { PoliteFetcher } from "./polite-fetcher";
import { sharedHostSlots } from "./shared-host-slots";

/**
 * One PoliteFetcher per process (per Services), so its per-host gates and robots.txt cache are
 * shared by every fetch job of the worker; the per-host interval is also kept across worker
 * processes through the database. Tests put in one bound to the local news web.
 */
const fetchers = new WeakMap<Services, PoliteFetcher>();

export function monitoringFetcher(services: Services): PoliteFetcher {
  let f = fetchers.get(services);
  if (!f) {
    f = new PoliteFetcher({ fetch: createSafeFetch(services.env.OUTBOUND_ALLOW), reserveSlot: sharedHostSlots(services.db) });
    fetchers.set(services, f);
  }
  return f;
}

/** Replaces the fetcher of `services` (tests: a resolver for the news web, short timeouts). */
export function useMonitoringFetcher(services: Services, fetcher: PoliteFetcher) {
  fetchers.set(services, fetcher);
}
