// 年度別数値 over HTTP: every member of staff reads, the bureau responsible writes; an empty field is not entered (its
// row is deleted) while 0 stays 0; an edit from a stale screen is a 409; the import takes one row per fiscal year
// (2024・令和6年度・R6), is all or nothing with row-level errors, and replaces the years it holds (and only those).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeFile } from "../../platform/files/files";
import { runTabularImport } from "../../platform/imports/run-import";
import { createTestApp, type TestApp, type TestClient } from "../../testing/app";
import { buildCity, buildUser, TEST_PASSWORD } from "../../testing/factories";
import { setAnalysisOwner } from "./access";

let t: TestApp;
let manager: TestClient;
let viewer: TestClient;
let otherEditor: TestClient;
let subjectId: string;
let measureId: string;
let managerUserId: string;

beforeAll(async () => {
  t = await createTestApp();
  const city = await buildCity(t.db);
  await setAnalysisOwner(t.db, city.bureau.id);
  const user = await buildUser(t.db, { role: "editor", organisationId: city.bureau.id });
  managerUserId = user.id;
  manager = await t.login(user.loginId, TEST_PASSWORD);
  viewer = await t.login(city.viewer.loginId, TEST_PASSWORD);
  otherEditor = await t.login(city.otherEditor.loginId, TEST_PASSWORD);
  const s = await t.db.query<{ id: string }>(
    "INSERT INTO analysis_subjects (name, role, kind, analysis_fiscal_year) VALUES ('テスト大学', 'subject', 'public_university', 2026) RETURNING id",
  );
  subjectId = s.rows[0]!.id;
  const m = await t.db.query<{ id: string }>(
    "INSERT INTO analysis_measures (subject_id, name, unit, is_cost_basis) VALUES ($1, '学生数', '人', true) RETURNING id",
    [subjectId],
  );
  measureId = m.rows[0]!.id;
}, 120_000);
afterAll(() => t?.cleanup());

const F = () => `/api/analysis/subjects/${subjectId}/figures`;
const yearOf = async (fy: number) => {
  const view = (await viewer.get(F())).body;
  return view.years.find((y: { fiscalYear: number }) => y.fiscalYear === fy);
};
const itemsOf = (year: { items: { code: string; value: number; source: string }[] } | undefined) =>
  Object.fromEntries((year?.items ?? []).map((i) => [i.code, [i.value, i.source]]));

describe("entry of a year", () => {
  it("stores the year's figures, keeps 0 as 0 and deletes an emptied field; readers cannot write", async () => {
    const body = {
      stamp: "",
      items: { "revenue.city_grant": 3_000_000, "revenue.own_tuition": 0, "expense.personnel": 2_000_000 },
      measures: { [measureId]: 1200 },
    };
    expect((await viewer.put(`${F()}/2023`, body)).status).toBe(403);
    expect((await otherEditor.put(`${F()}/2023`, body)).status).toBe(403);
    const saved = await manager.put(`${F()}/2023`, body);
    expect(saved.status).toBe(200);
    expect(itemsOf(saved.body)).toEqual({
      "revenue.city_grant": [3_000_000, "entered"],
      "revenue.own_tuition": [0, "entered"],
      "expense.personnel": [2_000_000, "entered"],
    });
    expect(saved.body.measures).toEqual([{ measureId, value: 1200, source: "entered" }]);

    // the tuition field emptied: its row goes, it is not entered any more (not 0)
    const again = await manager.put(`${F()}/2023`, {
      stamp: saved.body.stamp,
      items: { "revenue.city_grant": 3_000_000, "revenue.own_tuition": null, "expense.personnel": 2_100_000 },
      measures: { [measureId]: 1200 },
    });
    expect(again.status).toBe(200);
    expect(itemsOf(await yearOf(2023))).toEqual({
      "revenue.city_grant": [3_000_000, "entered"],
      "expense.personnel": [2_100_000, "entered"],
    });
    const audit = await t.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE entity_type = 'analysis_figures' AND entity_id = $1 ORDER BY id",
      [`${subjectId}:2023`],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(["create", "update"]);
  });

  it("refuses an edit made from a stale screen with 409 and changes nothing", async () => {
    const stale = await manager.put(`${F()}/2023`, { stamp: "", items: { "revenue.city_grant": 1 }, measures: {} });
    expect(stale.status).toBe(409);
    expect(itemsOf(await yearOf(2023))["revenue.city_grant"]).toEqual([3_000_000, "entered"]);
  });

  it("refuses an unknown item, a negative value and another subject's measure", async () => {
    expect((await manager.put(`${F()}/2022`, { stamp: "", items: { "revenue.nothing": 1 }, measures: {} })).status).toBe(400);
    expect((await manager.put(`${F()}/2022`, { stamp: "", items: { "revenue.city_grant": -1 }, measures: {} })).status).toBe(400);
    const foreign = await manager.put(`${F()}/2022`, {
      stamp: "",
      items: {},
      measures: { "00000000-0000-4000-8000-000000000000": 5 },
    });
    expect(foreign.status).toBe(400);
  });

  it("deletes a year's figures with the stamp it was read with", async () => {
    const made = await manager.put(`${F()}/2021`, { stamp: "", items: { "revenue.city_grant": 5 }, measures: {} });
    expect((await manager.delete(`${F()}/2021?stamp=${encodeURIComponent("0@")}`)).status).toBe(409);
    expect((await manager.delete(`${F()}/2021?stamp=${encodeURIComponent(made.body.stamp)}`)).status).toBe(200);
    expect(await yearOf(2021)).toBeUndefined();
  });
});

const csvFile = (text: string, name = "figures.csv") => {
  const form = new FormData();
  form.append("file", new File([new TextEncoder().encode(text)], name, { type: "text/csv" }));
  return form;
};

describe("import", () => {
  it("rejects the whole file with row, column and problem when one row is wrong", async () => {
    const before = await yearOf(2023);
    const res = await manager.post(
      `${F()}/import`,
      csvFile(["年度,運営費交付金（市）,授業料,学生数,謎の列", "令和5年度,100,200,300,"].join("\n")),
    );
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(false);
    expect(res.body.errors).toEqual([{ row: 1, column: "謎の列", message: expect.stringContaining("どの項目・活動指標にも当たりません") }]);

    const bad = await manager.post(
      `${F()}/import`,
      csvFile(
        ["年度,運営費交付金（市）,expense.personnel,学生数", "R5,100,200,300", "令和6,1,2,3", "2024,-5,2,abc", "R5,1,1,1"].join("\n"),
      ),
    );
    expect(bad.body.ok).toBe(false);
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([
        { row: 3, column: "年度", message: expect.stringContaining("年度は") },
        { row: 4, column: "運営費交付金（市）", message: expect.stringContaining("0以上") },
        { row: 4, column: "学生数", message: expect.any(String) },
      ]),
    );
    expect(typeof bad.body.reportFileId).toBe("string");
    // nothing changed
    expect(await yearOf(2023)).toEqual(before);
  });

  it("replaces the years of the file (items and measures, by label or code) and leaves the other years alone", async () => {
    await manager.put(`${F()}/2020`, { stamp: "", items: { "revenue.city_grant": 7 }, measures: {} });
    const res = await manager.post(
      `${F()}/import`,
      csvFile(
        ["年度,運営費交付金（市）,revenue.own_tuition,人件費,学生数", 'R5,"4,000,000",0,,1300', "2024,4100000,500000,2500000,"].join("\n"),
      ),
    );
    expect(res.body).toMatchObject({ ok: true, years: [2023, 2024], count: 6 });
    // 2023 replaced: 人件費 was 2,100,000 and is now not entered (empty cell); tuition 0 stays 0
    expect(itemsOf(await yearOf(2023))).toEqual({
      "revenue.city_grant": [4_000_000, "imported"],
      "revenue.own_tuition": [0, "imported"],
    });
    expect((await yearOf(2023)).measures).toEqual([{ measureId, value: 1300, source: "imported" }]);
    expect(itemsOf(await yearOf(2024))).toEqual({
      "revenue.city_grant": [4_100_000, "imported"],
      "revenue.own_tuition": [500_000, "imported"],
      "expense.personnel": [2_500_000, "imported"],
    });
    expect((await yearOf(2024)).measures).toEqual([]);
    // 2020 is not in the file
    expect(itemsOf(await yearOf(2020))).toEqual({ "revenue.city_grant": [7, "entered"] });
    // readers may not import
    expect((await viewer.post(`${F()}/import`, csvFile("年度\nR5"))).status).toBe(403);
  });

  it("hands out a template whose headings the import takes", async () => {
    const res = await viewer.get(`${F()}/template`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    const { readXlsx } = await import("../../platform/tabular/xlsx-read");
    const table = await readXlsx(res.raw);
    expect(table.header[0]).toBe("年度");
    expect(table.header).toContain("運営費交付金（市）");
    expect(table.header).toContain("学生数");
    // the stored years come filled in, so that the file can be edited and imported back
    expect(table.rows.map((r) => r[0])).toEqual(expect.arrayContaining(["令和5年度", "令和6年度"]));
    const back = new FormData();
    back.append("file", new File([res.raw as Uint8Array<ArrayBuffer>], "back.xlsx"));
    const reimported = await manager.post(`${F()}/import`, back);
    expect(reimported.body.ok).toBe(true);
    expect(itemsOf(await yearOf(2024))["expense.personnel"]).toEqual([2_500_000, "imported"]);
  });
});

describe("the platform's import kind", () => {
  it("takes several bodies by name, all or nothing, through the tabular import job", async () => {
    await t.db.query("INSERT INTO analysis_subjects (name, role, kind) VALUES ('比較大学', 'peer', 'public_university')");
    const run = async (text: string) => {
      const file = await storeFile(t.db, {
        name: "all.csv",
        mimeType: "text/csv",
        bytes: new TextEncoder().encode(text),
        createdBy: managerUserId,
        owner: { kind: "import", id: null, purpose: "import_upload" },
      });
      return runTabularImport(
        t.db,
        { kind: "analysis-figures", fileId: file.id, actor: { userId: managerUserId, label: "担当" } },
        async () => {},
        null,
      );
    };
    const bad = await run(["対象,年度,運営費交付金（市）", "比較大学,R6,10", "ない大学,R6,10"].join("\n"));
    expect(bad).toMatchObject({ ok: false, errors: [{ row: 3, column: "対象", message: expect.stringContaining("ない大学") }] });
    const good = await run(["対象,年度,運営費交付金（市）,授業料", "比較大学,R6,10,20", "テスト大学,2020,8,"].join("\n"));
    expect(good).toMatchObject({ ok: true, count: 3 });
    expect(itemsOf(await yearOf(2020))).toEqual({ "revenue.city_grant": [8, "imported"] });
    const audit = await t.db.query("SELECT 1 FROM audit_log WHERE entity_type = 'import:analysis-figures'");
    expect(audit.rowCount).toBe(1);
  });
});
