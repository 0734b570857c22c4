-- 国際 (international module, issue 15): every department's international work in one database (replacing the
-- kintone apps 国際関連事業データベース and 海外出張管理): projects with their partners, yearly money and indicators;
-- overseas trips with travellers, itinerary, cost lines and the report; the visits the city received. A project or a
-- trip belongs to one division (owner_organisation_id): only that division's editors change it; every member of staff
-- reads projects; the bureau that coordinates international work (app setting international.bureauId) sees
-- everything. Records that came from kintone keep the app's record number (source_key), so a newer export updates
-- them instead of adding copies.

-- 分野: the list the bureau edits (a field in use is retired, not deleted)
CREATE TABLE international_fields (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 50),
  sort_order integer NOT NULL DEFAULT 0,
  active boolean NOT NULL DEFAULT true,
  is_sample boolean NOT NULL DEFAULT false
);

-- 相手先: a partner city (or an organisation in it) and the city's relation with it. Coordinates place it on the map.
CREATE TABLE international_partners (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  country text NOT NULL CHECK (length(country) BETWEEN 1 AND 60),
  city text NOT NULL CHECK (length(city) BETWEEN 1 AND 100),
  -- '' for the city itself
  organisation text NOT NULL DEFAULT '' CHECK (length(organisation) <= 200),
  relation text NOT NULL DEFAULT 'other' CHECK (relation IN ('sister', 'friendship', 'agreement', 'other')),
  -- 締結日 (since when the relation holds)
  related_since date,
  latitude double precision CHECK (latitude BETWEEN -90 AND 90),
  longitude double precision CHECK (longitude BETWEEN -180 AND 180),
  is_sample boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (country, city, organisation)
);

CREATE TABLE international_projects (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  owner_organisation_id uuid NOT NULL REFERENCES organisations (id),
  contact_user_id uuid REFERENCES users (id),
  -- 担当者 as entered (a person without a login, or kintone's name when no user matched)
  contact_name text NOT NULL DEFAULT '' CHECK (length(contact_name) <= 100),
  field_id uuid NOT NULL REFERENCES international_fields (id),
  status text NOT NULL CHECK (status IN ('planned', 'active', 'ended')),
  is_public boolean NOT NULL DEFAULT false,
  first_fiscal_year integer NOT NULL CHECK (first_fiscal_year BETWEEN 1950 AND 2100),
  last_fiscal_year integer CHECK (last_fiscal_year BETWEEN 1950 AND 2100),
  summary text NOT NULL DEFAULT '' CHECK (length(summary) <= 4000),
  themes text[] NOT NULL DEFAULT '{}',
  -- kintone レコード番号 of the 国際関連事業データベース record it came from, and a hash of what the import made of
  -- it: the same record again changes nothing, a newer export's changed record updates the project
  source_key text UNIQUE,
  source_hash text,
  version integer NOT NULL DEFAULT 1,
  is_sample boolean NOT NULL DEFAULT false,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (last_fiscal_year IS NULL OR last_fiscal_year >= first_fiscal_year)
);
CREATE INDEX international_projects_owner ON international_projects (owner_organisation_id);
CREATE INDEX international_projects_field ON international_projects (field_id);

CREATE TABLE international_project_partners (
  project_id uuid NOT NULL REFERENCES international_projects (id) ON DELETE CASCADE,
  partner_id uuid NOT NULL REFERENCES international_partners (id),
  PRIMARY KEY (project_id, partner_id)
);
CREATE INDEX international_project_partners_partner ON international_project_partners (partner_id);

-- 年度別の予算・決算 per funding source (integer yen)
CREATE TABLE international_project_years (
  project_id uuid NOT NULL REFERENCES international_projects (id) ON DELETE CASCADE,
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 1950 AND 2100),
  funding_source text NOT NULL CHECK (funding_source IN ('general', 'national', 'prefectural', 'other')),
  budget bigint NOT NULL DEFAULT 0 CHECK (budget >= 0),
  settled bigint CHECK (settled >= 0),
  PRIMARY KEY (project_id, fiscal_year, funding_source)
);

-- 指標: graded with the vision module's current rule (common/vision/grading.ts, the rule read through the vision
-- module's index) from baseline, target and the latest year's result
CREATE TABLE international_indicators (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id uuid NOT NULL REFERENCES international_projects (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  unit text NOT NULL DEFAULT '' CHECK (length(unit) <= 20),
  direction text NOT NULL DEFAULT 'higher' CHECK (direction IN ('higher', 'lower')),
  baseline_value numeric NOT NULL,
  baseline_fiscal_year integer NOT NULL CHECK (baseline_fiscal_year BETWEEN 1950 AND 2100),
  target_value numeric NOT NULL,
  target_fiscal_year integer NOT NULL CHECK (target_fiscal_year BETWEEN 1950 AND 2100),
  sort_order integer NOT NULL DEFAULT 0,
  CHECK (target_fiscal_year >= baseline_fiscal_year)
);
CREATE INDEX international_indicators_project ON international_indicators (project_id, sort_order);
CREATE TABLE international_indicator_results (
  indicator_id uuid NOT NULL REFERENCES international_indicators (id) ON DELETE CASCADE,
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 1950 AND 2100),
  value numeric NOT NULL,
  PRIMARY KEY (indicator_id, fiscal_year)
);

-- 保存した表示条件: a user's named filters and sort of the project or trip list
CREATE TABLE international_saved_views (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  list text NOT NULL CHECK (list IN ('projects', 'trips')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  query jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (user_id, list, name)
);

-- 海外出張: 計画 → 申請 → 決裁 → 出張中 → 帰庁 → 報告書提出 → 精算 → 完了, plus 中止 and 変更 (a change after 決裁
-- that goes back through 申請)
CREATE TABLE international_trips (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  purpose text NOT NULL DEFAULT '' CHECK (length(purpose) <= 4000),
  owner_organisation_id uuid NOT NULL REFERENCES organisations (id),
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'applied', 'approved', 'travelling', 'returned', 'reported', 'settled', 'completed', 'cancelled', 'changed')),
  departs_on date NOT NULL,
  returns_on date NOT NULL,
  -- 外部同行者 (companies, interpreters …) as written
  companions text NOT NULL DEFAULT '' CHECK (length(companions) <= 1000),
  -- 旅行命令
  approved_by text NOT NULL DEFAULT '' CHECK (length(approved_by) <= 100),
  approved_on date,
  approval_conditions text NOT NULL DEFAULT '' CHECK (length(approval_conditions) <= 1000),
  -- 外務省の危険情報 level (0–4) of the destination, recorded at departure
  safety_level integer CHECK (safety_level BETWEEN 0 AND 4),
  report_due_on date,
  report_filed_on date,
  report_results text NOT NULL DEFAULT '' CHECK (length(report_results) <= 8000),
  report_followup text NOT NULL DEFAULT '' CHECK (length(report_followup) <= 4000),
  report_public boolean NOT NULL DEFAULT false,
  cancel_reason text NOT NULL DEFAULT '' CHECK (length(cancel_reason) <= 1000),
  -- kintone レコード番号 of the 海外出張管理 record and the hash of what the import made of it (as for projects)
  source_key text UNIQUE,
  source_hash text,
  version integer NOT NULL DEFAULT 1,
  is_sample boolean NOT NULL DEFAULT false,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (returns_on >= departs_on)
);
CREATE INDEX international_trips_owner ON international_trips (owner_organisation_id);
-- the overdue-report scan
CREATE INDEX international_trips_report_due ON international_trips (report_due_on) WHERE report_filed_on IS NULL;

-- 出張者: 団長 / 随行 (staff with or without a login) and who pays
CREATE TABLE international_trip_travellers (
  trip_id uuid NOT NULL REFERENCES international_trips (id) ON DELETE CASCADE,
  line_no integer NOT NULL,
  user_id uuid REFERENCES users (id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  role text NOT NULL CHECK (role IN ('leader', 'member')),
  -- 費用負担: 市 / 先方 / その他
  paid_by text NOT NULL DEFAULT 'city' CHECK (paid_by IN ('city', 'host', 'other')),
  PRIMARY KEY (trip_id, line_no)
);
CREATE INDEX international_trip_travellers_user ON international_trip_travellers (user_id);

-- 行程: the visits, each in a city that may be a partner
CREATE TABLE international_trip_visits (
  trip_id uuid NOT NULL REFERENCES international_trips (id) ON DELETE CASCADE,
  line_no integer NOT NULL,
  visit_on date NOT NULL,
  country text NOT NULL CHECK (length(country) BETWEEN 1 AND 60),
  city text NOT NULL CHECK (length(city) BETWEEN 1 AND 100),
  partner_id uuid REFERENCES international_partners (id),
  organisation text NOT NULL DEFAULT '' CHECK (length(organisation) <= 200),
  counterpart text NOT NULL DEFAULT '' CHECK (length(counterpart) <= 200),
  purpose text NOT NULL DEFAULT '' CHECK (length(purpose) <= 1000),
  PRIMARY KEY (trip_id, line_no)
);
CREATE INDEX international_trip_visits_partner ON international_trip_visits (partner_id);

CREATE TABLE international_trip_projects (
  trip_id uuid NOT NULL REFERENCES international_trips (id) ON DELETE CASCADE,
  project_id uuid NOT NULL REFERENCES international_projects (id) ON DELETE CASCADE,
  PRIMARY KEY (trip_id, project_id)
);
CREATE INDEX international_trip_projects_project ON international_trip_projects (project_id);

-- 旅費の基準額: versioned by the date from which a rate applies (日当 and 宿泊料 per destination class)
CREATE TABLE international_travel_rates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  valid_from date NOT NULL,
  cost_kind text NOT NULL CHECK (cost_kind IN ('daily', 'lodging')),
  -- 指定都市 / 甲地方 / 乙地方 / 丙地方
  region_class text NOT NULL CHECK (region_class IN ('designated', 'class_a', 'class_b', 'class_c')),
  amount integer NOT NULL CHECK (amount >= 0),
  is_sample boolean NOT NULL DEFAULT false,
  UNIQUE (valid_from, cost_kind, region_class)
);

-- 経費: planned and settled per line (運賃, 日当, 宿泊料, 旅行雑費, 通訳・会場 …)
CREATE TABLE international_trip_costs (
  trip_id uuid NOT NULL REFERENCES international_trips (id) ON DELETE CASCADE,
  line_no integer NOT NULL,
  cost_kind text NOT NULL CHECK (cost_kind IN ('fare', 'daily', 'lodging', 'misc', 'interpreter', 'other')),
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 200),
  planned bigint NOT NULL DEFAULT 0 CHECK (planned >= 0),
  settled bigint CHECK (settled >= 0),
  PRIMARY KEY (trip_id, line_no)
);

-- 状態の履歴: who moved a trip, when, from which state (append-only)
CREATE TABLE international_trip_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  trip_id uuid NOT NULL REFERENCES international_trips (id) ON DELETE CASCADE,
  from_status text,
  to_status text NOT NULL,
  note text NOT NULL DEFAULT '',
  actor_id uuid REFERENCES users (id),
  actor_name text NOT NULL,
  -- clock time, not the transaction's: two events written in one transaction keep their order
  at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX international_trip_events_trip ON international_trip_events (trip_id, at);
CREATE TRIGGER international_trip_events_append_only BEFORE UPDATE ON international_trip_events
  FOR EACH ROW EXECUTE FUNCTION reject_change();

-- 来訪: delegations the city received (the partner city's timeline shows them beside projects and trips)
CREATE TABLE international_received_visits (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  partner_id uuid NOT NULL REFERENCES international_partners (id),
  owner_organisation_id uuid NOT NULL REFERENCES organisations (id),
  received_on date NOT NULL,
  delegation text NOT NULL CHECK (length(delegation) BETWEEN 1 AND 200),
  purpose text NOT NULL DEFAULT '' CHECK (length(purpose) <= 1000),
  is_sample boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX international_received_visits_partner ON international_received_visits (partner_id, received_on);

-- テーマ別ワーキンググループ: the bureau gathers divisions around a theme; before a meeting it asks the member divisions
-- for ideas (one form per division, open until a deadline); ideas taken up become actions with an owner and a due
-- date, tracked to done, and an action may lead to a project (the Taiwan PR campaign: ideas → action → project).
CREATE TABLE international_working_groups (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  theme text NOT NULL CHECK (length(theme) BETWEEN 1 AND 200),
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2100),
  -- the division that runs the group (usually the bureau's 国際政策課)
  lead_organisation_id uuid NOT NULL REFERENCES organisations (id),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
  version integer NOT NULL DEFAULT 1,
  is_sample boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE international_wg_members (
  group_id uuid NOT NULL REFERENCES international_working_groups (id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  PRIMARY KEY (group_id, organisation_id)
);

CREATE TABLE international_wg_meetings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  group_id uuid NOT NULL REFERENCES international_working_groups (id) ON DELETE CASCADE,
  held_on date NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  agenda text NOT NULL DEFAULT '' CHECK (length(agenda) <= 4000),
  attendees text NOT NULL DEFAULT '' CHECK (length(attendees) <= 2000),
  minutes text NOT NULL DEFAULT '' CHECK (length(minutes) <= 20000),
  decisions text NOT NULL DEFAULT '' CHECK (length(decisions) <= 4000),
  is_sample boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX international_wg_meetings_group ON international_wg_meetings (group_id, held_on);

-- アイデア募集: a call to the member divisions before a meeting, open until its deadline (the day included)
CREATE TABLE international_wg_idea_calls (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  group_id uuid NOT NULL REFERENCES international_working_groups (id) ON DELETE CASCADE,
  meeting_id uuid REFERENCES international_wg_meetings (id) ON DELETE SET NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  question text NOT NULL DEFAULT '' CHECK (length(question) <= 4000),
  closes_on date NOT NULL,
  is_sample boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE international_wg_ideas (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  call_id uuid NOT NULL REFERENCES international_wg_idea_calls (id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  body text NOT NULL DEFAULT '' CHECK (length(body) <= 4000),
  status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'adopted', 'not_adopted')),
  submitted_by uuid REFERENCES users (id),
  submitted_by_name text NOT NULL,
  submitted_at timestamptz NOT NULL DEFAULT now(),
  is_sample boolean NOT NULL DEFAULT false
);
CREATE INDEX international_wg_ideas_call ON international_wg_ideas (call_id, organisation_id);

CREATE TABLE international_wg_actions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  group_id uuid NOT NULL REFERENCES international_working_groups (id) ON DELETE CASCADE,
  idea_id uuid REFERENCES international_wg_ideas (id) ON DELETE SET NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  owner_organisation_id uuid NOT NULL REFERENCES organisations (id),
  owner_user_id uuid REFERENCES users (id),
  due_on date NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
  done_on date,
  result text NOT NULL DEFAULT '' CHECK (length(result) <= 4000),
  -- the project it led to
  project_id uuid REFERENCES international_projects (id) ON DELETE SET NULL,
  version integer NOT NULL DEFAULT 1,
  is_sample boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'done') = (done_on IS NOT NULL))
);
CREATE INDEX international_wg_actions_group ON international_wg_actions (group_id, due_on);

-- kintone import: the clerk's mapping per source app (kept for the next export of the same app)
CREATE TABLE international_kintone_mappings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  app text NOT NULL CHECK (app IN ('projects', 'trips')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  mapping jsonb NOT NULL,
  updated_by uuid REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (app, name)
);
