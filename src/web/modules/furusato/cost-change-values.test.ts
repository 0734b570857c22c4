// 費用を改定: the form's checks and the body it sends.
import { describe, expect, it } from "vitest";
import { m } from "../../messages";
import { costChangeBody, costChangeErrors, costChangeValues } from "./cost-change-values";
import { fm } from "./messages";

describe("cost change form values", () => {
  it("starts from today and the gift's current costs (empty when none)", () => {
    const values = costChangeValues({ procurementCost: 3000, shippingCost: null });
    expect(values.procurementCost).toBe("3000");
    expect(values.shippingCost).toBe("");
    expect(values.effectiveFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("asks for each field in Japanese and refuses what is not whole yen", () => {
    expect(costChangeErrors({ effectiveFrom: " ", procurementCost: "", shippingCost: "" })).toEqual({
      effectiveFrom: fm.costs.dateRequired,
      procurementCost: fm.form.procurementRequired,
      shippingCost: fm.form.shippingRequired,
    });
    expect(costChangeErrors({ effectiveFrom: "いつか", procurementCost: "-5", shippingCost: "1.5" })).toEqual({
      effectiveFrom: m.date.invalid,
      procurementCost: fm.form.numberInvalid,
      shippingCost: fm.form.numberInvalid,
    });
  });

  it("sends whole yen and the date as typed, trimmed", () => {
    const values = { effectiveFrom: " 令和7年4月1日 ", procurementCost: "3000", shippingCost: "800" };
    expect(costChangeErrors(values)).toEqual({});
    expect(costChangeBody(values)).toEqual({ effectiveFrom: "令和7年4月1日", procurementCost: 3000, shippingCost: 800 });
  });
});
