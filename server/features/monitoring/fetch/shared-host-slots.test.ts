import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../db/client";
import { openTestDatabase } from "../../../test/test-database";
import { HostGate } from "./host-gate";
import { sharedHostSlots } from "./shared-host-slots";

let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
});
afterAll(async () => {
  await database?.close();
  await drop?.();
});

describe("shared host slots", () => {
  it("keeps the per-host interval between two processes' gates (each alone would start at once)", async () => {
    const reserve = sharedHostSlots(database.db);
    // Two gates = two worker processes; each has a free slot for its first request.
    const gates = [new HostGate(2, 60, reserve), new HostGate(2, 60, reserve)];
    const starts: number[] = [];
    const job = (gate: HostGate) => gate.run("berita.test", async () => void starts.push(performance.now()));
    await Promise.all([job(gates[0]), job(gates[1]), job(gates[0]), job(gates[1])]);
    starts.sort((a, b) => a - b);
    const gaps = starts.slice(1).map((s, i) => s - starts[i]);
    // The slots are 60 ms apart by the database clock; a start lags its slot by the round trip
    // and the timer, which differ per request, so one gap may shrink by that jitter (without the
    // shared slots the two gates' first requests would start together).
    for (const g of gaps) expect(g).toBeGreaterThanOrEqual(30);
    expect(starts[3] - starts[0]).toBeGreaterThanOrEqual(170);

    // Another host is not held back by this one's queue.
    const t0 = performance.now();
    await gates[1].run("koran.test", async () => undefined);
    expect(performance.now() - t0).toBeLessThan(50);
  });

  it("answers no wait for a host whose slot lies in the past", async () => {
    const reserve = sharedHostSlots(database.db);
    expect(await reserve("lama.test", 10)).toBe(0);
    await new Promise((r) => setTimeout(r, 30));
    expect(await reserve("lama.test", 10)).toBe(0);
    expect(await reserve("lama.test", 1000)).toBeGreaterThan(0);
  });
});
