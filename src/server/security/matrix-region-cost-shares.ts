// Route × role matrix rows of 負担金 (cost-share rules, computations, the what-if comparison, prints) (see matrix-table.ts for the notation).
//
// The rules, as the part states them (region/cost-share-service.ts): every member of staff (A B D V) reads the rules,
// their versions and the saved computations, reads the inputs a rule needs (and figures from a file, which stores
// nothing), previews a computation and compares two rules; only the bureau that runs the region's work (its editors, B,
// and administrators, A: region.manager) creates rules and versions and saves computations. A 市町's editor (M) and
// outside logins reach none of these routes.
import type { MatrixIds, MatrixModule } from "./matrix-table";

const STAFF = "ABDV.......";
const MANAGER = "AB.........";

export const regionCostSharesMatrix: MatrixModule = {
  name: "region-cost-shares",
  async collect(db): Promise<MatrixIds> {
    const { rows } = await db.query<{ rule_id: string; version_id: string; project_id: string; computation_id: string; member_id: string }>(
      `SELECT r.id AS rule_id, v.id AS version_id, r.project_id, c.id AS computation_id, v.remainder_member_id AS member_id
         FROM region_cost_rules r
         JOIN region_cost_rule_versions v ON v.rule_id = r.id
         JOIN region_cost_computations c ON c.rule_version_id = v.id
        ORDER BY r.created_at LIMIT 1`,
    );
    const r = rows[0];
    return r
      ? {
          "costShare.rule": r.rule_id,
          "costShare.version": r.version_id,
          "costShare.project": r.project_id,
          "costShare.computation": r.computation_id,
          "costShare.member": r.member_id,
        }
      : {};
  },
  table: {
    "GET /api/region/cost-shares": { who: STAFF, query: (ids) => ({ projectId: ids["costShare.project"] }) },
    "POST /api/region/cost-shares/rules": {
      who: MANAGER,
      body: (ids) => ({
        projectId: ids["costShare.project"],
        name: "行列試験のルール",
        appliesFromFiscalYear: 2025,
        rule: {
          components: [{ kind: "equal", weight: 10000 }],
          rounding: { unit: 1, method: "floor" },
          remainderMemberId: ids["costShare.member"],
        },
      }),
    },
    "GET /api/region/cost-shares/rules/:id": { who: STAFF, params: (ids) => ({ id: ids["costShare.rule"] }) },
    "POST /api/region/cost-shares/rules/:id/versions": {
      who: MANAGER,
      params: (ids) => ({ id: ids["costShare.rule"] }),
      body: (ids) => ({
        basedOnVersion: 1,
        appliesFromFiscalYear: 2026,
        rule: {
          components: [{ kind: "equal", weight: 10000 }],
          rounding: { unit: 1, method: "floor" },
          remainderMemberId: ids["costShare.member"],
        },
      }),
    },
    "GET /api/region/cost-shares/inputs": { who: STAFF, query: (ids) => ({ versionIds: ids["costShare.version"] }) },
    "POST /api/region/cost-shares/inputs/import": { who: STAFF, query: (ids) => ({ versionIds: ids["costShare.version"] }) },
    "POST /api/region/cost-shares/preview": {
      who: STAFF,
      body: (ids) => ({ ruleVersionId: ids["costShare.version"], fiscalYear: 2025, total: 1_000_000 }),
    },
    "POST /api/region/cost-shares/compare": {
      who: STAFF,
      body: (ids) => ({ a: ids["costShare.version"], b: "00000000-0000-4000-8000-000000000000", fiscalYear: 2025, total: 1_000_000 }),
    },
    "POST /api/region/cost-shares/computations": {
      who: MANAGER,
      body: (ids) => ({ ruleVersionId: ids["costShare.version"], fiscalYear: 2025, total: 1_000_000 }),
    },
    "GET /api/region/cost-shares/computations/:id": { who: STAFF, params: (ids) => ({ id: ids["costShare.computation"] }) },
    "GET /api/region/cost-shares/computations/:id/export": {
      who: STAFF,
      params: (ids) => ({ id: ids["costShare.computation"] }),
      query: () => ({ format: "xlsx" }),
    },
  },
};
