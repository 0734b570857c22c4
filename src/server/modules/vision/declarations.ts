// Action宣言: every member of staff may declare what they will do for the vision (named or 匿名, with their division
// and a strategy). A declaration waits (承認待ち) until the bureau shows it (掲示中) or not (非掲示); only shown ones
// reach the lobby board and the public page, and those never carry the author's account.
import type { Declaration, DeclarationStatus, PublicDeclaration } from "../../../common/api/vision-engagement";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import { Conflict, NotFound, ValidationError } from "../../platform/errors";

interface DeclarationRow {
  id: string;
  plan_id: string;
  author_user_id: string | null;
  author_label: string | null;
  display_name: string | null;
  organisation_id: string | null;
  organisation_name: string | null;
  body: string;
  strategy_node_id: string | null;
  strategy_code: string | null;
  strategy_title: string | null;
  status: DeclarationStatus;
  moderation_note: string;
  moderated_at: Date | null;
  created_at: Date;
  is_sample: boolean;
}

const SELECT = `SELECT d.*, u.display_name AS author_label, o.name AS organisation_name, n.code AS strategy_code, n.title AS strategy_title
  FROM vision_declarations d
  LEFT JOIN users u ON u.id = d.author_user_id
  LEFT JOIN organisations o ON o.id = d.organisation_id
  LEFT JOIN vision_nodes n ON n.id = d.strategy_node_id`;

type ShownRow = Pick<
  DeclarationRow,
  | "id"
  | "display_name"
  | "organisation_name"
  | "body"
  | "strategy_node_id"
  | "strategy_code"
  | "strategy_title"
  | "moderated_at"
  | "created_at"
>;

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
  const { rows } = await db.query<DeclarationRow>(`${SELECT} WHERE d.id = $1`, [id]);
  if (!rows[0]) throw new NotFound("Action宣言");
  return rows[0];
}

export async function strategies(db: Queryable, planId: string) {
  const { rows } = await db.query<{ id: string; code: string; title: string }>(
    "SELECT id, code, title FROM vision_nodes WHERE plan_id = $1 AND kind = 'strategy' ORDER BY sort_order, code",
    [planId],
  );
  return rows;
}

export async function pendingCount(db: Queryable, planId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM vision_declarations WHERE plan_id = $1 AND status = '承認待ち'",
    [planId],
  );
  return rows[0].n;
}

export async function myDeclarations(db: Queryable, userId: string, planId: string): Promise<Declaration[]> {
  const { rows } = await db.query<DeclarationRow>(`${SELECT} WHERE d.author_user_id = $1 AND d.plan_id = $2 ORDER BY d.created_at DESC`, [
    userId,
    planId,
  ]);
  return rows.map(toDeclaration);
}

export async function declarationsForModeration(db: Queryable, planId: string, status?: DeclarationStatus) {
  const params: unknown[] = [planId];
  if (status) params.push(status);
  // The queue first (oldest waiting first), then the decided ones, newest first.
  const { rows } = await db.query<DeclarationRow>(
    `${SELECT} WHERE d.plan_id = $1 ${status ? "AND d.status = $2" : ""}
     ORDER BY (d.status = '承認待ち') DESC, CASE WHEN d.status = '承認待ち' THEN d.created_at END ASC, d.created_at DESC`,
    params,
  );
  return rows.map(toModerated);
}

export async function getModerated(db: Queryable, id: string) {
  return toModerated(await findRow(db, id));
}

export async function getOwn(db: Queryable, id: string) {
  return toDeclaration(await findRow(db, id));
}

export interface DeclarationInput {
  body: string;
  anonymous: boolean;
  displayName?: string;
  organisationId?: string | null;
  strategyNodeId: string | null;
}

export async function postDeclaration(
  db: Db,
  actor: Actor,
  author: { id: string | null; displayName: string; organisationId: string | null },
  planId: string,
  input: DeclarationInput,
  opts: { isSample?: boolean; status?: DeclarationStatus; createdAt?: Date } = {},
): Promise<string> {
  const displayName = input.anonymous ? null : input.displayName?.trim() || author.displayName.slice(0, 50);
  return db.transaction(async (tx) => {
    // By default the author's own organisation — unless that is an external one (a partner's), which is not shown.
    let organisationId = input.organisationId === undefined ? author.organisationId : input.organisationId;
    if (input.organisationId === undefined && organisationId) {
      const { rows } = await tx.query("SELECT 1 FROM organisations WHERE id = $1 AND kind <> 'external'", [organisationId]);
      if (rows.length === 0) organisationId = null;
    }
    if (input.strategyNodeId) {
      const { rows } = await tx.query("SELECT 1 FROM vision_nodes WHERE id = $1 AND plan_id = $2 AND kind = 'strategy'", [
        input.strategyNodeId,
        planId,
      ]);
      if (rows.length === 0)
        throw new ValidationError("重点戦略を選び直してください。", { strategyNodeId: "重点戦略を選び直してください。" });
    }
    if (organisationId) {
      const { rows } = await tx.query("SELECT 1 FROM organisations WHERE id = $1 AND kind <> 'external'", [organisationId]);
      if (rows.length === 0) throw new ValidationError("所属を選び直してください。", { organisationId: "所属を選び直してください。" });
    }
    // Sample data arrives already decided (at the time given); real declarations always start 承認待ち.
    const status = opts.status ?? "承認待ち";
    const createdAt = opts.createdAt ?? new Date();
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO vision_declarations (plan_id, author_user_id, display_name, organisation_id, body, strategy_node_id, status,
         moderated_at, is_sample, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $7::text = '承認待ち' THEN NULL ELSE $9::timestamptz END, $8, $9) RETURNING id`,
      [planId, author.id, displayName, organisationId, input.body, input.strategyNodeId, status, opts.isSample ?? false, createdAt],
    );
    await recordAudit(tx, actor, {
      action: "create",
      entityType: "vision_declaration",
      entityId: rows[0].id,
      summary: `Action宣言を投稿（${displayName ?? "匿名"}）`,
      after: { displayName, organisationId, body: input.body, strategyNodeId: input.strategyNodeId, status },
    });
    return rows[0].id;
  });
}

/** The author takes back a declaration the bureau has not decided yet. */
export async function withdraw(db: Db, actor: Actor, userId: string, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await findRow(tx, id);
    if (row.author_user_id !== userId) throw new NotFound("Action宣言");
    if (row.status !== "承認待ち") throw new Conflict("担当者が確認済みの宣言は取り下げられません。担当者に連絡してください。");
    await tx.query("DELETE FROM vision_declarations WHERE id = $1", [id]);
    await recordAudit(tx, actor, {
      action: "delete",
      entityType: "vision_declaration",
      entityId: id,
      summary: "承認待ちの Action宣言を取り下げ",
      before: toDeclaration(row),
    });
  });
}

export async function moderate(db: Db, actor: Actor, id: string, input: { status: "掲示中" | "非掲示"; note: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ status: DeclarationStatus; moderation_note: string }>(
      "SELECT status, moderation_note FROM vision_declarations WHERE id = $1 FOR UPDATE",
      [id],
    );
    if (!rows[0]) throw new NotFound("Action宣言");
    await tx.query(
      "UPDATE vision_declarations SET status = $2, moderation_note = $3, moderated_by = $4, moderated_at = now() WHERE id = $1",
      [id, input.status, input.note, actor.userId],
    );
    await recordAudit(tx, actor, {
      action: input.status === "掲示中" ? "approve" : "hide",
      entityType: "vision_declaration",
      entityId: id,
      summary: `Action宣言を「${input.status}」に（${rows[0].status} から）`,
      before: { status: rows[0].status, note: rows[0].moderation_note },
      after: input,
    });
  });
}

/** 掲示中 only, newest first: the lobby board and the public page. */
export async function shownDeclarations(db: Queryable, planId: string, strategyId?: string): Promise<PublicDeclaration[]> {
  const params: unknown[] = [planId];
  if (strategyId) params.push(strategyId);
  const { rows } = await db.query<ShownRow>(
    `SELECT d.id, d.display_name, d.body, d.strategy_node_id, d.moderated_at, d.created_at,
       o.name AS organisation_name, n.code AS strategy_code, n.title AS strategy_title
     FROM vision_declarations d
     LEFT JOIN organisations o ON o.id = d.organisation_id
     LEFT JOIN vision_nodes n ON n.id = d.strategy_node_id
     WHERE d.plan_id = $1 AND d.status = '掲示中' ${strategyId ? "AND d.strategy_node_id = $2" : ""}
     ORDER BY coalesce(d.moderated_at, d.created_at) DESC, d.id`,
    params,
  );
  return rows.map(toPublicDeclaration);
}
