// The name a file is stored and served under always carries the extension of its detected type (finding 12).
import { describe, expect, it } from "vitest";
import { nameForType } from "./files";

describe("nameForType", () => {
  it("finding 12: replaces an extension that does not match the detected type, and keeps one that does", () => {
    expect(nameForType("x.html", "image/png")).toBe("x.png");
    expect(nameForType("写真.htm", "image/png")).toBe("写真.png");
    expect(nameForType("scan.PDF", "application/pdf")).toBe("scan.PDF");
    expect(nameForType("photo.jpeg", "image/jpeg")).toBe("photo.jpeg");
    expect(nameForType("photo.png", "image/jpeg")).toBe("photo.jpg");
    expect(nameForType("組織_エラー.csv", "text/csv; charset=utf-8")).toBe("組織_エラー.csv");
  });

  it("adds an extension to a name without one, without cutting a Japanese word after a dot", () => {
    expect(nameForType("許可証", "application/pdf")).toBe("許可証.pdf");
    expect(nameForType("令和6年度.営業許可証", "application/pdf")).toBe("令和6年度.営業許可証.pdf");
    expect(nameForType(".html", "image/png")).toBe("file.png");
  });
});
