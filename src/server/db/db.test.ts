// The committed migrations: found by their NNNN_name.sql file names and applied in name order.
import { describe, expect, it } from "vitest";
import { loadMigrations } from "./migrate";

describe("loadMigrations", () => {
  it("loads the committed migrations in name order, each as one whole script", () => {
    const migrations = loadMigrations();
    expect(migrations.map((m) => m.name).slice(0, 2)).toEqual(["0001_platform", "0002_policy"]);
    expect(migrations.map((m) => m.name)).toEqual([...migrations.map((m) => m.name)].sort());
    // the append-only trigger function of 0001 is in its script with its whole body
    expect(migrations[0].sql).toMatch(/reject_change\(\) RETURNS trigger[\s\S]+RAISE EXCEPTION 'table % is append-only'/);
  });
});
