-- 広域連携 (issue 18), 枠組みと連携事業: what 0019's spine lacks — the frameworks' agreements (協定) with their files,
-- each joint project's budget per 年度 (総事業費) and its funding by source, the vision indicators it is measured by,
-- its internal steps (庁内調整: the partner departments and the budget consultation with 財政), its status history and
-- its yearly report (年次報告).

-- 協定・宣言: the documents a framework rests on (関門連携共同宣言, 連携協約 …). The file is a platform file owned by
-- the agreement (owner kind region.agreement), found through its owner, not through a column here.
CREATE TABLE region_agreements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  framework_id uuid NOT NULL REFERENCES region_frameworks (id) ON DELETE CASCADE,
  signed_on date NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  is_sample boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX region_agreements_framework_idx ON region_agreements (framework_id, signed_on);

-- 予算（総事業費）per 年度. The funding rows say where the money comes from; their sum may differ from the total only
-- with a recorded reason (mismatch_reason), e.g. while the 特別交付税 is not yet known: the service refuses a
-- mismatch without one, and every screen shows the difference.
CREATE TABLE region_project_budgets (
  project_id uuid NOT NULL REFERENCES region_projects (id) ON DELETE CASCADE,
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 1989 AND 2100),
  total_yen bigint NOT NULL CHECK (total_yen >= 0 AND total_yen <= 1000000000000),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  mismatch_reason text NOT NULL DEFAULT '' CHECK (length(mismatch_reason) <= 1000),
  is_sample boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  updated_by uuid REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (project_id, fiscal_year)
);

-- 財源: 特別交付税 / 普通交付税 / 交付金 / 負担金 / 一般財源 (common/region/partnerships.ts FUNDING_SOURCES)
CREATE TABLE region_project_funding (
  project_id uuid NOT NULL,
  fiscal_year integer NOT NULL,
  source text NOT NULL CHECK (source IN (
    'special_allocation_tax', 'ordinary_allocation_tax', 'grant', 'member_contribution', 'general_revenue')),
  amount_yen bigint NOT NULL CHECK (amount_yen >= 0 AND amount_yen <= 1000000000000),
  PRIMARY KEY (project_id, fiscal_year, source),
  FOREIGN KEY (project_id, fiscal_year) REFERENCES region_project_budgets (project_id, fiscal_year) ON DELETE CASCADE
);

-- 指標: the vision module's indicators a project is measured by. indicator_id names a vision indicator; there is no
-- foreign key into the vision module's tables (a module owns its tables): the service checks it through the vision
-- index when a link is made, and the page shows a link whose indicator is gone as such.
CREATE TABLE region_project_indicators (
  project_id uuid NOT NULL REFERENCES region_projects (id) ON DELETE CASCADE,
  indicator_id uuid NOT NULL,
  sort_order integer NOT NULL DEFAULT 0,
  is_sample boolean NOT NULL DEFAULT false,
  PRIMARY KEY (project_id, indicator_id)
);

-- 庁内調整: a step inside the city hall — an exchange with a partner department (連携の可能性の高い部門との意見交換)
-- or the budget consultation with 財政 (予算協議) — with its status and dates; the rounds of a consultation (予算要求,
-- 査定, 内示 …) are its rounds below.
CREATE TABLE region_project_steps (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id uuid NOT NULL REFERENCES region_projects (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('department', 'budget')),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  -- 予算協議: the 年度 of the budget asked for
  fiscal_year integer CHECK (fiscal_year BETWEEN 1989 AND 2100),
  status text NOT NULL CHECK (status IN ('planned', 'in_progress', 'agreed', 'declined')),
  started_on date,
  ended_on date,
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  is_sample boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ended_on IS NULL OR started_on IS NULL OR ended_on >= started_on),
  CHECK (kind = 'department' OR fiscal_year IS NOT NULL)
);
CREATE INDEX region_project_steps_project_idx ON region_project_steps (project_id);

CREATE TABLE region_project_step_rounds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  step_id uuid NOT NULL REFERENCES region_project_steps (id) ON DELETE CASCADE,
  held_on date NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 80),
  outcome text NOT NULL DEFAULT '' CHECK (length(outcome) <= 2000),
  is_sample boolean NOT NULL DEFAULT false,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX region_project_step_rounds_step_idx ON region_project_step_rounds (step_id, held_on);

-- 状態の履歴 (append-only): each status a project entered, on which day, from which, by whom and why (a step back
-- needs a reason). The days in each status are computed from it (common/step-days.ts).
CREATE TABLE region_project_status_history (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  project_id uuid NOT NULL REFERENCES region_projects (id) ON DELETE CASCADE,
  status text NOT NULL CHECK (status IN ('concept', 'negotiating', 'agreed', 'running', 'ended')),
  from_status text CHECK (from_status IN ('concept', 'negotiating', 'agreed', 'running', 'ended')),
  entered_on date NOT NULL,
  reason text NOT NULL DEFAULT '' CHECK (length(reason) <= 1000),
  changed_by uuid REFERENCES users (id),
  is_sample boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX region_project_status_history_project_idx ON region_project_status_history (project_id, entered_on, id);
CREATE TRIGGER region_project_status_history_append_only BEFORE UPDATE ON region_project_status_history
  FOR EACH ROW EXECUTE FUNCTION reject_change();

-- the projects already there start their history with the status they are in
INSERT INTO region_project_status_history (project_id, status, entered_on, is_sample)
SELECT id, status, status_since, is_sample FROM region_projects;

-- 年次報告: per project and 年度 — 実績, 成果, 課題, 次年度の方針; its file (optional) is owned by the report
-- (owner kind region.project_report).
CREATE TABLE region_project_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id uuid NOT NULL REFERENCES region_projects (id) ON DELETE CASCADE,
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 1989 AND 2100),
  results text NOT NULL DEFAULT '' CHECK (length(results) <= 4000),
  outcomes text NOT NULL DEFAULT '' CHECK (length(outcomes) <= 4000),
  issues text NOT NULL DEFAULT '' CHECK (length(issues) <= 4000),
  next_policy text NOT NULL DEFAULT '' CHECK (length(next_policy) <= 4000),
  is_sample boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  updated_by uuid REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (project_id, fiscal_year)
);

-- Files of agreements and yearly reports. The owner-kind checks are widened from whatever they are now (other parts
-- of issue 18 widen them too, in any order), never rewritten as a fixed list.
DO $$
DECLARE
  kinds text;
  purposes text;
BEGIN
  SELECT pg_get_constraintdef(oid) INTO kinds FROM pg_constraint WHERE conname = 'files_owner_kind' AND conrelid = 'files'::regclass;
  SELECT pg_get_constraintdef(oid) INTO purposes FROM pg_constraint WHERE conname = 'files_owner_purpose' AND conrelid = 'files'::regclass;
  ALTER TABLE files DROP CONSTRAINT files_owner_kind;
  ALTER TABLE files DROP CONSTRAINT files_owner_purpose;
  -- "CHECK (<expr>)" → "CHECK ((<expr>) OR <ours>)"
  EXECUTE 'ALTER TABLE files ADD CONSTRAINT files_owner_kind CHECK (' || substring(kinds FROM 7)
    || ' OR owner_kind IN (''region.agreement'', ''region.project_report''))';
  EXECUTE 'ALTER TABLE files ADD CONSTRAINT files_owner_purpose CHECK (' || substring(purposes FROM 7)
    || ' OR (owner_kind IN (''region.agreement'', ''region.project_report'') AND purpose = ''attachment''))';
END $$;

-- A file's owner is no foreign key: deleting an agreement or a report deletes its files, whichever path deletes it.
CREATE FUNCTION region_delete_owned_files() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM files WHERE owner_kind = TG_ARGV[0] AND owner_id = OLD.id;
  RETURN OLD;
END $$;
CREATE TRIGGER region_agreements_delete_files AFTER DELETE ON region_agreements
  FOR EACH ROW EXECUTE FUNCTION region_delete_owned_files('region.agreement');
CREATE TRIGGER region_project_reports_delete_files AFTER DELETE ON region_project_reports
  FOR EACH ROW EXECUTE FUNCTION region_delete_owned_files('region.project_report');
