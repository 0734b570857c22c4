#!/usr/bin/env node
// Builds what `yokogushi` runs: the web client (Vite → dist/web) and the server + CLI bundle (esbuild → dist/cli.mjs).
// Each part is rebuilt only when one of its sources is newer than its output (or with --force), so `npm start`
// on an unchanged tree starts at once. Progress goes to stderr: stdout stays clean for CLI output such as --json.
import { existsSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

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

// Packages the server bundle loads from node_modules at run time rather than bundling: native code (argon2, resvg's
// prebuilt binary that rasterises the analysis report's charts for Word), packages
// that find their own files next to them (PGlite's WebAssembly, pdfmake's and the fonts' files, exceljs), and pg /
// pg-boss, which only a PostgreSQL server (DATABASE_URL) needs and database.ts requires when it connects.
const EXTERNAL_PACKAGES = [
  "argon2",
  "@resvg/resvg-js",
  "@electric-sql/pglite",
  "pdfmake",
  "exceljs",
  "@expo-google-fonts/*",
  "pg",
  "pg-boss",
];

/** Deletes the chunks (and their maps) an earlier build left in dist/: chunk names carry a hash of their content. */
function removeStaleOutputs(outdir, outputs) {
  const current = new Set(outputs.map((file) => path.resolve(root, file)));
  for (const name of readdirSync(outdir)) {
    const file = path.join(outdir, name);
    if (/\.mjs(\.map)?$/.test(name) && !current.has(file)) rmSync(file);
  }
}

const parts = [
  {
    name: "server",
    output: "dist/cli.mjs",
    also: ["dist/table-read-worker.mjs", "dist/certificate-render-worker.mjs", "dist/import-read-worker.mjs"],
    sources: [...COMMON, "src/server", "src/cli", "migrations", "scripts/build.mjs"],
    async build() {
      const esbuild = await import("esbuild");
      const outdir = path.join(root, "dist");
      // The table reader's worker thread is its own bundle beside cli.mjs (src/server/platform/tabular/read-table.ts).
      const result = await esbuild.build({
        entryPoints: [
          { in: path.join(root, "src/cli/main.ts"), out: "cli" },
          { in: path.join(root, "src/server/platform/tabular/table-read-worker.ts"), out: "table-read-worker" },
          // 受領証明書 PDFs (src/server/platform/workers/worker-thread.ts starts it)
          { in: path.join(root, "src/server/modules/furusato/ledger/certificate-render-worker.ts"), out: "certificate-render-worker" },
          // a 市町's open-data file read off the HTTP thread (src/server/modules/region/import-read.ts)
          { in: path.join(root, "src/server/modules/region/import-read-worker.ts"), out: "import-read-worker" },
          // what the "database template" part below runs
          { in: path.join(root, "src/server/db/template.ts"), out: "db-template" },
        ],
        outdir,
        outExtension: { ".js": ".mjs" },
        bundle: true,
        platform: "node",
        format: "esm",
        target: "node20",
        // Start-up time (issue 14): the packages are bundled too, so Node reads a few large files instead of resolving
        // and loading hundreds of small ones (a third less CPU before the first line runs). Splitting puts what is only
        // loaded with `await import()` (the Word renderer, the CLI's rarer commands) in chunks of its own beside cli.mjs,
        // which stay unread until used. The chunks sit in dist/ itself: worker-thread.ts finds the workers next to it.
        splitting: true,
        external: EXTERNAL_PACKAGES,
        // Bundled CommonJS packages call require() for Node's built-in modules, which an ES module does not have.
        banner: {
          js: 'import { createRequire as __yokogushiRequire } from "node:module"; const require = __yokogushiRequire(import.meta.url);',
        },
        sourcemap: true,
        metafile: true,
        logLevel: "warning",
      });
      removeStaleOutputs(outdir, Object.keys(result.metafile.outputs));
    },
  },
  {
    // The migrated empty PGlite database a first start copies instead of running initdb and the migrations
    // (src/server/db/template.ts). Made with the server bundle just built; without it a first start is only slower.
    name: "database template",
    output: "dist/pglite-template.tar.gz",
    also: ["dist/pglite-template.json"],
    optional: true,
    sources: ["package-lock.json", "migrations", "src/server/db", "scripts/build.mjs"],
    async build() {
      const { writeDatabaseTemplate } = await import(pathToFileURL(path.join(root, "dist", "db-template.mjs")).href);
      await writeDatabaseTemplate();
    },
  },
  {
    name: "web",
    output: "dist/web/index.html",
    sources: [...COMMON, "src/web", "index.html", "public", "vite.config.ts"],
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

/** True when every required part's output exists (whether or not it is older than its sources). */
export function distPresent() {
  return parts
    .filter((part) => !part.optional)
    .every((part) => [part.output, ...(part.also ?? [])].every((file) => existsSync(path.join(root, file))));
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
