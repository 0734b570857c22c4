// The import of a 市町's open-data file: items created as drafts, updated by their publisher's ID on a later import
// (a published item stays published), unchanged rows left alone, every row it cannot take held with its problems,
// rows of another 市町 held, and all of it in one transaction (a crash half-way leaves nothing).
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../platform/audit/audit";
import { buildCurationWorld, type CurationWorld, NOGATA, tableCounts, tourismCsv, YUKUHASHI } from "./curation-world.fixture";
import { importOpenData } from "./import-service";
import { readRegionSample } from "./sample-files";

let world: CurationWorld;
let actor: Actor;

beforeAll(async () => {
  world = await buildCurationWorld();
  actor = { userId: world.ids.manager, label: "政策局 担当" };
}, 120_000);
afterAll(() => world?.t.cleanup());

async function items(code: string, dataset = "tourism") {
  const { rows } = await world.t.db.query<{
    id: string;
    source_id: string;
    name: string;
    name_en: string;
    status: string;
    import_id: string;
    version: number;
    lat: number | null;
    original: { rowNumber: number; fileName: string };
    bigrams: string[];
  }>(
    `SELECT id, source_id, name, name_en, status, import_id, version, lat, original, bigrams FROM region_items
      WHERE municipality_code = $1 AND dataset = $2 ORDER BY source_id`,
    [code, dataset],
  );
  return rows;
}

const run = (code: string, fileName: string, bytes: Uint8Array, dataset: "tourism" | "event" | "aed" = "tourism") =>
  importOpenData(world.t.db, actor, { municipalityCode: code, dataset, fileName, fileId: null, bytes });

describe("importing a 市町's file", () => {
  it("creates draft items, holds the row it cannot take, and records what it found", async () => {
    const result = await run(NOGATA, "402044_tourism.csv", readRegionSample("opendata/402044_tourism.csv"));
    expect(result).toMatchObject({
      ok: true,
      encoding: "cp932",
      headerGeneration: "recommended",
      rowsRead: 10,
      created: 9,
      updated: 0,
      unchanged: 0,
      problems: 1,
      skipped: 1,
    });
    if (!result.ok) return;
    // the 5-digit codes were completed: said, not silent
    expect(result.notices.join("\n")).toContain("チェックデジットを補いました");
    const created = await items(NOGATA);
    expect(created).toHaveLength(9);
    expect(created.every((item) => item.status === "draft" && item.import_id === result.importId)).toBe(true);
    const museum = created.find((item) => item.name === "直方市石炭記念館");
    expect(museum).toMatchObject({ source_id: "1", name_en: "Nogata Coal Memorial Museum", lat: 33.7462 });
    expect(museum?.original).toMatchObject({ fileName: "402044_tourism.csv", rowNumber: 3 });
    expect(museum?.bigrams).toEqual(expect.arrayContaining(["石炭", "記念", "ノオ", "no"]));

    const imported = await world.t.db.query<{ encoding: string; header_generation: string; skipped: unknown; problem_count: number }>(
      "SELECT encoding, header_generation, skipped, problem_count FROM region_imports WHERE id = $1",
      [result.importId],
    );
    expect(imported.rows[0]).toMatchObject({ encoding: "cp932", header_generation: "recommended", problem_count: 1 });
    expect(imported.rows[0].skipped).toEqual([{ line: 1, reason: expect.stringContaining("コメント") }]);
    const held = await world.t.db.query<{ row_number: number; source_id: string; status: string; problems: { code: string }[] }>(
      "SELECT row_number, source_id, status, problems FROM region_import_problems WHERE import_id = $1",
      [result.importId],
    );
    expect(held.rows).toEqual([
      { row_number: 7, source_id: "5", status: "open", problems: [expect.objectContaining({ code: "lat_lon_swapped" })] },
    ]);
  });

  it("leaves unchanged rows alone on a re-import and updates a changed row in place, keeping it published", async () => {
    const first = await run(
      YUKUHASHI,
      "a.csv",
      tourismCsv(YUKUHASHI, [
        { id: "001", name: "行橋テストの丘", description: "はじめ" },
        { id: "002", name: "行橋テストの浜" },
      ]),
    );
    expect(first).toMatchObject({ ok: true, created: 2 });
    const [hill] = await items(YUKUHASHI);
    await world.t.db.query("UPDATE region_items SET status = 'published', published_at = now() WHERE id = $1", [hill.id]);

    const same = await run(
      YUKUHASHI,
      "a.csv",
      tourismCsv(YUKUHASHI, [
        { id: "001", name: "行橋テストの丘", description: "はじめ" },
        { id: "002", name: "行橋テストの浜" },
      ]),
    );
    expect(same).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 2, problems: 0 });
    expect((await items(YUKUHASHI))[0].version).toBe(hill.version);

    const newer = await run(
      YUKUHASHI,
      "b.csv",
      tourismCsv(YUKUHASHI, [
        { id: "001", name: "行橋テストの丘", description: "説明を書き直した" },
        { id: "002", name: "行橋テストの浜" },
        { id: "003", name: "行橋テストの森" },
      ]),
    );
    expect(newer).toMatchObject({ ok: true, created: 1, updated: 1, unchanged: 1 });
    const after = await items(YUKUHASHI);
    expect(after.map((item) => item.source_id)).toEqual(["001", "002", "003"]);
    const updated = after[0];
    expect(updated).toMatchObject({ id: hill.id, status: "published", version: hill.version + 1 });
    expect(updated.import_id).toBe(newer.ok ? newer.importId : null);
    expect(updated.original.fileName).toBe("b.csv");
  });

  it("keeps an editor's English name when the newer file has none", async () => {
    const code = "402150";
    await run(code, "c.csv", tourismCsv(code, [{ id: "1", name: "中間テストの橋" }]));
    const [item] = await items(code);
    await world.t.db.query(
      `UPDATE region_items SET name_en = 'Nakama Test Bridge', fields = fields || '{"名称_英字": "Nakama Test Bridge"}'::jsonb WHERE id = $1`,
      [item.id],
    );
    const again = await run(code, "c.csv", tourismCsv(code, [{ id: "1", name: "中間テストの橋" }]));
    expect(again).toMatchObject({ ok: true, unchanged: 1, updated: 0 });
    expect((await items(code))[0].name_en).toBe("Nakama Test Bridge");
  });

  it("holds rows whose 全国地方公共団体コード is another 市町's, and a second row with the same ID", async () => {
    const code = "403814";
    const header = "全国地方公共団体コード,ID,地方公共団体名,名称,所在地_連結表記,緯度,経度";
    const text = [
      header,
      `${code},1,芦屋町,芦屋テストの浜,福岡県芦屋町,33.89,130.66`,
      `${NOGATA},2,直方市,直方の行（紛れ込み）,福岡県直方市,33.74,130.73`,
      `${code},1,芦屋町,芦屋テストの浜（重複）,福岡県芦屋町,33.89,130.66`,
    ].join("\r\n");
    const result = await run(code, "e.csv", new TextEncoder().encode(`${text}\r\n`));
    expect(result).toMatchObject({ ok: true, created: 1, problems: 2 });
    const held = await world.t.db.query<{ source_id: string; problems: { code: string; column: string }[] }>(
      "SELECT source_id, problems FROM region_import_problems WHERE import_id = $1 ORDER BY row_number",
      [result.ok ? result.importId : ""],
    );
    expect(held.rows.map((r) => [r.source_id, r.problems.map((p) => p.code)])).toEqual([
      ["2", ["other_municipality"]],
      ["1", ["duplicate_id"]],
    ]);
    expect((await items(NOGATA)).some((item) => item.name.includes("紛れ込み"))).toBe(false);
  });

  it("refuses a file that is not a 市町's open-data CSV and changes nothing", async () => {
    const before = await tableCounts(world.t);
    const result = await run(NOGATA, "memo.csv", new TextEncoder().encode("ただのメモです\r\n"));
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/[ぁ-ん]/) });
    expect(await tableCounts(world.t)).toEqual(before);
  });

  it("writes nothing when the import fails half-way (one transaction)", async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => ({ id: String(i + 1), name: `途中失敗テスト${i + 1}` }));
    const before = await tableCounts(world.t);
    let batches = 0;
    await expect(
      importOpenData(
        world.t.db,
        actor,
        { municipalityCode: "406015", dataset: "tourism", fileName: "f.csv", fileId: null, bytes: tourismCsv("406015", rows) },
        {
          // after each batch written, inside the transaction: fail once the first batch has landed
          onBatch: async () => {
            if (++batches === 2) throw new Error("simulated crash");
          },
        },
      ),
    ).rejects.toThrow("simulated crash");
    expect(await tableCounts(world.t)).toEqual(before);
    expect(await items("406015")).toEqual([]);
  });

  it("reads a Shift_JIS event file of the old template and keeps dates and times as given", async () => {
    const header =
      "都道府県コード又は市区町村コード,NO,都道府県名,市区町村名,イベント名,イベント名_カナ,イベント名_英語,開始日,終了日,開始時間,終了時間,場所名称,住所,緯度,経度";
    const text = `${header}\r\n40204,1,福岡県,直方市,テスト冬まつり,,Test Winter Festival,2027/01/10,2027/01/11,9:00,17:00,河川敷,福岡県直方市感田,33.747,130.736\r\n`;
    const result = await run(NOGATA, "402044_event.csv", new Uint8Array(iconv.encode(text, "cp932")), "event");
    expect(result).toMatchObject({ ok: true, created: 1, encoding: "cp932", headerGeneration: "recommended" });
    const { rows } = await world.t.db.query<{ start_date: string; end_date: string; start_time: string; name_en: string }>(
      "SELECT start_date::text, end_date::text, start_time, name_en FROM region_items WHERE municipality_code = $1 AND dataset = 'event'",
      [NOGATA],
    );
    expect(rows).toEqual([{ start_date: "2027-01-10", end_date: "2027-01-11", start_time: "09:00", name_en: "Test Winter Festival" }]);
  });
});
