// `yokogushi region opendata inspect FILE [--json] [--dataset key]` (issue 17): on the pipeline's sample files, --json
// prints exactly encoding, dataset, headerGeneration, items, skipped and problems with the values read; without it a
// Japanese summary; usage (exit 2) and refusals (exit 1) in Japanese. One run is a real process.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { projectRoot } from "../server/paths";
import { type OpenDataInspectJson, runRegionCommand } from "./region-command";

const dir = mkdtempSync(path.join(tmpdir(), "yk-cli-region-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SAMPLES_DIR = path.join(projectRoot, "src/server/modules/region/opendata/samples");
const sample = (name: string) => path.join(SAMPLES_DIR, name);

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runRegionCommand(args, { log: (t) => out.push(t), error: (t) => err.push(t) });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

async function inspectJson(file: string, ...extra: string[]): Promise<OpenDataInspectJson> {
  const result = await run(["opendata", "inspect", file, "--json", ...extra]);
  expect(result.code, result.stderr).toBe(0);
  expect(result.stdout.split("\n")).toHaveLength(1);
  return JSON.parse(result.stdout) as OpenDataInspectJson;
}

describe("yokogushi region opendata inspect", () => {
  it("open-data CLI: --json on the Shift_JIS 推奨 template prints exactly the six keys with what was read", async () => {
    const json = await inspectJson(sample("401005_tourism.csv"));
    expect(Object.keys(json)).toEqual(["encoding", "dataset", "headerGeneration", "items", "skipped", "problems"]);
    expect(json.encoding).toBe("cp932");
    expect(json.dataset).toBe("tourism");
    expect(json.headerGeneration).toBe("recommended");
    expect(json.items.map((item) => [item.rowNumber, item.sourceId, item.municipalityCode, item.fields.名称])).toEqual([
      [3, "0001", "401005", "小倉城"],
      [6, "0002", "401005", "旧門司税関"],
      [8, "0004", "401005", "髙塔山公園"],
    ]);
    expect(Object.keys(json.items[0])).toEqual(["rowNumber", "sourceId", "municipalityCode", "fields", "notes"]);
    expect(json.items[0].fields).toMatchObject({
      開始時間: "09:00",
      利用可能曜日: "月;火;水;木;金;土;日",
      "料金（詳細）": "大人350円\n中高生200円\n小学生100円",
    });
    expect(json.items[1].notes).toEqual(["「全国地方公共団体コード」の「40100」: 5桁のコードにチェックデジットを補いました。（401005）"]);
    expect(json.skipped).toEqual([{ line: 1, reason: "表題行（見出しより前の、1つのセルだけの行）" }]);
    expect(json.problems.map((p) => [p.row, p.column, p.problem.code])).toEqual([
      [7, "緯度", "lat_lon_swapped"],
      [9, "利用可能曜日", "invalid_days"],
    ]);
    // each problem is exactly its row, its column and the named problem (a code for scripts, a message for people)
    expect(Object.keys(json.problems[0])).toEqual(["row", "column", "problem"]);
    expect(Object.keys(json.problems[0].problem)).toEqual(["code", "message"]);
    expect(json.problems[0].problem.message).toContain("入れ替わっている");
  });

  it("open-data CLI: the UTF-16 TSV and the template with 20 empty rows", async () => {
    const evacuation = await inspectJson(sample("403814_evacuation_space.txt"));
    expect([evacuation.encoding, evacuation.dataset, evacuation.headerGeneration]).toEqual(["utf-16le", "evacuation_space", "official"]);
    expect(evacuation.items.map((item) => item.sourceId)).toEqual(["1", "2"]);
    expect(evacuation.problems.map((p) => [p.row, p.column, p.problem.code])).toEqual([
      [5, "緯度", "required_missing"],
      [5, "経度", "required_missing"],
    ]);
    const template = await inspectJson(sample("406422_tourism.csv"));
    expect(template.encoding).toBe("utf-8-bom");
    expect(template.items).toHaveLength(2);
    expect(template.skipped.map((s) => s.line)).toEqual(Array.from({ length: 20 }, (_, i) => i + 4));
    expect(new Set(template.skipped.map((s) => s.reason))).toEqual(new Set(["空行（区切り文字だけの行）"]));
  });

  it("open-data CLI: header problems (Excel's 列1) come first, with the header's line", async () => {
    const json = await inspectJson(sample("402133_public_facility.csv"));
    expect(json.headerGeneration).toBe("base-registry");
    expect(json.problems.map((p) => [p.row, p.column, p.problem.code])).toEqual([
      [1, "列1", "placeholder_column"],
      [4, "全国地方公共団体コード", "municipality_code_check_digit"],
    ]);
  });

  it("open-data CLI: --dataset names the dataset of a file whose name does not", async () => {
    const renamed = path.join(dir, "kanko.csv");
    writeFileSync(renamed, "名称,住所,緯度,経度\r\n小倉城,福岡県北九州市小倉北区城内2-1,33.8845,130.8741\r\n");
    expect(await run(["opendata", "inspect", renamed, "--json"])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("どのデータセット（観光施設一覧・イベント一覧など）のファイルか判別できません"),
    });
    const json = await inspectJson(renamed, "--dataset", "tourism");
    expect(json.dataset).toBe("tourism");
    // no code column: the 市町 is the caller's; ID and 地方公共団体名 (◎) are missing
    expect(json.problems.map((p) => [p.row, p.column, p.problem.code])).toEqual([
      [2, "ID", "required_missing"],
      [2, "地方公共団体名", "required_missing"],
    ]);
  });

  it("open-data CLI: prints a readable Japanese summary without --json", async () => {
    const result = await run(["opendata", "inspect", sample("402044_event.csv")]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("文字コード: UTF-8（BOM付き）（区切り: カンマ）");
    expect(result.stdout).toContain("データセット: イベント一覧（event）");
    expect(result.stdout).toContain("見出し: 2行目、正式版（37列のうち37列を取り込み）");
    expect(result.stdout).toContain("取り込める行: 2件");
    expect(result.stdout).toContain("  1行目  コメント行（# で始まる行）");
    expect(result.stdout).toContain("問題: 3件（取り込めない行 3行）");
    expect(result.stdout).toContain("  7行目  ID  duplicate_id  ID「E0001」は3行目と同じです。");
  });

  it("open-data CLI: usage errors exit 2, a missing or refused file exits 1, in Japanese", async () => {
    expect(await run(["opendata"])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("使い方: yokogushi region opendata inspect"),
    });
    expect(await run(["opendata", "inspect", sample("402044_event.csv"), "--dataset", "hotels"])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("--dataset に指定できるのは tourism、event"),
    });
    expect(await run(["opendata", "inspect", "--bogus", "x.csv"])).toMatchObject({ code: 2 });
    expect(await run(["opendata", "inspect", path.join(dir, "none.csv")])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("ファイルがありません"),
    });
    const xlsx = path.join(dir, "401005_tourism.xlsx");
    writeFileSync(xlsx, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]));
    expect(await run(["opendata", "inspect", xlsx])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("Excel などのファイル（.xlsx）は読み込めません"),
    });
  });

  it("open-data CLI: runs as the yokogushi command (a real process)", { timeout: 120_000 }, async () => {
    const result = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ["--import", "tsx", "src/cli/main.ts", "region", "opendata", "inspect", sample("402150_event.csv"), "--json"],
        { cwd: projectRoot, env: { ...process.env, LOG_LEVEL: "silent" } },
        (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as OpenDataInspectJson;
    expect(json).toMatchObject({ encoding: "utf-8", dataset: "event", headerGeneration: "recommended", skipped: [], problems: [] });
    expect(json.items.map((item) => [item.sourceId, item.fields.開始日, item.fields.地方公共団体名])).toEqual([
      ["001", "2026-10-10", "福岡県中間市"],
      ["002", "2026-08-01", "福岡県中間市"],
    ]);
  });
});
