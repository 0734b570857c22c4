// The proposal form's values → the API's bodies: the contract's own schema in the browser, with Japanese messages keyed
// by the form's paths, and the first step's date read from 和暦 as typed.
import { describe, expect, it } from "vitest";
import { type ProposalFormValues, parseNewProposal, parseProposalEdit, proposalFormValues, stepDate } from "./proposal-form-values";

function filled(): ProposalFormValues {
  return {
    ...proposalFormValues(undefined, "2024-10-16"),
    title: "宇宙との920MHz帯通信に関する実験試験局の免許取得に係る規制改革",
    field: "space",
    partners: [{ key: "p1", name: "九州工業大学", kind: "university", role: "共同研究" }],
    regulations: [{ key: "r1", law: "電波法", article: "第4条", ministry: "総務省", note: "" }],
  };
}

describe("proposal form values", () => {
  it("a new proposal starts today, written in 和暦, and its body carries the ISO date", () => {
    const values = filled();
    expect(values.startedOn).toBe("令和6年10月16日");
    const parsed = parseNewProposal(values);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.body.startedOn).toBe("2024-10-16");
      expect(parsed.body.partners).toEqual([{ name: "九州工業大学", kind: "university", role: "共同研究" }]);
      expect(parsed.body.regulations[0]).toEqual({ law: "電波法", article: "第4条", ministry: "総務省", note: "" });
    }
  });

  it("names each missing field in Japanese at its path (title, field, a partner's name, a regulation's ministry)", () => {
    const values = { ...filled(), title: "  ", field: "" as const };
    values.partners = [{ key: "p1", name: "", kind: "company", role: "" }];
    values.regulations = [{ key: "r1", law: "電波法", article: "", ministry: "", note: "" }];
    const parsed = parseNewProposal(values);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.errors.title).toBe("提案名を入力してください。");
      expect(parsed.errors.field).toBe("分野を選んでください。");
      expect(parsed.errors["partners.0.name"]).toBe("連携先の名称を入力してください。");
      expect(parsed.errors["regulations.0.ministry"]).toBe("所管省庁を入力してください。");
    }
  });

  it("refuses a date it cannot read, or a whole month, for the first step", () => {
    expect(stepDate("R6.10.16")).toEqual({ ok: true, iso: "2024-10-16" });
    expect(stepDate("令和6年10月").ok).toBe(false);
    expect(stepDate("").ok).toBe(false);
    const parsed = parseNewProposal({ ...filled(), startedOn: "あした" });
    expect(parsed.ok ? null : parsed.errors.startedOn).toMatch(/日付を読み取れません/);
  });

  it("an edit sends the version it was filled from and no first-step fields", () => {
    const parsed = parseProposalEdit(filled(), 3);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.body.version).toBe(3);
      expect("startedOn" in parsed.body).toBe(false);
    }
  });
});
