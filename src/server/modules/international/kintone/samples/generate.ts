// Writes the sample exports of this folder from sample-files.ts:
//   npx tsx src/server/modules/international/kintone/samples/generate.ts
import { writeFileSync } from "node:fs";
import { kintoneSampleFiles, kintoneSamplePath } from "../sample-files";

for (const { file, bytes } of kintoneSampleFiles()) {
  writeFileSync(kintoneSamplePath(file), bytes);
  console.log(`${file}: ${bytes.length} bytes`);
}
