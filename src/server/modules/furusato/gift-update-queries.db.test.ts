// Issue 13: one gift update over HTTP, counted in database statements (the session look-up, the access check, the
// write with its audit and search entry, and the detail the page shows next). Before the layers were tidied it read
// the gift row six times in 23 statements (24 for a supplier); the bound below is half of that.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GiftDetails } from "../../../common/furusato/gift-schema";
import type { Db, Queryable } from "../../db/database";
import { createTestApp, type TestApp, type TestClient } from "../../testing/app";
import { buildCity, TEST_PASSWORD } from "../../testing/factories";
import { setFurusatoOwner } from "./access";
import * as repo from "./repository";
import { SHIPPED_PORTALS } from "./shipped-templates";

/** Statements before the change (measured with this test): the bound is half of it. */
const BEFORE = 23;

const details: GiftDetails = {
  title: "門司港バナナのケーキ",
  catchCopy: "門司港の名物",
  description: "門司港で生まれたバナナのたたき売りにちなんだケーキです。",
  contents: "ケーキ 1本",
  shippingSize: "60",
  temperature: "常温",
  handlingNotes: "",
  allergens: { 小麦: "あり", 乳: "あり" },
  bestBefore: "製造から30日",
  originOfIngredients: "福岡県北九州市",
  placeOfProcessing: "北九州市門司区",
  applicationPeriod: { from: null, until: null },
  deliveryPeriod: "通年",
  limitedQuantity: null,
  noshi: true,
  wrapping: false,
  imageUrls: [],
  subscription: null,
  localProductType: "3",
  localProductReason: "市内で製造・加工した菓子である。",
  rawMaterialSamePrefecture: null,
  evidenceFileIds: [],
  certifications: [],
};

let t: TestApp;
let manager: TestClient;
let supplier: TestClient;
let otherSupplier: TestClient;
let giftId: string;
const sqlSeen: string[] = [];
let counting = false;

/** Every statement on the app's database, in or out of a transaction, while `counting` is on. */
function countStatements(db: Db): void {
  const query = db.query.bind(db);
  const transaction = db.transaction.bind(db);
  const counted = (inner: Queryable): Queryable => ({
    query: (sql, params) => {
      if (counting) sqlSeen.push(sql);
      return inner.query(sql, params);
    },
  });
  const target = db as { query: Db["query"]; transaction: Db["transaction"] };
  target.query = ((sql: string, params?: readonly unknown[]) => counted({ query }).query(sql, params)) as Db["query"];
  target.transaction = ((fn: (tx: Queryable) => Promise<unknown>) => {
    if (counting) sqlSeen.push("BEGIN … COMMIT");
    return transaction((tx) => fn(counted(tx)));
  }) as Db["transaction"];
}

async function counted<T>(fn: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  sqlSeen.length = 0;
  counting = true;
  try {
    const result = await fn();
    return { result, statements: [...sqlSeen] };
  } finally {
    counting = false;
  }
}

beforeAll(async () => {
  t = await createTestApp();
  const city = await buildCity(t.db);
  await setFurusatoOwner(t.db, city.bureau.id);
  await t.db.transaction(async (tx) => {
    for (const [index, portal] of SHIPPED_PORTALS.slice(0, 2).entries()) await repo.upsertPortal(tx, { ...portal, sortOrder: index });
  });
  manager = await t.login(city.editor.loginId, TEST_PASSWORD);
  const created = await manager.post("/api/furusato/suppliers", {
    code: "MJ",
    name: "門司菓子店",
    contactName: "",
    contactPhone: "",
    contactEmail: "",
    address: "",
    bank: {},
  });
  await manager.post(`/api/furusato/suppliers/${created.body.id}/users`, {
    loginId: "mj-staff",
    displayName: "門司菓子店 担当",
    password: "Moji-banana-2025",
  });
  supplier = await t.login("mj-staff", "Moji-banana-2025");
  const other = await manager.post("/api/furusato/suppliers", {
    code: "YW",
    name: "八幡製菓",
    contactName: "",
    contactPhone: "",
    contactEmail: "",
    address: "",
    bank: {},
  });
  await manager.post(`/api/furusato/suppliers/${other.body.id}/users`, {
    loginId: "yw-staff",
    displayName: "八幡製菓 担当",
    password: "Yahata-sweets-2025",
  });
  otherSupplier = await t.login("yw-staff", "Yahata-sweets-2025");
  const gift = await supplier.post("/api/furusato/gifts", {
    supplierId: created.body.id,
    details,
    procurementCost: 3000,
    shippingCost: 900,
    costEffectiveFrom: "2025-04-01",
  });
  giftId = gift.body.id;
  await manager.put(`/api/furusato/gifts/${giftId}/listings/${SHIPPED_PORTALS[0].code}`, {
    donationAmount: 13000,
    titleVariant: "",
    stock: 50,
    listingDate: "2025-06-01",
  });
  countStatements(t.db);
});
afterAll(() => t.cleanup());

describe("issue 13: a gift update's database work", () => {
  it("item 13: a staff member's gift update takes at most half of the statements it took before", async () => {
    const before = (await manager.get(`/api/furusato/gifts/${giftId}`)).body;
    const { result: response, statements } = await counted(() =>
      manager.put(`/api/furusato/gifts/${giftId}`, { version: before.version, details: { ...details, title: "門司港バナナケーキ" } }),
    );
    expect(response.status).toBe(200);
    // The answer is the whole detail of the changed gift, as before.
    expect(response.body).toMatchObject({ id: giftId, title: "門司港バナナケーキ", version: before.version + 1, status: "入力中" });
    expect(response.body.listings).toHaveLength(1);
    expect(response.body.suggestions).toHaveLength(2);
    expect(response.body.allowedActions).toEqual(before.allowedActions);
    expect(response.body.costs).toEqual(before.costs);
    expect(statements.length, statements.join("\n")).toBeLessThanOrEqual(BEFORE / 2);
    // The gift row (its select joins costs and the supplier) is read at most twice: before the write and after it.
    expect(
      statements.filter((s) => /JOIN furusato_suppliers s ON s\.id = g\.supplier_id/.test(s)).length,
      statements.join("\n"),
    ).toBeLessThanOrEqual(2);
  });

  it("item 13: a supplier's own update is bounded too, and another supplier's gift stays not found", async () => {
    const before = (await supplier.get(`/api/furusato/gifts/${giftId}`)).body;
    const { result: response, statements } = await counted(() =>
      supplier.put(`/api/furusato/gifts/${giftId}`, { version: before.version, details: { ...details, contents: "ケーキ 2本" } }),
    );
    expect(response.status).toBe(200);
    expect(response.body.details.contents).toBe("ケーキ 2本");
    expect(response.body.canEdit).toBe(true);
    expect(statements.length, statements.join("\n")).toBeLessThanOrEqual(BEFORE / 2);
    // A stale version is still a conflict, and nothing is written.
    const stale = await supplier.put(`/api/furusato/gifts/${giftId}`, { version: before.version, details });
    expect(stale.status).toBe(409);
    const foreign = await otherSupplier.put(`/api/furusato/gifts/${giftId}`, { version: before.version + 1, details });
    expect(foreign.status).toBe(404);
    expect((await supplier.get(`/api/furusato/gifts/${giftId}`)).body.details.contents).toBe("ケーキ 2本");
  });
});
