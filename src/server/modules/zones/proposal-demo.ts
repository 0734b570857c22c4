// Sample 特区 proposals (every record is_sample). The first is the seed's (課題B(1), 令和6年11月末時点): 「宇宙との
// 920MHz帯通信に関する実験試験局の免許取得に係る規制改革」, proposed with 九州工業大学 at the 国家戦略特別区域会議 on
// 令和6年10月16日; what the seed does not say (the dates of 調査研究・事前相談・検討要請, the partner's role, the scope)
// is inferred and says so in its notes. The others are plausible proposals in other states: one at 調査研究
// (ディープテック), one with two request rounds, one ended in 解消 after 現行制度で可能, one with a recorded skip. Every
// history is checked by the state machine as it is written, so a sample can never show a path the system would refuse.
import type { ProposalField } from "../../../common/zones/proposal-fields";
import { type AnswerKind, checkTransition, type ProposalState, type ProposalStep } from "../../../common/zones/proposal-states";
import type { Db } from "../../db/database";
import { DEMO_ACTOR, recordAudit } from "../../platform/audit/audit";
import * as repo from "./proposal-repository";

interface SampleStep {
  state: ProposalState;
  date: string;
  answer?: AnswerKind;
  reason?: string;
  note?: string;
}

interface SampleProposal {
  title: string;
  field: ProposalField;
  summary: string;
  measureScope: "zone_only" | "nationwide";
  measureKind: "regulatory_reform" | "grey_zone";
  businessPlan: string;
  necessity: string;
  researchNotes: string;
  partners: { name: string; kind: "university" | "company" | "research_institute" | "other"; role: string }[];
  regulations: { law: string; article: string; ministry: string; note: string }[];
  steps: SampleStep[];
}

const INFERRED = "（サンプル：日付は推定）";

export const SAMPLE_PROPOSALS: readonly SampleProposal[] = [
  {
    title: "宇宙との920MHz帯通信に関する実験試験局の免許取得に係る規制改革",
    field: "space",
    summary: "九州工業大学と連携し、宇宙（小型衛星）との920MHz帯による通信の実験を行うため、実験試験局の免許取得に係る規制改革を提案する。",
    measureScope: "zone_only",
    measureKind: "regulatory_reform",
    businessPlan:
      "大学の小型衛星と地上局の間で920MHz帯の通信実験を行い、宇宙産業の技術開発と実証の拠点化を図る。（サンプル：事業計画の詳細は推定）",
    necessity:
      "宇宙など前例がない分野では規制の有無や解釈が不明瞭で、技術開発の障害となっている。特区制度を活用して全国に先駆けたルールメイキングを進める。",
    researchNotes:
      "令和6年10月16日の国家戦略特別区域会議にて新規提案。今後、有識者、内閣府及び関係省庁とWG等を通じて協議する（令和6年11月末時点）。",
    partners: [{ name: "九州工業大学", kind: "university", role: "共同提案・通信実験の実施（サンプル：役割は推定）" }],
    regulations: [
      {
        law: "電波法",
        article: "",
        ministry: "総務省",
        note: "920MHz帯による宇宙との通信に係る実験試験局の免許（サンプル：条項は未記入）",
      },
    ],
    steps: [
      { state: "research", date: "2024-04-01", note: `大学と連携した調査研究を開始${INFERRED}` },
      { state: "consultation", date: "2024-07-10", note: `内閣府への事前相談${INFERRED}` },
      { state: "proposal", date: "2024-10-16", note: "国家戦略特別区域会議にて九州工業大学と連携して新規提案" },
      { state: "request", date: "2024-11-20", note: `関係省庁への検討要請${INFERRED}` },
    ],
  },
  {
    title: "量子センサを用いたインフラ点検の実証に係る規制の調査",
    field: "deeptech",
    summary: "量子センサによる橋梁・配管の非破壊点検を市内で実証するにあたり、支障となる規制やグレーゾーンを調査する。（サンプル）",
    measureScope: "zone_only",
    measureKind: "grey_zone",
    businessPlan: "市内企業と研究機関が共同で点検技術を実証し、インフラ維持管理の新事業につなげる。（サンプル）",
    necessity: "点検の方法が法令上の点検として認められるか不明確で、事業化の判断ができない。（サンプル）",
    researchNotes: "関係する法令の洗い出し中。道路法・ガス事業法の点検基準を確認する。（サンプル）",
    partners: [
      { name: "量子計測スタートアップA社（サンプル）", kind: "company", role: "センサの開発" },
      { name: "北九州市内の研究機関B（サンプル）", kind: "research_institute", role: "実証の評価" },
    ],
    regulations: [{ law: "道路法", article: "", ministry: "国土交通省", note: "定期点検の方法（サンプル）" }],
    steps: [{ state: "research", date: "2025-06-02", note: "（サンプル）" }],
  },
  {
    title: "水素ステーションの保安距離に係る規制改革",
    field: "hydrogen_energy",
    summary: "港湾部の水素ステーションについて、保安距離の基準の特例を求める。（サンプル）",
    measureScope: "zone_only",
    measureKind: "regulatory_reform",
    businessPlan: "港湾の物流車両向けに水素を供給するステーションを整備する。（サンプル）",
    necessity: "現行の保安距離では港湾部の限られた敷地に設置できない。（サンプル）",
    researchNotes: "他都市の特例の事例を整理済み。（サンプル）",
    partners: [{ name: "エネルギー事業者C社（サンプル）", kind: "company", role: "ステーションの整備・運営" }],
    regulations: [{ law: "高圧ガス保安法", article: "", ministry: "経済産業省", note: "保安距離の基準（サンプル）" }],
    steps: [
      { state: "research", date: "2024-02-01", note: "（サンプル）" },
      { state: "consultation", date: "2024-04-15", note: "（サンプル）" },
      { state: "proposal", date: "2024-06-20", note: "（サンプル）" },
      { state: "request", date: "2024-07-10", note: "（サンプル）" },
      { state: "answer", date: "2024-09-30", answer: "impossible", note: "安全性の根拠が不足との回答（サンプル）" },
      { state: "re_request", date: "2024-11-05", note: "実験データを添えて再検討を要請（サンプル）" },
      { state: "answer", date: "2025-02-14", answer: "conditional", note: "監視設備の設置を条件に可（サンプル）" },
      { state: "wg_hearing", date: "2025-04-22", note: "WGヒアリングで条件の内容を協議（サンプル）" },
    ],
  },
  {
    title: "ドローンによる河川上空の目視外飛行に係るグレーゾーン解消",
    field: "drone_air_mobility",
    summary: "河川の巡視にドローンの目視外飛行を用いる場合の手続の解釈の明確化を求める。（サンプル）",
    measureScope: "nationwide",
    measureKind: "grey_zone",
    businessPlan: "河川の巡視をドローンで自動化し、災害時の状況把握を早める。（サンプル）",
    necessity: "必要な許可・承認の範囲が不明確で、事業者が参入をためらっている。（サンプル）",
    researchNotes: "（サンプル）",
    partners: [{ name: "ドローン事業者D社（サンプル）", kind: "company", role: "飛行の実施" }],
    regulations: [{ law: "航空法", article: "", ministry: "国土交通省", note: "無人航空機の目視外飛行（サンプル）" }],
    steps: [
      { state: "research", date: "2023-09-01", note: "（サンプル）" },
      { state: "consultation", date: "2023-10-12", note: "（サンプル）" },
      { state: "proposal", date: "2023-12-05", note: "（サンプル）" },
      { state: "request", date: "2024-01-15", note: "（サンプル）" },
      { state: "answer", date: "2024-03-29", answer: "already_possible", note: "現行制度の承認で実施可能との回答（サンプル）" },
      { state: "resolved", date: "2024-04-10", note: "現行制度で実施できることを確認し解消（サンプル）" },
    ],
  },
  {
    title: "自動配送ロボットの歩道走行に係る規制改革",
    field: "robotics",
    summary: "住宅地での自動配送ロボットの歩道走行の要件緩和を求める。（サンプル）",
    measureScope: "nationwide",
    measureKind: "regulatory_reform",
    businessPlan: "高齢化が進む住宅団地で日用品の自動配送を行う。（サンプル）",
    necessity: "買い物の不便な地域の生活を支えるため。（サンプル）",
    researchNotes: "（サンプル）",
    partners: [
      { name: "ロボット事業者E社（サンプル）", kind: "company", role: "ロボットの運行" },
      { name: "九州の大学F（サンプル）", kind: "university", role: "安全性の評価" },
    ],
    regulations: [{ law: "道路交通法", article: "", ministry: "警察庁", note: "歩道を走行するロボットの要件（サンプル）" }],
    steps: [
      { state: "research", date: "2024-05-01", note: "（サンプル）" },
      {
        state: "proposal",
        date: "2024-08-01",
        reason: "関係省庁との意見交換を調査研究の段階で済ませたため、事前相談を省略（サンプル）",
        note: "（サンプル）",
      },
      { state: "request", date: "2024-08-20", note: "（サンプル）" },
      { state: "answer", date: "2024-11-29", answer: "nationwide", note: "全国で対応する方針との回答（サンプル）" },
      { state: "policy", date: "2025-03-10", note: "措置方針が示された（サンプル）" },
    ],
  },
];

/** Writes one sample proposal with its history (each move checked by the machine); false when it exists already. */
async function insertSample(db: Db, sample: SampleProposal): Promise<boolean> {
  return db.transaction(async (tx) => {
    if (await repo.proposalExists(tx, sample.title)) return false;
    const last = sample.steps[sample.steps.length - 1]!;
    const id = await repo.insertProposal(tx, { ...sample, state: last.state, stateSince: last.date, isSample: true, createdBy: null });
    await repo.replacePartners(tx, id, sample.partners);
    await repo.replaceRegulations(tx, id, sample.regulations);
    const history: ProposalStep[] = [];
    for (const step of sample.steps) {
      const check = checkTransition(history, step.state, { reason: step.reason, answer: step.answer ?? null, date: step.date });
      if (!check.ok) throw new Error(`sample proposal ${sample.title}: ${step.state}: ${check.message}`);
      await repo.insertStep(tx, {
        proposalId: id,
        state: step.state,
        date: step.date,
        round: check.round,
        answer: step.answer ?? null,
        skipReason: check.needsReason ? (step.reason ?? null) : null,
        note: step.note ?? "",
        recordedBy: null,
        isSample: true,
      });
      history.push({ state: step.state, date: step.date, round: check.round, answer: step.answer ?? null });
    }
    await recordAudit(tx, DEMO_ACTOR, {
      action: "create",
      entityType: "zones_proposal",
      entityId: id,
      summary: `${sample.title}（サンプルデータ）`,
    });
    return true;
  });
}

export async function loadProposalDemo(db: Db): Promise<void> {
  for (const sample of SAMPLE_PROPOSALS) await insertSample(db, sample);
}
