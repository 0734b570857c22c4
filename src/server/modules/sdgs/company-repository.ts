// SQL of a company's own record (企業情報), as its partner logins read and change it.
import type { Queryable } from "../../db/database";

export interface CompanyRow {
  id: string;
  organisation_id: string;
  corporate_number: string | null;
  name: string;
  name_kana: string;
  postal_code: string;
  address: string;
  ward: string;
  industry: string;
  size: string;
  employees: number | null;
  website: string;
  contact_name: string;
  contact_email: string;
  contact_phone: string;
  former_registration_number: string | null;
  version: number;
  is_sample: boolean;
  updated_at: Date | string;
}

export async function findCompany(db: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<CompanyRow | null> {
  const { rows } = await db.query<CompanyRow>(
    `SELECT id, organisation_id, corporate_number, name, name_kana, postal_code, address, ward, industry, size, employees,
            website, contact_name, contact_email, contact_phone, former_registration_number, version, is_sample, updated_at
       FROM sdgs_companies WHERE id = $1${opts.forUpdate ? " FOR UPDATE" : ""}`,
    [id],
  );
  return rows[0] ?? null;
}

export interface CompanyUpdate {
  corporate_number: string | null;
  name: string;
  name_kana: string;
  postal_code: string;
  address: string;
  ward: string;
  industry: string;
  size: string;
  employees: number | null;
  website: string;
  contact_name: string;
  contact_email: string;
  contact_phone: string;
}

export async function updateCompany(db: Queryable, id: string, values: CompanyUpdate): Promise<void> {
  await db.query(
    `UPDATE sdgs_companies
        SET corporate_number = $2, name = $3, name_kana = $4, postal_code = $5, address = $6, ward = $7, industry = $8,
            size = $9, employees = $10, website = $11, contact_name = $12, contact_email = $13, contact_phone = $14,
            version = version + 1, updated_at = now()
      WHERE id = $1`,
    [
      id,
      values.corporate_number,
      values.name,
      values.name_kana,
      values.postal_code,
      values.address,
      values.ward,
      values.industry,
      values.size,
      values.employees,
      values.website,
      values.contact_name,
      values.contact_email,
      values.contact_phone,
    ],
  );
}
