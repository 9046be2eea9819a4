/*
 * rules.c: the rules of rules.md (shared/contracts/rules.md), for one
 * employee as of one date.
 *
 * PURE: everything comes from the arguments (the history, the catalog,
 * the settings, the profile, the as-of date).  Nothing here opens a file,
 * queries a database, reads a clock or keeps state between calls, so each
 * rule is tested on its own (tests/unit/test_rules.c, test_ID_what).
 * Arrays of the answer go into the arena the caller passes.  No function
 * here can fail.
 *
 * Readings of rules.md where it leaves a choice (each is repeated at the
 * rule):
 *  - A date that ends a period is inside it: the exam window's and a
 *    grade's end day is still CLOSING / EXPIRING (and a grade is still
 *    valid on lists that day); EXPIRED is the day after.
 *  - A dual title with no route counts as a certificate (T1) and is on
 *    the exam route (X1-X3): the exam is the way a dual title is earned
 *    until the degree route is chosen.
 *  - "Classes" leave labs out everywhere they are counted (C1, C2, C5,
 *    C6, the annual course counts), as C1 says a lab counts 0.  Rules
 *    about courses in general keep them: a lab's hours earn time off
 *    (O1), the program pays for it (M1), dropping it needs a revised plan
 *    (C4), planning it on leave needs approval (E3).
 *  - C1: credit hours of at most 1 group as 1-credit courses, above 1 and
 *    under 3 as 2-credit courses (1.5 pairs rather than triples).
 *  - Rows dated after the as-of date are read as they are unless the rule
 *    itself speaks of the as-of date (C2, C6, O1, O2, P2, participation).
 *  - P1 and P2 apply in both profiles (illinois applies "every rule but
 *    E2"); P1 and C6 concern enrolled participants: the current
 *    (latest enrolled_on) enrollment has status active.
 */
#include <stdlib.h>
#include <string.h>

#include "model.h"	/* and core.h: nothing of I/O, records or templates */

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

/* The later of two dates, DAY_NONE counting as earliest. */
static day_t
day_max(day_t a, day_t b)
{
	return a == DAY_NONE ? b : b == DAY_NONE ? a : a > b ? a : b;
}

/*
 * Appends an alert.  The array doubles in the arena whenever its length
 * reaches a power of two, so n alerts cost O(n) copies.
 */
static void
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
	else if (p->as_of >= end - warn)
		alert(p, a, closing, end, code, 0);
}

/* The current enrollment is active: an enrolled participant (P1, C6). */
static int
enrolled_participant(const struct packet *p)
{
	return p->enrollment != NULL && p->enrollment->status == ENR_ACTIVE;
}

/* ---- eligibility (E1, E2) ---------------------------------------------- */

static int
not_separated(const struct employee *e, day_t on)
{
	return e->separated_on == DAY_NONE || e->separated_on > on;
}

/* IL II.A (E1); layoff does not end eligibility (IL II.C). */
static int
rule_e1(const struct employee *e, day_t on)
{
	return e->bargaining_unit != NULL && (e->status == ST_PERMANENT ||
	    e->status == ST_PROBATIONARY) && not_separated(e, on);
}

/* CA "Low-Paying Entry-Level Classifications" (E2). */
static int
rule_e2(const struct employee *e, const struct catalog *c, day_t on)
{
	const struct title *t = catalog_find(c, e->class_code);

	return t != NULL && t->category == CAT_LPEL && not_separated(e, on);
}

int
rule_eligible(const struct history *h, const struct catalog *c,
    enum profile prof, day_t on)
{
	if (prof == PROFILE_CALIFORNIA)
		return rule_e2(&h->emp, c, on);
	return rule_e1(&h->emp, on);
}

/* IL IV.C (E3): a leave other than education or paid military leave. */
static void
rule_e3(const struct history *h, struct packet *p, struct arena *a)
{
	long n = 0;
	size_t i;

	if (h->emp.leave != LEAVE_OTHER)
		return;
	for (i = 0; i < h->ncourses; i++)
		n += h->courses[i].status == CS_PLANNED ||
		    h->courses[i].status == CS_ENROLLED;
	if (n > 0)
		alert(p, a, AL_LEAVE_BLOCKS_ENROLLMENT, DAY_NONE, NULL, n);
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

/* IL V.B (T3): targeted on or after the freeze date. */
static void
rule_t3(const struct target_view *tv, struct packet *p, struct arena *a)
{
	if (tv->title->frozen_on != DAY_NONE && tv->t->targeted_on != DAY_NONE
	    && tv->t->targeted_on >= tv->title->frozen_on)
		alert(p, a, AL_TITLE_FROZEN, tv->title->frozen_on,
		    tv->t->class_code, 0);
}

/* ---- proficiency exams (IL VII) ---------------------------------------- */

/* Attempt j is a later attempt at the same section than attempt i. */
static int
attempt_supersedes(const struct history *h, size_t j, size_t i)
{
	const struct exam_attempt *x = &h->attempts[j], *y = &h->attempts[i];

	return j != i && streq(x->class_code, y->class_code) &&
	    streq(x->section, y->section) && (x->taken_on > y->taken_on ||
	    (x->taken_on == y->taken_on && j > i));
}

/* X2: attempt i is the latest attempt at its section. */
static int
attempt_latest(const struct history *h, size_t i)
{
	size_t j;

	for (j = 0; j < h->nattempts; j++)
		if (attempt_supersedes(h, j, i))
			return 0;
	return 1;
}

static int
section_cmp(const void *a, const void *b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;

	return strcmp(x ? x : "", y ? y : "");
}

/*
 * IL VII.G (X1): the window is 3 years from the first attempt at the
 * title, whatever its date, and is shown only until a grade is issued.
 */
static void
rule_x1(const struct history *h, const struct settings *s,
    struct target_view *tv)
{
	size_t i;

	for (i = 0; i < h->nattempts; i++)
		if (streq(h->attempts[i].class_code, tv->t->class_code) &&
		    h->attempts[i].taken_on != DAY_NONE &&
		    (tv->first_exam_on == DAY_NONE ||
		    h->attempts[i].taken_on < tv->first_exam_on))
			tv->first_exam_on = h->attempts[i].taken_on;
	if (tv->first_exam_on != DAY_NONE && tv->grade == NULL)
		tv->exam_window_ends_on = date_add_years(tv->first_exam_on,
		    s->exam_window_years);
}

/*
 * IL VII.B (X2): a section whose latest attempt is not proficient; the
 * retest is allowed 30 days after the latest such attempt.  Sections
 * come sorted by name.
 */
static void
rule_x2(const struct history *h, const struct settings *s,
    struct target_view *tv, struct arena *a)
{
	const struct exam_attempt *x;
	day_t last = DAY_NONE;
	size_t i, n = 0;

	tv->sections_not_proficient = arena_alloc(a, (h->nattempts + 1) *
	    sizeof(char *));
	for (i = 0; i < h->nattempts; i++) {
		x = &h->attempts[i];
		if (!streq(x->class_code, tv->t->class_code) || x->proficient ||
		    !attempt_latest(h, i))
			continue;
		tv->sections_not_proficient[n++] = x->section;
		last = day_max(last, x->taken_on);
	}
	xqsort(tv->sections_not_proficient, n, sizeof(char *), section_cmp);
	tv->nsections_not_proficient = n;
	if (n > 0 && last != DAY_NONE)
		tv->next_exam_allowed_on = last + s->retest_wait_days;
}

/* X3: attempt i is the first of its exam (same title, same date). */
static int
exam_first_attempt(const struct history *h, size_t i)
{
	size_t j;

	for (j = 0; j < i; j++)
		if (h->attempts[j].taken_on == h->attempts[i].taken_on &&
		    streq(h->attempts[j].class_code, h->attempts[i].class_code))
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

/* G1: the latest grade issued for the title, expired or not. */
static const struct grade *
latest_grade(const struct history *h, const char *code)
{
	const struct grade *g = NULL;
	size_t i;

	for (i = 0; i < h->ngrades; i++)
		if (streq(h->grades[i].class_code, code) && (g == NULL ||
		    h->grades[i].issued_on >= g->issued_on))
			g = &h->grades[i];
	return g;
}

/*
 * IL XII.C (G1): valid for 6 years from issued_on.  Any grade, A, B or
 * C, is handled alike (G2: a C is the grade of a credential holder
 * without the year of experience; XIII.K's probation is not ours).
 */
static void
rule_g1(const struct history *h, const struct settings *s,
    struct target_view *tv)
{
	tv->grade = latest_grade(h, tv->t->class_code);
	if (tv->grade != NULL && tv->grade->issued_on != DAY_NONE)
		tv->grade_expires_on = date_add_years(tv->grade->issued_on,
		    s->grade_valid_years);
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

/* One open target: its kind, grade (G1), exams (X1, X2), counties. */
static void
target_fill(const struct history *h, const struct settings *s,
    const struct target *tg, const struct title *t, struct target_view *tv,
    struct arena *a)
{
	memset(tv, 0, sizeof(*tv));
	tv->t = tg;
	tv->title = t;
	tv->counts_as = counts_as(t, tg);
	tv->exam_route = on_exam_route(t, tg);
	tv->first_exam_on = tv->exam_window_ends_on = DAY_NONE;
	tv->next_exam_allowed_on = tv->grade_expires_on = DAY_NONE;
	rule_g1(h, s, tv);
	if (tv->exam_route) {
		rule_x1(h, s, tv);
		rule_x2(h, s, tv, a);
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
		target_fill(h, s, tg, t, &p->targets[p->ntargets++], a);
	}
}

/* T1-T3, and the alerts of X1 and G1 for each open target. */
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
		/* IL XII.C (G1): within 180 days of expiry; after it. */
		deadline_alert(p, a, tv->grade_expires_on, s->warning_days,
		    AL_GRADE_EXPIRING, AL_GRADE_EXPIRED, tv->t->class_code);
	}
	rule_t1(s, p, a);
}

/* ---- classes (IL VIII, IX) --------------------------------------------- */

/*
 * IL VIII.B (C1): the count of the counted classes starting in fiscal
 * year fy.  Labs count 0.  3 or more credit hours (or unknown) count 1;
 * 1-credit courses count 1 per three; what is left of them, with the
 * 2-credit courses, counts 1 per pair, a single one left over 1.
 */
int
rule_c1_count(const struct course *cs, size_t n, int fy)
{
	int big = 0, one = 0, two = 0, rest;
	size_t i;

	for (i = 0; i < n; i++) {
		if (!counted_class(&cs[i]) || !in_fy(cs[i].starts_on, fy))
			continue;
		if (cs[i].credit_hours < 0 || cs[i].credit_hours >= 3)
			big++;
		else if (cs[i].credit_hours <= 1)
			one++;
		else
			two++;
	}
	rest = one % 3 + two;
	return big + one / 3 + (rest + 1) / 2;
}

/* IL VIII.B (C1): at most 8 classes in the fiscal year of the as-of. */
static void
rule_c1(const struct history *h, const struct settings *s,
    struct packet *p, struct arena *a)
{
	int n;

	p->classes_fy = date_fy(p->as_of);
	p->classes_counted = rule_c1_count(h->courses, h->ncourses,
	    p->classes_fy);
	n = s->max_classes_per_year - p->classes_counted;
	p->classes_remaining = n > 0 ? n : 0;
	if (p->classes_remaining == 0)
		alert(p, a, AL_CLASS_LIMIT_REACHED, date_fy_end(p->classes_fy),
		    NULL, p->classes_counted);
}

/* The course runs on the day: starts_on <= day <= ends_on. */
static int
runs_on(const struct course *c, day_t day)
{
	return c->starts_on != DAY_NONE && c->starts_on <= day &&
	    (c->ends_on == DAY_NONE || c->ends_on >= day);
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
		alert(p, a, AL_TOO_MANY_CONCURRENT, p->as_of, NULL,
		    p->classes_concurrent);
}

/*
 * IL VIII.F (C3): no academic credit in the past 5 years (credit on or
 * after as-of minus 5 years is recent; so is a completed course ending
 * then), a planned course, and no completed one.
 */
static void
rule_c3(const struct history *h, const struct settings *s,
    struct packet *p, struct arena *a)
{
	day_t recent = date_add_years(p->as_of, -s->recent_credit_years);
	day_t credit = h->emp.last_academic_credit_on;
	int planned = 0, completed = 0;
	size_t i;

	for (i = 0; i < h->ncourses; i++) {
		planned |= h->courses[i].status == CS_PLANNED;
		completed |= h->courses[i].status == CS_COMPLETED;
	}
	/* No completed course at all implies none in the 5 years. */
	if ((credit == DAY_NONE || credit < recent) && planned && !completed)
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

/* IL IX.B (C5): 3 or more dropped or failed classes, each course once. */
static void
rule_c5(const struct history *h, const struct settings *s,
    struct packet *p, struct arena *a)
{
	long n = 0;
	size_t i;

	for (i = 0; i < h->ncourses; i++)
		n += dropped_or_failed(&h->courses[i]) &&
		    h->courses[i].lab_for == 0;
	if (n > 0 && n >= s->withdrawal_drops)
		alert(p, a, AL_WITHDRAWAL_DROPS, DAY_NONE, NULL, n);
}

/* C6: the last counted class start or exam on or before the day. */
static day_t
last_activity(const struct history *h, day_t day)
{
	day_t last = DAY_NONE;
	size_t i;

	for (i = 0; i < h->ncourses; i++)
		if (counted_class(&h->courses[i]) &&
		    h->courses[i].starts_on != DAY_NONE &&
		    h->courses[i].starts_on <= day)
			last = day_max(last, h->courses[i].starts_on);
	for (i = 0; i < h->nattempts; i++)
		if (h->attempts[i].taken_on != DAY_NONE &&
		    h->attempts[i].taken_on <= day)
			last = day_max(last, h->attempts[i].taken_on);
	return last;
}

/*
 * IL IX.D (C6): an enrolled participant with no class start and no exam
 * in the 3 years before the as-of date (a day exactly 3 years before
 * still counts).  The clock starts at the current enrollment's
 * enrolled_on when there is no activity since it: activity of an
 * earlier period does not make a new participant inactive.
 */
static void
rule_c6(const struct history *h, const struct settings *s,
    struct packet *p, struct arena *a)
{
	day_t since = date_add_years(p->as_of, -s->inactivity_years);
	day_t last;

	if (!enrolled_participant(p) || p->enrollment->enrolled_on == DAY_NONE)
		return;
	last = day_max(last_activity(h, p->as_of), p->enrollment->enrolled_on);
	if (last < since)
		alert(p, a, AL_WITHDRAWAL_INACTIVE, last, NULL, 0);
}

/* ---- time off (IL X) --------------------------------------------------- */

/* O1, O2: the courses enrolled on the as-of date. */
static int
enrolled_on_day(const struct course *c, day_t day)
{
	return c->status == CS_ENROLLED && runs_on(c, day);
}

/*
 * IL X.C, X.D (O1): half the weekly meeting hours, at most 8 hours a
 * week times time_base.
 */
static void
rule_o1(const struct history *h, const struct settings *s,
    struct packet *p)
{
	double meeting = 0, cap = s->max_hours_per_week * h->emp.time_base;
	size_t i;

	for (i = 0; i < h->ncourses; i++)
		if (enrolled_on_day(&h->courses[i], p->as_of) &&
		    h->courses[i].meeting_hours_per_week > 0)
			meeting += h->courses[i].meeting_hours_per_week;
	if (cap < 0)
		cap = 0;
	p->meeting_hours = meeting;
	p->hours_per_week = meeting / 2 < cap ? meeting / 2 : cap;
}

/* IL X.K, X.L (O2): half the full days, at most 20 a semester. */
static void
rule_o2(const struct history *h, const struct settings *s,
    struct packet *p)
{
	double days = 0;
	size_t i;

	for (i = 0; i < h->ncourses; i++)
		if (enrolled_on_day(&h->courses[i], p->as_of) &&
		    h->courses[i].full_day_days > 0)
			days += h->courses[i].full_day_days;
	p->full_day_days_off = days / 2 < s->max_full_day_days ? days / 2 :
	    s->max_full_day_days;
}

/* IL X.M (O3): a note, never an alert. */
static void
rule_o3(const struct history *h, struct packet *p)
{
	p->rotating_note = h->emp.rotating_schedule != 0;
}

/* ---- money (IL XI) ----------------------------------------------------- */

/*
 * IL XI.A (M1): max(0, tuition + fees - outside aid) for a counted
 * course, tuition capped per course at a private institution when the
 * cap is set; a planned course costs nothing yet.  A lab is paid like
 * any course.
 */
int64_t
rule_m1_paid(const struct course *c, const struct settings *s)
{
	int64_t tuition = c->tuition_cents > 0 ? c->tuition_cents : 0;
	int64_t fees = c->fees_cents > 0 ? c->fees_cents : 0, sum;

	if (!counted_status(c->status))
		return 0;
	if (!c->public_institution && s->private_tuition_cap_cents >= 0 &&
	    tuition > s->private_tuition_cap_cents)
		tuition = s->private_tuition_cap_cents;
	sum = cents_add(tuition, fees);
	return c->outside_aid_cents >= sum ? 0 : c->outside_aid_cents > 0 ?
	    sum - c->outside_aid_cents : sum;
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

/* M1 per course, and what binds (M2); p->courses parallels h->courses. */
static void
rule_m1(const struct history *h, const struct catalog *cat,
    const struct settings *s, struct packet *p, struct arena *a)
{
	struct course_view *cv;
	size_t i;

	p->courses = arena_alloc(a, (h->ncourses + 1) * sizeof(*p->courses));
	p->ncourses = h->ncourses;
	for (i = 0; i < h->ncourses; i++) {
		cv = &p->courses[i];
		cv->c = &h->courses[i];
		cv->counted = counted_class(cv->c);
		cv->in_fy = in_fy(cv->c->starts_on, date_fy(p->as_of));
		cv->program_paid_cents = rule_m1_paid(cv->c, s);
		p->program_paid_cents = cents_add(p->program_paid_cents,
		    cv->program_paid_cents);
		/* M2: paid for by the program (more than 0). */
		cv->binding = cv->program_paid_cents > 0 &&
		    toward_credential(h, cat, cv->c);
	}
}

/*
 * IL XI.F.1 (M2): 2 years of service from the ends_on of the latest
 * completed binding course.  Returns that course end, or DAY_NONE.
 */
static day_t
rule_m2(const struct settings *s, struct packet *p)
{
	day_t last = DAY_NONE;
	size_t i;

	for (i = 0; i < p->ncourses; i++) {
		if (!p->courses[i].binding)
			continue;
		p->binding_paid_cents = cents_add(p->binding_paid_cents,
		    p->courses[i].program_paid_cents);
		if (p->courses[i].c->status == CS_COMPLETED)
			last = day_max(last, p->courses[i].c->ends_on);
	}
	if (last != DAY_NONE)
		p->commitment_ends_on = date_add_years(last,
		    s->work_commitment_years);
	return last;
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
 * are the whole months from the course end to S, at most 24; the
 * repayment is the unserved share of what the binding courses cost, 0
 * once the commitment has ended.  M4 (IL XI.G): no interest is computed;
 * the records hold no notification date.
 */
static void
rule_m3(const struct history *h, const struct settings *s, day_t end,
    struct packet *p)
{
	int m = 12 * s->work_commitment_years;
	day_t sep = h->emp.separated_on != DAY_NONE ? h->emp.separated_on :
	    p->as_of;

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

/* ---- plans and assignments (CA) ---------------------------------------- */

/*
 * CA "Career Development Plan", 2 CCR 599.984(c) (P1): every enrolled
 * participant needs a plan, approved by the supervisor and reviewed by
 * the coordinator; the latest version decides.
 */
static void
rule_p1(struct packet *p, struct arena *a)
{
	const struct plan *pl = p->plan;

	if (!enrolled_participant(p))
		return;
	if (pl == NULL)
		alert(p, a, AL_PLAN_MISSING, DAY_NONE, NULL, 0);
	else if (pl->supervisor_approved_on == DAY_NONE)
		alert(p, a, AL_PLAN_NOT_APPROVED, pl->created_on, NULL,
		    pl->version);
	else if (pl->coordinator_reviewed_on == DAY_NONE)
		alert(p, a, AL_PLAN_NOT_REVIEWED, pl->supervisor_approved_on,
		    NULL, pl->version);
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

/* ---- the packet -------------------------------------------------------- */

/*
 * The order of alerts, most urgent first, a total order:
 *  1. rank: 0 what has already happened or breaks a rule now (an expired
 *     window or grade, a leave or limit that blocks, an over-long
 *     assignment, grounds for withdrawal); 1 what needs doing before a
 *     date (a closing window, an expiring grade, a plan to write, sign
 *     or review); 2 advice (the year's classes used, one class first);
 *  2. the alert's date, earliest first, alerts without one after;
 *  3. the code, in enum alert_code order (rules.md order);
 *  4. the title's class code, none first;
 *  5. the count.
 * Alerts equal in all five are identical, so equal inputs give an equal
 * array whatever qsort does with ties.
 */
int
rule_alert_rank(enum alert_code c)
{
	switch (c) {
	case AL_EXAM_WINDOW_EXPIRED:
	case AL_GRADE_EXPIRED:
	case AL_LEAVE_BLOCKS_ENROLLMENT:
	case AL_TARGET_LIMIT:
	case AL_CREDENTIAL_NEEDS_BACHELOR:
	case AL_TITLE_FROZEN:
	case AL_TOO_MANY_CONCURRENT:
	case AL_WITHDRAWAL_DROPS:
	case AL_WITHDRAWAL_INACTIVE:
	case AL_ASSIGNMENT_TOO_LONG:
		return 0;
	case AL_EXAM_WINDOW_CLOSING:
	case AL_GRADE_EXPIRING:
	case AL_REVISED_PLAN_REQUIRED:
	case AL_PLAN_MISSING:
	case AL_PLAN_NOT_APPROVED:
	case AL_PLAN_NOT_REVIEWED:
		return 1;
	default:
		return 2;
	}
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

/* The Illinois rules: E3, T, X, C, O, M. */
static void
packet_illinois(const struct history *h, const struct catalog *c,
    const struct settings *s, struct packet *p, struct arena *a)
{
	day_t end;

	rule_e3(h, p, a);
	targets_view(h, c, s, p, a);
	target_alerts(h, s, p, a);
	rule_x3(h, s, p);
	rule_c1(h, s, p, a);
	rule_c2(h, s, p, a);
	rule_c3(h, s, p, a);
	rule_c4(h, p, a);
	rule_c5(h, s, p, a);
	rule_c6(h, s, p, a);
	rule_o1(h, s, p);
	rule_o2(h, s, p);
	rule_o3(h, p);
	rule_m1(h, c, s, p, a);
	end = rule_m2(s, p);
	rule_m3(h, s, end, p);
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
	p->eligible = rule_eligible(h, c, prof, as_of);
	p->commitment_ends_on = DAY_NONE;
	packet_current(h, p);
	if (prof == PROFILE_ILLINOIS)
		packet_illinois(h, c, s, p, a);
	rule_p1(p, a);
	rule_p2(h, s, p, a);
	if (p->nalerts > 1)
		xqsort(p->alerts, p->nalerts, sizeof(*p->alerts), alert_cmp);
}

/* ---- eligibility lists (G3) -------------------------------------------- */

/* IL XII.D: the highest salary maximum of a title appointed to, or -1. */
static int64_t
appointed_top(const struct history *h, const struct catalog *c)
{
	const struct title *t;
	int64_t top = -1;
	size_t i;

	for (i = 0; i < h->nappointments; i++)
		if ((t = catalog_find(c, h->appointments[i].to_class_code))
		    != NULL && t->salary_max_cents > top)
			top = t->salary_max_cents;
	return top;
}

/*
 * IL XII, XIII (G3): one entry per title and county the employee named
 * (at most 3 by rank, XII.F) holding a grade valid on the as-of date
 * (its expiry day included), leaving out titles paying less than a title
 * the employee was appointed to, when both salaries are known (XII.D).
 * Ordering across employees is the caller's.
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
	for (i = 0; prof == PROFILE_ILLINOIS && i < h->nprefs; i++) {
		if ((t = catalog_find(c, h->prefs[i].class_code)) == NULL ||
		    (top >= 0 && t->salary_max_cents >= 0 &&
		    t->salary_max_cents < top) ||
		    !pref_within(h, i, s->max_counties))
			continue;
		g = latest_grade(h, t->code);
		if (g == NULL || g->issued_on == DAY_NONE || as_of >
		    date_add_years(g->issued_on, s->grade_valid_years))
			continue;
		e = &(*out)[(*n)++];
		e->title = t;
		e->county = h->prefs[i].county;
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

/* appointments: via the program in FY, FY-1 and FY-2. */
static void
fy_appointments(const struct history *h, const struct catalog *c,
    struct fy_figures *f)
{
	const struct title *t;
	size_t i;
	int y;

	for (i = 0; i < h->nappointments; i++)
		for (y = 0; y < 3; y++)
			if (h->appointments[i].via_program &&
			    in_fy(h->appointments[i].appointed_on, f->fy - y)) {
				f->appointments[y]++;
				t = catalog_find(c,
				    h->appointments[i].to_class_code);
				if (t != NULL && f->appointments_by_title)
					f->appointments_by_title[(size_t)y *
					    c->ntitles + (size_t)(t -
					    c->titles)]++;
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

void
rule_fy_add(const struct history *h, const struct catalog *c,
    const struct settings *s, enum profile prof, day_t as_of,
    struct fy_figures *f)
{
	size_t i;

	/* Eligible on the last day of FY, or on the as-of date inside it. */
	f->eligible_employees += rule_eligible(h, c, prof,
	    in_fy(as_of, f->fy) ? as_of : date_fy_end(f->fy));
	f->participating_employees += fy_participating(h, f->fy, as_of);
	fy_appointments(h, c, f);
	/* spent_cents: M1 over the counted courses starting in FY. */
	for (i = 0; i < h->ncourses; i++)
		if (in_fy(h->courses[i].starts_on, f->fy))
			f->course_spent_cents = cents_add(f->course_spent_cents,
			    rule_m1_paid(&h->courses[i], s));
	if (prof != PROFILE_ILLINOIS)
		return;
	fy_courses(h, f);
	f->exams_taken += exams_in_fy(h, f->fy);
	fy_grades(h, c, f);
}
