// 掲載情報 (the hub's items) as the curation screens use them: lists and the CSV of a list, one item with the row it
// came from, an item added by hand, an edit (values by 正式版 column and the English translations, checked like an
// imported row), 公開 / 公開停止, 広域のおすすめ (the bureau's region editors only) and the deletion of a hand-made
// draft. A 市町 editor reads and changes their own 市町's items only; another 市町's item answers 404.
import { randomUUID } from "node:crypto";
import type {
  CreateItemInput,
  ItemDetail,
  ItemListFilter,
  ItemSort,
  ItemSummary,
  UpdateItemInput,
} from "../../../common/api/region-curation";
import { ITEM_ORIGIN_LABELS, ITEM_STATUS_LABELS } from "../../../common/api/region-curation";
import { todayInJapan } from "../../../common/dates";
import { columnForItemField, DATASETS, type DatasetKey } from "../../../common/region/datasets";
import { sameFields, TRANSLATION_FIELDS, translationsOf } from "../../../common/region/item-projection";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit, recordAudits } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import { Conflict, NotFound } from "../../platform/errors";
import type { FileResult } from "../../platform/http/types";
import { writeCsv } from "../../platform/tabular";
import { isRegionManager, municipalityOfUser, requireRegionManager } from "./access";
import { mayEdit, readScope, requireEditor, requireReader } from "./curation-access";
import { checkedFields, contentOf } from "./item-content";
import * as repo from "./item-repository";

export const STALE = "他の利用者が先に更新しました。画面を再読み込みしてから、もう一度操作してください。";
const ITEM = "掲載情報";

const iso = (value: Date | null): string | null => (value ? new Date(value).toISOString() : null);

export function toSummary(row: repo.ItemListRow): ItemSummary {
  return {
    id: row.id,
    municipalityCode: row.municipality_code,
    municipalityName: row.municipality_name,
    dataset: row.dataset,
    sourceId: row.source_id,
    origin: row.origin,
    name: row.name,
    nameEn: row.name_en,
    category: row.category,
    address: row.address,
    startDate: row.start_date,
    endDate: row.end_date,
    hasLocation: row.lat !== null && row.lon !== null,
    status: row.status,
    featured: row.featured,
    publishedAt: iso(row.published_at),
    updatedAt: new Date(row.updated_at).toISOString(),
    version: row.version,
    isSample: row.is_sample,
  };
}

async function detailOf(db: Queryable, user: Principal | null, row: repo.ItemRow): Promise<ItemDetail> {
  const canEdit = await mayEdit(db, user, row.municipality_code);
  return {
    ...toSummary(row),
    nameKana: row.name_kana,
    description: row.description,
    descriptionEn: row.description_en,
    lat: row.lat,
    lon: row.lon,
    startTime: row.start_time,
    endTime: row.end_time,
    url: row.url,
    imageUrl: row.image_url,
    fields: row.fields,
    original: row.original,
    import:
      row.import_id && row.import_file_name && row.import_created_at
        ? { id: row.import_id, fileName: row.import_file_name, createdAt: new Date(row.import_created_at).toISOString() }
        : null,
    featuredAt: iso(row.featured_at),
    createdAt: new Date(row.created_at).toISOString(),
    createdByName: row.created_by_name,
    updatedByName: row.updated_by_name,
    canEdit,
    canFeature: await isRegionManager(db, user),
    canDelete: canEdit && row.origin === "editor" && row.status === "draft" && row.published_at === null,
  };
}

async function readItem(db: Queryable, id: string, opts: { lock?: boolean } = {}): Promise<repo.ItemRow> {
  const row = await repo.findItem(db, id, opts);
  if (!row) throw new NotFound(ITEM);
  return row;
}

// ------------------------------------------------------------------ who and where

export async function curationContext(db: Db, user: Principal | null) {
  const scope = await readScope(db, user);
  const municipalities = await repo.findMunicipalities(db);
  const own = await municipalityOfUser(db, user);
  const manager = await isRegionManager(db, user);
  return {
    municipalities: scope.all ? municipalities : municipalities.filter((m) => m.code === scope.code),
    scope: manager ? { kind: "all" as const } : own ? { kind: "own" as const, code: own.code, name: own.name } : { kind: "none" as const },
    canFeature: manager,
  };
}

// ------------------------------------------------------------------ lists

const filterOf = (query: Omit<ItemListFilter, "page" | "pageSize" | "sort">): repo.ItemFilter => ({
  municipalityCode: query.municipalityCode,
  dataset: query.dataset,
  status: query.status,
  featured: query.featured === undefined ? undefined : query.featured === "true",
  q: query.q || undefined,
});

export async function listItems(db: Db, user: Principal | null, query: ItemListFilter) {
  const scope = await readScope(db, user);
  const { rows, total } = await repo.findItems(db, scope, filterOf(query), query.sort, {
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items: rows.map(toSummary), total, page: query.page, pageSize: query.pageSize };
}

const CSV_HEADER = [
  "市町",
  "全国地方公共団体コード",
  "データセット",
  "ID",
  "名称",
  "名称（英語）",
  "種別・分類",
  "所在地",
  "緯度",
  "経度",
  "開始日",
  "終了日",
  "状態",
  "おすすめ",
  "由来",
  "公開日時",
  "更新日時",
  "サンプル",
];

/** The list as CSV (UTF-8 with BOM, every text cell formula-guarded by writeCsv): the same filters and order; audited. */
export async function exportItemsCsv(
  db: Db,
  user: Principal | null,
  actor: Actor,
  query: Omit<ItemListFilter, "page" | "pageSize" | "sort"> & { sort: ItemSort },
): Promise<FileResult> {
  const rows = await db.transaction(async (tx) => {
    const scope = await readScope(tx, user);
    const found = await repo.findItemsForExport(tx, scope, filterOf(query), query.sort);
    await recordAudit(tx, actor, {
      action: "export",
      entityType: "region_item",
      entityId: null,
      summary: `情報ハブの掲載情報の一覧を CSV で出力（${found.length}件）`,
      after: { filter: filterOf(query), sort: query.sort, scope },
    });
    return found;
  });
  const stamp = (value: Date | null) => (value ? new Date(value).toISOString() : "");
  const { bytes } = writeCsv(
    CSV_HEADER,
    rows.map((r) => [
      r.municipality_name,
      r.municipality_code,
      DATASETS[r.dataset].label,
      r.source_id ?? "",
      r.name,
      r.name_en,
      r.category,
      r.address,
      r.lat ?? "",
      r.lon ?? "",
      r.start_date ?? "",
      r.end_date ?? "",
      ITEM_STATUS_LABELS[r.status],
      r.featured ? "おすすめ" : "",
      ITEM_ORIGIN_LABELS[r.origin],
      stamp(r.published_at),
      stamp(r.updated_at),
      r.is_sample ? "サンプル" : "",
    ]),
    { encoding: "utf-8-bom" },
  );
  return { file: { name: `掲載情報一覧_${todayInJapan()}.csv`, mimeType: "text/csv; charset=utf-8", body: bytes } };
}

// ------------------------------------------------------------------ one item

export async function getItem(db: Db, user: Principal | null, id: string): Promise<ItemDetail> {
  const row = await readItem(db, id);
  await requireReader(db, user, row.municipality_code, ITEM);
  return detailOf(db, user, row);
}

/** The fields without the dataset's English columns (名称_英字 …): what is left when only a translation changed. */
function withoutEnglish(dataset: DatasetKey, fields: Record<string, string>): Record<string, string> {
  const out = { ...fields };
  for (const field of TRANSLATION_FIELDS) {
    const column = columnForItemField(dataset, field);
    if (column) delete out[column.name];
  }
  return out;
}

const auditValues = (row: Pick<repo.ItemRow, "fields" | "name_en" | "description_en">) => ({
  fields: row.fields,
  nameEn: row.name_en,
  descriptionEn: row.description_en,
});

export async function createItem(db: Db, user: Principal | null, actor: Actor, input: CreateItemInput): Promise<ItemDetail> {
  return db.transaction(async (tx) => {
    await requireEditor(tx, user, input.municipalityCode, "市町");
    const name = await repo.findMunicipalityName(tx, input.municipalityCode);
    if (!name) throw new NotFound("市町");
    const translations = { nameEn: input.nameEn, descriptionEn: input.descriptionEn };
    // An item added by hand has no publisher's ID: the hub gives it one of its own, so that the export has an ID.
    const values = { ...input.fields, ID: input.fields.ID?.trim() || `HUB-${randomUUID().slice(0, 8).toUpperCase()}` };
    const fields = checkedFields({
      dataset: input.dataset,
      municipality: { code: input.municipalityCode, name },
      values,
      fixedId: null,
      translations,
      rowNumber: 0,
    });
    const content = contentOf(input.dataset, fields, translations);
    const id = await repo.insertItem(tx, {
      municipalityCode: input.municipalityCode,
      dataset: input.dataset,
      sourceId: null,
      origin: "editor",
      original: null,
      importId: null,
      content,
      userId: user?.id ?? null,
      isSample: false,
    });
    await recordAudit(tx, actor, {
      action: "create",
      entityType: "region_item",
      entityId: id,
      summary: `掲載情報「${content.columns.name}」（${name}・${DATASETS[input.dataset].label}）を手入力で追加`,
      after: { fields: content.fields, ...translations },
    });
    return detailOf(tx, user, await readItem(tx, id));
  });
}

export async function updateItem(db: Db, user: Principal | null, actor: Actor, id: string, input: UpdateItemInput): Promise<ItemDetail> {
  return db.transaction(async (tx) => {
    const before = await readItem(tx, id, { lock: true });
    await requireEditor(tx, user, before.municipality_code, ITEM);
    const translations = { nameEn: input.nameEn, descriptionEn: input.descriptionEn };
    const fields = checkedFields({
      dataset: before.dataset,
      municipality: { code: before.municipality_code, name: before.municipality_name },
      values: input.fields,
      // the ID is the key a re-import updates by: an imported item keeps its publisher's, a hand-made one the hub's
      fixedId: before.source_id ?? before.fields.ID ?? null,
      translations,
      rowNumber: before.original?.rowNumber ?? 0,
    });
    const content = contentOf(before.dataset, fields, translations);
    if (!(await repo.updateItemContent(tx, id, input.version, content, { userId: user?.id ?? null }))) throw new Conflict(STALE, "stale");
    const old = translationsOf(before.dataset, before.fields, { nameEn: before.name_en, descriptionEn: before.description_en });
    const translated = old.nameEn !== content.columns.nameEn || old.descriptionEn !== content.columns.descriptionEn;
    const onlyTranslations =
      translated &&
      sameFields(before.dataset, withoutEnglish(before.dataset, before.fields), withoutEnglish(before.dataset, content.fields));
    await recordAudit(tx, actor, {
      action: onlyTranslations ? "translate" : "update",
      entityType: "region_item",
      entityId: id,
      summary: `掲載情報「${content.columns.name}」の${onlyTranslations ? "英語の名称・説明" : "内容"}を変更`,
      before: auditValues(before),
      after: { fields: content.fields, ...translations },
    });
    return detailOf(tx, user, await readItem(tx, id));
  });
}

export async function setItemPublished(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  version: number,
  published: boolean,
): Promise<ItemDetail> {
  return db.transaction(async (tx) => {
    const before = await readItem(tx, id, { lock: true });
    await requireEditor(tx, user, before.municipality_code, ITEM);
    if ((before.status === "published") === published)
      throw new Conflict(
        published ? "この掲載情報はすでに公開しています。" : "この掲載情報は公開していません。",
        published ? "already_published" : "not_published",
      );
    if (!(await repo.setItemStatus(tx, id, version, published ? "published" : "withdrawn", user?.id ?? null)))
      throw new Conflict(STALE, "stale");
    await recordAudit(tx, actor, {
      action: published ? "publish" : "unpublish",
      entityType: "region_item",
      entityId: id,
      summary: `掲載情報「${before.name}」を${published ? "公開" : "公開停止"}${!published && before.featured ? "（おすすめも解除）" : ""}`,
      before: { status: before.status, featured: before.featured },
      after: { status: published ? "published" : "withdrawn" },
    });
    return detailOf(tx, user, await readItem(tx, id));
  });
}

/** 広域のおすすめ: the bureau's region editors choose among published items of any 市町. */
export async function setItemFeatured(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  version: number,
  featured: boolean,
): Promise<ItemDetail> {
  return db.transaction(async (tx) => {
    await requireRegionManager(tx, user);
    const before = await readItem(tx, id, { lock: true });
    if (featured && before.status !== "published")
      throw new Conflict("おすすめにできるのは公開中の掲載情報だけです。先に公開してください。", "not_published");
    if (before.featured === featured)
      throw new Conflict(
        featured ? "この掲載情報はすでにおすすめです。" : "この掲載情報はおすすめではありません。",
        featured ? "already_featured" : "not_featured",
      );
    if (!(await repo.setItemFeatured(tx, id, version, featured, user?.id ?? null))) throw new Conflict(STALE, "stale");
    await recordAudit(tx, actor, {
      action: featured ? "feature" : "unfeature",
      entityType: "region_item",
      entityId: id,
      summary: `掲載情報「${before.name}」（${before.municipality_name}）を広域のおすすめ${featured ? "に設定" : "から解除"}`,
      before: { featured: before.featured },
      after: { featured },
    });
    return detailOf(tx, user, await readItem(tx, id));
  });
}

/** Only a hand-made draft that was never published: anything else came from a file or was public, and is withdrawn instead. */
export async function deleteItem(db: Db, user: Principal | null, actor: Actor, id: string, version: number): Promise<{ ok: true }> {
  return db.transaction(async (tx) => {
    const before = await readItem(tx, id, { lock: true });
    await requireEditor(tx, user, before.municipality_code, ITEM);
    if (before.origin !== "editor" || before.status !== "draft" || before.published_at !== null)
      throw new Conflict(
        "削除できるのは、手入力で追加して一度も公開していない下書きだけです。取り込んだ掲載情報や公開したことのある掲載情報は「公開停止」にしてください。",
        "not_deletable",
      );
    if (!(await repo.deleteItem(tx, id, version))) throw new Conflict(STALE, "stale");
    await recordAudit(tx, actor, {
      action: "delete",
      entityType: "region_item",
      entityId: id,
      summary: `手入力の下書き「${before.name}」（${before.municipality_name}）を削除`,
      before: auditValues(before),
    });
    return { ok: true as const };
  });
}

/** Publishes a set of drafts at once, each audited (the sample data's first start uses it). */
export async function publishDraftsIn(tx: Queryable, actor: Actor, ids: readonly string[]): Promise<number> {
  const published = await repo.publishDrafts(tx, ids, actor.userId);
  await recordAudits(
    tx,
    actor,
    published.map((id) => ({ action: "publish" as const, entityType: "region_item" as const, entityId: id, summary: "掲載情報を公開" })),
  );
  return published.length;
}

/** Features a set of published items at once, each audited (the sample data's first start uses it). */
export async function featureItemsIn(tx: Queryable, actor: Actor, ids: readonly string[]): Promise<number> {
  const featured = await repo.featureMany(tx, ids, actor.userId);
  await recordAudits(
    tx,
    actor,
    featured.map((id) => ({
      action: "feature" as const,
      entityType: "region_item" as const,
      entityId: id,
      summary: "掲載情報を広域のおすすめに設定",
    })),
  );
  return featured.length;
}
