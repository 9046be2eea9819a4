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

/* One id of the previous period's waiting list with its place there
 * (IL IV.B). */
struct prev_entry {
	const char	*id;
	long		 place;		/* 1 for the first */
};

/* By id, then place: a total order, so that an id listed twice (no
 * valid record has one) keeps its first place wherever qsort puts it. */
static int
prev_cmp(const void *x, const void *y)
{
	const struct prev_entry *a = x, *b = y;
	int c;

	if ((c = strcmp(a->id, b->id)) != 0)
		return c;
	return a->place < b->place ? -1 : a->place > b->place;
}

/* bsearch's key against an entry: the id alone. */
static int
prev_key_cmp(const void *key, const void *y)
{
	return strcmp(key, ((const struct prev_entry *)y)->id);
}

/* An applicant's place in the previous period's waiting list (IL IV.B),
 * or 0 when not on it; sorted by prev_cmp. */
static long
prev_place(const struct applicant *a, const struct prev_entry *sorted,
    size_t nprev)
{
	const struct prev_entry *e;

	e = bsearch(a->id, sorted, nprev, sizeof(*sorted), prev_key_cmp);
	if (e == NULL)
		return 0;
	while (e > sorted && strcmp(e[-1].id, a->id) == 0)
		e--;		/* the first place of an id listed twice */
	return e->place;
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
 * place there (1 for the first), 0 for the others.  Sorted once and
 * searched per applicant, O((n + nprev) log nprev): a waiting list can
 * be as long as a period's applicants (issue 17: 20,000 of them). */
static void
mark_first(struct applicant *v, size_t n, const char *const *prev,
    size_t nprev, struct arena *ar)
{
	struct prev_entry *sorted;
	size_t i;

	if (nprev == 0)
		return;
	sorted = arena_alloc(ar, nprev * sizeof(*sorted));
	for (i = 0; i < nprev; i++) {
		sorted[i].id = prev[i];
		sorted[i].place = (long)i + 1;
	}
	qsort(sorted, nprev, sizeof(*sorted), prev_cmp);
	for (i = 0; i < n; i++)
		v[i].first_consideration = prev_place(&v[i], sorted, nprev);
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
