/*
 * diag.c: every message umpress prints about its input comes from here,
 * in the shapes cli.md fixes, the way mandoc's mandoc_msg() serves all of
 * mandoc.  A message is formatted whole and written with one fputs under
 * a lock, so lines from worker threads never interleave.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"

static pthread_mutex_t diag_lock = PTHREAD_MUTEX_INITIALIZER;

void
diag_init(struct diag *d, FILE *out)
{
	memset(d, 0, sizeof(*d));
	d->out = out;
}

/*
 * Whether a warning the same as line was repeated from a note this run
 * (diag_replay): then it is not reported again.  Under the lock.
 */
static int
diag_repeated(const struct diag *d, const char *line)
{
	size_t i;

	if (d->log->nagain == 0)
		return 0;
	for (i = 0; i < d->log->n; i++)
		if (d->log->v[i].again && strcmp(d->log->v[i].line, line) == 0)
			return 1;
	return 0;
}

/* Keeps a warning in d->log.  Under the lock. */
static void
diag_keep(struct diag *d, const char *key, long long num, const char *line,
    size_t len, int again)
{
	struct diag_log *l = d->log;
	struct diag_entry *e;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = xreallocarray(l->v, l->cap, sizeof(*l->v));
	}
	e = &l->v[l->n++];
	e->key = xstrdup(key);
	e->num = num;
	e->line = xstrndup(line, len);
	e->again = again;
	l->nagain += again != 0;
}

/* Whether diag_emit keeps a warning in d->log. */
enum keep {
	KEEP_NOT,	/* about this run, not the input (diag_msg: a worker
			 * thread that did not start): a later build that
			 * keeps the output does not say it again */
	KEEP,		/* about a file or a record */
	KEEP_AGAIN	/* repeated from a note (diag_replay) */
};

/*
 * Counts the message and prints it unless it is a silenced warning; a
 * warning is kept in d->log as keep says (key and num: its place, for
 * sorting), once.
 */
static void
diag_emit(struct diag *d, enum diag_level lvl, const char *key,
    long long num, struct buf *line, enum keep keep)
{
	pthread_mutex_lock(&diag_lock);
	if (lvl == DIAG_WARN && d->log != NULL && keep != KEEP_NOT) {
		line->data[--line->len] = '\0';	/* the newline */
		if (diag_repeated(d, line->data)) {
			pthread_mutex_unlock(&diag_lock);
			buf_free(line);
			return;
		}
		diag_keep(d, key, num, line->data, line->len,
		    keep == KEEP_AGAIN);
		buf_putc(line, '\n');
	}
	if (lvl == DIAG_ERROR)
		d->errors++;
	else
		d->warnings++;
	/* out NULL: a context that counts and says nothing (a pass whose
	 * problems another pass reports). */
	if (d->out != NULL && (lvl == DIAG_ERROR || !d->quiet_warnings)) {
		fputs(line->data, d->out);
		fflush(d->out);
	}
	pthread_mutex_unlock(&diag_lock);
	buf_free(line);
}

static void
diag_body(struct buf *b, enum diag_level lvl, const char *fmt, va_list ap)
{
	if (lvl == DIAG_WARN)
		BUF_LIT(b, "warning: ");
	buf_vprintf(b, fmt, ap);
	buf_putc(b, '\n');
}

void
diag_file(struct diag *d, enum diag_level lvl, const char *path, int line,
    const char *fmt, ...)
{
	struct buf b = {0};
	va_list ap;

	if (line > 0)
		buf_printf(&b, "%s:%d: ", path, line);
	else
		buf_printf(&b, "%s: ", path);
	va_start(ap, fmt);
	diag_body(&b, lvl, fmt, ap);
	va_end(ap);
	diag_emit(d, lvl, path, line, &b, KEEP);
}

void
diag_rec(struct diag *d, enum diag_level lvl, const char *table,
    long long rowid, const char *fmt, ...)
{
	struct buf b = {0};
	va_list ap;
	char *key = xasprintf("records: %s", table);

	buf_printf(&b, "%s row %lld: ", key, rowid);
	va_start(ap, fmt);
	diag_body(&b, lvl, fmt, ap);
	va_end(ap);
	diag_emit(d, lvl, key, rowid, &b, KEEP);
	free(key);
}

void
diag_msg(struct diag *d, enum diag_level lvl, const char *fmt, ...)
{
	struct buf b = {0};
	va_list ap;

	BUF_LIT(&b, "umpress: ");
	va_start(ap, fmt);
	diag_body(&b, lvl, fmt, ap);
	va_end(ap);
	diag_emit(d, lvl, "", 0, &b, KEEP_NOT);
}

/* ---- warnings kept for a later build (issue 21) ----------------------------- */

/* By place, then text: a total order (equal lines are alike). */
static int
entry_cmp(const void *x, const void *y)
{
	const struct diag_entry *a = x, *b = y;
	int c;

	if ((c = strcmp(a->key, b->key)) != 0)
		return c;
	if (a->num != b->num)
		return a->num < b->num ? -1 : 1;
	return strcmp(a->line, b->line);
}

/* core.h.  The note is one line of the manifest: no LF or CR in it, and
 * tab parts the messages. */
char *
diag_log_note(struct diag *d, size_t from)
{
	struct buf b = {0};
	const char *p;
	size_t i;

	if (d->log == NULL || from >= d->log->n)
		return NULL;
	pthread_mutex_lock(&diag_lock);
	xqsort(d->log->v + from, d->log->n - from, sizeof(*d->log->v),
	    entry_cmp);
	for (i = from; i < d->log->n; i++) {
		if (i > from)
			buf_putc(&b, '\t');
		for (p = d->log->v[i].line; *p != '\0'; p++)
			switch (*p) {
			case '\\':
				BUF_LIT(&b, "\\\\");
				break;
			case '\t':
				BUF_LIT(&b, "\\t");
				break;
			case '\n':
				BUF_LIT(&b, "\\n");
				break;
			case '\r':
				BUF_LIT(&b, "\\r");
				break;
			default:
				buf_putc(&b, *p);
			}
	}
	pthread_mutex_unlock(&diag_lock);
	return buf_detach(&b);
}

/* core.h.  Each message goes through diag_emit like a new one; it was
 * sorted when kept, and its place now is its rank in the note, so that
 * a note made again of these (a kept part's) keeps their order. */
void
diag_replay(struct diag *d, const char *note)
{
	struct buf b = {0};
	const char *p;
	long long k = 0;

	if (note == NULL || *note == '\0')
		return;
	for (p = note;; p++) {
		if (*p == '\t' || *p == '\0') {
			buf_putc(&b, '\n');
			diag_emit(d, DIAG_WARN, "", k++, &b, KEEP_AGAIN);
			memset(&b, 0, sizeof(b));
			if (*p == '\0')
				break;
		} else if (*p == '\\' && p[1] != '\0') {
			p++;
			buf_putc(&b, *p == 't' ? '\t' : *p == 'n' ? '\n' :
			    *p == 'r' ? '\r' : *p);
		} else
			buf_putc(&b, *p);
	}
}

void
diag_log_free(struct diag_log *l)
{
	size_t i;

	if (l == NULL)
		return;
	for (i = 0; i < l->n; i++) {
		free(l->v[i].key);
		free(l->v[i].line);
	}
	free(l->v);
	memset(l, 0, sizeof(*l));
}
