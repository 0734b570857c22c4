#!/usr/bin/env node
// `npm run bench [-- [--json] [name-prefix …]]`: runs bench/*.bench.ts (see bench/README.md).
//   no arguments   every bench, then a table on stdout
//   <prefix> …     only the benches whose name starts with one of the prefixes (`startup` → startup, startup.first)
//   --json         one JSON object per bench on stdout: {"bench","value","unit"[,"floor","ratio"]}; logs on stderr
//   --list         names and descriptions; nothing is run
// Exit code 1 when a bench fails or no bench matches the prefixes.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const argv = process.argv.slice(2);
const json = argv.includes("--json");
const list = argv.includes("--list");
const unknown = argv.filter((arg) => arg.startsWith("-") && arg !== "--json" && arg !== "--list");
if (unknown.length) {
  process.stderr.write(`unknown option ${unknown.join(" ")}\nusage: npm run bench -- [--json] [--list] [name-prefix …]\n`);
  process.exit(2);
}
const prefixes = argv.filter((arg) => !arg.startsWith("-"));
const round = (value) => Math.round(value * 1000) / 1000;

let selected = null;
const results = [];
const errors = [];

// The runner's stdout is our stderr, so whatever a bench prints never reaches the --json output.
// A larger heap: ledger.import_1m holds a 250 MB file and a million parsed rows at once, as the import job would.
const runner = spawn(
  process.execPath,
  ["--max-old-space-size=8192", "--import", "tsx", "scripts/bench-runner.ts", ...(list ? ["--list"] : []), ...prefixes],
  {
    cwd: root,
    stdio: ["ignore", 2, 2, "ipc"],
  },
);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => runner.kill(signal));

runner.on("message", (message) => {
  if (message.type === "selected") {
    selected = message.benches;
  } else if (message.type === "result") {
    const line = { bench: message.bench, value: round(message.value), unit: message.unit };
    // Named figures beside the value (an HTTP bench's rps and p50), in the order the bench gave them.
    for (const [name, figure] of Object.entries(message.extra ?? {})) line[name] = round(figure);
    if (message.floor !== undefined && message.floor !== null) {
      line.floor = round(message.floor);
      line.ratio = message.floor > 0 ? Math.round((message.value / message.floor) * 100) / 100 : null;
    }
    results.push(line);
    if (json) process.stdout.write(`${JSON.stringify(line)}\n`);
    else process.stderr.write(`  ${line.bench}: ${line.value} ${line.unit} (${message.seconds.toFixed(1)} s)\n`);
  } else if (message.type === "error") {
    errors.push(message.bench);
    process.stderr.write(`✗ ${message.bench} failed:\n${message.message}\n`);
  }
});

const { code, signal } = await new Promise((resolve) => {
  runner.on("exit", (exitCode, exitSignal) => resolve({ code: exitCode, signal: exitSignal }));
});

let failed = errors.length > 0;
if (code !== 0 || signal) {
  process.stderr.write(`bench runner ended with ${signal ?? `exit code ${code}`}\n`);
  failed = true;
}
if (selected && selected.length === 0 && (prefixes.length > 0 || !list)) {
  process.stderr.write(prefixes.length ? `no bench name starts with ${prefixes.join(" or ")}\n` : "no benches found in bench/\n");
  if (prefixes.length) failed = true;
}

if (list && selected) {
  for (const bench of selected) process.stdout.write(`${bench.name.padEnd(24)} ${bench.description}\n`);
} else if (!json && results.length > 0) {
  const rows = [
    ["bench", "value", "unit", "floor", "ratio"],
    ...results.map((r) => [
      r.bench,
      String(r.value),
      r.unit,
      r.floor === undefined ? "–" : String(r.floor),
      r.ratio == null ? "–" : `${r.ratio}×`,
    ]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const format = (row) =>
    row.map((cell, column) => (column === 0 || column === 2 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join("  ");
  process.stdout.write(`\n${format(rows[0])}\n${widths.map((w) => "─".repeat(w)).join("  ")}\n`);
  for (const row of rows.slice(1)) process.stdout.write(`${format(row)}\n`);
  if (errors.length) process.stdout.write(`\nfailed: ${errors.join(", ")}\n`);
}
process.exitCode = failed ? 1 : 0;
