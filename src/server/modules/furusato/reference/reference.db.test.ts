// 全国比較（参考データ） on a real database: loading replaces everything in one transaction with its audit row (or
// nothing at all), the comparison gives 前年度比 and 費用割合 per body and the national totals, and over HTTP the
// city's staff read it while a supplier's login is refused.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../../paths";
import type { Actor } from "../../../platform/audit/audit";
import { createTestApp, type TestApp, type TestClient } from "../../../testing/app";
import { buildCity, buildUser, TEST_PASSWORD } from "../../../testing/factories";
import { setFurusatoOwner } from "../access";
import * as catalog from "../catalog";
import { compare, DESIGNATED_CITY_CODES, loadReference, referenceBodies, referenceFigures, referenceStatus } from "./reference";

const REAL_DIR = path.join(projectRoot, "..", "shared", "data", "furusato");
const realData = existsSync(path.join(REAL_DIR, "donations"));
if (!realData) console.warn(`[reference.db.test] real-data tests skipped: ${REAL_DIR} is absent`);

let t: TestApp;
let city: Awaited<ReturnType<typeof buildCity>>;
let actor: Actor;
const dirs: string[] = [];

type Row = [code: string, prefecture: string, municipality: string | number, count: number, amount: number, ...costs: number[]];

/**
 * A small survey sheet in the ministry's shape: notes on top, a header block whose cells repeat (merged), the
 * first data row found by its 団体コード. `notes` shifts the table down like R1/R2 do.
 */
async function writeSurvey(dir: string, name: string, era: string, rows: Row[], notes = 0): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("集計");
  for (let i = 0; i < notes; i++) sheet.addRow([`［留意事項］${i + 1}`]);
  const costs = [
    "返礼品の調達に係る費用",
    "返礼品の送付に係る費用",
    "広報に係る費用",
    "決済等に係る費用",
    "事務に係る費用",
    "その他",
    "合計",
  ];
  sheet.addRow([
    "市区町村\n団体コード",
    "都道府県",
    "市区町村",
    ...Array(4).fill(`${era}のふるさと納税の受入額の実績について記入してください。`),
    ...Array(7).fill(`${era}のふるさと納税の募集に要した費用を記入してください。\n${era}決算見込額`),
    ...Array(7).fill(`${era}の受入額に占める費用の割合`),
  ]);
  sheet.addRow([
    "市区町村\n団体コード",
    "都道府県",
    "市区町村",
    `①　${era}に受け入れた寄附件数、金額`,
    `①　${era}に受け入れた寄附件数、金額`,
    "②　①のうち、市区町村外からの寄附に係るもの",
    "②　①のうち、市区町村外からの寄附に係るもの",
    ...costs,
    ...costs,
  ]);
  sheet.addRow(["市区町村\n団体コード", "都道府県", "市区町村", "寄附件数", "寄附金額", "寄附件数", "寄附金額", ...costs, ...costs]);
  for (const [code, prefecture, municipality, count, amount, ...cost] of rows)
    sheet.addRow([code, prefecture, municipality, count, amount, count, amount, ...cost, ...cost.map((c) => c / amount)]);
  mkdirSync(path.join(dir, "donations"), { recursive: true });
  writeFileSync(path.join(dir, "donations", name), Buffer.from(await workbook.xlsx.writeBuffer()));
}

const costs = (total: number): number[] => [total * 0.5, total * 0.1, total * 0.1, total * 0.1, total * 0.1, total * 0.1, total];

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "yk-furusato-ref-"));
  dirs.push(dir);
  return dir;
}

const auditCount = async () =>
  (
    await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'furusato_reference_figures' AND action = 'load'",
    )
  ).rows[0].n;

beforeAll(async () => {
  t = await createTestApp();
  city = await buildCity(t.db);
  await setFurusatoOwner(t.db, city.bureau.id);
  actor = { userId: city.editor.id, label: "担当A" };
});
afterAll(async () => {
  await t.cleanup();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("loading and comparing (small survey files written for the test)", () => {
  const dir = tempDir();

  beforeAll(async () => {
    await writeSurvey(
      dir,
      "R1_gain.xlsx",
      "令和元年度",
      [
        ["400009", "福岡県", 0, 10, 1_000_000, ...costs(100_000)],
        ["401005", "福岡県", "北九州市", 1_000, 400_000_000, ...costs(200_000_000)],
        ["401307", "福岡県", "福岡市", 500, 200_000_000, ...costs(60_000_000)],
      ],
      9,
    );
    await writeSurvey(
      dir,
      "R2_gain.xlsx",
      "令和２年度",
      [
        ["400009", "福岡県", "-", 20, 3_000_000, ...costs(300_000)],
        ["401005", "福岡県", "北九州市", 2_000, 500_000_000, ...costs(250_000_000)],
        ["401307", "福岡県", "福岡市", 300, 100_000_000, ...costs(30_000_000)],
      ],
      6,
    );
  });

  it("loads both years in one go and records who loaded them", async () => {
    const progress: string[] = [];
    const summary = await loadReference(t.db, dir, actor, (p) => progress.push(p.step));
    expect(summary.rows).toBe(6);
    expect(summary.years.map((y) => [y.fiscalYear, y.rows, y.amountPrecision])).toEqual([
      [2019, 3, "yen"],
      [2020, 3, "yen"],
    ]);
    expect(progress).toEqual(["read", "parse", "write", "done"]);
    const audit = await t.db.query<{ actor_label: string; summary: string }>(
      "SELECT actor_label, summary FROM audit_log WHERE entity_type = 'furusato_reference_figures'",
    );
    expect(audit.rows).toEqual([{ actor_label: "担当A", summary: expect.stringContaining("2年度、6行") }]);

    const status = await referenceStatus(t.db);
    expect(status.loaded).toBe(true);
    expect(status.totalRows).toBe(6);
    expect(status.years.map((y) => [y.fiscalYear, y.withCosts, y.sourceFiles])).toEqual([
      [2019, true, ["donations/R1_gain.xlsx"]],
      [2020, true, ["donations/R2_gain.xlsx"]],
    ]);
    expect(status.loadedAt).toBeInstanceOf(Date);
  });

  it("shows one body's year with its cost ratio; the prefecture's own row has no municipality", async () => {
    const kitakyushu = await referenceFigures(t.db, "401005", 2020);
    expect(kitakyushu).toMatchObject({ name: "北九州市", donationCount: 2000, donationAmount: 500_000_000, costRatio: 0.5 });
    expect(kitakyushu?.costs?.total).toBe(250_000_000);
    expect(await referenceFigures(t.db, "400009", 2020)).toMatchObject({ municipality: "", name: "福岡県" });
    expect(await referenceFigures(t.db, "401005", 2015)).toBeNull();
    expect((await referenceBodies(t.db)).map((b) => b.name)).toEqual(["福岡県", "北九州市", "福岡市"]);
  });

  it("compares bodies: 前年度比 from the year before the range, 費用割合, and national totals (都道府県＋市区町村)", async () => {
    const result = await compare(t.db, { codes: ["401005", "401307", "999999"], fromYear: 2020, toYear: 2020 });
    expect(result.unknownCodes).toEqual(["999999"]);
    expect(result.bodies.map((b) => [b.bodyCode, b.years.map((y) => [y.fiscalYear, y.growth, y.costRatio])])).toEqual([
      ["401005", [[2020, 0.25, 0.5]]],
      ["401307", [[2020, -0.5, 0.3]]],
    ]);
    expect(result.national).toEqual([
      {
        fiscalYear: 2020,
        bodies: 3,
        donationCount: 2320,
        donationAmount: 603_000_000,
        amountPrecision: "yen",
        costTotal: 280_300_000,
        costRatio: 280_300_000 / 603_000_000,
        growth: 603_000_000 / 601_000_000 - 1,
      },
    ]);
    expect(result.nationalScope).toContain("都道府県＋市区町村");
    const first = await compare(t.db, { codes: ["401005"], fromYear: 2019, toYear: 2020 });
    expect(first.bodies[0].years.map((y) => y.growth)).toEqual([null, 0.25]);
  });

  it("changes nothing when a load fails half-way (all or nothing)", async () => {
    const broken = tempDir();
    // a negative 受入額 passes the parser but not the table's CHECK: the DELETE before it must be rolled back
    await writeSurvey(broken, "R2_gain.xlsx", "令和２年度", [
      ["401005", "福岡県", "北九州市", 1, 1_000, ...costs(100)],
      ["401307", "福岡県", "福岡市", 1, -1_000, ...costs(100)],
    ]);
    const before = await auditCount();
    await expect(loadReference(t.db, broken, actor)).rejects.toThrow();
    expect((await referenceStatus(t.db)).totalRows).toBe(6);
    expect(await auditCount()).toBe(before);
    await expect(loadReference(t.db, tempDir(), actor)).rejects.toThrow(/donations/);
  });
});

describe.skipIf(!realData)("the published 現況調査 files", () => {
  it("loads FY2008–FY2020 and reproduces 北九州市 令和2年度 and the national total", { timeout: 180_000 }, async () => {
    const summary = await loadReference(t.db, REAL_DIR, actor);
    expect(summary.unmatched).toEqual([]);
    expect(summary.years.map((y) => y.fiscalYear)).toEqual([2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020]);
    expect(summary.years.filter((y) => y.amountPrecision === "thousand").map((y) => y.fiscalYear)).toEqual([
      2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015,
    ]);

    const kitakyushu = await referenceFigures(t.db, "401005", 2020);
    expect(kitakyushu).toMatchObject({ donationCount: 65_474, donationAmount: 1_200_666_242 });
    expect(kitakyushu?.costs?.total).toBe(531_893_628);
    expect(Math.round((kitakyushu?.costRatio ?? 0) * 1000) / 10).toBe(44.3);

    const result = await compare(t.db, { codes: DESIGNATED_CITY_CODES, fromYear: 2015, toYear: 2020 });
    expect(result.unknownCodes).toEqual([]);
    expect(result.bodies).toHaveLength(20);
    for (const body of result.bodies)
      expect(
        body.years.map((y) => y.fiscalYear),
        body.name,
      ).toEqual([2015, 2016, 2017, 2018, 2019, 2020]);
    const national2020 = result.national.find((n) => n.fiscalYear === 2020);
    expect(national2020).toMatchObject({
      bodies: 1788,
      donationCount: 34_887_898,
      donationAmount: 672_489_554_811,
      amountPrecision: "yen",
    });
    expect(Math.round((national2020?.costRatio ?? 0) * 1000) / 10).toBe(45.4);
    // 2015 comes from the rough file (千円) and has no cost breakdown
    const national2015 = result.national.find((n) => n.fiscalYear === 2015);
    expect(national2015).toMatchObject({ amountPrecision: "thousand", costTotal: null, costRatio: null });
  });
});

describe("over HTTP", () => {
  let staff: TestClient;
  let viewer: TestClient;
  let supplier: TestClient;

  beforeAll(async () => {
    staff = await t.login(city.editor.loginId, TEST_PASSWORD);
    viewer = await t.login(city.viewer.loginId, TEST_PASSWORD);
    const supplierId = await catalog.createSupplier(t.db, actor, {
      code: "RF",
      name: "参考食品",
      contactName: "",
      contactPhone: "",
      contactEmail: "",
      address: "",
      bank: {},
    });
    const { rows } = await t.db.query<{ organisation_id: string }>("SELECT organisation_id FROM furusato_suppliers WHERE id = $1", [
      supplierId,
    ]);
    const account = await buildUser(t.db, { role: "partner", organisationId: rows[0].organisation_id });
    supplier = await t.login(account.loginId, TEST_PASSWORD);
  });

  it("lets staff read the status and the comparison; a supplier's login gets 403, no login 401", async () => {
    const status = await viewer.get("/api/furusato/reference/status");
    expect(status.status).toBe(200);
    expect(status.body.loaded).toBe(true);
    expect(status.body.attribution).toContain("総務省");
    const comparison = await staff.get("/api/furusato/reference/comparison?codes=401005,401307&fromYear=2019&toYear=2020");
    expect(comparison.status).toBe(200);
    expect(comparison.body.bodies.map((b: { bodyCode: string }) => b.bodyCode)).toEqual(["401005", "401307"]);
    expect((await staff.get("/api/furusato/reference/bodies")).body.items.length).toBeGreaterThan(2);

    expect((await supplier.get("/api/furusato/reference/status")).status).toBe(403);
    expect((await supplier.get("/api/furusato/reference/comparison?codes=401005&fromYear=2019&toYear=2020")).status).toBe(403);
    expect((await supplier.get("/api/furusato/reference/bodies")).status).toBe(403);
    expect((await t.client().get("/api/furusato/reference/status")).status).toBe(401);
  });

  it("rejects a bad code or a reversed year range with a Japanese message", async () => {
    const bad = await staff.get("/api/furusato/reference/comparison?codes=4010&fromYear=2019&toYear=2020");
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("団体コード");
    const reversed = await staff.get("/api/furusato/reference/comparison?codes=401005&fromYear=2020&toYear=2019");
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.message).toContain("開始年度");
  });
});
