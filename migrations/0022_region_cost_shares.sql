-- 負担金 (issue 18): versioned cost-share rules of a joint project and the computations made with them.
-- A rule is a name under a project; its versions are append-only (editing a rule makes a new version, an older one
-- never changes). A computation keeps everything it was made from (the rule version, total, 特定財源, every input
-- figure with its basis and source) and its result per member and component, as it was computed: append-only too.

-- 負担金の算定ルール
CREATE TABLE region_cost_rules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id uuid NOT NULL REFERENCES region_projects (id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
  is_sample boolean NOT NULL DEFAULT false,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (project_id, name)
);

-- the rule's versions: components (JSON checked by the zod schema of src/common/region/cost-share.ts), rounding and
-- the member that takes the remainder
CREATE TABLE region_cost_rule_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  rule_id uuid NOT NULL REFERENCES region_cost_rules (id),
  version integer NOT NULL CHECK (version >= 1),
  -- the fiscal year the version applies from (適用年度)
  applies_from_fiscal_year integer NOT NULL CHECK (applies_from_fiscal_year BETWEEN 1989 AND 2100),
  components jsonb NOT NULL CHECK (jsonb_typeof(components) = 'array' AND jsonb_array_length(components) >= 1),
  rounding_unit integer NOT NULL CHECK (rounding_unit IN (1, 10, 100, 1000)),
  rounding_method text NOT NULL CHECK (rounding_method IN ('floor', 'round', 'ceil')),
  -- 端数調整団体
  remainder_member_id uuid NOT NULL REFERENCES region_framework_members (id),
  -- why this version (条例改正, 協議の結果 …)
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  is_sample boolean NOT NULL DEFAULT false,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (rule_id, version)
);
CREATE TRIGGER region_cost_rule_versions_append_only BEFORE UPDATE OR DELETE ON region_cost_rule_versions
  FOR EACH ROW EXECUTE FUNCTION reject_change();

-- 負担金の算定結果: the inputs and the result as they were
CREATE TABLE region_cost_computations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id uuid NOT NULL REFERENCES region_projects (id),
  rule_version_id uuid NOT NULL REFERENCES region_cost_rule_versions (id),
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 1989 AND 2100),
  title text NOT NULL DEFAULT '' CHECK (length(title) <= 120),
  total bigint NOT NULL CHECK (total >= 0),
  -- 特定財源: [{label, amount}]
  deductions jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(deductions) = 'array'),
  amount_to_share bigint NOT NULL CHECK (amount_to_share >= 0),
  -- every figure used: [{key, label, memberId, memberName, value, source}] (source: 住民基本台帳（…現在）・出典, or 入力値)
  inputs jsonb NOT NULL CHECK (jsonb_typeof(inputs) = 'array'),
  -- the engine's result: components, members with their lines (figure, ratio, raw and rounded amount), adjustments
  result jsonb NOT NULL,
  is_sample boolean NOT NULL DEFAULT false,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX region_cost_computations_project_idx ON region_cost_computations (project_id, created_at DESC);
CREATE TRIGGER region_cost_computations_append_only BEFORE UPDATE OR DELETE ON region_cost_computations
  FOR EACH ROW EXECUTE FUNCTION reject_change();

-- each member's share of a computation, as a row (for lists and sums in SQL)
CREATE TABLE region_cost_computation_shares (
  computation_id uuid NOT NULL REFERENCES region_cost_computations (id),
  member_id uuid NOT NULL REFERENCES region_framework_members (id),
  member_name text NOT NULL,
  share bigint NOT NULL,
  adjustment bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (computation_id, member_id)
);
CREATE TRIGGER region_cost_computation_shares_append_only BEFORE UPDATE OR DELETE ON region_cost_computation_shares
  FOR EACH ROW EXECUTE FUNCTION reject_change();
