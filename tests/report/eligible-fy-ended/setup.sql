-- FY 2025-26 has ended by the as-of date: eligible on its last day,
-- 2026-06-30.  A yes; B temporary: no; C separated only on 2026-10-01:
-- yes; D original probation: no; E yes.  eligible_employees = 3.
-- Participation in FY 2025-26: A (since 2025-01-01) yes; B (active to
-- 2026-06-29) yes; C (enrolled 2026-07-15) no; D no.  = 2.
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
