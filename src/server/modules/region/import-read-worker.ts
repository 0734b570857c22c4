// Worker thread entry: reads one 市町 file with the open-data pipeline away from the thread that answers HTTP (the
// pipeline is synchronous; a 50,000-row file takes seconds of CPU). The result stays here and is handed over in
// slices, so that receiving it never holds the server's thread for long either. A refused file keeps its Japanese
// message.
import { TabularFormatError } from "../../platform/tabular/errors";
import { serveRequests } from "../../platform/workers/worker-thread";
import type { ImportReadReply, ImportReadRequest } from "./import-read";
import { readOpenData } from "./opendata/read-open-data";
import type { OpenDataReadResult } from "./opendata/types";

let result: OpenDataReadResult | null = null;

function answer(request: ImportReadRequest): ImportReadReply {
  if (request.kind === "read") {
    try {
      result = readOpenData(request.bytes, request.options);
    } catch (error) {
      if (error instanceof TabularFormatError) return { kind: "refused", code: error.code, message: error.message };
      throw error;
    }
    const { items, problemRows, ...head } = result;
    return { kind: "head", head, items: items.length, problemRows: problemRows.length };
  }
  if (!result) throw new Error("slice before read");
  const list = request.kind === "items" ? result.items : result.problemRows;
  return { kind: "slice", rows: list.slice(request.from, request.from + request.count) };
}

serveRequests<ImportReadRequest, ImportReadReply>(async (request) => ({ value: answer(request) }));
