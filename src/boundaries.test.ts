// Issue 13: the boundaries the build enforces (scripts/check-boundaries.ts, docs/ARCHITECTURE.md). The first test
// runs the check over the real tree and prints every violation that the allowlist does not excuse; the others feed
// it deliberately wrong files and see it fail.
import { describe, expect, it } from "vitest";
import { compareWithAllowlist, findViolations, formatReport, readAllowlist, readSourceTree } from "../scripts/check-boundaries";

const tree = (files: Record<string, string>) => new Map(Object.entries(files));

describe("item 13: the boundary check", () => {
  it("item 13: src/ keeps its boundaries (apart from the known violations in scripts/boundaries-allowlist.json)", () => {
    const result = compareWithAllowlist(findViolations(readSourceTree()), readAllowlist());
    expect(formatReport(result), "fix these or, with a reason, list them in scripts/boundaries-allowlist.json").toBe("");
  });

  it("item 13: fails when a module imports another module's internals, and passes through its index", () => {
    const files = tree({
      "src/server/modules/alpha/service.ts": 'import { rows } from "../beta/repository";\nimport { beta } from "../beta";\n',
      "src/server/modules/alpha/index.ts": 'export * from "./service";\n',
      "src/server/modules/beta/repository.ts": "export const rows = 1;\n",
      "src/server/modules/beta/index.ts": 'export const beta = 1;\nexport { rows } from "./repository";\n',
    });
    const violations = findViolations(files);
    expect(violations).toEqual([
      expect.objectContaining({
        rule: "module-internals",
        file: "src/server/modules/alpha/service.ts",
        target: "src/server/modules/beta/repository.ts",
      }),
    ]);
    expect(formatReport(compareWithAllowlist(violations, []))).toContain("alpha/service.ts imports src/server/modules/beta/repository.ts");
  });

  it("item 13: fails when the CLI, app.ts or a test helper reaches into a module (type imports and dynamic imports too)", () => {
    const files = tree({
      "src/cli/beta-command.ts": 'import type { Row } from "../server/modules/beta/repository";\n',
      "src/server/app.ts": 'const m = await import("./modules/beta/routes");\nimport { MODULES } from "./modules";\n',
      "src/server/testing/beta.ts": 'export { beta } from "../modules/beta/index";\n',
      "src/server/modules/index.ts": "export const MODULES = [];\n",
      "src/server/modules/beta/repository.ts": "export type Row = { id: string };\n",
      "src/server/modules/beta/routes.ts": "export const routes = 1;\n",
      "src/server/modules/beta/index.ts": "export const beta = 1;\n",
    });
    expect(findViolations(files).map((v) => `${v.rule} ${v.file} → ${v.target}`)).toEqual([
      "module-internals src/cli/beta-command.ts → src/server/modules/beta/repository.ts",
      "module-internals src/server/app.ts → src/server/modules/beta/routes.ts",
    ]);
  });

  it("item 13: fails when the web client or src/common imports the server, or the platform imports a module", () => {
    const files = tree({
      "src/web/modules/beta/Page.tsx": 'import { rows } from "../../../server/modules/beta";\n',
      "src/common/beta.ts": 'import { log } from "../server/platform/logger";\nimport { Button } from "../web/ui/Button";\n',
      "src/server/platform/search/search.ts":
        'import { beta } from "../../modules/beta";\nimport type { ModuleManifest } from "../../modules/manifest";\n',
      "src/server/platform/logger.ts": "export const log = 1;\n",
      "src/web/ui/Button.tsx": "export const Button = 1;\n",
      "src/server/modules/beta/index.ts": "export const rows = 1;\n",
      "src/server/modules/manifest.ts": "export interface ModuleManifest { name: string }\n",
    });
    expect(findViolations(files).map((v) => `${v.rule} ${v.file}`)).toEqual([
      "web-to-server src/common/beta.ts",
      "common-to-web src/common/beta.ts",
      "platform-to-module src/server/platform/search/search.ts",
      "web-to-server src/web/modules/beta/Page.tsx",
    ]);
  });

  it("item 13: fails when a route file contains SQL or calls .query(", () => {
    const placeholder = ["$", "{table}"].join(""); // a template literal with a substitution, in the file under test
    const files = tree({
      "src/server/modules/beta/routes.ts":
        "router.on(api.list, () => service.list(db));\nconst sql = `SELECT id FROM beta_rows WHERE id = $1`;\n",
      "src/server/modules/beta/ledger/money-routes.ts": 'router.on(api.one, async () => (await db.query("SELECT 1")).rows);\n',
      "src/server/modules/beta/admin-routes.ts": `const sql = \`DELETE FROM ${placeholder} WHERE id = $1\`;\n`,
      "src/server/modules/beta/other-routes.ts":
        'router.on(api.two, () => ({ message: "Select a file from the list, then update it" }));\n',
      "src/server/modules/beta/repository.ts": 'export const q = (db) => db.query("DELETE FROM beta_rows");\n',
    });
    expect(findViolations(files).map((v) => `${v.rule} ${v.file} ${v.target}`)).toEqual([
      "sql-in-route src/server/modules/beta/admin-routes.ts line 1: SQL in a string",
      "sql-in-route src/server/modules/beta/ledger/money-routes.ts line 1: .query(",
      "sql-in-route src/server/modules/beta/routes.ts line 2: SQL in a string",
    ]);
  });

  it("item 13: fails when a service or any other module file holds SQL; repository files, tests and fixtures may", () => {
    const files = tree({
      "src/server/modules/beta/service.ts": 'export const list = (db) => db.query("SELECT id FROM beta_rows");\n',
      "src/server/modules/beta/ledger/costs.ts": "const sql = `UPDATE beta_costs SET amount = $1`;\n",
      "src/server/modules/beta/repository.ts": 'export const rows = (db) => db.query("SELECT id FROM beta_rows");\n',
      "src/server/modules/beta/ledger/costs-repository.ts": 'export const rows = (db) => db.query("DELETE FROM beta_costs");\n',
      "src/server/modules/beta/service.db.test.ts": 'await t.db.query("INSERT INTO beta_rows DEFAULT VALUES");\n',
      "src/server/modules/beta/money.fixture.ts": 'await db.query("INSERT INTO beta_rows DEFAULT VALUES");\n',
      "src/server/platform/settings.ts": 'export const read = (db) => db.query("SELECT value FROM app_settings");\n',
    });
    expect(findViolations(files).map((v) => `${v.rule} ${v.file} ${v.target}`)).toEqual([
      "sql-outside-repository src/server/modules/beta/ledger/costs.ts line 1: SQL in a string",
      "sql-outside-repository src/server/modules/beta/service.ts line 1: .query(",
    ]);
  });

  it("item 13: fails when a route file imports a repository (a route calls one service function)", () => {
    const files = tree({
      "src/server/modules/beta/routes.ts": 'import * as repo from "./repository";\nimport { list } from "./service";\n',
      "src/server/modules/beta/ledger/money-routes.ts": 'import { costs } from "./costs-repository";\n',
      "src/server/modules/beta/service.ts": 'import * as repo from "./repository";\n',
      "src/server/modules/beta/repository.ts": "export const rows = 1;\n",
      "src/server/modules/beta/ledger/costs-repository.ts": "export const costs = 1;\n",
    });
    expect(findViolations(files).map((v) => `${v.rule} ${v.file} → ${v.target}`)).toEqual([
      "route-to-repository src/server/modules/beta/ledger/money-routes.ts → src/server/modules/beta/ledger/costs-repository.ts",
      "route-to-repository src/server/modules/beta/routes.ts → src/server/modules/beta/repository.ts",
    ]);
  });

  it("item 13: fails when a module's route checks the caller or audits, and passes when it calls one service function", () => {
    const files = tree({
      "src/server/modules/beta/routes.ts": [
        'router.on(api.list, async (_, { user }) => { authorize(user, "beta.read"); return svc.list(db); });',
        "router.on(api.get, ({ params }, { user }) => svc.get(db, user, params.id));",
      ].join("\n"),
      "src/server/modules/beta/ledger/money-routes.ts":
        "router.on(api.x, async (_, { user, actor }) => { const a = await access.staffAccessOf(db, user); await recordAudit(db, actor, {}); return a; });\n",
      "src/server/modules/beta/admin-routes.ts":
        "router.on(api.y, async (_, { user }) => { requireManager(await accessOf(db, user)); });\n",
      "src/server/modules/beta/service-routes.ts": "router.on(api.z, (_, { user }) => svc.describeAccess(db, user));\n",
      // The platform's own handlers are not a module's: the rule is for modules.
      "src/server/platform/routes.ts": 'router.on(api.w, async (_, { user }) => { authorize(user, "admin.manage"); });\n',
    });
    expect(findViolations(files).map((v) => `${v.rule} ${v.file} ${v.target}`)).toEqual([
      "auth-in-route src/server/modules/beta/admin-routes.ts line 1: requireManager(",
      "auth-in-route src/server/modules/beta/ledger/money-routes.ts line 1: staffAccessOf(",
      "auth-in-route src/server/modules/beta/routes.ts line 1: authorize(",
    ]);
  });

  it("item 13: an allowlisted violation passes, and an entry that no longer matches is reported so the list shrinks", () => {
    const violations = findViolations(
      tree({
        "src/server/modules/alpha/service.ts": 'import { rows } from "../beta/repository";\n',
        "src/server/modules/beta/repository.ts": "export const rows = 1;\n",
      }),
    );
    const entry = {
      rule: "module-internals" as const,
      file: "src/server/modules/alpha/service.ts",
      target: "src/server/modules/beta/repository.ts",
      reason: "being moved",
    };
    expect(compareWithAllowlist(violations, [entry])).toEqual({ unexpected: [], stale: [] });
    const fixed = compareWithAllowlist([], [entry]);
    expect(fixed.stale).toEqual([entry]);
    expect(formatReport(fixed)).toContain("stale allowlist entry");
  });
});
