// A 局区方針 in Word, built from its text form the way a bureau writes it in Word, for the .docx import tests
// (read-docx.test.ts, the CLI test and the browser test). It uses Word's structure, not typed-out numbers:
// - the overview is a table: a header row of areas (A領域 …), one row per 分類, one cell per area;
// - the overview's "(1)…" items are a numbered list "(%1)" that continues down each area's column (one numbering
//   instance per column), its "・" lines a bullet list;
// - "1 組織の使命" and "2 課題と背景" are Heading 1 paragraphs numbered "%1";
// - each 課題 is a Heading 2 and its ①–⑤ are Heading 3 paragraphs numbered "%1" in circled digits, restarting for
//   every 課題 (one numbering instance each); the two titles use Word's Title style.
// The overview's and the headings' numbers are checked against the text's, so the fixture cannot drift from its
// source. ①–⑤ are not: as in Word, a draft without ③ shows its ④ as ③ (the parser reads such headings by their words).
import { Document, HeadingLevel, LevelFormat, LevelSuffix, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import { bigramDice } from "../../common/policy/parse.js";

const AREA_RE = /^([A-ZＡ-Ｚ])\s*領域$/;
const ITEM_RE = /^[(（]([0-9０-９]+)[)）]\s*(.*)$/;
const BULLET_RE = /^(?:[-‐]\s*)?・\s*(.*)$/;
const MISSION_RE = /^([12])\s+(.*)$/;
const CHALLENGE_RE = /^課題\s*([A-ZＡ-Ｚ])\s*[(（]\s*([0-9０-９]+)\s*[)）]$/;
const SECTION_RE = /^([\u2460-\u2464])\s*(.*)$/;

const half = (s: string) => s.replace(/[Ａ-Ｚ０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** Paragraphs of the text: groups of lines between blank lines, each line kept. */
function groupsOf(text: string): string[][] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((g) =>
      g
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => l !== ""),
    )
    .filter((g) => g.length > 0);
}

const SECTION_LIST = "policy-section";
const HEADING_LIST = "policy-heading";
const ITEM_LIST = "overview-item";
const BULLET_LIST = "overview-bullet";

function bullet(text: string): Paragraph {
  return new Paragraph({ children: [new TextRun(text)], numbering: { reference: BULLET_LIST, level: 0 } });
}

/** Builds the .docx (see the top of this file) from a 局区方針 in its text form, e.g. the seed document. */
export async function buildPolicyDocx(text: string): Promise<Buffer> {
  const groups = groupsOf(text);
  const missionAt = groups.findIndex((g) => MISSION_RE.test(g[0]) && g[0].startsWith("1"));
  if (missionAt < 2) throw new Error("fixture: no 「1 組織の使命」 heading");
  const overviewTitle = groups[0][0];
  const title = groups[missionAt - 1][0];
  const overviewGroups = groups.slice(1, missionAt - 1);
  const bodyGroups = groups.slice(missionAt);

  // Challenge names by code, to put each overview item in its area's column (the text form lost the columns).
  const names = new Map<string, string>();
  bodyGroups.forEach((g, i) => {
    const m = CHALLENGE_RE.exec(g[0]);
    const nameGroup = bodyGroups[i + 2];
    if (m && nameGroup) names.set(`${half(m[1])}(${Number(half(m[2]))})`, nameGroup.join(""));
  });

  // ---- overview table
  const areas: string[] = [];
  const rows: { category: string; cells: Paragraph[][] }[] = [];
  const perColumn: number[] = [];
  let column = -1;
  let previous: "item" | "bullet" | "other" = "other";
  for (const g of overviewGroups) {
    const row = rows.at(-1);
    const item = ITEM_RE.exec(g[0]);
    if (AREA_RE.test(g[0])) {
      areas.push(g[0]);
      previous = "other";
    } else if (item && row) {
      const number = Number(half(item[1]));
      const candidates = areas
        .map((a, index) => ({ index, name: names.get(`${half(AREA_RE.exec(a)?.[1] ?? "")}(${number})`) ?? "" }))
        .filter((c) => c.name !== "");
      if (candidates.length === 0) throw new Error(`fixture: no challenge for ${g[0]}`);
      column = candidates.reduce((best, c) => (bigramDice(item[2], c.name) > bigramDice(item[2], best.name) ? c : best)).index;
      perColumn[column] = (perColumn[column] ?? 0) + 1;
      if (perColumn[column] !== number) throw new Error(`fixture: Word would number ${g[0]} as (${perColumn[column]})`);
      row.cells[column].push(
        new Paragraph({ children: [new TextRun(item[2])], numbering: { reference: ITEM_LIST, level: 0, instance: column + 1 } }),
      );
      previous = "item";
    } else if (BULLET_RE.test(g[0]) && row) {
      // a bullet run right after an item is the item's; a run after another run is the next column's own group
      if (previous !== "item") column = Math.min(column + 1, areas.length - 1);
      for (const line of g) row.cells[column].push(bullet(BULLET_RE.exec(line)?.[1] ?? line));
      previous = "bullet";
    } else {
      rows.push({ category: g.join(""), cells: areas.map(() => []) });
      column = -1;
      previous = "other";
    }
  }
  const cell = (children: Paragraph[]) => new TableCell({ children: children.length > 0 ? children : [new Paragraph("")] });
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: [cell([]), ...areas.map((a) => cell([new Paragraph(a)]))] }),
      ...rows.map((r) => new TableRow({ children: [cell([new Paragraph(r.category)]), ...r.cells.map((c) => cell(c))] })),
    ],
  });

  // ---- the main part
  const body: Paragraph[] = [new Paragraph({ text: title, heading: HeadingLevel.TITLE, pageBreakBefore: true })];
  let challengeIndex = 0;
  let headingNumber = 0;
  for (const g of bodyGroups) {
    const first = g[0];
    const mission = MISSION_RE.exec(first);
    const challenge = CHALLENGE_RE.exec(first);
    const section = SECTION_RE.exec(first);
    if (g.length === 1 && mission && !/[。]$/.test(first)) {
      headingNumber++;
      if (Number(mission[1]) !== headingNumber) throw new Error(`fixture: Word would number ${first} as ${headingNumber}`);
      body.push(new Paragraph({ text: mission[2], heading: HeadingLevel.HEADING_1, numbering: { reference: HEADING_LIST, level: 0 } }));
    } else if (g.length === 1 && challenge) {
      challengeIndex++;
      body.push(new Paragraph({ text: first, heading: HeadingLevel.HEADING_2 }));
    } else if (g.length === 1 && section && !/[。]$/.test(first)) {
      body.push(
        new Paragraph({
          text: section[2],
          heading: HeadingLevel.HEADING_3,
          numbering: { reference: SECTION_LIST, level: 0, instance: challengeIndex },
        }),
      );
    } else {
      // a paragraph; its lines (if several) stay lines of one Word paragraph
      body.push(new Paragraph({ children: g.map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined })) }));
    }
  }

  const level = (
    format: (typeof LevelFormat)[keyof typeof LevelFormat],
    textFormat: string,
    suffix: (typeof LevelSuffix)[keyof typeof LevelSuffix],
  ) => [{ level: 0, format, text: textFormat, suffix, start: 1 }];
  const document = new Document({
    numbering: {
      config: [
        { reference: SECTION_LIST, levels: level(LevelFormat.DECIMAL_ENCLOSED_CIRCLE, "%1", LevelSuffix.SPACE) },
        { reference: HEADING_LIST, levels: level(LevelFormat.DECIMAL, "%1", LevelSuffix.SPACE) },
        { reference: ITEM_LIST, levels: level(LevelFormat.DECIMAL, "(%1)", LevelSuffix.NOTHING) },
        { reference: BULLET_LIST, levels: level(LevelFormat.BULLET, "・", LevelSuffix.NOTHING) },
      ],
    },
    sections: [{ children: [new Paragraph({ text: overviewTitle, heading: HeadingLevel.TITLE }), table, ...body] }],
  });
  return Packer.toBuffer(document);
}
