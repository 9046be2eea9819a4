-- rules.md: um_share_percent = spent_cents / training_budget_cents * 100,
-- rounded half up to one decimal.  1 cent of 2,000 is 0.05 %: 0.1.
-- um_assigned_percent: 1,000 of 2,000 cents is 50.0.  The goal's row
-- gives the goal's basis (anticipated_openings 20, qualified_candidates 7).
INSERT INTO budgets (fiscal_year, training_budget_cents, um_assigned_cents)
 VALUES ('2026-27', 2000, 1000);
INSERT INTO spending (fiscal_year, category, amount_cents, note)
 VALUES ('2026-27', 'counseling', 1, NULL);
INSERT INTO goals (fiscal_year, expected_appointments, anticipated_openings,
 qualified_candidates, timetable) VALUES ('2026-27', 3, 20, 7, 'By June 2027');
