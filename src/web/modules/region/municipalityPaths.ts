// The paths of the 連携市町と人口 pages, built in one place: the module's routes are typed loosely (AnyRoute), so the
// router cannot check links to them.
import type { PopulationBasis } from "../../../common/region/population-basis";

export const MUNICIPALITIES_PATH = "/region/municipalities";

export const municipalityPath = (code: string) => `${MUNICIPALITIES_PATH}/${encodeURIComponent(code)}`;

export function populationsPath(set?: { basis: PopulationBasis; asOf: string }): string {
  return set ? `/region/populations?${new URLSearchParams({ basis: set.basis, asOf: set.asOf })}` : "/region/populations";
}
