import { describe, expect, it } from "vitest";
import { PROJECT_SORTS } from "../../../common/api/international";
import { projectSearch, sortState, sortValue, tripSearch } from "./list-search";

const ID = "0a1b2c3d-0000-4000-8000-000000000001";

describe("list conditions in the URL", () => {
  it("keeps the conditions it knows and drops the rest (a bookmark with stale params still opens)", () => {
    expect(
      projectSearch({ q: " 大連 ", fieldId: ID, status: "active", fiscalYear: "2024", visibility: "public", sort: "name", x: "1" }),
    ).toEqual({
      q: "大連",
      fieldId: ID,
      status: "active",
      fiscalYear: 2024,
      visibility: "public",
      sort: "name",
    });
    expect(projectSearch({ fieldId: "not-an-id", status: "draft", fiscalYear: "令和6", sort: "-owner" })).toEqual({});
    expect(tripSearch({ overdue: "true", status: "returned" })).toEqual({ overdue: true, status: "returned" });
    expect(tripSearch({ overdue: true })).toEqual({ overdue: true });
    expect(tripSearch({ overdue: "false" })).toEqual({});
  });

  it("turns a header click into a sort the server knows (a key it sorts one way only keeps that way)", () => {
    expect(sortState("-updatedAt")).toEqual({ key: "updatedAt", order: "desc" });
    expect(sortValue(PROJECT_SORTS, { key: "name", order: "desc" })).toBe("-name");
    expect(sortValue(PROJECT_SORTS, { key: "owner", order: "desc" })).toBe("owner");
    expect(sortValue(PROJECT_SORTS, { key: "updatedAt", order: "asc" })).toBe("-updatedAt");
  });
});
