// Rebuilds the search index of every registered module (CLI `search reindex`, and the admin job).
import type { Db } from "../../db/database";
import { searchModules } from "./search";

export async function reindexAll(db: Db, onProgress?: (done: number, total: number, label: string) => Promise<void>): Promise<number> {
  const modules = searchModules();
  let count = 0;
  for (const [index, module] of modules.entries()) {
    if (module.reindex) count += await module.reindex(db);
    await onProgress?.(index + 1, modules.length, module.label);
  }
  return count;
}
