// Reads an uploaded table in a worker thread. Parsing a 20 MB CSV or a large workbook takes seconds of CPU; done on
// the thread that answers HTTP it froze the server (/api/health unanswered for 14 s), so it happens in a worker, which
// also gets its own heap limit: a file that still manages to exhaust it ends that worker, not the server.
// The rows come back in slices, one per turn of the event loop, so receiving them never blocks for long either.
import { WorkerOutOfMemory, WorkerThread } from "../workers/worker-thread.js";
import type { TextEncodingName } from "./decode.js";
import { TabularFormatError } from "./errors.js";
import { XLSX_LIMITS, type XlsxLimits } from "./limits.js";
import type { Table } from "./table.js";

export type TableFormat = "csv" | "tsv" | "xlsx";

export type TableReadRequest = { kind: "read"; format: TableFormat; bytes: Uint8Array; limits: XlsxLimits } | { kind: "next" };

export type TableReadReply =
  | { kind: "header"; header: string[]; total: number; encoding?: TextEncodingName }
  | { kind: "rows"; rows: string[][]; rowNumbers: number[] }
  | { kind: "done" }
  | { kind: "refused"; code: string; message: string };

export interface TableReadResult extends Table {
  rowNumbers: number[];
  /** the text encoding found in a CSV/TSV (absent for .xlsx) */
  encoding?: TextEncodingName;
}

/** The stored upload's type (checked at upload) and name decide how it is read. */
export function tableFormat(name: string, mimeType: string): TableFormat {
  if (mimeType.includes("spreadsheetml")) return "xlsx";
  return name.toLowerCase().endsWith(".tsv") ? "tsv" : "csv";
}

const READ_WORKER = { name: "table-read-worker", source: new URL("./table-read-worker.ts", import.meta.url) };
/** Heap of one reading worker: far above what XLSX_LIMITS lets a file need, far below what would hurt the server. */
const WORKER_HEAP_MB = 1024;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function readTable(format: TableFormat, bytes: Uint8Array, limits: XlsxLimits = XLSX_LIMITS): Promise<TableReadResult> {
  const worker = new WorkerThread<TableReadRequest, TableReadReply>(READ_WORKER, { maxHeapMb: WORKER_HEAP_MB });
  try {
    const first = await worker.call({ kind: "read", format, bytes, limits });
    if (first.kind === "refused") throw new TabularFormatError(first.code, first.message);
    if (first.kind !== "header") throw new Error(`unexpected reply from the table reader: ${first.kind}`);
    const result: TableReadResult = { header: first.header, rows: [], rowNumbers: [] };
    if (first.encoding) result.encoding = first.encoding;
    // Ask for the next slice only after this one is stored and the event loop has had its turn.
    for (;;) {
      await nextTurn();
      const slice = await worker.call({ kind: "next" });
      if (slice.kind !== "rows") break;
      for (const row of slice.rows) result.rows.push(row);
      for (const n of slice.rowNumbers) result.rowNumbers.push(n);
    }
    return result;
  } catch (error) {
    if (error instanceof WorkerOutOfMemory)
      throw new TabularFormatError(
        "table_too_large",
        "ファイルが大きすぎて読み取れません。行を減らすか、ファイルを分けて取り込んでください。",
      );
    throw error;
  } finally {
    await worker.close();
  }
}
