// Which kintone field fills which field of a project or a trip: the clerk's mapping, once per source app. Each target
// names the field of the bureau's own apps (apps.ts) it usually comes from, so a suggestion is found from the header
// whether the export was written with field names or field codes; a field the offices renamed is picked by the clerk.

import { KINTONE_APPS, type KintoneAppKey } from "./apps";
import type { KintoneExport, KintoneLayout } from "./read-export";

/** A mapping needs only the export's columns and its subtables' names and fields (not their rows). */
type ExportShape = Pick<KintoneExport, "columns"> & { subtables: readonly SubtableShape[] };
type SubtableShape = KintoneLayout["subtables"][number];

export interface TargetField {
  key: string;
  label: string;
  /** the code of the field in the bureau's kintone app that usually fills it */
  code: string;
  required?: boolean;
}

export interface TargetSubtable {
  key: string;
  label: string;
  code: string;
  fields: readonly TargetField[];
}

export interface ImportTargets {
  main: readonly TargetField[];
  subtables: readonly TargetSubtable[];
}

const t = (key: string, label: string, code: string, required = false): TargetField => ({ key, label, code, required });

export const PROJECT_TARGETS: ImportTargets = {
  main: [
    t("key", "レコード番号（照合キー）", "record_no", true),
    t("name", "事業名", "project_name", true),
    t("bureau", "担当局", "bureau"),
    t("division", "担当課", "division", true),
    t("contact", "担当者", "contact"),
    t("field", "分野", "field", true),
    t("status", "状態", "status", true),
    t("visibility", "公開区分", "visibility"),
    t("themes", "テーマ", "themes"),
    t("firstFiscalYear", "開始年度", "start_fy", true),
    t("lastFiscalYear", "終了年度", "end_fy"),
    t("summary", "概要", "summary"),
  ],
  subtables: [
    {
      key: "partners",
      label: "相手先",
      code: "partners",
      fields: [
        t("country", "国", "partner_country", true),
        t("city", "都市", "partner_city", true),
        t("organisation", "相手機関", "partner_org"),
        t("relation", "関係", "relation"),
        t("since", "締結日", "since"),
      ],
    },
    {
      key: "years",
      label: "年度別予算",
      code: "budgets",
      fields: [
        t("fiscalYear", "年度", "budget_fy", true),
        t("budget", "予算額", "budget"),
        t("settled", "決算額", "settled"),
        t("funding", "財源", "funding"),
      ],
    },
  ],
};

export const TRIP_TARGETS: ImportTargets = {
  main: [
    t("key", "レコード番号（照合キー）", "record_no", true),
    t("title", "出張件名", "trip_title", true),
    t("purpose", "目的", "purpose"),
    t("bureau", "担当局", "bureau"),
    t("division", "担当課", "division", true),
    t("leader", "団長", "leader"),
    t("members", "随行者", "members"),
    t("companions", "外部同行者", "companions"),
    t("departsOn", "出発日", "depart_on", true),
    t("returnsOn", "帰着日", "return_on", true),
    t("status", "状態", "status", true),
    t("safetyLevel", "安全レベル", "safety_level"),
    t("reportDueOn", "報告期限", "report_due"),
    t("reportFiledOn", "報告書提出日", "report_filed_on"),
    t("results", "成果", "results"),
    t("relatedProjects", "関連事業（レコード番号）", "related_projects"),
  ],
  subtables: [
    {
      key: "visits",
      label: "行程",
      code: "itinerary",
      fields: [
        t("visitOn", "訪問日", "visit_on", true),
        t("country", "国", "visit_country", true),
        t("city", "都市", "visit_city", true),
        t("organisation", "訪問先", "visit_org"),
        t("counterpart", "面会者", "counterpart"),
        t("purpose", "訪問目的", "visit_purpose"),
      ],
    },
    {
      key: "costs",
      label: "経費",
      code: "costs",
      fields: [t("costKind", "費目", "cost_kind", true), t("planned", "予定額", "planned"), t("settled", "精算額", "settled_amount")],
    },
  ],
};

export const IMPORT_TARGETS: Readonly<Record<KintoneAppKey, ImportTargets>> = { projects: PROJECT_TARGETS, trips: TRIP_TARGETS };

/** target field → the export's field (its name or code as the export's header gives it), or null when not imported */
export interface KintoneMapping {
  app: KintoneAppKey;
  main: Record<string, string | null>;
  /** target subtable → the export's subtable (null: none) and its fields */
  subtables: Record<string, { source: string | null; fields: Record<string, string | null> }>;
}

/** The bureau's app field (name and code) behind a target, for matching either kind of header. */
function appFieldNames(app: KintoneAppKey): Map<string, string[]> {
  const names = new Map<string, string[]>();
  for (const item of KINTONE_APPS[app].items) {
    const fields = "field" in item ? [item.field] : [{ name: item.subtable.name, code: item.subtable.code }, ...item.subtable.fields];
    for (const field of fields) names.set(field.code, [field.code, field.name]);
  }
  return names;
}

/** Main fields of the export: the columns with no subtable, by field (a check box's choice columns are one field). */
function mainFieldsOf(exported: Pick<KintoneExport, "columns">): Set<string> {
  return new Set(exported.columns.filter((c) => c.subtable === null).map((c) => c.field));
}

function pick(candidates: readonly string[] | undefined, available: ReadonlySet<string>): string | null {
  for (const candidate of candidates ?? []) if (available.has(candidate)) return candidate;
  return null;
}

/** The export's subtable that holds most of a target subtable's fields (by its name first, then by its fields). */
function matchSubtable(target: TargetSubtable, names: Map<string, string[]>, subtables: readonly SubtableShape[]): SubtableShape | null {
  const byName = subtables.find((s) => (names.get(target.code) ?? []).includes(s.name));
  if (byName) return byName;
  let best: { subtable: SubtableShape; hits: number } | null = null;
  for (const subtable of subtables) {
    const fields = new Set(subtable.fields);
    const hits = target.fields.filter((f) => pick(names.get(f.code), fields) !== null).length;
    if (hits > 0 && (!best || hits > best.hits)) best = { subtable, hits };
  }
  return best?.subtable ?? null;
}

/** The mapping a clerk starts from: every target the export's header names, by field name or field code. */
export function suggestMapping(app: KintoneAppKey, exported: ExportShape): KintoneMapping {
  const names = appFieldNames(app);
  const targets = IMPORT_TARGETS[app];
  const main = mainFieldsOf(exported);
  const mapping: KintoneMapping = { app, main: {}, subtables: {} };
  for (const target of targets.main) mapping.main[target.key] = pick(names.get(target.code), main);
  for (const target of targets.subtables) {
    const source = matchSubtable(target, names, exported.subtables);
    const fields = new Set(source?.fields ?? []);
    mapping.subtables[target.key] = {
      source: source?.name ?? null,
      fields: Object.fromEntries(target.fields.map((f) => [f.key, source ? pick(names.get(f.code), fields) : null])),
    };
  }
  return mapping;
}

export interface MappingProblem {
  target: string;
  problem: string;
}

/** What is wrong with a mapping against an export: required targets left out, fields the export does not have. */
export function checkMapping(mapping: KintoneMapping, exported: ExportShape): MappingProblem[] {
  const targets = IMPORT_TARGETS[mapping.app];
  const main = mainFieldsOf(exported);
  const problems: MappingProblem[] = [];
  for (const target of targets.main) {
    const source = mapping.main[target.key] ?? null;
    if (source === null && target.required)
      problems.push({ target: target.label, problem: `「${target.label}」に対応する列を選んでください。` });
    if (source !== null && !main.has(source)) problems.push({ target: target.label, problem: `ファイルに「${source}」の列がありません。` });
  }
  for (const target of targets.subtables) {
    const chosen = mapping.subtables[target.key];
    if (!chosen?.source) continue;
    const subtable = exported.subtables.find((s) => s.name === chosen.source);
    if (!subtable) {
      problems.push({ target: target.label, problem: `ファイルにテーブル「${chosen.source}」がありません。` });
      continue;
    }
    const fields = new Set(subtable.fields);
    for (const field of target.fields) {
      const source = chosen.fields[field.key] ?? null;
      const label = `${target.label}・${field.label}`;
      if (source === null && field.required) problems.push({ target: label, problem: `「${label}」に対応する列を選んでください。` });
      if (source !== null && !fields.has(source))
        problems.push({ target: label, problem: `テーブル「${chosen.source}」に「${source}」の列がありません。` });
    }
  }
  return problems;
}
