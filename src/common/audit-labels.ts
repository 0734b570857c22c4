// 監査ログの日本語表示: every action code and record kind (entity type) the code writes, in one table that the
// audit page, its pickers and the CSV/Excel export all read. recordAudit takes only these codes (AuditAction,
// AuditEntityType), so a new code without a label does not compile; audit-labels.test.ts also walks the source.
import { GIFT_ACTIONS } from "./api/furusato";

export const AUDIT_ACTION_LABELS = {
  // sign-in and accounts
  login: "ログイン",
  login_failed: "ログイン失敗",
  login_slowed: "ログイン失敗（待機時間あり）",
  logout: "ログアウト",
  session_end: "セッション終了",
  password_change: "パスワード変更",
  password_reset: "パスワード再設定",
  unlock: "ロック解除",
  link_login: "ログインの紐づけ",
  // records
  create: "作成",
  copy: "複製",
  update: "変更",
  delete: "削除",
  import: "取込",
  import_update: "取込（更新）",
  load: "読込",
  export: "出力",
  export_personal: "出力（個人情報を含む）",
  download: "ダウンロード",
  view_personal: "個人情報の閲覧",
  publish: "公開",
  unpublish: "公開停止",
  approve: "承認",
  hide: "非表示",
  close: "締切",
  recompute: "再計算",
  remind: "督促",
  // ふるさと納税
  inspect: "検査",
  suspend: "受付停止",
  resume: "受付停止の解除",
  propose_change: "変更の提案",
  approve_change: "変更の承認",
  reject_change: "変更の差戻し",
  cost_change: "原価の変更",
  listing: "掲載の変更",
  approve_amount: "寄附額の承認",
  attach_evidence: "根拠資料の添付",
  add_image: "画像の追加",
  add_document: "書類の追加",
  request: "出荷依頼",
  ship: "発送",
  issue: "発行",
  reissue: "再発行",
  discard: "破棄",
  anonymise: "匿名化",
  // 新ビジョン
  feed_actual: "実績値への反映",
  respond: "回答",
  withdraw_response: "回答の取り下げ",
  // 国際（海外出張）
  trip_transition: "出張の状態の変更",
  file_report: "出張報告の提出",
  // 国際（国際関連事業・海外出張の添付資料）
  attach_file: "資料の添付",
  remove_file: "添付資料の削除",
  // 国際（テーマ別ワーキンググループ）
  submit_idea: "アイデアの提出",
  decide_idea: "アイデアの採否",
  record_progress: "進み具合の記録",
  // 広域連携（北九州都市圏域の情報ハブ）
  feature: "おすすめに設定",
  unfeature: "おすすめの解除",
  translate: "翻訳",
  fix_problem: "取込保留行の修正",
  dismiss_problem: "取込保留行の除外",
  // 広域連携（連携事業の候補）
  candidate_move: "連携事業の候補の段階の変更",
  candidate_adopt: "連携事業の候補の事業化",
  candidate_drop: "連携事業の候補の見送り",
  // 会議のフォローアップ（宿題）
  assign_followup: "宿題の担当者の割当",
  complete_followup: "宿題の完了",
  reopen_followup: "宿題の再開",
  // 広域連携の連携事業
  change_status: "状態の変更",
  // 返礼品の確認 (gift_提出, gift_承認 …): see giftActionCode
  ...(Object.fromEntries(GIFT_ACTIONS.map((a) => [`gift_${a}`, `返礼品の${a}`])) as Record<
    `gift_${(typeof GIFT_ACTIONS)[number]}`,
    string
  >),
} as const;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

/** 返礼品の確認の操作 (提出・差戻し・承認 …) as an audit action code. */
export const giftActionCode = (action: (typeof GIFT_ACTIONS)[number]): AuditAction => `gift_${action}`;

/** Record kinds (entity_type). A tabular import writes `import:<kind>` (see importEntityType). */
export const AUDIT_ENTITY_LABELS = {
  user: "利用者",
  organisation: "組織",
  audit_log: "監査ログ",
  file: "ファイル",
  "import:organisations": "組織の一括登録",
  "import:vision-actuals": "新ビジョン指標の実績値の一括入力",
  // 局区方針
  policy_document: "局区方針",
  policy_challenge: "局区方針の課題",
  policy_progress: "課題の進捗",
  policy_statuses: "進捗ステータスの設定",
  // ふるさと納税
  furusato_supplier: "返礼品提供事業者",
  furusato_gift: "返礼品",
  furusato_listing: "掲載（寄附受付サイト）",
  furusato_portal: "寄附受付サイト",
  furusato_export: "一括出力",
  furusato_settings: "ふるさと納税の設定",
  furusato_donation: "寄附",
  furusato_donation_import: "寄附データの取込",
  furusato_donation_mapping: "寄附データの取込設定",
  furusato_shipment: "出荷依頼",
  furusato_one_stop_application: "ワンストップ特例申請",
  furusato_certificate: "受領証明書",
  furusato_certificate_batch: "受領証明書の一括発行",
  furusato_cost_entry: "経費",
  furusato_fund_use: "寄附金の使い道",
  furusato_reference_figures: "全国比較の参考データ",
  furusato_dashboard: "ふるさと納税ダッシュボード",
  furusato_survey_sheet: "現況調査の回答表",
  furusato_cost_ledger: "経費台帳",
  // 新ビジョン
  vision_plan: "新ビジョンの計画",
  vision_node: "施策体系",
  vision_indicator: "指標",
  vision_actual: "指標の実績値",
  vision_grade_rule: "評価基準",
  vision_round: "評価の回",
  vision_council_member: "有識者会議の委員",
  vision_council_meeting: "有識者会議",
  vision_council_comment: "有識者会議の意見",
  vision_declaration: "宣言",
  vision_outreach_event: "広報・出前講座",
  // 国際（海外出張）
  international_trip: "海外出張",
  international_travel_rate: "旅費の基準額",
  // 国際（分野・相手先・国際関連事業・来訪）
  international_field: "国際の分野",
  international_partner: "国際の相手先",
  international_project: "国際関連事業",
  international_received_visit: "来訪の記録",
  // 国際（テーマ別ワーキンググループ）
  international_working_group: "ワーキンググループ",
  international_wg_meeting: "ワーキンググループの会議",
  international_wg_idea_call: "アイデア募集",
  international_wg_idea: "ワーキンググループのアイデア",
  international_wg_action: "ワーキンググループのアクション",
  international_kintone_mapping: "kintone 取込の対応づけ",
  // SDGs（サステナブル経営認証）
  sdgs_round: "認証の募集回",
  sdgs_company: "申請企業",
  sdgs_application: "認証の申請",
  sdgs_evidence: "申請の証拠書類",
  sdgs_reviewer: "審査員",
  sdgs_review: "審査（採点）",
  sdgs_committee_meeting: "審査会",
  sdgs_certification: "認証",
  sdgs_progress_report: "取組状況の報告",
  sdgs_invitation: "旧登録制度の登録者への案内",
  sdgs_bank: "提携金融機関",
  sdgs_finance_link: "金融連携",
  // SDGs（SDGsステーション）
  sdgs_consultation: "ステーションの相談",
  sdgs_matching: "マッチング",
  sdgs_station_post: "ステーションのお知らせ・イベント",
  sdgs_station_cost: "ステーションの年間経費",
  // 広域連携（北九州都市圏域の情報ハブ）
  region_municipality: "連携市町",
  region_population: "市町の人口",
  region_import: "オープンデータの取込",
  region_item: "情報ハブの掲載情報",
  region_import_problem: "取込保留行",
  region_campaign: "プロモーション",
  region_campaign_metric: "プロモーションの実績値",
  region_export: "オープンデータの出力",
  region_analytics: "アクセス解析",
  "import:region-municipalities": "連携市町の一括登録",
  "import:region-populations": "市町の人口の一括登録",
  "import:region-campaign-metrics": "プロモーションの実績値の一括登録",
  // 広域連携（枠組み・連携事業・負担金）
  region_framework: "連携の枠組み",
  region_framework_member: "枠組みの構成団体",
  region_agreement: "連携の協定",
  region_project: "連携事業",
  region_project_budget: "連携事業の予算・財源",
  region_project_step: "連携事業の庁内調整",
  region_project_report: "連携事業の年次報告",
  region_candidate: "連携事業の候補",
  region_cost_rule: "負担金の算定ルール",
  region_cost_share: "負担金の算定",
  // 会議（広域連携・特区）
  meeting: "会議",
  meeting_followup: "会議の宿題（フォローアップ）",
  // 特区
  zones_proposal: "特区の規制改革提案",
  zones_proposal_step: "提案の手続",
  // 経営分析
  analysis_subject: "経営分析の対象・比較団体",
  analysis_figures: "経営分析の年度別数値",
  "import:analysis-figures": "経営分析の年度別数値の一括登録",
  analysis_facility: "経営分析の施設",
  analysis_measure: "経営分析の活動指標",
  analysis_review: "経営分析",
  analysis_action: "経営分析の今後の取組",
} as const;

export type AuditEntityType = keyof typeof AUDIT_ENTITY_LABELS;

/**
 * The record kind of a tabular import of `kind`. Import kinds are registered at run time, so the type cannot check
 * it: audit-labels.test.ts checks that every registered kind has its label here.
 */
export const importEntityType = (kind: string): AuditEntityType => `import:${kind}` as AuditEntityType;

/** 日本語 for an action code; an unknown (older) code is shown as it is. */
export function auditActionLabel(code: string): string {
  return (AUDIT_ACTION_LABELS as Record<string, string>)[code] ?? code;
}

/** 日本語 for a record kind; an unknown (older) kind is shown as it is. */
export function auditEntityLabel(code: string): string {
  const label = (AUDIT_ENTITY_LABELS as Record<string, string>)[code];
  if (label) return label;
  return code.startsWith("import:") ? `取込（${code.slice("import:".length)}）` : code;
}

/** Options for the pickers (操作・種類), in the table's order. */
export const AUDIT_ACTION_OPTIONS = Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label }));
export const AUDIT_ENTITY_OPTIONS = Object.entries(AUDIT_ENTITY_LABELS).map(([value, label]) => ({ value, label }));
