// The 自治体標準オープンデータセット the hub takes in and gives back, each with its 正式版 columns in their order (the
// export's order and the key of an item's `fields`) and which of them the hub projects onto an item's own columns
// (name, place, dates …) for search, filters, the map and the calendar.
// The columns follow デジタル庁's 正式版 definitions as far as the hub uses them: every dataset starts with
// 全国地方公共団体コード, ID, 地方公共団体名; addresses are 所在地_連結表記 plus its parts; 緯度/経度 in decimal degrees.
// The old 推奨データセット headers and the ベース・レジストリ layouts are mapped onto these by the import's aliases.

export const DATASET_KEYS = ["tourism", "event", "public_facility", "cultural_property", "preschool", "evacuation_space", "aed"] as const;
export type DatasetKey = (typeof DATASET_KEYS)[number];

/** Which of an item's own columns a 正式版 column feeds. */
export type ItemField =
  | "name"
  | "nameKana"
  | "nameEn"
  | "description"
  | "descriptionEn"
  | "category"
  | "address"
  | "lat"
  | "lon"
  | "startDate"
  | "endDate"
  | "startTime"
  | "endTime"
  | "url"
  | "imageUrl";

/** How a column's text is read (import) and checked (editor form). */
export type ColumnType = "text" | "code" | "id" | "date" | "time" | "lat" | "lon" | "days" | "list" | "flag" | "integer" | "url" | "phone";

export interface DatasetColumn {
  /** the 正式版 header */
  name: string;
  type: ColumnType;
  /** ◎ required by the definition (the import names a problem when it is empty) */
  required?: boolean;
  /** the item column it feeds */
  item?: ItemField;
}

export interface DatasetDefinition {
  key: DatasetKey;
  /** 観光施設一覧 … */
  label: string;
  labelEn: string;
  /** the definition's file-name suffix (`401005_tourism.csv`) */
  fileSuffix: string;
  /** what the hub calls the dataset's things on public pages (施設, イベント …) */
  noun: string;
  columns: readonly DatasetColumn[];
}

const COMMON_HEAD: readonly DatasetColumn[] = [
  { name: "全国地方公共団体コード", type: "code", required: true },
  { name: "ID", type: "id", required: true },
  { name: "地方公共団体名", type: "text", required: true },
];

const ADDRESS: readonly DatasetColumn[] = [
  { name: "所在地_連結表記", type: "text", required: true, item: "address" },
  { name: "所在地_都道府県", type: "text" },
  { name: "所在地_市区町村", type: "text" },
  { name: "所在地_町字", type: "text" },
  { name: "所在地_番地以下", type: "text" },
  { name: "建物名等(方書)", type: "text" },
  { name: "町字ID", type: "text" },
  { name: "緯度", type: "lat", item: "lat" },
  { name: "経度", type: "lon", item: "lon" },
];

const CONTACT: readonly DatasetColumn[] = [
  { name: "連絡先名称", type: "text" },
  { name: "連絡先電話番号", type: "phone" },
  { name: "連絡先内線番号", type: "text" },
];

const IMAGE_URL: readonly DatasetColumn[] = [
  { name: "画像", type: "url", item: "imageUrl" },
  { name: "画像_ライセンス", type: "text" },
  { name: "URL", type: "url", item: "url" },
  { name: "備考", type: "text" },
];

const OPENING: readonly DatasetColumn[] = [
  { name: "利用可能曜日", type: "days" },
  { name: "開始時間", type: "time", item: "startTime" },
  { name: "終了時間", type: "time", item: "endTime" },
  { name: "利用可能日時特記事項", type: "text" },
];

export const DATASETS: Readonly<Record<DatasetKey, DatasetDefinition>> = {
  tourism: {
    key: "tourism",
    label: "観光施設一覧",
    labelEn: "Tourist attractions",
    fileSuffix: "tourism",
    noun: "観光施設",
    columns: [
      ...COMMON_HEAD,
      { name: "名称", type: "text", required: true, item: "name" },
      { name: "名称_カナ", type: "text", item: "nameKana" },
      { name: "名称_英字", type: "text", item: "nameEn" },
      { name: "POIコード", type: "text", item: "category" },
      ...ADDRESS,
      ...OPENING,
      { name: "料金（基本）", type: "text" },
      { name: "料金（詳細）", type: "text" },
      { name: "説明", type: "text", item: "description" },
      { name: "説明_英字", type: "text", item: "descriptionEn" },
      { name: "アクセス方法", type: "text" },
      { name: "駐車場情報", type: "text" },
      { name: "バリアフリー情報", type: "text" },
      ...CONTACT,
      ...IMAGE_URL,
    ],
  },
  event: {
    key: "event",
    label: "イベント一覧",
    labelEn: "Events",
    fileSuffix: "event",
    noun: "イベント",
    columns: [
      ...COMMON_HEAD,
      { name: "イベント名", type: "text", required: true, item: "name" },
      { name: "イベント名_カナ", type: "text", item: "nameKana" },
      { name: "イベント名_英字", type: "text", item: "nameEn" },
      { name: "開始日", type: "date", required: true, item: "startDate" },
      { name: "終了日", type: "date", item: "endDate" },
      { name: "開始時間", type: "time", item: "startTime" },
      { name: "終了時間", type: "time", item: "endTime" },
      { name: "開始日時特記事項", type: "text" },
      { name: "説明", type: "text", item: "description" },
      { name: "料金（基本）", type: "text" },
      { name: "料金（詳細）", type: "text" },
      ...CONTACT,
      { name: "主催者", type: "text" },
      { name: "場所名称", type: "text", item: "category" },
      ...ADDRESS.map((column) => (column.name === "所在地_連結表記" ? { ...column, required: false } : column)),
      { name: "アクセス方法", type: "text" },
      { name: "駐車場情報", type: "text" },
      { name: "定員", type: "integer" },
      { name: "参加申込終了日", type: "date" },
      { name: "参加申込終了時間", type: "time" },
      { name: "参加申込方法", type: "text" },
      ...IMAGE_URL,
    ],
  },
  public_facility: {
    key: "public_facility",
    label: "公共施設一覧",
    labelEn: "Public facilities",
    fileSuffix: "public_facility",
    noun: "公共施設",
    columns: [
      ...COMMON_HEAD,
      { name: "名称", type: "text", required: true, item: "name" },
      { name: "名称_カナ", type: "text", item: "nameKana" },
      { name: "名称_英字", type: "text", item: "nameEn" },
      { name: "POIコード", type: "text" },
      { name: "種別", type: "text", item: "category" },
      ...ADDRESS,
      ...OPENING,
      { name: "説明", type: "text", item: "description" },
      { name: "バリアフリー情報", type: "text" },
      ...CONTACT,
      ...IMAGE_URL,
    ],
  },
  cultural_property: {
    key: "cultural_property",
    label: "文化財一覧",
    labelEn: "Cultural properties",
    fileSuffix: "cultural_property",
    noun: "文化財",
    columns: [
      ...COMMON_HEAD,
      { name: "文化財分類", type: "text", item: "category" },
      { name: "名称", type: "text", required: true, item: "name" },
      { name: "名称_カナ", type: "text", item: "nameKana" },
      { name: "名称_英字", type: "text", item: "nameEn" },
      { name: "文化財種類", type: "text" },
      { name: "種類", type: "text" },
      { name: "場所領域", type: "text" },
      ...ADDRESS,
      { name: "員数", type: "text" },
      { name: "所有者等", type: "text" },
      { name: "指定日", type: "date" },
      { name: "説明", type: "text", item: "description" },
      { name: "説明_英字", type: "text", item: "descriptionEn" },
      { name: "利用可能曜日", type: "days" },
      { name: "開始時間", type: "time", item: "startTime" },
      { name: "終了時間", type: "time", item: "endTime" },
      { name: "利用可能日時特記事項", type: "text" },
      ...IMAGE_URL,
    ],
  },
  preschool: {
    key: "preschool",
    label: "子育て施設一覧",
    labelEn: "Childcare facilities",
    fileSuffix: "preschool",
    noun: "子育て施設",
    columns: [
      ...COMMON_HEAD,
      { name: "種別", type: "text", required: true, item: "category" },
      { name: "名称", type: "text", required: true, item: "name" },
      { name: "名称_カナ", type: "text", item: "nameKana" },
      { name: "名称_英字", type: "text", item: "nameEn" },
      ...ADDRESS,
      ...CONTACT,
      { name: "FAX番号", type: "phone" },
      { name: "法人番号", type: "text" },
      { name: "団体名", type: "text" },
      { name: "利用可能曜日", type: "days" },
      { name: "開始時間", type: "time", item: "startTime" },
      { name: "終了時間", type: "time", item: "endTime" },
      { name: "利用可能日時特記事項", type: "text" },
      { name: "一時預かりの有無", type: "flag" },
      { name: "定員", type: "integer" },
      { name: "0歳", type: "integer" },
      { name: "1歳", type: "integer" },
      { name: "2歳", type: "integer" },
      { name: "3歳", type: "integer" },
      { name: "4歳", type: "integer" },
      { name: "5歳", type: "integer" },
      { name: "説明", type: "text", item: "description" },
      ...IMAGE_URL,
    ],
  },
  evacuation_space: {
    key: "evacuation_space",
    label: "指定緊急避難場所一覧",
    labelEn: "Designated emergency evacuation sites",
    fileSuffix: "evacuation_space",
    noun: "避難場所",
    columns: [
      ...COMMON_HEAD,
      { name: "名称", type: "text", required: true, item: "name" },
      { name: "名称_カナ", type: "text", item: "nameKana" },
      { name: "名称_英字", type: "text", item: "nameEn" },
      ...ADDRESS.map((column) => (column.type === "lat" || column.type === "lon" ? { ...column, required: true } : column)),
      { name: "標高", type: "text" },
      { name: "災害種別_洪水", type: "flag" },
      { name: "災害種別_崖崩れ、土石流及び地滑り", type: "flag" },
      { name: "災害種別_高潮", type: "flag" },
      { name: "災害種別_地震", type: "flag" },
      { name: "災害種別_津波", type: "flag" },
      { name: "災害種別_大規模な火事", type: "flag" },
      { name: "災害種別_内水氾濫", type: "flag" },
      { name: "災害種別_火山現象", type: "flag" },
      { name: "指定避難所との住所同一", type: "flag" },
      { name: "想定収容人数", type: "integer" },
      { name: "対象となる町会・自治会", type: "list" },
      { name: "説明", type: "text", item: "description" },
      ...CONTACT,
      ...IMAGE_URL,
    ],
  },
  aed: {
    key: "aed",
    label: "AED設置箇所一覧",
    labelEn: "AED locations",
    fileSuffix: "aed",
    noun: "AED設置箇所",
    columns: [
      ...COMMON_HEAD,
      { name: "名称", type: "text", required: true, item: "name" },
      { name: "名称_カナ", type: "text", item: "nameKana" },
      { name: "名称_英字", type: "text", item: "nameEn" },
      ...ADDRESS,
      { name: "設置位置", type: "text", item: "description" },
      { name: "利用可能曜日", type: "days" },
      { name: "開始時間", type: "time", item: "startTime" },
      { name: "終了時間", type: "time", item: "endTime" },
      { name: "利用可能日時特記事項", type: "text" },
      { name: "パッドの有無（小児用）", type: "flag" },
      { name: "設置事業者", type: "text", item: "category" },
      ...CONTACT,
      ...IMAGE_URL,
    ],
  },
};

export function isDatasetKey(value: string): value is DatasetKey {
  return (DATASET_KEYS as readonly string[]).includes(value);
}

/** The 正式版 column that feeds an item field in a dataset, if any. */
export function columnForItemField(dataset: DatasetKey, field: ItemField): DatasetColumn | undefined {
  return DATASETS[dataset].columns.find((column) => column.item === field);
}

/** The dataset a file name names by the definition's convention (`401005_tourism.csv` → tourism). */
export function datasetFromFileName(fileName: string): DatasetKey | undefined {
  const base = fileName.replace(/\.[a-z]+$/i, "").toLowerCase();
  return DATASET_KEYS.find((key) => base.endsWith(`_${DATASETS[key].fileSuffix}`));
}
