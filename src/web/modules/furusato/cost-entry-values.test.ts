// 経費の手入力: the form's checks (its own messages first, then the API schema's) and the body it sends.
import { describe, expect, it } from "vitest";
import { costEntryErrors, costEntryPayload, EMPTY_COST_ENTRY } from "./cost-entry-values";
import { mm } from "./money-messages";

describe("cost entry form values", () => {
  it("asks for the amount and the date in the form's own words", () => {
    const errors = costEntryErrors(EMPTY_COST_ENTRY, 2025);
    expect(errors.amount).toBe(mm.ledger.amountRequired);
    expect(errors.incurredOn).toBe(mm.ledger.dateRequired);
    expect(errors.description).toBe("内容を入力してください。");
    expect(costEntryErrors({ ...EMPTY_COST_ENTRY, amount: "たくさん" }, 2025).amount).toBe(mm.ledger.amountInvalid);
  });

  it("gives the API schema's message for a value it refuses", () => {
    const errors = costEntryErrors({ ...EMPTY_COST_ENTRY, amount: "0", incurredOn: "2025-05-01", description: "チラシ" }, 2025);
    expect(errors).toEqual({ amount: "0円は登録できません（戻入はマイナスで入力します）。" });
  });

  it("sends the date as read and the description trimmed", () => {
    const values = { category: "事務" as const, amount: "12000", incurredOn: "令和7年5月1日", description: " 封筒 " };
    expect(costEntryErrors(values, 2025)).toEqual({});
    expect(costEntryPayload(values, 2025)).toEqual({
      fiscalYear: 2025,
      category: "事務",
      amount: 12000,
      incurredOn: "2025-05-01",
      description: "封筒",
    });
  });
});
