// numbering.xml: the list definitions, and the counter that gives each list paragraph the number Word shows in
// front of it (①, (1), 1 …), counted the way Word counts.
import { attr, type DocxPackage, isOn } from "./docx-package";
import { type StyleInfo, styleProperty } from "./docx-styles";
import { formatListNumber } from "./list-number-format";

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

export interface Numbering {
  abstracts: Map<string, AbstractNum>;
  nums: Map<string, NumDef>;
}

const newLevel = (): LevelDef => ({ start: 1, format: "decimal", text: "", suffix: "tab", legal: false, styleId: null });

export async function readNumbering(pkg: DocxPackage, partName: string | null): Promise<Numbering> {
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

// ------------------------------------------------------------------------------------------------ list counters

const BULLET = "・";

/**
 * Counts list paragraphs the way Word does: a numbering instance (w:num) with overrides is a list of its own that
 * starts at its override; instances without overrides that share an abstract definition continue one another.
 * Numbering a level resets the levels below it.
 */
export class ListCounter {
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
