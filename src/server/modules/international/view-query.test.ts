// A saved view's stored query read back through its list's schema: what the list still takes is kept, what it no
// longer takes is dropped and named.
import { describe, expect, it } from "vitest";
import { readStoredQuery } from "./view-query";

describe("readStoredQuery", () => {
  it("keeps a valid query as it is, with the sort left to the list's default when none was saved", () => {
    expect(readStoredQuery("projects", { status: "active", fiscalYear: 2024 })).toEqual({
      query: { status: "active", fiscalYear: 2024 },
      dropped: [],
    });
    expect(readStoredQuery("trips", { overdue: "true", sort: "reportDueOn" }).query).toEqual({ overdue: "true", sort: "reportDueOn" });
  });

  it("drops the conditions the list no longer takes and names them", () => {
    const read = readStoredQuery("projects", { status: "archived", sort: "-name", theme: "環境", colour: "red" });
    expect(read.query).toEqual({ sort: "-name", theme: "環境" });
    expect(read.dropped.sort()).toEqual(["colour", "status"]);
  });

  it("drops another list's filter (分野 is not a condition of the trips list)", () => {
    const read = readStoredQuery("trips", { fieldId: "6f1c2d4e-0000-4000-8000-000000000000", status: "planned" });
    expect(read).toEqual({ query: { status: "planned" }, dropped: ["fieldId"] });
  });

  it("reads anything that is not an object as no conditions", () => {
    expect(readStoredQuery("projects", null)).toEqual({ query: {}, dropped: [] });
    expect(readStoredQuery("trips", ["status"])).toEqual({ query: {}, dropped: [] });
    expect(readStoredQuery("trips", "status=planned")).toEqual({ query: {}, dropped: [] });
  });
});
