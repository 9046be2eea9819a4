/*
 * test_rules.c: the rules of rules.md, one test or more per rule id
 * (test_ID_what), the packet's words (view.c, test_words_what), and
 * the edges: 29 February, fiscal-year and half-year
 * boundaries, labs, 1- and 2-credit groupings, part-time caps, private
 * tuition caps, outside aid above tuition, separation before and after
 * the commitment ends, M3's rounding half up, unknown class codes, and
 * the order of alerts.  Where cases are alike they are a table.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "extern.h"	/* model.h, and view.c's view_* */
#include "../c1_oracle.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* A small catalog by hand, sorted by code (catalog_find bisects). */
static struct title titles[] = {
	{ "CERT-A", "Certificate A", NULL, KIND_CERTIFICATE, CAT_NONE,
	    DEG_NONE, DAY_NONE, 500000, 0, "t", 1, NULL, -1 },
	{ "CERT-B", "Certificate B", NULL, KIND_CERTIFICATE, CAT_NONE,
	    DEG_NONE, DAY_NONE, 400000, 0, "t", 2, NULL, -1 },
	{ "CERT-C", "Certificate C", NULL, KIND_CERTIFICATE, CAT_NONE,
	    DEG_NONE, DAY_NONE, 450000, 0, "t", 3, NULL, -1 },
	{ "CLERK", "Clerk", NULL, KIND_NONE, CAT_LPEL, DEG_NONE, DAY_NONE,
	    300000, 0, "t", 4, NULL, -1 },
	{ "CRED-B", "Credential B", NULL, KIND_CREDENTIAL, CAT_NONE,
	    DEG_BACHELOR, DAY_NONE, 650000, 0, "t", 5, NULL, -1 },
	{ "CRED-M", "Credential M", NULL, KIND_CREDENTIAL, CAT_NONE,
	    DEG_MASTER, DAY_NONE, 700000, 0, "t", 6, NULL, -1 },
	{ "DUAL", "Dual", NULL, KIND_DUAL, CAT_NONE, DEG_BACHELOR, DAY_NONE,
	    600000, 0, "t", 7, NULL, -1 },
	{ "DUAL-M", "Dual M", NULL, KIND_DUAL, CAT_NONE, DEG_MASTER, DAY_NONE,
	    620000, 0, "t", 8, NULL, -1 },
	{ "FROZEN", "Frozen", NULL, KIND_CERTIFICATE, CAT_NONE, DEG_NONE,
	    DAY_NONE, 400000, 0, "t", 9, NULL, -1 },
	{ "NOSAL", "No salary", NULL, KIND_CERTIFICATE, CAT_NONE, DEG_NONE,
	    DAY_NONE, -1, 0, "t", 10, NULL, -1 },
};
enum { T_CERT_A, T_CERT_B, T_CERT_C, T_CLERK, T_CRED_B, T_CRED_M, T_DUAL,
	T_DUAL_M, T_FROZEN, T_NOSAL };
static struct catalog cat = { titles, NELEM(titles), NULL, 0 };
static struct settings set;
static struct arena ar;

static day_t
D(const char *s)
{
	day_t t;

	assert_true(date_parse(s, strlen(s), &t));
	return t;
}

/* Selected in the latest registration period (24291: 2024-04): so N2
 * does not ask the test employee to register unless a test says so. */
static const struct app_status selected = { 24291, APP_SELECTED, 1, 0,
	ER_NONE };

/* An eligible full-time Illinois employee with nothing else on record
 * but an application that was selected. */
static void
emp(struct history *h)
{
	memset(h, 0, sizeof(*h));
	h->emp.id = "E1";
	h->emp.name = "Test";
	h->emp.class_code = "CLERK";
	h->emp.bargaining_unit = "RC-063";
	h->emp.status = ST_PERMANENT;
	h->emp.time_base = 1.0;
	h->emp.seniority_date = D("2010-01-01");
	h->emp.highest_degree = DEG_HIGH_SCHOOL;
	h->emp.last_academic_credit_on = DAY_NONE;
	h->emp.separated_on = DAY_NONE;
	h->emp.computer_access = 1;
	h->app = &selected;
}

static struct course
C(const char *code, const char *start, const char *end,
    enum course_status st, double credits)
{
	struct course c;

	memset(&c, 0, sizeof(c));
	c.class_code = code;
	c.starts_on = D(start);
	c.ends_on = D(end);
	c.status = st;
	c.status_on = D(start);
	c.credit_hours = credits;
	c.full_day_days = -1;
	c.public_institution = 1;
	return c;
}

/* The k-th of courses one after another (apart: each ends 10 days
 * before the next starts), from 1 August 2026, in fiscal year 2026-27. */
static struct course
SEQ(int k, enum course_status st, double credits)
{
	struct course c = C(NULL, "2026-08-01", "2026-08-01", st, credits);

	c.starts_on += 20 * k;
	c.ends_on = c.starts_on + 9;
	c.status_on = c.ends_on;
	c.id = k + 1;
	return c;
}

static struct target
T(const char *code, const char *on, enum route r)
{
	struct target t;

	memset(&t, 0, sizeof(t));
	t.class_code = code;
	t.targeted_on = D(on);
	t.ended_on = DAY_NONE;
	t.route = r;
	return t;
}

static struct exam_attempt
X(const char *code, const char *section, const char *on, int proficient)
{
	struct exam_attempt x;

	memset(&x, 0, sizeof(x));
	x.class_code = code;
	x.section = section;
	x.taken_on = D(on);
	x.proficient = proficient;
	return x;
}

static struct grade
G(const char *code, char grade, const char *on)
{
	struct grade g;

	memset(&g, 0, sizeof(g));
	g.class_code = code;
	g.grade = grade;
	g.issued_on = D(on);
	return g;
}

static struct enrollment
ENR(const char *on, enum enr_status st, const char *status_on)
{
	struct enrollment e;

	memset(&e, 0, sizeof(e));
	e.enrolled_on = D(on);
	e.counselor = "Pat";
	e.status = st;
	e.status_on = status_on ? D(status_on) : DAY_NONE;
	return e;
}

static struct plan
PLAN(int version, const char *created, const char *approved,
    const char *reviewed)
{
	struct plan pl;

	memset(&pl, 0, sizeof(pl));
	pl.version = version;
	pl.created_on = D(created);
	pl.supervisor_approved_on = approved ? D(approved) : DAY_NONE;
	pl.coordinator_reviewed_on = reviewed ? D(reviewed) : DAY_NONE;
	return pl;
}

/* The alert with this code, or NULL. */
static const struct alert *
has(const struct packet *p, enum alert_code code)
{
	size_t i;

	for (i = 0; i < p->nalerts; i++)
		if (p->alerts[i].code == code)
			return &p->alerts[i];
	return NULL;
}

static void
runp(const struct history *h, enum profile prof, const char *asof,
    struct packet *p)
{
	arena_reset(&ar);
	rule_packet(h, &cat, &set, prof, D(asof), &ar, p);
}

static void
run(const struct history *h, const char *asof, struct packet *p)
{
	runp(h, PROFILE_ILLINOIS, asof, p);
}

static int
setup(void **state)
{
	(void)state;
	settings_defaults(&set);
	titles[T_FROZEN].frozen_on = D("2025-01-01");
	titles[T_CERT_C].salary_max_cents = 450000;
	return 0;
}

/* ---- catalog sanity ---------------------------------------------------- */

static void
test_catalog_sorted(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(titles); i++)
		assert_ptr_equal(catalog_find(&cat, titles[i].code),
		    &titles[i]);
	assert_null(catalog_find(&cat, "NOPE"));
}

/* ---- eligibility ------------------------------------------------------- */

static void
test_E1_eligibility_table(void **state)
{
	static const struct {
		const char *bu;
		enum emp_status st;
		const char *sep;
		int layoff, want;
	} cases[] = {
		{ "RC-063", ST_PERMANENT, NULL, 0, 1 },
		{ "RC-063", ST_PROBATIONARY, NULL, 0, 1 },
		{ "RC-063", ST_PERMANENT, NULL, 1, 1 },	/* IL II.C */
		{ "RC-063", ST_LIMITED_TERM, NULL, 0, 0 },
		{ "RC-063", ST_TEMPORARY, NULL, 0, 0 },
		{ NULL, ST_PERMANENT, NULL, 0, 0 },
		{ "RC-063", ST_PERMANENT, "2026-11-23", 0, 0 },	/* on as-of */
		{ "RC-063", ST_PERMANENT, "2026-11-24", 0, 1 },	/* after */
		{ "RC-063", ST_PERMANENT, "2026-11-22", 0, 0 },
	};
	struct history h;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		emp(&h);
		h.emp.bargaining_unit = cases[i].bu;
		h.emp.status = cases[i].st;
		h.emp.on_layoff = cases[i].layoff;
		if (cases[i].sep)
			h.emp.separated_on = D(cases[i].sep);
		assert_int_equal(rule_eligible(&h, &cat, &set, PROFILE_ILLINOIS,
		    D("2026-11-23")), cases[i].want);
	}
}

static void
test_E2_california_lpel(void **state)
{
	struct history h;

	(void)state;
	emp(&h);
	h.emp.bargaining_unit = NULL;	/* E1 does not apply in CA */
	h.emp.status = ST_TEMPORARY;
	assert_true(rule_eligible(&h, &cat, &set, PROFILE_CALIFORNIA,
	    D("2026-11-23")));
	h.emp.separated_on = D("2026-11-23");
	assert_false(rule_eligible(&h, &cat, &set, PROFILE_CALIFORNIA,
	    D("2026-11-23")));
	h.emp.separated_on = DAY_NONE;
	h.emp.class_code = "CERT-A";	/* not LPEL */
	assert_false(rule_eligible(&h, &cat, &set, PROFILE_CALIFORNIA,
	    D("2026-11-23")));
	h.emp.class_code = "NOT-IN-CATALOG";
	assert_false(rule_eligible(&h, &cat, &set, PROFILE_CALIFORNIA,
	    D("2026-11-23")));
	/* E2 is not applied in Illinois: E1 decides there. */
	h.emp.class_code = "CERT-A";
	h.emp.bargaining_unit = "X";
	h.emp.status = ST_PERMANENT;
	assert_true(rule_eligible(&h, &cat, &set, PROFILE_ILLINOIS,
	    D("2026-11-23")));
}

/* California: E2, P1, P2 only; no exams, classes, time off or money. */
static void
test_E2_california_profile_scope(void **state)
{
	struct target t = T("CERT-A", "2020-01-01", ROUTE_NONE);
	struct exam_attempt x = X("CERT-A", "Math", "2022-01-01", 0);
	struct course c[3];
	struct enrollment e = ENR("2020-01-01", ENR_ACTIVE, NULL);
	struct history h;
	struct packet p;
	int i;

	(void)state;
	emp(&h);
	h.emp.leave = LEAVE_OTHER;
	h.emp.rotating_schedule = 1;
	for (i = 0; i < 3; i++) {
		c[i] = C("CRED-M", "2026-09-01", "2026-12-15", CS_ENROLLED, 3);
		c[i].tuition_cents = 1000;
		c[i].meeting_hours_per_week = 4;
	}
	h.courses = c, h.ncourses = 3;
	h.targets = &t, h.ntargets = 1;
	h.attempts = &x, h.nattempts = 1;
	h.enrollments = &e, h.nenrollments = 1;
	runp(&h, PROFILE_CALIFORNIA, "2026-11-23", &p);
	assert_true(p.eligible);	/* CLERK is LPEL */
	assert_int_equal(p.ntargets, 0);
	assert_int_equal(p.exams_used, 0);
	assert_int_equal(p.classes_counted, 0);
	assert_true(p.hours_per_week == 0);
	assert_false(p.rotating_note);
	assert_int_equal(p.program_paid_cents, 0);
	assert_int_equal(p.commitment_ends_on, DAY_NONE);
	assert_int_equal(p.nalerts, 1);	/* P1 only */
	assert_int_equal(p.alerts[0].code, AL_PLAN_MISSING);
	/* The same history in Illinois raises the other rules. */
	run(&h, "2026-11-23", &p);
	assert_non_null(has(&p, AL_LEAVE_BLOCKS_ENROLLMENT));
	assert_non_null(has(&p, AL_TOO_MANY_CONCURRENT));
	assert_non_null(has(&p, AL_PLAN_MISSING));
}

static void
test_E3_leave_blocks_enrollment(void **state)
{
	static const struct {
		enum leave lv;
		enum course_status st;
		int want;
	} cases[] = {
		{ LEAVE_OTHER, CS_PLANNED, 1 },
		{ LEAVE_OTHER, CS_ENROLLED, 1 },
		{ LEAVE_OTHER, CS_COMPLETED, 0 },
		{ LEAVE_OTHER, CS_DROPPED, 0 },
		{ LEAVE_EDUCATION, CS_PLANNED, 0 },
		{ LEAVE_MILITARY_PAID, CS_ENROLLED, 0 },
		{ LEAVE_NONE, CS_PLANNED, 0 },
	};
	struct course c[2];
	struct history h;
	struct packet p;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		emp(&h);
		h.emp.leave = cases[i].lv;
		c[0] = C(NULL, "2026-12-01", "2027-03-01", cases[i].st, 3);
		h.courses = c, h.ncourses = 1;
		run(&h, "2026-11-23", &p);
		assert_int_equal(has(&p, AL_LEAVE_BLOCKS_ENROLLMENT) != NULL,
		    cases[i].want);
	}
	/* The count is the courses planned or enrolled. */
	c[1] = C(NULL, "2026-12-01", "2027-03-01", CS_ENROLLED, 3);
	h.emp.leave = LEAVE_OTHER;
	c[0].status = CS_PLANNED;
	h.ncourses = 2;
	run(&h, "2026-11-23", &p);
	assert_int_equal(has(&p, AL_LEAVE_BLOCKS_ENROLLMENT)->count, 2);
}

/* ---- targets ----------------------------------------------------------- */

static void
test_T1_target_limit(void **state)
{
	static const struct {
		const char *code[3];
		enum route route[3];
		int n, want;
	} cases[] = {
		{ { "CERT-A", "CERT-B" }, { 0 }, 2, 0 },
		{ { "CERT-A", "CERT-B", "CERT-C" }, { 0 }, 3, 1 },
		/* a dual on the exam route is a certificate */
		{ { "CERT-A", "CERT-B", "DUAL" }, { 0, 0, ROUTE_EXAM }, 3, 1 },
		/* with no route, too (our reading) */
		{ { "CERT-A", "CERT-B", "DUAL" }, { 0, 0, ROUTE_NONE }, 3, 1 },
		/* on the degree route, a credential */
		{ { "CERT-A", "CERT-B", "DUAL" }, { 0, 0, ROUTE_DEGREE }, 3,
		    0 },
		{ { "CRED-B", "DUAL" }, { 0, ROUTE_DEGREE }, 2, 1 },
		{ { "CRED-B", "CRED-M" }, { 0 }, 2, 1 },
		/* a title not in the catalog is skipped */
		{ { "CERT-A", "CERT-B", "GONE" }, { 0 }, 3, 0 },
	};
	struct target t[3];
	struct history h;
	struct packet p;
	size_t i;
	int k;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		emp(&h);
		for (k = 0; k < cases[i].n; k++)
			t[k] = T(cases[i].code[k], "2025-01-01",
			    cases[i].route[k]);
		h.targets = t, h.ntargets = (size_t)cases[i].n;
		run(&h, "2026-11-23", &p);
		assert_int_equal(has(&p, AL_TARGET_LIMIT) != NULL,
		    cases[i].want);
		if (cases[i].want)
			assert_int_equal(has(&p, AL_TARGET_LIMIT)->count,
			    cases[i].n);
	}
}

static void
test_T1_open_targets(void **state)
{
	struct target t[3];
	struct history h;
	struct packet p;

	(void)state;
	emp(&h);
	t[0] = T("CERT-A", "2025-01-01", ROUTE_NONE);
	t[1] = T("CERT-B", "2025-01-01", ROUTE_NONE);
	t[2] = T("CERT-C", "2025-01-01", ROUTE_NONE);
	t[1].ended_on = D("2026-11-23");	/* ended on the as-of date */
	h.targets = t, h.ntargets = 3;
	run(&h, "2026-11-23", &p);
	assert_int_equal(p.ntargets, 2);
	assert_null(has(&p, AL_TARGET_LIMIT));
	t[1].ended_on = D("2026-11-24");	/* ends after: still open */
	run(&h, "2026-11-23", &p);
	assert_int_equal(p.ntargets, 3);
	assert_non_null(has(&p, AL_TARGET_LIMIT));
	assert_int_equal(p.targets[2].counts_as, KIND_CERTIFICATE);
}

static void
test_T2_credential_needs_bachelor(void **state)
{
	static const struct {
		const char *code;
		enum route route;
		enum degree deg;
		int want;
	} cases[] = {
		{ "CRED-M", ROUTE_NONE, DEG_HIGH_SCHOOL, 1 },
		{ "CRED-M", ROUTE_NONE, DEG_ASSOCIATE, 1 },
		{ "CRED-M", ROUTE_NONE, DEG_BACHELOR, 0 },
		{ "CRED-M", ROUTE_NONE, DEG_DOCTORATE, 0 },
		{ "CRED-B", ROUTE_NONE, DEG_NONE, 0 },	/* needs bachelor */
		{ "DUAL-M", ROUTE_DEGREE, DEG_HIGH_SCHOOL, 1 },
		{ "DUAL-M", ROUTE_EXAM, DEG_HIGH_SCHOOL, 0 },
		{ "CERT-A", ROUTE_NONE, DEG_NONE, 0 },
	};
	struct target t;
	struct history h;
	struct packet p;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		emp(&h);
		h.emp.highest_degree = cases[i].deg;
		t = T(cases[i].code, "2025-01-01", cases[i].route);
		h.targets = &t, h.ntargets = 1;
		run(&h, "2026-11-23", &p);
		assert_int_equal(has(&p, AL_CREDENTIAL_NEEDS_BACHELOR) !=
		    NULL, cases[i].want);
		if (cases[i].want)
			assert_string_equal(has(&p,
			    AL_CREDENTIAL_NEEDS_BACHELOR)->class_code,
			    cases[i].code);
	}
}

static void
test_T3_title_frozen(void **state)
{
	static const struct {
		const char *on;
		int want;
	} cases[] = {
		{ "2024-12-31", 0 }, { "2025-01-01", 1 }, { "2026-03-01", 1 },
	};
	struct target t;
	struct history h;
	struct packet p;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		emp(&h);
		t = T("FROZEN", cases[i].on, ROUTE_NONE);
		h.targets = &t, h.ntargets = 1;
		run(&h, "2026-11-23", &p);
		assert_int_equal(has(&p, AL_TITLE_FROZEN) != NULL,
		    cases[i].want);
		if (cases[i].want)
			assert_int_equal(has(&p, AL_TITLE_FROZEN)->on,
			    D("2025-01-01"));
	}
}

/* ---- exams ------------------------------------------------------------- */

/* From 29 February: plus 3 years is 28 February; the end day closes. */
static void
test_X1_exam_window(void **state)
{
	struct target t = T("CERT-A", "2024-01-01", ROUTE_NONE);
	struct exam_attempt x[2];
	struct history h;
	struct packet p;
	day_t end = D("2027-02-28");
	static const struct {
		int offset;	/* as-of minus the window's end */
		int closing, expired;
	} cases[] = {
		{ -181, 0, 0 }, { -180, 1, 0 }, { -1, 1, 0 }, { 0, 1, 0 },
		{ 1, 0, 1 }, { 400, 0, 1 },
	};
	char buf[11];
	size_t i;

	(void)state;
	emp(&h);
	/* In the reader's order (taken_on): the earliest is the first. */
	x[0] = X("CERT-A", "Reading", "2024-02-29", 0);
	x[1] = X("CERT-A", "Math", "2024-06-01", 1);
	h.targets = &t, h.ntargets = 1;
	h.attempts = x, h.nattempts = 2;
	for (i = 0; i < NELEM(cases); i++) {
		date_format(end + cases[i].offset, buf);
		run(&h, buf, &p);
		assert_int_equal(p.targets[0].first_exam_on, D("2024-02-29"));
		assert_int_equal(p.targets[0].exam_window_ends_on, end);
		assert_int_equal(has(&p, AL_EXAM_WINDOW_CLOSING) != NULL,
		    cases[i].closing);
		assert_int_equal(has(&p, AL_EXAM_WINDOW_EXPIRED) != NULL,
		    cases[i].expired);
		if (p.nalerts)
			assert_int_equal(p.alerts[0].on, end);
	}
}

static void
test_X1_hidden_once_graded(void **state)
{
	struct target t = T("CERT-A", "2024-01-01", ROUTE_NONE);
	struct exam_attempt x = X("CERT-A", "Math", "2020-01-10", 1);
	struct grade g = G("CERT-A", 'B', "2020-02-01");
	struct grade other = G("CERT-B", 'A', "2020-02-01");
	struct history h;
	struct packet p;

	(void)state;
	emp(&h);
	h.targets = &t, h.ntargets = 1;
	h.attempts = &x, h.nattempts = 1;
	h.grades = &other, h.ngrades = 1;	/* another title's grade */
	run(&h, "2024-01-01", &p);
	assert_int_equal(p.targets[0].exam_window_ends_on, D("2023-01-10"));
	assert_non_null(has(&p, AL_EXAM_WINDOW_EXPIRED));
	h.grades = &g;
	run(&h, "2024-01-01", &p);
	assert_int_equal(p.targets[0].first_exam_on, D("2020-01-10"));
	assert_int_equal(p.targets[0].exam_window_ends_on, DAY_NONE);
	assert_null(has(&p, AL_EXAM_WINDOW_EXPIRED));
}

/* X1-X3 are for certificates and duals on the exam route. */
static void
test_X1_degree_route_has_no_window(void **state)
{
	struct target t = T("DUAL", "2024-01-01", ROUTE_DEGREE);
	struct exam_attempt x = X("DUAL", "Math", "2020-01-10", 0);
	struct history h;
	struct packet p;

	(void)state;
	emp(&h);
	h.emp.highest_degree = DEG_BACHELOR;
	h.targets = &t, h.ntargets = 1;
	h.attempts = &x, h.nattempts = 1;
	run(&h, "2024-01-01", &p);
	assert_false(p.targets[0].exam_route);
	assert_int_equal(p.targets[0].first_exam_on, DAY_NONE);
	assert_int_equal(p.targets[0].next_exam_allowed_on, DAY_NONE);
	assert_int_equal(p.nalerts, 0);
	t.route = ROUTE_NONE;	/* no route: exam route (our reading) */
	run(&h, "2024-01-01", &p);
	assert_true(p.targets[0].exam_route);
	assert_non_null(has(&p, AL_EXAM_WINDOW_EXPIRED));
}

static void
test_X2_retest(void **state)
{
	struct target t = T("CERT-A", "2025-01-01", ROUTE_NONE);
	struct exam_attempt x[6];
	struct history h;
	struct packet p;

	(void)state;
	emp(&h);
	/* In the reader's order (taken_on, then rowid). */
	x[0] = X("CERT-A", "Math", "2026-01-10", 0);
	x[1] = X("CERT-A", "Reading", "2026-01-10", 0);
	x[2] = X("CERT-A", "Writing", "2026-01-10", 0);
	x[3] = X("CERT-A", "Math", "2026-03-01", 0);	/* latest failure */
	x[4] = X("CERT-A", "Reading", "2026-04-01", 1);	/* passed since */
	x[5] = X("CERT-B", "Math", "2026-05-01", 0);	/* another title */
	h.targets = &t, h.ntargets = 1;
	h.attempts = x, h.nattempts = 6;
	run(&h, "2026-11-23", &p);
	assert_int_equal(p.targets[0].nsections_not_proficient, 2);
	assert_string_equal(p.targets[0].sections_not_proficient[0], "Math");
	assert_string_equal(p.targets[0].sections_not_proficient[1],
	    "Writing");
	/* 30 days after the latest non-proficient attempt (1 March). */
	assert_int_equal(p.targets[0].next_exam_allowed_on, D("2026-03-31"));
	/* Only the window's first exam failed: one month after it, not
	 * 30 days (VII.B Option 1; 10 January + 1 month). */
	h.nattempts = 3;
	run(&h, "2026-11-23", &p);
	assert_int_equal(p.targets[0].next_exam_allowed_on, D("2026-02-10"));
	x[0].taken_on = x[1].taken_on = x[2].taken_on = D("2026-01-31");
	run(&h, "2026-11-23", &p);
	assert_int_equal(p.targets[0].next_exam_allowed_on, D("2026-02-28"));
	x[0].taken_on = x[1].taken_on = x[2].taken_on = D("2026-01-10");
	h.nattempts = 6;
	x[3].proficient = 1;
	x[2].proficient = 1;	/* every section's latest passes */
	run(&h, "2026-11-23", &p);
	assert_int_equal(p.targets[0].nsections_not_proficient, 0);
	assert_int_equal(p.targets[0].next_exam_allowed_on, DAY_NONE);
}

/* Half-year edges: 30 June / 1 July, 31 December / 1 January. */
static void
test_X3_half_year_boundaries(void **state)
{
	struct exam_attempt x[6];
	struct history h;
	struct packet p;
	static const struct {
		const char *asof;
		int used, remaining;
	} cases[] = {
		{ "2026-06-30", 1, 1 },
		{ "2026-07-01", 3, 0 },	/* the whole half-year counts */
		{ "2026-12-31", 3, 0 },
		{ "2027-01-01", 1, 1 },
		{ "2027-07-01", 0, 2 },
	};
	size_t i;

	(void)state;
	emp(&h);
	x[0] = X("CERT-A", "Math", "2026-06-30", 1);
	x[1] = X("CERT-A", "Math", "2026-07-01", 0);
	x[2] = X("CERT-A", "Reading", "2026-07-01", 0);	/* same exam */
	x[3] = X("CERT-B", "Math", "2026-07-01", 1);	/* another */
	x[4] = X("CERT-A", "Math", "2026-12-31", 1);
	x[5] = X("CERT-A", "Reading", "2027-01-01", 1);
	h.attempts = x, h.nattempts = 6;
	for (i = 0; i < NELEM(cases); i++) {
		run(&h, cases[i].asof, &p);
		assert_int_equal(p.exams_used, cases[i].used);
		assert_int_equal(p.exams_remaining, cases[i].remaining);
	}
}

/* ---- classes ----------------------------------------------------------- */

static void
test_C1_groupings(void **state)
{
	static const struct {
		double cr[6];
		int n, want;
	} cases[] = {
		{ { 1, 1, 1 }, 3, 1 },
		{ { 1, 1, 1, 1 }, 4, 2 },
		{ { 1, 2 }, 2, 1 },
		{ { 2, 2, 2 }, 3, 2 },
		{ { 1, 1, 1, 1, 2 }, 5, 2 },
		{ { 1 }, 1, 1 },
		{ { 2 }, 1, 1 },
		{ { 1, 1 }, 2, 1 },
		{ { 2, 2 }, 2, 1 },
		{ { 1, 1, 1, 1, 1, 1 }, 6, 2 },
		{ { 1, 1, 1, 1, 1 }, 5, 2 },
		{ { 3, 4, -1 }, 3, 3 },	/* 3+, and unknown, count 1 */
		{ { 3, 1, 2 }, 3, 2 },
		{ { 1.5, 1.5 }, 2, 1 },	/* above 1: a 2-credit course */
		{ { 1.5, 1, 1 }, 3, 2 },	/* so not a triple */
		{ { 0.5, 1, 1 }, 3, 1 },
		{ { 2.5, 1 }, 2, 1 },
		{ { 2.9, 2.9, 3 }, 3, 2 },
	};
	struct course c[6];
	size_t i;
	int k;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		for (k = 0; k < cases[i].n; k++)
			c[k] = SEQ(k, CS_COMPLETED, cases[i].cr[k]);
		assert_int_equal(rule_c1_count(c, (size_t)cases[i].n, 2026,
		    &ar), cases[i].want);
	}
}

/* rules.md C1's example as written: five courses one after another of
 * 1, 2, 1, 1 and 2 credits count 2: {1, 1, 1} and {2, 2}. */
static void
test_C1_rules_md_example(void **state)
{
	static const double cr[] = { 1, 2, 1, 1, 2 };
	struct course c[5];
	struct history h;
	struct packet p;
	int k;

	(void)state;
	for (k = 0; k < 5; k++)
		c[k] = SEQ(k, CS_COMPLETED, cr[k]);
	assert_int_equal(rule_c1_count(c, 5, 2026, &ar), 2);
	emp(&h);
	h.courses = c, h.ncourses = 5;
	run(&h, "2026-11-23", &p);
	assert_int_equal(p.classes_counted, 2);
	assert_int_equal(p.classes_remaining, 6);
}

/* IL VIII.B: only non-concurrent short courses count together; one's
 * ends_on before the other's starts_on.  The day before, of, after. */
static void
test_C1_non_concurrent(void **state)
{
	static const struct {
		const char *end0;	/* the first course's end */
		int want;
	} cases[] = {
		{ "2026-09-30", 1 },	/* ends the day before: apart */
		{ "2026-10-01", 2 },	/* ends the day the other starts */
		{ "2026-10-02", 2 },	/* overlaps */
	};
	struct course c[3];
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		c[0] = C(NULL, "2026-09-01", cases[i].end0, CS_COMPLETED, 1);
		c[1] = C(NULL, "2026-10-01", "2026-10-20", CS_COMPLETED, 1);
		assert_int_equal(rule_c1_count(c, 2, 2026, &ar),
		    cases[i].want);
	}
	/* Three 1-credit courses, two of them at once: 2 groups, and the
	 * grouping chooses the pairs that are apart. */
	c[0] = C(NULL, "2026-08-01", "2026-08-20", CS_COMPLETED, 1);
	c[1] = C(NULL, "2026-09-01", "2026-09-20", CS_COMPLETED, 1);
	c[2] = C(NULL, "2026-09-10", "2026-09-30", CS_COMPLETED, 1);
	assert_int_equal(rule_c1_count(c, 3, 2026, &ar), 2);
	/* Six 1-credit courses: two terms of three at once pair across. */
	{
		struct course d[6];
		int k;

		for (k = 0; k < 3; k++) {
			d[k] = C(NULL, "2026-08-01", "2026-12-01",
			    CS_COMPLETED, 1);
			d[3 + k] = C(NULL, "2027-01-10", "2027-05-01",
			    CS_COMPLETED, 1);
		}
		assert_int_equal(rule_c1_count(d, 6, 2026, &ar), 3);
	}
}

/* IL VIII.B: nursing and MSW courses taken together are outside the
 * limit (limit_exempt counts 0). */
static void
test_C1_limit_exempt(void **state)
{
	struct course c[3];

	(void)state;
	c[0] = SEQ(0, CS_COMPLETED, 3);
	c[1] = SEQ(1, CS_ENROLLED, 4);
	c[2] = SEQ(2, CS_ENROLLED, 1);
	assert_int_equal(rule_c1_count(c, 3, 2026, &ar), 3);
	c[1].limit_exempt = 1;
	c[2].limit_exempt = 1;
	assert_int_equal(rule_c1_count(c, 3, 2026, &ar), 1);
}

static void
test_C1_labs_and_statuses(void **state)
{
	struct course c[6];

	(void)state;
	c[0] = C(NULL, "2026-08-01", "2026-12-01", CS_ENROLLED, 3);
	c[0].id = 1;
	c[1] = C(NULL, "2026-08-01", "2026-12-01", CS_ENROLLED, 1);
	c[1].lab_for = 1;	/* a lab: 0 */
	c[2] = C(NULL, "2026-08-01", "2026-12-01", CS_PLANNED, 3);
	c[3] = C(NULL, "2026-08-01", "2026-12-01", CS_DROPPED, 3);
	c[4] = C(NULL, "2026-08-01", "2026-12-01", CS_FAILED, 3);
	c[5] = C(NULL, "2026-08-01", "2026-12-01", CS_COMPLETED, 3);
	assert_int_equal(rule_c1_count(c, 3, 2026, &ar), 1);
	assert_int_equal(rule_c1_count(c, 6, 2026, &ar), 4);
	/* The lab is left out before grouping: 1 + 1-credit lab stays 1. */
	c[0].credit_hours = 1;
	assert_int_equal(rule_c1_count(c, 2, 2026, &ar), 1);
}

/* The fiscal year of starts_on: 30 June is 2025-26, 1 July 2026-27. */
static void
test_C1_fiscal_year_boundary(void **state)
{
	struct course c[2];
	struct history h;
	struct packet p;

	(void)state;
	c[0] = C(NULL, "2026-06-30", "2026-08-01", CS_COMPLETED, 3);
	c[1] = C(NULL, "2026-07-01", "2026-08-01", CS_COMPLETED, 1);
	assert_int_equal(rule_c1_count(c, 2, 2025, &ar), 1);
	assert_int_equal(rule_c1_count(c, 2, 2026, &ar), 1);
	assert_int_equal(rule_c1_count(c, 2, 2027, &ar), 0);
	emp(&h);
	h.courses = c, h.ncourses = 2;
	run(&h, "2026-06-30", &p);
	assert_int_equal(p.classes_fy, 2025);
	assert_int_equal(p.classes_counted, 1);
	assert_int_equal(p.classes_remaining, 7);
	assert_true(p.courses[0].in_fy);
	assert_false(p.courses[1].in_fy);
}

static void
test_C1_class_limit_reached(void **state)
{
	struct course c[9];
	struct history h;
	struct packet p;
	int i;

	(void)state;
	emp(&h);
	for (i = 0; i < 9; i++)
		c[i] = C(NULL, "2026-07-05", "2026-08-01", CS_COMPLETED, 3);
	h.courses = c, h.ncourses = 7;
	run(&h, "2026-11-23", &p);
	assert_int_equal(p.classes_counted, 7);
	assert_int_equal(p.classes_remaining, 1);
	assert_null(has(&p, AL_CLASS_LIMIT_REACHED));
	h.ncourses = 9;	/* over: remaining stays 0 */
	run(&h, "2026-11-23", &p);
	assert_int_equal(p.classes_remaining, 0);
	assert_int_equal(has(&p, AL_CLASS_LIMIT_REACHED)->count, 9);
	assert_int_equal(has(&p, AL_CLASS_LIMIT_REACHED)->on, DAY_NONE);
	run(&h, "2027-07-01", &p);	/* the next fiscal year */
	assert_int_equal(p.classes_counted, 0);
	assert_int_equal(p.classes_remaining, 8);
}

static void
test_C2_concurrent(void **state)
{
	static const struct {
		enum course_status st[3];
		int lab3, summer, semester, want, limit;
	} cases[] = {
		{ { CS_ENROLLED, CS_ENROLLED }, 0, 0, 0, 0, 2 },
		{ { CS_ENROLLED, CS_ENROLLED, CS_ENROLLED }, 0, 0, 0, 1, 2 },
		{ { CS_ENROLLED, CS_ENROLLED, CS_ENROLLED }, 1, 0, 0, 0, 2 },
		{ { CS_ENROLLED, CS_ENROLLED, CS_COMPLETED }, 0, 0, 0, 0, 2 },
		{ { CS_ENROLLED, CS_ENROLLED, CS_PLANNED }, 0, 0, 0, 0, 2 },
		{ { CS_ENROLLED, CS_ENROLLED }, 0, 1, 1, 1, 1 },
		{ { CS_ENROLLED, CS_ENROLLED }, 0, 1, 0, 0, 2 },
		{ { CS_ENROLLED, CS_ENROLLED }, 0, 0, 1, 0, 2 },
		{ { CS_ENROLLED }, 0, 1, 1, 0, 1 },
	};
	struct course c[3];
	struct history h;
	struct packet p;
	size_t i, k, n;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		emp(&h);
		for (k = n = 0; k < 3; k++) {
			c[k] = C(NULL, "2026-06-01", "2026-08-15",
			    cases[i].st[k], 3);
			n += cases[i].st[k] != CS_PLANNED || k == 2;
		}
		if (cases[i].st[2] == CS_PLANNED && cases[i].st[1] ==
		    CS_PLANNED)
			n = 1;
		c[0].summer_term = cases[i].summer;
		c[0].semester_school = cases[i].semester;
		c[2].lab_for = cases[i].lab3 ? 99 : 0;
		h.courses = c, h.ncourses = n;
		run(&h, "2026-07-10", &p);
		assert_int_equal(p.concurrent_limit, cases[i].limit);
		assert_int_equal(has(&p, AL_TOO_MANY_CONCURRENT) != NULL,
		    cases[i].want);
	}
	/* Overlapping the as-of date: ended the day before does not. */
	emp(&h);
	c[0] = C(NULL, "2026-06-01", "2026-07-09", CS_ENROLLED, 3);
	c[1] = C(NULL, "2026-06-01", "2026-07-10", CS_ENROLLED, 3);
	c[2] = C(NULL, "2026-07-10", "2026-08-10", CS_ENROLLED, 3);
	h.courses = c, h.ncourses = 3;
	run(&h, "2026-07-10", &p);
	assert_int_equal(p.classes_concurrent, 2);
	assert_null(has(&p, AL_TOO_MANY_CONCURRENT));
}

/* IL VIII.F (C3): more than one class planned or enrolled in one
 * half-year; one planned class is what the guideline recommends. */
static void
test_C3_first_term(void **state)
{
	static const struct {
		const char *credit;
		enum course_status st0, st1;
		const char *start1;
		int lab1, want;
	} cases[] = {
		{ NULL, CS_PLANNED, CS_PLANNED, "2027-03-01", 0, 1 },
		{ NULL, CS_PLANNED, CS_ENROLLED, "2027-06-30", 0, 1 },
		/* another half-year: 30 June against 1 July */
		{ NULL, CS_PLANNED, CS_PLANNED, "2027-07-01", 0, 0 },
		/* one planned class alone: no alert */
		{ NULL, CS_PLANNED, CS_DROPPED, "2027-03-01", 0, 0 },
		{ NULL, CS_PLANNED, CS_PLANNED, "2027-03-01", 1, 0 },	/* lab */
		{ "2021-11-22", CS_PLANNED, CS_PLANNED, "2027-03-01", 0, 1 },
		{ "2021-11-23", CS_PLANNED, CS_PLANNED, "2027-03-01", 0, 0 },
		{ "2021-11-24", CS_PLANNED, CS_PLANNED, "2027-03-01", 0, 0 },
		/* a completed course: not a first term */
		{ NULL, CS_COMPLETED, CS_PLANNED, "2027-03-01", 0, 0 },
	};
	struct course c[2];
	struct history h;
	struct packet p;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		emp(&h);
		if (cases[i].credit)
			h.emp.last_academic_credit_on = D(cases[i].credit);
		c[0] = C(NULL, "2027-01-10", "2027-05-01", cases[i].st0, 3);
		c[1] = C(NULL, cases[i].start1, "2027-08-01", cases[i].st1,
		    3);
		c[1].lab_for = cases[i].lab1 ? 99 : 0;
		h.courses = c, h.ncourses = 2;
		run(&h, "2026-11-23", &p);
		assert_int_equal(has(&p, AL_FIRST_TERM_ONE_CLASS) != NULL,
		    cases[i].want);
		if (cases[i].want)
			assert_int_equal(has(&p, AL_FIRST_TERM_ONE_CLASS)->on,
			    DAY_NONE);
	}
}

static void
test_C4_revised_plan(void **state)
{
	struct course c[2];
	struct plan pl[2];
	struct history h;
	struct packet p;

	(void)state;
	emp(&h);
	pl[0] = PLAN(1, "2026-01-01", "2026-01-02", "2026-01-03");
	c[0] = C(NULL, "2026-02-01", "2026-05-01", CS_DROPPED, 3);
	c[0].status_on = D("2026-03-01");
	c[1] = C(NULL, "2025-02-01", "2025-05-01", CS_FAILED, 3);
	c[1].status_on = D("2025-05-01");
	h.courses = c, h.ncourses = 2;
	run(&h, "2026-11-23", &p);	/* no plan at all: P1's business */
	assert_null(has(&p, AL_REVISED_PLAN_REQUIRED));
	h.plans = pl, h.nplans = 1;
	run(&h, "2026-11-23", &p);
	assert_int_equal(has(&p, AL_REVISED_PLAN_REQUIRED)->on,
	    D("2026-03-01"));
	pl[0].created_on = D("2026-03-01");	/* same day: not after */
	run(&h, "2026-11-23", &p);
	assert_null(has(&p, AL_REVISED_PLAN_REQUIRED));
	/* The latest version decides, whatever the array order. */
	pl[0] = PLAN(2, "2026-03-02", NULL, NULL);
	pl[1] = PLAN(1, "2026-01-01", NULL, NULL);
	h.nplans = 2;
	run(&h, "2026-11-23", &p);
	assert_null(has(&p, AL_REVISED_PLAN_REQUIRED));
	assert_int_equal(p.plan->version, 2);
}

static void
test_C5_withdrawal_drops(void **state)
{
	struct course c[4];
	struct history h;
	struct packet p;

	(void)state;
	emp(&h);
	c[0] = C(NULL, "2020-02-01", "2020-05-01", CS_DROPPED, 3);
	c[1] = C(NULL, "2023-02-01", "2023-05-01", CS_FAILED, 1);
	c[2] = C(NULL, "2023-02-01", "2023-05-01", CS_DROPPED, 1);
	c[2].lab_for = 7;	/* a lab is not a class */
	c[3] = C(NULL, "2026-02-01", "2026-05-01", CS_FAILED, 3);
	h.courses = c, h.ncourses = 3;
	run(&h, "2026-11-23", &p);
	assert_null(has(&p, AL_WITHDRAWAL_DROPS));
	h.ncourses = 4;	/* in any year */
	run(&h, "2026-11-23", &p);
	assert_int_equal(has(&p, AL_WITHDRAWAL_DROPS)->count, 3);
}

/*
 * IL IX.D (C6): no enrolment in a class and no exam in the 3 years
 * after the last activity: the current enrollment's enrolled_on, an
 * exam, a counted class's start, an enrolled class's status_on (the day
 * the employee enrolled).  Dated last activity + 3 years.
 */
static void
test_C6_inactive(void **state)
{
	static const struct {
		const char *enrolled;
		enum enr_status st;
		const char *course, *course_status_on, *exam;
		enum course_status cst;
		const char *last;	/* NULL: no alert */
	} cases[] = {
		/* the day before, of and after 3 years from enrolled_on */
		{ "2023-11-22", ENR_ACTIVE, NULL, NULL, NULL, 0,
		    "2023-11-22" },
		{ "2023-11-23", ENR_ACTIVE, NULL, NULL, NULL, 0, NULL },
		{ "2023-11-24", ENR_ACTIVE, NULL, NULL, NULL, 0, NULL },
		{ "2020-01-01", ENR_ACTIVE, "2024-09-01", NULL, NULL,
		    CS_COMPLETED, NULL },
		{ "2020-01-01", ENR_ACTIVE, "2024-09-01", NULL, NULL,
		    CS_PLANNED, "2020-01-01" },	/* planned: not activity */
		{ "2020-01-01", ENR_ACTIVE, "2022-09-01", NULL, NULL,
		    CS_DROPPED, "2022-09-01" },
		{ "2020-01-01", ENR_ACTIVE, NULL, NULL, "2025-11-01", 0, NULL },
		/* activity before this enrollment: counted from it */
		{ "2025-01-01", ENR_ACTIVE, "2019-01-01", NULL, NULL,
		    CS_COMPLETED, NULL },
		/* enrolled in a class that starts later: active now */
		{ "2020-01-01", ENR_ACTIVE, "2027-01-10", "2020-06-01", NULL,
		    CS_ENROLLED, NULL },
		/* enrolled (status_on) in a class that started long ago */
		{ "2020-01-01", ENR_ACTIVE, "2021-01-10", "2024-01-05", NULL,
		    CS_ENROLLED, NULL },
		/* not an enrolled participant */
		{ "2020-01-01", ENR_SUSPENDED, NULL, NULL, NULL, 0, NULL },
	};
	struct enrollment e;
	struct course c;
	struct exam_attempt x;
	struct history h;
	struct packet p;
	const struct alert *al;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		emp(&h);
		e = ENR(cases[i].enrolled, cases[i].st, cases[i].st ==
		    ENR_ACTIVE ? NULL : "2021-01-01");
		h.enrollments = &e, h.nenrollments = 1;
		if (cases[i].course) {
			c = C(NULL, cases[i].course, "2027-05-01",
			    cases[i].cst, 3);
			if (cases[i].course_status_on)
				c.status_on = D(cases[i].course_status_on);
			h.courses = &c, h.ncourses = 1;
		}
		if (cases[i].exam) {
			x = X("CERT-A", "Math", cases[i].exam, 1);
			h.attempts = &x, h.nattempts = 1;
		}
		run(&h, "2026-11-23", &p);
		al = has(&p, AL_WITHDRAWAL_INACTIVE);
		assert_int_equal(al != NULL, cases[i].last != NULL);
		if (al == NULL)
			continue;
		assert_int_equal(p.inactive_since, D(cases[i].last));
		assert_int_equal(al->on, date_add_years(D(cases[i].last), 3));
	}
}

/* ---- time off ---------------------------------------------------------- */

static void
test_O1_hours_per_week(void **state)
{
	static const struct {
		double meeting[2];
		double time_base;
		enum course_status st;
		const char *asof;
		double want;
	} cases[] = {
		{ { 6, 0 }, 1.0, CS_ENROLLED, "2026-11-23", 3.0 },
		{ { 6, 14 }, 1.0, CS_ENROLLED, "2026-11-23", 8.0 },
		{ { 6, 14 }, 0.5, CS_ENROLLED, "2026-11-23", 4.0 },
		{ { 6, 0 }, 0.5, CS_ENROLLED, "2026-11-23", 3.0 },
		{ { 6, 14 }, 0.75, CS_ENROLLED, "2026-11-23", 6.0 },
		{ { 6, 14 }, 1.0, CS_PLANNED, "2026-11-23", 0.0 },
		{ { 6, 14 }, 1.0, CS_COMPLETED, "2026-11-23", 0.0 },
		{ { 6, 10 }, 1.0, CS_ENROLLED, "2026-09-01", 8.0 },
		{ { 6, 10 }, 1.0, CS_ENROLLED, "2026-12-15", 8.0 },
		{ { 6, 10 }, 1.0, CS_ENROLLED, "2026-12-16", 0.0 },
	};
	struct course c[2];
	struct history h;
	struct packet p;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		emp(&h);
		h.emp.time_base = cases[i].time_base;
		c[0] = C(NULL, "2026-09-01", "2026-12-15", cases[i].st, 3);
		c[0].meeting_hours_per_week = cases[i].meeting[0];
		c[1] = C(NULL, "2026-09-01", "2026-12-15", cases[i].st, 3);
		c[1].meeting_hours_per_week = cases[i].meeting[1];
		h.courses = c, h.ncourses = 2;
		run(&h, cases[i].asof, &p);
		assert_true(p.hours_per_week == cases[i].want);
	}
	/* O2 counts full-day courses: O1 leaves them out. */
	emp(&h);
	c[0] = C(NULL, "2026-09-01", "2026-12-15", CS_ENROLLED, 3);
	c[0].meeting_hours_per_week = 6;
	c[1] = C(NULL, "2026-09-01", "2026-12-15", CS_ENROLLED, 3);
	c[1].meeting_hours_per_week = 8;
	c[1].full_day_days = 0;
	h.courses = c, h.ncourses = 2;
	run(&h, "2026-11-23", &p);
	assert_true(p.meeting_hours == 6);
	assert_true(p.hours_per_week == 3);
}

/* IL X.K, X.L (O2): S over the enrolled and completed full-day courses
 * starting in the half-year of the as-of date; min(S, 20) / 2. */
static void
test_O2_full_day_days(void **state)
{
	static const struct {
		int days[2];
		enum course_status st1;
		const char *start1;
		long s;
		double want;
		int limit;
	} cases[] = {
		{ { 15, -1 }, CS_ENROLLED, "2026-09-01", 15, 7.5, 0 },
		{ { 10, 10 }, CS_ENROLLED, "2026-09-01", 20, 10, 0 },
		{ { 10, 11 }, CS_ENROLLED, "2026-09-01", 21, 10, 1 },
		{ { 30, 20 }, CS_COMPLETED, "2026-07-01", 50, 10, 1 },
		{ { 19, 20 }, CS_PLANNED, "2026-09-01", 19, 9.5, 0 },
		/* the half-year before: 30 June */
		{ { 19, 20 }, CS_COMPLETED, "2026-06-30", 19, 9.5, 0 },
		{ { -1, -1 }, CS_ENROLLED, "2026-09-01", 0, 0, 0 },
		{ { 0, 3 }, CS_ENROLLED, "2026-09-01", 3, 1.5, 0 },
	};
	struct course c[2];
	struct history h;
	struct packet p;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		emp(&h);
		c[0] = C(NULL, "2026-09-01", "2026-12-15", CS_ENROLLED, 3);
		c[0].full_day_days = cases[i].days[0];
		c[1] = C(NULL, cases[i].start1, "2026-12-15", cases[i].st1, 3);
		c[1].full_day_days = cases[i].days[1];
		h.courses = c, h.ncourses = 2;
		if (c[1].starts_on < c[0].starts_on) {
			struct course t = c[0];

			c[0] = c[1];
			c[1] = t;
		}
		run(&h, "2026-11-23", &p);
		assert_int_equal(p.full_day_days, cases[i].s);
		assert_true(p.full_day_days_off == cases[i].want);
		assert_int_equal(has(&p, AL_FULL_DAY_LIMIT) != NULL,
		    cases[i].limit);
		if (cases[i].limit)
			assert_int_equal(has(&p, AL_FULL_DAY_LIMIT)->count,
			    cases[i].s);
	}
}

static void
test_O3_rotating_note(void **state)
{
	struct history h;
	struct packet p;

	(void)state;
	emp(&h);
	run(&h, "2026-11-23", &p);
	assert_false(p.rotating_note);
	h.emp.rotating_schedule = 1;
	run(&h, "2026-11-23", &p);
	assert_true(p.rotating_note);
	assert_int_equal(p.nalerts, 0);	/* a note, not an alert */
}

/* ---- money ------------------------------------------------------------- */

static void
test_M1_program_paid(void **state)
{
	static const struct {
		int64_t tuition, fees, aid, cap;
		int pub;
		enum course_status st;
		int64_t want;
	} cases[] = {
		{ 100000, 5000, 20000, -1, 1, CS_ENROLLED, 85000 },
		{ 100000, 5000, 500000, -1, 1, CS_COMPLETED, 0 }, /* aid > */
		{ 100000, 5000, 105000, -1, 1, CS_COMPLETED, 0 },
		{ 100000, 5000, 0, 50000, 0, CS_ENROLLED, 55000 }, /* cap */
		{ 40000, 5000, 0, 50000, 0, CS_ENROLLED, 45000 },
		{ 50001, 0, 0, 50000, 0, CS_ENROLLED, 50000 },
		{ 50000, 0, 0, 50000, 0, CS_ENROLLED, 50000 },
		{ 100000, 5000, 0, -1, 0, CS_ENROLLED, 105000 }, /* no cap */
		{ 100000, 5000, 0, 50000, 1, CS_ENROLLED, 105000 }, /* public */
		{ 100000, 5000, 60000, 50000, 0, CS_ENROLLED, 0 },
		{ 100000, 5000, 0, -1, 1, CS_PLANNED, 0 },
		{ 100000, 0, 0, -1, 1, CS_DROPPED, 100000 },
		{ 100000, 0, 0, -1, 1, CS_FAILED, 100000 },
	};
	struct course c;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		c = C(NULL, "2026-09-01", "2026-12-15", cases[i].st, 3);
		c.tuition_cents = cases[i].tuition;
		c.fees_cents = cases[i].fees;
		c.outside_aid_cents = cases[i].aid;
		c.public_institution = cases[i].pub;
		set.private_tuition_cap_cents = cases[i].cap;
		assert_int_equal(rule_m1_paid(&c, &set, 0), cases[i].want);
	}
	set.private_tuition_cap_cents = -1;
}

static void
test_M1_packet_sums_all_years(void **state)
{
	struct course c[4];
	struct history h;
	struct packet p;

	(void)state;
	emp(&h);
	c[0] = C(NULL, "2019-09-01", "2019-12-15", CS_COMPLETED, 3);
	c[0].tuition_cents = 1000;
	c[0].id = 1;
	c[1] = C(NULL, "2019-09-01", "2019-12-15", CS_COMPLETED, 1);
	c[1].tuition_cents = 200, c[1].lab_for = 1;	/* a lab is paid */
	c[2] = C(NULL, "2026-09-01", "2026-12-15", CS_ENROLLED, 3);
	c[2].tuition_cents = 30;
	c[3] = C(NULL, "2027-01-09", "2027-05-15", CS_PLANNED, 3);
	c[3].tuition_cents = 99999;
	h.courses = c, h.ncourses = 4;
	run(&h, "2026-11-23", &p);
	assert_int_equal(p.program_paid_cents, 1230);
	assert_int_equal(p.ncourses, 4);
	assert_true(p.courses[0].counted);
	assert_false(p.courses[1].counted);
	assert_int_equal(p.courses[1].program_paid_cents, 200);
	assert_false(p.courses[3].counted);
	assert_int_equal(p.courses[3].program_paid_cents, 0);
}

static void
test_M2_work_commitment(void **state)
{
	static const struct {
		const char *code;
		enum route route;
		enum course_status st;
		int64_t aid;
		const char *end, *want;
	} cases[] = {
		{ "CRED-M", 0, CS_COMPLETED, 0, "2025-12-15", "2027-12-15" },
		{ "CRED-M", 0, CS_COMPLETED, 0, "2024-02-29", "2026-02-28" },
		{ "CRED-M", 0, CS_COMPLETED, 999999, "2025-12-15", NULL },
		/* an enrolled course binds from its end (XI.F.1: "from
		 * completion of the most recent course taken") */
		{ "CRED-M", 0, CS_ENROLLED, 0, "2025-12-15", "2027-12-15" },
		{ "CRED-M", 0, CS_PLANNED, 0, "2025-12-15", NULL },
		{ "CRED-M", 0, CS_DROPPED, 0, "2025-12-15", NULL },
		{ "DUAL", ROUTE_DEGREE, CS_COMPLETED, 0, "2025-12-15",
		    "2027-12-15" },
		{ "DUAL", ROUTE_EXAM, CS_COMPLETED, 0, "2025-12-15", NULL },
		{ "DUAL", ROUTE_NONE, CS_COMPLETED, 0, "2025-12-15", NULL },
		{ "CERT-A", 0, CS_COMPLETED, 0, "2025-12-15", NULL },
		{ NULL, 0, CS_COMPLETED, 0, "2025-12-15", NULL },
	};
	struct target t;
	struct course c;
	struct history h;
	struct packet p;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		emp(&h);
		h.emp.highest_degree = DEG_BACHELOR;
		t = T(cases[i].code ? cases[i].code : "CERT-A", "2024-01-01",
		    cases[i].route);
		h.targets = &t, h.ntargets = 1;
		c = C(cases[i].code, "2023-09-01", cases[i].end, cases[i].st,
		    3);
		c.tuition_cents = 240000;
		c.outside_aid_cents = cases[i].aid;
		h.courses = &c, h.ncourses = 1;
		run(&h, "2025-12-20", &p);
		assert_int_equal(p.commitment_ends_on, cases[i].want ?
		    D(cases[i].want) : DAY_NONE);
		assert_int_equal(p.courses[0].binding, cases[i].aid == 0 &&
		    cases[i].st != CS_PLANNED && (cases[i].route ==
		    ROUTE_DEGREE || (cases[i].code && strcmp(cases[i].code,
		    "CRED-M") == 0)));
	}
}

/* The most recent completed binding course sets the date. */
static void
test_M2_latest_completed(void **state)
{
	struct course c[3];
	struct history h;
	struct packet p;

	(void)state;
	emp(&h);
	c[0] = C("CRED-M", "2024-01-10", "2024-05-10", CS_COMPLETED, 3);
	c[1] = C("CRED-M", "2025-01-10", "2025-05-10", CS_COMPLETED, 3);
	c[2] = C("CRED-M", "2026-09-01", "2026-12-15", CS_ENROLLED, 3);
	c[0].tuition_cents = 1000, c[1].tuition_cents = 2000;
	c[2].tuition_cents = 4000;
	h.courses = c, h.ncourses = 3;
	run(&h, "2026-11-23", &p);
	/* the class enrolled now binds from its end: not served yet */
	assert_int_equal(p.commitment_ends_on, D("2028-12-15"));
	assert_int_equal(p.binding_paid_cents, 7000);	/* every binding */
	assert_int_equal(p.months_fulfilled, 0);
	assert_int_equal(p.repayment_cents, 7000);
	c[2].status = CS_DROPPED;	/* a drop does not */
	run(&h, "2026-11-23", &p);
	assert_int_equal(p.commitment_ends_on, D("2027-05-10"));
	assert_int_equal(p.months_fulfilled, 18);
	assert_int_equal(p.repayment_cents, 1750);	/* 7000 * 6 / 24 */
}

static void
test_M3_repayment(void **state)
{
	static const struct {
		int64_t paid;
		const char *sep, *asof;
		int months;
		int64_t want;
	} cases[] = {
		/* course ended 2025-12-15; commitment ends 2027-12-15 */
		{ 240000, NULL, "2026-11-23", 11, 130000 },
		{ 240000, "2026-02-20", "2026-11-23", 2, 220000 },
		{ 240000, "2026-02-14", "2026-11-23", 1, 230000 },
		{ 240000, "2026-02-15", "2026-11-23", 2, 220000 },
		{ 240000, "2025-12-01", "2026-11-23", 0, 240000 }, /* before */
		{ 240000, "2027-12-14", "2028-02-01", 23, 10000 },
		{ 240000, "2027-12-15", "2028-02-01", 24, 0 },	/* ended */
		{ 240000, "2028-01-01", "2028-02-01", 24, 0 },
		{ 240000, NULL, "2029-01-01", 24, 0 },
		/* round half up: 12 * 1 / 24 = 0.5 -> 1; 11 / 24 -> 0 */
		{ 12, "2027-11-15", "2028-02-01", 23, 1 },
		{ 11, "2027-11-15", "2028-02-01", 23, 0 },
		{ 1, NULL, "2026-11-23", 11, 1 },	/* 0.54 -> 1 */
		{ 13, NULL, "2026-11-23", 11, 7 },	/* 7.04 -> 7 */
		{ 36, "2026-12-15", "2027-01-01", 12, 18 },
		/* no overflow with large amounts */
		{ INT64_C(4000000000000000000), "2025-12-15", "2026-01-01", 0,
		    INT64_C(4000000000000000000) },
		{ INT64_C(4000000000000000001), "2026-12-15", "2027-01-01", 12,
		    INT64_C(2000000000000000001) },	/* .5 up */
	};
	struct course c;
	struct history h;
	struct packet p;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		emp(&h);
		c = C("CRED-M", "2025-09-01", "2025-12-15", CS_COMPLETED, 3);
		c.tuition_cents = cases[i].paid;
		h.courses = &c, h.ncourses = 1;
		if (cases[i].sep)
			h.emp.separated_on = D(cases[i].sep);
		run(&h, cases[i].asof, &p);
		assert_int_equal(p.binding_paid_cents, cases[i].paid);
		assert_int_equal(p.months_fulfilled, cases[i].months);
		assert_int_equal(p.repayment_cents, cases[i].want);
	}
}

/* M4: the repayment is computed; no interest accrues on it, however long. */
static void
test_M4_no_interest(void **state)
{
	struct course c = C("CRED-M", "2025-09-01", "2025-12-15",
	    CS_COMPLETED, 3);
	struct history h;
	struct packet p;

	(void)state;
	emp(&h);
	c.tuition_cents = 240000;
	h.courses = &c, h.ncourses = 1;
	h.emp.separated_on = D("2026-02-20");
	run(&h, "2026-03-01", &p);
	assert_int_equal(p.repayment_cents, 220000);
	run(&h, "2035-03-01", &p);	/* years later: the same amount */
	assert_int_equal(p.repayment_cents, 220000);
}

/* ---- grades and lists -------------------------------------------------- */

static void
test_G1_grade_expiry(void **state)
{
	struct target t = T("CERT-A", "2019-01-01", ROUTE_NONE);
	struct grade g[3];
	struct history h;
	struct packet p;
	day_t exp = D("2027-02-01");
	static const struct {
		int offset;
		int expiring, expired;
	} cases[] = {
		{ -181, 0, 0 }, { -180, 1, 0 }, { 0, 1, 0 }, { 1, 0, 1 },
	};
	char buf[11];
	size_t i;

	(void)state;
	emp(&h);
	h.targets = &t, h.ntargets = 1;
	g[0] = G("CERT-A", 'B', "2021-02-01");	/* the latest */
	g[1] = G("CERT-A", 'A', "2019-01-01");
	g[2] = G("CERT-B", 'A', "2024-01-01");
	h.grades = g, h.ngrades = 3;
	for (i = 0; i < NELEM(cases); i++) {
		date_format(exp + cases[i].offset, buf);
		run(&h, buf, &p);
		assert_int_equal(p.targets[0].grade->grade, 'B');
		assert_int_equal(p.targets[0].grade_expires_on, exp);
		assert_int_equal(has(&p, AL_GRADE_EXPIRING) != NULL,
		    cases[i].expiring);
		assert_int_equal(has(&p, AL_GRADE_EXPIRED) != NULL,
		    cases[i].expired);
	}
	/* 29 February plus 6 years is 28 February. */
	g[0].issued_on = D("2020-02-29");
	run(&h, "2026-01-01", &p);
	assert_int_equal(p.targets[0].grade_expires_on, D("2026-02-28"));
	/* No grade: no expiry, no alert. */
	h.ngrades = 0;
	run(&h, "2026-01-01", &p);
	assert_null(p.targets[0].grade);
	assert_int_equal(p.targets[0].grade_expires_on, DAY_NONE);
	assert_int_equal(p.nalerts, 0);
}

/* G2: a C grade is a grade like the others (the packet and the lists). */
static void
test_G2_grade_C_accepted(void **state)
{
	struct target t = T("CRED-B", "2024-01-01", ROUTE_NONE);
	struct grade g = G("CRED-B", 'C', "2025-05-01");
	struct county_pref cp = { 1, "CRED-B", 1, "Cook" };
	struct list_entry *le;
	struct history h;
	struct packet p;
	size_t n;

	(void)state;
	emp(&h);
	h.emp.highest_degree = DEG_BACHELOR;
	g.basis = BASIS_DEGREE;
	h.targets = &t, h.ntargets = 1;
	h.grades = &g, h.ngrades = 1;
	h.prefs = &cp, h.nprefs = 1;
	run(&h, "2026-11-23", &p);
	assert_int_equal(p.targets[0].grade->grade, 'C');
	assert_int_equal(p.targets[0].grade_expires_on, D("2031-05-01"));
	assert_int_equal(p.nalerts, 0);
	rule_list_entries(&h, &cat, &set, PROFILE_ILLINOIS, D("2026-11-23"),
	    &ar, &le, &n);
	assert_int_equal(n, 1);
	assert_int_equal(le[0].grade, 'C');
}

static void
test_G3_lists(void **state)
{
	struct grade g[3];
	struct county_pref cp[7] = {
		{ 1, "CERT-A", 4, "Lake" },	/* a 4th county: left off */
		{ 2, "CERT-A", 2, "St. Clair" },
		{ 3, "CERT-A", 1, "Cook" },
		{ 4, "CERT-A", 3, "Will" },
		{ 5, "CERT-B", 1, "Cook" },	/* no grade for CERT-B */
		{ 6, "GONE", 1, "Cook" },	/* not in the catalog */
		{ 7, "NOSAL", 1, "Cook" },
	};
	struct list_entry *le;
	struct history h;
	size_t n;

	(void)state;
	emp(&h);
	g[0] = G("CERT-A", 'A', "2020-01-01");
	g[1] = G("CERT-A", 'B', "2024-01-01");	/* the latest decides */
	g[2] = G("NOSAL", 'A', "2024-01-01");
	h.grades = g, h.ngrades = 3;
	h.prefs = cp, h.nprefs = 7;
	rule_list_entries(&h, &cat, &set, PROFILE_ILLINOIS, D("2026-11-23"),
	    &ar, &le, &n);
	assert_int_equal(n, 4);
	assert_string_equal(le[0].county, "St. Clair");
	assert_string_equal(le[1].county, "Cook");
	assert_string_equal(le[2].county, "Will");
	assert_string_equal(le[3].title->code, "NOSAL");
	assert_int_equal(le[0].grade, 'B');
	assert_int_equal(le[0].issued_on, D("2024-01-01"));
	assert_int_equal(le[0].expires_on, D("2030-01-01"));
	assert_int_equal(le[0].seniority_date, D("2010-01-01"));
	/* Valid on its expiry day, gone the day after. */
	rule_list_entries(&h, &cat, &set, PROFILE_ILLINOIS, D("2030-01-01"),
	    &ar, &le, &n);
	assert_int_equal(n, 4);
	rule_list_entries(&h, &cat, &set, PROFILE_ILLINOIS, D("2030-01-02"),
	    &ar, &le, &n);
	assert_int_equal(n, 0);
	/* California keeps no lists. */
	rule_list_entries(&h, &cat, &set, PROFILE_CALIFORNIA, D("2026-11-23"),
	    &ar, &le, &n);
	assert_int_equal(n, 0);
}

/* XII.D: appointed to a better-paid title, off the lower titles' lists. */
static void
test_G3_appointment_salary(void **state)
{
	struct grade g[2];
	struct county_pref cp[2] = { { 1, "CERT-A", 1, "Cook" },
	    { 2, "NOSAL", 1, "Cook" } };
	struct appointment ap = { 1, "CLERK", "CERT-C", 0, 1 };
	struct list_entry *le;
	struct history h;
	size_t n;

	(void)state;
	emp(&h);
	g[0] = G("CERT-A", 'A', "2024-01-01");	/* CERT-A: 500000 */
	g[1] = G("NOSAL", 'A', "2024-01-01");
	h.grades = g, h.ngrades = 2;
	h.prefs = cp, h.nprefs = 2;
	ap.appointed_on = D("2025-01-01");
	h.appointments = &ap, h.nappointments = 1;
	rule_list_entries(&h, &cat, &set, PROFILE_ILLINOIS, D("2026-11-23"),
	    &ar, &le, &n);
	assert_int_equal(n, 2);	/* CERT-C pays 450000: lower */
	titles[T_CERT_C].salary_max_cents = 500000;	/* equal: stays */
	rule_list_entries(&h, &cat, &set, PROFILE_ILLINOIS, D("2026-11-23"),
	    &ar, &le, &n);
	assert_int_equal(n, 2);
	titles[T_CERT_C].salary_max_cents = 550000;	/* higher: off */
	rule_list_entries(&h, &cat, &set, PROFILE_ILLINOIS, D("2026-11-23"),
	    &ar, &le, &n);
	assert_int_equal(n, 1);	/* NOSAL's salary unknown: stays */
	assert_string_equal(le[0].title->code, "NOSAL");
	titles[T_CERT_C].salary_max_cents = -1;	/* unknown: no effect */
	rule_list_entries(&h, &cat, &set, PROFILE_ILLINOIS, D("2026-11-23"),
	    &ar, &le, &n);
	assert_int_equal(n, 2);
	/* XII.D: only an appointment to a target title (a Kind) counts */
	ap.to_class_code = "CLERK";
	titles[T_CLERK].salary_max_cents = 900000;
	rule_list_entries(&h, &cat, &set, PROFILE_ILLINOIS, D("2026-11-23"),
	    &ar, &le, &n);
	assert_int_equal(n, 2);
	titles[T_CLERK].salary_max_cents = 300000;
	titles[T_CERT_C].salary_max_cents = 450000;
}

/* The packet's counties for a target: by rank, at most 3, each once. */
static void
test_G3_target_counties(void **state)
{
	struct target t = T("CERT-A", "2024-01-01", ROUTE_NONE);
	struct county_pref cp[5] = {
		{ 1, "CERT-A", 3, "Will" }, { 2, "CERT-A", 1, "Cook" },
		{ 3, "CERT-A", 2, "Cook" },	/* named twice */
		{ 4, "CERT-A", 2, "Lake" }, { 5, "CERT-B", 1, "Kane" },
	};
	struct history h;
	struct packet p;

	(void)state;
	emp(&h);
	h.targets = &t, h.ntargets = 1;
	h.prefs = cp, h.nprefs = 5;
	run(&h, "2026-11-23", &p);
	assert_int_equal(p.targets[0].ncounties, 3);
	assert_string_equal(p.targets[0].counties[0], "Cook");
	assert_string_equal(p.targets[0].counties[1], "Lake");
	assert_string_equal(p.targets[0].counties[2], "Will");
	set.max_counties = 2;
	run(&h, "2026-11-23", &p);
	set.max_counties = 3;
	assert_int_equal(p.targets[0].ncounties, 2);
	assert_string_equal(p.targets[0].counties[1], "Lake");
}

/* ---- plans and assignments --------------------------------------------- */

/* The alerts of P1 in the packet. */
static int
p1_alerts(const struct packet *p)
{
	return (has(p, AL_PLAN_MISSING) != NULL) +
	    (has(p, AL_PLAN_NOT_APPROVED) != NULL) +
	    (has(p, AL_PLAN_NOT_REVIEWED) != NULL);
}

static void
test_P1_plans(void **state)
{
	static const struct {
		enum profile prof;
		enum enr_status st;
		int nplans;
		const char *approved, *reviewed;
		int want;	/* alert code, or -1 */
		long count;
	} cases[] = {
		{ PROFILE_CALIFORNIA, ENR_ACTIVE, 0, NULL, NULL,
		    AL_PLAN_MISSING, 0 },
		{ PROFILE_ILLINOIS, ENR_ACTIVE, 0, NULL, NULL,
		    AL_PLAN_MISSING, 0 },
		{ PROFILE_CALIFORNIA, ENR_ACTIVE, 2, NULL, NULL,
		    AL_PLAN_NOT_APPROVED, 2 },
		{ PROFILE_CALIFORNIA, ENR_ACTIVE, 2, "2026-10-05", NULL,
		    AL_PLAN_NOT_REVIEWED, 2 },
		{ PROFILE_CALIFORNIA, ENR_ACTIVE, 2, "2026-10-05",
		    "2026-10-06", -1, 0 },
		/* P1's approval and review are California's (rules.md) */
		{ PROFILE_ILLINOIS, ENR_ACTIVE, 2, NULL, NULL, -1, 0 },
		{ PROFILE_ILLINOIS, ENR_ACTIVE, 2, "2026-10-05", NULL, -1, 0 },
		{ PROFILE_CALIFORNIA, ENR_WITHDRAWN, 0, NULL, NULL, -1, 0 },
		{ PROFILE_CALIFORNIA, ENR_SUSPENDED, 0, NULL, NULL, -1, 0 },
	};
	struct enrollment e;
	struct plan pl[2];
	struct history h;
	struct packet p;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		emp(&h);
		e = ENR("2026-10-01", cases[i].st, cases[i].st == ENR_ACTIVE ?
		    NULL : "2026-10-20");
		h.enrollments = &e, h.nenrollments = 1;
		/* version 1 fully signed; the latest (2) decides */
		pl[0] = PLAN(1, "2026-09-01", "2026-09-02", "2026-09-03");
		pl[1] = PLAN(2, "2026-10-02", cases[i].approved,
		    cases[i].reviewed);
		h.plans = pl, h.nplans = (size_t)cases[i].nplans;
		runp(&h, cases[i].prof, "2026-11-23", &p);
		assert_int_equal(p1_alerts(&p), cases[i].want >= 0);
		if (cases[i].want < 0)
			continue;
		assert_int_equal(has(&p, cases[i].want)->count,
		    cases[i].count);
		assert_int_equal(has(&p, cases[i].want)->on, DAY_NONE);
	}
	/* No enrollment at all: not a participant (N2 asks to apply). */
	emp(&h);
	h.app = NULL;
	runp(&h, PROFILE_CALIFORNIA, "2026-11-23", &p);
	assert_int_equal(p1_alerts(&p), 0);
	assert_non_null(has(&p, AL_REGISTER));
	assert_null(p.enrollment);
}

static void
test_P2_assignment(void **state)
{
	static const struct {
		enum assign_kind kind;
		const char *ends, *asof;
		int want;
	} cases[] = {
		{ AK_TRAINING_DEVELOPMENT, NULL, "2026-11-23", 0 }, /* 2 y */
		{ AK_TRAINING_DEVELOPMENT, NULL, "2026-11-24", 1 },
		{ AK_TRAINING_DEVELOPMENT, "2026-11-20", "2026-11-24", 0 },
		{ AK_TRAINING_DEVELOPMENT, "2026-11-24", "2026-11-24", 1 },
		{ AK_TRAINING_DEVELOPMENT, "2027-06-01", "2025-01-01", 1 },
		{ AK_TRAINING_DEVELOPMENT, "2026-11-23", "2025-01-01", 0 },
		{ AK_ROTATION, NULL, "2029-01-01", 0 },
		{ AK_JOB_SHARE, "2029-01-01", "2027-01-01", 0 },
	};
	struct assignment as;
	struct history h;
	struct packet p;
	size_t i;
	int prof;

	(void)state;
	for (prof = 0; prof < 2; prof++)
		for (i = 0; i < NELEM(cases); i++) {
			emp(&h);
			memset(&as, 0, sizeof(as));
			as.kind = cases[i].kind;
			as.starts_on = D("2024-11-23");
			as.ends_on = cases[i].ends ? D(cases[i].ends) :
			    DAY_NONE;
			h.assignments = &as, h.nassignments = 1;
			runp(&h, (enum profile)prof, cases[i].asof, &p);
			/* P2 is California's alone (rules.md) */
			assert_int_equal(has(&p, AL_ASSIGNMENT_TOO_LONG) !=
			    NULL, cases[i].want && prof == PROFILE_CALIFORNIA);
			if (prof == PROFILE_ILLINOIS)
				continue;
			if (cases[i].want)
				assert_int_equal(has(&p,
				    AL_ASSIGNMENT_TOO_LONG)->on,
				    D("2026-11-23"));
		}
}

/* ---- annual figures ---------------------------------------------------- */

static void
fy_init(struct fy_figures *f, int fy, long *byt)
{
	memset(f, 0, sizeof(*f));
	memset(byt, 0, NELEM(titles) * sizeof(long));
	f->fy = fy;
	f->grades_by_title = byt;
}

static void
test_FY_figures_illinois(void **state)
{
	struct enrollment e = ENR("2025-01-01", ENR_ACTIVE, NULL);
	struct appointment ap[4] = { { 1, "CLERK", "CERT-A", 0, 1 },
	    { 2, "CLERK", "CERT-B", 0, 1 }, { 3, "CLERK", "CERT-C", 0, 0 },
	    { 4, "CLERK", "CERT-C", 0, 1 } };
	struct course c[6];
	struct exam_attempt x[4];
	struct grade g[3];
	long byt[NELEM(titles)];
	struct fy_figures f;
	struct history h;

	(void)state;
	emp(&h);
	h.enrollments = &e, h.nenrollments = 1;
	ap[0].appointed_on = D("2026-07-01");	/* 2026-27 */
	ap[1].appointed_on = D("2026-06-30");	/* 2025-26 */
	ap[2].appointed_on = D("2025-06-30");	/* not via the program */
	ap[3].appointed_on = D("2024-07-01");	/* 2024-25 */
	h.appointments = ap, h.nappointments = 4;
	c[0] = C(NULL, "2026-07-01", "2026-09-01", CS_COMPLETED, 3);
	c[1] = C(NULL, "2026-08-01", "2026-12-01", CS_DROPPED, 3);
	c[2] = C(NULL, "2026-08-01", "2026-12-01", CS_FAILED, 3);
	c[3] = C(NULL, "2026-08-01", "2026-12-01", CS_ENROLLED, 1);
	c[3].lab_for = 1;	/* a lab: paid, not counted */
	c[4] = C(NULL, "2026-06-30", "2026-09-01", CS_COMPLETED, 3);
	c[5] = C(NULL, "2027-01-10", "2027-05-01", CS_PLANNED, 3);
	c[0].tuition_cents = 1000, c[1].tuition_cents = 200;
	c[3].tuition_cents = 30, c[4].tuition_cents = 99999;
	c[5].tuition_cents = 77777;
	h.courses = c, h.ncourses = 6;
	x[0] = X("CERT-A", "Math", "2026-07-01", 0);
	x[1] = X("CERT-A", "Reading", "2026-07-01", 1);	/* same exam */
	x[2] = X("CERT-A", "Math", "2027-06-30", 1);
	x[3] = X("CERT-A", "Math", "2027-07-01", 1);	/* next FY */
	h.attempts = x, h.nattempts = 4;
	g[0] = G("CERT-A", 'A', "2027-06-30");
	g[1] = G("CERT-B", 'B', "2026-07-01");
	g[2] = G("CERT-B", 'B', "2026-06-30");	/* last FY */
	h.grades = g, h.ngrades = 3;
	fy_init(&f, 2026, byt);
	rule_fy_add(&h, &cat, &set, PROFILE_ILLINOIS, D("2026-11-23"), &f);
	assert_int_equal(f.eligible_employees, 1);
	assert_int_equal(f.participating_employees, 1);
	assert_int_equal(f.appointments[0], 1);
	assert_int_equal(f.appointments[1], 1);
	assert_int_equal(f.appointments[2], 1);
	assert_int_equal(f.course_spent_cents, 1230);
	assert_int_equal(f.courses_taken, 3);
	assert_int_equal(f.courses_completed, 1);
	assert_int_equal(f.courses_dropped, 1);
	assert_int_equal(f.courses_failed, 1);
	assert_int_equal(f.exams_taken, 2);
	assert_int_equal(f.grades_issued, 2);
	assert_int_equal(byt[T_CERT_A], 1);
	assert_int_equal(byt[T_CERT_B], 1);
	assert_int_equal(byt[T_CERT_C], 0);
	/* Adding a second employee sums. */
	rule_fy_add(&h, &cat, &set, PROFILE_ILLINOIS, D("2026-11-23"), &f);
	assert_int_equal(f.eligible_employees, 2);
	assert_int_equal(f.courses_taken, 6);
	assert_int_equal(byt[T_CERT_A], 2);
}

static void
test_FY_california_only_core_figures(void **state)
{
	struct enrollment e = ENR("2025-01-01", ENR_ACTIVE, NULL);
	struct course c = C(NULL, "2026-07-01", "2026-09-01", CS_COMPLETED,
	    3);
	struct grade g = G("CERT-A", 'A', "2026-08-01");
	struct exam_attempt x = X("CERT-A", "Math", "2026-08-01", 1);
	long byt[NELEM(titles)];
	struct fy_figures f;
	struct history h;

	(void)state;
	emp(&h);
	h.enrollments = &e, h.nenrollments = 1;
	c.tuition_cents = 500;
	h.courses = &c, h.ncourses = 1;
	h.grades = &g, h.ngrades = 1;
	h.attempts = &x, h.nattempts = 1;
	fy_init(&f, 2026, byt);
	rule_fy_add(&h, &cat, &set, PROFILE_CALIFORNIA, D("2026-11-23"), &f);
	assert_int_equal(f.eligible_employees, 1);	/* LPEL */
	assert_int_equal(f.participating_employees, 1);
	assert_int_equal(f.course_spent_cents, 500);
	assert_int_equal(f.courses_taken, 0);
	assert_int_equal(f.exams_taken, 0);
	assert_int_equal(f.grades_issued, 0);
	assert_int_equal(byt[T_CERT_A], 0);
}

/* Eligible on the last day of FY, or on the as-of date inside FY. */
static void
test_FY_eligible_day(void **state)
{
	static const struct {
		int fy;
		const char *sep, *asof;
		long want;
	} cases[] = {
		{ 2025, "2026-07-01", "2026-11-23", 1 },	/* after FY */
		{ 2025, "2026-06-30", "2026-11-23", 0 },	/* its last day */
		{ 2026, "2026-12-01", "2026-11-23", 1 },	/* as-of inside */
		{ 2026, "2026-11-23", "2026-11-23", 0 },
	};
	long byt[NELEM(titles)];
	struct fy_figures f;
	struct history h;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		emp(&h);
		h.emp.separated_on = D(cases[i].sep);
		fy_init(&f, cases[i].fy, byt);
		rule_fy_add(&h, &cat, &set, PROFILE_ILLINOIS, D(cases[i].asof),
		    &f);
		assert_int_equal(f.eligible_employees, cases[i].want);
	}
}

static void
test_FY_participating(void **state)
{
	static const struct {
		const char *enrolled;
		enum enr_status st;
		const char *status_on, *asof;
		long want;
	} cases[] = {
		{ "2020-01-01", ENR_ACTIVE, NULL, "2026-11-23", 1 },
		{ "2026-11-23", ENR_ACTIVE, NULL, "2026-11-23", 1 },
		{ "2026-11-24", ENR_ACTIVE, NULL, "2026-11-23", 0 },
		{ "2027-07-01", ENR_ACTIVE, NULL, "2027-08-01", 0 },
		/* active to the day before status_on */
		{ "2020-01-01", ENR_WITHDRAWN, "2026-07-01", "2026-11-23", 0 },
		{ "2020-01-01", ENR_WITHDRAWN, "2026-07-02", "2026-11-23", 1 },
		{ "2020-01-01", ENR_SUSPENDED, "2026-03-01", "2026-11-23", 0 },
		{ "2026-08-01", ENR_SUSPENDED, "2026-08-01", "2026-11-23", 0 },
		{ "2026-08-01", ENR_SUSPENDED, "2026-08-02", "2026-11-23", 1 },
		{ "2020-01-01", ENR_SUSPENDED, NULL, "2026-11-23", 0 },
	};
	long byt[NELEM(titles)];
	struct enrollment e[2];
	struct fy_figures f;
	struct history h;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		emp(&h);
		e[0] = ENR(cases[i].enrolled, cases[i].st, cases[i].status_on);
		h.enrollments = e, h.nenrollments = 1;
		fy_init(&f, 2026, byt);
		rule_fy_add(&h, &cat, &set, PROFILE_ILLINOIS, D(cases[i].asof),
		    &f);
		assert_int_equal(f.participating_employees, cases[i].want);
	}
	/* Two periods in the year: the employee counts once. */
	e[0] = ENR("2026-07-01", ENR_WITHDRAWN, "2026-08-01");
	e[1] = ENR("2026-09-01", ENR_ACTIVE, NULL);
	h.nenrollments = 2;
	fy_init(&f, 2026, byt);
	rule_fy_add(&h, &cat, &set, PROFILE_ILLINOIS, D("2026-11-23"), &f);
	assert_int_equal(f.participating_employees, 1);
}

/* spent: the fiscal year of starts_on, 30 June against 1 July. */
static void
test_FY_spent_boundary(void **state)
{
	struct course c[2];
	long byt[NELEM(titles)];
	struct fy_figures f;
	struct history h;

	(void)state;
	emp(&h);
	c[0] = C(NULL, "2026-06-30", "2026-08-01", CS_COMPLETED, 3);
	c[1] = C(NULL, "2026-07-01", "2026-08-01", CS_COMPLETED, 3);
	c[0].tuition_cents = 100, c[1].tuition_cents = 20;
	h.courses = c, h.ncourses = 2;
	fy_init(&f, 2025, byt);
	rule_fy_add(&h, &cat, &set, PROFILE_ILLINOIS, D("2026-11-23"), &f);
	assert_int_equal(f.course_spent_cents, 100);
	fy_init(&f, 2026, byt);
	rule_fy_add(&h, &cat, &set, PROFILE_ILLINOIS, D("2026-11-23"), &f);
	assert_int_equal(f.course_spent_cents, 20);
}

/* ---- alerts: order, causes, robustness --------------------------------- */

/* rules.md "Next steps": the codes in its list, group by group. */
static const struct {
	const char *name, *rule;
	int group;
} rules_md_list[] = {
	{ "EXAM_WINDOW_EXPIRED", "X1", 0 }, { "GRADE_EXPIRED", "G1", 0 },
	{ "FINAL_ATTEMPT_FAILED", "X4", 0 }, { "NO_LONGER_ELIGIBLE", "E4", 0 },
	{ "REPAYMENT_OWED", "N3", 0 }, { "ENROLLMENT_SUSPENDED", "N4", 0 },
	{ "LEAVE_BLOCKS_ENROLLMENT", "E3", 0 }, { "TARGET_LIMIT", "T1", 0 },
	{ "CREDENTIAL_NEEDS_BACHELOR", "T2", 0 }, { "TITLE_FROZEN", "T3", 0 },
	{ "TOO_MANY_CONCURRENT", "C2", 0 },
	{ "ONE_TARGET_AT_A_TIME", "C7", 0 }, { "FULL_DAY_LIMIT", "O2", 0 },
	{ "PRIVATE_CLASS_LIMIT", "M5", 0 }, { "PLAN_STEP_OVERDUE", "N1", 0 },
	{ "WITHDRAWAL_DROPS", "C5", 0 }, { "WITHDRAWAL_INACTIVE", "C6", 0 },
	{ "ASSIGNMENT_TOO_LONG", "P2", 0 },
	{ "EXAM_WINDOW_CLOSING", "X1", 1 }, { "GRADE_EXPIRING", "G1", 1 },
	{ "REQUEST_TIME_OFF", "N5", 1 }, { "PLAN_STEP_DUE", "N1", 1 },
	{ "REVISED_PLAN_REQUIRED", "C4", 1 }, { "PLAN_MISSING", "P1", 1 },
	{ "PLAN_NOT_APPROVED", "P1", 1 }, { "PLAN_NOT_REVIEWED", "P1", 1 },
	{ "REGISTER", "N2", 1 },
	{ "CLASS_LIMIT_REACHED", "C1", 2 }, { "FIRST_TERM_ONE_CLASS", "C3", 2 },
};

static int
alert_urgent_rank(enum alert_code c)
{
	return rules_md_list[c].group;
}

/* enum alert_code follows rules.md's list: its names, its rules, its
 * groups (the rank the packet sorts by, which fuzz_rules checks with). */
static void
test_alert_rank(void **state)
{
	int c;

	(void)state;
	assert_int_equal(NELEM(rules_md_list), AL__MAX);
	for (c = 0; c < AL__MAX; c++) {
		assert_string_equal(alert_code_name((enum alert_code)c),
		    rules_md_list[c].name);
		assert_string_equal(alert_rule((enum alert_code)c),
		    rules_md_list[c].rule);
		assert_int_equal(rule_alert_rank((enum alert_code)c),
		    rules_md_list[c].group);
	}
	assert_string_equal(alert_code_name(AL__MAX), "");
}

/* A history that raises many alerts at once, in two array orders. */
static void
busy(struct history *h, struct target *t, struct grade *g,
    struct course *c, struct enrollment *e, int reversed)
{
	int i;

	emp(h);
	h->emp.leave = LEAVE_OTHER;
	t[reversed ? 2 : 0] = T("CERT-A", "2024-01-01", ROUTE_NONE);
	t[1] = T("CERT-B", "2024-01-01", ROUTE_NONE);
	t[reversed ? 0 : 2] = T("FROZEN", "2025-06-01", ROUTE_NONE);
	t[3] = T("CRED-M", "2025-06-01", ROUTE_NONE);
	h->targets = t, h->ntargets = 4;
	g[reversed ? 1 : 0] = G("CERT-A", 'A', "2020-01-01");	/* expired */
	g[reversed ? 0 : 1] = G("CERT-B", 'A', "2021-02-01");	/* expiring */
	h->grades = g, h->ngrades = 2;
	for (i = 0; i < 9; i++) {
		c[i] = C(NULL, "2026-09-01", "2026-12-15", CS_ENROLLED, 3);
		c[i].status = i < 3 ? CS_DROPPED : CS_ENROLLED;
	}
	c[9] = C(NULL, "2027-01-10", "2027-05-01", CS_PLANNED, 3);
	h->courses = c, h->ncourses = 10;
	*e = ENR("2026-08-01", ENR_ACTIVE, NULL);	/* before the drops */
	h->enrollments = e, h->nenrollments = 1;
}

static void
test_alert_order(void **state)
{
	struct target t[4];
	struct grade g[2];
	struct course c[10];
	struct enrollment e;
	struct alert first[32];
	struct history h;
	struct packet p;
	size_t i, n;
	int rev;

	(void)state;
	for (rev = 0; rev < 2; rev++) {
		busy(&h, t, g, c, &e, rev);
		run(&h, "2026-11-23", &p);
		assert_true(p.nalerts >= 8 && p.nalerts <= 32);
		for (i = 1; i < p.nalerts; i++) {
			const struct alert *a = &p.alerts[i - 1],
			    *b = &p.alerts[i];
			int ra = alert_urgent_rank(a->code),
			    rb = alert_urgent_rank(b->code);

			assert_true(ra <= rb);
			if (ra == rb && a->on != b->on && b->on != DAY_NONE)
				assert_true(a->on != DAY_NONE && a->on < b->on);
		}
		if (rev == 0) {
			n = p.nalerts;
			memcpy(first, p.alerts, n * sizeof(*first));
			continue;
		}
		/* The same alerts, the same order, whatever the row order. */
		assert_int_equal(p.nalerts, n);
		for (i = 0; i < n; i++) {
			assert_int_equal(p.alerts[i].code, first[i].code);
			assert_int_equal(p.alerts[i].on, first[i].on);
			assert_int_equal(p.alerts[i].count, first[i].count);
		}
	}
	/* Rank 0 by date: the freeze (2025-01-01), the expired grade
	 * (2026-01-01), then the undated ones by code; rank 1; rank 2. */
	assert_int_equal(p.nalerts, 11);
	assert_int_equal(p.alerts[0].code, AL_TITLE_FROZEN);
	assert_int_equal(p.alerts[0].on, D("2025-01-01"));
	assert_int_equal(p.alerts[1].code, AL_GRADE_EXPIRED);
	assert_int_equal(p.alerts[1].on, D("2026-01-01"));
	assert_string_equal(p.alerts[1].class_code, "CERT-A");
	assert_int_equal(p.alerts[2].code, AL_LEAVE_BLOCKS_ENROLLMENT);
	assert_int_equal(p.alerts[3].code, AL_TARGET_LIMIT);
	assert_int_equal(p.alerts[4].code, AL_CREDENTIAL_NEEDS_BACHELOR);
	assert_int_equal(p.alerts[5].code, AL_TOO_MANY_CONCURRENT);
	assert_int_equal(p.alerts[6].code, AL_WITHDRAWAL_DROPS);
	assert_int_equal(p.alerts[7].code, AL_GRADE_EXPIRING);
	assert_int_equal(p.alerts[8].code, AL_PLAN_MISSING);
	assert_int_equal(p.alerts[9].code, AL_CLASS_LIMIT_REACHED);
	assert_int_equal(p.alerts[10].code, AL_FIRST_TERM_ONE_CLASS);
}

/*
 * The order's later keys: one date, the codes in rules.md's order; one
 * code, the class code (none first); then the count (a course id).
 */
static void
test_alert_order_ties(void **state)
{
	struct target t[2];
	struct exam_attempt x[2];
	struct course c[3];
	struct plan pl = PLAN(1, "2026-01-01", NULL, NULL);
	struct plan_step st = { 1, 1, "Meet", 0, DAY_NONE };
	struct enrollment e = ENR("2026-01-01", ENR_ACTIVE, NULL);
	struct history h;
	struct packet p;

	(void)state;
	emp(&h);
	h.emp.last_academic_credit_on = D("2025-01-01");
	h.enrollments = &e, h.nenrollments = 1;
	t[0] = T("CERT-A", "2022-01-01", ROUTE_NONE);
	t[1] = T("CERT-B", "2022-01-01", ROUTE_NONE);
	h.targets = t, h.ntargets = 2;
	x[0] = X("CERT-A", "Math", "2023-01-20", 0);
	x[1] = X("CERT-B", "Math", "2023-01-20", 0);
	h.attempts = x, h.nattempts = 2;	/* both windows end 2026-01-20 */
	/* Two classes starting on one day, and a step due the day their
	 * time off is due: 20 January 2027 - 1 month = 20 December 2026. */
	c[0] = C("CERT-B", "2027-01-20", "2027-05-01", CS_PLANNED, 3);
	c[1] = C("CERT-B", "2027-01-20", "2027-05-01", CS_PLANNED, 3);
	c[2] = C(NULL, "2027-01-20", "2027-05-01", CS_PLANNED, 3);
	c[0].id = 9, c[1].id = 4, c[2].id = 7;
	c[0].meeting_hours_per_week = c[1].meeting_hours_per_week = 3;
	c[2].meeting_hours_per_week = 3;
	h.courses = c, h.ncourses = 3;
	st.due_on = D("2026-12-20");
	pl.steps = &st, pl.nsteps = 1;
	h.plans = &pl, h.nplans = 1;
	run(&h, "2026-11-23", &p);
	assert_int_equal(p.nalerts, 6);
	assert_int_equal(p.alerts[0].code, AL_EXAM_WINDOW_EXPIRED);
	assert_string_equal(p.alerts[0].class_code, "CERT-A");
	assert_int_equal(p.alerts[1].code, AL_EXAM_WINDOW_EXPIRED);
	assert_string_equal(p.alerts[1].class_code, "CERT-B");
	/* REQUEST_TIME_OFF before PLAN_STEP_DUE on the same date; the
	 * course with no title first, then by course id */
	assert_int_equal(p.alerts[2].code, AL_REQUEST_TIME_OFF);
	assert_null(p.alerts[2].class_code);
	assert_int_equal(p.alerts[3].code, AL_REQUEST_TIME_OFF);
	assert_int_equal(p.alerts[3].count, 4);
	assert_int_equal(p.alerts[4].code, AL_REQUEST_TIME_OFF);
	assert_int_equal(p.alerts[4].count, 9);
	assert_ptr_equal(p.alerts[4].course, &c[0]);
	assert_int_equal(p.alerts[5].code, AL_PLAN_STEP_DUE);
	assert_int_equal(p.alerts[5].on, D("2026-12-20"));
}

/* Every alert has its cause in the packet; no negative figure. */
static void
test_alert_causes(void **state)
{
	struct target t[4];
	struct grade g[2];
	struct course c[10];
	struct enrollment e;
	struct history h;
	struct packet p;
	size_t i;

	(void)state;
	busy(&h, t, g, c, &e, 0);
	run(&h, "2026-11-23", &p);
	assert_true(p.classes_remaining >= 0 && p.exams_remaining >= 0);
	assert_true(p.hours_per_week >= 0 && p.repayment_cents >= 0);
	for (i = 0; i < p.nalerts; i++) {
		const struct alert *a = &p.alerts[i];

		assert_true(a->count >= 0);
		switch (a->code) {
		case AL_TOO_MANY_CONCURRENT:
			assert_true(a->count > p.concurrent_limit);
			assert_int_equal(a->count, p.classes_concurrent);
			break;
		case AL_CLASS_LIMIT_REACHED:
			assert_int_equal(p.classes_remaining, 0);
			break;
		case AL_GRADE_EXPIRED:
			assert_true(a->on < p.as_of);
			break;
		case AL_GRADE_EXPIRING:
			assert_true(a->on >= p.as_of);
			break;
		case AL_WITHDRAWAL_DROPS:
			assert_int_equal(a->count, 3);
			break;
		default:
			break;
		}
	}
	assert_non_null(has(&p, AL_LEAVE_BLOCKS_ENROLLMENT));
	assert_non_null(has(&p, AL_TITLE_FROZEN));
	assert_non_null(has(&p, AL_CREDENTIAL_NEEDS_BACHELOR));
	assert_non_null(has(&p, AL_TARGET_LIMIT));
	assert_non_null(has(&p, AL_GRADE_EXPIRING));
	assert_non_null(has(&p, AL_WITHDRAWAL_DROPS));
	assert_non_null(has(&p, AL_PLAN_MISSING));
	/* An employee with no records has no alerts at all. */
	emp(&h);
	run(&h, "2026-11-23", &p);
	assert_int_equal(p.nalerts, 0);
	assert_int_equal(p.classes_remaining, 8);
	assert_int_equal(p.exams_remaining, 2);
}

/* Codes the catalog does not know: skipped, never a crash. */
static void
test_robust_unknown_codes(void **state)
{
	struct target t = T("GONE", "2024-01-01", ROUTE_NONE);
	struct grade g = G("GONE", 'A', "2026-08-01");
	struct exam_attempt x = X("GONE", NULL, "2026-01-01", 0);
	struct course c = C(NULL, "2026-09-01", "2026-12-15", CS_COMPLETED,
	    3);
	struct county_pref cp = { 1, "GONE", 1, "Cook" };
	struct appointment ap = { 1, NULL, "GONE", 0, 1 };
	long byt[NELEM(titles)];
	struct list_entry *le;
	struct fy_figures f;
	struct history h;
	struct packet p;
	size_t n;
	int prof;

	(void)state;
	for (prof = 0; prof < 2; prof++) {
		emp(&h);
		h.emp.class_code = "GONE";
		h.targets = &t, h.ntargets = 1;
		h.grades = &g, h.ngrades = 1;
		h.attempts = &x, h.nattempts = 1;
		h.courses = &c, h.ncourses = 1;
		h.prefs = &cp, h.nprefs = 1;
		ap.appointed_on = D("2026-08-01");
		h.appointments = &ap, h.nappointments = 1;
		runp(&h, (enum profile)prof, "2026-11-23", &p);
		assert_null(p.cls);
		assert_int_equal(p.ntargets, 0);
		assert_int_equal(p.eligible, prof == PROFILE_ILLINOIS);
		rule_list_entries(&h, &cat, &set, (enum profile)prof,
		    D("2026-11-23"), &ar, &le, &n);
		assert_int_equal(n, 0);
		fy_init(&f, 2026, byt);
		rule_fy_add(&h, &cat, &set, (enum profile)prof,
		    D("2026-11-23"), &f);
		assert_int_equal(f.grades_issued, prof == PROFILE_ILLINOIS);
		assert_int_equal(f.appointments[0], 1);
	}
}

/* ---- eligibility (2026-12-04) ------------------------------------------ */

/* IL II.A (E1): the first reason that applies, in rules.md's order. */
static void
test_E1_reasons(void **state)
{
	static const char *const covered[] = { "RC-062", "RC-063" };
	static const struct {
		const char *bu, *cls, *sep;
		enum emp_status st;
		enum probation prob;
		int covered;	/* site.yaml lists covered_units */
		enum elig_reason want;
	} cases[] = {
		{ "RC-063", "CLERK", NULL, ST_PERMANENT, PROB_NONE, 0,
		    ER_NONE },
		{ "RC-063", "CLERK", NULL, ST_PROBATIONARY, PROB_NONE, 0,
		    ER_NONE },	/* null probation: promotional */
		{ "RC-063", "CLERK", NULL, ST_PROBATIONARY, PROB_PROMOTIONAL,
		    0, ER_NONE },
		{ "RC-063", "CLERK", NULL, ST_PROBATIONARY, PROB_ORIGINAL, 0,
		    ER_ORIGINAL_PROBATION },
		{ "RC-063", "CLERK", NULL, ST_LIMITED_TERM, PROB_NONE, 0,
		    ER_STATUS },
		{ "RC-063", "CLERK", NULL, ST_TEMPORARY, PROB_NONE, 0,
		    ER_STATUS },
		/* separation comes first */
		{ "RC-063", "CLERK", "2026-11-23", ST_TEMPORARY, PROB_NONE, 0,
		    ER_SEPARATED },
		{ NULL, "CLERK", "2026-11-22", ST_PERMANENT, PROB_NONE, 0,
		    ER_SEPARATED },
		{ "RC-063", "CLERK", "2026-11-24", ST_PERMANENT, PROB_NONE, 0,
		    ER_NONE },	/* separates tomorrow */
		/* covered_bargaining_units */
		{ "RC-063", "CLERK", NULL, ST_PERMANENT, PROB_NONE, 1,
		    ER_NONE },
		{ "RC-014", "CLERK", NULL, ST_PERMANENT, PROB_NONE, 1,
		    ER_NOT_COVERED },
		{ "RC-014", "CERT-A", NULL, ST_PERMANENT, PROB_NONE, 1,
		    ER_NOT_COVERED },	/* (b) is for no bargaining unit */
		{ "RC-014", "CLERK", NULL, ST_TEMPORARY, PROB_NONE, 1,
		    ER_NOT_COVERED },	/* STATUS is for covered units */
		/* (b): outside a bargaining unit, in a program title */
		{ NULL, "CLERK", NULL, ST_PERMANENT, PROB_NONE, 0,
		    ER_NOT_COVERED },
		{ NULL, "CERT-A", NULL, ST_TEMPORARY, PROB_NONE, 0, ER_NONE },
		{ NULL, "CRED-B", NULL, ST_PROBATIONARY, PROB_ORIGINAL, 0,
		    ER_NONE },	/* whatever the status */
		{ NULL, "DUAL", NULL, ST_LIMITED_TERM, PROB_NONE, 0, ER_NONE },
		{ NULL, "GONE", NULL, ST_PERMANENT, PROB_NONE, 0,
		    ER_NOT_COVERED },
	};
	struct history h;
	struct packet p;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		emp(&h);
		h.emp.bargaining_unit = cases[i].bu;
		h.emp.class_code = cases[i].cls;
		h.emp.status = cases[i].st;
		h.emp.probation = cases[i].prob;
		if (cases[i].sep)
			h.emp.separated_on = D(cases[i].sep);
		set.covered_units = cases[i].covered ? covered : NULL;
		set.ncovered_units = cases[i].covered ? 2 : 0;
		assert_int_equal(rule_elig_reason(&h, &cat, &set,
		    PROFILE_ILLINOIS, D("2026-11-23")), cases[i].want);
		assert_int_equal(rule_eligible(&h, &cat, &set,
		    PROFILE_ILLINOIS, D("2026-11-23")),
		    cases[i].want == ER_NONE);
		run(&h, "2026-11-23", &p);
		assert_int_equal(p.eligibility_reason, cases[i].want);
		assert_int_equal(p.eligible, cases[i].want == ER_NONE);
	}
	/* An empty list covers no unit. */
	emp(&h);
	set.covered_units = covered;
	set.ncovered_units = 0;
	assert_int_equal(rule_elig_reason(&h, &cat, &set, PROFILE_ILLINOIS,
	    D("2026-11-23")), ER_NOT_COVERED);
	set.covered_units = NULL;
	assert_string_equal(elig_reason_name(ER_NOT_COVERED), "NOT_COVERED");
	assert_string_equal(elig_reason_name(ER_NONE), "");
}

/* CA (E2): SEPARATED, else NOT_LPEL. */
static void
test_E2_reasons(void **state)
{
	struct history h;

	(void)state;
	emp(&h);
	h.emp.class_code = "CERT-A";
	assert_int_equal(rule_elig_reason(&h, &cat, &set, PROFILE_CALIFORNIA,
	    D("2026-11-23")), ER_NOT_LPEL);
	h.emp.separated_on = D("2026-11-23");
	assert_int_equal(rule_elig_reason(&h, &cat, &set, PROFILE_CALIFORNIA,
	    D("2026-11-23")), ER_SEPARATED);
	assert_int_equal(rule_elig_reason(&h, &cat, &set, PROFILE_CALIFORNIA,
	    D("2026-11-22")), ER_NOT_LPEL);
}

static struct leave_row
LV(enum leave_kind k, const char *start, const char *end)
{
	struct leave_row l;

	memset(&l, 0, sizeof(l));
	l.kind = k;
	l.starts_on = D(start);
	l.ends_on = end ? D(end) : DAY_NONE;
	return l;
}

/* IL IV.C (E3): a leaves row covering the as-of date also counts. */
static void
test_E3_leaves_rows(void **state)
{
	static const struct {
		enum leave_kind kind;
		const char *start, *end, *asof;
		int want;
	} cases[] = {
		{ LK_OTHER, "2026-10-01", "2026-12-31", "2026-09-30", 0 },
		{ LK_OTHER, "2026-10-01", "2026-12-31", "2026-10-01", 1 },
		{ LK_OTHER, "2026-10-01", "2026-12-31", "2026-12-31", 1 },
		{ LK_OTHER, "2026-10-01", "2026-12-31", "2027-01-01", 0 },
		{ LK_OTHER, "2026-10-01", NULL, "2030-01-01", 1 },	/* open */
		{ LK_MILITARY_UNPAID, "2026-10-01", NULL, "2026-11-23", 1 },
		{ LK_MILITARY_PAID, "2026-10-01", NULL, "2026-11-23", 0 },
		{ LK_EDUCATION, "2026-10-01", NULL, "2026-11-23", 0 },
	};
	struct leave_row l;
	struct course c;
	struct history h;
	struct packet p;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		emp(&h);
		memset(&l, 0, sizeof(l));
		l.kind = cases[i].kind;
		l.starts_on = D(cases[i].start);
		l.ends_on = cases[i].end ? D(cases[i].end) : DAY_NONE;
		h.leaves = &l, h.nleaves = 1;
		c = C(NULL, "2027-02-01", "2027-05-01", CS_PLANNED, 3);
		h.courses = &c, h.ncourses = 1;
		run(&h, cases[i].asof, &p);
		assert_int_equal(p.on_leave, cases[i].want);
		assert_int_equal(has(&p, AL_LEAVE_BLOCKS_ENROLLMENT) != NULL,
		    cases[i].want);
	}
	/* An enrolled course counts when the employee enrolled in it on or
	 * after the leave began (IV.C: "prior approval"): the day before,
	 * of, after the leave's start (1 October). */
	emp(&h);
	l = LV(LK_OTHER, "2026-10-01", NULL);
	h.leaves = &l, h.nleaves = 1;
	c = C(NULL, "2026-09-01", "2026-12-15", CS_ENROLLED, 3);
	h.courses = &c, h.ncourses = 1;
	c.status_on = D("2026-09-30");
	run(&h, "2026-11-23", &p);
	assert_true(p.on_leave);
	assert_null(has(&p, AL_LEAVE_BLOCKS_ENROLLMENT));
	c.status_on = D("2026-10-01");
	run(&h, "2026-11-23", &p);
	assert_non_null(has(&p, AL_LEAVE_BLOCKS_ENROLLMENT));
	c.status_on = D("2026-10-02");
	run(&h, "2026-11-23", &p);
	assert_non_null(has(&p, AL_LEAVE_BLOCKS_ENROLLMENT));
	/* employees.leave records no start: it covers every course */
	h.nleaves = 0;
	h.emp.leave = LEAVE_OTHER;
	c.status_on = D("2020-01-01");
	run(&h, "2026-11-23", &p);
	assert_non_null(has(&p, AL_LEAVE_BLOCKS_ENROLLMENT));
}

static struct appointment
APPT(const char *to, const char *on, int via)
{
	struct appointment ap;

	memset(&ap, 0, sizeof(ap));
	ap.from_class_code = "CLERK";
	ap.to_class_code = to;
	ap.appointed_on = D(on);
	ap.via_program = via;
	return ap;
}

/* IL II.B (E4): a participant no longer eligible, for a reason other
 * than separation, is withdrawn. */
static void
test_E4_no_longer_eligible(void **state)
{
	static const struct {
		enum enr_status st;
		const char *bu, *cls, *sep;
		int want;
	} cases[] = {
		{ ENR_ACTIVE, NULL, "CLERK", NULL, 1 },	/* promoted out */
		{ ENR_SUSPENDED, NULL, "CLERK", NULL, 1 },
		{ ENR_WITHDRAWN, NULL, "CLERK", NULL, 0 },
		{ ENR_ACTIVE, "RC-063", "CLERK", NULL, 0 },	/* eligible */
		{ ENR_ACTIVE, NULL, "CERT-A", NULL, 0 },	/* (b) */
		{ ENR_ACTIVE, "RC-063", "CLERK", "2026-11-23", 0 }, /* left */
	};
	struct enrollment e;
	struct history h;
	struct packet p;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		emp(&h);
		h.emp.bargaining_unit = cases[i].bu;
		h.emp.class_code = cases[i].cls;
		if (cases[i].sep)
			h.emp.separated_on = D(cases[i].sep);
		e = ENR("2025-01-01", cases[i].st, cases[i].st == ENR_ACTIVE ?
		    NULL : "2026-01-01");
		h.enrollments = &e, h.nenrollments = 1;
		run(&h, "2026-11-23", &p);
		assert_int_equal(has(&p, AL_NO_LONGER_ELIGIBLE) != NULL,
		    cases[i].want);
		assert_null(p.promoted_to);	/* no appointment on record */
		runp(&h, PROFILE_CALIFORNIA, "2026-11-23", &p);
		assert_null(has(&p, AL_NO_LONGER_ELIGIBLE));	/* IL only */
	}
	/* II.B: promoted into the class after enrolling (the day after
	 * enrolled_on; on that day it is no promotion out). */
	{
		struct appointment ap = APPT("CLERK", "2025-01-02", 0);

		emp(&h);
		h.emp.bargaining_unit = NULL;
		e = ENR("2025-01-01", ENR_ACTIVE, NULL);
		h.enrollments = &e, h.nenrollments = 1;
		h.appointments = &ap, h.nappointments = 1;
		run(&h, "2026-11-23", &p);
		assert_ptr_equal(p.promoted_to, &ap);
		ap.appointed_on = D("2025-01-01");
		run(&h, "2026-11-23", &p);
		assert_null(p.promoted_to);
	}
}

/* IL XII.C (T3): a grade for a frozen title, expired or not, allows
 * re-targeting it. */
static void
test_T3_grade_allows_retarget(void **state)
{
	struct target t = T("FROZEN", "2026-01-01", ROUTE_NONE);
	struct grade g = G("FROZEN", 'A', "2010-01-01");	/* expired */
	struct grade other = G("CERT-A", 'A', "2024-01-01");
	struct history h;
	struct packet p;

	(void)state;
	emp(&h);
	h.targets = &t, h.ntargets = 1;
	h.grades = &other, h.ngrades = 1;
	run(&h, "2026-11-23", &p);
	assert_non_null(has(&p, AL_TITLE_FROZEN));
	h.grades = &g;
	run(&h, "2026-11-23", &p);
	assert_null(has(&p, AL_TITLE_FROZEN));
}

/* ---- exams (2026-12-04) ------------------------------------------------ */

/*
 * IL VII.G (X1): a window that ended without a grade is over; the first
 * attempt dated after its end opens a new one, and X2 reads only the
 * current window.  An attempt on the end day is still in the window.
 */
static void
test_X1_start_over(void **state)
{
	struct target t = T("CERT-A", "2019-01-01", ROUTE_NONE);
	struct exam_attempt x[3];
	struct history h;
	struct packet p;

	(void)state;
	emp(&h);
	h.targets = &t, h.ntargets = 1;
	x[0] = X("CERT-A", "Math", "2020-03-01", 0);	/* ends 2023-03-01 */
	x[1] = X("CERT-A", "Reading", "2023-03-01", 0);	/* the end day */
	x[2] = X("CERT-A", "Writing", "2023-03-02", 0);	/* the day after */
	h.attempts = x, h.nattempts = 2;
	run(&h, "2023-03-01", &p);
	assert_int_equal(p.targets[0].first_exam_on, D("2020-03-01"));
	assert_int_equal(p.targets[0].nsections_not_proficient, 2);
	assert_false(p.targets[0].restarted);
	assert_int_equal(p.targets[0].restarted_after, DAY_NONE);
	/* The day after the end: expired, and the scores erased (X2 empty). */
	run(&h, "2023-03-02", &p);
	assert_non_null(has(&p, AL_EXAM_WINDOW_EXPIRED));
	assert_int_equal(p.targets[0].nsections_not_proficient, 0);
	assert_int_equal(p.targets[0].next_exam_allowed_on, DAY_NONE);
	/* An attempt the day after the end starts over. */
	h.nattempts = 3;
	run(&h, "2023-03-02", &p);
	assert_int_equal(p.targets[0].first_exam_on, D("2023-03-02"));
	assert_int_equal(p.targets[0].exam_window_ends_on, D("2026-03-02"));
	assert_true(p.targets[0].restarted);
	/* the packet says when the earlier window ended (view.c) */
	assert_int_equal(p.targets[0].restarted_after, D("2023-03-01"));
	assert_null(has(&p, AL_EXAM_WINDOW_EXPIRED));
	assert_int_equal(p.targets[0].nsections_not_proficient, 1);
	assert_string_equal(p.targets[0].sections_not_proficient[0],
	    "Writing");
	/* the window's first attempt: one month (VII.B Option 1) */
	assert_int_equal(p.targets[0].next_exam_allowed_on, D("2023-04-02"));
}


/* The packet's window end for one attempt on 2020-01-01 (base end
 * 2023-01-01) with these leaves. */
static day_t
window_with(struct leave_row *l, size_t n, const char *asof)
{
	static struct target t;
	static struct exam_attempt x;
	struct history h;
	struct packet p;

	emp(&h);
	t = T("CERT-A", "2019-01-01", ROUTE_NONE);
	x = X("CERT-A", "Math", "2020-01-01", 0);
	h.targets = &t, h.ntargets = 1;
	h.attempts = &x, h.nattempts = 1;
	h.leaves = l, h.nleaves = n;
	run(&h, asof, &p);
	return p.targets[0].exam_window_ends_on;
}

/*
 * IL VII.G (X1): time on military leave does not count, from 1 April
 * 2016; M counts the days D with first <= D < end on such leave, and
 * the end moves until it stops moving.
 */
static void
test_X1_military_leave(void **state)
{
	static const struct {
		enum leave_kind kind;
		const char *start, *end, *asof, *want;
	} cases[] = {
		/* 10 days of leave: the end moves 10 days */
		{ LK_MILITARY_PAID, "2021-05-01", "2021-05-10", "2021-06-01",
		    "2023-01-11" },
		{ LK_MILITARY_UNPAID, "2021-05-01", "2021-05-10", "2021-06-01",
		    "2023-01-11" },
		/* other leave, and education leave, do not stop the clock */
		{ LK_OTHER, "2021-05-01", "2021-05-10", "2021-06-01",
		    "2023-01-01" },
		{ LK_EDUCATION, "2021-05-01", "2021-05-10", "2021-06-01",
		    "2023-01-01" },
		/* leave before the first attempt: the day before, of */
		{ LK_MILITARY_PAID, "2019-12-01", "2019-12-31", "2021-06-01",
		    "2023-01-01" },
		{ LK_MILITARY_PAID, "2019-12-01", "2020-01-01", "2021-06-01",
		    "2023-01-02" },
		/* the end moves into a leave, which moves it further: leave
		 * from 2022-12-01 to 2023-01-10 (41 days, 31 of them before
		 * the first end): 2023-01-01 + 31 = 2023-02-01, + 41 =
		 * 2023-02-11 */
		{ LK_MILITARY_PAID, "2022-12-01", "2023-01-10", "2023-06-01",
		    "2023-02-11" },
		/* the day before the end counts (D < end); a leave that
		 * starts on the end day, or after it, does not move it */
		{ LK_MILITARY_PAID, "2022-12-31", "2022-12-31", "2023-06-01",
		    "2023-01-02" },
		{ LK_MILITARY_PAID, "2023-01-01", "2023-01-05", "2023-06-01",
		    "2023-01-01" },
		{ LK_MILITARY_PAID, "2023-01-02", "2023-01-05", "2023-06-01",
		    "2023-01-01" },
		/* an open row lasts through the as-of date */
		{ LK_MILITARY_PAID, "2021-05-01", NULL, "2021-05-10",
		    "2023-01-11" },
	};
	struct leave_row l[3];
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		l[0] = LV(cases[i].kind, cases[i].start, cases[i].end);
		assert_int_equal(window_with(l, 1, cases[i].asof),
		    D(cases[i].want));
	}
	/* Overlapping rows count each day once. */
	l[0] = LV(LK_MILITARY_PAID, "2021-05-01", "2021-05-10");
	l[1] = LV(LK_MILITARY_UNPAID, "2021-05-06", "2021-05-20");
	l[2] = LV(LK_MILITARY_PAID, "2021-05-08", "2021-05-09");
	assert_int_equal(window_with(l, 3, "2021-06-01"), D("2023-01-21"));
}

/* Military leave counts only from 1 April 2016 (IL VII.G). */
static void
test_X1_military_from_2016(void **state)
{
	struct target t = T("CERT-A", "2014-01-01", ROUTE_NONE);
	struct exam_attempt x = X("CERT-A", "Math", "2016-01-01", 0);
	struct leave_row l;
	struct history h;
	struct packet p;

	(void)state;
	emp(&h);
	h.targets = &t, h.ntargets = 1;
	h.attempts = &x, h.nattempts = 1;
	h.leaves = &l, h.nleaves = 1;
	/* 2016-03-22 to 2016-04-10: the days from 1 April count (10). */
	l = LV(LK_MILITARY_PAID, "2016-03-22", "2016-04-10");
	run(&h, "2017-01-01", &p);
	assert_int_equal(p.targets[0].exam_window_ends_on, D("2019-01-11"));
	assert_int_equal(p.targets[0].military_days, 10);
	l = LV(LK_MILITARY_PAID, "2016-03-22", "2016-03-31");
	run(&h, "2017-01-01", &p);
	assert_int_equal(p.targets[0].exam_window_ends_on, D("2019-01-01"));
	assert_int_equal(p.targets[0].military_days, 0);
}

/* IL VII.G (X1): extensions add their days in the window of granted_on. */
static void
test_X1_extensions(void **state)
{
	static const struct {
		const char *granted;
		const char *code;
		const char *want;
	} cases[] = {
		{ "2019-12-31", "CERT-A", "2023-01-01" },	/* before */
		{ "2020-01-01", "CERT-A", "2023-01-31" },	/* the first day */
		{ "2023-01-01", "CERT-A", "2023-01-31" },	/* the end day */
		{ "2023-01-02", "CERT-A", "2023-01-01" },	/* after it */
		{ "2021-01-01", "CERT-B", "2023-01-01" },	/* another title */
	};
	struct target t = T("CERT-A", "2019-01-01", ROUTE_NONE);
	struct exam_attempt x = X("CERT-A", "Math", "2020-01-01", 0);
	struct exam_extension e[2];
	struct history h;
	struct packet p;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		emp(&h);
		h.targets = &t, h.ntargets = 1;
		h.attempts = &x, h.nattempts = 1;
		memset(e, 0, sizeof(e));
		e[0].class_code = cases[i].code;
		e[0].days = 30;
		e[0].granted_on = D(cases[i].granted);
		h.extensions = e, h.nextensions = 1;
		run(&h, "2022-06-01", &p);
		assert_int_equal(p.targets[0].exam_window_ends_on,
		    D(cases[i].want));
	}
	/* An extension granted in the days another one added counts too
	 * (the end moves until it stops moving). */
	e[0].class_code = e[1].class_code = "CERT-A";
	e[0].granted_on = D("2022-12-01");
	e[1].granted_on = D("2023-01-20");
	e[1].days = 5;
	h.nextensions = 2;
	run(&h, "2022-06-01", &p);
	assert_int_equal(p.targets[0].exam_window_ends_on, D("2023-02-05"));
	assert_int_equal(p.targets[0].extension_days, 35);
	/* with military leave too: M + X */
	{
		struct leave_row l = LV(LK_MILITARY_PAID, "2021-01-01",
		    "2021-01-10");

		h.leaves = &l, h.nleaves = 1;
		run(&h, "2022-06-01", &p);
		assert_int_equal(p.targets[0].exam_window_ends_on,
		    D("2023-02-15"));
		assert_int_equal(p.targets[0].military_days, 10);
	}
}

/*
 * IL VII.E (X2): after completing course work for the title the retest
 * is allowed the day after the course ends, when that comes before
 * the wait: here one month, the attempt being the window's first
 * (VII.B Option 1).
 */
static void
test_X2_course_completion(void **state)
{
	static const struct {
		const char *code, *end;
		enum course_status st;
		const char *want;
	} cases[] = {
		{ "CERT-A", "2026-03-10", CS_COMPLETED, "2026-03-11" },
		{ "CERT-A", "2026-03-01", CS_COMPLETED, "2026-04-01" },
		{ "CERT-A", "2026-03-02", CS_COMPLETED, "2026-03-03" },
		{ "CERT-A", "2026-03-29", CS_COMPLETED, "2026-03-30" },
		{ "CERT-A", "2026-03-30", CS_COMPLETED, "2026-03-31" },
		{ "CERT-A", "2026-03-31", CS_COMPLETED, "2026-04-01" },
		{ "CERT-A", "2026-04-20", CS_COMPLETED, "2026-04-01" },
		{ "CERT-A", "2026-03-10", CS_ENROLLED, "2026-04-01" },
		{ "CERT-B", "2026-03-10", CS_COMPLETED, "2026-04-01" },
	};
	struct target t = T("CERT-A", "2025-01-01", ROUTE_NONE);
	struct exam_attempt x = X("CERT-A", "Math", "2026-03-01", 0);
	struct course c;
	struct history h;
	struct packet p;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		emp(&h);
		h.targets = &t, h.ntargets = 1;
		h.attempts = &x, h.nattempts = 1;
		c = C(cases[i].code, "2026-01-10", cases[i].end, cases[i].st,
		    3);
		h.courses = &c, h.ncourses = 1;
		run(&h, "2026-03-05", &p);
		assert_int_equal(p.targets[0].next_exam_allowed_on,
		    D(cases[i].want));
		assert_int_equal(p.targets[0].retest_course != NULL,
		    D(cases[i].want) != D("2026-04-01"));
	}
}

/*
 * IL VII.F, VII.G (X4): a final attempt that leaves a section not
 * proficient ends the title's attempts; retarget 18 months after it.
 */
static void
test_X4_final_attempt(void **state)
{
	struct target t = T("CERT-A", "2023-01-01", ROUTE_NONE);
	struct exam_attempt x[4];
	struct history h;
	struct packet p;
	static const struct {
		const char *asof;
		int alert;
	} days[] = {
		{ "2026-09-04", 1 }, { "2027-09-04", 1 },
		{ "2027-09-05", 0 }, { "2027-09-06", 0 },
	};
	size_t i;

	(void)state;
	emp(&h);
	h.targets = &t, h.ntargets = 1;
	x[0] = X("CERT-A", "Math", "2024-01-10", 0);
	x[1] = X("CERT-A", "Reading", "2026-03-05", 1);
	x[2] = X("CERT-A", "Math", "2026-03-05", 0);
	x[2].final = 1;
	x[3] = X("CERT-A", "Math", "2027-10-01", 0);
	h.attempts = x, h.nattempts = 3;
	for (i = 0; i < NELEM(days); i++) {
		run(&h, days[i].asof, &p);
		assert_int_equal(p.targets[0].final_attempt_on,
		    D("2026-03-05"));
		assert_int_equal(p.targets[0].retarget_allowed_on,
		    D("2027-09-05"));
		/* the scores are erased: X1 and X2 no longer apply */
		assert_int_equal(p.targets[0].first_exam_on, DAY_NONE);
		assert_int_equal(p.targets[0].exam_window_ends_on, DAY_NONE);
		assert_int_equal(p.targets[0].nsections_not_proficient, 0);
		assert_int_equal(p.targets[0].next_exam_allowed_on, DAY_NONE);
		assert_int_equal(has(&p, AL_FINAL_ATTEMPT_FAILED) != NULL,
		    days[i].alert);
		if (days[i].alert)
			assert_int_equal(has(&p, AL_FINAL_ATTEMPT_FAILED)->on,
			    D("2027-09-05"));
	}
	/* 31 August plus 18 months is the last day of February. */
	x[2].taken_on = x[1].taken_on = D("2026-08-31");
	run(&h, "2026-09-04", &p);
	assert_int_equal(p.targets[0].retarget_allowed_on, D("2028-02-29"));
	x[2].taken_on = x[1].taken_on = D("2026-03-05");
	/* A final attempt that passes ends nothing. */
	x[2].proficient = 1;
	run(&h, "2026-09-04", &p);
	assert_int_equal(p.targets[0].retarget_allowed_on, DAY_NONE);
	assert_int_equal(p.targets[0].first_exam_on, D("2024-01-10"));
	x[2].proficient = 0;
	/* Attempts after the final one start afresh: X1 from the first. */
	h.nattempts = 4;
	run(&h, "2027-10-02", &p);
	assert_int_equal(p.targets[0].retarget_allowed_on, DAY_NONE);
	assert_null(has(&p, AL_FINAL_ATTEMPT_FAILED));
	assert_int_equal(p.targets[0].first_exam_on, D("2027-10-01"));
	assert_int_equal(p.targets[0].exam_window_ends_on, D("2030-10-01"));
	assert_int_equal(p.targets[0].nsections_not_proficient, 1);
}

/* ---- classes (2026-12-04) ---------------------------------------------- */

/* C1's grouping is the fewest groups: against every partition, on
 * pseudo-random short courses (a fixed seed: the same every run). */
static void
test_C1_fewest_groups(void **state)
{
	static const double cr[] = { 0.5, 1, 1, 1, 1.5, 2, 2.5 };
	struct course c[8];
	const struct course *v[8];
	uint32_t seed = 12345;
	int round, n, k;
	day_t base = D("2026-08-01");

	(void)state;
	for (round = 0; round < 300; round++) {
		n = 1 + round % 8;
		for (k = 0; k < n; k++) {
			seed = seed * 1103515245u + 12345u;
			c[k] = C(NULL, "2026-08-01", "2026-08-01", CS_COMPLETED,
			    cr[(seed >> 8) % NELEM(cr)]);
			c[k].starts_on = base + (day_t)((seed >> 12) % 200);
			c[k].ends_on = c[k].starts_on + (day_t)((seed >> 20) %
			    40);
		}
		/* the reader's order: by starts_on */
		for (k = 1; k < n; k++) {
			int j = k;
			struct course t = c[k];

			for (; j > 0 && c[j - 1].starts_on > t.starts_on; j--)
				c[j] = c[j - 1];
			c[j] = t;
		}
		for (k = 0; k < n; k++)
			v[k] = &c[k];
		assert_int_equal(rule_c1_count(c, (size_t)n, 2026, &ar),
		    c1_oracle(v, n));
	}
}

/* rules.md C1: exact up to 20 short courses in a fiscal year, any valid
 * grouping beyond, in bounded time either way. */
static void
test_C1_twenty_and_more(void **state)
{
	struct course c[60];
	int k;

	(void)state;
	/* 20 one-credit courses one after another: 7 groups (exact). */
	for (k = 0; k < 20; k++)
		c[k] = SEQ(k % 18, CS_COMPLETED, 1);
	for (k = 0; k < 20; k++) {
		c[k].starts_on = D("2026-07-01") + 18 * k;
		c[k].ends_on = c[k].starts_on + 10;
	}
	assert_int_equal(rule_c1_count(c, 20, 2026, &ar), 7);
	/* 1, 2, 1, 1, 2 four times, one after another: 12 1-credit and 8
	 * 2-credit courses can be 4 pairs and 4 triples: 8 (the dynamic
	 * program; a first fit in date order finds more). */
	for (k = 0; k < 20; k++) {
		c[k] = C(NULL, "2026-08-01", "2026-08-01", CS_COMPLETED,
		    k % 5 == 1 || k % 5 == 4 ? 2 : 1);
		c[k].starts_on = D("2026-07-01") + 18 * k;
		c[k].ends_on = c[k].starts_on + 10;
	}
	assert_int_equal(rule_c1_count(c, 20, 2026, &ar), 8);
	/* 20 that all overlap: none groups. */
	for (k = 0; k < 20; k++)
		c[k] = C(NULL, "2026-08-01", "2026-12-01", CS_COMPLETED, 1);
	assert_int_equal(rule_c1_count(c, 20, 2026, &ar), 20);
	/* 21 one after another: a valid grouping, at least the fewest. */
	for (k = 0; k < 21; k++) {
		c[k] = C(NULL, "2026-08-01", "2026-08-01", CS_COMPLETED, 1);
		c[k].starts_on = D("2026-07-01") + 17 * k;
		c[k].ends_on = c[k].starts_on + 10;
	}
	assert_int_equal(rule_c1_count(c, 21, 2026, &ar), 7);
	/* 60 mixed: between the fewest possible and one each. */
	for (k = 0; k < 60; k++) {
		c[k] = C(NULL, "2026-08-01", "2026-08-01", CS_COMPLETED,
		    k % 3 ? 1 : 2);
		c[k].starts_on = D("2026-07-01") + 6 * k;
		c[k].ends_on = c[k].starts_on + (k % 5);
	}
	k = rule_c1_count(c, 60, 2026, &ar);
	assert_true(k >= 20 && k <= 60);
}

/* IL IX.B (C5): only drops and fails on or after the current
 * enrollment's enrolled_on count (a withdrawal served is not served
 * again). */
static void
test_C5_since_enrollment(void **state)
{
	static const struct {
		const char *enrolled;
		long want;	/* 0: no alert */
	} cases[] = {
		{ "2023-03-01", 3 },	/* the day of the third drop */
		{ "2023-03-02", 0 },	/* the day after: 2 count */
		{ "2020-01-01", 3 },
	};
	struct course c[3];
	struct enrollment e[2];
	struct history h;
	struct packet p;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		emp(&h);
		c[0] = C(NULL, "2022-09-01", "2022-12-01", CS_DROPPED, 3);
		c[1] = C(NULL, "2023-01-10", "2023-05-01", CS_FAILED, 3);
		c[2] = C(NULL, "2023-01-10", "2023-05-01", CS_DROPPED, 3);
		c[0].status_on = D("2026-01-15");
		c[1].status_on = D("2026-05-01");
		c[2].status_on = D("2023-03-01");
		h.courses = c, h.ncourses = 3;
		/* an earlier enrollment does not matter: the latest does */
		e[0] = ENR("2019-01-01", ENR_WITHDRAWN, "2019-06-01");
		e[1] = ENR(cases[i].enrolled, ENR_ACTIVE, NULL);
		h.enrollments = e, h.nenrollments = 2;
		run(&h, "2026-11-23", &p);
		assert_int_equal(has(&p, AL_WITHDRAWAL_DROPS) != NULL,
		    cases[i].want > 0);
		assert_int_equal(p.drops, cases[i].want ? cases[i].want : 2);
	}
}

/* IL IX.F (C7): one target title studied at a time. */
static void
test_C7_one_target_at_a_time(void **state)
{
	static const struct {
		const char *code1, *start1, *end1, *asof;
		enum course_status st1;
		int lab1, want;
	} cases[] = {
		{ "CERT-B", "2026-10-01", "2026-12-20", "2026-11-23",
		    CS_ENROLLED, 0, 1 },
		{ "CERT-A", "2026-10-01", "2026-12-20", "2026-11-23",
		    CS_ENROLLED, 0, 0 },	/* the same title */
		/* one after another: the day after the end, and the end day */
		{ "CERT-B", "2026-12-16", "2027-03-01", "2026-11-23",
		    CS_PLANNED, 0, 0 },
		{ "CERT-B", "2026-12-15", "2027-03-01", "2026-11-23",
		    CS_PLANNED, 0, 1 },
		/* both ended before the as-of date; one ends on it */
		{ "CERT-B", "2026-10-01", "2026-12-14", "2026-12-16",
		    CS_ENROLLED, 0, 0 },
		{ "CERT-B", "2026-10-01", "2026-12-15", "2026-12-15",
		    CS_ENROLLED, 0, 1 },
		{ "CERT-B", "2026-10-01", "2026-12-20", "2026-11-23",
		    CS_COMPLETED, 0, 0 },
		{ "CERT-B", "2026-10-01", "2026-12-20", "2026-11-23",
		    CS_ENROLLED, 1, 0 },	/* a lab */
		{ NULL, "2026-10-01", "2026-12-20", "2026-11-23",
		    CS_ENROLLED, 0, 0 },	/* no title */
	};
	struct course c[2];
	struct history h;
	struct packet p;
	const struct alert *al;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		emp(&h);
		h.emp.last_academic_credit_on = D("2025-01-01");
		c[0] = C("CERT-A", "2026-09-01", "2026-12-15", CS_ENROLLED, 3);
		c[1] = C(cases[i].code1, cases[i].start1, cases[i].end1,
		    cases[i].st1, 3);
		c[1].lab_for = cases[i].lab1 ? 1 : 0;
		h.courses = c, h.ncourses = 2;
		run(&h, cases[i].asof, &p);
		al = has(&p, AL_ONE_TARGET_AT_A_TIME);
		assert_int_equal(al != NULL, cases[i].want);
		if (al == NULL)
			continue;
		assert_int_equal(al->on, DAY_NONE);
		assert_ptr_equal(al->course, &c[0]);
		assert_ptr_equal(al->other, &c[1]);
	}
}

/* ---- money (2026-12-04) ------------------------------------------------ */

/*
 * IL XI.A (M5): full private tuition for at most one class a term (no
 * overlap with an earlier full-tuition course) and four a fiscal year;
 * the others at the capped rate, each an alert dated its starts_on.
 */
static void
test_M5_full_tuition(void **state)
{
	static const struct {
		const char *start, *end;
		int full;
	} rows[] = {
		{ "2026-07-06", "2026-08-20", 1 },
		{ "2026-08-20", "2026-10-01", 0 },	/* starts on its end */
		{ "2026-08-21", "2026-10-01", 1 },	/* the day after */
		{ "2026-10-02", "2026-11-01", 1 },
		{ "2026-11-02", "2026-12-01", 1 },	/* the fourth */
		{ "2027-01-10", "2027-03-01", 0 },	/* a fifth in FY */
		{ "2027-07-01", "2027-08-01", 1 },	/* the next FY */
	};
	struct course c[9];
	struct history h;
	struct packet p;
	size_t i, n = NELEM(rows);

	(void)state;
	emp(&h);
	set.private_tuition_cap_cents = 50000;
	for (i = 0; i < n; i++) {
		c[i] = C(NULL, rows[i].start, rows[i].end, CS_COMPLETED, 3);
		c[i].id = (long long)i + 1;
		c[i].public_institution = 0;
		c[i].full_tuition_approved = 1;
		c[i].tuition_cents = 80000;
	}
	/* not candidates: a lab, and a planned course */
	c[n] = C(NULL, "2027-07-02", "2027-08-01", CS_COMPLETED, 1);
	c[n].id = 20, c[n].lab_for = 7, c[n].public_institution = 0;
	c[n].full_tuition_approved = 1, c[n].tuition_cents = 80000;
	c[n + 1] = C(NULL, "2027-07-03", "2027-08-01", CS_PLANNED, 3);
	c[n + 1].id = 21, c[n + 1].public_institution = 0;
	c[n + 1].full_tuition_approved = 1, c[n + 1].tuition_cents = 80000;
	h.courses = c, h.ncourses = n + 2;
	run(&h, "2027-07-10", &p);
	for (i = 0; i < n; i++) {
		assert_int_equal(p.courses[i].full_tuition, rows[i].full);
		assert_int_equal(p.courses[i].program_paid_cents,
		    rows[i].full ? 80000 : 50000);
	}
	assert_false(p.courses[n].full_tuition);
	assert_int_equal(p.courses[n].program_paid_cents, 50000);
	assert_int_equal(p.courses[n + 1].program_paid_cents, 0);
	/* one alert per course beyond the limit, dated its start */
	assert_int_equal(has(&p, AL_PRIVATE_CLASS_LIMIT)->on,
	    D("2026-08-20"));
	for (i = 0; i < p.nalerts && p.alerts[i].code !=
	    AL_PRIVATE_CLASS_LIMIT; i++)
		;
	assert_int_equal(p.alerts[i + 1].code, AL_PRIVATE_CLASS_LIMIT);
	assert_int_equal(p.alerts[i + 1].on, D("2027-01-10"));
	assert_ptr_equal(p.alerts[i + 1].course, &c[5]);
	assert_true(i + 2 == p.nalerts ||
	    p.alerts[i + 2].code != AL_PRIVATE_CLASS_LIMIT);
	/* Without the approval, or at a public school: M1 as before. */
	assert_int_equal(rule_m1_paid(&c[0], &set, 1), 80000);
	assert_int_equal(rule_m1_paid(&c[0], &set, 0), 50000);
	c[0].public_institution = 1;
	assert_int_equal(rule_m1_paid(&c[0], &set, 0), 80000);
	set.private_tuition_cap_cents = -1;
}

/* ---- grades and lists (2026-12-04) ------------------------------------- */


/*
 * IL XIII.K-N (G2): probation of the latest appointment through the
 * program: 4 months, plus the title's Extended probation months, else 8
 * for a C grade issued by then, else none; shown until its end.
 */
static void
test_G2_probation(void **state)
{
	static const struct {
		int ext;		/* the title's Extended probation */
		char grade;		/* the latest grade, or 0 */
		const char *issued, *asof;
		const char *ends, *ret;	/* NULL: no probation shown */
	} cases[] = {
		{ 14, 0, NULL, "2026-03-01", "2027-08-15", "2026-06-15" },
		{ 14, 0, NULL, "2027-08-15", "2027-08-15", "2026-06-15" },
		{ 14, 0, NULL, "2027-08-16", NULL, NULL },
		{ -1, 'C', "2025-10-01", "2026-03-01", "2027-02-15",
		    "2026-06-15" },
		{ -1, 'C', "2026-02-15", "2026-03-01", "2027-02-15",
		    "2026-06-15" },	/* issued on the appointment day */
		{ -1, 'C', "2026-02-16", "2026-03-01", "2026-06-15",
		    "2026-06-15" },	/* after it: not XIII.K's */
		{ -1, 'B', "2025-10-01", "2026-03-01", "2026-06-15",
		    "2026-06-15" },
		{ -1, 0, NULL, "2026-06-15", "2026-06-15", "2026-06-15" },
		{ -1, 0, NULL, "2026-06-16", NULL, NULL },
		{ 0, 'C', "2025-10-01", "2026-03-01", "2026-06-15",
		    "2026-06-15" },	/* the appendix says 0 */
		{ 2, 'C', "2025-10-01", "2026-03-01", "2026-08-15",
		    "2026-06-15" },
	};
	struct appointment ap[3];
	struct grade g;
	struct history h;
	struct packet p;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		emp(&h);
		titles[T_CRED_B].extended_probation = cases[i].ext;
		ap[0] = APPT("CERT-A", "2025-01-01", 1);
		ap[1] = APPT("CRED-B", "2026-02-15", 1);	/* the latest */
		ap[2] = APPT("CERT-C", "2026-02-20", 0);	/* not via */
		h.appointments = ap, h.nappointments = 3;
		if (cases[i].grade) {
			g = G("CRED-B", cases[i].grade, cases[i].issued);
			h.grades = &g, h.ngrades = 1;
		}
		run(&h, cases[i].asof, &p);
		if (cases[i].ends == NULL) {
			assert_null(p.probation.ap);
			continue;
		}
		assert_ptr_equal(p.probation.ap, &ap[1]);
		assert_int_equal(p.probation.ends_on, D(cases[i].ends));
		assert_int_equal(p.probation.return_right_ends_on,
		    D(cases[i].ret));
	}
	titles[T_CRED_B].extended_probation = -1;
	/* California: no grades, no probation. */
	runp(&h, PROFILE_CALIFORNIA, "2026-03-01", &p);
	assert_null(p.probation.ap);
}

/* G3: only eligible employees are on lists (II.B); not on the list of
 * the class they hold (XII.E). */
static void
test_G3_eligible_only(void **state)
{
	struct grade g[2];
	struct county_pref cp[2] = { { 1, "CERT-A", 1, "Cook" },
	    { 2, "CERT-B", 1, "Cook" } };
	struct list_entry *le;
	struct history h;
	size_t n;

	(void)state;
	emp(&h);
	g[0] = G("CERT-A", 'A', "2024-01-01");
	g[1] = G("CERT-B", 'A', "2024-01-01");
	h.grades = g, h.ngrades = 2;
	h.prefs = cp, h.nprefs = 2;
	rule_list_entries(&h, &cat, &set, PROFILE_ILLINOIS, D("2026-11-23"),
	    &ar, &le, &n);
	assert_int_equal(n, 2);
	h.emp.class_code = "CERT-A";	/* holds the class: off its list */
	rule_list_entries(&h, &cat, &set, PROFILE_ILLINOIS, D("2026-11-23"),
	    &ar, &le, &n);
	assert_int_equal(n, 1);
	assert_string_equal(le[0].title->code, "CERT-B");
	h.emp.class_code = "CLERK";
	h.emp.status = ST_TEMPORARY;	/* not eligible: off every list */
	rule_list_entries(&h, &cat, &set, PROFILE_ILLINOIS, D("2026-11-23"),
	    &ar, &le, &n);
	assert_int_equal(n, 0);
	h.emp.status = ST_PERMANENT;
	h.emp.separated_on = D("2026-11-23");
	rule_list_entries(&h, &cat, &set, PROFILE_ILLINOIS, D("2026-11-23"),
	    &ar, &le, &n);
	assert_int_equal(n, 0);
	rule_list_entries(&h, &cat, &set, PROFILE_ILLINOIS, D("2026-11-22"),
	    &ar, &le, &n);
	assert_int_equal(n, 2);
}

/* IL XIII.F (G3): for a title whose appendix row names a bargaining
 * unit, holders in a covered unit come first (covered_first). */
static void
test_G3_covered_first(void **state)
{
	static const char *const covered[] = { "RC-063" };
	struct grade g[2];
	struct county_pref cp[2] = { { 1, "CERT-A", 1, "Cook" },
	    { 2, "CERT-B", 1, "Cook" } };
	struct list_entry *le;
	struct history h;
	size_t n;

	(void)state;
	emp(&h);
	titles[T_CERT_A].bargaining_unit = "RC-063";
	g[0] = G("CERT-A", 'A', "2024-01-01");
	g[1] = G("CERT-B", 'A', "2024-01-01");
	h.grades = g, h.ngrades = 2;
	h.prefs = cp, h.nprefs = 2;
	rule_list_entries(&h, &cat, &set, PROFILE_ILLINOIS, D("2026-11-23"),
	    &ar, &le, &n);
	assert_int_equal(n, 2);
	assert_true(le[0].covered_first);	/* CERT-A names a unit */
	assert_false(le[1].covered_first);	/* CERT-B names none */
	/* outside a bargaining unit, in a program title: eligible, after */
	h.emp.bargaining_unit = NULL;
	h.emp.class_code = "CRED-B";
	rule_list_entries(&h, &cat, &set, PROFILE_ILLINOIS, D("2026-11-23"),
	    &ar, &le, &n);
	assert_int_equal(n, 2);
	assert_false(le[0].covered_first);
	/* a unit not in covered_bargaining_units is not eligible at all */
	h.emp.bargaining_unit = "RC-014";
	h.emp.class_code = "CLERK";
	set.covered_units = covered, set.ncovered_units = 1;
	rule_list_entries(&h, &cat, &set, PROFILE_ILLINOIS, D("2026-11-23"),
	    &ar, &le, &n);
	assert_int_equal(n, 0);
	set.covered_units = NULL, set.ncovered_units = 0;
	titles[T_CERT_A].bargaining_unit = NULL;
}

/* ---- next steps (N1-N5) ------------------------------------------------ */

/* N1: steps of the latest plan: overdue before the as-of date, due in
 * the next 30 days; the day before, of, after each edge. */
static void
test_N1_plan_steps(void **state)
{
	static const struct {
		const char *due, *done;
		int code;	/* or -1 */
	} cases[] = {
		{ "2026-11-22", NULL, AL_PLAN_STEP_OVERDUE },
		{ "2026-11-23", NULL, AL_PLAN_STEP_DUE },
		{ "2026-11-24", NULL, AL_PLAN_STEP_DUE },
		{ "2026-12-23", NULL, AL_PLAN_STEP_DUE },	/* + 30 days */
		{ "2026-12-24", NULL, -1 },			/* + 31 */
		{ "2026-11-01", "2026-11-02", -1 },		/* done */
		{ NULL, NULL, -1 },				/* no date */
	};
	struct plan pl[2];
	struct plan_step st[2];
	struct history h;
	struct packet p;
	size_t i;
	int prof;

	(void)state;
	for (prof = 0; prof < 2; prof++)
		for (i = 0; i < NELEM(cases); i++) {
			emp(&h);
			memset(st, 0, sizeof(st));
			st[0].seq = 3;
			st[0].action = "Meet the counselor";
			st[0].due_on = cases[i].due ? D(cases[i].due) :
			    DAY_NONE;
			st[0].done_on = cases[i].done ? D(cases[i].done) :
			    DAY_NONE;
			/* an older version's step is not the plan's */
			st[1].seq = 1;
			st[1].due_on = D("2026-01-01");
			st[1].done_on = DAY_NONE;
			pl[0] = PLAN(1, "2025-01-01", "2025-01-02",
			    "2025-01-03");
			pl[0].steps = &st[1], pl[0].nsteps = 1;
			pl[1] = PLAN(2, "2026-01-02", "2026-01-03",
			    "2026-01-04");
			pl[1].steps = &st[0], pl[1].nsteps = 1;
			h.plans = pl, h.nplans = 2;
			runp(&h, (enum profile)prof, "2026-11-23", &p);
			assert_int_equal(has(&p, AL_PLAN_STEP_OVERDUE) != NULL,
			    cases[i].code == AL_PLAN_STEP_OVERDUE);
			assert_int_equal(has(&p, AL_PLAN_STEP_DUE) != NULL,
			    cases[i].code == AL_PLAN_STEP_DUE);
			if (cases[i].code < 0)
				continue;
			assert_int_equal(has(&p, cases[i].code)->on,
			    D(cases[i].due));
			assert_ptr_equal(has(&p, cases[i].code)->step, &st[0]);
			assert_int_equal(has(&p, cases[i].code)->count, 3);
		}
}

/* N2: an eligible employee with no current enrollment, or a withdrawn
 * one, and no application in the latest registration period. */
static void
test_N2_register(void **state)
{
	static const struct {
		int enr;	/* -1 none, else enum enr_status */
		int app;	/* 1: h->app set */
		int eligible;
		int want;
	} cases[] = {
		{ -1, 0, 1, 1 },
		{ ENR_WITHDRAWN, 0, 1, 1 },
		{ ENR_ACTIVE, 0, 1, 0 },
		{ ENR_SUSPENDED, 0, 1, 0 },
		{ -1, 1, 1, 0 },	/* an applicant: where it stands */
		{ ENR_WITHDRAWN, 1, 1, 0 },
		{ -1, 0, 0, 0 },	/* not eligible */
	};
	struct app_status as = { 24291, APP_WAITING, 3, 1, ER_NONE };
	struct enrollment e;
	struct history h;
	struct packet p;
	size_t i;
	int prof;

	(void)state;
	for (prof = 0; prof < 2; prof++)
		for (i = 0; i < NELEM(cases); i++) {
			emp(&h);
			if (cases[i].enr >= 0) {
				e = ENR("2024-01-01", cases[i].enr,
				    cases[i].enr == ENR_ACTIVE ? NULL :
				    "2025-01-01");
				h.enrollments = &e, h.nenrollments = 1;
			}
			h.app = cases[i].app ? &as : NULL;
			if (!cases[i].eligible)
				h.emp.separated_on = D("2026-01-01");
			runp(&h, (enum profile)prof, "2026-11-23", &p);
			assert_int_equal(has(&p, AL_REGISTER) != NULL,
			    cases[i].want);
			assert_false(p.app_open);	/* 2024-04 ended */
			if (cases[i].want)	/* no months named: undated */
				assert_int_equal(has(&p, AL_REGISTER)->on,
				    DAY_NONE);
		}
}

/* rules.md N2, coordinator's decision 1.3: an application's decision is
 * provisional while its registration month has not ended. */
static void
test_N2_application_open(void **state)
{
	struct app_status as = { 0, APP_SELECTED, 1, 0, ER_NONE };
	struct history h;
	struct packet p;

	(void)state;
	assert_true(period_parse("2026-11", 7, &as.period));
	emp(&h);
	h.app = &as;
	run(&h, "2026-11-30", &p);
	assert_true(p.app_open);
	run(&h, "2026-12-01", &p);
	assert_false(p.app_open);
}

/* N2: with registration_months, the last day of the first registration
 * month that ends on or after the as-of date. */
static void
test_N2_registration_months(void **state)
{
	static const struct {
		const char *asof, *want;
	} cases[] = {
		{ "2027-02-28", "2027-03-31" },
		{ "2027-03-01", "2027-03-31" },
		{ "2027-03-31", "2027-03-31" },
		{ "2027-04-01", "2027-09-30" },
		{ "2027-09-30", "2027-09-30" },
		{ "2027-10-01", "2028-03-31" },
		{ "2027-12-31", "2028-03-31" },
	};
	struct application later;
	struct enrollment w;
	struct history h;
	struct packet p;
	size_t i;

	(void)state;
	set.registration_months = 1u << 2 | 1u << 8;	/* [3, 9] */
	for (i = 0; i < NELEM(cases); i++) {
		emp(&h);
		h.app = NULL;
		run(&h, cases[i].asof, &p);
		assert_int_equal(has(&p, AL_REGISTER)->on, D(cases[i].want));
		assert_int_equal(period_last_day(p.register_period),
		    D(cases[i].want));
	}
	/* Withdrawn by the program (Illinois): the first registration
	 * month that begins after the withdrawal's year (IX.B, IX.D). */
	w = ENR("2025-01-01", ENR_WITHDRAWN, "2027-02-27");
	emp(&h);
	h.app = NULL;
	h.enrollments = &w, h.nenrollments = 1;
	run(&h, "2027-04-01", &p);	/* a year on: 2028-02-27 */
	assert_int_equal(has(&p, AL_REGISTER)->on, D("2028-03-31"));
	w.status_on = D("2027-03-01");	/* 2028-03-01: not March */
	run(&h, "2027-04-01", &p);
	assert_int_equal(has(&p, AL_REGISTER)->on, D("2028-09-30"));
	w.status_on = D("2020-03-01");	/* long over: the next */
	run(&h, "2027-04-01", &p);
	assert_int_equal(has(&p, AL_REGISTER)->on, D("2027-09-30"));
	/* California: the employee's own withdrawal, no year */
	w.status_on = D("2027-03-01");
	runp(&h, PROFILE_CALIFORNIA, "2027-04-01", &p);
	assert_int_equal(has(&p, AL_REGISTER)->on, D("2027-09-30"));
	/* An application for a period not begun yet: applied already. */
	memset(&later, 0, sizeof(later));
	assert_true(period_parse("2027-09", 7, &later.period));
	h.applications = &later, h.napplications = 1;
	run(&h, "2027-08-31", &p);
	assert_null(has(&p, AL_REGISTER));
	assert_ptr_equal(p.next_app, &later);
	run(&h, "2027-09-01", &p);	/* its month has begun */
	assert_non_null(has(&p, AL_REGISTER));
	assert_null(p.next_app);
	set.registration_months = 0;
}

/* N3: a separated employee whose M3 amount is above 0. */
static void
test_N3_repayment_owed(void **state)
{
	static const struct {
		const char *sep, *asof;
		int want;
	} cases[] = {
		{ "2026-02-20", "2026-02-19", 0 },	/* not yet left */
		{ "2026-02-20", "2026-02-20", 1 },
		{ "2026-02-20", "2026-03-01", 1 },
		{ "2027-12-15", "2028-01-01", 0 },	/* served: 0 owed */
		{ NULL, "2026-11-23", 0 },
	};
	struct course c;
	struct history h;
	struct packet p;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		emp(&h);
		c = C("CRED-M", "2025-09-01", "2025-12-15", CS_COMPLETED, 3);
		c.tuition_cents = 240000;
		h.courses = &c, h.ncourses = 1;
		if (cases[i].sep)
			h.emp.separated_on = D(cases[i].sep);
		run(&h, cases[i].asof, &p);
		assert_int_equal(has(&p, AL_REPAYMENT_OWED) != NULL,
		    cases[i].want);
		assert_int_equal(p.separated, cases[i].sep != NULL &&
		    D(cases[i].sep) <= D(cases[i].asof));
		if (cases[i].want)
			assert_int_equal(p.repayment_cents, 220000);
	}
}

/* N4: a suspended current enrollment, dated its status_on. */
static void
test_N4_suspended(void **state)
{
	struct enrollment e[2];
	struct history h;
	struct packet p;
	int prof;

	(void)state;
	for (prof = 0; prof < 2; prof++) {
		emp(&h);
		e[0] = ENR("2024-01-01", ENR_ACTIVE, NULL);
		e[1] = ENR("2025-01-01", ENR_SUSPENDED, "2026-10-01");
		e[1].reason = "grades not received";
		h.enrollments = e, h.nenrollments = 2;
		runp(&h, (enum profile)prof, "2026-11-23", &p);
		assert_int_equal(has(&p, AL_ENROLLMENT_SUSPENDED)->on,
		    D("2026-10-01"));
		h.nenrollments = 1;
		runp(&h, (enum profile)prof, "2026-11-23", &p);
		assert_null(has(&p, AL_ENROLLMENT_SUSPENDED));
	}
}

/* IL X.G (N5): time off is requested one month before the first class. */
static void
test_N5_request_time_off(void **state)
{
	static const struct {
		const char *start;
		enum course_status st;
		double hours;
		int days;
		const char *want;	/* NULL: no alert */
	} cases[] = {
		{ "2027-01-10", CS_PLANNED, 3, -1, "2026-12-10" },
		{ "2027-01-10", CS_ENROLLED, 0, 2, "2026-12-10" },
		{ "2027-03-31", CS_PLANNED, 3, -1, "2027-02-28" },
		{ "2026-11-24", CS_PLANNED, 3, -1, "2026-10-24" }, /* past */
		{ "2026-11-23", CS_ENROLLED, 3, -1, NULL },	/* started */
		{ "2027-01-10", CS_PLANNED, 0, -1, NULL },	/* no hours */
		{ "2027-01-10", CS_PLANNED, 0, 0, NULL },
		{ "2027-01-10", CS_DROPPED, 3, -1, NULL },
	};
	struct course c;
	struct history h;
	struct packet p;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		emp(&h);
		c = C("CERT-A", cases[i].start, "2027-05-01", cases[i].st, 3);
		c.meeting_hours_per_week = cases[i].hours;
		c.full_day_days = cases[i].days;
		c.id = 42;
		h.courses = &c, h.ncourses = 1;
		run(&h, "2026-11-23", &p);
		assert_int_equal(has(&p, AL_REQUEST_TIME_OFF) != NULL,
		    cases[i].want != NULL);
		if (cases[i].want == NULL)
			continue;
		assert_int_equal(has(&p, AL_REQUEST_TIME_OFF)->on,
		    D(cases[i].want));
		assert_ptr_equal(has(&p, AL_REQUEST_TIME_OFF)->course, &c);
		runp(&h, PROFILE_CALIFORNIA, "2026-11-23", &p);
		assert_null(has(&p, AL_REQUEST_TIME_OFF));	/* IL only */
	}
}

/* ---- the profiles ------------------------------------------------------ */

/* The alerts each profile may raise (rules.md's opening). */
static int
california_code(enum alert_code c)
{
	switch (c) {
	case AL_PLAN_MISSING:		/* P1 */
	case AL_PLAN_NOT_APPROVED:
	case AL_PLAN_NOT_REVIEWED:
	case AL_ASSIGNMENT_TOO_LONG:	/* P2 */
	case AL_PLAN_STEP_OVERDUE:	/* N1 */
	case AL_PLAN_STEP_DUE:
	case AL_REGISTER:		/* N2 */
	case AL_ENROLLMENT_SUSPENDED:	/* N4 */
		return 1;
	default:
		return 0;
	}
}

static int
illinois_code(enum alert_code c)
{
	return c != AL_PLAN_NOT_APPROVED && c != AL_PLAN_NOT_REVIEWED &&
	    c != AL_ASSIGNMENT_TOO_LONG;
}

/* Histories that raise every alert the profile has, or near; no alert
 * of the other profile's rules appears. */
static void
test_profiles_scope(void **state)
{
	struct target t[4];
	struct grade g[2];
	struct course c[10];
	struct enrollment e;
	struct assignment as;
	struct plan pl = PLAN(1, "2026-01-01", NULL, NULL);
	struct plan_step st = { 1, 1, "Meet", 0, DAY_NONE };
	struct history h;
	struct packet p;
	size_t i;
	int prof;

	(void)state;
	for (prof = 0; prof < 2; prof++) {
		busy(&h, t, g, c, &e, 0);
		memset(&as, 0, sizeof(as));
		as.kind = AK_TRAINING_DEVELOPMENT;
		as.starts_on = D("2020-01-01");
		as.ends_on = DAY_NONE;
		h.assignments = &as, h.nassignments = 1;
		st.due_on = D("2026-11-01");
		pl.steps = &st, pl.nsteps = 1;
		h.plans = &pl, h.nplans = 1;
		runp(&h, (enum profile)prof, "2026-11-23", &p);
		for (i = 0; i < p.nalerts; i++)
			assert_true(prof == PROFILE_CALIFORNIA ?
			    california_code(p.alerts[i].code) :
			    illinois_code(p.alerts[i].code));
		if (prof == PROFILE_CALIFORNIA) {
			assert_non_null(has(&p, AL_ASSIGNMENT_TOO_LONG));
			assert_non_null(has(&p, AL_PLAN_NOT_APPROVED));
			assert_non_null(has(&p, AL_PLAN_STEP_OVERDUE));
			/* no exams, classes, time off, tuition or grades */
			assert_int_equal(p.ntargets, 0);
			assert_int_equal(p.ncourses, 0);
			assert_null(p.probation.ap);
		} else {
			assert_non_null(has(&p, AL_PLAN_STEP_OVERDUE));
			assert_null(has(&p, AL_PLAN_NOT_APPROVED));
		}
	}
}

/* ---- annual figures (2026-12-04) --------------------------------------- */

/* appointments_eltpa, appointments_bridging: FY's program appointments
 * by the Category of the title appointed to. */
static void
test_FY_appointments_by_category(void **state)
{
	struct appointment ap[5];
	long byt[NELEM(titles)];
	struct fy_figures f;
	struct history h;

	(void)state;
	titles[T_CERT_B].category = CAT_ELTPA;
	titles[T_CERT_C].category = CAT_BRIDGING;
	emp(&h);
	ap[0] = APPT("CERT-B", "2026-07-01", 1);	/* ELTPA, FY */
	ap[1] = APPT("CERT-C", "2027-06-30", 1);	/* bridging, FY */
	ap[2] = APPT("CERT-B", "2026-06-30", 1);	/* the FY before */
	ap[3] = APPT("CERT-B", "2026-08-01", 0);	/* not via */
	ap[4] = APPT("CERT-A", "2026-09-01", 1);	/* no category */
	h.appointments = ap, h.nappointments = 5;
	fy_init(&f, 2026, byt);
	rule_fy_add(&h, &cat, &set, PROFILE_CALIFORNIA, D("2027-08-01"), &f);
	assert_int_equal(f.appointments[0], 3);
	assert_int_equal(f.appointments[1], 1);
	assert_int_equal(f.appointments_eltpa, 1);
	assert_int_equal(f.appointments_bridging, 1);
	titles[T_CERT_B].category = CAT_NONE;
	titles[T_CERT_C].category = CAT_NONE;
}

/* withdrawal_candidates: C5 or C6 on the last day of FY, or on the
 * as-of date inside FY; on a day before the as-of date only what had
 * happened by then. */
static void
test_FY_withdrawal_candidates(void **state)
{
	static const struct {
		int fy;
		const char *asof;
		size_t n;
		long want;
	} cases[] = {
		{ 2026, "2026-11-23", 2, 0 },	/* 2 drops so far */
		{ 2026, "2027-03-01", 3, 1 },	/* the third on 2027-02-01 */
		{ 2025, "2027-03-01", 3, 0 },	/* by 2026-06-30: 1 drop */
		{ 2026, "2027-08-01", 3, 1 },	/* by 2027-06-30: 3 */
	};
	struct enrollment e = ENR("2025-01-01", ENR_ACTIVE, NULL);
	struct course c[3];
	long byt[NELEM(titles)];
	struct fy_figures f;
	struct history h;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		emp(&h);
		h.enrollments = &e, h.nenrollments = 1;
		c[0] = C(NULL, "2026-01-10", "2026-05-01", CS_DROPPED, 3);
		c[1] = C(NULL, "2026-08-10", "2026-12-01", CS_DROPPED, 3);
		c[2] = C(NULL, "2027-01-10", "2027-05-01", CS_FAILED, 3);
		c[0].status_on = D("2026-02-01");
		c[1].status_on = D("2026-09-01");
		c[2].status_on = D("2027-02-01");
		h.courses = c, h.ncourses = cases[i].n;
		fy_init(&f, cases[i].fy, byt);
		rule_fy_add(&h, &cat, &set, PROFILE_ILLINOIS,
		    D(cases[i].asof), &f);
		assert_int_equal(f.withdrawal_candidates, cases[i].want);
	}
	/* C6 on the FY's last day: enrolled 2020, nothing since. */
	emp(&h);
	e = ENR("2020-01-01", ENR_ACTIVE, NULL);
	h.enrollments = &e, h.nenrollments = 1;
	fy_init(&f, 2024, byt);
	rule_fy_add(&h, &cat, &set, PROFILE_ILLINOIS, D("2026-11-23"), &f);
	assert_int_equal(f.withdrawal_candidates, 1);
	/* then withdrawn (on 2025-07-01): active on 2025-06-30 still */
	e = ENR("2020-01-01", ENR_WITHDRAWN, "2025-07-01");
	fy_init(&f, 2024, byt);
	rule_fy_add(&h, &cat, &set, PROFILE_ILLINOIS, D("2026-11-23"), &f);
	assert_int_equal(f.withdrawal_candidates, 1);
	e = ENR("2020-01-01", ENR_WITHDRAWN, "2025-06-30");
	fy_init(&f, 2024, byt);
	rule_fy_add(&h, &cat, &set, PROFILE_ILLINOIS, D("2026-11-23"), &f);
	assert_int_equal(f.withdrawal_candidates, 0);
	/* California: not a figure of its rules. */
	e = ENR("2020-01-01", ENR_ACTIVE, NULL);
	fy_init(&f, 2024, byt);
	rule_fy_add(&h, &cat, &set, PROFILE_CALIFORNIA, D("2026-11-23"), &f);
	assert_int_equal(f.withdrawal_candidates, 0);
}

/* spent_cents: M1 with M5 in both profiles; extreme amounts saturate
 * (issue #20: no overflow). */
static void
test_FY_spent_m5_and_extremes(void **state)
{
	struct course c[3];
	long byt[NELEM(titles)];
	struct fy_figures f;
	struct history h;
	int prof;

	(void)state;
	set.private_tuition_cap_cents = 50000;
	for (prof = 0; prof < 2; prof++) {
		emp(&h);
		c[0] = C(NULL, "2026-08-01", "2026-12-01", CS_COMPLETED, 3);
		c[1] = C(NULL, "2026-09-01", "2026-12-01", CS_COMPLETED, 3);
		c[0].public_institution = c[1].public_institution = 0;
		c[0].full_tuition_approved = c[1].full_tuition_approved = 1;
		c[0].tuition_cents = c[1].tuition_cents = 80000;
		h.courses = c, h.ncourses = 2;
		fy_init(&f, 2026, byt);
		rule_fy_add(&h, &cat, &set, (enum profile)prof,
		    D("2026-11-23"), &f);
		/* the second overlaps the first: capped */
		assert_int_equal(f.course_spent_cents, 130000);
	}
	set.private_tuition_cap_cents = -1;
	emp(&h);
	c[0] = C(NULL, "2026-08-01", "2026-12-01", CS_COMPLETED, 3);
	c[1] = C(NULL, "2026-09-01", "2026-12-01", CS_COMPLETED, 3);
	c[2] = C(NULL, "2026-10-01", "2026-12-01", CS_COMPLETED, 3);
	c[0].tuition_cents = c[0].fees_cents = INT64_MAX;
	c[1].tuition_cents = INT64_MAX - 1;
	c[2].fees_cents = INT64_MAX;
	c[2].outside_aid_cents = 1;
	h.courses = c, h.ncourses = 3;
	fy_init(&f, 2026, byt);
	rule_fy_add(&h, &cat, &set, PROFILE_ILLINOIS, D("2026-11-23"), &f);
	assert_true(f.course_spent_cents == INT64_MAX);
	rule_fy_add(&h, &cat, &set, PROFILE_ILLINOIS, D("2026-11-23"), &f);
	assert_true(f.course_spent_cents == INT64_MAX);
	assert_int_equal(rule_m1_paid(&c[2], &set, 0), INT64_MAX - 1);
}

/* ---- the words (view.c, issue #16) -------------------------------------- */

static struct config conf;

/* The project's settings for the words: the coordinator's name. */
static void
conf_init(void)
{
	memset(&conf, 0, sizeof(conf));
	conf.title = "Upward Mobility Program";
	conf.contact.name = "Dana Whitfield";
	conf.prog = set;
}

/*
 * The packet as text, in buf b, its lines joined: each run of line
 * breaks and the indent after it made one space, so a sentence reads whole
 * wherever the text wrapped it.
 */
static const char *
text_of(const struct history *h, enum profile prof, const char *asof,
    struct buf *b)
{
	struct packet p;
	struct paths *pt = paths_new(&cat);
	size_t i, j;

	conf_init();
	conf.profile = prof;
	runp(h, prof, asof, &p);
	buf_reset(b);
	view_text(&p, &cat, pt, &conf, b);
	paths_free(pt);
	for (i = j = 0; i < b->len; i++) {
		if (b->data[i] == '\n') {
			while (i + 1 < b->len && (b->data[i + 1] == ' ' ||
			    b->data[i + 1] == '\n'))
				i++;
			b->data[j++] = ' ';
			continue;
		}
		b->data[j++] = b->data[i];
	}
	b->data[j] = '\0';
	b->len = j;
	return b->data;
}

/* Every alert in words: not its code, whom to ask, the guideline (all
 * but an Illinois suspension, which the Illinois guidelines do not
 * describe). */
static void
test_words_every_alert(void **state)
{
	struct course c = C("CERT-A", "2027-01-10", "2027-05-01", CS_PLANNED,
	    3), o = C("CERT-B", "2027-01-10", "2027-05-01", CS_PLANNED, 3);
	struct plan_step st = { 1, 2, "Meet the counselor", 0, DAY_NONE };
	struct enrollment e = ENR("2025-01-01", ENR_SUSPENDED, "2026-10-01");
	struct alert al;
	struct history h;
	struct packet p;
	struct buf b = {0};
	int code, prof;

	(void)state;
	c.name = "Algebra", o.name = "Writing";
	for (prof = 0; prof < 2; prof++)
		for (code = 0; code < AL__MAX; code++) {
			emp(&h);
			h.enrollments = &e, h.nenrollments = 1;
			runp(&h, (enum profile)prof, "2026-11-23", &p);
			conf_init();
			conf.profile = (enum profile)prof;
			memset(&al, 0, sizeof(al));
			al.code = (enum alert_code)code;
			al.on = D("2026-12-10");
			al.class_code = "CERT-A";
			al.count = 3;
			al.course = &c, al.other = &o, al.step = &st;
			buf_reset(&b);
			view_alert_text(&al, &p, &cat, &conf, &b);
			assert_null(strstr(b.data, alert_code_name(al.code)));
			assert_non_null(strstr(b.data, " Ask your counselor, "
			    "Pat."));
			if (code == AL_ENROLLMENT_SUSPENDED &&
			    prof == PROFILE_ILLINOIS)
				assert_null(strstr(b.data, "Source:"));
			else
				assert_non_null(strstr(b.data, prof ==
				    PROFILE_CALIFORNIA && (code ==
				    AL_PLAN_MISSING || code == AL_REGISTER) ?
				    "Source: California guidelines" :
				    "Source: "));
		}
	buf_free(&b);
}

/* X1 in words: every section passed and no grade on record asks for the
 * grade (IL VII.C, XII.A), not to "pass every section"; a section left
 * is named. */
static void
test_X1_words_all_passed(void **state)
{
	struct target t = T("CERT-A", "2024-01-01", ROUTE_NONE);
	struct exam_attempt x[2];
	struct history h;
	struct buf b = {0};
	const char *s;

	(void)state;
	emp(&h);
	x[0] = X("CERT-A", "Reading", "2024-02-29", 1);
	x[1] = X("CERT-A", "Math", "2024-06-01", 1);
	h.targets = &t, h.ntargets = 1;
	h.attempts = x, h.nattempts = 2;
	s = text_of(&h, PROFILE_ILLINOIS, "2027-01-15", &b);
	assert_non_null(strstr(s, "ends on 28 February 2027. You have passed "
	    "every section, but no grade is on record: before then, ask for "
	    "it from "));
	assert_null(strstr(s, "Pass every section"));
	assert_null(strstr(s, "scores are erased"));
	x[1].proficient = 0;
	s = text_of(&h, PROFILE_ILLINOIS, "2027-01-15", &b);
	assert_non_null(strstr(s, "ends on 28 February 2027. Pass Math by "
	    "then; otherwise your scores are erased"));
	buf_free(&b);
}

/* M2 in words (coordinator's decision 1.4: an enrolled class binds from
 * its end): a class still running "ends", one over "ended". */
static void
test_M2_words_class_running(void **state)
{
	struct course c = C("CRED-M", "2026-09-01", "2026-12-15",
	    CS_ENROLLED, 3);
	struct history h;
	struct buf b = {0};
	const char *s;

	(void)state;
	emp(&h);
	c.tuition_cents = 240000;
	h.courses = &c, h.ncourses = 1;
	s = text_of(&h, PROFILE_ILLINOIS, "2026-11-23", &b);
	assert_non_null(strstr(s, "your latest such class, which ends on 15 "
	    "December 2026: until 15 December 2028"));
	s = text_of(&h, PROFILE_ILLINOIS, "2026-12-20", &b);
	assert_non_null(strstr(s, "which ended on 15 December 2026"));
	buf_free(&b);
}

/* G1 in words: a grade "expires on" its day, as the alerts say, through
 * that day, and "expired on" it after; never "valid until" the day it
 * expired. */
static void
test_G1_words_grade_expiry(void **state)
{
	struct target t = T("CERT-A", "2020-01-01", ROUTE_NONE);
	struct exam_attempt x = X("CERT-A", "Math", "2020-01-10", 1);
	struct grade g = G("CERT-A", 'A', "2020-02-01");
	struct history h;
	struct packet p;
	struct buf b = {0};
	char end[32], want[128];
	const char *s;

	(void)state;
	emp(&h);
	h.targets = &t, h.ntargets = 1;
	h.attempts = &x, h.nattempts = 1;
	h.grades = &g, h.ngrades = 1;
	run(&h, "2021-01-01", &p);
	date_human(p.targets[0].grade_expires_on, end);
	s = text_of(&h, PROFILE_ILLINOIS, "2021-01-01", &b);
	snprintf(want, sizeof(want), "A, issued 1 February 2020, expires on "
	    "%s", end);
	assert_non_null(strstr(s, want));
	assert_null(strstr(s, "valid until"));
	/* valid through its last day, as G1's alerts count it */
	date_format(p.targets[0].grade_expires_on, want);
	s = text_of(&h, PROFILE_ILLINOIS, want, &b);
	assert_non_null(strstr(s, "expires on"));
	assert_null(strstr(s, "expired on"));
	date_format(p.targets[0].grade_expires_on + 1, want);
	s = text_of(&h, PROFILE_ILLINOIS, want, &b);
	snprintf(want, sizeof(want), "A, issued 1 February 2020, expired on "
	    "%s", end);
	assert_non_null(strstr(s, want));
	assert_null(strstr(s, "valid until"));
	buf_free(&b);
}

/* N3: a separated employee reads what may be owed and M4's interest
 * words, never what leaving "would" cost; a current one reads "would". */
static void
test_words_N3_never_would(void **state)
{
	struct course c = C("CRED-M", "2025-09-01", "2025-12-15",
	    CS_COMPLETED, 3);
	struct history h;
	struct buf b = {0};
	const char *t;

	(void)state;
	emp(&h);
	c.tuition_cents = 240000;
	h.courses = &c, h.ncourses = 1;
	t = text_of(&h, PROFILE_ILLINOIS, "2026-11-23", &b);
	assert_non_null(strstr(t, "would repay about $1,300.00"));
	h.emp.separated_on = D("2026-02-20");
	t = text_of(&h, PROFILE_ILLINOIS, "2026-03-01", &b);
	assert_null(strstr(t, "would"));
	assert_non_null(strstr(t, "you may owe the State $2,200.00"));
	assert_non_null(strstr(t, "interest of 7% a year"));
	assert_non_null(strstr(t, "Advisory Committee decides"));
	assert_non_null(strstr(t, "collection agency"));
	/* separated after the commitment: nothing owed, said so */
	h.emp.separated_on = D("2028-01-10");
	t = text_of(&h, PROFILE_ILLINOIS, "2028-02-01", &b);
	assert_null(strstr(t, "would"));
	assert_non_null(strstr(t, "nothing is owed"));
	buf_free(&b);
}

/*
 * The odd cases read right (issue 16 item 3): a separated employee is
 * not told to wait out a withdrawal or offered exams and classes; E4
 * says what the withdrawal means and which classes may be finished (IL
 * II.B); the sections still to pass read "A, B and C" in the text and
 * the JSON alike; a restarted window says when the earlier one ended
 * and why it restarted (IL VII.G).
 */
static void
test_words_odd_cases(void **state)
{
	struct enrollment e = ENR("2025-01-01", ENR_WITHDRAWN, "2026-02-20");
	struct course c = C("CERT-A", "2026-09-01", "2027-01-10", CS_ENROLLED,
	    3);
	struct appointment ap = APPT("CLERK", "2025-06-01", 0);
	struct target t = T("CERT-A", "2019-01-01", ROUTE_NONE);
	struct exam_attempt x[5];
	struct paths *pt = paths_new(&cat);
	struct history h;
	struct packet p;
	struct buf b = {0};
	const char *s;

	(void)state;
	/* separated, the enrollment withdrawn on leaving */
	emp(&h);
	h.app = NULL;
	h.emp.separated_on = D("2026-02-20");
	e.reason = "Left state service";
	h.enrollments = &e, h.nenrollments = 1;
	s = text_of(&h, PROFILE_ILLINOIS, "2026-11-23", &b);
	assert_non_null(strstr(s, "You were enrolled in the program from 1 "
	    "January 2025; leaving state service on 20 February 2026 ended "
	    "your participation."));
	assert_null(strstr(s, "register again"));
	assert_null(strstr(s, "withdrawal lasts"));
	assert_null(strstr(s, "Exams on work time"));
	assert_null(strstr(s, "classes; "));
	assert_null(strstr(s, "would"));
	/* E4: promoted out of the program's classes (no unit, CLERK) */
	emp(&h);
	h.app = NULL;
	h.emp.bargaining_unit = NULL;
	e = ENR("2025-01-01", ENR_ACTIVE, NULL);
	h.enrollments = &e, h.nenrollments = 1;
	h.appointments = &ap, h.nappointments = 1;
	c.name = "Algebra";
	h.courses = &c, h.ncourses = 1;
	s = text_of(&h, PROFILE_ILLINOIS, "2026-11-23", &b);
	assert_non_null(strstr(s, "you are withdrawn from the program and "
	    "your name is taken off its eligibility lists. You may finish "
	    "the class you are already enrolled in: \"Algebra\", which "
	    "ends on 10 January 2027. Tell your counselor whether you will. "
	    "The program pays for no new class or exam."));
	assert_non_null(strstr(s, "You were enrolled in the program from 1 "
	    "January 2025 until your promotion to "));
	assert_null(strstr(s, "You have been enrolled"));
	assert_null(strstr(s, "Exams on work time"));
	/* three sections still to pass, in words, text and JSON alike */
	emp(&h);
	h.targets = &t, h.ntargets = 1;
	x[0] = X("CERT-A", "Math", "2026-03-05", 0);
	x[1] = X("CERT-A", "Reading", "2026-03-05", 0);
	x[2] = X("CERT-A", "Writing", "2026-03-05", 0);
	h.attempts = x, h.nattempts = 3;
	s = text_of(&h, PROFILE_ILLINOIS, "2026-11-23", &b);
	assert_non_null(strstr(s, "Exam sections still to pass: Math, "
	    "Reading and Writing "));
	run(&h, "2026-11-23", &p);
	buf_reset(&b);
	tv_json(&b, view_packet(&p, &cat, pt, &conf, &ar, 0), 1);
	assert_non_null(strstr(b.data, "\"sections_text\": \"Math, "
	    "Reading and Writing\""));
	assert_non_null(strstr(b.data, "\"situation\": ["));
	/* X1: a restarted window, why, and its new end */
	x[0] = X("CERT-A", "Math", "2020-03-01", 0);	/* ends 2023-03-01 */
	x[1] = X("CERT-A", "Writing", "2023-03-02", 0);
	h.nattempts = 2;
	s = text_of(&h, PROFILE_ILLINOIS, "2023-06-01", &b);
	assert_non_null(strstr(s, "Exam window ends: 2 March 2026 (3 years "
	    "from your attempt on 2 March 2023, Illinois guidelines VII.G). "
	    "This is a new window: your earlier one ended on 1 March 2023 "
	    "without a grade, so its scores were erased, and your attempt "
	    "on 2 March 2023 started the 3 years again."));
	/* X2: a retest date that has come reads "now", not a past date */
	assert_non_null(strstr(s, "Next retest allowed: now, since 2 April "
	    "2023, one month after your first exam"));
	s = text_of(&h, PROFILE_ILLINOIS, "2023-03-10", &b);
	assert_non_null(strstr(s, "Next retest allowed: from 2 April 2023, "
	    "one month after your first exam"));
	/* turned down as not eligible, eligible now: apply again (N2
	 * names no alert while an application is on file) */
	{
		struct app_status as = { 0, APP_NOT_ELIGIBLE, 3, 0,
		    ER_ORIGINAL_PROBATION };

		emp(&h);
		assert_true(period_parse("2026-09", 7, &as.period));
		h.app = &as;
		set.registration_months = 1u << 2 | 1u << 8;	/* [3, 9] */
		s = text_of(&h, PROFILE_ILLINOIS, "2026-11-23", &b);
		set.registration_months = 0;
		assert_non_null(strstr(s, "WHAT TO DO NEXT You were not "
		    "eligible when you applied, but you are now: apply "
		    "again"));
		assert_non_null(strstr(s, "You are eligible now: apply again "
		    "in the next registration month, March 2027: your form "
		    "must be postmarked by 31 March 2027."));
	}
	buf_free(&b);
	paths_free(pt);
}

/* Not eligible: why, for each reason, and what would change it. */
static void
test_words_not_eligible(void **state)
{
	static const struct {
		const char *bu, *cls, *sep;
		enum emp_status st;
		enum probation prob;
		enum profile prof;
		const char *why;
	} cases[] = {
		{ "RC-063", "CLERK", "2026-01-01", ST_PERMANENT, PROB_NONE,
		    PROFILE_ILLINOIS, "left state service on 1 January 2026" },
		{ "RC-063", "CLERK", NULL, ST_TEMPORARY, PROB_NONE,
		    PROFILE_ILLINOIS, "your appointment is temporary" },
		{ "RC-063", "CLERK", NULL, ST_PROBATIONARY, PROB_ORIGINAL,
		    PROFILE_ILLINOIS, "when you complete your probation" },
		{ NULL, "CLERK", NULL, ST_PERMANENT, PROB_NONE,
		    PROFILE_ILLINOIS, "not in a bargaining unit" },
		{ NULL, "CERT-A", NULL, ST_PERMANENT, PROB_NONE,
		    PROFILE_CALIFORNIA, "not a low-paying entry-level" },
	};
	struct history h;
	struct buf b = {0};
	const char *t;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		emp(&h);
		h.app = NULL;
		h.emp.bargaining_unit = cases[i].bu;
		h.emp.class_code = cases[i].cls;
		h.emp.status = cases[i].st;
		h.emp.probation = cases[i].prob;
		if (cases[i].sep)
			h.emp.separated_on = D(cases[i].sep);
		t = text_of(&h, cases[i].prof, "2026-11-23", &b);
		assert_non_null(strstr(t, "You are not eligible for the "
		    "program"));
		assert_non_null(strstr(t, cases[i].why));
		assert_non_null(strstr(t, "If you think this is wrong, ask "
		    "the program coordinator, Dana Whitfield."));
		/* no alert: nothing to do, and why is below */
		assert_null(strstr(t, "Nothing needs your action"));
	}
	buf_free(&b);
}

/* Where an application stands (h->app). */
static void
test_words_application(void **state)
{
	static const struct {
		enum app_result r;
		enum profile prof;
		const char *words;
	} cases[] = {
		{ APP_SELECTED, PROFILE_ILLINOIS, "You were selected." },
		{ APP_WAITING, PROFILE_ILLINOIS, "number 2 on the waiting list" },
		{ APP_WAITING, PROFILE_ILLINOIS, "(VII.K, VII.G)" },
		{ APP_WAITING, PROFILE_ILLINOIS, "apply again in the next" },
		{ APP_NOT_ELIGIBLE, PROFILE_ILLINOIS, "not eligible on the "
		    "period's last day: your appointment is limited-term or "
		    "temporary" },
		{ APP_NOT_APPROVED, PROFILE_CALIFORNIA, "no supervisor's "
		    "approval" },
		{ APP_NOT_SELECTED, PROFILE_CALIFORNIA, "You applied in "
		    "September 2026. The coordinator did not select you this "
		    "time." },
		{ APP_PENDING, PROFILE_CALIFORNIA, "waiting for the "
		    "coordinator's decision" },
	};
	struct app_status as = { 0, APP_SELECTED, 5, 2, ER_STATUS };
	struct history h;
	struct buf b = {0};
	const char *t;
	size_t i;

	(void)state;
	assert_true(period_parse("2026-09", 7, &as.period));
	for (i = 0; i < NELEM(cases); i++) {
		emp(&h);
		as.result = cases[i].r;
		h.app = &as;
		t = text_of(&h, cases[i].prof, "2026-11-23", &b);
		/* "registration period" is Illinois' word (IL III) */
		if (cases[i].prof == PROFILE_ILLINOIS)
			assert_non_null(strstr(t, "You applied in the "
			    "registration period of September 2026."));
		else {
			assert_non_null(strstr(t, "You applied in September "
			    "2026."));
			assert_null(strstr(t, "registration period"));
		}
		assert_non_null(strstr(t, cases[i].words));
		assert_null(strstr(t, "may still change"));
	}
	/* while the month runs, the decision is provisional */
	t = text_of(&h, PROFILE_CALIFORNIA, "2026-09-15", &b);
	assert_non_null(strstr(t, "may still change until 30 September "
	    "2026"));
	buf_free(&b);
}

/* "What to do next" with no alert fits the employee, and never says
 * nothing is due while a rule applies (N2: an eligible employee who is
 * not enrolled is asked to register). */
static void
test_words_no_alerts(void **state)
{
	struct enrollment e = ENR("2025-01-01", ENR_ACTIVE, NULL);
	struct plan pl = PLAN(1, "2025-01-05", "2025-01-06", "2025-01-07");
	struct history h;
	struct buf b = {0};
	const char *t;

	(void)state;
	emp(&h);
	h.enrollments = &e, h.nenrollments = 1;
	h.plans = &pl, h.nplans = 1;
	t = text_of(&h, PROFILE_ILLINOIS, "2026-11-23", &b);
	/* what the plan asks, not "keep following your plan" */
	assert_non_null(strstr(t, "WHAT TO DO NEXT Your Career Development "
	    "Plan lists no steps yet: agree on them with your counselor, "
	    "Pat."));
	assert_null(strstr(t, "keep following"));
	h.nenrollments = 0;
	h.app = NULL;
	t = text_of(&h, PROFILE_ILLINOIS, "2026-11-23", &b);
	assert_null(strstr(t, "Nothing needs"));
	assert_non_null(strstr(t, "to join the program, register during a "
	    "registration month."));
	assert_non_null(strstr(t, "To join the program, mail the "
	    "registration form to the Upward Mobility Program office"));
	assert_non_null(strstr(t, "www.cms.illinois.gov/ump"));
	t = text_of(&h, PROFILE_CALIFORNIA, "2026-11-23", &b);
	assert_non_null(strstr(t, "get your supervisor's approval"));
	assert_null(strstr(t, "Illinois"));	/* California's words */
	h.emp.separated_on = D("2026-01-01");
	t = text_of(&h, PROFILE_ILLINOIS, "2026-11-23", &b);
	assert_non_null(strstr(t, "You have left state service, and "
	    "nothing is owed"));
	/* a waitlisted applicant is told to apply again (IV.B) */
	h.emp.separated_on = DAY_NONE;
	{
		struct app_status as = { 24291, APP_WAITING, 4, 2, ER_NONE };

		h.app = &as;
		t = text_of(&h, PROFILE_ILLINOIS, "2026-11-23", &b);
		assert_non_null(strstr(t, "WHAT TO DO NEXT To keep your first "
		    "consideration from the waiting list, apply again in the "
		    "next registration month (Illinois guidelines IV.B)"));
		/* with registration_months: the month by name, never
		 * "2027-03", the one after the application's */
		set.registration_months = 1u << 2 | 1u << 8;	/* [3, 9] */
		assert_true(period_parse("2026-09", 7, &as.period));
		t = text_of(&h, PROFILE_ILLINOIS, "2026-09-10", &b);
		assert_non_null(strstr(t, "WHAT TO DO NEXT To keep your first "
		    "consideration from the waiting list, apply again in the "
		    "next registration month, March 2027: your form must be "
		    "postmarked by 31 March 2027"));
		t = text_of(&h, PROFILE_ILLINOIS, "2026-11-23", &b);
		assert_non_null(strstr(t, "number 2 on the waiting list"));
		assert_non_null(strstr(t, "apply again in the next "
		    "registration month, March 2027: your form must be "
		    "postmarked by 31 March 2027 (IV.B)"));
		assert_null(strstr(t, "2027-03"));
		/* an application for March 2027 already on file keeps the
		 * first consideration: no "apply again" by a deadline (N2) */
		{
			struct application nx = { 9, 0, DAY_NONE, DAY_NONE,
			    DEC_NONE };

			assert_true(period_parse("2027-03", 7, &nx.period));
			h.applications = &nx, h.napplications = 1;
			t = text_of(&h, PROFILE_ILLINOIS, "2026-11-23", &b);
			assert_non_null(strstr(t, "WHAT TO DO NEXT You are on "
			    "the waiting list, and your application for March "
			    "2027 is on file: it keeps your first consideration "
			    "(Illinois guidelines IV.B)."));
			assert_non_null(strstr(t, "Your application for the "
			    "registration period of March 2027 is on file; it "
			    "is decided after that month. It keeps your first "
			    "consideration (IV.B)."));
			assert_null(strstr(t, "apply again"));
			h.applications = NULL, h.napplications = 0;
		}
		set.registration_months = 0;
	}
	/* a plan step ahead: said once, and not "nothing needs your action
	 * now" after it */
	{
		struct plan_step st = { 0 };
		struct plan sp = PLAN(1, "2025-01-05", "2025-01-06",
		    "2025-01-07");

		st.action = "Meet the career counselor";
		st.due_on = D("2027-02-01");
		st.done_on = DAY_NONE;
		sp.steps = &st, sp.nsteps = 1;
		emp(&h);
		h.enrollments = &e, h.nenrollments = 1;
		h.plans = &sp, h.nplans = 1;
		t = text_of(&h, PROFILE_ILLINOIS, "2026-11-23", &b);
		assert_non_null(strstr(t, "is \"Meet the career counselor\", "
		    "due on 1 February 2027."));
		assert_null(strstr(t, "Nothing needs your action now"));
	}
	buf_free(&b);
}

/* cli.md: in text, control characters from the records (C0 but tab and
 * newline, DEL, C1) print as "?". */
static void
test_words_text_control_characters(void **state)
{
	struct history h;
	struct buf b = {0};
	const char *t;

	(void)state;
	emp(&h);
	h.emp.name = "Ann\x1b[2J\x07 \xc2\x9b" "31m \x7f" "Lee\tJr \xc3\xa9";
	t = text_of(&h, PROFILE_ILLINOIS, "2026-11-23", &b);
	assert_non_null(strstr(t, "for Ann?[2J? ?31m ?Lee\tJr \xc3\xa9 (E1)"));
	assert_null(strchr(t, '\x1b'));
	assert_null(strstr(t, "\xc2\x9b"));
	/* bytes that are not UTF-8 are no way around it */
	h.emp.name = "A\x9b" "B\xe2\x82";
	t = text_of(&h, PROFILE_ILLINOIS, "2026-11-23", &b);
	assert_non_null(strstr(t, "for A?B?? (E1)"));
	buf_free(&b);
}

/* The text says what the HTML says: the rotating-schedule note, the
 * plan, the probation; lists joined without a trailing separator. */
static void
test_words_text_as_html(void **state)
{
	struct target t = T("CERT-A", "2024-01-01", ROUTE_NONE);
	struct exam_attempt x[2];
	struct county_pref cp[2] = { { 1, "CERT-A", 1, "Cook" },
	    { 2, "CERT-A", 2, "Will" } };
	struct appointment ap = APPT("CRED-B", "2026-10-01", 1);
	struct history h;
	struct buf b = {0};
	const char *s;

	(void)state;
	emp(&h);
	h.emp.rotating_schedule = 1;
	x[0] = X("CERT-A", "Math", "2026-01-10", 0);
	x[1] = X("CERT-A", "Reading", "2026-01-10", 0);
	h.targets = &t, h.ntargets = 1;
	h.attempts = x, h.nattempts = 2;
	h.prefs = cp, h.nprefs = 2;
	h.appointments = &ap, h.nappointments = 1;
	s = text_of(&h, PROFILE_ILLINOIS, "2026-11-23", &b);
	assert_non_null(strstr(s, "rotating schedule"));
	assert_non_null(strstr(s, "Exam sections still to pass: Math and "
	    "Reading Exam window"));
	assert_non_null(strstr(s, "Counties chosen: Cook and Will CLASSES"));
	assert_non_null(strstr(s, "one month after your first exam"));
	assert_non_null(strstr(s, "Your probation lasts through 1 February "
	    "2027"));
	/* not enrolled yet: the plan comes once enrolled (IL VI.A) */
	assert_non_null(strstr(s, "CAREER DEVELOPMENT PLAN No Career "
	    "Development Plan is on file. Once you are enrolled, your "
	    "counselor writes it with you"));
	buf_free(&b);
}

/* cli.md's 2026-12-04 keys in the JSON view. */
static void
test_words_json_keys(void **state)
{
	static const char *const keys[] = { "\"eligibility_reason\": null",
	    "\"retarget_allowed_on\": \"2027-09-05\"", "\"probation\": {",
	    "\"return_right_ends_on\": \"2027-02-01\"", "\"on\": \"2027-09-05\"",
	    "\"rule\": \"X4\"", "\"application\": {", "\"period\": \"2024-04\"",
	    "\"decision\": \"selected\"", "\"position\": 1",
	    "\"open\": false" };
	struct target t = T("CERT-A", "2024-01-01", ROUTE_NONE);
	struct exam_attempt x = X("CERT-A", "Math", "2026-03-05", 0);
	struct appointment ap = APPT("CRED-B", "2026-10-01", 1);
	struct history h;
	struct packet p;
	struct paths *pt = paths_new(&cat);
	struct buf b = {0};
	size_t i;

	(void)state;
	emp(&h);
	x.final = 1;
	h.targets = &t, h.ntargets = 1;
	h.attempts = &x, h.nattempts = 1;
	h.appointments = &ap, h.nappointments = 1;
	conf_init();
	run(&h, "2026-11-23", &p);
	tv_json(&b, view_packet(&p, &cat, pt, &conf, &ar, 0), 1);
	for (i = 0; i < NELEM(keys); i++)
		assert_non_null(strstr(b.data, keys[i]));
	h.emp.status = ST_TEMPORARY;
	h.app = NULL;
	run(&h, "2026-11-23", &p);
	buf_reset(&b);
	tv_json(&b, view_packet(&p, &cat, pt, &conf, &ar, 0), 1);
	assert_non_null(strstr(b.data, "\"eligibility_reason\": \"STATUS\""));
	assert_non_null(strstr(b.data, "\"application\": null"));
	buf_free(&b);
	paths_free(pt);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_catalog_sorted),
		cmocka_unit_test(test_E1_eligibility_table),
		cmocka_unit_test(test_E1_reasons),
		cmocka_unit_test(test_E2_california_lpel),
		cmocka_unit_test(test_E2_reasons),
		cmocka_unit_test(test_E2_california_profile_scope),
		cmocka_unit_test(test_E3_leave_blocks_enrollment),
		cmocka_unit_test(test_E3_leaves_rows),
		cmocka_unit_test(test_E4_no_longer_eligible),
		cmocka_unit_test(test_T1_target_limit),
		cmocka_unit_test(test_T1_open_targets),
		cmocka_unit_test(test_T2_credential_needs_bachelor),
		cmocka_unit_test(test_T3_title_frozen),
		cmocka_unit_test(test_T3_grade_allows_retarget),
		cmocka_unit_test(test_X1_exam_window),
		cmocka_unit_test(test_X1_hidden_once_graded),
		cmocka_unit_test(test_X1_degree_route_has_no_window),
		cmocka_unit_test(test_X1_start_over),
		cmocka_unit_test(test_X1_military_leave),
		cmocka_unit_test(test_X1_military_from_2016),
		cmocka_unit_test(test_X1_extensions),
		cmocka_unit_test(test_X2_retest),
		cmocka_unit_test(test_X2_course_completion),
		cmocka_unit_test(test_X3_half_year_boundaries),
		cmocka_unit_test(test_X4_final_attempt),
		cmocka_unit_test(test_C1_groupings),
		cmocka_unit_test(test_C1_rules_md_example),
		cmocka_unit_test(test_C1_non_concurrent),
		cmocka_unit_test(test_C1_limit_exempt),
		cmocka_unit_test(test_C1_fewest_groups),
		cmocka_unit_test(test_C1_twenty_and_more),
		cmocka_unit_test(test_C1_labs_and_statuses),
		cmocka_unit_test(test_C1_fiscal_year_boundary),
		cmocka_unit_test(test_C1_class_limit_reached),
		cmocka_unit_test(test_C2_concurrent),
		cmocka_unit_test(test_C3_first_term),
		cmocka_unit_test(test_C4_revised_plan),
		cmocka_unit_test(test_C5_withdrawal_drops),
		cmocka_unit_test(test_C5_since_enrollment),
		cmocka_unit_test(test_C6_inactive),
		cmocka_unit_test(test_C7_one_target_at_a_time),
		cmocka_unit_test(test_O1_hours_per_week),
		cmocka_unit_test(test_O2_full_day_days),
		cmocka_unit_test(test_O3_rotating_note),
		cmocka_unit_test(test_M1_program_paid),
		cmocka_unit_test(test_M1_packet_sums_all_years),
		cmocka_unit_test(test_M2_work_commitment),
		cmocka_unit_test(test_M2_latest_completed),
		cmocka_unit_test(test_M3_repayment),
		cmocka_unit_test(test_M4_no_interest),
		cmocka_unit_test(test_M5_full_tuition),
		cmocka_unit_test(test_G1_grade_expiry),
		cmocka_unit_test(test_G2_grade_C_accepted),
		cmocka_unit_test(test_G2_probation),
		cmocka_unit_test(test_G3_lists),
		cmocka_unit_test(test_G3_appointment_salary),
		cmocka_unit_test(test_G3_target_counties),
		cmocka_unit_test(test_G3_eligible_only),
		cmocka_unit_test(test_G3_covered_first),
		cmocka_unit_test(test_P1_plans),
		cmocka_unit_test(test_P2_assignment),
		cmocka_unit_test(test_N1_plan_steps),
		cmocka_unit_test(test_N2_register),
		cmocka_unit_test(test_N2_registration_months),
		cmocka_unit_test(test_N2_application_open),
		cmocka_unit_test(test_N3_repayment_owed),
		cmocka_unit_test(test_N4_suspended),
		cmocka_unit_test(test_N5_request_time_off),
		cmocka_unit_test(test_profiles_scope),
		cmocka_unit_test(test_FY_figures_illinois),
		cmocka_unit_test(test_FY_california_only_core_figures),
		cmocka_unit_test(test_FY_eligible_day),
		cmocka_unit_test(test_FY_participating),
		cmocka_unit_test(test_FY_spent_boundary),
		cmocka_unit_test(test_FY_appointments_by_category),
		cmocka_unit_test(test_FY_withdrawal_candidates),
		cmocka_unit_test(test_FY_spent_m5_and_extremes),
		cmocka_unit_test(test_alert_rank),
		cmocka_unit_test(test_alert_order),
		cmocka_unit_test(test_alert_order_ties),
		cmocka_unit_test(test_alert_causes),
		cmocka_unit_test(test_robust_unknown_codes),
		cmocka_unit_test(test_words_every_alert),
		cmocka_unit_test(test_X1_words_all_passed),
		cmocka_unit_test(test_M2_words_class_running),
		cmocka_unit_test(test_G1_words_grade_expiry),
		cmocka_unit_test(test_words_N3_never_would),
		cmocka_unit_test(test_words_odd_cases),
		cmocka_unit_test(test_words_not_eligible),
		cmocka_unit_test(test_words_application),
		cmocka_unit_test(test_words_no_alerts),
		cmocka_unit_test(test_words_text_control_characters),
		cmocka_unit_test(test_words_text_as_html),
		cmocka_unit_test(test_words_json_keys),
	};
	int rc = cmocka_run_group_tests(tests, setup, NULL);

	arena_free(&ar);
	return rc;
}
