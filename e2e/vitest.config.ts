import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // One browser at a time: the machine has two cores.
    pool: "forks",
    maxWorkers: 1,
    fileParallelism: false,
  },
});
