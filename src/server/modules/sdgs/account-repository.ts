// SQL of a company's account (申請企業のアカウント): its external organisation and its sdgs_companies row, and the
// look-ups that tell whether a login id or a 法人番号 is already taken.
import type { Queryable } from "../../db/database";

export async function loginIdTaken(db: Queryable, loginId: string): Promise<boolean> {
  const { rowCount } = await db.query("SELECT 1 FROM users WHERE login_id = $1", [loginId]);
  return (rowCount ?? 0) > 0;
}

export async function corporateNumberTaken(db: Queryable, corporateNumber: string): Promise<boolean> {
  const { rowCount } = await db.query("SELECT 1 FROM sdgs_companies WHERE corporate_number = $1", [corporateNumber]);
  return (rowCount ?? 0) > 0;
}

export async function formerNumberTaken(db: Queryable, formerRegistrationNumber: string): Promise<boolean> {
  const { rowCount } = await db.query("SELECT 1 FROM sdgs_companies WHERE former_registration_number = $1", [formerRegistrationNumber]);
  return (rowCount ?? 0) > 0;
}

/**
 * The company's external organisation. Organisation names are unique among the roots, so a second company of the
 * same name gets 「（2）」 and so on after it (the company's own name in sdgs_companies stays as typed).
 */
export async function insertCompanyOrganisation(tx: Queryable, companyName: string): Promise<string> {
  const base = companyName.slice(0, 90);
  const { rows: taken } = await tx.query<{ name: string }>(
    "SELECT name FROM organisations WHERE parent_id IS NULL AND (name = $1 OR starts_with(name, $1 || '（'))",
    [base],
  );
  const names = new Set(taken.map((r) => r.name));
  let name = base;
  for (let n = 2; names.has(name); n++) name = `${base}（${n}）`;
  const { rows } = await tx.query<{ id: string }>("INSERT INTO organisations (kind, name) VALUES ('external', $1) RETURNING id", [name]);
  return rows[0].id;
}

export interface CompanyInsert {
  organisationId: string;
  corporateNumber: string | null;
  name: string;
  kana: string;
  postalCode: string;
  address: string;
  ward: string;
  industry: string;
  size: string;
  employees: number | null;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  formerRegistrationNumber: string | null;
}

export async function insertCompany(tx: Queryable, input: CompanyInsert): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO sdgs_companies (organisation_id, corporate_number, name, name_kana, postal_code, address, ward, industry, size,
       employees, contact_name, contact_email, contact_phone, former_registration_number)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
    [
      input.organisationId,
      input.corporateNumber,
      input.name,
      input.kana,
      input.postalCode,
      input.address,
      input.ward,
      input.industry,
      input.size,
      input.employees,
      input.contactName,
      input.contactEmail,
      input.contactPhone,
      input.formerRegistrationNumber,
    ],
  );
  return rows[0].id;
}
