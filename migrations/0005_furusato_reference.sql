-- ふるさと納税 全国比較（参考データ）: 総務省「ふるさと納税に関する現況調査結果」, one row per 団体 per 年度.
-- Public reference figures, replaced as a whole by `yokogushi furusato reference load DIR` (one transaction).
-- 出典：総務省 ふるさと納税に関する現況調査結果 (CC BY 4.0).
CREATE TABLE furusato_reference_figures (
  -- 団体コード (6 digits with check digit; 都道府県 = XX000C)
  body_code text NOT NULL CHECK (body_code ~ '^[0-9]{6}$'),
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2100),
  prefecture text NOT NULL CHECK (length(prefecture) BETWEEN 1 AND 10),
  -- '' for the prefecture itself
  municipality text NOT NULL DEFAULT '',
  -- 受入件数・受入額 (円)
  donation_count bigint NOT NULL CHECK (donation_count >= 0),
  donation_amount bigint NOT NULL CHECK (donation_amount >= 0),
  -- 'yen' (detailed 現況調査, FY2016–) or 'thousand' (the rough time series in 千円, FY2008–FY2015)
  amount_precision text NOT NULL CHECK (amount_precision IN ('yen', 'thousand')),
  -- 募集等に伴う費用 (円): null when the source has no cost breakdown
  cost_procurement bigint,
  cost_shipping bigint,
  cost_publicity bigint,
  cost_payment bigint,
  cost_administration bigint,
  cost_other bigint,
  cost_total bigint,
  source_file text NOT NULL,
  loaded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (body_code, fiscal_year),
  CHECK ((cost_total IS NULL) = (cost_procurement IS NULL))
);

CREATE INDEX furusato_reference_figures_year ON furusato_reference_figures (fiscal_year);
