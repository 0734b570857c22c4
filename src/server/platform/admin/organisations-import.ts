// 組織の一括登録: the organisation chart as CSV/Excel (組織コード, 組織名, 種別, 上位組織コード, 表示順), as city halls
// revise it every April. Rows are matched by 組織コード: new codes are added, known ones updated; nothing is deleted.
import { z } from "zod";
import { ORGANISATION_KIND_LABELS, type OrganisationKind } from "../../../common/api/platform";
import type { Queryable } from "../../db/database";
import { recordAudit } from "../audit/audit";
import type { TabularImportKind } from "../imports/registry";
import type { ImportError } from "../tabular/import-rows";
import { placementAllowed } from "./organisations";

const KIND_BY_LABEL = new Map(Object.entries(ORGANISATION_KIND_LABELS).map(([kind, label]) => [label, kind as OrganisationKind]));

interface OrganisationImportRow {
  code: string;
  name: string;
  kind: OrganisationKind;
  parentCode?: string;
  sortOrder?: number;
}

const row = z.object({
  code: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, "組織コードは半角英数字・_・- で40文字以内にしてください"),
  name: z.string().max(100, "組織名は100文字以内にしてください"),
  kind: z.string().transform((label, ctx) => {
    const kind = KIND_BY_LABEL.get(label) ?? (label in ORGANISATION_KIND_LABELS ? (label as OrganisationKind) : undefined);
    if (!kind) {
      ctx.addIssue({ code: "custom", message: `種別は ${Object.values(ORGANISATION_KIND_LABELS).join("・")} のいずれかです` });
      return z.NEVER;
    }
    return kind;
  }),
  parentCode: z.string().optional(),
  sortOrder: z.coerce.number().int("表示順は整数で入力してください").min(0).max(100000).optional(),
});

export const organisationsImport: TabularImportKind<OrganisationImportRow> = {
  kind: "organisations",
  label: "組織の一括登録",
  permission: "admin.manage",
  spec: {
    columns: [
      { key: "code", label: "組織コード", required: true },
      { key: "name", label: "組織名", required: true },
      { key: "kind", label: "種別", required: true },
      { key: "parentCode", label: "上位組織コード", required: true },
      { key: "sortOrder", label: "表示順" },
    ],
    row,
  },
  async apply(tx, rows, actor, rowNumbers) {
    const errors: ImportError[] = [];
    const existing = await tx.query<{ id: string; code: string; kind: OrganisationKind }>(
      "SELECT id, code, kind FROM organisations WHERE code IS NOT NULL",
    );
    const known = new Map(existing.rows.map((o) => [o.code, o]));
    const inFile = new Map<string, number>();
    rows.forEach((r, i) => {
      if (inFile.has(r.code))
        errors.push({
          row: rowNumbers[i],
          column: "組織コード",
          message: `組織コード ${r.code} がファイル内で重複しています（${inFile.get(r.code)}行目）`,
        });
      inFile.set(r.code, rowNumbers[i]);
    });
    const kindOf = (code: string) => rows.find((r) => r.code === code)?.kind ?? known.get(code)?.kind;
    rows.forEach((r, i) => {
      if (r.parentCode && !kindOf(r.parentCode))
        errors.push({ row: rowNumbers[i], column: "上位組織コード", message: `上位組織コード ${r.parentCode} が見つかりません` });
      else if (!placementAllowed(r.kind, r.parentCode ? (kindOf(r.parentCode) ?? null) : null)) {
        errors.push({ row: rowNumbers[i], column: "種別", message: "この種別はその上位組織の下に置けません（自治体→局→部→課）" });
      }
    });
    if (errors.length > 0) return { errors };

    // Parents first, so every parent id exists when its children are written.
    const { ordered, cycle } = orderParentsFirst(rows);
    if (cycle.length > 0) {
      return {
        errors: cycle.map((r) => ({
          row: rowNumbers[rows.indexOf(r)],
          column: "上位組織コード",
          message: "上位組織の関係が循環しています",
        })),
      };
    }
    let added = 0;
    let updated = 0;
    for (const r of ordered) {
      const parent = r.parentCode ? await idByCode(tx, r.parentCode) : null;
      const result = await tx.query<{ inserted: boolean }>(
        `INSERT INTO organisations (code, name, kind, parent_id, sort_order) VALUES ($1, $2, $3, $4, coalesce($5, 0))
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, parent_id = EXCLUDED.parent_id,
           sort_order = coalesce($5, organisations.sort_order), updated_at = now()
         RETURNING (xmax = 0) AS inserted`,
        [r.code, r.name, r.kind, parent, r.sortOrder ?? null],
      );
      if (result.rows[0].inserted) added++;
      else updated++;
    }
    await recordAudit(tx, actor, {
      action: "import",
      entityType: "organisation",
      summary: `組織を一括登録（追加${added}件、更新${updated}件）`,
      after: ordered,
    });
    return { count: rows.length, summary: `追加${added}件、更新${updated}件` };
  },
};

function orderParentsFirst(rows: OrganisationImportRow[]): { ordered: OrganisationImportRow[]; cycle: OrganisationImportRow[] } {
  const codes = new Set(rows.map((r) => r.code));
  const placed = new Set<string>();
  const ordered: OrganisationImportRow[] = [];
  let pending = rows;
  while (pending.length > 0) {
    const ready = pending.filter((r) => !r.parentCode || !codes.has(r.parentCode) || placed.has(r.parentCode));
    if (ready.length === 0) return { ordered, cycle: pending };
    for (const r of ready) {
      ordered.push(r);
      placed.add(r.code);
    }
    pending = pending.filter((r) => !ready.includes(r));
  }
  return { ordered, cycle: [] };
}

async function idByCode(tx: Queryable, code: string): Promise<string> {
  const { rows } = await tx.query<{ id: string }>("SELECT id FROM organisations WHERE code = $1", [code]);
  return rows[0].id;
}
