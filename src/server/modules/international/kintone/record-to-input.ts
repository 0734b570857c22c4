// One kintone record → the input of a project or a trip, through the clerk's mapping. The values are checked by the
// same zod contracts as the screens' forms (projectInput, tripInput), so an import row and a form follow one rule; an
// error names the file's row and column. Names are resolved with lookups the import loads once (organisations,
// users, 分野, partners, projects already imported): pure code, no database.
import type { z } from "zod";
import {
  COST_KIND_LABELS,
  FUNDING_SOURCE_LABELS,
  PARTNER_RELATION_LABELS,
  type PartnerRelation,
  PROJECT_STATUS_LABELS,
  type ProjectInput,
  projectInput,
  TRIP_STATUS_LABELS,
  type TripInput,
  type TripStatus,
  tripInput,
} from "../../../../common/api/international";
import { parseFiscalYear, parseJapaneseDate } from "../../../../common/dates";
import { toNumberInput } from "../../../../common/zod-japanese";
import type { KintoneMapping } from "./import-mapping";
import type { KintoneRecord, KintoneRow } from "./read-export";

export interface ImportLookups {
  /** the division (or bureau) by name or code; the bureau's name narrows a division name used in two bureaus */
  organisation(division: string, bureau: string | null): string | null;
  /** a user by login name or display name */
  user(text: string): { id: string; name: string } | null;
  fieldId(name: string): string | null;
  /** a partner already known (or about to be created by this import), by country and city */
  partnerId(country: string, city: string): string | null;
  /** a project imported earlier, by its kintone レコード番号 */
  projectIdByKey(key: string): string | null;
}

export interface ImportError {
  row: number;
  column: string | null;
  message: string;
}

export interface PartnerSpec {
  country: string;
  city: string;
  organisation: string;
  relation: PartnerRelation;
  relatedSince: string | null;
}

export type Converted<T> = { ok: true; row: number; sourceKey: string; value: T } | { ok: false; row: number; errors: ImportError[] };

export interface ProjectImport {
  /** everything but the partners, which the import finds or creates first */
  input: Omit<ProjectInput, "partnerIds">;
  partners: PartnerSpec[];
}

export interface TripImport {
  input: TripInput;
  status: TripStatus;
  safetyLevel: number | null;
  reportFiledOn: string | null;
  results: string;
}

const inverse = <K extends string>(labels: Record<K, string>) => new Map(Object.entries(labels).map(([k, v]) => [v as string, k as K]));
const PROJECT_STATUS_BY_LABEL = inverse(PROJECT_STATUS_LABELS);
const TRIP_STATUS_BY_LABEL = inverse(TRIP_STATUS_LABELS);
const RELATION_BY_LABEL = inverse(PARTNER_RELATION_LABELS);
const FUNDING_BY_LABEL = inverse(FUNDING_SOURCE_LABELS);
const COST_KIND_BY_LABEL = inverse(COST_KIND_LABELS);

/** Where each part of the input came from, so that a zod issue's path names the file's row and column. */
class Sources {
  private readonly at = new Map<string, { row: number; column: string | null }>();
  readonly errors: ImportError[] = [];
  constructor(readonly row: number) {}
  note(path: (string | number)[], row: number, column: string | null) {
    this.at.set(path.join("."), { row, column });
  }
  fail(row: number, column: string | null, message: string) {
    this.errors.push({ row, column, message });
  }
  /** the nearest noted part of a path (a whole list's issue falls back to the record's row) */
  locate(path: readonly PropertyKey[]): { row: number; column: string | null } {
    for (let n = path.length; n > 0; n--) {
      const found = this.at.get(path.slice(0, n).map(String).join("."));
      if (found) return found;
    }
    return { row: this.row, column: null };
  }
  addIssues(issues: readonly z.core.$ZodIssue[]) {
    for (const issue of issues) {
      const { row, column } = this.locate(issue.path);
      this.errors.push({ row, column, message: issue.message });
    }
  }
}

/** A field's values as the record holds them, through the mapping; text fields join their lines back. */
class Reader {
  constructor(
    private readonly values: Record<string, string[]>,
    private readonly fields: Record<string, string | null>,
  ) {}
  column(target: string): string | null {
    return this.fields[target] ?? null;
  }
  list(target: string): string[] {
    const source = this.column(target);
    return source === null ? [] : (this.values[source] ?? []).map((v) => v.trim()).filter((v) => v !== "");
  }
  text(target: string): string {
    const source = this.column(target);
    return source === null ? "" : (this.values[source] ?? []).join("\n").trim();
  }
}

function numberOr(text: string): unknown {
  return text === "" ? undefined : toNumberInput(text);
}

function fiscalYearOf(text: string, sources: Sources, row: number, column: string | null, label: string): number | null {
  if (text === "") return null;
  const fy = parseFiscalYear(text);
  if (fy === null) sources.fail(row, column, `${label}「${text}」を年度として読めません（例: 2024 / 令和6年度）。`);
  return fy;
}

function dateOf(text: string, sources: Sources, row: number, column: string | null, label: string): string | null {
  if (text === "") return null;
  const parsed = parseJapaneseDate(text);
  if (!parsed) sources.fail(row, column, `${label}「${text}」を日付として読めません（例: 2024-05-01 / 令和6年5月1日）。`);
  return parsed?.iso ?? null;
}

function coded<K extends string>(
  byLabel: Map<string, K>,
  text: string,
  sources: Sources,
  row: number,
  column: string | null,
  label: string,
): K | undefined {
  if (text === "") return undefined;
  // the Japanese label as kintone shows it, or the code itself
  const code = byLabel.get(text) ?? ([...byLabel.values()].includes(text as K) ? (text as K) : undefined);
  if (code === undefined) sources.fail(row, column, `${label}「${text}」は選べる値（${[...byLabel.keys()].join("・")}）にありません。`);
  return code;
}

function subtableRows(
  record: KintoneRecord,
  mapping: KintoneMapping,
  target: string,
): { rows: KintoneRow[]; fields: Record<string, string | null> } {
  const chosen = mapping.subtables[target];
  if (!chosen?.source) return { rows: [], fields: {} };
  return { rows: record.subtables[chosen.source] ?? [], fields: chosen.fields };
}

function owner(read: Reader, sources: Sources, lookups: ImportLookups): string | null {
  const division = read.text("division");
  if (division === "") return null;
  const id = lookups.organisation(division, read.text("bureau") || null);
  if (id === null)
    sources.fail(sources.row, read.column("division"), `担当課「${division}」が組織にありません（組織の名称かコードで書いてください）。`);
  return id;
}

export function projectFromRecord(record: KintoneRecord, mapping: KintoneMapping, lookups: ImportLookups): Converted<ProjectImport> {
  const sources = new Sources(record.row);
  const read = new Reader(record.main, mapping.main);
  const row = record.row;
  const note = (path: string, target: string) => sources.note([path], row, read.column(target));
  const sourceKey = read.text("key");
  if (sourceKey === "")
    sources.fail(row, read.column("key"), "レコード番号が空です（同じファイルをもう一度取り込んだときの照合に使います）。");

  const fieldName = read.text("field");
  const fieldId = fieldName === "" ? null : lookups.fieldId(fieldName);
  if (fieldName !== "" && fieldId === null) sources.fail(row, read.column("field"), `分野「${fieldName}」は分野の一覧にありません。`);
  const contactText = read.text("contact");
  const contact = contactText === "" ? null : lookups.user(contactText);
  const visibility = read.text("visibility");
  if (visibility !== "" && visibility !== "公開" && visibility !== "内部")
    sources.fail(row, read.column("visibility"), `公開区分「${visibility}」は「公開」か「内部」で書いてください。`);

  const partners: PartnerSpec[] = [];
  const partnerTable = subtableRows(record, mapping, "partners");
  for (const line of partnerTable.rows) {
    const cells = new Reader(line.values, partnerTable.fields);
    const country = cells.text("country");
    const city = cells.text("city");
    if (country === "" || city === "") {
      sources.fail(line.row, cells.column(country === "" ? "country" : "city"), "相手先の国と都市を書いてください。");
      continue;
    }
    const relation = coded(RELATION_BY_LABEL, cells.text("relation"), sources, line.row, cells.column("relation"), "関係") ?? "other";
    const relatedSince = dateOf(cells.text("since"), sources, line.row, cells.column("since"), "締結日");
    partners.push({ country, city, organisation: cells.text("organisation"), relation, relatedSince });
  }

  const yearTable = subtableRows(record, mapping, "years");
  const years = yearTable.rows.map((line, i) => {
    const cells = new Reader(line.values, yearTable.fields);
    for (const [key, target] of [
      ["fiscalYear", "fiscalYear"],
      ["fundingSource", "funding"],
      ["budget", "budget"],
      ["settled", "settled"],
    ] as const)
      sources.note(["years", i, key], line.row, cells.column(target));
    sources.note(["years", i], line.row, null);
    const settled = cells.text("settled");
    return {
      fiscalYear: fiscalYearOf(cells.text("fiscalYear"), sources, line.row, cells.column("fiscalYear"), "年度") ?? undefined,
      fundingSource: coded(FUNDING_BY_LABEL, cells.text("funding"), sources, line.row, cells.column("funding"), "財源") ?? "general",
      budget: numberOr(cells.text("budget")) ?? 0,
      settled: settled === "" ? null : numberOr(settled),
    };
  });

  note("name", "name");
  note("ownerOrganisationId", "division");
  note("status", "status");
  note("firstFiscalYear", "firstFiscalYear");
  note("lastFiscalYear", "lastFiscalYear");
  note("summary", "summary");
  note("themes", "themes");
  note("contactName", "contact");
  const raw = {
    name: read.text("name"),
    ownerOrganisationId: owner(read, sources, lookups) ?? undefined,
    contactUserId: contact?.id ?? null,
    contactName: contact ? contact.name : contactText,
    fieldId: fieldId ?? undefined,
    status: coded(PROJECT_STATUS_BY_LABEL, read.text("status"), sources, row, read.column("status"), "状態"),
    isPublic: visibility === "公開",
    firstFiscalYear: fiscalYearOf(read.text("firstFiscalYear"), sources, row, read.column("firstFiscalYear"), "開始年度") ?? undefined,
    lastFiscalYear: fiscalYearOf(read.text("lastFiscalYear"), sources, row, read.column("lastFiscalYear"), "終了年度"),
    summary: read.text("summary"),
    themes: read.list("themes"),
    partnerIds: [],
    years,
    indicators: [],
  };
  if (sources.errors.length > 0) return { ok: false, row, errors: sources.errors };
  const parsed = projectInput.safeParse(raw);
  if (!parsed.success) {
    sources.addIssues(parsed.error.issues);
    return { ok: false, row, errors: sources.errors };
  }
  const { partnerIds: _none, ...input } = parsed.data;
  return { ok: true, row, sourceKey, value: { input, partners } };
}

export function tripFromRecord(record: KintoneRecord, mapping: KintoneMapping, lookups: ImportLookups): Converted<TripImport> {
  const sources = new Sources(record.row);
  const read = new Reader(record.main, mapping.main);
  const row = record.row;
  const note = (path: string, target: string) => sources.note([path], row, read.column(target));
  const sourceKey = read.text("key");
  if (sourceKey === "")
    sources.fail(row, read.column("key"), "レコード番号が空です（同じファイルをもう一度取り込んだときの照合に使います）。");

  const travellers: { userId: string | null; name: string; role: "leader" | "member"; paidBy: "city" }[] = [];
  const addTraveller = (text: string, role: "leader" | "member") => {
    const user = lookups.user(text);
    travellers.push({ userId: user?.id ?? null, name: user?.name ?? text, role, paidBy: "city" });
  };
  for (const name of read.list("leader")) addTraveller(name, "leader");
  for (const name of read.list("members")) addTraveller(name, "member");

  const visitTable = subtableRows(record, mapping, "visits");
  const visits = visitTable.rows.map((line, i) => {
    const cells = new Reader(line.values, visitTable.fields);
    for (const [key, target] of [
      ["visitOn", "visitOn"],
      ["country", "country"],
      ["city", "city"],
      ["organisation", "organisation"],
      ["counterpart", "counterpart"],
      ["purpose", "purpose"],
    ] as const)
      sources.note(["visits", i, key], line.row, cells.column(target));
    sources.note(["visits", i], line.row, null);
    const country = cells.text("country");
    const city = cells.text("city");
    return {
      visitOn: cells.text("visitOn"),
      country,
      city,
      partnerId: country && city ? lookups.partnerId(country, city) : null,
      organisation: cells.text("organisation"),
      counterpart: cells.text("counterpart"),
      purpose: cells.text("purpose"),
    };
  });

  const costTable = subtableRows(record, mapping, "costs");
  const costs = costTable.rows.map((line, i) => {
    const cells = new Reader(line.values, costTable.fields);
    for (const [key, target] of [
      ["costKind", "costKind"],
      ["planned", "planned"],
      ["settled", "settled"],
    ] as const)
      sources.note(["costs", i, key], line.row, cells.column(target));
    sources.note(["costs", i], line.row, null);
    const settled = cells.text("settled");
    return {
      costKind: coded(COST_KIND_BY_LABEL, cells.text("costKind"), sources, line.row, cells.column("costKind"), "費目") ?? "other",
      description: "",
      planned: numberOr(cells.text("planned")) ?? 0,
      settled: settled === "" ? null : numberOr(settled),
    };
  });

  const projectIds: string[] = [];
  for (const key of read.list("relatedProjects")) {
    const id = lookups.projectIdByKey(key);
    if (id) projectIds.push(id);
    else
      sources.fail(
        row,
        read.column("relatedProjects"),
        `関連事業のレコード番号「${key}」の事業がまだ取り込まれていません（事業を先に取り込んでください）。`,
      );
  }
  const status = coded(TRIP_STATUS_BY_LABEL, read.text("status"), sources, row, read.column("status"), "状態");
  const safetyText = read.text("safetyLevel");
  const safetyLevel = safetyText === "" ? null : Number(toNumberInput(safetyText.replace(/^レベル/, "")));
  if (safetyLevel !== null && !(Number.isInteger(safetyLevel) && safetyLevel >= 0 && safetyLevel <= 4))
    sources.fail(row, read.column("safetyLevel"), `安全レベル「${safetyText}」は0〜4で書いてください。`);
  const reportFiledOn = dateOf(read.text("reportFiledOn"), sources, row, read.column("reportFiledOn"), "報告書提出日");

  note("title", "title");
  note("purpose", "purpose");
  note("ownerOrganisationId", "division");
  note("departsOn", "departsOn");
  note("returnsOn", "returnsOn");
  note("companions", "companions");
  note("reportDueOn", "reportDueOn");
  note("travellers", "leader");
  const raw = {
    title: read.text("title"),
    purpose: read.text("purpose"),
    ownerOrganisationId: owner(read, sources, lookups) ?? undefined,
    departsOn: read.text("departsOn"),
    returnsOn: read.text("returnsOn"),
    companions: read.list("companions").join("、"),
    travellers,
    visits,
    costs,
    projectIds,
    reportDueOn: read.text("reportDueOn") || null,
  };
  if (sources.errors.length > 0 || status === undefined) {
    if (status === undefined && !sources.errors.some((e) => e.column === read.column("status")))
      sources.fail(row, read.column("status"), "状態を書いてください。");
    return { ok: false, row, errors: sources.errors };
  }
  const parsed = tripInput.safeParse(raw);
  if (!parsed.success) {
    sources.addIssues(parsed.error.issues);
    return { ok: false, row, errors: sources.errors };
  }
  return { ok: true, row, sourceKey, value: { input: parsed.data, status, safetyLevel, reportFiledOn, results: read.text("results") } };
}
