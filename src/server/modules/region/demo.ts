// Sample data of the region module (every record is_sample): the bureau that runs the hub (政策局); the 18 市町 from
// samples/municipalities.csv, each partner 市町 with an organisation of its own whose partner logins are its editors
// (an administrator creates them); populations from samples/populations.csv. The parts of the module add their own
// sample data after these (items, campaigns, visits), one line each at the end of loadRegionDemo.
import { todayInJapan } from "../../../common/dates";
import type { Db } from "../../db/database";
import { organisationIdByCode } from "../../platform/admin/organisations";
import { DEMO_ACTOR, recordAudit } from "../../platform/audit/audit";
import { setRegionOwner } from "./access";
import { loadAnalyticsDemo } from "./analytics-demo";
import { loadCurationDemo } from "./curation-demo";
import { hasMunicipalities } from "./demo-repository";
import { loadSampleMunicipalities } from "./municipality-demo";
import { loadPartnershipDemo } from "./partnership-demo";

export async function loadRegionDemo(db: Db): Promise<void> {
  if (!(await hasMunicipalities(db))) await loadHubDemo(db);
  // 広域連携 (issue 18): its own check, so that a database made before it gains its sample data at the next start
  await loadPartnershipDemo(db);
}

async function loadHubDemo(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await setRegionOwner(tx, await organisationIdByCode(tx, "seisaku"));
    const count = await loadSampleMunicipalities(tx);
    await recordAudit(tx, DEMO_ACTOR, {
      action: "load",
      entityType: "region_municipality",
      entityId: null,
      summary: `北九州都市圏域のサンプルデータ（${count}市町）を読み込みました`,
    });
  });
  // each part of the module loads its sample data here, one line each
  await loadCurationDemo(db); // 取込と掲載情報: the 市町's sample open-data files, imported, mostly published
  await loadAnalyticsDemo(db, todayInJapan()); // アクセス解析とプロモーション: last, so that its visits can point at the sample items
}
