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
#include <stdio.h>
#include <stdlib.h>
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

/*
 * IL IV.A, IV.B at scale: 5,000 applicants in shuffled order, 2,000 of
 * them on a previous waiting list of 3,000 (also shuffled; a third of it
 * did not apply again), some not eligible, many sharing a seniority
 * date.  The result is the reference's: places found by a linear search
 * of the previous list, then the order of rules.md written out here.
 */
#define BIG_N 5000
#define BIG_PREV 3000

static char big_id[BIG_N + BIG_PREV][12];
static long big_place[BIG_N];		/* the reference's IV.B place */

static unsigned long big_seed;

static size_t
big_rand(size_t n)
{
	big_seed = big_seed * 6364136223846793005UL + 1442695040888963407UL;
	return (size_t)((big_seed >> 33) % n);
}

/* The reference order (rules.md "Selection", cli.md's list). */
static int
big_ref_cmp(const void *x, const void *y)
{
	const struct applicant *a = x, *b = y;
	long pa = big_place[a->rowid], pb = big_place[b->rowid];
	int ga = a->reason != ER_NONE, gb = b->reason != ER_NONE;

	if (ga != gb)
		return ga - gb;
	if (!ga && pa != pb) {
		if (pa == 0 || pb == 0)
			return pa == 0 ? 1 : -1;
		return pa < pb ? -1 : 1;
	}
	if (a->seniority_date != b->seniority_date)
		return a->seniority_date < b->seniority_date ? -1 : 1;
	return strcmp(a->id, b->id);
}

static void
test_selection_large_shuffled(void **state)
{
	static struct applicant v[BIG_N], ref[BIG_N];
	static const char *prev[BIG_PREV];
	struct applicant t;
	const char *p;
	long capacity = 1500, taken = 0, waiting = 0;
	size_t i, j;

	(void)state;
	big_seed = 16;
	for (i = 0; i < BIG_N + BIG_PREV; i++)
		snprintf(big_id[i], sizeof(big_id[i]), "E%06zu", i);
	for (i = 0; i < BIG_N; i++) {
		v[i] = A(big_id[i], "2000-01-01", i % 7 == 3 ? ER_STATUS :
		    ER_NONE);
		v[i].seniority_date += (day_t)big_rand(400);
		v[i].rowid = (long long)i;
	}
	/* The previous waiting list: applicants 0..1999 and 1,000 who did
	 * not apply again, in a shuffled order. */
	for (i = 0; i < BIG_PREV; i++)
		prev[i] = big_id[i < 2000 ? i : BIG_N + i];
	for (i = BIG_PREV - 1; i > 0; i--) {
		j = big_rand(i + 1);
		p = prev[i], prev[i] = prev[j], prev[j] = p;
	}
	for (i = BIG_N - 1; i > 0; i--) {
		j = big_rand(i + 1);
		t = v[i], v[i] = v[j], v[j] = t;
	}
	for (i = 0; i < BIG_N; i++) {
		big_place[v[i].rowid] = 0;
		for (j = 0; j < BIG_PREV && v[i].reason == ER_NONE; j++)
			if (strcmp(prev[j], v[i].id) == 0) {
				big_place[v[i].rowid] = (long)j + 1;
				break;
			}
	}
	memcpy(ref, v, sizeof(v));
	qsort(ref, BIG_N, sizeof(ref[0]), big_ref_cmp);
	run(v, BIG_N, capacity, PROFILE_ILLINOIS, prev, BIG_PREV);
	for (i = 0; i < BIG_N; i++) {
		assert_string_equal(v[i].id, ref[i].id);
		assert_int_equal(v[i].position, (long)i + 1);
		if (ref[i].reason != ER_NONE) {
			assert_int_equal(v[i].result, APP_NOT_ELIGIBLE);
			continue;
		}
		assert_int_equal(v[i].first_consideration,
		    big_place[ref[i].rowid]);
		if (taken < capacity) {
			assert_int_equal(v[i].result, APP_SELECTED);
			taken++;
		} else {
			assert_int_equal(v[i].result, APP_WAITING);
			assert_int_equal(v[i].waiting, ++waiting);
		}
	}
	assert_int_equal(taken, capacity);
	assert_true(waiting > 0);
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
		cmocka_unit_test(test_selection_large_shuffled),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);

	arena_free(&ar);
	return rc;
}
