// 特区の規制改革提案 over HTTP on the module's sample data: every member of staff reads (list, filters, pipeline with
// days in each state, detail, documents, prints), only the bureau that carries the proposals (zones managers) writes;
// edits and moves are version-checked (concurrent moves: one wins, the other is a 409); a move is checked by the state
// machine and written with its audit row in one transaction; the history is append-only in SQL too; documents are
// size/type checked and belong to their proposal; the print carries the national form's items in Word and PDF.
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInJapan } from "../../../common/dates";
import { daysBetween } from "../../../common/step-days";
import { meetingOwnerKind } from "../../platform/meetings/owners";
import { createTestApp, type TestApp, type TestClient } from "../../testing/app";
import { buildCity, buildUser, TEST_PASSWORD } from "../../testing/factories";
import { extractPdfText } from "../../testing/pdf-text";
import { loadZonesDemo } from "./demo";

const SEED_TITLE = "宇宙との920MHz帯通信に関する実験試験局の免許取得に係る規制改革";

let t: TestApp;
let manager: TestClient;
let admin: TestClient;
let otherEditor: TestClient;
let viewer: TestClient;
let partner: TestClient;
let anonymous: TestClient;
let seedId: string;

const pdf = (marker: string) => new TextEncoder().encode(`%PDF-1.4 ${marker}`);

const newProposal = (title: string) => ({
  title,
  field: "healthcare",
  summary: "遠隔でのリハビリ指導の実証",
  measureScope: "zone_only",
  measureKind: "regulatory_reform",
  businessPlan: "市内の病院と企業が共同で実証する",
  necessity: "通院の負担を減らすため",
  researchNotes: "",
  partners: [{ name: "産業医科大学", kind: "university", role: "臨床評価" }],
  regulations: [{ law: "医師法", article: "第20条", ministry: "厚生労働省", note: "無診察治療の禁止" }],
  startedOn: "2025-04-01",
  note: "テスト",
});

beforeAll(async () => {
  t = await createTestApp();
  const city = await buildCity(t.db);
  await loadZonesDemo(t.db);
  const managerUser = await buildUser(t.db, { role: "editor", organisationId: city.bureau.id, displayName: "特区 担当" });
  manager = await t.login(managerUser.loginId, TEST_PASSWORD);
  admin = await t.login(city.admin.loginId, TEST_PASSWORD);
  otherEditor = await t.login(city.otherEditor.loginId, TEST_PASSWORD);
  viewer = await t.login(city.viewer.loginId, TEST_PASSWORD);
  partner = await t.login(city.partner.loginId, TEST_PASSWORD);
  anonymous = t.client();
  const list = await viewer.get(`/api/zones/proposals?q=${encodeURIComponent("920MHz")}`);
  seedId = list.body.items[0].id;
}, 120_000);
afterAll(() => t?.cleanup());

describe("sample data and reading", () => {
  it("holds the seed's proposal with 九州工業大学, proposed on 2024-10-16 and waiting for the answer to its request", async () => {
    const detail = (await viewer.get(`/api/zones/proposals/${seedId}`)).body;
    expect(detail).toMatchObject({
      title: SEED_TITLE,
      field: "space",
      state: "request",
      stateLabel: "第1回検討要請",
      proposedOn: "2024-10-16",
      isSample: true,
      canManage: false,
      nextMoves: [],
      partners: [{ name: "九州工業大学", kind: "university" }],
      regulations: [{ law: "電波法", ministry: "総務省" }],
    });
    expect(detail.steps.map((s: { state: string }) => s.state)).toEqual(["research", "consultation", "proposal", "request"]);
    const proposal = detail.steps[2];
    expect(proposal).toMatchObject({ date: "2024-10-16", leftOn: "2024-11-20", days: 35 });
    const today = todayInJapan();
    expect(detail.daysInState).toBe(daysBetween("2024-11-20", today));
    expect(detail.totalDays).toBe(daysBetween("2024-04-01", today));
    expect(detail.daysByState.map((d: { label: string }) => d.label)).toEqual(["調査研究", "事前相談", "提案", "検討要請"]);
    // a manager is offered only the answer (or 取下げ): the request is never jumped past
    const asManager = (await manager.get(`/api/zones/proposals/${seedId}`)).body;
    expect(asManager.canManage).toBe(true);
    expect(asManager.nextMoves.map((m: { to: string }) => m.to)).toEqual(["answer", "withdrawn"]);
  });

  it("lists with filters, sorting and paging, and marks the samples", async () => {
    const all = (await viewer.get("/api/zones/proposals?pageSize=200")).body;
    expect(all.total).toBeGreaterThanOrEqual(5);
    expect(all.canManage).toBe(false);
    const deeptech = (await viewer.get("/api/zones/proposals?field=deeptech")).body;
    expect(deeptech.items.map((p: { state: string }) => p.state)).toEqual(["research"]);
    const ended = (await viewer.get("/api/zones/proposals?state=ended")).body;
    expect(ended.items).toHaveLength(1);
    expect(ended.items[0]).toMatchObject({ state: "resolved", isEnded: true, field: "drone_air_mobility" });
    const byMinistry = (await viewer.get(`/api/zones/proposals?q=${encodeURIComponent("経済産業省")}`)).body;
    expect(byMinistry.items.map((p: { stateLabel: string }) => p.stateLabel)).toEqual(["WGヒアリング"]);
    const longest = (await viewer.get("/api/zones/proposals?state=active&sort=daysInState&order=desc&pageSize=2&page=1")).body;
    expect(longest.items).toHaveLength(2);
    expect(longest.items[0].daysInState).toBeGreaterThanOrEqual(longest.items[1].daysInState);
    const page2 = (await viewer.get("/api/zones/proposals?state=active&sort=daysInState&order=desc&pageSize=2&page=2")).body;
    expect(page2.items[0].daysInState).toBeLessThanOrEqual(longest.items[1].daysInState);
    expect((await viewer.get("/api/zones/proposals?state=nonsense")).status).toBe(400);
  });

  it("shows the pipeline: every state, the proposals in it, their days in the state and in total", async () => {
    const pipeline = (await viewer.get("/api/zones/pipeline")).body;
    expect(pipeline.columns).toHaveLength(16);
    expect(pipeline.columns.map((c: { label: string }) => c.label).slice(0, 4)).toEqual(["調査研究", "事前相談", "提案", "検討要請"]);
    const request = pipeline.columns.find((c: { state: string }) => c.state === "request");
    const seed = request.items.find((i: { id: string }) => i.id === seedId);
    expect(seed).toMatchObject({
      stateSince: "2024-11-20",
      daysInState: daysBetween("2024-11-20", pipeline.today),
      partnerNames: ["九州工業大学"],
    });
    const resolved = pipeline.columns.find((c: { state: string }) => c.state === "resolved");
    // an ended proposal's total runs from 調査研究 to its end
    expect(resolved.items[0]).toMatchObject({ isSample: true, totalDays: daysBetween("2023-09-01", "2024-04-10") });
    const wg = pipeline.columns.find((c: { state: string }) => c.state === "wg_hearing");
    expect(wg.items[0].stateLabel).toBe("WGヒアリング");
  });

  it("refuses outsiders: partners and anonymous callers", async () => {
    expect((await partner.get("/api/zones/proposals")).status).toBe(403);
    expect((await anonymous.get("/api/zones/proposals")).status).toBe(401);
    expect((await partner.get(`/api/zones/proposals/${seedId}`)).status).toBe(403);
    expect((await viewer.get("/api/zones/proposals/00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });

  it("registers the proposal as a meeting owner", async () => {
    const kind = meetingOwnerKind("zones.proposal");
    expect(await kind?.describe(t.db, seedId)).toEqual({ title: SEED_TITLE, path: `/zones/proposals/${seedId}` });
    expect(await kind?.describe(t.db, "not-a-uuid")).toBeNull();
  });
});

describe("create and edit", () => {
  it("lets only zones managers create; a proposal starts at 調査研究 with its partners and regulations", async () => {
    expect((await viewer.post("/api/zones/proposals", newProposal("閲覧者の提案"))).status).toBe(403);
    expect((await otherEditor.post("/api/zones/proposals", newProposal("他局の提案"))).status).toBe(403);
    const invalid = await manager.post("/api/zones/proposals", { ...newProposal(""), field: "x" });
    expect(invalid.status).toBe(400);
    const created = await manager.post("/api/zones/proposals", newProposal("遠隔リハビリ指導に係る規制改革"));
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      state: "research",
      stateSince: "2025-04-01",
      version: 1,
      isSample: false,
      partners: [{ name: "産業医科大学" }],
      regulations: [{ law: "医師法", article: "第20条" }],
      steps: [{ state: "research", date: "2025-04-01", note: "テスト", recordedByName: "特区 担当" }],
    });
    const audit = await t.db.query(
      "SELECT 1 FROM audit_log WHERE entity_type = 'zones_proposal' AND action = 'create' AND entity_id = $1",
      [created.body.id],
    );
    expect(audit.rowCount).toBe(1);
    expect((await admin.post("/api/zones/proposals", newProposal("管理者の提案"))).status).toBe(200);
    const future = await manager.post("/api/zones/proposals", { ...newProposal("未来の提案"), startedOn: "2999-01-01" });
    expect(future.status).toBe(400);
    expect(future.body.error.message).toBe("今日より後の日付は記録できません。");
  });

  it("checks the version of an edit (409 when someone changed it) and replaces the lists", async () => {
    const created = (await manager.post("/api/zones/proposals", newProposal("編集する提案"))).body;
    const { startedOn: _s, note: _n, ...fields } = newProposal("編集した提案");
    const edited = await manager.patch(`/api/zones/proposals/${created.id}`, {
      ...fields,
      version: created.version,
      partners: [
        { name: "企業G", kind: "company", role: "" },
        { name: "大学H", kind: "university", role: "評価" },
      ],
      regulations: [],
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: "編集した提案", version: 2, regulations: [], partnerNames: ["企業G", "大学H"] });
    const stale = await manager.patch(`/api/zones/proposals/${created.id}`, { ...fields, title: "古い版", version: created.version });
    expect(stale.status).toBe(409);
    expect((await viewer.get(`/api/zones/proposals/${created.id}`)).body.title).toBe("編集した提案");
    expect((await viewer.patch(`/api/zones/proposals/${created.id}`, { ...fields, version: 2 })).status).toBe(403);
    const duplicate = await manager.patch(`/api/zones/proposals/${created.id}`, {
      ...fields,
      version: 2,
      partners: [
        { name: "企業G", kind: "company", role: "" },
        { name: "企業G", kind: "company", role: "" },
      ],
    });
    expect(duplicate.status).toBe(400);
  });
});

describe("moves through the state machine", () => {
  async function fresh(title: string) {
    return (await manager.post("/api/zones/proposals", { ...newProposal(title), startedOn: "2025-01-06" })).body;
  }
  const move = (client: TestClient, id: string, body: Record<string, unknown>) => client.post(`/api/zones/proposals/${id}/steps`, body);

  it("moves step by step, any number of rounds, and writes each step and its audit row", async () => {
    let p = await fresh("段階を進める提案");
    const go = async (to: string, date: string, extra: Record<string, unknown> = {}) => {
      const response = await move(manager, p.id, { version: p.version, to, date, ...extra });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      p = response.body;
    };
    await go("consultation", "2025-01-20");
    await go("proposal", "2025-02-03");
    await go("request", "2025-02-10");
    await go("answer", "2025-03-10", { answer: "impossible" });
    for (let round = 2; round <= 4; round++) {
      await go("re_request", `2025-0${round + 2}-01`);
      await go("answer", `2025-0${round + 2}-20`, { answer: round === 4 ? "conditional" : "impossible" });
    }
    expect(p.stateLabel).toBe("第4回回答（条件付可）");
    expect(p.steps.filter((s: { state: string }) => s.state === "re_request").map((s: { label: string }) => s.label)).toEqual([
      "第2回検討要請（再検討要請）",
      "第3回検討要請（再検討要請）",
      "第4回検討要請（再検討要請）",
    ]);
    expect(p.daysByState.find((d: { state: string }) => d.state === "re_request").days).toBe(19 * 3);
    await go("policy", "2025-07-01");
    const audits = await t.db.query<{ summary: string; after: { state: string } }>(
      `SELECT a.summary, a.after FROM audit_log a JOIN zones_proposal_steps s ON s.id::text = a.entity_id
        WHERE a.entity_type = 'zones_proposal_step' AND a.action = 'change_status' AND s.proposal_id = $1 ORDER BY a.id`,
      [p.id],
    );
    expect(audits.rowCount).toBe(11);
    expect(audits.rows.at(-1)?.summary).toBe("特区の提案「段階を進める提案」を「措置方針」へ（2025-07-01）");
  });

  it("never jumps past an unanswered request, even with a reason", async () => {
    const before = (await manager.get(`/api/zones/proposals/${seedId}`)).body;
    const refused = await move(manager, seedId, { version: before.version, to: "wg_hearing", date: "2025-01-10", reason: "急ぐため" });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain("第1回検討要請への回答が記録されていません");
    expect(refused.body.error.fields.to).toBeDefined();
    const after = (await manager.get(`/api/zones/proposals/${seedId}`)).body;
    expect(after.steps).toHaveLength(before.steps.length);
    expect(after.version).toBe(before.version);
  });

  it("asks a reason for a skip and records it", async () => {
    const p = await fresh("段階を飛ばす提案");
    const refused = await move(manager, p.id, { version: p.version, to: "proposal", date: "2025-02-01" });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields.reason).toContain("理由の記録が必要です");
    const skipped = await move(manager, p.id, { version: p.version, to: "proposal", date: "2025-02-01", reason: "事前相談は不要と判断" });
    expect(skipped.status).toBe(200);
    expect(skipped.body.steps.at(-1)).toMatchObject({ state: "proposal", skipReason: "事前相談は不要と判断" });
    const audit = await t.db.query<{ after: { skipReason: string } }>(
      "SELECT after FROM audit_log WHERE entity_type = 'zones_proposal_step' AND entity_id = $1",
      [skipped.body.steps.at(-1).id],
    );
    expect(audit.rows[0]?.after.skipReason).toBe("事前相談は不要と判断");
  });

  it("accepts nothing after an end state", async () => {
    const p = await fresh("取り下げる提案");
    const withdrawn = (await move(manager, p.id, { version: p.version, to: "withdrawn", date: "2025-01-31", note: "事業者の撤退" })).body;
    expect(withdrawn).toMatchObject({ state: "withdrawn", isEnded: true, nextMoves: [] });
    const again = await move(manager, p.id, { version: withdrawn.version, to: "consultation", date: "2025-02-01", reason: "再開" });
    expect(again.status).toBe(400);
    expect(again.body.error.message).toBe("この提案は「取下げ」で終了しています。これ以上の手続は記録できません。");
  });

  it("lets one of two concurrent moves win and answers the other 409, writing one step and one audit row", async () => {
    const p = await fresh("同時に進める提案");
    const [a, b] = await Promise.all([
      move(manager, p.id, { version: p.version, to: "consultation", date: "2025-01-10" }),
      move(admin, p.id, { version: p.version, to: "withdrawn", date: "2025-01-10" }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const detail = (await viewer.get(`/api/zones/proposals/${p.id}`)).body;
    expect(detail.steps).toHaveLength(2);
    const audits = await t.db.query(
      `SELECT 1 FROM audit_log a JOIN zones_proposal_steps s ON s.id::text = a.entity_id
        WHERE a.entity_type = 'zones_proposal_step' AND s.proposal_id = $1`,
      [p.id],
    );
    expect(audits.rowCount).toBe(1);
  });

  it("refuses a move by readers and outsiders, and a stale version", async () => {
    const p = await fresh("権限を確かめる提案");
    const body = { version: p.version, to: "consultation", date: "2025-01-10" };
    expect((await move(viewer, p.id, body)).status).toBe(403);
    expect((await move(otherEditor, p.id, body)).status).toBe(403);
    expect((await move(partner, p.id, body)).status).toBe(403);
    expect((await move(anonymous, p.id, body)).status).toBe(401);
    expect((await move(manager, p.id, { ...body, version: p.version + 5 })).status).toBe(409);
    expect((await move(manager, p.id, { ...body, date: "2024-12-31" })).body.error.fields.date).toContain("前の段階");
  });

  it("keeps the history append-only and the state equal to the last step's, in SQL too", async () => {
    await expect(t.db.query("UPDATE zones_proposal_steps SET note = 'x' WHERE proposal_id = $1", [seedId])).rejects.toThrow(/append-only/);
    await expect(t.db.query("DELETE FROM zones_proposal_steps WHERE proposal_id = $1", [seedId])).rejects.toThrow(/append-only/);
    await expect(t.db.query("UPDATE zones_proposals SET state = 'policy' WHERE id = $1", [seedId])).rejects.toThrow(/last step/);
    await expect(
      t.db.query(
        "INSERT INTO zones_proposal_steps (proposal_id, seq, state, step_date, round) VALUES ($1, 99, 'request', '2025-01-01', 2)",
        [seedId],
      ),
    ).rejects.toThrow();
    expect((await viewer.get(`/api/zones/proposals/${seedId}`)).body.state).toBe("request");
  });
});

describe("documents", () => {
  it("uploads, lists, downloads and deletes files of the proposal, attached to a step when asked", async () => {
    const detail = (await manager.get(`/api/zones/proposals/${seedId}`)).body;
    const proposalStep = detail.steps.find((s: { state: string }) => s.state === "proposal");
    const uploaded = await manager.upload(
      `/api/zones/proposals/${seedId}/documents?category=document&stepId=${proposalStep.id}&note=${encodeURIComponent("区域会議の提案書")}`,
      "提案書.pdf",
      pdf("提案書"),
    );
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(200);
    expect(uploaded.body.items).toHaveLength(1);
    expect(uploaded.body.items[0]).toMatchObject({
      name: "提案書.pdf",
      category: "document",
      stepId: proposalStep.id,
      stepLabel: "提案",
      note: "区域会議の提案書",
      uploaderName: "特区 担当",
    });
    const evidence = await manager.upload(`/api/zones/proposals/${seedId}/documents?category=evidence`, "実験データ.pdf", pdf("実験"));
    expect(evidence.body.items.map((d: { category: string }) => d.category)).toEqual(["document", "evidence"]);
    const fileId = uploaded.body.items[0].id;

    const download = await viewer.get(`/api/zones/proposals/${seedId}/documents/${fileId}`);
    expect(download.status).toBe(200);
    expect(new TextDecoder().decode(download.raw)).toBe("%PDF-1.4 提案書");
    // the file belongs to its proposal: through another proposal's address it does not exist
    const other = (await viewer.get("/api/zones/proposals?field=deeptech")).body.items[0].id;
    expect((await viewer.get(`/api/zones/proposals/${other}/documents/${fileId}`)).status).toBe(404);
    expect((await partner.get(`/api/zones/proposals/${seedId}/documents/${fileId}`)).status).toBe(403);

    expect((await manager.upload(`/api/zones/proposals/${seedId}/documents`, "script.exe", new Uint8Array([77, 90, 0, 0]))).status).toBe(
      400,
    );
    const foreignStep = (await viewer.get(`/api/zones/proposals/${other}`)).body.steps[0].id;
    expect((await manager.upload(`/api/zones/proposals/${seedId}/documents?stepId=${foreignStep}`, "a.pdf", pdf("a"))).status).toBe(400);
    expect((await viewer.upload(`/api/zones/proposals/${seedId}/documents`, "b.pdf", pdf("b"))).status).toBe(403);
    expect((await viewer.delete(`/api/zones/proposals/${seedId}/documents/${fileId}`)).status).toBe(403);

    const deleted = await manager.delete(`/api/zones/proposals/${seedId}/documents/${fileId}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.items.map((d: { name: string }) => d.name)).toEqual(["実験データ.pdf"]);
    expect((await viewer.get(`/api/zones/proposals/${seedId}/documents/${fileId}`)).status).toBe(404);
    const audits = await t.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE entity_type = 'zones_proposal' AND entity_id = $1 AND action IN ('attach_file', 'remove_file') ORDER BY id",
      [seedId],
    );
    expect(audits.rows.map((r) => r.action)).toEqual(["attach_file", "attach_file", "remove_file"]);
  });
});

describe("the print in the national form's items", () => {
  const ITEMS = [
    "国家戦略特区 規制改革提案",
    "提案主体",
    "提案名",
    "提案の概要",
    "規制の根拠法令等・所管省庁",
    "提案の具体的内容",
    "提案理由・必要性",
    "事業計画",
    "連携先",
    "これまでの経過",
  ];
  const FACTS = [
    SEED_TITLE,
    "九州工業大学",
    "電波法",
    "総務省",
    "区域限定",
    "規制改革",
    "令和6年10月16日",
    "第1回検討要請",
    "テスト市",
    "求める措置：電波法について、特区の区域に限り規制の特例措置または見直し（規制改革）を求める。",
  ];

  it("prints Word whose document text carries every item and the seed's facts with 和暦 dates", async () => {
    const response = await viewer.get(`/api/zones/proposals/${seedId}/print?format=docx`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("wordprocessingml");
    const zip = await JSZip.loadAsync(response.raw);
    const xml = await zip.file("word/document.xml")!.async("string");
    const text = xml.replace(/<[^>]+>/g, "");
    for (const needle of [...ITEMS, ...FACTS]) expect(text, needle).toContain(needle);
    expect(text).not.toContain("2024-10-16");
  });

  it("prints a PDF with the same items and facts", async () => {
    const response = await viewer.get(`/api/zones/proposals/${seedId}/print?format=pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const text = (await extractPdfText(response.raw)).replace(/\s+/g, "");
    for (const needle of [...ITEMS, ...FACTS]) expect(text, needle).toContain(needle.replace(/\s+/g, ""));
    const audit = await t.db.query(
      "SELECT 1 FROM audit_log WHERE entity_type = 'zones_proposal' AND action = 'export' AND entity_id = $1",
      [seedId],
    );
    expect(audit.rowCount).toBe(2);
  });

  it("exports the list as CSV and Excel with the filters", async () => {
    const csv = await viewer.get("/api/zones/proposals/export?format=csv&field=space");
    expect(csv.status).toBe(200);
    const text = new TextDecoder().decode(csv.raw);
    expect(text).toContain("提案名,分野,現在の段階");
    expect(text).toContain(SEED_TITLE);
    expect(text).toContain("令和6年10月16日");
    expect(text).not.toContain("水素ステーション");
    const xlsx = await viewer.get("/api/zones/proposals/export?format=xlsx");
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    expect((await partner.get("/api/zones/proposals/export?format=csv")).status).toBe(403);
  });
});
