// The figures of 全国比較 (ComparisonPage.tsx) without the screen: the page's Japanese text, the table's rows for the
// year shown (sorted with missing figures last), the percentages as shown, and the CSV of what is shown.
import type { ComparisonResult, ComparisonYear, ReferenceBody } from "../../../common/api/furusato-reference";
import { OWN_BODY_CODE, REFERENCE_ATTRIBUTION, REFERENCE_DATA_PAGE_TITLE } from "../../../common/api/furusato-reference";
import type { SortState } from "../../ui/DataTable";
import { fiscalYearLabel } from "../../ui/dates";
import { formatNumber } from "./components";
import { fm } from "./messages";

// Japanese text of this page, in one place for review.
export const cm = {
  title: "全国比較",
  intro: "総務省「ふるさと納税に関する現況調査」の数値で、本市の受入額を政令指定都市や任意の団体と比べます（参考データ）。",
  attribution: REFERENCE_ATTRIBUTION,
  emptyTitle: "参考データが読み込まれていません",
  emptyBody: `システム管理者が管理画面「${REFERENCE_DATA_PAGE_TITLE}」で総務省の現況調査の Excel ファイルを読み込むと、ここで比べられます。`,
  emptyAdminLink: `「${REFERENCE_DATA_PAGE_TITLE}」を開いて読み込む`,
  emptyAskAdmin: "読み込みはシステム管理者に依頼してください。",
  loadedAt: "読込日時",
  fromYear: "開始年度",
  toYear: "終了年度",
  shownYear: "表に表示する年度",
  designated: "政令指定都市（20市）を含める",
  peers: "比較する団体を追加",
  peersPlaceholder: "団体名で検索（例: 都城市、紋別市）",
  peersNothing: "該当する団体がありません",
  caption: (year: string) => `${year}の受入額・前年度比・費用割合`,
  body: "団体",
  prefecture: "都道府県",
  count: "受入件数",
  countValue: (n: number) => `${formatNumber(n)}件`,
  amount: "受入額",
  growth: "前年度比",
  costRatio: "費用割合",
  periodGrowth: (from: string) => `${from}比`,
  noFigure: "数値なし",
  own: "本市",
  thousand: "千円単位",
  thousandNote: "平成27年度以前は時系列資料の千円単位の数値で、費用の内訳はありません。",
  costNote: "費用割合＝募集等に伴う費用の合計÷受入額。前年度比＝受入額÷前年度の受入額−1。",
  chartTitle: (year: string) => `${year}の受入額（濃い部分は募集等に伴う費用）`,
  chartLabel: (year: string) => `${year}の受入額の棒グラフ（同じ数値は表にあります）`,
  nationalTitle: "全国合計",
  nationalCaption: "全国合計（年度別）",
  bodies: "団体数",
  year: "年度",
  csv: "CSVで保存",
  csvName: (from: number, to: number) => `furusato-comparison-${from}-${to}.csv`,
  unknown: (codes: string) => `参考データにない団体コード: ${codes}`,
  rangeError: "開始年度は終了年度以前にしてください。",
  empty: "比較する団体を選んでください。",
};

export type SortKey = "name" | "amount" | "count" | "growth" | "costRatio" | "periodGrowth";

export interface TableRow {
  body: ReferenceBody;
  own: boolean;
  year: ComparisonYear | null;
  first: ComparisonYear | null;
  periodGrowth: number | null;
}

/** One row per body for `year` (with the growth since `fromYear`), sorted by `sort`; missing figures last either way. */
export function comparisonRows(result: ComparisonResult | undefined, year: number, fromYear: number, sort: SortState<SortKey>): TableRow[] {
  const list = (result?.bodies ?? []).map((b) => {
    const shown = b.years.find((y) => y.fiscalYear === year) ?? null;
    const first = b.years.find((y) => y.fiscalYear === fromYear) ?? null;
    return {
      body: b,
      own: b.bodyCode === OWN_BODY_CODE,
      year: shown,
      first,
      periodGrowth:
        shown && first && first.donationAmount > 0 && year !== fromYear ? shown.donationAmount / first.donationAmount - 1 : null,
    };
  });
  const value = (row: TableRow): number | string | null => {
    switch (sort.key) {
      case "name":
        return row.body.bodyCode;
      case "amount":
        return row.year?.donationAmount ?? null;
      case "count":
        return row.year?.donationCount ?? null;
      case "growth":
        return row.year?.growth ?? null;
      case "costRatio":
        return row.year?.costRatio ?? null;
      case "periodGrowth":
        return row.periodGrowth;
    }
  };
  const direction = sort.order === "asc" ? 1 : -1;
  return list.sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null && vb === null) return 0;
    if (va === null) return 1; // missing figures last, whichever the order
    if (vb === null) return -1;
    return (va < vb ? -1 : va > vb ? 1 : 0) * direction;
  });
}

export function signedPercent(ratio: number | null): string {
  if (ratio === null) return fm.dash;
  const value = (ratio * 100).toFixed(1);
  return ratio > 0 ? `+${value}%` : `${value}%`;
}

export function plainPercent(ratio: number | null): string {
  return ratio === null ? fm.dash : `${(ratio * 100).toFixed(1)}%`;
}

export function bodyLabel(body: ReferenceBody): string {
  return body.municipality ? `${body.municipality}（${body.prefecture}）` : body.prefecture;
}

function csvCell(value: string | number | null): string {
  const text = value === null ? "" : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Every body × year shown, with the attribution; UTF-8 with BOM so that Excel reads the Japanese. */
export function comparisonCsv(result: ComparisonResult): string {
  const header = [
    "団体コード",
    "都道府県",
    "市区町村",
    "年度",
    "和暦",
    "受入件数",
    "受入額（円）",
    "精度",
    "前年度比",
    "費用合計（円）",
    "費用割合",
  ];
  const lines = [header.join(",")];
  const line = (code: string, prefecture: string, municipality: string, y: ComparisonYear) =>
    [
      code,
      prefecture,
      municipality,
      y.fiscalYear,
      fiscalYearLabel(y.fiscalYear),
      y.donationCount,
      y.donationAmount,
      y.amountPrecision === "thousand" ? "千円" : "円",
      y.growth === null ? null : y.growth.toFixed(4),
      y.costTotal,
      y.costRatio === null ? null : y.costRatio.toFixed(4),
    ]
      .map(csvCell)
      .join(",");
  for (const body of result.bodies) for (const y of body.years) lines.push(line(body.bodyCode, body.prefecture, body.municipality, y));
  for (const y of result.national) lines.push(line("全国", cm.nationalTitle, "", y));
  lines.push(csvCell(`${cm.attribution} ${result.nationalScope}`));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

export function downloadCsv(result: ComparisonResult) {
  const url = URL.createObjectURL(new Blob([comparisonCsv(result)], { type: "text/csv;charset=utf-8" }));
  const anchor = document.createElement("a");
  anchor.href = url;
  anchor.download = cm.csvName(result.fromYear, result.toYear);
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
