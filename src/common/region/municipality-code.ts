// 全国地方公共団体コード: 5 digits (2 for the prefecture, 3 for the municipality, JIS X 0401/0402) plus a check digit.
// CD = (11 − (6·d1 + 5·d2 + 4·d3 + 3·d4 + 2·d5) mod 11) mod 10. Real files drop the leading zero (`92011` for
// `092011`) or leave the check digit out (`40100`); both are repaired and reported, a wrong check digit is refused.

export function municipalityCheckDigit(base5: string): number {
  if (!/^[0-9]{5}$/.test(base5)) throw new Error("base must be 5 digits");
  const weights = [6, 5, 4, 3, 2];
  const sum = weights.reduce((total, weight, i) => total + weight * Number(base5[i]), 0);
  return (11 - (sum % 11)) % 10;
}

export function withMunicipalityCheckDigit(base5: string): string {
  return `${base5}${municipalityCheckDigit(base5)}`;
}

export type MunicipalityCodeResult =
  | { ok: true; code: string; repair?: "check_digit_added" | "leading_zero_added" }
  | { ok: false; problem: "format" | "check_digit" };

/**
 * Reads a code as files write it (full-width digits too). Six digits must carry the right check digit. Five digits
 * are ambiguous: a code without its check digit (`40100`) or a code whose leading zero a spreadsheet dropped
 * (`92011`). Prefecture codes run 01–47, so five digits that begin with 0 or whose first two are a prefecture with
 * a valid 6-digit reading after a 0 prefix are the latter; otherwise the check digit is added.
 */
export function parseMunicipalityCode(input: string): MunicipalityCodeResult {
  const digits = input.normalize("NFKC").trim();
  if (/^[0-9]{6}$/.test(digits)) {
    return municipalityCheckDigit(digits.slice(0, 5)) === Number(digits[5])
      ? { ok: true, code: digits }
      : { ok: false, problem: "check_digit" };
  }
  if (/^[0-9]{5}$/.test(digits)) {
    const padded = `0${digits}`;
    const paddedIsValid = Number(digits[0]) >= 1 && municipalityCheckDigit(padded.slice(0, 5)) === Number(padded[5]);
    const asBase = Number(digits.slice(0, 2));
    // A 5-digit code whose first two digits are no prefecture (48+) cannot be a base: it lost its leading zero.
    if (paddedIsValid && (asBase < 1 || asBase > 47)) return { ok: true, code: padded, repair: "leading_zero_added" };
    if (asBase >= 1 && asBase <= 47) return { ok: true, code: withMunicipalityCheckDigit(digits), repair: "check_digit_added" };
    if (paddedIsValid) return { ok: true, code: padded, repair: "leading_zero_added" };
    return { ok: false, problem: "format" };
  }
  return { ok: false, problem: "format" };
}

export const MUNICIPALITY_CODE_MESSAGES = {
  format: "全国地方公共団体コードは6桁（チェックデジット付き）の数字で入力してください。",
  check_digit: "全国地方公共団体コードのチェックデジット（6桁目）が合いません。コードを確かめてください。",
  check_digit_added: "5桁のコードにチェックデジットを補いました。",
  leading_zero_added: "先頭の0が落ちたコードに0を補いました。",
} as const;
