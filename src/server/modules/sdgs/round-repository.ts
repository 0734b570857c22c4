// SQL of 募集回と審査基準: the rounds list with its application counts, a new round with a copy of another's rules,
// and the save of a whole round's rules, replaced by their codes (申請要件 and チェック項目 by code, 分野 by name,
// 認証区分 by rank) so that a kept item keeps its id: answers, evidence and reviewers' scores point at item ids.
// The reads of one round's rules are in round-rules-repository.ts.
import type { Queryable } from "../../db/database";

export interface RoundListRow {
  id: string;
  name: string;
  fiscal_year: number;
  opens_on: string;
  closes_on: string;
  committee_planned_on: string | null;
  is_sample: boolean;
  /** { status: count } of the round's applications */
  counts: Record<string, number> | null;
}

/** Every round, newest first (fiscal year, then opening day), with its applications counted by status. */
export async function findRoundList(db: Queryable): Promise<RoundListRow[]> {
  const { rows } = await db.query<RoundListRow>(
    `SELECT r.id, r.name, r.fiscal_year, r.opens_on::text AS opens_on, r.closes_on::text AS closes_on,
            r.committee_planned_on::text AS committee_planned_on, r.is_sample, c.counts
       FROM sdgs_rounds r
       LEFT JOIN (SELECT round_id, json_object_agg(status, n) AS counts
                    FROM (SELECT round_id, status, count(*)::int AS n FROM sdgs_applications GROUP BY round_id, status) s
                   GROUP BY round_id) c ON c.round_id = r.id
      ORDER BY r.fiscal_year DESC, r.opens_on DESC, r.created_at DESC`,
  );
  return rows;
}

/** The newest round (the one a new round copies by default), or null when there is none. */
export async function findLatestRoundId(db: Queryable): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(
    "SELECT id FROM sdgs_rounds ORDER BY fiscal_year DESC, opens_on DESC, created_at DESC LIMIT 1",
  );
  return rows[0]?.id ?? null;
}

export async function findRoundName(db: Queryable, id: string): Promise<string | null> {
  const { rows } = await db.query<{ name: string }>("SELECT name FROM sdgs_rounds WHERE id = $1", [id]);
  return rows[0]?.name ?? null;
}

/** Locks the round's row for a write; false when there is no such round. */
export async function lockRound(db: Queryable, id: string): Promise<boolean> {
  const { rowCount } = await db.query("SELECT 1 FROM sdgs_rounds WHERE id = $1 FOR UPDATE", [id]);
  return (rowCount ?? 0) > 0;
}

/**
 * Whether any application of the round was ever submitted (one that is still a draft, or was withdrawn as a draft,
 * never was): from then on the scoring rules the applicants answered are fixed.
 */
export async function hasSubmittedApplications(db: Queryable, roundId: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `SELECT 1 FROM sdgs_applications
      WHERE round_id = $1 AND (submission_count > 0 OR submitted_at IS NOT NULL OR status NOT IN ('draft', 'withdrawn'))
      LIMIT 1`,
    [roundId],
  );
  return (rowCount ?? 0) > 0;
}

/** What still points at the round: its applications and committee meetings. */
export async function countRoundDependents(db: Queryable, roundId: string): Promise<{ applications: number; meetings: number }> {
  const { rows } = await db.query<{ applications: number; meetings: number }>(
    `SELECT (SELECT count(*)::int FROM sdgs_applications WHERE round_id = $1) AS applications,
            (SELECT count(*)::int FROM sdgs_committee_meetings WHERE round_id = $1) AS meetings`,
    [roundId],
  );
  return rows[0];
}

export interface RoundValues {
  name: string;
  fiscalYear: number;
  opensOn: string;
  closesOn: string;
  committeePlannedOn: string | null;
  validityYears: number;
  renewalWindowDays: number;
  rankUpAfterMonths: number | null;
  reportIntervalMonths: number;
  minGoals: number;
  guidance: string;
}

/** A new round: the period given, the settings copied from `copyFromId` (defaults when null). Returns its id. */
export async function insertRoundCopy(
  db: Queryable,
  input: { name: string; fiscalYear: number; opensOn: string; closesOn: string },
  copyFromId: string | null,
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO sdgs_rounds (name, fiscal_year, opens_on, closes_on, validity_years, renewal_window_days,
                              rank_up_after_months, report_interval_months, min_goals, guidance, copied_from_id)
     SELECT $1, $2, $3, $4, COALESCE(s.validity_years, 3), COALESCE(s.renewal_window_days, 90),
            s.rank_up_after_months, COALESCE(s.report_interval_months, 12), COALESCE(s.min_goals, 3),
            COALESCE(s.guidance, ''), s.id
       FROM (SELECT 1) one LEFT JOIN sdgs_rounds s ON s.id = $5
     RETURNING id`,
    [input.name, input.fiscalYear, input.opensOn, input.closesOn, copyFromId],
  );
  return rows[0].id;
}

/** Copies every rule of one round into another (申請要件, 分野, チェック項目, 認証区分), order kept. */
export async function copyRoundRules(db: Queryable, fromId: string, toId: string): Promise<void> {
  await db.query(
    `INSERT INTO sdgs_eligibility_rules (round_id, code, question, required_answer, failure_reason, sort_order)
     SELECT $2, code, question, required_answer, failure_reason, sort_order FROM sdgs_eligibility_rules WHERE round_id = $1`,
    [fromId, toId],
  );
  await db.query(
    `INSERT INTO sdgs_check_domains (round_id, name, sort_order)
     SELECT $2, name, sort_order FROM sdgs_check_domains WHERE round_id = $1`,
    [fromId, toId],
  );
  await db.query(
    `INSERT INTO sdgs_check_items (round_id, domain_id, code, text, points, required, evidence_required, sdg_goals, sort_order)
     SELECT $2, nd.id, i.code, i.text, i.points, i.required, i.evidence_required, i.sdg_goals, i.sort_order
       FROM sdgs_check_items i
       JOIN sdgs_check_domains od ON od.id = i.domain_id
       JOIN sdgs_check_domains nd ON nd.round_id = $2 AND nd.name = od.name
      WHERE i.round_id = $1`,
    [fromId, toId],
  );
  await db.query(
    `INSERT INTO sdgs_tiers (round_id, rank, name, min_score)
     SELECT $2, rank, name, min_score FROM sdgs_tiers WHERE round_id = $1`,
    [fromId, toId],
  );
}

/** Updates the round's own columns when its version is still `version`; false when stale. */
export async function updateRoundRow(db: Queryable, id: string, version: number, values: RoundValues): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE sdgs_rounds
        SET name = $3, fiscal_year = $4, opens_on = $5, closes_on = $6, committee_planned_on = $7, validity_years = $8,
            renewal_window_days = $9, rank_up_after_months = $10, report_interval_months = $11, min_goals = $12,
            guidance = $13, version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2`,
    [
      id,
      version,
      values.name,
      values.fiscalYear,
      values.opensOn,
      values.closesOn,
      values.committeePlannedOn,
      values.validityYears,
      values.renewalWindowDays,
      values.rankUpAfterMonths,
      values.reportIntervalMonths,
      values.minGoals,
      values.guidance,
    ],
  );
  return (rowCount ?? 0) > 0;
}

export interface EligibilityValues {
  code: string;
  question: string;
  requiredAnswer: boolean;
  failureReason: string;
}

/** The round's 申請要件 become exactly these (by code; order as given). */
export async function replaceEligibilityRules(db: Queryable, roundId: string, rules: readonly EligibilityValues[]): Promise<void> {
  await db.query("DELETE FROM sdgs_eligibility_rules WHERE round_id = $1 AND NOT (code = ANY($2::text[]))", [
    roundId,
    rules.map((r) => r.code),
  ]);
  if (rules.length === 0) return;
  await db.query(
    `INSERT INTO sdgs_eligibility_rules (round_id, code, question, required_answer, failure_reason, sort_order)
     SELECT $1, r.code, r.question, r.required_answer, r.failure_reason, r.sort_order
       FROM jsonb_to_recordset($2::jsonb) AS r(code text, question text, required_answer boolean, failure_reason text, sort_order int)
     ON CONFLICT (round_id, code) DO UPDATE
        SET question = EXCLUDED.question, required_answer = EXCLUDED.required_answer,
            failure_reason = EXCLUDED.failure_reason, sort_order = EXCLUDED.sort_order`,
    [
      roundId,
      JSON.stringify(
        rules.map((r, index) => ({
          code: r.code,
          question: r.question,
          required_answer: r.requiredAnswer,
          failure_reason: r.failureReason,
          sort_order: index + 1,
        })),
      ),
    ],
  );
}

export interface ItemValues {
  domain: string;
  code: string;
  text: string;
  points: number;
  required: boolean;
  evidenceRequired: boolean;
  sdgGoals: number[];
}

/**
 * The round's 分野 and チェック項目 become exactly these: domains by name, items by code (a kept item keeps its id and
 * moves to its new domain), then the items and domains no longer listed are removed.
 */
export async function replaceCheckSheet(
  db: Queryable,
  roundId: string,
  domains: readonly string[],
  items: readonly ItemValues[],
): Promise<void> {
  await db.query(
    `INSERT INTO sdgs_check_domains (round_id, name, sort_order)
     SELECT $1, d.name, d.ord::int FROM unnest($2::text[]) WITH ORDINALITY AS d(name, ord)
     ON CONFLICT (round_id, name) DO UPDATE SET sort_order = EXCLUDED.sort_order`,
    [roundId, domains],
  );
  if (items.length > 0)
    await db.query(
      `INSERT INTO sdgs_check_items (round_id, domain_id, code, text, points, required, evidence_required, sdg_goals, sort_order)
       SELECT $1, d.id, r.code, r.text, r.points, r.required, r.evidence_required, r.sdg_goals::int[], r.sort_order
         FROM jsonb_to_recordset($2::jsonb)
              AS r(domain text, code text, text text, points int, required boolean, evidence_required boolean, sdg_goals text, sort_order int)
         JOIN sdgs_check_domains d ON d.round_id = $1 AND d.name = r.domain
       ON CONFLICT (round_id, code) DO UPDATE
          SET domain_id = EXCLUDED.domain_id, text = EXCLUDED.text, points = EXCLUDED.points, required = EXCLUDED.required,
              evidence_required = EXCLUDED.evidence_required, sdg_goals = EXCLUDED.sdg_goals, sort_order = EXCLUDED.sort_order`,
      [
        roundId,
        JSON.stringify(
          items.map((item, index) => ({
            domain: item.domain,
            code: item.code,
            text: item.text,
            points: item.points,
            required: item.required,
            evidence_required: item.evidenceRequired,
            sdg_goals: `{${item.sdgGoals.join(",")}}`,
            sort_order: index + 1,
          })),
        ),
      ],
    );
  await db.query("DELETE FROM sdgs_check_items WHERE round_id = $1 AND NOT (code = ANY($2::text[]))", [
    roundId,
    items.map((item) => item.code),
  ]);
  await db.query("DELETE FROM sdgs_check_domains WHERE round_id = $1 AND NOT (name = ANY($2::text[]))", [roundId, domains]);
}

export interface TierValues {
  rank: number;
  name: string;
  minScore: number;
}

/**
 * The round's 認証区分 become exactly these, by rank (a kept rank keeps its id). Names are unique within a round, so
 * the kept tiers first take placeholder names (their ids) to let two tiers swap names. A removed tier is first
 * taken off the applications that it was suggested for (their scores are computed again after the save).
 */
export async function replaceTiers(db: Queryable, roundId: string, tiers: readonly TierValues[]): Promise<void> {
  const ranks = tiers.map((t) => t.rank);
  await db.query(
    `UPDATE sdgs_applications SET suggested_tier_id = NULL
      WHERE suggested_tier_id IN (SELECT id FROM sdgs_tiers WHERE round_id = $1 AND NOT (rank = ANY($2::int[])))`,
    [roundId, ranks],
  );
  await db.query("DELETE FROM sdgs_tiers WHERE round_id = $1 AND NOT (rank = ANY($2::int[]))", [roundId, ranks]);
  await db.query("UPDATE sdgs_tiers SET name = '#' || id::text WHERE round_id = $1", [roundId]);
  await db.query(
    `INSERT INTO sdgs_tiers (round_id, rank, name, min_score)
     SELECT $1, t.rank, t.name, t.min_score FROM unnest($2::int[], $3::text[], $4::int[]) AS t(rank, name, min_score)
     ON CONFLICT (round_id, rank) DO UPDATE SET name = EXCLUDED.name, min_score = EXCLUDED.min_score`,
    [roundId, ranks, tiers.map((t) => t.name), tiers.map((t) => t.minScore)],
  );
}

/** Deletes a round (its rules go with it); the caller has made sure nothing else points at it. */
export async function deleteRoundRow(db: Queryable, id: string): Promise<void> {
  await db.query("DELETE FROM sdgs_rounds WHERE id = $1", [id]);
}
