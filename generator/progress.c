/*
 * progress.c: what a build is doing, for the person at the terminal.  A
 * line on stderr that updates in place,
 *
 *   umpress: packets 312/500, 1,204 a second, 0:01 left
 *
 * when stderr is a terminal and --quiet was not given; with --verbose, a
 * line per stage with its time, terminal or not.  Nothing of it reaches
 * any file a build writes.
 *
 * The state is one per process, not a context passed around: there is
 * one terminal, and the packet workers count into it from one call
 * (progress_add) without the engine carrying a pointer for it.
 */
#define _GNU_SOURCE	/* fopencookie */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "extern.h"

/* Redraw the line at most this often (seconds): a terminal that takes
 * a write per packet slows the build it shows. */
#define REDRAW	0.1

static struct {
	pthread_mutex_t	 lock;		/* the fields below but done */
	int		 line;		/* 1: the updating line is on */
	int		 verbose;	/* 1: a line per stage, with its time */
	const char	*stage;		/* the stage under way, or NULL */
	uint64_t	 total;		/* its count to reach; 0: none */
	_Atomic uint64_t done;		/* its count so far */
	double		 t0;		/* when it began (monotonic seconds) */
	double		 begun;		/* when the first stage began */
	_Atomic double	 drawn;		/* when the line was last drawn */
	int		 shown;		/* 1: the line is on the screen */
	FILE		*stream;	/* progress_stream(), once made */
} pg = { .lock = PTHREAD_MUTEX_INITIALIZER };

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* "1,204": thousands grouped, as the packets print amounts. */
static void
grouped(struct buf *b, uint64_t v)
{
	char d[24];
	int n = snprintf(d, sizeof(d), "%llu", (unsigned long long)v), i;

	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			buf_putc(b, ',');
		buf_putc(b, d[i]);
	}
}

/* The line: stage, count of total, rate and time left once known. */
static void
line_text(struct buf *b, double t)
{
	uint64_t done = atomic_load(&pg.done);
	double rate, el = t - pg.t0;
	long left;

	buf_printf(b, "umpress: %s", pg.stage);
	if (pg.total == 0)
		return;
	buf_putc(b, ' ');
	grouped(b, done);
	buf_putc(b, '/');
	grouped(b, pg.total);
	/* A rate over less than a redraw's time says little. */
	if (el < REDRAW || done == 0)
		return;
	rate = (double)done / el;
	BUF_LIT(b, ", ");
	grouped(b, (uint64_t)(rate + 0.5));
	BUF_LIT(b, " a second");
	if (done < pg.total) {
		left = (long)((double)(pg.total - done) / rate + 0.5);
		buf_printf(b, ", %ld:%02ld left", left / 60, left % 60);
	}
}

/* Columns of the terminal, so the line never wraps (a wrapped line is
 * not erased by \r). */
static size_t
columns(void)
{
	struct winsize w;

	if (ioctl(STDERR_FILENO, TIOCGWINSZ, &w) == 0 && w.ws_col > 1)
		return w.ws_col - 1;
	return 79;
}

/* Draws the line (lock held). */
static void
draw(double t)
{
	struct buf b = {0};
	size_t max = columns();

	BUF_LIT(&b, "\r\033[K");
	line_text(&b, t);
	if (b.len > max + 4)
		b.len = max + 4;	/* + the 4 bytes of \r\033[K */
	fwrite(b.data, 1, b.len, stderr);
	fflush(stderr);
	pg.shown = 1;
	pg.drawn = t;
	buf_free(&b);
}

/* Erases the line (lock held). */
static void
erase(void)
{
	if (pg.shown) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
		pg.shown = 0;
	}
}

void
progress_init(int quiet, int verbose)
{
	const char *term = getenv("TERM");

	pthread_mutex_lock(&pg.lock);
	pg.line = !quiet && isatty(STDERR_FILENO) && term != NULL &&
	    strcmp(term, "dumb") != 0;
	pg.verbose = verbose;
	pg.stage = NULL;
	pthread_mutex_unlock(&pg.lock);
}

/* Ends the stage under way (lock held): its time, with --verbose. */
static void
stage_end(double t)
{
	struct buf b = {0};

	if (pg.stage == NULL)
		return;
	if (pg.line && pg.total > 0)
		draw(t);	/* the count as it ended */
	erase();
	if (pg.verbose) {
		buf_printf(&b, "umpress: %s", pg.stage);
		if (pg.total > 0) {
			buf_putc(&b, ' ');
			grouped(&b, atomic_load(&pg.done));
		}
		buf_printf(&b, " in %.2f s\n", t - pg.t0);
		fputs(b.data, stderr);
		fflush(stderr);
	}
	pg.stage = NULL;
	buf_free(&b);
}

void
progress_stage(const char *name, uint64_t total)
{
	double t = now();

	pthread_mutex_lock(&pg.lock);
	stage_end(t);
	if (pg.begun == 0)
		pg.begun = t;
	pg.stage = name;
	pg.total = total;
	atomic_store(&pg.done, 0);
	pg.t0 = t;
	if (pg.line)
		draw(t);
	pthread_mutex_unlock(&pg.lock);
}

void
progress_add(uint64_t n)
{
	double t;

	atomic_fetch_add(&pg.done, n);
	if (!pg.line)
		return;
	t = now();
	/* A worker that finds another drawing does not wait for it. */
	if (t - pg.drawn < REDRAW || pthread_mutex_trylock(&pg.lock) != 0)
		return;
	if (pg.stage != NULL)
		draw(t);
	pthread_mutex_unlock(&pg.lock);
}

void
progress_end(void)
{
	double t = now();

	pthread_mutex_lock(&pg.lock);
	stage_end(t);
	if (pg.verbose && pg.begun != 0)
		fprintf(stderr, "umpress: built in %.2f s\n", t - pg.begun);
	pg.begun = 0;
	pthread_mutex_unlock(&pg.lock);
}

/* Writes a message, the line erased first: it is drawn again at the
 * next update. */
static ssize_t
stream_write(void *cookie, const char *data, size_t len)
{
	size_t n;

	(void)cookie;
	pthread_mutex_lock(&pg.lock);
	erase();
	n = fwrite(data, 1, len, stderr);
	fflush(stderr);
	pthread_mutex_unlock(&pg.lock);
	return (ssize_t)n;
}

FILE *
progress_stream(void)
{
	cookie_io_functions_t io = { NULL, stream_write, NULL, NULL };

	if (!pg.line)
		return stderr;
	if (pg.stream == NULL && (pg.stream = fopencookie(NULL, "w",
	    io)) != NULL)
		setvbuf(pg.stream, NULL, _IOLBF, 0);
	return pg.stream != NULL ? pg.stream : stderr;
}
