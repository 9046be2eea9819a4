-- withdrawal_candidates (as of 2026-11-23, inside FY 2026-27): W1 has
-- dropped or failed 3 classes since enrolling (C5): 1; W2 enrolled in
-- 2021 with no class or exam since (C6: more than 3 years): 1; OK has
-- a class this year: 0.  = 2.
INSERT INTO employees (id, name, class_code, status, seniority_date,
 bargaining_unit) VALUES
 ('W1', 'W1', 'OFFICE-CLERK', 'permanent', '2010-01-01', 'RC-063'),
 ('W2', 'W2', 'OFFICE-CLERK', 'permanent', '2010-01-01', 'RC-063'),
 ('OK', 'OK', 'OFFICE-CLERK', 'permanent', '2010-01-01', 'RC-063');
INSERT INTO enrollments (employee_id, enrolled_on, counselor, status,
 status_on, reason) VALUES
 ('W1', '2024-01-10', 'Pat', 'active', NULL, NULL),
 ('W2', '2021-01-10', 'Pat', 'active', NULL, NULL),
 ('OK', '2021-01-10', 'Pat', 'active', NULL, NULL);
INSERT INTO courses (id, employee_id, class_code, starts_on, ends_on,
 credit_hours, status, status_on, tuition_cents) VALUES
 (1, 'W1', 'OFFICE-SPECIALIST', '2024-02-01', '2024-05-01', 3, 'dropped', '2024-03-01', 10000),
 (2, 'W1', 'OFFICE-SPECIALIST', '2024-09-01', '2024-12-01', 3, 'failed', '2024-12-01', 10000),
 (3, 'W1', 'OFFICE-SPECIALIST', '2025-09-01', '2025-12-01', 3, 'dropped', '2025-10-01', 10000),
 (4, 'OK', 'OFFICE-SPECIALIST', '2026-09-01', '2026-12-01', 3, 'enrolled', '2026-08-15', 10000);
