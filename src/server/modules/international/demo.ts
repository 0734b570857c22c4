// Sample data of the 国際 module (every record is_sample): the coordinating bureau (政策局), the 分野 list, partner
// cities with their positions, projects of several departments with money and indicators, trips in every state
// (one with an overdue report) and the visits the city received.
import type { Db } from "../../db/database";
import { organisationIdByCode } from "../../platform/admin/organisations";
import { setInternationalOwner } from "./access";
import { loadAttachmentDemo } from "./attachment-demo";
import { loadGroupDemo } from "./group-demo";
import { loadProjectDemo } from "./project-demo";
import { loadTripDemo } from "./trip-demo";

export async function loadInternationalDemo(db: Db): Promise<void> {
  await setInternationalOwner(db, await organisationIdByCode(db, "seisaku"));
  await loadProjectDemo(db);
  await loadTripDemo(db);
  await loadAttachmentDemo(db);
  await loadGroupDemo(db);
}
