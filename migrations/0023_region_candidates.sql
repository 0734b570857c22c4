-- 連携事業の候補 (issue 18, 課題B(3)): candidate joint projects that the city's departments propose — the seed's
-- 「連携の可能性の高い部門と意見交換」 — carried step by step (提案受付 → 部門と意見交換 → 相手自治体と協議 →
-- 予算協議（財政） → 事業化 / 見送り) with the day each step was entered, so that a candidate that stalls is seen.
-- The steps and their rules are in src/common/region/candidate-steps.ts.

CREATE TABLE region_candidates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
  -- 提案した部門: the 局 or 課 (organisations of kind bureau / department / division)
  proposing_organisation_id uuid NOT NULL REFERENCES organisations (id),
  -- 連携の相手: a framework, optionally named members (市町 / 相手市) in region_candidate_members
  framework_id uuid NOT NULL REFERENCES region_frameworks (id),
  summary text NOT NULL DEFAULT '' CHECK (length(summary) <= 4000),
  -- 期待される効果
  expected_effect text NOT NULL DEFAULT '' CHECK (length(expected_effect) <= 2000),
  -- 連携が進まない理由: 手間 / 経費 / 分担割合 / その他, and its note
  obstacle text NOT NULL CHECK (obstacle IN ('effort', 'cost', 'share', 'other')),
  obstacle_note text NOT NULL DEFAULT '' CHECK (length(obstacle_note) <= 2000),
  step text NOT NULL DEFAULT 'proposed'
    CHECK (step IN ('proposed', 'department_dialogue', 'partner_consultation', 'budget_consultation', 'adopted', 'dropped')),
  -- the day the current step was entered (the newest history row's entered_on)
  step_since date NOT NULL,
  -- 事業化: the joint project made from it (region_projects, status 構想, made in the same transaction)
  adopted_project_id uuid UNIQUE REFERENCES region_projects (id) ON DELETE SET NULL,
  is_sample boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (adopted_project_id IS NULL OR step = 'adopted')
);
CREATE INDEX region_candidates_step_idx ON region_candidates (step, step_since);
CREATE INDEX region_candidates_organisation_idx ON region_candidates (proposing_organisation_id);
CREATE INDEX region_candidates_framework_idx ON region_candidates (framework_id);

-- 連携の相手として名前の挙がった構成団体 (none = the framework as a whole)
CREATE TABLE region_candidate_members (
  candidate_id uuid NOT NULL REFERENCES region_candidates (id) ON DELETE CASCADE,
  member_id uuid NOT NULL REFERENCES region_framework_members (id),
  PRIMARY KEY (candidate_id, member_id)
);
CREATE INDEX region_candidate_members_member_idx ON region_candidate_members (member_id);

-- 段階の履歴 (append-only): every step a candidate entered, the day, who recorded it and the note — the 意見交換
-- with the department, the partner's answer, the 財政 consultation, the reason of a skip, a return or a 見送り.
CREATE TABLE region_candidate_steps (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  candidate_id uuid NOT NULL REFERENCES region_candidates (id) ON DELETE CASCADE,
  step text NOT NULL
    CHECK (step IN ('proposed', 'department_dialogue', 'partner_consultation', 'budget_consultation', 'adopted', 'dropped')),
  -- 提案 / 次の段階へ / 段階を飛ばして先へ / 前の段階へ戻す / 事業化 / 見送り
  move_kind text NOT NULL CHECK (move_kind IN ('submitted', 'forward', 'skip', 'back', 'adopted', 'dropped')),
  entered_on date NOT NULL,
  recorded_by uuid REFERENCES users (id),
  -- the recorder's name as it was (the history stays readable after a user is renamed or removed)
  recorded_by_label text NOT NULL CHECK (length(recorded_by_label) BETWEEN 1 AND 100),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  -- required for a skip, a return and a 見送り (the service checks it; the database holds it too)
  reason text NOT NULL DEFAULT '' CHECK (length(reason) <= 2000),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (move_kind NOT IN ('skip', 'back', 'dropped') OR length(btrim(reason)) > 0)
);
CREATE INDEX region_candidate_steps_candidate_idx ON region_candidate_steps (candidate_id, id);
CREATE TRIGGER region_candidate_steps_append_only BEFORE UPDATE ON region_candidate_steps
  FOR EACH ROW EXECUTE FUNCTION reject_change();
