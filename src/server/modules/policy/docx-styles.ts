// styles.xml: each paragraph style's name, the style it is based on, its list numbering and its outline level.
import { attr, type DocxPackage } from "./docx-package";

export interface StyleInfo {
  name: string;
  basedOn: string | null;
  numId: string | null;
  ilvl: number | null;
  outlineLevel: number | null;
}

export async function readStyles(pkg: DocxPackage, partName: string | null): Promise<Map<string, StyleInfo>> {
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
export function styleProperty<K extends keyof StyleInfo>(
  styles: Map<string, StyleInfo>,
  styleId: string | null,
  key: K,
): StyleInfo[K] | null {
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
