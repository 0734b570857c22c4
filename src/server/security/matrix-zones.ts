// Route × role matrix rows of 特区の規制改革提案 (proposals, steps, documents, pipeline, prints) (see matrix-table.ts for the notation).
import type { MatrixModule } from "./matrix-table";

export const zonesMatrix: MatrixModule = {
  name: "zones",
  async collect() {
    return {};
  },
  table: {},
};
