// 保留行: the rows an import could not take, held with their named problems until an editor fixes the values (they
// are checked by the same row rules as an imported row; a clean row becomes an item, or updates the item with the same
// publisher's ID) or sets the row aside with a reason. A row is resolved once: a second fix or dismissal of the same
// row (another editor got there first) is a 409. A 市町 editor sees and resolves their own 市町's rows only.
import type { ProblemDetail, ProblemStatus, ProblemSummary } from "../../../common/api/region-curation";
import { columnForItemField, DATASETS, type DatasetKey } from "../../../common/region/datasets";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import { searchAudit } from "../../platform/audit/query";
import type { Principal } from "../../platform/auth/permissions";
import { Conflict, NotFound } from "../../platform/errors";
import { mayEdit, readScope, requireEditor, requireReader } from "./curation-access";
import { rowName } from "./import-service";
import { checkedFields, contentOf } from "./item-content";
import * as items from "./item-repository";
import * as repo from "./problem-repository";

const PROBLEM = "保留行";
const RESOLVED = "この保留行はすでに処理されています（ほかの編集者が修正または除外しました）。画面を再読み込みしてください。";

function toSummary(row: repo.ProblemRow): ProblemSummary {
  return {
    id: row.id,
    importId: row.import_id,
    fileName: row.file_name,
    municipalityCode: row.municipality_code,
    municipalityName: row.municipality_name,
    dataset: row.dataset,
    rowNumber: row.row_number,
    sourceId: row.source_id,
    name: rowName(row.dataset, row.fields),
    problems: row.problems,
    status: row.status,
    createdAt: new Date(row.created_at).toISOString(),
    isSample: row.is_sample,
  };
}

/** The fix form's starting values: every column of the dataset, as far as the import read it (else empty). */
function formValues(dataset: DatasetKey, fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(DATASETS[dataset].columns.map((column) => [column.name, fields[column.name] ?? ""]));
}

/** Why a row was set aside: the reason given, kept with the dismissal's audit row (the record of who, when and why). */
async function dismissReasonOf(db: Queryable, row: repo.ProblemRow): Promise<string | null> {
  if (row.status !== "dismissed") return null;
  const found = await searchAudit(db, { entityType: "region_import_problem", action: "dismiss_problem", q: row.id }, 1, 1);
  const after = found.items[0]?.after as { reason?: unknown } | null | undefined;
  return typeof after?.reason === "string" ? after.reason : null;
}

async function detailOf(db: Queryable, user: Principal | null, row: repo.ProblemRow): Promise<ProblemDetail> {
  const { columns: _mapping, ...original } = row.original;
  return {
    ...toSummary(row),
    original,
    fields: row.fields,
    values: formValues(row.dataset, row.fields),
    itemId: row.item_id,
    resolvedByName: row.resolved_by_name,
    resolvedAt: row.resolved_at ? new Date(row.resolved_at).toISOString() : null,
    dismissReason: await dismissReasonOf(db, row),
    canEdit: row.status === "open" && (await mayEdit(db, user, row.municipality_code)),
  };
}

async function readProblem(db: Queryable, id: string, opts: { lock?: boolean } = {}): Promise<repo.ProblemRow> {
  const row = await repo.findProblem(db, id, opts);
  if (!row) throw new NotFound(PROBLEM);
  return row;
}

export async function listProblems(
  db: Db,
  user: Principal | null,
  query: { page: number; pageSize: number; status?: ProblemStatus; municipalityCode?: string; dataset?: DatasetKey; importId?: string },
) {
  const scope = await readScope(db, user);
  const { page, pageSize, ...filter } = query;
  const { rows, total } = await repo.findProblems(db, scope, filter, { limit: pageSize, offset: (page - 1) * pageSize });
  return { items: rows.map(toSummary), total, page, pageSize };
}

export async function getProblem(db: Db, user: Principal | null, id: string): Promise<ProblemDetail> {
  const row = await readProblem(db, id);
  await requireReader(db, user, row.municipality_code, PROBLEM);
  return detailOf(db, user, row);
}

/**
 * The editor's values, checked like an imported row (the 市町's code and name are the row's own 市町's): a clean row
 * becomes a draft item, or updates the item that already has its ID (a row held in one import, fixed after a later
 * import brought the item in). The item keeps the file's original row and import, so an editor still sees its source.
 */
export async function fixProblem(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  values: Record<string, string>,
): Promise<{ problem: ProblemDetail; itemId: string; created: boolean }> {
  return db.transaction(async (tx) => {
    const row = await readProblem(tx, id, { lock: true });
    await requireEditor(tx, user, row.municipality_code, PROBLEM);
    if (row.status !== "open") throw new Conflict(RESOLVED, "already_resolved");
    // The fix form shows the dataset's English columns (名称_英字 …) among the others: what the editor sends there is the
    // translation, never blanked.
    const sent = translationsIn(row.dataset, values);
    const fields = checkedFields({
      dataset: row.dataset,
      municipality: { code: row.municipality_code, name: row.municipality_name },
      values,
      fixedId: null,
      translations: sent,
      rowNumber: row.row_number,
    });
    const sourceId = fields.ID;
    const { columns: _mapping, ...original } = row.original;
    const existingId = await items.findItemIdBySource(tx, row.municipality_code, row.dataset, sourceId);
    let itemId: string;
    if (existingId) {
      const current = await items.findItem(tx, existingId);
      const translations = {
        nameEn: sent.nameEn || (current?.name_en ?? ""),
        descriptionEn: sent.descriptionEn || (current?.description_en ?? ""),
      };
      const content = contentOf(row.dataset, withTranslations(row.dataset, fields, translations), translations);
      await items.updateItemContent(tx, existingId, null, content, {
        userId: user?.id ?? null,
        source: { original, importId: row.import_id },
      });
      itemId = existingId;
      await recordAudit(tx, actor, {
        action: "update",
        entityType: "region_item",
        entityId: itemId,
        summary: `保留行（${row.file_name} ${row.row_number}行目）の修正で掲載情報「${content.columns.name}」を更新`,
        before: { fields: current?.fields ?? null },
        after: { fields: content.fields },
      });
    } else {
      const content = contentOf(row.dataset, fields, sent);
      itemId = await items.insertItem(tx, {
        municipalityCode: row.municipality_code,
        dataset: row.dataset,
        sourceId,
        origin: "import",
        original,
        importId: row.import_id,
        content,
        userId: user?.id ?? null,
        isSample: row.is_sample,
      });
      await recordAudit(tx, actor, {
        action: "create",
        entityType: "region_item",
        entityId: itemId,
        summary: `保留行（${row.file_name} ${row.row_number}行目）の修正で掲載情報「${content.columns.name}」を追加`,
        after: { fields: content.fields },
      });
    }
    if (!(await repo.resolveProblem(tx, id, { status: "fixed", itemId, fields }, user?.id ?? null)))
      throw new Conflict(RESOLVED, "already_resolved");
    await recordAudit(tx, actor, {
      action: "fix_problem",
      entityType: "region_import_problem",
      entityId: id,
      summary: `${row.municipality_name}の${DATASETS[row.dataset].label}の保留行（${row.file_name} ${row.row_number}行目）を修正`,
      before: { fields: row.fields, problems: row.problems },
      after: { fields, itemId },
    });
    return { problem: await detailOf(tx, user, await readProblem(tx, id)), itemId, created: !existingId };
  });
}

/** The fields with the translations written into the dataset's English columns (an item's translation kept when the fix
 * left them empty). */
function withTranslations(
  dataset: DatasetKey,
  fields: Record<string, string>,
  translations: { nameEn: string; descriptionEn: string },
): Record<string, string> {
  const result = { ...fields };
  for (const field of ["nameEn", "descriptionEn"] as const) {
    const column = columnForItemField(dataset, field);
    if (column && translations[field]) result[column.name] = translations[field];
  }
  return result;
}

/** The English name and description among a fix's values, where the dataset has columns for them. */
function translationsIn(dataset: DatasetKey, values: Record<string, string>): { nameEn: string; descriptionEn: string } {
  const sentFor = (field: "nameEn" | "descriptionEn") => {
    const column = columnForItemField(dataset, field);
    return column ? (values[column.name] ?? "").trim() : "";
  };
  return { nameEn: sentFor("nameEn"), descriptionEn: sentFor("descriptionEn") };
}

export async function dismissProblem(db: Db, user: Principal | null, actor: Actor, id: string, reason: string): Promise<ProblemDetail> {
  return db.transaction(async (tx) => {
    const row = await readProblem(tx, id, { lock: true });
    await requireEditor(tx, user, row.municipality_code, PROBLEM);
    if (!(await repo.resolveProblem(tx, id, { status: "dismissed" }, user?.id ?? null))) throw new Conflict(RESOLVED, "already_resolved");
    await recordAudit(tx, actor, {
      action: "dismiss_problem",
      entityType: "region_import_problem",
      entityId: id,
      summary: `${row.municipality_name}の${DATASETS[row.dataset].label}の保留行（${row.file_name} ${row.row_number}行目）を除外: ${reason}`,
      before: { status: row.status },
      after: { status: "dismissed", reason },
    });
    return detailOf(tx, user, await readProblem(tx, id));
  });
}
