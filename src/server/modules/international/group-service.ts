// テーマ別ワーキンググループ as the routes call it. Every member of staff reads the groups. The bureau that coordinates
// international work (its editors and administrators: managerAccessOf) sets a group up, records its meetings, asks the
// member divisions for ideas, decides on them and turns adopted ideas into actions with an owner and a due date. A
// member division's editors send ideas in their own division's name while the call is open (the deadline day
// included, in Japan); an action's progress is recorded by its owner division's editors or by the managers. Each
// write is one transaction: the caller's access, the checks, the change, its audit row; it answers the group as the
// page shows it next. The `…In(tx, …)` steps do the work inside a caller's transaction (the sample data uses them).
import { ACTION_STATUS_LABELS, type GroupDetail, type GroupSummary, IDEA_STATUS_LABELS } from "../../../common/api/international-groups";
import { formatWareki, todayInJapan } from "../../../common/dates";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import { Conflict, Forbidden, NotFound, ValidationError } from "../../platform/errors";
import { accessOf, canEditRecord, type InternationalAccess, managerAccessOf } from "./access";
import type { GroupStatus } from "./group-repository";
import * as repo from "./group-repository";

const STALE = "他の利用者が先に更新しました。画面を再読み込みしてから、もう一度保存してください。";

export interface GroupInput {
  theme: string;
  description: string;
  fiscalYear: number;
  leadOrganisationId: string;
  memberOrganisationIds: string[];
  status: GroupStatus;
}

export interface MeetingInput {
  heldOn: string;
  title: string;
  agenda: string;
  attendees: string;
  minutes: string;
  decisions: string;
}

export interface CallInput {
  title: string;
  question: string;
  closesOn: string;
  meetingId: string | null;
}

export interface IdeaInput {
  title: string;
  body: string;
}

export interface ActionInput {
  title: string;
  ideaId: string | null;
  ownerOrganisationId: string;
  ownerUserId: string | null;
  dueOn: string;
}

export interface ActionProgress {
  version: number;
  status: "open" | "done";
  doneOn: string | null;
  result: string;
  projectId: string | null;
}

type IdeaStatus = repo.IdeaRow["status"];

/** A call takes ideas up to and including its deadline, by the calendar in Japan. */
export const isCallOpen = (closesOn: string, today: string): boolean => today <= closesOn;

/** An action is overdue when it is not done and its due date has passed (in Japan). */
export const isActionOverdue = (a: { status: string; due_on: string }, today: string): boolean => a.status !== "done" && a.due_on < today;

/** The caller may send ideas for `members`: an editor (or administrator) whose own division is a member. */
function mayContribute(access: InternationalAccess, members: { organisation_id: string }[]): boolean {
  const own = access.user.organisationId;
  return members.some((m) => m.organisation_id === own) && canEditRecord(access, own);
}

const mayUpdateAction = (access: InternationalAccess, ownerOrganisationId: string): boolean =>
  access.manager || canEditRecord(access, ownerOrganisationId);

const toSummary = (row: repo.GroupRow): GroupSummary => ({
  id: row.id,
  theme: row.theme,
  fiscalYear: row.fiscal_year,
  leadOrganisationName: row.lead_name,
  status: row.status,
  memberCount: row.member_count,
  meetingCount: row.meeting_count,
  openActions: row.open_actions,
  overdueActions: row.overdue_actions,
  projectCount: row.project_count,
  isSample: row.is_sample,
});

// ------------------------------------------------------------------ reads

export async function listGroups(db: Db, user: Principal | null, query: { fiscalYear?: number; status?: GroupStatus }) {
  const access = await accessOf(db, user);
  const rows = await repo.findGroups(db, todayInJapan(), query);
  return { items: rows.map(toSummary), canManage: access.manager };
}

/** The group as its page shows it to this caller (what they may do is part of it). */
export async function readGroup(tx: Queryable, access: InternationalAccess, id: string): Promise<GroupDetail> {
  const today = todayInJapan();
  const row = await repo.findGroup(tx, today, id);
  if (!row) throw new NotFound("ワーキンググループ");
  const [members, meetings, calls, ideas, actions] = await Promise.all([
    repo.findMembers(tx, id),
    repo.findMeetings(tx, id),
    repo.findCalls(tx, id),
    repo.findIdeas(tx, id),
    repo.findActions(tx, id),
  ]);
  const contributes = row.status === "active" && mayContribute(access, members);
  return {
    ...toSummary(row),
    description: row.description,
    leadOrganisationId: row.lead_organisation_id,
    members: members.map((m) => ({ organisationId: m.organisation_id, name: m.name })),
    meetings: meetings.map((m) => ({
      id: m.id,
      heldOn: m.held_on,
      title: m.title,
      agenda: m.agenda,
      attendees: m.attendees,
      minutes: m.minutes,
      decisions: m.decisions,
    })),
    calls: calls.map((c) => {
      const own = ideas.filter((i) => i.call_id === c.id);
      const open = isCallOpen(c.closes_on, today);
      return {
        id: c.id,
        title: c.title,
        question: c.question,
        closesOn: c.closes_on,
        meetingId: c.meeting_id,
        open,
        divisions: members.map((m) => ({
          organisationId: m.organisation_id,
          name: m.name,
          submitted: own.some((i) => i.organisation_id === m.organisation_id),
        })),
        ideas: own.map((i) => ({
          id: i.id,
          organisationId: i.organisation_id,
          organisationName: i.organisation_name,
          title: i.title,
          body: i.body,
          status: i.status,
          submittedByName: i.submitted_by_name,
          submittedAt: i.submitted_at.toISOString(),
        })),
        canSubmit: open && contributes,
      };
    }),
    actions: actions.map((a) => ({
      id: a.id,
      title: a.title,
      ideaId: a.idea_id,
      ideaTitle: a.idea_title,
      ownerOrganisationId: a.owner_organisation_id,
      ownerOrganisationName: a.owner_organisation_name,
      ownerUserId: a.owner_user_id,
      ownerUserName: a.owner_user_name,
      dueOn: a.due_on,
      status: a.status,
      doneOn: a.done_on,
      result: a.result,
      overdue: isActionOverdue(a, today),
      projectId: a.project_id,
      projectName: a.project_name,
      version: a.version,
      canUpdate: mayUpdateAction(access, a.owner_organisation_id),
    })),
    outcomes: outcomesOf(actions),
    canManage: access.manager,
    version: row.version,
  };
}

/**
 * 成果: what came of the group — each adopted idea with the actions taken on it and the projects they led to (in the
 * order the ideas came), then the actions that came from no idea but led to a project.
 */
export function outcomesOf(actions: repo.ActionRow[]): GroupDetail["outcomes"] {
  const fromIdeas = actions.filter((a) => a.idea_id !== null && a.idea_status === "adopted");
  const direct = actions.filter((a) => a.idea_id === null && a.project_id !== null);
  return [...fromIdeas, ...direct].map((a) => ({
    ideaTitle: a.idea_title,
    organisationName: a.idea_organisation_name,
    actionTitle: a.title,
    actionStatus: a.status,
    projectId: a.project_id,
    projectName: a.project_name,
  }));
}

export async function getGroup(db: Db, user: Principal | null, id: string): Promise<GroupDetail> {
  return readGroup(db, await accessOf(db, user), id);
}

// ------------------------------------------------------------------ groups

function invalid(field: string, message: string): never {
  throw new ValidationError(message, { [field]: message });
}

async function checkGroupInput(tx: Queryable, input: GroupInput): Promise<string[]> {
  const members = [...new Set(input.memberOrganisationIds)];
  const found = await repo.findCityOrganisations(tx, [input.leadOrganisationId, ...members]);
  if (!found.has(input.leadOrganisationId))
    invalid("leadOrganisationId", "事務局の課が見つかりません。市の局・部・課から選び直してください。");
  const missing = members.filter((id) => !found.has(id));
  if (missing.length > 0)
    invalid("memberOrganisationIds", `参加する課のうち${missing.length}件が見つかりません。市の局・部・課から選び直してください。`);
  return members;
}

const groupValues = (input: GroupInput): repo.GroupValues => ({
  theme: input.theme,
  description: input.description,
  fiscalYear: input.fiscalYear,
  leadOrganisationId: input.leadOrganisationId,
  status: input.status,
});

export async function createGroupIn(tx: Queryable, actor: Actor, input: GroupInput, opts: { isSample?: boolean } = {}): Promise<string> {
  const members = await checkGroupInput(tx, input);
  const id = await repo.insertGroup(tx, groupValues(input), opts.isSample ?? false);
  await repo.replaceMembers(tx, id, members);
  await recordAudit(tx, actor, {
    action: "create",
    entityType: "international_working_group",
    entityId: id,
    summary: `ワーキンググループ「${input.theme}」を設置`,
    after: { ...input, memberOrganisationIds: members },
  });
  return id;
}

export async function createGroup(db: Db, user: Principal | null, actor: Actor, input: GroupInput): Promise<GroupDetail> {
  return db.transaction(async (tx) => {
    const access = await managerAccessOf(tx, user);
    return readGroup(tx, access, await createGroupIn(tx, actor, input));
  });
}

export async function updateGroup(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  body: { version: number; group: GroupInput },
): Promise<GroupDetail> {
  return db.transaction(async (tx) => {
    const access = await managerAccessOf(tx, user);
    const before = await readGroup(tx, access, id);
    const members = await checkGroupInput(tx, body.group);
    if (!(await repo.updateGroup(tx, id, body.version, groupValues(body.group)))) throw new Conflict(STALE, "stale");
    await repo.replaceMembers(tx, id, members);
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "international_working_group",
      entityId: id,
      summary: `ワーキンググループ「${body.group.theme}」を変更`,
      before: {
        theme: before.theme,
        description: before.description,
        fiscalYear: before.fiscalYear,
        leadOrganisationId: before.leadOrganisationId,
        memberOrganisationIds: before.members.map((m) => m.organisationId),
        status: before.status,
      },
      after: { ...body.group, memberOrganisationIds: members },
    });
    return readGroup(tx, access, id);
  });
}

/** The group, locked; 404 when there is none. */
async function lockedGroup(tx: Queryable, id: string) {
  const group = await repo.lockGroup(tx, id);
  if (!group) throw new NotFound("ワーキンググループ");
  return group;
}

// ------------------------------------------------------------------ meetings

export async function createMeetingIn(
  tx: Queryable,
  actor: Actor,
  groupId: string,
  input: MeetingInput,
  opts: { isSample?: boolean } = {},
): Promise<string> {
  await lockedGroup(tx, groupId);
  const id = await repo.insertMeeting(tx, groupId, input, opts.isSample ?? false);
  await repo.touchGroup(tx, groupId);
  await recordAudit(tx, actor, {
    action: "create",
    entityType: "international_wg_meeting",
    entityId: id,
    summary: `ワーキンググループの会議「${input.title}」（${formatWareki(input.heldOn)}）を記録`,
    after: { groupId, ...input },
  });
  return id;
}

export async function createMeeting(db: Db, user: Principal | null, actor: Actor, groupId: string, input: MeetingInput) {
  return db.transaction(async (tx) => {
    const access = await managerAccessOf(tx, user);
    await createMeetingIn(tx, actor, groupId, input);
    return readGroup(tx, access, groupId);
  });
}

export async function updateMeeting(db: Db, user: Principal | null, actor: Actor, groupId: string, meetingId: string, input: MeetingInput) {
  return db.transaction(async (tx) => {
    const access = await managerAccessOf(tx, user);
    await lockedGroup(tx, groupId);
    const before = await repo.findMeeting(tx, meetingId);
    if (!before || before.group_id !== groupId) throw new NotFound("会議");
    await repo.updateMeeting(tx, meetingId, input);
    await repo.touchGroup(tx, groupId);
    const { id: _id, group_id: _group, held_on, ...rest } = before;
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "international_wg_meeting",
      entityId: meetingId,
      summary: `ワーキンググループの会議「${input.title}」の記録を更新`,
      before: { heldOn: held_on, ...rest },
      after: input,
    });
    return readGroup(tx, access, groupId);
  });
}

// ------------------------------------------------------------------ calls for ideas

export async function createCallIn(
  tx: Queryable,
  actor: Actor,
  groupId: string,
  input: CallInput,
  opts: { isSample?: boolean } = {},
): Promise<string> {
  await lockedGroup(tx, groupId);
  if (input.meetingId) {
    const meeting = await repo.findMeeting(tx, input.meetingId);
    if (meeting?.group_id !== groupId) invalid("meetingId", "会議が見つかりません。このワーキンググループの会議から選び直してください。");
  }
  const id = await repo.insertCall(tx, groupId, input, opts.isSample ?? false);
  await repo.touchGroup(tx, groupId);
  await recordAudit(tx, actor, {
    action: "create",
    entityType: "international_wg_idea_call",
    entityId: id,
    summary: `アイデア募集「${input.title}」（締切 ${formatWareki(input.closesOn)}）を開始`,
    after: { groupId, ...input },
  });
  return id;
}

export async function createCall(db: Db, user: Principal | null, actor: Actor, groupId: string, input: CallInput) {
  return db.transaction(async (tx) => {
    const access = await managerAccessOf(tx, user);
    // A new call asks for ideas from now on: a deadline already past would be closed before anyone could answer.
    const today = todayInJapan();
    if (!isCallOpen(input.closesOn, today)) invalid("closesOn", `締切日は今日（${formatWareki(today)}）以降の日付にしてください。`);
    await createCallIn(tx, actor, groupId, input);
    return readGroup(tx, access, groupId);
  });
}

// ------------------------------------------------------------------ ideas

export async function submitIdeaIn(
  tx: Queryable,
  actor: Actor,
  call: repo.CallRow,
  organisationId: string,
  submitter: { userId: string | null; name: string },
  input: IdeaInput,
  opts: { isSample?: boolean; submittedAt?: Date } = {},
): Promise<string> {
  const id = await repo.insertIdea(
    tx,
    {
      callId: call.id,
      organisationId,
      title: input.title,
      body: input.body,
      submittedBy: submitter.userId,
      submittedByName: submitter.name,
      submittedAt: opts.submittedAt ?? null,
    },
    opts.isSample ?? false,
  );
  await repo.touchGroup(tx, call.group_id);
  await recordAudit(tx, actor, {
    action: "submit_idea",
    entityType: "international_wg_idea",
    entityId: id,
    summary: `アイデア「${input.title}」を「${call.title}」に提出`,
    after: { callId: call.id, organisationId, ...input },
  });
  return id;
}

/** Finds the call of the group; 404 when it is not this group's. */
async function callOfGroup(tx: Queryable, groupId: string, callId: string): Promise<repo.CallRow> {
  const call = await repo.findCall(tx, callId);
  if (!call || call.group_id !== groupId) throw new NotFound("アイデア募集");
  return call;
}

export async function submitIdea(
  db: Db,
  user: Principal | null,
  actor: Actor,
  groupId: string,
  callId: string,
  input: IdeaInput,
): Promise<GroupDetail> {
  return db.transaction(async (tx) => {
    const access = await accessOf(tx, user);
    const group = await lockedGroup(tx, groupId);
    const call = await callOfGroup(tx, groupId, callId);
    const members = await repo.findMembers(tx, groupId);
    if (!mayContribute(access, members))
      throw new Forbidden("アイデアを提出できるのは、このワーキンググループに参加している課の職員（編集者）だけです。");
    if (group.status !== "active") throw new Conflict("このワーキンググループは終了しています。アイデアは提出できません。", "group_closed");
    if (!isCallOpen(call.closes_on, todayInJapan()))
      throw new Conflict(`締切日（${formatWareki(call.closes_on)}）を過ぎています。このアイデア募集には提出できません。`, "call_closed");
    await submitIdeaIn(tx, actor, call, access.user.organisationId, { userId: access.user.id, name: access.user.displayName }, input);
    return readGroup(tx, access, groupId);
  });
}

export async function decideIdeaIn(tx: Queryable, actor: Actor, idea: repo.IdeaRow, status: IdeaStatus): Promise<void> {
  if (status !== "adopted" && idea.status === "adopted" && (await repo.countActionsOfIdea(tx, idea.id)) > 0)
    throw new Conflict(`アイデア「${idea.title}」からアクションが登録されているため、採用を取り消せません。`, "idea_has_actions");
  await repo.setIdeaStatus(tx, idea.id, status);
  await repo.touchGroup(tx, idea.group_id);
  await recordAudit(tx, actor, {
    action: "decide_idea",
    entityType: "international_wg_idea",
    entityId: idea.id,
    summary: `アイデア「${idea.title}」（${idea.organisation_name}）を${IDEA_STATUS_LABELS[status]}に`,
    before: { status: idea.status },
    after: { status },
  });
}

/** Finds the idea of the group; 404 when it is not this group's. */
async function ideaOfGroup(tx: Queryable, groupId: string, ideaId: string): Promise<repo.IdeaRow> {
  const idea = await repo.findIdea(tx, ideaId);
  if (!idea || idea.group_id !== groupId) throw new NotFound("アイデア");
  return idea;
}

export async function decideIdea(db: Db, user: Principal | null, actor: Actor, groupId: string, ideaId: string, status: IdeaStatus) {
  return db.transaction(async (tx) => {
    const access = await managerAccessOf(tx, user);
    await lockedGroup(tx, groupId);
    await decideIdeaIn(tx, actor, await ideaOfGroup(tx, groupId, ideaId), status);
    return readGroup(tx, access, groupId);
  });
}

// ------------------------------------------------------------------ actions

export async function createActionIn(
  tx: Queryable,
  actor: Actor,
  groupId: string,
  input: ActionInput,
  opts: { isSample?: boolean } = {},
): Promise<string> {
  await lockedGroup(tx, groupId);
  if (input.ideaId) {
    const idea = await repo.findIdea(tx, input.ideaId);
    if (idea?.group_id !== groupId) invalid("ideaId", "アイデアが見つかりません。このワーキンググループのアイデアから選び直してください。");
    if (idea.status !== "adopted")
      invalid("ideaId", `アイデア「${idea.title}」はまだ採用されていません。採用したアイデアを選んでください。`);
  }
  const members = await repo.findMembers(tx, groupId);
  const group = await repo.findGroup(tx, todayInJapan(), groupId);
  const owners = new Set([...members.map((m) => m.organisation_id), group?.lead_organisation_id]);
  if (!owners.has(input.ownerOrganisationId))
    invalid("ownerOrganisationId", "担当課は、ワーキンググループの参加課か事務局の課から選んでください。");
  if (input.ownerUserId && (await repo.findUserOrganisation(tx, input.ownerUserId)) !== input.ownerOrganisationId)
    invalid("ownerUserId", "担当者は担当課の職員から選んでください。");
  const id = await repo.insertAction(tx, groupId, input, opts.isSample ?? false);
  await repo.touchGroup(tx, groupId);
  await recordAudit(tx, actor, {
    action: "create",
    entityType: "international_wg_action",
    entityId: id,
    summary: `アクション「${input.title}」（期限 ${formatWareki(input.dueOn)}）を登録`,
    after: { groupId, ...input },
  });
  return id;
}

export async function createAction(db: Db, user: Principal | null, actor: Actor, groupId: string, input: ActionInput) {
  return db.transaction(async (tx) => {
    const access = await managerAccessOf(tx, user);
    await createActionIn(tx, actor, groupId, input);
    return readGroup(tx, access, groupId);
  });
}

export async function recordActionProgressIn(tx: Queryable, actor: Actor, before: repo.ActionRow, input: ActionProgress): Promise<void> {
  if (input.doneOn && input.doneOn > todayInJapan()) invalid("doneOn", "完了日に今日より後の日付は入れられません。");
  if (input.projectId && input.projectId !== before.project_id && (await repo.findProjectName(tx, input.projectId)) === null)
    invalid("projectId", "つながった事業が見つかりません。国際関連事業から選び直してください。");
  if (!(await repo.updateActionProgress(tx, before.id, input.version, input))) throw new Conflict(STALE, "stale");
  await repo.touchGroup(tx, before.group_id);
  await recordAudit(tx, actor, {
    action: "record_progress",
    entityType: "international_wg_action",
    entityId: before.id,
    summary: `アクション「${before.title}」を${ACTION_STATUS_LABELS[input.status]}として記録`,
    before: { status: before.status, doneOn: before.done_on, result: before.result, projectId: before.project_id },
    after: { status: input.status, doneOn: input.doneOn, result: input.result, projectId: input.projectId },
  });
}

export async function updateAction(
  db: Db,
  user: Principal | null,
  actor: Actor,
  groupId: string,
  actionId: string,
  input: ActionProgress,
): Promise<GroupDetail> {
  return db.transaction(async (tx) => {
    const access = await accessOf(tx, user);
    await lockedGroup(tx, groupId);
    const before = await repo.findAction(tx, actionId);
    if (!before || before.group_id !== groupId) throw new NotFound("アクション");
    if (!mayUpdateAction(access, before.owner_organisation_id))
      throw new Forbidden(
        `このアクションの進み具合を記録できるのは、担当課（${before.owner_organisation_name}）の職員と国際を所管する局の担当者だけです。`,
      );
    await recordActionProgressIn(tx, actor, before, input);
    return readGroup(tx, access, groupId);
  });
}

/** The sample data's look-ups, through this file so that group-demo.ts holds no SQL. */
export const findCall = repo.findCall;
export const findIdea = repo.findIdea;
export const findAction = repo.findAction;
export const findProjectIdByName = repo.findProjectIdByName;
