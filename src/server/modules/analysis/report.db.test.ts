// 経営分析報告書 over HTTP on a city built for the test (no sample data): the PDF (A4 portrait, read back with pdfjs)
// and the Word file (unzipped) both carry the title, the subject and its outline, the 年度 and dates in 和暦, the
// figures, the findings, the chosen option and the decision, the actions, and every chart with its number and source;
// the Word file holds a PNG per chart; each print is audited; outside logins are refused.
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../../testing/app";
import { buildCity, TEST_PASSWORD } from "../../testing/factories";
import { readPdfPages } from "../../testing/pdf-text";
import { setAnalysisOwner } from "./access";
import { insertFacility, insertFigures, insertMeasure, insertReview, insertSubject, linkPeer } from "./report-fixture";

let t: TestApp;
let viewer: TestClient;
let partner: TestClient;
let reviewId: string;
let draftId: string;

const NAME = "テスト国際交流協会";
const DECISION = "令和8年度から交流事業を見直し、自主財源を増やす。";

// five charted indicators (依存度, 自主財源比率, 人件費比率, 相談件数あたりの経費, 築年数), each a trend and a peer chart,
// and the finding on 財務 rests on 依存度: one more trend chart
const CHARTS = 5 * 2 + 1;

beforeAll(async () => {
  t = await createTestApp();
  const city = await buildCity(t.db);
  await setAnalysisOwner(t.db, city.bureau.id);
  viewer = await t.login(city.viewer.loginId, TEST_PASSWORD);
  partner = await t.login(city.partner.loginId, TEST_PASSWORD);

  const subject = await insertSubject(t.db, {
    name: NAME,
    kind: "public_interest_foundation",
    affiliated: true,
    lead: city.division.id,
    year: 2024,
    purpose: "市民の国際交流と多文化共生を進める",
    cityRole: "基本財産の出えんと運営費の補助",
    stake: 100,
    founded: 1989,
  });
  await insertFigures(t.db, subject, 2022, {
    "revenue.city_subsidy": 200_000_000,
    "revenue.own_business": 50_000_000,
    "expense.personnel": 150_000_000,
    "expense.goods": 90_000_000,
  });
  // 令和5年度 left out: a gap, never a zero
  await insertFigures(t.db, subject, 2024, {
    "revenue.city_subsidy": 180_000_000,
    "revenue.own_business": 70_000_000,
    "expense.personnel": 140_000_000,
    "expense.goods": 100_000_000,
  });
  await insertMeasure(t.db, subject, { name: "相談件数", unit: "件", values: { 2022: 1_000, 2024: 1_200 } });
  await insertFacility(t.db, subject, "国際交流センター", 1991);

  const peer = await insertSubject(t.db, { name: "比較市国際交流協会", role: "peer", kind: "public_interest_foundation" });
  await insertFigures(t.db, peer, 2024, {
    "revenue.city_subsidy": 100_000_000,
    "revenue.own_business": 100_000_000,
    "expense.personnel": 120_000_000,
    "expense.goods": 70_000_000,
  });
  await insertMeasure(t.db, peer, { name: "相談件数", unit: "件", values: { 2024: 2_000 } });
  await insertFacility(t.db, peer, "比較市国際センター", 2005);
  await linkPeer(t.db, subject, peer);

  reviewId = await insertReview(t.db, {
    subjectId: subject,
    fiscalYear: 2024,
    summary: "市の補助金への依存と人件費の水準を確かめる。",
    decided: { option: "revise", decision: DECISION, on: "2025-03-26", by: "市政変革推進会議" },
    findings: [
      { viewpoint: "necessity", body: "在住外国人の相談は増えており、必要性は高い。", assessment: "adequate" },
      { viewpoint: "finance", body: "収入の7割を市の補助金に頼っている。", assessment: "issue", indicators: ["dependency"] },
    ],
    options: [
      { option: "continue", assessment: "現状のままでは依存度が下がらない。" },
      { option: "revise", assessment: "事業を絞り、自主事業を増やす。" },
    ],
    actions: [
      { title: "自主事業の計画を作る", owner: city.division.id, dueOn: "2026-03-31" },
      { title: "会費の見直し", ownerName: "協会事務局", dueOn: "2025-09-30", doneOn: "2025-09-01", result: "会費を改定した" },
    ],
  });
  const other = await insertSubject(t.db, { name: "分析中の事業", kind: "programme", year: 2025 });
  draftId = await insertReview(t.db, { subjectId: other, fiscalYear: 2025 });
}, 120_000);
afterAll(() => t?.cleanup());

const NEEDLES = [
  "経営分析報告書",
  NAME,
  "令和6年度",
  "作成日：令和",
  "公益財団法人",
  "外郭団体（令和7年度から政策連携団体）",
  "企画課",
  "政策局",
  "市民の国際交流と多文化共生を進める",
  "基本財産の出えんと運営費の補助",
  "100%",
  "平成元年（1989年）",
  "年度別の数値",
  "補助金（市）",
  // 令和6年度's 補助金 in 千円
  "180,000",
  "指標の推移と比較団体との比較",
  "市財政への依存度",
  "比較市国際交流協会",
  "収入の7割を市の補助金に頼っている。",
  "根拠とした指標：市財政への依存度",
  "方向性の検討と決定",
  "選んだ方向性",
  "見直し",
  DECISION,
  "令和7年3月26日",
  "市政変革推進会議",
  "今後の取組",
  "自主事業の計画を作る",
  "令和8年3月31日",
  "完了（令和7年9月1日）",
  "出典：経営分析に入力・取り込んだ年度別数値",
  `図${CHARTS}`,
];
const squeeze = (text: string) => text.replace(/\s+/g, "");

describe("the report as PDF", () => {
  it("is an A4 portrait PDF with the title, subject, 和暦 year, figures, findings, decision, actions and numbered charts", async () => {
    const res = await viewer.get(`/api/analysis/reviews/${reviewId}/report?format=pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toContain("attachment");
    const pages = await readPdfPages(res.raw);
    expect(pages.length).toBeGreaterThan(2);
    for (const p of pages) {
      expect(p.width).toBeCloseTo(595.28, 0);
      expect(p.height).toBeCloseTo(841.89, 0);
    }
    const text = squeeze(pages.map((p) => p.text).join("\n"));
    for (const needle of NEEDLES) expect(text, needle).toContain(squeeze(needle));
    expect(text).toContain(`${pages.length}/${pages.length}`);
    expect(text).not.toContain("2025-03-26");
    expect(text).not.toContain(`図${CHARTS + 1}`);
  });
});

describe("the report as Word", () => {
  it("holds the same text, and a PNG image for every chart", async () => {
    const res = await viewer.get(`/api/analysis/reviews/${reviewId}/report?format=docx`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("wordprocessingml");
    const zip = await JSZip.loadAsync(res.raw);
    const xml = await zip.file("word/document.xml")!.async("string");
    const text = squeeze(xml.replace(/<[^>]+>/g, ""));
    for (const needle of NEEDLES) expect(text, needle).toContain(squeeze(needle));
    expect(text).not.toContain("2025-03-26");

    // every chart is a drawing whose image is a PNG (two drawings of the same chart may share one image file)
    const drawings = xml.match(/<w:drawing>[\s\S]*?<\/w:drawing>/g) ?? [];
    expect(drawings.length).toBe(CHARTS);
    const rels = await zip.file("word/_rels/document.xml.rels")!.async("string");
    const targets = new Map([...rels.matchAll(/Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1], `word/${m[2]}`]));
    for (const drawing of drawings) {
      const embed = /r:embed="([^"]+)"/.exec(drawing)?.[1];
      const path = targets.get(embed ?? "");
      expect(path).toMatch(/^word\/media\/.+\.png$/);
      const bytes = await zip.file(path!)!.async("uint8array");
      // the PNG signature, and more than a blank image
      expect([...bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect(bytes.length).toBeGreaterThan(5_000);
    }
  });
});

describe("an analysis without findings or a decision", () => {
  it("prints, saying what is not there yet", async () => {
    const res = await viewer.get(`/api/analysis/reviews/${draftId}/report?format=pdf`);
    expect(res.status).toBe(200);
    const text = squeeze((await readPdfPages(res.raw)).map((p) => p.text).join("\n"));
    for (const needle of [
      "分析中の事業",
      "令和7年度",
      "数値が入力されていません。",
      "所見はまだ記録されていません。",
      "まだ決定していません（分析中）。",
    ]) {
      expect(text, needle).toContain(squeeze(needle));
    }
  });
});

describe("who prints", () => {
  it("audits every print and refuses outside logins, anonymous callers and an unknown analysis", async () => {
    const audit = await t.db.query<{ summary: string }>(
      "SELECT summary FROM audit_log WHERE entity_type = 'analysis_review' AND action = 'export' AND entity_id = $1 ORDER BY id",
      [reviewId],
    );
    expect(audit.rows.map((r) => r.summary)).toEqual([
      `${NAME}の令和6年度の経営分析報告書を出力（PDF）`,
      `${NAME}の令和6年度の経営分析報告書を出力（Word）`,
    ]);
    expect((await partner.get(`/api/analysis/reviews/${reviewId}/report?format=pdf`)).status).toBe(403);
    expect((await t.client().get(`/api/analysis/reviews/${reviewId}/report?format=pdf`)).status).toBe(401);
    expect((await viewer.get("/api/analysis/reviews/00000000-0000-4000-8000-000000000000/report?format=pdf")).status).toBe(404);
    expect((await viewer.get(`/api/analysis/reviews/${reviewId}/report?format=html`)).status).toBe(400);
  });
});
