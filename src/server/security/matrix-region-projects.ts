// Route × role matrix rows of 連携の枠組みと連携事業 (frameworks, members, agreements, projects) (see matrix-table.ts for the notation).
import type { MatrixModule } from "./matrix-table";

export const regionProjectsMatrix: MatrixModule = {
  name: "region-projects",
  async collect() {
    return {};
  },
  table: {},
};
