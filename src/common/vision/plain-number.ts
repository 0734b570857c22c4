// Numbers as a grade's explanation writes them: ja-JP digit groups, at most 4 decimals (half away from zero), float
// noise beyond 10 significant digits dropped (「(1,234.5 − 1,000) ÷ (1,234.5678 − 1,000)」). That is what
// Intl.NumberFormat writes for Number(n.toPrecision(10)), but Intl costs about a microsecond a call and a grade's
// explanation writes four or five numbers, so the finite numbers below 10^10 are written here with integer
// arithmetic; plain-number.test.ts holds the two to the same text.

const NUMBER_FORMAT = new Intl.NumberFormat("ja-JP", { maximumFractionDigits: 4 });
const SCALES = [1, 10, 100, 1000, 10000];
/** below this many units of the last decimal, a number has at most 10 significant digits */
const MAX_UNITS = 1e10;

/** A whole number (below 10^16) with its digit groups: by arithmetic, with no digit string to cut into pieces. */
function groupDigits(whole: number): string {
  if (whole < 1000) return String(whole);
  const group = whole % 1000;
  return `${groupDigits((whole - group) / 1000)},${group >= 100 ? group : group >= 10 ? `0${group}` : `00${group}`}`;
}

/** `units` of 10^-decimals as text with no trailing zeros: (123450, 4) → 「12.345」. */
function decimalText(sign: string, units: number, decimals: number): string {
  const scale = SCALES[decimals];
  const whole = Math.floor(units / scale);
  let fraction = units - whole * scale;
  if (fraction === 0) return `${sign}${groupDigits(whole)}`;
  let places = decimals;
  while (fraction % 10 === 0) {
    fraction /= 10;
    places--;
  }
  return `${sign}${groupDigits(whole)}.${String(fraction).padStart(places, "0")}`;
}

/** 1234.5 → 「1,234.5」; 0.123456 → 「0.1235」; 119.89999999999999 → 「119.9」. */
export function formatPlainNumber(n: number): string {
  const sign = n < 0 ? "-" : "";
  // Usually the number is short (typed values, integers): the fewest decimals (at most 4) that give it back.
  for (let decimals = 0; decimals < SCALES.length; decimals++) {
    const scale = SCALES[decimals];
    const units = Math.round(n * scale);
    if (units / scale !== n) continue;
    const size = Math.abs(units);
    if (size < MAX_UNITS) return decimalText(sign, size, decimals);
    break;
  }
  // Else (a pro-rated target): its 10 significant digits, rounded half away from zero to 4 decimals in decimal. Below
  // 10^5 the cut to 10 digits moves the number by under 0.05 of the 4th decimal, so unless it lies that near a half,
  // rounding the number itself gives the same digits.
  const size = Math.abs(n) * 10000;
  if (size < 1e9 && Math.abs(size - Math.floor(size) - 0.5) > 0.06) return decimalText(sign, Math.round(size), 4);
  const text = n.toPrecision(10);
  if (!/^-?\d+(\.\d+)?$/.test(text)) return NUMBER_FORMAT.format(Number(text)); // exponent form, NaN, ∞
  const body = sign ? text.slice(1) : text;
  const point = body.indexOf(".");
  const whole = Number(point < 0 ? body : body.slice(0, point));
  const fraction = point < 0 ? "" : body.slice(point + 1);
  const units = whole * 10000 + Number(fraction.slice(0, 4).padEnd(4, "0")) + (fraction.charCodeAt(4) >= 53 /* "5" */ ? 1 : 0);
  return decimalText(sign, units, 4);
}
