// 局区方針 → Word (.docx): the document itself is built in render-docx-document.ts. It and the `docx` library it
// uses are imported on the first export rather than at start-up (issue 14: docx alone is ~0.5 MB of code to load).
import type { PolicyDocumentContent } from "../../../common/policy/types.js";
import type { PolicyRenderOptions } from "./render-model.js";

export async function renderPolicyDocx(doc: PolicyDocumentContent, options: PolicyRenderOptions = {}): Promise<Buffer> {
  const { buildPolicyDocx } = await import("./render-docx-document.js");
  return buildPolicyDocx(doc, options);
}
