#!/usr/bin/env node
// `yokogushi …` (npx yokogushi, npm run cli --, npm start): builds stale bundles, then runs the CLI.
import { ensureBuilt } from "../scripts/build.mjs";

await ensureBuilt();
await import("../dist/cli.mjs");
