import { describe, expect, it } from "vitest";
import { formatPlainNumber } from "./plain-number";

// What grading wrote before the hand-made fast path: the one Intl formatter over the number cut to 10 digits.
const NUMBER_FORMAT = new Intl.NumberFormat("ja-JP", { maximumFractionDigits: 4 });
const byIntl = (n: number) => NUMBER_FORMAT.format(Number(n.toPrecision(10)));

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("formatPlainNumber: the text of a number in a grade's explanation", () => {
  it("groups digits and keeps at most 4 decimals, as Intl ja-JP does", () => {
    expect(formatPlainNumber(1234.5)).toBe("1,234.5");
    expect(formatPlainNumber(-1234567)).toBe("-1,234,567");
    expect(formatPlainNumber(0.123456)).toBe("0.1235");
    expect(formatPlainNumber(119.89999999999999)).toBe("119.9");
    expect(formatPlainNumber(100)).toBe("100");
  });

  it("writes exactly what the Intl formatter writes, for edge cases and 20,000 generated numbers", () => {
    const edges = [
      0,
      -0,
      1,
      -1,
      999,
      1000,
      9999999999,
      10000000000,
      12345678901,
      0.0001,
      0.00005,
      1.00005,
      999.99995,
      1e21,
      1e-7,
      -0.00004,
      123.45675,
      0.1 + 0.2,
      5e-324,
      Number.MAX_SAFE_INTEGER,
      NaN,
      Infinity,
      -Infinity,
    ];
    for (const n of edges) expect(formatPlainNumber(n), String(n)).toBe(byIntl(n));
    const rand = random(7);
    for (let i = 0; i < 20_000; i++) {
      const magnitude = 10 ** Math.floor(rand() * 16 - 6);
      const decimals = Math.floor(rand() * 7);
      const raw = (rand() - 0.3) * magnitude;
      // rounded values (as typed), computed ones (a pro-rated target) and integers
      const n = i % 3 === 0 ? Number(raw.toFixed(decimals)) : i % 3 === 1 ? raw * (1 + rand()) : Math.round(raw);
      expect(formatPlainNumber(n), String(n)).toBe(byIntl(n));
    }
  });
});
