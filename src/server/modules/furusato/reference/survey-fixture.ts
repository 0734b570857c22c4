// A small 現況調査 sheet in the ministry's shape, for tests and the browser test's upload: notes on top, a header
// block whose cells repeat (merged in the real files), the first data row found by its 団体コード.
import ExcelJS from "exceljs";

export type SurveyRow = [
  code: string,
  prefecture: string,
  municipality: string | number,
  count: number | string,
  amount: number,
  costTotal: number,
];

const COSTS = [
  "返礼品の調達に係る費用",
  "返礼品の送付に係る費用",
  "広報に係る費用",
  "決済等に係る費用",
  "事務に係る費用",
  "その他",
  "合計",
];

/** `era` as the sheet writes it (令和２年度); each row's cost total is split 5:1:1:1:1:1 over the six categories. */
export async function surveyWorkbook(era: string, rows: SurveyRow[], notes = 0): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("集計");
  for (let i = 0; i < notes; i++) sheet.addRow([`［留意事項］${i + 1}`]);
  const first = `①　${era}に受け入れた寄附件数、金額`;
  sheet.addRow([
    "市区町村\n団体コード",
    "都道府県",
    "市区町村",
    ...Array(2).fill(`${era}のふるさと納税の受入額の実績について記入してください。`),
    ...Array(7).fill(`${era}のふるさと納税の募集に要した費用を記入してください。\n${era}決算見込額`),
  ]);
  sheet.addRow(["市区町村\n団体コード", "都道府県", "市区町村", first, first, ...COSTS]);
  sheet.addRow(["市区町村\n団体コード", "都道府県", "市区町村", "寄附件数", "寄附金額", ...COSTS]);
  for (const [code, prefecture, municipality, count, amount, total] of rows) {
    const part = total / 10;
    sheet.addRow([code, prefecture, municipality, count, amount, part * 5, part, part, part, part, part, total]);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
