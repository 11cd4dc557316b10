import { sql } from "drizzle-orm";
import type { Executor } from "../../../db/client";

/** Reserves the next start for `host`, `intervalMs` after the previous one; resolves to the wait in ms. */
export type HostSlotReserver = (host: string, intervalMs: number) => Promise<number>;

/**
 * Per-host spacing across processes. The in-process HostGate keeps one worker polite; with
 * several workers (`--services=worker` on more machines) each would otherwise space only its own
 * requests. One upsert moves the host's next start and returns how long this request waits; the
 * wait is computed by the database clock alone, so the machines' clocks need not agree.
 */
export function sharedHostSlots(db: Executor): HostSlotReserver {
  return async (host, intervalMs) => {
    // A robots.txt Crawl-delay may be fractional ("2.01" → 2009.999… ms); the cast wants an integer.
    const step = sql`(${Math.max(0, Math.round(intervalMs))}::int * interval '1 millisecond')`;
    const rows = (await db.execute(sql`
      insert into monitoring_host_slots as s (host, next_start) values (${host}, clock_timestamp() + ${step})
      on conflict (host) do update set next_start = greatest(s.next_start, clock_timestamp()) + ${step}
      returning greatest(0, extract(epoch from (s.next_start - ${step} - clock_timestamp())) * 1000)::float8 as wait_ms`)) as unknown as {
      rows: { wait_ms: number }[];
    };
    return Number(rows.rows[0]?.wait_ms ?? 0);
  };
}
