// 相手先, their city's timeline, 来訪 and the 分野 list, on the sample data: counts of projects and visits, the
// timeline newest first with projects at April 1 of their first 年度 and only the trips the caller may read, visits
// received recorded as the caller's division's, the bureau keeping the lists; duplicates answer 409 naming the field.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../../platform/audit/audit";
import { AppError } from "../../platform/errors";
import { createField, listFields, updateField } from "./field-service";
import { createPartner, createReceivedVisit, getPartnerTimeline, listPartners, updatePartner } from "./partner-service";
import { buildProjectWorld, idOf, insertTripVisit, type ProjectWorld } from "./project.fixture";

let w: ProjectWorld;
const actor = SYSTEM_ACTOR;

beforeAll(async () => {
  w = await buildProjectWorld();
}, 120_000);
afterAll(() => w?.t.cleanup());

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

async function partnerId(city: string, organisation = "") {
  const { rows } = await w.t.db.query<{ id: string }>("SELECT id FROM international_partners WHERE city = $1 AND organisation = $2", [
    city,
    organisation,
  ]);
  return rows[0].id;
}

describe("partners", () => {
  it("lists the sample partner cities with positions, relations, project and visit counts", async () => {
    const { items } = await listPartners(w.t.db, w.users.viewer, {});
    expect(items).toHaveLength(11);
    expect(items.every((p) => p.isSample && p.latitude !== null && p.longitude !== null)).toBe(true);
    const dalian = items.find((p) => p.city === "大連市");
    expect(dalian).toMatchObject({ country: "中国", relation: "friendship", relatedSince: "1979-05-01", projectCount: 5, visitCount: 1 });
    expect(items.find((p) => p.city === "タコマ市")).toMatchObject({ relation: "sister", longitude: -122.4443 });
    expect((await listPartners(w.t.db, w.users.viewer, { q: "韓国" })).items.map((p) => p.city).sort()).toEqual([
      "仁川広域市",
      "釜山広域市",
    ]);
    expect((await listPartners(w.t.db, w.users.viewer, { q: "観光局" })).items.map((p) => p.organisation)).toEqual(["高雄市政府観光局"]);
  });

  it("lets any editor add a partner, refuses a viewer, and answers a duplicate with 409 naming 相手先", async () => {
    const body = {
      country: "タイ",
      city: "バンコク都",
      organisation: "",
      relation: "other" as const,
      relatedSince: null,
      latitude: 13.7563,
      longitude: 100.5018,
    };
    expect((await failure(createPartner(w.t.db, w.users.viewer, actor, body))).status).toBe(403);
    const made = await createPartner(w.t.db, w.users.zaisei, actor, body);
    expect(made).toMatchObject({ city: "バンコク都", projectCount: 0, visitCount: 0, isSample: false });
    const again = await w.clients.zaisei.post("/api/international/partners", body);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe("同じ国・都市・相手機関の相手先がすでに登録されています。一覧から選んでください。");
    // the bureau corrects it; a field left out of the PATCH keeps its value
    const patched = await w.clients.bureau.patch(`/api/international/partners/${made.id}`, {
      relation: "agreement",
      relatedSince: "令和8年4月1日",
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ relation: "agreement", relatedSince: "2026-04-01", latitude: 13.7563, longitude: 100.5018 });
    expect((await w.clients.zaisei.patch(`/api/international/partners/${made.id}`, { relation: "sister" })).status).toBe(403);
    expect((await failure(updatePartner(w.t.db, w.users.zaisei, actor, made.id, { relation: "sister" }))).status).toBe(403);
    const audit = await w.t.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE entity_type = 'international_partner' AND entity_id = $1 ORDER BY id",
      [made.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(["create", "update"]);
  });
});

describe("a partner city's timeline", () => {
  it("shows the city's projects, the trips the caller may read and the visits received, newest first", async () => {
    const kaohsiung = await partnerId("高雄市");
    const trip = await insertTripVisit(w.t.db, {
      title: "高雄市PRキャンペーン打合せ出張",
      ownerOrganisationId: w.org.sangyoDivision,
      partnerId: await partnerId("高雄市", "高雄市政府観光局"),
      visitOn: "2025-08-20",
    });
    await insertTripVisit(w.t.db, {
      title: "中止になった高雄出張",
      ownerOrganisationId: w.org.sangyoDivision,
      partnerId: kaohsiung,
      visitOn: "2025-09-10",
      status: "cancelled",
    });
    const seen = await getPartnerTimeline(w.t.db, w.users.viewer, kaohsiung);
    expect(seen.partner).toMatchObject({ city: "高雄市", relation: "agreement", projectCount: 1, visitCount: 0 });
    expect(seen.canEdit).toBe(false);
    expect(seen.entries.map((e) => [e.kind, e.on, e.title, e.ownerName])).toEqual([
      ["received", "2025-11-12", "高雄市政府観光局 訪問団", "産業政策課"],
      ["trip", "2025-08-20", "高雄市PRキャンペーン打合せ出張", "産業政策課"],
      ["project", "2025-04-01", "台湾PRキャンペーン", "産業政策課"],
    ]);
    expect(seen.entries[1]).toMatchObject({ id: trip, detail: "高雄市政府観光局・面会: 局長・PRキャンペーンの打合せ" });
    expect(seen.entries[2].detail).toBe("プロモーション・観光・令和7年度〜令和8年度");
    // the bureau sees every trip; another division's staff do not see 産業政策課's trip
    const bureau = await getPartnerTimeline(w.t.db, w.users.bureau, kaohsiung);
    expect(bureau.canEdit).toBe(true);
    expect(bureau.entries.map((e) => e.kind)).toEqual(["received", "trip", "project"]);
    expect((await getPartnerTimeline(w.t.db, w.users.zaisei, kaohsiung)).entries.map((e) => e.kind)).toEqual(["received", "project"]);
  });

  it("places long-running projects at April 1 of their first 年度 among the visits", async () => {
    const { entries } = await getPartnerTimeline(w.t.db, w.users.viewer, await partnerId("大連市"));
    const ons = entries.map((e) => e.on);
    expect(ons).toEqual([...ons].sort().reverse());
    expect(entries.find((e) => e.title === "大連市との友好交流事業")).toMatchObject({ kind: "project", on: "2015-04-01" });
    expect(entries.find((e) => e.kind === "received")).toMatchObject({ on: "2024-10-17", ownerName: "国際政策課" });
  });

  it("records a visit received as the caller's division's, audited; a viewer may not; an unknown partner is 404", async () => {
    const busan = await partnerId("釜山広域市");
    const input = { receivedOn: "2026-10-05", delegation: "釜山広域市 財政局 視察団", purpose: "予算編成の意見交換" };
    expect((await failure(createReceivedVisit(w.t.db, w.users.viewer, actor, busan, input))).status).toBe(403);
    expect((await failure(createReceivedVisit(w.t.db, w.users.zaisei, actor, "00000000-0000-4000-8000-000000000000", input))).status).toBe(
      404,
    );
    const entry = await createReceivedVisit(w.t.db, w.users.zaisei, actor, busan, input);
    expect(entry).toMatchObject({ kind: "received", on: "2026-10-05", title: "釜山広域市 財政局 視察団", ownerName: "財政課" });
    const { entries, partner } = await getPartnerTimeline(w.t.db, w.users.viewer, busan);
    expect(entries[0].id).toBe(entry.id);
    expect(partner.visitCount).toBe(1);
    const audit = await w.t.db.query<{ summary: string }>(
      "SELECT summary FROM audit_log WHERE entity_type = 'international_received_visit' AND entity_id = $1",
      [entry.id],
    );
    expect(audit.rows[0].summary).toBe("釜山広域市（韓国）からの来訪「釜山広域市 財政局 視察団」を記録");
    // 和暦 as the screens send it
    const http = await w.clients.zaisei.post(`/api/international/partners/${busan}/received-visits`, {
      receivedOn: "令和8年11月2日",
      delegation: "釜山広域市 議会 訪問団",
    });
    expect(http.status).toBe(200);
    expect(http.body.on).toBe("2026-11-02");
  });
});

describe("the 分野 list", () => {
  it("holds the 8 fields of the issue in the bureau's order, with their project counts", async () => {
    const { items } = await listFields(w.t.db, w.users.viewer);
    expect(items.map((f) => f.name)).toEqual([
      "国際交流",
      "国際ビジネス",
      "国際技術協力",
      "多文化共生",
      "プロモーション・観光",
      "国際会議",
      "視察・調査",
      "姉妹・友好都市",
    ]);
    expect(items.find((f) => f.name === "国際技術協力")?.projectCount).toBe(3);
  });

  it("is kept by the bureau's editors: added at the end, renamed, retired; a duplicate name answers 409", async () => {
    expect((await failure(createField(w.t.db, w.users.zaisei, actor, { name: "スポーツ交流" }))).status).toBe(403);
    const made = await createField(w.t.db, w.users.bureau, actor, { name: "スポーツ交流" });
    expect(made).toMatchObject({ sortOrder: 90, active: true, projectCount: 0 });
    const renamed = await updateField(w.t.db, w.users.bureau, actor, made.id, { name: "スポーツ・文化交流", active: false });
    expect(renamed).toMatchObject({ name: "スポーツ・文化交流", sortOrder: 90, active: false });
    const duplicate = await w.clients.bureau.post("/api/international/fields", { name: "国際交流" });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.message).toBe("同じ分野名がすでに登録されています。別の分野名にしてください。");
    expect((await w.clients.zaisei.patch(`/api/international/fields/${made.id}`, { active: true })).status).toBe(403);
    expect(await idOf(w.t.db, "international_fields", "name", "スポーツ・文化交流")).toBe(made.id);
    const audit = await w.t.db.query<{ summary: string }>(
      "SELECT summary FROM audit_log WHERE entity_type = 'international_field' AND entity_id = $1 ORDER BY id",
      [made.id],
    );
    expect(audit.rows.map((r) => r.summary)).toEqual(["分野「スポーツ交流」を追加", "分野「スポーツ・文化交流」を変更（使用停止）"]);
  });
});
