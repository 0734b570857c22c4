// 連携市町の属性: 区分 (政令指定都市 / 市 / 町), ふりがな, 郡 — their labels and how files and forms write them.
export const MUNICIPALITY_KINDS = ["designated_city", "city", "town"] as const;
export type MunicipalityKind = (typeof MUNICIPALITY_KINDS)[number];

export const MUNICIPALITY_KIND_LABELS: Readonly<Record<MunicipalityKind, string>> = {
  designated_city: "政令指定都市",
  city: "市",
  town: "町",
};

const KIND_ALIASES: Readonly<Record<string, MunicipalityKind>> = {
  政令指定都市: "designated_city",
  政令市: "designated_city",
  指定都市: "designated_city",
  designated_city: "designated_city",
  市: "city",
  city: "city",
  町: "town",
  town: "town",
};

export function parseMunicipalityKind(text: string): MunicipalityKind | null {
  return KIND_ALIASES[text.normalize("NFKC").replace(/\s+/g, "").toLowerCase()] ?? null;
}

/** ふりがな as stored: hiragana (katakana and half-width kana are turned into it), no spaces. */
export function normaliseKana(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\s\u3000]+/g, "")
    .replace(/[\u30a1-\u30f6]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60));
}

export const KANA_PATTERN = /^[\u3041-\u3096ー]+$/;
export const KANA_MESSAGE = "ふりがなはひらがなで入力してください（例: のおがたし）";

/** A 郡 belongs to a town only (市 and 政令指定都市 are not in one). */
export function districtProblem(kind: MunicipalityKind, district: string | null): string | null {
  if (!district) return null;
  if (kind !== "town") return "郡は町だけに入力します（市・政令指定都市は郡に属しません）";
  if (!district.endsWith("郡")) return "郡は「遠賀郡」のように「郡」まで入力してください";
  return null;
}
