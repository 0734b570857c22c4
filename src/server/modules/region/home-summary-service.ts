// The figures of the region's staff home (/region): 市町 and their editors, the newest population set, and — once
// the curation part has stored anything — published items by dataset, drafts, open problem rows and the latest
// imports. Every member of staff reads them.
import type { RegionSummary } from "../../../common/api/region-municipalities";
import type { Queryable } from "../../db/database";
import { authorize, type Principal } from "../../platform/auth/permissions";
import * as repo from "./home-summary-repository";
import { populationSets } from "./population-service";

const LATEST_IMPORTS = 5;

export async function getRegionSummary(db: Queryable, user: Principal | null): Promise<RegionSummary> {
  authorize(user, "region.read");
  const counts = await repo.countMunicipalities(db);
  const [latestSet] = await populationSets(db);
  let hub: RegionSummary["hub"] = null;
  if (await repo.hubHasData(db)) {
    const byDataset = await repo.countItemsByStatus(db);
    hub = {
      publishedByDataset: byDataset.filter((d) => d.published > 0).map((d) => ({ dataset: d.dataset, count: d.published })),
      draftCount: byDataset.reduce((sum, d) => sum + d.drafts, 0),
      openProblemCount: await repo.countOpenProblems(db),
      latestImports: (await repo.findLatestImports(db, LATEST_IMPORTS)).map((i) => ({
        id: i.id,
        municipalityCode: i.municipality_code,
        municipalityName: i.municipality_name,
        dataset: i.dataset,
        fileName: i.file_name,
        rowsRead: i.rows_read,
        problemCount: i.problem_count,
        createdAt: i.created_at.toISOString(),
      })),
    };
  }
  return {
    municipalityCount: counts.municipalities,
    municipalitiesWithEditors: counts.with_editors,
    editorLoginCount: counts.editor_logins,
    latestPopulationSet: latestSet ?? null,
    hub,
  };
}
