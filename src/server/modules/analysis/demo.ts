// Sample data of the analysis module (every record is_sample): the bureau responsible (政策局), then each part's
// sample data, one line each. Each part checks for itself whether its sample is already there.
import type { Db } from "../../db/database";
import { organisationIdByCode } from "../../platform/admin/organisations";
import { analysisOwner, setAnalysisOwner } from "./access";
import { loadAnalysisSamples } from "./sample-data";

export async function loadAnalysisDemo(db: Db): Promise<void> {
  if (!(await analysisOwner(db))) await setAnalysisOwner(db, await organisationIdByCode(db, "seisaku"));
  // subjects, peers, figures, analyses and actions (sample-data.ts checks whether they are already there)
  await loadAnalysisSamples(db);
}
