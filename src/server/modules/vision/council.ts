// 有識者会議 (experts' council): the council page (its members, meetings and the rounds the caller may read) and the
// round's report that the members read. Members and meetings are kept in council-members.ts, the members' comments
// and the bureau's responses in council-comments.ts.
import type { ReportNode } from "../../../common/api/vision-engagement";
import type { Queryable } from "../../db/database";
import type { Principal } from "../../platform/auth/permissions";
import { NotFound } from "../../platform/errors";
import { type RoundRow as CoreRoundRow, findRound, findRoundReportRows, findRounds, type ReportIndicatorRow } from "./core";
import { toMeeting, toMember } from "./council-members";
import { type EngagementAccess, engagementAccessOf, resolvePlan } from "./engagement-access";
import * as repo from "./engagement-repository";

// ------------------------------------------------------------------ rounds the caller may read

/** A round of the core (read through its public face, core.ts) with the council's comments on it. */
type RoundRow = Pick<CoreRoundRow, "id" | "plan_id" | "name" | "fiscal_year" | "as_of" | "status"> & repo.RoundCouncilStats;

async function withCouncilStats(db: Queryable, rounds: CoreRoundRow[]): Promise<RoundRow[]> {
  const stats = await repo.roundCouncilStats(
    db,
    rounds.map((r) => r.id),
  );
  return rounds.map((r) => ({
    id: r.id,
    plan_id: r.plan_id,
    name: r.name,
    fiscal_year: r.fiscal_year,
    as_of: r.as_of,
    status: r.status,
    ...(stats.get(r.id) ?? { comment_count: 0, open_comment_count: 0, in_meeting: false }),
  }));
}

/** Code-point order, as the database orders text (C collation). */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const toRound = (row: RoundRow) => ({
  id: row.id,
  name: row.name,
  fiscalYear: row.fiscal_year,
  asOf: row.as_of,
  status: row.status,
  commentCount: row.comment_count,
  openCommentCount: row.open_comment_count,
});

/** Members read a round once it is closed (or published), or when a meeting takes it up; staff read every round. */
function memberMaySee(row: RoundRow): boolean {
  return row.status !== "open" || row.in_meeting;
}

export async function visibleRound(
  db: Queryable,
  access: EngagementAccess,
  roundId: string,
): Promise<ReturnType<typeof toRound> & { planId: string }> {
  const core = await findRound(db, roundId);
  const [row] = core ? await withCouncilStats(db, [core]) : [];
  if (!row || (access.member && (row.plan_id !== access.member.plan_id || !memberMaySee(row)))) throw new NotFound("報告ラウンド");
  return { ...toRound(row), planId: row.plan_id };
}

// ------------------------------------------------------------------ the council page

/** The council page: a member sees their own plan; staff the plan named (or the plan in force). */
export async function councilOverview(db: Queryable, user: Principal | null, planId?: string) {
  const access = await engagementAccessOf(db, user);
  const plan = await resolvePlan(db, access.member ? access.member.plan_id : planId);
  const [memberRows, meetingRows, coreRounds] = await Promise.all([
    repo.findMembers(db, plan.id),
    repo.findMeetings(db, plan.id),
    findRounds(db, { planId: plan.id }),
  ]);
  // The latest as-of date first, then by name.
  const rounds = (await withCouncilStats(db, coreRounds)).sort((a, b) => byText(b.as_of, a.as_of) || byText(a.name, b.name));
  const roundNames = new Map(coreRounds.map((r) => [r.id, r.name]));
  const meetings = meetingRows.map((row) => ({ ...row, round_name: row.round_id ? (roundNames.get(row.round_id) ?? null) : null }));
  const me = access.member ? memberRows.find((row) => row.id === access.member?.id) : undefined;
  return {
    planId: plan.id,
    planName: plan.name,
    canManage: access.manager,
    me: me ? toMember(me, access) : null,
    // A member sees the sitting council; the bureau sees former members too.
    members: memberRows.filter((row) => access.staff || row.active).map((row) => toMember(row, access)),
    meetings: meetings.map(toMeeting),
    rounds: rounds.filter((row) => access.staff || memberMaySee(row)).map(toRound),
  };
}

// ------------------------------------------------------------------ the round's report

/** The plan tree in reading order (parents before children, siblings by sort order then code), with depths. */
export function orderTree<T extends { id: string; parent_id: string | null; sort_order: number; code: string }>(
  rows: T[],
): (T & { depth: number })[] {
  const children = new Map<string | null, T[]>();
  const ids = new Set(rows.map((row) => row.id));
  for (const row of rows) {
    const parent = row.parent_id && ids.has(row.parent_id) ? row.parent_id : null;
    children.set(parent, [...(children.get(parent) ?? []), row]);
  }
  const out: (T & { depth: number })[] = [];
  const visit = (parent: string | null, depth: number) => {
    const list = (children.get(parent) ?? []).sort((a, b) => a.sort_order - b.sort_order || a.code.localeCompare(b.code, "ja"));
    for (const row of list) {
      out.push({ ...row, depth });
      visit(row.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

/** The round's report with the council's comment counts, for a round the caller may read. */
export async function councilReport(db: Queryable, user: Principal | null, roundId: string) {
  const access = await engagementAccessOf(db, user);
  const round = await visibleRound(db, access, roundId);
  return { round, nodes: await roundReport(db, round) };
}

async function roundReport(db: Queryable, round: { id: string; planId: string; fiscalYear: number; asOf: string }): Promise<ReportNode[]> {
  // The grade of the round when there is one, with the value it was made from; otherwise the latest value of the
  // round's fiscal year known at its as-of date (the core's report rows).
  const [{ nodes, indicators }, comments] = await Promise.all([findRoundReportRows(db, round), repo.commentCountsByNode(db, round.id)]);
  const byNode = new Map<string, ReportIndicatorRow[]>();
  for (const row of indicators) byNode.set(row.node_id, [...(byNode.get(row.node_id) ?? []), row]);
  return orderTree(nodes).map((node) => ({
    id: node.id,
    parentId: node.parent_id,
    kind: node.kind,
    code: node.code,
    title: node.title,
    depth: node.depth,
    ownerName: node.owner_name,
    commentCount: comments.get(node.id) ?? 0,
    indicators: (byNode.get(node.id) ?? []).map((i) => ({
      id: i.id,
      code: i.code,
      name: i.name,
      unit: i.unit,
      kind: i.kind,
      direction: i.direction,
      baselineValue: i.baseline_value,
      targetValue: i.target_value,
      targetFiscalYear: i.target_fiscal_year,
      actualValue: i.actual_value,
      statusRating: i.status_rating,
      resultKind: i.result_kind,
      grade: i.grade,
      achievement: i.achievement,
      valueFiscalYear: i.actual_fiscal_year !== null && i.actual_fiscal_year < round.fiscalYear ? i.actual_fiscal_year : null,
      exclusion: i.exclusion,
    })),
  }));
}
