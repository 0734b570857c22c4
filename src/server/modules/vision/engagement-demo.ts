// Sample data of the engagement features (all marked as sample): a five-member experts' council set up in October
// 2024 with two meetings and a few comments (most answered), about a dozen Action宣言 (most on the board, some still
// waiting), and the outreach log of FY2024–FY2026 — staff training, 出前講演, PR videos and the 「若者と未来を描く
// ワークショップ」 of August 2024. The core's vision demo calls loadEngagementDemo once the plan, its nodes, indicators
// and rounds exist; whatever of those is missing (no round, no strategy) is simply left out here.
import type { OutreachKind } from "../../../common/api/vision-engagement";
import type { Db } from "../../db/database";
import { findOrganisationIdByCode } from "../../platform/admin/organisations";
import { DEMO_ACTOR } from "../../platform/audit/audit";
import { findIndicatorLabels, findNodes, findRounds } from "./core";
import { addCommentIn, respondIn } from "./council-comments";
import { createMeetingIn, createMemberIn } from "./council-members";
import { postDeclarationIn, strategies as strategiesOf } from "./declarations";
import type { EngagementAccess } from "./engagement-access";
import { createEventIn } from "./outreach";

const MEMBERS = [
  { name: "有識 太郎（サンプル）", affiliation: "北九州地域大学 経済学部 教授", isChair: true },
  { name: "未来 花子（サンプル）", affiliation: "地域産業振興センター 理事", isChair: false },
  { name: "彩 由美（サンプル）", affiliation: "NPO法人まちづくり支援ネット 代表理事", isChair: false },
  { name: "安心 健一（サンプル）", affiliation: "市医師会 理事", isChair: false },
  { name: "若葉 蒼（サンプル）", affiliation: "市内高校生・大学生代表", isChair: false },
];

const COMMENTS: { member: number; strategy: number | null; body: string; response: string | null }[] = [
  {
    member: 0,
    strategy: 0,
    body: "「稼げるまち」の指標は活動指標が中心です。市民所得や雇用の質など、成果を測る指標の追加を検討してください。",
    response: "令和7年度の指標見直しで、成果指標（市内の平均給与額）を追加する方向で関係局と調整しています。",
  },
  {
    member: 2,
    strategy: 1,
    body: "「彩りあるまち」の取組は市民への見え方が弱いと感じます。若い世代が参加できる場を増やしてほしい。",
    response: "若者と未来を描くワークショップを継続開催するとともに、SNS を使った発信を強化します。",
  },
  {
    member: 3,
    strategy: 2,
    body: "「安らぐまち」の健康寿命の指標は、区ごとの差も示すと課題が分かりやすくなります。",
    response: null,
  },
  {
    member: 4,
    strategy: null,
    body: "進捗の見える化は評価します。公開ページを高校生にも分かる言葉で説明してください。",
    response: null,
  },
];

// The names carry no division: the board and the public page show the organisation beside them.
const DECLARATIONS: {
  name: string | null;
  org: string;
  strategy: number | null;
  body: string;
  status: "掲示中" | "承認待ち" | "非掲示";
}[] = [
  {
    name: "職員A（サンプル）",
    org: "seisaku-kikaku",
    strategy: 0,
    body: "市内企業の声を毎月1社ずつ直接聞きに行き、施策づくりに活かします。",
    status: "掲示中",
  },
  { name: null, org: "zaisei-zaisei", strategy: 0, body: "予算の説明資料を、市民が読んで分かる言葉で書きます。", status: "掲示中" },
  {
    name: "職員B（サンプル）",
    org: "sangyo-kikaku",
    strategy: 0,
    body: "スタートアップとの面談を年間50件行い、新しい挑戦を後押しします。",
    status: "掲示中",
  },
  {
    name: "職員C（サンプル）",
    org: "seisaku-vision",
    strategy: 1,
    body: "新ビジョンを自分の言葉で3分で話せるようにし、出前講演で伝えます。",
    status: "掲示中",
  },
  {
    name: null,
    org: "seisaku-sdgs",
    strategy: 1,
    body: "週に一度は地元のお店でお昼を食べ、まちの魅力を SNS で発信します。",
    status: "掲示中",
  },
  {
    name: "職員D（サンプル）",
    org: "seisaku-kokusai",
    strategy: 1,
    body: "外国人市民の方が使いやすいよう、窓口の案内をやさしい日本語にします。",
    status: "掲示中",
  },
  {
    name: "職員E（サンプル）",
    org: "kankyo-kikaku",
    strategy: 2,
    body: "マイバッグとマイボトルを毎日使い、職場のごみを半分にします。",
    status: "掲示中",
  },
  { name: null, org: "seisaku-koiki", strategy: 2, body: "階段を使い、毎日8,000歩を歩いて健康なまちの見本になります。", status: "掲示中" },
  {
    name: "職員F（サンプル）",
    org: "seisaku-tokku",
    strategy: 0,
    body: "規制改革の提案を一件でも多く国に届け、挑戦しやすいまちにします。",
    status: "掲示中",
  },
  {
    name: "職員G（サンプル）",
    org: "seisaku-furusato",
    strategy: 0,
    body: "返礼品の事業者さんを訪ね、北九州の良いものを全国に届けます。",
    status: "承認待ち",
  },
  { name: null, org: "seisaku-gaikaku", strategy: 2, body: "地域の清掃活動に月1回参加します。", status: "承認待ち" },
  {
    name: "職員H（サンプル）",
    org: "seisaku-kikaku",
    strategy: null,
    body: "定時で帰って家族と過ごす時間を増やします。",
    status: "掲示中",
  },
];

const EVENTS: {
  kind: OutreachKind;
  title: string;
  heldOn: string;
  audience: string;
  attendance: number | null;
  org: string;
  note?: string;
}[] = [
  {
    kind: "職員研修",
    title: "新ビジョン全課研修（第1回）",
    heldOn: "2024-05-21",
    audience: "全課の職員",
    attendance: 320,
    org: "seisaku-vision",
  },
  {
    kind: "職員研修",
    title: "新ビジョン全課研修（第2回）",
    heldOn: "2024-07-09",
    audience: "全課の職員",
    attendance: 285,
    org: "seisaku-vision",
  },
  {
    kind: "ワークショップ",
    title: "若者と未来を描くワークショップ",
    heldOn: "2024-08-24",
    audience: "市内の高校生・大学生",
    attendance: 48,
    org: "seisaku-vision",
    note: "新ビジョンの都市像を若者と語り合うワークショップ",
  },
  {
    kind: "出前講演",
    title: "新ビジョン出前講演（小倉北区 自治会連合会）",
    heldOn: "2024-09-12",
    audience: "自治会の役員",
    attendance: 60,
    org: "seisaku-vision",
  },
  {
    kind: "PR動画",
    title: "新ビジョン PR動画「成長と幸福の好循環」公開",
    heldOn: "2024-10-01",
    audience: "市民",
    attendance: null,
    org: "seisaku-vision",
    note: "市の動画チャンネルで公開",
  },
  {
    kind: "出前講演",
    title: "新ビジョン出前講演（市内経済団体）",
    heldOn: "2024-11-18",
    audience: "経済団体の会員企業",
    attendance: 85,
    org: "seisaku-vision",
  },
  {
    kind: "出前講演",
    title: "新ビジョン出前講演（八幡西区 市民センター）",
    heldOn: "2025-01-25",
    audience: "地域住民",
    attendance: 42,
    org: "seisaku-vision",
  },
  {
    kind: "職員研修",
    title: "新規採用職員研修（新ビジョン）",
    heldOn: "2025-04-08",
    audience: "新規採用職員",
    attendance: 210,
    org: "seisaku-vision",
  },
  {
    kind: "出前講演",
    title: "新ビジョン出前講演（市内大学）",
    heldOn: "2025-05-30",
    audience: "大学生",
    attendance: 120,
    org: "seisaku-vision",
  },
  {
    kind: "ワークショップ",
    title: "若者と未来を描くワークショップ 2025",
    heldOn: "2025-08-23",
    audience: "市内の高校生・大学生",
    attendance: 55,
    org: "seisaku-vision",
  },
  {
    kind: "出前講演",
    title: "新ビジョン出前講演（門司区 まちづくり協議会）",
    heldOn: "2025-10-16",
    audience: "まちづくり協議会",
    attendance: 38,
    org: "seisaku-vision",
  },
  {
    kind: "その他",
    title: "新ビジョン概要版を市内図書館・市民センターに配架",
    heldOn: "2025-11-01",
    audience: "市民",
    attendance: null,
    org: "seisaku-vision",
  },
  {
    kind: "出前講演",
    title: "新ビジョン出前講演（若松区 商店街）",
    heldOn: "2026-02-10",
    audience: "商店街の事業者",
    attendance: 27,
    org: "seisaku-vision",
  },
  {
    kind: "職員研修",
    title: "新規採用職員研修（新ビジョン）",
    heldOn: "2026-04-07",
    audience: "新規採用職員",
    attendance: 198,
    org: "seisaku-vision",
  },
  {
    kind: "出前講演",
    title: "新ビジョン出前講演（小倉南区 PTA 連合会）",
    heldOn: "2026-05-20",
    audience: "保護者",
    attendance: 70,
    org: "seisaku-vision",
  },
];

/** The sample engagement data of a plan (all rows marked is_sample). Call once, after the plan's own demo data. */
export async function loadEngagementDemo(db: Db, planId: string): Promise<void> {
  const strategies = await strategiesOf(db, planId);
  // The earliest round (by as-of date, then name) is the one the council's second meeting takes up.
  const rounds = (await findRounds(db, { planId })).sort((a, b) =>
    a.as_of === b.as_of ? (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) : a.as_of < b.as_of ? -1 : 1,
  );
  const firstRound = rounds[0] ?? null;

  // 有識者会議: five members, the first meeting in October 2024 (the council's set-up), the second on the first round.
  const memberIds: string[] = [];
  for (const member of MEMBERS)
    memberIds.push(await db.transaction((tx) => createMemberIn(tx, DEMO_ACTOR, planId, member, { isSample: true })));
  await db.transaction((tx) =>
    createMeetingIn(
      tx,
      DEMO_ACTOR,
      planId,
      {
        title: "第1回 北九州市・新ビジョン有識者会議",
        heldOn: "2024-10-28",
        place: "市役所本庁舎 15階 特別会議室",
        summary: "会議の設置趣旨と委員の紹介。今後の進行管理の仕組み（指標・評価・報告ラウンド）について意見交換した。",
        memberIds,
        roundId: null,
      },
      { isSample: true },
    ),
  );
  const second = await db.transaction((tx) =>
    createMeetingIn(
      tx,
      DEMO_ACTOR,
      planId,
      {
        title: "第2回 北九州市・新ビジョン有識者会議",
        heldOn: "2025-07-30",
        place: "市役所本庁舎 15階 特別会議室",
        summary: "令和6年度の進捗報告について、重点戦略ごとに意見をいただいた。",
        memberIds: memberIds.slice(0, 4),
        roundId: firstRound?.id ?? null,
      },
      { isSample: true },
    ),
  );

  if (firstRound) {
    // findNodes orders by sort order, then code: the first vision node is the top of the tree.
    const top = (await findNodes(db, planId)).filter((n) => n.kind === "vision");
    const bureau: EngagementAccess = {
      user: {
        id: "",
        loginId: "",
        displayName: DEMO_ACTOR.label,
        role: "admin",
        organisationId: "",
        organisationName: "",
        bureauId: null,
        bureauName: null,
      },
      manager: true,
      staff: true,
      member: null,
    };
    for (const comment of COMMENTS) {
      const nodeId = (comment.strategy === null ? top[0]?.id : strategies[comment.strategy]?.id) ?? strategies[0]?.id;
      if (!nodeId) break;
      const memberId = memberIds[comment.member];
      await db.transaction(async (tx) => {
        const input = { nodeId, body: comment.body, meetingId: second, memberId };
        const id = await addCommentIn(tx, DEMO_ACTOR, bureau, { id: firstRound.id, planId }, input, { isSample: true });
        if (comment.response) await respondIn(tx, DEMO_ACTOR, id, comment.response);
      });
    }
  }

  // Action宣言: posted over the autumn of 2024 (the board in the lobby of the main building).
  for (const [index, item] of DECLARATIONS.entries()) {
    const author = { id: null, displayName: item.name ?? "", organisationId: await findOrganisationIdByCode(db, item.org) };
    const input = {
      body: item.body,
      anonymous: item.name === null,
      displayName: item.name ?? undefined,
      strategyNodeId: item.strategy === null ? null : (strategies[item.strategy]?.id ?? null),
    };
    const opts = { isSample: true, status: item.status, createdAt: new Date(Date.UTC(2024, 9, 1 + index * 3, 1)) };
    await db.transaction((tx) => postDeclarationIn(tx, DEMO_ACTOR, author, planId, input, opts));
  }

  // 周知・浸透の記録: 出前講演 count towards an indicator about them when the plan has one.
  const linked = (await findIndicatorLabels(db, { planId })).filter(
    (i) => i.rating_mode === "numeric" && (i.name.includes("出前講演") || i.name.includes("周知")),
  );
  for (const event of EVENTS) {
    const input = {
      kind: event.kind,
      title: event.title,
      heldOn: event.heldOn,
      audience: event.audience,
      attendance: event.attendance,
      organisationId: await findOrganisationIdByCode(db, event.org),
      note: event.note ?? "",
      indicatorId: event.kind === "出前講演" ? (linked[0]?.id ?? null) : null,
    };
    await db.transaction((tx) => createEventIn(tx, DEMO_ACTOR, planId, input, { isSample: true }));
  }
}
