-- 広域連携 (issue 18): the frameworks the city works in with other cities (関門連携 with 下関市, 福北連携 with 福岡市, the
-- 北九州都市圏域 連携中枢都市圏ビジョン with its 18 市町), their members, and the joint projects carried out in them.
-- The parts of issue 18 add their own tables in later migrations (agreements and budgets, candidates, cost-share
-- rules, meetings, 特区 proposals); this one is the spine they all point at.

-- 枠組み: 関門連携 / 福北連携 / 連携中枢都市圏
CREATE TABLE region_frameworks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- a short stable key for files and links (kanmon, fukuhoku, toshiken)
  code text NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z0-9-]{1,39}$'),
  name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 80),
  -- 都市間連携 (two cities) / 連携中枢都市圏 / その他
  kind text NOT NULL CHECK (kind IN ('city_pair', 'metropolitan_area', 'other')),
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
  started_on date,
  sort_order integer NOT NULL DEFAULT 0,
  is_sample boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- 構成団体: a member city or town. A member of the 北九州都市圏域 names its 市町 (whose populations the 人口割 reads);
-- 下関市 or 福岡市 are members by name and code without being 市町 of the hub.
CREATE TABLE region_framework_members (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  framework_id uuid NOT NULL REFERENCES region_frameworks (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
  -- 全国地方公共団体コード (6 digits with check digit)
  local_government_code char(6) NOT NULL CHECK (local_government_code ~ '^[0-9]{6}$'),
  -- set when the member is one of the hub's 市町 (populations, editors)
  municipality_code char(6) REFERENCES region_municipalities (code) ON UPDATE CASCADE,
  -- 中心市 / 連携市町 / 相手市
  role text NOT NULL CHECK (role IN ('central_city', 'partner', 'counterpart')),
  joined_on date,
  sort_order integer NOT NULL DEFAULT 0,
  is_sample boolean NOT NULL DEFAULT false,
  UNIQUE (framework_id, local_government_code),
  UNIQUE (framework_id, name)
);
CREATE INDEX region_framework_members_municipality_idx ON region_framework_members (municipality_code);

-- 連携事業: a joint project of a framework, led by one member, run by the city's own division.
CREATE TABLE region_projects (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  framework_id uuid NOT NULL REFERENCES region_frameworks (id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  summary text NOT NULL DEFAULT '' CHECK (length(summary) <= 4000),
  -- 幹事市町
  lead_member_id uuid REFERENCES region_framework_members (id) ON DELETE SET NULL,
  -- 構想 → 協議中 → 合意 → 実施中 → 終了
  status text NOT NULL DEFAULT 'concept' CHECK (status IN ('concept', 'negotiating', 'agreed', 'running', 'ended')),
  status_since date NOT NULL DEFAULT CURRENT_DATE,
  -- the city's division that runs it (所管課)
  owner_organisation_id uuid NOT NULL REFERENCES organisations (id),
  start_fiscal_year integer CHECK (start_fiscal_year BETWEEN 1989 AND 2100),
  end_fiscal_year integer CHECK (end_fiscal_year BETWEEN 1989 AND 2100),
  is_sample boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (framework_id, name),
  CHECK (end_fiscal_year IS NULL OR start_fiscal_year IS NULL OR end_fiscal_year >= start_fiscal_year)
);
CREATE INDEX region_projects_status_idx ON region_projects (status);

-- 参加団体: the members that take part in (and share the cost of) a project; not always every member of the framework.
CREATE TABLE region_project_members (
  project_id uuid NOT NULL REFERENCES region_projects (id) ON DELETE CASCADE,
  member_id uuid NOT NULL REFERENCES region_framework_members (id),
  PRIMARY KEY (project_id, member_id)
);
CREATE INDEX region_project_members_member_idx ON region_project_members (member_id);
