/*
 * test_rules.c: the rules of rules.md, one test or more per rule id
 * (test_ID_what), and the edges: 29 February, fiscal-year and half-year
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

#include "model.h"

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

/* An eligible full-time Illinois employee with nothing else on record. */
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
		assert_int_equal(rule_eligible(&h, &cat, PROFILE_ILLINOIS,
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
	assert_true(rule_eligible(&h, &cat, PROFILE_CALIFORNIA,
	    D("2026-11-23")));
	h.emp.separated_on = D("2026-11-23");
	assert_false(rule_eligible(&h, &cat, PROFILE_CALIFORNIA,
	    D("2026-11-23")));
	h.emp.separated_on = DAY_NONE;
	h.emp.class_code = "CERT-A";	/* not LPEL */
	assert_false(rule_eligible(&h, &cat, PROFILE_CALIFORNIA,
	    D("2026-11-23")));
	h.emp.class_code = "NOT-IN-CATALOG";
	assert_false(rule_eligible(&h, &cat, PROFILE_CALIFORNIA,
	    D("2026-11-23")));
	/* E2 is not applied in Illinois: E1 decides there. */
	h.emp.class_code = "CERT-A";
	h.emp.bargaining_unit = "X";
	h.emp.status = ST_PERMANENT;
	assert_true(rule_eligible(&h, &cat, PROFILE_ILLINOIS,
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
	/* Out of date order on purpose: the earliest is the first. */
	x[0] = X("CERT-A", "Math", "2024-06-01", 1);
	x[1] = X("CERT-A", "Reading", "2024-02-29", 0);
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
	/* Out of date order on purpose. */
	x[0] = X("CERT-A", "Math", "2026-03-01", 0);	/* latest failure */
	x[1] = X("CERT-A", "Math", "2026-01-10", 0);
	x[2] = X("CERT-A", "Reading", "2026-01-10", 0);
	x[3] = X("CERT-A", "Reading", "2026-04-01", 1);	/* passed since */
	x[4] = X("CERT-A", "Writing", "2026-01-10", 0);
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
	x[0].proficient = 1;
	x[4].proficient = 1;	/* every section's latest passes */
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
		{ { 1.5, 1.5 }, 2, 1 },	/* above 1: paired (our reading) */
		{ { 0.5, 1, 1 }, 3, 1 },
		{ { 2.5, 1 }, 2, 1 },
	};
	struct course c[6];
	size_t i;
	int k;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		for (k = 0; k < cases[i].n; k++)
			c[k] = C(NULL, "2026-08-01", "2026-12-01",
			    CS_COMPLETED, cases[i].cr[k]);
		assert_int_equal(rule_c1_count(c, (size_t)cases[i].n, 2026),
		    cases[i].want);
	}
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
	assert_int_equal(rule_c1_count(c, 3, 2026), 1);
	assert_int_equal(rule_c1_count(c, 6, 2026), 4);
	/* The lab is left out before grouping: 1 + 1-credit lab stays 1. */
	c[0].credit_hours = 1;
	assert_int_equal(rule_c1_count(c, 2, 2026), 1);
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
	assert_int_equal(rule_c1_count(c, 2, 2025), 1);
	assert_int_equal(rule_c1_count(c, 2, 2026), 1);
	assert_int_equal(rule_c1_count(c, 2, 2027), 0);
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
	assert_int_equal(has(&p, AL_CLASS_LIMIT_REACHED)->on,
	    D("2027-06-30"));
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

static void
test_C3_first_term(void **state)
{
	static const struct {
		const char *credit;
		enum course_status other;
		int planned, want;
	} cases[] = {
		{ NULL, CS_PLANNED, 1, 1 },
		{ "2021-11-22", CS_PLANNED, 1, 1 },	/* 5 years + 1 day */
		{ "2021-11-23", CS_PLANNED, 1, 0 },	/* exactly 5 years */
		{ "2023-05-01", CS_PLANNED, 1, 0 },
		{ NULL, CS_COMPLETED, 1, 0 },	/* a completed course */
		{ NULL, CS_DROPPED, 1, 1 },
		{ NULL, CS_ENROLLED, 0, 0 },	/* nothing planned */
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
		c[0] = C(NULL, "2027-01-10", "2027-05-01", cases[i].planned ?
		    CS_PLANNED : CS_ENROLLED, 3);
		c[1] = C(NULL, "2026-01-10", "2026-05-01", cases[i].other, 3);
		h.courses = c, h.ncourses = 2;
		run(&h, "2026-11-23", &p);
		assert_int_equal(has(&p, AL_FIRST_TERM_ONE_CLASS) != NULL,
		    cases[i].want);
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

static void
test_C6_inactive(void **state)
{
	static const struct {
		const char *enrolled;
		enum enr_status st;
		const char *course, *exam;
		enum course_status cst;
		int want;
		const char *on;
	} cases[] = {
		{ "2023-11-22", ENR_ACTIVE, NULL, NULL, 0, 1, "2023-11-22" },
		{ "2023-11-23", ENR_ACTIVE, NULL, NULL, 0, 0, NULL },
		{ "2020-01-01", ENR_ACTIVE, "2024-09-01", NULL, CS_COMPLETED,
		    0, NULL },
		{ "2020-01-01", ENR_ACTIVE, "2024-09-01", NULL, CS_PLANNED,
		    1, "2020-01-01" },
		{ "2020-01-01", ENR_ACTIVE, "2022-09-01", NULL, CS_DROPPED,
		    1, "2022-09-01" },
		{ "2020-01-01", ENR_ACTIVE, NULL, "2025-11-01", 0, 0, NULL },
		/* activity before this enrollment: counted from it */
		{ "2025-01-01", ENR_ACTIVE, "2019-01-01", NULL, CS_COMPLETED,
		    0, NULL },
		/* a future start is not activity before the as-of date */
		{ "2020-01-01", ENR_ACTIVE, "2027-01-10", NULL, CS_ENROLLED,
		    1, "2020-01-01" },
		/* not an enrolled participant */
		{ "2020-01-01", ENR_SUSPENDED, NULL, NULL, 0, 0, NULL },
	};
	struct enrollment e;
	struct course c;
	struct exam_attempt x;
	struct history h;
	struct packet p;
	size_t i;

	(void)state;
	for (i = 0; i < NELEM(cases); i++) {
		emp(&h);
		e = ENR(cases[i].enrolled, cases[i].st, cases[i].st ==
		    ENR_ACTIVE ? NULL : "2021-01-01");
		h.enrollments = &e, h.nenrollments = 1;
		if (cases[i].course) {
			c = C(NULL, cases[i].course, cases[i].course,
			    cases[i].cst, 3);
			h.courses = &c, h.ncourses = 1;
		}
		if (cases[i].exam) {
			x = X("CERT-A", "Math", cases[i].exam, 1);
			h.attempts = &x, h.nattempts = 1;
		}
		run(&h, "2026-11-23", &p);
		assert_int_equal(has(&p, AL_WITHDRAWAL_INACTIVE) != NULL,
		    cases[i].want);
		if (cases[i].want)
			assert_int_equal(has(&p, AL_WITHDRAWAL_INACTIVE)->on,
			    D(cases[i].on));
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
}

static void
test_O2_full_day_days(void **state)
{
	static const struct {
		int days[2];
		double want;
	} cases[] = {
		{ { 15, -1 }, 7.5 }, { { 30, 20 }, 20 }, { { 40, -1 }, 20 },
		{ { -1, -1 }, 0 }, { { 10, 10 }, 10 },
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
		c[1] = C(NULL, "2026-09-01", "2026-12-15", CS_ENROLLED, 3);
		c[1].full_day_days = cases[i].days[1];
		h.courses = c, h.ncourses = 2;
		run(&h, "2026-11-23", &p);
		assert_true(p.full_day_days_off == cases[i].want);
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
		assert_int_equal(rule_m1_paid(&c, &set), cases[i].want);
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
		{ "CRED-M", 0, CS_ENROLLED, 0, "2025-12-15", NULL },
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
	assert_int_equal(p.commitment_ends_on, D("2027-05-10"));
	assert_int_equal(p.binding_paid_cents, 7000);	/* every binding */
	assert_int_equal(p.months_fulfilled, 18);
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
		if (cases[i].want < 0) {
			assert_int_equal(p.nalerts, 0);
			continue;
		}
		assert_int_equal(p.nalerts, 1);
		assert_int_equal(p.alerts[0].code, cases[i].want);
		assert_int_equal(p.alerts[0].count, cases[i].count);
	}
	/* No enrollment at all: not a participant. */
	emp(&h);
	runp(&h, PROFILE_CALIFORNIA, "2026-11-23", &p);
	assert_int_equal(p.nalerts, 0);
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
			assert_int_equal(has(&p, AL_ASSIGNMENT_TOO_LONG) !=
			    NULL, cases[i].want);
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

static int
alert_urgent_rank(enum alert_code c)
{
	switch (c) {
	case AL_EXAM_WINDOW_CLOSING:
	case AL_GRADE_EXPIRING:
	case AL_REVISED_PLAN_REQUIRED:
	case AL_PLAN_MISSING:
	case AL_PLAN_NOT_APPROVED:
	case AL_PLAN_NOT_REVIEWED:
		return 1;
	case AL_CLASS_LIMIT_REACHED:
	case AL_FIRST_TERM_ONE_CLASS:
		return 2;
	default:
		return 0;
	}
}

/* The rank the packet sorts by (and fuzz_rules checks with) is the
 * table above, code by code. */
static void
test_alert_rank(void **state)
{
	int c;

	(void)state;
	for (c = 0; c < AL__MAX; c++)
		assert_int_equal(rule_alert_rank((enum alert_code)c),
		    alert_urgent_rank((enum alert_code)c));
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
	*e = ENR("2026-10-01", ENR_ACTIVE, NULL);
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
	 * (2026-01-01), the concurrent classes (the as-of date), then the
	 * undated ones by code; rank 1; rank 2. */
	assert_int_equal(p.nalerts, 11);
	assert_int_equal(p.alerts[0].code, AL_TITLE_FROZEN);
	assert_int_equal(p.alerts[0].on, D("2025-01-01"));
	assert_int_equal(p.alerts[1].code, AL_GRADE_EXPIRED);
	assert_int_equal(p.alerts[1].on, D("2026-01-01"));
	assert_string_equal(p.alerts[1].class_code, "CERT-A");
	assert_int_equal(p.alerts[2].code, AL_TOO_MANY_CONCURRENT);
	assert_int_equal(p.alerts[3].code, AL_LEAVE_BLOCKS_ENROLLMENT);
	assert_int_equal(p.alerts[4].code, AL_TARGET_LIMIT);
	assert_int_equal(p.alerts[5].code, AL_CREDENTIAL_NEEDS_BACHELOR);
	assert_int_equal(p.alerts[6].code, AL_WITHDRAWAL_DROPS);
	assert_int_equal(p.alerts[7].code, AL_GRADE_EXPIRING);
	assert_int_equal(p.alerts[8].code, AL_PLAN_MISSING);
	assert_int_equal(p.alerts[9].code, AL_CLASS_LIMIT_REACHED);
	assert_int_equal(p.alerts[p.nalerts - 1].code,
	    AL_FIRST_TERM_ONE_CLASS);
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_catalog_sorted),
		cmocka_unit_test(test_E1_eligibility_table),
		cmocka_unit_test(test_E2_california_lpel),
		cmocka_unit_test(test_E2_california_profile_scope),
		cmocka_unit_test(test_E3_leave_blocks_enrollment),
		cmocka_unit_test(test_T1_target_limit),
		cmocka_unit_test(test_T1_open_targets),
		cmocka_unit_test(test_T2_credential_needs_bachelor),
		cmocka_unit_test(test_T3_title_frozen),
		cmocka_unit_test(test_X1_exam_window),
		cmocka_unit_test(test_X1_hidden_once_graded),
		cmocka_unit_test(test_X1_degree_route_has_no_window),
		cmocka_unit_test(test_X2_retest),
		cmocka_unit_test(test_X3_half_year_boundaries),
		cmocka_unit_test(test_C1_groupings),
		cmocka_unit_test(test_C1_labs_and_statuses),
		cmocka_unit_test(test_C1_fiscal_year_boundary),
		cmocka_unit_test(test_C1_class_limit_reached),
		cmocka_unit_test(test_C2_concurrent),
		cmocka_unit_test(test_C3_first_term),
		cmocka_unit_test(test_C4_revised_plan),
		cmocka_unit_test(test_C5_withdrawal_drops),
		cmocka_unit_test(test_C6_inactive),
		cmocka_unit_test(test_O1_hours_per_week),
		cmocka_unit_test(test_O2_full_day_days),
		cmocka_unit_test(test_O3_rotating_note),
		cmocka_unit_test(test_M1_program_paid),
		cmocka_unit_test(test_M1_packet_sums_all_years),
		cmocka_unit_test(test_M2_work_commitment),
		cmocka_unit_test(test_M2_latest_completed),
		cmocka_unit_test(test_M3_repayment),
		cmocka_unit_test(test_M4_no_interest),
		cmocka_unit_test(test_G1_grade_expiry),
		cmocka_unit_test(test_G2_grade_C_accepted),
		cmocka_unit_test(test_G3_lists),
		cmocka_unit_test(test_G3_appointment_salary),
		cmocka_unit_test(test_G3_target_counties),
		cmocka_unit_test(test_P1_plans),
		cmocka_unit_test(test_P2_assignment),
		cmocka_unit_test(test_FY_figures_illinois),
		cmocka_unit_test(test_FY_california_only_core_figures),
		cmocka_unit_test(test_FY_eligible_day),
		cmocka_unit_test(test_FY_participating),
		cmocka_unit_test(test_FY_spent_boundary),
		cmocka_unit_test(test_alert_rank),
		cmocka_unit_test(test_alert_order),
		cmocka_unit_test(test_alert_causes),
		cmocka_unit_test(test_robust_unknown_codes),
	};
	int rc = cmocka_run_group_tests(tests, setup, NULL);

	arena_free(&ar);
	return rc;
}
