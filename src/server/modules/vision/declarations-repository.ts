// SQL of the Action宣言 on its own table (vision_declarations). Strategy labels come from the core's public face
// (core.ts), never from its tables; names of accounts and organisations by a join on the platform's tables (read only).
import type { DeclarationStatus } from "../../../common/api/vision-engagement";
import type { Queryable } from "../../db/database";

export interface DeclarationRow {
  id: string;
  plan_id: string;
  author_user_id: string | null;
  author_label: string | null;
  display_name: string | null;
  organisation_id: string | null;
  organisation_name: string | null;
  body: string;
  strategy_node_id: string | null;
  status: DeclarationStatus;
  moderation_note: string;
  moderated_at: Date | null;
  created_at: Date;
  is_sample: boolean;
}

const DECLARATION_SELECT = `SELECT d.*, u.display_name AS author_label, o.name AS organisation_name
  FROM vision_declarations d
  LEFT JOIN users u ON u.id = d.author_user_id
  LEFT JOIN organisations o ON o.id = d.organisation_id`;

export async function findDeclaration(db: Queryable, id: string): Promise<DeclarationRow | null> {
  const { rows } = await db.query<DeclarationRow>(`${DECLARATION_SELECT} WHERE d.id = $1`, [id]);
  return rows[0] ?? null;
}

export async function countPendingDeclarations(db: Queryable, planId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM vision_declarations WHERE plan_id = $1 AND status = '承認待ち'",
    [planId],
  );
  return rows[0].n;
}

/** An author's declarations in a plan, the newest first. */
export async function findDeclarationsOfAuthor(db: Queryable, userId: string, planId: string): Promise<DeclarationRow[]> {
  const { rows } = await db.query<DeclarationRow>(
    `${DECLARATION_SELECT} WHERE d.author_user_id = $1 AND d.plan_id = $2 ORDER BY d.created_at DESC`,
    [userId, planId],
  );
  return rows;
}

/** The moderation list: the queue first (oldest waiting first), then the decided ones, newest first. */
export async function findDeclarationsForModeration(db: Queryable, planId: string, status?: DeclarationStatus): Promise<DeclarationRow[]> {
  const params: unknown[] = [planId];
  if (status) params.push(status);
  const { rows } = await db.query<DeclarationRow>(
    `${DECLARATION_SELECT} WHERE d.plan_id = $1 ${status ? "AND d.status = $2" : ""}
     ORDER BY (d.status = '承認待ち') DESC, CASE WHEN d.status = '承認待ち' THEN d.created_at END ASC, d.created_at DESC`,
    params,
  );
  return rows;
}

export type ShownDeclarationRow = Pick<
  DeclarationRow,
  "id" | "display_name" | "organisation_name" | "body" | "strategy_node_id" | "moderated_at" | "created_at"
>;

/** 掲示中 only, newest first. */
export async function findShownDeclarations(db: Queryable, planId: string, strategyId?: string): Promise<ShownDeclarationRow[]> {
  const params: unknown[] = [planId];
  if (strategyId) params.push(strategyId);
  const { rows } = await db.query<ShownDeclarationRow>(
    `SELECT d.id, d.display_name, d.body, d.strategy_node_id, d.moderated_at, d.created_at, o.name AS organisation_name
     FROM vision_declarations d
     LEFT JOIN organisations o ON o.id = d.organisation_id
     WHERE d.plan_id = $1 AND d.status = '掲示中' ${strategyId ? "AND d.strategy_node_id = $2" : ""}
     ORDER BY coalesce(d.moderated_at, d.created_at) DESC, d.id`,
    params,
  );
  return rows;
}

export async function insertDeclaration(
  db: Queryable,
  input: {
    planId: string;
    authorUserId: string | null;
    displayName: string | null;
    organisationId: string | null;
    body: string;
    strategyNodeId: string | null;
    status: DeclarationStatus;
    isSample: boolean;
    createdAt: Date;
  },
): Promise<string> {
  // Sample data arrives already decided (moderated at its creation time); real declarations start 承認待ち.
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO vision_declarations (plan_id, author_user_id, display_name, organisation_id, body, strategy_node_id, status,
       moderated_at, is_sample, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $7::text = '承認待ち' THEN NULL ELSE $9::timestamptz END, $8, $9) RETURNING id`,
    [
      input.planId,
      input.authorUserId,
      input.displayName,
      input.organisationId,
      input.body,
      input.strategyNodeId,
      input.status,
      input.isSample,
      input.createdAt,
    ],
  );
  return rows[0].id;
}

export async function deleteDeclaration(db: Queryable, id: string): Promise<void> {
  await db.query("DELETE FROM vision_declarations WHERE id = $1", [id]);
}

/** Status and note, locked for the moderation that follows (undefined when there is no such declaration). */
export async function lockDeclarationStatus(
  db: Queryable,
  id: string,
): Promise<{ status: DeclarationStatus; moderation_note: string } | undefined> {
  const { rows } = await db.query<{ status: DeclarationStatus; moderation_note: string }>(
    "SELECT status, moderation_note FROM vision_declarations WHERE id = $1 FOR UPDATE",
    [id],
  );
  return rows[0];
}

export async function setDeclarationStatus(
  db: Queryable,
  id: string,
  input: { status: DeclarationStatus; note: string },
  by: string | null,
): Promise<void> {
  await db.query(
    "UPDATE vision_declarations SET status = $2, moderation_note = $3, moderated_by = $4, moderated_at = now() WHERE id = $1",
    [id, input.status, input.note, by],
  );
}
