// 公開の認証企業一覧 (the public registry, no sign-in), its open data and 認証の確認: the certifications valid today
// (日本時間), shaped to what the city publishes (common/api/sdgs-public.ts). The search matches NFKC-normalised text
// with ILIKE on each word (measured with bench/sdgs-registry.bench.ts: a few thousand certified companies at most,
// so a scan of the valid certifications stays well under the platform search's bigram index cost of upkeep).
import type { ResponseOf } from "../../../common/api/contract";
import {
  CERTIFICATE_CHECK_LABELS,
  type CertificateCheckState,
  type checkCertificate,
  type listCertifiedCompanies,
  type PublicCertifiedCompany,
} from "../../../common/api/sdgs-public";
import { todayInJapan } from "../../../common/dates";
import { INDUSTRY_LABELS, type Industry, WARD_LABELS, WARDS, type Ward } from "../../../common/sdgs/labels";
import type { Queryable } from "../../db/database";
import { AppError } from "../../platform/errors";
import type { FileResult } from "../../platform/http/types";
import { writeCsv } from "../../platform/tabular";
import * as repo from "./registry-repository";

export interface RegistryQuery {
  q?: string;
  tier?: string;
  ward?: Ward;
  industry?: Industry;
}

/** The words of a search, NFKC-normalised (full-width digits, half-width kana), at most 5. */
export function searchTerms(q: string | undefined): string[] {
  if (!q) return [];
  return q
    .normalize("NFKC")
    .split(/\s+/)
    .map((term) => term.trim())
    .filter(Boolean)
    .slice(0, 5);
}

const filterOf = (query: RegistryQuery): repo.RegistryFilter => ({
  terms: searchTerms(query.q),
  tierName: query.tier || undefined,
  ward: query.ward,
  industry: query.industry,
});

export function toPublicCompany(row: repo.RegistryRow): PublicCertifiedCompany {
  return {
    certificateNumber: row.number,
    companyName: row.company_name,
    corporateNumber: row.corporate_number,
    tierName: row.tier_name,
    tierRank: row.tier_rank,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    ward: row.ward,
    wardLabel: WARD_LABELS[row.ward],
    industry: row.industry,
    industryLabel: INDUSTRY_LABELS[row.industry],
    goals: row.goals.map((g) => ({
      title: g.title,
      sdgGoals: g.sdg_goals,
      kpi: g.kpi,
      unit: g.unit,
      target: Number(g.target),
      targetYear: g.target_year,
    })),
    isSample: row.is_sample,
  };
}

export async function listCertified(
  db: Queryable,
  query: RegistryQuery & { page: number; pageSize: number },
): Promise<ResponseOf<typeof listCertifiedCompanies>> {
  const today = todayInJapan();
  const filter = filterOf(query);
  // the page carries its total; a page past the end has no rows to carry it, so only then is it counted apart
  const rows = await repo.findRegistryRows(db, today, filter, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
  const total = rows[0]?.total ?? (query.page > 1 ? await repo.countRegistry(db, today, filter) : 0);
  const choices = await repo.findRegistryChoices(db, today);
  return {
    items: rows.map(toPublicCompany),
    total,
    page: query.page,
    pageSize: query.pageSize,
    choices: {
      tiers: choices.tiers,
      wards: WARDS.filter((w) => choices.wards.includes(w)).map((value) => ({ value, label: WARD_LABELS[value] })),
      industries: choices.industries.map((value) => ({ value, label: INDUSTRY_LABELS[value] })),
    },
    asOf: today,
  };
}

export const REGISTRY_CSV_HEADER = [
  "認証番号",
  "事業者名",
  "法人番号",
  "認証区分",
  "有効期間の開始",
  "有効期間の終了",
  "区",
  "業種",
  "目標",
];

/** 「CO2排出量を削減する（SDGs 7・13）／…」: each goal with its SDGs numbers. */
function goalsCell(goals: PublicCertifiedCompany["goals"]): string {
  return goals.map((g) => (g.sdgGoals.length ? `${g.title}（SDGs ${g.sdgGoals.join("・")}）` : g.title)).join("／");
}

/** The open data: every row of the filters, UTF-8 with BOM (Excel opens it), formula-guarded by the CSV writer. */
export async function certifiedCsv(db: Queryable, query: RegistryQuery): Promise<FileResult> {
  const today = todayInJapan();
  const rows = (await repo.findRegistryRows(db, today, filterOf(query), null)).map(toPublicCompany);
  const { bytes } = writeCsv(
    REGISTRY_CSV_HEADER,
    rows.map((c) => [
      c.certificateNumber,
      c.companyName,
      c.corporateNumber ?? "",
      c.tierName,
      c.validFrom,
      c.validUntil,
      c.wardLabel,
      c.industryLabel,
      goalsCell(c.goals),
    ]),
    { encoding: "utf-8-bom" },
  );
  return { file: { name: `sdgs-certified-${today}.csv`, mimeType: "text/csv; charset=utf-8", body: bytes } };
}

/** The state of a certificate on `today` for 認証の確認. */
export function checkStateOf(
  row: Pick<repo.CertificateRow, "status" | "valid_from" | "valid_until">,
  today: string,
): CertificateCheckState {
  if (row.status === "revoked") return "revoked";
  if (row.status === "superseded") return "superseded";
  if (row.status === "expired" || today > row.valid_until) return "expired";
  if (today < row.valid_from) return "not_yet_valid";
  return "valid";
}

export async function checkCertificateNumber(db: Queryable, number: string): Promise<ResponseOf<typeof checkCertificate>> {
  const row = await repo.findCertificateByNumber(db, number);
  if (!row)
    throw new AppError(
      404,
      "not_found",
      `認証番号「${number}」の認証は見つかりません。認証書に記載の番号（KSM-年度-連番）をお確かめください。`,
    );
  const today = todayInJapan();
  const state = checkStateOf(row, today);
  return {
    certificateNumber: row.number,
    state,
    stateLabel: CERTIFICATE_CHECK_LABELS[state],
    companyName: row.company_name,
    corporateNumber: row.corporate_number,
    tierName: row.tier_name,
    tierRank: row.tier_rank,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    successorNumber: row.successor_number,
    isSample: row.is_sample,
    asOf: today,
  };
}
