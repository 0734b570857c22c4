// 市町の人口: the sets of figures that exist (basis × date), the table of one set for staff (a row per 市町, the
// region's total, each 市町's share, the 市町 without a figure flagged), and populationsAt — the figures a cost-sharing
// rule (負担金の人口割, issue 18) reads for its named basis and date, refusing to go on when a 市町 has none.
import type { ResponseOf } from "../../../common/api/contract";
import type * as api from "../../../common/api/region-municipalities";
import { describePopulationSet, type PopulationBasis } from "../../../common/region/population-basis";
import { buildPopulationTable } from "../../../common/region/population-table";
import type { Queryable } from "../../db/database";
import { authorize, type Principal } from "../../platform/auth/permissions";
import { ValidationError } from "../../platform/errors";
import { isRegionManager } from "./access";
import { findMunicipalityKeys } from "./municipality-repository";
import * as repo from "./population-repository";

/** A 市町 (or several) has no figure for the basis and date a rule names. */
export class PopulationMissingError extends ValidationError {
  constructor(
    readonly basis: PopulationBasis,
    readonly asOf: string,
    readonly missing: readonly { code: string; name: string }[],
  ) {
    super(
      `${describePopulationSet(basis, asOf)}の人口が登録されていない市町があります: ${missing.map((m) => `${m.name}（${m.code}）`).join("、")}。` +
        "人口の一括登録で取り込むか、ほかの基準日を選んでください。",
    );
  }
}

/**
 * The population of every 市町 (or of `codes`, a rule's members) for one basis and date, by 全国地方公共団体コード.
 * Throws PopulationMissingError naming each 市町 without a figure (and for a code that is no 連携市町): a share must
 * never be computed over a missing figure taken as 0.
 */
export async function populationsAt(
  db: Queryable,
  basis: PopulationBasis,
  asOf: string,
  codes?: readonly string[],
): Promise<Map<string, number>> {
  const municipalities = await findMunicipalityKeys(db);
  const members = codes
    ? codes.map((code) => municipalities.find((m) => m.code === code) ?? { code, name: "連携市町に登録されていない団体" })
    : municipalities;
  const figures = new Map((await repo.findPopulationsAt(db, basis, asOf)).map((p) => [p.municipality_code, p.population]));
  const missing = members.filter((m) => !figures.has(m.code));
  if (missing.length > 0) throw new PopulationMissingError(basis, asOf, missing);
  return new Map(members.map((m) => [m.code, figures.get(m.code)!]));
}

export async function populationSets(db: Queryable): Promise<api.PopulationSet[]> {
  return (await repo.findPopulationSets(db)).map((s) => ({ basis: s.basis, asOf: s.as_of, count: s.count }));
}

type Table = NonNullable<ResponseOf<typeof api.getPopulationTable>["table"]>;

/** The table of one set, or null when no set is named and none exists. */
export async function tableOf(db: Queryable, basis: PopulationBasis, asOf: string): Promise<Table> {
  const municipalities = await findMunicipalityKeys(db);
  const stored = new Map((await repo.findPopulationsAt(db, basis, asOf)).map((p) => [p.municipality_code, p]));
  const table = buildPopulationTable(municipalities, new Map([...stored].map(([code, p]) => [code, p.population])));
  return {
    basis,
    asOf,
    rows: table.rows.map((r) => ({
      ...r,
      source: stored.get(r.code)?.source ?? null,
      isSample: stored.get(r.code)?.is_sample ?? false,
    })),
    total: table.total,
    missing: table.missing,
  };
}

export async function getPopulationTable(
  db: Queryable,
  user: Principal | null,
  query: { basis?: PopulationBasis; asOf?: string },
): Promise<ResponseOf<typeof api.getPopulationTable>> {
  authorize(user, "region.read");
  const sets = await populationSets(db);
  // A basis alone: its newest date; nothing: the newest set of any basis.
  const chosen =
    query.basis && query.asOf
      ? { basis: query.basis, asOf: query.asOf }
      : query.basis
        ? sets.find((s) => s.basis === query.basis)
        : sets[0];
  return {
    sets,
    table: chosen ? await tableOf(db, chosen.basis, chosen.asOf) : null,
    canManage: await isRegionManager(db, user),
  };
}
