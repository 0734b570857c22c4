// 国際関連事業 through its services, on the sample data: every member of staff reads every project with filters,
// sorts and pages; a division enters and keeps its own projects and nobody edits another division's; a stale save
// is refused; references and yearly rows are checked with Japanese messages naming what is wrong; indicators are
// graded with the vision module's current rule; every write is audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_SORTS, type ProjectInput, type ProjectSummary } from "../../../common/api/international";
import { SYSTEM_ACTOR } from "../../platform/audit/audit";
import { AppError } from "../../platform/errors";
import { updateField } from "./field-service";
import { buildProjectWorld, idOf, insertTripVisit, type ProjectWorld } from "./project.fixture";
import {
  createProject,
  createProjectIn,
  deleteProject,
  getInternationalAccess,
  getProject,
  listProjects,
  replaceProjectIn,
  STALE,
  updateProject,
} from "./project-service";

let w: ProjectWorld;
const actor = SYSTEM_ACTOR;

beforeAll(async () => {
  w = await buildProjectWorld();
}, 120_000);
afterAll(() => w?.t.cleanup());

const list = (query: Record<string, unknown> = {}, user = w.users.viewer) =>
  listProjects(w.t.db, user, { page: 1, pageSize: 200, sort: "name", ...query });
const names = (items: ProjectSummary[]) => items.map((p) => p.name).sort();

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

async function fieldId(name: string) {
  return idOf(w.t.db, "international_fields", "name", name);
}
async function partnerId(city: string, organisation = "") {
  const { rows } = await w.t.db.query<{ id: string }>("SELECT id FROM international_partners WHERE city = $1 AND organisation = $2", [
    city,
    organisation,
  ]);
  return rows[0].id;
}
const projectId = (name: string) => idOf(w.t.db, "international_projects", "name", name);

async function input(over: Partial<ProjectInput> = {}): Promise<ProjectInput> {
  return {
    name: "韓国・釜山との予算編成研修",
    ownerOrganisationId: w.org.zaiseiDivision,
    contactUserId: null,
    contactName: "",
    fieldId: await fieldId("視察・調査"),
    status: "planned",
    isPublic: false,
    firstFiscalYear: 2026,
    lastFiscalYear: 2027,
    summary: "釜山広域市の予算担当者との相互研修",
    themes: ["財政", "研修", "財政"],
    partnerIds: [await partnerId("釜山広域市")],
    years: [
      { fiscalYear: 2026, fundingSource: "general", budget: 500_000, settled: null },
      { fiscalYear: 2027, fundingSource: "general", budget: 700_000, settled: null },
    ],
    indicators: [],
    ...over,
  };
}

describe("access", () => {
  it("tells the pages who may enter projects and who keeps the bureau's lists", async () => {
    expect(await getInternationalAccess(w.t.db, w.users.viewer)).toMatchObject({
      manager: false,
      canCreate: false,
      organisationName: "産業政策課",
    });
    expect(await getInternationalAccess(w.t.db, w.users.zaisei)).toMatchObject({
      manager: false,
      canCreate: true,
      organisationId: w.org.zaiseiDivision,
    });
    expect(await getInternationalAccess(w.t.db, w.users.bureau)).toMatchObject({ manager: true, canCreate: true });
    expect((await failure(getInternationalAccess(w.t.db, null))).status).toBe(401);
  });
});

describe("the list", () => {
  it("holds the sample projects of four divisions with their bureau, partners and money totals", async () => {
    const { items, total } = await list();
    expect(total).toBe(15);
    const taiwan = items.find((p) => p.name === "台湾PRキャンペーン");
    expect(taiwan).toMatchObject({
      ownerName: "産業政策課",
      bureauName: "産業経済局",
      fieldName: "プロモーション・観光",
      status: "active",
      firstFiscalYear: 2025,
      lastFiscalYear: 2026,
      budgetTotal: 16_000_000,
      settledTotal: 9_650_000,
      isSample: true,
    });
    expect(taiwan?.partners.map((p) => p.label).sort()).toEqual(["高雄市 高雄市政府観光局（台湾）", "高雄市（台湾）"]);
    expect(new Set(items.map((p) => p.ownerName))).toEqual(new Set(["国際政策課", "産業政策課", "環境政策課", "財政課"]));
  });

  it("filters by words in the name, the summary or a partner's country, city and organisation", async () => {
    // スラバヤ is in one name; the other two projects only name the city as a partner
    expect(names((await list({ q: "スラバヤ" })).items)).toEqual([
      "アジア環境都市会議の開催",
      "スラバヤ市 廃棄物管理改善プロジェクト",
      "環境国際協力（アジア諸都市への技術協力）",
    ]);
    expect(names((await list({ q: "インドネシア" })).items)).toHaveLength(3);
    expect(names((await list({ q: "公会計" })).items)).toEqual(["韓国の地方財政制度の調査"]);
    // LIKE's wildcards are searched for as themselves
    expect((await list({ q: "%" })).total).toBe(0);
  });

  it("filters by field, organisation (with the divisions under it), status, fiscal year, partner, theme and visibility", async () => {
    expect(names((await list({ fieldId: await fieldId("国際技術協力") })).items)).toEqual([
      "スラバヤ市 廃棄物管理改善プロジェクト",
      "ハイフォン市 上水道・環境インフラ整備支援",
      "環境国際協力（アジア諸都市への技術協力）",
    ]);
    const sangyoBureau = await list({ organisationId: w.org.sangyo });
    expect(sangyoBureau.total).toBe(5);
    expect(sangyoBureau.items.every((p) => p.ownerName === "産業政策課")).toBe(true);
    expect((await list({ organisationId: w.org.sangyoDivision })).total).toBe(5);
    expect((await list({ organisationId: w.org.seisaku })).total).toBe(5);
    expect((await list({ organisationId: w.org.city })).total).toBe(15);
    expect(names((await list({ status: "ended" })).items)).toEqual([
      "アジア環境都市会議の開催",
      "スラバヤ市 廃棄物管理改善プロジェクト",
      "大連市友好都市締結45周年記念事業",
      "天津市との経済技術交流",
      "韓国の地方財政制度の調査",
    ]);
    // running in 令和3年度: begun by then, not ended before it (天津 ends in FY2021 itself; open-ended ones run on)
    const fy2021 = await list({ fiscalYear: 2021 });
    expect(fy2021.total).toBe(10);
    expect(names(fy2021.items)).toContain("天津市との経済技術交流");
    expect(names(fy2021.items)).not.toContain("台湾PRキャンペーン");
    const fy2025 = names((await list({ fiscalYear: 2025 })).items);
    expect(fy2025).toHaveLength(10);
    expect(fy2025).toContain("台湾PRキャンペーン");
    expect(fy2025).not.toContain("スラバヤ市 廃棄物管理改善プロジェクト");
    expect(names((await list({ partnerId: await partnerId("大連市") })).items)).toEqual([
      "アジア環境都市会議の開催",
      "大連市との友好交流事業",
      "大連市友好都市締結45周年記念事業",
      "東アジア販路開拓商談会",
      "環境国際協力（アジア諸都市への技術協力）",
    ]);
    expect((await list({ theme: "環境" })).total).toBe(4);
    expect(names((await list({ visibility: "internal" })).items)).toEqual(["天津市との経済技術交流", "韓国の地方財政制度の調査"]);
    expect((await list({ visibility: "public" })).total).toBe(13);
    expect(names((await list({ fieldId: await fieldId("国際ビジネス"), fiscalYear: 2025 })).items)).toEqual([
      "仁川広域市との経済交流",
      "東アジア販路開拓商談会",
    ]);
  });

  it("sorts every way the list offers, ties broken the same way each time", async () => {
    const sorted = async (sort: (typeof PROJECT_SORTS)[number]) => (await list({ sort })).items;
    const byName = (await sorted("name")).map((p) => p.name);
    expect(byName).toEqual([...byName].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect((await sorted("-name")).map((p) => p.name)).toEqual([...byName].reverse());
    const years = (await sorted("firstFiscalYear")).map((p) => p.firstFiscalYear);
    expect(years).toEqual([...years].sort((a, b) => a - b));
    expect(years[0]).toBe(2010);
    const yearsDown = (await sorted("-firstFiscalYear")).map((p) => p.firstFiscalYear);
    expect(yearsDown).toEqual([...yearsDown].sort((a, b) => b - a));
    // the city's order of bureaus: 政策局, 財政局, 産業経済局, 環境局
    const owners = [...new Set((await sorted("owner")).map((p) => p.ownerName))];
    expect(owners).toEqual(["国際政策課", "財政課", "産業政策課", "環境政策課"]);
    // the bureau's order of fields: 国際交流 first, 姉妹・友好都市 last
    const fields = [...new Set((await sorted("field")).map((p) => p.fieldName))];
    expect(fields).toEqual([
      "国際交流",
      "国際ビジネス",
      "国際技術協力",
      "多文化共生",
      "プロモーション・観光",
      "国際会議",
      "視察・調査",
      "姉妹・友好都市",
    ]);
    const budgets = (await sorted("-budgetTotal")).map((p) => p.budgetTotal);
    expect(budgets).toEqual([...budgets].sort((a, b) => b - a));
    expect((await sorted("-budgetTotal"))[0].name).toBe("環境国際協力（アジア諸都市への技術協力）");
    const updated = (await sorted("-updatedAt")).map((p) => p.updatedAt);
    expect(updated).toEqual([...updated].sort().reverse());
    for (const sort of PROJECT_SORTS) expect((await sorted(sort)).map((p) => p.id)).toEqual((await sorted(sort)).map((p) => p.id));
  });

  it("pages with the total: every project once over the pages", async () => {
    const seen: string[] = [];
    for (let page = 1; page <= 4; page++) {
      const result = await listProjects(w.t.db, w.users.viewer, { page, pageSize: 4, sort: "owner" });
      expect(result).toMatchObject({ total: 15, page, pageSize: 4 });
      expect(result.items).toHaveLength(page < 4 ? 4 : 3);
      seen.push(...result.items.map((p) => p.id));
    }
    expect(new Set(seen).size).toBe(15);
    expect((await listProjects(w.t.db, w.users.viewer, { page: 5, pageSize: 4, sort: "owner" })).items).toEqual([]);
  });
});

describe("one project", () => {
  it("shows years, partners, graded indicators, visible trips and whether the caller may edit it", async () => {
    const id = await projectId("環境国際協力（アジア諸都市への技術協力）");
    const detail = await getProject(w.t.db, w.users.viewer, id);
    expect(detail.canEdit).toBe(false);
    expect(detail.years.filter((y) => y.fiscalYear === 2024).map((y) => y.fundingSource)).toEqual(["general", "national", "other"]);
    expect(detail.years.find((y) => y.fiscalYear === 2026 && y.fundingSource === "general")).toEqual({
      fiscalYear: 2026,
      fundingSource: "general",
      budget: 13_500_000,
      settled: null,
    });
    const cases = detail.indicators.find((i) => i.name === "技術協力の案件数（累計）");
    // latest result 令和7年度 19件 against the target 20 (令和8年度) pro-rated from 5 (令和6年度末): graded by the rule
    expect(cases?.results.at(-1)).toEqual({ fiscalYear: 2025, value: 19 });
    expect(cases?.grade).toMatch(/^[ABCD]$/);
    expect(cases?.achievement).toBeGreaterThan(100);
    expect(cases?.gradeNote).toContain("達成度");
    expect(detail.indicators.map((i) => i.name)).toEqual([
      "技術協力の案件数（累計）",
      "協力先都市での温室効果ガス削減量",
      "受け入れた研修員の数",
    ]);
    const editor = await getProject(w.t.db, w.users.admin, id);
    expect(editor.canEdit).toBe(true);
    expect((await getProject(w.t.db, w.users.bureau, id)).canEdit).toBe(false);
  });

  it("grades an indicator without results as nothing yet", async () => {
    const created = await createProject(
      w.t.db,
      w.users.zaisei,
      actor,
      await input({
        name: "指標だけの事業",
        indicators: [
          {
            name: "研修参加者数",
            unit: "人",
            direction: "higher",
            baselineValue: 0,
            baselineFiscalYear: 2025,
            targetValue: 40,
            targetFiscalYear: 2027,
            results: [],
          },
        ],
      }),
    );
    expect(created.indicators[0]).toMatchObject({ grade: null, achievement: null, gradeNote: "実績値が未入力です" });
    await deleteProject(w.t.db, w.users.zaisei, actor, created.id);
  });

  it("lists only the linked trips the caller may read (their division's, the bureau's view)", async () => {
    const id = await projectId("台湾PRキャンペーン");
    const trip = await insertTripVisit(w.t.db, {
      title: "高雄市PRキャンペーン打合せ出張",
      ownerOrganisationId: w.org.sangyoDivision,
      partnerId: await partnerId("高雄市"),
      visitOn: "2025-08-20",
      projectId: id,
    });
    expect((await getProject(w.t.db, w.users.viewer, id)).trips).toEqual([
      { id: trip, title: "高雄市PRキャンペーン打合せ出張", departsOn: "2025-08-19", status: "approved" },
    ]);
    expect((await getProject(w.t.db, w.users.bureau, id)).trips).toHaveLength(1);
    expect((await getProject(w.t.db, w.users.zaisei, id)).trips).toEqual([]);
  });

  it("answers 404 for an unknown project", async () => {
    expect((await failure(getProject(w.t.db, w.users.viewer, "00000000-0000-4000-8000-000000000000"))).status).toBe(404);
  });
});

describe("who may write", () => {
  it("lets a division create its own project, never one for another division; an administrator any", async () => {
    const forSangyo = await failure(
      createProject(w.t.db, w.users.zaisei, actor, await input({ ownerOrganisationId: w.org.sangyoDivision })),
    );
    expect(forSangyo.status).toBe(403);
    expect(forSangyo.message).toContain("自分の課");
    expect(
      (await failure(createProject(w.t.db, w.users.viewer, actor, await input({ ownerOrganisationId: w.org.sangyoDivision })))).status,
    ).toBe(403);
    const own = await createProject(w.t.db, w.users.zaisei, actor, await input());
    expect(own).toMatchObject({ ownerName: "財政課", bureauName: "財政局", version: 1, canEdit: true, budgetTotal: 1_200_000 });
    expect(own.themes).toEqual(["財政", "研修"]);
    const byAdmin = await createProject(
      w.t.db,
      w.users.admin,
      actor,
      await input({ name: "管理者が登録した環境局の事業", ownerOrganisationId: w.org.kankyoDivision }),
    );
    expect(byAdmin.ownerName).toBe("環境政策課");
    expect((await getProject(w.t.db, w.users.sangyo, own.id)).canEdit).toBe(false);
    await deleteProject(w.t.db, w.users.admin, actor, byAdmin.id);
    await deleteProject(w.t.db, w.users.zaisei, actor, own.id);
  });

  it("refuses 財政課 (D) on a 産業政策課 project: update and delete 403; the owning division and administrators may", async () => {
    const id = await projectId("台湾PRキャンペーン");
    const current = await getProject(w.t.db, w.users.sangyo, id);
    expect(current.canEdit).toBe(true);
    const { id: _, ...rest } = current;
    const project: ProjectInput = {
      name: current.name,
      ownerOrganisationId: current.ownerOrganisationId,
      contactUserId: current.contactUserId,
      contactName: current.contactName,
      fieldId: current.fieldId,
      status: current.status,
      isPublic: current.isPublic,
      firstFiscalYear: current.firstFiscalYear,
      lastFiscalYear: current.lastFiscalYear,
      summary: `${rest.summary}（更新）`,
      themes: current.themes,
      partnerIds: current.partners.map((p) => p.id),
      years: current.years,
      indicators: current.indicators.map(({ id: _i, grade: _g, achievement: _a, gradeNote: _n, ...indicator }) => indicator),
    };
    const denied = await failure(updateProject(w.t.db, w.users.zaisei, actor, id, { version: current.version, project }));
    expect(denied.status).toBe(403);
    expect(denied.message).toBe("この記録を変更できるのは、所管する課の職員だけです。");
    expect((await failure(deleteProject(w.t.db, w.users.zaisei, actor, id))).status).toBe(403);
    // the coordinating bureau reads everything but does not edit a division's project
    expect((await failure(updateProject(w.t.db, w.users.bureau, actor, id, { version: current.version, project }))).status).toBe(403);
    expect((await failure(updateProject(w.t.db, w.users.viewer, actor, id, { version: current.version, project }))).status).toBe(403);
    // a division cannot hand its project to another
    expect(
      (
        await failure(
          updateProject(w.t.db, w.users.sangyo, actor, id, {
            version: current.version,
            project: { ...project, ownerOrganisationId: w.org.zaiseiDivision },
          }),
        )
      ).status,
    ).toBe(403);

    const saved = await updateProject(w.t.db, w.users.sangyo, actor, id, { version: current.version, project });
    expect(saved.version).toBe(current.version + 1);
    expect(saved.summary).toContain("（更新）");
    expect(saved.indicators.map((i) => [i.name, i.results, i.grade])).toEqual(current.indicators.map((i) => [i.name, i.results, i.grade]));
    expect(saved.partners).toEqual(current.partners);
    // newest change first in the list
    expect((await list({ sort: "-updatedAt" })).items[0].id).toBe(id);

    const byAdmin = await updateProject(w.t.db, w.users.admin, actor, id, {
      version: saved.version,
      project: { ...project, summary: current.summary },
    });
    expect(byAdmin.version).toBe(saved.version + 1);
  });

  it("refuses a stale save with 409 and a Japanese message, changing nothing", async () => {
    const own = await createProject(w.t.db, w.users.zaisei, actor, await input({ name: "版の確認用の事業" }));
    const project = await input({ name: "版の確認用の事業（1回目）" });
    const first = await updateProject(w.t.db, w.users.zaisei, actor, own.id, { version: 1, project });
    expect(first.version).toBe(2);
    const stale = await failure(
      updateProject(w.t.db, w.users.zaisei, actor, own.id, { version: 1, project: { ...project, name: "古い画面からの保存" } }),
    );
    expect(stale.status).toBe(409);
    expect(stale.code).toBe("stale_version");
    expect(stale.message).toBe(STALE);
    expect((await getProject(w.t.db, w.users.zaisei, own.id)).name).toBe("版の確認用の事業（1回目）");
    await deleteProject(w.t.db, w.users.zaisei, actor, own.id);
    expect((await failure(getProject(w.t.db, w.users.zaisei, own.id))).status).toBe(404);
    expect((await failure(deleteProject(w.t.db, w.users.zaisei, actor, own.id))).status).toBe(404);
  });

  it("audits every write in its transaction", async () => {
    const own = await createProject(w.t.db, w.users.zaisei, actor, await input({ name: "監査の確認用の事業" }));
    await updateProject(w.t.db, w.users.zaisei, actor, own.id, { version: 1, project: await input({ name: "監査の確認用の事業（改）" }) });
    await deleteProject(w.t.db, w.users.zaisei, actor, own.id);
    const { rows } = await w.t.db.query<{ action: string; summary: string; before: unknown; after: unknown }>(
      "SELECT action, summary, before, after FROM audit_log WHERE entity_type = 'international_project' AND entity_id = $1 ORDER BY id",
      [own.id],
    );
    expect(rows.map((r) => r.action)).toEqual(["create", "update", "delete"]);
    expect(rows[1].summary).toBe("国際関連事業「監査の確認用の事業（改）」を変更");
    expect(rows[1].before).toMatchObject({ name: "監査の確認用の事業" });
    expect(rows[1].after).toMatchObject({ name: "監査の確認用の事業（改）" });
    expect(rows[2].before).toMatchObject({ name: "監査の確認用の事業（改）", ownerOrganisationId: w.org.zaiseiDivision });
  });
});

describe("the steps an import uses", () => {
  it("creates with the kintone record number and replaces by it later, checked and audited as an import", async () => {
    // inputs read before the transactions: PGlite has one connection, which a transaction holds
    const first = await input({ name: "kintoneから取り込んだ事業" });
    const newer = await input({ name: "kintoneから取り込んだ事業（更新）" });
    const unknownPartner = await input({ partnerIds: ["00000000-0000-4000-8000-000000000002"] });
    const id = await w.t.db.transaction((tx) => createProjectIn(tx, actor, first, { sourceKey: "kintone-1042" }));
    expect((await getProject(w.t.db, w.users.zaisei, id)).sourceKey).toBe("kintone-1042");
    await w.t.db.transaction((tx) => replaceProjectIn(tx, actor, id, newer, { action: "import_update" }));
    const detail = await getProject(w.t.db, w.users.zaisei, id);
    expect([detail.name, detail.version, detail.sourceKey]).toEqual(["kintoneから取り込んだ事業（更新）", 2, "kintone-1042"]);
    expect((await failure(w.t.db.transaction((tx) => replaceProjectIn(tx, actor, id, unknownPartner)))).status).toBe(400);
    const { rows } = await w.t.db.query<{ action: string; summary: string }>(
      "SELECT action, summary FROM audit_log WHERE entity_type = 'international_project' AND entity_id = $1 ORDER BY id",
      [id],
    );
    expect(rows.map((r) => r.action)).toEqual(["create", "import_update"]);
    expect(rows[1].summary).toBe("国際関連事業「kintoneから取り込んだ事業（更新）」を取込で更新");
    await deleteProject(w.t.db, w.users.zaisei, actor, id);
  });
});

describe("checks with Japanese messages", () => {
  it("names a partner, field, contact or owner that does not exist", async () => {
    const unknown = "00000000-0000-4000-8000-000000000001";
    const partner = await failure(
      createProject(w.t.db, w.users.zaisei, actor, await input({ partnerIds: [unknown, await partnerId("大連市")] })),
    );
    expect(partner.status).toBe(400);
    expect(partner.message).toBe("相手先が見つかりません（1件）。相手先の一覧から選び直してください。");
    expect((partner as AppError).fields).toEqual({ partnerIds: "相手先を選び直してください。" });
    const field = await failure(createProject(w.t.db, w.users.zaisei, actor, await input({ fieldId: unknown })));
    expect([field.status, field.message]).toEqual([400, "分野が見つかりません。選び直してください。"]);
    const contact = await failure(createProject(w.t.db, w.users.zaisei, actor, await input({ contactUserId: unknown })));
    expect([contact.status, contact.message]).toEqual([400, "担当者の利用者が見つかりません。選び直してください。"]);
    const owner = await failure(createProject(w.t.db, w.users.admin, actor, await input({ ownerOrganisationId: unknown })));
    expect([owner.status, owner.message]).toEqual([400, "所管課が見つかりません。選び直してください。"]);
    // a contact who is a user: their name shows when no name was typed
    const withContact = await createProject(
      w.t.db,
      w.users.zaisei,
      actor,
      await input({ name: "担当者つきの事業", contactUserId: w.users.zaisei.id }),
    );
    expect(withContact.contactName).toBe("財政 花子");
    await deleteProject(w.t.db, w.users.zaisei, actor, withContact.id);
  });

  it("names the yearly row that repeats a 年度 and 財源, and a 年度 repeated in an indicator's results", async () => {
    const years = await failure(
      createProject(
        w.t.db,
        w.users.zaisei,
        actor,
        await input({
          years: [
            { fiscalYear: 2024, fundingSource: "general", budget: 100, settled: 100 },
            { fiscalYear: 2024, fundingSource: "national", budget: 100, settled: 100 },
            { fiscalYear: 2024, fundingSource: "general", budget: 200, settled: null },
          ],
        }),
      ),
    );
    expect(years.status).toBe(400);
    expect(years.message).toBe("年度別の予算・決算の3行目（令和6年度・一般財源）は、1行目と年度・財源が同じです。1行にまとめてください。");
    expect(years.fields).toEqual({ "years.2": "年度と財源の組み合わせが重複しています。" });
    const results = await failure(
      createProject(
        w.t.db,
        w.users.zaisei,
        actor,
        await input({
          indicators: [
            {
              name: "研修参加者数",
              unit: "人",
              direction: "higher",
              baselineValue: 0,
              baselineFiscalYear: 2024,
              targetValue: 10,
              targetFiscalYear: 2026,
              results: [
                { fiscalYear: 2025, value: 3 },
                { fiscalYear: 2025, value: 4 },
              ],
            },
          ],
        }),
      ),
    );
    expect([results.status, results.message]).toEqual([400, "指標「研修参加者数」の実績に令和7年度が2回あります。1つにしてください。"]);
  });

  it("refuses a retired field for a new project but keeps it on a project that has it", async () => {
    const study = await fieldId("視察・調査");
    const own = await createProject(w.t.db, w.users.zaisei, actor, await input({ name: "使用停止の分野の事業" }));
    await updateField(w.t.db, w.users.bureau, actor, study, { active: false });
    try {
      const refused = await failure(createProject(w.t.db, w.users.zaisei, actor, await input({ name: "別の事業" })));
      expect([refused.status, refused.message]).toEqual([400, "分野「視察・調査」は使用を停止しています。別の分野を選んでください。"]);
      const kept = await updateProject(w.t.db, w.users.zaisei, actor, own.id, {
        version: 1,
        project: await input({ name: "使用停止の分野の事業（改）" }),
      });
      expect(kept.fieldName).toBe("視察・調査");
    } finally {
      await updateField(w.t.db, w.users.bureau, actor, study, { active: true });
      await deleteProject(w.t.db, w.users.zaisei, actor, own.id);
    }
  });
});
