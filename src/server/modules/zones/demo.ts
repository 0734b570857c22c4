// Sample data of the zones module (every record is_sample): the bureau that carries the proposals (政策局), then each
// part's sample proposals, one line each.
import type { Db } from "../../db/database";
import { organisationIdByCode } from "../../platform/admin/organisations";
import { setZonesOwner, zonesOwner } from "./access";
import { loadProposalDemo } from "./proposal-demo";

export async function loadZonesDemo(db: Db): Promise<void> {
  if (!(await zonesOwner(db))) await setZonesOwner(db, await organisationIdByCode(db, "seisaku"));
  // each part of the module loads its sample data here, one line each
  await loadProposalDemo(db);
}
