// What the attachments need to know of a project: its name and owning division (the files themselves are the
// platform's, read and written through platform/files).
import type { Queryable } from "../../db/database";

export interface ProjectOwnerRow {
  id: string;
  name: string;
  owner_organisation_id: string;
}

/** The project's name and owner; with `forUpdate`, the row stays locked until the transaction ends (a delete waits). */
export async function findProjectOwner(db: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<ProjectOwnerRow | null> {
  const { rows } = await db.query<ProjectOwnerRow>(
    `SELECT id, name, owner_organisation_id FROM international_projects WHERE id = $1${opts.forUpdate ? " FOR UPDATE" : ""}`,
    [id],
  );
  return rows[0] ?? null;
}

/** A sample trip by its title (the sample data's attachments find their trip this way). */
export async function findSampleTripByTitle(db: Queryable, title: string): Promise<{ id: string; owner_organisation_id: string } | null> {
  const { rows } = await db.query<{ id: string; owner_organisation_id: string }>(
    "SELECT id, owner_organisation_id FROM international_trips WHERE title = $1 AND is_sample ORDER BY created_at LIMIT 1",
    [title],
  );
  return rows[0] ?? null;
}

/** A sample project by its name. */
export async function findSampleProjectByName(db: Queryable, name: string): Promise<ProjectOwnerRow | null> {
  const { rows } = await db.query<ProjectOwnerRow>(
    "SELECT id, name, owner_organisation_id FROM international_projects WHERE name = $1 AND is_sample ORDER BY created_at LIMIT 1",
    [name],
  );
  return rows[0] ?? null;
}
