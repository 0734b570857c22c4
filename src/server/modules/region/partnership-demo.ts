// Sample data of 広域連携 (issue 18, every record is_sample): the three frameworks with their members
// (samples/frameworks.json; the 都市圏域's members are the 18 sample 市町) and a handful of joint projects in each
// state. Loaded once, on its own check, so that a database made before issue 18 gains it at the next start. The parts
// of issue 18 add their sample data after these (budgets, meetings, candidates, cost-share rules), one line each at
// the end of loadPartnershipDemo.
import { z } from "zod";
import type { Db, Queryable } from "../../db/database";
import { organisationIdByCode } from "../../platform/admin/organisations";
import { DEMO_ACTOR, recordAudit } from "../../platform/audit/audit";
import { readRegionSample } from "./sample-files";

const sampleFile = z.object({
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
const SAMPLE_PROJECTS = [
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

export async function hasFrameworks(db: Queryable): Promise<boolean> {
  const { rowCount } = await db.query("SELECT 1 FROM region_frameworks LIMIT 1");
  return (rowCount ?? 0) > 0;
}

async function insertFrameworks(tx: Queryable): Promise<void> {
  const file = sampleFile.parse(JSON.parse(new TextDecoder().decode(readRegionSample("frameworks.json"))));
  for (const [i, framework] of file.frameworks.entries()) {
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO region_frameworks (code, name, kind, description, started_on, sort_order, is_sample)
       VALUES ($1, $2, $3, $4, $5, $6, true) RETURNING id`,
      [framework.code, framework.name, framework.kind, framework.description, framework.startedOn, i + 1],
    );
    const frameworkId = rows[0].id;
    if (framework.members === "all-municipalities") {
      // the 都市圏域: every 市町 of the hub, 北九州市 (政令指定都市) as the 中心市
      await tx.query(
        `INSERT INTO region_framework_members (framework_id, name, local_government_code, municipality_code, role, joined_on, sort_order, is_sample)
         SELECT $1, name, code, code, CASE WHEN kind = 'designated_city' THEN 'central_city' ELSE 'partner' END, joined_on, sort_order, true
           FROM region_municipalities ORDER BY sort_order`,
        [frameworkId],
      );
    } else {
      for (const [j, member] of framework.members.entries()) {
        await tx.query(
          `INSERT INTO region_framework_members (framework_id, name, local_government_code, municipality_code, role, sort_order, is_sample)
           VALUES ($1, $2, $3, $4, $5, $6, true)`,
          [frameworkId, member.name, member.code, member.municipality ?? null, member.role, j + 1],
        );
      }
    }
  }
}

async function insertProjects(tx: Queryable): Promise<void> {
  const owner = await organisationIdByCode(tx, "seisaku-koiki");
  for (const [frameworkCode, name, summary, status, startYear, lead] of SAMPLE_PROJECTS) {
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO region_projects (framework_id, name, summary, lead_member_id, status, owner_organisation_id, start_fiscal_year, is_sample)
       SELECT f.id, $2, $3, (SELECT m.id FROM region_framework_members m WHERE m.framework_id = f.id AND m.name = $6), $4, $5, $7, true
         FROM region_frameworks f WHERE f.code = $1 RETURNING id`,
      [frameworkCode, name, summary, status, owner, lead, startYear],
    );
    // every member of the framework takes part in the sample projects
    await tx.query(
      `INSERT INTO region_project_members (project_id, member_id)
       SELECT $1, m.id FROM region_framework_members m JOIN region_projects p ON p.framework_id = m.framework_id WHERE p.id = $1`,
      [rows[0].id],
    );
  }
}

export async function loadPartnershipDemo(db: Db): Promise<void> {
  if (await hasFrameworks(db)) return;
  await db.transaction(async (tx) => {
    await insertFrameworks(tx);
    await insertProjects(tx);
    await recordAudit(tx, DEMO_ACTOR, {
      action: "load",
      entityType: "region_framework",
      entityId: null,
      summary: `広域連携のサンプルデータ（枠組み3件、連携事業${SAMPLE_PROJECTS.length}件）を読み込みました`,
    });
  });
  // each part of issue 18 loads its sample data here, one line each
}
