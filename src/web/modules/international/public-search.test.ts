// The public project list reads its conditions from the URL: what it knows, well-formed, and nothing else.
import { describe, expect, it } from "vitest";
import { publicProjectSearch, publicTripSearch } from "./public-search";

describe("publicProjectSearch", () => {
  it("keeps the known conditions", () => {
    expect(
      publicProjectSearch({
        q: " 大連 ",
        fieldId: "8531d016-3c1c-40a6-9cee-d48b7c23ffb8",
        fiscalYear: "2024",
        country: "中国",
        page: 3,
      }),
    ).toEqual({ q: "大連", fieldId: "8531d016-3c1c-40a6-9cee-d48b7c23ffb8", fiscalYear: 2024, country: "中国", page: 3 });
  });

  it("drops unknown keys, malformed ids and years, empty text and the first page", () => {
    expect(
      publicProjectSearch({ q: "", fieldId: "not-an-id", fiscalYear: "令和6", country: "x".repeat(61), page: "1", sort: "name" }),
    ).toEqual({});
    expect(publicProjectSearch({ fiscalYear: 1900, page: -2 })).toEqual({});
  });
});

describe("publicTripSearch", () => {
  it("keeps the trip-report list's conditions only (no 分野)", () => {
    expect(
      publicTripSearch({
        q: " 高雄 ",
        fieldId: "8531d016-3c1c-40a6-9cee-d48b7c23ffb8",
        fiscalYear: "2025",
        country: "台湾",
        page: "2",
        projectId: "x",
      }),
    ).toEqual({ q: "高雄", fiscalYear: 2025, country: "台湾", page: 2 });
    expect(publicTripSearch({ fiscalYear: "abc", page: 1 })).toEqual({});
  });
});
