// Japanese labels of the SDGs module's coded values (wards, industries, sizes, finance, the station's records), in one
// place for the screens, the exports and the public registry.

export const WARDS = ["moji", "kokurakita", "kokuraminami", "wakamatsu", "yahatahigashi", "yahatanishi", "tobata", "outside"] as const;
export type Ward = (typeof WARDS)[number];
export const WARD_LABELS: Record<Ward, string> = {
  moji: "門司区",
  kokurakita: "小倉北区",
  kokuraminami: "小倉南区",
  wakamatsu: "若松区",
  yahatahigashi: "八幡東区",
  yahatanishi: "八幡西区",
  tobata: "戸畑区",
  outside: "市外",
};

/** 日本標準産業分類（令和5年改定）の大分類 */
export const INDUSTRIES = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T"] as const;
export type Industry = (typeof INDUSTRIES)[number];
export const INDUSTRY_LABELS: Record<Industry, string> = {
  A: "農業，林業",
  B: "漁業",
  C: "鉱業，採石業，砂利採取業",
  D: "建設業",
  E: "製造業",
  F: "電気・ガス・熱供給・水道業",
  G: "情報通信業",
  H: "運輸業，郵便業",
  I: "卸売業，小売業",
  J: "金融業，保険業",
  K: "不動産業，物品賃貸業",
  L: "学術研究，専門・技術サービス業",
  M: "宿泊業，飲食サービス業",
  N: "生活関連サービス業，娯楽業",
  O: "教育，学習支援業",
  P: "医療，福祉",
  Q: "複合サービス事業",
  R: "サービス業（他に分類されないもの）",
  S: "公務（他に分類されるものを除く）",
  T: "分類不能の産業",
};

export const COMPANY_SIZES = ["large", "medium", "small", "micro"] as const;
export type CompanySize = (typeof COMPANY_SIZES)[number];
export const COMPANY_SIZE_LABELS: Record<CompanySize, string> = {
  large: "大企業",
  medium: "中堅企業",
  small: "中小企業",
  micro: "小規模事業者",
};

export const APPLICATION_KINDS = ["new", "renewal", "rank_up"] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];
export const APPLICATION_KIND_LABELS: Record<ApplicationKind, string> = { new: "新規", renewal: "更新", rank_up: "ランクアップ" };

export const FINANCE_PRODUCT_KINDS = ["loan", "guarantee", "sll", "private_placement", "other"] as const;
export type FinanceProductKind = (typeof FINANCE_PRODUCT_KINDS)[number];
export const FINANCE_PRODUCT_KIND_LABELS: Record<FinanceProductKind, string> = {
  loan: "融資",
  guarantee: "保証",
  sll: "サステナビリティ・リンク・ローン",
  private_placement: "私募債",
  other: "その他",
};

/** 金額帯, with each band's lower bound in yen (sums of bands are "at least" figures). */
export const AMOUNT_BANDS = ["under_10m", "10m_50m", "50m_100m", "100m_500m", "over_500m"] as const;
export type AmountBand = (typeof AMOUNT_BANDS)[number];
export const AMOUNT_BAND_LABELS: Record<AmountBand, string> = {
  under_10m: "1,000万円未満",
  "10m_50m": "1,000万円以上5,000万円未満",
  "50m_100m": "5,000万円以上1億円未満",
  "100m_500m": "1億円以上5億円未満",
  over_500m: "5億円以上",
};
export const AMOUNT_BAND_LOWER_YEN: Record<AmountBand, number> = {
  under_10m: 0,
  "10m_50m": 10_000_000,
  "50m_100m": 50_000_000,
  "100m_500m": 100_000_000,
  over_500m: 500_000_000,
};

export const CONSULTATION_CHANNELS = ["visit", "phone", "email", "online", "event", "outreach"] as const;
export type ConsultationChannel = (typeof CONSULTATION_CHANNELS)[number];
export const CONSULTATION_CHANNEL_LABELS: Record<ConsultationChannel, string> = {
  visit: "来所",
  phone: "電話",
  email: "メール",
  online: "オンライン",
  event: "イベント",
  outreach: "訪問（出張相談）",
};

export const CLIENT_KINDS = ["company", "organisation", "citizen", "student"] as const;
export type ClientKind = (typeof CLIENT_KINDS)[number];
export const CLIENT_KIND_LABELS: Record<ClientKind, string> = {
  company: "企業",
  organisation: "団体",
  citizen: "市民",
  student: "学生",
};

export const CONSULTATION_TOPICS = ["certification", "finance", "matching", "information", "event", "education", "other"] as const;
export type ConsultationTopic = (typeof CONSULTATION_TOPICS)[number];
export const CONSULTATION_TOPIC_LABELS: Record<ConsultationTopic, string> = {
  certification: "認証制度",
  finance: "資金調達・金融",
  matching: "マッチング",
  information: "情報提供",
  event: "イベント・セミナー",
  education: "学習・出前授業",
  other: "その他",
};

export const CONSULTATION_OUTCOMES = ["answered", "referred", "matching", "continuing", "closed"] as const;
export type ConsultationOutcome = (typeof CONSULTATION_OUTCOMES)[number];
export const CONSULTATION_OUTCOME_LABELS: Record<ConsultationOutcome, string> = {
  answered: "回答・助言で完了",
  referred: "他機関へ紹介",
  matching: "マッチングへ",
  continuing: "継続相談",
  closed: "対応終了（その他）",
};

export const MATCHING_STATUSES = ["requested", "introduced", "in_talks", "matched", "not_matched", "withdrawn"] as const;
export type MatchingStatus = (typeof MATCHING_STATUSES)[number];
export const MATCHING_STATUS_LABELS: Record<MatchingStatus, string> = {
  requested: "依頼受付",
  introduced: "紹介済み",
  in_talks: "協議中",
  matched: "成立",
  not_matched: "不成立",
  withdrawn: "取下げ",
};
