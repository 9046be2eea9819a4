/*
 * diag.c: every message umpress prints about its input comes from here,
 * in the shapes cli.md fixes, the way mandoc's mandoc_msg() serves all of
 * mandoc.  A message is formatted whole and written with one fputs under
 * a lock, so lines from worker threads never interleave.
 */
#include <pthread.h>
#include <string.h>

#include "core.h"

static pthread_mutex_t diag_lock = PTHREAD_MUTEX_INITIALIZER;

void
diag_init(struct diag *d, FILE *out)
{
	memset(d, 0, sizeof(*d));
	d->out = out;
}

/* Counts the message and prints it unless it is a silenced warning. */
static void
diag_emit(struct diag *d, enum diag_level lvl, struct buf *line)
{
	pthread_mutex_lock(&diag_lock);
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
	diag_emit(d, lvl, &b);
}

void
diag_rec(struct diag *d, enum diag_level lvl, const char *table,
    long long rowid, const char *fmt, ...)
{
	struct buf b = {0};
	va_list ap;

	buf_printf(&b, "records: %s row %lld: ", table, rowid);
	va_start(ap, fmt);
	diag_body(&b, lvl, fmt, ap);
	va_end(ap);
	diag_emit(d, lvl, &b);
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
	diag_emit(d, lvl, &b);
}
