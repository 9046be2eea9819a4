/*
 * view.c: what the rules said of one employee (struct packet), put into
 * the packet view of cli.md: a value tree whose keys are the JSON
 * contract (written by `umpress packet --format json`, and the data of
 * templates/packet.html), the words of a letter to the employee, and the
 * plain-text form for a terminal or an email, wrapped at 72 columns.
 *
 * A packet is read on paper by people new to the program, so every next
 * step says what to do, by when, whom to ask (the counselor, else the
 * coordinator by name) and the guideline behind it in words.  The words
 * are made here once, and the HTML template and the text form print the
 * same sentences (display views carry them as *_text keys).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "extern.h"

/* Everything the words need: the packet, the catalog, site.yaml. */
struct words {
	const struct packet	*p;
	const struct catalog	*c;
	const struct config	*s;
};

/* The program coordinator by name, else the program office. */
static void
coordinator(const struct words *w, struct buf *b)
{
	if (w->s->contact.name) {
		BUF_LIT(b, "the program coordinator, ");
		buf_puts(b, w->s->contact.name);
	} else
		BUF_LIT(b, "the program office");
}

/* Who the employee should ask: their counselor, else the coordinator. */
static void
who(const struct words *w, struct buf *b)
{
	const struct enrollment *en = w->p->enrollment;

	if (en && en->counselor && *en->counselor) {
		BUF_LIT(b, "your counselor, ");
		buf_puts(b, en->counselor);
	} else
		coordinator(w, b);
}

static void
human(day_t t, struct buf *b)
{
	char s[32];

	date_human(t, s);
	buf_puts(b, s);
}

static const char *
title_name(const struct catalog *c, const char *code)
{
	const struct title *t = catalog_find(c, code);

	return t ? t->name : code ? code : "your target title";
}

/* The open target of the title, or NULL. */
static const struct target_view *
target_of(const struct packet *p, const char *code)
{
	size_t i;

	for (i = 0; code != NULL && i < p->ntargets; i++)
		if (strcmp(p->targets[i].t->class_code, code) == 0)
			return &p->targets[i];
	return NULL;
}

/* "Math, Reading and Writing" (names from the records, as they are). */
static void
join(struct buf *b, const char *const *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		buf_printf(b, "%s%s", i == 0 ? "" : i + 1 == n ? " and " :
		    ", ", v[i] ? v[i] : "");
}

static int
california(const struct words *w)
{
	return w->p->profile == PROFILE_CALIFORNIA;
}

/* E4 (IL II.B): a participant withdrawn for no longer being eligible. */
static int
withdrawn_e4(const struct packet *p)
{
	size_t i;

	for (i = 0; i < p->nalerts; i++)
		if (p->alerts[i].code == AL_NO_LONGER_ELIGIBLE)
			return 1;
	return 0;
}

/* ---- the guideline behind each alert ------------------------------------ */

#define IL "Illinois guidelines "
#define CA_CDP "California guidelines, Career Development Plan"

/* The guideline an alert rests on, in words; NULL when the profile's
 * guidelines say nothing of it (an Illinois suspension). */
static const char *
guideline(enum alert_code c, int ca)
{
	switch (c) {
	case AL_EXAM_WINDOW_EXPIRED:
	case AL_EXAM_WINDOW_CLOSING:
		return IL "VII.G";
	case AL_GRADE_EXPIRED:
	case AL_GRADE_EXPIRING:
		return IL "XII.C";
	case AL_FINAL_ATTEMPT_FAILED:
		return IL "VII.F and VII.G";
	case AL_NO_LONGER_ELIGIBLE:
		return IL "II.B";
	case AL_REPAYMENT_OWED:
		return IL "XI.F and XI.G";
	case AL_ENROLLMENT_SUSPENDED:
		return ca ? CA_CDP : NULL;
	case AL_LEAVE_BLOCKS_ENROLLMENT:
		return IL "IV.C";
	case AL_TARGET_LIMIT:
		return IL "V.A";
	case AL_CREDENTIAL_NEEDS_BACHELOR:
		return IL "V.C";
	case AL_TITLE_FROZEN:
		return IL "V.B";
	case AL_TOO_MANY_CONCURRENT:
	case AL_CLASS_LIMIT_REACHED:
		return IL "VIII.B";
	case AL_ONE_TARGET_AT_A_TIME:
		return IL "IX.F";
	case AL_FULL_DAY_LIMIT:
		return IL "X.K and X.L";
	case AL_PRIVATE_CLASS_LIMIT:
		return IL "XI.A";
	case AL_WITHDRAWAL_DROPS:
		return IL "IX.B";
	case AL_WITHDRAWAL_INACTIVE:
		return IL "IX.D";
	case AL_ASSIGNMENT_TOO_LONG:
		return "California guidelines, Training and Development "
		    "Assignment";
	case AL_REQUEST_TIME_OFF:
		return IL "X.G";
	case AL_REVISED_PLAN_REQUIRED:
		return IL "IX.A";
	case AL_PLAN_STEP_OVERDUE:
	case AL_PLAN_STEP_DUE:
	case AL_PLAN_MISSING:
		return ca ? CA_CDP : IL "VI.A";
	case AL_PLAN_NOT_APPROVED:
	case AL_PLAN_NOT_REVIEWED:
		return CA_CDP;
	case AL_REGISTER:
		return ca ? "California guidelines, Upward Mobility "
		    "Application" : IL "III";
	case AL_FIRST_TERM_ONE_CLASS:
		return IL "VIII.F";
	case AL__MAX:
		break;
	}
	return NULL;
}

/* ---- why an employee is not eligible (E1, E2) ---------------------------- */

/*
 * E2: a class outside the LPEL classifications.  An ELTPA class is where
 * the program leads (CA "Upward Mobility": from LPEL to ELTPA), and a
 * bridging class a step on the way ("Bridging Classifications"): those
 * employees read what that means for them, not to move into an LPEL
 * class.
 */
static void
not_lpel_words(const struct words *w, const char *cls, struct buf *b)
{
	enum title_cat cat = w->p->cls ? w->p->cls->category : CAT_NONE;

	switch (cat) {
	case CAT_ELTPA:
		buf_printf(b, ": your class, %s, is an entry-level technical, "
		    "professional or administrative (ELTPA) classification, "
		    "the kind of class the program leads to from the "
		    "low-paying entry-level (LPEL) classifications, and the "
		    "program is for employees in LPEL classifications "
		    "(California guidelines, Upward Mobility). You have made "
		    "the move the program is for: to go further, compete in "
		    "the promotional examinations of the classes above yours, "
		    "and ask your supervisor about the training your "
		    "department offers every employee.", cls);
		break;
	case CAT_BRIDGING:
		buf_printf(b, ": your class, %s, is a bridging classification, "
		    "a step from the low-paying entry-level (LPEL) "
		    "classifications toward the entry-level technical, "
		    "professional and administrative (ELTPA) ones, and the "
		    "program is for employees in LPEL classifications "
		    "(California guidelines, Bridging Classifications). Your "
		    "class gives you the experience the ELTPA classes ask "
		    "for: compete in their examinations when you meet their "
		    "minimum qualifications.", cls);
		break;
	default:
		buf_printf(b, ": your class, %s, is not a low-paying "
		    "entry-level (LPEL) classification, and the program is "
		    "for employees in LPEL classifications (California "
		    "guidelines, Low-Paying Entry-Level Classifications). If "
		    "you move into an LPEL classification, you may apply.",
		    cls);
		break;
	}
}

/*
 * Why, and what would change it, for a reason of rules.md E1 or E2: one
 * or two sentences after "You are not eligible for the program" (or
 * "you were not eligible").
 */
static void
reason_words(const struct words *w, enum elig_reason r, struct buf *b)
{
	const struct employee *e = &w->p->h->emp;
	const char *cls = w->p->cls ? w->p->cls->name : e->class_code;

	switch (r) {
	case ER_SEPARATED:
		BUF_LIT(b, ": our records show that you left state service");
		if (e->separated_on != DAY_NONE) {
			BUF_LIT(b, " on ");
			human(e->separated_on, b);
		}
		BUF_LIT(b, ", and the program is for current state employees. "
		    "If you return to state service in an eligible position, "
		    "you may apply again.");
		break;
	case ER_STATUS:
		buf_printf(b, ": your appointment is %s, and the program is "
		    "open to permanent employees and to employees on "
		    "probation after a promotion (" IL "II.A). If you are "
		    "appointed to a permanent position, you become eligible.",
		    e->status == ST_TEMPORARY ? "temporary" : e->status ==
		    ST_LIMITED_TERM ? "limited-term" :
		    "limited-term or temporary");
		break;
	case ER_ORIGINAL_PROBATION:
		BUF_LIT(b, " yet: you are serving the probation of a new "
		    "employee, and the program is open to permanent employees "
		    "and to employees on probation after a promotion ("
		    IL "II.A). You become eligible when you complete your "
		    "probation.");
		break;
	case ER_NOT_COVERED:
		if (e->bargaining_unit)
			buf_printf(b, ": your bargaining unit, %s, is not one "
			    "whose contract includes the program (" IL "II.A)"
			    ". If you move to a position in a covered "
			    "bargaining unit, you become eligible.",
			    e->bargaining_unit);
		else
			buf_printf(b, ": your position is not in a bargaining "
			    "unit, and your class, %s, is not one of the "
			    "program's certificate or credential titles ("
			    IL "II.A). If you move into a program title, or "
			    "into a position in a covered bargaining unit, "
			    "you become eligible.", cls);
		break;
	case ER_NOT_LPEL:
		not_lpel_words(w, cls, b);
		break;
	case ER_NONE:
		buf_putc(b, '.');
		break;
	}
}

void
view_elig_reason(const struct packet *p, const struct catalog *c,
    const struct config *s, enum elig_reason r, struct buf *b)
{
	const struct words w = { p, c, s };

	BUF_LIT(b, "You were not eligible for the program");
	reason_words(&w, r, b);
}

/* ---- the alerts in words ------------------------------------------------- */

/* X1, X4: the exam alerts. */
static int
words_exams(const struct words *w, const struct alert *a, struct buf *b)
{
	const struct target_view *tv = target_of(w->p, a->class_code);
	const char *t = title_name(w->c, a->class_code);

	switch (a->code) {
	case AL_EXAM_WINDOW_EXPIRED:
		buf_printf(b, "Your time to earn a grade for %s ended on ", t);
		human(a->on, b);
		BUF_LIT(b, " without a grade, so your exam scores are erased. "
		    "You may start over: your next attempt begins a new "
		    "window.");
		return 1;
	case AL_EXAM_WINDOW_CLOSING:
		buf_printf(b, "Your time to earn a grade for %s ends on ", t);
		human(a->on, b);
		if (tv && tv->nsections_not_proficient > 0) {
			BUF_LIT(b, ". Pass ");
			join(b, tv->sections_not_proficient,
			    tv->nsections_not_proficient);
			BUF_LIT(b, " by then");
		} else if (tv && tv->first_exam_on != DAY_NONE) {
			/* IL VII.C, XII.A: every section passed earns the
			 * grade; what is missing is its record */
			BUF_LIT(b, ". You have passed every section, but no "
			    "grade is on record: before then, ask for it from ");
			coordinator(w, b);
			BUF_LIT(b, " (" IL "VII.C, XII.A).");
			return 1;
		} else
			BUF_LIT(b, ". Pass every section by then");
		BUF_LIT(b, "; otherwise your scores are erased and you start "
		    "over. If you could not get the classes you need because "
		    "none were offered or your time off was denied, ask for an "
		    "extension.");
		return 1;
	case AL_FINAL_ATTEMPT_FAILED:
		buf_printf(b, "Your final attempt at %s", t);
		if (tv && tv->final_attempt_on != DAY_NONE) {
			BUF_LIT(b, " on ");
			human(tv->final_attempt_on, b);
		}
		BUF_LIT(b, " left a section not proficient, so your scores "
		    "are erased. You may target the title again from ");
		human(a->on, b);
		BUF_LIT(b, ", and the program will pay for the classes you must "
		    "repeat. The only way to test sooner is an appeal to the "
		    "Upward Mobility Advisory Committee.");
		return 1;
	default:
		return 0;
	}
}

/* T1: " (A, a certificate; B, a certificate; and C, a credential)". */
static void
open_targets(const struct words *w, struct buf *b)
{
	const struct target_view *t;
	size_t i, n = w->p->ntargets;

	if (n == 0)
		return;
	BUF_LIT(b, " (");
	for (i = 0; i < n; i++) {
		t = &w->p->targets[i];
		if (i > 0)
			buf_puts(b, i + 1 == n ? (n == 2 ? " and " : "; and ") :
			    "; ");
		buf_puts(b, t->title ? t->title->name : t->t->class_code);
		buf_puts(b, t->counts_as == KIND_CREDENTIAL ? ", a credential" :
		    ", a certificate");
	}
	buf_putc(b, ')');
}

/* T1-T3, G1: targets and grades. */
static int
words_targets(const struct words *w, const struct alert *a, struct buf *b)
{
	const struct target_view *tv = target_of(w->p, a->class_code);
	const struct settings *st = &w->s->prog;
	const char *t = title_name(w->c, a->class_code);
	int exam = tv == NULL || tv->exam_route;

	switch (a->code) {
	case AL_TARGET_LIMIT:
		buf_printf(b, "You have %ld open target titles", a->count);
		open_targets(w, b);
		buf_printf(b, "; you may have at most %d credential and %d "
		    "certificate titles at one time. Choose which to end, and "
		    "revise your Career Development Plan with your counselor.",
		    st->max_credential_targets, st->max_certificate_targets);
		return 1;
	case AL_CREDENTIAL_NEEDS_BACHELOR:
		buf_printf(b, "%s requires a master's degree or a doctorate, "
		    "and only employees with a bachelor's degree may target "
		    "it. Choose another title, or target this one once you "
		    "have a bachelor's degree.", t);
		return 1;
	case AL_TITLE_FROZEN:
		buf_printf(b, "%s was frozen on ", t);
		human(a->on, b);
		BUF_LIT(b, ", and you targeted it after that. A frozen title "
		    "cannot be newly targeted: choose another title with your "
		    "counselor.");
		return 1;
	case AL_GRADE_EXPIRED:
		buf_printf(b, "Your grade for %s expired on ", t);
		human(a->on, b);
		buf_printf(b, ", so you are no longer on its eligibility "
		    "lists. To get a new grade, %s.", exam ? "retest" :
		    "send a new promotional application");
		return 1;
	case AL_GRADE_EXPIRING:
		buf_printf(b, "Your grade for %s expires on ", t);
		human(a->on, b);
		buf_printf(b, ". To keep it for %d more years, %s before "
		    "then.", st->grade_valid_years, exam ? "retest" :
		    "send a new promotional application");
		return 1;
	default:
		return 0;
	}
}

/* "NAME" of a course, with its school when known. */
static void
course_words(const struct course *c, struct buf *b)
{
	buf_printf(b, "\"%s\"", c->name ? c->name : "your class");
	if (c->institution)
		buf_printf(b, " at %s", c->institution);
}

/* E3, C1-C3, C7, O2: classes. */
static int
words_classes(const struct words *w, const struct alert *a, struct buf *b)
{
	const struct settings *st = &w->s->prog;
	char fy[8];

	switch (a->code) {
	case AL_LEAVE_BLOCKS_ENROLLMENT:
		buf_printf(b, "You are on a leave of absence other than "
		    "educational or paid military leave, and you have %ld "
		    "class%s planned or enrolled. You may not enroll in a "
		    "class during such a leave without the prior approval of "
		    "the Upward Mobility Advisory Committee: ask for that "
		    "approval before the class starts, or take the class "
		    "after your leave ends.", a->count,
		    a->count == 1 ? "" : "es");
		return 1;
	case AL_CLASS_LIMIT_REACHED:
		date_fy_name(w->p->classes_fy, fy);
		buf_printf(b, "You have used all %d classes of fiscal year %s. "
		    "Your next class can start on ", st->max_classes_per_year,
		    fy);
		human(date_fy_start(w->p->classes_fy + 1), b);
		BUF_LIT(b, ", the start of the next fiscal year, unless the "
		    "Upward Mobility Advisory Committee allows more (" IL
		    "VIII.G).");
		return 1;
	case AL_TOO_MANY_CONCURRENT:
		buf_printf(b, "You are enrolled in %ld classes at once; the "
		    "program allows %d at a time (%d in the summer term at a "
		    "semester school). Drop one, or ask the Upward Mobility "
		    "Advisory Committee to allow more (" IL "VIII.G).",
		    a->count, st->max_concurrent_classes,
		    st->max_concurrent_summer);
		return 1;
	case AL_FIRST_TERM_ONE_CLASS:
		buf_printf(b, "You have not taken a class for academic credit in "
		    "the past %d years, and you have more than one class "
		    "planned for one term: the program recommends only one "
		    "class in your first term.", st->recent_credit_years);
		return 1;
	case AL_ONE_TARGET_AT_A_TIME:
		BUF_LIT(b, "Your classes ");
		course_words(a->course, b);
		buf_printf(b, " (for %s) and ", title_name(w->c,
		    a->course->class_code));
		course_words(a->other, b);
		buf_printf(b, " (for %s) overlap. You may study for only one "
		    "target title at a time: finish one title's classes "
		    "before you start the other's.", title_name(w->c,
		    a->other->class_code));
		return 1;
	case AL_FULL_DAY_LIMIT:
		buf_printf(b, "Your full-day classes this half-year add up to "
		    "%ld days, but you may be away for them at most %d days a "
		    "semester, half paid program time and half your own "
		    "leave, so the program pays %g days. Talk with your "
		    "supervisor too.", a->count, st->max_full_day_days,
		    st->max_full_day_days / 2.0);
		return 1;
	default:
		return 0;
	}
}

/* C4-C6: drops, fails and inactivity. */
static int
words_progress(const struct words *w, const struct alert *a, struct buf *b)
{
	const struct settings *st = &w->s->prog;

	switch (a->code) {
	case AL_REVISED_PLAN_REQUIRED:
		BUF_LIT(b, "You dropped or failed a class on ");
		human(a->on, b);
		BUF_LIT(b, ". Contact your counselor now to write a revised "
		    "Career Development Plan that explains why: you cannot "
		    "take further part in the program until it is signed and "
		    "returned.");
		return 1;
	case AL_WITHDRAWAL_DROPS:
		buf_printf(b, "You have dropped or failed %ld classes", a->count);
		if (w->p->enrollment && w->p->enrollment->enrolled_on !=
		    DAY_NONE) {
			BUF_LIT(b, " since you enrolled on ");
			human(w->p->enrollment->enrolled_on, b);
		}
		buf_printf(b, ". With %d or more, the program may withdraw you "
		    "for at least a year from the last day of the last term "
		    "you took classes.", st->withdrawal_drops);
		return 1;
	case AL_WITHDRAWAL_INACTIVE:
		BUF_LIT(b, "You have not enrolled in a class or taken an exam "
		    "since ");
		human(w->p->inactive_since, b);
		buf_printf(b, ". After %d years without either (on ",
		    st->inactivity_years);
		human(a->on, b);
		BUF_LIT(b, "), the program may withdraw you for a year: enroll "
		    "in a class or take an exam to stay in the program.");
		return 1;
	default:
		return 0;
	}
}

/* M5, N3: money. */
static int
words_money(const struct words *w, const struct alert *a, struct buf *b)
{
	const struct packet *p = w->p;
	const struct settings *st = &w->s->prog;

	switch (a->code) {
	case AL_PRIVATE_CLASS_LIMIT:
		BUF_LIT(b, "Your class ");
		course_words(a->course, b);
		BUF_LIT(b, ", starting ");
		human(a->on, b);
		buf_printf(b, ", is approved for full private tuition, but the "
		    "program pays full tuition for only one such class a term "
		    "and %d a fiscal year. It is paid at the regular program "
		    "rate until the coordinator reviews it.",
		    RULE_FULL_TUITION_PER_FY);
		return 1;
	case AL_REPAYMENT_OWED:
		BUF_LIT(b, "You left state service on ");
		human(p->h->emp.separated_on, b);
		buf_printf(b, ", before your %d-year work commitment ended (",
		    st->work_commitment_years);
		human(p->commitment_ends_on, b);
		BUF_LIT(b, "), so you may owe the State ");
		fmt_money(b, p->repayment_cents, 1);
		BUF_LIT(b, " of the ");
		fmt_money(b, p->binding_paid_cents, 1);
		buf_printf(b, " the program paid for tuition and fees toward a "
		    "credential, for the %d of %d months you did not serve. "
		    "Repayment applies if you left on your own. If you left "
		    "because of health, layoff, discharge or resignation "
		    "without reinstatement rights, the Upward Mobility "
		    "Advisory Committee decides whether you must repay; to "
		    "dispute it, write to the Upward Mobility Program. If you "
		    "must repay, interest of 7%% a year starts 30 days after "
		    "you are notified (this amount does not include it), and "
		    "an unpaid amount may be taken from tax refunds or "
		    "retirement money and is sent to a collection agency after "
		    "90 days overdue.", 12 * st->work_commitment_years -
		    p->months_fulfilled, 12 * st->work_commitment_years);
		return 1;
	default:
		return 0;
	}
}

/* The registration month of N2, as a sentence, or nothing. */
static void
register_when(const struct words *w, struct buf *b)
{
	int per = w->p->register_period;

	if (per < 0) {
		BUF_LIT(b, " Ask ");
		coordinator(w, b);
		BUF_LIT(b, " when the next registration month is.");
		return;
	}
	buf_puts(b, per == period_of(w->p->as_of) ? " This month, " :
	    " The next registration month is ");
	period_name(per, b);
	buf_puts(b, per == period_of(w->p->as_of) ? ", is a registration "
	    "month: your form must be postmarked by " : "; your form must be "
	    "postmarked by ");
	human(period_last_day(per), b);
	buf_putc(b, '.');
}

/* IL II.B (E4): the classes a withdrawn employee may still finish. */
static int
may_finish(const struct words *w, const struct course *c)
{
	return c->status == CS_ENROLLED && c->lab_for == 0 &&
	    (c->ends_on == DAY_NONE || c->ends_on >= w->p->as_of);
}

static void
enrolled_words(const struct words *w, struct buf *b)
{
	const struct course *c;
	size_t i, n = 0, k = 0;

	for (i = 0; i < w->p->ncourses; i++)
		n += may_finish(w, w->p->courses[i].c);
	if (n > 0)
		buf_puts(b, n == 1 ? "You may finish the class you are "
		    "already enrolled in: " : "You may finish the classes you "
		    "are already enrolled in: ");
	for (i = 0; i < w->p->ncourses; i++) {
		c = w->p->courses[i].c;
		if (!may_finish(w, c))
			continue;
		if (k++ > 0)
			BUF_LIT(b, "; ");
		course_words(c, b);
		if (c->ends_on != DAY_NONE) {
			BUF_LIT(b, ", which ends on ");
			human(c->ends_on, b);
		}
	}
	if (n > 0)
		BUF_LIT(b, ". Tell your counselor whether you will. ");
	BUF_LIT(b, "The program pays for no new class or exam.");
}

/* E4, N2, N4, P1: enrollment and registration. */
static int
words_enrollment(const struct words *w, const struct alert *a,
    struct buf *b)
{
	const struct enrollment *en = w->p->enrollment;

	switch (a->code) {
	case AL_NO_LONGER_ELIGIBLE:
		if (w->p->promoted_to == NULL) {
			/* coordinator's decision 1.8: "withdrawn" is II.B's,
			 * for a promotion out; other reasons are asked about */
			BUF_LIT(b, "Our records show you are not eligible for "
			    "the program now");
			reason_words(w, w->p->eligibility_reason, b);
			BUF_LIT(b, " Ask what this means for your place in the "
			    "program.");
			return 1;
		}
		/* IL II.B: withdrawn, off the lists, the enrolled course
		 * work may be completed; what it means, and what to do. */
		buf_printf(b, "Because you were promoted to %s on ",
		    title_name(w->c, w->p->promoted_to->to_class_code));
		human(w->p->promoted_to->appointed_on, b);
		BUF_LIT(b, ", a title outside the program, you are withdrawn "
		    "from the program and your name is taken off its "
		    "eligibility lists. ");
		enrolled_words(w, b);
		BUF_LIT(b, " If you later move into a position the program "
		    "covers, you may register again in a registration "
		    "month.");
		return 1;
	case AL_ENROLLMENT_SUSPENDED:
		BUF_LIT(b, "Your participation in the program was suspended");
		if (a->on != DAY_NONE) {
			BUF_LIT(b, " on ");
			human(a->on, b);
		}
		if (en && en->reason && *en->reason)
			buf_printf(b, " (reason recorded: %s)", en->reason);
		buf_puts(b, california(w) ? ". Your Career Development Plan "
		    "is suspended until you are back in good standing at work "
		    "and in your classes; talk with your supervisor." : ". You "
		    "cannot use program benefits until this is resolved: find "
		    "out what you need to do.");
		return 1;
	case AL_REGISTER:
		if (california(w)) {
			BUF_LIT(b, "You are eligible: to take part in the "
			    "program, apply with your supervisor's approval "
			    "(how is under \"Eligibility and enrollment\").");
			return 1;
		}
		buf_puts(b, en != NULL && en->status == ENR_WITHDRAWN ?
		    "You may register again once your withdrawal's year is "
		    "over, in the first registration month after it; confirm "
		    "the date with your counselor." : "You are eligible: to "
		    "join the program, register during a registration "
		    "month.");
		register_when(w, b);
		BUF_LIT(b, " How to register is under \"Eligibility and "
		    "enrollment\".");
		return 1;
	default:
		return 0;
	}
}

/* N1, N5, P1, P2: the plan, time off, assignments. */
static int
words_plan(const struct words *w, const struct alert *a, struct buf *b)
{
	const struct packet *p = w->p;

	switch (a->code) {
	case AL_PLAN_STEP_OVERDUE:
	case AL_PLAN_STEP_DUE:
		buf_printf(b, "The step \"%s\" of your Career Development Plan "
		    "%s due on ", a->step->action ? a->step->action : "",
		    a->code == AL_PLAN_STEP_DUE ? "is" : "was");
		human(a->on, b);
		if (a->code == AL_PLAN_STEP_OVERDUE)
			buf_printf(b, ". Do it as soon as you can, or agree on "
			    "a new date with your %s.", california(w) ?
			    "supervisor" : "counselor");
		else
			buf_printf(b, ". Do it by then, or agree on a new date "
			    "with your %s.", california(w) ? "supervisor" :
			    "counselor");
		return 1;
	case AL_REQUEST_TIME_OFF:
		BUF_LIT(b, "If your class ");
		course_words(a->course, b);
		BUF_LIT(b, ", which starts on ");
		human(a->course->starts_on, b);
		BUF_LIT(b, ", meets during your work hours, ask your "
		    "supervisor for time off ");
		if (a->on < p->as_of)
			BUF_LIT(b, "as soon as possible");
		else {
			BUF_LIT(b, "by ");
			human(a->on, b);
		}
		BUF_LIT(b, " (one month before it starts, or as soon as you "
		    "know your schedule), and give them a copy of your "
		    "Participation Verification Agreement and class schedule. "
		    "If they say no, you may appeal to the Upward Mobility "
		    "Advisory Committee (" IL "X.J).");
		return 1;
	case AL_PLAN_MISSING:
		buf_puts(b, california(w) ? "You have no Career Development "
		    "Plan on file. Every participant needs one: write it with "
		    "your supervisor, get their approval, and send it to the "
		    "coordinator." : "You have no Career Development Plan on "
		    "file. Every participant needs one: make an appointment "
		    "with your counselor to write it. You may use up to 1 hour "
		    "of paid work time for it after arranging it with your "
		    "supervisor (" IL "VI.B).");
		return 1;
	case AL_PLAN_NOT_APPROVED:
		buf_printf(b, "Your Career Development Plan (version %ld) is "
		    "waiting for your supervisor's approval. Once approved, "
		    "submit it to the coordinator.", a->count);
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
		buf_printf(b, "Your training and development assignment should "
		    "have ended by ");
		human(a->on, b);
		buf_printf(b, ": such an assignment lasts at most %d years. "
		    "Talk with your supervisor; when it ends you have the right "
		    "to return to your former position.",
		    w->s->prog.max_assignment_years);
		return 1;
	default:
		return 0;
	}
}

void
view_alert_text(const struct alert *a, const struct packet *p,
    const struct catalog *c, const struct config *s, struct buf *b)
{
	struct words w = { p, c, s };
	const char *g;

	if (!words_exams(&w, a, b) && !words_targets(&w, a, b) &&
	    !words_classes(&w, a, b) && !words_progress(&w, a, b) &&
	    !words_money(&w, a, b) && !words_enrollment(&w, a, b) &&
	    !words_plan(&w, a, b))
		buf_puts(b, alert_code_name(a->code));
	BUF_LIT(b, " Ask ");
	who(&w, b);
	buf_putc(b, '.');
	if ((g = guideline(a->code, california(&w))) != NULL)
		buf_printf(b, " Source: %s.", g);
}

/* ---- the employee's situation, in paragraphs ----------------------------- */

/*
 * The paragraphs of a packet that are not alerts, each made once and
 * printed alike by the HTML template and the text form.  Strings live in
 * the arena.
 */
struct say {
	const char	*eligibility;	/* eligible, or why not */
	const char	*enrollment;	/* enrolled, suspended, withdrawn, or
					 * how to register; or NULL */
	const char	*application;	/* where the application stands, or
					 * NULL */
	const char	*probation;	/* G2, or NULL */
	const char	*no_alerts;	/* what "What to do next" says when
					 * there is no alert */
	const char	*exams;		/* X3, IL; or NULL */
	const char	*time_off;	/* O1-O3, IL; or NULL */
	const char	*commitment;	/* M2-M4, IL; or NULL */
};

/* The buffer's words in the arena, and the buffer emptied. */
static const char *
keep(struct arena *a, struct buf *b)
{
	const char *s = arena_strdup(a, b->len ? b->data : "");

	buf_reset(b);
	return s;
}

static void
say_eligibility(const struct words *w, struct buf *b)
{
	if (w->p->eligible)
		BUF_LIT(b, "You are eligible for the program.");
	else {
		BUF_LIT(b, "You are not eligible for the program");
		reason_words(w, w->p->eligibility_reason, b);
		BUF_LIT(b, " If you think this is wrong, ask ");
		coordinator(w, b);
		buf_putc(b, '.');
	}
	/* IL II.C (coordinator's decision 1.17) */
	if (!california(w) && w->p->h->emp.on_layoff && !w->p->separated)
		BUF_LIT(b, " You may keep taking part, or join, while you are "
		    "laid off, but you lose this if you do not answer or do "
		    "not accept a recall to the same or an equal title (" IL
		    "II.C).");
}

/* N2: eligible, and no application on file: the packet says how to
 * register (the enrollment's state is the caller's to check). */
static int
may_register(const struct words *w)
{
	return w->p->eligible && w->p->h->app == NULL &&
	    w->p->next_app == NULL;
}

/* How to register (IL III.B-C) or apply (CA), for an eligible employee
 * with no enrollment under way. */
static void
say_register(const struct words *w, struct buf *b)
{
	const struct enrollment *en = w->p->enrollment;

	if (california(w)) {
		buf_puts(b, en != NULL ? "To take part again, complete" :
		    "To take part in the program, complete");
		BUF_LIT(b, " an Upward Mobility application, get your "
		    "supervisor's approval, and give it to ");
		coordinator(w, b);
		BUF_LIT(b, ". The coordinator tells you whether you are "
		    "selected (California guidelines, Upward Mobility "
		    "Application).");
		return;
	}
	buf_puts(b, en != NULL ? "To register again, mail" : "To join the "
	    "program, mail");
	BUF_LIT(b, " the registration form to the Upward Mobility Program "
	    "office, postmarked by the last day of a registration month ("
	    IL "III).");
	register_when(w, b);
	BUF_LIT(b, " Forms are on the program's website "
	    "(www.cms.illinois.gov/ump), at your agency's personnel office, "
	    "at the Upward Mobility Program, or from an AFSCME Upward Mobility "
	    "Representative; a late form is kept for the next registration "
	    "month.");
}

/* A withdrawn employee: IL IX.B, IX.D (how long a withdrawal by the
 * program lasts, coordinator's decision 1.1); CA "Employee Withdrawal
 * from UM Program Participation" (the employee's own choice). */
static void
say_withdrawn(const struct words *w, struct buf *b)
{
	const struct enrollment *en = w->p->enrollment;

	buf_puts(b, california(w) ? "You stopped taking part in the program" :
	    "You were withdrawn from the program");
	if (en->status_on != DAY_NONE) {
		BUF_LIT(b, " on ");
		human(en->status_on, b);
	}
	if (en->reason && *en->reason)
		buf_printf(b, " (reason recorded: %s)", en->reason);
	buf_putc(b, '.');
	/* CA "Employee Withdrawal": applying again is for one who may take
	 * part, not one whose class is now above the LPEL classes. */
	if (california(w)) {
		if (w->p->eligible)
			BUF_LIT(b, " You may apply again (California "
			    "guidelines, Employee Withdrawal from UM Program "
			    "Participation).");
	} else {
		BUF_LIT(b, " If the program withdrew you, the withdrawal lasts "
		    "at least a year: for dropped or failed classes, from the "
		    "last day of the last term you took classes (" IL "IX.B); "
		    "for inactivity, one year (IX.D); you may register again "
		    "in the first registration month after it ends. Confirm "
		    "the date with your counselor, also if you left the "
		    "program yourself.");
	}
	if (may_register(w)) {
		buf_putc(b, ' ');
		say_register(w, b);
	}
}

static void
say_enrollment(const struct words *w, struct buf *b)
{
	const struct enrollment *en = w->p->enrollment;

	if (en == NULL) {
		if (may_register(w)) {
			BUF_LIT(b, "You are not enrolled in the program. ");
			say_register(w, b);
		}
		return;
	}
	/* Separated first: a withdrawal recorded on leaving is not the
	 * program's (IX.B, IX.D), and there is no registering again. */
	if (w->p->separated) {
		BUF_LIT(b, "You were enrolled in the program");
		if (en->enrolled_on != DAY_NONE) {
			BUF_LIT(b, " from ");
			human(en->enrolled_on, b);
		}
		BUF_LIT(b, "; leaving state service");
		if (w->p->h->emp.separated_on != DAY_NONE) {
			BUF_LIT(b, " on ");
			human(w->p->h->emp.separated_on, b);
		}
		BUF_LIT(b, " ended your participation.");
		return;
	}
	if (en->status == ENR_WITHDRAWN) {
		say_withdrawn(w, b);
		return;
	}
	if (withdrawn_e4(w->p)) {
		/* E4 (IL II.B): not "enrolled" any more. */
		BUF_LIT(b, "You were enrolled in the program");
		if (en->enrolled_on != DAY_NONE) {
			BUF_LIT(b, " from ");
			human(en->enrolled_on, b);
		}
		if (w->p->promoted_to != NULL) {
			BUF_LIT(b, " until your promotion to ");
			buf_puts(b, title_name(w->c, w->p->promoted_to->
			    to_class_code));
			BUF_LIT(b, " withdrew you (" IL "II.B)");
		} else
			BUF_LIT(b, ", but you are not eligible now (" IL
			    "II.B)");
		BUF_LIT(b, ": what this means is in \"What to do next\".");
		if (en->counselor && *en->counselor)
			buf_printf(b, " Your counselor is %s.", en->counselor);
		return;
	}
	buf_puts(b, en->status == ENR_ACTIVE ? "You have been enrolled in "
	    "the program" : "Your participation in the program has been "
	    "suspended");
	if (en->status == ENR_ACTIVE && en->enrolled_on != DAY_NONE) {
		BUF_LIT(b, " since ");
		human(en->enrolled_on, b);
	} else if (en->status == ENR_SUSPENDED && en->status_on != DAY_NONE) {
		BUF_LIT(b, " since ");
		human(en->status_on, b);
	}
	buf_putc(b, '.');
	if (en->counselor && *en->counselor)
		buf_printf(b, " Your counselor is %s.", en->counselor);
}

/*
 * IL IV.B: the registration month in which a waiting-list employee
 * applies again: the first of site.yaml's registration_months after the
 * application's and not before the as-of month (as rules.c names N2's);
 * -1 when none is set.
 */
static int
reapply_period(const struct words *w, int applied)
{
	int per = period_of(w->p->as_of), k;
	unsigned months = (unsigned)w->s->prog.registration_months;

	if (applied + 1 > per)
		per = applied + 1;
	for (k = 0; months != 0 && k < 12; k++)
		if (months >> ((per + k) % 12) & 1)
			return per + k;
	return -1;
}

/* "in the next registration month, March 2027: your form must be
 * postmarked by 31 March 2027", or without the month when site.yaml
 * names none. */
static void
reapply_when(const struct words *w, int applied, struct buf *b)
{
	int per = reapply_period(w, applied);

	BUF_LIT(b, "in the next registration month");
	if (per < 0)
		return;
	BUF_LIT(b, ", ");
	period_name(per, b);
	BUF_LIT(b, ": your form must be postmarked by ");
	human(period_last_day(per), b);
}

/* rules.md N2: an application for a registration period not begun is on
 * file; it is decided after that month. */
static void
say_next_app(const struct words *w, struct buf *b)
{
	/* "registration period" is Illinois' word (IL III); California's
	 * guidelines name none, only the application */
	if (california(w))
		BUF_LIT(b, "Your application for ");
	else
		BUF_LIT(b, "Your application for the registration period of ");
	period_name(w->p->next_app->period, b);
	BUF_LIT(b, " is on file; it is decided after that month.");
}

/* The waiting list: IL IV.A, IV.B (coordinator's decision 1.2: apply
 * again to keep the first consideration; an application already on
 * file for the next period keeps it), VII.K. */
static void
say_waiting(const struct words *w, const struct app_status *ap,
    struct buf *b)
{
	buf_printf(b, " More employees applied than the program can take, "
	    "and you are number %ld on the waiting list", ap->waiting_position);
	if (california(w)) {
		buf_putc(b, '.');
		return;
	}
	BUF_LIT(b, " (selection is by seniority, " IL "IV.A). ");
	if (w->p->next_app != NULL) {
		say_next_app(w, b);
		BUF_LIT(b, " It keeps your first consideration (IV.B).");
	} else {
		BUF_LIT(b, "To keep your first consideration, apply again ");
		reapply_when(w, ap->period, b);
		BUF_LIT(b, " (IV.B).");
	}
	BUF_LIT(b, " While you wait, you may take one proficiency exam for one "
	    "certificate title on work time without losing pay, even though "
	    "you are not enrolled: if you pass, you get the certificate and go "
	    "on the eligibility list; if not, that exam counts as your first "
	    "try once you enroll, which starts your 3 years (VII.K, VII.G).");
}

/* Turned down as not eligible in the latest period, eligible now and
 * not taking part: N2 names no alert (an application is on file), so
 * the packet says to apply again. */
static int
eligible_again(const struct words *w)
{
	const struct app_status *ap = w->p->h->app;
	const struct enrollment *en = w->p->enrollment;

	return ap != NULL && ap->result == APP_NOT_ELIGIBLE &&
	    w->p->eligible && w->p->next_app == NULL &&
	    (en == NULL || en->status == ENR_WITHDRAWN);
}

/* Where the application of the latest registration period stands. */
static void
say_application(const struct words *w, struct buf *b)
{
	const struct app_status *ap = w->p->h->app;

	if (ap == NULL && w->p->next_app != NULL)
		say_next_app(w, b);
	if (ap == NULL)
		return;
	if (california(w))
		BUF_LIT(b, "You applied in ");
	else
		BUF_LIT(b, "You applied in the registration period of ");
	period_name(ap->period, b);
	buf_putc(b, '.');
	if (w->p->app_open) {
		/* coordinator's decision 1.3; IL III.C: forms are due by the
		 * month's last day, so the order can still change */
		BUF_LIT(b, " The month has not ended, so what follows may "
		    "still change until ");
		human(period_last_day(ap->period), b);
		buf_putc(b, ':');
	}
	switch (ap->result) {
	case APP_SELECTED:
		BUF_LIT(b, " You were selected.");
		break;
	case APP_WAITING:
		say_waiting(w, ap, b);
		break;
	case APP_NOT_ELIGIBLE:
		BUF_LIT(b, " You were not eligible on the period's last day");
		reason_words(w, ap->reason, b);
		if (eligible_again(w)) {
			BUF_LIT(b, " You are eligible now: ");
			if (california(w))
				BUF_LIT(b, "you may apply again with your "
				    "supervisor's approval.");
			else {
				BUF_LIT(b, "apply again ");
				reapply_when(w, ap->period, b);
				buf_putc(b, '.');
			}
		}
		break;
	case APP_NOT_APPROVED:
		BUF_LIT(b, " Your application has no supervisor's approval on "
		    "file: ask your supervisor to approve it, and submit it "
		    "again to ");
		coordinator(w, b);
		buf_putc(b, '.');
		break;
	case APP_NOT_SELECTED:
		BUF_LIT(b, " The coordinator did not select you this time. You "
		    "may apply again with your supervisor's approval; to learn "
		    "what would help your next application, ask ");
		coordinator(w, b);
		buf_putc(b, '.');
		break;
	case APP_PENDING:
		BUF_LIT(b, " Your application is waiting for the coordinator's "
		    "decision; the "
		    "coordinator tells you whether you are selected.");
		break;
	}
	/* the waiting list says it in its place */
	if (w->p->next_app != NULL && ap->result != APP_WAITING) {
		buf_putc(b, ' ');
		say_next_app(w, b);
	}
}

/* IL XIII.K-N (G2; coordinator's decision 1.15: "up to" and "at the
 * latest" for XIII.K, and the return right after the extension). */
static void
say_probation(const struct words *w, struct buf *b)
{
	const struct probation_view *pv = &w->p->probation;

	if (pv->ap == NULL)
		return;
	buf_printf(b, "You were appointed to %s on ", title_name(w->c,
	    pv->ap->to_class_code));
	human(pv->ap->appointed_on, b);
	BUF_LIT(b, " through the program. Your probation lasts through ");
	human(pv->ends_on, b);
	if (pv->by_grade_c)
		buf_printf(b, " at the latest: the normal %d months, and with "
		    "a C grade up to %d months more (" IL "XIII.K).",
		    RULE_PROBATION_MONTHS, pv->extension_months);
	else if (pv->extension_months > 0)
		buf_printf(b, ": the normal %d months and %d months of "
		    "extended probation for this title (" IL "XIII.L-N).",
		    RULE_PROBATION_MONTHS, pv->extension_months);
	else
		buf_printf(b, ", the normal %d months.",
		    RULE_PROBATION_MONTHS);
	BUF_LIT(b, " Through ");
	human(pv->return_right_ends_on, b);
	BUF_LIT(b, " you may go back to your previous class.");
	if (pv->extension_months > 0)
		BUF_LIT(b, " If you do not finish the longer probation, you may "
		    "also go back if a position is open.");
}

/* A date the employee should know of, though no alert is due yet. */
static int
has_dates(const struct packet *p)
{
	size_t i;

	for (i = 0; i < p->ntargets; i++)
		if (p->targets[i].exam_window_ends_on != DAY_NONE ||
		    p->targets[i].next_exam_allowed_on != DAY_NONE ||
		    p->targets[i].grade_expires_on != DAY_NONE ||
		    p->targets[i].retarget_allowed_on != DAY_NONE)
			return 1;
	return p->commitment_ends_on != DAY_NONE || p->probation.ap != NULL;
}

/*
 * A participant with no alert: what the plan asks next, rather than
 * "keep following your plan".  Steps due within 30 days are alerts
 * (N1); this names the first open step after them, or says that every
 * step is done.  California: the CDP is the employee's and the
 * supervisor's, and good standing keeps it going (CA "Career
 * Development Plan": "the department may suspend the employee's CDP
 * until the employee regains good standing").
 */
static void
say_keep_on(const struct words *w, struct buf *b)
{
	const struct plan *pl = w->p->plan;
	const struct plan_step *st = NULL;
	size_t i;

	for (i = 0; pl != NULL && i < pl->nsteps; i++)
		if (pl->steps[i].done_on == DAY_NONE && (st == NULL ||
		    (pl->steps[i].due_on != DAY_NONE && (st->due_on ==
		    DAY_NONE || pl->steps[i].due_on < st->due_on))))
			st = &pl->steps[i];
	if (st != NULL) {
		buf_printf(b, "Nothing needs your action in the next %d days. "
		    "The next step of your Career Development Plan "
		    "is \"%s\"", RULE_STEP_DUE_DAYS, st->action ? st->action :
		    "");
		if (st->due_on != DAY_NONE) {
			BUF_LIT(b, ", due on ");
			human(st->due_on, b);
		}
		buf_putc(b, '.');
	} else if (pl != NULL) {
		buf_puts(b, pl->nsteps > 0 ? "Every step of your Career "
		    "Development Plan is done: when you are ready for the next "
		    "ones, plan them with " : "Your Career Development Plan "
		    "lists no steps yet: agree on them with ");
		if (california(w))
			BUF_LIT(b, "your supervisor");
		else
			who(w, b);
		buf_putc(b, '.');
	} else
		BUF_LIT(b, "Nothing needs your action now.");
	if (pl != NULL && pl->target_class_code != NULL &&
	    pl->target_date != DAY_NONE && pl->target_date >= w->p->as_of) {
		buf_printf(b, " Your plan aims for %s by ", title_name(w->c,
		    pl->target_class_code));
		human(pl->target_date, b);
		buf_putc(b, '.');
	}
	if (california(w))
		BUF_LIT(b, " Keep your work performance and your standing in "
		    "your classes and training satisfactory: otherwise the "
		    "department may suspend your plan (California guidelines, "
		    "Career Development Plan).");
}

/* "What to do next" with no alert: what fits the employee's situation. */
static void
say_no_alerts(const struct words *w, struct buf *b)
{
	const struct packet *p = w->p;
	const struct app_status *ap = p->h->app;

	if (p->separated)
		BUF_LIT(b, "You have left state service, and nothing is owed "
		    "to the program: there is nothing for you to do.");
	else if (!p->eligible && (p->enrollment == NULL ||
	    p->enrollment->status == ENR_WITHDRAWN))
		buf_puts(b, california(w) && p->cls != NULL &&
		    (p->cls->category == CAT_ELTPA || p->cls->category ==
		    CAT_BRIDGING) ? "There is nothing for you to do in the "
		    "program: your class is above the classes it is for. What "
		    "is open to you instead is below." : "There is nothing "
		    "for you to do in the program now. Why you are not "
		    "eligible, and what would change it, is below.");
	else if (ap != NULL && ap->result == APP_WAITING && !california(w)) {
		if (p->next_app != NULL) {
			BUF_LIT(b, "You are on the waiting list, and your "
			    "application for ");
			period_name(p->next_app->period, b);
			BUF_LIT(b, " is on file: it keeps your first "
			    "consideration (" IL "IV.B). ");
		} else {
			BUF_LIT(b, "To keep your first consideration from the "
			    "waiting list, apply again ");
			reapply_when(w, ap->period, b);
			BUF_LIT(b, " (" IL "IV.B). ");
		}
		BUF_LIT(b, "See \"Eligibility and enrollment\" below.");
	}
	else if (eligible_again(w))
		BUF_LIT(b, "You were not eligible when you applied, but you "
		    "are now: apply again, as \"Eligibility and enrollment\" "
		    "below says.");
	else if (ap != NULL && ap->result == APP_NOT_APPROVED)
		BUF_LIT(b, "Your application needs your supervisor's approval: "
		    "see \"Eligibility and enrollment\" below.");
	else if (ap != NULL && ap->result == APP_NOT_SELECTED)
		BUF_LIT(b, "You were not selected this time; you may apply "
		    "again: see \"Eligibility and enrollment\" below.");
	else if (p->enrollment == NULL || p->enrollment->status ==
	    ENR_WITHDRAWN)
		BUF_LIT(b, "Nothing needs your action now; where your "
		    "application stands is below.");
	else
		say_keep_on(w, b);
	/* Once separated, no exam or grade date is the employee's to act
	 * on any more; what is owed is an alert (N3). */
	if (has_dates(p) && !p->separated)
		BUF_LIT(b, " The dates that apply to you are below.");
}

/* IL VII.H (X3; coordinator's decision 1.19: "without loss of pay"). */
static void
say_exams(const struct words *w, struct buf *b)
{
	int y, m, d;

	date_ymd(w->p->as_of, &y, &m, &d);
	buf_printf(b, "Exams on work time without losing pay, %s %d: %d "
	    "taken, %d left (%d each January-June and July-December, " IL
	    "VII.H).", m <= 6 ? "January-June" : "July-December", y,
	    w->p->exams_used, w->p->exams_remaining,
	    w->s->prog.max_exams_per_half_year);
}

/* IL X.B-X.M (O1-O3; coordinator's decision 1.18: "up to", only when
 * the class meets during work hours, own leave but not sick leave, the
 * PVA copy). */
static void
say_time_off(const struct words *w, struct buf *b)
{
	const struct packet *p = w->p;
	const struct settings *st = &w->s->prog;
	double cap = st->max_hours_per_week * p->h->emp.time_base;

	if (p->meeting_hours > 0)
		buf_printf(b, "When a class meets during your work hours, you "
		    "may use up to %g hours a week of paid program time to "
		    "travel to and attend it: half of your %g weekly class "
		    "hours, at most %g hours a week", p->hours_per_week,
		    p->meeting_hours, cap);
	else
		buf_printf(b, "No class you are enrolled in meets this week. "
		    "When a class meets during your work hours, the program "
		    "pays up to half of its weekly hours as time off, at most "
		    "%g hours a week", cap);
	if (p->h->emp.time_base < 1)
		BUF_LIT(b, " for your part-time schedule");
	BUF_LIT(b, "; more time comes from your own leave, but not sick leave "
	    "(" IL "X.B-X.D).");
	if (p->full_day_days > 0)
		buf_printf(b, " For full-day classes this half-year you are "
		    "paid for %g days: half of your %ld days away, counted up "
		    "to %d a semester (X.K, X.L).",
		    p->full_day_days_off, p->full_day_days,
		    st->max_full_day_days);
	if (p->rotating_note)
		buf_printf(b, " Because you work a rotating schedule, your time "
		    "away may go over %g hours in one week as long as it "
		    "averages no more than that over the month (X.M).", cap);
	BUF_LIT(b, " Ask your supervisor for time off at least one month "
	    "before your first class, and give them a copy of your "
	    "Participation Verification Agreement and class schedule at the "
	    "start of each semester (X.G, X.J).");
}

/* IL XI.F-G (M2-M4): never what leaving "would" cost once separated. */
static void
say_commitment(const struct words *w, struct buf *b)
{
	const struct packet *p = w->p;
	int years = w->s->prog.work_commitment_years;

	if (p->commitment_ends_on == DAY_NONE) {
		BUF_LIT(b, "Work commitment: none at this time.");
		return;
	}
	BUF_LIT(b, "Because the program paid ");
	fmt_money(b, p->binding_paid_cents, 1);
	buf_printf(b, " for classes toward a credential, you agreed to stay "
	    "in state service for %d years after your latest such class, "
	    "which %s on ", years, p->commitment_from >= p->as_of ? "ends" :
	    "ended");
	human(p->commitment_from, b);
	BUF_LIT(b, ": until ");
	human(p->commitment_ends_on, b);
	BUF_LIT(b, " (" IL "XI.F).");
	if (p->separated && p->repayment_cents > 0)
		BUF_LIT(b, " You left state service before then: what you may "
		    "owe is in \"What to do next\".");
	else if (p->separated || p->repayment_cents == 0)
		BUF_LIT(b, " You have served it: nothing is owed.");
	else {
		BUF_LIT(b, " If you left state service voluntarily now, you "
		    "would repay about ");
		fmt_money(b, p->repayment_cents, 1);
		buf_printf(b, ", the share of the %d months not yet served, "
		    "and interest of 7%% a year would be charged from 30 days "
		    "after the notice of repayment; this amount does not "
		    "include interest (XI.G).", 12 * years);
	}
}

static void
say_all(const struct words *w, struct arena *a, struct say *say)
{
	struct buf b = {0};

	memset(say, 0, sizeof(*say));
	say_eligibility(w, &b);
	say->eligibility = keep(a, &b);
	say_enrollment(w, &b);
	say->enrollment = b.len ? keep(a, &b) : NULL;
	say_application(w, &b);
	say->application = b.len ? keep(a, &b) : NULL;
	say_probation(w, &b);
	say->probation = b.len ? keep(a, &b) : NULL;
	say_no_alerts(w, &b);
	say->no_alerts = keep(a, &b);
	if (w->p->profile == PROFILE_ILLINOIS) {
		/* Exams and time off on work time are for state employees:
		 * not said to one who has left. */
		if (!w->p->separated) {
			/* E4: withdrawn, so no exam on work time (II.B). */
			if (!withdrawn_e4(w->p)) {
				say_exams(w, &b);
				say->exams = keep(a, &b);
			}
			say_time_off(w, &b);
			say->time_off = keep(a, &b);
		}
		say_commitment(w, &b);
		say->commitment = keep(a, &b);
	}
	buf_free(&b);
}

/* The plan section with no plan on file (IL VI.A; CA "Career
 * Development Plan"). */
static const char *
plan_missing(const struct words *w)
{
	const struct enrollment *en = w->p->enrollment;
	int taking_part = en != NULL && en->status != ENR_WITHDRAWN;

	if (w->p->separated || (!w->p->eligible && !taking_part))
		return "No Career Development Plan is on file.";
	/* A plan is a participant's (2 CCR 599.984(c); IL VI.A): one who
	 * has not joined yet makes it after joining. */
	if (!taking_part)
		return california(w) ? "No Career Development Plan is on "
		    "file. Once you are selected, you prepare one with your "
		    "supervisor, who approves it, and submit it to the "
		    "coordinator (California guidelines, Career Development "
		    "Plan)." : "No Career Development Plan is on file. Once "
		    "you are enrolled, your counselor writes it with you ("
		    IL "VI.A).";
	return california(w) ? "You have no Career Development Plan on file. "
	    "Prepare one with your supervisor's approval and submit it to "
	    "the coordinator." : "You have no Career Development Plan on "
	    "file. Your counselor writes it with you.";
}

/* The words of a target (display views and text). */
struct target_say {
	const char	*window;	/* X1: how the end was reached */
	const char	*retest;	/* X2: the retest date and why */
	const char	*retarget;	/* X4, or NULL */
	const char	*sections;	/* X2, joined */
	const char	*counties;	/* G3, joined */
};

static void
say_window(const struct target_view *t, const struct settings *st,
    struct buf *b)
{
	if (t->exam_window_ends_on == DAY_NONE)
		return;
	human(t->exam_window_ends_on, b);
	buf_printf(b, " (%d years from your %s on ", st->exam_window_years,
	    t->restarted ? "attempt" : "first attempt");
	human(t->first_exam_on, b);
	if (t->military_days > 0)
		buf_printf(b, ", plus %d days of military leave",
		    t->military_days);
	if (t->extension_days > 0)
		buf_printf(b, ", plus %d days of extensions",
		    t->extension_days);
	BUF_LIT(b, ", " IL "VII.G)");
	/* VII.G: "Otherwise, the scores will be erased, and employees may
	 * start over": the restart, why, and that the end above is new. */
	if (t->restarted) {
		BUF_LIT(b, ". This is a new window: your earlier one ");
		if (t->restarted_after != DAY_NONE) {
			BUF_LIT(b, "ended on ");
			human(t->restarted_after, b);
		} else
			BUF_LIT(b, "ended");
		BUF_LIT(b, " without a grade, so its scores were erased, and "
		    "your attempt on ");
		human(t->first_exam_on, b);
		buf_printf(b, " started the %d years again.",
		    st->exam_window_years);
	}
}

/* X2's date, with as_of: "from 25 November 2026", or, once that day has
 * come, "now, since 19 June 2026" (a past date alone reads as missed). */
static void
say_target(const struct target_view *t, const struct settings *st,
    day_t as_of, struct arena *a, struct target_say *ts)
{
	struct buf b = {0};

	memset(ts, 0, sizeof(*ts));
	say_window(t, st, &b);
	ts->window = b.len ? keep(a, &b) : NULL;
	if (t->next_exam_allowed_on != DAY_NONE) {
		buf_puts(&b, t->next_exam_allowed_on <= as_of ? "now, since " :
		    "from ");
		human(t->next_exam_allowed_on, &b);
		if (t->retest_course)
			buf_printf(&b, ", the day after your class \"%s\" "
			    "ended (" IL "VII.E)", t->retest_course->name ?
			    t->retest_course->name : "");
		else if (t->next_exam_allowed_on != DAY_NONE &&
		    t->first_exam_on != DAY_NONE && t->next_exam_allowed_on ==
		    date_add_months(t->first_exam_on, 1))
			buf_printf(&b, ", one month after your first exam ("
			    IL "VII.B)");
		else
			buf_printf(&b, ", %d days after your last attempt ("
			    IL "VII.B)", st->retest_wait_days);
		ts->retest = keep(a, &b);
	}
	if (t->retarget_allowed_on != DAY_NONE) {
		BUF_LIT(&b, "Your final attempt on ");
		human(t->final_attempt_on, &b);
		BUF_LIT(&b, " left a section not proficient, so your scores "
		    "were erased. You may target this title again from ");
		human(t->retarget_allowed_on, &b);
		BUF_LIT(&b, " (" IL "VII.G); to test sooner, appeal to the "
		    "Upward Mobility Advisory Committee (VII.F).");
		ts->retarget = keep(a, &b);
	}
	join(&b, t->sections_not_proficient, t->nsections_not_proficient);
	ts->sections = keep(a, &b);
	join(&b, t->counties, t->ncounties);
	ts->counties = keep(a, &b);
	buf_free(&b);
}

/* ---- the way up (cli.md first_steps, career_path) ------------------------- */

/*
 * An employee's way up the career ladders, read off the paths table once
 * per view, and its words (the same in the HTML and the text).  Strings
 * live in the arena.
 */
struct way {
	const struct ladder_step *const *path; /* career_path's steps */
	size_t		 npath;		/* 0: career_path is null */
	const struct ladder_step *const *first; /* first_steps */
	size_t		 nfirst;
	int		 on_ladder;	/* the class is on some ladder */
	size_t		 on;		/* the step the employee is on */
	const char	*intro;		/* what comes before the steps */
	const char	*on_label;	/* which step they are on, or NULL */
	const char	*on_note;	/* what the plan and the rules say of
					 * it, or NULL */
};

/* "Warehouse Worker (WAREHOUSE-WORKER)": the employee's class. */
static void
class_words(const struct words *w, struct buf *b)
{
	const char *code = w->p->h->emp.class_code;

	buf_puts(b, w->p->cls ? w->p->cls->name : code);
	BUF_LIT(b, " (");
	buf_puts(b, code);
	buf_putc(b, ')');
}

/* A count (n >= 0) in digits.  By hand, not printf, as the other words
 * of the way up: every packet says them. */
static void
put_count(struct buf *b, long n)
{
	char s[24], *p = s + sizeof(s);
	unsigned long u = n < 0 ? 0 : (unsigned long)n;

	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) > 0);
	buf_put(b, p, (size_t)(s + sizeof(s) - p));
}

/* "1 class", "2 classes". */
static void
count_words(struct buf *b, long n, const char *one, const char *many)
{
	put_count(b, n);
	buf_putc(b, ' ');
	buf_puts(b, n == 1 ? one : many);
}

/*
 * Why there is no way to show, and the ladders that start from the
 * employee's class instead (cli.md: the packet then shows them).
 */
static void
say_no_way(const struct words *w, const struct way *wy, struct buf *b)
{
	const struct plan *pl = w->p->plan;
	const char *to = pl ? pl->target_class_code : NULL;
	int unreached = 0;

	if (pl == NULL)
		BUF_LIT(b, "You have no Career Development Plan yet, so no "
		    "target class.");
	else if (to == NULL)
		BUF_LIT(b, "Your Career Development Plan names no target "
		    "class yet.");
	else if (strcmp(to, w->p->h->emp.class_code) == 0)
		BUF_LIT(b, "You are in your plan's target class already.");
	else {
		BUF_LIT(b, "The career ladders of this program show no way "
		    "from your class to your plan's target, ");
		buf_puts(b, title_name(w->c, to));
		BUF_LIT(b, " (");
		buf_puts(b, to);
		BUF_LIT(b, "). To find one, talk with ");
		who(w, b);
		buf_putc(b, '.');
		unreached = 1;
	}
	if (wy->nfirst > 0) {
		BUF_LIT(b, " From your class, ");
		class_words(w, b);
		BUF_LIT(b, ", the career ladders lead to:");
		return;
	}
	BUF_LIT(b, " Your class, ");
	class_words(w, b);
	/* A class at the top of a ladder is on it: no row leads on. */
	buf_puts(b, wy->on_ladder ? ", is at the top of its career ladder: "
	    "no step of this program's ladders leads on from it." :
	    ", is on none of the career ladders.");
	if (!unreached) {
		BUF_LIT(b, " To find one that suits you, talk with ");
		who(w, b);
		buf_putc(b, '.');
	}
}

static void
say_way(const struct words *w, const struct way *wy, struct buf *b)
{
	const struct plan *pl = w->p->plan;

	if (wy->npath == 0) {
		say_no_way(w, wy, b);
		return;
	}
	BUF_LIT(b, "Your plan's target is ");
	buf_puts(b, title_name(w->c, pl->target_class_code));
	BUF_LIT(b, " (");
	buf_puts(b, pl->target_class_code);
	buf_putc(b, ')');
	if (pl->target_date != DAY_NONE) {
		buf_puts(b, pl->target_date >= w->p->as_of ? ", to reach by " :
		    ", which it aimed to reach by ");
		human(pl->target_date, b);
	}
	BUF_LIT(b, ". The career ladders lead there from your class, ");
	class_words(w, b);
	if (wy->npath == 1)
		BUF_LIT(b, ", in one step.");
	else {
		BUF_LIT(b, ", in ");
		count_words(b, (long)wy->npath, "step", "steps");
		buf_putc(b, '.');
	}
}

/* lead, then s and a full stop ("lead" ends "lead s."), when s is set. */
static void
say_sentence(struct buf *b, const char *lead, const char *s)
{
	size_t n;

	if (s == NULL)
		return;
	buf_puts(b, lead);
	buf_puts(b, s);
	if ((n = strlen(s)) == 0 || s[n - 1] != '.')
		buf_putc(b, '.');
}

/* An open target on the way: what the rules say of it (X1-X4, G1). */
static void
say_on_target(const struct words *w, const struct target_view *t,
    struct arena *a, struct buf *b)
{
	struct target_say ts;

	say_target(t, &w->s->prog, w->p->as_of, a, &ts);
	BUF_LIT(b, "It has been one of your target titles since ");
	human(t->t->targeted_on, b);
	buf_putc(b, '.');
	if (t->exam_route && t->retarget_allowed_on == DAY_NONE) {
		if (t->nsections_not_proficient > 0)
			say_sentence(b, " Exam sections still to pass: ",
			    ts.sections);
		else if (t->first_exam_on == DAY_NONE)
			BUF_LIT(b, " You have not taken its exam yet.");
		say_sentence(b, " Your exam window ends ", ts.window);
		say_sentence(b, " Your next retest is allowed ", ts.retest);
	}
	say_sentence(b, " ", ts.retarget);
	if (t->grade) {
		BUF_LIT(b, " Your promotional grade for it is ");
		buf_putc(b, t->grade->grade);
		/* G1: valid through its last day (deadline_alert) */
		BUF_LIT(b, t->grade_expires_on >= w->p->as_of ? ", which "
		    "expires on " : ", which expired on ");
		human(t->grade_expires_on, b);
		buf_putc(b, '.');
	}
}

/* IL VIII.B, VII.H: the classes and exams left to a participant, for a
 * step taken by exam or degree. */
static void
say_on_classes(const struct words *w, const struct ladder_step *s,
    struct buf *b)
{
	const struct packet *p = w->p;
	char fy[8];

	if (p->profile != PROFILE_ILLINOIS || p->separated ||
	    p->enrollment == NULL || p->enrollment->status != ENR_ACTIVE ||
	    withdrawn_e4(p) ||
	    (s->via != VIA_EXAM && s->via != VIA_DEGREE))
		return;
	date_fy_name(p->classes_fy, fy);
	BUF_LIT(b, " In fiscal year ");
	buf_puts(b, fy);
	BUF_LIT(b, " you may take ");
	count_words(b, p->classes_remaining, "more class", "more classes");
	BUF_LIT(b, " (" IL "VIII.B)");
	if (s->via == VIA_EXAM) {
		BUF_LIT(b, ", and this half-year ");
		count_words(b, p->exams_remaining, "more exam", "more exams");
		BUF_LIT(b, " on work time (VII.H)");
	}
	buf_putc(b, '.');
}

/* CA "Lateral Transfer", "Training and Development Assignment": what
 * such a step asks of the employee. */
static void
say_on_move(const struct words *w, const struct ladder_step *s,
    struct buf *b)
{
	if (!california(w))
		return;
	if (s->via == VIA_TRANSFER)
		BUF_LIT(b, " A lateral transfer moves you to a class with "
		    "substantially the same duties, responsibility and "
		    "salary; your department's Personnel office can tell you "
		    "whether you are eligible (California guidelines, Lateral "
		    "Transfer).");
	else if (s->via == VIA_TRAINING_DEVELOPMENT)
		BUF_LIT(b, " A training and development assignment needs a "
		    "hiring manager with a vacant position and should fit "
		    "your Career Development Plan; when it ends you may return "
		    "to your former position (California guidelines, Training "
		    "and Development Assignment).");
}

/*
 * The step the employee is on, and what the plan and the rules say of
 * it: its class an open target (the work of IL V.A goes to it now, so
 * that step, whichever it is), its exam window, the classes left; what
 * a transfer or an assignment asks, a bridging class's purpose (CA).
 */
static void
say_on(const struct words *w, struct way *wy, struct arena *a)
{
	const struct ladder_step *s;
	const struct target_view *t = NULL;
	const struct title *to;
	struct buf b = {0};
	size_t i;
	int sp;

	for (i = 0; i < wy->npath && t == NULL; i++)
		t = target_of(w->p, w->c->titles[wy->path[i]->to].code);
	wy->on = t != NULL ? i - 1 : 0;
	s = wy->path[wy->on];
	to = &w->c->titles[s->to];
	if (t != NULL) {
		BUF_LIT(&b, "You are working on step ");
		put_count(&b, (long)wy->on + 1);
		buf_putc(&b, '.');
	} else
		BUF_LIT(&b, "Step 1 is your next step.");
	wy->on_label = keep(a, &b);
	if (t != NULL)
		say_on_target(w, t, a, &b);
	say_on_classes(w, s, &b);
	say_on_move(w, s, &b);
	if (california(w) && title_note(to) != NULL) {
		buf_putc(&b, ' ');
		buf_puts(&b, to->name);
		BUF_LIT(&b, " is a bridging class: it gives you the experience "
		    "to qualify for higher classes (California guidelines, "
		    "Bridging Classifications).");
	}
	/* Each sentence above begins with a space but the first. */
	if (b.len > 0) {
		sp = b.data[0] == ' ';
		wy->on_note = keep(a, &b) + sp;
	}
	buf_free(&b);
}

/*
 * The way up of the packet's employee (paths: the build's table), and
 * with words, its words.  cli.md: career_path is null when there is no plan target,
 * the target is the current class, or no path leads there.
 */
static void
way_find(const struct words *w, const struct paths *pt, struct arena *a,
    int words, struct way *wy)
{
	const struct packet *p = w->p;
	const char *cls = p->h->emp.class_code;
	struct buf b = {0};

	memset(wy, 0, sizeof(*wy));
	wy->nfirst = paths_first_steps(pt, cls, &wy->first);
	wy->on_ladder = paths_on_ladder(pt, cls);
	if (p->plan != NULL && p->plan->target_class_code != NULL)
		wy->npath = paths_career(pt, cls, p->plan->target_class_code,
		    a, &wy->path);
	if (!words)
		return;
	if (wy->npath > 0)
		say_on(w, wy, a);
	say_way(w, wy, &b);
	wy->intro = keep(a, &b);
	buf_free(&b);
}

/* ---- the value tree ------------------------------------------------------ */

/* Builds a view in one arena; display adds words for people (dates as
 * "10 January 2028", money as "$1,234.00", the paragraphs) beside the
 * data. */
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

/* KEY is the words (null for NULL), in every view: the JSON says what
 * the HTML and the text say (issue 16). */
static void
set_words(struct vctx *v, struct tv *m, const char *key, const char *s)
{
	tv_set(v->a, m, key, tv_str(v->a, s));
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

/* cli.md "application": the latest registration period's, or null. */
static struct tv *
application_view(struct vctx *v)
{
	const struct app_status *ap = v->p->h->app;
	struct tv *m;
	char per[8];

	if (ap == NULL)
		return tv_null(v->a);
	m = tv_map(v->a);
	period_format(ap->period, per);
	tv_set(v->a, m, "period", tv_str(v->a, per));
	tv_set(v->a, m, "decision", tv_str(v->a, app_result_name(ap->result)));
	tv_set(v->a, m, "position", tv_num(v->a, (double)ap->position));
	/* coordinator's decision 1.3: provisional while the month runs */
	tv_set(v->a, m, "open", tv_bool(v->a, v->p->app_open));
	if (ap->result == APP_WAITING)
		tv_set(v->a, m, "waiting_position", tv_num(v->a,
		    (double)ap->waiting_position));
	if (ap->result == APP_NOT_ELIGIBLE)
		tv_set(v->a, m, "reason", tv_str(v->a,
		    elig_reason_name(ap->reason)));
	return m;
}

/* cli.md "probation" (G2), or null. */
static struct tv *
probation_view(struct vctx *v)
{
	const struct probation_view *pv = &v->p->probation;
	struct tv *m;

	if (pv->ap == NULL)
		return tv_null(v->a);
	m = tv_map(v->a);
	tv_set(v->a, m, "title", tv_str(v->a, pv->ap->to_class_code));
	set_date(v, m, "ends_on", pv->ends_on);
	set_date(v, m, "return_right_ends_on", pv->return_right_ends_on);
	tv_set(v->a, m, "extension_months", tv_num(v->a,
	    pv->extension_months));
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
	/* "expires on" as the alerts (G1) say it, through its last day;
	 * "expired on" after it */
	tv_set(v->a, m, "expired", tv_bool(v->a, t->grade_expires_on <
	    v->p->as_of));
	return m;
}

/* The words of a target, for the template and the JSON alike. */
static void
target_words(struct vctx *v, const struct target_view *t, struct tv *m)
{
	struct target_say ts;

	say_target(t, &v->s->prog, v->p->as_of, v->a, &ts);
	tv_set(v->a, m, "exam_route", tv_bool(v->a, t->exam_route &&
	    t->retarget_allowed_on == DAY_NONE));
	tv_set(v->a, m, "has_sections",
	    tv_bool(v->a, t->nsections_not_proficient > 0));
	tv_set(v->a, m, "has_counties", tv_bool(v->a, t->ncounties > 0));
	tv_set(v->a, m, "sections_text", tv_str(v->a, ts.sections));
	tv_set(v->a, m, "counties_text", tv_str(v->a, ts.counties));
	tv_set(v->a, m, "window_text", tv_str(v->a, ts.window));
	tv_set(v->a, m, "retest_text", tv_str(v->a, ts.retest));
	tv_set(v->a, m, "retarget_text", tv_str(v->a, ts.retarget));
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
	l = tv_set(v->a, m, "sections_not_proficient", tv_list(v->a));
	for (i = 0; i < t->nsections_not_proficient; i++)
		tv_push(v->a, l, tv_str(v->a, t->sections_not_proficient[i]));
	set_date(v, m, "next_exam_allowed_on", t->next_exam_allowed_on);
	set_date(v, m, "retarget_allowed_on", t->retarget_allowed_on);
	tv_set(v->a, m, "grade", grade_view(v, t));
	l = tv_set(v->a, m, "counties", tv_list(v->a));
	for (i = 0; i < t->ncounties; i++)
		tv_push(v->a, l, tv_str(v->a, t->counties[i]));
	/* The words in every view: the JSON says what the HTML and the
	 * text say ("Math, Reading and Writing"; the window and why). */
	target_words(v, t, m);
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
	tv_set(v->a, m, "full_tuition", tv_bool(v->a, cv->full_tuition));
	tv_set(v->a, m, "binding", tv_bool(v->a, cv->binding));
	return m;
}

/* The figures of the Illinois rules (C, X, O, M); null in the
 * california profile, which applies none of them (rules.md). */
static void
il_figures(struct vctx *v, struct tv *root, const struct say *say)
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
	set_words(v, m, "text", say->exams);
	m = tv_set(v->a, root, "time_off", tv_map(v->a));
	tv_set(v->a, m, "hours_per_week", tv_num(v->a, p->hours_per_week));
	tv_set(v->a, m, "full_day_days_off", tv_num(v->a,
	    p->full_day_days_off));
	tv_set(v->a, m, "full_day_days", tv_num(v->a, (double)p->full_day_days));
	tv_set(v->a, m, "meeting_hours_per_week",
	    tv_num(v->a, p->meeting_hours));
	tv_set(v->a, m, "rotating_schedule", tv_bool(v->a, p->rotating_note));
	set_words(v, m, "text", say->time_off);
	m = tv_set(v->a, root, "tuition", tv_map(v->a));
	set_money(v, m, "program_paid_cents", p->program_paid_cents);
	m = tv_set(v->a, root, "work_commitment", tv_map(v->a));
	set_date(v, m, "ends_on", p->commitment_ends_on);
	set_money(v, m, "repayment_if_separated_cents", p->repayment_cents);
	set_money(v, m, "paid_cents", p->binding_paid_cents);
	tv_set(v->a, m, "months_fulfilled", tv_num(v->a, p->months_fulfilled));
	set_words(v, m, "text", say->commitment);
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

/* cli.md: a step of first_steps or career_path, {from, to, via}; with
 * text, in words too (view_way). */
static struct tv *
step_view(struct arena *a, const struct catalog *c,
    const struct ladder_step *s, int text, enum profile pr)
{
	const char *from = c->titles[s->from].code, *to = c->titles[s->to].code;
	const char *via = via_name(s->via);
	struct tv *m = tv_map(a);
	struct buf b = {0};

	/* The catalog's strings outlive every view: not copied. */
	tv_set(a, m, "from", tv_ref(a, from, strlen(from)));
	tv_set(a, m, "to", tv_ref(a, to, strlen(to)));
	tv_set(a, m, "via", tv_ref(a, via, strlen(via)));
	if (text) {
		path_step_text(c, s, pr, &b);
		tv_set(a, m, "text", tv_str(a, b.data));
		buf_free(&b);
	}
	return m;
}

/* cli.md first_steps and career_path, {to, steps}: the steps in words
 * with text. */
static void
way_lists(struct arena *a, const struct catalog *c, const struct way *wy,
    int text, enum profile pr, struct tv *root)
{
	struct tv *l, *m;
	size_t i;

	l = tv_set(a, root, "first_steps", tv_list(a));
	for (i = 0; i < wy->nfirst; i++)
		tv_push(a, l, step_view(a, c, wy->first[i], text, pr));
	if (wy->npath == 0) {
		tv_set(a, root, "career_path", tv_null(a));
		return;
	}
	m = tv_set(a, root, "career_path", tv_map(a));
	tv_set(a, m, "to", tv_str(a, c->titles[wy->path[wy->npath - 1]->to].
	    code));
	l = tv_set(a, m, "steps", tv_list(a));
	for (i = 0; i < wy->npath; i++)
		tv_push(a, l, step_view(a, c, wy->path[i], text, pr));
}

/* cli.md first_steps and career_path; display views fill m, the map
 * "way", with the words of the employee's way: text, on and note (the
 * steps themselves: view_way). */
static void
way_view(struct vctx *v, struct tv *root, struct tv *m,
    const struct paths *pt)
{
	struct words w = { v->p, v->c, v->s };
	struct way wy;

	way_find(&w, pt, v->a, m != NULL, &wy);
	way_lists(v->a, v->c, &wy, 0, v->p->profile, root);
	if (m == NULL)
		return;
	/* The words are the view arena's already: not copied. */
	tv_set(v->a, m, "text", tv_ref(v->a, wy.intro, strlen(wy.intro)));
	tv_set(v->a, m, "on", tv_ref(v->a, wy.on_label, wy.on_label ?
	    strlen(wy.on_label) : 0));
	tv_set(v->a, m, "note", tv_ref(v->a, wy.on_note, wy.on_note ?
	    strlen(wy.on_note) : 0));
}

struct tv *
view_way(struct arena *a, const struct catalog *c, const struct paths *pt,
    enum profile pr, const char *from, const char *to)
{
	struct tv *root = tv_map(a);
	struct way wy;

	memset(&wy, 0, sizeof(wy));
	if (to != NULL)
		wy.npath = paths_career(pt, from, to, a, &wy.path);
	if (wy.npath == 0)
		wy.nfirst = paths_first_steps(pt, from, &wy.first);
	way_lists(a, c, &wy, 1, pr, root);
	tv_set(a, root, "has_first_steps", tv_bool(a, wy.nfirst > 0));
	return root;
}

/* The paragraphs of display views ("situation": one per paragraph). */
static void
situation_view(struct vctx *v, struct tv *root, const struct say *say)
{
	const char *const paras[] = { say->eligibility, say->enrollment,
	    say->application, say->probation };
	struct tv *l = tv_set(v->a, root, "situation", tv_list(v->a));
	size_t i;

	for (i = 0; i < sizeof(paras) / sizeof(paras[0]); i++)
		if (paras[i] != NULL)
			tv_set(v->a, tv_push(v->a, l, tv_map(v->a)), "text",
			    tv_str(v->a, paras[i]));
	/* Each only when it is what the packet says: "nothing needs your
	 * action" beside alerts would contradict them. */
	tv_set(v->a, root, "no_alerts_text", v->p->nalerts > 0 ?
	    tv_null(v->a) : tv_str(v->a, say->no_alerts));
	tv_set(v->a, root, "plan_missing_text", v->p->plan != NULL ?
	    tv_null(v->a) : tv_str(v->a,
	    plan_missing(&(struct words){ v->p, v->c, v->s })));
}

struct tv *
view_packet(const struct packet *p, const struct catalog *c,
    const struct paths *pt, const struct config *s, struct arena *a,
    int display)
{
	struct vctx v = { a, p, c, s, display };
	struct words w = { p, c, s };
	struct tv *root = tv_map(a), *l, *way;
	struct say say;
	size_t i;

	say_all(&w, a, &say);
	set_date(&v, root, "as_of", p->as_of);
	tv_set(a, root, "employee", employee_view(&v));
	/* Early in the map: a template finds it sooner. */
	way = display ? tv_set(a, root, "way", tv_map(a)) : NULL;
	tv_set(a, root, "eligible", tv_bool(a, p->eligible));
	tv_set(a, root, "eligibility_reason", p->eligible ? tv_null(a) :
	    tv_str(a, elig_reason_name(p->eligibility_reason)));
	tv_set(a, root, "enrollment", enrollment_view(&v));
	tv_set(a, root, "application", application_view(&v));
	tv_set(a, root, "plan", plan_view(&v));
	l = tv_set(a, root, "targets", tv_list(a));
	for (i = 0; i < p->ntargets; i++)
		tv_push(a, l, target_view(&v, &p->targets[i]));
	if (p->profile == PROFILE_ILLINOIS)
		il_figures(&v, root, &say);
	else
		il_figures_null(&v, root);
	tv_set(a, root, "probation", probation_view(&v));
	tv_set(a, root, "alerts", alerts_view(&v));
	/* The paragraphs in JSON too: the formats say the same (issue 16:
	 * "The text and JSON formats say what the HTML says"); before the
	 * way, which cli.md puts last. */
	situation_view(&v, root, &say);
	way_view(&v, root, way, pt);
	if (display) {
		tv_set(a, root, "has_targets", tv_bool(a, p->ntargets > 0));
		tv_set(a, root, "has_alerts", tv_bool(a, p->nalerts > 0));
		tv_set(a, root, "illinois", tv_bool(a,
		    p->profile == PROFILE_ILLINOIS));
		/* The year's classes left are not said to one who left. */
		tv_set(a, root, "separated", tv_bool(a, p->separated));
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

/* Paragraphs, wrapped, a blank line between them; NULL ones left out. */
static void
text_paras(struct buf *out, const char *const *v, size_t n)
{
	size_t i;
	int first = 1;

	for (i = 0; i < n; i++) {
		if (v[i] == NULL)
			continue;
		if (!first)
			buf_putc(out, '\n');
		wrap(out, v[i], 0, 0);
		first = 0;
	}
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

/* The length of the UTF-8 sequence at s (at most n bytes), 0 when it is
 * not one. */
static size_t
utf8_len(const unsigned char *s, size_t n)
{
	size_t k, len;

	if (s[0] < 0x80)
		return 1;
	len = s[0] >= 0xf0 && s[0] <= 0xf4 ? 4 : s[0] >= 0xe0 ? 3 :
	    s[0] >= 0xc2 && s[0] < 0xe0 ? 2 : 0;
	if (s[0] > 0xf4 || len == 0 || len > n)
		return 0;
	for (k = 1; k < len; k++)
		if ((s[k] & 0xc0) != 0x80)
			return 0;
	return len;
}

/*
 * cli.md: in --format text, control characters from the records (C0 but
 * tab and newline, DEL, C1) print as "?", so a name cannot drive the
 * terminal; so does a byte that is not UTF-8 (a lone C1 byte would).
 * Everything from byte `from` of out on; our own words hold none.
 */
static void
text_clean(struct buf *out, size_t from)
{
	unsigned char *s = (unsigned char *)out->data;
	size_t i = from, j = from, len;

	while (i < out->len) {
		len = utf8_len(s + i, out->len - i);
		if (len == 0 || (len == 1 && ((s[i] < 0x20 && s[i] != '\t' &&
		    s[i] != '\n') || s[i] == 0x7f)) ||
		    (len == 2 && s[i] == 0xc2 && s[i + 1] < 0xa0)) {
			s[j++] = '?';
			i += len ? len : 1;
			continue;
		}
		memmove(s + j, s + i, len);
		i += len;
		j += len;
	}
	out->len = j;
	if (out->data)
		out->data[j] = '\0';
}

static void
text_plan(struct buf *out, const struct packet *p, const struct words *w)
{
	const struct plan *pl = p->plan;
	struct buf b = {0};
	char d1[32], d2[32];
	size_t i;

	text_heading(out, "CAREER DEVELOPMENT PLAN");
	if (pl == NULL) {
		wrap(out, plan_missing(w), 0, 0);
		return;
	}
	text_field(out, "Objective", pl->objective ? pl->objective :
	    "not written yet");
	if (pl->target_class_code)
		buf_printf(&b, "%s (%s)", title_name(w->c,
		    pl->target_class_code), pl->target_class_code);
	text_field(out, "Target class", b.len ? b.data : "not chosen yet");
	text_field(out, "Target date", pl->target_date == DAY_NONE ?
	    "not set" : hdate(pl->target_date, d1));
	buf_reset(&b);
	buf_printf(&b, "%d, made on %s", pl->version, hdate(pl->created_on,
	    d1));
	text_field(out, "Version", b.data);
	text_field(out, "Supervisor approved", pl->supervisor_approved_on ==
	    DAY_NONE ? "not yet" : hdate(pl->supervisor_approved_on, d1));
	text_field(out, "Coordinator reviewed", pl->coordinator_reviewed_on ==
	    DAY_NONE ? "not yet" : hdate(pl->coordinator_reviewed_on, d1));
	for (i = 0; i < pl->nsteps; i++) {
		buf_reset(&b);
		buf_printf(&b, "- %s; due %s; %s%s", pl->steps[i].action ?
		    pl->steps[i].action : "", hdate(pl->steps[i].due_on, d1),
		    pl->steps[i].done_on == DAY_NONE ? "not done yet" : "done ",
		    pl->steps[i].done_on == DAY_NONE ? "" :
		    hdate(pl->steps[i].done_on, d2));
		wrap(out, b.data, 2, 4);
	}
	buf_free(&b);
}

/* "Your way up": the words before the steps, the step the employee is
 * on with what it is to them, then the path's steps numbered, or the
 * first steps from their class. */
static void
text_way(struct buf *out, const struct words *w, const struct paths *pt,
    struct arena *a)
{
	struct buf b = {0};
	struct way wy;
	size_t i;

	way_find(w, pt, a, 1, &wy);
	text_heading(out, "YOUR WAY UP");
	if (wy.on_label != NULL)
		buf_printf(&b, "%s%s%s", wy.on_label, wy.on_note ? " " : "",
		    wy.on_note ? wy.on_note : "");
	text_paras(out, (const char *const []){ wy.intro, b.len ? b.data :
	    NULL }, 2);
	if (wy.npath > 0)
		buf_putc(out, '\n');
	for (i = 0; i < wy.npath; i++) {
		buf_reset(&b);
		buf_printf(&b, "%zu. ", i + 1);
		path_step_text(w->c, wy.path[i], w->p->profile, &b);
		buf_putc(&b, '.');
		wrap(out, b.data, 2, 5);
	}
	for (i = 0; wy.npath == 0 && i < wy.nfirst; i++) {
		buf_reset(&b);
		BUF_LIT(&b, "- ");
		path_step_text(w->c, wy.first[i], w->p->profile, &b);
		buf_putc(&b, '.');
		wrap(out, b.data, 2, 4);
	}
	buf_free(&b);
}

static void
text_target(struct buf *out, const struct target_view *t,
    const struct settings *st, day_t as_of)
{
	struct target_say ts;
	struct arena a = {0};
	struct buf b = {0};
	char d1[32], d2[32];

	say_target(t, st, as_of, &a, &ts);
	buf_printf(&b, "%s (%s)%s%s%s%s", t->title ? t->title->name :
	    t->t->class_code, t->t->class_code, t->title && t->title->kind ?
	    ", " : "", t->title ? kind_name(t->title->kind) : "",
	    t->t->route ? ", by " : "", t->t->route == ROUTE_EXAM ? "exam" :
	    t->t->route == ROUTE_DEGREE ? "degree" : "");
	wrap(out, b.data, 0, 2);
	if (t->exam_route && t->retarget_allowed_on == DAY_NONE)
		text_field(out, "Exam sections still to pass",
		    t->nsections_not_proficient > 0 ? ts.sections :
		    t->first_exam_on != DAY_NONE ? "none" :
		    "no exam taken yet");
	if (ts.window)
		text_field(out, "Exam window ends", ts.window);
	if (ts.retest)
		text_field(out, "Next retest allowed", ts.retest);
	if (ts.retarget)
		wrap(out, ts.retarget, 2, 2);
	buf_reset(&b);
	if (t->grade)
		buf_printf(&b, "%c, issued %s, %s %s", t->grade->grade,
		    hdate(t->grade->issued_on, d1), t->grade_expires_on >=
		    as_of ? "expires on" : "expired on",
		    hdate(t->grade_expires_on, d2));
	text_field(out, "Promotional grade", t->grade ? b.data : "none yet");
	text_field(out, "Counties chosen", t->ncounties > 0 ? ts.counties :
	    "none chosen yet (you may name up to 3)");
	buf_free(&b);
	arena_free(&a);
}

static void
text_courses(struct buf *out, const struct packet *p)
{
	static const char *const status[] = { "planned", "enrolled",
	    "completed", "dropped", "failed" };
	const struct course *c;
	struct buf b = {0};
	char d1[32], d2[32];
	size_t i;

	for (i = 0; i < p->ncourses; i++) {
		if (!p->courses[i].in_fy)
			continue;
		c = p->courses[i].c;
		buf_reset(&b);
		buf_printf(&b, "- %s%s, %s, %s to %s, %s, paid by the program "
		    "", c->name ? c->name : "", c->lab_for ? " (lab)" : "",
		    c->institution ? c->institution : "", hdate(c->starts_on,
		    d1), hdate(c->ends_on, d2), status[c->status]);
		fmt_money(&b, p->courses[i].program_paid_cents, 1);
		wrap(out, b.data, 2, 4);
	}
	buf_free(&b);
}

static void
text_illinois(struct buf *out, const struct packet *p, const struct say *say,
    const struct settings *st)
{
	struct buf b = {0};
	char fy[8];
	size_t top;

	text_heading(out, "CLASSES, TIME OFF AND TUITION");
	top = out->len;
	date_fy_name(p->classes_fy, fy);
	if (!p->separated) {
		buf_printf(&b, "In fiscal year %s you have used %d of %d "
		    "classes; %d remain.", fy, p->classes_counted,
		    st->max_classes_per_year, p->classes_remaining);
		wrap(out, b.data, 0, 0);
	}
	text_courses(out, p);
	buf_reset(&b);
	BUF_LIT(&b, "Tuition and fees the program has paid for you: ");
	fmt_money(&b, p->program_paid_cents, 1);
	buf_putc(&b, '.');
	if (out->len > top)
		buf_putc(out, '\n');
	text_paras(out, (const char *const []){ say->exams, say->time_off,
	    b.data, say->commitment }, 4);
	buf_free(&b);
}

static void
text_contact(struct buf *out, const struct packet *p,
    const struct config *s)
{
	const struct contact *c = &s->contact;
	const struct enrollment *en = p->enrollment;
	struct buf b = {0};

	text_heading(out, "WHOM TO ASK");
	if (en && en->counselor && *en->counselor)
		buf_printf(&b, "Your counselor: %s. ", en->counselor);
	BUF_LIT(&b, "The program coordinator:");
	wrap(out, b.data, 0, 0);
	buf_reset(&b);
	buf_printf(&b, "%s%s%s%s%s%s%s%s%s", c->name ? c->name : "",
	    s->department ? "; " : "", s->department ? s->department : "",
	    c->office ? "; " : "", c->office ? c->office : "",
	    c->phone ? "; phone " : "", c->phone ? c->phone : "",
	    c->email ? "; email " : "", c->email ? c->email : "");
	wrap(out, b.len ? (b.data[0] == ';' ? b.data + 2 : b.data) :
	    s->title, 2, 2);
	buf_free(&b);
}

static void
text_next(struct buf *out, const struct packet *p, const struct words *w,
    const struct say *say)
{
	struct buf b = {0};
	char d[32];
	size_t i;

	text_heading(out, "WHAT TO DO NEXT");
	for (i = 0; i < p->nalerts; i++) {
		buf_reset(&b);
		BUF_LIT(&b, "- ");
		if (p->alerts[i].on != DAY_NONE)
			buf_printf(&b, "%s: ", hdate(p->alerts[i].on, d));
		view_alert_text(&p->alerts[i], p, w->c, w->s, &b);
		wrap(out, b.data, 0, 2);
	}
	if (p->nalerts == 0)
		wrap(out, say->no_alerts, 0, 0);
	buf_free(&b);
}

void
view_text(const struct packet *p, const struct catalog *c,
    const struct paths *pt, const struct config *s, struct buf *out)
{
	const struct employee *e = &p->h->emp;
	struct words w = { p, c, s };
	struct arena a = {0};
	struct buf b = {0};
	size_t i, from = out->len;
	struct say say;
	char d[32];

	say_all(&w, &a, &say);
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
	text_field(out, "Unit", e->unit ? e->unit : "none recorded");
	text_next(out, p, &w, &say);
	text_heading(out, "ELIGIBILITY AND ENROLLMENT");
	text_paras(out, (const char *const []){ say.eligibility,
	    say.enrollment, say.application, say.probation }, 4);
	text_plan(out, p, &w);
	text_way(out, &w, pt, &a);
	if (p->ntargets > 0)
		text_heading(out, "YOUR TARGET TITLES");
	for (i = 0; i < p->ntargets; i++)
		text_target(out, &p->targets[i], &s->prog, p->as_of);
	if (p->profile == PROFILE_ILLINOIS)
		text_illinois(out, p, &say, &s->prog);
	text_contact(out, p, s);
	text_clean(out, from);
	buf_free(&b);
	arena_free(&a);
}

/* A site.yaml value that is there and not empty. */
static int
given(const char *s)
{
	return s != NULL && *s != '\0';
}

/* extern.h */
struct tv *
view_site(const struct config *s, struct arena *a)
{
	struct tv *v = tv_map(a), *c;

	tv_set(a, v, "title", tv_str(a, s->title));
	tv_set(a, v, "department", tv_str(a, s->department));
	c = tv_set(a, v, "contact", tv_map(a));
	tv_set(a, c, "name", tv_str(a, s->contact.name));
	tv_set(a, c, "phone", tv_str(a, s->contact.phone));
	tv_set(a, c, "email", tv_str(a, s->contact.email));
	tv_set(a, c, "office", tv_str(a, s->contact.office));
	tv_set(a, c, "reach", tv_bool(a, given(s->contact.phone) ||
	    given(s->contact.email) || given(s->contact.office)));
	return v;
}
