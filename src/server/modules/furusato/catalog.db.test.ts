import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInJapan } from "../../../common/dates";
import type { GiftDetails } from "../../../common/furusato/gift-schema";
import type { Actor } from "../../platform/audit/audit";
import { storeFile } from "../../platform/files/files";
import { createTestDb, type TestDb } from "../../testing/db";
import { buildCity } from "../../testing/factories";
import * as catalog from "./catalog";
import type { GiftWithFindings } from "./gift-rules";
import { updateGift } from "./gift-update";
import * as repo from "./repository";

let t: TestDb;
let staff: Actor;
let colleague: Actor;
let supplierId: string;

const details = (overrides: Partial<GiftDetails> = {}): GiftDetails => ({
  title: "関門海峡とらふぐ刺身セット",
  catchCopy: "冬の味覚",
  description: "天然とらふぐを職人が薄造りにしました。",
  contents: "ふぐ刺身 200g、皮湯引き 50g",
  shippingSize: "60",
  temperature: "冷凍",
  handlingNotes: "",
  allergens: { 小麦: "なし", 卵: "なし" },
  bestBefore: "冷凍30日",
  originOfIngredients: "山口県・福岡県",
  placeOfProcessing: "北九州市",
  applicationPeriod: { from: null, until: null },
  deliveryPeriod: "11月〜3月",
  limitedQuantity: null,
  noshi: true,
  wrapping: false,
  imageUrls: [],
  subscription: null,
  localProductType: "3",
  localProductReason: "市内の加工場で処理・加工し、付加価値の大部分を市内で生じさせている。",
  rawMaterialSamePrefecture: null,
  evidenceFileIds: [],
  certifications: [],
  ...overrides,
});

/** A gift with one evidence document (a 3号 gift needs one), uploaded by the staff member and attached on creation. */
async function createGift(input: Omit<Parameters<typeof catalog.createGift>[2], "details"> & { details: GiftDetails }) {
  const upload = await storeFile(t.db, {
    name: "工程表.pdf",
    mimeType: "application/pdf",
    bytes: new TextEncoder().encode("%PDF-1.4 工程表"),
    createdBy: staff.userId,
    owner: { kind: "upload", id: null, purpose: "evidence" },
  });
  return catalog.createGift(t.db, staff, { ...input, details: { ...input.details, evidenceFileIds: [upload.id] } });
}

const TEMPLATE = {
  file: { encoding: "utf-8", delimiter: ",", lineEnding: "\n", quote: "minimal", headerLines: [], fileName: "x.csv" },
  columns: [],
};

beforeAll(async () => {
  t = await createTestDb();
  const city = await buildCity(t.db);
  staff = { userId: city.admin.id, label: "担当A" };
  colleague = { userId: city.editor.id, label: "担当B" };
  await t.db.transaction(async (tx) => {
    await repo.upsertPortal(tx, {
      code: "rakuten",
      name: "楽天ふるさと納税",
      feeRatio: 0.1,
      grantsPoints: false,
      fieldLimits: {},
      active: true,
      template: TEMPLATE,
    });
    await repo.upsertPortal(tx, {
      code: "choice",
      name: "ふるさとチョイス",
      feeRatio: 0.05,
      grantsPoints: false,
      fieldLimits: { title: 200, catchCopy: 40 },
      active: true,
      template: TEMPLATE,
    });
  });
  supplierId = await catalog.createSupplier(t.db, staff, {
    code: "KF",
    name: "関門ふぐ加工",
    contactName: "門司 太郎",
    contactPhone: "093-000-0000",
    contactEmail: "info@example.jp",
    address: "北九州市門司区",
    bank: { bankName: "北九州銀行" },
  });
});
afterAll(() => t.cleanup());

const ruleFindings = (result: GiftWithFindings, rule: string) => result.findings.filter((f) => f.rule === rule);

describe("suppliers and gift codes", () => {
  it("gives the supplier an external organisation for its logins and refuses a second use of its code", async () => {
    const supplier = await repo.findSupplier(t.db, supplierId);
    const org = await t.db.query<{ kind: string }>("SELECT kind FROM organisations WHERE id = $1", [supplier?.organisation_id]);
    expect(org.rows[0].kind).toBe("external");
    await expect(
      catalog.createSupplier(t.db, staff, {
        code: "KF",
        name: "別会社",
        contactName: "",
        contactPhone: "",
        contactEmail: "",
        address: "",
        bank: {},
      }),
    ).rejects.toThrow(/既に使われています/);
  });

  it("numbers gifts per supplier (事業者コード + 連番) and a copy gets the next number", async () => {
    const first = await createGift({
      supplierId,
      details: details(),
      procurementCost: 9000,
      shippingCost: 1200,
      costEffectiveFrom: "2025-04-01",
    });
    const copy = await catalog.copyGift(t.db, staff, first);
    const [a, b] = await Promise.all([repo.findGift(t.db, first, "2025-04-01"), repo.findGift(t.db, copy, todayInJapan())]);
    expect(a?.code).toBe("KF001");
    expect(b?.code).toBe("KF002");
    expect(b?.copied_from).toBe(first);
    expect(b?.status).toBe("入力中");
    expect(b?.procurement_cost).toBe(9000);
  });
});

describe("review workflow", () => {
  it("goes 入力中 → 確認中 → (差戻し with a reason) → 確認中 → 承認済, each step kept", async () => {
    const id = await createGift({
      supplierId,
      details: details(),
      procurementCost: 5000,
      shippingCost: 800,
      costEffectiveFrom: "2025-04-01",
    });
    await catalog.transitionGift(t.db, staff, id, { action: "提出", comment: "" }, { bySupplier: true });
    await expect(catalog.transitionGift(t.db, staff, id, { action: "差戻し", comment: " " }, { bySupplier: false })).rejects.toThrow(
      /理由/,
    );
    await catalog.transitionGift(t.db, staff, id, { action: "差戻し", comment: "写真を差し替えてください" }, { bySupplier: false });
    await catalog.transitionGift(t.db, staff, id, { action: "提出", comment: "差し替えました" }, { bySupplier: true });
    await expect(catalog.transitionGift(t.db, staff, id, { action: "承認", comment: "" }, { bySupplier: true })).rejects.toThrow(
      /市の担当者/,
    );
    const approved = await catalog.transitionGift(t.db, staff, id, { action: "承認", comment: "" }, { bySupplier: false });
    expect(approved.gift.status).toBe("承認済");
    const reviews = await repo.findReviews(t.db, id);
    expect(reviews.map((r) => r.action)).toEqual(["承認", "提出", "差戻し", "提出"]);
    expect(reviews[2].comment).toBe("写真を差し替えてください");
  });

  it("refuses to approve a gift without a valid 地場産品 type, and a supplier cannot edit a submitted gift", async () => {
    const id = await createGift({
      supplierId,
      details: details({ localProductType: null }),
      procurementCost: 5000,
      shippingCost: 800,
      costEffectiveFrom: "2025-04-01",
    });
    await catalog.transitionGift(t.db, staff, id, { action: "提出", comment: "" }, { bySupplier: true });
    await expect(catalog.transitionGift(t.db, staff, id, { action: "承認", comment: "" }, { bySupplier: false })).rejects.toThrow(
      /承認できません/,
    );
    const gift = await repo.findGift(t.db, id, "2025-04-01");
    // The service decides who the caller is (staff or the supplier's own login) inside its transaction.
    const supplierOrg = (await repo.findSupplier(t.db, supplierId))!.organisation_id!;
    const principal = (role: "admin" | "partner", organisationId: string) => ({
      id: staff.userId ?? "",
      loginId: "staff",
      displayName: staff.label,
      role,
      organisationId,
      organisationName: "",
      bureauId: null,
      bureauName: null,
    });
    const supplierLogin = principal("partner", supplierOrg);
    const admin = principal("admin", supplierOrg);
    await expect(updateGift(t.db, supplierLogin, staff, id, { version: gift!.version, details: details() })).rejects.toThrow(/差戻し/);
    const edited = await updateGift(t.db, admin, staff, id, { version: gift!.version, details: details() });
    expect(edited.details.localProductType).toBe("3");
    await expect(updateGift(t.db, admin, staff, id, { version: gift!.version, details: details() })).rejects.toThrow(/先に更新/);
  });
});

describe("listings under the rules", () => {
  it("turns red only on the portal whose amount a cost increase pushes over 3割, until the amount is fixed", async () => {
    const id = await createGift({
      supplierId,
      details: details(),
      procurementCost: 9000,
      shippingCost: 1000,
      costEffectiveFrom: "2025-04-01",
    });
    await catalog.setListing(t.db, staff, id, {
      portalCode: "rakuten",
      donationAmount: 30000,
      titleVariant: "",
      stock: null,
      listingDate: "2025-06-01",
    });
    const ok = await catalog.setListing(t.db, staff, id, {
      portalCode: "choice",
      donationAmount: 35000,
      titleVariant: "",
      stock: null,
      listingDate: "2025-06-01",
    });
    expect(ruleFindings(ok, "return_ratio").filter((f) => f.severity === "error")).toEqual([]);

    // The supplier's price rises to 9,600 yen: 32% of 30,000 on 楽天, 27.4% of 35,000 on チョイス.
    const after = await catalog.changeCost(t.db, staff, id, { effectiveFrom: "2025-06-01", procurementCost: 9600, shippingCost: 1000 });
    const errors = ruleFindings(after, "return_ratio").filter((f) => f.severity === "error");
    expect(errors.map((f) => f.portalCode)).toEqual(["rakuten"]);
    expect(after.blocked).toBe(true);
    expect((await repo.findCosts(t.db, id)).map((c) => c.procurement_cost)).toEqual([9600, 9000]);

    const fixed = await catalog.setListing(t.db, staff, id, {
      portalCode: "rakuten",
      donationAmount: 33000,
      titleVariant: "",
      stock: null,
      listingDate: "2025-06-01",
    });
    expect(ruleFindings(fixed, "return_ratio").filter((f) => f.severity === "error")).toEqual([]);
    expect(fixed.blocked).toBe(false);
  });

  it("holds a ¥280,000 → ¥28,000 change for a second person's approval; the one who typed it cannot approve", async () => {
    const id = await createGift({
      supplierId,
      details: details(),
      procurementCost: 60000,
      shippingCost: 2000,
      costEffectiveFrom: "2025-04-01",
    });
    await catalog.setListing(t.db, staff, id, {
      portalCode: "rakuten",
      donationAmount: 280000,
      titleVariant: "",
      stock: null,
      listingDate: "2025-06-01",
    });
    const slipped = await catalog.setListing(t.db, staff, id, {
      portalCode: "rakuten",
      donationAmount: 28000,
      titleVariant: "",
      stock: null,
      listingDate: "2025-06-01",
    });
    expect(slipped.findings.some((f) => f.needsSecondApproval)).toBe(true);
    expect(slipped.blocked).toBe(true);
    await expect(catalog.approveListingAmount(t.db, staff, id, "rakuten")).rejects.toThrow(/本人は承認できません/);

    // Corrected back by the same person: no longer suspicious, approved at once.
    const corrected = await catalog.setListing(t.db, staff, id, {
      portalCode: "rakuten",
      donationAmount: 280000,
      titleVariant: "",
      stock: null,
      listingDate: "2025-06-01",
    });
    expect(corrected.findings.some((f) => f.needsSecondApproval)).toBe(false);

    // A deliberate change of more than +50% (a new, larger set) is approved by a colleague.
    await catalog.setListing(t.db, staff, id, {
      portalCode: "rakuten",
      donationAmount: 450000,
      titleVariant: "",
      stock: null,
      listingDate: "2025-06-01",
    });
    const approved = await catalog.approveListingAmount(t.db, colleague, id, "rakuten");
    expect(approved.findings.some((f) => f.needsSecondApproval)).toBe(false);
    expect(approved.listings[0].approved_donation_amount).toBe(450000);
  });

  it("stops every portal's listing with one action, and resumes them together", async () => {
    const id = await createGift({
      supplierId,
      details: details(),
      procurementCost: 3000,
      shippingCost: 800,
      costEffectiveFrom: "2025-04-01",
    });
    for (const portalCode of ["rakuten", "choice"]) {
      await catalog.setListing(t.db, staff, id, {
        portalCode,
        donationAmount: 12000,
        titleVariant: "",
        stock: 10,
        listingDate: "2025-06-01",
      });
    }
    await catalog.transitionGift(t.db, staff, id, { action: "提出", comment: "" }, { bySupplier: true });
    await catalog.transitionGift(t.db, staff, id, { action: "承認", comment: "" }, { bySupplier: false });
    const stopped = await catalog.transitionGift(t.db, staff, id, { action: "受付停止", comment: "完売" }, { bySupplier: false });
    expect(stopped.listings.map((l) => l.state)).toEqual(["停止", "停止"]);
    const resumed = await catalog.transitionGift(t.db, staff, id, { action: "再開", comment: "入荷" }, { bySupplier: false });
    expect(resumed.listings.map((l) => l.state)).toEqual(["受付中", "受付中"]);
  });

  it("suspending a supplier stops its listings and blocks its gifts until it is lifted", async () => {
    const other = await catalog.createSupplier(t.db, staff, {
      code: "YM",
      name: "八幡果樹園",
      contactName: "",
      contactPhone: "",
      contactEmail: "",
      address: "",
      bank: {},
    });
    const id = await createGift({
      supplierId: other,
      details: details(),
      procurementCost: 3000,
      shippingCost: 800,
      costEffectiveFrom: "2025-04-01",
    });
    await catalog.setListing(t.db, staff, id, {
      portalCode: "rakuten",
      donationAmount: 12000,
      titleVariant: "",
      stock: null,
      listingDate: "2025-06-01",
    });
    await catalog.recordSupplierEvent(t.db, staff, other, { kind: "受付停止", occurredOn: "2025-07-01", note: "産地表示の誤り" });
    const suspended = await catalog.giftWithFindings(t.db, id, "2025-07-01");
    expect(suspended.listings[0].state).toBe("停止");
    expect(ruleFindings(suspended, "supplier_suspended")).toHaveLength(1);
    await catalog.recordSupplierEvent(t.db, staff, other, { kind: "解除", occurredOn: "2025-08-01", note: "是正確認" });
    expect(ruleFindings(await catalog.giftWithFindings(t.db, id, "2025-08-01"), "supplier_suspended")).toHaveLength(0);
    expect((await repo.findSupplierEvents(t.db, other)).map((e) => e.kind)).toEqual(["解除", "受付停止"]);
  });

  it("keeps the cost history append-only", async () => {
    await expect(t.db.query("UPDATE furusato_gift_costs SET procurement_cost = 1")).rejects.toThrow(/append-only/);
  });
});
