// Sample テーマ別ワーキンググループ (every record is_sample), loaded through the service's steps: the six groups the
// bureau held in FY2024 — the 台湾誘客・PR group whose ideas from several bureaus became the Taiwan PR campaign (ideas →
// action → the sample project 「台湾PRキャンペーン」, linked when the projects' sample data has it) — and one FY2025
// group still at work, whose call for ideas is open (its deadline is counted from today, so it stays open) and which
// has an overdue action.
import { todayInJapan } from "../../../common/dates";
import type { Db, Queryable } from "../../db/database";
import { findOrganisationIdByCode } from "../../platform/admin/organisations";
import { type Actor, DEMO_ACTOR } from "../../platform/audit/audit";
import * as groups from "./group-service";

const TAIWAN_PROJECT = "台湾PRキャンペーン";

interface IdeaSeed {
  org: string;
  by: string;
  title: string;
  body: string;
  status?: "adopted" | "not_adopted";
}

interface ActionSeed {
  title: string;
  /** index of the idea in the call (an adopted one), or none */
  idea?: number;
  owner: string;
  dueOn: string;
  doneOn?: string;
  result?: string;
  project?: string;
}

interface GroupSeed {
  theme: string;
  description: string;
  fiscalYear: number;
  status: "active" | "closed";
  members: string[];
  meetings: { heldOn: string; title: string; agenda: string; attendees: string; minutes: string; decisions: string }[];
  call?: { title: string; question: string; closesOn: string; meeting?: number; ideas: IdeaSeed[] };
  actions: ActionSeed[];
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function seeds(today: string): GroupSeed[] {
  return [
    {
      theme: "台湾誘客・PR",
      description: "台湾からの観光客・ビジネス客の誘致に向けて、各局の取組を持ち寄り、高雄市との交流を軸にした共同のPRを企画する。",
      fiscalYear: 2024,
      status: "closed",
      members: ["seisaku-kokusai", "sangyo-kikaku", "kankyo-kikaku", "seisaku-kikaku", "seisaku-furusato"],
      meetings: [
        {
          heldOn: "2024-05-20",
          title: "第1回 台湾誘客・PRワーキンググループ",
          agenda: "1 設置の趣旨と進め方\n2 台湾からの来訪者の動向（令和5年度）\n3 各局の台湾関連事業の紹介",
          attendees: "国際政策課長、産業政策課 係長、環境政策課 係長、企画課 主査、ふるさと納税推進課 主査",
          minutes:
            "事務局から設置の趣旨を説明。台湾からの入込客数はコロナ前の8割まで回復しているが、認知度が課題との認識を共有した。各局が個別に行っているPRを束ねる余地があるとの意見が多かった。",
          decisions: "次回までに各課からPRのアイデアを募集する（締切 令和6年7月12日）。",
        },
        {
          heldOn: "2024-07-25",
          title: "第2回 台湾誘客・PRワーキンググループ",
          agenda: "1 各課から寄せられたアイデアの検討\n2 採用案の担当と期限",
          attendees: "国際政策課長、産業政策課 係長、環境政策課 係長、企画課 主査、ふるさと納税推進課 主査",
          minutes:
            "4課から4件のアイデアが寄せられた。台北国際旅行博への共同出展と、環境学習施設を組み込んだエコツアーの紹介は、複数局の資源を生かせるとして採用。返礼品の海外向け紹介は制度上の制約が大きく見送り。",
          decisions:
            "1 台北国際旅行博への共同出展を柱に「台湾PRキャンペーン」として実施（産業政策課）。\n2 台湾向けエコツアー行程案を作成（環境政策課）。",
        },
        {
          heldOn: "2024-12-16",
          title: "第3回 台湾誘客・PRワーキンググループ（振り返り）",
          agenda: "1 台湾PRキャンペーンの実施報告\n2 次年度の進め方",
          attendees: "国際政策課長、産業政策課 係長、環境政策課 係長、企画課 主査",
          minutes:
            "旅行博のブース来場者は約3,200人、現地旅行会社との商談12件。キャンペーンは令和7年度も事業として継続する方向で、産業政策課が予算要求を行う。",
          decisions: "キャンペーンを国際関連事業「台湾PRキャンペーン」として登録し、成果指標を設定する。",
        },
      ],
      call: {
        title: "台湾向けPRのアイデア募集",
        question: "各課の資源（施設・イベント・産品など）を生かした、台湾の旅行者・企業向けのPRのアイデアをお寄せください。",
        closesOn: "2024-07-12",
        meeting: 1,
        ideas: [
          {
            org: "sangyo-kikaku",
            by: "産業政策課 山本",
            title: "台北国際旅行博（ITF）への共同出展",
            body: "各局が別々に出している観光・産業のPRを一つのブースにまとめ、高雄市のブースと連携して来場者に周遊を提案する。",
            status: "adopted",
          },
          {
            org: "kankyo-kikaku",
            by: "環境政策課 中村",
            title: "環境学習施設を巡るエコツアーの紹介",
            body: "エコタウンや環境ミュージアムを組み込んだ教育旅行・視察向けの行程を台湾の旅行会社に紹介する。",
            status: "adopted",
          },
          {
            org: "seisaku-furusato",
            by: "ふるさと納税推進課 田中",
            title: "返礼品の海外向け紹介",
            body: "人気の返礼品を台湾向けの物産PRに活用する。",
            status: "not_adopted",
          },
          {
            org: "seisaku-kikaku",
            by: "企画課 佐藤",
            title: "市のSNSでの繁体字による発信",
            body: "市の公式SNSで繁体字の投稿を月2回行い、旅行博の前後に集中して発信する。",
          },
        ],
      },
      actions: [
        {
          title: "台北国際旅行博への共同出展と台湾PRキャンペーンの実施",
          idea: 0,
          owner: "sangyo-kikaku",
          dueOn: "2024-11-30",
          doneOn: "2024-11-10",
          result: "令和6年11月の旅行博に共同出展（来場者約3,200人、商談12件）。令和7年度から国際関連事業として継続。",
          project: TAIWAN_PROJECT,
        },
        {
          title: "台湾向けエコツアー行程案の作成",
          idea: 1,
          owner: "kankyo-kikaku",
          dueOn: "2025-02-28",
          doneOn: "2025-02-20",
          result: "2泊3日の行程案を作成し、旅行会社3社に提案した。",
        },
      ],
    },
    {
      theme: "留学生の地元定着",
      description: "市内の大学で学ぶ留学生が卒業後も市内で働き暮らせるよう、就職支援と生活支援をつなぐ。",
      fiscalYear: 2024,
      status: "closed",
      members: ["seisaku-kokusai", "seisaku-gaikaku", "sangyo-kikaku"],
      meetings: [
        {
          heldOn: "2024-06-11",
          title: "第1回 留学生の地元定着ワーキンググループ",
          agenda: "1 留学生の進路の現状\n2 大学・企業との連携の論点",
          attendees: "国際政策課、外郭団体・大学担当課、産業政策課",
          minutes: "市内大学の留学生の市内就職率は約1割にとどまる。企業側の受入れ経験の不足が大きいとの報告があった。",
          decisions: "留学生と市内企業の交流会を試行する。",
        },
        {
          heldOn: "2025-01-23",
          title: "第2回 留学生の地元定着ワーキンググループ",
          agenda: "1 交流会の結果\n2 次年度の進め方",
          attendees: "国際政策課、外郭団体・大学担当課、産業政策課",
          minutes: "交流会には留学生45人、企業18社が参加し、インターンシップ3件につながった。",
          decisions: "令和7年度は産業政策課の就職支援事業に組み込む。",
        },
      ],
      actions: [
        {
          title: "留学生と市内企業の交流会の試行",
          owner: "sangyo-kikaku",
          dueOn: "2024-12-20",
          doneOn: "2024-11-28",
          result: "留学生45人・企業18社が参加。インターンシップ3件。",
        },
      ],
    },
    {
      theme: "環境技術の海外展開",
      description: "市内企業の環境技術をアジアの都市に紹介し、技術協力と企業の海外展開を一体で進める。",
      fiscalYear: 2024,
      status: "closed",
      members: ["kankyo-kikaku", "sangyo-kikaku", "seisaku-kokusai"],
      meetings: [
        {
          heldOn: "2024-06-27",
          title: "第1回 環境技術の海外展開ワーキンググループ",
          agenda: "1 アジア諸都市との技術協力の状況\n2 企業ニーズの把握",
          attendees: "環境政策課、産業政策課、国際政策課",
          minutes: "大連市・仁川広域市との協力実績を共有。企業からは現地の規制情報へのニーズが高い。",
          decisions: "各課から協力案件の候補を募る。",
        },
      ],
      call: {
        title: "技術協力の案件候補",
        question: "令和7年度に取り組める技術協力の案件候補をお寄せください。",
        closesOn: "2024-08-30",
        ideas: [
          {
            org: "kankyo-kikaku",
            by: "環境政策課 中村",
            title: "大連市の廃棄物管理の技術研修",
            body: "市内企業の技術者を講師に、大連市の担当者向け研修を行う。",
            status: "adopted",
          },
          {
            org: "sangyo-kikaku",
            by: "産業政策課 山本",
            title: "環境ビジネス商談会の開催",
            body: "アジアの都市の担当者を招き、市内企業との商談会を開く。",
          },
        ],
      },
      actions: [
        {
          title: "大連市向け技術研修の実施計画の作成",
          idea: 0,
          owner: "kankyo-kikaku",
          dueOn: "2025-03-14",
          doneOn: "2025-03-10",
          result: "令和7年度の研修計画（2回・各5日間）を大連市と合意した。",
        },
      ],
    },
    {
      theme: "多文化共生の窓口",
      description: "外国人住民の相談窓口を一本化し、多言語での案内を充実させる。",
      fiscalYear: 2024,
      status: "closed",
      members: ["seisaku-kokusai", "seisaku-kikaku", "seisaku-sdgs"],
      meetings: [
        {
          heldOn: "2024-09-05",
          title: "第1回 多文化共生の窓口ワーキンググループ",
          agenda: "1 外国人住民の相談の現状\n2 窓口の一本化の案",
          attendees: "国際政策課、企画課、SDGs推進課",
          minutes: "相談は区役所・国際交流協会などに分散している。やさしい日本語の案内の需要が大きい。",
          decisions: "やさしい日本語の案内文の手引きを作る。",
        },
      ],
      actions: [
        {
          title: "やさしい日本語の案内文の手引きの作成",
          owner: "seisaku-kokusai",
          dueOn: "2025-03-31",
          doneOn: "2025-03-25",
          result: "手引きを作成し、全課に配布した。",
        },
      ],
    },
    {
      theme: "国際会議誘致",
      description: "国際会議・学会の誘致に向けて、会場・宿泊・交通の情報をそろえ、主催者への提案を共同で行う。",
      fiscalYear: 2024,
      status: "closed",
      members: ["seisaku-kokusai", "sangyo-kikaku", "seisaku-koiki"],
      meetings: [
        {
          heldOn: "2024-10-17",
          title: "第1回 国際会議誘致ワーキンググループ",
          agenda: "1 近年の誘致実績\n2 誘致の提案資料",
          attendees: "国際政策課、産業政策課、広域連携推進課",
          minutes: "令和5年の国際会議の開催は8件。近隣市と連携した宿泊の確保が課題。",
          decisions: "誘致用の提案資料（英語）を共同で作る。",
        },
      ],
      actions: [],
    },
    {
      theme: "姉妹都市交流の活性化",
      description: "タコマ市・ノーフォーク市など姉妹都市との交流を、市民・学校・企業の交流へ広げる。",
      fiscalYear: 2024,
      status: "closed",
      members: ["seisaku-kokusai", "seisaku-kikaku", "kankyo-kikaku"],
      meetings: [
        {
          heldOn: "2024-08-08",
          title: "第1回 姉妹都市交流の活性化ワーキンググループ",
          agenda: "1 姉妹都市交流の現状\n2 周年事業の検討",
          attendees: "国際政策課、企画課、環境政策課",
          minutes: "タコマ市との姉妹都市締結65周年（令和6年）を機に、市民交流を広げる案が出された。",
          decisions: "周年記念の市民交流事業の案を各課から募る。",
        },
      ],
      call: {
        title: "周年記念の市民交流のアイデア",
        question: "姉妹都市との周年記念で行う市民交流のアイデアをお寄せください。",
        closesOn: "2024-09-13",
        ideas: [
          {
            org: "kankyo-kikaku",
            by: "環境政策課 中村",
            title: "高校生の環境交流",
            body: "両市の高校生がオンラインで環境の取組を発表し合う。",
            status: "adopted",
          },
        ],
      },
      actions: [
        {
          title: "高校生のオンライン環境交流の実施",
          idea: 0,
          owner: "kankyo-kikaku",
          dueOn: "2025-02-15",
          doneOn: "2025-01-31",
          result: "両市の高校4校が参加した。",
        },
      ],
    },
    {
      theme: "国際交流事業の効果検証（経営分析）",
      description:
        "長く続く国際交流事業の効果を、令和7年度の経営分析に向けて事業ごとに検証する。各課の事業の成果指標の案を集め、見直しの方向を整理する。",
      fiscalYear: 2025,
      status: "active",
      members: ["seisaku-kokusai", "seisaku-kikaku", "zaisei-zaisei", "sangyo-kikaku", "kankyo-kikaku"],
      meetings: [
        {
          heldOn: "2025-05-22",
          title: "第1回 国際交流事業の効果検証ワーキンググループ",
          agenda: "1 経営分析の進め方\n2 対象事業の選定",
          attendees: "国際政策課長、企画課、財政課、産業政策課、環境政策課",
          minutes: "10年以上続く交流事業12件を対象とする。費用と成果の対応が事業ごとに整理されていないことが課題。",
          decisions: "対象事業の棚卸し表を作る。各課から成果指標の案を募る。",
        },
      ],
      call: {
        title: "長期交流事業の成果指標の案",
        question: "所管する国際交流事業について、成果を測る指標の案（指標名・目標値・把握方法）をお寄せください。",
        closesOn: addDays(today, 14),
        meeting: 0,
        ideas: [
          {
            org: "sangyo-kikaku",
            by: "産業政策課 山本",
            title: "商談件数と成約額を指標に",
            body: "経済交流事業は、現地での商談件数と1年以内の成約額を指標とする。",
          },
        ],
      },
      actions: [
        {
          title: "対象事業の棚卸し表の作成",
          owner: "seisaku-kokusai",
          dueOn: addDays(today, -10),
        },
      ],
    },
  ];
}

async function orgId(db: Queryable, code: string): Promise<string | null> {
  return findOrganisationIdByCode(db, code);
}

async function loadGroup(db: Db, actor: Actor, seed: GroupSeed): Promise<void> {
  await db.transaction(async (tx) => {
    const members = (await Promise.all(seed.members.map((code) => orgId(tx, code)))).filter((id): id is string => id !== null);
    const lead = await orgId(tx, "seisaku-kokusai");
    if (!lead || members.length === 0) return;
    const groupId = await groups.createGroupIn(
      tx,
      actor,
      {
        theme: seed.theme,
        description: seed.description,
        fiscalYear: seed.fiscalYear,
        leadOrganisationId: lead,
        memberOrganisationIds: members,
        status: seed.status,
      },
      { isSample: true },
    );
    const meetingIds: string[] = [];
    for (const meeting of seed.meetings) meetingIds.push(await groups.createMeetingIn(tx, actor, groupId, meeting, { isSample: true }));
    const ideaIds: string[] = [];
    if (seed.call) {
      const callId = await groups.createCallIn(
        tx,
        actor,
        groupId,
        {
          title: seed.call.title,
          question: seed.call.question,
          closesOn: seed.call.closesOn,
          meetingId: seed.call.meeting === undefined ? null : meetingIds[seed.call.meeting],
        },
        { isSample: true },
      );
      const call = await groups.findCall(tx, callId);
      if (!call) return;
      for (const [i, idea] of seed.call.ideas.entries()) {
        const organisationId = await orgId(tx, idea.org);
        if (!organisationId) continue;
        // sent a few days before the deadline, in order
        const submittedAt = new Date(`${addDays(seed.call.closesOn, -7 + i)}T01:30:00Z`);
        const ideaId = await groups.submitIdeaIn(
          tx,
          actor,
          call,
          organisationId,
          { userId: null, name: idea.by },
          { title: idea.title, body: idea.body },
          { isSample: true, submittedAt: submittedAt < new Date() ? submittedAt : new Date() },
        );
        ideaIds.push(ideaId);
        if (idea.status) {
          const row = await groups.findIdea(tx, ideaId);
          if (row) await groups.decideIdeaIn(tx, actor, row, idea.status);
        }
      }
    }
    for (const action of seed.actions) {
      const owner = await orgId(tx, action.owner);
      if (!owner) continue;
      const actionId = await groups.createActionIn(
        tx,
        actor,
        groupId,
        {
          title: action.title,
          ideaId: action.idea === undefined ? null : (ideaIds[action.idea] ?? null),
          ownerOrganisationId: owner,
          ownerUserId: null,
          dueOn: action.dueOn,
        },
        { isSample: true },
      );
      if (action.doneOn) {
        const row = await groups.findAction(tx, actionId);
        // The projects' sample data may not be loaded (or may name it otherwise): the action is then done without a link.
        const projectId = action.project ? await groups.findProjectIdByName(tx, action.project) : null;
        if (row)
          await groups.recordActionProgressIn(tx, actor, row, {
            version: row.version,
            status: "done",
            doneOn: action.doneOn,
            result: action.result ?? "",
            projectId,
          });
      }
    }
  });
}

export async function loadGroupDemo(db: Db): Promise<void> {
  const today = todayInJapan();
  for (const seed of seeds(today)) await loadGroup(db, DEMO_ACTOR, seed);
}
