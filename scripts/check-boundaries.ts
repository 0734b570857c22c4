// The boundary check (docs/ARCHITECTURE.md, "Boundaries the build enforces"), run by `npm test` through
// src/boundaries.test.ts and on its own with `npm run check:boundaries` (`-- --prune` drops the allowlist entries that
// are fixed). It reads every source file under src/ as text (the TypeScript compiler's import scanner: static, type-only, re-exports and dynamic imports alike)
// and reports, all at once:
//   module-internals  a file under src/server/modules/<m>/ imports another module's files other than its index, or a
//                     file outside the modules (app.ts, main.ts, demo.ts, cli/, testing/, security/, tests) imports a
//                     module's files other than its index. modules/index.ts (the list of modules) and
//                     modules/manifest.ts (the manifest type) are not inside a module and may be imported by anyone.
//                     The same for the web side: src/web/modules/<m>/ is reached from outside only through its index.
//   platform-to-module  src/server/platform/** imports a module: the platform never knows the modules (a module
//                     registers itself through its manifest). The manifest type is the one exception; a platform
//                     test may also import modules/index.ts, to test the platform with the whole system registered.
// Tests follow the rules of the folder they are in: a test in a module's folder may use that module's internals (it
// is inside the module); a test anywhere else uses a module through its index.ts, like the code beside it.
//   web-to-server     src/web/** or src/common/** imports src/server/** or src/cli/** (the browser bundle and the
//                     shared code never reach into the server).
//   common-to-web     src/common/** imports src/web/** (common is shared by both sides and depends on neither).
//   sql-in-route      a route file (routes.ts, *-routes.ts under src/server) calls `.query(` or holds SQL
//                     (SELECT … FROM, INSERT INTO, UPDATE … SET, DELETE FROM, WITH RECURSIVE) in a string.
//   route-to-repository  a route file imports a repository file: a route calls one service function, which
//                     authorises against the record and reads or writes through the repository.
//   sql-outside-repository  any other file of a server module (not a test) does the same: a module's SQL lives in
//                     its repository files (repository.ts, *-repository.ts), services call their functions.
//   auth-in-route     a module's route file checks the caller or audits itself (calls authorize, can, recordAudit,
//                     accessOf or any …AccessOf, require…): authorisation happens once per request, in the service
//                     function the route calls, inside its transaction (the router's `allow` gate comes before).
// Known violations that are still being removed are listed, each with its reason, in scripts/boundaries-allowlist.json;
// an entry that no longer matches a violation is reported too, so that the list only shrinks.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

export type Rule =
  | "module-internals"
  | "platform-to-module"
  | "web-to-server"
  | "common-to-web"
  | "sql-in-route"
  | "sql-outside-repository"
  | "route-to-repository"
  | "auth-in-route";

export interface Violation {
  rule: Rule;
  /** the file that breaks the rule, relative to the repository root with forward slashes */
  file: string;
  /** the imported file (import rules) or the first offending line (the SQL rules) */
  target: string;
  message: string;
}

export interface AllowlistEntry {
  rule: Rule;
  file: string;
  /** the imported file; absent for the SQL and auth-in-route rules (the whole file is listed) */
  target?: string;
  reason: string;
}

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const allowlistPath = path.join(repoRoot, "scripts", "boundaries-allowlist.json");

const SOURCE_EXTENSIONS = [".ts", ".tsx", ".mts", ".mjs", ".js"];

/** Every source file under src/ as { "src/…": text }. */
export function readSourceTree(root = repoRoot): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (dir: string) => {
    for (const name of readdirSync(path.join(root, dir))) {
      const rel = `${dir}/${name}`;
      if (statSync(path.join(root, rel)).isDirectory()) visit(rel);
      else if (SOURCE_EXTENSIONS.some((ext) => name.endsWith(ext)) && !name.endsWith(".d.ts")) {
        files.set(rel, readFileSync(path.join(root, rel), "utf8"));
      }
    }
  };
  if (existsSync(path.join(root, "src"))) visit("src");
  return files;
}

/** The file a relative import names, among the known files; null for packages and for files that do not exist. */
function resolveImport(from: string, specifier: string, files: ReadonlyMap<string, string>): string | null {
  if (!specifier.startsWith(".")) return null;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  const stem = base.replace(/\.(m?js)$/, "");
  const candidates = [base, ...SOURCE_EXTENSIONS.map((ext) => stem + ext), ...[".ts", ".tsx"].map((ext) => `${base}/index${ext}`)];
  return candidates.find((candidate) => files.has(candidate)) ?? null;
}

const MODULE_FILE = /^(src\/(?:server|web)\/modules)\/([^/]+)\/(.+)$/;

/**
 * The module a file belongs to (src/server/modules/<m>/ or, on the web side, src/web/modules/<m>/) and its path
 * inside the module; null for files outside a module's folder.
 */
function moduleOf(file: string): { name: string; folder: string; inner: string } | null {
  const match = MODULE_FILE.exec(file);
  return match ? { folder: `${match[1]}/${match[2]}`, name: match[2], inner: match[3] } : null;
}

const isModuleIndex = (inner: string) => /^index\.(ts|tsx)$/.test(inner);

const SQL_PATTERNS = [
  /\bSELECT\b[\s\S]*\bFROM\b/,
  /\bINSERT\s+INTO\b/,
  /\bUPDATE\s+\w+(\s+\w+)?\s+SET\b/,
  /\bDELETE\s+FROM\b/,
  /\bWITH\s+RECURSIVE\b/,
];

const isRepositoryFile = (file: string) => /(^|\/)([\w-]+-)?repository\.ts$/.test(file);
/** Tests and the fixtures only tests use (they build rows directly to set up a case). */
const isTestFile = (file: string) => /(\.test|[.-]fixture)\.tsx?$/.test(file);

export const isRouteFile = (file: string) => /^src\/server\/(.*\/)?(routes|[\w-]+-routes)\.ts$/.test(file);

/** SQL in a file: `.query(` calls, and string or template literals that read like SQL. First hit's line. */
function findSql(file: string, text: string): string | null {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  let found: string | null = null;
  const lineOf = (node: ts.Node) => `line ${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (
      ts.isPropertyAccessExpression(node) &&
      node.name.text === "query" &&
      ts.isCallExpression(node.parent) &&
      node.parent.expression === node
    ) {
      found = `${lineOf(node)}: .query(`;
      return;
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      const literal = ts.isTemplateExpression(node) ? node.getText(source) : node.text;
      if (SQL_PATTERNS.some((pattern) => pattern.test(literal))) {
        found = `${lineOf(node)}: SQL in a string`;
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Calls that check the caller or write the audit trail: a service's job, never a module route's. */
const AUTH_CALL = /^(authorize|can|recordAudit|accessOf|[a-z]\w*AccessOf|require[A-Z]\w*)$/;

/** The first call in a file whose callee (a name, or the last name of `a.b`) is AUTH_CALL; its line and name. */
function findAuthCall(file: string, text: string): string | null {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  let found: string | null = null;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : null;
      if (name && AUTH_CALL.test(name)) {
        found = `line ${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}: ${name}(`;
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Every violation in a set of files ({ "src/…": text }), in file order. */
export function findViolations(files: ReadonlyMap<string, string>): Violation[] {
  const violations: Violation[] = [];
  for (const [file, text] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    const own = moduleOf(file);
    for (const { fileName } of ts.preProcessFile(text, true, true).importedFiles) {
      const target = resolveImport(file, fileName, files);
      if (!target) continue;
      const add = (rule: Rule, message: string) => violations.push({ rule, file, target, message });
      const theirs = moduleOf(target);
      if (theirs && theirs.folder !== own?.folder && !isModuleIndex(theirs.inner)) {
        add("module-internals", `${file} imports ${target}: outside ${theirs.folder}/, use only its index.ts`);
      }
      const platformMayImport =
        target === "src/server/modules/manifest.ts" || (file.endsWith(".test.ts") && target === "src/server/modules/index.ts");
      if (file.startsWith("src/server/platform/") && target.startsWith("src/server/modules/") && !platformMayImport) {
        add("platform-to-module", `${file} imports ${target}: the platform does not depend on the modules`);
      }
      if (
        (file.startsWith("src/web/") || file.startsWith("src/common/")) &&
        (target.startsWith("src/server/") || target.startsWith("src/cli/"))
      ) {
        add("web-to-server", `${file} imports ${target}: the browser and the shared code never import the server`);
      }
      if (isRouteFile(file) && isRepositoryFile(target)) {
        add("route-to-repository", `${file} imports ${target}: a route calls one service function, the service uses the repository`);
      }
      if (file.startsWith("src/common/") && target.startsWith("src/web/")) {
        add("common-to-web", `${file} imports ${target}: src/common is shared by both sides and imports neither`);
      }
    }
    if (isRouteFile(file) && own) {
      const call = findAuthCall(file, text);
      if (call) {
        violations.push({
          rule: "auth-in-route",
          file,
          target: call,
          message: `${file} ${call}: a route calls one service function, which authorises (and audits) inside its transaction`,
        });
      }
    }
    if (isRouteFile(file)) {
      const hit = findSql(file, text);
      if (hit) {
        violations.push({
          rule: "sql-in-route",
          file,
          target: hit,
          message: `${file} ${hit}: a route parses, authorises and calls one service function; SQL belongs in the repository`,
        });
      }
    } else if (file.startsWith("src/server/modules/") && own && !isRepositoryFile(file) && !isTestFile(file)) {
      const hit = findSql(file, text);
      if (hit) {
        violations.push({
          rule: "sql-outside-repository",
          file,
          target: hit,
          message: `${file} ${hit}: a module's SQL lives in its repository files (repository.ts, *-repository.ts)`,
        });
      }
    }
  }
  return violations;
}

const matches = (entry: AllowlistEntry, violation: Violation) =>
  entry.rule === violation.rule &&
  entry.file === violation.file &&
  (entry.rule === "sql-in-route" ||
    entry.rule === "sql-outside-repository" ||
    entry.rule === "auth-in-route" ||
    entry.target === violation.target);

export function readAllowlist(file = allowlistPath): AllowlistEntry[] {
  const entries = JSON.parse(readFileSync(file, "utf8")) as AllowlistEntry[];
  for (const entry of entries) {
    if (!entry.reason?.trim()) throw new Error(`${path.basename(file)}: ${entry.file} has no reason`);
  }
  return entries;
}

/** The violations the allowlist does not excuse, and the allowlist entries that no longer match anything. */
export function compareWithAllowlist(
  violations: readonly Violation[],
  allowlist: readonly AllowlistEntry[],
): { unexpected: Violation[]; stale: AllowlistEntry[] } {
  return {
    unexpected: violations.filter((violation) => !allowlist.some((entry) => matches(entry, violation))),
    stale: allowlist.filter((entry) => !violations.some((violation) => matches(entry, violation))),
  };
}

/** The report a person reads: every unexpected violation and every stale allowlist entry, one a line. */
export function formatReport(result: { unexpected: Violation[]; stale: AllowlistEntry[] }): string {
  const lines = [
    ...result.unexpected.map((v) => `✗ [${v.rule}] ${v.message}`),
    ...result.stale.map(
      (e) =>
        `✗ [stale allowlist entry] ${e.file}${e.target ? ` → ${e.target}` : ""} (${e.rule}) is fixed: remove it from scripts/boundaries-allowlist.json`,
    ),
  ];
  return lines.join("\n");
}

// `--prune`: drop the allowlist entries that no longer match a violation (the reasons of the others are kept).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const violations = findViolations(readSourceTree());
  let allowlist = readAllowlist();
  if (process.argv.includes("--prune")) {
    const { stale } = compareWithAllowlist(violations, allowlist);
    allowlist = allowlist.filter((entry) => !stale.includes(entry));
    writeFileSync(allowlistPath, `${JSON.stringify(allowlist, null, 2)}\n`);
    process.stdout.write(`${stale.length} fixed entr${stale.length === 1 ? "y" : "ies"} removed from scripts/boundaries-allowlist.json\n`);
  }
  const result = compareWithAllowlist(violations, allowlist);
  const report = formatReport(result);
  process.stdout.write(`${violations.length} violation(s), ${allowlist.length} allowed by scripts/boundaries-allowlist.json\n`);
  if (report) process.stdout.write(`${report}\n`);
  process.exit(report ? 1 : 0);
}
