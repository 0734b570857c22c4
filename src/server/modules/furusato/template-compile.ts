// The type-checking compiler of template values: a column's field, constant or expression becomes a typed closure over
// the export row. Unknown fields and functions and type mistakes are TemplateExpressionErrors in Japanese.
import { FIELDS_USING_ACTION, lookupField, unknownFieldMessage } from "./portal-template-fields";
import type { ColumnValue } from "./portal-template-types";
import { at, type Node, parse, TemplateExpressionError } from "./template-expression";
import { type Compiled, FUNCTIONS, requireType, TEXTUAL, toText } from "./template-functions";

const MAX_EXPRESSION_LENGTH = 4000;

function compileNode(node: Node): Compiled {
  switch (node.kind) {
    case "string":
      return { type: "text", eval: () => node.value, usesAction: false };
    case "number":
      return { type: "number", eval: () => node.value, usesAction: false, literal: node.value };
    case "field": {
      const def = lookupField(node.path);
      if (!def) throw new TemplateExpressionError(`${at(node.pos)}: ${unknownFieldMessage(node.path)}`);
      return { type: def.type, eval: def.get, usesAction: FIELDS_USING_ACTION.has(node.path) };
    }
    case "concat": {
      const parts = node.parts.map(compileNode);
      const fail = (message: string): never => {
        throw new TemplateExpressionError(message);
      };
      parts.forEach((p, i) => {
        requireType(p, TEXTUAL, `+ でつなぐ${i + 1}番目の値`, fail);
      });
      const evals = parts.map((p) => p.eval);
      return {
        type: "text",
        eval: (r) => {
          let out = "";
          for (const e of evals) out += toText(e(r));
          return out;
        },
        usesAction: parts.some((p) => p.usesAction),
      };
    }
    case "call": {
      const def = FUNCTIONS.get(node.name);
      if (!def) {
        throw new TemplateExpressionError(
          `${at(node.pos)}: 不明な関数です: ${node.name}()（使える関数: ${[...FUNCTIONS.keys()].join("、")}）`,
        );
      }
      if (node.args.length !== def.arity) {
        throw new TemplateExpressionError(
          `${at(node.pos)}: ${node.name}() の引数は${def.arity}個です（${node.args.length}個あります）: ${def.usage}`,
        );
      }
      const args = node.args.map(compileNode);
      const type = def.check(args, (message) => {
        throw new TemplateExpressionError(`${at(node.pos)}: ${message}`);
      });
      return { type, eval: def.build(args), usesAction: args.some((a) => a.usesAction) };
    }
  }
}

function compileExpression(source: string): Compiled {
  if (source.trim() === "") throw new TemplateExpressionError("式が空です");
  if (source.length > MAX_EXPRESSION_LENGTH) throw new TemplateExpressionError(`式が長すぎます（${MAX_EXPRESSION_LENGTH}文字まで）`);
  return compileNode(parse(source));
}

export function isConstValue(value: ColumnValue): value is { const: string } {
  return typeof (value as { const?: unknown }).const === "string";
}

function isFieldValue(value: ColumnValue): value is { field: string } {
  return typeof (value as { field?: unknown }).field === "string";
}

function compileValue(value: ColumnValue): Compiled {
  if (isConstValue(value)) {
    const text = value.const;
    return { type: "text", eval: () => text, usesAction: false };
  }
  if (isFieldValue(value)) {
    const def = lookupField(value.field);
    if (!def) throw new TemplateExpressionError(unknownFieldMessage(value.field));
    return { type: def.type, eval: def.get, usesAction: FIELDS_USING_ACTION.has(value.field) };
  }
  return compileExpression(value.expr);
}

/** A column's value, compiled; a list must be joined into text first. */
export function compileColumn(value: ColumnValue): Compiled {
  const compiled = compileValue(value);
  if (compiled.type === "list") {
    const source = isFieldValue(value) ? value.field : "…";
    throw new TemplateExpressionError(`リストはそのまま列にできません。join(${source}, " ") のように文字列にしてください`);
  }
  return compiled;
}
