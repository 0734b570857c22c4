// The values of the add / edit node form (plan tree) and their conversion to the API's body, checked with the
// contract's own schema so the browser says what the server would.
import { createNode, type NodeKind, type ROLLUP_METHODS, updateNode, type VisionNode } from "../../../common/api/vision";
import { japaneseErrorMap } from "../../../common/zod-japanese";
import { bodyOf, issuesToFields, numberText, parseNumberText } from "./components";
import { vm } from "./messages";

const CHILD_KIND: Record<NodeKind, NodeKind | null> = { vision: "strategy", strategy: "measure", measure: "project", project: null };
export function childKindOf(kind: NodeKind): "strategy" | "measure" | "project" | null {
  return CHILD_KIND[kind] as "strategy" | "measure" | "project" | null;
}

export interface ParentOption {
  id: string;
  planId: string;
  kind: NodeKind;
  code: string;
  title: string;
}

export type NodeFormTarget =
  | { mode: "create"; parent: ParentOption; siblings: number }
  | { mode: "edit"; node: VisionNode; parents: ParentOption[] };

export interface NodeValues {
  code: string;
  title: string;
  description: string;
  ownerOrganisationId: string;
  rollupMethod: (typeof ROLLUP_METHODS)[number];
  weight: string;
  sortOrder: string;
  parentId: string;
}

export function nodeValues(target: NodeFormTarget): NodeValues {
  if (target.mode === "edit") {
    const n = target.node;
    return {
      code: n.code,
      title: n.title,
      description: n.description,
      ownerOrganisationId: n.ownerOrganisationId ?? "",
      rollupMethod: n.rollupMethod,
      weight: numberText(n.weight),
      sortOrder: String(n.sortOrder),
      parentId: n.parentId ?? "",
    };
  }
  return {
    code: "",
    title: "",
    description: "",
    ownerOrganisationId: "",
    rollupMethod: "average",
    weight: "1",
    sortOrder: String((target.siblings + 1) * 10),
    parentId: target.parent.id,
  };
}

/** The body to send (a number that does not parse becomes NaN, which the schema refuses). */
export function nodeBody(values: NodeValues, target: NodeFormTarget): Record<string, unknown> {
  const common = {
    code: values.code,
    title: values.title,
    description: values.description,
    ownerOrganisationId: values.ownerOrganisationId || null,
    rollupMethod: values.rollupMethod,
    weight: parseNumberText(values.weight) ?? Number.NaN,
    sortOrder: parseNumberText(values.sortOrder) ?? Number.NaN,
  };
  return target.mode === "create"
    ? { parentId: target.parent.id, kind: childKindOf(target.parent.kind), ...common }
    : { version: target.node.version, parentId: values.parentId || null, ...common };
}

/** Errors by field: a number that is not one says so, other problems come from the contract's schema. */
export function nodeErrors(values: NodeValues, target: NodeFormTarget): Record<string, string> {
  const found: Record<string, string> = {};
  if (parseNumberText(values.weight) == null) found.weight = vm.nodeForm.numberInvalid;
  if (parseNumberText(values.sortOrder) == null) found.sortOrder = vm.nodeForm.numberInvalid;
  const schema = target.mode === "create" ? bodyOf(createNode) : bodyOf(updateNode);
  const parsed = schema.safeParse(nodeBody(values, target), { error: japaneseErrorMap });
  return parsed.success ? found : { ...issuesToFields(parsed.error.issues), ...found };
}
