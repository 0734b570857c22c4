// Runs inside `node --import tsx`, started by scripts/bench.mjs. Loads bench/*.bench.ts, runs the selected
// benches one after another and sends each result to the parent over IPC. Its stdout is the parent's stderr,
// so anything a bench prints stays out of the --json output.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Bench } from "../bench/harness";
import { BenchSkipped, repoRoot } from "../bench/harness";

type Message =
  | { type: "selected"; benches: { name: string; description: string }[] }
  | { type: "result"; bench: string; value: number; unit: string; extra?: Record<string, number>; floor?: number; seconds: number }
  | { type: "error"; bench: string; message: string };

function send(message: Message): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!process.send) return reject(new Error("scripts/bench-runner.ts must be started by scripts/bench.mjs"));
    process.send(message, (error: Error | null) => (error ? reject(error) : resolve()));
  });
}

function isBench(value: unknown): value is Bench {
  const bench = value as Bench;
  return (
    typeof bench === "object" &&
    bench !== null &&
    typeof bench.name === "string" &&
    bench.name.length > 0 &&
    typeof bench.description === "string" &&
    typeof bench.run === "function"
  );
}

const listOnly = process.argv.includes("--list");
const prefixes = process.argv.slice(2).filter((arg) => arg !== "--list");
const benchDir = join(repoRoot, "bench");
const files = readdirSync(benchDir)
  .filter((file) => file.endsWith(".bench.ts"))
  .sort();

const all: Bench[] = [];
for (const file of files) {
  const module = (await import(pathToFileURL(join(benchDir, file)).href)) as { default?: unknown };
  if (!Array.isArray(module.default) || !module.default.every(isBench)) {
    throw new Error(`bench/${file} must \`export default\` an array of { name, description, run }`);
  }
  all.push(...module.default);
}
const seen = new Set<string>();
for (const bench of all) {
  if (seen.has(bench.name)) throw new Error(`two benches are named "${bench.name}"`);
  seen.add(bench.name);
}

const selected = prefixes.length ? all.filter((b) => prefixes.some((p) => b.name.startsWith(p))) : all;
await send({ type: "selected", benches: selected.map(({ name, description }) => ({ name, description })) });
if (listOnly) selected.length = 0;

for (const bench of selected) {
  process.stderr.write(`▶ ${bench.name}: ${bench.description}\n`);
  const started = performance.now();
  try {
    const result = await bench.run();
    if (!Number.isFinite(result.value) || typeof result.unit !== "string") {
      throw new Error(`returned ${JSON.stringify(result)}, expected { value: number, unit: string, floor?: number }`);
    }
    if (result.floor !== undefined && !Number.isFinite(result.floor)) {
      throw new Error(`returned a floor that is not a number: ${result.floor}`);
    }
    for (const [name, figure] of Object.entries(result.extra ?? {})) {
      if (!Number.isFinite(figure)) throw new Error(`returned an extra figure ${name} that is not a number: ${figure}`);
    }
    await send({
      type: "result",
      bench: bench.name,
      value: result.value,
      unit: result.unit,
      extra: result.extra,
      floor: result.floor,
      seconds: (performance.now() - started) / 1000,
    });
  } catch (error) {
    if (error instanceof BenchSkipped) {
      process.stderr.write(`  ${bench.name} skipped: ${error.message}\n`);
      continue;
    }
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    await send({ type: "error", bench: bench.name, message });
  }
}
process.disconnect?.();
