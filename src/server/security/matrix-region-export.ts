// Route × role matrix rows of the region module's part: 正式版の列順での出力とCKAN互換のカタログAPI (see matrix-table.ts for the notation).
import type { MatrixModule } from "./matrix-table";

export const regionExportMatrix: MatrixModule = {
  name: "region-export",
  async collect() {
    return {};
  },
  table: {},
};
