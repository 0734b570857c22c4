// The public registry over HTTP without sign-in, on the module's sample data: only certifications valid today appear
// (never a revoked, expired or superseded one), the answers carry exactly the published keys (no contact person,
// e-mail, telephone, address line or employees, nested keys included), the search finds a company by name, フリガナ,
// 法人番号, certificate number or one of its goals (NFKC: full-width input matches), the open data CSV has a BOM,
// Japanese headers and guarded formulas, 認証の確認 answers each state, and the API is rate-limited (429).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInJapan } from "../../../common/dates";
import type { TestApp, TestClient } from "../../testing/app";
import { clearOfWindowEdges } from "../../testing/rate-windows";
import { buildRegistryWorld } from "./registry.fixture";
import { REGISTRY_CSV_HEADER } from "./registry-service";

let t: TestApp;
let anonymous: TestClient;
let today: string;

beforeAll(async () => {
  ({ t } = await buildRegistryWorld());
  anonymous = t.client();
  today = todayInJapan();
}, 120_000);
afterAll(() => t?.cleanup());

const LIST = "/api/public/sdgs/certified";
const list = async (query: Record<string, string> = {}) => {
  const response = await anonymous.get(`${LIST}?${new URLSearchParams({ pageSize: "100", ...query })}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as { items: Record<string, any>[]; total: number; choices: Record<string, any[]>; asOf: string };
};
const numbers = (items: Record<string, any>[]) => items.map((i) => String(i.certificateNumber)).sort();

/** The numbers valid today, worked out here with SQL of the test's own. */
async function validNumbers(): Promise<string[]> {
  const { rows } = await t.db.query<{ number: string }>(
    "SELECT number FROM sdgs_certifications WHERE status = 'active' AND valid_from <= $1::date AND valid_until >= $1::date ORDER BY number",
    [today],
  );
  return rows.map((r) => r.number);
}

async function certificationOf(companyName: string) {
  const { rows } = await t.db.query<{ id: string; number: string; company_id: string; corporate_number: string; name_kana: string }>(
    `SELECT ce.id, ce.number, ce.company_id, co.corporate_number, co.name_kana FROM sdgs_certifications ce
       JOIN sdgs_companies co ON co.id = ce.company_id WHERE co.name = $1 ORDER BY ce.valid_from DESC LIMIT 1`,
    [companyName],
  );
  return rows[0];
}

const ITEM_KEYS = [
  "certificateNumber",
  "companyName",
  "corporateNumber",
  "goals",
  "industry",
  "industryLabel",
  "isSample",
  "tierName",
  "tierRank",
  "validFrom",
  "validUntil",
  "ward",
  "wardLabel",
];
const GOAL_KEYS = ["kpi", "sdgGoals", "target", "targetYear", "title", "unit"];
const CHECK_KEYS = [
  "asOf",
  "certificateNumber",
  "companyName",
  "corporateNumber",
  "isSample",
  "state",
  "stateLabel",
  "successorNumber",
  "tierName",
  "tierRank",
  "validFrom",
  "validUntil",
];

describe("the public list of certified companies", () => {
  it("shows exactly the certifications valid today, to a caller who is not signed in", async () => {
    const body = await list();
    const expected = await validNumbers();
    expect(expected.length).toBeGreaterThanOrEqual(5);
    expect(numbers(body.items)).toEqual(expected);
    expect(body.total).toBe(expected.length);
    expect(body.asOf).toBe(today);
    // the revoked sample (関門商事) is not there
    const revoked = await t.db.query<{ number: string }>("SELECT number FROM sdgs_certifications WHERE status = 'revoked'");
    expect(revoked.rows.length).toBeGreaterThan(0);
    for (const r of revoked.rows) expect(numbers(body.items)).not.toContain(r.number);
    expect(body.items.every((i) => i.isSample)).toBe(true);
  });

  it("answers exactly the published keys, nested ones included: nothing personal", async () => {
    const body = await list();
    expect(Object.keys(body).sort()).toEqual(["asOf", "choices", "items", "page", "pageSize", "total"]);
    expect(Object.keys(body.choices).sort()).toEqual(["industries", "tiers", "wards"]);
    for (const item of body.items) {
      expect(Object.keys(item).sort()).toEqual(ITEM_KEYS);
      expect(item.goals.length).toBeGreaterThanOrEqual(3);
      for (const goal of item.goals) {
        expect(Object.keys(goal).sort()).toEqual(GOAL_KEYS);
        for (const n of goal.sdgGoals) expect(n).toBeGreaterThanOrEqual(1);
      }
    }
    const text = JSON.stringify(body);
    for (const personal of ["@example.jp", "093-000-0000", "担当 太郎", "800-0000", "福岡県北九州市"]) expect(text).not.toContain(personal);
  });

  it("drops a certification the day after it ends, and one that was superseded", async () => {
    const ended = await certificationOf("門司港運輸株式会社");
    const superseded = await certificationOf("社会福祉法人きたきゅう福祉会");
    expect(ended && superseded).toBeTruthy();
    const saved = await snapshot([ended.id, superseded.id]);
    try {
      await t.db.query("UPDATE sdgs_certifications SET valid_from = $2::date - 1000, valid_until = $2::date - 1 WHERE id = $1", [
        ended.id,
        today,
      ]);
      await t.db.query("UPDATE sdgs_certifications SET status = 'superseded' WHERE id = $1", [superseded.id]);
      const shown = numbers((await list()).items);
      expect(shown).not.toContain(ended.number);
      expect(shown).not.toContain(superseded.number);
      expect(shown).toEqual(await validNumbers());
    } finally {
      await restore(saved);
    }
    expect(numbers((await list()).items)).toContain(ended.number);
  });

  it("keeps a certification renewed early until its successor starts, then shows the successor only", async () => {
    const old = await certificationOf("門司港運輸株式会社");
    const next = await certificationOf("株式会社紫川システムズ");
    const saved = await snapshot([old.id, next.id]);
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    try {
      // the renewal's validity starts tomorrow; the committee has already superseded the old certification
      await t.db.query("UPDATE sdgs_certifications SET status = 'superseded' WHERE id = $1", [old.id]);
      await t.db.query("UPDATE sdgs_certifications SET previous_certification_id = $1, valid_from = $2::date WHERE id = $3", [
        old.id,
        tomorrow,
        next.id,
      ]);
      let shown = numbers((await list()).items);
      expect(shown).toContain(old.number);
      expect(shown).not.toContain(next.number);
      await t.db.query("UPDATE sdgs_certifications SET valid_from = $2::date WHERE id = $1", [next.id, today]);
      shown = numbers((await list()).items);
      expect(shown).not.toContain(old.number);
      expect(shown).toContain(next.number);
    } finally {
      await t.db.query("UPDATE sdgs_certifications SET previous_certification_id = NULL WHERE id = $1", [next.id]);
      await restore(saved);
    }
  });

  it("filters by tier, ward and industry, and pages", async () => {
    const all = await list();
    const tier = all.choices.tiers[0];
    const byTier = await list({ tier: tier.name });
    expect(byTier.items.length).toBeGreaterThan(0);
    expect(byTier.items.every((i) => i.tierName === tier.name)).toBe(true);
    expect(byTier.total).toBe(all.items.filter((i) => i.tierName === tier.name).length);
    const ward = all.items[0].ward;
    const byWard = await list({ ward });
    expect(byWard.items.map((i) => i.certificateNumber).sort()).toEqual(numbers(all.items.filter((i) => i.ward === ward)));
    const industry = all.items[0].industry;
    const byIndustry = await list({ industry });
    expect(numbers(byIndustry.items)).toEqual(numbers(all.items.filter((i) => i.industry === industry)));
    const page1 = await list({ pageSize: "2", page: "1" });
    const page2 = await list({ pageSize: "2", page: "2" });
    expect(page1.items.length).toBe(2);
    expect(page1.total).toBe(all.total);
    expect(page2.items[0].certificateNumber).not.toBe(page1.items[0].certificateNumber);
    expect((await anonymous.get(`${LIST}?ward=tokyo`)).status).toBe(400);
  });
});

async function snapshot(ids: string[]) {
  const { rows } = await t.db.query<{ id: string; status: string; valid_from: string; valid_until: string; revoked_at: string | null }>(
    "SELECT id, status, valid_from::text AS valid_from, valid_until::text AS valid_until, revoked_at::text AS revoked_at FROM sdgs_certifications WHERE id = ANY($1::uuid[])",
    [ids],
  );
  return rows;
}
async function restore(rows: Awaited<ReturnType<typeof snapshot>>) {
  for (const r of rows)
    await t.db.query(
      "UPDATE sdgs_certifications SET status = $2, valid_from = $3, valid_until = $4, revoked_at = $5::timestamptz WHERE id = $1",
      [r.id, r.status, r.valid_from, r.valid_until, r.revoked_at],
    );
}

describe("the registry's search (q)", () => {
  it("finds a company by its name, フリガナ, 法人番号, certificate number or one of its goals", async () => {
    const kokura = await certificationOf("小倉精機工業株式会社");
    expect(numbers((await list({ q: "小倉精機" })).items)).toEqual([kokura.number]);
    expect(numbers((await list({ q: "コクラセイキ" })).items)).toEqual([kokura.number]);
    expect(numbers((await list({ q: kokura.corporate_number })).items)).toEqual([kokura.number]);
    expect(numbers((await list({ q: kokura.number })).items)).toEqual([kokura.number]);
    // full-width digits and half-width kana are NFKC-normalised
    const fullWidth = kokura.corporate_number.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    expect(numbers((await list({ q: fullWidth })).items)).toEqual([kokura.number]);
    expect(numbers((await list({ q: "ｺｸﾗｾｲｷ" })).items)).toEqual([kokura.number]);
    // a goal's title: every valid certification whose application has that goal, counted here with SQL
    const { rows } = await t.db.query<{ number: string }>(
      `SELECT DISTINCT ce.number FROM sdgs_certifications ce JOIN sdgs_application_goals g ON g.application_id = ce.application_id
        WHERE g.title LIKE '%再生可能エネルギー%' AND ce.status = 'active' AND ce.valid_from <= $1::date AND ce.valid_until >= $1::date
        ORDER BY ce.number`,
      [today],
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(numbers((await list({ q: "再生可能エネルギー" })).items)).toEqual(rows.map((r) => r.number));
    // two words: both must match
    expect(numbers((await list({ q: "小倉精機 再生可能エネルギー" })).items)).toEqual([]);
    // never a company without a valid certification (a draft applicant, the revoked one), nor by a contact's data
    expect((await list({ q: "足立印刷" })).items).toEqual([]);
    expect((await list({ q: "関門商事" })).items).toEqual([]);
    expect((await list({ q: "担当 太郎" })).items).toEqual([]);
    expect((await list({ q: "example.jp" })).items).toEqual([]);
    // LIKE's wildcards are taken literally
    expect((await list({ q: "%" })).items).toEqual([]);
  });
});

describe("the open data (CSV)", () => {
  it("has a BOM, the Japanese header, every valid row (no paging) and formulas guarded", async () => {
    const kokura = await certificationOf("小倉精機工業株式会社");
    await t.db.query("UPDATE sdgs_companies SET name = '=HYPERLINK(\"http://evil.example/\")' WHERE id = $1", [kokura.company_id]);
    try {
      const response = await anonymous.get("/api/public/sdgs/certified.csv");
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toContain("text/csv");
      expect(response.headers.get("content-disposition")).toContain("attachment");
      expect([...response.raw.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(response.raw.slice(3));
      const lines = text.trim().split("\r\n");
      expect(lines[0]).toBe(REGISTRY_CSV_HEADER.join(","));
      expect(lines[0]).toBe("認証番号,事業者名,法人番号,認証区分,有効期間の開始,有効期間の終了,区,業種,目標");
      expect(lines.length - 1).toBe((await validNumbers()).length);
      const row = lines.find((l) => l.startsWith(kokura.number))!;
      expect(row).toContain(`"'=HYPERLINK(""http://evil.example/"")"`);
      expect(row).toContain("（SDGs ");
      expect(text).not.toContain("@example.jp");
      // the same filters as the list
      const filtered = await anonymous.get(`/api/public/sdgs/certified.csv?${new URLSearchParams({ q: kokura.number })}`);
      expect(new TextDecoder().decode(filtered.raw.slice(3)).trim().split("\r\n").length).toBe(2);
    } finally {
      await t.db.query("UPDATE sdgs_companies SET name = '小倉精機工業株式会社' WHERE id = $1", [kokura.company_id]);
    }
  });
});

describe("認証の確認 by number", () => {
  const check = (number: string) => anonymous.get(`/api/public/sdgs/certificates/${encodeURIComponent(number)}`);

  it("answers valid, with the company, tier and validity, and exactly the published keys", async () => {
    const kokura = await certificationOf("小倉精機工業株式会社");
    const response = await check(kokura.number);
    expect(response.status).toBe(200);
    expect(Object.keys(response.body).sort()).toEqual(CHECK_KEYS);
    expect(response.body).toMatchObject({ state: "valid", stateLabel: "有効", companyName: "小倉精機工業株式会社", successorNumber: null });
    // typed in lower case or full width, it is the same number
    expect((await check(kokura.number.toLowerCase())).body.state).toBe("valid");
  });

  it("answers revoked, expired, superseded (with its successor) and not yet valid", async () => {
    const revoked = await t.db.query<{ number: string }>("SELECT number FROM sdgs_certifications WHERE status = 'revoked' LIMIT 1");
    expect((await check(revoked.rows[0].number)).body).toMatchObject({ state: "revoked", stateLabel: "取消し" });

    const ended = await certificationOf("門司港運輸株式会社");
    const old = await certificationOf("社会福祉法人きたきゅう福祉会");
    const next = await certificationOf("黒崎電機株式会社");
    const future = await certificationOf("若戸リサイクル株式会社");
    const saved = await snapshot([ended.id, old.id, next.id, future.id]);
    try {
      await t.db.query("UPDATE sdgs_certifications SET valid_from = $2::date - 1000, valid_until = $2::date - 1 WHERE id = $1", [
        ended.id,
        today,
      ]);
      await t.db.query("UPDATE sdgs_certifications SET status = 'superseded' WHERE id = $1", [old.id]);
      await t.db.query("UPDATE sdgs_certifications SET previous_certification_id = $2 WHERE id = $1", [next.id, old.id]);
      await t.db.query("UPDATE sdgs_certifications SET valid_from = $2::date + 10, valid_until = $2::date + 1000 WHERE id = $1", [
        future.id,
        today,
      ]);
      expect((await check(ended.number)).body).toMatchObject({ state: "expired" });
      expect((await check(old.number)).body).toMatchObject({ state: "superseded", successorNumber: next.number });
      expect((await check(future.number)).body).toMatchObject({ state: "not_yet_valid" });
      expect(numbers((await list()).items)).not.toContain(future.number);
    } finally {
      await t.db.query("UPDATE sdgs_certifications SET previous_certification_id = NULL WHERE id = $1", [next.id]);
      await restore(saved);
    }
  });

  it("answers an unknown number with a 404 and a clear message, and a malformed one with a 400", async () => {
    const unknown = await check("KSM-2099-9999");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain("KSM-2099-9999");
    expect(unknown.body.error.message).toContain("お確かめください");
    const malformed = await check("ABC");
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toContain("KSM-2025-0001");
  });
});

describe("the rate limit", () => {
  it("answers 429 with Retry-After and a Japanese message once an address passes the limit in a minute", async () => {
    await clearOfWindowEdges([[60, 20]]);
    let first429 = 0;
    let answer: Awaited<ReturnType<typeof anonymous.get<any>>> | null = null;
    for (let i = 1; i <= 121; i++) {
      const response = await anonymous.get("/api/public/sdgs/certificates/KSM-2099-0001");
      if (response.status === 429) {
        first429 = i;
        answer = response;
        break;
      }
      expect(response.status).toBe(404);
    }
    // the check's own limit is 120 a minute (this file's earlier calls in the same minute count too)
    expect(first429).toBeGreaterThan(0);
    expect(answer?.headers.get("retry-after")).toMatch(/^[0-9]+$/);
    expect(answer?.body.error.code).toBe("too_many_requests");
    expect(answer?.body.error.message).toContain("1分間に120回まで");
    const { rows } = await t.db.query<{ hits: number }>(
      "SELECT hits FROM rate_limit_counters WHERE bucket = 'sdgs.public.check:unknown' ORDER BY window_start DESC LIMIT 1",
    );
    expect(rows[0].hits).toBe(121);
  });
});
