// The 取込設定 editor's values and check (@mantine/form values → the API's config): errors land on the input's path.
import { describe, expect, it } from "vitest";
import { donationMappingConfigSchema } from "../../../common/furusato/donation-mapping";
import { lm } from "./ledgerMessages";
import { checkMapping, type MappingFormValues, mappingFormValues, textRow, valueRow } from "./mapping-form-values";

const config = donationMappingConfigSchema.parse({
  headerRow: 2,
  columns: { orderNumber: ["受付番号"], appliedOn: ["申込日"], amount: ["寄附金額"], donorName: ["姓", "名"] },
  valueMaps: { paymentMethod: { クレジット: "クレジットカード" }, resident: { 市内: true } },
  defaults: { status: "入金済" },
  residentAddressPrefixes: ["福岡県北九州市"],
});

function values(patch: Partial<MappingFormValues> = {}): MappingFormValues {
  return { ...mappingFormValues({ name: "チョイス標準", config }), ...patch };
}

describe("mappingFormValues ↔ checkMapping", () => {
  it("gives back the same config it was made from", () => {
    const { value, errors } = checkMapping(values());
    expect(errors).toEqual({});
    expect(value).toEqual({ name: "チョイス標準", config });
  });

  it("shows a flag's value as text and leaves blank rows and blank fields out", () => {
    const form = values();
    expect(form.valueMaps.resident.map((r) => r.target)).toEqual(["true"]);
    form.columns.donorKana = [textRow("  ")];
    form.prefixes = [textRow(""), ...form.prefixes];
    form.valueMaps.status = [valueRow()];
    const { value } = checkMapping(form);
    expect(value?.config.columns.donorKana).toBeUndefined();
    expect(value?.config.residentAddressPrefixes).toEqual(["福岡県北九州市"]);
    expect(value?.config.valueMaps.status).toBeUndefined();
  });

  it("puts each error on the input's path", () => {
    const form = values({ name: " ", headerRow: "1.5" });
    form.columns.donorName = [textRow("姓"), textRow("x".repeat(101))];
    form.valueMaps.paymentMethod = [valueRow("クレジット", "クレジットカード"), valueRow("クレジット", ""), valueRow("", "口座振替")];
    form.prefixes = [textRow(""), textRow("福")];
    const { value, errors } = checkMapping(form);
    expect(value).toBeNull();
    expect(errors).toMatchObject({
      name: lm.editor.nameRequired,
      headerRow: lm.editor.headerRowInvalid,
      "valueMaps.paymentMethod.1.source": lm.editor.duplicateSource,
      "valueMaps.paymentMethod.1.target": lm.editor.targetRequired,
      "valueMaps.paymentMethod.2.source": lm.editor.sourceRequired,
    });
    expect(errors["columns.donorName.1.text"]).toBeTruthy();
    expect(errors["prefixes.1.text"]).toBeTruthy();
  });

  it("names a required field without headings on the field as a whole", () => {
    const form = values();
    form.columns.amount = [textRow(" ")];
    const { value, errors } = checkMapping(form);
    expect(value).toBeNull();
    expect(Object.keys(errors)).toEqual(["columns.amount"]);
    expect(errors["columns.amount"]).toContain("寄附金額");
  });
});
