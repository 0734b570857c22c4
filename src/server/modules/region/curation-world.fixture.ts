// The world of the curation tests: a city whose 政策局 runs the hub, the 18 sample 市町 (without the sample items, so
// that each test sees only what it imports), and signed-in clients of every caller that matters: the bureau's region
// editor, an administrator, a viewer and another bureau's editor (staff who only read), 直方市's editor, 行橋市's
// editor (another 市町), and an outsider.
import { createTestApp, type TestApp, type TestClient } from "../../testing/app";
import { buildCity, buildUser, TEST_PASSWORD } from "../../testing/factories";
import { setRegionOwner } from "./access";
import { loadSampleMunicipalities } from "./municipality-demo";

export const NOGATA = "402044";
export const YUKUHASHI = "402133";
export const KITAKYUSHU = "401005";

export interface CurationWorld {
  t: TestApp;
  manager: TestClient;
  admin: TestClient;
  viewer: TestClient;
  otherEditor: TestClient;
  nogata: TestClient;
  yukuhashi: TestClient;
  anonymous: TestClient;
  ids: { manager: string; nogata: string; yukuhashi: string };
}

async function organisationOf(t: TestApp, code: string): Promise<string> {
  const { rows } = await t.db.query<{ organisation_id: string }>("SELECT organisation_id FROM region_municipalities WHERE code = $1", [
    code,
  ]);
  return rows[0].organisation_id;
}

export async function buildCurationWorld(opts: { jobs?: boolean } = {}): Promise<CurationWorld> {
  const t = await createTestApp({ jobs: opts.jobs });
  const city = await buildCity(t.db);
  await t.db.transaction(async (tx) => {
    await setRegionOwner(tx, city.bureau.id);
    await loadSampleMunicipalities(tx);
  });
  const nogata = await buildUser(t.db, { role: "partner", organisationId: await organisationOf(t, NOGATA), displayName: "直方市 編集者" });
  const yukuhashi = await buildUser(t.db, {
    role: "partner",
    organisationId: await organisationOf(t, YUKUHASHI),
    displayName: "行橋市 編集者",
  });
  return {
    t,
    manager: await t.login(city.editor.loginId, TEST_PASSWORD),
    admin: await t.login(city.admin.loginId, TEST_PASSWORD),
    viewer: await t.login(city.viewer.loginId, TEST_PASSWORD),
    otherEditor: await t.login(city.otherEditor.loginId, TEST_PASSWORD),
    nogata: await t.login(nogata.loginId, TEST_PASSWORD),
    yukuhashi: await t.login(yukuhashi.loginId, TEST_PASSWORD),
    anonymous: t.client(),
    ids: { manager: city.editor.id, nogata: nogata.id, yukuhashi: yukuhashi.id },
  };
}

/** A 正式版 観光施設一覧 CSV (UTF-8) of the given rows: [ID, 名称, 緯度, 経度, 説明] (+ 名称_英字). */
export function tourismCsv(
  code: string,
  rows: readonly { id: string; name: string; lat?: string; lon?: string; description?: string; nameEn?: string }[],
): Uint8Array {
  const header = "全国地方公共団体コード,ID,地方公共団体名,名称,名称_英字,所在地_連結表記,緯度,経度,説明";
  const lines = rows.map((r) =>
    [code, r.id, "テスト町", r.name, r.nameEn ?? "", `福岡県テスト${r.id}`, r.lat ?? "33.74", r.lon ?? "130.73", r.description ?? ""].join(
      ",",
    ),
  );
  return new TextEncoder().encode(`${[header, ...lines].join("\r\n")}\r\n`);
}

/** Counts of the curation's tables, to see that a failed import changed nothing. */
export async function tableCounts(t: TestApp): Promise<{ imports: number; items: number; problems: number; audits: number }> {
  const { rows } = await t.db.query<{ imports: number; items: number; problems: number; audits: number }>(
    `SELECT (SELECT count(*)::int FROM region_imports) AS imports, (SELECT count(*)::int FROM region_items) AS items,
       (SELECT count(*)::int FROM region_import_problems) AS problems,
       (SELECT count(*)::int FROM audit_log WHERE entity_type LIKE 'region_%') AS audits`,
  );
  return rows[0];
}
