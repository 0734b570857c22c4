// 局区方針 from Word (.docx) → the text the policy parser reads, so that a Word file and the same document saved as
// text go through ONE parser, one set of checks and one issue list (common/policy/parse.ts).
//
// The document's structure is read, not its look: word/document.xml gives paragraphs (with their style and list
// numbering) and tables (docx-body.ts); numbering.xml gives what number Word shows before a list paragraph (①, (1),
// 1 …, counted the way Word counts: docx-numbering.ts, list-number-format.ts); styles.xml gives heading levels and
// numbering that comes with a paragraph style (docx-styles.ts). The blocks are then written out as the lines the
// text parser knows (docx-text.ts): one paragraph a line with a blank line between, numbered paragraphs with their
// number in front, bullets as 「・」, consecutive items of one list on consecutive lines, and a table cell by cell,
// row by row (the overview matrix comes out as its text form: areas, then each 分類 row's cells).
//
// The zip and its XML are read without trusting them (docx-package.ts). Left out on purpose: text boxes and
// drawings, headers/footers, footnotes, comments, deleted text, hidden text and tables of contents (a TOC would
// repeat every heading in front of the real ones).
import { AppError } from "../../platform/errors";
import { type DocxBlock, readBody } from "./docx-body";
import { ListCounter, readNumbering } from "./docx-numbering";
import { DOCX_LIMITS, type DocxLimits, openPackage, tooMuchText, unreadableDocx } from "./docx-package";
import { readStyles } from "./docx-styles";
import { docxBlocksToText } from "./docx-text";

export type { DocxBlock } from "./docx-body";
export type { DocxList } from "./docx-numbering";
export { DOCX_LIMITS, type DocxLimits, looksLikeOldWord, looksLikeZip, unreadableDocx } from "./docx-package";
export { docxBlocksToText } from "./docx-text";
export { formatListNumber } from "./list-number-format";

/** The document's paragraphs, headings and tables in order, list numbers rendered as Word shows them. */
export async function readDocxBlocks(bytes: Uint8Array, limits: DocxLimits = DOCX_LIMITS): Promise<DocxBlock[]> {
  const pkg = openPackage(bytes, limits);
  const root = await pkg.relationships("");
  const main = root.find((r) => r.type.endsWith("/officeDocument"))?.target ?? "word/document.xml";
  if (!pkg.has(main)) throw unreadableDocx();
  const related = await pkg.relationships(main);
  const partOf = (suffix: string) => related.find((r) => r.type.endsWith(suffix) && pkg.has(r.target))?.target ?? null;
  const styles = await readStyles(pkg, partOf("/styles"));
  const numbering = await readNumbering(pkg, partOf("/numbering"));
  return readBody(pkg, main, styles, new ListCounter(numbering, styles), limits);
}

/** A .docx 局区方針 as the text the policy parser reads (see the top of this file). */
export async function readPolicyDocx(bytes: Uint8Array, limits: DocxLimits = DOCX_LIMITS): Promise<string> {
  const text = docxBlocksToText(await readDocxBlocks(bytes, limits));
  if (text.length > limits.maxTextChars) throw tooMuchText(limits);
  if (text.trim() === "") throw new AppError(400, "empty_docx", "Word 文書に本文がありません。");
  return text;
}
