// Must-show behaviour of the donation import: the shipped sample files of two portals land in one ledger, the same
// files again change nothing, a bad row rejects the whole file and names the row, and an unknown value is fixed
// with one mapping entry.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../../platform/audit/audit";
import { storeFile } from "../../../platform/files/files";
import { writeCsv } from "../../../platform/tabular/csv-write";
import { createTestDb, type TestDb } from "../../../testing/db";
import { buildLedgerCity } from "../../../testing/furusato-ledger";
import { importDonationFile } from "./donation-import";
import { donationHash, upsertDonations } from "./donations-store";
import { sampleFilePath } from "./sample-files";

let t: TestDb;
let city: Awaited<ReturnType<typeof buildLedgerCity>>;
let actor: Actor;

beforeAll(async () => {
  t = await createTestDb();
  city = await buildLedgerCity(t.db);
  actor = { userId: city.editor.id, label: "担当A" };
}, 60_000);
afterAll(() => t.cleanup());

async function upload(name: string, bytes: Uint8Array) {
  return (
    await storeFile(t.db, {
      name,
      mimeType: "text/csv",
      bytes,
      createdBy: city.editor.id,
      owner: { kind: "import", id: null, purpose: "import_upload" },
    })
  ).id;
}

async function ledger() {
  const { rows } = await t.db.query<{
    portal_code: string;
    order_number: string;
    amount: number;
    status: string;
    row_hash: string;
    donor_name: string;
  }>("SELECT portal_code, order_number, amount, status, row_hash, donor_name FROM furusato_donations ORDER BY portal_code, order_number");
  const items = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM furusato_donation_items");
  const shipments = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM furusato_shipments");
  return { rows, items: items.rows[0].n, shipments: shipments.rows[0].n };
}

function genericCsv(rows: string[][]): Uint8Array {
  const header = readFileSync(sampleFilePath("generic"), "utf8")
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)[0]
    .split(",");
  return writeCsv(header, rows, { encoding: "utf-8-bom" }).bytes;
}

const row = (order: string, overrides: Record<number, string> = {}) => {
  const cells = [
    order,
    "2026/11/01",
    "2026/11/01",
    "クレジット",
    "19000",
    "入金済み",
    "市長におまかせ",
    "希望する",
    "不可",
    "見本 太郎",
    "ミホン タロウ",
    "100-0013",
    "東京都千代田区霞が関9-9-9",
    "090-1111-2222",
    "t@example.jp",
    "男性",
    "",
    "",
    "",
    "",
    "KMF001",
    "1",
  ];
  for (const [i, v] of Object.entries(overrides)) cells[Number(i)] = v;
  return cells;
};

describe("donation import", () => {
  it("imports the shipped sample files of two portals, and the same files again leave the ledger as it was", async () => {
    const rakutenFile = await upload("rakuten.csv", new Uint8Array(readFileSync(sampleFilePath("rakuten-order"))));
    const first = await importDonationFile(t.db, { mappingId: city.mappings.rakuten, fileId: rakutenFile, actor });
    expect(first).toMatchObject({ ok: true, duplicate: false, created: 40, updated: 0 });
    const genericFile = await upload("ana.csv", new Uint8Array(readFileSync(sampleFilePath("generic"))));
    const second = await importDonationFile(t.db, { mappingId: city.mappings.generic, fileId: genericFile, actor });
    expect(second).toMatchObject({ ok: true, duplicate: false, created: 30 });
    const before = await ledger();
    expect(before.rows.filter((r) => r.portal_code === "rakuten")).toHaveLength(40);
    expect(before.rows.filter((r) => r.portal_code === "ana")).toHaveLength(30);
    // The CP932 file's names came through intact.
    expect(before.rows.find((r) => r.portal_code === "rakuten")?.donor_name).toMatch(/^(見本|試験|例示|仮名|架空|模擬) /);
    expect(before.shipments).toBeGreaterThan(0);

    const again = [
      await importDonationFile(t.db, {
        mappingId: city.mappings.rakuten,
        fileId: await upload("rakuten-again.csv", new Uint8Array(readFileSync(sampleFilePath("rakuten-order")))),
        actor,
      }),
      await importDonationFile(t.db, {
        mappingId: city.mappings.generic,
        fileId: await upload("ana-again.csv", new Uint8Array(readFileSync(sampleFilePath("generic")))),
        actor,
      }),
    ];
    for (const result of again) expect(result).toMatchObject({ ok: true, duplicate: true, created: 0 });
    expect(await ledger()).toEqual(before);
  });

  it("updates a donation whose row changed and leaves the others alone", async () => {
    const a = await importDonationFile(t.db, {
      mappingId: city.mappings.generic,
      fileId: await upload("a.csv", genericCsv([row("UPD-1"), row("UPD-2")])),
      actor,
    });
    expect(a).toMatchObject({ ok: true, created: 2 });
    const b = await importDonationFile(t.db, {
      mappingId: city.mappings.generic,
      fileId: await upload("b.csv", genericCsv([row("UPD-1", { 5: "取消" }), row("UPD-2")])),
      actor,
    });
    expect(b).toMatchObject({ ok: true, created: 0, updated: 1, unchanged: 1 });
    const { rows } = await t.db.query<{ status: string }>(
      "SELECT s.status FROM furusato_shipments s JOIN furusato_donations d ON d.id = s.donation_id WHERE d.order_number = 'UPD-1'",
    );
    expect(rows.map((r) => r.status)).toEqual(["取消"]);
  });

  it("rejects a file with a bad row as a whole and names the row", async () => {
    const before = await ledger();
    const result = await importDonationFile(t.db, {
      mappingId: city.mappings.generic,
      fileId: await upload("bad.csv", genericCsv([row("BAD-1"), row("BAD-2", { 4: "一万円" }), row("BAD-3")])),
      actor,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([{ row: 3, column: "寄附金額", message: "寄附金額「一万円」は1円以上の整数で入力してください。" }]);
    expect(await ledger()).toEqual(before);
    // The same file fixed imports in one go (its hash differs, so it is not taken for a duplicate).
    const fixed = await importDonationFile(t.db, {
      mappingId: city.mappings.generic,
      fileId: await upload("fixed.csv", genericCsv([row("BAD-1"), row("BAD-2"), row("BAD-3")])),
      actor,
    });
    expect(fixed).toMatchObject({ ok: true, created: 3 });
  });

  it("reports an unknown use of funds once per value, and one mapping entry fixes it", async () => {
    const file = genericCsv([row("FUND-1", { 6: "こども未来基金" }), row("FUND-2", { 6: "こども未来基金" })]);
    const result = await importDonationFile(t.db, { mappingId: city.mappings.generic, fileId: await upload("fund.csv", file), actor });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.unknownValues).toEqual([{ field: "fundUse", value: "こども未来基金", count: 2, firstRow: 2 }]);
    await t.db.query(
      "UPDATE furusato_donation_mappings SET config = jsonb_set(config, '{valueMaps,fundUse}', '{\"こども未来基金\": \"kodomo\"}') WHERE id = $1",
      [city.mappings.generic],
    );
    const retry = await importDonationFile(t.db, { mappingId: city.mappings.generic, fileId: await upload("fund-again.csv", file), actor });
    expect(retry).toMatchObject({ ok: true, created: 2 });
  });

  it("a failure in the middle of a large file leaves nothing behind", async () => {
    const before = await ledger();
    const records = Array.from({ length: 4500 }, (_, i) => ({
      portalCode: "ana",
      orderNumber: `CRASH-${i}`,
      appliedOn: "2026-11-01",
      paidOn: "2026-11-01",
      donatedOn: "2026-11-01",
      paymentMethod: "クレジットカード" as const,
      amount: 10000,
      status: "入金済" as const,
      // the last record names a use of funds that does not exist: the database refuses it in the third batch
      fundUseCode: i === 4499 ? "missing" : null,
      isResident: false,
      oneStopWish: false,
      publicationConsent: false,
      donor: { name: "見本 太郎", kana: null, postalCode: null, address: null, phone: null, email: null, gender: null },
      shipTo: null,
      items: [{ giftCode: "KMF001", quantity: 1 }],
    }));
    await expect(t.db.transaction((tx) => upsertDonations(tx, records, { importId: null }))).rejects.toThrow();
    expect(await ledger()).toEqual(before);
    expect(donationHash(records[0])).toBe(donationHash(structuredClone(records[0])));
  });

  it("keeps residents' donations but sends them no gift, and opens a one-stop application for those who asked", async () => {
    const result = await importDonationFile(t.db, {
      mappingId: city.mappings.generic,
      fileId: await upload("resident.csv", genericCsv([row("RES-1", { 12: "福岡県北九州市小倉北区城内1-1" }), row("RES-2")])),
      actor,
    });
    expect(result).toMatchObject({ ok: true, created: 2 });
    const { rows } = await t.db.query<{ order_number: string; is_resident: boolean; shipments: number; one_stop: number }>(
      `SELECT d.order_number, d.is_resident,
              (SELECT count(*)::int FROM furusato_shipments s WHERE s.donation_id = d.id) AS shipments,
              (SELECT count(*)::int FROM furusato_one_stop_applications o WHERE o.donation_id = d.id) AS one_stop
         FROM furusato_donations d WHERE d.order_number LIKE 'RES-%' ORDER BY 1`,
    );
    expect(rows).toEqual([
      { order_number: "RES-1", is_resident: true, shipments: 0, one_stop: 1 },
      { order_number: "RES-2", is_resident: false, shipments: 1, one_stop: 1 },
    ]);
  });
});

describe("donation import after anonymisation", () => {
  it("leaves an anonymised donation anonymised when an old file with a changed row comes again", async () => {
    const first = await importDonationFile(t.db, {
      mappingId: city.mappings.generic,
      fileId: await upload("old.csv", genericCsv([row("OLD-1")])),
      actor,
    });
    expect(first).toMatchObject({ ok: true, created: 1 });
    await t.db.query(
      "UPDATE furusato_donations SET donor_name = '（匿名化済）', donor_address = NULL, anonymised_at = now() WHERE order_number = 'OLD-1'",
    );
    const again = await importDonationFile(t.db, {
      mappingId: city.mappings.generic,
      fileId: await upload("old-changed.csv", genericCsv([row("OLD-1", { 15: "女性" })])),
      actor,
    });
    expect(again).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 1 });
    const { rows } = await t.db.query<{ donor_name: string; donor_address: string | null }>(
      "SELECT donor_name, donor_address FROM furusato_donations WHERE order_number = 'OLD-1'",
    );
    expect(rows[0]).toEqual({ donor_name: "（匿名化済）", donor_address: null });
  });
});
