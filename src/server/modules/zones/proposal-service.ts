// 特区の規制改革提案, as the routes call them: the list (filters, sort, paging), the pipeline by state, one proposal
// with its history and days in each state, create and edit (version-checked), moves through the state machine
// (common/zones/proposal-states.ts: checked against the stored history inside the transaction that appends the step,
// updates the proposal and writes the audit row), and the documents and evidence files. Every member of staff reads;
// the bureau that carries the proposals (zones managers) writes.
import type * as api from "../../../common/api/zones";
import { todayInJapan } from "../../../common/dates";
import { daysBetween, daysPerStep, stepSpans } from "../../../common/step-days";
import { ATTACHMENTS_PER_SECTION_MAX } from "../../../common/upload-limits";
import { DOCUMENT_CATEGORY_LABELS, type DocumentCategory } from "../../../common/zones/proposal-fields";
import {
  ANSWER_KIND_LABELS,
  type AnswerKind,
  checkTransition,
  isEndState,
  nextStates,
  PIPELINE_STATES,
  PROPOSAL_STATE_LABELS,
  type ProposalState,
  type ProposalStep,
  stepLabel,
} from "../../../common/zones/proposal-states";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import { Conflict, NotFound, ValidationError } from "../../platform/errors";
import { checkAttachmentUpload, storeFile } from "../../platform/files/files";
import { deleteOwnedFile, readFileFor } from "../../platform/files/owners";
import { requireUpload, type Upload } from "../../platform/http/multipart";
import type { FileResult } from "../../platform/http/types";
import { isZonesManager, requireZonesManager, requireZonesReader, zonesOwner } from "./access";
import * as repo from "./proposal-repository";

const PROPOSAL = "特区の提案";
const FILE = "提案の書類";
const STALE = "この提案はほかの操作で更新されています。画面を読み込み直してから、もう一度操作してください。";

// ------------------------------------------------------------------ shaping

export const toMachineSteps = (steps: readonly repo.StepRow[]): ProposalStep[] =>
  steps.map((s) => ({ state: s.state, date: s.step_date, round: s.round, answer: s.answer }));

function summaryOf(row: repo.ProposalRow, today: string): api.ProposalSummary {
  const ended = isEndState(row.state);
  const started = row.started_on ?? row.state_since;
  return {
    id: row.id,
    title: row.title,
    field: row.field,
    state: row.state,
    stateLabel: stepLabel({ state: row.state, round: row.current_round, answer: row.current_answer }),
    stateSince: row.state_since,
    daysInState: Math.max(0, daysBetween(row.state_since, today)),
    // an ended proposal's path lasted until the day it ended
    totalDays: Math.max(0, daysBetween(started, ended ? row.state_since : today)),
    partnerNames: row.partner_names,
    ministries: row.ministries,
    proposedOn: row.proposed_on,
    measureScope: row.measure_scope,
    measureKind: row.measure_kind,
    isEnded: ended,
    isSample: row.is_sample,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
  };
}

function stepsOf(steps: readonly repo.StepRow[], today: string): api.ProposalStepView[] {
  const spans = stepSpans(
    steps.map((s) => ({ step: s.state, enteredOn: s.step_date })),
    today,
  );
  return steps.map((s, i) => {
    const span = spans[i]!;
    // an end state is where the path stops: it has no days of its own
    const days = isEndState(s.state) ? 0 : span.days;
    return {
      id: s.id,
      seq: s.seq,
      state: s.state,
      label: stepLabel(s),
      date: s.step_date,
      round: s.round,
      answer: s.answer,
      skipReason: s.skip_reason,
      note: s.note,
      leftOn: span.leftOn,
      days,
      recordedByName: s.recorded_by_name,
      recordedAt: s.recorded_at.toISOString(),
    };
  });
}

function daysByStateOf(steps: readonly repo.StepRow[], today: string): api.ProposalDetail["daysByState"] {
  const totals = daysPerStep(
    steps.map((s) => ({ step: s.state, enteredOn: s.step_date })),
    today,
  );
  return PIPELINE_STATES.filter((state) => totals.has(state)).map((state) => ({
    state,
    label: PROPOSAL_STATE_LABELS[state],
    days: isEndState(state) ? 0 : (totals.get(state) ?? 0),
  }));
}

function documentsOf(rows: readonly repo.DocumentRow[], steps: readonly repo.StepRow[]): api.ProposalDocument[] {
  const labels = new Map(steps.map((s) => [s.id, stepLabel(s)]));
  return rows.map((d) => ({
    id: d.file_id,
    name: d.name,
    mimeType: d.mime_type,
    sizeBytes: Number(d.size_bytes),
    category: d.category,
    stepId: d.step_id,
    stepLabel: d.step_id ? (labels.get(d.step_id) ?? null) : null,
    note: d.note,
    uploaderName: d.uploader_name,
    createdAt: d.created_at.toISOString(),
  }));
}

async function detailOf(db: Queryable, row: repo.ProposalRow, canManage: boolean): Promise<api.ProposalDetail> {
  const today = todayInJapan();
  const [partners, regulations, steps, documents] = await Promise.all([
    repo.findPartners(db, row.id),
    repo.findRegulations(db, row.id),
    repo.findSteps(db, [row.id]),
    repo.findDocuments(db, row.id),
  ]);
  return {
    ...summaryOf(row, today),
    summary: row.summary,
    businessPlan: row.business_plan,
    necessity: row.necessity,
    researchNotes: row.research_notes,
    partners,
    regulations,
    steps: stepsOf(steps, today),
    daysByState: daysByStateOf(steps, today),
    documents: documentsOf(documents, steps),
    nextMoves: canManage ? nextStates(toMachineSteps(steps)) : [],
    canManage,
    createdByName: row.created_by_name,
    createdAt: row.created_at.toISOString(),
  };
}

async function proposalOf(db: Queryable, id: string, forUpdate = false): Promise<repo.ProposalRow> {
  const row = await repo.findProposal(db, id, { forUpdate });
  if (!row) throw new NotFound(PROPOSAL);
  return row;
}

/** What the audit row keeps of a proposal. */
const auditValues = (row: repo.ProposalRow, partners: readonly repo.PartnerRow[], regulations: readonly repo.RegulationRow[]) => ({
  title: row.title,
  field: row.field,
  summary: row.summary,
  measureScope: row.measure_scope,
  measureKind: row.measure_kind,
  businessPlan: row.business_plan,
  necessity: row.necessity,
  researchNotes: row.research_notes,
  partners: partners.map((p) => ({ name: p.name, kind: p.kind, role: p.role })),
  regulations: regulations.map((r) => ({ law: r.law, article: r.article, ministry: r.ministry, note: r.note })),
  version: row.version,
});

// ------------------------------------------------------------------ list, pipeline

type ListQuery = repo.ProposalFilter & { page: number; pageSize: number };

export async function listProposals(
  db: Db,
  user: Principal | null,
  query: ListQuery,
): Promise<{ items: api.ProposalSummary[]; total: number; page: number; pageSize: number; canManage: boolean }> {
  requireZonesReader(user);
  const today = todayInJapan();
  const { rows, total } = await repo.findProposals(db, query, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
  return {
    items: rows.map((row) => summaryOf(row, today)),
    total,
    page: query.page,
    pageSize: query.pageSize,
    canManage: await isZonesManager(db, user),
  };
}

/** Every proposal that matches, for the export (no paging). */
export async function allProposals(db: Queryable, filter: repo.ProposalFilter): Promise<repo.ProposalRow[]> {
  return (await repo.findProposals(db, filter, null)).rows;
}

export async function getPipeline(
  db: Db,
  user: Principal | null,
  query: { field?: repo.ProposalFilter["field"] },
): Promise<{ today: string; columns: api.PipelineColumn[] }> {
  requireZonesReader(user);
  const today = todayInJapan();
  const { rows } = await repo.findProposals(db, { field: query.field, sort: "daysInState", order: "desc" }, null);
  const columns = PIPELINE_STATES.map((state) => ({
    state,
    label: PROPOSAL_STATE_LABELS[state],
    isEnd: isEndState(state),
    items: rows
      .filter((row) => row.state === state)
      .map((row) => {
        const s = summaryOf(row, today);
        return {
          id: s.id,
          title: s.title,
          field: s.field,
          stateLabel: s.stateLabel,
          stateSince: s.stateSince,
          daysInState: s.daysInState,
          totalDays: s.totalDays,
          partnerNames: s.partnerNames,
          isSample: s.isSample,
        };
      }),
  }));
  return { today, columns };
}

// ------------------------------------------------------------------ one proposal

export async function getProposal(db: Db, user: Principal | null, id: string): Promise<api.ProposalDetail> {
  requireZonesReader(user);
  return detailOf(db, await proposalOf(db, id), await isZonesManager(db, user));
}

type ProposalInput = repo.ProposalValues & {
  partners: { name: string; kind: repo.PartnerRow["kind"]; role: string }[];
  regulations: { law: string; article: string; ministry: string; note: string }[];
};

function checkLists(input: ProposalInput): void {
  const names = input.partners.map((p) => p.name);
  const duplicate = names.find((name, i) => names.indexOf(name) !== i);
  if (duplicate)
    throw new ValidationError(`連携先「${duplicate}」が重複しています。`, { partners: "同じ連携先は一度だけ入力してください。" });
}

export async function createProposal(
  db: Db,
  user: Principal | null,
  actor: Actor,
  input: ProposalInput & { startedOn: string; note: string },
  opts: { isSample?: boolean; today?: string } = {},
): Promise<api.ProposalDetail> {
  return db.transaction(async (tx) => {
    await requireZonesManager(tx, user);
    checkLists(input);
    const check = checkTransition([], "research", { date: input.startedOn, today: opts.today ?? todayInJapan() });
    if (!check.ok) throw new ValidationError(check.message, { startedOn: check.message });
    const id = await repo.insertProposal(tx, {
      ...input,
      state: "research",
      stateSince: input.startedOn,
      isSample: opts.isSample ?? false,
      createdBy: actor.userId,
    });
    await repo.replacePartners(tx, id, input.partners);
    await repo.replaceRegulations(tx, id, input.regulations);
    await repo.insertStep(tx, {
      proposalId: id,
      state: "research",
      date: input.startedOn,
      round: null,
      answer: null,
      skipReason: null,
      note: input.note,
      recordedBy: actor.userId,
      isSample: opts.isSample ?? false,
    });
    const row = await proposalOf(tx, id);
    await recordAudit(tx, actor, {
      action: "create",
      entityType: "zones_proposal",
      entityId: id,
      summary: row.title,
      after: {
        ...auditValues(row, input.partners as repo.PartnerRow[], input.regulations as repo.RegulationRow[]),
        startedOn: input.startedOn,
      },
    });
    return detailOf(tx, row, true);
  });
}

export async function updateProposal(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  input: ProposalInput & { version: number },
): Promise<api.ProposalDetail> {
  return db.transaction(async (tx) => {
    await requireZonesManager(tx, user);
    const before = await proposalOf(tx, id, true);
    if (before.version !== input.version) throw new Conflict(STALE);
    checkLists(input);
    const [partnersBefore, regulationsBefore] = await Promise.all([repo.findPartners(tx, id), repo.findRegulations(tx, id)]);
    if (!(await repo.updateProposal(tx, id, input.version, input))) throw new Conflict(STALE);
    await repo.replacePartners(tx, id, input.partners);
    await repo.replaceRegulations(tx, id, input.regulations);
    const after = await proposalOf(tx, id);
    const [partnersAfter, regulationsAfter] = await Promise.all([repo.findPartners(tx, id), repo.findRegulations(tx, id)]);
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "zones_proposal",
      entityId: id,
      summary: after.title,
      before: auditValues(before, partnersBefore, regulationsBefore),
      after: auditValues(after, partnersAfter, regulationsAfter),
    });
    return detailOf(tx, after, true);
  });
}

export interface MoveInput {
  version: number;
  to: ProposalState;
  date: string;
  answer: AnswerKind | null;
  reason: string | null;
  note: string;
}

/**
 * Moves a proposal to its next step: the machine checks the move against the stored history (read under the
 * proposal's row lock), and the step, the proposal's state and the audit row are written in one transaction. A stale
 * version (someone moved or edited it since it was read) is a 409; a refused move a 400 in Japanese.
 */
export async function moveProposal(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  input: MoveInput,
  opts: { isSample?: boolean; today?: string } = {},
): Promise<api.ProposalDetail> {
  return db.transaction(async (tx) => {
    await requireZonesManager(tx, user);
    const before = await proposalOf(tx, id, true);
    if (before.version !== input.version) throw new Conflict(STALE);
    const history = await repo.findSteps(tx, [id]);
    const reason = input.reason?.trim() || null;
    const check = checkTransition(toMachineSteps(history), input.to, {
      reason,
      answer: input.answer,
      date: input.date,
      today: opts.today ?? todayInJapan(),
    });
    if (!check.ok) {
      const field = check.needsReason ? "reason" : /回答の種類/.test(check.message) ? "answer" : /日付/.test(check.message) ? "date" : "to";
      throw new ValidationError(check.message, { [field]: check.message });
    }
    const stepId = await repo.insertStep(tx, {
      proposalId: id,
      state: input.to,
      date: input.date,
      round: check.round,
      answer: input.answer,
      // a natural move keeps no reason: only a skip's is recorded as one
      skipReason: check.needsReason ? reason : null,
      note: check.needsReason ? input.note : [input.note, reason && !check.needsReason ? `理由：${reason}` : ""].filter(Boolean).join("\n"),
      recordedBy: actor.userId,
      isSample: opts.isSample ?? false,
    });
    if (!(await repo.setProposalState(tx, id, input.version, input.to, input.date))) throw new Conflict(STALE);
    const from = history[history.length - 1];
    const label = stepLabel({ state: input.to, round: check.round, answer: input.answer });
    await recordAudit(tx, actor, {
      action: "change_status",
      entityType: "zones_proposal_step",
      entityId: stepId,
      summary: `特区の提案「${before.title}」を「${label}」へ（${input.date}）`,
      before: from ? { state: from.state, label: stepLabel(from), date: from.step_date, version: before.version } : null,
      after: {
        proposalId: id,
        state: input.to,
        label,
        date: input.date,
        round: check.round,
        answer: input.answer ? ANSWER_KIND_LABELS[input.answer] : null,
        skipReason: check.needsReason ? reason : null,
        note: input.note,
      },
    });
    return detailOf(tx, await proposalOf(tx, id), true);
  });
}

// ------------------------------------------------------------------ documents

const owner = (id: string, category: DocumentCategory) =>
  ({ kind: "zones.proposal", id, purpose: category === "evidence" ? "evidence" : "attachment" }) as const;

const fileFacts = (file: { id: string; name: string; mimeType: string; sizeBytes: number; sha256: string }) => ({
  fileId: file.id,
  name: file.name,
  mimeType: file.mimeType,
  sizeBytes: file.sizeBytes,
  sha256: file.sha256,
});

async function documentList(db: Queryable, id: string): Promise<{ items: api.ProposalDocument[] }> {
  const [documents, steps] = await Promise.all([repo.findDocuments(db, id), repo.findSteps(db, [id])]);
  return { items: documentsOf(documents, steps) };
}

export async function uploadDocument(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  query: { category: DocumentCategory; stepId?: string; note: string },
  form: Upload | null,
  opts: { isSample?: boolean } = {},
): Promise<{ items: api.ProposalDocument[] }> {
  return db.transaction(async (tx) => {
    await requireZonesManager(tx, user);
    const proposal = await proposalOf(tx, id, true);
    const steps = await repo.findSteps(tx, [id]);
    if (query.stepId && !steps.some((s) => s.id === query.stepId))
      throw new ValidationError("この提案の手続の段階を選んでください。", { stepId: "この提案の手続の段階を選んでください。" });
    const upload = requireUpload(form);
    const mimeType = checkAttachmentUpload(upload.name, upload.bytes);
    const count = (await repo.findDocuments(tx, id)).filter((d) => d.category === query.category).length;
    if (count >= ATTACHMENTS_PER_SECTION_MAX)
      throw new ValidationError(
        `${DOCUMENT_CATEGORY_LABELS[query.category]}は${ATTACHMENTS_PER_SECTION_MAX}件まで添付できます。不要なものを削除してから添付してください。`,
      );
    const bureau = await zonesOwner(tx);
    const stored = await storeFile(tx, {
      name: upload.name,
      mimeType,
      bytes: upload.bytes,
      createdBy: actor.userId,
      owner: { ...owner(id, query.category), organisationId: bureau?.organisationId ?? null },
    });
    await repo.insertDocument(tx, {
      fileId: stored.id,
      proposalId: id,
      stepId: query.stepId ?? null,
      category: query.category,
      note: query.note,
      isSample: opts.isSample ?? false,
    });
    const step = steps.find((s) => s.id === query.stepId);
    await recordAudit(tx, actor, {
      action: "attach_file",
      entityType: "zones_proposal",
      entityId: id,
      summary: `特区の提案「${proposal.title}」に${DOCUMENT_CATEGORY_LABELS[query.category]}「${stored.name}」を添付${step ? `（${stepLabel(step)}）` : ""}`,
      after: { ...fileFacts(stored), category: query.category, stepId: query.stepId ?? null },
    });
    return documentList(tx, id);
  });
}

/** No transaction: the file streams out after this returns (as the 国際 module's downloads). */
export async function downloadDocument(db: Db, user: Principal | null, actor: Actor, id: string, fileId: string): Promise<FileResult> {
  requireZonesReader(user);
  const proposal = await proposalOf(db, id);
  const file = await readFileFor(db, user, fileId, { kind: "zones.proposal", ownerId: id }, FILE);
  await recordAudit(db, actor, {
    action: "download",
    entityType: "file",
    entityId: file.id,
    summary: `特区の提案「${proposal.title}」の書類「${file.name}」をダウンロード`,
  });
  return { file: { name: file.name, mimeType: file.mimeType, body: file.body } };
}

export async function deleteDocument(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  fileId: string,
): Promise<{ items: api.ProposalDocument[] }> {
  return db.transaction(async (tx) => {
    await requireZonesManager(tx, user);
    const proposal = await proposalOf(tx, id, true);
    const deleted = await deleteOwnedFile(tx, fileId, { kind: "zones.proposal", id }, FILE);
    await recordAudit(tx, actor, {
      action: "remove_file",
      entityType: "zones_proposal",
      entityId: id,
      summary: `特区の提案「${proposal.title}」の書類「${deleted.name}」を削除`,
      before: fileFacts(deleted),
    });
    return documentList(tx, id);
  });
}

/** The proposal as the print reads it (any member of staff). */
export async function proposalForPrint(db: Db, user: Principal | null, id: string): Promise<api.ProposalDetail> {
  requireZonesReader(user);
  return detailOf(db, await proposalOf(db, id), false);
}
