-- 経営分析 (issue 19): the management analysis of the programmes and bodies the bureau is responsible for (SDGsステーション,
-- international programmes, アジア成長研究所 and 北九州国際交流協会, 北九州市立大学) and of the peer bodies they are compared
-- with. The codes below are those of common/analysis/*.ts.

-- 分析対象 and 比較団体: one table, because both have the same figures. A peer belongs to one or more subjects
-- (analysis_subject_peers).
CREATE TABLE analysis_subjects (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 120),
  short_name text NOT NULL DEFAULT '' CHECK (length(short_name) <= 40),
  -- subject: 分析対象 / peer: 比較団体
  role text NOT NULL CHECK (role IN ('subject', 'peer')),
  -- 事業・拠点 / 国際ネットワーク / 公益財団法人 / 一般財団法人 / 公益社団法人 / 一般社団法人 / 株式会社 / 公立大学法人 /
  -- 国立大学法人 / 学校法人 / その他
  kind text NOT NULL CHECK (kind IN (
    'programme', 'network', 'public_interest_foundation', 'general_foundation', 'public_interest_association',
    'general_association', 'company', 'public_university', 'national_university', 'school_corporation', 'other')),
  -- 外郭団体 (from 2025-04-01 called 政策連携団体): both labels are shown (common/analysis/labels.ts)
  is_affiliated_body boolean NOT NULL DEFAULT false,
  -- 所管課 (its 局 is the nearest bureau above it); peers have none
  lead_organisation_id uuid REFERENCES organisations (id) ON DELETE SET NULL,
  -- 市の出資比率 (%), null where the city holds no stake (a programme) or it is not known (a peer)
  city_stake_percent numeric(5, 2) CHECK (city_stake_percent BETWEEN 0 AND 100),
  city_role text NOT NULL DEFAULT '' CHECK (length(city_role) <= 2000),
  purpose text NOT NULL DEFAULT '' CHECK (length(purpose) <= 4000),
  founded_year integer CHECK (founded_year BETWEEN 1850 AND 2100),
  -- 市政変革推進プランが定める分析年度 (subjects only)
  analysis_fiscal_year integer CHECK (analysis_fiscal_year BETWEEN 2000 AND 2100),
  -- peers: 所在都市 (e.g. 横浜市)
  location text NOT NULL DEFAULT '' CHECK (length(location) <= 80),
  -- figures read from another module's index instead of typed: sdgs.station / international.programmes
  linked_source text CHECK (linked_source IN ('sdgs.station', 'international.programmes')),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  is_sample boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (role = 'subject' OR (linked_source IS NULL AND analysis_fiscal_year IS NULL))
);
CREATE INDEX analysis_subjects_role_idx ON analysis_subjects (role, name);

CREATE TABLE analysis_subject_peers (
  subject_id uuid NOT NULL REFERENCES analysis_subjects (id) ON DELETE CASCADE,
  peer_id uuid NOT NULL REFERENCES analysis_subjects (id) ON DELETE CASCADE,
  PRIMARY KEY (subject_id, peer_id),
  CHECK (subject_id <> peer_id)
);
CREATE INDEX analysis_subject_peers_peer_idx ON analysis_subject_peers (peer_id);

-- 年度ごとの数値 (収入の内訳, 支出の内訳, 職員数, 資産): one row per subject, fiscal year and item (codes in
-- common/analysis/figure-items.ts). A missing row is a missing figure, never 0: a 0 is a row with value 0.
CREATE TABLE analysis_figures (
  subject_id uuid NOT NULL REFERENCES analysis_subjects (id) ON DELETE CASCADE,
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2100),
  item text NOT NULL CHECK (item ~ '^[a-z]+\.[a-z_]+$'),
  value numeric(18, 2) NOT NULL CHECK (value >= 0),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  -- entered on the page / imported from a file
  source text NOT NULL DEFAULT 'entered' CHECK (source IN ('entered', 'imported')),
  is_sample boolean NOT NULL DEFAULT false,
  updated_by uuid REFERENCES users (id) ON DELETE SET NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (subject_id, fiscal_year, item)
);

-- 活動指標 (相談件数, 参加者数, 研究成果, 学生数 …): the subject's own measures. A linked one (linked_figure, e.g.
-- sdgs.consultations) is read from its module's index and never typed; is_cost_basis: 単位あたりコスト is computed on it.
CREATE TABLE analysis_measures (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  subject_id uuid NOT NULL REFERENCES analysis_subjects (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  unit text NOT NULL CHECK (length(unit) BETWEEN 1 AND 20),
  linked_figure text CHECK (linked_figure ~ '^[a-z]+\.[a-z_]+$'),
  is_cost_basis boolean NOT NULL DEFAULT false,
  sort_order integer NOT NULL DEFAULT 0,
  UNIQUE (subject_id, name),
  UNIQUE (subject_id, linked_figure)
);

CREATE TABLE analysis_measure_values (
  measure_id uuid NOT NULL REFERENCES analysis_measures (id) ON DELETE CASCADE,
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2100),
  value numeric(18, 2) NOT NULL CHECK (value >= 0),
  source text NOT NULL DEFAULT 'entered' CHECK (source IN ('entered', 'imported')),
  is_sample boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (measure_id, fiscal_year)
);

-- 施設: built_year gives the facility's age in any fiscal year (築年数 at the year's end, 3/31).
CREATE TABLE analysis_facilities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  subject_id uuid NOT NULL REFERENCES analysis_subjects (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  built_year integer NOT NULL CHECK (built_year BETWEEN 1850 AND 2100),
  floor_area_m2 numeric(12, 2) CHECK (floor_area_m2 > 0),
  last_renovated_year integer CHECK (last_renovated_year BETWEEN 1850 AND 2100),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  is_sample boolean NOT NULL DEFAULT false,
  sort_order integer NOT NULL DEFAULT 0,
  UNIQUE (subject_id, name),
  CHECK (last_renovated_year IS NULL OR last_renovated_year >= built_year)
);

-- 経営分析: one per subject and fiscal year. The decision is the chosen option (継続 / 見直し / 統合 / 民間移行 / 廃止)
-- with its date; a decided analysis keeps both.
CREATE TABLE analysis_reviews (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  subject_id uuid NOT NULL REFERENCES analysis_subjects (id) ON DELETE RESTRICT,
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2100),
  summary text NOT NULL DEFAULT '' CHECK (length(summary) <= 8000),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'decided')),
  chosen_option text CHECK (chosen_option IN ('continue', 'revise', 'integrate', 'privatise', 'abolish')),
  decision text NOT NULL DEFAULT '' CHECK (length(decision) <= 8000),
  decided_on date,
  -- 決定した会議体 (e.g. 市政変革推進会議)
  decided_by text NOT NULL DEFAULT '' CHECK (length(decided_by) <= 120),
  is_sample boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (subject_id, fiscal_year),
  CHECK ((status = 'decided') = (chosen_option IS NOT NULL AND decided_on IS NOT NULL))
);
CREATE INDEX analysis_reviews_year_idx ON analysis_reviews (fiscal_year);

-- 視点ごとの分析結果 (必要性 / 役割 / 効率性・有効性 / 運営体制 / 財務): each finding names the indicators (and so the
-- charts) it rests on (indicator keys of common/analysis/indicators.ts).
CREATE TABLE analysis_findings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  review_id uuid NOT NULL REFERENCES analysis_reviews (id) ON DELETE CASCADE,
  viewpoint text NOT NULL CHECK (viewpoint IN ('necessity', 'role', 'efficiency', 'governance', 'finance')),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 8000),
  -- 評価: 適切 / 課題あり / 要改善
  assessment text CHECK (assessment IN ('adequate', 'issue', 'improve')),
  indicators jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(indicators) = 'array'),
  sort_order integer NOT NULL DEFAULT 0
);
CREATE INDEX analysis_findings_review_idx ON analysis_findings (review_id, viewpoint, sort_order);

-- 選択肢の検討: each option considered, with its assessment.
CREATE TABLE analysis_options (
  review_id uuid NOT NULL REFERENCES analysis_reviews (id) ON DELETE CASCADE,
  option text NOT NULL CHECK (option IN ('continue', 'revise', 'integrate', 'privatise', 'abolish')),
  assessment text NOT NULL DEFAULT '' CHECK (length(assessment) <= 4000),
  PRIMARY KEY (review_id, option)
);

-- 今後の取組 (follow-up actions): an owner division and/or an outside owner, a due date, tracked to done in later years.
CREATE TABLE analysis_actions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  review_id uuid NOT NULL REFERENCES analysis_reviews (id) ON DELETE CASCADE,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  detail text NOT NULL DEFAULT '' CHECK (length(detail) <= 4000),
  owner_organisation_id uuid REFERENCES organisations (id) ON DELETE SET NULL,
  owner_name text NOT NULL DEFAULT '' CHECK (length(owner_name) <= 80),
  due_on date,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
  done_on date,
  result text NOT NULL DEFAULT '' CHECK (length(result) <= 4000),
  is_sample boolean NOT NULL DEFAULT false,
  sort_order integer NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'done') = (done_on IS NOT NULL))
);
CREATE INDEX analysis_actions_review_idx ON analysis_actions (review_id, sort_order);
CREATE INDEX analysis_actions_open_idx ON analysis_actions (status, due_on);
