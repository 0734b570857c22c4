// 連携市町 over HTTP on the module's sample data: every member of staff reads the list (newest population with its
// basis and date, the editors' organisation and login count) and a 市町; only the hub's bureau and administrators
// see the editors' logins and edit (version-checked, 郡 for towns only, one organisation per 市町, a new organisation
// on request), each edit audited; 市町 editors and outsiders are refused; the list exports as Excel and CSV; the
// staff home's figures show the curation part's tables only once they hold data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMunicipalityWorld, type MunicipalityWorld } from "./municipality.fixture";

let w: MunicipalityWorld;

beforeAll(async () => {
  w = await buildMunicipalityWorld();
}, 120_000);
afterAll(() => w?.t.cleanup());

const editBody = (detail: {
  version: number;
  kana: string;
  nameEn: string;
  district: string | null;
  organisation: { id: string } | null;
}) => ({
  version: detail.version,
  kana: detail.kana,
  nameEn: detail.nameEn,
  district: detail.district,
  joinedOn: "2016-04-18",
  organisationId: detail.organisation?.id ?? null,
});

describe("the list and a 市町", () => {
  it("lists the 18 市町 in order for any member of staff, with the newest population and the editors", async () => {
    const response = await w.viewer.get("/api/region/municipalities");
    expect(response.status).toBe(200);
    expect(response.body.canManage).toBe(false);
    const items = response.body.items;
    expect(items).toHaveLength(18);
    expect(items[0]).toMatchObject({
      code: "401005",
      name: "北九州市",
      kind: "designated_city",
      organisation: null,
      editorLoginCount: 0,
      joinedOn: "2016-04-18",
      latestPopulation: { basis: "resident_register", asOf: "2022-01-01", population: 936586 },
    });
    expect(items.find((m: { code: string }) => m.code === "402044")).toMatchObject({
      organisation: { code: "region-402044", name: "直方市" },
      editorLoginCount: 1,
    });
    expect(items.find((m: { code: string }) => m.code === "406422")).toMatchObject({ district: "築上郡", joinedOn: null, kind: "town" });
    expect((await w.manager.get("/api/region/municipalities")).body.canManage).toBe(true);
  });

  it("shows the newest figure of any basis as the latest population", async () => {
    await w.t.db.query(
      "INSERT INTO region_populations (municipality_code, basis, as_of, population, source) VALUES ('402044', 'estimate', '2024-10-01', 54000, '県の推計')",
    );
    const nogata = (await w.viewer.get("/api/region/municipalities/402044")).body;
    expect(nogata.latestPopulation).toMatchObject({ basis: "estimate", asOf: "2024-10-01", population: 54000, isSample: false });
    expect(nogata.populations.map((p: { asOf: string }) => p.asOf)).toEqual(["2024-10-01", "2022-01-01"]);
  });

  it("shows the editors' logins and the organisations to link to the bureau only", async () => {
    const forViewer = (await w.viewer.get("/api/region/municipalities/402044")).body;
    expect(forViewer).toMatchObject({ canManage: false, editorLogins: null, organisationChoices: null, editorLoginCount: 1 });
    const forManager = (await w.manager.get("/api/region/municipalities/402044")).body;
    expect(forManager.canManage).toBe(true);
    expect(forManager.editorLogins).toEqual([
      expect.objectContaining({ displayName: "直方市 編集者", disabled: false, lastLoginAt: expect.any(String) }),
    ]);
    const own = forManager.organisationChoices.find((o: { code: string }) => o.code === "region-402044");
    expect(own.linkedTo).toBeNull();
    const other = forManager.organisationChoices.find((o: { code: string }) => o.code === "region-402133");
    expect(other.linkedTo).toEqual({ code: "402133", name: "行橋市" });
    expect(forManager.organisationChoices.every((o: { code: string | null }) => o.code !== "seisaku")).toBe(true);
  });

  it("answers 404 for a code that is no 連携市町 and 400 for a malformed one", async () => {
    expect((await w.viewer.get("/api/region/municipalities/352012")).status).toBe(404);
    expect((await w.viewer.get("/api/region/municipalities/4020")).status).toBe(400);
  });

  it("refuses 市町 editors and outsiders", async () => {
    expect((await w.municipalityEditor.get("/api/region/municipalities")).status).toBe(403);
    expect((await w.municipalityEditor.get("/api/region/municipalities/402044")).status).toBe(403);
    expect((await w.anonymous.get("/api/region/municipalities")).status).toBe(401);
    expect((await w.municipalityEditor.get("/api/region/summary")).status).toBe(403);
  });
});

describe("editing a 市町", () => {
  it("lets the bureau change ふりがな, 英語名, 郡 and 締結日 (和暦 typed), version-checked and audited", async () => {
    const before = (await w.manager.get("/api/region/municipalities/406422")).body;
    const response = await w.manager.patch("/api/region/municipalities/406422", {
      ...editBody(before),
      kana: "ヨシトミマチ",
      nameEn: "Yoshitomi",
      joinedOn: "令和4年7月1日",
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ kana: "よしとみまち", nameEn: "Yoshitomi", joinedOn: "2022-07-01", version: before.version + 1 });
    const stale = await w.manager.patch("/api/region/municipalities/406422", { ...editBody(before), nameEn: "Late" });
    expect(stale.status).toBe(409);
    const audit = await w.t.db.query<{ before: { nameEn: string; joinedOn: string | null }; after: { nameEn: string; joinedOn: string } }>(
      "SELECT before, after FROM audit_log WHERE entity_type = 'region_municipality' AND action = 'update' AND entity_id = '406422'",
    );
    expect(audit.rows).toEqual([
      expect.objectContaining({
        before: expect.objectContaining({ nameEn: "Yoshitomi Town", joinedOn: null }),
        after: expect.objectContaining({ nameEn: "Yoshitomi", joinedOn: "2022-07-01" }),
      }),
    ]);
  });

  it("refuses a 郡 for a city, a month for a date, and an organisation another 市町 uses", async () => {
    const nakama = (await w.manager.get("/api/region/municipalities/402150")).body;
    const district = await w.manager.patch("/api/region/municipalities/402150", { ...editBody(nakama), district: "遠賀郡" });
    expect(district.status).toBe(400);
    expect(district.body.error.fields.district).toContain("郡は町だけ");
    const month = await w.manager.patch("/api/region/municipalities/402150", { ...editBody(nakama), joinedOn: "平成28年4月" });
    expect(month.status).toBe(400);
    const used = nakama.organisationChoices.find((o: { code: string }) => o.code === "region-402044");
    const taken = await w.manager.patch("/api/region/municipalities/402150", { ...editBody(nakama), organisationId: used.id });
    expect(taken.status).toBe(400);
    expect(taken.body.error.message).toBe("この組織はすでに直方市の編集者の組織です。");
    expect((await w.manager.get("/api/region/municipalities/402150")).body.version).toBe(nakama.version);
  });

  it("makes a new organisation for the 市町's editors on request, and unlinks one", async () => {
    const kitakyushu = (await w.admin.get("/api/region/municipalities/401005")).body;
    const linked = await w.admin.patch("/api/region/municipalities/401005", { ...editBody(kitakyushu), organisationId: "new" });
    expect(linked.status).toBe(200);
    expect(linked.body.organisation).toMatchObject({ name: "北九州市", code: "region-401005" });
    expect(linked.body.editorLogins).toEqual([]);
    const again = await w.admin.patch("/api/region/municipalities/401005", {
      ...editBody(linked.body),
      organisationId: null,
    });
    expect(again.status).toBe(200);
    expect(again.body.organisation).toBeNull();
    const second = await w.admin.patch("/api/region/municipalities/401005", { ...editBody(again.body), organisationId: "new" });
    expect(second.status).toBe(400);
    expect(second.body.error.message).toContain("region-401005 の組織がすでにあります");
  });

  it("refuses the edit to anyone but the bureau and administrators", async () => {
    const nogata = (await w.manager.get("/api/region/municipalities/402044")).body;
    for (const client of [w.viewer, w.otherEditor, w.municipalityEditor])
      expect((await client.patch("/api/region/municipalities/402044", editBody(nogata))).status).toBe(403);
    expect((await w.anonymous.patch("/api/region/municipalities/402044", editBody(nogata))).status).toBe(401);
    expect((await w.manager.get("/api/region/municipalities/402044")).body.version).toBe(nogata.version);
  });
});

describe("export", () => {
  it("writes the list as CSV whose first columns are the import's, with the 締結日 in 和暦, and as Excel; audited", async () => {
    const csv = await w.viewer.get("/api/region/municipalities/export?format=csv");
    expect(csv.status).toBe(200);
    const lines = String(csv.body)
      .replace(/^\uFEFF/, "")
      .split("\r\n");
    expect(lines[0]).toMatch(/^全国地方公共団体コード,市町名,ふりがな,英語名,区分,郡,連携協約の締結日,締結日（西暦）,最新の人口,/);
    expect(lines).toContain(
      "402133,行橋市,ゆくはしし,Yukuhashi City,市,,平成28年4月18日,2016-04-18,72778,住民基本台帳,令和4年1月1日,住民基本台帳（2022年1月1日）,行橋市,0,サンプル",
    );
    const xlsx = await w.viewer.get("/api/region/municipalities/export");
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    const audit = await w.t.db.query("SELECT 1 FROM audit_log WHERE entity_type = 'region_municipality' AND action = 'export'");
    expect(audit.rowCount).toBe(2);
  });
});

describe("the staff home's figures", () => {
  it("counts the 市町 and editors, and leaves the hub's figures out while the curation tables are empty", async () => {
    // the curation part's sample data, if any, out of the way: this is the hub before anything was imported
    await w.t.db.query("DELETE FROM region_import_problems");
    await w.t.db.query("DELETE FROM region_items");
    await w.t.db.query("DELETE FROM region_imports");
    const summary = (await w.viewer.get("/api/region/summary")).body;
    expect(summary).toMatchObject({
      municipalityCount: 18,
      municipalitiesWithEditors: 17,
      editorLoginCount: 1,
      latestPopulationSet: { basis: "estimate", asOf: "2024-10-01", count: 1 },
      hub: null,
    });
  });

  it("shows published items by dataset, drafts, open problem rows and the latest imports once there are some", async () => {
    const imported = await w.t.db.query<{ id: string }>(
      `INSERT INTO region_imports (municipality_code, dataset, file_name, encoding, header_generation, rows_read, problem_count)
       VALUES ('402044', 'tourism', '402044_tourism.csv', 'cp932', 'official', 3, 1) RETURNING id`,
    );
    await w.t.db.query(
      `INSERT INTO region_items (municipality_code, dataset, source_id, origin, name, status)
       VALUES ('402044', 'tourism', 'T1', 'import', '直方市石炭記念館', 'published'),
              ('402044', 'tourism', 'T2', 'import', '遠賀川河川敷', 'draft'),
              ('401005', 'event', NULL, 'editor', 'わっしょい百万夏まつり', 'published')`,
    );
    await w.t.db.query(
      `INSERT INTO region_import_problems (import_id, municipality_code, dataset, row_number, original, problems)
       VALUES ($1, '402044', 'tourism', 4, '{}', '[]'), ($1, '402044', 'tourism', 5, '{}', '[]')`,
      [imported.rows[0].id],
    );
    await w.t.db.query("UPDATE region_import_problems SET status = 'dismissed' WHERE row_number = 5");
    const { hub } = (await w.viewer.get("/api/region/summary")).body;
    expect(hub).toEqual({
      publishedByDataset: [
        { dataset: "event", count: 1 },
        { dataset: "tourism", count: 1 },
      ],
      draftCount: 1,
      openProblemCount: 1,
      latestImports: [
        expect.objectContaining({
          municipalityName: "直方市",
          dataset: "tourism",
          fileName: "402044_tourism.csv",
          rowsRead: 3,
          problemCount: 1,
        }),
      ],
    });
  });
});
