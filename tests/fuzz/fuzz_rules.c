/*
 * fuzz_rules.c: the pure rules engine (rules.c, model.h).
 *
 * The input bytes are decoded into one employee's history as records.c
 * would hand it over: every enumeration valid, every class code in the
 * catalog (CK_CODE), dates real days in 1990-2040 with ends on or after
 * starts, money non-negative (now and then near INT64_MAX, far beyond
 * the records' limit, issue #20), course ids unique and labs naming
 * another course, plan versions unique, application periods unique, and
 * every array in the reader's order.  Up to 28 courses, at times many
 * short ones in one fiscal year (C1's grouping must stay bounded).  Then
 * the settings (the Illinois defaults, or values inside the ranges
 * site.yaml accepts, with covered bargaining units and registration
 * months), the application status the caller would set, the profile and
 * the as-of date.  Exhausted input reads as zeros, so every input is a
 * history.
 *
 * rule_packet() runs on it, twice (the second time in a fresh arena, to
 * see it answers alike), and abort() fires when the answer breaks what
 * rules.md says: counts, hours and money negative or out of their
 * bounds, exam dates other than a plain reimplementation of X1-X4 gives
 * (X1's end by the literal iteration "until the end stops moving"), a
 * C1 count other than the fewest groups (every partition tried, up to 8
 * short courses), the alerts out of their total order, an alert of a
 * rule the profile does not apply, or an alert raised without its cause
 * (or a cause without its alert, where rules.md says the alert must be
 * raised).  rule_list_entries() and rule_fy_add() run on the same
 * history and are checked likewise, and the packet is put into words
 * (view_packet, view_text: money and dates at their extremes).
 *
 * FUZZ_VERBOSE=1 prints the decoded history and the packet's alerts.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extern.h"	/* model.h, and view.c's words */
#include "fuzz.h"
#include "../c1_oracle.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static int verbose;

/* ---- the catalog: fixed, sorted by code (catalog_find bisects) ---------- */

static struct title titles[] = {
	{ "CERT-A", "Certificate A", NULL, KIND_CERTIFICATE, CAT_NONE,
	    DEG_NONE, DAY_NONE, 500000, 0, "t", 1, NULL, -1 },
	{ "CERT-B", "Certificate B", NULL, KIND_CERTIFICATE, CAT_ELTPA,
	    DEG_NONE, DAY_NONE, 400000, 0, "t", 2, NULL, -1 },
	{ "CLERK", "Clerk", NULL, KIND_NONE, CAT_LPEL, DEG_NONE, DAY_NONE,
	    300000, 0, "t", 3, NULL, -1 },
	{ "CRED-B", "Credential B", NULL, KIND_CREDENTIAL, CAT_NONE,
	    DEG_BACHELOR, DAY_NONE, 650000, 0, "t", 4, "RC-063", 14 },
	{ "CRED-D", "Credential D", NULL, KIND_CREDENTIAL, CAT_BRIDGING,
	    DEG_DOCTORATE, DAY_NONE, -1, 0, "t", 5, NULL, -1 },
	{ "CRED-M", "Credential M", NULL, KIND_CREDENTIAL, CAT_NONE,
	    DEG_MASTER, DAY_NONE, 700000, 0, "t", 6, NULL, -1 },
	{ "DUAL", "Dual", NULL, KIND_DUAL, CAT_NONE, DEG_BACHELOR, DAY_NONE,
	    600000, 0, "t", 7, NULL, 0 },
	{ "DUAL-M", "Dual M", NULL, KIND_DUAL, CAT_NONE, DEG_MASTER, DAY_NONE,
	    620000, 0, "t", 8, NULL, -1 },
	{ "FROZEN", "Frozen", NULL, KIND_CERTIFICATE, CAT_NONE, DEG_NONE,
	    0 /* set in init */, 400000, 0, "t", 9, NULL, -1 },
	{ "LPEL-2", "Entry two", NULL, KIND_NONE, CAT_LPEL, DEG_NONE,
	    DAY_NONE, 310000, 0, "t", 10, NULL, -1 },
	{ "NOSAL", "No salary", NULL, KIND_CERTIFICATE, CAT_NONE, DEG_NONE,
	    DAY_NONE, -1, 0, "t", 11, NULL, -1 },
};
static const struct catalog cat = { titles, NELEM(titles), NULL, 0 };

/* covered_bargaining_units: RC-063, or (from [1]) an empty list. */
static const char *const covered_list[] = { "RC-063", NULL };

static const char *const sections[] = { "A", "B", "Math", "Writing" };
static const char *const counties[] = { "Cook", "Sangamon", "Will", "Lake",
	"Peoria" };

static day_t day_lo, day_hi;	/* 1990-01-01, 2040-12-31 */

/* ---- decoding bytes ------------------------------------------------------ */

struct src {
	const uint8_t	*p;
	size_t		 n;
	day_t		 as_of;	/* dates cluster around it */
	day_t		 last;	/* the last date decoded */
};

static unsigned
u8(struct src *s)
{
	if (s->n == 0)
		return 0;
	s->n--;
	return *s->p++;
}

static uint32_t
u32(struct src *s)
{
	uint32_t v = 0;
	int i;

	for (i = 0; i < 4; i++)
		v = v << 8 | u8(s);
	return v;
}

/* lo..hi inclusive. */
static long long
range(struct src *s, long long lo, long long hi)
{
	uint64_t span = (uint64_t)(hi - lo) + 1, v;

	v = (uint64_t)u32(s) << 32 | u32(s);
	return span == 0 ? lo + (long long)v : lo + (long long)(v % span);
}

/* Small ranges take one byte, so inputs stay short. */
static int
small(struct src *s, int lo, int hi)
{
	return lo + (int)(u8(s) % (unsigned)(hi - lo + 1));
}

static day_t
clamp(day_t t)
{
	return t < day_lo ? day_lo : t > day_hi ? day_hi : t;
}

/*
 * A date in 1990-2040.  Uniform dates seldom meet: most are near the
 * as-of date, whole years before or after it (the rules' periods), or
 * near the last date decoded.
 */
static day_t
day(struct src *s)
{
	day_t t;

	switch (u8(s) % 6) {
	case 0:
		t = (day_t)range(s, day_lo, day_hi);
		break;
	case 1:
		t = s->as_of + small(s, -128, 127);
		break;
	case 2:
		t = date_add_years(s->as_of, -small(s, 0, 10)) +
		    small(s, -3, 3);
		break;
	case 3:
		t = date_add_months(s->as_of, small(s, -30, 30)) +
		    small(s, -2, 2);
		break;
	case 4:
		t = s->last + small(s, 0, 255);
		break;
	default:
		t = s->last - small(s, 0, 255) * 7;
		break;
	}
	return s->last = clamp(t);
}

static day_t
day_opt(struct src *s)
{
	return u8(s) % 4 == 0 ? DAY_NONE : day(s);
}

/* An end on or after start, or none when may_be_none. */
static day_t
day_end(struct src *s, day_t start, int may_be_none)
{
	unsigned m = u8(s) % 4;

	if (may_be_none && m == 0)
		return DAY_NONE;
	if (m == 1)
		return start;
	return clamp(start + (day_t)range(s, 0, m == 2 ? 400 : 4000));
}

static const char *
code(struct src *s)
{
	return titles[u8(s) % NELEM(titles)].code;
}

static const char *
code_opt(struct src *s)
{
	return u8(s) % 4 == 0 ? NULL : code(s);
}

/* Non-negative cents, now and then near the largest. */
static int64_t
money(struct src *s)
{
	switch (u8(s) % 5) {
	case 0:
		return 0;
	case 1:
		return small(s, 0, 255) * 1000;
	case 2:
		return range(s, 0, 2000000);
	case 3:
		return range(s, 0, INT64_MAX);
	default:
		return INT64_MAX - small(s, 0, 255);
	}
}

/* ---- the history ---------------------------------------------------------- */

#define N_ENR	4
#define N_PLAN	3
#define N_STEP	2
#define N_TGT	5
#define N_ATT	8
#define N_CRS	28
#define N_GRD	5
#define N_PREF	6
#define N_APPT	3
#define N_ASG	3
#define N_LV	4
#define N_EXT	3
#define N_APPL	3

struct rec {
	struct history		 h;
	struct enrollment	 enr[N_ENR];
	struct plan		 plan[N_PLAN];
	struct plan_step	 step[N_PLAN][N_STEP];
	struct target		 tgt[N_TGT];
	struct exam_attempt	 att[N_ATT];
	struct course		 crs[N_CRS];
	struct grade		 grd[N_GRD];
	struct county_pref	 pref[N_PREF];
	struct appointment	 appt[N_APPT];
	struct assignment	 asg[N_ASG];
	struct leave_row	 lv[N_LV];
	struct exam_extension	 ext[N_EXT];
	struct application	 appl[N_APPL];
	struct app_status	 app;
};

/* Stable insertion sorts by the reader's ORDER BY (ties by rowid). */
#define SORT(arr, n, T, less) do {					\
	size_t i_, j_;							\
	for (i_ = 1; i_ < (n); i_++) {					\
		T x_ = (arr)[i_];					\
		for (j_ = i_; j_ > 0 && less(&x_, &(arr)[j_ - 1]); j_--)\
			(arr)[j_] = (arr)[j_ - 1];			\
		(arr)[j_] = x_;						\
	}								\
} while (0)

#define BY(field) (a->field < b->field || (a->field == b->field && \
	a->rowid < b->rowid))
static int enr_less(const struct enrollment *a, const struct enrollment *b)
{ return BY(enrolled_on); }
static int tgt_less(const struct target *a, const struct target *b)
{ return BY(targeted_on); }
static int att_less(const struct exam_attempt *a, const struct exam_attempt *b)
{ return BY(taken_on); }
static int grd_less(const struct grade *a, const struct grade *b)
{ return BY(issued_on); }
static int appt_less(const struct appointment *a, const struct appointment *b)
{ return BY(appointed_on); }
static int asg_less(const struct assignment *a, const struct assignment *b)
{ return BY(starts_on); }
static int lv_less(const struct leave_row *a, const struct leave_row *b)
{ return BY(starts_on); }
static int ext_less(const struct exam_extension *a,
    const struct exam_extension *b)
{ return BY(granted_on); }
static int appl_less(const struct application *a,
    const struct application *b)
{ return BY(period); }
static int
crs_less(const struct course *a, const struct course *b)
{
	return a->starts_on < b->starts_on ||
	    (a->starts_on == b->starts_on && a->id < b->id);
}
static int
pref_less(const struct county_pref *a, const struct county_pref *b)
{
	int c = strcmp(a->class_code, b->class_code);

	return c < 0 || (c == 0 && (a->rank < b->rank ||
	    (a->rank == b->rank && a->rowid < b->rowid)));
}

/*
 * The courses.  Now and then (dense) they are many short courses one
 * after another in the as-of fiscal year, or all at once: C1's grouping
 * at its largest (20 short courses are the exact search's limit).
 */
static void
decode_courses(struct src *s, struct rec *r)
{
	static const double credits[] = { -1, 0, 0.5, 1, 1.5, 2, 2.5, 2.9,
	    3, 4, 12, 1000 };
	struct history *h = &r->h;
	int dense = u8(s) % 6 == 0, gap = small(s, 0, 20);
	day_t t0 = date_fy_start(date_fy(s->as_of));
	size_t i;

	h->ncourses = dense ? (size_t)small(s, 18, N_CRS) :
	    (size_t)small(s, 0, 8);
	for (i = 0; i < h->ncourses; i++) {
		struct course *c = &r->crs[i];

		c->rowid = (long long)i + 1000;
		c->id = (long long)i + 1;
		c->class_code = code_opt(s);
		c->institution = "College";
		c->public_institution = u8(s) & 1;
		c->name = "Course";
		if (dense) {
			c->starts_on = t0 + (day_t)i * gap + small(s, 0, 3);
			c->ends_on = c->starts_on + small(s, 0, 2 * gap);
			c->credit_hours = small(s, 1, 4) / 2.0;
		} else {
			c->starts_on = day(s);
			c->ends_on = day_end(s, c->starts_on, 0);
			c->credit_hours = credits[u8(s) % NELEM(credits)];
		}
		c->summer_term = u8(s) & 1;
		c->semester_school = u8(s) & 1;
		c->meeting_hours_per_week = u8(s) % 3 ? small(s, 0, 40) / 2.0 :
		    small(s, 0, 168);
		c->full_day_days = u8(s) % 2 ? -1 : small(s, 0, 255) +
		    small(s, 0, 111);
		c->lab_for = 0;
		if (h->ncourses > 1 && u8(s) % 4 == 0) {
			c->lab_for = small(s, 1, (int)h->ncourses);
			if (c->lab_for == c->id)
				c->lab_for = c->id % (long long)h->ncourses + 1;
		}
		c->status = dense && u8(s) % 2 ? CS_COMPLETED :
		    (enum course_status)small(s, 0, 4);
		c->status_on = day_opt(s);
		c->tuition_cents = money(s);
		c->fees_cents = money(s);
		c->outside_aid_cents = money(s);
		c->limit_exempt = u8(s) % 8 == 0;
		c->full_tuition_approved = u8(s) % 3 == 0;
	}
	SORT(r->crs, h->ncourses, struct course, crs_less);
}

/* leaves, exam_extensions, applications, and the caller's app status. */
static void
decode_new_tables(struct src *s, struct rec *r)
{
	struct history *h = &r->h;
	size_t i, n;
	int per;

	h->leaves = r->lv;
	h->nleaves = (size_t)small(s, 0, N_LV);
	for (i = 0; i < h->nleaves; i++) {
		r->lv[i].rowid = (long long)i + 2000;
		r->lv[i].kind = (enum leave_kind)small(s, 0, 3);
		r->lv[i].starts_on = day(s);
		r->lv[i].ends_on = day_end(s, r->lv[i].starts_on, 1);
	}
	SORT(r->lv, h->nleaves, struct leave_row, lv_less);
	h->extensions = r->ext;
	h->nextensions = (size_t)small(s, 0, N_EXT);
	for (i = 0; i < h->nextensions; i++) {
		r->ext[i].rowid = (long long)i + 3000;
		r->ext[i].class_code = h->ntargets && u8(s) % 4 ?
		    r->tgt[u8(s) % h->ntargets].class_code : code(s);
		r->ext[i].days = u8(s) % 8 ? small(s, 1, 400) :
		    (int)range(s, 1, 2000);
		r->ext[i].granted_on = day(s);
	}
	SORT(r->ext, h->nextensions, struct exam_extension, ext_less);
	/* periods unique: each a month after the one before */
	h->applications = r->appl;
	n = (size_t)small(s, 0, N_APPL);
	per = period_of(day(s));
	for (i = 0; i < n; i++) {
		r->appl[i].rowid = (long long)i + 4000;
		r->appl[i].period = per;
		r->appl[i].applied_on = day_opt(s);
		r->appl[i].supervisor_approved_on = day_opt(s);
		r->appl[i].decision = (enum app_decision)small(s, 0, 2);
		per += small(s, 1, 8);
	}
	h->napplications = n;
	SORT(r->appl, h->napplications, struct application, appl_less);
	h->app = NULL;
	if (u8(s) % 3 == 0) {
		r->app.period = period_of(day(s));
		r->app.result = (enum app_result)small(s, 0, 5);
		r->app.position = small(s, 1, 200);
		r->app.waiting_position = r->app.result == APP_WAITING ?
		    small(s, 1, 100) : 0;
		r->app.reason = (enum elig_reason)small(s, 0, 5);
		h->app = &r->app;
	}
}

static void
decode_history(struct src *s, struct rec *r)
{
	struct history *h = &r->h;
	struct employee *e = &h->emp;
	long long rowid = 1;
	size_t i, j;
	int version = 0;

	memset(r, 0, sizeof(*r));
	e->rowid = rowid++;
	e->id = "E1";
	e->name = "Employee";
	e->class_code = code(s);
	e->bargaining_unit = u8(s) % 3 ? "RC-063" : NULL;
	e->status = (enum emp_status)small(s, 0, 3);
	e->time_base = small(s, 1, 100) / 100.0;
	e->rotating_schedule = u8(s) & 1;
	e->seniority_date = day(s);
	e->highest_degree = (enum degree)small(s, 0, 5);
	e->last_academic_credit_on = day_opt(s);
	e->on_layoff = u8(s) & 1;
	e->leave = (enum leave)small(s, 0, 3);
	e->computer_access = u8(s) & 1;
	e->separated_on = u8(s) % 3 ? DAY_NONE : day(s);
	e->probation = (enum probation)small(s, 0, 2);

	h->enrollments = r->enr;
	h->nenrollments = (size_t)small(s, 0, N_ENR);
	for (i = 0; i < h->nenrollments; i++) {
		r->enr[i].rowid = rowid++;
		r->enr[i].enrolled_on = day(s);
		r->enr[i].counselor = u8(s) & 1 ? "Pat" : NULL;
		r->enr[i].status = (enum enr_status)small(s, 0, 2);
		r->enr[i].status_on = day_opt(s);
	}
	SORT(r->enr, h->nenrollments, struct enrollment, enr_less);

	h->plans = r->plan;
	h->nplans = (size_t)small(s, 0, N_PLAN);
	for (i = 0; i < h->nplans; i++) {
		struct plan *pl = &r->plan[i];

		pl->rowid = rowid++;
		pl->version = version += small(s, 1, 3);
		pl->created_on = day(s);
		pl->objective = "Objective";
		pl->target_class_code = code_opt(s);
		pl->target_date = day_opt(s);
		pl->supervisor_approved_on = day_opt(s);
		pl->coordinator_reviewed_on = day_opt(s);
		pl->steps = r->step[i];
		pl->nsteps = (size_t)small(s, 0, N_STEP);
		for (j = 0; j < pl->nsteps; j++) {
			r->step[i][j].rowid = rowid++;
			r->step[i][j].seq = (int)j + 1;
			r->step[i][j].action = "Step";
			r->step[i][j].due_on = day_opt(s);
			r->step[i][j].done_on = day_opt(s);
		}
	}

	h->targets = r->tgt;
	h->ntargets = (size_t)small(s, 0, N_TGT);
	for (i = 0; i < h->ntargets; i++) {
		r->tgt[i].rowid = rowid++;
		r->tgt[i].class_code = code(s);
		r->tgt[i].targeted_on = day(s);
		r->tgt[i].ended_on = day_end(s, r->tgt[i].targeted_on, 1);
		r->tgt[i].route = (enum route)small(s, 0, 2);
		r->tgt[i].option = (enum lang_option)small(s, 0, 2);
	}
	SORT(r->tgt, h->ntargets, struct target, tgt_less);

	h->attempts = r->att;
	h->nattempts = (size_t)small(s, 0, N_ATT);
	for (i = 0; i < h->nattempts; i++) {
		r->att[i].rowid = rowid++;
		/* Mostly at a targeted title, so X1-X3 have work. */
		r->att[i].class_code = h->ntargets && u8(s) % 4 ?
		    r->tgt[u8(s) % h->ntargets].class_code : code(s);
		r->att[i].section = sections[u8(s) % NELEM(sections)];
		r->att[i].taken_on = day(s);
		r->att[i].proficient = u8(s) & 1;
		r->att[i].final = u8(s) % 4 == 0;
	}
	SORT(r->att, h->nattempts, struct exam_attempt, att_less);

	h->courses = r->crs;
	decode_courses(s, r);
	SORT(r->crs, h->ncourses, struct course, crs_less);

	decode_new_tables(s, r);

	h->grades = r->grd;
	h->ngrades = (size_t)small(s, 0, N_GRD);
	for (i = 0; i < h->ngrades; i++) {
		r->grd[i].rowid = rowid++;
		r->grd[i].class_code = h->ntargets && u8(s) % 4 ?
		    r->tgt[u8(s) % h->ntargets].class_code : code(s);
		r->grd[i].grade = (char)('A' + small(s, 0, 2));
		r->grd[i].issued_on = day(s);
		r->grd[i].basis = (enum grade_basis)small(s, 0, 2);
	}
	SORT(r->grd, h->ngrades, struct grade, grd_less);

	h->prefs = r->pref;
	h->nprefs = (size_t)small(s, 0, N_PREF);
	for (i = 0; i < h->nprefs; i++) {
		r->pref[i].rowid = rowid++;
		r->pref[i].class_code = h->ntargets && u8(s) % 4 ?
		    r->tgt[u8(s) % h->ntargets].class_code : code(s);
		r->pref[i].rank = small(s, 1, 3);
		r->pref[i].county = counties[u8(s) % NELEM(counties)];
	}
	SORT(r->pref, h->nprefs, struct county_pref, pref_less);

	h->appointments = r->appt;
	h->nappointments = (size_t)small(s, 0, N_APPT);
	for (i = 0; i < h->nappointments; i++) {
		r->appt[i].rowid = rowid++;
		r->appt[i].from_class_code = code_opt(s);
		r->appt[i].to_class_code = code(s);
		r->appt[i].appointed_on = day(s);
		r->appt[i].via_program = u8(s) & 1;
	}
	SORT(r->appt, h->nappointments, struct appointment, appt_less);

	h->assignments = r->asg;
	h->nassignments = (size_t)small(s, 0, N_ASG);
	for (i = 0; i < h->nassignments; i++) {
		r->asg[i].rowid = rowid++;
		r->asg[i].kind = (enum assign_kind)small(s, 0, 2);
		r->asg[i].starts_on = day(s);
		r->asg[i].ends_on = day_end(s, r->asg[i].starts_on, 1);
		r->asg[i].note = NULL;
	}
	SORT(r->asg, h->nassignments, struct assignment, asg_less);
}

/* The defaults, or values inside the ranges site.yaml takes (project.c). */
static void
decode_settings(struct src *s, struct settings *st)
{
	settings_defaults(st);
	if (u8(s) % 2 == 0)
		return;
	st->max_credential_targets = small(s, 0, 99);
	st->max_certificate_targets = small(s, 0, 99);
	st->exam_window_years = small(s, 1, 50);
	st->warning_days = (int)range(s, 0, 3650);
	st->retest_wait_days = (int)range(s, 0, 3650);
	st->max_exams_per_half_year = small(s, 0, 99);
	st->max_classes_per_year = small(s, 0, 99);
	st->max_concurrent_classes = small(s, 0, 99);
	st->max_concurrent_summer = small(s, 0, 99);
	st->recent_credit_years = small(s, 0, 50);
	st->withdrawal_drops = small(s, 1, 99);
	st->inactivity_years = small(s, 1, 50);
	st->max_hours_per_week = small(s, 0, 168);
	st->max_full_day_days = (int)range(s, 0, 366);
	st->private_tuition_cap_cents = u8(s) % 2 ? -1 :
	    range(s, 0, 100000000000LL);
	st->work_commitment_years = small(s, 0, 50);
	st->grade_valid_years = small(s, 1, 50);
	st->max_counties = small(s, 1, 3);
	st->max_assignment_years = small(s, 1, 50);
	st->registration_months = (unsigned)small(s, 0, 255) << 4 |
	    (unsigned)small(s, 0, 15);
	switch (u8(s) % 3) {
	case 0:
		st->covered_units = NULL;	/* every unit */
		st->ncovered_units = 0;
		break;
	case 1:
		st->covered_units = covered_list;	/* RC-063 */
		st->ncovered_units = 1;
		break;
	default:
		st->covered_units = covered_list + 1;	/* none */
		st->ncovered_units = 0;
		break;
	}
}

/* ---- checking the answer ---------------------------------------------------- */

static const char *check_what;	/* the failed check, for the report */

#define CHECK(cond) do {						\
	if (!(cond)) {							\
		check_what = #cond;					\
		fail(__LINE__);						\
	}								\
} while (0)

static void
fail(int line)
{
	fprintf(stderr, "fuzz_rules.c:%d: invariant broken: %s\n", line,
	    check_what);
	abort();
}

static int64_t
sat_add(int64_t a, int64_t b)
{
	return a > INT64_MAX - b ? INT64_MAX : a + b;
}

static int
same(const char *a, const char *b)
{
	return a == NULL || b == NULL ? a == b : strcmp(a, b) == 0;
}

static int
has_alert(const struct packet *p, enum alert_code code, const char *cls)
{
	size_t i;

	for (i = 0; i < p->nalerts; i++)
		if (p->alerts[i].code == code && (cls == NULL ||
		    same(p->alerts[i].class_code, cls)))
			return 1;
	return 0;
}

/* An alert of the code about the course. */
static int
course_alert(const struct packet *p, enum alert_code code,
    const struct course *c)
{
	size_t i;

	for (i = 0; i < p->nalerts; i++)
		if (p->alerts[i].code == code && p->alerts[i].course == c)
			return 1;
	return 0;
}

static int
counted_status(enum course_status s)
{
	return s == CS_ENROLLED || s == CS_COMPLETED || s == CS_DROPPED ||
	    s == CS_FAILED;
}

static int
counted_class(const struct course *c)
{
	return counted_status(c->status) && c->lab_for == 0;
}

/* ---- a plain reading of the rules, to check the engine against ---------- */

/* E1 / E2, the first reason (rules.md). */
static enum elig_reason
spec_reason(const struct history *h, const struct settings *st,
    enum profile prof, day_t on)
{
	const struct employee *e = &h->emp;
	const struct title *t = catalog_find(&cat, e->class_code);
	int covered = 0;
	size_t i;

	if (e->separated_on != DAY_NONE && e->separated_on <= on)
		return ER_SEPARATED;
	if (prof == PROFILE_CALIFORNIA)
		return t != NULL && t->category == CAT_LPEL ? ER_NONE :
		    ER_NOT_LPEL;
	if (e->bargaining_unit != NULL) {
		covered = st->covered_units == NULL;
		for (i = 0; i < st->ncovered_units; i++)
			covered |= same(st->covered_units[i],
			    e->bargaining_unit);
	}
	if (covered)
		return e->status == ST_LIMITED_TERM ||
		    e->status == ST_TEMPORARY ? ER_STATUS :
		    e->status == ST_PROBATIONARY &&
		    e->probation == PROB_ORIGINAL ? ER_ORIGINAL_PROBATION :
		    ER_NONE;
	return e->bargaining_unit == NULL && t != NULL &&
	    t->kind != KIND_NONE ? ER_NONE : ER_NOT_COVERED;
}

/* X1's military days D, from <= D < to (D from 1 April 2016). */
static long
military_between(const struct history *h, day_t from, day_t to,
    day_t as_of)
{
	day_t d, start = date_from_ymd(2016, 4, 1);
	long n = 0;
	size_t i;

	for (d = from; d < to; d++) {
		int on = 0;

		for (i = 0; i < h->nleaves && !on; i++) {
			const struct leave_row *l = &h->leaves[i];
			day_t e = l->ends_on != DAY_NONE ? l->ends_on : as_of;

			on = (l->kind == LK_MILITARY_PAID ||
			    l->kind == LK_MILITARY_UNPAID) && d >= start &&
			    l->starts_on <= d && d <= e;
		}
		n += on;
	}
	return n;
}

/* X1's end, as rules.md words it: start from M = 0 and recompute until
 * the end stops moving (X, the extensions granted in the window, too). */
static day_t
spec_window_end(const struct history *h, const struct settings *st,
    const char *code, day_t first, day_t as_of)
{
	day_t base = date_add_years(first, st->exam_window_years), end = base;
	day_t counted_to = first, next;
	long m = 0, x;
	size_t i;

	for (;;) {
		m += military_between(h, counted_to, end, as_of);
		counted_to = end;
		for (x = 0, i = 0; i < h->nextensions; i++)
			if (same(h->extensions[i].class_code, code) &&
			    h->extensions[i].granted_on >= first &&
			    h->extensions[i].granted_on <= end)
				x += h->extensions[i].days;
		next = base + (day_t)(m + x);
		if (next == end)
			return end;
		end = next;
	}
}

/* X1, X2, X4 for one target, read plainly. */
struct spec_exam {
	day_t	 first, end, final, retarget, next;
	size_t	 nsections;
};

static void
spec_exams(const struct history *h, const struct settings *st,
    day_t as_of, const struct target_view *tv, struct spec_exam *se)
{
	const char *code = tv->t->class_code;
	size_t i, j, from = h->nattempts;
	day_t last = DAY_NONE;

	se->first = se->end = se->final = se->retarget = se->next = DAY_NONE;
	se->nsections = 0;
	for (i = 0; i < h->nattempts; i++) {
		const struct exam_attempt *x = &h->attempts[i];

		if (!same(x->class_code, code))
			continue;
		if (se->final != DAY_NONE && x->taken_on <= se->final)
			continue;
		if (se->final != DAY_NONE || se->first == DAY_NONE ||
		    x->taken_on > se->end) {
			se->final = DAY_NONE;
			se->first = x->taken_on;
			se->end = spec_window_end(h, st, code, se->first,
			    as_of);
			from = i;
		}
		if (x->final && !x->proficient)
			se->final = x->taken_on;
	}
	if (se->final != DAY_NONE) {
		se->retarget = date_add_months(se->final, 18);
		se->first = se->end = DAY_NONE;
		return;
	}
	if (se->first == DAY_NONE || as_of > se->end)
		return;
	/* X2: the latest attempt of each section in the window */
	for (i = from; i < h->nattempts; i++) {
		const struct exam_attempt *x = &h->attempts[i];
		int latest = 1;

		if (!same(x->class_code, code))
			continue;
		for (j = i + 1; j < h->nattempts; j++)
			latest &= !(same(h->attempts[j].class_code, code) &&
			    same(h->attempts[j].section, x->section));
		if (latest && !x->proficient) {
			se->nsections++;
			if (last == DAY_NONE || x->taken_on > last)
				last = x->taken_on;
		}
	}
	if (se->nsections == 0)
		return;
	se->next = last == se->first ? date_add_months(last, 1) :
	    last + st->retest_wait_days;
	for (i = 0; i < h->ncourses; i++) {
		const struct course *c = &h->courses[i];

		if (c->status == CS_COMPLETED && same(c->class_code, code) &&
		    c->ends_on > last && c->ends_on + 1 < se->next)
			se->next = c->ends_on + 1;
	}
}

/* C1 as rules.md words it: -1 when the short courses are too many to
 * try every partition (the count is then only bounded). */
static int
spec_c1(const struct history *h, int fy, int *lo, int *hi)
{
	const struct course *v[N_CRS];
	int big = 0, n = 0, ones = 0, twos;
	size_t i;

	for (i = 0; i < h->ncourses; i++) {
		const struct course *c = &h->courses[i];

		if (!counted_class(c) || c->limit_exempt ||
		    c->starts_on < date_fy_start(fy) ||
		    c->starts_on > date_fy_end(fy))
			continue;
		if (c->credit_hours < 0 || c->credit_hours >= 3)
			big++;
		else {
			v[n++] = c;
			ones += c->credit_hours <= 1;
		}
	}
	twos = n - ones;
	*lo = big + (twos + 1) / 2 + (ones - twos % 2 > 0 ?
	    (ones - twos % 2 + 2) / 3 : 0);
	*hi = big + n;
	return n <= C1_ORACLE_MAX ? big + c1_oracle(v, n) : -1;
}

/* M5 and M1 for each course, in the reader's order. */
static void
spec_money(const struct history *h, const struct settings *st,
    int64_t *paid, int *full)
{
	day_t last_end = DAY_NONE;
	int fy = -1, n = 0;
	size_t i;

	for (i = 0; i < h->ncourses; i++) {
		const struct course *c = &h->courses[i];
		int64_t tuition = c->tuition_cents, sum;
		int cand = counted_class(c) && !c->public_institution &&
		    c->full_tuition_approved;

		full[i] = -1;
		if (cand) {
			if (date_fy(c->starts_on) != fy) {
				fy = date_fy(c->starts_on);
				n = 0;
			}
			full[i] = !(last_end != DAY_NONE &&
			    last_end >= c->starts_on) && n < 4;
			if (full[i]) {
				n++;
				if (last_end == DAY_NONE ||
				    c->ends_on > last_end)
					last_end = c->ends_on;
			}
		}
		paid[i] = 0;
		if (!counted_status(c->status))
			continue;
		if (!c->public_institution && full[i] != 1 &&
		    st->private_tuition_cap_cents >= 0 &&
		    tuition > st->private_tuition_cap_cents)
			tuition = st->private_tuition_cap_cents;
		sum = sat_add(tuition, c->fees_cents);
		paid[i] = sum > c->outside_aid_cents ? sum -
		    c->outside_aid_cents : 0;
	}
}

/* M2: the course binds (paid, toward a credential, or a dual title on
 * the degree route). */
static int
spec_binds(const struct history *h, const struct course *c, int64_t paid)
{
	const struct title *t = catalog_find(&cat, c->class_code);
	size_t i;

	if (paid <= 0 || t == NULL)
		return 0;
	if (t->kind == KIND_CREDENTIAL)
		return 1;
	for (i = 0; t->kind == KIND_DUAL && i < h->ntargets; i++)
		if (same(h->targets[i].class_code, c->class_code) &&
		    h->targets[i].route == ROUTE_DEGREE)
			return 1;
	return 0;
}

/* ---- the checks ------------------------------------------------------------ */

static void
check_target(const struct history *h, const struct settings *st,
    const struct packet *p, const struct target_view *tv)
{
	const struct grade *g = NULL;
	struct spec_exam se;
	size_t i, j;

	CHECK(tv->t >= h->targets && tv->t < h->targets + h->ntargets);
	CHECK(tv->t->ended_on == DAY_NONE || tv->t->ended_on > p->as_of);
	CHECK(tv->title == catalog_find(&cat, tv->t->class_code));
	CHECK(tv->counts_as == KIND_CERTIFICATE ||
	    tv->counts_as == KIND_CREDENTIAL || tv->counts_as == KIND_NONE);
	/* G1: the latest grade for the title, expired or not. */
	for (i = 0; i < h->ngrades; i++)
		if (same(h->grades[i].class_code, tv->t->class_code) &&
		    (g == NULL || h->grades[i].issued_on >= g->issued_on))
			g = &h->grades[i];
	CHECK(tv->grade == g);
	CHECK(g == NULL ? tv->grade_expires_on == DAY_NONE :
	    tv->grade_expires_on > g->issued_on);
	if (!tv->exam_route) {
		CHECK(tv->first_exam_on == DAY_NONE);
		CHECK(tv->exam_window_ends_on == DAY_NONE);
		CHECK(tv->next_exam_allowed_on == DAY_NONE);
		CHECK(tv->nsections_not_proficient == 0);
		CHECK(tv->retarget_allowed_on == DAY_NONE);
	} else {
		spec_exams(h, st, p->as_of, tv, &se);
		CHECK(tv->first_exam_on == se.first);
		CHECK(tv->exam_window_ends_on == (g != NULL ? DAY_NONE :
		    se.end));
		CHECK(tv->final_attempt_on == se.final);
		CHECK(tv->retarget_allowed_on == se.retarget);
		CHECK(tv->nsections_not_proficient == se.nsections);
		CHECK(tv->next_exam_allowed_on == se.next);
		for (i = 1; i < tv->nsections_not_proficient; i++)
			CHECK(strcmp(tv->sections_not_proficient[i - 1],
			    tv->sections_not_proficient[i]) <= 0);
	}
	/* G3 counties: distinct, of this title, at most the setting. */
	CHECK(tv->ncounties <= 3 && tv->ncounties <= (size_t)st->max_counties);
	for (i = 0; i < tv->ncounties; i++) {
		CHECK(tv->counties[i] != NULL);
		for (j = 0; j < i; j++)
			CHECK(strcmp(tv->counties[i], tv->counties[j]) != 0);
	}
}

/* The alerts a profile may raise (rules.md's opening). */
static int
california_code(enum alert_code c)
{
	return c == AL_PLAN_MISSING || c == AL_PLAN_NOT_APPROVED ||
	    c == AL_PLAN_NOT_REVIEWED || c == AL_ASSIGNMENT_TOO_LONG ||
	    c == AL_PLAN_STEP_OVERDUE || c == AL_PLAN_STEP_DUE ||
	    c == AL_REGISTER || c == AL_ENROLLMENT_SUSPENDED;
}

/* An enrolled participant (rules.c): active, and eligible. */
static int
participant(const struct packet *p)
{
	return p->enrollment != NULL && p->enrollment->status == ENR_ACTIVE &&
	    p->eligible;
}

/* The open target of the alert's title meets cond. */
static int
any_view(const struct packet *p, const struct alert *al,
    int (*cond)(const struct target_view *, const struct alert *))
{
	size_t i;

	for (i = 0; al->class_code != NULL && i < p->ntargets; i++)
		if (same(p->targets[i].t->class_code, al->class_code) &&
		    cond(&p->targets[i], al))
			return 1;
	return 0;
}

static int
needs_bachelor(const struct target_view *tv, const struct alert *al)
{
	(void)al;
	return tv->counts_as == KIND_CREDENTIAL &&
	    tv->title->degree >= DEG_MASTER;
}

static int
frozen(const struct target_view *tv, const struct alert *al)
{
	return tv->title->frozen_on != DAY_NONE && tv->grade == NULL &&
	    al->on == tv->title->frozen_on &&
	    tv->t->targeted_on >= tv->title->frozen_on;
}

static int
window_ends(const struct target_view *tv, const struct alert *al)
{
	return tv->exam_window_ends_on != DAY_NONE &&
	    al->on == tv->exam_window_ends_on;
}

static int
retarget(const struct target_view *tv, const struct alert *al)
{
	return tv->retarget_allowed_on != DAY_NONE &&
	    al->on == tv->retarget_allowed_on;
}

static int
grade_ends(const struct target_view *tv, const struct alert *al)
{
	return tv->grade != NULL && al->on == tv->grade_expires_on;
}

/* The alerts of the exams, targets and grades have their cause. */
static void
check_alert_targets(const struct settings *st, const struct packet *p,
    const struct alert *al)
{
	switch (al->code) {
	case AL_CREDENTIAL_NEEDS_BACHELOR:
		CHECK(any_view(p, al, needs_bachelor) &&
		    p->h->emp.highest_degree < DEG_BACHELOR);
		break;
	case AL_TITLE_FROZEN:
		CHECK(any_view(p, al, frozen));
		break;
	case AL_EXAM_WINDOW_CLOSING:
		CHECK(any_view(p, al, window_ends) && p->as_of <= al->on &&
		    p->as_of >= al->on - st->warning_days);
		break;
	case AL_EXAM_WINDOW_EXPIRED:
		CHECK(any_view(p, al, window_ends) && p->as_of > al->on);
		break;
	case AL_FINAL_ATTEMPT_FAILED:
		CHECK(any_view(p, al, retarget) && p->as_of < al->on);
		break;
	case AL_GRADE_EXPIRING:
		CHECK(any_view(p, al, grade_ends) && p->as_of <= al->on &&
		    p->as_of >= al->on - st->warning_days);
		break;
	case AL_GRADE_EXPIRED:
		CHECK(any_view(p, al, grade_ends) && p->as_of > al->on);
		break;
	default:
		break;
	}
}

/* The alerts of classes, time off and money have their cause. */
static void
check_alert_classes(const struct history *h, const struct settings *st,
    const struct packet *p, const struct alert *al)
{
	switch (al->code) {
	case AL_CLASS_LIMIT_REACHED:
		CHECK(p->classes_remaining == 0 && al->on == DAY_NONE);
		break;
	case AL_TOO_MANY_CONCURRENT:
		CHECK(p->classes_concurrent > p->concurrent_limit &&
		    al->count == p->classes_concurrent);
		break;
	case AL_FIRST_TERM_ONE_CLASS:
		CHECK(h->emp.last_academic_credit_on == DAY_NONE ||
		    h->emp.last_academic_credit_on <
		    date_add_years(p->as_of, -st->recent_credit_years));
		break;
	case AL_REVISED_PLAN_REQUIRED:
		CHECK(p->plan != NULL && al->on > p->plan->created_on);
		break;
	case AL_WITHDRAWAL_DROPS:
		CHECK(al->count >= st->withdrawal_drops &&
		    al->count == p->drops);
		break;
	case AL_WITHDRAWAL_INACTIVE:
		CHECK(participant(p) && p->inactive_since != DAY_NONE);
		CHECK(al->on == date_add_years(p->inactive_since,
		    st->inactivity_years) && p->as_of > al->on);
		break;
	case AL_ONE_TARGET_AT_A_TIME:
		CHECK(al->course != NULL && al->other != NULL);
		CHECK(!same(al->course->class_code, al->other->class_code));
		CHECK(al->course->starts_on <= al->other->ends_on &&
		    al->other->starts_on <= al->course->ends_on);
		CHECK(al->course->ends_on >= p->as_of ||
		    al->other->ends_on >= p->as_of);
		break;
	case AL_FULL_DAY_LIMIT:
		CHECK(al->count == p->full_day_days &&
		    p->full_day_days > st->max_full_day_days);
		break;
	case AL_PRIVATE_CLASS_LIMIT:
		CHECK(al->course != NULL && al->on == al->course->starts_on &&
		    !al->course->public_institution &&
		    al->course->full_tuition_approved);
		break;
	case AL_REQUEST_TIME_OFF:
		CHECK(al->course != NULL && al->course->starts_on > p->as_of &&
		    al->on == date_add_months(al->course->starts_on, -1));
		break;
	case AL_REPAYMENT_OWED:
		CHECK(p->separated && p->repayment_cents > 0);
		break;
	case AL_LEAVE_BLOCKS_ENROLLMENT:
		CHECK(p->on_leave && al->count > 0);
		break;
	default:
		break;
	}
}

/* The alerts of eligibility, plans and next steps have their cause. */
static void
check_alert_plans(const struct history *h, const struct packet *p,
    const struct alert *al)
{
	switch (al->code) {
	case AL_NO_LONGER_ELIGIBLE:
		CHECK(p->enrollment != NULL &&
		    p->enrollment->status != ENR_WITHDRAWN);
		CHECK(!p->eligible && !p->separated);
		break;
	case AL_ENROLLMENT_SUSPENDED:
		CHECK(p->enrollment != NULL &&
		    p->enrollment->status == ENR_SUSPENDED &&
		    al->on == p->enrollment->status_on);
		break;
	case AL_PLAN_STEP_OVERDUE:
	case AL_PLAN_STEP_DUE:
		CHECK(al->step != NULL && al->step->done_on == DAY_NONE &&
		    al->on == al->step->due_on);
		CHECK(al->code == AL_PLAN_STEP_DUE ? al->on >= p->as_of &&
		    al->on - p->as_of <= 30 : al->on < p->as_of);
		break;
	case AL_PLAN_MISSING:
		CHECK(participant(p) && h->nplans == 0 && p->plan == NULL);
		break;
	case AL_PLAN_NOT_APPROVED:
		CHECK(participant(p) && p->plan != NULL &&
		    p->plan->supervisor_approved_on == DAY_NONE);
		break;
	case AL_PLAN_NOT_REVIEWED:
		CHECK(participant(p) && p->plan != NULL &&
		    p->plan->supervisor_approved_on != DAY_NONE &&
		    p->plan->coordinator_reviewed_on == DAY_NONE);
		break;
	case AL_REGISTER:
		CHECK(p->eligible && h->app == NULL && p->next_app == NULL);
		CHECK(p->enrollment == NULL ||
		    p->enrollment->status == ENR_WITHDRAWN);
		CHECK(al->on == (p->register_period < 0 ? DAY_NONE :
		    period_last_day(p->register_period)));
		CHECK(al->on == DAY_NONE || al->on >= p->as_of);
		break;
	default:
		break;
	}
}

/* Every alert has its cause; its rule is the profile's. */
static void
check_alert(const struct history *h, const struct settings *st,
    const struct packet *p, const struct alert *al)
{
	CHECK(al->code < AL__MAX);
	CHECK(al->count >= 0);
	CHECK(*alert_rule(al->code) != '\0');
	if (p->profile == PROFILE_CALIFORNIA)
		CHECK(california_code(al->code));
	else
		CHECK(al->code != AL_PLAN_NOT_APPROVED &&
		    al->code != AL_PLAN_NOT_REVIEWED &&
		    al->code != AL_ASSIGNMENT_TOO_LONG);
	check_alert_targets(st, p, al);
	check_alert_classes(h, st, p, al);
	check_alert_plans(h, p, al);
}

/* rules.md's order: group, date (none last), code, class code (none
 * first), then the count: each key in turn, never backwards. */
static void
check_order(const struct packet *p)
{
	size_t i;

	for (i = 1; i < p->nalerts; i++) {
		const struct alert *a = &p->alerts[i - 1], *b = &p->alerts[i];
		int ra = rule_alert_rank(a->code), rb = rule_alert_rank(b->code);

		CHECK(ra <= rb);
		if (ra < rb)
			continue;
		CHECK(a->on == b->on || b->on == DAY_NONE ||
		    (a->on != DAY_NONE && a->on < b->on));
		if (a->on != b->on)
			continue;
		CHECK(a->code <= b->code);
		if (a->code != b->code)
			continue;
		CHECK(a->class_code == NULL || (b->class_code != NULL &&
		    strcmp(a->class_code, b->class_code) <= 0));
		if (!same(a->class_code, b->class_code))
			continue;
		CHECK(a->count <= b->count);
	}
}

static void
check_spec(const struct history *h, const struct settings *st,
    enum profile prof, day_t as_of, const struct packet *p)
{
	int64_t paid[N_CRS + 1], total = 0;
	int full[N_CRS + 1], lo, hi, want;
	double meeting = 0, cap;
	long days = 0;
	day_t last = DAY_NONE;
	size_t i;

	CHECK(p->eligibility_reason == spec_reason(h, st, prof, as_of));
	CHECK(p->eligible == (p->eligibility_reason == ER_NONE));
	if (prof == PROFILE_CALIFORNIA)
		return;
	want = spec_c1(h, date_fy(as_of), &lo, &hi);
	CHECK(p->classes_counted >= lo && p->classes_counted <= hi);
	if (want >= 0)
		CHECK(p->classes_counted == want);
	spec_money(h, st, paid, full);
	for (i = 0; i < h->ncourses; i++) {
		const struct course *c = &h->courses[i];
		int binds = spec_binds(h, c, paid[i]);

		CHECK(p->courses[i].program_paid_cents == paid[i]);
		CHECK(p->courses[i].full_tuition == (full[i] == 1));
		CHECK((full[i] == 0) == course_alert(p, AL_PRIVATE_CLASS_LIMIT,
		    c));
		CHECK(p->courses[i].binding == binds);
		total = sat_add(total, paid[i]);
		if (binds && (c->status == CS_COMPLETED ||
		    c->status == CS_ENROLLED) && (last == DAY_NONE ||
		    c->ends_on > last))
			last = c->ends_on;
		/* O1: enrolled, running on the as-of date, not full-day */
		if (c->status == CS_ENROLLED && c->starts_on <= as_of &&
		    c->ends_on >= as_of && c->full_day_days < 0 &&
		    c->meeting_hours_per_week > 0)
			meeting += c->meeting_hours_per_week;
		/* O2: enrolled or completed, starting this half-year */
		if ((c->status == CS_ENROLLED || c->status == CS_COMPLETED) &&
		    c->full_day_days >= 0 &&
		    date_half(c->starts_on) == date_half(as_of))
			days += c->full_day_days;
	}
	CHECK(p->program_paid_cents == total);
	CHECK(p->commitment_ends_on == (last == DAY_NONE ? DAY_NONE :
	    date_add_years(last, st->work_commitment_years)));
	cap = st->max_hours_per_week * h->emp.time_base;
	CHECK(p->meeting_hours == meeting);
	CHECK(p->hours_per_week == (meeting / 2 < cap ? meeting / 2 : cap));
	CHECK(p->full_day_days == days);
	CHECK(p->full_day_days_off == (days < st->max_full_day_days ? days :
	    st->max_full_day_days) / 2.0);
	CHECK((days > st->max_full_day_days) ==
	    has_alert(p, AL_FULL_DAY_LIMIT, NULL));
}

/* The causes whose alerts rules.md requires, for each open target. */
static void
check_target_alerts(const struct settings *st, const struct packet *p,
    const struct target_view *tv)
{
	const char *cls = tv->t->class_code;
	day_t end;

	if ((end = tv->exam_window_ends_on) != DAY_NONE) {
		if (p->as_of > end)
			CHECK(has_alert(p, AL_EXAM_WINDOW_EXPIRED, cls));
		else if (p->as_of >= end - st->warning_days)
			CHECK(has_alert(p, AL_EXAM_WINDOW_CLOSING, cls));
	}
	if ((end = tv->grade_expires_on) != DAY_NONE) {
		if (p->as_of > end)
			CHECK(has_alert(p, AL_GRADE_EXPIRED, cls));
		else if (p->as_of >= end - st->warning_days)
			CHECK(has_alert(p, AL_GRADE_EXPIRING, cls));
	}
	if (tv->retarget_allowed_on != DAY_NONE &&
	    p->as_of < tv->retarget_allowed_on)
		CHECK(has_alert(p, AL_FINAL_ATTEMPT_FAILED, cls));
	if (tv->title->frozen_on != DAY_NONE && tv->grade == NULL &&
	    tv->t->targeted_on >= tv->title->frozen_on)
		CHECK(has_alert(p, AL_TITLE_FROZEN, cls));
	if (tv->counts_as == KIND_CREDENTIAL &&
	    tv->title->degree >= DEG_MASTER &&
	    p->h->emp.highest_degree < DEG_BACHELOR)
		CHECK(has_alert(p, AL_CREDENTIAL_NEEDS_BACHELOR, cls));
}

static void
check_illinois(const struct history *h, const struct settings *st,
    day_t as_of, const struct packet *p)
{
	size_t i, open = 0;

	for (i = 0; i < h->ntargets; i++)
		open += (h->targets[i].ended_on == DAY_NONE ||
		    h->targets[i].ended_on > as_of) &&
		    catalog_find(&cat, h->targets[i].class_code);
	CHECK(p->ntargets == open);
	for (i = 0; i < p->ntargets; i++) {
		check_target(h, st, p, &p->targets[i]);
		check_target_alerts(st, p, &p->targets[i]);
	}
	/* C1: remaining_this_year = max(0, max - counted). */
	CHECK(p->classes_fy == date_fy(as_of));
	CHECK(p->classes_remaining == (st->max_classes_per_year >
	    p->classes_counted ? st->max_classes_per_year -
	    p->classes_counted : 0));
	CHECK((p->classes_remaining == 0) ==
	    has_alert(p, AL_CLASS_LIMIT_REACHED, NULL));
	/* C2 */
	CHECK(p->concurrent_limit == st->max_concurrent_classes ||
	    p->concurrent_limit == st->max_concurrent_summer);
	CHECK((p->classes_concurrent > p->concurrent_limit) ==
	    has_alert(p, AL_TOO_MANY_CONCURRENT, NULL));
	/* X3 */
	CHECK(p->exams_remaining == (st->max_exams_per_half_year >
	    p->exams_used ? st->max_exams_per_half_year - p->exams_used : 0));
	CHECK((size_t)p->exams_used <= h->nattempts);
	/* C5, N3 */
	CHECK((p->drops > 0 && p->drops >= st->withdrawal_drops) ==
	    has_alert(p, AL_WITHDRAWAL_DROPS, NULL));
	CHECK((p->separated && p->repayment_cents > 0) ==
	    has_alert(p, AL_REPAYMENT_OWED, NULL));
	/* M */
	CHECK(p->ncourses == h->ncourses);
	for (i = 0; i < p->ncourses; i++)
		CHECK(p->courses[i].c == &h->courses[i] &&
		    p->courses[i].program_paid_cents >= 0);
	CHECK(p->binding_paid_cents <= p->program_paid_cents);
	CHECK(p->repayment_cents <= p->binding_paid_cents);
	CHECK(p->months_fulfilled <= 12 * st->work_commitment_years);
	if (p->commitment_ends_on == DAY_NONE)
		CHECK(p->repayment_cents == 0);
	/* G2 */
	if (p->probation.ap != NULL) {
		CHECK(p->probation.ap->via_program);
		CHECK(as_of <= p->probation.ends_on);
		CHECK(p->probation.return_right_ends_on <=
		    p->probation.ends_on);
	}
}

static void
check_packet(const struct history *h, const struct settings *st,
    enum profile prof, day_t as_of, const struct packet *p)
{
	size_t i;

	CHECK(p->as_of == as_of && p->profile == prof && p->h == h);
	CHECK(p->eligible == rule_eligible(h, &cat, st, prof, as_of));
	CHECK(h->nenrollments == 0 ? p->enrollment == NULL :
	    p->enrollment == &h->enrollments[h->nenrollments - 1]);
	CHECK(h->nplans == 0 ? p->plan == NULL :
	    p->plan == &h->plans[h->nplans - 1]);
	/* No negative counts, hours or money. */
	CHECK(p->classes_counted >= 0 && p->classes_remaining >= 0);
	CHECK(p->classes_concurrent >= 0 && p->concurrent_limit >= 0);
	CHECK(p->exams_used >= 0 && p->exams_remaining >= 0);
	CHECK(p->meeting_hours >= 0 && p->hours_per_week >= 0);
	CHECK(p->full_day_days_off >= 0 && p->full_day_days >= 0);
	CHECK(p->program_paid_cents >= 0 && p->binding_paid_cents >= 0);
	CHECK(p->repayment_cents >= 0 && p->months_fulfilled >= 0);
	if (prof == PROFILE_CALIFORNIA) {
		CHECK(p->ntargets == 0 && p->ncourses == 0);
		CHECK(p->classes_counted == 0 && p->exams_used == 0);
		CHECK(p->program_paid_cents == 0 && p->probation.ap == NULL);
		CHECK(p->commitment_ends_on == DAY_NONE);
	} else
		check_illinois(h, st, as_of, p);
	/* P1, N2, N4: the alerts rules.md requires. */
	if (participant(p) && p->plan == NULL)
		CHECK(has_alert(p, AL_PLAN_MISSING, NULL));
	if (p->eligible && h->app == NULL && p->next_app == NULL &&
	    (p->enrollment == NULL || p->enrollment->status == ENR_WITHDRAWN))
		CHECK(has_alert(p, AL_REGISTER, NULL));
	if (p->enrollment != NULL && p->enrollment->status == ENR_SUSPENDED)
		CHECK(has_alert(p, AL_ENROLLMENT_SUSPENDED, NULL));
	for (i = 0; i < p->nalerts; i++)
		check_alert(h, st, p, &p->alerts[i]);
	check_order(p);
}

/* The answer does not depend on anything but the arguments. */
static void
check_same(const struct packet *p, const struct packet *q)
{
	size_t i;

	CHECK(p->nalerts == q->nalerts && p->ntargets == q->ntargets);
	CHECK(p->eligible == q->eligible);
	CHECK(p->classes_counted == q->classes_counted);
	CHECK(p->exams_used == q->exams_used);
	CHECK(p->program_paid_cents == q->program_paid_cents);
	CHECK(p->repayment_cents == q->repayment_cents);
	CHECK(p->commitment_ends_on == q->commitment_ends_on);
	CHECK(p->hours_per_week == q->hours_per_week);
	for (i = 0; i < p->nalerts; i++) {
		CHECK(p->alerts[i].code == q->alerts[i].code);
		CHECK(p->alerts[i].on == q->alerts[i].on);
		CHECK(p->alerts[i].count == q->alerts[i].count);
		CHECK(p->alerts[i].class_code == q->alerts[i].class_code);
	}
	for (i = 0; i < p->ntargets; i++) {
		CHECK(p->targets[i].t == q->targets[i].t);
		CHECK(p->targets[i].exam_window_ends_on ==
		    q->targets[i].exam_window_ends_on);
		CHECK(p->targets[i].next_exam_allowed_on ==
		    q->targets[i].next_exam_allowed_on);
	}
}

static void
check_lists(const struct history *h, const struct settings *st,
    enum profile prof, day_t as_of, struct arena *a)
{
	struct list_entry *e;
	size_t n, i, j, k;

	rule_list_entries(h, &cat, st, prof, as_of, a, &e, &n);
	CHECK(n <= h->nprefs);
	if (prof == PROFILE_CALIFORNIA ||
	    spec_reason(h, st, prof, as_of) != ER_NONE)
		CHECK(n == 0);
	for (i = 0; i < n; i++) {
		CHECK(e[i].title != NULL && e[i].county != NULL);
		CHECK(!same(e[i].title->code, h->emp.class_code));
		CHECK(!e[i].covered_first || (e[i].title->bargaining_unit !=
		    NULL && h->emp.bargaining_unit != NULL));
		CHECK(e[i].grade == 'A' || e[i].grade == 'B' ||
		    e[i].grade == 'C');
		CHECK(e[i].issued_on != DAY_NONE &&
		    e[i].expires_on > e[i].issued_on);
		CHECK(as_of <= e[i].expires_on);	/* valid that day */
		CHECK(e[i].seniority_date == h->emp.seniority_date);
		for (k = 0, j = 0; j < n; j++)
			k += e[j].title == e[i].title &&
			    strcmp(e[j].county, e[i].county) == 0;
		CHECK(k == 1);
		for (k = 0, j = 0; j < n; j++)
			k += e[j].title == e[i].title;
		CHECK(k <= (size_t)st->max_counties && k <= 3);
	}
}

static void
check_fy(const struct history *h, const struct settings *st,
    enum profile prof, day_t as_of)
{
	long by_title[NELEM(titles)] = {0}, sum = 0;
	struct fy_figures f;
	size_t i;

	memset(&f, 0, sizeof(f));
	f.fy = date_fy(as_of);
	f.grades_by_title = by_title;
	rule_fy_add(h, &cat, st, prof, as_of, &f);
	rule_fy_add(h, &cat, st, prof, as_of, &f);	/* sums, saturating */
	CHECK(f.eligible_employees == 0 || f.eligible_employees == 2);
	CHECK(f.participating_employees == 0 ||
	    f.participating_employees == 2);
	CHECK(f.withdrawal_candidates == 0 || f.withdrawal_candidates == 2);
	for (i = 0; i < 3; i++)
		CHECK(f.appointments[i] >= 0 &&
		    (size_t)f.appointments[i] <= 2 * h->nappointments);
	CHECK(f.appointments_eltpa + f.appointments_bridging <=
	    f.appointments[0]);
	CHECK(f.course_spent_cents >= 0);
	CHECK(f.courses_taken >= 0 &&
	    (size_t)f.courses_taken <= 2 * h->ncourses);
	CHECK(f.courses_completed + f.courses_dropped + f.courses_failed <=
	    f.courses_taken);
	CHECK(f.exams_taken >= 0 && (size_t)f.exams_taken <= 2 * h->nattempts);
	CHECK(f.grades_issued >= 0 && (size_t)f.grades_issued <= 2 * h->ngrades);
	for (i = 0; i < NELEM(titles); i++)
		sum += by_title[i];
	CHECK(sum == f.grades_issued);
	if (prof == PROFILE_CALIFORNIA)
		CHECK(f.courses_taken == 0 && f.exams_taken == 0 &&
		    f.grades_issued == 0 && f.withdrawal_candidates == 0);
}

/*
 * The words: the packet as JSON and text, with extreme money and dates.
 * The text holds no control character but newline and tab, no byte that
 * is not UTF-8, and a separated employee is never told what leaving
 * "would" cost (N3).
 */
static void
check_words(const struct settings *st, const struct packet *p,
    struct arena *a)
{
	struct config conf;
	struct paths *pt = paths_new(&cat);
	struct buf b = {0};
	size_t i;

	memset(&conf, 0, sizeof(conf));
	conf.title = "Program";
	conf.contact.name = "Coordinator";
	conf.profile = p->profile;
	conf.prog = *st;
	tv_json(&b, view_packet(p, &cat, pt, &conf, a, 0), 1);
	tv_json(&b, view_packet(p, &cat, pt, &conf, a, 1), 0);
	buf_reset(&b);
	view_text(p, &cat, pt, &conf, &b);
	for (i = 0; i < b.len; i++)
		CHECK((unsigned char)b.data[i] >= 0x20 || b.data[i] == '\n' ||
		    b.data[i] == '\t');
	if (p->separated)
		CHECK(strstr(b.data, "would repay") == NULL);
	buf_free(&b);
	paths_free(pt);
}

static void
dump(const struct history *h, day_t as_of, enum profile prof,
    const struct packet *p)
{
	char b1[11], b2[11];
	size_t i;

	date_format(as_of, b1);
	fprintf(stderr, "as_of %s profile %d class %s degree %d leave %d\n",
	    b1, prof, h->emp.class_code, h->emp.highest_degree, h->emp.leave);
	for (i = 0; i < h->ntargets; i++) {
		date_format(h->targets[i].targeted_on, b1);
		date_format(h->targets[i].ended_on, b2);
		fprintf(stderr, "target %s %s..%s route %d\n",
		    h->targets[i].class_code, b1, b2, h->targets[i].route);
	}
	for (i = 0; i < h->nattempts; i++) {
		date_format(h->attempts[i].taken_on, b1);
		fprintf(stderr, "attempt %s %s %s %d final %d\n",
		    h->attempts[i].class_code, h->attempts[i].section, b1,
		    h->attempts[i].proficient, h->attempts[i].final);
	}
	for (i = 0; i < h->nleaves; i++) {
		date_format(h->leaves[i].starts_on, b1);
		date_format(h->leaves[i].ends_on, b2);
		fprintf(stderr, "leave %d %s..%s\n", h->leaves[i].kind, b1, b2);
	}
	for (i = 0; i < h->nextensions; i++) {
		date_format(h->extensions[i].granted_on, b1);
		fprintf(stderr, "extension %s %d days on %s\n",
		    h->extensions[i].class_code, h->extensions[i].days, b1);
	}
	for (i = 0; i < h->ncourses; i++) {
		date_format(h->courses[i].starts_on, b1);
		date_format(h->courses[i].ends_on, b2);
		fprintf(stderr, "course %lld %s..%s status %d credits %g "
		    "lab_for %lld\n", h->courses[i].id, b1, b2,
		    h->courses[i].status, h->courses[i].credit_hours,
		    h->courses[i].lab_for);
	}
	for (i = 0; i < h->ngrades; i++) {
		date_format(h->grades[i].issued_on, b1);
		fprintf(stderr, "grade %s %c %s\n", h->grades[i].class_code,
		    h->grades[i].grade, b1);
	}
	for (i = 0; i < p->nalerts; i++) {
		date_format(p->alerts[i].on, b1);
		fprintf(stderr, "alert %s %s %s %ld\n",
		    alert_code_name(p->alerts[i].code), b1,
		    p->alerts[i].class_code ? p->alerts[i].class_code : "-",
		    p->alerts[i].count);
	}
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	verbose = fuzz_verbose();
	day_lo = date_from_ymd(1990, 1, 1);
	day_hi = date_from_ymd(2040, 12, 31);
	titles[8].frozen_on = date_from_ymd(2025, 1, 1);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct rec r, copy;
	struct src s = { data, size, 0, 0 };
	struct settings st;
	struct arena a = {0}, b = {0};
	struct packet p, q;
	enum profile prof;
	day_t as_of;

	/* The as-of date first: the other dates cluster around it. */
	as_of = clamp(day_lo + (day_t)(u32(&s) % (uint32_t)(day_hi - day_lo
	    + 1)));
	s.as_of = s.last = as_of;
	prof = u8(&s) % 4 == 3 ? PROFILE_CALIFORNIA : PROFILE_ILLINOIS;
	decode_settings(&s, &st);
	decode_history(&s, &r);
	memcpy(&copy, &r, sizeof(r));

	rule_packet(&r.h, &cat, &st, prof, as_of, &a, &p);
	if (verbose)
		dump(&r.h, as_of, prof, &p);
	check_packet(&r.h, &st, prof, as_of, &p);
	check_spec(&r.h, &st, prof, as_of, &p);
	/* Again, in another arena: the same answer. */
	arena_alloc(&b, 24);
	rule_packet(&r.h, &cat, &st, prof, as_of, &b, &q);
	check_same(&p, &q);
	check_lists(&r.h, &st, prof, as_of, &a);
	check_fy(&r.h, &st, prof, as_of);
	check_words(&st, &p, &b);
	/* Pure: the history is as it was (pointers into r included). */
	CHECK(memcmp(&r, &copy, sizeof(r)) == 0);

	arena_free(&a);
	arena_free(&b);
	return 0;
}
