// Sample data of the vision module (marked as sample): 「北九州市・新ビジョン」 (adopted March 2024, FY2024–FY2033)
// with its three priority strategies tied by 「成長と幸福の好循環」, a few measures and projects each owned by the
// sample divisions, about thirty indicators with FY2024–FY2025 values, the published round 令和6年度末 and the open
// round 令和7年度末. Measure, project and indicator names and every number are illustrative, not the city's.
import type { Exclusion, StatusRating } from "../../../common/vision/grading";
import type { Db } from "../../db/database";
import { organisationIdByCode } from "../../platform/admin/organisations";
import { DEMO_ACTOR } from "../../platform/audit/audit";
import { listChallenges } from "../policy";
import { setVisionOwner } from "./access";
import { storeActuals } from "./actuals";
import { loadEngagementDemo } from "./engagement-demo";
import type * as indicatorRepo from "./indicator-repository";
import { createIndicatorIn } from "./indicators";
import { createNodeIn, createPlanIn } from "./plan";
import * as planRepo from "./plan-repository";
import { closeRoundIn, openRoundIn, publishRoundIn, remindRoundIn } from "./rounds";

interface SampleIndicator {
  code: string;
  name: string;
  unit: string;
  kind: "活動指標" | "成果指標";
  direction?: "higher" | "lower";
  baseline: number;
  target: number;
  targetFiscalYear?: number;
  /** achievement (share of the pro-rated way) reached in FY2024 and FY2025; null = not entered */
  reached: [number, number | null];
  decimals?: number;
  owner?: string;
  exclusion?: Exclusion;
  status?: [StatusRating, StatusRating | null];
}

interface SampleNode {
  code: string;
  title: string;
  owner: string;
  indicators: SampleIndicator[];
  children?: SampleNode[];
  /** 局区方針の課題 codes this measure serves */
  challenges?: string[];
  weighted?: boolean;
}

const ind = (
  code: string,
  name: string,
  unit: string,
  kind: SampleIndicator["kind"],
  baseline: number,
  target: number,
  reached: SampleIndicator["reached"],
  extra: Partial<SampleIndicator> = {},
): SampleIndicator => ({
  code,
  name,
  unit,
  kind,
  baseline,
  target,
  reached,
  ...extra,
});

const STRATEGIES: SampleNode[] = [
  {
    code: "S1",
    title: "稼げるまち",
    owner: "sangyo",
    indicators: [ind("S1-01", "市内総生産（名目）", "億円", "成果指標", 38000, 42000, [1.05, 0.92])],
    children: [
      {
        code: "S1-M1",
        title: "未来産業の振興とルールメイキング",
        owner: "seisaku-tokku",
        challenges: ["B(1)"],
        indicators: [
          ind("S1-M1-01", "特区制度を活用した新規事業の件数", "件", "成果指標", 2, 30, [1.3, 1.25]),
          ind("S1-M1-02", "規制改革の提案件数", "件", "活動指標", 3, 40, [0.9, 0.6]),
        ],
        children: [
          {
            code: "S1-M1-P1",
            title: "宇宙・ディープテック実証支援事業",
            owner: "sangyo-kikaku",
            indicators: [
              ind("S1-M1-P1-01", "実証プロジェクトの採択件数", "件", "活動指標", 0, 50, [1.2, 1.1]),
              ind("S1-M1-P1-02", "関連企業の立地件数", "件", "成果指標", 5, 60, [0.75, null]),
            ],
          },
        ],
      },
      {
        code: "S1-M2",
        title: "メガリージョンの推進",
        owner: "seisaku-koiki",
        challenges: ["A(2)"],
        indicators: [ind("S1-M2-01", "福岡市・下関市との連携事業数", "件", "活動指標", 4, 24, [1.5, 1.4])],
        children: [
          {
            code: "S1-M2-P1",
            title: "関門・福岡連携プロモーション事業",
            owner: "seisaku-koiki",
            indicators: [ind("S1-M2-P1-01", "連携イベントの来場者数", "人", "成果指標", 12000, 30000, [1.0, 0.85])],
          },
        ],
      },
      {
        code: "S1-M3",
        title: "ふるさと納税による地域産業の活性化",
        owner: "seisaku-furusato",
        challenges: ["A(1)"],
        weighted: true,
        indicators: [
          ind("S1-M3-01", "ふるさと納税の寄附受入額", "億円", "成果指標", 40, 100, [1.1, 1.15], { decimals: 1 }),
          ind("S1-M3-02", "返礼品の取扱事業者数", "者", "活動指標", 250, 450, [0.65, 0.8]),
        ],
        children: [
          {
            code: "S1-M3-P1",
            title: "返礼品開発支援事業",
            owner: "seisaku-furusato",
            indicators: [ind("S1-M3-P1-01", "新規返礼品の登録数", "品", "活動指標", 100, 600, [1.25, 1.2])],
          },
        ],
      },
    ],
  },
  {
    code: "S2",
    title: "彩りあるまち",
    owner: "seisaku",
    indicators: [ind("S2-01", "市の魅力を感じる市民の割合", "%", "成果指標", 58, 75, [0.9, 0.7], { decimals: 1 })],
    children: [
      {
        code: "S2-M1",
        title: "国際交流と多文化共生",
        owner: "seisaku-kokusai",
        challenges: ["A(3)", "B(4)"],
        indicators: [
          ind("S2-M1-01", "国際会議・国際交流イベントの開催件数", "件", "活動指標", 20, 45, [1.2, 1.05]),
          ind("S2-M1-02", "外国人住民の暮らしやすさ満足度", "%", "成果指標", 62, 80, [0.8, 0.85], { decimals: 1 }),
        ],
        children: [
          {
            code: "S2-M1-P1",
            title: "多言語相談窓口運営事業",
            owner: "seisaku-kokusai",
            indicators: [ind("S2-M1-P1-01", "多言語相談の対応件数", "件", "活動指標", 3000, 6000, [1.4, 1.3])],
          },
        ],
      },
      {
        code: "S2-M2",
        title: "SDGsの推進",
        owner: "seisaku-sdgs",
        challenges: ["B(2)"],
        indicators: [
          ind("S2-M2-01", "SDGsの認知度", "%", "成果指標", 70, 90, [1.0, 1.05], { decimals: 1 }),
          ind("S2-M2-02", "SDGs登録事業者数", "者", "活動指標", 500, 1500, [0.55, 0.5]),
        ],
        children: [
          {
            code: "S2-M2-P1",
            title: "SDGs未来都市推進事業",
            owner: "seisaku-sdgs",
            indicators: [
              ind("S2-M2-P1-01", "SDGs出前授業の実施回数", "回", "活動指標", 30, 80, [1.1, null]),
              // 再掲: the same indicator as S2-M2-02, listed here too but not graded twice
              ind("S2-M2-P1-02", "SDGs登録事業者数（再掲）", "者", "活動指標", 500, 1500, [0.55, 0.5], { exclusion: "再掲" }),
            ],
          },
        ],
      },
    ],
  },
  {
    code: "S3",
    title: "安らぐまち",
    owner: "kankyo",
    indicators: [ind("S3-01", "住み続けたいと思う市民の割合", "%", "成果指標", 78, 85, [1.0, 0.95], { decimals: 1 })],
    children: [
      {
        code: "S3-M1",
        title: "脱炭素と環境の保全",
        owner: "kankyo-kikaku",
        indicators: [
          ind("S3-M1-01", "市域の温室効果ガス排出量", "万t-CO2", "成果指標", 1600, 1100, [1.1, 0.95], { direction: "lower" }),
          ind("S3-M1-02", "再生可能エネルギーの導入量", "MW", "成果指標", 400, 900, [1.3, 1.2]),
        ],
        children: [
          {
            code: "S3-M1-P1",
            title: "家庭の省エネ支援事業",
            owner: "kankyo-kikaku",
            indicators: [
              ind("S3-M1-P1-01", "一人一日あたりの家庭ごみ量", "g", "成果指標", 480, 430, [0.7, 0.6], { direction: "lower" }),
              ind("S3-M1-P1-02", "省エネ診断の実施件数", "件", "活動指標", 200, 700, [1.0, null]),
            ],
          },
        ],
      },
      {
        code: "S3-M2",
        title: "持続可能な行財政運営",
        owner: "zaisei-zaisei",
        indicators: [
          ind("S3-M2-01", "市債残高（一般会計）", "億円", "成果指標", 11000, 10000, [1.2, 1.1], { direction: "lower" }),
          ind("S3-M2-02", "経常収支比率", "%", "成果指標", 95, 92, [0.5, null], { direction: "lower", decimals: 1 }),
        ],
        children: [
          {
            code: "S3-M2-P1",
            title: "市政変革推進事業",
            owner: "zaisei-zaisei",
            indicators: [
              ind("S3-M2-P1-01", "市政変革の取組の進捗", "", "活動指標", 0, 0, [1, 1], { status: ["順調", "一部遅れ"] }),
              ind("S3-M2-P1-02", "事務事業の見直し件数", "件", "活動指標", 0, 200, [0.95, null]),
            ],
          },
        ],
      },
    ],
  },
];

// 新ビジョンの周知・浸透 (課題C(1)): indicators on the ビジョン node itself, owned by 新ビジョン推進課
const VISION_INDICATORS: SampleIndicator[] = [
  ind("V-01", "新ビジョンの市民認知度", "%", "成果指標", 20, 60, [1.0, 1.1], { decimals: 1 }),
  ind("V-02", "出前講演の実施回数", "回", "活動指標", 0, 200, [1.35, 1.2]),
  ind("V-03", "職員研修の受講率", "%", "活動指標", 0, 100, [1.5, 1.0], { targetFiscalYear: 2026, decimals: 1 }),
  ind("V-04", "Action宣言の掲出件数", "件", "活動指標", 0, 3000, [1.6, null]),
];

const BASELINE_DATE = "2024-03-31";
const FIRST_FY = 2024;
const LAST_FY = 2033;

/** The value that reaches `share` of the way to the target pro-rated to the end of `fy`. */
function valueFor(i: SampleIndicator, fy: number, share: number): number {
  const end = Date.parse(`${fy + 1}-03-31T00:00:00Z`);
  const start = Date.parse(`${BASELINE_DATE}T00:00:00Z`);
  const due = Date.parse(`${(i.targetFiscalYear ?? LAST_FY) + 1}-03-31T00:00:00Z`);
  const elapsed = Math.min(1, (end - start) / (due - start));
  const raw = i.baseline + (i.target - i.baseline) * elapsed * share;
  const factor = 10 ** (i.decimals ?? 0);
  return Math.round(raw * factor) / factor;
}

export async function loadVisionDemo(db: Db): Promise<void> {
  const seisaku = await organisationIdByCode(db, "seisaku");
  await setVisionOwner(db, seisaku);

  const planId = await db.transaction((tx) =>
    createPlanIn(
      tx,
      DEMO_ACTOR,
      {
        name: "北九州市・新ビジョン",
        cityImage:
          "（サンプル）3つの重点戦略「稼げるまち」「彩りあるまち」「安らぐまち」が互いに高め合う「成長と幸福の好循環」により、目指す都市像を実現する。",
        adoptedOn: "2024-03-31",
        firstFiscalYear: FIRST_FY,
        lastFiscalYear: LAST_FY,
      },
      { isSample: true },
    ),
  );
  const root = (await planRepo.findNodes(db, planId))[0];
  const visionOwnerId = await organisationIdByCode(db, "seisaku-vision");
  await planRepo.updateNode(db, root.id, root.version, {
    parentId: null,
    code: root.code,
    title: root.title,
    description: root.description,
    ownerOrganisationId: visionOwnerId,
    rollupMethod: root.rollup_method,
    weight: root.weight,
    sortOrder: root.sort_order,
  });

  const indicatorIds = new Map<string, { id: string; sample: SampleIndicator }>();
  const addIndicators = async (nodeId: string, indicators: SampleIndicator[]) => {
    for (const [index, i] of indicators.entries()) {
      const status = i.status !== undefined;
      const ownerOrganisationId = i.owner ? await organisationIdByCode(db, i.owner) : null;
      const id = await db.transaction((tx) =>
        createIndicatorIn(
          tx,
          DEMO_ACTOR,
          nodeId,
          {
            code: i.code,
            name: i.name,
            unit: i.unit,
            kind: i.kind,
            direction: i.direction ?? "higher",
            ratingMode: status ? "status" : "numeric",
            baselineValue: status ? null : i.baseline,
            baselineDate: status ? null : BASELINE_DATE,
            targetValue: status ? null : i.target,
            targetFiscalYear: status ? null : (i.targetFiscalYear ?? LAST_FY),
            dataSource: status ? "所管課の報告" : "（サンプル）所管課の調査",
            exclusion: i.exclusion ?? null,
            ownerOrganisationId,
            weight: 1,
            sortOrder: index + 1,
          },
          { isSample: true },
        ),
      );
      indicatorIds.set(i.code, { id, sample: i });
    }
  };
  await addIndicators(root.id, VISION_INDICATORS);

  const addNodes = async (parentId: string, kind: "strategy" | "measure" | "project", nodes: SampleNode[]) => {
    const childKind = kind === "strategy" ? "measure" : "project";
    for (const [index, node] of nodes.entries()) {
      const ownerOrganisationId = await organisationIdByCode(db, node.owner);
      const id = await db.transaction((tx) =>
        createNodeIn(
          tx,
          DEMO_ACTOR,
          planId,
          {
            parentId,
            kind,
            code: node.code,
            title: node.title,
            description: "",
            ownerOrganisationId,
            rollupMethod: node.weighted ? "weighted" : "average",
            weight: 1,
            sortOrder: index + 1,
          },
          { isSample: true },
        ),
      );
      await addIndicators(id, node.indicators);
      if (node.challenges) {
        const ids: string[] = [];
        for (const code of node.challenges) {
          const { items } = await listChallenges(db, { q: code, sort: "code", order: "asc", page: 1, pageSize: 5 });
          ids.push(...items.filter((c) => c.code === code).map((c) => c.id));
        }
        await planRepo.replaceChallengeLinks(db, id, ids);
      }
      if (node.children && kind !== "project") await addNodes(id, childKind as "measure" | "project", node.children);
    }
  };
  await addNodes(root.id, "strategy", STRATEGIES);

  const valuesOf = (fy: number, which: 0 | 1): indicatorRepo.ActualInput[] =>
    [...indicatorIds.values()].flatMap(({ id, sample }) => {
      const share = sample.reached[which];
      if (share === null) return [];
      const status = sample.status?.[which];
      if (sample.status && !status) return [];
      return [
        {
          indicatorId: id,
          fiscalYear: fy,
          asOf: `${fy + 1}-03-31`,
          value: sample.status ? null : valueFor(sample, fy, share),
          statusRating: status ?? null,
          note: "",
        },
      ];
    });

  // 令和6年度末: FY2024 values, graded, closed and published.
  await db.transaction((tx) => storeActuals(tx, DEMO_ACTOR, valuesOf(2024, 0)));
  const r6 = await db.transaction((tx) =>
    openRoundIn(
      tx,
      DEMO_ACTOR,
      planId,
      { name: "令和6年度末", fiscalYear: 2024, asOf: "2025-03-31", deadline: "2025-06-30", graceDays: 7 },
      { isSample: true },
    ),
  );
  await db.transaction((tx) => closeRoundIn(tx, DEMO_ACTOR, r6));
  await db.transaction((tx) => publishRoundIn(tx, DEMO_ACTOR, r6));

  // 令和7年度末: open; most owners have entered FY2025, a few have not (their to-do lists show it).
  await db.transaction((tx) => storeActuals(tx, DEMO_ACTOR, valuesOf(2025, 1)));
  const r7 = await db.transaction((tx) =>
    openRoundIn(
      tx,
      DEMO_ACTOR,
      planId,
      { name: "令和7年度末", fiscalYear: 2025, asOf: "2026-03-31", deadline: "2026-12-15", graceDays: 7 },
      { isSample: true },
    ),
  );
  // One 督促 already sent, so the owner's list shows it.
  const zaisei = await organisationIdByCode(db, "zaisei-zaisei");
  await db.transaction((tx) => remindRoundIn(tx, DEMO_ACTOR, r7, [zaisei]));
  // 有識者会議・Action宣言・周知・浸透の記録 (they need the plan, its indicators and rounds)
  await loadEngagementDemo(db, planId);
}
