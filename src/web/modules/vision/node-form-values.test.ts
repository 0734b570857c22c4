import { describe, expect, it } from "vitest";
import { type NodeFormTarget, nodeBody, nodeErrors, nodeValues } from "./node-form-values";

const target: NodeFormTarget = {
  mode: "create",
  parent: {
    id: "00000000-0000-4000-8000-000000000001",
    planId: "00000000-0000-4000-8000-000000000002",
    kind: "strategy",
    code: "1",
    title: "安らぐまち",
  },
  siblings: 2,
};

describe("plan tree node form", () => {
  it("starts a child after its siblings and sends the child's kind", () => {
    const values = { ...nodeValues(target), code: "1-3", title: "見守り" };
    expect(values.sortOrder).toBe("30");
    expect(nodeErrors(values, target)).toEqual({});
    expect(nodeBody(values, target)).toMatchObject({ kind: "measure", parentId: target.parent.id, weight: 1, sortOrder: 30 });
  });

  it("says a number it cannot read, and what the contract's schema refuses", () => {
    const errors = nodeErrors({ ...nodeValues(target), weight: "重い" }, target);
    expect(errors.weight).toBe("数値で入力してください。");
    expect(errors.title).toBeTruthy();
  });
});
