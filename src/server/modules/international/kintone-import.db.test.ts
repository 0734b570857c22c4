// The kintone import on the sample city: each sample export imported twice gives the same records (the second time
// changes nothing), the field-name and field-code forms of one app give the same records, a newer export updates by
// レコード番号, and a file with a bad row imports nothing and names the row.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoDataIfEmpty } from "../../demo";
import { organisationIdByCode } from "../../platform/admin/organisations";
import type { Actor } from "../../platform/audit/audit";
import { createLogger } from "../../platform/logger";
import { createTestDb, type TestDb } from "../../testing/db";
import { buildUser } from "../../testing/factories";
import { encodeKintoneCsv, SAMPLE_USERS, sampleKintoneLines } from "./kintone/sample-export";
import { BAD_ROW_SAMPLE, BAD_ROW_SAMPLE_ROW, KINTONE_SAMPLE_FILES, readKintoneSample } from "./kintone/sample-files";
import { importKintoneBytes } from "./kintone-service";

const actor: Actor = { userId: null, label: "kintone 取込の試験" };

/** Everything an import writes, as comparable rows (ids replaced by keys and names). */
async function snapshot(t: TestDb) {
  const projects = await t.db.query(
    `SELECT p.source_key, p.name, o.name AS owner, f.name AS field, p.status, p.is_public, p.first_fiscal_year, p.last_fiscal_year,
            p.summary, p.themes, p.contact_name, p.contact_user_id, p.version,
            (SELECT json_agg(json_build_array(pa.country, pa.city, pa.organisation, pa.relation, pa.related_since) ORDER BY pa.country, pa.city)
               FROM international_project_partners pp JOIN international_partners pa ON pa.id = pp.partner_id WHERE pp.project_id = p.id) AS partners,
            (SELECT json_agg(json_build_array(y.fiscal_year, y.funding_source, y.budget, y.settled) ORDER BY y.fiscal_year, y.funding_source)
               FROM international_project_years y WHERE y.project_id = p.id) AS years
       FROM international_projects p JOIN organisations o ON o.id = p.owner_organisation_id JOIN international_fields f ON f.id = p.field_id
      WHERE p.source_key IS NOT NULL ORDER BY p.source_key`,
  );
  const trips = await t.db.query(
    `SELECT t.source_key, t.title, t.status, t.departs_on, t.returns_on, t.report_due_on, t.report_filed_on, t.safety_level, t.version,
            (SELECT json_agg(json_build_array(tr.name, tr.role, tr.user_id) ORDER BY tr.line_no) FROM international_trip_travellers tr WHERE tr.trip_id = t.id) AS travellers,
            (SELECT json_agg(json_build_array(v.visit_on, v.city, v.partner_id) ORDER BY v.line_no) FROM international_trip_visits v WHERE v.trip_id = t.id) AS visits,
            (SELECT json_agg(json_build_array(c.cost_kind, c.planned, c.settled) ORDER BY c.line_no) FROM international_trip_costs c WHERE c.trip_id = t.id) AS costs
       FROM international_trips t WHERE t.source_key IS NOT NULL ORDER BY t.source_key`,
  );
  return { projects: projects.rows, trips: trips.rows };
}

describe("kintone import", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await loadDemoDataIfEmpty(t.db, createLogger("silent"));
    // the staff the sample exports name, by login (field codes) or display name (field names)
    const kokusai = await organisationIdByCode(t.db, "seisaku-kokusai");
    for (const u of SAMPLE_USERS) await buildUser(t.db, { role: "editor", organisationId: kokusai, loginId: u.login, displayName: u.name });
  }, 180_000);
  afterAll(() => t.cleanup());

  const file = (name: string) => readKintoneSample(name);

  it("imports each sample export twice to the same records, and both forms of an app to the same records", async () => {
    const first = await importKintoneBytes(t.db, actor, "projects", file("sample-projects-names-cp932.csv"));
    if (!first.ok) throw new Error(JSON.stringify(first.errors.slice(0, 3)));
    expect(first.created).toBe(first.records);
    expect(first.records).toBeGreaterThan(3);
    const afterProjects = await snapshot(t);
    for (const again of ["sample-projects-names-cp932.csv", "sample-projects-codes-utf8bom.csv"]) {
      const result = await importKintoneBytes(t.db, actor, "projects", file(again));
      expect(result).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: first.records, partnersCreated: 0 });
      expect(await snapshot(t)).toEqual(afterProjects);
    }

    const trips = await importKintoneBytes(t.db, actor, "trips", file("sample-trips-names-utf8.csv"));
    if (!trips.ok) throw new Error(JSON.stringify(trips.errors.slice(0, 3)));
    expect(trips.created).toBe(trips.records);
    const afterTrips = await snapshot(t);
    expect(afterTrips.trips.length).toBe(trips.records);
    for (const again of ["sample-trips-names-utf8.csv", "sample-trips-codes-cp932.csv"]) {
      const result = await importKintoneBytes(t.db, actor, "trips", file(again));
      expect(result).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: trips.records });
      expect(await snapshot(t)).toEqual(afterTrips);
    }
  });

  it("imports nothing from a file with a bad row, and names the row", async () => {
    const before = await snapshot(t);
    const result = await importKintoneBytes(t.db, actor, "projects", file(BAD_ROW_SAMPLE));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.row)).toContain(BAD_ROW_SAMPLE_ROW);
    expect(await snapshot(t)).toEqual(before);
  });

  it("imports nothing when the projects' own checks refuse records, new or changed, and names their rows", async () => {
    const before = await snapshot(t);
    const options = KINTONE_SAMPLE_FILES[1].options;
    const lines = sampleKintoneLines(options);
    const [header] = lines;
    const key = header.indexOf("record_no");
    const fy = header.findIndex((h) => h.endsWith("budget_fy"));
    const funding = header.findIndex((h) => h.endsWith("funding"));
    // records whose second 年度別 row repeats the first's 年度 and 財源: the contract passes it, the project's checks do not
    const firstLines = lines
      .map((_line, i) => i)
      .filter((i) => lines[i][0] === "*" && lines[i + 1]?.[0] === "" && lines[i + 1][fy] !== "" && lines[i][fy] !== "");
    expect(firstLines.length).toBeGreaterThanOrEqual(2);
    const [changed, added] = firstLines;
    for (const i of [changed, added]) {
      lines[i + 1][fy] = lines[i][fy];
      lines[i + 1][funding] = lines[i][funding];
    }
    // one of them as a new record (written in a batch), the other as a newer version of one imported before
    const addedKey = lines[added][key];
    for (const line of lines) if (line[key] === addedKey) line[key] = "90001";
    const result = await importKintoneBytes(t.db, actor, "projects", encodeKintoneCsv(lines, options.encoding, false));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.row).sort((a, b) => a - b)).toEqual([changed + 1, added + 1].sort((a, b) => a - b));
    for (const e of result.errors) expect(e.message).toMatch(/年度・財源が同じです/);
    expect(await snapshot(t)).toEqual(before);
  });

  it("updates a record by its レコード番号 when a newer export changes it", async () => {
    const options = KINTONE_SAMPLE_FILES[1].options;
    const lines = sampleKintoneLines(options);
    const name = lines[0].indexOf("project_name");
    const key = lines[0].indexOf("record_no");
    const changedKey = lines[1][key];
    for (const line of lines.slice(1)) if (line[key] === changedKey) line[name] = "名称を変えた事業（サンプル）";
    const result = await importKintoneBytes(t.db, actor, "projects", encodeKintoneCsv(lines, options.encoding, false));
    expect(result).toMatchObject({ ok: true, created: 0, updated: 1 });
    const { rows } = await t.db.query<{ name: string; version: number }>(
      "SELECT name, version FROM international_projects WHERE source_key = $1",
      [changedKey],
    );
    expect(rows[0].name).toBe("名称を変えた事業（サンプル）");
    expect(rows[0].version).toBe(2);
  });
});
