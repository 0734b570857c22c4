// SQL of the 審査員 register: the reviewers with their login's name and organisation and their reviews' counts, the
// candidates a manager may register (active logins of staff and of outside organisations), and the register's rows.
import type { Queryable } from "../../db/database";

export interface ReviewerRow {
  user_id: string;
  display_name: string;
  login_id: string;
  organisation_name: string;
  external: boolean;
  affiliation: string;
  active: boolean;
  user_disabled: boolean;
  reviews_draft: number;
  reviews_submitted: number;
  is_sample: boolean;
}

const SELECT = `
  SELECT rv.user_id, u.display_name, u.login_id, o.name AS organisation_name, (u.role = 'partner') AS external,
         rv.affiliation, rv.active, u.disabled AS user_disabled,
         (SELECT count(*)::int FROM sdgs_reviews v WHERE v.reviewer_id = rv.user_id AND v.submitted_at IS NULL) AS reviews_draft,
         (SELECT count(*)::int FROM sdgs_reviews v WHERE v.reviewer_id = rv.user_id AND v.submitted_at IS NOT NULL) AS reviews_submitted,
         rv.is_sample
    FROM sdgs_reviewers rv
    JOIN users u ON u.id = rv.user_id
    JOIN organisations o ON o.id = u.organisation_id`;

export async function findReviewers(db: Queryable): Promise<ReviewerRow[]> {
  const { rows } = await db.query<ReviewerRow>(`${SELECT} ORDER BY rv.active DESC, u.display_name, u.login_id`);
  return rows;
}

export async function findReviewer(db: Queryable, userId: string, opts: { forUpdate?: boolean } = {}): Promise<ReviewerRow | null> {
  const { rows } = await db.query<ReviewerRow>(`${SELECT} WHERE rv.user_id = $1${opts.forUpdate ? " FOR UPDATE OF rv" : ""}`, [userId]);
  return rows[0] ?? null;
}

export interface UserRow {
  id: string;
  display_name: string;
  role: string;
  disabled: boolean;
  /** a login of an applicant company (never a reviewer: it would score applications, its own among them) */
  company_login: boolean;
}

export async function findUser(db: Queryable, userId: string): Promise<UserRow | null> {
  const { rows } = await db.query<UserRow>(
    "SELECT u.id, u.display_name, u.role, u.disabled, EXISTS (SELECT 1 FROM sdgs_companies c WHERE c.organisation_id = u.organisation_id) AS company_login FROM users u WHERE u.id = $1",
    [userId],
  );
  return rows[0] ?? null;
}

export async function insertReviewer(db: Queryable, userId: string, affiliation: string): Promise<void> {
  await db.query("INSERT INTO sdgs_reviewers (user_id, affiliation) VALUES ($1, $2)", [userId, affiliation]);
}

export async function updateReviewer(db: Queryable, userId: string, change: { active?: boolean; affiliation?: string }): Promise<void> {
  await db.query(`UPDATE sdgs_reviewers SET active = coalesce($2, active), affiliation = coalesce($3, affiliation) WHERE user_id = $1`, [
    userId,
    change.active ?? null,
    change.affiliation ?? null,
  ]);
}

export interface CandidateRow {
  id: string;
  display_name: string;
  organisation_name: string;
  external: boolean;
  registered: boolean;
}

const KATAKANA = Array.from({ length: 0x30f6 - 0x30a1 + 1 }, (_, i) => String.fromCharCode(0x30a1 + i)).join("");
const HIRAGANA = Array.from({ length: 0x3096 - 0x3041 + 1 }, (_, i) => String.fromCharCode(0x3041 + i)).join("");

/** The fold the SQL applies to display names (NFKC, lower case, no spaces, カタカナ as ひらがな), applied in Node to the query. */
export function foldName(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\s+/g, "")
    .replace(/[\u30a1-\u30f6]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60));
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/**
 * Active logins that may become 審査員: the city's staff (admin, editor, viewer) and partner logins of outside
 * organisations other than applicant companies; matched on the folded name or the login id. Only what the picker shows is read.
 */
export async function findCandidates(db: Queryable, q: string, limit: number): Promise<CandidateRow[]> {
  const name = escapeLike(foldName(q));
  const login = escapeLike(q.normalize("NFKC").toLowerCase().replace(/\s+/g, ""));
  const folded = "translate(regexp_replace(lower(normalize(u.display_name, NFKC)), '\\s+', '', 'g'), $3, $4)";
  const { rows } = await db.query<CandidateRow>(
    `SELECT u.id, u.display_name, o.name AS organisation_name, (u.role = 'partner') AS external,
            EXISTS (SELECT 1 FROM sdgs_reviewers rv WHERE rv.user_id = u.id) AS registered
       FROM users u JOIN organisations o ON o.id = u.organisation_id
      WHERE NOT u.disabled AND u.role IN ('admin', 'editor', 'viewer', 'partner')
        AND (u.role <> 'partner' OR o.kind = 'external')
        AND NOT EXISTS (SELECT 1 FROM sdgs_companies c WHERE c.organisation_id = u.organisation_id)
        AND (${folded} LIKE '%' || $1 || '%' OR u.login_id LIKE '%' || $2 || '%')
      ORDER BY (${folded} LIKE $1 || '%') DESC, u.display_name, u.login_id
      LIMIT ${Math.trunc(limit)}`,
    [name, login, KATAKANA, HIRAGANA],
  );
  return rows;
}
