// SQL of 金融連携: the partner banks (sdgs_banks), the finance records (sdgs_finance_links) and the figures of the
// dashboard. A bank's queries filter on its own id here, so that another bank's record is simply not found.
import type { AmountBand, FinanceProductKind } from "../../../common/sdgs/labels";
import type { Queryable } from "../../db/database";

// ── banks ──

export interface BankRow {
  id: string;
  name: string;
  organisation_id: string;
  organisation_name: string;
  sort_order: number;
  active: boolean;
  login_count: number;
  finance_count: number;
  is_sample: boolean;
}

const BANK_COLUMNS = `b.id, b.name, b.organisation_id, o.name AS organisation_name, b.sort_order, b.active, b.is_sample,
    (SELECT count(*)::int FROM users u WHERE u.organisation_id = b.organisation_id AND u.role = 'partner' AND NOT u.disabled) AS login_count,
    (SELECT count(*)::int FROM sdgs_finance_links f WHERE f.bank_id = b.id) AS finance_count`;

export async function findBanks(db: Queryable): Promise<BankRow[]> {
  const { rows } = await db.query<BankRow>(
    `SELECT ${BANK_COLUMNS} FROM sdgs_banks b JOIN organisations o ON o.id = b.organisation_id ORDER BY b.sort_order, b.name COLLATE "C"`,
  );
  return rows;
}

export async function findBank(db: Queryable, id: string, forUpdate = false): Promise<BankRow | null> {
  const { rows } = await db.query<BankRow>(
    `SELECT ${BANK_COLUMNS} FROM sdgs_banks b JOIN organisations o ON o.id = b.organisation_id WHERE b.id = $1${forUpdate ? " FOR UPDATE OF b" : ""}`,
    [id],
  );
  return rows[0] ?? null;
}

export async function insertBank(
  db: Queryable,
  bank: { name: string; organisationId: string; sortOrder: number; isSample?: boolean },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    "INSERT INTO sdgs_banks (name, organisation_id, sort_order, is_sample) VALUES ($1, $2, $3, $4) RETURNING id",
    [bank.name, bank.organisationId, bank.sortOrder, bank.isSample ?? false],
  );
  return rows[0].id;
}

export async function nextBankSortOrder(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>("SELECT coalesce(max(sort_order), 0)::int + 10 AS n FROM sdgs_banks");
  return rows[0].n;
}

export async function updateBank(db: Queryable, id: string, values: { name: string; active: boolean; sortOrder: number }): Promise<void> {
  await db.query("UPDATE sdgs_banks SET name = $2, active = $3, sort_order = $4 WHERE id = $1", [
    id,
    values.name,
    values.active,
    values.sortOrder,
  ]);
}

/** The organisation's kind, and whether a bank or company already uses it. */
export async function organisationUse(db: Queryable, organisationId: string) {
  const { rows } = await db.query<{ kind: string; used: boolean }>(
    `SELECT o.kind, (EXISTS (SELECT 1 FROM sdgs_banks b WHERE b.organisation_id = o.id)
                     OR EXISTS (SELECT 1 FROM sdgs_companies c WHERE c.organisation_id = o.id)) AS used
       FROM organisations o WHERE o.id = $1`,
    [organisationId],
  );
  return rows[0] ?? null;
}

// ── the certified companies a bank may pick ──

export interface CertifiedPick {
  certification_id: string;
  number: string;
  company_id: string;
  company_name: string;
  corporate_number: string | null;
  tier_name: string;
  tier_rank: number;
  valid_from: string;
  valid_until: string;
  status: string;
  is_sample: boolean;
}

const PICK_COLUMNS = `ce.id AS certification_id, ce.number, co.id AS company_id, co.name AS company_name, co.corporate_number,
    ce.tier_name, ce.tier_rank, ce.valid_from::text AS valid_from, ce.valid_until::text AS valid_until, ce.status, ce.is_sample`;

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/** Certifications valid on `today` (status active, today within validity) matching every term; at most 50. */
export async function findValidCertifications(db: Queryable, today: string, terms: string[]): Promise<CertifiedPick[]> {
  const params: unknown[] = [today];
  const clauses = ["ce.status = 'active'", "ce.valid_from <= $1::date", "ce.valid_until >= $1::date"];
  for (const term of terms) {
    params.push(likeEscape(term));
    clauses.push(
      `(co.name || ' ' || co.name_kana || ' ' || coalesce(co.corporate_number, '') || ' ' || ce.number) ILIKE '%' || $${params.length} || '%'`,
    );
  }
  const { rows } = await db.query<CertifiedPick>(
    `SELECT ${PICK_COLUMNS} FROM sdgs_certifications ce JOIN sdgs_companies co ON co.id = ce.company_id
      WHERE ${clauses.join(" AND ")} ORDER BY co.name_kana COLLATE "C", co.name COLLATE "C", ce.number LIMIT 50`,
    params,
  );
  return rows;
}

/** A certification by its number or id (any state: the service judges its validity on the finance date). */
export async function findCertification(db: Queryable, by: { number?: string; id?: string }): Promise<CertifiedPick | null> {
  const { rows } = await db.query<CertifiedPick>(
    `SELECT ${PICK_COLUMNS} FROM sdgs_certifications ce JOIN sdgs_companies co ON co.id = ce.company_id
      WHERE ${by.number ? "ce.number = $1" : "ce.id = $1"}`,
    [by.number ?? by.id],
  );
  return rows[0] ?? null;
}

// ── finance links ──

export interface FinanceRow {
  id: string;
  bank_id: string;
  bank_name: string;
  company_id: string;
  certification_id: string;
  number: string;
  company_name: string;
  tier_name: string;
  tier_rank: number;
  product_kind: FinanceProductKind;
  product_name: string;
  amount_band: AmountBand;
  executed_on: string;
  note: string;
  version: number;
  is_sample: boolean;
}

const FINANCE_COLUMNS = `f.id, f.bank_id, b.name AS bank_name, f.company_id, f.certification_id, ce.number, co.name AS company_name,
    ce.tier_name, ce.tier_rank, f.product_kind, f.product_name, f.amount_band, f.executed_on::text AS executed_on, f.note,
    f.version, f.is_sample`;
const FINANCE_FROM = `FROM sdgs_finance_links f JOIN sdgs_banks b ON b.id = f.bank_id
    JOIN sdgs_certifications ce ON ce.id = f.certification_id JOIN sdgs_companies co ON co.id = f.company_id`;

export interface FinanceFilter {
  bankId?: string;
  tierRank?: number;
  /** executed_on within [from, to] */
  from?: string;
  to?: string;
}

function financeWhere(filter: FinanceFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const clauses: string[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filter.bankId) clauses.push(`f.bank_id = ${param(filter.bankId)}`);
  if (filter.tierRank !== undefined) clauses.push(`ce.tier_rank = ${param(filter.tierRank)}`);
  if (filter.from) clauses.push(`f.executed_on >= ${param(filter.from)}::date`);
  if (filter.to) clauses.push(`f.executed_on <= ${param(filter.to)}::date`);
  return { sql: clauses.length ? `WHERE ${clauses.join(" AND ")}` : "", params };
}

export async function countFinance(db: Queryable, filter: FinanceFilter): Promise<{ n: number; bands: Record<string, number> }> {
  const { sql, params } = financeWhere(filter);
  const { rows } = await db.query<{ amount_band: AmountBand; n: number }>(
    `SELECT f.amount_band, count(*)::int AS n ${FINANCE_FROM} ${sql} GROUP BY f.amount_band`,
    params,
  );
  return { n: rows.reduce((sum, r) => sum + r.n, 0), bands: Object.fromEntries(rows.map((r) => [r.amount_band, r.n])) };
}

export async function findFinancePage(
  db: Queryable,
  filter: FinanceFilter,
  page: { limit: number; offset: number },
): Promise<FinanceRow[]> {
  const { sql, params } = financeWhere(filter);
  const { rows } = await db.query<FinanceRow>(
    `SELECT ${FINANCE_COLUMNS} ${FINANCE_FROM} ${sql}
      ORDER BY f.executed_on DESC, f.created_at DESC, f.id LIMIT ${Number(page.limit)} OFFSET ${Number(page.offset)}`,
    params,
  );
  return rows;
}

/** One record, of this bank only (another bank's answers null, as a missing one). */
export async function findFinance(db: Queryable, id: string, bankId: string | null, forUpdate = false): Promise<FinanceRow | null> {
  const { rows } = await db.query<FinanceRow>(
    `SELECT ${FINANCE_COLUMNS} ${FINANCE_FROM} WHERE f.id = $1${bankId ? " AND f.bank_id = $2" : ""}${forUpdate ? " FOR UPDATE OF f" : ""}`,
    bankId ? [id, bankId] : [id],
  );
  return rows[0] ?? null;
}

export interface FinanceValues {
  certificationId: string;
  companyId: string;
  productKind: FinanceProductKind;
  productName: string;
  amountBand: AmountBand;
  executedOn: string;
  note: string;
}

export async function insertFinance(
  db: Queryable,
  bankId: string,
  values: FinanceValues,
  meta: { createdBy: string | null; isSample?: boolean },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO sdgs_finance_links (bank_id, company_id, certification_id, product_kind, product_name, amount_band, executed_on, note,
                                     created_by, is_sample)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [
      bankId,
      values.companyId,
      values.certificationId,
      values.productKind,
      values.productName,
      values.amountBand,
      values.executedOn,
      values.note,
      meta.createdBy,
      meta.isSample ?? false,
    ],
  );
  return rows[0].id;
}

/** Updates when the version matches; false when it does not (a stale edit). */
export async function updateFinance(db: Queryable, id: string, bankId: string, version: number, values: FinanceValues): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE sdgs_finance_links SET company_id = $4, certification_id = $5, product_kind = $6, product_name = $7, amount_band = $8,
            executed_on = $9, note = $10, version = version + 1, updated_at = now()
      WHERE id = $1 AND bank_id = $2 AND version = $3`,
    [
      id,
      bankId,
      version,
      values.companyId,
      values.certificationId,
      values.productKind,
      values.productName,
      values.amountBand,
      values.executedOn,
      values.note,
    ],
  );
  return (rowCount ?? 0) > 0;
}

export async function deleteFinance(db: Queryable, id: string, bankId: string, version: number): Promise<boolean> {
  const { rowCount } = await db.query("DELETE FROM sdgs_finance_links WHERE id = $1 AND bank_id = $2 AND version = $3", [
    id,
    bankId,
    version,
  ]);
  return (rowCount ?? 0) > 0;
}

// ── dashboard ──

/** Certifications valid on `today` with their company's ward and industry, and what the lifecycle rules need. */
export async function findValidForDashboard(db: Queryable, today: string) {
  const { rows } = await db.query<{
    id: string;
    company_id: string;
    tier_name: string;
    tier_rank: number;
    ward: string;
    industry: string;
    valid_from: string;
    valid_until: string;
    renewal_window_days: number;
    report_interval_months: number;
    reported_periods: number[];
  }>(
    `SELECT ce.id, ce.company_id, ce.tier_name, ce.tier_rank, co.ward, co.industry, ce.valid_from::text AS valid_from,
            ce.valid_until::text AS valid_until, r.renewal_window_days, r.report_interval_months,
            coalesce((SELECT array_agg(p.period ORDER BY p.period) FROM sdgs_progress_reports p
                       WHERE p.certification_id = ce.id AND p.status IN ('submitted', 'accepted')), '{}') AS reported_periods
       FROM sdgs_certifications ce JOIN sdgs_companies co ON co.id = ce.company_id
       JOIN sdgs_applications a ON a.id = ce.application_id JOIN sdgs_rounds r ON r.id = a.round_id
      WHERE ce.status = 'active' AND ce.valid_from <= $1::date AND ce.valid_until >= $1::date`,
    [today],
  );
  return rows;
}

export async function findRoundOfYear(db: Queryable, fiscalYear: number): Promise<{ id: string; name: string } | null> {
  const { rows } = await db.query<{ id: string; name: string }>(
    "SELECT id, name FROM sdgs_rounds WHERE fiscal_year = $1 ORDER BY opens_on DESC LIMIT 1",
    [fiscalYear],
  );
  return rows[0] ?? null;
}

export async function countApplicationsByStatus(db: Queryable, roundId: string) {
  const { rows } = await db.query<{ status: string; n: number }>(
    "SELECT status, count(*)::int AS n FROM sdgs_applications WHERE round_id = $1 GROUP BY status",
    [roundId],
  );
  return rows;
}

/** Every finance record with its bank and tier (the dashboard sums them in the service, by the bands' lower bounds). */
export async function findFinanceForDashboard(db: Queryable) {
  const { rows } = await db.query<{
    bank_id: string;
    bank_name: string;
    bank_sort: number;
    company_id: string;
    tier_name: string;
    tier_rank: number;
    amount_band: AmountBand;
  }>(
    `SELECT f.bank_id, b.name AS bank_name, b.sort_order AS bank_sort, f.company_id, ce.tier_name, ce.tier_rank, f.amount_band
       FROM sdgs_finance_links f JOIN sdgs_banks b ON b.id = f.bank_id JOIN sdgs_certifications ce ON ce.id = f.certification_id`,
  );
  return rows;
}

// ── sample data ──

export async function hasBanks(db: Queryable): Promise<boolean> {
  const { rowCount } = await db.query("SELECT 1 FROM sdgs_banks LIMIT 1");
  return (rowCount ?? 0) > 0;
}

/** The certifications of the company whose organisation has this code (the sample companies are found by it). */
export async function findCertificationsOfOrganisationCode(db: Queryable, code: string): Promise<CertifiedPick[]> {
  const { rows } = await db.query<CertifiedPick>(
    `SELECT ${PICK_COLUMNS} FROM sdgs_certifications ce JOIN sdgs_companies co ON co.id = ce.company_id
       JOIN organisations o ON o.id = co.organisation_id WHERE o.code = $1 ORDER BY ce.valid_from`,
    [code],
  );
  return rows;
}
