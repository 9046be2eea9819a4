/*
 * select.c: the selection of one registration period (rules.md
 * "Selection"; IL IV, CA "Upward Mobility Application").
 *
 * PURE, like rules.c: from the applicants of one period, whose
 * eligibility on the period's last day the caller has found (E1/E2), to
 * the order of the period's list, each applicant's result and position.
 * No I/O, no clock; scratch memory comes from the caller's arena.
 *
 * Illinois (IV.A, IV.B): when more eligible employees apply than the
 * period's capacity, they are taken by seniority, those on the previous
 * period's waiting list first, in their order there.  A null capacity
 * takes everyone.  California: the department decides on the
 * guidelines' factors; umpress lists and counts the coordinator's
 * decision (and an application needs the supervisor's approval).
 */
#include <stdlib.h>
#include <string.h>

#include "model.h"

/* An applicant's place in the previous period's waiting list (IL IV.B),
 * or -1 when not on it. */
static long
prev_place(const struct applicant *a, const char *const *sorted,
    const long *place, size_t nprev)
{
	size_t lo = 0, hi = nprev, mid;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((c = strcmp(a->id, sorted[mid])) == 0)
			return place[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return -1;
}

/* The group of the list an applicant is in: 0 those in selection order
 * (selected and waiting list), 1 the others. */
static int
group(const struct applicant *a)
{
	return a->result == APP_SELECTED || a->result == APP_WAITING ? 0 : 1;
}

/* Seniority date, earliest first, then the employee id (rules.md): a
 * total order, as the ids of one period are unique. */
static int
seniority_cmp(const struct applicant *a, const struct applicant *b)
{
	if (a->seniority_date != b->seniority_date)
		return a->seniority_date < b->seniority_date ? -1 : 1;
	return strcmp(a->id, b->id);
}

/* IL IV.A, IV.B: the first consideration, then seniority. */
static int
order_cmp(const void *x, const void *y)
{
	const struct applicant *a = x, *b = y;
	long pa = a->first_consideration, pb = b->first_consideration;

	if (pa != pb) {
		if (pa == 0 || pb == 0)
			return pa == 0 ? 1 : -1;
		return pa < pb ? -1 : 1;
	}
	return seniority_cmp(a, b);
}

/* cli.md: the selected and the waiting list in selection order, then
 * the others by seniority date, then employee id. */
static int
list_cmp(const void *x, const void *y)
{
	const struct applicant *a = x, *b = y;
	int c;

	if ((c = group(a) - group(b)) != 0)
		return c;
	if (group(a) == 0)
		return order_cmp(a, b);
	return seniority_cmp(a, b);
}

/* What became of a California application (rules.md "Selection"). */
static enum app_result
ca_result(const struct applicant *a)
{
	if (a->reason != ER_NONE)
		return APP_NOT_ELIGIBLE;
	if (!a->approved)
		return APP_NOT_APPROVED;	/* CA: supervisor's approval */
	if (a->decision == DEC_SELECTED)
		return APP_SELECTED;
	return a->decision == DEC_NOT_SELECTED ? APP_NOT_SELECTED :
	    APP_PENDING;
}

/* IL IV.B: marks each applicant on the previous waiting list with its
 * place there (1 for the first), 0 for the others. */
static void
mark_first(struct applicant *v, size_t n, const char *const *prev,
    size_t nprev, struct arena *ar)
{
	const char **sorted;
	long *place;
	size_t i, j;

	if (nprev == 0)
		return;
	sorted = arena_alloc(ar, nprev * sizeof(*sorted));
	place = arena_alloc(ar, nprev * sizeof(*place));
	/* An insertion sort of ids with their places: a waiting list is
	 * the size of one period's applicants, and this runs once. */
	for (i = 0; i < nprev; i++) {
		for (j = i; j > 0 && strcmp(prev[i], sorted[j - 1]) < 0; j--) {
			sorted[j] = sorted[j - 1];
			place[j] = place[j - 1];
		}
		sorted[j] = prev[i];
		place[j] = (long)i + 1;
	}
	for (i = 0; i < n; i++) {
		v[i].first_consideration = prev_place(&v[i], sorted, place,
		    nprev);
		if (v[i].first_consideration < 0)
			v[i].first_consideration = 0;
	}
}

void
rule_select(struct applicant *v, size_t n, long capacity, enum profile prof,
    const char *const *prev, size_t nprev, struct arena *ar)
{
	long taken = 0, waiting = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		v[i].first_consideration = 0;
		v[i].waiting = 0;
		v[i].position = 0;
		if (prof == PROFILE_CALIFORNIA)
			v[i].result = ca_result(&v[i]);
		else
			/* Provisionally: the eligible are in the order. */
			v[i].result = v[i].reason == ER_NONE ? APP_WAITING :
			    APP_NOT_ELIGIBLE;
	}
	/* IL IV.B: first consideration for the next registration period;
	 * California names none. */
	if (prof == PROFILE_ILLINOIS)
		mark_first(v, n, prev, nprev, ar);
	xqsort(v, n, sizeof(*v), list_cmp);
	for (i = 0; i < n; i++) {
		v[i].position = (long)i + 1;
		if (prof != PROFILE_ILLINOIS || v[i].result != APP_WAITING)
			continue;
		/* IL IV.A: the first `capacity` are selected (null: all). */
		if (capacity < 0 || taken < capacity) {
			v[i].result = APP_SELECTED;
			taken++;
		} else
			v[i].waiting = ++waiting;
	}
}
