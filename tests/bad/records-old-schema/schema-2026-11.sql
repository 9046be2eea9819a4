-- records/schema.sql: the participant database of records.md, version 1.
-- STRICT tables with CHECK constraints for the contract's value lists;
-- the generator checks every row itself as well, since tables loaded
-- with sqlite3 .import have none of these.  Columns beyond the contract
-- are nullable or defaulted, so tools that write only the contract's
-- columns keep working.
PRAGMA user_version = 1;
PRAGMA foreign_keys = ON;

CREATE TABLE employees (
	id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 32 AND id NOT GLOB '*[^A-Za-z0-9_-]*'),
	name TEXT NOT NULL,
	class_code TEXT NOT NULL,
	department TEXT,
	unit TEXT,
	supervisor TEXT,
	work_county TEXT,
	bargaining_unit TEXT,
	status TEXT NOT NULL CHECK (status IN ('permanent', 'probationary', 'limited_term', 'temporary')),
	time_base REAL NOT NULL DEFAULT 1.0 CHECK (time_base > 0 AND time_base <= 1),
	rotating_schedule INTEGER NOT NULL DEFAULT 0 CHECK (rotating_schedule IN (0, 1)),
	seniority_date TEXT NOT NULL CHECK (date(seniority_date) IS seniority_date),
	highest_degree TEXT NOT NULL DEFAULT 'none' CHECK (highest_degree IN ('none', 'high_school', 'associate', 'bachelor', 'master', 'doctorate')),
	last_academic_credit_on TEXT CHECK (last_academic_credit_on IS NULL OR date(last_academic_credit_on) IS last_academic_credit_on),
	on_layoff INTEGER NOT NULL DEFAULT 0 CHECK (on_layoff IN (0, 1)),
	leave TEXT CHECK (leave IS NULL OR leave IN ('education', 'military_paid', 'other')),
	computer_access INTEGER NOT NULL DEFAULT 1 CHECK (computer_access IN (0, 1)),
	separated_on TEXT CHECK (separated_on IS NULL OR date(separated_on) IS separated_on)
) STRICT;

CREATE TABLE enrollments (
	employee_id TEXT NOT NULL REFERENCES employees (id),
	enrolled_on TEXT NOT NULL CHECK (date(enrolled_on) IS enrolled_on),
	counselor TEXT,
	status TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'withdrawn')),
	status_on TEXT CHECK (status_on IS NULL OR date(status_on) IS status_on),
	reason TEXT
) STRICT;
CREATE INDEX enrollments_scan ON enrollments (employee_id, enrolled_on);

CREATE TABLE career_plans (
	employee_id TEXT NOT NULL REFERENCES employees (id),
	version INTEGER NOT NULL CHECK (version >= 1),
	created_on TEXT NOT NULL CHECK (date(created_on) IS created_on),
	objective TEXT,
	target_class_code TEXT,
	target_date TEXT CHECK (target_date IS NULL OR date(target_date) IS target_date),
	supervisor_approved_on TEXT CHECK (supervisor_approved_on IS NULL OR date(supervisor_approved_on) IS supervisor_approved_on),
	coordinator_reviewed_on TEXT CHECK (coordinator_reviewed_on IS NULL OR date(coordinator_reviewed_on) IS coordinator_reviewed_on),
	reason TEXT,
	PRIMARY KEY (employee_id, version)
) STRICT;

CREATE TABLE plan_steps (
	employee_id TEXT NOT NULL,
	version INTEGER NOT NULL,
	seq INTEGER NOT NULL,
	action TEXT NOT NULL,
	due_on TEXT CHECK (due_on IS NULL OR date(due_on) IS due_on),
	done_on TEXT CHECK (done_on IS NULL OR date(done_on) IS done_on),
	FOREIGN KEY (employee_id, version) REFERENCES career_plans (employee_id, version)
) STRICT;
CREATE INDEX plan_steps_scan ON plan_steps (employee_id, version, seq);

CREATE TABLE targets (
	employee_id TEXT NOT NULL REFERENCES employees (id),
	class_code TEXT NOT NULL,
	targeted_on TEXT NOT NULL CHECK (date(targeted_on) IS targeted_on),
	ended_on TEXT CHECK (ended_on IS NULL OR (date(ended_on) IS ended_on AND ended_on >= targeted_on)),
	route TEXT CHECK (route IS NULL OR route IN ('exam', 'degree')),
	option TEXT CHECK (option IS NULL OR option IN ('bilingual', 'sign_language'))
) STRICT;
CREATE INDEX targets_scan ON targets (employee_id, targeted_on);

CREATE TABLE exam_attempts (
	employee_id TEXT NOT NULL REFERENCES employees (id),
	class_code TEXT NOT NULL,
	section TEXT NOT NULL,
	taken_on TEXT NOT NULL CHECK (date(taken_on) IS taken_on),
	proficient INTEGER NOT NULL CHECK (proficient IN (0, 1))
) STRICT;
CREATE INDEX exam_attempts_scan ON exam_attempts (employee_id, taken_on);

CREATE TABLE courses (
	id INTEGER PRIMARY KEY,
	employee_id TEXT NOT NULL REFERENCES employees (id),
	class_code TEXT,
	institution TEXT,
	public_institution INTEGER NOT NULL DEFAULT 1 CHECK (public_institution IN (0, 1)),
	name TEXT,
	starts_on TEXT NOT NULL CHECK (date(starts_on) IS starts_on),
	ends_on TEXT NOT NULL CHECK (date(ends_on) IS ends_on AND ends_on >= starts_on),
	summer_term INTEGER NOT NULL DEFAULT 0 CHECK (summer_term IN (0, 1)),
	semester_school INTEGER NOT NULL DEFAULT 1 CHECK (semester_school IN (0, 1)),
	credit_hours REAL CHECK (credit_hours IS NULL OR credit_hours >= 0),
	meeting_hours_per_week REAL CHECK (meeting_hours_per_week IS NULL OR meeting_hours_per_week >= 0),
	full_day_days INTEGER CHECK (full_day_days IS NULL OR full_day_days >= 0),
	lab_for INTEGER REFERENCES courses (id),
	status TEXT NOT NULL CHECK (status IN ('planned', 'enrolled', 'completed', 'dropped', 'failed')),
	status_on TEXT CHECK (status_on IS NULL OR date(status_on) IS status_on),
	tuition_cents INTEGER NOT NULL DEFAULT 0 CHECK (tuition_cents >= 0),
	fees_cents INTEGER NOT NULL DEFAULT 0 CHECK (fees_cents >= 0),
	outside_aid_cents INTEGER NOT NULL DEFAULT 0 CHECK (outside_aid_cents >= 0)
) STRICT;
CREATE INDEX courses_scan ON courses (employee_id, starts_on, id);

CREATE TABLE grades (
	employee_id TEXT NOT NULL REFERENCES employees (id),
	class_code TEXT NOT NULL,
	grade TEXT NOT NULL CHECK (grade IN ('A', 'B', 'C')),
	issued_on TEXT NOT NULL CHECK (date(issued_on) IS issued_on),
	basis TEXT NOT NULL CHECK (basis IN ('exam', 'degree', 'license'))
) STRICT;
CREATE INDEX grades_scan ON grades (employee_id, issued_on);

CREATE TABLE county_preferences (
	employee_id TEXT NOT NULL REFERENCES employees (id),
	class_code TEXT NOT NULL,
	rank INTEGER NOT NULL CHECK (rank BETWEEN 1 AND 3),
	county TEXT NOT NULL
) STRICT;
CREATE INDEX county_preferences_scan ON county_preferences (employee_id, class_code, rank);

CREATE TABLE appointments (
	employee_id TEXT NOT NULL REFERENCES employees (id),
	from_class_code TEXT,
	to_class_code TEXT NOT NULL,
	appointed_on TEXT NOT NULL CHECK (date(appointed_on) IS appointed_on),
	via_program INTEGER NOT NULL DEFAULT 0 CHECK (via_program IN (0, 1))
) STRICT;
CREATE INDEX appointments_scan ON appointments (employee_id, appointed_on);

CREATE TABLE assignments (
	employee_id TEXT NOT NULL REFERENCES employees (id),
	kind TEXT NOT NULL CHECK (kind IN ('training_development', 'rotation', 'job_share')),
	starts_on TEXT NOT NULL CHECK (date(starts_on) IS starts_on),
	ends_on TEXT CHECK (ends_on IS NULL OR (date(ends_on) IS ends_on AND ends_on >= starts_on)),
	note TEXT
) STRICT;
CREATE INDEX assignments_scan ON assignments (employee_id, starts_on);

CREATE TABLE goals (
	fiscal_year TEXT PRIMARY KEY CHECK (fiscal_year GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
	expected_appointments INTEGER NOT NULL CHECK (expected_appointments >= 0)
) STRICT;

CREATE TABLE budgets (
	fiscal_year TEXT PRIMARY KEY CHECK (fiscal_year GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
	training_budget_cents INTEGER NOT NULL CHECK (training_budget_cents >= 0)
) STRICT;

CREATE TABLE spending (
	fiscal_year TEXT NOT NULL CHECK (fiscal_year GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
	category TEXT NOT NULL,
	amount_cents INTEGER NOT NULL CHECK (amount_cents >= 0),
	note TEXT
) STRICT;
