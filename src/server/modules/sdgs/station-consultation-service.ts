// SDGsステーションの相談 as the routes call them. Every member of staff reads the records and the statistics; the
// bureau that runs the station (sdgs.manager) records, edits, deletes and closes follow-ups. Each write is one
// transaction: the caller's access, the checks, the change, its audit row. A citizen is never named: the contract
// refuses a name, and the service stores an empty label for citizens whatever reaches it (the sample data included).
import type { Consultation, ConsultationInput, ConsultationListFilter, FollowUpState } from "../../../common/api/sdgs-station";
import { fiscalYearOf, fiscalYearRange, formatWareki, todayInJapan } from "../../../common/dates";
import { CONSULTATION_TOPIC_LABELS } from "../../../common/sdgs/labels";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import { authorize, type Principal } from "../../platform/auth/permissions";
import { Conflict, NotFound, ValidationError } from "../../platform/errors";
import { isSdgsManager, requireSdgsManager, sdgsOwner } from "./access";
import * as repo from "./station-consultation-repository";

export const STALE = "他の利用者が先に更新しました。画面を再読み込みしてから、もう一度保存してください。";

export function followUpStateOf(
  row: { follow_up: string; follow_up_due: string | null; follow_up_done_at: Date | null },
  today: string,
): FollowUpState {
  if (row.follow_up === "" && row.follow_up_due === null) return "none";
  if (row.follow_up_done_at) return "done";
  return row.follow_up_due !== null && row.follow_up_due < today ? "overdue" : "open";
}

export function toConsultation(row: repo.ConsultationRow, today: string): Consultation {
  return {
    id: row.id,
    consultedOn: row.consulted_on,
    fiscalYear: fiscalYearOf(row.consulted_on),
    channel: row.channel,
    clientKind: row.client_kind,
    companyId: row.company_id,
    companyName: row.company_name,
    clientLabel: row.client_kind === "citizen" ? "" : row.client_label,
    topic: row.topic,
    sdgGoals: [...row.sdg_goals].map(Number),
    staffUserId: row.staff_user_id,
    staffName: row.staff_name,
    summary: row.summary,
    outcome: row.outcome,
    followUp: row.follow_up,
    followUpDue: row.follow_up_due,
    followUpDoneAt: row.follow_up_done_at ? new Date(row.follow_up_done_at).toISOString() : null,
    followUpState: followUpStateOf(row, today),
    version: row.version,
    isSample: row.is_sample,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** The period a list asks for: a fiscal year, a month of it, or a month of any year (the latest first). */
export function periodOf(fiscalYear: number | undefined, month: number | undefined): { from?: string; to?: string } {
  if (fiscalYear === undefined) return {};
  if (month === undefined) {
    const { start, end } = fiscalYearRange(fiscalYear);
    return { from: start, to: end };
  }
  const year = month >= 4 ? fiscalYear : fiscalYear + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const mm = String(month).padStart(2, "0");
  return { from: `${year}-${mm}-01`, to: `${year}-${mm}-${String(last).padStart(2, "0")}` };
}

// ------------------------------------------------------------------ reads

export async function listConsultations(db: Db, user: Principal | null, query: ConsultationListFilter) {
  authorize(user, "sdgs.read");
  const today = todayInJapan();
  const { page, pageSize } = query;
  const { rows, total } = await repo.findConsultations(
    db,
    {
      ...periodOf(query.fiscalYear, query.month),
      month: query.fiscalYear === undefined ? query.month : undefined,
      channel: query.channel,
      clientKind: query.clientKind,
      topic: query.topic,
      outcome: query.outcome,
      sdgGoal: query.sdgGoal,
      followUp: query.followUp,
      q: query.q || undefined,
      sort: query.sort,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    },
    today,
  );
  const items = rows.map((r) => toConsultation(r, today));
  return { items, total, page, pageSize, canManage: await isSdgsManager(db, user) };
}

async function readConsultation(tx: Queryable, id: string): Promise<Consultation> {
  const row = await repo.findConsultation(tx, id);
  if (!row) throw new NotFound("相談の記録");
  return toConsultation(row, todayInJapan());
}

export async function getConsultation(db: Db, user: Principal | null, id: string) {
  authorize(user, "sdgs.read");
  const consultation = await readConsultation(db, id);
  const matchings = await repo.findMatchingsOfConsultation(db, id);
  return { ...consultation, matchings, canManage: await isSdgsManager(db, user) };
}

export async function stationChoices(db: Db, user: Principal | null) {
  authorize(user, "sdgs.read");
  const owner = await sdgsOwner(db, user);
  const [companies, staff] = await Promise.all([repo.findCompanyNames(db), repo.findBureauStaff(db, owner?.organisationId ?? null)]);
  return {
    companies,
    staff: staff.map((s) => ({ id: s.id, name: s.name, organisationName: s.organisation_name })),
  };
}

// ------------------------------------------------------------------ writes

function invalid(field: string, message: string): never {
  throw new ValidationError(message, { [field]: message });
}

/** The record as stored: a citizen's label is always empty; the company and the staff member must exist. */
async function checkedValues(tx: Queryable, input: ConsultationInput): Promise<repo.ConsultationValues> {
  if (input.companyId !== null && (await repo.findCompanyNames(tx, [input.companyId])).length === 0)
    invalid("companyId", "企業が見つかりません。一覧から選び直してください。");
  if (input.staffUserId !== null) {
    const owner = await sdgsOwner(tx);
    if ((await repo.findBureauStaff(tx, owner?.organisationId ?? null, [input.staffUserId])).length === 0)
      invalid("staffUserId", "担当者は所管局の職員から選んでください。");
  }
  const individual = input.clientKind === "citizen";
  return {
    ...input,
    companyId: input.clientKind === "company" ? input.companyId : null,
    clientLabel: individual ? "" : input.clientLabel,
  };
}

const auditShape = (v: repo.ConsultationValues) => ({ ...v });
const describe = (v: { consultedOn: string; topic: keyof typeof CONSULTATION_TOPIC_LABELS }) =>
  `${formatWareki(v.consultedOn)}の相談（${CONSULTATION_TOPIC_LABELS[v.topic]}）`;

export async function createConsultationIn(
  tx: Queryable,
  actor: Actor,
  input: ConsultationInput,
  opts: { isSample?: boolean; followUpDoneAt?: Date | null } = {},
): Promise<string> {
  const values = await checkedValues(tx, input);
  const id = await repo.insertConsultation(tx, values, {
    createdBy: actor.userId,
    isSample: opts.isSample ?? false,
    followUpDoneAt: opts.followUpDoneAt ?? null,
  });
  await recordAudit(tx, actor, {
    action: "create",
    entityType: "sdgs_consultation",
    entityId: id,
    summary: `${describe(values)}を記録`,
    after: auditShape(values),
  });
  return id;
}

export async function createConsultation(db: Db, user: Principal | null, actor: Actor, input: ConsultationInput): Promise<Consultation> {
  return db.transaction(async (tx) => {
    await requireSdgsManager(tx, user);
    return readConsultation(tx, await createConsultationIn(tx, actor, input));
  });
}

async function locked(tx: Queryable, id: string): Promise<repo.ConsultationRow> {
  const row = await repo.findConsultation(tx, id, { lock: true });
  if (!row) throw new NotFound("相談の記録");
  return row;
}

const beforeOf = (row: repo.ConsultationRow) => ({
  consultedOn: row.consulted_on,
  channel: row.channel,
  clientKind: row.client_kind,
  companyId: row.company_id,
  clientLabel: row.client_label,
  topic: row.topic,
  sdgGoals: row.sdg_goals,
  staffUserId: row.staff_user_id,
  summary: row.summary,
  outcome: row.outcome,
  followUp: row.follow_up,
  followUpDue: row.follow_up_due,
});

export async function updateConsultation(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  body: { version: number; consultation: ConsultationInput },
): Promise<Consultation> {
  return db.transaction(async (tx) => {
    await requireSdgsManager(tx, user);
    const before = await locked(tx, id);
    const values = await checkedValues(tx, body.consultation);
    if (!(await repo.updateConsultation(tx, id, body.version, values))) throw new Conflict(STALE, "stale");
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "sdgs_consultation",
      entityId: id,
      summary: `${describe(values)}を変更`,
      before: beforeOf(before),
      after: auditShape(values),
    });
    return readConsultation(tx, id);
  });
}

export async function completeFollowUp(db: Db, user: Principal | null, actor: Actor, id: string, version: number): Promise<Consultation> {
  return db.transaction(async (tx) => {
    await requireSdgsManager(tx, user);
    const before = await locked(tx, id);
    if (before.follow_up === "" && before.follow_up_due === null)
      throw new ValidationError("この相談にはフォローアップが記録されていません。");
    if (before.follow_up_done_at)
      throw new Conflict("このフォローアップはすでに対応済みです。画面を再読み込みしてください。", "already_done");
    if (!(await repo.markFollowUpDone(tx, id, version))) throw new Conflict(STALE, "stale");
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "sdgs_consultation",
      entityId: id,
      summary: `${describe({ consultedOn: before.consulted_on, topic: before.topic })}のフォローアップを対応済みに`,
      before: { followUpDoneAt: null },
      after: { followUpDone: true },
    });
    return readConsultation(tx, id);
  });
}

export async function deleteConsultation(db: Db, user: Principal | null, actor: Actor, id: string, version: number): Promise<{ ok: true }> {
  return db.transaction(async (tx) => {
    await requireSdgsManager(tx, user);
    const before = await locked(tx, id);
    if (!(await repo.deleteConsultation(tx, id, version))) throw new Conflict(STALE, "stale");
    await recordAudit(tx, actor, {
      action: "delete",
      entityType: "sdgs_consultation",
      entityId: id,
      summary: `${describe({ consultedOn: before.consulted_on, topic: before.topic })}を削除`,
      before: beforeOf(before),
    });
    return { ok: true as const };
  });
}
