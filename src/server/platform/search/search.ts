// Cross-module search. Each module registers itself (label) and keeps its records' entries up to date with
// `indexRecord` inside the same transaction as the write; `searchRecords` finds them by any 2+ character fragment.
import type { SearchHit } from "../../../common/api/platform";
import { bigramsOf, normaliseForSearch, queryTokens } from "../../../common/search/bigrams";
import type { Db, Queryable } from "../../db/database";
import type { Principal } from "../auth/permissions";

/** Given the reader and the ids of some hits of one entity type, the ids among them the reader may open. */
export type SearchReadCheck = (db: Queryable, reader: Principal, entityIds: string[]) => Promise<ReadonlySet<string>>;

export interface SearchModule {
  module: string;
  /** Japanese module name shown beside each hit */
  label: string;
  /** rebuilds every entry of the module (CLI `search reindex`) */
  reindex?: (db: Db) => Promise<number>;
  /**
   * Entity types that not every member of staff may open (a 海外出張: its division, its travellers and the bureau),
   * each with the module's own read rule: their hits reach only a reader the rule lets open them, and never a caller
   * without a session. The types not named here are read by everyone their `visibility` admits.
   */
  restricted?: Readonly<Record<string, SearchReadCheck>>;
}

const modules = new Map<string, SearchModule>();

export function registerSearchModule(module: SearchModule): () => void {
  modules.set(module.module, module);
  return () => modules.delete(module.module);
}

export function searchModules(): SearchModule[] {
  return [...modules.values()];
}

export interface SearchRecord {
  module: string;
  entityType: string;
  entityId: string;
  title: string;
  body: string;
  url: string;
  organisationId?: string | null;
  /** "public": anyone signed in (and partners); "staff": city staff only */
  visibility: "public" | "staff";
}

export async function indexRecord(tx: Queryable, record: SearchRecord): Promise<void> {
  await tx.query(
    `INSERT INTO search_documents (module, entity_type, entity_id, title, body, url, organisation_id, visibility, bigrams, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())
     ON CONFLICT (module, entity_type, entity_id) DO UPDATE SET title = EXCLUDED.title, body = EXCLUDED.body, url = EXCLUDED.url,
       organisation_id = EXCLUDED.organisation_id, visibility = EXCLUDED.visibility, bigrams = EXCLUDED.bigrams, updated_at = now()`,
    [
      record.module,
      record.entityType,
      record.entityId,
      record.title,
      record.body,
      record.url,
      record.organisationId ?? null,
      record.visibility,
      bigramsOf(`${record.title} ${record.body}`),
    ],
  );
}

const BATCH = 500;

/** Many entries at once (a module's bulk writes and its reindex): one statement per 500 entries. */
export async function indexRecords(tx: Queryable, records: readonly SearchRecord[]): Promise<void> {
  for (let start = 0; start < records.length; start += BATCH) {
    const rows = records.slice(start, start + BATCH).map((r) => ({
      module: r.module,
      entity_type: r.entityType,
      entity_id: r.entityId,
      title: r.title,
      body: r.body,
      url: r.url,
      organisation_id: r.organisationId ?? null,
      visibility: r.visibility,
      bigrams: bigramsOf(`${r.title} ${r.body}`),
    }));
    await tx.query(
      `INSERT INTO search_documents (module, entity_type, entity_id, title, body, url, organisation_id, visibility, bigrams, updated_at)
       SELECT r.module, r.entity_type, r.entity_id, r.title, r.body, r.url, r.organisation_id, r.visibility, r.bigrams, now()
         FROM json_to_recordset($1::json) AS r(module text, entity_type text, entity_id text, title text, body text, url text,
                                              organisation_id uuid, visibility text, bigrams text[])
       ON CONFLICT (module, entity_type, entity_id) DO UPDATE SET title = EXCLUDED.title, body = EXCLUDED.body, url = EXCLUDED.url,
         organisation_id = EXCLUDED.organisation_id, visibility = EXCLUDED.visibility, bigrams = EXCLUDED.bigrams, updated_at = now()`,
      [JSON.stringify(rows)],
    );
  }
}

/** Every entry of one entity type of a module (before a module rebuilds them all). */
export async function clearRecords(tx: Queryable, module: string, entityType: string): Promise<void> {
  await tx.query("DELETE FROM search_documents WHERE module = $1 AND entity_type = $2", [module, entityType]);
}

export async function removeRecords(tx: Queryable, module: string, entityType: string, entityIds: string[]): Promise<void> {
  if (entityIds.length === 0) return;
  await tx.query("DELETE FROM search_documents WHERE module = $1 AND entity_type = $2 AND entity_id = ANY($3::text[])", [
    module,
    entityType,
    entityIds,
  ]);
}

interface Candidate {
  module: string;
  entity_type: string;
  entity_id: string;
  title: string;
  body: string;
  url: string;
}

const CANDIDATE_LIMIT = 2000;

/** Ranks: every token must occur; title hits weigh 5, body hits 1 each (capped), earlier first hit ranks higher. */
function score(candidate: Candidate, tokens: string[]): number | null {
  const title = normaliseForSearch(candidate.title);
  const body = normaliseForSearch(candidate.body);
  let total = 0;
  for (const token of tokens) {
    const inTitle = title.includes(token);
    const bodyHits = body.split(token).length - 1;
    if (!inTitle && bodyHits === 0) return null;
    total += (inTitle ? 5 : 0) + Math.min(bodyHits, 5);
  }
  return total;
}

function snippetOf(text: string, token: string, radius = 40): string {
  const normalised = normaliseForSearch(text);
  const at = normalised.indexOf(token);
  if (at < 0) return normalised.slice(0, radius * 2);
  const start = Math.max(0, at - radius);
  return `${start > 0 ? "…" : ""}${normalised.slice(start, at + token.length + radius)}${at + token.length + radius < normalised.length ? "…" : ""}`;
}

/** The candidates the reader may open: restricted entity types pass their module's read rule (none without a reader). */
async function readableBy(db: Queryable, reader: Principal | null | undefined, rows: Candidate[]): Promise<Candidate[]> {
  const asked = new Map<string, { check: SearchReadCheck | null; ids: string[] }>();
  for (const row of rows) {
    const check = modules.get(row.module)?.restricted?.[row.entity_type];
    if (!check) continue;
    const key = `${row.module}\u0000${row.entity_type}`;
    const entry = asked.get(key) ?? { check: reader ? check : null, ids: [] };
    entry.ids.push(row.entity_id);
    asked.set(key, entry);
  }
  if (asked.size === 0) return rows;
  const allowed = new Map<string, ReadonlySet<string>>();
  // One after another: a caller's transaction is one connection.
  for (const [key, { check, ids }] of asked) allowed.set(key, check && reader ? await check(db, reader, ids) : new Set());
  return rows.filter((row) => {
    const ids = allowed.get(`${row.module}\u0000${row.entity_type}`);
    return !ids || ids.has(row.entity_id);
  });
}

export async function searchRecords(
  db: Queryable,
  input: {
    q: string;
    module?: string;
    includeStaff: boolean;
    /** the caller, for the modules' restricted entity types (see SearchModule.restricted); none: those never show */
    reader?: Principal | null;
    page: number;
    pageSize: number;
  },
): Promise<{ items: SearchHit[]; total: number; page: number; pageSize: number }> {
  const tokens = queryTokens(input.q);
  const grams = bigramsOf(input.q);
  const params: unknown[] = [grams];
  let where = "bigrams @> $1::text[]";
  if (!input.includeStaff) where += " AND visibility = 'public'";
  if (input.module) {
    params.push(input.module);
    where += ` AND module = $${params.length}`;
  }
  const { rows } = await db.query<Candidate>(
    `SELECT module, entity_type, entity_id, title, body, url FROM search_documents WHERE ${where} LIMIT ${CANDIDATE_LIMIT}`,
    params,
  );
  const ranked = (await readableBy(db, input.reader, rows))
    .map((row) => ({ row, score: score(row, tokens) }))
    .filter((hit): hit is { row: Candidate; score: number } => hit.score !== null)
    .sort((a, b) => b.score - a.score || a.row.title.localeCompare(b.row.title, "ja"));
  const start = (input.page - 1) * input.pageSize;
  const items = ranked.slice(start, start + input.pageSize).map(({ row, score: value }) => ({
    module: row.module,
    moduleLabel: modules.get(row.module)?.label ?? row.module,
    entityType: row.entity_type,
    entityId: row.entity_id,
    title: row.title,
    snippet: snippetOf(row.body, tokens[0] ?? ""),
    url: row.url,
    score: value,
  }));
  return { items, total: ranked.length, page: input.page, pageSize: input.pageSize };
}
