// 金融連携: the partner banks the bureau keeps (提携金融機関), and the finance records a bank enters through its own
// logins for certified companies. Each function authorises inside its transaction: staff read, the bureau's editors
// (sdgs.manager) keep the banks; a bank's login (bankOfUser) sees certified companies valid today and its own records
// only — another bank's record is the same 404 as a missing one.
import type { ResponseOf } from "../../../common/api/contract";
import type * as api from "../../../common/api/sdgs-finance";
import { fiscalYearRange, todayInJapan } from "../../../common/dates";
import { AMOUNT_BAND_LOWER_YEN, type AmountBand } from "../../../common/sdgs/labels";
import type { Db, Queryable } from "../../db/database";
import { createOrganisation } from "../../platform/admin/organisations";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import { authorize, type Principal } from "../../platform/auth/permissions";
import { Conflict, NotFound, ValidationError } from "../../platform/errors";
import { bankOfUser, requireSdgsManager } from "./access";
import * as repo from "./finance-repository";
import { searchTerms } from "./registry-service";

export const STALE = "他の利用者が先に更新しました。画面を再読み込みしてから、もう一度保存してください。";

const toBank = (row: repo.BankRow): api.Bank => ({
  id: row.id,
  name: row.name,
  organisationId: row.organisation_id,
  organisationName: row.organisation_name,
  sortOrder: row.sort_order,
  active: row.active,
  loginCount: row.login_count,
  financeCount: row.finance_count,
  isSample: row.is_sample,
});

export const toFinance = (row: repo.FinanceRow): api.FinanceLink => ({
  id: row.id,
  bankId: row.bank_id,
  bankName: row.bank_name,
  certificationId: row.certification_id,
  certificateNumber: row.number,
  companyName: row.company_name,
  tierName: row.tier_name,
  tierRank: row.tier_rank,
  productKind: row.product_kind,
  productName: row.product_name,
  amountBand: row.amount_band,
  executedOn: row.executed_on,
  note: row.note,
  version: row.version,
  isSample: row.is_sample,
});

/** 金額帯の下限の合計 (an "at least" figure: the banks report bands, not amounts). */
export function amountAtLeast(bands: Iterable<AmountBand>): number {
  let sum = 0;
  for (const band of bands) sum += AMOUNT_BAND_LOWER_YEN[band];
  return sum;
}

// ── banks (staff) ──

export async function listBanks(db: Queryable, user: Principal | null): Promise<ResponseOf<typeof api.listBanks>> {
  authorize(user, "sdgs.read");
  return { items: (await repo.findBanks(db)).map(toBank) };
}

export async function createBank(db: Db, user: Principal | null, actor: Actor, input: { name: string; organisationId?: string }) {
  return db.transaction(async (tx) => {
    await requireSdgsManager(tx, user);
    let organisationId = input.organisationId;
    if (organisationId) {
      const use = await repo.organisationUse(tx, organisationId);
      if (!use) throw new ValidationError("指定した組織が見つかりません。", { organisationId: "組織が見つかりません。" });
      if (use.kind !== "external")
        throw new ValidationError("金融機関には外部組織を指定してください。", { organisationId: "外部組織を指定してください。" });
      if (use.used)
        throw new ValidationError("この組織はすでに金融機関か申請企業に使われています。", {
          organisationId: "別の組織を指定してください。",
        });
    } else {
      organisationId = await createOrganisation(tx, { kind: "external", name: input.name });
      await recordAudit(tx, actor, {
        action: "create",
        entityType: "organisation",
        entityId: organisationId,
        summary: `${input.name}（提携金融機関）`,
      });
    }
    const id = await repo.insertBank(tx, { name: input.name, organisationId, sortOrder: await repo.nextBankSortOrder(tx) });
    const row = (await repo.findBank(tx, id))!;
    await recordAudit(tx, actor, { action: "create", entityType: "sdgs_bank", entityId: id, summary: input.name, after: toBank(row) });
    return toBank(row);
  });
}

export async function updateBank(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  input: { name?: string; active?: boolean; sortOrder?: number },
) {
  return db.transaction(async (tx) => {
    await requireSdgsManager(tx, user);
    const before = await repo.findBank(tx, id, true);
    if (!before) throw new NotFound("提携金融機関");
    await repo.updateBank(tx, id, {
      name: input.name ?? before.name,
      active: input.active ?? before.active,
      sortOrder: input.sortOrder ?? before.sort_order,
    });
    const after = (await repo.findBank(tx, id))!;
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "sdgs_bank",
      entityId: id,
      summary: after.name,
      before: toBank(before),
      after: toBank(after),
    });
    return toBank(after);
  });
}

// ── the bank's own pages ──

export async function listBankCompanies(
  db: Queryable,
  user: Principal | null,
  q: string | undefined,
): Promise<ResponseOf<typeof api.listBankCompanies>> {
  await bankOfUser(db, user);
  const rows = await repo.findValidCertifications(db, todayInJapan(), searchTerms(q));
  return {
    items: rows.map((r) => ({
      certificationId: r.certification_id,
      certificateNumber: r.number,
      companyName: r.company_name,
      corporateNumber: r.corporate_number,
      tierName: r.tier_name,
      tierRank: r.tier_rank,
      validFrom: r.valid_from,
      validUntil: r.valid_until,
      isSample: r.is_sample,
    })),
  };
}

export async function listBankFinance(db: Queryable, user: Principal | null, page: { page: number; pageSize: number }) {
  const bank = await bankOfUser(db, user);
  const { n } = await repo.countFinance(db, { bankId: bank.id });
  const rows = await repo.findFinancePage(db, { bankId: bank.id }, { limit: page.pageSize, offset: (page.page - 1) * page.pageSize });
  return { items: rows.map(toFinance), total: n, page: page.page, pageSize: page.pageSize };
}

type ParsedFinance = {
  certificateNumber?: string;
  certificationId?: string;
  productKind: repo.FinanceValues["productKind"];
  productName: string;
  amountBand: AmountBand;
  executedOn: string;
  note: string;
};

/**
 * The record's values after the rules: the certification exists (by number or id), was not revoked, and the finance
 * date is within its validity (the company held a valid certification when the bank gave the finance); the date is
 * not in the future. A certification renewed since (superseded) or ended since (expired) still counts for a date when
 * it was valid.
 */
async function valuesOf(tx: Queryable, input: ParsedFinance): Promise<repo.FinanceValues> {
  const certification = await repo.findCertification(tx, { number: input.certificateNumber, id: input.certificationId });
  if (!certification)
    throw new ValidationError("その認証番号の認証企業が見つかりません。認証番号をお確かめください。", {
      certificateNumber: "認証が見つかりません。",
    });
  if (input.executedOn > todayInJapan())
    throw new ValidationError("実行日は今日以前の日付を入力してください。", { executedOn: "今日以前の日付を入力してください。" });
  if (certification.status === "revoked")
    throw new ValidationError(`認証「${certification.number}」は取り消されています。取り消された認証の企業への融資等は登録できません。`, {
      certificateNumber: "取り消された認証です。",
    });
  if (input.executedOn < certification.valid_from || input.executedOn > certification.valid_until)
    throw new ValidationError(
      `実行日（${input.executedOn}）が認証「${certification.number}」の有効期間（${certification.valid_from}〜${certification.valid_until}）の外です。有効期間内に実行した融資等だけを登録できます。`,
      { executedOn: "認証の有効期間外の日付です。" },
    );
  return {
    certificationId: certification.certification_id,
    companyId: certification.company_id,
    productKind: input.productKind,
    productName: input.productName,
    amountBand: input.amountBand,
    executedOn: input.executedOn,
    note: input.note,
  };
}

export async function createBankFinance(db: Db, user: Principal | null, actor: Actor, input: ParsedFinance) {
  return db.transaction(async (tx) => {
    const bank = await bankOfUser(tx, user);
    const values = await valuesOf(tx, input);
    const id = await repo.insertFinance(tx, bank.id, values, { createdBy: actor.userId });
    const row = toFinance((await repo.findFinance(tx, id, bank.id))!);
    await recordAudit(tx, actor, {
      action: "create",
      entityType: "sdgs_finance_link",
      entityId: id,
      summary: `${bank.name}: ${row.companyName}（${row.certificateNumber}）`,
      after: row,
    });
    return row;
  });
}

export async function updateBankFinance(db: Db, user: Principal | null, actor: Actor, id: string, version: number, input: ParsedFinance) {
  return db.transaction(async (tx) => {
    const bank = await bankOfUser(tx, user);
    const before = await repo.findFinance(tx, id, bank.id, true);
    if (!before) throw new NotFound("融資等の登録");
    if (before.version !== version) throw new Conflict(STALE, "stale_version");
    const values = await valuesOf(tx, input);
    if (!(await repo.updateFinance(tx, id, bank.id, version, values))) throw new Conflict(STALE, "stale_version");
    const after = toFinance((await repo.findFinance(tx, id, bank.id))!);
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "sdgs_finance_link",
      entityId: id,
      summary: `${bank.name}: ${after.companyName}（${after.certificateNumber}）`,
      before: toFinance(before),
      after,
    });
    return after;
  });
}

export async function deleteBankFinance(db: Db, user: Principal | null, actor: Actor, id: string, version: number) {
  return db.transaction(async (tx) => {
    const bank = await bankOfUser(tx, user);
    const before = await repo.findFinance(tx, id, bank.id, true);
    if (!before) throw new NotFound("融資等の登録");
    if (before.version !== version || !(await repo.deleteFinance(tx, id, bank.id, version))) throw new Conflict(STALE, "stale_version");
    await recordAudit(tx, actor, {
      action: "delete",
      entityType: "sdgs_finance_link",
      entityId: id,
      summary: `${bank.name}: ${before.company_name}（${before.number}）`,
      before: toFinance(before),
    });
    return { ok: true as const };
  });
}

// ── staff ──

export async function listFinance(
  db: Queryable,
  user: Principal | null,
  query: { page: number; pageSize: number; bankId?: string; tierRank?: number; fiscalYear?: number },
): Promise<ResponseOf<typeof api.listFinance>> {
  authorize(user, "sdgs.read");
  const range = query.fiscalYear ? fiscalYearRange(query.fiscalYear) : null;
  const filter: repo.FinanceFilter = { bankId: query.bankId, tierRank: query.tierRank, from: range?.start, to: range?.end };
  const { n, bands } = await repo.countFinance(db, filter);
  const rows = await repo.findFinancePage(db, filter, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
  const amount = Object.entries(bands).reduce((sum, [band, count]) => sum + AMOUNT_BAND_LOWER_YEN[band as AmountBand] * count, 0);
  return { items: rows.map(toFinance), total: n, page: query.page, pageSize: query.pageSize, amountAtLeastYen: amount };
}
