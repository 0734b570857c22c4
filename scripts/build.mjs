#!/usr/bin/env node
// Builds what `yokogushi` runs: the web client (Vite → dist/web) and the server + CLI bundle (esbuild → dist/cli.mjs).
// Each part is rebuilt only when one of its sources is newer than its output (or with --force), so `npm start`
// on an unchanged tree starts at once. Progress goes to stderr: stdout stays clean for CLI output such as --json.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const log = (message) => process.stderr.write(`[build] ${message}\n`);

function newestMtime(entries) {
  let newest = 0;
  const visit = (target) => {
    if (!existsSync(target)) return;
    const stat = statSync(target);
    if (stat.isDirectory()) {
      for (const name of readdirSync(target)) if (name !== "node_modules") visit(path.join(target, name));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const entry of entries) visit(path.join(root, entry));
  return newest;
}

function isStale(output, sources, also = []) {
  const target = path.join(root, output);
  if (!existsSync(target) || also.some((file) => !existsSync(path.join(root, file)))) return true;
  return newestMtime(sources) > statSync(target).mtimeMs;
}

const COMMON = ["package-lock.json", "src/common"];
const parts = [
  {
    name: "server",
    output: "dist/cli.mjs",
    also: ["dist/table-read-worker.mjs", "dist/certificate-render-worker.mjs"],
    sources: [...COMMON, "src/server", "src/cli", "migrations", "scripts/build.mjs"],
    async build() {
      const esbuild = await import("esbuild");
      // The table reader's worker thread is its own bundle beside cli.mjs (src/server/platform/tabular/read-table.ts).
      await esbuild.build({
        entryPoints: [
          { in: path.join(root, "src/cli/main.ts"), out: "cli" },
          { in: path.join(root, "src/server/platform/tabular/table-read-worker.ts"), out: "table-read-worker" },
          // 受領証明書 PDFs (src/server/platform/workers/worker-thread.ts starts it)
          { in: path.join(root, "src/server/modules/furusato/ledger/certificate-render-worker.ts"), out: "certificate-render-worker" },
        ],
        outdir: path.join(root, "dist"),
        outExtension: { ".js": ".mjs" },
        bundle: true,
        platform: "node",
        format: "esm",
        target: "node20",
        packages: "external",
        sourcemap: true,
        logLevel: "warning",
      });
    },
  },
  {
    name: "web",
    output: "dist/web/index.html",
    sources: [...COMMON, "src/web", "index.html", "vite.config.ts"],
    async build() {
      const vite = await import("vite");
      await vite.build({ root, configFile: path.join(root, "vite.config.ts"), logLevel: "warn" });
    },
  },
];

/**
 * esbuild and Vite are devDependencies: a production install (`npm ci --omit=dev`) has none of them and runs the
 * dist/ it was shipped with. Resolved, not imported, so asking costs nothing.
 */
export function buildToolsInstalled() {
  try {
    for (const tool of ["esbuild", "vite"]) import.meta.resolve(tool);
    return true;
  } catch {
    return false;
  }
}

/** True when every part's output exists (whether or not it is older than its sources). */
export function distPresent() {
  return parts.every((part) => [part.output, ...(part.also ?? [])].every((file) => existsSync(path.join(root, file))));
}

export async function ensureBuilt({ force = false } = {}) {
  for (const part of parts) {
    if (!force && !isStale(part.output, part.sources, part.also)) continue;
    const started = Date.now();
    log(`${part.name} をビルドしています…`);
    await part.build();
    log(`${part.name} のビルドが完了しました（${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureBuilt({ force: process.argv.includes("--force") }).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
