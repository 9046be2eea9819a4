/*
 * demo.c: a synthetic participant database for demos and benchmarks
 * (umpress records demo).  Deterministic: a splitmix64 generator seeded
 * by --seed, class codes drawn from the project's catalog, dates set
 * around the as-of date, so the same seed, catalog, settings and date
 * give the same bytes.  The first employees are scenarios, one for each
 * rule and alert the profile applies (tables il_scenes and ca_scenes
 * below), so a demo of a hundred employees shows every one; the rest are
 * varied but ordinary, about a fifth of them applying in a registration
 * period.  One transaction, prepared statements, no journal: a million
 * employees in well under a minute.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "records.h"

extern const char rec_schema_sql[];

/* The registration periods the demo fills (records.md periods). */
enum { P_PREV, P_CUR, P_NEXT, P__MAX };

enum { S_EMP, S_ENR, S_PLAN, S_STEP, S_TARGET, S_ATTEMPT, S_COURSE, S_GRADE,
	S_PREF, S_APPT, S_ASSIGN, S_GOAL, S_BUDGET, S_LEAVE, S_EXT, S_PERIOD,
	S_APP, S_CAPACITY, S__MAX };

struct demo {
	sqlite3		*db;
	sqlite3_stmt	*st[S__MAX];	/* one statement per row kind, see sqls */
	uint64_t	 rng;		/* splitmix64 state */
	day_t		 as_of;
	int		 fy;		/* fiscal year of as_of */
	enum profile	 prof;		/* the project's: which rules to show */
	const struct settings *set;	/* site.yaml's program settings */
	const struct catalog *c;
	const struct title **entry, **cert, **cred, **dual;
	size_t		 nentry, ncert, ncred, ndual;
	const struct title *master;	/* a credential needing a master's */
	const struct title *frozen;	/* a frozen target title */
	const struct title *plain;	/* a credential to a bachelor's at most,
					 * with no Extended probation (G2) */
	const struct title *extended;	/* a target title with Extended
					 * probation, a dual one first (G2) */
	const struct title *listed;	/* a certificate title whose row names
					 * a bargaining unit (G3) */
	const struct title *nursing;	/* the nursing credential (C1's
					 * limit_exempt), or any credential */
	const struct title *outside;	/* the best-paid class that is no
					 * target title and not LPEL (E1, E4) */
	const char *const *units;	/* 10 work units of the profile */
	const char *const *counties;	/* 10 counties */
	const char	*bu[2];		/* bargaining units that are covered
					 * (E1): the usual one, the other */
	const char	*uncovered;	/* a unit the site leaves out, or NULL
					 * when site.yaml covers every unit */
	const struct scene *scenes;	/* the profile's scenarios */
	long		 nscenes;	/* employees 1..nscenes are scenarios */
	int		 per[P__MAX];	/* the period before the latest, the
					 * latest begun by as_of, the next */
	char		 pername[P__MAX][8]; /* the same, "2026-09" */
	long		 cap[P__MAX];	/* selected in each, counted as made */
	day_t		 cutoff;	/* IL IV.A: seniority before it is
					 * selected (see apply_il) */
	const struct ladder_step **up[2]; /* CA ladder rows into a bridging
					 * class from an LPEL one (0), into an
					 * ELTPA class from an LPEL or a
					 * bridging one (1); see ca_moves */
	size_t		 nup[2];	/* their number */
	size_t		 upnext[2];	/* the next to use, modulo nup */
	int		 appn[4];	/* program appointees after the
					 * scenarios, by fiscal year: fy - 3,
					 * fy - 2, fy - 1, fy (appointees) */
	long		 napp;		/* their sum: employees nscenes + 1
					 * to nscenes + napp are appointees */
	long long	 course_id;	/* the last courses.id given */
	int		 school;	/* the public school of the employee
					 * being made (schools[]) */
	int		 failed;	/* an insert failed */
};

/* An employee row being made. */
struct emp {
	char		 id[32];
	char		 name[160];
	const struct title *cls;	/* current class */
	const char	*status;
	const char	*probation;	/* while probationary, or NULL */
	double		 time_base;
	int		 rotating, layoff, computer;
	const char	*degree, *leave, *bu;
	day_t		 seniority, credit, separated;
	int		 eligible;	/* E1 or E2 now, as the demo drew it */
};

/*
 * One scenario: make(d, i, e, arg) writes employee i's rows, the
 * employee row included; arg says which variant.  Returns 0 when the
 * catalog lacks what it needs (the employee is then made ordinary).
 */
struct scene {
	int	(*make)(struct demo *, long, struct emp *, int);
	int	 arg;
};

static const char *const sqls[] = {
	"INSERT INTO employees (id, name, class_code, department, unit, "
	"supervisor, work_county, bargaining_unit, status, time_base, "
	"rotating_schedule, seniority_date, highest_degree, "
	"last_academic_credit_on, on_layoff, leave, computer_access, "
	"separated_on, probation) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
	"INSERT INTO enrollments (employee_id, enrolled_on, counselor, status, "
	"status_on, reason) VALUES (?,?,?,?,?,?)",
	"INSERT INTO career_plans (employee_id, version, created_on, "
	"objective, target_class_code, target_date, supervisor_approved_on, "
	"coordinator_reviewed_on, reason) VALUES (?,?,?,?,?,?,?,?,?)",
	"INSERT INTO plan_steps (employee_id, version, seq, action, due_on, "
	"done_on) VALUES (?,?,?,?,?,?)",
	"INSERT INTO targets (employee_id, class_code, targeted_on, ended_on, "
	"route, option) VALUES (?,?,?,?,?,?)",
	"INSERT INTO exam_attempts (employee_id, class_code, section, "
	"taken_on, proficient, final) VALUES (?,?,?,?,?,?)",
	"INSERT INTO courses (id, employee_id, class_code, institution, "
	"public_institution, name, starts_on, ends_on, summer_term, "
	"semester_school, credit_hours, meeting_hours_per_week, "
	"full_day_days, lab_for, status, status_on, tuition_cents, "
	"fees_cents, outside_aid_cents, limit_exempt, full_tuition_approved) "
	"VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
	"INSERT INTO grades (employee_id, class_code, grade, issued_on, basis) "
	"VALUES (?,?,?,?,?)",
	"INSERT INTO county_preferences (employee_id, class_code, rank, "
	"county) VALUES (?,?,?,?)",
	"INSERT INTO appointments (employee_id, from_class_code, "
	"to_class_code, appointed_on, via_program) VALUES (?,?,?,?,?)",
	"INSERT INTO assignments (employee_id, kind, starts_on, ends_on, "
	"note) VALUES (?,?,?,?,?)",
	"INSERT INTO goals (fiscal_year, expected_appointments, "
	"anticipated_openings, qualified_candidates, timetable) "
	"VALUES (?,?,?,?,?)",
	"INSERT INTO budgets (fiscal_year, training_budget_cents, "
	"um_assigned_cents) VALUES (?,?,?)",
	"INSERT INTO leaves (employee_id, kind, starts_on, ends_on) "
	"VALUES (?,?,?,?)",
	"INSERT INTO exam_extensions (employee_id, class_code, days, "
	"granted_on, reason) VALUES (?,?,?,?,?)",
	"INSERT INTO periods (period) VALUES (?)",
	"INSERT INTO applications (employee_id, period, applied_on, "
	"supervisor_approved_on, decision) VALUES (?,?,?,?,?)",
	"UPDATE periods SET capacity = ? WHERE period = ?",
};

static const char *const firsts[] = { "Maria", "James", "Aisha", "Wei",
	"José", "Olga", "Darnell", "Priya", "Tomás", "Zoë", "Kwame", "Hannah",
	"Nguyen", "Fatima", "Liam", "Chloé", "Dmitri", "Grace", "Mateo",
	"Yusuf", "Ingrid", "Carlos", "Mei", "Samuel", "Ana-Lucía", "Björn",
	"Keisha", "Rahul", "Siobhán", "Emeka" };
static const char *const lasts[] = { "Johnson", "Núñez", "Okafor", "Chen",
	"García", "Kowalski", "Washington", "Patel", "O'Brien", "Müller",
	"Mensah", "Schmidt", "Tran", "Haddad", "Murphy", "Lefèvre", "Ivanov",
	"Kim", "Rodríguez", "Demir", "Lindqvist", "Morales", "Zhang",
	"Baptiste", "Smith-Jones", "Søndergaard", "Brown", "Sharma",
	"Ní Bhriain", "Adeyemi" };
static const char *const units[] = { "Springfield Records", "Chicago "
	"Claims", "Peoria Benefits", "Rockford Licensing", "Champaign Field "
	"Services", "Marion Support Center", "Joliet Processing",
	"Belleville Customer Service", "Quincy Facilities", "Central Mail" };
static const char *const counties[] = { "Cook", "Sangamon", "DuPage",
	"St. Clair", "Champaign", "Peoria", "Winnebago", "Will", "Madison",
	"Adams" };
/* California's demo lives in California. */
static const char *const ca_units[] = { "Sacramento Headquarters",
	"Fresno Claims", "Oakland Benefits", "Los Angeles Licensing",
	"San Diego Field Services", "Redding Support Center",
	"Riverside Processing", "San Jose Customer Service",
	"Stockton Facilities", "Central Mail" };
static const char *const ca_counties[] = { "Sacramento", "Los Angeles",
	"Fresno", "Alameda", "San Diego", "Shasta", "Riverside",
	"Santa Clara", "San Joaquin", "Yolo" };
static const char *const counselors[] = { "Pat Alvarez", "Jordan Lee",
	"Sam Okoro", "Robin Feld" };
/* The last one is the private school (M1, M5). */
static const char *const schools[] = { "Lincoln Land Community College",
	"University of Illinois Springfield", "Harold Washington College",
	"Illinois Central College", "Capital Business Institute" };
static const char *const course_names[] = { "English Composition I",
	"Business Mathematics", "Introduction to Accounting",
	"Office Software Applications", "Business Communication",
	"Introduction to Psychology", "Principles of Management",
	"Introduction to Public Administration", "Introduction to Sociology",
	"Elementary Statistics", "Records Management",
	"Interpersonal Communication" };
static const char *const workshop_names[] = { "Workshop: Proofreading",
	"Workshop: Spreadsheets", "Workshop: Customer Service",
	"Workshop: Time Management" };

/*
 * Plan steps by what the plan aims at (IL VI; CA "Career Development
 * Plan"): a proficiency exam, a degree, no title yet, or California's
 * classification.  Their done dates are the counselor's record, so no
 * step names a class or exam the records would contradict.
 */
static const char *const steps_exam[] = { "Meet the career counselor",
	"Choose the classes for the first year", "Review the exam sections "
	"with the counselor" };
static const char *const steps_degree[] = { "Meet the career counselor",
	"Apply to the degree program", "Review progress with the counselor" };
static const char *const steps_explore[] = { "Meet the career counselor",
	"Choose a target title", "Review progress with the counselor" };
static const char *const steps_ca[] = { "Agree on career goals with your "
	"supervisor", "Choose the training for the first year", "Review "
	"progress with your supervisor" };

/* ---- randomness and values --------------------------------------------- */

static uint64_t
next(struct demo *d)
{
	uint64_t z = (d->rng += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static long
pick(struct demo *d, long n)
{
	return n > 0 ? (long)(next(d) % (uint64_t)n) : 0;
}

static int
chance(struct demo *d, int percent)
{
	return pick(d, 100) < percent;
}

static day_t
day_min(day_t a, day_t b)
{
	return a < b ? a : b;
}

static void
run(struct demo *d, int which)
{
	if (sqlite3_step(d->st[which]) != SQLITE_DONE && !d->failed)
		d->failed = 1;
	sqlite3_reset(d->st[which]);
	sqlite3_clear_bindings(d->st[which]);
}

/*
 * One row of statement `which`: its parameters, in order, bound to the
 * arguments, one a letter of types: 't' a string or NULL, 'd' a day_t
 * (DAY_NONE: null), 'i' an int, 'f' a double.  Checked by the demo's
 * own calls only: a wrong letter is a wrong row, so each call says its
 * types where it passes its values.
 */
static void
row(struct demo *d, int which, const char *types, ...)
{
	sqlite3_stmt *q = d->st[which];
	va_list ap;
	int k;

	va_start(ap, types);
	for (k = 0; types[k] != '\0'; k++)
		if (types[k] == 't')
			rec_bind_text(q, k + 1, va_arg(ap, const char *));
		else if (types[k] == 'd')
			rec_bind_date(q, k + 1, (day_t)va_arg(ap, int));
		else if (types[k] == 'i')
			sqlite3_bind_int(q, k + 1, va_arg(ap, int));
		else
			sqlite3_bind_double(q, k + 1, va_arg(ap, double));
	va_end(ap);
	run(d, which);
}

static const struct title *
any(struct demo *d, const struct title **v, size_t n)
{
	return n ? v[pick(d, (long)n)] : NULL;
}

/* A certificate title other than t, when there is one. */
static const struct title *
other_cert(struct demo *d, const struct title *t)
{
	size_t k = (size_t)pick(d, (long)d->ncert);

	if (d->cert[k] == t && d->ncert > 1)
		k = (k + 1) % d->ncert;
	return d->cert[k];
}

/* The lowest-paid certificate title other than t: a class to move up
 * from to t. */
static const struct title *
lower_cert(const struct demo *d, const struct title *t)
{
	const struct title *low = t;
	size_t k;

	for (k = 0; k < d->ncert; k++)
		if (d->cert[k] != t && (low == t ||
		    d->cert[k]->salary_max_cents < low->salary_max_cents))
			low = d->cert[k];
	return low;
}

/* The plan steps for a target and route. */
static const char *const *
steps_for(const struct demo *d, const struct title *t, int degree)
{
	if (d->prof == PROFILE_CALIFORNIA)
		return steps_ca;
	if (t == NULL)
		return steps_explore;
	return degree || t->kind == KIND_CREDENTIAL ? steps_degree :
	    steps_exam;
}

/* ---- rows ---------------------------------------------------------------- */

static void
enrollment(struct demo *d, const char *id, day_t on, enum enr_status st,
    day_t st_on, const char *reason)
{
	static const char *const s[] = { "active", "suspended", "withdrawn" };

	row(d, S_ENR, "tdttdt", id, on, counselors[pick(d, 4)], s[st], st_on,
	    reason);
}

static void
step(struct demo *d, const char *id, int version, int seq,
    const char *action, day_t due, day_t done)
{
	row(d, S_STEP, "tiitdd", id, version, seq, action, due, done);
}

/*
 * A plan (no steps); approved 0: not approved, 1: approved by the
 * supervisor, 2: and reviewed by the coordinator.  The approvals are
 * dated after the plan, never after the as-of date.
 */
static void
plan_row(struct demo *d, const char *id, int version, day_t created,
    const struct title *target, int approved, const char *reason)
{
	row(d, S_PLAN, "tidttdddt", id, version, created, target ?
	    "Qualify for a promotion within three years" : "Explore the "
	    "program's titles", target ? target->code : NULL, target ?
	    date_add_years(created, 3) : DAY_NONE, approved ?
	    day_min(created + 10, d->as_of) : DAY_NONE, approved > 1 ?
	    day_min(created + 20, d->as_of) : DAY_NONE, reason);
}

/*
 * A plan and its three steps, due every 60 days from the plan; a step
 * due a month or more before the as-of date is done (a few days early).
 */
static void
plan(struct demo *d, const char *id, int version, day_t created,
    const struct title *target, int degree, int approved)
{
	const char *const *acts = steps_for(d, target, degree);
	day_t due;
	int k;

	plan_row(d, id, version, created, target, approved, version > 1 ?
	    "Revised after a change of classes" : NULL);
	for (k = 1; k <= 3; k++) {
		due = created + 60 * k;
		step(d, id, version, k, acts[k - 1], due, due <= d->as_of - 30 ?
		    created + 55 * k : DAY_NONE);
	}
}

static void
target(struct demo *d, const char *id, const struct title *t, day_t on,
    day_t ended, const char *route)
{
	row(d, S_TARGET, "ttddtt", id, t->code, on, ended, t->kind ==
	    KIND_DUAL ? route : NULL, chance(d, 5) ? "bilingual" : NULL);
}

/* An exam attempt; final: the program recorded it as the last (X4). */
static void
attempt(struct demo *d, const char *id, const struct title *t,
    const char *section, day_t on, int ok, int final)
{
	row(d, S_ATTEMPT, "tttdii", id, t->code, section, on, ok, final);
}

/* Both sections of a title's exam on one day. */
static void
exam(struct demo *d, const char *id, const struct title *t, day_t on,
    int reading, int math)
{
	attempt(d, id, t, "Reading", on, reading, 0);
	attempt(d, id, t, "Mathematics", on, math, 0);
}

struct course_spec {
	const struct title *t;
	const char	*name;		/* NULL: drawn by its credits */
	day_t		 starts, ends;
	const char	*status;	/* NULL: by its dates (course_status) */
	double		 credits;	/* < 0: unknown */
	double		 meeting;
	int		 full_days;	/* < 0: none */
	long long	 lab_for;
	int		 public_school, summer, quarter;
	int		 limit_exempt, full_tuition;
	long		 tuition, fees, aid;
	day_t		 status_on;	/* DAY_NONE: by its status and dates */
};

/*
 * A class that was not dropped, by its dates: completed once it has
 * ended before the as-of date, else enrolled (registered for it).
 */
static const char *
course_status(const struct demo *d, day_t ends)
{
	return ends < d->as_of ? "completed" : "enrolled";
}

/* The day of the last change: the end of a completed class; a fortnight
 * before it starts for one enrolled in; a month for one planned. */
static day_t
course_status_on(const struct demo *d, const struct course_spec *c,
    const char *status)
{
	if (c->status_on != DAY_NONE)
		return c->status_on;
	if (strcmp(status, "completed") == 0)
		return c->ends;
	return day_min(c->starts - (status[0] == 'p' ? 30 : 14), d->as_of);
}

static long long
course(struct demo *d, const char *id, const struct course_spec *c)
{
	sqlite3_stmt *q = d->st[S_COURSE];
	long long cid = ++d->course_id;
	const char *status = c->status ? c->status : course_status(d, c->ends);
	const char *name = c->name;

	/* By the id: one employee's classes, made in a row, differ. */
	if (name == NULL)
		name = c->lab_for ? "Laboratory" : c->credits >= 0 &&
		    c->credits < 3 ? workshop_names[cid % 4] :
		    course_names[cid % 12];
	sqlite3_bind_int64(q, 1, cid);
	rec_bind_text(q, 2, id);
	rec_bind_text(q, 3, c->t ? c->t->code : NULL);
	rec_bind_text(q, 4, schools[c->public_school ? d->school : 4]);
	sqlite3_bind_int(q, 5, c->public_school);
	rec_bind_text(q, 6, name);
	rec_bind_date(q, 7, c->starts);
	rec_bind_date(q, 8, c->ends);
	sqlite3_bind_int(q, 9, c->summer);
	sqlite3_bind_int(q, 10, !c->quarter);
	if (c->credits >= 0)
		sqlite3_bind_double(q, 11, c->credits);
	sqlite3_bind_double(q, 12, c->meeting);
	if (c->full_days >= 0)
		sqlite3_bind_int(q, 13, c->full_days);
	if (c->lab_for)
		sqlite3_bind_int64(q, 14, c->lab_for);
	rec_bind_text(q, 15, status);
	rec_bind_date(q, 16, course_status_on(d, c, status));
	sqlite3_bind_int64(q, 17, c->tuition);
	sqlite3_bind_int64(q, 18, c->fees);
	sqlite3_bind_int64(q, 19, c->aid);
	sqlite3_bind_int(q, 20, c->limit_exempt);
	sqlite3_bind_int(q, 21, c->full_tuition);
	run(d, S_COURSE);
	return cid;
}

/* A 3-credit class at a public school, 3 hours a week; status NULL: by
 * its dates. */
static void
course_spec3(struct course_spec *cs, const struct title *t, day_t starts,
    day_t ends, const char *status, long tuition, day_t status_on)
{
	memset(cs, 0, sizeof(*cs));
	cs->t = t, cs->starts = starts, cs->ends = ends;
	cs->status = status, cs->credits = 3, cs->meeting = 3;
	cs->full_days = -1, cs->public_school = 1;
	cs->tuition = tuition, cs->fees = 2500, cs->status_on = status_on;
}

/* A plain 3-credit public class of 15 weeks starting on a day. */
static void
course_simple(struct demo *d, const char *id, const struct title *t,
    day_t starts, const char *status)
{
	struct course_spec c;

	/* $150 to $250 a credit hour, in steps of $5 */
	course_spec3(&c, t, starts, starts + 105, status, 3 * (15000 + 500 *
	    pick(d, 21)), DAY_NONE);
	course(d, id, &c);
}

/* A grade; a certificate or dual title's is A, by exam (IL XII.A: G4
 * would warn of another). */
static void
grade(struct demo *d, const char *id, const struct title *t, char g,
    day_t on)
{
	char s[2] = { g, '\0' };

	if (t->kind == KIND_CERTIFICATE || t->kind == KIND_DUAL)
		s[0] = 'A';
	row(d, S_GRADE, "tttdt", id, t->code, s, on, t->kind ==
	    KIND_CREDENTIAL ? "degree" : "exam");
}

/* n counties for a title's lists, every third from county `first`. */
static void
prefs_at(struct demo *d, const char *id, const struct title *t, int n,
    long first)
{
	int k;

	for (k = 0; k < n; k++)
		row(d, S_PREF, "ttit", id, t->code, k + 1,
		    d->counties[(first + k * 3) % 10]);
}

static void
prefs(struct demo *d, const char *id, const struct title *t, int n)
{
	prefs_at(d, id, t, n, pick(d, 10));
}

static void
appointment(struct demo *d, const char *id, const char *from,
    const struct title *to, day_t on, int via_program)
{
	row(d, S_APPT, "tttdi", id, from, to->code, on, via_program);
}

/* A training and development assignment (CA). */
static void
assignment(struct demo *d, const char *id, day_t starts, day_t ends,
    const char *note)
{
	row(d, S_ASSIGN, "ttddt", id, "training_development", starts, ends,
	    note);
}

/* ---- employees ------------------------------------------------------------ */

static void
employee(struct demo *d, long i, const struct emp *e)
{
	const char *unit = d->units[i % 10 == 9 && i > 50 ? pick(d, 10) :
	    (i / 7) % 10], *county = d->counties[pick(d, 10)];

	row(d, S_EMP, "tttttttttfidtditidt", e->id, e->name, e->cls->code,
	    "Department of Example Services", unit, "Supervisor of the unit",
	    county, e->bu, e->status, e->time_base, e->rotating, e->seniority,
	    e->degree, e->credit, e->layoff, e->leave, e->computer,
	    e->separated, e->probation);
}

/*
 * The employee's status and probation.  A new hire on an original
 * probation (IL II.A: not eligible) started in the last six months.
 * Scenarios (ordinary 0) stay permanent or on a promotional probation.
 */
static void
emp_status(struct demo *d, int ordinary, struct emp *e)
{
	e->status = ordinary && chance(d, 6) ? (chance(d, 50) ?
	    "limited_term" : "temporary") : chance(d, 15) ? "probationary" :
	    "permanent";
	if (strcmp(e->status, "probationary") != 0)
		return;
	e->probation = "promotional";
	if (ordinary && chance(d, 30)) {
		e->probation = "original";
		e->seniority = d->as_of - (day_t)pick(d, 180);
	}
}

/*
 * The bargaining unit: mostly a covered one; for ordinary employees in
 * Illinois, sometimes none (outside any unit, in an entry class: not a
 * program title) or one the site leaves out.  Sets e->eligible (E1, E2).
 */
static void
emp_unit(struct demo *d, int ordinary, struct emp *e)
{
	long r = pick(d, 100);

	e->bu = d->bu[r < 70 ? 0 : 1];
	if (ordinary && r < 5)
		e->bu = NULL;
	else if (ordinary && r < 8 && d->uncovered != NULL)
		e->bu = d->uncovered;
	if (d->prof == PROFILE_CALIFORNIA) {
		e->eligible = e->cls->category == CAT_LPEL &&
		    e->separated == DAY_NONE;
		return;
	}
	e->eligible = e->separated == DAY_NONE && e->bu != NULL &&
	    e->bu != d->uncovered && strcmp(e->status, "limited_term") != 0 &&
	    strcmp(e->status, "temporary") != 0 && (e->probation == NULL ||
	    strcmp(e->probation, "original") != 0);
}

static void
emp_make(struct demo *d, long i, struct emp *e)
{
	static const char *const degrees[] = { "none", "high_school",
	    "high_school", "associate", "bachelor" };
	int ordinary = i == 0 || i > d->nscenes + d->napp;

	memset(e, 0, sizeof(*e));
	snprintf(e->id, sizeof(e->id), "E%06ld", i + 1);
	if (i == 3)	/* a right-to-left name */
		snprintf(e->name, sizeof(e->name), "%s", "ليلى حداد");
	else if (i == 5)	/* a very long name */
		snprintf(e->name, sizeof(e->name), "%s", "Maria Guadalupe "
		    "Concepción Fernández-Villanueva de la Santísima "
		    "Trinidad Rodríguez");
	else
		snprintf(e->name, sizeof(e->name), "%s %s",
		    firsts[pick(d, 30)], lasts[pick(d, 30)]);
	e->cls = any(d, d->entry, d->nentry);
	d->school = (int)pick(d, 4);
	e->seniority = d->as_of - 365 - (day_t)pick(d, 365 * 20);
	emp_status(d, ordinary, e);
	e->time_base = ordinary && chance(d, 10) ? (chance(d, 50) ? 0.5 :
	    0.75) : 1.0;
	e->rotating = chance(d, 8);
	e->layoff = ordinary && chance(d, 2);
	e->computer = !chance(d, 15);
	e->degree = degrees[pick(d, 5)];
	e->credit = chance(d, 40) ? d->as_of - (day_t)pick(d, 365 * 8) :
	    DAY_NONE;
	e->separated = ordinary && chance(d, 2) ? d->as_of - (day_t)pick(d,
	    300) : DAY_NONE;
	e->leave = ordinary && chance(d, 3) ? (chance(d, 50) ? "education" :
	    "military_paid") : NULL;
	/* California: some came into their LPEL class in the last 90 days
	 * (the welcome letters). */
	if (ordinary && d->prof == PROFILE_CALIFORNIA && chance(d, 3))
		e->seniority = d->as_of - (day_t)pick(d, 90);
	emp_unit(d, ordinary, e);
}

/* ---- registration periods and applications ------------------------------- */

/* The registration months: site.yaml's, else January and July (a
 * department's own rounds: CA "Upward Mobility Application" names none). */
static int
reg_month(const struct demo *d, int per)
{
	unsigned m = d->set->registration_months ? d->set->registration_months :
	    (1u << 0) | (1u << 6);

	return (m >> (per % 12)) & 1;
}

/* The latest registration month begun by the as-of date, the one before
 * it and the next (rules.md N2, "Selection"). */
static void
periods_find(struct demo *d)
{
	int k = period_of(d->as_of);

	while (!reg_month(d, k))
		k--;
	d->per[P_CUR] = k;
	for (k--; !reg_month(d, k); k--)
		;
	d->per[P_PREV] = k;
	for (k = d->per[P_CUR] + 1; !reg_month(d, k); k++)
		;
	d->per[P_NEXT] = k;
}

/*
 * An applications row for period k.  Applied on a day of its month by
 * the as-of date (the next period's: in the last three weeks, early);
 * California: approved by the supervisor a few days before (approved
 * 1), and the coordinator's decision (0 pending, 1 selected, 2 not).
 */
static void
app_row(struct demo *d, const char *id, int k, int approved, int decision)
{
	static const char *const dec[] = { NULL, "selected", "not_selected" };
	day_t first = period_first_day(d->per[k]), on, ok;

	if (first > d->as_of)
		on = d->as_of - (day_t)pick(d, 21);
	else
		on = day_min(first + (day_t)pick(d, period_last_day(d->per[k]) -
		    first + 1), d->as_of);
	ok = approved ? on - (day_t)pick(d, 8) : DAY_NONE;
	row(d, S_APP, "ttddt", id, d->pername[k], on, ok, dec[decision]);
	d->cap[k] += decision == 1;
}

/*
 * IL IV.A, IV.B: an application whose selection the demo knows.  The
 * capacity of a period is the number of eligible applicants more senior
 * than the cutoff, plus (for the latest) those on the previous waiting
 * list applying again (first), who come first: so exactly they are
 * selected and the others wait.  Returns 1 when selected.
 */
static int
apply_il(struct demo *d, const struct emp *e, int k, int first)
{
	int sel = e->eligible && (first || e->seniority < d->cutoff);

	app_row(d, e->id, k, 0, 0);
	d->cap[k] += sel;
	return sel;
}

/* California: approved (mostly), and the coordinator's decision; the
 * next period's are pending.  Returns 1 when selected. */
static int
apply_ca(struct demo *d, const struct emp *e, int k)
{
	int approved = chance(d, k == P_PREV ? 95 : 85), dec = 0;
	long r = pick(d, 100);

	if (approved && e->eligible && k == P_PREV)
		dec = r < 75 ? 1 : 2;
	else if (approved && e->eligible && k == P_CUR)
		dec = r < 45 ? 1 : r < 65 ? 2 : 0;
	app_row(d, e->id, k, approved, dec);
	return dec == 1;
}

static int
apply(struct demo *d, const struct emp *e, int k, int first)
{
	return d->prof == PROFILE_CALIFORNIA ? apply_ca(d, e, k) :
	    apply_il(d, e, k, first);
}

/* The day a selected applicant of period k enrolls, or DAY_NONE when
 * that is still to come. */
static day_t
enrolls_on(struct demo *d, int k)
{
	day_t on = period_last_day(d->per[k]) + 10 + (day_t)pick(d, 20);

	return on <= d->as_of ? on : DAY_NONE;
}

/* ---- ordinary employees ----------------------------------------------------- */

/*
 * An Illinois participant's target: mostly a certificate title, some
 * a dual title (either route) or a credential (not one needing more
 * than the employee may pursue, T2).  *degree: on the degree route.
 */
static const struct title *
il_target(struct demo *d, const struct emp *e, int *degree)
{
	const struct title *t;
	long r = pick(d, 100);

	*degree = 0;
	if (r < 12 && d->ndual > 0) {
		*degree = r < 6;
		return any(d, d->dual, d->ndual);
	}
	if (r < 25 && (t = any(d, d->cred, d->ncred)) != NULL &&
	    (t->degree < DEG_MASTER || strcmp(e->degree, "bachelor") == 0)) {
		*degree = 1;
		return t;
	}
	return any(d, d->cert, d->ncert);
}

/*
 * IL exams up to `now`: both sections a month or two after enrolling,
 * a retest of a failed section later, and for some who passed both a
 * grade (A) and counties for the lists.
 */
static void
il_exams(struct demo *d, const struct emp *e, const struct title *t,
    day_t enrolled, day_t now)
{
	day_t first = enrolled + 30 + (day_t)pick(d, 60), last = first;
	int math;

	if (first > now)
		return;
	math = chance(d, 60);
	exam(d, e->id, t, first, 1, math);
	if (!math && first + 45 <= now && chance(d, 50)) {
		last = first + 45 + (day_t)pick(d, now - first - 44);
		math = chance(d, 50);
		attempt(d, e->id, t, "Mathematics", last, math, 0);
	}
	if (math && last + 20 <= now && chance(d, 60)) {
		grade(d, e->id, t, 'A', last + 20);
		prefs(d, e->id, t, 1 + (int)pick(d, 3));
	}
}

/*
 * IL classes up to `now`: up to three before it, a term apart, none
 * before enrolling; the latest may still run (enrolled); some are
 * registered for a class to come.  A separated employee's stop.
 */
static void
il_classes(struct demo *d, const struct emp *e, const struct title *t,
    day_t enrolled, day_t now)
{
	day_t s;
	int k, n = (int)pick(d, 4);

	for (k = 0; k < n; k++) {
		s = now - 120 * (k + 1) + (day_t)pick(d, 60);
		if (s < enrolled + 10)
			break;
		if (e->separated != DAY_NONE && s + 105 >= now)
			continue;
		course_simple(d, e->id, t, s, NULL);
	}
	if (e->separated == DAY_NONE && chance(d, 5))
		course_simple(d, e->id, t, d->as_of + 20 + (day_t)pick(d, 60),
		    chance(d, 50) ? "planned" : "enrolled");
}

/* An Illinois participant's history, enrolled on a day, up to now. */
static void
il_history(struct demo *d, const struct emp *e, day_t enrolled, day_t now)
{
	day_t created = day_min(enrolled + 5, now);
	const struct title *t;
	int degree;

	t = il_target(d, e, &degree);
	plan(d, e->id, 1, created, t, degree, 2);
	target(d, e->id, t, created, DAY_NONE, degree ? "degree" : "exam");
	if (!degree)
		il_exams(d, e, t, enrolled, now);
	il_classes(d, e, t, enrolled, now);
}

/* A California participant: a plan toward a classification, and for
 * some a training and development assignment (at most 2 years, P2). */
static void
ca_history(struct demo *d, const struct emp *e, day_t enrolled, day_t now)
{
	day_t created = day_min(enrolled + 5, now), s;

	plan(d, e->id, 1, created, any(d, d->cert, d->ncert), 0, 2);
	if (chance(d, 6) && (s = created + 60 + (day_t)pick(d, 300)) < now)
		assignment(d, e->id, s, s + 180 + (day_t)pick(d, 500),
		    "Rotation into an analyst unit");
}

static void
history(struct demo *d, const struct emp *e, day_t enrolled, day_t now)
{
	if (d->prof == PROFILE_CALIFORNIA)
		ca_history(d, e, enrolled, now);
	else
		il_history(d, e, enrolled, now);
}

/*
 * An ordinary employee.  A separated one who was in the program left it
 * then.  One who is not eligible sometimes applies all the same (listed
 * apart).  The eligible: a tenth never registered (N2), a tenth applied
 * in each of the last two periods (the selected enrolled after it; half
 * of the previous waiting list applied again, IL IV.B), a few early for
 * the next, and the rest joined in the last three years.
 */
static void
ordinary(struct demo *d, long i, struct emp *e)
{
	day_t en;
	long r;

	employee(d, i, e);
	if (e->separated != DAY_NONE) {
		en = e->separated - 200 - (day_t)pick(d, 700);
		if (chance(d, 60) && e->bu != NULL) {
			enrollment(d, e->id, en, ENR_WITHDRAWN, e->separated,
			    "Left state service");
			history(d, e, en, e->separated - 1);
		}
		return;
	}
	/* A newcomer (since the latest period began) has not applied. */
	if (e->seniority >= period_first_day(d->per[P_CUR]))
		return;
	if (!e->eligible) {
		if (chance(d, 15))
			apply(d, e, P_CUR, 0);
		return;
	}
	r = pick(d, 100);
	if (r < 10)
		return;
	if (r < 20 && e->seniority < period_first_day(d->per[P_PREV])) {
		if (apply(d, e, P_PREV, 0))
			en = enrolls_on(d, P_PREV);
		else if (chance(d, 50) && apply(d, e, P_CUR, 1))
			en = enrolls_on(d, P_CUR);
		else
			return;
	} else if (r < 30) {
		if (!apply(d, e, P_CUR, 0))
			return;
		en = enrolls_on(d, P_CUR);
	} else if (r < 32) {
		apply(d, e, P_NEXT, 0);
		return;
	} else
		en = d->as_of - 200 - (day_t)pick(d, 900);
	if (en == DAY_NONE)
		return;
	enrollment(d, e->id, en, ENR_ACTIVE, DAY_NONE, NULL);
	history(d, e, en, d->as_of);
}

/* ---- scenarios ---------------------------------------------------------------- */

/*
 * A participant of the scenarios: the employee row, an active
 * enrollment, a plan approved and reviewed, and (route not NULL, in
 * Illinois) a target of t opened the day of the plan.
 */
static void
participant(struct demo *d, long i, struct emp *e, day_t enrolled,
    day_t planned, const struct title *t, const char *route)
{
	int degree = route != NULL && strcmp(route, "degree") == 0;

	employee(d, i, e);
	enrollment(d, e->id, enrolled, ENR_ACTIVE, DAY_NONE, NULL);
	plan(d, e->id, 1, planned, t, degree, 2);
	if (route != NULL && d->prof == PROFILE_ILLINOIS)
		target(d, e->id, t, planned, DAY_NONE, route);
}

/*
 * E3 (IL IV.C): on a leave that blocks enrolling, with a class: 0
 * employees.leave says so, a class planned; 1 an open leaves row, a
 * class enrolled in since it began.
 */
static int
sc_leave(struct demo *d, long i, struct emp *e, int arg)
{
	const struct title *t = any(d, d->cert, d->ncert);
	day_t a = d->as_of, en = a - 500;
	struct course_spec cs;

	if (arg == 0)
		e->leave = "other";
	participant(d, i, e, en, en, t, "exam");
	if (arg == 0) {
		course_simple(d, e->id, t, a + 40, "planned");
		return 1;
	}
	row(d, S_LEAVE, "ttdd", e->id, "other", a - 45, DAY_NONE);
	course_spec3(&cs, t, a - 20, a + 85, "enrolled", 52000, a - 25);
	course(d, e->id, &cs);
	return 1;
}

/* T1-T3 (IL V): 0 three certificate titles at once; 1 a credential
 * needing a master's, a high school diploma; 2 a title targeted after it
 * froze; 3 the same, by the holder of a grade for it (XII.C). */
static int
sc_targets(struct demo *d, long i, struct emp *e, int arg)
{
	day_t a = d->as_of, en = a - 500, on;
	size_t k;

	switch (arg) {
	case 0:
		if (d->ncert < 3)
			return 0;
		participant(d, i, e, en, en, d->cert[0], "exam");
		for (k = 1; k < 3; k++)
			target(d, e->id, d->cert[k], en + 30 * (day_t)k,
			    DAY_NONE, "exam");
		return 1;
	case 1:
		if (d->master == NULL)
			return 0;
		e->degree = "high_school";
		participant(d, i, e, en, en, d->master, "degree");
		return 1;
	case 2:
		if (d->frozen == NULL)
			return 0;
		on = d->frozen->frozen_on + 1;
		if (on < a - 290)
			on = a - 290;
		participant(d, i, e, a - 300, on, d->frozen, "exam");
		return 1;
	default:
		/* XII.C: an expired grade for the title lets the employee
		 * re-target it frozen (no TITLE_FROZEN; GRADE_EXPIRED) */
		if (d->frozen == NULL)
			return 0;
		on = d->frozen->frozen_on + 1;
		if (on < a - 290)
			on = a - 290;
		if (d->frozen->kind == KIND_CREDENTIAL)
			e->degree = "bachelor";
		participant(d, i, e, a - 300, on, d->frozen,
		    d->frozen->kind == KIND_CREDENTIAL ? "degree" : "exam");
		grade(d, e->id, d->frozen, 'A', date_add_years(a, -7));
		return 1;
	}
}

/*
 * X1, X2, X4 (IL VII): a certificate title's exam window, first
 * attempted on day f.  0 closes within 180 days, a section to retest
 * (X2); 1 ended without a grade and started over with a later attempt;
 * 2 has expired; 3 would have ended but military leave and an extension
 * moved its end (VII.G), closing; 4 a final attempt failed (X4); 5 a
 * final attempt failed over two years ago, and the employee tested again
 * after its 18 months: X1 counts afresh from that attempt (X4).
 */
static int
sc_window(struct demo *d, long i, struct emp *e, int arg)
{
	static const int from_y3[] = { 90, -300, -60, -100 };
	const struct title *t = any(d, d->cert, d->ncert);
	day_t a = d->as_of, f = arg == 4 ? a - 400 : arg == 5 ? a - 900 :
	    date_add_years(a, -3) + from_y3[arg];

	participant(d, i, e, f - 60, f - 55, t, "exam");
	exam(d, e->id, t, f, 1, 0);
	switch (arg) {
	case 0:
		attempt(d, e->id, t, "Mathematics", a - 40, 0, 0);
		break;
	case 1:
		attempt(d, e->id, t, "Mathematics", f + 200, 0, 0);
		exam(d, e->id, t, a - 120, 1, 0);
		break;
	case 2:
		attempt(d, e->id, t, "Mathematics", f + 400, 0, 0);
		break;
	case 3:
		attempt(d, e->id, t, "Mathematics", f + 200, 0, 0);
		row(d, S_LEAVE, "ttdd", e->id, "military_paid", f + 300,
		    f + 449);
		row(d, S_EXT, "ttidt", e->id, t->code, 60, f + 600, "Classes were "
		    "unavailable");
		break;
	case 4:
		attempt(d, e->id, t, "Mathematics", a - 300, 0, 0);
		attempt(d, e->id, t, "Mathematics", a - 150, 0, 1);
		break;
	default:
		attempt(d, e->id, t, "Mathematics", f + 100, 0, 1);
		exam(d, e->id, t, a - 100, 1, 0);
		break;
	}
	return 1;
}

/*
 * G1 (IL XII.C): a grade earned six years ago, now expiring (0) or
 * expired (1), with counties for the lists; since then the employee
 * studies for another title (an exam this year: not inactive, C6).
 */
static int
sc_grade_age(struct demo *d, long i, struct emp *e, int arg)
{
	const struct title *t = any(d, d->cert, d->ncert), *n;
	day_t a = d->as_of, g = date_add_years(a, -6) + (arg ? -10 : 90);

	n = other_cert(d, t);
	participant(d, i, e, g - 200, g - 195, t, "exam");
	exam(d, e->id, t, g - 30, 1, 1);
	grade(d, e->id, t, 'A', g);
	prefs(d, e->id, t, 2);
	plan(d, e->id, 2, g + 400, n, 0, 2);
	target(d, e->id, n, g + 400, DAY_NONE, "exam");
	exam(d, e->id, n, a - 200, 1, 0);
	return 1;
}

/*
 * G2 (IL XII.B, XIII.K-N): appointed through the program 60 days ago
 * with a C grade (0: a credential holder without the year of
 * experience: 4 + 8 months of probation), or 100 days ago to a title
 * with Extended probation (1).  Now in that title on a promotional
 * probation; the target ended with the appointment.
 */
static int
sc_probation(struct demo *d, long i, struct emp *e, int arg)
{
	const struct title *t = arg ? d->extended : d->plain, *from = e->cls;
	day_t a = d->as_of, ap = a - (arg ? 100 : 60), en = ap - 800;
	struct course_spec cs;
	int degree;

	if (t == NULL)
		return 0;
	degree = t->kind == KIND_CREDENTIAL;
	e->cls = t;
	e->status = "probationary", e->probation = "promotional";
	if (degree)
		e->degree = "bachelor";
	employee(d, i, e);
	enrollment(d, e->id, en, ENR_ACTIVE, DAY_NONE, NULL);
	plan(d, e->id, 1, en + 5, t, degree, 2);
	target(d, e->id, t, en + 5, ap, degree ? "degree" : "exam");
	if (degree) {
		course_spec3(&cs, t, ap - 400, ap - 300, NULL, 61000,
		    DAY_NONE);
		course(d, e->id, &cs);
	} else
		exam(d, e->id, t, ap - 200, 1, 1);
	grade(d, e->id, t, 'C', ap - 150);
	appointment(d, e->id, from->code, t, ap, 1);
	return 1;
}

/* G3 (IL XII): holders of a grade for the lists of three counties. */
static int
sc_lists(struct demo *d, long i, struct emp *e, int arg)
{
	const struct title *t = d->cert[(size_t)arg % d->ncert];
	day_t a = d->as_of, g = a - 100 - 9 * arg;

	participant(d, i, e, a - 900, a - 895, t, "exam");
	exam(d, e->id, t, g - 20, 1, 1);
	grade(d, e->id, t, 'A', g);
	prefs(d, e->id, t, 3);
	return 1;
}

/*
 * G3 (IL XIII.F) and E1 (IL II.A): two holders of a grade for a title
 * whose appendix row names a bargaining unit, on one county's list.
 * 0: outside any bargaining unit, in a certificate title (eligible),
 * with the longer service; 1: in a covered unit, listed first all the
 * same.
 */
static int
sc_covered(struct demo *d, long i, struct emp *e, int arg)
{
	const struct title *t = d->listed ? d->listed : d->cert[0];
	day_t a = d->as_of;

	e->seniority = a - (arg ? 1500 : 9000);
	if (arg == 0) {
		e->bu = NULL;
		e->cls = lower_cert(d, t);
	}
	participant(d, i, e, a - 700, a - 695, t, "exam");
	exam(d, e->id, t, a - 400, 1, 1);
	grade(d, e->id, t, 'A', a - 380 + arg);
	prefs_at(d, e->id, t, 1, 0);
	return 1;
}

/*
 * Appointed through the program on day ap to certificate title t (IL
 * XIII): now in the title (its target ended then, on probation for 4
 * months, G2), studying for the next once there is time for it.
 */
static void
il_appointed(struct demo *d, long i, struct emp *e, const struct title *t,
    day_t ap)
{
	const struct title *from = e->cls, *n;
	day_t a = d->as_of, next;

	n = other_cert(d, t);
	e->cls = t;
	e->status = a <= date_add_months(ap, 4) ? "probationary" : "permanent";
	e->probation = e->status[0] == 'p' && e->status[1] == 'r' ?
	    "promotional" : NULL;
	if (e->seniority > ap - 1000)
		e->seniority = ap - 1000;
	employee(d, i, e);
	enrollment(d, e->id, ap - 700, ENR_ACTIVE, DAY_NONE, NULL);
	plan(d, e->id, 1, ap - 695, t, 0, 2);
	target(d, e->id, t, ap - 695, ap, "exam");
	exam(d, e->id, t, ap - 220, 1, 1);
	grade(d, e->id, t, 'A', ap - 200);
	appointment(d, e->id, from->code, t, ap, 1);
	/* the next plan at most two years old: its target date to come */
	next = ap + 30 < a - 700 ? a - 700 : ap + 30;
	if (next < a - 60) {
		plan(d, e->id, 2, next, n, 0, 2);
		target(d, e->id, n, next, DAY_NONE, "exam");
		exam(d, e->id, n, a - 60, 1, 0);
	}
}

/*
 * Appointed through the program in this fiscal year (0) or one of the
 * two before (the report's three years).
 */
static int
sc_appointed(struct demo *d, long i, struct emp *e, int k)
{
	const struct title *t = any(d, d->cert, d->ncert);
	day_t a = d->as_of, fy0 = date_fy_start(d->fy - k);

	il_appointed(d, i, e, t, k == 0 ? fy0 + (a - fy0) / 2 : fy0 + 20 +
	    30 * k);
	return 1;
}

/*
 * G3 (IL XII.D, XII.E): A grades, and counties, for two certificate
 * titles; then appointed through the program to the better-paid one,
 * 150 days ago.  The employee is on neither title's lists any more: not
 * the lower-paid one's (XII.D), nor that of the class now held (XII.E).
 */
static int
sc_lists_gone(struct demo *d, long i, struct emp *e, int arg)
{
	const struct title *hi = any(d, d->cert, d->ncert), *lo, *from = e->cls;
	day_t a = d->as_of;

	(void)arg;
	lo = lower_cert(d, hi);
	if (lo->salary_max_cents > hi->salary_max_cents) {
		const struct title *x = lo;

		lo = hi, hi = x;
	}
	if (lo == hi || lo->salary_max_cents < 0 ||
	    lo->salary_max_cents == hi->salary_max_cents)
		return 0;
	e->cls = hi;
	if (e->seniority > a - 1500)
		e->seniority = a - 1500;
	employee(d, i, e);
	enrollment(d, e->id, a - 900, ENR_ACTIVE, DAY_NONE, NULL);
	plan(d, e->id, 1, a - 895, lo, 0, 2);
	target(d, e->id, lo, a - 895, a - 650, "exam");
	exam(d, e->id, lo, a - 720, 1, 1);
	grade(d, e->id, lo, 'A', a - 700);
	prefs(d, e->id, lo, 3);
	plan(d, e->id, 2, a - 650, hi, 0, 2);
	target(d, e->id, hi, a - 650, a - 150, "exam");
	exam(d, e->id, hi, a - 320, 1, 1);
	grade(d, e->id, hi, 'A', a - 300);
	prefs(d, e->id, hi, 2);
	appointment(d, e->id, from->code, hi, a - 150, 1);
	return 1;
}

/*
 * X2 (IL VII.E): a section failed 25 days ago; a class for the title,
 * completed 5 days ago, allows the retest from the next day, before the
 * 30 days of VII.B are over.
 */
static int
sc_retest(struct demo *d, long i, struct emp *e, int arg)
{
	const struct title *t = any(d, d->cert, d->ncert);
	day_t a = d->as_of;
	struct course_spec cs;

	(void)arg;
	e->credit = a - 300;
	participant(d, i, e, a - 400, a - 395, t, "exam");
	exam(d, e->id, t, a - 25, 1, 0);
	course_spec3(&cs, t, a - 110, a - 5, NULL, 45000, DAY_NONE);
	course(d, e->id, &cs);
	return 1;
}

/*
 * C1 (IL VIII.B): eight classes this fiscal year at a quarter school,
 * two a quarter (those still to come online: no time off to ask).
 */
static void
eight_classes(struct demo *d, const char *id, const struct title *t)
{
	day_t s, fy0 = date_fy_start(d->fy);
	struct course_spec cs;
	int q, k;

	for (q = 0; q < 4; q++)
		for (k = 0; k < 2; k++) {
			s = fy0 + 91 * q + 7;
			course_spec3(&cs, t, s, s + 76, NULL, 38000 + 4000 * k,
			    DAY_NONE);
			cs.quarter = 1;
			if (s > d->as_of)
				cs.meeting = 0;
			course(d, id, &cs);
		}
}

/* C1: five Saturday workshops one after another this fiscal year, of
 * 1, 2, 1, 1 and 2 credit hours: they count 2 ({1, 1, 1}, {2, 2}). */
static void
short_classes(struct demo *d, const char *id, const struct title *t)
{
	static const int cr[] = { 1, 2, 1, 1, 2 };
	day_t s, fy0 = date_fy_start(d->fy);
	struct course_spec cs;
	int k;

	for (k = 0; k < 5; k++) {
		s = fy0 + 10 + 14 * k;
		course_spec3(&cs, t, s, s + 9, NULL, 15000 * cr[k], DAY_NONE);
		cs.credits = cr[k], cs.meeting = 0;
		course(d, id, &cs);
	}
}

/* C1: a nursing course and the clinical practicum that must be taken
 * with it (limit_exempt: outside the yearly limit, counts 0). */
static void
nursing_classes(struct demo *d, const char *id, const struct title *t)
{
	day_t a = d->as_of;
	struct course_spec cs;

	course_spec3(&cs, t, a - 200, a - 95, NULL, 60000, DAY_NONE);
	cs.credits = 4, cs.name = "Anatomy and Physiology I";
	course(d, id, &cs);
	course_spec3(&cs, t, a - 30, a + 75, "enrolled", 64000, DAY_NONE);
	cs.credits = 4, cs.meeting = 4, cs.name = "Fundamentals of Nursing";
	course(d, id, &cs);
	cs.credits = 2, cs.meeting = 6, cs.tuition = 32000;
	cs.name = "Nursing Clinical Practicum", cs.limit_exempt = 1;
	course(d, id, &cs);
}

/*
 * C2, C3 (IL VIII.B, VIII.F): 0 three classes at once; 1 on layoff (it
 * keeps eligibility, II.C), two classes at once, over the limit in a
 * summer term (June to August), else at it; 2 no academic credit in 5
 * years, two classes planned for the first term.
 */
static int
sc_load(struct demo *d, long i, struct emp *e, int arg)
{
	const struct title *t = any(d, d->cert, d->ncert);
	day_t a = d->as_of, en = a - 500;
	struct course_spec cs;
	int k, y, m, dd;

	date_ymd(a, &y, &m, &dd);
	e->credit = arg == 2 ? DAY_NONE : a - 300;
	e->layoff = arg == 1;
	if (arg == 2) {
		participant(d, i, e, a - 30, a - 25, t, "exam");
		course_simple(d, e->id, t, a + 30, "planned");
		course_simple(d, e->id, t, a + 30, "planned");
		return 1;
	}
	participant(d, i, e, en, en, t, "exam");
	for (k = 0; k < (arg == 0 ? 3 : 2); k++) {
		course_spec3(&cs, t, a - 20, a + 60, "enrolled", 40000,
		    DAY_NONE);
		cs.meeting = 3 + k, cs.summer = arg == 1 && m >= 6 && m <= 8;
		course(d, e->id, &cs);
	}
	return 1;
}

/*
 * C5 (IL IX.B): three classes dropped or failed, withdrawn for them for
 * a year, enrolled again since with a new plan and a class this year:
 * the withdrawal served is not served again (no WITHDRAWAL_DROPS).
 */
static int
drops_served(struct demo *d, long i, struct emp *e, const struct title *t)
{
	day_t a = d->as_of, en = a - 1300, back = a - 300;
	struct course_spec cs;
	int k;

	e->credit = a - 400;
	employee(d, i, e);
	enrollment(d, e->id, en, ENR_WITHDRAWN, back - 400, "Withdrawn by "
	    "the program: three classes dropped or failed");
	plan(d, e->id, 1, en + 5, t, 0, 2);
	target(d, e->id, t, en + 5, DAY_NONE, "exam");
	for (k = 0; k < 3; k++) {
		course_spec3(&cs, t, en + 30 + 120 * k, en + 130 + 120 * k,
		    k == 1 ? "failed" : "dropped", 30000, en + 70 + 120 * k);
		course(d, e->id, &cs);
	}
	enrollment(d, e->id, back, ENR_ACTIVE, DAY_NONE, NULL);
	plan(d, e->id, 2, back + 5, t, 0, 2);
	course_simple(d, e->id, t, a - 100, NULL);
	return 1;
}

/*
 * C4-C6 (IL IX): 0 a class dropped after the plan; 1 three dropped or
 * failed; 2 enrolled four years ago, nothing since; 3 drops_served.
 */
static int
sc_drops(struct demo *d, long i, struct emp *e, int arg)
{
	const struct title *t = any(d, d->cert, d->ncert);
	day_t a = d->as_of, en = arg == 2 ? date_add_years(a, -4) : a - 500;
	struct course_spec cs;
	int k;

	if (arg == 3)
		return drops_served(d, i, e, t);
	participant(d, i, e, en, en, t, "exam");
	for (k = 0; arg < 2 && k < (arg == 0 ? 1 : 3); k++) {
		course_spec3(&cs, t, en + 30 + 120 * k, en + 130 + 120 * k,
		    k == 1 ? "failed" : "dropped", 30000, en + 70 + 120 * k);
		course(d, e->id, &cs);
	}
	return 1;
}

/* C7 (IL IX.F): a class for a second title planned while the first
 * title's runs. */
static int
sc_c7(struct demo *d, long i, struct emp *e, int arg)
{
	const struct title *t = any(d, d->cert, d->ncert), *u;
	day_t a = d->as_of, en = a - 500;
	struct course_spec cs;

	(void)arg;
	u = other_cert(d, t);
	e->credit = a - 300;
	participant(d, i, e, en, en, t, "exam");
	target(d, e->id, u, en + 200, DAY_NONE, "exam");
	course_spec3(&cs, t, a - 30, a + 60, "enrolled", 48000, DAY_NONE);
	course(d, e->id, &cs);
	course_spec3(&cs, u, a + 20, a + 110, "planned", 51000, DAY_NONE);
	course(d, e->id, &cs);
	return 1;
}

/*
 * C1 labs, O1 part time, O2, O3 rotating, M1's cap on a private school:
 * a 4-credit private class and its lab, a short full-day course with
 * outside aid above its tuition, a 2-credit class this fiscal year.
 */
static void
mixed_classes(struct demo *d, const char *id, const struct title *t)
{
	day_t a = d->as_of, fy0 = date_fy_start(d->fy);
	struct course_spec cs;
	long long lab;

	course_spec3(&cs, t, a - 10, a + 80, "enrolled", 250000, DAY_NONE);
	cs.credits = 4, cs.meeting = 12, cs.public_school = 0;
	lab = course(d, id, &cs);
	cs.credits = 1, cs.meeting = 2, cs.lab_for = lab;
	cs.tuition = 5000, cs.public_school = 1, cs.name = "Computing lab";
	course(d, id, &cs);
	cs.lab_for = 0, cs.credits = 1, cs.full_days = 6;
	cs.meeting = 0, cs.starts = a - 5, cs.ends = a + 5;
	cs.aid = 9000, cs.name = "Full-day seminar: Grant Writing";
	course(d, id, &cs);
	cs.credits = 2, cs.full_days = -1, cs.aid = 0, cs.name = NULL;
	cs.tuition = 30000, cs.meeting = 2, cs.status = NULL, cs.starts = fy0 + 3;
	cs.ends = fy0 + 40;
	course(d, id, &cs);
}

/* O2 (IL X.K, X.L): 22 days of full-day courses in this half-year, over
 * the 20 a semester allows. */
static void
full_day_classes(struct demo *d, const char *id, const struct title *t)
{
	static const int days[] = { 12, 10 };
	struct course_spec cs;
	int y, m, dd, k;
	day_t hs;

	date_ymd(d->as_of, &y, &m, &dd);
	hs = date_from_ymd(y, m <= 6 ? 1 : 7, 1);
	for (k = 0; k < 2; k++) {
		course_spec3(&cs, t, hs + 14 + 86 * k, hs + 30 + 83 * k, NULL,
		    30000 * days[k] / 10, DAY_NONE);
		cs.credits = 1, cs.meeting = 0, cs.full_days = days[k];
		cs.name = k ? "Full-day seminar: Payroll Law" : "Full-day "
		    "seminar: Accounting Software";
		course(d, id, &cs);
	}
}

/* M5 (IL XI.A): two classes in one term at a private school, both
 * approved for full tuition: "one class per term", so the second is
 * paid at the capped rate. */
static void
private_classes(struct demo *d, const char *id, const struct title *t)
{
	struct course_spec cs;
	int k;

	for (k = 0; k < 2; k++) {
		course_spec3(&cs, t, d->as_of - 20, d->as_of + 80, "enrolled",
		    180000, DAY_NONE);
		cs.public_school = 0, cs.full_tuition = 1;
		course(d, id, &cs);
	}
}

/* The class makers of sc_classes, by its arg. */
enum { CL_EIGHT, CL_SHORT, CL_NURSING, CL_MIXED, CL_FULL_DAY, CL_PRIVATE };
typedef void class_fn(struct demo *, const char *, const struct title *);
static class_fn *const class_makers[] = { eight_classes, short_classes,
	nursing_classes, mixed_classes, full_day_classes, private_classes };

/*
 * C1, O1-O3, M1, M5: a participant since 500 days, with recent academic
 * credit (no C3), whose classes class_makers[arg] makes: toward a
 * certificate title, or the nursing credential (a high school diploma:
 * the degree to come); the mixed classes' employee works half time on a
 * rotating schedule.
 */
static int
sc_classes(struct demo *d, long i, struct emp *e, int arg)
{
	const struct title *t = arg == CL_NURSING ? d->nursing : any(d,
	    d->cert, d->ncert);
	day_t en = d->as_of - 500;

	if (t == NULL)
		return 0;
	e->credit = d->as_of - 300;
	if (arg == CL_NURSING)
		e->degree = "high_school";
	if (arg == CL_MIXED)
		e->time_base = 0.5, e->rotating = 1;
	participant(d, i, e, en, en, t, arg == CL_NURSING ? "degree" : "exam");
	class_makers[arg](d, e->id, t);
	return 1;
}

/*
 * M1-M3, N3 (IL XI.F): a 4-credit class toward a credential, paid and
 * completed 8 months ago, binds 2 years of service: 0 still working;
 * 1 separated 15 days ago (the repayment owed).
 */
static int
sc_commitment(struct demo *d, long i, struct emp *e, int arg)
{
	const struct title *t = d->plain ? d->plain : any(d, d->cred,
	    d->ncred);
	day_t a = d->as_of;
	struct course_spec cs;

	if (t == NULL)
		return 0;
	e->degree = "associate";
	if (arg)
		e->separated = a - 15, e->eligible = 0;
	employee(d, i, e);
	enrollment(d, e->id, a - 600, arg ? ENR_WITHDRAWN : ENR_ACTIVE,
	    arg ? a - 15 : DAY_NONE, arg ? "Left state service" : NULL);
	plan(d, e->id, 1, a - 590, t, 1, 2);
	target(d, e->id, t, a - 590, DAY_NONE, "degree");
	course_spec3(&cs, t, a - 340, a - 240, "completed", 96000, DAY_NONE);
	cs.credits = 4, cs.meeting = 4, cs.fees = 4000;
	course(d, e->id, &cs);
	return 1;
}

/* N1: a plan whose second step is overdue and third due within 30
 * days. */
static void
steps_due(struct demo *d, long i, struct emp *e, const struct title *t)
{
	const char *const *acts = steps_for(d, t, 0);
	day_t a = d->as_of;

	employee(d, i, e);
	enrollment(d, e->id, a - 300, ENR_ACTIVE, DAY_NONE, NULL);
	plan_row(d, e->id, 1, a - 100, t, 2, NULL);
	step(d, e->id, 1, 1, acts[0], a - 40, a - 45);
	step(d, e->id, 1, 2, acts[1], a - 12, DAY_NONE);
	step(d, e->id, 1, 3, acts[2], a + 18, DAY_NONE);
	if (d->prof == PROFILE_ILLINOIS)
		target(d, e->id, t, a - 100, DAY_NONE, "exam");
}

/*
 * N2: withdrawn 100 days ago: in Illinois by the program, for three
 * years without a class or an exam (IX.D: a year before registering
 * again); in California at the employee's request.
 */
static void
withdrawn(struct demo *d, long i, struct emp *e, const struct title *t)
{
	day_t a = d->as_of, en = d->prof == PROFILE_ILLINOIS ?
	    date_add_years(a - 100, -3) - 60 : a - 500;

	employee(d, i, e);
	enrollment(d, e->id, en, ENR_WITHDRAWN, a - 100, d->prof ==
	    PROFILE_ILLINOIS ? "Withdrawn by the program: no class or exam "
	    "in three years" : "Withdrew at the employee's request");
	plan(d, e->id, 1, en + 5, t, 0, 2);
}

/* N4: suspended 20 days ago (CA: job performance below satisfactory,
 * "the department may suspend the employee's CDP"). */
static void
suspended(struct demo *d, long i, struct emp *e, const struct title *t)
{
	day_t a = d->as_of;

	employee(d, i, e);
	enrollment(d, e->id, a - 400, ENR_SUSPENDED, a - 20, d->prof ==
	    PROFILE_ILLINOIS ? "Pending a review by the Advisory Committee" :
	    "Job performance below a satisfactory level");
	plan(d, e->id, 1, a - 395, t, 0, 2);
	if (d->prof == PROFILE_ILLINOIS)
		target(d, e->id, t, a - 395, DAY_NONE, "exam");
}

/*
 * Plans and next steps: 0 P1 no plan; 1 N1; 2 N2 eligible, never
 * enrolled; 3 N2 withdrawn; 4 N4 suspended; 5 N5 a class starting in
 * 50 days; 6 P1 a plan not approved, 7 approved, not reviewed (CA).
 */
static int
sc_next(struct demo *d, long i, struct emp *e, int arg)
{
	const struct title *t = any(d, d->cert, d->ncert);
	day_t a = d->as_of;

	switch (arg) {
	case 1:
		steps_due(d, i, e, t);
		return 1;
	case 2:
		employee(d, i, e);
		return 1;
	case 3:
		withdrawn(d, i, e, t);
		return 1;
	case 4:
		suspended(d, i, e, t);
		return 1;
	case 5:
		e->credit = a - 200;
		participant(d, i, e, a - 300, a - 295, t, "exam");
		course_simple(d, e->id, t, a + 50, "planned");
		return 1;
	default:
		employee(d, i, e);
		enrollment(d, e->id, a - 40, ENR_ACTIVE, DAY_NONE, NULL);
		if (arg > 0)
			plan(d, e->id, 1, a - 35, t, 0, arg - 6);
		return 1;
	}
}

/*
 * Selection (IL IV.A, IV.B): 0 on the previous period's waiting list,
 * applying again: selected first (enrolled since, once the period has
 * ended); 1 junior, on the latest period's waiting list; 2 senior,
 * selected in it; 3 an early application for the next period.
 */
static int
sc_select(struct demo *d, long i, struct emp *e, int arg)
{
	day_t en = DAY_NONE;

	if (arg == 0)
		e->seniority = period_first_day(d->per[P_PREV]) - 100;
	else if (arg == 1)
		e->seniority = period_first_day(d->per[P_CUR]) - 300;
	else
		e->seniority = d->cutoff - 2000;
	employee(d, i, e);
	if (arg == 0 && !apply(d, e, P_PREV, 0) && apply(d, e, P_CUR, 1))
		en = enrolls_on(d, P_CUR);
	else if (arg == 1 || arg == 2)
		en = apply(d, e, P_CUR, 0) ? enrolls_on(d, P_CUR) : DAY_NONE;
	else if (arg == 3)
		apply(d, e, P_NEXT, 0);
	if (en != DAY_NONE) {
		enrollment(d, e->id, en, ENR_ACTIVE, DAY_NONE, NULL);
		history(d, e, en, d->as_of);
	}
	return 1;
}

/*
 * E1 (IL II.A): not eligible.  0 a new hire on an original probation,
 * 1 in a bargaining unit the site leaves out, 2 temporary: each applied
 * in the latest period all the same (listed apart); 3 outside any
 * bargaining unit in a class that is no program title.
 */
static int
sc_apart(struct demo *d, long i, struct emp *e, int arg)
{
	if ((arg == 1 && d->uncovered == NULL) ||
	    (arg == 3 && d->outside == NULL))
		return 0;
	e->eligible = 0;
	if (arg == 0) {
		e->status = "probationary", e->probation = "original";
		e->seniority = period_first_day(d->per[P_CUR]) - 30;
	} else if (arg == 1)
		e->bu = d->uncovered;
	else if (arg == 2)
		e->status = "temporary", e->probation = NULL;
	else
		e->bu = NULL, e->cls = d->outside;
	employee(d, i, e);
	if (arg < 3)
		apply(d, e, P_CUR, 0);
	return 1;
}

/*
 * E4 (IL II.B): promoted, after enrolling, into a class outside the
 * program's titles and any bargaining unit: withdrawn, the class
 * enrolled in may be finished.
 */
static int
sc_promoted(struct demo *d, long i, struct emp *e, int arg)
{
	const struct title *from = e->cls, *t = any(d, d->cert, d->ncert);
	day_t a = d->as_of, en = a - 500;
	struct course_spec cs;

	(void)arg;
	if (d->outside == NULL)
		return 0;
	e->cls = d->outside, e->bu = NULL, e->eligible = 0;
	e->status = "probationary", e->probation = "promotional";
	participant(d, i, e, en, en, t, "exam");
	exam(d, e->id, t, en + 60, 1, 0);
	course_spec3(&cs, t, a - 50, a + 55, "enrolled", 47000, DAY_NONE);
	course(d, e->id, &cs);
	appointment(d, e->id, from->code, d->outside, a - 45, 0);
	return 1;
}

/* P2 (CA "Training and Development Assignment"): 0 one past its 2
 * years, still open; 1 one within them. */
static int
sc_assign(struct demo *d, long i, struct emp *e, int arg)
{
	day_t a = d->as_of, s = arg ? a - 200 : date_add_years(a, -2) - 30;

	participant(d, i, e, s - 300, s - 295, any(d, d->cert, d->ncert),
	    NULL);
	assignment(d, e->id, s, arg ? a + 165 : DAY_NONE, "Rotation into "
	    "an analyst unit");
	return 1;
}

/*
 * California, not eligible (E2): 0 in a classification that is not
 * LPEL (a bridging or ELTPA one: promoted); 1 separated 30 days ago,
 * having taken part.
 */
static int
sc_ca_apart(struct demo *d, long i, struct emp *e, int arg)
{
	day_t a = d->as_of;

	e->eligible = 0;
	if (arg == 0) {
		e->cls = any(d, d->cert, d->ncert);
		employee(d, i, e);
		return 1;
	}
	e->separated = a - 30;
	employee(d, i, e);
	enrollment(d, e->id, a - 600, ENR_WITHDRAWN, a - 30, "Left state "
	    "service");
	plan(d, e->id, 1, a - 595, any(d, d->cert, d->ncert), 0, 2);
	return 1;
}

/*
 * California applications (CA "Upward Mobility Application"): in the
 * latest period 0 approved and selected (enrolled since, once it
 * ended), 1 approved and pending, 2 without the supervisor's approval,
 * 3 approved, not selected, 4 from a classification that is not LPEL;
 * 5 selected in the period before, enrolled since; 6 early, for the
 * next period.
 */
static int
sc_ca_apply(struct demo *d, long i, struct emp *e, int arg)
{
	static const int approved[] = { 1, 1, 0, 1, 1, 1, 1 };
	static const int decision[] = { 1, 0, 0, 2, 0, 1, 0 };
	int k = arg == 5 ? P_PREV : arg == 6 ? P_NEXT : P_CUR;
	day_t en;

	if (arg == 4)
		e->cls = any(d, d->cert, d->ncert), e->eligible = 0;
	employee(d, i, e);
	app_row(d, e->id, k, approved[arg], decision[arg]);
	if (decision[arg] == 1 && (en = enrolls_on(d, k)) != DAY_NONE) {
		enrollment(d, e->id, en, ENR_ACTIVE, DAY_NONE, NULL);
		history(d, e, en, d->as_of);
	}
	return 1;
}

/*
 * California, new in an LPEL classification (the welcome letters): 0
 * transferred in from another department 30 days ago (an appointments
 * row from no class of ours); 1 hired 20 days ago.
 */
static int
sc_arrive(struct demo *d, long i, struct emp *e, int arg)
{
	day_t a = d->as_of;

	if (arg == 1) {
		e->seniority = a - 20;
		e->status = "probationary", e->probation = "original";
	}
	employee(d, i, e);
	if (arg == 0)
		appointment(d, e->id, NULL, e->cls, a - 30, 0);
	return 1;
}

/*
 * CA "Bridging Classifications": a participant in an LPEL class whose
 * plan aims at the bridging class a ladder row reaches from it by
 * examination (the way up names the bridging class as such).
 */
static int
sc_ca_bridge(struct demo *d, long i, struct emp *e, int arg)
{
	const struct ladder_step *s = NULL;
	day_t a = d->as_of;
	size_t k;

	(void)arg;
	for (k = 0; k < d->nup[0] && s == NULL; k++)
		if (d->up[0][k]->via == VIA_EXAM)
			s = d->up[0][k];
	if (s == NULL)
		return 0;
	e->cls = &d->c->titles[s->from];
	participant(d, i, e, a - 400, a - 395, &d->c->titles[s->to], NULL);
	return 1;
}

/*
 * The scenarios, employee 1 first (employee 0 is ordinary): one for
 * each rule and alert of rules.md the profile applies.
 */
static const struct scene il_scenes[] = {
	{ sc_leave, 0 },	/*  1 E3: employees.leave other */
	{ sc_targets, 0 },	/*  2 T1 */
	{ sc_targets, 1 },	/*  3 T2 */
	{ sc_targets, 2 },	/*  4 T3 */
	{ sc_window, 0 },	/*  5 X1 closing, X2 */
	{ sc_window, 1 },	/*  6 X1 started over */
	{ sc_classes, CL_EIGHT }, /*  7 C1 eight classes */
	{ sc_load, 0 },		/*  8 C2 */
	{ sc_load, 2 },		/*  9 C3 */
	{ sc_drops, 0 },	/* 10 C4 */
	{ sc_drops, 1 },	/* 11 C5 */
	{ sc_drops, 2 },	/* 12 C6 */
	{ sc_grade_age, 0 },	/* 13 G1 expiring */
	{ sc_grade_age, 1 },	/* 14 G1 expired */
	{ sc_next, 0 },		/* 15 P1 */
	{ sc_next, 1 },		/* 16 N1 */
	{ sc_next, 2 },		/* 17 N2 never enrolled */
	{ sc_next, 3 },		/* 18 N2 withdrawn */
	{ sc_commitment, 0 },	/* 19 M1-M3 */
	{ sc_commitment, 1 },	/* 20 M3, N3 */
	{ sc_classes, CL_MIXED }, /* 21 C1 labs, O1, O2, O3, M1 */
	{ sc_load, 1 },		/* 22 C2 summer, layoff */
	{ sc_lists, 0 },	/* 23-30 G3 */
	{ sc_lists, 1 },
	{ sc_lists, 2 },
	{ sc_lists, 3 },
	{ sc_lists, 4 },
	{ sc_lists, 5 },
	{ sc_lists, 6 },
	{ sc_lists, 7 },
	{ sc_next, 4 },		/* 31 N4 */
	{ sc_window, 2 },	/* 32 X1 expired */
	{ sc_window, 3 },	/* 33 X1 military leave, extension */
	{ sc_window, 4 },	/* 34 X4 */
	{ sc_leave, 1 },	/* 35 E3: a leaves row */
	{ sc_promoted, 0 },	/* 36 E4 */
	{ sc_covered, 0 },	/* 37 E1 outside a unit, G3 */
	{ sc_covered, 1 },	/* 38 G3 covered first */
	{ sc_apart, 3 },	/* 39 E1 NOT_COVERED */
	{ sc_apart, 0 },	/* 40 E1 ORIGINAL_PROBATION */
	{ sc_apart, 1 },	/* 41 E1 a unit left out */
	{ sc_apart, 2 },	/* 42 E1 STATUS */
	{ sc_classes, CL_SHORT }, /* 43 C1 short classes */
	{ sc_classes, CL_NURSING }, /* 44 C1 limit_exempt */
	{ sc_c7, 0 },		/* 45 C7 */
	{ sc_classes, CL_FULL_DAY }, /* 46 O2 */
	{ sc_classes, CL_PRIVATE }, /* 47 M5 */
	{ sc_probation, 0 },	/* 48 G2 C grade */
	{ sc_probation, 1 },	/* 49 G2 Extended probation */
	{ sc_next, 5 },		/* 50 N5 */
	{ sc_select, 0 },	/* 51 IV.B */
	{ sc_select, 1 },	/* 52 waiting list */
	{ sc_select, 2 },	/* 53 selected */
	{ sc_select, 3 },	/* 54 the next period */
	{ sc_appointed, 0 },	/* 55-57 appointments, three years */
	{ sc_appointed, 1 },
	{ sc_appointed, 2 },
	{ sc_lists_gone, 0 },	/* 58 G3 XII.D, XII.E */
	{ sc_retest, 0 },	/* 59 X2 a class allows the retest */
	{ sc_targets, 3 },	/* 60 T3 re-targeted with a grade */
	{ sc_drops, 3 },	/* 61 C5 a withdrawal served */
	{ sc_window, 5 },	/* 62 X4 afresh */
};

static const struct scene ca_scenes[] = {
	{ sc_next, 0 },		/*  1 P1 no plan */
	{ sc_next, 6 },		/*  2 P1 not approved */
	{ sc_next, 7 },		/*  3 P1 not reviewed */
	{ sc_assign, 0 },	/*  4 P2 */
	{ sc_assign, 1 },	/*  5 P2 within the limit */
	{ sc_next, 1 },		/*  6 N1 */
	{ sc_next, 2 },		/*  7 N2 never enrolled */
	{ sc_next, 3 },		/*  8 N2 withdrawn */
	{ sc_next, 4 },		/*  9 N4 */
	{ sc_ca_apart, 0 },	/* 10 E2 NOT_LPEL */
	{ sc_ca_apart, 1 },	/* 11 SEPARATED */
	{ sc_ca_apply, 0 },	/* 12-18 applications */
	{ sc_ca_apply, 1 },
	{ sc_ca_apply, 2 },
	{ sc_ca_apply, 3 },
	{ sc_ca_apply, 4 },
	{ sc_ca_apply, 5 },
	{ sc_ca_apply, 6 },
	{ sc_arrive, 0 },	/* 19-20 welcome letters */
	{ sc_arrive, 1 },
	{ sc_ca_bridge, 0 },	/* 21 toward a bridging class */
};

/* ---- appointees: appointments through the program ------------------- */

/*
 * The goal of fiscal year fy - y (GC 19402; the goals rows of
 * program_rows): 12 this year, 2 fewer for each year before.
 */
static int
goal_of(int y)
{
	return 12 - 2 * y;
}

/*
 * How many appointees follow the scenarios, by fiscal year (d->appn,
 * oldest first): a rise toward the goal in the three years before the
 * as-of date's (every report, the last full year's too, has its three
 * years, rules.md "Annual reporting"), and in the as-of date's the
 * goal's pace so far, at least one.  More appointments come on top: in
 * California an appointee to an ELTPA class from a bridging one came
 * into that class through the program too, two years before
 * (ca_appointee); in Illinois, three scenarios this year and a few
 * before (sc_appointed, sc_probation, sc_lists_gone).
 */
static void
appointees_count(struct demo *d)
{
	static const int il_past[3] = { 3, 4, 6 }, ca_past[3] = { 2, 5, 9 };
	day_t fy0 = date_fy_start(d->fy);
	long days = (long)(date_fy_end(d->fy) - fy0) + 1;
	long pace = (goal_of(0) * ((long)(d->as_of - fy0) + 1) + days / 2) /
	    days;
	int y;

	for (y = 0; y < 3; y++)
		d->appn[y] = d->prof == PROFILE_CALIFORNIA ? ca_past[y] :
		    il_past[y];
	d->appn[3] = (int)(d->prof == PROFILE_CALIFORNIA ? pace : pace - 3);
	if (d->appn[3] < 1)
		d->appn[3] = 1;
	for (d->napp = 0, y = 0; y < 4; y++)
		d->napp += d->appn[y];
}

/*
 * California's ladder rows the appointees climb (CA "Bridging
 * Classifications", "Career Ladders"): from an LPEL class into a
 * bridging one (d->up[0]), and into an ELTPA class from an LPEL or a
 * bridging one (d->up[1]), in the order of the appendices.
 */
static void
ca_moves(struct demo *d)
{
	const struct catalog *c = d->c;
	const struct ladder_step *s;
	const struct title *from, *to;
	size_t l, k, n = 0;

	for (l = 0; l < c->nladders; l++)
		n += c->ladders[l].nsteps;
	d->up[0] = xcalloc(n + 1, sizeof(*d->up[0]));
	d->up[1] = xcalloc(n + 1, sizeof(*d->up[1]));
	for (l = 0; l < c->nladders; l++)
		for (k = 0; k < c->ladders[l].nsteps; k++) {
			s = &c->ladders[l].steps[k];
			from = &c->titles[s->from], to = &c->titles[s->to];
			if (from->category == CAT_LPEL &&
			    to->category == CAT_BRIDGING)
				d->up[0][d->nup[0]++] = s;
			else if (to->category == CAT_ELTPA &&
			    (from->category == CAT_LPEL ||
			    from->category == CAT_BRIDGING))
				d->up[1][d->nup[1]++] = s;
		}
}

/* The first ladder row from an LPEL class into title to, or NULL. */
static const struct ladder_step *
ca_row_into(const struct demo *d, const struct title *to)
{
	size_t k;

	for (k = 0; k < d->nup[0]; k++)
		if (&d->c->titles[d->up[0][k]->to] == to)
			return d->up[0][k];
	return NULL;
}

/* The first title of a category; else any target title (NULL never). */
static const struct title *
ca_title_of(struct demo *d, enum title_cat cat)
{
	size_t k;

	for (k = 0; k < d->c->ntitles; k++)
		if (d->c->titles[k].category == cat)
			return &d->c->titles[k];
	return any(d, d->cert, d->ncert);
}

/*
 * A California appointee (CA "Department Reporting Responsibilities":
 * appointments to UM classifications): appointed through the program on
 * day ap up a ladder row into a bridging class (eltpa 0) or an ELTPA
 * one (1).  One who climbs from a bridging class came into it through
 * the program too, about two years before.  The participation ended
 * with the appointment (the class is not LPEL: E2); a training and
 * development row was an assignment first (within P2's 2 years).
 */
static void
ca_appointee(struct demo *d, long i, struct emp *e, day_t ap, int eltpa)
{
	const struct ladder_step *s = NULL, *s0;
	const struct title *to, *from = e->cls, *start;
	day_t a = d->as_of, ap0 = DAY_NONE, en;
	char why[256];

	if (d->nup[eltpa] > 0)
		s = d->up[eltpa][d->upnext[eltpa]++ % d->nup[eltpa]];
	if (s != NULL)
		from = &d->c->titles[s->from], to = &d->c->titles[s->to];
	else
		to = ca_title_of(d, eltpa ? CAT_ELTPA : CAT_BRIDGING);
	start = from;
	if (from->category == CAT_BRIDGING) {
		ap0 = ap - 700 - (day_t)pick(d, 60);
		s0 = ca_row_into(d, from);
		start = s0 != NULL ? &d->c->titles[s0->from] : e->cls;
	}
	en = (ap0 != DAY_NONE ? ap0 : ap) - 450 - (day_t)pick(d, 300);
	if (e->seniority > en - 365)
		e->seniority = en - 365 - (day_t)pick(d, 3000);
	e->cls = to, e->eligible = 0;
	e->status = a < date_add_months(ap, 6) ? "probationary" : "permanent";
	e->probation = e->status[0] == 'p' && e->status[1] == 'r' ?
	    "promotional" : NULL;
	employee(d, i, e);
	snprintf(why, sizeof(why), "Appointed to %s through the program",
	    to->name);
	enrollment(d, e->id, en, ENR_WITHDRAWN, ap, why);
	plan(d, e->id, 1, en + 5, to, 0, 2);
	if (s != NULL && s->via == VIA_TRAINING_DEVELOPMENT)
		assignment(d, e->id, ap - 380, ap - 20, "Training and "
		    "development assignment in the new classification");
	if (ap0 != DAY_NONE)
		appointment(d, e->id, start->code, from, ap0, 1);
	appointment(d, e->id, from->code, to, ap, 1);
}

/*
 * Appointee i (after the scenarios): the fiscal year and its place k
 * of n in it from d->appn; appointed on a day of that year, the year's
 * appointments spread over it (the goals' timetable), this year's over
 * the part gone by.  California: the first and two of every five after
 * it to a bridging class, the others to an ELTPA one; Illinois: to a
 * certificate title, as sc_appointed.
 */
static void
appointee(struct demo *d, long i, struct emp *e)
{
	long j = i - d->nscenes - 1;
	int q, k, n;
	day_t s, end, ap;

	for (q = 0; q < 3 && j >= d->appn[q]; q++)
		j -= d->appn[q];
	k = (int)j, n = d->appn[q];
	s = date_fy_start(d->fy - 3 + q);
	end = q < 3 ? date_fy_end(d->fy - 3 + q) : d->as_of;
	ap = s + (day_t)((long)(end - s) * (2 * k + 1) / (2 * n));
	if (d->prof == PROFILE_CALIFORNIA)
		ca_appointee(d, i, e, ap, k % 5 == 1 || k % 5 == 3);
	else
		il_appointed(d, i, e, any(d, d->cert, d->ncert), ap);
}

/* ---- the database ---------------------------------------------------------- */

/* s is one of the n strings of v. */
static int
in_list(const char *const *v, size_t n, const char *s)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (strcmp(v[k], s) == 0)
			return 1;
	return 0;
}

/*
 * The titles the scenarios need (NULL when the catalog has none): see
 * struct demo.
 */
static void
special_titles(struct demo *d)
{
	const struct title *t;
	size_t i;

	for (i = 0; i < d->c->ntitles; i++) {
		t = &d->c->titles[i];
		if (t->kind == KIND_NONE && t->category != CAT_LPEL &&
		    (d->outside == NULL ||
		    t->salary_max_cents > d->outside->salary_max_cents))
			d->outside = t;
		if (t->kind == KIND_NONE || (t->frozen_on != DAY_NONE &&
		    t->frozen_on < d->as_of - 30))
			continue;
		if (t->extended_probation > 0 && (d->extended == NULL ||
		    (t->kind == KIND_DUAL && d->extended->kind != KIND_DUAL)))
			d->extended = t;
		if (t->kind == KIND_CERTIFICATE && t->bargaining_unit != NULL &&
		    d->listed == NULL)
			d->listed = t;
		if (t->kind != KIND_CREDENTIAL)
			continue;
		if (t->degree >= DEG_MASTER && d->master == NULL)
			d->master = t;
		if (t->degree <= DEG_BACHELOR && t->extended_probation < 0 &&
		    d->plain == NULL)
			d->plain = t;
		if (strstr(t->name, "Nurse") != NULL || d->nursing == NULL)
			d->nursing = t;
	}
}

static void
sort_titles(struct demo *d)
{
	size_t i;
	const struct title *t;

	d->entry = xcalloc(d->c->ntitles + 1, sizeof(*d->entry));
	d->cert = xcalloc(d->c->ntitles + 1, sizeof(*d->cert));
	d->cred = xcalloc(d->c->ntitles + 1, sizeof(*d->cred));
	d->dual = xcalloc(d->c->ntitles + 1, sizeof(*d->dual));
	for (i = 0; i < d->c->ntitles; i++) {
		t = &d->c->titles[i];
		/* Employees start in the LPEL classes (CA E2 makes only
		 * them eligible); an appendix without categories: in any
		 * class that is not a target title. */
		if (t->category == CAT_LPEL)
			d->entry[d->nentry++] = t;
		if (t->frozen_on != DAY_NONE && t->kind != KIND_NONE &&
		    t->frozen_on < d->as_of - 30) {
			if (d->frozen == NULL)
				d->frozen = t;
			continue;	/* no one else targets a frozen title */
		}
		if (t->kind == KIND_CERTIFICATE)
			d->cert[d->ncert++] = t;
		else if (t->kind == KIND_CREDENTIAL)
			d->cred[d->ncred++] = t;
		else if (t->kind == KIND_DUAL)
			d->dual[d->ndual++] = t;
	}
	for (i = 0; d->nentry == 0 && i < d->c->ntitles; i++)
		if (d->c->titles[i].kind == KIND_NONE)
			d->entry[d->nentry++] = &d->c->titles[i];
	/* California titles have no kind: any non-entry title will do. */
	if (d->ncert == 0)
		for (i = 0; i < d->c->ntitles; i++)
			if (d->c->titles[i].category != CAT_LPEL)
				d->cert[d->ncert++] = &d->c->titles[i];
	special_titles(d);
}

/*
 * The bargaining units: covered_bargaining_units' first two when the
 * site lists them (and a unit it leaves out), else every unit is
 * covered.  California's are its own.
 */
static void
pick_units(struct demo *d)
{
	const struct settings *s = d->set;

	d->bu[0] = d->prof == PROFILE_CALIFORNIA ? "R04" : "RC-063";
	d->bu[1] = d->prof == PROFILE_CALIFORNIA ? "R15" : "RC-062";
	if (s->covered_units == NULL || s->ncovered_units == 0)
		return;
	d->bu[0] = s->covered_units[0];
	d->bu[1] = s->covered_units[s->ncovered_units > 1];
	d->uncovered = "RC-033";
	if (in_list(s->covered_units, s->ncovered_units, d->uncovered))
		d->uncovered = NULL;
}

/* The periods rows, capacity null until the applicants are counted. */
static void
period_rows(struct demo *d)
{
	int k;

	periods_find(d);
	for (k = 0; k < P__MAX; k++) {
		period_format(d->per[k], d->pername[k]);
		row(d, S_PERIOD, "t", d->pername[k]);
	}
}

/* The capacity of the ended periods: exactly the selected (IL: so the
 * rest of the eligible wait); the next one's is not set yet. */
static void
capacity_rows(struct demo *d)
{
	int k;

	for (k = P_PREV; k <= P_CUR; k++)
		row(d, S_CAPACITY, "it", (int)d->cap[k], d->pername[k]);
}

/*
 * The program's spending other than courses (records.md spending), each
 * of the four years, a little less each year before: Illinois's
 * counselors and proficiency exam sessions (IL VII); California's
 * counselors, training and examination preparation (CA "Training
 * Opportunities": no proficiency exams there, and no course records).
 */
static void
spending_rows(struct demo *d, const char *fy, int y)
{
	static const struct { const char *cat; long cents; const char *note; }
	    il[] = {
		{ "counseling", 1250000, "Career counselors" },
		{ "exams", 380000, "Proficiency exam sessions" },
	}, ca[] = {
		{ "counseling", 1250000, "Career counselors" },
		{ "training", 7400000, "Upward mobility training: colleges, "
		    "CalLearns and contractors" },
		{ "materials", 260000, "Examination preparation workshops" },
	};
	int ca_ = d->prof == PROFILE_CALIFORNIA;
	size_t k, n = ca_ ? sizeof(ca) / sizeof(ca[0]) : sizeof(il) /
	    sizeof(il[0]);
	char *sql;
	long c;

	for (k = 0; k < n; k++) {
		c = (ca_ ? ca[k].cents : il[k].cents) / 20 * (20 - y);
		sql = sqlite3_mprintf("INSERT INTO spending (fiscal_year, "
		    "category, amount_cents, note) VALUES (%Q, %Q, %ld, %Q)",
		    fy, ca_ ? ca[k].cat : il[k].cat, c, ca_ ? ca[k].note :
		    il[k].note);
		if (sqlite3_exec(d->db, sql, NULL, NULL, NULL) != SQLITE_OK)
			d->failed = 1;
		sqlite3_free(sql);
	}
}

static void
program_rows(struct demo *d)
{
	char fy[8];
	int y;

	/* Four years: the last full year's report has its three too. */
	for (y = 0; y < 4; y++) {
		date_fy_name(d->fy - y, fy);
		/* GC 19402: the goal, its basis and its timetable */
		row(d, S_GOAL, "tiiit", fy, goal_of(y), 40 - 4 * y, 25 - 3 * y,
		    "Appointments spread over the year; progress reviewed "
		    "each quarter");
		/* records.md: at most 100,000,000 cents in one field */
		row(d, S_BUDGET, "tii", fy, 95000000 - y * 5000000, 19000000 -
		    y * 1000000);
		spending_rows(d, fy, y);
	}
	capacity_rows(d);
}

/* Employee i: a scenario, or ordinary. */
static void
make_employee(struct demo *d, long i)
{
	const struct scene *sc;
	struct emp e;

	emp_make(d, i, &e);
	if (i >= 1 && i <= d->nscenes) {
		sc = &d->scenes[i - 1];
		if (sc->make(d, i, &e, sc->arg))
			return;
	} else if (i > d->nscenes && i <= d->nscenes + d->napp) {
		appointee(d, i, &e);
		return;
	}
	ordinary(d, i, &e);
}

/* Opens the new file, makes the schema and prepares the statements. */
static int
demo_open(struct demo *d, const char *path)
{
	size_t k;

	/*
	 * A new file nobody else reads until we finish: no journal, no
	 * sync, no mutexes (one thread).  A bigger page cache measured
	 * slower (1,000,000 employees: about 52 s).
	 */
	if (sqlite3_open_v2(path, &d->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
	    sqlite3_exec(d->db, "PRAGMA journal_mode = OFF; PRAGMA synchronous "
	    "= OFF;", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(d->db, rec_schema_sql, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(d->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return 0;
	for (k = 0; k < S__MAX; k++)
		if (sqlite3_prepare_v2(d->db, sqls[k], -1, &d->st[k], NULL) !=
		    SQLITE_OK)
			return 0;
	return 1;
}

int
rec_demo(const char *path, const struct catalog *c, const struct config *s,
    long n, unsigned long seed, day_t as_of, struct diag *diag)
{
	struct demo d;
	size_t k;
	long i;
	int ok = 0;

	memset(&d, 0, sizeof(d));
	if (access(path, F_OK) == 0) {
		diag_file(diag, DIAG_ERROR, path, 0, "already exists; remove "
		    "it first (the demo never overwrites a database)");
		return 0;
	}
	d.rng = seed;
	d.as_of = as_of;
	d.fy = date_fy(as_of);
	d.prof = s->profile;
	d.set = &s->prog;
	d.c = c;
	d.units = d.prof == PROFILE_CALIFORNIA ? ca_units : units;
	d.counties = d.prof == PROFILE_CALIFORNIA ? ca_counties : counties;
	d.scenes = d.prof == PROFILE_CALIFORNIA ? ca_scenes : il_scenes;
	d.nscenes = d.prof == PROFILE_CALIFORNIA ? (long)(sizeof(ca_scenes) /
	    sizeof(ca_scenes[0])) : (long)(sizeof(il_scenes) /
	    sizeof(il_scenes[0]));
	/* IL IV.A: over 7 years of service is selected (about 70% of the
	 * ordinary employees, whose service is 1 to 21 years). */
	d.cutoff = as_of - 365 * 7;
	sort_titles(&d);
	pick_units(&d);
	ca_moves(&d);
	appointees_count(&d);
	if (d.nentry == 0 || d.ncert == 0) {
		diag_msg(diag, DIAG_ERROR, "records demo: the title appendices "
		    "need an entry-level title and a target title");
		goto out;
	}
	if (!demo_open(&d, path))
		goto dberr;
	period_rows(&d);
	for (i = 0; i < n && !d.failed; i++)
		make_employee(&d, i);
	program_rows(&d);
	if (d.failed || sqlite3_exec(d.db, "COMMIT", NULL, NULL, NULL) !=
	    SQLITE_OK)
		goto dberr;
	ok = 1;
	goto out;
dberr:
	diag_file(diag, DIAG_ERROR, path, 0, "cannot make the database: %s",
	    d.db ? sqlite3_errmsg(d.db) : "cannot open");
out:
	for (k = 0; k < S__MAX; k++)
		sqlite3_finalize(d.st[k]);
	if (d.db != NULL)
		sqlite3_close(d.db);
	if (!ok)
		unlink(path);
	free(d.entry);
	free(d.cert);
	free(d.cred);
	free(d.dual);
	free(d.up[0]);
	free(d.up[1]);
	return ok;
}

int
rec_init(const char *path, struct diag *diag)
{
	sqlite3 *db = NULL;
	int ok;

	if (access(path, F_OK) == 0) {
		diag_file(diag, DIAG_ERROR, path, 0, "already exists");
		return 0;
	}
	ok = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL) == SQLITE_OK && sqlite3_exec(db,
	    rec_schema_sql, NULL, NULL, NULL) == SQLITE_OK;
	if (!ok) {
		diag_file(diag, DIAG_ERROR, path, 0, "cannot make the "
		    "database: %s", db ? sqlite3_errmsg(db) : "cannot open");
		unlink(path);
	}
	sqlite3_close(db);
	return ok;
}
