// Projects created in batches (the kintone import) and through createProjectIn cannot drift apart: the same input
// written both ways gives the same row in every table (project, partners, years, indicators, results) and the same
// audit row; and the batch's set-based checks pass exactly what the service's checks pass (each input they stop is
// refused by createProjectIn with a ValidationError).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProjectInput } from "../../../common/api/international";
import type { Queryable } from "../../db/database";
import type { Actor } from "../../platform/audit/audit";
import { ValidationError } from "../../platform/errors";
import { buildOrganisation, buildUser } from "../../testing/factories";
import { buildProjectWorld, idOf, type ProjectWorld } from "./project.fixture";
import { insertCheckedProjects, passProjectChecks, projectChecker } from "./project-batch";
import { createProjectIn } from "./project-service";

let w: ProjectWorld;
const actor: Actor = { userId: null, label: "一括登録の試験", requestId: "req-batch" };

beforeAll(async () => {
  w = await buildProjectWorld();
}, 120_000);
afterAll(() => w?.t.cleanup());

async function partnerId(city: string) {
  const { rows } = await w.t.db.query<{ id: string }>("SELECT id FROM international_partners WHERE city = $1 AND organisation = ''", [
    city,
  ]);
  return rows[0].id;
}

async function fullInput(over: Partial<ProjectInput> = {}): Promise<ProjectInput> {
  const busan = await partnerId("釜山広域市");
  return {
    name: "釜山との環境技術交流",
    ownerOrganisationId: w.org.kankyoDivision,
    contactUserId: w.users.zaisei.id,
    contactName: "環境 太郎",
    fieldId: await idOf(w.t.db, "international_fields", "name", "視察・調査"),
    status: "active",
    isPublic: true,
    firstFiscalYear: 2024,
    lastFiscalYear: 2027,
    summary: "水処理と廃棄物の技術交流",
    themes: ["環境", "技術", "環境"],
    partnerIds: [busan, busan],
    years: [
      { fiscalYear: 2024, fundingSource: "general", budget: 1_200_000, settled: 1_150_000 },
      { fiscalYear: 2024, fundingSource: "national", budget: 300_000, settled: null },
      { fiscalYear: 2025, fundingSource: "general", budget: 900_000, settled: null },
    ],
    indicators: [
      {
        name: "研修参加者数",
        unit: "人",
        direction: "higher",
        baselineValue: 0,
        baselineFiscalYear: 2023,
        targetValue: 40.5,
        targetFiscalYear: 2027,
        results: [
          { fiscalYear: 2024, value: 12.25 },
          { fiscalYear: 2025, value: 20 },
        ],
      },
      {
        name: "廃棄物量",
        unit: "t",
        direction: "lower",
        baselineValue: 1000,
        baselineFiscalYear: 2023,
        targetValue: 800,
        targetFiscalYear: 2027,
        results: [],
      },
    ],
    ...over,
  };
}

/**
 * Everything written for the project, ids and the moment left out: every column of every table, its audit row and
 * its search entry.
 */
async function written(db: Queryable, sourceKey: string) {
  const project = await db.query<{ id: string; row: Record<string, unknown> }>(
    `SELECT id, to_jsonb(p) - 'id' - 'source_key' - 'created_at' - 'updated_at' AS row FROM international_projects p WHERE source_key = $1`,
    [sourceKey],
  );
  const id = project.rows[0].id;
  const rows = async (sql: string) => (await db.query<{ row: unknown }>(sql, [id])).rows.map((r) => r.row);
  return {
    project: project.rows[0].row,
    partners: await rows(
      "SELECT to_jsonb(x) - 'project_id' AS row FROM international_project_partners x WHERE project_id = $1 ORDER BY partner_id",
    ),
    years: await rows(
      "SELECT to_jsonb(x) - 'project_id' AS row FROM international_project_years x WHERE project_id = $1 ORDER BY fiscal_year, funding_source",
    ),
    indicators: await rows(
      `SELECT to_jsonb(i) - 'id' - 'project_id' || jsonb_build_object('results',
                (SELECT coalesce(jsonb_agg(to_jsonb(r) - 'indicator_id' ORDER BY r.fiscal_year), '[]') FROM international_indicator_results r
                  WHERE r.indicator_id = i.id)) AS row
         FROM international_indicators i WHERE project_id = $1 ORDER BY sort_order`,
    ),
    audit: await rows(
      `SELECT to_jsonb(a) - 'id' - 'occurred_at' - 'entity_id' AS row FROM audit_log a
        WHERE entity_type = 'international_project' AND entity_id = $1::text ORDER BY id`,
    ),
    search: await rows(
      `SELECT to_jsonb(d) - 'entity_id' - 'url' - 'updated_at' AS row FROM search_documents d
        WHERE module = 'international' AND entity_type = 'project' AND entity_id = $1::text`,
    ),
  };
}

describe("projects created in a batch", () => {
  it("are written row for row as createProjectIn writes them, audit row included", async () => {
    const db = w.t.db;
    const input = await fullInput();
    await db.transaction((tx) => createProjectIn(tx, actor, input, { sourceKey: "service-1" }));
    const second = await fullInput({ name: "二つ目の事業", indicators: [], partnerIds: [], contactUserId: null });
    const ids = await db.transaction(async (tx) => {
      expect(await passProjectChecks(tx, [input, second])).toEqual([true, true]);
      return insertCheckedProjects(tx, actor, [
        { input, sourceKey: "batch-1" },
        { input: second, sourceKey: "batch-2" },
      ]);
    });
    expect(ids).toHaveLength(2);
    const byService = await written(db, "service-1");
    const byBatch = await written(db, "batch-1");
    expect(byBatch).toEqual(byService);
    // what is compared is all there
    expect(byService.partners).toHaveLength(1);
    expect(byService.years).toHaveLength(3);
    expect(byService.indicators).toHaveLength(2);
    expect(byService.audit).toHaveLength(1);
    expect(byService.search).toHaveLength(1);
    expect(byService.project).toMatchObject({ themes: ["環境", "技術"], version: 1, contact_user_id: w.users.zaisei.id });
    // each project of the batch has its own parts and audit row
    const other = await written(db, "batch-2");
    expect(other).toMatchObject({ partners: [], indicators: [], audit: [{ summary: "国際関連事業「二つ目の事業」を登録" }] });
    expect(other.years).toEqual(byService.years);
  });

  it("pass the batch's checks exactly when createProjectIn accepts them", async () => {
    const db = w.t.db;
    const external = (await buildOrganisation(db, { name: "他市", kind: "external", code: "batch-external" })).id;
    const field = await db.query<{ id: string }>(
      "INSERT INTO international_fields (name, active) VALUES ('停止した分野（試験）', false) RETURNING id",
    );
    const someone = await buildUser(db, { role: "editor", organisationId: w.org.kankyoDivision, loginId: "batch-gone" });
    const base = await fullInput();
    const missing = "00000000-0000-4000-8000-000000000001";
    const cases: [string, ProjectInput][] = [
      ["the city itself as owner", { ...base, ownerOrganisationId: w.org.city }],
      ["an external owner", { ...base, ownerOrganisationId: external }],
      ["an unknown owner", { ...base, ownerOrganisationId: missing }],
      ["an unknown field", { ...base, fieldId: missing }],
      ["a retired field", { ...base, fieldId: field.rows[0].id }],
      ["an unknown contact", { ...base, contactUserId: missing }],
      ["an unknown partner", { ...base, partnerIds: [missing] }],
      ["a 年度・財源 twice", { ...base, years: [base.years[0], { ...base.years[0], budget: 1 }] }],
      [
        "a result's 年度 twice",
        { ...base, indicators: [{ ...base.indicators[0], results: [base.indicators[0].results[0], base.indicators[0].results[0]] }] },
      ],
    ];
    const good = { ...base, contactUserId: someone.id };
    const passed = await passProjectChecks(db, [good, ...cases.map(([, input]) => input)]);
    expect(passed).toEqual([true, ...cases.map(() => false)]);
    // batch after batch (what one batch looked up is remembered): the same answers
    const check = projectChecker(db);
    expect(await check([good, cases[2][1]])).toEqual([true, false]);
    expect(await check(cases.map(([, input]) => input))).toEqual(cases.map(() => false));
    expect(await check([good])).toEqual([true]);
    for (const [what, input] of cases) {
      const error = await db
        .transaction((tx) => createProjectIn(tx, actor, input))
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(error, what).toBeInstanceOf(ValidationError);
    }
  });
});
