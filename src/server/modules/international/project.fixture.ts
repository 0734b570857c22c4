// The world of the 国際関連事業 tests: the sample organisation tree (the codes the sample data names), the bureau set
// as the coordinator, the projects' sample data, and one signed-in caller of each kind — as Principals for the
// service tests and as HTTP clients for the routes.
import type { Queryable } from "../../db/database";
import type { Principal } from "../../platform/auth/permissions";
import { findUserById, loadPrincipal } from "../../platform/auth/principal-repo";
import { createTestApp, type TestApp, type TestClient } from "../../testing/app";
import { buildOrganisation, buildUser, TEST_PASSWORD } from "../../testing/factories";
import { setInternationalOwner } from "./access";
import { loadProjectDemo } from "./project-demo";

export interface ProjectWorld {
  t: TestApp;
  org: Record<
    "city" | "seisaku" | "kokusai" | "zaisei" | "zaiseiDivision" | "sangyo" | "sangyoDivision" | "kankyo" | "kankyoDivision",
    string
  >;
  /** admin; bureau editor (政策局, the coordinator); 国際政策課, 財政課 (D) and 産業政策課 editors; 産業政策課 viewer (V) */
  users: Record<"admin" | "bureau" | "kokusai" | "zaisei" | "sangyo" | "viewer", Principal>;
  clients: Record<"admin" | "bureau" | "zaisei" | "viewer", TestClient>;
}

async function principal(db: Queryable, id: string): Promise<Principal> {
  const row = await findUserById(db, id);
  if (!row) throw new Error("user missing");
  return loadPrincipal(db, row);
}

export async function buildProjectWorld(): Promise<ProjectWorld> {
  const t = await createTestApp();
  const db = t.db;
  const city = (await buildOrganisation(db, { name: "北九州市", kind: "municipality", code: "city" })).id;
  const under = async (parentId: string, name: string, code: string, kind: "bureau" | "division") =>
    (await buildOrganisation(db, { name, kind, code, parentId })).id;
  const seisaku = await under(city, "政策局", "seisaku", "bureau");
  const kokusai = await under(seisaku, "国際政策課", "seisaku-kokusai", "division");
  const zaisei = await under(city, "財政局", "zaisei", "bureau");
  const zaiseiDivision = await under(zaisei, "財政課", "zaisei-zaisei", "division");
  const sangyo = await under(city, "産業経済局", "sangyo", "bureau");
  const sangyoDivision = await under(sangyo, "産業政策課", "sangyo-kikaku", "division");
  const kankyo = await under(city, "環境局", "kankyo", "bureau");
  const kankyoDivision = await under(kankyo, "環境政策課", "kankyo-kikaku", "division");
  // the city's order of bureaus (政策局, 財政局, 産業経済局, 環境局), as the sample tree has it
  for (const [i, id] of [seisaku, zaisei, sangyo, kankyo].entries())
    await db.query("UPDATE organisations SET sort_order = $2 WHERE id = $1", [id, i + 1]);
  await setInternationalOwner(db, seisaku);
  await loadProjectDemo(db);

  const made = {
    admin: await buildUser(db, { role: "admin", organisationId: seisaku, loginId: "intl-admin" }),
    bureau: await buildUser(db, { role: "editor", organisationId: seisaku, loginId: "intl-bureau" }),
    kokusai: await buildUser(db, { role: "editor", organisationId: kokusai, loginId: "intl-kokusai" }),
    zaisei: await buildUser(db, { role: "editor", organisationId: zaiseiDivision, loginId: "intl-zaisei", displayName: "財政 花子" }),
    sangyo: await buildUser(db, { role: "editor", organisationId: sangyoDivision, loginId: "intl-sangyo" }),
    viewer: await buildUser(db, { role: "viewer", organisationId: sangyoDivision, loginId: "intl-viewer" }),
  };
  const users = {} as ProjectWorld["users"];
  for (const [key, user] of Object.entries(made)) users[key as keyof typeof made] = await principal(db, user.id);
  const clients = {} as ProjectWorld["clients"];
  for (const key of ["admin", "bureau", "zaisei", "viewer"] as const) clients[key] = await t.login(made[key].loginId, TEST_PASSWORD);
  return {
    t,
    org: { city, seisaku, kokusai, zaisei, zaiseiDivision, sangyo, sangyoDivision, kankyo, kankyoDivision },
    users,
    clients,
  };
}

/** One id by a column's value (the sample data's names). */
export async function idOf(db: Queryable, table: string, column: string, value: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM ${table} WHERE ${column} = $1`, [value]);
  if (rows.length !== 1) throw new Error(`${table}.${column} = ${value}: ${rows.length} rows`);
  return rows[0].id;
}

/** A trip of `ownerOrganisationId` visiting the partner, written straight to the trips' tables (another part's). */
export async function insertTripVisit(
  db: Queryable,
  input: { title: string; ownerOrganisationId: string; partnerId: string; visitOn: string; status?: string; projectId?: string },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO international_trips (title, owner_organisation_id, status, departs_on, returns_on)
     VALUES ($1, $2, $3, $4::date - 1, $4::date + 2) RETURNING id`,
    [input.title, input.ownerOrganisationId, input.status ?? "approved", input.visitOn],
  );
  const tripId = rows[0].id;
  await db.query(
    `INSERT INTO international_trip_visits (trip_id, line_no, visit_on, country, city, partner_id, organisation, counterpart, purpose)
     SELECT $1, 1, $2, country, city, id, '高雄市政府観光局', '局長', 'PRキャンペーンの打合せ' FROM international_partners WHERE id = $3`,
    [tripId, input.visitOn, input.partnerId],
  );
  if (input.projectId)
    await db.query("INSERT INTO international_trip_projects (trip_id, project_id) VALUES ($1, $2)", [tripId, input.projectId]);
  return tripId;
}
