// Reads an uploaded table in a worker thread. Parsing a 20 MB CSV or a large workbook takes seconds of CPU; done on
// the thread that answers HTTP it froze the server (/api/health unanswered for 14 s), so it happens in a worker, which
// also gets its own heap limit: a file that still manages to exhaust it ends that worker, not the server.
// The rows come back in slices, one per turn of the event loop, so receiving them never blocks for long either.
// A CSV/TSV is fed to the worker a megabyte at a time (a copy of that megabyte, moved, not the file), so a large file
// is held once, by its owner. openTable hands the slices on as they come (a caller that maps and stores each slice
// holds one at a time); while the caller works on one slice, the worker already parses the next. readTable gathers
// them into one table.
import { WorkerOutOfMemory, WorkerThread } from "../workers/worker-thread.js";
import { CSV_CHUNK_BYTES } from "./csv-stream.js";
import { detectEncoding, type TextEncodingName } from "./decode.js";
import { TabularFormatError } from "./errors.js";
import { XLSX_LIMITS, type XlsxLimits } from "./limits.js";
import type { Table } from "./table.js";

export type TableFormat = "csv" | "tsv" | "xlsx";

/** An .xlsx is sent whole (`read`, then `next` per slice); a CSV/TSV is set up (`parse`) and fed chunk by chunk. */
export type TableReadRequest =
  | { kind: "read"; format: "xlsx"; bytes: Uint8Array; limits: XlsxLimits }
  | { kind: "next" }
  | { kind: "parse"; encoding: TextEncodingName; delimiter: "," | "\t" }
  | { kind: "feed"; chunk: Uint8Array | null };

export type TableReadReply =
  | { kind: "header"; header: string[] }
  | { kind: "rows"; rows: string[][]; rowNumbers: number[] }
  | { kind: "done" }
  | { kind: "parsing" }
  | { kind: "parsed"; header: string[] | null; rows: string[][]; rowNumbers: number[] }
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

export interface TableSlice {
  rows: string[][];
  rowNumbers: number[];
}

export interface OpenTable {
  header: string[];
  encoding?: TextEncodingName;
  /** the data rows in slices, in order; the worker ends when they are read or the loop is left */
  slices(): AsyncGenerator<TableSlice>;
  /** ends the worker (for a caller that may stop before iterating); again is harmless */
  close(): Promise<void>;
}

function refusalOf(error: unknown): unknown {
  if (error instanceof WorkerOutOfMemory)
    return new TabularFormatError(
      "table_too_large",
      "ファイルが大きすぎて読み取れません。行を減らすか、ファイルを分けて取り込んでください。",
    );
  return error;
}

function checked(reply: TableReadReply): TableReadReply {
  if (reply.kind === "refused") throw new TabularFormatError(reply.code, reply.message);
  return reply;
}

type Worker = WorkerThread<TableReadRequest, TableReadReply>;

/** Asks the worker for the next slice (null at the end); a caller that stops early closes the worker under the request. */
type NextSlice = () => Promise<TableSlice | null>;

async function openWorkbook(worker: Worker, bytes: Uint8Array, limits: XlsxLimits): Promise<{ header: string[]; next: NextSlice }> {
  const first = checked(await worker.call({ kind: "read", format: "xlsx", bytes, limits }));
  if (first.kind !== "header") throw new Error(`unexpected reply from the table reader: ${first.kind}`);
  const next: NextSlice = async () => {
    const reply = checked(await worker.call({ kind: "next" }));
    return reply.kind === "rows" ? { rows: reply.rows, rowNumbers: reply.rowNumbers } : null;
  };
  return { header: first.header, next };
}

async function openCsv(
  worker: Worker,
  bytes: Uint8Array,
  delimiter: "," | "\t",
): Promise<{ header: string[]; encoding: TextEncodingName; next: NextSlice }> {
  const encoding = detectEncoding(bytes);
  checked(await worker.call({ kind: "parse", encoding, delimiter }));
  let at = 0;
  let ended = false;
  const feed = async (): Promise<{ header: string[] | null; slice: TableSlice } | null> => {
    if (ended) return null;
    let chunk: Uint8Array | null = null;
    if (at < bytes.length) {
      // A copy of the chunk, moved: posting a view would copy the whole buffer under it, and moving it would take the
      // caller's file away (a Buffer's slice() is a view, so the copy is made by the constructor).
      chunk = new Uint8Array(bytes.subarray(at, at + CSV_CHUNK_BYTES));
      at += chunk.length;
    } else ended = true;
    const reply = checked(await worker.call({ kind: "feed", chunk }, chunk ? [chunk.buffer as ArrayBuffer] : []));
    if (reply.kind !== "parsed") throw new Error(`unexpected reply from the table reader: ${reply.kind}`);
    return { header: reply.header, slice: { rows: reply.rows, rowNumbers: reply.rowNumbers } };
  };
  // Fed until the header has come (a title line's blank rows may come first); rows that came with it wait their turn.
  let header: string[] | null = null;
  const early: TableSlice[] = [];
  while (header === null) {
    const fed = await feed();
    if (!fed) break;
    header = fed.header;
    if (fed.slice.rows.length > 0) early.push(fed.slice);
  }
  const next: NextSlice = async () => {
    const waiting = early.shift();
    if (waiting) return waiting;
    for (let fed = await feed(); fed; fed = await feed()) if (fed.slice.rows.length > 0) return fed.slice;
    return null;
  };
  return { header: header ?? [], encoding, next };
}

/** Opens the table in a worker: the header now, the rows as `slices()` is iterated (once; iterate it, or the worker stays). */
export async function openTable(format: TableFormat, bytes: Uint8Array, limits: XlsxLimits = XLSX_LIMITS): Promise<OpenTable> {
  const worker: Worker = new WorkerThread(READ_WORKER, { maxHeapMb: WORKER_HEAP_MB });
  let opened: { header: string[]; encoding?: TextEncodingName; next: NextSlice };
  try {
    opened = format === "xlsx" ? await openWorkbook(worker, bytes, limits) : await openCsv(worker, bytes, format === "tsv" ? "\t" : ",");
  } catch (error) {
    await worker.close();
    throw refusalOf(error);
  }
  async function* slices(): AsyncGenerator<TableSlice> {
    try {
      // The next slice is asked for before this one is handed on: the worker parses while the caller works.
      const ask = () => {
        const reply = opened.next();
        reply.catch(() => {}); // seen below; a caller that stops early closes the worker under this request
        return reply;
      };
      let pending = ask();
      for (;;) {
        const slice = await pending;
        if (!slice) return;
        await nextTurn();
        pending = ask();
        yield slice;
      }
    } catch (error) {
      throw refusalOf(error);
    } finally {
      await worker.close();
    }
  }
  return { header: opened.header, ...(opened.encoding ? { encoding: opened.encoding } : {}), slices, close: () => worker.close() };
}

export async function readTable(format: TableFormat, bytes: Uint8Array, limits: XlsxLimits = XLSX_LIMITS): Promise<TableReadResult> {
  const table = await openTable(format, bytes, limits);
  const result: TableReadResult = { header: table.header, rows: [], rowNumbers: [] };
  if (table.encoding) result.encoding = table.encoding;
  for await (const slice of table.slices()) {
    for (const row of slice.rows) result.rows.push(row);
    for (const n of slice.rowNumbers) result.rowNumbers.push(n);
  }
  return result;
}
