// イベント・お知らせ of the SDGsステーション: staff of the bureau that runs the station (sdgs.manager) write them as
// drafts, publish them on the station's public page and take them down again; every member of staff reads them all;
// citizens read the published ones (public service below, no sign-in): upcoming events first, then information.
import type { PublicStationPost, StationPost, StationPostInput } from "../../../common/api/sdgs-station";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import { authorize, type Principal } from "../../platform/auth/permissions";
import { Conflict, NotFound } from "../../platform/errors";
import { isSdgsManager, requireSdgsManager } from "./access";
import { STALE } from "./station-consultation-service";
import * as repo from "./station-post-repository";

const iso = (value: Date | null): string | null => (value ? new Date(value).toISOString() : null);

export function toPost(row: repo.PostRow): StationPost {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    startsAt: iso(row.starts_at),
    endsAt: iso(row.ends_at),
    place: row.place,
    url: row.url,
    publishedAt: iso(row.published_at),
    version: row.version,
    isSample: row.is_sample,
    createdByName: row.created_by_name,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

export async function listPosts(
  db: Db,
  user: Principal | null,
  query: { page: number; pageSize: number; kind?: repo.PostKind; published?: "true" | "false" },
) {
  authorize(user, "sdgs.read");
  const { rows, total } = await repo.findPosts(db, {
    kind: query.kind,
    published: query.published === undefined ? undefined : query.published === "true",
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items: rows.map(toPost), total, page: query.page, pageSize: query.pageSize, canManage: await isSdgsManager(db, user) };
}

async function readPost(tx: Queryable, id: string, opts: { lock?: boolean } = {}): Promise<repo.PostRow> {
  const row = await repo.findPost(tx, id, opts);
  if (!row) throw new NotFound("イベント・お知らせ");
  return row;
}

export async function getPost(db: Db, user: Principal | null, id: string) {
  authorize(user, "sdgs.read");
  return { ...toPost(await readPost(db, id)), canManage: await isSdgsManager(db, user) };
}

const valuesOf = (input: StationPostInput): repo.PostValues => ({
  ...input,
  // お知らせ has no dates of its own
  startsAt: input.startsAt,
  endsAt: input.startsAt === null ? null : input.endsAt,
});

const beforeOf = (row: repo.PostRow) => ({
  kind: row.kind,
  title: row.title,
  body: row.body,
  startsAt: iso(row.starts_at),
  endsAt: iso(row.ends_at),
  place: row.place,
  url: row.url,
  publishedAt: iso(row.published_at),
});

export async function createPostIn(
  tx: Queryable,
  actor: Actor,
  input: StationPostInput,
  opts: { isSample?: boolean; publishedAt?: Date | null } = {},
): Promise<string> {
  const values = valuesOf(input);
  const id = await repo.insertPost(tx, values, {
    createdBy: actor.userId,
    isSample: opts.isSample ?? false,
    publishedAt: opts.publishedAt,
  });
  await recordAudit(tx, actor, {
    action: "create",
    entityType: "sdgs_station_post",
    entityId: id,
    summary: `イベント・お知らせ「${values.title}」を作成`,
    after: { ...values, published: !!opts.publishedAt },
  });
  return id;
}

export async function createPost(db: Db, user: Principal | null, actor: Actor, input: StationPostInput): Promise<StationPost> {
  return db.transaction(async (tx) => {
    await requireSdgsManager(tx, user);
    return toPost(await readPost(tx, await createPostIn(tx, actor, input)));
  });
}

export async function updatePost(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  body: { version: number; post: StationPostInput },
): Promise<StationPost> {
  return db.transaction(async (tx) => {
    await requireSdgsManager(tx, user);
    const before = await readPost(tx, id, { lock: true });
    const values = valuesOf(body.post);
    if (!(await repo.updatePost(tx, id, body.version, values))) throw new Conflict(STALE, "stale");
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "sdgs_station_post",
      entityId: id,
      summary: `イベント・お知らせ「${values.title}」を変更`,
      before: beforeOf(before),
      after: values,
    });
    return toPost(await readPost(tx, id));
  });
}

export async function setPostPublished(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  version: number,
  published: boolean,
): Promise<StationPost> {
  return db.transaction(async (tx) => {
    await requireSdgsManager(tx, user);
    const before = await readPost(tx, id, { lock: true });
    if ((before.published_at !== null) === published)
      throw new Conflict(
        published ? "このイベント・お知らせはすでに公開しています。" : "このイベント・お知らせは公開していません。",
        published ? "already_published" : "not_published",
      );
    if (!(await repo.setPublished(tx, id, version, published))) throw new Conflict(STALE, "stale");
    await recordAudit(tx, actor, {
      action: published ? "publish" : "unpublish",
      entityType: "sdgs_station_post",
      entityId: id,
      summary: `イベント・お知らせ「${before.title}」を${published ? "公開" : "公開停止"}`,
      before: { publishedAt: iso(before.published_at) },
      after: { published },
    });
    return toPost(await readPost(tx, id));
  });
}

export async function deletePost(db: Db, user: Principal | null, actor: Actor, id: string, version: number): Promise<{ ok: true }> {
  return db.transaction(async (tx) => {
    await requireSdgsManager(tx, user);
    const before = await readPost(tx, id, { lock: true });
    if (!(await repo.deletePost(tx, id, version))) throw new Conflict(STALE, "stale");
    await recordAudit(tx, actor, {
      action: "delete",
      entityType: "sdgs_station_post",
      entityId: id,
      summary: `イベント・お知らせ「${before.title}」を削除`,
      before: beforeOf(before),
    });
    return { ok: true as const };
  });
}

// ------------------------------------------------------------------ public (no sign-in)

function toPublic(row: repo.PublicPostRow): PublicStationPost {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    startsAt: iso(row.starts_at),
    endsAt: iso(row.ends_at),
    place: row.place,
    url: row.url,
    publishedAt: new Date(row.published_at).toISOString(),
    upcoming: row.upcoming,
    isSample: row.is_sample,
  };
}

export async function listPublicPosts(db: Db, query: { page: number; pageSize: number; kind?: repo.PostKind }) {
  const { rows, total } = await repo.findPublicPosts(db, new Date(), {
    kind: query.kind,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items: rows.map(toPublic), total, page: query.page, pageSize: query.pageSize };
}

export async function getPublicPost(db: Db, id: string) {
  const row = await repo.findPublicPost(db, new Date(), id);
  if (!row) throw new NotFound("イベント・お知らせ");
  return { ...toPublic(row), body: row.body };
}
