#!/usr/bin/env node
// `yokogushi …` (npx yokogushi, npm run cli --, npm start): builds stale bundles, then runs the CLI.
// With the build tools installed (`npm install`, a development or fresh clone) stale or missing bundles are rebuilt
// first. A production install (`npm ci --omit=dev`) has no esbuild or Vite: it runs the dist/ it was shipped with and
// says so plainly when there is none.
import { buildToolsInstalled, distPresent, ensureBuilt } from "../scripts/build.mjs";

if (buildToolsInstalled()) {
  await ensureBuilt();
} else if (!distPresent()) {
  process.stderr.write(
    "dist/ にビルド済みのファイルがありません。開発用の依存関係を含めて `npm install` を実行してから起動するか、" +
      "`npm run build` で作った dist/ を配置してください（`npm ci --omit=dev` ではビルドできません）。\n",
  );
  process.exit(1);
}
await import("../dist/cli.mjs");
