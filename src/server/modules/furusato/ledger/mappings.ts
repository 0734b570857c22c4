// 使い道 and 取込設定 (how a portal's donation file maps to the ledger): the rules, transactions and audit of their
// changes. SQL in ingest-repository.ts; called by ingest-service.ts.
import type * as api from "../../../../common/api/furusato-ledger";
import {
  DONATION_FIELDS,
  type DonationMappingConfig,
  donationMappingConfigSchema,
  type MappedField,
} from "../../../../common/furusato/donation-mapping";
import type { Queryable } from "../../../db/database";
import { type Actor, recordAudit } from "../../../platform/audit/audit";
import { Conflict, NotFound, ValidationError } from "../../../platform/errors";
import * as repo from "./ingest-repository";

const toSummary = (row: repo.MappingRow) => ({
  id: row.id,
  portalCode: row.portal_code,
  portalName: row.portal_name,
  name: row.name,
  version: row.version,
  isSample: row.is_sample,
  importCount: row.import_count,
});

export async function mappingDetail(db: Queryable, id: string): Promise<api.MappingDetail> {
  const row = await repo.findMapping(db, id);
  if (!row) throw new NotFound("取込設定");
  return { ...toSummary(row), config: donationMappingConfigSchema.parse(row.config) };
}

export async function listMappings(db: Queryable) {
  return (await repo.findMappings(db)).map(toSummary);
}

export async function insertMapping(
  tx: Queryable,
  actor: Actor,
  input: { portalCode: string; name: string; config: DonationMappingConfig; isSample?: boolean },
): Promise<string> {
  if (!(await repo.portalExists(tx, input.portalCode)))
    throw new ValidationError("寄附受付サイトが見つかりません。", { portalCode: "寄附受付サイトを選んでください。" });
  if (await repo.mappingNameTaken(tx, input.name)) throw new Conflict(`取込設定「${input.name}」は既にあります。別の名称にしてください。`);
  const id = await repo.insertMappingRow(tx, input);
  await recordAudit(tx, actor, {
    action: "create",
    entityType: "furusato_donation_mapping",
    entityId: id,
    summary: `取込設定「${input.name}」を作成`,
    after: input.config,
  });
  return id;
}

// The writes below run inside the caller's transaction (ingest-service.ts checks the caller in it).

export async function createMapping(
  tx: Queryable,
  actor: Actor,
  input: { portalCode: string; name: string; config: DonationMappingConfig },
) {
  const id = await insertMapping(tx, actor, input);
  return mappingDetail(tx, id);
}

export async function updateMapping(
  tx: Queryable,
  actor: Actor,
  id: string,
  input: { version: number; name: string; config: DonationMappingConfig },
) {
  const before = await mappingDetail(tx, id);
  if (before.version !== input.version) throw new Conflict("ほかの人が先に取込設定を更新しました。画面を読み込み直してください。");
  if (await repo.mappingNameTaken(tx, input.name, id))
    throw new Conflict(`取込設定「${input.name}」は既にあります。別の名称にしてください。`);
  await repo.updateMappingRow(tx, id, { name: input.name, config: input.config });
  await recordAudit(tx, actor, {
    action: "update",
    entityType: "furusato_donation_mapping",
    entityId: id,
    summary: `取込設定「${input.name}」を更新`,
    before: before.config,
    after: input.config,
  });
  return mappingDetail(tx, id);
}

/** The one-click fix: an unknown portal value gets its ledger meaning, and the next import of the file passes. */
function withValueMapped(config: DonationMappingConfig, field: MappedField, value: string, target: string): DonationMappingConfig {
  const parsedTarget = field === "resident" || field === "oneStopWish" || field === "publicationConsent" ? target === "true" : target;
  if (typeof parsedTarget === "string" && ["resident", "oneStopWish", "publicationConsent"].includes(field))
    throw new ValidationError("「はい」か「いいえ」を選んでください。");
  const next = structuredClone(config);
  next.valueMaps = { ...next.valueMaps, [field]: { ...(next.valueMaps[field] ?? {}), [value]: parsedTarget } };
  const checked = donationMappingConfigSchema.safeParse(next);
  if (!checked.success) throw new ValidationError(`「${target}」は${DONATION_FIELDS[field]}の値として使えません。`);
  return checked.data;
}

export async function mapUnknownValue(
  tx: Queryable,
  actor: Actor,
  id: string,
  input: { field: MappedField; value: string; target: string },
) {
  const before = await mappingDetail(tx, id);
  if (input.field === "fundUse" && !(await repo.fundUseExists(tx, input.target)))
    throw new ValidationError("対応づける使い道を選んでください。");
  if (input.field === "giftCode" && !(await repo.giftCodeExists(tx, input.target)))
    throw new ValidationError("対応づける返礼品を選んでください。");
  const config = withValueMapped(before.config, input.field, input.value, input.target);
  await repo.updateMappingRow(tx, id, { config });
  await recordAudit(tx, actor, {
    action: "update",
    entityType: "furusato_donation_mapping",
    entityId: id,
    summary: `取込設定「${before.name}」: ${DONATION_FIELDS[input.field]}「${input.value}」を「${input.target}」に対応づけ`,
  });
  return mappingDetail(tx, id);
}

// ------------------------------------------------------------------ 使い道

export async function listFundUses(db: Queryable) {
  return (await repo.findFundUses(db)).map((r) => ({ code: r.code, name: r.name, active: r.active, isSample: r.is_sample }));
}

export async function createFundUse(tx: Queryable, actor: Actor, input: { code: string; name: string }) {
  if (await repo.fundUseClashes(tx, input.code, input.name)) throw new Conflict("同じコードか名称の使い道が既にあります。");
  await repo.insertFundUse(tx, input.code, input.name);
  await recordAudit(tx, actor, {
    action: "create",
    entityType: "furusato_fund_use",
    entityId: null,
    summary: `使い道「${input.name}」（${input.code}）を追加`,
  });
  return { code: input.code, name: input.name, active: true, isSample: false };
}

// ------------------------------------------------------------------ 取込履歴

export async function listImports(db: Queryable, page: { page: number; pageSize: number }) {
  const { rows, total } = await repo.findImports(db, { limit: page.pageSize, offset: (page.page - 1) * page.pageSize });
  return {
    items: rows.map((r) => ({
      id: r.id,
      portalCode: r.portal_code,
      mappingName: r.mapping_name,
      fileName: r.file_name,
      rowCount: r.row_count,
      created: r.created_count,
      updated: r.updated_count,
      unchanged: r.unchanged_count,
      createdBy: r.created_by_name ?? "システム",
      createdAt: r.created_at.toISOString(),
    })),
    total,
    page: page.page,
    pageSize: page.pageSize,
  };
}
