/*
 * batches.c: articles batched by unit for printing (cli.md, output
 * layout): one document per unit holding the articles of one kind of
 * its employees, by name then id, a page break between employees (the
 * packet.css article rule), and one of the employees without computer
 * access.  The packets' print/ is one (packets.c); any kind of article a
 * writer makes with eng_article() can be batched the same way.  A unit
 * of any size fits in memory: articles are copied from the spool or the
 * previous output one at a time.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "extern.h"
#include "records.h"

/*
 * Issue 25: every printed page of a packet says whose it is and which of
 * its pages it is, so pages dropped on the floor can be put back in
 * order.  A single packet is its own document: "Page N of M" from the
 * page counters.  In a batch the page counter runs over the whole batch,
 * and Chromium (checked with version 156) neither resets it per named
 * page nor has a per-page-group total, so a packet cannot print "page 1
 * of 2" of its own.  What does work there is a counter of our own,
 * incremented by the page rule of the employee's named page: the packet's
 * pages print "Page N" beside the name, the batch's "Batch page N of M", and the
 * packet's last page says "End of this packet." (packet.css), which
 * tells a reader the packet is whole.  Computing the breaks ourselves
 * would mean laying out the text as the browser does: not worth it.
 * Ids are [A-Za-z0-9_-] (records.c), so they are valid in names.
 */
void
page_css(struct buf *b, const char *id, const char *name, int named)
{
	buf_reset(b);
	if (named)
		buf_printf(b, "@page p-%s { counter-increment: pk-%s;", id,
		    id);
	else
		BUF_LIT(b, "@page {");
	BUF_LIT(b, " @top-left { content: \"");
	esc_css_str(b, name, strlen(name));
	buf_printf(b, " (%s)\"; }", id);
	if (named)
		buf_printf(b, " @top-right { content: \"Page \" "
		    "counter(pk-%s); } @bottom-right { content: \"Batch "
		    "page \" counter(page) \" of \" counter(pages); } }\n"
		    "#p-%s { page: p-%s; }\n", id, id, id);
	else
		BUF_LIT(b, " @top-right { content: \"Page \" counter(page) "
		    "\" of \" counter(pages); } @bottom-right { content: "
		    "none; } }\n");
}

static const char *
col(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);

	return s ? s : "";
}

/*
 * Where the page rules go in the rendered print-start partial: it is
 * rendered with this mark as page_css, and the rules are streamed in its
 * place, one article's at a time, so a unit of any size fits in memory.
 */
#define CSS_MARK	"\x01umpress-page-css\x01"

/*
 * One batch: the articles the query gives, in its order, in one
 * document, each employee on their own named pages.  The query's
 * columns: id, name, src, off, len.  Kept as it is when its articles are
 * (its input: the project, the path, the title and set, the
 * umpress_set() of its articles).
 */
static int
batch_write(struct priv *pv, struct eng *e, const char *path,
    const char *title, sqlite3_stmt *st, const struct digest *set)
{
	const struct priv_tmpl *t = &pv->p->priv;
	struct out_file *f;
	struct buf tmp = {0}, css = {0};
	struct arena a = {0};
	struct digest in;
	struct hash h;
	struct tv *v;
	const char *mark;
	size_t head;
	int ok = 1, rc;

	hash_init(&h);
	hash_digest(&h, &pv->p->fp);
	hash_str(&h, path);
	hash_str(&h, title);
	hash_digest(&h, set);
	hash_end(&h, &in);
	if (out_keep(pv->out, path, &in, OUT_PRIVATE))
		return 1;
	f = out_open(pv->out, path, OUT_PRIVATE, &in);
	v = private_view(pv->p, &a, title, CSS_MARK);
	tv_put(&a, v, "batch", tv_bool(&a, 1));
	ok = tmpl_render(t->print_start, v, &tmp);
	mark = ok ? strstr(tmp.data ? tmp.data : "", CSS_MARK) : NULL;
	head = mark ? (size_t)(mark - tmp.data) : tmp.len;
	out_put(f, tmp.data, head);
	rc = SQLITE_DONE;
	while (mark != NULL && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		page_css(&css, col(st, 0), col(st, 1), 1);
		out_put(f, css.data, css.len);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		ok = eng_db_fail(e, "select");
	if (mark != NULL)
		out_put(f, mark + strlen(CSS_MARK), tmp.len - head -
		    strlen(CSS_MARK));
	while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW)
		ok = eng_copy(e, f, col(st, 0), sqlite3_column_int(st, 2),
		    sqlite3_column_int64(st, 3),
		    (size_t)sqlite3_column_int64(st, 4), &tmp);
	/* A short batch must not be kept as a whole one. */
	if (ok && rc != SQLITE_DONE)
		ok = eng_db_fail(e, "select");
	buf_reset(&tmp);
	ok = ok && tmpl_render(t->print_end, private_view(pv->p, &a, title,
	    ""), &tmp);
	out_put(f, tmp.data, tmp.len);
	ok &= out_close(f);
	sqlite3_reset(st);
	arena_free(&a);
	buf_free(&tmp);
	buf_free(&css);
	return ok;
}

/* The batch DIR/KEY.html, "WHAT of WHOM", of the articles of st. */
static int
batch_at(struct priv *pv, struct eng *e, sqlite3_stmt *st, const char *dir,
    const char *key, const char *what, const char *whom,
    const struct digest *set)
{
	char *path = xasprintf("%s/%s.html", dir, key);
	char *title = xasprintf("%s of %s", what, whom);
	int ok = batch_write(pv, e, path, title, st, set);

	free(path);
	free(title);
	return ok;
}

/* Each unit's batch. */
static int
unit_batches(struct priv *pv, struct eng *e, const struct eng_units *u,
    const char *kind, const char *dir, const char *what)
{
	sqlite3_stmt *st;
	size_t i;
	int ok;

	st = eng_prepare(e, kind, "SELECT id, name, src, off, len FROM %s "
	    "WHERE unit IS ? ORDER BY name, id");
	for (i = 0, ok = st != NULL; ok && i < u->n; i++) {
		rec_bind_text(st, 1, u->v[i].name);
		ok = batch_at(pv, e, st, dir, u->v[i].key, what, u->v[i].name ?
		    u->v[i].name : "employees with no unit", &u->v[i].set);
	}
	sqlite3_finalize(st);
	return ok;
}

/* The batch of the employees without computer access, every unit's. */
static int
nocomp_batch(struct priv *pv, struct eng *e, const struct eng_units *u,
    const char *kind, const char *dir, const char *what)
{
	sqlite3_stmt *st;
	int ok;

	if ((st = eng_prepare(e, kind, "SELECT id, name, src, off, len FROM "
	    "%s WHERE no_computer ORDER BY unit, name, id")) == NULL)
		return 0;
	ok = batch_at(pv, e, st, dir, "no-computer-access", what,
	    "employees without computer access", &u->nocomp);
	sqlite3_finalize(st);
	return ok;
}

/* The articles of employees without computer access, every unit's. */
long long
batches_nocomp(const struct eng_units *u)
{
	long long n = 0;
	size_t i;

	for (i = 0; u != NULL && i < u->n; i++)
		n += u->v[i].nocomp;
	return n;
}

int
batches_write(struct priv *pv, struct eng *e, const char *kind,
    const char *dir, const char *what, int nocomp_always)
{
	const struct eng_units *u = eng_units(e, kind);

	if (u == NULL || !unit_batches(pv, e, u, kind, dir, what))
		return 0;
	/* A unit has a batch only when it has articles (eng_units); the
	 * batch of employees without computer access is left out as well
	 * when it would hold none, unless the caller's contract names it
	 * (cli.md: print/no-computer-access.html).  Left out, the previous
	 * build's file goes with the swap, and the manifest does not list
	 * it. */
	if (!nocomp_always && batches_nocomp(u) == 0)
		return 1;
	return nocomp_batch(pv, e, u, kind, dir, what);
}
