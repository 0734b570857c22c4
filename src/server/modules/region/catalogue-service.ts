// The public catalogue: the CKAN-style Action API (package_search, package_show, package_list, organization_list) and
// the list the オープンデータ一覧 page shows. Only 市町 × datasets with published items are packages; drafts never
// appear. Each answer is CKAN's envelope { help, success, result } — or its error form { help, success: false,
// error: { __type, message } } with the HTTP status CKAN uses (404 Not Found Error, 409 Validation / Search Query
// Error), which the route sets.
import type { ResponseOf } from "../../../common/api/contract";
import {
  CKAN_ACTION_BASE,
  type CkanErrorEnvelope,
  type CkanOrganization,
  type CkanPackage,
  type listPublicOpenData,
} from "../../../common/api/region-export";
import { DATASET_KEYS, DATASETS } from "../../../common/region/datasets";
import type { Queryable } from "../../db/database";
import { findCatalogueRows } from "./catalogue-repository";
import {
  type CatalogueContext,
  type CatalogueEntry,
  catalogueEntryOf,
  ckanOrganizationOf,
  ckanPackageOf,
  packageShowPath,
  publicFilePath,
} from "./ckan-package";
import {
  type CkanFailure,
  facetsOf,
  matchesAll,
  naturalParam,
  type Parsed,
  parseClauses,
  parseFacetFields,
  parseSort,
  ROWS_MAX,
  type SearchDocument,
  sortEntries,
} from "./ckan-query";
import { readOpenDataLicense } from "./export-license";
import { publicFileSizes } from "./export-service";
import { openDataFileName } from "./export-table";

export interface CkanAnswer<T> {
  status: 200 | 404 | 409;
  body: { help: string; success: true; result: T } | CkanErrorEnvelope;
}

const helpOf = (origin: string, action: string) => `${origin}/public/region/opendata#api-${action}`;

function answer<T>(origin: string, action: string, parsed: Parsed<T>): CkanAnswer<T> {
  if (parsed.ok) return { status: 200, body: { help: helpOf(origin, action), success: true, result: parsed.value } };
  return { status: parsed.failure.status, body: failureBody(origin, action, parsed.failure) };
}

function failureBody(origin: string, action: string, failure: CkanFailure): CkanErrorEnvelope {
  return { help: helpOf(origin, action), success: false, error: { __type: failure.type, message: failure.message, ...failure.fields } };
}

async function catalogue(db: Queryable, origin: string): Promise<{ entries: CatalogueEntry[]; ctx: CatalogueContext }> {
  const [rows, license] = await Promise.all([findCatalogueRows(db), readOpenDataLicense(db)]);
  // 市町 in their list order (as the rows come), each 市町's datasets in the definitions' order
  const municipalityOrder = new Map<string, number>();
  for (const row of rows)
    if (!municipalityOrder.has(row.municipalityCode)) municipalityOrder.set(row.municipalityCode, municipalityOrder.size);
  const entries = rows
    .flatMap((row) => catalogueEntryOf(row) ?? [])
    .sort(
      (a, b) =>
        (municipalityOrder.get(a.municipalityCode) ?? 0) - (municipalityOrder.get(b.municipalityCode) ?? 0) ||
        DATASET_KEYS.indexOf(a.dataset) - DATASET_KEYS.indexOf(b.dataset),
    );
  return { entries, ctx: { origin, license } };
}

export interface PackageSearchParams {
  q?: string;
  fq?: string;
  rows?: string;
  start?: string;
  sort?: string;
  "facet.field"?: string;
  "facet.limit"?: string;
  "facet.mincount"?: string;
}

export interface PackageSearchResult {
  count: number;
  sort: string;
  results: CkanPackage[];
  facets: Record<string, Record<string, number>>;
  search_facets: Record<string, { title: string; items: { name: string; display_name: string; count: number }[] }>;
}

function searchSpec(params: PackageSearchParams) {
  const q = parseClauses(params.q);
  if (!q.ok) return q;
  const fq = parseClauses(params.fq);
  if (!fq.ok) return fq;
  const sort = parseSort(params.sort);
  if (!sort.ok) return sort;
  const rows = naturalParam("rows", params.rows, 10);
  if (!rows.ok) return rows;
  const start = naturalParam("start", params.start, 0);
  if (!start.ok) return start;
  const facetFields = parseFacetFields(params["facet.field"]);
  if (!facetFields.ok) return facetFields;
  const unlimited = params["facet.limit"]?.trim() === "-1";
  const facetLimit = unlimited ? { ok: true as const, value: -1 } : naturalParam("facet.limit", params["facet.limit"], 50);
  if (!facetLimit.ok) return facetLimit;
  const facetMincount = naturalParam("facet.mincount", params["facet.mincount"], 1);
  if (!facetMincount.ok) return facetMincount;
  return {
    ok: true as const,
    value: {
      clauses: [...q.value, ...fq.value],
      sort: sort.value,
      sortText: params.sort?.trim() || "score desc, metadata_modified desc",
      rows: Math.min(rows.value, ROWS_MAX),
      start: start.value,
      facetFields: facetFields.value,
      facetLimit: facetLimit.value,
      facetMincount: facetMincount.value,
    },
  };
}

export async function ckanPackageSearchOf(
  db: Queryable,
  params: PackageSearchParams,
  origin: string,
  now: Date = new Date(),
): Promise<CkanAnswer<PackageSearchResult>> {
  const spec = searchSpec(params);
  if (!spec.ok) return answer(origin, "package_search", spec);
  const { entries, ctx } = await catalogue(db, origin);
  const matching: SearchDocument[] = [];
  for (const entry of entries) {
    const doc = { entry, licenseId: ctx.license.id };
    const matched = matchesAll(doc, spec.value.clauses, now);
    if (!matched.ok) return answer(origin, "package_search", matched);
    if (matched.value) matching.push(doc);
  }
  const sorted = sortEntries(
    matching.map((doc) => doc.entry),
    spec.value.sort,
  );
  const page = sorted.slice(spec.value.start, spec.value.start + spec.value.rows);
  return answer(origin, "package_search", {
    ok: true,
    value: {
      count: sorted.length,
      sort: spec.value.sortText,
      results: page.map((entry) => ckanPackageOf(entry, ctx)),
      ...facetsOf(matching, spec.value.facetFields, spec.value.facetLimit, spec.value.facetMincount),
    },
  });
}

/** One package by its name (or id: the same), with the byte size of each file. */
export async function ckanPackageShowOf(db: Queryable, id: string | undefined, origin: string): Promise<CkanAnswer<CkanPackage>> {
  if (!id?.trim()) return answer(origin, "package_show", { ok: false, failure: missing("id") });
  const { entries, ctx } = await catalogue(db, origin);
  const entry = entries.find((e) => e.name === id.trim());
  if (!entry)
    return answer(origin, "package_show", {
      ok: false,
      failure: { status: 404, type: "Not Found Error", message: `パッケージが見つかりません: ${id.trim()}` },
    });
  const sizes = await publicFileSizes(db, entry.dataset, entry.municipalityCode);
  return answer(origin, "package_show", { ok: true, value: ckanPackageOf(entry, ctx, sizes) });
}

const missing = (name: string): CkanFailure => ({
  status: 409,
  type: "Validation Error",
  message: `${name} を指定してください。`,
  fields: { [name]: ["Missing value"] },
});

function paged<T>(items: T[], params: { limit?: string; offset?: string }): Parsed<T[]> {
  const limit = naturalParam("limit", params.limit, items.length);
  if (!limit.ok) return limit;
  const offset = naturalParam("offset", params.offset, 0);
  if (!offset.ok) return offset;
  return { ok: true, value: items.slice(offset.value, offset.value + limit.value) };
}

export async function ckanPackageListOf(
  db: Queryable,
  params: { limit?: string; offset?: string },
  origin: string,
): Promise<CkanAnswer<string[]>> {
  const { entries } = await catalogue(db, origin);
  return answer(origin, "package_list", paged(entries.map((e) => e.name).sort(), params));
}

export async function ckanOrganizationListOf(
  db: Queryable,
  params: { all_fields?: string; limit?: string; offset?: string; sort?: string },
  origin: string,
): Promise<CkanAnswer<string[] | (CkanOrganization & { package_count: number })[]>> {
  const { entries } = await catalogue(db, origin);
  const byCode = new Map<string, { organization: CkanOrganization; packages: number }>();
  for (const entry of entries) {
    const current = byCode.get(entry.municipalityCode);
    byCode.set(entry.municipalityCode, {
      organization: current?.organization ?? ckanOrganizationOf(entry),
      packages: (current?.packages ?? 0) + 1,
    });
  }
  const sortText = params.sort?.trim() || "name asc";
  const sortMatch = /^(name|title|package_count)(?:\s+(asc|desc))?$/i.exec(sortText);
  if (!sortMatch)
    return answer(origin, "organization_list", {
      ok: false,
      failure: {
        status: 409,
        type: "Validation Error",
        message: "sort は name / title / package_count と asc / desc で指定してください。",
        fields: { sort: ["Invalid sort"] },
      },
    });
  const [field, direction = "asc"] = [sortMatch[1].toLowerCase(), sortMatch[2]?.toLowerCase()];
  const sorted = [...byCode.values()].sort((a, b) => {
    const order =
      field === "package_count"
        ? a.packages - b.packages
        : String(a.organization[field as "name" | "title"]).localeCompare(b.organization[field as "name" | "title"], "ja");
    return direction === "desc" ? -order : order;
  });
  const allFields = /^(true|1|yes)$/i.test(params.all_fields ?? "");
  const list = paged(sorted, params);
  if (!list.ok) return answer(origin, "organization_list", list);
  return answer(origin, "organization_list", {
    ok: true,
    value: allFields
      ? list.value.map((o) => ({ ...o.organization, package_count: o.packages }))
      : list.value.map((o) => o.organization.name),
  });
}

/** The オープンデータ一覧 page's data: each package with its files, and each dataset's file of every 市町. */
export async function publicCatalogue(db: Queryable): Promise<ResponseOf<typeof listPublicOpenData>> {
  const { entries, ctx } = await catalogue(db, "");
  const files = (fileName: string) => ({
    fileName,
    urls: { "utf-8-bom": publicFilePath(fileName, "utf-8-bom"), cp932: publicFilePath(fileName, "cp932") },
  });
  return {
    license: ctx.license,
    packages: entries.map((entry) => ({
      ...files(openDataFileName(entry.dataset, entry.municipalityCode)),
      name: entry.name,
      title: entry.title,
      dataset: entry.dataset,
      datasetLabel: DATASETS[entry.dataset].label,
      municipalityCode: entry.municipalityCode,
      municipalityName: entry.municipalityName,
      count: entry.count,
      modified: entry.modified,
      apiUrl: packageShowPath(entry.name),
    })),
    regionFiles: DATASET_KEYS.flatMap((dataset) => {
      const of = entries.filter((e) => e.dataset === dataset);
      if (of.length === 0) return [];
      return [
        {
          ...files(openDataFileName(dataset, "all")),
          dataset,
          datasetLabel: DATASETS[dataset].label,
          count: of.reduce((sum, e) => sum + e.count, 0),
          municipalityCount: of.length,
          modified:
            of
              .map((e) => e.modified)
              .sort()
              .at(-1) ?? "",
        },
      ];
    }),
    apiBase: CKAN_ACTION_BASE,
  };
}
