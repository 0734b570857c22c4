// SQL of 広域連携's sample data (partnership-demo.ts): the frameworks, their members and the sample joint projects.
import type { Queryable } from "../../db/database";
import type { SampleFrameworksFile, SampleProject } from "./partnership-demo";

export async function hasFrameworks(db: Queryable): Promise<boolean> {
  const { rowCount } = await db.query("SELECT 1 FROM region_frameworks LIMIT 1");
  return (rowCount ?? 0) > 0;
}

export async function insertSampleFrameworks(tx: Queryable, file: SampleFrameworksFile): Promise<void> {
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

export async function insertSampleProjects(tx: Queryable, projects: readonly SampleProject[], owner: string): Promise<void> {
  for (const [frameworkCode, name, summary, status, startYear, lead] of projects) {
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
