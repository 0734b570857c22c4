// Demo data of the donation ledger (見本): the sample city's 使い道, the shipped 取込設定, and two fiscal years of
// fictitious donations read through those mappings, so that the dashboard shows a living year on a first start.

import { todayInJapan } from "../../../../common/dates";
import type { DonationMappingConfig } from "../../../../common/furusato/donation-mapping";
import { mapDonationRows } from "../../../../common/furusato/donation-orders";
import type { Db, Queryable } from "../../../db/database";
import { DEMO_ACTOR } from "../../../platform/audit/audit";
import { ageSampleFollowUps } from "./demo-repository";
import { upsertDonations } from "./donations-store";
import { findGiftCodes, insertFundUseIfMissing } from "./ingest-repository";
import { insertMapping } from "./mappings";
import { sampleGenericRows, sampleRakutenRows } from "./sample-donations";
import { SAMPLE_FUND_USES, SHIPPED_MAPPINGS } from "./shipped-mappings";

export async function loadFundUses(tx: Queryable, isSample: boolean): Promise<void> {
  for (const [index, use] of SAMPLE_FUND_USES.entries())
    await insertFundUseIfMissing(tx, { code: use.code, name: use.name, sortOrder: index + 1, isSample });
}

/** 使い道 and the shipped mappings (one per shipped layout); returns mapping ids by shipped key. */
export async function loadLedgerMasters(db: Db, opts: { isSample: boolean }): Promise<Record<string, string>> {
  return db.transaction(async (tx) => {
    await loadFundUses(tx, opts.isSample);
    const ids: Record<string, string> = {};
    for (const shipped of SHIPPED_MAPPINGS)
      ids[shipped.key] = await insertMapping(tx, DEMO_ACTOR, {
        portalCode: shipped.portalCode,
        name: shipped.name,
        config: shipped.config(),
        isSample: opts.isSample,
      });
    return ids;
  });
}

function asTable(rows: string[][]) {
  return { rows, rowNumbers: rows.map((_, i) => i + 1) };
}

async function mapSample(db: Queryable, rows: string[][], config: DonationMappingConfig, portalCode: string) {
  const result = mapDonationRows(asTable(rows), config, portalCode, {
    fundUses: SAMPLE_FUND_USES,
    giftCodes: new Set(await findGiftCodes(db)),
  });
  if (!result.ok) throw new Error(`sample donations do not map: ${result.errors[0]?.message}`);
  return result.donations;
}

export async function loadLedgerDemo(db: Db): Promise<void> {
  await loadLedgerMasters(db, { isSample: true });
  const rakuten = SHIPPED_MAPPINGS[0].config();
  const generic = SHIPPED_MAPPINGS[1].config();
  const rakutenGifts = [
    { code: "KMF001", amount: 18000 },
    { code: "KKB001", amount: 32000 },
    { code: "WKM001", amount: 10000 },
  ];
  const anaGifts = [
    { code: "KMF001", amount: 19000 },
    { code: "KKB001", amount: 32000 },
  ];
  const records = [
    ...(await mapSample(
      db,
      sampleRakutenRows({ count: 900, seed: 2025, from: "2025-04-01", to: "2026-03-31", orderPrefix: "DEMO-RK25-", gifts: rakutenGifts }),
      rakuten,
      "rakuten",
    )),
    ...(await mapSample(
      db,
      sampleRakutenRows({ count: 700, seed: 2026, from: "2026-04-01", to: "2026-11-20", orderPrefix: "DEMO-RK26-", gifts: rakutenGifts }),
      rakuten,
      "rakuten",
    )),
    ...(await mapSample(
      db,
      sampleGenericRows({ count: 400, seed: 1025, from: "2025-04-01", to: "2026-03-31", orderPrefix: "DEMO-ANA25-", gifts: anaGifts }),
      generic,
      "ana",
    )),
    ...(await mapSample(
      db,
      sampleGenericRows({ count: 350, seed: 1026, from: "2026-04-01", to: "2026-11-20", orderPrefix: "DEMO-ANA26-", gifts: anaGifts }),
      generic,
      "ana",
    )),
  ];
  await db.transaction(async (tx) => {
    await upsertDonations(tx, records, { importId: null, isSample: true });
    await ageSampleFollowUps(tx, todayInJapan());
  });
}
