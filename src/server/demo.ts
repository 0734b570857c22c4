// Sample (demo) data loaded on a first start, so that a newcomer sees a living system. Everything it creates is
// marked is_sample and shown with a サンプル badge. It creates no user accounts: the first administrator is set up
// through the one-time setup link, and no password is ever shipped.
import type { Db, Queryable } from "./db/database";
import { MODULES } from "./modules";
import type { ModuleManifest } from "./modules/manifest";
import { createOrganisation } from "./platform/admin/organisations";
import { DEMO_ACTOR, recordAudit } from "./platform/audit/audit";
import type { Logger } from "./platform/logger";

interface OrgSeed {
  code: string;
  name: string;
  kind: "municipality" | "bureau" | "department" | "division" | "external";
  children?: OrgSeed[];
}

// A plausible city hall tree for the demo (names of divisions are illustrative, marked as sample).
const ORGANISATIONS: OrgSeed[] = [
  {
    code: "city",
    name: "北九州市",
    kind: "municipality",
    children: [
      {
        code: "seisaku",
        name: "政策局",
        kind: "bureau",
        children: [
          { code: "seisaku-kikaku", name: "企画課", kind: "division" },
          { code: "seisaku-vision", name: "新ビジョン推進課", kind: "division" },
          { code: "seisaku-furusato", name: "ふるさと納税推進課", kind: "division" },
          { code: "seisaku-kokusai", name: "国際政策課", kind: "division" },
          { code: "seisaku-sdgs", name: "SDGs推進課", kind: "division" },
          { code: "seisaku-koiki", name: "広域連携推進課", kind: "division" },
          { code: "seisaku-tokku", name: "特区推進課", kind: "division" },
          { code: "seisaku-gaikaku", name: "外郭団体・大学担当課", kind: "division" },
        ],
      },
      { code: "zaisei", name: "財政局", kind: "bureau", children: [{ code: "zaisei-zaisei", name: "財政課", kind: "division" }] },
      { code: "sangyo", name: "産業経済局", kind: "bureau", children: [{ code: "sangyo-kikaku", name: "産業政策課", kind: "division" }] },
      { code: "kankyo", name: "環境局", kind: "bureau", children: [{ code: "kankyo-kikaku", name: "環境政策課", kind: "division" }] },
    ],
  },
  { code: "partner-fukuoka", name: "福岡市", kind: "external" },
  { code: "partner-shimonoseki", name: "下関市", kind: "external" },
];

async function insertOrganisations(tx: Queryable, seeds: OrgSeed[], parentId: string | null): Promise<void> {
  for (const [index, seed] of seeds.entries()) {
    const id = await createOrganisation(tx, {
      parentId,
      kind: seed.kind,
      name: seed.name,
      code: seed.code,
      sortOrder: index + 1,
      isSample: true,
    });
    if (seed.children) await insertOrganisations(tx, seed.children, id);
  }
}

/** Loads the demo data into an empty database (no organisations yet); does nothing otherwise. */
export async function loadDemoDataIfEmpty(db: Db, log: Logger, modules: readonly ModuleManifest[] = MODULES): Promise<boolean> {
  const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM organisations");
  if (rows[0].n > 0) return false;
  await db.transaction(async (tx) => {
    await insertOrganisations(tx, ORGANISATIONS, null);
    await recordAudit(tx, DEMO_ACTOR, { action: "create", entityType: "organisation", summary: "サンプルの組織を作成" });
  });
  const moduleMs: Record<string, number> = {};
  for (const module of modules) {
    const started = performance.now();
    await module.demo?.(db);
    moduleMs[module.name] = Math.round(performance.now() - started);
  }
  log.info({ moduleMs }, "sample data loaded");
  return true;
}
