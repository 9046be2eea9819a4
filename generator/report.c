/*
 * report.c: the annual figures of rules.md ("Annual reporting") as the
 * rows of metrics.csv, the report bundle of cli.md (report.html with its
 * charts, metrics.csv, further CSV tables, SHA256SUMS, and with a
 * password the roster), and the offline bundle of the public site.
 *
 * Zips are made deterministic (shared/notes/deps.md): entries in a fixed
 * order, each with the same time (SOURCE_DATE_EPOCH, else the as-of
 * date), written under TZ=UTC0 because libzip stores local time, and
 * Unix permissions 0644.  AES-256 bundles cannot be: libzip salts each
 * entry at random.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <openssl/evp.h>
#include <zip.h>

#include "extern.h"
#include "records.h"

/* ---- the figures ------------------------------------------------------------ */

/* A whole number with thousands separators: "1,234". */
static void
fmt_count(struct buf *b, int64_t v)
{
	char digits[32];
	int n, i;

	if (v < 0) {
		buf_putc(b, '-');
		v = -v;
	}
	n = snprintf(digits, sizeof(digits), "%lld", (long long)v);
	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			buf_putc(b, ',');
		buf_putc(b, digits[i]);
	}
}

/*
 * Appends a row of section g; known 0: left empty in metrics.csv, and
 * "not recorded" for people unless the caller says why.  Returns it.
 */
static struct metric *
metric_add(struct metrics *m, enum metric_group g, enum metric_kind kind,
    const char *name, const char *label, int known, int64_t value)
{
	struct metric *x;
	struct buf b = {0};

	m->v = xreallocarray(m->v, m->n + 1, sizeof(*m->v));
	x = &m->v[m->n++];
	memset(x, 0, sizeof(*x));
	snprintf(x->name, sizeof(x->name), "%s", name);
	snprintf(x->label, sizeof(x->label), "%s", label);
	x->kind = kind;
	x->group = g;
	x->known = known;
	x->value = value;
	if (!known) {
		snprintf(x->shown, sizeof(x->shown), "not recorded");
		return x;
	}
	/* metrics.csv: cents and counts as plain numbers, percents with
	 * one decimal; for people, dollars and separators (rules.md). */
	if (kind == MK_PERCENT) {
		fmt_tenths(&b, value);
		snprintf(x->text, sizeof(x->text), "%s", b.data);
		BUF_LIT(&b, "%");
	} else {
		snprintf(x->text, sizeof(x->text), "%lld", (long long)value);
		if (kind == MK_CENTS)
			fmt_money(&b, value, 1);
		else
			fmt_count(&b, value);
	}
	snprintf(x->shown, sizeof(x->shown), "%s", b.data);
	buf_free(&b);
	return x;
}

/* A count the figures always have. */
static void
count_add(struct metrics *m, enum metric_group g, const char *name,
    const char *label, long value)
{
	metric_add(m, g, MK_COUNT, name, label, 1, value);
}

/* A figure of the goals row (GC 19402): -1 when null or no row. */
static void
goal_add(struct metrics *m, const char *name, const char *label,
    long value)
{
	metric_add(m, MG_GOAL, MK_COUNT, name, label, value >= 0, value);
}

const struct goal *
report_goal(const struct program_rows *pr, int fy)
{
	size_t i;

	for (i = 0; pr != NULL && i < pr->ngoals; i++)
		if (pr->goals[i].fy == fy)
			return &pr->goals[i];
	return NULL;
}

static const struct budget *
budget_of(const struct program_rows *pr, int fy)
{
	size_t i;

	for (i = 0; pr != NULL && i < pr->nbudgets; i++)
		if (pr->budgets[i].fy == fy)
			return &pr->budgets[i];
	return NULL;
}

void
money_overflow(struct diag *d, int fy)
{
	char fyn[8];

	date_fy_name(fy, fyn);
	diag_msg(d, DIAG_ERROR, "records: the money of fiscal year %s adds "
	    "up to more than umpress can count (92,233,720,368,547,758.07 "
	    "dollars): a row holds a wrong amount", fyn);
}

/* A share of the training budget (rules.md: "rounded half up to one
 * decimal") of part, -1 when part is not known. */
static void
share_add(struct metrics *m, const char *name, const char *label,
    int64_t part, const struct budget *bu)
{
	int known = part >= 0 && bu != NULL && bu->training_budget_cents > 0;
	struct metric *x;

	x = metric_add(m, MG_MONEY, MK_PERCENT, name, label, known, known ?
	    ratio_tenths(part, bu->training_budget_cents) : 0);
	if (part >= 0 && bu != NULL && bu->training_budget_cents == 0)
		snprintf(x->shown, sizeof(x->shown), "cannot be computed: the "
		    "budget is $0.00");
}

/* Illinois only: the year's courses, exams and grades (rules.md). */
static void
illinois_add(struct metrics *m, const struct project *p,
    const struct fy_figures *f)
{
	char name[96], label[128];
	size_t i;

	count_add(m, MG_COURSES, "courses_taken", "Courses taken",
	    f->courses_taken);
	count_add(m, MG_COURSES, "courses_completed", "Courses completed",
	    f->courses_completed);
	count_add(m, MG_COURSES, "courses_dropped", "Courses dropped",
	    f->courses_dropped);
	count_add(m, MG_COURSES, "courses_failed", "Courses failed",
	    f->courses_failed);
	count_add(m, MG_COURSES, "exams_taken", "Proficiency exams taken",
	    f->exams_taken);
	count_add(m, MG_COURSES, "grades_issued", "Promotional grades issued",
	    f->grades_issued);
	for (i = 0; i < p->catalog.ntitles; i++) {
		if (f->grades_by_title[i] == 0)
			continue;
		snprintf(name, sizeof(name), "grades_issued_%s",
		    p->catalog.titles[i].code);
		snprintf(label, sizeof(label), "Grades issued: %s",
		    p->catalog.titles[i].name);
		count_add(m, MG_COURSES, name, label, f->grades_by_title[i]);
	}
}

/*
 * The appointments of the three years by the category of the title
 * appointed to, for the chart and appointments.csv: FY's as rule_fy_add
 * counted them, the two years before from the per-title counts by the
 * same rule (the title's Category); the rest are other titles.
 */
static void
by_category(struct metrics *m, const struct project *p,
    const struct fy_figures *f)
{
	const struct catalog *c = &p->catalog;
	enum title_cat cat;
	long *by, n;
	size_t i;
	int y;

	for (i = 0; i < c->ntitles; i++)
		m->categories |= c->titles[i].category == CAT_ELTPA ||
		    c->titles[i].category == CAT_BRIDGING;
	for (y = 1; y < 3 && f->appointments_by_title != NULL; y++)
		for (i = 0; i < c->ntitles; i++) {
			n = f->appointments_by_title[(size_t)y * c->ntitles + i];
			cat = c->titles[i].category;
			m->by_category[y][0] += cat == CAT_ELTPA ? n : 0;
			m->by_category[y][1] += cat == CAT_BRIDGING ? n : 0;
		}
	m->by_category[0][0] = f->appointments_eltpa;
	m->by_category[0][1] = f->appointments_bridging;
	for (y = 0; y < 3; y++) {
		by = m->by_category[y];
		by[2] = f->appointments[y] - by[0] - by[1];
		by[2] = by[2] < 0 ? 0 : by[2];
	}
}

/* Three years of appointments, FY's by category (rules.md 2026-12-04). */
static void
appointments_add(struct metrics *m, const struct project *p,
    const struct fy_figures *f)
{
	char name[64], fyn[8], label[96];
	int y;

	for (y = 0; y < 3; y++) {
		date_fy_name(f->fy - y, fyn);
		snprintf(name, sizeof(name), "appointments_%s", fyn);
		snprintf(label, sizeof(label), "Appointments through the "
		    "program in %s", fyn);
		count_add(m, MG_APPOINTMENTS, name, label, f->appointments[y]);
	}
	by_category(m, p, f);
}

void
metrics_make(struct metrics *m, const struct project *p,
    const struct fy_figures *f, const struct program_rows *pr)
{
	const struct goal *g = report_goal(pr, f->fy);
	const struct budget *bu = budget_of(pr, f->fy);
	int64_t spent = f->course_spent_cents;
	char fyn[8], label[96];
	struct metric *x;
	size_t i;

	memset(m, 0, sizeof(*m));
	m->fy = f->fy;
	m->illinois = p->conf.profile == PROFILE_ILLINOIS;
	m->apps_other = f->applicants - f->selected - f->waiting_list;
	m->timetable = g != NULL && g->timetable != NULL && *g->timetable ?
	    g->timetable : NULL;
	m->counted_on = date_fy(p->as_of) == f->fy ? p->as_of :
	    date_fy_end(f->fy);
	date_fy_name(f->fy, fyn);
	/* GC 19402: the goal comes from the goals table. */
	goal_add(m, "expected_appointments", "Expected appointments (the "
	    "goal)", g ? g->expected_appointments : -1);
	count_add(m, MG_EMPLOYEES, "eligible_employees", "Eligible employees",
	    f->eligible_employees);
	count_add(m, MG_EMPLOYEES, "participating_employees", "Participating "
	    "employees", f->participating_employees);
	appointments_add(m, p, f);
	for (i = 0; pr != NULL && i < pr->nspending; i++)
		if (pr->spending[i].fy == f->fy &&
		    !money_add(&spent, pr->spending[i].amount_cents))
			m->overflow = 1;
	metric_add(m, MG_MONEY, MK_CENTS, "spent_cents", "Money spent on the "
	    "program", !m->overflow, spent);
	metric_add(m, MG_MONEY, MK_CENTS, "training_budget_cents", "Training "
	    "budget", bu != NULL, bu ? bu->training_budget_cents : 0);
	share_add(m, "um_share_percent", "Money spent as a share of the "
	    "training budget", m->overflow ? -1 : spent, bu);
	if (p->conf.profile == PROFILE_ILLINOIS)
		illinois_add(m, p, f);
	/* CA "Approval of Upward Mobility Program Efforts and Goals": the
	 * amount and share of the training budget assigned to UM. */
	metric_add(m, MG_MONEY, MK_CENTS, "um_assigned_cents", "Training "
	    "budget assigned to upward mobility", bu != NULL &&
	    bu->um_assigned_cents >= 0, bu ? bu->um_assigned_cents : 0);
	share_add(m, "um_assigned_percent", "Share of the training budget "
	    "assigned to upward mobility", bu ? bu->um_assigned_cents : -1, bu);
	snprintf(label, sizeof(label), "Appointments in %s to ELTPA "
	    "classifications", fyn);
	count_add(m, MG_APPOINTMENTS, "appointments_eltpa", label,
	    f->appointments_eltpa);
	snprintf(label, sizeof(label), "Appointments in %s to bridging "
	    "classifications", fyn);
	count_add(m, MG_APPOINTMENTS, "appointments_bridging", label,
	    f->appointments_bridging);
	/* GC 19402: the goal's basis. */
	goal_add(m, "anticipated_openings", "Anticipated appointment "
	    "opportunities", g ? g->anticipated_openings : -1);
	goal_add(m, "qualified_candidates", "Qualified candidates eligible "
	    "for appointment", g ? g->qualified_candidates : -1);
	count_add(m, MG_SELECTION, "applicants", m->illinois ? "Applications "
	    "in the registration periods" : "Applications", f->applicants);
	count_add(m, MG_SELECTION, "selected", "Applicants selected",
	    f->selected);
	count_add(m, MG_SELECTION, "waiting_list", "Applicants on a waiting "
	    "list", f->waiting_list);
	/* C5 and C6 are Illinois rules (rules.md, the profiles): California
	 * withdraws no one by them, so there is nothing to count. */
	x = metric_add(m, MG_EMPLOYEES, MK_COUNT, "withdrawal_candidates",
	    "Participants who may be withdrawn (classes dropped or failed, "
	    "or years without a class)", p->conf.profile == PROFILE_ILLINOIS,
	    f->withdrawal_candidates);
	if (!x->known)
		snprintf(x->shown, sizeof(x->shown), "not counted (no such "
		    "rule in the California guidelines)");
}

void
metrics_free(struct metrics *m)
{
	free(m->v);
	memset(m, 0, sizeof(*m));
}

static const struct metric *
metric_get(const struct metrics *m, const char *name)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		if (strcmp(m->v[i].name, name) == 0)
			return &m->v[i];
	return NULL;
}

/* ---- the view of report.html and of the public results page -------------- */

/* One bar of one figure: its text the value as people read it, then
 * one (after a 1) or many; an unknown figure is a bar of 0 that says
 * why. */
static void
bar_of(struct chart_bar *bar, const struct metrics *m, const char *name,
    const char *label, const char *one, const char *many,
    enum chart_fill fill)
{
	const struct metric *x = metric_get(m, name);

	memset(bar, 0, sizeof(*bar));
	snprintf(bar->label, sizeof(bar->label), "%s", label);
	bar->fill[0] = fill;
	if (x == NULL)
		return;
	bar->value[0] = x->known ? (double)x->value : 0;
	snprintf(bar->text, sizeof(bar->text), "%s%s", x->shown, !x->known ?
	    "" : x->value == 1 ? one : many);
}

/* The report's own year is not over on the as-of date: its figures are
 * the year so far, and say so (a partial year is not a drop). */
static int
fy_partial(const struct metrics *m)
{
	return m->counted_on < date_fy_end(m->fy);
}

/*
 * Three years of appointments, each bar split by the category of the
 * title appointed to where the catalog has categories (California's
 * ELTPA and bridging classifications), and the year's goal.
 */
static void
chart_appointments(struct buf *b, const struct metrics *m, const char *pfx)
{
	static const struct chart_key keys[] = { { FILL_SOLID, "ELTPA" },
	    { FILL_HATCH, "bridging" }, { FILL_OPEN, "other titles" } };
	struct chart_bar bars[4];
	const long *by;
	char id[64], fyn[8];
	long n;
	int y, k;

	memset(bars, 0, sizeof(bars));
	for (y = 2; y >= 0; y--) {
		by = m->by_category[y];
		date_fy_name(m->fy - y, fyn);
		snprintf(bars[2 - y].label, sizeof(bars[0].label), "%s", fyn);
		for (k = 0; k < 3; k++) {
			bars[2 - y].value[k] = (double)by[k];
			bars[2 - y].fill[k] = m->categories ? keys[k].fill :
			    FILL_SOLID;
		}
		n = by[0] + by[1] + by[2];
		snprintf(bars[2 - y].text, sizeof(bars[0].text), "%ld "
		    "appointment%s%s", n, n == 1 ? "" : "s", y == 0 &&
		    fy_partial(m) ? " so far" : "");
		if (m->categories)
			snprintf(bars[2 - y].desc, sizeof(bars[0].desc), "%ld "
			    "appointment%s: %ld ELTPA, %ld bridging, %ld other "
			    "titles", n, n == 1 ? "" : "s", by[0], by[1],
			    by[2]);
	}
	date_fy_name(m->fy, fyn);
	bar_of(&bars[3], m, "expected_appointments", "", " expected",
	    " expected", FILL_DASHED);
	snprintf(bars[3].label, sizeof(bars[3].label), "Goal for %s", fyn);
	snprintf(id, sizeof(id), "%s-appointments", pfx);
	chart_bars(b, id, m->categories ? "Appointments through the program "
	    "by category, three years, and this year's goal" : "Appointments "
	    "through the program, three years, and this year's goal", bars, 4,
	    keys, m->categories ? 3 : 0);
}

static void
chart_employees(struct buf *b, const struct metrics *m, const char *pfx)
{
	struct chart_bar bars[2];
	char id[64];

	bar_of(&bars[0], m, "eligible_employees", "Eligible", " employee",
	    " employees", FILL_HATCH);
	bar_of(&bars[1], m, "participating_employees", "Participating",
	    " employee", " employees", FILL_SOLID);
	snprintf(id, sizeof(id), "%s-participation", pfx);
	chart_bars(b, id, "Eligible and participating employees", bars, 2,
	    NULL, 0);
}

static void
chart_selection(struct buf *b, const struct metrics *m, const char *pfx)
{
	struct chart_bar bars[3];
	char id[64];

	bar_of(&bars[0], m, "applicants", "Applications", "", "", FILL_HATCH);
	bar_of(&bars[1], m, "selected", "Selected", "", "", FILL_SOLID);
	bar_of(&bars[2], m, "waiting_list", "Waiting list", "", "",
	    FILL_OPEN);
	snprintf(id, sizeof(id), "%s-selection", pfx);
	chart_bars(b, id, m->illinois ? "Applications in the registration "
	    "periods, the applicants selected and those on the waiting list" :
	    "Applications and the applicants selected", bars, m->illinois ?
	    3 : 2, NULL, 0);
}

/* What the applications neither selected nor waiting were, so that the
 * figures add up for the reader ("" when there are none). */
static const char *
other_words(const struct metrics *m, struct arena *a)
{
	if (m->apps_other <= 0)
		return "";
	return tv_strf(a, m->illinois ? " The other %ld application%s came "
	    "from employees who were not eligible (Illinois guidelines IV)." :
	    " The other %ld application%s were not selected, not approved by "
	    "the supervisor, not eligible, or still wait for the "
	    "coordinator's decision.", m->apps_other, m->apps_other == 1 ?
	    "" : "s")->str;
}

static void
chart_money(struct buf *b, const struct metrics *m, const char *pfx)
{
	struct chart_bar bars[3];
	char id[64];

	bar_of(&bars[0], m, "training_budget_cents", "Training budget", "",
	    "", FILL_HATCH);
	bar_of(&bars[1], m, "um_assigned_cents", "Assigned to UM", "", "",
	    FILL_OPEN);
	bar_of(&bars[2], m, "spent_cents", "Spent", "", "", FILL_SOLID);
	snprintf(id, sizeof(id), "%s-money", pfx);
	chart_bars(b, id, "The training budget, the part of it assigned to "
	    "upward mobility, and the money spent", bars, 3, NULL, 0);
}

/* The appointments section's three years by category, oldest first
 * (years), when the catalog has categories; else null. */
static struct tv *
by_category_view(const struct metrics *m, enum metric_group g,
    struct arena *a)
{
	struct tv *v, *l, *it;
	const long *by;
	char fyn[8];
	int y;

	if (g != MG_APPOINTMENTS || !m->categories)
		return tv_null(a);
	v = tv_map(a);
	l = tv_set(a, v, "years", tv_list(a));
	for (y = 2; y >= 0; y--) {
		by = m->by_category[y];
		date_fy_name(m->fy - y, fyn);
		it = tv_push(a, l, tv_map(a));
		tv_set(a, it, "year", y == 0 && fy_partial(m) ?
		    tv_strf(a, "%s, so far", fyn) : tv_str(a, fyn));
		tv_set(a, it, "eltpa", tv_strf(a, "%ld", by[0]));
		tv_set(a, it, "bridging", tv_strf(a, "%ld", by[1]));
		tv_set(a, it, "other", tv_strf(a, "%ld", by[2]));
		tv_set(a, it, "all", tv_strf(a, "%ld", by[0] + by[1] + by[2]));
	}
	return v;
}

/* A section's heading, what it counts in words, and its chart. */
static void
group_view(struct tv *gv, const struct metrics *m, enum metric_group g,
    const char *pfx, struct arena *a, struct buf *chart)
{
	static const char *const ids[MG__COUNT] = { "goal", "appointments",
	    "employees", "selection", "money", "courses" };
	static const char *const heads[MG__COUNT] = { "The goal and its "
	    "basis", "Appointments through the program", "Eligible and "
	    "participating employees", "Registration and selection", "Money",
	    "Courses, exams and grades" };
	const char *cat_words;
	char fyn[8], day[32];

	date_fy_name(m->fy, fyn);
	date_human(m->counted_on, day);
	tv_set(a, gv, "id", tv_str(a, ids[g]));
	tv_set(a, gv, "heading", tv_str(a, heads[g]));
	tv_set(a, gv, "goal", tv_bool(a, g == MG_GOAL));
	tv_set(a, gv, "by_category", by_category_view(m, g, a));
	switch (g) {
	case MG_GOAL:
		/* The template words it, by profile. */
		tv_set(a, gv, "intro", tv_null(a));
		break;
	case MG_APPOINTMENTS:
		cat_words = m->categories ? ", by the category of the "
		    "classification appointed to" : "";
		tv_set(a, gv, "intro", fy_partial(m) ? tv_strf(a,
		    "Appointments through the program in %s and the two "
		    "years before it%s. %s has not ended: its figure counts "
		    "the appointments through %s.", fyn, cat_words, fyn, day) :
		    tv_strf(a, "Appointments through the program in %s and the "
		    "two years before it%s.", fyn, cat_words));
		chart_appointments(chart, m, pfx);
		break;
	case MG_EMPLOYEES:
		tv_set(a, gv, "intro", tv_strf(a, "Employees eligible for the "
		    "program on %s, and those whose enrollment was active on "
		    "some day of %s.", day, fyn));
		chart_employees(chart, m, pfx);
		break;
	case MG_SELECTION:
		/* The figures are rules.md's; the words say what the others
		 * were, so that the counts add up for the reader.  California
		 * has no registration periods or waiting list: the
		 * coordinator decides each application (CA "Selection"). */
		tv_set(a, gv, "intro", tv_strf(a, m->illinois ? "The "
		    "registration periods whose last day falls in %s: every "
		    "application, eligible or not, the applicants selected, "
		    "and those on the waiting list.%s" : "The applications "
		    "of the months whose last day falls in %s, and the "
		    "applicants the coordinator selected (California has no "
		    "waiting list).%s", fyn, other_words(m, a)));
		chart_selection(chart, m, pfx);
		break;
	case MG_MONEY:
		tv_set(a, gv, "intro", tv_strf(a, "Money spent: what the "
		    "program paid for the courses starting in %s (tuition and "
		    "fees less outside aid) and its other spending of the "
		    "year.", fyn));
		chart_money(chart, m, pfx);
		break;
	case MG_COURSES:
	case MG__COUNT:
		tv_set(a, gv, "intro", tv_strf(a, "Courses starting in %s "
		    "(labs left out), and the exams taken and grades issued "
		    "in it.", fyn));
		break;
	}
}

/* One row: name, label and the value as a reader sees it. */
static struct tv *
row_view(const struct metric *x, struct arena *a)
{
	struct tv *it = tv_map(a);

	tv_set(a, it, "name", tv_str(a, x->name));
	tv_set(a, it, "label", tv_str(a, x->label));
	tv_set(a, it, "value", tv_str(a, x->shown));
	return it;
}

struct tv *
metrics_view(const struct metrics *m, struct arena *a, const char *pfx)
{
	struct tv *v = tv_map(a), *all, *groups, *gv, *rows = NULL;
	struct buf b = {0}, charts = {0};
	char fyn[8];
	size_t i;
	int g;

	date_fy_name(m->fy, fyn);
	tv_set(a, v, "fiscal_year", tv_str(a, fyn));
	/* GC 19402: the goal comes with a timetable. */
	tv_set(a, v, "timetable", tv_str(a, m->timetable));
	all = tv_set(a, v, "metrics", tv_list(a));
	for (i = 0; i < m->n; i++)
		tv_push(a, all, row_view(&m->v[i], a));
	groups = tv_set(a, v, "groups", tv_list(a));
	/* The sections in their order; in each, its rows in the order of
	 * metrics.csv.  A section without rows (courses, in California)
	 * is left out. */
	for (g = 0; g < MG__COUNT; g++) {
		gv = NULL;
		for (i = 0; i < m->n; i++) {
			if (m->v[i].group != (enum metric_group)g)
				continue;
			if (gv == NULL) {
				gv = tv_push(a, groups, tv_map(a));
				group_view(gv, m, (enum metric_group)g, pfx,
				    a, &b);
				tv_set(a, gv, "chart", b.len > 0 ? tv_str(a,
				    b.data) : tv_null(a));
				if (b.len > 0)
					buf_put(&charts, b.data, b.len);
				buf_reset(&b);
				rows = tv_set(a, gv, "metrics", tv_list(a));
			}
			tv_push(a, rows, row_view(&m->v[i], a));
		}
	}
	tv_set(a, v, "charts", tv_str(a, charts.data ? charts.data : ""));
	buf_free(&b);
	buf_free(&charts);
	return v;
}

/* ---- the bundle's files ------------------------------------------------------ */

/* One entry of a zip: a name at the root and its bytes. */
struct entry {
	const char	*name;
	struct buf	 data;
};

static void
metrics_csv(struct buf *b, const struct metrics *m)
{
	size_t i;

	BUF_LIT(b, "metric,value\n");
	for (i = 0; i < m->n; i++)
		buf_printf(b, "%s,%s\n", m->v[i].name, m->v[i].known ?
		    m->v[i].text : "");
}

/* The three years, oldest first: appointments through the program, the
 * year's goal (empty without a goals row), and how many were to ELTPA
 * and to bridging classifications. */
static void
appointments_csv(struct buf *b, const struct metrics *m,
    const struct program_rows *pr)
{
	const struct goal *g;
	const long *by;
	char fyn[8];
	int y;

	BUF_LIT(b, "fiscal_year,appointments_via_program,"
	    "expected_appointments,appointments_eltpa,appointments_bridging\n");
	for (y = 2; y >= 0; y--) {
		date_fy_name(m->fy - y, fyn);
		by = m->by_category[y];
		g = report_goal(pr, m->fy - y);
		buf_printf(b, "%s,%ld,", fyn, by[0] + by[1] + by[2]);
		if (g != NULL)
			buf_printf(b, "%ld", g->expected_appointments);
		buf_printf(b, ",%ld,%ld\n", by[0], by[1]);
	}
}

/* The appointments through the program by year (oldest first) and the
 * title appointed to; titles with none that year are left out. */
static void
appointments_by_title_csv(struct buf *b, const struct project *p,
    const struct fy_figures *f)
{
	const struct title *t;
	char fyn[8];
	size_t i, nt = p->catalog.ntitles;
	long n;
	int y;

	BUF_LIT(b, "fiscal_year,code,title,appointments_via_program\n");
	for (y = 2; y >= 0; y--) {
		date_fy_name(f->fy - y, fyn);
		for (i = 0; i < nt; i++) {
			if ((n = f->appointments_by_title[(size_t)y * nt + i])
			    == 0)
				continue;
			t = &p->catalog.titles[i];
			buf_printf(b, "%s,", fyn);
			esc_csv(b, t->code, strlen(t->code));
			buf_putc(b, ',');
			esc_csv(b, t->name, strlen(t->name));
			buf_printf(b, ",%ld\n", n);
		}
	}
}

static void
courses_csv(struct buf *b, const struct fy_figures *f)
{
	BUF_LIT(b, "status,courses\n");
	buf_printf(b, "taken,%ld\ncompleted,%ld\ndropped,%ld\n"
	    "failed,%ld\n", f->courses_taken, f->courses_completed,
	    f->courses_dropped, f->courses_failed);
}

static void
grades_csv(struct buf *b, const struct project *p, const struct fy_figures *f)
{
	const struct title *t;
	size_t i;

	BUF_LIT(b, "code,title,grades_issued\n");
	for (i = 0; i < p->catalog.ntitles; i++) {
		if (f->grades_by_title[i] == 0)
			continue;
		t = &p->catalog.titles[i];
		esc_csv(b, t->code, strlen(t->code));
		buf_putc(b, ',');
		esc_csv(b, t->name, strlen(t->name));
		buf_printf(b, ",%ld\n", f->grades_by_title[i]);
	}
}

static int
sha256_hex(const struct buf *b, char out[65])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n = 0, i;

	if (!EVP_Digest(b->data ? b->data : "", b->len, md, &n, EVP_sha256(),
	    NULL) || n != 32)
		return 0;
	for (i = 0; i < n; i++)
		snprintf(out + 2 * i, 3, "%02x", md[i]);
	return 1;
}

/* ---- zips ----------------------------------------------------------------- */

/* The time of every entry: SOURCE_DATE_EPOCH, else the as-of date. */
static time_t
zip_time(day_t as_of)
{
	const char *e = getenv("SOURCE_DATE_EPOCH");
	char *end;
	long long t;

	if (e != NULL && *e) {
		errno = 0;
		t = strtoll(e, &end, 10);
		if (errno == 0 && *end == '\0' && t >= 315532800LL)
			return (time_t)t;	/* zip times start in 1980 */
	}
	return (time_t)as_of * 86400;
}

/*
 * Writes the entries to a new zip at path, in their order; with a
 * password each is AES-256 encrypted.  0 on failure (reported).
 */
static int
zip_write(const char *path, const char *display, struct entry *es,
    size_t n, time_t when, const char *password, struct diag *d)
{
	zip_t *za;
	zip_source_t *src;
	zip_int64_t idx;
	int err = 0;
	size_t i;

	/* libzip writes DOS times in local time (deps.md). */
	setenv("TZ", "UTC0", 1);
	tzset();
	unlink(path);
	if ((za = zip_open(path, ZIP_CREATE | ZIP_EXCL, &err)) == NULL) {
		diag_file(d, DIAG_ERROR, display, 0, "cannot make a zip "
		    "(libzip error %d)", err);
		return 0;
	}
	for (i = 0; i < n; i++) {
		src = zip_source_buffer(za, es[i].data.data ? es[i].data.data :
		    "", es[i].data.len, 0);
		if (src == NULL || (idx = zip_file_add(za, es[i].name, src,
		    ZIP_FL_ENC_UTF_8)) < 0) {
			zip_source_free(src);
			goto fail;
		}
		if (zip_file_set_mtime(za, (zip_uint64_t)idx, when, 0) < 0 ||
		    zip_file_set_external_attributes(za, (zip_uint64_t)idx, 0,
		    ZIP_OPSYS_UNIX, (zip_uint32_t)(0100644) << 16) < 0 ||
		    zip_set_file_compression(za, (zip_uint64_t)idx,
		    ZIP_CM_DEFLATE, 9) < 0)
			goto fail;
		if (password != NULL && zip_file_set_encryption(za,
		    (zip_uint64_t)idx, ZIP_EM_AES_256, password) < 0)
			goto fail;
	}
	/* zip_close is where the writing, and a full disk, happen. */
	if (zip_close(za) < 0)
		goto fail;
	return 1;
fail:
	diag_file(d, DIAG_ERROR, display, 0, "cannot write the zip: %s",
	    zip_strerror(za));
	zip_discard(za);
	unlink(path);
	return 0;
}

/* ---- the report bundle -------------------------------------------------------- */

/*
 * The narrative's HTML with its headings one level down (<h3> for its
 * "##"): it sits under the report's "Good-faith efforts" heading.  The
 * HTML is cmark-gfm's, so a heading tag is <hN> or <hN attributes>; an
 * <h6> stays.
 */
static void
narrative_html(struct buf *b, const char *html)
{
	const char *s = html, *q;

	while (*s != '\0') {
		buf_putc(b, *s);
		q = s + 1 + (s[1] == '/');
		if (*s++ != '<' || q[0] != 'h' || q[1] < '1' || q[1] > '5' ||
		    (q[2] != '>' && q[2] != ' '))
			continue;
		buf_put(b, s, (size_t)(q + 1 - s));
		buf_putc(b, q[1] + 1);
		s = q + 2;
	}
}

/*
 * What report.html says besides the figures: the site, the dates, the
 * profile, and the year's narrative of good-faith efforts from
 * content/reports/FY.md (CA "Approval of Upward Mobility Program Efforts
 * and Goals").
 */
static void
report_words(const struct project *p, const struct metrics *m,
    struct arena *a, struct tv *v)
{
	const struct narrative *nv = content_narrative(&p->content, m->fy);
	struct tv *st, *nt;
	struct buf b = {0};
	char d[32];

	st = tv_set(a, v, "site", tv_map(a));
	tv_set(a, st, "title", tv_str(a, p->conf.title));
	tv_set(a, st, "department", tv_str(a, p->conf.department));
	tv_set(a, v, "as_of", tv_date(a, p->as_of));
	date_human(p->as_of, d);
	tv_set(a, v, "as_of_text", tv_str(a, d));
	tv_set(a, v, "illinois", tv_bool(a, p->conf.profile ==
	    PROFILE_ILLINOIS));
	if (nv == NULL) {
		tv_set(a, v, "narrative", tv_null(a));
		return;
	}
	nt = tv_set(a, v, "narrative", tv_map(a));
	tv_set(a, nt, "title", tv_str(a, nv->pg.title));
	narrative_html(&b, nv->pg.html ? nv->pg.html : "");
	tv_set(a, nt, "html", tv_str(a, b.data ? b.data : ""));
	buf_free(&b);
}

/*
 * Fills the bundle's entries: report.html, the CSVs, the roster when
 * given, and SHA256SUMS last (over every other entry).  Returns the
 * number of entries; 0 when one cannot be made (reported).
 */
static size_t
bundle_entries(const struct project *p, const struct fy_figures *f,
    const struct program_rows *pr, const struct buf *roster,
    struct entry *es, struct diag *d)
{
	const struct tmpl *t = tmpl_get(p->tmpl, "report.html");
	struct metrics m;
	struct arena a = {0};
	struct tv *v;
	char hex[65];
	size_t n = 0, i;

	metrics_make(&m, p, f, pr);
	if (m.overflow)
		money_overflow(d, f->fy);
	es[n++].name = "report.html";
	v = metrics_view(&m, &a, "r");
	report_words(p, &m, &a, v);
	/* No bundle without its report (a template that did not load, or
	 * partials nested too deep, were reported). */
	if (m.overflow || t == NULL || !tmpl_render(t, v, &es[0].data)) {
		metrics_free(&m);
		arena_free(&a);
		return 0;
	}
	es[n].name = "metrics.csv";
	metrics_csv(&es[n++].data, &m);
	es[n].name = "appointments.csv";
	appointments_csv(&es[n++].data, &m, pr);
	es[n].name = "appointments-by-title.csv";
	appointments_by_title_csv(&es[n++].data, p, f);
	if (p->conf.profile == PROFILE_ILLINOIS) {
		es[n].name = "courses.csv";
		courses_csv(&es[n++].data, f);
		es[n].name = "grades.csv";
		grades_csv(&es[n++].data, p, f);
	}
	if (roster != NULL) {
		es[n].name = "roster.csv";
		buf_put(&es[n++].data, roster->data, roster->len);
	}
	es[n].name = "SHA256SUMS";
	for (i = 0; i < n; i++) {
		if (!sha256_hex(&es[i].data, hex)) {
			diag_msg(d, DIAG_ERROR, "SHA-256 failed (libcrypto)");
			n = 0;
			break;
		}
		buf_printf(&es[n].data, "%s  %s\n", hex, es[i].name);
	}
	metrics_free(&m);
	arena_free(&a);
	return n ? n + 1 : 0;
}

/* What a zip is made from: its time and its entries. */
static void
zip_input(const struct entry *es, size_t n, day_t as_of,
    const struct digest *more, struct digest *in)
{
	struct hash h;
	size_t i;

	hash_init(&h);
	hash_str(&h, "zip");
	hash_u64(&h, (uint64_t)(int64_t)as_of);
	if (more != NULL)
		hash_digest(&h, more);
	for (i = 0; i < n; i++) {
		hash_str(&h, es[i].name);
		hash_u64(&h, es[i].data.len);
		hash_put(&h, es[i].data.data, es[i].data.len);
	}
	hash_end(&h, in);
}

#define MAX_ENTRIES	10

static int
bundle_write(const struct project *p, const struct fy_figures *f,
    const struct program_rows *pr, const struct buf *roster,
    const char *path, const char *display, const char *password,
    struct diag *d)
{
	struct entry es[MAX_ENTRIES];
	size_t n, i;
	int ok;

	memset(es, 0, sizeof(es));
	n = bundle_entries(p, f, pr, roster, es, d);
	ok = n > 0 && zip_write(path, display, es, n, zip_time(p->as_of),
	    password, d);
	for (i = 0; i < MAX_ENTRIES; i++)
		buf_free(&es[i].data);
	return ok;
}

/* Whether the previous output's zip at rel has an encrypted entry:
 * umpress report --password-file made it. */
static int
old_encrypted(const struct out *out, const char *rel)
{
	char *path = out_old(out, rel);
	zip_int64_t i, n;
	zip_stat_t st;
	zip_t *za;
	int err, enc = 0;

	if ((za = zip_open(path, ZIP_RDONLY, &err)) != NULL) {
		n = zip_get_num_entries(za, 0);
		for (i = 0; i < n && !enc; i++)
			enc = zip_stat_index(za, (zip_uint64_t)i, 0, &st) == 0 &&
			    (st.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
			    st.encryption_method != ZIP_EM_NONE;
		zip_discard(za);
	}
	free(path);
	return enc;
}

/*
 * Keeps the encrypted bundle umpress report put in the output, and says
 * so: a build never writes its plain bundle over it (the roster would be
 * lost, and a reader expecting the encrypted one would get another).
 */
static int
keep_encrypted(struct out *out, const char *rel, struct diag *d)
{
	char *name = out_name(out, rel);
	int ok;

	if ((ok = out_keep_old(out, rel)))
		diag_file(d, DIAG_WARN, name, 0, "an encrypted bundle (umpress "
		    "report --password-file): kept, and not replaced by this "
		    "build's plain one; move it away to have the plain one");
	else
		diag_file(d, DIAG_ERROR, name, 0, "cannot keep this encrypted "
		    "bundle: %s", strerror(errno));
	free(name);
	return ok;
}

int
report_bundle(struct project *p, const struct fy_figures *f,
    const struct program_rows *pr, struct out *out, struct diag *d)
{
	struct entry es[MAX_ENTRIES];
	struct digest in;
	char fyn[8], *rel, *staged;
	size_t n, i;
	int ok;

	date_fy_name(f->fy, fyn);
	rel = xasprintf("reports/%s/umpress-report-%s.zip", fyn, fyn);
	if (out == NULL) {	/* check: make the entries, write nothing */
		memset(es, 0, sizeof(es));
		ok = bundle_entries(p, f, pr, NULL, es, d) > 0;
		for (i = 0; i < MAX_ENTRIES; i++)
			buf_free(&es[i].data);
		free(rel);
		return ok;
	}
	/* Made only when its entries changed (its input: the entries). */
	memset(es, 0, sizeof(es));
	n = bundle_entries(p, f, pr, NULL, es, d);
	zip_input(es, n, p->as_of, NULL, &in);
	ok = n > 0;
	if (ok && out_keep(out, rel, &in, OUT_PUBLIC))
		;	/* the previous output's, made of the same entries */
	else if (ok && old_encrypted(out, rel))
		ok = keep_encrypted(out, rel, d);
	else if (ok) {
		staged = out_path(out, rel, OUT_PUBLIC);
		ok = zip_write(staged, rel, es, n, zip_time(p->as_of), NULL,
		    d) && out_adopt(out, rel, OUT_PUBLIC, &in);
		free(staged);
	}
	for (i = 0; i < MAX_ENTRIES; i++)
		buf_free(&es[i].data);
	free(rel);
	return ok;
}

/* ---- umpress report FY ----------------------------------------------------- */

/*
 * The password: FILE's first line without its line ending (cli.md).  A
 * file others can read gets a warning.  NULL on failure (reported).
 */
static char *
password_read(const char *file, struct diag *d)
{
	struct buf b = {0};
	struct stat st;
	char *nl;

	if (!file_read(file, &b)) {
		diag_file(d, DIAG_ERROR, file, 0, "cannot read the password "
		    "file: %s", strerror(errno));
		buf_free(&b);
		return NULL;
	}
	buf_putc(&b, '\0');
	if ((nl = strpbrk(b.data, "\r\n")) != NULL)
		*nl = '\0';
	if (*b.data == '\0') {
		diag_file(d, DIAG_ERROR, file, 1, "the password (the first "
		    "line) is empty");
		buf_free(&b);
		return NULL;
	}
	if (stat(file, &st) == 0 && (st.st_mode & 077))
		diag_file(d, DIAG_WARN, file, 0, "the password file can be "
		    "read by others (chmod 600 %s)", file);
	return buf_detach(&b);
}

/* One roster line: id, name, class, enrollment status, targets, grades. */
static void
roster_add(struct buf *b, const struct project *p, const struct history *h,
    struct arena *a)
{
	static const char *const st[] = { "active", "suspended",
	    "withdrawn" };
	struct packet pkt;
	struct buf f = {0};
	size_t i;

	rule_packet(h, &p->catalog, &p->conf.prog, p->conf.profile, p->as_of,
	    a, &pkt);
	if (pkt.enrollment == NULL && !pkt.eligible)
		return;
	esc_csv(b, h->emp.id, strlen(h->emp.id));
	buf_putc(b, ',');
	esc_csv(b, h->emp.name, strlen(h->emp.name));
	buf_putc(b, ',');
	esc_csv(b, h->emp.class_code, strlen(h->emp.class_code));
	buf_printf(b, ",%s,", pkt.enrollment ? st[pkt.enrollment->status] :
	    "");
	for (i = 0; i < pkt.ntargets; i++)
		buf_printf(&f, "%s%s", i ? " " : "", pkt.targets[i].t->class_code);
	esc_csv(b, f.data ? f.data : "", f.len);
	buf_putc(b, ',');
	buf_reset(&f);
	for (i = 0; i < pkt.ntargets; i++)
		if (pkt.targets[i].grade != NULL)
			buf_printf(&f, "%s%s:%c", f.len ? " " : "",
			    pkt.targets[i].t->class_code,
			    pkt.targets[i].grade->grade);
	esc_csv(b, f.data ? f.data : "", f.len);
	BUF_LIT(b, "\n");
	buf_free(&f);
}

/* Reads every employee for the figures of fy (and the roster). */
static int
report_scan(const struct project *p, struct records *r,
    struct fy_figures *f, struct buf *roster)
{
	struct rec_scan *sc = rec_scan_new(r, &p->catalog,
	    p->conf.profile);
	struct arena a = {0};
	struct history h;
	int bad, nbad = 0;

	if (roster != NULL)
		BUF_LIT(roster, "id,name,class,enrollment_status,targets,"
		    "grades\n");
	while (rec_scan_next(sc, &a, &h, &bad)) {
		nbad += bad;
		if (bad == 0) {
			rule_fy_add(&h, &p->catalog, &p->conf.prog,
			    p->conf.profile, p->as_of, f);
			if (roster != NULL)
				roster_add(roster, p, &h, &a);
		}
		arena_reset(&a);
	}
	nbad += rec_scan_failed(sc);
	rec_scan_free(sc);
	arena_free(&a);
	return nbad == 0;
}

/* What out_single() hands the bundle's writer. */
struct bundle_job {
	const struct project	*p;
	const struct fy_figures	*f;
	const struct program_rows *pr;
	const struct buf	*roster;	/* NULL: without the roster */
	const char		*password;	/* NULL: plain */
	struct diag		*d;
};

static int
bundle_job_write(const char *tmp, const char *shown, void *arg)
{
	struct bundle_job *j = arg;

	return bundle_write(j->p, j->f, j->pr, j->roster, tmp, shown,
	    j->password, j->d);
}

/* The registration periods' counts for the figures (rules.md:
 * applicants, selected, waiting_list), from the selection a build makes
 * (selection.c). */
static int
report_selection(const struct project *p, struct records *r,
    const struct program_rows *pr, struct fy_figures *f, struct diag *d)
{
	struct selection *sel = selection_run(p, r, pr, NULL, d);

	if (sel == NULL)
		return 0;
	selection_figures(sel, f);
	selection_free(sel);
	return 1;
}

/*
 * A fiscal year the records say nothing of: no one took part, nothing
 * was appointed, taken, issued or applied for, and no goal, budget or
 * spending row names it (a year typed wrong, or before the records
 * begin).  Eligible employees alone do not count: eligibility is read
 * from today's rows for any year.
 */
static int
fy_empty(const struct fy_figures *f, const struct program_rows *pr)
{
	size_t i;

	if (f->participating_employees || f->appointments[0] ||
	    f->course_spent_cents || f->courses_taken || f->exams_taken ||
	    f->grades_issued || f->applicants)
		return 0;
	for (i = 0; i < pr->ngoals; i++)
		if (pr->goals[i].fy == f->fy)
			return 0;
	for (i = 0; i < pr->nbudgets; i++)
		if (pr->budgets[i].fy == f->fy)
			return 0;
	for (i = 0; i < pr->nspending; i++)
		if (pr->spending[i].fy == f->fy)
			return 0;
	return 1;
}

int
report_command(struct project *p, struct records *r, int fy,
    const char *outdir, const char *password_file, struct diag *d)
{
	struct fy_figures f;
	struct program_rows pr;
	struct bundle_job j;
	struct arena a = {0};
	struct buf roster = {0};
	char fyn[8], *path, *shown, *pw = NULL;
	int ok;

	if (password_file != NULL && (pw = password_read(password_file, d)) ==
	    NULL)
		return 0;
	fy_figures_init(&f, fy, p->catalog.ntitles);
	date_fy_name(fy, fyn);
	/* Without --out, into the output's reports/FY/ (cli.md). */
	path = outdir ? xasprintf("umpress-report-%s.zip", fyn) :
	    xasprintf("reports/%s/umpress-report-%s.zip", fyn, fyn);
	ok = rec_program(r, &a, &pr) && report_scan(p, r, &f, pw ? &roster :
	    NULL) && report_selection(p, r, &pr, &f, d);
	if (ok && fy_empty(&f, &pr))
		diag_msg(d, DIAG_WARN, "report %s: the records hold nothing "
		    "of fiscal year %s (no participation, appointment, course, "
		    "exam, grade, application, goal, budget or spending): its "
		    "figures are zeros", fyn, fyn);
	j.p = p;
	j.f = &f;
	j.pr = &pr;
	j.roster = pw ? &roster : NULL;
	j.password = pw;
	j.d = d;
	/* With the roster, personal data: private, 0600 (cli.md). */
	ok = ok && out_single(outdir ? outdir : "output", path, pw ?
	    OUT_PRIVATE : OUT_PUBLIC, bundle_job_write, &j, d);
	if (ok) {
		shown = xasprintf("%s/%s", outdir ? outdir : "output", path);
		printf("%s\n", shown);
		free(shown);
	}
	if (pw != NULL) {
		memset(pw, 0, strlen(pw));
		free(pw);
	}
	buf_free(&roster);
	fy_figures_free(&f);
	free(path);
	arena_free(&a);
	return ok;
}

/* ---- the site bundle ------------------------------------------------------ */

/*
 * bundles/site.zip: this build's site/ files.  Kept as it is when they
 * are (its input: their paths and digests), else read back and zipped.
 */
int
site_bundle(struct project *p, struct out *out, struct diag *d)
{
	const char *rel = "bundles/site.zip";
	const char **paths;
	struct entry *es;
	struct digest files, in;
	char *staged;
	size_t n, i;
	int ok = 1;

	if (out == NULL)
		return 1;
	n = out_files(out, "site/", &paths, &files);
	zip_input(NULL, 0, p->as_of, &files, &in);
	if (out_keep(out, rel, &in, OUT_PUBLIC)) {
		free(paths);
		return 1;
	}
	es = xcalloc(n + 1, sizeof(*es));
	for (i = 0; ok && i < n; i++) {
		es[i].name = paths[i];
		if (!(ok = out_read(out, paths[i], &es[i].data)))
			diag_file(d, DIAG_ERROR, paths[i], 0, "cannot read: "
			    "%s", strerror(errno));
	}
	staged = out_path(out, rel, OUT_PUBLIC);
	ok = ok && zip_write(staged, rel, es, n, zip_time(p->as_of), NULL, d) &&
	    out_adopt(out, rel, OUT_PUBLIC, &in);
	for (i = 0; i < n; i++)
		buf_free(&es[i].data);
	free(es);
	free(paths);
	free(staged);
	return ok;
}
