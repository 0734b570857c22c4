// The 国際 module's overviews: totals per 分野 / 局 / 相手先 for a fiscal year, and the partners on the world map.
// Every member of staff sees them: they are aggregates (counts and sums, no names of travellers), so the trips of
// other divisions count too although their records stay hidden. What each figure counts: overview-repository.ts.
import type { MapPoint, TotalsRow } from "../../../common/api/international";
import { fiscalYearRange } from "../../../common/dates";
import { partnerName } from "../../../common/international/partner-label";
import type { Queryable } from "../../db/database";
import type { Principal } from "../../platform/auth/permissions";
import { accessOf } from "./access";
import * as repo from "./overview-repository";

export type TotalsBy = "field" | "bureau" | "partner";

export async function internationalTotals(
  db: Queryable,
  user: Principal | null,
  fiscalYear: number,
  by: TotalsBy,
): Promise<{ fiscalYear: number; by: TotalsBy; rows: TotalsRow[] }> {
  await accessOf(db, user);
  const { start, end } = fiscalYearRange(fiscalYear);
  const read = by === "field" ? repo.totalsByField : by === "bureau" ? repo.totalsByBureau : repo.totalsByPartner;
  return { fiscalYear, by, rows: await read(db, fiscalYear, start, end) };
}

export async function internationalMap(
  db: Queryable,
  user: Principal | null,
  fiscalYear: number | undefined,
): Promise<{ points: MapPoint[]; unplaced: number }> {
  await accessOf(db, user);
  const range = fiscalYear === undefined ? null : { fy: fiscalYear, ...fiscalYearRange(fiscalYear) };
  const [rows, unplaced] = await Promise.all([repo.mapPoints(db, range), repo.countUnplacedPartners(db)]);
  return {
    points: rows.map((r) => ({
      partnerId: r.partner_id,
      label: partnerName(r),
      country: r.country,
      relation: r.relation,
      latitude: r.latitude,
      longitude: r.longitude,
      projects: r.projects,
      trips: r.trips,
    })),
    unplaced,
  };
}
