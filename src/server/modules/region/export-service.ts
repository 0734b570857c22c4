// オープンデータの出力: what the export routes call, one function a request, each checking the caller itself.
// - Staff (every member of staff) and 市町 editors export the published items of any 市町, or of all together.
// - Drafts and withdrawn items (scope "all") only the region managers (any 市町, or all together) and a 市町's own
//   editors (their 市町 only; another 市町 is "not found" to them, as everywhere in the module).
// - Every staff download is recorded in the audit log (region_export) in the same transaction that read the items.
// - The public file: published items only, no sign-in (the route is rate-limited per address).
// The file itself: export-table.ts (正式版 columns and rows) → export-csv.ts (encoding, CRLF, formula guard, 〓).

import type { ResponseOf } from "../../../common/api/contract";
import {
  ALL_MUNICIPALITIES,
  type checkOpenDataExport,
  type ExportScope,
  type getOpenDataOverview,
  OPEN_DATA_ENCODING_LABELS,
  type OpenDataFileEncoding,
  type OpenDataLicenseId,
} from "../../../common/api/region-export";
import { DATASET_KEYS, DATASETS, type DatasetKey } from "../../../common/region/datasets";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import { can, type Principal } from "../../platform/auth/permissions";
import { Forbidden, NotFound, Unauthenticated } from "../../platform/errors";
import type { FileResult } from "../../platform/http/types";
import { editableMunicipalities, isRegionManager, municipalityOfUser, requireMunicipalityEditor } from "./access";
import { type OpenDataCsv, writeOpenDataCsv } from "./export-csv";
import { licenseOf, type OpenDataLicense, readOpenDataLicense, writeOpenDataLicense } from "./export-license";
import { countItemsByDatasetAndMunicipality, findExportItems, findExportMunicipalities, findExportMunicipality } from "./export-repository";
import { type ExportItem, exportIdOf, openDataFileName, openDataTable, parseOpenDataFileName } from "./export-table";

export interface ExportRequest {
  dataset: DatasetKey;
  /** a 6-digit code, or "all" */
  municipality: string;
  encoding: OpenDataFileEncoding;
  scope: ExportScope;
}

interface BuiltExport {
  fileName: string;
  items: ExportItem[];
  header: string[];
  csv: OpenDataCsv;
}

/** Staff of any role, or a 市町 editor (the router's gate admits them; a direct caller is checked here too). */
async function requireExportReader(db: Queryable, user: Principal | null): Promise<Principal> {
  if (!user) throw new Unauthenticated();
  if (can(user, "region.read") || (await municipalityOfUser(db, user))) return user;
  throw new Forbidden();
}

/** Whether the caller may export the request's items: published ones for every reader, the rest as said above. */
async function requireExportOf(db: Queryable, user: Principal | null, municipality: string, scope: ExportScope): Promise<void> {
  await requireExportReader(db, user);
  if (municipality === ALL_MUNICIPALITIES) {
    if (scope === "all" && !(await editableMunicipalities(db, user)).all)
      throw new Forbidden("全市町の非公開の掲載情報をまとめて出力できるのは、所管局の担当者だけです。");
    return;
  }
  if (scope === "all") await requireMunicipalityEditor(db, user, municipality);
  if (!(await findExportMunicipality(db, municipality))) throw new NotFound("市町");
}

async function buildExport(db: Queryable, request: ExportRequest): Promise<BuiltExport> {
  const items = await findExportItems(db, {
    dataset: request.dataset,
    municipalityCode: request.municipality === ALL_MUNICIPALITIES ? null : request.municipality,
    publishedOnly: request.scope === "published",
  });
  const { header, rows } = openDataTable(request.dataset, items);
  return {
    fileName: openDataFileName(request.dataset, request.municipality, request.scope),
    items,
    header,
    csv: writeOpenDataCsv(header, rows, request.encoding),
  };
}

const fileOf = (built: BuiltExport, encoding: OpenDataFileEncoding): FileResult => ({
  file: {
    name: built.fileName,
    mimeType: encoding === "cp932" ? "text/csv; charset=Shift_JIS" : "text/csv; charset=utf-8",
    body: built.csv.bytes,
  },
});

export async function openDataOverview(db: Queryable, user: Principal | null): Promise<ResponseOf<typeof getOpenDataOverview>> {
  await requireExportReader(db, user);
  const manager = await isRegionManager(db, user);
  const own = await municipalityOfUser(db, user);
  const mayExportAll = (code: string) => manager || own?.code === code;
  const [municipalities, counts, license] = await Promise.all([
    findExportMunicipalities(db),
    countItemsByDatasetAndMunicipality(db),
    readOpenDataLicense(db),
  ]);
  return {
    datasets: DATASET_KEYS.map((key) => ({ key, label: DATASETS[key].label, fileSuffix: DATASETS[key].fileSuffix })),
    municipalities: municipalities.map((m) => ({ code: m.code, name: m.name, mayExportAll: mayExportAll(m.code) })),
    mayExportAllOfRegion: manager,
    // a count of drafts only where the caller may export them (a cell of drafts alone is not even listed otherwise)
    counts: counts.flatMap((c) => {
      const dataset = DATASET_KEYS.find((key) => key === c.dataset);
      if (!dataset) return [];
      const visible = mayExportAll(c.municipalityCode);
      if (!visible && c.published === 0) return [];
      return [{ dataset, municipalityCode: c.municipalityCode, published: c.published, total: visible ? c.total : null }];
    }),
    license,
    mayChangeLicense: manager,
  };
}

/** What a download would hold, before it is made: its name, rows, 〓 replacements and guarded cells. */
export async function checkOpenDataExportOf(
  db: Queryable,
  user: Principal | null,
  request: ExportRequest,
): Promise<ResponseOf<typeof checkOpenDataExport>> {
  await requireExportOf(db, user, request.municipality, request.scope);
  const built = await buildExport(db, request);
  const where = (row: number) => {
    const item = built.items[row - 2];
    return item
      ? { municipalityCode: item.municipalityCode, sourceId: exportIdOf(item), itemName: item.name }
      : { municipalityCode: "", sourceId: "", itemName: "（見出し行）" };
  };
  return {
    fileName: built.fileName,
    rowCount: built.items.length,
    encoding: request.encoding,
    unencodable: built.csv.unencodable.map((u) => ({ row: u.row, column: built.header[u.column], char: u.char, ...where(u.row) })),
    guarded: built.csv.guarded.map((g) => ({ row: g.row, column: built.header[g.column], value: g.value, ...where(g.row) })),
  };
}

/** The staff download, audited with what was exported (dataset, 市町, scope, encoding, rows, 〓 count). */
export async function downloadOpenDataExportOf(db: Db, user: Principal | null, actor: Actor, request: ExportRequest): Promise<FileResult> {
  const built = await db.transaction(async (tx) => {
    await requireExportOf(tx, user, request.municipality, request.scope);
    const built = await buildExport(tx, request);
    const place =
      request.municipality === ALL_MUNICIPALITIES
        ? "全市町"
        : ((await findExportMunicipality(tx, request.municipality))?.name ?? request.municipality);
    await recordAudit(tx, actor, {
      action: "export",
      entityType: "region_export",
      entityId: null,
      summary:
        `${DATASETS[request.dataset].label}（${place}・${request.scope === "all" ? "非公開を含む" : "公開中のみ"}・` +
        `${OPEN_DATA_ENCODING_LABELS[request.encoding]}）を出力（${built.items.length}件）`,
      after: {
        ...request,
        fileName: built.fileName,
        rows: built.items.length,
        unencodable: built.csv.unencodable.length,
        guarded: built.csv.guarded.length,
      },
    });
    return built;
  });
  return fileOf(built, request.encoding);
}

export async function updateOpenDataLicenseOf(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: OpenDataLicenseId,
): Promise<OpenDataLicense> {
  return db.transaction(async (tx) => {
    if (!user || !(await isRegionManager(tx, user)))
      throw new Forbidden("オープンデータのライセンスを変えられるのは、所管局の担当者だけです。");
    const before = await readOpenDataLicense(tx);
    await writeOpenDataLicense(tx, id);
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "region_export",
      entityId: null,
      summary: `オープンデータのライセンスを「${licenseOf(id).title}」に変更`,
      before: { license: before.id },
      after: { license: id },
    });
    return licenseOf(id);
  });
}

/** A public file by its name (`402044_tourism.csv`): published items only; an unknown 市町 or name is not found. */
export async function publicOpenDataFile(db: Queryable, fileName: string, encoding: OpenDataFileEncoding): Promise<FileResult> {
  const target = parseOpenDataFileName(fileName);
  if (!target) throw new NotFound("ファイル");
  if (target.municipality !== ALL_MUNICIPALITIES && !(await findExportMunicipality(db, target.municipality))) throw new NotFound("市町");
  const built = await buildExport(db, { ...target, encoding, scope: "published" });
  return fileOf(built, encoding);
}

/** The byte sizes of a package's two public files (package_show reports them). */
export async function publicFileSizes(
  db: Queryable,
  dataset: DatasetKey,
  municipality: string,
): Promise<Record<OpenDataFileEncoding, number>> {
  const items = await findExportItems(db, { dataset, municipalityCode: municipality, publishedOnly: true });
  const { header, rows } = openDataTable(dataset, items);
  return {
    "utf-8-bom": writeOpenDataCsv(header, rows, "utf-8-bom").bytes.length,
    cp932: writeOpenDataCsv(header, rows, "cp932").bytes.length,
  };
}
