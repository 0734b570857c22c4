import iconv from "iconv-lite";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobRun } from "../../../common/api/platform";
import { todayInJapan } from "../../../common/dates";
import type { GiftDetails } from "../../../common/furusato/gift-schema";
import type { Actor } from "../../platform/audit/audit";
import { readFileRow } from "../../platform/files/files";
import { createTestApp, type TestApp } from "../../testing/app";
import { buildCity, TEST_PASSWORD } from "../../testing/factories";
import { setFurusatoOwner } from "./access";
import * as catalog from "./catalog";
import { previewPublish, publish } from "./publish";
import * as repo from "./repository";
import { SHIPPED_PORTALS } from "./shipped-templates";

let t: TestApp;
let city: Awaited<ReturnType<typeof buildCity>>;
let actor: Actor;
let colleague: Actor;
let giftA: string;
let giftB: string;

const details = (title: string): GiftDetails => ({
  title,
  catchCopy: "響灘の恵み",
  description: "市内で水揚げされた魚介を市内で加工しました。",
  contents: "500g",
  shippingSize: "60",
  temperature: "冷凍",
  handlingNotes: "",
  allergens: { えび: "なし" },
  bestBefore: "冷凍30日",
  originOfIngredients: "福岡県",
  placeOfProcessing: "北九州市",
  applicationPeriod: { from: null, until: null },
  deliveryPeriod: "通年",
  limitedQuantity: null,
  noshi: false,
  wrapping: false,
  imageUrls: [],
  subscription: null,
  localProductType: "1",
  localProductReason: "市内で水揚げされた水産物である。",
  rawMaterialSamePrefecture: null,
  evidenceFileIds: [],
  certifications: [],
});

async function rakutenFile(fileId: string): Promise<string> {
  const zip = await JSZip.loadAsync((await readFileRow(t.db, fileId)).bytes);
  const name = Object.keys(zip.files).find((path) => path.startsWith("rakuten"));
  if (!name) throw new Error(`no rakuten file in ${Object.keys(zip.files).join(", ")}`);
  return iconv.decode(Buffer.from(await zip.files[name].async("uint8array")), "cp932");
}

beforeAll(async () => {
  t = await createTestApp({ jobs: true });
  city = await buildCity(t.db);
  await setFurusatoOwner(t.db, city.bureau.id);
  actor = { userId: city.editor.id, label: "担当A" };
  colleague = { userId: city.admin.id, label: "担当B" };
  await t.db.transaction(async (tx) => {
    for (const [index, portal] of SHIPPED_PORTALS.entries()) await repo.upsertPortal(tx, { ...portal, sortOrder: index });
  });
  const supplierId = await catalog.createSupplier(t.db, actor, {
    code: "HB",
    name: "響灘水産",
    contactName: "",
    contactPhone: "",
    contactEmail: "",
    address: "",
    bank: {},
  });
  giftA = await catalog.createGift(t.db, actor, {
    supplierId,
    details: details("響灘ひらめ切り身"),
    procurementCost: 3000,
    shippingCost: 900,
    costEffectiveFrom: "2025-04-01",
  });
  giftB = await catalog.createGift(t.db, actor, {
    supplierId,
    details: details("関門だこ煮つけ"),
    procurementCost: 2400,
    shippingCost: 900,
    costEffectiveFrom: "2025-04-01",
  });
  for (const id of [giftA, giftB]) {
    await catalog.transitionGift(t.db, actor, id, { action: "提出", comment: "" }, { bySupplier: true });
    await catalog.transitionGift(t.db, actor, id, { action: "承認", comment: "" }, { bySupplier: false });
    for (const portalCode of ["rakuten", "ana"]) {
      await catalog.setListing(t.db, actor, id, {
        portalCode,
        donationAmount: 10000,
        titleVariant: "",
        stock: 50,
        listingDate: "2025-06-01",
      });
    }
  }
}, 60_000);
afterAll(() => t.cleanup());

describe("publishing to every portal as one bundle", () => {
  it("sends everything the first time: a Shift_JIS 楽天 file with the titles and amounts, and counts the typing saved", async () => {
    const preview = await previewPublish(t.db);
    expect(preview.diff.find((d) => d.portalCode === "rakuten")?.added.sort()).toEqual(["HB001", "HB002"]);
    const result = await publish(t.db, actor);
    expect(result.rowCount).toBe(preview.rowCount);
    expect(result.fieldsSaved).toBeGreaterThan(20);
    const text = await rakutenFile(result.fileId);
    expect(text).toContain("響灘ひらめ切り身");
    expect(text).toContain("10000");
    expect((await repo.findGift(t.db, giftA, todayInJapan()))?.status).toBe("ポータル登録済");
  });

  it("sends nothing when nothing changed", async () => {
    expect((await previewPublish(t.db)).rowCount).toBe(0);
  });

  it("holds back a listing that a cost rise pushed over 3割, and sends it as a change once its amount is fixed", async () => {
    await catalog.changeCost(t.db, actor, giftA, { effectiveFrom: todayInJapan(), procurementCost: 3300, shippingCost: 900 });
    const held = await previewPublish(t.db);
    expect(held.held.map((h) => `${h.giftCode}:${h.portalCode}`).sort()).toEqual(["HB001:ana", "HB001:rakuten"]);
    expect(held.diff.flatMap((d) => d.missing)).toEqual([]); // the portals keep what they had
    const heldResult = await publish(t.db, actor);
    expect(heldResult.held).toHaveLength(2);

    await catalog.setListing(t.db, actor, giftA, {
      portalCode: "rakuten",
      donationAmount: 11000,
      titleVariant: "",
      stock: 50,
      listingDate: "2025-06-01",
    });
    const fixed = await publish(t.db, actor);
    const rakuten = fixed.diff.find((d) => d.portalCode === "rakuten");
    expect(rakuten?.added).toEqual([]);
    expect(rakuten?.changed.map((c) => c.giftCode)).toEqual(["HB001"]);
    expect(await rakutenFile(fixed.fileId)).toContain("11000");
    expect(fixed.held.map((h) => h.portalCode)).toEqual(["ana"]);
  });

  it("turns stopping a gift into stop rows for every portal it is on", async () => {
    await catalog.transitionGift(t.db, actor, giftB, { action: "受付停止", comment: "完売" }, { bySupplier: false });
    const result = await publish(t.db, actor);
    expect(
      result.diff
        .filter((d) => d.stopped.includes("HB002"))
        .map((d) => d.portalCode)
        .sort(),
    ).toEqual(["ana", "rakuten"]);
  });

  it("runs as a job from the API; only the catalog's staff may publish or download", async () => {
    const manager = await t.login(city.editor.loginId, TEST_PASSWORD);
    const viewer = await t.login(city.viewer.loginId, TEST_PASSWORD);
    expect((await viewer.post("/api/furusato/publish", {})).status).toBe(403);
    await catalog.setListing(t.db, colleague, giftA, {
      portalCode: "ana",
      donationAmount: 11000,
      titleVariant: "",
      stock: 50,
      listingDate: "2025-06-01",
    });
    const started = await manager.post("/api/furusato/publish", {});
    let job: JobRun | null = null;
    for (let i = 0; i < 200 && job?.status !== "succeeded" && job?.status !== "failed"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      job = (await manager.get(`/api/jobs/${started.body.jobId}`)).body;
    }
    expect(job?.status).toBe("succeeded");
    const exportId = (job?.result as { exportId: string } | undefined)?.exportId;
    const exports = (await manager.get("/api/furusato/exports")).body.items;
    expect(exports[0].id).toBe(exportId);
    expect(exports[0].portals.find((p: { portalCode: string }) => p.portalCode === "ana").changed).toBe(1);
    const download = await manager.get(`/api/furusato/exports/${exportId}/download`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/zip");
    expect((await viewer.get(`/api/furusato/exports/${exportId}/download`)).status).toBe(403);
  });

  it("header file: holds a gift that leaves a column the portal marks 必須 empty, naming the column and the gift", async () => {
    const ana = SHIPPED_PORTALS.find((p) => p.code === "ana");
    if (!ana) throw new Error("no ana");
    const required = {
      ...ana,
      template: { ...ana.template, columns: ana.template.columns.map((c) => (c.header === "画像URL" ? { ...c, required: true } : c)) },
    };
    await t.db.transaction((tx) => repo.upsertPortal(tx, required));
    try {
      const preview = await previewPublish(t.db);
      const held = preview.held.find((h) => h.portalCode === "ana" && h.giftCode === "HB001");
      expect(held?.reasons).toEqual(["列「画像URL」はANAのふるさと納税の必須項目ですが、返礼品 HB001 では空欄です"]);
      // 楽天 has no such rule: the same gift is not held there.
      expect(preview.held.filter((h) => h.portalCode === "rakuten")).toEqual([]);
    } finally {
      await t.db.transaction((tx) => repo.upsertPortal(tx, ana));
    }
    expect((await previewPublish(t.db)).held).toEqual([]);
  });
});
