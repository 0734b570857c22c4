// The import's rejection summary groups digits like every other count on the screens.
import { describe, expect, it } from "vitest";
import { lm } from "./ledgerMessages";

describe("寄附データ取込の件数表示", () => {
  it("groups thousands in the shown-of-total line", () => {
    expect(lm.import.rejectedShown(1000, 12345)).toContain("先頭の1,000件");
    expect(lm.import.rejectedShown(1000, 12345)).toContain("全12,345件");
  });
});
