// 募集回と審査基準 over HTTP on a real database: a new round copies the last round's rules (new ids, same codes,
// points and tiers); a save with a stale version is 409; problems (tiers out of order, a threshold above the total,
// duplicate codes, dates out of order) are 400 at their fields; a save keeps the ids of kept items; once an
// application was submitted, points, 必須, items and tiers are locked (409) while texts still change; 一括採点 stores
// self and review scores and the suggested tier over several applications; a round with applications is not deleted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RoundBodyInput, RoundDetail } from "../../../common/api/sdgs-rounds";
import { createTestApp, type TestApp, type TestClient } from "../../testing/app";
import { buildCity, buildOrganisation, buildUser, TEST_PASSWORD } from "../../testing/factories";
import { setSdgsOwner } from "./access";

let t: TestApp;
let manager: TestClient; // 政策局's editor: the bureau that runs the programme
let viewer: TestClient; // staff of another bureau
let otherEditor: TestClient; // an editor of another bureau: reads, never edits
let company: TestClient; // an applicant company's partner login
let outsider: TestClient; // a partner login of an organisation that is no company, bank or reviewer
const ids: Record<string, string> = {};

const ITEMS = [
  { domain: "環境", code: "E-01", points: 20, required: true },
  { domain: "環境", code: "E-02", points: 20, required: false },
  { domain: "社会", code: "S-01", points: 20, required: false },
  { domain: "社会", code: "S-02", points: 20, required: false },
  { domain: "地域", code: "R-01", points: 20, required: false },
];

function body(detail: RoundDetail, change: (b: RoundBodyInput) => void = () => {}): RoundBodyInput {
  const b: RoundBodyInput = {
    version: detail.version,
    name: detail.name,
    fiscalYear: detail.fiscalYear,
    opensOn: detail.opensOn,
    closesOn: detail.closesOn,
    committeePlannedOn: detail.committeePlannedOn,
    validityYears: detail.validityYears,
    renewalWindowDays: detail.renewalWindowDays,
    rankUpAfterMonths: detail.rankUpAfterMonths,
    reportIntervalMonths: detail.reportIntervalMonths,
    minGoals: detail.minGoals,
    guidance: detail.guidance,
    eligibilityRules: detail.eligibilityRules.map(({ id: _id, ...rule }) => rule),
    domains: detail.domains.map((d) => ({ name: d.name, items: d.items.map(({ id: _id, ...item }) => item) })),
    tiers: detail.tiers.map(({ id: _id, ...tier }) => tier),
  };
  change(b);
  return b;
}

const fullRules = (b: RoundBodyInput) => {
  b.eligibilityRules = [
    {
      code: "office_in_city",
      question: "市内に事業所がありますか。",
      requiredAnswer: true,
      failureReason: "市内に事業所がある事業者が対象です。",
    },
    {
      code: "no_tax_arrears",
      question: "市税の滞納がありませんか。",
      requiredAnswer: true,
      failureReason: "市税に滞納がある事業者は申請できません。",
    },
  ];
  b.domains = ["環境", "社会", "地域"].map((name) => ({
    name,
    items: ITEMS.filter((i) => i.domain === name).map((i) => ({
      code: i.code,
      text: `${i.code} の取組をしている。`,
      points: i.points,
      required: i.required,
      evidenceRequired: i.required,
      sdgGoals: [13, 8],
    })),
  }));
  b.tiers = [
    { rank: 1, name: "ゴールド", minScore: 80 },
    { rank: 2, name: "シルバー", minScore: 60 },
    { rank: 3, name: "ブロンズ", minScore: 40 },
  ];
  b.committeePlannedOn = "2025-03-15";
};

async function read(id: string, client = manager): Promise<RoundDetail> {
  const response = await client.get(`/api/sdgs/rounds/${id}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as RoundDetail;
}

async function auditCount(entityId: string, action: string): Promise<number> {
  const { rows } = await t.db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'sdgs_round' AND entity_id = $1 AND action = $2",
    [entityId, action],
  );
  return rows[0].n;
}

/** An applicant company with its own partner login. */
async function buildCompany(name: string, corporateNumber: string) {
  const org = await buildOrganisation(t.db, { name, kind: "external" });
  const { rows } = await t.db.query<{ id: string }>(
    `INSERT INTO sdgs_companies (organisation_id, corporate_number, name, industry, size) VALUES ($1, $2, $3, 'E', 'small') RETURNING id`,
    [org.id, corporateNumber, name],
  );
  return { organisationId: org.id, companyId: rows[0].id };
}

async function buildApplication(roundId: string, companyId: string, status: string, submitted: boolean): Promise<string> {
  const { rows } = await t.db.query<{ id: string }>(
    `INSERT INTO sdgs_applications (round_id, company_id, status, submission_count, submitted_at)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [roundId, companyId, status, submitted ? 1 : 0, submitted ? new Date() : null],
  );
  return rows[0].id;
}

beforeAll(async () => {
  t = await createTestApp();
  const city = await buildCity(t.db);
  await setSdgsOwner(t.db, city.bureau.id);
  const login = async (user: { loginId: string }) => t.login(user.loginId, TEST_PASSWORD);
  manager = await login(city.editor);
  viewer = await login(city.viewer);
  otherEditor = await login(city.otherEditor);
  outsider = await login(city.partner);
  const kokura = await buildCompany("小倉テスト工業", "1180301018771");
  ids.companyId = kokura.companyId;
  company = await login(await buildUser(t.db, { role: "partner", organisationId: kokura.organisationId }));
  ids.otherCompanyId = (await buildCompany("八幡テスト商事", "7000012050002")).companyId;
  ids.thirdCompanyId = (await buildCompany("門司テスト運輸", "6000012050003")).companyId;
}, 120_000);
afterAll(() => t.cleanup());

describe("rounds", () => {
  it("the first round starts with empty rules; the manager fills them in one save (audited)", async () => {
    const created = await manager.post("/api/sdgs/rounds", {
      name: "令和6年度 第1回",
      fiscalYear: 2024,
      opensOn: "2024-07-01",
      closesOn: "2024-12-13",
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const empty = created.body as RoundDetail;
    expect(empty.domains).toEqual([]);
    expect(empty.copiedFromId).toBeNull();
    expect(empty.canManage).toBe(true);
    ids.first = empty.id;

    const saved = await manager.put(`/api/sdgs/rounds/${empty.id}`, body(empty, fullRules));
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const detail = saved.body as RoundDetail;
    expect(detail.totalPoints).toBe(100);
    expect(detail.domains.map((d) => [d.name, d.points, d.items.length])).toEqual([
      ["環境", 40, 2],
      ["社会", 40, 2],
      ["地域", 20, 1],
    ]);
    expect(detail.tiers.map((tier) => `${tier.rank}${tier.name}${tier.minScore}`)).toEqual(["1ゴールド80", "2シルバー60", "3ブロンズ40"]);
    expect(detail.domains[0].items[0]).toMatchObject({ code: "E-01", required: true, sdgGoals: [8, 13] });
    expect(detail.version).toBe(empty.version + 1);
    expect(await auditCount(empty.id, "create")).toBe(1);
    expect(await auditCount(empty.id, "update")).toBe(1);
  });

  it("a new round copies every rule of the latest round, with new ids", async () => {
    const source = await read(ids.first);
    const created = await manager.post("/api/sdgs/rounds", {
      name: "令和7年度 第1回",
      fiscalYear: 2025,
      opensOn: "2025-07-01",
      closesOn: "2025-12-12",
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const copy = created.body as RoundDetail;
    ids.second = copy.id;
    expect(copy.copiedFromId).toBe(ids.first);
    expect(copy.copiedFromName).toBe("令和6年度 第1回");
    expect([copy.opensOn, copy.closesOn, copy.committeePlannedOn]).toEqual(["2025-07-01", "2025-12-12", null]);
    const shape = (d: RoundDetail) => ({
      eligibility: d.eligibilityRules.map(({ id: _id, ...rest }) => rest),
      domains: d.domains.map((dom) => ({ name: dom.name, items: dom.items.map(({ id: _id, ...rest }) => rest) })),
      tiers: d.tiers.map(({ id: _id, ...rest }) => rest),
      settings: [d.validityYears, d.renewalWindowDays, d.rankUpAfterMonths, d.reportIntervalMonths, d.minGoals, d.guidance],
    });
    expect(shape(copy)).toEqual(shape(source));
    const sourceIds = new Set(source.domains.flatMap((d) => d.items.map((i) => i.id)));
    expect(copy.domains.flatMap((d) => d.items.map((i) => i.id)).some((id) => sourceIds.has(id))).toBe(false);
    expect(await auditCount(copy.id, "copy")).toBe(1);

    // copyFromId names another source; the list is newest first
    const named = await manager.post("/api/sdgs/rounds", {
      name: "令和7年度 追加募集",
      fiscalYear: 2025,
      opensOn: "2025-04-01",
      closesOn: "2025-05-31",
      copyFromId: ids.first,
    });
    expect(named.status).toBe(200);
    ids.third = named.body.id;
    expect(named.body.copiedFromName).toBe("令和6年度 第1回");
    const list = await viewer.get("/api/sdgs/rounds");
    expect(list.status).toBe(200);
    expect(list.body.items.map((r: { name: string }) => r.name)).toEqual(["令和7年度 第1回", "令和7年度 追加募集", "令和6年度 第1回"]);
    expect(list.body.canManage).toBe(false);
    expect(list.body.items[0].status).toBe("closed");
  });

  it("refuses a new round whose closing day comes before its opening day, a missing source, a duplicate name", async () => {
    const reversed = await manager.post("/api/sdgs/rounds", {
      name: "逆順",
      fiscalYear: 2026,
      opensOn: "2026-07-01",
      closesOn: "2026-06-30",
    });
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.fields.closesOn).toContain("受付開始日");
    const missing = await manager.post("/api/sdgs/rounds", {
      name: "存在しない複製元",
      fiscalYear: 2026,
      opensOn: "2026-07-01",
      closesOn: "2026-12-01",
      copyFromId: "00000000-0000-4000-8000-000000000000",
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields.copyFromId).toBeDefined();
    const duplicate = await manager.post("/api/sdgs/rounds", {
      name: "令和6年度 第1回",
      fiscalYear: 2026,
      opensOn: "2026-07-01",
      closesOn: "2026-12-01",
    });
    expect(duplicate.status).toBe(409);
  });

  it("only the bureau's editors write; staff and a company's login read (reviewers: see the matrix); an outsider does not", async () => {
    const detail = await read(ids.second);
    expect((await otherEditor.put(`/api/sdgs/rounds/${ids.second}`, body(detail))).status).toBe(403);
    expect((await viewer.post(`/api/sdgs/rounds/${ids.second}/score`)).status).toBe(403);
    expect((await company.get("/api/sdgs/rounds")).status).toBe(403);
    const companyView = await read(ids.second, company);
    expect(companyView.canManage).toBe(false);
    expect(companyView.totalPoints).toBe(100);
    expect((await outsider.get(`/api/sdgs/rounds/${ids.second}`)).status).toBe(403);
  });

  it("a save with a stale version is 409 and changes nothing", async () => {
    const detail = await read(ids.second);
    const first = await manager.put(
      `/api/sdgs/rounds/${ids.second}`,
      body(detail, (b) => (b.guidance = "第1の保存")),
    );
    expect(first.status).toBe(200);
    const stale = await manager.put(
      `/api/sdgs/rounds/${ids.second}`,
      body(detail, (b) => (b.guidance = "古い画面から")),
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("stale");
    expect(stale.body.error.message).toContain("再読み込み");
    expect((await read(ids.second)).guidance).toBe("第1の保存");
  });

  it("answers each problem at its field: tiers out of order, a threshold above the total, duplicates, dates", async () => {
    const detail = await read(ids.second);
    const put = (change: (b: RoundBodyInput) => void) => manager.put(`/api/sdgs/rounds/${ids.second}`, body(detail, change));

    const gap = await put(
      (b) =>
        (b.tiers = [
          { rank: 1, name: "ゴールド", minScore: 80 },
          { rank: 3, name: "ブロンズ", minScore: 40 },
        ]),
    );
    expect(gap.status).toBe(400);
    expect(gap.body.error.fields.tiers).toBe("区分の順位は1から順に付けてください。");

    const flat = await put(
      (b) =>
        (b.tiers = [
          { rank: 1, name: "ゴールド", minScore: 60 },
          { rank: 2, name: "シルバー", minScore: 60 },
        ]),
    );
    expect(flat.status).toBe(400);
    expect(flat.body.error.fields.tiers).toContain("「ゴールド」の最低点は、下の区分「シルバー」の最低点より高くしてください。");

    const tooHigh = await put((b) => (b.tiers[0].minScore = 101));
    expect(tooHigh.status).toBe(400);
    expect(tooHigh.body.error.fields["tiers.0.minScore"]).toBe(
      "「ゴールド」の最低点（101点）が満点（100点）を超えています。満点以下にしてください。",
    );

    const duplicate = await put((b) => (b.domains[1].items[0].code = "E-01"));
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.error.fields["domains.1.items.0.code"]).toContain("E-01");

    const points = await put((b) => (b.domains[0].items[0].points = 101));
    expect(points.status).toBe(400);
    expect(points.body.error.fields["domains.0.items.0.points"]).toBe("配点は100以下にしてください。");

    const noItems = await put((b) => (b.domains = [{ name: "環境", items: [] }]));
    expect(noItems.status).toBe(400);
    expect(noItems.body.error.fields.domains).toBe("チェック項目を1つ以上設定してください。");

    const dates = await put((b) => {
      b.closesOn = "2025-06-30";
      b.committeePlannedOn = "2025-06-01";
    });
    expect(dates.status).toBe(400);
    expect(dates.body.error.fields.closesOn).toContain("受付開始日");

    const rule = await put((b) => (b.eligibilityRules[1].code = b.eligibilityRules[0].code));
    expect(rule.status).toBe(400);
    expect(rule.body.error.fields["eligibilityRules.1.code"]).toContain("重複");

    expect((await read(ids.second)).version).toBe(detail.version);
  });

  it("a save keeps the ids of kept items (answers point at them), moves items between domains, renames tiers", async () => {
    const detail = await read(ids.second);
    const idOf = (d: RoundDetail, code: string) => d.domains.flatMap((x) => x.items).find((i) => i.code === code)?.id;
    const saved = await manager.put(
      `/api/sdgs/rounds/${ids.second}`,
      body(detail, (b) => {
        b.domains[0].items[1].text = "温室効果ガス排出量を把握している。";
        // S-02 moves to 地域; R-01 is removed; R-02 is new
        const s02 = b.domains[1].items.pop()!;
        b.domains[2].items = [
          s02,
          { code: "R-02", text: "地域の清掃に参加している。", points: 20, required: false, evidenceRequired: false, sdgGoals: [] },
        ];
        // two tiers swap names (names are unique within a round)
        b.tiers[0].name = "シルバー";
        b.tiers[1].name = "ゴールド";
      }),
    );
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const after = saved.body as RoundDetail;
    for (const code of ["E-01", "E-02", "S-01", "S-02"]) expect(idOf(after, code), code).toBe(idOf(detail, code));
    expect(idOf(after, "R-01")).toBeUndefined();
    expect(after.domains[2].items.map((i) => i.code)).toEqual(["S-02", "R-02"]);
    expect(after.domains[0].items[1].text).toBe("温室効果ガス排出量を把握している。");
    expect(after.tiers.map((tier) => tier.name)).toEqual(["シルバー", "ゴールド", "ブロンズ"]);
    expect(after.tiers.map((tier) => tier.id)).toEqual(detail.tiers.map((tier) => tier.id));
  });

  it("once an application was submitted, points, 必須, items and tiers are locked (409, saying why); texts still change", async () => {
    const draftId = await buildApplication(ids.second, ids.companyId, "draft", false);
    expect((await read(ids.second)).rulesLocked).toBe(false);
    await t.db.query("UPDATE sdgs_applications SET status = 'submitted', submission_count = 1, submitted_at = now() WHERE id = $1", [
      draftId,
    ]);
    const detail = await read(ids.second);
    expect(detail.rulesLocked).toBe(true);
    const put = (change: (b: RoundBodyInput) => void) => manager.put(`/api/sdgs/rounds/${ids.second}`, body(detail, change));

    const points = await put((b) => (b.domains[0].items[1].points = 25));
    expect(points.status).toBe(409);
    expect(points.body.error.code).toBe("rules_locked");
    expect(points.body.error.message).toContain("提出された申請があるため");
    expect(points.body.error.message).toContain("項目「E-02」の配点（20点→25点）");
    expect((await put((b) => (b.domains[0].items[1].required = true))).body.error.message).toContain("項目「E-02」の必須（任意→必須）");
    expect((await put((b) => b.domains[0].items.pop())).body.error.message).toContain("項目「E-02」の削除");
    expect(
      (
        await put((b) =>
          b.domains[0].items.push({ code: "E-09", text: "追加", points: 0, required: false, evidenceRequired: false, sdgGoals: [] }),
        )
      ).body.error.message,
    ).toContain("項目「E-09」の追加");
    expect((await put((b) => (b.tiers[2].minScore = 45))).body.error.message).toContain("認証区分");

    const texts = await put((b) => {
      b.domains[0].items[1].text = "スコープ1・2の排出量を把握している。";
      b.closesOn = "2025-12-26";
      b.guidance = "締切を延ばしました。";
    });
    expect(texts.status, JSON.stringify(texts.body)).toBe(200);
    expect(texts.body.closesOn).toBe("2025-12-26");
  });

  it("一括採点 stores self scores, review scores, suggested tiers and missing required items over several applications", async () => {
    const rules = await read(ids.first);
    const item = (code: string) => rules.domains.flatMap((d) => d.items).find((i) => i.code === code)!.id;
    const answer = async (applicationId: string, met: string[]) => {
      for (const code of ITEMS.map((i) => i.code))
        await t.db.query("INSERT INTO sdgs_application_answers (application_id, item_id, met) VALUES ($1, $2, $3)", [
          applicationId,
          item(code),
          met.includes(code),
        ]);
    };
    // a: every item met → 100 ゴールド; b: the required E-01 missing → 80 points, no tier; c: 60 → シルバー by self
    // check, but two submitted reviews give it 30 + 35 → the mean wins; one draft review is ignored
    const a = await buildApplication(ids.first, ids.companyId, "submitted", true);
    const b = await buildApplication(ids.first, ids.otherCompanyId, "screening", true);
    const c = await buildApplication(ids.first, ids.thirdCompanyId, "review", true);
    await answer(a, ["E-01", "E-02", "S-01", "S-02", "R-01"]);
    await answer(b, ["E-02", "S-01", "S-02", "R-01"]);
    await answer(c, ["E-01", "E-02", "S-01"]);
    const reviewerOrg = await buildOrganisation(t.db, { name: "審査員の所属", kind: "external" });
    for (const [index, scores] of [
      { "E-01": 10, "E-02": 10, "S-01": 10 },
      { "E-01": 15, "E-02": 10, "S-01": 10 },
      { "E-01": 20, "E-02": 20, "S-01": 20, "S-02": 20, "R-01": 20 },
    ].entries()) {
      const user = await buildUser(t.db, { role: "partner", organisationId: reviewerOrg.id });
      await t.db.query("INSERT INTO sdgs_reviewers (user_id) VALUES ($1)", [user.id]);
      const review = await t.db.query<{ id: string }>(
        "INSERT INTO sdgs_reviews (application_id, reviewer_id, submitted_at) VALUES ($1, $2, $3) RETURNING id",
        [c, user.id, index < 2 ? new Date() : null],
      );
      for (const [code, score] of Object.entries(scores))
        await t.db.query("INSERT INTO sdgs_review_scores (review_id, item_id, score) VALUES ($1, $2, $3)", [
          review.rows[0].id,
          item(code),
          score,
        ]);
    }

    const scored = await manager.post(`/api/sdgs/rounds/${ids.first}/score`);
    expect(scored.status, JSON.stringify(scored.body)).toBe(200);
    expect(scored.body).toEqual({ scored: 3 });
    const { rows } = await t.db.query<{
      id: string;
      self_score: number;
      review_score: string | null;
      tier: string | null;
      missing_required: number;
      scored_at: Date | null;
    }>(
      `SELECT a.id, a.self_score, a.review_score::text AS review_score, t.name AS tier, a.missing_required, a.scored_at
         FROM sdgs_applications a LEFT JOIN sdgs_tiers t ON t.id = a.suggested_tier_id WHERE a.round_id = $1`,
      [ids.first],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(a)).toMatchObject({ self_score: 100, review_score: null, tier: "ゴールド", missing_required: 0 });
    expect(byId.get(b)).toMatchObject({ self_score: 80, review_score: null, tier: null, missing_required: 1 });
    // reviews: E-01 (10+15)/2 = 12.5, E-02 10, S-01 10 → 32.5: below ブロンズ's 40
    expect(byId.get(c)).toMatchObject({ self_score: 60, review_score: "32.50", tier: null, missing_required: 0 });
    for (const row of rows) expect(row.scored_at).not.toBeNull();
    expect(await auditCount(ids.first, "recompute")).toBe(1);
  });

  it("deletes a round only while it has no applications", async () => {
    const refused = await manager.delete(`/api/sdgs/rounds/${ids.first}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(
      "この募集回には申請が3件あるため削除できません（申請は記録として残します）。受付を終えるには受付終了日を変更してください。",
    );
    expect((await viewer.delete(`/api/sdgs/rounds/${ids.third}`)).status).toBe(403);
    const deleted = await manager.delete(`/api/sdgs/rounds/${ids.third}`);
    expect(deleted.status).toBe(200);
    expect((await manager.get(`/api/sdgs/rounds/${ids.third}`)).status).toBe(404);
    const { rows } = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM sdgs_check_items WHERE round_id = $1", [ids.third]);
    expect(rows[0].n).toBe(0);
    expect(await auditCount(ids.third, "delete")).toBe(1);
  });
});
