import { defineConfig } from "vitest/config";

// `*.pg.test.ts` need a real PostgreSQL server (several processes on one database); they
// run in the PostgreSQL pass (TEST_DATABASE_URL), which .ci/run always performs.
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

export default defineConfig({
  test: {
    // app/: only the staff app's pure helpers (no DOM here; screens are covered by e2e/).
    include: ["server/**/*.test.ts", "common/**/*.test.ts", "app/**/*.test.ts"],
    exclude: onPostgres ? ["**/node_modules/**"] : ["**/node_modules/**", "**/*.pg.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each file gets its own database; two forks match the machine's two cores.
    pool: "forks",
    maxWorkers: 2,
  },
});
