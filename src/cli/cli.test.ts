// The operator's command line, run as a real process: parse the policy text, import it into an embedded database,
// and take a backup and restore it.
import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../server/db/open";
import { projectRoot } from "../server/paths";
import { buildPolicyDocx } from "../server/testing/policy-docx-fixture";

const SEED = "src/server/modules/policy/demo/sample-policy.txt";
const TIMEOUT = 120_000; // each CLI run starts tsx and opens PGlite; a busy 2-core machine is slow
const dirs: string[] = [];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(args: string[], dataDir?: string): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, TZ: "Asia/Tokyo", LOG_LEVEL: "silent" };
  delete env.DATABASE_URL;
  if (dataDir) env.DATA_DIR = dataDir;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "src/cli/main.ts", ...args],
      { cwd: projectRoot, env, maxBuffer: 20 * 1024 * 1024 },
      (error, stdout, stderr) => {
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "yk-cli-"));
  dirs.push(dir);
  return dir;
}

async function withDb<T>(dataDir: string, fn: (db: Awaited<ReturnType<typeof openDatabase>>["db"]) => Promise<T>): Promise<T> {
  const { db, close } = await openDatabase({ dataDir, databaseUrl: null });
  try {
    return await fn(db);
  } finally {
    await close();
  }
}

const countDocuments = (dataDir: string) =>
  withDb(dataDir, async (db) => {
    const { rows } = await db.query<{ fiscal_year: number; challenges: number }>(
      `SELECT d.fiscal_year, (SELECT count(*)::int FROM policy_challenges c WHERE c.document_id = d.id) AS challenges
         FROM policy_documents d ORDER BY d.fiscal_year`,
    );
    return rows;
  });

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("yokogushi policy parse", () => {
  it("prints the seed document as JSON: 10 challenges with ①–④ and ⑤ as of 2024-11-30", { timeout: TIMEOUT }, async () => {
    const run = await cli(["policy", "parse", SEED, "--json"]);
    expect(run.code, run.stderr).toBe(0);
    const { document, issues } = JSON.parse(run.stdout);
    expect(document.challenges).toHaveLength(10);
    for (const c of document.challenges) {
      for (const field of ["name", "content", "background", "approach"])
        expect(c[field].trim().length, `${c.code} ${field}`).toBeGreaterThan(0);
      expect(c.progress[0].asOf, c.code).toBe("2024-11-30");
    }
    expect(issues.filter((i: { severity: string }) => i.severity === "error")).toEqual([]);
  });

  it("issue 12: parse FILE.docx --json gives the 10 challenges dated 2024-11-30, as the same document saved as text", {
    timeout: 2 * TIMEOUT,
  }, async () => {
    const dir = tempDir();
    const docx = path.join(dir, "局区方針.docx");
    writeFileSync(docx, await buildPolicyDocx(readFileSync(path.join(projectRoot, SEED), "utf8")));
    const [fromWord, fromText] = [await cli(["policy", "parse", docx, "--json"]), await cli(["policy", "parse", SEED, "--json"])];
    expect(fromWord.code, fromWord.stderr).toBe(0);
    const word = JSON.parse(fromWord.stdout);
    const text = JSON.parse(fromText.stdout);
    expect(word.document.challenges).toHaveLength(10);
    expect(word.document.challenges.map((c: { progress: { asOf: string }[] }) => c.progress[0].asOf)).toEqual(Array(10).fill("2024-11-30"));
    expect(word.document).toEqual(text.document);
    // line numbers count the text read from Word, which lacks the two blank lines the seed file begins with
    expect(word.issues).toEqual(text.issues.map((i: { line?: number }) => ({ ...i, line: (i.line ?? 0) - 2 })));

    // --text shows the text read from Word, where those line numbers point
    const shown = await cli(["policy", "parse", docx, "--text"]);
    expect(shown.stdout.split("\n")[word.issues[0].line - 1]).toBe("・各局の施策・事業が効果的に作用するよう、横串機能を発揮");

    // Word is recognised by its content, whatever the file is called; a broken one gets a clear message
    const renamed = path.join(dir, "policy.txt");
    copyFileSync(docx, renamed);
    expect(JSON.parse((await cli(["policy", "parse", renamed, "--json"])).stdout).document).toEqual(text.document);
    const broken = path.join(dir, "broken.docx");
    writeFileSync(broken, readFileSync(docx).subarray(0, 4000));
    const refused = await cli(["policy", "parse", broken]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("Word 文書（.docx）として読み取れません");
  });

  it("fails with a non-zero exit for a file that is not there", { timeout: TIMEOUT }, async () => {
    const run = await cli(["policy", "parse", "no/such/file.txt"]);
    expect(run.code).not.toBe(0);
  });
});

describe("yokogushi policy import, backup and restore", () => {
  const dataDir = tempDir();
  const backupFile = path.join(tempDir(), "backup.jsonl.gz");

  it("migrates a new data directory, then imports the seed for the bureau by its code and 令和 year", { timeout: TIMEOUT }, async () => {
    const migrated = await cli(["migrate"], dataDir);
    expect(migrated.code, migrated.stderr).toBe(0);
    expect(migrated.stdout).toContain("0002_policy");
    await withDb(dataDir, async (db) => {
      const city = await db.query<{ id: string }>(
        "INSERT INTO organisations (kind, name) VALUES ('municipality', 'テスト市') RETURNING id",
      );
      await db.query("INSERT INTO organisations (parent_id, kind, name, code) VALUES ($1, 'bureau', '政策局', 'seisaku')", [
        city.rows[0].id,
      ]);
    });

    const imported = await cli(["policy", "import", SEED, "--bureau", "seisaku", "--year", "令和6年度"], dataDir);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain("課題 10 件");
    expect(await countDocuments(dataDir)).toEqual([{ fiscal_year: 2024, challenges: 10 }]);
    const audit = await withDb(dataDir, (db) =>
      db.query<{ actor_label: string }>("SELECT actor_label FROM audit_log WHERE action = 'import'"),
    );
    expect(audit.rows).toEqual([{ actor_label: "CLI" }]);

    const again = await cli(["policy", "import", SEED, "--bureau", "seisaku", "--year", "2024"], dataDir);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("既に登録されています");
    const unknown = await cli(["policy", "import", SEED, "--bureau", "nosuch", "--year", "2024"], dataDir);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("局が見つかりません");
    expect(await countDocuments(dataDir)).toEqual([{ fiscal_year: 2024, challenges: 10 }]);
  });

  it("backs up, and restore --force brings the data back to the backup's state", { timeout: 2 * TIMEOUT }, async () => {
    const backup = await cli(["backup", backupFile], dataDir);
    expect(backup.code, backup.stderr).toBe(0);
    expect(statSync(backupFile).size).toBeGreaterThan(1000);

    // a change after the backup
    const later = await cli(["policy", "import", SEED, "--bureau", "政策局", "--year", "2025"], dataDir);
    expect(later.code, later.stderr).toBe(0);
    expect(await countDocuments(dataDir)).toEqual([
      { fiscal_year: 2024, challenges: 10 },
      { fiscal_year: 2025, challenges: 10 },
    ]);

    const refused = await cli(["restore", backupFile], dataDir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("--force");
    expect(await countDocuments(dataDir)).toHaveLength(2);

    const restored = await cli(["restore", backupFile, "--force"], dataDir);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toContain("policy_challenges 10件");
    expect(await countDocuments(dataDir)).toEqual([{ fiscal_year: 2024, challenges: 10 }]);
  });
});
