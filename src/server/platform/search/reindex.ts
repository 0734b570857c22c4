// Rebuilds the search index of every registered module: CLI `search reindex`, and the administrators' job.
import type { Db } from "../../db/database";
import { registerJobHandler } from "../jobs/jobs";
import { searchModules } from "./search";

export const REINDEX_JOB = "search.reindex";

export async function reindexAll(db: Db, onProgress?: (done: number, total: number, label: string) => Promise<void>): Promise<number> {
  const modules = searchModules();
  let count = 0;
  for (const [index, module] of modules.entries()) {
    if (module.reindex) count += await module.reindex(db);
    await onProgress?.(index + 1, modules.length, module.label);
  }
  return count;
}

export function registerReindexJob(): void {
  registerJobHandler(REINDEX_JOB, async (_data, { db, progress }) => {
    const count = await reindexAll(db, (done, total, label) => progress(done, total, `${label} の索引を作り直しました`));
    return { indexed: count };
  });
}
