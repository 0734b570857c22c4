// 全国比較（参考データ）: loads the 総務省 現況調査 files into furusato_reference_figures (all rows replaced in one
// transaction, with its audit row) and answers the comparison: per body per year 受入件数・受入額・前年度比・費用割合,
// and the national totals. The table is this feature's own; its SQL is in repository.ts.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import {
  type ComparisonResult,
  type ComparisonYear,
  DESIGNATED_CITIES,
  REFERENCE_ATTRIBUTION,
  type ReferenceBody,
} from "../../../../common/api/furusato-reference";
import type { Db, Queryable } from "../../../db/database";
import { type Actor, recordAudit } from "../../../platform/audit/audit";
import { ValidationError } from "../../../platform/errors";
import {
  type AmountPrecision,
  type BodyName,
  type CostBreakdown,
  isRough,
  type ParsedSurveys,
  parseDetailedSurvey,
  parseRoughSurvey,
  parseSurveys,
  type ReferenceFigure,
  type SurveyFile,
  SurveyFormatError,
} from "./parse-survey";
import * as repo from "./repository";

export { DESIGNATED_CITIES, REFERENCE_ATTRIBUTION };

/** 政令指定都市の団体コード */
export const DESIGNATED_CITY_CODES: readonly string[] = DESIGNATED_CITIES.map((city) => city.code);

/** What the national totals add up (say it wherever they are shown). */
export const NATIONAL_SCOPE = "全国合計＝都道府県＋市区町村（各年度の全団体の合計）";

export interface LoadProgress {
  step: "read" | "parse" | "write" | "done";
  message: string;
  done: number;
  total: number;
}

export interface LoadSummary {
  rows: number;
  years: { fiscalYear: number; rows: number; amountPrecision: AmountPrecision; donationAmount: number }[];
  sourceFiles: string[];
  /** rough-file rows whose names matched no 団体コード (not loaded) */
  unmatched: { prefecture: string; municipality: string }[];
  crossChecks: ParsedSurveys["crossChecks"];
  /** cost cells with words instead of amounts (read as 0) */
  costTextCells: number;
}

/** donations/*.xlsx and donations-rough/*.xlsx under `dir` (deductions/ is not read). */
export function readSurveyDirectory(dir: string): SurveyFile[] {
  const files: SurveyFile[] = [];
  for (const sub of ["donations", "donations-rough"]) {
    const folder = path.join(dir, sub);
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      continue;
    }
    for (const name of names.filter((n) => n.toLowerCase().endsWith(".xlsx") && !n.startsWith("~$")).sort()) {
      const full = path.join(folder, name);
      if (statSync(full).isFile()) files.push({ name: `${sub}/${name}`, bytes: new Uint8Array(readFileSync(full)) });
    }
  }
  if (!files.some((f) => f.name.startsWith("donations/")))
    throw new ValidationError(`${dir} に donations/*.xlsx（総務省 現況調査の受入額ファイル）が見つかりません。`);
  return files;
}

/**
 * Parses every survey file under `dir` and replaces all reference rows in one transaction (all or nothing),
 * recording the load in the audit log.
 */
export async function loadReference(db: Db, dir: string, actor: Actor, progress?: (p: LoadProgress) => void): Promise<LoadSummary> {
  progress?.({ step: "read", message: `${dir} を読んでいます`, done: 0, total: 3 });
  const files = readSurveyDirectory(dir);
  progress?.({ step: "parse", message: `${files.length}ファイルを解析しています`, done: 1, total: 3 });
  let parsed: ParsedSurveys;
  try {
    parsed = await parseSurveys(files);
  } catch (error) {
    if (error instanceof SurveyFormatError) throw new ValidationError(error.message);
    throw error;
  }
  const { figures } = parsed;
  const years = new Map<number, LoadSummary["years"][number]>();
  for (const f of figures) {
    const year = years.get(f.fiscalYear) ?? { fiscalYear: f.fiscalYear, rows: 0, amountPrecision: f.amountPrecision, donationAmount: 0 };
    year.rows++;
    year.donationAmount += f.donationAmount;
    years.set(f.fiscalYear, year);
  }
  const summary: LoadSummary = {
    rows: figures.length,
    years: [...years.values()].sort((a, b) => a.fiscalYear - b.fiscalYear),
    sourceFiles: files.map((f) => f.name),
    unmatched: (parsed.rough?.unmatched ?? []).map(({ prefecture, municipality }) => ({ prefecture, municipality })),
    crossChecks: parsed.crossChecks,
    costTextCells: parsed.detailed.reduce((n, d) => n + d.costTextCells.length, 0),
  };
  progress?.({ step: "write", message: `${figures.length}行を書き込んでいます`, done: 2, total: 3 });
  await db.transaction(async (tx) => {
    const before = await repo.countFigures(tx);
    await repo.deleteFigures(tx);
    await repo.insertFigures(tx, figures);
    await recordAudit(tx, actor, {
      action: "load",
      entityType: "furusato_reference_figures",
      summary: `全国比較の参考データ（総務省 現況調査）を読み込み: ${summary.years.length}年度、${figures.length}行`,
      before: { rows: before },
      after: {
        rows: summary.rows,
        years: summary.years.map((y) => ({ fiscalYear: y.fiscalYear, rows: y.rows, amountPrecision: y.amountPrecision })),
        sourceFiles: summary.sourceFiles,
        unmatched: summary.unmatched.length,
      },
    });
  });
  progress?.({ step: "done", message: "読み込みました", done: 3, total: 3 });
  return summary;
}

// ---------------------------------------------------------------- one uploaded file (the admin screen)

/** What loading one uploaded file did (or why it did nothing). */
export interface FileLoadOutcome {
  name: string;
  ok: boolean;
  /** rows written (0 when refused) */
  rows: number;
  /** the fiscal years the file replaced */
  fiscalYears: number[];
  /** Japanese: what was loaded, or the reason (with the row number) the file was refused */
  message: string;
}

export const ROUGH_NEEDS_DETAILED =
  "時系列ファイル（total_gain.xlsx）は団体名を団体コードに対応づけるため、先に年度別のファイル（R2_gain.xlsx など）を読み込んでください。";

/** Names of the bodies the detailed years hold (newer years win), for matching the rough file's names to codes. */
async function storedBodyNames(db: Queryable): Promise<BodyName[]> {
  const rows = await repo.findDetailedBodyNames(db);
  return rows.map((r) => ({ bodyCode: r.body_code, prefecture: r.prefecture, municipality: r.municipality }));
}

/**
 * Loads one 総務省 file, all or nothing: a year's detailed file (R2_gain.xlsx) replaces every row of its fiscal year
 * (the detailed figures win over the rough ones); the rough time series (total_gain.xlsx) fills only the years that no
 * detailed file has given. A file that cannot be read changes nothing and says why (with the row, when there is one).
 */
export async function loadSurveyFile(db: Db, file: SurveyFile, actor: Actor): Promise<FileLoadOutcome> {
  const refused = (message: string): FileLoadOutcome => ({ name: file.name, ok: false, rows: 0, fiscalYears: [], message });
  let figures: ReferenceFigure[];
  let fiscalYears: number[];
  let note = "";
  try {
    if (isRough(file.name)) {
      const names = await storedBodyNames(db);
      if (names.length === 0) return refused(ROUGH_NEEDS_DETAILED);
      const rough = await parseRoughSurvey(file.bytes, file.name, names);
      const detailedYears = new Set(await repo.findDetailedYears(db));
      fiscalYears = rough.years.filter((year) => !detailedYears.has(year));
      figures = rough.figures.filter((f) => fiscalYears.includes(f.fiscalYear));
      if (rough.unmatched.length > 0) note = `（団体コードが見つからず読み込まなかった団体 ${rough.unmatched.length}件）`;
    } else {
      const detailed = await parseDetailedSurvey(file.bytes, file.name);
      fiscalYears = [detailed.fiscalYear];
      figures = detailed.figures;
      if (detailed.costTextCells.length > 0) note = `（費用欄に文字があり0円として読んだセル ${detailed.costTextCells.length}件）`;
    }
  } catch (error) {
    if (error instanceof SurveyFormatError) return refused(error.message);
    throw error;
  }
  if (fiscalYears.length === 0)
    return refused(`${file.name}: 新しく読み込む年度がありません（どの年度も年度別のファイルで読込済みです）。`);
  const years = [...fiscalYears].sort((a, b) => a - b);
  await db.transaction(async (tx) => {
    const before = await repo.countFigures(tx, years);
    await repo.deleteFigures(tx, years);
    await repo.insertFigures(tx, figures);
    await recordAudit(tx, actor, {
      action: "load",
      entityType: "furusato_reference_figures",
      summary: `全国比較の参考データ（総務省 現況調査）を読み込み: ${file.name}、${years.length}年度、${figures.length}行`,
      before: { rows: before },
      after: { rows: figures.length, fiscalYears: years, sourceFile: file.name },
    });
  });
  const span = years.length === 1 ? `${years[0]}年度` : `${years[0]}〜${years[years.length - 1]}年度`;
  return {
    name: file.name,
    ok: true,
    rows: figures.length,
    fiscalYears: years,
    message: `${span}の${figures.length}行を読み込みました${note}。`,
  };
}

// ---------------------------------------------------------------- reading

export interface StoredFigure extends ReferenceFigure {
  /** 市区町村名 (or the prefecture's name for the prefecture itself) */
  name: string;
  /** cost total ÷ 受入額 (null without costs or receipts) */
  costRatio: number | null;
}

const nameOf = (prefecture: string, municipality: string) => municipality || prefecture;
const ratio = (part: number | null, whole: number) => (part === null || whole <= 0 ? null : part / whole);

function figureOf(row: repo.FigureRow): StoredFigure {
  const costs: CostBreakdown | null =
    row.cost_total === null
      ? null
      : {
          procurement: row.cost_procurement ?? 0,
          shipping: row.cost_shipping ?? 0,
          publicity: row.cost_publicity ?? 0,
          payment: row.cost_payment ?? 0,
          administration: row.cost_administration ?? 0,
          other: row.cost_other ?? 0,
          total: row.cost_total,
        };
  return {
    bodyCode: row.body_code,
    prefecture: row.prefecture,
    municipality: row.municipality,
    name: nameOf(row.prefecture, row.municipality),
    fiscalYear: row.fiscal_year,
    donationCount: Number(row.donation_count),
    donationAmount: Number(row.donation_amount),
    amountPrecision: row.amount_precision,
    costs,
    costRatio: ratio(costs?.total ?? null, Number(row.donation_amount)),
    source: row.source_file,
  };
}

/** One body's figures for one fiscal year, or null when the data has none. */
export async function referenceFigures(db: Queryable, code: string, year: number): Promise<StoredFigure | null> {
  const row = await repo.findFigure(db, code, year);
  return row ? figureOf(row) : null;
}

export interface ReferenceStatus {
  loaded: boolean;
  loadedAt: Date | null;
  totalRows: number;
  years: { fiscalYear: number; rows: number; amountPrecision: AmountPrecision; withCosts: boolean; sourceFiles: string[] }[];
}

export async function referenceStatus(db: Queryable): Promise<ReferenceStatus> {
  const rows = await repo.findLoadedYears(db);
  const loadedAt = rows.reduce<Date | null>((latest, r) => (!latest || r.loaded_at > latest ? r.loaded_at : latest), null);
  return {
    loaded: rows.length > 0,
    loadedAt,
    totalRows: rows.reduce((n, r) => n + r.rows, 0),
    years: rows.map((r) => ({
      fiscalYear: r.fiscal_year,
      rows: r.rows,
      amountPrecision: r.amount_precision,
      withCosts: r.with_costs,
      sourceFiles: [...r.source_files].sort(),
    })),
  };
}

/** Every body of the data under its newest name (for the comparison's picker). */
export async function referenceBodies(db: Queryable): Promise<ReferenceBody[]> {
  const rows = await repo.findBodies(db);
  return rows.map((r) => ({
    bodyCode: r.body_code,
    prefecture: r.prefecture,
    municipality: r.municipality,
    name: nameOf(r.prefecture, r.municipality),
  }));
}

export interface CompareInput {
  codes: readonly string[];
  fromYear: number;
  toYear: number;
}

interface YearValues {
  fiscalYear: number;
  donationCount: number;
  donationAmount: number;
  amountPrecision: AmountPrecision;
  costTotal: number | null;
}

/** Adds 前年度比 and 費用割合 to a body's (or the nation's) years, from `fromYear` on. */
function withGrowth<T extends YearValues>(years: readonly T[], fromYear: number): (T & Pick<ComparisonYear, "growth" | "costRatio">)[] {
  const byYear = new Map(years.map((y) => [y.fiscalYear, y]));
  return years
    .filter((y) => y.fiscalYear >= fromYear)
    .map((y) => {
      const previous = byYear.get(y.fiscalYear - 1);
      return {
        ...y,
        growth: previous && previous.donationAmount > 0 ? y.donationAmount / previous.donationAmount - 1 : null,
        costRatio: ratio(y.costTotal, y.donationAmount),
      };
    });
}

/**
 * Per body per year: 受入件数, 受入額, 前年度比 (vs the year before, which is read even when it is before
 * `fromYear`), 費用割合 (cost total ÷ 受入額); and the national totals (都道府県＋市区町村) for the same years.
 */
export async function compare(db: Queryable, input: CompareInput): Promise<ComparisonResult> {
  const { fromYear, toYear } = input;
  const codes = [...new Set(input.codes)];
  if (fromYear > toYear) throw new ValidationError("開始年度は終了年度以前にしてください。");
  // from the year before `fromYear`: its 前年度比 needs it
  const rows = await repo.findFigures(db, codes, fromYear - 1, toYear);
  const byBody = new Map<string, StoredFigure[]>();
  for (const row of rows) {
    const f = figureOf(row);
    byBody.set(f.bodyCode, [...(byBody.get(f.bodyCode) ?? []), f]);
  }
  const bodies: ComparisonResult["bodies"] = [];
  for (const code of codes) {
    const figures = byBody.get(code);
    if (!figures) continue;
    const newest = figures[figures.length - 1];
    const years = withGrowth(
      figures.map((f) => ({
        fiscalYear: f.fiscalYear,
        donationCount: f.donationCount,
        donationAmount: f.donationAmount,
        amountPrecision: f.amountPrecision,
        costTotal: f.costs?.total ?? null,
      })),
      fromYear,
    );
    bodies.push({
      bodyCode: code,
      prefecture: newest.prefecture,
      municipality: newest.municipality,
      name: newest.name,
      years,
    });
  }
  return {
    fromYear,
    toYear,
    bodies,
    unknownCodes: codes.filter((code) => !byBody.has(code)),
    national: await nationalTotals(db, fromYear, toYear),
    nationalScope: NATIONAL_SCOPE,
    attribution: REFERENCE_ATTRIBUTION,
  };
}

/** 全国合計 per year: every body of the year, 都道府県 and 市区町村 together (see NATIONAL_SCOPE). */
export async function nationalTotals(db: Queryable, fromYear: number, toYear: number): Promise<ComparisonResult["national"]> {
  const rows = await repo.findNationalYears(db, fromYear - 1, toYear);
  const years = rows.map((r) => ({
    fiscalYear: r.fiscal_year,
    bodies: r.bodies,
    donationCount: Number(r.donation_count),
    donationAmount: Number(r.donation_amount),
    // min(): 'thousand' < 'yen', so a year with any 千円 row is only as precise as 千円
    amountPrecision: r.amount_precision,
    costTotal: r.cost_total === null ? null : Number(r.cost_total),
  }));
  return withGrowth(years, fromYear);
}
