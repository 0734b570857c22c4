// Who may run the region's tabular imports (連携市町・人口の一括登録): the bureau that runs the hub and administrators.
// The platform's registry checks a rule without the record (any editor passes "region.import"); the import's own
// transaction then loads the uploader and refuses anyone else with a whole-file error.
import type { Queryable } from "../../db/database";
import type { Actor } from "../../platform/audit/audit";
import { findUserById, loadPrincipal } from "../../platform/auth/principal-repo";
import type { ImportError } from "../../platform/tabular/import-rows";
import { isRegionManager } from "./access";

export async function requireImportingManager(tx: Queryable, actor: Actor): Promise<ImportError | null> {
  const found = actor.userId ? await findUserById(tx, actor.userId) : null;
  if (!found || found.disabled) return { row: 1, message: "取り込みを行った利用者が見つかりません" };
  if (await isRegionManager(tx, await loadPrincipal(tx, found))) return null;
  return { row: 1, message: "連携市町と人口の一括登録は、北九州都市圏域の情報ハブを所管する局の担当者だけが行えます" };
}
