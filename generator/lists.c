/*
 * lists.c: the eligibility lists (rules.md G3, cli.md output layout):
 * private/lists/CODE/COUNTY.html and .csv, one per title and county, its
 * employees in a covered bargaining unit first where the title's row
 * names a bargaining unit (IL XIII.F), then by grade, seniority date,
 * then employee id.  A writer of the
 * engine (engine.c): each employee's lines (rule_list_entries) go to the
 * table entry of the private database, which sorts them; the lists are
 * written from it after the scan, and given to the index (pv->lists).
 *
 * Everything here is personal data: every file is written OUT_PRIVATE.
 */
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "extern.h"
#include "records.h"

/* The lists' state. */
struct lists {
	struct priv	*pv;
	sqlite3_stmt	*ins;		/* INSERT INTO entry */
};

/* An employee's lines, noted for retire. */
struct note {
	struct list_entry *le;		/* in the batch's arena */
	size_t		 n;
};

static const char lists_schema[] =
	"CREATE TABLE entry (code TEXT NOT NULL, county_key TEXT NOT NULL, "
	"  county TEXT NOT NULL, grade TEXT NOT NULL, seniority TEXT, "
	"  id TEXT NOT NULL, name TEXT NOT NULL, issued TEXT, expires TEXT, "
	"  covered_first INTEGER NOT NULL);";

static const char *
col(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);

	return s ? s : "";
}

static int
lists_start(void *self, struct eng *e)
{
	struct lists *l = self;

	if (sqlite3_prepare_v2(eng_db(e), "INSERT INTO entry VALUES "
	    "(?,?,?,?,?,?,?,?,?,?)", -1, &l->ins, NULL) != SQLITE_OK)
		return eng_db_fail(e, "prepare");
	return 1;
}

/* The lines of a packet's employee (those who get none are on none). */
static int
lists_employee(void *self, struct eng_emp *em, struct eng_file *f,
    void **note)
{
	struct lists *l = self;
	const struct project *p = l->pv->p;
	struct list_entry *le;
	struct note *n;
	size_t nle;

	(void)f;
	if (!packet_due(em->pkt))
		return 1;
	rule_list_entries(em->h, &p->catalog, &p->conf.prog, p->conf.profile,
	    p->as_of, em->view, &le, &nle);
	if (nle == 0)
		return 1;
	n = arena_alloc(em->keep, sizeof(*n));
	n->le = arena_alloc(em->keep, nle * sizeof(*le));
	memcpy(n->le, le, nle * sizeof(*le));
	n->n = nle;
	*note = n;
	return 1;
}

/* The file name of a county (cli.md); "county" when nothing is left. */
static void
county_key(struct buf *b, const char *s)
{
	buf_reset(b);
	slug_file(b, s);
	if (b->len == 0)
		BUF_LIT(b, "county");
	buf_putc(b, '\0');
	b->len--;
}

static int
lists_retire(void *self, struct eng *e, const struct history *h,
    void *note)
{
	struct lists *l = self;
	const struct note *n = note;
	sqlite3_stmt *st = l->ins;
	struct buf ck = {0};
	size_t i;
	int ok = 1;

	for (i = 0; ok && n != NULL && i < n->n; i++) {
		county_key(&ck, n->le[i].county);
		sqlite3_reset(st);
		rec_bind_text(st, 1, n->le[i].title->code);
		rec_bind_text(st, 2, ck.data);
		rec_bind_text(st, 3, n->le[i].county);
		sqlite3_bind_text(st, 4, &n->le[i].grade, 1,
		    SQLITE_TRANSIENT);
		rec_bind_date(st, 5, n->le[i].seniority_date);
		rec_bind_text(st, 6, h->emp.id);
		rec_bind_text(st, 7, h->emp.name);
		rec_bind_date(st, 8, n->le[i].issued_on);
		rec_bind_date(st, 9, n->le[i].expires_on);
		sqlite3_bind_int(st, 10, n->le[i].covered_first);
		if (sqlite3_step(st) != SQLITE_DONE)
			ok = eng_db_fail(e, "insert");
	}
	buf_free(&ck);
	return ok;
}

/* The CSV of a list (cli.md): header, then one row per employee. */
static void
list_csv_row(struct buf *b, sqlite3_stmt *st, long pos)
{
	static const int cols[] = { 5, 6, 3, 7, 8, 4 };
	size_t i;

	buf_printf(b, "%ld", pos);
	for (i = 0; i < sizeof(cols) / sizeof(cols[0]); i++) {
		buf_putc(b, ',');
		esc_csv(b, col(st, cols[i]), strlen(col(st, cols[i])));
	}
	BUF_LIT(b, "\n");
}

/* Writes one list (the rows of one title and county) and adds it to
 * the index's. */
static int
list_write(struct lists *l, const char *code, const char *ckey,
    const char *county, struct tv *rows, struct buf *csv, struct arena *a)
{
	struct priv *pv = l->pv;
	const struct title *t = catalog_find(&pv->p->catalog, code);
	struct arena *ia = &pv->a;
	struct tv *v, *lv, *it;
	struct buf html = {0};
	char *path, *title, *href;
	int ok;

	/* A short <title>: the code, not the title's name. */
	title = xasprintf("List %s, %s", code, county);
	v = private_view(pv->p, a, title, "");
	free(title);
	/* The heading a coordinator reads, as the index names the list:
	 * the title's name and code, and "County" (IL XIII.F lists are by
	 * county). */
	title = xasprintf("Eligibility list: %s (%s), %s County",
	    t ? t->name : code, code, county);
	tv_put(a, v, "heading", tv_str(a, title));
	lv = tv_put(a, v, "list", tv_map(a));
	tv_set(a, lv, "code", tv_str(a, code));
	tv_set(a, lv, "title", tv_str(a, t ? t->name : code));
	tv_set(a, lv, "county", tv_str(a, county));
	tv_set(a, lv, "heading", tv_str(a, t ? t->name : code));
	tv_set(a, lv, "rows", rows);
	href = xasprintf("%s.csv", ckey);
	tv_set(a, lv, "csv", tv_str(a, href));
	free(href);
	ok = tmpl_render(pv->p->priv.private, v, &html);
	path = xasprintf("private/lists/%s/%s.html", code, ckey);
	ok = ok && out_write(pv->out, path, html.data, html.len, OUT_PRIVATE);
	free(path);
	path = xasprintf("private/lists/%s/%s.csv", code, ckey);
	ok = ok && out_write(pv->out, path, csv->data, csv->len, OUT_PRIVATE);
	free(path);
	it = tv_push(ia, pv->lists, tv_map(ia));
	tv_set(ia, it, "title", tv_str(ia, t ? t->name : code));
	tv_set(ia, it, "code", tv_str(ia, code));
	tv_set(ia, it, "county", tv_str(ia, county));
	tv_set(ia, it, "count", tv_num(ia, (double)rows->len));
	href = xasprintf("lists/%s/%s.html", code, ckey);
	tv_set(ia, it, "href", tv_str(ia, href));
	free(href);
	free(title);
	buf_free(&html);
	return ok;
}

/* Adds the row of st to a list's rows and CSV. */
static void
list_row(struct arena *a, struct tv *rows, struct buf *csv, sqlite3_stmt *st,
    long pos)
{
	struct tv *r;

	list_csv_row(csv, st, pos);
	r = tv_push(a, rows, tv_map(a));
	tv_set(a, r, "position", tv_num(a, (double)pos));
	tv_set(a, r, "id", tv_str(a, col(st, 5)));
	tv_set(a, r, "name", tv_str(a, col(st, 6)));
	tv_set(a, r, "grade", tv_str(a, col(st, 3)));
	tv_set(a, r, "issued_on", tv_str(a, col(st, 7)));
	tv_set(a, r, "expires_on", tv_str(a, col(st, 8)));
	tv_set(a, r, "seniority_date", tv_str(a, col(st, 4)));
}

/*
 * The lists: by title and county, ordered by grade, seniority date, then
 * employee id.  Two counties whose file names are the same (St. Clair,
 * St Clair) share one list, named by the first.
 */
static int
lists_finish(void *self, struct eng *e)
{
	struct lists *l = self;
	sqlite3_stmt *st;
	struct arena a = {0};
	struct buf csv = {0};
	struct tv *rows = NULL;
	char *code = NULL, *ckey = NULL, *county = NULL;
	long pos = 0;
	int ok = 1, rc = SQLITE_DONE;

	if (sqlite3_prepare_v2(eng_db(e), "SELECT code, county_key, county, "
	    "grade, seniority, id, name, issued, expires FROM entry ORDER BY "
	    "code, county_key, covered_first DESC, grade, seniority, id", -1,
	    &st, NULL) !=
	    SQLITE_OK)
		return eng_db_fail(e, "prepare");
	while (ok) {
		rc = sqlite3_step(st);
		if (code != NULL && (rc != SQLITE_ROW ||
		    strcmp(code, col(st, 0)) || strcmp(ckey, col(st, 1)))) {
			ok = list_write(l, code, ckey, county, rows, &csv, &a);
			free(code), free(ckey), free(county);
			code = NULL;
		}
		if (rc != SQLITE_ROW)
			break;
		if (code == NULL) {
			arena_reset(&a);
			code = xstrdup(col(st, 0));
			ckey = xstrdup(col(st, 1));
			county = xstrdup(col(st, 2));
			rows = tv_list(&a);
			buf_reset(&csv);
			BUF_LIT(&csv, "position,employee_id,name,grade,"
			    "issued_on,expires_on,seniority_date\n");
			pos = 0;
		}
		list_row(&a, rows, &csv, st, ++pos);
	}
	sqlite3_finalize(st);
	if (ok && rc != SQLITE_DONE)
		ok = eng_db_fail(e, "select");
	arena_free(&a);
	buf_free(&csv);
	return ok;
}

static void
lists_stop(void *self)
{
	struct lists *l = self;

	sqlite3_finalize(l->ins);
	free(l);
}

void
lists_writer(struct eng_writer *w, struct priv *pv)
{
	struct lists *l = xcalloc(1, sizeof(*l));

	l->pv = pv;
	memset(w, 0, sizeof(*w));
	w->schema = lists_schema;
	w->start = lists_start;
	w->employee = lists_employee;
	w->retire = lists_retire;
	w->finish = lists_finish;
	w->stop = lists_stop;
	w->self = l;
}
