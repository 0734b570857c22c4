// SQL of the SDGsステーション's イベント・お知らせ (sdgs_station_posts), for staff and for the public page. The public
// reads filter on published_at themselves, so that an unpublished post cannot reach a citizen by any path.
import type { Queryable } from "../../db/database";

export type PostKind = "event" | "info";

export interface PostRow {
  id: string;
  kind: PostKind;
  title: string;
  body: string;
  starts_at: Date | null;
  ends_at: Date | null;
  place: string;
  url: string;
  published_at: Date | null;
  version: number;
  is_sample: boolean;
  created_by_name: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface PostValues {
  kind: PostKind;
  title: string;
  body: string;
  startsAt: string | null;
  endsAt: string | null;
  place: string;
  url: string;
}

const SELECT = `SELECT p.id, p.kind, p.title, p.body, p.starts_at, p.ends_at, p.place, p.url, p.published_at, p.version,
    p.is_sample, u.display_name AS created_by_name, p.created_at, p.updated_at
  FROM sdgs_station_posts p LEFT JOIN users u ON u.id = p.created_by`;

export async function findPosts(
  db: Queryable,
  filter: { kind?: PostKind; published?: boolean; limit: number; offset: number },
): Promise<{ rows: PostRow[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.kind) {
    params.push(filter.kind);
    where.push(`p.kind = $${params.length}`);
  }
  if (filter.published !== undefined) where.push(filter.published ? "p.published_at IS NOT NULL" : "p.published_at IS NULL");
  const sql = where.length ? `WHERE ${where.join(" AND ")}` : "";
  const count = await db.query<{ total: number }>(`SELECT count(*)::int AS total FROM sdgs_station_posts p ${sql}`, params);
  const { rows } = await db.query<PostRow>(
    `${SELECT} ${sql} ORDER BY coalesce(p.starts_at, p.created_at) DESC, p.created_at DESC
     LIMIT ${Math.trunc(filter.limit)} OFFSET ${Math.trunc(filter.offset)}`,
    params,
  );
  return { rows, total: count.rows[0]?.total ?? 0 };
}

export async function findPost(db: Queryable, id: string, opts: { lock?: boolean } = {}): Promise<PostRow | null> {
  if (opts.lock) await db.query("SELECT id FROM sdgs_station_posts WHERE id = $1 FOR UPDATE", [id]);
  const { rows } = await db.query<PostRow>(`${SELECT} WHERE p.id = $1`, [id]);
  return rows[0] ?? null;
}

const valuesOf = (v: PostValues) => [v.kind, v.title, v.body, v.startsAt, v.endsAt, v.place, v.url];

export async function insertPost(
  db: Queryable,
  values: PostValues,
  opts: { createdBy: string | null; isSample: boolean; publishedAt?: Date | null },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO sdgs_station_posts (kind, title, body, starts_at, ends_at, place, url, created_by, is_sample, published_at)
     VALUES ($1, $2, $3, $4::timestamptz, $5::timestamptz, $6, $7, $8, $9, $10) RETURNING id`,
    [...valuesOf(values), opts.createdBy, opts.isSample, opts.publishedAt ?? null],
  );
  return rows[0].id;
}

export async function updatePost(db: Queryable, id: string, version: number, values: PostValues): Promise<boolean> {
  const { rows } = await db.query<{ id: string }>(
    `UPDATE sdgs_station_posts SET kind = $1, title = $2, body = $3, starts_at = $4::timestamptz, ends_at = $5::timestamptz,
       place = $6, url = $7, version = version + 1, updated_at = now()
     WHERE id = $8 AND version = $9 RETURNING id`,
    [...valuesOf(values), id, version],
  );
  return rows.length === 1;
}

export async function setPublished(db: Queryable, id: string, version: number, published: boolean): Promise<boolean> {
  const { rows } = await db.query<{ id: string }>(
    `UPDATE sdgs_station_posts SET published_at = ${published ? "now()" : "NULL"}, version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2 RETURNING id`,
    [id, version],
  );
  return rows.length === 1;
}

export async function deletePost(db: Queryable, id: string, version: number): Promise<boolean> {
  const { rows } = await db.query<{ id: string }>("DELETE FROM sdgs_station_posts WHERE id = $1 AND version = $2 RETURNING id", [
    id,
    version,
  ]);
  return rows.length === 1;
}

// ------------------------------------------------------------------ public

export interface PublicPostRow {
  id: string;
  kind: PostKind;
  title: string;
  body: string;
  starts_at: Date | null;
  ends_at: Date | null;
  place: string;
  url: string;
  published_at: Date;
  upcoming: boolean;
  is_sample: boolean;
}

/** $1 = now. An event is upcoming until it ends (its start when no end is given). */
const PUBLIC_SELECT = `SELECT p.id, p.kind, p.title, p.body, p.starts_at, p.ends_at, p.place, p.url, p.published_at,
    (p.kind = 'event' AND coalesce(p.ends_at, p.starts_at) >= $1::timestamptz) AS upcoming, p.is_sample
  FROM sdgs_station_posts p
  WHERE p.published_at IS NOT NULL`;

/** Upcoming events first (soonest first), then information (newest first), then past events (latest first). */
export async function findPublicPosts(
  db: Queryable,
  now: Date,
  filter: { kind?: PostKind; limit: number; offset: number },
): Promise<{ rows: PublicPostRow[]; total: number }> {
  const params: unknown[] = [now];
  let kind = "";
  if (filter.kind) {
    params.push(filter.kind);
    kind = ` AND p.kind = $${params.length}`;
  }
  const count = await db.query<{ total: number }>(
    `SELECT count(*)::int AS total FROM sdgs_station_posts p WHERE p.published_at IS NOT NULL AND $1::timestamptz IS NOT NULL${kind}`,
    params,
  );
  const { rows } = await db.query<PublicPostRow>(
    `SELECT * FROM (${PUBLIC_SELECT}${kind}) x
     ORDER BY CASE WHEN x.upcoming THEN 0 WHEN x.kind = 'info' THEN 1 ELSE 2 END,
       CASE WHEN x.upcoming THEN x.starts_at END ASC,
       CASE WHEN x.kind = 'info' THEN x.published_at END DESC,
       x.starts_at DESC, x.id
     LIMIT ${Math.trunc(filter.limit)} OFFSET ${Math.trunc(filter.offset)}`,
    params,
  );
  return { rows, total: count.rows[0]?.total ?? 0 };
}

export async function findPublicPost(db: Queryable, now: Date, id: string): Promise<PublicPostRow | null> {
  const { rows } = await db.query<PublicPostRow>(`${PUBLIC_SELECT} AND p.id = $2`, [now, id]);
  return rows[0] ?? null;
}
