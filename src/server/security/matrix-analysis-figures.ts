// Route × role matrix rows of 経営分析 (yearly figures, their import, linked figures, indicators) (see matrix-table.ts for the notation).
//
// The rules, as the module states them (analysis/access.ts): every member of staff (A B D V) reads; only the bureau
// responsible for the analyses (app setting analysis.bureauId = 政策局: its editors, B, and administrators, A:
// analysis.manager) writes. Another bureau's editor (D) is refused (403). Outside logins and anonymous callers reach
// none of these routes.
import type { MatrixModule } from "./matrix-table";

export const analysisFiguresMatrix: MatrixModule = {
  name: "analysis-figures",
  collect: async () => ({}),
  table: {},
};
