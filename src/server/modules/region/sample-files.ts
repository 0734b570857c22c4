// The region module's sample files (src/server/modules/region/samples): the 18 市町, their populations, and the
// 市町's open-data CSVs the sample items come from. The demo reads them through the same code as a user's upload.
import { readFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../../paths";

export function regionSamplePath(file: string): string {
  return path.join(projectRoot, "src/server/modules/region/samples", file);
}

export function readRegionSample(file: string): Uint8Array {
  return new Uint8Array(readFileSync(regionSamplePath(file)));
}
