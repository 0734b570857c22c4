// Worker thread entry: reads one uploaded table away from the thread that answers HTTP. A CSV/TSV is parsed as the
// calling thread feeds it a megabyte at a time (a million-row file is never held here, whole or as rows); an .xlsx
// is read whole (streamed XML) and handed back one slice per request.
import { serveRequests } from "../workers/worker-thread.js";
import { CsvParser } from "./csv-stream.js";
import { TabularFormatError } from "./errors.js";
import type { TableReadReply, TableReadRequest } from "./read-table.js";
import { readXlsx } from "./xlsx-read.js";

const SLICE_ROWS = 1000;

let csv: CsvParser | null = null;
let xlsx: { rows: string[][]; rowNumbers: number[] } | null = null;
let at = 0;

async function answer(request: TableReadRequest): Promise<TableReadReply> {
  switch (request.kind) {
    case "read": {
      const table = await readXlsx(request.bytes, request.limits);
      xlsx = table;
      at = 0;
      return { kind: "header", header: table.header };
    }
    case "next": {
      if (!xlsx || at >= xlsx.rows.length) return { kind: "done" };
      const slice = { rows: xlsx.rows.slice(at, at + SLICE_ROWS), rowNumbers: xlsx.rowNumbers.slice(at, at + SLICE_ROWS) };
      at += SLICE_ROWS;
      return { kind: "rows", ...slice };
    }
    case "parse":
      csv = new CsvParser(request.encoding, { delimiter: request.delimiter });
      return { kind: "parsing" };
    case "feed": {
      if (!csv) throw new Error("feed before parse");
      const slice = csv.write(request.chunk);
      return { kind: "parsed", header: csv.header, ...slice };
    }
  }
}

serveRequests<TableReadRequest, TableReadReply>(async (request) => {
  try {
    return { value: await answer(request) };
  } catch (error) {
    // A refusal (of the workbook, or of a CSV line far into the file) keeps its code and Japanese message.
    if (error instanceof TabularFormatError) return { value: { kind: "refused", code: error.code, message: error.message } };
    throw error;
  }
});
