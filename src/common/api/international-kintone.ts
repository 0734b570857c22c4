// Contracts of the kintone import (issue 15): the bureau's clerk maps an app's export to projects or trips once (the
// mapping is kept per app), previews a file (what was read, what each record would do, every row's errors) and
// imports it all-or-nothing as a job; the same file again changes nothing, a newer export updates by レコード番号.
import { z } from "zod";
import { TABLE_UPLOAD_MAX_BYTES } from "../upload-limits";
import { defineContract } from "./contract";

export const KINTONE_APPS = ["projects", "trips"] as const;
export type KintoneAppName = (typeof KINTONE_APPS)[number];
export const KINTONE_APP_LABELS: Record<KintoneAppName, string> = {
  projects: "国際関連事業データベース → 国際関連事業",
  trips: "海外出張管理 → 海外出張",
};

const appParams = z.object({ app: z.enum(KINTONE_APPS, { error: "取込先は projects か trips です。" }) });

export const kintoneMapping = z
  .object({
    /** target field → the export's field (name or code as the header gives it), or null */
    main: z.record(z.string(), z.string().max(200).nullable()),
    /** target subtable → the export's subtable and its fields */
    subtables: z.record(
      z.string(),
      z.object({ source: z.string().max(200).nullable(), fields: z.record(z.string(), z.string().max(200).nullable()) }).strict(),
    ),
    /** the clerk's correction of the subtables worked out from the lines: column header → subtable name, or null (main) */
    subtableOf: z.record(z.string(), z.string().max(200).nullable()).default({}),
  })
  .strict();
export type KintoneMappingBody = z.infer<typeof kintoneMapping>;

const targetField = z.object({ key: z.string(), label: z.string(), required: z.boolean() });
export const kintoneTargets = z.object({
  main: z.array(targetField),
  subtables: z.array(z.object({ key: z.string(), label: z.string(), fields: z.array(targetField) })),
});

export const getKintoneMapping = defineContract({
  method: "get",
  path: "/api/international/kintone/mappings/:app",
  tag: "international",
  summary: "kintone 取込の対応づけ（取込先の項目と、保存済みの対応づけ。まだなければ null）",
  allow: ["international.manager"],
  params: appParams,
  response: z.object({ targets: kintoneTargets, mapping: kintoneMapping.nullable(), updatedAt: z.string().nullable() }),
});

export const saveKintoneMapping = defineContract({
  method: "put",
  path: "/api/international/kintone/mappings/:app",
  tag: "international",
  summary: "kintone 取込の対応づけを保存（次の書き出しにも使います）",
  allow: ["international.manager"],
  params: appParams,
  body: kintoneMapping,
  response: z.object({ targets: kintoneTargets, mapping: kintoneMapping, updatedAt: z.string() }),
});

export const kintoneRowError = z.object({ row: z.number().int(), column: z.string().nullable(), message: z.string() });
export type KintoneRowError = z.infer<typeof kintoneRowError>;

export const kintonePreview = z.object({
  encoding: z.enum(["utf-8", "utf-8-bom", "cp932"]),
  headerKind: z.enum(["names", "codes"]),
  records: z.number().int(),
  subtables: z.array(z.object({ name: z.string(), rows: z.number().int(), fields: z.array(z.string()), inferred: z.boolean() })),
  /** the export's columns: header, field, subtable (for the mapping's choices) */
  columns: z.array(z.object({ header: z.string(), field: z.string(), subtable: z.string().nullable() })),
  targets: kintoneTargets,
  /** the mapping used: the saved one, else the one suggested from the header */
  mapping: kintoneMapping,
  mappingSaved: z.boolean(),
  mappingProblems: z.array(z.object({ target: z.string(), problem: z.string() })),
  /** what importing would do (when the mapping has no problems) */
  counts: z.object({ create: z.number().int(), update: z.number().int(), unchanged: z.number().int() }),
  /** the first records: key, title and what importing would do to it */
  rows: z.array(z.object({ row: z.number().int(), key: z.string(), title: z.string(), action: z.enum(["create", "update", "unchanged"]) })),
  /** the reader's problems and every record's errors (the first 500), by the file's row */
  errors: z.array(kintoneRowError),
  errorCount: z.number().int(),
});
export type KintonePreview = z.infer<typeof kintonePreview>;

export const previewKintoneImport = defineContract({
  method: "post",
  path: "/api/international/kintone/:app/preview",
  tag: "international",
  summary: "kintone の CSV を読み、対応づけで取り込んだらどうなるかを表示（保存しません。multipart/form-data の file 項目）",
  allow: ["international.manager"],
  kind: "multipart",
  uploadMaxBytes: TABLE_UPLOAD_MAX_BYTES,
  params: appParams,
  response: kintonePreview,
});

export const startKintoneImport = defineContract({
  method: "post",
  path: "/api/international/kintone/:app/imports",
  tag: "international",
  summary: "kintone の CSV を保存済みの対応づけで取り込む（全件が正しいときだけ反映。進捗と結果は /api/jobs/:id）",
  allow: ["international.manager"],
  kind: "multipart",
  uploadMaxBytes: TABLE_UPLOAD_MAX_BYTES,
  params: appParams,
  response: z.object({ jobId: z.string() }),
});

export const kintoneImportResult = z.union([
  z.object({
    ok: z.literal(true),
    app: z.enum(KINTONE_APPS),
    records: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    partnersCreated: z.number().int(),
  }),
  z.object({ ok: z.literal(false), errorCount: z.number().int(), errors: z.array(kintoneRowError) }),
]);
export type KintoneImportResult = z.infer<typeof kintoneImportResult>;
