-- As of 2026-11-23, inside FY 2026-27: eligible on the as-of date (E1).
-- A: permanent in RC-063: eligible.  B: temporary: no.  C: separated
-- 2026-10-01: no.  D: probationary, original: no.  E: no bargaining unit,
-- in a certificate title: eligible (E1 b).  eligible_employees = 2.
-- Participation in FY 2026-27 up to the as-of date: A active since 2025:
-- yes; B withdrawn 2026-06-30, so active to 2026-06-29: no; C suspended
-- 2026-08-01, enrolled 2026-07-15: yes (15-31 July); D enrolled after the
-- as-of date: no.  participating_employees = 2.
INSERT INTO employees (id, name, class_code, status, seniority_date,
 bargaining_unit, probation, separated_on) VALUES
 ('A', 'A', 'OFFICE-CLERK', 'permanent', '2010-01-01', 'RC-063', NULL, NULL),
 ('B', 'B', 'OFFICE-CLERK', 'temporary', '2010-01-01', 'RC-063', NULL, NULL),
 ('C', 'C', 'OFFICE-CLERK', 'permanent', '2010-01-01', 'RC-063', NULL, '2026-10-01'),
 ('D', 'D', 'OFFICE-CLERK', 'probationary', '2026-01-01', 'RC-063', 'original', NULL),
 ('E', 'E', 'OFFICE-SPECIALIST', 'permanent', '2010-01-01', NULL, NULL, NULL);
INSERT INTO enrollments (employee_id, enrolled_on, counselor, status, status_on, reason) VALUES
 ('A', '2025-01-01', 'Pat', 'active', NULL, NULL),
 ('B', '2024-01-01', 'Pat', 'withdrawn', '2026-06-30', NULL),
 ('C', '2026-07-15', 'Pat', 'suspended', '2026-08-01', NULL),
 ('D', '2026-12-01', 'Pat', 'active', NULL, NULL);
