// Route × role matrix rows of the region module's part: 連携市町と人口 (see matrix-table.ts for the notation).
import type { MatrixModule } from "./matrix-table";

export const regionMunicipalitiesMatrix: MatrixModule = {
  name: "region-municipalities",
  async collect() {
    return {};
  },
  table: {},
};
