// Migration scripts are split into statements before they run inside one transaction: a split in the wrong place
// (inside a function body, a string or a comment) would break a migration or, worse, run half of a statement.
import { describe, expect, it } from "vitest";
import { loadMigrations, splitStatements } from "./migrate";

describe("splitStatements", () => {
  it("splits on semicolons between statements and drops empty ones", () => {
    expect(splitStatements("CREATE TABLE a (id int);\n\nCREATE TABLE b (id int);;\n")).toEqual([
      "CREATE TABLE a (id int)",
      "CREATE TABLE b (id int)",
    ]);
  });

  it("keeps a $$ function body with its own semicolons in one statement", () => {
    const script = `CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'no; never';
  RETURN NULL;
END;
$$;
CREATE TRIGGER t BEFORE UPDATE ON x FOR EACH ROW EXECUTE FUNCTION f();`;
    const statements = splitStatements(script);
    expect(statements).toHaveLength(2);
    expect(statements[0]).toMatch(/^CREATE FUNCTION f\(\)/);
    expect(statements[0]).toMatch(/RETURN NULL;\nEND;\n\$\$$/);
    expect(statements[1]).toMatch(/^CREATE TRIGGER t/);
  });

  it("keeps a tagged $body$ … $body$ with a nested $$ in one statement", () => {
    const script = "DO $body$ BEGIN EXECUTE $$SELECT 1; SELECT 2$$; END $body$; SELECT 3";
    expect(splitStatements(script)).toEqual(["DO $body$ BEGIN EXECUTE $$SELECT 1; SELECT 2$$; END $body$", "SELECT 3"]);
  });

  it("does not split inside '…' strings (with doubled quotes) or \"…\" identifiers", () => {
    const script = `INSERT INTO t (a) VALUES ('it''s; here');
CREATE TABLE "odd;name" ("col;x" int);
COMMENT ON TABLE t IS '-- not a comment; really'`;
    expect(splitStatements(script)).toEqual([
      "INSERT INTO t (a) VALUES ('it''s; here')",
      'CREATE TABLE "odd;name" ("col;x" int)',
      "COMMENT ON TABLE t IS '-- not a comment; really'",
    ]);
  });

  it("ignores -- comments, including semicolons and quotes inside them", () => {
    const script = `-- header; it's a comment
CREATE TABLE a (
  id int -- the key; don't split here
);
-- trailing comment; with 'quote`;
    const statements = splitStatements(script);
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/^CREATE TABLE a \(\s+id int\s+\)$/);
    expect(statements[0]).not.toContain("--");
  });

  it("splits the committed migrations so that the append-only trigger function stays whole", () => {
    const migrations = loadMigrations();
    expect(migrations.map((m) => m.name).slice(0, 2)).toEqual(["0001_platform", "0002_policy"]);
    const platform = splitStatements(migrations[0].sql);
    const fn = platform.filter((s) => s.includes("reject_change() RETURNS trigger"));
    expect(fn).toHaveLength(1);
    expect(fn[0]).toMatch(/RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME;\s+END;\s+\$\$$/);
    for (const migration of migrations) {
      for (const statement of splitStatements(migration.sql)) {
        expect(statement.trim().length).toBeGreaterThan(0);
        expect(statement).toMatch(/^(CREATE|INSERT|ALTER|COMMENT|DROP|UPDATE)\b/);
      }
    }
  });
});
