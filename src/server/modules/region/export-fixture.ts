// The world of the export and catalogue tests, written straight into the tables (the curation part writes items in
// the application): a city whose 政策局 runs the hub, three 市町 — 北九州市 (no editors of its own), 直方市 and 苅田町
// (each with an organisation whose partner logins are its editors) — a login of each kind, and items in any state.
import type { DatasetKey } from "../../../common/region/datasets";
import type { Queryable } from "../../db/database";
import { createTestApp, type TestApp, type TestClient } from "../../testing/app";
import { buildCity, buildOrganisation, buildUser } from "../../testing/factories";
import { setRegionOwner } from "./access";

export const KITAKYUSHU = "401005";
export const NOGATA = "402044";
export const KANDA = "406210";

export interface ExportWorld {
  t: TestApp;
  /** 政策局's editor (a region manager), an administrator, another bureau's editor, a viewer */
  manager: TestClient;
  admin: TestClient;
  otherEditor: TestClient;
  viewer: TestClient;
  /** 直方市's and 苅田町's 市町 editors */
  nogataEditor: TestClient;
  kandaEditor: TestClient;
  anonymous: TestClient;
}

export async function buildExportWorld(): Promise<ExportWorld> {
  const t = await createTestApp();
  const city = await buildCity(t.db);
  await setRegionOwner(t.db, city.bureau.id);
  const nogata = await buildOrganisation(t.db, { name: "直方市", kind: "external", code: "region-402044" });
  const kanda = await buildOrganisation(t.db, { name: "苅田町", kind: "external", code: "region-406210" });
  await t.db.query(
    `INSERT INTO region_municipalities (code, name, kana, name_en, kind, district, organisation_id, sort_order)
     VALUES ('401005', '北九州市', 'きたきゅうしゅうし', 'Kitakyushu City', 'designated_city', NULL, NULL, 1),
            ('402044', '直方市', 'のおがたし', 'Nogata City', 'city', NULL, $1, 2),
            ('406210', '苅田町', 'かんだまち', 'Kanda Town', 'town', '京都郡', $2, 3)`,
    [nogata.id, kanda.id],
  );
  const nogataUser = await buildUser(t.db, { role: "partner", organisationId: nogata.id });
  const kandaUser = await buildUser(t.db, { role: "partner", organisationId: kanda.id });
  const [manager, admin, otherEditor, viewer, nogataEditor, kandaEditor] = await Promise.all(
    [city.editor, city.admin, city.otherEditor, city.viewer, nogataUser, kandaUser].map((u) => t.login(u.loginId, u.password)),
  );
  return { t, manager, admin, otherEditor, viewer, nogataEditor, kandaEditor, anonymous: t.client() };
}

export interface ExportFixtureItem {
  municipality: string;
  dataset: DatasetKey;
  sourceId?: string | null;
  name: string;
  nameEn?: string;
  descriptionEn?: string;
  fields?: Record<string, string>;
  status?: "draft" | "published" | "withdrawn";
  /** ISO timestamp of the last change (default now) */
  updatedAt?: string;
}

/** Inserts an item; `fields` default to the name in the dataset's name column. */
export async function insertExportItem(db: Queryable, item: ExportFixtureItem): Promise<string> {
  const status = item.status ?? "published";
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO region_items (municipality_code, dataset, source_id, origin, fields, name, name_en, description_en, status,
       published_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, CASE WHEN $9 = 'draft' THEN NULL ELSE coalesce($10::timestamptz, now()) END,
             coalesce($10::timestamptz, now()))
     RETURNING id`,
    [
      item.municipality,
      item.dataset,
      item.sourceId === undefined ? null : item.sourceId,
      item.sourceId === null || item.sourceId === undefined ? "editor" : "import",
      JSON.stringify(item.fields ?? {}),
      item.name,
      item.nameEn ?? "",
      item.descriptionEn ?? "",
      status,
      item.updatedAt ?? null,
    ],
  );
  return rows[0].id;
}
