// Worker thread entry: reads one uploaded table (CSV/TSV decoded and parsed, or .xlsx streamed) away from the
// thread that answers HTTP, then hands the rows back one slice per request, so that the receiving side never stops
// for long either.
import { serveRequests } from "../workers/worker-thread.js";
import { readCsv } from "./csv-read.js";
import { TabularFormatError } from "./errors.js";
import type { TableReadReply, TableReadRequest, TableReadResult } from "./read-table.js";
import { readXlsx } from "./xlsx-read.js";

const SLICE_ROWS = 500;

let table: TableReadResult | null = null;
let at = 0;

async function read(request: Extract<TableReadRequest, { kind: "read" }>): Promise<TableReadResult> {
  if (request.format === "xlsx") return readXlsx(request.bytes, request.limits);
  return readCsv(request.bytes, { delimiter: request.format === "tsv" ? "\t" : "," });
}

serveRequests<TableReadRequest, TableReadReply>(async (request) => {
  if (request.kind === "read") {
    try {
      table = await read(request);
    } catch (error) {
      // A refusal keeps its code and Japanese message; anything else fails the read as an error.
      if (error instanceof TabularFormatError) return { value: { kind: "refused", code: error.code, message: error.message } };
      throw error;
    }
    at = 0;
    return { value: { kind: "header", header: table.header, total: table.rows.length, encoding: table.encoding } };
  }
  if (!table || at >= table.rows.length) return { value: { kind: "done" } };
  const value: TableReadReply = {
    kind: "rows",
    rows: table.rows.slice(at, at + SLICE_ROWS),
    rowNumbers: table.rowNumbers.slice(at, at + SLICE_ROWS),
  };
  at += SLICE_ROWS;
  return { value };
});
