// An export's table: the dataset's 正式版 columns in their order (DATASETS[dataset].columns) and one row per item,
// from the item's `fields` (the 正式版 values by column, the one source of truth), with what the hub knows better
// filled in per row: 全国地方公共団体コード and 地方公共団体名 from the item's 市町, ID from the publisher's ID (an item
// an editor added by hand has none: its own id stands in, unique and stable), and the English translations the
// editors made (name_en → 名称_英字 / イベント名_英字, description_en → 説明_英字) where the dataset has those columns.
import { ALL_MUNICIPALITIES, type ExportScope, REGION_FILE_PREFIX } from "../../../common/api/region-export";
import { columnForItemField, DATASETS, type DatasetKey } from "../../../common/region/datasets";

export interface ExportItem {
  id: string;
  municipalityCode: string;
  municipalityName: string;
  sourceId: string | null;
  fields: Record<string, unknown>;
  name: string;
  nameEn: string;
  descriptionEn: string;
}

export interface ExportTable {
  header: string[];
  rows: string[][];
}

function text(value: unknown): string {
  if (value === null || value === undefined) return "";
  return typeof value === "string" ? value : String(value);
}

/** The publisher's ID of an item as the file writes it. */
export function exportIdOf(item: ExportItem): string {
  return item.sourceId || text(item.fields.ID) || item.id;
}

export function openDataTable(dataset: DatasetKey, items: readonly ExportItem[]): ExportTable {
  const columns = DATASETS[dataset].columns;
  const nameEnColumn = columnForItemField(dataset, "nameEn")?.name;
  const descriptionEnColumn = columnForItemField(dataset, "descriptionEn")?.name;
  const rows = items.map((item) =>
    columns.map(({ name }) => {
      if (name === "全国地方公共団体コード") return item.municipalityCode;
      if (name === "ID") return exportIdOf(item);
      if (name === "地方公共団体名") return item.municipalityName;
      if (name === nameEnColumn && item.nameEn) return item.nameEn;
      if (name === descriptionEnColumn && item.descriptionEn) return item.descriptionEn;
      return text(item.fields[name]);
    }),
  );
  return { header: columns.map((column) => column.name), rows };
}

/**
 * The file's name: the definition's `[団体コード]_<suffix>.csv` for one 市町, `kitakyushu-region_<suffix>.csv` for every
 * 市町 together; a file that holds unpublished items says so in its name, so that nobody mistakes it for open data.
 */
export function openDataFileName(dataset: DatasetKey, municipality: string, scope: ExportScope = "published"): string {
  const prefix = municipality === ALL_MUNICIPALITIES ? REGION_FILE_PREFIX : municipality;
  return `${prefix}_${DATASETS[dataset].fileSuffix}${scope === "all" ? "_非公開を含む" : ""}.csv`;
}

/** The dataset and 市町 a public file name names (`402044_tourism.csv`, `kitakyushu-region_event.csv`). */
export function parseOpenDataFileName(fileName: string): { dataset: DatasetKey; municipality: string } | null {
  const match = /^([0-9]{6}|[a-z-]+)_([a-z_]+)\.csv$/.exec(fileName);
  if (!match) return null;
  const dataset = (Object.keys(DATASETS) as DatasetKey[]).find((key) => DATASETS[key].fileSuffix === match[2]);
  if (!dataset) return null;
  if (match[1] === REGION_FILE_PREFIX) return { dataset, municipality: ALL_MUNICIPALITIES };
  return /^[0-9]{6}$/.test(match[1]) ? { dataset, municipality: match[1] } : null;
}
