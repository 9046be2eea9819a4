/*
 * letters.c: letters the coordinator prints and hands out (cli.md,
 * private/letters/KIND/UNIT.html and no-computer-access.html), batched by
 * unit like the packets, one page each.  A writer of the engine
 * (engine.c): each employee's letters are rendered in a worker as
 * articles of their kind (eng_article), and batched after the scan
 * (batches.c).  The kinds:
 *   registration  IL III.B: "each registration period a notice will be
 *                 mailed to eligible employees who have never enrolled",
 *                 naming the registration month (rules.md N2)
 *   welcome       CA "Marketing the Upward Mobility Program": to
 *                 employees newly in an LPEL class, the participation
 *                 criteria and the coordinator's contact
 *   selection     the decision of the latest registration period to each
 *                 applicant: selected, the waiting list and its place, or
 *                 not eligible and why
 * A kind the profile does not have (IL welcome, CA registration) makes no
 * folder.  The wording is in templates/partials/letter-*.html, so a
 * coordinator changes it without C.
 *
 * Everything here is personal data: every file is written OUT_PRIVATE.
 */
#include <stdlib.h>
#include <string.h>

#include "extern.h"

/* CA "Marketing": a letter to employees "newly appointed" to an LPEL
 * class: here, in the 90 days before the as-of date (cli.md). */
#define WELCOME_DAYS	90

/* The kinds, in the order of the index; their template and words. */
static const struct kind {
	const char	*name;		/* the article kind and folder */
	const char	*what;		/* a batch's title: "WHAT of UNIT" */
	enum profile	 only;		/* the profile that has it */
	int		 both;		/* 1: both profiles have it */
} kinds[] = {
	{ "registration", "Registration notices", PROFILE_ILLINOIS, 0 },
	{ "welcome", "Welcome letters", PROFILE_CALIFORNIA, 0 },
	{ "selection", "Selection letters", PROFILE_ILLINOIS, 1 },
};
#define NKINDS	(sizeof(kinds) / sizeof(kinds[0]))

int
letters_kind_applies(size_t k, enum profile p)
{
	return k < NKINDS && (kinds[k].both || kinds[k].only == p);
}

const char *
letters_kind_name(size_t k)
{
	return k < NKINDS ? kinds[k].name : NULL;
}

/* ---- who gets which letter -------------------------------------------------- */

/* IL III.B (and cli.md): eligible, never enrolled, and no application in
 * the latest registration period (or one for a period to come). */
static int
gets_registration(const struct packet *pkt)
{
	return pkt->profile == PROFILE_ILLINOIS && pkt->eligible &&
	    pkt->h->nenrollments == 0 && pkt->h->app == NULL &&
	    pkt->next_app == NULL;
}

/* How an employee came into their LPEL class, for the welcome letter. */
enum came_by {
	CAME_NOT,		/* no welcome letter */
	CAME_HIRED,		/* a new hire: no appointment to the class */
	CAME_APPOINTED		/* an appointment to the class */
};

/*
 * CA "Marketing": the current class is LPEL and the employee came into it
 * on a day D with as-of - 90 <= D <= as-of: the appointed_on of the latest
 * appointment to that class, or, with none, the seniority date (a new
 * hire).  Separated employees are left out (seed review 1.21).  *on is
 * set to D.  The seed's letter goes to "newly appointed employees in
 * LPEL classifications": one appointed from another class is already on
 * staff, and is congratulated on the appointment rather than welcomed to
 * the department (the template tells them apart).
 */
static enum came_by
gets_welcome(const struct packet *pkt, day_t *on)
{
	const struct history *h = pkt->h;
	enum came_by by = CAME_HIRED;
	day_t came = DAY_NONE;
	size_t i;

	if (pkt->profile != PROFILE_CALIFORNIA || pkt->cls == NULL ||
	    pkt->cls->category != CAT_LPEL || pkt->separated)
		return CAME_NOT;
	for (i = 0; i < h->nappointments; i++)	/* by appointed_on */
		if (h->appointments[i].to_class_code != NULL &&
		    strcmp(h->appointments[i].to_class_code,
		    h->emp.class_code) == 0) {
			came = h->appointments[i].appointed_on;
			by = CAME_APPOINTED;
		}
	if (came == DAY_NONE)
		came = h->emp.seniority_date;
	if (came == DAY_NONE || came > pkt->as_of ||
	    came < pkt->as_of - WELCOME_DAYS)
		return CAME_NOT;
	*on = came;
	return by;
}

/*
 * The latest period's decision, once its month has ended (IL III.C:
 * forms are due by its last day; coordinator's decision 1.3), and not a
 * California application still waiting for the coordinator (seed review
 * 1.26: there is nothing to tell yet).
 */
static int
gets_selection(const struct packet *pkt)
{
	const struct app_status *ap = pkt->h->app;

	return ap != NULL && !pkt->app_open && ap->result != APP_PENDING;
}

/* ---- the view ----------------------------------------------------------------- */

static void
set_text(struct arena *a, struct tv *m, const char *key, struct buf *b)
{
	tv_set(a, m, key, b->len ? tv_str(a, b->data) : tv_null(a));
	buf_reset(b);
}

/* What every letter shows: the program, the date, the employee. */
static struct tv *
letter_view(const struct project *p, const struct packet *pkt,
    struct arena *a)
{
	const struct config *s = &p->conf;
	const struct employee *e = &pkt->h->emp;
	struct tv *v = tv_map(a), *m;
	char d[32];

	date_human(pkt->as_of, d);
	tv_set(a, v, "as_of_text", tv_str(a, d));
	tv_set(a, v, "illinois", tv_bool(a, s->profile == PROFILE_ILLINOIS));
	/* Every letter closes with a way to ask (letter-sign): "how to
	 * reach me" only when the head gives a way (site.contact.reach). */
	tv_set(a, v, "site", view_site(s, a));
	m = tv_set(a, v, "employee", tv_map(a));
	tv_set(a, m, "id", tv_str(a, e->id));
	tv_set(a, m, "name", tv_str(a, e->name));
	tv_set(a, m, "class_code", tv_str(a, e->class_code));
	tv_set(a, m, "class_title", tv_str(a, pkt->cls ? pkt->cls->name :
	    e->class_code));
	tv_set(a, m, "unit", tv_str(a, e->unit));
	tv_set(a, v, "on_leave", tv_bool(a, pkt->on_leave));
	return v;
}

/* IL III.A-C: the registration month the notice names, and its last
 * day, the postmark deadline; null when site.yaml names no months. */
static void
registration_view(struct arena *a, struct tv *v, const struct packet *pkt,
    struct buf *b)
{
	struct tv *m = tv_set(a, v, "registration", tv_map(a));
	char d[32];

	if (pkt->register_period >= 0) {
		period_name(pkt->register_period, b);
		set_text(a, m, "month_text", b);
		date_human(period_last_day(pkt->register_period), d);
		tv_set(a, m, "deadline_text", tv_str(a, d));
	} else {
		tv_set(a, m, "month_text", tv_null(a));
		tv_set(a, m, "deadline_text", tv_null(a));
	}
}

/* CA "Marketing": a new hire is welcomed, an employee appointed to the
 * class congratulated on the appointment, on the day it took effect. */
static void
welcome_view(struct arena *a, struct tv *v, const struct packet *pkt)
{
	struct tv *m = tv_set(a, v, "welcome", tv_map(a));
	day_t on = DAY_NONE;
	char d[32];

	tv_set(a, m, "appointed", tv_bool(a, gets_welcome(pkt, &on) ==
	    CAME_APPOINTED));
	date_human(on, d);
	tv_set(a, m, "on_text", tv_str(a, d));
}

/* The registration month after period (IL IV.B: the waiting list's
 * first consideration is for "the next registration period"), or -1. */
static int
next_month(const struct settings *s, int period)
{
	int k;

	for (k = 1; s->registration_months != 0 && k <= 12; k++)
		if (s->registration_months >> ((period + k) % 12) & 1)
			return period + k;
	return -1;
}

/*
 * A letter is made every build, so the coordinator may print a selected
 * applicant's after they have begun: what they were told to do next
 * (IL VI.A-B: a counselor and a plan; CA "Career Development Plan") is
 * then said as done, with its dates, not as still to come.  Null each
 * when not yet: an enrollment or plan from before the period is an
 * earlier participation's.
 */
static void
selected_since(struct arena *a, struct tv *m, const struct packet *pkt,
    int period)
{
	const struct enrollment *en = pkt->enrollment;
	const struct plan *pl = pkt->plan;
	day_t from = period_first_day(period);
	int since = en != NULL && en->enrolled_on >= from;
	char d[32];

	date_human(since ? en->enrolled_on : DAY_NONE, d);
	tv_set(a, m, "enrolled_text", since ? tv_str(a, d) : tv_null(a));
	tv_set(a, m, "counselor", since && en->counselor != NULL &&
	    *en->counselor != '\0' ? tv_str(a, en->counselor) : tv_null(a));
	since = pl != NULL && pl->created_on >= from;
	date_human(since ? pl->created_on : DAY_NONE, d);
	tv_set(a, m, "plan_text", since ? tv_str(a, d) : tv_null(a));
	since = since && pl->supervisor_approved_on != DAY_NONE;
	date_human(since ? pl->supervisor_approved_on : DAY_NONE, d);
	tv_set(a, m, "plan_approved_text", since ? tv_str(a, d) :
	    tv_null(a));
}

static void
selection_view(const struct project *p, struct arena *a, struct tv *v,
    const struct packet *pkt, struct buf *b)
{
	const struct app_status *ap = pkt->h->app;
	struct tv *m = tv_set(a, v, "selection", tv_map(a));
	int nx;

	period_name(ap->period, b);
	set_text(a, m, "period_text", b);
	tv_set(a, m, "illinois", tv_bool(a, pkt->profile == PROFILE_ILLINOIS));
	tv_set(a, m, "selected", tv_bool(a, ap->result == APP_SELECTED));
	tv_set(a, m, "waiting", tv_bool(a, ap->result == APP_WAITING));
	tv_set(a, m, "waiting_position", tv_num(a,
	    (double)ap->waiting_position));
	tv_set(a, m, "not_eligible", tv_bool(a, ap->result ==
	    APP_NOT_ELIGIBLE));
	tv_set(a, m, "not_approved", tv_bool(a, ap->result ==
	    APP_NOT_APPROVED));
	tv_set(a, m, "not_selected", tv_bool(a, ap->result ==
	    APP_NOT_SELECTED));
	if (ap->result == APP_NOT_ELIGIBLE)
		view_elig_reason(pkt, &p->catalog, &p->conf, ap->reason, b);
	set_text(a, m, "reason_text", b);
	if ((nx = next_month(&p->conf.prog, ap->period)) >= 0)
		period_name(nx, b);
	set_text(a, m, "next_month_text", b);
	selected_since(a, m, pkt, ap->period);
}

/* ---- the writer ----------------------------------------------------------------- */

/* One letter of kind k: rendered and handed to the engine as an article. */
static int
letter(struct priv *pv, struct eng_emp *em, size_t k,
    const struct digest *in)
{
	const struct project *p = pv->p;
	struct buf *art = &em->buf[0], *b = &em->buf[1];
	struct tv *v;

	buf_reset(art);
	buf_reset(b);
	v = letter_view(p, em->pkt, em->view);
	if (k == 0)
		registration_view(em->view, v, em->pkt, b);
	else if (k == 1)
		welcome_view(em->view, v, em->pkt);
	else if (k == 2)
		selection_view(p, em->view, v, em->pkt, b);
	return tmpl_render(p->priv.letters[k], v, art) &&
	    eng_article(em, kinds[k].name, art, in);
}

static int
letters_employee(void *self, struct eng_emp *em, struct eng_file *f,
    void **note)
{
	struct priv *pv = self;
	const struct packet *pkt = em->pkt;
	day_t came;
	const int want[NKINDS] = { gets_registration(pkt),
	    gets_welcome(pkt, &came) != CAME_NOT, gets_selection(pkt) };
	struct digest in;
	size_t k;
	int ok = 1, any = 0;

	(void)f;
	(void)note;
	for (k = 0; k < NKINDS; k++)
		any |= want[k];
	if (!any)
		return 1;
	/* A letter is made from what the employee's packet is made from. */
	eng_input(pv->p, em->h, &in);
	for (k = 0; ok && k < NKINDS; k++)
		if (want[k] && letters_kind_applies(k, pkt->profile))
			ok = letter(pv, em, k, &in);
	return ok;
}

/* After the scan: each kind's batches, letters/KIND/UNIT.html. */
static int
letters_finish(void *self, struct eng *e)
{
	struct priv *pv = self;
	char *dir;
	size_t k;
	int ok = 1;

	for (k = 0; ok && k < NKINDS; k++) {
		if (!letters_kind_applies(k, pv->p->conf.profile))
			continue;
		dir = xasprintf("private/letters/%s", kinds[k].name);
		/* No empty batch to print: a unit or the employees without
		 * computer access have a file only when they have letters. */
		ok = batches_write(pv, e, kinds[k].name, dir, kinds[k].what,
		    0);
		free(dir);
	}
	return ok;
}

void
letters_writer(struct eng_writer *w, struct priv *pv)
{
	size_t k, n = 0;

	memset(w, 0, sizeof(*w));
	for (k = 0; k < NKINDS; k++)
		w->kinds[n++] = kinds[k].name;
	w->employee = letters_employee;
	w->finish = letters_finish;
	w->self = pv;
}
