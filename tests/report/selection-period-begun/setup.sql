-- The period begun (rules.md "Selection", "Annual reporting"): FY 2026-27
-- as of 2027-03-01, the first day of 2027-03 (provisional until its last
-- day).  Both periods' last days fall in FY and both have begun: 2026-09:
-- E1 and E2 apply, one place: applicants 2, selected 1 (E1), waiting list
-- 1 (E2); 2027-03: E2 first (IV.B), then E1 and E3 by seniority: applicants
-- 3, selected 1 (E2), waiting_list 2.  In all: 5, 2, 3.
INSERT INTO employees (id, name, class_code, status, seniority_date,
 bargaining_unit) VALUES
 ('E1', 'E1', 'OFFICE-CLERK', 'permanent', '2001-01-01', 'RC-063'),
 ('E2', 'E2', 'OFFICE-CLERK', 'permanent', '2002-01-01', 'RC-063'),
 ('E3', 'E3', 'OFFICE-CLERK', 'permanent', '2003-01-01', 'RC-063');
INSERT INTO periods (period, capacity) VALUES ('2026-09', 1), ('2027-03', 1);
INSERT INTO applications (employee_id, period, applied_on) VALUES
 ('E1', '2026-09', '2026-09-02'), ('E2', '2026-09', '2026-09-02'),
 ('E1', '2027-03', '2027-02-20'), ('E2', '2027-03', '2027-02-20'),
 ('E3', '2027-03', '2027-02-20');
