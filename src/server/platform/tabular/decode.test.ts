import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeText } from "./decode.js";
import { TabularFormatError } from "./errors.js";

const utf8 = (s: string) => new TextEncoder().encode(s);
const withBom = (s: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(s)]);

describe("decodeText", () => {
  it("reads UTF-8 without a BOM", () => {
    expect(decodeText(utf8("課題番号,課題名\nA(1),ふるさと納税"))).toEqual({
      text: "課題番号,課題名\nA(1),ふるさと納税",
      encoding: "utf-8",
    });
  });

  it("reads UTF-8 with a BOM (Excel's 'CSV UTF-8') and strips the BOM", () => {
    const result = decodeText(withBom("課題名\n特区"));
    expect(result.encoding).toBe("utf-8-bom");
    expect(result.text).toBe("課題名\n特区");
    expect(result.text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it("detects Shift_JIS bytes and decodes them as CP932, including NEC/IBM extensions", () => {
    const text = "課題名,内容\n①北九州市・新ビジョン,㈱髙島屋〜と～";
    const bytes = iconv.encode(text.replace("〜", "～"), "cp932");
    const result = decodeText(new Uint8Array(bytes));
    expect(result.encoding).toBe("cp932");
    expect(result.text).toBe("課題名,内容\n①北九州市・新ビジョン,㈱髙島屋～と～");
  });

  it("detects half-width katakana in Shift_JIS", () => {
    const bytes = iconv.encode("ｶﾀｶﾅ,政策局", "cp932");
    expect(decodeText(new Uint8Array(bytes))).toEqual({ text: "ｶﾀｶﾅ,政策局", encoding: "cp932" });
  });

  it("treats plain ASCII as UTF-8 and an empty file as empty text", () => {
    expect(decodeText(utf8("a,b\n1,2")).encoding).toBe("utf-8");
    expect(decodeText(new Uint8Array())).toEqual({ text: "", encoding: "utf-8" });
  });

  it("refuses bytes that are neither UTF-8 nor Shift_JIS with a Japanese message", () => {
    const garbage = new Uint8Array([0x82, 0xa0, 0xfd, 0xfe, 0xff, 0x00]);
    expect(() => decodeText(garbage)).toThrow(TabularFormatError);
    expect(() => decodeText(garbage)).toThrow(/文字コード/);
  });
});
