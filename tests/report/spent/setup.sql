-- spent_cents: M1 over the courses starting in FY 2026-27, plus its
-- spending rows.  c1 enrolled, public: 40,000 + 2,000 - 5,000 aid =
-- 37,000.  c7 its lab: 5,000 (the program pays a lab; C1 counts it 0).
-- c2 planned: 0.  c3 completed, private, 100,000: capped at 75,000 (M1).
-- c4 dropped, public: 30,000.  c5 began in 2025-26: not counted.  c6
-- private, approved for full tuition, the year's first such (M5):
-- 100,000.  Spending 12,345; another year's 999 not.  Total 259,345.
-- courses_taken 4 (c1 c3 c4 c6; the lab and the planned one left out),
-- completed 1, dropped 1, failed 0.
INSERT INTO employees (id, name, class_code, status, seniority_date,
 bargaining_unit) VALUES ('A', 'A', 'OFFICE-CLERK', 'permanent',
 '2010-01-01', 'RC-063');
INSERT INTO courses (id, employee_id, class_code, public_institution,
 starts_on, ends_on, credit_hours, status, status_on, tuition_cents,
 fees_cents, outside_aid_cents, lab_for, full_tuition_approved) VALUES
 (1, 'A', 'OFFICE-SPECIALIST', 1, '2026-08-20', '2026-12-10', 3, 'enrolled', '2026-08-01', 40000, 2000, 5000, NULL, 0),
 (7, 'A', 'OFFICE-SPECIALIST', 1, '2026-08-20', '2026-12-10', 1, 'enrolled', '2026-08-01', 5000, 0, 0, 1, 0),
 (2, 'A', 'OFFICE-SPECIALIST', 1, '2027-01-15', '2027-05-01', 3, 'planned', NULL, 40000, 0, 0, NULL, 0),
 (3, 'A', 'OFFICE-SPECIALIST', 0, '2026-09-01', '2026-10-30', 3, 'completed', '2026-10-30', 100000, 0, 0, NULL, 0),
 (4, 'A', 'OFFICE-SPECIALIST', 1, '2026-10-01', '2026-11-20', 3, 'dropped', '2026-10-15', 30000, 0, 0, NULL, 0),
 (5, 'A', 'OFFICE-SPECIALIST', 1, '2025-09-01', '2025-12-01', 3, 'completed', '2025-12-01', 50000, 0, 0, NULL, 0),
 (6, 'A', 'OFFICE-SPECIALIST', 0, '2026-11-01', '2026-12-15', 3, 'enrolled', '2026-10-20', 100000, 0, 0, NULL, 1);
INSERT INTO spending (fiscal_year, category, amount_cents, note) VALUES
 ('2026-27', 'counseling', 12345, NULL), ('2025-26', 'books', 999, NULL);
