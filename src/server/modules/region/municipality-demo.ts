// The sample 市町 and populations, read from the sample CSVs (the towns' populations are sample values, said so in
// the file's 出典 column).
import { withMunicipalityCheckDigit } from "../../../common/region/municipality-code";
import type { Queryable } from "../../db/database";
import { readCsv } from "../../platform/tabular";
import { insertSampleMunicipality, insertSampleMunicipalityOrganisation, insertSamplePopulation } from "./demo-repository";
import { readRegionSample } from "./sample-files";

const KIND: Record<string, "designated_city" | "city" | "town"> = { 政令指定都市: "designated_city", 市: "city", 町: "town" };
const BASIS: Record<string, "census" | "resident_register" | "estimate"> = {
  国勢調査: "census",
  住民基本台帳: "resident_register",
  推計人口: "estimate",
};

/** Inserts the 18 市町 (partner 市町 with an external organisation `region-<code>`) and their populations. */
export async function loadSampleMunicipalities(tx: Queryable): Promise<number> {
  const municipalities = readCsv(readRegionSample("municipalities.csv"));
  for (const [index, [code, name, kana, nameEn, kind, district, joinedOn]] of municipalities.rows.entries()) {
    if (withMunicipalityCheckDigit(code.slice(0, 5)) !== code) throw new Error(`sample municipality ${code}: check digit`);
    const organisationId = KIND[kind] === "designated_city" ? null : await insertSampleMunicipalityOrganisation(tx, name, code);
    await insertSampleMunicipality(tx, {
      code,
      name,
      kana,
      nameEn,
      kind: KIND[kind],
      district: district || null,
      joinedOn: joinedOn || null,
      organisationId,
      sortOrder: index + 1,
    });
  }
  const populations = readCsv(readRegionSample("populations.csv"));
  for (const [code, , basis, asOf, population, source] of populations.rows) {
    await insertSamplePopulation(tx, { code, basis: BASIS[basis], asOf, population: Number(population), source });
  }
  return municipalities.rows.length;
}
