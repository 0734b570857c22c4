// The process that bench/ledger.bench.ts measures (ledger.import_1m, memory.after_import_1m): the operator's CLI
// import (`yokogushi furusato donations import FILE --mapping 名前`) of one large portal file into the PostgreSQL
// database named in argv, in a process of its own, so that its resident size is the import's alone. A file this
// size only ever arrives this way: uploads stop at 20 MB. One JSON line on stdout.
import { readFileSync } from "node:fs";
import { runDonationsCommand } from "../src/cli/furusato-donations-command";

const [url, file, mapping] = process.argv.slice(2);
process.env.DATABASE_URL = url;

const mb = (bytes: number) => bytes / 1024 / 1024;
function residentMb(): number {
  const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync("/proc/self/status", "utf8"))?.[1]);
  return kb / 1024;
}

const started = performance.now();
const exitCode = await runDonationsCommand(["import", file, "--mapping", mapping]);
const importMs = performance.now() - started;
// What the process holds once the import is over and the event loop has had a moment (V8 returns freed pages lazily).
await new Promise((resolve) => setTimeout(resolve, 2_000));
process.stdout.write(
  `${JSON.stringify({ exitCode, importMs, rssAfterMb: residentMb(), peakRssMb: mb(process.resourceUsage().maxRSS * 1024) })}\n`,
);
