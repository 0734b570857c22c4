// Text the database cannot store (NUL, unpaired UTF-16 surrogates) is refused by the router with a 400 before any
// handler or SQL sees it: in JSON bodies (values and keys, at any depth), query strings, path parameters and
// multipart fields and file names. The walk below covers every route the app registers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Contract } from "../../../common/api/contract";
import { routeContracts } from "../../app";
import { createTestApp, type TestApp, type TestClient, type TestResponse } from "../../testing/app";
import { buildOrganisation, buildUser, TEST_PASSWORD } from "../../testing/factories";
import { buildLedgerCity } from "../../testing/furusato-ledger";
import { buildVisionPlan } from "../../testing/vision-engagement-fixture";
import { unsafeTextPath } from "./safe-text";

const NUL = "a\u0000b";
const LONE_HIGH = "a\ud800b";
const LONE_LOW = "\udc00b";
const ANY_ID = "00000000-0000-4000-8000-000000000000";

let t: TestApp;
let city: Awaited<ReturnType<typeof buildLedgerCity>>;
let plan: Awaited<ReturnType<typeof buildVisionPlan>>;
let admin: TestClient;
let manager: TestClient;
let supplier: TestClient;
let councilMember: TestClient;
let company: TestClient;
let bank: TestClient;
let reviewer: TestClient;

/** A partner login of a new external organisation; `link` makes the organisation an SDGs company or bank, or the login a reviewer. */
async function sdgsLogin(loginId: string, link: (organisationId: string, userId: string) => Promise<unknown>): Promise<TestClient> {
  const organisation = await buildOrganisation(t.db, { kind: "external", name: `${loginId}の組織` });
  const user = await buildUser(t.db, { role: "partner", organisationId: organisation.id, loginId });
  await link(organisation.id, user.id);
  return t.login(loginId, TEST_PASSWORD);
}

beforeAll(async () => {
  t = await createTestApp();
  city = await buildLedgerCity(t.db);
  plan = await buildVisionPlan(t.db, city);
  admin = await t.login(city.admin.loginId, TEST_PASSWORD);
  manager = await t.login(city.editor.loginId, TEST_PASSWORD); // runs ふるさと納税 and the vision (政策局)
  const supplierId = (await manager.get("/api/furusato/suppliers")).body.items[0].id;
  const supplierLogin = { loginId: "safe-text-supplier", displayName: "事業者 担当", password: "Supplier-login-2025" };
  expect((await manager.post(`/api/furusato/suppliers/${supplierId}/users`, supplierLogin)).status).toBe(200);
  supplier = await t.login(supplierLogin.loginId, supplierLogin.password);
  const member = await manager.post("/api/vision/council/members", { name: "有識 太郎", affiliation: "", isChair: true });
  const memberLogin = { loginId: "safe-text-council", password: "Council-review-2025" };
  expect((await manager.post(`/api/vision/council/members/${member.body.id}/login`, memberLogin)).status).toBe(200);
  councilMember = await t.login(memberLogin.loginId, memberLogin.password);
  company = await sdgsLogin("safe-text-company", (org) =>
    t.db.query("INSERT INTO sdgs_companies (organisation_id, name, industry, size) VALUES ($1, '安全文字株式会社', 'E', 'small')", [org]),
  );
  bank = await sdgsLogin("safe-text-bank", (org) =>
    t.db.query("INSERT INTO sdgs_banks (organisation_id, name) VALUES ($1, '安全文字銀行')", [org]),
  );
  reviewer = await sdgsLogin("safe-text-reviewer", (_, user) => t.db.query("INSERT INTO sdgs_reviewers (user_id) VALUES ($1)", [user]));
}, 90_000);
afterAll(() => t.cleanup());

const auditRows = async () => (await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log")).rows[0].n;

function expectRefused(response: TestResponse<any>, what: string) {
  expect(response.status, `${what}: ${JSON.stringify(response.body)}`).toBe(400);
  expect(response.body.error.code, what).toBe("invalid_text");
  expect(response.body.error.message, what).toMatch(/使用できない文字/);
}

describe("finding 6: the requests the review found answering 500", () => {
  it("finding 6: refuses ?q=%00 on donations, challenges, audit and users with 400", async () => {
    for (const url of ["/api/furusato/donations", "/api/policy/challenges", "/api/admin/audit", "/api/admin/users"]) {
      expectRefused(await admin.get(`${url}?q=%00`), url);
      expect((await admin.get(`${url}?q=${encodeURIComponent("北九州")}`)).status, url).toBe(200);
    }
  });

  it("finding 6: refuses NUL and lone surrogates in the 使途 name, a council member and a moderation note, writing nothing", async () => {
    const before = await auditRows();
    for (const bad of [NUL, LONE_HIGH, LONE_LOW]) {
      expectRefused(await manager.post("/api/furusato/fund-uses", { code: "SAFE1", name: `使途${bad}` }), "fund use");
      expectRefused(await manager.post("/api/vision/council/members", { name: bad, affiliation: "", isChair: false }), "member");
    }
    const declaration = await admin.post("/api/vision/declarations", {
      body: "毎日歩きます。",
      anonymous: false,
      strategyNodeId: plan.earn,
    });
    expect(declaration.status).toBe(200);
    const afterDeclaration = await auditRows();
    expect(afterDeclaration).toBeGreaterThan(before);
    for (const bad of [NUL, LONE_HIGH]) {
      const moderation = await manager.post(`/api/vision/declarations/${declaration.body.id}/moderation`, { status: "掲示中", note: bad });
      expectRefused(moderation, "moderation note");
    }
    expect(await auditRows()).toBe(afterDeclaration);
    // Text that only looks unusual is still taken: a surrogate pair (𠮷), tabs and line breaks.
    const fine = await manager.post("/api/furusato/fund-uses", { code: "SAFE2", name: "𠮷野の\t森づくり" });
    expect(fine.status, JSON.stringify(fine.body)).toBe(200);
  });

  it("finding 6: refuses NUL in a multipart file name and text field", async () => {
    const supplierId = (await manager.get("/api/furusato/suppliers")).body.items[0].id;
    const pdf = new TextEncoder().encode("%PDF-1.4\n%%EOF\n");
    const form = (name: string, title: string) => {
      const data = new FormData();
      data.append("title", title);
      data.append("file", new File([pdf], name));
      return data;
    };
    const url = `/api/furusato/suppliers/${supplierId}/documents`;
    expectRefused(await manager.request("POST", url, form(`許可証${NUL}.pdf`, "営業許可証")), "file name");
    expectRefused(await manager.request("POST", url, form("許可証.pdf", `営業${NUL}許可証`)), "title");
    expect((await manager.request("POST", url, form("許可証.pdf", "営業許可証"))).status).toBe(200);
  });
});

// ------------------------------------------------------------------ every route

function shapeKeys(schema: unknown): string[] {
  let current = schema as { shape?: Record<string, unknown>; def?: { type?: string; in?: unknown; innerType?: unknown } } | undefined;
  for (let i = 0; i < 5 && current; i++) {
    if (current.shape) return Object.keys(current.shape);
    current = (current.def?.in ?? current.def?.innerType) as typeof current;
  }
  return [];
}

const fillPath = (contract: Contract, value: (name: string) => string) =>
  contract.path.replace(/:([A-Za-z_]+)/g, (_, name: string) => value(name));

/** Path parameters that pass the contract (a uuid, a code, a format), so that the body or query is what is tested. */
const validParams = (contract: Contract) =>
  fillPath(contract, (name) => {
    const schema = (contract.params as unknown as { shape?: Record<string, { safeParse(v: unknown): { success: boolean } }> })?.shape?.[
      name
    ];
    return (
      [ANY_ID, "rakuten", "pdf", "csv", "organisations", "projects", "a", "2026", "1", "402044"].find(
        (v) => schema?.safeParse(v).success,
      ) ?? ANY_ID
    );
  });

describe("finding 6: every route refuses unsafe text in every place it reads text", () => {
  let contracts: Contract[];
  let clients: TestClient[];

  beforeAll(async () => {
    contracts = [...routeContracts(t.app)];
    expect(contracts.length).toBeGreaterThan(100);
    clients = [admin, manager, supplier, councilMember, company, bank, reviewer];
  });

  /**
   * Sends the request as each kind of user until one may call the route. A caller outside the route's audience is
   * refused before any input is read (403); the first caller inside it must get 400 invalid_text. Never a 500.
   */
  async function expectEveryRouteRefuses(
    label: string,
    request: (client: TestClient, contract: Contract) => Promise<TestResponse<any>> | null,
  ): Promise<number> {
    let checked = 0;
    for (const contract of contracts) {
      const route = `${label} ${contract.method.toUpperCase()} ${contract.path}`;
      let refused = false;
      for (const client of clients) {
        const sent = request(client, contract);
        if (!sent) break;
        const response = await sent;
        expect(response.status, `${route}: ${JSON.stringify(response.body)}`).not.toBe(500);
        if (response.status === 403 && response.body.error?.code === "forbidden") continue;
        expectRefused(response, route);
        refused = true;
        checked++;
        break;
      }
      if (request(admin, contract)) expect(refused, `${route}: nobody could call it`).toBe(true);
    }
    return checked;
  }

  it("finding 6: query strings (every declared key, and an undeclared q) on every route", async () => {
    const checked = await expectEveryRouteRefuses("query", (client, contract) => {
      const keys = [...new Set([...shapeKeys(contract.query), "q"])];
      const query = keys.map((k) => `${encodeURIComponent(k)}=a%00b`).join("&");
      const url = `${validParams(contract)}?${query}`;
      return client.request(contract.method.toUpperCase(), url, contract.method === "get" ? undefined : {});
    });
    expect(checked).toBe(contracts.length);
  });

  it("finding 6: path parameters on every route that has them", async () => {
    const checked = await expectEveryRouteRefuses("param", (client, contract) => {
      if (!contract.path.includes(":")) return null;
      const url = fillPath(contract, () => "a%00b");
      return client.request(contract.method.toUpperCase(), url, contract.method === "get" ? undefined : {});
    });
    expect(checked).toBe(contracts.filter((c) => c.path.includes(":")).length);
  });

  it("finding 6: JSON bodies (every field, nested values and keys) on every route that takes one", async () => {
    const withBody = contracts.filter((c) => c.body && c.kind !== "multipart");
    const bodies: ((keys: string[]) => unknown)[] = [
      (keys) => Object.fromEntries(keys.map((k) => [k, NUL])),
      (keys) => Object.fromEntries(keys.map((k) => [k, LONE_HIGH])),
      (keys) => Object.fromEntries(keys.map((k) => [k, { nested: ["ok", { deeper: LONE_LOW }] }])),
      () => ({ [`key${NUL}`]: "ok" }),
    ];
    for (const body of bodies) {
      const checked = await expectEveryRouteRefuses("body", (client, contract) => {
        if (!withBody.includes(contract)) return null;
        const keys = shapeKeys(contract.body);
        return client.request(contract.method.toUpperCase(), validParams(contract), body(keys.length ? keys : ["text"]));
      });
      expect(checked).toBe(withBody.length);
    }
  });

  it("finding 6: multipart file names and fields on every upload route", async () => {
    const uploads = contracts.filter((c) => c.kind === "multipart");
    expect(uploads.length).toBeGreaterThanOrEqual(5);
    for (const [fileName, title] of [
      [`x${NUL}.csv`, "ok"],
      ["x.csv", NUL],
    ]) {
      const checked = await expectEveryRouteRefuses("multipart", (client, contract) => {
        if (!uploads.includes(contract)) return null;
        const form = new FormData();
        form.append("title", title);
        form.append("file", new File([new TextEncoder().encode("a,b\n1,2\n")], fileName));
        return client.request("POST", validParams(contract), form);
      });
      expect(checked).toBe(uploads.length);
    }
  });
});

describe("unsafeTextPath", () => {
  it("names where the unsafe text is, and passes well-formed text", () => {
    expect(unsafeTextPath({ a: ["x", { b: NUL }] })).toBe("a.1.b");
    expect(unsafeTextPath({ list: [{ [`k${NUL}`]: 1 }] })).toBe("list.0.ka\ufffdb"); // the key, without the NUL
    expect(unsafeTextPath(LONE_LOW)).toBe("_");
    expect(unsafeTextPath("\ud842\udfb7 𠮷\t\n")).toBeNull();
    expect(unsafeTextPath({ n: 1, b: true, z: null, list: ["ok"] })).toBeNull();
  });
});
