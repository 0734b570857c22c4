// The furusato catalog over HTTP: who may do what (staff of the owner bureau, suppliers, other staff), the
// supplier's proposal reviewed by staff, and a cost rise that turns one portal red.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GiftDetails } from "../../../common/furusato/gift-schema";
import { createTestApp, type TestApp, type TestClient } from "../../testing/app";
import { buildCity, TEST_PASSWORD } from "../../testing/factories";
import { setFurusatoOwner } from "./access";
import * as repo from "./repository";
import { SHIPPED_PORTALS } from "./shipped-templates";

let t: TestApp;
let city: Awaited<ReturnType<typeof buildCity>>;
let manager: TestClient;
let otherStaff: TestClient;
let viewer: TestClient;

const details: GiftDetails = {
  title: "小倉牛ロースステーキ 600g",
  catchCopy: "市内の牧場で育った小倉牛",
  description: "きめ細かなサシが特長の小倉牛ロースを、市内の精肉店がカットしました。",
  contents: "ロース 200g×3枚",
  shippingSize: "80",
  temperature: "冷凍",
  handlingNotes: "到着後は冷凍庫で保管してください。",
  allergens: { 小麦: "なし", 乳: "なし" },
  bestBefore: "冷凍60日",
  originOfIngredients: "福岡県北九州市",
  placeOfProcessing: "北九州市小倉北区",
  applicationPeriod: { from: null, until: null },
  deliveryPeriod: "通年",
  limitedQuantity: 100,
  noshi: true,
  wrapping: true,
  imageUrls: [],
  subscription: null,
  localProductType: "1",
  localProductReason: "市内で生産された牛肉である。",
  rawMaterialSamePrefecture: null,
  evidenceFileIds: [],
  certifications: [],
};

beforeAll(async () => {
  t = await createTestApp();
  city = await buildCity(t.db);
  await setFurusatoOwner(t.db, city.bureau.id);
  await t.db.transaction(async (tx) => {
    for (const [index, portal] of SHIPPED_PORTALS.slice(0, 2).entries()) await repo.upsertPortal(tx, { ...portal, sortOrder: index });
  });
  manager = await t.login(city.editor.loginId, TEST_PASSWORD); // editor of the owner bureau (政策局)
  otherStaff = await t.login(city.otherEditor.loginId, TEST_PASSWORD); // editor of 財政局
  viewer = await t.login(city.viewer.loginId, TEST_PASSWORD);
});
afterAll(() => t.cleanup());

describe("furusato catalog over HTTP", () => {
  let supplierId: string;
  let supplier: TestClient;
  let giftId: string;
  const portals = () => SHIPPED_PORTALS.slice(0, 2).map((p) => p.code);

  it("lets the owner bureau's staff register a supplier and its login; other staff only read", async () => {
    const body = {
      code: "KK",
      name: "小倉畜産",
      contactName: "小倉 花子",
      contactPhone: "093-111-2222",
      contactEmail: "",
      address: "北九州市小倉南区",
      bank: { bankName: "北九州銀行", branchName: "小倉支店", accountType: "普通", accountNumber: "1234567", accountHolder: "ｺｸﾗﾁｸｻﾝ" },
    };
    expect((await otherStaff.post("/api/furusato/suppliers", body)).status).toBe(403);
    const created = await manager.post("/api/furusato/suppliers", body);
    expect(created.status).toBe(200);
    supplierId = created.body.id;
    expect(created.body.bank).toMatchObject({ accountNumber: "1234567", accountHolder: "コクラチクサン" });
    const freeForm = await manager.post("/api/furusato/suppliers", { ...body, code: "KZ", bank: { 口座番号: "1234567" } });
    expect(freeForm.status).toBe(400);
    expect((await viewer.get(`/api/furusato/suppliers/${supplierId}`)).body.bank).toBeNull();
    const account = await manager.post(`/api/furusato/suppliers/${supplierId}/users`, {
      loginId: "kk-staff",
      displayName: "小倉畜産 担当",
      password: "Kokura-beef-2025",
    });
    expect(account.status).toBe(200);
    supplier = await t.login("kk-staff", "Kokura-beef-2025");
  });

  it("lets a supplier propose a gift for itself only and submit it; staff approve it", async () => {
    const other = await manager.post("/api/furusato/suppliers", {
      code: "YH",
      name: "八幡果樹園",
      contactName: "",
      contactPhone: "",
      contactEmail: "",
      address: "",
      bank: {},
    });
    const payload = { details, procurementCost: 9000, shippingCost: 1500, costEffectiveFrom: "令和7年4月1日" };
    expect((await supplier.post("/api/furusato/gifts", { ...payload, supplierId: other.body.id })).status).toBe(403);
    const proposed = await supplier.post("/api/furusato/gifts", { ...payload, supplierId });
    expect(proposed.status).toBe(200);
    giftId = proposed.body.id;
    expect(proposed.body.code).toBe("KK001");
    expect(proposed.body.allowedActions).toEqual(["提出", "取り下げ"]);
    expect((await supplier.post(`/api/furusato/gifts/${giftId}/transitions`, { action: "提出", comment: "" })).body.status).toBe("確認中");
    expect((await supplier.post(`/api/furusato/gifts/${giftId}/transitions`, { action: "承認", comment: "" })).status).toBe(403);
    expect((await viewer.post(`/api/furusato/gifts/${giftId}/transitions`, { action: "承認", comment: "" })).status).toBe(403);
    const approved = await manager.post(`/api/furusato/gifts/${giftId}/transitions`, { action: "承認", comment: "" });
    expect(approved.body.status).toBe("承認済");
    // The supplier sees only its own gifts.
    expect((await supplier.get("/api/furusato/gifts")).body.items.map((g: { code: string }) => g.code)).toEqual(["KK001"]);
  });

  it("suggests an amount per portal, and a cost rise turns red only the portal whose amount is too low", async () => {
    const detail = (await manager.get(`/api/furusato/gifts/${giftId}`)).body;
    expect(detail.suggestions).toHaveLength(2);
    for (const suggestion of detail.suggestions) {
      expect(suggestion.amount % 1000).toBe(0);
      expect(suggestion.amount * 3).toBeGreaterThanOrEqual(9000 * 10);
    }
    const [cheap, dear] = portals();
    await manager.put(`/api/furusato/gifts/${giftId}/listings/${cheap}`, {
      donationAmount: 30000,
      titleVariant: "",
      stock: 100,
      listingDate: "2025-06-01",
    });
    await manager.put(`/api/furusato/gifts/${giftId}/listings/${dear}`, {
      donationAmount: 35000,
      titleVariant: "",
      stock: 100,
      listingDate: "2025-06-01",
    });
    const risen = await supplier.post(`/api/furusato/gifts/${giftId}/costs`, {
      effectiveFrom: "2025-06-01",
      procurementCost: 9500,
      shippingCost: 1500,
    });
    expect(risen.status).toBe(200);
    const red = risen.body.findings.filter((f: { rule: string; severity: string }) => f.rule === "return_ratio" && f.severity === "error");
    expect(red.map((f: { portalCode: string }) => f.portalCode)).toEqual([cheap]);
    expect(red[0].message).toMatch(/3割/);
    const fixed = await manager.put(`/api/furusato/gifts/${giftId}/listings/${cheap}`, {
      donationAmount: 32000,
      titleVariant: "",
      stock: 100,
      listingDate: "2025-06-01",
    });
    expect(fixed.body.findings.filter((f: { severity: string }) => f.severity === "error")).toEqual([]);
    expect(fixed.body.blocked).toBe(false);
  });

  it("takes evidence (PDF/PNG/JPEG only) so that a 3号 gift can be approved", async () => {
    const proposed = await supplier.post("/api/furusato/gifts", {
      supplierId,
      details: { ...details, title: "小倉牛ハンバーグ", localProductType: "3", localProductReason: "市内産の牛肉を市内で加工している。" },
      procurementCost: 3000,
      shippingCost: 1000,
      costEffectiveFrom: "2025-04-01",
    });
    const id = proposed.body.id;
    expect(proposed.body.findings.map((f: { rule: string }) => f.rule)).toContain("local_product_evidence");
    expect((await supplier.upload(`/api/furusato/gifts/${id}/evidence`, "工程表.exe", new TextEncoder().encode("MZ..."))).status).toBe(400);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const attached = await supplier.upload(`/api/furusato/gifts/${id}/evidence`, "工程表.png", png);
    expect(attached.status).toBe(200);
    expect(attached.body.findings.map((f: { rule: string }) => f.rule)).not.toContain("local_product_evidence");
    const fileId = attached.body.details.evidenceFileIds[0];
    const download = await manager.get(`/api/furusato/gifts/${id}/evidence/${fileId}`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("image/png");
    await supplier.post(`/api/furusato/gifts/${id}/transitions`, { action: "提出", comment: "" });
    expect((await manager.post(`/api/furusato/gifts/${id}/transitions`, { action: "承認", comment: "" })).body.status).toBe("承認済");
  });

  it("turns a supplier's edit of an approved gift into a change proposal that staff approve or send back", async () => {
    const before = (await supplier.get(`/api/furusato/gifts/${giftId}`)).body;
    expect(before.editProposes).toBe(true);
    const proposed = await supplier.put(`/api/furusato/gifts/${giftId}`, {
      version: before.version,
      details: { ...before.details, contents: "ロース 200g×4枚" },
    });
    expect(proposed.status).toBe(200);
    expect(proposed.body.details.contents).toBe("ロース 200g×3枚"); // the live gift is unchanged
    expect(proposed.body.pendingDetails.contents).toBe("ロース 200g×4枚");
    expect((await supplier.post(`/api/furusato/gifts/${giftId}/pending`, { approve: true, comment: "" })).status).toBe(403);
    expect((await manager.post(`/api/furusato/gifts/${giftId}/pending`, { approve: false, comment: "" })).status).toBe(400);
    const approved = await manager.post(`/api/furusato/gifts/${giftId}/pending`, { approve: true, comment: "" });
    expect(approved.body.details.contents).toBe("ロース 200g×4枚");
    expect(approved.body.pendingDetails).toBeNull();
    expect(approved.body.reviews.slice(0, 2).map((r: { action: string }) => r.action)).toEqual(["変更承認", "変更提案"]);
  });

  it("keeps gift photos at a public address portals can fetch, and supplier documents private to the supplier and staff", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9, 9]);
    const withImage = await manager.upload(`/api/furusato/gifts/${giftId}/images`, "ステーキ.png", png);
    expect(withImage.status).toBe(200);
    const url: string = withImage.body.details.imageUrls.at(-1);
    expect(url).toMatch(/\/api\/public\/furusato\/images\/[0-9a-f-]{36}$/);
    const fetched = await t.client().get(new URL(url).pathname);
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get("content-type")).toBe("image/png");
    const pdf = new TextEncoder().encode("%PDF-1.4 sample");
    expect((await manager.upload(`/api/furusato/gifts/${giftId}/images`, "資料.pdf", pdf)).status).toBe(400);
    // A document filed for the supplier: the form carries a title as well as the file.
    const form = new FormData();
    form.append("title", "食肉販売業許可証");
    form.append("file", new File([pdf], "許可証.pdf"));
    const filed = await supplier.request("POST", `/api/furusato/suppliers/${supplierId}/documents`, form);
    expect(filed.status).toBe(200);
    const document = filed.body.documents[0];
    expect(document.title).toBe("食肉販売業許可証");
    expect((await manager.get(`/api/furusato/suppliers/${supplierId}/documents/${document.fileId}`)).status).toBe(200);
    expect((await t.client().get(`/api/public/furusato/images/${document.fileId}`)).status).toBe(404);
  });

  it("makes gifts findable by staff in the cross-module search, but not by partners", async () => {
    const hits = (await viewer.get(`/api/search?q=${encodeURIComponent("小倉牛")}`)).body.items;
    expect(hits.some((h: { module: string; moduleLabel: string }) => h.module === "furusato" && h.moduleLabel === "ふるさと納税")).toBe(
      true,
    );
    expect((await supplier.get(`/api/search?q=${encodeURIComponent("小倉牛")}`)).body.items).toEqual([]);
  });

  it("keeps another supplier's gifts out of sight", async () => {
    const stranger = await manager.post("/api/furusato/suppliers", {
      code: "MJ",
      name: "門司港菓子",
      contactName: "",
      contactPhone: "",
      contactEmail: "",
      address: "",
      bank: {},
    });
    await manager.post(`/api/furusato/suppliers/${stranger.body.id}/users`, {
      loginId: "mj-staff",
      displayName: "門司港菓子",
      password: "Mojiko-sweets-25",
    });
    const mj = await t.login("mj-staff", "Mojiko-sweets-25");
    expect((await mj.get(`/api/furusato/gifts/${giftId}`)).status).toBe(404);
    expect((await mj.get(`/api/furusato/suppliers/${supplierId}`)).status).toBe(404);
    expect((await mj.get("/api/furusato/gifts")).body.items).toEqual([]);
    // Filing a document for another supplier: "not found", as for its gifts (not 403, which says the record exists).
    const form = new FormData();
    form.append("title", "営業許可証");
    form.append("file", new File([new TextEncoder().encode("%PDF-1.4 mj")], "許可証.pdf"));
    const filed = await mj.request("POST", `/api/furusato/suppliers/${supplierId}/documents`, form);
    expect(filed.status).toBe(404);
    expect((await manager.get(`/api/furusato/suppliers/${supplierId}`)).body.documents).toHaveLength(1);
  });
});

describe("portals are data", () => {
  it("adds a portal with its export template from the API, and refuses a template with an unknown field", async () => {
    const template = structuredClone(SHIPPED_PORTALS[0].template);
    const created = await manager.put("/api/furusato/portals/new-portal", {
      name: "新しいふるさと納税サイト",
      feeRatio: 0.08,
      grantsPoints: false,
      fieldLimits: { title: 100 },
      template,
      active: true,
    });
    expect(created.status).toBe(200);
    expect((await manager.get("/api/furusato/portals")).body.items.map((p: { code: string }) => p.code)).toContain("new-portal");
    const broken = await manager.put("/api/furusato/portals/broken", {
      name: "壊れたテンプレート",
      feeRatio: 0.1,
      grantsPoints: false,
      fieldLimits: {},
      template: { ...template, columns: [{ header: "X", value: { field: "gift.noSuchField" } }] },
      active: true,
    });
    expect(broken.status).toBe(400);
    expect(JSON.stringify(broken.body.error)).toMatch(/noSuchField/);
  });

  it("takes ふるさとチョイス's own header line and a column mapping, and refuses a mapping to a column it does not have", async () => {
    const headerLine = "お礼の品名\t寄附金額\t事業者\t備考\r\n";
    const portal = {
      name: "ふるさとチョイス",
      feeRatio: 0.05,
      grantsPoints: false,
      fieldLimits: { title: 200, catchCopy: 40, description: 1000, supplierName: 64 },
      active: true,
    };
    const saved = await manager.put("/api/furusato/portals/choice/choice", {
      ...portal,
      headerLine,
      mapping: {
        お礼の品名: { field: "gift.title" },
        寄附金額: { field: "listing.donationAmount" },
        事業者: { field: "gift.supplierName" },
      },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.template.columns.map((c: { header: string }) => c.header)).toEqual(["お礼の品名", "寄附金額", "事業者", "備考"]);
    expect(saved.body.template.file.delimiter).toBe("\t");
    const wrong = await manager.put("/api/furusato/portals/choice/choice", {
      ...portal,
      headerLine,
      mapping: { 存在しない列: { field: "gift.title" } },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toMatch(/見出しにない列です: 存在しない列/);
    const vocabulary = (await viewer.get("/api/furusato/template-vocabulary")).body;
    expect(vocabulary.fields.map((f: { path: string }) => f.path)).toContain("gift.title");
  });
});
