// A small 局区方針 built by hand for renderer tests (the text parser is tested on its own), shaped like the seed
// document: A/B/C areas, categories as overview rows, challenges with their five parts and dated progress.
import type { ChallengeContent, PolicyDocumentContent } from "../../common/policy/types.js";

export function buildChallenge(overrides: Partial<ChallengeContent> & Pick<ChallengeContent, "areaCode" | "number">): ChallengeContent {
  const code = `${overrides.areaCode}(${overrides.number})`;
  return {
    code,
    category: "成長戦略",
    name: `課題${code}の名前`,
    content: `課題${code}の内容です。`,
    background: `課題${code}の背景です。`,
    approachHeading: "課題に対する取組み",
    approach: `課題${code}に対する取組みです。`,
    analysisNote: null,
    analysisYear: null,
    progress: [],
    ...overrides,
  };
}

const FURUSATO = buildChallenge({
  areaCode: "A",
  number: 1,
  name: "ふるさと納税の寄附受入額の増加",
  content: "現在、楽天など6つの寄附受付サイトで受付。他都市に比べ受付サイト数が少ない。",
  background:
    "寄附受付サイトが多いほど、寄附額が増加するため、サイトの拡充が必須。\n\nサイトを増やすことを検討しているが、内部事務に追われている。",
  approach: "返礼品の登録・変更事務を効率的に行える新しいシステムを導入。",
  progress: [
    { asOf: "2024-05-31", asOfLabel: "令和6年5月末時点", text: "新システムの仕様を固めた。", status: "順調" },
    { asOf: "2024-11-30", asOfLabel: "令和6年11月末時点", text: "令和6年8月に新システムを導入した。", status: "完了" },
  ],
});

const SDGS = buildChallenge({
  areaCode: "B",
  number: 2,
  name: "SDGsの推進～「周知」から「実践」へ、「官」から「民」へ～",
  content: "官民の適切な役割分担の下、企業などの取組を後押しする仕組みづくりが必要である。",
  background: "SDGsの市民認知度が90%を超える一方、行動する人の割合は40%を切っている。",
  approach: "令和6年7月から「北九州市サステナブル経営認証制度」の運用を開始した。",
  analysisNote: "※市政変革推進プランに基づき、令和6年度に経営分析を行う。",
  analysisYear: 2024,
  progress: [{ asOf: "2024-11-30", asOfLabel: "令和6年11月末時点", text: "認証制度を創設し、申請を受け付けている。", status: null }],
});

const AFFILIATES = buildChallenge({
  areaCode: "B",
  number: 5,
  category: "外郭団体等",
  name: "アジア成長研究所及び北九州国際交流協会の運営の在り方検討",
  approachHeading: "課題への対応",
  approach: "各外郭団体の存在意義や求められている役割など、経営分析を行う。",
  analysisNote: "市政変革推進プランに基づき、令和6年度に経営分析を行う。",
  analysisYear: 2024,
  progress: [{ asOf: "2024-11-30", asOfLabel: "", text: "各団体の経営分析を実施。", status: "遅れ" }],
});

export function buildPolicyDocument(extraChallenges: ChallengeContent[] = []): PolicyDocumentContent {
  return {
    bureauName: "政策局",
    overviewTitle: "政策局 X方針の概要",
    title: "局区X方針〈政策局〉",
    missionHeading: "1 組織の使命（どのような役割を担うのか）",
    mission:
      "政策局は、新ビジョンで掲げた都市像の実現に向け、組織横断的な政策の総合調整と牽引の役割を担う。\n\n更に福岡市・下関市との連携（メガリージョン）により、都市力を強化する。",
    challengesHeading: "2 課題と背景",
    areas: [
      { code: "A", label: "A領域" },
      { code: "B", label: "B領域" },
      { code: "C", label: "C領域" },
    ],
    categories: ["成長戦略", "外郭団体等"],
    overview: [
      {
        category: "成長戦略",
        areaCode: "A",
        challengeCode: "A(1)",
        title: "ふるさと納税の寄附受入額の増加",
        bullets: ["事務負担の最小化を図りながら、寄附受付サイトの拡充を検討"],
        areaInferred: false,
      },
      {
        category: "成長戦略",
        areaCode: "B",
        challengeCode: "B(2)",
        title: "SDGsの推進",
        bullets: ["官民の適切な役割分担の下、企業などの取組を後押し"],
        areaInferred: false,
      },
      {
        category: "成長戦略",
        areaCode: "C",
        challengeCode: null,
        title: null,
        bullets: ["各局の施策・事業が効果的に作用するよう、横串機能を発揮"],
        areaInferred: false,
      },
      {
        category: "外郭団体等",
        areaCode: "B",
        challengeCode: "B(5)",
        title: "アジア成長研究所及び北九州国際交流協会の運営の在り方検討",
        bullets: ["それぞれの団体の求められる役割に応じ、運営の在り方を検討"],
        areaInferred: false,
      },
    ],
    challenges: [FURUSATO, SDGS, AFFILIATES, ...extraChallenges],
  };
}
