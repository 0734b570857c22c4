-- Issue 14: the donation list's total and the dashboard's monthly figures without reading the whole ledger on every
-- request (count(*) over 200,000 donations took longer than the rest of the list request; the dashboard's GROUP BY
-- over a year of a 1,000,000-row ledger took 160 ms). furusato_donation_totals holds, per (年度, portal, status,
-- month of donated_on), the number of donations and their amount. One statement trigger on furusato_donations keeps
-- it exact in the same statement as every write (imports, re-sent rows that cancel or move a donation, anonymisation,
-- deletes, a restore, SQL in tests), so every process reads the same committed figures. It is derived data, like an
-- index: a backup leaves it out (the module manifest's derivedTables) and a restore rebuilds it as the donations go
-- back in.
CREATE TABLE furusato_donation_totals (
  fiscal_year integer NOT NULL,
  portal_code text NOT NULL,
  status text NOT NULL,
  -- the first day of donated_on's month
  month date NOT NULL,
  donations bigint NOT NULL,
  amount bigint NOT NULL,
  PRIMARY KEY (fiscal_year, portal_code, status, month)
);

-- One statement's change as deltas per group: +1 and +amount for each new row, -1 and -amount for each old one. An
-- UPDATE that keeps a donation's group and amount (a donor's details, anonymisation) cancels out and touches no
-- totals row. Groups are written in key order, so two writers lock them in the same order (no deadlock between them).
-- A group can fall to zero and stay as a zero row; readers skip those.
CREATE FUNCTION furusato_donation_totals_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM furusato_donation_totals;
    RETURN NULL;
  END IF;
  INSERT INTO furusato_donation_totals AS t (fiscal_year, portal_code, status, month, donations, amount)
  SELECT fiscal_year, portal_code, status, month, sum(n), sum(amount)
    FROM (SELECT fiscal_year, portal_code, status, date_trunc('month', donated_on)::date AS month, 1 AS n, amount::bigint AS amount
            FROM new_rows
          UNION ALL
          SELECT fiscal_year, portal_code, status, date_trunc('month', donated_on)::date, -1, -amount::bigint
            FROM old_rows) AS deltas
   GROUP BY 1, 2, 3, 4
  HAVING sum(n) <> 0 OR sum(amount) <> 0
   ORDER BY 1, 2, 3, 4
  ON CONFLICT (fiscal_year, portal_code, status, month) DO UPDATE
    SET donations = t.donations + EXCLUDED.donations, amount = t.amount + EXCLUDED.amount;
  RETURN NULL;
END
$$;

-- A trigger with transition tables takes one event each; an INSERT has no old rows and a DELETE no new ones, so each
-- names the other side as an empty table of the same shape.
CREATE FUNCTION furusato_donation_totals_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO furusato_donation_totals AS t (fiscal_year, portal_code, status, month, donations, amount)
  SELECT fiscal_year, portal_code, status, date_trunc('month', donated_on)::date, count(*), sum(amount)
    FROM new_rows GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT (fiscal_year, portal_code, status, month) DO UPDATE
    SET donations = t.donations + EXCLUDED.donations, amount = t.amount + EXCLUDED.amount;
  RETURN NULL;
END
$$;

CREATE FUNCTION furusato_donation_totals_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO furusato_donation_totals AS t (fiscal_year, portal_code, status, month, donations, amount)
  SELECT fiscal_year, portal_code, status, date_trunc('month', donated_on)::date, -count(*), -sum(amount)
    FROM old_rows GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT (fiscal_year, portal_code, status, month) DO UPDATE
    SET donations = t.donations + EXCLUDED.donations, amount = t.amount + EXCLUDED.amount;
  RETURN NULL;
END
$$;

CREATE TRIGGER furusato_donation_totals_insert AFTER INSERT ON furusato_donations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION furusato_donation_totals_insert();
CREATE TRIGGER furusato_donation_totals_update AFTER UPDATE ON furusato_donations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION furusato_donation_totals_keep();
CREATE TRIGGER furusato_donation_totals_delete AFTER DELETE ON furusato_donations
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION furusato_donation_totals_delete();
CREATE TRIGGER furusato_donation_totals_truncate AFTER TRUNCATE ON furusato_donations
  FOR EACH STATEMENT EXECUTE FUNCTION furusato_donation_totals_keep();

-- The ledger as it is now.
INSERT INTO furusato_donation_totals (fiscal_year, portal_code, status, month, donations, amount)
SELECT fiscal_year, portal_code, status, date_trunc('month', donated_on)::date, count(*), sum(amount)
  FROM furusato_donations GROUP BY 1, 2, 3, 4;

-- The list's default order (newest first, then 受付番号) read straight from one index, without a sort step.
DROP INDEX furusato_donations_donated;
CREATE INDEX furusato_donations_donated ON furusato_donations (donated_on, order_number);
