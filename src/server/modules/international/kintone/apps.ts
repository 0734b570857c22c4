// The two kintone apps the 国際 module replaces, as their exports show them: each field's name (フィールド名, the
// header of an export "by field name") and code (フィールドコード), in the order of the form, and the subtables.
// The sample exports are written from these; the module's import maps from them.

export type KintoneAppKey = "projects" | "trips";

export interface KintoneAppField {
  name: string;
  code: string;
  /** a check box: its choices (an export may give one column per choice, `テーマ[環境]`) */
  choices?: readonly string[];
}

export interface KintoneAppSubtable {
  name: string;
  code: string;
  fields: readonly KintoneAppField[];
}

/** The form, top to bottom: a main field, or a subtable with its fields. */
export type KintoneAppItem = { field: KintoneAppField } | { subtable: KintoneAppSubtable };

export interface KintoneApp {
  key: KintoneAppKey;
  name: string;
  /** the field that holds each record's title (the sample records' titles say 「（サンプル）」) */
  titleCode: string;
  items: readonly KintoneAppItem[];
}

const f = (name: string, code: string, choices?: readonly string[]): KintoneAppItem => ({ field: { name, code, choices } });

export const PROJECT_FIELDS_OF_WORK = [
  "国際交流",
  "国際ビジネス",
  "国際技術協力",
  "多文化共生",
  "プロモーション・観光",
  "国際会議",
  "視察・調査",
  "姉妹・友好都市",
] as const;
export const PROJECT_THEMES = ["環境", "経済", "観光", "人材育成", "文化", "防災"] as const;
export const TRIP_STATUSES = ["計画", "申請", "決裁", "出張中", "帰庁", "報告書提出", "精算", "完了", "中止"] as const;

/** 国際関連事業データベース */
export const PROJECTS_APP: KintoneApp = {
  key: "projects",
  name: "国際関連事業データベース",
  titleCode: "project_name",
  items: [
    f("レコード番号", "record_no"),
    f("事業名", "project_name"),
    f("担当局", "bureau"),
    f("担当課", "division"),
    f("担当者", "contact"),
    f("分野", "field"),
    f("状態", "status"),
    f("公開区分", "visibility"),
    f("テーマ", "themes", PROJECT_THEMES),
    f("開始年度", "start_fy"),
    f("終了年度", "end_fy"),
    f("概要", "summary"),
    {
      subtable: {
        name: "相手先",
        code: "partners",
        fields: [
          { name: "国", code: "partner_country" },
          { name: "都市", code: "partner_city" },
          { name: "相手機関", code: "partner_org" },
          { name: "関係", code: "relation" },
          { name: "締結日", code: "since" },
        ],
      },
    },
    {
      subtable: {
        name: "年度別予算",
        code: "budgets",
        fields: [
          { name: "年度", code: "budget_fy" },
          { name: "予算額", code: "budget" },
          { name: "決算額", code: "settled" },
          { name: "財源", code: "funding" },
        ],
      },
    },
    f("添付ファイル", "attachments"),
    f("更新日時", "updated_at"),
  ],
};

/** 海外出張管理 */
export const TRIPS_APP: KintoneApp = {
  key: "trips",
  name: "海外出張管理",
  titleCode: "trip_title",
  items: [
    f("レコード番号", "record_no"),
    f("出張件名", "trip_title"),
    f("目的", "purpose"),
    f("担当局", "bureau"),
    f("担当課", "division"),
    f("団長", "leader"),
    f("随行者", "members"),
    f("外部同行者", "companions"),
    f("出発日", "depart_on"),
    f("帰着日", "return_on"),
    f("状態", "status"),
    f("安全レベル", "safety_level"),
    {
      subtable: {
        name: "行程",
        code: "itinerary",
        fields: [
          { name: "訪問日", code: "visit_on" },
          { name: "国", code: "visit_country" },
          { name: "都市", code: "visit_city" },
          { name: "訪問先", code: "visit_org" },
          { name: "面会者", code: "counterpart" },
          { name: "訪問目的", code: "visit_purpose" },
        ],
      },
    },
    {
      subtable: {
        name: "経費",
        code: "costs",
        fields: [
          { name: "費目", code: "cost_kind" },
          { name: "予定額", code: "planned" },
          { name: "精算額", code: "settled_amount" },
        ],
      },
    },
    f("報告期限", "report_due"),
    f("報告書提出日", "report_filed_on"),
    f("成果", "results"),
    f("関連事業", "related_projects"),
    f("添付ファイル", "attachments"),
  ],
};

export const KINTONE_APPS: Readonly<Record<KintoneAppKey, KintoneApp>> = { projects: PROJECTS_APP, trips: TRIPS_APP };

/** Field name → field code, for the main fields and for each subtable's (`相手先` → `partners` and its fields). */
export function fieldCodes(app: KintoneApp): {
  main: Map<string, string>;
  subtables: Map<string, { code: string; fields: Map<string, string> }>;
} {
  const main = new Map<string, string>();
  const subtables = new Map<string, { code: string; fields: Map<string, string> }>();
  for (const item of app.items) {
    if ("field" in item) main.set(item.field.name, item.field.code);
    else
      subtables.set(item.subtable.name, { code: item.subtable.code, fields: new Map(item.subtable.fields.map((x) => [x.name, x.code])) });
  }
  return { main, subtables };
}
