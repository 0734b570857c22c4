// 経営分析 over HTTP on a city built for the test (no sample data): one analysis per subject and fiscal year (the
// subject's analysis year by default, a second one a 409 in Japanese), findings that keep the indicator keys they rest
// on (and refuse keys the subject does not have), options, the decision's rules, the withdrawal with its reason in the
// audit log, version checks (a stale edit is a 409), and who may write (the bureau responsible; everyone else reads).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { costPerUnitKey } from "../../../common/analysis/indicators";
import { createTestApp, type TestApp, type TestClient } from "../../testing/app";
import { buildCity, buildUser, TEST_PASSWORD } from "../../testing/factories";
import { setAnalysisOwner } from "./access";

let t: TestApp;
let manager: TestClient;
let otherEditor: TestClient;
let viewer: TestClient;
let universityId: string;
let peerId: string;
let noYearId: string;
let measureId: string;

async function insertSubject(values: { name: string; role?: string; kind?: string; year?: number | null; lead?: string | null }) {
  const { rows } = await t.db.query<{ id: string }>(
    `INSERT INTO analysis_subjects (name, role, kind, analysis_fiscal_year, lead_organisation_id, is_affiliated_body)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [values.name, values.role ?? "subject", values.kind ?? "public_university", values.year ?? null, values.lead ?? null, false],
  );
  return rows[0]!.id;
}

async function auditRows(entityId: string) {
  const { rows } = await t.db.query<{ action: string; summary: string; before: unknown; after: unknown }>(
    "SELECT action, summary, before, after FROM audit_log WHERE entity_type = 'analysis_review' AND entity_id = $1 ORDER BY id",
    [entityId],
  );
  return rows;
}

beforeAll(async () => {
  t = await createTestApp();
  const city = await buildCity(t.db);
  await setAnalysisOwner(t.db, city.bureau.id);
  manager = await t.login(city.editor.loginId, TEST_PASSWORD);
  otherEditor = await t.login(city.otherEditor.loginId, TEST_PASSWORD);
  viewer = await t.login(city.viewer.loginId, TEST_PASSWORD);
  universityId = await insertSubject({ name: "北九州市立大学", year: 2026, lead: city.division.id });
  peerId = await insertSubject({ name: "比較大学", role: "peer", kind: "public_university", year: null });
  noYearId = await insertSubject({ name: "分析年度のない事業", kind: "programme", year: null });
  const { rows } = await t.db.query<{ id: string }>(
    "INSERT INTO analysis_measures (subject_id, name, unit, is_cost_basis) VALUES ($1, '学生数', '人', true) RETURNING id",
    [universityId],
  );
  measureId = rows[0]!.id;
  await buildUser(t.db, { role: "viewer", organisationId: city.division.id });
}, 120_000);
afterAll(() => t?.cleanup());

const start = (client: TestClient, body: Record<string, unknown>) => client.post("/api/analysis/reviews", body);

describe("starting an analysis", () => {
  let firstId: string;

  it("starts in the subject's analysis year by default, with the subject's lead division and bureau", async () => {
    const res = await start(manager, { subjectId: universityId, summary: "運営費交付金への依存を確かめる" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      fiscalYear: 2026,
      status: "draft",
      statusLabel: "分析中",
      summary: "運営費交付金への依存を確かめる",
      subject: { name: "北九州市立大学", kindLabel: "公立大学法人", leadOrganisationName: "企画課", bureauName: "政策局" },
      findings: [],
      chosenOption: null,
      canManage: true,
      version: 1,
    });
    expect(res.body.options.map((o: { label: string; assessment: string }) => [o.label, o.assessment])).toEqual([
      ["継続", ""],
      ["見直し", ""],
      ["統合", ""],
      ["民間移行", ""],
      ["廃止", ""],
    ]);
    firstId = res.body.id;
    const audit = await auditRows(firstId);
    expect(audit.map((a) => a.action)).toEqual(["create"]);
    expect(audit[0]!.summary).toContain("令和8年度");
  });

  it("refuses a second analysis of the same subject and year with a clear 409", async () => {
    const res = await start(manager, { subjectId: universityId, fiscalYear: 2026 });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe("北九州市立大学の令和8年度の経営分析はすでにあります。一覧から開いてください。");
    expect(res.body.error.fields).toEqual({ fiscalYear: "令和8年度の経営分析はすでにあります。" });
  });

  it("starts another year, and lists the subject's analyses newest first", async () => {
    expect((await start(manager, { subjectId: universityId, fiscalYear: 2023 })).status).toBe(200);
    const list = await viewer.get(`/api/analysis/subjects/${universityId}/reviews`);
    expect(list.status).toBe(200);
    expect(list.body.canManage).toBe(false);
    expect(list.body.defaultFiscalYear).toBe(2026);
    expect(list.body.items.map((r: { fiscalYear: number }) => r.fiscalYear)).toEqual([2026, 2023]);
    expect(list.body.items[0]).toMatchObject({ id: firstId, status: "draft", findingCount: 0, openActions: 0 });
  });

  it("asks for the year when the subject has no analysis year, and refuses a peer", async () => {
    const res = await start(manager, { subjectId: noYearId });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.fiscalYear).toContain("年度を選んでください");
    expect((await start(manager, { subjectId: peerId, fiscalYear: 2025 })).status).toBe(404);
  });

  it("lets only the responsible bureau start one", async () => {
    expect((await start(otherEditor, { subjectId: noYearId, fiscalYear: 2025 })).status).toBe(403);
    expect((await start(viewer, { subjectId: noYearId, fiscalYear: 2025 })).status).toBe(403);
    const { rows } = await t.db.query("SELECT 1 FROM analysis_reviews WHERE subject_id = $1", [noYearId]);
    expect(rows).toHaveLength(0);
  });
});

describe("findings, options and the decision", () => {
  let id: string;
  let version: number;
  const path = () => `/api/analysis/reviews/${id}`;

  beforeAll(async () => {
    const res = await start(manager, { subjectId: universityId, fiscalYear: 2024 });
    id = res.body.id;
    version = res.body.version;
  });

  it("keeps the indicator keys a finding rests on, as sent and in order (without repeats)", async () => {
    const costKey = costPerUnitKey(measureId);
    const res = await manager.post(`${path()}/findings`, {
      version,
      viewpoint: "finance",
      body: "市の運営費交付金が収入の約3割を占める。",
      assessment: "issue",
      indicators: ["dependency", costKey, "dependency", "self_revenue"],
    });
    expect(res.status).toBe(200);
    expect(res.body.findings).toEqual([
      {
        id: expect.any(String),
        viewpoint: "finance",
        viewpointLabel: "財務",
        body: "市の運営費交付金が収入の約3割を占める。",
        assessment: "issue",
        assessmentLabel: "課題あり",
        indicators: ["dependency", costKey, "self_revenue"],
      },
    ]);
    expect(res.body.version).toBe(version + 1);
    version = res.body.version;
    const again = await viewer.get(path());
    expect(again.body.findings[0].indicators).toEqual(["dependency", costKey, "self_revenue"]);
  });

  it("refuses an indicator the subject does not have", async () => {
    const res = await manager.post(`${path()}/findings`, {
      version,
      viewpoint: "necessity",
      body: "x",
      indicators: ["dependency", costPerUnitKey("00000000-0000-0000-0000-000000000000")],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.indicators).toContain("この対象にない指標");
  });

  it("orders findings by viewpoint, and a stale version is a 409 that changes nothing", async () => {
    const added = await manager.post(`${path()}/findings`, {
      version,
      viewpoint: "necessity",
      body: "市の施策との関係は強い。",
      assessment: "adequate",
    });
    expect(added.status).toBe(200);
    expect(added.body.findings.map((f: { viewpointLabel: string }) => f.viewpointLabel)).toEqual(["必要性", "財務"]);
    const stale = await manager.post(`${path()}/findings`, { version, viewpoint: "role", body: "古い版から" });
    expect(stale.status).toBe(409);
    version = added.body.version;
    const staleSummary = await manager.patch(path(), { version: version - 1, summary: "古い版" });
    expect(staleSummary.status).toBe(409);
    expect((await viewer.get(path())).body.findings).toHaveLength(2);
  });

  it("edits and deletes a finding", async () => {
    const current = (await viewer.get(path())).body;
    const necessity = current.findings.find((f: { viewpoint: string }) => f.viewpoint === "necessity");
    const edited = await manager.patch(`${path()}/findings/${necessity.id}`, {
      version: current.version,
      viewpoint: "role",
      body: "市と大学の役割分担は明確。",
      assessment: "adequate",
      indicators: ["staff_total"],
    });
    expect(edited.status).toBe(200);
    expect(edited.body.findings.find((f: { id: string }) => f.id === necessity.id)).toMatchObject({
      viewpoint: "role",
      indicators: ["staff_total"],
    });
    const deleted = await manager.delete(`${path()}/findings/${necessity.id}?version=${edited.body.version}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.findings).toHaveLength(1);
    version = deleted.body.version;
  });

  it("refuses a decision on an option nobody assessed, and a date in the future", async () => {
    const body = {
      version,
      chosenOption: "revise",
      decision: "運営の見直しを進める",
      decidedOn: "令和7年3月26日",
      decidedBy: "市政変革推進会議",
    };
    const unassessed = await manager.post(`${path()}/decision`, body);
    expect(unassessed.status).toBe(400);
    expect(unassessed.body.error.fields.chosenOption).toContain("「見直し」の検討が入力されていません");
    const options = await manager.put(`${path()}/options`, {
      version,
      options: [
        { option: "continue", assessment: "現状のまま続ける" },
        { option: "revise", assessment: "交付金の算定を見直す" },
        { option: "abolish", assessment: "" },
      ],
    });
    expect(options.status).toBe(200);
    expect(options.body.options.filter((o: { assessment: string }) => o.assessment).map((o: { label: string }) => o.label)).toEqual([
      "継続",
      "見直し",
    ]);
    version = options.body.version;
    const future = await manager.post(`${path()}/decision`, { ...body, version, decidedOn: "2100-01-01" });
    expect(future.status).toBe(400);
    expect(future.body.error.fields.decidedOn).toBe("決定日に未来の日付は入力できません。");
    const badDate = await manager.post(`${path()}/decision`, { ...body, version, decidedOn: "令和7年13月1日" });
    expect(badDate.status).toBe(400);
  });

  it("records the decision from a 和暦 date: decided, with the option, the date and the body", async () => {
    const res = await manager.post(`${path()}/decision`, {
      version,
      chosenOption: "revise",
      decision: "運営費交付金の算定方法を見直す",
      decidedOn: "令和7年3月26日",
      decidedBy: "市政変革推進会議",
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: "decided",
      statusLabel: "決定済み",
      chosenOption: "revise",
      chosenOptionLabel: "見直し",
      decision: "運営費交付金の算定方法を見直す",
      decidedOn: "2025-03-26",
      decidedBy: "市政変革推進会議",
    });
    version = res.body.version;
    const audit = await auditRows(id);
    const decided = audit[audit.length - 1]!;
    expect(decided.action).toBe("change_status");
    expect(decided.summary).toContain("見直し");
    expect(decided.after).toMatchObject({ status: "decided", decidedOn: "2025-03-26", decidedBy: "市政変革推進会議" });
  });

  it("keeps a decided analysis settled: no edits, no second decision", async () => {
    const summary = await manager.patch(path(), { version, summary: "決定後の変更" });
    expect(summary.status).toBe(409);
    expect(summary.body.error.message).toContain("決定を取り消してください");
    expect((await manager.post(`${path()}/findings`, { version, viewpoint: "role", body: "追加" })).status).toBe(409);
    const again = await manager.post(`${path()}/decision`, {
      version,
      chosenOption: "continue",
      decision: "継続",
      decidedOn: "2025-03-27",
      decidedBy: "市政変革推進会議",
    });
    expect(again.status).toBe(409);
  });

  it("withdraws the decision back to draft only with a reason, keeping the withdrawn decision in the audit log", async () => {
    expect((await manager.post(`${path()}/decision/withdrawal`, { version, reason: "  " })).status).toBe(400);
    expect((await otherEditor.post(`${path()}/decision/withdrawal`, { version, reason: "権限なし" })).status).toBe(403);
    const res = await manager.post(`${path()}/decision/withdrawal`, { version, reason: "会議の結論が差し戻されたため" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "draft", chosenOption: null, decidedOn: null, decision: "", decidedBy: "" });
    const audit = await auditRows(id);
    const withdrawn = audit[audit.length - 1]!;
    expect(withdrawn.summary).toContain("会議の結論が差し戻されたため");
    expect(withdrawn.before).toMatchObject({ status: "decided", chosenOption: "revise", decidedOn: "2025-03-26" });
    expect(withdrawn.after).toEqual({ status: "draft", reason: "会議の結論が差し戻されたため" });
    // a draft again: it can be edited, and a second withdrawal is refused
    expect((await manager.patch(path(), { version: res.body.version, summary: "見直し後の概要" })).status).toBe(200);
    expect((await manager.post(`${path()}/decision/withdrawal`, { version: res.body.version + 1, reason: "二度目" })).status).toBe(409);
  });

  it("lets every member of staff read it, and nobody else write it", async () => {
    const read = await viewer.get(path());
    expect(read.status).toBe(200);
    expect(read.body.canManage).toBe(false);
    expect((await viewer.patch(path(), { version: read.body.version, summary: "閲覧者" })).status).toBe(403);
    expect((await otherEditor.put(`${path()}/options`, { version: read.body.version, options: [] })).status).toBe(403);
  });
});
