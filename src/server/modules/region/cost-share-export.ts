// 負担金の表の出力: a saved computation as Excel (the table, its conditions, the figures with their sources, the
// per-member per-component breakdown) or PDF (A4 landscape, the same content). Dates in 和暦, the rule's name and
// version, totals that add up (the table's 合計 equals the amount to share). Every member of staff; audited.
import type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces";
import type { ComputationDetail } from "../../../common/api/region-cost-shares";
import { formatFiscalYear, formatWareki, isoDateInJapan } from "../../../common/dates";
import { type CostShareResult, formatWeight, ROUNDING_METHOD_LABELS } from "../../../common/region/cost-share";
import type { Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import type { FileResult } from "../../platform/http/types";
import { PDF_FONT_FAMILY, renderPdf } from "../../platform/pdf/printer";
import { writeXlsx } from "../../platform/tabular/xlsx-write";
import { getComputation } from "./cost-share-service";
import { XLSX_MIME } from "./municipality-export";

const yen = (n: number) => `${n.toLocaleString("ja-JP")}円`;
const percent = (ratio: number) => `${(Math.round(ratio * 1_000_000) / 10_000).toFixed(4)}%`;

/** The table's heading lines, shared by both formats. */
export function conditionsOf(c: ComputationDetail): [string, string][] {
  const r = c.result as CostShareResult;
  const created = c.createdAt.slice(0, 10);
  return [
    ["連携事業", `${c.projectName}（${c.frameworkName}）`],
    ["年度", `${formatFiscalYear(c.fiscalYear)}（${c.fiscalYear}年度）`],
    ["算定ルール", `${c.ruleName} 第${c.version}版`],
    ["総額", yen(r.total)],
    ...r.deductions.map((d): [string, string] => [`特定財源: ${d.label}`, yen(d.amount)]),
    ["特定財源の合計", yen(r.deductionTotal)],
    ["負担金の対象額", yen(r.amountToShare)],
    ["端数処理", `${r.rounding.unit}円未満${ROUNDING_METHOD_LABELS[r.rounding.method]}`],
    ["端数調整団体", r.remainderMemberName],
    ["算定日", `${formatWareki(created)}（${created}）`],
    ["作成者", c.createdBy ?? "サンプルデータ"],
  ];
}

function componentHeading(r: CostShareResult, i: number): string {
  const k = r.components[i];
  return `${k.label}（${formatWeight(k.weight)}）`;
}

export function tableRowsOf(r: CostShareResult): { header: string[]; rows: (string | number)[][] } {
  const header = ["団体名", ...r.components.map((_, i) => componentHeading(r, i)), "端数調整", "負担額", "負担割合"];
  const rows: (string | number)[][] = r.members.map((m) => [
    m.name,
    ...m.lines.map((l) => l.amount),
    m.adjustment,
    m.share,
    percent(m.ratio),
  ]);
  rows.push([
    "合計",
    ...r.components.map((k) => k.amount - k.remainder),
    r.members.reduce((s, m) => s + m.adjustment, 0),
    r.members.reduce((s, m) => s + m.share, 0),
    percent(1),
  ]);
  return { header, rows };
}

async function excel(c: ComputationDetail): Promise<Uint8Array> {
  const r = c.result as CostShareResult;
  const table = tableRowsOf(r);
  return writeXlsx([
    { name: "負担金", header: table.header, rows: table.rows },
    {
      name: "算定の条件",
      header: ["項目", "内容"],
      rows: [...conditionsOf(c), ...r.explanation.map((e, i) => [`説明${i + 1}`, e])],
      wrapText: true,
      columnWidths: [22, 100],
    },
    {
      name: "数値と出典",
      header: ["項目", "団体名", "数値", "出典"],
      rows: c.inputs.map((f) => [f.label, f.memberName, f.value, f.source]),
    },
    {
      name: "内訳",
      header: ["団体名", "区分", "割合", "数値", "比率", "端数処理前の額", "端数処理後の額"],
      rows: r.members.flatMap((m) =>
        m.lines.map((l) => [
          m.name,
          r.components[l.componentIndex].label,
          formatWeight(r.components[l.componentIndex].weight),
          l.figure ?? "対象外",
          l.figure === null ? "" : percent(l.ratio),
          l.rawAmount,
          l.amount,
        ]),
      ),
    },
  ]);
}

async function pdf(c: ComputationDetail): Promise<Uint8Array> {
  const r = c.result as CostShareResult;
  const table = tableRowsOf(r);
  const cell = (v: string | number, opts: { bold?: boolean } = {}): TableCell =>
    typeof v === "number" ? { text: v.toLocaleString("ja-JP"), alignment: "right", bold: opts.bold } : { text: v, bold: opts.bold };
  const body: TableCell[][] = [
    table.header.map((h) => ({ text: h, bold: true, fillColor: "#eeeeee" })),
    ...table.rows.map((row, i) => row.map((v) => cell(v, { bold: i === table.rows.length - 1 }))),
  ];
  const content: Content[] = [
    { text: `${formatFiscalYear(c.fiscalYear)} ${c.projectName} 負担金算定表`, style: "title" },
    { text: `${c.ruleName} 第${c.version}版${c.isSample ? "（サンプル）" : ""}`, margin: [0, 0, 0, 8] },
    {
      table: { widths: [110, "*"], body: conditionsOf(c).map(([k, v]) => [{ text: k, bold: true }, v]) },
      layout: "lightHorizontalLines",
      margin: [0, 0, 0, 10],
    },
    { text: "団体別・区分別の負担額（円）", style: "heading" },
    {
      table: { headerRows: 1, widths: ["*", ...table.header.slice(1).map(() => "auto" as const)], body },
      fontSize: 8,
      margin: [0, 0, 0, 10],
    },
    { text: "算定に用いた数値と出典", style: "heading" },
    c.inputs.length > 0
      ? {
          table: {
            headerRows: 1,
            widths: ["auto", "auto", "auto", "*"],
            body: [
              ["項目", "団体名", "数値", "出典"].map((h) => ({ text: h, bold: true, fillColor: "#eeeeee" })),
              ...c.inputs.map((f) => [f.label, f.memberName, cell(f.value), f.source]),
            ],
          },
          fontSize: 8,
          margin: [0, 0, 0, 10],
        }
      : { text: "（均等割・所在団体割・協定割合のみのため、入力した数値はありません）", margin: [0, 0, 0, 10] },
    { text: "算定の説明", style: "heading" },
    { ul: r.explanation, fontSize: 8 },
  ];
  const definition: TDocumentDefinitions = {
    pageSize: "A4",
    pageOrientation: "landscape",
    pageMargins: [36, 36, 36, 40],
    info: { title: `${formatFiscalYear(c.fiscalYear)} ${c.projectName} 負担金算定表` },
    defaultStyle: { font: PDF_FONT_FAMILY, fontSize: 9, lineHeight: 1.25 },
    styles: { title: { fontSize: 15, bold: true, margin: [0, 0, 0, 4] }, heading: { fontSize: 11, bold: true, margin: [0, 4, 0, 4] } },
    footer: (page, pages) => ({ text: `${page} / ${pages}`, alignment: "center", fontSize: 8 }),
    content,
  };
  return renderPdf(definition);
}

export async function exportComputation(
  db: Queryable,
  user: Principal | null,
  actor: Actor,
  id: string,
  format: "pdf" | "xlsx",
): Promise<FileResult> {
  const c = await getComputation(db, user, id);
  const base = `負担金算定表_${c.projectName}_${c.fiscalYear}年度_${isoDateInJapan(new Date())}`.replace(/[\\/:*?"<>|]/g, "_");
  await recordAudit(db, actor, {
    action: "export",
    entityType: "region_cost_share",
    entityId: id,
    summary: `負担金算定表を出力（${c.projectName}、${formatFiscalYear(c.fiscalYear)}、${format === "pdf" ? "PDF" : "Excel"}）`,
  });
  if (format === "pdf") return { file: { name: `${base}.pdf`, mimeType: "application/pdf", body: await pdf(c) } };
  return { file: { name: `${base}.xlsx`, mimeType: XLSX_MIME, body: await excel(c) } };
}
