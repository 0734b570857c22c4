// 負担金 on the module's sample data (18 市町 with 住民基本台帳 2022-01-01 populations, the sample frameworks and
// projects, the sample cost-share rules): who may read and write, versions that never change, computations kept as
// computed, a missing population named, the all-or-nothing import of figures, the what-if comparison, and the PDF and
// Excel tables read back.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoDataIfEmpty } from "../../demo";
import { organisationIdByCode } from "../../platform/admin/organisations";
import { createLogger } from "../../platform/logger";
import { createTestApp, type TestApp, type TestClient } from "../../testing/app";
import { buildUser, TEST_PASSWORD } from "../../testing/factories";
import { extractPdfText } from "../../testing/pdf-text";
import { sumOfShares } from "./cost-share-repository";
import { regionModule } from "./index";

interface World {
  t: TestApp;
  /** an editor of 広域連携推進課 (政策局, the bureau that runs the region's work): a region manager */
  manager: TestClient;
  /** an editor of 財政課 (another bureau) */
  otherEditor: TestClient;
  viewer: TestClient;
  /** a partner login of 直方市's organisation */
  municipalityEditor: TestClient;
  anonymous: TestClient;
}
let w: World;
let fireProject: string;
let kanmonProject: string;
let members: { id: string; name: string; municipality_code: string | null }[];
let kanmonMembers: { id: string; name: string; municipality_code: string | null }[];

async function projectId(name: string): Promise<string> {
  return (await w.t.db.query<{ id: string }>("SELECT id FROM region_projects WHERE name = $1", [name])).rows[0].id;
}
async function membersOf(project: string) {
  return (
    await w.t.db.query<{ id: string; name: string; municipality_code: string | null }>(
      `SELECT m.id, m.name, m.municipality_code FROM region_project_members pm JOIN region_framework_members m ON m.id = pm.member_id
        WHERE pm.project_id = $1 ORDER BY m.sort_order`,
      [project],
    )
  ).rows;
}

beforeAll(async () => {
  const t = await createTestApp();
  await loadDemoDataIfEmpty(t.db, createLogger("silent"), [regionModule]);
  const org = (code: string) => organisationIdByCode(t.db, code);
  const manager = await buildUser(t.db, { role: "editor", organisationId: await org("seisaku-koiki"), displayName: "広域 担当" });
  const finance = await buildUser(t.db, { role: "editor", organisationId: await org("zaisei-zaisei") });
  const viewer = await buildUser(t.db, { role: "viewer", organisationId: await org("sangyo-kikaku") });
  const nogata = await t.db.query<{ organisation_id: string }>("SELECT organisation_id FROM region_municipalities WHERE code = '402044'");
  const partner = await buildUser(t.db, { role: "partner", organisationId: nogata.rows[0].organisation_id });
  w = {
    t,
    manager: await t.login(manager.loginId, TEST_PASSWORD),
    otherEditor: await t.login(finance.loginId, TEST_PASSWORD),
    viewer: await t.login(viewer.loginId, TEST_PASSWORD),
    municipalityEditor: await t.login(partner.loginId, TEST_PASSWORD),
    anonymous: t.client(),
  };
  fireProject = await projectId("消防指令業務の共同運用");
  kanmonProject = await projectId("かんもんPAY（関門共通返礼品）");
  members = await membersOf(fireProject);
  kanmonMembers = await membersOf(kanmonProject);
}, 120_000);
afterAll(() => w?.t.cleanup());

const equalAndPopulation = (remainder: string, asOf = "2022-01-01", basis = "resident_register") => ({
  components: [
    { kind: "equal", weight: 2000 },
    { kind: "population", weight: 8000, basis, asOf },
  ],
  rounding: { unit: 1, method: "floor" },
  remainderMemberId: remainder,
});

describe("sample data", () => {
  it("has a rule with a saved computation for the 消防指令 project (18 市町) and for かんもんPAY (2 cities), adding up to the yen", async () => {
    const list = await w.viewer.get(`/api/region/cost-shares`);
    expect(list.status).toBe(200);
    const names = list.body.items.map((r: { projectName: string }) => r.projectName);
    expect(names).toEqual(expect.arrayContaining(["消防指令業務の共同運用", "かんもんPAY（関門共通返礼品）"]));
    for (const item of list.body.items) {
      expect(item.isSample).toBe(true);
      const c = (await w.viewer.get(`/api/region/cost-shares/computations/${item.latestComputation.id}`)).body;
      expect(await sumOfShares(w.t.db, c.id)).toBe(c.result.amountToShare);
      expect(c.result.members.reduce((s: number, m: { share: number }) => s + m.share, 0)).toBe(c.result.amountToShare);
    }
    const fire = list.body.items.find((r: { projectName: string }) => r.projectName === "消防指令業務の共同運用");
    const c = (await w.viewer.get(`/api/region/cost-shares/computations/${fire.latestComputation.id}`)).body;
    expect(c.result.members).toHaveLength(18);
    // 486,500,000 − 42,000,000 − 3,250,000
    expect(c.result.amountToShare).toBe(441_250_000);
    // 北九州市's population comes from the stored figures with its basis, date and source
    expect(c.inputs).toContainEqual(
      expect.objectContaining({
        memberName: "北九州市",
        value: 936_586,
        source: expect.stringContaining("住民基本台帳（令和4年1月1日現在）"),
      }),
    );
    const kanmon = list.body.items.find((r: { projectName: string }) => r.projectName.startsWith("かんもんPAY"));
    const k = (await w.viewer.get(`/api/region/cost-shares/computations/${kanmon.latestComputation.id}`)).body;
    expect(k.inputs).toContainEqual(
      expect.objectContaining({ memberName: "下関市", value: 252_904, source: expect.stringContaining("入力値") }),
    );
    // 12,000,000 − 1,150,000 = 10,850,000; 均等割 5,425,000 → 2,712,500 each; 人口割 5,425,000:
    // (936,586 + 252,904 = 1,189,490) 北九州市 5,425,000 × 936,586 ÷ 1,189,490 = 4,271,560.96… → 4,271,560;
    // 下関市 5,425,000 × 252,904 ÷ 1,189,490 = 1,153,439.03… → 1,153,439; remainder 5,425,000 − 5,424,999 = 1 → 北九州市:
    // 北九州市 2,712,500 + 4,271,560 + 1 = 6,984,061; 下関市 2,712,500 + 1,153,439 = 3,865,939
    expect(Object.fromEntries(k.result.members.map((m: { name: string; share: number }) => [m.name, m.share]))).toEqual({
      北九州市: 6_984_061,
      下関市: 3_865_939,
    });
  });

  it("filters by project (?projectId=) and answers 404 for an unknown project", async () => {
    const one = await w.viewer.get(`/api/region/cost-shares?projectId=${kanmonProject}`);
    expect(one.body.items).toHaveLength(1);
    expect(one.body.project.name).toBe("かんもんPAY（関門共通返礼品）");
    expect((await w.viewer.get(`/api/region/cost-shares?projectId=00000000-0000-4000-8000-000000000000`)).status).toBe(404);
  });
});

describe("who may", () => {
  it("lets staff read and preview, region managers write, and refuses a 市町's editor and strangers", async () => {
    const body = {
      projectId: kanmonProject,
      name: "均等割のみ（比較用）",
      appliesFromFiscalYear: 2024,
      rule: {
        components: [{ kind: "equal", weight: 10000 }],
        rounding: { unit: 1, method: "floor" },
        remainderMemberId: kanmonMembers[0].id,
      },
    };
    expect((await w.viewer.post("/api/region/cost-shares/rules", body)).status).toBe(403);
    expect((await w.otherEditor.post("/api/region/cost-shares/rules", body)).status).toBe(403);
    expect((await w.municipalityEditor.get("/api/region/cost-shares")).status).toBe(403);
    expect((await w.anonymous.get("/api/region/cost-shares")).status).toBe(401);
    const made = await w.manager.post("/api/region/cost-shares/rules", body);
    expect(made.status).toBe(200);
    expect(made.body.versions).toHaveLength(1);
    const preview = await w.viewer.post("/api/region/cost-shares/preview", {
      ruleVersionId: made.body.versions[0].id,
      fiscalYear: 2024,
      total: 1_000_001,
      deductions: [],
    });
    expect(preview.status).toBe(200);
    // 1,000,001 ÷ 2 = 500,000.5 → 500,000 each, remainder 1 → 北九州市
    expect(preview.body.result.members.map((m: { share: number }) => m.share)).toEqual([500_001, 500_000]);
    // a viewer previews but never saves
    const save = { ruleVersionId: made.body.versions[0].id, fiscalYear: 2024, total: 1_000, deductions: [] };
    expect((await w.viewer.post("/api/region/cost-shares/computations", save)).status).toBe(403);
  });

  it("refuses a rule whose weights do not total 100 % and one naming a member outside the project", async () => {
    const bad = await w.manager.post("/api/region/cost-shares/rules", {
      projectId: kanmonProject,
      name: "合計が合わない",
      appliesFromFiscalYear: 2024,
      rule: {
        components: [{ kind: "equal", weight: 9000 }],
        rounding: { unit: 1, method: "floor" },
        remainderMemberId: kanmonMembers[0].id,
      },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("区分の割合の合計が90%です");
    const outsider = await w.manager.post("/api/region/cost-shares/rules", {
      projectId: kanmonProject,
      name: "参加団体でない",
      appliesFromFiscalYear: 2024,
      rule: { components: [{ kind: "equal", weight: 10000 }], rounding: { unit: 1, method: "floor" }, remainderMemberId: members[1].id },
    });
    expect(outsider.status).toBe(400);
    expect(outsider.body.error.message).toBe("端数調整団体が参加団体の中にありません。");
  });
});

describe("versions and computations", () => {
  it("makes a new version without changing the older one, refuses a stale edit (409), and the database refuses an UPDATE", async () => {
    const made = await w.manager.post("/api/region/cost-shares/rules", {
      projectId: fireProject,
      name: "人口割中心の案",
      appliesFromFiscalYear: 2025,
      rule: equalAndPopulation(members[0].id),
    });
    expect(made.status).toBe(200);
    const v1 = made.body.versions[0];
    const v2body = {
      basedOnVersion: 1,
      appliesFromFiscalYear: 2026,
      note: "協議で均等割を30%に",
      rule: {
        components: [
          { kind: "equal", weight: 3000 },
          { kind: "population", weight: 7000, basis: "resident_register", asOf: "2022-01-01" },
        ],
        rounding: { unit: 1000, method: "round" },
        remainderMemberId: members[0].id,
      },
    };
    const second = await w.manager.post(`/api/region/cost-shares/rules/${made.body.id}/versions`, v2body);
    expect(second.status).toBe(200);
    expect(second.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const old = second.body.versions.find((v: { version: number }) => v.version === 1);
    expect(old).toEqual(v1);
    const stale = await w.manager.post(`/api/region/cost-shares/rules/${made.body.id}/versions`, v2body);
    expect(stale.status).toBe(409);
    await expect(w.t.db.query("UPDATE region_cost_rule_versions SET note = 'x' WHERE id = $1", [v1.id])).rejects.toThrow(/append-only/);
    await expect(w.t.db.query("DELETE FROM region_cost_rule_versions WHERE id = $1", [v1.id])).rejects.toThrow(/append-only/);

    // v2 applies from 令和8年度: not before
    const early = await w.viewer.post("/api/region/cost-shares/preview", {
      ruleVersionId: second.body.versions[0].id,
      fiscalYear: 2025,
      total: 1_000_000,
    });
    expect(early.status).toBe(400);
    expect(early.body.error.message).toContain("令和8年度からのルールです");

    // the what-if: v1 against v2 on the same total and inputs
    const compared = await w.viewer.post("/api/region/cost-shares/compare", {
      a: v1.id,
      b: second.body.versions[0].id,
      fiscalYear: 2026,
      total: 100_000_000,
    });
    expect(compared.status).toBe(200);
    const kita = compared.body.rows.find((r: { name: string }) => r.name === "北九州市");
    expect(kita.difference).toBe(kita.b - kita.a);
    // more 均等割 moves cost from the large city to the small towns
    expect(kita.difference).toBeLessThan(0);
    expect(compared.body.rows.reduce((s: number, r: { difference: number }) => s + r.difference, 0)).toBe(0);

    // a saved computation is kept as computed
    const saved = await w.manager.post("/api/region/cost-shares/computations", {
      ruleVersionId: v1.id,
      fiscalYear: 2025,
      total: 50_000_000,
      deductions: [{ label: "国県支出金", amount: 5_000_000 }],
      title: "試算",
    });
    expect(saved.status).toBe(200);
    expect(await sumOfShares(w.t.db, saved.body.id)).toBe(45_000_000);
    await expect(w.t.db.query("UPDATE region_cost_computations SET total = 1 WHERE id = $1", [saved.body.id])).rejects.toThrow(
      /append-only/,
    );
    const audit = await w.t.db.query<{ summary: string }>(
      "SELECT summary FROM audit_log WHERE entity_type = 'region_cost_share' AND entity_id = $1",
      [saved.body.id],
    );
    expect(audit.rows[0].summary).toContain("令和7年度負担金を「人口割中心の案」第1版で算定（対象額45,000,000円）");
  });

  it("names the 市町 without a population for the rule's basis and date, and the member whose typed figure is missing", async () => {
    const made = await w.manager.post("/api/region/cost-shares/rules", {
      projectId: fireProject,
      name: "国勢調査の人口割",
      appliesFromFiscalYear: 2025,
      rule: equalAndPopulation(members[0].id, "2020-10-01", "census"),
    });
    const preview = await w.viewer.post("/api/region/cost-shares/preview", {
      ruleVersionId: made.body.versions[0].id,
      fiscalYear: 2025,
      total: 1_000_000,
    });
    expect(preview.status).toBe(400);
    expect(preview.body.error.message).toContain(
      "国勢調査（令和2年10月1日現在）の人口が登録されていない市町があります: 北九州市（401005）、直方市（402044）",
    );

    const kanmonRule = (await w.viewer.get(`/api/region/cost-shares?projectId=${kanmonProject}`)).body.items.find((r: { name: string }) =>
      r.name.startsWith("事務費"),
    );
    const detail = (await w.viewer.get(`/api/region/cost-shares/rules/${kanmonRule.id}`)).body;
    const noShimonoseki = await w.viewer.post("/api/region/cost-shares/preview", {
      ruleVersionId: detail.versions[0].id,
      fiscalYear: 2024,
      total: 1_000_000,
    });
    expect(noShimonoseki.status).toBe(400);
    expect(noShimonoseki.body.error.message).toContain("の数値がない団体があります: 下関市");
  });
});

describe("figures from a CSV/Excel file", () => {
  it("reads all rows or none, naming each wrong row, and refuses a stored 市町 population", async () => {
    const rule = (await w.viewer.get(`/api/region/cost-shares?projectId=${fireProject}`)).body.items.find((r: { name: string }) =>
      r.name.startsWith("運営費"),
    );
    const detail = (await w.viewer.get(`/api/region/cost-shares/rules/${rule.id}`)).body;
    const versionId = detail.versions[0].id;
    const inputs = await w.viewer.get(`/api/region/cost-shares/inputs?versionIds=${versionId}`);
    expect(inputs.body.sets.map((s: { label: string }) => s.label)).toEqual([
      "人口（住民基本台帳（令和4年1月1日現在））",
      "基準財政需要額（令和6年度）",
    ]);
    const population = inputs.body.sets[0];
    expect(population.rows.find((r: { memberName: string }) => r.memberName === "直方市")).toMatchObject({
      value: 55_941,
      editable: false,
    });

    const bad = [
      "全国地方公共団体コード,団体名,項目,数値",
      "401005,北九州市,基準財政需要額,9000000000",
      "402044,,基準財政需要額,-5",
      "352012,下関市,基準財政需要額,100",
      "402133,行橋市,人口,70000",
      "402141,豊前市,ごみ搬入量,100",
    ].join("\n");
    const rejected = await w.viewer.upload(
      `/api/region/cost-shares/inputs/import?versionIds=${versionId}`,
      "figures.csv",
      new TextEncoder().encode(bad),
    );
    expect(rejected.status).toBe(200);
    expect(rejected.body.ok).toBe(false);
    expect(rejected.body.errors).toEqual([{ row: 3, column: "数値", message: "数値は0以上の整数で入力してください" }]);

    const crossRow = [
      "全国地方公共団体コード,団体名,項目,数値",
      "401005,北九州市,基準財政需要額,9000000000",
      "352012,下関市,基準財政需要額,100",
      "402133,行橋市,人口,70000",
      "402141,豊前市,ごみ搬入量,100",
      "401005,,基準財政需要額,1",
    ].join("\n");
    const rejected2 = await w.viewer.upload(
      `/api/region/cost-shares/inputs/import?versionIds=${versionId}`,
      "figures.csv",
      new TextEncoder().encode(crossRow),
    );
    expect(rejected2.body).toEqual({
      ok: false,
      errors: [
        { row: 3, column: "全国地方公共団体コード", message: "コード 352012はこの連携事業の参加団体ではありません" },
        {
          row: 4,
          column: "項目",
          message:
            "行橋市の人口は登録済みの人口（人口（住民基本台帳（令和4年1月1日現在）））を使います。変えるときは人口の一括登録で取り込んでください",
        },
        {
          row: 5,
          column: "項目",
          message: "項目「ごみ搬入量」はこのルールで使いません（人口（住民基本台帳（令和4年1月1日現在））・基準財政需要額（令和6年度））",
        },
        { row: 6, column: "項目", message: "北九州市の「基準財政需要額（令和6年度）」の行が重複しています（2行目）" },
      ],
    });

    const good = ["団体名,項目,数値", '北九州市,基準財政需要額,"9,000,000,000"', "直方市,基準財政需要額（令和6年度）,600000000"].join("\n");
    const read = await w.viewer.upload(
      `/api/region/cost-shares/inputs/import?versionIds=${versionId}`,
      "figures.csv",
      new TextEncoder().encode(good),
    );
    expect(read.body).toMatchObject({ ok: true, count: 2, fileName: "figures.csv" });
    const kita = members.find((m) => m.name === "北九州市")!;
    const nogata = members.find((m) => m.name === "直方市")!;
    expect(read.body.figures).toEqual({ "fiscal_need:2024": { [kita.id]: 9_000_000_000, [nogata.id]: 600_000_000 } });
  });
});

describe("the 負担金 table as Excel and PDF", () => {
  it("prints the rule's name and version, 和暦, the figures with their sources and totals that add up to the amount to share", async () => {
    const list = (await w.viewer.get(`/api/region/cost-shares?projectId=${fireProject}`)).body;
    const rule = list.items.find((r: { name: string }) => r.name.startsWith("運営費"));
    const id = rule.latestComputation.id;
    const detail = (await w.viewer.get(`/api/region/cost-shares/computations/${id}`)).body;

    const xlsx = await w.viewer.get(`/api/region/cost-shares/computations/${id}/export?format=xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-disposition")).toContain("attachment");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.raw.buffer.slice(xlsx.raw.byteOffset, xlsx.raw.byteOffset + xlsx.raw.byteLength) as ArrayBuffer);
    const table = book.getWorksheet("負担金")!;
    const header = (table.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(["団体名", "均等割（10%）", "人口割（45%）", "基準財政需要額割（45%）", "端数調整", "負担額", "負担割合"]);
    expect(table.rowCount).toBe(1 + 18 + 1);
    const last = table.getRow(table.rowCount);
    expect(last.getCell(1).value).toBe("合計");
    expect(last.getCell(6).value).toBe(441_250_000);
    let sum = 0;
    for (let r = 2; r < table.rowCount; r++) sum += Number(table.getRow(r).getCell(6).value);
    expect(sum).toBe(441_250_000);
    const kita = detail.result.members.find((m: { name: string }) => m.name === "北九州市");
    expect(table.getRow(2).getCell(1).value).toBe("北九州市");
    expect(table.getRow(2).getCell(6).value).toBe(kita.share);
    const conditions = book.getWorksheet("算定の条件")!;
    const conditionText = JSON.stringify(conditions.getSheetValues());
    expect(conditionText).toContain("令和7年度（2025年度）");
    expect(conditionText).toContain("運営費の負担（均等割・人口割・基準財政需要額割） 第1版");
    expect(conditionText).toContain("1000円未満切り捨て");
    const sources = JSON.stringify(book.getWorksheet("数値と出典")!.getSheetValues());
    expect(sources).toContain("住民基本台帳（令和4年1月1日現在）");
    expect(sources).toContain("サンプル値（基準財政需要額は仮の値）");

    const pdf = await w.viewer.get(`/api/region/cost-shares/computations/${id}/export?format=pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toContain("application/pdf");
    const text = (await extractPdfText(pdf.raw)).replace(/\s+/g, "");
    expect(text).toContain("令和7年度消防指令業務の共同運用負担金算定表");
    expect(text).toContain("運営費の負担（均等割・人口割・基準財政需要額割）第1版");
    expect(text).toContain("441,250,000");
    expect(text).toContain(kita.share.toLocaleString("ja-JP"));
    expect(text).toContain("住民基本台帳（令和4年1月1日現在）");

    const audits = await w.t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'region_cost_share' AND action = 'export' AND entity_id = $1",
      [id],
    );
    expect(audits.rows[0].n).toBe(2);
  });
});
