// SQL of the public registry (公開の認証企業一覧) and of the banks' company search: certifications valid on a day
// (status active and the day within validity — common/sdgs/certification-lifecycle.ts isValidOn says the same) with
// only the columns a citizen may see. Every query here names its columns; none reads the company's contact, e-mail,
// telephone, address line or employees, so nothing personal can reach a public answer by way of a shared query.
import type { Industry, Ward } from "../../../common/sdgs/labels";
import type { Queryable } from "../../db/database";

export interface RegistryFilter {
  /** NFKC-normalised search words (each must match) */
  terms: string[];
  tierName?: string;
  ward?: Ward;
  industry?: Industry;
}

export interface RegistryRow {
  /** every row's count of the filters (the page's rows carry it: one query for the page and its total) */
  total: number;
  certification_id: string;
  number: string;
  company_name: string;
  corporate_number: string | null;
  tier_name: string;
  tier_rank: number;
  valid_from: string;
  valid_until: string;
  ward: Ward;
  industry: Industry;
  is_sample: boolean;
  goals: { title: string; sdg_goals: number[]; kpi: string; unit: string; target: number | string; target_year: number }[];
}

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/** WHERE over sdgs_certifications ce JOIN sdgs_companies co: valid on $1, then the filters. */
function where(today: string, filter: RegistryFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [today];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  // a certification renewed early stays listed until its successor starts (the committee supersedes it at once, but
  // the renewal's validity begins the day after the old one ends)
  const clauses = [
    `(ce.status = 'active' OR (ce.status = 'superseded' AND EXISTS (
        SELECT 1 FROM sdgs_certifications n WHERE n.previous_certification_id = ce.id AND n.status = 'active' AND n.valid_from > $1::date)))`,
    "ce.valid_from <= $1::date",
    "ce.valid_until >= $1::date",
  ];
  for (const term of filter.terms) {
    const t = param(likeEscape(term));
    // the search words are NFKC-normalised in Node; the stored text is compared as stored (normalize() in SQL on every
    // row made the search ten times slower under load: bench/sdgs-registry.bench.ts)
    clauses.push(`(co.name ILIKE '%' || ${t} || '%' OR co.name_kana ILIKE '%' || ${t} || '%'
      OR coalesce(co.corporate_number, '') LIKE '%' || ${t} || '%' OR ce.number ILIKE '%' || ${t} || '%'
      OR EXISTS (SELECT 1 FROM sdgs_application_goals g WHERE g.application_id = ce.application_id AND g.title ILIKE '%' || ${t} || '%'))`);
  }
  if (filter.tierName) clauses.push(`ce.tier_name = ${param(filter.tierName)}`);
  if (filter.ward) clauses.push(`co.ward = ${param(filter.ward)}`);
  if (filter.industry) clauses.push(`co.industry = ${param(filter.industry)}`);
  return { sql: `WHERE ${clauses.join(" AND ")}`, params };
}

const FROM = "FROM sdgs_certifications ce JOIN sdgs_companies co ON co.id = ce.company_id";

const COLUMNS = `ce.id AS certification_id, ce.number, co.name AS company_name, co.corporate_number, ce.tier_name, ce.tier_rank,
    ce.valid_from::text AS valid_from, ce.valid_until::text AS valid_until, co.ward, co.industry, ce.is_sample`;

const GOALS = `coalesce((SELECT json_agg(json_build_object('title', g.title, 'sdg_goals', g.sdg_goals, 'kpi', g.kpi, 'unit', g.unit,
                                          'target', g.target, 'target_year', g.target_year) ORDER BY g.sort_order, g.id)
              FROM sdgs_application_goals g WHERE g.application_id = ce.application_id), '[]') AS goals`;

/** 認証区分の高い順, then by フリガナ and name. */
const ORDER = `ORDER BY ce.tier_rank, co.name_kana COLLATE "C", co.name COLLATE "C", ce.number`;

export async function countRegistry(db: Queryable, today: string, filter: RegistryFilter): Promise<number> {
  const { sql, params } = where(today, filter);
  return (await db.query<{ n: number }>(`SELECT count(*)::int AS n ${FROM} ${sql}`, params)).rows[0].n;
}

/** A page of the registry (limit null: every row, for the open data). */
export async function findRegistryRows(
  db: Queryable,
  today: string,
  filter: RegistryFilter,
  page: { limit: number; offset: number } | null,
): Promise<RegistryRow[]> {
  const { sql, params } = where(today, filter);
  const limit = page ? `LIMIT ${Number(page.limit)} OFFSET ${Number(page.offset)}` : "";
  // the page's rows first, their goals after: the goals' subquery runs for the rows shown only
  const { rows } = await db.query<RegistryRow>(
    `WITH page AS (SELECT ${COLUMNS}, ce.application_id, co.name_kana AS sort_kana, count(*) OVER ()::int AS total
                     ${FROM} ${sql} ${ORDER} ${limit})
     SELECT page.*, ${GOALS.replaceAll("ce.application_id", "page.application_id")} FROM page
      ORDER BY page.tier_rank, page.sort_kana COLLATE "C", page.company_name COLLATE "C", page.number`,
    params,
  );
  return rows;
}

/** The tiers, wards and industries of the certifications valid on the day (the filters' choices), in one query. */
export async function findRegistryChoices(db: Queryable, today: string) {
  const { sql, params } = where(today, { terms: [] });
  const { rows } = await db.query<{ tiers: { name: string; rank: number }[] | null; wards: Ward[] | null; industries: Industry[] | null }>(
    `WITH valid AS (SELECT ce.tier_name, ce.tier_rank, co.ward, co.industry ${FROM} ${sql})
     SELECT (SELECT json_agg(t ORDER BY t.rank, t.name) FROM (SELECT DISTINCT tier_name AS name, tier_rank AS rank FROM valid) t) AS tiers,
            (SELECT array_agg(DISTINCT ward) FROM valid) AS wards,
            (SELECT array_agg(DISTINCT industry ORDER BY industry) FROM valid) AS industries`,
    params,
  );
  const row = rows[0];
  return { tiers: row?.tiers ?? [], wards: row?.wards ?? [], industries: row?.industries ?? [] };
}

export interface CertificateRow {
  id: string;
  number: string;
  status: "active" | "superseded" | "expired" | "revoked";
  company_name: string;
  corporate_number: string | null;
  tier_name: string;
  tier_rank: number;
  valid_from: string;
  valid_until: string;
  successor_number: string | null;
  is_sample: boolean;
}

/** A certificate by its number, whatever its state (認証の確認). */
export async function findCertificateByNumber(db: Queryable, number: string): Promise<CertificateRow | null> {
  const { rows } = await db.query<CertificateRow>(
    `SELECT ce.id, ce.number, ce.status, co.name AS company_name, co.corporate_number, ce.tier_name, ce.tier_rank,
            ce.valid_from::text AS valid_from, ce.valid_until::text AS valid_until, ce.is_sample,
            (SELECT n.number FROM sdgs_certifications n WHERE n.previous_certification_id = ce.id ORDER BY n.valid_from DESC LIMIT 1) AS successor_number
       ${FROM} WHERE ce.number = $1`,
    [number],
  );
  return rows[0] ?? null;
}
