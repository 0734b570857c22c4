// Sample data of the 国際関連事業 part (every row is_sample; the screens show サンプル): the 8 分野 of the issue, partner
// cities of a 北九州市-like city with their positions and relations, 15 projects of 国際政策課, 産業政策課, 環境政策課
// and 財政課 with their yearly budget and settled cost (FY2022–FY2026; FY2026 not yet settled) and indicators with
// results, and the delegations the city received. Among them the 台湾PRキャンペーン that grew out of a theme
// working group's ideas, and the long-running exchanges whose effect the bureau is to judge (大連市 since FY2015,
// 環境国際協力 with several years of results). Loaded through the same steps as the screens, in one transaction.
import type { FundingSource, ProjectInput } from "../../../common/api/international";
import type { Db } from "../../db/database";
import { organisationIdByCode } from "../../platform/admin/organisations";
import { DEMO_ACTOR } from "../../platform/audit/audit";
import { createFieldIn } from "./field-service";
import { createPartnerIn, createReceivedVisitIn, type PartnerInput } from "./partner-service";
import { createProjectIn } from "./project-service";
import { indexSampleData } from "./search-index";

const FIELDS = [
  "国際交流",
  "国際ビジネス",
  "国際技術協力",
  "多文化共生",
  "プロモーション・観光",
  "国際会議",
  "視察・調査",
  "姉妹・友好都市",
] as const;
type FieldName = (typeof FIELDS)[number];

const PARTNERS = {
  dalian: {
    country: "中国",
    city: "大連市",
    organisation: "",
    relation: "friendship",
    relatedSince: "1979-05-01",
    latitude: 38.914,
    longitude: 121.6147,
  },
  tianjin: {
    country: "中国",
    city: "天津市",
    organisation: "",
    relation: "other",
    relatedSince: null,
    latitude: 39.3434,
    longitude: 117.3616,
  },
  incheon: {
    country: "韓国",
    city: "仁川広域市",
    organisation: "",
    relation: "friendship",
    relatedSince: "1988-12-20",
    latitude: 37.4563,
    longitude: 126.7052,
  },
  busan: {
    country: "韓国",
    city: "釜山広域市",
    organisation: "",
    relation: "agreement",
    relatedSince: "2019-07-10",
    latitude: 35.1796,
    longitude: 129.0756,
  },
  kaohsiung: {
    country: "台湾",
    city: "高雄市",
    organisation: "",
    relation: "agreement",
    relatedSince: "2017-11-15",
    latitude: 22.6273,
    longitude: 120.3014,
  },
  kaohsiungTourism: {
    country: "台湾",
    city: "高雄市",
    organisation: "高雄市政府観光局",
    relation: "other",
    relatedSince: null,
    latitude: 22.6205,
    longitude: 120.3121,
  },
  tacoma: {
    country: "米国",
    city: "タコマ市",
    organisation: "",
    relation: "sister",
    relatedSince: "1959-11-02",
    latitude: 47.2529,
    longitude: -122.4443,
  },
  norfolk: {
    country: "米国",
    city: "ノーフォーク市",
    organisation: "",
    relation: "sister",
    relatedSince: "1962-05-16",
    latitude: 36.8508,
    longitude: -76.2859,
  },
  surabaya: {
    country: "インドネシア",
    city: "スラバヤ市",
    organisation: "",
    relation: "agreement",
    relatedSince: "2012-11-05",
    latitude: -7.2575,
    longitude: 112.7521,
  },
  haiphong: {
    country: "ベトナム",
    city: "ハイフォン市",
    organisation: "",
    relation: "sister",
    relatedSince: "2014-04-22",
    latitude: 20.8449,
    longitude: 106.6881,
  },
  phnomPenh: {
    country: "カンボジア",
    city: "プノンペン都",
    organisation: "",
    relation: "other",
    relatedSince: null,
    latitude: 11.5564,
    longitude: 104.9282,
  },
} satisfies Record<string, PartnerInput>;
type PartnerKey = keyof typeof PARTNERS;

const DIVISIONS = { kokusai: "seisaku-kokusai", sangyo: "sangyo-kikaku", kankyo: "kankyo-kikaku", zaisei: "zaisei-zaisei" } as const;
type Division = keyof typeof DIVISIONS;

/** Yearly money: 年度 → [予算額, 決算額 (null: not settled yet)] for one funding source. */
type Money = Record<number, [number, number | null]>;

interface SampleProject {
  name: string;
  owner: Division;
  contactName: string;
  field: FieldName;
  status: ProjectInput["status"];
  isPublic: boolean;
  first: number;
  last: number | null;
  summary: string;
  themes: string[];
  partners: PartnerKey[];
  money: Partial<Record<FundingSource, Money>>;
  indicators?: ProjectInput["indicators"];
}

/** FY2022–FY2025 settled at `settledShare` of the budget, FY2026 (the current year) not yet. */
function yearly(budgets: Record<number, number>, settledShare = 0.95): Money {
  return Object.fromEntries(
    Object.entries(budgets).map(([fy, budget]) => [
      Number(fy),
      [budget, Number(fy) >= 2026 ? null : Math.round((budget * settledShare) / 1000) * 1000] as [number, number | null],
    ]),
  );
}

const results = (values: Record<number, number>) => Object.entries(values).map(([fy, value]) => ({ fiscalYear: Number(fy), value }));

const PROJECTS: SampleProject[] = [
  {
    name: "大連市との友好交流事業",
    owner: "kokusai",
    contactName: "国際政策課 交流係",
    field: "姉妹・友好都市",
    status: "active",
    isPublic: true,
    first: 2015,
    last: null,
    summary:
      "友好都市・大連市との市民・青少年・行政の相互訪問と、両市の経済・環境分野の交流を続けています。令和7年度の経営分析で効果を検証します。",
    themes: ["友好都市", "青少年交流"],
    partners: ["dalian"],
    money: { general: yearly({ 2022: 2_800_000, 2023: 3_200_000, 2024: 4_500_000, 2025: 3_300_000, 2026: 3_300_000 }, 0.92) },
    indicators: [
      {
        name: "相互訪問者数",
        unit: "人",
        direction: "higher",
        baselineValue: 120,
        baselineFiscalYear: 2014,
        targetValue: 300,
        targetFiscalYear: 2027,
        results: results({ 2021: 20, 2022: 85, 2023: 190, 2024: 260, 2025: 240 }),
      },
      {
        name: "交流事業への市民参加者数",
        unit: "人",
        direction: "higher",
        baselineValue: 400,
        baselineFiscalYear: 2014,
        targetValue: 1000,
        targetFiscalYear: 2027,
        results: results({ 2023: 620, 2024: 910, 2025: 780 }),
      },
    ],
  },
  {
    name: "大連市友好都市締結45周年記念事業",
    owner: "kokusai",
    contactName: "国際政策課 交流係",
    field: "姉妹・友好都市",
    status: "ended",
    isPublic: true,
    first: 2024,
    last: 2024,
    summary: "友好都市締結45周年を記念し、市長を団長とする訪問団の派遣と、記念式典・写真展を開催しました。",
    themes: ["友好都市", "周年事業"],
    partners: ["dalian"],
    money: { general: { 2024: [6_000_000, 5_640_000] } },
  },
  {
    name: "タコマ市との姉妹都市青少年派遣",
    owner: "kokusai",
    contactName: "国際政策課 交流係",
    field: "姉妹・友好都市",
    status: "active",
    isPublic: true,
    first: 2010,
    last: null,
    summary: "姉妹都市タコマ市へ市内の高校生を毎年派遣し、ホームステイと現地高校での交流を行います。",
    themes: ["姉妹都市", "青少年交流"],
    partners: ["tacoma"],
    money: { general: yearly({ 2022: 1_500_000, 2023: 2_400_000, 2024: 2_400_000, 2025: 2_600_000, 2026: 2_600_000 }, 0.97) },
    indicators: [
      {
        name: "派遣した高校生の数",
        unit: "人",
        direction: "higher",
        baselineValue: 10,
        baselineFiscalYear: 2019,
        targetValue: 20,
        targetFiscalYear: 2026,
        results: results({ 2022: 6, 2023: 14, 2024: 16, 2025: 18 }),
      },
    ],
  },
  {
    name: "ノーフォーク市との市民交流",
    owner: "kokusai",
    contactName: "国際政策課 交流係",
    field: "国際交流",
    status: "active",
    isPublic: true,
    first: 2018,
    last: null,
    summary: "姉妹都市ノーフォーク市とのオンライン交流会と、市民訪問団の受入れを行います。",
    themes: ["姉妹都市", "市民交流"],
    partners: ["norfolk"],
    money: { general: yearly({ 2022: 600_000, 2023: 800_000, 2024: 800_000, 2025: 900_000, 2026: 900_000 }, 0.9) },
  },
  {
    name: "外国人市民のための多言語相談窓口",
    owner: "kokusai",
    contactName: "国際政策課 多文化共生係",
    field: "多文化共生",
    status: "active",
    isPublic: true,
    first: 2019,
    last: null,
    summary: "国際交流センターに多言語の相談窓口を置き、外国人市民の生活・就労・子育ての相談に応じます。",
    themes: ["多文化共生", "外国人市民"],
    partners: [],
    money: {
      general: yearly({ 2022: 9_000_000, 2023: 9_200_000, 2024: 9_500_000, 2025: 9_800_000, 2026: 10_000_000 }, 0.98),
      national: yearly({ 2022: 4_000_000, 2023: 4_000_000, 2024: 4_500_000, 2025: 4_500_000, 2026: 4_500_000 }, 1),
    },
    indicators: [
      {
        name: "相談件数",
        unit: "件",
        direction: "higher",
        baselineValue: 1800,
        baselineFiscalYear: 2019,
        targetValue: 3000,
        targetFiscalYear: 2026,
        results: results({ 2022: 2300, 2023: 2650, 2024: 2900, 2025: 3100 }),
      },
    ],
  },
  {
    name: "台湾PRキャンペーン",
    owner: "sangyo",
    contactName: "産業政策課 観光・MICE担当",
    field: "プロモーション・観光",
    status: "active",
    isPublic: true,
    first: 2025,
    last: 2026,
    summary:
      "令和6年度のテーマ別ワーキンググループ（観光・プロモーション）で各局から寄せられたアイデアを基に、高雄市で観光・物産・企業誘致を一体で発信するPRキャンペーンを実施します。高雄市政府観光局と共催で、旅行博への出展とSNS広告を行います。",
    themes: ["観光", "台湾", "ワーキンググループ発"],
    partners: ["kaohsiung", "kaohsiungTourism"],
    money: {
      general: { 2025: [8_000_000, 7_650_000], 2026: [6_000_000, null] },
      national: { 2025: [2_000_000, 2_000_000] },
    },
    indicators: [
      {
        name: "台湾からの宿泊者数",
        unit: "人泊",
        direction: "higher",
        baselineValue: 42000,
        baselineFiscalYear: 2024,
        targetValue: 60000,
        targetFiscalYear: 2026,
        results: results({ 2025: 51500 }),
      },
    ],
  },
  {
    name: "仁川広域市との経済交流",
    owner: "sangyo",
    contactName: "産業政策課 国際ビジネス係",
    field: "国際ビジネス",
    status: "active",
    isPublic: true,
    first: 2019,
    last: null,
    summary: "友好都市・仁川広域市の企業との商談会を両市で交互に開き、市内中小企業の韓国での販路開拓を支援します。",
    themes: ["友好都市", "販路開拓"],
    partners: ["incheon"],
    money: { general: yearly({ 2022: 3_500_000, 2023: 3_500_000, 2024: 3_800_000, 2025: 3_800_000, 2026: 4_000_000 }, 0.93) },
    indicators: [
      {
        name: "商談会での成約件数",
        unit: "件",
        direction: "higher",
        baselineValue: 5,
        baselineFiscalYear: 2019,
        targetValue: 25,
        targetFiscalYear: 2026,
        results: results({ 2022: 9, 2023: 14, 2024: 17, 2025: 19 }),
      },
    ],
  },
  {
    name: "東アジア販路開拓商談会",
    owner: "sangyo",
    contactName: "産業政策課 国際ビジネス係",
    field: "国際ビジネス",
    status: "active",
    isPublic: true,
    first: 2020,
    last: null,
    summary: "大連・天津・釜山のバイヤーを招いた商談会を開き、市内の食品・ものづくり企業の輸出を支援します。",
    themes: ["販路開拓", "輸出"],
    partners: ["dalian", "tianjin", "busan"],
    money: {
      general: yearly({ 2022: 5_000_000, 2023: 5_500_000, 2024: 5_500_000, 2025: 6_000_000, 2026: 6_000_000 }, 0.9),
      prefectural: yearly({ 2023: 1_000_000, 2024: 1_000_000, 2025: 1_000_000 }, 1),
    },
  },
  {
    name: "釜山広域市との観光相互送客",
    owner: "sangyo",
    contactName: "産業政策課 観光・MICE担当",
    field: "プロモーション・観光",
    status: "active",
    isPublic: true,
    first: 2023,
    last: null,
    summary: "釜山広域市と協定を結び、フェリー航路を生かした相互送客キャンペーンを行います。",
    themes: ["観光", "韓国"],
    partners: ["busan"],
    money: { general: yearly({ 2023: 2_000_000, 2024: 2_500_000, 2025: 2_500_000, 2026: 2_500_000 }, 0.94) },
  },
  {
    name: "天津市との経済技術交流",
    owner: "sangyo",
    contactName: "産業政策課 国際ビジネス係",
    field: "国際ビジネス",
    status: "ended",
    isPublic: false,
    first: 2012,
    last: 2021,
    summary: "天津市の開発区との間で、環境・省エネ技術の企業マッチングを行いました（令和3年度で終了）。",
    themes: ["技術交流"],
    partners: ["tianjin"],
    money: {},
  },
  {
    name: "環境国際協力（アジア諸都市への技術協力）",
    owner: "kankyo",
    contactName: "環境政策課 環境国際協力係",
    field: "国際技術協力",
    status: "active",
    isPublic: true,
    first: 2010,
    last: null,
    summary:
      "公害克服の経験を生かし、アジアの都市に廃棄物処理・上下水道・省エネの技術協力を行います。JICAの草の根技術協力や国の補助を活用し、市内企業の海外展開にもつなげます。",
    themes: ["環境", "技術協力", "SDGs"],
    partners: ["surabaya", "dalian", "haiphong", "phnomPenh"],
    money: {
      general: yearly({ 2022: 12_000_000, 2023: 12_500_000, 2024: 13_000_000, 2025: 13_000_000, 2026: 13_500_000 }, 0.96),
      national: yearly({ 2022: 8_000_000, 2023: 8_000_000, 2024: 9_000_000, 2025: 9_000_000, 2026: 9_000_000 }, 1),
      other: yearly({ 2024: 3_000_000, 2025: 3_000_000, 2026: 3_000_000 }, 1),
    },
    indicators: [
      {
        name: "技術協力の案件数（累計）",
        unit: "件",
        direction: "higher",
        baselineValue: 5,
        baselineFiscalYear: 2014,
        targetValue: 20,
        targetFiscalYear: 2026,
        results: results({ 2021: 11, 2022: 13, 2023: 15, 2024: 18, 2025: 19 }),
      },
      {
        name: "協力先都市での温室効果ガス削減量",
        unit: "t-CO2",
        direction: "higher",
        baselineValue: 0,
        baselineFiscalYear: 2019,
        targetValue: 50000,
        targetFiscalYear: 2027,
        results: results({ 2022: 18000, 2023: 26000, 2024: 33000, 2025: 37000 }),
      },
      {
        name: "受け入れた研修員の数",
        unit: "人",
        direction: "higher",
        baselineValue: 60,
        baselineFiscalYear: 2019,
        targetValue: 120,
        targetFiscalYear: 2026,
        results: results({ 2022: 40, 2023: 75, 2024: 88, 2025: 95 }),
      },
    ],
  },
  {
    name: "スラバヤ市 廃棄物管理改善プロジェクト",
    owner: "kankyo",
    contactName: "環境政策課 環境国際協力係",
    field: "国際技術協力",
    status: "ended",
    isPublic: true,
    first: 2013,
    last: 2024,
    summary: "環境姉妹都市スラバヤ市で、生ごみの堆肥化と分別収集の仕組みづくりを支援しました（令和6年度で終了）。",
    themes: ["環境", "廃棄物"],
    partners: ["surabaya"],
    money: { national: { 2022: [4_000_000, 3_900_000], 2023: [4_000_000, 3_950_000], 2024: [3_000_000, 2_880_000] } },
    indicators: [
      {
        name: "堆肥化センターでの生ごみ処理量",
        unit: "t/日",
        direction: "higher",
        baselineValue: 20,
        baselineFiscalYear: 2013,
        targetValue: 60,
        targetFiscalYear: 2024,
        results: results({ 2022: 48, 2023: 52, 2024: 55 }),
      },
    ],
  },
  {
    name: "ハイフォン市 上水道・環境インフラ整備支援",
    owner: "kankyo",
    contactName: "環境政策課 環境国際協力係",
    field: "国際技術協力",
    status: "active",
    isPublic: true,
    first: 2016,
    last: null,
    summary: "姉妹都市ハイフォン市の浄水場の運転管理と、工業団地の排水処理について技術協力を行います。",
    themes: ["環境", "上下水道", "姉妹都市"],
    partners: ["haiphong"],
    money: { general: yearly({ 2022: 2_000_000, 2023: 2_000_000, 2024: 2_200_000, 2025: 2_200_000, 2026: 2_200_000 }, 0.9) },
  },
  {
    name: "アジア環境都市会議の開催",
    owner: "kankyo",
    contactName: "環境政策課 環境国際協力係",
    field: "国際会議",
    status: "ended",
    isPublic: true,
    first: 2024,
    last: 2024,
    summary: "アジア8か国・15都市の環境担当者を招き、脱炭素と廃棄物をテーマにした国際会議を開催しました。",
    themes: ["環境", "国際会議", "SDGs"],
    partners: ["surabaya", "haiphong", "phnomPenh", "dalian"],
    money: { general: { 2024: [15_000_000, 14_200_000] }, national: { 2024: [5_000_000, 5_000_000] } },
  },
  {
    name: "韓国の地方財政制度の調査",
    owner: "zaisei",
    contactName: "財政課 財政企画係",
    field: "視察・調査",
    status: "ended",
    isPublic: false,
    first: 2023,
    last: 2024,
    summary: "仁川広域市・釜山広域市を訪ね、参加型予算と公会計の運用を調べ、本市の予算編成の見直しの参考にしました。",
    themes: ["財政", "調査"],
    partners: ["incheon", "busan"],
    money: { general: { 2023: [900_000, 820_000], 2024: [600_000, 560_000] } },
  },
];

const RECEIVED: { partner: PartnerKey; owner: Division; receivedOn: string; delegation: string; purpose: string }[] = [
  {
    partner: "dalian",
    owner: "kokusai",
    receivedOn: "2024-10-17",
    delegation: "大連市人民政府 友好代表団",
    purpose: "友好都市締結45周年記念式典への出席と、今後の交流に関する意見交換",
  },
  {
    partner: "surabaya",
    owner: "kankyo",
    receivedOn: "2024-09-03",
    delegation: "スラバヤ市 環境局 研修団",
    purpose: "ごみ焼却施設・リサイクル工場の視察と研修",
  },
  {
    partner: "incheon",
    owner: "sangyo",
    receivedOn: "2025-05-22",
    delegation: "仁川広域市 経済使節団",
    purpose: "市内企業との商談会と港湾施設の視察",
  },
  {
    partner: "tacoma",
    owner: "kokusai",
    receivedOn: "2025-07-28",
    delegation: "タコマ市 高校生訪問団",
    purpose: "ホームステイと市内高校での交流",
  },
  {
    partner: "kaohsiungTourism",
    owner: "sangyo",
    receivedOn: "2025-11-12",
    delegation: "高雄市政府観光局 訪問団",
    purpose: "台湾PRキャンペーンの共催に向けた打合せと観光地の視察",
  },
  {
    partner: "haiphong",
    owner: "kankyo",
    receivedOn: "2026-02-09",
    delegation: "ハイフォン市人民委員会 代表団",
    purpose: "浄水場の運転管理に関する協議",
  },
];

/** The projects' part of the module's sample data; the module's demo.ts calls it after naming the bureau. */
export async function loadProjectDemo(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    const actor = DEMO_ACTOR;
    const fieldIds = new Map<FieldName, string>();
    for (const [i, name] of FIELDS.entries())
      fieldIds.set(name, await createFieldIn(tx, actor, { name, sortOrder: (i + 1) * 10, active: true }, { isSample: true }));
    const partnerIds = new Map<PartnerKey, string>();
    for (const [key, partner] of Object.entries(PARTNERS) as [PartnerKey, PartnerInput][])
      partnerIds.set(key, await createPartnerIn(tx, actor, partner, { isSample: true }));
    const orgIds = new Map<Division, string>();
    for (const [key, code] of Object.entries(DIVISIONS) as [Division, string][]) orgIds.set(key, await organisationIdByCode(tx, code));
    const get = <K, V>(map: Map<K, V>, key: K): V => map.get(key) as V;

    for (const p of PROJECTS) {
      const years = Object.entries(p.money).flatMap(([source, money]) =>
        Object.entries(money as Money).map(([fy, [budget, settled]]) => ({
          fiscalYear: Number(fy),
          fundingSource: source as FundingSource,
          budget,
          settled,
        })),
      );
      await createProjectIn(
        tx,
        actor,
        {
          name: p.name,
          ownerOrganisationId: get(orgIds, p.owner),
          contactUserId: null,
          contactName: p.contactName,
          fieldId: get(fieldIds, p.field),
          status: p.status,
          isPublic: p.isPublic,
          firstFiscalYear: p.first,
          lastFiscalYear: p.last,
          summary: p.summary,
          themes: p.themes,
          partnerIds: p.partners.map((key) => get(partnerIds, key)),
          years: years.sort((a, b) => a.fiscalYear - b.fiscalYear),
          indicators: p.indicators ?? [],
        },
        { isSample: true },
      );
    }
    for (const r of RECEIVED)
      await createReceivedVisitIn(
        tx,
        actor,
        get(partnerIds, r.partner),
        get(orgIds, r.owner),
        { receivedOn: r.receivedOn, delegation: r.delegation, purpose: r.purpose },
        { isSample: true },
      );
    // searchable once all are in (one bulk write instead of one per project)
    await indexSampleData(tx);
  });
}
