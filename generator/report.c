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

static void
metric_add(struct metrics *m, enum metric_kind kind, const char *name,
    const char *label, int known, int64_t value)
{
	struct metric *x;
	struct buf b = {0};

	m->v = xreallocarray(m->v, m->n + 1, sizeof(*m->v));
	x = &m->v[m->n++];
	memset(x, 0, sizeof(*x));
	snprintf(x->name, sizeof(x->name), "%s", name);
	snprintf(x->label, sizeof(x->label), "%s", label);
	x->kind = kind;
	x->known = known;
	x->value = value;
	if (!known) {
		snprintf(x->shown, sizeof(x->shown), "not recorded");
		return;
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
}

/* A figure of the goals row (GC 19402), or an unknown one. */
static void
goal_add(struct metrics *m, const char *name, const char *label,
    long value)
{
	metric_add(m, MK_COUNT, name, label, value >= 0, value);
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
 * decimal"), unknown without a budget above 0. */
static void
share_add(struct metrics *m, const char *name, const char *label,
    int known, int64_t part, const struct budget *bu)
{
	known = known && bu != NULL && bu->training_budget_cents > 0;
	metric_add(m, MK_PERCENT, name, label, known, known ?
	    ratio_tenths(part, bu->training_budget_cents) : 0);
}

/* Illinois only: the year's courses, exams and grades (rules.md). */
static void
illinois_add(struct metrics *m, const struct project *p,
    const struct fy_figures *f)
{
	char name[96], label[128];
	size_t i;

	metric_add(m, MK_COUNT, "courses_taken", "Courses taken", 1,
	    f->courses_taken);
	metric_add(m, MK_COUNT, "courses_completed", "Courses completed", 1,
	    f->courses_completed);
	metric_add(m, MK_COUNT, "courses_dropped", "Courses dropped", 1,
	    f->courses_dropped);
	metric_add(m, MK_COUNT, "courses_failed", "Courses failed", 1,
	    f->courses_failed);
	metric_add(m, MK_COUNT, "exams_taken", "Proficiency exams taken", 1,
	    f->exams_taken);
	metric_add(m, MK_COUNT, "grades_issued", "Promotional grades issued",
	    1, f->grades_issued);
	for (i = 0; i < p->catalog.ntitles; i++) {
		if (f->grades_by_title[i] == 0)
			continue;
		snprintf(name, sizeof(name), "grades_issued_%s",
		    p->catalog.titles[i].code);
		snprintf(label, sizeof(label), "Grades issued: %s",
		    p->catalog.titles[i].name);
		metric_add(m, MK_COUNT, name, label, 1, f->grades_by_title[i]);
	}
}

void
metrics_make(struct metrics *m, const struct project *p,
    const struct fy_figures *f, const struct program_rows *pr)
{
	const struct goal *g = report_goal(pr, f->fy);
	const struct budget *bu = budget_of(pr, f->fy);
	int64_t spent = f->course_spent_cents;
	char name[64], fyn[8], label[96];
	size_t i;
	int y;

	memset(m, 0, sizeof(*m));
	m->fy = f->fy;
	/* GC 19402: the goal comes from the goals table. */
	goal_add(m, "expected_appointments", "Expected appointments (the "
	    "goal)", g ? g->expected_appointments : -1);
	metric_add(m, MK_COUNT, "eligible_employees", "Eligible employees", 1,
	    f->eligible_employees);
	metric_add(m, MK_COUNT, "participating_employees", "Participating "
	    "employees", 1, f->participating_employees);
	for (y = 0; y < 3; y++) {
		date_fy_name(f->fy - y, fyn);
		snprintf(name, sizeof(name), "appointments_%s", fyn);
		snprintf(label, sizeof(label), "Appointments through the "
		    "program in %s", fyn);
		metric_add(m, MK_COUNT, name, label, 1, f->appointments[y]);
	}
	for (i = 0; pr != NULL && i < pr->nspending; i++)
		if (pr->spending[i].fy == f->fy &&
		    !money_add(&spent, pr->spending[i].amount_cents))
			m->overflow = 1;
	metric_add(m, MK_CENTS, "spent_cents", "Money spent on the program",
	    !m->overflow, spent);
	metric_add(m, MK_CENTS, "training_budget_cents", "Training budget",
	    bu != NULL, bu ? bu->training_budget_cents : 0);
	share_add(m, "um_share_percent", "Money spent as a share of the "
	    "training budget", !m->overflow, spent, bu);
	if (p->conf.profile == PROFILE_ILLINOIS)
		illinois_add(m, p, f);
	/* CA "Approval of Upward Mobility Program Efforts and Goals": the
	 * amount and share of the training budget assigned to UM. */
	metric_add(m, MK_CENTS, "um_assigned_cents", "Training budget "
	    "assigned to upward mobility", bu != NULL &&
	    bu->um_assigned_cents >= 0, bu ? bu->um_assigned_cents : 0);
	share_add(m, "um_assigned_percent", "Share of the training budget "
	    "assigned to upward mobility", bu != NULL &&
	    bu->um_assigned_cents >= 0, bu ? bu->um_assigned_cents : 0, bu);
	metric_add(m, MK_COUNT, "appointments_eltpa", "Appointments to ELTPA "
	    "classes", 1, f->appointments_eltpa);
	metric_add(m, MK_COUNT, "appointments_bridging", "Appointments to "
	    "bridging classes", 1, f->appointments_bridging);
	/* GC 19402: the goal's basis. */
	goal_add(m, "anticipated_openings", "Anticipated openings (the "
	    "goal's basis)", g ? g->anticipated_openings : -1);
	goal_add(m, "qualified_candidates", "Qualified candidates (the "
	    "goal's basis)", g ? g->qualified_candidates : -1);
	metric_add(m, MK_COUNT, "applicants", "Applicants in the "
	    "registration periods", 1, f->applicants);
	metric_add(m, MK_COUNT, "selected", "Applicants selected", 1,
	    f->selected);
	metric_add(m, MK_COUNT, "waiting_list", "Applicants on a waiting "
	    "list", 1, f->waiting_list);
	metric_add(m, MK_COUNT, "withdrawal_candidates", "Participants who "
	    "may be withdrawn", 1, f->withdrawal_candidates);
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

static void
money_text(char *out, size_t sz, int64_t cents)
{
	struct buf b = {0};

	fmt_money(&b, cents, 0);
	snprintf(out, sz, "%s", b.data);
	buf_free(&b);
}

/*
 * The appointments of the three years by the category of the title
 * appointed to (CA: appointments to ELTPA and bridging classes; the
 * rest counted apart): three bars a year, told apart by their fill.
 */
static void
chart_categories(struct buf *b, const struct project *p,
    const struct fy_figures *f, const char *pfx)
{
	static const char *const words[] = { "ELTPA", "bridging", "other" };
	struct chart_bar bars[9];
	char id[64], fyn[8];
	long n[3];
	size_t i, nt = p->catalog.ntitles;
	int y, k;

	memset(bars, 0, sizeof(bars));
	for (y = 2; y >= 0; y--) {
		n[0] = n[1] = n[2] = 0;
		for (i = 0; f->appointments_by_title != NULL && i < nt; i++) {
			k = p->catalog.titles[i].category == CAT_ELTPA ? 0 :
			    p->catalog.titles[i].category == CAT_BRIDGING ? 1 :
			    2;
			n[k] += f->appointments_by_title[(size_t)y * nt + i];
		}
		date_fy_name(f->fy - y, fyn);
		for (k = 0; k < 3; k++) {
			struct chart_bar *c = &bars[(2 - y) * 3 + k];

			snprintf(c->label, sizeof(c->label), "%s, %s", fyn,
			    words[k]);
			c->value = (double)n[k];
			c->hatched = k == 1;
			c->open = k == 2;
			snprintf(c->text, sizeof(c->text), "%ld", n[k]);
		}
	}
	snprintf(id, sizeof(id), "%s-categories", pfx);
	chart_bars(b, id, "Appointments through the program by the category "
	    "of the class appointed to, three years", bars, 9);
}

/* Whether the catalog names ELTPA or bridging classes (California's
 * categories: an Illinois appendix has none to split by). */
static int
has_categories(const struct catalog *c)
{
	size_t i;

	for (i = 0; i < c->ntitles; i++)
		if (c->titles[i].category == CAT_ELTPA ||
		    c->titles[i].category == CAT_BRIDGING)
			return 1;
	return 0;
}

/* The charts: appointments against the goal, money, participation,
 * and (with the figures of the year, f) appointments by category. */
static void
charts(struct buf *b, const struct metrics *m, const struct project *p,
    const struct fy_figures *f, const char *pfx)
{
	struct chart_bar bars[4];
	const struct metric *x, *g = metric_get(m, "expected_appointments");
	char id[64], fyn[8], name[64];
	int y;

	memset(bars, 0, sizeof(bars));
	for (y = 2; y >= 0; y--) {
		date_fy_name(m->fy - y, fyn);
		snprintf(name, sizeof(name), "appointments_%s", fyn);
		x = metric_get(m, name);
		snprintf(bars[2 - y].label, sizeof(bars[0].label), "%s", fyn);
		bars[2 - y].value = (double)x->value;
		snprintf(bars[2 - y].text, sizeof(bars[0].text), "%lld "
		    "appointments", (long long)x->value);
	}
	bars[3].hatched = 1;
	snprintf(bars[3].label, sizeof(bars[3].label), "Goal for %s",
	    (date_fy_name(m->fy, fyn), fyn));
	bars[3].value = g->known ? (double)g->value : 0;
	snprintf(bars[3].text, sizeof(bars[3].text), g->known ? "%lld "
	    "expected" : "no goal recorded", (long long)g->value);
	snprintf(id, sizeof(id), "%s-appointments", pfx);
	chart_bars(b, id, "Appointments through the program, three years, "
	    "and this year's goal", bars, 4);
	if (f != NULL && has_categories(&p->catalog))
		chart_categories(b, p, f, pfx);

	memset(bars, 0, sizeof(bars));
	x = metric_get(m, "spent_cents");
	snprintf(bars[0].label, sizeof(bars[0].label), "Spent");
	bars[0].value = (double)x->value;
	money_text(bars[0].text, sizeof(bars[0].text), x->value);
	x = metric_get(m, "um_assigned_cents");
	snprintf(bars[1].label, sizeof(bars[1].label), "Assigned to UM");
	bars[1].open = 1;
	bars[1].value = x->known ? (double)x->value : 0;
	if (x->known)
		money_text(bars[1].text, sizeof(bars[1].text), x->value);
	else
		snprintf(bars[1].text, sizeof(bars[1].text), "none recorded");
	x = metric_get(m, "training_budget_cents");
	snprintf(bars[2].label, sizeof(bars[2].label), "Training budget");
	bars[2].hatched = 1;
	bars[2].value = x->known ? (double)x->value : 0;
	if (x->known)
		money_text(bars[2].text, sizeof(bars[2].text), x->value);
	else
		snprintf(bars[2].text, sizeof(bars[2].text), "no budget "
		    "recorded");
	snprintf(id, sizeof(id), "%s-money", pfx);
	chart_bars(b, id, "Money spent by the program and assigned to it, "
	    "against the training budget", bars, 3);

	memset(bars, 0, sizeof(bars));
	x = metric_get(m, "eligible_employees");
	snprintf(bars[0].label, sizeof(bars[0].label), "Eligible");
	bars[0].value = (double)x->value;
	bars[0].hatched = 1;
	snprintf(bars[0].text, sizeof(bars[0].text), "%lld employees",
	    (long long)x->value);
	x = metric_get(m, "participating_employees");
	snprintf(bars[1].label, sizeof(bars[1].label), "Participating");
	bars[1].value = (double)x->value;
	snprintf(bars[1].text, sizeof(bars[1].text), "%lld employees",
	    (long long)x->value);
	snprintf(id, sizeof(id), "%s-participation", pfx);
	chart_bars(b, id, "Eligible and participating employees", bars, 2);
}

struct tv *
metrics_view(const struct metrics *m, const struct project *p,
    const struct fy_figures *f, struct arena *a, const char *pfx)
{
	struct tv *v = tv_map(a), *l, *it;
	struct buf b = {0};
	char fyn[8];
	size_t i;

	date_fy_name(m->fy, fyn);
	tv_set(a, v, "fiscal_year", tv_str(a, fyn));
	l = tv_set(a, v, "metrics", tv_list(a));
	for (i = 0; i < m->n; i++) {
		it = tv_push(a, l, tv_map(a));
		tv_set(a, it, "name", tv_str(a, m->v[i].name));
		tv_set(a, it, "label", tv_str(a, m->v[i].label));
		tv_set(a, it, "value", tv_str(a, m->v[i].shown));
	}
	charts(&b, m, p, f, pfx);
	tv_set(a, v, "charts", tv_str(a, b.data));
	buf_free(&b);
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

static void
appointments_csv(struct buf *b, const struct fy_figures *f,
    const struct program_rows *pr)
{
	const struct goal *g;
	char fyn[8];
	int y;

	BUF_LIT(b, "fiscal_year,appointments_via_program,"
	    "expected_appointments\n");
	for (y = 2; y >= 0; y--) {
		date_fy_name(f->fy - y, fyn);
		g = report_goal(pr, f->fy - y);
		buf_printf(b, "%s,%ld,", fyn, f->appointments[y]);
		if (g != NULL)
			buf_printf(b, "%ld", g->expected_appointments);
		BUF_LIT(b, "\n");
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
 * What report.html says besides the figures: the date in words, the
 * goal with its basis and timetable (GC 19402; CA "Establishment of
 * Upward Mobility Goals"), and the year's narrative of good-faith
 * efforts from content/reports/FY.md (CA "Approval of Upward Mobility
 * Program Efforts and Goals"), its HTML as the coordinator wrote it.
 */
static void
report_words(const struct project *p, const struct fy_figures *f,
    const struct program_rows *pr, const struct metrics *m,
    struct arena *a, struct tv *v)
{
	const struct goal *g = report_goal(pr, f->fy);
	const struct narrative *nv = content_narrative(&p->content, f->fy);
	const char *const basis[] = { "expected_appointments",
	    "anticipated_openings", "qualified_candidates" };
	struct tv *gv, *l, *it;
	const struct metric *x;
	char d[32];
	size_t i;

	date_human(p->as_of, d);
	tv_set(a, v, "as_of_text", tv_str(a, d));
	gv = tv_set(a, v, "goal", tv_map(a));
	l = tv_set(a, gv, "figures", tv_list(a));
	for (i = 0; i < sizeof(basis) / sizeof(basis[0]); i++) {
		x = metric_get(m, basis[i]);
		it = tv_push(a, l, tv_map(a));
		tv_set(a, it, "label", tv_str(a, x->label));
		tv_set(a, it, "value", tv_str(a, x->shown));
	}
	tv_set(a, gv, "timetable", g != NULL && g->timetable != NULL &&
	    *g->timetable ? tv_str(a, g->timetable) : tv_null(a));
	tv_set(a, v, "narrative", nv != NULL ? tv_str(a, nv->pg.html) :
	    tv_null(a));
	tv_set(a, v, "narrative_title", nv != NULL && nv->pg.title ?
	    tv_str(a, nv->pg.title) : tv_null(a));
}

/*
 * Fills the bundle's entries: report.html, the CSVs, the roster when
 * given, and SHA256SUMS last (over every other entry).  Returns the
 * number of entries.
 */
static size_t
bundle_entries(const struct project *p, const struct fy_figures *f,
    const struct program_rows *pr, const struct buf *roster,
    struct entry *es, struct diag *d)
{
	const struct tmpl *t = tmpl_get(p->tmpl, "report.html");
	struct metrics m;
	struct arena a = {0};
	struct tv *v, *st;
	char hex[65];
	size_t n = 0, i;

	metrics_make(&m, p, f, pr);
	if (m.overflow) {
		money_overflow(d, f->fy);
		metrics_free(&m);
		return 0;
	}
	es[n++].name = "report.html";
	v = metrics_view(&m, p, f, &a, "r");
	st = tv_set(&a, v, "site", tv_map(&a));
	tv_set(&a, st, "title", tv_str(&a, p->conf.title));
	tv_set(&a, st, "department", tv_str(&a, p->conf.department));
	tv_set(&a, v, "as_of", tv_date(&a, p->as_of));
	tv_set(&a, v, "illinois", tv_bool(&a, p->conf.profile ==
	    PROFILE_ILLINOIS));
	report_words(p, f, pr, &m, &a, v);
	if (t == NULL || !tmpl_render(t, v, &es[0].data))
		n = 0;
	es[n].name = "metrics.csv";
	metrics_csv(&es[n++].data, &m);
	es[n].name = "appointments.csv";
	appointments_csv(&es[n++].data, f, pr);
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
