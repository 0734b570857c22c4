import { describe, expect, it } from "vitest";
import { z } from "zod";
import { japaneseErrorMap, MESSAGE_DATE, zJapaneseDate, zNumberCell } from "./zod-japanese.js";

describe("zJapaneseDate", () => {
  it.each([
    ["令和6年11月30日", "2024-11-30"],
    ["令和6年11月末", "2024-11-30"],
    ["令和6年11月末時点", "2024-11-30"],
    ["令和元年5月1日", "2019-05-01"],
    ["R6.11.30", "2024-11-30"],
    ["2024/11/30", "2024-11-30"],
    ["２０２４－１１－３０", "2024-11-30"],
  ])("reads %s as %s", (input, iso) => {
    expect(zJapaneseDate.parse(input)).toBe(iso);
  });

  it.each(["令和6年2月30日", "平成31年5月1日", "来月", "2024-13-01"])("rejects %s with the Japanese date message", (input) => {
    const result = zJapaneseDate.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe(MESSAGE_DATE);
  });
});

describe("zNumberCell", () => {
  it("reads commas, full-width digits and signs, and treats an empty cell as missing", () => {
    const schema = zNumberCell();
    expect(schema.parse("1,234,567")).toBe(1234567);
    expect(schema.parse("１２．５")).toBe(12.5);
    expect(schema.parse("−3")).toBe(-3);
    expect(schema.parse(42)).toBe(42);
    expect(schema.safeParse("", { error: japaneseErrorMap }).error?.issues[0].message).toBe("必須です");
    expect(schema.safeParse("12a", { error: japaneseErrorMap }).error?.issues[0].message).toBe("数値で入力してください");
    expect(zNumberCell(z.number().optional()).parse("")).toBeUndefined();
  });
});

describe("japaneseErrorMap", () => {
  const messageOf = (schema: z.ZodType, value: unknown) => schema.safeParse(value, { error: japaneseErrorMap }).error?.issues[0].message;

  it("turns common zod issues into Japanese", () => {
    expect(messageOf(z.string(), undefined)).toBe("必須です");
    expect(messageOf(z.string().min(1), "")).toBe("必須です");
    expect(messageOf(z.string().min(3), "ab")).toBe("3文字以上で入力してください");
    expect(messageOf(z.number().max(10), 11)).toBe("10以下の値を入力してください");
    expect(messageOf(z.number().positive(), 0)).toBe("0より大きい値を入力してください");
    expect(messageOf(z.email(), "x")).toBe("メールアドレスの形式が正しくありません");
    expect(messageOf(z.iso.date(), "2024-13-01")).toBe(MESSAGE_DATE);
    expect(messageOf(z.boolean(), "x")).toBe("「はい」か「いいえ」で入力してください");
  });

  it("leaves a schema's own message in place", () => {
    expect(messageOf(z.string().min(5, { message: "五文字以上" }), "a")).toBe("五文字以上");
  });
});
