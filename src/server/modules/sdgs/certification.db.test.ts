// 認証の状態と書類: the state on given days (有効 → 報告期限超過 → 有効 after the report → 期限間近 → 期限切れ; 取消し;
// 更新済み), the list's state filter, 取消し (with a stale token 409), the daily 期限切れ task (audited as the
// system, idempotent), 取組状況の報告の受理, and the PDFs: the 認証書 holds the number and the validity in 和暦 with
// 北九州市長; the 不認証通知書 its reason; a company reads its own documents and gets 404 for another company's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CertificationDetail } from "../../../common/api/sdgs-certification";
import type { Actor } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import { findUserById, loadPrincipal } from "../../platform/auth/principal-repo";
import { createTestApp, type TestApp, type TestClient } from "../../testing/app";
import { TEST_PASSWORD } from "../../testing/factories";
import { extractPdfText } from "../../testing/pdf-text";
import {
  buildCommitteeApplication,
  buildCompany,
  buildMeeting,
  buildRound,
  buildSdgsCity,
  buildStaff,
  type FixtureRound,
} from "./certification.fixture";
import { expireCertifications, getCertification, listCertifications } from "./certification-service";
import { decide } from "./committee-service";

let t: TestApp;
let manager: TestClient;
let viewer: TestClient;
let principal: Principal;
let actor: Actor;
let round: FixtureRound;
let meetingId: string;
let company: Awaited<ReturnType<typeof buildCompany>>;
let otherCompany: Awaited<ReturnType<typeof buildCompany>>;
let certId: string;
let refusedApp: string;

beforeAll(async () => {
  t = await createTestApp();
  const city = await buildSdgsCity(t.db);
  const staff = await buildStaff(t.db, city);
  manager = await t.login(staff.manager.loginId, TEST_PASSWORD);
  viewer = await t.login(staff.viewer.loginId, TEST_PASSWORD);
  const row = await findUserById(t.db, staff.manager.id);
  if (!row) throw new Error("no manager");
  principal = await loadPrincipal(t.db, row);
  actor = { userId: principal.id, label: principal.displayName };
  round = await buildRound(t.db, { fiscalYear: 2030 });
  meetingId = await buildMeeting(t.db, round.id, "2031-03-10");
  company = await buildCompany(t.db, "響エコテック株式会社");
  otherCompany = await buildCompany(t.db, "門司運輸株式会社");
  const app = await buildCommitteeApplication(t.db, round, company.id, ["R1", "A", "B"]);
  const decided = await decide(t.db, principal, actor, meetingId, {
    applicationId: app,
    decision: "certify",
    tierId: round.tiers.gold,
    reason: "",
  });
  certId = decided.certificationId as string;
  refusedApp = await buildCommitteeApplication(t.db, await buildRound(t.db, { fiscalYear: 2030 }), company.id, ["A"]);
}, 120_000);
afterAll(() => t?.cleanup());

const stateOn = async (day: string) => (await getCertification(t.db, principal, certId, day)).state;

async function addReport(period: number, status: "draft" | "submitted" | "accepted"): Promise<string> {
  const { rows } = await t.db.query<{ id: string }>(
    `INSERT INTO sdgs_progress_reports (certification_id, period, status, submitted_at) VALUES ($1, $2, $3, CASE WHEN $3 = 'draft' THEN NULL ELSE now() END)
     RETURNING id`,
    [certId, period, status],
  );
  return rows[0].id;
}

describe("認証の状態（日本時間の日付で判定）", () => {
  it("goes 有効 → 報告期限超過 → (報告で) 有効 → 期限間近 → 期限切れ over the validity 令和13年3月10日〜令和16年3月9日", async () => {
    expect(await stateOn("2031-06-01")).toBe("active");
    expect(await stateOn("2032-03-09")).toBe("active");
    // the first yearly report falls due on 2032-03-10
    expect(await stateOn("2032-03-10")).toBe("report_due");
    const detail = await getCertification(t.db, principal, certId, "2032-03-10");
    expect(detail.overduePeriods).toEqual([1]);
    expect(detail.reports).toEqual([expect.objectContaining({ period: 1, dueOn: "2032-03-10", status: "missing", overdue: true })]);
    const draft = await addReport(1, "draft");
    expect(await stateOn("2032-03-10")).toBe("report_due"); // a draft is not a report
    await t.db.query("UPDATE sdgs_progress_reports SET status = 'submitted', submitted_at = now() WHERE id = $1", [draft]);
    expect(await stateOn("2032-03-10")).toBe("active");
    await addReport(2, "accepted");
    // within 90 days of the end (2034-03-09)
    expect(await stateOn("2033-12-08")).toBe("active");
    expect(await stateOn("2033-12-09")).toBe("expiring");
    expect(await stateOn("2034-03-09")).toBe("expiring");
    expect(await stateOn("2034-03-10")).toBe("expired");
  });

  it("filters the list by the state on the day, and by ward, tier and name", async () => {
    const base = { page: 1, pageSize: 50 };
    const onDay = async (state: "active" | "expiring" | "report_due", day: string) =>
      (await listCertifications(t.db, principal, { ...base, state }, day)).items.map((i) => i.number);
    expect(await onDay("expiring", "2034-01-01")).toEqual(["KSM-2030-0001"]);
    expect(await onDay("active", "2034-01-01")).toEqual([]);
    expect(await onDay("active", "2032-06-01")).toEqual(["KSM-2030-0001"]);
    const byName = await viewer.get(`/api/sdgs/certifications?q=${encodeURIComponent("響エコ")}&ward=kokurakita&tierRank=1`);
    expect(byName.status).toBe(200);
    expect(byName.body.items.map((i: { number: string }) => i.number)).toEqual(["KSM-2030-0001"]);
    expect(byName.body.total).toBe(1);
    const none = await viewer.get("/api/sdgs/certifications?ward=moji");
    expect(none.body.total).toBe(0);
  });

  it("accepts a submitted progress report once (manager), and 409 when asked again", async () => {
    const list = await viewer.get("/api/sdgs/progress-reports?status=submitted");
    expect(list.status).toBe(200);
    const report = list.body.items.find((r: { certificationId: string; period: number }) => r.certificationId === certId && r.period === 1);
    expect(report).toMatchObject({ dueOn: "2032-03-10", status: "submitted" });
    expect((await viewer.post(`/api/sdgs/progress-reports/${report.id}/accept`, { version: report.version })).status).toBe(403);
    const accepted = await manager.post(`/api/sdgs/progress-reports/${report.id}/accept`, { version: report.version });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe("accepted");
    expect((await manager.post(`/api/sdgs/progress-reports/${report.id}/accept`, { version: accepted.body.version })).status).toBe(409);
    const audit = await t.db.query("SELECT action FROM audit_log WHERE entity_type = 'sdgs_progress_report' AND entity_id = $1", [
      report.id,
    ]);
    expect(audit.rows).toEqual([{ action: "approve" }]);
  });
});

describe("認証書・通知書", () => {
  it("prints the 認証書 with its number, company, tier, validity in 和暦 and 北九州市長", async () => {
    const response = await manager.get(`/api/sdgs/certifications/${certId}/certificate.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/pdf");
    const text = (await extractPdfText(response.raw)).replace(/\s+/g, "");
    for (const part of [
      "認証書",
      "KSM-2030-0001",
      "響エコテック株式会社",
      "ゴールド",
      "令和13年3月10日から令和16年3月9日まで",
      "北九州市長",
    ])
      expect(text).toContain(part);
  });

  it("lets the company read its own 認証書 and 通知書, and answers 404 for another company's", async () => {
    const own = await t.login(company.login.loginId, TEST_PASSWORD);
    const other = await t.login(otherCompany.login.loginId, TEST_PASSWORD);
    expect((await own.get(`/api/sdgs/certifications/${certId}/certificate.pdf`)).status).toBe(200);
    expect((await other.get(`/api/sdgs/certifications/${certId}/certificate.pdf`)).status).toBe(404);
    const { rows } = await t.db.query<{ application_id: string }>("SELECT application_id FROM sdgs_certifications WHERE id = $1", [certId]);
    const notice = await own.get(`/api/sdgs/applications/${rows[0].application_id}/notice.pdf`);
    expect(notice.status).toBe(200);
    const text = (await extractPdfText(notice.raw)).replace(/\s+/g, "");
    expect(text).toContain("認証通知書");
    expect(text).toContain("KSM-2030-0001");
    expect((await other.get(`/api/sdgs/applications/${rows[0].application_id}/notice.pdf`)).status).toBe(404);
  });

  it("prints the 不認証通知書 with the reason", async () => {
    const { rows } = await t.db.query<{ round_id: string }>("SELECT round_id FROM sdgs_applications WHERE id = $1", [refusedApp]);
    const meeting = await buildMeeting(t.db, rows[0].round_id, "2031-03-12");
    await decide(t.db, principal, actor, meeting, {
      applicationId: refusedApp,
      decision: "refuse",
      reason: "必須項目R1（環境方針の策定）が満たされていないため。",
    });
    const response = await manager.get(`/api/sdgs/applications/${refusedApp}/notice.pdf`);
    expect(response.status).toBe(200);
    const text = (await extractPdfText(response.raw)).replace(/\s+/g, "");
    expect(text).toContain("不認証通知書");
    expect(text).toContain("必須項目R1（環境方針の策定）が満たされていないため。");
    expect(text).toContain("令和13年3月12日");
  });
});

describe("取消しと期限切れ", () => {
  it("revokes with a reason (stale token 409, viewer 403), then the state is 取消し and no 認証書 is printed", async () => {
    const detail = (await manager.get<CertificationDetail>(`/api/sdgs/certifications/${certId}`)).body;
    expect((await viewer.post(`/api/sdgs/certifications/${certId}/revoke`, { reason: "理由", updatedAt: detail.updatedAt })).status).toBe(
      403,
    );
    expect((await manager.post(`/api/sdgs/certifications/${certId}/revoke`, { reason: "", updatedAt: detail.updatedAt })).status).toBe(400);
    expect((await manager.post(`/api/sdgs/certifications/${certId}/revoke`, { reason: "理由", updatedAt: "1" })).status).toBe(409);
    const revoked = await manager.post<CertificationDetail>(`/api/sdgs/certifications/${certId}/revoke`, {
      reason: "市税の滞納が判明したため。",
      updatedAt: detail.updatedAt,
    });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ status: "revoked", state: "revoked", revokeReason: "市税の滞納が判明したため。" });
    expect(await stateOn("2031-06-01")).toBe("revoked");
    expect((await manager.get(`/api/sdgs/certifications/${certId}/certificate.pdf`)).status).toBe(409);
    const audit = await t.db.query(
      "SELECT summary FROM audit_log WHERE entity_type = 'sdgs_certification' AND entity_id = $1 ORDER BY id",
      [certId],
    );
    expect(audit.rows.at(-1)?.summary).toContain("取消し");
  });

  it("marks active certifications past their end as expired once, audited as the system", async () => {
    const app = await buildCommitteeApplication(t.db, round, (await buildCompany(t.db)).id, ["R1", "A", "B"]);
    const decided = await decide(t.db, principal, actor, meetingId, {
      applicationId: app,
      decision: "certify",
      tierId: round.tiers.silver,
      reason: "",
    });
    expect(decided.validUntil).toBe("2034-03-09");
    expect((await expireCertifications(t.db, "2034-03-09")).expired).toEqual([]);
    expect((await expireCertifications(t.db, "2034-03-10")).expired).toEqual([decided.certificationNumber]);
    expect((await expireCertifications(t.db, "2034-03-11")).expired).toEqual([]);
    const { rows } = await t.db.query<{ status: string }>("SELECT status FROM sdgs_certifications WHERE id = $1", [
      decided.certificationId,
    ]);
    expect(rows[0].status).toBe("expired");
    // the revoked one stays revoked
    const revoked = await t.db.query<{ status: string }>("SELECT status FROM sdgs_certifications WHERE id = $1", [certId]);
    expect(revoked.rows[0].status).toBe("revoked");
    const audit = await t.db.query("SELECT actor_label, actor_user_id FROM audit_log WHERE entity_id = $1 AND summary LIKE '%期限切れ%'", [
      decided.certificationId,
    ]);
    expect(audit.rows).toEqual([{ actor_label: "システム", actor_user_id: null }]);
  });
});
