/*
 * private.c: what a build writes under private/ (cli.md, output layout),
 * as writers of the engine (engine.c), in this order: the packets and
 * their print batches (packets.c, batches.c), the eligibility lists
 * (lists.c), the letters (letters.c), and last the coordinator's index of
 * them all (here); before them, the registration periods' selection
 * (selection.c), which the packets and letters say where each applicant
 * stands in.  Also the templates they share, loaded with the project.
 *
 * Everything here is personal data: every file is written OUT_PRIVATE.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "extern.h"

/* ---- the templates ------------------------------------------------------- */

/*
 * Compiles a partial on its own, as a template.  One a project lacks is
 * said so at its file: a project whose templates were copied from an
 * older umpress lacks the partials added since, and the engine's message
 * would name only the partial ("no partial named").
 */
static const struct tmpl *
partial(struct tmpl_set *set, const char *name, struct diag *d)
{
	char *path = xasprintf("templates/partials/%s.html", name);
	char *text = xasprintf("{{> %s}}", name);
	const struct tmpl *t = NULL;

	if (access(path, F_OK) == -1)
		diag_file(d, DIAG_ERROR, path, 0, "missing: the private "
		    "pages are made with it (a project whose templates came "
		    "from an older umpress lacks it: copy it from this "
		    "version's templates/partials/; umpress(5) lists each "
		    "template)");
	else
		t = tmpl_compile(set, name, text, strlen(text));
	free(path);
	free(text);
	return t;
}

int
private_load(struct project *p, struct diag *d)
{
	struct priv_tmpl *t = &p->priv;
	struct buf css = {0};
	int ok;

	t->packet = tmpl_get(p->tmpl, "packet.html");
	t->private = tmpl_get(p->tmpl, "private.html");
	t->article = partial(p->tmpl, "packet-article", d);
	t->print_start = partial(p->tmpl, "print-start", d);
	t->print_end = partial(p->tmpl, "print-end", d);
	t->index_row = partial(p->tmpl, "private-row", d);
	t->index_end = partial(p->tmpl, "private-end", d);
	t->sel_group = partial(p->tmpl, "selection-group", d);
	t->sel_row = partial(p->tmpl, "selection-row", d);
	t->letters[0] = partial(p->tmpl, "letter-registration", d);
	t->letters[1] = partial(p->tmpl, "letter-welcome", d);
	t->letters[2] = partial(p->tmpl, "letter-selection", d);
	ok = t->packet && t->private && t->article && t->print_start &&
	    t->print_end && t->index_row && t->index_end && t->sel_group &&
	    t->sel_row && t->letters[0] &&
	    t->letters[1] && t->letters[2];
	if (!file_read("templates/packet.css", &css)) {
		diag_file(d, DIAG_ERROR, "templates/packet.css", 0,
		    "cannot read: %s", strerror(errno));
		ok = 0;
	}
	buf_putc(&css, '\0');
	t->css = buf_detach(&css);
	return ok;
}

void
private_unload(struct project *p)
{
	free(p->priv.css);
	memset(&p->priv, 0, sizeof(p->priv));
}

void
private_count(struct arena *a, struct tv *m, const char *key, long long n)
{
	char *one = xasprintf("%s_one", key);

	tv_set(a, m, key, tv_num(a, (double)n));
	tv_set(a, m, one, tv_bool(a, n == 1));
	free(one);
}

struct tv *
private_view(const struct project *p, struct arena *a, const char *title,
    const char *css)
{
	struct tv *v = tv_map(a), *st;

	tv_set(a, v, "title", tv_str(a, title));
	/* The page's <h1>: the title unless the caller says more (the
	 * <title> is kept within the 70 characters a tab shows). */
	tv_set(a, v, "heading", tv_str(a, title));
	tv_set(a, v, "style", tv_str(a, p->priv.css));
	tv_set(a, v, "page_css", tv_str(a, css));
	tv_set(a, v, "as_of", tv_date(a, p->as_of));
	/* A print batch (batches.c sets it): its articles carry their own
	 * headings, so the batch's title is for the screen only. */
	tv_set(a, v, "batch", tv_bool(a, 0));
	st = tv_set(a, v, "site", tv_map(a));
	tv_set(a, st, "title", tv_str(a, p->conf.title));
	/* private.html shows a list, a period's selection or the index;
	 * the caller sets one. */
	tv_set(a, v, "list", tv_null(a));
	tv_set(a, v, "selection", tv_null(a));
	tv_set(a, v, "index", tv_null(a));
	return v;
}

/* ---- the coordinator's index ------------------------------------------------ */

static const char *
col(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);

	return s ? s : "";
}

/* The index's letters: each kind the profile has, its units' batches. */
static void
index_letters(struct priv *pv, struct eng *e, struct arena *a,
    struct tv *iv)
{
	const struct eng_units *u;
	struct tv *kinds = tv_set(a, iv, "letters", tv_list(a)), *k, *l, *it;
	const char *name;
	char *href;
	size_t i, j;

	for (j = 0; (name = letters_kind_name(j)) != NULL; j++) {
		if (!letters_kind_applies(j, pv->p->conf.profile) ||
		    (u = eng_units(e, name)) == NULL)
			continue;
		k = tv_push(a, kinds, tv_map(a));
		tv_set(a, k, "kind", tv_str(a, name));
		tv_set(a, k, "registration", tv_bool(a, j == 0));
		tv_set(a, k, "welcome", tv_bool(a, j == 1));
		tv_set(a, k, "selection", tv_bool(a, j == 2));
		l = tv_set(a, k, "units", tv_list(a));
		for (i = 0; i < u->n; i++) {
			it = tv_push(a, l, tv_map(a));
			tv_set(a, it, "name", tv_str(a, u->v[i].name ?
			    u->v[i].name : "No unit"));
			href = xasprintf("letters/%s/%s.html", name,
			    u->v[i].key);
			tv_set(a, it, "href", tv_str(a, href));
			free(href);
			private_count(a, it, "count", u->v[i].count);
		}
		/* batches.c makes no empty batch: a link only to one
		 * that holds letters. */
		href = xasprintf("letters/%s/no-computer-access.html", name);
		tv_set(a, k, "nocomp_href", tv_str(a, href));
		free(href);
		private_count(a, k, "nocomp", batches_nocomp(u));
		tv_set(a, k, "has_units", tv_bool(a, u->n > 0));
	}
	tv_set(a, iv, "has_letters", tv_bool(a, kinds->len > 0));
}

/* The index's head: the print batches of the units, the lists, the
 * registration periods and the letters. */
static struct tv *
index_head(struct priv *pv, struct eng *e, struct arena *a,
    const struct eng_units *u)
{
	struct tv *v, *iv, *units, *it;
	char *href;
	size_t i;

	v = private_view(pv->p, a, "Coordinator's index", "");
	iv = tv_put(a, v, "index", tv_map(a));
	units = tv_set(a, iv, "units", tv_list(a));
	for (i = 0; i < u->n; i++) {
		it = tv_push(a, units, tv_map(a));
		tv_set(a, it, "name", tv_str(a, u->v[i].name ?
		    u->v[i].name : "No unit"));
		href = xasprintf("print/%s.html", u->v[i].key);
		tv_set(a, it, "href", tv_str(a, href));
		free(href);
		private_count(a, it, "count", u->v[i].count);
		private_count(a, it, "no_computer", u->v[i].nocomp);
	}
	private_count(a, iv, "nocomp", batches_nocomp(u));
	/* Eligibility lists and registration periods are Illinois' words
	 * (IL XIII.F, III); California's index names neither. */
	tv_set(a, iv, "illinois", tv_bool(a, pv->p->conf.profile ==
	    PROFILE_ILLINOIS));
	tv_set(a, iv, "lists", pv->lists);
	tv_set(a, iv, "has_lists", tv_bool(a, pv->lists->len > 0));
	tv_set(a, iv, "periods", pv->periods);
	tv_set(a, iv, "has_periods", tv_bool(a, pv->periods->len > 0));
	index_letters(pv, e, a, iv);
	return v;
}

/* One packet's row of the index, rendered into b. */
static int
index_row(struct priv *pv, sqlite3_stmt *st, struct arena *ra,
    struct buf *b)
{
	struct tv *it = tv_map(ra);
	char *href;

	tv_set(ra, it, "id", tv_str(ra, col(st, 0)));
	tv_set(ra, it, "name", tv_str(ra, col(st, 1)));
	tv_set(ra, it, "unit", tv_str(ra, col(st, 2)));
	tv_set(ra, it, "class", tv_str(ra, col(st, 3)));
	tv_set(ra, it, "alerts", tv_num(ra,
	    (double)sqlite3_column_int64(st, 4)));
	tv_set(ra, it, "printed", tv_bool(ra, sqlite3_column_int(st, 5)));
	href = xasprintf("packets/%s.html", col(st, 0));
	tv_set(ra, it, "href", tv_str(ra, href));
	free(href);
	buf_reset(b);
	return tmpl_render(pv->p->priv.index_row, it, b);
}

/* The rows of every packet by unit and name, one rendered at a time so
 * a department of any size fits in memory. */
static int
index_rows(struct priv *pv, struct eng *e, struct out_file *f)
{
	sqlite3_stmt *st;
	struct arena ra = {0};
	struct buf b = {0};
	int ok = 1, rc = SQLITE_DONE;

	if ((st = eng_prepare(e, "packet", "SELECT id, name, unit, class, "
	    "nalerts, no_computer FROM %s ORDER BY unit, name, id")) == NULL)
		return 0;
	while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		ok = index_row(pv, st, &ra, &b);
		out_put(f, b.data, b.len);
		arena_reset(&ra);
	}
	sqlite3_finalize(st);
	/* A short index must not be kept as a whole one. */
	if (ok && rc != SQLITE_DONE)
		ok = eng_db_fail(e, "select");
	arena_free(&ra);
	buf_free(&b);
	return ok;
}

/*
 * The coordinator's index: the batches, the lists, then every packet by
 * unit and name.  Made from the packets' rows alone (the lists are made
 * from the same employees' rows): kept when their set is the same.
 */
static int
index_finish(void *self, struct eng *e)
{
	struct priv *pv = self;
	const struct eng_units *u = eng_units(e, "packet"), *lu;
	const char *path = "private/index.html", *name;
	struct out_file *f;
	struct digest in;
	struct arena a = {0};
	struct buf b = {0};
	struct tv *v;
	struct hash h;
	size_t j;
	int ok;

	if (u == NULL)
		return 0;
	/* What the index and lists are made from: the project, every
	 * packet's id and input, the periods' pages, and the letters'
	 * units (an applicant need not have a packet). */
	hash_init(&h);
	hash_digest(&h, &pv->p->fp);
	hash_str(&h, "index");
	hash_digest(&h, &u->all);
	hash_digest(&h, &pv->sel);
	for (j = 0; (name = letters_kind_name(j)) != NULL; j++)
		if (letters_kind_applies(j, pv->p->conf.profile) &&
		    (lu = eng_units(e, name)) != NULL)
			hash_digest(&h, &lu->all);
	hash_end(&h, &in);
	if (out_keep(pv->out, path, &in, OUT_PRIVATE))
		return 1;
	f = out_open(pv->out, path, OUT_PRIVATE, &in);
	v = index_head(pv, e, &a, u);
	ok = tmpl_render(pv->p->priv.private, v, &b);
	out_put(f, b.data, b.len);
	ok = ok && index_rows(pv, e, f);
	buf_reset(&b);
	ok = ok && tmpl_render(pv->p->priv.index_end, v, &b);
	out_put(f, b.data, b.len);
	ok &= out_close(f);
	arena_free(&a);
	buf_free(&b);
	return ok;
}

/* ---- a build's private/ ------------------------------------------------------ */

int
private_build(struct project *p, struct records *r,
    const struct program_rows *pr, struct out *out, int jobs,
    struct fy_figures *fy, struct diag *d)
{
	struct eng_writer w[4];
	struct selection *sel;
	struct priv pv;
	struct eng *e;
	int ok;

	memset(&pv, 0, sizeof(pv));
	pv.p = p;
	pv.out = out;
	pv.d = d;
	pv.r = r;
	pv.lists = tv_list(&pv.a);
	pv.periods = tv_list(&pv.a);
	/* The selection first: packets and letters say where each
	 * applicant stands among the others. */
	if ((sel = selection_run(p, r, pr, &pv, d)) == NULL) {
		arena_free(&pv.a);
		return 0;
	}
	selection_figures(sel, fy);
	packets_writer(&w[0], &pv);
	lists_writer(&w[1], &pv);
	letters_writer(&w[2], &pv);
	memset(&w[3], 0, sizeof(w[3]));
	w[3].finish = index_finish;
	w[3].self = &pv;
	e = eng_new(p, out, w, 4, d);
	eng_attach(e, selection_attach, sel);
	ok = eng_run(e, r, jobs, fy);
	eng_free(e);
	selection_free(sel);
	arena_free(&pv.a);
	return ok;
}
