// 経営分析: the yearly figures a subject or peer has (収入の内訳, 支出の内訳, 職員数, 資産), and the figures that other
// modules hold and the analysis reads from their index instead (linked sources). The codes are stored in
// analysis_figures.item; the import's headers are the labels (or the codes).

export const FIGURE_SECTIONS = ["revenue", "expense", "staff", "assets"] as const;
export type FigureSection = (typeof FIGURE_SECTIONS)[number];
export const FIGURE_SECTION_LABELS: Record<FigureSection, string> = {
  revenue: "収入",
  expense: "支出",
  staff: "職員",
  assets: "資産",
};

/** city: money from the city (市からの収入); own: 自主財源; other: neither (国・県などの補助金). */
export type RevenueOrigin = "city" | "own" | "other";

export interface FigureItem {
  code: string;
  section: FigureSection;
  label: string;
  unit: "円" | "人";
  /** revenue items only */
  origin?: RevenueOrigin;
}

export const FIGURE_ITEMS = [
  { code: "revenue.city_grant", section: "revenue", label: "運営費交付金（市）", unit: "円", origin: "city" },
  { code: "revenue.city_subsidy", section: "revenue", label: "補助金（市）", unit: "円", origin: "city" },
  { code: "revenue.city_contract", section: "revenue", label: "委託料・指定管理料（市）", unit: "円", origin: "city" },
  { code: "revenue.other_public", section: "revenue", label: "国・県等の補助金・委託料", unit: "円", origin: "other" },
  { code: "revenue.own_tuition", section: "revenue", label: "授業料", unit: "円", origin: "own" },
  { code: "revenue.own_admission", section: "revenue", label: "入学金・検定料", unit: "円", origin: "own" },
  { code: "revenue.own_business", section: "revenue", label: "事業収入", unit: "円", origin: "own" },
  { code: "revenue.own_donation", section: "revenue", label: "会費・寄附金", unit: "円", origin: "own" },
  { code: "revenue.own_investment", section: "revenue", label: "運用収入（基本財産運用益等）", unit: "円", origin: "own" },
  { code: "revenue.own_other", section: "revenue", label: "その他の自主財源", unit: "円", origin: "own" },
  { code: "expense.personnel", section: "expense", label: "人件費", unit: "円" },
  { code: "expense.goods", section: "expense", label: "物件費", unit: "円" },
  { code: "expense.utilities", section: "expense", label: "光熱水費", unit: "円" },
  { code: "expense.facility", section: "expense", label: "施設修繕・更新費", unit: "円" },
  { code: "expense.other", section: "expense", label: "その他の経費", unit: "円" },
  // a total without its breakdown (the SDGsステーション's 年間経費, the international projects' 決算額)
  { code: "expense.unitemised", section: "expense", label: "経費（内訳なし）", unit: "円" },
  { code: "staff.full_time", section: "staff", label: "常勤職員数", unit: "人" },
  { code: "staff.part_time", section: "staff", label: "非常勤職員数", unit: "人" },
  // うち数: counted in 常勤 or 非常勤 too
  { code: "staff.city_dispatched", section: "staff", label: "うち市からの派遣職員数", unit: "人" },
  { code: "assets.total", section: "assets", label: "総資産", unit: "円" },
  { code: "assets.endowment", section: "assets", label: "基本財産", unit: "円" },
  { code: "assets.net", section: "assets", label: "正味財産・純資産", unit: "円" },
] as const satisfies readonly FigureItem[];

export type FigureItemCode = (typeof FIGURE_ITEMS)[number]["code"];
export const FIGURE_ITEM_CODES = FIGURE_ITEMS.map((i) => i.code) as FigureItemCode[];

const BY_CODE = new Map<string, FigureItem>(FIGURE_ITEMS.map((i) => [i.code, i]));

export function figureItem(code: string): FigureItem | undefined {
  return BY_CODE.get(code);
}

export function isFigureItemCode(code: string): code is FigureItemCode {
  return BY_CODE.has(code);
}

/** The items of a section, in the catalogue's order. */
export function itemsOf(section: FigureSection): FigureItem[] {
  return FIGURE_ITEMS.filter((i) => i.section === section);
}

// ------------------------------------------------------------------------------------------ linked sources

export const LINKED_SOURCES = ["sdgs.station", "international.programmes"] as const;
export type LinkedSource = (typeof LINKED_SOURCES)[number];

export interface LinkedMeasure {
  /** analysis_measures.linked_figure */
  key: string;
  name: string;
  unit: string;
  /** 単位あたりコスト is computed on it */
  isCostBasis: boolean;
}

export interface LinkedSourceInfo {
  /** where the figures come from, as the subject's page names it */
  label: string;
  /** figure items the source provides (never typed for the subject) */
  items: FigureItemCode[];
  measures: LinkedMeasure[];
}

export const LINKED_SOURCE_INFO: Record<LinkedSource, LinkedSourceInfo> = {
  "sdgs.station": {
    label: "SDGsモジュール（SDGsステーションの統計・年間経費）",
    items: ["expense.unitemised"],
    measures: [
      { key: "sdgs.consultations", name: "相談件数", unit: "件", isCostBasis: true },
      { key: "sdgs.matchings_requested", name: "マッチング依頼件数", unit: "件", isCostBasis: false },
      { key: "sdgs.matchings_made", name: "マッチング成立件数", unit: "件", isCostBasis: true },
    ],
  },
  "international.programmes": {
    label: "国際モジュール（国際関連事業データベース・海外出張管理）",
    items: ["expense.unitemised"],
    measures: [
      { key: "international.projects", name: "実施事業数", unit: "事業", isCostBasis: true },
      { key: "international.trips", name: "海外出張数", unit: "件", isCostBasis: false },
      { key: "international.indicators_met", name: "目標を達成した成果指標数", unit: "指標", isCostBasis: false },
    ],
  },
};

/** Whether a figure item of a subject with this linked source is read from the other module (and so never typed). */
export function isLinkedItem(source: LinkedSource | null, code: string): boolean {
  return !!source && (LINKED_SOURCE_INFO[source].items as string[]).includes(code);
}
