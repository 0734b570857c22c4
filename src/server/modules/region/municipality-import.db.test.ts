// 連携市町の一括登録 through the platform's tabular import (a job), on the module's sample data: 5-digit codes are
// repaired and the summary lists each repaired row, a wrong check digit refuses the file naming the row and the reason,
// one bad row imports nothing, the same file twice changes nothing, rows are upserted by code, Excel and Shift_JIS
// files are read, and only the hub's bureau (and administrators) may import.
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeXlsx } from "../../platform/tabular/xlsx-write";
import { buildMunicipalityWorld, type MunicipalityWorld, outcomeOf, runImport } from "./municipality.fixture";

const KIND = "region-municipalities";
const HEADER = "全国地方公共団体コード,市町名,ふりがな,英語名,区分,郡,連携協約の締結日";

let w: MunicipalityWorld;

beforeAll(async () => {
  w = await buildMunicipalityWorld({ jobs: true });
}, 120_000);
afterAll(() => w?.t.cleanup());

async function municipality(code: string) {
  const { rows } = await w.t.db.query<{
    name: string;
    name_en: string;
    kana: string;
    version: number;
    is_sample: boolean;
    joined_on: string | null;
  }>("SELECT name, name_en, kana, version, is_sample, joined_on::text AS joined_on FROM region_municipalities WHERE code = $1", [code]);
  return rows[0];
}

async function municipalityCount(): Promise<number> {
  return (await w.t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM region_municipalities")).rows[0].n;
}

describe("連携市町の一括登録", () => {
  it("upserts by code, repairs 5-digit codes and lists every repaired row in the summary", async () => {
    const before = await municipalityCount();
    const csv = [
      HEADER,
      "40100,北九州市,きたきゅうしゅうし,City of Kitakyushu,政令指定都市,,平成28年4月18日",
      "352012,下関市,シモノセキシ,Shimonoseki City,市,,",
      "402044,直方市,のおがたし,Nogata City,市,,2016-04-18",
      "92011,宇都宮市,うつのみやし,Utsunomiya City,市,,2016/04/18",
    ].join("\n");
    const job = await runImport(w.manager, KIND, "連携市町.csv", csv);
    expect(job.status).toBe("succeeded");
    const outcome = outcomeOf(job);
    expect(outcome).toMatchObject({ ok: true, count: 3, duplicate: false });
    if (!outcome.ok) throw new Error("rejected");
    expect(outcome.summary).toContain("新規2件・更新1件・変更なし1件");
    expect(outcome.summary).toContain("2行目 40100→401005（5桁のコードにチェックデジットを補いました）");
    expect(outcome.summary).toContain("5行目 92011→092011（先頭の0が落ちたコードに0を補いました）");
    expect(outcome.summary).not.toContain("4行目");

    expect(await municipalityCount()).toBe(before + 2);
    expect(await municipality("401005")).toMatchObject({ name_en: "City of Kitakyushu", version: 2, is_sample: false });
    expect(await municipality("402044")).toMatchObject({ name_en: "Nogata City", version: 1, is_sample: true });
    // katakana ふりがな is stored as hiragana; dates in any of the three forms
    expect(await municipality("352012")).toMatchObject({ kana: "しものせきし", joined_on: null, is_sample: false });
    expect(await municipality("092011")).toMatchObject({ joined_on: "2016-04-18" });

    const audit = await w.t.db.query<{ action: string; entity_id: string }>(
      "SELECT action, entity_id FROM audit_log WHERE entity_type = 'region_municipality' AND action LIKE 'import%' AND actor_user_id = $1 ORDER BY entity_id",
      [w.managerId],
    );
    expect(audit.rows).toEqual([
      { action: "import", entity_id: "092011" },
      { action: "import", entity_id: "352012" },
      { action: "import_update", entity_id: "401005" },
    ]);
  });

  it("refuses a wrong check digit with the row and the reason, and imports nothing of the file", async () => {
    const before = await municipalityCount();
    const csv = [
      HEADER,
      "402265,宮若市,みやわかし,Miyawaka,市,,",
      "401006,北九州市,きたきゅうしゅうし,Kitakyushu,政令指定都市,,",
      "452017,宮崎市,みやざきし,Miyazaki City,市,,",
    ].join("\n");
    const outcome = outcomeOf(await runImport(w.manager, KIND, "bad-check-digit.csv", csv));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) throw new Error("accepted");
    expect(outcome.errors).toEqual([
      {
        row: 3,
        column: "全国地方公共団体コード",
        message: "401006: 全国地方公共団体コードのチェックデジット（6桁目）が合いません。コードを確かめてください。",
      },
    ]);
    expect(await municipalityCount()).toBe(before);
    expect(await municipality("402265")).toMatchObject({ name_en: "Miyawaka City" });
  });

  it("names each bad row: 郡 on a city, an unknown 区分, a code twice, a name another code holds, a missing ふりがな", async () => {
    const csv = [
      HEADER,
      "402133,行橋市,ゆくはしし,Yukuhashi City,市,京都郡,",
      "403814,芦屋町,あしやまち,Ashiya Town,村,遠賀郡,",
      "403822,水巻町,みずまきまち,Mizumaki Town,町,遠賀郡,",
      "403822,水巻町2,みずまきまち,Mizumaki Town,町,遠賀郡,",
      "403831,直方市,おかがきまち,Okagaki Town,町,遠賀郡,",
      "403849,遠賀町,,Onga Town,町,遠賀郡,",
    ].join("\n");
    const outcome = outcomeOf(await runImport(w.manager, KIND, "many-errors.csv", csv));
    if (outcome.ok) throw new Error("accepted");
    // row validation first: the cells of rows 2, 3 and 7
    expect(outcome.errors.map((e) => [e.row, e.column])).toEqual([
      [2, "郡"],
      [3, "区分"],
      [7, "ふりがな"],
    ]);
    expect(outcome.errors[0].message).toContain("郡は町だけに入力します");

    const crossRows = [
      HEADER,
      "403822,水巻町,みずまきまち,Mizumaki Town,町,遠賀郡,",
      "403822,水巻町2,みずまきまち,Mizumaki Town,町,遠賀郡,",
      "403831,直方市,おかがきまち,Okagaki Town,町,遠賀郡,",
    ].join("\n");
    const second = outcomeOf(await runImport(w.manager, KIND, "cross-rows.csv", crossRows));
    if (second.ok) throw new Error("accepted");
    expect(second.errors).toEqual([
      { row: 3, column: "全国地方公共団体コード", message: "コード 403822 の行が重複しています（2行目）" },
      { row: 4, column: "市町名", message: "市町名「直方市」は別のコード（402044）の市町として登録されています" },
    ]);
  });

  it("recognises the same file uploaded again and changes nothing; the same rows in another file are all 変更なし", async () => {
    const csv = `${HEADER}\n406422,吉富町,よしとみまち,Yoshitomi Town,町,築上郡,令和4年7月1日\n`;
    const first = outcomeOf(await runImport(w.manager, KIND, "吉富町.csv", csv));
    expect(first).toMatchObject({ ok: true, count: 1 });
    expect(await municipality("406422")).toMatchObject({ joined_on: "2022-07-01", version: 2 });
    const again = outcomeOf(await runImport(w.manager, KIND, "吉富町.csv", csv));
    expect(again).toMatchObject({ ok: true, duplicate: true, count: 0 });
    const sameRows = outcomeOf(await runImport(w.manager, KIND, "吉富町2.csv", `${csv}\n`));
    expect(sameRows).toMatchObject({ ok: true, duplicate: false, count: 0 });
    if (sameRows.ok) expect(sameRows.summary).toContain("新規0件・更新0件・変更なし1件");
    expect(await municipality("406422")).toMatchObject({ version: 2 });
  });

  it("reads an Excel workbook and a Shift_JIS CSV", async () => {
    const xlsx = await writeXlsx([
      {
        name: "市町",
        header: HEADER.split(","),
        rows: [["406465", "上毛町", "こうげまち", "Kouge Town", "町", "築上郡", "平成28年4月18日"]],
      },
    ]);
    expect(outcomeOf(await runImport(w.manager, KIND, "市町.xlsx", xlsx))).toMatchObject({ ok: true, count: 1 });
    expect(await municipality("406465")).toMatchObject({ name_en: "Kouge Town" });

    const sjis = new Uint8Array(iconv.encode(`${HEADER}\r\n406473,築上町,ちくじょうまち,Chikujo,町,築上郡,平成28年4月18日\r\n`, "cp932"));
    expect(outcomeOf(await runImport(w.admin, KIND, "市町_sjis.csv", sjis))).toMatchObject({ ok: true, count: 1 });
    expect(await municipality("406473")).toMatchObject({ name_en: "Chikujo", name: "築上町" });
  });

  it("lets only the hub's bureau and administrators import: others are refused before or inside the import", async () => {
    const csv = `${HEADER}\n406252,みやこ町,みやこまち,Miyako (refused),町,京都郡,\n`;
    expect((await w.viewer.upload(`/api/imports/${KIND}`, "x.csv", new TextEncoder().encode(csv))).status).toBe(403);
    expect((await w.municipalityEditor.upload(`/api/imports/${KIND}`, "x.csv", new TextEncoder().encode(csv))).status).toBe(403);
    expect((await w.anonymous.upload(`/api/imports/${KIND}`, "x.csv", new TextEncoder().encode(csv))).status).toBe(401);
    const other = outcomeOf(await runImport(w.otherEditor, KIND, "other-bureau.csv", csv));
    expect(other).toMatchObject({ ok: false, errors: [{ row: 1, message: expect.stringContaining("所管する局の担当者だけ") }] });
    expect(await municipality("406252")).toMatchObject({ name_en: "Miyako Town" });
  });

  it("offers the template with the import's headings", async () => {
    const template = await w.manager.get(`/api/imports/${KIND}/template`);
    expect(template.status).toBe(200);
    expect(
      String(template.body)
        .replace(/^\uFEFF/, "")
        .trim(),
    ).toBe(HEADER);
  });
});
