// 登録企業の一覧 for staff: every member of staff finds a company and reads its profile, applications and
// certifications; the contact person, e-mail and telephone (personal data), the company's logins, the CSV export
// (audited as an export of personal data) and adding a login are for the bureau that runs the programme only.
import type { CompanyDetail, CompanyListItem } from "../../../common/api/sdgs-accounts";
import { todayInJapan } from "../../../common/dates";
import { COMPANY_SIZE_LABELS, type CompanySize, INDUSTRY_LABELS, type Industry, WARD_LABELS, type Ward } from "../../../common/sdgs/labels";
import type { Db } from "../../db/database";
import { hashNewUserPassword, insertUser } from "../../platform/admin/users";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import { authorize, type Principal } from "../../platform/auth/permissions";
import { NotFound } from "../../platform/errors";
import type { FileResult } from "../../platform/http/types";
import { writeCsv } from "../../platform/tabular";
import { isSdgsManager, requireSdgsManager } from "./access";
import * as repo from "./company-directory-repository";

const toItem = (row: repo.CompanyRow): CompanyListItem => ({
  id: row.id,
  name: row.name,
  kana: row.name_kana,
  corporateNumber: row.corporate_number,
  ward: row.ward as Ward,
  industry: row.industry as Industry,
  size: row.size as CompanySize,
  employees: row.employees,
  formerRegistrationNumber: row.former_registration_number,
  certification:
    row.cert_number && row.cert_tier_name && row.cert_valid_until
      ? { number: row.cert_number, tierName: row.cert_tier_name, validUntil: row.cert_valid_until }
      : null,
  applicationCount: row.application_count,
  createdAt: row.created_at.toISOString(),
  isSample: row.is_sample,
});

export async function listCompanies(db: Db, user: Principal | null, query: repo.CompanyFilter & { page: number; pageSize: number }) {
  authorize(user, "sdgs.read");
  const { page, pageSize, ...filter } = query;
  const { rows, total } = await repo.listCompanies(db, todayInJapan(), filter, { page, pageSize });
  return { items: rows.map(toItem), total, page, pageSize };
}

export async function getCompany(db: Db, user: Principal | null, id: string): Promise<CompanyDetail> {
  authorize(user, "sdgs.read");
  const row = await repo.findCompany(db, todayInJapan(), id);
  if (!row) throw new NotFound("登録企業");
  const manager = await isSdgsManager(db, user);
  const organisation = manager ? await repo.findCompanyOrganisation(db, id) : null;
  const [applications, certifications, logins] = await Promise.all([
    repo.companyApplications(db, id),
    repo.companyCertifications(db, id),
    organisation ? repo.companyLogins(db, organisation.organisation_id) : Promise.resolve(null),
  ]);
  return {
    ...toItem(row),
    postalCode: row.postal_code,
    address: row.address,
    website: row.website,
    version: row.version,
    contacts: manager ? { contactName: row.contact_name, contactEmail: row.contact_email, contactPhone: row.contact_phone } : null,
    logins:
      logins?.map((l) => ({
        id: l.id,
        loginId: l.login_id,
        disabled: l.disabled,
        lastLoginAt: l.last_login_at?.toISOString() ?? null,
        createdAt: l.created_at.toISOString(),
      })) ?? null,
    applications: applications.map((a) => ({
      id: a.id,
      roundName: a.round_name,
      fiscalYear: a.fiscal_year,
      kind: a.kind,
      status: a.status,
      submittedAt: a.submitted_at?.toISOString() ?? null,
      isSample: a.is_sample,
    })),
    certifications: certifications.map((c) => ({
      id: c.id,
      number: c.number,
      tierName: c.tier_name,
      validFrom: c.valid_from,
      validUntil: c.valid_until,
      status: c.status,
      isSample: c.is_sample,
    })),
    canManage: manager,
  };
}

const CSV_HEADER = [
  "事業者名",
  "フリガナ",
  "法人番号",
  "旧登録番号",
  "郵便番号",
  "所在地",
  "区",
  "業種",
  "企業規模",
  "従業員数",
  "担当者名",
  "メールアドレス",
  "電話番号",
  "認証番号",
  "認証区分",
  "認証の有効期限",
  "申請数",
  "サンプル",
];

/** GET /api/sdgs/companies.csv — with the contacts: audited as an export of personal data. */
export async function exportCompanies(db: Db, user: Principal | null, actor: Actor, filter: repo.CompanyFilter): Promise<FileResult> {
  await requireSdgsManager(db, user);
  const today = todayInJapan();
  return db.transaction(async (tx) => {
    const { rows } = await repo.listCompanies(tx, today, filter, null);
    const csv = writeCsv(
      CSV_HEADER,
      rows.map((r) => [
        r.name,
        r.name_kana,
        r.corporate_number ?? "",
        r.former_registration_number ?? "",
        r.postal_code,
        r.address,
        WARD_LABELS[r.ward as Ward] ?? r.ward,
        INDUSTRY_LABELS[r.industry as Industry] ?? r.industry,
        COMPANY_SIZE_LABELS[r.size as CompanySize] ?? r.size,
        r.employees ?? "",
        r.contact_name,
        r.contact_email,
        r.contact_phone,
        r.cert_number ?? "",
        r.cert_tier_name ?? "",
        r.cert_valid_until ?? "",
        r.application_count,
        r.is_sample ? "サンプル" : "",
      ]),
      { encoding: "utf-8-bom" },
    );
    await recordAudit(tx, actor, {
      action: "export",
      entityType: "sdgs_company",
      summary: `登録企業の一覧（担当者の連絡先を含む）をCSVで出力（${rows.length}件）`,
      after: { rows: rows.length, filter, personalData: true },
    });
    return { file: { name: `登録企業一覧_${today}.csv`, mimeType: "text/csv; charset=utf-8", body: csv.bytes } };
  });
}

/**
 * POST /api/sdgs/companies/:id/logins — another partner login for the company, made with the platform's user creation
 * (the password checked by the same rules and hashed before the transaction opens); the bureau hands the first
 * password to the company, which changes it on its account page.
 */
export async function addCompanyLogin(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  body: { loginId: string; displayName: string; password: string },
): Promise<{ id: string; loginId: string }> {
  await requireSdgsManager(db, user);
  const company = await repo.findCompanyOrganisation(db, id);
  if (!company) throw new NotFound("登録企業");
  const passwordHash = await hashNewUserPassword(body.loginId, body.password);
  return db.transaction(async (tx) => {
    const created = await insertUser(tx, actor, {
      loginId: body.loginId,
      displayName: body.displayName,
      email: null,
      role: "partner",
      organisationId: company.organisation_id,
      passwordHash,
    });
    await recordAudit(tx, actor, {
      action: "create",
      entityType: "sdgs_company",
      entityId: id,
      summary: `登録企業「${company.name}」にログイン ${created.loginId} を追加`,
      after: { loginId: created.loginId },
    });
    return { id: created.id, loginId: created.loginId };
  });
}
