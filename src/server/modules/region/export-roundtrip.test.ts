// Export, then read back with the import pipeline (readOpenData): for every dataset, in UTF-8 with BOM and in CP932,
// the header is the 正式版 columns in order and every row comes back with the same fields — so the hub's files are
// what the 正式版 asks for, and what another portal (or this hub) takes in again unchanged.
import { describe, expect, it } from "vitest";
import { DATASET_KEYS, DATASETS, type DatasetColumn, type DatasetKey } from "../../../common/region/datasets";
import { readCsv } from "../../platform/tabular";
import { writeOpenDataCsv } from "./export-csv";
import { type ExportItem, openDataFileName, openDataTable } from "./export-table";
import { readOpenData } from "./opendata/read-open-data";

/** A canonical value of each column type, as the pipeline stores it in `fields`. */
function sampleValue(column: DatasetColumn, row: number): string {
  switch (column.type) {
    case "code":
      return "402044";
    case "id":
      return String(row).padStart(3, "0");
    case "date":
      return "2026-10-10";
    case "time":
      return "09:00";
    case "lat":
      return "33.7441";
    case "lon":
      return "130.7297";
    case "days":
      return "月;火;水;木;金";
    case "list":
      return "上新入;下新入";
    case "flag":
      return "1";
    case "integer":
      return "120";
    case "url":
      return "https://www.city.nogata.fukuoka.jp/";
    case "phone":
      return "0949-25-2000";
    default:
      if (column.name === "地方公共団体名") return "直方市";
      if (column.name === "標高") return "-1.5";
      if (column.name.startsWith("説明")) return `一行目、"引用"あり\n二行目（${row}）`;
      if (column.name.endsWith("_英字")) return `Nogata sight ${row}`;
      return `${column.name}の値${row}`;
  }
}

function itemsOf(dataset: DatasetKey): ExportItem[] {
  return [1, 2].map((row) => {
    const fields = Object.fromEntries(DATASETS[dataset].columns.map((column) => [column.name, sampleValue(column, row)]));
    return {
      id: `00000000-0000-4000-8000-00000000000${row}`,
      municipalityCode: "402044",
      municipalityName: "直方市",
      sourceId: fields.ID,
      fields,
      name: fields[DATASETS[dataset].columns[3].name],
      nameEn: "",
      descriptionEn: "",
    };
  });
}

const nonEmpty = (fields: Record<string, unknown>) => Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== "" && v != null));

describe("export → readOpenData round trip", () => {
  for (const dataset of DATASET_KEYS) {
    for (const encoding of ["utf-8-bom", "cp932"] as const) {
      it(`${DATASETS[dataset].label} (${encoding}): 正式版 header, same fields back`, () => {
        const items = itemsOf(dataset);
        const { header, rows } = openDataTable(dataset, items);
        expect(header).toEqual(DATASETS[dataset].columns.map((c) => c.name));
        const { bytes, unencodable, guarded } = writeOpenDataCsv(header, rows, encoding);
        expect(unencodable).toEqual([]);
        expect(guarded).toEqual([]);
        const read = readOpenData(bytes, { fileName: openDataFileName(dataset, "402044") });
        expect(read.encoding).toBe(encoding);
        expect(read.dataset).toBe(dataset);
        expect(read.headerGeneration).toBe("official");
        expect(read.problems).toEqual([]);
        expect(read.skipped).toEqual([]);
        expect(read.items.map((item) => nonEmpty(item.fields))).toEqual(items.map((item) => nonEmpty(item.fields)));
        expect(read.items.map((item) => item.sourceId)).toEqual(["001", "002"]);
      });
    }
  }

  it("a value a spreadsheet would run comes back guarded, never as a formula", () => {
    const [item] = itemsOf("tourism");
    item.fields.説明 = '=HYPERLINK("http://evil.example/","開く")';
    const { header, rows } = openDataTable("tourism", [item]);
    const { bytes } = writeOpenDataCsv(header, rows, "utf-8-bom");
    const cell = readCsv(bytes).rows[0][header.indexOf("説明")];
    expect(cell).toBe(`'${item.fields.説明}`);
    const read = readOpenData(bytes, { fileName: "402044_tourism.csv" });
    expect(String(read.items[0]?.fields.説明 ?? read.problemRows[0]?.fields.説明)).not.toMatch(/^=/);
  });
});
