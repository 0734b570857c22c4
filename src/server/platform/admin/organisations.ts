// 組織: the tree 自治体 → 局 → 部 → 課 (plus external bodies). Administrators change it; every write is audited.
import type { Organisation, OrganisationKind } from "../../../common/api/platform";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../audit/audit";
import { Conflict, NotFound, ValidationError } from "../errors";

interface OrganisationRow {
  id: string;
  parent_id: string | null;
  kind: OrganisationKind;
  name: string;
  code: string | null;
  sort_order: number;
  is_sample: boolean;
  user_count: number;
}

const toOrganisation = (row: OrganisationRow): Organisation => ({
  id: row.id,
  parentId: row.parent_id,
  kind: row.kind,
  name: row.name,
  code: row.code,
  sortOrder: row.sort_order,
  isSample: row.is_sample,
  userCount: row.user_count,
});

const SELECT = `SELECT o.*, (SELECT count(*)::int FROM users u WHERE u.organisation_id = o.id) AS user_count FROM organisations o`;

export async function listOrganisations(db: Queryable): Promise<Organisation[]> {
  const { rows } = await db.query<OrganisationRow>(`${SELECT} ORDER BY o.sort_order, o.name`);
  return rows.map(toOrganisation);
}

export async function getOrganisation(db: Queryable, id: string): Promise<Organisation> {
  const { rows } = await db.query<OrganisationRow>(`${SELECT} WHERE o.id = $1`, [id]);
  if (!rows[0]) throw new NotFound("組織");
  return toOrganisation(rows[0]);
}

/** Which kinds may sit under which: keeps the tree meaningful (a 課 never holds a 局). */
const ALLOWED_PARENT: Record<OrganisationKind, readonly (OrganisationKind | null)[]> = {
  municipality: [null],
  bureau: ["municipality"],
  department: ["bureau"],
  division: ["bureau", "department"],
  external: [null, "municipality"],
};

export function placementAllowed(kind: OrganisationKind, parentKind: OrganisationKind | null): boolean {
  return ALLOWED_PARENT[kind].includes(parentKind);
}

async function checkPlacement(tx: Queryable, id: string | null, kind: OrganisationKind, parentId: string | null) {
  let parentKind: OrganisationKind | null = null;
  if (parentId) {
    const parent = await getOrganisation(tx, parentId);
    parentKind = parent.kind;
    if (id) {
      // A node cannot move under its own descendant.
      const { rows } = await tx.query(
        `WITH RECURSIVE up AS (SELECT id, parent_id FROM organisations WHERE id = $1
           UNION ALL SELECT o.id, o.parent_id FROM organisations o JOIN up ON o.id = up.parent_id)
         SELECT 1 FROM up WHERE id = $2`,
        [parentId, id],
      );
      if (rows.length > 0)
        throw new ValidationError("組織を自分自身の下位組織の下に移動することはできません。", { parentId: "上位組織が正しくありません。" });
    }
  }
  if (!placementAllowed(kind, parentKind)) {
    throw new ValidationError("この種別の組織はその上位組織の下に置けません（自治体→局→部→課）。", {
      parentId: "上位組織の種別が合いません。",
    });
  }
}

function uniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === "23505";
}

export interface NewOrganisation {
  kind: OrganisationKind;
  name: string;
  code?: string | null;
  parentId?: string | null;
  sortOrder?: number;
  /** sample (demo) data, shown with a サンプル badge */
  isSample?: boolean;
}

/**
 * Inserts one organisation inside the caller's transaction and returns its id: the one way a module (a supplier's
 * or the council's external body, the demo tree) adds to the shared organisations table. No placement check and no
 * audit row: the caller records what it did (the administrator's screen goes through addOrganisation below).
 */
export async function createOrganisation(tx: Queryable, input: NewOrganisation): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    "INSERT INTO organisations (parent_id, kind, name, code, sort_order, is_sample) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    [input.parentId ?? null, input.kind, input.name, input.code ?? null, input.sortOrder ?? 0, input.isSample ?? false],
  );
  return rows[0].id;
}

/** The id of the organisation with this code, or null. */
export async function findOrganisationIdByCode(db: Queryable, code: string): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>("SELECT id FROM organisations WHERE code = $1", [code]);
  return rows[0]?.id ?? null;
}

/** The kind of an organisation (null when there is none): modules check a reference without reading the table. */
export async function organisationKindOf(db: Queryable, id: string): Promise<OrganisationKind | null> {
  const { rows } = await db.query<{ kind: OrganisationKind }>("SELECT kind FROM organisations WHERE id = $1", [id]);
  return rows[0]?.kind ?? null;
}

/** The id of the organisation with this code; throws when there is none (demo data and tests rely on the code). */
export async function organisationIdByCode(db: Queryable, code: string): Promise<string> {
  const id = await findOrganisationIdByCode(db, code);
  if (!id) throw new Error(`organisation ${code} missing`);
  return id;
}

/** An administrator adds an organisation: placement checked, audited. */
export async function addOrganisation(
  db: Db,
  actor: Actor,
  input: { parentId: string | null; kind: OrganisationKind; name: string; code?: string | null; sortOrder?: number },
): Promise<Organisation> {
  return db.transaction(async (tx) => {
    await checkPlacement(tx, null, input.kind, input.parentId);
    try {
      const id = await createOrganisation(tx, input);
      const created = await getOrganisation(tx, id);
      await recordAudit(tx, actor, {
        action: "create",
        entityType: "organisation",
        entityId: created.id,
        summary: `組織「${created.name}」を追加`,
        after: created,
      });
      return created;
    } catch (error) {
      if (uniqueViolation(error)) throw new Conflict("同じ上位組織の下に同名の組織があるか、組織コードが重複しています。");
      throw error;
    }
  });
}

export async function updateOrganisation(
  db: Db,
  actor: Actor,
  id: string,
  patch: Partial<{ parentId: string | null; kind: OrganisationKind; name: string; code: string | null; sortOrder: number }>,
): Promise<Organisation> {
  return db.transaction(async (tx) => {
    const before = await getOrganisation(tx, id);
    const next = { ...before, ...patch };
    if (patch.parentId !== undefined || patch.kind !== undefined) await checkPlacement(tx, id, next.kind, next.parentId);
    try {
      await tx.query(
        "UPDATE organisations SET parent_id = $2, kind = $3, name = $4, code = $5, sort_order = $6, updated_at = now() WHERE id = $1",
        [id, next.parentId, next.kind, next.name, next.code, next.sortOrder],
      );
    } catch (error) {
      if (uniqueViolation(error)) throw new Conflict("同じ上位組織の下に同名の組織があるか、組織コードが重複しています。");
      throw error;
    }
    const after = await getOrganisation(tx, id);
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "organisation",
      entityId: id,
      summary: `組織「${after.name}」を変更`,
      before,
      after,
    });
    return after;
  });
}
