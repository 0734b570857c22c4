// 経営分析's subjects (分析対象) and peers (比較団体), as the routes call them: the list, one subject with its facilities,
// measures, peers and analyses, create (a linked source's measures in the same transaction), edit (version-checked;
// a changed linked source swaps its measures), delete (refused while the subject has analyses), and peer links.
// Every member of staff reads; the bureau responsible for the analyses (analysis managers) writes.
import { LINKED_SOURCE_INFO, type LinkedSource } from "../../../common/analysis/figure-items";
import { affiliateLabel, REVIEW_STATUS_LABELS, SUBJECT_KIND_LABELS, type SubjectRole } from "../../../common/analysis/labels";
import type * as api from "../../../common/api/analysis-subjects";
import { fiscalYearOf, todayInJapan } from "../../../common/dates";
import type { Db, Queryable } from "../../db/database";
import { organisationKindOf } from "../../platform/admin/organisations";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import { Conflict, NotFound, ValidationError } from "../../platform/errors";
import { isAnalysisManager, requireAnalysisManager, requireAnalysisReader } from "./access";
import * as facilities from "./facility-repository";
import * as measures from "./measure-repository";
import * as repo from "./subject-repository";

const SUBJECT = "分析対象・比較団体";
export const STALE = "この対象はほかの操作で更新されています。画面を読み込み直してから、もう一度操作してください。";

// ------------------------------------------------------------------ shaping

function summaryOf(row: repo.SubjectRow, currentFiscalYear: number): api.SubjectSummary {
  return {
    id: row.id,
    name: row.name,
    shortName: row.short_name,
    role: row.role,
    kind: row.kind,
    kindLabel: SUBJECT_KIND_LABELS[row.kind],
    isAffiliatedBody: row.is_affiliated_body,
    affiliateLabel: row.is_affiliated_body ? affiliateLabel(row.analysis_fiscal_year ?? currentFiscalYear) : null,
    leadOrganisationId: row.lead_organisation_id,
    leadOrganisationName: row.lead_organisation_name,
    bureauName: row.bureau_name,
    analysisFiscalYear: row.analysis_fiscal_year,
    location: row.location,
    linkedSource: row.linked_source,
    linkedNames: row.linked_names,
    reviewCount: row.review_count,
    latestReview:
      row.latest_review_id && row.latest_review_year !== null && row.latest_review_status
        ? {
            id: row.latest_review_id,
            fiscalYear: row.latest_review_year,
            status: row.latest_review_status,
            statusLabel: REVIEW_STATUS_LABELS[row.latest_review_status],
          }
        : null,
    isSample: row.is_sample,
    version: row.version,
  };
}

const refOf = (r: repo.SubjectRefRow) => ({ id: r.id, name: r.name, location: r.location, kindLabel: SUBJECT_KIND_LABELS[r.kind] });

/** 築年数 at the end of a fiscal year (3/31 of the next calendar year), as the indicators count it. */
export const facilityAgeAt = (builtYear: number, fiscalYear: number) => Math.max(0, fiscalYear + 1 - builtYear);

export async function detailOf(db: Queryable, row: repo.SubjectRow, canManage: boolean): Promise<api.SubjectDetail> {
  const currentFiscalYear = fiscalYearOf(todayInJapan());
  const [facilityRows, measureRows, peers, peerOf, reviews] = await Promise.all([
    facilities.findFacilities(db, row.id),
    measures.findMeasures(db, row.id),
    row.role === "subject" ? repo.peersOf(db, row.id) : Promise.resolve([]),
    row.role === "peer" ? repo.subjectsOfPeer(db, row.id) : Promise.resolve([]),
    repo.findReviews(db, row.id),
  ]);
  const linkedLabel = row.linked_source ? LINKED_SOURCE_INFO[row.linked_source].label : null;
  return {
    ...summaryOf(row, currentFiscalYear),
    cityStakePercent: row.city_stake_percent,
    cityRole: row.city_role,
    purpose: row.purpose,
    foundedYear: row.founded_year,
    note: row.note,
    currentFiscalYear,
    facilities: facilityRows.map((f) => ({
      id: f.id,
      name: f.name,
      builtYear: f.built_year,
      floorAreaM2: f.floor_area_m2,
      lastRenovatedYear: f.last_renovated_year,
      note: f.note,
      ageAtFiscalYearEnd: facilityAgeAt(f.built_year, currentFiscalYear),
      isSample: f.is_sample,
    })),
    measures: measureRows.map((m) => ({
      id: m.id,
      name: m.name,
      unit: m.unit,
      linkedFigure: m.linked_figure,
      linkedLabel: m.linked_figure ? linkedLabel : null,
      isCostBasis: m.is_cost_basis,
    })),
    peers: peers.map(refOf),
    peerOf: peerOf.map(refOf),
    reviews: reviews.map((r) => ({ id: r.id, fiscalYear: r.fiscal_year, status: r.status, statusLabel: REVIEW_STATUS_LABELS[r.status] })),
    canManage,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function subjectOf(db: Queryable, id: string, forUpdate = false): Promise<repo.SubjectRow> {
  const row = await repo.findSubject(db, id, { forUpdate });
  if (!row) throw new NotFound(SUBJECT);
  return row;
}

/** What the audit row keeps of a subject. */
const auditValues = (row: repo.SubjectRow) => ({
  name: row.name,
  shortName: row.short_name,
  role: row.role,
  kind: row.kind,
  isAffiliatedBody: row.is_affiliated_body,
  leadOrganisationId: row.lead_organisation_id,
  cityStakePercent: row.city_stake_percent,
  cityRole: row.city_role,
  purpose: row.purpose,
  foundedYear: row.founded_year,
  analysisFiscalYear: row.analysis_fiscal_year,
  location: row.location,
  linkedSource: row.linked_source,
  note: row.note,
  version: row.version,
});

// ------------------------------------------------------------------ list

type ListQuery = repo.SubjectFilter & { page: number; pageSize: number };

export async function listSubjects(
  db: Db,
  user: Principal | null,
  query: ListQuery,
): Promise<{ items: api.SubjectSummary[]; total: number; page: number; pageSize: number; canManage: boolean }> {
  requireAnalysisReader(user);
  const fy = fiscalYearOf(todayInJapan());
  const { rows, total } = await repo.findSubjects(db, query, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
  return {
    items: rows.map((row) => summaryOf(row, fy)),
    total,
    page: query.page,
    pageSize: query.pageSize,
    canManage: await isAnalysisManager(db, user),
  };
}

/** Every subject and peer that matches, for the export (no paging). */
export async function allSubjects(db: Queryable, filter: repo.SubjectFilter): Promise<repo.SubjectRow[]> {
  return (await repo.findSubjects(db, filter, null)).rows;
}

// ------------------------------------------------------------------ one subject

export async function getSubject(db: Db, user: Principal | null, id: string): Promise<api.SubjectDetail> {
  requireAnalysisReader(user);
  return detailOf(db, await subjectOf(db, id), await isAnalysisManager(db, user));
}

/** The fields a subject or a peer may hold: a peer has no analysis year, linked source or lead division. */
async function checkFields(db: Queryable, role: SubjectRole, input: repo.SubjectValues): Promise<void> {
  const errors: Record<string, string> = {};
  if (role === "peer") {
    if (input.analysisFiscalYear !== null) errors.analysisFiscalYear = "比較団体には分析年度を設定できません。";
    if (input.linkedSource !== null) errors.linkedSource = "比較団体には連携元を設定できません。";
    if (input.leadOrganisationId !== null) errors.leadOrganisationId = "比較団体には所管課を設定できません。";
  } else if (input.analysisFiscalYear === null) errors.analysisFiscalYear = "分析年度を入力してください。";
  if (input.leadOrganisationId !== null) {
    const kind = await organisationKindOf(db, input.leadOrganisationId);
    if (!kind) errors.leadOrganisationId = "所管課が見つかりません。選び直してください。";
    // the lead is one of the city's own divisions, never a partner organisation (external)
    else if (kind === "external") errors.leadOrganisationId = "所管課には市の組織を選んでください（外部の団体は選べません）。";
  }
  const first = Object.values(errors)[0];
  if (first) throw new ValidationError(first, errors);
}

/** Creates the linked source's measures (linked_figure set), refusing a name one of the subject's own measures has. */
async function addLinkedMeasures(tx: Queryable, subjectId: string, source: LinkedSource): Promise<string[]> {
  const created: string[] = [];
  for (const m of LINKED_SOURCE_INFO[source].measures) {
    if (await measures.measureNameTaken(tx, subjectId, m.name, null))
      throw new ValidationError(
        `活動指標「${m.name}」がすでにあるため、連携元の同じ名称の指標を作れません。先にその活動指標の名称を変えてください。`,
        { linkedSource: `活動指標「${m.name}」と名称が重なります。` },
      );
    await measures.insertMeasure(tx, subjectId, { name: m.name, unit: m.unit, isCostBasis: m.isCostBasis, linkedFigure: m.key });
    created.push(m.name);
  }
  return created;
}

export async function createSubject(
  db: Db,
  user: Principal | null,
  actor: Actor,
  input: repo.SubjectValues & { role: SubjectRole; peerOf: string | null },
  opts: { isSample?: boolean } = {},
): Promise<api.SubjectDetail> {
  return db.transaction(async (tx) => {
    await requireAnalysisManager(tx, user);
    await checkFields(tx, input.role, input);
    let subjectOfPeer: repo.SubjectRow | null = null;
    if (input.peerOf) {
      if (input.role !== "peer") throw new ValidationError("比較する分析対象は、比較団体を登録するときだけ指定できます。");
      subjectOfPeer = await repo.findSubject(tx, input.peerOf);
      if (subjectOfPeer?.role !== "subject")
        throw new ValidationError("比較する分析対象が見つかりません。", { peerOf: "選び直してください。" });
    }
    const id = await repo.insertSubject(tx, { ...input, isSample: opts.isSample ?? false, createdBy: actor.userId });
    const linkedMeasures = input.linkedSource ? await addLinkedMeasures(tx, id, input.linkedSource) : [];
    if (subjectOfPeer) {
      await repo.insertPeerLink(tx, subjectOfPeer.id, id);
      await repo.touchSubject(tx, subjectOfPeer.id);
    }
    const row = await subjectOf(tx, id);
    await recordAudit(tx, actor, {
      action: "create",
      entityType: "analysis_subject",
      entityId: id,
      summary: row.name,
      after: { ...auditValues(row), linkedMeasures, peerOf: subjectOfPeer?.name ?? null },
    });
    return detailOf(tx, row, true);
  });
}

export async function updateSubject(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  input: repo.SubjectValues & { version: number },
): Promise<api.SubjectDetail> {
  return db.transaction(async (tx) => {
    await requireAnalysisManager(tx, user);
    const before = await subjectOf(tx, id, true);
    if (before.version !== input.version) throw new Conflict(STALE);
    await checkFields(tx, before.role, input);
    if (!(await repo.updateSubject(tx, id, input.version, input))) throw new Conflict(STALE);
    let linkedMeasures: { removed: string[]; added: string[] } | undefined;
    if (before.linked_source !== input.linkedSource) {
      // the old source's measures are read from a module the subject no longer comes from
      const removed = await measures.deleteLinkedMeasures(tx, id);
      const added = input.linkedSource ? await addLinkedMeasures(tx, id, input.linkedSource) : [];
      linkedMeasures = { removed, added };
    }
    const after = await subjectOf(tx, id);
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "analysis_subject",
      entityId: id,
      summary: after.name,
      before: auditValues(before),
      after: { ...auditValues(after), ...(linkedMeasures ? { linkedMeasures } : {}) },
    });
    return detailOf(tx, after, true);
  });
}

export async function deleteSubject(db: Db, user: Principal | null, actor: Actor, id: string, version: number): Promise<{ ok: true }> {
  return db.transaction(async (tx) => {
    await requireAnalysisManager(tx, user);
    const before = await subjectOf(tx, id, true);
    if (before.version !== version) throw new Conflict(STALE);
    const reviews = await repo.countReviews(tx, id);
    if (reviews > 0)
      throw new Conflict(
        `「${before.name}」には経営分析が${reviews}件あるため削除できません。経営分析の記録を残すため、対象は削除せずにお使いください。`,
      );
    await repo.deleteSubject(tx, id);
    await recordAudit(tx, actor, {
      action: "delete",
      entityType: "analysis_subject",
      entityId: id,
      summary: before.name,
      before: { ...auditValues(before), peers: before.linked_names },
    });
    return { ok: true as const };
  });
}

// ------------------------------------------------------------------ peers of a subject

async function peerLinkTargets(tx: Queryable, subjectId: string, peerId: string) {
  const subject = await subjectOf(tx, subjectId, true);
  if (subject.role !== "subject") throw new ValidationError("比較団体を追加できるのは分析対象だけです。");
  const peer = await repo.findSubject(tx, peerId);
  if (!peer) throw new NotFound("比較団体");
  if (peer.role !== "peer")
    throw new ValidationError(`「${peer.name}」は比較団体ではありません。`, { peerId: "比較団体を選んでください。" });
  return { subject, peer };
}

export async function addPeer(db: Db, user: Principal | null, actor: Actor, subjectId: string, peerId: string): Promise<api.SubjectDetail> {
  return db.transaction(async (tx) => {
    await requireAnalysisManager(tx, user);
    const { subject, peer } = await peerLinkTargets(tx, subjectId, peerId);
    if (!(await repo.insertPeerLink(tx, subject.id, peer.id)))
      throw new ValidationError(`「${peer.name}」はすでにこの対象の比較団体です。`, { peerId: "すでに追加されています。" });
    await repo.touchSubject(tx, subject.id);
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "analysis_subject",
      entityId: subject.id,
      summary: `${subject.name}：比較団体「${peer.name}」を追加`,
      after: { peerId: peer.id, peerName: peer.name },
    });
    return detailOf(tx, await subjectOf(tx, subject.id), true);
  });
}

export async function removePeer(
  db: Db,
  user: Principal | null,
  actor: Actor,
  subjectId: string,
  peerId: string,
): Promise<api.SubjectDetail> {
  return db.transaction(async (tx) => {
    await requireAnalysisManager(tx, user);
    const { subject, peer } = await peerLinkTargets(tx, subjectId, peerId);
    if (!(await repo.deletePeerLink(tx, subject.id, peer.id))) throw new NotFound("この対象の比較団体");
    await repo.touchSubject(tx, subject.id);
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "analysis_subject",
      entityId: subject.id,
      summary: `${subject.name}：比較団体「${peer.name}」を外す`,
      before: { peerId: peer.id, peerName: peer.name },
    });
    return detailOf(tx, await subjectOf(tx, subject.id), true);
  });
}
