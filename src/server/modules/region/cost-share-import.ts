// 負担金の算定に使う数値の読込: a CSV/Excel table (全国地方公共団体コード or 団体名, 項目, 数値, 出典) read through the
// platform's tabular reader and row validation, all or nothing: one wrong row and nothing is read, every problem named
// by row and column. It fills the computation form (usage figures, 基準財政需要額, the populations of members outside
// the 18 市町); nothing is stored until a computation is saved. A population of one of the 18 市町 is refused: those
// are read from the hub's registered figures (人口の一括登録).
import { z } from "zod";
import type { Queryable } from "../../db/database";
import { authorize, type Principal } from "../../platform/auth/permissions";
import { requireUpload, type Upload } from "../../platform/http/multipart";
import { TabularFormatError } from "../../platform/tabular/errors";
import { type ImportColumn, type ImportError, validateRowsInTurns } from "../../platform/tabular/import-rows";
import { readTable, tableFormat } from "../../platform/tabular/read-table";
import { getInputs } from "./cost-share-service";

interface FigureRow {
  code?: string;
  name?: string;
  item: string;
  value: number;
  source?: string;
}

const row = z
  .object({
    code: z
      .string()
      .normalize("NFKC")
      .trim()
      .regex(/^[0-9]{6}$/, "全国地方公共団体コードは6桁の数字です")
      .optional(),
    name: z.string().normalize("NFKC").trim().optional(),
    item: z.string().normalize("NFKC").trim().min(1, "項目を入力してください"),
    value: z.string().transform((text, ctx) => {
      const cleaned = text.normalize("NFKC").replace(/[,\s円人]/g, "");
      if (!/^\d+$/.test(cleaned)) {
        ctx.addIssue({ code: "custom", message: "数値は0以上の整数で入力してください" });
        return z.NEVER;
      }
      return Number(cleaned);
    }),
    source: z.string().trim().max(120).optional(),
  })
  .superRefine((r, ctx) => {
    if (!r.code && !r.name)
      ctx.addIssue({ code: "custom", path: ["code"], message: "全国地方公共団体コードか団体名のどちらかを入力してください" });
  });

const columns: ImportColumn<FigureRow>[] = [
  { key: "code", label: "全国地方公共団体コード", aliases: ["団体コード", "地方公共団体コード", "市区町村コード"] },
  { key: "name", label: "団体名", aliases: ["市町名", "市町村名", "構成団体"] },
  { key: "item", label: "項目", required: true, aliases: ["数値の項目", "区分"] },
  { key: "value", label: "数値", required: true, aliases: ["値", "実績", "人口"] },
  { key: "source", label: "出典", aliases: ["備考"] },
];

export const figureImportSpec = { columns, row: row as unknown as z.ZodType<FigureRow> };

const norm = (s: string) => s.normalize("NFKC").replace(/\s+/g, "");

export type FigureImportResult =
  | { ok: true; figures: Record<string, Record<string, number>>; count: number; fileName: string }
  | { ok: false; errors: ImportError[] };

export async function importFigures(
  db: Queryable,
  user: Principal | null,
  versionIds: readonly string[],
  upload: Upload | null,
): Promise<FigureImportResult> {
  authorize(user, "region.read");
  const inputs = await getInputs(db, user, versionIds);
  const file = requireUpload(upload);
  let table: Awaited<ReturnType<typeof readTable>>;
  try {
    table = await readTable(tableFormat(file.name, ""), file.bytes);
  } catch (error) {
    if (!(error instanceof TabularFormatError)) throw error;
    return { ok: false, errors: [{ row: 1, message: error.message }] };
  }
  if (table.rows.length === 0)
    return { ok: false, errors: [{ row: 1, message: "数値の行がありません。見出し行の下に1行以上入力してください" }] };
  const validated = await validateRowsInTurns(table, figureImportSpec);
  if (!validated.ok) return { ok: false, errors: validated.errors };
  const rowNumbers = table.rows.map((_, i) => table.rowNumbers?.[i] ?? i + 2);

  // 項目: the set's full label (人口（住民基本台帳…）, 利用者数（前年度）), or its short name when only one set has it
  const byItem = new Map<string, string[]>();
  const add = (item: string, key: string) => byItem.set(norm(item), [...(byItem.get(norm(item)) ?? []), key]);
  for (const set of inputs.sets) {
    add(set.label, set.key);
    add(set.kind === "population" ? "人口" : set.kind === "fiscal_need" ? "基準財政需要額" : set.label.replace(/（[^）]*）$/, ""), set.key);
  }
  const itemChoices = inputs.sets.map((s) => s.label).join("・");
  const members = inputs.members;
  const errors: ImportError[] = [];
  const figures: Record<string, Record<string, number>> = {};
  const firstRow = new Map<string, number>();
  let count = 0;
  validated.rows.forEach((r, i) => {
    const rowNumber = rowNumbers[i];
    const member = r.code
      ? members.find((m) => m.localGovernmentCode === r.code)
      : members.find((m) => norm(m.name) === norm(r.name ?? ""));
    if (!member) {
      errors.push({
        row: rowNumber,
        column: r.code ? "全国地方公共団体コード" : "団体名",
        message: `${r.code ? `コード ${r.code}` : `「${r.name}」`}はこの連携事業の参加団体ではありません`,
      });
      return;
    }
    if (r.code && r.name && norm(r.name) !== norm(member.name)) {
      errors.push({ row: rowNumber, column: "団体名", message: `団体名「${r.name}」とコード ${r.code}（${member.name}）が合いません` });
      return;
    }
    const keys = byItem.get(norm(r.item)) ?? [];
    if (keys.length !== 1) {
      errors.push({
        row: rowNumber,
        column: "項目",
        message:
          keys.length === 0
            ? `項目「${r.item}」はこのルールで使いません（${itemChoices || "入力する数値はありません"}）`
            : `項目「${r.item}」は複数あります。基準日・期間まで書いてください（${itemChoices}）`,
      });
      return;
    }
    const key = keys[0];
    const set = inputs.sets.find((s) => s.key === key)!;
    const rowOfSet = set.rows.find((x) => x.memberId === member.id);
    if (!rowOfSet) {
      errors.push({ row: rowNumber, column: "団体名", message: `${member.name}は「${set.label}」の対象団体ではありません` });
      return;
    }
    if (!rowOfSet.editable) {
      errors.push({
        row: rowNumber,
        column: "項目",
        message: `${member.name}の人口は登録済みの人口（${set.label}）を使います。変えるときは人口の一括登録で取り込んでください`,
      });
      return;
    }
    const seen = `${key}|${member.id}`;
    const first = firstRow.get(seen);
    if (first !== undefined) {
      errors.push({ row: rowNumber, column: "項目", message: `${member.name}の「${set.label}」の行が重複しています（${first}行目）` });
      return;
    }
    firstRow.set(seen, rowNumber);
    figures[key] = { ...(figures[key] ?? {}), [member.id]: r.value };
    count++;
  });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, figures, count, fileName: file.name };
}
