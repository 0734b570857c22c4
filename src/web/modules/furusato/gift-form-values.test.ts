// The gift form's checks (@mantine/form values → the shared giftDetailsSchema): Japanese messages on the input's own path.
import { describe, expect, it } from "vitest";
import { formKeys, type GiftFormValues, giftFormErrors, giftFormValues, giftPayload } from "./gift-form-values";
import { fm } from "./messages";

/** Does the path name a value of the form (so an input can show the message)? */
function hasInput(values: GiftFormValues, path: string): boolean {
  let node: unknown = values;
  for (const part of path.split(".")) {
    if (node === null || typeof node !== "object" || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return true;
}

function filled(patch: Partial<GiftFormValues> = {}): GiftFormValues {
  return {
    ...giftFormValues(),
    title: "北九州カレー",
    contents: "200g×6袋",
    temperature: "常温",
    procurementCost: "6,000",
    shippingCost: "1,000",
    costEffectiveFrom: "令和7年4月1日",
    supplierId: "s1",
    ...patch,
  };
}

describe("issue 13: the gift form on @mantine/form with the shared schema", () => {
  it("issue 13 forms: an empty new gift reports the same Japanese messages as before, each on its input", () => {
    const values = { ...giftFormValues(), costEffectiveFrom: "" };
    const errors = giftFormErrors(values, { isNew: true, isPartner: false });
    expect(errors).toMatchObject({
      title: "返礼品名を入力してください。",
      contents: "内容量を入力してください。",
      temperature: "温度帯を選んでください。",
      supplierId: fm.form.supplierRequired,
      procurementCost: fm.form.procurementRequired,
      shippingCost: fm.form.shippingRequired,
      costEffectiveFrom: fm.costs.dateRequired,
    });
    for (const path of Object.keys(errors)) expect(hasInput(values, path), path).toBe(true);
  });

  it("issue 13 forms: nested errors (period, subscription, certification rows) land on the input's path", () => {
    const values = filled({
      applicationPeriod: { from: "令和7年13月40日", until: "" },
      subscription: { enabled: true, deliveries: "1", schedule: "" },
      certifications: [{ key: 1, name: "", validFrom: "", validUntil: "" }],
    });
    const errors = giftFormErrors(values, { isNew: true, isPartner: false });
    expect(Object.keys(errors).sort()).toEqual(
      ["applicationPeriod.from", "certifications.0.name", "subscription.deliveries", "subscription.schedule"].sort(),
    );
    expect(errors["subscription.deliveries"]).toBe("定期便は2回以上です。");
    for (const path of Object.keys(errors)) expect(hasInput(values, path), path).toBe(true);
  });

  it("issue 13 forms: a number the form cannot read, or a schema limit without its own message, is said in Japanese", () => {
    const unreadable = giftFormErrors(filled({ limitedQuantity: "たくさん" }), { isNew: false, isPartner: false });
    expect(unreadable).toEqual({ limitedQuantity: fm.form.numberInvalid });
    // min(1) has no message of its own in the schema: the Japanese error map speaks for it.
    const zero = giftFormErrors(filled({ limitedQuantity: "0" }), { isNew: false, isPartner: false });
    expect(zero).toEqual({ limitedQuantity: "1以上の値を入力してください" });
  });

  it("issue 13 forms: a supplier's own account is not asked for a supplier, and an edit is not asked for costs", () => {
    const values = filled({ supplierId: "", procurementCost: "", shippingCost: "" });
    expect(giftFormErrors(values, { isNew: true, isPartner: true })).toEqual({
      procurementCost: fm.form.procurementRequired,
      shippingCost: fm.form.shippingRequired,
    });
    expect(giftFormErrors(values, { isNew: false, isPartner: false })).toEqual({});
  });

  it("issue 13 forms: valid values become the API's payload (trimmed, numbers read, 3イ only when chosen)", () => {
    const payload = giftPayload(
      filled({
        title: "  北九州カレー ",
        limitedQuantity: "１００",
        imageUrls: "https://example.jp/a.jpg\n\n https://example.jp/b.jpg ",
        rawMaterialSamePrefecture: "yes",
        subscription: { enabled: false, deliveries: "3", schedule: "毎月" },
      }),
    );
    expect(payload.details).toMatchObject({
      title: "北九州カレー",
      limitedQuantity: 100,
      imageUrls: ["https://example.jp/a.jpg", "https://example.jp/b.jpg"],
      rawMaterialSamePrefecture: null,
      subscription: null,
      applicationPeriod: { from: null, until: null },
    });
    expect(payload).toMatchObject({ procurementCost: 6000, shippingCost: 1000, costEffectiveFrom: "令和7年4月1日" });
  });

  it("issue 13 forms: the server's field keys (details.*) become the form's paths", () => {
    expect(formKeys({ "details.applicationPeriod.from": "x", supplierId: "y" })).toEqual({
      "applicationPeriod.from": "x",
      supplierId: "y",
    });
  });
});
