// 法人番号 (corporate number): 13 digits, the first a check digit over the other twelve (国税庁「法人番号の指定」):
// check = 9 − (Σ Pn × Qn mod 9), where Pn is the n-th digit counted from the right of the 12 base digits and Qn is 1
// for odd n and 2 for even n.

/** Full-width digits and separators as people type them (１２３４-５６７８ …) → 13 ASCII digits or the input trimmed. */
export function normaliseCorporateNumber(input: string): string {
  return input
    .normalize("NFKC")
    .replace(/[\s\-‐－ー]/g, "")
    .trim();
}

/** The check digit the 12 base digits call for. */
export function corporateNumberCheckDigit(base12: string): number {
  if (!/^[0-9]{12}$/.test(base12)) throw new Error("base must be 12 digits");
  let sum = 0;
  for (let n = 1; n <= 12; n++) {
    const digit = Number(base12[12 - n]);
    sum += digit * (n % 2 === 1 ? 1 : 2);
  }
  return 9 - (sum % 9);
}

export type CorporateNumberProblem = "length" | "check_digit";

/** Why a (normalised) 法人番号 is not valid, or null when it is. */
export function corporateNumberProblem(value: string): CorporateNumberProblem | null {
  if (!/^[0-9]{13}$/.test(value)) return "length";
  return Number(value[0]) === corporateNumberCheckDigit(value.slice(1)) ? null : "check_digit";
}

export const CORPORATE_NUMBER_MESSAGES: Record<CorporateNumberProblem, string> = {
  length: "法人番号は13桁の数字で入力してください。",
  check_digit: "法人番号のチェックデジット（先頭の1桁）が合いません。番号を確かめてください。",
};

/** A valid number with the given 12 base digits (sample data, tests). */
export function withCheckDigit(base12: string): string {
  return `${corporateNumberCheckDigit(base12)}${base12}`;
}
