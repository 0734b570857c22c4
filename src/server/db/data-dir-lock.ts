// PGlite takes no lock on its data directory, and two processes writing one directory corrupt it.
// The server therefore holds a lock for as long as it has the directory open and refuses to start when another live
// process holds it. A lock left by a process that is gone is taken over.
//
// Why this shape (issue 11, finding 5): the earlier pid file was taken over by read-remove-create, so two processes
// starting together could both end up holding it. Node has no flock/fcntl, and the npm packages that offer one need a
// native build; so the lock is built from the two operations the kernel does atomically, rename and its refusal to
// rename a directory onto a non-empty one:
//
//   DATA_DIR/yokogushi.lock/<pid>-<nonce>/     the lock: a directory holding one entry that names its holder
//
// - Taking: a private directory that already holds our entry is renamed to yokogushi.lock. rename(2) succeeds only
//   when yokogushi.lock is absent or empty, so of any number of processes exactly one succeeds, and the lock never
//   exists without its holder's pid in it (no window where a half-written pid file looks stale).
// - Taking over: a dead holder's own entry, yokogushi.lock/<pid>-<nonce>, is renamed away. Its path names that holder,
//   so a process that saw the stale lock a moment ago can only ever remove that stale entry, never a fresh lock taken
//   since (which has another nonce); of several processes renaming the same entry one wins, the others find it gone.
//   The emptied directory is then taken by the rename above, again by exactly one process.
import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync } from "node:fs";
import path from "node:path";

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `データディレクトリ ${dataDir} は別のプロセス (pid ${pid}) が使用中です。そのプロセスを停止するか、別の DATA_DIR を指定してください。`,
    );
  }
}

const LOCK = "yokogushi.lock";
/** the pid file of versions before the lock directory: still honoured while its process lives */
const LEGACY_PID_FILE = "yokogushi.pid";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code;

/** "<pid>-<nonce>" → pid; anything else (not ours) → null */
function pidOfEntry(entry: string): number | null {
  const match = /^(\d+)-[0-9a-f]+$/.exec(entry);
  return match ? Number(match[1]) : null;
}

function entriesOf(lock: string): string[] {
  try {
    return readdirSync(lock);
  } catch (error) {
    if (codeOf(error) === "ENOENT" || codeOf(error) === "ENOTDIR") return [];
    throw error;
  }
}

/** Moves `from` to a name of its own and deletes it; someone else having moved it first is just as good. */
function discard(from: string, dataDir: string, suffix: string): void {
  const grave = path.join(dataDir, `${LOCK}.gone-${suffix}-${randomBytes(4).toString("hex")}`);
  try {
    renameSync(from, grave);
  } catch (error) {
    if (codeOf(error) === "ENOENT") return;
    throw error;
  }
  rmSync(grave, { recursive: true, force: true });
}

function refuseLegacyHolder(dataDir: string): void {
  let text: string;
  try {
    text = readFileSync(path.join(dataDir, LEGACY_PID_FILE), "utf8");
  } catch (error) {
    if (codeOf(error) === "ENOENT") return;
    throw error;
  }
  const pid = Number.parseInt(text, 10);
  if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) throw new DataDirLockedError(dataDir, pid);
}

/** Leftovers of processes that died while taking or giving up the lock (their staging and discarded entries). */
function sweepLeftovers(dataDir: string): void {
  for (const name of readdirSync(dataDir)) {
    const match = /^yokogushi\.lock\.(?:new|gone)-(\d+)-/.exec(name);
    if (match && !isAlive(Number(match[1]))) rmSync(path.join(dataDir, name), { recursive: true, force: true });
  }
}

/** Takes the lock; returns the function that releases it. Throws DataDirLockedError when a live process holds it. */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  refuseLegacyHolder(dataDir);
  const lock = path.join(dataDir, LOCK);
  const entry = `${process.pid}-${randomBytes(8).toString("hex")}`;
  const staging = path.join(dataDir, `${LOCK}.new-${entry}`);
  mkdirSync(path.join(staging, entry), { recursive: true });
  try {
    // Each turn either takes the lock, meets a live holder, or removes a dead one: a few turns at most.
    for (let turn = 0; turn < 100; turn++) {
      try {
        renameSync(staging, lock);
        sweepLeftovers(dataDir);
        return releaser(dataDir, lock, entry);
      } catch (error) {
        if (codeOf(error) !== "ENOTEMPTY" && codeOf(error) !== "EEXIST") throw error;
      }
      for (const held of entriesOf(lock)) {
        const pid = pidOfEntry(held);
        // Our own pid in someone else's entry can only be a dead process's, whose pid the system gave us again.
        if (pid !== null && pid !== process.pid && isAlive(pid)) throw new DataDirLockedError(dataDir, pid);
        discard(path.join(lock, held), dataDir, entry);
      }
    }
    throw new Error(`could not lock ${dataDir}`);
  } finally {
    rmSync(staging, { recursive: true, force: true }); // still there only when the lock was not taken
  }
}

function releaser(dataDir: string, lock: string, entry: string): () => void {
  let released = false;
  return () => {
    if (released) return;
    released = true;
    discard(path.join(lock, entry), dataDir, entry);
    try {
      rmdirSync(lock); // empty now, unless another process has already taken it
    } catch {
      // taken meanwhile, or gone: either way not ours
    }
  };
}
