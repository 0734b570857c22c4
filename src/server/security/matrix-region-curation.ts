// Route × role matrix rows of the region module's part: オープンデータの取込と掲載情報の編集・公開 (see matrix-table.ts for the notation).
import type { MatrixModule } from "./matrix-table";

export const regionCurationMatrix: MatrixModule = {
  name: "region-curation",
  async collect() {
    return {};
  },
  table: {},
};
