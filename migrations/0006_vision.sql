-- 新ビジョン (vision module): the plan tree (vision → strategies → measures → projects), KPIs with actual values and
-- their grades under a versioned rule, reporting rounds with owners' to-do lists, the experts' council, Action宣言
-- and the outreach log.

CREATE TABLE vision_plans (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  -- 目指す都市像
  city_image text NOT NULL DEFAULT '',
  adopted_on date,
  first_fiscal_year integer NOT NULL CHECK (first_fiscal_year BETWEEN 2000 AND 2100),
  last_fiscal_year integer NOT NULL CHECK (last_fiscal_year BETWEEN 2000 AND 2100),
  is_sample boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (last_fiscal_year >= first_fiscal_year)
);

-- 施策体系: one tree per plan. kind orders the levels; a node rolls its children up plainly or by weight.
CREATE TABLE vision_nodes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES vision_plans (id) ON DELETE CASCADE,
  parent_id uuid REFERENCES vision_nodes (id),
  kind text NOT NULL CHECK (kind IN ('vision', 'strategy', 'measure', 'project')),
  code text NOT NULL CHECK (length(code) BETWEEN 1 AND 30),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description text NOT NULL DEFAULT '',
  -- 所管: the bureau or division that owns the node (and, by default, its indicators)
  owner_organisation_id uuid REFERENCES organisations (id),
  rollup_method text NOT NULL DEFAULT 'average' CHECK (rollup_method IN ('average', 'weighted')),
  weight numeric(8, 3) NOT NULL DEFAULT 1 CHECK (weight >= 0),
  sort_order integer NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 1,
  is_sample boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (plan_id, code)
);
CREATE INDEX vision_nodes_parent ON vision_nodes (plan_id, parent_id, sort_order);

-- 局区方針の課題 that a measure serves (the policy module's challenges, read through its service)
CREATE TABLE vision_node_challenges (
  node_id uuid NOT NULL REFERENCES vision_nodes (id) ON DELETE CASCADE,
  challenge_id uuid NOT NULL REFERENCES policy_challenges (id) ON DELETE CASCADE,
  PRIMARY KEY (node_id, challenge_id)
);

-- 評価ルール: immutable versions; a grade names the version it was made with
CREATE TABLE vision_grade_rules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  rule jsonb NOT NULL,
  is_current boolean NOT NULL DEFAULT false,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX vision_grade_rules_current ON vision_grade_rules (is_current) WHERE is_current;
CREATE TRIGGER vision_grade_rules_no_update BEFORE UPDATE OF rule, name ON vision_grade_rules
  FOR EACH ROW EXECUTE FUNCTION reject_change();

-- 指標 (KPI)
CREATE TABLE vision_indicators (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  node_id uuid NOT NULL REFERENCES vision_nodes (id) ON DELETE CASCADE,
  code text NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 30),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  unit text NOT NULL DEFAULT '',
  kind text NOT NULL CHECK (kind IN ('活動指標', '成果指標')),
  direction text NOT NULL CHECK (direction IN ('higher', 'lower')),
  -- 数値で評価するか、状況（順調・一部遅れ…）で評価するか
  rating_mode text NOT NULL DEFAULT 'numeric' CHECK (rating_mode IN ('numeric', 'status')),
  baseline_value numeric,
  baseline_date date,
  target_value numeric,
  target_fiscal_year integer CHECK (target_fiscal_year BETWEEN 2000 AND 2100),
  data_source text NOT NULL DEFAULT '',
  exclusion text CHECK (exclusion IN ('数値目標対象外', '再掲', '事業終了', '調査中')),
  owner_organisation_id uuid REFERENCES organisations (id),
  weight numeric(8, 3) NOT NULL DEFAULT 1 CHECK (weight >= 0),
  sort_order integer NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 1,
  is_sample boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (rating_mode = 'status' OR exclusion IS NOT NULL
         OR (baseline_value IS NOT NULL AND baseline_date IS NOT NULL AND target_value IS NOT NULL AND target_fiscal_year IS NOT NULL))
);
CREATE INDEX vision_indicators_node ON vision_indicators (node_id, sort_order);

-- 実績値: append-only history; the latest row per (indicator, fiscal year) is the current value
CREATE TABLE vision_actuals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  indicator_id uuid NOT NULL REFERENCES vision_indicators (id) ON DELETE CASCADE,
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2100),
  -- 実績の時点: the end of the fiscal year unless the value is as of an earlier date
  as_of date NOT NULL,
  value numeric,
  status_rating text CHECK (status_rating IN ('順調', '一部遅れ', '大幅遅れ', '完了', '中止', '評価困難')),
  note text NOT NULL DEFAULT '',
  entered_by uuid REFERENCES users (id),
  entered_by_label text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (value IS NOT NULL OR status_rating IS NOT NULL)
);
CREATE INDEX vision_actuals_current ON vision_actuals (indicator_id, fiscal_year, created_at DESC);
CREATE TRIGGER vision_actuals_append_only BEFORE UPDATE ON vision_actuals
  FOR EACH ROW EXECUTE FUNCTION reject_change();

-- 報告ラウンド (e.g. 令和6年度末): owners update by the deadline (+ grace); published rounds show on the public page
CREATE TABLE vision_rounds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES vision_plans (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  fiscal_year integer NOT NULL,
  as_of date NOT NULL,
  deadline date NOT NULL,
  grace_days integer NOT NULL DEFAULT 0 CHECK (grace_days BETWEEN 0 AND 60),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed', 'published')),
  rule_id uuid REFERENCES vision_grade_rules (id),
  opened_by uuid REFERENCES users (id),
  opened_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz,
  published_at timestamptz,
  is_sample boolean NOT NULL DEFAULT false,
  UNIQUE (plan_id, name)
);

-- 更新依頼: one per indicator in a round, with who must update it and when they last did or were reminded
CREATE TABLE vision_round_tasks (
  round_id uuid NOT NULL REFERENCES vision_rounds (id) ON DELETE CASCADE,
  indicator_id uuid NOT NULL REFERENCES vision_indicators (id) ON DELETE CASCADE,
  owner_organisation_id uuid REFERENCES organisations (id),
  updated_at timestamptz,
  reminded_at timestamptz,
  reminder_count integer NOT NULL DEFAULT 0,
  PRIMARY KEY (round_id, indicator_id)
);
CREATE INDEX vision_round_tasks_owner ON vision_round_tasks (owner_organisation_id, round_id);

-- 評価結果: the grade of an indicator in a round, with the rule version and its explanation
CREATE TABLE vision_grades (
  round_id uuid NOT NULL REFERENCES vision_rounds (id) ON DELETE CASCADE,
  indicator_id uuid NOT NULL REFERENCES vision_indicators (id) ON DELETE CASCADE,
  actual_id uuid REFERENCES vision_actuals (id),
  rule_id uuid NOT NULL REFERENCES vision_grade_rules (id),
  result_kind text NOT NULL CHECK (result_kind IN ('graded', 'status', 'excluded', 'ungradable')),
  grade text,
  achievement numeric,
  explanation jsonb NOT NULL,
  computed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (round_id, indicator_id)
);

-- 有識者会議
CREATE TABLE vision_council_members (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES vision_plans (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  affiliation text NOT NULL DEFAULT '',
  -- the member's own login (an external account, role partner), when they read and comment in the system
  user_id uuid UNIQUE REFERENCES users (id),
  is_chair boolean NOT NULL DEFAULT false,
  active boolean NOT NULL DEFAULT true,
  is_sample boolean NOT NULL DEFAULT false
);
CREATE TABLE vision_council_meetings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES vision_plans (id) ON DELETE CASCADE,
  round_id uuid REFERENCES vision_rounds (id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  held_on date NOT NULL,
  place text NOT NULL DEFAULT '',
  summary text NOT NULL DEFAULT '',
  member_ids uuid[] NOT NULL DEFAULT '{}',
  is_sample boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE vision_council_comments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  round_id uuid NOT NULL REFERENCES vision_rounds (id) ON DELETE CASCADE,
  meeting_id uuid REFERENCES vision_council_meetings (id),
  node_id uuid NOT NULL REFERENCES vision_nodes (id) ON DELETE CASCADE,
  member_id uuid NOT NULL REFERENCES vision_council_members (id),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
  -- 市の対応: the bureau's response
  response text,
  responded_by uuid REFERENCES users (id),
  responded_at timestamptz,
  is_sample boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX vision_council_comments_round ON vision_council_comments (round_id, node_id);

-- Action宣言: staff declarations, moderated before they reach the lobby board and the public page
CREATE TABLE vision_declarations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES vision_plans (id) ON DELETE CASCADE,
  author_user_id uuid REFERENCES users (id),
  -- shown name; null = 匿名
  display_name text CHECK (display_name IS NULL OR length(display_name) BETWEEN 1 AND 50),
  organisation_id uuid REFERENCES organisations (id),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 200),
  strategy_node_id uuid REFERENCES vision_nodes (id),
  status text NOT NULL DEFAULT '承認待ち' CHECK (status IN ('承認待ち', '掲示中', '非掲示')),
  moderated_by uuid REFERENCES users (id),
  moderated_at timestamptz,
  moderation_note text NOT NULL DEFAULT '',
  is_sample boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX vision_declarations_status ON vision_declarations (plan_id, status, created_at DESC);

-- 周知・浸透の記録: training, 出前講演, workshops, PR videos; yearly counts can feed an indicator
CREATE TABLE vision_outreach_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL REFERENCES vision_plans (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('職員研修', '出前講演', 'ワークショップ', 'PR動画', 'その他')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  held_on date NOT NULL,
  fiscal_year integer NOT NULL,
  audience text NOT NULL DEFAULT '',
  attendance integer CHECK (attendance IS NULL OR attendance >= 0),
  organisation_id uuid REFERENCES organisations (id),
  note text NOT NULL DEFAULT '',
  -- the indicator this kind of event counts towards (e.g. 出前講演の実施回数)
  indicator_id uuid REFERENCES vision_indicators (id),
  is_sample boolean NOT NULL DEFAULT false,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX vision_outreach_year ON vision_outreach_events (plan_id, fiscal_year, kind);
