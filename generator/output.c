/*
 * output.c: the only code that writes under the output folder (cli.md
 * "Output layout").  A build writes a fresh staging folder beside the
 * output and swaps it in with one rename at the end, so a failed or
 * killed build leaves the previous output as it was.  A file whose bytes
 * (or whose inputs, out_keep) did not change is kept: not written, but
 * hard-linked from the previous output at the end, so its mtime stays
 * and rsync moves nothing; and when every file is kept, nothing is
 * written at all.  A manifest inside the output (path, size, mode,
 * content and input digests) tells which.
 */
#define _GNU_SOURCE	/* renameat2, RENAME_EXCHANGE */

#include <sys/file.h>
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "extern.h"

#define MANIFEST	".umpress-manifest"
#define STAGE_TAG	".umpress-"

/* One file of the other kind (not a series), as the manifest records it. */
struct entry {
	char		*path;		/* relative to the output folder */
	struct out_rec	 r;		/* (its span is always none) */
};

struct manifest {
	struct entry	*v;		/* sorted by path once loaded */
	size_t		 n;
	size_t		 cap;
};

/* The previous manifest's series, read along with the caller's keys. */
struct seq_in {
	FILE		*f;		/* NULL: no (more) series lines */
	char		*line;		/* getline's buffer */
	size_t		 cap;
	char		*key, *path;	/* of the current line, in line */
	struct out_rec	 r;
	struct out_span	 span;
	int		 bad;		/* a damaged line was passed */
};

/*
 * A folder of the output, previous or new, with the files directly in
 * it: one whose files are all kept, as many as it had, and nothing else
 * (its listing), is "whole": at commit the stage gets a link to it, not
 * a link to each of its files (see out_commit).
 */
struct dstat {
	char		*path;		/* "private/packets"; "" the root */
	size_t		 old_n;		/* files in it, the previous manifest's */
	size_t		 new_n;		/* ... this build's */
	size_t		 kept_n;	/* ... of them kept */
	size_t		 nchild;	/* folders in it (at commit) */
	unsigned	 fmode;		/* a file's mode under it, this build's */
	int		 bad;		/* not whole, or a folder in it is not */
};

/* The folders, hashed by path (open addressing). */
struct dirs {
	struct dstat	*v;		/* cap slots, path NULL when free */
	size_t		 n;		/* slots taken */
	size_t		 cap;		/* a power of two, or 0 */
	struct dstat	*last;		/* the last one found: series files
					 * come one folder after another */
};

/* A line of the manifest's notes (out_note). */
struct note {
	char		*key;		/* no blank in it */
	char		*value;		/* one line */
};

/* The notes of a manifest, one per key. */
struct notes {
	struct note	*v;
	size_t		 n;
};

struct out {
	char		*shown;		/* the output folder, as given */
	char		*dir;		/* ... the one swapped (swap_target) */
	char		*stage;		/* staging folder beside it */
	int		 lockfd;	/* flock()ed folder holding dir */
	struct manifest	 old;		/* the previous output's other files */
	struct manifest	 now;		/* this build's other files */
	int		 sorted;	/* now is sorted by path */
	struct seq_in	 seq;		/* the previous output's series */
	struct digest	 input;		/* this build's input (out_begin) */
	struct digest	 old_input;	/* the previous output's */
	int		 old_whole;	/* its manifest read to its end, sound */
	size_t		 old_nseq;	/* series files in the previous output */
	size_t		 nseq_kept;	/* ... kept by this build */
	FILE		*mf;		/* this build's manifest, in the stage */
	FILE		*kept;		/* paths of series files kept */
	int		 changed;	/* a series file differs from before */
	struct dirs	 dirs;		/* the folders, old and new (lock) */
	struct notes	 notes_old;	/* the previous manifest's notes */
	struct notes	 notes;		/* this build's */
	char		**linked;	/* whole folders the stage links to */
	size_t		 nlinked;	/* ... how many */
	int		 keep_stage;	/* the output links into the stage:
					 * it must stay (out_commit) */
	pthread_mutex_t	 lock;		/* guards now, dirs */
	struct diag	*d;
};

/* ---- manifest ---------------------------------------------------------- */

/*
 * .umpress-manifest, inside the output: a header line, "input INPUT" (what
 * the whole build was made from, out_begin), one line per file of the
 * series in key then path order, a line "=", one line per other file in
 * path order, a line "=", the notes ("KEY VALUE", by key: out_note) and
 * a last line "end", without which the manifest was cut short.  A file's
 * line:
 *   HASH INPUT SIZE MODE SPAN_OFF SPAN_LEN [KEY] PATH
 * (digests in 32 hex digits, MODE in octal; the span is a series file's,
 * 0 0 for the others).  No times: the same inputs
 * make the same manifest, as they make the same files.  It names the
 * private files, employee ids among them: mode 0600.
 */
#define MANIFEST_HEAD	"umpress manifest 4"
#define MANIFEST_INPUT	"input "	/* the second line: the build's input */
#define MANIFEST_SEP	"="
#define MANIFEST_END	"end"

static void
line_put(FILE *f, const struct out_rec *r, const struct out_span *span,
    const char *key, const char *path)
{
	static const struct out_span none;

	if (span == NULL)
		span = &none;
	fprintf(f, "%016" PRIx64 "%016" PRIx64 " %016" PRIx64 "%016" PRIx64
	    " %" PRIu64 " %o %" PRIu64 " %" PRIu64 " %s%s%s\n",
	    r->hash.w[0], r->hash.w[1], r->input.w[0], r->input.w[1], r->size,
	    r->mode, span->off, span->len, key ? key : "", key ? " " : "",
	    path);
}

/* Exactly 16 hex digits. */
static int
hex64(const char **p, uint64_t *v)
{
	const char *s = *p;
	int i, c;

	for (*v = 0, i = 0; i < 16; i++) {
		c = s[i];
		if (c >= '0' && c <= '9')
			c -= '0';
		else if (c >= 'a' && c <= 'f')
			c -= 'a' - 10;
		else
			return 0;
		*v = *v << 4 | (uint64_t)c;
	}
	*p = s + 16;
	return 1;
}

/* Digits in base (8 or 10), then the character end. */
static int
num(const char **p, int base, int end, uint64_t *v)
{
	const char *s = *p;

	for (*v = 0; *s >= '0' && *s < '0' + base; s++)
		*v = *v * (uint64_t)base + (uint64_t)(*s - '0');
	if (s == *p || *s != end)
		return 0;
	*p = s + 1;
	return 1;
}

/*
 * Parses a line (newline removed) into r and span; *rest is what follows
 * the numbers (KEY PATH or PATH).  0 when damaged.  By hand: a manifest
 * has a line per packet, and sscanf made reading it a tenth of a no-op
 * build.
 */
static int
line_parse(char *line, struct out_rec *r, struct out_span *span,
    char **rest)
{
	const char *p = line;
	uint64_t mode;

	memset(r, 0, sizeof(*r));
	memset(span, 0, sizeof(*span));
	if (!hex64(&p, &r->hash.w[0]) || !hex64(&p, &r->hash.w[1]) ||
	    *p++ != ' ' || !hex64(&p, &r->input.w[0]) ||
	    !hex64(&p, &r->input.w[1]) || *p++ != ' ' ||
	    !num(&p, 10, ' ', &r->size) || !num(&p, 8, ' ', &mode) ||
	    !num(&p, 10, ' ', &span->off) ||
	    !num(&p, 10, ' ', &span->len) || *p == '\0' || mode > 07777)
		return 0;
	r->mode = (unsigned)mode;
	*rest = (char *)p;
	return 1;
}

/* A file to check, and for a series file its line in the manifest. */
struct chk {
	const char	*path;
	uint64_t	 size;
	unsigned	 mode;
	const char	*line;		/* the line as read (series) */
};

/*
 * A series line, read for its path, size and mode only (the digests
 * are checked to be 32 hex digits, not read): *c points into line,
 * which it leaves as it is.  0 when damaged.
 */
static int
series_light(const char *line, struct chk *c)
{
	static const char hex[] = "0123456789abcdef";
	const char *p = line, *sp;
	uint64_t mode, x;

	if (strspn(p, hex) != 32 || p[32] != ' ' ||
	    strspn(p + 33, hex) != 32 || p[65] != ' ')
		return 0;
	p += 66;
	if (!num(&p, 10, ' ', &c->size) || !num(&p, 8, ' ', &mode) ||
	    mode > 07777 || !num(&p, 10, ' ', &x) || !num(&p, 10, ' ', &x) ||
	    (sp = strchr(p, ' ')) == NULL || sp == p || sp[1] == '\0')
		return 0;
	c->mode = (unsigned)mode;
	c->path = sp + 1;
	c->line = line;
	return 1;
}

/* getline without its newline; 0 at the end. */
static int
line_get(FILE *f, char **line, size_t *cap)
{
	ssize_t n = getline(line, cap, f);

	if (n <= 0)
		return 0;
	if ((*line)[n - 1] == '\n')
		(*line)[n - 1] = '\0';
	return 1;
}

static int
entry_cmp(const void *x, const void *y)
{
	return strcmp(((const struct entry *)x)->path,
	    ((const struct entry *)y)->path);
}

static void
manifest_add(struct manifest *m, const char *path, const struct out_rec *r)
{
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 256;
		m->v = xreallocarray(m->v, m->cap, sizeof(*m->v));
	}
	m->v[m->n].r = *r;
	m->v[m->n++].path = xstrdup(path);
}

static const struct entry *
manifest_find(const struct manifest *m, const char *path)
{
	struct entry key;

	key.path = (char *)path;
	return m->n ? bsearch(&key, m->v, m->n, sizeof(*m->v), entry_cmp) :
	    NULL;
}

static void
manifest_free(struct manifest *m)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		free(m->v[i].path);
	free(m->v);
	memset(m, 0, sizeof(*m));
}

/* ---- folders of the output ----------------------------------------------- */

/* FNV-1a of the first len bytes of s. */
static size_t
dir_hash(const char *s, size_t len)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
	return (size_t)h;
}

/* The slot of the folder path[0..len) in a table of cap slots: its own,
 * or the free one it would take. */
static struct dstat *
dir_slot(struct dstat *v, size_t cap, const char *path, size_t len)
{
	size_t i = dir_hash(path, len) & (cap - 1);

	while (v[i].path != NULL && (strncmp(v[i].path, path, len) != 0 ||
	    v[i].path[len] != '\0'))
		i = (i + 1) & (cap - 1);
	return &v[i];
}

static void
dirs_grow(struct dirs *t)
{
	struct dstat *v = t->v;
	size_t cap = t->cap, i;

	t->cap = cap ? cap * 2 : 64;
	t->v = xcalloc(t->cap, sizeof(*t->v));
	for (i = 0; i < cap; i++)
		if (v[i].path != NULL)
			*dir_slot(t->v, t->cap, v[i].path,
			    strlen(v[i].path)) = v[i];
	free(v);
	t->last = NULL;
}

/*
 * The folder path[0..len) ("" the root), made with every folder above
 * it when new; NULL when absent and make is 0.  The caller holds o->lock
 * where threads write.
 */
static struct dstat *
dir_get(struct dirs *t, const char *path, size_t len, int make)
{
	struct dstat *d;
	const char *slash;

	if (t->last != NULL && strncmp(t->last->path, path, len) == 0 &&
	    t->last->path[len] == '\0')
		return t->last;
	if (t->cap == 0 || (d = dir_slot(t->v, t->cap, path, len))->path ==
	    NULL) {
		if (!make)
			return NULL;
		/* Its parents first: a table holds every folder's parent. */
		if (len > 0) {
			slash = memrchr(path, '/', len);
			dir_get(t, path, slash ? (size_t)(slash - path) : 0, 1);
		}
		if ((t->n + 1) * 2 > t->cap)
			dirs_grow(t);
		d = dir_slot(t->v, t->cap, path, len);
		d->path = xstrndup(path, len);
		t->n++;
	}
	return t->last = d;
}

/* The folder of the file at path. */
static struct dstat *
dir_of(struct dirs *t, const char *path, int make)
{
	const char *slash = strrchr(path, '/');

	return dir_get(t, path, slash ? (size_t)(slash - path) : 0, make);
}

/* The folder above d; NULL for the root. */
static struct dstat *
dir_parent(struct dirs *t, const struct dstat *d)
{
	const char *slash;

	if (d->path[0] == '\0')
		return NULL;
	slash = strrchr(d->path, '/');
	return dir_get(t, d->path, slash ? (size_t)(slash - d->path) : 0, 0);
}

/* Counts a file of this build in its folder; the caller holds the lock
 * where threads write. */
static void
dir_count_new(struct dirs *t, const char *path, const struct out_rec *r)
{
	struct dstat *d = dir_of(t, path, 1);

	d->new_n++;
	d->kept_n += r->kept != 0;
	/* The mode its folders get in a stage (make_parents), up to the
	 * first folder that has one. */
	for (; d != NULL && d->fmode == 0; d = dir_parent(t, d))
		d->fmode = r->mode;
}

static void
dirs_free(struct dirs *t)
{
	size_t i;

	for (i = 0; i < t->cap; i++)
		free(t->v[i].path);
	free(t->v);
	memset(t, 0, sizeof(*t));
}

/* ---- notes ------------------------------------------------------------------ */

static void
notes_set(struct notes *ns, const char *key, const char *value)
{
	size_t i;

	for (i = 0; i < ns->n; i++)
		if (strcmp(ns->v[i].key, key) == 0) {
			free(ns->v[i].value);
			ns->v[i].value = xstrdup(value);
			return;
		}
	ns->v = xreallocarray(ns->v, ns->n + 1, sizeof(*ns->v));
	ns->v[ns->n].key = xstrdup(key);
	ns->v[ns->n++].value = xstrdup(value);
}

static const char *
notes_get(const struct notes *ns, const char *key)
{
	size_t i;

	for (i = 0; i < ns->n; i++)
		if (strcmp(ns->v[i].key, key) == 0)
			return ns->v[i].value;
	return NULL;
}

static int
note_cmp(const void *x, const void *y)
{
	return strcmp(((const struct note *)x)->key,
	    ((const struct note *)y)->key);
}

static void
notes_free(struct notes *ns)
{
	size_t i;

	for (i = 0; i < ns->n; i++) {
		free(ns->v[i].key);
		free(ns->v[i].value);
	}
	free(ns->v);
	memset(ns, 0, sizeof(*ns));
}

void
out_note(struct out *o, const char *key, const char *value)
{
	if (o != NULL)
		notes_set(&o->notes, key, value);
}

const char *
out_note_old(const struct out *o, const char *key)
{
	return o != NULL && o->old_whole ? notes_get(&o->notes_old, key) :
	    NULL;
}

/* Reads the next series line of the previous manifest into o->seq. */
static void
seq_advance(struct seq_in *s)
{
	char *rest, *sp;

	while (s->f != NULL) {
		if (!line_get(s->f, &s->line, &s->cap) ||
		    strcmp(s->line, MANIFEST_SEP) == 0) {
			fclose(s->f);
			s->f = NULL;
			break;
		}
		if (line_parse(s->line, &s->r, &s->span, &rest) &&
		    (sp = strchr(rest, ' ')) != NULL) {
			*sp = '\0';
			s->key = rest;
			s->path = sp + 1;
			return;
		}
		s->bad = 1;
	}
}

/* Opens the previous manifest's series at its first line (again). */
static void
seq_open(struct out *o)
{
	char *path = xasprintf("%s/%s", o->dir, MANIFEST);
	struct seq_in *s = &o->seq;

	if (s->f != NULL)
		fclose(s->f);
	s->bad = 0;
	if ((s->f = fopen(path, "re")) != NULL) {
		line_get(s->f, &s->line, &s->cap);	/* the head */
		line_get(s->f, &s->line, &s->cap);	/* the input */
		seq_advance(s);
	}
	free(path);
}

/* "input INPUT": the second line. */
static int
input_parse(const char *line, struct digest *in)
{
	const char *p = line + strlen(MANIFEST_INPUT);

	return strncmp(line, MANIFEST_INPUT, strlen(MANIFEST_INPUT)) == 0 &&
	    hex64(&p, &in->w[0]) && hex64(&p, &in->w[1]) && *p == '\0';
}

/*
 * Reads DIR/.umpress-manifest: the other files into o->old, sorted; the
 * series counted, and opened again to be read along with the build.  A
 * missing or damaged manifest is an empty one (everything is then
 * written anew).  Memory holds the other files only, whose number does
 * not grow with the employees.
 */
static void
manifest_load(struct out *o)
{
	char *path, *line = NULL, *rest, *sp;
	size_t cap = 0;
	struct out_rec r;
	struct out_span span;
	struct chk c;
	int part = 0, end = 0;	/* 0 series, 1 others, 2 notes */
	FILE *f;

	path = xasprintf("%s/%s", o->dir, MANIFEST);
	if ((f = fopen(path, "re")) != NULL && line_get(f, &line, &cap) &&
	    strcmp(line, MANIFEST_HEAD) == 0 && line_get(f, &line, &cap) &&
	    input_parse(line, &o->old_input)) {
		o->old_whole = 1;
		while (!end && line_get(f, &line, &cap)) {
			if (part < 2 && strcmp(line, MANIFEST_SEP) == 0)
				part++;
			else if (part == 2 && strcmp(line, MANIFEST_END) == 0)
				end = 1;
			else if (part == 2 && (sp = strchr(line, ' ')) != NULL) {
				*sp = '\0';
				notes_set(&o->notes_old, line, sp + 1);
			} else if (part == 0 && series_light(line, &c)) {
				dir_of(&o->dirs, c.path, 1)->old_n++;
				o->old_nseq++;
			} else if (part == 1 && line_parse(line, &r, &span,
			    &rest)) {
				dir_of(&o->dirs, rest, 1)->old_n++;
				manifest_add(&o->old, rest, &r);
			} else
				o->old_whole = 0;
		}
		/* Cut short: not whole. */
		o->old_whole &= end && (!line_get(f, &line, &cap));
		seq_open(o);
	}
	if (f != NULL)
		fclose(f);
	xqsort(o->old.v, o->old.n, sizeof(*o->old.v), entry_cmp);
	free(line);
	free(path);
}

/* ---- folders ---------------------------------------------------------------- */

/* Folders deeper than this under a tree to remove are left (said by
 * rm_stage): ours are a few deep, content/ sets how many more. */
#define RM_DEPTH	256

static int rm_at(int, const char *, int);

/*
 * Gives its owner (us) every right on the folder open at fd, so what is
 * in it can be removed: a read-only old output (chmod -R a-w) is still
 * ours.
 */
static void
open_up(int fd)
{
	struct stat st;

	if (fstat(fd, &st) == 0 && (st.st_mode & 0700) != 0700)
		fchmod(fd, (st.st_mode & 07777) | 0700);
}

/* Removes what the folder open at fd holds; closes fd.  0 when something
 * stays (errno says why). */
static int
rm_in(int fd, int depth)
{
	struct dirent *e;
	struct stat st;
	DIR *dp;
	int ok = 1, dir, saved = 0;

	open_up(fd);
	if ((dp = fdopendir(fd)) == NULL) {
		saved = errno;
		close(fd);
		errno = saved;
		return 0;
	}
	while ((e = readdir(dp)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		dir = e->d_type == DT_DIR;
		if (e->d_type == DT_UNKNOWN)
			dir = fstatat(fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) ==
			    0 && S_ISDIR(st.st_mode);
		if (dir ? !rm_at(fd, e->d_name, depth + 1) :
		    unlinkat(fd, e->d_name, 0) == -1 && errno != ENOENT) {
			ok = 0;
			saved = errno;
		}
	}
	closedir(dp);
	errno = saved;
	return ok;
}

/* Removes the folder name in the folder open at dfd, and all in it. */
static int
rm_at(int dfd, const char *name, int depth)
{
	int fd;

	if (depth > RM_DEPTH) {
		errno = ELOOP;
		return 0;
	}
	fd = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC);
	/* A folder we may not read: ours, opened up. */
	if (fd == -1 && errno == EACCES && fchmodat(dfd, name, 0700, 0) == 0)
		fd = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
		    O_CLOEXEC);
	if (fd == -1)
		return errno == ENOENT;
	if (!rm_in(fd, depth))
		return 0;
	return unlinkat(dfd, name, AT_REMOVEDIR) == 0 || errno == ENOENT;
}

/*
 * rm -rf, without following links; the folders are made writable first
 * (rm -rf does not, but a folder of ours left read-only would keep a
 * whole output, personal data included, for good).  By descriptor, and
 * by the type readdir gives: no stat of each file, no walk of each path
 * (the old output of a build can hold a file per employee).
 */
static int
rm_tree(const char *path)
{
	struct stat st;

	if (lstat(path, &st) == -1)
		return errno == ENOENT;
	if (!S_ISDIR(st.st_mode))
		return unlink(path) == 0 || errno == ENOENT;
	return rm_at(AT_FDCWD, path, 0);
}

/*
 * Removes a folder of ours beside the output; when it stays (someone
 * else's files in it), says so loudly: it may hold personal data.
 */
static void
rm_stage(struct diag *d, const char *path)
{
	if (rm_tree(path))
		return;
	diag_file(d, DIAG_WARN, path, 0, "cannot remove this folder a build "
	    "left (%s); it may hold personal data (private/): remove it "
	    "(rm -rf)", strerror(errno));
}

/*
 * Makes the folders leading to the file at path, with the mode, those
 * after its first from bytes: the folder there must be (a stage that is
 * gone is not made again by a thread still writing into it).
 */
static int
make_parents(const char *path, size_t from, mode_t mode)
{
	char *p = xstrdup(path), *s;
	int ok = 1;

	for (s = strchr(p + from + 1, '/'); s != NULL && ok;
	    s = strchr(s + 1, '/')) {
		*s = '\0';
		if (mkdir(p, mode) == 0)
			ok = chmod(p, mode) == 0; /* whatever the umask */
		else if (errno != EEXIST)
			ok = 0;
		*s = '/';
	}
	free(p);
	return ok;
}

/*
 * The stage of the build in progress, removed when the program ends
 * before the build does: exit() from oom() (out of memory) or main.c.
 * One for the process, as atexit() handlers take no argument: the only
 * state here outside a context.  live points at the build's o->stage.
 */
static pthread_mutex_t live_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t live_once = PTHREAD_ONCE_INIT;
static char **live;

static void
live_atexit(void)
{
	char dead[PATH_MAX];

	pthread_mutex_lock(&live_lock);
	/* Renamed first, at once: a worker thread still writing into it
	 * then fails, and cannot make it again (make_parents). */
	if (live != NULL && *live != NULL && snprintf(dead, sizeof(dead),
	    "%s.dead", *live) < (int)sizeof(dead) && rename(*live, dead) == 0)
		rm_tree(dead);
	live = NULL;
	pthread_mutex_unlock(&live_lock);
}

static void
live_register(void)
{
	atexit(live_atexit);
}

/* Sets (or with NULL, clears) the stage to remove at exit. */
static void
live_set(char **stage)
{
	pthread_once(&live_once, live_register);
	pthread_mutex_lock(&live_lock);
	live = stage;
	pthread_mutex_unlock(&live_lock);
}

/*
 * The folder a build swaps: dir, or when dir is a symbolic link (an
 * output folder on another disk), the folder it points to, so that the
 * link stays and its target is what is replaced.  The caller frees it.
 */
static char *
swap_target(const char *dir)
{
	struct stat st;
	char link[PATH_MAX], *t, *slash;
	ssize_t n;

	if (lstat(dir, &st) == -1 || !S_ISLNK(st.st_mode))
		return xstrdup(dir);
	if ((t = realpath(dir, NULL)) != NULL)
		return t;
	/* A link to a folder not made yet: its target, as the link says,
	 * from the link's folder. */
	if ((n = readlink(dir, link, sizeof(link) - 1)) <= 0)
		return xstrdup(dir);
	link[n] = '\0';
	if (link[0] == '/' || (slash = strrchr(dir, '/')) == NULL)
		return xstrdup(link);
	return xasprintf("%.*s/%s", (int)(slash - dir), dir, link);
}

/* The folder holding dir, and dir's last component, split at the last
 * slash ("output" -> "." and "output"). */
static void
split_dir(const char *dir, char **parent, char **base)
{
	char *d = xstrdup(dir), *slash;
	size_t n = strlen(d);

	while (n > 1 && d[n - 1] == '/')
		d[--n] = '\0';
	if ((slash = strrchr(d, '/')) == NULL) {
		*parent = xstrdup(".");
		*base = d;
		return;
	}
	*base = xstrdup(slash + 1);
	*parent = slash == d ? xstrdup("/") : xstrndup(d, (size_t)(slash - d));
	free(d);
}

/* ---- a build ---------------------------------------------------------------- */

/*
 * Takes the lock on the folder holding the output (parent), so two
 * builds of one output never mix their trees: the second waits for the
 * first.  The lock is on the parent folder because the output itself is
 * swapped.  *fd: the locked folder, to close.
 */
static int
take_lock(int *fd, const char *parent, const char *shown, struct diag *d)
{
	if ((*fd = open(parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1) {
		diag_file(d, DIAG_ERROR, parent, 0, "cannot open: %s",
		    strerror(errno));
		return 0;
	}
	if (flock(*fd, LOCK_EX | LOCK_NB) == 0)
		return 1;
	if (errno == EWOULDBLOCK) {
		diag_msg(d, DIAG_WARN, "another build is writing %s; "
		    "waiting for it to finish", shown);
		out_hook("lock-wait");
		if (flock(*fd, LOCK_EX) == 0)
			return 1;
	}
	diag_file(d, DIAG_ERROR, parent, 0, "cannot lock: %s",
	    strerror(errno));
	return 0;
}

static int relink(const char *, const char *, const char *, const char *,
    int);

/*
 * Removes staging folders a killed build left beside the output dir
 * (".NAME.umpress-PID"): we hold the lock, so none is in use.  One that
 * is the old output of a build killed right after its swap may still
 * have folders the new output links to: those are put back first.
 */
static void
clean_leftovers(struct diag *d, const char *dir, const char *parent,
    const char *base)
{
	struct dirent *e;
	char *prefix, *path;
	DIR *dp;

	if ((dp = opendir(parent)) == NULL)
		return;
	prefix = xasprintf(".%s" STAGE_TAG, base);
	while ((e = readdir(dp)) != NULL)
		if (strncmp(e->d_name, prefix, strlen(prefix)) == 0) {
			path = xasprintf("%s/%s", parent, e->d_name);
			if (relink(dir, path, e->d_name, "", 0))
				rm_stage(d, path);
			else
				diag_file(d, DIAG_WARN, path, 0, "not removed: "
				    "%s/ links into it, and it cannot be put "
				    "back (%s)", dir, strerror(errno));
			free(path);
		}
	free(prefix);
	closedir(dp);
}

/*
 * An existing output must be one umpress made (it has a manifest) or
 * empty: the swap replaces the whole folder, and --out pointed at the
 * wrong folder must not delete someone's files.
 */
static int
output_ours(struct out *o)
{
	struct dirent *e;
	struct stat st;
	char *m;
	DIR *dp;
	int ours = 1;

	if (stat(o->dir, &st) == -1)
		return errno == ENOENT;
	/* A file (say --out records/umpress.db) is never ours to replace. */
	if (!S_ISDIR(st.st_mode))
		return 0;
	m = xasprintf("%s/%s", o->dir, MANIFEST);
	if (access(m, F_OK) == 0 || (dp = opendir(o->dir)) == NULL) {
		free(m);
		return access(o->dir, F_OK) == 0;
	}
	while ((e = readdir(dp)) != NULL)
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			ours = 0;
	closedir(dp);
	free(m);
	return ours;
}

struct out *
out_begin(const char *dir, const struct digest *input, struct diag *d)
{
	struct out *o = xcalloc(1, sizeof(*o));
	char *parent, *base, *mpath;

	o->d = d;
	if (input != NULL)
		o->input = *input;
	o->shown = xstrdup(dir);
	o->dir = swap_target(dir);
	o->lockfd = -1;
	pthread_mutex_init(&o->lock, NULL);
	split_dir(o->dir, &parent, &base);
	if (!take_lock(&o->lockfd, parent, o->shown, d))
		goto fail;
	if (!output_ours(o)) {
		struct stat st;

		if (stat(dir, &st) == 0 && !S_ISDIR(st.st_mode))
			diag_file(d, DIAG_ERROR, dir, 0, "not replacing this "
			    "file: umpress did not make it");
		else
			diag_file(d, DIAG_ERROR, dir, 0, "not replacing this "
			    "folder: it is not empty and umpress did not "
			    "make it");
		goto fail;
	}
	clean_leftovers(d, o->dir, parent, base);
	o->stage = xasprintf("%s/.%s" STAGE_TAG "%ld", parent, base,
	    (long)getpid());
	if (mkdir(o->stage, 0755) == -1 || chmod(o->stage, 0755) == -1) {
		diag_file(d, DIAG_ERROR, parent, 0, "cannot make a folder "
		    "here: %s", strerror(errno));
		goto fail;
	}
	live_set(&o->stage);
	mpath = xasprintf("%s/%s", o->stage, MANIFEST);
	o->mf = fopen(mpath, "we");
	if (o->mf == NULL || fchmod(fileno(o->mf), 0600) == -1) {
		diag_file(d, DIAG_ERROR, mpath, 0, "cannot write: %s",
		    strerror(errno));
		free(mpath);
		goto fail;
	}
	free(mpath);
	/* The paths of the series files kept, which can be many. */
	if ((o->kept = tmpfile()) == NULL) {
		diag_msg(d, DIAG_ERROR, "cannot make a temporary file: %s",
		    strerror(errno));
		goto fail;
	}
	fprintf(o->mf, "%s\n%s%016" PRIx64 "%016" PRIx64 "\n", MANIFEST_HEAD,
	    MANIFEST_INPUT, o->input.w[0], o->input.w[1]);
	manifest_load(o);
	free(parent);
	free(base);
	out_hook("stage");
	return o;
fail:
	free(parent);
	free(base);
	out_abort(o);
	return NULL;
}

static mode_t
file_mode(enum out_mode m)
{
	return m == OUT_PRIVATE ? 0600 : 0644;
}

/* The folders of a file: searchable by whoever may read the file. */
static mode_t
dir_mode(unsigned fmode)
{
	return fmode == 0600 ? 0700 : 0755;
}

/* Writes all of data to a new file at path with the mode. */
static int
write_file(const char *path, const void *data, size_t len, mode_t mode)
{
	const char *p = data;
	ssize_t n;
	int fd, saved;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    mode)) == -1)
		return 0;
	while (len > 0) {
		if ((n = write(fd, p, len)) == -1) {
			if (errno == EINTR)
				continue;
			goto fail;
		}
		p += n;
		len -= (size_t)n;
	}
	if (fchmod(fd, mode) == -1)	/* whatever the umask */
		goto fail;
	return close(fd) == 0;
fail:
	saved = errno;
	close(fd);
	errno = saved;
	return 0;
}

/* write_file() into the stage, making the folders on the way. */
static int
stage_write(struct out *o, const char *path, const void *data, size_t len,
    struct out_rec *r)
{
	char *staged = xasprintf("%s/%s", o->stage, path);
	int ok;

	ok = write_file(staged, data, len, r->mode) || (errno == ENOENT &&
	    make_parents(staged, strlen(o->stage), dir_mode(r->mode)) &&
	    write_file(staged, data, len, r->mode));
	free(staged);
	return ok;
}

/*
 * Whether the previous output's file at path still looks like the one
 * its manifest line r describes: a regular file of that size and mode
 * (someone may have removed, truncated or chmod-ed it since; then it is
 * made again).  Not its bytes: reading every file would make a no-op
 * build cost what a full one does.
 */
static int
intact(struct out *o, const char *path, const struct out_rec *r)
{
	char *full = xasprintf("%s/%s", o->dir, path);
	struct stat st;
	int ok;

	ok = lstat(full, &st) == 0 && S_ISREG(st.st_mode) &&
	    (uint64_t)st.st_size == r->size &&
	    (unsigned)(st.st_mode & 07777) == r->mode;
	free(full);
	return ok;
}

/* Whether the file r describes has the bytes of old, which is intact:
 * then r is kept. */
static int
same_as(struct out *o, const char *path, struct out_rec *r,
    const struct out_rec *old)
{
	if (old == NULL || !digest_eq(&old->hash, &r->hash) ||
	    old->size != r->size || old->mode != r->mode ||
	    !intact(o, path, old))
		return 0;
	r->kept = 1;
	return 1;
}

static const struct out_rec *
old_other(struct out *o, const char *path)
{
	const struct entry *e = manifest_find(&o->old, path);

	return e ? &e->r : NULL;
}

static void
record_other(struct out *o, const char *path, const struct out_rec *r)
{
	pthread_mutex_lock(&o->lock);
	manifest_add(&o->now, path, r);
	dir_count_new(&o->dirs, path, r);
	o->sorted = 0;
	pthread_mutex_unlock(&o->lock);
}

/* The output path a message names: the output folder and the path. */
static void
out_fail(struct out *o, const char *path)
{
	int saved = errno;
	char *full = xasprintf("%s/%s", o->shown, path);

	diag_file(o->d, DIAG_ERROR, full, 0, "cannot write: %s",
	    strerror(saved));
	free(full);
}

static int
zero(const struct digest *x)
{
	return x->w[0] == 0 && x->w[1] == 0;
}

static void
rec_make(struct out_rec *r, const void *data, size_t len, enum out_mode m,
    const struct digest *input)
{
	memset(r, 0, sizeof(*r));
	hash_bytes(data, len, &r->hash);
	r->size = len;
	r->mode = file_mode(m);
	if (input != NULL)
		r->input = *input;
}

int
out_write(struct out *o, const char *path, const void *data, size_t len,
    enum out_mode m)
{
	struct out_rec r;

	if (o == NULL)		/* umpress check: render, write nothing */
		return 1;
	rec_make(&r, data, len, m, NULL);
	if (!same_as(o, path, &r, old_other(o, path)) &&
	    !stage_write(o, path, data, len, &r)) {
		out_fail(o, path);
		return 0;
	}
	record_other(o, path, &r);
	return 1;
}

int
out_keep(struct out *o, const char *path, const struct digest *input,
    enum out_mode m)
{
	const struct out_rec *old;
	struct out_rec r;

	if (o == NULL || zero(input) || (old = old_other(o, path)) == NULL ||
	    !digest_eq(&old->input, input) || old->mode != file_mode(m) ||
	    !intact(o, path, old))
		return 0;
	r = *old;
	r.kept = 1;
	record_other(o, path, &r);
	return 1;
}

/* ---- the previous output's files checked in bulk ----------------------------- */

/* Whether path is under the folder prefix ("private/"). */
static int
under(const char *path, const char *prefix)
{
	return strncmp(path, prefix, strlen(prefix)) == 0;
}

/*
 * A no-op build, or one that keeps private/ whole, checks that every file
 * of the previous output is intact: a stat per employee, the most of
 * what such a build costs.  So the checks go a chunk of the manifest at
 * a time, its files shared among threads, each looking its files up from
 * their folder, open (not walking each path from the top).
 */
#define CHK_CHUNK	8192	/* series lines read at once */
#define CHK_THREADS	4	/* threads checking a chunk, at most */

/* A thread's share of a chunk. */
struct chk_part {
	const struct out *o;
	const struct chk *v;		/* its files, */
	size_t		 n;		/* ... how many */
	int		 ok;		/* every one intact */
};

/* Whether the file at path (relative to the output) is intact; dfd and
 * *dir: the folder last opened, kept open for the next file. */
static int
chk_one(const struct out *o, int *dfd, char **dir, const struct chk *c)
{
	const char *slash = strrchr(c->path, '/');
	size_t len = slash ? (size_t)(slash - c->path) : 0;
	struct stat st;
	char *full;

	if (*dir == NULL || strlen(*dir) != len ||
	    strncmp(*dir, c->path, len) != 0) {
		if (*dfd != -1)
			close(*dfd);
		free(*dir);
		*dir = xstrndup(c->path, len);
		full = xasprintf("%s/%s", o->dir, *dir);
		*dfd = open(full, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		free(full);
	}
	return *dfd != -1 && fstatat(*dfd, slash ? slash + 1 : c->path, &st,
	    AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode) &&
	    (uint64_t)st.st_size == c->size &&
	    (unsigned)(st.st_mode & 07777) == c->mode;
}

static void *
chk_part_run(void *arg)
{
	struct chk_part *p = arg;
	char *dir = NULL;
	size_t i;
	int dfd = -1;

	for (p->ok = 1, i = 0; p->ok && i < p->n; i++)
		p->ok = chk_one(p->o, &dfd, &dir, &p->v[i]);
	if (dfd != -1)
		close(dfd);
	free(dir);
	return NULL;
}

/* Whether all n files are intact, a part per thread (the calling one
 * among them; a thread that cannot start leaves its part to it). */
static int
chk_all(const struct out *o, const struct chk *v, size_t n)
{
	struct chk_part part[CHK_THREADS];
	pthread_t tid[CHK_THREADS];
	int started[CHK_THREADS];
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	size_t t, k, from;
	int ok = 1;

	t = cores < 1 ? 1 : cores > CHK_THREADS ? CHK_THREADS : (size_t)cores;
	if (n < 256 * t)	/* not worth a thread */
		t = 1;
	for (k = 0, from = 0; k < t; k++) {
		part[k].o = o;
		part[k].v = v + from;
		part[k].n = n / t + (k < n % t);
		from += part[k].n;
		started[k] = k > 0 && pthread_create(&tid[k], NULL,
		    chk_part_run, &part[k]) == 0;
	}
	for (k = 0; k < t; k++)
		if (!started[k])
			chk_part_run(&part[k]);
	for (k = 0; k < t; k++) {
		if (started[k])
			pthread_join(tid[k], NULL);
		ok &= part[k].ok;
	}
	return ok;
}

/* Whether the previous output's other files under prefix are intact. */
static int
others_intact(const struct out *o, const char *prefix)
{
	struct chk *v = xcalloc(o->old.n + 1, sizeof(*v));
	size_t i, n = 0;
	int ok;

	for (i = 0; i < o->old.n; i++)
		if (under(o->old.v[i].path, prefix)) {
			v[n].path = o->old.v[i].path;
			v[n].size = o->old.v[i].r.size;
			v[n++].mode = o->old.v[i].r.mode;
		}
	ok = chk_all(o, v, n);
	free(v);
	return ok;
}

/*
 * Walks the previous manifest's series a chunk at a time: each file must
 * be under prefix ("" for any) and intact; fn (if not NULL) is then
 * given the chunk.  0 at the first that is not, or a damaged line.
 */
static int
bulk_walk(struct out *o, const char *prefix,
    int (*fn)(struct out *, const struct chk *, size_t))
{
	char *path = xasprintf("%s/%s", o->dir, MANIFEST), *line = NULL;
	struct chk *v = xcalloc(CHK_CHUNK, sizeof(*v));
	struct buf text = {0};
	size_t cap = 0, n, i, *at = xcalloc(CHK_CHUNK, sizeof(*at));
	FILE *f = fopen(path, "re");
	int ok = f != NULL, more = 1;

	/* The head and the input. */
	ok = ok && line_get(f, &line, &cap) && line_get(f, &line, &cap);
	while (ok && more) {
		buf_reset(&text);
		for (n = 0; n < CHK_CHUNK && (more = line_get(f, &line,
		    &cap)) && strcmp(line, MANIFEST_SEP) != 0; n++) {
			at[n] = text.len;
			buf_put(&text, line, strlen(line) + 1);
		}
		if (more)	/* the separator, not the end, stops it */
			more = n == CHK_CHUNK;
		else
			ok = 0;	/* cut short */
		for (i = 0; ok && i < n; i++)
			ok = series_light(text.data + at[i], &v[i]) &&
			    under(v[i].path, prefix);
		ok = ok && chk_all(o, v, n) && (fn == NULL || fn(o, v, n));
	}
	if (f != NULL)
		fclose(f);
	buf_free(&text);
	free(line);
	free(path);
	free(at);
	free(v);
	return ok;
}

/*
 * Whether the previous output was made from this build's input (not
 * zero) and every file of it is still in place (intact).
 */
int
out_current(struct out *o)
{
	return o->old_whole && !zero(&o->input) &&
	    digest_eq(&o->input, &o->old_input) && others_intact(o, "") &&
	    bulk_walk(o, "", NULL);
}

/* ---- the series ------------------------------------------------------------- */

/* Whether the previous manifest's current series line comes before the
 * file (key, path): keys first, then the paths of one key. */
static int
seq_before(const struct seq_in *s, const char *key, const char *path)
{
	int cmp = strcmp(s->key, key);

	return cmp < 0 || (cmp == 0 && strcmp(s->path, path) < 0);
}

int
out_seq_old(struct out *o, const char *key, const char *path,
    struct out_rec *old, struct out_span *span)
{
	struct seq_in *s;

	if (o == NULL)
		return 0;
	s = &o->seq;
	while (s->f != NULL && seq_before(s, key, path))
		seq_advance(s);
	if (s->f == NULL || strcmp(s->key, key) != 0 ||
	    strcmp(s->path, path) != 0)
		return 0;
	*old = s->r;
	*span = s->span;
	seq_advance(s);
	return 1;
}

int
out_seq_keep(struct out *o, const char *path, const struct out_rec *old,
    const struct digest *input, struct out_rec *r)
{
	if (o == NULL || old == NULL || zero(input) ||
	    !digest_eq(&old->input, input) || !intact(o, path, old))
		return 0;
	*r = *old;
	r->kept = 1;
	return 1;
}

int
out_seq_write(struct out *o, const char *path, const void *data, size_t len,
    enum out_mode m, const struct digest *input, const struct out_rec *old,
    struct out_rec *r)
{
	rec_make(r, data, len, m, input);
	if (o == NULL || same_as(o, path, r, old))
		return 1;
	if (!stage_write(o, path, data, len, r)) {
		out_fail(o, path);
		return 0;
	}
	return 1;
}

void
out_seq_put(struct out *o, const char *key, const char *path,
    const struct out_rec *r, const struct out_span *span)
{
	if (o == NULL)
		return;
	line_put(o->mf, r, span, key, path);
	pthread_mutex_lock(&o->lock);
	dir_count_new(&o->dirs, path, r);
	pthread_mutex_unlock(&o->lock);
	if (r->kept) {
		fprintf(o->kept, "%o %s\n", r->mode, path);
		o->nseq_kept++;
	} else
		o->changed = 1;
}

/* Counts a kept series file of the chunk in the new manifest. */
static int
keep_chunk(struct out *o, const struct chk *v, size_t n)
{
	struct out_rec r;
	size_t i;

	memset(&r, 0, sizeof(r));
	r.kept = 1;
	for (i = 0; i < n; i++) {
		/* The line of a file kept is the old one, byte for byte. */
		fputs(v[i].line, o->mf);
		fputc('\n', o->mf);
		fprintf(o->kept, "%o %s\n", v[i].mode, v[i].path);
		r.mode = v[i].mode;
		pthread_mutex_lock(&o->lock);
		dir_count_new(&o->dirs, v[i].path, &r);
		pthread_mutex_unlock(&o->lock);
		o->nseq_kept++;
	}
	return !ferror(o->mf) && !ferror(o->kept);
}

/* Forgets what out_keep_tree() recorded since mark (the manifest's
 * length then): nothing else was. */
static void
keep_undo(struct out *o, off_t mark)
{
	size_t i;

	/* (A manifest that cannot be cut back fails the build.) */
	if (fflush(o->mf) != 0 || ftruncate(fileno(o->mf), mark) == -1 ||
	    fseeko(o->mf, mark, SEEK_SET) == -1 || fflush(o->kept) != 0 ||
	    ftruncate(fileno(o->kept), 0) == -1 ||
	    fseeko(o->kept, 0, SEEK_SET) == -1)
		out_fail(o, MANIFEST);
	o->nseq_kept = 0;
	for (i = 0; i < o->dirs.cap; i++)
		o->dirs.v[i].new_n = o->dirs.v[i].kept_n =
		    o->dirs.v[i].fmode = 0;
}

int
out_keep_tree(struct out *o, const char *prefix)
{
	struct out_rec r;
	off_t mark;
	size_t i;
	int ok;

	if (!o->old_whole || o->now.n > 0 || o->nseq_kept > 0 || o->changed ||
	    fflush(o->mf) != 0 || (mark = ftello(o->mf)) == -1)
		return 0;
	ok = others_intact(o, prefix) && bulk_walk(o, prefix, keep_chunk);
	if (!ok) {
		keep_undo(o, mark);
		return 0;
	}
	for (i = 0; i < o->old.n; i++)
		if (under(o->old.v[i].path, prefix)) {
			r = o->old.v[i].r;
			r.kept = 1;
			record_other(o, o->old.v[i].path, &r);
		}
	/* No series file of the previous output is left to be found. */
	if (o->seq.f != NULL)
		fclose(o->seq.f);
	o->seq.f = NULL;
	return 1;
}

/* ---- files written in parts ------------------------------------------------- */

/* A file written in parts. */
struct out_file {
	struct out	*o;
	char		*path;		/* relative to the output */
	char		*staged;	/* its path in the stage */
	enum out_mode	 mode;
	struct digest	 input;
	int		 fd;		/* -1 after a failure */
	struct hash	 h;
	struct buf	 b;		/* bytes not yet written */
};

#define OUT_FILE_BUF	(256 * 1024)

struct out_file *
out_open(struct out *o, const char *path, enum out_mode m,
    const struct digest *input)
{
	struct out_file *f = xcalloc(1, sizeof(*f));

	f->o = o;
	f->path = xstrdup(path);
	f->mode = m;
	f->fd = -1;
	if (input != NULL)
		f->input = *input;
	hash_init(&f->h);
	if (o == NULL)		/* check: count nothing, write nothing */
		return f;
	f->staged = xasprintf("%s/%s", o->stage, path);
	make_parents(f->staged, strlen(o->stage), dir_mode(file_mode(m)));
	if ((f->fd = open(f->staged, O_WRONLY | O_CREAT | O_TRUNC |
	    O_CLOEXEC, file_mode(m))) == -1)
		out_fail(o, path);
	return f;
}

/* Writes the buffered bytes; on failure closes fd and reports. */
static void
out_flush(struct out_file *f)
{
	const char *p = f->b.data;
	size_t len = f->b.len;
	ssize_t n;

	while (f->fd != -1 && len > 0) {
		if ((n = write(f->fd, p, len)) == -1) {
			if (errno == EINTR)
				continue;
			out_fail(f->o, f->path);
			close(f->fd);
			f->fd = -1;
			break;
		}
		p += n;
		len -= (size_t)n;
	}
	buf_reset(&f->b);
}

void
out_put(struct out_file *f, const void *data, size_t len)
{
	if (f->o == NULL || f->fd == -1 || len == 0)
		return;
	hash_put(&f->h, data, len);
	buf_put(&f->b, data, len);
	if (f->b.len >= OUT_FILE_BUF)
		out_flush(f);
}

/*
 * Records a file just written to the stage at staged: when the previous
 * output has the same bytes, the staged copy goes and the old file is
 * kept (linked in at commit, so its mtime stays and rsync moves
 * nothing).
 */
static int
adopt(struct out *o, const char *path, const char *staged,
    struct out_rec *r)
{
	if (same_as(o, path, r, old_other(o, path)) && unlink(staged) == -1)
		return 0;
	record_other(o, path, r);
	return 1;
}

int
out_close(struct out_file *f)
{
	struct out_rec r;
	int ok = 1;

	if (f == NULL)
		return 1;
	if (f->o != NULL) {
		out_flush(f);
		memset(&r, 0, sizeof(r));
		r.size = f->h.n;
		r.mode = file_mode(f->mode);
		r.input = f->input;
		hash_end(&f->h, &r.hash);
		if (f->fd == -1 || fchmod(f->fd, r.mode) == -1 ||
		    !adopt(f->o, f->path, f->staged, &r))
			ok = 0;
		if (f->fd != -1 && close(f->fd) == -1)
			ok = 0;
		if (!ok && f->fd != -1)
			out_fail(f->o, f->path);
	}
	buf_free(&f->b);
	free(f->staged);
	free(f->path);
	free(f);
	return ok;
}

char *
out_path(struct out *o, const char *path, enum out_mode m)
{
	char *staged = xasprintf("%s/%s", o->stage, path);

	make_parents(staged, strlen(o->stage), dir_mode(file_mode(m)));
	return staged;
}

int
out_adopt(struct out *o, const char *path, enum out_mode m,
    const struct digest *input)
{
	struct buf b = {0};
	struct out_rec r;
	char *staged = xasprintf("%s/%s", o->stage, path);
	int ok;

	if ((ok = file_read(staged, &b) && chmod(staged, file_mode(m)) == 0)) {
		rec_make(&r, b.data, b.len, m, input);
		ok = adopt(o, path, staged, &r);
	}
	if (!ok)
		out_fail(o, path);
	buf_free(&b);
	free(staged);
	return ok;
}

/* ---- reading back ------------------------------------------------------------ */

static void
sort_now(struct out *o)
{
	pthread_mutex_lock(&o->lock);
	if (!o->sorted)
		xqsort(o->now.v, o->now.n, sizeof(*o->now.v), entry_cmp);
	o->sorted = 1;
	pthread_mutex_unlock(&o->lock);
}

size_t
out_files(struct out *o, const char *prefix, const char ***paths,
    struct digest *d)
{
	struct hash h;
	size_t i, n = 0, len = strlen(prefix);

	*paths = NULL;
	hash_init(&h);
	sort_now(o);
	for (i = 0; i < o->now.n; i++) {
		if (strncmp(o->now.v[i].path, prefix, len) != 0)
			continue;
		*paths = xreallocarray(*paths, n + 1, sizeof(**paths));
		(*paths)[n++] = o->now.v[i].path;
		hash_str(&h, o->now.v[i].path);
		hash_digest(&h, &o->now.v[i].r.hash);
	}
	hash_end(&h, d);
	return n;
}

int
out_read(struct out *o, const char *path, struct buf *b)
{
	const struct entry *e;
	char *full;
	int ok;

	sort_now(o);
	if ((e = manifest_find(&o->now, path)) == NULL) {
		errno = ENOENT;
		return 0;
	}
	full = xasprintf("%s/%s", e->r.kept ? o->dir : o->stage, path);
	ok = file_read(full, b);
	free(full);
	return ok;
}

int
out_read_old(struct out *o, const char *path, uint64_t off, uint64_t len,
    struct buf *b)
{
	char *full = xasprintf("%s/%s", o->dir, path);
	ssize_t n = -1;
	int fd;

	buf_reset(b);
	buf_reserve(b, (size_t)len);
	if ((fd = open(full, O_RDONLY | O_CLOEXEC)) != -1) {
		n = pread(fd, b->data, (size_t)len, (off_t)off);
		close(fd);
	}
	free(full);
	if (n != (ssize_t)len)
		return 0;
	b->len = (size_t)len;
	b->data[b->len] = '\0';
	return 1;
}

/* ---- the previous output's files as they are -------------------------------- */

char *
out_name(const struct out *o, const char *path)
{
	return xasprintf("%s/%s", o->shown, path);
}

char *
out_old(const struct out *o, const char *path)
{
	return xasprintf("%s/%s", o->dir, path);
}

int
out_keep_old(struct out *o, const char *path)
{
	char *full = out_old(o, path);
	struct buf b = {0};
	struct out_rec r;
	struct stat st;
	int ok;

	ok = lstat(full, &st) == 0 && S_ISREG(st.st_mode) &&
	    file_read(full, &b);
	if (ok) {
		memset(&r, 0, sizeof(r));
		hash_bytes(b.data ? b.data : "", b.len, &r.hash);
		r.size = b.len;
		r.mode = (unsigned)(st.st_mode & 07777);
		r.kept = 1;
		record_other(o, path, &r);
	}
	buf_free(&b);
	free(full);
	return ok;
}

/* ---- one file outside a build ------------------------------------------------- */

/* A temporary name beside the file at path: ".NAME.umpress-PID". */
static char *
tmp_beside(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xasprintf("." "%s" STAGE_TAG "%ld", path,
		    (long)getpid());
	return xasprintf("%.*s/.%s" STAGE_TAG "%ld", (int)(slash - path),
	    path, slash + 1, (long)getpid());
}

/* Makes the folders of the file at full (shown: as messages name it);
 * one that is there must be a folder. */
static int
single_folders(const char *full, const char *shown, enum out_mode m,
    struct diag *d)
{
	const char *slash = strrchr(shown, '/');
	char *folder = xstrndup(shown, slash ? (size_t)(slash - shown) : 0);
	char *real = xstrndup(full, (size_t)(strrchr(full, '/') - full));
	struct stat st;
	int err = 0;

	if (!make_parents(full, 0, dir_mode(file_mode(m))) ||
	    stat(real, &st) == -1)
		err = errno;
	else if (!S_ISDIR(st.st_mode))
		err = ENOTDIR;
	if (err == ENOTDIR || err == EEXIST)
		diag_file(d, DIAG_ERROR, folder, 0, "not a folder");
	else if (err != 0)
		diag_file(d, DIAG_ERROR, folder, 0, "cannot make the folder: "
		    "%s", strerror(err));
	free(folder);
	free(real);
	return err == 0;
}

int
out_single(const char *dir, const char *path, enum out_mode m,
    out_single_fn fn, void *arg, struct diag *d)
{
	char *real, *parent, *base, *full, *tmp, *shown;
	int fd = -1, ok;

	shown = xasprintf("%s/%s", dir, path);
	real = swap_target(dir);
	full = xasprintf("%s/%s", real, path);
	tmp = tmp_beside(full);
	split_dir(real, &parent, &base);
	ok = single_folders(full, shown, m, d) &&
	    take_lock(&fd, parent, dir, d);
	/* Written beside, then renamed: a failed run leaves the old one. */
	ok = ok && fn(tmp, shown, arg);
	if (ok && (chmod(tmp, file_mode(m)) == -1 ||
	    rename(tmp, full) == -1)) {
		diag_file(d, DIAG_ERROR, shown, 0, "cannot write: %s",
		    strerror(errno));
		ok = 0;
	}
	if (!ok)
		unlink(tmp);
	if (fd != -1)
		close(fd);
	free(real);
	free(parent);
	free(base);
	free(full);
	free(tmp);
	free(shown);
	return ok;
}

/* ---- test hooks ------------------------------------------------------------------ */

void
out_hook(const char *stage)
{
	const char *h = getenv("UMPRESS_TEST_HOOK"), *fifo;
	ssize_t n;
	char c;
	int fd;

	if (h == NULL || strcmp(h, stage) != 0)
		return;
	if ((fifo = getenv("UMPRESS_TEST_FIFO")) == NULL || *fifo == '\0') {
		raise(SIGKILL);
		return;
	}
	/* Until the test has opened the FIFO and closed it again. */
	if ((fd = open(fifo, O_RDONLY | O_CLOEXEC)) == -1)
		return;
	while ((n = read(fd, &c, 1)) > 0 || (n == -1 && errno == EINTR))
		continue;
	close(fd);
}

/* ---- the end ---------------------------------------------------------------- */

/* Ends the manifest in the stage: the separator, the other files. */
static int
manifest_end(struct out *o)
{
	size_t i;
	int ok;

	fprintf(o->mf, "%s\n", MANIFEST_SEP);
	sort_now(o);
	for (i = 0; i < o->now.n; i++)
		line_put(o->mf, &o->now.v[i].r, NULL, NULL, o->now.v[i].path);
	fprintf(o->mf, "%s\n", MANIFEST_SEP);
	xqsort(o->notes.v, o->notes.n, sizeof(*o->notes.v), note_cmp);
	for (i = 0; i < o->notes.n; i++)
		fprintf(o->mf, "%s %s\n", o->notes.v[i].key,
		    o->notes.v[i].value);
	fprintf(o->mf, "%s\n", MANIFEST_END);
	ok = fflush(o->mf) == 0 && !ferror(o->mf);
	ok &= fclose(o->mf) == 0;
	o->mf = NULL;
	return ok;
}

/* ---- whole folders ----------------------------------------------------------- */

/* Marks d and every folder above it not whole. */
static void
dir_bad_up(struct dirs *t, struct dstat *d)
{
	const char *slash;

	while (d != NULL && !d->bad) {
		d->bad = 1;
		if (d->path[0] == '\0')
			break;
		slash = strrchr(d->path, '/');
		d = dir_get(t, d->path, slash ? (size_t)(slash - d->path) : 0,
		    0);
	}
}

/*
 * Whether the previous output's folder at path holds n entries and has
 * the mode a stage's folder of files of fmode gets: with each of its
 * files intact (kept), nothing else is in it.
 */
static int
listing_is(const struct out *o, const char *path, size_t n, unsigned fmode)
{
	char *full = xasprintf("%s/%s", o->dir, path);
	struct dirent *e;
	struct stat st;
	size_t k = 0;
	DIR *dp = NULL;
	int ok;

	ok = lstat(full, &st) == 0 && S_ISDIR(st.st_mode) &&
	    (mode_t)(st.st_mode & 07777) == dir_mode(fmode) &&
	    (dp = opendir(full)) != NULL;
	while (ok && k <= n && (e = readdir(dp)) != NULL)
		k += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	if (dp != NULL)
		closedir(dp);
	free(full);
	return ok && k == n;
}

/*
 * Finds the whole folders: every file in them kept, as many as the
 * previous output had there, no folder in them that is not whole, and
 * nothing else in them on disk.  The root never is (the manifest).
 */
static void
dirs_whole(struct out *o)
{
	struct dirs *t = &o->dirs;
	struct dstat *d, *up;
	size_t i;

	for (i = 0; i < t->cap; i++)
		if (t->v[i].path != NULL && (up = dir_parent(t, &t->v[i])))
			up->nchild++;
	for (i = 0; i < t->cap; i++) {
		d = &t->v[i];
		if (d->path != NULL && (d->path[0] == '\0' || !o->old_whole ||
		    d->old_n != d->kept_n || d->new_n != d->kept_n ||
		    d->fmode == 0))
			dir_bad_up(t, d);
	}
	for (i = 0; i < t->cap; i++) {
		d = &t->v[i];
		if (d->path != NULL && !d->bad && !listing_is(o, d->path,
		    d->new_n + d->nchild, d->fmode))
			dir_bad_up(t, d);
	}
}

/* Whether the file at path is in a whole folder (linked as one). */
static int
covered(struct out *o, const char *path)
{
	struct dstat *d = o->nlinked > 0 ? dir_of(&o->dirs, path, 0) : NULL;

	return d != NULL && !d->bad;
}

/*
 * Whether this system exchanges a folder and a link in one rename
 * (renameat2 RENAME_EXCHANGE: Linux 3.15, on ext4, xfs, btrfs, tmpfs).
 * Tried on two names in the stage, removed again.
 */
static int
exchange_works(struct out *o)
{
	char *a = xasprintf("%s-x1", o->stage), *b = xasprintf("%s-x2",
	    o->stage);
	int ok;

	/* Beside the stage, under its name: a build that ends here leaves
	 * them to the next one's clean_leftovers. */
	ok = mkdir(a, 0700) == 0 && symlink("x", b) == 0 &&
	    renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE) == 0;
	rm_tree(a);
	rm_tree(b);
	free(a);
	free(b);
	return ok;
}

/*
 * The link in the stage to a whole folder at path: where that folder
 * will be once the stage and the output are exchanged, the previous
 * output then being at the stage's name beside it.
 */
static char *
link_target(const char *stage_base, const char *path)
{
	struct buf b = {0};
	const char *p;

	BUF_LIT(&b, "../");
	for (p = strchr(path, '/'); p != NULL; p = strchr(p + 1, '/'))
		BUF_LIT(&b, "../");
	buf_printf(&b, "%s/%s", stage_base, path);
	return buf_detach(&b);
}

/* The stage's links to the whole folders at the top of their trees. */
static int
link_whole(struct out *o)
{
	const char *base = strrchr(o->stage, '/');
	struct dstat *d, *up;
	char *staged, *target;
	size_t i;
	int ok = 1;

	base = base ? base + 1 : o->stage;
	for (i = 0; ok && i < o->dirs.cap; i++) {
		d = &o->dirs.v[i];
		if (d->path == NULL || d->bad || (up = dir_parent(&o->dirs,
		    d)) == NULL || !up->bad)
			continue;
		staged = xasprintf("%s/%s", o->stage, d->path);
		target = link_target(base, d->path);
		/* A file written and then found the old one's (adopt) left
		 * its empty folders. */
		ok = rm_tree(staged) && make_parents(staged, strlen(o->stage),
		    dir_mode(d->fmode)) && symlink(target, staged) == 0;
		if (ok) {
			o->linked = xreallocarray(o->linked, o->nlinked + 1,
			    sizeof(*o->linked));
			o->linked[o->nlinked++] = xstrdup(d->path);
		} else
			out_fail(o, d->path);
		free(staged);
		free(target);
	}
	return ok;
}

/* Exchanges the linked folder i of the stage and of the output. */
static int
exchange_linked(struct out *o, size_t i)
{
	char *from = xasprintf("%s/%s", o->stage, o->linked[i]);
	char *to = xasprintf("%s/%s", o->dir, o->linked[i]);
	int ok;

	ok = renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_EXCHANGE) == 0;
	free(from);
	free(to);
	return ok;
}

/*
 * After the exchange, the output's links to whole folders of the old
 * output (beside it, at the stage's name) are exchanged with those
 * folders: each rename puts the same files at the same paths.  When one
 * cannot be, what was done is undone, the old output swapped back: the
 * build fails and the previous output stays, as when the swap itself
 * fails.  Should that fail too, the output links into the old one,
 * which stays beside (keep_stage) for the next build to put back
 * (relink).
 */
static int
unlink_whole(struct out *o)
{
	size_t i, k;
	int saved;

	for (i = 0; i < o->nlinked; i++)
		if (!exchange_linked(o, i))
			break;
	if (i == o->nlinked)
		return 1;
	saved = errno;
	for (k = i; k > 0; k--)
		if (!exchange_linked(o, k - 1))
			break;
	if (k > 0 || renameat2(AT_FDCWD, o->stage, AT_FDCWD, o->dir,
	    RENAME_EXCHANGE) == -1) {
		o->keep_stage = 1;
		diag_file(o->d, DIAG_ERROR, o->shown, 0, "cannot put the "
		    "folder %s in place of its link: %s; the output links to "
		    "%s until the next build puts it back", o->linked[i],
		    strerror(saved), o->stage);
		return 0;
	}
	diag_file(o->d, DIAG_ERROR, o->shown, 0, "cannot put the new output "
	    "in place: %s", strerror(saved));
	return 0;
}

/*
 * The output of a build killed between the exchange and unlink_whole()
 * holds links to folders of the old output, left beside it at leftover
 * (its name base): each is put in place of its link, so that removing
 * the leftover loses nothing.  rel: the folder of dir walked ("" first),
 * depth its number of parts.  0 when a link stays.
 */
static int
relink(const char *dir, const char *leftover, const char *base,
    const char *rel, int depth)
{
	char *path = xasprintf("%s/%s", dir, rel), *sub, *want, *from, *to;
	char target[PATH_MAX];
	struct dirent *e;
	ssize_t n;
	DIR *dp;
	int ok = 1;

	if (depth > RM_DEPTH || (dp = opendir(path)) == NULL) {
		free(path);
		return 1;
	}
	while ((e = readdir(dp)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0 ||
		    (e->d_type != DT_DIR && e->d_type != DT_LNK &&
		    e->d_type != DT_UNKNOWN))
			continue;
		sub = *rel ? xasprintf("%s/%s", rel, e->d_name) :
		    xstrdup(e->d_name);
		to = xasprintf("%s/%s", dir, sub);
		if ((n = readlink(to, target, sizeof(target) - 1)) >= 0) {
			target[n] = '\0';
			want = link_target(base, sub);
			from = xasprintf("%s/%s", leftover, sub);
			if (strcmp(target, want) == 0 && renameat2(AT_FDCWD,
			    from, AT_FDCWD, to, RENAME_EXCHANGE) == -1)
				ok = 0;
			free(want);
			free(from);
		} else if (errno == EINVAL)	/* not a link: a folder? */
			ok &= relink(dir, leftover, base, sub, depth + 1);
		free(to);
		free(sub);
	}
	closedir(dp);
	free(path);
	return ok;
}

/* ---- the rest of the commit ---------------------------------------------------- */

/* Whether this build's files are the previous output's, every one. */
static int
unchanged(struct out *o)
{
	size_t i;

	if (o->changed || o->nseq_kept != o->old_nseq || o->now.n != o->old.n)
		return 0;
	for (i = 0; i < o->now.n; i++)
		if (!o->now.v[i].r.kept)
			return 0;
	return 1;
}

/*
 * The folders of the last file linked, open, so that each link is made
 * from one folder to another by name and not by walking two paths.
 */
struct link_at {
	char		*dir;		/* relative to the output; NULL: none */
	int		 from;		/* the previous output's folder */
	int		 to;		/* the stage's */
};

static void
link_at_close(struct link_at *l)
{
	if (l->dir != NULL) {
		close(l->from);
		if (l->to != -1)
			close(l->to);
	}
	free(l->dir);
	memset(l, 0, sizeof(*l));
}

/* Opens the folders of the file at path (their part before the last
 * slash), making the stage's; 0 on failure. */
static int
link_at_open(struct out *o, struct link_at *l, const char *path,
    unsigned mode)
{
	const char *slash = strrchr(path, '/');
	size_t len = slash ? (size_t)(slash - path) : 0;
	char *full;

	if (l->dir != NULL && strlen(l->dir) == len &&
	    strncmp(l->dir, path, len) == 0)
		return 1;
	link_at_close(l);
	l->dir = xstrndup(path, len);
	full = xasprintf("%s/%s", o->dir, l->dir);
	l->from = open(full, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	free(full);
	full = xasprintf("%s/%s/x", o->stage, l->dir);
	if (l->from != -1 && make_parents(full, strlen(o->stage),
	    dir_mode(mode)))
		*strrchr(full, '/') = '\0';
	l->to = l->from == -1 ? -1 : open(full, O_RDONLY | O_DIRECTORY |
	    O_CLOEXEC);
	free(full);
	if (l->from == -1 || l->to == -1) {
		if (l->from != -1)
			close(l->from);
		free(l->dir);
		l->dir = NULL;
		return 0;
	}
	return 1;
}

/*
 * Links the previous output's file at path into the stage; copies it
 * where the file system has no hard links.
 */
static int
link_old(struct out *o, struct link_at *l, const char *path, unsigned mode)
{
	const char *name = strrchr(path, '/');
	char *old, *staged;
	struct buf b = {0};
	int ok;

	name = name ? name + 1 : path;
	if (link_at_open(o, l, path, mode) && linkat(l->from, name, l->to,
	    name, 0) == 0)
		return 1;
	old = xasprintf("%s/%s", o->dir, path);
	staged = xasprintf("%s/%s", o->stage, path);
	ok = errno == EPERM || errno == EXDEV || errno == EMLINK ||
	    errno == ENOTSUP;
	ok = ok && file_read(old, &b) && write_file(staged, b.data ?
	    b.data : "", b.len, mode);
	buf_free(&b);
	if (!ok)
		out_fail(o, path);
	free(old);
	free(staged);
	return ok;
}

/* Links every kept file into the stage, which then is the whole output,
 * but those of the whole folders, linked as one. */
static int
link_kept(struct out *o)
{
	struct link_at l = {0};
	char *line = NULL, *path;
	size_t cap = 0, i;
	unsigned long mode;
	int ok = 1;

	for (i = 0; ok && i < o->now.n; i++)
		if (o->now.v[i].r.kept && !covered(o, o->now.v[i].path))
			ok = link_old(o, &l, o->now.v[i].path,
			    o->now.v[i].r.mode);
	ok = ok && fflush(o->kept) == 0 && fseeko(o->kept, 0, SEEK_SET) == 0;
	while (ok && line_get(o->kept, &line, &cap)) {
		mode = strtoul(line, &path, 8);
		ok = *path == ' ';
		if (ok && !covered(o, path + 1))
			ok = link_old(o, &l, path + 1, (unsigned)mode);
	}
	link_at_close(&l);
	free(line);
	return ok;
}

/* Whether two files have the same bytes. */
static int
same_file(const char *a, const char *b)
{
	char x[65536], y[65536];
	size_t n, m;
	FILE *fa = fopen(a, "re"), *fb = fopen(b, "re");
	int same = fa != NULL && fb != NULL;

	while (same) {
		n = fread(x, 1, sizeof(x), fa);
		m = fread(y, 1, sizeof(y), fb);
		same = n == m && memcmp(x, y, n) == 0;
		if (n == 0)
			break;
	}
	if (fa != NULL)
		fclose(fa);
	if (fb != NULL)
		fclose(fb);
	return same;
}

/* Swaps the stage in for the output in one step when the system can
 * (renameat2 RENAME_EXCHANGE), so there is never a moment without an
 * output; else in two renames, but never with links to whole folders
 * (their target is the stage's name). */
static int
swap_in(struct out *o)
{
	char *old;
	int ok, saved;

	if (rename(o->stage, o->dir) == 0)
		return 1;	/* there was no output */
	if (renameat2(AT_FDCWD, o->stage, AT_FDCWD, o->dir,
	    RENAME_EXCHANGE) == 0)
		return 1;
	if (o->nlinked > 0)
		return 0;
	old = xasprintf("%s.old", o->stage);
	if (rename(o->dir, old) == -1)
		ok = 0;
	else if (!(ok = rename(o->stage, o->dir) == 0)) {
		/* The old output back where it was. */
		saved = errno;
		rename(old, o->dir);
		errno = saved;
	}
	if (ok) {
		free(o->stage);
		o->stage = old;
	} else
		free(old);
	return ok;
}

/*
 * Makes the stage the whole new output: the kept files linked in, and
 * the whole folders, as links to where they will be once swapped (see
 * out_commit).
 */
static int
stage_complete(struct out *o)
{
	dirs_whole(o);
	if (o->old_whole && exchange_works(o) && !link_whole(o))
		return 0;
	return link_kept(o);
}

/*
 * When every file is the previous output's, the output stays as it is:
 * nothing is written (a no-op build costs reading, not writing), but
 * the manifest, if what the files were made from changed (a template
 * edit that left the packets as they were), replaces the old one in one
 * rename.  Otherwise the kept files are linked into the stage and the
 * stage swapped in.
 *
 * A folder whose files are all kept (private/ when only a page changed)
 * is not linked file by file, which would cost a link per employee and
 * an unlink per employee when the old output goes: the stage holds a
 * symbolic link where the folder goes, to where the folder will be once
 * the stage and the output are exchanged, the old output at the stage's
 * name.  After the exchange every path of the output reads the new
 * build's bytes (through the link), and each link is then exchanged
 * with its folder (unlink_whole): the same files at the same paths, a
 * folder again.  A build killed in between leaves links the next one
 * puts back (relink) before removing what was left.
 */
int
out_commit(struct out *o)
{
	char *staged = NULL, *live = NULL;
	int ok;

	if (!(ok = manifest_end(o)))
		diag_file(o->d, DIAG_ERROR, o->shown, 0, "cannot write the "
		    "manifest: %s", strerror(errno));
	else if (unchanged(o)) {
		staged = xasprintf("%s/%s", o->stage, MANIFEST);
		live = xasprintf("%s/%s", o->dir, MANIFEST);
		if (!same_file(staged, live) && rename(staged, live) == -1) {
			diag_file(o->d, DIAG_ERROR, o->shown, 0, "cannot write "
			    "the manifest: %s", strerror(errno));
			ok = 0;
		}
	} else if ((ok = stage_complete(o))) {
		out_hook("commit");
		/* Once swapped, the stage's name holds the old output, which
		 * the links need until unlink_whole: not for live_atexit to
		 * remove, were the program to end in between. */
		if (o->nlinked > 0)
			live_set(NULL);
		if (!(ok = swap_in(o)))
			diag_file(o->d, DIAG_ERROR, o->shown, 0, "cannot put "
			    "the new output in place: %s", strerror(errno));
		else {
			out_hook("exchanged");
			ok = unlink_whole(o);
			out_hook("swapped");
		}
	}
	free(staged);
	free(live);
	out_abort(o);
	return ok;
}

void
out_abort(struct out *o)
{
	size_t i;

	if (o == NULL)
		return;
	if (o->stage != NULL)
		live_set(NULL);
	if (o->mf != NULL)
		fclose(o->mf);
	if (o->kept != NULL)
		fclose(o->kept);
	if (o->seq.f != NULL)
		fclose(o->seq.f);
	free(o->seq.line);
	/* After a swap: the old output, unless the new one links into it. */
	if (o->stage != NULL && !o->keep_stage)
		rm_stage(o->d, o->stage);
	if (o->lockfd != -1)
		close(o->lockfd);
	manifest_free(&o->old);
	manifest_free(&o->now);
	dirs_free(&o->dirs);
	notes_free(&o->notes_old);
	notes_free(&o->notes);
	for (i = 0; i < o->nlinked; i++)
		free(o->linked[i]);
	free(o->linked);
	pthread_mutex_destroy(&o->lock);
	free(o->stage);
	free(o->dir);
	free(o->shown);
	free(o);
}
