// Route × role matrix rows of the region module's part: 公開ページ（検索・地図・カレンダー・iCalendar・RSS/Atom・英語ページ） (see matrix-table.ts for the notation).
import type { MatrixModule } from "./matrix-table";

export const regionPublicMatrix: MatrixModule = {
  name: "region-public",
  async collect() {
    return {};
  },
  table: {},
};
