// The world of the 連携市町と人口 tests: a city whose 政策局 runs the hub, the module's sample data (18 市町, their
// organisations, the sample populations), and a signed-in client of each kind of caller that matters here.
import type { JobRun } from "../../../common/api/platform";
import { createTestApp, type TestApp, type TestClient } from "../../testing/app";
import { buildCity, buildUser, TEST_PASSWORD } from "../../testing/factories";
import { loadRegionDemo } from "./demo";

export interface MunicipalityWorld {
  t: TestApp;
  /** an editor of 政策局 (the hub's bureau): a region manager */
  manager: TestClient;
  admin: TestClient;
  /** an editor of another bureau */
  otherEditor: TestClient;
  viewer: TestClient;
  /** a partner login of 直方市's organisation */
  municipalityEditor: TestClient;
  anonymous: TestClient;
  managerId: string;
}

export async function buildMunicipalityWorld(opts: { jobs?: boolean } = {}): Promise<MunicipalityWorld> {
  const t = await createTestApp({ jobs: opts.jobs });
  const city = await buildCity(t.db);
  await loadRegionDemo(t.db);
  const managerUser = await buildUser(t.db, { role: "editor", organisationId: city.bureau.id });
  const nogata = await t.db.query<{ organisation_id: string }>("SELECT organisation_id FROM region_municipalities WHERE code = '402044'");
  const editorUser = await buildUser(t.db, {
    role: "partner",
    organisationId: nogata.rows[0].organisation_id,
    displayName: "直方市 編集者",
  });
  return {
    t,
    manager: await t.login(managerUser.loginId, TEST_PASSWORD),
    admin: await t.login(city.admin.loginId, TEST_PASSWORD),
    otherEditor: await t.login(city.otherEditor.loginId, TEST_PASSWORD),
    viewer: await t.login(city.viewer.loginId, TEST_PASSWORD),
    municipalityEditor: await t.login(editorUser.loginId, TEST_PASSWORD),
    anonymous: t.client(),
    managerId: managerUser.id,
  };
}

/** Uploads a file to an import kind and waits for the job's end. */
export async function runImport(client: TestClient, kind: string, fileName: string, content: string | Uint8Array): Promise<JobRun> {
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
  const started = await client.upload(`/api/imports/${kind}`, fileName, bytes);
  if (started.status !== 200) throw new Error(`upload refused: ${started.status} ${JSON.stringify(started.body)}`);
  for (let i = 0; i < 300; i++) {
    const job = (await client.get<JobRun>(`/api/jobs/${started.body.jobId}`)).body;
    if (job.status === "succeeded" || job.status === "failed") return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("import job did not finish");
}

export type ImportOutcome =
  | { ok: true; count: number; summary: string; duplicate: boolean }
  | { ok: false; errorCount: number; errors: { row: number; column?: string; message: string }[]; reportFileId: string };

export const outcomeOf = (job: JobRun) => job.result as ImportOutcome;
