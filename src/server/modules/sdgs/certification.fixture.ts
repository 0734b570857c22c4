// A small world for the committee and certification tests, written for them: a city whose 政策局 runs the programme,
// a round with a 4-item check sheet (100 points, item R1 required) and three tiers (ゴールド 80 / シルバー 60 /
// ブロンズ 40), companies with partner logins, and applications put straight into 審査会待ち with the answers given.
import type { Queryable } from "../../db/database";
import { buildCity, buildOrganisation, buildUser } from "../../testing/factories";
import { setSdgsOwner } from "./access";

export interface FixtureRound {
  id: string;
  fiscalYear: number;
  tiers: { gold: string; silver: string; bronze: string };
  /** item ids by code: R1 (required, 10 points), A (40), B (30), C (20) */
  items: Record<"R1" | "A" | "B" | "C", string>;
}

export async function buildSdgsCity(db: Queryable) {
  const city = await buildCity(db);
  await setSdgsOwner(db, city.bureau.id);
  return city;
}

let roundCounter = 0;

export async function buildRound(
  db: Queryable,
  input: { fiscalYear: number; closesOn?: string; validityYears?: number; reportIntervalMonths?: number; renewalWindowDays?: number },
): Promise<FixtureRound> {
  roundCounter++;
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO sdgs_rounds (name, fiscal_year, opens_on, closes_on, validity_years, report_interval_months, renewal_window_days)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      `テスト募集回${roundCounter}（${input.fiscalYear}）`,
      input.fiscalYear,
      `${input.fiscalYear}-07-01`,
      input.closesOn ?? `${input.fiscalYear}-12-15`,
      input.validityYears ?? 3,
      input.reportIntervalMonths ?? 12,
      input.renewalWindowDays ?? 90,
    ],
  );
  const roundId = rows[0].id;
  const domain = await db.query<{ id: string }>("INSERT INTO sdgs_check_domains (round_id, name) VALUES ($1, '環境') RETURNING id", [
    roundId,
  ]);
  const items = {} as Record<"R1" | "A" | "B" | "C", string>;
  for (const [code, points, required] of [
    ["R1", 10, true],
    ["A", 40, false],
    ["B", 30, false],
    ["C", 20, false],
  ] as const) {
    const item = await db.query<{ id: string }>(
      `INSERT INTO sdgs_check_items (round_id, domain_id, code, text, points, required, sort_order)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [roundId, domain.rows[0].id, code, `項目${code}`, points, required, Object.keys(items).length],
    );
    items[code] = item.rows[0].id;
  }
  const tier = async (rank: number, name: string, minScore: number) =>
    (
      await db.query<{ id: string }>("INSERT INTO sdgs_tiers (round_id, rank, name, min_score) VALUES ($1, $2, $3, $4) RETURNING id", [
        roundId,
        rank,
        name,
        minScore,
      ])
    ).rows[0].id;
  const tiers = { gold: await tier(1, "ゴールド", 80), silver: await tier(2, "シルバー", 60), bronze: await tier(3, "ブロンズ", 40) };
  return { id: roundId, fiscalYear: input.fiscalYear, tiers, items };
}

let companyCounter = 0;

/** A company (an external organisation) with one partner login. */
export async function buildCompany(db: Queryable, name?: string) {
  companyCounter++;
  const companyName = name ?? `テスト株式会社${companyCounter}`;
  const org = await buildOrganisation(db, { name: companyName, kind: "external" });
  const { rows } = await db.query<{ id: string }>(
    "INSERT INTO sdgs_companies (organisation_id, name, ward, industry, size) VALUES ($1, $2, 'kokurakita', 'E', 'small') RETURNING id",
    [org.id, companyName],
  );
  const login = await buildUser(db, { role: "partner", organisationId: org.id });
  return { id: rows[0].id, organisationId: org.id, name: companyName, login };
}

/** An application in 審査会待ち with the items met as given (the others answered not met). */
export async function buildCommitteeApplication(
  db: Queryable,
  round: FixtureRound,
  companyId: string,
  met: readonly ("R1" | "A" | "B" | "C")[],
  opts: { kind?: "new" | "renewal" | "rank_up"; previousCertificationId?: string } = {},
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO sdgs_applications (round_id, company_id, kind, status, previous_certification_id, submitted_at, submission_count)
     VALUES ($1, $2, $3, 'committee', $4, now(), 1) RETURNING id`,
    [round.id, companyId, opts.kind ?? "new", opts.previousCertificationId ?? null],
  );
  const id = rows[0].id;
  for (const code of ["R1", "A", "B", "C"] as const)
    await db.query("INSERT INTO sdgs_application_answers (application_id, item_id, met) VALUES ($1, $2, $3)", [
      id,
      round.items[code],
      met.includes(code),
    ]);
  await db.query(
    "INSERT INTO sdgs_application_goals (application_id, title, kpi, target, target_year) VALUES ($1, 'CO2削減', '排出量', 100, 2030)",
    [id],
  );
  return id;
}

export async function buildMeeting(db: Queryable, roundId: string, heldOn: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>("INSERT INTO sdgs_committee_meetings (round_id, held_on) VALUES ($1, $2) RETURNING id", [
    roundId,
    heldOn,
  ]);
  return rows[0].id;
}

/** A manager (政策局's editor), a viewer of another bureau, and an editor of another bureau. */
export async function buildStaff(db: Queryable, city: Awaited<ReturnType<typeof buildCity>>) {
  const manager = await buildUser(db, { role: "editor", organisationId: city.bureau.id, displayName: "政策局 担当" });
  return { manager, viewer: city.viewer, otherEditor: city.otherEditor };
}
