// The staff export over HTTP (/region/opendata): each dataset in 正式版 column order with the 市町's code, ID and
// name filled in and the translations in 名称_英字 / 説明_英字; UTF-8 with BOM by default, CP932 on request (〓 and a
// report for what it cannot hold); published items only unless a region manager or the 市町's own editor asks for
// everything (another 市町's editor: 404; a viewer: 403); every download in the audit log; the licence setting.
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATASET_KEYS, DATASETS } from "../../../common/region/datasets";
import { readCsv } from "../../platform/tabular";
import { buildExportWorld, type ExportWorld, insertExportItem, KANDA, KITAKYUSHU, NOGATA } from "./export-fixture";

let w: ExportWorld;

beforeAll(async () => {
  w = await buildExportWorld();
  const db = w.t.db;
  // one published item of every dataset in 直方市, with its name and a 説明-like value where the dataset has them
  for (const dataset of DATASET_KEYS) {
    const nameColumn = DATASETS[dataset].columns.find((c) => c.item === "name")?.name ?? "名称";
    await insertExportItem(db, {
      municipality: NOGATA,
      dataset,
      sourceId: "001",
      name: `直方の${DATASETS[dataset].noun}`,
      fields: { ID: "001", [nameColumn]: `直方の${DATASETS[dataset].noun}`, 地方公共団体名: "古い名前", 全国地方公共団体コード: "40204" },
    });
  }
  await insertExportItem(db, {
    municipality: NOGATA,
    dataset: "tourism",
    sourceId: "010",
    name: "直方谷尾美術館",
    nameEn: "Nogata Tanio Art Museum",
    descriptionEn: "A museum in an old clinic.",
    fields: {
      ID: "010",
      名称: "直方谷尾美術館",
      名称_英字: "",
      説明: '=HYPERLINK("http://evil.example/","詳細")',
      連絡先電話番号: "0949-22-0038",
      "料金（基本）": "-",
      備考: "𠮷田家の寄贈品あり（9:00〜17:00）",
    },
  });
  await insertExportItem(db, {
    municipality: NOGATA,
    dataset: "tourism",
    sourceId: "002",
    name: "直方の下書き",
    status: "draft",
    fields: { 名称: "直方の下書き" },
  });
  await insertExportItem(db, {
    municipality: NOGATA,
    dataset: "tourism",
    sourceId: null,
    name: "手入力の施設",
    fields: { 名称: "手入力の施設" },
  });
  await insertExportItem(db, {
    municipality: KANDA,
    dataset: "tourism",
    sourceId: "A1",
    name: "苅田の下書き",
    status: "draft",
    fields: { 名称: "苅田の下書き" },
  });
  await insertExportItem(db, { municipality: KITAKYUSHU, dataset: "tourism", sourceId: "1", name: "小倉城", fields: { 名称: "小倉城" } });
}, 120_000);
afterAll(() => w?.t.cleanup());

const url = (municipality: string, query: Record<string, string>) =>
  `/api/region/opendata/${municipality}/export?${new URLSearchParams(query)}`;
const table = (raw: Uint8Array) => readCsv(raw);

describe("the staff export", () => {
  it("writes every dataset in 正式版 column order, with the 市町's code, ID and name filled in per row", async () => {
    for (const dataset of DATASET_KEYS) {
      const response = await w.viewer.get(url(NOGATA, { dataset }));
      expect(response.status, dataset).toBe(200);
      const { header, rows } = table(response.raw);
      expect(header).toEqual(DATASETS[dataset].columns.map((c) => c.name));
      const first = rows.find((r) => r[1] === "001");
      expect(first?.slice(0, 3), dataset).toEqual(["402044", "001", "直方市"]);
    }
  });

  it("answers UTF-8 with a BOM and CRLF by default, named by the definition's convention", async () => {
    const response = await w.viewer.get(url(NOGATA, { dataset: "tourism" }));
    expect([...response.raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(response.raw.subarray(3));
    expect(text.split("\r\n").length).toBeGreaterThan(2);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/(?<!")\n(?!")/);
    expect(response.headers.get("content-disposition")).toContain("filename*=UTF-8''402044_tourism.csv");
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  });

  it("writes the editors' translations into 名称_英字 and 説明_英字, keeps safe values exact and guards formulas", async () => {
    const { header, rows } = table((await w.viewer.get(url(NOGATA, { dataset: "tourism" }))).raw);
    const museum = rows.find((r) => r[1] === "010") ?? [];
    const cell = (name: string) => museum[header.indexOf(name)];
    expect(cell("名称_英字")).toBe("Nogata Tanio Art Museum");
    expect(cell("説明_英字")).toBe("A museum in an old clinic.");
    expect(cell("料金（基本）")).toBe("-");
    expect(cell("連絡先電話番号")).toBe("0949-22-0038");
    expect(cell("説明")).toBe('\'=HYPERLINK("http://evil.example/","詳細")');
    // a hand-made item has no publisher's ID: its own id stands in
    expect(rows.some((r) => /^[0-9a-f-]{36}$/.test(r[1]))).toBe(true);
    // IDs in order, shorter first
    expect(rows.map((r) => r[1]).slice(0, 2)).toEqual(["001", "010"]);
  });

  it("writes CP932 on request: the same text, 〜 as ～, and 〓 for what CP932 cannot hold — reported by the check", async () => {
    const utf8 = new TextDecoder().decode((await w.viewer.get(url(NOGATA, { dataset: "tourism" }))).raw.subarray(3));
    const response = await w.viewer.get(url(NOGATA, { dataset: "tourism", encoding: "cp932" }));
    expect(response.headers.get("content-type")).toBe("text/csv; charset=Shift_JIS");
    const cp932 = iconv.decode(Buffer.from(response.raw), "cp932");
    expect(cp932).toBe(utf8.replace("〜", "～").replace("𠮷", "〓"));
    const check = await w.viewer.get(`/api/region/opendata/${NOGATA}/check?dataset=tourism&encoding=cp932`);
    expect(check.status).toBe(200);
    expect(check.body.unencodable).toEqual([
      { row: 3, column: "備考", char: "𠮷", municipalityCode: NOGATA, sourceId: "010", itemName: "直方谷尾美術館" },
    ]);
    expect(check.body.guarded).toEqual([
      {
        row: 3,
        column: "説明",
        value: '=HYPERLINK("http://evil.example/","詳細")',
        municipalityCode: NOGATA,
        sourceId: "010",
        itemName: "直方谷尾美術館",
      },
    ]);
    expect(check.body.fileName).toBe("402044_tourism.csv");
  });

  it("exports published items only by default, and every 市町 together as one file", async () => {
    const one = table((await w.viewer.get(url(NOGATA, { dataset: "tourism" }))).raw);
    expect(one.rows.map((r) => r[header(one, "名称")])).not.toContain("直方の下書き");
    const all = await w.viewer.get(url("all", { dataset: "tourism" }));
    expect(all.headers.get("content-disposition")).toContain("kitakyushu-region_tourism.csv");
    const rows = table(all.raw).rows;
    // 市町 in their list order: 北九州市 first; drafts of any 市町 never
    expect(rows[0].slice(0, 3)).toEqual([KITAKYUSHU, "1", "北九州市"]);
    expect(rows.map((r) => r[0])).not.toContain(KANDA);
  });

  it("exports drafts too for a region manager and for the 市町's own editor, and for nobody else", async () => {
    const names = async (client: typeof w.manager, municipality: string) => {
      const response = await client.get(url(municipality, { dataset: "tourism", scope: "all" }));
      return { status: response.status, names: response.status === 200 ? table(response.raw).rows.map((r) => r[3]) : [], response };
    };
    const manager = await names(w.manager, NOGATA);
    expect(manager.names).toContain("直方の下書き");
    expect(manager.response.headers.get("content-disposition")).toContain("402044_tourism_");
    expect((await names(w.admin, "all")).names).toEqual(expect.arrayContaining(["直方の下書き", "苅田の下書き", "小倉城"]));
    expect((await names(w.nogataEditor, NOGATA)).names).toContain("直方の下書き");
    // another 市町's editor learns nothing of 直方市's drafts; staff outside the bureau may not; nor may a 市町 editor ask for all
    expect((await names(w.kandaEditor, NOGATA)).status).toBe(404);
    expect((await names(w.nogataEditor, "all")).status).toBe(403);
    expect((await names(w.viewer, NOGATA)).status).toBe(403);
    expect((await names(w.otherEditor, NOGATA)).status).toBe(403);
    // published only: every reader, any 市町
    expect((await w.kandaEditor.get(url(NOGATA, { dataset: "tourism" }))).status).toBe(200);
    expect((await w.anonymous.get(url(NOGATA, { dataset: "tourism" }))).status).toBe(401);
    expect((await w.viewer.get(url("999999", { dataset: "tourism" }))).status).toBe(404);
  });

  it("records every download in the audit log (region_export) with what was exported", async () => {
    const before = await w.t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'region_export'");
    await w.manager.get(url(NOGATA, { dataset: "tourism", scope: "all", encoding: "cp932" }));
    const { rows } = await w.t.db.query<{ action: string; summary: string; after: Record<string, unknown> }>(
      "SELECT action, summary, after FROM audit_log WHERE entity_type = 'region_export' ORDER BY id DESC LIMIT 1",
    );
    const after = await w.t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'region_export'");
    expect(after.rows[0].n).toBe(before.rows[0].n + 1);
    expect(rows[0]).toMatchObject({
      action: "export",
      summary: "観光施設一覧（直方市・非公開を含む・Shift_JIS（CP932））を出力（4件）",
      after: { dataset: "tourism", municipality: NOGATA, scope: "all", encoding: "cp932", rows: 4, unencodable: 1, guarded: 1 },
    });
    // the check reads without writing
    await w.manager.get(`/api/region/opendata/${NOGATA}/check?dataset=tourism`);
    const again = await w.t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'region_export'");
    expect(again.rows[0].n).toBe(after.rows[0].n);
  });
});

function header(t: { header: string[] }, name: string): number {
  return t.header.indexOf(name);
}

describe("the overview and the licence", () => {
  it("counts published items per dataset × 市町 for everyone, and drafts where the caller may export them", async () => {
    const count = (
      body: { counts: { dataset: string; municipalityCode: string; published: number; total: number | null }[] },
      code: string,
    ) => body.counts.find((c) => c.dataset === "tourism" && c.municipalityCode === code);
    const manager = (await w.manager.get("/api/region/opendata")).body;
    expect(count(manager, NOGATA)).toEqual({ dataset: "tourism", municipalityCode: NOGATA, published: 3, total: 4 });
    expect(count(manager, KANDA)).toEqual({ dataset: "tourism", municipalityCode: KANDA, published: 0, total: 1 });
    expect(manager.mayExportAllOfRegion).toBe(true);
    expect(manager.license).toMatchObject({ id: "CC-BY-4.0" });
    const viewer = (await w.viewer.get("/api/region/opendata")).body;
    expect(count(viewer, NOGATA)).toEqual({ dataset: "tourism", municipalityCode: NOGATA, published: 3, total: null });
    expect(count(viewer, KANDA)).toBeUndefined();
    expect(viewer.mayChangeLicense).toBe(false);
    const kanda = (await w.kandaEditor.get("/api/region/opendata")).body;
    expect(count(kanda, KANDA)?.total).toBe(1);
    expect(kanda.municipalities.filter((m: { mayExportAll: boolean }) => m.mayExportAll).map((m: { code: string }) => m.code)).toEqual([
      KANDA,
    ]);
  });

  it("lets a region manager change the licence (audited), and nobody else", async () => {
    expect((await w.viewer.put("/api/region/opendata/license", { license: "PDL-1.0" })).status).toBe(403);
    expect((await w.nogataEditor.put("/api/region/opendata/license", { license: "PDL-1.0" })).status).toBe(403);
    const changed = await w.manager.put("/api/region/opendata/license", { license: "PDL-1.0" });
    expect(changed.status).toBe(200);
    expect(changed.body.license).toMatchObject({ id: "PDL-1.0", title: "公共データ利用規約（第1.0版）（PDL1.0）" });
    const ckan = await w.anonymous.get(`/api/public/region/ckan/3/action/package_show?id=${NOGATA}-tourism`);
    expect(ckan.body.result.license_id).toBe("PDL-1.0");
    const { rows } = await w.t.db.query<{ summary: string }>(
      "SELECT summary FROM audit_log WHERE entity_type = 'region_export' AND action = 'update' ORDER BY id DESC LIMIT 1",
    );
    expect(rows[0].summary).toContain("公共データ利用規約");
    await w.manager.put("/api/region/opendata/license", { license: "CC-BY-4.0" });
  });
});
