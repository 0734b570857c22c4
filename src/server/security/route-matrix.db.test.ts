// Proves who may call every route: each route of the running application is called as each kind of caller and the
// answer is checked against the table written by hand in matrix-*.ts (never read from the contracts' `allow`).
// A route missing from the table fails, so a route added later must say who may call it.
//
// How a call is judged:
// - reads (GET): an allowed caller gets 2xx; a refused one 401 (not signed in) or 403/404.
// - writes with a JSON body: a refused caller is sent the table's valid body and must get 401/403/404, so the refusal
//   comes from authorization, not validation; an allowed caller is sent that body plus one unknown key and must get
//   400 (it passed authorization and stopped at validation, changing nothing).
// - writes without a body, and uploads: refused callers as above; allowed callers are not called here (the call would
//   act), their success is each module's own tests' business.
// - a route with a record id that suppliers or council members may call, called with another organisation's record:
//   404 for them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPath, type Contract } from "../../common/api/contract";
import { routeContracts } from "../app";
import type { TestClient, TestResponse } from "../testing/app";
import { analysisFiguresMatrix } from "./matrix-analysis-figures";
import { analysisReportsMatrix } from "./matrix-analysis-reports";
import { analysisReviewsMatrix } from "./matrix-analysis-reviews";
import { analysisSubjectsMatrix } from "./matrix-analysis-subjects";
import { furusatoMatrix } from "./matrix-furusato";
import { internationalMatrix } from "./matrix-international";
import { internationalFilesMatrix } from "./matrix-international-files";
import { internationalGroupsMatrix } from "./matrix-international-groups";
import { internationalKintoneMatrix } from "./matrix-international-kintone";
import { internationalOverviewMatrix } from "./matrix-international-overview";
import { internationalPublicMatrix } from "./matrix-international-public";
import { internationalStaffMatrix } from "./matrix-international-staff";
import { internationalTripsMatrix } from "./matrix-international-trips";
import { internationalViewsMatrix } from "./matrix-international-views";
import { meetingsMatrix } from "./matrix-meetings";
import { platformMatrix } from "./matrix-platform";
import { policyMatrix } from "./matrix-policy";
import { regionAnalyticsMatrix } from "./matrix-region-analytics";
import { regionCandidatesMatrix } from "./matrix-region-candidates";
import { regionCostSharesMatrix } from "./matrix-region-cost-shares";
import { regionCurationMatrix } from "./matrix-region-curation";
import { regionExportMatrix } from "./matrix-region-export";
import { regionMunicipalitiesMatrix } from "./matrix-region-municipalities";
import { regionProjectsMatrix } from "./matrix-region-projects";
import { regionPublicMatrix } from "./matrix-region-public";
import { sdgsAccountsMatrix } from "./matrix-sdgs-accounts";
import { sdgsCertificationMatrix } from "./matrix-sdgs-certification";
import { sdgsCompanyMatrix } from "./matrix-sdgs-company";
import { sdgsFinanceMatrix } from "./matrix-sdgs-finance";
import { sdgsPublicMatrix } from "./matrix-sdgs-public";
import { sdgsRoundsMatrix } from "./matrix-sdgs-rounds";
import { sdgsScreeningMatrix } from "./matrix-sdgs-screening";
import { sdgsStationMatrix } from "./matrix-sdgs-station";
import { allowedRoles, MATRIX_ROLES, type MatrixModule, type MatrixRole, type RouteCase } from "./matrix-table";
import { visionMatrix } from "./matrix-vision";
import { buildMatrixWorld, type MatrixWorld } from "./matrix-world";
import { zonesMatrix } from "./matrix-zones";

const ALL_MODULES: MatrixModule[] = [
  platformMatrix,
  policyMatrix,
  furusatoMatrix,
  visionMatrix,
  internationalOverviewMatrix,
  internationalMatrix,
  internationalTripsMatrix,
  internationalFilesMatrix,
  internationalViewsMatrix,
  internationalGroupsMatrix,
  internationalKintoneMatrix,
  internationalPublicMatrix,
  internationalStaffMatrix,
  sdgsPublicMatrix,
  sdgsFinanceMatrix,
  sdgsRoundsMatrix,
  sdgsScreeningMatrix,
  sdgsAccountsMatrix,
  sdgsCertificationMatrix,
  sdgsCompanyMatrix,
  sdgsStationMatrix,
  regionMunicipalitiesMatrix,
  regionCurationMatrix,
  regionPublicMatrix,
  regionExportMatrix,
  regionAnalyticsMatrix,
  regionProjectsMatrix,
  regionCandidatesMatrix,
  regionCostSharesMatrix,
  meetingsMatrix,
  zonesMatrix,
  analysisSubjectsMatrix,
  analysisFiguresMatrix,
  analysisReviewsMatrix,
  analysisReportsMatrix,
];
// MATRIX_MODULE=furusato runs one module's rows only (while writing them); the full run also checks coverage.
const ONLY = process.env.MATRIX_MODULE;
const MODULES = ONLY ? ALL_MODULES.filter((m) => m.name === ONLY) : ALL_MODULES;
const routeKey = (c: Pick<Contract, "method" | "path">) => `${c.method.toUpperCase()} ${c.path}`;
const EXTERNAL_ROLES: MatrixRole[] = ["supplier", "council", "company", "bank", "reviewer", "municipalityEditor"];
const PROBE_KEY = "__matrixProbe";

const TABLE: Record<string, RouteCase> = {};
for (const module of MODULES) {
  for (const [key, entry] of Object.entries(module.table)) {
    if (TABLE[key]) throw new Error(`${key} appears in two tables`);
    TABLE[key] = entry;
  }
}

let world: MatrixWorld;
let contracts: readonly Contract[];

beforeAll(async () => {
  world = await buildMatrixWorld(MODULES);
  contracts = routeContracts(world.t.app);
}, 180_000);
afterAll(() => world?.t.cleanup());

function urlOf(contract: Contract, entry: RouteCase, role: MatrixRole, params?: Record<string, string>): string {
  const path = buildPath(contract.path, params ?? entry.params?.(world.ids, role));
  const query = entry.query?.(world.ids, role);
  return query ? `${path}?${new URLSearchParams(query)}` : path;
}

function send(client: TestClient, contract: Contract, url: string, body: unknown): Promise<TestResponse> {
  const method = contract.method.toUpperCase();
  if (method === "GET") return client.get(url);
  if (contract.kind === "multipart") return client.request(method, url, new FormData());
  return client.request(method, url, body);
}

const describeAnswer = (r: TestResponse) =>
  `${r.status} ${typeof r.body === "object" && r.body && "error" in r.body ? JSON.stringify((r.body as { error: unknown }).error) : ""}`;

describe("route × role matrix", () => {
  it.skipIf(!!ONLY)("covers every route the application serves, and nothing else", () => {
    expect(contracts.length).toBeGreaterThan(150);
    const served = contracts.map(routeKey);
    expect(
      served.filter((key) => !TABLE[key]),
      "routes missing from the matrix table",
    ).toEqual([]);
    expect(
      Object.keys(TABLE).filter((key) => !served.includes(key)),
      "table rows without a route",
    ).toEqual([]);
    for (const [key, entry] of Object.entries(TABLE)) expect(() => allowedRoles(entry.who), key).not.toThrow();
  });

  it("answers each role as the table says", async () => {
    const mismatches: string[] = [];
    let calls = 0;
    for (const contract of contracts) {
      const key = routeKey(contract);
      const entry = TABLE[key];
      if (!entry) continue;
      const allowed = allowedRoles(entry.who);
      const isRead = contract.method === "get";
      const hasJsonBody = !!contract.body && contract.kind !== "multipart";
      for (const { key: role } of MATRIX_ROLES) {
        const may = allowed.has(role);
        if (!isRead && may && !hasJsonBody) continue; // the call would act: left to the module's tests
        const valid = entry.body?.(world.ids) ?? {};
        const body = hasJsonBody ? (may ? { ...(valid as object), [PROBE_KEY]: true } : valid) : undefined;
        const response = await send(world.clients[role], contract, urlOf(contract, entry, role), body);
        calls++;
        const ok = may
          ? isRead
            ? response.status >= 200 && response.status < 300
            : response.status === 400
          : role === "anonymous"
            ? response.status === 401
            : response.status === 403 || response.status === 404;
        if (!ok) mismatches.push(`${key} as ${role}: expected ${may ? "allowed" : "refused"}, got ${describeAnswer(response)}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(calls).toBeGreaterThan(ONLY ? 0 : 500);
  }, 300_000);

  it("answers 404 to outside logins (suppliers, council members, companies, banks, reviewers) for another organisation's record", async () => {
    const mismatches: string[] = [];
    let calls = 0;
    for (const contract of contracts) {
      const entry = TABLE[routeKey(contract)];
      if (!entry?.foreign) continue;
      const allowed = allowedRoles(entry.who);
      for (const role of EXTERNAL_ROLES) {
        if (!allowed.has(role)) continue;
        const response = await send(
          world.clients[role],
          contract,
          urlOf(contract, entry, role, entry.foreign(world.ids, role)),
          entry.body?.(world.ids),
        );
        calls++;
        if (response.status !== 404)
          mismatches.push(`${routeKey(contract)} as ${role} with another organisation's record: ${describeAnswer(response)}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(calls).toBeGreaterThan(ONLY ? -1 : 5);
  }, 120_000);
});
