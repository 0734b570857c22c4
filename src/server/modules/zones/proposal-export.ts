// 特区の規制改革提案の一覧の出力: Excel or CSV (UTF-8 with BOM, formula-safe: platform/tabular), with the list's filters,
// for every member of staff, audited. Dates in 和暦 with the 西暦 beside.
import { formatWareki, todayInJapan } from "../../../common/dates";
import { daysBetween } from "../../../common/step-days";
import { MEASURE_KIND_LABELS, MEASURE_SCOPE_LABELS, PROPOSAL_FIELD_LABELS } from "../../../common/zones/proposal-fields";
import { isEndState, stepLabel } from "../../../common/zones/proposal-states";
import type { Db } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import type { FileResult } from "../../platform/http/types";
import { writeCsv } from "../../platform/tabular/csv-write";
import { writeXlsx } from "../../platform/tabular/xlsx-write";
import { requireZonesReader } from "./access";
import type { ProposalFilter } from "./proposal-repository";
import { allProposals } from "./proposal-service";

export const PROPOSAL_EXPORT_HEADER = [
  "提案名",
  "分野",
  "現在の段階",
  "段階に入った日",
  "段階に入った日（西暦）",
  "滞留日数",
  "提案日",
  "提案日（西暦）",
  "措置の範囲",
  "措置の種類",
  "連携先",
  "所管省庁",
  "サンプル",
];

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export async function exportProposals(
  db: Db,
  user: Principal | null,
  actor: Actor,
  query: Omit<ProposalFilter, "sort" | "order"> & Partial<Pick<ProposalFilter, "sort" | "order">> & { format: "csv" | "xlsx" },
): Promise<FileResult> {
  requireZonesReader(user);
  const today = todayInJapan();
  const rows = await allProposals(db, { ...query, sort: query.sort ?? "updated", order: query.order ?? "desc" });
  const cells = rows.map((p) => [
    p.title,
    PROPOSAL_FIELD_LABELS[p.field],
    stepLabel({ state: p.state, round: p.current_round, answer: p.current_answer }),
    formatWareki(p.state_since),
    p.state_since,
    isEndState(p.state) ? "" : Math.max(0, daysBetween(p.state_since, today)),
    p.proposed_on ? formatWareki(p.proposed_on) : "",
    p.proposed_on ?? "",
    MEASURE_SCOPE_LABELS[p.measure_scope],
    MEASURE_KIND_LABELS[p.measure_kind],
    p.partner_names.join("、"),
    p.ministries.join("、"),
    p.is_sample ? "サンプル" : "",
  ]);
  await recordAudit(db, actor, {
    action: "export",
    entityType: "zones_proposal",
    summary: `特区の規制改革提案の一覧を出力（${rows.length}件, ${query.format}）`,
  });
  const baseName = `特区の規制改革提案_${today}`;
  const sheet = { name: "規制改革提案", header: PROPOSAL_EXPORT_HEADER, rows: cells };
  if (query.format === "xlsx") return { file: { name: `${baseName}.xlsx`, mimeType: XLSX_MIME, body: await writeXlsx([sheet]) } };
  const { bytes } = writeCsv(sheet.header, sheet.rows, { encoding: "utf-8-bom" });
  return { file: { name: `${baseName}.csv`, mimeType: "text/csv; charset=utf-8", body: bytes } };
}
