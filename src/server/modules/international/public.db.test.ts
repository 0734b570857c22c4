// The public pages of 国際関連事業 over HTTP, without sign-in, on the sample data: only projects marked 公開 appear
// (in the list, in a search, in the detail), an internal project answers exactly as an unknown id does, and the
// answers carry only what a citizen may see — no contact, e-mail, telephone, theme tags or internal keys.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProjectInput } from "../../../common/api/international";
import type { TestClient } from "../../testing/app";
import { buildProjectWorld, idOf, type ProjectWorld } from "./project.fixture";

let w: ProjectWorld;
let anonymous: TestClient;

beforeAll(async () => {
  w = await buildProjectWorld();
  anonymous = w.t.client();
}, 120_000);
afterAll(() => w?.t.cleanup());

const LIST = "/api/public/international/projects";
const INTERNAL = ["天津市との経済技術交流", "韓国の地方財政制度の調査"];

interface Item {
  id: string;
  name: string;
  [key: string]: unknown;
}

async function list(
  query: Record<string, string> = {},
): Promise<{ status: number; items: Item[]; total: number; body: Record<string, unknown> }> {
  const response = await anonymous.get(`${LIST}?${new URLSearchParams({ pageSize: "100", ...query })}`);
  return { status: response.status, items: response.body.items ?? [], total: response.body.total ?? 0, body: response.body };
}
const names = (items: Item[]) => items.map((i) => i.name).sort();
const projectId = (name: string) => idOf(w.t.db, "international_projects", "name", name);

const SUMMARY_KEYS = [
  "bureauName",
  "fieldId",
  "fieldName",
  "firstFiscalYear",
  "id",
  "isSample",
  "lastFiscalYear",
  "name",
  "ownerName",
  "partners",
];
const DETAIL_KEYS = [...SUMMARY_KEYS, "indicators", "summary", "years"].sort();

describe("the public list of 国際関連事業", () => {
  it("shows every public project and no internal one, to a caller who is not signed in", async () => {
    const { status, items, total } = await list();
    expect(status).toBe(200);
    const { rows } = await w.t.db.query<{ name: string }>("SELECT name FROM international_projects WHERE is_public ORDER BY name");
    expect(rows.length).toBeGreaterThan(10);
    expect(names(items)).toEqual(rows.map((r) => r.name).sort());
    expect(total).toBe(rows.length);
    for (const name of INTERNAL) expect(names(items)).not.toContain(name);
  });

  it("never finds an internal project by a word only it has, nor by its partner city", async () => {
    // 開発区 and 地方財政制度: only the internal projects' names and summaries have them
    expect((await list({ q: "開発区" })).items).toEqual([]);
    expect((await list({ q: "地方財政制度" })).items).toEqual([]);
    // 天津 (the internal project's partner city) finds public projects with that partner, never the internal one
    expect(names((await list({ q: "天津" })).items)).not.toContain("天津市との経済技術交流");
    expect((await list({ country: "中国" })).items.map((i) => i.name)).not.toContain("天津市との経済技術交流");
  });

  it("searches name, summary and partner, and filters by 分野, 年度 and partner country", async () => {
    // partner city
    expect(names((await list({ q: "大連" })).items)).toEqual(
      expect.arrayContaining(["大連市との友好交流事業", "大連市友好都市締結45周年記念事業"]),
    );
    // summary only: 「ホームステイ」 is in the タコマ project's summary
    expect(names((await list({ q: "ホームステイ" })).items)).toEqual(["タコマ市との姉妹都市青少年派遣"]);
    const field = await idOf(w.t.db, "international_fields", "name", "姉妹・友好都市");
    const byField = await list({ fieldId: field });
    expect(byField.items.length).toBeGreaterThan(0);
    for (const item of byField.items) expect(item.fieldName).toBe("姉妹・友好都市");
    // 令和6年度 (2024): the 45周年 project ran in that year only
    expect(names((await list({ fiscalYear: "2024" })).items)).toContain("大連市友好都市締結45周年記念事業");
    expect(names((await list({ fiscalYear: "2025" })).items)).not.toContain("大連市友好都市締結45周年記念事業");
    const usa = await list({ country: "米国" });
    expect(usa.items.length).toBeGreaterThan(0);
    for (const item of usa.items) expect((item.partners as { country: string }[]).map((p) => p.country)).toContain("米国");
  });

  it("offers as choices only what public projects have", async () => {
    const { body } = await list();
    const choices = body.choices as { fields: { name: string }[]; countries: string[]; fiscalYears: number[] };
    expect(choices.countries).toContain("中国");
    expect(choices.fiscalYears).toContain(2024);
    // 視察・調査 is the field of the internal 韓国の地方財政制度の調査 only
    const { rows } = await w.t.db.query<{ name: string }>(
      `SELECT DISTINCT f.name FROM international_fields f JOIN international_projects p ON p.field_id = f.id WHERE p.is_public`,
    );
    expect(choices.fields.map((f) => f.name).sort()).toEqual(rows.map((r) => r.name).sort());
  });

  it("pages", async () => {
    const first = await list({ pageSize: "5", page: "1" });
    const second = await list({ pageSize: "5", page: "2" });
    expect(first.items).toHaveLength(5);
    expect(first.total).toBe(second.total);
    expect(first.items.map((i) => i.id)).not.toContain(second.items[0]?.id);
  });

  it("carries only the public fields: no contact, e-mail, telephone, tags or internal keys", async () => {
    const { items, body } = await list();
    for (const item of items) expect(Object.keys(item).sort()).toEqual(SUMMARY_KEYS);
    for (const partner of items.flatMap((i) => i.partners as object[]))
      expect(Object.keys(partner).sort()).toEqual(["city", "country", "organisation", "relatedSince", "relation"]);
    expect(Object.keys(body).sort()).toEqual(["choices", "items", "page", "pageSize", "total"]);
    const text = JSON.stringify(body);
    for (const word of ["contact", "mail", "phone", "tel", "themes", "isPublic", "sourceKey", "国際政策課 交流係"])
      expect(text).not.toContain(word);
  });
});

describe("one public project", () => {
  it("shows the project with its partners, yearly money and indicators", async () => {
    const id = await projectId("大連市との友好交流事業");
    const response = await anonymous.get(`${LIST}/${id}`);
    expect(response.status).toBe(200);
    expect(Object.keys(response.body).sort()).toEqual(DETAIL_KEYS);
    expect(response.body.ownerName).toBe("国際政策課");
    expect(response.body.bureauName).toBe("政策局");
    expect(response.body.partners[0]).toMatchObject({ city: "大連市", country: "中国" });
    expect(response.body.years.length).toBeGreaterThan(0);
    expect(Object.keys(response.body.years[0]).sort()).toEqual(["budget", "fiscalYear", "fundingSource", "settled"]);
    expect(response.body.indicators.map((i: { name: string }) => i.name)).toEqual(["相互訪問者数", "交流事業への市民参加者数"]);
    expect(Object.keys(response.body.indicators[0]).sort()).toEqual(
      ["baselineFiscalYear", "baselineValue", "direction", "name", "results", "targetFiscalYear", "targetValue", "unit"].sort(),
    );
    expect(response.body.indicators[0].results).toContainEqual({ fiscalYear: 2024, value: 260 });
    const text = JSON.stringify(response.body);
    for (const word of ["contact", "mail", "phone", "themes", "isPublic", "sourceKey", "国際政策課 交流係", "version", "canEdit"])
      expect(text).not.toContain(word);
  });

  it("answers an internal project exactly as an unknown id: 404", async () => {
    const internal = await anonymous.get(`${LIST}/${await projectId("天津市との経済技術交流")}`);
    const unknown = await anonymous.get(`${LIST}/00000000-0000-4000-8000-000000000000`);
    expect(internal.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(internal.body.error.code).toBe(unknown.body.error.code);
    expect(internal.body.error.message).toBe(unknown.body.error.message);
    // signed-in staff get the same answer on the public path
    expect((await w.clients.admin.get(`${LIST}/${await projectId("天津市との経済技術交流")}`)).status).toBe(404);
  });

  it("a project made internal disappears from the list, the search and its page at once", async () => {
    const id = await projectId("ノーフォーク市との市民交流");
    expect((await anonymous.get(`${LIST}/${id}`)).status).toBe(200);
    const detail = await w.clients.admin.get(`/api/international/projects/${id}`);
    const p = detail.body;
    const project: ProjectInput = {
      name: p.name,
      ownerOrganisationId: p.ownerOrganisationId,
      contactUserId: p.contactUserId,
      contactName: p.contactName,
      fieldId: p.fieldId,
      status: p.status,
      isPublic: false,
      firstFiscalYear: p.firstFiscalYear,
      lastFiscalYear: p.lastFiscalYear,
      summary: p.summary,
      themes: p.themes,
      partnerIds: p.partners.map((x: { id: string }) => x.id),
      years: p.years,
      indicators: p.indicators.map((i: Record<string, unknown>) => ({
        name: i.name,
        unit: i.unit,
        direction: i.direction,
        baselineValue: i.baselineValue,
        baselineFiscalYear: i.baselineFiscalYear,
        targetValue: i.targetValue,
        targetFiscalYear: i.targetFiscalYear,
        results: i.results,
      })),
    };
    const saved = await w.clients.admin.put(`/api/international/projects/${id}`, { version: p.version, project });
    expect(saved.status).toBe(200);
    expect((await anonymous.get(`${LIST}/${id}`)).status).toBe(404);
    expect(names((await list()).items)).not.toContain("ノーフォーク市との市民交流");
    expect((await list({ q: "ノーフォーク" })).items).toEqual([]);
  });
});
