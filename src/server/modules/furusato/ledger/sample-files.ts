// The shipped sample order files (架空の寄附者): one per shipped mapping, for newcomers to try an import with.
import { readFileSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "../../../paths";

const SAMPLE_FILES = {
  "rakuten-order": { name: "楽天_受注CSV_見本.csv", file: "rakuten-orders-sample.csv", mimeType: "text/csv; charset=Shift_JIS" },
  generic: { name: "汎用レイアウト_見本.csv", file: "generic-donations-sample.csv", mimeType: "text/csv; charset=utf-8" },
} as const;
export type SampleFileKey = keyof typeof SAMPLE_FILES;

/** The files live in the source tree (also when the server runs from the bundle in dist/). */
export function sampleFilePath(key: SampleFileKey): string {
  return path.join(projectRoot, "src/server/modules/furusato/ledger/samples", SAMPLE_FILES[key].file);
}

export function sampleDonationFileBytes(key: SampleFileKey): { name: string; mimeType: string; body: Uint8Array } {
  const sample = SAMPLE_FILES[key];
  return { name: sample.name, mimeType: sample.mimeType, body: new Uint8Array(readFileSync(sampleFilePath(key))) };
}
