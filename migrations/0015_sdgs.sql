-- SDGs (issue 16): 北九州市サステナブル経営認証 and the SDGsステーション.
-- A round (募集回) holds the rules the bureau edits: its application period, eligibility rules, a check sheet of items
-- grouped by domain with points and required items, tiers by score, validity and renewal rules; a new round copies the
-- last. Companies (each an external organisation whose partner logins act for it) apply to a round; staff screen,
-- reviewers score each item, a committee meeting (審査会) decides a tier or refusal, and a certification with its number
-- and validity follows. Partner banks (external organisations too) record the finance they gave certified companies.
-- The station's consultations, matching requests and public posts are kept apart from the certification.
-- The bureau that runs the programme is the app setting sdgs.bureauId (SDGs推進課's 局).

CREATE TABLE sdgs_rounds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2100),
  opens_on date NOT NULL,
  closes_on date NOT NULL,
  -- 審査会の予定日 (the decision itself is recorded on a committee meeting)
  committee_planned_on date,
  -- 認証の有効期間（年）
  validity_years integer NOT NULL DEFAULT 3 CHECK (validity_years BETWEEN 1 AND 10),
  -- 更新の受付: this many days before the end of validity (also the 「期限間近」 window)
  renewal_window_days integer NOT NULL DEFAULT 90 CHECK (renewal_window_days BETWEEN 1 AND 365),
  -- ランクアップ申請: allowed this many months after certification (NULL: not accepted in this round)
  rank_up_after_months integer CHECK (rank_up_after_months BETWEEN 0 AND 120),
  -- 取組状況の報告: due every this many months after certification
  report_interval_months integer NOT NULL DEFAULT 12 CHECK (report_interval_months BETWEEN 1 AND 60),
  -- 目標の最少数 (3+ own goals)
  min_goals integer NOT NULL DEFAULT 3 CHECK (min_goals BETWEEN 1 AND 20),
  -- 募集要項 text shown to companies
  guidance text NOT NULL DEFAULT '' CHECK (length(guidance) <= 8000),
  -- the round it was copied from
  copied_from_id uuid REFERENCES sdgs_rounds (id) ON DELETE SET NULL,
  version integer NOT NULL DEFAULT 1,
  is_sample boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (closes_on >= opens_on)
);

-- 申請要件: a yes/no question with the answer an eligible company gives and the reason shown when it does not
-- (市内に事業所がある, 市税の滞納がない, 反社会的勢力でないことの誓約 …).
CREATE TABLE sdgs_eligibility_rules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  round_id uuid NOT NULL REFERENCES sdgs_rounds (id) ON DELETE CASCADE,
  code text NOT NULL CHECK (code ~ '^[a-z0-9_]{1,40}$'),
  question text NOT NULL CHECK (length(question) BETWEEN 1 AND 500),
  required_answer boolean NOT NULL DEFAULT true,
  failure_reason text NOT NULL CHECK (length(failure_reason) BETWEEN 1 AND 500),
  sort_order integer NOT NULL DEFAULT 0,
  UNIQUE (round_id, code)
);

-- チェックシートの分野 (環境・社会・ガバナンス・地域 …)
CREATE TABLE sdgs_check_domains (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  round_id uuid NOT NULL REFERENCES sdgs_rounds (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  sort_order integer NOT NULL DEFAULT 0,
  UNIQUE (round_id, name)
);

-- チェック項目: points when met; a required item not met blocks certification whatever the score.
CREATE TABLE sdgs_check_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  round_id uuid NOT NULL REFERENCES sdgs_rounds (id) ON DELETE CASCADE,
  domain_id uuid NOT NULL REFERENCES sdgs_check_domains (id) ON DELETE CASCADE,
  code text NOT NULL CHECK (code ~ '^[A-Za-z0-9_-]{1,20}$'),
  text text NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
  points integer NOT NULL CHECK (points BETWEEN 0 AND 100),
  required boolean NOT NULL DEFAULT false,
  evidence_required boolean NOT NULL DEFAULT false,
  sdg_goals integer[] NOT NULL DEFAULT '{}',
  sort_order integer NOT NULL DEFAULT 0,
  UNIQUE (round_id, code)
);
CREATE INDEX sdgs_check_items_round ON sdgs_check_items (round_id, sort_order);

-- 認証区分 by score: a score at or above min_score reaches the tier (rank 1 is the highest).
CREATE TABLE sdgs_tiers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  round_id uuid NOT NULL REFERENCES sdgs_rounds (id) ON DELETE CASCADE,
  rank integer NOT NULL CHECK (rank BETWEEN 1 AND 10),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  min_score integer NOT NULL CHECK (min_score >= 0),
  UNIQUE (round_id, rank),
  UNIQUE (round_id, name)
);

-- 申請企業. 法人番号 (13 digits, check digit verified by the service) is NULL only for a sole proprietor.
CREATE TABLE sdgs_companies (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL UNIQUE REFERENCES organisations (id),
  corporate_number text UNIQUE CHECK (corporate_number ~ '^[0-9]{13}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  name_kana text NOT NULL DEFAULT '' CHECK (length(name_kana) <= 200),
  postal_code text NOT NULL DEFAULT '' CHECK (postal_code ~ '^([0-9]{3}-[0-9]{4})?$'),
  address text NOT NULL DEFAULT '' CHECK (length(address) <= 300),
  -- 市内の区 (門司区 … 八幡西区) or 'outside' (本社が市外)
  ward text NOT NULL DEFAULT 'outside' CHECK (ward IN ('moji', 'kokurakita', 'kokuraminami', 'wakamatsu', 'yahatahigashi', 'yahatanishi', 'tobata', 'outside')),
  -- 日本標準産業分類の大分類 A–T
  industry text NOT NULL CHECK (industry ~ '^[A-T]$'),
  size text NOT NULL CHECK (size IN ('large', 'medium', 'small', 'micro')),
  employees integer CHECK (employees >= 0),
  website text NOT NULL DEFAULT '' CHECK (length(website) <= 300),
  -- 担当者: personal data, never public, never logged
  contact_name text NOT NULL DEFAULT '' CHECK (length(contact_name) <= 100),
  contact_email text NOT NULL DEFAULT '' CHECK (length(contact_email) <= 254),
  contact_phone text NOT NULL DEFAULT '' CHECK (length(contact_phone) <= 30),
  -- 旧登録制度 (北九州SDGs登録制度) の登録番号, when the company came through the migration
  former_registration_number text CHECK (length(former_registration_number) <= 40),
  version integer NOT NULL DEFAULT 1,
  is_sample boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sdgs_companies_name ON sdgs_companies (name);

-- 申請. kind: new (新規), renewal (更新), rank_up (ランクアップ). One open application per company and round.
-- status: draft → submitted → screening → review → committee → certified | refused; submitted/screening → returned →
-- submitted again; draft/returned → withdrawn. common/sdgs/application-states.ts is the one source of the moves.
CREATE TABLE sdgs_applications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  round_id uuid NOT NULL REFERENCES sdgs_rounds (id),
  company_id uuid NOT NULL REFERENCES sdgs_companies (id),
  kind text NOT NULL DEFAULT 'new' CHECK (kind IN ('new', 'renewal', 'rank_up')),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'returned', 'screening', 'review', 'committee', 'certified', 'refused', 'withdrawn')),
  -- the certification a renewal or rank-up continues
  previous_certification_id uuid,
  -- 申請要件 answers: { rule code: boolean }
  eligibility_answers jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- 取組の概要 and 宣言
  summary text NOT NULL DEFAULT '' CHECK (length(summary) <= 4000),
  declared_at timestamptz,
  declared_by uuid REFERENCES users (id),
  submitted_at timestamptz,
  -- times submitted (a resubmission after 差戻し counts again)
  submission_count integer NOT NULL DEFAULT 0,
  return_reason text CHECK (length(return_reason) <= 2000),
  -- 要件確認 by staff
  screening_note text NOT NULL DEFAULT '' CHECK (length(screening_note) <= 4000),
  -- scores kept for lists and the committee (recomputed by the scoring service from answers and reviews)
  self_score integer,
  review_score numeric(7, 2),
  suggested_tier_id uuid REFERENCES sdgs_tiers (id),
  missing_required integer,
  scored_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  is_sample boolean NOT NULL DEFAULT false,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX sdgs_applications_open_per_round ON sdgs_applications (round_id, company_id)
  WHERE status NOT IN ('withdrawn', 'refused');
CREATE INDEX sdgs_applications_round_status ON sdgs_applications (round_id, status);
CREATE INDEX sdgs_applications_company ON sdgs_applications (company_id);

-- セルフチェックの回答: met or not, with the company's note.
CREATE TABLE sdgs_application_answers (
  application_id uuid NOT NULL REFERENCES sdgs_applications (id) ON DELETE CASCADE,
  item_id uuid NOT NULL REFERENCES sdgs_check_items (id) ON DELETE CASCADE,
  met boolean NOT NULL,
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  PRIMARY KEY (application_id, item_id)
);

-- 自社の目標 (3+): KPI with its baseline, target and year.
CREATE TABLE sdgs_application_goals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  application_id uuid NOT NULL REFERENCES sdgs_applications (id) ON DELETE CASCADE,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  sdg_goals integer[] NOT NULL DEFAULT '{}',
  kpi text NOT NULL CHECK (length(kpi) BETWEEN 1 AND 200),
  unit text NOT NULL DEFAULT '' CHECK (length(unit) <= 20),
  baseline numeric(18, 4),
  baseline_year integer CHECK (baseline_year BETWEEN 2000 AND 2100),
  target numeric(18, 4) NOT NULL,
  target_year integer NOT NULL CHECK (target_year BETWEEN 2000 AND 2100),
  sort_order integer NOT NULL DEFAULT 0
);
CREATE INDEX sdgs_application_goals_application ON sdgs_application_goals (application_id, sort_order);

-- 証拠書類: a file of the application, for one check item or for the whole application (item_id NULL).
CREATE TABLE sdgs_application_evidence (
  file_id uuid PRIMARY KEY REFERENCES files (id) ON DELETE CASCADE,
  application_id uuid NOT NULL REFERENCES sdgs_applications (id) ON DELETE CASCADE,
  item_id uuid REFERENCES sdgs_check_items (id) ON DELETE SET NULL
);
CREATE INDEX sdgs_application_evidence_application ON sdgs_application_evidence (application_id);

-- 申請の経過 (append-only): each move with who, when and the comment (差戻し理由 …).
CREATE TABLE sdgs_application_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES sdgs_applications (id) ON DELETE CASCADE,
  from_status text,
  to_status text NOT NULL,
  comment text NOT NULL DEFAULT '' CHECK (length(comment) <= 2000),
  actor_id uuid REFERENCES users (id),
  actor_label text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sdgs_application_events_application ON sdgs_application_events (application_id, id);

-- 審査員: external experts' logins (partner accounts) and staff who score applications.
CREATE TABLE sdgs_reviewers (
  user_id uuid PRIMARY KEY REFERENCES users (id),
  -- 所属・肩書 as shown to staff
  affiliation text NOT NULL DEFAULT '' CHECK (length(affiliation) <= 200),
  active boolean NOT NULL DEFAULT true,
  is_sample boolean NOT NULL DEFAULT false
);

-- 書類審査・ヒアリング: one reviewer's scores of one application (0..the item's points each) and hearing notes.
CREATE TABLE sdgs_reviews (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  application_id uuid NOT NULL REFERENCES sdgs_applications (id) ON DELETE CASCADE,
  reviewer_id uuid NOT NULL REFERENCES sdgs_reviewers (user_id),
  hearing_on date,
  hearing_notes text NOT NULL DEFAULT '' CHECK (length(hearing_notes) <= 8000),
  comment text NOT NULL DEFAULT '' CHECK (length(comment) <= 4000),
  submitted_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (application_id, reviewer_id)
);

CREATE TABLE sdgs_review_scores (
  review_id uuid NOT NULL REFERENCES sdgs_reviews (id) ON DELETE CASCADE,
  item_id uuid NOT NULL REFERENCES sdgs_check_items (id) ON DELETE CASCADE,
  score integer NOT NULL CHECK (score >= 0),
  comment text NOT NULL DEFAULT '' CHECK (length(comment) <= 1000),
  PRIMARY KEY (review_id, item_id)
);

-- 審査会
CREATE TABLE sdgs_committee_meetings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  round_id uuid NOT NULL REFERENCES sdgs_rounds (id),
  held_on date NOT NULL,
  place text NOT NULL DEFAULT '' CHECK (length(place) <= 200),
  members text NOT NULL DEFAULT '' CHECK (length(members) <= 2000),
  minutes text NOT NULL DEFAULT '' CHECK (length(minutes) <= 20000),
  is_sample boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- 審査会の決定: a tier (certify) or refusal, with the reason; one per application.
CREATE TABLE sdgs_committee_decisions (
  application_id uuid PRIMARY KEY REFERENCES sdgs_applications (id) ON DELETE CASCADE,
  meeting_id uuid NOT NULL REFERENCES sdgs_committee_meetings (id),
  decision text NOT NULL CHECK (decision IN ('certify', 'refuse')),
  tier_id uuid REFERENCES sdgs_tiers (id),
  reason text NOT NULL DEFAULT '' CHECK (length(reason) <= 2000),
  decided_by uuid REFERENCES users (id),
  decided_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((decision = 'certify') = (tier_id IS NOT NULL))
);

-- 認証. number: 「KSM-2025-0001」 (fiscal year of the round, sequence). status: active, superseded (renewed or ranked
-- up: the next certification continues it), expired, revoked. 「報告期限超過」 and 「期限間近」 are worked out from
-- the dates and the reports (common/sdgs/certification-lifecycle.ts), never stored.
CREATE TABLE sdgs_certifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number text NOT NULL UNIQUE CHECK (number ~ '^KSM-[0-9]{4}-[0-9]{4}$'),
  company_id uuid NOT NULL REFERENCES sdgs_companies (id),
  application_id uuid NOT NULL UNIQUE REFERENCES sdgs_applications (id),
  tier_id uuid NOT NULL REFERENCES sdgs_tiers (id),
  -- the tier's name at the time (a later round may rename its tiers)
  tier_name text NOT NULL,
  tier_rank integer NOT NULL,
  valid_from date NOT NULL,
  valid_until date NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'superseded', 'expired', 'revoked')),
  previous_certification_id uuid REFERENCES sdgs_certifications (id),
  revoked_at timestamptz,
  revoke_reason text CHECK (length(revoke_reason) <= 2000),
  is_sample boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_until > valid_from)
);
CREATE INDEX sdgs_certifications_company ON sdgs_certifications (company_id);
CREATE INDEX sdgs_certifications_status ON sdgs_certifications (status, valid_until);
-- Applications and certifications point at each other (a renewal continues a certification that an earlier
-- application produced): checked at commit, so that a restore can insert the applications first.
ALTER TABLE sdgs_applications ADD CONSTRAINT sdgs_applications_previous_certification
  FOREIGN KEY (previous_certification_id) REFERENCES sdgs_certifications (id) DEFERRABLE INITIALLY DEFERRED;

-- 取組状況の報告 (annual progress report on the goals): one per certification and period.
CREATE TABLE sdgs_progress_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  certification_id uuid NOT NULL REFERENCES sdgs_certifications (id) ON DELETE CASCADE,
  -- 1 for the first year after certification, 2 for the second …
  period integer NOT NULL CHECK (period >= 1),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'accepted')),
  comment text NOT NULL DEFAULT '' CHECK (length(comment) <= 4000),
  submitted_at timestamptz,
  accepted_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  is_sample boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (certification_id, period)
);

CREATE TABLE sdgs_progress_report_goals (
  report_id uuid NOT NULL REFERENCES sdgs_progress_reports (id) ON DELETE CASCADE,
  goal_id uuid NOT NULL REFERENCES sdgs_application_goals (id) ON DELETE CASCADE,
  actual numeric(18, 4),
  comment text NOT NULL DEFAULT '' CHECK (length(comment) <= 2000),
  PRIMARY KEY (report_id, goal_id)
);

-- 旧登録制度の登録者への案内: an invitation link (only its hash stored) that lets the company create its account.
CREATE TABLE sdgs_invitations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  token_hash text NOT NULL UNIQUE,
  corporate_number text CHECK (corporate_number ~ '^[0-9]{13}$'),
  company_name text NOT NULL CHECK (length(company_name) BETWEEN 1 AND 200),
  contact_name text NOT NULL DEFAULT '' CHECK (length(contact_name) <= 100),
  contact_email text NOT NULL DEFAULT '' CHECK (length(contact_email) <= 254),
  former_registration_number text CHECK (length(former_registration_number) <= 40),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  company_id uuid REFERENCES sdgs_companies (id),
  -- the import (file hash) it came from, so that the same file again adds nobody twice
  import_key text,
  is_sample boolean NOT NULL DEFAULT false,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX sdgs_invitations_former_number ON sdgs_invitations (former_registration_number) WHERE former_registration_number IS NOT NULL;

-- 提携金融機関 (an external organisation whose partner logins record finance)
CREATE TABLE sdgs_banks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL UNIQUE REFERENCES organisations (id),
  name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
  sort_order integer NOT NULL DEFAULT 0,
  active boolean NOT NULL DEFAULT true,
  is_sample boolean NOT NULL DEFAULT false
);

-- 金融連携: a loan, guarantee or sustainability-linked loan a bank gave a certified company. Amounts as bands (the
-- banks report no exact figures); amount_band_yen is the band's lower bound in yen, for sums "at least".
CREATE TABLE sdgs_finance_links (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  bank_id uuid NOT NULL REFERENCES sdgs_banks (id),
  company_id uuid NOT NULL REFERENCES sdgs_companies (id),
  certification_id uuid NOT NULL REFERENCES sdgs_certifications (id),
  product_kind text NOT NULL CHECK (product_kind IN ('loan', 'guarantee', 'sll', 'private_placement', 'other')),
  product_name text NOT NULL CHECK (length(product_name) BETWEEN 1 AND 100),
  amount_band text NOT NULL CHECK (amount_band IN ('under_10m', '10m_50m', '50m_100m', '100m_500m', 'over_500m')),
  executed_on date NOT NULL,
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
  version integer NOT NULL DEFAULT 1,
  is_sample boolean NOT NULL DEFAULT false,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sdgs_finance_links_bank ON sdgs_finance_links (bank_id, executed_on);
CREATE INDEX sdgs_finance_links_company ON sdgs_finance_links (company_id);

-- SDGsステーション: 相談 (a citizen is never named: client_label is a company or organisation name, or empty)
CREATE TABLE sdgs_consultations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  consulted_on date NOT NULL,
  channel text NOT NULL CHECK (channel IN ('visit', 'phone', 'email', 'online', 'event', 'outreach')),
  client_kind text NOT NULL CHECK (client_kind IN ('company', 'organisation', 'citizen', 'student')),
  company_id uuid REFERENCES sdgs_companies (id),
  client_label text NOT NULL DEFAULT '' CHECK (length(client_label) <= 200),
  topic text NOT NULL CHECK (topic IN ('certification', 'finance', 'matching', 'information', 'event', 'education', 'other')),
  sdg_goals integer[] NOT NULL DEFAULT '{}',
  staff_user_id uuid REFERENCES users (id),
  summary text NOT NULL DEFAULT '' CHECK (length(summary) <= 4000),
  outcome text NOT NULL CHECK (outcome IN ('answered', 'referred', 'matching', 'continuing', 'closed')),
  follow_up text NOT NULL DEFAULT '' CHECK (length(follow_up) <= 2000),
  follow_up_due date,
  follow_up_done_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  is_sample boolean NOT NULL DEFAULT false,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sdgs_consultations_date ON sdgs_consultations (consulted_on);

-- マッチング: a company's request to meet a partner, and its result.
CREATE TABLE sdgs_matchings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  requested_on date NOT NULL,
  requester_company_id uuid REFERENCES sdgs_companies (id),
  requester_label text NOT NULL CHECK (length(requester_label) BETWEEN 1 AND 200),
  partner_label text NOT NULL DEFAULT '' CHECK (length(partner_label) <= 200),
  purpose text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 2000),
  sdg_goals integer[] NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'introduced', 'in_talks', 'matched', 'not_matched', 'withdrawn')),
  result_on date,
  result_note text NOT NULL DEFAULT '' CHECK (length(result_note) <= 2000),
  consultation_id uuid REFERENCES sdgs_consultations (id) ON DELETE SET NULL,
  staff_user_id uuid REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  is_sample boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sdgs_matchings_requested ON sdgs_matchings (requested_on);

-- イベント・お知らせ published on the station's public page
CREATE TABLE sdgs_station_posts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('event', 'info')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  body text NOT NULL DEFAULT '' CHECK (length(body) <= 8000),
  starts_at timestamptz,
  ends_at timestamptz,
  place text NOT NULL DEFAULT '' CHECK (length(place) <= 200),
  url text NOT NULL DEFAULT '' CHECK (length(url) <= 500),
  published_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  is_sample boolean NOT NULL DEFAULT false,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (kind = 'info' OR starts_at IS NOT NULL),
  CHECK (ends_at IS NULL OR starts_at IS NULL OR ends_at >= starts_at)
);

-- ステーションの年間経費 (for 相談1件あたりの経費)
CREATE TABLE sdgs_station_costs (
  fiscal_year integer PRIMARY KEY CHECK (fiscal_year BETWEEN 2000 AND 2100),
  cost_yen bigint NOT NULL CHECK (cost_yen >= 0),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
  is_sample boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Evidence files belong to their application; a company's files are read by the company and the bureau's staff.
ALTER TABLE files DROP CONSTRAINT files_owner_kind;
ALTER TABLE files ADD CONSTRAINT files_owner_kind CHECK (owner_kind IN (
  'upload', 'import', 'unreferenced',
  'furusato.gift', 'furusato.supplier', 'furusato.certificate_batch', 'furusato.export',
  'international.project', 'international.trip',
  'sdgs.application'));

ALTER TABLE files DROP CONSTRAINT files_owner_purpose;
ALTER TABLE files ADD CONSTRAINT files_owner_purpose CHECK (
  (owner_kind = 'upload' AND purpose IN ('evidence', 'image', 'supplier_document'))
  OR (owner_kind = 'import' AND purpose IN ('import_upload', 'import_report'))
  OR (owner_kind = 'unreferenced' AND purpose = 'unknown')
  OR (owner_kind = 'furusato.gift' AND purpose IN ('evidence', 'image'))
  OR (owner_kind = 'furusato.supplier' AND purpose = 'supplier_document')
  OR (owner_kind = 'furusato.certificate_batch' AND purpose = 'certificate_pdf')
  OR (owner_kind = 'furusato.export' AND purpose = 'portal_bundle')
  OR (owner_kind = 'international.project' AND purpose = 'attachment')
  OR (owner_kind = 'international.trip' AND purpose IN ('attachment', 'report_attachment'))
  OR (owner_kind = 'sdgs.application' AND purpose = 'evidence'));

-- A file's owner is not a foreign key: deleting an application deletes its files here (as 0013 does for 国際).
CREATE FUNCTION sdgs_delete_owned_files() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM files WHERE owner_kind = TG_ARGV[0] AND owner_id = OLD.id;
  RETURN OLD;
END
$$;

CREATE TRIGGER sdgs_applications_delete_files AFTER DELETE ON sdgs_applications
  FOR EACH ROW EXECUTE FUNCTION sdgs_delete_owned_files('sdgs.application');
