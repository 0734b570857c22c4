// 書類審査・ヒアリング by the 審査員: an active reviewer sees the applications in 'review' (any other state is "not
// found" to them), reads each one's answers, goals, evidence and the rules — never the company's contacts and never
// another reviewer's scores — and keeps their own review: per-item scores (0..the item's points) with comments, the
// hearing date and notes, a general comment. A review is saved as a draft any number of times and submitted once,
// with every item scored; the submission rescores the application (審査点 and the suggested tier).
import type { ReviewApplication, ReviewListRow } from "../../../common/api/sdgs-screening";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import { Conflict, NotFound, ValidationError } from "../../platform/errors";
import type { FileResult } from "../../platform/http/types";
import { requireReviewer } from "./access";
import * as repo from "./review-repository";
import { loadRoundRules, type RoundRules } from "./round-rules";
import { rescoreApplication } from "./scoring-service";
import * as screeningRepo from "./screening-repository";
import { applicationContent, reviewOf, serveEvidence } from "./screening-service";

const APPLICATION = "審査中の申請";
const STALE = "この採点は、別の画面で先に保存されました。画面を読み込み直してから、もう一度保存してください。";

const isoOf = (value: Date | string | null): string | null =>
  value === null ? null : value instanceof Date ? value.toISOString() : new Date(value).toISOString();

export async function listMyReviews(db: Queryable, user: Principal | null): Promise<{ items: ReviewListRow[] }> {
  const reviewer = await requireReviewer(db, user);
  const rows = await repo.findReviewApplications(db, reviewer.id);
  return {
    items: rows.map((r) => ({
      id: r.id,
      companyName: r.company_name,
      industry: r.industry,
      ward: r.ward,
      roundName: r.round_name,
      fiscalYear: r.fiscal_year,
      kind: r.kind,
      submittedAt: isoOf(r.submitted_at),
      reviewState: r.review_id === null ? "none" : r.review_submitted_at ? "submitted" : "draft",
      scoredItems: r.scored_items,
      itemCount: r.item_count,
      hearingOn: r.hearing_on,
      isSample: r.is_sample,
    })),
  };
}

/** The application when it is in review; anything else (another state, no such id) is the same "not found". */
async function inReview(db: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<screeningRepo.ApplicationRow> {
  const app = await screeningRepo.findApplication(db, id, opts);
  if (app?.status !== "review") throw new NotFound(APPLICATION);
  return app;
}

async function viewOf(db: Queryable, reviewerId: string, app: screeningRepo.ApplicationRow, rules: RoundRules): Promise<ReviewApplication> {
  const { metItemIds: _met, eligible: _eligible, ...content } = await applicationContent(db, app, rules);
  const own = await screeningRepo.findReviewOf(db, app.id, reviewerId);
  const review = own ? reviewOf(own) : null;
  return {
    id: app.id,
    companyName: app.company_name,
    industry: app.industry,
    ward: app.ward,
    size: app.size,
    employees: app.employees,
    roundName: app.round_name,
    fiscalYear: app.fiscal_year,
    kind: app.kind,
    summary: app.summary,
    submittedAt: isoOf(app.submitted_at),
    ...content,
    maxScore: rules.items.reduce((sum, item) => sum + item.points, 0),
    isSample: app.is_sample,
    review: review
      ? {
          hearingOn: review.hearingOn,
          hearingNotes: review.hearingNotes,
          comment: review.comment,
          submittedAt: review.submittedAt,
          version: review.version,
          scores: review.scores,
          total: review.total,
        }
      : null,
  };
}

export async function getMyReview(db: Queryable, user: Principal | null, id: string): Promise<ReviewApplication> {
  const reviewer = await requireReviewer(db, user);
  const app = await inReview(db, id);
  return viewOf(db, reviewer.id, app, await loadRoundRules(db, app.round_id));
}

export interface ReviewInput {
  version?: number;
  hearingOn: string | null;
  hearingNotes: string;
  comment: string;
  scores: { itemId: string; score: number; comment: string }[];
}

/** Each score names an item of the round once, within 0..its points; every problem named by its line. */
function checkScores(rules: RoundRules, scores: ReviewInput["scores"]): void {
  const items = new Map(rules.rows.items.map((item) => [item.id, item]));
  const fields: Record<string, string> = {};
  const seen = new Set<string>();
  scores.forEach((s, i) => {
    const item = items.get(s.itemId);
    if (!item) fields[`scores.${i}.itemId`] = "この募集回のチェック項目ではありません。";
    else if (seen.has(s.itemId)) fields[`scores.${i}.itemId`] = `項目 ${item.code} が2回あります。`;
    else if (s.score > item.points) fields[`scores.${i}.score`] = `項目 ${item.code} の点数は0〜${item.points}点です。`;
    seen.add(s.itemId);
  });
  const problems = Object.values(fields);
  if (problems.length > 0) throw new ValidationError(`点数を確かめてください：${problems.join(" ")}`, fields);
}

export async function saveMyReview(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  body: ReviewInput,
): Promise<ReviewApplication> {
  return db.transaction(async (tx) => {
    const reviewer = await requireReviewer(tx, user);
    const app = await inReview(tx, id);
    const rules = await loadRoundRules(tx, app.round_id);
    checkScores(rules, body.scores);
    const fields = { hearingOn: body.hearingOn, hearingNotes: body.hearingNotes, comment: body.comment };
    const own = await repo.findOwnReview(tx, app.id, reviewer.id, { forUpdate: true });
    let reviewId: string;
    if (own) {
      if (own.submitted_at) throw new Conflict("この申請の採点はすでに提出済みです。提出後は変更できません。", "review_submitted");
      if (body.version !== own.version || !(await repo.updateReview(tx, own.id, own.version, fields)))
        throw new Conflict(STALE, "stale_version");
      reviewId = own.id;
    } else {
      reviewId = await repo.insertReview(tx, app.id, reviewer.id, fields);
    }
    await repo.replaceScores(tx, reviewId, body.scores);
    await recordAudit(tx, actor, {
      action: own ? "update" : "create",
      entityType: "sdgs_review",
      entityId: reviewId,
      summary: `${app.company_name}の申請（${app.round_name}）の採点を下書き保存（${body.scores.length}項目）`,
      after: { hearingOn: body.hearingOn, scores: body.scores.map((s) => ({ itemId: s.itemId, score: s.score })) },
    });
    return viewOf(tx, reviewer.id, app, rules);
  });
}

export async function submitMyReview(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  body: { version: number },
): Promise<ReviewApplication> {
  return db.transaction(async (tx) => {
    const reviewer = await requireReviewer(tx, user);
    const app = await inReview(tx, id);
    const rules = await loadRoundRules(tx, app.round_id);
    const own = await repo.findOwnReview(tx, app.id, reviewer.id, { forUpdate: true });
    if (!own) throw new ValidationError("採点が保存されていません。すべての項目に点数を付けて下書き保存してから提出してください。");
    if (own.submitted_at) throw new Conflict("この申請の採点はすでに提出済みです。", "review_submitted");
    if (own.version !== body.version) throw new Conflict(STALE, "stale_version");
    const scored = new Set(await repo.scoredItemIds(tx, own.id));
    const missing = rules.rows.items.filter((item) => !scored.has(item.id)).map((item) => item.code);
    if (missing.length > 0)
      throw new ValidationError(`点数のない項目があります（${missing.join("、")}）。すべての項目に点数を付けてから提出してください。`);
    if (!(await repo.markSubmitted(tx, own.id, own.version))) throw new Conflict(STALE, "stale_version");
    const score = await rescoreApplication(tx, app.id);
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "sdgs_review",
      entityId: own.id,
      summary: `${app.company_name}の申請（${app.round_name}）の採点を提出`,
      after: { reviewScore: score?.reviewScore ?? null, suggestedTierId: score?.suggestedTierId ?? null },
    });
    return viewOf(tx, reviewer.id, app, rules);
  });
}

export async function downloadReviewEvidence(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  fileId: string,
): Promise<FileResult> {
  await requireReviewer(db, user);
  return serveEvidence(db, actor, await inReview(db, id), fileId);
}
