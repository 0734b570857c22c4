// Sample data of 負担金 (issue 18, every record is_sample): two rules with one saved computation each, made through
// the same service functions as a region manager's (the engine, the stored populations, the inputs kept with their
// sources).
//   - 消防指令業務の共同運用 (北九州都市圏域, 18 市町): 運営費 均等割10% + 人口割45% (住民基本台帳 2022-01-01, the
//     sample populations) + 基準財政需要額割45%, 1000円未満切り捨て, 端数は北九州市; 令和7年度の試算. The
//     基準財政需要額 are invented sample values (about 1,000円 per person, varied), labelled as such.
//   - かんもんPAY (関門連携, 北九州市・下関市): 事務費 均等割50% + 人口割50% (住民基本台帳 2022-01-01; 下関市's figure
//     is typed, 下関市 being no 市町 of the hub), 1円未満切り捨て, 端数は北九州市; 令和6年度.
import type { Db } from "../../db/database";
import { DEMO_ACTOR } from "../../platform/audit/audit";
import * as repo from "./cost-share-repository";
import { writeComputation, writeRule } from "./cost-share-service";

/** sample 基準財政需要額 (消防費, 円) per 全国地方公共団体コード: invented, roughly 1,000円 per person */
const SAMPLE_FISCAL_NEED: Record<string, number> = {
  "401005": 9_480_000_000,
  "402044": 612_000_000,
  "402133": 745_000_000,
  "402141": 298_000_000,
  "402150": 431_000_000,
  "402265": 334_000_000,
  "403814": 162_000_000,
  "403822": 287_000_000,
  "403831": 318_000_000,
  "403849": 205_000_000,
  "404012": 96_000_000,
  "404021": 181_000_000,
  "406015": 139_000_000,
  "406210": 352_000_000,
  "406252": 228_000_000,
  "406422": 88_000_000,
  "406465": 97_000_000,
  "406473": 214_000_000,
};

/** 下関市's 住民基本台帳 population on 2022-01-01 (sample value, typed in the form) */
const SHIMONOSEKI_POPULATION = 252_904;

export async function loadCostShareDemo(db: Db): Promise<void> {
  if (await repo.hasRules(db)) return;
  await db.transaction(async (tx) => {
    const fire = await repo.findProjectIdByName(tx, "toshiken", "消防指令業務の共同運用");
    const kanmon = await repo.findProjectIdByName(tx, "kanmon", "かんもんPAY（関門共通返礼品）");
    if (fire) {
      const members = await repo.findProjectMembers(tx, fire);
      const central = members.find((m) => m.role === "central_city") ?? members[0];
      const ruleId = await writeRule(
        tx,
        DEMO_ACTOR,
        {
          projectId: fire,
          name: "運営費の負担（均等割・人口割・基準財政需要額割）",
          description: "幡多広域市町村圏組合の経費負担条例にならった案。共同指令センターの運営費を18市町で負担する。",
          appliesFromFiscalYear: 2025,
          note: "協議用の案（サンプル）",
          rule: {
            components: [
              { kind: "equal", label: "均等割", weight: 1000, appliesTo: { mode: "all" } },
              {
                kind: "population",
                label: "人口割",
                weight: 4500,
                appliesTo: { mode: "all" },
                basis: "resident_register",
                asOf: "2022-01-01",
              },
              { kind: "fiscal_need", label: "基準財政需要額割", weight: 4500, appliesTo: { mode: "all" }, fiscalYear: 2024 },
            ],
            rounding: { unit: 1000, method: "floor" },
            remainderMemberId: central.id,
          },
        },
        { isSample: true },
      );
      const version = (await repo.findVersions(tx, [ruleId]))[0];
      await writeComputation(
        tx,
        DEMO_ACTOR,
        {
          ruleVersionId: version.id,
          fiscalYear: 2025,
          title: "令和7年度 運営費の試算（サンプル）",
          total: 486_500_000,
          deductions: [
            { label: "国県支出金（緊急消防援助隊設備整備費補助金）", amount: 42_000_000 },
            { label: "繰越金", amount: 3_250_000 },
          ],
          figures: {
            "fiscal_need:2024": Object.fromEntries(
              members.filter((m) => m.municipality_code).map((m) => [m.id, SAMPLE_FISCAL_NEED[m.municipality_code!]]),
            ),
          },
          figureSource: "サンプル値（基準財政需要額は仮の値）",
        },
        { isSample: true },
      );
    }
    if (kanmon) {
      const members = await repo.findProjectMembers(tx, kanmon);
      const kitakyushu = members.find((m) => m.municipality_code === "401005") ?? members[0];
      const shimonoseki = members.find((m) => m.local_government_code === "352012");
      const ruleId = await writeRule(
        tx,
        DEMO_ACTOR,
        {
          projectId: kanmon,
          name: "事務費の負担（均等割・人口割）",
          description: "かんもんPAYの共同プロモーション・決済事務の費用を両市で負担する。",
          appliesFromFiscalYear: 2024,
          note: "第15回関門トップ会談の合意に基づく（サンプル）",
          rule: {
            components: [
              { kind: "equal", label: "均等割", weight: 5000, appliesTo: { mode: "all" } },
              {
                kind: "population",
                label: "人口割",
                weight: 5000,
                appliesTo: { mode: "all" },
                basis: "resident_register",
                asOf: "2022-01-01",
              },
            ],
            rounding: { unit: 1, method: "floor" },
            remainderMemberId: kitakyushu.id,
          },
        },
        { isSample: true },
      );
      const version = (await repo.findVersions(tx, [ruleId]))[0];
      await writeComputation(
        tx,
        DEMO_ACTOR,
        {
          ruleVersionId: version.id,
          fiscalYear: 2024,
          title: "令和6年度 事務費（サンプル）",
          total: 12_000_000,
          deductions: [{ label: "使用料（加盟店手数料）", amount: 1_150_000 }],
          figures: shimonoseki ? { "population:resident_register:2022-01-01": { [shimonoseki.id]: SHIMONOSEKI_POPULATION } } : {},
          figureSource: "入力値（下関市の住民基本台帳人口、サンプル値）",
        },
        { isSample: true },
      );
    }
  });
}
