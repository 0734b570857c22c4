// 登録企業の一覧 for staff over HTTP on a real database: every member of staff finds companies by name, フリガナ or
// 法人番号 and by ward, industry, size and certification; the contact person, e-mail and telephone and the company's
// logins are shown to the bureau only (blank for other staff); the CSV with the contacts is the bureau's and its
// export is audited; the bureau adds another login that then acts as the company.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withCheckDigit } from "../../../common/sdgs/corporate-number";
import { createTestApp, type TestApp, type TestClient } from "../../testing/app";
import { buildCity } from "../../testing/factories";
import { setSdgsOwner } from "./access";

let t: TestApp;
let manager: TestClient;
let viewer: TestClient;
let otherEditor: TestClient;
let ids: { kita: string; sole: string };
const PASSWORD = "Kitakyushu-2026-sdgs";
const NUMBER = withCheckDigit("290033000777");

beforeAll(async () => {
  t = await createTestApp();
  const city = await buildCity(t.db);
  await setSdgsOwner(t.db, city.bureau.id);
  manager = await t.login(city.editor.loginId, city.editor.password);
  viewer = await t.login(city.viewer.loginId, city.viewer.password);
  otherEditor = await t.login(city.otherEditor.loginId, city.otherEditor.password);
  const anonymous = t.client();
  const base = {
    postalCode: "802-0001",
    address: "北九州市小倉北区浅野1番",
    employees: 30,
    contactName: "名簿 太郎",
    contactEmail: "meibo@example.jp",
    contactPhone: "093-222-3333",
    password: PASSWORD,
    agree: true,
  };
  const signUps = [
    {
      ...base,
      corporateNumber: NUMBER,
      companyName: "北九州名簿製作所",
      kana: "キタキュウシュウメイボセイサクショ",
      ward: "kokurakita",
      industry: "E",
      size: "small",
      loginId: "dir-kita",
    },
    {
      ...base,
      corporateNumber: "",
      soleProprietor: true,
      companyName: "若松個人商店",
      kana: "ワカマツコジンショウテン",
      ward: "wakamatsu",
      industry: "I",
      size: "micro",
      loginId: "dir-sole",
      contactName: "個人 花子",
    },
  ];
  for (const body of signUps) expect((await anonymous.post("/api/public/sdgs/register", body)).status).toBe(200);
  const { rows } = await t.db.query<{ id: string; name: string }>("SELECT id, name FROM sdgs_companies");
  const idOf = (name: string) => rows.find((r) => r.name === name)?.id as string;
  ids = { kita: idOf("北九州名簿製作所"), sole: idOf("若松個人商店") };
}, 120_000);
afterAll(() => t?.cleanup());

const names = (body: { items: { name: string }[] }) => body.items.map((i) => i.name).sort();

describe("the staff's list of companies", () => {
  it("finds companies by name, フリガナ and 法人番号, and filters by ward, industry, size and certification", async () => {
    expect(names((await viewer.get("/api/sdgs/companies")).body)).toEqual(["北九州名簿製作所", "若松個人商店"]);
    expect(names((await viewer.get("/api/sdgs/companies?q=名簿")).body)).toEqual(["北九州名簿製作所"]);
    expect(names((await viewer.get("/api/sdgs/companies?q=ワカマツ")).body)).toEqual(["若松個人商店"]);
    expect(names((await viewer.get(`/api/sdgs/companies?q=${NUMBER.slice(4, 10)}`)).body)).toEqual(["北九州名簿製作所"]);
    expect(names((await viewer.get("/api/sdgs/companies?ward=wakamatsu")).body)).toEqual(["若松個人商店"]);
    expect(names((await viewer.get("/api/sdgs/companies?industry=E&size=small")).body)).toEqual(["北九州名簿製作所"]);
    expect(names((await viewer.get("/api/sdgs/companies?certified=yes")).body)).toEqual([]);
    expect((await viewer.get("/api/sdgs/companies?certified=no")).body.total).toBe(2);
  });

  it("shows the contacts and logins to the bureau only; other staff get them blank", async () => {
    const asManager = await manager.get(`/api/sdgs/companies/${ids.kita}`);
    expect(asManager.status).toBe(200);
    expect(asManager.body.contacts).toEqual({ contactName: "名簿 太郎", contactEmail: "meibo@example.jp", contactPhone: "093-222-3333" });
    expect(asManager.body.logins.map((l: { loginId: string }) => l.loginId)).toEqual(["dir-kita"]);
    expect(asManager.body.canManage).toBe(true);
    for (const client of [viewer, otherEditor]) {
      const response = await client.get(`/api/sdgs/companies/${ids.sole}`);
      expect(response.status).toBe(200);
      expect(response.body.contacts).toBeNull();
      expect(response.body.logins).toBeNull();
      expect(response.body.canManage).toBe(false);
      expect(JSON.stringify(response.body)).not.toMatch(/個人 花子|meibo@|093-222-3333/);
      // nor in the list
      expect(JSON.stringify((await client.get("/api/sdgs/companies")).body)).not.toMatch(/名簿 太郎|個人 花子|meibo@|093-222-3333/);
    }
  });

  it("exports the CSV with the contacts for the bureau only, audited as an export of personal data", async () => {
    const csv = await manager.get("/api/sdgs/companies.csv?ward=kokurakita");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toContain("attachment");
    expect([...csv.raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = String(csv.body)
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("名簿 太郎");
    expect(lines[1]).toContain("meibo@example.jp");
    const { rows } = await t.db.query<{ action: string; summary: string }>(
      "SELECT action, summary FROM audit_log WHERE entity_type = 'sdgs_company' AND action = 'export'",
    );
    expect(rows).toEqual([{ action: "export", summary: "登録企業の一覧（担当者の連絡先を含む）をCSVで出力（1件）" }]);
    expect((await viewer.get("/api/sdgs/companies.csv")).status).toBe(403);
    // a cell that Excel would run as a formula is written as text
    const formula = {
      corporateNumber: "",
      soleProprietor: true,
      companyName: '=HYPERLINK("http://example.invalid")',
      kana: "イコール",
      postalCode: "",
      address: "北九州市門司区1番",
      ward: "moji",
      industry: "I",
      size: "micro",
      contactName: "+81 担当",
      contactEmail: "f@example.jp",
      contactPhone: "093-000-0000",
      loginId: "dir-formula",
      password: PASSWORD,
      agree: true,
    };
    expect((await t.client().post("/api/public/sdgs/register", formula)).status).toBe(200);
    const guarded = String((await manager.get("/api/sdgs/companies.csv?ward=moji")).body);
    expect(guarded).toContain(`"'=HYPERLINK(""http://example.invalid"")"`);
    expect(guarded).toContain("'+81 担当");
    expect((await otherEditor.get("/api/sdgs/companies.csv")).status).toBe(403);
  });

  it("lets the bureau add another login that then acts as the company", async () => {
    const added = await manager.post(`/api/sdgs/companies/${ids.kita}/logins`, {
      loginId: "dir-kita-2",
      displayName: "北九州名簿製作所 経理部",
      password: PASSWORD,
    });
    expect(added.status).toBe(200);
    const second = await t.login("dir-kita-2", PASSWORD);
    expect((await second.get("/api/auth/session")).body.audiences).toContain("sdgs.company");
    const taken = await manager.post(`/api/sdgs/companies/${ids.kita}/logins`, {
      loginId: "dir-kita",
      displayName: "重複",
      password: PASSWORD,
    });
    expect(taken.status).toBe(400);
    expect(taken.body.error.fields.loginId).toBeTruthy();
    expect(
      (await viewer.post(`/api/sdgs/companies/${ids.kita}/logins`, { loginId: "x-view", displayName: "x", password: PASSWORD })).status,
    ).toBe(403);
  });
});
