// 連携市町の一覧の出力: Excel or CSV (UTF-8 with BOM) for every member of staff, audited. The first seven columns are
// the import's own headings, so an exported file can be corrected and imported again (the 締結日 in 和暦 reads back).
import { formatWareki, todayInJapan } from "../../../common/dates";
import { MUNICIPALITY_KIND_LABELS } from "../../../common/region/municipality-fields";
import { POPULATION_BASIS_LABELS } from "../../../common/region/population-basis";
import type { Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import { authorize, type Principal } from "../../platform/auth/permissions";
import type { FileResult } from "../../platform/http/types";
import { writeCsv } from "../../platform/tabular/csv-write";
import { writeXlsx } from "../../platform/tabular/xlsx-write";
import { findMunicipalities } from "./municipality-repository";

export const MUNICIPALITY_EXPORT_HEADER = [
  "全国地方公共団体コード",
  "市町名",
  "ふりがな",
  "英語名",
  "区分",
  "郡",
  "連携協約の締結日",
  "締結日（西暦）",
  "最新の人口",
  "人口の基準",
  "人口の基準日",
  "人口の出典",
  "編集者の組織",
  "編集者のログイン数",
  "サンプル",
];

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A table as the chosen file: .xlsx (numbers stay numbers) or CSV in UTF-8 with BOM (Excel opens it). */
export async function tableFile(
  format: "csv" | "xlsx",
  baseName: string,
  sheet: { name: string; header: string[]; rows: unknown[][] },
): Promise<FileResult> {
  if (format === "xlsx") return { file: { name: `${baseName}.xlsx`, mimeType: XLSX_MIME, body: await writeXlsx([sheet]) } };
  const { bytes } = writeCsv(sheet.header, sheet.rows, { encoding: "utf-8-bom" });
  return { file: { name: `${baseName}.csv`, mimeType: "text/csv; charset=utf-8", body: bytes } };
}

export async function exportMunicipalities(
  db: Queryable,
  user: Principal | null,
  actor: Actor,
  format: "csv" | "xlsx",
): Promise<FileResult> {
  authorize(user, "region.read");
  const rows = await findMunicipalities(db);
  const cells = rows.map((m) => [
    m.code,
    m.name,
    m.kana,
    m.name_en,
    MUNICIPALITY_KIND_LABELS[m.kind],
    m.district ?? "",
    m.joined_on ? formatWareki(m.joined_on) : "",
    m.joined_on ?? "",
    m.latest_population ?? "",
    m.latest_basis ? POPULATION_BASIS_LABELS[m.latest_basis] : "",
    m.latest_as_of ? formatWareki(m.latest_as_of) : "",
    m.latest_source ?? "",
    m.organisation_name ?? "",
    m.editor_login_count,
    m.is_sample ? "サンプル" : "",
  ]);
  await recordAudit(db, actor, {
    action: "export",
    entityType: "region_municipality",
    summary: `連携市町の一覧を出力（${rows.length}件, ${format}）`,
  });
  return tableFile(format, `連携市町_${todayInJapan()}`, { name: "連携市町", header: MUNICIPALITY_EXPORT_HEADER, rows: cells });
}
