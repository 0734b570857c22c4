// Vitest globalSetup for the browser tests: make the bundles fresh once per run, before any
// test file starts a server (e2e/lib/server.ts runs `node dist/cli.mjs serve` directly).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));

export default function setup(): void {
  const buildScript = `${root}scripts/build.mjs`;
  if (!existsSync(buildScript)) {
    console.warn("[e2e] scripts/build.mjs not found: skipping the build (tests that start the server will fail)");
    return;
  }
  const started = Date.now();
  const result = spawnSync(process.execPath, [buildScript], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) {
    throw new Error(`[e2e] node scripts/build.mjs failed (${result.signal ?? `exit code ${result.status}`})`);
  }
  console.log(`[e2e] build ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
