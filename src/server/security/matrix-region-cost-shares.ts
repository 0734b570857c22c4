// Route × role matrix rows of 負担金 (cost-share rules, computations, the what-if comparison, prints) (see matrix-table.ts for the notation).
import type { MatrixModule } from "./matrix-table";

export const regionCostSharesMatrix: MatrixModule = {
  name: "region-cost-shares",
  async collect() {
    return {};
  },
  table: {},
};
