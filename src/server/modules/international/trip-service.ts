// 海外出張管理: the services the trip routes call. A trip belongs to one division: its editors plan it, apply, set off,
// come back and file the report; the coordinating bureau's editors (managers) approve (旅行命令), send it back, settle
// and complete it; a traveller who is an editor may file the report of a trip they went on. A trip is read by its
// division's staff, its travellers and the bureau; to anyone else it does not exist (404). Each write is one
// transaction: the caller's access against the trip, the version check (409 when someone changed it first), the
// change, the state history row and the audit row. The `…In(tx, …)` steps are what the sample data calls.
import type { TripDetail, TripInput, TripStatus, TripSummary } from "../../../common/api/international";
import { COST_KIND_LABELS, TRIP_STATUS_LABELS } from "../../../common/api/international";
import { fiscalYearRange, formatWareki, todayInJapan } from "../../../common/dates";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import { Conflict, Forbidden, NotFound, ValidationError } from "../../platform/errors";
import type { FileResult } from "../../platform/http/types";
import { accessOf, canEditRecord, type InternationalAccess, requireEditRecord } from "./access";
import { indexTrips } from "./search-index";
import { renderTripSummaryPdf } from "./trip-pdf";
import * as repo from "./trip-repository";
import {
  checkTransition,
  defaultReportDueOn,
  EDITABLE_TRIP_STATUSES,
  FINAL_TRIP_STATUSES,
  isReportOverdue,
  nextStatusesFor,
  type TransitionRequest,
  type TripActorRole,
} from "./trip-states";

const STALE = "この出張は、ほかの人が先に変更しました。画面を読み込み直してから、もう一度操作してください。";
const TRIP = "海外出張";

// ------------------------------------------------------------------ who the caller is for a trip

interface TripAccess {
  access: InternationalAccess;
  roles: Set<TripActorRole>;
  readable: boolean;
}

function tripAccessOf(access: InternationalAccess, trip: repo.TripRow, travellers: repo.TravellerRow[]): TripAccess {
  const { user } = access;
  const travels = travellers.some((t) => t.user_id !== null && t.user_id === user.id);
  const roles = new Set<TripActorRole>();
  if (canEditRecord(access, trip.owner_organisation_id)) roles.add("owner");
  if (access.manager) roles.add("manager");
  if (travels && (user.role === "editor" || user.role === "admin")) roles.add("traveller");
  // its division's staff (any role), its travellers, the bureau (access.overview, administrators included)
  const readable = access.overview || user.organisationId === trip.owner_organisation_id || travels;
  return { access, roles, readable };
}

/** The sample data and the import act for the module itself: every role. */
const ALL_ROLES: ReadonlySet<TripActorRole> = new Set<TripActorRole>(["owner", "manager", "traveller"]);

/** The trip with the caller's roles on it; "not found" to a caller who may not read it (the attachments use it too). */
export async function loadTrip(tx: Queryable, access: InternationalAccess, id: string, forUpdate: boolean) {
  const trip = await repo.findTrip(tx, id, { forUpdate });
  if (!trip) throw new NotFound(TRIP);
  const travellers = await repo.findTravellers(tx, id);
  const tripAccess = tripAccessOf(access, trip, travellers);
  if (!tripAccess.readable) throw new NotFound(TRIP);
  return { trip, travellers, ...tripAccess };
}

// ------------------------------------------------------------------ reading

const toSummary = (row: repo.TripSummaryRow): TripSummary => ({
  id: row.id,
  title: row.title,
  ownerOrganisationId: row.owner_organisation_id,
  ownerName: row.owner_name,
  status: row.status,
  departsOn: row.departs_on,
  returnsOn: row.returns_on,
  destinations: row.destinations,
  leaderName: row.leader_name,
  travellerCount: row.traveller_count,
  plannedTotal: row.planned_total,
  settledTotal: row.settled_total,
  reportDueOn: row.report_due_on,
  reportFiledOn: row.report_filed_on,
  reportOverdue: row.report_overdue,
  isSample: row.is_sample,
});

/** The trip as stored, with its lines and history (no caller-dependent fields). */
async function readTrip(db: Queryable, id: string) {
  const trip = await repo.findTrip(db, id);
  if (!trip) throw new NotFound(TRIP);
  const [travellers, visits, costs, projects, events] = await Promise.all([
    repo.findTravellers(db, id),
    repo.findVisits(db, id),
    repo.findCosts(db, id),
    repo.findLinkedProjects(db, id),
    repo.findEvents(db, id),
  ]);
  return { trip, travellers, visits, costs, projects, events };
}

type StoredTrip = Awaited<ReturnType<typeof readTrip>>;

function toDetail(stored: StoredTrip, tripAccess: Pick<TripAccess, "roles">): TripDetail {
  const { trip, travellers, visits, costs, projects, events } = stored;
  const today = todayInJapan();
  const destinations: string[] = [];
  for (const v of visits) if (!destinations.includes(v.city)) destinations.push(v.city);
  const settledLines = costs.filter((c) => c.settled !== null);
  const final = FINAL_TRIP_STATUSES.includes(trip.status);
  return {
    id: trip.id,
    title: trip.title,
    ownerOrganisationId: trip.owner_organisation_id,
    ownerName: trip.owner_name,
    status: trip.status,
    departsOn: trip.departs_on,
    returnsOn: trip.returns_on,
    destinations,
    leaderName: travellers.find((t) => t.role === "leader")?.name ?? null,
    travellerCount: travellers.length,
    plannedTotal: costs.reduce((sum, c) => sum + c.planned, 0),
    settledTotal: settledLines.length ? settledLines.reduce((sum, c) => sum + (c.settled ?? 0), 0) : null,
    reportDueOn: trip.report_due_on,
    reportFiledOn: trip.report_filed_on,
    reportOverdue: isReportOverdue({ status: trip.status, reportDueOn: trip.report_due_on, reportFiledOn: trip.report_filed_on }, today),
    isSample: trip.is_sample,
    purpose: trip.purpose,
    companions: trip.companions,
    travellers: travellers.map((t) => ({ userId: t.user_id, name: t.name, role: t.role, paidBy: t.paid_by })),
    visits: visits.map((v) => ({
      visitOn: v.visit_on,
      country: v.country,
      city: v.city,
      partnerId: v.partner_id,
      organisation: v.organisation,
      counterpart: v.counterpart,
      purpose: v.purpose,
    })),
    costs: costs.map((c) => ({ costKind: c.cost_kind, description: c.description, planned: c.planned, settled: c.settled })),
    projects,
    approvedBy: trip.approved_by,
    approvedOn: trip.approved_on,
    approvalConditions: trip.approval_conditions,
    safetyLevel: trip.safety_level,
    reportResults: trip.report_results,
    reportFollowup: trip.report_followup,
    reportPublic: trip.report_public,
    cancelReason: trip.cancel_reason,
    events: events.map((e) => ({
      fromStatus: e.from_status,
      toStatus: e.to_status,
      note: e.note,
      actorName: e.actor_name,
      at: e.at instanceof Date ? e.at.toISOString() : String(e.at),
    })),
    nextStatuses: nextStatusesFor(trip.status, tripAccess.roles),
    canEdit: tripAccess.roles.has("owner") && !final,
    canFileReport:
      (tripAccess.roles.has("owner") || tripAccess.roles.has("traveller")) && (trip.status === "returned" || trip.status === "reported"),
    version: trip.version,
    sourceKey: trip.source_key,
  };
}

async function detailFor(db: Queryable, access: InternationalAccess, id: string): Promise<TripDetail> {
  const stored = await readTrip(db, id);
  const tripAccess = tripAccessOf(access, stored.trip, stored.travellers);
  if (!tripAccess.readable) throw new NotFound(TRIP);
  return toDetail(stored, tripAccess);
}

export async function getTrip(db: Queryable, user: Principal | null, id: string): Promise<TripDetail> {
  return detailFor(db, await accessOf(db, user), id);
}

/** The bureau sees every trip; anyone else their own division's trips and those they travel on. */
function scopeOf(access: InternationalAccess): repo.TripScope {
  return access.overview ? { all: true } : { all: false, organisationId: access.user.organisationId, userId: access.user.id };
}

export interface TripListQuery {
  page: number;
  pageSize: number;
  q?: string;
  status?: TripStatus;
  organisationId?: string;
  fiscalYear?: number;
  overdue?: "true" | "false";
  sort: string;
}

export async function listTrips(db: Queryable, user: Principal | null, query: TripListQuery) {
  const access = await accessOf(db, user);
  const { rows, total } = await repo.findTrips(
    db,
    scopeOf(access),
    {
      q: query.q || undefined,
      status: query.status,
      organisationId: query.organisationId,
      departsBetween: query.fiscalYear === undefined ? undefined : fiscalYearRange(query.fiscalYear),
      overdue: query.overdue === undefined ? undefined : query.overdue === "true",
    },
    { today: todayInJapan(), sort: query.sort, page: query.page, pageSize: query.pageSize },
  );
  return { items: rows.map(toSummary), total, page: query.page, pageSize: query.pageSize };
}

/** 報告書の遅延: the caller's own trips (as a traveller) and their division's; the bureau sees all. */
export async function listOverdueReports(db: Queryable, user: Principal | null): Promise<{ items: TripSummary[] }> {
  const access = await accessOf(db, user);
  return { items: (await repo.findOverdueTrips(db, scopeOf(access), todayInJapan())).map(toSummary) };
}

/** 公開用の出張概要 (PDF): whoever may read the trip. */
export async function tripSummaryPdf(db: Queryable, user: Principal | null, id: string): Promise<FileResult> {
  const detail = await getTrip(db, user, id);
  const body = await renderTripSummaryPdf(detail);
  const safeTitle = detail.title.replace(/[\\/:*?"<>|\r\n\t]/g, "_").slice(0, 60);
  return { file: { name: `出張概要_${safeTitle}.pdf`, mimeType: "application/pdf", body } };
}

// ------------------------------------------------------------------ creating and editing

const lineOf = (i: number) => `${i + 1}行目`;

/** The references and dates of an input, checked against the database: every problem named by its line. */
async function validateTripInput(tx: Queryable, input: TripInput, reportDueOn: string): Promise<void> {
  const fields: Record<string, string> = {};
  if (!(await repo.organisationExists(tx, input.ownerOrganisationId))) fields.ownerOrganisationId = "所管する課を選び直してください。";

  const userIds = input.travellers.flatMap((t) => (t.userId ? [t.userId] : []));
  const users = await repo.existingStaffIds(tx, userIds);
  const seen = new Set<string>();
  input.travellers.forEach((t, i) => {
    if (!t.userId) return;
    if (!users.has(t.userId)) fields[`travellers.${i}.userId`] = `出張者 ${lineOf(i)}：市の職員が見つかりません。選び直してください。`;
    else if (seen.has(t.userId)) fields[`travellers.${i}.userId`] = `出張者 ${lineOf(i)}：同じ職員が2回入力されています。`;
    seen.add(t.userId);
  });

  const partners = await repo.existingPartnerIds(
    tx,
    input.visits.flatMap((v) => (v.partnerId ? [v.partnerId] : [])),
  );
  input.visits.forEach((v, i) => {
    if (v.partnerId && !partners.has(v.partnerId))
      fields[`visits.${i}.partnerId`] = `行程 ${lineOf(i)}：相手先が見つかりません。選び直してください。`;
    if (v.visitOn < input.departsOn || v.visitOn > input.returnsOn)
      fields[`visits.${i}.visitOn`] =
        `行程 ${lineOf(i)}：訪問日（${formatWareki(v.visitOn)}）が出張期間（${formatWareki(input.departsOn)}〜${formatWareki(input.returnsOn)}）の外です。`;
  });

  const projects = await repo.existingProjectIds(tx, input.projectIds);
  const missingProjects = input.projectIds.filter((p) => !projects.has(p));
  if (missingProjects.length) fields.projectIds = `関連事業が${missingProjects.length}件見つかりません。選び直してください。`;

  if (reportDueOn < input.returnsOn) fields.reportDueOn = "報告書の提出期限は帰着日以降にしてください。";

  const messages = Object.values(fields);
  if (messages.length)
    throw new ValidationError(
      messages.length === 1 ? messages[0] : `${messages.slice(0, 3).join(" ")}${messages.length > 3 ? " …" : ""}`,
      fields,
    );
}

const fieldsOf = (input: TripInput, reportDueOn: string): repo.TripFields => ({
  title: input.title,
  purpose: input.purpose,
  ownerOrganisationId: input.ownerOrganisationId,
  departsOn: input.departsOn,
  returnsOn: input.returnsOn,
  companions: input.companions,
  reportDueOn,
});

const linesOf = (input: TripInput) => ({
  travellers: input.travellers,
  visits: input.visits,
  costs: input.costs,
  projectIds: [...new Set(input.projectIds)],
});

/** Registers a trip of the caller's own division (an administrator: any) as 計画; returns it. */
export async function createTrip(db: Db, user: Principal | null, actor: Actor, input: TripInput): Promise<TripDetail> {
  return db.transaction(async (tx) => {
    const access = await accessOf(tx, user);
    requireEditRecord(access, input.ownerOrganisationId);
    const id = await createTripIn(tx, actor, input);
    return detailFor(tx, access, id);
  });
}

export async function createTripIn(
  tx: Queryable,
  actor: Actor,
  input: TripInput,
  opts: { isSample?: boolean; sourceKey?: string | null } = {},
): Promise<string> {
  const reportDueOn = input.reportDueOn ?? defaultReportDueOn(input.returnsOn);
  await validateTripInput(tx, input, reportDueOn);
  const id = await repo.insertTrip(tx, fieldsOf(input, reportDueOn), {
    isSample: opts.isSample ?? false,
    createdBy: actor.userId,
    sourceKey: opts.sourceKey,
  });
  await repo.replaceTripLines(tx, id, linesOf(input));
  await repo.insertEvent(tx, id, { fromStatus: null, toStatus: "planned", note: "登録", actorId: actor.userId, actorName: actor.label });
  // the sample data indexes its records once at its end (indexSampleData), to keep a first start fast
  if (!opts.isSample) await indexTrips(tx, [id]);
  await recordAudit(tx, actor, {
    action: "create",
    entityType: "international_trip",
    entityId: id,
    summary: `海外出張「${input.title}」（${formatWareki(input.departsOn)}出発）を計画として登録`,
    after: { ...input, reportDueOn },
  });
  return id;
}

/** What an input says about one cost line, for comparing a locked trip's lines with the request's. */
const costKey = (c: { costKind: string; description: string; planned: number }) => `${c.costKind}\u0000${c.description}\u0000${c.planned}`;

/** The parts of a trip that 決裁 fixes: everything but the cost lines' settled amounts. */
function lockedView(input: {
  title: string;
  purpose: string;
  ownerOrganisationId: string;
  departsOn: string;
  returnsOn: string;
  companions: string;
  reportDueOn: string | null;
  travellers: { userId: string | null; name: string; role: string; paidBy: string }[];
  visits: {
    visitOn: string;
    country: string;
    city: string;
    partnerId: string | null;
    organisation: string;
    counterpart: string;
    purpose: string;
  }[];
  costs: { costKind: string; description: string; planned: number }[];
  projectIds: string[];
}): string {
  return JSON.stringify([
    input.title,
    input.purpose,
    input.ownerOrganisationId,
    input.departsOn,
    input.returnsOn,
    input.companions,
    input.reportDueOn,
    input.travellers.map((t) => [t.userId, t.name, t.role, t.paidBy]),
    input.visits.map((v) => [v.visitOn, v.country, v.city, v.partnerId, v.organisation, v.counterpart, v.purpose]),
    input.costs.map(costKey),
    [...new Set(input.projectIds)].sort(),
  ]);
}

/**
 * Changes a trip (its division's editors): in 計画 and 変更 everything; from 申請 on only the cost lines' settled
 * amounts (anything else is refused, pointing at 差戻し or 変更); never once 完了 or 中止.
 */
export async function updateTrip(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  body: { version: number; trip: TripInput },
): Promise<TripDetail> {
  return db.transaction(async (tx) => {
    const access = await accessOf(tx, user);
    const { trip } = await loadTrip(tx, access, id, true);
    requireEditRecord(access, trip.owner_organisation_id);
    if (trip.version !== body.version) throw new Conflict(STALE, "stale_version");
    await updateTripIn(tx, actor, trip, body.trip, () => requireEditRecord(access, body.trip.ownerOrganisationId));
    await indexTrips(tx, [id]);
    return detailFor(tx, access, id);
  });
}

async function updateTripIn(tx: Queryable, actor: Actor, trip: repo.TripRow, input: TripInput, checkNewOwner: () => void): Promise<void> {
  const status = TRIP_STATUS_LABELS[trip.status];
  if (FINAL_TRIP_STATUSES.includes(trip.status))
    throw new ValidationError(`「${status}」の出張は変更できません。`, { status: `「${status}」の出張は変更できません。` });
  const before = await readTrip(tx, trip.id);
  const beforeInput = {
    title: trip.title,
    purpose: trip.purpose,
    ownerOrganisationId: trip.owner_organisation_id,
    departsOn: trip.departs_on,
    returnsOn: trip.returns_on,
    companions: trip.companions,
    reportDueOn: trip.report_due_on,
    travellers: before.travellers.map((t) => ({ userId: t.user_id, name: t.name, role: t.role, paidBy: t.paid_by })),
    visits: before.visits.map((v) => ({ ...v, visitOn: v.visit_on, partnerId: v.partner_id })),
    costs: before.costs.map((c) => ({ costKind: c.cost_kind, description: c.description, planned: c.planned, settled: c.settled })),
    projectIds: before.projects.map((p) => p.id),
  };

  if (EDITABLE_TRIP_STATUSES.includes(trip.status)) {
    if (input.ownerOrganisationId !== trip.owner_organisation_id) checkNewOwner();
    const reportDueOn = input.reportDueOn ?? defaultReportDueOn(input.returnsOn);
    await validateTripInput(tx, input, reportDueOn);
    if (!(await repo.updateTripFields(tx, trip.id, trip.version, fieldsOf(input, reportDueOn)))) throw new Conflict(STALE, "stale_version");
    await repo.replaceTripLines(tx, trip.id, linesOf(input));
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "international_trip",
      entityId: trip.id,
      summary: `海外出張「${input.title}」を変更`,
      before: beforeInput,
      after: { ...input, reportDueOn },
    });
    return;
  }

  // 申請 and after: the request must carry the trip as it is, but for the settled amounts (a due date left empty
  // keeps the stored one)
  const requested = { ...input, reportDueOn: input.reportDueOn ?? trip.report_due_on };
  if (lockedView(requested) !== lockedView(beforeInput)) {
    const how =
      trip.status === "applied"
        ? "申請中の出張は、局に差し戻されてから（「計画」に戻ってから）変更してください。"
        : "決裁後に予定を変えるときは、状態を「変更」にしてから変更し、もう一度申請してください。";
    throw new ValidationError(`「${status}」の出張で変更できるのは、経費の精算額だけです。${how}`, { trip: how });
  }
  const changes = input.costs.flatMap((c, i) =>
    c.settled !== beforeInput.costs[i].settled ? [{ lineNo: before.costs[i].line_no, settled: c.settled }] : [],
  );
  if (!(await repo.bumpVersion(tx, trip.id, trip.version))) throw new Conflict(STALE, "stale_version");
  await repo.updateSettledAmounts(tx, trip.id, changes);
  await recordAudit(tx, actor, {
    action: "update",
    entityType: "international_trip",
    entityId: trip.id,
    summary: `海外出張「${trip.title}」の経費の精算額を変更（${changes.length}行）`,
    before: { costs: beforeInput.costs },
    after: { costs: input.costs },
  });
}

// ------------------------------------------------------------------ moving through the states

export interface TransitionBody extends TransitionRequest {
  version: number;
  to: TripStatus;
  note: string;
  approvalConditions?: string;
}

/** Moves a trip to the state asked for, if the table allows the caller that move and the request carries what it needs. */
export async function transitionTrip(db: Db, user: Principal | null, actor: Actor, id: string, body: TransitionBody): Promise<TripDetail> {
  return db.transaction(async (tx) => {
    const access = await accessOf(tx, user);
    const { trip, travellers, roles } = await loadTrip(tx, access, id, true);
    if (!roles.has("owner") && !roles.has("manager"))
      throw new Forbidden("この出張の状態を変えられるのは、所管する課の職員と国際を所管する局の担当者だけです。");
    await transitionTripIn(tx, actor, trip, travellers, roles, body);
    await indexTrips(tx, [id]);
    return detailFor(tx, access, id);
  });
}

export async function transitionTripIn(
  tx: Queryable,
  actor: Actor,
  trip: repo.TripRow,
  travellers: repo.TravellerRow[],
  roles: ReadonlySet<TripActorRole>,
  body: TransitionBody,
): Promise<void> {
  if (trip.version !== body.version) throw new Conflict(STALE, "stale_version");
  const check = checkTransition(trip.status, body.to, roles, body);
  if (!check.ok) {
    if (check.kind === "forbidden") throw new Forbidden(check.message);
    throw new ValidationError(check.message, check.fields ?? { to: check.message });
  }
  const { transition } = check;
  if (transition.needsLeader) {
    const leaders = travellers.filter((t) => t.role === "leader").length;
    if (leaders !== 1) {
      const message = `${transition.label}するには、出張者のうち団長を1人決めてください（いまは${leaders}人）。`;
      throw new ValidationError(message, { travellers: message });
    }
  }
  if (transition.needsSettledCosts) {
    const costs = await repo.findCosts(tx, trip.id);
    const open = costs.filter((c) => c.settled === null);
    if (open.length) {
      const lines = open.map((c) => `${c.line_no}行目（${COST_KIND_LABELS[c.cost_kind]}${c.description ? `・${c.description}` : ""}）`);
      const message = `経費の${lines.join("、")}に精算額が入力されていません。すべての行の精算額を入力してから精算してください。`;
      throw new ValidationError(
        message,
        Object.fromEntries(open.map((c) => [`costs.${c.line_no - 1}.settled`, "精算額を入力してください。"])),
      );
    }
  }
  const change: repo.StatusChange = { status: body.to };
  if (body.to === "approved") {
    change.approvedBy = body.approvedBy?.trim();
    change.approvedOn = body.approvedOn;
    change.approvalConditions = body.approvalConditions?.trim() ?? "";
  }
  if (body.to === "travelling") change.safetyLevel = body.safetyLevel;
  if (body.to === "cancelled") change.cancelReason = body.cancelReason?.trim();
  if (!(await repo.updateStatus(tx, trip.id, trip.version, change))) throw new Conflict(STALE, "stale_version");
  const note =
    body.note.trim() ||
    (body.to === "cancelled" ? (body.cancelReason?.trim() ?? "") : "") ||
    (body.to === "approved" ? `決裁者：${change.approvedBy}（${formatWareki(body.approvedOn ?? "")}）` : "");
  await repo.insertEvent(tx, trip.id, { fromStatus: trip.status, toStatus: body.to, note, actorId: actor.userId, actorName: actor.label });
  await recordAudit(tx, actor, {
    action: "trip_transition",
    entityType: "international_trip",
    entityId: trip.id,
    summary: `海外出張「${trip.title}」：${transition.label}（${TRIP_STATUS_LABELS[trip.status]}→${TRIP_STATUS_LABELS[body.to]}）`,
    before: { status: trip.status, version: trip.version },
    after: { ...change, note },
  });
}

// ------------------------------------------------------------------ the report

export interface ReportBody {
  version: number;
  filedOn: string;
  results: string;
  followup: string;
  publish: boolean;
}

/** Files (帰庁 → 報告書提出) or corrects (報告書提出) the report: the division's editors or a traveller who is an editor. */
export async function fileTripReport(db: Db, user: Principal | null, actor: Actor, id: string, body: ReportBody): Promise<TripDetail> {
  return db.transaction(async (tx) => {
    const access = await accessOf(tx, user);
    const { trip, roles } = await loadTrip(tx, access, id, true);
    if (!roles.has("owner") && !roles.has("traveller"))
      throw new Forbidden("出張報告を提出できるのは、出張を所管する課の職員か出張者本人だけです。");
    await fileTripReportIn(tx, actor, trip, body);
    await indexTrips(tx, [id]);
    return detailFor(tx, access, id);
  });
}

export async function fileTripReportIn(tx: Queryable, actor: Actor, trip: repo.TripRow, body: ReportBody): Promise<void> {
  if (trip.version !== body.version) throw new Conflict(STALE, "stale_version");
  if (trip.status !== "returned" && trip.status !== "reported") {
    const message = `出張報告は帰庁後に提出します（この出張は「${TRIP_STATUS_LABELS[trip.status]}」です）。`;
    throw new ValidationError(message, { status: message });
  }
  if (body.filedOn < trip.returns_on) {
    const message = `提出日は帰着日（${formatWareki(trip.returns_on)}）以降にしてください。`;
    throw new ValidationError(message, { filedOn: message });
  }
  const filing = trip.status === "returned";
  const report = {
    status: "reported" as const,
    filedOn: body.filedOn,
    results: body.results,
    followup: body.followup,
    publish: body.publish,
  };
  if (!(await repo.updateReport(tx, trip.id, trip.version, report))) throw new Conflict(STALE, "stale_version");
  if (filing)
    await repo.insertEvent(tx, trip.id, {
      fromStatus: trip.status,
      toStatus: "reported",
      note: `報告書提出（${formatWareki(body.filedOn)}）`,
      actorId: actor.userId,
      actorName: actor.label,
    });
  await recordAudit(tx, actor, {
    action: filing ? "file_report" : "update",
    entityType: "international_trip",
    entityId: trip.id,
    summary: filing ? `海外出張「${trip.title}」の出張報告を提出` : `海外出張「${trip.title}」の出張報告を修正`,
    before: {
      status: trip.status,
      filedOn: trip.report_filed_on,
      results: trip.report_results,
      followup: trip.report_followup,
      publish: trip.report_public,
    },
    after: report,
  });
}

// ------------------------------------------------------------------ steps for the sample data
// (they leave the search index alone: the sample data indexes its trips once at its end, search-index.ts indexSampleData)

/** Moves a trip as the module itself (sample data): every role, the table's and the data's rules still apply. */
export async function transitionTripAsSystem(
  tx: Queryable,
  actor: Actor,
  id: string,
  body: Omit<TransitionBody, "version" | "note"> & { note?: string },
) {
  const trip = await repo.findTrip(tx, id, { forUpdate: true });
  if (!trip) throw new NotFound(TRIP);
  const travellers = await repo.findTravellers(tx, id);
  await transitionTripIn(tx, actor, trip, travellers, ALL_ROLES, { note: "", ...body, version: trip.version });
}

export async function fileTripReportAsSystem(tx: Queryable, actor: Actor, id: string, body: Omit<ReportBody, "version">) {
  const trip = await repo.findTrip(tx, id, { forUpdate: true });
  if (!trip) throw new NotFound(TRIP);
  await fileTripReportIn(tx, actor, trip, { ...body, version: trip.version });
}

export async function updateTripAsSystem(tx: Queryable, actor: Actor, id: string, input: TripInput) {
  const trip = await repo.findTrip(tx, id, { forUpdate: true });
  if (!trip) throw new NotFound(TRIP);
  await updateTripIn(tx, actor, trip, input, () => {});
}

// ------------------------------------------------------------------ the kintone import

/** A trip as a kintone export has it: the input, and where it stands (state, safety level, report). */
export interface ImportedTrip {
  input: TripInput;
  status: TripStatus;
  safetyLevel: number | null;
  reportFiledOn: string | null;
  results: string;
}

/**
 * Writes an imported record over the trip `id` (just created by createTripIn, or the one an earlier import made from
 * the same record): its fields and lines, then its state and report as the export says — whatever state the trip was
 * in, since the kintone app is the record of what already happened. A change of state is kept in the history.
 */
export async function replaceImportedTripIn(
  tx: Queryable,
  actor: Actor,
  id: string,
  imported: ImportedTrip,
  opts: { created: boolean },
): Promise<void> {
  const trip = await repo.findTrip(tx, id, { forUpdate: true });
  if (!trip) throw new NotFound(TRIP);
  const { input } = imported;
  if (!opts.created) {
    const reportDueOn = input.reportDueOn ?? defaultReportDueOn(input.returnsOn);
    await validateTripInput(tx, input, reportDueOn);
    if (!(await repo.updateTripFields(tx, id, trip.version, fieldsOf(input, reportDueOn)))) throw new Conflict(STALE, "stale_version");
    await repo.replaceTripLines(tx, id, linesOf(input));
  }
  await repo.updateImportedState(tx, id, imported);
  await indexTrips(tx, [id]);
  if (imported.status !== trip.status)
    await repo.insertEvent(tx, id, {
      fromStatus: trip.status,
      toStatus: imported.status,
      note: "kintone（海外出張管理）から取込",
      actorId: actor.userId,
      actorName: actor.label,
    });
  await recordAudit(tx, actor, {
    action: opts.created ? "import" : "import_update",
    entityType: "international_trip",
    entityId: id,
    summary: `海外出張「${input.title}」を kintone から${opts.created ? "取込" : "取込（更新）"}（${TRIP_STATUS_LABELS[imported.status]}）`,
    before: opts.created ? undefined : { status: trip.status, version: trip.version },
    after: imported,
  });
}
