/*
 * rules.c: the rules of rules.md (shared/contracts/rules.md, as revised
 * 2026-12-04), for one employee as of one date.
 *
 * PURE: everything comes from the arguments (the history, the catalog,
 * the settings, the profile, the as-of date).  Nothing here opens a file,
 * queries a database, reads a clock or keeps state between calls, so each
 * rule is tested on its own (tests/unit/test_rules.c, test_ID_what).
 * Arrays of the answer go into the arena the caller passes.  No function
 * here can fail.  Every rule is linear in the history's rows, or small
 * (a pass over the rows that overlap one row); the history's arrays come
 * in the reader's order (struct history), which the rules rely on.
 *
 * The profile chooses the rules (rules.md's opening): illinois applies
 * E1, E3, E4, T, X, C, O, M, G, P1's PLAN_MISSING and N1-N5; california
 * applies E2, P1, P2, N1, N2 and N4.
 *
 * Readings of rules.md where it leaves a choice (each is repeated at the
 * rule):
 *  - A date that ends a period is inside it: the exam window's and a
 *    grade's end day is still CLOSING / EXPIRING (and a grade is still
 *    valid on lists that day); EXPIRED is the day after.
 *  - A dual title with no route counts as a certificate (T1) and is on
 *    the exam route (X1-X4): the exam is the way a dual title is earned
 *    until the degree route is chosen.
 *  - "Classes" leave labs out everywhere they are counted (C1, C2, C3,
 *    C5, C6, C7, the annual course counts), as C1 says a lab counts 0.
 *    Rules about courses in general keep them: a lab's hours earn time
 *    off (O1, N5), the program pays for it (M1), dropping it needs a
 *    revised plan (C4), planning it on leave needs approval (E3).
 *  - X1's window is "current" while the as-of date is on or before its
 *    end: after it the scores are erased (VII.G), so X2 lists no section
 *    and no retest date until an attempt opens a new window.
 *  - Rows dated after the as-of date are read as they are unless the rule
 *    itself speaks of the as-of date (C2, C6, C7, O1, O2, P2, N1, N5,
 *    participation).  The annual figures evaluated on an earlier day
 *    (withdrawal_candidates) read only what had happened by that day.
 *  - P1 and C6 concern enrolled participants: the current (latest
 *    enrolled_on) enrollment is active and the employee eligible (one
 *    E4 withdraws, or who has left state service, is not asked to write
 *    a plan or keep active); E4 participants: active or suspended.  N1
 *    and N5 are not raised for an employee who has left state service.
 *  - An alert's date is the date its rule names (rules.md "Next steps"),
 *    else DAY_NONE: E3, E4, T1, T2, C1, C2, C3, C5, C7, O2, P1 and N3
 *    name none.
 *
 * Where the seed says something else than rules.md, the seed wins; each
 * such place cites it and the coordinator's decision (docs/decisions.md)
 * at the rule: E3 (enrolment on leave), X2 (a month after the first
 * exam), C6 (enrolling is activity; dated), M2 (an enrolled course
 * binds), G3 (XII.D: target titles), N2 (a withdrawal's year), E4's and
 * N2's facts for the words (promotion out, a provisional decision).
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"	/* and core.h: nothing of I/O, records or templates */

/* IL VII.G: military leave stops the exam window's clock from this day. */
#define MILITARY_FROM_Y 2016
#define MILITARY_FROM_M 4
/* rules.md C1: the grouping is exact up to this many short courses. */
#define C1_EXACT 20
/* ---- helpers ----------------------------------------------------------- */

/* Equal strings; NULL equals only NULL (rows are validated, but be safe). */
static int
streq(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* a + b for non-negative cents, saturating instead of overflowing. */
static int64_t
cents_add(int64_t a, int64_t b)
{
	return a > INT64_MAX - b ? INT64_MAX : a + b;
}

static int
in_fy(day_t t, int fy)
{
	return t != DAY_NONE && t >= date_fy_start(fy) && t <= date_fy_end(fy);
}

/* The last day the calendar holds (rules.md dates are years 1000-9999). */
static day_t
day_last(void)
{
	return date_from_ymd(9999, 12, 31);
}

/* t + n days, kept inside the calendar. */
static day_t
day_plus(day_t t, int64_t n)
{
	int64_t r = (int64_t)t + n;

	return r > day_last() ? day_last() : (day_t)r;
}

/* C1: counted courses are enrolled, completed, dropped or failed. */
static int
counted_status(enum course_status s)
{
	return s == CS_ENROLLED || s == CS_COMPLETED || s == CS_DROPPED ||
	    s == CS_FAILED;
}

/* A counted class: counted status and not a lab (C1 "counts 0"). */
static int
counted_class(const struct course *c)
{
	return counted_status(c->status) && c->lab_for == 0;
}

static int
dropped_or_failed(const struct course *c)
{
	return c->status == CS_DROPPED || c->status == CS_FAILED;
}

/* Planned or enrolled: a class being studied or about to be. */
static int
studying(const struct course *c)
{
	return c->status == CS_PLANNED || c->status == CS_ENROLLED;
}

/* The later of two dates, DAY_NONE counting as earliest. */
static day_t
day_max(day_t a, day_t b)
{
	return a == DAY_NONE ? b : b == DAY_NONE ? a : a > b ? a : b;
}

/* A course's last day; with none recorded it has not ended. */
static day_t
course_end(const struct course *c)
{
	return c->ends_on == DAY_NONE ? INT32_MAX : c->ends_on;
}

/*
 * Appends an alert and returns it, for the caller to set the fields
 * only some alerts have.  The array doubles in the arena whenever its
 * length reaches a power of two, so n alerts cost O(n) copies.
 */
static struct alert *
alert(struct packet *p, struct arena *a, enum alert_code code, day_t on,
    const char *class_code, long count)
{
	struct alert *n;
	size_t cap;

	if (p->nalerts == 0 || (p->nalerts & (p->nalerts - 1)) == 0) {
		cap = p->nalerts ? 2 * p->nalerts : 4;
		n = arena_alloc(a, cap * sizeof(*n));
		if (p->nalerts)
			memcpy(n, p->alerts, p->nalerts * sizeof(*n));
		p->alerts = n;
	}
	n = &p->alerts[p->nalerts++];
	n->code = code;
	n->on = on;
	n->class_code = class_code;
	n->count = count < 0 ? 0 : count;
	return n;
}

/*
 * A deadline alert (X1, G1): within warn days of end (end included),
 * the closing code; after end, the expired code.
 */
static void
deadline_alert(struct packet *p, struct arena *a, day_t end, int warn,
    enum alert_code closing, enum alert_code expired, const char *code)
{
	if (end == DAY_NONE)
		return;
	if (p->as_of > end)
		alert(p, a, expired, end, code, 0);
	else if ((int64_t)p->as_of >= (int64_t)end - warn)
		alert(p, a, closing, end, code, 0);
}

/*
 * An enrolled participant (P1, C6): the current enrollment is active and
 * the employee eligible.  One who is not (E4: withdrawn for it; or gone
 * from state service) is not asked to write a plan or keep active.
 */
static int
enrolled_participant(const struct packet *p)
{
	return p->enrollment != NULL && p->enrollment->status == ENR_ACTIVE &&
	    p->eligible;
}

/* ---- eligibility (E1, E2, E3, E4) -------------------------------------- */

static int
not_separated(const struct employee *e, day_t on)
{
	return e->separated_on == DAY_NONE || e->separated_on > on;
}

/*
 * E1: a bargaining unit whose contract includes the program: any unit
 * when site.yaml lists none, else one of covered_bargaining_units.
 */
static int
covered_unit(const struct settings *s, const char *bu)
{
	size_t i;

	if (bu == NULL)
		return 0;
	if (s->covered_units == NULL)
		return 1;
	for (i = 0; i < s->ncovered_units; i++)
		if (streq(s->covered_units[i], bu))
			return 1;
	return 0;
}

/*
 * IL II.A (E1): (a) certified (permanent) or promotional probationary
 * employees in a covered bargaining unit; (b) employees outside any
 * bargaining unit whose class is a program title ("a non-bargaining unit
 * position classification for which a certificate or a credential is
 * issued"), whatever their status.  The first reason that applies, in
 * rules.md's order.  Layoff does not end eligibility (IL II.C).
 */
static enum elig_reason
rule_e1(const struct employee *e, const struct catalog *c,
    const struct settings *s, day_t on)
{
	const struct title *t;

	if (!not_separated(e, on))
		return ER_SEPARATED;
	if (covered_unit(s, e->bargaining_unit)) {
		if (e->status == ST_LIMITED_TERM || e->status == ST_TEMPORARY)
			return ER_STATUS;
		if (e->status == ST_PROBATIONARY &&
		    e->probation == PROB_ORIGINAL)
			return ER_ORIGINAL_PROBATION;
		return ER_NONE;
	}
	t = catalog_find(c, e->class_code);
	if (e->bargaining_unit == NULL && t != NULL && t->kind != KIND_NONE)
		return ER_NONE;
	return ER_NOT_COVERED;
}

/* CA "Low-Paying Entry-Level Classifications" (E2). */
static enum elig_reason
rule_e2(const struct employee *e, const struct catalog *c, day_t on)
{
	const struct title *t = catalog_find(c, e->class_code);

	if (!not_separated(e, on))
		return ER_SEPARATED;
	return t != NULL && t->category == CAT_LPEL ? ER_NONE : ER_NOT_LPEL;
}

enum elig_reason
rule_elig_reason(const struct history *h, const struct catalog *c,
    const struct settings *s, enum profile prof, day_t on)
{
	if (prof == PROFILE_CALIFORNIA)
		return rule_e2(&h->emp, c, on);
	return rule_e1(&h->emp, c, s, on);
}

int
rule_eligible(const struct history *h, const struct catalog *c,
    const struct settings *s, enum profile prof, day_t on)
{
	return rule_elig_reason(h, c, s, prof, on) == ER_NONE;
}

/*
 * IL IV.C (E3): on a leave other than education or paid military leave
 * on the day: employees.leave says so, or a leaves row of kind other or
 * military_unpaid covers the day (an open row lasts).  *since gets the
 * day the leave began: the earliest start of the rows covering the day,
 * or DAY_NONE for employees.leave, which records no start.
 */
static int
blocking_leave(const struct history *h, day_t day, day_t *since)
{
	const struct leave_row *l;
	int on = 0;
	size_t i;

	*since = DAY_NONE;
	if (h->emp.leave == LEAVE_OTHER)
		return 1;
	for (i = 0; i < h->nleaves; i++) {
		l = &h->leaves[i];
		if ((l->kind != LK_OTHER && l->kind != LK_MILITARY_UNPAID) ||
		    l->starts_on == DAY_NONE || l->starts_on > day ||
		    (l->ends_on != DAY_NONE && l->ends_on < day))
			continue;
		if (!on || l->starts_on < *since)
			*since = l->starts_on;
		on = 1;
	}
	return on;
}

/*
 * IL IV.C (E3): such a leave, and a course planned, or enrolled on or
 * after the leave began (its status_on): a course enrolled before it is
 * no enrolment on leave.  IV.C forbids enrolling "except with the prior
 * approval": the seed over rules.md, which counts every enrolled course
 * (coordinator's decision 1.12).  employees.leave has no start: it
 * covers every enrolled course.
 */
static void
rule_e3(const struct history *h, struct packet *p, struct arena *a)
{
	const struct course *c;
	day_t since;
	long n = 0;
	size_t i;

	p->on_leave = blocking_leave(h, p->as_of, &since);
	if (!p->on_leave)
		return;
	for (i = 0; i < h->ncourses; i++) {
		c = &h->courses[i];
		n += c->status == CS_PLANNED || (c->status == CS_ENROLLED &&
		    (since == DAY_NONE || (c->status_on != DAY_NONE &&
		    c->status_on >= since)));
	}
	if (n > 0)
		alert(p, a, AL_LEAVE_BLOCKS_ENROLLMENT, DAY_NONE, NULL, n);
}

/*
 * IL II.B (E4): a participant (active or suspended) who is no longer
 * eligible, for a reason other than separation, is withdrawn.
 */
static void
rule_e4(const struct history *h, struct packet *p, struct arena *a)
{
	const struct appointment *ap;
	size_t i;

	if (p->enrollment == NULL || p->enrollment->status == ENR_WITHDRAWN ||
	    p->eligibility_reason == ER_NONE ||
	    p->eligibility_reason == ER_SEPARATED)
		return;
	alert(p, a, AL_NO_LONGER_ELIGIBLE, DAY_NONE, NULL, 0);
	/* II.B's "promoted into non-eligible position titles": appointed
	 * to the current class after the enrollment began (the words say
	 * "withdrawn" only then; coordinator's decision 1.8). */
	for (i = 0; i < h->nappointments; i++) {
		ap = &h->appointments[i];
		if (streq(ap->to_class_code, h->emp.class_code) &&
		    ap->appointed_on != DAY_NONE &&
		    p->enrollment->enrolled_on != DAY_NONE &&
		    ap->appointed_on > p->enrollment->enrolled_on)
			p->promoted_to = ap;	/* the latest */
	}
}

/* ---- target titles (IL V) ---------------------------------------------- */

/* IL V.A (T1): a dual title counts by its route; with none, certificate. */
static enum title_kind
counts_as(const struct title *t, const struct target *tg)
{
	if (t->kind == KIND_DUAL)
		return tg->route == ROUTE_DEGREE ? KIND_CREDENTIAL :
		    KIND_CERTIFICATE;
	return t->kind;
}

/* IL VII: exams for certificate titles and dual titles not on degree. */
static int
on_exam_route(const struct title *t, const struct target *tg)
{
	return t->kind == KIND_CERTIFICATE ||
	    (t->kind == KIND_DUAL && tg->route != ROUTE_DEGREE);
}

/* IL V.A (T1): at most 1 credential and 2 certificate titles at once. */
static void
rule_t1(const struct settings *s, struct packet *p, struct arena *a)
{
	long cert = 0, cred = 0;
	size_t i;

	for (i = 0; i < p->ntargets; i++) {
		cert += p->targets[i].counts_as == KIND_CERTIFICATE;
		cred += p->targets[i].counts_as == KIND_CREDENTIAL;
	}
	if (cert > s->max_certificate_targets ||
	    cred > s->max_credential_targets)
		alert(p, a, AL_TARGET_LIMIT, DAY_NONE, NULL, cert + cred);
}

/*
 * IL V.C (T2): a credential needing a master's or doctorate, targeted
 * without a bachelor's.  A dual title on the degree route is earned as a
 * credential, so its degree requirement applies too.
 */
static void
rule_t2(const struct history *h, const struct target_view *tv,
    struct packet *p, struct arena *a)
{
	if (tv->counts_as == KIND_CREDENTIAL &&
	    tv->title->degree >= DEG_MASTER &&
	    h->emp.highest_degree < DEG_BACHELOR)
		alert(p, a, AL_CREDENTIAL_NEEDS_BACHELOR, DAY_NONE,
		    tv->t->class_code, 0);
}

/*
 * IL V.B (T3): targeted on or after the freeze date, unless the employee
 * holds a grade for the title, expired or not (XII.C: "may re-target
 * the title without appeal").  Dated the freeze.
 */
static void
rule_t3(const struct target_view *tv, struct packet *p, struct arena *a)
{
	if (tv->title->frozen_on != DAY_NONE && tv->t->targeted_on != DAY_NONE
	    && tv->t->targeted_on >= tv->title->frozen_on && tv->grade == NULL)
		alert(p, a, AL_TITLE_FROZEN, tv->title->frozen_on,
		    tv->t->class_code, 0);
}

/* ---- proficiency exams (IL VII) ---------------------------------------- */

/*
 * IL VII.G (X1): the day on which `need` days that are not military
 * leave, counted from first, have passed: rules.md's end = base + M once
 * M stops moving, found directly (the least fixed point, the one the
 * iteration from M = 0 reaches).  Military leave counts from 1 April
 * 2016; an open row lasts through the as-of date; rows come by
 * starts_on, and a day two rows cover counts once.
 */
static day_t
skip_military(const struct history *h, day_t first, int64_t need,
    day_t as_of)
{
	day_t from = date_from_ymd(MILITARY_FROM_Y, MILITARY_FROM_M, 1);
	day_t pos = first, s, e;
	const struct leave_row *l;
	size_t i;

	for (i = 0; i < h->nleaves; i++) {
		l = &h->leaves[i];
		if ((l->kind != LK_MILITARY_PAID &&
		    l->kind != LK_MILITARY_UNPAID) || l->starts_on == DAY_NONE)
			continue;
		s = day_max(day_max(l->starts_on, from), pos);
		e = l->ends_on != DAY_NONE ? l->ends_on : as_of;
		if (e < s)
			continue;
		if (need <= (int64_t)s - pos)
			break;
		need -= (int64_t)s - pos;
		if (e >= day_last())
			return day_last();
		pos = e + 1;
	}
	return day_plus(pos, need);
}

/*
 * IL VII.G (X1): days of the title's extensions granted in [first, end]
 * ("an extension counts for the window its granted_on falls in"), kept
 * below what the calendar holds.
 */
static int64_t
extension_days(const struct history *h, const char *code, day_t first,
    day_t end)
{
	const struct exam_extension *x;
	int64_t n = 0;
	size_t i;

	for (i = 0; i < h->nextensions; i++) {
		x = &h->extensions[i];
		if (streq(x->class_code, code) && x->days > 0 &&
		    x->granted_on != DAY_NONE && x->granted_on >= first &&
		    x->granted_on <= end && n < 10000000)
			n += x->days;
	}
	return n;
}

/*
 * IL VII.G (X1): the window's end, (first + 3 years) + (M + X) days.
 * Both M and X grow with the end they move; each round takes in at least
 * one more extension, so this stops after at most nextensions + 1.
 * *x gets X.
 */
static day_t
window_end(const struct history *h, const struct settings *s,
    const char *code, day_t first, day_t as_of, int64_t *x)
{
	day_t base = date_add_years(first, s->exam_window_years), end;
	int64_t nx;

	*x = 0;
	for (;;) {
		end = skip_military(h, first, (int64_t)base - first + *x,
		    as_of);
		nx = extension_days(h, code, first, end);
		if (nx <= *x)
			return end;
		*x = nx;
	}
}

/* The window's figures on the view (X1): shown only while ungraded. */
static void
window_set(const struct settings *s, struct target_view *tv, day_t end,
    int64_t x)
{
	int64_t m = (int64_t)end - date_add_years(tv->first_exam_on,
	    s->exam_window_years) - x;

	if (tv->grade != NULL)
		return;
	tv->exam_window_ends_on = end;
	tv->extension_days = x > INT_MAX ? INT_MAX : (int)x;
	tv->military_days = m < 0 ? 0 : m > INT_MAX ? INT_MAX : (int)m;
}

/*
 * IL VII.F, VII.G (X1, X4): walks the title's attempts in date order.  A
 * window that ended without a grade is over (the scores are erased), and
 * so are the title's attempts after a final attempt that left its
 * section not proficient; the first attempt dated after either opens a
 * new window.  Returns the index of the current window's first attempt,
 * or h->nattempts when X2 has no attempt to read.
 */
static size_t
exam_scan(const struct history *h, const struct settings *s, day_t as_of,
    struct target_view *tv)
{
	const struct exam_attempt *x;
	day_t end = DAY_NONE, final = DAY_NONE;
	size_t i, from = h->nattempts;
	int64_t ext = 0;

	for (i = 0; i < h->nattempts; i++) {
		x = &h->attempts[i];
		if (!streq(x->class_code, tv->t->class_code) ||
		    x->taken_on == DAY_NONE ||
		    (final != DAY_NONE && x->taken_on <= final))
			continue;	/* another title, or the final exam */
		if (final != DAY_NONE || from == h->nattempts ||
		    x->taken_on > end) {
			if (from != h->nattempts && final == DAY_NONE) {
				tv->restarted = 1;
				tv->restarted_after = end;
			}
			final = DAY_NONE;
			from = i;
			tv->first_exam_on = x->taken_on;
			end = window_end(h, s, x->class_code, x->taken_on,
			    as_of, &ext);
		}
		if (x->final && !x->proficient)
			final = x->taken_on;
	}
	if (final != DAY_NONE) {
		/* X4: the scores are erased; X1 and X2 no longer apply. */
		tv->final_attempt_on = final;
		tv->retarget_allowed_on = date_add_months(final,
		    RULE_RETARGET_MONTHS);
		tv->first_exam_on = DAY_NONE;
		return h->nattempts;
	}
	if (from == h->nattempts)
		return from;
	window_set(s, tv, end, ext);
	return as_of > end ? h->nattempts : from;
}

/* The section was seen among the first n. */
static int
section_seen(const char *const *seen, size_t n, const char *section)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (streq(seen[i], section))
			return 1;
	return 0;
}

static int
section_cmp(const void *a, const void *b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;

	return strcmp(x ? x : "", y ? y : "");
}

/*
 * IL VII.E (X2): the day after the end of a completed course for the
 * title that ended after the attempt, the earliest; or DAY_NONE.
 */
static const struct course *
retest_course(const struct history *h, const char *code, day_t after)
{
	const struct course *c, *best = NULL;
	size_t i;

	for (i = 0; i < h->ncourses; i++) {
		c = &h->courses[i];
		if (c->status == CS_COMPLETED && streq(c->class_code, code) &&
		    c->ends_on != DAY_NONE && c->ends_on > after &&
		    (best == NULL || c->ends_on < best->ends_on))
			best = c;
	}
	return best;
}

/*
 * IL VII.B, VII.E (X2): the sections of the current window whose latest
 * attempt is not proficient, sorted by name; the retest is allowed 30
 * days after the latest such attempt, or the day after a completed
 * course for the title that ended after it, whichever comes first.
 * After the window's first attempt the wait is one month (VII.B Option
 * 1: "Take the exam. Wait one (1) month and retest"; later, "Wait thirty
 * (30) days"): the seed over rules.md's 30 days for every attempt
 * (coordinator's decision 1.11).  Attempts from index `from` on; the
 * latest of a section is its last in the array (by taken_on, then
 * rowid).
 */
static void
rule_x2(const struct history *h, const struct settings *s, size_t from,
    struct target_view *tv, struct arena *a)
{
	const struct exam_attempt *x;
	const char **seen;
	day_t last = DAY_NONE;
	size_t i, n = 0, nseen = 0;

	tv->sections_not_proficient = arena_alloc(a, (h->nattempts + 1) *
	    sizeof(char *));
	seen = arena_alloc(a, (h->nattempts + 1) * sizeof(char *));
	for (i = h->nattempts; i-- > from;) {
		x = &h->attempts[i];
		if (!streq(x->class_code, tv->t->class_code) ||
		    section_seen(seen, nseen, x->section))
			continue;
		seen[nseen++] = x->section;
		if (x->proficient)
			continue;
		tv->sections_not_proficient[n++] = x->section;
		last = day_max(last, x->taken_on);
	}
	xqsort(tv->sections_not_proficient, n, sizeof(char *), section_cmp);
	tv->nsections_not_proficient = n;
	if (n == 0 || last == DAY_NONE)
		return;
	tv->next_exam_allowed_on = last == tv->first_exam_on ?
	    date_add_months(last, 1) : day_plus(last, s->retest_wait_days);
	tv->retest_course = retest_course(h, tv->t->class_code, last);
	if (tv->retest_course != NULL &&
	    tv->retest_course->ends_on + 1 < tv->next_exam_allowed_on)
		tv->next_exam_allowed_on = tv->retest_course->ends_on + 1;
	else
		tv->retest_course = NULL;
}

/* X3: attempt i is the first of its exam (same title, same date); the
 * attempts come by taken_on, so only the ones just before can match. */
static int
exam_first_attempt(const struct history *h, size_t i)
{
	size_t j;

	for (j = i; j-- > 0 &&
	    h->attempts[j].taken_on == h->attempts[i].taken_on;)
		if (streq(h->attempts[j].class_code, h->attempts[i].class_code))
			return 0;
	return 1;
}

/* IL VII.H (X3): exams in the half-year holding the day. */
static int
exams_in_half(const struct history *h, day_t day)
{
	size_t i;
	int n = 0;

	for (i = 0; i < h->nattempts; i++)
		n += h->attempts[i].taken_on != DAY_NONE &&
		    date_half(h->attempts[i].taken_on) == date_half(day) &&
		    exam_first_attempt(h, i);
	return n;
}

/* Exams (as X3 counts them) taken in fiscal year fy. */
static long
exams_in_fy(const struct history *h, int fy)
{
	size_t i;
	long n = 0;

	for (i = 0; i < h->nattempts; i++)
		n += in_fy(h->attempts[i].taken_on, fy) &&
		    exam_first_attempt(h, i);
	return n;
}

/* IL VII.H (X3): at most 2 exams without loss of pay a half-year. */
static void
rule_x3(const struct history *h, const struct settings *s,
    struct packet *p)
{
	p->exams_used = exams_in_half(h, p->as_of);
	p->exams_remaining = s->max_exams_per_half_year > p->exams_used ?
	    s->max_exams_per_half_year - p->exams_used : 0;
}

/* ---- grades and lists (IL XII, XIII) ----------------------------------- */

/* G1, G2: the latest grade issued for the title on or before the day
 * (INT32_MAX: any), expired or not. */
static const struct grade *
grade_by(const struct history *h, const char *code, day_t by)
{
	const struct grade *g = NULL;
	size_t i;

	for (i = 0; i < h->ngrades; i++)
		if (streq(h->grades[i].class_code, code) &&
		    h->grades[i].issued_on <= by && (g == NULL ||
		    h->grades[i].issued_on >= g->issued_on))
			g = &h->grades[i];
	return g;
}

/*
 * IL XII.C (G1): valid for 6 years from issued_on.  Any grade, A, B or
 * C, is handled alike (G2: a C is the grade of a credential holder
 * without the year of experience).
 */
static void
rule_g1(const struct history *h, const struct settings *s,
    struct target_view *tv)
{
	tv->grade = grade_by(h, tv->t->class_code, INT32_MAX);
	if (tv->grade != NULL && tv->grade->issued_on != DAY_NONE)
		tv->grade_expires_on = date_add_years(tv->grade->issued_on,
		    s->grade_valid_years);
}

/*
 * IL XIII.K-N (G2): the latest appointment through the program serves
 * 4 months of probation plus the title's Extended probation months, else
 * XIII.K's extension when the latest grade for the title issued by then
 * is a C ("up to eight (8) months": the latest possible end), else none.
 * Shown while the as-of date is on or before its end.
 */
static void
rule_g2(const struct history *h, const struct catalog *c, struct packet *p)
{
	struct probation_view *pv = &p->probation;
	const struct appointment *ap = NULL;
	const struct grade *g;
	size_t i;
	day_t end;

	for (i = 0; i < h->nappointments; i++)
		if (h->appointments[i].via_program &&
		    h->appointments[i].appointed_on != DAY_NONE)
			ap = &h->appointments[i];	/* by appointed_on */
	if (ap == NULL)
		return;
	pv->title = catalog_find(c, ap->to_class_code);
	g = grade_by(h, ap->to_class_code, ap->appointed_on);
	if (pv->title != NULL && pv->title->extended_probation >= 0)
		pv->extension_months = pv->title->extended_probation;
	else if (g != NULL && g->grade == 'C') {
		pv->extension_months = RULE_C_GRADE_MONTHS;
		pv->by_grade_c = 1;
	}
	end = date_add_months(ap->appointed_on, RULE_PROBATION_MONTHS +
	    pv->extension_months);
	if (p->as_of > end) {
		memset(pv, 0, sizeof(*pv));
		return;
	}
	pv->ap = ap;
	pv->ends_on = end;
	pv->return_right_ends_on = date_add_months(ap->appointed_on,
	    RULE_PROBATION_MONTHS);
}

/* Preference j comes before preference i of the same title, by rank. */
static int
pref_before(const struct history *h, size_t j, size_t i)
{
	const struct county_pref *x = &h->prefs[i], *y = &h->prefs[j];

	return j != i && streq(x->class_code, y->class_code) &&
	    (y->rank < x->rank || (y->rank == x->rank && j < i));
}

/* Preference i names a county named before it for the same title. */
static int
pref_repeat(const struct history *h, size_t i)
{
	size_t j;

	for (j = 0; j < h->nprefs; j++)
		if (pref_before(h, j, i) &&
		    streq(h->prefs[j].county, h->prefs[i].county))
			return 1;
	return 0;
}

/*
 * IL XII.F: preference i names one of the first max distinct counties
 * of its title, by rank (a county named twice counts once).
 */
static int
pref_within(const struct history *h, size_t i, int max)
{
	size_t j;
	int before = 0;

	if (pref_repeat(h, i))
		return 0;
	for (j = 0; j < h->nprefs; j++)
		before += pref_before(h, j, i) && !pref_repeat(h, j);
	return before < max;
}

/* IL XII.F: the counties named for the title, by rank, at most 3. */
static void
rule_counties(const struct history *h, const struct settings *s,
    struct target_view *tv)
{
	int max = s->max_counties < 3 ? s->max_counties : 3;
	size_t i, j, k, idx[3];

	for (i = 0; i < h->nprefs && tv->ncounties < 3; i++) {
		if (!streq(h->prefs[i].class_code, tv->t->class_code) ||
		    !pref_within(h, i, max))
			continue;
		/* insert by rank: the array need not be in rank order */
		for (k = tv->ncounties; k > 0 && pref_before(h, i, idx[k - 1]);
		    k--)
			idx[k] = idx[k - 1];
		idx[k] = i;
		tv->ncounties++;
	}
	for (j = 0; j < tv->ncounties; j++)
		tv->counties[j] = h->prefs[idx[j]].county;
}

/* ---- the targets ------------------------------------------------------- */

/* One open target: its kind, grade (G1), exams (X1, X2, X4), counties. */
static void
target_fill(const struct history *h, const struct settings *s,
    const struct target *tg, const struct title *t, struct target_view *tv,
    day_t as_of, struct arena *a)
{
	size_t from;

	memset(tv, 0, sizeof(*tv));
	tv->t = tg;
	tv->title = t;
	tv->counts_as = counts_as(t, tg);
	tv->exam_route = on_exam_route(t, tg);
	tv->first_exam_on = tv->exam_window_ends_on = DAY_NONE;
	tv->next_exam_allowed_on = tv->grade_expires_on = DAY_NONE;
	tv->final_attempt_on = tv->retarget_allowed_on = DAY_NONE;
	tv->restarted_after = DAY_NONE;
	rule_g1(h, s, tv);
	if (tv->exam_route) {
		from = exam_scan(h, s, as_of, tv);
		rule_x2(h, s, from, tv, a);
	}
	rule_counties(h, s, tv);
}

/*
 * IL V.A: open targets have ended_on null or after the as-of date.  A
 * target whose title is not in the catalog is left out.
 */
static void
targets_view(const struct history *h, const struct catalog *c,
    const struct settings *s, struct packet *p, struct arena *a)
{
	const struct target *tg;
	const struct title *t;
	size_t i;

	p->targets = arena_alloc(a, (h->ntargets + 1) * sizeof(*p->targets));
	for (i = 0; i < h->ntargets; i++) {
		tg = &h->targets[i];
		if (tg->ended_on != DAY_NONE && tg->ended_on <= p->as_of)
			continue;
		if ((t = catalog_find(c, tg->class_code)) == NULL)
			continue;
		target_fill(h, s, tg, t, &p->targets[p->ntargets++], p->as_of,
		    a);
	}
}

/* T1-T3, and the alerts of X1, X4 and G1 for each open target. */
static void
target_alerts(const struct history *h, const struct settings *s,
    struct packet *p, struct arena *a)
{
	const struct target_view *tv;
	size_t i;

	for (i = 0; i < p->ntargets; i++) {
		tv = &p->targets[i];
		rule_t2(h, tv, p, a);
		rule_t3(tv, p, a);
		/* IL VII.G (X1): within 180 days of the end; after it. */
		deadline_alert(p, a, tv->exam_window_ends_on, s->warning_days,
		    AL_EXAM_WINDOW_CLOSING, AL_EXAM_WINDOW_EXPIRED,
		    tv->t->class_code);
		/* IL VII.F, VII.G (X4): until 18 months after it. */
		if (tv->retarget_allowed_on != DAY_NONE &&
		    p->as_of < tv->retarget_allowed_on)
			alert(p, a, AL_FINAL_ATTEMPT_FAILED,
			    tv->retarget_allowed_on, tv->t->class_code, 0);
		/* IL XII.C (G1): within 180 days of expiry; after it. */
		deadline_alert(p, a, tv->grade_expires_on, s->warning_days,
		    AL_GRADE_EXPIRING, AL_GRADE_EXPIRED, tv->t->class_code);
	}
	rule_t1(s, p, a);
}

/* ---- classes (IL VIII, IX) --------------------------------------------- */

/* C1: two courses run at the same time unless one ends before the other
 * starts. */
static int
concurrent(const struct course *x, const struct course *y)
{
	return !(course_end(x) < y->starts_on || course_end(y) < x->starts_on);
}

/* C1: a course of at most 1 credit hour groups as a 1-credit course. */
static int
one_credit(const struct course *c)
{
	return c->credit_hours <= 1;
}

/* The lowest set bit of a non-zero mask. */
static int
low_bit(uint32_t m)
{
#if defined(__GNUC__)
	return __builtin_ctz(m);
#else
	int i = 0;

	while (!(m & 1)) {
		m >>= 1;
		i++;
	}
	return i;
#endif
}

/*
 * C1, exactly: the fewest groups for n <= C1_EXACT short courses, by a
 * dynamic program over the subsets: best[S] groups the courses of S; the
 * lowest course of S is alone, in a pair, or (all 1-credit) in a triple
 * with courses of S it does not run with.  2^n bytes in the arena and
 * O(2^n n^2) steps at most: a few hundred million for 20, which no real
 * record reaches (rules.md bounds the search for that).
 */
static int
c1_exact(const struct course *const *v, int n, struct arena *a)
{
	uint32_t comp[C1_EXACT] = {0}, one = 0, mask, rest, c2, c3;
	uint32_t full = n >= 32 ? UINT32_MAX : ((uint32_t)1 << n) - 1;
	uint8_t *best;
	int i, j, b;

	for (i = 0; i < n; i++) {
		one |= (uint32_t)one_credit(v[i]) << i;
		for (j = 0; j < n; j++)
			if (j != i && !concurrent(v[i], v[j]))
				comp[i] |= (uint32_t)1 << j;
	}
	best = arena_alloc(a, (size_t)full + 1);
	for (mask = 1; mask != 0 && mask <= full; mask++) {
		i = low_bit(mask);
		rest = mask & ~((uint32_t)1 << i);
		b = best[rest] + 1;
		for (c2 = rest & comp[i]; c2 != 0; c2 &= c2 - 1) {
			j = low_bit(c2);
			if (best[rest & ~((uint32_t)1 << j)] + 1 < b)
				b = best[rest & ~((uint32_t)1 << j)] + 1;
			if (!(one >> i & 1) || !(one >> j & 1))
				continue;
			/* a third 1-credit course after j, apart from both */
			for (c3 = (c2 & (c2 - 1)) & comp[j] & one; c3 != 0;
			    c3 &= c3 - 1)
				if (best[rest & ~((uint32_t)1 << j) &
				    ~((uint32_t)1 << low_bit(c3))] + 1 < b)
					b = best[rest & ~((uint32_t)1 << j) &
					    ~((uint32_t)1 << low_bit(c3))] + 1;
		}
		best[mask] = (uint8_t)b;
	}
	return best[full];
}

/* C1: course c may join the group g of size k (members before it). */
static int
c1_fits(const struct course *const *g, int k, const struct course *c)
{
	int i, all_one = one_credit(c);

	for (i = 0; i < k; i++) {
		if (concurrent(g[i], c))
			return 0;
		all_one &= one_credit(g[i]);
	}
	return k < 2 || (k < 3 && all_one);
}

/*
 * C1: a valid grouping: each course, in date order, joins the first
 * group it fits, else starts one.  The grouping beyond C1_EXACT courses
 * ("any valid grouping"), and the exact one's shortcut.
 */
static int
c1_greedy(const struct course *const *v, size_t n, struct arena *a)
{
	const struct course **g = arena_alloc(a, 3 * n * sizeof(*g));
	int *size = arena_alloc(a, n * sizeof(*size));
	size_t i, k, ng = 0;

	for (i = 0; i < n; i++) {
		for (k = 0; k < ng && !c1_fits(&g[3 * k], size[k], v[i]); k++)
			;
		if (k == ng)
			ng++;
		g[3 * k + (size_t)size[k]++] = v[i];
	}
	return (int)ng;
}

/*
 * C1: the fewest groups.  No grouping has fewer than ceil(twos / 2) +
 * ceil((ones - twos % 2) / 3) (a group with a 2-credit course holds at
 * most one more course); when the first fit reaches that bound it is
 * the answer, else the dynamic program finds it.
 */
static int
c1_fewest(const struct course *const *v, size_t n, struct arena *a)
{
	size_t i, ones = 0, twos, rest;
	int fit;

	if (n == 0)
		return 0;
	for (i = 0; i < n; i++)
		ones += one_credit(v[i]);
	twos = n - ones;
	rest = ones > twos % 2 ? ones - twos % 2 : 0;
	fit = c1_greedy(v, n, a);
	if ((size_t)fit == (twos + 1) / 2 + (rest + 2) / 3)
		return fit;
	return c1_exact(v, (int)n, a);
}

/*
 * IL VIII.B (C1): the count of the counted classes starting in fiscal
 * year fy.  Labs count 0, and so do courses exempt from the limit
 * (nursing and MSW courses taken together); 3 or more credit hours (or
 * unknown) count 1; the shorter ones count as the fewest groups of
 * courses no two of which run at the same time, each group at most three
 * 1-credit courses or at most two courses otherwise ("two non-concurrent
 * 1- or 2-credit-hour courses", "three non-concurrent 1-credit-hour
 * courses").  1.5 credit hours is a 2-credit course.
 */
int
rule_c1_count(const struct course *cs, size_t n, int fy, struct arena *a)
{
	const struct course **v = arena_alloc(a, (n + 1) * sizeof(*v));
	size_t i, nshort = 0;
	int big = 0;

	for (i = 0; i < n; i++) {
		if (!counted_class(&cs[i]) || cs[i].limit_exempt ||
		    !in_fy(cs[i].starts_on, fy))
			continue;
		if (cs[i].credit_hours < 0 || cs[i].credit_hours >= 3)
			big++;
		else
			v[nshort++] = &cs[i];
	}
	if (nshort > C1_EXACT)
		return big + c1_greedy(v, nshort, a);
	return big + c1_fewest(v, nshort, a);
}

/* IL VIII.B (C1): at most 8 classes in the fiscal year of the as-of. */
static void
rule_c1(const struct history *h, const struct settings *s,
    struct packet *p, struct arena *a)
{
	int n;

	p->classes_fy = date_fy(p->as_of);
	p->classes_counted = rule_c1_count(h->courses, h->ncourses,
	    p->classes_fy, a);
	n = s->max_classes_per_year - p->classes_counted;
	p->classes_remaining = n > 0 ? n : 0;
	if (p->classes_remaining == 0)
		alert(p, a, AL_CLASS_LIMIT_REACHED, DAY_NONE, NULL,
		    p->classes_counted);
}

/* The course runs on the day: starts_on <= day <= ends_on. */
static int
runs_on(const struct course *c, day_t day)
{
	return c->starts_on != DAY_NONE && c->starts_on <= day &&
	    course_end(c) >= day;
}

/*
 * IL VIII.B (C2): at most 2 enrolled classes at once (labs out), 1 when
 * one of the classes running on the as-of date is in the summer term at
 * a semester school.
 */
static void
rule_c2(const struct history *h, const struct settings *s,
    struct packet *p, struct arena *a)
{
	const struct course *c;
	int summer = 0;
	size_t i;

	for (i = 0; i < h->ncourses; i++) {
		c = &h->courses[i];
		if (c->status != CS_ENROLLED || c->lab_for != 0 ||
		    !runs_on(c, p->as_of))
			continue;
		p->classes_concurrent++;
		summer |= c->summer_term && c->semester_school;
	}
	p->concurrent_limit = summer ? s->max_concurrent_summer :
	    s->max_concurrent_classes;
	if (p->classes_concurrent > p->concurrent_limit)
		alert(p, a, AL_TOO_MANY_CONCURRENT, DAY_NONE, NULL,
		    p->classes_concurrent);
}

/* C3: the most classes planned or enrolled (labs out) starting in one
 * half-year; the courses come by starts_on, so a half-year is a run. */
static long
most_in_a_half(const struct history *h)
{
	const struct course *c;
	long run = 0, most = 0;
	int half = 0;
	size_t i;

	for (i = 0; i < h->ncourses; i++) {
		c = &h->courses[i];
		if (!studying(c) || c->lab_for != 0 || c->starts_on == DAY_NONE)
			continue;
		if (date_half(c->starts_on) != half)
			run = 0;
		half = date_half(c->starts_on);
		if (++run > most)
			most = run;
	}
	return most;
}

/*
 * IL VIII.F (C3): no academic credit in the past 5 years (credit on or
 * after as-of minus 5 years is recent; so is any completed course), and
 * more than one class planned or enrolled starting in one half-year:
 * one planned class is what the guideline recommends.
 */
static void
rule_c3(const struct history *h, const struct settings *s,
    struct packet *p, struct arena *a)
{
	day_t recent = date_add_years(p->as_of, -s->recent_credit_years);
	day_t credit = h->emp.last_academic_credit_on;
	size_t i;

	if (credit != DAY_NONE && credit >= recent)
		return;
	for (i = 0; i < h->ncourses; i++)
		if (h->courses[i].status == CS_COMPLETED)
			return;
	if (most_in_a_half(h) > 1)
		alert(p, a, AL_FIRST_TERM_ONE_CLASS, DAY_NONE, NULL, 0);
}

/*
 * IL IX.A (C4): the latest drop or fail (its status_on) is after the
 * latest plan's created_on.  With no plan at all there is nothing to
 * revise: P1's PLAN_MISSING says so instead.
 */
static void
rule_c4(const struct history *h, struct packet *p, struct arena *a)
{
	day_t last = DAY_NONE;
	size_t i;

	for (i = 0; i < h->ncourses; i++)
		if (dropped_or_failed(&h->courses[i]))
			last = day_max(last, h->courses[i].status_on);
	if (last != DAY_NONE && p->plan != NULL &&
	    p->plan->created_on != DAY_NONE && last > p->plan->created_on)
		alert(p, a, AL_REVISED_PLAN_REQUIRED, last, NULL, 0);
}

/*
 * IL IX.B (C5): the dropped or failed classes (labs out, each course
 * once) that count on the day: with a current enrollment, those whose
 * status_on is on or after its enrolled_on (a withdrawal served is not
 * served again; one with no date is not counted against the employee);
 * on a day before the as-of date, only those that had happened by then.
 */
static long
c5_drops(const struct history *h, const struct enrollment *cur, day_t day,
    int past)
{
	const struct course *c;
	long n = 0;
	size_t i;

	for (i = 0; i < h->ncourses; i++) {
		c = &h->courses[i];
		if (!dropped_or_failed(c) || c->lab_for != 0)
			continue;
		if (cur != NULL && cur->enrolled_on != DAY_NONE &&
		    (c->status_on == DAY_NONE ||
		    c->status_on < cur->enrolled_on))
			continue;
		if (past && (c->status_on == DAY_NONE || c->status_on > day))
			continue;
		n++;
	}
	return n;
}

/* IL IX.B (C5): 3 or more. */
static void
rule_c5(const struct history *h, const struct settings *s,
    struct packet *p, struct arena *a)
{
	p->drops = c5_drops(h, p->enrollment, p->as_of, 0);
	if (p->drops > 0 && p->drops >= s->withdrawal_drops)
		alert(p, a, AL_WITHDRAWAL_DROPS, DAY_NONE, NULL, p->drops);
}

/* The day is on or before `by` (always when by is INT32_MAX). */
static int
by_day(day_t t, day_t by)
{
	return t != DAY_NONE && t <= by;
}

/*
 * IL IX.D (C6): the date of last activity: the latest of the current
 * enrollment's enrolled_on, an exam's taken_on, a counted class's
 * starts_on and an enrolled class's status_on.  Enrolling is activity
 * ("Employees who do not enroll in a course or take a proficiency exam
 * within three (3) years from the date of last activity"), so a class
 * enrolled in that starts later counts now: the seed over rules.md's
 * "course start ... before the as-of date" (coordinator's decision
 * 1.6).  Only what is dated by `by` counts (INT32_MAX: everything, the
 * packet's reading of rows as they are).
 */
static day_t
last_activity(const struct history *h, const struct enrollment *cur,
    day_t by)
{
	const struct course *c;
	day_t last = DAY_NONE;
	size_t i;

	if (by_day(cur->enrolled_on, by))
		last = cur->enrolled_on;
	for (i = 0; i < h->ncourses; i++) {
		c = &h->courses[i];
		if (counted_class(c) && by_day(c->starts_on, by))
			last = day_max(last, c->starts_on);
		if (c->status == CS_ENROLLED && c->lab_for == 0 &&
		    by_day(c->status_on, by))
			last = day_max(last, c->status_on);
	}
	for (i = 0; i < h->nattempts; i++)
		if (by_day(h->attempts[i].taken_on, by))
			last = day_max(last, h->attempts[i].taken_on);
	return last;
}

/*
 * IL IX.D (C6): for an enrolled participant, the date of last activity
 * when the day is more than 3 years after it (a day exactly 3 years
 * after still counts), else DAY_NONE.  With no activity at all the
 * clock starts at the current enrollment's enrolled_on, which counts
 * as activity: an earlier period's does not make a new participant
 * inactive.  On a day before the as-of date (past), only what had
 * happened by then counts.
 */
static day_t
c6_inactive_since(const struct history *h, const struct settings *s,
    const struct enrollment *cur, day_t day, int past)
{
	day_t last;

	if (cur == NULL || cur->enrolled_on == DAY_NONE)
		return DAY_NONE;
	last = last_activity(h, cur, past ? day : INT32_MAX);
	if (last == DAY_NONE ||
	    day <= date_add_years(last, s->inactivity_years))
		return DAY_NONE;
	return last;
}

/* IL IX.D (C6): dated 3 years after the last activity (coordinator's
 * decision 1.6: the day the employee could be withdrawn from). */
static void
rule_c6(const struct history *h, const struct settings *s,
    struct packet *p, struct arena *a)
{
	if (!enrolled_participant(p))
		return;
	p->inactive_since = c6_inactive_since(h, s, p->enrollment, p->as_of,
	    0);
	if (p->inactive_since != DAY_NONE)
		alert(p, a, AL_WITHDRAWAL_INACTIVE, date_add_years(
		    p->inactive_since, s->inactivity_years), NULL, 0);
}

/* C7: a class (planned or enrolled, not a lab) toward a title. */
static int
c7_class(const struct course *c)
{
	return studying(c) && c->lab_for == 0 && c->class_code != NULL &&
	    c->starts_on != DAY_NONE;
}

/*
 * IL IX.F (C7): one target title studied at a time: two classes toward
 * different titles whose dates overlap, one of them not yet ended on the
 * as-of date (ending that day or later).  One alert, for the first such
 * pair by start date.  The courses come by starts_on, so the courses
 * overlapping one are the run after it that starts by its end.
 */
static void
rule_c7(const struct history *h, struct packet *p, struct arena *a)
{
	const struct course *x, *y;
	struct alert *al;
	size_t i, j;

	for (i = 0; i < h->ncourses; i++) {
		x = &h->courses[i];
		if (!c7_class(x))
			continue;
		for (j = i + 1; j < h->ncourses &&
		    h->courses[j].starts_on <= course_end(x); j++) {
			y = &h->courses[j];
			if (!c7_class(y) || streq(x->class_code, y->class_code)
			    || (course_end(x) < p->as_of &&
			    course_end(y) < p->as_of))
				continue;
			al = alert(p, a, AL_ONE_TARGET_AT_A_TIME, DAY_NONE,
			    x->class_code, 0);
			al->course = x;
			al->other = y;
			return;
		}
	}
}

/* ---- time off (IL X) --------------------------------------------------- */

/* O2: a full-day course (full_day_days set). */
static int
full_day(const struct course *c)
{
	return c->full_day_days >= 0;
}

/*
 * IL X.C, X.D (O1): half the weekly meeting hours of the courses
 * enrolled on the as-of date, full-day courses left out (O2 counts
 * them), at most 8 hours a week times time_base.
 */
static void
rule_o1(const struct history *h, const struct settings *s,
    struct packet *p)
{
	double meeting = 0, cap = s->max_hours_per_week * h->emp.time_base;
	const struct course *c;
	size_t i;

	for (i = 0; i < h->ncourses; i++) {
		c = &h->courses[i];
		if (c->status == CS_ENROLLED && runs_on(c, p->as_of) &&
		    !full_day(c) && c->meeting_hours_per_week > 0)
			meeting += c->meeting_hours_per_week;
	}
	if (cap < 0)
		cap = 0;
	p->meeting_hours = meeting;
	p->hours_per_week = meeting / 2 < cap ? meeting / 2 : cap;
}

/*
 * IL X.K, X.L (O2): full-day courses earn half their days; the time away
 * for them is at most 20 days a semester, half paid: with S the days of
 * the enrolled and completed full-day courses starting in the half-year
 * of the as-of date, min(S, 20) / 2 paid days; S over 20 is an alert.
 */
static void
rule_o2(const struct history *h, const struct settings *s,
    struct packet *p, struct arena *a)
{
	const struct course *c;
	long days = 0, cap = s->max_full_day_days;
	size_t i;

	for (i = 0; i < h->ncourses; i++) {
		c = &h->courses[i];
		if ((c->status == CS_ENROLLED || c->status == CS_COMPLETED) &&
		    full_day(c) && c->starts_on != DAY_NONE &&
		    date_half(c->starts_on) == date_half(p->as_of))
			days += c->full_day_days;
	}
	p->full_day_days = days;
	p->full_day_days_off = (days < cap ? days : cap) / 2.0;
	if (days > cap)
		alert(p, a, AL_FULL_DAY_LIMIT, DAY_NONE, NULL, days);
}

/* IL X.M (O3): a note, never an alert. */
static void
rule_o3(const struct history *h, struct packet *p)
{
	p->rotating_note = h->emp.rotating_schedule != 0;
}

/*
 * IL X.G (N5): time off is scheduled at least one month before the
 * first class: each course planned or enrolled, with meeting hours or
 * full days, starting after the as-of date, dated starts_on - 1 month;
 * not for an employee who has left state service (no work to take time
 * off from).
 */
static void
rule_n5(const struct history *h, struct packet *p, struct arena *a)
{
	const struct course *c;
	size_t i;

	for (i = 0; !p->separated && i < h->ncourses; i++) {
		c = &h->courses[i];
		if (!studying(c) || c->starts_on == DAY_NONE ||
		    c->starts_on <= p->as_of ||
		    (c->meeting_hours_per_week <= 0 && c->full_day_days <= 0))
			continue;
		alert(p, a, AL_REQUEST_TIME_OFF, date_add_months(c->starts_on,
		    -1), c->class_code, (long)c->id)->course = c;
	}
}

/* ---- money (IL XI) ----------------------------------------------------- */

/*
 * IL XI.A (M1): max(0, tuition + fees - outside aid) for a counted
 * course, tuition capped per course at a private institution when the
 * cap is set, unless M5 granted the course full tuition; a planned
 * course costs nothing yet.  A lab is paid like any course.
 */
int64_t
rule_m1_paid(const struct course *c, const struct settings *s,
    int full_tuition)
{
	int64_t tuition = c->tuition_cents > 0 ? c->tuition_cents : 0;
	int64_t fees = c->fees_cents > 0 ? c->fees_cents : 0, sum;

	if (!counted_status(c->status))
		return 0;
	if (!c->public_institution && !full_tuition &&
	    s->private_tuition_cap_cents >= 0 &&
	    tuition > s->private_tuition_cap_cents)
		tuition = s->private_tuition_cap_cents;
	sum = cents_add(tuition, fees);
	return c->outside_aid_cents >= sum ? 0 : c->outside_aid_cents > 0 ?
	    sum - c->outside_aid_cents : sum;
}

/* IL XI.A (M5): the sweep over the courses in the reader's order. */
struct m5 {
	day_t	 last_end;	/* latest end of a full-tuition course */
	int	 fy;		/* the fiscal year n counts */
	int	 n;		/* full-tuition courses in it */
};

/*
 * IL XI.A (M5): "full tuition at an approved private and/or out-of-state
 * institution for no more than one class per term, not to exceed four
 * classes per fiscal year": a counted class (not a lab) at a private
 * institution approved for full tuition gets it while no earlier
 * full-tuition course overlaps it and fewer than 4 got it in its fiscal
 * year.  The courses come by starts_on, so an earlier one overlaps iff
 * the latest end so far is on or after this start.  Returns -1 not a
 * candidate, 1 full tuition, 0 beyond the limit (capped, alert).
 */
static int
m5_next(struct m5 *st, const struct course *c)
{
	int fy;

	if (!counted_class(c) || c->public_institution ||
	    !c->full_tuition_approved || c->starts_on == DAY_NONE)
		return -1;
	fy = date_fy(c->starts_on);
	if (fy != st->fy) {
		st->fy = fy;
		st->n = 0;
	}
	if ((st->last_end != DAY_NONE && st->last_end >= c->starts_on) ||
	    st->n >= RULE_FULL_TUITION_PER_FY)
		return 0;
	st->n++;
	st->last_end = day_max(st->last_end, course_end(c));
	return 1;
}

static void
m5_init(struct m5 *st)
{
	st->last_end = DAY_NONE;
	st->fy = INT_MIN;
	st->n = 0;
}

/*
 * IL XI.F.1 (M2): a course toward a credential title, or toward a dual
 * title that one of the employee's targets pursues on the degree route.
 */
static int
toward_credential(const struct history *h, const struct catalog *cat,
    const struct course *c)
{
	const struct title *t = catalog_find(cat, c->class_code);
	size_t i;

	if (t == NULL)
		return 0;
	if (t->kind == KIND_CREDENTIAL)
		return 1;
	for (i = 0; t->kind == KIND_DUAL && i < h->ntargets; i++)
		if (streq(h->targets[i].class_code, c->class_code) &&
		    h->targets[i].route == ROUTE_DEGREE)
			return 1;
	return 0;
}

/* M1 and M5 per course, and what binds (M2); p->courses parallels
 * h->courses.  A course beyond M5's limit is an alert, dated its start. */
static void
rule_m1(const struct history *h, const struct catalog *cat,
    const struct settings *s, struct packet *p, struct arena *a)
{
	struct course_view *cv;
	struct m5 st;
	size_t i;
	int full;

	m5_init(&st);
	p->courses = arena_alloc(a, (h->ncourses + 1) * sizeof(*p->courses));
	p->ncourses = h->ncourses;
	for (i = 0; i < h->ncourses; i++) {
		cv = &p->courses[i];
		cv->c = &h->courses[i];
		cv->counted = counted_class(cv->c);
		cv->in_fy = in_fy(cv->c->starts_on, date_fy(p->as_of));
		full = m5_next(&st, cv->c);
		cv->full_tuition = full == 1;
		if (full == 0)
			alert(p, a, AL_PRIVATE_CLASS_LIMIT, cv->c->starts_on,
			    cv->c->class_code, (long)cv->c->id)->course = cv->c;
		cv->program_paid_cents = rule_m1_paid(cv->c, s, full == 1);
		p->program_paid_cents = cents_add(p->program_paid_cents,
		    cv->program_paid_cents);
		/* M2: paid for by the program (more than 0). */
		cv->binding = cv->program_paid_cents > 0 &&
		    toward_credential(h, cat, cv->c);
	}
}

/*
 * IL XI.F.1 (M2): 2 years of service "from completion of the most recent
 * course taken": from the ends_on of the latest binding course that is
 * completed or enrolled (an enrolled course binds from its end).  The
 * seed over rules.md, which counts completed courses only (coordinator's
 * decision 1.4): an employee in a paid credential class is not told
 * they may leave at no cost.
 */
static void
rule_m2(const struct settings *s, struct packet *p)
{
	day_t last = DAY_NONE;
	size_t i;

	for (i = 0; i < p->ncourses; i++) {
		if (!p->courses[i].binding)
			continue;
		p->binding_paid_cents = cents_add(p->binding_paid_cents,
		    p->courses[i].program_paid_cents);
		if (p->courses[i].c->status == CS_COMPLETED ||
		    p->courses[i].c->status == CS_ENROLLED)
			last = day_max(last, p->courses[i].c->ends_on);
	}
	p->commitment_from = last;
	if (last != DAY_NONE)
		p->commitment_ends_on = date_add_years(last,
		    s->work_commitment_years);
}

/*
 * round(paid * (m - f) / m), half up, in integers that cannot overflow:
 * paid = q m + r, so the result is q (m - f) + round(r (m - f) / m).
 */
static int64_t
prorate(int64_t paid, int m, int f)
{
	int64_t q = paid / m, r = paid % m, k = m - f;

	return q * k + (2 * r * k + m) / (2 * (int64_t)m);
}

/*
 * IL XI.F (M3): S is separated_on, or the as-of date; the months served
 * are the whole months from the course end to S, at most 24 (0 while S
 * is before that end: the commitment has not begun); the
 * repayment is the unserved share of what the binding courses cost, 0
 * once the commitment has ended.  M4 (IL XI.G): no interest is computed;
 * the records hold no notification date (the view says so in words).
 */
static void
rule_m3(const struct history *h, const struct settings *s,
    struct packet *p)
{
	int m = 12 * s->work_commitment_years;
	day_t end = p->commitment_from, sep = h->emp.separated_on != DAY_NONE ?
	    h->emp.separated_on : p->as_of;

	if (end == DAY_NONE || m <= 0)
		return;
	p->months_fulfilled = date_whole_months(end, sep);
	if (p->months_fulfilled > m)
		p->months_fulfilled = m;
	if (sep >= p->commitment_ends_on)
		return;
	p->repayment_cents = prorate(p->binding_paid_cents, m,
	    p->months_fulfilled);
}

/* IL XI.F-G (N3): a separated employee whose M3 amount is above 0. */
static void
rule_n3(struct packet *p, struct arena *a)
{
	if (p->separated && p->repayment_cents > 0)
		alert(p, a, AL_REPAYMENT_OWED, DAY_NONE, NULL, 0);
}

/* ---- plans, assignments, next steps (P, N) ----------------------------- */

/*
 * CA "Career Development Plan", 2 CCR 599.984(c); IL VI.A (P1): every
 * enrolled participant needs a plan (both profiles); in California it is
 * approved by the supervisor and reviewed by the coordinator; the latest
 * version decides.
 */
static void
rule_p1(struct packet *p, struct arena *a)
{
	const struct plan *pl = p->plan;

	if (!enrolled_participant(p))
		return;
	if (pl == NULL)
		alert(p, a, AL_PLAN_MISSING, DAY_NONE, NULL, 0);
	else if (p->profile != PROFILE_CALIFORNIA)
		return;
	else if (pl->supervisor_approved_on == DAY_NONE)
		alert(p, a, AL_PLAN_NOT_APPROVED, DAY_NONE, NULL, pl->version);
	else if (pl->coordinator_reviewed_on == DAY_NONE)
		alert(p, a, AL_PLAN_NOT_REVIEWED, DAY_NONE, NULL, pl->version);
}

/*
 * CA "Training and Development Assignment" (P2): one not ended before
 * the as-of date whose end (or the as-of date) is after starts_on + 2
 * years.  The alert's date is the day it should have ended by.
 */
static void
rule_p2(const struct history *h, const struct settings *s,
    struct packet *p, struct arena *a)
{
	const struct assignment *as;
	day_t end, limit;
	size_t i;

	for (i = 0; i < h->nassignments; i++) {
		as = &h->assignments[i];
		if (as->kind != AK_TRAINING_DEVELOPMENT ||
		    as->starts_on == DAY_NONE ||
		    (as->ends_on != DAY_NONE && as->ends_on < p->as_of))
			continue;
		end = as->ends_on != DAY_NONE ? as->ends_on : p->as_of;
		limit = date_add_years(as->starts_on, s->max_assignment_years);
		if (end > limit)
			alert(p, a, AL_ASSIGNMENT_TOO_LONG, limit, NULL, 0);
	}
}

/*
 * N1: the latest plan's steps with a due date and not done: due before
 * the as-of date, overdue; due within the next 30 days, due.  Not for
 * an employee who has left state service (our reading: the plan ended
 * with the job).
 */
static void
rule_n1(struct packet *p, struct arena *a)
{
	const struct plan_step *st;
	size_t i;

	for (i = 0; p->plan != NULL && !p->separated &&
	    i < p->plan->nsteps; i++) {
		st = &p->plan->steps[i];
		if (st->due_on == DAY_NONE || st->done_on != DAY_NONE)
			continue;
		if (st->due_on < p->as_of)
			alert(p, a, AL_PLAN_STEP_OVERDUE, st->due_on, NULL,
			    st->seq)->step = st;
		else if ((int64_t)st->due_on - p->as_of <= RULE_STEP_DUE_DAYS)
			alert(p, a, AL_PLAN_STEP_DUE, st->due_on, NULL,
			    st->seq)->step = st;
	}
}

/*
 * N2: the registration month to name: the first month of site.yaml's
 * registration_months whose last day is on or after the as-of date (the
 * current month when it is one, else the next) and, when `after` is a
 * day, that begins after it; -1 when none is set.
 */
static int
registration_period(const struct settings *s, day_t as_of, day_t after)
{
	int per = period_of(as_of), k;

	if (after != DAY_NONE && period_of(after) + 1 > per)
		per = period_of(after) + 1;
	for (k = 0; s->registration_months != 0 && k < 12; k++)
		if (s->registration_months >> ((per + k) % 12) & 1)
			return per + k;
	return -1;
}

/*
 * N2: an application for a period whose month has not begun (an early
 * or late registration kept for the next period, IL III.C), the
 * earliest: our reading is that it is no reason to register again.
 */
static const struct application *
next_application(const struct history *h, day_t as_of)
{
	size_t i;

	for (i = 0; i < h->napplications; i++)	/* by period */
		if (period_first_day(h->applications[i].period) > as_of)
			return &h->applications[i];
	return NULL;
}

/*
 * IL IX.B, IX.D: the day a withdrawal by the program ends at the
 * earliest, status_on + 1 year; the employee may re-enroll in the
 * registration month after it ("during the next regular registration
 * period following the completion of the withdrawal period").  The seed
 * over rules.md's next registration month (coordinator's decision 1.1).
 * DAY_NONE when the employee is not withdrawn, or in California (its
 * withdrawals are the employee's own, "Employee Withdrawal").
 */
static day_t
withdrawal_end(const struct packet *p)
{
	if (p->profile != PROFILE_ILLINOIS || p->enrollment == NULL ||
	    p->enrollment->status != ENR_WITHDRAWN ||
	    p->enrollment->status_on == DAY_NONE)
		return DAY_NONE;
	return date_add_years(p->enrollment->status_on, 1);
}

/*
 * IL III, CA "Upward Mobility Application" (N2): an eligible employee
 * with no current enrollment, or a withdrawn one, and no application
 * in the latest registration period (h->app) nor for a later one, is
 * asked to register; dated the last day of the registration
 * month when site.yaml names the months.
 */
static void
rule_n2(const struct history *h, const struct settings *s,
    struct packet *p, struct arena *a)
{
	p->register_period = registration_period(s, p->as_of,
	    withdrawal_end(p));
	p->next_app = next_application(h, p->as_of);
	/* coordinator's decision 1.3: a decision is provisional until its
	 * registration month ends (IL III.C: forms are due by its last day) */
	p->app_open = h->app != NULL &&
	    p->as_of <= period_last_day(h->app->period);
	if (!p->eligible || h->app != NULL || p->next_app != NULL ||
	    (p->enrollment != NULL &&
	    p->enrollment->status != ENR_WITHDRAWN))
		return;
	alert(p, a, AL_REGISTER, p->register_period < 0 ? DAY_NONE :
	    period_last_day(p->register_period), NULL, 0);
}

/* N4: the current enrollment is suspended, dated its status_on. */
static void
rule_n4(struct packet *p, struct arena *a)
{
	if (p->enrollment != NULL && p->enrollment->status == ENR_SUSPENDED)
		alert(p, a, AL_ENROLLMENT_SUSPENDED, p->enrollment->status_on,
		    NULL, 0);
}

/* ---- the packet -------------------------------------------------------- */

/*
 * The order of alerts, most urgent first (rules.md "Next steps"), a
 * total order:
 *  1. the group: 0 what has happened or breaks a rule now, 1 what needs
 *     doing by a date, 2 advice;
 *  2. the alert's date, earliest first, alerts without one after;
 *  3. the code, in enum alert_code order (rules.md's list);
 *  4. the title's class code, none first;
 *  5. the count (a course id, a step's seq: unique where it matters).
 * Alerts equal in all five are alike, so equal inputs give an equal
 * array whatever qsort does with ties.
 */
int
rule_alert_rank(enum alert_code c)
{
	if (c < AL_EXAM_WINDOW_CLOSING)
		return 0;
	if (c < AL_CLASS_LIMIT_REACHED)
		return 1;
	return 2;
}

static int
day_cmp(day_t a, day_t b)
{
	if (a == b)
		return 0;
	if (a == DAY_NONE || b == DAY_NONE)
		return a == DAY_NONE ? 1 : -1;
	return a < b ? -1 : 1;
}

static int
alert_cmp(const void *x, const void *y)
{
	const struct alert *a = x, *b = y;
	int c;

	if ((c = rule_alert_rank(a->code) - rule_alert_rank(b->code)) != 0)
		return c;
	if ((c = day_cmp(a->on, b->on)) != 0)
		return c;
	if (a->code != b->code)
		return a->code < b->code ? -1 : 1;
	if (a->class_code == NULL || b->class_code == NULL) {
		if (a->class_code != b->class_code)
			return a->class_code == NULL ? -1 : 1;
	} else if ((c = strcmp(a->class_code, b->class_code)) != 0)
		return c;
	return (a->count > b->count) - (a->count < b->count);
}

/* The current enrollment (latest enrolled_on) and plan (latest version). */
static void
packet_current(const struct history *h, struct packet *p)
{
	size_t i;

	for (i = 0; i < h->nenrollments; i++)
		if (p->enrollment == NULL || h->enrollments[i].enrolled_on >=
		    p->enrollment->enrolled_on)
			p->enrollment = &h->enrollments[i];
	for (i = 0; i < h->nplans; i++)
		if (p->plan == NULL || h->plans[i].version > p->plan->version)
			p->plan = &h->plans[i];
}

/* The Illinois rules: E3, E4, T, X, C, O, M, G2, N3, N5. */
static void
packet_illinois(const struct history *h, const struct catalog *c,
    const struct settings *s, struct packet *p, struct arena *a)
{
	rule_e3(h, p, a);
	rule_e4(h, p, a);
	targets_view(h, c, s, p, a);
	target_alerts(h, s, p, a);
	rule_x3(h, s, p);
	rule_c1(h, s, p, a);
	rule_c2(h, s, p, a);
	rule_c3(h, s, p, a);
	rule_c4(h, p, a);
	rule_c5(h, s, p, a);
	rule_c6(h, s, p, a);
	rule_c7(h, p, a);
	rule_o1(h, s, p);
	rule_o2(h, s, p, a);
	rule_o3(h, p);
	rule_m1(h, c, s, p, a);
	rule_m2(s, p);
	rule_m3(h, s, p);
	rule_n3(p, a);
	rule_g2(h, c, p);
	rule_n5(h, p, a);
}

void
rule_packet(const struct history *h, const struct catalog *c,
    const struct settings *s, enum profile prof, day_t as_of,
    struct arena *a, struct packet *p)
{
	memset(p, 0, sizeof(*p));
	p->as_of = as_of;
	p->profile = prof;
	p->h = h;
	p->cls = catalog_find(c, h->emp.class_code);
	p->eligibility_reason = rule_elig_reason(h, c, s, prof, as_of);
	p->eligible = p->eligibility_reason == ER_NONE;
	p->separated = !not_separated(&h->emp, as_of);
	p->commitment_ends_on = p->commitment_from = DAY_NONE;
	p->inactive_since = DAY_NONE;
	p->probation.ends_on = p->probation.return_right_ends_on = DAY_NONE;
	packet_current(h, p);
	if (prof == PROFILE_ILLINOIS)
		packet_illinois(h, c, s, p, a);
	else
		rule_p2(h, s, p, a);
	rule_p1(p, a);
	rule_n1(p, a);
	rule_n2(h, s, p, a);
	rule_n4(p, a);
	if (p->nalerts > 1)
		xqsort(p->alerts, p->nalerts, sizeof(*p->alerts), alert_cmp);
}

/* ---- eligibility lists (G3) -------------------------------------------- */

/*
 * IL XII.D: the highest salary maximum of a target title appointed to,
 * or -1.  "Employees promoted to an Upward Mobility target title": only
 * a title with a Kind counts, the seed over rules.md's any appointment
 * (coordinator's decision 1.14).
 */
static int64_t
appointed_top(const struct history *h, const struct catalog *c)
{
	const struct title *t;
	int64_t top = -1;
	size_t i;

	for (i = 0; i < h->nappointments; i++)
		if ((t = catalog_find(c, h->appointments[i].to_class_code))
		    != NULL && t->kind != KIND_NONE && t->salary_max_cents > top)
			top = t->salary_max_cents;
	return top;
}

/*
 * IL XII, XIII (G3): for an eligible employee (E1; II.B takes the others
 * off the lists), one entry per title and county named (at most 3 by
 * rank, XII.F) holding a grade valid on the as-of date (its expiry day
 * included), leaving out titles paying less than a title the employee
 * was appointed to, when both salaries are known (XII.D), and the title
 * of the employee's current class (XII.E).  XIII.F: for a title whose
 * appendix row names a bargaining unit, a holder in a covered unit is
 * listed first (covered_first).  Ordering across employees is the
 * caller's.
 */
void
rule_list_entries(const struct history *h, const struct catalog *c,
    const struct settings *s, enum profile prof, day_t as_of,
    struct arena *a, struct list_entry **out, size_t *n)
{
	int64_t top = appointed_top(h, c);
	const struct grade *g;
	const struct title *t;
	struct list_entry *e;
	size_t i;

	*out = arena_alloc(a, (h->nprefs + 1) * sizeof(**out));
	*n = 0;
	if (prof != PROFILE_ILLINOIS || !rule_eligible(h, c, s, prof, as_of))
		return;
	for (i = 0; i < h->nprefs; i++) {
		if ((t = catalog_find(c, h->prefs[i].class_code)) == NULL ||
		    streq(t->code, h->emp.class_code) ||
		    (top >= 0 && t->salary_max_cents >= 0 &&
		    t->salary_max_cents < top) ||
		    !pref_within(h, i, s->max_counties))
			continue;
		g = grade_by(h, t->code, INT32_MAX);
		if (g == NULL || g->issued_on == DAY_NONE || as_of >
		    date_add_years(g->issued_on, s->grade_valid_years))
			continue;
		e = &(*out)[(*n)++];
		e->title = t;
		e->county = h->prefs[i].county;
		e->covered_first = t->bargaining_unit != NULL &&
		    covered_unit(s, h->emp.bargaining_unit);
		e->grade = g->grade;
		e->issued_on = g->issued_on;
		e->expires_on = date_add_years(g->issued_on,
		    s->grade_valid_years);
		e->seniority_date = h->emp.seniority_date;
	}
}

/* ---- annual figures ---------------------------------------------------- */

/*
 * An enrollment was active on some day of [from, to]: from enrolled_on
 * on while active; a suspended or withdrawn one to the day before its
 * status_on (none known: no day known to be active).
 */
static int
active_between(const struct enrollment *e, day_t from, day_t to)
{
	day_t start = e->enrolled_on, end = to;

	if (start == DAY_NONE)
		return 0;
	if (e->status != ENR_ACTIVE) {
		if (e->status_on == DAY_NONE)
			return 0;
		if (e->status_on - 1 < end)
			end = e->status_on - 1;
	}
	return (start > from ? start : from) <= end;
}

/* participating_employees: active on some day of FY up to the as-of. */
static int
fy_participating(const struct history *h, int fy, day_t as_of)
{
	day_t last = date_fy_end(fy);
	size_t i;

	if (as_of < last)
		last = as_of;
	for (i = 0; i < h->nenrollments; i++)
		if (active_between(&h->enrollments[i], date_fy_start(fy), last))
			return 1;
	return 0;
}

/*
 * appointments: via the program in FY, FY-1 and FY-2, per title; FY's
 * split by the Category of the title appointed to (ELTPA, bridging).
 */
static void
fy_appointments(const struct history *h, const struct catalog *c,
    struct fy_figures *f)
{
	const struct title *t;
	size_t i;
	int y;

	for (i = 0; i < h->nappointments; i++)
		for (y = 0; y < 3; y++) {
			if (!h->appointments[i].via_program ||
			    !in_fy(h->appointments[i].appointed_on, f->fy - y))
				continue;
			f->appointments[y]++;
			t = catalog_find(c, h->appointments[i].to_class_code);
			if (t == NULL)
				continue;
			if (f->appointments_by_title)
				f->appointments_by_title[(size_t)y *
				    c->ntitles + (size_t)(t - c->titles)]++;
			f->appointments_eltpa += y == 0 &&
			    t->category == CAT_ELTPA;
			f->appointments_bridging += y == 0 &&
			    t->category == CAT_BRIDGING;
		}
}

/* Illinois: counted classes starting in FY (labs out), by status. */
static void
fy_courses(const struct history *h, struct fy_figures *f)
{
	const struct course *co;
	size_t i;

	for (i = 0; i < h->ncourses; i++) {
		co = &h->courses[i];
		if (!counted_class(co) || !in_fy(co->starts_on, f->fy))
			continue;
		f->courses_taken++;
		f->courses_completed += co->status == CS_COMPLETED;
		f->courses_dropped += co->status == CS_DROPPED;
		f->courses_failed += co->status == CS_FAILED;
	}
}

/* Illinois: grades issued in FY, in all and per catalog title. */
static void
fy_grades(const struct history *h, const struct catalog *c,
    struct fy_figures *f)
{
	const struct title *t;
	size_t i;

	for (i = 0; i < h->ngrades; i++) {
		if (!in_fy(h->grades[i].issued_on, f->fy))
			continue;
		f->grades_issued++;
		t = catalog_find(c, h->grades[i].class_code);
		if (t != NULL && f->grades_by_title != NULL)
			f->grades_by_title[t - c->titles]++;
	}
}

/* spent_cents: M1 (with M5's full tuition) over the courses starting in
 * FY, in both profiles. */
static int64_t
fy_spent(const struct history *h, const struct settings *s, int fy)
{
	int64_t sum = 0;
	struct m5 st;
	size_t i;
	int full;

	m5_init(&st);
	for (i = 0; i < h->ncourses; i++) {
		full = m5_next(&st, &h->courses[i]);
		if (in_fy(h->courses[i].starts_on, fy))
			sum = cents_add(sum, rule_m1_paid(&h->courses[i], s,
			    full == 1));
	}
	return sum;
}

/*
 * withdrawal_candidates (IL): C5 or C6 would alert on the day.  On a day
 * before the as-of date only what had happened by then counts: the
 * enrollment current then (latest enrolled_on by the day), active that
 * day, and the drops dated by then.
 */
static int
fy_withdrawal(const struct history *h, const struct settings *s, day_t day,
    day_t as_of)
{
	const struct enrollment *cur = NULL;
	int past = day < as_of;
	size_t i;

	for (i = 0; i < h->nenrollments; i++)
		if (!past || (h->enrollments[i].enrolled_on != DAY_NONE &&
		    h->enrollments[i].enrolled_on <= day))
			cur = &h->enrollments[i];	/* by enrolled_on */
	if (c5_drops(h, cur, day, past) >= s->withdrawal_drops &&
	    s->withdrawal_drops > 0)
		return 1;
	if (cur == NULL || !(past ? active_between(cur, day, day) :
	    cur->status == ENR_ACTIVE))
		return 0;
	return c6_inactive_since(h, s, cur, day, past) != DAY_NONE;
}

void
rule_fy_add(const struct history *h, const struct catalog *c,
    const struct settings *s, enum profile prof, day_t as_of,
    struct fy_figures *f)
{
	/* Eligible on the last day of FY, or on the as-of date inside it. */
	day_t day = in_fy(as_of, f->fy) ? as_of : date_fy_end(f->fy);

	f->eligible_employees += rule_eligible(h, c, s, prof, day);
	f->participating_employees += fy_participating(h, f->fy, as_of);
	fy_appointments(h, c, f);
	f->course_spent_cents = cents_add(f->course_spent_cents,
	    fy_spent(h, s, f->fy));
	if (prof != PROFILE_ILLINOIS)
		return;
	fy_courses(h, f);
	f->exams_taken += exams_in_fy(h, f->fy);
	fy_grades(h, c, f);
	f->withdrawal_candidates += fy_withdrawal(h, s, day, as_of);
}
