// Issue 13: the shared tables (app_settings, organisations) are reached through platform functions, so a module
// keeps no copy of their SQL. These tests pin what the modules rely on.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../testing/db";
import { createOrganisation, findOrganisationIdByCode, organisationIdByCode, organisationKindOf } from "./admin/organisations";
import { readSetting, writeSetting } from "./settings";

let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.cleanup();
});

describe("issue 13: platform functions for shared tables", () => {
  it("readSetting / writeSetting keep any JSON value and read null for an unset key", async () => {
    expect(await readSetting(t.db, "test.unset")).toBeNull();
    await writeSetting(t.db, "test.text", "abc");
    await writeSetting(t.db, "test.number", 14);
    await writeSetting(t.db, "test.object", { a: [1, "二"] });
    expect(await readSetting<string>(t.db, "test.text")).toBe("abc");
    expect(await readSetting<number>(t.db, "test.number")).toBe(14);
    expect(await readSetting(t.db, "test.object")).toEqual({ a: [1, "二"] });
    // Overwrites; a text value is stored as a JSON string, as the modules' own copies did (to_jsonb(text)).
    await t.db.transaction((tx) => writeSetting(tx, "test.text", "xyz"));
    expect(await readSetting(t.db, "test.text")).toBe("xyz");
    const { rows } = await t.db.query<{ text: string }>("SELECT value #>> '{}' AS text FROM app_settings WHERE key = 'test.text'");
    expect(rows[0].text).toBe("xyz");
  });

  it("createOrganisation inserts in the caller's transaction; the look-ups find it by code", async () => {
    const id = await t.db.transaction((tx) =>
      createOrganisation(tx, { kind: "external", name: "テスト外部団体", code: "test-external", isSample: true }),
    );
    expect(await findOrganisationIdByCode(t.db, "test-external")).toBe(id);
    expect(await organisationIdByCode(t.db, "test-external")).toBe(id);
    expect(await organisationKindOf(t.db, id)).toBe("external");
    const { rows } = await t.db.query<{ is_sample: boolean; parent_id: string | null }>(
      "SELECT is_sample, parent_id FROM organisations WHERE id = $1",
      [id],
    );
    expect(rows[0]).toEqual({ is_sample: true, parent_id: null });
    expect(await findOrganisationIdByCode(t.db, "no-such-code")).toBeNull();
    await expect(organisationIdByCode(t.db, "no-such-code")).rejects.toThrow("no-such-code");
    // Rolled back with the caller's transaction.
    await expect(
      t.db.transaction(async (tx) => {
        await createOrganisation(tx, { kind: "external", name: "取り消される団体", code: "test-rolled-back" });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await findOrganisationIdByCode(t.db, "test-rolled-back")).toBeNull();
  });
});
