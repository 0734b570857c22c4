// word/document.xml → the document's blocks in order: paragraphs and headings (with their list number) and tables,
// each table cell holding blocks of its own.
import type { DocxList, ListCounter } from "./docx-numbering";
import { attr, type DocxLimits, type DocxPackage, isOn, tooMuchText, unreadableDocx } from "./docx-package";
import { type StyleInfo, styleProperty } from "./docx-styles";

export type DocxBlock =
  | { kind: "heading"; level: number; text: string; list: DocxList | null }
  | { kind: "paragraph"; text: string; list: DocxList | null }
  | { kind: "table"; rows: DocxBlock[][][] };

// Not read: drawings and text boxes (their text has no place in the flow), VML, embedded objects, the fallback
// copy of alternate content, deleted and moved-away text, and the old properties of tracked formatting changes.
const SKIPPED = new Set(["drawing", "pict", "object", "Fallback", "del", "moveFrom", "pPrChange", "rPrChange", "sectPrChange"]);

interface ParagraphState {
  styleId: string | null;
  numId: string | null;
  ilvl: number | null;
  outlineLevel: number | null;
  text: string[];
}

interface TableState {
  rows: DocxBlock[][][];
  row: DocxBlock[][] | null;
}

function headingLevelOf(styles: Map<string, StyleInfo>, p: ParagraphState): number | null {
  if (p.outlineLevel !== null && p.outlineLevel < 9) return p.outlineLevel + 1;
  const outline = styleProperty(styles, p.styleId, "outlineLevel");
  if (outline !== null && outline < 9) return outline + 1;
  const name = (p.styleId && styles.get(p.styleId)?.name) || p.styleId || "";
  const heading = /^heading\s*(\d)$/i.exec(name);
  if (heading) return Number(heading[1]);
  return /^title$/i.test(name) ? 0 : null;
}

function isTocParagraph(styles: Map<string, StyleInfo>, p: ParagraphState): boolean {
  const name = (p.styleId && styles.get(p.styleId)?.name) || p.styleId || "";
  return /^toc\s*\d$/i.test(name) || /^toc heading$/i.test(name);
}

export async function readBody(
  pkg: DocxPackage,
  partName: string,
  styles: Map<string, StyleInfo>,
  lists: ListCounter,
  limits: DocxLimits,
): Promise<DocxBlock[]> {
  const body: DocxBlock[] = [];
  const containers: DocxBlock[][] = [body];
  const tables: TableState[] = [];
  const path: string[] = [];
  let paragraph: ParagraphState | null = null;
  let skipFrom = -1; // depth at which a skipped element opened
  let inText = false;
  let runHidden = false;
  let chars = 0;
  let rootSeen = false;

  const parent = () => path[path.length - 2];
  const append = (s: string) => {
    if (!paragraph || runHidden) return;
    chars += s.length;
    if (chars > limits.maxTextChars) throw tooMuchText(limits);
    paragraph.text.push(s);
  };

  const finishParagraph = (p: ParagraphState) => {
    const container = containers[containers.length - 1];
    if (isTocParagraph(styles, p)) return;
    const styleNumId = styleProperty(styles, p.styleId, "numId");
    const numId = p.numId ?? styleNumId;
    let list: DocxList | null = null;
    if (numId !== null && numId !== "0") {
      const ilvl = p.ilvl ?? styleProperty(styles, p.styleId, "ilvl") ?? lists.levelForStyle(numId, p.styleId);
      list = lists.next(numId, ilvl);
    }
    const text = p.text.join("");
    const level = headingLevelOf(styles, p);
    container.push(level === null ? { kind: "paragraph", text, list } : { kind: "heading", level, text, list });
  };

  const found = await pkg.parse(partName, {
    open(name, a) {
      path.push(name);
      if (!rootSeen) {
        rootSeen = true;
        if (name !== "document") throw unreadableDocx();
      }
      if (skipFrom >= 0) return;
      if (SKIPPED.has(name)) {
        skipFrom = path.length;
        return;
      }
      switch (name) {
        case "p":
          paragraph = { styleId: null, numId: null, ilvl: null, outlineLevel: null, text: [] };
          return;
        case "tbl":
          tables.push({ rows: [], row: null });
          return;
        case "tr": {
          const table = tables.at(-1);
          if (table) {
            table.row = [];
            table.rows.push(table.row);
          }
          return;
        }
        case "tc": {
          const cell: DocxBlock[] = [];
          tables.at(-1)?.row?.push(cell);
          containers.push(cell);
          return;
        }
      }
      if (!paragraph) return;
      const p: ParagraphState = paragraph;
      const up = parent();
      const value = attr(a, "val");
      if (up === "pPr" && name === "pStyle") p.styleId = value ?? null;
      else if (up === "numPr" && name === "numId") p.numId = value ?? null;
      else if (up === "numPr" && name === "ilvl") p.ilvl = value === undefined ? null : Number(value);
      else if (up === "pPr" && name === "outlineLvl") p.outlineLevel = value === undefined ? null : Number(value);
      else if (up === "rPr" && path[path.length - 3] === "r" && (name === "vanish" || name === "webHidden")) runHidden = isOn(a);
      else if (up === "r" && name === "t") inText = true;
      else if (up === "r" && name === "tab") append("\t");
      else if (up === "r" && name === "br") {
        const type = attr(a, "type");
        if (type === undefined || type === "textWrapping") append("\n");
      } else if (up === "r" && name === "cr") append("\n");
      else if (up === "r" && name === "noBreakHyphen") append("-");
    },
    text(text) {
      if (inText && skipFrom < 0) append(text);
    },
    close(name) {
      if (skipFrom >= 0) {
        if (path.length === skipFrom) skipFrom = -1;
        path.pop();
        return;
      }
      path.pop();
      switch (name) {
        case "t":
          inText = false;
          return;
        case "r":
          runHidden = false;
          return;
        case "p":
          if (paragraph) finishParagraph(paragraph);
          paragraph = null;
          return;
        case "tc":
          if (containers.length > 1) containers.pop();
          return;
        case "tr": {
          const table = tables.at(-1);
          if (table) table.row = null;
          return;
        }
        case "tbl": {
          const table = tables.pop();
          if (table) containers[containers.length - 1].push({ kind: "table", rows: table.rows });
          return;
        }
      }
    },
  });
  if (!found) throw unreadableDocx();
  return body;
}
