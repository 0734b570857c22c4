// 経営分析の図: the trend of an indicator over fiscal years (a line per body) and the peer comparison of one year
// (horizontal bars), as plain SVG strings. The same strings are shown on the pages (web Charts.tsx) and drawn into the
// PDF and Word reports, so they use presentation attributes only (no CSS, no scripts) and the Noto Sans JP font.
// A missing year is a gap in the line and a body without a value is 「データなし」: neither is ever drawn as 0.
import { formatFiscalYear } from "../dates";

export type ChartUnit = "%" | "円" | "年" | "人";

export interface TrendSeries {
  name: string;
  points: { fiscalYear: number; value: number | null }[];
  /** the subject's own line: drawn thicker */
  emphasis?: boolean;
}

export interface TrendChartInput {
  title: string;
  unit: ChartUnit;
  series: TrendSeries[];
  width?: number;
  height?: number;
}

export interface PeerBar {
  name: string;
  value: number | null;
  isSubject: boolean;
}

export interface PeerChartInput {
  title: string;
  unit: ChartUnit;
  fiscalYear: number;
  bars: PeerBar[];
  width?: number;
  height?: number;
}

export const CHART_FONT = "Noto Sans JP, sans-serif";
export const SUBJECT_COLOUR = "#1f5fbf";
/** peers' colours: distinct from the subject's blue and from each other, dark enough on white */
export const PEER_COLOURS = ["#c2410c", "#2b8a3e", "#862e9c", "#a15c00", "#0b7285", "#5f3dc4", "#a61e4d", "#495057"];
const GRID = "#dee2e6";
const INK = "#212529";
const MUTED = "#495057";

/** Text for an SVG attribute or element: &, <, >, " and ' escaped. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c] as string);
}

const ERA_LETTERS: Record<string, string> = { 令和: "R", 平成: "H", 昭和: "S" };

/** 「R6」 for 2024, 「R1」 for 2019 (令和元年度), 「H30」 for 2018: the axis label of a fiscal year. */
export function shortFiscalYear(fy: number): string {
  const full = formatFiscalYear(fy);
  const m = /^(令和|平成|昭和)(元|\d+)年度$/.exec(full);
  if (!m) return String(fy);
  return `${ERA_LETTERS[m[1] as string]}${m[2] === "元" ? 1 : m[2]}`;
}

/** How the axis writes amounts: yen in 千円 or 百万円 once the figures are large, the other units as they are. */
function scaleOf(unit: ChartUnit, maxAbs: number): { divisor: number; unitLabel: string } {
  if (unit === "円" && maxAbs >= 1e8) return { divisor: 1e6, unitLabel: "百万円" };
  if (unit === "円" && maxAbs >= 1e5) return { divisor: 1e3, unitLabel: "千円" };
  return { divisor: 1, unitLabel: unit };
}

/** A round step for about five gridlines (1, 2 or 5 × 10ⁿ) covering lo..hi (0 always inside). */
function axisOf(lo: number, hi: number): { min: number; max: number; step: number } {
  const low = Math.min(lo, 0);
  const high = Math.max(hi, 0);
  const span = high - low || Math.abs(high) || 1;
  const magnitude = 10 ** Math.floor(Math.log10(span / 5));
  const step = [1, 2, 2.5, 5, 10].map((s) => s * magnitude).find((s) => span / s <= 5) ?? 10 * magnitude;
  const min = Math.floor(low / step) * step;
  const max = Math.ceil(high / step) * step;
  return { min, max: max === min ? min + step : max, step };
}

function formatTick(value: number): string {
  const rounded = Math.round(value * 1000) / 1000;
  return rounded.toLocaleString("ja-JP", { maximumFractionDigits: 2 });
}

/** A value as its label beside a bar or in a point's tooltip: % and 年 with one decimal, the rest whole. */
export function formatChartValue(unit: ChartUnit, value: number): string {
  if (unit === "%" || unit === "年")
    return `${value.toLocaleString("ja-JP", { minimumFractionDigits: 1, maximumFractionDigits: 1 })}${unit}`;
  return `${Math.round(value).toLocaleString("ja-JP")}${unit}`;
}

const text = (x: number, y: number, body: string, attrs = "") =>
  `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-family="${CHART_FONT}" ${attrs}>${escapeXml(body)}</text>`;

const f = (n: number) => n.toFixed(1);

/** The years of every series, oldest first, with every year between the first and the last (so a gap shows). */
function yearsOf(series: readonly TrendSeries[]): number[] {
  const all = series.flatMap((s) => s.points.map((p) => p.fiscalYear));
  if (all.length === 0) return [];
  const first = Math.min(...all);
  const last = Math.max(...all);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/**
 * The trend of an indicator: a line per series over the fiscal years (和暦 on the axis, 「R6」), broken where a year
 * has no value, with a point on every known value; the legend names the series and the years in full.
 */
export function trendChartSvg(input: TrendChartInput): string {
  const width = input.width ?? 640;
  const series = input.series;
  const legendRows = Math.ceil(series.length / 3);
  const height = input.height ?? 300 + legendRows * 18;
  const years = yearsOf(series);
  const values = series.flatMap((s) => s.points.map((p) => p.value)).filter((v): v is number => v !== null);
  const maxAbs = Math.max(0, ...values.map(Math.abs));
  const { divisor, unitLabel } = scaleOf(input.unit, maxAbs);
  const scaled = values.map((v) => v / divisor);
  const axis = axisOf(Math.min(0, ...scaled), Math.max(0, ...scaled));
  const left = 64;
  const right = 16;
  const top = 44;
  const bottom = 52 + legendRows * 18;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const x = (fy: number) => left + (years.length <= 1 ? plotW / 2 : ((fy - (years[0] as number)) / (years.length - 1)) * plotW);
  const y = (v: number) => top + plotH - ((v / divisor - axis.min) / (axis.max - axis.min)) * plotH;

  const parts: string[] = [];
  parts.push(text(left, 20, input.title, `font-size="15" font-weight="bold" fill="${INK}"`));
  parts.push(text(left, 36, `単位: ${unitLabel}`, `font-size="11" fill="${MUTED}"`));
  for (let tick = axis.min; tick <= axis.max + axis.step / 1000; tick += axis.step) {
    const ty = top + plotH - ((tick - axis.min) / (axis.max - axis.min)) * plotH;
    parts.push(
      `<line x1="${left}" x2="${width - right}" y1="${f(ty)}" y2="${f(ty)}" stroke="${tick === 0 ? MUTED : GRID}" stroke-width="1"/>`,
    );
    parts.push(text(left - 6, ty + 4, formatTick(tick), `font-size="11" fill="${MUTED}" text-anchor="end"`));
  }
  for (const fy of years) {
    parts.push(text(x(fy), top + plotH + 18, shortFiscalYear(fy), `font-size="11" fill="${MUTED}" text-anchor="middle"`));
  }
  if (values.length === 0) {
    parts.push(text(left + plotW / 2, top + plotH / 2, "データなし", `font-size="13" fill="${MUTED}" text-anchor="middle"`));
  }

  series.forEach((s, i) => {
    const colour = s.emphasis ? SUBJECT_COLOUR : (PEER_COLOURS[i % PEER_COLOURS.length] as string);
    const strokeWidth = s.emphasis ? 3 : 1.8;
    const dash = s.emphasis ? "" : ' stroke-dasharray="6 3"';
    const byYear = new Map(s.points.map((p) => [p.fiscalYear, p.value]));
    // runs of consecutive years with a value: a missing year ends a run, so the line breaks there
    let run: number[] = [];
    const runs: number[][] = [];
    for (const fy of years) {
      if (byYear.get(fy) == null) {
        if (run.length) runs.push(run);
        run = [];
      } else run.push(fy);
    }
    if (run.length) runs.push(run);
    const name = escapeXml(s.name);
    parts.push(`<g data-series="${name}">`);
    for (const r of runs.filter((r) => r.length > 1)) {
      const d = r.map((fy, k) => `${k === 0 ? "M" : "L"}${f(x(fy))},${f(y(byYear.get(fy) as number))}`).join(" ");
      parts.push(`<path d="${d}" fill="none" stroke="${colour}" stroke-width="${strokeWidth}"${dash}/>`);
    }
    for (const fy of runs.flat()) {
      const v = byYear.get(fy) as number;
      parts.push(
        `<circle cx="${f(x(fy))}" cy="${f(y(v))}" r="${s.emphasis ? 4 : 3}" fill="${colour}" data-fiscal-year="${fy}" data-value="${v}"><title>${name} ${escapeXml(formatFiscalYear(fy))}: ${escapeXml(formatChartValue(input.unit, v))}</title></circle>`,
      );
    }
    parts.push("</g>");
  });

  // legend: the series (three a row), then the years in full
  const legendTop = top + plotH + 36;
  const colW = plotW / 3;
  series.forEach((s, i) => {
    const colour = s.emphasis ? SUBJECT_COLOUR : (PEER_COLOURS[i % PEER_COLOURS.length] as string);
    const lx = left + (i % 3) * colW;
    const ly = legendTop + Math.floor(i / 3) * 18;
    parts.push(
      `<line x1="${f(lx)}" x2="${f(lx + 18)}" y1="${f(ly - 4)}" y2="${f(ly - 4)}" stroke="${colour}" stroke-width="${s.emphasis ? 3 : 1.8}"${s.emphasis ? "" : ' stroke-dasharray="6 3"'}/>`,
    );
    const label = s.name.length > 18 ? `${s.name.slice(0, 17)}…` : s.name;
    parts.push(text(lx + 24, ly, label, `font-size="11" fill="${INK}"${s.emphasis ? ' font-weight="bold"' : ""}`));
  });
  if (years.length > 0) {
    const first = years[0] as number;
    const last = years.at(-1) as number;
    const span =
      first === last
        ? `${shortFiscalYear(first)}＝${formatFiscalYear(first)}`
        : `${shortFiscalYear(first)}＝${formatFiscalYear(first)}（${first}年度）〜${shortFiscalYear(last)}＝${formatFiscalYear(last)}（${last}年度）`;
    parts.push(text(left, height - 8, `年度: ${span}。値のない年度は線を切っています`, `font-size="10" fill="${MUTED}"`));
  }

  return svg(width, height, input.title, parts);
}

/**
 * Where the subject stands among its peers in one fiscal year: a horizontal bar per body, the subject's emphasised,
 * 「データなし」 for a body without a value (no bar).
 */
export function peerChartSvg(input: PeerChartInput): string {
  const width = input.width ?? 640;
  const rowH = 26;
  const top = 48;
  const bottom = 24;
  const height = input.height ?? top + bottom + Math.max(1, input.bars.length) * rowH;
  const left = 200;
  const right = 96;
  const plotW = width - left - right;
  const values = input.bars.map((b) => b.value).filter((v): v is number => v !== null);
  const maxAbs = Math.max(0, ...values.map(Math.abs));
  const { divisor, unitLabel } = scaleOf(input.unit, maxAbs);
  const lo = Math.min(0, ...values.map((v) => v / divisor));
  const hi = Math.max(0, ...values.map((v) => v / divisor));
  const span = hi - lo || 1;
  const x = (v: number) => left + ((v / divisor - lo) / span) * plotW;
  const zeroX = x(0);

  const parts: string[] = [];
  parts.push(text(8, 20, `${input.title}（${formatFiscalYear(input.fiscalYear)}）`, `font-size="15" font-weight="bold" fill="${INK}"`));
  parts.push(text(8, 36, `単位: ${unitLabel}`, `font-size="11" fill="${MUTED}"`));
  parts.push(`<line x1="${f(zeroX)}" x2="${f(zeroX)}" y1="${top - 4}" y2="${height - bottom + 4}" stroke="${MUTED}" stroke-width="1"/>`);
  input.bars.forEach((b, i) => {
    const cy = top + i * rowH + rowH / 2;
    const label = b.name.length > 15 ? `${b.name.slice(0, 14)}…` : b.name;
    const weight = b.isSubject ? ' font-weight="bold"' : "";
    parts.push(`<g data-bar="${escapeXml(b.name)}"${b.value === null ? ' data-missing="true"' : ` data-value="${b.value}"`}>`);
    parts.push(`<title>${escapeXml(b.name)}</title>`);
    parts.push(text(left - 8, cy + 4, label, `font-size="12" fill="${INK}" text-anchor="end"${weight}`));
    if (b.value === null) {
      parts.push(text(zeroX + 6, cy + 4, "データなし", `font-size="11" fill="${MUTED}"`));
    } else {
      const end = x(b.value);
      const x0 = Math.min(zeroX, end);
      const w = Math.max(Math.abs(end - zeroX), 1);
      const colour = b.isSubject ? SUBJECT_COLOUR : "#8fa3bf";
      parts.push(`<rect x="${f(x0)}" y="${f(cy - 8)}" width="${f(w)}" height="16" fill="${colour}"/>`);
      parts.push(text(Math.max(zeroX, end) + 6, cy + 4, formatChartValue(input.unit, b.value), `font-size="11" fill="${INK}"${weight}`));
    }
    parts.push("</g>");
  });
  if (input.bars.length === 0) parts.push(text(left, top + 16, "比較団体がありません", `font-size="12" fill="${MUTED}"`));
  return svg(width, height, `${input.title}（${formatFiscalYear(input.fiscalYear)}）`, parts);
}

function svg(width: number, height: number, title: string, parts: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" font-family="${CHART_FONT}">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
    ...parts,
    "</svg>",
  ].join("");
}
