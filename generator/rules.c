/*
 * rules.c: the rules of rules.md, for one employee as of one date.
 *
 * PURE: everything comes from the arguments (the history, the catalog,
 * the settings, the profile, the date); nothing here opens a file,
 * queries a database or reads a clock, so each rule is tested on its own
 * (tests/unit/test_rules.c, one test per rule id).  Arrays go into the
 * arena the caller passes.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "extern.h"

/* ---- helpers ---------------------------------------------------------------- */

static void
alert(struct packet *p, struct arena *a, enum alert_code code, day_t on,
    const char *class_code, long count)
{
	struct alert *n = arena_alloc(a, (p->nalerts + 1) * sizeof(*n));

	if (p->nalerts)
		memcpy(n, p->alerts, p->nalerts * sizeof(*n));
	n[p->nalerts].code = code;
	n[p->nalerts].on = on;
	n[p->nalerts].class_code = class_code;
	n[p->nalerts++].count = count;
	p->alerts = n;
}

/* Counted classes (C1): enrolled, completed, dropped or failed. */
static int
counted_status(enum course_status s)
{
	return s != CS_PLANNED;
}

static int
in_fy(day_t t, int fy)
{
	return t != DAY_NONE && t >= date_fy_start(fy) && t <= date_fy_end(fy);
}

/* ---- eligibility ------------------------------------------------------------ */

int
rule_eligible(const struct history *h, const struct catalog *c,
    enum profile prof, day_t on)
{
	const struct employee *e = &h->emp;
	const struct title *t;

	if (prof == PROFILE_CALIFORNIA) {
		/* CA "Low-Paying Entry-Level Classifications" (E2). */
		t = catalog_find(c, e->class_code);
		return t != NULL && t->category == CAT_LPEL &&
		    (e->separated_on == DAY_NONE || e->separated_on > on);
	}
	/* IL II.A (E1); layoff does not end eligibility (IL II.C). */
	return e->bargaining_unit != NULL && (e->status == ST_PERMANENT ||
	    e->status == ST_PROBATIONARY) && (e->separated_on == DAY_NONE ||
	    e->separated_on > on);
}

/* ---- targets (IL V) ------------------------------------------------------- */

/* T1: a dual title counts by its route; with none, as a certificate. */
static enum title_kind
counts_as(const struct title *t, const struct target *tg)
{
	if (t->kind == KIND_DUAL)
		return tg->route == ROUTE_DEGREE ? KIND_CREDENTIAL :
		    KIND_CERTIFICATE;
	return t->kind;
}

/* X1-X3 apply to certificate titles and dual titles on the exam route. */
static int
exam_route(const struct title *t, const struct target *tg)
{
	return t->kind == KIND_CERTIFICATE || (t->kind == KIND_DUAL &&
	    tg->route != ROUTE_DEGREE);
}

/* X1, X2 for one target; its sections by name. */
static void
rule_x1_x2(const struct history *h, const struct settings *s,
    struct target_view *tv, struct arena *a)
{
	const char *code = tv->t->class_code;
	day_t latest_bad = DAY_NONE;
	size_t i, j, n = 0;
	const struct exam_attempt *last;

	tv->first_exam_on = DAY_NONE;
	tv->exam_window_ends_on = DAY_NONE;
	tv->next_exam_allowed_on = DAY_NONE;
	tv->sections_not_proficient = arena_alloc(a, (h->nattempts + 1) *
	    sizeof(char *));
	for (i = 0; i < h->nattempts; i++) {
		if (strcmp(h->attempts[i].class_code, code) != 0)
			continue;
		if (tv->first_exam_on == DAY_NONE ||
		    h->attempts[i].taken_on < tv->first_exam_on)
			tv->first_exam_on = h->attempts[i].taken_on;
		/* X2: a section's latest attempt decides; attempts come
		 * by date, so the last one seen for a section is it. */
		last = &h->attempts[i];
		for (j = i + 1; j < h->nattempts; j++)
			if (strcmp(h->attempts[j].class_code, code) == 0 &&
			    strcmp(h->attempts[j].section, last->section) == 0)
				break;
		if (j < h->nattempts || last->proficient)
			continue;
		tv->sections_not_proficient[n++] = last->section;
		if (latest_bad == DAY_NONE || last->taken_on > latest_bad)
			latest_bad = last->taken_on;
	}
	tv->nsections_not_proficient = n;
	/* IL VII.B: a retest 30 days after the non-proficient attempt. */
	if (n > 0)
		tv->next_exam_allowed_on = latest_bad + s->retest_wait_days;
	/* IL VII.G: 3 years from the first attempt, until a grade. */
	if (tv->first_exam_on != DAY_NONE && tv->grade == NULL)
		tv->exam_window_ends_on = date_add_years(tv->first_exam_on,
		    s->exam_window_years);
}

/* G1: the latest grade for the title, expired or not. */
static void
rule_g1(const struct history *h, const struct settings *s,
    struct target_view *tv)
{
	size_t i;

	tv->grade = NULL;
	tv->grade_expires_on = DAY_NONE;
	for (i = 0; i < h->ngrades; i++)
		if (strcmp(h->grades[i].class_code, tv->t->class_code) == 0 &&
		    (tv->grade == NULL ||
		    h->grades[i].issued_on >= tv->grade->issued_on))
			tv->grade = &h->grades[i];
	if (tv->grade != NULL)
		/* IL XII.C: valid for 6 years. */
		tv->grade_expires_on = date_add_years(tv->grade->issued_on,
		    s->grade_valid_years);
}

static void
rule_counties(const struct history *h, const struct settings *s,
    struct target_view *tv)
{
	size_t i;

	for (i = 0; i < h->nprefs && tv->ncounties < 3 &&
	    tv->ncounties < (size_t)s->max_counties; i++)
		if (strcmp(h->prefs[i].class_code, tv->t->class_code) == 0)
			tv->counties[tv->ncounties++] = h->prefs[i].county;
}

static void
targets_view(const struct history *h, const struct catalog *c,
    const struct settings *s, struct packet *p, struct arena *a)
{
	const struct target *tg;
	const struct title *t;
	struct target_view *tv;
	size_t i;

	p->targets = arena_alloc(a, (h->ntargets + 1) * sizeof(*p->targets));
	for (i = 0; i < h->ntargets; i++) {
		tg = &h->targets[i];
		/* Open targets: not ended, or ended after the as-of date. */
		if (tg->ended_on != DAY_NONE && tg->ended_on <= p->as_of)
			continue;
		if ((t = catalog_find(c, tg->class_code)) == NULL)
			continue;
		tv = &p->targets[p->ntargets++];
		tv->t = tg;
		tv->title = t;
		tv->counts_as = counts_as(t, tg);
		tv->exam_route = exam_route(t, tg);
		rule_g1(h, s, tv);
		rule_x1_x2(h, s, tv, a);
		rule_counties(h, s, tv);
	}
}

/* T1, T2, T3 and the X1 and G1 alerts. */
static void
target_alerts(const struct history *h, const struct settings *s,
    struct packet *p, struct arena *a)
{
	const struct target_view *tv;
	long cert = 0, cred = 0;
	size_t i;

	for (i = 0; i < p->ntargets; i++) {
		tv = &p->targets[i];
		cert += tv->counts_as == KIND_CERTIFICATE;
		cred += tv->counts_as == KIND_CREDENTIAL;
		/* T2 (IL V.C) */
		if (tv->title->kind != KIND_CERTIFICATE &&
		    tv->counts_as == KIND_CREDENTIAL &&
		    tv->title->degree >= DEG_MASTER &&
		    h->emp.highest_degree < DEG_BACHELOR)
			alert(p, a, AL_CREDENTIAL_NEEDS_BACHELOR, DAY_NONE,
			    tv->t->class_code, 0);
		/* T3 (IL V.B) */
		if (tv->title->frozen_on != DAY_NONE &&
		    tv->t->targeted_on >= tv->title->frozen_on)
			alert(p, a, AL_TITLE_FROZEN, tv->title->frozen_on,
			    tv->t->class_code, 0);
		/* X1 */
		if (tv->exam_route && tv->exam_window_ends_on != DAY_NONE) {
			if (p->as_of > tv->exam_window_ends_on)
				alert(p, a, AL_EXAM_WINDOW_EXPIRED,
				    tv->exam_window_ends_on, tv->t->class_code,
				    0);
			else if (p->as_of >= tv->exam_window_ends_on -
			    s->warning_days)
				alert(p, a, AL_EXAM_WINDOW_CLOSING,
				    tv->exam_window_ends_on, tv->t->class_code,
				    0);
		}
		/* G1 */
		if (tv->grade != NULL) {
			if (p->as_of > tv->grade_expires_on)
				alert(p, a, AL_GRADE_EXPIRED,
				    tv->grade_expires_on, tv->t->class_code, 0);
			else if (p->as_of >= tv->grade_expires_on -
			    s->warning_days)
				alert(p, a, AL_GRADE_EXPIRING,
				    tv->grade_expires_on, tv->t->class_code, 0);
		}
	}
	/* T1 (IL V.A) */
	if (cert > s->max_certificate_targets || cred > s->max_credential_targets)
		alert(p, a, AL_TARGET_LIMIT, DAY_NONE, NULL, cert + cred);
}

/* ---- exams (X3) -------------------------------------------------------------- */

/*
 * Exams in the half-year of day (or, with fy >= 0, in fiscal year fy):
 * attempts on one date for one title are one exam (IL VII.H).
 */
static int
exams_count(const struct history *h, day_t day, int fy)
{
	size_t i, j;
	int n = 0;

	for (i = 0; i < h->nattempts; i++) {
		if (fy >= 0 ? !in_fy(h->attempts[i].taken_on, fy) :
		    date_half(h->attempts[i].taken_on) != date_half(day))
			continue;
		for (j = 0; j < i; j++)
			if (h->attempts[j].taken_on ==
			    h->attempts[i].taken_on &&
			    strcmp(h->attempts[j].class_code,
			    h->attempts[i].class_code) == 0)
				break;
		n += j == i;
	}
	return n;
}

/* ---- classes (IL VIII, IX) ------------------------------------------------- */

/*
 * C1: counted classes of a fiscal year, labs left out; 3+ credit hours
 * (or unknown) count 1; 1-credit courses count 1 per three; what is left
 * of them with the 2-credit courses counts 1 per pair, a single one 1.
 */
int
rule_c1_count(const struct course *cs, size_t n, int fy)
{
	int big = 0, one = 0, two = 0, rest;
	size_t i;

	for (i = 0; i < n; i++) {
		if (!counted_status(cs[i].status) || cs[i].lab_for != 0 ||
		    !in_fy(cs[i].starts_on, fy))
			continue;
		if (cs[i].credit_hours < 0 || cs[i].credit_hours >= 3)
			big++;
		else if (cs[i].credit_hours >= 2)
			two++;
		else
			one++;
	}
	rest = one % 3 + two;
	return big + one / 3 + (rest + 1) / 2;
}

static void
rule_classes(const struct history *h, const struct settings *s,
    struct packet *p, struct arena *a)
{
	const struct course *c;
	int summer = 0, n;
	size_t i;

	p->classes_fy = date_fy(p->as_of);
	p->classes_counted = rule_c1_count(h->courses, h->ncourses,
	    p->classes_fy);
	n = s->max_classes_per_year - p->classes_counted;
	p->classes_remaining = n > 0 ? n : 0;
	if (p->classes_remaining == 0)
		alert(p, a, AL_CLASS_LIMIT_REACHED, date_fy_end(p->classes_fy),
		    NULL, p->classes_counted);
	/* C2: enrolled courses over the as-of date, labs out. */
	for (i = 0; i < h->ncourses; i++) {
		c = &h->courses[i];
		if (c->status != CS_ENROLLED || c->lab_for != 0 ||
		    c->starts_on > p->as_of || c->ends_on < p->as_of)
			continue;
		p->classes_concurrent++;
		summer |= c->summer_term && c->semester_school;
	}
	/* IL VIII.B: 1 in a summer term at a semester school. */
	p->concurrent_limit = summer ? s->max_concurrent_summer :
	    s->max_concurrent_classes;
	if (p->classes_concurrent > p->concurrent_limit)
		alert(p, a, AL_TOO_MANY_CONCURRENT, p->as_of, NULL,
		    p->classes_concurrent);
}

/* C3-C6. */
static void
rule_progress(const struct history *h, const struct settings *s,
    struct packet *p, struct arena *a)
{
	day_t recent = date_add_years(p->as_of, -s->recent_credit_years);
	day_t since = date_add_years(p->as_of, -s->inactivity_years);
	day_t last_drop = DAY_NONE, last_act = DAY_NONE;
	int planned = 0, completed = 0, recent_done = 0;
	long drops = 0;
	size_t i;

	for (i = 0; i < h->ncourses; i++) {
		const struct course *c = &h->courses[i];

		planned |= c->status == CS_PLANNED;
		completed |= c->status == CS_COMPLETED;
		recent_done |= c->status == CS_COMPLETED && c->ends_on >= recent;
		if (c->status == CS_DROPPED || c->status == CS_FAILED) {
			drops++;
			if (c->status_on != DAY_NONE && (last_drop == DAY_NONE
			    || c->status_on > last_drop))
				last_drop = c->status_on;
		}
		if (counted_status(c->status) && c->starts_on <= p->as_of &&
		    c->starts_on > last_act)
			last_act = c->starts_on;
	}
	for (i = 0; i < h->nattempts; i++)
		if (h->attempts[i].taken_on <= p->as_of &&
		    h->attempts[i].taken_on > last_act)
			last_act = h->attempts[i].taken_on;
	/* C3 (IL VIII.F) */
	if ((h->emp.last_academic_credit_on == DAY_NONE ||
	    h->emp.last_academic_credit_on < recent) && !recent_done &&
	    planned && !completed)
		alert(p, a, AL_FIRST_TERM_ONE_CLASS, DAY_NONE, NULL, 0);
	/* C4 (IL IX.A) */
	if (last_drop != DAY_NONE && p->plan != NULL &&
	    last_drop > p->plan->created_on)
		alert(p, a, AL_REVISED_PLAN_REQUIRED, last_drop, NULL, 0);
	/* C5 (IL IX.B) */
	if (drops >= s->withdrawal_drops)
		alert(p, a, AL_WITHDRAWAL_DROPS, DAY_NONE, NULL, drops);
	/* C6 (IL IX.D): from enrolled_on when there is no activity. */
	if (p->enrollment != NULL && p->enrollment->status == ENR_ACTIVE) {
		if (last_act == DAY_NONE || last_act < p->enrollment->enrolled_on)
			last_act = p->enrollment->enrolled_on;
		if (last_act < since)
			alert(p, a, AL_WITHDRAWAL_INACTIVE, last_act, NULL, 0);
	}
}

/* ---- time off (IL X) ---------------------------------------------------------- */

static void
rule_time_off(const struct history *h, const struct settings *s,
    struct packet *p)
{
	double meeting = 0, days = 0, cap;
	size_t i;

	for (i = 0; i < h->ncourses; i++) {
		const struct course *c = &h->courses[i];

		if (c->status != CS_ENROLLED || c->starts_on > p->as_of ||
		    c->ends_on < p->as_of)
			continue;
		meeting += c->meeting_hours_per_week;
		if (c->full_day_days >= 0)
			days += c->full_day_days;
	}
	/* X.C, X.D: half the meeting hours, at most 8 times time_base. */
	cap = s->max_hours_per_week * h->emp.time_base;
	p->meeting_hours = meeting;
	p->hours_per_week = meeting / 2 < cap ? meeting / 2 : cap;
	/* X.K, X.L: half the full days, at most 20 a semester. */
	p->full_day_days_off = days / 2 < s->max_full_day_days ? days / 2 :
	    s->max_full_day_days;
	p->rotating_note = h->emp.rotating_schedule;	/* O3 */
}

/* ---- money (IL XI) -------------------------------------------------------- */

/* M1 for one course. */
int64_t
rule_m1_paid(const struct course *c, const struct settings *s)
{
	int64_t tuition = c->tuition_cents, v;

	if (!counted_status(c->status))
		return 0;
	if (!c->public_institution && s->private_tuition_cap_cents >= 0 &&
	    tuition > s->private_tuition_cap_cents)
		tuition = s->private_tuition_cap_cents;
	v = tuition + c->fees_cents - c->outside_aid_cents;
	return v > 0 ? v : 0;
}

/* M2: a course toward a credential, or a dual title on the degree route. */
static int
binding_course(const struct history *h, const struct catalog *cat,
    const struct course *c)
{
	const struct title *t;
	size_t i;

	if (c->class_code == NULL || (t = catalog_find(cat, c->class_code)) ==
	    NULL)
		return 0;
	if (t->kind == KIND_CREDENTIAL)
		return 1;
	if (t->kind != KIND_DUAL)
		return 0;
	for (i = 0; i < h->ntargets; i++)
		if (strcmp(h->targets[i].class_code, c->class_code) == 0 &&
		    h->targets[i].route == ROUTE_DEGREE)
			return 1;
	return 0;
}

static void
rule_money(const struct history *h, const struct catalog *cat,
    const struct settings *s, struct packet *p, struct arena *a)
{
	struct course_view *cv;
	day_t last_end = DAY_NONE, sep;
	int months;
	size_t i;

	p->courses = arena_alloc(a, (h->ncourses + 1) * sizeof(*p->courses));
	p->ncourses = h->ncourses;
	p->commitment_ends_on = DAY_NONE;
	for (i = 0; i < h->ncourses; i++) {
		cv = &p->courses[i];
		cv->c = &h->courses[i];
		cv->counted = counted_status(cv->c->status) &&
		    cv->c->lab_for == 0;
		cv->in_fy = in_fy(cv->c->starts_on, date_fy(p->as_of));
		cv->program_paid_cents = rule_m1_paid(cv->c, s);
		p->program_paid_cents += cv->program_paid_cents;
		cv->binding = cv->program_paid_cents > 0 &&
		    binding_course(h, cat, cv->c);
		if (!cv->binding)
			continue;
		p->binding_paid_cents += cv->program_paid_cents;
		if (cv->c->status == CS_COMPLETED && (last_end == DAY_NONE ||
		    cv->c->ends_on > last_end))
			last_end = cv->c->ends_on;
	}
	if (last_end == DAY_NONE) {
		p->binding_paid_cents = 0;
		return;
	}
	/* IL XI.F.1: 2 years from the end of the latest such course. */
	p->commitment_ends_on = date_add_years(last_end,
	    s->work_commitment_years);
	/* IL XI.F: repay the share of the months not served. */
	sep = h->emp.separated_on != DAY_NONE ? h->emp.separated_on :
	    p->as_of;
	months = sep > last_end ? date_whole_months(last_end, sep) : 0;
	if (months > 12 * s->work_commitment_years)
		months = 12 * s->work_commitment_years;
	p->months_fulfilled = months;
	p->repayment_cents = (p->binding_paid_cents * 2 *
	    (12 * s->work_commitment_years - months) +
	    12 * s->work_commitment_years) / (2 * 12 *
	    s->work_commitment_years);
}

/* ---- plans and assignments (CA) ---------------------------------------------- */

static void
rule_p1_p2(const struct history *h, const struct settings *s,
    struct packet *p, struct arena *a)
{
	size_t i;
	day_t end;

	/* P1: every enrolled participant needs a plan. */
	if (p->enrollment != NULL && p->enrollment->status == ENR_ACTIVE) {
		if (p->plan == NULL)
			alert(p, a, AL_PLAN_MISSING, DAY_NONE, NULL, 0);
		else if (p->plan->supervisor_approved_on == DAY_NONE)
			alert(p, a, AL_PLAN_NOT_APPROVED, p->plan->created_on,
			    NULL, p->plan->version);
		else if (p->plan->coordinator_reviewed_on == DAY_NONE)
			alert(p, a, AL_PLAN_NOT_REVIEWED,
			    p->plan->supervisor_approved_on, NULL,
			    p->plan->version);
	}
	/* P2: a training and development assignment lasts 2 years. */
	for (i = 0; i < h->nassignments; i++) {
		const struct assignment *as = &h->assignments[i];

		if (as->kind != AK_TRAINING_DEVELOPMENT || (as->ends_on !=
		    DAY_NONE && as->ends_on < p->as_of))
			continue;
		end = as->ends_on != DAY_NONE ? as->ends_on : p->as_of;
		if (end > date_add_years(as->starts_on,
		    s->max_assignment_years))
			alert(p, a, AL_ASSIGNMENT_TOO_LONG, date_add_years(
			    as->starts_on, s->max_assignment_years), NULL, 0);
	}
}

/* ---- the packet ------------------------------------------------------------ */

/*
 * Most urgent first: what already happened or blocks (expired windows
 * and grades, blocked enrollment, limits), then what has a date, soonest
 * first, then the rest; ties by code and title, a total order.
 */
static int
alert_rank(enum alert_code c)
{
	switch (c) {
	case AL_EXAM_WINDOW_EXPIRED:
	case AL_GRADE_EXPIRED:
	case AL_LEAVE_BLOCKS_ENROLLMENT:
	case AL_TOO_MANY_CONCURRENT:
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
alert_cmp(const void *x, const void *y)
{
	const struct alert *a = x, *b = y;
	int c;

	if (alert_rank(a->code) != alert_rank(b->code))
		return alert_rank(a->code) - alert_rank(b->code);
	if (a->on != b->on)
		return a->on == DAY_NONE ? 1 : b->on == DAY_NONE ? -1 :
		    a->on < b->on ? -1 : 1;
	if (a->code != b->code)
		return (int)a->code - (int)b->code;
	if ((c = strcmp(a->class_code ? a->class_code : "",
	    b->class_code ? b->class_code : "")) != 0)
		return c;
	return (a->count > b->count) - (a->count < b->count);
}

void
rule_packet(const struct history *h, const struct catalog *c,
    const struct settings *s, enum profile prof, day_t as_of,
    struct arena *a, struct packet *p)
{
	size_t i;

	memset(p, 0, sizeof(*p));
	p->as_of = as_of;
	p->profile = prof;
	p->h = h;
	p->cls = catalog_find(c, h->emp.class_code);
	p->eligible = rule_eligible(h, c, prof, as_of);
	for (i = 0; i < h->nenrollments; i++)
		p->enrollment = &h->enrollments[i];	/* latest enrolled_on */
	for (i = 0; i < h->nplans; i++)
		if (p->plan == NULL || h->plans[i].version > p->plan->version)
			p->plan = &h->plans[i];
	p->commitment_ends_on = DAY_NONE;
	if (prof == PROFILE_ILLINOIS) {
		targets_view(h, c, s, p, a);
		target_alerts(h, s, p, a);
		p->exams_used = exams_count(h, as_of, -1);
		p->exams_remaining = s->max_exams_per_half_year > p->exams_used
		    ? s->max_exams_per_half_year - p->exams_used : 0;
		rule_classes(h, s, p, a);
		rule_progress(h, s, p, a);
		rule_time_off(h, s, p);
		rule_money(h, c, s, p, a);
		/* E3 (IL IV.C) */
		if (h->emp.leave == LEAVE_OTHER)
			for (i = 0; i < h->ncourses; i++)
				if (h->courses[i].status == CS_PLANNED ||
				    h->courses[i].status == CS_ENROLLED) {
					alert(p, a, AL_LEAVE_BLOCKS_ENROLLMENT,
					    DAY_NONE, NULL, 0);
					break;
				}
	}
	rule_p1_p2(h, s, p, a);
	if (p->nalerts > 1)
		qsort(p->alerts, p->nalerts, sizeof(*p->alerts), alert_cmp);
}

/* ---- lists (G3) ------------------------------------------------------------- */

void
rule_list_entries(const struct history *h, const struct catalog *c,
    const struct settings *s, enum profile prof, day_t as_of,
    struct arena *a, struct list_entry **out, size_t *n)
{
	const struct grade *g;
	const struct title *t, *to;
	int64_t top = -1;
	size_t i, j, k, cnt;

	*out = arena_alloc(a, (h->nprefs + 1) * sizeof(**out));
	*n = 0;
	if (prof != PROFILE_ILLINOIS)
		return;
	/* IL XII.D: the highest salary of a title appointed to. */
	for (i = 0; i < h->nappointments; i++)
		if ((to = catalog_find(c, h->appointments[i].to_class_code)) &&
		    to->salary_max_cents > top)
			top = to->salary_max_cents;
	for (i = 0; i < h->nprefs; i++) {
		if ((t = catalog_find(c, h->prefs[i].class_code)) == NULL)
			continue;
		if (top >= 0 && t->salary_max_cents >= 0 &&
		    t->salary_max_cents < top)
			continue;
		for (j = 0, cnt = 0; j < i; j++)	/* at most 3 by rank */
			cnt += strcmp(h->prefs[j].class_code,
			    h->prefs[i].class_code) == 0;
		if (cnt >= (size_t)s->max_counties)
			continue;
		for (g = NULL, k = 0; k < h->ngrades; k++)
			if (strcmp(h->grades[k].class_code, t->code) == 0 &&
			    (g == NULL || h->grades[k].issued_on >=
			    g->issued_on))
				g = &h->grades[k];
		if (g == NULL || as_of > date_add_years(g->issued_on,
		    s->grade_valid_years))
			continue;
		(*out)[*n].title = t;
		(*out)[*n].county = h->prefs[i].county;
		(*out)[*n].grade = g->grade;
		(*out)[*n].issued_on = g->issued_on;
		(*out)[*n].expires_on = date_add_years(g->issued_on,
		    s->grade_valid_years);
		(*out)[(*n)++].seniority_date = h->emp.seniority_date;
	}
}

/* ---- annual figures ------------------------------------------------------- */

/* Was the enrollment active on some day of [from, to]? */
static int
active_between(const struct enrollment *e, day_t from, day_t to)
{
	day_t end = to;

	if (e->status != ENR_ACTIVE)
		end = e->status_on != DAY_NONE ? e->status_on - 1 :
		    e->enrolled_on - 1;
	if (end > to)
		end = to;
	return e->enrolled_on <= end && end >= from;
}

void
rule_fy_add(const struct history *h, const struct catalog *c,
    const struct settings *s, enum profile prof, day_t as_of,
    struct fy_figures *f)
{
	day_t first = date_fy_start(f->fy), last = date_fy_end(f->fy);
	day_t upto = as_of < last ? as_of : last;
	const struct title *t;
	size_t i;
	int y;

	(void)s;
	f->eligible_employees += rule_eligible(h, c, prof, in_fy(as_of, f->fy)
	    ? as_of : last);
	for (i = 0; i < h->nenrollments; i++)
		if (active_between(&h->enrollments[i], first, upto)) {
			f->participating_employees++;
			break;
		}
	for (i = 0; i < h->nappointments; i++)
		for (y = 0; y < 3; y++)
			if (h->appointments[i].via_program &&
			    in_fy(h->appointments[i].appointed_on, f->fy - y))
				f->appointments[y]++;
	for (i = 0; i < h->ncourses; i++)
		if (in_fy(h->courses[i].starts_on, f->fy))
			f->course_spent_cents += rule_m1_paid(&h->courses[i],
			    s);
	if (prof != PROFILE_ILLINOIS)
		return;
	for (i = 0; i < h->ncourses; i++) {
		const struct course *co = &h->courses[i];

		if (!counted_status(co->status) || co->lab_for != 0 ||
		    !in_fy(co->starts_on, f->fy))
			continue;
		f->courses_taken++;
		f->courses_completed += co->status == CS_COMPLETED;
		f->courses_dropped += co->status == CS_DROPPED;
		f->courses_failed += co->status == CS_FAILED;
	}
	f->exams_taken += exams_count(h, as_of, f->fy);
	for (i = 0; i < h->ngrades; i++)
		if (in_fy(h->grades[i].issued_on, f->fy)) {
			f->grades_issued++;
			if ((t = catalog_find(c, h->grades[i].class_code)) &&
			    f->grades_by_title)
				f->grades_by_title[t - c->titles]++;
		}
}
