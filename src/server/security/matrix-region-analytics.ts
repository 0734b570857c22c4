// Route × role matrix rows of the region module's part: Cookieを使わないアクセス解析とプロモーション (see matrix-table.ts for the notation).
import type { MatrixModule } from "./matrix-table";

export const regionAnalyticsMatrix: MatrixModule = {
  name: "region-analytics",
  async collect() {
    return {};
  },
  table: {},
};
