// A CKAN package dict for one dataset of one 市町 (`402044-tourism`: 直方市 観光施設一覧), built from the catalogue's
// row: its organization (the 市町, name = 全国地方公共団体コード), tags, licence, metadata_created (the first
// publication) and metadata_modified (the latest change a harvester must notice), and two resources — the CSV in UTF-8
// with BOM and in CP932 — with their download URLs. Field names as in CKAN's Action API (ckan.logic.action.get).
import {
  CKAN_ACTION_BASE,
  type CkanOrganization,
  type CkanPackage,
  type CkanResource,
  type OpenDataFileEncoding,
  type OpenDataLicenseId,
} from "../../../common/api/region-export";
import { DATASETS, type DatasetKey, isDatasetKey } from "../../../common/region/datasets";
import type { CatalogueRow } from "./catalogue-repository";
import { openDataFileName } from "./export-table";

/** The hub's name as publisher and maintainer. */
export const HUB_NAME = "北九州都市圏域 情報ハブ";

/** Tags per dataset, so that `fq=tags:観光` finds what a visitor would call 観光. */
export const DATASET_TAGS: Readonly<Record<DatasetKey, readonly string[]>> = {
  tourism: ["観光", "観光施設"],
  event: ["イベント", "観光"],
  public_facility: ["公共施設"],
  cultural_property: ["文化財", "観光"],
  preschool: ["子育て", "子育て施設"],
  evacuation_space: ["防災", "避難場所"],
  aed: ["防災", "医療", "AED"],
};
const COMMON_TAGS = ["自治体標準オープンデータセット", "北九州都市圏域"];

export interface CatalogueEntry extends CatalogueRow {
  dataset: DatasetKey;
  /** the CKAN package name: `402044-tourism` */
  name: string;
  title: string;
  notes: string;
  tags: string[];
}

export interface CatalogueContext {
  /** the site's origin (PUBLIC_URL, else the request's): resource URLs are absolute, as harvesters need */
  origin: string;
  license: { id: OpenDataLicenseId; title: string; url: string };
}

export const packageNameOf = (municipalityCode: string, dataset: DatasetKey) => `${municipalityCode}-${dataset}`;

export function catalogueEntryOf(row: CatalogueRow): CatalogueEntry | null {
  if (!isDatasetKey(row.dataset)) return null;
  const definition = DATASETS[row.dataset];
  return {
    ...row,
    dataset: row.dataset,
    name: packageNameOf(row.municipalityCode, row.dataset),
    title: `${row.municipalityName} ${definition.label}`,
    notes:
      `${row.municipalityName}の${definition.label}（自治体標準オープンデータセット、正式版の列順）。` +
      `${HUB_NAME}が${row.municipalityName}から受け取り、確認して公開している${definition.noun}（${row.count.toLocaleString("ja-JP")}件）です。` +
      "CSVは UTF-8（BOM付き）と Shift_JIS（CP932）、改行は CRLF。" +
      `\n${definition.labelEn} of ${row.municipalityNameEn} (Japanese municipal standard open data set).`,
    tags: [...DATASET_TAGS[row.dataset], ...COMMON_TAGS],
  };
}

/** CKAN writes timestamps as UTC without a zone and with microseconds: 2026-12-07T01:02:03.456000. */
export function ckanTimestamp(iso: string): string {
  return new Date(iso).toISOString().replace(/Z$/, "000");
}

/** The download path of a public file (relative to the site). */
export function publicFilePath(fileName: string, encoding: OpenDataFileEncoding): string {
  const path = `/api/public/region/opendata/${fileName}`;
  return encoding === "cp932" ? `${path}?encoding=cp932` : path;
}

export const packageShowPath = (name: string) => `${CKAN_ACTION_BASE}/package_show?id=${encodeURIComponent(name)}`;

export function ckanOrganizationOf(
  entry: Pick<CatalogueRow, "municipalityCode" | "municipalityName" | "municipalityNameEn" | "municipalityCreated">,
): CkanOrganization {
  return {
    id: entry.municipalityCode,
    name: entry.municipalityCode,
    title: entry.municipalityName,
    type: "organization",
    description: `${entry.municipalityName}（全国地方公共団体コード ${entry.municipalityCode}、${entry.municipalityNameEn}）`,
    image_url: "",
    created: ckanTimestamp(entry.municipalityCreated),
    is_organization: true,
    approval_status: "approved",
    state: "active",
  };
}

const RESOURCE_LABELS: Record<OpenDataFileEncoding, { suffix: string; charset: string; description: string }> = {
  "utf-8-bom": {
    suffix: "UTF-8 BOM付き",
    charset: "UTF-8",
    description: "文字コード UTF-8（BOM付き）、改行 CRLF、正式版の列順。",
  },
  cp932: {
    suffix: "Shift_JIS",
    charset: "Shift_JIS",
    description: "文字コード Shift_JIS（CP932）、改行 CRLF、正式版の列順。CP932で表せない文字は〓に置き換えています。",
  },
};

function resourceOf(
  entry: CatalogueEntry,
  ctx: CatalogueContext,
  encoding: OpenDataFileEncoding,
  position: number,
  size: number | null,
): CkanResource {
  const fileName = openDataFileName(entry.dataset, entry.municipalityCode);
  const label = RESOURCE_LABELS[encoding];
  return {
    id: `${entry.name}-${encoding}`,
    package_id: entry.name,
    name: `${fileName}（${label.suffix}）`,
    description: label.description,
    format: "CSV",
    mimetype: "text/csv",
    url: `${ctx.origin}${publicFilePath(fileName, encoding)}`,
    size,
    created: ckanTimestamp(entry.created),
    last_modified: ckanTimestamp(entry.modified),
    position,
    state: "active",
    url_type: null,
    hash: "",
    charset: label.charset,
  };
}

/** The package dict; `sizes` (bytes of each file) when the caller made the files (package_show), else null. */
export function ckanPackageOf(
  entry: CatalogueEntry,
  ctx: CatalogueContext,
  sizes: Record<OpenDataFileEncoding, number> | null = null,
): CkanPackage {
  const resources = (["utf-8-bom", "cp932"] as const).map((encoding, i) => resourceOf(entry, ctx, encoding, i, sizes?.[encoding] ?? null));
  return {
    id: entry.name,
    name: entry.name,
    title: entry.title,
    notes: entry.notes,
    url: `${ctx.origin}/public/region/opendata`,
    version: "",
    state: "active",
    type: "dataset",
    private: false,
    author: entry.municipalityName,
    author_email: "",
    maintainer: HUB_NAME,
    maintainer_email: "",
    license_id: ctx.license.id,
    license_title: ctx.license.title,
    license_url: ctx.license.url,
    isopen: true,
    owner_org: entry.municipalityCode,
    organization: ckanOrganizationOf(entry),
    metadata_created: ckanTimestamp(entry.created),
    metadata_modified: ckanTimestamp(entry.modified),
    num_resources: resources.length,
    num_tags: entry.tags.length,
    tags: entry.tags.map((tag) => ({ id: tag, name: tag, display_name: tag, state: "active", vocabulary_id: null })),
    groups: [],
    resources,
    extras: [
      { key: "dataset_key", value: entry.dataset },
      { key: "standard", value: "自治体標準オープンデータセット（正式版）" },
      { key: "municipality_code", value: entry.municipalityCode },
      { key: "record_count", value: String(entry.count) },
      { key: "language", value: "ja" },
    ],
    relationships_as_subject: [],
    relationships_as_object: [],
  };
}
