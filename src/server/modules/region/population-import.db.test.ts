// 市町の人口の一括登録 through the platform's tabular import, and populationsAt (what the 負担金 rules of issue 18 read),
// on the module's sample data (住民基本台帳 2022-01-01 for the 18 市町): dates in 和暦, yyyy-mm-dd and yyyy/mm/dd, a
// 市町 by code or by name, repaired codes reported; an unknown 市町, a negative or non-numeric figure, an unknown basis
// refuse the file row by row; the same file twice changes nothing; a newer figure for the same 市町/basis/date
// replaces the stored one and is reported; populationsAt names the 市町 without a figure.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMunicipalityWorld, type MunicipalityWorld, outcomeOf, runImport } from "./municipality.fixture";
import { PopulationMissingError, populationsAt } from "./population-service";

const KIND = "region-populations";
const HEADER = "全国地方公共団体コード,市町名,基準,基準日,人口,出典";

let w: MunicipalityWorld;

beforeAll(async () => {
  w = await buildMunicipalityWorld({ jobs: true });
}, 120_000);
afterAll(() => w?.t.cleanup());

async function figure(code: string, basis: string, asOf: string) {
  const { rows } = await w.t.db.query<{ population: number; source: string; is_sample: boolean }>(
    "SELECT population, source, is_sample FROM region_populations WHERE municipality_code = $1 AND basis = $2 AND as_of = $3",
    [code, basis, asOf],
  );
  return rows[0] ?? null;
}

async function figureCount(): Promise<number> {
  return (await w.t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM region_populations")).rows[0].n;
}

describe("市町の人口の一括登録", () => {
  it("takes 和暦 and both western date forms, a 市町 by code or by name, and reports a repaired code", async () => {
    const csv = [
      HEADER,
      '401005,北九州市,住民基本台帳,令和5年3月31日,"927,000",市の統計（令和5年3月末）',
      ",直方市,住基,2023/03/31,５５０００人,",
      "40213,,住民基本台帳,2023-03-31,71000,行橋市の統計",
    ].join("\n");
    const outcome = outcomeOf(await runImport(w.manager, KIND, "人口_R5.csv", csv));
    expect(outcome).toMatchObject({ ok: true, count: 3, duplicate: false });
    if (!outcome.ok) throw new Error("rejected");
    expect(outcome.summary).toContain("人口3件（新規3件・置き換え0件・変更なし0件）");
    expect(outcome.summary).toContain("4行目 40213→402133");
    expect(await figure("401005", "resident_register", "2023-03-31")).toEqual({
      population: 927000,
      source: "市の統計（令和5年3月末）",
      is_sample: false,
    });
    expect(await figure("402044", "resident_register", "2023-03-31")).toMatchObject({ population: 55000 });
    expect(await figure("402133", "resident_register", "2023-03-31")).toMatchObject({ population: 71000 });
  });

  it("refuses an unknown 市町, a negative or non-numeric figure and an unknown basis, row by row, and writes nothing", async () => {
    const before = await figureCount();
    const cellErrors = [
      HEADER,
      "402141,豊前市,国勢調査,2020-10-01,-5,",
      "402150,中間市,国勢調査,2020-10-01,約4万,",
      "402265,宮若市,住民票,2020-10-01,26000,",
      "403814,芦屋町,国勢調査,令和2年10月,13000,",
      "403822,水巻町,国勢調査,2020-10-01,28000,",
    ].join("\n");
    const rejected = outcomeOf(await runImport(w.manager, KIND, "bad-cells.csv", cellErrors));
    if (rejected.ok) throw new Error("accepted");
    expect(rejected.errors).toEqual([
      { row: 2, column: "人口", message: "人口に負の数は入力できません" },
      { row: 3, column: "人口", message: "人口は0以上の整数（人数）で入力してください" },
      { row: 4, column: "基準", message: "基準「住民票」は使えません（国勢調査・住民基本台帳・推計人口のいずれか）" },
      { row: 5, column: "基準日", message: "基準日は 令和4年1月1日・2022-01-01・2022/01/01 のように日付で入力してください" },
    ]);

    const unknown = [
      HEADER,
      "352012,下関市,国勢調査,2020-10-01,255000,",
      ",福岡市,国勢調査,2020-10-01,1612000,",
      "402044,行橋市,国勢調査,2020-10-01,70000,",
      "403831,岡垣町,国勢調査,2020-10-01,31000,",
      "403831,岡垣町,国勢調査,令和2年10月1日,31000,",
      ",,国勢調査,2020-10-01,1000,",
    ].join("\n");
    const second = outcomeOf(await runImport(w.manager, KIND, "unknown.csv", unknown));
    if (second.ok) throw new Error("accepted");
    expect(second.errors.map((e) => [e.row, e.column])).toEqual([[7, "全国地方公共団体コード"]]);
    const withoutBlank = unknown.split("\n").slice(0, 6).join("\n");
    const third = outcomeOf(await runImport(w.manager, KIND, "unknown2.csv", withoutBlank));
    if (third.ok) throw new Error("accepted");
    expect(third.errors).toEqual([
      {
        row: 2,
        column: "全国地方公共団体コード",
        message: "コード 352012 の市町は連携市町に登録されていません（先に連携市町の一括登録で登録してください）",
      },
      { row: 3, column: "市町名", message: "市町名「福岡市」は連携市町に登録されていません" },
      { row: 4, column: "市町名", message: "市町名「行橋市」とコード 402044（直方市）が合いません" },
      { row: 6, column: "基準日", message: "岡垣町の国勢調査（令和2年10月1日現在）の行が重複しています（5行目）" },
    ]);
    expect(await figureCount()).toBe(before);
  });

  it("changes nothing for the same file twice, and replaces a newer figure for the same 市町/basis/date, reporting it", async () => {
    const csv = `${HEADER}\n402044,直方市,住民基本台帳,2022-01-01,55900,直方市の統計（訂正）\n402133,行橋市,住民基本台帳,2022-01-01,72778,住民基本台帳（2022年1月1日）\n`;
    const first = outcomeOf(await runImport(w.manager, KIND, "訂正.csv", csv));
    expect(first).toMatchObject({ ok: true, count: 1 });
    if (!first.ok) throw new Error("rejected");
    expect(first.summary).toContain("新規0件・置き換え1件・変更なし1件");
    expect(first.summary).toContain("置き換えた数値: 2行目 直方市 住民基本台帳 令和4年1月1日 55,941人→55,900人");
    expect(await figure("402044", "resident_register", "2022-01-01")).toEqual({
      population: 55900,
      source: "直方市の統計（訂正）",
      is_sample: false,
    });
    // 行橋市's figure was the sample one: unchanged, still marked as a sample
    expect(await figure("402133", "resident_register", "2022-01-01")).toMatchObject({ population: 72778, is_sample: true });
    const audit = await w.t.db.query<{ before: unknown; after: unknown }>(
      "SELECT before, after FROM audit_log WHERE entity_type = 'region_population' AND action = 'import_update' AND entity_id = '402044'",
    );
    expect(audit.rows).toEqual([
      {
        before: { population: 55941, source: "住民基本台帳（2022年1月1日）" },
        after: { population: 55900, source: "直方市の統計（訂正）" },
      },
    ]);

    const before = await figureCount();
    expect(outcomeOf(await runImport(w.manager, KIND, "訂正.csv", csv))).toMatchObject({ ok: true, duplicate: true, count: 0 });
    const copy = outcomeOf(await runImport(w.manager, KIND, "訂正のコピー.csv", `${csv}\n`));
    expect(copy).toMatchObject({ ok: true, duplicate: false, count: 0 });
    if (copy.ok) expect(copy.summary).toContain("新規0件・置き換え0件・変更なし2件");
    expect(await figureCount()).toBe(before);
    expect(await figure("402044", "resident_register", "2022-01-01")).toMatchObject({ population: 55900 });
  });

  it("lets only the hub's bureau import populations", async () => {
    const csv = `${HEADER}\n401005,北九州市,推計人口,2024-10-01,910000,\n`;
    expect((await w.viewer.upload(`/api/imports/${KIND}`, "x.csv", new TextEncoder().encode(csv))).status).toBe(403);
    expect((await w.municipalityEditor.upload(`/api/imports/${KIND}`, "x.csv", new TextEncoder().encode(csv))).status).toBe(403);
    expect(outcomeOf(await runImport(w.otherEditor, KIND, "other.csv", csv))).toMatchObject({ ok: false });
    expect(await figure("401005", "estimate", "2024-10-01")).toBeNull();
  });
});

describe("populationsAt (負担金の人口割)", () => {
  it("gives every 市町's figure for a complete basis and date", async () => {
    const figures = await populationsAt(w.t.db, "resident_register", "2022-01-01");
    expect(figures.size).toBe(18);
    expect(figures.get("401005")).toBe(936586);
    expect(figures.get("406422")).toBe(6600);
  });

  it("names each 市町 without a figure, and takes a rule's members only when given", async () => {
    const missing = await populationsAt(w.t.db, "resident_register", "2023-03-31").catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(PopulationMissingError);
    const error = missing as PopulationMissingError;
    expect(error.missing).toHaveLength(15);
    expect(error.message).toContain(
      "住民基本台帳・年度末（令和5年3月31日現在）の人口が登録されていない市町があります: 豊前市（402141）、中間市（402150）",
    );
    expect(error.message).not.toContain("直方市");

    const members = await populationsAt(w.t.db, "resident_register", "2023-03-31", ["401005", "402044", "402133"]);
    expect([...members]).toEqual([
      ["401005", 927000],
      ["402044", 55000],
      ["402133", 71000],
    ]);
    await expect(populationsAt(w.t.db, "resident_register", "2023-03-31", ["401005", "352012"])).rejects.toThrow(
      "連携市町に登録されていない団体（352012）",
    );
    await expect(populationsAt(w.t.db, "census", "2020-10-01")).rejects.toBeInstanceOf(PopulationMissingError);
  });
});

describe("the population table", () => {
  it("lists the sets, shows the newest by default with the region's total, each share and the 市町 without a figure", async () => {
    const response = await w.viewer.get("/api/region/populations");
    expect(response.status).toBe(200);
    const { sets, table, canManage } = response.body;
    expect(canManage).toBe(false);
    expect(sets.slice(0, 2)).toEqual([
      { basis: "resident_register", asOf: "2023-03-31", count: 3 },
      { basis: "resident_register", asOf: "2022-01-01", count: 18 },
    ]);
    expect(table).toMatchObject({ basis: "resident_register", asOf: "2023-03-31", total: 927000 + 55000 + 71000 });
    expect(table.missing).toHaveLength(15);
    const nogata = table.rows.find((r: { code: string }) => r.code === "402044");
    expect(nogata.share).toBeCloseTo(55000 / 1053000, 10);
    expect(table.rows.find((r: { code: string }) => r.code === "402141")).toMatchObject({ population: null, share: null });
  });

  it("shows a chosen set, and exports it as CSV with the total and the missing 市町 said", async () => {
    const chosen = await w.viewer.get("/api/region/populations?basis=resident_register&asOf=2022-01-01");
    expect(chosen.body.table.missing).toEqual([]);
    expect(chosen.body.table.rows).toHaveLength(18);
    const sum = chosen.body.table.rows.reduce((s: number, r: { population: number }) => s + r.population, 0);
    expect(chosen.body.table.total).toBe(sum);

    const csv = await w.viewer.get("/api/region/populations/export?basis=resident_register&asOf=2023-03-31&format=csv");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toMatch(/attachment/);
    const text = String(csv.body).replace(/^\uFEFF/, "");
    expect(text.split("\r\n")[0]).toBe("全国地方公共団体コード,市町名,基準,基準日,人口,割合（%）,出典,注記");
    expect(text).toContain("402141,豊前市,住民基本台帳,令和5年3月31日,,,,人口が登録されていません");
    expect(text).toContain(",圏域の合計,住民基本台帳,令和5年3月31日,1053000,100,,人口のない市町15件を除く");
    const xlsx = await w.viewer.get("/api/region/populations/export?basis=resident_register&asOf=2023-03-31&format=xlsx");
    expect(xlsx.status).toBe(200);
    expect(xlsx.raw.slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
  });

  it("is for staff only", async () => {
    expect((await w.municipalityEditor.get("/api/region/populations")).status).toBe(403);
    expect((await w.anonymous.get("/api/region/populations")).status).toBe(401);
  });
});
