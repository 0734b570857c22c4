// ポータル出力テンプレート: a portal's export file described as DATA (file format + columns), so that staff can add a
// portal and its template from the UI later. The zod schema below is the guard for such user-made templates: unknown
// fields, unknown functions and type mistakes are rejected with Japanese messages before anything is rendered.
//
// Column values are a field of the export row, a constant, or an expression in a tiny language evaluated WITHOUT
// eval (tokenizer → parser → type check → closures):
//   "【ふるさと納税】" + default(listing.titleVariant, gift.title)
//   if(eq(action, "stop"), "1", "0")
//   yen(listing.donationAmount)  →  "12,000"
// Grammar:  expr := term ("+" term)* ;  term := string | integer | call | field | "(" expr ")"
//           call := name "(" [expr ("," expr)*] ")" ;  field := name ("." name)*
// "+" always concatenates text (1 + 2 is "12"); there is no arithmetic: derived numbers such as 返礼割合 are fields.
// Functions: if eq yen wareki join truncate replace default, plus percent (返礼割合), html (portal HTML fields) and
// lower (楽天 商品管理番号); expressionFunctions() lists them with their usage for the template editor.
// Values are text, number, boolean, date (ISO text) or list (of text); a missing value (null) renders as "".
//
// The parts: portal-template-types.ts (the shape), portal-template-fields.ts (the export row's fields),
// template-expression.ts (tokenizer and parser), template-functions.ts (the functions), template-compile.ts (type
// check and closures), portal-file-writer.ts (delimiters, quoting, encodings). This file is their public face: the
// template schema and its validation, and rendering a template into a portal's file.
import { z } from "zod";
import { ValidationError } from "../../platform/errors";
import { cellToSafeText } from "../../platform/tabular/formula-guard";
import { PortalFileBuilder, type RenderedPortalFile } from "./portal-file-writer";
import type { Value } from "./portal-template-fields";
import type { ColumnValue, ExportRow, PortalColumn, PortalFileFormat, PortalTemplate } from "./portal-template-types";
import { compileColumn, isConstValue } from "./template-compile";
import { TemplateExpressionError } from "./template-expression";
import { RenderValueError } from "./template-functions";

// The public API other files import from here.
export type { PortalFileBuilder, RenderedPortalFile, UnencodableCell } from "./portal-file-writer";
export { exportRowFields, type ValueType } from "./portal-template-fields";
export type { ColumnValue, ExportRow, PortalColumn, PortalFileFormat, PortalTemplate, TemplateOrigin } from "./portal-template-types";
export { expressionFunctions } from "./template-functions";

// ---------------------------------------------------------------------------------------------------------------
// Validation (the guard for templates made in the UI)

const FORMULA_START = /^[=+\-@\t\r]/;
// A file name the portals and Windows accept: no folders, no characters Windows forbids, not hidden.
const FILE_NAME = /^(?!\.)[^\\/:*?"<>|\p{Cc}]{1,100}$/u;

const unknownKeys = (issue: { code: string; keys?: string[] }) =>
  issue.code === "unrecognized_keys" ? `不明な設定項目です: ${(issue.keys ?? []).join("、")}` : undefined;

const textLines = (what: string) =>
  z
    .array(
      z
        .array(z.string({ error: `${what}は文字列で指定してください` }).max(500, `${what}は500文字以内にしてください`))
        .max(500, `${what}行は500列までです`),
      {
        error: `${what}行は文字列の配列の配列で指定してください`,
      },
    )
    .max(10, `${what}行は10行までです`);

const fileSchema = z.strictObject(
  {
    encoding: z.enum(["cp932", "utf-8", "utf-8-bom"], { error: "文字コードは cp932・utf-8・utf-8-bom のいずれかを指定してください" }),
    delimiter: z.enum([",", "\t"], { error: "区切り文字はカンマ（,）かタブを指定してください" }),
    lineEnding: z.enum(["\r\n", "\n"], { error: "改行コードは CRLF（\\r\\n）か LF（\\n）を指定してください" }),
    quote: z.enum(["minimal", "all"], { error: "囲み方は minimal（必要なときだけ）か all（すべて）を指定してください" }),
    titleLines: textLines("タイトル").optional(),
    headerLines: textLines("見出し"),
    fileName: z
      .string({ error: "ファイル名を指定してください" })
      .regex(FILE_NAME, 'ファイル名に使えない文字が含まれているか、長さが1〜100文字ではありません（/ \\ : * ? " < > | は使えません）'),
  },
  { error: unknownKeys },
);

const columnValueSchema = z
  .strictObject(
    {
      field: z.string({ error: "field は文字列で指定してください" }).optional(),
      const: z.string({ error: "const は文字列で指定してください" }).max(10_000, "固定値は10,000文字以内にしてください").optional(),
      expr: z.string({ error: "expr は文字列で指定してください" }).optional(),
    },
    { error: unknownKeys },
  )
  .superRefine((value, ctx) => {
    const kinds = (["field", "const", "expr"] as const).filter((k) => value[k] !== undefined);
    if (kinds.length !== 1) {
      ctx.addIssue({ code: "custom", message: "値は field（項目）・const（固定値）・expr（式）のどれか1つで指定してください" });
      return;
    }
    try {
      compileColumn(value as ColumnValue);
    } catch (e) {
      if (!(e instanceof TemplateExpressionError)) throw e;
      ctx.addIssue({ code: "custom", message: e.message, path: [kinds[0]] });
    }
  })
  .transform((value): ColumnValue => {
    if (value.field !== undefined) return { field: value.field };
    if (value.const !== undefined) return { const: value.const };
    return { expr: value.expr ?? "" };
  });

const columnSchema = z.strictObject(
  {
    header: z.string({ error: "列の見出しを文字列で指定してください" }).max(500, "見出しは500文字以内にしてください"),
    value: columnValueSchema,
    required: z.boolean({ error: "required（必須）は true か false で指定してください" }).optional(),
  },
  { error: unknownKeys },
);

export const portalTemplateSchema = z
  .strictObject(
    {
      file: fileSchema,
      columns: z
        .array(columnSchema, { error: "列の定義を配列で指定してください" })
        .min(1, "列を1つ以上定義してください")
        .max(500, "列は500までです"),
      origin: z
        .strictObject(
          {
            kind: z.enum(["designed", "subset", "portal-file"], { error: "origin.kind は designed・subset・portal-file のいずれかです" }),
            fileName: z.string().max(200).optional(),
          },
          { error: unknownKeys },
        )
        .optional(),
    },
    { error: unknownKeys },
  )
  .superRefine((template, ctx) => {
    (template.file.titleLines ?? []).forEach((line, i) => {
      line.forEach((cell, j) => {
        if (FORMULA_START.test(cell)) {
          ctx.addIssue({
            code: "custom",
            path: ["file", "titleLines", i, j],
            message: `タイトル行「${cell}」は = + - @ で始められません（表計算ソフトが数式として実行します）`,
          });
        }
      });
    });
    template.file.headerLines.forEach((line, i) => {
      if (line.length !== template.columns.length) {
        ctx.addIssue({
          code: "custom",
          path: ["file", "headerLines", i],
          message: `見出し行${i + 1}の列数（${line.length}）が列の定義の数（${template.columns.length}）と一致しません`,
        });
      }
      line.forEach((cell, j) => {
        // Header lines are written verbatim (no formula guard), so a formula-like header is refused here instead.
        if (FORMULA_START.test(cell)) {
          ctx.addIssue({
            code: "custom",
            path: ["file", "headerLines", i, j],
            message: `見出し「${cell}」は = + - @ で始められません（表計算ソフトが数式として実行します）`,
          });
        }
      });
    });
  });

/**
 * Validates a template (e.g. one saved from the UI); throws ValidationError with every problem in Japanese, also
 * keyed by path (`columns.3.value.expr`) in `fields` so the editor can show each message beside its input.
 */
export function parsePortalTemplate(input: unknown): PortalTemplate {
  const result = portalTemplateSchema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  const lines = result.error.issues.map((issue) => {
    const path = issue.path.map(String).join(".");
    fields[path] = fields[path] ? `${fields[path]} / ${issue.message}` : issue.message;
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  throw new ValidationError(`出力テンプレートに誤りがあります: ${lines.join(" / ")}`, fields);
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering

export interface CompiledTemplate {
  template: PortalTemplate;
  headers: string[];
  /** per column: its value depends on action/isNew (コントロールカラム, 倉庫指定 …) */
  usesAction: boolean[];
  /** per column: a constant, which nobody would have typed per gift */
  isConst: boolean[];
  /** per column: 必須 (the portal refuses the row when it is empty) */
  required: boolean[];
  /** the row's cell texts: formula-neutralised, numbers as typed, booleans as 1/0, null as "" */
  renderRow(row: ExportRow, rowNumber?: number): string[];
}

const compiledCache = new WeakMap<PortalTemplate, CompiledTemplate>();

// The first characters cellToSafeText neutralises (= + - @ tab CR): text starting with anything else is returned as is,
// without the call (the most frequent case of the most frequent value type).
const FORMULA_START_CODES = new Set([0x3d, 0x2b, 0x2d, 0x40, 0x09, 0x0d]);

/** A value's cell text: formula-neutralised, numbers as typed, booleans as 1/0, null as "". */
function cellText(v: Value): string {
  if (typeof v === "string") return FORMULA_START_CODES.has(v.charCodeAt(0)) ? cellToSafeText(v) : v;
  if (typeof v === "boolean") return v ? "1" : "0";
  return cellToSafeText(Array.isArray(v) ? v.join(",") : v);
}

/** Validates and compiles a template once (cached per template object: treat a template as immutable once rendered). */
export function compilePortalTemplate(template: PortalTemplate): CompiledTemplate {
  const cached = compiledCache.get(template);
  if (cached) return cached;
  const valid = parsePortalTemplate(template);
  const columns = valid.columns.map((c) => compileColumn(c.value));
  const evals = columns.map((c) => c.eval);
  const headers = valid.columns.map((c) => c.header);
  const compiled: CompiledTemplate = {
    template,
    headers,
    usesAction: columns.map((c) => c.usesAction),
    isConst: valid.columns.map((c) => isConstValue(c.value)),
    required: valid.columns.map((c) => c.required === true),
    renderRow(row, rowNumber) {
      const cells = new Array<string>(evals.length);
      for (let i = 0; i < evals.length; i++) {
        let v: Value;
        try {
          v = evals[i](row);
        } catch (e) {
          if (!(e instanceof RenderValueError)) throw e;
          const where = rowNumber === undefined ? "" : `${rowNumber}行目・`;
          throw new ValidationError(`${where}列「${headers[i]}」（返礼品 ${row.gift.code}）: ${e.message}`);
        }
        cells[i] = cellText(v);
      }
      return cells;
    },
  };
  compiledCache.set(template, compiled);
  return compiled;
}

/** The rows written before the data: title lines, then header lines. */
function leadingLines(file: PortalFileFormat): string[][] {
  return [...(file.titleLines ?? []), ...file.headerLines];
}

/**
 * A portal file with the template's title and header lines written; add data rows (from CompiledTemplate.renderRow)
 * one at a time as they are rendered, then finish().
 */
export function startPortalFile(compiled: CompiledTemplate): PortalFileBuilder {
  const { file } = compiled.template;
  const builder = new PortalFileBuilder(file, compiled.headers);
  for (const line of leadingLines(file)) builder.add(line, null);
  return builder;
}

/** Writes already-rendered data rows (from CompiledTemplate.renderRow) after the template's title and header lines. */
export function writePortalFile(
  compiled: CompiledTemplate,
  rows: readonly (readonly string[])[],
  giftCodes: readonly string[],
): RenderedPortalFile {
  const builder = startPortalFile(compiled);
  rows.forEach((cells, i) => {
    builder.add(cells, giftCodes[i] ?? null);
  });
  return builder.finish();
}

/**
 * The headers of the required columns (必須) that this row leaves empty: the portal would refuse the row, so the
 * check before export holds the gift with a message naming each column.
 */
export function emptyRequiredColumns(compiled: CompiledTemplate, row: ExportRow): string[] {
  if (!compiled.required.includes(true)) return [];
  const cells = compiled.renderRow(row);
  return compiled.headers.filter((_, i) => compiled.required[i] && cells[i].trim() === "");
}

/** Renders one portal's upload file from export rows. Throws ValidationError for an invalid template. */
export function renderPortalFile(template: PortalTemplate, rows: readonly ExportRow[]): RenderedPortalFile {
  const compiled = compilePortalTemplate(template);
  const offset = leadingLines(template.file).length;
  const rendered = rows.map((row, i) => compiled.renderRow(row, offset + i + 1));
  return writePortalFile(
    compiled,
    rendered,
    rows.map((r) => r.gift.code),
  );
}

/** The template's column headers as its one header line (most portals: the first line names the columns). */
export function headerLineFromColumns(columns: readonly PortalColumn[]): string[] {
  return columns.map((c) => c.header);
}
