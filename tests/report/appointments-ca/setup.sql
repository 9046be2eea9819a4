-- California.  Program appointments (via_program = 1) by fiscal year:
-- 2026-27: to STAFF-SERVICES-ANALYST (ELTPA) 2026-08-01, to 5278
-- (bridging) 2026-09-01, to OFFICE-TECHNICIAN (LPEL, neither) 2026-10-01:
-- 3, of which appointments_eltpa 1 and appointments_bridging 1; one not
-- through the program (2026-08-02) does not count.  2025-26: 1 (ELTPA,
-- 2025-08-01).  2024-25: 1 (bridging 5221, 2024-07-01, its first day).
INSERT INTO employees (id, name, class_code, status, seniority_date) VALUES
 ('A', 'A', 'OFFICE-ASSISTANT', 'permanent', '2010-01-01'),
 ('B', 'B', 'OFFICE-ASSISTANT', 'permanent', '2010-01-01');
INSERT INTO appointments (employee_id, from_class_code, to_class_code,
 appointed_on, via_program) VALUES
 ('A', 'OFFICE-ASSISTANT', 'STAFF-SERVICES-ANALYST', '2026-08-01', 1),
 ('A', 'OFFICE-ASSISTANT', '5278', '2026-09-01', 1),
 ('B', 'OFFICE-ASSISTANT', 'OFFICE-TECHNICIAN', '2026-10-01', 1),
 ('B', 'OFFICE-ASSISTANT', 'STAFF-SERVICES-ANALYST', '2026-08-02', 0),
 ('B', 'OFFICE-ASSISTANT', 'STAFF-SERVICES-ANALYST', '2025-08-01', 1),
 ('A', 'OFFICE-ASSISTANT', '5221', '2024-07-01', 1);
