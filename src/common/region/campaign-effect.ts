// プロモーション（SNS投稿・動画・広告）: the campaign's words and the figures that compare campaigns per yen (the seed
// asks whether SNS and video promotion for young people is worth it: 意義・継続性・効果 per yen).
//
// Definitions (shown on the comparison page):
// - 訪問数 attributed to a campaign: views of the hub that arrived by its tagged link (?c=<tag>).
// - 訪問者数: the distinct visitors among them, counted per day (the visitor hash changes daily, so one person on two
//   days counts twice).
// - 到達数 (リーチ) etc.: the figures the platform reports, as of a measuring day (a running total); a campaign's figure is
//   the latest measurement. Reach of several campaigns adds up people reached twice: group totals are an upper bound.
// - 1訪問あたりの費用 = 費用 ÷ 訪問数 and 1訪問者あたりの費用 = 費用 ÷ 訪問者数 (円, rounded); none without visits.
// - 1,000円あたりの到達数 = 到達数 ÷ (費用 ÷ 1,000) (one decimal); none for a campaign without cost or reach.
// - 継続性: the share of the attributed visits that came more than 30 days after the campaign's 公開日.

export const CAMPAIGN_CHANNELS = ["x", "instagram", "tiktok", "youtube", "line", "facebook", "web", "print", "other"] as const;
export type CampaignChannel = (typeof CAMPAIGN_CHANNELS)[number];
export const CAMPAIGN_CHANNEL_LABELS: Record<CampaignChannel, string> = {
  x: "X（旧Twitter）",
  instagram: "Instagram",
  tiktok: "TikTok",
  youtube: "YouTube",
  line: "LINE",
  facebook: "Facebook",
  web: "ウェブサイト",
  print: "印刷物",
  other: "その他",
};

export const CAMPAIGN_KINDS = ["post", "video", "ad", "other"] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];
export const CAMPAIGN_KIND_LABELS: Record<CampaignKind, string> = {
  post: "投稿",
  video: "動画",
  ad: "広告",
  other: "その他",
};

/** A tag: lower-case letters, digits and hyphens, 2–40 characters, not starting with a hyphen (region_campaigns.tag). */
export const CAMPAIGN_TAG_PATTERN = /^[a-z0-9][a-z0-9-]{1,39}$/;
/** The link parameter that carries a campaign's tag into the hub. */
export const CAMPAIGN_PARAM = "c";
/** Days after 公開日 from which an attributed visit counts as 継続 (the campaign's link still brings people). */
export const LASTING_AFTER_DAYS = 30;

/** The tagged link of a campaign: <origin><target page>?c=<tag>. */
export function campaignLink(origin: string, targetPath: string, tag: string): string {
  return `${origin.replace(/\/$/, "")}${targetPath}?${CAMPAIGN_PARAM}=${encodeURIComponent(tag)}`;
}

export interface CampaignFigures {
  costYen: number;
  /** the platform's reach (latest measurement); null when none was entered */
  reach: number | null;
  visits: number;
  visitors: number;
  /** visits more than LASTING_AFTER_DAYS after 公開日 */
  lastingVisits: number;
}

export interface CampaignEffect {
  /** 1訪問あたりの費用（円） */
  costPerVisit: number | null;
  /** 1訪問者あたりの費用（円） */
  costPerVisitor: number | null;
  /** 1,000円あたりの到達数 */
  reachPer1000Yen: number | null;
  /** 継続性: lastingVisits ÷ visits (0–1) */
  lastingShare: number | null;
}

export function campaignEffect(f: CampaignFigures): CampaignEffect {
  return {
    costPerVisit: f.visits > 0 ? Math.round(f.costYen / f.visits) : null,
    costPerVisitor: f.visitors > 0 ? Math.round(f.costYen / f.visitors) : null,
    reachPer1000Yen: f.costYen > 0 && f.reach !== null ? Math.round((f.reach * 10_000) / f.costYen) / 10 : null,
    lastingShare: f.visits > 0 ? f.lastingVisits / f.visits : null,
  };
}

/** A group's figures: the sums of its campaigns' (reach: of those that have one; null when none has). */
export function sumFigures(list: readonly CampaignFigures[]): CampaignFigures {
  const reached = list.filter((f) => f.reach !== null);
  return {
    costYen: list.reduce((a, f) => a + f.costYen, 0),
    reach: reached.length > 0 ? reached.reduce((a, f) => a + (f.reach ?? 0), 0) : null,
    visits: list.reduce((a, f) => a + f.visits, 0),
    visitors: list.reduce((a, f) => a + f.visitors, 0),
    lastingVisits: list.reduce((a, f) => a + f.lastingVisits, 0),
  };
}
