import { describe, expect, it } from "vitest";
import type { ProjectDetail } from "../../../common/api/international";
import { parseProject, projectBody, projectValues } from "./project-form-values";

const ORG = "00000000-0000-4000-8000-000000000001";
const FIELD = "00000000-0000-4000-8000-000000000002";
const PARTNER = "00000000-0000-4000-8000-000000000003";

const filled = () => ({
  ...projectValues(undefined, { ownerOrganisationId: ORG, fiscalYear: 2024 }),
  name: "大連市との環境技術協力",
  fieldId: FIELD,
  themes: ["環境", " "],
  partnerIds: [PARTNER],
  years: [{ key: "a", fiscalYear: "2024", fundingSource: "national" as const, budget: "１,２００,０００", settled: "" }],
  indicators: [
    {
      key: "b",
      name: "研修受入人数",
      unit: "人",
      direction: "higher" as const,
      baselineValue: "10",
      baselineFiscalYear: "2023",
      targetValue: "30",
      targetFiscalYear: "2027",
      results: [{ key: "c", fiscalYear: "2024", value: "12.5" }],
    },
  ],
});

describe("国際関連事業 form values", () => {
  it("a new project is the caller's division's, starts this 年度 and is internal", () => {
    const values = projectValues(undefined, { ownerOrganisationId: ORG, fiscalYear: 2024 });
    expect(values).toMatchObject({
      ownerOrganisationId: ORG,
      firstFiscalYear: "2024",
      lastFiscalYear: "",
      visibility: "internal",
      status: "planned",
    });
  });

  it("sends yen typed with commas and full-width digits as integers, an empty 決算額 as null, blank themes dropped", () => {
    const result = parseProject(filled());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.body.years).toEqual([{ fiscalYear: 2024, fundingSource: "national", budget: 1_200_000, settled: null }]);
    expect(result.body.themes).toEqual(["環境"]);
    expect(result.body.indicators[0]).toMatchObject({
      baselineValue: 10,
      targetFiscalYear: 2027,
      results: [{ fiscalYear: 2024, value: 12.5 }],
    });
    expect(result.body.isPublic).toBe(false);
    expect(result.body.lastFiscalYear).toBeNull();
  });

  it("names the fields it cannot read, with the form's paths and the contract's Japanese messages", () => {
    const values = filled();
    values.name = "";
    values.fieldId = "";
    values.lastFiscalYear = "2020";
    values.years[0].budget = "百万円";
    values.indicators[0].targetFiscalYear = "2020";
    const result = parseProject(values);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.name).toBe("事業名を入力してください。");
    expect(result.errors.fieldId).toBe("分野を選んでください。");
    expect(result.errors["years.0.budget"]).toBe("金額を数値（円）で入力してください。");
    expect(result.errors.lastFiscalYear).toBe("終了年度は開始年度以降です。");
    expect(result.errors["indicators.0.targetFiscalYear"]).toBe("目標年度は基準年度以降です。");
  });

  it("a project read back gives the same body it was saved from", () => {
    const saved = parseProject(filled());
    if (!saved.ok) throw new Error("expected the filled form to parse");
    const detail = {
      ...saved.body,
      id: "p1",
      ownerName: "国際政策課",
      bureauName: "政策局",
      fieldName: "国際技術協力",
      partners: [{ id: PARTNER, label: "大連市（中国）" }],
      budgetTotal: 1_200_000,
      settledTotal: 0,
      updatedAt: "2025-01-01T00:00:00Z",
      sourceKey: null,
      isSample: false,
      indicators: saved.body.indicators.map((i, n) => ({ ...i, id: `i${n}`, grade: null, achievement: null, gradeNote: "" })),
      trips: [],
      version: 3,
      canEdit: true,
    } satisfies ProjectDetail;
    const again = projectValues(detail, { ownerOrganisationId: "other", fiscalYear: 2030 });
    expect(again.years[0].budget).toBe("1,200,000");
    expect(projectBody(again)).toEqual(projectBody({ ...filled(), themes: ["環境"] }));
  });
});
