// policy.parse_render: parse the seed document and render it to PDF (the work behind "import, then download PDF").
// No floor: there is no simpler way to produce the same PDF; the parse and render parts are reported separately.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parsePolicyText } from "../src/common/policy/parse";
import { renderPolicyPdf } from "../src/server/modules/policy/render-pdf";
import { type Bench, repoRoot, timeIt } from "./harness";

const seed = readFileSync(join(repoRoot, "src/server/modules/policy/demo/sample-policy.txt"), "utf8");

export default [
  {
    name: "policy.parse_render",
    description: "seed の解析と PDF 生成（A4・日本語フォント埋め込み）の中央値（フォント読込済みのプロセスで）",
    async run() {
      return { value: await timeIt(async () => renderPolicyPdf(parsePolicyText(seed).document), { warmup: 1, iterations: 7 }), unit: "ms" };
    },
  },
  {
    name: "policy.parse",
    description: "seed の解析のみの中央値",
    async run() {
      return { value: await timeIt(() => parsePolicyText(seed), { warmup: 3, iterations: 21 }), unit: "ms" };
    },
  },
] satisfies Bench[];
