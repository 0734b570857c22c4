// CsvParser takes a file a chunk at a time: a character, a quoted line break or a record cut by a chunk's end must come
// out exactly as when the whole text is parsed at once, in every encoding, with Excel's row numbers.
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { CsvParser } from "./csv-stream.js";
import { detectEncoding } from "./decode.js";
import { TabularFormatError } from "./errors.js";

/** About 4 MB (UTF-8) of rows with two-byte and three-byte characters, quoted line breaks and a blank line now and then. */
function text(): string {
  const lines = ["受付番号,寄附者,住所,備考"];
  for (let i = 0; i < 30_000; i++) {
    if (i % 997 === 0) lines.push(",,,");
    lines.push(`A${i},髙橋 ${"①".repeat(i % 7)}太郎,"北九州市小倉北区城内${i}
（二行目）",ｶﾀｶﾅ${"あ".repeat(i % 13)}`);
  }
  return `${lines.join("\r\n")}\r\n`;
}

/** The file fed in chunks of `size` bytes, every chunk's rows gathered. */
function readAll(bytes: Uint8Array, size: number) {
  const parser = new CsvParser(detectEncoding(bytes));
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  const gather = (slice: { rows: string[][]; rowNumbers: number[] }) => {
    rows.push(...slice.rows);
    rowNumbers.push(...slice.rowNumbers);
  };
  for (let at = 0; at < bytes.length; at += size) gather(parser.write(bytes.subarray(at, at + size)));
  gather(parser.write(null));
  return { header: parser.header, rows, rowNumbers };
}

/** The whole text parsed at once: non-blank records after the header, and their 1-based record numbers. */
function expected(source: string) {
  const records = parse(source, { skip_empty_lines: false, relax_column_count: true }) as string[][];
  const kept = records.map((r, i) => ({ r, n: i + 1 })).filter(({ r }, i) => i > 0 && r.some((c) => c.trim() !== ""));
  return { header: records[0], rows: kept.map(({ r }) => r), rowNumbers: kept.map(({ n }) => n) };
}

describe("CsvParser", () => {
  const source = text();
  const want = expected(source);
  const utf8 = new TextEncoder().encode(source);
  const files = {
    "UTF-8": utf8,
    "UTF-8 with BOM": new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]),
    CP932: new Uint8Array(iconv.encode(source, "cp932")),
  };

  it.each([
    ["UTF-8", 1024 * 1024],
    ["UTF-8 with BOM", 777],
    ["UTF-8 with BOM", 1],
    ["CP932", 1024 * 1024],
    ["CP932", 777],
  ] as const)("reads a multi-megabyte %s file fed in chunks of %i bytes as parsing it whole would", (name, size) => {
    const bytes = files[name];
    expect(bytes.length).toBeGreaterThan(2 * 1024 * 1024);
    const got = readAll(bytes, size);
    expect(got.header).toEqual(want.header);
    expect(got.rowNumbers).toEqual(want.rowNumbers);
    expect(got.rows).toEqual(want.rows);
  });

  it("refuses a quote left open far into the file, with the Japanese message", () => {
    const bytes = new TextEncoder().encode(`${source}"A-open,髙橋\r\n`);
    expect(() => readAll(bytes, 1024 * 1024)).toThrow(TabularFormatError);
    expect(() => readAll(bytes, 1024 * 1024)).toThrow(/引用符/);
  });
});
