// マッチング (SDGsステーション) as the routes call it: a company's request to meet a partner, carried from 依頼受付
// through 紹介済み and 協議中 to 成立 or 不成立 (or 取下げ), by the moves of common/sdgs/station-matching-states.ts.
// Every member of staff reads; the bureau that runs the station (sdgs.manager) records and moves them. Each write is
// one transaction with its audit row; edits carry the version the editor saw (409 when it is stale).
import type { Matching, MatchingCreateInput, MatchingUpdateInput } from "../../../common/api/sdgs-station";
import { fiscalYearOf, fiscalYearRange, formatWareki } from "../../../common/dates";
import { MATCHING_STATUS_LABELS, type MatchingStatus } from "../../../common/sdgs/labels";
import { isMatchingResult, matchingMovesFrom, mayMoveMatching } from "../../../common/sdgs/station-matching-states";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import { authorize, type Principal } from "../../platform/auth/permissions";
import { Conflict, NotFound, ValidationError } from "../../platform/errors";
import { isSdgsManager, requireSdgsManager, sdgsOwner } from "./access";
import { findBureauStaff, findCompanyNames } from "./station-consultation-repository";
import { STALE } from "./station-consultation-service";
import * as repo from "./station-matching-repository";

export function toMatching(row: repo.MatchingRow): Matching {
  return {
    id: row.id,
    requestedOn: row.requested_on,
    fiscalYear: fiscalYearOf(row.requested_on),
    requesterCompanyId: row.requester_company_id,
    requesterCompanyName: row.requester_company_name,
    requesterLabel: row.requester_label,
    partnerLabel: row.partner_label,
    purpose: row.purpose,
    sdgGoals: [...row.sdg_goals].map(Number),
    status: row.status,
    nextStatuses: [...matchingMovesFrom(row.status)],
    resultOn: row.result_on,
    resultNote: row.result_note,
    consultationId: row.consultation_id,
    staffUserId: row.staff_user_id,
    staffName: row.staff_name,
    version: row.version,
    isSample: row.is_sample,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export async function listMatchings(
  db: Db,
  user: Principal | null,
  query: { page: number; pageSize: number; fiscalYear?: number; status?: MatchingStatus; q?: string },
) {
  authorize(user, "sdgs.read");
  const period = query.fiscalYear === undefined ? {} : (({ start, end }) => ({ from: start, to: end }))(fiscalYearRange(query.fiscalYear));
  const { rows, total } = await repo.findMatchings(db, {
    ...period,
    status: query.status,
    q: query.q || undefined,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items: rows.map(toMatching), total, page: query.page, pageSize: query.pageSize, canManage: await isSdgsManager(db, user) };
}

async function readMatching(tx: Queryable, id: string): Promise<Matching> {
  const row = await repo.findMatching(tx, id);
  if (!row) throw new NotFound("マッチング");
  return toMatching(row);
}

export async function getMatching(db: Db, user: Principal | null, id: string) {
  authorize(user, "sdgs.read");
  return { ...(await readMatching(db, id)), canManage: await isSdgsManager(db, user) };
}

function invalid(field: string, message: string): never {
  throw new ValidationError(message, { [field]: message });
}

async function checkedValues(tx: Queryable, input: repo.MatchingValues): Promise<repo.MatchingValues> {
  let requesterLabel = input.requesterLabel;
  if (input.requesterCompanyId !== null) {
    const [company] = await findCompanyNames(tx, [input.requesterCompanyId]);
    if (!company) invalid("requesterCompanyId", "依頼者の企業が見つかりません。一覧から選び直してください。");
    if (requesterLabel === "") requesterLabel = company.name;
  }
  if (input.consultationId !== null && !(await repo.consultationExists(tx, input.consultationId)))
    invalid("consultationId", "もとの相談が見つかりません。");
  if (input.staffUserId !== null) {
    const owner = await sdgsOwner(tx);
    if ((await findBureauStaff(tx, owner?.organisationId ?? null, [input.staffUserId])).length === 0)
      invalid("staffUserId", "担当者は所管局の職員から選んでください。");
  }
  if (isMatchingResult(input.status) !== (input.resultOn !== null))
    invalid("resultOn", "成立・不成立にするときは結果日を入力してください（それ以外の状況では結果日を空にしてください）。");
  if (input.resultOn !== null && input.resultOn < input.requestedOn) invalid("resultOn", "結果日は依頼日より後の日付にしてください。");
  return { ...input, requesterLabel };
}

export async function createMatchingIn(
  tx: Queryable,
  actor: Actor,
  input: MatchingCreateInput | repo.MatchingValues,
  opts: { isSample?: boolean } = {},
): Promise<string> {
  const values = await checkedValues(tx, { status: "requested", resultOn: null, resultNote: "", ...input });
  const id = await repo.insertMatching(tx, values, opts.isSample ?? false);
  await recordAudit(tx, actor, {
    action: "create",
    entityType: "sdgs_matching",
    entityId: id,
    summary: `マッチング「${values.requesterLabel}」（${formatWareki(values.requestedOn)}依頼）を記録`,
    after: values,
  });
  return id;
}

export async function createMatching(db: Db, user: Principal | null, actor: Actor, input: MatchingCreateInput): Promise<Matching> {
  return db.transaction(async (tx) => {
    await requireSdgsManager(tx, user);
    return readMatching(tx, await createMatchingIn(tx, actor, input));
  });
}

export async function updateMatching(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  body: { version: number; matching: MatchingUpdateInput },
): Promise<Matching> {
  return db.transaction(async (tx) => {
    await requireSdgsManager(tx, user);
    const before = await repo.findMatching(tx, id, { lock: true });
    if (!before) throw new NotFound("マッチング");
    if (before.version !== body.version) throw new Conflict(STALE, "stale");
    const to = body.matching.status;
    if (!mayMoveMatching(before.status, to))
      invalid(
        "status",
        `「${MATCHING_STATUS_LABELS[before.status]}」から「${MATCHING_STATUS_LABELS[to]}」には進められません。` +
          (matchingMovesFrom(before.status).length
            ? `次に選べるのは${matchingMovesFrom(before.status)
                .map((s) => `「${MATCHING_STATUS_LABELS[s]}」`)
                .join("・")}です。`
            : "このマッチングは終了しています。"),
      );
    const values = await checkedValues(tx, body.matching);
    if (!(await repo.updateMatching(tx, id, body.version, values))) throw new Conflict(STALE, "stale");
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "sdgs_matching",
      entityId: id,
      summary:
        before.status === to
          ? `マッチング「${values.requesterLabel}」を変更`
          : `マッチング「${values.requesterLabel}」を「${MATCHING_STATUS_LABELS[before.status]}」から「${MATCHING_STATUS_LABELS[to]}」へ`,
      before: {
        requestedOn: before.requested_on,
        requesterCompanyId: before.requester_company_id,
        requesterLabel: before.requester_label,
        partnerLabel: before.partner_label,
        purpose: before.purpose,
        sdgGoals: before.sdg_goals,
        consultationId: before.consultation_id,
        staffUserId: before.staff_user_id,
        status: before.status,
        resultOn: before.result_on,
        resultNote: before.result_note,
      },
      after: values,
    });
    return readMatching(tx, id);
  });
}
