// Reads a 市町 file with the open-data pipeline. A small file is read on the spot (milliseconds); a large one in a
// worker thread with a heap of its own, so that the server keeps answering while it is parsed (and a file that
// exhausts the heap ends the worker, not the server). The worker hands the rows back in slices, one per turn of the
// event loop: receiving 50,000 rows at once would hold the server's thread for most of a second.
import { TabularFormatError } from "../../platform/tabular/errors";
import { WorkerOutOfMemory, WorkerThread } from "../../platform/workers/worker-thread";
import { readOpenData } from "./opendata/read-open-data";
import type { OpenDataReadOptions, OpenDataReadResult } from "./opendata/types";

export type ImportReadRequest =
  | { kind: "read"; bytes: Uint8Array; options: OpenDataReadOptions }
  | { kind: "items" | "problemRows"; from: number; count: number };

export type ImportReadReply =
  | { kind: "head"; head: Omit<OpenDataReadResult, "items" | "problemRows">; items: number; problemRows: number }
  | { kind: "slice"; rows: unknown[] }
  | { kind: "refused"; code: string; message: string };

/** Above this size a file is read in a worker thread (about 2,000 rows of a typical 観光施設 file). */
export const READ_ON_THE_SPOT_BYTES = 512 * 1024;
const WORKER = { name: "import-read-worker", source: new URL("./import-read-worker.ts", import.meta.url) };
const WORKER_HEAP_MB = 1024;
const SLICE_ROWS = 2_000;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

type Worker = WorkerThread<ImportReadRequest, ImportReadReply>;

async function slices<T>(worker: Worker, kind: "items" | "problemRows", total: number): Promise<T[]> {
  const rows: T[] = [];
  for (let from = 0; from < total; from += SLICE_ROWS) {
    const reply = await worker.call({ kind, from, count: SLICE_ROWS });
    if (reply.kind !== "slice") throw new Error(`unexpected reply from the open-data reader: ${reply.kind}`);
    for (const row of reply.rows) rows.push(row as T);
    await nextTurn();
  }
  return rows;
}

export async function readOpenDataFile(bytes: Uint8Array, options: OpenDataReadOptions): Promise<OpenDataReadResult> {
  if (bytes.length <= READ_ON_THE_SPOT_BYTES) return readOpenData(bytes, options);
  const worker: Worker = new WorkerThread(WORKER, { maxHeapMb: WORKER_HEAP_MB });
  try {
    const first = await worker.call({ kind: "read", bytes, options });
    if (first.kind === "refused") throw new TabularFormatError(first.code, first.message);
    if (first.kind !== "head") throw new Error(`unexpected reply from the open-data reader: ${first.kind}`);
    return {
      ...first.head,
      items: await slices(worker, "items", first.items),
      problemRows: await slices(worker, "problemRows", first.problemRows),
    };
  } catch (error) {
    if (error instanceof WorkerOutOfMemory)
      throw new TabularFormatError("table_too_large", "ファイルが大きすぎて読み取れません。ファイルを分けて取り込んでください。");
    throw error;
  } finally {
    await worker.close();
  }
}
