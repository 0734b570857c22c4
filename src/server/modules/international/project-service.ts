// 国際関連事業 as the routes call it. Every member of staff reads every project (list with filters, sorts and pages;
// one project with its partners, yearly money, graded indicators and the trips the caller may read). Each
// department enters and keeps its own: a project is created for the caller's own division (an administrator names
// any) and changed or deleted only by the editors of the division that owns it (access.ts: nobody edits another
// division's). Each write is one transaction: the caller's access, the checks, the change, its audit row.
import {
  FUNDING_SOURCE_LABELS,
  type ProjectDetail,
  type ProjectInput,
  type ProjectSummary,
  type TripStatus,
} from "../../../common/api/international";
import { formatFiscalYear } from "../../../common/dates";
import { partnerLabel } from "../../../common/international/partner-label";
import type { Db, Queryable } from "../../db/database";
import { organisationKindOf } from "../../platform/admin/organisations";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import { findUserById } from "../../platform/auth/principal-repo";
import { Conflict, Forbidden, NotFound, ValidationError } from "../../platform/errors";
import { accessOf, canEditRecord, type InternationalAccess, requireEditRecord } from "./access";
import { findExistingPartnerIds } from "./partner-repository";
import { projectGradeRule, toProjectIndicator } from "./project-indicators";
import * as repo from "./project-repository";
import { indexProjects, indexTrips, tripIdsOfProject } from "./search-index";

export const STALE = "他の利用者が先に更新しました。画面を再読み込みしてから、もう一度保存してください。";

/** What the pages need to know of the caller: the bureau's editor?, may they enter projects and trips, their division. */
export async function getInternationalAccess(db: Db, user: Principal | null) {
  const access = await accessOf(db, user);
  return {
    manager: access.manager,
    canCreate: canEditRecord(access, access.user.organisationId),
    organisationId: access.user.organisationId,
    organisationName: access.user.organisationName,
  };
}

export const toProjectSummary = (row: repo.ProjectRow): ProjectSummary => ({
  id: row.id,
  name: row.name,
  ownerOrganisationId: row.owner_organisation_id,
  ownerName: row.owner_name,
  bureauName: row.bureau_name,
  fieldId: row.field_id,
  fieldName: row.field_name,
  status: row.status,
  isPublic: row.is_public,
  firstFiscalYear: row.first_fiscal_year,
  lastFiscalYear: row.last_fiscal_year,
  themes: row.themes,
  partners: row.partners.map((p) => ({ id: p.id, label: partnerLabel(p) })),
  budgetTotal: row.budget_total,
  settledTotal: row.settled_total,
  updatedAt: row.updated_at.toISOString(),
  sourceKey: row.source_key,
  isSample: row.is_sample,
});

type ListQuery = repo.ProjectFilter & { page: number; pageSize: number; sort: repo.ProjectSort };

export async function listProjects(db: Db, user: Principal | null, query: ListQuery) {
  await accessOf(db, user);
  const { page, pageSize, sort, ...filter } = query;
  // Side by side: on PostgreSQL the two round trips overlap; PGlite runs them in turn.
  const [total, rows] = await Promise.all([repo.countProjects(db, filter), repo.findProjectPage(db, filter, { page, pageSize, sort })]);
  return { items: rows.map(toProjectSummary), total, page, pageSize };
}

async function readDetail(tx: Queryable, access: InternationalAccess, id: string): Promise<ProjectDetail> {
  const row = await repo.findProject(tx, id);
  if (!row) throw new NotFound("国際関連事業");
  const reader = { seesAll: access.overview, organisationId: access.user.organisationId, userId: access.user.id };
  // One after another: a transaction is one connection (node-postgres refuses overlapping queries on one client).
  const years = await repo.findProjectYears(tx, [id]);
  const indicators = await repo.findProjectIndicators(tx, [id]);
  const trips = await repo.findProjectTrips(tx, id, reader);
  const rule = await projectGradeRule(tx);
  return {
    ...toProjectSummary(row),
    contactUserId: row.contact_user_id,
    contactName: row.contact_name,
    summary: row.summary,
    years: years.map((y) => ({ fiscalYear: y.fiscal_year, fundingSource: y.funding_source, budget: y.budget, settled: y.settled })),
    indicators: indicators.map((i) => toProjectIndicator(i, rule)),
    trips: trips.map((t) => ({ id: t.id, title: t.title, departsOn: t.departs_on, status: t.status as TripStatus })),
    version: row.version,
    canEdit: canEditRecord(access, row.owner_organisation_id),
  };
}

export async function getProject(db: Db, user: Principal | null, id: string): Promise<ProjectDetail> {
  // In a transaction: the grade rule may be stored as the vision module's first version on the way.
  return db.transaction(async (tx) => readDetail(tx, await accessOf(tx, user), id));
}

// ------------------------------------------------------------------ checks

function invalid(field: string, message: string, fieldMessage = message): never {
  throw new ValidationError(message, { [field]: fieldMessage });
}

/**
 * What the contract cannot check: the records the project names exist (the owning division, the field — in use
 * unless the project already has it —, the contact, the partners), and no 年度 and 財源 twice among the years nor a
 * 年度 twice among an indicator's results.
 */
async function checkProjectInput(tx: Queryable, input: ProjectInput, keptFieldId: string | null): Promise<void> {
  const ownerKind = await organisationKindOf(tx, input.ownerOrganisationId);
  if (ownerKind === null) invalid("ownerOrganisationId", "所管課が見つかりません。選び直してください。");
  if (ownerKind === "external" || ownerKind === "municipality")
    invalid("ownerOrganisationId", "所管課には市の局・部・課を選んでください。");
  const field = await repo.findFieldState(tx, input.fieldId);
  if (!field) invalid("fieldId", "分野が見つかりません。選び直してください。");
  if (!field.active && input.fieldId !== keptFieldId)
    invalid("fieldId", `分野「${field.name}」は使用を停止しています。別の分野を選んでください。`);
  if (input.contactUserId && !(await findUserById(tx, input.contactUserId)))
    invalid("contactUserId", "担当者の利用者が見つかりません。選び直してください。");
  const partnerIds = [...new Set(input.partnerIds)];
  const existing = await findExistingPartnerIds(tx, partnerIds);
  const missing = partnerIds.filter((id) => !existing.has(id));
  if (missing.length > 0)
    invalid(
      "partnerIds",
      `相手先が見つかりません（${missing.length}件）。相手先の一覧から選び直してください。`,
      "相手先を選び直してください。",
    );
  const seenYears = new Map<string, number>();
  input.years.forEach((y, i) => {
    const key = `${y.fiscalYear}:${y.fundingSource}`;
    const first = seenYears.get(key);
    if (first !== undefined)
      invalid(
        `years.${i}`,
        `年度別の予算・決算の${i + 1}行目（${formatFiscalYear(y.fiscalYear)}・${FUNDING_SOURCE_LABELS[y.fundingSource]}）は、${first + 1}行目と年度・財源が同じです。1行にまとめてください。`,
        "年度と財源の組み合わせが重複しています。",
      );
    seenYears.set(key, i);
  });
  input.indicators.forEach((indicator, k) => {
    const seen = new Set<number>();
    indicator.results.forEach((r, i) => {
      if (seen.has(r.fiscalYear))
        invalid(
          `indicators.${k}.results.${i}`,
          `指標「${indicator.name}」の実績に${formatFiscalYear(r.fiscalYear)}が2回あります。1つにしてください。`,
          "同じ年度の実績がすでにあります。",
        );
      seen.add(r.fiscalYear);
    });
  });
}

const valuesOf = (input: ProjectInput): repo.ProjectValues => ({
  name: input.name,
  ownerOrganisationId: input.ownerOrganisationId,
  contactUserId: input.contactUserId,
  contactName: input.contactName,
  fieldId: input.fieldId,
  status: input.status,
  isPublic: input.isPublic,
  firstFiscalYear: input.firstFiscalYear,
  lastFiscalYear: input.lastFiscalYear,
  summary: input.summary,
  themes: [...new Set(input.themes)],
});

const partsOf = (input: ProjectInput): repo.ProjectParts => ({
  partnerIds: [...new Set(input.partnerIds)],
  years: input.years,
  indicators: input.indicators,
});

/** The project as stored, in the shape of its input: the audit log's before and after. */
async function storedView(tx: Queryable, id: string) {
  const row = await repo.findProject(tx, id);
  if (!row) throw new NotFound("国際関連事業");
  const years = await repo.findProjectYears(tx, [id]);
  const indicators = await repo.findProjectIndicators(tx, [id]);
  return {
    name: row.name,
    ownerOrganisationId: row.owner_organisation_id,
    contactUserId: row.contact_user_id,
    contactName: row.contact_name,
    fieldId: row.field_id,
    status: row.status,
    isPublic: row.is_public,
    firstFiscalYear: row.first_fiscal_year,
    lastFiscalYear: row.last_fiscal_year,
    summary: row.summary,
    themes: row.themes,
    partnerIds: row.partners.map((p) => p.id),
    years: years.map((y) => ({ fiscalYear: y.fiscal_year, fundingSource: y.funding_source, budget: y.budget, settled: y.settled })),
    indicators: indicators.map((i) => ({
      name: i.name,
      unit: i.unit,
      direction: i.direction,
      baselineValue: i.baseline_value,
      baselineFiscalYear: i.baseline_fiscal_year,
      targetValue: i.target_value,
      targetFiscalYear: i.target_fiscal_year,
      results: i.results.map((r) => ({ fiscalYear: r.fiscal_year, value: r.value })),
    })),
  };
}

// ------------------------------------------------------------------ writes

/**
 * Adds a project inside the caller's transaction, checked and audited; the caller has authorised it (the screen),
 * or it is sample data or an import (`sourceKey`: the kintone record it came from).
 */
export async function createProjectIn(
  tx: Queryable,
  actor: Actor,
  input: ProjectInput,
  opts: { isSample?: boolean; sourceKey?: string | null } = {},
): Promise<string> {
  await checkProjectInput(tx, input, null);
  const id = await repo.insertProject(tx, {
    ...valuesOf(input),
    sourceKey: opts.sourceKey ?? null,
    isSample: opts.isSample ?? false,
    createdBy: actor.userId,
  });
  await repo.replaceProjectParts(tx, id, partsOf(input));
  // the sample data indexes its records once at its end (indexSampleData), to keep a first start fast
  if (!opts.isSample) await indexProjects(tx, [id]);
  await recordAudit(tx, actor, {
    action: "create",
    entityType: "international_project",
    entityId: id,
    summary: `国際関連事業「${input.name}」を登録`,
    after: { ...input, themes: [...new Set(input.themes)], partnerIds: [...new Set(input.partnerIds)] },
  });
  return id;
}

/** A project of the caller's own division (an administrator: any division's). */
export async function createProject(db: Db, user: Principal | null, actor: Actor, input: ProjectInput): Promise<ProjectDetail> {
  return db.transaction(async (tx) => {
    const access = await accessOf(tx, user);
    if (!canEditRecord(access, input.ownerOrganisationId))
      throw new Forbidden("事業は自分の課の事業として登録してください（所管課を自分の課にしてください）。");
    return readDetail(tx, access, await createProjectIn(tx, actor, input));
  });
}

/**
 * Replaces the project by `input` inside the caller's transaction, checked and audited; the caller has authorised it
 * (the screen) or it is an import of a newer export (`action: "import_update"`). With `version`, a project saved by
 * someone else since is refused (409).
 */
export async function replaceProjectIn(
  tx: Queryable,
  actor: Actor,
  id: string,
  input: ProjectInput,
  opts: { version?: number; action?: "update" | "import_update" } = {},
): Promise<void> {
  const current = await repo.lockProject(tx, id);
  if (!current) throw new NotFound("国際関連事業");
  const version = opts.version ?? current.version;
  if (current.version !== version) throw new Conflict(STALE, "stale_version");
  await checkProjectInput(tx, input, current.field_id);
  const before = await storedView(tx, id);
  if (!(await repo.updateProject(tx, id, version, valuesOf(input)))) throw new Conflict(STALE, "stale_version");
  await repo.replaceProjectParts(tx, id, partsOf(input));
  await indexProjects(tx, [id]);
  if (before.name !== input.name) await indexTrips(tx, await tripIdsOfProject(tx, id));
  await recordAudit(tx, actor, {
    action: opts.action ?? "update",
    entityType: "international_project",
    entityId: id,
    summary: `国際関連事業「${input.name}」を${opts.action === "import_update" ? "取込で更新" : "変更"}`,
    before,
    after: await storedView(tx, id),
  });
}

/** Replaces the project by `project` if it still has `version` (else 409); only its division's editors (and administrators). */
export async function updateProject(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  body: { version: number; project: ProjectInput },
): Promise<ProjectDetail> {
  return db.transaction(async (tx) => {
    const access = await accessOf(tx, user);
    const current = await repo.lockProject(tx, id);
    if (!current) throw new NotFound("国際関連事業");
    requireEditRecord(access, current.owner_organisation_id);
    const input = body.project;
    if (input.ownerOrganisationId !== current.owner_organisation_id && !canEditRecord(access, input.ownerOrganisationId))
      throw new Forbidden("事業を他の課に移せるのは、システム管理者だけです。");
    await replaceProjectIn(tx, actor, id, input, { version: body.version });
    return readDetail(tx, access, id);
  });
}

/** Deletes the project with its parts (the trips that named it keep going, without the link). */
export async function deleteProject(db: Db, user: Principal | null, actor: Actor, id: string): Promise<{ ok: true }> {
  return db.transaction(async (tx) => {
    const access = await accessOf(tx, user);
    const current = await repo.lockProject(tx, id);
    if (!current) throw new NotFound("国際関連事業");
    requireEditRecord(access, current.owner_organisation_id);
    const before = await storedView(tx, id);
    const linkedTrips = await tripIdsOfProject(tx, id);
    await repo.deleteProject(tx, id);
    await indexProjects(tx, [id]);
    await indexTrips(tx, linkedTrips);
    await recordAudit(tx, actor, {
      action: "delete",
      entityType: "international_project",
      entityId: id,
      summary: `国際関連事業「${current.name}」を削除`,
      before,
    });
    return { ok: true as const };
  });
}
