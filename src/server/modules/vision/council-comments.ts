// 有識者会議: the members' comments on nodes of a round's plan and the bureau's response (対応) to each, and their CSV
// export. Each request is one transaction: the caller's access, the round they may read, the change, its audit row
// and the comment the page shows next. The `…In` steps run inside the caller's transaction without an access check
// (the demo loads through them).
import type { CommentState, CouncilComment } from "../../../common/api/vision-engagement";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import { Forbidden, NotFound, ValidationError } from "../../platform/errors";
import { writeCsv } from "../../platform/tabular/csv-write";
import { findNodeLabels } from "./core";
import { byText, visibleRound } from "./council";
import { type EngagementAccess, engagementAccessOf, managerEngagementAccessOf, staffAccessOf } from "./engagement-access";
import * as repo from "./engagement-repository";

/** A comment with the code and title of its node (a node of the core, read through its public face, core.ts). */
type CommentRow = repo.CommentRow & { node_code: string; node_title: string };

async function withNodes(db: Queryable, rows: repo.CommentRow[]): Promise<CommentRow[]> {
  const nodes = new Map(
    (
      await findNodeLabels(
        db,
        rows.map((row) => row.node_id),
      )
    ).map((n) => [n.id, n]),
  );
  return rows.flatMap((row) => {
    const node = nodes.get(row.node_id);
    return node ? [{ ...row, node_code: node.code, node_title: node.title }] : [];
  });
}

export const commentState = (response: string | null): CommentState => (response === null ? "未対応" : "対応済");

function toComment(row: CommentRow, access: EngagementAccess): CouncilComment {
  return {
    id: row.id,
    roundId: row.round_id,
    nodeId: row.node_id,
    nodeCode: row.node_code,
    nodeTitle: row.node_title,
    memberId: row.member_id,
    memberName: row.member_name,
    meetingId: row.meeting_id,
    meetingTitle: row.meeting_title,
    body: row.body,
    response: row.response,
    respondedAt: row.responded_at?.toISOString() ?? null,
    state: commentState(row.response),
    createdAt: row.created_at.toISOString(),
    mine: access.member?.id === row.member_id,
    isSample: row.is_sample,
  };
}

/** A round's comments by node code, then oldest first (the sort is stable over the repository's time order). */
async function commentRows(db: Queryable, roundId: string, filter: { state?: CommentState; nodeId?: string; id?: string } = {}) {
  const rows = await withNodes(db, await repo.findComments(db, roundId, filter));
  return rows.sort((a, b) => byText(a.node_code, b.node_code));
}

async function commentsOf(db: Queryable, access: EngagementAccess, roundId: string, filter: { state?: CommentState; nodeId?: string }) {
  return (await commentRows(db, roundId, filter)).map((row) => toComment(row, access));
}

/** The comments on a round the caller may read. */
export async function listComments(
  db: Queryable,
  user: Principal | null,
  roundId: string,
  filter: { state?: CommentState; nodeId?: string },
) {
  const access = await engagementAccessOf(db, user);
  const round = await visibleRound(db, access, roundId);
  return { items: await commentsOf(db, access, round.id, filter) };
}

async function getComment(db: Queryable, access: EngagementAccess, id: string): Promise<CouncilComment> {
  const row = await repo.findComment(db, id);
  const [comment] = row ? await withNodes(db, [row]) : [];
  if (!comment) throw new NotFound("意見");
  return toComment(comment, access);
}

type CommentInput = { nodeId: string; body: string; meetingId?: string | null; memberId?: string };

/** A comment on a round the caller may read (a member's own, or one the bureau records); returns the comment. */
export async function addComment(
  db: Db,
  user: Principal | null,
  actor: Actor,
  roundId: string,
  input: CommentInput,
): Promise<CouncilComment> {
  return db.transaction(async (tx) => {
    const access = await engagementAccessOf(tx, user);
    const round = await visibleRound(tx, access, roundId);
    return getComment(tx, access, await addCommentIn(tx, actor, access, round, input));
  });
}

export async function addCommentIn(
  tx: Queryable,
  actor: Actor,
  access: EngagementAccess,
  round: { id: string; planId: string },
  input: CommentInput,
  opts: { isSample?: boolean } = {},
): Promise<string> {
  // A member writes as themself; the bureau records what a member said at a meeting, under that member's name.
  let memberId: string;
  if (access.member) {
    if (input.memberId && input.memberId !== access.member.id) throw new Forbidden("ほかの委員の名前では意見を書けません。");
    memberId = access.member.id;
  } else {
    if (!access.manager) throw new Forbidden("意見を書けるのは委員本人と新ビジョンの担当者です。");
    if (!input.memberId) throw new ValidationError("意見を述べた委員を選んでください。", { memberId: "委員を選んでください。" });
    memberId = input.memberId;
  }
  const memberName = await repo.memberNameInPlan(tx, memberId, round.planId);
  if (memberName === null) throw new ValidationError("委員が見つかりません。", { memberId: "委員を選び直してください。" });
  const [node] = (await findNodeLabels(tx, [input.nodeId])).filter((n) => n.plan_id === round.planId);
  if (!node) throw new ValidationError("意見の対象が見つかりません。", { nodeId: "対象を選び直してください。" });
  if (input.meetingId && !(await repo.meetingInPlan(tx, input.meetingId, round.planId)))
    throw new ValidationError("会議が見つかりません。", { meetingId: "会議を選び直してください。" });
  const id = await repo.insertComment(
    tx,
    { roundId: round.id, meetingId: input.meetingId ?? null, nodeId: input.nodeId, memberId, body: input.body },
    opts.isSample ?? false,
  );
  await recordAudit(tx, actor, {
    action: "create",
    entityType: "vision_council_comment",
    entityId: id,
    summary: `有識者会議の意見（${memberName}、${node.code} ${node.title}）を記録`,
    after: { roundId: round.id, nodeId: input.nodeId, memberId, meetingId: input.meetingId ?? null, body: input.body },
  });
  return id;
}

/** 市の対応 by the bureau; returns the comment. */
export async function respond(db: Db, user: Principal | null, actor: Actor, commentId: string, response: string): Promise<CouncilComment> {
  return db.transaction(async (tx) => {
    const access = await managerEngagementAccessOf(tx, user);
    await respondIn(tx, actor, commentId, response);
    return getComment(tx, access, commentId);
  });
}

/** 市の対応: the text of the response; an empty text takes it back (未対応 again). */
export async function respondIn(tx: Queryable, actor: Actor, commentId: string, response: string): Promise<void> {
  const current = await repo.lockCommentResponse(tx, commentId);
  if (!current) throw new NotFound("意見");
  const next = response.trim() === "" ? null : response.trim();
  await repo.setCommentResponse(tx, commentId, next, next === null ? null : actor.userId);
  await recordAudit(tx, actor, {
    action: next === null ? "withdraw_response" : "respond",
    entityType: "vision_council_comment",
    entityId: commentId,
    summary: next === null ? "有識者会議の意見への対応を未対応に戻した" : "有識者会議の意見への対応を記録",
    before: { response: current.response },
    after: { response: next },
  });
}

export const COMMENT_CSV_HEADER = [
  "報告ラウンド",
  "コード",
  "施策体系",
  "委員",
  "会議",
  "意見",
  "意見の日時",
  "対応状況",
  "市の対応",
  "対応日時",
];

/** 意見と対応の一覧 as CSV (UTF-8 with BOM, for Excel). */
async function commentsCsv(db: Queryable, access: EngagementAccess, round: { id: string; name: string }): Promise<Uint8Array> {
  const rows = await commentsOf(db, access, round.id, {});
  const stamp = (iso: string | null) => (iso ? new Date(iso).toLocaleString("ja-JP", { timeZone: "Asia/Tokyo" }) : "");
  const cells = rows.map((c) => [
    round.name,
    c.nodeCode,
    c.nodeTitle,
    c.memberName,
    c.meetingTitle ?? "",
    c.body,
    stamp(c.createdAt),
    c.state,
    c.response ?? "",
    stamp(c.respondedAt),
  ]);
  return writeCsv(COMMENT_CSV_HEADER, cells, { encoding: "utf-8-bom" }).bytes;
}

/** The staff's download of a round's comments and responses, audited, in one transaction with its access check. */
export async function exportComments(db: Db, user: Principal | null, actor: Actor, roundId: string) {
  return db.transaction(async (tx) => {
    const access = await staffAccessOf(tx, user);
    const round = await visibleRound(tx, access, roundId);
    const bytes = await commentsCsv(tx, access, round);
    await recordAudit(tx, actor, {
      action: "download",
      entityType: "vision_round",
      entityId: round.id,
      summary: `有識者会議の意見と対応の一覧（${round.name}）を CSV で出力`,
    });
    return { file: { name: `有識者会議の意見と対応_${round.name}.csv`, mimeType: "text/csv; charset=utf-8", body: bytes } };
  });
}
