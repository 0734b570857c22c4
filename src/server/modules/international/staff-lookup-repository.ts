// SQL of the staff look-up (the picker of travellers and action owners): the city's active staff — roles admin,
// editor and viewer, not disabled, not in an external organisation (partners, suppliers, council members) — whose
// name or login id contains the typed fragment. Names are compared folded (NFKC, lower case, no spaces, カタカナ as
// ひらがな) so that 「やまもと」 finds 「ヤマモト」 and 「山本太郎」 finds 「山本 太郎」. Only the columns a picker shows are read.
import type { Queryable } from "../../db/database";

export interface StaffRow {
  id: string;
  display_name: string;
  organisation_id: string;
  organisation_name: string;
}

const KATAKANA = Array.from({ length: 0x30f6 - 0x30a1 + 1 }, (_, i) => String.fromCharCode(0x30a1 + i)).join("");
const HIRAGANA = Array.from({ length: 0x3096 - 0x3041 + 1 }, (_, i) => String.fromCharCode(0x3041 + i)).join("");

/** The fold the SQL applies to display names, applied to the query in Node (the same steps, in the same order). */
export function foldName(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\s+/g, "")
    .replace(/[\u30a1-\u30f6]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60));
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

export async function findStaff(db: Queryable, filter: { q: string; organisationId?: string; limit: number }): Promise<StaffRow[]> {
  const name = escapeLike(foldName(filter.q));
  const login = escapeLike(filter.q.normalize("NFKC").toLowerCase().replace(/\s+/g, ""));
  const folded = "translate(regexp_replace(lower(normalize(u.display_name, NFKC)), '\\s+', '', 'g'), $3, $4)";
  const { rows } = await db.query<StaffRow>(
    `SELECT u.id, u.display_name, u.organisation_id, o.name AS organisation_name
     FROM users u JOIN organisations o ON o.id = u.organisation_id
     WHERE u.role IN ('admin', 'editor', 'viewer') AND NOT u.disabled AND o.kind <> 'external'
       AND ($1 = '' OR ${folded} LIKE '%' || $1 || '%' OR u.login_id LIKE '%' || $2 || '%')
       AND ($5::uuid IS NULL OR u.organisation_id = $5::uuid)
     ORDER BY ($1 <> '' AND ${folded} LIKE $1 || '%') DESC, u.display_name, u.login_id
     LIMIT ${Math.trunc(filter.limit)}`,
    [name, login, KATAKANA, HIRAGANA, filter.organisationId ?? null],
  );
  return rows;
}
