// 特区の規制改革提案 (issue 18): the code names of a proposal's lists with their Japanese labels. The database's CHECK
// constraints (migrations/0024_zones.sql) hold the same lists.

/** 分野 */
export const PROPOSAL_FIELDS = ["space", "deeptech", "drone_air_mobility", "hydrogen_energy", "robotics", "healthcare", "other"] as const;
export type ProposalField = (typeof PROPOSAL_FIELDS)[number];
export const PROPOSAL_FIELD_LABELS: Record<ProposalField, string> = {
  space: "宇宙",
  deeptech: "ディープテック",
  drone_air_mobility: "ドローン・空飛ぶクルマ",
  hydrogen_energy: "水素・エネルギー",
  robotics: "ロボット",
  healthcare: "ヘルスケア",
  other: "その他",
};

/** 連携先の種別 */
export const PARTNER_KINDS = ["university", "company", "research_institute", "other"] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];
export const PARTNER_KIND_LABELS: Record<PartnerKind, string> = {
  university: "大学",
  company: "企業",
  research_institute: "研究機関",
  other: "その他",
};

/** 措置の範囲: 区域限定 / 全国 */
export const MEASURE_SCOPES = ["zone_only", "nationwide"] as const;
export type MeasureScope = (typeof MEASURE_SCOPES)[number];
export const MEASURE_SCOPE_LABELS: Record<MeasureScope, string> = { zone_only: "区域限定", nationwide: "全国" };

/** 措置の種類: 規制改革 / グレーゾーン解消 */
export const MEASURE_KINDS = ["regulatory_reform", "grey_zone"] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];
export const MEASURE_KIND_LABELS: Record<MeasureKind, string> = { regulatory_reform: "規制改革", grey_zone: "グレーゾーン解消" };

/** 添付の区分: 書類 (提案書・回答書・議事資料など) / 根拠資料 (調査研究のエビデンス) */
export const DOCUMENT_CATEGORIES = ["document", "evidence"] as const;
export type DocumentCategory = (typeof DOCUMENT_CATEGORIES)[number];
export const DOCUMENT_CATEGORY_LABELS: Record<DocumentCategory, string> = { document: "書類", evidence: "根拠資料" };
