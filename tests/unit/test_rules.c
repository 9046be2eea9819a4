/*
 * test_rules.c: one test per rule of rules.md (test_ID_what), plus the
 * edges: 29 February, fiscal-year and half-year boundaries, labs, credit
 * groupings, part-time caps, private tuition caps, outside aid above
 * tuition, separation before and after the commitment ends.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "model.h"

static struct title titles[] = {	/* sorted by code */
	{ "CERT-A", "Certificate A", NULL, KIND_CERTIFICATE, CAT_NONE,
	    DEG_NONE, DAY_NONE, 500000, 0, "t", 1 },
	{ "CERT-B", "Certificate B", NULL, KIND_CERTIFICATE, CAT_NONE,
	    DEG_NONE, DAY_NONE, 400000, 0, "t", 2 },
	{ "CERT-C", "Certificate C", NULL, KIND_CERTIFICATE, CAT_NONE,
	    DEG_NONE, DAY_NONE, 450000, 0, "t", 3 },
	{ "CLERK", "Clerk", NULL, KIND_NONE, CAT_LPEL, DEG_NONE, DAY_NONE,
	    300000, 0, "t", 4 },
	{ "CRED-M", "Credential M", NULL, KIND_CREDENTIAL, CAT_NONE,
	    DEG_MASTER, DAY_NONE, 700000, 0, "t", 5 },
	{ "DUAL", "Dual", NULL, KIND_DUAL, CAT_NONE, DEG_BACHELOR, DAY_NONE,
	    600000, 0, "t", 6 },
	{ "FROZEN", "Frozen", NULL, KIND_CERTIFICATE, CAT_NONE, DEG_NONE, 0,
	    400000, 0, "t", 7 },
};
static struct catalog cat = { titles, 7, NULL, 0 };
static struct settings set;
static struct arena ar;

static day_t
D(const char *s)
{
	day_t t;

	assert_true(date_parse(s, strlen(s), &t));
	return t;
}

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

static int
has(const struct packet *p, enum alert_code code)
{
	size_t i;

	for (i = 0; i < p->nalerts; i++)
		if (p->alerts[i].code == code)
			return 1;
	return 0;
}

static void
run(const struct history *h, const char *asof, struct packet *p)
{
	arena_reset(&ar);
	settings_defaults(&set);
	titles[6].frozen_on = D("2025-01-01");
	rule_packet(h, &cat, &set, PROFILE_ILLINOIS, D(asof), &ar, p);
}

static struct enrollment enr_active = { 1, 0, "Pat", ENR_ACTIVE, DAY_NONE,
	NULL };

static void
test_E1_eligibility(void **state)
{
	struct history h;

	(void)state;
	emp(&h);
	assert_true(rule_eligible(&h, &cat, PROFILE_ILLINOIS, D("2026-11-23")));
	h.emp.on_layoff = 1;	/* IL II.C: layoff keeps it */
	assert_true(rule_eligible(&h, &cat, PROFILE_ILLINOIS, D("2026-11-23")));
	h.emp.status = ST_TEMPORARY;
	assert_false(rule_eligible(&h, &cat, PROFILE_ILLINOIS, D("2026-11-23")));
	h.emp.status = ST_PROBATIONARY;
	h.emp.bargaining_unit = NULL;
	assert_false(rule_eligible(&h, &cat, PROFILE_ILLINOIS, D("2026-11-23")));
	h.emp.bargaining_unit = "X";
	h.emp.separated_on = D("2026-11-23");
	assert_false(rule_eligible(&h, &cat, PROFILE_ILLINOIS, D("2026-11-23")));
	assert_true(rule_eligible(&h, &cat, PROFILE_ILLINOIS, D("2026-11-22")));
}

static void
test_E2_california_lpel(void **state)
{
	struct history h;

	(void)state;
	emp(&h);
	h.emp.bargaining_unit = NULL;	/* E1 does not apply in CA */
	assert_true(rule_eligible(&h, &cat, PROFILE_CALIFORNIA,
	    D("2026-11-23")));
	h.emp.class_code = "CERT-A";
	assert_false(rule_eligible(&h, &cat, PROFILE_CALIFORNIA,
	    D("2026-11-23")));
}

static void
test_E3_leave_blocks_enrollment(void **state)
{
	struct history h;
	struct packet p;
	struct course c = C(NULL, "2026-12-01", "2027-03-01", CS_PLANNED, 3);

	(void)state;
	emp(&h);
	h.courses = &c, h.ncourses = 1;
	h.emp.leave = LEAVE_OTHER;
	run(&h, "2026-11-23", &p);
	assert_true(has(&p, AL_LEAVE_BLOCKS_ENROLLMENT));
	h.emp.leave = LEAVE_EDUCATION;
	run(&h, "2026-11-23", &p);
	assert_false(has(&p, AL_LEAVE_BLOCKS_ENROLLMENT));
}

static void
test_T1_target_limit(void **state)
{
	struct history h;
	struct packet p;
	struct target t[3] = {
		{ 1, "CERT-A", 0, DAY_NONE, ROUTE_NONE, OPT_NONE },
		{ 2, "CERT-B", 0, DAY_NONE, ROUTE_NONE, OPT_NONE },
		{ 3, "DUAL", 0, DAY_NONE, ROUTE_EXAM, OPT_NONE },
	};

	(void)state;
	emp(&h);
	h.targets = t, h.ntargets = 3;
	run(&h, "2026-11-23", &p);
	assert_true(has(&p, AL_TARGET_LIMIT));	/* 3 certificates */
	t[2].route = ROUTE_DEGREE;	/* now 2 + 1 credential */
	run(&h, "2026-11-23", &p);
	assert_false(has(&p, AL_TARGET_LIMIT));
	t[1].ended_on = D("2026-11-23");	/* ended: not open */
	run(&h, "2026-11-23", &p);
	assert_int_equal(p.ntargets, 2);
}

static void
test_T2_credential_needs_bachelor(void **state)
{
	struct history h;
	struct packet p;
	struct target t = { 1, "CRED-M", 0, DAY_NONE, ROUTE_NONE, OPT_NONE };

	(void)state;
	emp(&h);
	h.targets = &t, h.ntargets = 1;
	run(&h, "2026-11-23", &p);
	assert_true(has(&p, AL_CREDENTIAL_NEEDS_BACHELOR));
	h.emp.highest_degree = DEG_BACHELOR;
	run(&h, "2026-11-23", &p);
	assert_false(has(&p, AL_CREDENTIAL_NEEDS_BACHELOR));
}

static void
test_T3_title_frozen(void **state)
{
	struct history h;
	struct packet p;
	struct target t = { 1, "FROZEN", 0, DAY_NONE, ROUTE_NONE, OPT_NONE };

	(void)state;
	emp(&h);
	h.targets = &t, h.ntargets = 1;
	t.targeted_on = D("2025-01-01");	/* on the freeze date */
	run(&h, "2026-11-23", &p);
	assert_true(has(&p, AL_TITLE_FROZEN));
	t.targeted_on = D("2024-12-31");	/* before: stays valid */
	run(&h, "2026-11-23", &p);
	assert_false(has(&p, AL_TITLE_FROZEN));
}

static void
test_X1_exam_window(void **state)
{
	struct history h;
	struct packet p;
	struct target t = { 1, "CERT-A", 0, DAY_NONE, ROUTE_NONE, OPT_NONE };
	struct exam_attempt x[2] = {
		{ 1, "CERT-A", "Math", 0, 0 }, { 2, "CERT-A", "Math", 0, 1 },
	};
	struct grade g = { 1, "CERT-A", 'A', 0, BASIS_EXAM };

	(void)state;
	emp(&h);
	h.targets = &t, h.ntargets = 1;
	h.attempts = x, h.nattempts = 2;
	/* 29 February plus 3 years is 28 February. */
	x[0].taken_on = D("2024-02-29"), x[1].taken_on = D("2024-06-01");
	run(&h, "2026-11-23", &p);
	assert_int_equal(p.targets[0].exam_window_ends_on, D("2027-02-28"));
	assert_true(has(&p, AL_EXAM_WINDOW_CLOSING));
	run(&h, "2027-03-01", &p);
	assert_true(has(&p, AL_EXAM_WINDOW_EXPIRED));
	run(&h, "2026-08-01", &p);	/* more than 180 days before */
	assert_false(has(&p, AL_EXAM_WINDOW_CLOSING));
	g.issued_on = D("2024-07-01");	/* graded: no window */
	h.grades = &g, h.ngrades = 1;
	run(&h, "2027-03-01", &p);
	assert_int_equal(p.targets[0].exam_window_ends_on, DAY_NONE);
	assert_false(has(&p, AL_EXAM_WINDOW_EXPIRED));
}

static void
test_X2_retest(void **state)
{
	struct history h;
	struct packet p;
	struct target t = { 1, "CERT-A", 0, DAY_NONE, ROUTE_NONE, OPT_NONE };
	struct exam_attempt x[3] = {
		{ 1, "CERT-A", "Math", 0, 1 }, { 2, "CERT-A", "Reading", 0, 0 },
		{ 3, "CERT-A", "Math", 0, 0 },
	};

	(void)state;
	emp(&h);
	h.targets = &t, h.ntargets = 1;
	x[0].taken_on = D("2026-01-10");
	x[1].taken_on = D("2026-01-10");
	x[2].taken_on = D("2026-03-01");
	h.attempts = x, h.nattempts = 3;
	run(&h, "2026-11-23", &p);
	assert_int_equal(p.targets[0].nsections_not_proficient, 2);
	assert_int_equal(p.targets[0].next_exam_allowed_on, D("2026-03-31"));
	x[2].proficient = 1, x[1].proficient = 1;
	run(&h, "2026-11-23", &p);
	assert_int_equal(p.targets[0].next_exam_allowed_on, DAY_NONE);
}

static void
test_X3_exams_half_year(void **state)
{
	struct history h;
	struct packet p;
	struct exam_attempt x[4] = {
		{ 1, "CERT-A", "Math", 0, 1 }, { 2, "CERT-A", "Reading", 0, 1 },
		{ 3, "CERT-B", "Math", 0, 1 }, { 4, "CERT-A", "Math", 0, 1 },
	};

	(void)state;
	emp(&h);
	x[0].taken_on = x[1].taken_on = D("2026-07-01");	/* one exam */
	x[2].taken_on = D("2026-07-01");	/* another title */
	x[3].taken_on = D("2026-06-30");	/* the half-year before */
	h.attempts = x, h.nattempts = 4;
	run(&h, "2026-12-31", &p);
	assert_int_equal(p.exams_used, 2);
	assert_int_equal(p.exams_remaining, 0);
	run(&h, "2027-01-01", &p);
	assert_int_equal(p.exams_used, 0);
}

static void
test_C1_counting_and_groupings(void **state)
{
	struct course c[6];
	struct history h;
	struct packet p;
	int i;

	(void)state;
	/* 1,1,1 -> 1; 1,1,1,1 -> 2; 1,2 -> 1; 2,2,2 -> 2; 1,1,1,1,2 -> 2 */
	static const struct { double cr[5]; int n, want; } g[] = {
		{ { 1, 1, 1 }, 3, 1 }, { { 1, 1, 1, 1 }, 4, 2 },
		{ { 1, 2 }, 2, 1 }, { { 2, 2, 2 }, 3, 2 },
		{ { 1, 1, 1, 1, 2 }, 5, 2 }, { { -1, 3, 4 }, 3, 3 },
	};
	for (size_t k = 0; k < sizeof(g) / sizeof(g[0]); k++) {
		for (i = 0; i < g[k].n; i++)
			c[i] = C(NULL, "2026-08-01", "2026-12-01", CS_COMPLETED,
			    g[k].cr[i]);
		assert_int_equal(rule_c1_count(c, (size_t)g[k].n, 2026),
		    g[k].want);
	}
	/* A lab counts 0; planned courses are not counted. */
	c[0] = C(NULL, "2026-08-01", "2026-12-01", CS_ENROLLED, 3);
	c[0].id = 1;
	c[1] = C(NULL, "2026-08-01", "2026-12-01", CS_ENROLLED, 1);
	c[1].lab_for = 1;
	c[2] = C(NULL, "2026-08-01", "2026-12-01", CS_PLANNED, 3);
	assert_int_equal(rule_c1_count(c, 3, 2026), 1);
	/* The fiscal year of starts_on: 30 June is 2025-26, 1 July 2026-27. */
	c[0] = C(NULL, "2026-06-30", "2026-08-01", CS_COMPLETED, 3);
	c[1] = C(NULL, "2026-07-01", "2026-08-01", CS_COMPLETED, 3);
	assert_int_equal(rule_c1_count(c, 2, 2025), 1);
	assert_int_equal(rule_c1_count(c, 2, 2026), 1);
	/* Eight: the limit reached. */
	emp(&h);
	for (i = 0; i < 6; i++)
		c[i] = C(NULL, "2026-07-05", "2026-08-01", CS_COMPLETED, 3);
	h.courses = c, h.ncourses = 6;
	run(&h, "2026-11-23", &p);
	assert_int_equal(p.classes_remaining, 2);
	assert_false(has(&p, AL_CLASS_LIMIT_REACHED));
	set.max_classes_per_year = 6;
	rule_packet(&h, &cat, &set, PROFILE_ILLINOIS, D("2026-11-23"), &ar, &p);
	assert_true(has(&p, AL_CLASS_LIMIT_REACHED));
}

static void
test_C2_concurrent(void **state)
{
	struct course c[3];
	struct history h;
	struct packet p;

	(void)state;
	emp(&h);
	c[0] = C(NULL, "2026-09-01", "2026-12-15", CS_ENROLLED, 3);
	c[1] = C(NULL, "2026-09-01", "2026-12-15", CS_ENROLLED, 3);
	c[2] = C(NULL, "2026-09-01", "2026-12-15", CS_ENROLLED, 3);
	h.courses = c, h.ncourses = 2;
	run(&h, "2026-11-23", &p);
	assert_false(has(&p, AL_TOO_MANY_CONCURRENT));
	h.ncourses = 3;
	run(&h, "2026-11-23", &p);
	assert_true(has(&p, AL_TOO_MANY_CONCURRENT));
	c[0].summer_term = c[0].semester_school = 1;	/* summer: 1 */
	h.ncourses = 2;
	run(&h, "2026-11-23", &p);
	assert_true(has(&p, AL_TOO_MANY_CONCURRENT));
}

static void
test_C3_first_term(void **state)
{
	struct course c = C(NULL, "2027-01-10", "2027-05-01", CS_PLANNED, 3);
	struct history h;
	struct packet p;

	(void)state;
	emp(&h);
	h.courses = &c, h.ncourses = 1;
	run(&h, "2026-11-23", &p);
	assert_true(has(&p, AL_FIRST_TERM_ONE_CLASS));
	h.emp.last_academic_credit_on = D("2023-05-01");
	run(&h, "2026-11-23", &p);
	assert_false(has(&p, AL_FIRST_TERM_ONE_CLASS));
}

static void
test_C4_C5_drops(void **state)
{
	struct course c[3];
	struct plan pl;
	struct history h;
	struct packet p;

	(void)state;
	emp(&h);
	memset(&pl, 0, sizeof(pl));
	pl.version = 1, pl.created_on = D("2026-01-01");
	pl.supervisor_approved_on = pl.coordinator_reviewed_on = DAY_NONE;
	c[0] = C(NULL, "2026-02-01", "2026-05-01", CS_DROPPED, 3);
	c[0].status_on = D("2026-03-01");
	h.plans = &pl, h.nplans = 1;
	h.courses = c, h.ncourses = 1;
	run(&h, "2026-11-23", &p);
	assert_true(has(&p, AL_REVISED_PLAN_REQUIRED));
	pl.created_on = D("2026-03-02");	/* revised since */
	run(&h, "2026-11-23", &p);
	assert_false(has(&p, AL_REVISED_PLAN_REQUIRED));
	assert_false(has(&p, AL_WITHDRAWAL_DROPS));
	c[1] = C(NULL, "2024-02-01", "2024-05-01", CS_FAILED, 3);
	c[2] = C(NULL, "2023-02-01", "2023-05-01", CS_DROPPED, 3);
	h.ncourses = 3;
	run(&h, "2026-11-23", &p);
	assert_true(has(&p, AL_WITHDRAWAL_DROPS));
}

static void
test_C6_inactive(void **state)
{
	struct enrollment e = enr_active;
	struct history h;
	struct packet p;

	(void)state;
	emp(&h);
	e.enrolled_on = D("2023-11-22");
	h.enrollments = &e, h.nenrollments = 1;
	run(&h, "2026-11-23", &p);
	assert_true(has(&p, AL_WITHDRAWAL_INACTIVE));
	e.enrolled_on = D("2023-11-24");
	run(&h, "2026-11-23", &p);
	assert_false(has(&p, AL_WITHDRAWAL_INACTIVE));
}

static void
test_O1_O2_O3_time_off(void **state)
{
	struct course c[2];
	struct history h;
	struct packet p;

	(void)state;
	emp(&h);
	c[0] = C(NULL, "2026-09-01", "2026-12-15", CS_ENROLLED, 3);
	c[0].meeting_hours_per_week = 6;
	c[1] = C(NULL, "2026-09-01", "2026-12-15", CS_ENROLLED, 3);
	c[1].meeting_hours_per_week = 14;
	c[1].full_day_days = 50;
	h.courses = c, h.ncourses = 2;
	run(&h, "2026-11-23", &p);
	assert_true(p.hours_per_week == 8.0);	/* min(20 / 2, 8) */
	assert_true(p.full_day_days_off == 20.0);	/* min(25, 20) */
	h.emp.time_base = 0.5;	/* part time: 8 * 0.5 */
	h.emp.rotating_schedule = 1;
	run(&h, "2026-11-23", &p);
	assert_true(p.hours_per_week == 4.0);
	assert_true(p.rotating_note);
	h.ncourses = 1;
	run(&h, "2026-11-23", &p);
	assert_true(p.hours_per_week == 3.0);
}

static void
test_M1_program_paid(void **state)
{
	struct course c = C(NULL, "2026-09-01", "2026-12-15", CS_ENROLLED, 3);

	(void)state;
	settings_defaults(&set);
	c.tuition_cents = 100000, c.fees_cents = 5000, c.outside_aid_cents =
	    20000;
	assert_int_equal(rule_m1_paid(&c, &set), 85000);
	c.outside_aid_cents = 500000;	/* aid above tuition: 0 */
	assert_int_equal(rule_m1_paid(&c, &set), 0);
	c.outside_aid_cents = 0, c.public_institution = 0;
	set.private_tuition_cap_cents = 50000;	/* private cap */
	assert_int_equal(rule_m1_paid(&c, &set), 55000);
	c.status = CS_PLANNED;
	assert_int_equal(rule_m1_paid(&c, &set), 0);
}

static void
test_M2_M3_M4_work_commitment(void **state)
{
	struct course c = C("CRED-M", "2025-09-01", "2025-12-15", CS_COMPLETED,
	    3);
	struct history h;
	struct packet p;

	(void)state;
	emp(&h);
	c.tuition_cents = 240000;
	h.courses = &c, h.ncourses = 1;
	run(&h, "2026-11-23", &p);
	assert_int_equal(p.commitment_ends_on, D("2027-12-15"));
	/* 11 whole months served: 240000 * 13 / 24 = 130000. */
	assert_int_equal(p.months_fulfilled, 11);
	assert_int_equal(p.repayment_cents, 130000);
	h.emp.separated_on = D("2026-02-20");	/* 2 months */
	run(&h, "2026-11-23", &p);
	assert_int_equal(p.repayment_cents, 220000);
	h.emp.separated_on = D("2028-01-01");	/* after it ended */
	run(&h, "2028-02-01", &p);
	assert_int_equal(p.repayment_cents, 0);
	/* Rounded half up: 1 cent * 13 / 24 = 0.54 -> 1. M4: no interest. */
	c.tuition_cents = 1;
	h.emp.separated_on = DAY_NONE;
	run(&h, "2026-11-23", &p);
	assert_int_equal(p.repayment_cents, 1);
	c.class_code = "CERT-A";	/* not a credential: no commitment */
	run(&h, "2026-11-23", &p);
	assert_int_equal(p.commitment_ends_on, DAY_NONE);
}

static void
test_G1_G2_grades(void **state)
{
	struct target t = { 1, "CERT-A", 0, DAY_NONE, ROUTE_NONE, OPT_NONE };
	struct grade g[2] = { { 1, "CERT-A", 'A', 0, BASIS_EXAM },
	    { 2, "CERT-A", 'C', 0, BASIS_DEGREE } };
	struct history h;
	struct packet p;

	(void)state;
	emp(&h);
	h.targets = &t, h.ntargets = 1;
	g[0].issued_on = D("2019-01-01");
	g[1].issued_on = D("2021-02-01");	/* latest: G2's C */
	h.grades = g, h.ngrades = 2;
	run(&h, "2026-11-23", &p);
	assert_int_equal(p.targets[0].grade->grade, 'C');
	assert_int_equal(p.targets[0].grade_expires_on, D("2027-02-01"));
	assert_true(has(&p, AL_GRADE_EXPIRING));
	run(&h, "2027-02-02", &p);
	assert_true(has(&p, AL_GRADE_EXPIRED));
}

static void
test_G3_lists(void **state)
{
	struct grade g = { 1, "CERT-A", 'B', 0, BASIS_EXAM };
	struct county_pref cp[4] = { { 1, "CERT-A", 1, "Cook" },
	    { 2, "CERT-A", 2, "St. Clair" }, { 3, "CERT-A", 3, "Will" },
	    { 4, "CERT-B", 1, "Cook" } };
	struct appointment ap = { 1, "CLERK", "CERT-C", 0, 1 };
	struct list_entry *le;
	struct history h;
	size_t n;

	(void)state;
	emp(&h);
	g.issued_on = D("2024-01-01");
	h.grades = &g, h.ngrades = 1;
	h.prefs = cp, h.nprefs = 4;
	settings_defaults(&set);
	rule_list_entries(&h, &cat, &set, PROFILE_ILLINOIS, D("2026-11-23"),
	    &ar, &le, &n);
	assert_int_equal(n, 3);	/* CERT-B has no grade */
	assert_string_equal(le[1].county, "St. Clair");
	/* XII.D: appointed to a title paying more than CERT-A: off. */
	titles[2].salary_max_cents = 550000;
	ap.appointed_on = D("2025-01-01");
	h.appointments = &ap, h.nappointments = 1;
	rule_list_entries(&h, &cat, &set, PROFILE_ILLINOIS, D("2026-11-23"),
	    &ar, &le, &n);
	assert_int_equal(n, 0);
	titles[2].salary_max_cents = 450000;
	h.nappointments = 0;
	rule_list_entries(&h, &cat, &set, PROFILE_ILLINOIS, D("2030-01-02"),
	    &ar, &le, &n);
	assert_int_equal(n, 0);	/* expired */
}

static void
test_P1_plans(void **state)
{
	struct enrollment e = enr_active;
	struct plan pl;
	struct history h;
	struct packet p;

	(void)state;
	emp(&h);
	e.enrolled_on = D("2026-10-01");
	h.enrollments = &e, h.nenrollments = 1;
	run(&h, "2026-11-23", &p);
	assert_true(has(&p, AL_PLAN_MISSING));
	memset(&pl, 0, sizeof(pl));
	pl.version = 1, pl.created_on = D("2026-10-02");
	pl.supervisor_approved_on = pl.coordinator_reviewed_on = DAY_NONE;
	h.plans = &pl, h.nplans = 1;
	run(&h, "2026-11-23", &p);
	assert_true(has(&p, AL_PLAN_NOT_APPROVED));
	pl.supervisor_approved_on = D("2026-10-05");
	run(&h, "2026-11-23", &p);
	assert_true(has(&p, AL_PLAN_NOT_REVIEWED));
	pl.coordinator_reviewed_on = D("2026-10-06");
	run(&h, "2026-11-23", &p);
	assert_int_equal(p.nalerts, 0);
}

static void
test_P2_assignment(void **state)
{
	struct assignment as = { 1, AK_TRAINING_DEVELOPMENT, 0, DAY_NONE,
	    NULL };
	struct history h;
	struct packet p;

	(void)state;
	emp(&h);
	as.starts_on = D("2024-11-23");
	h.assignments = &as, h.nassignments = 1;
	run(&h, "2026-11-23", &p);	/* exactly 2 years: fine */
	assert_false(has(&p, AL_ASSIGNMENT_TOO_LONG));
	run(&h, "2026-11-24", &p);
	assert_true(has(&p, AL_ASSIGNMENT_TOO_LONG));
	as.ends_on = D("2026-11-20");	/* ended before as-of */
	run(&h, "2026-11-24", &p);
	assert_false(has(&p, AL_ASSIGNMENT_TOO_LONG));
}

static void
test_FY_figures(void **state)
{
	struct enrollment e = enr_active;
	struct appointment ap[2] = { { 1, "CLERK", "CERT-A", 0, 1 },
	    { 2, "CLERK", "CERT-B", 0, 1 } };
	struct course c = C(NULL, "2026-07-01", "2026-09-01", CS_COMPLETED, 3);
	long byt[7] = { 0 };
	struct fy_figures f;
	struct history h;

	(void)state;
	emp(&h);
	e.enrolled_on = D("2025-01-01");
	h.enrollments = &e, h.nenrollments = 1;
	ap[0].appointed_on = D("2026-06-30");	/* 2025-26 */
	ap[1].appointed_on = D("2024-07-01");	/* 2024-25 */
	h.appointments = ap, h.nappointments = 2;
	c.tuition_cents = 1000;
	h.courses = &c, h.ncourses = 1;
	memset(&f, 0, sizeof(f));
	f.fy = 2026;
	f.grades_by_title = byt;
	settings_defaults(&set);
	rule_fy_add(&h, &cat, &set, PROFILE_ILLINOIS, D("2026-11-23"), &f);
	assert_int_equal(f.eligible_employees, 1);
	assert_int_equal(f.participating_employees, 1);
	assert_int_equal(f.appointments[0], 0);
	assert_int_equal(f.appointments[1], 1);
	assert_int_equal(f.appointments[2], 1);
	assert_int_equal(f.course_spent_cents, 1000);
	assert_int_equal(f.courses_completed, 1);
}

static void
test_alert_order(void **state)
{
	struct target t = { 1, "CERT-A", 0, DAY_NONE, ROUTE_NONE, OPT_NONE };
	struct grade g = { 1, "CERT-A", 'A', 0, BASIS_EXAM };
	struct enrollment e = enr_active;
	struct history h;
	struct packet p;

	(void)state;
	emp(&h);
	e.enrolled_on = D("2026-10-01");
	h.enrollments = &e, h.nenrollments = 1;
	h.targets = &t, h.ntargets = 1;
	g.issued_on = D("2020-01-01");	/* expired: most urgent */
	h.grades = &g, h.ngrades = 1;
	run(&h, "2026-11-23", &p);
	assert_int_equal(p.alerts[0].code, AL_GRADE_EXPIRED);
	assert_int_equal(p.alerts[1].code, AL_PLAN_MISSING);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_E1_eligibility),
		cmocka_unit_test(test_E2_california_lpel),
		cmocka_unit_test(test_E3_leave_blocks_enrollment),
		cmocka_unit_test(test_T1_target_limit),
		cmocka_unit_test(test_T2_credential_needs_bachelor),
		cmocka_unit_test(test_T3_title_frozen),
		cmocka_unit_test(test_X1_exam_window),
		cmocka_unit_test(test_X2_retest),
		cmocka_unit_test(test_X3_exams_half_year),
		cmocka_unit_test(test_C1_counting_and_groupings),
		cmocka_unit_test(test_C2_concurrent),
		cmocka_unit_test(test_C3_first_term),
		cmocka_unit_test(test_C4_C5_drops),
		cmocka_unit_test(test_C6_inactive),
		cmocka_unit_test(test_O1_O2_O3_time_off),
		cmocka_unit_test(test_M1_program_paid),
		cmocka_unit_test(test_M2_M3_M4_work_commitment),
		cmocka_unit_test(test_G1_G2_grades),
		cmocka_unit_test(test_G3_lists),
		cmocka_unit_test(test_P1_plans),
		cmocka_unit_test(test_P2_assignment),
		cmocka_unit_test(test_FY_figures),
		cmocka_unit_test(test_alert_order),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);

	arena_free(&ar);
	return rc;
}
