-- Platform: organisations, users, sessions, setup tokens, rate limits, audit log, search index, jobs, files.

CREATE TABLE organisations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  parent_id uuid REFERENCES organisations (id),
  kind text NOT NULL CHECK (kind IN ('municipality', 'bureau', 'department', 'division', 'external')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  code text UNIQUE CHECK (code ~ '^[A-Za-z0-9_-]{1,40}$'),
  sort_order integer NOT NULL DEFAULT 0,
  is_sample boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE UNIQUE INDEX organisations_sibling_name ON organisations (coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), name);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  login_id text NOT NULL UNIQUE CHECK (login_id = lower(login_id) AND length(login_id) BETWEEN 3 AND 100),
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
  email text,
  password_hash text,
  role text NOT NULL CHECK (role IN ('admin', 'editor', 'viewer', 'partner')),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  disabled boolean NOT NULL DEFAULT false,
  failed_login_count integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  password_changed_at timestamptz,
  last_login_at timestamptz,
  is_sample boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Only the SHA-256 of a session token is stored: a leaked table gives no usable sessions.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE setup_tokens (
  token_hash text PRIMARY KEY,
  purpose text NOT NULL CHECK (purpose IN ('first-admin')),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);

-- Fixed-window counters shared by every server process (login attempts per IP and per account).
CREATE TABLE rate_limit_counters (
  bucket text NOT NULL,
  window_start timestamptz NOT NULL,
  hits integer NOT NULL DEFAULT 0,
  PRIMARY KEY (bucket, window_start)
);

CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  actor_user_id uuid,
  actor_label text NOT NULL,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text,
  summary text NOT NULL DEFAULT '',
  before jsonb,
  after jsonb,
  request_id text
);
CREATE INDEX audit_log_occurred ON audit_log (occurred_at DESC);
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id);
CREATE INDEX audit_log_actor ON audit_log (actor_user_id);

CREATE FUNCTION reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION reject_change();

-- Cross-module search: NFKC-normalised character bigrams built in Node (pg_trgm misses Japanese).
CREATE TABLE search_documents (
  module text NOT NULL,
  entity_type text NOT NULL,
  entity_id text NOT NULL,
  title text NOT NULL,
  body text NOT NULL DEFAULT '',
  url text NOT NULL,
  organisation_id uuid,
  visibility text NOT NULL CHECK (visibility IN ('public', 'staff')),
  bigrams text[] NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (module, entity_type, entity_id)
);
CREATE INDEX search_documents_bigrams ON search_documents USING gin (bigrams);

-- Progress of long work; the job itself lives in pg-boss's queue under the same id.
CREATE TABLE job_runs (
  id uuid PRIMARY KEY,
  kind text NOT NULL,
  status text NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
  progress integer NOT NULL DEFAULT 0,
  total integer,
  message text NOT NULL DEFAULT '',
  result jsonb,
  error text,
  attempts integer NOT NULL DEFAULT 0,
  -- the process that ran the latest attempt (host:pid), to see where work happened
  worker text,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX job_runs_created_by ON job_runs (created_by, created_at DESC);

-- Uploaded and generated files live in the database so that any server process can serve them.
CREATE TABLE files (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  mime_type text NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes >= 0),
  sha256 text NOT NULL,
  content bytea NOT NULL,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE app_settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- One row per tabular import that was applied, written in the same transaction as its rows: a retried or
-- repeated upload of the same file is recognised instead of being applied twice.
CREATE TABLE tabular_imports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL,
  file_sha256 text NOT NULL,
  file_name text NOT NULL,
  row_count integer NOT NULL,
  job_id uuid,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (kind, file_sha256)
);
