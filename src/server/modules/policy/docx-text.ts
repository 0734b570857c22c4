// The document's blocks → the lines the policy parser knows.
import type { DocxBlock } from "./docx-body";

// A paragraph typed with a bullet character is a list item too (the bureau's overview is often typed that way).
const TYPED_BULLET_RE = /^[・●○■□◆◇•▪]/;

interface Emitted {
  container: number;
  bullet: boolean;
  numId: string | null;
}

/**
 * The text the policy parser reads: paragraphs apart by a blank line, except that consecutive bullets, and
 * consecutive items of one numbered list, in the same place (the body or one table cell) stay on consecutive lines —
 * the parser reads a blank line between two bullet runs as the start of another group. Tables come out cell by cell,
 * row by row, each cell a place of its own.
 */
export function docxBlocksToText(blocks: readonly DocxBlock[]): string {
  const out: string[] = [];
  let previous: Emitted | null = null;
  let nextContainer = 0;

  const walk = (items: readonly DocxBlock[], container: number) => {
    for (const block of items) {
      if (block.kind === "table") {
        previous = null;
        for (const row of block.rows) {
          for (const cell of row) {
            previous = null;
            walk(cell, ++nextContainer);
          }
        }
        previous = null;
        continue;
      }
      const text = block.text.trim();
      const list = block.list;
      // An empty paragraph ends a list run; an empty numbered one still shows its number (a heading "課題A（%1）"
      // may be all number), an empty bullet shows nothing worth reading.
      if (text === "" && (!list || list.bullet || list.label === "")) {
        previous = null;
        continue;
      }
      const line = !list ? text : text === "" ? list.label : `${list.label}${list.separator}${text}`;
      const current: Emitted = {
        container,
        bullet: list?.bullet === true || (!list && TYPED_BULLET_RE.test(text)),
        numId: list?.numId ?? null,
      };
      const prev: Emitted | null = previous;
      const sameRun =
        prev !== null &&
        prev.container === container &&
        ((prev.bullet && current.bullet) || (!prev.bullet && !current.bullet && prev.numId !== null && prev.numId === current.numId));
      if (out.length > 0) out.push(sameRun ? "\n" : "\n\n");
      out.push(line);
      previous = current;
    }
  };
  walk(blocks, 0);
  return out.length > 0 ? `${out.join("")}\n` : "";
}
