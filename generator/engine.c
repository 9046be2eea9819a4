/*
 * engine.c: employees into documents.  One ordered scan of the records
 * (records.c) feeds worker threads in batches of employees.  A worker
 * runs the rules on each employee and hands the employee to every writer
 * (struct eng_writer, extern.h): a writer makes the employee's own files
 * (a series: packets/ID.html), kept from the previous output when their
 * input is the same, articles for the batches (eng_article), and notes
 * for rows of its own tables.  What the batches need later goes to a
 * spool file (or stays in a kept file) and a private temporary SQLite
 * database, sorted there, so memory does not grow with the number of
 * employees.  After the scan each writer writes what it makes from them
 * all (print batches, lists, the index), in an order that is total, so
 * the output is the same whatever thread did what.
 *
 * The engine knows no kind of document: a new kind is a new writer.
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

#define BATCH		64	/* employees handed to a worker at once */
#define ENG_WRITERS	8	/* writers of one run, at most */
#define ENG_KINDS	8	/* kinds of article of one run, at most */
#define ENG_FILES	2	/* files per employee, every writer's
				 * together (ENG_SERIES at most each) */

/* One kind of article: its table in the private database. */
struct kind {
	const char	*name;		/* a writer's ("packet") */
	char		*table;		/* "article_packet" */
	sqlite3_stmt	*ins;		/* INSERT INTO it */
	struct eng_units units;		/* after the scan (units_read) */
};

/* An article noted by a writer, put in the database at retire. */
struct art {
	struct kind	*kind;
	const char	*cls;		/* the employee's class, for the index */
	size_t		 nalerts;	/* the packet's alerts, for the index */
	long long	 off;		/* where its bytes are, len of them, */
	size_t		 len;
	int		 src;		/* ... in what: see kind_schema */
	struct digest	 in;		/* what it was made from */
	struct art	*next;
};

/* What becomes of one employee of a batch. */
struct eng_slot {
	struct eng_file	 files[ENG_FILES]; /* every writer's series, in
					 * the order of the writers */
	size_t		 order[ENG_FILES]; /* files by path (the manifest's
					 * order within a key) */
	void		*note[ENG_WRITERS]; /* each writer's, for its retire */
	struct art	*arts;		/* in the batch's arena */
	struct art	**tail;
};

/*
 * A batch of employees read by the scan, handed to one worker.  The
 * batches are a ring the scan fills in turn; before refilling one it
 * waits for it to be done and retires it (records its files and puts its
 * notes in the database), so both go in id order whatever thread did
 * what.
 */
struct batch {
	struct arena	 a;		/* the histories' rows, the notes */
	struct history	 h[BATCH];
	struct eng_slot	 s[BATCH];
	size_t		 n;
	int		 busy;		/* queued or being run (qlock) */
	struct batch	*next;		/* in the queue */
};

/* What one worker keeps. */
struct worker {
	struct eng	*e;
	pthread_t	 tid;
	struct arena	 a;		/* one employee's views; reset each */
	struct buf	 buf[ENG_BUFS];	/* the writers' scratch buffers */
	struct fy_figures fy;		/* this worker's part of the figures */
};

struct eng {
	struct project	*p;
	struct out	*out;		/* NULL: check (render, write nothing) */
	struct diag	*d;
	struct eng_writer w[ENG_WRITERS]; /* the writers, in order */
	size_t		 nw;
	size_t		 first[ENG_WRITERS + 1]; /* writer i's files: first[i]
					 * up to first[i + 1] of a slot */
	sqlite3		*db;		/* private temporary database */
	struct kind	 kinds[ENG_KINDS]; /* every writer's, in order */
	size_t		 nkinds;
	int		 spool;		/* file descriptor of the articles */
	const char	*spool_dir;	/* its folder, for messages */
	long long	 spool_end;
	int		 failed;	/* a write or the database failed */
	pthread_mutex_t	 lock;		/* spool_end, failed */
	pthread_mutex_t	 qlock;		/* the queue */
	pthread_cond_t	 qcond;
	struct batch	*queue, *qtail;	/* batches to do */
	int		 done;		/* the scan ended */
	int		 hooked;	/* out_hook("scan") was called */
	int		 units_read;	/* 1: the units were read (units_ok) */
	int		 units_ok;
	void		(*attach)(void *, struct history *); /* eng_attach */
	void		*attach_arg;
};

/* ---- the private database ----------------------------------------------- */

static const char eng_pragmas[] =
	"PRAGMA journal_mode = OFF;"
	"PRAGMA synchronous = OFF;"
	"PRAGMA temp_store = FILE;"
	"PRAGMA cache_size = -8192;";	/* 8 MiB, whatever N is */

/*
 * article_KIND: one row per article of a kind, for the batches and the
 * index.  Its bytes are in the spool at off (src 0), or, for a file kept
 * from the previous output without making it again, in the previous
 * output's file of series src - 1 at off.  input: what it was made from.
 * A table per kind, not a kind column: the sorts then compare the unit
 * first, as they would with one kind (a kind column cost 2% of a build).
 */
static const char kind_schema[] =
	"CREATE TABLE %s (unit TEXT, name TEXT NOT NULL, id TEXT NOT NULL, "
	"  class TEXT, no_computer INTEGER NOT NULL, nalerts INTEGER NOT NULL, "
	"  off INTEGER NOT NULL, len INTEGER NOT NULL, "
	"  src INTEGER NOT NULL, input BLOB NOT NULL)";

int
eng_db_fail(struct eng *e, const char *what)
{
	diag_msg(e->d, DIAG_ERROR, "temporary database: %s: %s", what,
	    e->db ? sqlite3_errmsg(e->db) : "cannot open");
	return 0;
}

struct sqlite3 *
eng_db(struct eng *e)
{
	return e->db;
}

/*
 * umpress_set(id, input): the digest of a set of articles, the sum of
 * each one's H(id, input) (digest_add).  A batch, the index and the
 * lists are made from their articles' rows alone, and their order (unit,
 * name, id) comes from those rows, so the set's digest stands for what
 * they are made from; as a sum it is computed in the one GROUP BY pass
 * that finds the units, not in a pass of its own.
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

/* Makes the table of a kind and its statement. */
static int
kind_open(struct eng *e, struct kind *k)
{
	char *sql = xasprintf(kind_schema, k->table);
	int ok;

	ok = sqlite3_exec(e->db, sql, NULL, NULL, NULL) == SQLITE_OK;
	free(sql);
	if (!ok)
		return eng_db_fail(e, "create");
	sql = xasprintf("INSERT INTO %s VALUES (?,?,?,?,?,?,?,?,?,?)",
	    k->table);
	ok = sqlite3_prepare_v2(e->db, sql, -1, &k->ins, NULL) == SQLITE_OK;
	free(sql);
	return ok || eng_db_fail(e, "prepare");
}

/* Opens the database with the tables of the kinds and the writers'. */
static int
db_open(struct eng *e)
{
	size_t i;

	/* "": a private database in a temporary file, deleted on close. */
	if (sqlite3_open_v2("", &e->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
		return eng_db_fail(e, "open");
	if (sqlite3_exec(e->db, eng_pragmas, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_create_function(e->db, "umpress_set", 2, SQLITE_UTF8 |
	    SQLITE_DETERMINISTIC, NULL, NULL, set_step, set_final) !=
	    SQLITE_OK)
		return eng_db_fail(e, "create");
	for (i = 0; i < e->nkinds; i++)
		if (!kind_open(e, &e->kinds[i]))
			return 0;
	for (i = 0; i < e->nw; i++)
		if (e->w[i].schema != NULL && sqlite3_exec(e->db,
		    e->w[i].schema, NULL, NULL, NULL) != SQLITE_OK)
			return eng_db_fail(e, "create");
	if (sqlite3_exec(e->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return eng_db_fail(e, "begin");
	for (i = 0; i < e->nw; i++)
		if (e->w[i].start != NULL && !e->w[i].start(e->w[i].self, e))
			return 0;
	return 1;
}

/* The kind named so; NULL (reported) when no writer declared it. */
static struct kind *
kind_find(struct eng *e, const char *name)
{
	size_t i;

	for (i = 0; i < e->nkinds; i++)
		if (e->kinds[i].name == name ||
		    strcmp(e->kinds[i].name, name) == 0)
			return &e->kinds[i];
	diag_msg(e->d, DIAG_ERROR, "internal: no kind of article '%s'",
	    name);
	return NULL;
}

/* Prepares sql, in which %s stands for the table of k. */
static sqlite3_stmt *
kind_prepare(struct eng *e, const struct kind *k, const char *sql)
{
	sqlite3_stmt *st = NULL;
	char *q = xasprintf(sql, k->table);

	if (sqlite3_prepare_v2(e->db, q, -1, &st, NULL) != SQLITE_OK) {
		eng_db_fail(e, "prepare");
		sqlite3_finalize(st);
		st = NULL;
	}
	free(q);
	return st;
}

struct sqlite3_stmt *
eng_prepare(struct eng *e, const char *kind, const char *sql)
{
	struct kind *k = kind_find(e, kind);

	return k ? kind_prepare(e, k, sql) : NULL;
}

/* Puts one employee's articles in the database. */
static int
arts_insert(struct eng *e, const struct employee *emp,
    const struct eng_slot *sl)
{
	const struct art *t;
	sqlite3_stmt *st;
	int ok = 1;

	for (t = sl->arts; ok && t != NULL; t = t->next) {
		st = t->kind->ins;
		sqlite3_reset(st);
		rec_bind_text(st, 1, emp->unit);
		rec_bind_text(st, 2, emp->name);
		rec_bind_text(st, 3, emp->id);
		rec_bind_text(st, 4, t->cls);
		sqlite3_bind_int(st, 5, !emp->computer_access);
		sqlite3_bind_int64(st, 6, (sqlite3_int64)t->nalerts);
		sqlite3_bind_int64(st, 7, t->off);
		sqlite3_bind_int64(st, 8, (sqlite3_int64)t->len);
		sqlite3_bind_int(st, 9, t->src);
		sqlite3_bind_blob(st, 10, &t->in, sizeof(t->in),
		    SQLITE_TRANSIENT);
		if (sqlite3_step(st) != SQLITE_DONE)
			ok = eng_db_fail(e, "insert");
	}
	return ok;
}

/* ---- the spool ------------------------------------------------------------ */

/* An unnamed temporary file for the articles. */
static int
spool_open(struct eng *e)
{
	const char *dir = getenv("TMPDIR");
	char *path;

	e->spool_dir = dir && *dir ? dir : "/tmp";
	path = xasprintf("%s/umpress-spool-XXXXXX", e->spool_dir);
	if ((e->spool = mkstemp(path)) == -1)
		diag_msg(e->d, DIAG_ERROR, "cannot make a temporary file in "
		    "%s: %s", e->spool_dir, strerror(errno));
	else
		unlink(path);
	free(path);
	return e->spool != -1;
}

/* Marks the run failed: the workers do no more. */
static void
eng_failed(struct eng *e)
{
	pthread_mutex_lock(&e->lock);
	e->failed = 1;
	pthread_mutex_unlock(&e->lock);
}

/*
 * Writes an article to the spool at off.  Only the first failure is
 * reported (a full disk fails every write after it); e->failed then
 * stops the workers.
 */
static int
spool_write(struct eng *e, const char *p, size_t len, long long off)
{
	ssize_t n;

	while (len > 0) {
		if ((n = pwrite(e->spool, p, len, (off_t)off)) == -1 &&
		    errno == EINTR)
			continue;
		if (n <= 0) {
			if (n == 0)
				errno = ENOSPC;
			pthread_mutex_lock(&e->lock);
			if (!e->failed)
				diag_msg(e->d, DIAG_ERROR, "cannot write the "
				    "temporary file in %s: %s", e->spool_dir,
				    strerror(errno));
			e->failed = 1;
			pthread_mutex_unlock(&e->lock);
			return 0;
		}
		p += n;
		len -= (size_t)n;
		off += n;
	}
	return 1;
}

/* ---- what writers call for an employee ------------------------------------ */

void
eng_input(const struct project *p, const struct history *h,
    struct digest *in)
{
	struct hash x;

	hash_init(&x);
	hash_digest(&x, &p->fp);
	hash_digest(&x, &h->input);
	/* Where the employee's application stands depends on the other
	 * applicants (the selection): part of what is made from it. */
	if (h->app != NULL) {
		hash_u64(&x, (uint64_t)(int64_t)h->app->period);
		hash_u64(&x, (uint64_t)h->app->result);
		hash_u64(&x, (uint64_t)h->app->position);
		hash_u64(&x, (uint64_t)h->app->waiting_position);
		hash_u64(&x, (uint64_t)h->app->reason);
	}
	hash_end(&x, in);
}

void
eng_attach(struct eng *e, void (*fn)(void *, struct history *), void *arg)
{
	e->attach = fn;
	e->attach_arg = arg;
}

int
eng_keep(struct eng_emp *em, struct eng_file *f, const struct digest *in)
{
	if (!f->has_old || !out_seq_keep(em->e->out, f->path, &f->old, in,
	    &f->rec))
		return 0;
	f->span = f->old_span;
	f->made = 1;
	return 1;
}

int
eng_write(struct eng_emp *em, struct eng_file *f, const struct buf *b,
    enum out_mode m, const struct digest *in, const struct out_span *span)
{
	static const struct out_span none;

	if (!out_seq_write(em->e->out, f->path, b->data ? b->data : "",
	    b->len, m, in, f->has_old ? &f->old : NULL, &f->rec))
		return 0;
	f->span = span ? *span : none;
	f->made = 1;
	return 1;
}

/* A new article of the employee, noted in the batch's arena; NULL when
 * no writer declared the kind (reported). */
static struct art *
art_new(struct eng_emp *em, const char *kind, const struct digest *in)
{
	struct kind *k = kind_find(em->e, kind);
	const struct packet *pkt = em->pkt;
	struct art *t;

	if (k == NULL)
		return NULL;
	t = arena_alloc(em->keep, sizeof(*t));
	t->kind = k;
	t->cls = pkt->cls ? pkt->cls->name : em->h->emp.class_code;
	t->nalerts = pkt->nalerts;
	t->in = *in;
	*em->slot->tail = t;
	em->slot->tail = &t->next;
	return t;
}

int
eng_article(struct eng_emp *em, const char *kind, const struct buf *b,
    const struct digest *in)
{
	struct eng *e = em->e;
	struct art *t = art_new(em, kind, in);

	if (t == NULL)
		return 0;
	t->len = b->len;
	pthread_mutex_lock(&e->lock);
	t->off = e->spool_end;
	e->spool_end += (long long)b->len;
	pthread_mutex_unlock(&e->lock);
	/* Written outside the lock: the range is ours. */
	return e->out == NULL || spool_write(e, b->data, b->len, t->off);
}

int
eng_article_kept(struct eng_emp *em, const char *kind,
    const struct eng_file *f, const struct digest *in)
{
	struct art *t = art_new(em, kind, in);

	if (t == NULL)
		return 0;
	t->src = (int)(f - em->slot->files) + 1;
	t->off = (long long)f->span.off;
	t->len = (size_t)f->span.len;
	return 1;
}

/* ---- the scan and the workers ------------------------------------------- */

/* Adds a worker's figures to the run's; 0 when the money overflows. */
static int
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
	return money_add(&to->course_spent_cents, from->course_spent_cents);
}

/* One employee: the rules, the figures, then every writer. */
static int
eng_employee(struct worker *w, struct batch *b, size_t i)
{
	struct eng *e = w->e;
	const struct project *p = e->p;
	struct eng_slot *sl = &b->s[i];
	struct packet pkt;
	struct eng_emp em;
	size_t k;
	int ok = 1;

	rule_packet(&b->h[i], &p->catalog, &p->conf.prog, p->conf.profile,
	    p->as_of, &w->a, &pkt);
	rule_fy_add(&b->h[i], &p->catalog, &p->conf.prog, p->conf.profile,
	    p->as_of, &w->fy);
	em.e = e;
	em.h = &b->h[i];
	em.pkt = &pkt;
	em.view = &w->a;
	em.keep = &b->a;
	em.buf = w->buf;
	em.slot = sl;
	for (k = 0; ok && k < e->nw; k++)
		if (e->w[k].employee != NULL)
			ok = e->w[k].employee(e->w[k].self, &em,
			    &sl->files[e->first[k]], &sl->note[k]);
	arena_reset(&w->a);
	return ok;
}

static void
worker_init(struct worker *w, struct eng *e)
{
	memset(w, 0, sizeof(*w));
	w->e = e;
	fy_figures_init(&w->fy, date_fy(e->p->as_of), e->p->catalog.ntitles);
}

static void
worker_free(struct worker *w)
{
	size_t i;

	arena_free(&w->a);
	for (i = 0; i < ENG_BUFS; i++)
		buf_free(&w->buf[i]);
	fy_figures_free(&w->fy);
}

static void
batch_run(struct worker *w, struct batch *b)
{
	size_t i, n = b->n;
	int ok = 1;

	/* After a failure (a full disk, a bad template) the rest is not
	 * done: one message, not one per employee. */
	pthread_mutex_lock(&w->e->lock);
	if (w->e->failed)
		n = 0;
	pthread_mutex_unlock(&w->e->lock);
	for (i = 0; i < n; i++)
		ok &= eng_employee(w, b, i);
	progress_add(b->n);	/* the employees of the progress line */
	if (!ok)
		eng_failed(w->e);
}

static void *
worker_main(void *arg)
{
	struct worker *w = arg;
	struct eng *e = w->e;
	struct batch *b;

	for (;;) {
		pthread_mutex_lock(&e->qlock);
		while (e->queue == NULL && !e->done)
			pthread_cond_wait(&e->qcond, &e->qlock);
		if ((b = e->queue) == NULL) {
			pthread_mutex_unlock(&e->qlock);
			return NULL;
		}
		if ((e->queue = b->next) == NULL)
			e->qtail = NULL;
		pthread_mutex_unlock(&e->qlock);
		batch_run(w, b);
		pthread_mutex_lock(&e->qlock);
		b->busy = 0;
		pthread_cond_broadcast(&e->qcond);
		pthread_mutex_unlock(&e->qlock);
	}
}

static void
batch_put(struct eng *e, struct batch *b)
{
	pthread_mutex_lock(&e->qlock);
	b->busy = 1;
	b->next = NULL;
	if (e->qtail != NULL)
		e->qtail->next = b;
	else
		e->queue = b;
	e->qtail = b;
	pthread_cond_broadcast(&e->qcond);
	pthread_mutex_unlock(&e->qlock);
}

/* Records an employee's files, in path order, and puts the notes of
 * the employee in the database. */
static int
slot_retire(struct eng *e, const struct history *h, struct eng_slot *sl)
{
	const struct eng_file *f;
	size_t i, nf = e->first[e->nw];
	int ok;

	for (i = 0; i < nf; i++) {
		f = &sl->files[sl->order[i]];
		if (f->made)
			out_seq_put(e->out, h->emp.id, f->path, &f->rec,
			    &f->span);
	}
	ok = arts_insert(e, &h->emp, sl);
	for (i = 0; ok && i < e->nw; i++)
		if (e->w[i].retire != NULL)
			ok = e->w[i].retire(e->w[i].self, e, h, sl->note[i]);
	return ok;
}

/* Waits until the workers are done with b, retires its employees (in id
 * order: the batches are retired in the order they were filled) and
 * empties it.  In the scan's thread, one batch after another: the
 * workers never wait for the database (its inserts were a tenth of their
 * time, each under a lock). */
static void
batch_retire(struct eng *e, struct batch *b)
{
	size_t i;

	pthread_mutex_lock(&e->qlock);
	while (b->busy)
		pthread_cond_wait(&e->qcond, &e->qlock);
	pthread_mutex_unlock(&e->qlock);
	for (i = 0; i < b->n; i++)
		if (!slot_retire(e, &b->h[i], &b->s[i])) {
			eng_failed(e);
			break;
		}
	if (b->n > 0 && !e->hooked) {
		e->hooked = 1;
		out_hook("scan");
	}
	arena_reset(&b->a);
	memset(b->s, 0, b->n * sizeof(*b->s));
	b->n = 0;
}

/* HEAD ID TAIL, in a (by hand: printf was a tenth of a percent of a
 * build). */
static char *
series_path(struct arena *a, const struct eng_series *s, const char *id)
{
	size_t nh = strlen(s->head), ni = strlen(id), nt = strlen(s->tail);
	char *p = arena_alloc(a, nh + ni + nt + 1);

	memcpy(p, s->head, nh);
	memcpy(p + nh, id, ni);
	memcpy(p + nh + ni, s->tail, nt + 1);
	return p;
}

/* Orders the slot's files by path (insertion sort: a few). */
static void
slot_order(struct eng_slot *sl, size_t nf)
{
	size_t i, j, x;

	for (i = 0; i < nf; i++) {
		x = i;
		for (j = i; j > 0 && strcmp(sl->files[sl->order[j - 1]].path,
		    sl->files[x].path) > 0; j--)
			sl->order[j] = sl->order[j - 1];
		sl->order[j] = x;
	}
}

/* Reads the next employee into b, with the previous output's files of
 * the employee's series. */
static int
batch_fill(struct eng *e, struct rec_scan *sc, struct batch *b, int *bad)
{
	struct eng_slot *sl = &b->s[b->n];
	struct eng_file *f;
	const char *id;
	size_t i, k, nf = e->first[e->nw];

	if (!rec_scan_next(sc, &b->a, &b->h[b->n], bad))
		return 0;
	if (e->attach != NULL)
		e->attach(e->attach_arg, &b->h[b->n]);
	id = b->h[b->n].emp.id;
	for (k = 0; k < e->nw; k++)
		for (i = e->first[k]; i < e->first[k + 1]; i++)
			sl->files[i].path = series_path(&b->a,
			    &e->w[k].series[i - e->first[k]], id);
	slot_order(sl, nf);
	for (i = 0; *bad == 0 && i < nf; i++) {
		f = &sl->files[sl->order[i]];
		f->has_old = out_seq_old(e->out, id, f->path, &f->old,
		    &f->old_span);
	}
	sl->tail = &sl->arts;
	b->n++;
	return 1;
}

/*
 * Starts the worker threads of jobs > 1; returns how many started.  The
 * system may refuse some (no memory for their stacks, a limit on
 * processes): the build goes on with those that started, or with none,
 * doing the work in the scan's thread, and says so.
 */
static size_t
workers_start(struct eng *e, struct worker *ws, int jobs)
{
	size_t i;
	int err = 0;

	for (i = 0; jobs > 1 && i < (size_t)jobs; i++)
		if ((err = pthread_create(&ws[i].tid, NULL, worker_main,
		    &ws[i])) != 0)
			break;
	if (err != 0)
		diag_msg(e->d, DIAG_WARN, "cannot start worker thread %zu of "
		    "%d: %s; going on with %zu", i + 1, jobs, strerror(err),
		    i > 0 ? i : 1);
	return i;
}

/*
 * Reads every employee in id order and has the workers do each.  Returns
 * 0 when a record was bad (every one reported: the scan goes on to the
 * end so a run shows them all) or anything failed.
 */
static int
eng_scan(struct eng *e, struct records *r, int jobs, struct fy_figures *fy)
{
	struct worker *ws = xcalloc((size_t)jobs, sizeof(*ws));
	size_t nring = jobs > 1 ? 2 * (size_t)jobs : 1, seq, i, nt;
	struct batch *ring = xcalloc(nring, sizeof(*ring)), *b;
	struct rec_scan *sc;
	int bad, nbad = 0, more = 1, money = 1;

	for (i = 0; i < (size_t)jobs; i++)
		worker_init(&ws[i], e);
	nt = workers_start(e, ws, jobs);
	sc = rec_scan_new(r, &e->p->catalog, e->p->conf.profile);
	for (seq = 0; more; seq++) {
		b = &ring[seq % nring];
		batch_retire(e, b);
		while (b->n < BATCH && (more = batch_fill(e, sc, b, &bad)))
			nbad += bad;
		/* Bad rows: go on reading to report them all, write no more. */
		if (nbad > 0)
			b->n = 0;
		if (nt > 0)
			batch_put(e, b);
		else
			batch_run(&ws[0], b);
	}
	pthread_mutex_lock(&e->qlock);
	e->done = 1;
	pthread_cond_broadcast(&e->qcond);
	pthread_mutex_unlock(&e->qlock);
	for (i = 0; i < nring; i++)
		batch_retire(e, &ring[(seq + i) % nring]);
	for (i = 0; i < nt; i++)
		pthread_join(ws[i].tid, NULL);
	for (i = 0; i < (size_t)jobs; i++) {
		money &= fy_sum(fy, &ws[i].fy, e->p->catalog.ntitles);
		worker_free(&ws[i]);
	}
	if (!money)
		money_overflow(e->d, fy->fy);
	for (i = 0; i < nring; i++)
		arena_free(&ring[i].a);
	free(ring);
	free(ws);
	nbad += rec_scan_failed(sc);
	rec_scan_free(sc);
	return nbad == 0 && money && !e->failed;
}

/* ---- after the scan -------------------------------------------------------- */

static const char *
col(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);

	return s ? s : "";
}

void
eng_units_free(struct eng_units *u)
{
	size_t i;

	for (i = 0; i < u->n; i++) {
		free(u->v[i].key);
		free(u->v[i].name);
	}
	free(u->v);
	memset(u, 0, sizeof(*u));
}

static void
unit_add(struct eng_units *u, sqlite3_stmt *st)
{
	struct eng_unit *t;

	u->v = xreallocarray(u->v, u->n + 1, sizeof(*u->v));
	t = &u->v[u->n++];
	memset(t, 0, sizeof(*t));
	if (sqlite3_column_type(st, 0) != SQLITE_NULL)
		t->name = xstrdup(col(st, 0));
	t->count = sqlite3_column_int64(st, 1);
	t->nocomp = sqlite3_column_int64(st, 2);
	set_add(&t->set, st, 3);
	digest_add(&u->all, &t->set);
	set_add(&u->nocomp, st, 4);
}

/* The units of a kind, from one GROUP BY over the covering index;
 * their number is the department's, not the employees'. */
static int
units_read(struct eng *e, struct kind *k)
{
	sqlite3_stmt *st;
	int rc;

	if ((st = kind_prepare(e, k, "SELECT unit, count(*), "
	    "sum(no_computer), umpress_set(id, input), umpress_set(id, input) "
	    "FILTER (WHERE no_computer) FROM %s GROUP BY unit ORDER BY unit"))
	    == NULL)
		return 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		unit_add(&k->units, st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE || eng_db_fail(e, "select");
}

static int
name_cmp(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

/*
 * The file names of the units of every kind (cli.md): each unit's name
 * made a slug, in the order of the names; a slug that is a reserved name
 * or another unit's gets -2, -3, ...; no unit is "no-unit".  One unit
 * has one file name in every folder of batches.
 */
static void
units_name(struct eng *e)
{
	static const char *const reserved[] = { "no-computer-access",
	    "no-unit", "index", NULL };
	struct slug_set *set = slug_set_new(reserved);
	struct buf b = {0};
	const char **names = NULL, **key = NULL, **hit;
	size_t i, j, n = 0;

	for (i = 0; i < e->nkinds; i++)
		for (j = 0; j < e->kinds[i].units.n; j++)
			if (e->kinds[i].units.v[j].name != NULL) {
				names = xreallocarray(names, n + 1,
				    sizeof(*names));
				names[n++] = e->kinds[i].units.v[j].name;
			}
	xqsort(names, n, sizeof(*names), name_cmp);
	key = xcalloc(n + 1, sizeof(*key));
	for (i = 0; i < n; i++) {
		if (i > 0 && strcmp(names[i], names[i - 1]) == 0) {
			key[i] = key[i - 1];
			continue;
		}
		buf_reset(&b);
		slug_file(&b, names[i]);
		/* A name with no letter or digit. */
		key[i] = slug_unique(set, b.len ? b.data : "unit");
	}
	for (i = 0; i < e->nkinds; i++)
		for (j = 0; j < e->kinds[i].units.n; j++) {
			struct eng_unit *t = &e->kinds[i].units.v[j];

			hit = t->name ? bsearch(&t->name, names, n,
			    sizeof(*names), name_cmp) : NULL;
			t->key = xstrdup(hit ? key[hit - names] : "no-unit");
		}
	free(names);
	free(key);
	buf_free(&b);
	slug_set_free(set);
}

const struct eng_units *
eng_units(struct eng *e, const char *kind)
{
	struct kind *k = kind_find(e, kind);
	size_t i;

	if (!e->units_read) {
		e->units_read = 1;
		e->units_ok = 1;
		for (i = 0; e->units_ok && i < e->nkinds; i++)
			e->units_ok = units_read(e, &e->kinds[i]);
		if (e->units_ok)
			units_name(e);
	}
	return k != NULL && e->units_ok ? &k->units : NULL;
}

int
eng_copy(struct eng *e, struct out_file *f, const char *id, int src,
    long long off, size_t len, struct buf *tmp)
{
	const struct eng_series *s;
	char *path;
	size_t k;
	ssize_t n;
	int ok = 1;

	buf_reset(tmp);
	buf_reserve(tmp, len);
	if (e->out == NULL)
		return 1;
	if (src > 0) {
		/* The series src - 1: of its writer k, the (i + 1)th. */
		for (k = 0; e->first[k + 1] < (size_t)src; k++)
			continue;
		s = &e->w[k].series[(size_t)src - 1 - e->first[k]];
		path = xasprintf("%s%s%s", s->head, id, s->tail);
		if (!out_read_old(e->out, path, (uint64_t)off, len, tmp)) {
			diag_msg(e->d, DIAG_ERROR, "cannot read the previous "
			    "output's %s: %s", path, strerror(errno));
			ok = 0;
		}
		free(path);
	} else if ((n = pread(e->spool, tmp->data, len, (off_t)off)) !=
	    (ssize_t)len) {
		diag_msg(e->d, DIAG_ERROR, "temporary file: short read");
		ok = 0;
	}
	if (ok)
		out_put(f, tmp->data, len);
	return ok;
}

/* ---- a run ----------------------------------------------------------------- */

/*
 * One sort of a kind's articles for every batch and the index, not one
 * per unit.  The index holds every column they read, so their passes go
 * through it in order and never look a row up (a third of their time was
 * those lookups: make bench, perf).
 */
static int
kind_sort(struct eng *e, struct kind *k)
{
	char *sql = xasprintf("CREATE INDEX %s_order ON %s (unit, name, id, "
	    "no_computer, src, off, len, input, class, nalerts)", k->table,
	    k->table);
	int ok = sqlite3_exec(e->db, sql, NULL, NULL, NULL) == SQLITE_OK;

	free(sql);
	return ok || eng_db_fail(e, "sort");
}

/* Takes in the kinds of a writer; 0 when there are too many. */
static int
kinds_add(struct eng *e, const struct eng_writer *w)
{
	size_t i;

	for (i = 0; i < ENG_KINDS && w->kinds[i] != NULL; i++) {
		if (e->nkinds == ENG_KINDS)
			return 0;
		e->kinds[e->nkinds].name = w->kinds[i];
		e->kinds[e->nkinds++].table = xasprintf("article_%s",
		    w->kinds[i]);
	}
	return 1;
}

struct eng *
eng_new(struct project *p, struct out *out, const struct eng_writer *w,
    size_t nw, struct diag *d)
{
	struct eng *e = xcalloc(1, sizeof(*e));
	size_t i, k;

	e->p = p;
	e->out = out;
	e->d = d;
	e->spool = -1;
	pthread_mutex_init(&e->lock, NULL);
	pthread_mutex_init(&e->qlock, NULL);
	pthread_cond_init(&e->qcond, NULL);
	for (i = 0; i < nw && i < ENG_WRITERS; i++) {
		for (k = 0; k < ENG_SERIES && w[i].series[k].head != NULL; k++)
			continue;
		if (e->first[i] + k > ENG_FILES || !kinds_add(e, &w[i]))
			break;
		e->w[i] = w[i];
		e->first[i + 1] = e->first[i] + k;
	}
	/* More writers or files than the engine holds: a program error,
	 * said; the run fails, the writers left out are stopped. */
	if ((e->nw = i) < nw) {
		diag_msg(d, DIAG_ERROR, "internal: too many writers (%zu)", nw);
		e->failed = 1;
	}
	for (; i < nw; i++)
		if (w[i].stop != NULL)
			w[i].stop(w[i].self);
	return e;
}

int
eng_run(struct eng *e, struct records *r, int jobs, struct fy_figures *fy)
{
	size_t i;
	int ok;

	ok = !e->failed && db_open(e) && (e->out == NULL || spool_open(e));
	ok = ok && eng_scan(e, r, jobs < 1 ? 1 : jobs, fy);
	if (ok && sqlite3_exec(e->db, "COMMIT", NULL, NULL, NULL) !=
	    SQLITE_OK)
		ok = eng_db_fail(e, "commit");
	for (i = 0; ok && i < e->nkinds; i++)
		ok = kind_sort(e, &e->kinds[i]);
	/* Then the writers, in one thread: run side by side they took as
	 * long (measured), as all mostly wait for the one temporary
	 * database's connection. */
	for (i = 0; ok && i < e->nw; i++)
		if (e->w[i].finish != NULL)
			ok = e->w[i].finish(e->w[i].self, e);
	return ok;
}

void
eng_free(struct eng *e)
{
	size_t i;

	if (e == NULL)
		return;
	for (i = 0; i < e->nw; i++)
		if (e->w[i].stop != NULL)
			e->w[i].stop(e->w[i].self);
	for (i = 0; i < e->nkinds; i++) {
		free(e->kinds[i].table);
		sqlite3_finalize(e->kinds[i].ins);
		eng_units_free(&e->kinds[i].units);
	}
	sqlite3_close(e->db);
	if (e->spool != -1)
		close(e->spool);
	pthread_mutex_destroy(&e->lock);
	pthread_mutex_destroy(&e->qlock);
	pthread_cond_destroy(&e->qcond);
	free(e);
}
