-- A training budget of 0: no share of it can be computed, so
-- um_share_percent and um_assigned_percent are left empty (cli.md: a
-- figure that cannot be computed is left empty), while the money spent
-- (500) and assigned (0) are figures.
INSERT INTO budgets (fiscal_year, training_budget_cents, um_assigned_cents)
 VALUES ('2026-27', 0, 0);
INSERT INTO spending (fiscal_year, category, amount_cents, note)
 VALUES ('2026-27', 'counseling', 500, NULL);
