// package_search's parameters as CKAN takes them (a Solr-like subset), read and applied to the catalogue's entries
// (at most 18 市町 × 7 datasets, so the whole catalogue is filtered in memory):
// - q and fq: terms separated by spaces, all of which must match; `field:value`, `field:"a phrase"`,
//   `field:(a OR b)`, `field:[from TO to]` (dates, `*` open), `field:prefix*`, a leading - to exclude, bare words
//   (matched in the title, description, tags, organization and name), `*:*` for everything. Fields: name, id,
//   organization / owner_org, tags, res_format, license_id, metadata_modified, metadata_created, title, notes, text,
//   capacity, state, type / dataset_type, groups, num_resources, num_tags.
// - rows (default 10, at most 1000 as CKAN), start, sort (`metadata_modified desc, name asc`; score is accepted and
//   ignored: there is no relevance ranking), facet.field (a JSON list), facet.limit, facet.mincount.
// Anything it cannot read is a failure in CKAN's terms (409 Search Query Error / Validation Error), never a guess.
import type { CatalogueEntry } from "./ckan-package";

export interface CkanFailure {
  status: 404 | 409;
  type: "Not Found Error" | "Validation Error" | "Search Query Error";
  message: string;
  /** Validation Error: the messages per parameter, as CKAN gives them */
  fields?: Record<string, string[]>;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; failure: CkanFailure };

const fail = (type: CkanFailure["type"], message: string, fields?: Record<string, string[]>): { ok: false; failure: CkanFailure } => ({
  ok: false,
  failure: { status: type === "Not Found Error" ? 404 : 409, type, message, fields },
});

const normalise = (text: string) => text.normalize("NFKC").toLowerCase();

// ---- values and terms ----

type Value =
  | { kind: "any" }
  | { kind: "term"; text: string; prefix: boolean }
  | { kind: "list"; values: Value[] }
  | { kind: "range"; from: string | null; to: string | null; inclusive: boolean };

interface Clause {
  negate: boolean;
  /** null: a bare word (matched in the text) */
  field: string | null;
  value: Value;
}

/** A document the clauses are matched against: a catalogue entry with the licence the hub declares. */
export interface SearchDocument {
  entry: CatalogueEntry;
  licenseId: string;
}

const TEXT_FIELDS = new Set(["title", "notes", "text"]);
const KNOWN_FIELDS = new Set([
  "name",
  "id",
  "organization",
  "owner_org",
  "tags",
  "res_format",
  "license_id",
  "metadata_modified",
  "metadata_created",
  "title",
  "notes",
  "text",
  "capacity",
  "state",
  "type",
  "dataset_type",
  "groups",
  "num_resources",
  "num_tags",
]);

/** Splits a query into its terms: spaces separate them, except inside quotes, parentheses and range brackets. */
function tokenize(query: string): Parsed<string[]> {
  const tokens: string[] = [];
  let i = 0;
  while (i < query.length) {
    while (i < query.length && /\s/.test(query[i])) i++;
    if (i >= query.length) break;
    let token = "";
    while (i < query.length && !/\s/.test(query[i])) {
      const open = query[i];
      const close = open === '"' ? '"' : open === "(" ? ")" : open === "[" ? "]" : open === "{" ? "}" : null;
      if (close) {
        const end = query.indexOf(close, i + 1);
        if (end < 0) return fail("Search Query Error", `検索条件の「${open}」が閉じられていません: ${query}`);
        token += query.slice(i, end + 1);
        i = end + 1;
      } else {
        token += query[i++];
      }
    }
    tokens.push(token);
  }
  return { ok: true, value: tokens };
}

function unquote(text: string): string {
  return text.startsWith('"') && text.endsWith('"') && text.length >= 2 ? text.slice(1, -1) : text;
}

function parseValue(raw: string): Parsed<Value> {
  if (raw === "*") return { ok: true, value: { kind: "any" } };
  if (raw.startsWith("(") && raw.endsWith(")")) {
    const inner = tokenize(raw.slice(1, -1));
    if (!inner.ok) return inner;
    const values: Value[] = [];
    for (const token of inner.value) {
      if (token === "OR" || token === "||") continue;
      if (token === "AND" || token === "&&") return fail("Search Query Error", "括弧の中では OR だけが使えます。");
      const value = parseValue(token);
      if (!value.ok) return value;
      values.push(value.value);
    }
    return { ok: true, value: { kind: "list", values } };
  }
  const range = /^([[{])\s*(\S+)\s+TO\s+(\S+)\s*([\]}])$/.exec(raw);
  if (range) {
    return {
      ok: true,
      value: {
        kind: "range",
        from: range[2] === "*" ? null : unquote(range[2]),
        to: range[3] === "*" ? null : unquote(range[3]),
        inclusive: range[1] === "[",
      },
    };
  }
  if (raw.startsWith("[") || raw.startsWith("{"))
    return fail("Search Query Error", `範囲の指定は [開始 TO 終了] の形で書いてください: ${raw}`);
  if (raw.startsWith('"')) return { ok: true, value: { kind: "term", text: unquote(raw).replace(/\\"/g, '"'), prefix: false } };
  const prefix = raw.length > 1 && raw.endsWith("*");
  return { ok: true, value: { kind: "term", text: prefix ? raw.slice(0, -1) : raw, prefix } };
}

/** The clauses of a q or fq; `*:*` and an empty query give none (everything matches). */
export function parseClauses(query: string | undefined): Parsed<Clause[]> {
  const tokens = tokenize(query ?? "");
  if (!tokens.ok) return tokens;
  const clauses: Clause[] = [];
  for (const token of tokens.value) {
    if (token === "*:*" || token === "AND" || token === "&&") continue;
    if (token === "OR" || token === "||")
      return fail("Search Query Error", "OR は項目の括弧の中（例: tags:(観光 OR 文化財)）でだけ使えます。");
    const negate = token.startsWith("-") || token.startsWith("!");
    const body = token.startsWith("-") || token.startsWith("+") || token.startsWith("!") ? token.slice(1) : token;
    if (!body) continue;
    const field = /^([A-Za-z_.]+):(.+)$/.exec(body);
    if (field) {
      const name = field[1].toLowerCase();
      if (!KNOWN_FIELDS.has(name)) return fail("Search Query Error", `検索できない項目です: ${field[1]}`);
      const value = parseValue(field[2]);
      if (!value.ok) return value;
      clauses.push({ negate, field: name, value: value.value });
    } else {
      const value = parseValue(body);
      if (!value.ok) return value;
      clauses.push({ negate, field: null, value: value.value });
    }
  }
  return { ok: true, value: clauses };
}

// ---- matching ----

/** A date bound: an ISO date or timestamp, or NOW / NOW-7DAYS / NOW-1DAY (Solr date math, days and hours only). */
export function dateBound(text: string, now: Date): number | null {
  const math = /^NOW(?:([+-])(\d+)(DAY|DAYS|HOUR|HOURS))?(?:\/DAY)?$/i.exec(text);
  if (math) {
    if (!math[1]) return now.getTime();
    const unit = math[3].toUpperCase().startsWith("DAY") ? 86_400_000 : 3_600_000;
    return now.getTime() + (math[1] === "-" ? -1 : 1) * Number(math[2]) * unit;
  }
  if (!/^\d{4}-\d{2}-\d{2}/.test(text)) return null;
  const time = Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(text) || text.length === 10 ? text : `${text}Z`);
  return Number.isNaN(time) ? null : time;
}

function matchText(candidate: string, value: Value): boolean {
  switch (value.kind) {
    case "any":
      return true;
    case "term":
      return normalise(candidate).includes(normalise(value.text));
    case "list":
      return value.values.some((v) => matchText(candidate, v));
    case "range":
      return false;
  }
}

function matchKeyword(candidates: readonly string[], value: Value): boolean {
  switch (value.kind) {
    case "any":
      return candidates.length > 0;
    case "term": {
      const wanted = normalise(value.text);
      return candidates.some((c) => (value.prefix ? normalise(c).startsWith(wanted) : normalise(c) === wanted));
    }
    case "list":
      return value.values.some((v) => matchKeyword(candidates, v));
    case "range":
      return candidates.some((c) => (value.from === null || c >= value.from) && (value.to === null || c <= value.to));
  }
}

function matchNumber(n: number, value: Value): boolean {
  if (value.kind === "range") {
    const from = value.from === null ? -Infinity : Number(value.from);
    const to = value.to === null ? Infinity : Number(value.to);
    return value.inclusive ? n >= from && n <= to : n > from && n < to;
  }
  return matchKeyword([String(n)], value);
}

function matchDate(iso: string, value: Value, now: Date): Parsed<boolean> {
  const at = Date.parse(iso);
  switch (value.kind) {
    case "any":
      return { ok: true, value: true };
    case "term":
      return { ok: true, value: iso.startsWith(value.text) || new Date(at).toISOString().startsWith(value.text) };
    case "list": {
      let any = false;
      for (const v of value.values) {
        const one = matchDate(iso, v, now);
        if (!one.ok) return one;
        any ||= one.value;
      }
      return { ok: true, value: any };
    }
    case "range": {
      const from = value.from === null ? -Infinity : dateBound(value.from, now);
      const to = value.to === null ? Infinity : dateBound(value.to, now);
      if (from === null || to === null)
        return fail(
          "Search Query Error",
          `日時は 2026-01-01T00:00:00Z や NOW-7DAYS の形で指定してください: ${value.from ?? "*"} TO ${value.to ?? "*"}`,
        );
      return { ok: true, value: value.inclusive ? at >= from && at <= to : at > from && at < to };
    }
  }
}

function documentText(doc: SearchDocument): string {
  const { entry } = doc;
  return [
    entry.title,
    entry.notes,
    entry.name,
    entry.municipalityName,
    entry.municipalityNameEn,
    entry.municipalityCode,
    ...entry.tags,
  ].join("\n");
}

function matchClause(doc: SearchDocument, clause: Clause, now: Date): Parsed<boolean> {
  const { entry } = doc;
  const ok = (value: boolean): Parsed<boolean> => ({ ok: true, value });
  if (clause.field === null || TEXT_FIELDS.has(clause.field)) {
    const candidate = clause.field === "title" ? entry.title : clause.field === "notes" ? entry.notes : documentText(doc);
    return ok(matchText(candidate, clause.value));
  }
  switch (clause.field) {
    case "name":
    case "id":
      return ok(matchKeyword([entry.name], clause.value));
    case "organization":
    case "owner_org":
      return ok(matchKeyword([entry.municipalityCode, entry.municipalityName], clause.value));
    case "tags":
      return ok(matchKeyword(entry.tags, clause.value));
    case "res_format":
      return ok(matchKeyword(["CSV"], clause.value));
    case "license_id":
      return ok(matchKeyword([doc.licenseId], clause.value));
    case "capacity":
      return ok(matchKeyword(["public"], clause.value));
    case "state":
      return ok(matchKeyword(["active"], clause.value));
    case "type":
    case "dataset_type":
      return ok(matchKeyword(["dataset"], clause.value));
    case "groups":
      return ok(matchKeyword([], clause.value));
    case "num_resources":
      return ok(matchNumber(2, clause.value));
    case "num_tags":
      return ok(matchNumber(entry.tags.length, clause.value));
    case "metadata_modified":
      return matchDate(entry.modified, clause.value, now);
    case "metadata_created":
      return matchDate(entry.created, clause.value, now);
    default:
      return fail("Search Query Error", `検索できない項目です: ${clause.field}`);
  }
}

/** Whether a document passes every clause (a negated clause must not match). */
export function matchesAll(doc: SearchDocument, clauses: readonly Clause[], now: Date): Parsed<boolean> {
  for (const clause of clauses) {
    const result = matchClause(doc, clause, now);
    if (!result.ok) return result;
    if (result.value === clause.negate) return { ok: true, value: false };
  }
  return { ok: true, value: true };
}

// ---- sort, paging, facets ----

const SORT_FIELDS = [
  "score",
  "name",
  "title_string",
  "title",
  "metadata_modified",
  "metadata_created",
  "num_resources",
  "num_tags",
] as const;
type SortField = (typeof SORT_FIELDS)[number];
export interface SortKey {
  field: SortField;
  descending: boolean;
}

export const DEFAULT_SORT = "score desc, metadata_modified desc";

export function parseSort(sort: string | undefined): Parsed<SortKey[]> {
  const text = sort?.trim() || DEFAULT_SORT;
  if (text === "rank") return parseSort(DEFAULT_SORT);
  const keys: SortKey[] = [];
  for (const part of text.split(",")) {
    const [field, direction = "asc", ...rest] = part.trim().split(/\s+/);
    if (!(SORT_FIELDS as readonly string[]).includes(field) || !/^(asc|desc)$/i.test(direction) || rest.length > 0)
      return fail(
        "Search Query Error",
        `並べ替えは「metadata_modified desc」や「name asc」の形で、${SORT_FIELDS.join(", ")} のどれかで指定してください: ${part.trim()}`,
      );
    keys.push({ field: field as SortField, descending: direction.toLowerCase() === "desc" });
  }
  return { ok: true, value: keys };
}

function sortValue(entry: CatalogueEntry, field: SortField): string | number {
  switch (field) {
    case "score":
    case "num_resources":
      return 0;
    case "name":
      return entry.name;
    case "title":
    case "title_string":
      return entry.title;
    case "metadata_modified":
      return Date.parse(entry.modified);
    case "metadata_created":
      return Date.parse(entry.created);
    case "num_tags":
      return entry.tags.length;
  }
}

export function sortEntries(entries: readonly CatalogueEntry[], keys: readonly SortKey[]): CatalogueEntry[] {
  return [...entries].sort((a, b) => {
    for (const key of keys) {
      const x = sortValue(a, key.field);
      const y = sortValue(b, key.field);
      if (x === y) continue;
      const order = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "ja");
      return key.descending ? -order : order;
    }
    return a.name.localeCompare(b.name);
  });
}

export const ROWS_MAX = 1000;

/** A non-negative integer parameter (rows, start, limit …), or a Validation Error naming it as CKAN does. */
export function naturalParam(name: string, text: string | undefined, fallback: number): Parsed<number> {
  if (text === undefined || text.trim() === "") return { ok: true, value: fallback };
  if (!/^\d+$/.test(text.trim()))
    return fail("Validation Error", `${name} は0以上の整数で指定してください。`, { [name]: ["Invalid integer"] });
  return { ok: true, value: Number(text.trim()) };
}

export const FACET_FIELDS = ["organization", "tags", "res_format", "license_id"] as const;

export function parseFacetFields(text: string | undefined): Parsed<string[]> {
  if (!text) return { ok: true, value: [] };
  try {
    const parsed: unknown = JSON.parse(text);
    if (Array.isArray(parsed) && parsed.every((f) => typeof f === "string")) return { ok: true, value: parsed };
  } catch {
    // falls through to the error below
  }
  return fail("Validation Error", 'facet.field は JSON の配列（例: ["tags","organization"]）で指定してください。', {
    "facet.field": ["Invalid JSON list"],
  });
}

export interface FacetResult {
  facets: Record<string, Record<string, number>>;
  search_facets: Record<string, { title: string; items: { name: string; display_name: string; count: number }[] }>;
}

/** Counts per facet value over every matching entry (not just the page), largest first, as CKAN. */
export function facetsOf(docs: readonly SearchDocument[], fields: readonly string[], limit: number, mincount: number): FacetResult {
  const result: FacetResult = { facets: {}, search_facets: {} };
  for (const field of fields) {
    if (!(FACET_FIELDS as readonly string[]).includes(field)) continue;
    const counts = new Map<string, { display: string; count: number }>();
    const add = (name: string, display: string) => {
      const current = counts.get(name);
      counts.set(name, { display, count: (current?.count ?? 0) + 1 });
    };
    for (const { entry, licenseId } of docs) {
      if (field === "organization") add(entry.municipalityCode, entry.municipalityName);
      else if (field === "tags") for (const tag of entry.tags) add(tag, tag);
      else if (field === "res_format") add("CSV", "CSV");
      else add(licenseId, licenseId);
    }
    const items = [...counts.entries()]
      .filter(([, v]) => v.count >= mincount)
      .sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0], "ja"))
      .slice(0, limit < 0 ? undefined : limit)
      .map(([name, v]) => ({ name, display_name: v.display, count: v.count }));
    result.facets[field] = Object.fromEntries(items.map((item) => [item.name, item.count]));
    result.search_facets[field] = { title: field, items };
  }
  return result;
}
