// SQL of the staff's list of registered companies (登録企業の一覧): search, filters, each company's valid
// certification and application count, the detail with its applications, certifications and partner logins.
import type { Queryable } from "../../db/database";

export interface CompanyFilter {
  q?: string;
  ward?: string;
  industry?: string;
  size?: string;
  certified?: "yes" | "no";
}

export interface CompanyRow {
  id: string;
  name: string;
  name_kana: string;
  corporate_number: string | null;
  ward: string;
  industry: string;
  size: string;
  employees: number | null;
  former_registration_number: string | null;
  postal_code: string;
  address: string;
  website: string;
  contact_name: string;
  contact_email: string;
  contact_phone: string;
  version: number;
  created_at: Date;
  is_sample: boolean;
  cert_number: string | null;
  cert_tier_name: string | null;
  cert_valid_until: string | null;
  application_count: number;
}

/** The valid certification: active and not past its end (Japan's today), the highest tier, the latest end first. */
const SELECT = `SELECT c.id, c.name, c.name_kana, c.corporate_number, c.ward, c.industry, c.size, c.employees,
    c.former_registration_number, c.postal_code, c.address, c.website, c.contact_name, c.contact_email, c.contact_phone,
    c.version, c.created_at, c.is_sample,
    cert.number AS cert_number, cert.tier_name AS cert_tier_name, to_char(cert.valid_until, 'YYYY-MM-DD') AS cert_valid_until,
    (SELECT count(*)::int FROM sdgs_applications a WHERE a.company_id = c.id) AS application_count
  FROM sdgs_companies c
  LEFT JOIN LATERAL (
    SELECT s.number, s.tier_name, s.valid_until FROM sdgs_certifications s
     WHERE s.company_id = c.id AND s.status = 'active' AND s.valid_until >= $1::date
     ORDER BY s.tier_rank DESC, s.valid_until DESC LIMIT 1
  ) cert ON true`;

const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function whereOf(filter: CompanyFilter, params: unknown[]): string {
  const where: string[] = [];
  if (filter.q) {
    const q = filter.q.normalize("NFKC");
    params.push(like(q));
    const digits = q.replace(/[\s-]/g, "");
    params.push(/^[0-9]+$/.test(digits) ? like(digits) : "x");
    where.push(`(c.name ILIKE $${params.length - 1} OR c.name_kana ILIKE $${params.length - 1}
      OR coalesce(c.corporate_number, '') LIKE $${params.length} OR coalesce(c.former_registration_number, '') ILIKE $${params.length - 1})`);
  }
  for (const [column, value] of [
    ["ward", filter.ward],
    ["industry", filter.industry],
    ["size", filter.size],
  ] as const) {
    if (value) {
      params.push(value);
      where.push(`c.${column} = $${params.length}`);
    }
  }
  if (filter.certified) where.push(`cert.number IS ${filter.certified === "yes" ? "NOT " : ""}NULL`);
  return where.length ? `WHERE ${where.join(" AND ")}` : "";
}

export async function listCompanies(
  db: Queryable,
  today: string,
  filter: CompanyFilter,
  paging: { page: number; pageSize: number } | null,
): Promise<{ rows: CompanyRow[]; total: number }> {
  const params: unknown[] = [today];
  const clause = whereOf(filter, params);
  const limit = paging ? `LIMIT ${paging.pageSize} OFFSET ${(paging.page - 1) * paging.pageSize}` : "";
  const { rows } = await db.query<CompanyRow>(`${SELECT} ${clause} ORDER BY c.name_kana, c.name, c.id ${limit}`, params);
  if (!paging) return { rows, total: rows.length };
  const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${SELECT} ${clause}) AS x`, params);
  return { rows, total: total.rows[0].n };
}

export async function findCompany(db: Queryable, today: string, id: string): Promise<CompanyRow | null> {
  const { rows } = await db.query<CompanyRow>(`${SELECT} WHERE c.id = $2`, [today, id]);
  return rows[0] ?? null;
}

export async function findCompanyOrganisation(db: Queryable, id: string): Promise<{ organisation_id: string; name: string } | null> {
  const { rows } = await db.query<{ organisation_id: string; name: string }>(
    "SELECT organisation_id, name FROM sdgs_companies WHERE id = $1",
    [id],
  );
  return rows[0] ?? null;
}

export async function companyApplications(db: Queryable, companyId: string) {
  const { rows } = await db.query<{
    id: string;
    round_name: string;
    fiscal_year: number;
    kind: string;
    status: string;
    submitted_at: Date | null;
    is_sample: boolean;
  }>(
    `SELECT a.id, r.name AS round_name, r.fiscal_year, a.kind, a.status, a.submitted_at, a.is_sample
       FROM sdgs_applications a JOIN sdgs_rounds r ON r.id = a.round_id
      WHERE a.company_id = $1 ORDER BY r.fiscal_year DESC, a.created_at DESC`,
    [companyId],
  );
  return rows;
}

export async function companyCertifications(db: Queryable, companyId: string) {
  const { rows } = await db.query<{
    id: string;
    number: string;
    tier_name: string;
    valid_from: string;
    valid_until: string;
    status: string;
    is_sample: boolean;
  }>(
    `SELECT id, number, tier_name, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_until, 'YYYY-MM-DD') AS valid_until,
       status, is_sample
       FROM sdgs_certifications WHERE company_id = $1 ORDER BY valid_from DESC, number DESC`,
    [companyId],
  );
  return rows;
}

export async function companyLogins(db: Queryable, organisationId: string) {
  const { rows } = await db.query<{ id: string; login_id: string; disabled: boolean; last_login_at: Date | null; created_at: Date }>(
    "SELECT id, login_id, disabled, last_login_at, created_at FROM users WHERE organisation_id = $1 AND role = 'partner' ORDER BY created_at, login_id",
    [organisationId],
  );
  return rows;
}
