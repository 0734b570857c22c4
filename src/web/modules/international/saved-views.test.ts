// 保存した条件 on the lists' side: what a view keeps of the URL, when the page counts as showing a view, and a view's
// conditions in words.
import { describe, expect, it } from "vitest";
import { conditionsToSave, describeConditions, matchingView, sameConditions } from "./saved-views";

const FIELD = "0a1b2c3d-0000-4000-8000-000000000001";
const ORG = "0a1b2c3d-0000-4000-8000-000000000002";
const names = {
  fields: new Map([[FIELD, "環境"]]),
  organisations: new Map([[ORG, "国際政策課"]]),
  partners: new Map<string, string>(),
};

describe("saved views on the lists", () => {
  it("keeps the URL's conditions without the page and without the list's default sort", () => {
    expect(conditionsToSave("projects", { status: "active", fiscalYear: 2024, sort: "-updatedAt", page: 3, q: "" })).toEqual({
      status: "active",
      fiscalYear: 2024,
    });
    expect(conditionsToSave("trips", { overdue: "true", sort: "title" })).toEqual({ overdue: "true", sort: "title" });
    // The page's URL has 報告遅延のみ as a boolean (?overdue=true); the list's query as the string "true".
    expect(conditionsToSave("trips", { overdue: true })).toEqual({ overdue: "true" });
  });

  it("counts the same conditions as the same view whatever their order, type or the default sort", () => {
    expect(sameConditions("projects", { fiscalYear: 2024, status: "active" }, { status: "active", fiscalYear: "2024" })).toBe(true);
    expect(sameConditions("projects", { status: "active", sort: "-updatedAt" }, { status: "active" })).toBe(true);
    expect(sameConditions("trips", { overdue: "false" }, {})).toBe(true);
    expect(sameConditions("projects", { status: "active" }, { status: "active", theme: "環境" })).toBe(false);
    expect(sameConditions("projects", { sort: "name" }, {})).toBe(false);
  });

  it("finds the view the page shows now", () => {
    const views = [
      { id: "a", list: "trips" as const, query: { status: "planned" } },
      { id: "b", list: "trips" as const, query: { overdue: "true" } },
    ];
    expect(matchingView(views, { overdue: "true", sort: "-departsOn" })?.id).toBe("b");
    expect(matchingView(views, { overdue: true })?.id).toBe("b");
    expect(matchingView(views, { overdue: "true", sort: "title" })).toBeNull();
  });

  it("says a view's conditions in Japanese, the 年度 in 和暦 with the western year, the sort last", () => {
    expect(
      describeConditions(
        "projects",
        { sort: "name", fieldId: FIELD, fiscalYear: 2024, status: "active", q: "大連", visibility: "public" },
        names,
      ),
    ).toEqual(["キーワード「大連」", "分野: 環境", "状態: 実施中", "年度: 令和6年度（2024年度）", "公開のみ", "並び順: 事業名順"]);
    expect(describeConditions("trips", { organisationId: ORG, status: "returned", overdue: "true", sort: "-departsOn" }, names)).toEqual([
      "局・課: 国際政策課",
      "状態: 帰庁",
      "報告遅延のみ",
    ]);
    expect(describeConditions("projects", { partnerId: FIELD.replace("1", "9") }, names)).toEqual(["相手先: （見つからない項目）"]);
    expect(describeConditions("projects", {}, names)).toEqual([]);
  });
});
