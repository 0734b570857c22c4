// Sample kintone exports (見本データ, fictitious): deterministic records of the two apps written in every form an
// office's export takes — CP932 or UTF-8 (with or without BOM), field names or codes, dotted subtable headers or
// not, check boxes as one column per choice or one cell, users as display names or login names. Used for the files
// in samples/ (samples/generate.ts), the tests, and large files for the bench. Every record's title says （サンプル）.
import { encodeCp932, unencodableCp932Chars } from "../../../platform/tabular/cp932";
import type { TextEncodingName } from "../../../platform/tabular/decode";
import { KINTONE_APPS, type KintoneAppKey, PROJECT_FIELDS_OF_WORK, PROJECT_THEMES } from "./apps";
import { type HeaderKind, RECORD_START_CODE, RECORD_START_NAME } from "./header";

export interface SampleKintoneOptions {
  app: KintoneAppKey;
  records: number;
  seed: number;
  encoding: TextEncodingName;
  headerKind: HeaderKind;
  /** subtable headers as `table.field` (default: with codes) */
  dotted?: boolean;
  /** a check box as one column per choice, `テーマ[環境]` with 1 in the chosen ones (default: with names) */
  choiceColumns?: boolean;
  /** users as display names or login names (default: names with names, logins with codes) */
  users?: "names" | "logins";
  /** every cell in quotes, as kintone writes them (default: with names); otherwise only cells that need them */
  quoteAll?: boolean;
}

/** A sample record: each main field's and each subtable row's values, by field code. */
export interface SampleKintoneRecord {
  main: Record<string, string[]>;
  subtables: Record<string, Record<string, string[]>[]>;
}

export const SAMPLE_USERS = [
  { login: "tanaka.kenichi", name: "田中 健一" },
  { login: "suzuki.yumi", name: "鈴木 由美" },
  { login: "takahashi.sho", name: "高橋 翔" },
  { login: "ito.mariko", name: "伊藤 真理子" },
  { login: "watanabe.jun", name: "渡辺 純" },
  { login: "yamamoto.aya", name: "山本 彩" },
  { login: "nakamura.ryo", name: "中村 亮" },
  { login: "kobayashi.emi", name: "小林 恵美" },
] as const;
const USER_NAME = new Map<string, string>(SAMPLE_USERS.map((u) => [u.login, u.name]));
/** the user fields of both apps, by code */
export const SAMPLE_USER_FIELDS: ReadonlySet<string> = new Set(["contact", "leader", "members"]);

// The sample city's own divisions (src/server/demo.ts), so that the samples import into it as they are.
const BUREAUS = [
  { bureau: "政策局", division: "国際政策課" },
  { bureau: "産業経済局", division: "産業政策課" },
  { bureau: "政策局", division: "企画課" },
  { bureau: "財政局", division: "財政課" },
  { bureau: "環境局", division: "環境政策課" },
] as const;

const CITIES = [
  { country: "アメリカ合衆国", city: "シアトル市", org: "シアトル市国際部" },
  { country: "中華人民共和国", city: "大連市", org: "大連市人民政府外事弁公室" },
  { country: "大韓民国", city: "釜山広域市", org: "釜山広域市国際協力課" },
  { country: "フランス", city: "リヨン市", org: "リヨン都市圏共同体" },
  { country: "ベトナム", city: "ダナン市", org: "ダナン市人民委員会" },
  { country: "オーストラリア", city: "ブリスベン市", org: "ブリスベン市役所" },
  { country: "タイ", city: "バンコク都", org: "バンコク都庁" },
  { country: "ドイツ", city: "ミュンヘン市", org: "ミュンヘン市経済局" },
] as const;

const RELATIONS = ["姉妹都市", "友好都市", "協定", "その他"] as const;
const FUNDINGS = ["一般財源", "国庫補助", "県補助", "その他"] as const;
const COST_KINDS = ["運賃", "日当", "宿泊料", "旅行雑費", "通訳・会場", "その他"] as const;
const PROJECT_STATUSES = ["計画中", "実施中", "終了"] as const;
const TRIP_PURPOSES = [
  "姉妹都市提携記念式典への出席",
  "国際会議での事例発表",
  "企業誘致のための訪問",
  "観光プロモーション",
  "技術協力の現地調査",
] as const;

// The first records have set subtable row counts so that even a small sample shows each subtable longer than the
// other in some record, and a record with no subtable rows (what the inference and the tests rely on).
const PROJECT_ROWS: readonly [number, number][] = [
  [2, 1],
  [1, 3],
  [0, 1],
  [3, 2],
  [1, 1],
  [0, 0],
];
const TRIP_ROWS: readonly [number, number][] = [
  [2, 3],
  [3, 1],
  [1, 2],
  [4, 4],
  [1, 1],
  [2, 5],
];

/** mulberry32: a small seeded generator, the same numbers on every machine */
function randomFrom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function isoDate(days: number): string {
  return new Date(Date.UTC(2020, 0, 1) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The forms offices type dates in: kintone's own, 和暦 (令和 only: pass dates from 2019 on), slashes. */
function typedDate(iso: string, form: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  if (form === 1) return `令和${y - 2018}年${m}月${d}日`;
  if (form === 2) return `${y}/${m}/${d}`;
  return iso;
}

function fiscalYear(fy: number, japanese: boolean): string {
  return japanese ? `令和${fy - 2018}年度` : String(fy);
}

function projectRecord(i: number, rnd: () => number): SampleKintoneRecord {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const [partnerRows, budgetRows] = PROJECT_ROWS[i] ?? [Math.floor(rnd() * 4), 1 + Math.floor(rnd() * 3)];
  const org = pick(BUREAUS);
  const field = PROJECT_FIELDS_OF_WORK[i % PROJECT_FIELDS_OF_WORK.length];
  const startFy = 2019 + Math.floor(rnd() * 6);
  const themes = PROJECT_THEMES.filter(() => rnd() < 0.35);
  if (themes.length === 0) themes.push(PROJECT_THEMES[i % PROJECT_THEMES.length]);
  const first = CITIES[(i * 3) % CITIES.length];
  const summary =
    i % 4 === 1
      ? `${first.city}との"${field}"事業。\n毎年度、相互に代表団を派遣する。\n※「"若者交流"枠」を含む（サンプル）`
      : `${first.city}を中心とした${field}の取組（サンプル）`;
  const attachments = i % 3 === 0 ? ["事業計画書.pdf", "予算内訳.xlsx"] : i % 3 === 1 ? ["実施報告書.pdf"] : [];
  const partners = Array.from({ length: partnerRows }, (_, k) => {
    const c = CITIES[(i * 3 + k) % CITIES.length];
    const since = k === 1 ? "" : typedDate(isoDate(Math.floor(rnd() * 2000) - 3000), (i + k) % 2 === 1 ? 2 : 0);
    return {
      partner_country: [c.country],
      partner_city: [c.city],
      partner_org: [c.org],
      relation: [pick(RELATIONS)],
      since: since ? [since] : [],
    };
  });
  const budgets = Array.from({ length: budgetRows }, (_, k) => {
    const budget = (1 + Math.floor(rnd() * 50)) * 100_000;
    const settled = k < budgetRows - 1 ? budget - Math.floor(rnd() * 10) * 10_000 : null;
    return {
      budget_fy: [fiscalYear(startFy + k, (i + k) % 2 === 1)],
      budget: [String(budget)],
      settled: settled === null ? [] : [String(settled)],
      funding: [pick(FUNDINGS)],
    };
  });
  return {
    main: {
      record_no: [String(i + 1)],
      project_name: [`${first.city}との${field}事業 第${i + 1}号（サンプル）`],
      bureau: [org.bureau],
      division: [org.division],
      contact: [pick(SAMPLE_USERS).login],
      field: [field],
      status: [PROJECT_STATUSES[i % PROJECT_STATUSES.length]],
      visibility: [i % 5 === 4 ? "内部" : "公開"],
      themes,
      start_fy: [fiscalYear(startFy, i % 2 === 0)],
      end_fy: i % 3 === 2 ? [] : [fiscalYear(startFy + budgetRows, i % 2 === 0)],
      summary: summary.split("\n"),
      attachments,
      updated_at: [`${isoDate(1800 + (i % 300))} ${String(9 + (i % 9)).padStart(2, "0")}:${String((i * 7) % 60).padStart(2, "0")}`],
    },
    subtables: { partners, budgets },
  };
}

function tripRecord(i: number, rnd: () => number): SampleKintoneRecord {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const [visitRows, costRows] = TRIP_ROWS[i] ?? [1 + Math.floor(rnd() * 4), 1 + Math.floor(rnd() * 5)];
  const org = pick(BUREAUS);
  const purpose = TRIP_PURPOSES[i % TRIP_PURPOSES.length];
  // The first trip is done and reported; the second came back in 2025 and its report is overdue; the others are
  // spread over the states.
  const status =
    i === 0 ? "完了" : i === 1 ? "帰庁" : (["計画", "申請", "決裁", "出張中", "報告書提出", "精算", "完了", "中止"] as const)[i % 8];
  const done = ["報告書提出", "精算", "完了"].includes(status);
  const past = done || status === "帰庁";
  // Trips not yet back are set years ahead (2030), so that only the one trip stays overdue for a long while.
  const depart = past ? 1900 + Math.floor(rnd() * 60) : 3900 + Math.floor(rnd() * 300);
  const back = depart + Math.max(visitRows, 2) + 1;
  const leader = pick(SAMPLE_USERS).login;
  const members = SAMPLE_USERS.filter((u) => u.login !== leader && rnd() < 0.3).map((u) => u.login);
  const first = CITIES[(i * 5) % CITIES.length];
  const itinerary = Array.from({ length: visitRows }, (_, k) => {
    const c = CITIES[(i * 5 + (k >> 1)) % CITIES.length];
    return {
      visit_on: [typedDate(isoDate(depart + 1 + k), i % 5 === 2 ? 2 : 0)],
      visit_country: [c.country],
      visit_city: [c.city],
      visit_org: [k === 0 ? c.org : `${c.city}商工会議所`],
      counterpart: k === 2 ? [] : [`${k === 0 ? "国際部長" : "会頭"}`],
      visit_purpose: [k === 0 ? purpose : "意見交換"],
    };
  });
  const costs = Array.from({ length: costRows }, (_, k) => {
    const planned = (1 + Math.floor(rnd() * 40)) * 5_000;
    return {
      cost_kind: [COST_KINDS[k % COST_KINDS.length]],
      planned: [String(planned)],
      settled_amount: status === "精算" || status === "完了" ? [String(planned - Math.floor(rnd() * 5) * 1_000)] : [],
    };
  });
  return {
    main: {
      record_no: [String(i + 1)],
      trip_title: [`${first.city}出張（${purpose}）（サンプル）`],
      purpose: [purpose],
      bureau: [org.bureau],
      division: [org.division],
      leader: [leader],
      members,
      companions: i % 3 === 0 ? ["市議会議員 2名", "通訳 1名"] : [],
      depart_on: [isoDate(depart)],
      return_on: [isoDate(back)],
      status: [status],
      safety_level: [String(i % 4 === 3 ? 2 : i % 2)],
      report_due: [isoDate(back + 30)],
      report_filed_on: done ? [typedDate(isoDate(back + 20), i % 4 === 0 ? 1 : 0)] : [],
      results: done ? [`${first.city}との協力について合意した。`, `次年度の相互訪問を調整する。`] : [],
      related_projects: i % 2 === 0 ? [String(i + 1), String(i + 3)] : [],
      attachments: done ? ["出張報告書.pdf", "行程表.xlsx"] : i % 3 === 1 ? ["行程表.xlsx"] : [],
    },
    subtables: { itinerary, costs },
  };
}

/** The sample records, by field code (users as login names). */
export function sampleKintoneRecords(app: KintoneAppKey, records: number, seed: number): SampleKintoneRecord[] {
  const rnd = randomFrom(seed);
  const make = app === "projects" ? projectRecord : tripRecord;
  return Array.from({ length: records }, (_, i) => make(i, rnd));
}

/** The export's lines, header first, each as its cells (multi-value cells joined by line breaks). */
export function sampleKintoneLines(options: SampleKintoneOptions): string[][] {
  const app = KINTONE_APPS[options.app];
  const names = options.headerKind === "names";
  const dotted = options.dotted ?? !names;
  const choiceColumns = options.choiceColumns ?? names;
  const users = options.users ?? (names ? "names" : "logins");
  const label = (x: { name: string; code: string }) => (names ? x.name : x.code);
  const header = [names ? RECORD_START_NAME : RECORD_START_CODE];
  for (const item of app.items) {
    if ("subtable" in item) {
      for (const field of item.subtable.fields) header.push(`${dotted ? `${label(item.subtable)}.` : ""}${label(field)}`);
    } else if (item.field.choices && choiceColumns) {
      for (const choice of item.field.choices) header.push(`${label(item.field)}[${choice}]`);
    } else {
      header.push(label(item.field));
    }
  }
  const cell = (code: string, values: readonly string[]) =>
    (users === "names" && SAMPLE_USER_FIELDS.has(code) ? values.map((v) => USER_NAME.get(v) ?? v) : values).join("\n");
  const lines: string[][] = [header];
  for (const record of sampleKintoneRecords(options.app, options.records, options.seed)) {
    const depth = Math.max(1, ...Object.values(record.subtables).map((rows) => rows.length));
    for (let i = 0; i < depth; i++) {
      const line = [i === 0 ? RECORD_START_CODE : ""];
      for (const item of app.items) {
        if ("subtable" in item) {
          const row = record.subtables[item.subtable.code][i];
          for (const field of item.subtable.fields) line.push(row ? cell(field.code, row[field.code]) : "");
        } else if (item.field.choices && choiceColumns) {
          const chosen = record.main[item.field.code];
          for (const choice of item.field.choices) line.push(chosen.includes(choice) ? "1" : "");
        } else {
          line.push(cell(item.field.code, record.main[item.field.code]));
        }
      }
      lines.push(line);
    }
  }
  return lines;
}

/** Lines → the file's bytes: CRLF between lines, line breaks inside cells as LF (as kintone and Excel write them). */
export function encodeKintoneCsv(lines: readonly (readonly string[])[], encoding: TextEncodingName, quoteAll: boolean): Uint8Array {
  const quote = (value: string) => (quoteAll || /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  const text = `${lines.map((line) => line.map(quote).join(",")).join("\r\n")}\r\n`;
  if (encoding === "cp932") {
    const bad = unencodableCp932Chars(text);
    if (bad.length > 0) throw new Error(`CP932 で書けない文字があります: ${bad.join(" ")}`);
    return new Uint8Array(encodeCp932(text));
  }
  const utf8 = Buffer.from(text, "utf8");
  return new Uint8Array(encoding === "utf-8-bom" ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]) : utf8);
}

/** A whole sample export's bytes. */
export function sampleKintoneExport(options: SampleKintoneOptions): Uint8Array {
  return encodeKintoneCsv(sampleKintoneLines(options), options.encoding, options.quoteAll ?? options.headerKind === "names");
}
