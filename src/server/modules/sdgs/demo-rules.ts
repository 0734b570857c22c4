// The sample programme's rules (all is_sample): the eligibility rules, the check sheet (4 domains, 16 items, 100
// points, 4 required items) and three tiers by score, as the bureau might have set them for 北九州市サステナブル経営認証
// (modelled on 横浜市 Y-SDGs' three tiers). Every sample round uses them; the bureau edits a round's copy.

export const SAMPLE_ELIGIBILITY = [
  {
    code: "office_in_city",
    question: "北九州市内に本社または事業所がありますか。",
    requiredAnswer: true,
    failureReason: "市内に本社または事業所がある事業者が対象です。",
  },
  {
    code: "no_tax_arrears",
    question: "市税（法人市民税・固定資産税など）に滞納がありませんか。",
    requiredAnswer: true,
    failureReason: "市税に滞納がある事業者は申請できません。納付後に申請してください。",
  },
  {
    code: "anti_social_oath",
    question: "暴力団等の反社会的勢力に該当せず、関係を持たないことを誓約しますか。",
    requiredAnswer: true,
    failureReason: "反社会的勢力でないことの誓約が必要です。",
  },
  {
    code: "no_serious_violation",
    question: "直近3年間に、重大な法令違反による行政処分を受けたことがありますか。",
    requiredAnswer: false,
    failureReason: "直近3年間に重大な法令違反による行政処分を受けた事業者は申請できません。",
  },
] as const;

export const SAMPLE_DOMAINS = ["環境", "社会", "ガバナンス", "地域"] as const;
type Domain = (typeof SAMPLE_DOMAINS)[number];

export interface SampleItem {
  domain: Domain;
  code: string;
  text: string;
  points: number;
  required?: boolean;
  evidence?: boolean;
  goals: number[];
}

export const SAMPLE_ITEMS: readonly SampleItem[] = [
  {
    domain: "環境",
    code: "E-01",
    text: "環境関係法令を遵守し、遵守状況を定期的に確認している。",
    points: 5,
    required: true,
    goals: [12],
    evidence: true,
  },
  { domain: "環境", code: "E-02", text: "事業活動による温室効果ガス排出量（スコープ1・2）を把握している。", points: 8, goals: [13] },
  { domain: "環境", code: "E-03", text: "温室効果ガスの削減目標を定め、取組を進めている。", points: 8, goals: [7, 13] },
  { domain: "環境", code: "E-04", text: "廃棄物の削減・リサイクル（3R）に取り組んでいる。", points: 5, goals: [12] },
  { domain: "環境", code: "E-05", text: "再生可能エネルギーの導入または調達をしている。", points: 4, goals: [7] },
  {
    domain: "社会",
    code: "S-01",
    text: "労働関係法令を遵守し、就業規則を整備・周知している。",
    points: 5,
    required: true,
    goals: [8],
    evidence: true,
  },
  { domain: "社会", code: "S-02", text: "長時間労働の削減・休暇取得の促進に取り組んでいる。", points: 7, goals: [3, 8] },
  { domain: "社会", code: "S-03", text: "女性・高齢者・障害者など多様な人材が活躍できる職場づくりをしている。", points: 7, goals: [5, 10] },
  { domain: "社会", code: "S-04", text: "従業員の健康管理（健康経営）に取り組んでいる。", points: 5, goals: [3] },
  { domain: "社会", code: "S-05", text: "人材育成・能力開発の機会を設けている。", points: 6, goals: [4, 8] },
  {
    domain: "ガバナンス",
    code: "G-01",
    text: "SDGs・サステナビリティに関する経営方針を定め、公表している。",
    points: 6,
    required: true,
    goals: [17],
    evidence: true,
  },
  { domain: "ガバナンス", code: "G-02", text: "取組の推進体制（責任者・担当部署）を定めている。", points: 5, goals: [17] },
  {
    domain: "ガバナンス",
    code: "G-03",
    text: "情報セキュリティ・個人情報保護の体制を整えている。",
    points: 5,
    required: true,
    goals: [16],
  },
  { domain: "地域", code: "R-01", text: "地域の雇用・調達（地元企業との取引）に取り組んでいる。", points: 8, goals: [8, 11] },
  { domain: "地域", code: "R-02", text: "地域活動・社会貢献活動に参加・協力している。", points: 8, goals: [11, 17] },
  { domain: "地域", code: "R-03", text: "SDGsステーション等と連携し、他の企業・団体と協働している。", points: 8, goals: [17] },
];

export const SAMPLE_TIERS = [
  { rank: 1, name: "ゴールド", minScore: 80 },
  { rank: 2, name: "シルバー", minScore: 60 },
  { rank: 3, name: "ブロンズ", minScore: 40 },
] as const;

export const SAMPLE_GUIDANCE =
  "北九州市サステナブル経営認証は、SDGsの達成に向けて経営に取り組む市内事業者を市が認証し、金融機関による融資等の支援につなげる制度です。申請要件を確認のうえ、チェックシートへの回答、自社の目標（3つ以上）、証拠書類を添えて申請してください。";
