// 書類審査・ヒアリング over HTTP on the sample data: a reviewer sees only applications in review, only their own
// review (never another reviewer's scores, never contacts), scores above an item's points are refused, a submission
// needs every item scored, and after it the application's 審査点 and suggested tier are stored; a partner login that
// is not a registered reviewer is refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scoreReviews, tierFor } from "../../../common/sdgs/scoring";
import { loadRoundRules } from "./round-rules";
import { buildScreeningWorld, type ScreeningWorld } from "./screening.fixture";

let w: ScreeningWorld;

beforeAll(async () => {
  w = await buildScreeningWorld();
}, 120_000);
afterAll(() => w?.t.cleanup());

interface Item {
  id: string;
  code: string;
  points: number;
}

describe("the reviewer's list and page", () => {
  it("lists only the applications in review, with the reviewer's own state", async () => {
    const list = await w.as.reviewer.get("/api/sdgs/review/applications");
    expect(list.status).toBe(200);
    const inReview = await w.t.db.query<{ id: string }>("SELECT id FROM sdgs_applications WHERE status = 'review'");
    expect(list.body.items.map((a: { id: string }) => a.id).sort()).toEqual(inReview.rows.map((r) => r.id).sort());
    expect(list.body.items.every((a: { reviewState: string }) => a.reviewState === "none")).toBe(true);
  });

  it("answers 404 for an application that is not in review", async () => {
    for (const [company, status] of [
      ["小倉精機工業株式会社", "committee"],
      ["洞海ロジスティクス株式会社", "screening"],
    ]) {
      const app = await w.applicationOf(company, status);
      expect((await w.as.reviewer.get(`/api/sdgs/review/applications/${app.id}`)).status).toBe(404);
      expect((await w.as.reviewer.put(`/api/sdgs/review/applications/${app.id}`, { scores: [] })).status).toBe(404);
    }
  });

  it("refuses a partner login that is not a registered reviewer, and an inactive reviewer", async () => {
    expect((await w.as.company.get("/api/sdgs/review/applications")).status).toBe(403);
    expect((await w.as.outsider.get("/api/sdgs/review/applications")).status).toBe(403);
    await w.t.db.query("INSERT INTO sdgs_reviewers (user_id, active) VALUES ($1, false)", [w.users.outsider.id]);
    expect((await w.as.outsider.get("/api/sdgs/review/applications")).status).toBe(403);
  });
});

describe("evidence", () => {
  it("lets a reviewer download an application's evidence while it is in review, staff always, and nobody another record's file", async () => {
    const app = await w.applicationOf("八幡建設株式会社", "review");
    const other = await w.applicationOf("小倉精機工業株式会社", "committee");
    const file = await w.t.db.query<{ id: string }>(
      `INSERT INTO files (name, mime_type, size_bytes, sha256, content, owner_kind, owner_id, purpose, organisation_id)
       VALUES ('省エネ診断.pdf', 'application/pdf', 8, 'test', '\\x255044462d312e34'::bytea, 'sdgs.application', $1, 'evidence',
               (SELECT c.organisation_id FROM sdgs_companies c JOIN sdgs_applications a ON a.company_id = c.id WHERE a.id = $1))
       RETURNING id`,
      [app.id],
    );
    const fileId = file.rows[0].id;
    await w.t.db.query("INSERT INTO sdgs_application_evidence (file_id, application_id) VALUES ($1, $2)", [fileId, app.id]);
    const page = await w.as.reviewer.get(`/api/sdgs/review/applications/${app.id}`);
    expect(page.body.evidence.map((e: { fileId: string }) => e.fileId)).toEqual([fileId]);
    const got = await w.as.reviewer.get(`/api/sdgs/review/applications/${app.id}/evidence/${fileId}`);
    expect(got.status).toBe(200);
    expect(new TextDecoder().decode(got.raw)).toBe("%PDF-1.4");
    expect(got.headers.get("content-disposition")).toContain("attachment");
    expect((await w.as.viewer.get(`/api/sdgs/applications/${app.id}/evidence/${fileId}`)).status).toBe(200);
    // the same file asked for through another application, or by a reviewer once the application left review
    expect((await w.as.reviewer.get(`/api/sdgs/review/applications/${other.id}/evidence/${fileId}`)).status).toBe(404);
    expect((await w.as.viewer.get(`/api/sdgs/applications/${other.id}/evidence/${fileId}`)).status).toBe(404);
    await w.t.db.query("UPDATE sdgs_applications SET status = 'committee' WHERE id = $1", [app.id]);
    expect((await w.as.reviewer.get(`/api/sdgs/review/applications/${app.id}/evidence/${fileId}`)).status).toBe(404);
    await w.t.db.query("UPDATE sdgs_applications SET status = 'review' WHERE id = $1", [app.id]);
    const audit = await w.t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'sdgs_evidence' AND action = 'download' AND entity_id = $1",
      [fileId],
    );
    expect(audit.rows[0].n).toBe(2);
  });
});

describe("scoring", () => {
  it("refuses a score above the item's points, keeps drafts, submits only with every item scored, then stores the review score and tier", async () => {
    const app = await w.applicationOf("平尾台ファーム合同会社", "review");
    const page = await w.as.reviewer.get(`/api/sdgs/review/applications/${app.id}`);
    expect(page.status).toBe(200);
    expect(page.body.review).toBeNull();
    expect(JSON.stringify(page.body)).not.toMatch(/contact/i);
    const items: Item[] = page.body.items;
    expect(items.length).toBeGreaterThan(2);

    const tooHigh = await w.as.reviewer.put(`/api/sdgs/review/applications/${app.id}`, {
      scores: [{ itemId: items[0].id, score: items[0].points + 1, comment: "" }],
    });
    expect(tooHigh.status).toBe(400);
    expect(tooHigh.body.error.fields["scores.0.score"]).toContain(`0〜${items[0].points}点`);

    // a draft with the first item only
    const draft = await w.as.reviewer.put(`/api/sdgs/review/applications/${app.id}`, {
      hearingOn: "令和8年2月10日",
      hearingNotes: "代表者から省エネ設備の更新計画を聴取。",
      comment: "",
      scores: [{ itemId: items[0].id, score: items[0].points, comment: "十分" }],
    });
    expect(draft.status).toBe(200);
    expect(draft.body.review.hearingOn).toBe("2026-02-10");
    expect(draft.body.review.scores).toHaveLength(1);

    const early = await w.as.reviewer.post(`/api/sdgs/review/applications/${app.id}/submit`, { version: draft.body.review.version });
    expect(early.status).toBe(400);
    expect(early.body.error.message).toContain(items[1].code);

    // the second reviewer (a member of staff) scores every item 0 and submits
    const other = await w.as.reviewer2.put(`/api/sdgs/review/applications/${app.id}`, {
      scores: items.map((i) => ({ itemId: i.id, score: 0, comment: "" })),
      comment: "別の審査員の総評",
    });
    expect(other.status).toBe(200);
    const otherSubmitted = await w.as.reviewer2.post(`/api/sdgs/review/applications/${app.id}/submit`, {
      version: other.body.review.version,
    });
    expect(otherSubmitted.status).toBe(200);
    expect(otherSubmitted.body.review.submittedAt).not.toBeNull();

    // the first reviewer still sees only their own draft
    const mine = await w.as.reviewer.get(`/api/sdgs/review/applications/${app.id}`);
    expect(mine.body.review.scores).toHaveLength(1);
    expect(mine.body.review.submittedAt).toBeNull();
    expect(JSON.stringify(mine.body)).not.toContain("別の審査員の総評");
    expect(Object.keys(mine.body)).not.toContain("reviews");

    // a stale version is refused; then every item scored at its full points, and submitted
    const stale = await w.as.reviewer.put(`/api/sdgs/review/applications/${app.id}`, { version: 1 + mine.body.review.version, scores: [] });
    expect(stale.status).toBe(409);
    const full = await w.as.reviewer.put(`/api/sdgs/review/applications/${app.id}`, {
      version: mine.body.review.version,
      hearingOn: "2026-02-10",
      hearingNotes: "代表者から省エネ設備の更新計画を聴取。",
      comment: "取組は全体に充実している。",
      scores: items.map((i) => ({ itemId: i.id, score: i.points, comment: "" })),
    });
    expect(full.status).toBe(200);
    expect(full.body.review.total).toBe(items.reduce((s, i) => s + i.points, 0));
    const submitted = await w.as.reviewer.post(`/api/sdgs/review/applications/${app.id}/submit`, { version: full.body.review.version });
    expect(submitted.status).toBe(200);
    const again = await w.as.reviewer.put(`/api/sdgs/review/applications/${app.id}`, {
      version: submitted.body.review.version,
      scores: [],
    });
    expect(again.status).toBe(409);

    // stored: the mean of the two reviews per item, and the tier it reaches
    const rules = await loadRoundRules(w.t.db, app.round_id);
    const expected = scoreReviews(rules.items, [new Map(items.map((i) => [i.id, i.points])), new Map(items.map((i) => [i.id, 0]))]);
    const tier = tierFor(expected, rules.tiers);
    const stored = await w.t.db.query<{ review_score: number; suggested_tier_id: string | null; missing_required: number }>(
      "SELECT review_score, suggested_tier_id, missing_required FROM sdgs_applications WHERE id = $1",
      [app.id],
    );
    expect(stored.rows[0].review_score).toBe(expected.score);
    expect(stored.rows[0].suggested_tier_id).toBe(tier.tier?.id ?? null);
    expect(stored.rows[0].missing_required).toBe(expected.missingRequired.length);

    // staff see both reviews, with their names, and the review score
    const staff = await w.as.manager.get(`/api/sdgs/applications/${app.id}`);
    expect(staff.body.reviews.map((r: { reviewerName: string }) => r.reviewerName).sort()).toEqual(["審査 一郎", "審査 二郎"]);
    expect(staff.body.score.review.score).toBe(expected.score);
    expect(staff.body.score.basisKind).toBe("review");
    const list = await w.as.manager.get("/api/sdgs/applications?status=review&pageSize=200");
    const row = list.body.items.find((a: { id: string }) => a.id === app.id);
    expect(row.reviewScore).toBe(expected.score);
    expect(row.submittedReviews).toBe(2);
    expect(row.suggestedTierName).toBe(tier.tier?.name ?? null);

    // and now the application may go to the committee
    const moved = await w.as.manager.post(`/api/sdgs/applications/${app.id}/moves`, {
      move: "to_committee",
      comment: "",
      version: staff.body.version,
    });
    expect(moved.status).toBe(200);
    expect(moved.body.status).toBe("committee");
    const audit = await w.t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'sdgs_review' AND summary LIKE '%採点を提出'",
    );
    expect(audit.rows[0].n).toBe(2);
  });
});

describe("the reviewer register", () => {
  it("registers a login found by the picker, refuses company logins and duplicates, and deactivates", async () => {
    const found = await w.as.manager.get(`/api/sdgs/reviewer-candidates?q=${encodeURIComponent("推進")}`);
    expect(found.status).toBe(200);
    const manager = found.body.items.find((c: { id: string }) => c.id === w.users.manager.id);
    expect(manager).toMatchObject({ external: false, registered: false });
    const companyUser = await w.t.db.query<{ id: string }>(
      "SELECT u.id FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE o.code = 'sdgs-sample-kokura-seiki' LIMIT 1",
    );
    expect((await w.as.manager.post("/api/sdgs/reviewers", { userId: companyUser.rows[0].id })).status).toBe(400);
    const created = await w.as.manager.post("/api/sdgs/reviewers", { userId: w.users.manager.id, affiliation: "SDGs推進課" });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ displayName: "推進 太郎", active: true, external: false });
    expect((await w.as.manager.post("/api/sdgs/reviewers", { userId: w.users.manager.id })).status).toBe(409);
    const off = await w.as.manager.patch(`/api/sdgs/reviewers/${w.users.reviewer.id}`, { active: false });
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    expect(off.body.reviewsSubmitted).toBe(1);
    expect((await w.as.reviewer.get("/api/sdgs/review/applications")).status).toBe(403);
    const list = await w.as.manager.get("/api/sdgs/reviewers");
    expect(list.body.items.length).toBe(4);
    expect((await w.as.viewer.get("/api/sdgs/reviewers")).status).toBe(403);
  });
});
