// Sample data of 枠組みと連携事業 (issue 18, every record is_sample), loaded after the sample frameworks and projects:
// - the agreements: 関門連携共同宣言 (2007-07-02), the 福北連携 renewal (2009-07-03) and 「福北新時代」 (2023-02-28), the
//   都市圏域's 連携中枢都市宣言 (2015-12-24) and 連携協約 (2016-04-18);
// - the projects the seed names: 関門連携's new projects announced at the 第15回関門トップ会談 (2024-10-17; かんもんPAY is
//   the foundation's, the other three are named plausibly, marked サンプル). 福北連携's 「一人一花運動」 (2024-11) is the
//   candidates part's sample (a candidate adopted as a project), not made again here;
// - budgets with funding per 年度 (the 都市圏域's projects partly paid by the 連携中枢都市圏's 特別交付税, which the
//   central city receives at about 1.2億円 a year; one draft 年度 whose 特別交付税 is not yet known, flagged);
// - links to the sample vision indicators that fit (S1-M2 メガリージョンの推進), found through the vision index;
// - 庁内調整: 観光課 (made here when the sample city has none) and the budget consultation with 財政課, with rounds;
// - status histories (one project sent back to 構想 with its reason) and one yearly report.
import { todayInJapan } from "../../../common/dates";
import type { FundingSource, ProjectStatus } from "../../../common/region/partnerships";
import type { Db, Queryable } from "../../db/database";
import { createOrganisation, findOrganisationIdByCode, organisationIdByCode } from "../../platform/admin/organisations";
import { DEMO_ACTOR, recordAudit } from "../../platform/audit/audit";
import { findIndicatorLabels, findPlanInForce } from "../vision";
import * as repo from "./project-repository";

const AGREEMENTS: [framework: string, signedOn: string, title: string, note: string][] = [
  ["kanmon", "2007-07-02", "関門連携共同宣言", "市民交流・経済・教育文化・交通環境・行政の5分野で連携を進めることを宣言。"],
  ["fukuhoku", "2009-07-03", "福岡市・北九州市の連携に関する協定（更新）", "1999年に始まった福北連携を4つの柱で更新。"],
  ["fukuhoku", "2023-02-28", "「福北新時代」共同宣言", "両市長による新たな連携の宣言。"],
  ["toshiken", "2015-12-24", "連携中枢都市宣言", "北九州市が連携中枢都市として圏域の中心的役割を担うことを宣言。"],
  ["toshiken", "2016-04-18", "北九州都市圏域 連携協約", "北九州市と16市町の間で締結（吉富町はその後に締結）。"],
];

const KANMON_NOTE = "第15回関門トップ会談（2024年10月17日）で発表した新たな連携事業の一つ（事業名と内容はサンプル）。";

/** Projects the foundation's samples lack: name, summary, status, first 年度, lead. */
const EXTRA_PROJECTS: [framework: string, name: string, summary: string, status: ProjectStatus, startYear: number, lead: string][] = [
  ["kanmon", "関門海峡クルーズ 共同誘客", `両市の観光船・クルーズ船の相互案内と共通割引。${KANMON_NOTE}`, "running", 2024, "下関市"],
  [
    "kanmon",
    "関門地域 防災・消防の相互応援訓練",
    `大規模災害を想定した両市の合同訓練と情報共有。${KANMON_NOTE}`,
    "agreed",
    2025,
    "北九州市",
  ],
  [
    "kanmon",
    "関門サイクルツーリズムの推進",
    `関門トンネル人道を含む周遊サイクリングルートの共同整備と発信。${KANMON_NOTE}`,
    "negotiating",
    2026,
    "下関市",
  ],
];

type History = [status: ProjectStatus, on: string, reason: string][];

const HISTORIES: Record<string, History> = {
  圏域観光プロモーション事業: [
    ["concept", "2020-06-01", "担当者会議で提案"],
    ["negotiating", "2020-09-15", ""],
    ["agreed", "2021-02-26", "部課長会議で合意"],
    ["running", "2021-04-01", ""],
  ],
  "北九州都市圏域 情報ハブの共同運営": [
    ["concept", "2024-06-01", ""],
    ["negotiating", "2024-10-01", ""],
    ["agreed", "2025-02-20", ""],
    ["running", "2025-04-01", ""],
  ],
  消防指令業務の共同運用: [
    ["concept", "2023-04-01", ""],
    ["negotiating", "2024-02-01", ""],
    ["concept", "2024-09-30", "整備費の負担割合で合意に至らず、共同運用の範囲から見直すため構想に戻す"],
    ["negotiating", "2025-05-15", "対象を指令業務に絞った案で再協議"],
  ],
  圏域合同企業説明会: [
    ["concept", "2025-04-01", ""],
    ["negotiating", "2025-07-01", ""],
    ["agreed", "2026-03-19", "担当者会議で合意"],
  ],
  "かんもんPAY（関門共通返礼品）": [
    ["concept", "2024-05-01", ""],
    ["negotiating", "2024-06-10", ""],
    ["agreed", "2024-10-17", "第15回関門トップ会談で合意"],
    ["running", "2024-11-01", ""],
  ],
  "関門海峡ミュージアム・海峡ゆめタワー 共同誘客": [["concept", "2026-06-01", ""]],
  福北スタートアップ連携: [
    ["concept", "2025-06-01", ""],
    ["negotiating", "2025-11-10", ""],
  ],
  "関門海峡クルーズ 共同誘客": [
    ["concept", "2024-06-01", ""],
    ["agreed", "2024-10-17", "第15回関門トップ会談で発表"],
    ["running", "2025-04-01", ""],
  ],
  "関門地域 防災・消防の相互応援訓練": [
    ["concept", "2024-06-01", ""],
    ["agreed", "2024-10-17", "第15回関門トップ会談で発表"],
  ],
  関門サイクルツーリズムの推進: [
    ["concept", "2024-06-01", ""],
    ["negotiating", "2024-10-17", "第15回関門トップ会談で発表、ルートを協議"],
  ],
};

type Funding = Partial<Record<FundingSource, number>>;
const BUDGETS: [project: string, fiscalYear: number, totalYen: number, funding: Funding, note: string, mismatchReason: string][] = [
  [
    "圏域観光プロモーション事業",
    2024,
    30_000_000,
    { special_allocation_tax: 12_000_000, member_contribution: 6_000_000, general_revenue: 12_000_000 },
    "",
    "",
  ],
  [
    "圏域観光プロモーション事業",
    2025,
    32_000_000,
    { special_allocation_tax: 12_000_000, member_contribution: 6_400_000, general_revenue: 13_600_000 },
    "",
    "",
  ],
  [
    "圏域観光プロモーション事業",
    2026,
    35_000_000,
    { member_contribution: 7_000_000, general_revenue: 14_000_000 },
    "動画プロモーションを拡充",
    "特別交付税（連携中枢都市圏分）の額は3月の決定後に確定するため、未計上",
  ],
  ["北九州都市圏域 情報ハブの共同運営", 2025, 8_000_000, { special_allocation_tax: 4_000_000, general_revenue: 4_000_000 }, "", ""],
  ["北九州都市圏域 情報ハブの共同運営", 2026, 6_500_000, { special_allocation_tax: 3_000_000, general_revenue: 3_500_000 }, "", ""],
  [
    "圏域合同企業説明会",
    2026,
    4_000_000,
    { special_allocation_tax: 2_000_000, member_contribution: 1_000_000, general_revenue: 1_000_000 },
    "",
    "",
  ],
  ["かんもんPAY（関門共通返礼品）", 2024, 1_500_000, { general_revenue: 1_500_000 }, "返礼品の共同開発・PR", ""],
  [
    "関門海峡クルーズ 共同誘客",
    2025,
    5_000_000,
    { grant: 2_500_000, general_revenue: 2_500_000 },
    "デジタル田園都市国家構想交付金を想定",
    "",
  ],
];

const INDICATORS: [project: string, codes: string[]][] = [
  ["圏域観光プロモーション事業", ["S1-M2-P1-01"]],
  ["かんもんPAY（関門共通返礼品）", ["S1-M2-01"]],
  ["福北スタートアップ連携", ["S1-M2-01"]],
  ["関門海峡クルーズ 共同誘客", ["S1-M2-01", "S1-M2-P1-01"]],
];

type Round = [heldOn: string, title: string, outcome: string];
interface SampleStep {
  project: string;
  kind: "department" | "budget";
  organisation: string;
  fiscalYear: number | null;
  status: "planned" | "in_progress" | "agreed" | "declined";
  startedOn: string | null;
  endedOn: string | null;
  note: string;
  rounds: Round[];
}

const STEPS: SampleStep[] = [
  {
    project: "圏域観光プロモーション事業",
    kind: "department",
    organisation: "sangyo-kanko",
    fiscalYear: null,
    status: "agreed",
    startedOn: "2024-05-20",
    endedOn: "2024-07-10",
    note: "観光課の若者向けSNS発信と一体で実施することで合意。",
    rounds: [
      ["2024-05-20", "意見交換（第1回）", "圏域の観光ルート造成への観光課の関与を確認"],
      ["2024-07-10", "意見交換（第2回）", "SNS・動画の発信を観光課の事業と一体で行うことで合意"],
    ],
  },
  {
    project: "圏域観光プロモーション事業",
    kind: "budget",
    organisation: "zaisei-zaisei",
    fiscalYear: 2025,
    status: "agreed",
    startedOn: "2024-10-15",
    endedOn: "2025-01-24",
    note: "令和7年度当初予算。",
    rounds: [
      ["2024-10-15", "予算要求", "総事業費3,200万円（特別交付税1,200万円を充当）で要求"],
      ["2024-12-10", "財政課査定", "動画制作費の積算根拠の補足を求められる"],
      ["2025-01-24", "内示", "要求どおり計上"],
    ],
  },
  {
    project: "圏域観光プロモーション事業",
    kind: "budget",
    organisation: "zaisei-zaisei",
    fiscalYear: 2027,
    status: "in_progress",
    startedOn: "2026-10-14",
    endedOn: null,
    note: "令和9年度当初予算。",
    rounds: [["2026-10-14", "予算要求", "動画プロモーションの拡充分を含めて要求"]],
  },
  {
    project: "福北スタートアップ連携",
    kind: "department",
    organisation: "sangyo-kikaku",
    fiscalYear: null,
    status: "in_progress",
    startedOn: "2025-11-10",
    endedOn: null,
    note: "両市の支援拠点の相互利用の範囲を産業政策課と検討中。",
    rounds: [["2025-11-10", "意見交換（第1回）", "福岡市の拠点との相互利用の条件を整理"]],
  },
  {
    project: "福北スタートアップ連携",
    kind: "budget",
    organisation: "zaisei-zaisei",
    fiscalYear: 2027,
    status: "planned",
    startedOn: null,
    endedOn: null,
    note: "協議の方向が固まり次第、予算要求を調整。",
    rounds: [],
  },
];

const REPORT = {
  project: "圏域観光プロモーション事業",
  fiscalYear: 2025,
  results: "18市町の観光情報を情報ハブとSNSで発信。動画5本を制作し、圏域周遊モデルルートを3本造成した。",
  outcomes: "動画の再生回数は延べ約42万回。周遊ルートのモニターツアーに120人が参加した。",
  issues: "若者層の来訪につながったかを測る指標が不足している。町の観光資源の情報更新にばらつきがある。",
  nextPolicy: "来訪者アンケートを共同で実施し、効果を測定する。情報ハブの更新を担当者会議で定期的に確認する。",
};

async function ensureTourismDivision(tx: Queryable): Promise<void> {
  if (await findOrganisationIdByCode(tx, "sangyo-kanko")) return;
  const parent = await findOrganisationIdByCode(tx, "sangyo");
  await createOrganisation(tx, { parentId: parent, kind: "division", name: "観光課", code: "sangyo-kanko", sortOrder: 2, isSample: true });
}

async function projectId(tx: Queryable, name: string): Promise<string | null> {
  for (const code of ["toshiken", "kanmon", "fukuhoku"]) {
    const frameworkId = await repo.findFrameworkIdByCode(tx, code);
    const id = frameworkId ? await repo.findProjectIdByName(tx, frameworkId, name) : null;
    if (id) return id;
  }
  return null;
}

export async function loadProjectDemo(db: Db): Promise<void> {
  if (await repo.hasProjectSamples(db)) return;
  await db.transaction(async (tx) => {
    await ensureTourismDivision(tx);
    for (const [code, signedOn, title, note] of AGREEMENTS) {
      const frameworkId = await repo.findFrameworkIdByCode(tx, code);
      if (frameworkId) await repo.insertAgreement(tx, frameworkId, { signedOn, title, note }, true);
    }
    const owner = await organisationIdByCode(tx, "seisaku-koiki");
    for (const [code, name, summary, status, startYear, lead] of EXTRA_PROJECTS) {
      const frameworkId = await repo.findFrameworkIdByCode(tx, code);
      if (!frameworkId || (await repo.findProjectIdByName(tx, frameworkId, name))) continue;
      const members = await repo.findMembers(tx, frameworkId);
      const id = await repo.insertProject(
        tx,
        frameworkId,
        {
          name,
          summary,
          leadMemberId: members.find((m) => m.name === lead)?.id ?? null,
          ownerOrganisationId: owner,
          startFiscalYear: startYear,
          endFiscalYear: null,
          status,
          statusSince: todayInJapan(),
        },
        null,
      );
      await repo.markProjectSample(tx, id);
      await repo.setProjectMembers(
        tx,
        id,
        members.map((m) => m.id),
      );
    }
    for (const [name, history] of Object.entries(HISTORIES)) {
      const id = await projectId(tx, name);
      if (!id) continue;
      await repo.clearSampleHistory(tx, id);
      let from: ProjectStatus | null = null;
      for (const [status, on, reason] of history) {
        await repo.insertHistory(tx, id, { status, fromStatus: from, enteredOn: on, reason }, null, true);
        from = status;
      }
      const last = history[history.length - 1];
      await repo.setProjectStatus(tx, id, last[0], last[1]);
    }
    for (const [name, fiscalYear, totalYen, funding, note, mismatchReason] of BUDGETS) {
      const id = await projectId(tx, name);
      if (id) await repo.upsertBudget(tx, id, fiscalYear, { totalYen, funding, note, mismatchReason }, null, true);
    }
    const plan = await findPlanInForce(tx, 2026);
    const labels = plan ? await findIndicatorLabels(tx, { planId: plan.id }) : [];
    for (const [name, codes] of INDICATORS) {
      const id = await projectId(tx, name);
      const ids = codes.map((c) => labels.find((l) => l.code === c)?.id).filter((v): v is string => !!v);
      if (id && ids.length > 0) await repo.setIndicatorLinks(tx, id, ids, true);
    }
    for (const step of STEPS) {
      const id = await projectId(tx, step.project);
      const organisationId = await findOrganisationIdByCode(tx, step.organisation);
      if (!id || !organisationId) continue;
      const stepId = await repo.insertStep(tx, id, { ...step, organisationId }, true);
      for (const [heldOn, title, outcome] of step.rounds) await repo.insertStepRound(tx, stepId, { heldOn, title, outcome }, null, true);
    }
    const reportProject = await projectId(tx, REPORT.project);
    if (reportProject) await repo.upsertReport(tx, reportProject, REPORT.fiscalYear, REPORT, null, true);
    await recordAudit(tx, DEMO_ACTOR, {
      action: "load",
      entityType: "region_project",
      entityId: null,
      summary: `連携事業のサンプルデータ（協定${AGREEMENTS.length}件、事業${EXTRA_PROJECTS.length}件、予算${BUDGETS.length}件、庁内調整${STEPS.length}件、年次報告1件）を読み込みました`,
    });
  });
}
