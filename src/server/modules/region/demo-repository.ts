// SQL of the region module's sample data: whether it is loaded, and the organisation each sample partner 市町's editors
// belong to (the 市町 and their populations are written by the import's own code, municipality-demo.ts).
import type { Queryable } from "../../db/database";
import { createOrganisation } from "../../platform/admin/organisations";

export async function hasMunicipalities(db: Queryable): Promise<boolean> {
  const { rowCount } = await db.query("SELECT 1 FROM region_municipalities LIMIT 1");
  return (rowCount ?? 0) > 0;
}

/** An external sample organisation `region-<code>` named after the 市町, linked as its editors' organisation. */
export async function linkSampleOrganisation(db: Queryable, code: string, name: string): Promise<void> {
  const organisationId = await createOrganisation(db, { kind: "external", name, code: `region-${code}`, isSample: true });
  await db.query("UPDATE region_municipalities SET organisation_id = $2 WHERE code = $1", [code, organisationId]);
}
