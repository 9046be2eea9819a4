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

static void
metric_add(struct metrics *m, const char *name, const char *label,
    int known, int64_t value)
{
	struct metric *x;

	m->v = xreallocarray(m->v, m->n + 1, sizeof(*m->v));
	x = &m->v[m->n++];
	memset(x, 0, sizeof(*x));
	snprintf(x->name, sizeof(x->name), "%s", name);
	snprintf(x->label, sizeof(x->label), "%s", label);
	x->known = known;
	x->value = value;
	if (known)
		snprintf(x->text, sizeof(x->text), "%lld", (long long)value);
}

static const struct goal *
goal_of(const struct program_rows *pr, int fy)
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

/* Rounded half up to one decimal, in tenths: 1000 * spent / budget,
 * in long double when that product is past int64_t (92 million rows
 * of the largest amount). */
static int64_t
share_tenths(int64_t spent, int64_t budget)
{
	if (spent <= INT64_MAX / 1000)
		return (spent * 1000 / budget + 5) / 10;
	return (int64_t)((long double)spent * 100 / budget + 0.5L);
}

void
metrics_make(struct metrics *m, const struct project *p,
    const struct fy_figures *f, const struct program_rows *pr)
{
	const struct goal *g = goal_of(pr, f->fy);
	const struct budget *bu = budget_of(pr, f->fy);
	int64_t spent = f->course_spent_cents;
	char name[64], fyn[8], label[96];
	struct metric *x;
	size_t i;
	int y;

	memset(m, 0, sizeof(*m));
	m->fy = f->fy;
	/* GC 19402: the goal comes from the goals table. */
	metric_add(m, "expected_appointments", "Expected appointments (goal)",
	    g != NULL, g ? g->expected_appointments : 0);
	metric_add(m, "eligible_employees", "Eligible employees", 1,
	    f->eligible_employees);
	metric_add(m, "participating_employees", "Participating employees",
	    1, f->participating_employees);
	for (y = 0; y < 3; y++) {
		date_fy_name(f->fy - y, fyn);
		snprintf(name, sizeof(name), "appointments_%s", fyn);
		snprintf(label, sizeof(label), "Appointments through the "
		    "program in %s", fyn);
		metric_add(m, name, label, 1, f->appointments[y]);
	}
	for (i = 0; pr != NULL && i < pr->nspending; i++)
		if (pr->spending[i].fy == f->fy &&
		    !money_add(&spent, pr->spending[i].amount_cents))
			m->overflow = 1;
	metric_add(m, "spent_cents", "Money spent (cents)", !m->overflow,
	    spent);
	metric_add(m, "training_budget_cents", "Training budget (cents)",
	    bu != NULL, bu ? bu->training_budget_cents : 0);
	metric_add(m, "um_share_percent", "Program's share of the training "
	    "budget (percent)", bu != NULL && bu->training_budget_cents > 0 &&
	    !m->overflow, 0);
	x = &m->v[m->n - 1];
	if (x->known) {
		x->value = share_tenths(spent, bu->training_budget_cents);
		snprintf(x->text, sizeof(x->text), "%lld.%lld",
		    (long long)(x->value / 10), (long long)(x->value % 10));
	}
	if (p->conf.profile != PROFILE_ILLINOIS)
		return;
	metric_add(m, "courses_taken", "Courses taken", 1, f->courses_taken);
	metric_add(m, "courses_completed", "Courses completed", 1,
	    f->courses_completed);
	metric_add(m, "courses_dropped", "Courses dropped", 1,
	    f->courses_dropped);
	metric_add(m, "courses_failed", "Courses failed", 1, f->courses_failed);
	metric_add(m, "exams_taken", "Exams taken", 1, f->exams_taken);
	metric_add(m, "grades_issued", "Grades issued", 1, f->grades_issued);
	for (i = 0; i < p->catalog.ntitles; i++) {
		if (f->grades_by_title[i] == 0)
			continue;
		snprintf(name, sizeof(name), "grades_issued_%s",
		    p->catalog.titles[i].code);
		snprintf(label, sizeof(label), "Grades issued: %s",
		    p->catalog.titles[i].name);
		metric_add(m, name, label, 1, f->grades_by_title[i]);
	}
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

/* The charts: appointments against the goal, money, participation. */
static void
charts(struct buf *b, const struct metrics *m, const char *pfx)
{
	struct chart_bar bars[4];
	const struct metric *x, *g = metric_get(m, "expected_appointments");
	char id[64], fyn[8];
	int y;

	memset(bars, 0, sizeof(bars));
	for (y = 2; y >= 0; y--) {
		date_fy_name(m->fy - y, fyn);
		x = &m->v[3 + y];	/* the three appointments rows */
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

	memset(bars, 0, sizeof(bars));
	x = metric_get(m, "spent_cents");
	snprintf(bars[0].label, sizeof(bars[0].label), "Spent");
	bars[0].value = (double)x->value;
	money_text(bars[0].text, sizeof(bars[0].text), x->value);
	x = metric_get(m, "training_budget_cents");
	snprintf(bars[1].label, sizeof(bars[1].label), "Training budget");
	bars[1].hatched = 1;
	bars[1].value = x->known ? (double)x->value : 0;
	if (x->known)
		money_text(bars[1].text, sizeof(bars[1].text), x->value);
	else
		snprintf(bars[1].text, sizeof(bars[1].text), "no budget "
		    "recorded");
	snprintf(id, sizeof(id), "%s-money", pfx);
	chart_bars(b, id, "Money spent by the program against the training "
	    "budget", bars, 2);

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
metrics_view(const struct metrics *m, struct arena *a, const char *pfx)
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
		tv_set(a, it, "value", tv_str(a, m->v[i].known ?
		    m->v[i].text : "not recorded"));
	}
	charts(&b, m, pfx);
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
		g = goal_of(pr, f->fy - y);
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
	v = metrics_view(&m, &a, "r");
	st = tv_set(&a, v, "site", tv_map(&a));
	tv_set(&a, st, "title", tv_str(&a, p->conf.title));
	tv_set(&a, st, "department", tv_str(&a, p->conf.department));
	tv_set(&a, v, "as_of", tv_date(&a, p->as_of));
	tv_set(&a, v, "illinois", tv_bool(&a, p->conf.profile ==
	    PROFILE_ILLINOIS));
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
	    NULL);
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
