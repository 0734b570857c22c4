// 指標 (KPI): definitions on any node of the plan tree (活動指標/成果指標, direction, baseline, target, data source,
// exclusion, owner), and their shape in the API. A change to an indicator regrades it in the plan's open rounds.
import type { ActualEntry, IndicatorDetail, IndicatorSummary } from "../../../common/api/vision";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import { Conflict, NotFound, ValidationError } from "../../platform/errors";
import { accessOf, canUpdateIndicator, managerAccessOf, type VisionAccess } from "./access";
import { regradeIndicatorsInOpenRounds } from "./grades";
import * as indicatorRepo from "./indicator-repository";
import * as planRepo from "./plan-repository";
import * as roundRepo from "./round-repository";
import { indexIndicator } from "./search-index";

export const STALE = "他の利用者が先に更新しました。画面を再読み込みしてから、もう一度保存してください。";

export function toIndicatorSummary(row: indicatorRepo.IndicatorRow): IndicatorSummary {
  return {
    id: row.id,
    nodeId: row.node_id,
    code: row.code,
    name: row.name,
    unit: row.unit,
    kind: row.kind,
    direction: row.direction,
    ratingMode: row.rating_mode,
    baselineValue: row.baseline_value,
    baselineDate: row.baseline_date,
    targetValue: row.target_value,
    targetFiscalYear: row.target_fiscal_year,
    dataSource: row.data_source,
    exclusion: row.exclusion,
    ownerOrganisationId: row.effective_owner_id,
    ownerOrganisationName: row.effective_owner_name,
    weight: row.weight,
    sortOrder: row.sort_order,
    version: row.version,
    isSample: row.is_sample,
    latestActual: row.latest
      ? { fiscalYear: row.latest.fiscal_year, asOf: row.latest.as_of, value: row.latest.value, statusRating: row.latest.status_rating }
      : null,
  };
}

export function toActualEntries(rows: indicatorRepo.ActualRow[]): ActualEntry[] {
  // rows come newest first per fiscal year: the first of each year is its current value
  const seen = new Set<string>();
  const entries = rows.map((r) => {
    const key = `${r.indicator_id}:${r.fiscal_year}`;
    const current = !seen.has(key);
    seen.add(key);
    return {
      id: r.id,
      indicatorId: r.indicator_id,
      fiscalYear: r.fiscal_year,
      asOf: r.as_of,
      value: r.value,
      statusRating: r.status_rating,
      note: r.note,
      enteredByLabel: r.entered_by_label,
      createdAt: r.created_at.toISOString(),
      current,
    };
  });
  return entries.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.fiscalYear - a.fiscalYear);
}

export async function listIndicators(
  db: Queryable,
  user: Principal | null,
  planId: string,
  filter: { nodeId?: string; ownerOrganisationId?: string; q?: string },
): Promise<{ items: IndicatorSummary[] }> {
  await accessOf(db, user);
  if (!(await planRepo.findPlan(db, planId))) throw new NotFound("計画");
  const rows = await indicatorRepo.findIndicators(db, { planId, nodeId: filter.nodeId, q: filter.q });
  return {
    items: rows.filter((r) => !filter.ownerOrganisationId || r.effective_owner_id === filter.ownerOrganisationId).map(toIndicatorSummary),
  };
}

export async function getIndicator(db: Queryable, user: Principal | null, id: string): Promise<IndicatorDetail> {
  return indicatorDetail(db, await accessOf(db, user), id);
}

export async function indicatorDetail(db: Queryable, access: VisionAccess, id: string): Promise<IndicatorDetail> {
  const row = await indicatorRepo.findIndicator(db, id);
  if (!row) throw new NotFound("指標");
  const node = await planRepo.findNode(db, row.node_id);
  if (!node) throw new NotFound("ノード");
  const actuals = await indicatorRepo.findActuals(db, [id]);
  return {
    ...toIndicatorSummary(row),
    nodeKind: node.kind,
    nodeCode: node.code,
    nodeTitle: node.title,
    planId: node.plan_id,
    actuals: toActualEntries(actuals),
    canUpdate: canUpdateIndicator(access.user, row),
    canManage: access.manager,
  };
}

async function checkIndicatorInput(tx: Queryable, input: indicatorRepo.IndicatorInput, exceptId: string | null): Promise<void> {
  if (await indicatorRepo.indicatorCodeTaken(tx, input.code, exceptId))
    throw new ValidationError("この指標コードは既に使われています。", { code: "この指標コードは既に使われています。" });
  if (input.ownerOrganisationId && !(await planRepo.organisationExists(tx, input.ownerOrganisationId)))
    throw new ValidationError("所管の組織が見つかりません。", { ownerOrganisationId: "所管の組織が見つかりません。" });
  if (input.ratingMode === "numeric" && input.exclusion === null && input.baselineValue === input.targetValue)
    throw new ValidationError("目標値が基準値と同じでは達成度を計算できません。", {
      targetValue: "基準値と異なる目標値を入力してください。",
    });
}

export async function createIndicator(
  db: Db,
  user: Principal | null,
  actor: Actor,
  nodeId: string,
  input: indicatorRepo.IndicatorInput,
): Promise<IndicatorDetail> {
  return db.transaction(async (tx) => {
    const access = await managerAccessOf(tx, user);
    return indicatorDetail(tx, access, await createIndicatorIn(tx, actor, nodeId, input));
  });
}

/**
 * An indicator on a node, checked, audited and indexed, with its tasks in the open rounds and its grade there —
 * inside the caller's transaction (the demo loads through it; sample indicators get no tasks).
 */
export async function createIndicatorIn(
  tx: Queryable,
  actor: Actor,
  nodeId: string,
  input: indicatorRepo.IndicatorInput,
  opts: { isSample?: boolean } = {},
): Promise<string> {
  const node = await planRepo.findNode(tx, nodeId);
  if (!node) throw new NotFound("ノード");
  await checkIndicatorInput(tx, input, null);
  const id = await indicatorRepo.insertIndicator(tx, nodeId, input, opts.isSample);
  await recordAudit(tx, actor, {
    action: "create",
    entityType: "vision_indicator",
    entityId: id,
    summary: `指標「${input.name}」（${input.code}）を「${node.title}」に追加`,
    after: input,
  });
  await indexIndicator(tx, id);
  if (!opts.isSample) {
    await roundRepo.insertTasksForIndicator(tx, id);
    await regradeIndicatorsInOpenRounds(tx, [id]);
  }
  return id;
}

export async function updateIndicator(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  input: indicatorRepo.IndicatorInput & { version: number; nodeId: string },
): Promise<IndicatorDetail> {
  return db.transaction(async (tx) => {
    const access = await managerAccessOf(tx, user);
    const before = await indicatorRepo.findIndicator(tx, id);
    if (!before) throw new NotFound("指標");
    const node = await planRepo.findNode(tx, input.nodeId);
    const oldNode = await planRepo.findNode(tx, before.node_id);
    if (!node || node.plan_id !== oldNode?.plan_id)
      throw new ValidationError("同じ計画のノードを選んでください。", { nodeId: "同じ計画のノードを選んでください。" });
    await checkIndicatorInput(tx, input, id);
    const { version, nodeId, ...fields } = input;
    if (!(await indicatorRepo.updateIndicator(tx, id, version, nodeId, fields))) throw new Conflict(STALE, "stale_version");
    // A new owner (its own, or inherited through a move to another node) takes over the open rounds' tasks.
    const moved = await roundRepo.moveOpenTasksToOwner(tx, { indicatorIds: [id] });
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "vision_indicator",
      entityId: id,
      summary: `指標「${input.name}」（${input.code}）を変更${moved > 0 ? `（受付中のラウンドの更新依頼${moved}件を新しい所管へ移動）` : ""}`,
      before,
      after: input,
    });
    await indexIndicator(tx, id);
    await regradeIndicatorsInOpenRounds(tx, [id]);
    return indicatorDetail(tx, access, id);
  });
}
