-- アクセス解析 (issue 17, region module): the sample visits a first start loads are marked, like every other sample
-- record, so that they can be told apart (the dashboard says how many of a period's visits are samples) and removed.
-- A visit still holds no address, no user agent and no cookie: only the daily visitor hash (0016_region.sql).
ALTER TABLE region_visits ADD COLUMN is_sample boolean NOT NULL DEFAULT false;
