// 局区方針 from Word (.docx) → the text the policy parser reads, so that a Word file and the same document saved as
// text go through ONE parser, one set of checks and one issue list (common/policy/parse.ts).
//
// The document's structure is read, not its look: word/document.xml gives paragraphs (with their style and list
// numbering) and tables; numbering.xml gives what number Word shows before a list paragraph (①, (1), 1 …, counted
// the way Word counts); styles.xml gives heading levels and numbering that comes with a paragraph style. The blocks
// are then written out as the lines the text parser knows: one paragraph a line with a blank line between, numbered
// paragraphs with their number in front, bullets as 「・」, consecutive items of one list on consecutive lines, and a
// table cell by cell, row by row (the overview matrix comes out as its text form: areas, then each 分類 row's cells).
//
// The zip is read without trusting it (platform/tabular/zip-entries.ts: declared sizes checked before inflating, and
// enforced while inflating) and the XML with saxes (no DTD entities, so no billion laughs and no external entities).
// Left out on purpose: text boxes and drawings, headers/footers, footnotes, comments, deleted text, hidden text and
// tables of contents (a TOC would repeat every heading in front of the real ones).
import { AppError } from "../../platform/errors";
import { TabularFormatError } from "../../platform/tabular/errors";
import { parseXmlEntry, type XmlHandlers } from "../../platform/tabular/xml-stream";
import { EntryTooLarge, readZipEntries, type ZipEntry } from "../../platform/tabular/zip-entries";

const MB = 1024 * 1024;

export interface DocxLimits {
  /** entries in the zip (a Word file has a few dozen; a forged one may list millions) */
  maxEntries: number;
  /** sum of the uncompressed sizes of the parts read (document, numbering, styles, relationships) */
  maxExpandedBytes: number;
  /** characters of text read out; the same cap as the text import (common/api/policy.ts) */
  maxTextChars: number;
}

export const DOCX_LIMITS: DocxLimits = { maxEntries: 5000, maxExpandedBytes: 40 * MB, maxTextChars: 500_000 };

// ------------------------------------------------------------------------------------------------ errors

export function unreadableDocx(cause?: unknown): AppError {
  const error = new AppError(
    400,
    "unreadable_docx",
    "Word 文書（.docx）として読み取れません。ファイルが壊れていないか、Word で開けるかを確認してください。",
  );
  if (cause !== undefined) (error as Error & { cause?: unknown }).cause = cause;
  return error;
}

function oldWordFormat(): AppError {
  return new AppError(
    400,
    "unsupported_word_format",
    "古い形式の Word 文書（.doc）やパスワード付きの文書は読み取れません。Word で「.docx」形式（パスワードなし）で保存し直してください。",
  );
}

function tooLarge(limits: DocxLimits): AppError {
  return new AppError(
    413,
    "docx_too_large",
    `Word 文書の展開後の大きさが上限（${Math.round(limits.maxExpandedBytes / MB)}MB）を超えています。テキストで保存して取り込んでください。`,
  );
}

function tooMuchText(limits: DocxLimits): AppError {
  const chars = limits.maxTextChars >= 10_000 ? `${limits.maxTextChars / 10_000}万` : String(limits.maxTextChars);
  return new AppError(400, "docx_too_long", `Word 文書の文字数が上限（${chars}文字）を超えています。`);
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
// OLE2 compound file: Word 97–2003 (.doc), and also any password-protected .docx
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((byte, i) => bytes[i] === byte);

/** A zip (PK\x03\x04): what a .docx is. Used to tell a Word file from text by content, not by its name. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP_MAGIC);
}

/** A Word 97–2003 file or an encrypted Office file. */
export function looksLikeOldWord(bytes: Uint8Array): boolean {
  return startsWith(bytes, OLE_MAGIC);
}

// ------------------------------------------------------------------------------------------------ blocks

/** What Word shows in front of a list paragraph. */
export interface DocxList {
  numId: string;
  /** 0-based list level (ilvl) */
  level: number;
  /** the rendered number (①, (1), 1.) or 「・」 for a bullet */
  label: string;
  bullet: boolean;
  /** what follows the number: Word's tab and space become a space, "nothing" nothing */
  separator: "" | " ";
}

export type DocxBlock =
  | { kind: "heading"; level: number; text: string; list: DocxList | null }
  | { kind: "paragraph"; text: string; list: DocxList | null }
  | { kind: "table"; rows: DocxBlock[][][] };

// ------------------------------------------------------------------------------------------------ package parts

type Parts = Map<string, ZipEntry>;

/** The attribute's value whatever its namespace prefix (w:val, or val in a document written without prefixes). */
function attr(attributes: Record<string, string>, name: string): string | undefined {
  if (attributes[`w:${name}`] !== undefined) return attributes[`w:${name}`];
  if (attributes[name] !== undefined) return attributes[name];
  const key = Object.keys(attributes).find((k) => k.endsWith(`:${name}`));
  return key === undefined ? undefined : attributes[key];
}

/** On/off properties: <w:vanish/> is on, <w:vanish w:val="false"/> (or 0/off) is off. */
function isOn(attributes: Record<string, string>): boolean {
  const value = attr(attributes, "val");
  return value === undefined || !["false", "0", "off"].includes(value);
}

function folderOf(partName: string): string {
  return partName.slice(0, partName.lastIndexOf("/") + 1);
}

function joinPath(base: string, target: string): string {
  const segments = (target.startsWith("/") ? target.slice(1) : `${base}${target}`).split("/");
  const out: string[] = [];
  for (const segment of segments) {
    if (segment === "..") out.pop();
    else if (segment !== "." && segment !== "") out.push(segment);
  }
  return out.join("/");
}

interface Relationship {
  type: string;
  target: string;
}

class DocxPackage {
  private expanded = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly parts: Parts,
    private readonly limits: DocxLimits,
  ) {}

  has(name: string): boolean {
    return this.parts.has(name);
  }

  /** Parses a part; its declared size counts against the expanded-size cap before anything is inflated. */
  async parse(name: string, handlers: XmlHandlers): Promise<boolean> {
    const entry = this.parts.get(name);
    if (!entry) return false;
    this.expanded += entry.uncompressedSize;
    if (this.expanded > this.limits.maxExpandedBytes) throw tooLarge(this.limits);
    try {
      await parseXmlEntry(this.bytes, entry, handlers);
    } catch (error) {
      // A handler's own refusal (too much text, not a Word document) comes back wrapped as the xlsx reader's error.
      const cause = error instanceof TabularFormatError ? error.cause : error;
      if (cause instanceof AppError) throw cause;
      if (cause instanceof EntryTooLarge) throw tooLarge(this.limits); // the directory lied about the size
      throw unreadableDocx(error);
    }
    return true;
  }

  async relationships(partName: string): Promise<Relationship[]> {
    const relsName = `${folderOf(partName)}_rels/${partName.slice(partName.lastIndexOf("/") + 1)}.rels`;
    const found: Relationship[] = [];
    await this.parse(relsName, {
      open(name, a) {
        if (name === "Relationship" && a.Target && a.TargetMode !== "External")
          found.push({ type: a.Type ?? "", target: joinPath(folderOf(partName), a.Target) });
      },
    });
    return found;
  }
}

function openPackage(bytes: Uint8Array, limits: DocxLimits): DocxPackage {
  if (looksLikeOldWord(bytes)) throw oldWordFormat();
  if (!looksLikeZip(bytes)) throw unreadableDocx();
  let entries: ZipEntry[];
  try {
    entries = readZipEntries(bytes);
  } catch (error) {
    if (error instanceof TabularFormatError) throw unreadableDocx(error);
    throw error;
  }
  if (entries.length > limits.maxEntries) throw tooLarge(limits);
  return new DocxPackage(bytes, new Map(entries.map((e) => [e.name, e])), limits);
}

// ------------------------------------------------------------------------------------------------ styles.xml

interface StyleInfo {
  name: string;
  basedOn: string | null;
  numId: string | null;
  ilvl: number | null;
  outlineLevel: number | null;
}

async function readStyles(pkg: DocxPackage, partName: string | null): Promise<Map<string, StyleInfo>> {
  const styles = new Map<string, StyleInfo>();
  if (!partName) return styles;
  let current: StyleInfo | null = null;
  let skip = 0; // inside a tracked change of the properties (pPrChange): the old values
  await pkg.parse(partName, {
    open(name, a) {
      if (skip > 0 || name === "pPrChange" || name === "rPrChange") {
        skip++;
        return;
      }
      if (name === "style") {
        current = { name: "", basedOn: null, numId: null, ilvl: null, outlineLevel: null };
        const id = attr(a, "styleId");
        if (id !== undefined) styles.set(id, current);
      } else if (current) {
        const value = attr(a, "val");
        if (name === "name") current.name = value ?? "";
        else if (name === "basedOn") current.basedOn = value ?? null;
        else if (name === "numId") current.numId = value ?? null;
        else if (name === "ilvl") current.ilvl = value === undefined ? null : Number(value);
        else if (name === "outlineLvl") current.outlineLevel = value === undefined ? null : Number(value);
      }
    },
    close(name) {
      if (skip > 0) skip--;
      else if (name === "style") current = null;
    },
  });
  return styles;
}

/** A style's property, looked up through its basedOn chain. */
function styleProperty<K extends keyof StyleInfo>(styles: Map<string, StyleInfo>, styleId: string | null, key: K): StyleInfo[K] | null {
  const seen = new Set<string>();
  let id = styleId;
  while (id !== null && !seen.has(id)) {
    seen.add(id);
    const style = styles.get(id);
    if (!style) return null;
    if (style[key] !== null) return style[key];
    id = style.basedOn;
  }
  return null;
}

// ------------------------------------------------------------------------------------------------ numbering.xml

interface LevelDef {
  start: number;
  format: string;
  text: string;
  suffix: string;
  legal: boolean;
  styleId: string | null;
}

interface AbstractNum {
  levels: Map<number, LevelDef>;
  /** numStyleLink: the list is defined by a numbering style (whose numId leads to the real definition) */
  numStyleLink: string | null;
}

interface NumDef {
  abstractId: string;
  startOverrides: Map<number, number>;
  levelOverrides: Map<number, LevelDef>;
}

interface Numbering {
  abstracts: Map<string, AbstractNum>;
  nums: Map<string, NumDef>;
}

const newLevel = (): LevelDef => ({ start: 1, format: "decimal", text: "", suffix: "tab", legal: false, styleId: null });

async function readNumbering(pkg: DocxPackage, partName: string | null): Promise<Numbering> {
  const numbering: Numbering = { abstracts: new Map(), nums: new Map() };
  if (!partName) return numbering;
  let abstract: AbstractNum | null = null;
  let num: NumDef | null = null;
  let overrideLevel: number | null = null;
  let level: LevelDef | null = null;
  let formatSet = false;
  let skip = 0;
  await pkg.parse(partName, {
    open(name, a) {
      if (skip > 0 || name === "pPr" || name === "rPr") {
        skip++;
        return;
      }
      const value = attr(a, "val");
      if (name === "abstractNum") {
        abstract = { levels: new Map(), numStyleLink: null };
        numbering.abstracts.set(attr(a, "abstractNumId") ?? "", abstract);
      } else if (name === "num") {
        num = { abstractId: "", startOverrides: new Map(), levelOverrides: new Map() };
        numbering.nums.set(attr(a, "numId") ?? "", num);
      } else if (name === "abstractNumId" && num) {
        num.abstractId = value ?? "";
      } else if (name === "lvlOverride" && num) {
        overrideLevel = Number(attr(a, "ilvl") ?? 0);
      } else if (name === "startOverride" && num && overrideLevel !== null) {
        num.startOverrides.set(overrideLevel, Number(value ?? 1));
      } else if (name === "lvl") {
        level = newLevel();
        formatSet = false;
        const ilvl = Number(attr(a, "ilvl") ?? 0);
        if (num && overrideLevel !== null) num.levelOverrides.set(overrideLevel, level);
        else if (abstract) abstract.levels.set(ilvl, level);
      } else if (level) {
        if (name === "start") level.start = Number(value ?? 1);
        else if (name === "numFmt") {
          // Word writes a custom format in mc:Choice and a plain one in mc:Fallback: the plain one wins.
          if (!formatSet || level.format === "custom") level.format = value ?? "decimal";
          formatSet = true;
        } else if (name === "lvlText") level.text = value ?? "";
        else if (name === "suff") level.suffix = value ?? "tab";
        else if (name === "isLgl") level.legal = isOn(a);
        else if (name === "pStyle") level.styleId = value ?? null;
      } else if (name === "numStyleLink" && abstract) {
        abstract.numStyleLink = value ?? null;
      }
    },
    close(name) {
      if (skip > 0) skip--;
      else if (name === "lvl") level = null;
      else if (name === "lvlOverride") overrideLevel = null;
      else if (name === "abstractNum") abstract = null;
      else if (name === "num") num = null;
    },
  });
  return numbering;
}

// ------------------------------------------------------------------------------------------------ number formats

const CIRCLED = (n: number): string | null =>
  n >= 1 && n <= 20
    ? String.fromCharCode(0x2460 + n - 1)
    : n >= 21 && n <= 35
      ? String.fromCharCode(0x3251 + n - 21)
      : n >= 36 && n <= 50
        ? String.fromCharCode(0x32b1 + n - 36)
        : null;

const AIUEO = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン";
const AIUEO_HALF = "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝ";
const IROHA = "イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセスン";
const IROHA_HALF = "ｲﾛﾊﾆﾎﾍﾄﾁﾘﾇﾙｦﾜｶﾖﾀﾚｿﾂﾈﾅﾗﾑｳｲﾉｵｸﾔﾏｹﾌｺｴﾃｱｻｷﾕﾒﾐｼｴﾋﾓｾｽﾝ";
const KANJI_DIGITS = "〇一二三四五六七八九";

const cycle = (letters: string, n: number) => [...letters][(n - 1) % [...letters].length];

function fullWidthDigits(s: string): string {
  return s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
}

function letters(n: number, upper: boolean): string {
  // Word: A … Z, AA … ZZ, AAA …
  const letter = String.fromCharCode((upper ? 65 : 97) + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, "M"],
    [900, "CM"],
    [500, "D"],
    [400, "CD"],
    [100, "C"],
    [90, "XC"],
    [50, "L"],
    [40, "XL"],
    [10, "X"],
    [9, "IX"],
    [5, "V"],
    [4, "IV"],
    [1, "I"],
  ];
  let rest = n;
  let out = "";
  for (const [value, symbol] of table) {
    while (rest >= value) {
      out += symbol;
      rest -= value;
    }
  }
  return out;
}

/** 一, 十, 十一, 二十三, 百五 … (japaneseCounting) */
function kanjiCounting(n: number): string {
  if (n <= 0 || n >= 10000) return String(n);
  const units: [number, string][] = [
    [1000, "千"],
    [100, "百"],
    [10, "十"],
  ];
  let rest = n;
  let out = "";
  for (const [value, unit] of units) {
    const digit = Math.floor(rest / value);
    if (digit > 0) out += (digit > 1 ? KANJI_DIGITS[digit] : "") + unit;
    rest %= value;
  }
  return out + (rest > 0 ? KANJI_DIGITS[rest] : "");
}

/** A list counter as Word shows it in the given w:numFmt. */
export function formatListNumber(n: number, format: string): string {
  switch (format) {
    case "decimalEnclosedCircle":
    case "decimalEnclosedCircleChinese":
      return CIRCLED(n) ?? String(n);
    case "decimalEnclosedParen":
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`;
    case "decimalEnclosedFullstop":
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`;
    case "decimalZero":
      return n < 10 ? `0${n}` : String(n);
    case "decimalFullWidth":
    case "decimalFullWidth2":
      return fullWidthDigits(String(n));
    case "upperLetter":
      return letters(n, true);
    case "lowerLetter":
      return letters(n, false);
    case "upperRoman":
      return roman(n);
    case "lowerRoman":
      return roman(n).toLowerCase();
    case "aiueoFullWidth":
      return cycle(AIUEO, n);
    case "aiueo":
      return cycle(AIUEO_HALF, n);
    case "irohaFullWidth":
      return cycle(IROHA, n);
    case "iroha":
      return cycle(IROHA_HALF, n);
    case "japaneseCounting":
    case "chineseCounting":
    case "chineseCountingThousand":
    case "japaneseLegal":
      return kanjiCounting(n);
    case "japaneseDigitalTenThousand":
    case "ideographDigital":
      return [...String(n)].map((d) => KANJI_DIGITS[Number(d)]).join("");
    case "none":
      return "";
    default:
      return String(n);
  }
}

// ------------------------------------------------------------------------------------------------ list counters

const BULLET = "・";

/**
 * Counts list paragraphs the way Word does: a numbering instance (w:num) with overrides is a list of its own that
 * starts at its override; instances without overrides that share an abstract definition continue one another.
 * Numbering a level resets the levels below it.
 */
class ListCounter {
  private readonly counters = new Map<string, (number | undefined)[]>();

  constructor(
    private readonly numbering: Numbering,
    private readonly styles: Map<string, StyleInfo>,
  ) {}

  /** The (abstract) definition a num uses, following a numStyleLink to the numbering style's own list. */
  private abstractOf(num: NumDef): AbstractNum | null {
    let abstract = this.numbering.abstracts.get(num.abstractId) ?? null;
    for (let hops = 0; abstract?.numStyleLink && hops < 3; hops++) {
      const linkedNumId = styleProperty(this.styles, abstract.numStyleLink, "numId");
      const linked = linkedNumId === null ? undefined : this.numbering.nums.get(linkedNumId);
      const next = linked ? this.numbering.abstracts.get(linked.abstractId) : undefined;
      if (!next || next === abstract) break;
      abstract = next;
    }
    return abstract;
  }

  private levelDef(num: NumDef, abstract: AbstractNum, ilvl: number): LevelDef {
    return num.levelOverrides.get(ilvl) ?? abstract.levels.get(ilvl) ?? newLevel();
  }

  private startOf(num: NumDef, abstract: AbstractNum, ilvl: number): number {
    return num.startOverrides.get(ilvl) ?? this.levelDef(num, abstract, ilvl).start;
  }

  /** The ilvl a style's list paragraph has when the paragraph does not say: the level that names the style. */
  levelForStyle(numId: string, styleId: string | null): number {
    const num = this.numbering.nums.get(numId);
    const abstract = num ? this.abstractOf(num) : null;
    if (!abstract || styleId === null) return 0;
    for (const [ilvl, def] of abstract.levels) if (def.styleId === styleId) return ilvl;
    return 0;
  }

  next(numId: string, ilvl: number): DocxList | null {
    const num = this.numbering.nums.get(numId);
    const abstract = num ? this.abstractOf(num) : null;
    if (!num || !abstract) return null;
    const own = num.startOverrides.size > 0 || num.levelOverrides.size > 0;
    const key = own ? `num:${numId}` : `abstract:${num.abstractId}`;
    let counts = this.counters.get(key);
    if (!counts) {
      counts = [];
      this.counters.set(key, counts);
    }
    const level = Math.max(0, Math.min(8, ilvl));
    counts[level] = (counts[level] ?? this.startOf(num, abstract, level) - 1) + 1;
    for (let deeper = level + 1; deeper < 9; deeper++) counts[deeper] = undefined;

    const def = this.levelDef(num, abstract, level);
    const separator = def.suffix === "nothing" ? "" : " ";
    if (def.format === "bullet") return { numId, level, label: BULLET, bullet: true, separator: "" };
    const label = def.text.replace(/%([1-9])/g, (_, digit: string) => {
      const at = Number(digit) - 1;
      const value = counts[at] ?? this.startOf(num, abstract, at);
      const format = def.legal && at < level ? "decimal" : this.levelDef(num, abstract, at).format;
      return formatListNumber(value, format);
    });
    return { numId, level, label, bullet: false, separator: label === "" ? "" : separator };
  }
}

// ------------------------------------------------------------------------------------------------ document.xml

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

async function readBody(
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

// ------------------------------------------------------------------------------------------------ blocks → text

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

/** A .docx 局区方針 as the text the policy parser reads (see the top of this file). */
export async function readPolicyDocx(bytes: Uint8Array, limits: DocxLimits = DOCX_LIMITS): Promise<string> {
  const text = docxBlocksToText(await readDocxBlocks(bytes, limits));
  if (text.length > limits.maxTextChars) throw tooMuchText(limits);
  if (text.trim() === "") throw new AppError(400, "empty_docx", "Word 文書に本文がありません。");
  return text;
}
