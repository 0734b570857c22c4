-- The 国際 totals read one fiscal year's money of every running project: this index answers them from the index
-- alone, in project order (international_project_years' key starts with the project, so it could not).
CREATE INDEX international_project_years_year ON international_project_years (fiscal_year, project_id) INCLUDE (budget, settled);
