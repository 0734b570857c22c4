// 旧登録制度の登録者の取込: a CSV (UTF-8 or CP932) or Excel file of the former 北九州SDGs登録制度's registrants
// (登録番号, 事業者名, 法人番号, 担当者名, メールアドレス; 所在地 and 業種 may be there and are not needed) becomes
// one invitation a row. All or nothing: one bad row — a 法人番号 whose check digit fails, a missing name or e-mail,
// a 登録番号 twice in the file or already invited — and nothing is imported; the answer lists every problem (row,
// column, message) and keeps the whole report as a file. The file's hash is the import key kept on each invitation,
// so the same file again adds nobody. The links to send come back once, as a CSV (UTF-8 with BOM, formula-guarded).
import { createHash } from "node:crypto";
import { z } from "zod";
import { INVITATION_VALID_DAYS, type InvitationImportResult } from "../../../common/api/sdgs-accounts";
import { formatWareki, isoDateInJapan } from "../../../common/dates";
import { CORPORATE_NUMBER_MESSAGES, corporateNumberProblem, normaliseCorporateNumber } from "../../../common/sdgs/corporate-number";
import type { Db } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import { hashToken, newToken } from "../../platform/auth/tokens";
import { storeFile } from "../../platform/files/files";
import { requireUpload, type Upload } from "../../platform/http/multipart";
import {
  errorReportFileName,
  type ImportError,
  type ImportSpec,
  readTable,
  TabularFormatError,
  validateRowsInTurns,
  writeCsv,
  writeImportErrorReport,
} from "../../platform/tabular";
import { requireSdgsManager } from "./access";
import * as repo from "./invitation-repository";
import { invitationLink } from "./invitation-service";

export interface FormerRegistrantRow {
  formerNumber: string;
  companyName: string;
  corporateNumber?: string;
  contactName?: string;
  contactEmail: string;
  address?: string;
  industry?: string;
}

const row = z.object({
  formerNumber: z
    .string({ error: "登録番号を入力してください" })
    .transform((text) => text.normalize("NFKC").trim())
    .pipe(z.string().min(1, "登録番号を入力してください").max(40, "登録番号は40文字以内です")),
  companyName: z
    .string({ error: "事業者名を入力してください" })
    .transform((text) => text.normalize("NFKC").trim())
    .pipe(z.string().min(1, "事業者名を入力してください").max(100, "事業者名は100文字以内です")),
  corporateNumber: z
    .string()
    .transform((text, ctx) => {
      const value = normaliseCorporateNumber(text);
      const problem = corporateNumberProblem(value);
      if (problem) {
        ctx.addIssue({ code: "custom", message: `${CORPORATE_NUMBER_MESSAGES[problem]}（${text}）` });
        return z.NEVER;
      }
      return value;
    })
    .optional(),
  contactName: z.string().max(100, "担当者名は100文字以内です").optional(),
  contactEmail: z
    .string({ error: "メールアドレスを入力してください（招待リンクの送り先です）" })
    .max(254, "メールアドレスが長すぎます")
    .pipe(z.email("メールアドレスの形式が正しくありません")),
  address: z.string().max(300, "所在地は300文字以内です").optional(),
  industry: z.string().max(100, "業種は100文字以内です").optional(),
});

export const FORMER_REGISTRANTS_SPEC: ImportSpec<FormerRegistrantRow> = {
  columns: [
    { key: "formerNumber", label: "登録番号", required: true, aliases: ["旧登録番号", "SDGs登録番号"] },
    { key: "companyName", label: "事業者名", required: true, aliases: ["企業名", "団体名", "法人名"] },
    { key: "corporateNumber", label: "法人番号", required: true },
    { key: "contactName", label: "担当者名", required: true, aliases: ["担当者"] },
    { key: "contactEmail", label: "メールアドレス", required: true, aliases: ["電子メール", "E-mail", "Eメール"] },
    { key: "address", label: "所在地", aliases: ["住所"] },
    { key: "industry", label: "業種" },
  ],
  row,
};

const ERRORS_SHOWN = 200;
const LINK_HEADER = ["事業者名", "登録番号", "担当者名", "メールアドレス", "招待リンク", "有効期限"];

async function rejected(db: Db, user: Principal, fileName: string, errors: ImportError[]): Promise<InvitationImportResult> {
  const report = await storeFile(db, {
    name: errorReportFileName(fileName),
    mimeType: "text/csv; charset=utf-8",
    bytes: writeImportErrorReport(errors),
    createdBy: user.id,
    owner: { kind: "import", id: null, purpose: "import_report" },
  });
  return { ok: false, errorCount: errors.length, errors: errors.slice(0, ERRORS_SHOWN), reportFileId: report.id };
}

type CrossRow = Pick<FormerRegistrantRow, "formerNumber" | "corporateNumber">;

/** Cross-row checks: a 登録番号 or 法人番号 twice in the file, already invited, or already a registered company. */
async function crossRowErrors(db: Db, rows: CrossRow[], rowNumbers: number[]): Promise<ImportError[]> {
  const errors: ImportError[] = [];
  const taken = await repo.formerNumbersTaken(db, [...new Set(rows.map((r) => r.formerNumber))]);
  const corporate = rows.map((r) => r.corporateNumber).filter((n): n is string => !!n);
  const registered = await repo.corporateNumbersRegistered(db, [...new Set(corporate)]);
  const firstNumber = new Map<string, number>();
  const firstCorporate = new Map<string, number>();
  rows.forEach((r, i) => {
    const at = rowNumbers[i];
    if (!r.formerNumber) return;
    const first = firstNumber.get(r.formerNumber);
    if (first !== undefined)
      errors.push({ row: at, column: "登録番号", message: `登録番号 ${r.formerNumber} が重複しています（${first}行目）` });
    else firstNumber.set(r.formerNumber, at);
    const source = taken.get(r.formerNumber);
    if (source === "invited")
      errors.push({ row: at, column: "登録番号", message: `登録番号 ${r.formerNumber} の事業者はすでに招待しています` });
    if (source === "registered")
      errors.push({ row: at, column: "登録番号", message: `登録番号 ${r.formerNumber} の事業者はすでにアカウントを登録しています` });
    if (r.corporateNumber) {
      const firstC = firstCorporate.get(r.corporateNumber);
      if (firstC !== undefined)
        errors.push({ row: at, column: "法人番号", message: `法人番号 ${r.corporateNumber} が重複しています（${firstC}行目）` });
      else firstCorporate.set(r.corporateNumber, at);
      if (registered.has(r.corporateNumber))
        errors.push({ row: at, column: "法人番号", message: `法人番号 ${r.corporateNumber} の企業はすでにアカウントを登録しています` });
    }
  });
  return errors;
}

const headingOf = (text: string) => text.normalize("NFKC").replace(/\s+/g, "");

/** 登録番号 and (valid) 法人番号 straight from the cells, for the cross-row checks of a file whose cells have problems. */
function rawCrossRows(table: { header: string[]; rows: string[][] }): CrossRow[] {
  const find = (names: string[]) => table.header.findIndex((h) => names.includes(headingOf(h)));
  const numberAt = find(["登録番号", "旧登録番号", "SDGs登録番号"]);
  const corporateAt = find(["法人番号"]);
  return table.rows.map((cells) => {
    const corporate = corporateAt < 0 ? "" : normaliseCorporateNumber(cells[corporateAt] ?? "");
    return {
      formerNumber: numberAt < 0 ? "" : (cells[numberAt] ?? "").normalize("NFKC").trim(),
      corporateNumber: corporate && corporateNumberProblem(corporate) === null ? corporate : undefined,
    };
  });
}

/** POST /api/sdgs/invitations/import */
export async function importFormerRegistrants(
  db: Db,
  user: Principal | null,
  actor: Actor,
  origin: string,
  upload: Upload | null,
): Promise<InvitationImportResult> {
  const manager = await requireSdgsManager(db, user);
  const file = requireUpload(upload);
  const importKey = createHash("sha256").update(file.bytes).digest("hex");
  if (await repo.importKeySeen(db, importKey))
    return {
      ok: true,
      count: 0,
      duplicate: true,
      summary: "同じファイルは既に取り込まれています。招待は追加していません。",
      linksCsvBase64: null,
      linksCsvName: null,
    };

  let table: Awaited<ReturnType<typeof readTable>>;
  try {
    table = await readTable(
      file.name.toLowerCase().endsWith(".xlsx") ? "xlsx" : file.name.toLowerCase().endsWith(".tsv") ? "tsv" : "csv",
      file.bytes,
    );
  } catch (error) {
    if (!(error instanceof TabularFormatError)) throw error;
    return rejected(db, manager, file.name, [{ row: 1, message: error.message }]);
  }
  if (table.rows.length === 0)
    return rejected(db, manager, file.name, [{ row: 1, message: "登録者の行がありません。見出し行の下に1行以上入力してください" }]);
  const validated = await validateRowsInTurns(table, FORMER_REGISTRANTS_SPEC);
  const rowNumbers = table.rows.map((_, i) => table.rowNumbers?.[i] ?? i + 2);
  if (!validated.ok) {
    // the cells' problems and, read from the raw cells, the cross-row ones: the user gets every problem at once
    const cross = await crossRowErrors(db, rawCrossRows(table), rowNumbers);
    const errors = [...validated.errors, ...cross].sort((a, b) => a.row - b.row);
    return rejected(db, manager, file.name, errors);
  }
  const crossErrors = await crossRowErrors(db, validated.rows, rowNumbers);
  if (crossErrors.length > 0) return rejected(db, manager, file.name, crossErrors);

  const tokens = validated.rows.map(() => newToken());
  const outcome = await db.transaction(async (tx) => {
    // the same file from a second request at the same time: the first one's rows are there now
    if (await repo.importKeySeen(tx, importKey)) return null;
    const made = await repo.insertInvitations(
      tx,
      validated.rows.map((r, i) => ({
        tokenHash: hashToken(tokens[i]),
        companyName: r.companyName,
        corporateNumber: r.corporateNumber ?? null,
        contactName: r.contactName ?? "",
        contactEmail: r.contactEmail,
        formerRegistrationNumber: r.formerNumber,
        validDays: INVITATION_VALID_DAYS,
        importKey,
        createdBy: manager.id,
      })),
    );
    await recordAudit(tx, actor, {
      action: "import",
      entityType: "sdgs_invitation",
      summary: `旧登録制度の登録者を招待として取込（${made.length}件、${file.name}）。招待リンクのCSVを一度だけ出力`,
      after: { rows: made.length, sha256: importKey, formerNumbers: made.map((m) => m.former_registration_number) },
    });
    return made;
  });
  if (!outcome)
    return {
      ok: true,
      count: 0,
      duplicate: true,
      summary: "同じファイルは既に取り込まれています。招待は追加していません。",
      linksCsvBase64: null,
      linksCsvName: null,
    };

  const csv = writeCsv(
    LINK_HEADER,
    outcome.map((inv, i) => [
      inv.company_name,
      inv.former_registration_number ?? "",
      inv.contact_name,
      inv.contact_email,
      invitationLink(origin, tokens[i]),
      formatWareki(isoDateInJapan(inv.expires_at)),
    ]),
    { encoding: "utf-8-bom" },
  );
  return {
    ok: true,
    count: outcome.length,
    duplicate: false,
    summary: `${outcome.length}件の招待を作成しました。招待リンクのCSVは今だけ保存できます。`,
    linksCsvBase64: Buffer.from(csv.bytes).toString("base64"),
    linksCsvName: `招待リンク_${isoDateInJapan(new Date())}.csv`,
  };
}
