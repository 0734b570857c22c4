// Contracts of the region hub's open data going back out: each dataset in 正式版 column order as CSV (UTF-8 with BOM by
// default, CP932 on request), for staff (/region/opendata: any 市町 or all together, published items only or — for the
// region managers and the 市町's own editors — every item) and for anyone (published items only, rate-limited per
// address), and a CKAN-style catalogue API (package_search, package_show, package_list, organization_list) that other
// portals (the 九州 shared catalogue, data.go.jp) harvest. A CKAN package is one dataset of one 市町 (`402044-tourism`).
import { z } from "zod";
import { DATASET_KEYS, DATASETS } from "../region/datasets";
import { defineContract } from "./contract";

/** The encodings a file is written in: UTF-8 with BOM (the 機械可読性ルール's default; Excel opens it) or CP932. */
export const OPEN_DATA_ENCODINGS = ["utf-8-bom", "cp932"] as const;
export type OpenDataFileEncoding = (typeof OPEN_DATA_ENCODINGS)[number];
export const OPEN_DATA_ENCODING_LABELS: Record<OpenDataFileEncoding, string> = {
  "utf-8-bom": "UTF-8（BOM付き）",
  cp932: "Shift_JIS（CP932）",
};

/** published: 公開中の掲載情報だけ (the open data); all: 非公開（下書き・公開停止）を含むすべて (staff's own use). */
export const EXPORT_SCOPES = ["published", "all"] as const;
export type ExportScope = (typeof EXPORT_SCOPES)[number];

/** The path value that stands for every 市町 together. */
export const ALL_MUNICIPALITIES = "all";
/** The file-name prefix of a file of every 市町 together (`kitakyushu-region_tourism.csv`). */
export const REGION_FILE_PREFIX = "kitakyushu-region";

/** 〓 (ゲタ記号): what a CP932 file holds in place of a character CP932 cannot (𠮷, ㋿ …); each one is reported. */
export const CP932_SUBSTITUTE = "〓";

/**
 * The licence the hub declares for its open data. CC BY 4.0 by default (what the 自治体標準オープンデータセット and
 * most 市町 use); it is the publisher's choice, so the region managers may set 公共データ利用規約 (PDL1.0, compatible
 * with CC BY 4.0) or CC0 instead (app setting region.openDataLicense).
 */
export const OPEN_DATA_LICENSE_IDS = ["CC-BY-4.0", "PDL-1.0", "CC0-1.0"] as const;
export type OpenDataLicenseId = (typeof OPEN_DATA_LICENSE_IDS)[number];
export const DEFAULT_OPEN_DATA_LICENSE: OpenDataLicenseId = "CC-BY-4.0";
export const OPEN_DATA_LICENSES: Record<OpenDataLicenseId, { title: string; url: string }> = {
  "CC-BY-4.0": {
    title: "クリエイティブ・コモンズ 表示 4.0 国際（CC BY 4.0）",
    url: "https://creativecommons.org/licenses/by/4.0/deed.ja",
  },
  "PDL-1.0": {
    title: "公共データ利用規約（第1.0版）（PDL1.0）",
    url: "https://www.digital.go.jp/resources/open_data/public_data_license_v1.0",
  },
  "CC0-1.0": {
    title: "CC0 1.0 全世界 パブリック・ドメイン提供",
    url: "https://creativecommons.org/publicdomain/zero/1.0/deed.ja",
  },
};

const SUFFIXES = DATASET_KEYS.map((key) => DATASETS[key].fileSuffix).join("|");
/** `402044_tourism.csv` (one 市町, the definition's name) or `kitakyushu-region_tourism.csv` (every 市町). */
export const OPEN_DATA_FILE_NAME = new RegExp(`^([0-9]{6}|${REGION_FILE_PREFIX})_(${SUFFIXES})\\.csv$`);

const datasetKey = z.enum(DATASET_KEYS, { error: "データセットの指定が正しくありません。" });
const encoding = z.enum(OPEN_DATA_ENCODINGS, { error: "文字コードは utf-8-bom か cp932 を指定してください。" });
const licenseSchema = z.object({ id: z.enum(OPEN_DATA_LICENSE_IDS), title: z.string(), url: z.string() });

const municipalityParams = z.object({
  municipality: z.string().regex(/^([0-9]{6}|all)$/, "市町は6桁の全国地方公共団体コードか all で指定してください。"),
});
const exportQuery = z
  .object({
    dataset: datasetKey,
    encoding: encoding.default("utf-8-bom"),
    scope: z.enum(EXPORT_SCOPES, { error: "出力の対象は published か all を指定してください。" }).default("published"),
  })
  .strict();

// ---- staff: /region/opendata ----

export const openDataCount = z.object({
  dataset: z.enum(DATASET_KEYS),
  municipalityCode: z.string(),
  published: z.number().int(),
  /** every item (drafts and withdrawn ones too); null where the caller may not export them */
  total: z.number().int().nullable(),
});
export type OpenDataCount = z.infer<typeof openDataCount>;

export const getOpenDataOverview = defineContract({
  method: "get",
  path: "/api/region/opendata",
  tag: "region",
  summary: "オープンデータの出力: データセット×市町の件数（公開中・すべて）、出力できる範囲、ライセンス",
  allow: ["staff", "region.editor"],
  response: z.object({
    datasets: z.array(z.object({ key: z.enum(DATASET_KEYS), label: z.string(), fileSuffix: z.string() })),
    municipalities: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        /** the caller may export this 市町's drafts and withdrawn items too */
        mayExportAll: z.boolean(),
      }),
    ),
    /** the caller may export every 市町's items, drafts included, in one file (region managers) */
    mayExportAllOfRegion: z.boolean(),
    counts: z.array(openDataCount),
    license: licenseSchema,
    mayChangeLicense: z.boolean(),
  }),
});

export const openDataUnencodable = z.object({
  /** the file's row as a spreadsheet shows it: the header is 1 */
  row: z.number().int(),
  /** the 正式版 column */
  column: z.string(),
  char: z.string(),
  /** the row's 全国地方公共団体コード and ID, and the item's name */
  municipalityCode: z.string(),
  sourceId: z.string(),
  itemName: z.string(),
});

export const checkOpenDataExport = defineContract({
  method: "get",
  path: "/api/region/opendata/:municipality/check",
  tag: "region",
  summary: "オープンデータの出力の確認: ファイル名、行数、CP932で表せない文字（〓に置き換え）、数式とみなされうる値（先頭に ' を付加）",
  allow: ["staff", "region.editor"],
  params: municipalityParams,
  query: exportQuery,
  response: z.object({
    fileName: z.string(),
    rowCount: z.number().int(),
    encoding: z.enum(OPEN_DATA_ENCODINGS),
    unencodable: z.array(openDataUnencodable),
    /** cells that a spreadsheet would run as a formula: written with a leading ' (see export-csv.ts) */
    guarded: z.array(openDataUnencodable.omit({ char: true }).extend({ value: z.string() })),
  }),
});

export const downloadOpenDataExport = defineContract({
  method: "get",
  path: "/api/region/opendata/:municipality/export",
  tag: "region",
  summary: "オープンデータの出力（CSV、正式版の列順、CRLF。UTF-8 BOM付き／CP932。公開中のみ／すべて）。監査ログに記録",
  allow: ["staff", "region.editor"],
  kind: "file",
  params: municipalityParams,
  query: exportQuery,
  response: z.unknown(),
});

export const updateOpenDataLicense = defineContract({
  method: "put",
  path: "/api/region/opendata/license",
  tag: "region",
  summary: "オープンデータのライセンスの変更（所管局の担当者）",
  allow: ["region.manager"],
  body: z.object({ license: z.enum(OPEN_DATA_LICENSE_IDS, { error: "ライセンスを選んでください。" }) }).strict(),
  response: z.object({ license: licenseSchema }),
});

// ---- public: /public/region/opendata and the files ----

export const publicOpenDataFile = z.object({
  fileName: z.string(),
  /** the download paths (relative to the site) of the UTF-8 BOM and the CP932 file */
  urls: z.object({ "utf-8-bom": z.string(), cp932: z.string() }),
});

export const listPublicOpenData = defineContract({
  method: "get",
  path: "/api/public/region/opendata",
  tag: "public",
  summary: "北九州都市圏域 情報ハブのオープンデータ一覧（市町×データセット、公開中の件数と更新日時、CSVとAPIのURL）",
  allow: ["anyone"],
  rateLimit: { name: "region.public.opendata", perMinute: 120 },
  response: z.object({
    license: licenseSchema,
    packages: z.array(
      publicOpenDataFile.extend({
        /** the CKAN package name (`402044-tourism`) */
        name: z.string(),
        title: z.string(),
        dataset: z.enum(DATASET_KEYS),
        datasetLabel: z.string(),
        municipalityCode: z.string(),
        municipalityName: z.string(),
        count: z.number().int(),
        /** the latest change of a published item (ISO timestamp) */
        modified: z.string(),
        /** the package_show URL (relative) */
        apiUrl: z.string(),
      }),
    ),
    /** each dataset of every 市町 together, where any 市町 publishes it */
    regionFiles: z.array(
      publicOpenDataFile.extend({
        dataset: z.enum(DATASET_KEYS),
        datasetLabel: z.string(),
        count: z.number().int(),
        municipalityCount: z.number().int(),
        modified: z.string(),
      }),
    ),
    /** the CKAN Action API's base path */
    apiBase: z.string(),
  }),
});

export const downloadPublicOpenData = defineContract({
  method: "get",
  path: "/api/public/region/opendata/:fileName",
  tag: "public",
  summary:
    "オープンデータのCSV（公開中の掲載情報、正式版の列順、CRLF）。`402044_tourism.csv` は1市町、`kitakyushu-region_tourism.csv` は全市町。?encoding=cp932 で Shift_JIS（CP932）",
  allow: ["anyone"],
  kind: "file",
  rateLimit: { name: "region.public.csv", perMinute: 30 },
  params: z.object({
    fileName: z
      .string()
      .regex(OPEN_DATA_FILE_NAME, "ファイル名は「402044_tourism.csv」または「kitakyushu-region_tourism.csv」の形で指定してください。"),
  }),
  query: z.object({ encoding: encoding.default("utf-8-bom") }).strict(),
  response: z.unknown(),
});

// ---- public: the CKAN-style catalogue API ----
// Field names follow CKAN's Action API (ckan.logic.action.get: package_search → count, results, sort, facets,
// search_facets; a package dict's name, title, notes, organization, tags, license_*, metadata_created/_modified,
// num_resources, resources …). Query parameters are read loosely (a harvester's extra keys are ignored) and checked by
// the service, which answers CKAN's error form: { help, success: false, error: { __type, message } } with 404 / 409.

export const CKAN_ACTION_BASE = "/api/public/region/ckan/3/action";

const ckanParam = z.string().optional();
const ckanError = z.object({
  help: z.string(),
  success: z.literal(false),
  error: z.object({ __type: z.string(), message: z.string() }).catchall(z.union([z.string(), z.array(z.string())])),
});
export type CkanErrorEnvelope = z.infer<typeof ckanError>;

export const ckanOrganization = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string(),
  type: z.literal("organization"),
  description: z.string(),
  image_url: z.string(),
  created: z.string(),
  is_organization: z.literal(true),
  approval_status: z.literal("approved"),
  state: z.literal("active"),
});
export type CkanOrganization = z.infer<typeof ckanOrganization>;

export const ckanResource = z.object({
  id: z.string(),
  package_id: z.string(),
  name: z.string(),
  description: z.string(),
  format: z.string(),
  mimetype: z.string(),
  url: z.string(),
  /** bytes; null when not computed (package_search) */
  size: z.number().int().nullable(),
  created: z.string(),
  last_modified: z.string(),
  position: z.number().int(),
  state: z.literal("active"),
  url_type: z.null(),
  hash: z.string(),
  /** the file's character set (UTF-8 / Shift_JIS), as the 機械可読性ルール asks publishers to declare */
  charset: z.string(),
});
export type CkanResource = z.infer<typeof ckanResource>;

export const ckanTag = z.object({
  id: z.string(),
  name: z.string(),
  display_name: z.string(),
  state: z.literal("active"),
  vocabulary_id: z.null(),
});

export const ckanPackage = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string(),
  notes: z.string(),
  url: z.string(),
  version: z.string(),
  state: z.literal("active"),
  type: z.literal("dataset"),
  private: z.literal(false),
  author: z.string(),
  author_email: z.string(),
  maintainer: z.string(),
  maintainer_email: z.string(),
  license_id: z.string(),
  license_title: z.string(),
  license_url: z.string(),
  isopen: z.boolean(),
  owner_org: z.string(),
  organization: ckanOrganization,
  metadata_created: z.string(),
  metadata_modified: z.string(),
  num_resources: z.number().int(),
  num_tags: z.number().int(),
  tags: z.array(ckanTag),
  groups: z.array(z.never()),
  resources: z.array(ckanResource),
  extras: z.array(z.object({ key: z.string(), value: z.string() })),
  relationships_as_subject: z.array(z.never()),
  relationships_as_object: z.array(z.never()),
});
export type CkanPackage = z.infer<typeof ckanPackage>;

const envelope = <T extends z.ZodType>(result: T) => z.union([z.object({ help: z.string(), success: z.literal(true), result }), ckanError]);

const facetItems = z.array(z.object({ name: z.string(), display_name: z.string(), count: z.number().int() }));

export const ckanPackageSearch = defineContract({
  method: "get",
  path: `${CKAN_ACTION_BASE}/package_search`,
  tag: "public",
  summary:
    "CKAN互換 package_search（q、fq 例 organization:402044 tags:観光 metadata_modified:[2026-01-01T00:00:00Z TO *]、rows ≤ 1000、start、sort、facet.field）",
  allow: ["anyone"],
  rateLimit: { name: "region.public.ckan", perMinute: 120 },
  query: z.looseObject({
    q: ckanParam,
    fq: ckanParam,
    rows: ckanParam,
    start: ckanParam,
    sort: ckanParam,
    "facet.field": ckanParam,
    "facet.limit": ckanParam,
    "facet.mincount": ckanParam,
  }),
  response: envelope(
    z.object({
      count: z.number().int(),
      sort: z.string(),
      results: z.array(ckanPackage),
      facets: z.record(z.string(), z.record(z.string(), z.number().int())),
      search_facets: z.record(z.string(), z.object({ title: z.string(), items: facetItems })),
    }),
  ),
});

export const ckanPackageShow = defineContract({
  method: "get",
  path: `${CKAN_ACTION_BASE}/package_show`,
  tag: "public",
  summary: "CKAN互換 package_show（id = パッケージ名 例 402044-tourism。リソースの size を含む）",
  allow: ["anyone"],
  rateLimit: { name: "region.public.ckan", perMinute: 120 },
  query: z.looseObject({ id: ckanParam }),
  response: envelope(ckanPackage),
});

export const ckanPackageList = defineContract({
  method: "get",
  path: `${CKAN_ACTION_BASE}/package_list`,
  tag: "public",
  summary: "CKAN互換 package_list（パッケージ名の一覧。limit、offset）",
  allow: ["anyone"],
  rateLimit: { name: "region.public.ckan", perMinute: 120 },
  query: z.looseObject({ limit: ckanParam, offset: ckanParam }),
  response: envelope(z.array(z.string())),
});

export const ckanOrganizationList = defineContract({
  method: "get",
  path: `${CKAN_ACTION_BASE}/organization_list`,
  tag: "public",
  summary: "CKAN互換 organization_list（公開中のデータがある市町。all_fields=true で package_count 付きの辞書）",
  allow: ["anyone"],
  rateLimit: { name: "region.public.ckan", perMinute: 120 },
  query: z.looseObject({ all_fields: ckanParam, limit: ckanParam, offset: ckanParam, sort: ckanParam }),
  response: envelope(z.union([z.array(z.string()), z.array(ckanOrganization.extend({ package_count: z.number().int() }))])),
});
