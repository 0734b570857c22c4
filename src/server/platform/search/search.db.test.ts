// Cross-module search over HTTP, on the imported seed document: short Japanese queries, 全角/半角, ranking, and who
// sees drafts.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../paths";
import { createTestApp, type TestApp, type TestClient } from "../../testing/app";
import { buildCity, TEST_PASSWORD } from "../../testing/factories";

const SEED = readFileSync(path.join(projectRoot, "src/server/modules/policy/demo/sample-policy.txt"), "utf8");
const DRAFT_ONLY_WORD = "ガラパゴスゾウガメ";

interface Hit {
  module: string;
  moduleLabel: string;
  entityType: string;
  entityId: string;
  title: string;
  snippet: string;
  url: string;
  score: number;
}

let t: TestApp;
let city: Awaited<ReturnType<typeof buildCity>>;
let viewer: TestClient;
let partner: TestClient;
/** challenge code → id, for the draft (政策局) and the published (財政局) copies */
const draftIds: Record<string, string> = {};
const publishedIds: Record<string, string> = {};

async function search(client: TestClient, q: string, extra = ""): Promise<{ status: number; items: Hit[]; total: number }> {
  const response = await client.get(`/api/search?q=${encodeURIComponent(q)}&pageSize=100${extra}`);
  return { status: response.status, items: response.body.items ?? [], total: response.body.total ?? 0 };
}

beforeAll(async () => {
  t = await createTestApp();
  city = await buildCity(t.db);
  const admin = await t.login(city.admin.loginId, TEST_PASSWORD);
  viewer = await t.login(city.viewer.loginId, TEST_PASSWORD);
  partner = await t.login(city.partner.loginId, TEST_PASSWORD);

  // 政策局: the seed with one word only it has, left as a draft.
  const draftText = SEED.replace("新しいシステムを導入。", `新しいシステムを導入。${DRAFT_ONLY_WORD}`);
  const draft = await admin.post("/api/policy/import", { text: draftText, organisationId: city.bureau.id, fiscalYear: 2024 });
  expect(draft.status).toBe(200);
  // 財政局: the plain seed, published.
  const published = await admin.post("/api/policy/import", { text: SEED, organisationId: city.otherBureau.id, fiscalYear: 2024 });
  expect(published.status).toBe(200);
  expect((await admin.post(`/api/policy/documents/${published.body.documentId}/publish`, { published: true })).status).toBe(200);

  for (const [documentId, target] of [
    [draft.body.documentId, draftIds],
    [published.body.documentId, publishedIds],
  ] as const) {
    const doc = await admin.get(`/api/policy/documents/${documentId}`);
    for (const c of doc.body.challenges) target[c.code] = c.id;
  }
  // C(1) mentions 国際 in a progress entry only (its title does not): a body hit, to be ranked below title hits.
  const progress = await admin.post(`/api/policy/challenges/${draftIds["C(1)"]}/progress`, {
    asOf: "2025-01-31",
    text: "国際会議で新ビジョンを紹介した。",
    status: null,
  });
  expect(progress.status).toBe(200);
});
afterAll(() => t.cleanup());

const codeOf = (hit: Hit, ids: Record<string, string>) => Object.entries(ids).find(([, id]) => id === hit.entityId)?.[0];

describe("searching the policy documents", () => {
  it("finds the international challenges A(3), B(4), B(5) with a two-character query, title hits first", async () => {
    const { status, items } = await search(viewer, "国際");
    expect(status).toBe(200);
    const draftChallenges = items.filter((hit) => hit.entityType === "challenge" && codeOf(hit, draftIds));
    const titled = draftChallenges
      .filter((hit) => hit.title.includes("国際"))
      .map((hit) => codeOf(hit, draftIds))
      .sort();
    expect(titled).toEqual(["A(3)", "B(4)", "B(5)"]);
    // ranking: every hit with 国際 in its title comes before every hit without it (C(1): only in its ⑤)
    const bodyOnly = items.findIndex((hit) => hit.entityId === draftIds["C(1)"]);
    expect(bodyOnly).toBeGreaterThan(0);
    const firstWithout = items.findIndex((hit) => !hit.title.includes("国際"));
    const lastWith = items.map((hit) => hit.title.includes("国際")).lastIndexOf(true);
    expect(items[0].title).toContain("国際");
    expect(lastWith).toBeLessThan(firstWithout);
    // scores descend
    expect(items.map((hit) => hit.score)).toEqual([...items.map((hit) => hit.score)].sort((a, b) => b - a));
  });

  it("treats full-width and half-width the same (ＳＤＧｓ finds the SDGs challenge)", async () => {
    const half = await search(viewer, "SDGs");
    const full = await search(viewer, "ＳＤＧｓ");
    const lower = await search(viewer, "sdgs");
    expect(half.items.length).toBeGreaterThan(0);
    const idsOf = (r: { items: Hit[] }) => r.items.map((hit) => hit.entityId).sort();
    expect(idsOf(full)).toEqual(idsOf(half));
    expect(idsOf(lower)).toEqual(idsOf(half));
    expect(full.items.map((hit) => hit.entityId)).toContain(draftIds["B(2)"]);
    expect(full.items[0].title).toMatch(/SDGs/);
    // a full-width number in a query matches a half-width one in the text (10大学)
    const digits = await search(viewer, "１０大学");
    expect(digits.items.length).toBeGreaterThan(0);
  });

  it("every hit names its module, the module's Japanese name and a link", async () => {
    const { items } = await search(viewer, "新ビジョン");
    expect(items.length).toBeGreaterThan(0);
    for (const hit of items) {
      expect(hit.module).toBe("policy");
      expect(hit.moduleLabel).toBe("局区方針");
      expect(hit.url).toBe(hit.entityType === "challenge" ? `/policy/challenges/${hit.entityId}` : `/policy/documents/${hit.entityId}`);
      expect(hit.snippet.length).toBeGreaterThan(0);
    }
    const c1 = items.find((hit) => hit.entityId === draftIds["C(1)"]);
    expect(c1?.title).toBe("課題C(1) 北九州市・新ビジョンの実現");
  });

  it("text only in a draft is found by staff and hidden from partners", async () => {
    const staff = await search(viewer, DRAFT_ONLY_WORD);
    expect(staff.items.map((hit) => hit.entityId)).toEqual([draftIds["A(1)"]]);
    expect(staff.items[0].snippet).toContain(DRAFT_ONLY_WORD);
    const outside = await search(partner, DRAFT_ONLY_WORD);
    expect(outside.status).toBe(200);
    expect(outside.items).toEqual([]);
    expect(outside.total).toBe(0);
  });

  it("partners see the published document's challenges only", async () => {
    const { items } = await search(partner, "国際");
    expect(items.length).toBeGreaterThan(0);
    for (const hit of items) expect(Object.values(draftIds)).not.toContain(hit.entityId);
    expect(
      items
        .filter((hit) => codeOf(hit, publishedIds) && hit.title.includes("国際"))
        .map((hit) => codeOf(hit, publishedIds))
        .sort(),
    ).toEqual(["A(3)", "B(4)", "B(5)"]);
  });

  it("needs at least two characters and a session", async () => {
    expect((await viewer.get(`/api/search?q=${encodeURIComponent("国")}`)).status).toBe(400);
    expect((await t.client().get(`/api/search?q=${encodeURIComponent("国際")}`)).status).toBe(401);
  });

  it("a challenge edit is searchable at once, and the old text no longer is", async () => {
    const admin = await t.login(city.admin.loginId, TEST_PASSWORD);
    const detail = await admin.get(`/api/policy/challenges/${draftIds["B(6)"]}`);
    const edit = await admin.patch(`/api/policy/challenges/${draftIds["B(6)"]}`, {
      version: detail.body.version,
      name: "市立大学のコウモリ経営",
    });
    expect(edit.status).toBe(200);
    expect((await search(viewer, "コウモリ")).items.map((hit) => hit.entityId)).toEqual([draftIds["B(6)"]]);
    const old = await search(viewer, "安定的・長期的な大学経営");
    expect(old.items.map((hit) => hit.entityId)).not.toContain(draftIds["B(6)"]);
  });
});
