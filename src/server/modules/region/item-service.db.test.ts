// 掲載情報 through the API: lists scoped to the caller's 市町, an item added by hand (checked by the row rules), edits
// with their version, translations, 公開 / 公開停止, おすすめ (the bureau's region editors only, published items only),
// the deletion of a hand-made draft, the CSV of a list, and who may do what: a 市町 editor never reads or changes
// another 市町's item (404), staff who do not run the hub read only (403 on writes).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCurationWorld, type CurationWorld, KITAKYUSHU, NOGATA, tourismCsv, YUKUHASHI } from "./curation-world.fixture";
import { importOpenData } from "./import-service";

let world: CurationWorld;
let nogataItem: { id: string; version: number };
let yukuhashiItem: { id: string; version: number };

beforeAll(async () => {
  world = await buildCurationWorld();
  const actor = { userId: world.ids.manager, label: "政策局 担当" };
  for (const [code, name] of [
    [NOGATA, "直方テストの丘"],
    [YUKUHASHI, "行橋テストの浜"],
  ] as const) {
    const result = await importOpenData(world.t.db, actor, {
      municipalityCode: code,
      dataset: "tourism",
      fileName: `${code}_tourism.csv`,
      fileId: null,
      bytes: tourismCsv(code, [{ id: "1", name, description: "景色のよい場所" }]),
    });
    if (!result.ok) throw new Error(result.message);
  }
  const { rows } = await world.t.db.query<{ id: string; version: number; municipality_code: string }>(
    "SELECT id, version, municipality_code FROM region_items",
  );
  nogataItem = rows.find((r) => r.municipality_code === NOGATA) as { id: string; version: number };
  yukuhashiItem = rows.find((r) => r.municipality_code === YUKUHASHI) as { id: string; version: number };
}, 120_000);
afterAll(() => world?.t.cleanup());

const fieldsOf = (name: string, extra: Record<string, string> = {}) => ({
  名称: name,
  所在地_連結表記: "福岡県直方市殿町1-1",
  緯度: "33.74",
  経度: "130.73",
  ...extra,
});

describe("who sees which items", () => {
  it("shows a 市町 editor their own 市町's items only, and staff every 市町's", async () => {
    const own = await world.nogata.get("/api/region/items");
    expect(own.status).toBe(200);
    expect(own.body.items.map((i: { municipalityCode: string }) => i.municipalityCode)).toEqual([NOGATA]);
    // asking for another 市町 gives nothing of it
    const other = await world.nogata.get(`/api/region/items?municipalityCode=${YUKUHASHI}`);
    expect(other.body.total).toBe(0);
    const staff = await world.viewer.get("/api/region/items");
    expect(staff.body.total).toBe(2);
    expect((await world.anonymous.get("/api/region/items")).status).toBe(401);
  });

  it("answers 404 to a 市町 editor for another 市町's item, on reads and on every write", async () => {
    const id = yukuhashiItem.id;
    expect((await world.nogata.get(`/api/region/items/${id}`)).status).toBe(404);
    expect(
      (await world.nogata.put(`/api/region/items/${id}`, { version: 1, fields: fieldsOf("乗っ取り"), nameEn: "", descriptionEn: "" }))
        .status,
    ).toBe(404);
    expect((await world.nogata.post(`/api/region/items/${id}/publish`, { version: 1 })).status).toBe(404);
    expect((await world.nogata.post(`/api/region/items/${id}/unpublish`, { version: 1 })).status).toBe(404);
    expect((await world.nogata.delete(`/api/region/items/${id}?version=1`)).status).toBe(404);
    const created = await world.nogata.post("/api/region/items", {
      municipalityCode: YUKUHASHI,
      dataset: "tourism",
      fields: fieldsOf("よその市町へ"),
    });
    expect(created.status).toBe(404);
    const unchanged = await world.manager.get(`/api/region/items/${id}`);
    expect(unchanged.body).toMatchObject({ name: "行橋テストの浜", status: "draft", version: yukuhashiItem.version });
  });

  it("lets staff read any item but not change it", async () => {
    const read = await world.viewer.get(`/api/region/items/${nogataItem.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ canEdit: false, canFeature: false, original: { fileName: `${NOGATA}_tourism.csv` } });
    expect((await world.otherEditor.post(`/api/region/items/${nogataItem.id}/publish`, { version: nogataItem.version })).status).toBe(403);
  });
});

describe("an item added by hand", () => {
  it("is checked by the row rules, each problem at its field", async () => {
    const response = await world.nogata.post("/api/region/items", {
      municipalityCode: NOGATA,
      dataset: "event",
      fields: { イベント名: "テストまつり", 開始日: "2027/13/40", 緯度: "130.7", 経度: "33.7" },
    });
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.error.fields)).toEqual(expect.arrayContaining(["fields.開始日", "fields.緯度"]));
  });

  it("refuses a column the dataset does not have", async () => {
    const response = await world.nogata.post("/api/region/items", {
      municipalityCode: NOGATA,
      dataset: "tourism",
      fields: { ...fieldsOf("テスト"), 存在しない列: "x" },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain("存在しない列");
  });

  it("becomes a draft of the editor's 市町 with the hub's own ID, its translations and search bigrams", async () => {
    const response = await world.nogata.post("/api/region/items", {
      municipalityCode: NOGATA,
      dataset: "event",
      fields: {
        イベント名: "直方テスト冬まつり",
        開始日: "2027/01/10",
        終了日: "2027-01-11",
        開始時間: "9:00",
        所在地_連結表記: "福岡県直方市感田",
        緯度: "33.747",
        経度: "130.736",
      },
      nameEn: "Nogata Test Winter Festival",
      descriptionEn: "A test festival by the river.",
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      origin: "editor",
      status: "draft",
      municipalityCode: NOGATA,
      sourceId: null,
      startDate: "2027-01-10",
      startTime: "09:00",
      nameEn: "Nogata Test Winter Festival",
      descriptionEn: "A test festival by the river.",
      canDelete: true,
    });
    // the 市町's code and name come from the record; the English name is kept in step with イベント名_英字
    expect(response.body.fields).toMatchObject({
      全国地方公共団体コード: NOGATA,
      地方公共団体名: "直方市",
      イベント名_英字: "Nogata Test Winter Festival",
      ID: expect.stringMatching(/^HUB-/),
    });
    const { rows } = await world.t.db.query<{ bigrams: string[]; description_en: string }>(
      "SELECT bigrams, description_en FROM region_items WHERE id = $1",
      [response.body.id],
    );
    expect(rows[0].bigrams).toEqual(expect.arrayContaining(["冬ま", "まつ", "wi", "te"]));
    expect(rows[0].description_en).toBe("A test festival by the river.");
    const searched = await world.nogata.get(`/api/region/items?q=${encodeURIComponent("冬まつり")}`);
    expect(searched.body.items.map((i: { id: string }) => i.id)).toEqual([response.body.id]);
  });

  it("is deleted only while it is a never-published draft", async () => {
    const created = (
      await world.nogata.post("/api/region/items", { municipalityCode: NOGATA, dataset: "tourism", fields: fieldsOf("消すテスト") })
    ).body;
    const published = (await world.nogata.post(`/api/region/items/${created.id}/publish`, { version: created.version })).body;
    const withdrawn = (await world.nogata.post(`/api/region/items/${created.id}/unpublish`, { version: published.version })).body;
    const refused = await world.nogata.delete(`/api/region/items/${created.id}?version=${withdrawn.version}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("not_deletable");
    expect((await world.nogata.delete(`/api/region/items/${nogataItem.id}?version=${nogataItem.version}`)).status).toBe(409); // imported

    const draft = (
      await world.nogata.post("/api/region/items", { municipalityCode: NOGATA, dataset: "tourism", fields: fieldsOf("消す下書き") })
    ).body;
    expect((await world.nogata.delete(`/api/region/items/${draft.id}?version=${draft.version}`)).status).toBe(200);
    expect((await world.nogata.get(`/api/region/items/${draft.id}`)).status).toBe(404);
  });
});

describe("editing an item", () => {
  it("writes the fields, refuses a stale version, and records a translation as 翻訳", async () => {
    const before = (await world.nogata.get(`/api/region/items/${nogataItem.id}`)).body;
    const edited = await world.nogata.put(`/api/region/items/${nogataItem.id}`, {
      version: before.version,
      fields: { ...before.fields, 名称: "直方テストの丘（改）", ID: "999" },
      nameEn: before.nameEn,
      descriptionEn: before.descriptionEn,
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ name: "直方テストの丘（改）", sourceId: "1", version: before.version + 1 });
    expect(edited.body.fields.ID).toBe("1"); // the publisher's ID is the key a re-import updates by: never changed
    const stale = await world.nogata.put(`/api/region/items/${nogataItem.id}`, {
      version: before.version,
      fields: before.fields,
      nameEn: "",
      descriptionEn: "",
    });
    expect(stale.status).toBe(409);

    const translated = await world.nogata.put(`/api/region/items/${nogataItem.id}`, {
      version: edited.body.version,
      fields: edited.body.fields,
      nameEn: "Nogata Test Hill",
      descriptionEn: "A hill with a view.",
    });
    expect(translated.body).toMatchObject({ nameEn: "Nogata Test Hill", descriptionEn: "A hill with a view." });
    expect(translated.body.fields.名称_英字).toBe("Nogata Test Hill");
    expect(translated.body.fields.説明_英字).toBe("A hill with a view.");
    const { rows } = await world.t.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE entity_type = 'region_item' AND entity_id = $1 ORDER BY id",
      [nogataItem.id],
    );
    expect(rows.map((r) => r.action)).toEqual(["update", "translate"]);
    nogataItem = { id: nogataItem.id, version: translated.body.version };
  });
});

describe("公開 and おすすめ", () => {
  it("publishes and withdraws (a withdrawn item loses おすすめ), and only the bureau features published items", async () => {
    const id = nogataItem.id;
    const notYet = await world.manager.post(`/api/region/items/${id}/feature`, { version: nogataItem.version });
    expect(notYet.status).toBe(409);
    const published = await world.nogata.post(`/api/region/items/${id}/publish`, { version: nogataItem.version });
    expect(published.body).toMatchObject({ status: "published", publishedAt: expect.any(String) });
    expect((await world.nogata.post(`/api/region/items/${id}/publish`, { version: published.body.version })).status).toBe(409);
    // a 市町 editor cannot feature (the router refuses before anything is read)
    expect((await world.nogata.post(`/api/region/items/${id}/feature`, { version: published.body.version })).status).toBe(403);
    const featured = await world.manager.post(`/api/region/items/${id}/feature`, { version: published.body.version });
    expect(featured.body).toMatchObject({ featured: true, featuredAt: expect.any(String) });
    const featuredList = await world.viewer.get("/api/region/items?featured=true");
    expect(featuredList.body.items.map((i: { id: string }) => i.id)).toEqual([id]);
    const withdrawn = await world.nogata.post(`/api/region/items/${id}/unpublish`, { version: featured.body.version });
    expect(withdrawn.body).toMatchObject({ status: "withdrawn", featured: false });
    const { rows } = await world.t.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE entity_type = 'region_item' AND entity_id = $1 AND action IN ('publish', 'unpublish', 'feature') ORDER BY id",
      [id],
    );
    expect(rows.map((r) => r.action)).toEqual(["publish", "feature", "unpublish"]);
  });

  it("lets the bureau's region editors publish any 市町's item (北九州市 has no editors of its own)", async () => {
    const created = await world.manager.post("/api/region/items", {
      municipalityCode: KITAKYUSHU,
      dataset: "tourism",
      fields: { 名称: "北九州テストの城", 所在地_連結表記: "福岡県北九州市小倉北区城内2-1", 緯度: "33.8845", 経度: "130.8743" },
    });
    expect(created.status).toBe(200);
    const published = await world.manager.post(`/api/region/items/${created.body.id}/publish`, { version: created.body.version });
    expect(published.body.status).toBe("published");
  });
});

describe("the list's CSV", () => {
  it("has the list's rows (the caller's 市町 only for a 市町 editor), formula-guarded, and is audited", async () => {
    await world.nogata.post("/api/region/items", { municipalityCode: NOGATA, dataset: "tourism", fields: fieldsOf("=HYPERLINK(1)") });
    const response = await world.nogata.get("/api/region/items.csv?sort=name");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain("attachment");
    expect([...response.raw.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 with BOM
    const text = response.body as string;
    expect(text).toContain("直方市");
    expect(text).not.toContain("行橋テストの浜");
    expect(text).toContain("'=HYPERLINK(1)");
    const { rows } = await world.t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'region_item' AND action = 'export'",
    );
    expect(rows[0].n).toBe(1);
  });
});
