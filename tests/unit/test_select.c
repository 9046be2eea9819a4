/*
 * test_select.c: the selection of a registration period (rules.md
 * "Selection"): the order by first consideration (IL IV.B) and seniority
 * (IL IV.A), ties by id, capacity (null, 0, fewer applicants than
 * places), applicants who are not eligible listed apart, California's
 * listed decisions, and the positions of cli.md's selection CSV.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "model.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static struct arena ar;

static day_t
D(const char *s)
{
	day_t t;

	assert_true(date_parse(s, strlen(s), &t));
	return t;
}

static struct applicant
A(const char *id, const char *seniority, enum elig_reason r)
{
	struct applicant a;

	memset(&a, 0, sizeof(a));
	a.id = id;
	a.name = id;
	a.seniority_date = D(seniority);
	a.applied_on = DAY_NONE;
	a.reason = r;
	a.approved = 1;
	return a;
}

/* The ids of v in order, joined by spaces. */
static const char *
ids(const struct applicant *v, size_t n)
{
	static char s[512];
	size_t i;

	s[0] = '\0';
	for (i = 0; i < n; i++) {
		if (i)
			strcat(s, " ");
		strcat(s, v[i].id);
	}
	return s;
}

static void
run(struct applicant *v, size_t n, long capacity, enum profile p,
    const char *const *prev, size_t nprev)
{
	arena_reset(&ar);
	rule_select(v, n, capacity, p, prev, nprev, &ar);
}

/* IL IV.A: by seniority date, earliest first; equal dates by id. */
static void
test_selection_seniority_and_ties(void **state)
{
	struct applicant v[] = { A("E5", "2015-01-01", ER_NONE),
	    A("E2", "2010-06-01", ER_NONE), A("E9", "2010-06-01", ER_NONE),
	    A("E1", "2020-01-01", ER_NONE) };
	size_t i;

	(void)state;
	run(v, NELEM(v), 2, PROFILE_ILLINOIS, NULL, 0);
	assert_string_equal(ids(v, NELEM(v)), "E2 E9 E5 E1");
	assert_int_equal(v[0].result, APP_SELECTED);
	assert_int_equal(v[1].result, APP_SELECTED);
	assert_int_equal(v[2].result, APP_WAITING);
	assert_int_equal(v[2].waiting, 1);
	assert_int_equal(v[3].result, APP_WAITING);
	assert_int_equal(v[3].waiting, 2);
	for (i = 0; i < NELEM(v); i++)
		assert_int_equal(v[i].position, (long)i + 1);
	assert_int_equal(v[0].waiting, 0);
}

/* IL IV.B: the previous period's waiting list first, in its order
 * there, before anyone more senior; who is not on it (or did not apply
 * again) takes no place. */
static void
test_selection_first_consideration(void **state)
{
	const char *prev[] = { "E7", "E3", "E8" };	/* E8 did not apply */
	struct applicant v[] = { A("E1", "2001-01-01", ER_NONE),
	    A("E3", "2019-01-01", ER_NONE), A("E7", "2021-01-01", ER_NONE),
	    A("E4", "2005-01-01", ER_NONE) };

	(void)state;
	run(v, NELEM(v), 3, PROFILE_ILLINOIS, prev, NELEM(prev));
	assert_string_equal(ids(v, NELEM(v)), "E7 E3 E1 E4");
	assert_int_equal(v[0].first_consideration, 1);
	assert_int_equal(v[1].first_consideration, 2);
	assert_int_equal(v[2].first_consideration, 0);
	assert_int_equal(v[2].result, APP_SELECTED);
	assert_int_equal(v[3].result, APP_WAITING);
	assert_int_equal(v[3].waiting, 1);
}

/* An applicant who is not eligible on the period's last day is listed
 * apart, after the order, by seniority date then id, with the reason;
 * an ineligible one on the previous waiting list gets no first place. */
static void
test_selection_ineligible_apart(void **state)
{
	const char *prev[] = { "E6" };
	struct applicant v[] = { A("E6", "2000-01-01", ER_STATUS),
	    A("E2", "2012-01-01", ER_NONE), A("E4", "1999-01-01",
	    ER_ORIGINAL_PROBATION), A("E3", "2011-01-01", ER_NONE) };

	(void)state;
	run(v, NELEM(v), 1, PROFILE_ILLINOIS, prev, NELEM(prev));
	assert_string_equal(ids(v, NELEM(v)), "E3 E2 E4 E6");
	assert_int_equal(v[0].result, APP_SELECTED);
	assert_int_equal(v[1].result, APP_WAITING);
	assert_int_equal(v[2].result, APP_NOT_ELIGIBLE);
	assert_int_equal(v[2].reason, ER_ORIGINAL_PROBATION);
	assert_int_equal(v[3].result, APP_NOT_ELIGIBLE);
	assert_int_equal(v[3].position, 4);
	assert_int_equal(v[3].waiting, 0);
	assert_string_equal(elig_reason_name(v[3].reason), "STATUS");
}

/* A null capacity takes everyone; 0 takes no one; more places than
 * applicants takes all of them, in the same order. */
static void
test_selection_capacity(void **state)
{
	struct applicant v[] = { A("E1", "2001-01-01", ER_NONE),
	    A("E2", "2002-01-01", ER_NONE), A("E3", "2003-01-01", ER_NONE) };
	long caps[] = { -1, 0, 3, 10 };
	size_t c, i;

	(void)state;
	for (c = 0; c < NELEM(caps); c++) {
		run(v, NELEM(v), caps[c], PROFILE_ILLINOIS, NULL, 0);
		assert_string_equal(ids(v, NELEM(v)), "E1 E2 E3");
		for (i = 0; i < NELEM(v); i++) {
			assert_int_equal(v[i].result, caps[c] == 0 ?
			    APP_WAITING : APP_SELECTED);
			assert_int_equal(v[i].waiting, caps[c] == 0 ?
			    (long)i + 1 : 0);
		}
	}
	run(v, 0, 5, PROFILE_ILLINOIS, NULL, 0);	/* no applicant */
}

/* California: umpress lists the coordinator's decision, not its own;
 * an application needs the supervisor's approval; the selected first
 * (by seniority), then the others, whatever their kind, by seniority. */
static void
test_selection_california(void **state)
{
	struct applicant v[] = { A("C1", "2010-01-01", ER_NONE),
	    A("C2", "2008-01-01", ER_NONE), A("C3", "2005-01-01", ER_NONE),
	    A("C4", "2001-01-01", ER_NOT_LPEL), A("C5", "2015-01-01",
	    ER_NONE), A("C6", "2014-01-01", ER_NONE) };

	(void)state;
	v[0].decision = DEC_SELECTED;
	v[1].decision = DEC_NOT_SELECTED;
	v[2].approved = 0;
	v[2].decision = DEC_SELECTED;	/* without approval: not counted */
	v[4].decision = DEC_SELECTED;
	/* v[5]: no decision yet */
	run(v, NELEM(v), 1, PROFILE_CALIFORNIA, NULL, 0);
	assert_string_equal(ids(v, NELEM(v)), "C1 C5 C4 C3 C2 C6");
	assert_int_equal(v[0].result, APP_SELECTED);
	assert_int_equal(v[1].result, APP_SELECTED);	/* capacity unused */
	assert_int_equal(v[2].result, APP_NOT_ELIGIBLE);
	assert_int_equal(v[3].result, APP_NOT_APPROVED);
	assert_int_equal(v[4].result, APP_NOT_SELECTED);
	assert_int_equal(v[5].result, APP_PENDING);
	assert_string_equal(app_result_name(v[5].result), "pending");
	assert_string_equal(app_result_name(APP_WAITING), "waiting_list");
	assert_int_equal(v[5].position, 6);
}

/* The same applicants in any order give the same list. */
static void
test_selection_total_order(void **state)
{
	struct applicant a[] = { A("E3", "2010-01-01", ER_NONE),
	    A("E1", "2010-01-01", ER_NONE), A("E2", "2010-01-01", ER_STATUS),
	    A("E4", "2009-01-01", ER_NONE) };
	struct applicant b[NELEM(a)];
	char first[512];
	size_t i;

	(void)state;
	run(a, NELEM(a), 1, PROFILE_ILLINOIS, NULL, 0);
	strcpy(first, ids(a, NELEM(a)));
	for (i = 0; i < NELEM(a); i++)
		b[i] = a[NELEM(a) - 1 - i];
	run(b, NELEM(b), 1, PROFILE_ILLINOIS, NULL, 0);
	assert_string_equal(ids(b, NELEM(b)), first);
	assert_string_equal(first, "E4 E1 E3 E2");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_selection_seniority_and_ties),
		cmocka_unit_test(test_selection_first_consideration),
		cmocka_unit_test(test_selection_ineligible_apart),
		cmocka_unit_test(test_selection_capacity),
		cmocka_unit_test(test_selection_california),
		cmocka_unit_test(test_selection_total_order),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);

	arena_free(&ar);
	return rc;
}
