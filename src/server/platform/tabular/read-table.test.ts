// Reading uploads in a worker thread: the same tables as the readers give in-thread, refusals that keep their code
// and message, and a calling thread that keeps running meanwhile.
import { performance } from "node:perf_hooks";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { readCsv } from "./csv-read.js";
import { TabularFormatError } from "./errors.js";
import { readTable, tableFormat } from "./read-table.js";
import { readXlsx } from "./xlsx-read.js";
import { bombWorkbook, largeWorkbook } from "./xlsx-test-files.js";
import { writeXlsx } from "./xlsx-write.js";

describe("readTable (in a worker thread)", () => {
  it("gives the same table as the in-thread readers for .xlsx, Shift_JIS CSV and TSV", async () => {
    const xlsx = await writeXlsx([
      {
        name: "s",
        header: ["課題名", "件数"],
        rows: [
          ["髙橋①", 3],
          ["", ""],
          ["〜", -1.5],
        ],
      },
    ]);
    expect(await readTable("xlsx", xlsx)).toEqual(await readXlsx(xlsx));

    const csv = new Uint8Array(iconv.encode("組織コード,組織名\r\nkoho,広報室\r\n,,\r\nno1,髙橋①課\r\n", "cp932"));
    const fromWorker = await readTable("csv", csv);
    expect(fromWorker).toEqual(readCsv(csv));
    expect(fromWorker.encoding).toBe("cp932");

    const tsv = new TextEncoder().encode("a\tb\n1\t2,3\n");
    expect((await readTable("tsv", tsv)).rows).toEqual([["1", "2,3"]]);
  });

  it("reads a multi-megabyte CSV held in a Node Buffer fed a megabyte at a time, and leaves the caller's bytes as they were", async () => {
    const lines = ["受付番号,返礼品コード,備考"];
    for (let i = 0; i < 60_000; i++) lines.push(`B-${i},KKB001,"髙橋①の${"寄附".repeat(i % 9)}"`);
    const bytes = Buffer.from(`${lines.join("\r\n")}\r\n`, "utf8");
    expect(bytes.length).toBeGreaterThan(2 * 1024 * 1024);
    const before = Buffer.from(bytes);
    const fromWorker = await readTable("csv", bytes);
    expect(fromWorker).toEqual(readCsv(before));
    expect(fromWorker.rows).toHaveLength(60_000);
    expect(fromWorker.rows.every((row) => row[1] === "KKB001")).toBe(true);
    expect(bytes.equals(before)).toBe(true);
  });

  it("chooses the reader by the stored type and name", () => {
    expect(tableFormat("寄附.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).toBe("xlsx");
    expect(tableFormat("寄附.TSV", "text/tab-separated-values")).toBe("tsv");
    expect(tableFormat("寄附.csv", "text/csv")).toBe("csv");
  });

  it("passes a refusal back with its code and Japanese message", async () => {
    const bomb = await bombWorkbook(20 * 1024 * 1024);
    const error = await readTable("xlsx", bomb, { maxExpandedBytes: 10 * 1024 * 1024, maxCells: 1000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TabularFormatError);
    expect(error).toMatchObject({ code: "xlsx_too_large", message: expect.stringContaining("上限（10MB）") });
    await expect(readTable("csv", new Uint8Array([0x22, 0x61, 0x0a, 0x62]))).rejects.toMatchObject({ code: "malformed_csv" });
  });

  it("finding 4: the calling thread keeps running while a 100,000-row workbook is read", { timeout: 120_000 }, async () => {
    const workbook = largeWorkbook(100_000);
    let slowestTick = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      slowestTick = Math.max(slowestTick, now - last);
      last = now;
    }, 10);
    try {
      const table = await readTable("xlsx", workbook);
      expect(table.rows).toHaveLength(100_000);
      expect(table.rows[99_999]).toEqual([
        "100000",
        "寄附者100001",
        String(10000 + (100_001 % 90) * 1000),
        "2024-04-01",
        "関門ふぐセット1",
        "特になし",
      ]);
    } finally {
      clearInterval(ticker);
    }
    expect(slowestTick).toBeLessThan(500);
  });
});
