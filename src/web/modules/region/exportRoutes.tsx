// Region: 正式版の列順での出力とCKAN互換のカタログAPI — /region/opendata (staff and 市町 editors: the export) and
// /public/region/opendata (anyone: オープンデータ一覧), spread by routes.tsx. Both are lazy chunks.
import { type AnyRoute, createRoute, lazyRouteComponent } from "@tanstack/react-router";
import type { Layouts } from "../../shell/layouts";

const OpenDataExportPage = lazyRouteComponent(() => import("./OpenDataExportPage"), "OpenDataExportPage");
const PublicOpenDataPage = lazyRouteComponent(() => import("./PublicOpenDataPage"), "PublicOpenDataPage");

export function exportRoutes(layouts: Layouts): { staff: AnyRoute[]; public: AnyRoute[] } {
  const exportRoute = createRoute({ getParentRoute: () => layouts.staff, path: "region/opendata", component: OpenDataExportPage });
  const publicRoute = createRoute({ getParentRoute: () => layouts.public, path: "public/region/opendata", component: PublicOpenDataPage });
  return { staff: [exportRoute], public: [publicRoute] };
}
