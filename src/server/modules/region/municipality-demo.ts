// The sample 市町 and populations, read from the sample CSVs through the same rows and writes as a user's upload (the
// towns' populations are sample values, said so in the file's 出典 column). Each partner 市町 then gets an organisation
// of its own (code region-<code>) whose partner logins, made by an administrator, are its editors; 北九州市 has none
// (the bureau's region editors edit it).
import type { Queryable } from "../../db/database";
import { DEMO_ACTOR } from "../../platform/audit/audit";
import { readCsv } from "../../platform/tabular";
import { validateRows } from "../../platform/tabular/import-rows";
import { linkSampleOrganisation } from "./demo-repository";
import { applyMunicipalityRows, municipalityImportSpec } from "./municipality-import";
import { applyPopulationRows, populationImportSpec } from "./population-import";
import { readRegionSample } from "./sample-files";

function sampleRows<T>(file: string, spec: Parameters<typeof validateRows<T>>[1]) {
  const table = readCsv(readRegionSample(file));
  const validated = validateRows(table, spec);
  if (!validated.ok) throw new Error(`sample ${file}: ${JSON.stringify(validated.errors.slice(0, 3))}`);
  return { rows: validated.rows, rowNumbers: validated.rows.map((_, i) => i + 2) };
}

/** Inserts the 18 市町 (partner 市町 with an external organisation `region-<code>`) and their populations. */
export async function loadSampleMunicipalities(tx: Queryable): Promise<number> {
  const municipalities = sampleRows("municipalities.csv", municipalityImportSpec);
  const loaded = await applyMunicipalityRows(tx, municipalities.rows, municipalities.rowNumbers, DEMO_ACTOR, { isSample: true });
  if ("errors" in loaded) throw new Error(`sample municipalities: ${JSON.stringify(loaded.errors.slice(0, 3))}`);
  for (const m of municipalities.rows) if (m.kind !== "designated_city") await linkSampleOrganisation(tx, m.code.code, m.name);

  const populations = sampleRows("populations.csv", populationImportSpec);
  const figures = await applyPopulationRows(tx, populations.rows, populations.rowNumbers, DEMO_ACTOR, { isSample: true });
  if ("errors" in figures) throw new Error(`sample populations: ${JSON.stringify(figures.errors.slice(0, 3))}`);
  return municipalities.rows.length;
}
