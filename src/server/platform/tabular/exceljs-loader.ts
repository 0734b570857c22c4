// exceljs takes ~0.3 s to load: it is loaded on first use, not at server start (startup goal ≤ 1 s).
import type ExcelJS from "exceljs";

let loaded: Promise<typeof ExcelJS> | null = null;

export function loadExcelJs(): Promise<typeof ExcelJS> {
  loaded ??= import("exceljs").then((module) => (module.default ?? module) as typeof ExcelJS);
  return loaded;
}
