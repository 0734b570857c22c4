// 職員の検索 over HTTP (the picker of travellers and action owners): a member of staff finds colleagues by a fragment
// of their name (ひらがな/カタカナ, 全角/半角 and spaces folded) or login id, at most 20, optionally within one division;
// disabled accounts, partner and supplier logins and anyone in an external organisation are never answered, and an
// answer carries only id, name and division — never the e-mail address or the role.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../../testing/app";
import { buildOrganisation, buildUser, TEST_PASSWORD } from "../../testing/factories";

let t: TestApp;
let org: Record<"city" | "kokusai" | "sangyo" | "supplier" | "partnerCity", string>;
let ids: Record<string, string>;
let viewer: TestClient;

interface Item {
  id: string;
  displayName: string;
  organisationId: string;
  organisationName: string;
}
const names = (items: Item[]) => items.map((i) => i.displayName).sort();

async function lookup(client: TestClient, query: Record<string, string>): Promise<Item[]> {
  const response = await client.get(`/api/international/staff?${new URLSearchParams(query)}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return (response.body as { items: Item[] }).items;
}

beforeAll(async () => {
  t = await createTestApp();
  const city = await buildOrganisation(t.db, { name: "テスト市", kind: "municipality" });
  const bureau = await buildOrganisation(t.db, { name: "政策局", kind: "bureau", parentId: city.id });
  const kokusai = await buildOrganisation(t.db, { name: "国際政策課", kind: "division", parentId: bureau.id });
  const sangyo = await buildOrganisation(t.db, { name: "産業政策課", kind: "division", parentId: city.id });
  const supplier = await buildOrganisation(t.db, { name: "山本食品（返礼品事業者）", kind: "external" });
  const partnerCity = await buildOrganisation(t.db, { name: "福岡市", kind: "external" });
  org = { city: city.id, kokusai: kokusai.id, sangyo: sangyo.id, supplier: supplier.id, partnerCity: partnerCity.id };
  const made = {
    yamamoto: await buildUser(t.db, { role: "editor", organisationId: kokusai.id, loginId: "yamamoto-t", displayName: "山本 太郎" }),
    yamamotoKana: await buildUser(t.db, { role: "viewer", organisationId: sangyo.id, loginId: "ymmt-h", displayName: "ヤマモト ハナコ" }),
    admin: await buildUser(t.db, { role: "admin", organisationId: city.id, loginId: "sys-admin", displayName: "管理 一郎" }),
    retired: await buildUser(t.db, {
      role: "editor",
      organisationId: kokusai.id,
      loginId: "yamamoto-old",
      displayName: "山本 退職",
      disabled: true,
    }),
    supplierLogin: await buildUser(t.db, {
      role: "partner",
      organisationId: supplier.id,
      loginId: "yamamoto-foods",
      displayName: "山本食品 担当",
    }),
    partnerLogin: await buildUser(t.db, {
      role: "partner",
      organisationId: partnerCity.id,
      loginId: "fukuoka-yamamoto",
      displayName: "山本 福岡",
    }),
    // a staff role in an external organisation is still not the city's staff
    externalEditor: await buildUser(t.db, {
      role: "editor",
      organisationId: partnerCity.id,
      loginId: "ext-yamamoto",
      displayName: "山本 外部",
    }),
    viewer: await buildUser(t.db, { role: "viewer", organisationId: sangyo.id, loginId: "sangyo-viewer", displayName: "産業 閲覧" }),
  };
  ids = Object.fromEntries(Object.entries(made).map(([k, u]) => [k, u.id]));
  await t.db.query("UPDATE users SET email = 'taro.yamamoto@example.jp' WHERE id = $1", [ids.yamamoto]);
  viewer = await t.login("sangyo-viewer", TEST_PASSWORD);
}, 120_000);
afterAll(() => t.cleanup());

describe("GET /api/international/staff", () => {
  it("finds active staff by a fragment of the name, folding kana, width and spaces", async () => {
    expect(names(await lookup(viewer, { q: "山本" }))).toEqual(["山本 太郎"]);
    expect(names(await lookup(viewer, { q: "山本太郎" }))).toEqual(["山本 太郎"]);
    // ひらがな finds カタカナ, and 半角ｶﾅ too
    expect(names(await lookup(viewer, { q: "やまもと" }))).toEqual(["ヤマモト ハナコ"]);
    expect(names(await lookup(viewer, { q: "ﾔﾏﾓﾄ" }))).toEqual(["ヤマモト ハナコ"]);
    expect(names(await lookup(viewer, { q: "はなこ" }))).toEqual(["ヤマモト ハナコ"]);
  });

  it("finds by a fragment of the login id, in either case", async () => {
    expect(names(await lookup(viewer, { q: "YMMT" }))).toEqual(["ヤマモト ハナコ"]);
    // every account whose login holds "yamamoto": only the active staff member of the city answers
    expect(names(await lookup(viewer, { q: "yamamoto" }))).toEqual(["山本 太郎"]);
  });

  it("never answers disabled accounts, partner or supplier logins, or anyone in an external organisation", async () => {
    const everyone = [
      ...(await lookup(viewer, { q: "山本" })),
      ...(await lookup(viewer, { q: "yamamoto" })),
      ...(await lookup(viewer, { q: "福岡" })),
      ...(await lookup(viewer, { q: "外部" })),
      ...(await lookup(viewer, { q: "退職" })),
      ...(await lookup(viewer, { q: "食品" })),
      ...(await lookup(viewer, { organisationId: org.partnerCity })),
      ...(await lookup(viewer, { organisationId: org.supplier })),
    ];
    const answered = new Set(everyone.map((i) => i.id));
    for (const key of ["retired", "supplierLogin", "partnerLogin", "externalEditor"]) expect(answered.has(ids[key]), key).toBe(false);
    expect(answered.has(ids.yamamoto)).toBe(true);
  });

  it("answers only id, name and division: no e-mail address, telephone, login id or role", async () => {
    const response = await viewer.get("/api/international/staff?q=%E5%B1%B1%E6%9C%AC");
    const items = (response.body as { items: Record<string, unknown>[] }).items;
    expect(items).toHaveLength(1);
    expect(Object.keys(items[0]).sort()).toEqual(["displayName", "id", "organisationId", "organisationName"]);
    expect(items[0]).toEqual({ id: ids.yamamoto, displayName: "山本 太郎", organisationId: org.kokusai, organisationName: "国際政策課" });
    const raw = new TextDecoder().decode(response.raw);
    expect(raw).not.toContain("example.jp");
    expect(raw).not.toContain("yamamoto-t");
    expect(raw).not.toContain("editor");
  });

  it("narrows to one division, and lists that division's staff when nothing is typed", async () => {
    expect(names(await lookup(viewer, { organisationId: org.sangyo }))).toEqual(["ヤマモト ハナコ", "産業 閲覧"]);
    expect(names(await lookup(viewer, { organisationId: org.sangyo, q: "やま" }))).toEqual(["ヤマモト ハナコ"]);
    expect(await lookup(viewer, { organisationId: org.kokusai, q: "やま" })).toEqual([]);
  });

  it("answers nobody to an empty query, treats % and _ as text, and stops at 20", async () => {
    expect(await lookup(viewer, { q: "" })).toEqual([]);
    expect(await lookup(viewer, { q: "%" })).toEqual([]);
    expect(await lookup(viewer, { q: "_" })).toEqual([]);
    for (let i = 0; i < 25; i++)
      await buildUser(t.db, { role: "viewer", organisationId: org.kokusai, loginId: `many-${i}`, displayName: `大勢 ${i}` });
    const many = await lookup(viewer, { q: "大勢" });
    expect(many).toHaveLength(20);
    // names that start with the fragment come before those that only contain it
    await buildUser(t.db, { role: "viewer", organisationId: org.kokusai, loginId: "oozei-later", displayName: "あの大勢" });
    const ordered = await lookup(viewer, { q: "大勢" });
    expect(ordered.map((i) => i.displayName)).not.toContain("あの大勢");
  });

  it("refuses partner logins (403) and callers who are not signed in (401)", async () => {
    const partner = await t.login("fukuoka-yamamoto", TEST_PASSWORD);
    expect((await partner.get("/api/international/staff?q=yamamoto")).status).toBe(403);
    expect((await t.client().get("/api/international/staff?q=yamamoto")).status).toBe(401);
  });
});
