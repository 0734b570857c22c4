// `yokogushi furusato reference …` run as a real process against a new embedded database: load the published
// 総務省 現況調査 files (read from ../shared/data/furusato), then show 北九州市 令和2年度 as text and JSON.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lockDataDir } from "../server/db/data-dir-lock";
import { projectRoot } from "../server/paths";

const DATA = path.join(projectRoot, "..", "shared", "data", "furusato");
const present = existsSync(path.join(DATA, "donations"));
if (!present) console.warn(`[furusato-command.test] load/show skipped: ${DATA} is absent`);
const TIMEOUT = 180_000; // tsx start + PGlite initdb + parsing six workbooks on a busy 2-core machine
const dataDir = mkdtempSync(path.join(tmpdir(), "yk-cli-furusato-"));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], dir = dataDir): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, TZ: "Asia/Tokyo", LOG_LEVEL: "silent", DATA_DIR: dir, PUBLIC_URL: "", PORT: "3000" };
  delete env.DATABASE_URL;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "src/cli/main.ts", ...args],
      { cwd: projectRoot, env, maxBuffer: 20 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const lockedDir = mkdtempSync(path.join(tmpdir(), "yk-cli-furusato-locked-"));
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(lockedDir, { recursive: true, force: true });
});

describe("yokogushi furusato reference", () => {
  it("explains its usage and refuses a malformed 団体コード", { timeout: TIMEOUT }, async () => {
    const usage = await cli(["furusato", "reference"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("furusato reference load DIR");
    const badCode = await cli(["furusato", "reference", "show", "4010", "--year", "2020"]);
    expect(badCode.code).toBe(2);
    expect(badCode.stderr).toContain("6桁");
  });

  it.skipIf(!present)("loads the survey files, then shows 北九州市 令和2年度 as text and as JSON", { timeout: TIMEOUT }, async () => {
    const before = await cli(["furusato", "reference", "show", "401005", "--year", "2020"]);
    expect(before.code).toBe(1);
    expect(before.stderr).toContain("yokogushi furusato reference load");

    const load = await cli(["furusato", "reference", "load", DATA]);
    expect(load.code, load.stderr).toBe(0);
    expect(load.stdout).toContain("読み込みました: 23244行（13年度）");
    expect(load.stdout).toContain("令和2年度（2020年度） 1788団体 受入額 672,489,554,811円");
    expect(load.stdout).toContain("出典：総務省");

    const json = await cli(["furusato", "reference", "show", "401005", "--year", "2020", "--json"]);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      bodyCode: "401005",
      name: "北九州市",
      fiscalYear: 2020,
      donationCount: 65474,
      donationAmount: 1200666242,
      costTotal: 531893628,
      costRatio: 0.443,
    });

    const text = await cli(["furusato", "reference", "show", "401005", "--year", "令和2年度"]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain("受入件数 65,474件");
    expect(text.stdout).toContain("1,200,666,242円");
    expect(text.stdout).toContain("531,893,628円（受入額の44.3%）");
  });

  it("national figures without the command line: while a server holds the embedded database, load says what to do instead", {
    timeout: TIMEOUT,
  }, async () => {
    // This test process stands in for the running server: it holds the data-dir lock as the server does.
    const release = lockDataDir(lockedDir);
    try {
      const run = await cli(["furusato", "reference", "load", DATA], lockedDir);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain(`サーバー（pid ${process.pid}）がデータディレクトリ ${lockedDir} の組み込みデータベースを使用中です`);
      expect(run.stderr).toContain("管理画面「全国比較の参考データ」（http://localhost:3000/admin/furusato-reference）");
      expect(run.stderr).toContain("サーバーを停止してから、もう一度 yokogushi furusato reference load DIR を実行する");
    } finally {
      release();
    }
  });
});
