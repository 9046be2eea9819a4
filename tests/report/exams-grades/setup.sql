-- Illinois: exams_taken counts exams as X3 does, attempts on one date
-- at one title being one exam: 2026-09-10 OFFICE-SPECIALIST (two
-- sections: one exam), 2026-09-10 ACCOUNTANT (another title: another),
-- 2026-10-20 OFFICE-SPECIALIST: 3; 2026-06-30 is in 2025-26.
-- grades_issued: OFFICE-SPECIALIST 2026-11-01 and ACCOUNTANT 2026-07-01
-- (FY's first day): 2, one of each title; COOK-I 2026-06-30 is not.
INSERT INTO employees (id, name, class_code, status, seniority_date,
 bargaining_unit) VALUES ('A', 'A', 'OFFICE-CLERK', 'permanent',
 '2010-01-01', 'RC-063');
INSERT INTO exam_attempts (employee_id, class_code, section, taken_on,
 proficient, final) VALUES
 ('A', 'OFFICE-SPECIALIST', 'Reading', '2026-09-10', 1, 0),
 ('A', 'OFFICE-SPECIALIST', 'Mathematics', '2026-09-10', 0, 0),
 ('A', 'ACCOUNTANT', 'Accounting', '2026-09-10', 1, 0),
 ('A', 'OFFICE-SPECIALIST', 'Mathematics', '2026-10-20', 1, 0),
 ('A', 'COOK-I', 'Kitchen', '2026-06-30', 1, 0);
INSERT INTO grades (employee_id, class_code, grade, issued_on, basis) VALUES
 ('A', 'OFFICE-SPECIALIST', 'A', '2026-11-01', 'exam'),
 ('A', 'ACCOUNTANT', 'A', '2026-07-01', 'exam'),
 ('A', 'COOK-I', 'A', '2026-06-30', 'exam');
