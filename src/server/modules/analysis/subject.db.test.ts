// 経営分析's subjects and peers over HTTP and at the service: a subject with a linked source gets that source's
// measures (linked_figure set) in the same transaction, and those cannot be renamed or deleted; edits are
// version-checked (409 on a stale version); a subject with analyses cannot be deleted (a clear message); peers are
// linked, listed and unlinked; facilities carry their age; every write leaves its audit row; only the bureau
// responsible for the analyses writes (a viewer or another bureau's editor is refused in the service itself).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LINKED_SOURCE_INFO } from "../../../common/analysis/figure-items";
import { createSubjectBody, facilityBody, foundedYearLabel, measureBody } from "../../../common/api/analysis-subjects";
import { fiscalYearOf, todayInJapan } from "../../../common/dates";
import { japaneseErrorMap } from "../../../common/zod-japanese";
import type { Principal } from "../../platform/auth/permissions";
import { Forbidden } from "../../platform/errors";
import { createTestApp, type TestApp, type TestClient } from "../../testing/app";
import { buildCity, buildUser, TEST_PASSWORD } from "../../testing/factories";
import { setAnalysisOwner } from "./access";
import { peersOf } from "./subject-repository";
import { createSubject, updateSubject } from "./subject-service";

let t: TestApp;
let city: Awaited<ReturnType<typeof buildCity>>;
let manager: TestClient;
let otherEditor: TestClient;
let viewer: TestClient;

const subjectBody = (name: string, extra: Record<string, unknown> = {}) => ({
  role: "subject",
  name,
  kind: "programme",
  leadOrganisationId: city.division.id,
  analysisFiscalYear: 2024,
  purpose: "市内企業のSDGs経営を支える",
  ...extra,
});

const auditRows = async (entityType: string, entityId: string) =>
  (
    await t.db.query<{ action: string; summary: string }>(
      "SELECT action, summary FROM audit_log WHERE entity_type = $1 AND entity_id = $2 ORDER BY id",
      [entityType, entityId],
    )
  ).rows;

async function principalOf(userId: string): Promise<Principal> {
  const { rows } = await t.db.query<{
    login_id: string;
    display_name: string;
    role: Principal["role"];
    organisation_id: string;
    name: string;
  }>(
    "SELECT u.login_id, u.display_name, u.role, u.organisation_id, o.name FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE u.id = $1",
    [userId],
  );
  const u = rows[0]!;
  const bureau = u.organisation_id === city.otherBureau.id ? city.otherBureau.id : city.bureau.id;
  return {
    id: userId,
    loginId: u.login_id,
    displayName: u.display_name,
    role: u.role,
    organisationId: u.organisation_id,
    organisationName: u.name,
    bureauId: bureau,
    bureauName: bureau === city.bureau.id ? "政策局" : "財政局",
  };
}

beforeAll(async () => {
  t = await createTestApp();
  city = await buildCity(t.db);
  await setAnalysisOwner(t.db, city.bureau.id);
  const managerUser = await buildUser(t.db, { role: "editor", organisationId: city.division.id, displayName: "経営分析 担当" });
  manager = await t.login(managerUser.loginId, TEST_PASSWORD);
  otherEditor = await t.login(city.otherEditor.loginId, TEST_PASSWORD);
  viewer = await t.login(city.viewer.loginId, TEST_PASSWORD);
}, 120_000);
afterAll(() => t?.cleanup());

describe("subjects", () => {
  it("creates a subject with a linked source and that source's measures in the same transaction, audited", async () => {
    const created = await manager.post("/api/analysis/subjects", subjectBody("SDGsステーション", { linkedSource: "sdgs.station" }));
    expect(created.status).toBe(200);
    const expected = LINKED_SOURCE_INFO["sdgs.station"].measures;
    expect(created.body.measures.map((m: { linkedFigure: string }) => m.linkedFigure)).toEqual(expected.map((m) => m.key));
    expect(created.body.measures.map((m: { name: string }) => m.name)).toEqual(expected.map((m) => m.name));
    expect(created.body).toMatchObject({
      leadOrganisationName: "企画課",
      bureauName: "政策局",
      kindLabel: "事業・拠点",
      analysisFiscalYear: 2024,
      affiliateLabel: null,
      canManage: true,
    });
    const rows = await t.db.query("SELECT linked_figure FROM analysis_measures WHERE subject_id = $1 AND linked_figure IS NOT NULL", [
      created.body.id,
    ]);
    expect(rows.rows).toHaveLength(expected.length);
    expect(await auditRows("analysis_subject", created.body.id)).toEqual([{ action: "create", summary: "SDGsステーション" }]);
  });

  it("rolls the subject back when its linked measures cannot be made (nothing half-written)", async () => {
    // a subject whose own measure already has a linked measure's name: switching the source is refused whole
    const base = (await manager.post("/api/analysis/subjects", subjectBody("国際関連事業"))).body;
    const own = await manager.post(`/api/analysis/subjects/${base.id}/measures`, { name: "実施事業数", unit: "件", isCostBasis: false });
    expect(own.status).toBe(200);
    const switched = await manager.patch(`/api/analysis/subjects/${base.id}`, {
      ...subjectBody("国際関連事業", { linkedSource: "international.programmes" }),
      role: undefined,
      version: own.body.version,
    });
    expect(switched.status).toBe(400);
    expect(switched.body.error.message).toContain("活動指標「実施事業数」がすでにある");
    const after = (await viewer.get(`/api/analysis/subjects/${base.id}`)).body;
    expect(after.linkedSource).toBeNull();
    expect(after.measures.map((m: { name: string }) => m.name)).toEqual(["実施事業数"]);
  });

  it("keeps linked measures' names and refuses to delete them, saying why; own measures change freely", async () => {
    const list = await viewer.get(`/api/analysis/subjects?q=${encodeURIComponent("SDGsステーション")}`);
    const detail = (await viewer.get(`/api/analysis/subjects/${list.body.items[0].id}`)).body;
    const linked = detail.measures[0];
    const rename = await manager.patch(`/api/analysis/measures/${linked.id}`, { name: "相談の数", unit: linked.unit, isCostBasis: true });
    expect(rename.status).toBe(400);
    expect(rename.body.error.message).toContain("連携元のモジュールから値を読むため、名称と単位は変えられません");
    const removed = await manager.delete(`/api/analysis/measures/${linked.id}`);
    expect(removed.status).toBe(400);
    expect(removed.body.error.message).toContain("削除できません");
    const flag = await manager.patch(`/api/analysis/measures/${linked.id}`, { name: linked.name, unit: linked.unit, isCostBasis: false });
    expect(flag.status).toBe(200);
    expect(flag.body.measures[0]).toMatchObject({ name: linked.name, isCostBasis: false, linkedFigure: "sdgs.consultations" });

    const own = await manager.post(`/api/analysis/subjects/${detail.id}/measures`, {
      name: "セミナー参加者数",
      unit: "人",
      isCostBasis: false,
    });
    const ownId = own.body.measures.find((m: { name: string }) => m.name === "セミナー参加者数").id;
    const duplicate = await manager.post(`/api/analysis/subjects/${detail.id}/measures`, { name: "セミナー参加者数", unit: "人" });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.error.message).toBe("活動指標「セミナー参加者数」はすでに登録されています。");
    expect((await manager.patch(`/api/analysis/measures/${ownId}`, { name: "参加者数", unit: "人", isCostBasis: true })).status).toBe(200);
    expect((await manager.delete(`/api/analysis/measures/${ownId}`)).status).toBe(200);
    expect((await auditRows("analysis_measure", ownId)).map((r) => r.action)).toEqual(["create", "update", "delete"]);
  });

  it("refuses a stale version with 409 and keeps the first edit", async () => {
    const created = (await manager.post("/api/analysis/subjects", subjectBody("北九州市立大学", { kind: "public_university" }))).body;
    const { role: _role, ...fields } = subjectBody("北九州市立大学", { kind: "public_university" });
    const first = await manager.patch(`/api/analysis/subjects/${created.id}`, {
      ...fields,
      cityStakePercent: 100,
      version: created.version,
    });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(created.version + 1);
    const stale = await manager.patch(`/api/analysis/subjects/${created.id}`, {
      ...fields,
      cityStakePercent: 50,
      version: created.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toContain("ほかの操作で更新されています");
    expect((await viewer.get(`/api/analysis/subjects/${created.id}`)).body.cityStakePercent).toBe(100);
    expect((await auditRows("analysis_subject", created.id)).map((r) => r.action)).toEqual(["create", "update"]);
  });

  it("refuses to delete a subject with analyses, with a clear message, and deletes one without", async () => {
    const subject = (await manager.post("/api/analysis/subjects", subjectBody("アジア成長研究所", { kind: "public_interest_foundation" })))
      .body;
    await t.db.query("INSERT INTO analysis_reviews (subject_id, fiscal_year) VALUES ($1, 2024)", [subject.id]);
    const refused = await manager.delete(`/api/analysis/subjects/${subject.id}?version=${subject.version}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(
      "「アジア成長研究所」には経営分析が1件あるため削除できません。経営分析の記録を残すため、対象は削除せずにお使いください。",
    );
    const listed = await viewer.get(`/api/analysis/subjects?q=${encodeURIComponent("アジア成長研究所")}`);
    expect(listed.body.items[0]).toMatchObject({
      reviewCount: 1,
      latestReview: { fiscalYear: 2024, status: "draft", statusLabel: "分析中" },
    });

    const other = (await manager.post("/api/analysis/subjects", subjectBody("削除する対象"))).body;
    const stale = await manager.delete(`/api/analysis/subjects/${other.id}?version=${other.version + 1}`);
    expect(stale.status).toBe(409);
    expect((await manager.delete(`/api/analysis/subjects/${other.id}?version=${other.version}`)).status).toBe(200);
    expect((await viewer.get(`/api/analysis/subjects/${other.id}`)).status).toBe(404);
    expect((await auditRows("analysis_subject", other.id)).map((r) => r.action)).toEqual(["create", "delete"]);
  });

  it("shows both names of an affiliated body by its analysis year", async () => {
    const before = (
      await manager.post(
        "/api/analysis/subjects",
        subjectBody("北九州国際交流協会", { kind: "public_interest_foundation", isAffiliatedBody: true }),
      )
    ).body;
    expect(before.affiliateLabel).toBe("外郭団体（令和7年度から政策連携団体）");
    const { role: _role, ...fields } = subjectBody("北九州国際交流協会", { kind: "public_interest_foundation", isAffiliatedBody: true });
    const after = await manager.patch(`/api/analysis/subjects/${before.id}`, {
      ...fields,
      analysisFiscalYear: 2025,
      version: before.version,
    });
    expect(after.body.affiliateLabel).toBe("政策連携団体（旧：外郭団体）");
  });

  it("checks what a peer may hold and what a subject must", async () => {
    const peerWithYear = await manager.post("/api/analysis/subjects", {
      role: "peer",
      name: "年度のある比較団体",
      kind: "public_university",
      analysisFiscalYear: 2024,
    });
    expect(peerWithYear.status).toBe(400);
    expect(peerWithYear.body.error.fields.analysisFiscalYear).toBe("比較団体には分析年度を設定できません。");
    const noYear = await manager.post("/api/analysis/subjects", { ...subjectBody("年度のない対象"), analysisFiscalYear: null });
    expect(noYear.status).toBe(400);
    expect(noYear.body.error.message).toBe("分析年度を入力してください。");
    const sameName = await manager.post("/api/analysis/subjects", subjectBody("SDGsステーション"));
    expect(sameName.status).toBe(409);
    // the lead division is one of the city's own organisations, never a partner (external) one
    const externalLead = await manager.post(
      "/api/analysis/subjects",
      subjectBody("外部が所管する対象", { leadOrganisationId: city.partnerOrg.id }),
    );
    expect(externalLead.status).toBe(400);
    expect(externalLead.body.error.fields.leadOrganisationId).toBe("所管課には市の組織を選んでください（外部の団体は選べません）。");
  });
});

describe("peers", () => {
  it("creates a peer from a subject, links existing peers once, lists and unlinks them", async () => {
    const university = (await viewer.get(`/api/analysis/subjects?q=${encodeURIComponent("北九州市立大学")}`)).body.items[0];
    const fromSubject = await manager.post("/api/analysis/subjects", {
      role: "peer",
      name: "公立大学法人 横浜市立大学",
      kind: "public_university",
      location: "横浜市",
      peerOf: university.id,
    });
    expect(fromSubject.status).toBe(200);
    expect(fromSubject.body.peerOf.map((s: { name: string }) => s.name)).toEqual(["北九州市立大学"]);
    const other = (
      await manager.post("/api/analysis/subjects", {
        role: "peer",
        name: "公立大学法人 大阪",
        kind: "public_university",
        location: "大阪市",
      })
    ).body;
    const added = await manager.post(`/api/analysis/subjects/${university.id}/peers`, { peerId: other.id });
    expect(added.status).toBe(200);
    expect(added.body.peers.map((p: { name: string }) => p.name)).toEqual(["公立大学法人 大阪", "公立大学法人 横浜市立大学"]);
    expect((await peersOf(t.db, university.id)).map((p) => p.location)).toEqual(["大阪市", "横浜市"]);
    const twice = await manager.post(`/api/analysis/subjects/${university.id}/peers`, { peerId: other.id });
    expect(twice.status).toBe(400);
    expect(twice.body.error.message).toBe("「公立大学法人 大阪」はすでにこの対象の比較団体です。");
    const notAPeer = await manager.post(`/api/analysis/subjects/${university.id}/peers`, { peerId: university.id });
    expect(notAPeer.status).toBe(400);

    const peers = await viewer.get("/api/analysis/subjects?role=peer&sort=name");
    expect(peers.body.items.map((p: { name: string }) => p.name)).toEqual(["公立大学法人 大阪", "公立大学法人 横浜市立大学"]);
    expect(peers.body.items[0].linkedNames).toEqual(["北九州市立大学"]);

    const removed = await manager.delete(`/api/analysis/subjects/${university.id}/peers/${other.id}`);
    expect(removed.body.peers.map((p: { name: string }) => p.name)).toEqual(["公立大学法人 横浜市立大学"]);
    expect((await viewer.get(`/api/analysis/subjects/${other.id}`)).status).toBe(200);
    const audits = await auditRows("analysis_subject", university.id);
    expect(audits.slice(-2).map((r) => r.summary)).toEqual([
      "北九州市立大学：比較団体「公立大学法人 大阪」を追加",
      "北九州市立大学：比較団体「公立大学法人 大阪」を外す",
    ]);
  });
});

describe("facilities", () => {
  it("adds, edits and deletes a facility with its age at the fiscal year's end, audited", async () => {
    const university = (await viewer.get(`/api/analysis/subjects?q=${encodeURIComponent("北九州市立大学")}`)).body.items[0];
    const added = await manager.post(`/api/analysis/subjects/${university.id}/facilities`, {
      name: "北方キャンパス本館",
      builtYear: 1975,
      floorAreaM2: 12000.5,
      lastRenovatedYear: 2005,
    });
    expect(added.status).toBe(200);
    const facility = added.body.facilities[0];
    const fy = fiscalYearOf(todayInJapan());
    expect(facility).toMatchObject({ name: "北方キャンパス本館", floorAreaM2: 12000.5, ageAtFiscalYearEnd: fy + 1 - 1975 });
    const wrong = await manager.patch(`/api/analysis/facilities/${facility.id}`, {
      name: "北方キャンパス本館",
      builtYear: 1975,
      lastRenovatedYear: 1970,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields.lastRenovatedYear).toBe("直近の改修年は建築年以降です。");
    const edited = await manager.patch(`/api/analysis/facilities/${facility.id}`, { name: "本館", builtYear: 1980, note: "耐震改修済み" });
    expect(edited.body.facilities[0]).toMatchObject({
      name: "本館",
      builtYear: 1980,
      floorAreaM2: null,
      ageAtFiscalYearEnd: fy + 1 - 1980,
    });
    expect((await manager.delete(`/api/analysis/facilities/${facility.id}`)).body.facilities).toEqual([]);
    expect((await auditRows("analysis_facility", facility.id)).map((r) => r.action)).toEqual(["create", "update", "delete"]);
  });
});

describe("who may write", () => {
  it("refuses a viewer and another bureau's editor in the service itself, not only at the router", async () => {
    const viewerPrincipal = await principalOf(city.viewer.id);
    const otherPrincipal = await principalOf(city.otherEditor.id);
    const input = {
      role: "subject" as const,
      name: "権限のない登録",
      shortName: "",
      kind: "programme" as const,
      isAffiliatedBody: false,
      leadOrganisationId: null,
      cityStakePercent: null,
      cityRole: "",
      purpose: "",
      foundedYear: null,
      analysisFiscalYear: 2024,
      location: "",
      linkedSource: null,
      note: "",
      peerOf: null,
    };
    const actor = { userId: null, label: "テスト" };
    await expect(createSubject(t.db, viewerPrincipal, actor, input)).rejects.toBeInstanceOf(Forbidden);
    await expect(createSubject(t.db, otherPrincipal, actor, input)).rejects.toBeInstanceOf(Forbidden);
    const subject = (await viewer.get(`/api/analysis/subjects?q=${encodeURIComponent("北九州市立大学")}`)).body.items[0];
    await expect(updateSubject(t.db, viewerPrincipal, actor, subject.id, { ...input, version: subject.version })).rejects.toBeInstanceOf(
      Forbidden,
    );
    const count = await t.db.query("SELECT 1 FROM analysis_subjects WHERE name = '権限のない登録'");
    expect(count.rows).toEqual([]);
  });

  it("lets every member of staff read and tells them they cannot manage", async () => {
    const list = await viewer.get("/api/analysis/subjects");
    expect(list.status).toBe(200);
    expect(list.body.canManage).toBe(false);
    expect((await otherEditor.post("/api/analysis/subjects", subjectBody("他局の登録"))).status).toBe(403);
    expect((await manager.get("/api/analysis/subjects")).body.canManage).toBe(true);
  });

  it("exports the list as CSV with the 和暦 年度, audited", async () => {
    const csv = await viewer.get("/api/analysis/subjects/export?format=csv&role=subject");
    expect(csv.status).toBe(200);
    const text = csv.body as string;
    expect(text.split("\r\n")[0]).toContain("名称,略称,区分,種別");
    expect(text).toContain("令和6年度");
    const audits = await t.db.query("SELECT 1 FROM audit_log WHERE entity_type = 'analysis_subject' AND action = 'export'");
    expect(audits.rows.length).toBeGreaterThan(0);
  });
});

describe("contract messages", () => {
  const parse = <T>(schema: { safeParse: (v: unknown, o: object) => { success: boolean; error?: { issues: T[] } } }, value: unknown) =>
    schema.safeParse(value, { error: japaneseErrorMap }).error?.issues ?? [];

  it("says in Japanese what is wrong with a subject, a facility and a measure", () => {
    const subject = parse(createSubjectBody, { role: "subject", name: "", kind: "x", cityStakePercent: 120 }) as {
      path: string[];
      message: string;
    }[];
    const byPath = Object.fromEntries(subject.map((i) => [i.path.join("."), i.message]));
    expect(byPath).toMatchObject({
      name: "名称を入力してください。",
      kind: "種別を選んでください。",
      cityStakePercent: "市の出資比率は0〜100の範囲です。",
    });
    const facility = parse(facilityBody, { name: "本館", builtYear: 1700 }) as { message: string }[];
    expect(facility.map((i) => i.message)).toEqual(["建築年は1850年以降です。"]);
    const measure = parse(measureBody, { name: "相談件数", unit: "" }) as { message: string }[];
    expect(measure.map((i) => i.message)).toEqual(["単位を入力してください。"]);
  });

  it("names a founding year in 和暦 with the 西暦", () => {
    expect(foundedYearLabel(1950)).toBe("昭和25年（1950年）");
    expect(foundedYearLabel(1989)).toBe("平成元年（1989年）");
    expect(foundedYearLabel(2019)).toBe("令和元年（2019年）");
  });
});
