// 要件確認 (staff screening) of the SDGs certification: every member of staff reads the applications (without the
// company's contacts, which only the bureau's managers see); the bureau's managers move them on (要件確認を始める,
// 差し戻す with the reason shown to the company, 書類審査へ進める, 審査会に付す once a reviewer has submitted) and keep
// the screening note. Each move checks the state table (common/sdgs/application-states.ts) and the version, writes
// the event row and the audit row in one transaction, and refreshes the application's search entry.
import {
  type ApplicationDetail,
  type ApplicationRow,
  type ApplicationSort,
  STAFF_MOVES,
  type StaffMove,
} from "../../../common/api/sdgs-screening";
import { formatWareki, isoDateInJapan, todayInJapan } from "../../../common/dates";
import { APPLICATION_STATUS_LABELS, canMove, MOVE_RULES, moveRefusal, movesFrom } from "../../../common/sdgs/application-states";
import { checkEligibility } from "../../../common/sdgs/eligibility";
import { APPLICATION_KIND_LABELS, INDUSTRY_LABELS, WARD_LABELS } from "../../../common/sdgs/labels";
import { scoreReviews, scoreSelfCheck, tierFor } from "../../../common/sdgs/scoring";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import { authorize, type Principal } from "../../platform/auth/permissions";
import { Conflict, NotFound, ValidationError } from "../../platform/errors";
import { fileContentStream, nameForType, readFileMeta } from "../../platform/files/files";
import type { FileResult } from "../../platform/http/types";
import { writeCsv } from "../../platform/tabular/csv-write";
import { isSdgsManager, requireSdgsManager } from "./access";
import { loadRoundRules, type RoundRules } from "./round-rules";
import * as repo from "./screening-repository";
import { indexApplications } from "./screening-search";

export const STALE = "この申請は、ほかの人が先に変更しました。画面を読み込み直してから、もう一度操作してください。";
const APPLICATION = "申請";

const isoOf = (value: Date | string | null): string | null =>
  value === null ? null : value instanceof Date ? value.toISOString() : new Date(value).toISOString();

export function toRow(r: repo.ApplicationListRow): ApplicationRow {
  return {
    id: r.id,
    companyId: r.company_id,
    companyName: r.company_name,
    companyNameKana: r.company_name_kana,
    corporateNumber: r.corporate_number,
    ward: r.ward,
    industry: r.industry,
    roundId: r.round_id,
    roundName: r.round_name,
    fiscalYear: r.fiscal_year,
    kind: r.kind,
    status: r.status,
    submittedAt: isoOf(r.submitted_at),
    selfScore: r.self_score,
    reviewScore: r.review_score,
    suggestedTierName: r.suggested_tier_name,
    missingRequired: r.missing_required,
    submittedReviews: r.submitted_reviews,
    isSample: r.is_sample,
  };
}

export type ApplicationListQuery = repo.ApplicationFilter & { sort: ApplicationSort; page: number; pageSize: number };

export async function listApplications(db: Queryable, user: Principal | null, query: ApplicationListQuery) {
  authorize(user, "sdgs.read");
  const { sort, page, pageSize, ...filter } = query;
  const { rows, total } = await repo.findApplications(db, { ...filter, q: filter.q || undefined }, { sort, page, pageSize });
  return { items: rows.map(toRow), total, page, pageSize };
}

export const CSV_HEADER = [
  "募集回",
  "年度",
  "企業名",
  "フリガナ",
  "法人番号",
  "区",
  "業種",
  "種別",
  "状態",
  "提出日",
  "自己評価点",
  "審査点",
  "想定区分",
  "未達の必須項目数",
  "提出済みの審査",
  "サンプル",
];

/** 申請一覧の CSV (UTF-8 BOM): the list's filters and order, no contact data; every text cell formula-guarded; audited. */
export async function exportApplicationsCsv(
  db: Db,
  user: Principal | null,
  actor: Actor,
  query: repo.ApplicationFilter & { sort: ApplicationSort },
): Promise<FileResult> {
  const { sort, ...filter } = query;
  const rows = await db.transaction(async (tx) => {
    authorize(user, "sdgs.read");
    const rows = await repo.findAllApplications(tx, { ...filter, q: filter.q || undefined }, sort);
    await recordAudit(tx, actor, {
      action: "export",
      entityType: "sdgs_application",
      entityId: null,
      summary: `認証の申請の一覧を CSV で出力（${rows.length}件）`,
      after: { filter, sort },
    });
    return rows;
  });
  const body = writeCsv(
    CSV_HEADER,
    rows.map((r) => [
      r.round_name,
      r.fiscal_year,
      r.company_name,
      r.company_name_kana,
      r.corporate_number ?? "",
      WARD_LABELS[r.ward],
      INDUSTRY_LABELS[r.industry],
      APPLICATION_KIND_LABELS[r.kind],
      APPLICATION_STATUS_LABELS[r.status],
      r.submitted_at ? formatWareki(isoDateInJapan(r.submitted_at)) : "",
      r.self_score,
      r.review_score,
      r.suggested_tier_name ?? "",
      r.missing_required,
      r.submitted_reviews,
      r.is_sample ? "サンプル" : "",
    ]),
    { encoding: "utf-8-bom" },
  );
  return { file: { name: `認証申請一覧_${todayInJapan()}.csv`, mimeType: "text/csv; charset=utf-8", body: body.bytes } };
}

// ------------------------------------------------------------------ one application

/** The application's answers, goals, evidence and rules as the staff page and the reviewer's page show them. */
export async function applicationContent(db: Queryable, app: repo.ApplicationRow, rules: RoundRules) {
  const [answers, goals, evidence] = await Promise.all([
    repo.findAnswers(db, app.id),
    repo.findGoals(db, app.id),
    repo.findEvidence(db, app.id),
  ]);
  const answerOf = new Map(answers.map((a) => [a.item_id, a]));
  const eligibility = checkEligibility(rules.eligibility, app.eligibility_answers ?? {});
  const failed = new Set(eligibility.failures.map((f) => f.code));
  return {
    eligibility: rules.rows.eligibilityRules.map((rule) => ({
      code: rule.code,
      question: rule.question,
      requiredAnswer: rule.required_answer,
      failureReason: rule.failure_reason,
      answer: typeof app.eligibility_answers?.[rule.code] === "boolean" ? app.eligibility_answers[rule.code] : null,
      ok: !failed.has(rule.code),
    })),
    eligible: eligibility.eligible,
    items: rules.rows.items.map((item) => ({
      id: item.id,
      code: item.code,
      domain: item.domain_name,
      text: item.text,
      points: item.points,
      required: item.required,
      evidenceRequired: item.evidence_required,
      sdgGoals: item.sdg_goals,
      met: answerOf.get(item.id)?.met ?? null,
      note: answerOf.get(item.id)?.note ?? "",
    })),
    metItemIds: new Set(answers.filter((a) => a.met).map((a) => a.item_id)),
    goals: goals.map((g) => ({
      id: g.id,
      title: g.title,
      sdgGoals: g.sdg_goals,
      kpi: g.kpi,
      unit: g.unit,
      baseline: g.baseline,
      baselineYear: g.baseline_year,
      target: g.target,
      targetYear: g.target_year,
    })),
    evidence: evidence.map((e) => ({
      fileId: e.file_id,
      itemId: e.item_id,
      itemCode: e.item_code,
      name: nameForType(e.name, e.mime_type),
      mimeType: e.mime_type,
      sizeBytes: Number(e.size_bytes),
      createdAt: isoOf(e.created_at) ?? "",
    })),
  };
}

export function reviewOf(row: repo.ReviewRow) {
  const scores = row.scores.map((s) => ({ itemId: s.item_id, score: s.score, comment: s.comment }));
  return {
    id: row.id,
    reviewerId: row.reviewer_id,
    reviewerName: row.reviewer_name,
    affiliation: row.affiliation,
    hearingOn: row.hearing_on,
    hearingNotes: row.hearing_notes,
    comment: row.comment,
    submittedAt: isoOf(row.submitted_at),
    version: row.version,
    scores,
    total: scores.reduce((sum, s) => sum + s.score, 0),
  };
}

async function detailOf(db: Queryable, user: Principal, app: repo.ApplicationRow): Promise<ApplicationDetail> {
  const manager = await isSdgsManager(db, user);
  const rules = await loadRoundRules(db, app.round_id);
  const [content, events, reviews] = await Promise.all([
    applicationContent(db, app, rules),
    repo.findEvents(db, app.id),
    repo.findReviews(db, app.id),
  ]);
  const self = scoreSelfCheck(rules.items, content.metItemIds);
  const submitted = reviews.filter((r) => r.submitted_at !== null);
  const review =
    submitted.length > 0
      ? scoreReviews(
          rules.items,
          submitted.map((r) => new Map(r.scores.map((s) => [s.item_id, s.score]))),
        )
      : null;
  const tier = tierFor(review ?? self, rules.tiers);
  const { metItemIds: _met, ...shown } = content;
  return {
    id: app.id,
    kind: app.kind,
    status: app.status,
    summary: app.summary,
    submittedAt: isoOf(app.submitted_at),
    submissionCount: app.submission_count,
    declaredAt: isoOf(app.declared_at),
    returnReason: app.return_reason,
    screeningNote: app.screening_note,
    version: app.version,
    isSample: app.is_sample,
    round: { id: app.round_id, name: app.round_name, fiscalYear: app.fiscal_year, minGoals: app.min_goals },
    company: {
      id: app.company_id,
      name: app.company_name,
      nameKana: app.company_name_kana,
      corporateNumber: app.corporate_number,
      postalCode: app.postal_code,
      address: app.address,
      ward: app.ward,
      industry: app.industry,
      size: app.size,
      employees: app.employees,
      website: app.website,
      // 担当者: personal data, for the bureau that runs the programme only
      contactsVisible: manager,
      contactName: manager ? app.contact_name : "",
      contactEmail: manager ? app.contact_email : "",
      contactPhone: manager ? app.contact_phone : "",
    },
    ...shown,
    events: events.map((e) => ({
      fromStatus: e.from_status,
      toStatus: e.to_status,
      comment: e.comment,
      actorLabel: e.actor_label,
      at: isoOf(e.at) ?? "",
    })),
    reviews: reviews.map(reviewOf),
    score: {
      self,
      review,
      basisKind: review ? "review" : "self",
      suggestedTierName: tier.tier?.name ?? null,
      tierReason: tier.reason,
    },
    tiers: rules.tiers.map((t) => ({ rank: t.rank, name: t.name, minScore: t.minScore })),
    moves: manager
      ? movesFrom(app.status, "staff")
          .filter((move): move is StaffMove => (STAFF_MOVES as readonly string[]).includes(move))
          .map((move) => ({ move, label: MOVE_RULES[move].label, needsComment: !!MOVE_RULES[move].needsComment }))
      : [],
    canManage: manager,
  };
}

async function applicationOf(db: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<repo.ApplicationRow> {
  const app = await repo.findApplication(db, id, opts);
  // a draft is the company's own until it is submitted: staff do not see it
  if (!app || app.status === "draft") throw new NotFound(APPLICATION);
  return app;
}

export async function getApplication(db: Queryable, user: Principal | null, id: string): Promise<ApplicationDetail> {
  authorize(user, "sdgs.read");
  return detailOf(db, user, await applicationOf(db, id));
}

export async function moveApplication(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  body: { move: StaffMove; comment: string; version: number },
): Promise<ApplicationDetail> {
  return db.transaction(async (tx) => {
    const manager = await requireSdgsManager(tx, user);
    const app = await applicationOf(tx, id, { forUpdate: true });
    if (app.version !== body.version) throw new Conflict(STALE, "stale_version");
    const rule = MOVE_RULES[body.move];
    if (!canMove(app.status, body.move)) throw new Conflict(moveRefusal(app.status, body.move), "invalid_move");
    const comment = body.comment.trim();
    if (rule.needsComment && !comment)
      throw new ValidationError("差し戻す理由を入力してください（企業に示されます）。", { comment: "差し戻す理由を入力してください。" });
    if (body.move === "to_committee" && (await repo.countSubmittedReviews(tx, app.id)) === 0)
      throw new Conflict("審査員の採点が1件も提出されていません。採点の提出を待ってから審査会に付してください。", "no_submitted_review");
    const changed = await repo.updateStatus(tx, app.id, app.version, {
      status: rule.to,
      returnReason: body.move === "return" ? comment : undefined,
    });
    if (!changed) throw new Conflict(STALE, "stale_version");
    await repo.insertEvent(tx, {
      applicationId: app.id,
      from: app.status,
      to: rule.to,
      comment,
      actorId: manager.id,
      actorLabel: actor.label,
    });
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "sdgs_application",
      entityId: app.id,
      summary: `${app.company_name}の申請（${app.round_name}）：${rule.label}（${APPLICATION_STATUS_LABELS[app.status]}→${APPLICATION_STATUS_LABELS[rule.to]}）`,
      before: { status: app.status },
      after: { status: rule.to, comment },
    });
    await indexApplications(tx, [app.id]);
    return detailOf(tx, manager, await applicationOf(tx, app.id));
  });
}

export async function updateScreeningNote(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  body: { screeningNote: string; version: number },
): Promise<ApplicationDetail> {
  return db.transaction(async (tx) => {
    const manager = await requireSdgsManager(tx, user);
    const app = await applicationOf(tx, id, { forUpdate: true });
    if (app.version !== body.version) throw new Conflict(STALE, "stale_version");
    if (!(await repo.updateScreeningNote(tx, app.id, app.version, body.screeningNote))) throw new Conflict(STALE, "stale_version");
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "sdgs_application",
      entityId: app.id,
      summary: `${app.company_name}の申請（${app.round_name}）：要件確認のメモを保存`,
      before: { screeningNote: app.screening_note },
      after: { screeningNote: body.screeningNote },
    });
    return detailOf(tx, manager, await applicationOf(tx, app.id));
  });
}

/**
 * One evidence file of the application, for a reader the caller's service has admitted: it must be one of this
 * application's evidence files (another record's file id is "not found"). The download is audited. The platform's
 * `readFileFor` is not used here because an outside 審査員's login is of another organisation than the company that
 * owns the file (the platform lets a partner read only its own organisation's files); the rule is this module's.
 */
export async function serveEvidence(db: Db, actor: Actor, app: { id: string; company_name: string }, fileId: string): Promise<FileResult> {
  if (!(await repo.isEvidenceOf(db, app.id, fileId))) throw new NotFound("証拠書類");
  const file = await readFileMeta(db, fileId);
  await recordAudit(db, actor, {
    action: "download",
    entityType: "sdgs_evidence",
    entityId: file.id,
    summary: `${app.company_name}の申請の証拠書類「${file.name}」をダウンロード`,
  });
  return { file: { name: nameForType(file.name, file.mimeType), mimeType: file.mimeType, body: fileContentStream(db, file.id) } };
}

export async function downloadEvidence(db: Db, user: Principal | null, actor: Actor, id: string, fileId: string): Promise<FileResult> {
  authorize(user, "sdgs.read");
  return serveEvidence(db, actor, await applicationOf(db, id), fileId);
}

export { applicationOf as findScreenedApplication };
