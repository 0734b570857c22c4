// 企業情報: a company's partner logins read and keep their own company's record. 法人番号 is checked with its check
// digit and is read-only once set (the registry and the certificates rest on it). The contact person's name, e-mail
// and telephone are personal data: the audit row says only that they changed, never what they are.
import type { CompanyProfile, CompanyProfileInput } from "../../../common/api/sdgs-company";
import { CORPORATE_NUMBER_MESSAGES, corporateNumberProblem, normaliseCorporateNumber } from "../../../common/sdgs/corporate-number";
import type { CompanySize, Industry, Ward } from "../../../common/sdgs/labels";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import { Conflict, NotFound, ValidationError } from "../../platform/errors";
import { companyOfUser } from "./access";
import { type CompanyRow, findCompany, updateCompany } from "./company-repository";

const iso = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();

export function toProfile(row: CompanyRow): CompanyProfile {
  return {
    id: row.id,
    corporateNumber: row.corporate_number,
    name: row.name,
    nameKana: row.name_kana,
    postalCode: row.postal_code,
    address: row.address,
    ward: row.ward as Ward,
    industry: row.industry as Industry,
    size: row.size as CompanySize,
    employees: row.employees === null ? null : Number(row.employees),
    website: row.website,
    contactName: row.contact_name,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    formerRegistrationNumber: row.former_registration_number,
    isSample: row.is_sample,
    version: row.version,
    updatedAt: iso(row.updated_at),
  };
}

/** The caller's company row (a partner login of a registered company; others 403). */
export async function ownCompany(db: Queryable, user: Principal | null, forUpdate = false): Promise<CompanyRow> {
  const acting = await companyOfUser(db, user);
  const row = await findCompany(db, acting.id, { forUpdate });
  if (!row) throw new NotFound("申請企業");
  return row;
}

export async function getProfile(db: Db, user: Principal | null): Promise<CompanyProfile> {
  return toProfile(await ownCompany(db, user));
}

/** What the audit row keeps: the record's public facts, and only whether the contact details changed. */
const auditFacts = (
  row: Omit<CompanyRow, "id" | "organisation_id" | "version" | "is_sample" | "updated_at" | "former_registration_number">,
) => ({
  corporateNumber: row.corporate_number,
  name: row.name,
  nameKana: row.name_kana,
  postalCode: row.postal_code,
  address: row.address,
  ward: row.ward,
  industry: row.industry,
  size: row.size,
  employees: row.employees,
  website: row.website,
});

export async function updateProfile(
  db: Db,
  user: Principal | null,
  actor: Actor,
  input: { version: number; profile: CompanyProfileInput },
): Promise<CompanyProfile> {
  return db.transaction(async (tx) => {
    const row = await ownCompany(tx, user, true);
    if (row.version !== input.version)
      throw new Conflict("企業情報はほかの方が先に更新しました。画面を読み込み直してから、もう一度変更してください。", "stale_version");
    const p = input.profile;
    let corporateNumber = row.corporate_number;
    if (row.corporate_number === null) {
      const given = p.corporateNumber === null ? "" : normaliseCorporateNumber(p.corporateNumber);
      if (given !== "") {
        const problem = corporateNumberProblem(given);
        if (problem) {
          const message = CORPORATE_NUMBER_MESSAGES[problem];
          throw new ValidationError(message, { corporateNumber: message });
        }
        corporateNumber = given;
      }
    } else if (p.corporateNumber !== null && normaliseCorporateNumber(p.corporateNumber) !== row.corporate_number) {
      const message = "法人番号は登録後に変更できません。誤りがある場合はSDGs推進室にご連絡ください。";
      throw new ValidationError(message, { corporateNumber: message });
    }
    const values = {
      corporate_number: corporateNumber,
      name: p.name,
      name_kana: p.nameKana,
      postal_code: p.postalCode,
      address: p.address,
      ward: p.ward,
      industry: p.industry,
      size: p.size,
      employees: p.employees,
      website: p.website,
      contact_name: p.contactName,
      contact_email: p.contactEmail,
      contact_phone: p.contactPhone,
    };
    await updateCompany(tx, row.id, values);
    const contactChanged =
      row.contact_name !== p.contactName || row.contact_email !== p.contactEmail || row.contact_phone !== p.contactPhone;
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "sdgs_company",
      entityId: row.id,
      summary: `申請企業「${p.name}」の企業情報を変更${contactChanged ? "（担当者の連絡先を含む）" : ""}`,
      before: auditFacts(row),
      after: { ...auditFacts(values), contactChanged },
    });
    const updated = await findCompany(tx, row.id);
    if (!updated) throw new NotFound("申請企業");
    return toProfile(updated);
  });
}
