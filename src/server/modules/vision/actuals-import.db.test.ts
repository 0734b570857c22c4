import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobRun } from "../../../common/api/platform";
import { createTestApp, type TestApp, type TestClient } from "../../testing/app";
import { buildCity, buildOrganisation, buildUser, TEST_PASSWORD } from "../../testing/factories";
import { setVisionOwner } from "./access";
import { createIndicatorIn } from "./indicators";
import { createNodeIn, createPlanIn } from "./plan";
import * as planRepo from "./plan-repository";
import { openRoundIn } from "./rounds";

let t: TestApp;
let owner: TestClient; // 産業政策課's editor: owns K0001–K0180
let viewer: TestClient;
let roundId: string;
const actor = { userId: null, label: "テスト" };
const FISCAL_YEARS = ["2020", "令和3年度", "2022", "令和5年度", "2024"];

beforeAll(async () => {
  t = await createTestApp({ jobs: true });
  const city = await buildCity(t.db);
  await setVisionOwner(t.db, city.bureau.id);
  const bureau = await buildOrganisation(t.db, { name: "産業経済局", kind: "bureau", parentId: city.city.id });
  const mine = await buildOrganisation(t.db, { name: "産業政策課", kind: "division", parentId: bureau.id });
  const theirs = await buildOrganisation(t.db, { name: "観光課", kind: "division", parentId: bureau.id });
  owner = await t.login((await buildUser(t.db, { role: "editor", organisationId: mine.id })).loginId, TEST_PASSWORD);
  viewer = await t.login(city.viewer.loginId, TEST_PASSWORD);

  const planId = await createPlanIn(t.db, actor, {
    name: "取込テスト",
    cityImage: "",
    adoptedOn: null,
    firstFiscalYear: 2020,
    lastFiscalYear: 2030,
  });
  const root = (await planRepo.findNodes(t.db, planId))[0];
  const node = (code: string, org: string) =>
    createNodeIn(t.db, actor, planId, {
      parentId: root.id,
      kind: "strategy",
      code,
      title: code,
      description: "",
      ownerOrganisationId: org,
      rollupMethod: "average",
      weight: 1,
      sortOrder: 0,
    });
  const mineNode = await node("S-MINE", mine.id);
  const theirNode = await node("S-THEIRS", theirs.id);
  for (let n = 1; n <= 200; n++) {
    const status = n === 7;
    await createIndicatorIn(t.db, actor, n <= 180 ? mineNode : theirNode, {
      code: `K${String(n).padStart(4, "0")}`,
      name: `指標${n}`,
      unit: "件",
      kind: "成果指標",
      direction: "higher",
      ratingMode: status ? "status" : "numeric",
      baselineValue: status ? null : 0,
      baselineDate: status ? null : "2020-03-31",
      targetValue: status ? null : 100,
      targetFiscalYear: status ? null : 2024,
      dataSource: "",
      exclusion: null,
      ownerOrganisationId: null,
      weight: 1,
      sortOrder: n,
    });
  }
  roundId = await openRoundIn(t.db, actor, planId, {
    name: "令和6年度末",
    fiscalYear: 2024,
    asOf: "2025-03-31",
    deadline: "2025-05-31",
    graceDays: 0,
  });
}, 120_000);
afterAll(() => t.cleanup());

async function finished(client: TestClient, jobId: string): Promise<JobRun> {
  for (let i = 0; i < 600; i++) {
    const job = (await client.get<JobRun>(`/api/jobs/${jobId}`)).body;
    if (job.status === "succeeded" || job.status === "failed") return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("job did not finish");
}

/** 200 indicators × 5 fiscal years = 1,000 values; line n of the data is spreadsheet row n + 1. */
function csvOf(mutate: (cells: string[], row: number) => string[] = (cells) => cells): string {
  const lines = ["指標コード,年度,時点,実績値,状況,備考"];
  let row = 1;
  for (let n = 1; n <= 200; n++) {
    for (const [y, fy] of FISCAL_YEARS.entries()) {
      row++;
      const code = `K${String(n).padStart(4, "0")}`;
      const cells =
        n === 7 ? [code, fy, "", "", "順調", ""] : [code, fy, y === 4 ? "令和7年3月31日" : "", String(10 * (y + 1) + (n % 7)), "", "一括"];
      lines.push(mutate(cells, row).join(","));
    }
  }
  return `${lines.join("\n")}\n`;
}

const actualCount = async () => (await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM vision_actuals")).rows[0].n;

describe("bulk entry of indicator values from CSV (as an import job)", () => {
  it("rejects a file of 1,000 values with a few bad rows as a whole, with a row-by-row report", async () => {
    const bad = csvOf((cells, row) => {
      if (row === 12) return ["K9999", ...cells.slice(1)]; // unknown indicator
      if (row === 33) return [cells[0], cells[1], "", "5", "順調", ""]; // K0007 (rows 32–36) is status-rated: no number
      if (row === 500) return [cells[0], cells[1], "2030-01-01", cells[3], "", ""]; // K0100, 令和5年度: outside the year
      return cells; // K0181–K0200 (rows 902–1001) belong to 観光課: not this user's
    });
    const started = await owner.upload("/api/imports/vision-actuals", "実績値.csv", new TextEncoder().encode(bad));
    expect(started.status).toBe(200);
    const job = await finished(owner, started.body.jobId);
    expect(job.status).toBe("succeeded");
    const result = job.result as {
      ok: boolean;
      errorCount: number;
      errors: { row: number; column?: string; message: string }[];
      reportFileId: string;
    };
    expect(result.ok).toBe(false);
    const rows = result.errors.map((e) => e.row);
    expect(rows).toEqual([12, 33, 500, ...Array.from({ length: 100 }, (_, i) => 902 + i)]);
    expect(result.errors[0]).toMatchObject({ column: "指標コード", message: "指標コード K9999 の指標が見つかりません" });
    expect(result.errors[1]).toMatchObject({ column: "実績値", message: expect.stringContaining("状況で評価する指標です") });
    expect(result.errors[2]).toMatchObject({ column: "時点", message: expect.stringContaining("令和5年度の中の日付") });
    expect(result.errors[3].message).toContain("権限がありません（所管: 観光課）");
    expect(await actualCount()).toBe(0);

    const report = await owner.get(`/api/files/${result.reportFileId}`);
    expect(report.status).toBe(200);
    expect(String(report.body)).toContain("指標コード K9999 の指標が見つかりません");
  }, 120_000);

  it("reports cells that are not values at all before looking at any indicator", async () => {
    const bad = csvOf((cells, row) =>
      row === 3 ? [cells[0], "令和99年度", ...cells.slice(2)] : row === 4 ? [cells[0], cells[1], "", "十", "", ""] : cells,
    );
    const job = await finished(
      owner,
      (await owner.upload("/api/imports/vision-actuals", "bad.csv", new TextEncoder().encode(bad))).body.jobId,
    );
    const result = job.result as { ok: boolean; errors: { row: number; column?: string }[] };
    expect(result.ok).toBe(false);
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [3, "年度"],
      [4, "実績値"],
    ]);
  }, 120_000);

  it("imports the corrected file in one go: values stored, tasks ticked, the open round regraded", async () => {
    // Corrected: the user's own 900 values (K0001–K0180), 観光課's rows removed, the bad cells fixed.
    const good = csvOf()
      .split("\n")
      .filter((line) => !/^K0(18[1-9]|19\d|200),/.test(line))
      .join("\n");
    const theirs = csvOf()
      .split("\n")
      .filter((line, i) => i === 0 || /^K0(18[1-9]|19\d|200),/.test(line))
      .join("\n");
    const started = await owner.upload("/api/imports/vision-actuals", "実績値_修正.csv", new TextEncoder().encode(good));
    const job = await finished(owner, started.body.jobId);
    expect(job.result).toMatchObject({ ok: true, count: 900, duplicate: false });
    expect(await actualCount()).toBe(900);

    const round = (await viewer.get(`/api/vision/rounds/${roundId}`)).body;
    expect(round.updatedCount).toBe(180);
    const grades = (await viewer.get(`/api/vision/rounds/${roundId}/grades`)).body;
    const k1 = grades.indicators.find((i: { code: string }) => i.code === "K0001");
    expect(k1).toMatchObject({ actualValue: 51, actualAsOf: "2025-03-31", grade: "D", achievement: 51 });
    expect(grades.indicators.find((i: { code: string }) => i.code === "K0007")).toMatchObject({ grade: "順調" });

    // 観光課's editor brings the other 100: the whole 1,000 are in.
    const bureau = (await t.db.query<{ id: string }>("SELECT id FROM organisations WHERE name = '観光課'")).rows[0].id;
    const tourism = await t.login((await buildUser(t.db, { role: "editor", organisationId: bureau })).loginId, TEST_PASSWORD);
    const second = await finished(
      tourism,
      (await tourism.upload("/api/imports/vision-actuals", "観光課.csv", new TextEncoder().encode(theirs))).body.jobId,
    );
    expect(second.result).toMatchObject({ ok: true, count: 100 });
    expect(await actualCount()).toBe(1000);

    // The same file again changes nothing.
    const again = await finished(
      owner,
      (await owner.upload("/api/imports/vision-actuals", "実績値_修正.csv", new TextEncoder().encode(good))).body.jobId,
    );
    expect(again.result).toMatchObject({ ok: true, duplicate: true, count: 0 });
    expect(await actualCount()).toBe(1000);
  }, 120_000);

  it("imports a whole 1,000-value file in one go for a user who may update every indicator", async () => {
    await t.db.query("DELETE FROM vision_grades");
    await t.db.query("DELETE FROM vision_actuals");
    await t.db.query("UPDATE vision_round_tasks SET updated_at = NULL");
    await t.db.query("DELETE FROM tabular_imports WHERE kind = 'vision-actuals'");
    const admin = (await t.db.query<{ login_id: string }>("SELECT login_id FROM users WHERE role = 'admin'")).rows[0].login_id;
    const client = await t.login(admin, TEST_PASSWORD);
    const job = await finished(
      client,
      (await client.upload("/api/imports/vision-actuals", "全件.csv", new TextEncoder().encode(csvOf()))).body.jobId,
    );
    expect(job.result).toMatchObject({ ok: true, count: 1000 });
    expect(await actualCount()).toBe(1000);
    expect((await viewer.get(`/api/vision/rounds/${roundId}`)).body.updatedCount).toBe(200);
  }, 120_000);
});
