// Action宣言: every member of staff may declare what they will do for the vision (named or 匿名, with their division
// and a strategy). A declaration waits (承認待ち) until the bureau shows it (掲示中) or not (非掲示); only shown ones
// reach the lobby board and the public page, and those never carry the author's account. Each write is one
// transaction: the caller's access, the change, its audit row and the declaration the page shows next.
import type { Declaration, DeclarationStatus, PublicDeclaration } from "../../../common/api/vision-engagement";
import type { Db, Queryable } from "../../db/database";
import { organisationKindOf } from "../../platform/admin/organisations";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import { authorize, type Principal } from "../../platform/auth/permissions";
import { Conflict, NotFound, ValidationError } from "../../platform/errors";
import { findNodeLabels, findNodes } from "./core";
import * as repo from "./declarations-repository";
import { engagementAccessOf, managerEngagementAccessOf, resolvePlan, staffAccessOf } from "./engagement-access";

/** A declaration with the code and title of its strategy (a node of the core, read through its public face, core.ts). */
type DeclarationRow = repo.DeclarationRow & StrategyLabel;
type ShownRow = repo.ShownDeclarationRow & StrategyLabel;
type StrategyLabel = { strategy_code: string | null; strategy_title: string | null };

async function withStrategies<T extends { strategy_node_id: string | null }>(db: Queryable, rows: T[]): Promise<(T & StrategyLabel)[]> {
  const ids = rows.flatMap((row) => (row.strategy_node_id ? [row.strategy_node_id] : []));
  const nodes = new Map((await findNodeLabels(db, ids)).map((n) => [n.id, n]));
  return rows.map((row) => {
    const node = row.strategy_node_id ? nodes.get(row.strategy_node_id) : undefined;
    return { ...row, strategy_code: node?.code ?? null, strategy_title: node?.title ?? null };
  });
}

const strategyOf = (row: Pick<DeclarationRow, "strategy_node_id" | "strategy_code" | "strategy_title">) =>
  row.strategy_node_id && row.strategy_code && row.strategy_title
    ? { id: row.strategy_node_id, code: row.strategy_code, title: row.strategy_title }
    : null;

function toDeclaration(row: DeclarationRow): Declaration {
  return {
    id: row.id,
    displayName: row.display_name,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    body: row.body,
    strategy: strategyOf(row),
    status: row.status,
    moderationNote: row.moderation_note,
    moderatedAt: row.moderated_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    isSample: row.is_sample,
  };
}

/** For the bureau's moderation: who wrote it, even when it is shown as 匿名. */
const toModerated = (row: DeclarationRow) => ({ ...toDeclaration(row), authorLabel: row.author_label });

/** What the board and the public page may show: no author account, no moderation notes. */
function toPublicDeclaration(row: ShownRow): PublicDeclaration {
  return {
    id: row.id,
    displayName: row.display_name,
    organisationName: row.organisation_name,
    body: row.body,
    strategy: strategyOf(row),
    postedAt: (row.moderated_at ?? row.created_at).toISOString(),
  };
}

async function findRow(db: Queryable, id: string): Promise<DeclarationRow> {
  const row = await repo.findDeclaration(db, id);
  if (!row) throw new NotFound("Action宣言");
  return (await withStrategies(db, [row]))[0];
}

/** The plan's 重点戦略 (what a declaration may name), in the plan's order. */
export async function strategies(db: Queryable, planId: string) {
  const nodes = await findNodes(db, planId);
  return nodes.filter((n) => n.kind === "strategy").map((n) => ({ id: n.id, code: n.code, title: n.title }));
}

/** What the staff's page needs: the plan named (or the plan in force), its strategies, and the bureau's queue size. */
export async function declarationOptions(db: Queryable, user: Principal | null, planId?: string) {
  const access = await staffAccessOf(db, user);
  const plan = await resolvePlan(db, planId);
  return {
    planId: plan.id,
    planName: plan.name,
    strategies: await strategies(db, plan.id),
    canModerate: access.manager,
    pendingCount: access.manager ? await repo.countPendingDeclarations(db, plan.id) : 0,
  };
}

/** The caller's own declarations. */
export async function myDeclarations(db: Queryable, user: Principal | null, planId?: string): Promise<{ items: Declaration[] }> {
  const access = await staffAccessOf(db, user);
  const plan = await resolvePlan(db, planId);
  return { items: (await withStrategies(db, await repo.findDeclarationsOfAuthor(db, access.user.id, plan.id))).map(toDeclaration) };
}

/** The bureau's list: the queue first (oldest waiting first), then the decided ones, newest first. */
export async function declarationsForModeration(db: Queryable, user: Principal | null, planId?: string, status?: DeclarationStatus) {
  await managerEngagementAccessOf(db, user);
  const plan = await resolvePlan(db, planId);
  return { items: (await withStrategies(db, await repo.findDeclarationsForModeration(db, plan.id, status))).map(toModerated) };
}

export interface DeclarationInput {
  body: string;
  anonymous: boolean;
  displayName?: string;
  organisationId?: string | null;
  strategyNodeId: string | null;
}

/** A member of staff declares, for the plan named (or the plan in force); returns the declaration. */
export async function postDeclaration(
  db: Db,
  user: Principal | null,
  actor: Actor,
  planId: string | undefined,
  input: DeclarationInput,
): Promise<Declaration> {
  return db.transaction(async (tx) => {
    const access = await engagementAccessOf(tx, user);
    authorize(access.user, "vision.declare");
    const plan = await resolvePlan(tx, planId);
    return toDeclaration(await findRow(tx, await postDeclarationIn(tx, actor, access.user, plan.id, input)));
  });
}

export async function postDeclarationIn(
  tx: Queryable,
  actor: Actor,
  author: { id: string | null; displayName: string; organisationId: string | null },
  planId: string,
  input: DeclarationInput,
  opts: { isSample?: boolean; status?: DeclarationStatus; createdAt?: Date } = {},
): Promise<string> {
  const displayName = input.anonymous ? null : input.displayName?.trim() || author.displayName.slice(0, 50);
  // By default the author's own organisation — unless that is an external one (a partner's), which is not shown.
  let organisationId = input.organisationId === undefined ? author.organisationId : input.organisationId;
  const internal = async (id: string) => {
    const kind = await organisationKindOf(tx, id);
    return kind !== null && kind !== "external";
  };
  if (input.organisationId === undefined && organisationId && !(await internal(organisationId))) organisationId = null;
  if (input.strategyNodeId) {
    const [node] = await findNodeLabels(tx, [input.strategyNodeId]);
    if (node?.plan_id !== planId || node.kind !== "strategy")
      throw new ValidationError("重点戦略を選び直してください。", { strategyNodeId: "重点戦略を選び直してください。" });
  }
  if (organisationId && !(await internal(organisationId)))
    throw new ValidationError("所属を選び直してください。", { organisationId: "所属を選び直してください。" });
  // Sample data arrives already decided (at the time given); real declarations always start 承認待ち.
  const status = opts.status ?? "承認待ち";
  const id = await repo.insertDeclaration(tx, {
    planId,
    authorUserId: author.id,
    displayName,
    organisationId,
    body: input.body,
    strategyNodeId: input.strategyNodeId,
    status,
    isSample: opts.isSample ?? false,
    createdAt: opts.createdAt ?? new Date(),
  });
  await recordAudit(tx, actor, {
    action: "create",
    entityType: "vision_declaration",
    entityId: id,
    summary: `Action宣言を投稿（${displayName ?? "匿名"}）`,
    after: { displayName, organisationId, body: input.body, strategyNodeId: input.strategyNodeId, status },
  });
  return id;
}

/** The author takes back a declaration the bureau has not decided yet. */
export async function withdraw(db: Db, user: Principal | null, actor: Actor, id: string): Promise<{ ok: true }> {
  return db.transaction(async (tx) => {
    const access = await staffAccessOf(tx, user);
    const row = await findRow(tx, id);
    if (row.author_user_id !== access.user.id) throw new NotFound("Action宣言");
    if (row.status !== "承認待ち") throw new Conflict("担当者が確認済みの宣言は取り下げられません。担当者に連絡してください。");
    await repo.deleteDeclaration(tx, id);
    await recordAudit(tx, actor, {
      action: "delete",
      entityType: "vision_declaration",
      entityId: id,
      summary: "承認待ちの Action宣言を取り下げ",
      before: toDeclaration(row),
    });
    return { ok: true as const };
  });
}

/** The bureau shows a declaration (掲示中) or not (非掲示); returns it as the moderation list shows it. */
export async function moderate(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  input: { status: "掲示中" | "非掲示"; note: string },
) {
  return db.transaction(async (tx) => {
    await managerEngagementAccessOf(tx, user);
    const current = await repo.lockDeclarationStatus(tx, id);
    if (!current) throw new NotFound("Action宣言");
    await repo.setDeclarationStatus(tx, id, input, actor.userId);
    await recordAudit(tx, actor, {
      action: input.status === "掲示中" ? "approve" : "hide",
      entityType: "vision_declaration",
      entityId: id,
      summary: `Action宣言を「${input.status}」に（${current.status} から）`,
      before: { status: current.status, note: current.moderation_note },
      after: input,
    });
    return toModerated(await findRow(tx, id));
  });
}

/** 掲示中 only, newest first: the lobby board and the public page (no sign-in). */
export async function publicDeclarations(db: Queryable, planId?: string, strategyId?: string) {
  let plan: Awaited<ReturnType<typeof resolvePlan>>;
  try {
    plan = await resolvePlan(db, planId);
  } catch {
    // No plan yet: an empty board rather than an error on the lobby screen.
    return { planName: null, strategies: [], items: [] };
  }
  const rows: ShownRow[] = await withStrategies(db, await repo.findShownDeclarations(db, plan.id, strategyId));
  return { planName: plan.name, strategies: await strategies(db, plan.id), items: rows.map(toPublicDeclaration) };
}
