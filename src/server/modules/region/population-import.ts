// 市町の人口の一括登録: a CSV/Excel table of figures (全国地方公共団体コード or 市町名, 基準, 基準日, 人口, 出典) through the
// platform's tabular import, all or nothing. A figure for an unknown 市町, a negative or non-numeric figure, an unknown
// basis or date refuse the file with the row and the reason. A figure is keyed by 市町, basis and date: the same figure
// again changes nothing, a different one replaces the stored one and the summary lists each replacement (before →
// after). Codes are read as in 連携市町の一括登録 (5 digits repaired and reported). The sample figures load through here.
import { z } from "zod";
import { POPULATIONS_IMPORT_KIND } from "../../../common/api/region-municipalities";
import { formatWareki } from "../../../common/dates";
import {
  describePopulationSet,
  POPULATION_BASIS_CHOICES,
  POPULATION_BASIS_LABELS,
  type PopulationBasis,
  parseBasisDate,
  parsePopulationBasis,
  parsePopulationFigure,
} from "../../../common/region/population-basis";
import type { Queryable } from "../../db/database";
import { type Actor, type AuditRecord, recordAudits } from "../../platform/audit/audit";
import type { TabularImportKind } from "../../platform/imports/registry";
import type { ImportColumn, ImportError } from "../../platform/tabular/import-rows";
import { codeCell, type ReadCode, repairedLines } from "./municipality-import";
import { requireImportingManager } from "./municipality-import-access";
import { findMunicipalityKeys } from "./municipality-repository";
import * as repo from "./population-repository";

export interface PopulationImportRow {
  code?: ReadCode;
  name?: string;
  basis: PopulationBasis;
  asOf: string;
  population: number;
  source?: string;
}

/** A cell read by one of the pure rules of population-basis.ts: its message becomes the row's error. */
function ruleCell<T>(read: (text: string) => { ok: true; value: T } | { ok: false; message: string }) {
  return z.string().transform((text, ctx): T => {
    const parsed = read(text);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: parsed.message });
      return z.NEVER;
    }
    return parsed.value;
  });
}

const row = z
  .object({
    code: codeCell.optional(),
    name: z.string().normalize("NFKC").trim().optional(),
    basis: ruleCell((text) => {
      const basis = parsePopulationBasis(text);
      return basis
        ? { ok: true, value: basis }
        : { ok: false, message: `基準「${text}」は使えません（${POPULATION_BASIS_CHOICES}のいずれか）` };
    }),
    asOf: ruleCell(parseBasisDate),
    population: ruleCell(parsePopulationFigure),
    source: z.string().trim().max(200, "出典は200文字以内です").optional(),
  })
  .superRefine((r, ctx) => {
    if (!r.code && !r.name)
      ctx.addIssue({ code: "custom", path: ["code"], message: "全国地方公共団体コードか市町名のどちらかを入力してください" });
  });

const columns: ImportColumn<PopulationImportRow>[] = [
  { key: "code", label: "全国地方公共団体コード", aliases: ["団体コード", "地方公共団体コード", "市区町村コード", "市町村コード"] },
  { key: "name", label: "市町名", aliases: ["市町村名", "市区町村名", "地方公共団体名"] },
  { key: "basis", label: "基準", required: true, aliases: ["人口の基準"] },
  { key: "asOf", label: "基準日", required: true, aliases: ["時点", "調査日"] },
  { key: "population", label: "人口", required: true, aliases: ["人口（人）", "総人口", "人口総数"] },
  { key: "source", label: "出典", aliases: ["備考"] },
];

export const populationImportSpec = { columns, row: row as unknown as z.ZodType<PopulationImportRow> };

const people = (n: number) => `${n.toLocaleString("ja-JP")}人`;
const keyOf = (code: string, basis: string, asOf: string) => `${code}|${basis}|${asOf}`;

export interface PopulationApplyResult {
  created: number;
  replaced: number;
  unchanged: number;
  summary: string;
}

/**
 * Resolves each row's 市町 (by code, else by name; both given must agree), refuses a 市町/basis/date twice in the
 * file, and writes the new and changed figures; each replaced figure gets its audit row with before and after.
 */
export async function applyPopulationRows(
  tx: Queryable,
  rows: readonly PopulationImportRow[],
  rowNumbers: readonly number[],
  actor: Actor,
  opts: { isSample: boolean },
): Promise<PopulationApplyResult | { errors: ImportError[] }> {
  const municipalities = await findMunicipalityKeys(tx);
  const nameOfCode = new Map(municipalities.map((m) => [m.code, m.name]));
  const codeOfName = new Map(municipalities.map((m) => [m.name, m.code]));
  const errors: ImportError[] = [];
  const figures: (repo.PopulationValues & { rowNumber: number; name: string })[] = [];
  const firstRowOf = new Map<string, number>();
  rows.forEach((r, i) => {
    const rowNumber = rowNumbers[i];
    let code: string | undefined;
    if (r.code) {
      code = r.code.code;
      if (!nameOfCode.has(code)) {
        errors.push({
          row: rowNumber,
          column: "全国地方公共団体コード",
          message: `コード ${code} の市町は連携市町に登録されていません（先に連携市町の一括登録で登録してください）`,
        });
        return;
      }
      if (r.name && nameOfCode.get(code) !== r.name) {
        errors.push({
          row: rowNumber,
          column: "市町名",
          message: `市町名「${r.name}」とコード ${code}（${nameOfCode.get(code)}）が合いません`,
        });
        return;
      }
    } else if (r.name) {
      code = codeOfName.get(r.name);
      if (!code) {
        errors.push({ row: rowNumber, column: "市町名", message: `市町名「${r.name}」は連携市町に登録されていません` });
        return;
      }
    }
    if (!code) return;
    const key = keyOf(code, r.basis, r.asOf);
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      errors.push({
        row: rowNumber,
        column: "基準日",
        message: `${nameOfCode.get(code)}の${describePopulationSet(r.basis, r.asOf)}の行が重複しています（${first}行目）`,
      });
      return;
    }
    firstRowOf.set(key, rowNumber);
    figures.push({
      code,
      name: nameOfCode.get(code) ?? code,
      basis: r.basis,
      asOf: r.asOf,
      population: r.population,
      source: r.source ?? "",
      rowNumber,
    });
  });
  if (errors.length > 0) return { errors };

  const stored = new Map(
    (await repo.findPopulationsByKeys(tx, figures)).map((p) => [keyOf(p.municipality_code, p.basis, p.as_of), p] as const),
  );
  const writes: repo.PopulationValues[] = [];
  const replacements: string[] = [];
  const audits: AuditRecord[] = [];
  let created = 0;
  for (const f of figures) {
    const before = stored.get(keyOf(f.code, f.basis, f.asOf));
    const { rowNumber: _, name: __, ...values } = f;
    if (!before) {
      created++;
      writes.push(values);
    } else if (before.population !== f.population || before.source !== f.source) {
      writes.push(values);
      const what = `${f.name} ${POPULATION_BASIS_LABELS[f.basis]} ${formatWareki(f.asOf)}`;
      replacements.push(
        before.population === f.population
          ? `${f.rowNumber}行目 ${what}（出典のみ変更）`
          : `${f.rowNumber}行目 ${what} ${people(before.population)}→${people(f.population)}`,
      );
      audits.push({
        action: "import_update",
        entityType: "region_population",
        entityId: f.code,
        summary: `${what}の人口を置き換え`,
        before: { population: before.population, source: before.source },
        after: { population: f.population, source: f.source },
      });
    }
  }
  await repo.upsertPopulations(tx, writes, actor.userId, opts.isSample);
  await recordAudits(tx, actor, audits);
  const replaced = writes.length - created;
  const unchanged = figures.length - writes.length;
  const listed = replacements.slice(0, 20).join("、") + (replacements.length > 20 ? `、ほか${replacements.length - 20}件` : "");
  const summary =
    `人口${figures.length}件（新規${created}件・置き換え${replaced}件・変更なし${unchanged}件）。` +
    (replaced > 0 ? `置き換えた数値: ${listed}。` : "") +
    repairedLines(
      rows.filter((r): r is PopulationImportRow & { code: ReadCode } => !!r.code),
      rowNumbers.filter((_, i) => !!rows[i].code),
    );
  return { created, replaced, unchanged, summary };
}

export const populationImport: TabularImportKind<PopulationImportRow> = {
  kind: POPULATIONS_IMPORT_KIND,
  label: "市町の人口の一括登録",
  // Any editor may try (the registry's rule cannot read the hub's bureau); apply refuses anyone but a region manager.
  permission: "region.import",
  spec: populationImportSpec,
  async apply(tx, rows, actor, rowNumbers) {
    const refused = await requireImportingManager(tx, actor);
    if (refused) return { errors: [refused] };
    const result = await applyPopulationRows(tx, rows, rowNumbers, actor, { isSample: false });
    if ("errors" in result) return result;
    return { count: result.created + result.replaced, summary: result.summary };
  },
};
