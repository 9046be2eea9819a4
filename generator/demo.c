/*
 * demo.c: a synthetic participant database for demos and benchmarks
 * (umpress records demo).  Deterministic: a splitmix64 generator seeded
 * by --seed, class codes drawn from the project's catalog, dates set
 * around the as-of date, so the same seed, catalog and date give the
 * same bytes.  The first employees are scenarios, one for each rule and
 * alert of rules.md, so the demo shows every one among its first 200;
 * the rest are varied but ordinary.  One transaction, prepared
 * statements, no journal: a million employees in well under a minute.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "records.h"

extern const char rec_schema_sql[];

struct demo {
	sqlite3		*db;
	sqlite3_stmt	*st[13];	/* one insert per table, see sqls */
	uint64_t	 rng;
	day_t		 as_of;
	int		 fy;		/* fiscal year of as_of */
	const struct catalog *c;
	const struct title **entry, **cert, **cred, **dual;
	size_t		 nentry, ncert, ncred, ndual;
	const struct title *master;	/* a credential needing a master's */
	const struct title *frozen;	/* a frozen target title */
	const char *const *units;	/* 10 work units of the profile */
	const char *const *counties;	/* 10 counties */
	long long	 course_id;
	int		 failed;
};

enum { S_EMP, S_ENR, S_PLAN, S_STEP, S_TARGET, S_ATTEMPT, S_COURSE, S_GRADE,
	S_PREF, S_APPT, S_ASSIGN, S_GOAL, S_BUDGET };

static const char *const sqls[] = {
	"INSERT INTO employees (id, name, class_code, department, unit, "
	"supervisor, work_county, bargaining_unit, status, time_base, "
	"rotating_schedule, seniority_date, highest_degree, "
	"last_academic_credit_on, on_layoff, leave, computer_access, "
	"separated_on) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
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
	"taken_on, proficient) VALUES (?,?,?,?,?)",
	"INSERT INTO courses (id, employee_id, class_code, institution, "
	"public_institution, name, starts_on, ends_on, summer_term, "
	"semester_school, credit_hours, meeting_hours_per_week, "
	"full_day_days, lab_for, status, status_on, tuition_cents, "
	"fees_cents, outside_aid_cents) "
	"VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
	"INSERT INTO grades (employee_id, class_code, grade, issued_on, basis) "
	"VALUES (?,?,?,?,?)",
	"INSERT INTO county_preferences (employee_id, class_code, rank, "
	"county) VALUES (?,?,?,?)",
	"INSERT INTO appointments (employee_id, from_class_code, "
	"to_class_code, appointed_on, via_program) VALUES (?,?,?,?,?)",
	"INSERT INTO assignments (employee_id, kind, starts_on, ends_on, "
	"note) VALUES (?,?,?,?,?)",
	"INSERT INTO goals (fiscal_year, expected_appointments) VALUES (?,?)",
	"INSERT INTO budgets (fiscal_year, training_budget_cents) "
	"VALUES (?,?)",
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
static const char *const schools[] = { "Lincoln Land Community College",
	"University of Illinois Springfield", "Harold Washington College",
	"Illinois Central College", "Capital Business Institute" };

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

static void
run(struct demo *d, int which)
{
	if (sqlite3_step(d->st[which]) != SQLITE_DONE && !d->failed)
		d->failed = 1;
	sqlite3_reset(d->st[which]);
	sqlite3_clear_bindings(d->st[which]);
}

/* ---- rows ---------------------------------------------------------------- */

static const struct title *
any(struct demo *d, const struct title **v, size_t n)
{
	return n ? v[pick(d, (long)n)] : NULL;
}

static void
enrollment(struct demo *d, const char *id, day_t on, int status, day_t st_on)
{
	static const char *const s[] = { "active", "suspended", "withdrawn" };
	sqlite3_stmt *q = d->st[S_ENR];

	rec_bind_text(q, 1, id);
	rec_bind_date(q, 2, on);
	rec_bind_text(q, 3, counselors[pick(d, 4)]);
	rec_bind_text(q, 4, s[status]);
	rec_bind_date(q, 5, st_on);
	rec_bind_text(q, 6, status ? "Requested by the employee" : NULL);
	run(d, S_ENR);
}

/* A plan; approved 0: not approved, 1: approved, 2: and reviewed. */
static void
plan(struct demo *d, const char *id, int version, day_t created,
    const struct title *target, int approved)
{
	sqlite3_stmt *q = d->st[S_PLAN];
	int k;

	rec_bind_text(q, 1, id);
	sqlite3_bind_int(q, 2, version);
	rec_bind_date(q, 3, created);
	rec_bind_text(q, 4, target ? "Qualify for a promotion within three years" :
	    "Explore the program's titles");
	rec_bind_text(q, 5, target ? target->code : NULL);
	rec_bind_date(q, 6, target ? date_add_years(created, 3) : DAY_NONE);
	rec_bind_date(q, 7, approved ? created + 10 : DAY_NONE);
	rec_bind_date(q, 8, approved > 1 ? created + 20 : DAY_NONE);
	rec_bind_text(q, 9, version > 1 ? "Revised after a change of classes" :
	    NULL);
	run(d, S_PLAN);
	for (k = 1; k <= 3; k++) {
		q = d->st[S_STEP];
		rec_bind_text(q, 1, id);
		sqlite3_bind_int(q, 2, version);
		sqlite3_bind_int(q, 3, k);
		rec_bind_text(q, 4, k == 1 ? "Meet the career counselor" : k == 2 ?
		    "Finish the first class" : "Take the proficiency exam");
		rec_bind_date(q, 5, created + 60 * k);
		rec_bind_date(q, 6, created + 60 * k <= d->as_of - 30 ? created + 55 *
		    k : DAY_NONE);
		run(d, S_STEP);
	}
}

static void
target(struct demo *d, const char *id, const struct title *t, day_t on,
    const char *route)
{
	sqlite3_stmt *q = d->st[S_TARGET];

	if (t == NULL)
		return;
	rec_bind_text(q, 1, id);
	rec_bind_text(q, 2, t->code);
	rec_bind_date(q, 3, on);
	rec_bind_text(q, 4, NULL);
	rec_bind_text(q, 5, t->kind == KIND_DUAL ? route : NULL);
	rec_bind_text(q, 6, chance(d, 5) ? "bilingual" : NULL);
	run(d, S_TARGET);
}

static void
attempt(struct demo *d, const char *id, const struct title *t,
    const char *section, day_t on, int ok)
{
	sqlite3_stmt *q = d->st[S_ATTEMPT];

	if (t == NULL)
		return;
	rec_bind_text(q, 1, id);
	rec_bind_text(q, 2, t->code);
	rec_bind_text(q, 3, section);
	rec_bind_date(q, 4, on);
	sqlite3_bind_int(q, 5, ok);
	run(d, S_ATTEMPT);
}

struct course_spec {
	const struct title *t;
	day_t		 starts, ends;
	const char	*status;
	double		 credits;	/* < 0: unknown */
	double		 meeting;
	int		 full_days;	/* < 0: none */
	long long	 lab_for;
	int		 public_school, summer;
	long		 tuition, fees, aid;
	day_t		 status_on;
};

static long long
course(struct demo *d, const char *id, const struct course_spec *c)
{
	sqlite3_stmt *q = d->st[S_COURSE];
	long long cid = ++d->course_id;

	sqlite3_bind_int64(q, 1, cid);
	rec_bind_text(q, 2, id);
	rec_bind_text(q, 3, c->t ? c->t->code : NULL);
	rec_bind_text(q, 4, schools[c->public_school ? pick(d, 4) : 4]);
	sqlite3_bind_int(q, 5, c->public_school);
	rec_bind_text(q, 6, c->lab_for ? "Laboratory" : c->credits == 1 ?
	    "Workshop" : "Course");
	rec_bind_date(q, 7, c->starts);
	rec_bind_date(q, 8, c->ends);
	sqlite3_bind_int(q, 9, c->summer);
	sqlite3_bind_int(q, 10, 1);
	if (c->credits >= 0)
		sqlite3_bind_double(q, 11, c->credits);
	sqlite3_bind_double(q, 12, c->meeting);
	if (c->full_days >= 0)
		sqlite3_bind_int(q, 13, c->full_days);
	if (c->lab_for)
		sqlite3_bind_int64(q, 14, c->lab_for);
	rec_bind_text(q, 15, c->status);
	rec_bind_date(q, 16, c->status_on != DAY_NONE ? c->status_on : c->starts);
	sqlite3_bind_int64(q, 17, c->tuition);
	sqlite3_bind_int64(q, 18, c->fees);
	sqlite3_bind_int64(q, 19, c->aid);
	run(d, S_COURSE);
	return cid;
}

/* A plain 3-credit public course starting on a day. */
static void
course_simple(struct demo *d, const char *id, const struct title *t,
    day_t starts, const char *status)
{
	struct course_spec c;

	memset(&c, 0, sizeof(c));
	c.t = t;
	c.starts = starts;
	c.ends = starts + 105;
	c.status = status;
	c.credits = 3;
	c.meeting = 3;
	c.full_days = -1;
	c.public_school = 1;
	c.tuition = 45000 + pick(d, 30000);
	c.fees = 2500;
	c.status_on = DAY_NONE;
	course(d, id, &c);
}

static void
grade(struct demo *d, const char *id, const struct title *t, char g,
    day_t on)
{
	sqlite3_stmt *q = d->st[S_GRADE];
	char s[2] = { g, '\0' };

	if (t == NULL)
		return;
	/* IL XII.A: the program grades a certificate or dual title A
	 * (rules.md G4 warns of another) */
	if (t->kind == KIND_CERTIFICATE || t->kind == KIND_DUAL)
		s[0] = 'A';
	rec_bind_text(q, 1, id);
	rec_bind_text(q, 2, t->code);
	rec_bind_text(q, 3, s);
	rec_bind_date(q, 4, on);
	rec_bind_text(q, 5, t->kind == KIND_CREDENTIAL ? "degree" : "exam");
	run(d, S_GRADE);
}

static void
prefs(struct demo *d, const char *id, const struct title *t, int n)
{
	sqlite3_stmt *q = d->st[S_PREF];
	long first = pick(d, 10);
	int k;

	for (k = 0; t != NULL && k < n; k++) {
		rec_bind_text(q, 1, id);
		rec_bind_text(q, 2, t->code);
		sqlite3_bind_int(q, 3, k + 1);
		rec_bind_text(q, 4, d->counties[(first + k * 3) % 10]);
		run(d, S_PREF);
	}
}

static void
appointment(struct demo *d, const char *id, const char *from,
    const struct title *to, day_t on)
{
	sqlite3_stmt *q = d->st[S_APPT];

	if (to == NULL)
		return;
	rec_bind_text(q, 1, id);
	rec_bind_text(q, 2, from);
	rec_bind_text(q, 3, to->code);
	rec_bind_date(q, 4, on);
	sqlite3_bind_int(q, 5, 1);
	run(d, S_APPT);
}

/* ---- employees ------------------------------------------------------------ */

struct emp {
	char		 id[32];
	char		 name[160];
	const struct title *cls;
	const char	*status;
	double		 time_base;
	int		 rotating, layoff, computer;
	const char	*degree, *leave, *bu;
	day_t		 seniority, credit, separated;
};

static void
employee(struct demo *d, long i, const struct emp *e)
{
	sqlite3_stmt *q = d->st[S_EMP];

	rec_bind_text(q, 1, e->id);
	rec_bind_text(q, 2, e->name);
	rec_bind_text(q, 3, e->cls->code);
	rec_bind_text(q, 4, "Department of Example Services");
	rec_bind_text(q, 5, d->units[i % 10 == 9 && i > 50 ? pick(d, 10) : (i / 7) %
	    10]);
	rec_bind_text(q, 6, "Supervisor of the unit");
	rec_bind_text(q, 7, d->counties[pick(d, 10)]);
	rec_bind_text(q, 8, e->bu);
	rec_bind_text(q, 9, e->status);
	sqlite3_bind_double(q, 10, e->time_base);
	sqlite3_bind_int(q, 11, e->rotating);
	rec_bind_date(q, 12, e->seniority);
	rec_bind_text(q, 13, e->degree);
	rec_bind_date(q, 14, e->credit);
	sqlite3_bind_int(q, 15, e->layoff);
	rec_bind_text(q, 16, e->leave);
	sqlite3_bind_int(q, 17, e->computer);
	rec_bind_date(q, 18, e->separated);
	run(d, S_EMP);
}

static void
emp_make(struct demo *d, long i, struct emp *e)
{
	static const char *const degrees[] = { "none", "high_school",
	    "high_school", "associate", "bachelor" };

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
	e->status = i >= 40 && chance(d, 6) ? (chance(d, 50) ? "limited_term" :
	    "temporary") : chance(d, 15) ? "probationary" : "permanent";
	e->time_base = i >= 40 && chance(d, 10) ? (chance(d, 50) ? 0.5 :
	    0.75) : 1.0;
	e->rotating = chance(d, 8);
	e->layoff = i >= 40 && chance(d, 2);
	e->computer = !chance(d, 15);
	e->degree = degrees[pick(d, 5)];
	e->bu = chance(d, 5) && i >= 40 ? NULL : chance(d, 70) ? "RC-063" :
	    "RC-062";
	e->seniority = d->as_of - 365 - (day_t)pick(d, 365 * 20);
	e->credit = chance(d, 40) ? d->as_of - (day_t)pick(d, 365 * 8) :
	    DAY_NONE;
	e->separated = i >= 40 && chance(d, 2) ? d->as_of - (day_t)pick(d,
	    300) : DAY_NONE;
	e->leave = i >= 40 && chance(d, 3) ? (chance(d, 50) ? "education" :
	    "military_paid") : NULL;
}

/* An ordinary participant: enrolled, a plan, a target, exams, classes. */
static void
ordinary(struct demo *d, const struct emp *e)
{
	day_t enrolled = d->as_of - 200 - (day_t)pick(d, 900);
	const struct title *t = any(d, d->cert, d->ncert);
	day_t first;
	int k, n;

	enrollment(d, e->id, enrolled, 0, DAY_NONE);
	plan(d, e->id, 1, enrolled + 5, t, 2);
	target(d, e->id, t, enrolled + 5, "exam");
	first = enrolled + 30 + (day_t)pick(d, 60);
	if (first < d->as_of) {
		attempt(d, e->id, t, "Reading", first, 1);
		attempt(d, e->id, t, "Mathematics", first, chance(d, 60));
	}
	n = (int)pick(d, 4);
	for (k = 0; k < n; k++)
		course_simple(d, e->id, t, d->as_of - 120 * (k + 1) +
		    (day_t)pick(d, 60), k == 0 && chance(d, 50) ? "enrolled" :
		    "completed");
	if (chance(d, 30)) {
		grade(d, e->id, t, "ABC"[pick(d, 3)], d->as_of - (day_t)pick(d,
		    365 * 5));
		prefs(d, e->id, t, 1 + (int)pick(d, 3));
	}
}

/*
 * A participant of the scenarios: the employee row, an active
 * enrollment, a plan approved and reviewed, and (route not NULL) a
 * target of t opened the day of the plan.
 */
static void
participant(struct demo *d, long i, struct emp *e, day_t enrolled,
    day_t planned, const struct title *t, const char *route)
{
	employee(d, i, e);
	enrollment(d, e->id, enrolled, 0, DAY_NONE);
	plan(d, e->id, 1, planned, t, 2);
	if (route != NULL)
		target(d, e->id, t, planned, route);
}

/* A 3-credit course at a public school for the scenarios. */
static void
course_spec3(struct course_spec *cs, const struct title *t, day_t starts,
    day_t ends, const char *status, long tuition, day_t status_on)
{
	memset(cs, 0, sizeof(*cs));
	cs->t = t, cs->starts = starts, cs->ends = ends;
	cs->status = status, cs->credits = 3, cs->meeting = 3;
	cs->full_days = -1, cs->public_school = 1;
	cs->tuition = tuition, cs->status_on = status_on;
}

/* Scenarios 1-4: E3 and the target rules T1-T3. */
static int
sc_targets(struct demo *d, long i, struct emp *e, const struct title *c1)
{
	day_t a = d->as_of, en = a - 500, fz;
	int k;

	switch (i) {
	case 1:		/* E3: leave other and a planned course */
		e->leave = "other";
		participant(d, i, e, en, en, c1, NULL);
		course_simple(d, e->id, c1, a + 40, "planned");
		return 1;
	case 2:		/* T1: three certificate targets */
		participant(d, i, e, en, en, c1, NULL);
		for (k = 0; k < 3 && k < (int)d->ncert; k++)
			target(d, e->id, d->cert[k], en + k, "exam");
		return 1;
	case 3:		/* T2: a master's credential, no bachelor */
		if (d->master == NULL)
			return 0;
		e->degree = "high_school";
		participant(d, i, e, en, en, d->master, "degree");
		return 1;
	case 4:		/* T3: a target opened after its title froze */
		if (d->frozen == NULL)
			return 0;
		fz = d->frozen->frozen_on;
		participant(d, i, e, fz, fz + 1, d->frozen, "exam");
		return 1;
	}
	return 0;
}

/* Scenarios 5-6 and 13-14: exam windows (X1, X2) and grades (G1). */
static int
sc_exams(struct demo *d, long i, struct emp *e, const struct title *c1)
{
	day_t a = d->as_of, y3 = date_add_years(a, -3), y7, g;
	int k;

	switch (i) {
	case 5:		/* X1: the window closes within 180 days; X2 */
	case 6:		/* X1: the window has closed */
		k = i == 5 ? -60 : 40;
		participant(d, i, e, y3 - 200, y3 - 190, c1, "exam");
		attempt(d, e->id, c1, "Reading", y3 + k, 1);
		attempt(d, e->id, c1, "Mathematics", y3 + k, 0);
		attempt(d, e->id, c1, "Mathematics", a - 10, 0);
		return 1;
	case 13:	/* G1: a grade expiring soon; G3 lists */
	case 14:	/* G1: an expired grade */
		y7 = date_add_years(a, -7);
		g = date_add_years(a, -6);
		participant(d, i, e, y7, y7, c1, "exam");
		attempt(d, e->id, c1, "Reading", g - 30, 1);
		grade(d, e->id, c1, 'B', g + (i == 13 ? 90 : -10));
		prefs(d, e->id, c1, 2);
		return 1;
	}
	return 0;
}

/* Scenarios 7-12 and 21-22: the class rules C1-C6 and time off O1-O3. */
static int
sc_classes(struct demo *d, long i, struct emp *e, const struct title *c1)
{
	day_t a = d->as_of, fy0 = date_fy_start(d->fy), en = a - 500, y4;
	struct course_spec cs;
	long long lab;
	int k;

	switch (i) {
	case 7:		/* C1: eight classes this fiscal year */
		participant(d, i, e, en, en, c1, "exam");
		for (k = 0; k < 8; k++)
			course_simple(d, e->id, c1, fy0 + k * 12 < a ? fy0 +
			    k * 12 : a, "completed");
		return 1;
	case 8:		/* C2: three classes at once */
	case 22:	/* C2 in a summer term; layoff keeps eligibility */
		e->layoff = i == 22;
		participant(d, i, e, en, en, c1, "exam");
		for (k = 0; k < (i == 8 ? 3 : 2); k++) {
			course_spec3(&cs, c1, a - 20, a + 60, "enrolled", 40000,
			    DAY_NONE);
			cs.meeting = 3 + k, cs.summer = i == 22;
			course(d, e->id, &cs);
		}
		return 1;
	case 9:		/* C3: no recent credit, a planned first class */
		e->credit = DAY_NONE;
		participant(d, i, e, a - 30, a - 25, c1, "exam");
		course_simple(d, e->id, c1, a + 30, "planned");
		return 1;
	case 10:	/* C4: a drop after the plan */
	case 11:	/* C5: three drops and failures */
		participant(d, i, e, en, en, c1, "exam");
		for (k = 0; k < (i == 10 ? 1 : 3); k++) {
			course_spec3(&cs, c1, en + 30 + 120 * k, en + 130 +
			    120 * k, k == 1 ? "failed" : "dropped", 30000,
			    en + 70 + 120 * k);
			course(d, e->id, &cs);
		}
		return 1;
	case 12:	/* C6: enrolled four years ago, nothing since */
		y4 = date_add_years(a, -4);
		participant(d, i, e, y4, y4, c1, "exam");
		return 1;
	case 21:	/* C1 groupings, labs, O1 part time, O2, O3, M1 caps */
		e->time_base = 0.5;
		e->rotating = 1;
		participant(d, i, e, en, en, c1, "exam");
		course_spec3(&cs, c1, a - 10, a + 80, "enrolled", 250000,
		    DAY_NONE);
		cs.credits = 4, cs.meeting = 12, cs.public_school = 0;
		lab = course(d, e->id, &cs);
		cs.credits = 1, cs.meeting = 2, cs.lab_for = lab;
		cs.tuition = 5000, cs.public_school = 1;
		course(d, e->id, &cs);
		cs.lab_for = 0, cs.credits = 1, cs.full_days = 6;
		cs.meeting = 0, cs.starts = a - 5, cs.ends = a + 5;
		cs.aid = 9000;	/* outside aid above the tuition */
		course(d, e->id, &cs);
		cs.credits = 2, cs.full_days = -1, cs.aid = 0;
		cs.status = "completed", cs.starts = fy0 + 3;
		cs.ends = fy0 + 40;
		course(d, e->id, &cs);
		return 1;
	}
	return 0;
}

/* Scenarios 15-20 and 23-31: plans and assignments (P1, P2), money
 * (M1-M3), lists and appointments (G3), enrollment history. */
static int
sc_program(struct demo *d, long i, struct emp *e, const struct title *c1)
{
	day_t a = d->as_of, en = a - 500;
	const struct title *t;
	struct course_spec cs;

	switch (i) {
	case 15:	/* P1: no plan */
		employee(d, i, e);
		enrollment(d, e->id, a - 40, 0, DAY_NONE);
		return 1;
	case 16:	/* P1: not approved */
	case 17:	/* P1: approved, not reviewed */
		employee(d, i, e);
		enrollment(d, e->id, a - 40, 0, DAY_NONE);
		plan(d, e->id, 1, a - 35, c1, i == 16 ? 0 : 1);
		return 1;
	case 18:	/* P2: an assignment past 2 years */
		participant(d, i, e, en, en, c1, NULL);
		rec_bind_text(d->st[S_ASSIGN], 1, e->id);
		rec_bind_text(d->st[S_ASSIGN], 2, "training_development");
		rec_bind_date(d->st[S_ASSIGN], 3, date_add_years(a, -2) - 30);
		rec_bind_text(d->st[S_ASSIGN], 5, "Budget office rotation");
		run(d, S_ASSIGN);
		return 1;
	case 19:	/* M1-M3: a credential course binds, 16 months to go */
	case 20:	/* M3: separated before the commitment ended */
		if ((t = any(d, d->cred, d->ncred)) == NULL)
			return 0;
		e->degree = "bachelor";
		if (i == 20)
			e->separated = a - 15;
		participant(d, i, e, a - 600, a - 590, t, "degree");
		course_spec3(&cs, t, a - 340, a - 240, "completed", 96000,
		    a - 240);
		cs.credits = 4, cs.meeting = 4, cs.fees = 4000;
		course(d, e->id, &cs);
		return 1;
	case 23: case 24: case 25: case 26: case 27: case 28: case 29:
	case 30:	/* G3 lists in several counties; appointments */
		t = d->cert[i % (long)d->ncert];
		participant(d, i, e, a - 900, a - 890, t, "exam");
		grade(d, e->id, t, "ABCA"[i % 4], a - 100 - i);
		prefs(d, e->id, t, 3);
		appointment(d, e->id, e->cls->code, any(d, d->cert, d->ncert),
		    date_fy_start(d->fy - (int)(i % 3)) + 20);
		return 1;
	case 31:	/* enrollment suspended, then withdrawn */
		employee(d, i, e);
		enrollment(d, e->id, a - 700, 2, a - 100);
		return 1;
	}
	return 0;
}

/*
 * The scenarios: employee i (< 40) shows rule or alert i of the lists
 * above.  Returns 0 when i is not a scenario (or the catalog lacks what
 * it needs), and the employee is made ordinary.
 */
static int
scenario(struct demo *d, long i, struct emp *e)
{
	/* Drawn first, whatever the scenario: the same seed draws the
	 * same numbers for every employee after it. */
	const struct title *c1 = any(d, d->cert, d->ncert);

	return sc_targets(d, i, e, c1) || sc_exams(d, i, e, c1) ||
	    sc_classes(d, i, e, c1) || sc_program(d, i, e, c1);
}

/* ---- the database ---------------------------------------------------------- */

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
		else if (t->kind == KIND_CREDENTIAL) {
			d->cred[d->ncred++] = t;
			if (t->degree >= DEG_MASTER && d->master == NULL)
				d->master = t;
		} else if (t->kind == KIND_DUAL)
			d->dual[d->ndual++] = t;
	}
	for (i = 0; d->nentry == 0 && i < d->c->ntitles; i++)
		if (d->c->titles[i].kind == KIND_NONE)
			d->entry[d->nentry++] = &d->c->titles[i];
	/* California titles have no kind: any non-entry title will do. */
	for (i = 0; d->ncert == 0 && i < d->c->ntitles; i++)
		if (d->c->titles[i].category != CAT_LPEL)
			d->cert[d->ncert++] = &d->c->titles[i];
}

static void
program_rows(struct demo *d)
{
	char fy[8];
	int y;

	for (y = 0; y < 3; y++) {
		date_fy_name(d->fy - y, fy);
		rec_bind_text(d->st[S_GOAL], 1, fy);
		sqlite3_bind_int(d->st[S_GOAL], 2, 12 - 2 * y);
		run(d, S_GOAL);
		rec_bind_text(d->st[S_BUDGET], 1, fy);
		/* records.md: at most 100,000,000 cents in one field */
		sqlite3_bind_int64(d->st[S_BUDGET], 2, 95000000LL - y *
		    5000000LL);
		run(d, S_BUDGET);
	}
	date_fy_name(d->fy, fy);
	{
		char *sql = sqlite3_mprintf("INSERT INTO spending ("
		    "fiscal_year, category, amount_cents, note) VALUES "
		    "(%Q, 'counseling', 1250000, 'Career counselors'), "
		    "(%Q, 'exams', 380000, 'Proficiency exam sessions')", fy,
		    fy);

		if (sqlite3_exec(d->db, sql, NULL, NULL, NULL) != SQLITE_OK)
			d->failed = 1;
		sqlite3_free(sql);
	}
}

int
rec_demo(const char *path, const struct catalog *c, const struct config *s,
    long n, unsigned long seed, day_t as_of, struct diag *diag)
{
	struct demo d;
	struct emp e;
	size_t k;
	long i;
	int ok = 0;

	(void)s;
	memset(&d, 0, sizeof(d));
	if (access(path, F_OK) == 0) {
		diag_file(diag, DIAG_ERROR, path, 0, "already exists; remove "
		    "it first (the demo never overwrites a database)");
		return 0;
	}
	d.rng = seed;
	d.as_of = as_of;
	d.fy = date_fy(as_of);
	d.c = c;
	d.units = s->profile == PROFILE_CALIFORNIA ? ca_units : units;
	d.counties = s->profile == PROFILE_CALIFORNIA ? ca_counties :
	    counties;
	sort_titles(&d);
	if (d.nentry == 0 || d.ncert == 0) {
		diag_msg(diag, DIAG_ERROR, "records demo: the title appendices "
		    "need an entry-level title and a target title");
		goto out;
	}
	/*
	 * A new file nobody else reads until we finish: no journal, no
	 * sync, no mutexes (one thread).  A bigger page cache measured
	 * slower (1,000,000 employees: about 52 s).
	 */
	if (sqlite3_open_v2(path, &d.db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
	    sqlite3_exec(d.db, "PRAGMA journal_mode = OFF; PRAGMA synchronous "
	    "= OFF;", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(d.db, rec_schema_sql, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(d.db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		goto dberr;
	for (k = 0; k < sizeof(sqls) / sizeof(sqls[0]); k++)
		if (sqlite3_prepare_v2(d.db, sqls[k], -1, &d.st[k], NULL) !=
		    SQLITE_OK)
			goto dberr;
	for (i = 0; i < n && !d.failed; i++) {
		emp_make(&d, i, &e);
		if (i < 40 && scenario(&d, i, &e))
			continue;
		employee(&d, i, &e);
		/* Only those the program may take enroll (IL II.A: a
		 * represented, permanent or probationary employee). */
		if (!chance(&d, 10) && e.bu != NULL &&
		    (strcmp(e.status, "permanent") == 0 ||
		    strcmp(e.status, "probationary") == 0))
			ordinary(&d, &e);
	}
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
	for (k = 0; k < sizeof(d.st) / sizeof(d.st[0]); k++)
		sqlite3_finalize(d.st[k]);
	if (d.db != NULL)
		sqlite3_close(d.db);
	if (!ok)
		unlink(path);
	free(d.entry);
	free(d.cert);
	free(d.cred);
	free(d.dual);
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
