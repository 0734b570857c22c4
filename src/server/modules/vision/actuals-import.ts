// 実績値の一括入力: a CSV/Excel of indicator values (指標コード, 年度, 時点, 実績値, 状況, 備考), all or nothing. Every
// row is checked against its indicator — an unknown code, a number for a status-rated indicator (or the reverse), a
// date outside the fiscal year, a duplicate row, or an indicator the uploader may not update — and one bad row
// rejects the whole file with a row-by-row report. A good file lands in one transaction, ticks off the open round's
// tasks and regrades the indicators there.
import { z } from "zod";
import { formatFiscalYear, parseFiscalYear, parseJapaneseDate } from "../../../common/dates";
import { STATUS_RATINGS, type StatusRating } from "../../../common/vision/grading";
import { toNumberInput } from "../../../common/zod-japanese";
import { recordAudit } from "../../platform/audit/audit";
import { findUserById, loadPrincipal } from "../../platform/auth/principal-repo";
import type { TabularImportKind } from "../../platform/imports/registry";
import type { ImportError } from "../../platform/tabular/import-rows";
import { canUpdateIndicator } from "./access";
import { checkActual, storeActuals } from "./actuals";
import * as indicatorRepo from "./indicator-repository";

export const ACTUALS_IMPORT_KIND = "vision-actuals";

export interface ActualImportRow {
  code: string;
  fiscalYear: number;
  asOf?: string;
  value?: number;
  statusRating?: StatusRating;
  note?: string;
}

const row = z.object({
  code: z.string().max(30, "指標コードは30文字以内です"),
  fiscalYear: z.string().transform((text, ctx) => {
    const fy = parseFiscalYear(text);
    if (fy === null || fy < 2000 || fy > 2100) {
      ctx.addIssue({ code: "custom", message: "年度は 2024 や 令和6年度 の形で入力してください" });
      return z.NEVER;
    }
    return fy;
  }),
  asOf: z
    .string()
    .transform((text, ctx) => {
      const parsed = parseJapaneseDate(text);
      if (!parsed) {
        ctx.addIssue({ code: "custom", message: "時点の日付の形式が正しくありません（例: 令和7年3月31日 / 2025-03-31）" });
        return z.NEVER;
      }
      return parsed.iso;
    })
    .optional(),
  value: z.preprocess(toNumberInput, z.number({ error: "実績値は数値で入力してください" }).finite().optional()),
  statusRating: z.enum(STATUS_RATINGS, { error: `状況は ${STATUS_RATINGS.join("・")} のいずれかです` }).optional(),
  note: z.string().max(1000, "備考は1000文字以内です").optional(),
});

export const actualsImport: TabularImportKind<ActualImportRow> = {
  kind: ACTUALS_IMPORT_KIND,
  label: "新ビジョン指標の実績値の一括入力",
  // Any member of staff may try; each row is then checked against the indicator's owner (see apply).
  permission: "vision.import",
  spec: {
    columns: [
      { key: "code", label: "指標コード", required: true },
      { key: "fiscalYear", label: "年度", required: true },
      { key: "asOf", label: "時点" },
      { key: "value", label: "実績値", required: true },
      { key: "statusRating", label: "状況" },
      { key: "note", label: "備考" },
    ],
    row,
  },
  async apply(tx, rows, actor, rowNumbers) {
    const found = actor.userId ? await findUserById(tx, actor.userId) : null;
    if (!found) return { errors: [{ row: 1, message: "取り込みを行った利用者が見つかりません" }] };
    const user = await loadPrincipal(tx, found);

    const indicators = await indicatorRepo.findIndicators(tx, { codes: [...new Set(rows.map((r) => r.code))] });
    const byCode = new Map(indicators.map((i) => [i.code, i]));
    const errors: ImportError[] = [];
    const checked: indicatorRepo.ActualInput[] = [];
    const firstRowOf = new Map<string, number>();
    rows.forEach((r, i) => {
      const rowNumber = rowNumbers[i];
      const indicator = byCode.get(r.code);
      if (!indicator) {
        errors.push({ row: rowNumber, column: "指標コード", message: `指標コード ${r.code} の指標が見つかりません` });
        return;
      }
      if (!canUpdateIndicator(user, indicator)) {
        errors.push({
          row: rowNumber,
          column: "指標コード",
          message: `指標 ${r.code} の実績値を入力する権限がありません（所管: ${indicator.effective_owner_name ?? "未設定"}）`,
        });
        return;
      }
      const key = `${r.code}:${r.fiscalYear}`;
      const first = firstRowOf.get(key);
      if (first !== undefined) {
        errors.push({
          row: rowNumber,
          column: "年度",
          message: `指標 ${r.code} の${formatFiscalYear(r.fiscalYear)}の行が重複しています（${first}行目）`,
        });
        return;
      }
      firstRowOf.set(key, rowNumber);
      const result = checkActual(indicator, {
        fiscalYear: r.fiscalYear,
        asOf: r.asOf ?? null,
        value: r.value ?? null,
        statusRating: r.statusRating ?? null,
        note: r.note ?? "",
      });
      if (!result.ok) errors.push({ row: rowNumber, column: result.column, message: result.message });
      else checked.push(result.row);
    });
    if (errors.length > 0) return { errors };

    await storeActuals(tx, actor, checked);
    const indicatorCount = new Set(checked.map((c) => c.indicatorId)).size;
    await recordAudit(tx, actor, {
      action: "import",
      entityType: "vision_actual",
      summary: `指標の実績値を一括入力（${checked.length}件、指標${indicatorCount}件）`,
      after: { rows: checked.length, indicators: indicatorCount },
    });
    return { count: checked.length, summary: `実績値${checked.length}件を入力（指標${indicatorCount}件）` };
  },
};
