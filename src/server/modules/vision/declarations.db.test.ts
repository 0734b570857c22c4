// Action宣言 over HTTP: staff post (named or 匿名); the bureau moderates; the public list (which the lobby board
// uses) shows 掲示中 only and never says who wrote an anonymous declaration.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../../testing/app";
import { buildCity, buildUser, TEST_PASSWORD } from "../../testing/factories";
import { buildVisionPlan } from "../../testing/vision-engagement-fixture";

let t: TestApp;
let city: Awaited<ReturnType<typeof buildCity>>;
let plan: Awaited<ReturnType<typeof buildVisionPlan>>;
let manager: TestClient;
let otherStaff: TestClient;
let author: TestClient;
let partner: TestClient;
let authorUser: { id: string; loginId: string };
const publicUrl = "/api/public/vision/declarations";

beforeAll(async () => {
  t = await createTestApp();
  city = await buildCity(t.db);
  plan = await buildVisionPlan(t.db, city);
  authorUser = await buildUser(t.db, {
    role: "viewer",
    organisationId: city.otherBureau.id,
    displayName: "宣言 する子",
    loginId: "declarer",
  });
  manager = await t.login(city.editor.loginId, TEST_PASSWORD);
  otherStaff = await t.login(city.otherEditor.loginId, TEST_PASSWORD);
  author = await t.login(authorUser.loginId, TEST_PASSWORD);
  partner = await t.login(city.partner.loginId, TEST_PASSWORD);
});
afterAll(() => t.cleanup());

describe("Action宣言", () => {
  let anonymousId: string;
  let namedId: string;

  it("lets any member of staff post, with their organisation by default, and checks the text and the strategy", async () => {
    const options = await author.get("/api/vision/declarations/options");
    expect(options.body.strategies.map((s: { code: string }) => s.code)).toEqual(["S1", "S2", "S3"]);
    expect(options.body.canModerate).toBe(false);
    const base = { body: "毎月1社、市内企業の声を聞きに行きます。", anonymous: true, strategyNodeId: plan.earn };
    expect((await author.post("/api/vision/declarations", { ...base, body: "あ".repeat(201) })).status).toBe(400);
    expect((await author.post("/api/vision/declarations", { ...base, body: "𠮷".repeat(200) })).status).toBe(200); // code points, not UTF-16 units
    expect((await author.post("/api/vision/declarations", { ...base, strategyNodeId: plan.measure })).status).toBe(400);
    expect((await author.post("/api/vision/declarations", { ...base, status: "掲示中" })).status).toBe(400);
    expect((await partner.post("/api/vision/declarations", base)).status).toBe(403);
    expect((await t.client().post("/api/vision/declarations", base)).status).toBe(401);

    const anonymous = await author.post("/api/vision/declarations", base);
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toMatchObject({ displayName: null, organisationName: city.otherBureau.name, status: "承認待ち" });
    anonymousId = anonymous.body.id;
    const named = await author.post("/api/vision/declarations", { body: "階段を使います。", anonymous: false, strategyNodeId: null });
    expect(named.body).toMatchObject({ displayName: "宣言 する子", strategy: null });
    namedId = named.body.id;
    const mine = await author.get("/api/vision/declarations/mine");
    expect(mine.body.items.map((d: { id: string }) => d.id)).toContain(anonymousId);
    expect(mine.body.items.every((d: { status: string }) => d.status === "承認待ち")).toBe(true);
  });

  it("keeps waiting declarations off the public list and the moderation queue away from staff", async () => {
    expect((await t.client().get(publicUrl)).body.items).toEqual([]);
    expect((await otherStaff.get("/api/vision/declarations")).status).toBe(403);
    expect((await author.post(`/api/vision/declarations/${anonymousId}/moderation`, { status: "掲示中", note: "" })).status).toBe(403);
    expect((await otherStaff.post(`/api/vision/declarations/${anonymousId}/moderation`, { status: "掲示中", note: "" })).status).toBe(403);
    const queue = await manager.get("/api/vision/declarations?status=承認待ち");
    expect(queue.status).toBe(200);
    // The bureau sees who wrote an anonymous declaration (to contact them); nobody else does.
    expect(queue.body.items.find((d: { id: string }) => d.id === anonymousId)).toMatchObject({
      displayName: null,
      authorLabel: "宣言 する子",
    });
    expect((await manager.get("/api/vision/declarations/options")).body).toMatchObject({ canModerate: true, pendingCount: 3 });
  });

  it("shows approved declarations on the public list without the author of an anonymous one", async () => {
    const approved = await manager.post(`/api/vision/declarations/${anonymousId}/moderation`, { status: "掲示中", note: "" });
    expect(approved.body.status).toBe("掲示中");
    await manager.post(`/api/vision/declarations/${namedId}/moderation`, { status: "掲示中", note: "" });
    const board = await t.client().get(publicUrl);
    expect(board.status).toBe(200);
    expect(board.body.planName).toBe("北九州市・新ビジョン");
    expect(board.body.items.map((d: { id: string }) => d.id).sort()).toEqual([anonymousId, namedId].sort());
    const anonymous = board.body.items.find((d: { id: string }) => d.id === anonymousId);
    expect(Object.keys(anonymous).sort()).toEqual(["body", "displayName", "id", "organisationName", "postedAt", "strategy"]);
    expect(anonymous.displayName).toBeNull();
    const raw = JSON.stringify(anonymous);
    expect(raw).not.toContain("宣言 する子");
    expect(raw).not.toContain(authorUser.id);
    expect(raw).not.toContain(authorUser.loginId);
    // Filtered by strategy
    const earn = await t.client().get(`${publicUrl}?strategyId=${plan.earn}`);
    expect(earn.body.items.map((d: { id: string }) => d.id)).toEqual([anonymousId]);
  });

  it("takes a declaration off the board when the bureau hides it, with a note the author sees", async () => {
    await manager.post(`/api/vision/declarations/${namedId}/moderation`, { status: "非掲示", note: "個人の生活に関する内容のため" });
    expect((await t.client().get(publicUrl)).body.items.map((d: { id: string }) => d.id)).toEqual([anonymousId]);
    const mine = (await author.get("/api/vision/declarations/mine")).body.items.find((d: { id: string }) => d.id === namedId);
    expect(mine).toMatchObject({ status: "非掲示", moderationNote: "個人の生活に関する内容のため" });
    const audit = await t.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE entity_type = 'vision_declaration' AND entity_id = $1 ORDER BY id",
      [namedId],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(["create", "approve", "hide"]);
  });

  it("lets the author withdraw a waiting declaration only", async () => {
    const waiting = await author.post("/api/vision/declarations", { body: "取り下げる宣言", anonymous: false, strategyNodeId: null });
    expect((await otherStaff.delete(`/api/vision/declarations/${waiting.body.id}`)).status).toBe(404);
    expect((await author.delete(`/api/vision/declarations/${anonymousId}`)).status).toBe(409);
    expect((await author.delete(`/api/vision/declarations/${waiting.body.id}`)).status).toBe(200);
    expect((await author.get("/api/vision/declarations/mine")).body.items.map((d: { id: string }) => d.id)).not.toContain(waiting.body.id);
  });
});
