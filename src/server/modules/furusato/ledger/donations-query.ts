// Reading the donation ledger: filtered, sorted, paged lists and one donation with what followed it. SQL only.
import type { DonationStatus } from "../../../../common/furusato/donation";
import type { Queryable } from "../../../db/database";

export interface DonationFilter {
  fiscalYear?: number;
  portal?: string;
  status?: DonationStatus;
  q?: string;
  from?: string;
  to?: string;
}

const SORTS: Record<string, string> = {
  donatedOn: "d.donated_on, d.order_number",
  "-donatedOn": "d.donated_on DESC, d.order_number DESC",
  amount: "d.amount, d.order_number",
  "-amount": "d.amount DESC, d.order_number",
  orderNumber: "d.order_number",
  "-orderNumber": "d.order_number DESC",
};

function where(filter: DonationFilter): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, value: unknown) => {
    params.push(value);
    clauses.push(clause.replace("?", `$${params.length}`));
  };
  if (filter.fiscalYear !== undefined) add("d.fiscal_year = ?", filter.fiscalYear);
  if (filter.portal) add("d.portal_code = ?", filter.portal);
  if (filter.status) add("d.status = ?", filter.status);
  if (filter.q)
    add(
      "d.order_number LIKE ? || '%'",
      filter.q.replace(/[\\%_]/g, (ch) => `\\${ch}`),
    );
  if (filter.from) add("d.donated_on >= ?", filter.from);
  if (filter.to) add("d.donated_on <= ?", filter.to);
  return { sql: clauses.length ? `WHERE ${clauses.join(" AND ")}` : "", params };
}

export interface DonationListRow {
  id: string;
  portal_code: string;
  portal_name: string;
  order_number: string;
  applied_on: string;
  paid_on: string | null;
  donated_on: string;
  fiscal_year: number;
  amount: number;
  status: DonationStatus;
  payment_method: string;
  fund_use_name: string | null;
  is_resident: boolean;
  one_stop_wish: boolean;
  publication_consent: boolean;
  donor_name: string | null;
  donor_kana: string | null;
  donor_postal_code: string | null;
  donor_address: string | null;
  donor_phone: string | null;
  donor_email: string | null;
  donor_gender: string | null;
  ship_name: string | null;
  ship_postal_code: string | null;
  ship_address: string | null;
  ship_phone: string | null;
  gift_titles: string[];
  anonymised_at: Date | null;
  is_sample: boolean;
}

const SELECT = `SELECT d.*, p.name AS portal_name, f.name AS fund_use_name,
    COALESCE((SELECT array_agg(COALESCE(g.title, i.gift_code) ORDER BY i.line_no)
                FROM furusato_donation_items i LEFT JOIN furusato_gifts g ON g.id = i.gift_id
               WHERE i.donation_id = d.id), '{}') AS gift_titles
  FROM furusato_donations d
  JOIN furusato_portals p ON p.code = d.portal_code
  LEFT JOIN furusato_fund_uses f ON f.code = d.fund_use_code`;

export async function findDonations(
  db: Queryable,
  filter: DonationFilter,
  page: { page: number; pageSize: number; sort: string },
): Promise<{ rows: DonationListRow[]; total: number }> {
  const { sql, params } = where(filter);
  const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM furusato_donations d ${sql}`, params);
  const { rows } = await db.query<DonationListRow>(
    `${SELECT} ${sql} ORDER BY ${SORTS[page.sort] ?? SORTS["-donatedOn"]} LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}`,
    params,
  );
  return { rows, total: total.rows[0].n };
}

/** Every matching donation, for an export (the caller checked the permission and audits it). */
export async function findAllDonations(db: Queryable, filter: DonationFilter): Promise<DonationListRow[]> {
  const { sql, params } = where(filter);
  return (await db.query<DonationListRow>(`${SELECT} ${sql} ORDER BY d.donated_on, d.portal_code, d.order_number`, params)).rows;
}

export async function findDonation(db: Queryable, id: string) {
  const { rows } = await db.query<DonationListRow & { import_file_name: string | null }>(
    `${SELECT.replace("FROM furusato_donations d", "FROM furusato_donations d LEFT JOIN furusato_donation_imports im ON im.id = d.import_id").replace("SELECT d.*,", "SELECT d.*, im.file_name AS import_file_name,")} WHERE d.id = $1`,
    [id],
  );
  if (!rows[0]) return null;
  const [items, shipments, oneStop, certificates] = await Promise.all([
    db.query<{ line_no: number; gift_code: string; gift_title: string | null; quantity: number }>(
      `SELECT i.line_no, i.gift_code, g.title AS gift_title, i.quantity
         FROM furusato_donation_items i LEFT JOIN furusato_gifts g ON g.id = i.gift_id
        WHERE i.donation_id = $1 ORDER BY i.line_no`,
      [id],
    ),
    db.query<{ line_no: number; status: string; due_on: string | null; shipped_on: string | null; tracking_number: string }>(
      "SELECT line_no, status, due_on, shipped_on, tracking_number FROM furusato_shipments WHERE donation_id = $1 ORDER BY line_no",
      [id],
    ),
    db.query<{ status: string; missing: string[] }>("SELECT status, missing FROM furusato_one_stop_applications WHERE donation_id = $1", [
      id,
    ]),
    db.query<{ certificate_number: string; issued_on: string; reissue: boolean }>(
      "SELECT certificate_number, issued_on, reissue FROM furusato_certificates WHERE donation_id = $1 ORDER BY created_at",
      [id],
    ),
  ]);
  return {
    donation: rows[0],
    items: items.rows,
    shipments: shipments.rows,
    oneStop: oneStop.rows[0] ?? null,
    certificates: certificates.rows,
  };
}

/** 山田 太郎 → 山田 **; 山田太郎 → 山** (lists show who without showing the whole name). */
export function maskName(name: string | null): string {
  if (!name) return "";
  const [first, ...rest] = name.trim().split(/[\s\u3000]+/);
  if (rest.length > 0) return `${first} **`;
  return `${[...first].slice(0, 1).join("")}**`;
}
