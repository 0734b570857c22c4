// Sample data of the SDGsステーション (every record is_sample): 139 consultations over 令和5年度 to 令和8年度 up to early
// December 2026 (a realistic mix of channels, topics and outcomes; companies from the sample companies by name,
// organisations and schools by a label, citizens never named), 8 matchings in every status, 6 events and information
// posts (4 published) and the yearly cost of 令和5〜8年度. Written through the services' own steps, so that the
// sample data passes the same checks and leaves the same audit rows as staff's entries.
import type { ConsultationInput } from "../../../common/api/sdgs-station";
import type { ClientKind, ConsultationChannel, ConsultationOutcome, ConsultationTopic, MatchingStatus } from "../../../common/sdgs/labels";
import type { Queryable } from "../../db/database";
import { DEMO_ACTOR } from "../../platform/audit/audit";
import { findCompanyNames } from "./station-consultation-repository";
import { createConsultationIn } from "./station-consultation-service";
import { createMatchingIn } from "./station-matching-service";
import { createPostIn } from "./station-post-service";
import { putCostIn } from "./station-statistics";

/** A stable pseudo-random number in [0, 1) from a text (the same sample data on every first start). */
function stableRandom(text: string): number {
  let hash = 2166136261;
  for (const char of text) hash = Math.imul(hash ^ char.codePointAt(0)!, 16777619);
  return ((hash >>> 0) % 10000) / 10000;
}

function pick<T>(weighted: readonly (readonly [T, number])[], seed: string): T {
  const total = weighted.reduce((a, [, w]) => a + w, 0);
  let r = stableRandom(seed) * total;
  for (const [value, weight] of weighted) {
    r -= weight;
    if (r < 0) return value;
  }
  return weighted[weighted.length - 1][0];
}

function addDaysIso(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const CHANNELS: readonly (readonly [ConsultationChannel, number])[] = [
  ["visit", 30],
  ["phone", 22],
  ["email", 18],
  ["online", 14],
  ["event", 10],
  ["outreach", 6],
];
const TOPICS: readonly (readonly [ConsultationTopic, number])[] = [
  ["certification", 30],
  ["finance", 14],
  ["matching", 14],
  ["information", 16],
  ["event", 10],
  ["education", 10],
  ["other", 6],
];
const KINDS: readonly (readonly [ClientKind, number])[] = [
  ["company", 55],
  ["organisation", 17],
  ["citizen", 18],
  ["student", 10],
];
const OUTCOMES: Record<ConsultationTopic, readonly (readonly [ConsultationOutcome, number])[]> = {
  certification: [
    ["answered", 55],
    ["continuing", 35],
    ["closed", 10],
  ],
  finance: [
    ["referred", 55],
    ["answered", 30],
    ["continuing", 15],
  ],
  matching: [
    ["matching", 70],
    ["continuing", 20],
    ["answered", 10],
  ],
  information: [
    ["answered", 80],
    ["closed", 20],
  ],
  event: [
    ["answered", 70],
    ["referred", 30],
  ],
  education: [
    ["answered", 60],
    ["continuing", 40],
  ],
  other: [
    ["answered", 50],
    ["referred", 30],
    ["closed", 20],
  ],
};
const GOALS: Record<ConsultationTopic, number[]> = {
  certification: [8, 9, 12, 13],
  finance: [8, 9, 17],
  matching: [9, 12, 17],
  information: [11, 13],
  event: [4, 17],
  education: [4, 13, 14],
  other: [3, 11],
};
const SUMMARIES: Record<ConsultationTopic, string[]> = {
  certification: [
    "サステナブル経営認証の申請方法とチェックシートの書き方について相談。記入例を示して説明した。",
    "認証のランクアップの要件と時期について相談。次回募集の予定を案内した。",
    "自社の取組がチェック項目のどれに当たるか確認したいとの相談。項目ごとに整理して助言した。",
  ],
  finance: [
    "認証取得企業向けの融資制度について相談。提携金融機関の窓口を紹介した。",
    "サステナビリティ・リンク・ローンの仕組みについて相談。金融機関の説明資料を案内した。",
  ],
  matching: [
    "再生可能エネルギー設備の導入先を探しているとの相談。市内の事業者とのマッチングを提案した。",
    "食品ロス削減に取り組む連携先を探しているとの相談。マッチングの依頼として受け付けた。",
  ],
  information: [
    "SDGsの社内研修に使える資料について問い合わせ。市の啓発資料を案内した。",
    "市内企業のSDGs取組事例の紹介を希望。事例集を提供した。",
  ],
  event: ["SDGsセミナーへの参加方法の問い合わせ。申込み方法を案内した。", "イベントへの出展について相談。出展要項を送付した。"],
  education: [
    "学校でのSDGs出前授業について相談。実施できる日程を調整することになった。",
    "SDGsをテーマにした探究学習の進め方について相談。講師の候補を紹介した。",
  ],
  other: ["ステーションの利用方法についての問い合わせ。", "地域の清掃活動への協力について相談。関係課を紹介した。"],
};
const ORGANISATIONS = [
  "NPO法人 北九州エコネット（サンプル）",
  "若松区まちづくり協議会（サンプル）",
  "北九州青年会議所（サンプル）",
  "小倉北区商店街連合会（サンプル）",
];
const SCHOOLS = ["市内の高等学校（サンプル）", "北九州市内の大学のゼミ（サンプル）", "市内の中学校（サンプル）"];

/** The consultation dates: 34 in 令和7年度 and 26 in 令和8年度 up to 2026-12-04, then 41 in 令和5年度 and 38 in 令和6年度, spread over the months. */
function consultationDates(): string[] {
  const dates: string[] = [];
  for (let i = 0; i < 34; i++) dates.push(addDaysIso("2025-04-07", Math.floor((i * 357) / 34) + Math.floor(stableRandom(`d7-${i}`) * 8)));
  for (let i = 0; i < 26; i++) dates.push(addDaysIso("2026-04-06", Math.floor((i * 238) / 26) + Math.floor(stableRandom(`d8-${i}`) * 4)));
  // 令和5・6年度 (the years the 経営分析 of 令和6年度 looked at), after the others so that their seeds stay as they were
  for (let i = 0; i < 41; i++) dates.push(addDaysIso("2023-04-10", Math.floor((i * 350) / 41) + Math.floor(stableRandom(`d5-${i}`) * 8)));
  for (let i = 0; i < 38; i++) dates.push(addDaysIso("2024-04-08", Math.floor((i * 350) / 38) + Math.floor(stableRandom(`d6-${i}`) * 8)));
  return dates.map((d) => (d > "2026-12-04" ? "2026-12-04" : d));
}

export async function loadStationDemo(tx: Queryable): Promise<void> {
  const companies = await findCompanyNames(tx);
  const companyId = (name: string) => companies.find((c) => c.name === name)?.id ?? null;
  const consultationIds: { id: string; topic: ConsultationTopic; on: string; companyId: string | null; label: string }[] = [];

  for (const [i, consultedOn] of consultationDates().entries()) {
    const seed = `station-${i}`;
    const topic = pick(TOPICS, `${seed}-topic`);
    const clientKind = pick(KINDS, `${seed}-kind`);
    const company = clientKind === "company" ? companies[Math.floor(stableRandom(`${seed}-co`) * companies.length)] : undefined;
    const outcome = pick(OUTCOMES[topic], `${seed}-outcome`);
    const summaries = SUMMARIES[topic];
    const goals = GOALS[topic].filter((_, g) => stableRandom(`${seed}-g${g}`) < 0.6);
    // 継続相談 carries a follow-up: the older ones are done, a few are overdue, the latest are still open
    const followUp = outcome === "continuing" || outcome === "matching";
    const followUpDue = followUp ? addDaysIso(consultedOn, 21) : null;
    const done = followUp && followUpDue !== null && followUpDue < "2026-10-01" && i % 5 !== 0;
    const input: ConsultationInput = {
      consultedOn,
      channel: pick(CHANNELS, `${seed}-channel`),
      clientKind,
      companyId: company?.id ?? null,
      clientLabel:
        clientKind === "organisation"
          ? ORGANISATIONS[i % ORGANISATIONS.length]
          : clientKind === "student"
            ? SCHOOLS[i % SCHOOLS.length]
            : clientKind === "company" && !company
              ? "市内の中小企業（サンプル）"
              : "",
      topic,
      sdgGoals: goals.length ? goals : [GOALS[topic][0]],
      staffUserId: null,
      summary: `${summaries[i % summaries.length]}（サンプル）`,
      outcome,
      followUp: followUp
        ? outcome === "matching"
          ? "マッチング先の候補を連絡する（サンプル）"
          : "資料を送付し、2〜3週間後に状況を確認する（サンプル）"
        : "",
      followUpDue,
    };
    const id = await createConsultationIn(tx, DEMO_ACTOR, input, {
      isSample: true,
      followUpDoneAt: done ? new Date(`${addDaysIso(consultedOn, 14)}T17:00:00+09:00`) : null,
    });
    consultationIds.push({
      id,
      topic,
      on: consultedOn,
      companyId: company?.id ?? null,
      label: company?.name ?? input.clientLabel,
    });
  }

  const matchingSources = consultationIds.filter((c) => c.topic === "matching" && c.companyId !== null);
  const MATCHINGS: {
    status: MatchingStatus;
    requestedOn: string;
    requester: string;
    partner: string;
    purpose: string;
    goals: number[];
    resultOn?: string;
    resultNote?: string;
  }[] = [
    {
      status: "matched",
      requestedOn: "2025-06-12",
      requester: "戸畑フーズ株式会社",
      partner: "NPO法人 フードバンク北九州（サンプル）",
      purpose: "規格外品・賞味期限の近い食品の寄贈先を探したい。",
      goals: [2, 12],
      resultOn: "2025-08-20",
      resultNote: "月1回の定期寄贈で合意した。",
    },
    {
      status: "matched",
      requestedOn: "2025-10-03",
      requester: "響灘グリーンエネルギー株式会社",
      partner: "黒崎電機株式会社",
      purpose: "自家消費型太陽光発電の設置先となる工場を探したい。",
      goals: [7, 13],
      resultOn: "2026-01-28",
      resultNote: "屋根置き太陽光の導入について契約した。",
    },
    {
      status: "not_matched",
      requestedOn: "2025-11-18",
      requester: "皿倉観光ホテル株式会社",
      partner: "市内の農業法人（サンプル）",
      purpose: "地元食材の安定した仕入れ先を探したい。",
      goals: [2, 8, 12],
      resultOn: "2026-02-16",
      resultNote: "数量と価格の条件が合わなかった。",
    },
    {
      status: "withdrawn",
      requestedOn: "2026-01-22",
      requester: "足立印刷株式会社",
      partner: "",
      purpose: "再生紙の共同調達の相手先を探したい。",
      goals: [12],
    },
    {
      status: "matched",
      requestedOn: "2026-05-14",
      requester: "若戸リサイクル株式会社",
      partner: "八幡建設株式会社",
      purpose: "建設廃材のリサイクルの連携先を探したい。",
      goals: [9, 12],
      resultOn: "2026-09-30",
      resultNote: "現場から出る廃材の回収について協定を結んだ。",
    },
    {
      status: "in_talks",
      requestedOn: "2026-08-05",
      requester: "洞海ロジスティクス株式会社",
      partner: "門司港運輸株式会社",
      purpose: "共同配送によるCO2排出量の削減に取り組みたい。",
      goals: [9, 11, 13],
    },
    {
      status: "introduced",
      requestedOn: "2026-10-21",
      requester: "小倉精機工業株式会社",
      partner: "北九州市内の大学の研究室（サンプル）",
      purpose: "省エネ型の加工技術について共同研究の相手を探したい。",
      goals: [9, 17],
    },
    {
      status: "requested",
      requestedOn: "2026-11-26",
      requester: "株式会社紫川システムズ",
      partner: "",
      purpose: "中小企業向けのCO2排出量の見える化サービスを試してくれる企業を探したい。",
      goals: [9, 13, 17],
    },
  ];
  for (const [i, m] of MATCHINGS.entries()) {
    const source = matchingSources[i];
    await createMatchingIn(
      tx,
      DEMO_ACTOR,
      {
        requestedOn: m.requestedOn,
        requesterCompanyId: companyId(m.requester),
        requesterLabel: companyId(m.requester) ? "" : m.requester,
        partnerLabel: m.partner,
        purpose: `${m.purpose}（サンプル）`,
        sdgGoals: m.goals,
        consultationId: source && source.on <= m.requestedOn ? source.id : null,
        staffUserId: null,
        status: m.status,
        resultOn: m.resultOn ?? null,
        resultNote: m.resultNote ? `${m.resultNote}（サンプル）` : "",
      },
      { isSample: true },
    );
  }

  const at = (iso: string, time: string) => `${iso}T${time}:00+09:00`;
  const published = (iso: string) => new Date(at(iso, "09:00"));
  const POSTS = [
    {
      kind: "event" as const,
      title: "SDGs経営セミナー「中小企業の脱炭素経営のはじめ方」",
      body: "中小企業の経営者・担当者の方を対象に、脱炭素経営の進め方と支援制度を紹介します。参加無料・要申込み。（サンプル）",
      startsAt: at("2026-12-15", "14:00"),
      endsAt: at("2026-12-15", "16:00"),
      place: "北九州SDGsステーション セミナールーム",
      publishedAt: published("2026-11-20"),
    },
    {
      kind: "event" as const,
      title: "サステナブル経営認証 企業交流会",
      body: "認証企業と認証を目指す企業の交流会です。取組事例の発表と意見交換を行います。（サンプル）",
      startsAt: at("2027-01-21", "15:00"),
      endsAt: at("2027-01-21", "17:30"),
      place: "小倉北区 市役所本庁舎 大会議室",
      publishedAt: published("2026-12-01"),
    },
    {
      kind: "event" as const,
      title: "親子で学ぶSDGsワークショップ",
      body: "小学生と保護者を対象にしたワークショップです。ごみの分別ゲームなどを通じてSDGsを学びます。（サンプル）",
      startsAt: at("2026-11-08", "10:00"),
      endsAt: at("2026-11-08", "12:00"),
      place: "北九州SDGsステーション",
      publishedAt: published("2026-10-10"),
    },
    {
      kind: "info" as const,
      title: "令和8年度 北九州市サステナブル経営認証の申請を受け付けています",
      body: "令和8年度の申請受付は12月中旬までです。申請方法や要件はSDGsステーションでもご相談いただけます。（サンプル）",
      startsAt: null,
      endsAt: null,
      place: "",
      publishedAt: published("2026-07-01"),
    },
    {
      kind: "info" as const,
      title: "年末年始の相談窓口の休業について",
      body: "12月29日から1月3日まで、SDGsステーションの相談窓口はお休みします。（サンプル・下書き）",
      startsAt: null,
      endsAt: null,
      place: "",
      publishedAt: null,
    },
    {
      kind: "event" as const,
      title: "SDGs出前授業 講師説明会",
      body: "出前授業に協力いただける企業向けの説明会です。（サンプル・下書き）",
      startsAt: at("2027-02-10", "13:30"),
      endsAt: null,
      place: "オンライン",
      publishedAt: null,
    },
  ];
  for (const post of POSTS) {
    const { publishedAt, ...input } = post;
    await createPostIn(tx, DEMO_ACTOR, { ...input, url: "" }, { isSample: true, publishedAt });
  }

  await putCostIn(tx, DEMO_ACTOR, 2023, { costYen: 21_400_000, note: "委託料・会場使用料・広報費（サンプル）" }, { isSample: true });
  await putCostIn(tx, DEMO_ACTOR, 2024, { costYen: 20_800_000, note: "委託料・会場使用料・広報費（サンプル）" }, { isSample: true });
  await putCostIn(tx, DEMO_ACTOR, 2025, { costYen: 18_600_000, note: "委託料・会場使用料・広報費（サンプル）" }, { isSample: true });
  await putCostIn(
    tx,
    DEMO_ACTOR,
    2026,
    { costYen: 19_200_000, note: "委託料・会場使用料・広報費（予算額、サンプル）" },
    { isSample: true },
  );
}
