// The lock that keeps two processes from opening one PGlite data directory (which would corrupt it).
import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";
import { buildSync } from "esbuild";
import { afterAll, afterEach, describe, expect, it } from "vitest";
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
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

// The children load the lock code compiled to plain JavaScript: twenty processes starting through tsx took 13 s on a
// busy two-core machine, plain node a fraction of that.
const compiledDir = mkdtempSync(path.join(tmpdir(), "yk-lock-code-"));
afterAll(() => rmSync(compiledDir, { recursive: true, force: true }));
const compiledLock = path.join(compiledDir, "data-dir-lock.mjs");
buildSync({
  entryPoints: [path.join(projectRoot, "src/server/db/data-dir-lock.ts")],
  outfile: compiledLock,
  bundle: true,
  platform: "node",
  format: "esm",
  logLevel: "warning",
});
const LOCK_MODULE = JSON.stringify(pathToFileURL(compiledLock).href);

interface Reply {
  dir?: string;
  ok?: boolean;
  locked?: boolean;
  pid?: number;
  message?: string;
  ready?: boolean;
}

/**
 * A process that takes and releases locks through the same code when told to on stdin (one JSON line per command),
 * and answers one JSON line each. Told `["lock", dir, at]`, it waits until the clock reads `at` and then tries, so
 * that all the processes of a test try within the same millisecond or so.
 */
class LockProcess {
  readonly child: ChildProcess;
  private readonly waiting: ((reply: Reply) => void)[] = [];

  constructor() {
    const script = `import { createInterface } from "node:readline";
import { DataDirLockedError, lockDataDir } from ${LOCK_MODULE};
const held = new Map();
const say = (reply) => process.stdout.write(JSON.stringify(reply) + "\\n");
createInterface({ input: process.stdin }).on("line", (line) => {
  const [command, dir, at] = JSON.parse(line);
  if (command === "lock") {
    const attempt = () => {
      while (Date.now() < at) {} // the last millisecond or two, to start together
      try {
        held.set(dir, lockDataDir(dir));
        say({ dir, ok: true });
      } catch (error) {
        say({ dir, ok: false, locked: error instanceof DataDirLockedError, pid: error.pid, message: error.message });
      }
    };
    setTimeout(attempt, Math.max(0, at - Date.now() - 2));
  } else if (command === "release") {
    held.get(dir)?.();
    held.delete(dir);
    say({ dir });
  }
});
say({ ready: true });`;
    this.child = spawn(process.execPath, ["--input-type=module", "-e", script], {
      cwd: projectRoot,
      stdio: ["pipe", "pipe", "pipe"],
    });
    children.push(this.child);
    let stderr = "";
    this.child.stderr?.on("data", (chunk) => (stderr += chunk));
    createInterface({ input: this.child.stdout! }).on("line", (line) => this.waiting.shift()?.(JSON.parse(line)));
    this.child.on("exit", (code) => {
      for (const waiter of this.waiting.splice(0)) waiter({ message: `exited (${code}): ${stderr}` });
    });
  }

  private next(): Promise<Reply> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  ready(): Promise<Reply> {
    return this.next();
  }

  send(command: unknown[]): Promise<Reply> {
    const reply = this.next();
    this.child.stdin?.write(`${JSON.stringify(command)}\n`);
    return reply;
  }
}

/** Another process that takes the lock and keeps running until killed. */
async function holdLockInChild(dir: string): Promise<LockProcess> {
  const holder = new LockProcess();
  await holder.ready();
  const reply = await holder.send(["lock", dir, 0]);
  if (!reply.ok) throw new Error(`lock holder could not lock: ${reply.message}`);
  return holder;
}

/** A data directory whose lock was taken by a process that was then killed (SIGKILL: it released nothing). */
async function dirLeftLockedByKilledProcess(): Promise<string> {
  const dir = tempDir();
  const holder = await holdLockInChild(dir);
  holder.child.kill("SIGKILL");
  await new Promise((resolve) => holder.child.once("exit", resolve));
  return dir;
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
    expect((error as DataDirLockedError).pid).toBe(holder.child.pid);
    expect((error as Error).message).toContain(`pid ${holder.child.pid}`);
    expect((error as Error).message).toContain("別のプロセス");
    expect((error as Error).message).toContain(dir);
    // the holder's lock is left alone: asked again, it still refuses
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
  });

  it("takes over a lock left by a process that was killed", { timeout: 60_000 }, async () => {
    const dir = await dirLeftLockedByKilledProcess();
    const release = lockDataDir(dir);
    const other = new LockProcess();
    await other.ready();
    expect(await other.send(["lock", dir, 0])).toMatchObject({ ok: false, locked: true, pid: process.pid });
    release();
    expect(await other.send(["lock", dir, 0])).toMatchObject({ ok: true });
  });

  it("honours the pid file of an older version while its process lives, and ignores it once gone", { timeout: 60_000 }, async () => {
    const dir = tempDir();
    const older = new LockProcess();
    await older.ready();
    writeFileSync(path.join(dir, "yokogushi.pid"), String(older.child.pid));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    older.child.kill("SIGKILL");
    await new Promise((resolve) => older.child.once("exit", resolve));
    lockDataDir(dir)();
  });

  it("releasing leaves nothing behind, so the next process can start", () => {
    const dir = tempDir();
    const release = lockDataDir(dir);
    expect(readdirSync(dir)).toEqual(["yokogushi.lock"]);
    expect(() => lockDataDir(path.join(dir, "other"))).not.toThrow(); // another directory is another lock
    release();
    expect(readdirSync(dir).filter((name) => name.startsWith("yokogushi"))).toEqual([]);
    release(); // twice is harmless
    const again = lockDataDir(dir);
    expect(existsSync(path.join(dir, "yokogushi.lock"))).toBe(true);
    again();
  });

  it("creates a data directory that does not exist yet", () => {
    const dir = path.join(tempDir(), "nested", "data");
    const release = lockDataDir(dir);
    expect(existsSync(path.join(dir, "yokogushi.lock"))).toBe(true);
    release();
  });

  it("finding 5: of 20 processes trying at once, exactly one takes the lock (20 trials each, with and without a stale lock)", {
    timeout: 120_000,
  }, async () => {
    const racers = Array.from({ length: 20 }, () => new LockProcess());
    await Promise.all(racers.map((racer) => racer.ready()));
    const stale = await dirLeftLockedByKilledProcess();
    const root = tempDir();
    const doubleLocks: string[] = [];
    for (let trial = 0; trial < 40; trial++) {
      const withStaleLock = trial % 2 === 1;
      const dir = path.join(root, `trial-${trial}`);
      if (withStaleLock) cpSync(stale, dir, { recursive: true });
      else mkdirSync(dir);
      const at = Date.now() + 30;
      const replies = await Promise.all(racers.map((racer) => racer.send(["lock", dir, at])));
      const winners = racers.filter((_, i) => replies[i].ok);
      if (winners.length !== 1) doubleLocks.push(`trial ${trial} (stale lock: ${withStaleLock}): ${winners.length} holders`);
      else {
        for (const reply of replies.filter((r) => !r.ok)) {
          expect(reply).toMatchObject({ locked: true, pid: winners[0].child.pid });
          expect(reply.message).toContain(`別のプロセス (pid ${winners[0].child.pid}) が使用中です`);
        }
      }
      await Promise.all(winners.map((winner) => winner.send(["release", dir])));
    }
    expect(doubleLocks).toEqual([]);
  });
});
