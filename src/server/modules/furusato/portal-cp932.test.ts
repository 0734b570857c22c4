import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodeCp932, mapToCp932Variants, unencodableCp932Chars } from "../../platform/tabular/cp932";
import { Cp932Writer } from "./portal-cp932";

/** What the writer replaced: quote and join the record, map the variants, encode the whole line with iconv-lite. */
function reference(cells: readonly string[], delimiter: "," | "\t", quoteAll: boolean, eol: string): Buffer {
  const needsQuote = delimiter === "," ? /[",\r\n]/ : /["\t\r\n]/;
  const line = cells.map((c) => (quoteAll || needsQuote.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(delimiter);
  return encodeCp932(mapToCp932Variants(line) + eol);
}

function written(cells: readonly string[], delimiter: "," | "\t", quoteAll: boolean, eol: string): Buffer | null {
  const out = new Cp932Writer();
  return out.appendRecord(cells, delimiter, quoteAll, eol) ? Buffer.from(out.bytes()) : null;
}

describe("Cp932Writer", () => {
  it("writes every BMP character as iconv-lite does after the variant mapping, and refuses the unencodable ones", () => {
    let encodable = 0;
    const wrong: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      const ch = String.fromCharCode(code);
      const ok = code < 0xd800 || code > 0xdfff ? unencodableCp932Chars(mapToCp932Variants(ch)).length === 0 : false;
      const cells = [`a${ch}b`, ch];
      const got = written(cells, ",", false, "\r\n");
      if (ok) encodable++;
      if (ok ? !got?.equals(reference(cells, ",", false, "\r\n")) : got !== null) wrong.push(`U+${code.toString(16)}`);
    }
    expect(wrong).toEqual([]);
    expect(encodable).toBeGreaterThan(7000);
  });

  it("quotes and joins as the text writer does, for any delimiter, quoting and line ending", () => {
    const cell = fc.string({ unit: fc.constantFrom("a", ",", "\t", '"', "\r", "\n", "〜", "－", "漢", "ｱ", " ", "'") });
    fc.assert(
      fc.property(
        fc.array(cell, { minLength: 1, maxLength: 6 }),
        fc.constantFrom<"," | "\t">(",", "\t"),
        fc.boolean(),
        fc.constantFrom("\r\n", "\n"),
        (cells, delimiter, quoteAll, eol) => {
          expect(written(cells, delimiter, quoteAll, eol)?.equals(reference(cells, delimiter, quoteAll, eol))).toBe(true);
        },
      ),
    );
  });

  it("appends nothing for a record it refuses, so that the repaired line follows the previous record", () => {
    const out = new Cp932Writer();
    expect(out.appendRecord(["一", "二"], ",", false, "\r\n")).toBe(true);
    expect(out.appendRecord(["𠮷田", "三"], ",", false, "\r\n")).toBe(false);
    out.appendText("〓田,三\r\n");
    expect(Buffer.from(out.bytes()).equals(encodeCp932("一,二\r\n〓田,三\r\n"))).toBe(true);
  });

  it("grows past its first buffer", () => {
    const long = "北九州".repeat(50_000);
    const out = new Cp932Writer();
    expect(out.appendRecord([long, long], ",", true, "\n")).toBe(true);
    expect(Buffer.from(out.bytes()).equals(encodeCp932(`"${long}","${long}"\n`))).toBe(true);
  });
});
