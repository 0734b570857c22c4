// The sample companies (all fictional, marked サンプル, 法人番号 with a registry code no 登記所 uses so that none is a
// real company's) and what each does in the sample rounds: the state its application is in, how strong its
// self-check is, and the certification it holds. Contacts are made up and never public.
import type { ApplicationStatus } from "../../../common/sdgs/application-states";
import type { CompanySize, Industry, Ward } from "../../../common/sdgs/labels";

export interface SampleCompany {
  key: string;
  name: string;
  kana: string;
  ward: Ward;
  industry: Industry;
  size: CompanySize;
  employees: number;
  address: string;
  goals: readonly { title: string; kpi: string; unit: string; baseline: number; target: number; sdgs: number[] }[];
}

const goal = (title: string, kpi: string, unit: string, baseline: number, target: number, sdgs: number[]) => ({
  title,
  kpi,
  unit,
  baseline,
  target,
  sdgs,
});

const CO2 = goal("事業所のCO2排出量を削減する", "CO2排出量（スコープ1・2）", "t-CO2", 1200, 840, [7, 13]);
const WOMEN = goal("女性管理職を増やす", "女性管理職比率", "%", 8, 20, [5]);
const LOCAL = goal("地元調達を増やす", "市内事業者からの調達額の割合", "%", 35, 50, [8, 11]);
const WASTE = goal("産業廃棄物を減らす", "産業廃棄物の排出量", "t", 300, 210, [12]);
const LEAVE = goal("有給休暇を取りやすくする", "年次有給休暇の取得率", "%", 55, 80, [3, 8]);
const SCHOOL = goal("次世代への環境学習を広げる", "出前授業の参加者数", "人", 120, 500, [4]);
const HEALTH = goal("従業員の健康づくり", "健康診断の受診率", "%", 92, 100, [3]);
const RENEW = goal("再生可能エネルギーの利用を増やす", "使用電力に占める再エネの割合", "%", 10, 60, [7]);

export const SAMPLE_COMPANIES: readonly SampleCompany[] = [
  {
    key: "hibiki",
    name: "響灘グリーンエネルギー株式会社",
    kana: "ヒビキナダグリーンエネルギー",
    ward: "wakamatsu",
    industry: "F",
    size: "medium",
    employees: 180,
    address: "福岡県北九州市若松区響町一丁目（サンプル）",
    goals: [RENEW, CO2, SCHOOL],
  },
  {
    key: "kokura-seiki",
    name: "小倉精機工業株式会社",
    kana: "コクラセイキコウギョウ",
    ward: "kokuraminami",
    industry: "E",
    size: "small",
    employees: 85,
    address: "福岡県北九州市小倉南区葛原（サンプル）",
    goals: [CO2, WASTE, WOMEN],
  },
  {
    key: "moji-unyu",
    name: "門司港運輸株式会社",
    kana: "モジコウウンユ",
    ward: "moji",
    industry: "H",
    size: "medium",
    employees: 240,
    address: "福岡県北九州市門司区西海岸（サンプル）",
    goals: [CO2, LEAVE, LOCAL],
  },
  {
    key: "yahata-kensetsu",
    name: "八幡建設株式会社",
    kana: "ヤハタケンセツ",
    ward: "yahatahigashi",
    industry: "D",
    size: "small",
    employees: 62,
    address: "福岡県北九州市八幡東区東田（サンプル）",
    goals: [WASTE, HEALTH, LOCAL],
  },
  {
    key: "tobata-food",
    name: "戸畑フーズ株式会社",
    kana: "トバタフーズ",
    ward: "tobata",
    industry: "E",
    size: "small",
    employees: 48,
    address: "福岡県北九州市戸畑区中原（サンプル）",
    goals: [WASTE, LOCAL, WOMEN],
  },
  {
    key: "murasaki-it",
    name: "株式会社紫川システムズ",
    kana: "ムラサキガワシステムズ",
    ward: "kokurakita",
    industry: "G",
    size: "small",
    employees: 35,
    address: "福岡県北九州市小倉北区浅野（サンプル）",
    goals: [WOMEN, LEAVE, SCHOOL],
  },
  {
    key: "kitaq-care",
    name: "社会福祉法人きたきゅう福祉会",
    kana: "キタキュウフクシカイ",
    ward: "yahatanishi",
    industry: "P",
    size: "medium",
    employees: 310,
    address: "福岡県北九州市八幡西区黒崎（サンプル）",
    goals: [HEALTH, WOMEN, LEAVE],
  },
  {
    key: "sarakura-hotel",
    name: "皿倉観光ホテル株式会社",
    kana: "サラクラカンコウホテル",
    ward: "yahatahigashi",
    industry: "M",
    size: "small",
    employees: 70,
    address: "福岡県北九州市八幡東区尾倉（サンプル）",
    goals: [LOCAL, WASTE, LEAVE],
  },
  {
    key: "kanmon-shoji",
    name: "関門商事株式会社",
    kana: "カンモンショウジ",
    ward: "moji",
    industry: "I",
    size: "micro",
    employees: 12,
    address: "福岡県北九州市門司区栄町（サンプル）",
    goals: [LOCAL, CO2, HEALTH],
  },
  {
    key: "wakato-recycle",
    name: "若戸リサイクル株式会社",
    kana: "ワカトリサイクル",
    ward: "wakamatsu",
    industry: "R",
    size: "small",
    employees: 55,
    address: "福岡県北九州市若松区響町（サンプル）",
    goals: [WASTE, CO2, SCHOOL],
  },
  {
    key: "adachi-print",
    name: "足立印刷株式会社",
    kana: "アダチインサツ",
    ward: "kokurakita",
    industry: "E",
    size: "micro",
    employees: 18,
    address: "福岡県北九州市小倉北区片野（サンプル）",
    goals: [WASTE, RENEW, LEAVE],
  },
  {
    key: "hiraodai-farm",
    name: "平尾台ファーム合同会社",
    kana: "ヒラオダイファーム",
    ward: "kokuraminami",
    industry: "A",
    size: "micro",
    employees: 9,
    address: "福岡県北九州市小倉南区平尾台（サンプル）",
    goals: [LOCAL, SCHOOL, RENEW],
  },
  {
    key: "kurosaki-denki",
    name: "黒崎電機株式会社",
    kana: "クロサキデンキ",
    ward: "yahatanishi",
    industry: "E",
    size: "large",
    employees: 1200,
    address: "福岡県北九州市八幡西区紅梅（サンプル）",
    goals: [CO2, WOMEN, RENEW],
  },
  {
    key: "shimonoseki-trade",
    name: "西日本トレーディング株式会社",
    kana: "ニシニホントレーディング",
    ward: "outside",
    industry: "I",
    size: "medium",
    employees: 150,
    address: "山口県下関市（サンプル）",
    goals: [LOCAL, CO2, LEAVE],
  },
  {
    key: "kokura-bento",
    name: "小倉弁当株式会社",
    kana: "コクラベントウ",
    ward: "kokurakita",
    industry: "M",
    size: "small",
    employees: 40,
    address: "福岡県北九州市小倉北区京町（サンプル）",
    goals: [WASTE, LOCAL, HEALTH],
  },
  {
    key: "edamitsu-koumuten",
    name: "枝光工務店株式会社",
    kana: "エダミツコウムテン",
    ward: "yahatahigashi",
    industry: "D",
    size: "micro",
    employees: 14,
    address: "福岡県北九州市八幡東区枝光（サンプル）",
    goals: [HEALTH, LOCAL, WASTE],
  },
  {
    key: "ogura-clinic",
    name: "医療法人小倉南クリニック",
    kana: "コクラミナミクリニック",
    ward: "kokuraminami",
    industry: "P",
    size: "small",
    employees: 45,
    address: "福岡県北九州市小倉南区守恒（サンプル）",
    goals: [HEALTH, WOMEN, LEAVE],
  },
  {
    key: "tonda-logi",
    name: "洞海ロジスティクス株式会社",
    kana: "ドウカイロジスティクス",
    ward: "wakamatsu",
    industry: "H",
    size: "medium",
    employees: 210,
    address: "福岡県北九州市若松区本町（サンプル）",
    goals: [CO2, LEAVE, LOCAL],
  },
];

/** What happens to a company in a round: its application's state and strength (share of points it meets, required items always met unless `missRequired`). */
export interface SampleApplicationPlan {
  company: string;
  status: ApplicationStatus;
  strength: number;
  missRequired?: boolean;
  kind?: "new" | "renewal" | "rank_up";
  /** certified applications: progress reports submitted for these periods */
  reportedPeriods?: number[];
  revoked?: string;
  returnReason?: string;
}

export interface SampleRoundPlan {
  name: string;
  fiscalYear: number;
  opensOn: string;
  closesOn: string;
  committeeOn: string;
  validityYears: number;
  applications: readonly SampleApplicationPlan[];
}

/**
 * 令和5年度 (a pilot whose one certification is now 期限間近), 令和6年度 and 令和7年度 (decided: certified companies in
 * the registry, one refused, one revoked, one with its report overdue) and 令和8年度 (open: applications in every
 * state up to 審査会待ち, and a renewal of the pilot's certification).
 */
export const SAMPLE_ROUNDS: readonly SampleRoundPlan[] = [
  {
    name: "令和5年度（試行）",
    fiscalYear: 2023,
    opensOn: "2023-10-02",
    closesOn: "2023-12-15",
    committeeOn: "2024-02-20",
    validityYears: 3,
    applications: [{ company: "hibiki", status: "certified", strength: 0.86, reportedPeriods: [1, 2] }],
  },
  {
    name: "令和6年度",
    fiscalYear: 2024,
    opensOn: "2024-07-16",
    closesOn: "2024-12-13",
    committeeOn: "2025-03-18",
    validityYears: 3,
    applications: [
      { company: "kokura-seiki", status: "certified", strength: 0.72, reportedPeriods: [1] },
      { company: "moji-unyu", status: "certified", strength: 0.83, reportedPeriods: [1] },
      { company: "yahata-kensetsu", status: "certified", strength: 0.5 },
      { company: "kitaq-care", status: "certified", strength: 0.66, reportedPeriods: [1] },
      {
        company: "kanmon-shoji",
        status: "certified",
        strength: 0.45,
        revoked: "市税の滞納が判明し、認証要件を満たさなくなったため（サンプル）。",
      },
    ],
  },
  {
    name: "令和7年度",
    fiscalYear: 2025,
    opensOn: "2025-07-15",
    closesOn: "2025-12-12",
    committeeOn: "2026-03-17",
    validityYears: 3,
    applications: [
      { company: "tobata-food", status: "certified", strength: 0.61 },
      { company: "murasaki-it", status: "certified", strength: 0.78 },
      { company: "wakato-recycle", status: "certified", strength: 0.9 },
      { company: "kurosaki-denki", status: "certified", strength: 0.95 },
      { company: "sarakura-hotel", status: "certified", strength: 0.47 },
      { company: "hiraodai-farm", status: "refused", strength: 0.55, missRequired: true },
    ],
  },
  {
    name: "令和8年度",
    fiscalYear: 2026,
    opensOn: "2026-07-15",
    closesOn: "2026-12-11",
    committeeOn: "2027-03-16",
    validityYears: 3,
    applications: [
      { company: "hibiki", status: "submitted", strength: 0.9, kind: "renewal" },
      { company: "adachi-print", status: "draft", strength: 0.4 },
      { company: "kokura-bento", status: "draft", strength: 0.3 },
      { company: "edamitsu-koumuten", status: "submitted", strength: 0.58 },
      {
        company: "ogura-clinic",
        status: "returned",
        strength: 0.64,
        returnReason: "目標「従業員の健康づくり」の基準値の年度が未記入です。記入のうえ再提出してください。",
      },
      { company: "tonda-logi", status: "screening", strength: 0.7 },
      { company: "shimonoseki-trade", status: "withdrawn", strength: 0.35 },
      { company: "hiraodai-farm", status: "review", strength: 0.68 },
      { company: "kokura-seiki", status: "committee", strength: 0.88, kind: "rank_up" },
      { company: "yahata-kensetsu", status: "review", strength: 0.62, kind: "rank_up" },
    ],
  },
];
