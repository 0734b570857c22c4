// What an import does with what the pipeline read, decided before anything is written (no database): each row
// becomes a new item, an update of the item with the same publisher's ID (市町, dataset, ID), "unchanged", or a held
// row with its named problems. A row for another 市町 (its 全国地方公共団体コード), a second row with an ID already
// seen in the file, and a row the hub cannot keep (itemProblems) are held too: nothing is dropped silently.
import type { DatasetKey } from "../../../common/region/datasets";
import { itemProblems, keepTranslations, sameFields } from "../../../common/region/item-projection";
import type { ExistingItem, HeldRow, ImportedItem } from "./import-repository";
import { contentOf } from "./item-content";
import type { OpenDataProblem, OpenDataReadResult, OriginalRow } from "./opendata/types";

export interface ImportPlan {
  creates: ImportedItem[];
  updates: (ImportedItem & { id: string })[];
  unchanged: number;
  held: HeldRow[];
  rowsRead: number;
}

/** The original row as kept with a held row: with the 正式版 column each of its cells mapped to (the fix form's prefill). */
function heldOriginal(original: OriginalRow, columns: OpenDataReadResult["columns"]) {
  return { ...original, columns: columns.map((c) => c.column) };
}

/** Rows planned between two turns of the event loop: a large file's plan never holds the server for long. */
const ROWS_PER_TURN = 500;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function planImport(
  read: Pick<OpenDataReadResult, "items" | "problemRows" | "problems" | "columns">,
  target: { code: string; name: string; dataset: DatasetKey },
  existing: readonly ExistingItem[],
): Promise<ImportPlan> {
  const bySource = new Map(existing.map((item) => [item.source_id, item]));
  const problemsByRow = new Map<number, OpenDataProblem[]>();
  for (const problem of read.problems) problemsByRow.set(problem.row, [...(problemsByRow.get(problem.row) ?? []), problem]);
  const plan: ImportPlan = { creates: [], updates: [], unchanged: 0, held: [], rowsRead: read.items.length + read.problemRows.length };
  const hold = (
    row: { rowNumber: number; sourceId: string; fields: Record<string, string>; original: OriginalRow },
    problems: HeldRow["problems"],
  ) =>
    plan.held.push({
      rowNumber: row.rowNumber,
      sourceId: row.sourceId.trim() || null,
      original: heldOriginal(row.original, read.columns),
      fields: row.fields,
      problems,
    });

  for (const row of read.problemRows) {
    const problems = (problemsByRow.get(row.rowNumber) ?? []).map(({ column, code, message }) => ({ column, code, message }));
    hold(row, problems.length > 0 ? problems : [{ column: "", code: "unreadable_row", message: "この行は取り込めませんでした。" }]);
  }

  const seen = new Map<string, number>();
  for (const [index, item] of read.items.entries()) {
    if (index > 0 && index % ROWS_PER_TURN === 0) await nextTurn();
    const code = item.municipalityCode || target.code;
    if (code !== target.code) {
      hold(item, [
        {
          column: "全国地方公共団体コード",
          code: "other_municipality",
          message: `コード ${code} は取込先の市町（${target.name} ${target.code}）のものではありません。各市町は自分の市町の行だけを取り込めます。`,
        },
      ]);
      continue;
    }
    const sourceId = item.sourceId.trim();
    if (!sourceId) {
      hold(item, [
        { column: "ID", code: "required_missing", message: "ID がありません。同じ行を次の取込で更新できるよう、ID を入力してください。" },
      ]);
      continue;
    }
    const firstRow = seen.get(sourceId);
    if (firstRow !== undefined) {
      hold(item, [
        {
          column: "ID",
          code: "duplicate_id",
          message: `ID「${sourceId}」はこのファイルの${firstRow}行目にもあります。ID は市町とデータセットの中で一意にしてください。`,
        },
      ]);
      continue;
    }
    seen.set(sourceId, item.rowNumber);
    const before = bySource.get(sourceId);
    // the file names the 市町 by its code; a file without 地方公共団体名 gets the 市町 it was imported for
    const given = {
      ...item.fields,
      全国地方公共団体コード: target.code,
      地方公共団体名: item.fields.地方公共団体名 || target.name,
      ID: sourceId,
    };
    const fields = before ? keepTranslations(target.dataset, given, before.fields) : given;
    const problems = itemProblems(target.dataset, fields);
    if (problems.length > 0) {
      hold(item, problems);
      continue;
    }
    const translations = before ? { nameEn: before.name_en, descriptionEn: before.description_en } : { nameEn: "", descriptionEn: "" };
    const content = contentOf(target.dataset, fields, translations);
    if (!before) plan.creates.push({ sourceId, original: item.original, content });
    else if (sameFields(target.dataset, before.fields, content.fields)) plan.unchanged++;
    else plan.updates.push({ id: before.id, sourceId, original: item.original, content });
  }
  plan.held.sort((a, b) => a.rowNumber - b.rowNumber);
  return plan;
}
