// Sample data of 広域連携 (issue 18, every record is_sample): the three frameworks with their members
// (samples/frameworks.json; the 都市圏域's members are the 18 sample 市町) and a handful of joint projects in each
// state. Loaded once, on its own check, so that a database made before issue 18 gains it at the next start. The parts
// of issue 18 add their sample data after these (budgets, meetings, candidates, cost-share rules), one line each at
// the end of loadPartnershipDemo.
import { z } from "zod";
import type { Db } from "../../db/database";
import { findOrganisationIdByCode } from "../../platform/admin/organisations";
import { DEMO_ACTOR, recordAudit } from "../../platform/audit/audit";
import { loadCandidateDemo } from "./candidate-demo";
import { loadCostShareDemo } from "./cost-share-demo";
import { loadMeetingDemo } from "./meeting-demo";
import { hasFrameworks, insertSampleFrameworks, insertSampleProjects } from "./partnership-demo-repository";
import { loadProjectDemo } from "./project-demo";
import { readRegionSample } from "./sample-files";

export const sampleFrameworksFile = z.object({
  frameworks: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      kind: z.enum(["city_pair", "metropolitan_area", "other"]),
      startedOn: z.string(),
      description: z.string(),
      members: z.union([
        z.literal("all-municipalities"),
        z.array(
          z.object({
            name: z.string(),
            code: z.string(),
            municipality: z.string().optional(),
            role: z.enum(["central_city", "partner", "counterpart"]),
          }),
        ),
      ]),
    }),
  ),
});

/** Sample joint projects: framework code, name, summary, status, first fiscal year, lead (member name). */
export const SAMPLE_PROJECTS = [
  [
    "toshiken",
    "圏域観光プロモーション事業",
    "18市町の観光資源を一体で発信する。情報ハブ、SNS・動画による若者向けプロモーション、観光ルートの共同造成。",
    "running",
    2021,
    "北九州市",
  ],
  [
    "toshiken",
    "北九州都市圏域 情報ハブの共同運営",
    "18市町のオープンデータを取り込み、圏域の公開サイトとして一体で発信する（情報ハブ）。",
    "running",
    2025,
    "北九州市",
  ],
  [
    "toshiken",
    "消防指令業務の共同運用",
    "119番通報の受信と出動指令を共同の指令センターで行う。整備費・運営費の負担割合を協議中。",
    "negotiating",
    2027,
    "北九州市",
  ],
  ["toshiken", "圏域合同企業説明会", "圏域の企業と若者をつなぐ合同企業説明会を年2回開催する。", "agreed", 2026, "行橋市"],
  [
    "kanmon",
    "かんもんPAY（関門共通返礼品）",
    "第15回関門トップ会談（2024年10月17日）で合意。両市のふるさと納税の共通返礼品として2024年11月1日から提供。",
    "running",
    2024,
    "北九州市",
  ],
  ["kanmon", "関門海峡ミュージアム・海峡ゆめタワー 共同誘客", "関門海峡の観光施設の相互割引と共同誘客。", "concept", 2027, "下関市"],
  [
    "fukuhoku",
    "福北スタートアップ連携",
    "両市のスタートアップ支援拠点の相互利用とイベントの共同開催（福北新時代）。",
    "negotiating",
    2026,
    "福岡市",
  ],
] as const;
export type SampleProject = (typeof SAMPLE_PROJECTS)[number];
export type SampleFrameworksFile = z.infer<typeof sampleFrameworksFile>;

export async function loadPartnershipDemo(db: Db): Promise<void> {
  if (await hasFrameworks(db)) return;
  // The sample projects are run by the sample city's 広域連携推進課: a city with an organisation tree of its own (and the
  // hub's tests, which build a small one) gets no sample partnerships rather than projects owned by nobody.
  const owner = await findOrganisationIdByCode(db, "seisaku-koiki");
  if (!owner) return;
  await db.transaction(async (tx) => {
    await insertSampleFrameworks(tx, sampleFrameworksFile.parse(JSON.parse(new TextDecoder().decode(readRegionSample("frameworks.json")))));
    await insertSampleProjects(tx, SAMPLE_PROJECTS, owner);
    await recordAudit(tx, DEMO_ACTOR, {
      action: "load",
      entityType: "region_framework",
      entityId: null,
      summary: `広域連携のサンプルデータ（枠組み3件、連携事業${SAMPLE_PROJECTS.length}件）を読み込みました`,
    });
  });
  // each part of issue 18 loads its sample data here, one line each
  await loadProjectDemo(db); // 枠組みと連携事業: agreements, the 関門・福北 projects of 2024, budgets, indicators, 庁内調整, histories, a yearly report
  await loadCandidateDemo(db); // 連携事業の候補: candidates from several departments, spread over the steps
  await loadMeetingDemo(db);
  await loadCostShareDemo(db); // 負担金: two rules (消防指令の18市町, かんもんPAYの2市) with one saved computation each
}
