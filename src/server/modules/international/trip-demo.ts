// Sample 海外出張 (every row is_sample), loaded after the projects' sample data: ten trips of FY2024–FY2026 by four
// divisions, in every state — one 完了 with a published report, one 中止, one 変更, one 帰庁 whose report is long
// overdue — visiting the partner cities (looked up by city name; a city the partners list lacks is written as text),
// linked to sample projects found by name (none found: no link), with cost lines costed from the 旅費の基準額 (two
// versions, 2019 and 2024). Travellers are the division's sample users when there are any, otherwise names without a
// login (the sample data creates no accounts). Every trip goes through the service's own steps, so the history and
// the audit log read as if staff had done it.
import type { TripInput } from "../../../common/api/international";
import type { Db, Queryable } from "../../db/database";
import { organisationIdByCode } from "../../platform/admin/organisations";
import { DEMO_ACTOR } from "../../platform/audit/audit";
import { indexSampleData } from "./search-index";
import { createTravelRateIn } from "./travel-rates";
import * as repo from "./trip-repository";
import { createTripIn, fileTripReportAsSystem, transitionTripAsSystem, updateTripAsSystem } from "./trip-service";

type RegionClass = "designated" | "class_a" | "class_b" | "class_c";

// 旅費の基準額 (一般職員): the 2019 table and its 2024 revision
const RATES: { validFrom: string; daily: Record<RegionClass, number>; lodging: Record<RegionClass, number> }[] = [
  {
    validFrom: "2019-04-01",
    daily: { designated: 8300, class_a: 7000, class_b: 5600, class_c: 5100 },
    lodging: { designated: 25700, class_a: 21500, class_b: 17200, class_c: 15500 },
  },
  {
    validFrom: "2024-04-01",
    daily: { designated: 8800, class_a: 7400, class_b: 5900, class_c: 5400 },
    lodging: { designated: 29000, class_a: 24000, class_b: 19000, class_c: 17000 },
  },
];

const rateOn = (date: string) => [...RATES].reverse().find((r) => r.validFrom <= date) ?? RATES[0];

interface SampleVisit {
  on: string;
  country: string;
  city: string;
  organisation: string;
  counterpart: string;
  purpose: string;
}

interface SampleTrip {
  title: string;
  owner: string;
  purpose: string;
  departsOn: string;
  returnsOn: string;
  regionClass: RegionClass;
  fare: number;
  /** interpreters, venue … (通訳・会場) */
  extra?: { kind: "interpreter" | "misc" | "other"; description: string; amount: number };
  travellers: { name: string; role: "leader" | "member"; paidBy?: "city" | "host" | "other" }[];
  companions?: string;
  visits: SampleVisit[];
  projects: string[];
  /** where the trip stands: the moves it has been through */
  status: "planned" | "applied" | "approved" | "changed" | "travelling" | "returned" | "reported" | "settled" | "completed" | "cancelled";
  approvedBy?: string;
  approvedOn?: string;
  approvalConditions?: string;
  safetyLevel?: number;
  report?: { filedOn: string; results: string; followup: string; publish: boolean };
  reportDueOn?: string;
  cancelReason?: string;
  changeNote?: string;
}

const TRIPS: SampleTrip[] = [
  {
    title: "大連市友好都市締結45周年記念式典への訪問",
    owner: "seisaku-kokusai",
    purpose: "友好都市締結45周年の記念式典に出席し、今後5年間の交流計画（経済・環境・青少年）について大連市人民政府と協議する。",
    departsOn: "2024-10-14",
    returnsOn: "2024-10-17",
    regionClass: "class_b",
    fare: 96000,
    extra: { kind: "interpreter", description: "通訳（2日）", amount: 88000 },
    travellers: [
      { name: "原田 誠一", role: "leader" },
      { name: "松尾 由美", role: "member" },
      { name: "井上 亮", role: "member" },
    ],
    companions: "市内経済団体 2名（自費）",
    visits: [
      {
        on: "2024-10-15",
        country: "中国",
        city: "大連市",
        organisation: "大連市人民政府",
        counterpart: "副市長",
        purpose: "表敬訪問・交流計画の協議",
      },
      {
        on: "2024-10-16",
        country: "中国",
        city: "大連市",
        organisation: "大連国際会議中心",
        counterpart: "外事弁公室主任",
        purpose: "45周年記念式典・記念植樹",
      },
    ],
    projects: ["大連市友好都市締結45周年記念事業", "大連市との友好交流事業"],
    status: "completed",
    approvedBy: "副市長",
    approvedOn: "2024-09-24",
    safetyLevel: 0,
    report: {
      filedOn: "2024-11-08",
      results:
        "記念式典に出席し、友好交流の覚書を更新した（経済・環境・青少年の3分野）。大連市から令和7年度の青少年交流団の受入れ打診があり、双方で準備を進めることを確認した。",
      followup: "令和7年度の青少年交流団受入れ（8月予定）の調整、環境分野の技術研修の受入れ人数の協議。",
      publish: true,
    },
  },
  {
    title: "仁川広域市 経済交流ミッション（商談会）",
    owner: "sangyo-kikaku",
    purpose: "市内中小企業8社の仁川広域市での商談会を支援し、仁川経済自由区域庁と企業誘致・販路開拓の協力を協議する。",
    departsOn: "2025-06-10",
    returnsOn: "2025-06-13",
    regionClass: "class_b",
    fare: 64000,
    extra: { kind: "interpreter", description: "商談会通訳・会場費", amount: 240000 },
    travellers: [
      { name: "古賀 大輔", role: "leader" },
      { name: "中島 さやか", role: "member" },
    ],
    companions: "市内企業8社（各社負担）",
    visits: [
      {
        on: "2025-06-11",
        country: "韓国",
        city: "仁川広域市",
        organisation: "仁川経済自由区域庁",
        counterpart: "投資誘致本部長",
        purpose: "企業誘致・販路開拓の協力協議",
      },
      {
        on: "2025-06-12",
        country: "韓国",
        city: "仁川広域市",
        organisation: "松島コンベンシア",
        counterpart: "",
        purpose: "北九州・仁川ビジネス商談会",
      },
    ],
    projects: ["仁川広域市との経済交流"],
    status: "settled",
    approvedBy: "産業経済局長",
    approvedOn: "2025-05-20",
    safetyLevel: 0,
    report: {
      filedOn: "2025-07-02",
      results: "商談会で42件の商談を行い、うち3件が成約、5件が継続商談となった。",
      followup: "継続商談5件のフォローアップ、秋の逆ミッション受入れ。",
      publish: false,
    },
  },
  {
    title: "ハイフォン市 上水道技術協力の現地調査",
    owner: "kankyo-kikaku",
    purpose: "上水道・環境インフラ整備支援の次期案件形成のため、浄水場と配水網の現地調査を行う。",
    departsOn: "2025-08-25",
    returnsOn: "2025-08-29",
    regionClass: "class_b",
    fare: 132000,
    travellers: [
      { name: "藤田 健二", role: "leader" },
      { name: "森 千尋", role: "member" },
    ],
    visits: [
      {
        on: "2025-08-26",
        country: "ベトナム",
        city: "ハイフォン市",
        organisation: "ハイフォン上水道公社",
        counterpart: "技術部長",
        purpose: "浄水場・配水網の現地調査",
      },
    ],
    projects: ["ハイフォン市 上水道・環境インフラ整備支援"],
    status: "cancelled",
    approvedBy: "環境局長",
    approvedOn: "2025-08-05",
    cancelReason: "台風の接近により先方との現地会議が延期となったため（令和8年度に改めて計画）。",
  },
  {
    title: "台湾PRキャンペーン 高雄市での現地プロモーション",
    owner: "sangyo-kikaku",
    purpose: "ワーキンググループの提案から生まれた台湾PRキャンペーンの一環として、高雄市の旅行博に出展し、旅行会社と送客の協議を行う。",
    departsOn: "2025-11-18",
    returnsOn: "2025-11-21",
    regionClass: "class_b",
    fare: 72000,
    extra: { kind: "other", description: "旅行博出展料", amount: 350000 },
    travellers: [
      { name: "石井 美穂", role: "leader" },
      { name: "田中 翔", role: "member" },
    ],
    visits: [
      {
        on: "2025-11-19",
        country: "台湾",
        city: "高雄市",
        organisation: "高雄市政府観光局",
        counterpart: "局長",
        purpose: "観光相互送客の協議",
      },
      { on: "2025-11-20", country: "台湾", city: "高雄市", organisation: "高雄国際旅行博", counterpart: "", purpose: "北九州ブースの出展" },
    ],
    projects: ["台湾PRキャンペーン"],
    status: "reported",
    approvedBy: "産業経済局長",
    approvedOn: "2025-10-28",
    safetyLevel: 0,
    report: {
      filedOn: "2025-12-12",
      results: "旅行博の北九州ブースに約3,200人が来場。現地旅行会社4社と北九州周遊ツアーの造成について合意した。",
      followup: "ツアー造成の進捗確認（令和8年3月）、SNS広告の効果測定。",
      publish: true,
    },
  },
  {
    title: "タコマ市姉妹都市 青少年派遣団の引率",
    owner: "seisaku-kokusai",
    purpose: "姉妹都市タコマ市への高校生派遣団（12名）を引率し、ホームステイ先と学校交流の安全を確保する。",
    departsOn: "2026-10-20",
    returnsOn: "2026-10-26",
    regionClass: "class_a",
    fare: 248000,
    travellers: [
      { name: "松尾 由美", role: "leader" },
      { name: "吉田 悠", role: "member" },
    ],
    companions: "派遣高校生 12名（一部自己負担）",
    visits: [
      { on: "2026-10-21", country: "米国", city: "タコマ市", organisation: "タコマ市役所", counterpart: "市長", purpose: "表敬訪問" },
      { on: "2026-10-22", country: "米国", city: "タコマ市", organisation: "スタジアム高校", counterpart: "校長", purpose: "学校交流" },
    ],
    projects: ["タコマ市との姉妹都市青少年派遣"],
    status: "returned",
    approvedBy: "政策局長",
    approvedOn: "2026-09-30",
    safetyLevel: 1,
    // 帰着日の30日後（令和8年11月25日）: long past, and no report filed
  },
  {
    title: "釜山広域市 観光相互送客の協議",
    owner: "sangyo-kikaku",
    purpose: "釜山広域市観光公社と、関釜フェリーを活用した相互送客キャンペーン（令和9年度）の内容を協議する。",
    departsOn: "2026-12-05",
    returnsOn: "2026-12-08",
    regionClass: "class_b",
    fare: 38000,
    travellers: [
      { name: "古賀 大輔", role: "leader" },
      { name: "田中 翔", role: "member" },
    ],
    visits: [
      {
        on: "2026-12-07",
        country: "韓国",
        city: "釜山広域市",
        organisation: "釜山観光公社",
        counterpart: "社長",
        purpose: "相互送客キャンペーンの協議",
      },
    ],
    projects: ["釜山広域市との観光相互送客"],
    status: "travelling",
    approvedBy: "産業経済局長",
    approvedOn: "2026-11-16",
    safetyLevel: 0,
  },
  {
    title: "韓国の地方財政制度の調査（仁川広域市）",
    owner: "zaisei-zaisei",
    purpose: "広域市の地方債管理と財政健全化の取組みを調査し、本市の中期財政計画の参考とする。",
    departsOn: "2027-01-19",
    returnsOn: "2027-01-22",
    regionClass: "class_b",
    fare: 66000,
    travellers: [
      { name: "村上 直樹", role: "leader" },
      { name: "岡本 彩", role: "member" },
    ],
    visits: [
      {
        on: "2027-01-20",
        country: "韓国",
        city: "仁川広域市",
        organisation: "仁川広域市 企画調整室",
        counterpart: "予算担当官",
        purpose: "地方債管理の調査",
      },
      {
        on: "2027-01-21",
        country: "韓国",
        city: "ソウル特別市",
        organisation: "韓国地方財政共済会",
        counterpart: "研究員",
        purpose: "財政健全化制度の聞き取り",
      },
    ],
    projects: ["韓国の地方財政制度の調査"],
    status: "approved",
    approvedBy: "財政局長",
    approvedOn: "2026-12-01",
    approvalConditions: "調査結果を令和9年2月末までに財政課内で共有すること",
  },
  {
    title: "天津市 経済技術交流の訪問",
    owner: "sangyo-kikaku",
    purpose: "天津市の経済技術開発区と、環境・省エネ技術を持つ市内企業の進出支援について協議する。",
    departsOn: "2027-01-27",
    returnsOn: "2027-01-30",
    regionClass: "class_b",
    fare: 92000,
    travellers: [
      { name: "中島 さやか", role: "leader" },
      { name: "石井 美穂", role: "member" },
    ],
    visits: [
      {
        on: "2027-01-28",
        country: "中国",
        city: "天津市",
        organisation: "天津経済技術開発区管理委員会",
        counterpart: "副主任",
        purpose: "企業進出支援の協議",
      },
    ],
    projects: ["天津市との経済技術交流"],
    status: "changed",
    approvedBy: "産業経済局長",
    approvedOn: "2026-11-25",
    changeNote: "先方の都合により訪問日を1日後ろへずらし、帰着日を1日延長する。",
  },
  {
    title: "スラバヤ市 廃棄物管理改善プロジェクトの現地指導",
    owner: "kankyo-kikaku",
    purpose: "堆肥化センターの運転状況を確認し、現地職員に生ごみ分別と堆肥化の技術指導を行う。",
    departsOn: "2027-02-08",
    returnsOn: "2027-02-13",
    regionClass: "class_b",
    fare: 142000,
    extra: { kind: "interpreter", description: "通訳（3日）", amount: 105000 },
    travellers: [
      { name: "藤田 健二", role: "leader" },
      { name: "森 千尋", role: "member" },
      { name: "北九州環境技術協会 職員", role: "member", paidBy: "other" },
    ],
    visits: [
      {
        on: "2027-02-09",
        country: "インドネシア",
        city: "スラバヤ市",
        organisation: "スラバヤ市清掃局",
        counterpart: "局長",
        purpose: "プロジェクトの進捗協議",
      },
      {
        on: "2027-02-10",
        country: "インドネシア",
        city: "スラバヤ市",
        organisation: "ウォノレジョ堆肥化センター",
        counterpart: "センター長",
        purpose: "技術指導",
      },
    ],
    projects: ["スラバヤ市 廃棄物管理改善プロジェクト", "環境国際協力（アジア諸都市への技術協力）"],
    status: "applied",
  },
  {
    title: "ノーフォーク市 市民交流団の派遣",
    owner: "seisaku-kokusai",
    purpose: "姉妹都市ノーフォーク市の国際アザレアフェスティバルに市民交流団を派遣する準備として、受入れ団体と日程を調整する。",
    departsOn: "2027-03-09",
    returnsOn: "2027-03-14",
    regionClass: "class_a",
    fare: 276000,
    travellers: [{ name: "井上 亮", role: "leader" }],
    visits: [
      {
        on: "2027-03-10",
        country: "米国",
        city: "ノーフォーク市",
        organisation: "ノーフォーク市役所",
        counterpart: "国際交流担当",
        purpose: "市民交流団の受入れ調整",
      },
    ],
    projects: ["ノーフォーク市との市民交流"],
    status: "planned",
  },
];

const nights = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
const round100 = (n: number) => Math.round(n / 100) * 100;

/** Cost lines from the rates in force on departure: 運賃, 日当 × days, 宿泊料 × nights (travellers the city pays). */
function costsOf(trip: SampleTrip, settled: boolean): TripInput["costs"] {
  const rate = rateOn(trip.departsOn);
  const paid = trip.travellers.filter((t) => (t.paidBy ?? "city") === "city").length;
  const n = nights(trip.departsOn, trip.returnsOn);
  const line = (costKind: TripInput["costs"][number]["costKind"], description: string, planned: number, share = 1) => ({
    costKind,
    description,
    planned,
    settled: settled ? round100(planned * share) : null,
  });
  return [
    line("fare", `往復航空券 ${paid}名`, trip.fare * paid, 0.96),
    line("daily", `日当 ${n + 1}日 × ${paid}名`, rate.daily[trip.regionClass] * (n + 1) * paid),
    line("lodging", `宿泊料 ${n}泊 × ${paid}名`, rate.lodging[trip.regionClass] * n * paid, 0.98),
    ...(trip.extra ? [line(trip.extra.kind, trip.extra.description, trip.extra.amount, 0.97)] : []),
  ];
}

async function inputOf(tx: Queryable, trip: SampleTrip, opts: { settled: boolean }): Promise<TripInput> {
  const ownerOrganisationId = await organisationIdByCode(tx, trip.owner);
  // the division's sample users, when the city has any, travel in place of the names
  const users = await repo.findUsersOfOrganisation(tx, ownerOrganisationId);
  const travellers = trip.travellers.map((t, i) => ({
    userId: users[i]?.id ?? null,
    name: users[i]?.display_name ?? t.name,
    role: t.role,
    paidBy: t.paidBy ?? ("city" as const),
  }));
  const visits = [];
  for (const v of trip.visits) {
    const partner = await repo.findPartnerByCity(tx, v.city);
    visits.push({
      visitOn: v.on,
      country: partner?.country ?? v.country,
      city: v.city,
      partnerId: partner?.id ?? null,
      organisation: v.organisation,
      counterpart: v.counterpart,
      purpose: v.purpose,
    });
  }
  const projectIds: string[] = [];
  for (const name of trip.projects) {
    const id = await repo.findProjectIdByName(tx, name);
    if (id) projectIds.push(id);
  }
  return {
    title: trip.title,
    purpose: trip.purpose,
    ownerOrganisationId,
    departsOn: trip.departsOn,
    returnsOn: trip.returnsOn,
    companions: trip.companions ?? "",
    travellers,
    visits,
    costs: costsOf(trip, opts.settled),
    projectIds,
    reportDueOn: trip.reportDueOn ?? null,
  };
}

const ORDER = ["planned", "applied", "approved", "travelling", "returned", "reported", "settled", "completed"] as const;
const reached = (trip: SampleTrip, status: (typeof ORDER)[number]) =>
  ORDER.indexOf(trip.status as (typeof ORDER)[number]) >= ORDER.indexOf(status);

async function loadTrip(tx: Queryable, trip: SampleTrip): Promise<void> {
  const settled = trip.status === "settled" || trip.status === "completed";
  const input = await inputOf(tx, trip, { settled });
  const id = await createTripIn(tx, DEMO_ACTOR, input, { isSample: true });
  const move = (to: Parameters<typeof transitionTripAsSystem>[3]["to"], extra: Record<string, unknown> = {}) =>
    transitionTripAsSystem(tx, DEMO_ACTOR, id, { to, ...extra });
  if (trip.status === "planned") return;
  await move("applied");
  if (trip.status === "applied") return;
  await move("approved", { approvedBy: trip.approvedBy, approvedOn: trip.approvedOn, approvalConditions: trip.approvalConditions ?? "" });
  if (trip.status === "cancelled") return move("cancelled", { cancelReason: trip.cancelReason });
  if (trip.status === "changed") {
    await move("changed", { note: trip.changeNote });
    // the change itself: one more day
    const later = (iso: string) => new Date(Date.parse(iso) + 86_400_000).toISOString().slice(0, 10);
    const changed = { ...trip, returnsOn: later(trip.returnsOn), visits: trip.visits.map((v) => ({ ...v, on: later(v.on) })) };
    return updateTripAsSystem(tx, DEMO_ACTOR, id, await inputOf(tx, changed, { settled: false }));
  }
  if (!reached(trip, "travelling")) return;
  await move("travelling", { safetyLevel: trip.safetyLevel ?? 0 });
  if (!reached(trip, "returned")) return;
  await move("returned");
  if (!trip.report) return;
  await fileTripReportAsSystem(tx, DEMO_ACTOR, id, trip.report);
  if (!reached(trip, "settled")) return;
  await move("settled");
  if (trip.status === "completed") await move("completed");
}

export async function loadTripDemo(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    for (const version of RATES)
      for (const costKind of ["daily", "lodging"] as const)
        for (const [regionClass, amount] of Object.entries(version[costKind]) as [RegionClass, number][])
          await createTravelRateIn(tx, DEMO_ACTOR, { validFrom: version.validFrom, costKind, regionClass, amount }, { isSample: true });
  });
  for (const trip of TRIPS) await db.transaction((tx) => loadTrip(tx, trip));
  // searchable once all are in (one bulk write instead of one per step of every trip)
  await db.transaction((tx) => indexSampleData(tx));
}
