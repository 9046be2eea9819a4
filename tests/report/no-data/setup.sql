-- A fiscal year the records say nothing of (2010-11): a warning, and the
-- figures are zeros (the one employee is eligible today, which says
-- nothing of 2010-11, so eligible_employees is 1 and still the warning).
INSERT INTO employees (id, name, class_code, status, seniority_date,
 bargaining_unit) VALUES ('A', 'A', 'OFFICE-CLERK', 'permanent',
 '2000-01-01', 'RC-063');
