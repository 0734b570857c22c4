import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { buildPolicyDocument } from "../../testing/policy-fixture.js";
import { renderPolicyDocx } from "./render-docx.js";

async function partsOf(buf: Buffer): Promise<{ document: string; styles: string; footer: string }> {
  const zip = await JSZip.loadAsync(buf);
  const read = async (name: string) => (await zip.file(name)?.async("string")) ?? "";
  const footerName = Object.keys(zip.files).find((n) => /^word\/footer\d*\.xml$/.test(n)) ?? "";
  return { document: await read("word/document.xml"), styles: await read("word/styles.xml"), footer: await read(footerName) };
}

/** Paragraph texts in order, with the style each paragraph uses. */
function paragraphsOf(documentXml: string): { style: string | null; text: string }[] {
  return [...documentXml.matchAll(/<w:p\b[\s\S]*?<\/w:p>/g)].map(([p]) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? null,
    text: [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""),
  }));
}

describe("renderPolicyDocx", () => {
  it("writes the document's headings with Word's Title and Heading styles, in order", async () => {
    const { document } = await partsOf(await renderPolicyDocx(buildPolicyDocument()));
    const headings = paragraphsOf(document).filter((p) => p.style !== null);
    expect(headings.slice(0, 8)).toEqual([
      { style: "Title", text: "政策局 X方針の概要" },
      { style: "Title", text: "局区X方針〈政策局〉" },
      { style: "Heading1", text: "1 組織の使命（どのような役割を担うのか）" },
      { style: "Heading1", text: "2 課題と背景" },
      { style: "Heading2", text: "課題A（1）" },
      { style: "Heading3", text: "① 課題名" },
      { style: "Heading3", text: "② 課題の内容" },
      { style: "Heading3", text: "③ 課題の背景" },
    ]);
    expect(headings.map((h) => h.text)).toEqual(
      expect.arrayContaining(["④ 課題への対応", "⑤ 取組みの進捗状況、取組結果（令和6年11月末時点）", "課題B（5）"]),
    );
  });

  it("contains the challenge names, the mission and the analysis note", async () => {
    const texts = paragraphsOf((await partsOf(await renderPolicyDocx(buildPolicyDocument()))).document).map((p) => p.text);
    expect(texts).toContain("ふるさと納税の寄附受入額の増加");
    expect(texts).toContain("SDGsの推進～「周知」から「実践」へ、「官」から「民」へ～");
    expect(texts).toContain("政策局は、新ビジョンで掲げた都市像の実現に向け、組織横断的な政策の総合調整と牽引の役割を担う。");
    expect(texts).toContain("※市政変革推進プランに基づき、令和6年度に経営分析を行う。");
  });

  it("puts the overview in a table with areas as columns and categories as rows", async () => {
    const { document } = await partsOf(await renderPolicyDocx(buildPolicyDocument()));
    const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(document)?.[0] ?? "";
    const rows = [...table.matchAll(/<w:tr\b[\s\S]*?<\/w:tr>/g)].map(([row]) =>
      [...row.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(([cell]) =>
        paragraphsOf(cell)
          .map((p) => p.text)
          .join("|"),
      ),
    );
    expect(rows[0]).toEqual(["", "A領域", "B領域", "C領域"]);
    expect(rows[1][0]).toBe("成長戦略");
    expect(rows[1][1]).toBe("(1)ふるさと納税の寄附受入額の増加|・事務負担の最小化を図りながら、寄附受付サイトの拡充を検討");
    expect(rows[1][3]).toBe("・各局の施策・事業が効果的に作用するよう、横串機能を発揮");
    expect(rows[2]).toEqual(["外郭団体等", "", expect.stringContaining("(5)アジア成長研究所"), ""]);
  });

  it("sets a Japanese font (游明朝) for East Asian text, an A4 page and page numbers", async () => {
    const { document, styles, footer } = await partsOf(await renderPolicyDocx(buildPolicyDocument()));
    expect(styles).toMatch(/<w:rFonts [^>]*w:eastAsia="游明朝"/);
    expect(styles).toContain('w:eastAsia="ja-JP"');
    expect(document).toMatch(/<w:pgSz [^>]*w:w="11906"[^>]*w:h="16838"/);
    expect(footer).toContain("PAGE");
    expect(footer).toContain("NUMPAGES");
  });

  it("shows the progress entry for asOf and status labels when asked", async () => {
    const texts = paragraphsOf(
      (await partsOf(await renderPolicyDocx(buildPolicyDocument(), { asOf: "2024-06-30", statusLabels: true }))).document,
    ).map((p) => p.text);
    expect(texts).toContain("⑤ 取組みの進捗状況、取組結果（令和6年5月末時点）");
    expect(texts).toContain("【順調】新システムの仕様を固めた。");
    expect(texts).not.toContain("令和6年8月に新システムを導入した。");
    // B(2) has no entry by then.
    expect(texts).toContain("（記載なし）");
  });
});
