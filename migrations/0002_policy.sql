-- 局区方針 (policy module): documents per bureau and fiscal year, challenges, dated progress history.

-- 進捗ステータス: configurable list (default 未着手/順調/一部遅れ/大幅遅れ/完了/中止).
CREATE TABLE policy_statuses (
  label text PRIMARY KEY CHECK (length(label) BETWEEN 1 AND 20),
  sort_order integer NOT NULL,
  tone text NOT NULL DEFAULT 'neutral' CHECK (tone IN ('neutral', 'good', 'warning', 'danger', 'done')),
  active boolean NOT NULL DEFAULT true
);
INSERT INTO policy_statuses (label, sort_order, tone) VALUES
  ('未着手', 1, 'neutral'), ('順調', 2, 'good'), ('一部遅れ', 3, 'warning'),
  ('大幅遅れ', 4, 'danger'), ('完了', 5, 'done'), ('中止', 6, 'neutral');

CREATE TABLE policy_documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 1989 AND 2200),
  bureau_name text NOT NULL,
  overview_title text NOT NULL DEFAULT '',
  title text NOT NULL,
  mission_heading text NOT NULL DEFAULT '',
  mission text NOT NULL DEFAULT '',
  challenges_heading text NOT NULL DEFAULT '',
  areas jsonb NOT NULL DEFAULT '[]',
  categories jsonb NOT NULL DEFAULT '[]',
  overview jsonb NOT NULL DEFAULT '[]',
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  published_at timestamptz,
  published_by uuid REFERENCES users (id),
  source_text text,
  is_sample boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organisation_id, fiscal_year)
);

CREATE TABLE policy_challenges (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  document_id uuid NOT NULL REFERENCES policy_documents (id) ON DELETE CASCADE,
  code text NOT NULL CHECK (code ~ '^[A-Z]\([0-9]+\)$'),
  area_code text NOT NULL,
  number integer NOT NULL CHECK (number > 0),
  category text,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  content text NOT NULL DEFAULT '',
  background text NOT NULL DEFAULT '',
  approach_heading text NOT NULL DEFAULT '課題に対する取組み',
  approach text NOT NULL DEFAULT '',
  analysis_note text,
  analysis_year integer,
  owner_organisation_id uuid REFERENCES organisations (id),
  sort_order integer NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (document_id, code)
);
CREATE INDEX policy_challenges_owner ON policy_challenges (owner_organisation_id);

-- ⑤ 進捗: append-only history; a new as-of date (or a correction) is a new row, never an overwrite.
CREATE TABLE policy_progress_entries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  challenge_id uuid NOT NULL REFERENCES policy_challenges (id) ON DELETE CASCADE,
  as_of date NOT NULL,
  as_of_label text NOT NULL,
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
  status text REFERENCES policy_statuses (label),
  author_user_id uuid REFERENCES users (id),
  author_label text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX policy_progress_challenge ON policy_progress_entries (challenge_id, as_of DESC, created_at DESC);
CREATE TRIGGER policy_progress_no_update BEFORE UPDATE ON policy_progress_entries
  FOR EACH ROW EXECUTE FUNCTION reject_change();
