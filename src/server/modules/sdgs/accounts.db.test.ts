// 申請企業のアカウント登録 over HTTP on a real database: a sign-up makes an external organisation, its company and
// a partner login that then acts as the company (the sdgs.company audience); a 法人番号 whose check digit fails is a
// 400 with the message, a taken 法人番号 or login id a 409 naming the field only; the 11th sign-up in an hour from
// one address is a 429; and neither the audit log nor the request log holds the contact person, e-mail or phone.
import { Writable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { REGISTER_LIMIT_PER_HOUR, type RegisterBody } from "../../../common/api/sdgs-accounts";
import { CORPORATE_NUMBER_MESSAGES, withCheckDigit } from "../../../common/sdgs/corporate-number";
import { buildApp } from "../../app";
import { loadConfig } from "../../config";
import { createLogger } from "../../platform/logger";
import { createTestApp, type TestApp, TestClient } from "../../testing/app";
import { buildCity } from "../../testing/factories";
import { clearOfWindowEdges } from "../../testing/rate-windows";
import { setSdgsOwner } from "./access";

let t: TestApp;
let anonymous: TestClient;
let seq = 0;

beforeAll(async () => {
  t = await createTestApp();
  const city = await buildCity(t.db);
  await setSdgsOwner(t.db, city.bureau.id);
  anonymous = t.client();
}, 120_000);
afterAll(() => t?.cleanup());
// every test starts with a fresh hour of sign-ups from the test's address
beforeEach(async () => {
  await t.db.query("DELETE FROM rate_limit_counters WHERE starts_with(bucket, 'sdgs-')");
});

const PASSWORD = "Kitakyushu-2026-sdgs";

/** A valid sign-up with a fresh 法人番号 and login id. */
function signUp(overrides: Partial<RegisterBody> = {}): RegisterBody {
  seq++;
  return {
    corporateNumber: withCheckDigit(String(290001000000 + seq * 7919).padStart(12, "0")),
    companyName: `テスト登録工業${seq}`,
    kana: "テストトウロクコウギョウ",
    postalCode: "8028501",
    address: "北九州市小倉北区城内1番1号",
    ward: "kokurakita",
    industry: "E",
    size: "small",
    employees: 42,
    contactName: `登録 花子${seq}`,
    contactEmail: `hanako${seq}@example.jp`,
    contactPhone: "093-582-2102",
    loginId: `signup${seq}`,
    password: PASSWORD,
    agree: true,
    ...overrides,
  };
}

describe("a company's sign-up", () => {
  it("creates an external organisation, the company and a partner login that then acts as the company", async () => {
    const body = signUp();
    const response = await anonymous.post("/api/public/sdgs/register", body);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ok: true, loginId: body.loginId, loginPath: "/login" });

    const { rows } = await t.db.query<{
      kind: string;
      corporate_number: string;
      postal_code: string;
      contact_email: string;
      role: string;
      display_name: string;
    }>(
      `SELECT o.kind, c.corporate_number, c.postal_code, c.contact_email, u.role, u.display_name
         FROM sdgs_companies c JOIN organisations o ON o.id = c.organisation_id JOIN users u ON u.organisation_id = o.id
        WHERE u.login_id = $1`,
      [body.loginId],
    );
    expect(rows).toEqual([
      {
        kind: "external",
        corporate_number: body.corporateNumber,
        postal_code: "802-8501",
        contact_email: body.contactEmail,
        role: "partner",
        display_name: body.companyName,
      },
    ]);

    const company = await t.login(body.loginId as string, PASSWORD);
    const session = await company.get("/api/auth/session");
    expect(session.body.audiences).toContain("sdgs.company");
    // …and is not staff: the staff's company list is closed to it
    expect((await company.get("/api/sdgs/companies")).status).toBe(403);
  });

  it("takes a 法人番号 typed in full-width digits with hyphens, and a 個人事業主 without one", async () => {
    const base = signUp();
    const wide = String(base.corporateNumber).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    const typed = `${wide.slice(0, 1)}-${wide.slice(1, 5)}-${wide.slice(5, 9)}-${wide.slice(9)}`;
    expect((await anonymous.post("/api/public/sdgs/register", { ...base, corporateNumber: typed })).status).toBe(200);
    const sole = signUp({ corporateNumber: "", soleProprietor: true, size: "micro" });
    expect((await anonymous.post("/api/public/sdgs/register", sole)).status).toBe(200);
    const { rows } = await t.db.query("SELECT corporate_number FROM sdgs_companies WHERE name = $1", [sole.companyName]);
    expect(rows).toEqual([{ corporate_number: null }]);
    // without 個人事業主, the number is required
    const missing = await anonymous.post("/api/public/sdgs/register", signUp({ corporateNumber: "" }));
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields.corporateNumber).toContain("法人番号を入力してください");
  });

  it("refuses a 法人番号 whose check digit fails with a 400 and the message, and writes nothing", async () => {
    const good = String(signUp().corporateNumber);
    const bad = `${(Number(good[0]) % 9) + 1}${good.slice(1)}`;
    const body = signUp({ corporateNumber: bad });
    const response = await anonymous.post("/api/public/sdgs/register", body);
    expect(response.status).toBe(400);
    expect(response.body.error.fields.corporateNumber).toBe(CORPORATE_NUMBER_MESSAGES.check_digit);
    const { rows } = await t.db.query("SELECT 1 FROM users WHERE login_id = $1", [body.loginId]);
    expect(rows).toHaveLength(0);
  });

  it("refuses a weak password, a missing consent and an unknown key with 400s naming the field", async () => {
    const weak = await anonymous.post("/api/public/sdgs/register", signUp({ password: "short1" }));
    expect(weak.status).toBe(400);
    expect(weak.body.error.fields.password).toContain("12文字以上");
    const noConsent = await anonymous.post("/api/public/sdgs/register", { ...signUp(), agree: false });
    expect(noConsent.status).toBe(400);
    expect(noConsent.body.error.fields.agree).toContain("同意");
    const sneaky = await anonymous.post("/api/public/sdgs/register", { ...signUp(), role: "admin" });
    expect(sneaky.status).toBe(400);
  });

  it("answers a taken 法人番号 or login id with a 409 naming the field, and nothing more", async () => {
    const first = signUp();
    expect((await anonymous.post("/api/public/sdgs/register", first)).status).toBe(200);
    const sameNumber = await anonymous.post("/api/public/sdgs/register", signUp({ corporateNumber: first.corporateNumber }));
    expect(sameNumber.status).toBe(409);
    expect(Object.keys(sameNumber.body.error.fields)).toEqual(["corporateNumber"]);
    expect(JSON.stringify(sameNumber.body)).not.toContain(first.companyName as string);
    const sameLogin = await anonymous.post("/api/public/sdgs/register", signUp({ loginId: first.loginId }));
    expect(sameLogin.status).toBe(409);
    expect(Object.keys(sameLogin.body.error.fields)).toEqual(["loginId"]);
    expect(JSON.stringify(sameLogin.body)).not.toContain(first.companyName as string);
    // two companies of the same name are two organisations
    const twin = signUp({ companyName: first.companyName });
    expect((await anonymous.post("/api/public/sdgs/register", twin)).status).toBe(200);
    const { rows } = await t.db.query<{ name: string }>(
      "SELECT o.name FROM organisations o JOIN sdgs_companies c ON c.organisation_id = o.id WHERE c.name = $1 ORDER BY o.name",
      [first.companyName],
    );
    expect(rows.map((r) => r.name)).toEqual([first.companyName, `${first.companyName}（2）`]);
  });

  it(`answers the ${REGISTER_LIMIT_PER_HOUR + 1}th sign-up in an hour from one address with 429 and a Japanese message`, async () => {
    await clearOfWindowEdges([[3600, 30]]);
    const first = signUp();
    expect((await anonymous.post("/api/public/sdgs/register", first)).status).toBe(200);
    for (let i = 1; i < REGISTER_LIMIT_PER_HOUR; i++) {
      // refused attempts count too: probing which login ids are taken is limited as well
      const response = await anonymous.post("/api/public/sdgs/register", signUp({ loginId: first.loginId }));
      expect(response.status).toBe(409);
    }
    const over = await anonymous.post("/api/public/sdgs/register", signUp());
    expect(over.status).toBe(429);
    expect(over.body.error.message).toMatch(/待ってから/);
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("keeps the contact person, e-mail and telephone out of the audit log and the request log", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = buildApp({ db: t.db, config: { ...loadConfig({}), loadDemoData: false }, log: createLogger("debug", sink), jobs: null });
    const logged = new TestClient(app);
    const body = signUp({ contactName: "秘密 太郎", contactEmail: "himitsu.taro@example.jp", contactPhone: "093-111-2222" });
    expect((await logged.post("/api/public/sdgs/register", body)).status).toBe(200);
    // a refused one too: its validation message must not echo them either
    await logged.post("/api/public/sdgs/register", { ...body, loginId: "x" });
    const { rows } = await t.db.query<{ text: string }>(
      "SELECT concat_ws(' ', actor_label, summary, before::text, after::text) AS text FROM audit_log",
    );
    const audit = rows.map((r) => r.text).join("\n");
    expect(audit).toContain(body.companyName);
    expect(lines.join("")).toContain("/api/public/sdgs/register");
    for (const secret of ["秘密 太郎", "秘密", "himitsu.taro", "093-111-2222", PASSWORD]) {
      expect(audit).not.toContain(secret);
      expect(lines.join("")).not.toContain(secret);
    }
  });
});
