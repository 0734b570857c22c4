// 局区方針 over HTTP: import (preview → save → update with history), permissions, editing, progress history,
// challenge lists, publishing, audit rows, downloads and the status list.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePolicyText } from "../../../common/policy/parse";
import { createTestApp, type TestApp, type TestClient } from "../../testing/app";
import { buildCity, TEST_PASSWORD } from "../../testing/factories";
import { extractPdfText } from "../../testing/pdf-text";
import { buildPolicyDocx } from "../../testing/policy-docx-fixture";

const SEED = readFileSync(path.join(import.meta.dirname, "demo", "sample-policy.txt"), "utf8");
const FURUSATO = "ふるさと納税の寄附受入額の増加";
const FURUSATO_PROGRESS_2024 = "令和6年8月に返礼品の登録・変更を効率的に実施できる新システムを導入した。";

let t: TestApp;
let city: Awaited<ReturnType<typeof buildCity>>;
let admin: TestClient;
let editor: TestClient;
let otherEditor: TestClient;
let viewer: TestClient;
let partner: TestClient;
let documentId: string;
/** challenge id by code (A(1) …) */
const ids: Record<string, string> = {};

async function count(table: string, where = "", params: unknown[] = []): Promise<number> {
  const { rows } = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} ${where}`, params);
  return rows[0].n;
}

async function snapshot() {
  return {
    documents: await count("policy_documents"),
    challenges: await count("policy_challenges"),
    progress: await count("policy_progress_entries"),
    audit: await count("audit_log WHERE action NOT IN ('login')"),
  };
}

async function challenge(client: TestClient, code: string) {
  const response = await client.get(`/api/policy/challenges/${ids[code]}`);
  expect(response.status).toBe(200);
  return response.body;
}

async function auditRows(entityId: string, action?: string) {
  const { rows } = await t.db.query<{ action: string; before: unknown; after: unknown; actor_user_id: string | null }>(
    `SELECT action, before, after, actor_user_id FROM audit_log WHERE entity_id = $1 ${action ? "AND action = $2" : ""} ORDER BY id`,
    action ? [entityId, action] : [entityId],
  );
  return rows;
}

beforeAll(async () => {
  t = await createTestApp();
  city = await buildCity(t.db);
  admin = await t.login(city.admin.loginId, TEST_PASSWORD);
  editor = await t.login(city.editor.loginId, TEST_PASSWORD);
  otherEditor = await t.login(city.otherEditor.loginId, TEST_PASSWORD);
  viewer = await t.login(city.viewer.loginId, TEST_PASSWORD);
  partner = await t.login(city.partner.loginId, TEST_PASSWORD);
});
afterAll(() => t.cleanup());

describe("importing the bureau's policy text", () => {
  it("previews the seed document as 10 challenges for 令和6年度 without saving anything", async () => {
    const response = await editor.post("/api/policy/import/preview", { text: SEED });
    expect(response.status).toBe(200);
    expect(response.body.document.challenges).toHaveLength(10);
    expect(response.body.issues.filter((i: { severity: string }) => i.severity === "error")).toEqual([]);
    expect(response.body.canImport).toBe(true);
    expect(response.body.suggestedFiscalYear).toBe(2024);
    expect(await count("policy_documents")).toBe(0);
    expect(await count("policy_challenges")).toBe(0);
    expect(await count("policy_progress_entries")).toBe(0);
  });

  it("saves the document for 政策局 令和6年度 with every challenge's ①–④ and its ⑤ as of 2024-11-30", async () => {
    const response = await editor.post("/api/policy/import", { text: SEED, organisationId: city.bureau.id, fiscalYear: 2024 });
    expect(response.status).toBe(200);
    expect(response.body.challengeCount).toBe(10);
    documentId = response.body.documentId;

    const doc = await editor.get(`/api/policy/documents/${documentId}`);
    expect(doc.status).toBe(200);
    expect(doc.body.fiscalYear).toBe(2024);
    expect(doc.body.organisationName).toBe("政策局");
    expect(doc.body.status).toBe("draft");
    expect(doc.body.canEdit).toBe(true);
    expect(doc.body.challenges.map((c: { code: string }) => c.code)).toEqual([
      "A(1)",
      "A(2)",
      "A(3)",
      "B(1)",
      "B(2)",
      "B(3)",
      "B(4)",
      "B(5)",
      "B(6)",
      "C(1)",
    ]);
    for (const summary of doc.body.challenges) ids[summary.code] = summary.id;

    for (const code of Object.keys(ids)) {
      const detail = await challenge(editor, code);
      expect(detail.name.length, code).toBeGreaterThan(0);
      expect(detail.content.length, code).toBeGreaterThan(0);
      expect(detail.background.length, code).toBeGreaterThan(0);
      expect(detail.approach.length, code).toBeGreaterThan(0);
      expect(detail.progress, code).toHaveLength(1);
      expect(detail.progress[0].asOf).toBe("2024-11-30");
      expect(detail.progress[0].asOfLabel).toBe("令和6年11月末時点");
    }
    expect((await challenge(editor, "A(1)")).name).toBe(FURUSATO);
  });

  it("refuses to import the same bureau and year again unless asked to update it", async () => {
    const before = await snapshot();
    const again = await editor.post("/api/policy/import", { text: SEED, organisationId: city.bureau.id, fiscalYear: 2024 });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("document_exists");
    expect(await snapshot()).toEqual(before);
  });

  it("updating with the same text adds no duplicate progress entries", async () => {
    const response = await editor.post("/api/policy/import", {
      text: SEED,
      organisationId: city.bureau.id,
      fiscalYear: 2024,
      replaceExisting: true,
    });
    expect(response.status).toBe(200);
    expect(response.body.documentId).toBe(documentId);
    expect(await count("policy_documents")).toBe(1);
    expect(await count("policy_challenges")).toBe(10);
    expect(await count("policy_progress_entries")).toBe(10);
  });

  it("a later 時点 adds new ⑤ entries and keeps the earlier ones as history", async () => {
    const changed = SEED.replaceAll("令和6年11月末時点", "令和7年3月末時点").replace(
      FURUSATO_PROGRESS_2024,
      "令和7年2月に寄附受付サイトを2つ追加した。",
    );
    const response = await editor.post("/api/policy/import", {
      text: changed,
      organisationId: city.bureau.id,
      fiscalYear: 2024,
      replaceExisting: true,
    });
    expect(response.status).toBe(200);
    expect(await count("policy_challenges")).toBe(10);
    expect(await count("policy_progress_entries")).toBe(20);

    const furusato = await challenge(editor, "A(1)");
    expect(furusato.progress.map((p: { asOf: string }) => p.asOf)).toEqual(["2025-03-31", "2024-11-30"]); // newest first
    expect(furusato.progress[0].text).toContain("寄附受付サイトを2つ追加");
    expect(furusato.progress[0].asOfLabel).toBe("令和7年3月末時点");
    expect(furusato.progress[1].text).toContain(FURUSATO_PROGRESS_2024);
    expect(furusato.latestProgress.asOf).toBe("2025-03-31");
  });

  it("refuses a text with an unreadable ⑤ 時点 and leaves the database as it was", async () => {
    const broken = SEED.replace("令和6年11月末時点", "令和6年2月30日時点");
    expect(broken).not.toBe(SEED);
    const preview = await editor.post("/api/policy/import/preview", { text: broken });
    expect(preview.body.canImport).toBe(false);
    const before = await snapshot();
    const response = await editor.post("/api/policy/import", { text: broken, organisationId: city.bureau.id, fiscalYear: 2025 });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain("令和6年2月30日時点");
    const replacing = await editor.post("/api/policy/import", {
      text: broken,
      organisationId: city.bureau.id,
      fiscalYear: 2024,
      replaceExisting: true,
    });
    expect(replacing.status).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  it("issue 12: a draft missing parts of ①–⑤ is imported with warnings, and updating from it blanks nothing", async () => {
    const draft = SEED.replace(/③ 課題の背景\n\n寄附受付サイトが多いほど[^\n]*\n\nサイトを増やす[^\n]*\n\n/, "") // A(1) without ③
      .replace("① 課題名\n\n北九州市立大学の安定的・長期的な大学経営\n\n", "") // B(6) without ①
      .replace(/⑤ 取組みの進捗状況、取組結果（令和6年11月末時点）\n\n市役所全課を対象に[\s\S]*$/, ""); // C(1) without ⑤
    const preview = await editor.post("/api/policy/import/preview", { text: draft });
    expect(preview.body.canImport).toBe(true);
    const gaps = preview.body.issues
      .filter((i: { code: string }) => i.code === "missing_section")
      .map((i: { severity: string; challengeCode: string; message: string }) => [i.severity, i.challengeCode, i.message]);
    expect(gaps).toEqual([
      ["warning", "A(1)", "課題A(1)に「③ 課題の背景」がありません（空欄のまま取り込みます）"],
      ["warning", "B(6)", "課題B(6)に「① 課題名」がありません（空欄のまま取り込みます）"],
      ["warning", "C(1)", "課題C(1)に「⑤ 取組みの進捗状況、取組結果」がありません（空欄のまま取り込みます）"],
    ]);

    const created = await editor.post("/api/policy/import", { text: draft, organisationId: city.bureau.id, fiscalYear: 2025 });
    expect(created.status).toBe(200);
    expect(created.body.challengeCount).toBe(10);
    expect(created.body.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ code: "missing_section" })]));
    const draftId = created.body.documentId;
    const codes = async () =>
      Object.fromEntries(
        ((await editor.get(`/api/policy/documents/${draftId}`)).body.challenges as { code: string; id: string }[]).map((c) => [
          c.code,
          c.id,
        ]),
      );
    const read = async (code: string) => (await editor.get(`/api/policy/challenges/${(await codes())[code]}`)).body;
    expect((await read("A(1)")).background).toBe("");
    expect((await read("B(6)")).name).toBe("（課題名未記入）");
    expect((await read("C(1)")).progress).toEqual([]);

    // the complete text fills the gaps; the draft imported again over it keeps them filled
    const full = { text: SEED, organisationId: city.bureau.id, fiscalYear: 2025, replaceExisting: true };
    expect((await editor.post("/api/policy/import", full)).status).toBe(200);
    expect((await editor.post("/api/policy/import", { ...full, text: draft })).status).toBe(200);
    expect((await read("A(1)")).background).toContain("寄附受付サイトが多いほど");
    expect((await read("B(6)")).name).toBe("北九州市立大学の安定的・長期的な大学経営");
    expect((await read("C(1)")).progress).toHaveLength(1);

    expect((await editor.delete(`/api/policy/documents/${draftId}`)).status).toBe(200);
  });
});

describe("issue 12: importing the policy document from Word", () => {
  it("issue 12: a .docx previews as the same 10 challenges dated 2024-11-30, and its text saves", async () => {
    const before = await snapshot();
    const file = new Uint8Array(await buildPolicyDocx(SEED));
    const response = await editor.upload("/api/policy/import/docx", "局区方針.docx", file);
    expect(response.status).toBe(200);
    expect(response.body.document).toEqual(parsePolicyText(SEED).document);
    expect(response.body.document.challenges.map((c: { progress: { asOf: string }[] }) => c.progress[0].asOf)).toEqual(
      Array(10).fill("2024-11-30"),
    );
    expect(response.body.canImport).toBe(true);
    expect(response.body.suggestedFiscalYear).toBe(2024);
    expect(response.body.text).toMatch(/^政策局 X方針の概要\n/);
    expect(await snapshot()).toEqual(before); // a preview saves nothing

    // the text read from Word is what the import saves
    const saved = await editor.post("/api/policy/import", {
      text: response.body.text,
      organisationId: city.bureau.id,
      fiscalYear: 2026,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.challengeCount).toBe(10);
    expect((await editor.delete(`/api/policy/documents/${saved.body.documentId}`)).status).toBe(200);
  });

  it("issue 12: refuses what is not a Word file with a Japanese message, and callers who may not import", async () => {
    const text = await editor.upload("/api/policy/import/docx", "方針.docx", new TextEncoder().encode(SEED));
    expect(text.status).toBe(400);
    expect(text.body.error.message).toBe("Word 文書（.docx）のファイルを選んでください。");
    const oldWord = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(512)]);
    const doc = await editor.upload("/api/policy/import/docx", "方針.doc", oldWord);
    expect(doc.status).toBe(400);
    expect(doc.body.error.code).toBe("unsupported_word_format");
    const empty = await editor.upload("/api/policy/import/docx", "方針.docx", new Uint8Array());
    expect(empty.body.error.message).toBe("ファイルが空です。");
    const broken = await editor.upload(
      "/api/policy/import/docx",
      "方針.docx",
      new Uint8Array(await buildPolicyDocx(SEED)).subarray(0, 4000),
    );
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe("unreadable_docx");
    expect((await viewer.upload("/api/policy/import/docx", "方針.docx", new Uint8Array(await buildPolicyDocx(SEED)))).status).toBe(403);
  });
});

describe("who may do what", () => {
  it("another bureau's editor cannot import, edit or add progress to 政策局's document", async () => {
    const before = await snapshot();
    const detail = await challenge(editor, "A(2)");
    const imported = await otherEditor.post("/api/policy/import", {
      text: SEED,
      organisationId: city.bureau.id,
      fiscalYear: 2024,
      replaceExisting: true,
    });
    expect(imported.status).toBe(403);
    const edited = await otherEditor.patch(`/api/policy/challenges/${ids["A(2)"]}`, { version: detail.version, name: "乗っ取り" });
    expect(edited.status).toBe(403);
    const progress = await otherEditor.post(`/api/policy/challenges/${ids["A(2)"]}/progress`, {
      asOf: "2025-01-31",
      text: "他局から",
      status: null,
    });
    expect(progress.status).toBe(403);
    const document = await otherEditor.patch(`/api/policy/documents/${documentId}`, { version: 1, title: "乗っ取り" });
    expect(document.status).toBe(403);
    expect(await snapshot()).toEqual(before);
    expect((await challenge(editor, "A(2)")).name).toBe(detail.name);
  });

  it("a viewer reads documents and challenges but cannot change them", async () => {
    const doc = await viewer.get(`/api/policy/documents/${documentId}`);
    expect(doc.status).toBe(200);
    expect(doc.body.canEdit).toBe(false);
    const detail = await challenge(viewer, "A(3)");
    const before = await snapshot();
    expect((await viewer.patch(`/api/policy/challenges/${ids["A(3)"]}`, { version: detail.version, name: "閲覧者の編集" })).status).toBe(
      403,
    );
    expect(
      (await viewer.post(`/api/policy/challenges/${ids["A(3)"]}/progress`, { asOf: "2025-01-31", text: "閲覧者", status: null })).status,
    ).toBe(403);
    expect((await viewer.post("/api/policy/import/preview", { text: SEED })).status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it("an external partner gets 403 on the staff endpoints", async () => {
    expect((await partner.get("/api/policy/documents")).status).toBe(403);
    expect((await partner.get(`/api/policy/documents/${documentId}`)).status).toBe(403);
    expect((await partner.get("/api/policy/challenges")).status).toBe(403);
    expect((await partner.get(`/api/policy/challenges/${ids["A(1)"]}`)).status).toBe(403);
    expect((await partner.get(`/api/policy/documents/${documentId}/export/txt`)).status).toBe(403);
    expect((await partner.post("/api/policy/import/preview", { text: SEED })).status).toBe(403);
  });

  it("without a session the staff endpoints answer 401", async () => {
    expect((await t.client().get(`/api/policy/documents/${documentId}`)).status).toBe(401);
  });
});

describe("editing challenges and progress", () => {
  it("saves an edit with the current version and refuses a stale one without changing anything", async () => {
    const start = await challenge(editor, "B(3)");
    const first = await editor.patch(`/api/policy/challenges/${ids["B(3)"]}`, { version: start.version, name: "広域連携事業の推進（改）" });
    expect(first.status).toBe(200);
    expect(first.body.name).toBe("広域連携事業の推進（改）");
    expect(first.body.version).toBe(start.version + 1);

    const stale = await editor.patch(`/api/policy/challenges/${ids["B(3)"]}`, {
      version: start.version,
      name: "古い画面からの保存",
      content: "上書き",
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("stale_version");
    const after = await challenge(editor, "B(3)");
    expect(after.name).toBe("広域連携事業の推進（改）");
    expect(after.content).toBe(start.content);
    expect(after.version).toBe(start.version + 1);

    const audit = await auditRows(ids["B(3)"], "update");
    expect(audit).toHaveLength(1);
    expect(audit[0].before).toMatchObject({ name: "広域連携事業の推進" });
    expect(audit[0].after).toMatchObject({ name: "広域連携事業の推進（改）" });
    expect(audit[0].actor_user_id).toBe(city.editor.id);
  });

  it("reads a 和暦 時点: 令和7年2月末 is 2025-02-28 (令和7年2月末時点) and R7.2.15 is 2025-02-15", async () => {
    const monthEnd = await editor.post(`/api/policy/challenges/${ids["C(1)"]}/progress`, {
      asOf: "令和7年2月末",
      text: "推進本部会議を開催した。",
      status: "順調",
    });
    expect(monthEnd.status).toBe(200);
    const entry = monthEnd.body.progress.find((p: { text: string }) => p.text === "推進本部会議を開催した。");
    expect(entry).toMatchObject({ asOf: "2025-02-28", asOfLabel: "令和7年2月末時点", status: "順調" });

    const short = await editor.post(`/api/policy/challenges/${ids["C(1)"]}/progress`, {
      asOf: "R7.2.15",
      text: "有識者会議を開催した。",
      status: null,
    });
    expect(short.status).toBe(200);
    expect(short.body.progress.find((p: { text: string }) => p.text === "有識者会議を開催した。").asOf).toBe("2025-02-15");

    const { rows } = await t.db.query<{ as_of: string; as_of_label: string }>(
      "SELECT as_of, as_of_label FROM policy_progress_entries WHERE challenge_id = $1 AND body = $2",
      [ids["C(1)"], "推進本部会議を開催した。"],
    );
    expect(rows).toEqual([{ as_of: "2025-02-28", as_of_label: "令和7年2月末時点" }]);
    // history: the imported entries are still there
    expect((await challenge(editor, "C(1)")).progress.map((p: { asOf: string }) => p.asOf)).toEqual([
      "2025-03-31",
      "2025-02-28",
      "2025-02-15",
      "2024-11-30",
    ]);

    const audit = await auditRows(entry.id, "create");
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toMatchObject({ challengeId: ids["C(1)"], asOf: "2025-02-28", status: "順調" });
  });

  it("refuses a status that is not in the configured list, and an unreadable date", async () => {
    const before = await snapshot();
    const status = await editor.post(`/api/policy/challenges/${ids["C(1)"]}/progress`, {
      asOf: "2025-03-15",
      text: "何か",
      status: "絶好調",
    });
    expect(status.status).toBe(400);
    expect(status.body.error.fields.status).toBeTruthy();
    const date = await editor.post(`/api/policy/challenges/${ids["C(1)"]}/progress`, { asOf: "そのうち", text: "何か", status: null });
    expect(date.status).toBe(400);
    expect(date.body.error.fields.asOf).toMatch(/日付/);
    expect(await snapshot()).toEqual(before);
  });

  it("keeps progress entries append-only in the database itself", async () => {
    await expect(
      t.db.query("UPDATE policy_progress_entries SET body = 'こっそり書き換え' WHERE challenge_id = $1", [ids["A(1)"]]),
    ).rejects.toThrow(/append-only/);
    const furusato = await challenge(editor, "A(1)");
    expect(furusato.progress.some((p: { text: string }) => p.text.includes(FURUSATO_PROGRESS_2024))).toBe(true);
  });
});

describe("the challenge list", () => {
  const codesOf = (body: { items: { code: string }[] }) => body.items.map((c) => c.code);

  beforeAll(async () => {
    // B(3) gets the newest 時点 with a status; A(3) and B(4) are given to 企画課.
    expect(
      (
        await editor.post(`/api/policy/challenges/${ids["B(3)"]}/progress`, {
          asOf: "2025-06-30",
          text: "連携協議が遅れている。",
          status: "一部遅れ",
        })
      ).status,
    ).toBe(200);
    for (const code of ["A(3)", "B(4)"]) {
      const detail = await challenge(editor, code);
      expect(
        (await editor.patch(`/api/policy/challenges/${ids[code]}`, { version: detail.version, ownerOrganisationId: city.division.id }))
          .status,
      ).toBe(200);
    }
  });

  it("refuses an external body as a challenge's owning division", async () => {
    const detail = await challenge(editor, "A(1)");
    const response = await editor.patch(`/api/policy/challenges/${ids["A(1)"]}`, {
      version: detail.version,
      ownerOrganisationId: city.partnerOrg.id,
    });
    expect(response.status).toBe(400);
    expect(response.body.error.fields.ownerOrganisationId).toBe("担当課が正しくありません。");
    expect((await challenge(editor, "A(1)")).version).toBe(detail.version);
  });

  it("filters by area, category, status of the latest entry, and owning division", async () => {
    const base = `/api/policy/challenges?documentId=${documentId}`;
    expect(codesOf((await viewer.get(`${base}&area=B`)).body)).toEqual(["B(1)", "B(2)", "B(3)", "B(4)", "B(5)", "B(6)"]);
    expect(codesOf((await viewer.get(`${base}&category=${encodeURIComponent("国際")}`)).body)).toEqual(["A(3)", "B(4)"]);
    expect(codesOf((await viewer.get(`${base}&status=${encodeURIComponent("一部遅れ")}`)).body)).toEqual(["B(3)"]);
    const owned = await viewer.get(`${base}&ownerOrganisationId=${city.division.id}`);
    expect(codesOf(owned.body)).toEqual(["A(3)", "B(4)"]);
    expect(owned.body.items[0].ownerOrganisationName).toBe("企画課");
    // C(1)'s latest entry (2025-03-31) carries no status, so its earlier 順調 does not count
    expect(codesOf((await viewer.get(`${base}&status=${encodeURIComponent("順調")}`)).body)).toEqual([]);
  });

  it("sorts and pages", async () => {
    const base = `/api/policy/challenges?documentId=${documentId}`;
    const desc = await viewer.get(`${base}&sort=code&order=desc`);
    expect(codesOf(desc.body)).toEqual(["C(1)", "B(6)", "B(5)", "B(4)", "B(3)", "B(2)", "B(1)", "A(3)", "A(2)", "A(1)"]);
    const page2 = await viewer.get(`${base}&sort=code&order=asc&page=2&pageSize=3`);
    expect(page2.body.total).toBe(10);
    expect(codesOf(page2.body)).toEqual(["B(1)", "B(2)", "B(3)"]);
    const page4 = await viewer.get(`${base}&sort=code&page=4&pageSize=3`);
    expect(codesOf(page4.body)).toEqual(["C(1)"]);
    const newest = await viewer.get(`${base}&sort=latestAsOf&order=desc&pageSize=1`);
    expect(codesOf(newest.body)).toEqual(["B(3)"]);
    expect(newest.body.items[0].latestProgress).toMatchObject({ asOf: "2025-06-30", status: "一部遅れ" });
  });
});

describe("publishing", () => {
  it("a draft is never public; publishing shows it, unpublishing hides it again", async () => {
    expect((await t.client().get(`/api/public/policy/documents/${documentId}`)).status).toBe(404);
    expect((await t.client().get(`/api/public/policy/challenges/${ids["A(1)"]}`)).status).toBe(404);
    expect((await t.client().get(`/api/public/policy/documents/${documentId}/export/txt`)).status).toBe(404);
    expect((await t.client().get("/api/public/policy/documents")).body.items).toEqual([]);

    expect((await otherEditor.post(`/api/policy/documents/${documentId}/publish`, { published: true })).status).toBe(403);
    const published = await editor.post(`/api/policy/documents/${documentId}/publish`, { published: true });
    expect(published.status).toBe(200);
    expect(published.body.status).toBe("published");

    const open = await t.client().get(`/api/public/policy/documents/${documentId}`);
    expect(open.status).toBe(200);
    expect(open.body.challenges).toHaveLength(10);
    expect(open.body.canEdit).toBe(false);
    expect((await t.client().get(`/api/public/policy/challenges/${ids["A(1)"]}`)).body.name).toBe(FURUSATO);
    expect((await t.client().get("/api/public/policy/documents")).body.items.map((d: { id: string }) => d.id)).toEqual([documentId]);

    const audit = await auditRows(documentId, "publish");
    expect(audit).toHaveLength(1);
    expect(audit[0].before).toEqual({ status: "draft" });
    expect(audit[0].after).toEqual({ status: "published" });
  });

  it("a published document cannot be deleted", async () => {
    const response = await editor.delete(`/api/policy/documents/${documentId}`);
    expect(response.status).toBe(409);
    expect(await count("policy_documents", "WHERE id = $1", [documentId])).toBe(1);
    expect(await count("policy_challenges", "WHERE document_id = $1", [documentId])).toBe(10);
  });

  it("unpublishing takes it off the public pages", async () => {
    const response = await editor.post(`/api/policy/documents/${documentId}/publish`, { published: false });
    expect(response.status).toBe(200);
    expect(response.body.status).toBe("draft");
    expect((await t.client().get(`/api/public/policy/documents/${documentId}`)).status).toBe(404);
    expect((await t.client().get("/api/public/policy/documents")).body.items).toEqual([]);
    const audit = await auditRows(documentId, "unpublish");
    expect(audit[0].before).toEqual({ status: "published" });
    expect(audit[0].after).toEqual({ status: "draft" });
  });

  it("a draft can be deleted, with its challenges, and the deletion is audited", async () => {
    const created = await admin.post("/api/policy/import", { text: SEED, organisationId: city.otherBureau.id, fiscalYear: 2023 });
    expect(created.status).toBe(200);
    const id = created.body.documentId;
    expect((await admin.delete(`/api/policy/documents/${id}`)).status).toBe(200);
    expect(await count("policy_documents", "WHERE id = $1", [id])).toBe(0);
    expect(await count("policy_challenges", "WHERE document_id = $1", [id])).toBe(0);
    const audit = await auditRows(id, "delete");
    expect(audit).toHaveLength(1);
    expect(audit[0].before).toMatchObject({ fiscalYear: 2023 });
    expect(await count("search_documents", "WHERE entity_id = $1", [id])).toBe(0);
  });
});

describe("audit trail of the imports", () => {
  it("records each import and update of the document with who and what", async () => {
    const rows = await auditRows(documentId);
    const actions = rows.map((r) => r.action);
    expect(actions.filter((a) => a === "import")).toHaveLength(1);
    expect(actions.filter((a) => a === "import_update")).toHaveLength(2);
    for (const row of rows.filter((r) => r.action.startsWith("import"))) {
      expect(row.actor_user_id).toBe(city.editor.id);
      expect(row.after).toMatchObject({ organisationId: city.bureau.id, fiscalYear: 2024 });
      expect((row.after as { challenges: string[] }).challenges).toHaveLength(10);
    }
  });

  it("records a document edit with its before and after", async () => {
    const current = await editor.get(`/api/policy/documents/${documentId}`);
    const response = await editor.patch(`/api/policy/documents/${documentId}`, {
      version: current.body.version,
      title: "局区方針〈政策局〉改",
    });
    expect(response.status).toBe(200);
    const stale = await editor.patch(`/api/policy/documents/${documentId}`, { version: current.body.version, title: "古い版" });
    expect(stale.status).toBe(409);
    expect((await editor.get(`/api/policy/documents/${documentId}`)).body.title).toBe("局区方針〈政策局〉改");
    const audit = await auditRows(documentId, "update");
    expect(audit).toHaveLength(1);
    expect(audit[0].before).toMatchObject({ title: "局区X方針〈政策局〉" });
    expect(audit[0].after).toMatchObject({ title: "局区方針〈政策局〉改" });
  });
});

describe("downloads", () => {
  const expectAttachment = (headers: Headers, extension: string) => {
    const disposition = headers.get("content-disposition") ?? "";
    expect(disposition).toMatch(/^attachment;/);
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent("政策局_局区方針_")}`);
    expect(disposition).toMatch(new RegExp(`\\.${extension}$`));
  };

  it("PDF carries the challenges' text", async () => {
    const response = await viewer.get(`/api/policy/documents/${documentId}/export/pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expectAttachment(response.headers, "pdf");
    const text = (await extractPdfText(response.raw)).replace(/\s+/g, "");
    expect(text).toContain(FURUSATO);
  });

  it("Word and Excel files are real Office (zip) files", async () => {
    for (const format of ["docx", "xlsx"]) {
      const response = await viewer.get(`/api/policy/documents/${documentId}/export/${format}`);
      expect(response.status).toBe(200);
      expectAttachment(response.headers, format);
      expect(new TextDecoder().decode(response.raw.slice(0, 2))).toBe("PK");
      expect(response.raw.length).toBeGreaterThan(1000);
    }
  });

  it("the text export reads back as the same 10 challenges", async () => {
    const response = await viewer.get(`/api/policy/documents/${documentId}/export/txt`);
    expect(response.status).toBe(200);
    expectAttachment(response.headers, "txt");
    const reparsed = parsePolicyText(response.body as string);
    expect(reparsed.document.challenges.map((c) => c.code)).toEqual([
      "A(1)",
      "A(2)",
      "A(3)",
      "B(1)",
      "B(2)",
      "B(3)",
      "B(4)",
      "B(5)",
      "B(6)",
      "C(1)",
    ]);
    expect(reparsed.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(reparsed.document.challenges[0].name).toBe(FURUSATO);
  });

  it("each download is recorded in the audit log", async () => {
    const { rows } = await t.db.query<{ summary: string; actor_user_id: string }>(
      "SELECT summary, actor_user_id FROM audit_log WHERE action = 'export' AND entity_id = $1",
      [documentId],
    );
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(rows.every((r) => r.actor_user_id === city.viewer.id)).toBe(true);
  });
});

describe("the status list", () => {
  const item = (label: string, tone = "neutral") => ({ label, tone, active: true });

  it("only an administrator may change it", async () => {
    const current = await editor.get("/api/policy/statuses");
    expect(current.status).toBe(200);
    expect(current.body.items.map((s: { label: string }) => s.label)).toEqual(["未着手", "順調", "一部遅れ", "大幅遅れ", "完了", "中止"]);
    expect((await editor.put("/api/policy/statuses", { items: [item("未着手")] })).status).toBe(403);
    expect((await partner.get("/api/policy/statuses")).status).toBe(403);
  });

  it("a status in use stays (inactive) so history keeps its label; unused ones are removed", async () => {
    const response = await admin.put("/api/policy/statuses", { items: [item("未着手"), item("進行中", "good"), item("完了", "done")] });
    expect(response.status).toBe(200);
    const byLabel = Object.fromEntries(response.body.items.map((s: { label: string; active: boolean }) => [s.label, s.active]));
    expect(byLabel).toEqual({ 未着手: true, 進行中: true, 完了: true, 順調: false, 一部遅れ: false });
    // history still shows the old label
    const c1 = await challenge(viewer, "C(1)");
    expect(c1.progress.find((p: { asOf: string }) => p.asOf === "2025-02-28").status).toBe("順調");
    // the retired label cannot be chosen for new entries; the new one can
    expect(
      (
        await editor.post(`/api/policy/challenges/${ids["C(1)"]}/progress`, {
          asOf: "2025-04-30",
          text: "新年度の体制を整えた。",
          status: "順調",
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await editor.post(`/api/policy/challenges/${ids["C(1)"]}/progress`, {
          asOf: "2025-04-30",
          text: "新年度の体制を整えた。",
          status: "進行中",
        })
      ).status,
    ).toBe(200);

    const { rows } = await t.db.query<{ before: { label: string }[]; after: { label: string }[] }>(
      "SELECT before, after FROM audit_log WHERE entity_type = 'policy_statuses'",
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].before.map((s) => s.label)).toContain("中止");
    expect(rows[0].after.map((s) => s.label)).not.toContain("中止");
  });

  it("refuses duplicate labels", async () => {
    const response = await admin.put("/api/policy/statuses", { items: [item("完了"), item("完了")] });
    expect(response.status).toBe(400);
  });
});
