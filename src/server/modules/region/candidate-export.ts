// 連携事業の候補の一覧の出力: Excel or CSV (UTF-8 with BOM, formula-safe) with the list's conditions and order, for every
// member of staff, audited. Dates in 和暦 with the 西暦 beside them; the days counted to the day of the export.
import type * as api from "../../../common/api/region-candidates";
import { formatWareki, todayInJapan } from "../../../common/dates";
import { CANDIDATE_OBSTACLE_LABELS, CANDIDATE_STEP_LABELS } from "../../../common/region/candidate-steps";
import type { Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import { authorize, type Principal } from "../../platform/auth/permissions";
import type { FileResult } from "../../platform/http/types";
import { candidatesForExport } from "./candidate-service";
import { tableFile } from "./municipality-export";

export const CANDIDATE_EXPORT_HEADER = [
  "件名",
  "提案した部門",
  "連携の枠組み",
  "連携の相手",
  "進まない理由",
  "段階",
  "段階に入った日",
  "段階に入った日（西暦）",
  "今の段階の日数",
  "滞留",
  "提案日",
  "提案日（西暦）",
  "提案からの日数",
  "終了日",
  "事業化した連携事業",
  "サンプル",
];

const wareki = (iso: string | null) => (iso ? formatWareki(iso) : "");

export async function exportCandidates(
  db: Queryable,
  user: Principal | null,
  actor: Actor,
  query: Omit<api.CandidateListFilter, "page" | "pageSize"> & { format: "csv" | "xlsx" },
  today = todayInJapan(),
): Promise<FileResult> {
  authorize(user, "region.read");
  const { format, ...conditions } = query;
  const { items, stalledAfterDays } = await candidatesForExport(db, conditions, today);
  const rows = items.map((c) => [
    c.title,
    c.proposingOrganisation.name,
    c.framework.name,
    c.memberNames.join("、"),
    CANDIDATE_OBSTACLE_LABELS[c.obstacle],
    CANDIDATE_STEP_LABELS[c.step],
    wareki(c.stepSince),
    c.stepSince,
    c.daysInStep ?? "",
    c.stalled ? `滞留（${stalledAfterDays}日超）` : "",
    wareki(c.proposedOn),
    c.proposedOn,
    c.totalDays,
    wareki(c.closedOn),
    c.adoptedProject?.name ?? "",
    c.isSample ? "サンプル" : "",
  ]);
  await recordAudit(db, actor, {
    action: "export",
    entityType: "region_candidate",
    summary: `連携事業の候補の一覧を出力（${rows.length}件, ${format}）`,
  });
  return tableFile(format, `連携事業の候補_${today}`, { name: "連携事業の候補", header: CANDIDATE_EXPORT_HEADER, rows });
}
