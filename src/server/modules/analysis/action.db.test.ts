// 経営分析の今後の取組 over HTTP on a city built for the test: the bureau responsible adds and edits actions (a division
// or an outside owner, never nobody); the owner division's editors mark their own action done and reopen it, another
// division's editor and a viewer get 403; the list across subjects and years puts overdue actions first and keeps an
// older analysis's open action on it until it is done; every write is version-checked and audited; the export.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInJapan } from "../../../common/dates";
import { createTestApp, type TestApp, type TestClient } from "../../testing/app";
import { buildCity, buildOrganisation, buildUser, TEST_PASSWORD } from "../../testing/factories";
import { setAnalysisOwner } from "./access";

let t: TestApp;
let manager: TestClient;
let ownerEditor: TestClient;
let ownerViewer: TestClient;
let otherEditor: TestClient;
let ownerDivisionId: string;
let oldReviewId: string;
let newReviewId: string;
let subjectId: string;

const ACTIONS = "/api/analysis/actions";

async function insertReview(subject: string, fiscalYear: number): Promise<string> {
  const { rows } = await t.db.query<{ id: string }>("INSERT INTO analysis_reviews (subject_id, fiscal_year) VALUES ($1, $2) RETURNING id", [
    subject,
    fiscalYear,
  ]);
  return rows[0]!.id;
}

async function auditActions(entityId: string): Promise<string[]> {
  const { rows } = await t.db.query<{ action: string }>(
    "SELECT action FROM audit_log WHERE entity_type = 'analysis_action' AND entity_id = $1 ORDER BY id",
    [entityId],
  );
  return rows.map((r) => r.action);
}

beforeAll(async () => {
  t = await createTestApp();
  const city = await buildCity(t.db);
  await setAnalysisOwner(t.db, city.bureau.id);
  // the owner division sits in another bureau than the one responsible for the analyses (whose editors manage them all)
  const ownerBureau = await buildOrganisation(t.db, { name: "企画調整局", kind: "bureau", parentId: city.city.id });
  const ownerDivision = await buildOrganisation(t.db, { name: "国際政策課", kind: "division", parentId: ownerBureau.id });
  ownerDivisionId = ownerDivision.id;
  const otherDivision = await buildOrganisation(t.db, { name: "財政課", kind: "division", parentId: city.otherBureau.id });
  const ownerEditorUser = await buildUser(t.db, { role: "editor", organisationId: ownerDivision.id });
  const ownerViewerUser = await buildUser(t.db, { role: "viewer", organisationId: ownerDivision.id });
  const otherEditorUser = await buildUser(t.db, { role: "editor", organisationId: otherDivision.id });
  manager = await t.login(city.editor.loginId, TEST_PASSWORD);
  ownerEditor = await t.login(ownerEditorUser.loginId, TEST_PASSWORD);
  ownerViewer = await t.login(ownerViewerUser.loginId, TEST_PASSWORD);
  otherEditor = await t.login(otherEditorUser.loginId, TEST_PASSWORD);
  const { rows } = await t.db.query<{ id: string }>(
    "INSERT INTO analysis_subjects (name, role, kind, analysis_fiscal_year) VALUES ('北九州国際交流協会', 'subject', 'public_interest_foundation', 2024) RETURNING id",
  );
  subjectId = rows[0]!.id;
  oldReviewId = await insertReview(subjectId, 2021);
  newReviewId = await insertReview(subjectId, 2024);
}, 120_000);
afterAll(() => t?.cleanup());

const add = (client: TestClient, reviewId: string, body: Record<string, unknown>) =>
  client.post(`/api/analysis/reviews/${reviewId}/actions`, body);

describe("adding and editing actions", () => {
  it("needs a division or an outside owner, and a division that exists", async () => {
    const none = await add(manager, newReviewId, { title: "担当のない取組" });
    expect(none.status).toBe(400);
    expect(none.body.error.fields.ownerOrganisationId).toBe("担当課を選ぶか、外部の担当を入力してください。");
    const unknown = await add(manager, newReviewId, { title: "x", ownerOrganisationId: "00000000-0000-0000-0000-000000000000" });
    expect(unknown.status).toBe(400);
    const outside = await add(manager, newReviewId, { title: "寄附金の募集を広げる", ownerName: "公益財団法人 北九州国際交流協会" });
    expect(outside.status).toBe(200);
    expect(outside.body).toMatchObject({ ownerOrganisationId: null, ownerName: "公益財団法人 北九州国際交流協会", status: "open" });
  });

  it("takes a 和暦 due date and audits the action; only the responsible bureau adds and edits", async () => {
    const res = await add(manager, newReviewId, {
      title: "自主財源を増やす計画を作る",
      detail: "会費と事業収入の目標を定める",
      ownerOrganisationId: ownerDivisionId,
      dueOn: "令和8年3月末",
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ownerOrganisationName: "国際政策課", dueOn: "2026-03-31", canClose: true, version: 1 });
    expect(await auditActions(res.body.id)).toEqual(["create"]);
    expect((await add(otherEditor, newReviewId, { title: "x", ownerName: "y" })).status).toBe(403);
    expect((await ownerEditor.patch(`${ACTIONS}/${res.body.id}`, { version: 1, title: "担当課の編集", ownerName: "y" })).status).toBe(403);
    const edited = await manager.patch(`${ACTIONS}/${res.body.id}`, {
      version: 1,
      title: "自主財源を増やす計画を作る",
      ownerOrganisationId: ownerDivisionId,
      dueOn: "2026-06-30",
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ dueOn: "2026-06-30", version: 2 });
    const stale = await manager.patch(`${ACTIONS}/${res.body.id}`, { version: 1, title: "古い版", ownerName: "z" });
    expect(stale.status).toBe(409);
  });
});

describe("marking an action done", () => {
  let actionId: string;

  beforeAll(async () => {
    const res = await add(manager, oldReviewId, {
      title: "施設の修繕計画を見直す",
      ownerOrganisationId: ownerDivisionId,
      dueOn: "2023-03-31",
    });
    actionId = res.body.id;
  });

  it("shows the owner division's editor that they may close it, and others that they may not", async () => {
    const mine = await ownerEditor.get(`${ACTIONS}?status=all&subjectId=${subjectId}&fiscalYear=2021`);
    expect(mine.body.items.find((a: { id: string }) => a.id === actionId)).toMatchObject({ canClose: true, overdue: true });
    const theirs = await otherEditor.get(`${ACTIONS}?status=all&subjectId=${subjectId}&fiscalYear=2021`);
    expect(theirs.body.items.find((a: { id: string }) => a.id === actionId)).toMatchObject({ canClose: false });
  });

  it("refuses another division's editor and the owner division's viewer (403)", async () => {
    const body = { version: 1, doneOn: "2024-03-29", result: "他課から" };
    const other = await otherEditor.post(`${ACTIONS}/${actionId}/done`, body);
    expect(other.status).toBe(403);
    expect(other.body.error.message).toContain("担当課の編集者だけ");
    expect((await ownerViewer.post(`${ACTIONS}/${actionId}/done`, body)).status).toBe(403);
    const { rows } = await t.db.query<{ status: string }>("SELECT status FROM analysis_actions WHERE id = $1", [actionId]);
    expect(rows[0]!.status).toBe("open");
  });

  it("lets the owner division's editor mark it done with the date and result, and reopen it", async () => {
    const future = await ownerEditor.post(`${ACTIONS}/${actionId}/done`, { version: 1, doneOn: "2100-04-01" });
    expect(future.status).toBe(400);
    const done = await ownerEditor.post(`${ACTIONS}/${actionId}/done`, {
      version: 1,
      doneOn: "令和6年3月29日",
      result: "修繕計画を改定した",
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: "done", doneOn: "2024-03-29", result: "修繕計画を改定した", overdue: false, version: 2 });
    expect((await ownerEditor.post(`${ACTIONS}/${actionId}/done`, { version: 1, doneOn: "2024-03-29" })).status).toBe(409);
    const reopened = await ownerEditor.post(`${ACTIONS}/${actionId}/reopen`, { version: 2 });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ status: "open", doneOn: null, overdue: true, version: 3 });
    expect(await auditActions(actionId)).toEqual(["create", "complete_followup", "reopen_followup"]);
  });
});

describe("the list across subjects and years", () => {
  let overdueId: string;
  let laterId: string;

  beforeAll(async () => {
    // an action of an older analysis, long overdue, and one of the newer analysis due later
    overdueId = (await add(manager, oldReviewId, { title: "理事会の構成を見直す", ownerName: "協会事務局", dueOn: "2022-09-30" })).body.id;
    laterId = (await add(manager, newReviewId, { title: "職員の派遣を段階的に減らす", ownerName: "協会事務局", dueOn: "2099-03-31" })).body
      .id;
  });

  it("puts overdue actions first (the longest overdue first) and keeps an older analysis's open action on it", async () => {
    const list = await ownerViewer.get(`${ACTIONS}?subjectId=${subjectId}`);
    expect(list.status).toBe(200);
    const items = list.body.items as {
      id: string;
      overdue: boolean;
      fiscalYear: number;
      status: string;
      subjectName: string;
      dueOn: string | null;
    }[];
    expect(items.every((a) => a.status === "open")).toBe(true);
    expect(items[0]).toMatchObject({ id: overdueId, overdue: true, fiscalYear: 2021, subjectName: "北九州国際交流協会" });
    const firstNotOverdue = items.findIndex((a) => !a.overdue);
    expect(items.slice(firstNotOverdue).every((a) => !a.overdue)).toBe(true);
    // then the open ones by due date, those without one last
    const dues = items.slice(firstNotOverdue).map((a) => a.dueOn ?? "9999-12-31");
    expect(dues).toEqual([...dues].sort());
    expect(items.map((a) => a.id)).toContain(laterId);
    expect(list.body.counts.overdue).toBe(items.filter((a) => a.overdue).length);
  });

  it("filters overdue, done, year and owner, and pages", async () => {
    const overdue = await ownerViewer.get(`${ACTIONS}?status=overdue`);
    expect(overdue.body.items.every((a: { overdue: boolean }) => a.overdue)).toBe(true);
    expect(overdue.body.items.map((a: { id: string }) => a.id)).toContain(overdueId);
    const byOwner = await ownerViewer.get(`${ACTIONS}?status=all&ownerOrganisationId=${ownerDivisionId}`);
    expect(byOwner.body.items.every((a: { ownerOrganisationId: string }) => a.ownerOrganisationId === ownerDivisionId)).toBe(true);
    const byYear = await ownerViewer.get(`${ACTIONS}?status=all&fiscalYear=2024`);
    expect(byYear.body.items.every((a: { fiscalYear: number }) => a.fiscalYear === 2024)).toBe(true);
    const paged = await ownerViewer.get(`${ACTIONS}?status=all&pageSize=1&page=2`);
    expect(paged.body.items).toHaveLength(1);
    expect(paged.body.total).toBeGreaterThan(2);
  });

  it("drops the older action from the open list once done, and shows it under done", async () => {
    const done = await manager.post(`${ACTIONS}/${overdueId}/done`, { version: 1, doneOn: todayInJapan(), result: "理事を2名減らした" });
    expect(done.status).toBe(200);
    const open = await ownerViewer.get(`${ACTIONS}?subjectId=${subjectId}`);
    expect(open.body.items.map((a: { id: string }) => a.id)).not.toContain(overdueId);
    const closed = await ownerViewer.get(`${ACTIONS}?status=done&subjectId=${subjectId}`);
    expect(closed.body.items.map((a: { id: string }) => a.id)).toContain(overdueId);
  });

  it("exports the list as CSV with 和暦 dates, audited", async () => {
    const res = await ownerViewer.get(`${ACTIONS}/export?format=csv&status=all&subjectId=${subjectId}`);
    expect(res.status).toBe(200);
    const text = res.body as string;
    expect(text.split("\r\n")[0]).toContain("対象,分析年度,取組");
    expect(text).toContain("令和3年度");
    expect(text).toContain("職員の派遣を段階的に減らす");
    const { rows } = await t.db.query("SELECT 1 FROM audit_log WHERE entity_type = 'analysis_action' AND action = 'export'");
    expect(rows.length).toBe(1);
  });

  it("deletes an action with its version (manager only)", async () => {
    expect((await ownerEditor.delete(`${ACTIONS}/${laterId}?version=1`)).status).toBe(403);
    expect((await manager.delete(`${ACTIONS}/${laterId}?version=9`)).status).toBe(409);
    expect((await manager.delete(`${ACTIONS}/${laterId}?version=1`)).status).toBe(200);
    expect(await auditActions(laterId)).toEqual(["create", "delete"]);
  });
});
