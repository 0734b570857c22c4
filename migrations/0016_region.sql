-- 北九州都市圏域 information hub (issue 17): the 18 市町 with their codes and populations, the 自治体標準オープン
-- データセット each 市町 publishes, imported into one item table, curated by the 市町's own editors (partner logins of
-- the 市町's organisation) and the bureau's region editors, and published on the hub's public pages. Visits are counted
-- without cookies and without IP addresses (a daily salted hash); promotion campaigns carry their own tag.
-- The bureau that runs the hub is the app setting region.bureauId (政策局).

-- 市町: the 6-digit 全国地方公共団体コード (with its check digit) is the key every file and rule names.
CREATE TABLE region_municipalities (
  code char(6) PRIMARY KEY CHECK (code ~ '^[0-9]{6}$'),
  name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 20),
  kana text NOT NULL CHECK (length(kana) BETWEEN 1 AND 40),
  name_en text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 60),
  -- 政令指定都市 / 市 / 町
  kind text NOT NULL CHECK (kind IN ('designated_city', 'city', 'town')),
  -- 郡 (towns only)
  district text CHECK (length(district) <= 20),
  -- when it joined the 連携中枢都市圏 (連携協約)
  joined_on date,
  -- the organisation whose partner logins are this 市町's editors (one per 市町)
  organisation_id uuid UNIQUE REFERENCES organisations (id) ON DELETE SET NULL,
  sort_order integer NOT NULL DEFAULT 0,
  is_sample boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- 人口: a figure with its basis and date, because cost-sharing rules name which one they use.
CREATE TABLE region_populations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_code char(6) NOT NULL REFERENCES region_municipalities (code) ON UPDATE CASCADE,
  -- 国勢調査 / 住民基本台帳 (3/31, 12/31, or another date: the date says which) / 推計人口
  basis text NOT NULL CHECK (basis IN ('census', 'resident_register', 'estimate')),
  as_of date NOT NULL,
  population integer NOT NULL CHECK (population BETWEEN 0 AND 100000000),
  source text NOT NULL DEFAULT '' CHECK (length(source) <= 200),
  is_sample boolean NOT NULL DEFAULT false,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (municipality_code, basis, as_of)
);

-- One file taken in: what the pipeline found (encoding, header generation) and what came of it.
CREATE TABLE region_imports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_code char(6) NOT NULL REFERENCES region_municipalities (code) ON UPDATE CASCADE,
  dataset text NOT NULL,
  file_id uuid REFERENCES files (id) ON DELETE SET NULL,
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  encoding text NOT NULL,
  header_generation text NOT NULL,
  rows_read integer NOT NULL DEFAULT 0,
  created_count integer NOT NULL DEFAULT 0,
  updated_count integer NOT NULL DEFAULT 0,
  unchanged_count integer NOT NULL DEFAULT 0,
  problem_count integer NOT NULL DEFAULT 0,
  -- lines that were not data: [{ line, reason }]
  skipped jsonb NOT NULL DEFAULT '[]',
  is_sample boolean NOT NULL DEFAULT false,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX region_imports_municipality ON region_imports (municipality_code, created_at DESC);

-- An item of a dataset (a 観光施設, an イベント …). `fields` holds the 正式版 columns by their Japanese name (the
-- export's source); the columns beside it are the hub's projection of them for search, filters, map and calendar.
-- `original` is the row as the file had it ({ fileName, rowNumber, header, values }), so an editor sees its source.
CREATE TABLE region_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_code char(6) NOT NULL REFERENCES region_municipalities (code) ON UPDATE CASCADE,
  dataset text NOT NULL,
  -- the publisher's ID column (unique within the 市町 and dataset); NULL for an item an editor added by hand
  source_id text CHECK (length(source_id) <= 100),
  origin text NOT NULL CHECK (origin IN ('import', 'editor')),
  fields jsonb NOT NULL DEFAULT '{}',
  original jsonb,
  import_id uuid REFERENCES region_imports (id) ON DELETE SET NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  name_kana text NOT NULL DEFAULT '',
  name_en text NOT NULL DEFAULT '',
  description text NOT NULL DEFAULT '',
  description_en text NOT NULL DEFAULT '',
  -- 種別 / カテゴリ as the dataset names it
  category text NOT NULL DEFAULT '',
  address text NOT NULL DEFAULT '',
  lat double precision CHECK (lat BETWEEN -90 AND 90),
  lon double precision CHECK (lon BETWEEN -180 AND 180),
  -- events: 開始日/終了日 and times (hh:mm); facilities: opening hours and 利用可能曜日
  start_date date,
  end_date date,
  start_time text CHECK (start_time ~ '^[0-2][0-9]:[0-5][0-9]$'),
  end_time text CHECK (end_time ~ '^[0-2][0-9]:[0-5][0-9]$'),
  url text NOT NULL DEFAULT '',
  image_url text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'withdrawn')),
  published_at timestamptz,
  -- 広域のおすすめ: chosen by the bureau's region editors
  featured boolean NOT NULL DEFAULT false,
  featured_at timestamptz,
  -- NFKC bigrams of name, kana, English name, description, address and category (public search)
  bigrams text[] NOT NULL DEFAULT '{}',
  is_sample boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users (id),
  updated_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (municipality_code, dataset, source_id),
  CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);
CREATE INDEX region_items_bigrams ON region_items USING gin (bigrams);
CREATE INDEX region_items_public ON region_items (dataset, municipality_code) WHERE status = 'published';
CREATE INDEX region_items_events ON region_items (start_date, end_date) WHERE status = 'published' AND dataset = 'event';
CREATE INDEX region_items_municipality ON region_items (municipality_code, dataset, status);

-- A row the pipeline could not take: held with its problems until an editor fixes it (it becomes an item) or sets
-- it aside. Nothing is dropped silently.
CREATE TABLE region_import_problems (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  import_id uuid NOT NULL REFERENCES region_imports (id) ON DELETE CASCADE,
  municipality_code char(6) NOT NULL REFERENCES region_municipalities (code) ON UPDATE CASCADE,
  dataset text NOT NULL,
  row_number integer NOT NULL,
  source_id text,
  -- { fileName, rowNumber, header, values }
  original jsonb NOT NULL,
  -- the values as far as they were read, by 正式版 column
  fields jsonb NOT NULL DEFAULT '{}',
  -- [{ column, code, message }]
  problems jsonb NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'fixed', 'dismissed')),
  item_id uuid REFERENCES region_items (id) ON DELETE SET NULL,
  resolved_by uuid REFERENCES users (id),
  resolved_at timestamptz,
  is_sample boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX region_import_problems_open ON region_import_problems (municipality_code, status, created_at DESC);

-- Promotion campaigns (SNS posts, videos …): each has its own tag, carried by its link into the hub (?c=<tag>), so
-- visits are attributed to it.
CREATE TABLE region_campaigns (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  channel text NOT NULL CHECK (channel IN ('x', 'instagram', 'tiktok', 'youtube', 'line', 'facebook', 'web', 'print', 'other')),
  kind text NOT NULL CHECK (kind IN ('post', 'video', 'ad', 'other')),
  tag text NOT NULL UNIQUE CHECK (tag ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
  -- the hub page the link leads to
  target_path text NOT NULL DEFAULT '/public/region' CHECK (target_path ~ '^/public/region'),
  published_on date NOT NULL,
  ends_on date,
  cost_yen bigint NOT NULL DEFAULT 0 CHECK (cost_yen >= 0),
  notes text NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
  is_sample boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The reach figures the platform reports for a campaign, as of a date (entered, or imported from the platform's CSV).
CREATE TABLE region_campaign_metrics (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_id uuid NOT NULL REFERENCES region_campaigns (id) ON DELETE CASCADE,
  measured_on date NOT NULL,
  impressions bigint CHECK (impressions >= 0),
  reach bigint CHECK (reach >= 0),
  views bigint CHECK (views >= 0),
  engagements bigint CHECK (engagements >= 0),
  link_clicks bigint CHECK (link_clicks >= 0),
  source text NOT NULL DEFAULT 'entered' CHECK (source IN ('entered', 'import')),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (campaign_id, measured_on)
);

-- Analytics without cookies: a visitor is sha256(daily salt + user agent + client address), the salt is 16 random
-- bytes per day, and salts older than 48 hours are deleted, so a hash cannot be tied to a person or linked across days.
CREATE TABLE region_visit_salts (
  day date PRIMARY KEY,
  salt bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- One page view of the public hub. No address, no user agent, no cookie: the visitor hash only.
CREATE TABLE region_visits (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  day date NOT NULL,
  visitor_hash text NOT NULL CHECK (visitor_hash ~ '^[0-9a-f]{32}$'),
  -- the page (path without query), its kind (home, search, item, map, calendar, …) and what it shows
  path text NOT NULL CHECK (length(path) <= 300),
  page_kind text NOT NULL CHECK (length(page_kind) <= 30),
  municipality_code char(6),
  item_id uuid,
  lang text NOT NULL DEFAULT 'ja' CHECK (lang IN ('ja', 'en')),
  -- the referring site's host only (no path, no query)
  referrer_host text NOT NULL DEFAULT '' CHECK (length(referrer_host) <= 255),
  campaign_id uuid REFERENCES region_campaigns (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX region_visits_day ON region_visits (day);
CREATE INDEX region_visits_item ON region_visits (item_id, day) WHERE item_id IS NOT NULL;
CREATE INDEX region_visits_campaign ON region_visits (campaign_id, day) WHERE campaign_id IS NOT NULL;
