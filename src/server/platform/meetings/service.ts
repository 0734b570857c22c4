// 会議 (issue 18): one kind of meeting for every partner. A meeting belongs to a record of a module (ownerKind +
// ownerId); the module registered the kind (owners.ts) and says who reads the record's meetings and who records them.
// A kind nobody registered is refused on a write and read by nobody. The follow-up items (宿題) a meeting produced are
// assigned to a member of staff and/or an outside organisation with a due date; the owner's managers and the assignee
// close and reopen them. Every write is one transaction with its audit row.
import type {
  Followup,
  FollowupListItem,
  FollowupScope,
  MeetingDetail,
  MeetingOwner,
  MeetingSort,
  MeetingSummary,
} from "../../../common/api/meetings";
import { fiscalYearRange, todayInJapan } from "../../../common/dates";
import { MEETING_KIND_LABELS, MEETING_KINDS, type MeetingKind } from "../../../common/meetings/meeting-kinds";
import { ATTACHMENTS_PER_SECTION_MAX } from "../../../common/upload-limits";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../audit/audit";
import type { Principal } from "../auth/permissions";
import { Conflict, Forbidden, NotFound, ValidationError } from "../errors";
import { checkAttachmentUpload, storeFile } from "../files/files";
import { deleteOwnedFile, listOwnedFiles, type OwnedFile, readFileFor, registerFileOwnerKind } from "../files/owners";
import { requireUpload, type Upload } from "../http/multipart";
import type { FileResult } from "../http/types";
import { type MeetingOwnerKind, meetingOwnerKind, meetingOwnerKinds } from "./owners";
import * as repo from "./repository";

const MEETING = "会議";
const FOLLOWUP = "宿題";
const MATERIAL = "会議資料";
const STALE = "他の人が先に変更しました。画面を読み込み直してから、もう一度操作してください。";

const materialOwner = (id: string) => ({ kind: "meeting", id, purpose: "attachment" }) as const;

// A meeting's materials are read by whoever may read the meeting (its owner's rule).
registerFileOwnerKind("meeting", {
  async canRead(db, user, file) {
    if (!file.ownerId) return false;
    const meeting = await repo.findMeeting(db, file.ownerId);
    if (!meeting) return false;
    const owner = meetingOwnerKind(meeting.owner_kind);
    return !!owner && (await owner.canRead(db, user, meeting.owner_id));
  },
});

// ------------------------------------------------------------------ owners and rights

function requireUser(user: Principal | null): Principal {
  if (!user) throw new Forbidden("ログインしてください。");
  return user;
}

/** The registered kind; a kind nobody registered is refused (a write) or unknown (a read). */
function ownerKindOf(kind: string, onMissing: "refuse" | "hide"): MeetingOwnerKind {
  const owner = meetingOwnerKind(kind);
  if (owner) return owner;
  if (onMissing === "hide") throw new NotFound(MEETING);
  throw new ValidationError("この種類の記録には会議を記録できません。", { ownerKind: "この種類の記録には会議を記録できません。" });
}

async function describeOwner(db: Queryable, owner: MeetingOwnerKind, ownerId: string): Promise<MeetingOwner> {
  const described = await owner.describe(db, ownerId);
  return { kind: owner.kind, kindLabel: owner.label, id: ownerId, title: described?.title ?? null, path: described?.path ?? null };
}

interface MeetingAccess {
  user: Principal;
  owner: MeetingOwnerKind;
  meeting: repo.MeetingRow;
  canManage: boolean;
}

/** The meeting, if the caller may read it (anyone else: 404, they learn nothing of it). */
async function readableMeeting(db: Queryable, user: Principal | null, id: string, forUpdate = false): Promise<MeetingAccess> {
  const caller = requireUser(user);
  const meeting = await repo.findMeeting(db, id, { forUpdate });
  if (!meeting) throw new NotFound(MEETING);
  const owner = ownerKindOf(meeting.owner_kind, "hide");
  if (!(await owner.canRead(db, caller, meeting.owner_id))) throw new NotFound(MEETING);
  return { user: caller, owner, meeting, canManage: await owner.canManage(db, caller, meeting.owner_id) };
}

async function managedMeeting(db: Queryable, user: Principal | null, id: string): Promise<MeetingAccess> {
  const access = await readableMeeting(db, user, id, true);
  if (!access.canManage) throw new Forbidden(`この会議を変更できるのは、${access.owner.label}の会議を記録する担当者だけです。`);
  return access;
}

/** Every record with meetings that the caller may read (each owner's module decides), as arrays for the SQL. */
async function readableOwners(db: Queryable, user: Principal, ownerKind?: string): Promise<repo.OwnerSet> {
  const set: repo.OwnerSet = { kinds: [], ids: [] };
  for (const row of await repo.meetingOwners(db, ownerKind)) {
    const owner = meetingOwnerKind(row.owner_kind);
    if (owner && (await owner.canRead(db, user, row.owner_id))) {
      set.kinds.push(row.owner_kind);
      set.ids.push(row.owner_id);
    }
  }
  return set;
}

/** Owners described once per request: a list names the same framework many times. */
function ownerDescriber(db: Queryable) {
  const cache = new Map<string, Promise<MeetingOwner>>();
  return (kind: string, id: string): Promise<MeetingOwner> => {
    const key = `${kind}:${id}`;
    let found = cache.get(key);
    if (!found) {
      const owner = meetingOwnerKind(kind);
      found = owner
        ? describeOwner(db, owner, id)
        : Promise.resolve({ kind, kindLabel: kind, id, title: null, path: null } satisfies MeetingOwner);
      cache.set(key, found);
    }
    return found;
  };
}

// ------------------------------------------------------------------ shaping

const asKind = (kind: string): MeetingKind => ((MEETING_KINDS as readonly string[]).includes(kind) ? (kind as MeetingKind) : "other");

function toSummary(row: repo.MeetingSummaryRow, owner: MeetingOwner): MeetingSummary {
  return {
    id: row.id,
    owner,
    kind: asKind(row.kind),
    title: row.title,
    heldOn: row.held_on,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    place: row.place,
    online: row.online,
    organisations: row.organisations ?? [],
    decisionCount: Number(row.decision_count),
    materialCount: Number(row.material_count),
    openFollowups: Number(row.open_followups),
    overdueFollowups: Number(row.overdue_followups),
    isSample: row.is_sample,
  };
}

function toFollowup(row: repo.FollowupRow, user: Principal, canManage: boolean, today: string): Followup {
  const mine = row.assignee_id === user.id;
  return {
    id: row.id,
    meetingId: row.meeting_id,
    title: row.title,
    detail: row.detail,
    assigneeId: row.assignee_id,
    assigneeName: row.assignee_name,
    assigneeOrganisation: row.assignee_organisation,
    ownerOrganisation: row.owner_organisation,
    dueOn: row.due_on,
    status: row.status,
    doneOn: row.done_on,
    doneByName: row.done_by_name,
    doneNote: row.done_note,
    overdue: row.status === "open" && row.due_on !== null && row.due_on < today,
    mine,
    canClose: canManage || mine,
    isSample: row.is_sample,
    version: Number(row.version),
  };
}

const toMaterial = (file: OwnedFile) => ({
  id: file.id,
  name: file.name,
  mimeType: file.mimeType,
  sizeBytes: file.sizeBytes,
  createdAt: file.createdAt,
  uploaderName: file.createdByName,
});

async function detailOf(db: Queryable, access: MeetingAccess): Promise<MeetingDetail> {
  const { meeting: m, user, canManage } = access;
  const today = todayInJapan();
  const [attendees, decisions, materials, followups, owner] = await Promise.all([
    repo.listAttendees(db, m.id),
    repo.listDecisions(db, m.id),
    listOwnedFiles(db, materialOwner(m.id)),
    repo.listMeetingFollowups(db, m.id),
    describeOwner(db, access.owner, m.owner_id),
  ]);
  const shaped = followups.map((f) => toFollowup(f, user, canManage, today));
  return {
    id: m.id,
    owner,
    kind: asKind(m.kind),
    title: m.title,
    heldOn: m.held_on,
    startsAt: m.starts_at,
    endsAt: m.ends_at,
    place: m.place,
    online: m.online,
    onlineUrl: m.online_url,
    agenda: m.agenda,
    minutes: m.minutes,
    organisations: attendees.map((a) => a.organisation_name),
    attendees: attendees.map((a) => ({ organisationName: a.organisation_name, organisationId: a.organisation_id, people: a.people })),
    decisions,
    decisionCount: decisions.length,
    materials: materials.map(toMaterial),
    materialCount: materials.length,
    followups: shaped,
    openFollowups: shaped.filter((f) => f.status === "open").length,
    overdueFollowups: shaped.filter((f) => f.overdue).length,
    isSample: m.is_sample,
    createdByName: m.created_by_name,
    updatedAt: m.updated_at,
    version: Number(m.version),
    canManage,
  };
}

/** The detail re-read after a write (the same transaction), with the caller's rights as they were checked. */
async function reread(tx: Queryable, access: MeetingAccess): Promise<MeetingDetail> {
  const meeting = await repo.findMeeting(tx, access.meeting.id);
  if (!meeting) throw new NotFound(MEETING);
  return detailOf(tx, { ...access, meeting });
}

// ------------------------------------------------------------------ reading

export async function listRecordMeetings(db: Db, user: Principal | null, ownerKind: string, ownerId: string) {
  const caller = requireUser(user);
  const owner = meetingOwnerKind(ownerKind);
  if (!owner || !(await owner.canRead(db, caller, ownerId))) throw new NotFound("記録");
  const described = await describeOwner(db, owner, ownerId);
  if (described.title === null) throw new NotFound("記録");
  const today = todayInJapan();
  const rows = await repo.listOwnerMeetings(db, { kind: ownerKind, id: ownerId }, today);
  const items = rows.map((row) => toSummary(row, described));
  return {
    owner: described,
    items,
    openFollowups: items.reduce((n, m) => n + m.openFollowups, 0),
    overdueFollowups: items.reduce((n, m) => n + m.overdueFollowups, 0),
    canManage: await owner.canManage(db, caller, ownerId),
  };
}

export interface MeetingQuery {
  kind?: MeetingKind;
  ownerKind?: string;
  fiscalYear?: number;
  from?: string;
  to?: string;
  q?: string;
  sort: MeetingSort;
}

function filterOf(query: MeetingQuery): repo.MeetingFilter {
  let { from, to } = query;
  if (query.fiscalYear !== undefined) {
    const range = fiscalYearRange(query.fiscalYear);
    from = from && from > range.start ? from : range.start;
    to = to && to < range.end ? to : range.end;
  }
  return { kind: query.kind, ownerKind: query.ownerKind, from, to, q: query.q || undefined };
}

async function searchReadable(db: Db, user: Principal, query: MeetingQuery, paging: { limit: number; offset: number } | null) {
  const owners = await readableOwners(db, user, query.ownerKind);
  const found = await repo.searchMeetings(db, owners, filterOf(query), query.sort, paging, todayInJapan());
  const describe = ownerDescriber(db);
  const items = await Promise.all(found.rows.map(async (row) => toSummary(row, await describe(row.owner_kind, row.owner_id))));
  return { items, total: found.total };
}

export async function listMeetings(db: Db, user: Principal | null, query: MeetingQuery & { page: number; pageSize: number }) {
  const caller = requireUser(user);
  const { items, total } = await searchReadable(db, caller, query, {
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  const ownerKinds = meetingOwnerKinds().map((k) => ({ kind: k.kind, label: k.label }));
  return { items, total, page: query.page, pageSize: query.pageSize, ownerKinds };
}

/** Every matching meeting (no paging) for the CSV / Excel export; the export itself is audited by the route's caller. */
export async function meetingsForExport(db: Db, user: Principal | null, actor: Actor, query: MeetingQuery, format: string) {
  const caller = requireUser(user);
  const { items } = await searchReadable(db, caller, query, null);
  await recordAudit(db, actor, {
    action: "export",
    entityType: "meeting",
    summary: `会議の一覧を出力（${items.length}件, ${format}）`,
    after: { ...query, format },
  });
  return items;
}

export async function getMeeting(db: Db, user: Principal | null, id: string): Promise<MeetingDetail> {
  return detailOf(db, await readableMeeting(db, user, id));
}

export async function listFollowups(
  db: Db,
  user: Principal | null,
  query: { scope: FollowupScope; page: number; pageSize: number },
): Promise<{
  items: FollowupListItem[];
  total: number;
  page: number;
  pageSize: number;
  counts: { mine: number; open: number; overdue: number };
}> {
  const caller = requireUser(user);
  const owners = await readableOwners(db, caller);
  const today = todayInJapan();
  const paging = { limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
  const [found, counts] = await Promise.all([
    repo.searchFollowups(db, owners, query.scope, caller.id, today, paging),
    repo.countFollowups(db, owners, caller.id, today),
  ]);
  const describe = ownerDescriber(db);
  const manages = new Map<string, Promise<boolean>>();
  const canManage = (kind: string, id: string) => {
    const key = `${kind}:${id}`;
    if (!manages.has(key)) manages.set(key, meetingOwnerKind(kind)?.canManage(db, caller, id) ?? Promise.resolve(false));
    return manages.get(key) as Promise<boolean>;
  };
  const items = await Promise.all(
    found.rows.map(async (row) => ({
      ...toFollowup(row, caller, await canManage(row.owner_kind, row.owner_id), today),
      meetingTitle: row.meeting_title,
      meetingKind: asKind(row.meeting_kind),
      meetingHeldOn: row.meeting_held_on,
      owner: await describe(row.owner_kind, row.owner_id),
    })),
  );
  return { items, total: found.total, page: query.page, pageSize: query.pageSize, counts };
}

// ------------------------------------------------------------------ writing meetings

export interface MeetingInput {
  kind: MeetingKind;
  title: string;
  heldOn: string;
  startsAt: string | null;
  endsAt: string | null;
  place: string;
  online: boolean;
  onlineUrl: string | null;
  agenda: string;
  minutes: string;
  attendees: { organisationName: string; organisationId: string | null; people: string }[];
  decisions: string[];
}

async function checkAttendees(tx: Queryable, attendees: MeetingInput["attendees"]): Promise<void> {
  const ids = [...new Set(attendees.map((a) => a.organisationId).filter((id): id is string => id !== null))];
  const known = await repo.existingOrganisations(tx, ids);
  if (ids.some((id) => !known.has(id)))
    throw new ValidationError("出席団体の組織が見つかりません。", { attendees: "出席団体の組織が見つかりません。" });
}

const valuesOf = (input: MeetingInput): repo.MeetingValues => ({
  kind: input.kind,
  title: input.title,
  heldOn: input.heldOn,
  startsAt: input.startsAt,
  endsAt: input.endsAt,
  place: input.place,
  online: input.online,
  onlineUrl: input.online ? input.onlineUrl : null,
  agenda: input.agenda,
  minutes: input.minutes,
});

/** What the audit row keeps of a meeting. */
const meetingFacts = (input: MeetingInput | repo.MeetingRow) =>
  "heldOn" in input
    ? { kind: input.kind, title: input.title, heldOn: input.heldOn, place: input.place, online: input.online }
    : { kind: input.kind, title: input.title, heldOn: input.held_on, place: input.place, online: input.online };

export async function createMeeting(
  db: Db,
  user: Principal | null,
  actor: Actor,
  input: MeetingInput & { ownerKind: string; ownerId: string },
  opts: { isSample?: boolean } = {},
): Promise<MeetingDetail> {
  const caller = requireUser(user);
  const owner = ownerKindOf(input.ownerKind, "refuse");
  return db.transaction(async (tx) => {
    if (!(await owner.canRead(tx, caller, input.ownerId))) throw new NotFound("会議の対象の記録");
    const described = await describeOwner(tx, owner, input.ownerId);
    if (described.title === null) throw new NotFound("会議の対象の記録");
    if (!(await owner.canManage(tx, caller, input.ownerId)))
      throw new Forbidden(`${owner.label}の会議を記録できるのは、所管する担当者だけです。`);
    await checkAttendees(tx, input.attendees);
    const id = await repo.insertMeeting(tx, { kind: owner.kind, id: input.ownerId }, valuesOf(input), actor.userId, opts.isSample);
    await repo.replaceAttendees(tx, id, input.attendees);
    await repo.replaceDecisions(tx, id, input.decisions);
    await recordAudit(tx, actor, {
      action: "create",
      entityType: "meeting",
      entityId: id,
      summary: `${owner.label}「${described.title}」の${MEETING_KIND_LABELS[input.kind]}「${input.title}」を記録`,
      after: {
        owner: { kind: owner.kind, id: input.ownerId },
        ...meetingFacts(input),
        attendees: input.attendees,
        decisions: input.decisions,
      },
    });
    const meeting = await repo.findMeeting(tx, id);
    if (!meeting) throw new NotFound(MEETING);
    return detailOf(tx, { user: caller, owner, meeting, canManage: true });
  });
}

export async function updateMeeting(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  input: MeetingInput & { version: number },
): Promise<MeetingDetail> {
  return db.transaction(async (tx) => {
    const access = await managedMeeting(tx, user, id);
    await checkAttendees(tx, input.attendees);
    const before = {
      ...meetingFacts(access.meeting),
      attendees: await repo.listAttendees(tx, id),
      decisions: await repo.listDecisions(tx, id),
    };
    if (!(await repo.updateMeeting(tx, id, input.version, valuesOf(input)))) throw new Conflict(STALE, "stale");
    await repo.replaceAttendees(tx, id, input.attendees);
    await repo.replaceDecisions(tx, id, input.decisions);
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "meeting",
      entityId: id,
      summary: `会議「${input.title}」を変更`,
      before,
      after: { ...meetingFacts(input), attendees: input.attendees, decisions: input.decisions },
    });
    return reread(tx, access);
  });
}

export async function deleteMeeting(db: Db, user: Principal | null, actor: Actor, id: string, version: number): Promise<{ ok: true }> {
  return db.transaction(async (tx) => {
    const access = await managedMeeting(tx, user, id);
    const followups = await repo.listMeetingFollowups(tx, id);
    if (!(await repo.deleteMeeting(tx, id, version))) throw new Conflict(STALE, "stale");
    await recordAudit(tx, actor, {
      action: "delete",
      entityType: "meeting",
      entityId: id,
      summary: `会議「${access.meeting.title}」を削除（宿題${followups.length}件とも）`,
      before: { owner: { kind: access.meeting.owner_kind, id: access.meeting.owner_id }, ...meetingFacts(access.meeting) },
    });
    return { ok: true as const };
  });
}

// ------------------------------------------------------------------ materials

export async function uploadMaterial(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  form: Upload | null,
): Promise<MeetingDetail> {
  return db.transaction(async (tx) => {
    const access = await managedMeeting(tx, user, id);
    const upload = requireUpload(form);
    const mimeType = checkAttachmentUpload(upload.name, upload.bytes);
    if ((await listOwnedFiles(tx, materialOwner(id))).length >= ATTACHMENTS_PER_SECTION_MAX)
      throw new ValidationError(`会議資料は${ATTACHMENTS_PER_SECTION_MAX}件までです。不要な資料を削除してから添付してください。`);
    const stored = await storeFile(tx, {
      name: upload.name,
      mimeType,
      bytes: upload.bytes,
      createdBy: actor.userId,
      owner: { ...materialOwner(id), organisationId: access.user.organisationId },
    });
    await repo.touchMeeting(tx, id);
    await recordAudit(tx, actor, {
      action: "attach_file",
      entityType: "meeting",
      entityId: id,
      summary: `会議「${access.meeting.title}」に資料「${stored.name}」を添付`,
      after: {
        fileId: stored.id,
        name: stored.name,
        uploadedAs: upload.name,
        mimeType,
        sizeBytes: stored.sizeBytes,
        sha256: stored.sha256,
      },
    });
    return reread(tx, access);
  });
}

export async function downloadMaterial(db: Db, user: Principal | null, actor: Actor, id: string, fileId: string): Promise<FileResult> {
  const access = await readableMeeting(db, user, id);
  const file = await readFileFor(db, access.user, fileId, { kind: "meeting", ownerId: id, purpose: "attachment" }, MATERIAL);
  await recordAudit(db, actor, {
    action: "download",
    entityType: "file",
    entityId: file.id,
    summary: `会議「${access.meeting.title}」の資料「${file.name}」をダウンロード`,
  });
  return { file: { name: file.name, mimeType: file.mimeType, body: file.body } };
}

export async function deleteMaterial(db: Db, user: Principal | null, actor: Actor, id: string, fileId: string): Promise<MeetingDetail> {
  return db.transaction(async (tx) => {
    const access = await managedMeeting(tx, user, id);
    const deleted = await deleteOwnedFile(tx, fileId, materialOwner(id), MATERIAL);
    await repo.touchMeeting(tx, id);
    await recordAudit(tx, actor, {
      action: "remove_file",
      entityType: "meeting",
      entityId: id,
      summary: `会議「${access.meeting.title}」の資料「${deleted.name}」を削除`,
      before: { fileId: deleted.id, name: deleted.name, mimeType: deleted.mimeType, sizeBytes: deleted.sizeBytes, sha256: deleted.sha256 },
    });
    return reread(tx, access);
  });
}

// ------------------------------------------------------------------ follow-ups

export interface FollowupInput {
  title: string;
  detail: string;
  assigneeId: string | null;
  ownerOrganisation: string | null;
  dueOn: string | null;
}

async function checkAssignee(tx: Queryable, assigneeId: string | null): Promise<string | null> {
  if (assigneeId === null) return null;
  const staff = await repo.findAssignableStaff(tx, assigneeId);
  if (!staff) {
    const message = "担当者には、在職中の市の職員を選んでください。";
    throw new ValidationError(message, { assigneeId: message });
  }
  return staff.display_name;
}

async function followupOf(tx: Queryable, meetingId: string, followupId: string): Promise<repo.FollowupRow> {
  const found = await repo.findFollowup(tx, meetingId, followupId, { forUpdate: true });
  if (!found) throw new NotFound(FOLLOWUP);
  return found;
}

const followupFacts = (f: FollowupInput | repo.FollowupRow) =>
  "assigneeId" in f
    ? { title: f.title, assigneeId: f.assigneeId, ownerOrganisation: f.ownerOrganisation, dueOn: f.dueOn }
    : { title: f.title, assigneeId: f.assignee_id, ownerOrganisation: f.owner_organisation, dueOn: f.due_on, status: f.status };

export async function createFollowup(
  db: Db,
  user: Principal | null,
  actor: Actor,
  meetingId: string,
  input: FollowupInput,
): Promise<MeetingDetail> {
  return db.transaction(async (tx) => {
    const access = await managedMeeting(tx, user, meetingId);
    const assigneeName = await checkAssignee(tx, input.assigneeId);
    const id = await repo.insertFollowup(tx, meetingId, input, actor.userId);
    await repo.touchMeeting(tx, meetingId);
    await recordAudit(tx, actor, {
      action: "create",
      entityType: "meeting_followup",
      entityId: id,
      summary: `会議「${access.meeting.title}」の宿題「${input.title}」を追加${assigneeName ? `（担当: ${assigneeName}）` : ""}`,
      after: { meetingId, ...followupFacts(input) },
    });
    return reread(tx, access);
  });
}

export async function updateFollowup(
  db: Db,
  user: Principal | null,
  actor: Actor,
  meetingId: string,
  followupId: string,
  input: FollowupInput & { version: number },
): Promise<MeetingDetail> {
  return db.transaction(async (tx) => {
    const access = await managedMeeting(tx, user, meetingId);
    const before = await followupOf(tx, meetingId, followupId);
    const assigneeName = await checkAssignee(tx, input.assigneeId);
    if (!(await repo.updateFollowup(tx, followupId, input.version, input))) throw new Conflict(STALE, "stale");
    const reassigned = before.assignee_id !== input.assigneeId;
    await repo.touchMeeting(tx, meetingId);
    await recordAudit(tx, actor, {
      action: reassigned ? "assign_followup" : "update",
      entityType: "meeting_followup",
      entityId: followupId,
      summary: reassigned
        ? `宿題「${input.title}」の担当者を${assigneeName ? `${assigneeName}に` : "なしに"}変更`
        : `宿題「${input.title}」を変更`,
      before: followupFacts(before),
      after: followupFacts(input),
    });
    return reread(tx, access);
  });
}

/** The owner's managers and the item's assignee may close and reopen it; anyone else who reads the meeting may not. */
async function closableFollowup(tx: Queryable, user: Principal | null, meetingId: string, followupId: string) {
  const access = await readableMeeting(tx, user, meetingId, true);
  const item = await followupOf(tx, meetingId, followupId);
  if (!access.canManage && item.assignee_id !== access.user.id)
    throw new Forbidden("この宿題を完了・再開できるのは、担当者と会議を記録する担当者だけです。");
  return { access, item };
}

export async function closeFollowup(
  db: Db,
  user: Principal | null,
  actor: Actor,
  meetingId: string,
  followupId: string,
  input: { version: number; doneOn: string | null; note: string },
): Promise<MeetingDetail> {
  return db.transaction(async (tx) => {
    const { access, item } = await closableFollowup(tx, user, meetingId, followupId);
    const today = todayInJapan();
    const doneOn = input.doneOn ?? today;
    if (doneOn > today)
      throw new ValidationError("完了日に未来の日付は入力できません。", { doneOn: "完了日に未来の日付は入力できません。" });
    if (item.status === "done" && item.version === input.version) throw new Conflict("この宿題はすでに完了しています。", "already_done");
    if (!(await repo.closeFollowup(tx, followupId, input.version, { doneOn, doneBy: access.user.id, note: input.note })))
      throw new Conflict(STALE, "stale");
    await repo.touchMeeting(tx, meetingId);
    await recordAudit(tx, actor, {
      action: "complete_followup",
      entityType: "meeting_followup",
      entityId: followupId,
      summary: `会議「${access.meeting.title}」の宿題「${item.title}」を完了`,
      before: { status: item.status },
      after: { status: "done", doneOn, note: input.note },
    });
    return reread(tx, access);
  });
}

export async function reopenFollowup(
  db: Db,
  user: Principal | null,
  actor: Actor,
  meetingId: string,
  followupId: string,
  version: number,
): Promise<MeetingDetail> {
  return db.transaction(async (tx) => {
    const { access, item } = await closableFollowup(tx, user, meetingId, followupId);
    if (item.status === "open" && item.version === version) throw new Conflict("この宿題は未完了です。", "not_done");
    if (!(await repo.reopenFollowup(tx, followupId, version))) throw new Conflict(STALE, "stale");
    await repo.touchMeeting(tx, meetingId);
    await recordAudit(tx, actor, {
      action: "reopen_followup",
      entityType: "meeting_followup",
      entityId: followupId,
      summary: `会議「${access.meeting.title}」の宿題「${item.title}」を未完了に戻す`,
      before: { status: item.status, doneOn: item.done_on, note: item.done_note },
      after: { status: "open" },
    });
    return reread(tx, access);
  });
}

export async function deleteFollowup(
  db: Db,
  user: Principal | null,
  actor: Actor,
  meetingId: string,
  followupId: string,
  version: number,
): Promise<MeetingDetail> {
  return db.transaction(async (tx) => {
    const access = await managedMeeting(tx, user, meetingId);
    const item = await followupOf(tx, meetingId, followupId);
    if (!(await repo.deleteFollowup(tx, followupId, version))) throw new Conflict(STALE, "stale");
    await repo.touchMeeting(tx, meetingId);
    await recordAudit(tx, actor, {
      action: "delete",
      entityType: "meeting_followup",
      entityId: followupId,
      summary: `会議「${access.meeting.title}」の宿題「${item.title}」を削除`,
      before: followupFacts(item),
    });
    return reread(tx, access);
  });
}

// ------------------------------------------------------------------ sample data

export interface SampleMeeting extends MeetingInput {
  ownerKind: string;
  ownerId: string;
  followups: (FollowupInput & { done?: { doneOn: string; note: string } })[];
}

/**
 * Sample meetings (is_sample), recorded by the sample-data actor inside the caller's transaction: no permission to
 * check (nobody is signed in), the same tables and audit rows as a recorded meeting.
 */
export async function recordSampleMeetings(tx: Queryable, actor: Actor, meetings: readonly SampleMeeting[]): Promise<number> {
  for (const m of meetings) {
    const id = await repo.insertMeeting(tx, { kind: m.ownerKind, id: m.ownerId }, valuesOf(m), null, true);
    await repo.replaceAttendees(tx, id, m.attendees);
    await repo.replaceDecisions(tx, id, m.decisions);
    for (const f of m.followups) {
      await repo.insertFollowup(tx, id, f, null, f.done ? { doneOn: f.done.doneOn, doneBy: null, note: f.done.note } : null, true);
    }
  }
  if (meetings.length > 0)
    await recordAudit(tx, actor, {
      action: "load",
      entityType: "meeting",
      entityId: null,
      summary: `会議のサンプルデータ（会議${meetings.length}件、宿題${meetings.reduce((n, m) => n + m.followups.length, 0)}件）を読み込みました`,
    });
  return meetings.length;
}
