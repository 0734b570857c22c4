// The world of the registry and finance tests: a city (its 政策局 runs the programme) with the module's sample data
// (18 companies, certifications in every state, 3 partner banks and their finance records), and the partner logins
// of the first two sample banks.
import { createTestApp, type TestApp } from "../../testing/app";
import { buildCity, buildUser } from "../../testing/factories";
import { loadSdgsDemo } from "./demo";

export async function buildRegistryWorld(): Promise<{ t: TestApp; city: Awaited<ReturnType<typeof buildCity>> }> {
  const t = await createTestApp();
  const city = await buildCity(t.db);
  await loadSdgsDemo(t.db);
  return { t, city };
}

export async function buildBankLogin(t: TestApp, bankCode: string) {
  const { rows } = await t.db.query<{ id: string; organisation_id: string }>(
    "SELECT b.id, b.organisation_id FROM sdgs_banks b JOIN organisations o ON o.id = b.organisation_id WHERE o.code = $1",
    [bankCode],
  );
  const user = await buildUser(t.db, { role: "partner", organisationId: rows[0].organisation_id });
  return { bankId: rows[0].id, user };
}
