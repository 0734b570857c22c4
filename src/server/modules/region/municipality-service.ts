// 連携市町: the list and one 市町 for every member of staff; the edit (ふりがな, 英語名, 郡, 締結日, the editors'
// organisation) for the bureau that runs the hub, version-checked and audited in one transaction. A 市町's editors are
// the partner logins of its organisation: managers see who they are; an administrator adds one under 管理 → 利用者.
import type { ResponseOf } from "../../../common/api/contract";
import type * as api from "../../../common/api/region-municipalities";
import { districtProblem } from "../../../common/region/municipality-fields";
import type { Db, Queryable } from "../../db/database";
import { createOrganisation, findOrganisationIdByCode, listOrganisations } from "../../platform/admin/organisations";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import { authorize, type Principal } from "../../platform/auth/permissions";
import { Conflict, NotFound, ValidationError } from "../../platform/errors";
import { isRegionManager, requireRegionManager } from "./access";
import * as repo from "./municipality-repository";
import { findPopulationsOf, type PopulationRow } from "./population-repository";

export const STALE = "他の利用者が先に更新しました。画面を再読み込みしてから、もう一度保存してください。";

const toFigure = (row: Pick<PopulationRow, "basis" | "as_of" | "population" | "source" | "is_sample">): api.PopulationFigure => ({
  basis: row.basis,
  asOf: row.as_of,
  population: row.population,
  source: row.source,
  isSample: row.is_sample,
});

export const toSummary = (row: repo.MunicipalityRow): api.MunicipalitySummary => ({
  code: row.code,
  name: row.name,
  kana: row.kana,
  nameEn: row.name_en,
  kind: row.kind,
  district: row.district,
  joinedOn: row.joined_on,
  sortOrder: row.sort_order,
  latestPopulation:
    row.latest_basis && row.latest_as_of && row.latest_population !== null
      ? toFigure({
          basis: row.latest_basis,
          as_of: row.latest_as_of,
          population: row.latest_population,
          source: row.latest_source ?? "",
          is_sample: row.latest_is_sample ?? false,
        })
      : null,
  organisation: row.organisation_id ? { id: row.organisation_id, name: row.organisation_name ?? "", code: row.organisation_code } : null,
  editorLoginCount: row.editor_login_count,
  isSample: row.is_sample,
  version: row.version,
});

/** What the audit log keeps of a 市町's editable values. */
const auditValues = (row: repo.MunicipalityRow) => ({
  kana: row.kana,
  nameEn: row.name_en,
  district: row.district,
  joinedOn: row.joined_on,
  organisation: row.organisation_name,
});

export async function listMunicipalities(db: Queryable, user: Principal | null): Promise<ResponseOf<typeof api.listMunicipalities>> {
  authorize(user, "region.read");
  return { items: (await repo.findMunicipalities(db)).map(toSummary), canManage: await isRegionManager(db, user) };
}

async function detailOf(db: Queryable, row: repo.MunicipalityRow, canManage: boolean): Promise<api.MunicipalityDetail> {
  const populations = (await findPopulationsOf(db, row.code)).map(toFigure);
  let editorLogins: api.EditorLogin[] | null = null;
  let organisationChoices: api.OrganisationChoice[] | null = null;
  if (canManage) {
    editorLogins = row.organisation_id
      ? (await repo.findEditorLogins(db, row.organisation_id)).map((u) => ({
          id: u.id,
          loginId: u.login_id,
          displayName: u.display_name,
          disabled: u.disabled,
          lastLoginAt: u.last_login_at?.toISOString() ?? null,
        }))
      : [];
    const links = await repo.findOrganisationLinks(db);
    organisationChoices = (await listOrganisations(db))
      .filter((o) => o.kind === "external")
      .map((o) => {
        const linked = links.get(o.id);
        return { id: o.id, name: o.name, code: o.code, linkedTo: linked && linked.code !== row.code ? linked : null };
      });
  }
  return {
    ...toSummary(row),
    populations,
    editorLogins,
    organisationChoices,
    canManage,
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function getMunicipality(db: Queryable, user: Principal | null, code: string): Promise<api.MunicipalityDetail> {
  authorize(user, "region.read");
  const row = await repo.findMunicipality(db, code);
  if (!row) throw new NotFound("連携市町");
  return detailOf(db, row, await isRegionManager(db, user));
}

/** The organisation an edit links: an existing external one no other 市町 uses, a new one, or none. */
async function organisationFor(tx: Queryable, before: repo.MunicipalityRow, choice: string | null): Promise<string | null> {
  if (choice === null) return null;
  if (choice === "new") {
    const code = `region-${before.code}`;
    if (await findOrganisationIdByCode(tx, code))
      throw new ValidationError(`組織コード ${code} の組織がすでにあります。一覧から選んでください。`, {
        organisationId: "一覧から選んでください。",
      });
    return createOrganisation(tx, { kind: "external", name: before.name, code });
  }
  if (choice === before.organisation_id) return choice;
  const organisation = (await listOrganisations(tx)).find((o) => o.id === choice);
  if (organisation?.kind !== "external")
    throw new ValidationError("編集者の組織には外部組織を選んでください。", { organisationId: "外部組織を選んでください。" });
  const linked = (await repo.findOrganisationLinks(tx)).get(choice);
  if (linked && linked.code !== before.code)
    throw new ValidationError(`この組織はすでに${linked.name}の編集者の組織です。`, { organisationId: "別の組織を選んでください。" });
  return choice;
}

export async function updateMunicipality(
  db: Db,
  user: Principal | null,
  actor: Actor,
  code: string,
  input: {
    version: number;
    kana: string;
    nameEn: string;
    district: string | null;
    joinedOn: string | null;
    organisationId: string | null;
  },
): Promise<api.MunicipalityDetail> {
  return db.transaction(async (tx) => {
    await requireRegionManager(tx, user);
    const before = await repo.findMunicipality(tx, code, true);
    if (!before) throw new NotFound("連携市町");
    if (before.version !== input.version) throw new Conflict(STALE);
    const problem = districtProblem(before.kind, input.district);
    if (problem) throw new ValidationError(problem, { district: problem });
    const organisationId = await organisationFor(tx, before, input.organisationId);
    if (input.organisationId === "new" && organisationId)
      await recordAudit(tx, actor, {
        action: "create",
        entityType: "organisation",
        entityId: organisationId,
        summary: `${before.name}（連携市町の編集者の組織）`,
      });
    await repo.updateMunicipality(tx, code, { ...input, organisationId });
    const after = (await repo.findMunicipality(tx, code))!;
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "region_municipality",
      entityId: code,
      summary: before.name,
      before: auditValues(before),
      after: auditValues(after),
    });
    return detailOf(tx, after, true);
  });
}
