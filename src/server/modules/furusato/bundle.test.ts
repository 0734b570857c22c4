import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import type { Gift, Listing, Portal } from "../../../common/furusato/types";
import { ValidationError } from "../../platform/errors";
import { type BundleInputRow, type BundlePortal, type BundleState, buildBundle, EMPTY_BUNDLE_STATE, planBundle } from "./bundle";
import { type PortalTemplate, renderPortalFile } from "./portal-template";
import { anaTemplate, rakutenItemTemplate } from "./shipped-templates";

const buildGift = (code: string, overrides: Partial<Gift> = {}): Gift => ({
  code,
  supplierCode: code.slice(0, 2),
  supplierName: "八幡果樹園",
  title: `八幡の完熟いちじく ${code}`,
  catchCopy: "朝採りを即日発送",
  description: "皮ごと食べられる完熟いちじくです。",
  contents: "1kg",
  procurementCost: 4000,
  shippingCost: 1200,
  shippingSize: "60",
  temperature: "冷蔵",
  handlingNotes: "",
  allergens: {},
  bestBefore: "到着後3日",
  originOfIngredients: "北九州市八幡西区",
  placeOfProcessing: "",
  applicationPeriod: { from: null, until: null },
  deliveryPeriod: "8月〜10月",
  limitedQuantity: 200,
  noshi: false,
  wrapping: false,
  imageUrls: [`https://img.example.jp/${code}.jpg`],
  subscription: null,
  localProductType: "1",
  localProductReason: "市内で栽培",
  evidenceCount: 1,
  rawMaterialSamePrefecture: null,
  certifications: [],
  status: "ポータル登録済",
  ...overrides,
});

const rakuten: Portal = { code: "rakuten", name: "楽天ふるさと納税", feeRatio: 0.1, grantsPoints: false, fieldLimits: {}, active: true };
const ana: Portal = { code: "ana", name: "ANAのふるさと納税", feeRatio: 0.1, grantsPoints: false, fieldLimits: {}, active: true };
const portals: BundlePortal[] = [
  { portal: rakuten, template: rakutenItemTemplate({ directoryId: "000000" }) },
  { portal: ana, template: anaTemplate() },
];

function rowsFor(portal: Portal, gifts: Gift[], listing: (g: Gift) => Partial<Listing> = () => ({})): BundleInputRow[] {
  return gifts.map((gift) => ({
    gift,
    listing: {
      giftCode: gift.code,
      portalCode: portal.code,
      donationAmount: 13000,
      titleVariant: "",
      state: "受付中",
      stock: null,
      listingDate: "2025-07-01",
      previousDonationAmount: null,
      ...listing(gift),
    },
  }));
}

const everywhere = (gifts: Gift[], listing?: (g: Gift) => Partial<Listing>) =>
  new Map(portals.map(({ portal }) => [portal.code, rowsFor(portal, gifts, listing)]));

const at = new Date("2025-07-01T09:00:00+09:00");
const later = new Date("2025-07-08T09:00:00+09:00");
const gifts = ["YH001", "YH002", "YH003"].map((code) => buildGift(code));

async function filesOf(zip: Uint8Array): Promise<Map<string, Uint8Array>> {
  const read = await JSZip.loadAsync(zip);
  const out = new Map<string, Uint8Array>();
  for (const file of Object.values(read.files)) if (!file.dir) out.set(file.name, await file.async("uint8array"));
  return out;
}

const rakutenRows = (bytes: Uint8Array) => parse(iconv.decode(Buffer.from(bytes), "cp932")) as string[][];
const anaRows = (bytes: Uint8Array) => parse(new TextDecoder().decode(bytes.subarray(3))) as string[][];

describe("buildBundle: first export", () => {
  it("sends every listing as new, one file per portal named after the portal and its file name", async () => {
    const { zip, diff, state } = await buildBundle(portals, everywhere(gifts), EMPTY_BUNDLE_STATE, { exportedAt: at });
    const files = await filesOf(zip);
    expect([...files.keys()]).toEqual(["rakuten_楽天ふるさと納税/item.csv", "ana_ANAのふるさと納税/henreihin.csv"]);

    // The zipped file is exactly what renderPortalFile writes for the same rows.
    const expected = renderPortalFile(
      portals[0].template,
      rowsFor(rakuten, gifts).map((r) => ({ ...r, portal: rakuten, action: "upsert" as const, isNew: true })),
    );
    expect(files.get("rakuten_楽天ふるさと納税/item.csv")).toEqual(expected.bytes);
    expect(
      rakutenRows(expected.bytes)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(["n", "n", "n"]);

    expect(diff.map((d) => [d.portalCode, d.file, d.added, d.changed, d.stopped, d.unchanged])).toEqual([
      ["rakuten", "rakuten_楽天ふるさと納税/item.csv", ["YH001", "YH002", "YH003"], [], [], 0],
      ["ana", "ana_ANAのふるさと納税/henreihin.csv", ["YH001", "YH002", "YH003"], [], [], 0],
    ]);
    expect(state.portals.map((p) => [p.portalCode, p.exportedAt, p.listings.length])).toEqual([
      ["rakuten", at.toISOString(), 3],
      ["ana", at.toISOString(), 3],
    ]);
  });

  it("counts the fields staff did not have to type: non-empty, non-constant cells of each new listing", async () => {
    const { diff } = await buildBundle(portals, everywhere([gifts[0]]), EMPTY_BUNDLE_STATE, { exportedAt: at });
    // 楽天: 16 columns − 3 constants (全商品ディレクトリID, 送料, 在庫タイプ) − 2 set by the action (コントロールカラム, 倉庫指定)
    const rakutenTemplate = portals[0].template;
    const rendered = rakutenRows(
      renderPortalFile(
        rakutenTemplate,
        rowsFor(rakuten, [gifts[0]]).map((r) => ({ ...r, portal: rakuten, action: "upsert" as const, isNew: true })),
      ).bytes,
    )[1];
    const typed = rakutenTemplate.columns.filter(
      (c, i) => !("const" in c.value) && !["コントロールカラム", "倉庫指定"].includes(c.header) && rendered[i] !== "",
    ).length;
    expect(diff[0].fieldEditsAvoided).toBe(typed);
    expect(typed).toBe(11);
  });

  it("is deterministic: the same input and date give the same zip bytes", async () => {
    const a = await buildBundle(portals, everywhere(gifts), EMPTY_BUNDLE_STATE, { exportedAt: at });
    const b = await buildBundle(portals, everywhere(gifts), EMPTY_BUNDLE_STATE, { exportedAt: at });
    expect(Buffer.from(a.zip).equals(Buffer.from(b.zip))).toBe(true);
  });
});

describe("buildBundle: later exports send only what changed", () => {
  async function firstState(): Promise<BundleState> {
    // Stored as JSON between exports.
    return JSON.parse(JSON.stringify((await buildBundle(portals, everywhere(gifts), EMPTY_BUNDLE_STATE, { exportedAt: at })).state));
  }

  it("sends nothing when nothing changed (a listing sent as new does not look changed now that it would be 'u')", async () => {
    const previous = await firstState();
    const { zip, diff, state } = await buildBundle(portals, everywhere(gifts), previous, { exportedAt: later });
    expect((await filesOf(zip)).size).toBe(0);
    expect(diff.map((d) => [d.file, d.added.length, d.changed.length, d.stopped.length, d.unchanged, d.fieldEditsAvoided])).toEqual([
      [null, 0, 0, 0, 3, 0],
      [null, 0, 0, 0, 3, 0],
    ]);
    expect(state).toEqual(previous);
  });

  it("sends only the changed listing and names the changed fields per portal", async () => {
    const previous = await firstState();
    const edited = [gifts[0], buildGift("YH002", { title: "八幡の完熟いちじく 特大" }), gifts[2]];
    const { zip, diff } = await buildBundle(portals, everywhere(edited), previous, { exportedAt: later });
    const files = await filesOf(zip);
    const rows = rakutenRows(files.get("rakuten_楽天ふるさと納税/item.csv")!);
    expect(rows.slice(1).map((r) => [r[0], r[2], r[5]])).toEqual([["u", "YH002", "【ふるさと納税】八幡の完熟いちじく 特大"]]);
    expect(
      anaRows(files.get("ana_ANAのふるさと納税/henreihin.csv")!)
        .slice(1)
        .map((r) => [r[0], r[1]]),
    ).toEqual([["YH002", "八幡の完熟いちじく 特大"]]);
    expect(diff.map((d) => [d.portalCode, d.added, d.changed, d.unchanged, d.fieldEditsAvoided])).toEqual([
      ["rakuten", [], [{ giftCode: "YH002", fields: ["商品名"], reopened: false }], 2, 1],
      ["ana", [], [{ giftCode: "YH002", fields: ["返礼品名"], reopened: false }], 2, 1],
    ]);
  });

  it("names every changed field when one edit shows up in several columns", async () => {
    const previous = await firstState();
    const edited = [buildGift("YH001", { description: "品種はとよみつひめです。" }), gifts[1], gifts[2]];
    const { diff } = await buildBundle(
      portals,
      everywhere(edited, (g) => ({ donationAmount: g.code === "YH001" ? 14000 : 13000 })),
      previous,
      {
        exportedAt: later,
      },
    );
    expect(diff[0].changed).toEqual([
      { giftCode: "YH001", fields: ["販売価格", "PC用商品説明文", "スマートフォン用商品説明文"], reopened: false },
    ]);
    expect(diff[1].changed).toEqual([{ giftCode: "YH001", fields: ["寄附金額", "説明文"], reopened: false }]);
  });

  it("sends a stop row once for a stopped listing, then nothing, then reopens it", async () => {
    let state = await firstState();
    const stop = (g: Gift) => ({ state: g.code === "YH003" ? ("停止" as const) : ("受付中" as const) });

    const stopped = await buildBundle(portals, everywhere(gifts, stop), state, { exportedAt: later });
    const rows = rakutenRows((await filesOf(stopped.zip)).get("rakuten_楽天ふるさと納税/item.csv")!);
    const warehouse = portals[0].template.columns.findIndex((c) => c.header === "倉庫指定");
    expect(rows.slice(1).map((r) => [r[0], r[2], r[warehouse]])).toEqual([["u", "YH003", "1"]]);
    expect(stopped.diff.map((d) => [d.stopped, d.fieldEditsAvoided])).toEqual([
      [["YH003"], 1],
      [["YH003"], 1],
    ]);
    state = stopped.state;

    const again = await buildBundle(portals, everywhere(gifts, stop), state, { exportedAt: later });
    expect((await filesOf(again.zip)).size).toBe(0);
    expect(again.diff[0].unchanged).toBe(3);

    const reopened = await buildBundle(portals, everywhere(gifts), again.state, { exportedAt: later });
    const back = rakutenRows((await filesOf(reopened.zip)).get("rakuten_楽天ふるさと納税/item.csv")!);
    expect(back.slice(1).map((r) => [r[0], r[2], r[warehouse]])).toEqual([["u", "YH003", "0"]]);
    expect(reopened.diff[0].changed).toEqual([{ giftCode: "YH003", fields: [], reopened: true }]);
    expect(reopened.diff[0].fieldEditsAvoided).toBe(1);
  });

  it("does not send a stop for a listing the portal never received", async () => {
    const { diff, state } = await buildBundle(
      portals,
      everywhere(gifts, () => ({ state: "停止" })),
      EMPTY_BUNDLE_STATE,
      { exportedAt: at },
    );
    expect(diff.map((d) => [d.file, d.stopped, d.added])).toEqual([
      [null, [], []],
      [null, [], []],
    ]);
    expect(state.portals.every((p) => p.listings.length === 0)).toBe(true);
  });

  it("adds a new gift with n while leaving the others alone", async () => {
    const previous = await firstState();
    const { zip, diff } = await buildBundle(portals, everywhere([...gifts, buildGift("YH004")]), previous, { exportedAt: later });
    const rows = rakutenRows((await filesOf(zip)).get("rakuten_楽天ふるさと納税/item.csv")!);
    expect(rows.slice(1).map((r) => [r[0], r[2]])).toEqual([["n", "YH004"]]);
    expect(diff[0].added).toEqual(["YH004"]);
  });

  it("reports listings exported before but absent now, and keeps them in the state", async () => {
    const previous = await firstState();
    const { diff, state } = await buildBundle(portals, everywhere(gifts.slice(0, 2)), previous, { exportedAt: later });
    expect(diff.map((d) => d.missing)).toEqual([["YH003"], ["YH003"]]);
    expect(state.portals[0].listings.map((l) => l.giftCode)).toEqual(["YH001", "YH002", "YH003"]);
  });

  it("notices an edited template and names the new column as changed", async () => {
    const previous = await firstState();
    const base = anaTemplate();
    const edited: PortalTemplate = {
      file: { ...base.file, headerLines: [[...base.file.headerLines[0], "寄附金額（表示用）"]] },
      columns: [...base.columns, { header: "寄附金額（表示用）", value: { expr: 'yen(listing.donationAmount) + "円"' } }],
    };
    const { zip, diff } = await buildBundle([portals[0], { portal: ana, template: edited }], everywhere(gifts), previous, {
      exportedAt: later,
    });
    expect(diff[0].templateChanged).toBe(false);
    expect(diff[1].templateChanged).toBe(true);
    expect(diff[1].changed.map((c) => c.fields)).toEqual([["寄附金額（表示用）"], ["寄附金額（表示用）"], ["寄附金額（表示用）"]]);
    const rows = anaRows((await filesOf(zip)).get("ana_ANAのふるさと納税/henreihin.csv")!);
    expect(rows[1].at(-1)).toBe("13,000円");
  });

  it("keeps the state of portals left out of this run", async () => {
    const previous = await firstState();
    const { state } = await buildBundle([portals[0]], new Map([["rakuten", rowsFor(rakuten, gifts)]]), previous, { exportedAt: later });
    expect(state.portals.find((p) => p.portalCode === "ana")).toEqual(previous.portals.find((p) => p.portalCode === "ana"));
  });
});

describe("buildBundle: reports and refusals", () => {
  it("carries the unencodable characters of each portal's file into its diff", async () => {
    const withKanji = [buildGift("YH001", { title: "𠮷田さんのいちじく" })];
    const { diff } = await buildBundle(portals, everywhere(withKanji), EMPTY_BUNDLE_STATE, { exportedAt: at });
    expect(diff[0].unencodable).toEqual([{ row: 2, column: 6, char: "𠮷", header: "商品名", giftCode: "YH001" }]);
    expect(diff[1].unencodable).toEqual([]); // UTF-8 holds it
  });

  it("refuses rows of another portal, a duplicated listing, rows for a portal without a template, duplicated portals", () => {
    const opts = { exportedAt: at };
    const wrongPortal = new Map([["rakuten", rowsFor(ana, gifts)]]);
    expect(() => planBundle(portals, wrongPortal, EMPTY_BUNDLE_STATE, opts)).toThrow(ValidationError);
    const twice = new Map([["rakuten", rowsFor(rakuten, [gifts[0], gifts[0]])]]);
    expect(() => planBundle(portals, twice, EMPTY_BUNDLE_STATE, opts)).toThrow(/YH001 の掲載が重複しています/);
    const unknown = new Map([["furunavi", rowsFor({ ...rakuten, code: "furunavi" }, gifts)]]);
    expect(() => planBundle(portals, unknown, EMPTY_BUNDLE_STATE, opts)).toThrow(/出力テンプレートのない寄附受付サイト.*furunavi/);
    expect(() => planBundle([portals[0], portals[0]], new Map(), EMPTY_BUNDLE_STATE, opts)).toThrow(/コードが重複しています: rakuten/);
  });

  it("keeps file names safe for Windows whatever the portal is called", async () => {
    const odd: Portal = { ...ana, code: "x/y", name: 'A:B*"C"' };
    const { diff } = await buildBundle(
      [{ portal: odd, template: anaTemplate() }],
      new Map([["x/y", rowsFor(odd, gifts)]]),
      EMPTY_BUNDLE_STATE,
      {
        exportedAt: at,
      },
    );
    expect(diff[0].file).toBe("x_y_A_B__C_/henreihin.csv");
  });
});
