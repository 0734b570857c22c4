// Header files as portals hand them out, made for the tests: comma or tab, CP932 or UTF-8 (with or without BOM),
// quoted or not, a title row above the header or not, sample rows under it or not, 16 to a few hundred columns.
import iconv from "iconv-lite";

/** Column names of the kind portals' registration sheets use (NFKC variants, brackets, ※ notes, 必須 marks). */
const REALISTIC = [
  "返礼品コード",
  "【必須】返礼品名",
  "寄附金額（税込）",
  "提供事業者名",
  "キャッチコピー",
  "説明文",
  "内容量",
  "アレルギー表示",
  "賞味期限・消費期限",
  "配送温度帯",
  "発送時期",
  "画像1",
  "画像2",
  "のし対応",
  "在庫タイプ",
  "備考 ※社内用",
];

/** `count` column names: the realistic ones first, then 予備項目1, 予備項目2 … */
export function sampleColumns(count: number): string[] {
  return Array.from({ length: count }, (_, i) => REALISTIC[i] ?? `予備項目${i - REALISTIC.length + 1}`);
}

export interface SampleHeaderOptions {
  columns: string[];
  delimiter: "," | "\t";
  encoding: "utf-8" | "utf-8-bom" | "cp932";
  quoted?: boolean;
  /** a title row above the header (one filled cell, padded with empty cells as Excel writes it) */
  title?: string;
  /** sample rows under the header */
  sampleRows?: number;
  lineEnding?: "\r\n" | "\n";
}

/** The file's text (before encoding). */
export function sampleHeaderText(o: SampleHeaderOptions): string {
  const eol = o.lineEnding ?? "\r\n";
  const cell = (text: string) => (o.quoted || /[",\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const line = (cells: string[]) => cells.map(cell).join(o.delimiter);
  const lines: string[] = [];
  if (o.title !== undefined) lines.push(line([o.title, ...o.columns.slice(1).map(() => "")]));
  lines.push(line(o.columns));
  for (let r = 1; r <= (o.sampleRows ?? 0); r++) lines.push(line(o.columns.map((_, c) => (c === 0 ? `SAMPLE${r}` : `例${r}-${c + 1}`))));
  return lines.join(eol) + eol;
}

/** The file's bytes in its encoding. */
export function sampleHeaderFile(o: SampleHeaderOptions): Buffer {
  const text = sampleHeaderText(o);
  if (o.encoding === "cp932") return iconv.encode(text, "cp932");
  const body = Buffer.from(text, "utf8");
  return o.encoding === "utf-8-bom" ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}
