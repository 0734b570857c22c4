// 国際関連事業 for citizens (the public pages, no sign-in): the projects marked 公開, shaped to what the city
// publishes (see common/api/international-public.ts). An internal project answers exactly as an unknown id does.
import type { ResponseOf } from "../../../common/api/contract";
import type * as api from "../../../common/api/international-public";
import { fiscalYearOf, todayInJapan } from "../../../common/dates";
import type { Queryable } from "../../db/database";
import { NotFound } from "../../platform/errors";
import * as repo from "./public-repository";

const toSummary = (row: repo.PublicProjectRow): api.PublicProjectSummary => ({
  id: row.id,
  name: row.name,
  fieldId: row.field_id,
  fieldName: row.field_name,
  ownerName: row.owner_name,
  bureauName: row.bureau_name ?? "",
  firstFiscalYear: row.first_fiscal_year,
  lastFiscalYear: row.last_fiscal_year,
  isSample: row.is_sample,
  partners: row.partners.map((p) => ({
    country: p.country,
    city: p.city,
    organisation: p.organisation,
    relation: p.relation,
    relatedSince: p.related_since,
  })),
});

export async function listPublicProjects(
  db: Queryable,
  query: repo.PublicProjectFilter & { page: number; pageSize: number },
): Promise<ResponseOf<typeof api.listPublicProjects>> {
  const { page, pageSize, ...filter } = query;
  const clean: repo.PublicProjectFilter = {
    q: filter.q ? filter.q.normalize("NFKC") : undefined,
    fieldId: filter.fieldId,
    fiscalYear: filter.fiscalYear,
    country: filter.country || undefined,
  };
  // One after another: PGlite answers one query at a time anyway, and the order keeps the reads simple to follow.
  const total = await repo.countPublicProjects(db, clean);
  const rows = await repo.findPublicProjectPage(db, clean, { page, pageSize });
  const choices = await repo.findPublicChoices(db, fiscalYearOf(todayInJapan()));
  return { items: rows.map(toSummary), total, page, pageSize, choices };
}

export async function getPublicProject(db: Queryable, id: string): Promise<ResponseOf<typeof api.getPublicProject>> {
  const row = await repo.findPublicProject(db, id);
  if (!row) throw new NotFound("公開している国際関連事業");
  const years = await repo.findPublicProjectYears(db, id);
  const indicators = await repo.findPublicIndicators(db, id);
  return {
    ...toSummary(row),
    summary: row.summary,
    years: years.map((y) => ({ fiscalYear: y.fiscal_year, fundingSource: y.funding_source, budget: y.budget, settled: y.settled })),
    indicators: indicators.map((i) => ({
      name: i.name,
      unit: i.unit,
      direction: i.direction,
      baselineValue: i.baseline_value,
      baselineFiscalYear: i.baseline_fiscal_year,
      targetValue: i.target_value,
      targetFiscalYear: i.target_fiscal_year,
      results: i.results.map((r) => ({ fiscalYear: r.fiscal_year, value: Number(r.value) })),
    })),
  };
}
