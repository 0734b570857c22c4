-- 評価ルール: 「前年度の値」 becomes an explicit choice of the rule (issue 12 item 2). Rule versions stored before
-- it existed graded a round whose 年度 had no value on the newest earlier value; write that into them
-- ("earlierYearValue": "latest"), so a recompute with an old version grades as it did. The meaning of those versions
-- does not change, so the no-update trigger is lifted for this one statement. New installs start with the city's
-- default rule, which says "ungraded" (未評価 until the round's own 年度 has a value).
ALTER TABLE vision_grade_rules DISABLE TRIGGER vision_grade_rules_no_update;
UPDATE vision_grade_rules SET rule = rule || '{"earlierYearValue": "latest"}'::jsonb WHERE rule->>'earlierYearValue' IS NULL;
ALTER TABLE vision_grade_rules ENABLE TRIGGER vision_grade_rules_no_update;
