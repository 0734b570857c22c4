// A city whose furusato catalog (portals, suppliers, gifts KMF001/KKB001/KKB002/WKM001 …) and ledger masters
// (使い道, the shipped 取込設定) are in place, with no donations yet: the starting point of the ledger's tests.
import type { Db } from "../db/database";
import { loadFurusatoDemo, loadLedgerMasters } from "../modules/furusato";
import { buildCity } from "./factories";

export async function buildLedgerCity(db: Db) {
  const city = await buildCity(db);
  await loadFurusatoDemo(db);
  const mappings = await loadLedgerMasters(db, { isSample: false });
  return { ...city, mappings: { rakuten: mappings["rakuten-order"], generic: mappings.generic } };
}
