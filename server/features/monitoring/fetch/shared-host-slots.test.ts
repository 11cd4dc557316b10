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
  it("gives every caller (any process) the host's next slot, one interval after the previous one", async () => {
    const reserve = sharedHostSlots(database.db);
    // A long interval, so the assertions do not depend on how fast the machine answers.
    const interval = 10_000;
    expect(await reserve("berita.test", interval)).toBe(0);
    // Three callers at once (as from two worker processes): slots 1, 2 and 3 intervals later.
    const waits = (
      await Promise.all([reserve("berita.test", interval), reserve("berita.test", interval), reserve("berita.test", interval)])
    ).sort((a, b) => a - b);
    waits.forEach((w, i) => {
      expect(w).toBeLessThanOrEqual((i + 1) * interval);
      expect(w).toBeGreaterThan((i + 1) * interval - 2_000);
    });
    // Another host has its own slots; a fractional Crawl-delay is taken as whole milliseconds.
    expect(await reserve("koran.test", 2009.9999999999998)).toBe(0);
    expect(await reserve("koran.test", 2009.9999999999998)).toBeGreaterThan(1_000);
  });

  it("answers no wait for a host whose slot lies in the past", async () => {
    const reserve = sharedHostSlots(database.db);
    expect(await reserve("lama.test", 10)).toBe(0);
    await new Promise((r) => setTimeout(r, 30));
    expect(await reserve("lama.test", 10)).toBe(0);
    expect(await reserve("lama.test", 1000)).toBeGreaterThan(0);
  });

  it("makes the gate wait for the shared slot before the request starts", async () => {
    const calls: [string, number][] = [];
    const gate = new HostGate(2, 25, async (host, intervalMs) => {
      calls.push([host, intervalMs]);
      return 40;
    });
    const t0 = performance.now();
    await gate.run("berita.test", async () => undefined);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(39);
    expect(calls).toEqual([["berita.test", 25]]);
  });
});
