-- 特区 (issue 18): the city's 国家戦略特区 regulatory-reform proposals (規制改革・グレーゾーン解消), with their partners
-- (universities, companies), the regulations that block the business, the append-only history of their path through
-- the state machine (common/zones/proposal-states.ts: 調査研究 → 事前相談 → 提案 → 検討要請 → 回答 → 再検討要請 … →
-- WGヒアリング → 措置方針 → 法令・告示 措置 → 区域計画 → 認定 → 事業実施 → 評価; ends 取下げ / 不採用 / 解消), and their
-- documents and evidence files. The lists of codes below are the same as in common/zones/*.ts.

CREATE TABLE zones_proposals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  -- 分野: 宇宙 / ディープテック / ドローン・空飛ぶクルマ / 水素・エネルギー / ロボット / ヘルスケア / その他
  field text NOT NULL CHECK (field IN ('space', 'deeptech', 'drone_air_mobility', 'hydrogen_energy', 'robotics', 'healthcare', 'other')),
  summary text NOT NULL DEFAULT '' CHECK (length(summary) <= 4000),
  -- 措置の範囲: 区域限定 / 全国
  measure_scope text NOT NULL CHECK (measure_scope IN ('zone_only', 'nationwide')),
  -- 措置の種類: 規制改革 / グレーゾーン解消
  measure_kind text NOT NULL CHECK (measure_kind IN ('regulatory_reform', 'grey_zone')),
  business_plan text NOT NULL DEFAULT '' CHECK (length(business_plan) <= 8000),
  necessity text NOT NULL DEFAULT '' CHECK (length(necessity) <= 8000),
  research_notes text NOT NULL DEFAULT '' CHECK (length(research_notes) <= 8000),
  -- the current state and the day it was entered: always those of the last step (kept by the service in the move's
  -- transaction; the trigger below refuses a state that is not the last step's)
  state text NOT NULL DEFAULT 'research' CHECK (state IN (
    'research', 'consultation', 'proposal', 'request', 'answer', 're_request', 'wg_hearing', 'policy', 'legal_measure',
    'zone_plan', 'certification', 'implementation', 'evaluation', 'withdrawn', 'rejected', 'resolved')),
  state_since date NOT NULL,
  is_sample boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX zones_proposals_state_idx ON zones_proposals (state, state_since);
CREATE INDEX zones_proposals_field_idx ON zones_proposals (field);

-- 連携先: universities, companies, research institutes named on the proposal (no login).
CREATE TABLE zones_proposal_partners (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  proposal_id uuid NOT NULL REFERENCES zones_proposals (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  kind text NOT NULL CHECK (kind IN ('university', 'company', 'research_institute', 'other')),
  role text NOT NULL DEFAULT '' CHECK (length(role) <= 200),
  sort_order integer NOT NULL DEFAULT 0,
  UNIQUE (proposal_id, name)
);

-- 規制の根拠法令等・所管省庁: the rules that block the business (several per proposal).
CREATE TABLE zones_proposal_regulations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  proposal_id uuid NOT NULL REFERENCES zones_proposals (id) ON DELETE CASCADE,
  law text NOT NULL CHECK (length(law) BETWEEN 1 AND 120),
  article text NOT NULL DEFAULT '' CHECK (length(article) <= 120),
  ministry text NOT NULL CHECK (length(ministry) BETWEEN 1 AND 60),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
  sort_order integer NOT NULL DEFAULT 0
);
CREATE INDEX zones_proposal_regulations_proposal_idx ON zones_proposal_regulations (proposal_id);

-- 手続の経過: append-only. Each step has its date, its round (requests and answers), the answer's kind (回答 only), the
-- reason a step was skipped (null for a natural move) and who recorded it. seq orders the steps (same-day steps too).
CREATE TABLE zones_proposal_steps (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  proposal_id uuid NOT NULL REFERENCES zones_proposals (id) ON DELETE CASCADE,
  seq integer NOT NULL CHECK (seq >= 1),
  state text NOT NULL CHECK (state IN (
    'research', 'consultation', 'proposal', 'request', 'answer', 're_request', 'wg_hearing', 'policy', 'legal_measure',
    'zone_plan', 'certification', 'implementation', 'evaluation', 'withdrawn', 'rejected', 'resolved')),
  step_date date NOT NULL,
  round integer CHECK (round >= 1),
  answer text CHECK (answer IN ('possible', 'conditional', 'nationwide', 'already_possible', 'impossible')),
  skip_reason text CHECK (skip_reason IS NULL OR length(skip_reason) BETWEEN 1 AND 1000),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  recorded_by uuid REFERENCES users (id) ON DELETE SET NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  is_sample boolean NOT NULL DEFAULT false,
  UNIQUE (proposal_id, seq),
  -- an answer has its kind and a round; no other step has a kind; requests and answers have a round, others none
  CHECK ((state = 'answer') = (answer IS NOT NULL)),
  CHECK ((state IN ('request', 're_request', 'answer')) = (round IS NOT NULL)),
  CHECK (state <> 'request' OR round = 1),
  CHECK (state <> 're_request' OR round >= 2)
);

-- The history is append-only: a step is never changed, and deleted only with its proposal (the cascade runs after the
-- proposal's row is gone).
CREATE FUNCTION zones_steps_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    RAISE EXCEPTION 'zones_proposal_steps is append-only' USING ERRCODE = 'check_violation';
  END IF;
  IF EXISTS (SELECT 1 FROM zones_proposals WHERE id = OLD.proposal_id) THEN
    RAISE EXCEPTION 'zones_proposal_steps is append-only' USING ERRCODE = 'check_violation';
  END IF;
  RETURN OLD;
END
$$;
CREATE TRIGGER zones_proposal_steps_append_only BEFORE UPDATE OR DELETE ON zones_proposal_steps
  FOR EACH ROW EXECUTE FUNCTION zones_steps_append_only();

-- A proposal's state and state_since are those of its last step (checked at commit, so that the step and the
-- proposal are written in either order inside one transaction).
CREATE FUNCTION zones_proposal_state_matches() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  pid uuid := (to_jsonb(NEW) ->> TG_ARGV[0])::uuid;
  last_state text;
  last_date date;
  p_state text;
  p_since date;
BEGIN
  SELECT state, state_since INTO p_state, p_since FROM zones_proposals WHERE id = pid;
  IF NOT FOUND THEN RETURN NULL; END IF;
  SELECT state, step_date INTO last_state, last_date FROM zones_proposal_steps WHERE proposal_id = pid ORDER BY seq DESC LIMIT 1;
  IF NOT FOUND OR last_state <> p_state OR last_date <> p_since THEN
    RAISE EXCEPTION 'a proposal''s state must be its last step''s' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER zones_proposals_state_matches AFTER INSERT OR UPDATE ON zones_proposals
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION zones_proposal_state_matches('id');
CREATE CONSTRAINT TRIGGER zones_proposal_steps_state_matches AFTER INSERT ON zones_proposal_steps
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION zones_proposal_state_matches('proposal_id');

-- 書類・根拠資料: files kept with a proposal (owner kind zones.proposal), optionally attached to one of its steps.
CREATE TABLE zones_proposal_documents (
  file_id uuid PRIMARY KEY REFERENCES files (id) ON DELETE CASCADE,
  proposal_id uuid NOT NULL REFERENCES zones_proposals (id) ON DELETE CASCADE,
  step_id uuid REFERENCES zones_proposal_steps (id) ON DELETE SET NULL,
  -- 書類 (提案書・回答書・会議資料) / 根拠資料 (調査研究のエビデンス)
  category text NOT NULL CHECK (category IN ('document', 'evidence')),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 200),
  is_sample boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX zones_proposal_documents_proposal_idx ON zones_proposal_documents (proposal_id);

-- The file owner checks take the new kind. The constraints are extended from their current definition (not restated),
-- so that kinds added by migrations written at the same time (meetings, joint projects) are kept whatever the order.
DO $$
DECLARE
  kind_def text;
  purpose_def text;
BEGIN
  SELECT pg_get_constraintdef(oid) INTO kind_def FROM pg_constraint WHERE conrelid = 'files'::regclass AND conname = 'files_owner_kind';
  SELECT pg_get_constraintdef(oid) INTO purpose_def FROM pg_constraint WHERE conrelid = 'files'::regclass AND conname = 'files_owner_purpose';
  ALTER TABLE files DROP CONSTRAINT files_owner_kind;
  ALTER TABLE files DROP CONSTRAINT files_owner_purpose;
  EXECUTE format('ALTER TABLE files ADD CONSTRAINT files_owner_kind CHECK (owner_kind = %L OR %s)',
    'zones.proposal', substring(kind_def FROM '^CHECK (.*)$'));
  EXECUTE format('ALTER TABLE files ADD CONSTRAINT files_owner_purpose CHECK ((owner_kind = %L AND purpose IN (%L, %L)) OR %s)',
    'zones.proposal', 'attachment', 'evidence', substring(purpose_def FROM '^CHECK (.*)$'));
END
$$;

-- A file's owner is not a foreign key: deleting a proposal deletes its files here (as 0013 does for 国際).
CREATE FUNCTION zones_delete_owned_files() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM files WHERE owner_kind = TG_ARGV[0] AND owner_id = OLD.id;
  RETURN OLD;
END
$$;
CREATE TRIGGER zones_proposals_delete_files AFTER DELETE ON zones_proposals
  FOR EACH ROW EXECUTE FUNCTION zones_delete_owned_files('zones.proposal');
