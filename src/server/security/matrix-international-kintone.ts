// Route × role matrix rows of the kintone import (see matrix-table.ts for the notation). The import writes every
// division's projects and trips from one file, so it is the coordinating bureau's work: its editors (B) and
// administrators (A) only; nobody else even sees the mapping.
import type { MatrixModule } from "./matrix-table";

const MANAGERS = "AB.........";
const projects = () => ({ app: "projects" });
const mapping = () => ({ main: { key: "record_no", name: "project_name" }, subtables: {}, subtableOf: {} });

export const internationalKintoneMatrix: MatrixModule = {
  name: "international-kintone",
  collect: async () => ({}),
  table: {
    "GET /api/international/kintone/mappings/:app": { who: MANAGERS, params: projects },
    "PUT /api/international/kintone/mappings/:app": { who: MANAGERS, params: projects, body: mapping },
    "POST /api/international/kintone/:app/preview": { who: MANAGERS, params: projects },
    "POST /api/international/kintone/:app/imports": { who: MANAGERS, params: projects },
  },
};
