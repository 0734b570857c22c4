// 要件確認 over HTTP on the sample data: the staff's list (filters, paging, sort, no contacts, no drafts), one
// application (contacts for the bureau's managers only), the moves staff make (wrong state 409, stale version 409,
// 差戻し needs and stores its reason and the company may then resubmit, 審査会 only after a submitted review), the
// screening note, the CSV (BOM, formula guard, audited) and the search entry that only staff find.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canMove, movesFrom } from "../../../common/sdgs/application-states";
import { buildScreeningWorld, type ScreeningWorld } from "./screening.fixture";
import { indexApplications } from "./screening-search";

let w: ScreeningWorld;

beforeAll(async () => {
  w = await buildScreeningWorld();
}, 120_000);
afterAll(() => w?.t.cleanup());

describe("the staff's list of applications", () => {
  it("filters by status and pages, without drafts or contact data", async () => {
    const all = await w.as.viewer.get("/api/sdgs/applications?pageSize=200");
    expect(all.status).toBe(200);
    const drafts = await w.t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM sdgs_applications WHERE status = 'draft'");
    const total = await w.t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM sdgs_applications");
    expect(drafts.rows[0].n).toBeGreaterThan(0);
    expect(all.body.total).toBe(total.rows[0].n - drafts.rows[0].n);
    expect(all.body.items.some((a: { status: string }) => a.status === "draft")).toBe(false);
    const keys = Object.keys(all.body.items[0]);
    expect(keys.filter((k) => /contact|email|phone/i.test(k))).toEqual([]);

    const submitted = await w.as.viewer.get("/api/sdgs/applications?status=submitted");
    expect(submitted.body.items.length).toBe(2);
    expect(submitted.body.items.every((a: { status: string }) => a.status === "submitted")).toBe(true);

    const page1 = await w.as.viewer.get("/api/sdgs/applications?pageSize=3&page=1&sort=company");
    const page2 = await w.as.viewer.get("/api/sdgs/applications?pageSize=3&page=2&sort=company");
    expect(page1.body.items).toHaveLength(3);
    expect(page1.body.total).toBe(all.body.total);
    const ids1 = page1.body.items.map((a: { id: string }) => a.id);
    expect(page2.body.items.every((a: { id: string }) => !ids1.includes(a.id))).toBe(true);
  });

  it("finds a company by part of its name or kana and by 法人番号, and filters by round, kind, ward and industry", async () => {
    const byName = await w.as.viewer.get(`/api/sdgs/applications?q=${encodeURIComponent("平尾台")}`);
    expect(byName.body.items.length).toBeGreaterThan(0);
    expect(byName.body.items.every((a: { companyName: string }) => a.companyName.includes("平尾台"))).toBe(true);
    const number = byName.body.items[0].corporateNumber as string;
    const byNumber = await w.as.viewer.get(`/api/sdgs/applications?q=${number.slice(0, 8)}`);
    expect(byNumber.body.items.map((a: { corporateNumber: string }) => a.corporateNumber)).toContain(number);

    const rankUps = await w.as.viewer.get("/api/sdgs/applications?kind=rank_up");
    expect(rankUps.body.items.length).toBeGreaterThan(0);
    expect(rankUps.body.items.every((a: { kind: string }) => a.kind === "rank_up")).toBe(true);
    const round = rankUps.body.items[0].roundId as string;
    const inRound = await w.as.viewer.get(`/api/sdgs/applications?roundId=${round}&pageSize=200`);
    expect(inRound.body.items.every((a: { roundId: string }) => a.roundId === round)).toBe(true);
    const first = inRound.body.items[0];
    const narrowed = await w.as.viewer.get(`/api/sdgs/applications?ward=${first.ward}&industry=${first.industry}&pageSize=200`);
    expect(
      narrowed.body.items.every((a: { ward: string; industry: string }) => a.ward === first.ward && a.industry === first.industry),
    ).toBe(true);
    expect(narrowed.body.items.map((a: { id: string }) => a.id)).toContain(first.id);

    const sorted = await w.as.viewer.get("/api/sdgs/applications?sort=-selfScore&pageSize=200");
    const scores = sorted.body.items.map((a: { selfScore: number | null }) => a.selfScore ?? -1);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("is refused to partner logins and to anonymous callers", async () => {
    expect((await w.as.company.get("/api/sdgs/applications")).status).toBe(403);
    expect((await w.as.reviewer.get("/api/sdgs/applications")).status).toBe(403);
    expect((await w.t.client().get("/api/sdgs/applications")).status).toBe(401);
  });
});

describe("one application", () => {
  it("shows the contacts to the bureau's managers only", async () => {
    const app = await w.applicationOf("平尾台ファーム合同会社", "review");
    const contact = await w.t.db.query<{ contact_name: string }>(
      "SELECT c.contact_name FROM sdgs_companies c JOIN sdgs_applications a ON a.company_id = c.id WHERE a.id = $1",
      [app.id],
    );
    expect(contact.rows[0].contact_name).not.toBe("");
    const asManager = await w.as.manager.get(`/api/sdgs/applications/${app.id}`);
    expect(asManager.status).toBe(200);
    expect(asManager.body.company.contactsVisible).toBe(true);
    expect(asManager.body.company.contactName).toBe(contact.rows[0].contact_name);
    expect(asManager.body.moves.map((m: { move: string }) => m.move)).toEqual(["to_committee"]);
    for (const caller of [w.as.viewer, w.as.otherEditor]) {
      const other = await caller.get(`/api/sdgs/applications/${app.id}`);
      expect(other.status).toBe(200);
      expect(other.body.company.contactsVisible).toBe(false);
      expect([other.body.company.contactName, other.body.company.contactEmail, other.body.company.contactPhone]).toEqual(["", "", ""]);
      expect(other.body.moves).toEqual([]);
      expect(JSON.stringify(other.body)).not.toContain(contact.rows[0].contact_name);
    }
    expect(asManager.body.items.length).toBeGreaterThan(0);
    expect(asManager.body.goals.length).toBeGreaterThanOrEqual(3);
    expect(asManager.body.eligible).toBe(true);
    expect(asManager.body.score.self.score).toBe(
      asManager.body.items.filter((i: { met: boolean }) => i.met).reduce((s: number, i: { points: number }) => s + i.points, 0),
    );
  });

  it("is not found for a draft (the company's own until it is submitted)", async () => {
    const draft = await w.applicationOf("足立印刷株式会社", "draft");
    expect((await w.as.manager.get(`/api/sdgs/applications/${draft.id}`)).status).toBe(404);
  });
});

describe("moves by staff", () => {
  it("refuses a move the state does not allow (409), a stale version (409) and a reader who is not the bureau's (403)", async () => {
    const app = await w.applicationOf("平尾台ファーム合同会社", "review");
    const wrong = await w.as.manager.post(`/api/sdgs/applications/${app.id}/moves`, {
      move: "start_screening",
      comment: "",
      version: app.version,
    });
    expect(wrong.status).toBe(409);
    expect(wrong.body.error.message).toContain("書類審査・ヒアリング");
    const stale = await w.as.manager.post(`/api/sdgs/applications/${app.id}/moves`, {
      move: "to_review",
      comment: "",
      version: app.version - 1,
    });
    expect(stale.status).toBe(409);
    const notManager = await w.as.otherEditor.post(`/api/sdgs/applications/${app.id}/moves`, {
      move: "to_committee",
      comment: "",
      version: app.version,
    });
    expect(notManager.status).toBe(403);
  });

  it("starts screening, returns with the reason (stored and shown to the company), and lets the company resubmit", async () => {
    const app = await w.applicationOf("枝光工務店株式会社", "submitted");
    const started = await w.as.manager.post(`/api/sdgs/applications/${app.id}/moves`, {
      move: "start_screening",
      comment: "",
      version: app.version,
    });
    expect(started.status).toBe(200);
    expect(started.body.status).toBe("screening");
    expect(started.body.moves.map((m: { move: string }) => m.move)).toEqual(["return", "to_review"]);

    const noReason = await w.as.manager.post(`/api/sdgs/applications/${app.id}/moves`, {
      move: "return",
      comment: "  ",
      version: started.body.version,
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields.comment).toBeTruthy();

    const reason = "証拠書類（省エネ診断の報告書）を添付してください。";
    const returned = await w.as.manager.post(`/api/sdgs/applications/${app.id}/moves`, {
      move: "return",
      comment: reason,
      version: started.body.version,
    });
    expect(returned.status).toBe(200);
    expect(returned.body.status).toBe("returned");
    expect(returned.body.returnReason).toBe(reason);
    const stored = await w.t.db.query<{ status: string; return_reason: string }>(
      "SELECT status, return_reason FROM sdgs_applications WHERE id = $1",
      [app.id],
    );
    expect(stored.rows[0]).toEqual({ status: "returned", return_reason: reason });
    const events = returned.body.events.slice(-2);
    expect(events.map((e: { toStatus: string }) => e.toStatus)).toEqual(["screening", "returned"]);
    expect(events[1].comment).toBe(reason);
    const audit = await w.t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'sdgs_application' AND entity_id = $1 AND action = 'update'",
      [app.id],
    );
    expect(audit.rows[0].n).toBe(2);
    // the company may submit again, and staff have no move left while it is with the company
    expect(canMove("returned", "submit")).toBe(true);
    expect(movesFrom("returned", "company")).toContain("submit");
    expect(returned.body.moves).toEqual([]);
    const again = await w.as.manager.post(`/api/sdgs/applications/${app.id}/moves`, {
      move: "start_screening",
      comment: "",
      version: returned.body.version,
    });
    expect(again.status).toBe(409);
  });

  it("puts an application to the committee only once a reviewer has submitted", async () => {
    const app = await w.applicationOf("八幡建設株式会社", "review");
    const refused = await w.as.manager.post(`/api/sdgs/applications/${app.id}/moves`, {
      move: "to_committee",
      comment: "",
      version: app.version,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("no_submitted_review");
    expect((await w.t.db.query("SELECT status FROM sdgs_applications WHERE id = $1", [app.id])).rows[0]).toEqual({ status: "review" });
  });

  it("keeps the screening note with the version check", async () => {
    const app = await w.applicationOf("洞海ロジスティクス株式会社", "screening");
    const saved = await w.as.manager.put(`/api/sdgs/applications/${app.id}/screening`, {
      screeningNote: "市税の納税証明書を確認済み。",
      version: app.version,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.screeningNote).toBe("市税の納税証明書を確認済み。");
    const stale = await w.as.manager.put(`/api/sdgs/applications/${app.id}/screening`, { screeningNote: "上書き", version: app.version });
    expect(stale.status).toBe(409);
    expect(
      (await w.as.viewer.put(`/api/sdgs/applications/${app.id}/screening`, { screeningNote: "x", version: saved.body.version })).status,
    ).toBe(403);
  });
});

describe("the CSV", () => {
  it("writes the list with a BOM, neutralises formulas, holds no contacts, and is audited", async () => {
    const app = await w.applicationOf("洞海ロジスティクス株式会社", "screening");
    await w.t.db.query(
      'UPDATE sdgs_companies SET name = \'=HYPERLINK("http://evil.example/","x")\' WHERE id = (SELECT company_id FROM sdgs_applications WHERE id = $1)',
      [app.id],
    );
    const contacts = await w.t.db.query<{ contact_email: string }>(
      "SELECT contact_email FROM sdgs_companies WHERE contact_email <> '' LIMIT 1",
    );
    const response = await w.as.viewer.get("/api/sdgs/applications.csv?status=screening");
    expect(response.status).toBe(200);
    expect(Array.from(response.raw.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    expect(response.headers.get("content-disposition")).toContain("attachment");
    const text = new TextDecoder().decode(response.raw.slice(3));
    const lines = text.trim().split("\r\n");
    expect(lines[0].startsWith("募集回,年度,企業名")).toBe(true);
    expect(lines).toHaveLength(2);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example/"",""x"")"`);
    expect(text).toContain("要件確認中");
    if (contacts.rows[0]) expect(text).not.toContain(contacts.rows[0].contact_email);
    const audit = await w.t.db.query<{ summary: string }>(
      "SELECT summary FROM audit_log WHERE entity_type = 'sdgs_application' AND action = 'export' ORDER BY id DESC LIMIT 1",
    );
    expect(audit.rows[0]?.summary).toContain("CSV");
  });
});

describe("search", () => {
  it("finds an application for staff and never for a partner login", async () => {
    const app = await w.applicationOf("平尾台ファーム合同会社", "review");
    await w.t.db.transaction((tx) => indexApplications(tx, [app.id]));
    const staff = await w.as.viewer.get(`/api/search?q=${encodeURIComponent("平尾台ファーム")}`);
    expect(staff.status).toBe(200);
    expect(JSON.stringify(staff.body)).toContain(`/sdgs/applications/${app.id}`);
    const partner = await w.as.reviewer.get(`/api/search?q=${encodeURIComponent("平尾台ファーム")}`);
    expect(JSON.stringify(partner.body)).not.toContain(`/sdgs/applications/${app.id}`);
  });
});
