// The donation import reads, maps and writes a large file slice by slice (a megabyte a slice, 5,000 orders a write):
// orders that cross a slice or a write land whole, an error anywhere rejects the file and leaves the ledger as it
// was, the rest of the file is still checked, and a file whose order lines are scattered is grouped all the same.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../../platform/audit/audit";
import { storeFile } from "../../../platform/files/files";
import { writeCsv } from "../../../platform/tabular/csv-write";
import { createTestDb, type TestDb } from "../../../testing/db";
import { buildLedgerCity } from "../../../testing/furusato-ledger";
import { importDonationFile } from "./donation-import";
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

const HEADER = readFileSync(sampleFilePath("generic"), "utf8")
  .replace(/^\uFEFF/, "")
  .split(/\r?\n/)[0]
  .split(",");

/** A line of the 汎用レイアウト: order number, amount and gift; everything else as an ordinary paid donation. */
const line = (order: string, gift = "KMF001", amount = "19000") => [
  order,
  "2026/11/01",
  "2026/11/01",
  "クレジット",
  amount,
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
  gift,
  "1",
];

async function importLines(name: string, lines: string[][], tail = "") {
  const csv = writeCsv(HEADER, lines, { encoding: "utf-8" }).bytes;
  const bytes = tail ? Buffer.concat([csv, Buffer.from(tail)]) : csv;
  const file = await storeFile(t.db, {
    name,
    mimeType: "text/csv",
    bytes,
    createdBy: city.editor.id,
    owner: { kind: "import", id: null, purpose: "import_upload" },
  });
  return importDonationFile(t.db, { mappingId: city.mappings.generic, fileId: file.id, actor }, progress);
}

let reported: { done: number; total: number | null | undefined; message: string | undefined }[] = [];
const progress = async (done: number, total?: number | null, message?: string) => {
  reported.push({ done, total, message });
};

async function ledgerCount(prefix: string) {
  const { rows } = await t.db.query<{ donations: number; items: number }>(
    `SELECT count(DISTINCT d.id)::int AS donations, count(i.*)::int AS items
       FROM furusato_donations d LEFT JOIN furusato_donation_items i ON i.donation_id = d.id
      WHERE d.order_number LIKE $1 || '%'`,
    [prefix],
  );
  return rows[0];
}

/** The data line (0-based) that the reader's first megabyte ends in: its slice ends with the line before. */
function lineAtFirstMegabyte(lines: string[][]): number {
  const bytes = writeCsv(HEADER, lines, { encoding: "utf-8" }).bytes;
  let newlines = 0;
  for (let i = 0; i < 1024 * 1024; i++) if (bytes[i] === 10) newlines++;
  return newlines - 1; // the first newline ends the heading line
}

/** 12,000 lines: one order per line, except an order of three gifts around the end of the first slice. */
function bigFile(prefix: string): string[][] {
  const lines = Array.from({ length: 12_000 }, (_, i) => line(`${prefix}${String(i).padStart(5, "0")}`));
  const cut = lineAtFirstMegabyte(lines); // every line is as long as the others, so this stays where it is
  for (const i of [cut - 1, cut, cut + 1]) lines[i] = line(`${prefix}MULTI`, i === cut ? "KKB001" : "KMF001");
  expect(lineAtFirstMegabyte(lines)).toBe(cut);
  return lines;
}

describe("donation import of a large file, slice by slice", () => {
  it("lands every order whole, one that crosses a slice included, and records the file's row count", async () => {
    reported = [];
    const result = await importLines("big.csv", bigFile("BIG-"));
    // On PostgreSQL the job hears every 10,000 rows how far the import has got; PGlite's one connection is the
    // import's until it ends, so there it hears only the start and the end.
    const done = reported.map((r) => r.done);
    if (t.db.kind === "postgres") {
      expect(done).toHaveLength(3);
      expect(done[1]).toBeGreaterThanOrEqual(10_000);
      expect(done[1]).toBeLessThan(12_000);
      expect(reported[1].message).toBe(`${done[1].toLocaleString("ja-JP")}行を検証し、台帳に反映しています`);
    } else expect(done).toEqual([0, 12_000]);
    expect(done.at(-1)).toBe(12_000);
    expect(result).toMatchObject({ ok: true, duplicate: false, rowCount: 12_000, created: 11_998, updated: 0, unchanged: 0 });
    expect(await ledgerCount("BIG-")).toEqual({ donations: 11_998, items: 12_000 });
    const multi = await t.db.query<{ line_no: number; gift_code: string }>(
      `SELECT i.line_no, i.gift_code FROM furusato_donation_items i JOIN furusato_donations d ON d.id = i.donation_id
        WHERE d.order_number = 'BIG-MULTI' ORDER BY i.line_no`,
    );
    expect(multi.rows).toEqual([
      { line_no: 1, gift_code: "KMF001" },
      { line_no: 2, gift_code: "KKB001" },
      { line_no: 3, gift_code: "KMF001" },
    ]);
    if (!result.ok) return;
    const recorded = await t.db.query<{ row_count: number; created_count: number }>(
      "SELECT row_count, created_count FROM furusato_donation_imports WHERE id = $1",
      [result.importId],
    );
    expect(recorded.rows[0]).toEqual({ row_count: 12_000, created_count: 11_998 });
  }, 240_000);

  it("rejects the whole file for errors far into it, lists every one, and leaves the ledger as it was", async () => {
    const lines = bigFile("LATE-");
    lines[10_999] = line("LATE-BAD1", "KMF001", "一万円");
    lines[11_999] = line("LATE-BAD2", "KMF001", "-5");
    const result = await importLines("late-errors.csv", lines);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.row)).toEqual([11_001, 12_001]);
    expect(await ledgerCount("LATE-")).toEqual({ donations: 0, items: 0 });
  }, 240_000);

  it("rejects a file whose CSV breaks after its first megabyte, naming the problem, and keeps nothing of it", async () => {
    const result = await importLines("broken.csv", bigFile("BROKEN-"), '"BROKEN-x,2026/11/01\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0].message).toMatch(/^CSVを読み取れません。/);
    expect(await ledgerCount("BROKEN-")).toEqual({ donations: 0, items: 0 });
  }, 240_000);
});

describe("donation import of a file whose order lines are scattered", () => {
  it("groups the lines of one order wherever they are", async () => {
    const result = await importLines("scattered.csv", [line("SCAT-1"), line("SCAT-2"), line("SCAT-3"), line("SCAT-1", "KKB001")]);
    expect(result).toMatchObject({ ok: true, rowCount: 4, created: 3 });
    expect(await ledgerCount("SCAT-")).toEqual({ donations: 3, items: 4 });
  });

  it("names a scattered line that contradicts its order's first line", async () => {
    const result = await importLines("scattered-bad.csv", [line("SCATB-1"), line("SCATB-2"), line("SCATB-1", "KKB001", "5000")]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([{ row: 4, message: "受付番号「SCATB-1」の行（2行目）と、返礼品以外の内容が異なります。" }]);
    expect(await ledgerCount("SCATB-")).toEqual({ donations: 0, items: 0 });
  });
});
