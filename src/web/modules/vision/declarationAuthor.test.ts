import { describe, expect, it } from "vitest";
import { declarationAuthor } from "./declarationAuthor";

describe("declarationAuthor", () => {
  it("item 10: the board names the division once when the display name already holds it", () => {
    expect(declarationAuthor("企画課", "企画課 職員A（サンプル）", "匿名")).toBe("企画課 職員A（サンプル）");
  });

  it("puts the division before a plain name, and before 匿名 for an anonymous declaration", () => {
    expect(declarationAuthor("企画課", "山田 太郎", "匿名")).toBe("企画課　山田 太郎");
    expect(declarationAuthor("財政課", null, "匿名")).toBe("財政課　匿名");
  });

  it("shows the name alone when there is no division", () => {
    expect(declarationAuthor(null, "山田 太郎", "匿名")).toBe("山田 太郎");
    expect(declarationAuthor(null, null, "匿名")).toBe("匿名");
  });
});
