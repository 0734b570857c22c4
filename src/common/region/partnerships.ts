// 広域連携 (issue 18): the code names of frameworks, members and joint projects, with their Japanese labels. The
// database's CHECK constraints (0019_region_partnerships.sql) hold the same lists.

/** 枠組みの種類: 都市間連携 (関門・福北) / 連携中枢都市圏 / その他 */
export const FRAMEWORK_KINDS = ["city_pair", "metropolitan_area", "other"] as const;
export type FrameworkKind = (typeof FRAMEWORK_KINDS)[number];
export const FRAMEWORK_KIND_LABELS: Record<FrameworkKind, string> = {
  city_pair: "都市間連携",
  metropolitan_area: "連携中枢都市圏",
  other: "その他",
};

/** 構成団体の役割: 中心市 (北九州市) / 連携市町 / 相手市 (下関市・福岡市) */
export const MEMBER_ROLES = ["central_city", "partner", "counterpart"] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
export const MEMBER_ROLE_LABELS: Record<MemberRole, string> = {
  central_city: "中心市",
  partner: "連携市町",
  counterpart: "相手市",
};

/** 連携事業の状態, in their order: 構想 → 協議中 → 合意 → 実施中 → 終了 */
export const PROJECT_STATUSES = ["concept", "negotiating", "agreed", "running", "ended"] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  concept: "構想",
  negotiating: "協議中",
  agreed: "合意",
  running: "実施中",
  ended: "終了",
};

/** 財源の種類 (a project's funding sources per fiscal year) */
export const FUNDING_SOURCES = [
  "special_allocation_tax",
  "ordinary_allocation_tax",
  "grant",
  "member_contribution",
  "general_revenue",
] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];
export const FUNDING_SOURCE_LABELS: Record<FundingSource, string> = {
  special_allocation_tax: "特別交付税",
  ordinary_allocation_tax: "普通交付税",
  grant: "交付金",
  member_contribution: "負担金",
  general_revenue: "一般財源",
};
