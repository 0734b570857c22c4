// A list counter as Word shows it in a w:numFmt: ①, ⑴, 01, Ａ, iv, ア, イ, 二十三 …

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
