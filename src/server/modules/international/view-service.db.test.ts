// 保存した条件 over HTTP: a member of staff saves a list's conditions under a name, finds them in their own list and
// applies them to the list as they were saved; a bad condition is refused naming the field; the same name is a 409
// unless overwritten; views are personal (another user's view is 404, never listed); partners never reach them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAVED_VIEWS_PER_LIST_MAX } from "../../../common/api/international-views";
import { createTestApp, type TestApp, type TestClient } from "../../testing/app";
import { buildCity, TEST_PASSWORD } from "../../testing/factories";

let t: TestApp;
let city: Awaited<ReturnType<typeof buildCity>>;
let viewer: TestClient;
let editor: TestClient;
let partner: TestClient;

const URL = "/api/international/saved-views";

beforeAll(async () => {
  t = await createTestApp();
  city = await buildCity(t.db);
  viewer = await t.login(city.viewer.loginId, TEST_PASSWORD);
  editor = await t.login(city.editor.loginId, TEST_PASSWORD);
  partner = await t.login(city.partner.loginId, TEST_PASSWORD);
}, 120_000);
afterAll(() => t.cleanup());

describe("saved views of the 国際 lists", () => {
  it("saves a view, lists it as saved and applies its query to the list", async () => {
    const query = { q: "大連", status: "active", fiscalYear: 2024, organisationId: city.bureau.id, sort: "name" };
    const saved = await viewer.post(URL, { list: "projects", name: "  実施中の事業（令和6年度） ", query });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ list: "projects", name: "実施中の事業（令和6年度）", query });

    const listed = await viewer.get(`${URL}?list=projects`);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0].id).toBe(saved.body.id);
    expect(listed.body.items[0].query).toEqual(query);
    // the trips' list of views is separate
    expect((await viewer.get(`${URL}?list=trips`)).body.items).toEqual([]);

    // applied: the list takes the stored query as it is
    const applied = await viewer.get(`/api/international/projects?${new URLSearchParams(listed.body.items[0].query)}`);
    expect(applied.status).toBe(200);
  });

  it("keeps a trips view with its own conditions (年度 typed as text becomes a number)", async () => {
    const saved = await editor.post(URL, { list: "trips", name: "報告遅延", query: { overdue: "true", fiscalYear: "2025" } });
    expect(saved.status).toBe(200);
    expect(saved.body.query).toEqual({ overdue: "true", fiscalYear: 2025 });
    const applied = await editor.get(`/api/international/trips?${new URLSearchParams({ overdue: "true", fiscalYear: "2025" })}`);
    expect(applied.status).toBe(200);
  });

  it("refuses a query the list would refuse, naming the field, and stores nothing", async () => {
    const badStatus = await viewer.post(URL, { list: "projects", name: "壊れた条件", query: { status: "unknown" } });
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.error.fields).toHaveProperty(["query.status"]);

    const badSort = await viewer.post(URL, { list: "trips", name: "壊れた並び順", query: { sort: "-budgetTotal" } });
    expect(badSort.status).toBe(400);
    expect(badSort.body.error.fields).toHaveProperty(["query.sort"]);

    // a project-only filter on the trips list, and paging (not a condition of a view), are unknown keys
    const foreignKey = await viewer.post(URL, { list: "trips", name: "分野つき", query: { fieldId: city.bureau.id } });
    expect(foreignKey.status).toBe(400);
    expect(foreignKey.body.error.fields).toHaveProperty(["query"]);
    const paging = await viewer.post(URL, { list: "projects", name: "ページつき", query: { page: 2 } });
    expect(paging.status).toBe(400);

    const badYear = await viewer.post(URL, { list: "projects", name: "年度違い", query: { fiscalYear: 1800 } });
    expect(badYear.status).toBe(400);
    expect(badYear.body.error.fields["query.fiscalYear"]).toContain("1950");

    const noName = await viewer.post(URL, { list: "projects", name: "   ", query: {} });
    expect(noName.status).toBe(400);
    expect(noName.body.error.fields.name).toBe("名前を入力してください。");
    const longName = await viewer.post(URL, { list: "projects", name: "あ".repeat(51), query: {} });
    expect(longName.body.error.fields.name).toBe("名前は50文字以内です。");

    const names = (await viewer.get(`${URL}?list=projects`)).body.items.map((v: { name: string }) => v.name);
    expect(names).toEqual(["実施中の事業（令和6年度）"]);
  });

  it("answers 409 to the same name unless asked to overwrite, which keeps the view's id", async () => {
    const first = await editor.post(URL, { list: "projects", name: "環境分野", query: { theme: "環境" } });
    expect(first.status).toBe(200);
    const again = await editor.post(URL, { list: "projects", name: "環境分野", query: { theme: "脱炭素" } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("saved_view_exists");
    expect(again.body.error.message).toContain("「環境分野」という名前の条件はすでに保存されています");
    expect(again.body.error.fields.name).toBeTruthy();

    const replaced = await editor.post(URL, { list: "projects", name: "環境分野", query: { theme: "脱炭素" }, replace: true });
    expect(replaced.status).toBe(200);
    expect(replaced.body.id).toBe(first.body.id);
    const items = (await editor.get(`${URL}?list=projects`)).body.items;
    expect(items.filter((v: { name: string }) => v.name === "環境分野")).toHaveLength(1);
    expect(items.find((v: { name: string }) => v.name === "環境分野").query).toEqual({ theme: "脱炭素" });

    // the same name on the other list is another view
    expect((await editor.post(URL, { list: "trips", name: "環境分野", query: {} })).status).toBe(200);
  });

  it("renames and deletes only the caller's own views: another user's view is 404", async () => {
    const own = (await viewer.get(`${URL}?list=projects`)).body.items[0];
    const other = (await editor.get(`${URL}?list=projects`)).body.items[0];

    expect((await viewer.patch(`${URL}/${other.id}`, { name: "乗っ取り" })).status).toBe(404);
    expect((await viewer.delete(`${URL}/${other.id}`)).status).toBe(404);
    const untouched = (await editor.get(`${URL}?list=projects`)).body.items[0];
    expect(untouched).toEqual(other);
    // and it never shows in the caller's list
    expect((await viewer.get(`${URL}?list=projects`)).body.items.map((v: { id: string }) => v.id)).not.toContain(other.id);

    const renamed = await viewer.patch(`${URL}/${own.id}`, { name: "実施中（名前を変更）" });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ id: own.id, name: "実施中（名前を変更）", query: own.query });

    expect((await viewer.delete(`${URL}/${own.id}`)).status).toBe(200);
    expect((await viewer.get(`${URL}?list=projects`)).body.items).toEqual([]);
    expect((await viewer.delete(`${URL}/${own.id}`)).status).toBe(404);
  });

  it("answers 409 to a rename onto another of the caller's names", async () => {
    const a = await viewer.post(URL, { list: "trips", name: "A案", query: { status: "planned" } });
    await viewer.post(URL, { list: "trips", name: "B案", query: { status: "applied" } });
    const clash = await viewer.patch(`${URL}/${a.body.id}`, { name: "B案" });
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe("saved_view_exists");
    expect((await viewer.patch(`${URL}/${a.body.id}`, { name: "A案" })).status).toBe(200);
  });

  it("reads back a stored view whose condition the list no longer takes without that condition", async () => {
    await t.db.query(
      `INSERT INTO international_saved_views (user_id, list, name, query)
       VALUES ($1, 'trips', '古い条件', '{"status":"travelling","sort":"budget","retired":1}'::jsonb)`,
      [city.viewer.id],
    );
    const old = (await viewer.get(`${URL}?list=trips`)).body.items.find((v: { name: string }) => v.name === "古い条件");
    expect(old.query).toEqual({ status: "travelling" });
  });

  it(`keeps at most ${SAVED_VIEWS_PER_LIST_MAX} views a list`, async () => {
    const have = (await editor.get(`${URL}?list=trips`)).body.items.length;
    await t.db.query(
      `INSERT INTO international_saved_views (user_id, list, name, query)
       SELECT $1, 'trips', '条件' || n, '{}'::jsonb FROM generate_series(1, $2::int) n`,
      [city.editor.id, SAVED_VIEWS_PER_LIST_MAX - have],
    );
    const over = await editor.post(URL, { list: "trips", name: "もう一つ", query: {} });
    expect(over.status).toBe(400);
    expect(over.body.error.message).toContain(`${SAVED_VIEWS_PER_LIST_MAX}件まで`);
    // overwriting one of them is still allowed
    expect((await editor.post(URL, { list: "trips", name: "条件1", query: { status: "planned" }, replace: true })).status).toBe(200);
  });

  it("is closed to partners' logins and to anonymous callers", async () => {
    expect((await partner.get(`${URL}?list=projects`)).status).toBe(403);
    expect((await partner.post(URL, { list: "projects", name: "外部", query: {} })).status).toBe(403);
    expect((await t.client().get(`${URL}?list=projects`)).status).toBe(401);
  });
});
