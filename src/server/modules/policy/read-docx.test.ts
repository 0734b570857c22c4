import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { parsePolicyText } from "../../../common/policy/parse.js";
import { zip } from "../../platform/tabular/xlsx-test-files.js";
import { buildPolicyDocx } from "../../testing/policy-docx-fixture.js";
import { DOCX_LIMITS, docxBlocksToText, formatListNumber, readDocxBlocks, readPolicyDocx } from "./read-docx.js";
import { renderPolicyDocx } from "./render-docx.js";

const SEED_PATH = fileURLToPath(new URL("./demo/sample-policy.txt", import.meta.url));
const seedText = readFileSync(SEED_PATH, "utf8");

// ---------------------------------------------------------------------------------------- hand-written parts

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

interface Parts {
  body: string;
  numbering?: string;
  styles?: string;
  /** the whole document.xml, when the test needs it exactly */
  documentXml?: string;
}

function docx(parts: Parts): Uint8Array {
  const rels = [
    parts.numbering ? `<Relationship Id="rId1" Type="${REL}/numbering" Target="numbering.xml"/>` : "",
    parts.styles ? `<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/>` : "",
  ].join("");
  const files = [
    {
      name: "[Content_Types].xml",
      data: Buffer.from(
        `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
      ),
    },
    {
      name: "_rels/.rels",
      data: Buffer.from(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
      ),
    },
    {
      name: "word/_rels/document.xml.rels",
      data: Buffer.from(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`),
    },
    {
      name: "word/document.xml",
      data: Buffer.from(parts.documentXml ?? `<w:document xmlns:w="${W}"><w:body>${parts.body}</w:body></w:document>`),
    },
  ];
  if (parts.numbering)
    files.push({ name: "word/numbering.xml", data: Buffer.from(`<w:numbering xmlns:w="${W}">${parts.numbering}</w:numbering>`) });
  if (parts.styles) files.push({ name: "word/styles.xml", data: Buffer.from(`<w:styles xmlns:w="${W}">${parts.styles}</w:styles>`) });
  return new Uint8Array(zip(files));
}

const p = (text: string, pPr = "") => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const listP = (text: string, numId: number, ilvl = 0) => p(text, `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`);
const lvl = (ilvl: number, format: string, text: string, extra = "") =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;
const tc = (...paragraphs: string[]) => `<w:tc>${paragraphs.join("")}</w:tc>`;

const textOf = async (bytes: Uint8Array) => docxBlocksToText(await readDocxBlocks(bytes));

// ---------------------------------------------------------------------------------------- the seed in Word

describe("issue 12 (Word): the policy document in Word", () => {
  it("issue 12: a .docx made from the seed gives the 10 challenges, all dated 2024-11-30", async () => {
    const file = await buildPolicyDocx(seedText);
    // The numbers are Word's list numbering, not typed text: none of ①–⑤ or (1) is in the document's text.
    const documentXml = (await (await JSZip.loadAsync(file)).file("word/document.xml")?.async("string")) ?? "";
    const runs = [...documentXml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    expect(runs.filter((t) => /^(?:[①②③④⑤]|\(\d\)|[12] )/.test(t))).toEqual([]);
    expect(documentXml).toContain("<w:numPr>");
    expect(documentXml).toContain("<w:tbl>");

    const result = parsePolicyText(await readPolicyDocx(new Uint8Array(file)));
    expect(result.document.challenges.map((c) => c.code)).toEqual([
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
    expect(result.document.challenges.map((c) => c.progress.map((e) => e.asOf))).toEqual(Array(10).fill(["2024-11-30"]));
    expect(result.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  it("issue 12: parse(docx) equals parse(the same document as text), issue list included", async () => {
    const fromText = parsePolicyText(seedText);
    const text = await readPolicyDocx(new Uint8Array(await buildPolicyDocx(seedText)));
    const fromWord = parsePolicyText(text);
    expect(fromWord.document).toEqual(fromText.document);
    // The one inherent difference: an issue's line number counts lines of the text read from Word, and the seed
    // file begins with two blank lines that a Word document does not have. The text is otherwise the seed's own,
    // with Word's bullet 「・」 where the PDF extraction wrote 「- ・」.
    expect(fromWord.issues).toEqual(fromText.issues.map((issue) => ({ ...issue, line: (issue.line ?? 0) - 2 })));
    expect(text).toBe(`${seedText.replace(/^\n+/, "").replace(/^- ・/gm, "・")}\n`);
  });

  it("issue 12: a Word draft without ③ (Word then numbers ④ as ③) reads as the same draft saved as text", async () => {
    const draft = seedText.replace(/③ 課題の背景\n\n寄附受付サイトが多いほど[^\n]*\n\nサイトを増やす[^\n]*\n\n/, "");
    expect(draft).not.toBe(seedText);
    const text = await readPolicyDocx(new Uint8Array(await buildPolicyDocx(draft)));
    expect(text).toContain("③ 課題に対する取組み\n\n内部事務を軽減する方策"); // Word's own numbering shifted
    const fromWord = parsePolicyText(text);
    const fromText = parsePolicyText(draft);
    expect(fromWord.document).toEqual(fromText.document);
    expect(fromWord.document.challenges[0].background).toBe("");
    expect(fromWord.issues.filter((i) => i.severity === "error")).toEqual([]);
    const a1 = fromWord.issues.filter((i) => i.challengeCode === "A(1)").map((i) => i.code);
    expect(a1).toEqual(["missing_section", "section_renumbered", "section_renumbered"]);
  });

  it("issue 12: reads the project's own Word export back to the same document", async () => {
    const original = parsePolicyText(seedText).document;
    const exported = await renderPolicyDocx(original);
    expect(parsePolicyText(await readPolicyDocx(new Uint8Array(exported))).document).toEqual(original);
  });
});

// ---------------------------------------------------------------------------------------- Word's structure

describe("reading Word's structure", () => {
  it("numbers list paragraphs as Word shows them: circled, bracketed, multi-level, restarted by an override", async () => {
    const numbering = [
      `<w:abstractNum w:abstractNumId="0">${lvl(0, "decimalEnclosedCircle", "%1")}</w:abstractNum>`,
      `<w:abstractNum w:abstractNumId="1">${lvl(0, "decimal", "(%1)", '<w:suff w:val="nothing"/>')}</w:abstractNum>`,
      `<w:abstractNum w:abstractNumId="2">${lvl(0, "decimal", "%1.")}${lvl(1, "aiueoFullWidth", "%2)")}${lvl(2, "decimal", "%1.%3")}</w:abstractNum>`,
      `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`,
      // a second instance with an override restarts at 1; one without continues the abstract list
      `<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`,
      `<w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>`,
      `<w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>`,
      `<w:num w:numId="5"><w:abstractNumId w:val="2"/></w:num>`,
    ].join("");
    const body = [
      listP("課題名", 1),
      p("本文"),
      listP("課題の内容", 1),
      p("本文"),
      listP("課題名", 2),
      p("本文"),
      listP("課題の内容", 2),
      p("本文"),
      listP("課題の背景", 3), // continues instance 1 (no override): ③
      p("本文"),
      listP("一つ目", 4),
      p("本文"),
      listP("二つ目", 4),
      listP("大項目", 5, 0),
      listP("小項目", 5, 1),
      listP("小項目", 5, 1),
      listP("細目", 5, 2),
      listP("次の大項目", 5, 0),
      listP("小項目", 5, 1),
    ].join("");
    expect(await textOf(docx({ body, numbering }))).toBe(
      [
        "① 課題名",
        "本文",
        "② 課題の内容",
        "本文",
        "① 課題名",
        "本文",
        "② 課題の内容",
        "本文",
        "③ 課題の背景",
        "本文",
        "(1)一つ目",
        "本文",
        "(2)二つ目",
        // one list's items stay on consecutive lines; its sub-levels restart under each new item
        "1. 大項目\nア) 小項目\nイ) 小項目\n1.1 細目\n2. 次の大項目\nア) 小項目\n",
      ].join("\n\n"),
    );
  });

  it("takes numbering and heading levels from paragraph styles (basedOn included)", async () => {
    const numbering = `<w:abstractNum w:abstractNumId="0">${lvl(0, "decimal", "%1", '<w:pStyle w:val="Heading1"/>')}</w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="0"/></w:num>`;
    const styles = [
      `<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>`,
      `<w:style w:type="paragraph" w:styleId="MyHeading"><w:name w:val="見出し（局）"/><w:basedOn w:val="Heading1"/></w:style>`,
    ].join("");
    const blocks = await readDocxBlocks(
      docx({
        body: [p("組織の使命", '<w:pStyle w:val="Heading1"/>'), p("本文"), p("課題と背景", '<w:pStyle w:val="MyHeading"/>')].join(""),
        numbering,
        styles,
      }),
    );
    expect(blocks).toEqual([
      { kind: "heading", level: 1, text: "組織の使命", list: expect.objectContaining({ label: "1" }) },
      { kind: "paragraph", text: "本文", list: null },
      { kind: "heading", level: 1, text: "課題と背景", list: expect.objectContaining({ label: "2" }) },
    ]);
    expect(docxBlocksToText(blocks)).toBe("1 組織の使命\n\n本文\n\n2 課題と背景\n");
  });

  it("reads a heading that is all number (課題A（%1）) from its number, and skips an empty bullet", async () => {
    const numbering = [
      `<w:abstractNum w:abstractNumId="0">${lvl(0, "decimalFullWidth", "課題A（%1）")}</w:abstractNum>`,
      `<w:abstractNum w:abstractNumId="1">${lvl(0, "bullet", "●")}</w:abstractNum>`,
      `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>`,
    ].join("");
    const body = [
      `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:p>`,
      p("本文"),
      listP("", 2),
      listP("", 1),
    ].join("");
    expect(await textOf(docx({ body, numbering }))).toBe("課題A（１）\n\n本文\n\n課題A（２）\n");
  });

  it("writes bullets as 「・」 and keeps each table cell's bullet run apart from the next cell's", async () => {
    const numbering = `<w:abstractNum w:abstractNumId="0">${lvl(0, "bullet", "")}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    const table = `<w:tbl><w:tr>${tc(p("成長戦略"))}${tc(listP("一つ目", 1), listP("二つ目", 1))}${tc(p("・手で打った点"), p("・続き"))}${tc(p(""))}</w:tr></w:tbl>`;
    expect(await textOf(docx({ body: table + p("後の段落"), numbering }))).toBe(
      "成長戦略\n\n・一つ目\n・二つ目\n\n・手で打った点\n・続き\n\n後の段落\n",
    );
  });

  it("keeps line breaks and tabs, and leaves out deleted, hidden, text-box and table-of-contents text", async () => {
    const styles = `<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/></w:style>`;
    const body = [
      p("1 組織の使命……3", '<w:pStyle w:val="TOC1"/>'),
      `<w:p><w:r><w:t>一行目</w:t><w:br/><w:t>二行目</w:t><w:tab/><w:t>タブの後</w:t></w:r></w:p>`,
      `<w:p><w:r><w:t>残す</w:t></w:r><w:del><w:r><w:delText>消した</w:delText></w:r></w:del><w:r><w:rPr><w:vanish/></w:rPr><w:t>隠し</w:t></w:r><w:ins><w:r><w:t>足した</w:t></w:r></w:ins></w:p>`,
      `<w:p><w:r><w:t>図の前</w:t></w:r><w:r><w:drawing><w:txbxContent><w:p><w:r><w:t>テキストボックス</w:t></w:r></w:p></w:txbxContent></w:drawing></w:r><w:r><w:t>図の後</w:t></w:r></w:p>`,
    ].join("");
    expect(await textOf(docx({ body, styles }))).toBe("一行目\n二行目\tタブの後\n\n残す足した\n\n図の前図の後\n");
  });

  it("formats Word's Japanese and other number formats", () => {
    expect([1, 20, 21, 36].map((n) => formatListNumber(n, "decimalEnclosedCircle"))).toEqual(["①", "⑳", "㉑", "㊱"]);
    expect(formatListNumber(3, "decimalFullWidth")).toBe("３");
    expect(formatListNumber(2, "aiueoFullWidth")).toBe("イ");
    expect(formatListNumber(3, "irohaFullWidth")).toBe("ハ");
    expect(formatListNumber(23, "japaneseCounting")).toBe("二十三");
    expect(formatListNumber(10, "japaneseCounting")).toBe("十");
    expect(formatListNumber(4, "upperRoman")).toBe("IV");
    expect(formatListNumber(28, "lowerLetter")).toBe("bb");
    expect(formatListNumber(3, "decimalEnclosedParen")).toBe("⑶");
  });
});

// ---------------------------------------------------------------------------------------- hostile or broken files

describe("issue 12: a broken or hostile Word file gets a clear Japanese error", () => {
  const codeOf = (promise: Promise<unknown>) =>
    promise.then(
      () => "no error",
      (e: { code?: string; message?: string }) => e.code,
    );

  it("refuses text, an old .doc and a zip that is no Word document", async () => {
    await expect(readPolicyDocx(new TextEncoder().encode("課題A（1）"))).rejects.toMatchObject({
      status: 400,
      code: "unreadable_docx",
      message: expect.stringContaining("Word 文書（.docx）として読み取れません"),
    });
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    await expect(readPolicyDocx(ole)).rejects.toMatchObject({ code: "unsupported_word_format", message: expect.stringContaining(".doc") });
    const workbook = new Uint8Array(zip([{ name: "xl/workbook.xml", data: Buffer.from("<workbook/>") }]));
    expect(await codeOf(readPolicyDocx(workbook))).toBe("unreadable_docx");
    const truncated = (await buildPolicyDocx(seedText)).subarray(0, 5000);
    expect(await codeOf(readPolicyDocx(new Uint8Array(truncated)))).toBe("unreadable_docx");
  });

  it("refuses a DOCTYPE with entities (no billion laughs, no external entities)", async () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY lol "lol"><!ENTITY x SYSTEM "file:///etc/passwd">]><w:document xmlns:w="${W}"><w:body>${p("&lol;&x;")}</w:body></w:document>`;
    expect(await codeOf(readPolicyDocx(docx({ body: "", documentXml: lol })))).toBe("unreadable_docx");
  });

  it("refuses a zip bomb before inflating it, and a part that inflates past its declared size", async () => {
    const small = { ...DOCX_LIMITS, maxExpandedBytes: 1024 * 1024 };
    const big = Buffer.from(`<w:document xmlns:w="${W}"><w:body>${p("あ".repeat(400_000))}</w:body></w:document>`);
    const bomb = new Uint8Array(zip([{ name: "word/document.xml", data: big }]));
    await expect(readPolicyDocx(bomb, small)).rejects.toMatchObject({ status: 413, code: "docx_too_large" });
    const liar = new Uint8Array(zip([{ name: "word/document.xml", data: big, declaredSize: 1000 }]));
    await expect(readPolicyDocx(liar, small)).rejects.toMatchObject({ code: "docx_too_large" });
  });

  it("refuses too many zip entries and more text than the text import takes", async () => {
    const many = zip(Array.from({ length: 30 }, (_, i) => ({ name: `word/media/${i}.xml`, data: Buffer.from("<a/>") })));
    expect(await codeOf(readPolicyDocx(new Uint8Array(many), { ...DOCX_LIMITS, maxEntries: 20 }))).toBe("docx_too_large");
    const long = docx({ body: p("あ".repeat(2000)) });
    await expect(readPolicyDocx(long, { ...DOCX_LIMITS, maxTextChars: 1000 })).rejects.toMatchObject({
      code: "docx_too_long",
      message: "Word 文書の文字数が上限（1000文字）を超えています。",
    });
  });
});
