// Route × role matrix rows of 会議とフォローアップ (platform/meetings: /api/meetings) (see matrix-table.ts for the notation).
import type { MatrixModule } from "./matrix-table";

export const meetingsMatrix: MatrixModule = {
  name: "meetings",
  async collect() {
    return {};
  },
  table: {},
};
