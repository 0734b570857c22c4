// 海外出張 over HTTP: a division plans a trip and moves it through its states with the bureau (申請 → 決裁 → 出張中 →
// 帰庁 → 報告書提出 → 精算 → 完了, 差戻し, 変更, 中止), each move by the right role only, with the version check, the
// editing rules, the history and audit rows; who reads a trip; overdue reports as each kind of caller; the PDF.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tripInput as tripInputSchema } from "../../../common/api/international";
import { formatWareki, todayInJapan } from "../../../common/dates";
import { createTestApp, type TestApp, type TestClient } from "../../testing/app";
import { buildOrganisation, buildUser, TEST_PASSWORD } from "../../testing/factories";
import { extractPdfText } from "../../testing/pdf-text";
import { createTripIn, replaceImportedTripIn } from "./trip-service";
import { defaultReportDueOn } from "./trip-states";

let t: TestApp;
let org: Record<"city" | "bureau" | "kokusai" | "zaiseiBureau" | "zaisei" | "sangyo" | "kankyo", string>;
let user: Record<
  "admin" | "manager" | "bureauViewer" | "owner" | "ownerViewer" | "traveller" | "outsider",
  { id: string; loginId: string }
>;
let as: Record<keyof typeof user, TestClient>;
let partnerId: string;
let projectId: string;

beforeAll(async () => {
  t = await createTestApp();
  const city = await buildOrganisation(t.db, { name: "テスト市", kind: "municipality" });
  const bureau = await buildOrganisation(t.db, { name: "政策局", kind: "bureau", parentId: city.id, code: "seisaku" });
  const kokusai = await buildOrganisation(t.db, { name: "国際政策課", kind: "division", parentId: bureau.id });
  const zaiseiBureau = await buildOrganisation(t.db, { name: "財政局", kind: "bureau", parentId: city.id });
  const zaisei = await buildOrganisation(t.db, { name: "財政課", kind: "division", parentId: zaiseiBureau.id });
  const sangyo = await buildOrganisation(t.db, { name: "産業政策課", kind: "division", parentId: city.id });
  const kankyo = await buildOrganisation(t.db, { name: "環境政策課", kind: "division", parentId: city.id });
  org = {
    city: city.id,
    bureau: bureau.id,
    kokusai: kokusai.id,
    zaiseiBureau: zaiseiBureau.id,
    zaisei: zaisei.id,
    sangyo: sangyo.id,
    kankyo: kankyo.id,
  };
  await t.db.query("INSERT INTO app_settings (key, value) VALUES ('international.bureauId', to_jsonb($1::text))", [bureau.id]);
  user = {
    admin: await buildUser(t.db, { role: "admin", organisationId: city.id }),
    manager: await buildUser(t.db, { role: "editor", organisationId: bureau.id, displayName: "局の担当" }),
    bureauViewer: await buildUser(t.db, { role: "viewer", organisationId: kokusai.id }),
    owner: await buildUser(t.db, { role: "editor", organisationId: zaisei.id, displayName: "財政課の編集者" }),
    ownerViewer: await buildUser(t.db, { role: "viewer", organisationId: zaisei.id }),
    traveller: await buildUser(t.db, { role: "editor", organisationId: sangyo.id, displayName: "産業 太郎" }),
    outsider: await buildUser(t.db, { role: "editor", organisationId: kankyo.id }),
  };
  as = {} as typeof as;
  for (const [key, u] of Object.entries(user)) as[key as keyof typeof user] = await t.login(u.loginId, TEST_PASSWORD);
  partnerId = (
    await t.db.query<{ id: string }>(
      "INSERT INTO international_partners (country, city, relation, latitude, longitude) VALUES ('中国', '大連市', 'friendship', 38.91, 121.6) RETURNING id",
    )
  ).rows[0].id;
  const field = await t.db.query<{ id: string }>("INSERT INTO international_fields (name) VALUES ('国際交流') RETURNING id");
  projectId = (
    await t.db.query<{ id: string }>(
      `INSERT INTO international_projects (name, owner_organisation_id, field_id, status, first_fiscal_year)
       VALUES ('大連市との友好交流', $1, $2, 'active', 2015) RETURNING id`,
      [zaisei.id, field.rows[0].id],
    )
  ).rows[0].id;
}, 120_000);
afterAll(() => t.cleanup());

const tripInput = (over: Record<string, unknown> = {}) => ({
  title: "大連市友好交流訪問",
  purpose: "友好都市提携45周年の記念式典に出席し、経済交流を協議する",
  ownerOrganisationId: org.zaisei,
  departsOn: "令和7年5月12日",
  returnsOn: "2025-05-15",
  companions: "市内企業2社",
  travellers: [
    { userId: null, name: "財政 花子", role: "leader", paidBy: "city" },
    { userId: user.traveller.id, name: "産業 太郎", role: "member", paidBy: "city" },
  ],
  visits: [
    {
      visitOn: "2025-05-13",
      country: "中国",
      city: "大連市",
      partnerId,
      organisation: "大連市人民政府",
      counterpart: "副市長",
      purpose: "表敬訪問",
    },
  ],
  costs: [
    { costKind: "fare", description: "往復航空券", planned: 180000, settled: null },
    { costKind: "lodging", description: "3泊", planned: 60000, settled: null },
  ],
  projectIds: [projectId],
  ...over,
});

async function create(over: Record<string, unknown> = {}, client = as.owner) {
  const r = await client.post("/api/international/trips", tripInput(over));
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as { id: string; version: number; status: string };
}

async function move(client: TestClient, id: string, body: Record<string, unknown>) {
  const current = await as.admin.get(`/api/international/trips/${id}`);
  return client.post(`/api/international/trips/${id}/transition`, { version: current.body.version, ...body });
}

async function moveOk(client: TestClient, id: string, body: Record<string, unknown>) {
  const r = await move(client, id, body);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

const auditCount = async (id: string) =>
  (
    await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'international_trip' AND entity_id = $1",
      [id],
    )
  ).rows[0].n;

describe("creating a trip", () => {
  it("registers a plan of the caller's own division with the default report due date, a history row and an audit row", async () => {
    const trip = await create();
    const detail = (await as.owner.get(`/api/international/trips/${trip.id}`)).body;
    expect(detail).toMatchObject({
      status: "planned",
      departsOn: "2025-05-12",
      reportDueOn: defaultReportDueOn("2025-05-15"),
      leaderName: "財政 花子",
      travellerCount: 2,
      plannedTotal: 240000,
      settledTotal: null,
      destinations: ["大連市"],
      projects: [{ id: projectId, name: "大連市との友好交流" }],
      canEdit: true,
      nextStatuses: ["applied", "cancelled"],
      version: 1,
    });
    expect(detail.reportDueOn).toBe("2025-06-14");
    expect(detail.events).toMatchObject([{ fromStatus: null, toStatus: "planned", actorName: "財政課の編集者" }]);
    expect(await auditCount(trip.id)).toBe(1);
  });

  it("refuses a trip for another division (403), and admits an administrator's for any", async () => {
    expect((await as.owner.post("/api/international/trips", tripInput({ ownerOrganisationId: org.sangyo }))).status).toBe(403);
    expect((await as.manager.post("/api/international/trips", tripInput())).status).toBe(403);
    expect((await as.ownerViewer.post("/api/international/trips", tripInput())).status).toBe(403);
    expect((await as.admin.post("/api/international/trips", tripInput({ ownerOrganisationId: org.sangyo }))).status).toBe(200);
  });

  it("names the line whose visit falls outside the trip, and unknown users, partners and projects", async () => {
    const visits = [tripInput().visits[0], { ...tripInput().visits[0], visitOn: "2025-05-20", partnerId: null }];
    const outside = await as.owner.post("/api/international/trips", tripInput({ visits }));
    expect(outside.status).toBe(400);
    expect(outside.body.error.message).toContain("行程 2行目");
    expect(outside.body.error.fields).toHaveProperty("visits.1.visitOn");
    const unknown = "00000000-0000-4000-8000-000000000000";
    const badUser = await as.owner.post(
      "/api/international/trips",
      tripInput({ travellers: [{ userId: unknown, name: "誰か", role: "leader", paidBy: "city" }] }),
    );
    expect(badUser.status).toBe(400);
    expect(badUser.body.error.fields).toHaveProperty("travellers.0.userId");
    // An external login (a supplier, a partner city's account) is never a traveller, though the account exists.
    const external = await buildOrganisation(t.db, { name: "返礼品事業者", kind: "external" });
    const supplier = await buildUser(t.db, { role: "partner", organisationId: external.id, displayName: "事業者 花子" });
    const notStaff = await as.owner.post(
      "/api/international/trips",
      tripInput({ travellers: [{ userId: supplier.id, name: "事業者 花子", role: "leader", paidBy: "city" }] }),
    );
    expect(notStaff.status).toBe(400);
    expect(notStaff.body.error.fields["travellers.0.userId"]).toBe("出張者 1行目：市の職員が見つかりません。選び直してください。");
    const badPartner = await as.owner.post(
      "/api/international/trips",
      tripInput({ visits: [{ ...tripInput().visits[0], partnerId: unknown }] }),
    );
    expect(badPartner.body.error.fields).toHaveProperty("visits.0.partnerId");
    const badProject = await as.owner.post("/api/international/trips", tripInput({ projectIds: [unknown] }));
    expect(badProject.body.error.fields).toHaveProperty("projectIds");
    const twoLeaders = await as.owner.post(
      "/api/international/trips",
      tripInput({ travellers: [tripInput().travellers[0], { ...tripInput().travellers[0], name: "もう一人" }] }),
    );
    expect(twoLeaders.status).toBe(400);
  });
});

describe("who reads a trip", () => {
  it("shows it to its division, its travellers, the bureau and administrators; others get 404 and do not list it", async () => {
    const trip = await create({ title: "閲覧の確認" });
    for (const who of ["owner", "ownerViewer", "traveller", "manager", "bureauViewer", "admin"] as const)
      expect((await as[who].get(`/api/international/trips/${trip.id}`)).status, who).toBe(200);
    expect((await as.outsider.get(`/api/international/trips/${trip.id}`)).status).toBe(404);
    expect((await as.outsider.get(`/api/international/trips/${trip.id}/summary.pdf`)).status).toBe(404);
    const titles = async (c: TestClient) =>
      ((await c.get("/api/international/trips?q=閲覧の確認")).body.items as { title: string }[]).map((i) => i.title);
    expect(await titles(as.outsider)).toEqual([]);
    expect(await titles(as.traveller)).toEqual(["閲覧の確認"]);
    expect(await titles(as.bureauViewer)).toEqual(["閲覧の確認"]);
    // a traveller who is not of the division may read but not edit or move it
    const detail = (await as.traveller.get(`/api/international/trips/${trip.id}`)).body;
    expect(detail).toMatchObject({ canEdit: false, nextStatuses: [] });
    expect((await move(as.traveller, trip.id, { to: "applied" })).status).toBe(403);
    expect((await as.outsider.post(`/api/international/trips/${trip.id}/transition`, { version: 1, to: "applied" })).status).toBe(404);
  });

  it("filters the list by state, division (a bureau includes its divisions) and 年度, and sorts it", async () => {
    const fy = await as.manager.get(`/api/international/trips?fiscalYear=2025&organisationId=${org.zaiseiBureau}&sort=title`);
    expect(fy.status, JSON.stringify(fy.body)).toBe(200);
    expect(fy.body.total).toBeGreaterThan(0);
    expect(fy.body.items.every((i: { ownerOrganisationId: string; departsOn: string }) => i.ownerOrganisationId === org.zaisei)).toBe(true);
    const titles = fy.body.items.map((i: { title: string }) => i.title);
    expect(titles).toEqual([...titles].sort());
    expect((await as.manager.get("/api/international/trips?fiscalYear=2024")).body.total).toBe(0);
    expect((await as.manager.get("/api/international/trips?status=completed")).body.total).toBe(0);
  });
});

describe("moving a trip through its states", () => {
  it("goes 計画 → 申請 → 決裁 → 出張中 → 帰庁 → 報告書提出 → 精算 → 完了 with each move by its role only", async () => {
    const trip = await create({
      title: "一巡する出張",
      travellers: [{ userId: user.traveller.id, name: "産業 太郎", role: "member", paidBy: "city" }],
    });
    // no 団長 yet: applying names the rule
    const noLeader = await move(as.owner, trip.id, { to: "applied" });
    expect(noLeader.status).toBe(400);
    expect(noLeader.body.error.message).toContain("団長を1人");
    const current = (await as.owner.get(`/api/international/trips/${trip.id}`)).body;
    const input = tripInput({
      title: "一巡する出張",
      travellers: [
        { userId: null, name: "財政 花子", role: "leader", paidBy: "city" },
        { userId: user.traveller.id, name: "産業 太郎", role: "member", paidBy: "city" },
      ],
    });
    expect((await as.owner.put(`/api/international/trips/${trip.id}`, { version: current.version, trip: input })).status).toBe(200);

    expect((await move(as.manager, trip.id, { to: "applied" })).status).toBe(403);
    await moveOk(as.owner, trip.id, { to: "applied" });

    expect((await move(as.owner, trip.id, { to: "approved", approvedBy: "市長", approvedOn: "令和7年4月20日" })).status).toBe(403);
    const incomplete = await move(as.manager, trip.id, { to: "approved", approvedBy: "市長" });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.error.fields).toHaveProperty("approvedOn");
    const stale = await as.manager.post(`/api/international/trips/${trip.id}/transition`, {
      version: 1,
      to: "approved",
      approvedBy: "市長",
      approvedOn: "2025-04-20",
    });
    expect(stale.status).toBe(409);
    const approved = await moveOk(as.manager, trip.id, {
      to: "approved",
      approvedBy: "市長",
      approvedOn: "令和7年4月20日",
      approvalConditions: "現地の安全情報を毎日報告すること",
    });
    expect(approved).toMatchObject({
      status: "approved",
      approvedBy: "市長",
      approvedOn: "2025-04-20",
      approvalConditions: "現地の安全情報を毎日報告すること",
    });
    expect(approved.nextStatuses.sort()).toEqual(["cancelled"]);
    expect((await as.owner.get(`/api/international/trips/${trip.id}`)).body.nextStatuses.sort()).toEqual([
      "cancelled",
      "changed",
      "travelling",
    ]);

    // 報告書提出 is not a bare move; setting off records the safety level
    expect((await move(as.owner, trip.id, { to: "travelling" })).status).toBe(400);
    expect((await move(as.manager, trip.id, { to: "travelling", safetyLevel: 1 })).status).toBe(403);
    expect(await moveOk(as.owner, trip.id, { to: "travelling", safetyLevel: 1 })).toMatchObject({ status: "travelling", safetyLevel: 1 });
    await moveOk(as.owner, trip.id, { to: "returned" });
    expect((await move(as.owner, trip.id, { to: "reported" })).status).toBe(400);

    // the report: an unrelated editor cannot see the trip, the traveller (an editor of another division) files it
    const report = {
      filedOn: "令和7年5月30日",
      results: "記念式典に出席し、経済交流の覚書を更新した。",
      followup: "次年度に訪問団を受け入れる",
      publish: true,
    };
    const versionNow = (await as.owner.get(`/api/international/trips/${trip.id}`)).body.version;
    expect((await as.outsider.put(`/api/international/trips/${trip.id}/report`, { version: versionNow, ...report })).status).toBe(404);
    expect((await as.manager.put(`/api/international/trips/${trip.id}/report`, { version: versionNow, ...report })).status).toBe(403);
    expect((await as.traveller.get(`/api/international/trips/${trip.id}`)).body.canFileReport).toBe(true);
    const filed = await as.traveller.put(`/api/international/trips/${trip.id}/report`, { version: versionNow, ...report });
    expect(filed.status, JSON.stringify(filed.body)).toBe(200);
    expect(filed.body).toMatchObject({ status: "reported", reportFiledOn: "2025-05-30", reportPublic: true, reportOverdue: false });
    // correcting it keeps the state and adds no history row
    const corrected = await as.owner.put(`/api/international/trips/${trip.id}/report`, {
      version: filed.body.version,
      ...report,
      followup: "次年度に訪問団を受け入れる（7月予定）",
    });
    expect(corrected.body).toMatchObject({ status: "reported", reportFollowup: "次年度に訪問団を受け入れる（7月予定）" });

    // 精算 needs every cost line's settled amount: the refusal names the lines
    expect((await move(as.owner, trip.id, { to: "settled" })).status).toBe(403);
    const unsettled = await move(as.manager, trip.id, { to: "settled" });
    expect(unsettled.status).toBe(400);
    expect(unsettled.body.error.message).toContain("1行目（運賃・往復航空券）");
    expect(unsettled.body.error.message).toContain("2行目（宿泊料・3泊）");
    const settledInput = {
      ...input,
      costs: [
        { ...input.costs[0], settled: 176400 },
        { ...input.costs[1], settled: 58000 },
      ],
    };
    const withSettled = await as.owner.put(`/api/international/trips/${trip.id}`, { version: corrected.body.version, trip: settledInput });
    expect(withSettled.status, JSON.stringify(withSettled.body)).toBe(200);
    expect(withSettled.body.settledTotal).toBe(234400);
    await moveOk(as.manager, trip.id, { to: "settled" });
    const done = await moveOk(as.manager, trip.id, { to: "completed" });
    expect(done).toMatchObject({ status: "completed", canEdit: false, nextStatuses: [] });
    expect(done.events.map((e: { toStatus: string }) => e.toStatus)).toEqual([
      "planned",
      "applied",
      "approved",
      "travelling",
      "returned",
      "reported",
      "settled",
      "completed",
    ]);
    expect(done.events[5].actorName).toBe("産業 太郎");
    // create + edit + 6 moves + the report + its correction + the settled amounts
    expect(await auditCount(trip.id)).toBe(11);
    const transitions = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action IN ('trip_transition', 'file_report')",
      [trip.id],
    );
    expect(transitions.rows[0].n).toBe(7);

    // 完了 is final: no edit, no move
    const finalEdit = await as.owner.put(`/api/international/trips/${trip.id}`, { version: done.version, trip: settledInput });
    expect(finalEdit.status).toBe(400);
    expect((await move(as.manager, trip.id, { to: "settled" })).status).toBe(400);
  });

  it("sends an application back (差戻し, with a note), and after 決裁 changes only through 変更", async () => {
    const trip = await create({ title: "変更される出張" });
    await moveOk(as.owner, trip.id, { to: "applied" });
    // while applied nothing but settled amounts may change
    const applied = (await as.owner.get(`/api/international/trips/${trip.id}`)).body;
    const locked = await as.owner.put(`/api/international/trips/${trip.id}`, {
      version: applied.version,
      trip: tripInput({ title: "別の件名" }),
    });
    expect(locked.status).toBe(400);
    expect(locked.body.error.message).toContain("差し戻され");
    expect((await move(as.manager, trip.id, { to: "planned" })).status).toBe(400);
    const back = await moveOk(as.manager, trip.id, { to: "planned", note: "訪問先を絞ってください" });
    expect(back.events.at(-1)).toMatchObject({
      fromStatus: "applied",
      toStatus: "planned",
      note: "訪問先を絞ってください",
      actorName: "局の担当",
    });
    await moveOk(as.owner, trip.id, { to: "applied" });
    await moveOk(as.manager, trip.id, { to: "approved", approvedBy: "副市長", approvedOn: "2025-04-25" });

    const approved = (await as.owner.get(`/api/international/trips/${trip.id}`)).body;
    const changedTitle = await as.owner.put(`/api/international/trips/${trip.id}`, {
      version: approved.version,
      trip: tripInput({ title: "変更される出張", returnsOn: "2025-05-16" }),
    });
    expect(changedTitle.status).toBe(400);
    expect(changedTitle.body.error.message).toContain("「変更」");
    // a stale version is refused before anything else
    expect(
      (await as.owner.put(`/api/international/trips/${trip.id}`, { version: 1, trip: tripInput({ title: "変更される出張" }) })).status,
    ).toBe(409);
    // settled amounts alone may be entered after 決裁
    const settledOnly = await as.owner.put(`/api/international/trips/${trip.id}`, {
      version: approved.version,
      trip: tripInput({ title: "変更される出張", costs: [{ ...tripInput().costs[0], settled: 1000 }, tripInput().costs[1]] }),
    });
    expect(settledOnly.status, JSON.stringify(settledOnly.body)).toBe(200);
    expect(settledOnly.body.costs[0].settled).toBe(1000);

    expect((await move(as.owner, trip.id, { to: "changed" })).status).toBe(400);
    await moveOk(as.owner, trip.id, { to: "changed", note: "先方の都合で1日延長" });
    const changed = (await as.owner.get(`/api/international/trips/${trip.id}`)).body;
    expect(changed.nextStatuses.sort()).toEqual(["applied", "cancelled"]);
    const edited = await as.owner.put(`/api/international/trips/${trip.id}`, {
      version: changed.version,
      trip: tripInput({ title: "変更される出張", returnsOn: "2025-05-16" }),
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ returnsOn: "2025-05-16", reportDueOn: "2025-06-15" });
    // editing is the owning division's: the bureau's editor gets 403, another division's 404
    expect((await as.manager.put(`/api/international/trips/${trip.id}`, { version: edited.body.version, trip: tripInput() })).status).toBe(
      403,
    );
    expect((await as.outsider.put(`/api/international/trips/${trip.id}`, { version: edited.body.version, trip: tripInput() })).status).toBe(
      404,
    );
    await moveOk(as.owner, trip.id, { to: "applied" });
    expect((await as.owner.get(`/api/international/trips/${trip.id}`)).body.status).toBe("applied");
  });

  it("cancels (中止) only with a reason, by the roles of each state, and then changes nothing more", async () => {
    const planned = await create({ title: "中止する出張" });
    expect((await move(as.manager, planned.id, { to: "cancelled", cancelReason: "予算" })).status).toBe(403);
    const noReason = await move(as.owner, planned.id, { to: "cancelled" });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields).toHaveProperty("cancelReason");
    const cancelled = await moveOk(as.owner, planned.id, { to: "cancelled", cancelReason: "台風の接近" });
    expect(cancelled).toMatchObject({ status: "cancelled", cancelReason: "台風の接近", nextStatuses: [], canEdit: false });
    expect(cancelled.events.at(-1).note).toBe("台風の接近");
    expect((await move(as.owner, planned.id, { to: "planned" })).status).toBe(400);
    const edit = await as.owner.put(`/api/international/trips/${planned.id}`, { version: cancelled.version, trip: tripInput() });
    expect(edit.status).toBe(400);

    // the bureau may cancel an application
    const applied = await create({ title: "局が中止する出張" });
    await moveOk(as.owner, applied.id, { to: "applied" });
    expect(await moveOk(as.manager, applied.id, { to: "cancelled", cancelReason: "渡航中止勧告" })).toMatchObject({ status: "cancelled" });
  });
});

describe("overdue reports", () => {
  let overdueId: string;
  beforeAll(async () => {
    // back since last year, report due long ago, nothing filed
    const trip = await create({
      title: "報告が遅れている出張",
      departsOn: "2024-10-01",
      returnsOn: "2024-10-04",
      visits: [{ ...tripInput().visits[0], visitOn: "2024-10-02" }],
    });
    overdueId = trip.id;
    await moveOk(as.owner, trip.id, { to: "applied" });
    await moveOk(as.manager, trip.id, { to: "approved", approvedBy: "市長", approvedOn: "2024-09-20" });
    await moveOk(as.owner, trip.id, { to: "travelling", safetyLevel: 0 });
    await moveOk(as.owner, trip.id, { to: "returned" });
    // back too, but its due date is still ahead
    const recent = await create({
      title: "期限前の出張",
      departsOn: "2024-10-01",
      returnsOn: "2024-10-04",
      reportDueOn: "2099-12-31",
      visits: [],
    });
    await moveOk(as.owner, recent.id, { to: "applied" });
    await moveOk(as.manager, recent.id, { to: "approved", approvedBy: "市長", approvedOn: "2024-09-20" });
    await moveOk(as.owner, recent.id, { to: "travelling", safetyLevel: 0 });
    await moveOk(as.owner, recent.id, { to: "returned" });
  });

  const overdueTitles = async (c: TestClient) => {
    const r = await c.get("/api/international/trips/overdue-reports");
    expect(r.status).toBe(200);
    return (r.body.items as { title: string; reportOverdue: boolean }[]).map((i) => {
      expect(i.reportOverdue).toBe(true);
      return i.title;
    });
  };

  it("flags the trip to its traveller, its division and the bureau, and to no one else", async () => {
    expect(await overdueTitles(as.traveller)).toEqual(["報告が遅れている出張"]);
    expect(await overdueTitles(as.ownerViewer)).toEqual(["報告が遅れている出張"]);
    expect(await overdueTitles(as.bureauViewer)).toEqual(["報告が遅れている出張"]);
    expect(await overdueTitles(as.manager)).toEqual(["報告が遅れている出張"]);
    expect(await overdueTitles(as.outsider)).toEqual([]);
    const detail = (await as.owner.get(`/api/international/trips/${overdueId}`)).body;
    expect(detail).toMatchObject({ reportOverdue: true, reportDueOn: "2024-11-03" });
    const list = await as.owner.get("/api/international/trips?overdue=true");
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([overdueId]);
    const notOverdue = await as.owner.get("/api/international/trips?overdue=false&pageSize=200");
    expect(notOverdue.body.items.map((i: { id: string }) => i.id)).not.toContain(overdueId);
  });

  it("clears the flag once the report is filed", async () => {
    const detail = (await as.owner.get(`/api/international/trips/${overdueId}`)).body;
    const filed = await as.owner.put(`/api/international/trips/${overdueId}/report`, {
      version: detail.version,
      filedOn: todayInJapan(),
      results: "遅れて提出",
      followup: "",
      publish: false,
    });
    expect(filed.status).toBe(200);
    expect(filed.body.reportOverdue).toBe(false);
    expect(await overdueTitles(as.bureauViewer)).toEqual([]);
  });
});

describe("the disclosure summary (PDF)", () => {
  it("prints the title, the members, the itinerary and the dates in 和暦", async () => {
    const trip = await create({ title: "公開用概要の出張" });
    const r = await as.bureauViewer.get(`/api/international/trips/${trip.id}/summary.pdf`);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toContain("application/pdf");
    expect(new TextDecoder().decode(r.raw.slice(0, 5))).toBe("%PDF-");
    const text = (await extractPdfText(r.raw)).replace(/\s+/g, "");
    expect(text).toContain("公開用概要の出張");
    expect(text).toContain(formatWareki("2025-05-12"));
    expect(text).toContain("令和7年5月13日");
    expect(text).toContain("財政花子");
    expect(text).toContain("大連市人民政府");
    expect(text).toContain("240,000円");
  });

  it("prints a published report's results, and leaves out those of a report not to be published", async () => {
    const pdfText = async (title: string) => {
      const found = (await as.manager.get(`/api/international/trips?q=${encodeURIComponent(title)}`)).body.items[0];
      const r = await as.manager.get(`/api/international/trips/${found.id}/summary.pdf`);
      return (await extractPdfText(r.raw)).replace(/\s+/g, "");
    };
    const published = await pdfText("一巡する出張");
    expect(published).toContain("記念式典に出席し、経済交流の覚書を更新した。");
    expect(published).toContain("令和7年5月30日");
    const internal = await pdfText("報告が遅れている出張");
    expect(internal).not.toContain("遅れて提出");
    expect(internal).toContain("公開しない報告");
  });
});

describe("travel rates (旅費の基準額)", () => {
  it("keeps versions by date: a newer version takes over from its date, the older stays for earlier dates", async () => {
    const rate = (validFrom: string, amount: number) => ({ validFrom, costKind: "daily", regionClass: "designated", amount });
    expect((await as.owner.post("/api/international/travel-rates", rate("2019-04-01", 8300))).status).toBe(403);
    expect((await as.manager.post("/api/international/travel-rates", rate("平成31年4月1日", 8300))).status).toBe(200);
    expect((await as.manager.post("/api/international/travel-rates", rate("2024-04-01", 8800))).status).toBe(200);
    expect((await as.manager.post("/api/international/travel-rates", { ...rate("2019-04-01", 21000), costKind: "lodging" })).status).toBe(
      200,
    );
    expect((await as.manager.post("/api/international/travel-rates", rate("2024-04-01", 9000))).status).toBe(409);

    const on = async (date: string) =>
      (
        (await as.ownerViewer.get(`/api/international/travel-rates?onDate=${date}`)).body.items as {
          costKind: string;
          amount: number;
          validFrom: string;
        }[]
      ).map((r) => [r.costKind, r.amount, r.validFrom]);
    expect(await on("2024-03-31")).toEqual([
      ["daily", 8300, "2019-04-01"],
      ["lodging", 21000, "2019-04-01"],
    ]);
    expect(await on("2024-04-01")).toEqual([
      ["daily", 8800, "2024-04-01"],
      ["lodging", 21000, "2019-04-01"],
    ]);
    expect(await on("2019-03-31")).toEqual([]);
    const all = await as.ownerViewer.get("/api/international/travel-rates");
    expect(all.body.items).toHaveLength(3);
  });
});

describe("the kintone import's step", () => {
  it("writes an imported record with its state and report, keeps the change in the history, and updates it in place", async () => {
    const actor = { userId: null, label: "kintone取込" };
    // the import hands over input as the contract parses it
    const input = tripInputSchema.parse({
      ...tripInput(),
      title: "kintoneから来た出張",
      departsOn: "2024-08-01",
      returnsOn: "2024-08-03",
      visits: [{ ...tripInput().visits[0], visitOn: "2024-08-02" }],
    });
    const id = await t.db.transaction(async (tx) => {
      const created = await createTripIn(tx, actor, input, { sourceKey: "kintone-trip-1" });
      await replaceImportedTripIn(
        tx,
        actor,
        created,
        { input, status: "reported", safetyLevel: 1, reportFiledOn: "2024-08-20", results: "覚書を締結" },
        { created: true },
      );
      return created;
    });
    const detail = (await as.owner.get(`/api/international/trips/${id}`)).body;
    expect(detail).toMatchObject({
      status: "reported",
      safetyLevel: 1,
      reportFiledOn: "2024-08-20",
      reportResults: "覚書を締結",
      sourceKey: "kintone-trip-1",
    });
    expect(detail.events.map((e: { toStatus: string }) => e.toStatus)).toEqual(["planned", "reported"]);
    await t.db.transaction((tx) =>
      replaceImportedTripIn(
        tx,
        actor,
        id,
        {
          input: { ...input, purpose: "更新された目的" },
          status: "completed",
          safetyLevel: 1,
          reportFiledOn: "2024-08-20",
          results: "覚書を締結",
        },
        { created: false },
      ),
    );
    const updated = (await as.owner.get(`/api/international/trips/${id}`)).body;
    expect(updated).toMatchObject({ status: "completed", purpose: "更新された目的" });
    expect(updated.events).toHaveLength(3);
  });
});
