/*
 * output.c: the only code that writes under the output folder (cli.md
 * "Output layout").  A build writes a fresh staging folder beside the
 * output and swaps it in with one rename at the end, so a failed or
 * killed build leaves the previous output as it was.  A file whose bytes
 * did not change is hard-linked from the previous output instead of
 * written, so its mtime stays and rsync moves nothing; a manifest inside
 * the output (path, size, mode, content hash) tells which.
 */
#define _GNU_SOURCE	/* renameat2, RENAME_EXCHANGE */

#include <sys/file.h>
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <inttypes.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "extern.h"

#define MANIFEST	".umpress-manifest"
#define STAGE_TAG	".umpress-"

/* One file of an output, as the manifest records it. */
struct entry {
	char		*path;		/* relative to the output folder */
	uint64_t	 hash[2];	/* content hash (out_hash) */
	uint64_t	 size;		/* bytes */
	unsigned	 mode;		/* permission bits */
};

struct manifest {
	struct entry	*v;		/* sorted by path once loaded */
	size_t		 n;
	size_t		 cap;
};

struct out {
	char		*dir;		/* the output folder, as given */
	char		*stage;		/* staging folder beside it */
	int		 lockfd;	/* flock()ed folder holding dir */
	struct manifest	 old;		/* the previous output's files */
	struct manifest	 now;		/* files of this build */
	pthread_mutex_t	 lock;		/* guards now */
	struct diag	*d;
};

/* ---- hashing -------------------------------------------------------------- */

static uint64_t
rotl(uint64_t x, int r)
{
	return (x << r) | (x >> (64 - r));
}

/* MurmurHash3's finaliser: every input bit reaches every output bit. */
static uint64_t
fmix(uint64_t k)
{
	k ^= k >> 33;
	k *= 0xff51afd7ed558ccdULL;
	k ^= k >> 33;
	k *= 0xc4ceb9fe1a85ec53ULL;
	k ^= k >> 33;
	return k;
}

/*
 * A 128-bit content hash, two multiply-rotate lanes over 16-byte blocks,
 * fed in pieces so a file written in parts (out_open) hashes like one
 * written at once.  It only has to tell a changed file from an unchanged
 * one (no one gains by forging a collision: the worst is a file not
 * rewritten), and it has to be fast: a build hashes every byte it writes.
 */
struct hash {
	uint64_t	 a, b;		/* the lanes */
	uint64_t	 n;		/* bytes so far */
	unsigned char	 tail[16];	/* a block not yet full */
	size_t		 t;		/* bytes in tail */
};

static void
hash_init(struct hash *h)
{
	h->a = 0x9e3779b97f4a7c15ULL;
	h->b = 0x6a09e667f3bcc908ULL;
	h->n = 0;
	h->t = 0;
}

static void
hash_block(struct hash *h, const unsigned char *p)
{
	const uint64_t m1 = 0x87c37b91114253d5ULL, m2 = 0x4cf5ad432745937fULL;
	uint64_t w1, w2;

	memcpy(&w1, p, 8);
	memcpy(&w2, p + 8, 8);
	h->a = rotl(h->a ^ (w1 * m1), 31) * m2 + h->b;
	h->b = rotl(h->b ^ (w2 * m2), 33) * m1 + h->a;
}

static void
hash_put(struct hash *h, const void *data, size_t n)
{
	const unsigned char *p = data;
	size_t k;

	h->n += n;
	if (h->t > 0) {
		k = 16 - h->t < n ? 16 - h->t : n;
		memcpy(h->tail + h->t, p, k);
		h->t += k, p += k, n -= k;
		if (h->t < 16)
			return;
		hash_block(h, h->tail);
		h->t = 0;
	}
	for (; n >= 16; p += 16, n -= 16)
		hash_block(h, p);
	memcpy(h->tail, p, n);
	h->t = n;
}

static void
hash_end(struct hash *h, uint64_t out[2])
{
	memset(h->tail + h->t, 0, 16 - h->t);
	hash_block(h, h->tail);
	/* The length last: a file and the same file with zero bytes added
	 * differ. */
	out[0] = fmix(h->a + h->b + h->n);
	out[1] = fmix(h->b + out[0]);
}

static void
out_hash(const unsigned char *p, size_t n, uint64_t out[2])
{
	struct hash h;

	hash_init(&h);
	hash_put(&h, p, n);
	hash_end(&h, out);
}

/* ---- manifest ---------------------------------------------------------- */

static int
entry_cmp(const void *x, const void *y)
{
	return strcmp(((const struct entry *)x)->path,
	    ((const struct entry *)y)->path);
}

static void
manifest_add(struct manifest *m, const struct entry *e)
{
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 256;
		m->v = xreallocarray(m->v, m->cap, sizeof(*m->v));
	}
	m->v[m->n] = *e;
	m->v[m->n++].path = xstrdup(e->path);
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

/* Reads DIR/.umpress-manifest; a missing or damaged one is an empty
 * manifest (everything is then written anew). */
static void
manifest_load(struct manifest *m, const char *dir)
{
	struct buf b = {0};
	struct entry e;
	char *path, *line, *nl, *rest;
	int used;

	path = xasprintf("%s/%s", dir, MANIFEST);
	if (file_read(path, &b))
		for (line = b.data; line && *line; line = nl ? nl + 1 : NULL) {
			if ((nl = strchr(line, '\n')) != NULL)
				*nl = '\0';
			used = 0;
			if (sscanf(line, "%16" SCNx64 "%16" SCNx64 " %" SCNu64
			    " %o %n", &e.hash[0], &e.hash[1], &e.size, &e.mode,
			    &used) < 4 || used == 0)
				continue;
			rest = line + used;
			e.path = rest;
			manifest_add(m, &e);
		}
	xqsort(m->v, m->n, sizeof(*m->v), entry_cmp);
	buf_free(&b);
	free(path);
}

/* ---- folders ---------------------------------------------------------------- */

static int
rm_entry(const char *path, const struct stat *st, int flag, struct FTW *f)
{
	(void)st;
	(void)f;
	if (flag == FTW_DP)
		return rmdir(path) == -1 && errno != ENOENT ? -1 : 0;
	return unlink(path) == -1 && errno != ENOENT ? -1 : 0;
}

/* rm -rf, without following links. */
static int
rm_tree(const char *path)
{
	struct stat st;

	if (lstat(path, &st) == -1)
		return errno == ENOENT;
	return nftw(path, rm_entry, 16, FTW_DEPTH | FTW_PHYS) == 0;
}

/* Makes the folders leading to the file at path, with the mode. */
static int
make_parents(const char *path, mode_t mode)
{
	char *p = xstrdup(path), *s;
	int ok = 1;

	for (s = strchr(p + 1, '/'); s != NULL && ok; s = strchr(s + 1, '/')) {
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
 * Takes the lock on the folder holding the output, so two builds of one
 * output never mix their trees: the second waits for the first.  The
 * lock is on the parent folder because the output itself is swapped.
 */
static int
take_lock(struct out *o, const char *parent)
{
	if ((o->lockfd = open(parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) ==
	    -1) {
		diag_file(o->d, DIAG_ERROR, parent, 0, "cannot open: %s",
		    strerror(errno));
		return 0;
	}
	if (flock(o->lockfd, LOCK_EX | LOCK_NB) == 0)
		return 1;
	if (errno == EWOULDBLOCK) {
		diag_msg(o->d, DIAG_WARN, "another build is writing %s; "
		    "waiting for it to finish", o->dir);
		if (flock(o->lockfd, LOCK_EX) == 0)
			return 1;
	}
	diag_file(o->d, DIAG_ERROR, parent, 0, "cannot lock: %s",
	    strerror(errno));
	return 0;
}

/* Removes staging folders a killed build left beside the output
 * (".NAME.umpress-PID"): we hold the lock, so none is in use. */
static void
clean_leftovers(const char *parent, const char *base)
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
			rm_tree(path);
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
out_begin(const char *dir, struct diag *d)
{
	struct out *o = xcalloc(1, sizeof(*o));
	char *parent, *base;

	o->d = d;
	o->dir = xstrdup(dir);
	o->lockfd = -1;
	pthread_mutex_init(&o->lock, NULL);
	split_dir(dir, &parent, &base);
	if (!take_lock(o, parent))
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
	clean_leftovers(parent, base);
	o->stage = xasprintf("%s/.%s" STAGE_TAG "%ld", parent, base,
	    (long)getpid());
	if (mkdir(o->stage, 0755) == -1 || chmod(o->stage, 0755) == -1) {
		diag_file(d, DIAG_ERROR, parent, 0, "cannot make a folder "
		    "here: %s", strerror(errno));
		goto fail;
	}
	manifest_load(&o->old, dir);
	free(parent);
	free(base);
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

static mode_t
dir_mode(enum out_mode m)
{
	return m == OUT_PRIVATE ? 0700 : 0755;
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

/* Records a file of this build; links the previous output's copy into
 * the stage when it is the same, and says whether it did. */
static int
record(struct out *o, const struct entry *e, const char *staged,
    mode_t dmode)
{
	const struct entry *old = manifest_find(&o->old, e->path);
	char *oldpath;
	int linked = 0;

	if (old != NULL && old->size == e->size && old->mode == e->mode &&
	    old->hash[0] == e->hash[0] && old->hash[1] == e->hash[1]) {
		oldpath = xasprintf("%s/%s", o->dir, e->path);
		unlink(staged);
		linked = link(oldpath, staged) == 0 || (errno == ENOENT &&
		    make_parents(staged, dmode) && link(oldpath, staged) == 0);
		free(oldpath);
	}
	pthread_mutex_lock(&o->lock);
	manifest_add(&o->now, e);
	pthread_mutex_unlock(&o->lock);
	return linked;
}

/* The output path a message names: the output folder and the path. */
static void
out_fail(struct out *o, const char *path)
{
	int saved = errno;
	char *full = xasprintf("%s/%s", o->dir, path);

	diag_file(o->d, DIAG_ERROR, full, 0, "cannot write: %s",
	    strerror(saved));
	free(full);
}

int
out_write(struct out *o, const char *path, const void *data, size_t len,
    enum out_mode m)
{
	struct entry e;
	char *staged;
	int ok = 1;

	if (o == NULL)		/* umpress check: render, write nothing */
		return 1;
	staged = xasprintf("%s/%s", o->stage, path);
	e.path = (char *)path;
	e.size = len;
	e.mode = file_mode(m);
	out_hash(data, len, e.hash);
	if (!record(o, &e, staged, dir_mode(m)) &&
	    !write_file(staged, data, len, file_mode(m))) {
		if (errno != ENOENT || !make_parents(staged, dir_mode(m)) ||
		    !write_file(staged, data, len, file_mode(m))) {
			out_fail(o, path);
			ok = 0;
		}
	}
	free(staged);
	return ok;
}

/* A file written in parts. */
struct out_file {
	struct out	*o;
	char		*path;		/* relative to the output */
	char		*staged;	/* its path in the stage */
	enum out_mode	 mode;
	int		 fd;		/* -1 after a failure */
	struct hash	 h;
	struct buf	 b;		/* bytes not yet written */
};

#define OUT_FILE_BUF	(256 * 1024)

struct out_file *
out_open(struct out *o, const char *path, enum out_mode m)
{
	struct out_file *f = xcalloc(1, sizeof(*f));

	f->o = o;
	f->path = xstrdup(path);
	f->mode = m;
	f->fd = -1;
	hash_init(&f->h);
	if (o == NULL)		/* check: count nothing, write nothing */
		return f;
	f->staged = xasprintf("%s/%s", o->stage, path);
	make_parents(f->staged, dir_mode(m));
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

int
out_close(struct out_file *f)
{
	struct entry e;
	int ok = 1;

	if (f == NULL)
		return 1;
	if (f->o != NULL) {
		out_flush(f);
		if (f->fd == -1 || fchmod(f->fd, file_mode(f->mode)) == -1 ||
		    close(f->fd) == -1) {
			if (f->fd != -1) {
				out_fail(f->o, f->path);
				close(f->fd);
			}
			ok = 0;
		} else {
			e.path = f->path;
			e.size = f->h.n;
			e.mode = file_mode(f->mode);
			hash_end(&f->h, e.hash);
			/* Unchanged: the old file is linked in its place. */
			if (!record(f->o, &e, f->staged, dir_mode(f->mode)) &&
			    access(f->staged, F_OK) == -1)
				ok = 0, out_fail(f->o, f->path);
		}
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

	make_parents(staged, dir_mode(m));
	return staged;
}

int
out_adopt(struct out *o, const char *path, enum out_mode m)
{
	struct buf b = {0};
	struct entry e;
	char *staged = xasprintf("%s/%s", o->stage, path);
	int ok;

	if ((ok = file_read(staged, &b) && chmod(staged, file_mode(m)) == 0)) {
		e.path = (char *)path;
		e.size = b.len;
		e.mode = file_mode(m);
		out_hash((const unsigned char *)b.data, b.len, e.hash);
		/* A failed link leaves the staged copy gone: write it back. */
		if (!record(o, &e, staged, dir_mode(m)) &&
		    access(staged, F_OK) == -1)
			ok = write_file(staged, b.data, b.len, file_mode(m));
	}
	if (!ok)
		out_fail(o, path);
	buf_free(&b);
	free(staged);
	return ok;
}

/* Writes the manifest of this build into the stage, sorted. */
static int
manifest_write(struct out *o)
{
	struct buf b = {0};
	const struct entry *e;
	char *path;
	size_t i;
	int ok;

	xqsort(o->now.v, o->now.n, sizeof(*o->now.v), entry_cmp);
	for (i = 0; i < o->now.n; i++) {
		e = &o->now.v[i];
		buf_printf(&b, "%016" PRIx64 "%016" PRIx64 " %" PRIu64
		    " %o %s\n", e->hash[0], e->hash[1], e->size, e->mode,
		    e->path);
	}
	path = xasprintf("%s/%s", o->stage, MANIFEST);
	/* It names the private files, employee ids among them. */
	ok = write_file(path, b.data ? b.data : "", b.len, 0600);
	free(path);
	buf_free(&b);
	return ok;
}

/* Swaps the stage in for the output in one step when the system can
 * (renameat2 RENAME_EXCHANGE), so there is never a moment without an
 * output; else in two renames. */
static int
swap_in(struct out *o)
{
	char *old;
	int ok;

	if (rename(o->stage, o->dir) == 0)
		return 1;	/* there was no output */
	if (renameat2(AT_FDCWD, o->stage, AT_FDCWD, o->dir,
	    RENAME_EXCHANGE) == 0)
		return 1;
	old = xasprintf("%s.old", o->stage);
	ok = rename(o->dir, old) == 0 && rename(o->stage, o->dir) == 0;
	if (ok) {
		free(o->stage);
		o->stage = old;
	} else
		free(old);
	return ok;
}

int
out_commit(struct out *o)
{
	int ok;

	if (!(ok = manifest_write(o) && swap_in(o)))
		diag_file(o->d, DIAG_ERROR, o->dir, 0, "cannot put the new "
		    "output in place: %s", strerror(errno));
	out_abort(o);
	return ok;
}

void
out_abort(struct out *o)
{
	if (o == NULL)
		return;
	if (o->stage != NULL)
		rm_tree(o->stage);	/* after a swap: the old output */
	if (o->lockfd != -1)
		close(o->lockfd);
	manifest_free(&o->old);
	manifest_free(&o->now);
	pthread_mutex_destroy(&o->lock);
	free(o->stage);
	free(o->dir);
	free(o);
}
