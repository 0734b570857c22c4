// A company's application over HTTP, as its partner login makes it: a draft in the round open today, saved
// incomplete, refused at submission with each reason (an ineligible answer, a missing evidence file, too few goals,
// no declaration), submitted, returned by staff, fixed and resubmitted; never changed once submitted; another
// company's application is "not found"; one application per round; the application period in 和暦; renewals and
// rank-ups only with a certification that allows them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, addMonths } from "../../../common/sdgs/certification-lifecycle";
import type { TestClient } from "../../testing/app";
import { buildCompanyWorld, type CompanyWorld, insertCertification, testCorporateNumber as withDigit } from "./company.fixture";

let w: CompanyWorld;
beforeAll(async () => {
  w = await buildCompanyWorld();
}, 180_000);
afterAll(() => w?.t.cleanup());

const pdf = (marker: string) => new TextEncoder().encode(`%PDF-1.4\n% ${marker}\n%%EOF\n`);

type App = any;

const goal = (n: number) => ({
  title: `目標${n}`,
  sdgGoals: [13, 7],
  kpi: `指標${n}`,
  unit: "t",
  baseline: 100,
  baselineYear: 2025,
  target: 60,
  targetYear: 2030,
});

/** A complete draft body: every eligibility rule answered as required, every item met, three goals, a summary. */
function completeDraft(app: App, overrides: Record<string, unknown> = {}) {
  return {
    version: app.version,
    eligibilityAnswers: Object.fromEntries(app.eligibilityRules.map((r: App) => [r.code, r.requiredAnswer])),
    summary: "環境と地域に根ざした経営に取り組みます。",
    answers: app.domains.flatMap((d: App) => d.items.map((i: App) => ({ itemId: i.id, met: true, note: "" }))),
    goals: [goal(1), goal(2), goal(3)],
    ...overrides,
  };
}

async function startDraft(client: TestClient = w.company): Promise<App> {
  const created = await client.post("/api/sdgs/company/applications", { roundId: w.openRoundId, kind: "new" });
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  return (await client.get(`/api/sdgs/company/applications/${created.body.id}`)).body;
}

async function attachRequiredEvidence(app: App): Promise<void> {
  for (const item of app.domains.flatMap((d: App) => d.items).filter((i: App) => i.evidenceRequired)) {
    const r = await w.company.upload(
      `/api/sdgs/company/applications/${app.id}/evidence?itemId=${item.id}`,
      `${item.code}.pdf`,
      pdf(item.code),
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  }
}

describe("the company's application", () => {
  let app: App;

  it("lists the round open today with the kinds it may apply with, then starts a draft (one per round)", async () => {
    const rounds = await w.company.get("/api/sdgs/company/rounds");
    expect(rounds.status).toBe(200);
    const open = rounds.body.items.find((r: App) => r.id === w.openRoundId);
    expect(open.applicationId).toBeNull();
    expect(open.kinds.find((k: App) => k.kind === "new").allowed).toBe(true);
    expect(open.kinds.find((k: App) => k.kind === "renewal")).toMatchObject({ allowed: false });
    expect(rounds.body.items.some((r: App) => r.id === w.closedRoundId)).toBe(false);

    app = await startDraft();
    expect(app).toMatchObject({ status: "draft", kind: "new", canEdit: true, statusLabel: "下書き", submissionCount: 0 });
    expect(app.domains.length).toBe(4);
    expect(app.eligibilityRules.length).toBe(4);

    const again = await w.company.post("/api/sdgs/company/applications", { roundId: w.openRoundId, kind: "new" });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain("すでに申請があります");
    const listed = await w.company.get("/api/sdgs/company/rounds");
    expect(listed.body.items.find((r: App) => r.id === w.openRoundId).applicationId).toBe(app.id);
  });

  it("refuses a round outside its application period, naming the period in 和暦", async () => {
    const r = await w.company.post("/api/sdgs/company/applications", { roundId: w.closedRoundId, kind: "new" });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain("令和5年10月2日から令和5年12月15日まで");
  });

  it("saves an incomplete draft, rescored; a stale version is a 409", async () => {
    const items = app.domains.flatMap((d: App) => d.items);
    const saved = await w.company.put(`/api/sdgs/company/applications/${app.id}`, {
      version: app.version,
      eligibilityAnswers: { office_in_city: true },
      summary: "",
      answers: [{ itemId: items[1].id, met: true, note: "排出量を毎月集計" }],
      goals: [goal(1)],
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.version).toBe(app.version + 1);
    expect(saved.body.answers).toEqual([{ itemId: items[1].id, met: true, note: "排出量を毎月集計" }]);
    expect(saved.body.selfScore.score).toBe(items[1].points);
    expect(saved.body.selfScore.tierName).toBeNull();
    const stored = await w.t.db.query<{ self_score: number }>("SELECT self_score FROM sdgs_applications WHERE id = $1", [app.id]);
    expect(stored.rows[0].self_score).toBe(items[1].points);
    const stale = await w.company.put(`/api/sdgs/company/applications/${app.id}`, completeDraft(app));
    expect(stale.status).toBe(409);
    app = saved.body;
  });

  it("stops a submission with every reason: eligibility (the rule's reason), unanswered items, goals, summary, declaration", async () => {
    const r = await w.company.post(`/api/sdgs/company/applications/${app.id}/submit`, { version: app.version, declaration: false });
    expect(r.status).toBe(400);
    const message: string = r.body.error.message;
    expect(message).toContain("提出できません");
    expect(message).toContain("「市税（法人市民税・固定資産税など）に滞納がありませんか。」に回答してください。");
    expect(message).toContain("未回答の項目があります");
    expect(message).toContain("目標を3つ以上登録してください（いま1つ）");
    expect(message).toContain("取組の概要を入力してください");
    expect(message).toContain("宣言してください");
  });

  it("an ineligible answer can never be submitted: the rule's failure reason", async () => {
    const body = completeDraft(app);
    (body.eligibilityAnswers as Record<string, boolean>).no_tax_arrears = false;
    const saved = await w.company.put(`/api/sdgs/company/applications/${app.id}`, body);
    expect(saved.status).toBe(200);
    app = saved.body;
    await attachRequiredEvidence(app);
    app = (await w.company.get(`/api/sdgs/company/applications/${app.id}`)).body;
    const r = await w.company.post(`/api/sdgs/company/applications/${app.id}/submit`, { version: app.version, declaration: true });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain("市税に滞納がある事業者は申請できません。納付後に申請してください。");
    expect(r.body.error.fields["eligibility.no_tax_arrears"]).toContain("滞納");
    expect((await w.company.get(`/api/sdgs/company/applications/${app.id}`)).body.status).toBe("draft");
  });

  it("needs an evidence file for each met item that calls for one", async () => {
    const saved = await w.company.put(`/api/sdgs/company/applications/${app.id}`, completeDraft(app));
    app = saved.body;
    const e01 = app.evidence.find((f: App) => f.name === "E-01.pdf");
    const removed = await w.company.delete(`/api/sdgs/company/applications/${app.id}/evidence/${e01.id}`);
    expect(removed.status).toBe(200);
    const r = await w.company.post(`/api/sdgs/company/applications/${app.id}/submit`, { version: app.version, declaration: true });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain("項目E-01「環境関係法令を遵守し、遵守状況を定期的に確認している。」には証拠書類が必要です");
    expect(r.body.error.message).not.toContain("S-01");
    // an item answered "not met" needs no file
    const notMet = completeDraft(app);
    const e01Item = app.domains.flatMap((d: App) => d.items).find((i: App) => i.code === "E-01");
    notMet.answers = (notMet.answers as App[]).map((a) => (a.itemId === e01Item.id ? { ...a, met: false } : a));
    const saved2 = await w.company.put(`/api/sdgs/company/applications/${app.id}`, notMet);
    app = saved2.body;
    expect(app.selfScore.missingRequired).toEqual(["E-01"]);
    expect(app.selfScore.tierName).toBeNull();
    const r2 = await w.company.post(`/api/sdgs/company/applications/${app.id}/submit`, { version: app.version, declaration: false });
    expect(r2.body.error.message).not.toContain("証拠書類");
    await w.company.upload(`/api/sdgs/company/applications/${app.id}/evidence?itemId=${e01Item.id}`, "E-01.pdf", pdf("E-01 again"));
    app = (await w.company.put(`/api/sdgs/company/applications/${app.id}`, completeDraft(app))).body;
  });

  it("needs at least the round's number of complete goals (target year not before the baseline year)", async () => {
    const two = await w.company.put(`/api/sdgs/company/applications/${app.id}`, completeDraft(app, { goals: [goal(1), goal(2)] }));
    app = two.body;
    const r = await w.company.post(`/api/sdgs/company/applications/${app.id}/submit`, { version: app.version, declaration: true });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain("目標を3つ以上登録してください（いま2つ）");
    const backwards = await w.company.put(
      `/api/sdgs/company/applications/${app.id}`,
      completeDraft(app, { goals: [goal(1), goal(2), { ...goal(3), baselineYear: 2031 }] }),
    );
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.message).toContain("目標3の目標年（2030年）は基準年（2031年）以降にしてください");
    const incomplete = await w.company.put(
      `/api/sdgs/company/applications/${app.id}`,
      completeDraft(app, { goals: [goal(1), goal(2), { ...goal(3), sdgGoals: [], baseline: null }] }),
    );
    app = incomplete.body;
    const r2 = await w.company.post(`/api/sdgs/company/applications/${app.id}/submit`, { version: app.version, declaration: true });
    expect(r2.body.error.message).toContain("自社の目標3「目標3」: 基準値を入力してください");
    expect(r2.body.error.message).toContain("関係するSDGsの目標（1〜17）を1つ以上選んでください");
    const bad = await w.company.put(
      `/api/sdgs/company/applications/${app.id}`,
      completeDraft(app, { goals: [goal(1), goal(2), { ...goal(3), sdgGoals: [18] }] }),
    );
    expect(bad.status).toBe(400);
  });

  it("submits a complete application: submitted, counted, declared, with its event and audit row", async () => {
    app = (await w.company.put(`/api/sdgs/company/applications/${app.id}`, completeDraft(app))).body;
    expect(app.selfScore).toMatchObject({ score: 100, max: 100, tierName: "ゴールド", missingRequired: [] });
    const r = await w.company.post(`/api/sdgs/company/applications/${app.id}/submit`, { version: app.version, declaration: true });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ status: "submitted", canEdit: false, canWithdraw: true, submissionCount: 1 });
    expect(r.body.submittedAt).not.toBeNull();
    expect(r.body.declaredAt).not.toBeNull();
    expect(r.body.history.map((e: App) => e.toStatus)).toEqual(["submitted"]);
    const row = await w.t.db.query<{ declared_by: string }>("SELECT declared_by FROM sdgs_applications WHERE id = $1", [app.id]);
    expect(row.rows[0].declared_by).toBe(w.companyUserId);
    const audit = await w.t.db.query("SELECT 1 FROM audit_log WHERE entity_id = $1 AND summary LIKE '%を提出%'", [app.id]);
    expect(audit.rowCount).toBe(1);
    app = r.body;
  });

  it("cannot be changed once submitted: answers, files and a second submission are refused", async () => {
    const edit = await w.company.put(`/api/sdgs/company/applications/${app.id}`, completeDraft(app));
    expect(edit.status).toBe(409);
    expect(edit.body.error.message).toContain("「提出済み」の申請は変更できません");
    const file = await w.company.upload(`/api/sdgs/company/applications/${app.id}/evidence`, "追加.pdf", pdf("late"));
    expect(file.status).toBe(409);
    const again = await w.company.post(`/api/sdgs/company/applications/${app.id}/submit`, { version: app.version, declaration: true });
    expect(again.status).toBe(409);
  });

  it("returned by staff: the reason shows, the company fixes and resubmits (counted twice)", async () => {
    // staff's 差戻し, as the screening part records it: the move rule, the reason, an event with the reason
    await w.t.db.query("UPDATE sdgs_applications SET status = 'returned', return_reason = $2, version = version + 1 WHERE id = $1", [
      app.id,
      "目標1の基準値の根拠を補足してください。",
    ]);
    await w.t.db.query(
      "INSERT INTO sdgs_application_events (application_id, from_status, to_status, comment, actor_label) VALUES ($1, 'submitted', 'returned', $2, '政策局')",
      [app.id, "目標1の基準値の根拠を補足してください。"],
    );
    await w.t.db.query(
      "INSERT INTO sdgs_application_events (application_id, from_status, to_status, comment, actor_label) VALUES ($1, 'returned', 'screening', '内部メモ: 電話で確認済み', '政策局')",
      [app.id],
    );
    await w.t.db.query("UPDATE sdgs_applications SET status = 'returned', screening_note = '職員だけのメモ' WHERE id = $1", [app.id]);
    const returned = (await w.company.get(`/api/sdgs/company/applications/${app.id}`)).body;
    expect(returned).toMatchObject({ status: "returned", canEdit: true, returnReason: "目標1の基準値の根拠を補足してください。" });
    expect(returned.history.find((e: App) => e.toStatus === "returned").comment).toBe("目標1の基準値の根拠を補足してください。");
    expect(returned.history.find((e: App) => e.toStatus === "screening").comment).toBe("");
    expect(JSON.stringify(returned)).not.toContain("職員だけのメモ");
    const fixed = await w.company.put(
      `/api/sdgs/company/applications/${app.id}`,
      completeDraft(returned, { goals: [{ ...goal(1), title: "目標1（基準値は2025年度の実測）" }, goal(2), goal(3)] }),
    );
    expect(fixed.status).toBe(200);
    const r = await w.company.post(`/api/sdgs/company/applications/${app.id}/submit`, { version: fixed.body.version, declaration: true });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ status: "submitted", submissionCount: 2 });
    expect(r.body.history.at(-1)).toMatchObject({ fromStatus: "returned", toStatus: "submitted", comment: "再提出（2回目）" });
    const list = await w.company.get("/api/sdgs/company/applications");
    expect(list.body.items.find((i: App) => i.id === app.id)).toMatchObject({ status: "submitted", statusLabel: "提出済み" });
    app = r.body;
  });

  it("withdraws a submitted application", async () => {
    const r = await w.company.post(`/api/sdgs/company/applications/${app.id}/withdraw`, {
      version: app.version,
      comment: "体制を整えてから再度申請します。",
    });
    expect(r.status).toBe(200);
    expect(r.body.status).toBe("withdrawn");
    expect(r.body.history.at(-1).comment).toBe("体制を整えてから再度申請します。");
    const again = await w.company.post(`/api/sdgs/company/applications/${app.id}/withdraw`, { version: r.body.version });
    expect(again.status).toBe(409);
  });

  it("another company's application does not exist for this company (404 on every route)", async () => {
    const id = w.otherApplicationId;
    expect((await w.company.get(`/api/sdgs/company/applications/${id}`)).status).toBe(404);
    expect(
      (await w.company.put(`/api/sdgs/company/applications/${id}`, completeDraft({ version: 1, eligibilityRules: [], domains: [] })))
        .status,
    ).toBe(404);
    expect((await w.company.post(`/api/sdgs/company/applications/${id}/submit`, { version: 1, declaration: true })).status).toBe(404);
    expect((await w.company.post(`/api/sdgs/company/applications/${id}/withdraw`, { version: 1 })).status).toBe(404);
    expect((await w.company.upload(`/api/sdgs/company/applications/${id}/evidence`, "x.pdf", pdf("x"))).status).toBe(404);
    const own = await w.other.get(`/api/sdgs/company/applications/${id}`);
    expect(own.status).toBe(200);
    expect((await w.other.get(`/api/sdgs/company/applications/${app.id}`)).status).toBe(404);
    // staff are not companies: the routes are the company's own
    expect((await w.admin.get(`/api/sdgs/company/applications/${id}`)).status).toBe(403);
  });
});

describe("renewal and rank-up", () => {
  it("a renewal only within the renewal window of an active certification, continuing it; 新規 refused meanwhile", async () => {
    // the withdrawn application above freed the round
    const far = await insertCertification(w, {
      validFrom: addMonths(w.today, -30),
      validUntil: addDays(w.today, 200),
      tierRank: 3,
      number: "KSM-2025-0901",
    });
    const rounds = await w.company.get("/api/sdgs/company/rounds");
    const kinds = rounds.body.items.find((r: App) => r.id === w.openRoundId).kinds;
    expect(kinds.find((k: App) => k.kind === "new")).toMatchObject({ allowed: false });
    expect(kinds.find((k: App) => k.kind === "renewal").reason).toContain("90日前から受け付けます");
    const early = await w.company.post("/api/sdgs/company/applications", { roundId: w.openRoundId, kind: "renewal" });
    expect(early.status).toBe(400);
    expect(early.body.error.message).toMatch(/更新の申請は、認証の有効期限（令和\d+年\d+月\d+日）の90日前から受け付けます。/);
    const fresh = await w.company.post("/api/sdgs/company/applications", { roundId: w.openRoundId, kind: "new" });
    expect(fresh.status).toBe(400);
    expect(fresh.body.error.message).toContain("KSM-2025-0901");

    await w.t.db.query("UPDATE sdgs_certifications SET valid_until = $2 WHERE id = $1", [far.certificationId, addDays(w.today, 60)]);
    const renewal = await w.company.post("/api/sdgs/company/applications", { roundId: w.openRoundId, kind: "renewal" });
    expect(renewal.status, JSON.stringify(renewal.body)).toBe(200);
    const detail = (await w.company.get(`/api/sdgs/company/applications/${renewal.body.id}`)).body;
    expect(detail).toMatchObject({ kind: "renewal", previousCertificationNumber: "KSM-2025-0901" });
    await w.company.post(`/api/sdgs/company/applications/${renewal.body.id}/withdraw`, { version: detail.version });
  });

  it("a rank-up only after the round's months and below the top tier", async () => {
    await w.t.db.query("UPDATE sdgs_certifications SET status = 'expired' WHERE company_id = $1", [w.companyId]);
    const young = await insertCertification(w, {
      validFrom: addMonths(w.today, -6),
      validUntil: addMonths(w.today, 30),
      tierRank: 2,
      number: "KSM-2024-0902",
      fiscalYear: 2024,
    });
    const early = await w.company.post("/api/sdgs/company/applications", { roundId: w.openRoundId, kind: "rank_up" });
    expect(early.status).toBe(400);
    expect(early.body.error.message).toContain("認証を受けてから12か月後");
    await w.t.db.query("UPDATE sdgs_certifications SET valid_from = $2 WHERE id = $1", [young.certificationId, addMonths(w.today, -13)]);
    const ok = await w.company.post("/api/sdgs/company/applications", { roundId: w.openRoundId, kind: "rank_up" });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const detail = (await w.company.get(`/api/sdgs/company/applications/${ok.body.id}`)).body;
    expect(detail.previousCertificationNumber).toBe("KSM-2024-0902");
    await w.company.post(`/api/sdgs/company/applications/${ok.body.id}/withdraw`, { version: detail.version });
    await w.t.db.query("UPDATE sdgs_certifications SET tier_rank = 1 WHERE id = $1", [young.certificationId]);
    const top = await w.company.post("/api/sdgs/company/applications", { roundId: w.openRoundId, kind: "rank_up" });
    expect(top.status).toBe(400);
    expect(top.body.error.message).toContain("最上位の区分");
  });
});

describe("the company's profile", () => {
  it("reads and updates its own record; 法人番号 checked and read-only once set; stale version 409; contacts not audited", async () => {
    const r = await w.company.get("/api/sdgs/company/profile");
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ name: "テスト工業株式会社", corporateNumber: null, contactName: "申請 花子" });
    const profile = {
      corporateNumber: "1234567890123",
      name: "テスト工業株式会社",
      nameKana: "テストコウギョウ",
      postalCode: "804-0001",
      address: "北九州市戸畑区",
      ward: "tobata",
      industry: "E",
      size: "small",
      employees: 32,
      website: "https://example.jp",
      contactName: "申請 次郎",
      contactEmail: "jiro@example.jp",
      contactPhone: "093-000-1111",
    };
    const bad = await w.company.put("/api/sdgs/company/profile", { version: r.body.version, profile });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.corporateNumber).toContain("チェックデジット");
    const good = await w.company.put("/api/sdgs/company/profile", {
      version: r.body.version,
      profile: { ...profile, corporateNumber: withDigit() },
    });
    expect(good.status, JSON.stringify(good.body)).toBe(200);
    expect(good.body).toMatchObject({ corporateNumber: withDigit(), employees: 32, contactName: "申請 次郎", version: r.body.version + 1 });
    const change = await w.company.put("/api/sdgs/company/profile", {
      version: good.body.version,
      profile: { ...profile, corporateNumber: "1000000000000" },
    });
    expect(change.status).toBe(400);
    expect(change.body.error.message).toContain("変更できません");
    const stale = await w.company.put("/api/sdgs/company/profile", {
      version: r.body.version,
      profile: { ...profile, corporateNumber: null },
    });
    expect(stale.status).toBe(409);
    const audit = await w.t.db.query<{ before: unknown; after: unknown }>(
      "SELECT before, after FROM audit_log WHERE entity_type = 'sdgs_company' AND entity_id = $1",
      [w.companyId],
    );
    expect(audit.rowCount).toBe(1);
    expect(JSON.stringify(audit.rows)).not.toContain("jiro@example.jp");
    expect(JSON.stringify(audit.rows)).not.toContain("申請 次郎");
  });
});
