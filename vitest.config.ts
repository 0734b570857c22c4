import { defineConfig } from "vitest/config";

// Unit and integration tests (tier (a) and (b) of `npm test`, see scripts/test.mjs).
// The suite runs under Japan time so that date handling is tested the way the city uses it
// (see DESIGN.md: node-postgres and PGlite disagree about `date` under TZ=Asia/Tokyo).
// scripts/test.mjs sets TZ before Vitest starts; this line covers a bare `npx vitest`.
process.env.TZ ??= "Asia/Tokyo";

// scripts/test.mjs narrows the run to the database tests for the PostgreSQL tier by setting
// YOKOGUSHI_TEST_INCLUDE (comma-separated globs); everything else runs `src/**/*.test.ts`.
const include = process.env.YOKOGUSHI_TEST_INCLUDE?.split(",")
  .map((glob) => glob.trim())
  .filter(Boolean) ?? ["src/**/*.test.ts"];

export default defineConfig({
  test: {
    include,
    exclude: ["**/node_modules/**", "**/dist/**", "e2e/**"],
    environment: "node",
    env: { TZ: "Asia/Tokyo" },
    pool: "forks",
    // Integration tests open PGlite (initdb takes about 3 s on first open, more on a busy 2-core machine); a suite's
    // set-up (a test app, a city, sign-ins) may take a minute when the machine is loaded.
    testTimeout: 30_000,
    hookTimeout: 120_000,
    teardownTimeout: 10_000,
    passWithNoTests: true,
  },
});
