// 審査会の決定 over HTTP and the service: 認証 at the tier the score reaches (or lower), never higher; a required item
// not met blocks 認証 whatever the score; 不認証 needs a reason; only 審査会待ち applications of the meeting's round;
// numbers KSM-<年度>-<連番> sequential per year and unique when two decisions run at once (on PostgreSQL when
// TEST_DATABASE_URL is set); a renewal supersedes the old certification and starts the day after it ends; a rank-up
// keeps the old end date. Each decision writes its decision row, event row and audit rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommitteeMeetingDetail } from "../../../common/api/sdgs-certification";
import type { Actor } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import { findUserById, loadPrincipal } from "../../platform/auth/principal-repo";
import { createTestApp, type TestApp, type TestClient } from "../../testing/app";
import { TEST_PASSWORD } from "../../testing/factories";
import {
  buildCommitteeApplication,
  buildCompany,
  buildMeeting,
  buildRound,
  buildSdgsCity,
  buildStaff,
  type FixtureRound,
} from "./certification.fixture";
import { decide, validityFor } from "./committee-service";

let t: TestApp;
let manager: TestClient;
let viewer: TestClient;
let managerPrincipal: Principal;
let round: FixtureRound;
let meetingId: string;

beforeAll(async () => {
  t = await createTestApp();
  const city = await buildSdgsCity(t.db);
  const staff = await buildStaff(t.db, city);
  manager = await t.login(staff.manager.loginId, TEST_PASSWORD);
  viewer = await t.login(staff.viewer.loginId, TEST_PASSWORD);
  const row = await findUserById(t.db, staff.manager.id);
  if (!row) throw new Error("the manager was not created");
  managerPrincipal = await loadPrincipal(t.db, row);
  round = await buildRound(t.db, { fiscalYear: 2030 });
  const created = await manager.post<CommitteeMeetingDetail>("/api/sdgs/committee-meetings", {
    roundId: round.id,
    heldOn: "2031-03-10",
    place: "本庁舎 特別会議室",
    members: "委員長 ほか4名",
    minutes: "",
  });
  expect(created.status).toBe(200);
  meetingId = created.body.meeting.id;
}, 120_000);
afterAll(() => t?.cleanup());

const decideHttp = (body: object, id = meetingId) => manager.post(`/api/sdgs/committee-meetings/${id}/decisions`, body);

async function certification(applicationId: string) {
  const { rows } = await t.db.query<{
    id: string;
    number: string;
    valid_from: string;
    valid_until: string;
    tier_name: string;
    status: string;
  }>(
    `SELECT id, number, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_until, 'YYYY-MM-DD') AS valid_until, tier_name, status
       FROM sdgs_certifications WHERE application_id = $1`,
    [applicationId],
  );
  return rows[0] ?? null;
}

async function statusOf(applicationId: string) {
  const { rows } = await t.db.query<{ status: string }>("SELECT status FROM sdgs_applications WHERE id = $1", [applicationId]);
  return rows[0]?.status;
}

describe("審査会の決定", () => {
  it("lists the applications waiting with their scores, suggested tier, reason and missing required items", async () => {
    const company = await buildCompany(t.db, "一覧確認株式会社");
    const app = await buildCommitteeApplication(t.db, round, company.id, ["A", "B", "C"]);
    const detail = await viewer.get<CommitteeMeetingDetail>(`/api/sdgs/committee-meetings/${meetingId}`);
    expect(detail.status).toBe(200);
    const candidate = detail.body.candidates.find((c) => c.id === app);
    expect(candidate).toMatchObject({ selfScore: 90, basisKind: "self", suggestedTier: null, missingRequired: ["R1"], allowedTierIds: [] });
    expect(candidate?.tierReason).toContain("必須項目（R1）");
    expect(detail.body.canManage).toBe(false);
    // left undecided for the viewer's sake: decided below (missing required)
  });

  it("certifies at the tier the score reaches, numbers it, dates it from the meeting and writes the rows", async () => {
    const company = await buildCompany(t.db);
    const app = await buildCommitteeApplication(t.db, round, company.id, ["R1", "A", "B"]); // 80 → ゴールド
    const response = await decideHttp({ applicationId: app, decision: "certify", tierId: round.tiers.gold, reason: "基準を満たす" });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      decision: "certify",
      certificationNumber: "KSM-2030-0001",
      validFrom: "2031-03-10",
      validUntil: "2034-03-09",
    });
    expect(await statusOf(app)).toBe("certified");
    expect(await certification(app)).toMatchObject({ number: "KSM-2030-0001", tier_name: "ゴールド", status: "active" });
    const events = await t.db.query<{ from_status: string; to_status: string }>(
      "SELECT from_status, to_status FROM sdgs_application_events WHERE application_id = $1",
      [app],
    );
    expect(events.rows).toEqual([{ from_status: "committee", to_status: "certified" }]);
    const audit = await t.db.query<{ action: string; entity_type: string }>(
      "SELECT action, entity_type FROM audit_log WHERE entity_id = $1 OR entity_id = $2 ORDER BY id",
      [app, response.body.certificationId],
    );
    expect(audit.rows).toEqual([
      { action: "update", entity_type: "sdgs_application" },
      { action: "issue", entity_type: "sdgs_certification" },
    ]);
    const decision = await t.db.query("SELECT decision, tier_id FROM sdgs_committee_decisions WHERE application_id = $1", [app]);
    expect(decision.rows[0]).toMatchObject({ decision: "certify", tier_id: round.tiers.gold });
  });

  it("refuses a tier above the one the score reaches, and accepts a lower one", async () => {
    const company = await buildCompany(t.db);
    const app = await buildCommitteeApplication(t.db, round, company.id, ["R1", "A", "C"]); // 70 → シルバー
    const higher = await decideHttp({ applicationId: app, decision: "certify", tierId: round.tiers.gold, reason: "" });
    expect(higher.status).toBe(400);
    expect(higher.body.error.message).toContain("「シルバー」までの区分です");
    expect(await statusOf(app)).toBe("committee");
    const lower = await decideHttp({
      applicationId: app,
      decision: "certify",
      tierId: round.tiers.bronze,
      reason: "委員の判断で一段下げる",
    });
    expect(lower.status).toBe(200);
    expect(lower.body.certificationNumber).toBe("KSM-2030-0002");
    expect((await certification(app))?.tier_name).toBe("ブロンズ");
  });

  it("refuses 認証 whatever the score when a required item is not met", async () => {
    const detail = await manager.get<CommitteeMeetingDetail>(`/api/sdgs/committee-meetings/${meetingId}`);
    const app = detail.body.candidates.find((c) => c.companyName === "一覧確認株式会社")?.id as string;
    for (const tierId of [round.tiers.gold, round.tiers.bronze]) {
      const response = await decideHttp({ applicationId: app, decision: "certify", tierId, reason: "" });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain("点数にかかわらず認証できません");
    }
    expect(await statusOf(app)).toBe("committee");
    expect(await certification(app)).toBeNull();
  });

  it("needs a reason to refuse, then records 不認証 with it", async () => {
    const detail = await manager.get<CommitteeMeetingDetail>(`/api/sdgs/committee-meetings/${meetingId}`);
    const app = detail.body.candidates.find((c) => c.companyName === "一覧確認株式会社")?.id as string;
    const noReason = await decideHttp({ applicationId: app, decision: "refuse", reason: "  " });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields.reason).toBeDefined();
    const refused = await decideHttp({ applicationId: app, decision: "refuse", reason: "必須項目R1が満たされていないため。" });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ decision: "refuse", certificationId: null });
    expect(await statusOf(app)).toBe("refused");
    const event = await t.db.query("SELECT to_status, comment FROM sdgs_application_events WHERE application_id = $1", [app]);
    expect(event.rows[0]).toEqual({ to_status: "refused", comment: "必須項目R1が満たされていないため。" });
  });

  it("answers 409 to a decision on an application that is not waiting for the committee, 404 for another round's", async () => {
    const company = await buildCompany(t.db);
    const app = await buildCommitteeApplication(t.db, round, company.id, ["R1", "A"]);
    expect((await decideHttp({ applicationId: app, decision: "refuse", reason: "理由" })).status).toBe(200);
    const again = await decideHttp({ applicationId: app, decision: "refuse", reason: "理由" });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("wrong_status");

    const inReview = await buildCommitteeApplication(t.db, round, (await buildCompany(t.db)).id, ["R1", "A", "B"]);
    await t.db.query("UPDATE sdgs_applications SET status = 'review' WHERE id = $1", [inReview]);
    expect((await decideHttp({ applicationId: inReview, decision: "certify", tierId: round.tiers.gold, reason: "" })).status).toBe(409);

    const other = await buildRound(t.db, { fiscalYear: 2031 });
    const otherApp = await buildCommitteeApplication(t.db, other, (await buildCompany(t.db)).id, ["R1", "A", "B"]);
    expect((await decideHttp({ applicationId: otherApp, decision: "certify", tierId: other.tiers.gold, reason: "" })).status).toBe(404);
  });

  it("lets only the bureau's editors decide (a viewer gets 403)", async () => {
    const app = await buildCommitteeApplication(t.db, round, (await buildCompany(t.db)).id, ["R1", "A", "B"]);
    const response = await viewer.post(`/api/sdgs/committee-meetings/${meetingId}/decisions`, {
      applicationId: app,
      decision: "certify",
      tierId: round.tiers.gold,
      reason: "",
    });
    expect(response.status).toBe(403);
    expect(await statusOf(app)).toBe("committee");
  });

  it("numbers per fiscal year: another year starts again at 0001, the same year goes on", async () => {
    const next = await buildRound(t.db, { fiscalYear: 2032 });
    const meeting = await buildMeeting(t.db, next.id, "2033-03-01");
    const app = await buildCommitteeApplication(t.db, next, (await buildCompany(t.db)).id, ["R1", "A", "B", "C"]);
    const response = await decideHttp({ applicationId: app, decision: "certify", tierId: next.tiers.gold, reason: "" }, meeting);
    expect(response.body.certificationNumber).toBe("KSM-2032-0001");
    const same = await buildCommitteeApplication(t.db, round, (await buildCompany(t.db)).id, ["R1", "A", "B"]);
    const sameYear = await decideHttp({ applicationId: same, decision: "certify", tierId: round.tiers.silver, reason: "" });
    expect(sameYear.body.certificationNumber).toBe("KSM-2030-0003");
  });

  it("gives two decisions made at the same moment two different, consecutive numbers", async () => {
    const concurrent = await buildRound(t.db, { fiscalYear: 2040 });
    const meeting = await buildMeeting(t.db, concurrent.id, "2041-03-01");
    const apps = [
      await buildCommitteeApplication(t.db, concurrent, (await buildCompany(t.db)).id, ["R1", "A", "B"]),
      await buildCommitteeApplication(t.db, concurrent, (await buildCompany(t.db)).id, ["R1", "A", "B"]),
      await buildCommitteeApplication(t.db, concurrent, (await buildCompany(t.db)).id, ["R1", "A", "B"]),
    ];
    const actor: Actor = { userId: managerPrincipal.id, label: "政策局 担当" };
    const results = await Promise.all(
      apps.map((applicationId) =>
        decide(t.db, managerPrincipal, actor, meeting, { applicationId, decision: "certify", tierId: concurrent.tiers.gold, reason: "" }),
      ),
    );
    expect(results.map((r) => r.certificationNumber).sort()).toEqual(["KSM-2040-0001", "KSM-2040-0002", "KSM-2040-0003"]);
    // the same application decided twice at once: one wins, the other is told it is no longer waiting
    const one = await buildCommitteeApplication(t.db, concurrent, (await buildCompany(t.db)).id, ["R1", "A", "B"]);
    const twice = await Promise.allSettled(
      [0, 1].map(() =>
        decide(t.db, managerPrincipal, actor, meeting, {
          applicationId: one,
          decision: "certify",
          tierId: concurrent.tiers.gold,
          reason: "",
        }),
      ),
    );
    expect(twice.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const { rows } = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM sdgs_certifications WHERE application_id = $1", [one]);
    expect(rows[0].n).toBe(1);
  });

  it("renews: the old certification is superseded and the new one starts the day after it ends", async () => {
    const company = await buildCompany(t.db);
    const first = await buildCommitteeApplication(t.db, round, company.id, ["R1", "A", "B"]);
    const firstCert = (await decideHttp({ applicationId: first, decision: "certify", tierId: round.tiers.gold, reason: "" })).body;
    expect(firstCert.validUntil).toBe("2034-03-09");
    const renewalRound = await buildRound(t.db, { fiscalYear: 2033, closesOn: "2033-10-31" });
    const meeting = await buildMeeting(t.db, renewalRound.id, "2033-12-01");
    const renewal = await buildCommitteeApplication(t.db, renewalRound, company.id, ["R1", "A", "B"], {
      kind: "renewal",
      previousCertificationId: firstCert.certificationId,
    });
    const response = await decideHttp(
      { applicationId: renewal, decision: "certify", tierId: renewalRound.tiers.gold, reason: "" },
      meeting,
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ validFrom: "2034-03-10", validUntil: "2037-03-09" });
    const old = await t.db.query<{ status: string }>("SELECT status FROM sdgs_certifications WHERE id = $1", [firstCert.certificationId]);
    expect(old.rows[0].status).toBe("superseded");
    const link = await t.db.query("SELECT previous_certification_id FROM sdgs_certifications WHERE id = $1", [
      response.body.certificationId,
    ]);
    expect(link.rows[0].previous_certification_id).toBe(firstCert.certificationId);
  });

  it("ranks up: the new tier from the meeting's date, keeping the old end date", async () => {
    const company = await buildCompany(t.db);
    const first = await buildCommitteeApplication(t.db, round, company.id, ["R1", "A", "C"]); // 70
    const firstCert = (await decideHttp({ applicationId: first, decision: "certify", tierId: round.tiers.silver, reason: "" })).body;
    const rankUpRound = await buildRound(t.db, { fiscalYear: 2031, closesOn: "2031-12-15" });
    const meeting = await buildMeeting(t.db, rankUpRound.id, "2032-02-15");
    const rankUp = await buildCommitteeApplication(t.db, rankUpRound, company.id, ["R1", "A", "B", "C"], {
      kind: "rank_up",
      previousCertificationId: firstCert.certificationId,
    });
    const response = await decideHttp({ applicationId: rankUp, decision: "certify", tierId: rankUpRound.tiers.gold, reason: "" }, meeting);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ validFrom: "2032-02-15", validUntil: "2034-03-09" });
    expect((await certification(first))?.status).toBe("superseded");
  });

  it("works out validity as the rules say (pure)", () => {
    expect(validityFor("new", "2025-03-18", 3, null)).toEqual({ validFrom: "2025-03-18", validUntil: "2028-03-17" });
    // renewal decided after the old one ended: from the meeting
    expect(validityFor("renewal", "2028-05-01", 3, { valid_until: "2028-03-17" })).toEqual({
      validFrom: "2028-05-01",
      validUntil: "2031-04-30",
    });
    // rank-up after the old one ended: a full term
    expect(validityFor("rank_up", "2028-05-01", 3, { valid_until: "2028-03-17" })).toEqual({
      validFrom: "2028-05-01",
      validUntil: "2031-04-30",
    });
  });

  it("keeps the meeting's date once decisions exist, and answers 409 to a stale edit", async () => {
    const detail = await manager.get<CommitteeMeetingDetail>(`/api/sdgs/committee-meetings/${meetingId}`);
    const token = detail.body.meeting.updatedAt;
    const moved = await manager.put(`/api/sdgs/committee-meetings/${meetingId}`, {
      heldOn: "2031-03-11",
      place: "",
      members: "",
      minutes: "",
      updatedAt: token,
    });
    expect(moved.status).toBe(400);
    const minutes = await manager.put<CommitteeMeetingDetail>(`/api/sdgs/committee-meetings/${meetingId}`, {
      heldOn: "2031-03-10",
      place: "本庁舎 特別会議室",
      members: "委員長 ほか4名",
      minutes: "各申請について審議した。",
      updatedAt: token,
    });
    expect(minutes.status).toBe(200);
    expect(minutes.body.meeting.minutes).toBe("各申請について審議した。");
    const stale = await manager.put(`/api/sdgs/committee-meetings/${meetingId}`, {
      heldOn: "2031-03-10",
      place: "",
      members: "",
      minutes: "古い画面から",
      updatedAt: token,
    });
    expect(stale.status).toBe(409);
  });
});
