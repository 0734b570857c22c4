// `yokogushi furusato portal inspect FILE [--json]` (issue 12, "Any portal's real header file"): header files made
// here — comma and tab, CP932 and UTF-8 with BOM, 16 and 100 columns, one with a title row above the header — give
// the detected encoding, delimiter, header row, column count, columns and suggested mapping. One run is a real process.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { projectRoot } from "../server/paths";
import { type SampleHeaderOptions, sampleColumns, sampleHeaderFile } from "../server/testing/portal-header-samples";
import { type PortalInspectJson, runPortalCommand } from "./furusato-portal-command";

const dir = mkdtempSync(path.join(tmpdir(), "yk-cli-portal-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sample(name: string, options: SampleHeaderOptions): string {
  const file = path.join(dir, name);
  writeFileSync(file, sampleHeaderFile(options));
  return file;
}

async function inspect(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runPortalCommand(args, { log: (t) => out.push(t), error: (t) => err.push(t) });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

const CASES: { file: string; options: SampleHeaderOptions; headerRow: number }[] = [
  {
    file: "ana_16_cp932.csv",
    options: { columns: sampleColumns(16), delimiter: ",", encoding: "cp932", title: "返礼品登録シート", sampleRows: 2 },
    headerRow: 2,
  },
  { file: "choice_16_bom.tsv", options: { columns: sampleColumns(16), delimiter: "\t", encoding: "utf-8-bom" }, headerRow: 1 },
  {
    file: "wide_100_bom.csv",
    options: { columns: sampleColumns(100), delimiter: ",", encoding: "utf-8-bom", quoted: true, sampleRows: 3 },
    headerRow: 1,
  },
  { file: "wide_100_cp932.tsv", options: { columns: sampleColumns(100), delimiter: "\t", encoding: "cp932", sampleRows: 1 }, headerRow: 1 },
];

describe("yokogushi furusato portal inspect", () => {
  for (const c of CASES) {
    it(`header file CLI: --json prints exactly encoding, delimiter, headerRow, columnCount, columns, mapping — ${c.file}`, async () => {
      const run = await inspect(["inspect", sample(c.file, c.options), "--json"]);
      expect(run.code, run.stderr).toBe(0);
      const json = JSON.parse(run.stdout) as PortalInspectJson;
      expect(Object.keys(json)).toEqual(["encoding", "delimiter", "headerRow", "columnCount", "columns", "mapping"]);
      expect(json).toMatchObject({
        encoding: c.options.encoding,
        delimiter: c.options.delimiter,
        headerRow: c.headerRow,
        columnCount: c.options.columns.length,
        columns: c.options.columns,
      });
      expect(json.mapping).toHaveLength(c.options.columns.length);
      expect(json.mapping.slice(0, 4)).toEqual([
        { column: "返礼品コード", value: { field: "gift.code" }, label: "返礼品コード" },
        { column: "【必須】返礼品名", value: { expr: "default(listing.titleVariant, gift.title)" }, label: "返礼品名" },
        { column: "寄附金額（税込）", value: { field: "listing.donationAmount" }, label: "寄附金額" },
        { column: "提供事業者名", value: { field: "gift.supplierName" }, label: "提供事業者" },
      ]);
      expect(json.mapping[15]).toEqual({ column: "備考 ※社内用", value: null, label: null });
    });
  }

  it("header file CLI: prints a readable Japanese table without --json, with unmapped columns as 空欄で出力", async () => {
    const run = await inspect(["inspect", sample("title.csv", CASES[0].options)]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("文字コード: Shift_JIS（CP932）");
    expect(run.stdout).toContain("区切り文字: カンマ（,）");
    expect(run.stdout).toContain("見出し行: 2行目（上の1行はタイトル行として出力にもそのまま書きます）");
    expect(run.stdout).toContain("列数: 16");
    expect(run.stdout).toContain("   3  寄附金額（税込）  →  寄附金額（listing.donationAmount）");
    expect(run.stdout).toContain("  16  備考 ※社内用  →  空欄で出力");
  });

  it("header file CLI: explains its usage, a missing file and a file that is not a header file, in Japanese", async () => {
    expect(await inspect(["inspect"])).toMatchObject({ code: 2, stderr: expect.stringContaining("portal inspect") });
    expect(await inspect(["inspect", path.join(dir, "none.csv")])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("ファイルがありません"),
    });
    const xlsx = path.join(dir, "sheet.xlsx");
    writeFileSync(xlsx, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
    expect(await inspect(["inspect", xlsx])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("CSV（カンマ区切り）か TSV で保存"),
    });
  });

  it("header file CLI: runs as the yokogushi command (a real process)", { timeout: 120_000 }, async () => {
    const file = sample("real.tsv", CASES[3].options);
    const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ["--import", "tsx", "src/cli/main.ts", "furusato", "portal", "inspect", file, "--json"],
        { cwd: projectRoot, env: { ...process.env, LOG_LEVEL: "silent" } },
        (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ encoding: "cp932", delimiter: "\t", headerRow: 1, columnCount: 100 });
  });
});
