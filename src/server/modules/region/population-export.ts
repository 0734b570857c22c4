// 人口表の出力: one basis and date as Excel or CSV, a row per 市町 (the figure, its share of the region, 出典), the
// region's total last; a 市町 without a figure says so instead of showing 0. Every member of staff; audited.
import { formatWareki } from "../../../common/dates";
import { describePopulationSet, POPULATION_BASIS_LABELS, type PopulationBasis } from "../../../common/region/population-basis";
import type { Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import { authorize, type Principal } from "../../platform/auth/permissions";
import type { FileResult } from "../../platform/http/types";
import { tableFile } from "./municipality-export";
import { tableOf } from "./population-service";

export const POPULATION_EXPORT_HEADER = ["全国地方公共団体コード", "市町名", "基準", "基準日", "人口", "割合（%）", "出典", "注記"];

export async function exportPopulationTable(
  db: Queryable,
  user: Principal | null,
  actor: Actor,
  query: { basis: PopulationBasis; asOf: string; format: "csv" | "xlsx" },
): Promise<FileResult> {
  authorize(user, "region.read");
  const table = await tableOf(db, query.basis, query.asOf);
  const basis = POPULATION_BASIS_LABELS[query.basis];
  const date = formatWareki(query.asOf);
  const rows: unknown[][] = table.rows.map((r) => [
    r.code,
    r.name,
    basis,
    date,
    r.population ?? "",
    r.share === null ? "" : Math.round(r.share * 10000) / 100,
    r.source ?? "",
    r.population === null ? "人口が登録されていません" : r.isSample ? "サンプル値" : "",
  ]);
  rows.push([
    "",
    "圏域の合計",
    basis,
    date,
    table.total,
    table.total > 0 ? 100 : "",
    "",
    table.missing.length > 0 ? `人口のない市町${table.missing.length}件を除く` : "",
  ]);
  const title = describePopulationSet(query.basis, query.asOf);
  await recordAudit(db, actor, { action: "export", entityType: "region_population", summary: `人口表を出力（${title}, ${query.format}）` });
  return tableFile(query.format, `人口表_${basis}_${query.asOf}`, { name: "人口表", header: POPULATION_EXPORT_HEADER, rows });
}
