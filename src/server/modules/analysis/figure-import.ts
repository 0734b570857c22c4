// 年度別数値の取込 (Excel .xlsx or CSV), all or nothing with a row-by-row report, through the platform's tabular reader
// and row validation. One row per fiscal year (年度: 2024, 令和6年度, R6), a column per figure item (its label or its
// code) and, on a subject's page, per activity measure (its name). The years in the file replace what was stored for
// them; an empty cell is not entered, 0 is 0. Figures the linked source provides cannot be imported.
// Two entries: the subject's own import (its measures' columns too; POST /api/analysis/subjects/:id/figures/import)
// and the platform's import kind analysis-figures (a 対象 column naming the subject or peer: several bodies' items in
// one file, measures not included, measure values left as they are).
import { z } from "zod";
import { FIGURE_ITEMS, type FigureItem, isLinkedItem, type LinkedSource } from "../../../common/analysis/figure-items";
import type { FiguresImportResult } from "../../../common/api/analysis-figures";
import { formatFiscalYear, parseFiscalYear } from "../../../common/dates";
import { toNumberInput } from "../../../common/zod-japanese";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import { findUserById, loadPrincipal } from "../../platform/auth/principal-repo";
import { checkTabularUpload, storeFile } from "../../platform/files/files";
import { requireUpload, type Upload } from "../../platform/http/multipart";
import type { FileResult } from "../../platform/http/types";
import type { TabularImportKind } from "../../platform/imports/registry";
import { errorReportFileName, writeImportErrorReport } from "../../platform/tabular/error-report";
import { TabularFormatError } from "../../platform/tabular/errors";
import { type ImportColumn, type ImportError, validateRowsInTurns } from "../../platform/tabular/import-rows";
import { readTable, tableFormat } from "../../platform/tabular/read-table";
import { writeXlsx } from "../../platform/tabular/xlsx-write";
import { isAnalysisManager, requireAnalysisManager, requireAnalysisReader } from "./access";
import * as repo from "./figure-repository";
import { replaceYear, subjectOrNotFound } from "./figure-service";
import { loadFigureSet, type SetMeasure } from "./figure-set";

export const FIGURES_IMPORT_KIND = "analysis-figures";
const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

type Row = Record<string, unknown> & { fiscalYear: number };

const fiscalYearCell = z.string().transform((text, ctx) => {
  const fy = parseFiscalYear(text);
  if (fy === null || fy < 2000 || fy > 2100) {
    ctx.addIssue({ code: "custom", message: "年度は 2024・令和6年度・R6 のいずれかの形で入力してください" });
    return z.NEVER;
  }
  return fy;
});

/** A figure cell: empty = not entered; yen and 人 written as 1,234 or with the unit. */
const valueCell = z.preprocess(
  (v) => toNumberInput(typeof v === "string" ? v.replace(/[円人件]$/u, "") : v),
  z.number({ error: "数値で入力してください" }).min(0, "0以上の数値で入力してください").max(1e15, "数値が大きすぎます").optional(),
);

const itemColumns = (source: LinkedSource | null): ImportColumn<Row>[] =>
  (FIGURE_ITEMS as readonly FigureItem[])
    .filter((i) => !isLinkedItem(source, i.code))
    .map((i) => ({ key: i.code, label: i.label, aliases: [i.code] }));

const measureKey = (id: string) => `measure:${id}`;

function subjectSpec(source: LinkedSource | null, measures: readonly SetMeasure[]) {
  const typed = measures.filter((m) => !m.linkedFigure);
  const columns: ImportColumn<Row>[] = [
    { key: "fiscalYear", label: "年度", required: true },
    ...itemColumns(source),
    ...typed.map((m) => ({ key: measureKey(m.id), label: m.name })),
  ];
  const shape: Record<string, z.ZodType> = { fiscalYear: fiscalYearCell };
  for (const c of columns) if (c.key !== "fiscalYear") shape[c.key] = valueCell;
  return { columns, row: z.object(shape) as unknown as z.ZodType<Row> };
}

const norm = (s: string) => s.normalize("NFKC").replace(/\s+/g, "");

/** Headings that name no column (a typo would silently drop a column) and headings of linked figures. */
function headingErrors(
  header: readonly string[],
  columns: readonly ImportColumn<Row>[],
  source: LinkedSource | null,
  measures: readonly SetMeasure[],
): ImportError[] {
  const known = new Set(columns.flatMap((c) => [c.label, ...(c.aliases ?? [])]).map(norm));
  const linked = new Set(
    [
      ...(FIGURE_ITEMS as readonly FigureItem[]).filter((i) => isLinkedItem(source, i.code)).flatMap((i) => [i.label, i.code]),
      ...measures.filter((m) => m.linkedFigure).map((m) => m.name),
    ].map(norm),
  );
  const errors: ImportError[] = [];
  for (const heading of header) {
    const h = norm(heading);
    if (h === "" || known.has(h)) continue;
    errors.push({
      row: 1,
      column: heading,
      message: linked.has(h)
        ? `「${heading}」は連携元から読み込む数値のため取り込めません。列を削除してください`
        : `見出し「${heading}」はどの項目・活動指標にも当たりません。ひな形の見出しを使ってください`,
    });
  }
  return errors;
}

function duplicateYears(
  rows: readonly Row[],
  rowNumbers: readonly number[],
  keyOf: (r: Row) => string,
  label: (r: Row) => string,
): ImportError[] {
  const first = new Map<string, number>();
  const errors: ImportError[] = [];
  rows.forEach((r, i) => {
    const key = keyOf(r);
    const seen = first.get(key);
    if (seen !== undefined)
      errors.push({ row: rowNumbers[i] as number, column: "年度", message: `${label(r)}の行が重複しています（${seen}行目）` });
    else first.set(key, rowNumbers[i] as number);
  });
  return errors;
}

async function rejected(db: Db, user: Principal, fileName: string, errors: ImportError[]): Promise<FiguresImportResult> {
  const report = await storeFile(db, {
    name: errorReportFileName(fileName),
    mimeType: "text/csv; charset=utf-8",
    bytes: writeImportErrorReport(errors),
    createdBy: user.id,
    owner: { kind: "import", id: null, purpose: "import_report" },
  });
  return { ok: false, errorCount: errors.length, errors: errors.slice(0, 200), reportFileId: report.id };
}

/** The subject's import: every row checked first; then the file's years replaced in one transaction. */
export async function importSubjectFigures(
  db: Db,
  user: Principal | null,
  actor: Actor,
  subjectId: string,
  upload: Upload | null,
): Promise<FiguresImportResult> {
  const caller = await requireAnalysisManager(db, user);
  const subject = await subjectOrNotFound(db, subjectId);
  const file = requireUpload(upload);
  const mimeType = checkTabularUpload(file.name, file.bytes);
  const { measures } = await loadFigureSet(db, subject);
  const spec = subjectSpec(subject.linked_source, measures);
  let table: Awaited<ReturnType<typeof readTable>>;
  try {
    table = await readTable(tableFormat(file.name, mimeType), file.bytes);
  } catch (error) {
    if (!(error instanceof TabularFormatError)) throw error;
    return rejected(db, caller, file.name, [{ row: 1, message: error.message }]);
  }
  const headErrors = headingErrors(table.header, spec.columns, subject.linked_source, measures);
  if (headErrors.length > 0) return rejected(db, caller, file.name, headErrors);
  const validated = await validateRowsInTurns(table, spec);
  if (!validated.ok) return rejected(db, caller, file.name, validated.errors);
  const rowNumbers = table.rows.map((_, i) => table.rowNumbers?.[i] ?? i + 2);
  const dupes = duplicateYears(
    validated.rows,
    rowNumbers,
    (r) => String(r.fiscalYear),
    (r) => formatFiscalYear(r.fiscalYear),
  );
  if (dupes.length > 0) return rejected(db, caller, file.name, dupes);

  const typed = measures.filter((m) => !m.linkedFigure);
  const years = validated.rows.map((r) => r.fiscalYear).sort((a, b) => a - b);
  let count = 0;
  await db.transaction(async (tx) => {
    await requireAnalysisManager(tx, user);
    await subjectOrNotFound(tx, subject.id, { forUpdate: true });
    for (const r of validated.rows) {
      const items = Object.fromEntries(
        itemColumns(subject.linked_source)
          .map((c) => [c.key, r[c.key]])
          .filter((e): e is [string, number] => typeof e[1] === "number"),
      );
      const values = Object.fromEntries(
        typed.map((m) => [m.id, r[measureKey(m.id)]]).filter((e): e is [string, number] => typeof e[1] === "number"),
      );
      count += Object.keys(items).length + Object.keys(values).length;
      await replaceYear(tx, {
        subjectId: subject.id,
        fiscalYear: r.fiscalYear,
        items,
        measures: values,
        source: "imported",
        userId: caller.id,
      });
    }
    await recordAudit(tx, actor, {
      action: "import",
      entityType: "analysis_figures",
      entityId: subject.id,
      summary: `「${subject.name}」の数値を取込（${years.map(formatFiscalYear).join("・")}、${count}項目）（${file.name}）`,
      after: { years, count },
    });
  });
  return {
    ok: true,
    count,
    years,
    summary: `${years.map(formatFiscalYear).join("・")}の数値${count}項目を取り込みました（この${years.length}年度の数値は置き換わりました）`,
  };
}

/** The subject's template: the headings of every column it takes, and one row per year already stored, filled in. */
export async function figuresTemplate(db: Db, user: Principal | null, subjectId: string): Promise<FileResult> {
  requireAnalysisReader(user);
  const subject = await subjectOrNotFound(db, subjectId);
  const set = await loadFigureSet(db, subject);
  const spec = subjectSpec(subject.linked_source, set.measures);
  const dataColumns = spec.columns.filter((c) => c.key !== "fiscalYear");
  const stored = set.years.filter((y) => [...y.items.values(), ...y.measures.values()].some((v) => v.source !== "linked"));
  const rows = stored.map((y) => [
    formatFiscalYear(y.fiscalYear),
    ...dataColumns.map((c) => {
      const v = c.key.startsWith("measure:") ? y.measures.get(c.key.slice("measure:".length)) : y.items.get(c.key);
      return v && v.source !== "linked" ? v.value : "";
    }),
  ]);
  const body = await writeXlsx([
    {
      name: "年度別数値",
      header: spec.columns.map((c) => c.label),
      rows: rows.length ? rows : [[formatFiscalYear(subject.analysis_fiscal_year ?? 2024)]],
    },
  ]);
  return { file: { name: `${subject.name}_年度別数値_ひな形.xlsx`, mimeType: XLSX_MIME, body } };
}

// ------------------------------------------------------------------ the platform's import kind

type KindRow = Row & { subject: string };

const kindColumns: ImportColumn<KindRow>[] = [
  { key: "subject", label: "対象", required: true, aliases: ["名称", "団体名", "対象・比較団体"] },
  { key: "fiscalYear", label: "年度", required: true },
  ...(itemColumns(null) as ImportColumn<KindRow>[]),
];
const kindShape: Record<string, z.ZodType> = {
  subject: z.string().trim().min(1, "対象の名称を入力してください").max(120),
  fiscalYear: fiscalYearCell,
};
for (const c of kindColumns) if (!(c.key in kindShape)) kindShape[c.key] = valueCell;

export const figuresImportKind: TabularImportKind<KindRow> = {
  kind: FIGURES_IMPORT_KIND,
  label: "経営分析の年度別数値の一括登録",
  permission: "analysis.manage",
  spec: { columns: kindColumns, row: z.object(kindShape) as unknown as z.ZodType<KindRow> },
  async apply(tx: Queryable, rows, actor, rowNumbers) {
    const found = actor.userId ? await findUserById(tx, actor.userId) : null;
    const user = found ? await loadPrincipal(tx, found) : null;
    if (!(await isAnalysisManager(tx, user))) return { errors: [{ row: 1, message: "経営分析を所管する局の担当者だけが取り込めます" }] };
    const subjects = await repo.findSubjectIdsByName(tx, [...new Set(rows.map((r) => r.subject))]);
    const byName = new Map(subjects.map((s) => [s.name, s]));
    const errors: ImportError[] = [];
    rows.forEach((r, i) => {
      const s = byName.get(r.subject);
      if (!s) {
        errors.push({ row: rowNumbers[i] as number, column: "対象", message: `「${r.subject}」という対象・比較団体はありません` });
        return;
      }
      for (const item of FIGURE_ITEMS)
        if (typeof r[item.code] === "number" && isLinkedItem(s.linked_source as LinkedSource | null, item.code))
          errors.push({
            row: rowNumbers[i] as number,
            column: item.label,
            message: `「${s.name}」の${item.label}は連携元から読み込むため取り込めません`,
          });
    });
    errors.push(
      ...duplicateYears(
        rows,
        rowNumbers,
        (r) => `${r.subject}|${r.fiscalYear}`,
        (r) => `「${r.subject}」の${formatFiscalYear(r.fiscalYear as number)}`,
      ),
    );
    if (errors.length > 0) return { errors };
    let count = 0;
    for (const r of rows) {
      const s = byName.get(r.subject)!;
      const items = Object.fromEntries(
        FIGURE_ITEMS.map((i) => [i.code, r[i.code]]).filter((e): e is [string, number] => typeof e[1] === "number"),
      );
      count += Object.keys(items).length;
      await replaceYear(tx, { subjectId: s.id, fiscalYear: r.fiscalYear, items, measures: null, source: "imported", userId: actor.userId });
    }
    const bodies = new Set(rows.map((r) => r.subject)).size;
    return { count, summary: `${bodies}団体・${rows.length}年度分の数値${count}項目を登録（その年度の数値は置き換え）` };
  },
};
