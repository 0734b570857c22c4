// 枠組みと連携事業 over HTTP on the sample data a first start loads: every member of staff reads frameworks and
// projects; only the bureau that runs 広域連携 (its editors and administrators) writes; edits are version-checked;
// status changes go forward freely and back only with a reason, each kept with its day for the days-in-status; a
// budget whose funding does not add up is refused without a reason and flagged with one; indicators are linked only
// when the vision module has them, and graded as the vision module graded them; every write is audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInJapan } from "../../../common/dates";
import { daysBetween } from "../../../common/step-days";
import { loadDemoDataIfEmpty } from "../../demo";
import { organisationIdByCode } from "../../platform/admin/organisations";
import { createLogger } from "../../platform/logger";
import { createTestApp, type TestApp, type TestClient } from "../../testing/app";
import { buildUser, TEST_PASSWORD } from "../../testing/factories";
import { findIndicatorLabels, findPlanInForce, findRounds, loadRoundGrades, toIndicatorGrades, visionModule } from "../vision";
import { regionModule } from "./index";

let t: TestApp;
let manager: TestClient;
let admin: TestClient;
let finance: TestClient;
let viewer: TestClient;
let municipalityEditor: TestClient;
let anonymous: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  // the sample city, the vision plan (its indicators and graded rounds) and the region module's sample data
  await loadDemoDataIfEmpty(t.db, createLogger("silent"), [visionModule, regionModule]);
  const user = async (role: "admin" | "editor" | "viewer" | "partner", org: string) => {
    const u = await buildUser(t.db, { role, organisationId: org });
    return t.login(u.loginId, TEST_PASSWORD);
  };
  manager = await user("editor", await organisationIdByCode(t.db, "seisaku-koiki"));
  admin = await user("admin", await organisationIdByCode(t.db, "city"));
  finance = await user("editor", await organisationIdByCode(t.db, "zaisei-zaisei"));
  viewer = await user("viewer", await organisationIdByCode(t.db, "sangyo-kikaku"));
  const nogata = await t.db.query<{ organisation_id: string }>("SELECT organisation_id FROM region_municipalities WHERE code = '402044'");
  municipalityEditor = await user("partner", nogata.rows[0].organisation_id);
  anonymous = t.client();
}, 240_000);
afterAll(() => t?.cleanup());

const auditCount = async (entityType: string) =>
  (await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE entity_type = $1", [entityType])).rows[0].n;

async function projectByName(name: string) {
  const list = await viewer.get(`/api/region/projects?q=${encodeURIComponent(name)}`);
  const item = list.body.items.find((p: { name: string }) => p.name === name);
  return (await viewer.get(`/api/region/projects/${item.id}`)).body;
}

async function frameworkByCode(code: string) {
  const list = await viewer.get("/api/region/frameworks");
  const item = list.body.items.find((f: { code: string }) => f.code === code);
  return (await viewer.get(`/api/region/frameworks/${item.id}`)).body;
}

describe("frameworks", () => {
  it("lists the three frameworks with their members, agreements and projects for any member of staff", async () => {
    const list = await viewer.get("/api/region/frameworks");
    expect(list.status).toBe(200);
    expect(list.body.canManage).toBe(false);
    expect(list.body.items.map((f: { code: string }) => f.code)).toEqual(["kanmon", "fukuhoku", "toshiken"]);
    const kanmon = await frameworkByCode("kanmon");
    expect(kanmon.agreements[0]).toMatchObject({ signedOn: "2007-07-02", title: "関門連携共同宣言", file: null });
    expect(kanmon.projects.map((p: { name: string }) => p.name)).toContain("かんもんPAY（関門共通返礼品）");
    // the 関門 projects announced in 2024年10月: かんもんPAY and three more
    expect(kanmon.projects.length).toBeGreaterThanOrEqual(4);
    const toshiken = await frameworkByCode("toshiken");
    expect(toshiken.members).toHaveLength(18);
    expect(toshiken.members.find((m: { role: string }) => m.role === "central_city")).toMatchObject({
      name: "北九州市",
      municipalityCode: "401005",
    });
    expect(toshiken.agreements.map((a: { signedOn: string }) => a.signedOn)).toEqual(["2015-12-24", "2016-04-18"]);
    expect((await frameworkByCode("fukuhoku")).agreements.map((a: { signedOn: string }) => a.signedOn)).toEqual([
      "2009-07-03",
      "2023-02-28",
    ]);
  });

  it("refuses outsiders, 市町 editors and other bureaus' staff as writers", async () => {
    expect((await anonymous.get("/api/region/frameworks")).status).toBe(401);
    expect((await municipalityEditor.get("/api/region/frameworks")).status).toBe(403);
    const body = { code: "test-fw", name: "テスト連携", kind: "other", description: "", startedOn: null };
    expect((await finance.post("/api/region/frameworks", body)).status).toBe(403);
    expect((await viewer.post("/api/region/frameworks", body)).status).toBe(403);
  });

  it("creates and edits a framework (version-checked), adds members by 市町 or by name and checked code, and audits each", async () => {
    const before = await auditCount("region_framework");
    const created = await manager.post("/api/region/frameworks", {
      code: "keihan",
      name: "京築連携（テスト）",
      kind: "other",
      description: "",
      startedOn: "令和6年4月1日",
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ name: "京築連携（テスト）", startedOn: "2024-04-01", canManage: true, version: 1 });
    const id = created.body.id;
    const edited = await manager.patch(`/api/region/frameworks/${id}`, {
      version: 1,
      code: "keihan",
      name: "京築連携",
      kind: "other",
      description: "説明",
      startedOn: null,
    });
    expect(edited.body).toMatchObject({ name: "京築連携", version: 2 });
    const stale = await admin.patch(`/api/region/frameworks/${id}`, {
      version: 1,
      code: "keihan",
      name: "古い版",
      kind: "other",
      description: "",
      startedOn: null,
    });
    expect(stale.status).toBe(409);
    expect(await auditCount("region_framework")).toBe(before + 2);

    // a hub 市町 by its code: name and code come from the 市町 list
    const member = { municipalityCode: "402133", name: "", localGovernmentCode: "", role: "central_city", joinedOn: null, sortOrder: 1 };
    const withYukuhashi = await manager.post(`/api/region/frameworks/${id}/members`, member);
    expect(withYukuhashi.status).toBe(200);
    expect(withYukuhashi.body.members[0]).toMatchObject({ name: "行橋市", localGovernmentCode: "402133", municipalityCode: "402133" });
    // any other government by name and code with a right check digit: 大分県中津市 442038
    const outside = {
      municipalityCode: null,
      name: "中津市",
      localGovernmentCode: "442038",
      role: "counterpart",
      joinedOn: "2024-04-01",
      sortOrder: 2,
    };
    expect(
      (await manager.post(`/api/region/frameworks/${id}/members`, { ...outside, localGovernmentCode: "442039" })).body.error.fields,
    ).toHaveProperty("localGovernmentCode");
    // five digits: the check digit is added
    const added = await manager.post(`/api/region/frameworks/${id}/members`, { ...outside, localGovernmentCode: "44203" });
    expect(added.status).toBe(200);
    expect(added.body.members.map((m: { localGovernmentCode: string }) => m.localGovernmentCode)).toEqual(["402133", "442038"]);
    // a second 中心市 and a duplicate are refused
    const second = await manager.post(`/api/region/frameworks/${id}/members`, { ...member, municipalityCode: "402141" });
    expect(second.status).toBe(400);
    expect(second.body.error.fields).toHaveProperty("role");
    expect((await manager.post(`/api/region/frameworks/${id}/members`, { ...member, role: "partner" })).status).toBe(400);
    expect(await auditCount("region_framework_member")).toBeGreaterThanOrEqual(2);
  });

  it("keeps agreements with their document; a member in a project cannot be removed", async () => {
    const kanmon = await frameworkByCode("kanmon");
    const added = await manager.post(`/api/region/frameworks/${kanmon.id}/agreements`, {
      signedOn: "令和6年10月17日",
      title: "第15回関門トップ会談 合意事項",
      note: "",
    });
    expect(added.status).toBe(200);
    const agreement = added.body.agreements.find((a: { title: string }) => a.title === "第15回関門トップ会談 合意事項");
    expect(agreement.signedOn).toBe("2024-10-17");
    const pdf = new TextEncoder().encode("%PDF-1.4\n%%EOF\n");
    expect((await viewer.upload(`/api/region/frameworks/${kanmon.id}/agreements/${agreement.id}/file`, "合意事項.pdf", pdf)).status).toBe(
      403,
    );
    const uploaded = await manager.upload(`/api/region/frameworks/${kanmon.id}/agreements/${agreement.id}/file`, "合意事項.pdf", pdf);
    expect(uploaded.status).toBe(200);
    expect(uploaded.body.agreements.find((a: { id: string }) => a.id === agreement.id).file).toMatchObject({ name: "合意事項.pdf" });
    const download = await viewer.get(`/api/region/frameworks/${kanmon.id}/agreements/${agreement.id}/file`);
    expect(download.status).toBe(200);
    expect(new TextDecoder().decode(download.raw)).toContain("%PDF");
    // a text file is not an agreement document
    expect(
      (await manager.upload(`/api/region/frameworks/${kanmon.id}/agreements/${agreement.id}/file`, "a.txt", new TextEncoder().encode("x")))
        .status,
    ).toBe(400);
    // deleting the agreement deletes its document
    const deleted = await manager.delete(`/api/region/frameworks/${kanmon.id}/agreements/${agreement.id}`);
    expect(deleted.body.agreements.some((a: { id: string }) => a.id === agreement.id)).toBe(false);
    const files = await t.db.query("SELECT 1 FROM files WHERE owner_kind = 'region.agreement' AND owner_id = $1", [agreement.id]);
    expect(files.rowCount).toBe(0);

    const shimonoseki = kanmon.members.find((m: { name: string }) => m.name === "下関市");
    const refused = await manager.delete(`/api/region/frameworks/${kanmon.id}/members/${shimonoseki.id}`);
    expect(refused.status).toBe(409);
  });
});

describe("projects", () => {
  it("lists, filters, searches, sorts and pages the projects; the days in the current status count to today", async () => {
    const all = await viewer.get("/api/region/projects?pageSize=200");
    expect(all.status).toBe(200);
    expect(all.body.total).toBeGreaterThanOrEqual(11);
    const running = await viewer.get("/api/region/projects?status=running&sort=name");
    expect(running.body.items.every((p: { status: string }) => p.status === "running")).toBe(true);
    const paged = await viewer.get("/api/region/projects?pageSize=2&page=2&sort=name");
    expect(paged.body.items).toHaveLength(2);
    expect(paged.body.page).toBe(2);
    const found = await viewer.get(`/api/region/projects?q=${encodeURIComponent("消防指令")}`);
    expect(found.body.items).toHaveLength(1);
    const p = found.body.items[0];
    expect(p.daysInStatus).toBe(daysBetween(p.statusSince, todayInJapan()));
    const fy = await viewer.get("/api/region/projects?fiscalYear=2024&pageSize=200");
    expect(fy.body.items.map((i: { name: string }) => i.name)).toContain("圏域観光プロモーション事業");
    expect(fy.body.items.find((i: { name: string }) => i.name === "圏域観光プロモーション事業").budget).toMatchObject({
      fiscalYear: 2024,
      totalYen: 30_000_000,
      fundingMatches: true,
    });
    const csv = await viewer.get("/api/region/projects/export?format=csv&status=running");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toContain("attachment");
    expect(new TextDecoder().decode(csv.raw)).toContain("圏域観光プロモーション事業");
  });

  it("shows a project's history with the days in each status (the step back with its reason)", async () => {
    const fire = await projectByName("消防指令業務の共同運用");
    expect(fire.history.map((h: { status: string }) => h.status)).toEqual(["concept", "negotiating", "concept", "negotiating"]);
    expect(fire.history[2]).toMatchObject({
      fromStatus: "negotiating",
      enteredOn: "2024-09-30",
      days: daysBetween("2024-09-30", "2025-05-15"),
    });
    expect(fire.history[2].reason).toContain("負担割合");
    expect(fire.daysPerStatus.concept).toBe(daysBetween("2023-04-01", "2024-02-01") + daysBetween("2024-09-30", "2025-05-15"));
  });

  it("registers a project (lead always takes part), edits it version-checked and refuses members of another framework", async () => {
    const kanmon = await frameworkByCode("kanmon");
    const fukuhoku = await frameworkByCode("fukuhoku");
    const owner = await organisationIdByCode(t.db, "seisaku-koiki");
    const kitakyushu = kanmon.members.find((m: { name: string }) => m.name === "北九州市");
    const body = {
      frameworkId: kanmon.id,
      name: "関門 テスト事業",
      summary: "",
      leadMemberId: kitakyushu.id,
      memberIds: [],
      ownerOrganisationId: owner,
      startFiscalYear: 2026,
      endFiscalYear: null,
      status: "concept",
      statusSince: null,
    };
    expect((await finance.post("/api/region/projects", body)).status).toBe(403);
    const foreign = await manager.post("/api/region/projects", { ...body, memberIds: [fukuhoku.members[0].id] });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.fields).toHaveProperty("memberIds");
    const external = await manager.post("/api/region/projects", {
      ...body,
      ownerOrganisationId: await organisationIdByCode(t.db, "partner-fukuoka"),
    });
    expect(external.status).toBe(400);
    const created = await manager.post("/api/region/projects", body);
    expect(created.status).toBe(200);
    expect(created.body.members.map((m: { name: string }) => m.name)).toEqual(["北九州市"]);
    expect(created.body.history).toHaveLength(1);
    const edit = {
      ...body,
      version: created.body.version,
      name: "関門 テスト事業（改）",
      memberIds: kanmon.members.map((m: { id: string }) => m.id),
    };
    delete (edit as Record<string, unknown>).frameworkId;
    delete (edit as Record<string, unknown>).status;
    delete (edit as Record<string, unknown>).statusSince;
    const edited = await manager.patch(`/api/region/projects/${created.body.id}`, edit);
    expect(edited.status).toBe(200);
    expect(edited.body.members).toHaveLength(2);
    const stale = await manager.patch(`/api/region/projects/${created.body.id}`, edit);
    expect(stale.status).toBe(409);
  });

  it("moves status forward freely, back only with a reason, never to a future day or before the current one; audited", async () => {
    const project = await projectByName("関門サイクルツーリズムの推進");
    const today = todayInJapan();
    const url = `/api/region/projects/${project.id}/status`;
    expect((await viewer.post(url, { version: project.version, status: "agreed", on: today, reason: "" })).status).toBe(403);
    const back = await manager.post(url, { version: project.version, status: "concept", on: today, reason: "" });
    expect(back.status).toBe(400);
    expect(back.body.error.fields).toHaveProperty("reason");
    expect((await manager.post(url, { version: project.version, status: "agreed", on: "2099-04-01", reason: "" })).status).toBe(400);
    expect((await manager.post(url, { version: project.version, status: "agreed", on: "2020-04-01", reason: "" })).status).toBe(400);
    expect((await manager.post(url, { version: project.version, status: "negotiating", on: today, reason: "" })).status).toBe(400);
    const before = await auditCount("region_project");
    const forward = await manager.post(url, { version: project.version, status: "agreed", on: today, reason: "" });
    expect(forward.status).toBe(200);
    expect(forward.body).toMatchObject({ status: "agreed", statusSince: today, daysInStatus: 0 });
    expect(forward.body.history.at(-1)).toMatchObject({ status: "agreed", fromStatus: "negotiating", days: 0, leftOn: null });
    // a stale version is refused
    expect((await manager.post(url, { version: project.version, status: "running", on: today, reason: "" })).status).toBe(409);
    const backWithReason = await manager.post(url, {
      version: forward.body.version,
      status: "negotiating",
      on: today,
      reason: "ルートの安全確認をやり直す",
    });
    expect(backWithReason.status).toBe(200);
    expect(backWithReason.body.history.at(-1)).toMatchObject({ status: "negotiating", reason: "ルートの安全確認をやり直す" });
    expect(await auditCount("region_project")).toBe(before + 2);
  });

  it("saves a budget whose funding adds up; refuses a mismatch without a reason and keeps it flagged with one", async () => {
    const project = await projectByName("福北スタートアップ連携");
    const url = `/api/region/projects/${project.id}/budgets/2027`;
    const funding = {
      special_allocation_tax: 0,
      ordinary_allocation_tax: 0,
      grant: 1_000_000,
      member_contribution: 0,
      general_revenue: 2_000_000,
    };
    expect((await finance.put(url, { version: null, totalYen: 3_000_000, funding, note: "", mismatchReason: "" })).status).toBe(403);
    const ok = await manager.put(url, { version: null, totalYen: 3_000_000, funding, note: "", mismatchReason: "" });
    expect(ok.status).toBe(200);
    const saved = ok.body.budgets.find((b: { fiscalYear: number }) => b.fiscalYear === 2027);
    expect(saved).toMatchObject({
      totalYen: 3_000_000,
      fundingTotalYen: 3_000_000,
      fundingMatches: true,
      mismatchMessage: null,
      version: 1,
    });
    // a new 年度 over an existing one, or an old version, is refused
    expect((await manager.put(url, { version: null, totalYen: 1, funding, note: "", mismatchReason: "" })).status).toBe(409);
    const mismatch = await manager.put(url, { version: 1, totalYen: 5_000_000, funding, note: "", mismatchReason: "" });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.error.fields).toHaveProperty("mismatchReason");
    expect(mismatch.body.error.message).toContain("2,000,000円少なく");
    const flagged = await manager.put(url, { version: 1, totalYen: 5_000_000, funding, note: "", mismatchReason: "特別交付税の額が未定" });
    expect(flagged.status).toBe(200);
    expect(flagged.body.budgets.find((b: { fiscalYear: number }) => b.fiscalYear === 2027)).toMatchObject({
      fundingMatches: false,
      differenceYen: 2_000_000,
      mismatchReason: "特別交付税の額が未定",
    });
    // the sample's draft 年度 is flagged the same way
    const tourism = await projectByName("圏域観光プロモーション事業");
    expect(tourism.budgets.find((b: { fiscalYear: number }) => b.fiscalYear === 2026)).toMatchObject({
      fundingMatches: false,
      differenceYen: 14_000_000,
    });
    const removed = await manager.delete(url);
    expect(removed.body.budgets.some((b: { fiscalYear: number }) => b.fiscalYear === 2027)).toBe(false);
    expect(await auditCount("region_project_budget")).toBeGreaterThanOrEqual(3);
  });

  it("links vision indicators only through the vision index, and shows the grade the vision module gave", async () => {
    const project = await projectByName("圏域観光プロモーション事業");
    const linked = project.indicators[0];
    expect(linked).toMatchObject({ found: true, code: "S1-M2-P1-01", name: "連携イベントの来場者数" });
    // the grade is the vision module's own for its latest round that graded the indicator
    const plan = await findPlanInForce(t.db, 2026);
    const rounds = await findRounds(t.db, { planId: plan!.id });
    let expected: { grade: string | null; actualValue: number | null } | undefined;
    for (const round of rounds) {
      const g = toIndicatorGrades(await loadRoundGrades(t.db, round)).find((i) => i.indicatorId === linked.indicatorId);
      if (g && (g.grade !== null || g.actualValue !== null)) {
        expected = g;
        break;
      }
    }
    expect(expected).toBeDefined();
    expect(linked.grade).toBe(expected?.grade);
    expect(linked.actualValue).toBe(expected?.actualValue);

    const choices = await viewer.get("/api/region/projects/indicator-choices");
    expect(choices.body.items.length).toBeGreaterThan(5);
    const labels = await findIndicatorLabels(t.db, { planId: plan!.id });
    const fukuoka = labels.find((l) => l.code === "S1-M2-01")!;
    const url = `/api/region/projects/${project.id}/indicators`;
    const unknown = await manager.put(url, { indicatorIds: [fukuoka.id, "00000000-0000-4000-8000-000000000000"] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toHaveProperty("indicatorIds");
    const set = await manager.put(url, { indicatorIds: [linked.indicatorId, fukuoka.id] });
    expect(set.status).toBe(200);
    expect(set.body.indicators.map((i: { code: string }) => i.code)).toEqual(["S1-M2-P1-01", "S1-M2-01"]);
    // an indicator the vision module no longer has is shown as such, never as a silent blank
    await t.db.query(
      "UPDATE region_project_indicators SET indicator_id = '00000000-0000-4000-8000-000000000001' WHERE indicator_id = $1 AND project_id = $2",
      [fukuoka.id, project.id],
    );
    const after = await viewer.get(`/api/region/projects/${project.id}`);
    expect(after.body.indicators[1]).toMatchObject({ found: false, grade: null });
  });

  it("records 庁内調整: a partner department and the budget consultation with 財政 with its rounds", async () => {
    const project = await projectByName("圏域観光プロモーション事業");
    const budgetStep = project.steps.find((s: { kind: string; fiscalYear: number }) => s.kind === "budget" && s.fiscalYear === 2025);
    expect(budgetStep).toMatchObject({
      organisation: { name: "財政課" },
      status: "agreed",
      startedOn: "2024-10-15",
      endedOn: "2025-01-24",
    });
    expect(budgetStep.rounds.map((r: { title: string }) => r.title)).toEqual(["予算要求", "財政課査定", "内示"]);
    expect(budgetStep.days).toBe(daysBetween("2024-10-15", "2025-01-24"));
    expect(project.steps.some((s: { organisation: { name: string } }) => s.organisation.name === "観光課")).toBe(true);

    const zaisei = await organisationIdByCode(t.db, "zaisei-zaisei");
    const url = `/api/region/projects/${project.id}/steps`;
    const noYear = await manager.post(url, {
      kind: "budget",
      organisationId: zaisei,
      fiscalYear: null,
      status: "planned",
      startedOn: null,
      endedOn: null,
      note: "",
    });
    expect(noYear.status).toBe(400);
    const agreedWithoutEnd = await manager.post(url, {
      kind: "budget",
      organisationId: zaisei,
      fiscalYear: 2028,
      status: "agreed",
      startedOn: "2026-10-01",
      endedOn: null,
      note: "",
    });
    expect(agreedWithoutEnd.status).toBe(400);
    const added = await manager.post(url, {
      kind: "budget",
      organisationId: zaisei,
      fiscalYear: 2028,
      status: "in_progress",
      startedOn: "2026-10-01",
      endedOn: null,
      note: "",
    });
    expect(added.status).toBe(200);
    const step = added.body.steps.find((s: { fiscalYear: number }) => s.fiscalYear === 2028);
    const round = await manager.post(`/api/region/projects/${project.id}/steps/${step.id}/rounds`, {
      heldOn: "2026-10-20",
      title: "予算要求",
      outcome: "",
    });
    expect(round.body.steps.find((s: { id: string }) => s.id === step.id).rounds).toHaveLength(1);
    const updated = await manager.patch(`/api/region/projects/${project.id}/steps/${step.id}`, {
      version: step.version,
      kind: "budget",
      organisationId: zaisei,
      fiscalYear: 2028,
      status: "declined",
      startedOn: "2026-10-01",
      endedOn: "2026-11-30",
      note: "見送り",
    });
    expect(updated.status).toBe(200);
    expect(
      (await manager.patch(`/api/region/projects/${project.id}/steps/${step.id}`, { ...updated.body, version: step.version })).status,
    ).toBe(400);
    expect(await auditCount("region_project_step")).toBeGreaterThanOrEqual(3);
  });

  it("writes the yearly report with its file and exports all projects' reports of a 年度 as Excel and PDF", async () => {
    const project = await projectByName("圏域観光プロモーション事業");
    expect(project.reports[0]).toMatchObject({ fiscalYear: 2025 });
    const url = `/api/region/projects/${project.id}/reports/2026`;
    expect((await manager.put(url, { version: null, results: "", outcomes: "", issues: "", nextPolicy: "" })).status).toBe(400);
    const saved = await manager.put(url, { version: null, results: "動画を3本制作", outcomes: "", issues: "", nextPolicy: "継続" });
    expect(saved.status).toBe(200);
    expect((await manager.put(url, { version: null, results: "二重", outcomes: "", issues: "", nextPolicy: "" })).status).toBe(409);
    const pdf = new TextEncoder().encode("%PDF-1.4\n%%EOF\n");
    const uploaded = await manager.upload(`${url}/file`, "報告.pdf", pdf);
    expect(uploaded.body.reports.find((r: { fiscalYear: number }) => r.fiscalYear === 2026).file).toMatchObject({ name: "報告.pdf" });
    expect((await viewer.get(`${url}/file`)).status).toBe(200);

    const xlsx = await viewer.get("/api/region/projects/yearly-report?fiscalYear=2025&format=xlsx");
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    const printed = await viewer.get("/api/region/projects/yearly-report?fiscalYear=2025&format=pdf");
    expect(printed.status).toBe(200);
    expect(new TextDecoder().decode(printed.raw.slice(0, 5))).toBe("%PDF-");
  });
});
