// Issue 13: the engagement features (有識者会議・Action宣言・周知・浸透) reach the vision core's tables only through
// what vision/core.ts exports (index.ts re-exports it; the engagement files do not import index.ts, which registers
// their routes, so the two never import each other); their own SQL lives in their repositories (REPOSITORY_FILES),
// and no vision route file holds SQL.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const here = path.dirname(fileURLToPath(import.meta.url));
const source = (file: string) => readFileSync(path.join(here, file), "utf8");

const ENGAGEMENT_FILES = [
  "council.ts",
  "council-members.ts",
  "council-comments.ts",
  "declarations.ts",
  "outreach.ts",
  "engagement-access.ts",
  "engagement-demo.ts",
  "engagement-routes.ts",
];
const REPOSITORY_FILES = ["engagement-repository.ts", "declarations-repository.ts", "outreach-repository.ts"];
const ROUTE_FILES = ["routes.ts", "engagement-routes.ts"];
const CORE_TABLES = [
  "vision_plans",
  "vision_nodes",
  "vision_node_challenges",
  "vision_grade_rules",
  "vision_indicators",
  "vision_actuals",
  "vision_rounds",
  "vision_round_tasks",
  "vision_grades",
];
const SQL = /\.query\s*[<(]|\bSELECT\b[^\n;]*\bFROM\s+\w|\bINSERT INTO\s+\w|\bUPDATE\s+\w+\s+SET\b|\bDELETE FROM\s+\w/;
const CORE_MODULES = [
  "./plan-repository",
  "./indicator-repository",
  "./grade-repository",
  "./round-repository",
  "./access",
  "./actuals",
  "./grades",
  "./plan",
  "./rounds",
  "./indicators",
];

describe("issue 13: vision engagement goes through the core's public face", () => {
  it.each(ENGAGEMENT_FILES)("%s holds no SQL and imports no core internals", (file) => {
    const text = source(file);
    expect(text).not.toMatch(SQL);
    for (const core of CORE_MODULES) expect(text).not.toContain(`from "${core}"`);
    expect(text).not.toMatch(/from "\.\/index"|from "\."/);
  });

  it.each(REPOSITORY_FILES)("the engagement repository %s names none of the core's tables", (file) => {
    const text = source(file);
    for (const table of CORE_TABLES) expect(text).not.toMatch(new RegExp(`\\b${table}\\b`));
  });

  it.each(ROUTE_FILES)("the route file %s holds no SQL", (file) => {
    expect(source(file)).not.toMatch(SQL);
  });
});
