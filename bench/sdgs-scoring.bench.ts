// sdgs.score_round: 一括採点 of one round on PGlite (a data directory in a temp folder, as the server runs it).
// Built outside the timing: a round with the sample programme's rules (4 domains, 16 items, 4 of them required, three
// tiers), 10,000 applicant companies with one submitted application each, 16 self-check answers per application
// (160,000 rows; about 70 % met, drawn from a hash so every run builds the same data), and for a third of the
// applications two submitted reviews with a score for every item (about 107,000 score rows). Timed: scoreRound (the
// module's own function: read the rules, read every application's met items and submitted reviews in one query,
// score and tier them in memory, store the results 2,000 rows per UPDATE), median of 3 runs after one warm-up.
// BENCH_SDGS_APPLICATIONS sets another size (a quick look). No floor: there is no simpler way to do the same work.

import type { Db } from "../src/server/db/database";
import { openPglite } from "../src/server/db/database";
import { migrate } from "../src/server/db/migrate";
import { SAMPLE_DOMAINS, SAMPLE_ITEMS, SAMPLE_TIERS } from "../src/server/modules/sdgs/demo-rules";
import { loadRoundRules } from "../src/server/modules/sdgs/round-rules";
import { findScoringInputs, storeScores } from "../src/server/modules/sdgs/scoring-repository";
import { scoreInput, scoreRound } from "../src/server/modules/sdgs/scoring-service";
import { type Bench, log, removeDir, tempDir, timeIt } from "./harness";

const APPLICATIONS = Number(process.env.BENCH_SDGS_APPLICATIONS ?? 10_000);

/** Builds the round and its applications (exported for a scratch comparison; the bench itself calls it in run()). */
export async function seedScoringBench(db: Db): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO sdgs_rounds (name, fiscal_year, opens_on, closes_on) VALUES ('ベンチの募集回', 2026, '2026-07-01', '2026-12-11') RETURNING id`,
  );
  const roundId = rows[0].id;
  for (const [index, name] of SAMPLE_DOMAINS.entries())
    await db.query("INSERT INTO sdgs_check_domains (round_id, name, sort_order) VALUES ($1, $2, $3)", [roundId, name, index + 1]);
  for (const [index, item] of SAMPLE_ITEMS.entries())
    await db.query(
      `INSERT INTO sdgs_check_items (round_id, domain_id, code, text, points, required, sort_order)
       SELECT $1, id, $3, $4, $5, $6, $7 FROM sdgs_check_domains WHERE round_id = $1 AND name = $2`,
      [roundId, item.domain, item.code, item.text, item.points, item.required ?? false, index + 1],
    );
  for (const tier of SAMPLE_TIERS)
    await db.query("INSERT INTO sdgs_tiers (round_id, rank, name, min_score) VALUES ($1, $2, $3, $4)", [
      roundId,
      tier.rank,
      tier.name,
      tier.minScore,
    ]);

  await db.query(
    `INSERT INTO organisations (kind, name, code) SELECT 'external', 'ベンチ企業' || g, 'bench-co-' || g FROM generate_series(1, $1) g`,
    [APPLICATIONS],
  );
  await db.query(
    `INSERT INTO sdgs_companies (organisation_id, name, industry, size)
     SELECT id, name, 'E', 'small' FROM organisations WHERE code LIKE 'bench-co-%'`,
  );
  await db.query(
    `INSERT INTO sdgs_applications (round_id, company_id, status, submission_count, submitted_at)
     SELECT $1, id, 'review', 1, now() FROM sdgs_companies`,
    [roundId],
  );
  await db.query(
    `INSERT INTO sdgs_application_answers (application_id, item_id, met)
     SELECT a.id, i.id, abs(hashtext(a.id::text || i.code)) % 100 < 70
       FROM sdgs_applications a CROSS JOIN sdgs_check_items i WHERE a.round_id = $1 AND i.round_id = $1`,
    [roundId],
  );
  const org = await db.query<{ id: string }>("INSERT INTO organisations (kind, name) VALUES ('external', 'ベンチ審査員') RETURNING id");
  for (const n of [1, 2]) {
    const user = await db.query<{ id: string }>(
      "INSERT INTO users (login_id, display_name, role, organisation_id) VALUES ($1, $2, 'partner', $3) RETURNING id",
      [`bench-reviewer-${n}`, `審査員${n}`, org.rows[0].id],
    );
    await db.query("INSERT INTO sdgs_reviewers (user_id) VALUES ($1)", [user.rows[0].id]);
    await db.query(
      `INSERT INTO sdgs_reviews (application_id, reviewer_id, submitted_at)
       SELECT id, $2, now() FROM sdgs_applications WHERE round_id = $1 AND abs(hashtext(id::text)) % 3 = 0`,
      [roundId, user.rows[0].id],
    );
  }
  await db.query(
    `INSERT INTO sdgs_review_scores (review_id, item_id, score)
     SELECT r.id, i.id, abs(hashtext(r.id::text || i.code)) % (i.points + 1)
       FROM sdgs_reviews r JOIN sdgs_applications a ON a.id = r.application_id
       CROSS JOIN sdgs_check_items i WHERE a.round_id = $1 AND i.round_id = $1`,
    [roundId],
  );
  await db.exec("VACUUM ANALYZE");
  return roundId;
}

export default [
  {
    name: "sdgs.score_round",
    description: `一括採点 (scoreRound) of ${APPLICATIONS.toLocaleString("en")} applications × 16 answers, two submitted reviews for a third of them, on PGlite in a temp data directory (median of 3)`,
    async run() {
      const dir = tempDir("sdgs-score");
      const db = await openPglite(dir);
      try {
        await migrate(db);
        const started = performance.now();
        const roundId = await seedScoringBench(db);
        const counts = await db.query<{ answers: number; reviews: number; scores: number }>(
          `SELECT (SELECT count(*)::int FROM sdgs_application_answers) AS answers, (SELECT count(*)::int FROM sdgs_reviews) AS reviews,
                  (SELECT count(*)::int FROM sdgs_review_scores) AS scores`,
        );
        log(
          `seeded ${APPLICATIONS} applications, ${counts.rows[0].answers} answers, ${counts.rows[0].reviews} reviews, ${counts.rows[0].scores} review scores in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
        let scored = 0;
        const value = await timeIt(
          async () => {
            scored = (await scoreRound(db, roundId)).scored;
          },
          { warmup: 1, iterations: 3 },
        );
        if (scored !== APPLICATIONS) throw new Error(`scored ${scored}, expected ${APPLICATIONS}`);
        // where the time goes (logged only): the read of the inputs, the scoring in memory, the stores
        const rules = await loadRoundRules(db, roundId);
        let t0 = performance.now();
        const inputs = await findScoringInputs(db, { roundId });
        const read = performance.now() - t0;
        t0 = performance.now();
        const scores = inputs.map((input) => scoreInput(rules, input));
        const compute = performance.now() - t0;
        t0 = performance.now();
        for (let start = 0; start < scores.length; start += 2000) await storeScores(db, scores.slice(start, start + 2000));
        const store = performance.now() - t0;
        const tiers = await db.query<{ name: string | null; n: number }>(
          `SELECT t.name, count(*)::int AS n FROM sdgs_applications a LEFT JOIN sdgs_tiers t ON t.id = a.suggested_tier_id
            GROUP BY t.name ORDER BY t.name NULLS LAST`,
        );
        log(
          `scoreRound ${value.toFixed(0)} ms: read ${read.toFixed(0)} ms, score ${compute.toFixed(0)} ms, store ${store.toFixed(0)} ms; tiers ${tiers.rows.map((r) => `${r.name ?? "なし"} ${r.n}`).join(", ")}`,
        );
        return { value, unit: "ms" };
      } finally {
        await db.close();
        removeDir(dir);
      }
    },
  },
] satisfies Bench[];
