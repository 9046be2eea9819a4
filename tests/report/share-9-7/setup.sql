-- The issue's example: 97,000 cents spent of a 1,000,000-cent budget is
-- 9.7 %, not 1.0.  Spending of another year does not count; no
-- um_assigned_cents: its two figures are left empty.
INSERT INTO budgets (fiscal_year, training_budget_cents) VALUES ('2026-27', 1000000);
INSERT INTO spending (fiscal_year, category, amount_cents, note) VALUES
 ('2026-27', 'counseling', 90000, NULL), ('2026-27', 'books', 7000, NULL),
 ('2025-26', 'counseling', 55555, NULL);
