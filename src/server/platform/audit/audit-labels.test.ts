// Item 8: every action and record kind the code writes to the audit log has a Japanese label. The types already
// refuse an unlabelled literal; this walks the source as well (ternaries, helpers that pass a kind through) and the
// import kinds registered at run time, so a code that slips past the types still fails here.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  AUDIT_ACTION_LABELS,
  AUDIT_ENTITY_LABELS,
  auditActionLabel,
  auditEntityLabel,
  importEntityType,
} from "../../../common/audit-labels";
import { registerModules } from "../../modules";
import { projectRoot } from "../../paths";
import { importKinds } from "../imports/registry";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return name.endsWith(".ts") && !name.includes(".test.") ? [full] : [];
  });
}

/** The text of a call's arguments: from `(` to its matching `)`. */
function argumentsAt(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")" && --depth === 0) return text.slice(open + 1, i);
  }
  return text.slice(open + 1);
}

/** The string literals an expression can yield (a ternary's branches; not the values its conditions compare with). */
const literals = (expression: string) =>
  [...expression.matchAll(/"([^"]*)"/g)].filter((m) => !/[=!]==\s*$/.test(expression.slice(0, m.index))).map((m) => m[1]);

/** Every action and entity type written by recordAudit calls (and the helpers that hand recordAudit a kind). */
function codesWritten(): { actions: Set<string>; entityTypes: Set<string>; calls: number } {
  const actions = new Set<string>();
  const entityTypes = new Set<string>();
  let calls = 0;
  for (const file of sourceFiles(path.join(projectRoot, "src", "server"))) {
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(/\brecordAudit\(/g)) {
      if (text.slice(Math.max(0, match.index - 20), match.index).includes("function")) continue;
      calls++;
      const args = argumentsAt(text, match.index + "recordAudit".length);
      for (const [, expression] of args.matchAll(/\baction:\s*([^,\n]+)/g)) for (const code of literals(expression)) actions.add(code);
      for (const [, expression] of args.matchAll(/\bentityType:\s*([^,\n]+)/g))
        for (const code of literals(expression)) entityTypes.add(code);
    }
    // money-routes' auditDownload(db, actor, "furusato_dashboard", …)
    for (const match of text.matchAll(/\bauditDownload\(\s*\w+,\s*\w+,\s*"([^"]+)"/g)) entityTypes.add(match[1]);
  }
  return { actions, entityTypes, calls };
}

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe("item 8: the audit log in Japanese", () => {
  it("item 8: every action and record kind the code writes has a Japanese label", () => {
    const { actions, entityTypes, calls } = codesWritten();
    expect(calls).toBeGreaterThan(80); // the walk found the calls (the code has about a hundred)
    expect(actions.size).toBeGreaterThan(40);
    expect([...actions].filter((code) => !(code in AUDIT_ACTION_LABELS))).toEqual([]);
    expect([...entityTypes].filter((code) => !(code in AUDIT_ENTITY_LABELS))).toEqual([]);
  });

  it("item 8: every registered import kind has its record-kind label", () => {
    registerModules();
    const kinds = importKinds().map((k) => k.kind);
    expect(kinds.length).toBeGreaterThan(1);
    expect(kinds.map(importEntityType).filter((code) => !(code in AUDIT_ENTITY_LABELS))).toEqual([]);
  });

  it("item 8: every label is Japanese, and the 返礼品 review actions are labelled one by one", () => {
    for (const label of [...Object.values(AUDIT_ACTION_LABELS), ...Object.values(AUDIT_ENTITY_LABELS)]) expect(label).toMatch(JAPANESE);
    expect(auditActionLabel("gift_差戻し")).toBe("返礼品の差戻し");
    expect(auditActionLabel("update")).toBe("変更");
    expect(auditEntityLabel("user")).toBe("利用者");
    // an older code no longer written is shown as it is rather than hidden
    expect(auditActionLabel("legacy_code")).toBe("legacy_code");
    expect(auditEntityLabel("import:old-kind")).toBe("取込（old-kind）");
  });
});
