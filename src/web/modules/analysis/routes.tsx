// 経営分析: the module's routes. Each part (対象と比較団体, 数値と指標, 分析と決定, 比較表と報告書) brings its routes from its own
// *Routes.tsx, spread here. Every page is a lazy chunk.
import type { Layouts } from "../../shell/layouts";
import { figureRoutes } from "./figureRoutes";
import { reportRoutes } from "./reportRoutes";
import { reviewRoutes } from "./reviewRoutes";
import { subjectRoutes } from "./subjectRoutes";

export function analysisRoutes(layouts: Layouts) {
  // each part of the module spreads its route lists here, one line each
  const parts = [subjectRoutes(layouts), figureRoutes(layouts), reviewRoutes(layouts), reportRoutes(layouts)];
  return { staff: parts.flatMap((part) => part.staff) };
}
