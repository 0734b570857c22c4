// The pid-file lock that keeps two processes from opening one PGlite data directory (which would corrupt it).
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { projectRoot } from "../paths";
import { DataDirLockedError, lockDataDir } from "./data-dir-lock";

const dirs: string[] = [];
const children: ChildProcess[] = [];

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "yk-lock-"));
  dirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.pid) process.kill(child.pid, "SIGKILL");
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Another process that takes the lock through the same code and keeps running. */
async function holdLockInChild(dir: string): Promise<ChildProcess> {
  const script = `import { lockDataDir } from ${JSON.stringify(path.join(projectRoot, "src/server/db/data-dir-lock.ts"))};
lockDataDir(${JSON.stringify(dir)}); console.log("locked"); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    cwd: projectRoot,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    let err = "";
    child.stderr?.on("data", (d) => (err += d));
    child.stdout?.on("data", (d) => String(d).includes("locked") && resolve());
    child.on("exit", (code) => reject(new Error(`lock holder exited (${code}): ${err}`)));
  });
  return child;
}

describe("data directory lock", () => {
  it("refuses a second process with a Japanese message naming the holder's pid", { timeout: 60_000 }, async () => {
    const dir = tempDir();
    const holder = await holdLockInChild(dir);
    let error: unknown;
    try {
      lockDataDir(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataDirLockedError);
    expect((error as DataDirLockedError).pid).toBe(holder.pid);
    expect((error as Error).message).toContain(`pid ${holder.pid}`);
    expect((error as Error).message).toContain("別のプロセス");
    expect((error as Error).message).toContain(dir);
    // the holder's pid file is left alone
    expect(readFileSync(path.join(dir, "yokogushi.pid"), "utf8")).toBe(String(holder.pid));
  });

  it("takes over a pid file left by a process that is gone", () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    const deadPid = Number(dead.stdout);
    expect(deadPid).toBeGreaterThan(0);
    writeFileSync(path.join(dir, "yokogushi.pid"), String(deadPid));
    const release = lockDataDir(dir);
    expect(readFileSync(path.join(dir, "yokogushi.pid"), "utf8")).toBe(String(process.pid));
    release();
  });

  it("releasing removes the pid file, so the next process can start", () => {
    const dir = tempDir();
    const release = lockDataDir(dir);
    const file = path.join(dir, "yokogushi.pid");
    expect(existsSync(file)).toBe(true);
    release();
    expect(existsSync(file)).toBe(false);
    release(); // twice is harmless
    const again = lockDataDir(dir);
    expect(existsSync(file)).toBe(true);
    again();
  });

  it("creates a data directory that does not exist yet", () => {
    const dir = path.join(tempDir(), "nested", "data");
    const release = lockDataDir(dir);
    expect(existsSync(path.join(dir, "yokogushi.pid"))).toBe(true);
    release();
  });
});
