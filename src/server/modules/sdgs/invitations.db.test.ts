// 旧登録制度の登録者への招待 over HTTP on a real database: the former registrants' file imports all or nothing with
// a row-level report (a 法人番号 whose check digit fails, a missing name, a 登録番号 twice), in UTF-8 and in CP932;
// the same file twice adds nobody; the links come back once as a CSV; a link opens the public page, makes the account
// (keeping the 登録番号) and is then used; used, expired and unknown links are the same 404; a reissue kills the old link.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RegisterBody } from "../../../common/api/sdgs-accounts";
import { withCheckDigit } from "../../../common/sdgs/corporate-number";
import { encodeCp932 } from "../../platform/tabular/cp932";
import { createTestApp, type TestApp, type TestClient } from "../../testing/app";
import { buildCity } from "../../testing/factories";
import { setSdgsOwner } from "./access";

let t: TestApp;
let manager: TestClient;
let viewer: TestClient;
let anonymous: TestClient;

const SAMPLE = readFileSync(new URL("./samples/former-registrants.csv", import.meta.url), "utf8");
const IMPORT = "/api/sdgs/invitations/import";
const PASSWORD = "Kitakyushu-2026-sdgs";
const utf8 = (text: string) => new TextEncoder().encode(text);

beforeAll(async () => {
  t = await createTestApp();
  const city = await buildCity(t.db);
  await setSdgsOwner(t.db, city.bureau.id);
  manager = await t.login(city.editor.loginId, city.editor.password);
  viewer = await t.login(city.viewer.loginId, city.viewer.password);
  anonymous = t.client();
}, 120_000);
afterAll(() => t?.cleanup());
beforeEach(async () => {
  await t.db.query("DELETE FROM rate_limit_counters WHERE starts_with(bucket, 'sdgs-')");
});

const invitationCount = async () => (await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM sdgs_invitations")).rows[0].n;

/** The sample's lines with some replaced: { line index (1 = first data row): new line }. */
function sampleWith(changes: Record<number, string>): string {
  const lines = SAMPLE.trim().split(/\r?\n/);
  for (const [index, line] of Object.entries(changes)) lines[Number(index)] = line;
  return `${lines.join("\r\n")}\r\n`;
}

function linksOf(body: { linksCsvBase64: string }): { bytes: Buffer; rows: string[][] } {
  const bytes = Buffer.from(body.linksCsvBase64, "base64");
  const text = bytes.subarray(3).toString("utf8");
  return {
    bytes,
    rows: text
      .trim()
      .split("\r\n")
      .map((line) => line.split(",")),
  };
}
const tokenOf = (link: string) => decodeURIComponent(link.split("/public/sdgs/invitation/")[1]);

function profile(overrides: Partial<RegisterBody> = {}): RegisterBody {
  return {
    corporateNumber: "",
    soleProprietor: false,
    companyName: "",
    kana: "サンプルジギョウシャ",
    postalCode: "802-0001",
    address: "北九州市小倉北区浅野1番",
    ward: "kokurakita",
    industry: "E",
    size: "medium",
    employees: 120,
    contactName: "招待 次郎",
    contactEmail: "jiro@example.jp",
    contactPhone: "093-000-1111",
    loginId: "invited-company",
    password: PASSWORD,
    agree: true,
    ...overrides,
  };
}

describe("importing the former registrants", () => {
  it("rejects the whole file with a row-level report when any row is wrong, and imports nothing", async () => {
    const lines = SAMPLE.trim().split(/\r?\n/);
    const second = lines[2].split(",");
    const badDigit = lines[3].replace(/,(\d)(\d{12}),/, (_, d: string, rest: string) => `,${(Number(d) % 9) + 1}${rest},`);
    const text = sampleWith({
      3: badDigit,
      5: lines[5].replace(/,サンプル皿倉建設株式会社,/, ",,"),
      7: [second[0], ...lines[7].split(",").slice(1)].join(","),
    });
    const response = await manager.upload(IMPORT, "旧登録者.csv", utf8(text));
    expect(response.status).toBe(200);
    expect(response.body.ok).toBe(false);
    const errors = response.body.errors as { row: number; column?: string; message: string }[];
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 4, column: "法人番号", message: expect.stringContaining("チェックデジット") }),
        expect.objectContaining({ row: 6, column: "事業者名", message: expect.stringContaining("事業者名を入力してください") }),
        // the cross-row problem shows in the same report, read from the raw cells
        { row: 8, column: "登録番号", message: "登録番号 KSDGs-S-0002 が重複しています（3行目）" },
      ]),
    );
    expect(await invitationCount()).toBe(0);
    // the whole report is a file the uploader downloads
    const report = await manager.get(`/api/files/${response.body.reportFileId}`);
    expect(report.status).toBe(200);

    // and on its own, when every cell is right
    const onlyDuplicate = sampleWith({ 7: [second[0], ...lines[7].split(",").slice(1)].join(",") });
    const dup = await manager.upload(IMPORT, "旧登録者.csv", utf8(onlyDuplicate));
    expect(dup.body.ok).toBe(false);
    expect(dup.body.errors).toEqual([{ row: 8, column: "登録番号", message: "登録番号 KSDGs-S-0002 が重複しています（3行目）" }]);
    expect(await invitationCount()).toBe(0);
  });

  it("imports the sample as 10 invitations with a CSV of links, and the same file again adds nobody", async () => {
    const response = await manager.upload(IMPORT, "former-registrants.csv", utf8(SAMPLE));
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(response.body).toMatchObject({ ok: true, count: 10, duplicate: false });
    const { bytes, rows } = linksOf(response.body);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(rows[0]).toEqual(["事業者名", "登録番号", "担当者名", "メールアドレス", "招待リンク", "有効期限"]);
    expect(rows).toHaveLength(11);
    expect(rows[1].slice(0, 4)).toEqual(["サンプル響灘ものづくり株式会社", "KSDGs-S-0001", "見本 担当1", "sample1@example.invalid"]);
    expect(rows[1][4]).toMatch(/^http:\/\/localhost\/public\/sdgs\/invitation\/[A-Za-z0-9_-]{43}$/);
    expect(rows[1][5]).toMatch(/^令和\d+年\d+月\d+日$/);
    // only hashes are stored
    const { rows: stored } = await t.db.query<{ token_hash: string }>("SELECT token_hash FROM sdgs_invitations");
    expect(stored.map((s) => s.token_hash)).not.toContain(tokenOf(rows[1][4]));
    expect(await invitationCount()).toBe(10);

    const again = await manager.upload(IMPORT, "former-registrants（再送）.csv", utf8(SAMPLE));
    expect(again.body).toMatchObject({ ok: true, count: 0, duplicate: true, linksCsvBase64: null });
    expect(await invitationCount()).toBe(10);

    // another file naming an already invited 登録番号 is refused
    const lines = SAMPLE.trim().split(/\r?\n/);
    const overlap = [lines[0], lines[1]].join("\r\n");
    const refused = await manager.upload(IMPORT, "overlap.csv", utf8(overlap));
    expect(refused.body.ok).toBe(false);
    expect(refused.body.errors[0]).toMatchObject({ row: 2, column: "登録番号", message: expect.stringContaining("すでに招待") });

    // and the list shows them to the bureau, not to other staff
    const list = await manager.get("/api/sdgs/invitations?state=unused&q=響灘");
    expect(list.body.total).toBe(1);
    expect(list.body.counts.unused).toBe(1);
    expect((await viewer.get("/api/sdgs/invitations")).status).toBe(403);
    expect((await viewer.upload(IMPORT, "x.csv", utf8(SAMPLE))).status).toBe(403);
  });

  it("reads a CP932 (Shift_JIS) file as Excel writes it", async () => {
    const text = [
      "登録番号,事業者名,法人番号,担当者名,メールアドレス",
      `KSDGs-C-0001,株式会社髙橋サンプル鉄工～,${withCheckDigit("290077000001")},見本 一郎,c1@example.invalid`,
      "KSDGs-C-0002,サンプル曽根干潟ファーム,,見本 二郎,c2@example.invalid",
    ].join("\r\n");
    const response = await manager.upload(IMPORT, "旧登録者_SJIS.csv", new Uint8Array(encodeCp932(text)));
    expect(response.body).toMatchObject({ ok: true, count: 2 });
    const { rows } = await t.db.query<{ company_name: string }>(
      "SELECT company_name FROM sdgs_invitations WHERE former_registration_number LIKE 'KSDGs-C-%' ORDER BY former_registration_number",
    );
    expect(rows.map((r) => r.company_name)).toEqual(["株式会社髙橋サンプル鉄工~", "サンプル曽根干潟ファーム"]);
  });
});

describe("accepting an invitation", () => {
  let link: string;
  let invitationId: string;

  beforeAll(async () => {
    const made = await manager.post("/api/sdgs/invitations", {
      companyName: "サンプル招待受諾工業株式会社",
      corporateNumber: withCheckDigit("290055000123"),
      contactName: "招待 次郎",
      contactEmail: "jiro@example.jp",
      formerRegistrationNumber: "KSDGs-A-0001",
    });
    expect(made.status).toBe(200);
    link = made.body.link;
    invitationId = made.body.invitation.id;
  });

  it("shows the company name and 登録番号 to the link's holder, no contact", async () => {
    const response = await anonymous.get(`/api/public/sdgs/invitations/${encodeURIComponent(tokenOf(link))}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ companyName: "サンプル招待受諾工業株式会社", formerRegistrationNumber: "KSDGs-A-0001" });
    expect(JSON.stringify(response.body)).not.toMatch(/jiro|招待 次郎/);
  });

  it("makes the account as a sign-up does, keeps the 登録番号 and marks the invitation used", async () => {
    const token = encodeURIComponent(tokenOf(link));
    const body = profile({ companyName: "サンプル招待受諾工業株式会社", corporateNumber: withCheckDigit("290055000123") });
    const response = await anonymous.post(`/api/public/sdgs/invitations/${token}`, body);
    expect(response.status).toBe(200);
    const { rows } = await t.db.query<{ former_registration_number: string; used: boolean; linked: boolean }>(
      `SELECT c.former_registration_number, i.used_at IS NOT NULL AS used, i.company_id = c.id AS linked
         FROM sdgs_invitations i JOIN sdgs_companies c ON c.id = i.company_id WHERE i.id = $1`,
      [invitationId],
    );
    expect(rows).toEqual([{ former_registration_number: "KSDGs-A-0001", used: true, linked: true }]);
    const company = await t.login("invited-company", PASSWORD);
    expect((await company.get("/api/auth/session")).body.audiences).toContain("sdgs.company");

    // used now: the same 404 as an unknown or expired link, for the page and for a second use
    const used = await anonymous.get(`/api/public/sdgs/invitations/${token}`);
    const unknown = await anonymous.get("/api/public/sdgs/invitations/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    expect(used.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(used.body.error.message).toBe(unknown.body.error.message);
    const twice = await anonymous.post(
      `/api/public/sdgs/invitations/${token}`,
      profile({ companyName: "二度目", loginId: "second-try", corporateNumber: withCheckDigit("290055000999") }),
    );
    expect(twice.status).toBe(404);
    // and it can be neither reissued nor deleted
    expect((await manager.post(`/api/sdgs/invitations/${invitationId}/reissue`)).status).toBe(409);
    expect((await manager.delete(`/api/sdgs/invitations/${invitationId}`)).status).toBe(409);
  });

  it("answers an expired link with the same 404", async () => {
    const made = await manager.post("/api/sdgs/invitations", { companyName: "サンプル期限切れ商事", contactEmail: "old@example.jp" });
    await t.db.query("UPDATE sdgs_invitations SET expires_at = now() - interval '1 minute' WHERE id = $1", [made.body.invitation.id]);
    const response = await anonymous.get(`/api/public/sdgs/invitations/${encodeURIComponent(tokenOf(made.body.link))}`);
    expect(response.status).toBe(404);
    expect(response.body.error.message).toBe("招待リンクが見つかりません。");
    const list = await manager.get("/api/sdgs/invitations?state=expired");
    expect(list.body.items.map((i: { companyName: string }) => i.companyName)).toContain("サンプル期限切れ商事");
  });

  it("reissues a link: the old one dies, the new one works; an unused invitation can be deleted", async () => {
    const made = await manager.post("/api/sdgs/invitations", { companyName: "サンプル再発行運輸", contactEmail: "re@example.jp" });
    const old = encodeURIComponent(tokenOf(made.body.link));
    const reissued = await manager.post(`/api/sdgs/invitations/${made.body.invitation.id}/reissue`);
    expect(reissued.status).toBe(200);
    const fresh = encodeURIComponent(tokenOf(reissued.body.link));
    expect(fresh).not.toBe(old);
    expect((await anonymous.get(`/api/public/sdgs/invitations/${old}`)).status).toBe(404);
    expect((await anonymous.get(`/api/public/sdgs/invitations/${fresh}`)).status).toBe(200);
    expect((await manager.delete(`/api/sdgs/invitations/${made.body.invitation.id}`)).status).toBe(200);
    expect((await anonymous.get(`/api/public/sdgs/invitations/${fresh}`)).status).toBe(404);
    const { rows } = await t.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE entity_type = 'sdgs_invitation' AND entity_id = $1 ORDER BY id",
      [made.body.invitation.id],
    );
    expect(rows.map((r) => r.action)).toEqual(["issue", "reissue", "delete"]);
  });

  it("refuses to invite a 登録番号 twice", async () => {
    const again = await manager.post("/api/sdgs/invitations", {
      companyName: "サンプル重複",
      contactEmail: "dup@example.jp",
      formerRegistrationNumber: "KSDGs-S-0001",
    });
    expect(again.status).toBe(409);
    expect(again.body.error.fields.formerRegistrationNumber).toContain("すでに招待");
  });
});
