/*
 * selection.c: the selection of every registration period (rules.md
 * "Selection"; cli.md private/selection/PERIOD.html and PERIOD.csv), made
 * before the scan of employees, because a packet and a letter say where
 * the employee's application stands among everyone else's.
 *
 * The periods are taken in order, each selected by select.c (pure), its
 * waiting list carried to the next (IL IV.B).  The applications come
 * from records.c with their employees' rows, by period, so memory holds
 * one period's applicants, with only the strings the lists and letters
 * show (and the previous one's waiting list), and each page is written a
 * part at a time (a build of 1,000,000 employees held 150 MB of rows and
 * page before, 185 MB at its peak, against 64 for the benchmark); of the
 * latest period whose month has begun, the results are kept, sorted by
 * employee id, for the engine to give each employee's history (h->app).
 * A period's month that has not ended yet is decided provisionally: its
 * registration forms are due by its last day (IL III.C; the
 * coordinator's decision 1.3, docs/decisions.md): its page says so.
 *
 * The pages and CSVs are personal data: written OUT_PRIVATE.
 */
#include <stdlib.h>
#include <string.h>

#include "extern.h"
#include "records.h"

/* One applicant of the latest period, for the packets. */
struct sel_entry {
	const char	*id;		/* employee id (the selection's arena) */
	struct app_status st;
};

/* A period's counts, for the annual figures. */
struct sel_count {
	int	 period;
	long	 applicants;		/* every application, eligible or not */
	long	 selected;
	long	 waiting;
};

struct selection {
	const struct project *p;
	int		 latest;	/* the latest period begun, or -1 */
	struct sel_entry *v;		/* its applicants, by id (strcmp) */
	size_t		 n;
	struct sel_count *counts;	/* every period selected, in order */
	size_t		 ncounts;
	struct arena	 a;		/* v's ids */
};

/* ---- the views ----------------------------------------------------------- */

/* The words of a result, for the coordinator's list. */
static const char *
result_words(enum app_result r)
{
	switch (r) {
	case APP_SELECTED:
		return "Selected";
	case APP_WAITING:
		return "Waiting list";
	case APP_NOT_ELIGIBLE:
		return "Not eligible";
	case APP_NOT_APPROVED:
		return "No supervisor's approval";
	case APP_NOT_SELECTED:
		return "Not selected";
	case APP_PENDING:
		return "No decision yet";
	}
	return "";
}

/* Why not eligible, in a few words (rules.md E1, E2). */
const char *
elig_reason_words(enum elig_reason r)
{
	switch (r) {
	case ER_NONE:
		return "";
	case ER_SEPARATED:
		return "left state service";
	case ER_STATUS:
		return "limited-term or temporary status";
	case ER_ORIGINAL_PROBATION:
		return "on original probation (a new hire)";
	case ER_NOT_COVERED:
		return "neither in a covered bargaining unit nor in a program "
		    "title";
	case ER_NOT_LPEL:
		return "not in a low-paying entry-level classification";
	}
	return "";
}

/* One row of the period's CSV (cli.md's header). */
static void
csv_row(struct buf *b, const struct applicant *a)
{
	char d[11];

	buf_printf(b, "%ld,", a->position);
	esc_csv(b, a->id, strlen(a->id));
	buf_putc(b, ',');
	esc_csv(b, a->name, strlen(a->name));
	date_format(a->seniority_date, d);
	buf_printf(b, ",%s,%s,%s\n", d, app_result_name(a->result),
	    a->result == APP_NOT_ELIGIBLE ? elig_reason_name(a->reason) : "");
}

/*
 * The groups of a period's page, in its order: each is a table made by
 * partials/selection-group.html around its rows.
 */
static const char *const group_flag[3] = {
	"is_selected", "is_waiting", "is_other"
};

static int
group_of(const struct applicant *a)
{
	return a->result == APP_SELECTED ? 0 : a->result == APP_WAITING ? 1 :
	    2;
}

/* One row of the period's page: the view of partials/selection-row.html. */
static struct tv *
row_view(struct arena *ar, const struct applicant *a)
{
	struct tv *it = tv_map(ar);
	char d[11];
	int g;

	date_format(a->seniority_date, d);
	for (g = 0; g < 3; g++)
		tv_set(ar, it, group_flag[g], tv_bool(ar, g == group_of(a)));
	tv_set(ar, it, "position", tv_num(ar, (double)a->position));
	tv_set(ar, it, "id", tv_str(ar, a->id));
	tv_set(ar, it, "name", tv_str(ar, a->name));
	tv_set(ar, it, "seniority_date", tv_str(ar, d));
	tv_set(ar, it, "result", tv_str(ar, result_words(a->result)));
	tv_set(ar, it, "waiting", a->waiting ? tv_num(ar, (double)a->waiting) :
	    tv_null(ar));
	tv_set(ar, it, "first_consideration", tv_bool(ar,
	    a->first_consideration > 0));
	tv_set(ar, it, "reason", a->result == APP_NOT_ELIGIBLE ?
	    tv_str(ar, elig_reason_words(a->reason)) : tv_null(ar));
	return it;
}

/*
 * A period's page as it is written: a part at a time into its file, and
 * into the digest the index's entry depends on.
 */
struct page_out {
	struct out_file	*f;
	struct hash	*h;
	struct buf	 b;
	int		 ok;
};

static void
page_put(struct page_out *po, const struct tmpl *t, const struct tv *ctx)
{
	buf_reset(&po->b);
	po->ok &= tmpl_render(t, ctx, &po->b);
	if (po->b.len == 0)
		return;
	hash_put(po->h, po->b.data, po->b.len);
	out_put(po->f, po->b.data, po->b.len);
}

/* The facts of a period the page and the index show. */
static void
period_facts(const struct project *p, struct arena *ar, struct tv *m,
    int per, long capacity, const struct sel_count *c)
{
	struct buf b = {0};
	char name[8], d[32];

	period_format(per, name);
	tv_set(ar, m, "period", tv_str(ar, name));
	period_name(per, &b);
	tv_set(ar, m, "month", tv_str(ar, b.data));
	tv_set(ar, m, "capacity", capacity < 0 ? tv_null(ar) :
	    tv_num(ar, (double)capacity));
	private_count(ar, m, "applicants", c->applicants);
	tv_set(ar, m, "selected", tv_num(ar, (double)c->selected));
	tv_set(ar, m, "waiting", tv_num(ar, (double)c->waiting));
	date_human(period_last_day(per), d);
	tv_set(ar, m, "last_day", tv_str(ar, d));
	tv_set(ar, m, "open", tv_bool(ar, p->as_of <= period_last_day(per)));
	tv_set(ar, m, "illinois", tv_bool(ar, p->conf.profile ==
	    PROFILE_ILLINOIS));
	buf_free(&b);
}

/*
 * The page and the CSV of one period, and its entry in the index
 * (pv->periods).  v is in list order.  The page streams (private.html's
 * selection, then each group's start, rows and end), so its size, like
 * the CSV's, does not add to the memory a build takes.
 */
static int
period_write(struct priv *pv, int per, long capacity,
    const struct applicant *v, size_t n, const struct sel_count *c,
    struct hash *h)
{
	const struct project *p = pv->p;
	const struct priv_tmpl *t = &p->priv;
	struct arena ar = {0}, ra = {0};
	struct page_out po;
	struct buf csv = {0}, title = {0};
	struct out_file *cf;
	struct tv *view, *m, *gv, *it;
	size_t i, size[3] = {0, 0, 0};
	char name[8], *path;
	int g, ok;

	period_format(per, name);
	BUF_LIT(&title, "Registration period ");
	period_name(per, &title);
	view = private_view(p, &ar, title.data, "");
	m = tv_put(&ar, view, "selection", tv_map(&ar));
	period_facts(p, &ar, m, per, capacity, c);
	path = xasprintf("%s.csv", name);
	tv_set(&ar, m, "csv", tv_str(&ar, path));
	free(path);
	memset(&po, 0, sizeof(po));
	po.h = h;
	po.ok = 1;
	path = xasprintf("private/selection/%s.html", name);
	po.f = out_open(pv->out, path, OUT_PRIVATE, NULL);
	free(path);
	page_put(&po, t->private, view);
	for (i = 0; i < n; i++)
		size[group_of(&v[i])]++;
	for (g = 0; g < 3; g++) {
		gv = tv_put(&ar, m, "group", tv_map(&ar));
		for (i = 0; i < 3; i++)
			tv_set(&ar, gv, group_flag[i], tv_bool(&ar, i ==
			    (size_t)g));
		tv_set(&ar, gv, "has_rows", tv_bool(&ar, size[g] > 0));
		tv_put(&ar, gv, "start", tv_bool(&ar, 1));
		page_put(&po, t->sel_group, view);
		for (i = 0; i < n; i++)
			if (group_of(&v[i]) == g) {
				arena_reset(&ra);
				page_put(&po, t->sel_row, row_view(&ra, &v[i]));
			}
		tv_put(&ar, gv, "start", tv_bool(&ar, 0));
		page_put(&po, t->sel_group, view);
	}
	ok = po.ok;
	ok &= out_close(po.f);
	path = xasprintf("private/selection/%s.csv", name);
	cf = out_open(pv->out, path, OUT_PRIVATE, NULL);
	free(path);
	BUF_LIT(&csv, "position,employee_id,name,seniority_date,decision,"
	    "reason\n");
	for (i = 0; i < n; i++) {
		csv_row(&csv, &v[i]);
		if (csv.len >= 64 * 1024) {
			out_put(cf, csv.data, csv.len);
			buf_reset(&csv);
		}
	}
	if (csv.len > 0)
		out_put(cf, csv.data, csv.len);
	ok &= out_close(cf);
	/* The index's entry. */
	it = tv_push(&pv->a, pv->periods, tv_map(&pv->a));
	period_facts(p, &pv->a, it, per, capacity, c);
	path = xasprintf("selection/%s.html", name);
	tv_set(&pv->a, it, "href", tv_str(&pv->a, path));
	free(path);
	arena_free(&ar);
	arena_free(&ra);
	buf_free(&po.b);
	buf_free(&csv);
	buf_free(&title);
	return ok;
}

/* ---- the selection ------------------------------------------------------- */

static int
entry_cmp(const void *x, const void *y)
{
	return strcmp(((const struct sel_entry *)x)->id,
	    ((const struct sel_entry *)y)->id);
}

/* Keeps the latest period's results, sorted by id, for the packets. */
static void
keep_latest(struct selection *s, int per, const struct applicant *v,
    size_t n)
{
	size_t i;

	s->v = arena_alloc(&s->a, (n + 1) * sizeof(*s->v));
	s->n = n;
	for (i = 0; i < n; i++) {
		s->v[i].id = arena_strdup(&s->a, v[i].id);
		s->v[i].st.period = per;
		s->v[i].st.result = v[i].result;
		s->v[i].st.position = v[i].position;
		s->v[i].st.waiting_position = v[i].waiting;
		s->v[i].st.reason = v[i].reason;
	}
	xqsort(s->v, s->n, sizeof(*s->v), entry_cmp);
}

/* The applicant an applications row makes: E1/E2 on the period's last
 * day (rules.md "Selection").  Of the row's strings it keeps only those
 * the lists and letters show, in arena: the row itself is gone with the
 * next one read. */
static void
applicant_of(const struct project *p, const struct app_row *row,
    struct applicant *a, struct arena *arena)
{
	struct history h;

	memset(&h, 0, sizeof(h));
	h.emp = row->emp;
	memset(a, 0, sizeof(*a));
	a->id = arena_strdup(arena, row->emp.id);
	a->name = arena_strdup(arena, row->emp.name);
	a->unit = row->emp.unit ? arena_strdup(arena, row->emp.unit) : NULL;
	a->rowid = row->app.rowid;
	a->seniority_date = row->emp.seniority_date;
	a->applied_on = row->app.applied_on;
	a->reason = rule_elig_reason(&h, &p->catalog, &p->conf.prog,
	    p->conf.profile, period_last_day(row->app.period));
	a->approved = row->app.supervisor_approved_on != DAY_NONE;
	a->decision = row->app.decision;
}

/* The applications reader with its row read ahead, decoded into rows
 * (reset for each row read). */
struct ahead {
	struct rec_apps	*q;
	struct app_row	 row;
	struct arena	 rows;
	int		 have;		/* row holds an unread row */
};

static void
ahead_next(struct ahead *ah)
{
	arena_reset(&ah->rows);
	ah->have = rec_apps_next(ah->q, &ah->rows, &ah->row);
}

/*
 * Gathers the applicants of period per into *v (a growing array the
 * caller frees), passing over the rows of earlier periods (of no period
 * row: the scan reports them) and bad rows; their strings in arena.
 */
static size_t
gather(const struct project *p, struct ahead *ah, int per,
    struct arena *arena, struct applicant **v, size_t *cap)
{
	size_t n = 0;

	while (ah->have && ah->row.app.period <= per) {
		if (ah->row.app.period == per && !ah->row.bad) {
			if (n == *cap) {
				*cap = *cap ? 2 * *cap : 64;
				*v = xreallocarray(*v, *cap, sizeof(**v));
			}
			applicant_of(p, &ah->row, &(*v)[n++], arena);
		}
		ahead_next(ah);
	}
	return n;
}

static void
count(struct selection *s, int per, const struct applicant *v, size_t n)
{
	struct sel_count *c;
	size_t i;

	s->counts = xreallocarray(s->counts, s->ncounts + 1,
	    sizeof(*s->counts));
	c = &s->counts[s->ncounts++];
	memset(c, 0, sizeof(*c));
	c->period = per;
	c->applicants = (long)n;
	for (i = 0; i < n; i++) {
		c->selected += v[i].result == APP_SELECTED;
		c->waiting += v[i].result == APP_WAITING;
	}
}

struct selection *
selection_run(const struct project *p, struct records *r,
    const struct program_rows *pr, struct priv *pv, struct diag *d)
{
	struct selection *s = xcalloc(1, sizeof(*s));
	struct arena ar = {0}, keep[2] = { {0}, {0} };
	struct applicant *v = NULL;
	const char **prev = NULL, **next = NULL;
	size_t cap = 0, n, nprev = 0, nnext, i, k;
	struct ahead ah;
	struct hash h;
	int per, ok = 1;

	(void)d;
	hash_init(&h);
	s->p = p;
	s->latest = -1;
	for (k = 0; pr != NULL && k < pr->nperiods; k++)
		if (period_first_day(pr->periods[k].period) <= p->as_of)
			s->latest = pr->periods[k].period;
	memset(&ah, 0, sizeof(ah));
	ah.q = rec_apps_new(r, &p->catalog);
	/* Period k's applicants go to ar, reset as period k begins (the
	 * row read ahead is in ah.rows).  Its waiting list's ids are copied
	 * to keep[k % 2], which lives through period k + 1's selection. */
	ahead_next(&ah);
	for (k = 0; ok && pr != NULL && k < pr->nperiods; k++) {
		per = pr->periods[k].period;
		if (period_first_day(per) > p->as_of)
			break;	/* a month not begun: nothing to decide */
		arena_reset(&ar);
		n = gather(p, &ah, per, &ar, &v, &cap);
		rule_select(v, n, pr->periods[k].capacity, p->conf.profile,
		    prev, nprev, &ar);
		count(s, per, v, n);
		if (pv != NULL)
			ok = period_write(pv, per, pr->periods[k].capacity, v,
			    n, &s->counts[s->ncounts - 1], &h);
		if (per == s->latest)
			keep_latest(s, per, v, n);
		/* IL IV.B: this period's waiting list, in order. */
		arena_reset(&keep[k % 2]);
		next = arena_alloc(&keep[k % 2], (n + 1) * sizeof(*next));
		for (i = 0, nnext = 0; i < n; i++)
			if (v[i].result == APP_WAITING)
				next[nnext++] = arena_strdup(&keep[k % 2],
				    v[i].id);
		prev = next;
		nprev = nnext;
	}
	if (pv != NULL)
		hash_end(&h, &pv->sel);
	rec_apps_free(ah.q);
	free(v);
	arena_free(&ah.rows);
	arena_free(&ar);
	arena_free(&keep[0]);
	arena_free(&keep[1]);
	if (!ok) {
		selection_free(s);
		return NULL;
	}
	return s;
}

const struct app_status *
selection_find(const struct selection *s, const char *id)
{
	struct sel_entry key, *e;

	if (s == NULL || s->n == 0)
		return NULL;
	key.id = id;
	e = bsearch(&key, s->v, s->n, sizeof(*s->v), entry_cmp);
	return e ? &e->st : NULL;
}

void
selection_attach(void *arg, struct history *h)
{
	h->app = selection_find(arg, h->emp.id);
}

void
selection_figures(const struct selection *s, struct fy_figures *f)
{
	size_t i;

	for (i = 0; s != NULL && i < s->ncounts; i++)
		if (date_fy(period_last_day(s->counts[i].period)) == f->fy) {
			f->applicants += s->counts[i].applicants;
			f->selected += s->counts[i].selected;
			f->waiting_list += s->counts[i].waiting;
		}
}

void
selection_free(struct selection *s)
{
	if (s == NULL)
		return;
	free(s->counts);
	arena_free(&s->a);
	free(s);
}
