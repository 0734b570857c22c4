// Zones: the module's routes (staff). Every page is a lazy chunk.
import type { AnyRoute } from "@tanstack/react-router";
import type { Layouts } from "../../shell/layouts";

export function zonesRoutes(_layouts: Layouts): { staff: AnyRoute[] } {
  return { staff: [] };
}
