// 旅費の基準額 (日当・宿泊料 per destination class): every member of staff reads them, the coordinating bureau's
// editors add versions. A version is never changed in place: a new amount is a new version from the date it applies,
// so that a trip is always costed with the rate in force on its dates.
import { REGION_CLASS_LABELS, type RegionClass } from "../../../common/api/international";
import { formatWareki } from "../../../common/dates";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import { Conflict } from "../../platform/errors";
import { accessOf, managerAccessOf } from "./access";
import * as repo from "./travel-rates-repository";

export interface TravelRate {
  id: string;
  validFrom: string;
  costKind: "daily" | "lodging";
  regionClass: RegionClass;
  amount: number;
}

export interface TravelRateInput {
  validFrom: string;
  costKind: "daily" | "lodging";
  regionClass: RegionClass;
  amount: number;
}

const toRate = (row: repo.TravelRateRow): TravelRate => ({
  id: row.id,
  validFrom: row.valid_from,
  costKind: row.cost_kind,
  regionClass: row.region_class,
  amount: row.amount,
});

/** Every version, or (onDate) only the rate in force on that date per (cost kind, region class). */
export async function listTravelRates(db: Queryable, user: Principal | null, query: { onDate?: string }): Promise<{ items: TravelRate[] }> {
  await accessOf(db, user);
  const rows = query.onDate ? await repo.findRatesOn(db, query.onDate) : await repo.findAllRates(db);
  return { items: rows.map(toRate) };
}

export async function createTravelRate(db: Db, user: Principal | null, actor: Actor, input: TravelRateInput): Promise<TravelRate> {
  return db.transaction(async (tx) => {
    await managerAccessOf(tx, user);
    return createTravelRateIn(tx, actor, input);
  });
}

/** Adds a version (the sample data calls this directly); 409 when that date already has one for the kind and class. */
export async function createTravelRateIn(
  tx: Queryable,
  actor: Actor,
  input: TravelRateInput,
  opts: { isSample?: boolean } = {},
): Promise<TravelRate> {
  if (await repo.findRate(tx, input))
    throw new Conflict(
      `${formatWareki(input.validFrom)}から適用する同じ費目・地域区分の基準額が、すでに登録されています。`,
      "duplicate_rate",
      {
        validFrom: "適用開始日が同じ版があります。",
      },
    );
  const rate = toRate(await repo.insertRate(tx, input, { isSample: opts.isSample ?? false }));
  await recordAudit(tx, actor, {
    action: "create",
    entityType: "international_travel_rate",
    entityId: rate.id,
    summary: `旅費の基準額（${input.costKind === "daily" ? "日当" : "宿泊料"}・${REGION_CLASS_LABELS[input.regionClass]}）を${formatWareki(input.validFrom)}から${input.amount}円に`,
    after: input,
  });
  return rate;
}
