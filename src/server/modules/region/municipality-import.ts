// 連携市町の一括登録: a CSV/Excel table of 市町 (全国地方公共団体コード, 市町名, ふりがな, 英語名, 区分, 郡, 連携協約の締結日)
// through the platform's tabular import, all or nothing, upserted by code. A code is read as files write it: a 5-digit
// code (check digit left out, or a leading zero a spreadsheet dropped) is repaired and the repair is listed in the
// import's summary; a wrong check digit refuses the row with the reason. The sample 市町 load through the same rows.
import { z } from "zod";
import { MUNICIPALITIES_IMPORT_KIND } from "../../../common/api/region-municipalities";
import { formatWareki } from "../../../common/dates";
import { MUNICIPALITY_CODE_MESSAGES, parseMunicipalityCode } from "../../../common/region/municipality-code";
import {
  districtProblem,
  KANA_MESSAGE,
  KANA_PATTERN,
  MUNICIPALITY_KIND_LABELS,
  type MunicipalityKind,
  normaliseKana,
  parseMunicipalityKind,
} from "../../../common/region/municipality-fields";
import { parseBasisDate } from "../../../common/region/population-basis";
import type { Queryable } from "../../db/database";
import { type Actor, type AuditRecord, recordAudits } from "../../platform/audit/audit";
import type { TabularImportKind } from "../../platform/imports/registry";
import type { ImportColumn, ImportError } from "../../platform/tabular/import-rows";
import { requireImportingManager } from "./municipality-import-access";
import * as repo from "./municipality-repository";

/** A code cell read: the code, and how it was repaired (reported in the summary). */
export interface ReadCode {
  code: string;
  repaired: { input: string; message: string } | null;
}

/** 全国地方公共団体コード as a cell: 6 digits with the right check digit; 5 digits repaired; anything else refused. */
export const codeCell = z.string().transform((input, ctx): ReadCode => {
  const result = parseMunicipalityCode(input);
  if (!result.ok) {
    ctx.addIssue({ code: "custom", message: `${input}: ${MUNICIPALITY_CODE_MESSAGES[result.problem]}` });
    return z.NEVER;
  }
  return {
    code: result.code,
    repaired: result.repair ? { input: input.trim(), message: MUNICIPALITY_CODE_MESSAGES[result.repair] } : null,
  };
});

export interface MunicipalityImportRow {
  code: ReadCode;
  name: string;
  kana: string;
  nameEn: string;
  kind: MunicipalityKind;
  district?: string;
  joinedOn?: string;
}

const row = z
  .object({
    code: codeCell,
    name: z.string().normalize("NFKC").trim().min(1).max(20, "市町名は20文字以内です"),
    kana: z.string().transform(normaliseKana).pipe(z.string().max(40, "ふりがなは40文字以内です").regex(KANA_PATTERN, KANA_MESSAGE)),
    nameEn: z.string().trim().max(60, "英語名は60文字以内です"),
    kind: z.string().transform((text, ctx) => {
      const kind = parseMunicipalityKind(text);
      if (!kind) {
        ctx.addIssue({ code: "custom", message: "区分は 政令指定都市・市・町 のいずれかです" });
        return z.NEVER;
      }
      return kind;
    }),
    district: z.string().normalize("NFKC").trim().max(20, "郡は20文字以内です").optional(),
    joinedOn: z
      .string()
      .transform((text, ctx) => {
        const parsed = parseBasisDate(text);
        if (!parsed.ok) {
          ctx.addIssue({
            code: "custom",
            message: "連携協約の締結日は 平成28年4月18日・2016-04-18・2016/04/18 のように日付で入力してください",
          });
          return z.NEVER;
        }
        return parsed.value;
      })
      .optional(),
  })
  .superRefine((r, ctx) => {
    const problem = districtProblem(r.kind, r.district ?? null);
    if (problem) ctx.addIssue({ code: "custom", path: ["district"], message: problem });
  });

const columns: ImportColumn<MunicipalityImportRow>[] = [
  {
    key: "code",
    label: "全国地方公共団体コード",
    required: true,
    aliases: ["団体コード", "地方公共団体コード", "市区町村コード", "市町村コード"],
  },
  { key: "name", label: "市町名", required: true, aliases: ["市町村名", "市区町村名", "地方公共団体名"] },
  { key: "kana", label: "ふりがな", required: true, aliases: ["フリガナ", "よみがな", "市町名_カナ"] },
  { key: "nameEn", label: "英語名", required: true, aliases: ["英語表記", "市町名_英語"] },
  { key: "kind", label: "区分", required: true, aliases: ["種別"] },
  { key: "district", label: "郡" },
  { key: "joinedOn", label: "連携協約の締結日", aliases: ["締結日", "連携協約締結日"] },
];

export const municipalityImportSpec = { columns, row: row as unknown as z.ZodType<MunicipalityImportRow> };

/** What a repaired code looks like in a summary: 「3行目 40100→401005（5桁のコードにチェックデジットを補いました。）」. */
export function repairedLines(rows: readonly { code: ReadCode }[], rowNumbers: readonly number[], limit = 20): string {
  const lines = rows.flatMap((r, i) =>
    r.code.repaired
      ? [`${rowNumbers[i]}行目 ${r.code.repaired.input}→${r.code.code}（${r.code.repaired.message.replace(/。$/, "")}）`]
      : [],
  );
  if (lines.length === 0) return "";
  const shown = lines.slice(0, limit).join("、");
  return `コードを補った行${lines.length}件: ${shown}${lines.length > limit ? `、ほか${lines.length - limit}件` : ""}。`;
}

const valuesOf = (r: MunicipalityImportRow): repo.MunicipalityValues => ({
  code: r.code.code,
  name: r.name,
  kana: r.kana,
  nameEn: r.nameEn,
  kind: r.kind,
  district: r.district ?? null,
  joinedOn: r.joinedOn ?? null,
});

const sameValues = (stored: repo.StoredMunicipality, v: repo.MunicipalityValues) =>
  stored.name === v.name &&
  stored.kana === v.kana &&
  stored.name_en === v.nameEn &&
  stored.kind === v.kind &&
  (stored.district ?? null) === v.district &&
  (stored.joined_on ?? null) === v.joinedOn;

const describe = (v: { name: string; kind: string; district: string | null; joinedOn?: string | null; joined_on?: string | null }) => {
  const joined = v.joinedOn ?? v.joined_on ?? null;
  return `${v.name}（${MUNICIPALITY_KIND_LABELS[v.kind as MunicipalityKind] ?? v.kind}${v.district ? `・${v.district}` : ""}${joined ? `・締結日 ${formatWareki(joined)}` : ""}）`;
};

export interface MunicipalityApplyResult {
  created: number;
  updated: number;
  unchanged: number;
  summary: string;
}

/**
 * Checks the rows against each other and the stored 市町 (a code or a name twice in the file, a name another code
 * holds) and upserts them by code; every created or changed 市町 gets its audit row. Errors: nothing is written.
 */
export async function applyMunicipalityRows(
  tx: Queryable,
  rows: readonly MunicipalityImportRow[],
  rowNumbers: readonly number[],
  actor: Actor,
  opts: { isSample: boolean },
): Promise<MunicipalityApplyResult | { errors: ImportError[] }> {
  const stored = await repo.findStoredMunicipalities(tx);
  const byCode = new Map(stored.map((m) => [m.code, m]));
  const codeOfName = new Map(stored.map((m) => [m.name, m.code]));
  const errors: ImportError[] = [];
  const firstRowOfCode = new Map<string, number>();
  const firstRowOfName = new Map<string, number>();
  rows.forEach((r, i) => {
    const rowNumber = rowNumbers[i];
    const code = r.code.code;
    const sameCode = firstRowOfCode.get(code);
    if (sameCode !== undefined)
      errors.push({ row: rowNumber, column: "全国地方公共団体コード", message: `コード ${code} の行が重複しています（${sameCode}行目）` });
    else firstRowOfCode.set(code, rowNumber);
    const sameName = firstRowOfName.get(r.name);
    if (sameName !== undefined)
      errors.push({ row: rowNumber, column: "市町名", message: `市町名「${r.name}」の行が重複しています（${sameName}行目）` });
    else firstRowOfName.set(r.name, rowNumber);
    const holder = codeOfName.get(r.name);
    if (holder && holder !== code)
      errors.push({
        row: rowNumber,
        column: "市町名",
        message: `市町名「${r.name}」は別のコード（${holder}）の市町として登録されています`,
      });
  });
  if (errors.length > 0) return { errors };

  let sortOrder = await repo.nextSortOrder(tx);
  let created = 0;
  let updated = 0;
  const audits: AuditRecord[] = [];
  for (const r of rows) {
    const values = valuesOf(r);
    const before = byCode.get(values.code);
    if (!before) {
      await repo.insertMunicipality(tx, values, sortOrder++, opts.isSample);
      created++;
      audits.push({ action: "import", entityType: "region_municipality", entityId: values.code, summary: describe(values), after: values });
    } else if (!sameValues(before, values)) {
      await repo.updateImportedMunicipality(tx, values, opts.isSample);
      updated++;
      audits.push({
        action: "import_update",
        entityType: "region_municipality",
        entityId: values.code,
        summary: describe(values),
        before: {
          code: before.code,
          name: before.name,
          kana: before.kana,
          nameEn: before.name_en,
          kind: before.kind,
          district: before.district,
          joinedOn: before.joined_on,
        },
        after: values,
      });
    }
  }
  await recordAudits(tx, actor, audits);
  const unchanged = rows.length - created - updated;
  const summary = `連携市町${rows.length}件（新規${created}件・更新${updated}件・変更なし${unchanged}件）。${repairedLines(rows, rowNumbers)}`;
  return { created, updated, unchanged, summary };
}

export const municipalityImport: TabularImportKind<MunicipalityImportRow> = {
  kind: MUNICIPALITIES_IMPORT_KIND,
  label: "連携市町の一括登録",
  // Any editor may try (the registry's rule cannot read the hub's bureau); apply refuses anyone but a region manager.
  permission: "region.import",
  spec: municipalityImportSpec,
  async apply(tx, rows, actor, rowNumbers) {
    const refused = await requireImportingManager(tx, actor);
    if (refused) return { errors: [refused] };
    const result = await applyMunicipalityRows(tx, rows, rowNumbers, actor, { isSample: false });
    if ("errors" in result) return result;
    return { count: result.created + result.updated, summary: result.summary };
  },
};
