// The projects' routes over HTTP: /projects/export answers (registered before /projects/:id) with an .xlsx that
// opens and holds the list's rows with 和暦 years and Japanese labels, user text kept as text (never a formula); the
// list pages; a write by another division is refused and a stale save answers 409 in Japanese.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadExcelJs } from "../../platform/tabular/exceljs-loader";
import { readXlsx } from "../../platform/tabular/xlsx-read";
import { buildProjectWorld, idOf, type ProjectWorld } from "./project.fixture";
import { PROJECT_SHEET_HEADER } from "./project-export";

let w: ProjectWorld;

beforeAll(async () => {
  w = await buildProjectWorld();
}, 120_000);
afterAll(() => w?.t.cleanup());

describe("project routes", () => {
  it("exports the filtered list as an .xlsx that opens, with 和暦 years and labels", async () => {
    const environment = await idOf(w.t.db, "international_fields", "name", "国際技術協力");
    const response = await w.clients.viewer.get(`/api/international/projects/export?fieldId=${environment}&sort=firstFiscalYear`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment;.*filename\*=UTF-8''%E5%9B%BD%E9%9A%9B/);
    const { header, rows } = await readXlsx(response.raw);
    expect(header).toEqual(PROJECT_SHEET_HEADER);
    const cell = (row: string[], name: string) => row[header.indexOf(name)];
    expect(rows.map((r) => cell(r, "事業名"))).toEqual([
      "環境国際協力（アジア諸都市への技術協力）",
      "スラバヤ市 廃棄物管理改善プロジェクト",
      "ハイフォン市 上水道・環境インフラ整備支援",
    ]);
    const surabaya = rows[1];
    expect(cell(surabaya, "所管局")).toBe("環境局");
    expect(cell(surabaya, "状態")).toBe("終了");
    expect(cell(surabaya, "開始年度")).toBe("平成25年度");
    expect(cell(surabaya, "終了年度")).toBe("令和6年度");
    expect(cell(surabaya, "相手先")).toBe("スラバヤ市（インドネシア）");
    expect(cell(surabaya, "予算額合計（円）")).toBe("11000000");
    expect(cell(rows[0], "終了年度")).toBe("継続中");
    expect(cell(rows[0], "公開区分")).toBe("公開");

    const workbook = new (await loadExcelJs()).Workbook();
    await workbook.xlsx.load(response.raw as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["国際関連事業", "年度別の予算・決算", "指標と評価", "凡例"]);
    const years = workbook.getWorksheet("年度別の予算・決算");
    const firstYear = years?.getRow(2).values as unknown[];
    expect(firstYear.slice(1)).toEqual([
      "環境国際協力（アジア諸都市への技術協力）",
      "環境政策課",
      "令和4年度",
      "一般財源",
      12_000_000,
      11_520_000,
    ]);
    const indicators = workbook.getWorksheet("指標と評価");
    expect(indicators?.rowCount).toBe(1 + 3 + 1);
    const audit = await w.t.db.query<{ summary: string }>(
      "SELECT summary FROM audit_log WHERE entity_type = 'international_project' AND action = 'export'",
    );
    expect(audit.rows.map((r) => r.summary)).toEqual(["国際関連事業の一覧を Excel で出力（3件）"]);
  });

  it("writes a name that looks like a formula as plain text", async () => {
    const field = await idOf(w.t.db, "international_fields", "name", "視察・調査");
    const created = await w.clients.zaisei.post("/api/international/projects", {
      name: '=HYPERLINK("http://example.com","開く")',
      ownerOrganisationId: w.org.zaiseiDivision,
      fieldId: field,
      status: "planned",
      isPublic: false,
      firstFiscalYear: 2026,
    });
    expect(created.status).toBe(200);
    const response = await w.clients.viewer.get("/api/international/projects/export?q=HYPERLINK");
    const workbook = new (await loadExcelJs()).Workbook();
    await workbook.xlsx.load(response.raw as unknown as ArrayBuffer);
    const cell = workbook.getWorksheet("国際関連事業")?.getCell("A2");
    expect(cell?.formula).toBeUndefined();
    expect(cell?.value).toBe('=HYPERLINK("http://example.com","開く")');
    expect((await w.clients.zaisei.delete(`/api/international/projects/${created.body.id}`)).status).toBe(200);
  });

  it("pages the list and reads one project; another division's write is 403, a stale one 409", async () => {
    const page = await w.clients.viewer.get("/api/international/projects?page=2&pageSize=10&sort=name");
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ total: 15, page: 2, pageSize: 10 });
    expect(page.body.items).toHaveLength(5);
    expect((await w.clients.viewer.get("/api/international/projects?sort=budget")).status).toBe(400);

    const id = await idOf(w.t.db, "international_projects", "name", "台湾PRキャンペーン");
    const detail = await w.clients.zaisei.get(`/api/international/projects/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.canEdit).toBe(false);
    const { version } = detail.body;
    const project = {
      name: detail.body.name,
      ownerOrganisationId: detail.body.ownerOrganisationId,
      fieldId: detail.body.fieldId,
      status: detail.body.status,
      isPublic: detail.body.isPublic,
      firstFiscalYear: detail.body.firstFiscalYear,
      lastFiscalYear: detail.body.lastFiscalYear,
    };
    expect((await w.clients.zaisei.put(`/api/international/projects/${id}`, { version, project })).status).toBe(403);
    expect((await w.clients.zaisei.delete(`/api/international/projects/${id}`)).status).toBe(403);
    const stale = await w.clients.admin.put(`/api/international/projects/${id}`, { version: version + 5, project });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toBe("他の利用者が先に更新しました。画面を再読み込みしてから、もう一度保存してください。");
  });
});
