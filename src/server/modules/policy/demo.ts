// Demo data of the policy module: the 政策局's own document (as published by the city), imported as a sample
// and published, with each challenge given to the division that carries it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Db } from "../../db/database";
import { projectRoot } from "../../paths";
import { organisationIdByCode } from "../../platform/admin/organisations";
import { DEMO_ACTOR } from "../../platform/audit/audit";
import { importDocumentAs } from "./import-service";
import * as repo from "./repository";

const OWNERS: Record<string, string> = {
  "A(1)": "seisaku-furusato",
  "A(2)": "seisaku-koiki",
  "A(3)": "seisaku-kokusai",
  "B(1)": "seisaku-tokku",
  "B(2)": "seisaku-sdgs",
  "B(3)": "seisaku-koiki",
  "B(4)": "seisaku-kokusai",
  "B(5)": "seisaku-gaikaku",
  "B(6)": "seisaku-gaikaku",
  "C(1)": "seisaku-vision",
};

export function samplePolicyText(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [
    path.join(here, "demo", "sample-policy.txt"),
    path.join(projectRoot, "src/server/modules/policy/demo/sample-policy.txt"),
  ];
  for (const file of candidates) {
    try {
      return readFileSync(file, "utf8");
    } catch {
      // try the next location (src/ when run by tsx, the project tree when bundled)
    }
  }
  throw new Error("sample-policy.txt not found");
}

export async function loadPolicyDemo(db: Db): Promise<void> {
  const bureauId = await organisationIdByCode(db, "seisaku");
  const { documentId } = await importDocumentAs(db, DEMO_ACTOR, {
    text: samplePolicyText(),
    organisationId: bureauId,
    fiscalYear: 2024,
    replaceExisting: false,
    isSample: true,
  });
  await db.transaction(async (tx) => {
    for (const challenge of await repo.findDocumentChallenges(tx, documentId)) {
      const owner = OWNERS[challenge.code];
      if (!owner) continue;
      await repo.setChallengeOwner(tx, challenge.id, await organisationIdByCode(tx, owner));
    }
    await repo.setPublished(tx, documentId, true, null);
  });
}
