/*
 * packets.c: the private outputs of a build (cli.md, output layout): one
 * packet per employee, the print batches, the eligibility lists (G3) and
 * the coordinator's index; and, on the same pass, the annual figures.
 *
 * One ordered scan of the records (records.c) feeds worker threads in
 * batches of employees.  A worker runs the rules, renders the packet and
 * writes packets/ID.html, unless the previous output holds the packet
 * made from the same input (the project's digest and the employee's
 * rows): then it is kept without rendering.  What the batches and lists
 * need later (the packet's article, the list lines) goes to a spool file
 * (or stays in the kept packet) and a private temporary SQLite database,
 * so memory does not grow with the number of employees.  Batches and lists are written after the scan in an order
 * that is total (unit, name, id; title, county, grade, seniority, id),
 * so the output is the same whatever thread did what.
 *
 * Everything here is personal data: every file is written OUT_PRIVATE.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "extern.h"
#include "records.h"

#define PRIV	"private/"
#define BATCH	64		/* employees handed to a worker at once */

/* What becomes of one employee of a batch. */
struct slot {
	const char	*path;		/* of the packet (in the batch's arena) */
	struct out_rec	 old;		/* the previous output's packet */
	int		 has_old;
	struct out_rec	 rec;		/* this build's */
	int		 made;		/* a packet was made */
	/* For the batches and lists (pk_note), put in the private
	 * database when the batch is retired. */
	const char	*cls;		/* the class's name */
	size_t		 nalerts;
	long long	 off;		/* of the article: see pk_schema */
	size_t		 len;
	int		 src;
	struct digest	 in;
	struct list_entry *le;		/* in the batch's arena */
	size_t		 nle;
};

/*
 * A batch of employees read by the scan, handed to one worker.  The
 * batches are a ring the scan fills in turn; before refilling one it
 * waits for it to be done and records its packets, so the manifest gets
 * them in id order whatever thread did what.
 */
struct batch {
	struct arena	 a;		/* the histories' rows */
	struct history	 h[BATCH];
	struct slot	 s[BATCH];
	size_t		 n;
	int		 busy;		/* queued or being run (qlock) */
	struct batch	*next;		/* in the queue */
};

/* What one worker keeps. */
struct worker {
	struct pk	*pk;
	pthread_t	 tid;
	struct arena	 a;		/* one employee's view; reset each */
	struct buf	 art;		/* one article */
	struct buf	 doc;		/* one packet document */
	struct buf	 css;		/* its @page rules */
	struct fy_figures fy;		/* this worker's part of the figures */
};

/* One build's packets. */
struct pk {
	struct project	*p;
	struct out	*out;		/* NULL: check (render, write nothing) */
	struct diag	*d;
	const struct tmpl *doc;		/* templates/packet.html */
	const struct tmpl *article;	/* partials/packet-article.html */
	const struct tmpl *print_start;	/* partials/print-start.html */
	const struct tmpl *print_end;	/* partials/print-end.html */
	const struct tmpl *private;	/* templates/private.html */
	const struct tmpl *index_row;	/* partials/private-row.html */
	const struct tmpl *index_end;	/* partials/private-end.html */
	char		*style;		/* templates/packet.css */
	sqlite3		*db;		/* private temporary database */
	sqlite3_stmt	*ins_packet;
	sqlite3_stmt	*ins_entry;
	int		 spool;		/* file descriptor of the articles */
	const char	*spool_dir;	/* its folder, for messages */
	long long	 spool_end;
	int		 failed;	/* a write or the database failed */
	pthread_mutex_t	 lock;		/* spool_end, failed */
	pthread_mutex_t	 qlock;		/* the queue */
	pthread_cond_t	 qcond;
	struct batch	*queue, *qtail;	/* batches to do */
	int		 done;		/* the scan ended */
};

/* ---- the private database ----------------------------------------------- */

/*
 * packet: one row per packet made, for the batches and the index.  Its
 * article is in the spool at off (src 0), or, for a packet kept from the
 * previous output without rendering it, in that packet file at off
 * (src 1).  input: what the packet was made from (pk_input).  Its @page
 * rules are made again from id and name when a batch is written.
 */
static const char pk_schema[] =
	"PRAGMA journal_mode = OFF;"
	"PRAGMA synchronous = OFF;"
	"PRAGMA temp_store = FILE;"
	"PRAGMA cache_size = -8192;"	/* 8 MiB, whatever N is */
	"CREATE TABLE packet (unit_key TEXT NOT NULL, unit TEXT, "
	"  name TEXT NOT NULL, id TEXT NOT NULL, class TEXT, "
	"  no_computer INTEGER NOT NULL, nalerts INTEGER NOT NULL, "
	"  off INTEGER NOT NULL, len INTEGER NOT NULL, "
	"  src INTEGER NOT NULL, input BLOB NOT NULL);"
	"CREATE TABLE entry (code TEXT NOT NULL, county_key TEXT NOT NULL, "
	"  county TEXT NOT NULL, grade TEXT NOT NULL, seniority TEXT, "
	"  id TEXT NOT NULL, name TEXT NOT NULL, issued TEXT, expires TEXT);"
	"BEGIN;";

static int
pk_db_fail(struct pk *k, const char *what)
{
	diag_msg(k->d, DIAG_ERROR, "temporary database: %s: %s", what,
	    k->db ? sqlite3_errmsg(k->db) : "cannot open");
	return 0;
}

/*
 * umpress_set(id, input): the digest of a set of packets, the sum of
 * each one's H(id, input) (digest_add).  A print batch, the index and
 * the lists are made from their packets' rows alone, and their order
 * (unit, name, id) comes from those rows, so the set's digest stands
 * for what they are made from; as a sum it is computed in the one
 * GROUP BY pass that finds the units, not in a pass of its own.
 */
static void
set_step(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	struct digest *sum = sqlite3_aggregate_context(cx, sizeof(*sum));
	struct digest x;
	struct hash h;
	const void *in;

	(void)argc;
	if (sum == NULL) {
		sqlite3_result_error_nomem(cx);
		return;
	}
	hash_init(&h);
	hash_str(&h, (const char *)sqlite3_value_text(argv[0]));
	in = sqlite3_value_blob(argv[1]);
	hash_put(&h, in, (size_t)sqlite3_value_bytes(argv[1]));
	hash_end(&h, &x);
	digest_add(sum, &x);
}

static void
set_final(sqlite3_context *cx)
{
	static const struct digest none;
	const struct digest *sum = sqlite3_aggregate_context(cx, 0);

	sqlite3_result_blob(cx, sum ? sum : &none, sizeof(none),
	    SQLITE_TRANSIENT);
}

/* Adds the umpress_set() column i of st to sum. */
static void
set_add(struct digest *sum, sqlite3_stmt *st, int i)
{
	struct digest x;

	if (sqlite3_column_bytes(st, i) != sizeof(x))
		return;
	memcpy(&x, sqlite3_column_blob(st, i), sizeof(x));
	digest_add(sum, &x);
}

static int
pk_db_open(struct pk *k)
{
	/* "": a private database in a temporary file, deleted on close. */
	if (sqlite3_open_v2("", &k->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
		return pk_db_fail(k, "open");
	if (sqlite3_exec(k->db, pk_schema, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_create_function(k->db, "umpress_set", 2, SQLITE_UTF8 |
	    SQLITE_DETERMINISTIC, NULL, NULL, set_step, set_final) !=
	    SQLITE_OK)
		return pk_db_fail(k, "create");
	if (sqlite3_prepare_v2(k->db, "INSERT INTO packet VALUES "
	    "(?,?,?,?,?,?,?,?,?,?,?)", -1, &k->ins_packet, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(k->db, "INSERT INTO entry VALUES "
	    "(?,?,?,?,?,?,?,?,?)", -1, &k->ins_entry, NULL) != SQLITE_OK)
		return pk_db_fail(k, "prepare");
	return 1;
}

/* The file name of a unit or county (cli.md: lowercased, runs of other
 * characters one '-'); "" when nothing is left. */
static void
file_key(struct buf *b, const char *s)
{
	buf_reset(b);
	if (s != NULL)
		slugify(b, s, strlen(s), 0);
	buf_putc(b, '\0');
	b->len--;
}

/* ---- one employee --------------------------------------------------------- */

/*
 * The @page rules that print the employee's name and the page number on
 * every page.  A batch gives each packet its own named page, so each
 * employee's pages carry their own name.
 */
static void
page_css(struct buf *b, const char *id, const char *name, int named)
{
	buf_reset(b);
	if (named)
		buf_printf(b, "@page p-%s {", id);
	else
		BUF_LIT(b, "@page {");
	BUF_LIT(b, " @top-left { content: \"");
	esc_css_str(b, name, strlen(name));
	buf_printf(b, " (%s)\"; }", id);
	if (named)
		buf_printf(b, " }\n#p-%s { page: p-%s; }\n", id, id);
	else
		BUF_LIT(b, " @bottom-right { content: \"Page \" counter(page) "
		    "\" of \" counter(pages); } }\n");
}

/* The view of the packet templates: the packet view and the site's. */
static struct tv *
pk_view(struct worker *w, const struct packet *pkt)
{
	const struct config *s = &w->pk->p->conf;
	struct arena *a = &w->a;
	struct tv *v = view_packet(pkt, &w->pk->p->catalog, s, a, 1), *st, *c;

	st = tv_set(a, v, "site", tv_map(a));
	tv_set(a, st, "title", tv_str(a, s->title));
	tv_set(a, st, "department", tv_str(a, s->department));
	c = tv_set(a, st, "contact", tv_map(a));
	tv_set(a, c, "name", tv_str(a, s->contact.name));
	tv_set(a, c, "phone", tv_str(a, s->contact.phone));
	tv_set(a, c, "email", tv_str(a, s->contact.email));
	tv_set(a, c, "office", tv_str(a, s->contact.office));
	return v;
}

/*
 * Renders one employee's packet: the article into w->art and the whole
 * document into w->doc.  Used by the build and by `umpress packet`.
 */
static int
pk_render(struct worker *w, const struct packet *pkt)
{
	struct pk *k = w->pk;
	struct tv *v = pk_view(w, pkt);

	buf_reset(&w->art);
	buf_reset(&w->doc);
	if (!tmpl_render(k->article, v, &w->art))
		return 0;
	page_css(&w->css, pkt->h->emp.id, pkt->h->emp.name, 0);
	tv_set(&w->a, v, "style", tv_str(&w->a, k->style));
	tv_set(&w->a, v, "page_css", tv_str(&w->a, w->css.data));
	tv_set(&w->a, v, "article", tv_str(&w->a, w->art.data));
	return tmpl_render(k->doc, v, &w->doc);
}

/*
 * Writes an article to the spool at off.  Only the first failure is
 * reported (a full disk fails every write after it); pk->failed then
 * stops the workers.
 */
static int
spool_write(struct pk *k, const char *p, size_t len, long long off)
{
	ssize_t n;

	while (len > 0) {
		if ((n = pwrite(k->spool, p, len, (off_t)off)) == -1 &&
		    errno == EINTR)
			continue;
		if (n <= 0) {
			if (n == 0)
				errno = ENOSPC;
			pthread_mutex_lock(&k->lock);
			if (!k->failed)
				diag_msg(k->d, DIAG_ERROR, "cannot write the "
				    "temporary file in %s: %s", k->spool_dir,
				    strerror(errno));
			k->failed = 1;
			pthread_mutex_unlock(&k->lock);
			return 0;
		}
		p += n;
		len -= (size_t)n;
		off += n;
	}
	return 1;
}

/*
 * Notes in sl what the batches and lists need of one employee (strings
 * and entries in the batch's arena a, which lives until the batch is
 * retired; batch_retire puts them in the database).  The article is
 * w->art, spooled, or when old is not NULL the part of the previous
 * output's packet it names.  (Reading this build's articles back from
 * their packet files instead of a spool costs an open per article in
 * the batches' single-threaded phase: slower, measured.)
 */
static int
pk_note(struct worker *w, struct arena *a, struct slot *sl,
    const struct packet *pkt, struct list_entry *le, size_t nle,
    const struct digest *in, const struct out_rec *old)
{
	struct pk *k = w->pk;

	sl->cls = pkt->cls ? pkt->cls->name : pkt->h->emp.class_code;
	sl->nalerts = pkt->nalerts;
	sl->in = *in;
	sl->src = old != NULL;
	if ((sl->nle = nle) > 0) {
		sl->le = arena_alloc(a, nle * sizeof(*le));
		memcpy(sl->le, le, nle * sizeof(*le));
	}
	if (old != NULL) {
		sl->off = (long long)old->part_off;
		sl->len = (size_t)old->part_len;
		return 1;
	}
	sl->len = w->art.len;
	pthread_mutex_lock(&k->lock);
	sl->off = k->spool_end;
	k->spool_end += (long long)w->art.len;
	pthread_mutex_unlock(&k->lock);
	/* Written outside the lock: the range is ours. */
	return k->out == NULL || spool_write(k, w->art.data, w->art.len,
	    sl->off);
}

/*
 * Puts one employee's notes in the private database.  In the scan's
 * thread, one batch after another: the workers never wait for the
 * database (its inserts were a tenth of their time, each under a lock),
 * and rows go in in id order.
 */
static int
pk_insert(struct pk *k, const struct employee *e, const struct slot *sl)
{
	struct buf key = {0}, ck = {0};
	const struct list_entry *le = sl->le;
	size_t i;
	int ok = 1;

	file_key(&key, e->unit);
	sqlite3_reset(k->ins_packet);
	rec_bind_text(k->ins_packet, 1, key.len ? key.data : "no-unit");
	rec_bind_text(k->ins_packet, 2, e->unit);
	rec_bind_text(k->ins_packet, 3, e->name);
	rec_bind_text(k->ins_packet, 4, e->id);
	rec_bind_text(k->ins_packet, 5, sl->cls);
	sqlite3_bind_int(k->ins_packet, 6, !e->computer_access);
	sqlite3_bind_int64(k->ins_packet, 7, (sqlite3_int64)sl->nalerts);
	sqlite3_bind_int64(k->ins_packet, 8, sl->off);
	sqlite3_bind_int64(k->ins_packet, 9, (sqlite3_int64)sl->len);
	sqlite3_bind_int(k->ins_packet, 10, sl->src);
	sqlite3_bind_blob(k->ins_packet, 11, &sl->in, sizeof(sl->in),
	    SQLITE_TRANSIENT);
	if (sqlite3_step(k->ins_packet) != SQLITE_DONE)
		ok = pk_db_fail(k, "insert");
	for (i = 0; ok && i < sl->nle; i++) {
		file_key(&ck, le[i].county);
		sqlite3_reset(k->ins_entry);
		rec_bind_text(k->ins_entry, 1, le[i].title->code);
		rec_bind_text(k->ins_entry, 2, ck.len ? ck.data : "county");
		rec_bind_text(k->ins_entry, 3, le[i].county);
		sqlite3_bind_text(k->ins_entry, 4, &le[i].grade, 1,
		    SQLITE_TRANSIENT);
		rec_bind_date(k->ins_entry, 5, le[i].seniority_date);
		rec_bind_text(k->ins_entry, 6, e->id);
		rec_bind_text(k->ins_entry, 7, e->name);
		rec_bind_date(k->ins_entry, 8, le[i].issued_on);
		rec_bind_date(k->ins_entry, 9, le[i].expires_on);
		if (sqlite3_step(k->ins_entry) != SQLITE_DONE)
			ok = pk_db_fail(k, "insert");
	}
	buf_free(&key);
	buf_free(&ck);
	return ok;
}

static void
fy_sum(struct fy_figures *to, const struct fy_figures *from, size_t ntitles)
{
	size_t i;

	to->eligible_employees += from->eligible_employees;
	to->participating_employees += from->participating_employees;
	for (i = 0; i < 3; i++)
		to->appointments[i] += from->appointments[i];
	to->appointments_eltpa += from->appointments_eltpa;
	to->appointments_bridging += from->appointments_bridging;
	to->withdrawal_candidates += from->withdrawal_candidates;
	to->course_spent_cents += from->course_spent_cents;
	to->courses_taken += from->courses_taken;
	to->courses_completed += from->courses_completed;
	to->courses_dropped += from->courses_dropped;
	to->courses_failed += from->courses_failed;
	to->exams_taken += from->exams_taken;
	to->grades_issued += from->grades_issued;
	for (i = 0; i < ntitles; i++)
		to->grades_by_title[i] += from->grades_by_title[i];
	for (i = 0; i < 3 * ntitles; i++)
		to->appointments_by_title[i] += from->appointments_by_title[i];
}

/*
 * What a packet is made from: the project (program, templates, content,
 * as-of date) and the employee's rows.  The same input makes the same
 * packet, so a packet whose input the previous output's manifest holds
 * is kept without rendering it.
 */
static void
pk_input(const struct project *p, const struct history *h,
    struct digest *in)
{
	struct hash x;

	hash_init(&x);
	hash_digest(&x, &p->fp);
	hash_digest(&x, &h->input);
	hash_end(&x, in);
}

/* Where the article is in the document ({{{article}}} in packet.html);
 * UINT64_MAX when a custom template does not hold it as it is. */
static uint64_t
part_of(const struct buf *doc, const struct buf *art)
{
	const char *p = doc->data, *end = doc->data + doc->len;

	if (art->len == 0)
		return 0;
	while ((p = memchr(p, art->data[0], (size_t)(end - p))) != NULL &&
	    (size_t)(end - p) >= art->len) {
		if (memcmp(p, art->data, art->len) == 0)
			return (uint64_t)(p - doc->data);
		p++;
	}
	return UINT64_MAX;
}

/* One employee: rules, figures, and for a participant or an eligible
 * employee the packet (issue: every employee with an enrollment or an
 * eligibility), kept from the previous output when its input is the
 * same. */
static int
pk_employee(struct worker *w, struct arena *a, const struct history *h,
    struct slot *sl)
{
	struct pk *k = w->pk;
	const struct project *p = k->p;
	struct packet pkt;
	struct list_entry *le;
	struct digest in;
	uint64_t off;
	size_t nle;
	int ok = 1;

	rule_packet(h, &p->catalog, &p->conf.prog, p->conf.profile, p->as_of,
	    &w->a, &pkt);
	rule_fy_add(h, &p->catalog, &p->conf.prog, p->conf.profile, p->as_of,
	    &w->fy);
	if (pkt.enrollment == NULL && !pkt.eligible)
		goto out;
	rule_list_entries(h, &p->catalog, &p->conf.prog, p->conf.profile,
	    p->as_of, &w->a, &le, &nle);
	pk_input(p, h, &in);
	/* A kept packet's article is read back for the batches: only when
	 * the previous build found it in the document. */
	if (sl->has_old && sl->old.part_off != UINT64_MAX &&
	    out_seq_keep(k->out, sl->path, &sl->old, &in, &sl->rec))
		ok = pk_note(w, a, sl, &pkt, le, nle, &in, &sl->rec);
	else if (!pk_render(w, &pkt))
		ok = 0;
	else {
		off = part_of(&w->doc, &w->art);
		ok = out_seq_write(k->out, sl->path, w->doc.data, w->doc.len,
		    OUT_PRIVATE, &in, off, off == UINT64_MAX ? 0 : w->art.len,
		    sl->has_old ? &sl->old : NULL, &sl->rec);
		ok = ok && pk_note(w, a, sl, &pkt, le, nle, &in, NULL);
	}
	sl->made = ok;
out:
	arena_reset(&w->a);
	return ok;
}

/* ---- the scan and the workers ------------------------------------------- */

static void
worker_init(struct worker *w, struct pk *k)
{
	memset(w, 0, sizeof(*w));
	w->pk = k;
	fy_figures_init(&w->fy, date_fy(k->p->as_of), k->p->catalog.ntitles);
}

static void
worker_free(struct worker *w)
{
	arena_free(&w->a);
	buf_free(&w->art);
	buf_free(&w->doc);
	buf_free(&w->css);
	fy_figures_free(&w->fy);
}

static void
batch_run(struct worker *w, struct batch *b)
{
	size_t i, n = b->n;
	int ok = 1;

	/* After a failure (a full disk, a bad template) the rest is not
	 * done: one message, not one per employee. */
	pthread_mutex_lock(&w->pk->lock);
	if (w->pk->failed)
		n = 0;
	pthread_mutex_unlock(&w->pk->lock);
	for (i = 0; i < n; i++)
		ok &= pk_employee(w, &b->a, &b->h[i], &b->s[i]);
	progress_add(b->n);	/* the employees of the progress line */
	if (!ok) {
		pthread_mutex_lock(&w->pk->lock);
		w->pk->failed = 1;
		pthread_mutex_unlock(&w->pk->lock);
	}
}

static void *
worker_main(void *arg)
{
	struct worker *w = arg;
	struct pk *k = w->pk;
	struct batch *b;

	for (;;) {
		pthread_mutex_lock(&k->qlock);
		while (k->queue == NULL && !k->done)
			pthread_cond_wait(&k->qcond, &k->qlock);
		if ((b = k->queue) == NULL) {
			pthread_mutex_unlock(&k->qlock);
			return NULL;
		}
		if ((k->queue = b->next) == NULL)
			k->qtail = NULL;
		pthread_mutex_unlock(&k->qlock);
		batch_run(w, b);
		pthread_mutex_lock(&k->qlock);
		b->busy = 0;
		pthread_cond_broadcast(&k->qcond);
		pthread_mutex_unlock(&k->qlock);
	}
}

static void
batch_put(struct pk *k, struct batch *b)
{
	pthread_mutex_lock(&k->qlock);
	b->busy = 1;
	b->next = NULL;
	if (k->qtail != NULL)
		k->qtail->next = b;
	else
		k->queue = b;
	k->qtail = b;
	pthread_cond_broadcast(&k->qcond);
	pthread_mutex_unlock(&k->qlock);
}

/* Waits until the workers are done with b, records its packets in the
 * manifest (in id order: the batches are retired in the order they were
 * filled) and empties it. */
static void
batch_retire(struct pk *k, struct batch *b)
{
	size_t i;

	pthread_mutex_lock(&k->qlock);
	while (b->busy)
		pthread_cond_wait(&k->qcond, &k->qlock);
	pthread_mutex_unlock(&k->qlock);
	for (i = 0; i < b->n; i++) {
		if (!b->s[i].made)
			continue;
		out_seq_put(k->out, b->h[i].emp.id, b->s[i].path,
		    &b->s[i].rec);
		if (!pk_insert(k, &b->h[i].emp, &b->s[i])) {
			pthread_mutex_lock(&k->lock);
			k->failed = 1;
			pthread_mutex_unlock(&k->lock);
			break;
		}
	}
	arena_reset(&b->a);
	memset(b->s, 0, sizeof(b->s));
	b->n = 0;
}

/* Reads the next employee into b, with the previous output's packet. */
static int
batch_fill(struct pk *k, struct rec_scan *sc, struct batch *b, int *bad)
{
	struct slot *sl = &b->s[b->n];
	const char *id;

	if (!rec_scan_next(sc, &b->a, &b->h[b->n], bad))
		return 0;
	id = b->h[b->n].emp.id;
	sl->path = arena_printf(&b->a, PRIV "packets/%s.html", id);
	sl->has_old = *bad == 0 && out_seq_old(k->out, id, sl->path,
	    &sl->old);
	b->n++;
	return 1;
}

/*
 * Reads every employee in id order and has the workers do each.  Returns
 * 0 when a record was bad (every one reported: the scan goes on to the
 * end so a run shows them all) or anything failed.
 */
static int
pk_scan(struct pk *k, struct records *r, int jobs, struct fy_figures *fy)
{
	struct worker *ws = xcalloc((size_t)jobs, sizeof(*ws));
	size_t nring = jobs > 1 ? 2 * (size_t)jobs : 1, seq, i;
	struct batch *ring = xcalloc(nring, sizeof(*ring)), *b;
	struct rec_scan *sc;
	int bad, nbad = 0, more = 1;

	for (i = 0; i < (size_t)jobs; i++)
		worker_init(&ws[i], k);
	for (i = 0; jobs > 1 && i < (size_t)jobs; i++)
		pthread_create(&ws[i].tid, NULL, worker_main, &ws[i]);
	sc = rec_scan_new(r, &k->p->catalog, k->p->conf.profile);
	for (seq = 0; more; seq++) {
		b = &ring[seq % nring];
		batch_retire(k, b);
		while (b->n < BATCH && (more = batch_fill(k, sc, b, &bad)))
			nbad += bad;
		/* Bad rows: go on reading to report them all, write no more. */
		if (nbad > 0)
			b->n = 0;
		if (jobs > 1)
			batch_put(k, b);
		else
			batch_run(&ws[0], b);
	}
	pthread_mutex_lock(&k->qlock);
	k->done = 1;
	pthread_cond_broadcast(&k->qcond);
	pthread_mutex_unlock(&k->qlock);
	for (i = 0; i < nring; i++)
		batch_retire(k, &ring[(seq + i) % nring]);
	for (i = 0; jobs > 1 && i < (size_t)jobs; i++)
		pthread_join(ws[i].tid, NULL);
	for (i = 0; i < (size_t)jobs; i++) {
		fy_sum(fy, &ws[i].fy, k->p->catalog.ntitles);
		worker_free(&ws[i]);
	}
	for (i = 0; i < nring; i++)
		arena_free(&ring[i].a);
	free(ring);
	free(ws);
	nbad += rec_scan_failed(sc);
	rec_scan_free(sc);
	return nbad == 0 && !k->failed;
}

/* ---- batches, lists and the index ----------------------------------------- */

static const char *
col(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);

	return s ? s : "";
}

/*
 * Copies an article into f: len bytes at off of the spool (src 0) or of
 * the previous output's packet of employee id (src 1, a kept packet).
 */
static int
article_copy(struct pk *k, struct out_file *f, int src, const char *id,
    long long off, size_t len, struct buf *tmp)
{
	char *path;
	ssize_t n;
	int ok = 1;

	buf_reset(tmp);
	buf_reserve(tmp, len);
	if (k->out == NULL)
		return 1;
	if (src == 1) {
		path = xasprintf(PRIV "packets/%s.html", id);
		if (!out_read_old(k->out, path, (uint64_t)off, len, tmp)) {
			diag_msg(k->d, DIAG_ERROR, "cannot read the previous "
			    "output's %s: %s", path, strerror(errno));
			ok = 0;
		}
		free(path);
	} else if ((n = pread(k->spool, tmp->data, len, (off_t)off)) !=
	    (ssize_t)len) {
		diag_msg(k->d, DIAG_ERROR, "temporary file: short read");
		ok = 0;
	}
	if (ok)
		out_put(f, tmp->data, len);
	return ok;
}

/* A small view for the shells of batches and private pages. */
static struct tv *
shell_view(struct pk *k, struct arena *a, const char *title,
    const char *css)
{
	struct tv *v = tv_map(a), *st;

	tv_set(a, v, "title", tv_str(a, title));
	tv_set(a, v, "style", tv_str(a, k->style));
	tv_set(a, v, "page_css", tv_str(a, css));
	tv_set(a, v, "as_of", tv_date(a, k->p->as_of));
	st = tv_set(a, v, "site", tv_map(a));
	tv_set(a, st, "title", tv_str(a, k->p->conf.title));
	/* private.html shows a list or the index; the caller sets one. */
	tv_set(a, v, "list", tv_null(a));
	tv_set(a, v, "index", tv_null(a));
	return v;
}

/*
 * Where the page rules go in the rendered print-start partial: it is
 * rendered with this mark as page_css, and the rules are streamed in its
 * place, one packet's at a time, so a unit of any size fits in memory.
 */
#define CSS_MARK	"\x01umpress-page-css\x01"

/*
 * One print batch: the packets the query gives, in its order, in one
 * document, a page break between employees (the packet.css article
 * rule).  The query's columns: id, name, src, off, len.  Kept as it is
 * when its packets are (its input: the project, the path, the title and
 * set, the umpress_set() of its packets).
 */
static int
print_batch(struct pk *k, const char *path, const char *title,
    sqlite3_stmt *st, const struct digest *set)
{
	struct out_file *f;
	struct buf tmp = {0}, css = {0};
	struct arena a = {0};
	struct digest in;
	struct hash h;
	const char *mark;
	size_t head;
	int ok = 1, rc;

	hash_init(&h);
	hash_digest(&h, &k->p->fp);
	hash_str(&h, path);
	hash_str(&h, title);
	hash_digest(&h, set);
	hash_end(&h, &in);
	if (out_keep(k->out, path, &in, OUT_PRIVATE))
		return 1;
	f = out_open(k->out, path, OUT_PRIVATE, &in);
	ok = tmpl_render(k->print_start, shell_view(k, &a, title, CSS_MARK),
	    &tmp);
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
		ok = pk_db_fail(k, "select");
	if (mark != NULL)
		out_put(f, mark + strlen(CSS_MARK), tmp.len - head -
		    strlen(CSS_MARK));
	while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW)
		ok = article_copy(k, f, sqlite3_column_int(st, 2), col(st, 0),
		    sqlite3_column_int64(st, 3),
		    (size_t)sqlite3_column_int64(st, 4), &tmp);
	/* A short batch must not be kept as a whole one. */
	if (ok && rc != SQLITE_DONE)
		ok = pk_db_fail(k, "select");
	buf_reset(&tmp);
	ok = ok && tmpl_render(k->print_end, shell_view(k, &a, title, ""),
	    &tmp);
	out_put(f, tmp.data, tmp.len);
	ok &= out_close(f);
	sqlite3_reset(st);
	arena_free(&a);
	buf_free(&tmp);
	buf_free(&css);
	return ok;
}

/* A unit of the packets: its print batch and its index entry. */
struct unit {
	char		*key;		/* print/KEY.html */
	char		*name;		/* NULL: employees with no unit */
	long long	 count, nocomp;
	struct digest	 set;		/* umpress_set() of its packets */
};

/* The units, in key order, and the sets of all packets and of the
 * packets of employees without computer access. */
struct units {
	struct unit	*v;
	size_t		 n, cap;
	struct digest	 all, nocomp;
};

static void
units_free(struct units *u)
{
	size_t i;

	for (i = 0; i < u->n; i++) {
		free(u->v[i].key);
		free(u->v[i].name);
	}
	free(u->v);
}

/* The units, from one GROUP BY over the covering index; their number
 * is the department's, not the employees'. */
static int
units_read(struct pk *k, struct units *u)
{
	sqlite3_stmt *st;
	struct unit *t;
	int rc;

	memset(u, 0, sizeof(*u));
	if (sqlite3_prepare_v2(k->db, "SELECT unit_key, min(unit), count(*), "
	    "sum(no_computer), umpress_set(id, input), umpress_set(id, "
	    "input) FILTER (WHERE no_computer) FROM packet GROUP BY "
	    "unit_key ORDER BY unit_key", -1, &st, NULL) != SQLITE_OK)
		return pk_db_fail(k, "prepare");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (u->n == u->cap) {
			u->cap = u->cap ? 2 * u->cap : 16;
			u->v = xreallocarray(u->v, u->cap, sizeof(*u->v));
		}
		t = &u->v[u->n++];
		memset(t, 0, sizeof(*t));
		t->key = xstrdup(col(st, 0));
		if (sqlite3_column_type(st, 1) != SQLITE_NULL)
			t->name = xstrdup(col(st, 1));
		t->count = sqlite3_column_int64(st, 2);
		t->nocomp = sqlite3_column_int64(st, 3);
		set_add(&t->set, st, 4);
		digest_add(&u->all, &t->set);
		set_add(&u->nocomp, st, 5);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE || pk_db_fail(k, "select");
}

static int
print_batches(struct pk *k, const struct units *u)
{
	sqlite3_stmt *st = NULL;
	char *path, *title;
	size_t i;
	int ok = 1;

	if (sqlite3_prepare_v2(k->db, "SELECT id, name, src, off, len FROM "
	    "packet WHERE unit_key = ? ORDER BY name, id", -1, &st, NULL) !=
	    SQLITE_OK)
		return pk_db_fail(k, "prepare");
	for (i = 0; ok && i < u->n; i++) {
		sqlite3_bind_text(st, 1, u->v[i].key, -1, SQLITE_STATIC);
		path = xasprintf(PRIV "print/%s.html", u->v[i].key);
		title = xasprintf("Packets of %s", u->v[i].name ?
		    u->v[i].name : "employees with no unit");
		ok = print_batch(k, path, title, st, &u->v[i].set);
		free(path);
		free(title);
	}
	sqlite3_finalize(st);
	if (ok && sqlite3_prepare_v2(k->db, "SELECT id, name, src, off, "
	    "len FROM packet WHERE no_computer ORDER BY unit_key, "
	    "name, id", -1, &st,
	    NULL) != SQLITE_OK)
		return pk_db_fail(k, "prepare");
	if (ok)
		ok = print_batch(k, PRIV "print/no-computer-access.html",
		    "Packets of employees without computer access", st,
		    &u->nocomp);
	sqlite3_finalize(st);
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

/* Writes one list (the rows of st for one title and county). */
static int
list_write(struct pk *k, const char *code, const char *ckey,
    const char *county, struct tv *rows, struct buf *csv, struct arena *a,
    struct arena *ia, struct tv *index)
{
	const struct title *t = catalog_find(&k->p->catalog, code);
	struct tv *v, *lv, *it;
	struct buf html = {0};
	char *path, *title, *href;
	int ok;

	/* A short <title>: the code, not the title's name. */
	title = xasprintf("List %s, %s", code, county);
	v = shell_view(k, a, title, "");
	lv = tv_put(a, v, "list", tv_map(a));
	tv_set(a, lv, "code", tv_str(a, code));
	tv_set(a, lv, "title", tv_str(a, t ? t->name : code));
	tv_set(a, lv, "county", tv_str(a, county));
	tv_set(a, lv, "heading", tv_str(a, t ? t->name : code));
	tv_set(a, lv, "rows", rows);
	href = xasprintf("%s.csv", ckey);
	tv_set(a, lv, "csv", tv_str(a, href));
	free(href);
	ok = tmpl_render(k->private, v, &html);
	path = xasprintf(PRIV "lists/%s/%s.html", code, ckey);
	ok = ok && out_write(k->out, path, html.data, html.len, OUT_PRIVATE);
	free(path);
	path = xasprintf(PRIV "lists/%s/%s.csv", code, ckey);
	ok = ok && out_write(k->out, path, csv->data, csv->len, OUT_PRIVATE);
	free(path);
	it = tv_push(ia, index, tv_map(ia));
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

/*
 * The eligibility lists (G3): by title and county, ordered by grade,
 * seniority date, then employee id.  Their index entries go to index (in
 * arena ia).  Two counties whose file names are the same (St. Clair,
 * St Clair) share one list, named by the first.
 */
static int
lists_write(struct pk *k, struct arena *ia, struct tv *index)
{
	sqlite3_stmt *st;
	struct arena a = {0};
	struct buf csv = {0};
	struct tv *rows = NULL, *r;
	char *code = NULL, *ckey = NULL, *county = NULL;
	long pos = 0;
	int ok = 1, rc = SQLITE_DONE;

	if (sqlite3_prepare_v2(k->db, "SELECT code, county_key, county, "
	    "grade, seniority, id, name, issued, expires FROM entry ORDER BY "
	    "code, county_key, grade, seniority, id", -1, &st, NULL) !=
	    SQLITE_OK)
		return pk_db_fail(k, "prepare");
	while (ok) {
		rc = sqlite3_step(st);
		if (code != NULL && (rc != SQLITE_ROW ||
		    strcmp(code, col(st, 0)) || strcmp(ckey, col(st, 1)))) {
			ok = list_write(k, code, ckey, county, rows, &csv, &a,
			    ia, index);
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
		list_csv_row(&csv, st, ++pos);
		r = tv_push(&a, rows, tv_map(&a));
		tv_set(&a, r, "position", tv_num(&a, (double)pos));
		tv_set(&a, r, "id", tv_str(&a, col(st, 5)));
		tv_set(&a, r, "name", tv_str(&a, col(st, 6)));
		tv_set(&a, r, "grade", tv_str(&a, col(st, 3)));
		tv_set(&a, r, "issued_on", tv_str(&a, col(st, 7)));
		tv_set(&a, r, "expires_on", tv_str(&a, col(st, 8)));
		tv_set(&a, r, "seniority_date", tv_str(&a, col(st, 4)));
	}
	sqlite3_finalize(st);
	if (ok && rc != SQLITE_DONE)
		ok = pk_db_fail(k, "select");
	arena_free(&a);
	buf_free(&csv);
	return ok;
}

/*
 * The coordinator's index: the batches, the lists, then every packet by
 * unit and name, one row rendered at a time so a department of any size
 * fits in memory.  The lists are written on the way.
 */
static int
index_write(struct pk *k, const struct units *u)
{
	struct out_file *f = NULL;
	struct digest in;
	struct arena a = {0}, ra = {0};
	struct buf b = {0};
	struct tv *v, *iv, *units, *it, *lists;
	struct hash h;
	sqlite3_stmt *st;
	char *href;
	size_t i;
	int ok = 1, rc = SQLITE_DONE;

	v = shell_view(k, &a, "Coordinator's index", "");
	iv = tv_put(&a, v, "index", tv_map(&a));
	units = tv_set(&a, iv, "units", tv_list(&a));
	lists = tv_set(&a, iv, "lists", tv_list(&a));
	for (i = 0; i < u->n; i++) {
		it = tv_push(&a, units, tv_map(&a));
		tv_set(&a, it, "name", tv_str(&a, u->v[i].name ?
		    u->v[i].name : "No unit"));
		href = xasprintf("print/%s.html", u->v[i].key);
		tv_set(&a, it, "href", tv_str(&a, href));
		free(href);
		tv_set(&a, it, "count", tv_num(&a, (double)u->v[i].count));
		tv_set(&a, it, "no_computer", tv_num(&a,
		    (double)u->v[i].nocomp));
	}
	/* What the index and lists are made from: the project and every
	 * packet's id and input. */
	hash_init(&h);
	hash_digest(&h, &k->p->fp);
	hash_str(&h, "index");
	hash_digest(&h, &u->all);
	hash_end(&h, &in);
	ok = lists_write(k, &a, lists);
	if (ok && out_keep(k->out, PRIV "index.html", &in, OUT_PRIVATE))
		goto done;
	f = out_open(k->out, PRIV "index.html", OUT_PRIVATE, &in);
	tv_set(&a, iv, "has_lists", tv_bool(&a, lists->len > 0));
	ok = ok && tmpl_render(k->private, v, &b);
	out_put(f, b.data, b.len);
	if (sqlite3_prepare_v2(k->db, "SELECT id, name, unit, class, "
	    "nalerts, no_computer FROM packet ORDER BY unit_key, name, id", -1,
	    &st, NULL) != SQLITE_OK)
		ok = pk_db_fail(k, "prepare");
	while (ok && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		it = tv_map(&ra);
		tv_set(&ra, it, "id", tv_str(&ra, col(st, 0)));
		tv_set(&ra, it, "name", tv_str(&ra, col(st, 1)));
		tv_set(&ra, it, "unit", tv_str(&ra, col(st, 2)));
		tv_set(&ra, it, "class", tv_str(&ra, col(st, 3)));
		tv_set(&ra, it, "alerts", tv_num(&ra,
		    (double)sqlite3_column_int64(st, 4)));
		tv_set(&ra, it, "printed", tv_bool(&ra,
		    sqlite3_column_int(st, 5)));
		href = xasprintf("packets/%s.html", col(st, 0));
		tv_set(&ra, it, "href", tv_str(&ra, href));
		free(href);
		buf_reset(&b);
		ok = tmpl_render(k->index_row, it, &b);
		out_put(f, b.data, b.len);
		arena_reset(&ra);
	}
	sqlite3_finalize(st);
	/* A short index must not be kept as a whole one. */
	if (ok && rc != SQLITE_DONE)
		ok = pk_db_fail(k, "select");
	buf_reset(&b);
	ok = ok && tmpl_render(k->index_end, v, &b);
	out_put(f, b.data, b.len);
	ok &= out_close(f);
done:
	arena_free(&a);
	arena_free(&ra);
	buf_free(&b);
	return ok;
}

/* ---- entry points ----------------------------------------------------------- */

/* Compiles a partial on its own, as a template. */
static const struct tmpl *
partial(struct tmpl_set *set, const char *name)
{
	char *text = xasprintf("{{> %s}}", name);
	const struct tmpl *t = tmpl_compile(set, name, text, strlen(text));

	free(text);
	return t;
}

static int
pk_init(struct pk *k, struct project *p, struct out *out, struct diag *d)
{
	struct buf css = {0};
	int ok;

	memset(k, 0, sizeof(*k));
	k->p = p;
	k->out = out;
	k->d = d;
	k->spool = -1;
	pthread_mutex_init(&k->lock, NULL);
	pthread_mutex_init(&k->qlock, NULL);
	pthread_cond_init(&k->qcond, NULL);
	k->doc = tmpl_get(p->tmpl, "packet.html");
	k->private = tmpl_get(p->tmpl, "private.html");
	k->article = partial(p->tmpl, "packet-article");
	k->print_start = partial(p->tmpl, "print-start");
	k->print_end = partial(p->tmpl, "print-end");
	k->index_row = partial(p->tmpl, "private-row");
	k->index_end = partial(p->tmpl, "private-end");
	ok = k->doc && k->private && k->article && k->print_start &&
	    k->print_end && k->index_row && k->index_end;
	if (!file_read("templates/packet.css", &css)) {
		diag_file(d, DIAG_ERROR, "templates/packet.css", 0,
		    "cannot read: %s", strerror(errno));
		ok = 0;
	}
	buf_putc(&css, '\0');
	k->style = xstrdup(css.data);
	buf_free(&css);
	return ok;
}

static void
pk_free(struct pk *k)
{
	sqlite3_finalize(k->ins_packet);
	sqlite3_finalize(k->ins_entry);
	sqlite3_close(k->db);
	if (k->spool != -1)
		close(k->spool);
	free(k->style);
	pthread_mutex_destroy(&k->lock);
	pthread_mutex_destroy(&k->qlock);
	pthread_cond_destroy(&k->qcond);
}

/* An unnamed temporary file for the spool. */
static int
spool_open(struct pk *k)
{
	const char *dir = getenv("TMPDIR");
	char *path;

	k->spool_dir = dir && *dir ? dir : "/tmp";
	path = xasprintf("%s/umpress-spool-XXXXXX", k->spool_dir);
	if ((k->spool = mkstemp(path)) == -1)
		diag_msg(k->d, DIAG_ERROR, "cannot make a temporary file in "
		    "%s: %s", k->spool_dir, strerror(errno));
	else
		unlink(path);
	free(path);
	return k->spool != -1;
}

int
packets_build(struct project *p, struct records *r, struct out *out,
    int jobs, struct fy_figures *fy, struct diag *d)
{
	struct units u = {0};
	struct pk k;
	int ok;

	ok = pk_init(&k, p, out, d) && pk_db_open(&k) &&
	    (out == NULL || spool_open(&k));
	ok = ok && pk_scan(&k, r, jobs < 1 ? 1 : jobs, fy);
	/* One sort for the batches and the index, not one per unit.  The
	 * index holds every column they read, so their passes go through
	 * it in order and never look a row up (a third of their time was
	 * those lookups: make bench, perf). */
	if (ok && sqlite3_exec(k.db, "COMMIT; CREATE INDEX packet_order ON "
	    "packet (unit_key, name, id, no_computer, src, off, len, "
	    "input, unit, class, nalerts)", NULL, NULL, NULL) != SQLITE_OK)
		ok = pk_db_fail(&k, "commit");
	/* Then the batches and the index, in one thread: run side by side
	 * they took as long (measured), as both mostly wait for the one
	 * temporary database's connection. */
	ok = ok && units_read(&k, &u) && print_batches(&k, &u) &&
	    index_write(&k, &u);
	units_free(&u);
	pk_free(&k);
	return ok;
}

int
packet_print(struct project *p, struct records *r, const char *id,
    const char *format, struct diag *d)
{
	struct pk k;
	struct worker w;
	struct history h;
	struct packet pkt;
	struct arena a = {0};
	struct buf b = {0};
	int found, bad = 0, ok = 0;

	if (!pk_init(&k, p, NULL, d))
		goto out;
	worker_init(&w, &k);
	found = rec_find(r, &p->catalog, p->conf.profile, id, &a, &h,
	    &bad);
	if (found == 0)
		diag_msg(d, DIAG_ERROR, "no employee with id %s", id);
	if (found == 1 && bad == 0) {
		rule_packet(&h, &p->catalog, &p->conf.prog, p->conf.profile,
		    p->as_of, &w.a, &pkt);
		if (strcmp(format, "json") == 0) {
			tv_json(&b, view_packet(&pkt, &p->catalog, &p->conf,
			    &w.a, 0), 1);
			buf_putc(&b, '\n');
		} else if (strcmp(format, "text") == 0)
			view_text(&pkt, &p->catalog, &p->conf, &b);
		else if (pk_render(&w, &pkt))
			buf_put(&b, w.doc.data, w.doc.len);
		ok = b.len > 0 && fwrite(b.data, 1, b.len, stdout) == b.len &&
		    fflush(stdout) == 0;
	}
	worker_free(&w);
out:
	pk_free(&k);
	arena_free(&a);
	buf_free(&b);
	return ok;
}
