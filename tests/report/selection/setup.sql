-- Selection, for the registration periods whose last day falls in FY
-- 2026-27: 2026-09 (its last day 2026-09-30).  Its applicants: E1, E2,
-- E3 (eligible) and T (temporary, not eligible): applicants 4; with one
-- place, selected 1, waiting_list 2.  2026-03 ends in 2025-26 and
-- 2027-03 has not begun: neither counts here.
INSERT INTO employees (id, name, class_code, status, seniority_date,
 bargaining_unit) VALUES
 ('E1', 'E1', 'OFFICE-CLERK', 'permanent', '2001-01-01', 'RC-063'),
 ('E2', 'E2', 'OFFICE-CLERK', 'permanent', '2002-01-01', 'RC-063'),
 ('E3', 'E3', 'OFFICE-CLERK', 'permanent', '2003-01-01', 'RC-063'),
 ('T', 'T', 'OFFICE-CLERK', 'temporary', '2000-01-01', 'RC-063');
INSERT INTO periods (period, capacity) VALUES ('2026-03', 1), ('2026-09', 1),
 ('2027-03', NULL);
INSERT INTO applications (employee_id, period, applied_on) VALUES
 ('E1', '2026-03', '2026-03-02'), ('E2', '2026-03', '2026-03-02'),
 ('E3', '2026-03', '2026-03-02'),
 ('E1', '2026-09', '2026-09-02'), ('E2', '2026-09', '2026-09-02'),
 ('E3', '2026-09', '2026-09-02'), ('T', '2026-09', '2026-09-02'),
 ('E1', '2027-03', NULL);
