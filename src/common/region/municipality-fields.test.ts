import { describe, expect, it } from "vitest";
import { districtProblem, KANA_PATTERN, normaliseKana, parseMunicipalityKind } from "./municipality-fields";

describe("連携市町の属性", () => {
  it("reads 区分 by its labels and short forms", () => {
    expect(parseMunicipalityKind("政令指定都市")).toBe("designated_city");
    expect(parseMunicipalityKind("政令市")).toBe("designated_city");
    expect(parseMunicipalityKind(" 市 ")).toBe("city");
    expect(parseMunicipalityKind("町")).toBe("town");
    expect(parseMunicipalityKind("村")).toBeNull();
  });

  it("stores ふりがな as hiragana, from katakana and half-width kana too", () => {
    expect(normaliseKana("ノオガタシ")).toBe("のおがたし");
    expect(normaliseKana("ﾐﾔｺﾏﾁ")).toBe("みやこまち");
    expect(normaliseKana("きたきゅうしゅう し")).toBe("きたきゅうしゅうし");
    expect(KANA_PATTERN.test(normaliseKana("ヨシトミマチ"))).toBe(true);
    expect(KANA_PATTERN.test(normaliseKana("Nogata"))).toBe(false);
  });

  it("keeps 郡 for towns, written with 郡", () => {
    expect(districtProblem("town", "遠賀郡")).toBeNull();
    expect(districtProblem("town", null)).toBeNull();
    expect(districtProblem("city", "遠賀郡")).toContain("町だけ");
    expect(districtProblem("designated_city", "遠賀郡")).toContain("町だけ");
    expect(districtProblem("town", "遠賀")).toContain("「郡」まで");
  });
});
