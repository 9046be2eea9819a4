/*
 * view.c: what the rules said of one employee (struct packet), put into
 * the packet view of cli.md: a value tree whose keys are the JSON
 * contract (written by `umpress packet --format json`, and the data of
 * templates/packet.html), the alerts in plain words, and the plain-text
 * form for a terminal or an email, wrapped at 72 columns.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "extern.h"

/* Who the employee should ask: their counselor, else the coordinator. */
static void
who(const struct packet *p, const struct config *s, struct buf *b)
{
	if (p->enrollment && p->enrollment->counselor &&
	    *p->enrollment->counselor)
		buf_printf(b, "your counselor, %s", p->enrollment->counselor);
	else if (s->contact.name)
		buf_printf(b, "the program coordinator, %s", s->contact.name);
	else
		BUF_LIT(b, "the program office");
}

static void
human(day_t t, struct buf *b)
{
	char s[32];

	date_human(t, s);
	buf_puts(b, s);
}

/* The title an alert is about, by name, or "your target title". */
static const char *
alert_title(const struct alert *a, const struct catalog *c)
{
	const struct title *t = catalog_find(c, a->class_code);

	return t ? t->name : a->class_code ? a->class_code :
	    "your target title";
}

/* Alerts about exams, targets and grades (T, X, G rules). */
static int
alert_title_words(const struct alert *a, const struct packet *p,
    const struct catalog *c, const struct settings *st, struct buf *b)
{
	const char *t = alert_title(a, c);

	switch (a->code) {
	case AL_TARGET_LIMIT:
		buf_printf(b, "You have %ld open target titles. The program "
		    "allows at most %d credential and %d certificate titles "
		    "at one time, so your plan must drop one.", a->count,
		    st->max_credential_targets, st->max_certificate_targets);
		return 1;
	case AL_CREDENTIAL_NEEDS_BACHELOR:
		buf_printf(b, "%s needs a master's degree or a doctorate. "
		    "Only employees with a bachelor's degree may target it.",
		    t);
		return 1;
	case AL_TITLE_FROZEN:
		buf_printf(b, "%s has been frozen since ", t);
		human(a->on, b);
		BUF_LIT(b, ". It cannot be newly targeted; choose another "
		    "title.");
		return 1;
	case AL_EXAM_WINDOW_CLOSING:
		buf_printf(b, "Your %d years to earn a grade for %s end on ",
		    st->exam_window_years, t);
		human(a->on, b);
		BUF_LIT(b, ". Pass the sections you still need before then.");
		return 1;
	case AL_EXAM_WINDOW_EXPIRED:
		buf_printf(b, "Your %d years to earn a grade for %s ended on ",
		    st->exam_window_years, t);
		human(a->on, b);
		BUF_LIT(b, ". Your scores are erased; you may start the exam "
		    "over.");
		return 1;
	case AL_GRADE_EXPIRING:
	case AL_GRADE_EXPIRED:
		buf_printf(b, "Your grade for %s %s on ", t,
		    a->code == AL_GRADE_EXPIRED ? "expired" : "expires");
		human(a->on, b);
		BUF_LIT(b, ". To stay on the eligibility lists, retest (a "
		    "certificate) or send a new promotional application (a "
		    "credential).");
		return 1;
	default:
		(void)p;
		return 0;
	}
}

/* Alerts about classes (E3, C rules). */
static int
alert_class_words(const struct alert *a, const struct packet *p,
    const struct settings *st, struct buf *b)
{
	char fy[8];

	switch (a->code) {
	case AL_LEAVE_BLOCKS_ENROLLMENT:
		BUF_LIT(b, "You are on a leave that does not allow you to "
		    "enroll in a class without the advisory committee's "
		    "approval, and you have a class planned or enrolled.");
		return 1;
	case AL_CLASS_LIMIT_REACHED:
		date_fy_name(p->classes_fy, fy);
		buf_printf(b, "You have used all %d classes of fiscal year %s. "
		    "Your next class can start on ",
		    st->max_classes_per_year, fy);
		human(date_fy_start(p->classes_fy + 1), b);
		buf_putc(b, '.');
		return 1;
	case AL_TOO_MANY_CONCURRENT:
		buf_printf(b, "You are enrolled in %ld classes at once; the "
		    "program allows %d (one in the summer term at a "
		    "semester school).", a->count, p->concurrent_limit);
		return 1;
	case AL_FIRST_TERM_ONE_CLASS:
		buf_printf(b, "You have earned no academic credit in the past "
		    "%d years: take only one class in your first term.",
		    st->recent_credit_years);
		return 1;
	case AL_REVISED_PLAN_REQUIRED:
		BUF_LIT(b, "You dropped or failed a class on ");
		human(a->on, b);
		BUF_LIT(b, ". Complete a revised Career Development Plan; "
		    "you cannot continue in the program until it is signed.");
		return 1;
	case AL_WITHDRAWAL_DROPS:
		buf_printf(b, "You have dropped or failed %ld classes. The "
		    "program may withdraw you for at least a year.",
		    a->count);
		return 1;
	case AL_WITHDRAWAL_INACTIVE:
		BUF_LIT(b, "You have not started a class or taken an exam "
		    "since ");
		human(a->on, b);
		buf_printf(b, ". After %d years without either, the program "
		    "may withdraw you for a year.", st->inactivity_years);
		return 1;
	default:
		return 0;
	}
}

/* Alerts about the plan and assignments (P rules). */
static int
alert_plan_words(const struct alert *a, const struct packet *p,
    const struct settings *st, struct buf *b)
{
	switch (a->code) {
	case AL_PLAN_MISSING:
		BUF_LIT(b, "You have no Career Development Plan on file. "
		    "Every participant needs one.");
		return 1;
	case AL_PLAN_NOT_APPROVED:
		buf_printf(b, "Your Career Development Plan (version %d) is "
		    "waiting for your supervisor's approval.",
		    p->plan ? p->plan->version : 1);
		return 1;
	case AL_PLAN_NOT_REVIEWED:
		BUF_LIT(b, "Your supervisor approved your Career Development "
		    "Plan");
		if (p->plan && p->plan->supervisor_approved_on != DAY_NONE) {
			BUF_LIT(b, " on ");
			human(p->plan->supervisor_approved_on, b);
		}
		BUF_LIT(b, "; it is waiting for the coordinator's review.");
		return 1;
	case AL_ASSIGNMENT_TOO_LONG:
		buf_printf(b, "Your training and development assignment runs "
		    "longer than the %d years allowed: it should end by ",
		    st->max_assignment_years);
		human(a->on, b);
		buf_putc(b, '.');
		return 1;
	default:
		return 0;
	}
}

void
view_alert_text(const struct alert *a, const struct packet *p,
    const struct catalog *c, const struct config *s, struct buf *b)
{
	if (!alert_title_words(a, p, c, &s->prog, b) &&
	    !alert_class_words(a, p, &s->prog, b) &&
	    !alert_plan_words(a, p, &s->prog, b))
		buf_puts(b, alert_code_name(a->code));
	BUF_LIT(b, " Ask ");
	who(p, s, b);
	buf_putc(b, '.');
}

/* ---- the value tree ------------------------------------------------------ */

/* Builds a view in one arena; display adds words for people (dates as
 * "10 January 2028", money as "$1,234.00") beside the data. */
struct vctx {
	struct arena		*a;
	const struct packet	*p;
	const struct catalog	*c;
	const struct config	*s;
	int			 display;
};

/* KEY_text, in the view's arena. */
static const char *
text_key(struct vctx *v, const char *key)
{
	size_t n = strlen(key);
	char *k = arena_alloc(v->a, n + sizeof("_text"));

	memcpy(k, key, n);
	memcpy(k + n, "_text", sizeof("_text"));
	return k;
}

/* Sets KEY to the date, and KEY_text to its words in display views. */
static void
set_date(struct vctx *v, struct tv *m, const char *key, day_t t)
{
	char words[32];
	const char *k;

	tv_set(v->a, m, key, tv_date(v->a, t));
	if (!v->display)
		return;
	date_human(t, words);
	k = text_key(v, key);
	tv_set(v->a, m, k, t == DAY_NONE ? tv_null(v->a) :
	    tv_str(v->a, words));
}

static void
set_money(struct vctx *v, struct tv *m, const char *key, int64_t cents)
{
	struct buf b = {0};
	const char *k;

	tv_set(v->a, m, key, tv_num(v->a, (double)cents));
	if (!v->display)
		return;
	fmt_money(&b, cents, 1);
	k = text_key(v, key);
	tv_set(v->a, m, k, tv_str(v->a, b.data));
	buf_free(&b);
}

static const char *
title_name(const struct catalog *c, const char *code)
{
	const struct title *t = catalog_find(c, code);

	return t ? t->name : code;
}

static struct tv *
employee_view(struct vctx *v)
{
	static const char *const status[] = { "permanent", "probationary",
	    "limited_term", "temporary" };
	static const char *const leave[] = { NULL, "education",
	    "military_paid", "other" };
	const struct employee *e = &v->p->h->emp;
	struct tv *m = tv_map(v->a);

	tv_set(v->a, m, "id", tv_str(v->a, e->id));
	tv_set(v->a, m, "name", tv_str(v->a, e->name));
	tv_set(v->a, m, "class_code", tv_str(v->a, e->class_code));
	tv_set(v->a, m, "class_title", tv_str(v->a, v->p->cls ?
	    v->p->cls->name : e->class_code));
	tv_set(v->a, m, "category", v->p->cls && v->p->cls->category ?
	    tv_str(v->a, category_name(v->p->cls->category)) : tv_null(v->a));
	tv_set(v->a, m, "department", tv_str(v->a, e->department));
	tv_set(v->a, m, "unit", tv_str(v->a, e->unit));
	tv_set(v->a, m, "supervisor", tv_str(v->a, e->supervisor));
	tv_set(v->a, m, "work_county", tv_str(v->a, e->work_county));
	tv_set(v->a, m, "status", tv_str(v->a, status[e->status]));
	tv_set(v->a, m, "time_base", tv_num(v->a, e->time_base));
	set_date(v, m, "seniority_date", e->seniority_date);
	tv_set(v->a, m, "on_layoff", tv_bool(v->a, e->on_layoff));
	tv_set(v->a, m, "leave", tv_str(v->a, leave[e->leave]));
	tv_set(v->a, m, "computer_access", tv_bool(v->a, e->computer_access));
	set_date(v, m, "separated_on", e->separated_on);
	return m;
}

static struct tv *
enrollment_view(struct vctx *v)
{
	static const char *const status[] = { "active", "suspended",
	    "withdrawn" };
	const struct enrollment *en = v->p->enrollment;
	struct tv *m;

	if (en == NULL)
		return tv_null(v->a);
	m = tv_map(v->a);
	tv_set(v->a, m, "status", tv_str(v->a, status[en->status]));
	tv_set(v->a, m, "counselor", tv_str(v->a, en->counselor));
	set_date(v, m, "enrolled_on", en->enrolled_on);
	set_date(v, m, "status_on", en->status_on);
	tv_set(v->a, m, "reason", tv_str(v->a, en->reason));
	return m;
}

static struct tv *
plan_view(struct vctx *v)
{
	const struct plan *pl = v->p->plan;
	struct tv *m, *steps, *st;
	size_t i;

	if (pl == NULL)
		return tv_null(v->a);
	m = tv_map(v->a);
	tv_set(v->a, m, "version", tv_num(v->a, pl->version));
	set_date(v, m, "created_on", pl->created_on);
	tv_set(v->a, m, "objective", tv_str(v->a, pl->objective));
	tv_set(v->a, m, "target_class_code",
	    tv_str(v->a, pl->target_class_code));
	tv_set(v->a, m, "target_title", pl->target_class_code ?
	    tv_str(v->a, title_name(v->c, pl->target_class_code)) :
	    tv_null(v->a));
	set_date(v, m, "target_date", pl->target_date);
	set_date(v, m, "supervisor_approved_on", pl->supervisor_approved_on);
	set_date(v, m, "coordinator_reviewed_on",
	    pl->coordinator_reviewed_on);
	steps = tv_set(v->a, m, "steps", tv_list(v->a));
	for (i = 0; i < pl->nsteps; i++) {
		st = tv_push(v->a, steps, tv_map(v->a));
		tv_set(v->a, st, "seq", tv_num(v->a, pl->steps[i].seq));
		tv_set(v->a, st, "action", tv_str(v->a, pl->steps[i].action));
		set_date(v, st, "due_on", pl->steps[i].due_on);
		set_date(v, st, "done_on", pl->steps[i].done_on);
	}
	if (v->display)
		tv_set(v->a, m, "has_steps", tv_bool(v->a, pl->nsteps > 0));
	return m;
}

static struct tv *
grade_view(struct vctx *v, const struct target_view *t)
{
	struct tv *m;

	if (t->grade == NULL)
		return tv_null(v->a);
	m = tv_map(v->a);
	tv_set(v->a, m, "grade", tv_strn(v->a, &t->grade->grade, 1));
	set_date(v, m, "issued_on", t->grade->issued_on);
	set_date(v, m, "expires_on", t->grade_expires_on);
	return m;
}

static struct tv *
target_view(struct vctx *v, const struct target_view *t)
{
	static const char *const routes[] = { NULL, "exam", "degree" };
	static const char *const options[] = { NULL, "bilingual",
	    "sign_language" };
	struct tv *m = tv_map(v->a), *l;
	size_t i;

	tv_set(v->a, m, "class_code", tv_str(v->a, t->t->class_code));
	tv_set(v->a, m, "title", tv_str(v->a, t->title ? t->title->name :
	    t->t->class_code));
	tv_set(v->a, m, "kind", t->title && t->title->kind ?
	    tv_str(v->a, kind_name(t->title->kind)) : tv_null(v->a));
	tv_set(v->a, m, "route", tv_str(v->a, routes[t->t->route]));
	tv_set(v->a, m, "option", tv_str(v->a, options[t->t->option]));
	set_date(v, m, "targeted_on", t->t->targeted_on);
	set_date(v, m, "first_exam_on", t->first_exam_on);
	set_date(v, m, "exam_window_ends_on", t->exam_window_ends_on);
	if (v->display)		/* IL VII.G, or what site.yaml sets */
		tv_set(v->a, m, "exam_window_years", tv_num(v->a,
		    v->s->prog.exam_window_years));
	l = tv_set(v->a, m, "sections_not_proficient", tv_list(v->a));
	for (i = 0; i < t->nsections_not_proficient; i++)
		tv_push(v->a, l, tv_str(v->a, t->sections_not_proficient[i]));
	set_date(v, m, "next_exam_allowed_on", t->next_exam_allowed_on);
	tv_set(v->a, m, "grade", grade_view(v, t));
	l = tv_set(v->a, m, "counties", tv_list(v->a));
	for (i = 0; i < t->ncounties; i++)
		tv_push(v->a, l, tv_str(v->a, t->counties[i]));
	if (v->display) {
		tv_set(v->a, m, "exam_route", tv_bool(v->a, t->exam_route));
		tv_set(v->a, m, "has_sections",
		    tv_bool(v->a, t->nsections_not_proficient > 0));
		tv_set(v->a, m, "has_counties", tv_bool(v->a,
		    t->ncounties > 0));
	}
	return m;
}

static struct tv *
alerts_view(struct vctx *v)
{
	struct tv *l = tv_list(v->a), *m;
	struct buf b = {0};
	size_t i;

	for (i = 0; i < v->p->nalerts; i++) {
		m = tv_push(v->a, l, tv_map(v->a));
		tv_set(v->a, m, "code", tv_str(v->a,
		    alert_code_name(v->p->alerts[i].code)));
		buf_reset(&b);
		view_alert_text(&v->p->alerts[i], v->p, v->c, v->s, &b);
		tv_set(v->a, m, "message", tv_str(v->a, b.data));
		tv_set(v->a, m, "rule", tv_str(v->a,
		    alert_rule(v->p->alerts[i].code)));
		set_date(v, m, "on", v->p->alerts[i].on);
		tv_set(v->a, m, "class_code",
		    tv_str(v->a, v->p->alerts[i].class_code));
	}
	buf_free(&b);
	return l;
}

static struct tv *
course_view(struct vctx *v, const struct course_view *cv)
{
	static const char *const status[] = { "planned", "enrolled",
	    "completed", "dropped", "failed" };
	const struct course *c = cv->c;
	struct tv *m = tv_map(v->a);

	tv_set(v->a, m, "id", tv_num(v->a, (double)c->id));
	tv_set(v->a, m, "name", tv_str(v->a, c->name));
	tv_set(v->a, m, "institution", tv_str(v->a, c->institution));
	tv_set(v->a, m, "class_code", tv_str(v->a, c->class_code));
	set_date(v, m, "starts_on", c->starts_on);
	set_date(v, m, "ends_on", c->ends_on);
	tv_set(v->a, m, "status", tv_str(v->a, status[c->status]));
	tv_set(v->a, m, "credit_hours", c->credit_hours < 0 ? tv_null(v->a) :
	    tv_num(v->a, c->credit_hours));
	tv_set(v->a, m, "lab", tv_bool(v->a, c->lab_for != 0));
	tv_set(v->a, m, "counted", tv_bool(v->a, cv->counted));
	tv_set(v->a, m, "this_year", tv_bool(v->a, cv->in_fy));
	set_money(v, m, "program_paid_cents", cv->program_paid_cents);
	tv_set(v->a, m, "binding", tv_bool(v->a, cv->binding));
	return m;
}

/* The figures of the Illinois rules (C, X, O, M); null in the
 * california profile, which applies none of them (rules.md). */
static void
il_figures(struct vctx *v, struct tv *root)
{
	const struct packet *p = v->p;
	struct tv *m, *l, *ly;
	char fy[8];
	size_t i;

	m = tv_set(v->a, root, "classes", tv_map(v->a));
	date_fy_name(p->classes_fy, fy);
	tv_set(v->a, m, "fiscal_year", tv_str(v->a, fy));
	tv_set(v->a, m, "counted_this_year", tv_num(v->a, p->classes_counted));
	tv_set(v->a, m, "remaining_this_year",
	    tv_num(v->a, p->classes_remaining));
	tv_set(v->a, m, "limit", tv_num(v->a, v->s->prog.max_classes_per_year));
	m = tv_set(v->a, root, "exams_this_half_year", tv_map(v->a));
	tv_set(v->a, m, "used", tv_num(v->a, p->exams_used));
	tv_set(v->a, m, "remaining", tv_num(v->a, p->exams_remaining));
	m = tv_set(v->a, root, "time_off", tv_map(v->a));
	tv_set(v->a, m, "hours_per_week", tv_num(v->a, p->hours_per_week));
	tv_set(v->a, m, "full_day_days_off", tv_num(v->a,
	    p->full_day_days_off));
	tv_set(v->a, m, "meeting_hours_per_week",
	    tv_num(v->a, p->meeting_hours));
	tv_set(v->a, m, "rotating_schedule", tv_bool(v->a, p->rotating_note));
	m = tv_set(v->a, root, "tuition", tv_map(v->a));
	set_money(v, m, "program_paid_cents", p->program_paid_cents);
	m = tv_set(v->a, root, "work_commitment", tv_map(v->a));
	set_date(v, m, "ends_on", p->commitment_ends_on);
	set_money(v, m, "repayment_if_separated_cents", p->repayment_cents);
	set_money(v, m, "paid_cents", p->binding_paid_cents);
	tv_set(v->a, m, "months_fulfilled", tv_num(v->a, p->months_fulfilled));
	l = tv_set(v->a, root, "courses", tv_list(v->a));
	ly = v->display ? tv_list(v->a) : NULL;
	for (i = 0; i < p->ncourses; i++) {
		tv_push(v->a, l, course_view(v, &p->courses[i]));
		if (ly && p->courses[i].in_fy)
			tv_push(v->a, ly, course_view(v, &p->courses[i]));
	}
	if (ly) {
		tv_set(v->a, root, "courses_this_year", ly);
		tv_set(v->a, root, "has_courses_this_year",
		    tv_bool(v->a, ly->len > 0));
	}
}

static void
il_figures_null(struct vctx *v, struct tv *root)
{
	static const char *const keys[] = { "classes", "exams_this_half_year",
	    "time_off", "tuition", "work_commitment", "courses" };
	size_t i;

	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		tv_set(v->a, root, keys[i], tv_null(v->a));
	if (v->display) {
		tv_set(v->a, root, "courses_this_year", tv_list(v->a));
		tv_set(v->a, root, "has_courses_this_year", tv_bool(v->a, 0));
	}
}

struct tv *
view_packet(const struct packet *p, const struct catalog *c,
    const struct config *s, struct arena *a, int display)
{
	struct vctx v = { a, p, c, s, display };
	struct tv *root = tv_map(a), *l;
	size_t i;

	set_date(&v, root, "as_of", p->as_of);
	tv_set(a, root, "employee", employee_view(&v));
	tv_set(a, root, "eligible", tv_bool(a, p->eligible));
	tv_set(a, root, "enrollment", enrollment_view(&v));
	tv_set(a, root, "plan", plan_view(&v));
	l = tv_set(a, root, "targets", tv_list(a));
	for (i = 0; i < p->ntargets; i++)
		tv_push(a, l, target_view(&v, &p->targets[i]));
	if (p->profile == PROFILE_ILLINOIS)
		il_figures(&v, root);
	else
		il_figures_null(&v, root);
	tv_set(a, root, "alerts", alerts_view(&v));
	if (display) {
		tv_set(a, root, "has_targets", tv_bool(a, p->ntargets > 0));
		tv_set(a, root, "has_alerts", tv_bool(a, p->nalerts > 0));
		tv_set(a, root, "illinois", tv_bool(a,
		    p->profile == PROFILE_ILLINOIS));
	}
	return root;
}

/* ---- text ----------------------------------------------------------------- */

#define TEXT_WIDTH 72

/*
 * Appends text wrapped at 72 columns, each line after the first indented
 * by indent spaces (the first is indented by first).  Columns count
 * characters, not bytes, so accented names wrap where they should.
 */
static void
wrap(struct buf *out, const char *text, int first, int indent)
{
	const char *p = text, *word, *end;
	int col = 0, len, k, lead = first;

	while (*p) {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		for (word = p, len = 0; *p && *p != ' '; p++)
			len += ((unsigned char)*p & 0xc0) != 0x80;
		end = p;
		if (col > lead && col + 1 + len > TEXT_WIDTH) {
			buf_putc(out, '\n');
			col = 0;
			lead = indent;
		}
		if (col == 0)
			for (k = 0; k < lead; k++, col++)
				buf_putc(out, ' ');
		else {
			buf_putc(out, ' ');
			col++;
		}
		buf_put(out, word, (size_t)(end - word));
		col += len;
	}
	buf_putc(out, '\n');
}

/* A heading line: the words in capitals are plain ASCII here. */
static void
text_heading(struct buf *out, const char *h)
{
	buf_printf(out, "\n%s\n", h);
}

/* "label: value", wrapped, indented under the label. */
static void
text_field(struct buf *out, const char *label, const char *value)
{
	struct buf b = {0};

	buf_printf(&b, "%s: %s", label, value);
	wrap(out, b.data, 2, 4);
	buf_free(&b);
}

static const char *
hdate(day_t t, char s[32])
{
	date_human(t, s);
	return t == DAY_NONE ? "none" : s;
}

static void
text_target(struct buf *out, const struct target_view *t)
{
	struct buf b = {0};
	char d1[32], d2[32];
	size_t i;

	buf_printf(&b, "%s (%s)%s%s", t->title ? t->title->name :
	    t->t->class_code, t->t->class_code, t->title && t->title->kind ?
	    ", " : "", t->title ? kind_name(t->title->kind) : "");
	wrap(out, b.data, 0, 2);
	if (t->exam_route && t->first_exam_on != DAY_NONE) {
		buf_reset(&b);
		buf_printf(&b, "%s; window ends %s", hdate(t->first_exam_on,
		    d1), hdate(t->exam_window_ends_on, d2));
		text_field(out, "First exam", b.data);
	}
	if (t->nsections_not_proficient > 0) {
		buf_reset(&b);
		for (i = 0; i < t->nsections_not_proficient; i++)
			buf_printf(&b, "%s%s", i ? ", " : "",
			    t->sections_not_proficient[i]);
		text_field(out, "Sections still to pass", b.data);
		text_field(out, "Next retest allowed",
		    hdate(t->next_exam_allowed_on, d1));
	}
	buf_reset(&b);
	if (t->grade)
		buf_printf(&b, "%c, issued %s, expires %s", t->grade->grade,
		    hdate(t->grade->issued_on, d1),
		    hdate(t->grade_expires_on, d2));
	text_field(out, "Grade", t->grade ? b.data : "none yet");
	if (t->ncounties > 0) {
		buf_reset(&b);
		for (i = 0; i < t->ncounties; i++)
			buf_printf(&b, "%s%s", i ? ", " : "", t->counties[i]);
		text_field(out, "Counties", b.data);
	}
	buf_free(&b);
}

static void
text_illinois(struct buf *out, const struct packet *p,
    const struct settings *st)
{
	struct buf b = {0};
	char fy[8], d[32];

	date_fy_name(p->classes_fy, fy);
	buf_printf(&b, "CLASSES, FISCAL YEAR %s", fy);
	text_heading(out, b.data);
	buf_reset(&b);
	buf_printf(&b, "%d counted, %d remaining", p->classes_counted,
	    p->classes_remaining);
	text_field(out, "Classes", b.data);
	buf_reset(&b);
	buf_printf(&b, "%d used, %d remaining", p->exams_used,
	    p->exams_remaining);
	text_field(out, "Exams this half-year", b.data);
	buf_reset(&b);
	buf_printf(&b, "%g hours a week; %g full days", p->hours_per_week,
	    p->full_day_days_off);
	text_field(out, "Paid time off for class", b.data);
	text_heading(out, "MONEY");
	buf_reset(&b);
	fmt_money(&b, p->program_paid_cents, 1);
	text_field(out, "Tuition paid by the program", b.data);
	buf_reset(&b);
	if (p->commitment_ends_on != DAY_NONE) {
		buf_printf(&b, "%d years of state service, to %s; if you "
		    "left now you would repay ", st->work_commitment_years,
		    hdate(p->commitment_ends_on, d));
		fmt_money(&b, p->repayment_cents, 1);
		BUF_LIT(&b, " (interest of 7% a year is charged from 30 days "
		    "after a repayment notice)");
	}
	text_field(out, "Work commitment", b.len ? b.data : "none");
	buf_free(&b);
}

void
view_text(const struct packet *p, const struct catalog *c,
    const struct config *s, struct buf *out)
{
	const struct employee *e = &p->h->emp;
	struct buf b = {0};
	char d[32];
	size_t i;

	wrap(out, s->title, 0, 0);
	buf_printf(&b, "Career planning packet for %s (%s)", e->name, e->id);
	wrap(out, b.data, 0, 0);
	buf_reset(&b);
	buf_printf(&b, "As of %s", hdate(p->as_of, d));
	wrap(out, b.data, 0, 0);
	buf_reset(&b);
	buf_printf(&b, "%s (%s)", p->cls ? p->cls->name : e->class_code,
	    e->class_code);
	text_field(out, "Class", b.data);
	if (e->unit)
		text_field(out, "Unit", e->unit);
	text_field(out, "Eligible", p->eligible ? "yes" : "no");
	buf_reset(&b);
	if (p->enrollment)
		buf_printf(&b, "%s since %s%s%s", p->enrollment->status ==
		    ENR_ACTIVE ? "active" : p->enrollment->status ==
		    ENR_SUSPENDED ? "suspended" : "withdrawn",
		    hdate(p->enrollment->enrolled_on, d),
		    p->enrollment->counselor ? "; counselor " : "",
		    p->enrollment->counselor ? p->enrollment->counselor : "");
	text_field(out, "Enrollment", p->enrollment ? b.data : "none");
	text_heading(out, "WHAT TO DO NEXT");
	for (i = 0; i < p->nalerts; i++) {
		buf_reset(&b);
		BUF_LIT(&b, "- ");
		view_alert_text(&p->alerts[i], p, c, s, &b);
		wrap(out, b.data, 0, 2);
	}
	if (p->nalerts == 0)
		wrap(out, "Nothing is due. Keep going with your plan.", 0, 0);
	text_heading(out, "TARGET TITLES");
	for (i = 0; i < p->ntargets; i++)
		text_target(out, &p->targets[i]);
	if (p->ntargets == 0)
		wrap(out, "No open target title.", 0, 0);
	if (p->profile == PROFILE_ILLINOIS)
		text_illinois(out, p, &s->prog);
	text_heading(out, "CONTACT");
	buf_reset(&b);
	buf_printf(&b, "%s%s%s%s%s", s->contact.name ? s->contact.name : "",
	    s->contact.phone ? ", " : "", s->contact.phone ?
	    s->contact.phone : "", s->contact.email ? ", " : "",
	    s->contact.email ? s->contact.email : "");
	wrap(out, b.len ? b.data : s->title, 0, 2);
	buf_free(&b);
}
