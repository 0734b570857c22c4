// `yokogushi kintone inspect FILE [--json]` (issue 15): the sample exports give exactly the five keys with their
// values, the bad-row sample its problem and row, a readable Japanese summary without --json, and the exit codes:
// 0 when read (problems or not), 1 when the file cannot be read, 2 on a usage error. One run is a real process.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { projectRoot } from "../server/paths";
import { runKintoneCommand } from "./kintone-command";

const dir = mkdtempSync(path.join(tmpdir(), "yk-cli-kintone-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SAMPLES = path.join(projectRoot, "src/server/modules/international/kintone/samples");
const sample = (file: string) => path.join(SAMPLES, file);

async function inspect(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runKintoneCommand(args, { userId: null, label: "試験" }, { log: (t) => out.push(t), error: (t) => err.push(t) });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

describe("yokogushi kintone inspect", () => {
  it("--json prints exactly encoding, headerKind, records, subtables, problems for a sample export", async () => {
    const run = await inspect(["inspect", sample("sample-projects-names-cp932.csv"), "--json"]);
    expect(run.code, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(Object.keys(json)).toEqual(["encoding", "headerKind", "records", "subtables", "problems"]);
    expect(json).toEqual({
      encoding: "cp932",
      headerKind: "names",
      records: 8,
      subtables: [
        { name: "国 ほか", rows: 13 },
        { name: "年度 ほか", rows: 13 },
      ],
      problems: [],
    });
    const trips = JSON.parse((await inspect(["inspect", sample("sample-trips-codes-cp932.csv"), "--json"])).stdout);
    expect(trips).toEqual({
      encoding: "cp932",
      headerKind: "codes",
      records: 6,
      subtables: [
        { name: "itinerary", rows: 13 },
        { name: "costs", rows: 16 },
      ],
      problems: [],
    });
  });

  it("--json names the bad row's Excel row and column, in Japanese, and still exits 0", async () => {
    const run = await inspect(["inspect", sample("sample-projects-bad-row.csv"), "--json"]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({ encoding: "utf-8-bom", headerKind: "codes", records: 8 });
    expect(json.problems).toEqual([
      {
        row: 9,
        column: "project_name",
        problem: "同じレコードの続きの行なのに「project_name」の値が最初の行（8行目）と違います（テキストエディタでは34行目）",
      },
    ]);
  });

  it("prints a readable Japanese summary without --json", async () => {
    const run = await inspect(["inspect", sample("sample-trips-names-utf8.csv")]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("文字コード: UTF-8（BOMなし）");
    expect(run.stdout).toContain("見出し: フィールド名");
    expect(run.stdout).toContain("レコード数: 6");
    expect(run.stdout).toContain("  訪問日 ほか: 13行（見出しに表名がないため行の並びから判断。取込設定で直せます）");
    expect(run.stdout).toContain("    項目: 訪問日、国、都市、訪問先、面会者、訪問目的");
    expect(run.stdout).toContain("問題: なし");
    const bad = await inspect(["inspect", sample("sample-projects-bad-row.csv")]);
    expect(bad.stdout).toContain("問題: 1件（行は Excel で開いたときの行番号）");
    expect(bad.stdout).toContain("  9行目「project_name」: 同じレコードの続きの行なのに");
  });

  it("exits 2 on a usage error and 1 with a Japanese message when the file cannot be read", async () => {
    expect(await inspect(["inspect"])).toMatchObject({ code: 2, stderr: expect.stringContaining("kintone inspect") });
    expect(await inspect(["show", "x.csv"])).toMatchObject({ code: 2 });
    // import names the app it fills
    expect(await inspect(["import", "x.csv"])).toMatchObject({ code: 2, stderr: expect.stringContaining("--app projects|trips") });
    expect(await inspect(["import", "x.csv", "--app", "groups"])).toMatchObject({ code: 2 });
    expect(await inspect(["inspect", "x.csv", "--verbose"])).toMatchObject({ code: 2 });
    expect(await inspect(["inspect", path.join(dir, "none.csv")])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("ファイルがありません"),
    });
    const binary = path.join(dir, "binary.csv");
    writeFileSync(binary, Buffer.from([0x82, 0xa0, 0xff, 0xfe, 0x80, 0x81, 0xfd]));
    expect(await inspect(["inspect", binary])).toMatchObject({ code: 1, stderr: expect.stringContaining("文字コードを判別できません") });
    const unclosed = path.join(dir, "unclosed.csv");
    writeFileSync(unclosed, '*,record_no\r\n*,"1\r\n');
    expect(await inspect(["inspect", unclosed, "--json"])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("CSVを読み取れません"),
    });
    const empty = path.join(dir, "empty.csv");
    writeFileSync(empty, "");
    expect(await inspect(["inspect", empty])).toMatchObject({ code: 1, stderr: expect.stringContaining("見出し行がありません") });
  });

  it("runs as the yokogushi command (a real process)", { timeout: 120_000 }, async () => {
    const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ["--import", "tsx", "src/cli/main.ts", "kintone", "inspect", sample("sample-projects-codes-utf8bom.csv"), "--json"],
        { cwd: projectRoot, env: { ...process.env, LOG_LEVEL: "silent" } },
        (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      encoding: "utf-8-bom",
      headerKind: "codes",
      records: 8,
      subtables: [
        { name: "partners", rows: 13 },
        { name: "budgets", rows: 13 },
      ],
      problems: [],
    });
  });
});
