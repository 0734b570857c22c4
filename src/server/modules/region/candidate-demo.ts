// Sample data of 連携事業の候補 (every record is_sample): candidate joint projects from several departments, spread over
// the steps with dated histories counted back from the day the sample data is loaded — some stalled (more than the
// default 60 days in one step), one sent back, one dropped, two adopted (圏域合同企業説明会 is linked to the sample
// joint project of that name; 福北「一人一花運動」 made its own project, as the seed's 11月 announcement did). The
// departments 消防局・保健福祉局・都市戦略局 are added to the sample organisation tree when it has none of that code.
import { todayInJapan } from "../../../common/dates";
import type { CandidateMoveKind, CandidateObstacle, CandidateStep } from "../../../common/region/candidate-steps";
import type { Db, Queryable } from "../../db/database";
import { createOrganisation, findOrganisationIdByCode, getOrganisation } from "../../platform/admin/organisations";
import { DEMO_ACTOR, recordAudit } from "../../platform/audit/audit";
import * as repo from "./candidate-repository";

/** Departments the samples name that the platform's sample tree may lack: code, name (a 局 beside 政策局). */
const SAMPLE_BUREAUS = [
  ["shobo", "消防局"],
  ["hoken", "保健福祉局"],
  ["toshi-senryaku", "都市戦略局"],
] as const;

interface SampleCandidate {
  title: string;
  /** the proposing organisation's code */
  department: string;
  framework: "kanmon" | "fukuhoku" | "toshiken";
  members: string[];
  summary: string;
  expectedEffect: string;
  obstacle: CandidateObstacle;
  obstacleNote: string;
  /** [step, days before the load day, move kind, note, reason] — oldest first */
  history: [CandidateStep, number, CandidateMoveKind, string, string?][];
  /** 事業化: the joint project's name (linked when the sample project exists, otherwise made) */
  project?: string;
}

const RECORDER = "広域連携推進課（サンプル）";

export const SAMPLE_CANDIDATES: SampleCandidate[] = [
  {
    title: "消防指令業務の共同化（遠賀郡4町への拡大）",
    department: "shobo",
    framework: "toshiken",
    members: ["芦屋町", "水巻町", "岡垣町", "遠賀町"],
    summary: "119番通報の受信と出動指令を行う共同指令センターの対象を遠賀郡4町に広げる。指令台の更新時期に合わせて移行する。",
    expectedEffect: "指令員の配置の効率化、通報から出動までの時間の短縮、災害時の応援の迅速化。",
    obstacle: "share",
    obstacleNote: "指令台の整備費と運営費の分担割合（人口割・出動件数割）で各町の意見が分かれている。",
    history: [
      ["proposed", 200, "submitted", ""],
      ["department_dialogue", 185, "forward", "消防局指令課と意見交換。指令台の更新（令和10年度）に合わせるのが現実的との意見。"],
      ["partner_consultation", 120, "forward", "遠賀郡4町の担当課長会議で説明。負担割合の案を求められた。"],
      ["budget_consultation", 75, "forward", "財政課と協議開始。整備費の起債と特別交付税措置の見込みを確認中。"],
    ],
  },
  {
    title: "ごみ処理の広域化（焼却施設の共同利用）",
    department: "kankyo-kikaku",
    framework: "toshiken",
    members: ["直方市", "中間市", "宮若市", "小竹町", "鞍手町"],
    summary: "老朽化した焼却施設を持つ市町の可燃ごみを、北九州市の焼却工場で受け入れる広域処理を検討する。",
    expectedEffect: "施設の更新費用の削減、処理の安定化、発電による売電収入。",
    obstacle: "cost",
    obstacleNote: "収集運搬の距離が伸びる市町の経費と、受入処理の単価の設定。",
    history: [
      ["proposed", 160, "submitted", ""],
      ["department_dialogue", 140, "forward", "環境局と受入余力（年間処理量）を確認。"],
      ["partner_consultation", 95, "forward", "直方市・中間市などの担当者会議で受入単価の考え方を説明。回答待ち。"],
    ],
  },
  {
    title: "圏域合同企業説明会",
    department: "sangyo-kikaku",
    framework: "toshiken",
    members: [],
    summary: "圏域の企業と若者をつなぐ合同企業説明会を年2回開催する。",
    expectedEffect: "圏域内就職の増加、若者の転出抑制。",
    obstacle: "effort",
    obstacleNote: "18市町の企業の取りまとめと会場運営の手間。",
    history: [
      ["proposed", 420, "submitted", ""],
      ["department_dialogue", 400, "forward", "産業経済局と意見交換。既存の市単独の説明会を圏域に広げる方向で一致。"],
      ["partner_consultation", 350, "forward", "圏域の担当者会議で提案。行橋市が幹事を引き受ける意向。"],
      ["budget_consultation", 300, "forward", "財政課と協議。連携中枢都市圏の特別交付税の対象として予算化の見込み。"],
      ["adopted", 250, "adopted", "連携事業「圏域合同企業説明会」として事業化。"],
    ],
    project: "圏域合同企業説明会",
  },
  {
    title: "夜間急患センターの広域利用",
    department: "hoken",
    framework: "toshiken",
    members: ["行橋市", "苅田町", "みやこ町"],
    summary: "京築地域の住民が北九州市の夜間・休日急患センターを利用する際の費用負担を取り決める。",
    expectedEffect: "京築地域の夜間の小児救急体制の確保。",
    obstacle: "share",
    obstacleNote: "利用者数に応じた負担（利用者割）とする場合の前年実績の取り方。",
    history: [
      ["proposed", 35, "submitted", ""],
      ["department_dialogue", 20, "forward", "保健福祉局と利用実績（市外在住者の受診数）を確認中。"],
    ],
  },
  {
    title: "福北「一人一花運動」の連携",
    department: "toshi-senryaku",
    framework: "fukuhoku",
    members: ["福岡市"],
    summary: "福岡市の「一人一花運動」と北九州市の花と緑のまちづくりを連携し、両市で花による取組を発信する。",
    expectedEffect: "両市の市民活動の交流、都市イメージの向上。",
    obstacle: "effort",
    obstacleNote: "両市の実施主体（市民団体）の調整の手間。",
    history: [
      ["proposed", 150, "submitted", ""],
      ["department_dialogue", 140, "forward", "都市戦略局と意見交換。"],
      ["partner_consultation", 110, "forward", "福岡市と事務レベルで協議。"],
      [
        "adopted",
        40,
        "adopted",
        "11月に両市で連携を発表。既存予算の範囲で実施するため予算協議は行わない。",
        "既存予算の範囲で実施し、新たな予算措置を要しないため",
      ],
    ],
    project: "福北「一人一花運動」連携",
  },
  {
    title: "関門海峡の海ごみ共同回収",
    department: "kankyo-kikaku",
    framework: "kanmon",
    members: ["下関市"],
    summary: "関門海峡沿岸の漂着ごみを両市のボランティアと共同で回収し、処理を分担する。",
    expectedEffect: "海岸環境の改善、市民交流。",
    obstacle: "effort",
    obstacleNote: "回収日の調整と、回収したごみの処理をどちらの市で行うか。",
    history: [["proposed", 70, "submitted", ""]],
  },
  {
    title: "福北スタートアップ合同ピッチ",
    department: "sangyo-kikaku",
    framework: "fukuhoku",
    members: ["福岡市"],
    summary: "両市のスタートアップが投資家に向けて発表する合同ピッチイベントを開催する。",
    expectedEffect: "両市のスタートアップの資金調達機会の拡大。",
    obstacle: "other",
    obstacleNote: "既存の連携事業との重複。",
    history: [
      ["proposed", 150, "submitted", ""],
      ["department_dialogue", 130, "forward", "産業経済局と意見交換。"],
      ["dropped", 60, "dropped", "", "連携事業「福北スタートアップ連携」のイベントの一つとして実施するため、単独の事業化は見送る。"],
    ],
  },
  {
    title: "関門の消防・救急の相互応援訓練",
    department: "shobo",
    framework: "kanmon",
    members: ["下関市"],
    summary: "関門トンネル・関門橋での事故を想定し、両市の消防・救急の合同訓練を定例化する。",
    expectedEffect: "県境をまたぐ事故への対応の迅速化。",
    obstacle: "effort",
    obstacleNote: "両県にまたがる応援協定の見直しの手間。",
    history: [
      ["proposed", 110, "submitted", ""],
      ["department_dialogue", 100, "forward", "消防局警防課と意見交換。"],
      ["partner_consultation", 80, "forward", "下関市消防局と協議。"],
      [
        "department_dialogue",
        45,
        "back",
        "訓練の想定を消防局内で見直す。",
        "下関市側から応援協定の改定案が示され、訓練の想定を見直す必要が生じたため",
      ],
    ],
  },
  {
    title: "圏域の健康マイレージの共通化",
    department: "hoken",
    framework: "toshiken",
    members: [],
    summary: "市町ごとの健康マイレージ（健康ポイント）を圏域で共通化し、どの市町の健康イベントでもポイントを貯められるようにする。",
    expectedEffect: "健康づくりへの参加の増加。",
    obstacle: "cost",
    obstacleNote: "共通のアプリの導入費と運用費。",
    history: [["proposed", 5, "submitted", ""]],
  },
];

/** The day `days` before `today` (YYYY-MM-DD). */
function daysBefore(today: string, days: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

/** The organisation with this code; the 局 of SAMPLE_BUREAUS is made (is_sample) beside 政策局 when missing. */
async function departmentId(tx: Queryable, code: string): Promise<string | null> {
  const found = await findOrganisationIdByCode(tx, code);
  if (found) return found;
  const bureau = SAMPLE_BUREAUS.find(([c]) => c === code);
  const seisaku = await findOrganisationIdByCode(tx, "seisaku");
  if (!bureau || !seisaku) return null;
  const parentId = (await getOrganisation(tx, seisaku)).parentId;
  return createOrganisation(tx, { parentId, kind: "bureau", name: bureau[1], code, sortOrder: 50, isSample: true });
}

export async function loadCandidateDemo(db: Db, today = todayInJapan()): Promise<void> {
  if (await repo.hasCandidates(db)) return;
  await db.transaction(async (tx) => {
    let count = 0;
    for (const sample of SAMPLE_CANDIDATES) {
      const organisationId = await departmentId(tx, sample.department);
      const frameworkId = await repo.findFrameworkIdByCode(tx, sample.framework);
      if (!organisationId || !frameworkId) continue;
      const last = sample.history[sample.history.length - 1];
      const id = await repo.insertCandidate(tx, {
        title: sample.title,
        proposingOrganisationId: organisationId,
        frameworkId,
        summary: sample.summary,
        expectedEffect: sample.expectedEffect,
        obstacle: sample.obstacle,
        obstacleNote: sample.obstacleNote,
        step: last[0],
        stepSince: daysBefore(today, last[1]),
        isSample: true,
        createdBy: null,
      });
      const memberIds = await repo.findMemberIdsByName(tx, frameworkId, sample.members);
      await repo.insertCandidateMembers(tx, id, memberIds);
      for (const [step, ago, moveKind, note, reason] of sample.history) {
        await repo.insertStep(tx, {
          candidateId: id,
          step,
          moveKind,
          enteredOn: daysBefore(today, ago),
          recordedBy: null,
          recordedByLabel: RECORDER,
          note,
          reason: reason ?? "",
        });
      }
      if (sample.project) {
        const projectId =
          (await repo.findProjectIdByName(tx, frameworkId, sample.project)) ??
          (await repo.insertProjectFromCandidate(tx, {
            frameworkId,
            name: sample.project,
            summary: sample.summary,
            leadMemberId: null,
            ownerOrganisationId: organisationId,
            startFiscalYear: null,
            statusSince: daysBefore(today, last[1]),
            memberIds,
            isSample: true,
            createdBy: null,
          }));
        await repo.linkAdoptedProject(tx, id, projectId);
      }
      count++;
    }
    await recordAudit(tx, DEMO_ACTOR, {
      action: "load",
      entityType: "region_candidate",
      entityId: null,
      summary: `連携事業の候補のサンプルデータ（${count}件）を読み込みました`,
    });
  });
}
