import { defineConfig } from "vitest/config";

// Browser tests (tier (c) of `npm test`): playwright-core driving Debian Chromium against a real server.
// One file at a time: each file starts its own server and browser, and the machines have 2 cores.
process.env.TZ ??= "Asia/Tokyo";

export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.test.ts"],
    environment: "node",
    env: { TZ: "Asia/Tokyo" },
    pool: "forks",
    fileParallelism: false,
    maxWorkers: 1,
    sequence: { concurrent: false },
    testTimeout: 180_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
    // Builds the server and web bundles once per run, so e2e/lib/server.ts starts fresh code.
    globalSetup: ["e2e/lib/global-setup.ts"],
    passWithNoTests: true,
  },
});
