// The template expression language's syntax: tokenizer and parser, from source text to a tree (Node). No eval: the
// tree is type-checked and turned into closures by template-compile.ts.
// Grammar:  expr := term ("+" term)* ;  term := string | integer | call | field | "(" expr ")"
//           call := name "(" [expr ("," expr)*] ")" ;  field := name ("." name)*

/** A mistake in a template's expression; `message` is Japanese and names the position where it helps. */
export class TemplateExpressionError extends Error {}

const MAX_DEPTH = 40;

type Token =
  | { kind: "string"; value: string; pos: number }
  | { kind: "number"; value: number; pos: number }
  | { kind: "name"; value: string; pos: number }
  | { kind: "punct"; value: "(" | ")" | "," | "+" | "."; pos: number }
  | { kind: "end"; pos: number };

const NAME_START = /[\p{L}_]/u;
const NAME_PART = /[\p{L}\p{N}_]/u;
const ESCAPES: Readonly<Record<string, string>> = { n: "\n", r: "\r", t: "\t", '"': '"', "'": "'", "\\": "\\" };

/** A position for a message: the 1-based character. */
export function at(pos: number): string {
  return `${pos + 1}文字目`;
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const chars = Array.from(source);
  let i = 0;
  while (i < chars.length) {
    const ch = chars[i];
    if (/\s/u.test(ch)) {
      i++;
    } else if (ch === '"' || ch === "'") {
      const start = i;
      let value = "";
      i++;
      for (;;) {
        if (i >= chars.length) throw new TemplateExpressionError(`${at(start)}から始まる文字列が閉じられていません`);
        const c = chars[i];
        if (c === ch) break;
        if (c === "\\") {
          const escaped = ESCAPES[chars[i + 1] ?? ""];
          if (escaped === undefined)
            throw new TemplateExpressionError(`${at(i)}: 使えないエスケープです（\\n \\r \\t \\" \\' \\\\ が使えます）`);
          value += escaped;
          i += 2;
        } else {
          value += c;
          i++;
        }
      }
      i++;
      tokens.push({ kind: "string", value, pos: start });
    } else if (/[0-9]/.test(ch)) {
      const start = i;
      while (i < chars.length && /[0-9]/.test(chars[i])) i++;
      if (i < chars.length && NAME_PART.test(chars[i])) throw new TemplateExpressionError(`${at(start)}: 数値の後に文字が続いています`);
      tokens.push({ kind: "number", value: Number(chars.slice(start, i).join("")), pos: start });
    } else if (NAME_START.test(ch)) {
      const start = i;
      while (i < chars.length && NAME_PART.test(chars[i])) i++;
      tokens.push({ kind: "name", value: chars.slice(start, i).join(""), pos: start });
    } else if (ch === "(" || ch === ")" || ch === "," || ch === "+" || ch === ".") {
      tokens.push({ kind: "punct", value: ch as "(" | ")" | "," | "+" | ".", pos: i });
      i++;
    } else {
      const hint = ch === "（" || ch === "）" || ch === "、" || ch === "＋" || ch === "”" || ch === "“" ? "（半角で入力してください）" : "";
      throw new TemplateExpressionError(`${at(i)}: 式に使えない文字です「${ch}」${hint}`);
    }
  }
  tokens.push({ kind: "end", pos: chars.length });
  return tokens;
}

export type Node =
  | { kind: "string"; value: string }
  | { kind: "number"; value: number }
  | { kind: "field"; path: string; pos: number }
  | { kind: "call"; name: string; args: Node[]; pos: number }
  | { kind: "concat"; parts: Node[] };

export function parse(source: string): Node {
  const tokens = tokenize(source);
  let index = 0;
  const peek = () => tokens[index];
  const isPunct = (value: string) => {
    const t = peek();
    return t.kind === "punct" && t.value === value;
  };
  const expect = (value: string, what: string) => {
    if (!isPunct(value)) throw new TemplateExpressionError(`${at(peek().pos)}: ${what}がありません`);
    index++;
  };

  function expression(depth: number): Node {
    if (depth > MAX_DEPTH) throw new TemplateExpressionError(`式の入れ子が深すぎます（${MAX_DEPTH}段まで）`);
    const parts = [term(depth)];
    while (isPunct("+")) {
      index++;
      parts.push(term(depth));
    }
    return parts.length === 1 ? parts[0] : { kind: "concat", parts };
  }

  function term(depth: number): Node {
    const t = peek();
    if (t.kind === "string" || t.kind === "number") {
      index++;
      return t.kind === "string" ? { kind: "string", value: t.value } : { kind: "number", value: t.value };
    }
    if (t.kind === "punct" && t.value === "(") {
      index++;
      const inner = expression(depth + 1);
      expect(")", "閉じかっこ「)」");
      return inner;
    }
    if (t.kind === "name") {
      index++;
      if (isPunct("(")) {
        index++;
        const args: Node[] = [];
        if (!isPunct(")")) {
          args.push(expression(depth + 1));
          while (isPunct(",")) {
            index++;
            args.push(expression(depth + 1));
          }
        }
        expect(")", `${t.value}( の閉じかっこ「)」`);
        return { kind: "call", name: t.value, args, pos: t.pos };
      }
      let path = t.value;
      while (isPunct(".")) {
        index++;
        const next = peek();
        if (next.kind !== "name") throw new TemplateExpressionError(`${at(next.pos)}: 「.」の後に項目名がありません`);
        path += `.${next.value}`;
        index++;
      }
      return { kind: "field", path, pos: t.pos };
    }
    if (t.kind === "end") throw new TemplateExpressionError("式が途中で終わっています");
    throw new TemplateExpressionError(`${at(t.pos)}: ここに「${t.value}」は書けません`);
  }

  const root = expression(0);
  const rest = peek();
  if (rest.kind !== "end") {
    throw new TemplateExpressionError(`${at(rest.pos)}: 式の後に余分な記述があります（文字列をつなぐには + を使います）`);
  }
  return root;
}
