// Contracts of the 国際 module's テーマ別ワーキンググループ (issue 15): a theme with member divisions, meetings (agenda,
// attendees, minutes, decisions), calls for ideas sent to the member divisions before a meeting (one form per
// division, open until a deadline), and actions with an owner and a due date tracked to done — each action may name
// the idea it came from and the project it led to, so that a group's page shows what came of it.
import { z } from "zod";
import { zJapaneseDate } from "../zod-japanese";
import { defineContract, idParams } from "./contract";

export const GROUP_STATUSES = ["active", "closed"] as const;
export const GROUP_STATUS_LABELS: Record<(typeof GROUP_STATUSES)[number], string> = { active: "活動中", closed: "終了" };
export const IDEA_STATUSES = ["submitted", "adopted", "not_adopted"] as const;
export const IDEA_STATUS_LABELS: Record<(typeof IDEA_STATUSES)[number], string> = {
  submitted: "提出済",
  adopted: "採用",
  not_adopted: "不採用",
};
export const ACTION_STATUSES = ["open", "done"] as const;
export const ACTION_STATUS_LABELS: Record<(typeof ACTION_STATUSES)[number], string> = { open: "対応中", done: "完了" };

const uuid = z.uuid({ message: "IDの形式が正しくありません" });
const text = (label: string, max: number) => z.string().trim().max(max, `${label}は${max}文字以内です。`);
const required = (label: string, max: number) => text(label, max).min(1, `${label}を入力してください。`);
const version = z.number().int().min(1);

export const groupSummary = z.object({
  id: z.string(),
  theme: z.string(),
  fiscalYear: z.number().int(),
  leadOrganisationName: z.string(),
  status: z.enum(GROUP_STATUSES),
  memberCount: z.number().int(),
  meetingCount: z.number().int(),
  /** actions not done */
  openActions: z.number().int(),
  /** actions past their due date and not done */
  overdueActions: z.number().int(),
  /** projects the group's actions led to */
  projectCount: z.number().int(),
  isSample: z.boolean(),
});
export type GroupSummary = z.infer<typeof groupSummary>;

export const ideaCall = z.object({
  id: z.string(),
  title: z.string(),
  question: z.string(),
  closesOn: z.string(),
  meetingId: z.string().nullable(),
  /** open today (Japan date ≤ closesOn) */
  open: z.boolean(),
  /** each member division: whether it has sent ideas, and its ideas */
  divisions: z.array(z.object({ organisationId: z.string(), name: z.string(), submitted: z.boolean() })),
  ideas: z.array(
    z.object({
      id: z.string(),
      organisationId: z.string(),
      organisationName: z.string(),
      title: z.string(),
      body: z.string(),
      status: z.enum(IDEA_STATUSES),
      submittedByName: z.string(),
      submittedAt: z.string(),
    }),
  ),
  /** the caller's division is a member and may send ideas now */
  canSubmit: z.boolean(),
});

export const groupAction = z.object({
  id: z.string(),
  title: z.string(),
  ideaId: z.string().nullable(),
  ideaTitle: z.string().nullable(),
  ownerOrganisationId: z.string(),
  ownerOrganisationName: z.string(),
  ownerUserId: z.string().nullable(),
  ownerUserName: z.string().nullable(),
  dueOn: z.string(),
  status: z.enum(ACTION_STATUSES),
  doneOn: z.string().nullable(),
  result: z.string(),
  overdue: z.boolean(),
  projectId: z.string().nullable(),
  projectName: z.string().nullable(),
  version: z.number().int(),
  /** the caller may update it (the owner division's editors, the bureau's managers) */
  canUpdate: z.boolean(),
});
export type GroupAction = z.infer<typeof groupAction>;

export const groupMeeting = z.object({
  id: z.string(),
  heldOn: z.string(),
  title: z.string(),
  agenda: z.string(),
  attendees: z.string(),
  minutes: z.string(),
  decisions: z.string(),
});

export const groupDetail = groupSummary.extend({
  description: z.string(),
  leadOrganisationId: z.string(),
  members: z.array(z.object({ organisationId: z.string(), name: z.string() })),
  meetings: z.array(groupMeeting),
  calls: z.array(ideaCall),
  actions: z.array(groupAction),
  /** 成果: each adopted idea → its actions → the projects they led to */
  outcomes: z.array(
    z.object({
      ideaTitle: z.string().nullable(),
      organisationName: z.string().nullable(),
      actionTitle: z.string(),
      actionStatus: z.enum(ACTION_STATUSES),
      projectId: z.string().nullable(),
      projectName: z.string().nullable(),
    }),
  ),
  canManage: z.boolean(),
  version: z.number().int(),
});
export type GroupDetail = z.infer<typeof groupDetail>;

export const listWorkingGroups = defineContract({
  method: "get",
  path: "/api/international/groups",
  tag: "international",
  summary: "テーマ別ワーキンググループの一覧（年度・状態で絞り込み）",
  allow: ["staff"],
  query: z
    .object({ fiscalYear: z.coerce.number().int().min(2000).max(2100).optional(), status: z.enum(GROUP_STATUSES).optional() })
    .strict(),
  response: z.object({ items: z.array(groupSummary), canManage: z.boolean() }),
});

export const getWorkingGroup = defineContract({
  method: "get",
  path: "/api/international/groups/:id",
  tag: "international",
  summary: "ワーキンググループの詳細（会議・アイデア募集と各課のアイデア・アクション・成果）",
  allow: ["staff"],
  params: idParams,
  response: groupDetail,
});

const groupBody = z
  .object({
    theme: required("テーマ", 200),
    description: text("説明", 4000).default(""),
    fiscalYear: z.number({ error: "年度を数値で入力してください。" }).int().min(2000).max(2100),
    leadOrganisationId: uuid,
    memberOrganisationIds: z.array(uuid).min(1, "参加する課を1つ以上選んでください。").max(60),
    status: z.enum(GROUP_STATUSES).default("active"),
  })
  .strict();

export const createWorkingGroup = defineContract({
  method: "post",
  path: "/api/international/groups",
  tag: "international",
  summary: "ワーキンググループを設置（局の担当者）",
  allow: ["international.manager"],
  body: groupBody,
  response: groupDetail,
});

export const updateWorkingGroup = defineContract({
  method: "put",
  path: "/api/international/groups/:id",
  tag: "international",
  summary: "ワーキンググループのテーマ・参加課・状態を変更（局の担当者）",
  allow: ["international.manager"],
  params: idParams,
  body: z.object({ version, group: groupBody }).strict(),
  response: groupDetail,
});

const meetingBody = z
  .object({
    heldOn: zJapaneseDate,
    title: required("会議名", 200),
    agenda: text("議題", 4000).default(""),
    attendees: text("出席者", 2000).default(""),
    minutes: text("議事録", 20000).default(""),
    decisions: text("決定事項", 4000).default(""),
  })
  .strict();

export const createGroupMeeting = defineContract({
  method: "post",
  path: "/api/international/groups/:id/meetings",
  tag: "international",
  summary: "会議を記録（局の担当者）",
  allow: ["international.manager"],
  params: idParams,
  body: meetingBody,
  response: groupDetail,
});

export const updateGroupMeeting = defineContract({
  method: "put",
  path: "/api/international/groups/:id/meetings/:meetingId",
  tag: "international",
  summary: "会議の記録（議事録・決定事項など）を更新（局の担当者）",
  allow: ["international.manager"],
  params: z.object({ id: uuid, meetingId: uuid }),
  body: meetingBody,
  response: groupDetail,
});

export const createIdeaCall = defineContract({
  method: "post",
  path: "/api/international/groups/:id/calls",
  tag: "international",
  summary: "参加課にアイデアを募集（締切日まで各課が提出できます。局の担当者）",
  allow: ["international.manager"],
  params: idParams,
  body: z
    .object({
      title: required("募集名", 200),
      question: text("募集内容", 4000).default(""),
      closesOn: zJapaneseDate,
      meetingId: uuid.nullable().default(null),
    })
    .strict(),
  response: groupDetail,
});

export const submitIdea = defineContract({
  method: "post",
  path: "/api/international/groups/:id/calls/:callId/ideas",
  tag: "international",
  summary: "アイデアを提出（参加課の職員が、締切日まで自課の名前で）",
  allow: ["editor"],
  params: z.object({ id: uuid, callId: uuid }),
  body: z.object({ title: required("アイデア", 200), body: text("内容", 4000).default("") }).strict(),
  response: groupDetail,
});

export const decideIdea = defineContract({
  method: "post",
  path: "/api/international/groups/:id/ideas/:ideaId/decision",
  tag: "international",
  summary: "アイデアの採否を決める（局の担当者）",
  allow: ["international.manager"],
  params: z.object({ id: uuid, ideaId: uuid }),
  body: z.object({ status: z.enum(IDEA_STATUSES) }).strict(),
  response: groupDetail,
});

const actionBody = {
  title: required("アクション", 200),
  ideaId: uuid.nullable().default(null),
  ownerOrganisationId: uuid,
  ownerUserId: uuid.nullable().default(null),
  dueOn: zJapaneseDate,
};

export const createGroupAction = defineContract({
  method: "post",
  path: "/api/international/groups/:id/actions",
  tag: "international",
  summary: "アクションを登録（担当課・担当者・期限。局の担当者）",
  allow: ["international.manager"],
  params: idParams,
  body: z.object(actionBody).strict(),
  response: groupDetail,
});

export const updateGroupAction = defineContract({
  method: "put",
  path: "/api/international/groups/:id/actions/:actionId",
  tag: "international",
  summary: "アクションの進み具合を更新（完了・結果・つながった事業。担当課の職員か局の担当者）",
  allow: ["editor"],
  params: z.object({ id: uuid, actionId: uuid }),
  body: z
    .object({
      version,
      status: z.enum(ACTION_STATUSES),
      doneOn: zJapaneseDate.nullable().default(null),
      result: text("結果", 4000).default(""),
      projectId: uuid.nullable().default(null),
    })
    .strict()
    .refine((a) => (a.status === "done") === (a.doneOn !== null), {
      message: "完了にするときは完了日を、対応中に戻すときは完了日を空にしてください。",
      path: ["doneOn"],
    }),
  response: groupDetail,
});
