import { describe, expect, it } from "vitest";
import { readPdfPages } from "../../testing/pdf-text.js";
import { buildPolicyDocument } from "../../testing/policy-fixture.js";
import { renderPolicyPdf } from "./render-pdf.js";

const A4_PORTRAIT = { width: 595.28, height: 841.89 };
// Wrapped lines split long Japanese sentences; compare without the line breaks pdf.js reports.
const flat = (text: string) => text.replace(/\s+/g, "");

describe("renderPolicyPdf", () => {
  it("is an A4 portrait PDF with Noto Sans JP embedded as a TrueType font file", async () => {
    const buf = await renderPolicyPdf(buildPolicyDocument());
    expect(buf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const raw = buf.toString("latin1");
    expect(raw).toContain("/FontFile2");
    expect(raw).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansJP-Regular/);
    expect(raw).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansJP-Bold/);
    const pages = await readPdfPages(buf);
    for (const page of pages) {
      expect(page.width).toBeCloseTo(A4_PORTRAIT.width, 1);
      expect(page.height).toBeCloseTo(A4_PORTRAIT.height, 1);
    }
  });

  it("puts the overview title and the area × category matrix on page 1, with numbered items and bullets", async () => {
    const [first] = await readPdfPages(await renderPolicyPdf(buildPolicyDocument()));
    const text = flat(first.text);
    expect(text).toContain("政策局X方針の概要");
    for (const label of ["A領域", "B領域", "C領域", "成長戦略", "外郭団体等"]) expect(text).toContain(label);
    expect(text).toContain("(1)ふるさと納税の寄附受入額の増加");
    expect(text).toContain("・事務負担の最小化を図りながら、寄附受付サイトの拡充を検討");
    expect(text).toContain("・各局の施策・事業が効果的に作用するよう、横串機能を発揮");
    expect(text).not.toContain("組織の使命");
  });

  it("follows the document's order: title, mission, challenges with ①–⑤, analysis note at the end of ④", async () => {
    const text = flat(
      (await readPdfPages(await renderPolicyPdf(buildPolicyDocument())))
        .slice(1)
        .map((p) => p.text)
        .join(""),
    );
    const order = [
      "局区X方針〈政策局〉",
      "1組織の使命（どのような役割を担うのか）",
      "政策局は、新ビジョンで掲げた都市像の実現に向け、組織横断的な政策の総合調整と牽引の役割を担う。",
      "2課題と背景",
      "課題A（1）",
      "①課題名",
      "ふるさと納税の寄附受入額の増加",
      "②課題の内容",
      "③課題の背景",
      "④課題に対する取組み",
      "⑤取組みの進捗状況、取組結果（令和6年11月末時点）",
      "令和6年8月に新システムを導入した。",
      "課題B（2）",
      "SDGsの推進～「周知」から「実践」へ、「官」から「民」へ～",
      "④課題に対する取組み",
      "※市政変革推進プランに基づき、令和6年度に経営分析を行う。",
      "⑤取組みの進捗状況",
      "課題B（5）",
      "④課題への対応",
    ];
    let from = 0;
    for (const piece of order) {
      const at = text.indexOf(piece, from);
      expect(at, `「${piece}」 should follow position ${from}`).toBeGreaterThanOrEqual(0);
      from = at + piece.length;
    }
  });

  it("numbers every page in the footer", async () => {
    const pages = await readPdfPages(await renderPolicyPdf(buildPolicyDocument()));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const [i, page] of pages.entries()) expect(flat(page.text)).toContain(`${i + 1}/${pages.length}`);
  });

  it("shows the latest progress entry on or before asOf, and status labels only when asked", async () => {
    const doc = buildPolicyDocument();
    const mayText = flat((await readPdfPages(await renderPolicyPdf(doc, { asOf: "2024-06-30" }))).map((p) => p.text).join(""));
    expect(mayText).toContain("（令和6年5月末時点）新システムの仕様を固めた。");
    expect(mayText).not.toContain("令和6年8月に新システムを導入した。");
    expect(mayText).not.toContain("【順調】");

    const labelled = flat((await readPdfPages(await renderPolicyPdf(doc, { statusLabels: true }))).map((p) => p.text).join(""));
    expect(labelled).toContain("【完了】令和6年8月に新システムを導入した。");
    // An entry without a written label gets one from its date.
    expect(labelled).toContain("（令和6年11月末時点）【遅れ】各団体の経営分析を実施。");
  });
});
