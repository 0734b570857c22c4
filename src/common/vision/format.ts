// How 新ビジョン figures read on every screen and report: 達成率 (達成度) and an indicator's values in its own precision.
// One place, so that the council page, the public page, the staff pages and the PDF agree on the same indicator.

/** What a missing figure reads as on screen. */
export const NO_FIGURE = "—";

/**
 * 達成率: `percent` is in percent as the grade stores it (100.1 means 100.1%, never a ratio) → 「100.1%」,
 * with `decimals` fixed decimals (the grade rule's; 1 by default). null → 「—」 (or `empty`).
 */
export function formatAchievement(percent: number | null | undefined, decimals = 1, empty = NO_FIGURE): string {
  if (percent === null || percent === undefined || !Number.isFinite(percent)) return empty;
  return `${percent.toLocaleString("ja-JP", { minimumFractionDigits: decimals, maximumFractionDigits: decimals })}%`;
}

/** Decimals a value is written with: 38000 → 0, 12.5 → 1, 0.125 → 3 (float noise such as 0.1 + 0.2 ignored). */
export function decimalsOf(value: number): number {
  if (!Number.isFinite(value)) return 0;
  const text = String(Number(value.toPrecision(12)));
  const [mantissa, exponent] = text.split("e");
  const fraction = mantissa.split(".")[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent ?? 0));
}

/**
 * An indicator's own precision: the most decimals its 基準値 and 目標値 are written with (at most 4), so that a
 * derived figure such as the 按分目標 reads like the values it comes from.
 */
export function indicatorPrecision(indicator: { baselineValue: number | null; targetValue: number | null }): number {
  const values = [indicator.baselineValue, indicator.targetValue].filter((v): v is number => v !== null);
  return Math.min(4, Math.max(0, ...values.map(decimalsOf)));
}

/** A value in `decimals` fixed decimals with the unit: (38799.5619, 0, "億円") → 「38,800 億円」. null → 「—」. */
export function formatIndicatorValue(value: number | null | undefined, unit: string, decimals: number): string {
  if (value === null || value === undefined) return NO_FIGURE;
  // + 0 turns a rounded −0 into 0, so that −0.4 in a 0-decimal indicator reads 「0」, not 「-0」
  const rounded = Number(value.toFixed(decimals)) + 0;
  const text = rounded.toLocaleString("ja-JP", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return `${text}${unit ? ` ${unit}` : ""}`;
}
