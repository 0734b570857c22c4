// 経営分析: the codes of a subject's kind, the plan's viewpoints, the options and the assessments, with their Japanese
// labels (the same lists as the CHECKs of migrations/0025_analysis.sql).

export const SUBJECT_ROLES = ["subject", "peer"] as const;
export type SubjectRole = (typeof SUBJECT_ROLES)[number];
export const SUBJECT_ROLE_LABELS: Record<SubjectRole, string> = { subject: "分析対象", peer: "比較団体" };

export const SUBJECT_KINDS = [
  "programme",
  "network",
  "public_interest_foundation",
  "general_foundation",
  "public_interest_association",
  "general_association",
  "company",
  "public_university",
  "national_university",
  "school_corporation",
  "other",
] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];
export const SUBJECT_KIND_LABELS: Record<SubjectKind, string> = {
  programme: "事業・拠点",
  network: "国際ネットワーク",
  public_interest_foundation: "公益財団法人",
  general_foundation: "一般財団法人",
  public_interest_association: "公益社団法人",
  general_association: "一般社団法人",
  company: "株式会社",
  public_university: "公立大学法人",
  national_university: "国立大学法人",
  school_corporation: "学校法人",
  other: "その他",
};

/** 外郭団体 were renamed 政策連携団体 from 2025-04-01 (令和7年度); both labels stay, since older analyses use the old one. */
export const AFFILIATE_RENAMED_FISCAL_YEAR = 2025;

/** The label of an affiliated body in a fiscal year: the name of that year first, the other in brackets. */
export function affiliateLabel(fiscalYear: number): string {
  return fiscalYear >= AFFILIATE_RENAMED_FISCAL_YEAR ? "政策連携団体（旧：外郭団体）" : "外郭団体（令和7年度から政策連携団体）";
}

export const VIEWPOINTS = ["necessity", "role", "efficiency", "governance", "finance"] as const;
export type Viewpoint = (typeof VIEWPOINTS)[number];
export const VIEWPOINT_LABELS: Record<Viewpoint, string> = {
  necessity: "必要性",
  role: "役割",
  efficiency: "効率性・有効性",
  governance: "運営体制",
  finance: "財務",
};

export const OPTIONS = ["continue", "revise", "integrate", "privatise", "abolish"] as const;
export type AnalysisOption = (typeof OPTIONS)[number];
export const OPTION_LABELS: Record<AnalysisOption, string> = {
  continue: "継続",
  revise: "見直し",
  integrate: "統合",
  privatise: "民間移行",
  abolish: "廃止",
};

export const ASSESSMENTS = ["adequate", "issue", "improve"] as const;
export type Assessment = (typeof ASSESSMENTS)[number];
export const ASSESSMENT_LABELS: Record<Assessment, string> = { adequate: "適切", issue: "課題あり", improve: "要改善" };

export const REVIEW_STATUSES = ["draft", "decided"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = { draft: "分析中", decided: "決定済み" };

export const ACTION_STATUSES = ["open", "done"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = { open: "未完了", done: "完了" };
