#!/usr/bin/env node
// `npm test`: runs every test tier and ends with the line CI reads: `N passed, N failed[, N skipped]`.
//
// Tiers, in order:
//   (a) unit + integration  vitest.config.ts, everything under src/, database tests on PGlite (TEST_DB_KIND=pglite)
//   (b) database/PostgreSQL  only when TEST_DATABASE_URL is set: src/**/*.db.test.ts again (TEST_DB_KIND=postgres)
//   (c) browser              vitest.e2e.config.ts (e2e/**/*.e2e.test.ts) with /usr/bin/chromium; skipped with a
//                            reason when Chromium is missing, unless CI is set (then that is a failure)
//
// Each tier runs Vitest's default reporter for people and a json reporter into a temp file, which is what gets
// counted: a test that passed is 1 passed, failed is 1 failed, skipped/todo is 1 skipped; a test file that failed
// without a failing test (import error, failing beforeAll/afterAll) adds 1 failed; a tier that wrote no results
// (crash, killed, timed out) or exited non-zero while reporting no failure (unhandled error) adds 1 failed.
//
// `npm test -- <args>` passes the args to tier (a) only (a file filter such as `src/common`, or any Vitest flag)
// and skips the other tiers.
//
// Environment: TZ is pinned to Asia/Tokyo for every tier. TEST_DATABASE_URL stays visible to all tiers; database
// helpers choose their driver by TEST_DB_KIND. TEST_TIER_TIMEOUT_MIN (default 60) bounds a tier's wall time: it stops a
// hung run, it does not time the tests (the PGlite tier takes about 37 minutes on 2 cores since issue 19).
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

process.env.TZ = "Asia/Tokyo";

const root = resolve(fileURLToPath(new URL("..", import.meta.url)));
const vitestBin = join(root, "node_modules", "vitest", "vitest.mjs");
const chromiumPath = "/usr/bin/chromium";
const isCI = Boolean(process.env.CI) && !["0", "false"].includes(String(process.env.CI).toLowerCase());
const tierTimeoutMs = Number(process.env.TEST_TIER_TIMEOUT_MIN || 60) * 60_000;
const extraArgs = process.argv.slice(2);
const workDir = mkdtempSync(join(tmpdir(), "yokogushi-test-"));

let interruptedBy = null;
let currentChild = null;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    interruptedBy = signal;
    if (currentChild?.pid) killGroup(currentChild.pid, signal);
  });
}

/** @typedef {{ name: string, passed: number, failed: number, skipped: number, seconds: number, ran: boolean, notes: string[] }} TierResult */

/** @returns {TierResult} */
function newResult(name) {
  return { name, passed: 0, failed: 0, skipped: 0, seconds: 0, ran: false, notes: [] };
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal); // the tier runs in its own process group: Vitest, its workers, browsers, servers
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      /* already gone */
    }
  }
}

function banner(text) {
  const line = "═".repeat(Math.max(8, 78 - text.length));
  process.stdout.write(`\n══ ${text} ${line}\n\n`);
}

/**
 * Runs `vitest run` for one tier and counts its json report.
 * @returns {Promise<TierResult>}
 */
async function runVitestTier({ name, config, env = {}, args = [] }) {
  const result = newResult(name);
  result.ran = true;
  const reportFile = join(workDir, `${name.replace(/[^a-z0-9]+/gi, "-")}.json`);
  const argv = [vitestBin, "run", "--config", config, "--reporter=default", "--reporter=json", `--outputFile.json=${reportFile}`, ...args];
  banner(`${name}: vitest run --config ${config}${args.length ? ` ${args.join(" ")}` : ""}`);

  const started = Date.now();
  const { code, signal, timedOut } = await new Promise((resolvePromise) => {
    const child = spawn(process.execPath, argv, {
      cwd: root,
      env: { ...process.env, ...env, TZ: "Asia/Tokyo" },
      stdio: ["ignore", "inherit", "inherit"],
      detached: true,
    });
    currentChild = child;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      process.stderr.write(`\n[test] ${name}: still running after ${tierTimeoutMs / 60_000} min, stopping it\n`);
      killGroup(child.pid, "SIGTERM");
      setTimeout(() => killGroup(child.pid, "SIGKILL"), 10_000).unref();
    }, tierTimeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      currentChild = null;
      resolvePromise({ code: null, signal: null, timedOut, error });
    });
    child.on("exit", (exitCode, exitSignal) => {
      clearTimeout(timer);
      currentChild = null;
      // Leftovers of the tier (a browser, a server a test forgot to stop) must not outlive it.
      killGroup(child.pid, "SIGKILL");
      resolvePromise({ code: exitCode, signal: exitSignal, timedOut });
    });
  });
  result.seconds = (Date.now() - started) / 1000;

  let report = null;
  if (existsSync(reportFile)) {
    try {
      report = JSON.parse(readFileSync(reportFile, "utf8"));
    } catch (error) {
      result.notes.push(`unreadable json report: ${error.message}`);
    }
  }
  const how = timedOut ? "timed out" : signal ? `killed by ${signal}` : `exit code ${code}`;
  if (!report || !Array.isArray(report.testResults)) {
    result.failed += 1;
    result.notes.push(`tier crashed before writing results (${how}): counted as 1 failed`);
    return result;
  }

  const failedTests = [];
  for (const file of report.testResults) {
    const fileName = relative(root, file.name ?? "");
    let fileFailures = 0;
    for (const test of file.assertionResults ?? []) {
      if (test.status === "passed") result.passed += 1;
      else if (test.status === "failed") {
        result.failed += 1;
        fileFailures += 1;
        failedTests.push(`${fileName} › ${test.fullName || test.title}`);
      } else result.skipped += 1; // skipped, pending, todo
    }
    if (file.status === "failed" && fileFailures === 0) {
      result.failed += 1;
      const message = String(file.message || "no message").split("\n")[0];
      failedTests.push(`${fileName} (file failed outside any test: ${message})`);
    }
  }
  const shown = 20;
  for (const line of failedTests.slice(0, shown)) result.notes.push(`✗ ${line}`);
  if (failedTests.length > shown) result.notes.push(`… and ${failedTests.length - shown} more`);

  if ((code !== 0 || timedOut) && result.failed === 0) {
    result.failed += 1;
    result.notes.push(`vitest ended with ${how} but reported no failing test (unhandled error?): counted as 1 failed`);
  } else if (timedOut || signal) {
    result.notes.push(`vitest ${how}`);
  }
  return result;
}

/** @returns {TierResult} */
function notRun(name, reason, { failed = 0 } = {}) {
  const result = newResult(name);
  result.failed = failed;
  result.notes.push(reason);
  banner(`${name}: ${failed ? "FAILED" : "skipped"}`);
  process.stdout.write(`${reason}\n`);
  return result;
}

/**
 * Static checks as one tier: each command is one test (passed when it exits 0). Types are not checked by Vitest
 * or tsx, so `tsc --noEmit` is what catches a contract that no longer fits its handler.
 * @returns {Promise<TierResult>}
 */
async function runChecksTier(name, checks) {
  const result = newResult(name);
  banner(name);
  const started = Date.now();
  for (const [label, command, args] of checks) {
    const child = spawn(command, args, { cwd: root, stdio: "inherit", env: process.env });
    const code = await new Promise((resolve) => child.on("exit", (exitCode) => resolve(exitCode ?? 1)));
    if (code === 0) result.passed++;
    else {
      result.failed++;
      result.notes.push(`${label} failed (exit ${code})`);
    }
    process.stdout.write(`${code === 0 ? "✓" : "✗"} ${label}\n`);
  }
  result.ran = true;
  result.seconds = (Date.now() - started) / 1000;
  return result;
}

/** @type {TierResult[]} */
const tiers = [];
const skippedTiers = [];

if (extraArgs.length === 0) {
  const bin = (tool) => join(root, "node_modules", ".bin", tool);
  tiers.push(
    await runChecksTier("static checks", [
      ["typecheck (tsc --noEmit)", bin("tsc"), ["--noEmit", "-p", "tsconfig.json"]],
      ["lint and format (biome check)", bin("biome"), ["check"]],
    ]),
  );
}

tiers.push(
  await runVitestTier({
    name: "unit+integration (PGlite)",
    config: "vitest.config.ts",
    env: { TEST_DB_KIND: "pglite" },
    args: extraArgs,
  }),
);

if (extraArgs.length > 0) {
  skippedTiers.push(`other tiers not run: arguments given (${extraArgs.join(" ")}) filter tier (a) only`);
} else {
  if (!interruptedBy) {
    if (process.env.TEST_DATABASE_URL) {
      tiers.push(
        await runVitestTier({
          name: "database (PostgreSQL)",
          config: "vitest.config.ts",
          env: { TEST_DB_KIND: "postgres", YOKOGUSHI_TEST_INCLUDE: "src/**/*.db.test.ts" },
        }),
      );
    } else {
      tiers.push(notRun("database (PostgreSQL)", "skipped: TEST_DATABASE_URL is not set"));
    }
  }
  if (!interruptedBy) {
    if (existsSync(chromiumPath)) {
      tiers.push(await runVitestTier({ name: "browser (Chromium)", config: "vitest.e2e.config.ts" }));
    } else if (isCI) {
      tiers.push(
        notRun("browser (Chromium)", `FAILED: ${chromiumPath} is missing and CI is set: counted as 1 failed`, {
          failed: 1,
        }),
      );
    } else {
      tiers.push(
        notRun("browser (Chromium)", `skipped: ${chromiumPath} is missing (apt-get install -y chromium); outside CI this tier is optional`),
      );
    }
  }
}

rmSync(workDir, { recursive: true, force: true });

const total = { passed: 0, failed: 0, skipped: 0 };
const width = Math.max(...tiers.map((tier) => tier.name.length));
let summary = "\n══ Summary ═════════════════════════════════════════════════════════════════════\n";
for (const tier of tiers) {
  total.passed += tier.passed;
  total.failed += tier.failed;
  total.skipped += tier.skipped;
  const counts = tier.ran
    ? `${tier.passed} passed, ${tier.failed} failed, ${tier.skipped} skipped  (${tier.seconds.toFixed(1)} s)`
    : tier.failed
      ? `${tier.failed} failed (not run)`
      : "not run";
  summary += `  ${tier.failed ? "✗" : tier.ran ? "✓" : "–"} ${tier.name.padEnd(width)}  ${counts}\n`;
  for (const note of tier.notes) summary += `      ${note}\n`;
}
for (const note of skippedTiers) summary += `  - ${note}\n`;
if (interruptedBy) {
  summary += `  ! interrupted by ${interruptedBy}: remaining tiers not run\n`;
  if (total.failed === 0) total.failed = 1;
}
summary += "\n";
let last = `${total.passed} passed, ${total.failed} failed`;
if (total.skipped > 0) last += `, ${total.skipped} skipped`;
process.stdout.write(`${summary}${last}\n`);
process.exitCode = total.failed > 0 ? 1 : 0;
