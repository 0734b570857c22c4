// 会議の種類: one kind of meeting for every partner (広域連携の枠組み・連携事業, 特区の提案). The database keeps the
// code; the label is shown.
export const MEETING_KINDS = [
  "summit",
  "council",
  "directors",
  "working_level",
  "study",
  "zone_council",
  "working_group",
  "advisory_council",
  "consultation",
  "other",
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  summit: "トップ会談（関門トップ会談など）",
  council: "協議会",
  directors: "部課長会議",
  working_level: "担当者会議",
  study: "勉強会",
  zone_council: "区域会議",
  working_group: "WG",
  advisory_council: "諮問会議",
  consultation: "事前相談・ヒアリング",
  other: "その他",
};
