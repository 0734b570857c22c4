// DonationLineStream gives what mapDonationRows gives for the same file, however the file is cut into slices: the
// same orders with the same gifts, the same errors on the same rows, and the same row count; a file whose order lines
// are scattered is flagged for mapDonationRows instead.
import { describe, expect, it } from "vitest";
import type { DonationRecord } from "./donation";
import { type DonationMappingConfig, donationMappingConfigSchema, type MappingTable } from "./donation-mapping";
import { DonationLineStream, mapDonationRows } from "./donation-orders";

const config: DonationMappingConfig = donationMappingConfigSchema.parse({
  headerRow: 2,
  columns: {
    orderNumber: ["受付番号"],
    appliedOn: ["申込日"],
    amount: ["寄附金額"],
    donorName: ["寄附者氏名"],
    giftCode: ["返礼品コード"],
    quantity: ["数量"],
  },
  defaults: { paymentMethod: "クレジットカード", status: "入金済" },
});
const master = { fundUses: [], giftCodes: new Set(["G1", "G2"]) };

/** A title line, the heading line, then lines: one order per line, a three-gift order, and a few bad lines. */
function table(bad: boolean): MappingTable {
  const rows = [["寄附一覧（見本）"], ["受付番号", "申込日", "寄附金額", "寄附者氏名", "返礼品コード", "数量"]];
  for (let i = 0; i < 300; i++) {
    if (i === 120) for (const gift of ["G1", "G2", "G1"]) rows.push(["M-1", "2026/11/01", "30000", "見本 花子", gift, "1"]);
    rows.push([`O-${i}`, "2026/11/01", String(10_000 + i), "見本 太郎", i % 2 ? "G1" : "G2", "1"]);
  }
  if (bad) {
    rows[50][2] = "一万円";
    // right after their orders' first lines: the same order again without a gift, and one that differs
    const after = (order: string, line: string[]) => rows.splice(rows.findIndex((r) => r[0] === order) + 1, 0, line);
    after("O-197", ["O-197", "2026/11/01", "10197", "見本 太郎", "", ""]);
    after("O-198", ["O-198", "2026/11/01", "999", "見本 太郎", "G1", "1"]);
  }
  return { rows, rowNumbers: rows.map((_, i) => i + 3) };
}

function streamed(file: MappingTable, sliceRows: number) {
  const stream = new DonationLineStream(config, "ana", master);
  const donations: DonationRecord[] = [];
  for (let at = 0; at < file.rows.length; at += sliceRows) {
    stream.push(file.rows.slice(at, at + sliceRows), file.rowNumbers.slice(at, at + sliceRows));
    donations.push(...stream.take());
  }
  stream.finish();
  donations.push(...stream.take());
  return { stream, donations };
}

describe("DonationLineStream", () => {
  it.each([1, 7, 120, 1000])("maps a good file cut into slices of %i rows as mapDonationRows does", (sliceRows) => {
    const file = table(false);
    const whole = mapDonationRows(file, config, "ana", master);
    expect(whole.ok).toBe(true);
    const { stream, donations } = streamed(file, sliceRows);
    expect(stream.errors).toEqual([]);
    expect(stream.scattered).toBe(false);
    expect(stream.rowCount).toBe(whole.rowCount);
    if (whole.ok) expect(donations).toEqual(whole.donations);
    expect(donations.find((d) => d.orderNumber === "M-1")?.items.map((i) => i.giftCode)).toEqual(["G1", "G2", "G1"]);
  });

  it("gives the same errors for a bad file, on the same rows", () => {
    const file = table(true);
    const whole = mapDonationRows(file, config, "ana", master);
    expect(whole.ok).toBe(false);
    const { stream } = streamed(file, 64);
    if (!whole.ok) {
      expect(whole.errors.map((e) => e.message)).toEqual([
        "寄附金額「一万円」は1円以上の整数で入力してください。",
        "受付番号「O-197」が重複しています（205行目）。",
        "受付番号「O-198」の行（207行目）と、返礼品以外の内容が異なります。",
      ]);
      expect(stream.errors).toEqual(whole.errors);
      expect(stream.unknownValues).toEqual(whole.unknownValues);
      expect(stream.rowCount).toBe(whole.rowCount);
    }
  });

  it("flags an order whose lines are apart, and a file without a heading or data lines as mapDonationRows does", () => {
    const file = table(false);
    file.rows.push(["O-3", "2026/11/01", "10003", "見本 太郎", "G1", "1"]);
    file.rowNumbers.push(9999);
    expect(streamed(file, 50).stream.scattered).toBe(true);

    for (const rows of [
      [["寄附一覧（見本）"]],
      [["寄附一覧（見本）"], ["受付番号", "申込日", "寄附金額", "寄附者氏名", "返礼品コード", "数量"]],
    ]) {
      const empty = { rows, rowNumbers: rows.map((_, i) => i + 1) };
      const whole = mapDonationRows(empty, config, "ana", master);
      const { stream } = streamed(empty, 10);
      expect(whole.ok).toBe(false);
      if (!whole.ok) expect(stream.errors).toEqual(whole.errors);
    }
  });
});
