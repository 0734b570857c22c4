// Shift_JIS out, done as CP932 (Windows-31J), which is what Excel and the portals actually read.
// Unicode has two code points for several JIS characters; text typed on a Mac or pasted from the web often uses
// the one CP932 lacks (〜 U+301C rather than ～ U+FF5E). We map those to the CP932 form. Anything still
// unencodable (𠮷, ㋿ …) is reported by the caller rather than silently written as "?".
import iconv from "iconv-lite";

const CP932_VARIANTS: Readonly<Record<string, string>> = {
  "\u301C": "\uFF5E", // 〜 WAVE DASH → ～ FULLWIDTH TILDE
  "\u2212": "\uFF0D", // − MINUS SIGN → － FULLWIDTH HYPHEN-MINUS
  "\u2016": "\u2225", // ‖ DOUBLE VERTICAL LINE → ∥ PARALLEL TO
  "\u2014": "\u2015", // — EM DASH → ― HORIZONTAL BAR
  "\u00A2": "\uFFE0", // ¢ → ￠
  "\u00A3": "\uFFE1", // £ → ￡
  "\u00AC": "\uFFE2", // ¬ → ￢
  "\u00A6": "\uFFE4", // ¦ → ￤
};

const VARIANT_PATTERN = new RegExp(`[${Object.keys(CP932_VARIANTS).join("")}]`, "gu");

export function mapToCp932Variants(text: string): string {
  return text.replace(VARIANT_PATTERN, (ch) => CP932_VARIANTS[ch] ?? ch);
}

export function encodeCp932(text: string): Buffer {
  return iconv.encode(text, "cp932");
}

function roundTrips(text: string): boolean {
  return iconv.decode(encodeCp932(text), "cp932") === text;
}

const charEncodable = new Map<string, boolean>();

function isEncodableChar(ch: string): boolean {
  let ok = charEncodable.get(ch);
  if (ok === undefined) {
    ok = roundTrips(ch);
    charEncodable.set(ch, ok);
  }
  return ok;
}

/** The characters (whole code points, so 𠮷 is one) of already-mapped text that CP932 cannot hold. */
export function unencodableCp932Chars(mappedText: string): string[] {
  // Most cells round-trip whole; only those that don't are walked character by character.
  if (roundTrips(mappedText)) return [];
  return Array.from(mappedText).filter((ch) => !isEncodableChar(ch));
}
