// Route × role matrix rows of 連携事業の候補 (candidates and their pipeline) (see matrix-table.ts for the notation).
import type { MatrixModule } from "./matrix-table";

export const regionCandidatesMatrix: MatrixModule = {
  name: "region-candidates",
  async collect() {
    return {};
  },
  table: {},
};
