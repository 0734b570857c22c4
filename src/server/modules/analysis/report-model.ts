// 経営分析報告書: what the report says, built once from the analysis, the subject's outline, its figures and its
// indicators, so that the PDF (report-pdf.ts) and the Word file (report-docx.ts) say the same. Pure: the charts are
// SVG text from common/analysis/charts.ts; dates and fiscal years in 和暦; a missing figure is 「—」, never 0.

import { peerChartSvg, trendChartSvg } from "../../../common/analysis/charts";
import { FIGURE_ITEMS, FIGURE_SECTION_LABELS } from "../../../common/analysis/figure-items";
import { formatIndicatorValue } from "../../../common/analysis/indicators";
import { ACTION_STATUS_LABELS } from "../../../common/analysis/labels";
import type { SubjectIndicatorsView } from "../../../common/api/analysis-figures";
import type { ReviewDetail } from "../../../common/api/analysis-reviews";
import { formatFiscalYear, formatWareki } from "../../../common/dates";

type IndicatorView = SubjectIndicatorsView["indicators"][number];

/** The subject's outline fields the analysis itself does not carry. */
export interface ReportSubjectOutline {
  purpose: string;
  cityRole: string;
  cityStakePercent: number | null;
  foundedYear: number | null;
}

/** A subject's yearly figures as the figures part shows them (linked ones included). */
export interface ReportFigures {
  measures: { id: string; name: string; unit: string }[];
  years: {
    fiscalYear: number;
    items: { code: string; value: number; source: string }[];
    measures: { measureId: string; value: number; source: string }[];
  }[];
}

export interface ReportChart {
  /** 図1, 図2 … */
  number: string;
  title: string;
  svg: string;
  /** the size the SVG was drawn at (px): the renderers scale it to the page */
  width: number;
  height: number;
  /** 「出典：…」 */
  source: string;
}

export interface ReportTable {
  header: string[];
  rows: string[][];
  /** columns (by index) aligned right: figures */
  numeric: number[];
}

export interface ReportIndicator {
  label: string;
  formula: string;
  trend: string;
  standing: string | null;
  charts: ReportChart[];
}

export interface ReportFinding {
  assessment: string;
  body: string;
  /** the indicators it rests on, by name */
  basis: string[];
  charts: ReportChart[];
}

export interface ReportModel {
  heading: string;
  subjectName: string;
  fiscalYearLabel: string;
  /** 作成日（和暦） and the sample mark */
  meta: string;
  outline: [string, string][];
  summary: string[];
  figures: { table: ReportTable | null; unitNote: string; source: string };
  indicatorTable: ReportTable | null;
  /** 「—」 in the indicators' table, explained */
  indicatorNote: string;
  /** 「比較団体：…」, or null without peers */
  peers: string | null;
  indicators: ReportIndicator[];
  viewpoints: { label: string; findings: ReportFinding[] }[];
  options: ReportTable;
  decision: [string, string][] | null;
  actions: ReportTable | null;
}

export interface ReportInput {
  review: ReviewDetail;
  outline: ReportSubjectOutline;
  figures: ReportFigures;
  indicators: SubjectIndicatorsView;
  /** YYYY-MM-DD */
  today: string;
}

/** The years the tables show: the latest ones up to the analysis year. */
const TABLE_YEARS = 5;
/** The years a trend chart spans at most. */
const CHART_YEARS = 10;
const CHART_WIDTH = 640;

/** The size an SVG chart was drawn at (its root's width and height), which the renderers scale to the page. */
export function sizeOf(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? "";
  const width = Number(/\swidth="([\d.]+)"/.exec(root)?.[1]);
  const height = Number(/\sheight="([\d.]+)"/.exec(root)?.[1]);
  return width > 0 && height > 0 ? { width, height } : { width: CHART_WIDTH, height: 300 };
}

/** The indicators the report draws (the others are in the table): the plan's key ones and every cost per unit. */
const CHARTED = new Set(["dependency", "self_revenue", "personnel_ratio", "facility_age"]);
const isCharted = (key: string) => CHARTED.has(key) || key.startsWith("cost_per:");

const lines = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((l) => l.trim())
    .filter(Boolean);

const orNone = (text: string) => (text.trim() ? text.trim() : "（記載なし）");

/** 1989 → 平成元年（1989年）: the era of the year's last day. */
export function yearLabel(year: number): string {
  try {
    const wareki = formatWareki(`${year}-12-31`);
    return `${wareki.slice(0, wareki.indexOf("年") + 1)}（${year}年）`;
  } catch {
    return `${year}年`;
  }
}

const fyShort = (fy: number) => formatFiscalYear(fy);

// ------------------------------------------------------------------------------------------ sources

/** Which figures an indicator is computed from (item code prefixes), to name its source. */
function itemPrefixesOf(key: string): string[] {
  if (["revenue_total", "city_money", "dependency", "self_revenue"].includes(key)) return ["revenue."];
  if (["expense_total", "personnel_ratio", "utilities_ratio"].includes(key)) return ["expense."];
  if (key === "balance") return ["revenue.", "expense."];
  if (["staff_total", "dispatched_ratio"].includes(key)) return ["staff."];
  if (key.startsWith("cost_per:")) return ["expense."];
  return [];
}

const OWN_FIGURES = "経営分析に入力・取り込んだ年度別数値";

/** 「出典：…」 of an indicator's chart: the sources of the figures it is computed from, linked modules named. */
export function sourceOf(view: SubjectIndicatorsView, indicator: IndicatorView, measureName: string | null, withPeers: boolean): string {
  const labels = new Set<string>();
  if (indicator.key === "facility_age") labels.add("経営分析に登録した施設（建築年・延床面積）");
  const prefixes = itemPrefixesOf(indicator.key);
  for (const s of view.sources) {
    const matches = prefixes.some((p) => s.item.startsWith(p)) || (measureName !== null && s.item === measureName);
    if (matches) labels.add(s.source === "linked" ? s.sourceLabel : OWN_FIGURES);
  }
  if (labels.size === 0) labels.add(OWN_FIGURES);
  if (withPeers) labels.add("比較団体は経営分析に登録した各団体の年度別数値");
  return `出典：${[...labels].join("、")}`;
}

// ------------------------------------------------------------------------------------------ charts

type Point = { fiscalYear: number; value: number | null };

/**
 * The years a trend chart spans: from the first to the last year in which the subject or a peer has a value (at most
 * CHART_YEARS, up to the analysis year); null when none has any, so that no empty chart is drawn.
 */
export function chartYears(all: readonly (readonly Point[])[], upTo: number): { from: number; to: number } | null {
  const known = all.flatMap((series) => series.filter((p) => p.value !== null && p.fiscalYear <= upTo).map((p) => p.fiscalYear));
  if (known.length === 0) return null;
  const to = Math.max(...known);
  return { from: Math.max(Math.min(...known), to - CHART_YEARS + 1), to };
}

function trendChart(review: ReviewDetail, indicator: IndicatorView, source: string, number: string): ReportChart | null {
  const span = chartYears([indicator.series, ...indicator.peers.map((p) => p.series)], review.fiscalYear);
  if (!span) return null;
  const within = (points: readonly Point[]) =>
    points.filter((p) => p.fiscalYear >= span.from && p.fiscalYear <= span.to).map((p) => ({ fiscalYear: p.fiscalYear, value: p.value }));
  const title = `${indicator.label}の推移`;
  const series = [
    { name: review.subject.name, points: within(indicator.series), emphasis: true },
    ...indicator.peers.map((peer) => ({ name: peer.name, points: within(peer.series) })),
  ];
  const svg = trendChartSvg({ title, unit: indicator.unit, series, width: CHART_WIDTH });
  return { number, title, svg, ...sizeOf(svg), source };
}

function peerChart(review: ReviewDetail, indicator: IndicatorView, source: string, number: string): ReportChart | null {
  const year = indicator.standing?.fiscalYear;
  if (year === undefined || indicator.peers.length === 0) return null;
  const at = (series: readonly { fiscalYear: number; value: number | null }[]) => series.find((p) => p.fiscalYear === year)?.value ?? null;
  const bars = [
    { name: review.subject.name, value: at(indicator.series), isSubject: true },
    ...indicator.peers.map((peer) => ({ name: peer.name, value: at(peer.series), isSubject: false })),
  ];
  if (bars.every((b) => b.value === null)) return null;
  // the chart adds the year to its own title
  const title = `${indicator.label}の比較`;
  const svg = peerChartSvg({ title, unit: indicator.unit, fiscalYear: year, bars, width: CHART_WIDTH });
  return { number, title: `${title}（${fyShort(year)}）`, svg, ...sizeOf(svg), source };
}

// ------------------------------------------------------------------------------------------ text of indicators

function trendText(indicator: IndicatorView): string {
  const t = indicator.trend;
  if (t.fromYear === null || t.toYear === null) return "値のある年度がありません。";
  if (t.change === null || t.fromYear === t.toYear) return `値があるのは${fyShort(t.toYear)}のみです。`;
  const unit = indicator.unit === "%" ? "ポイント" : indicator.unit;
  const digits = indicator.unit === "%" || indicator.unit === "年" ? 1 : 0;
  const sign = t.change > 0 ? "＋" : t.change < 0 ? "－" : "±";
  const amount = Math.abs(t.change).toLocaleString("ja-JP", { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const direction = t.direction === "up" ? "上昇" : t.direction === "down" ? "低下" : "横ばい";
  const gaps = t.missingYears.length ? `（値のない年度：${t.missingYears.map(fyShort).join("、")}）` : "";
  return `${fyShort(t.fromYear)}から${fyShort(t.toYear)}までに${sign}${amount}${unit}（${direction}）${gaps}`;
}

function standingText(indicator: IndicatorView): string | null {
  const s = indicator.standing;
  if (!s || indicator.peers.length === 0) return null;
  const fmt = (v: number | null) => formatIndicatorValue(indicator.unit, v);
  const place = s.rankHighFirst === null ? "対象の値がないため順位はありません" : `${s.of}団体中 高い方から${s.rankHighFirst}番目`;
  const missing = s.peersMissing.length ? `。データなし：${s.peersMissing.map((p) => `${p.name}（${p.missing}）`).join("、")}` : "";
  return `${fyShort(s.fiscalYear)}：${place}（中央値 ${fmt(s.median)}、最小 ${fmt(s.min)}、最大 ${fmt(s.max)}）${missing}`;
}

// ------------------------------------------------------------------------------------------ tables

/** 円 in 千円 (rounded), 人 as counted; null is 「—」. */
function figureCell(value: number | undefined, unit: string): string {
  if (value === undefined) return "—";
  if (unit === "円") return Math.round(value / 1000).toLocaleString("ja-JP");
  return value.toLocaleString("ja-JP", { maximumFractionDigits: 2 });
}

function figuresTable(input: ReportInput): ReportTable | null {
  const withFigures = input.figures.years.map((y) => y.fiscalYear).filter((fy) => fy <= input.review.fiscalYear);
  if (withFigures.length === 0) return null;
  // consecutive years up to the latest with figures, so that a year without any shows as a column of 「—」
  const last = Math.max(...withFigures);
  const first = Math.max(Math.min(...withFigures), last - TABLE_YEARS + 1);
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const byYear = new Map(input.figures.years.map((y) => [y.fiscalYear, y]));
  const rows: string[][] = [];
  for (const item of FIGURE_ITEMS) {
    const values = years.map((fy) => byYear.get(fy)?.items.find((i) => i.code === item.code)?.value);
    if (values.every((v) => v === undefined)) continue;
    const unit = item.unit === "円" ? "千円" : "人";
    rows.push([`${FIGURE_SECTION_LABELS[item.section]}：${item.label}（${unit}）`, ...values.map((v) => figureCell(v, item.unit))]);
  }
  for (const measure of input.figures.measures) {
    const values = years.map((fy) => byYear.get(fy)?.measures.find((m) => m.measureId === measure.id)?.value);
    if (values.every((v) => v === undefined)) continue;
    rows.push([`活動：${measure.name}（${measure.unit}）`, ...values.map((v) => figureCell(v, measure.unit))]);
  }
  if (rows.length === 0) return null;
  return { header: ["項目", ...years.map(fyShort)], rows, numeric: years.map((_, i) => i + 1) };
}

function figuresSource(input: ReportInput): string {
  const labels = new Set<string>();
  for (const year of input.figures.years) {
    for (const v of [...year.items, ...year.measures]) if (v.source !== "linked") labels.add(OWN_FIGURES);
  }
  for (const s of input.indicators.sources) if (s.source === "linked") labels.add(s.sourceLabel);
  if (labels.size === 0) labels.add(OWN_FIGURES);
  return `出典：${[...labels].join("、")}`;
}

function indicatorTable(input: ReportInput): ReportTable | null {
  const indicators = input.indicators.indicators;
  const years = (indicators[0]?.series ?? [])
    .map((p) => p.fiscalYear)
    .filter((fy) => fy <= input.review.fiscalYear)
    .slice(-TABLE_YEARS);
  if (years.length === 0) return null;
  const rows = indicators.map((indicator) => [
    indicator.label,
    ...years.map((fy) => formatIndicatorValue(indicator.unit, indicator.series.find((p) => p.fiscalYear === fy)?.value ?? null)),
  ]);
  return { header: ["指標", ...years.map(fyShort)], rows, numeric: years.map((_, i) => i + 1) };
}

function actionsTable(review: ReviewDetail): ReportTable | null {
  if (review.actions.length === 0) return null;
  return {
    header: ["取組", "担当", "期限", "状態", "結果"],
    rows: review.actions.map((a) => [
      a.detail ? `${a.title}\n${a.detail}` : a.title,
      [a.ownerOrganisationName, a.ownerName].filter(Boolean).join("・") || "—",
      a.dueOn ? formatWareki(a.dueOn) : "—",
      a.status === "done" && a.doneOn ? `${ACTION_STATUS_LABELS.done}（${formatWareki(a.doneOn)}）` : ACTION_STATUS_LABELS[a.status],
      a.result || "—",
    ]),
    numeric: [],
  };
}

// ------------------------------------------------------------------------------------------ the model

export function reportModel(input: ReportInput): ReportModel {
  const { review, outline, indicators: view } = input;
  const subject = review.subject;
  let figureNo = 0;
  const nextNumber = () => `図${++figureNo}`;
  const measureName = (key: string) => {
    const id = key.startsWith("cost_per:") ? key.slice("cost_per:".length) : null;
    return id ? (input.figures.measures.find((m) => m.id === id)?.name ?? null) : null;
  };
  const chartsOf = (indicator: IndicatorView, withPeerChart: boolean): ReportChart[] => {
    const withPeers = indicator.peers.length > 0;
    const source = sourceOf(view, indicator, measureName(indicator.key), withPeers);
    const charts = [
      trendChart(review, indicator, source, ""),
      withPeerChart && withPeers ? peerChart(review, indicator, source, "") : null,
    ];
    // numbered once drawn: an indicator without any value has no chart, and the numbers stay consecutive
    return charts.filter((c): c is ReportChart => c !== null).map((c) => ({ ...c, number: nextNumber() }));
  };

  const charted = view.indicators.filter((i) => isCharted(i.key));
  const indicators = charted.map((indicator) => ({
    label: indicator.label,
    formula: indicator.formula,
    trend: trendText(indicator),
    standing: standingText(indicator),
    charts: chartsOf(indicator, true),
  }));

  const byKey = new Map(view.indicators.map((i) => [i.key, i]));
  const viewpoints: ReportModel["viewpoints"] = [];
  for (const f of review.findings) {
    let group = viewpoints.find((v) => v.label === f.viewpointLabel);
    if (!group) {
      group = { label: f.viewpointLabel, findings: [] };
      viewpoints.push(group);
    }
    const basis = f.indicators.map((key) => byKey.get(key)).filter((i): i is IndicatorView => i !== undefined);
    group.findings.push({
      assessment: f.assessmentLabel ?? "評価なし",
      body: f.body,
      basis: basis.map((i) => i.label),
      charts: basis.flatMap((i) => chartsOf(i, false)),
    });
  }

  const peerNames = (view.indicators[0]?.peers ?? []).map((p) => p.name);
  const chosen = review.options.find((o) => o.option === review.chosenOption);
  return {
    heading: "経営分析報告書",
    subjectName: subject.name,
    fiscalYearLabel: formatFiscalYear(review.fiscalYear),
    meta: `作成日：${formatWareki(input.today)}${review.isSample ? "　※サンプルデータ" : ""}`,
    outline: [
      ["名称", subject.name],
      ["種別", subject.kindLabel],
      ...(subject.affiliateLabel ? [["区分", subject.affiliateLabel] as [string, string]] : []),
      ["所管課", subject.leadOrganisationName ?? "—"],
      ["所管局", subject.bureauName ?? "—"],
      ["目的", orNone(outline.purpose)],
      ["市の役割", orNone(outline.cityRole)],
      [
        "市の出資比率",
        outline.cityStakePercent === null
          ? "—（出資なし・不明）"
          : `${outline.cityStakePercent.toLocaleString("ja-JP", { maximumFractionDigits: 2 })}%`,
      ],
      ["設立", outline.foundedYear === null ? "—" : yearLabel(outline.foundedYear)],
      ["分析年度", formatFiscalYear(review.fiscalYear)],
      ["分析の状態", review.statusLabel],
    ],
    summary: lines(review.summary),
    figures: {
      table: figuresTable(input),
      unitNote: "単位：金額は千円（千円未満四捨五入）、職員は人。「—」は未入力（0ではありません）。",
      source: figuresSource(input),
    },
    indicatorTable: indicatorTable(input),
    indicatorNote: "「—」は算出に必要な数値がないことを示します（0ではありません）。",
    peers: peerNames.length ? `比較団体：${peerNames.join("、")}` : null,
    indicators,
    viewpoints,
    options: {
      header: ["選択肢", "検討の内容", "決定"],
      rows: review.options.map((o) => [o.label, o.assessment || "（検討なし）", o.option === review.chosenOption ? "◎ 選択" : ""]),
      numeric: [],
    },
    decision:
      review.status === "decided" && chosen
        ? [
            ["選んだ方向性", chosen.label],
            ["決定の内容", review.decision],
            ["決定日", review.decidedOn ? formatWareki(review.decidedOn) : "—"],
            ["決定した会議体", review.decidedBy || "—"],
          ]
        : null,
    actions: actionsTable(review),
  };
}

/** The file name of the report, without extension. */
export function reportFileBase(review: ReviewDetail): string {
  return `経営分析報告書_${review.subject.name}_${formatFiscalYear(review.fiscalYear)}`.replace(/[\\/:*?"<>|\s]+/g, "_").slice(0, 80);
}
