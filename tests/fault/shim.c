/*
 * shim.c: fault injection for tests/fault/run, loaded with LD_PRELOAD.
 * It stands between umpress (and its libraries) and the C library's
 * calls that write (open for writing, write, pwrite, fwrite, fclose,
 * mkdir, rename, link, linkat, symlink, chmod, temporary files), and the
 * calls of pthread_create and allocations (malloc, calloc, realloc)
 * umpress's own code makes (not a library's), and makes one of them
 * fail.
 *
 *   FAULT_MODE=count  FAULT_LOG=FILE   counts: at exit FILE gets one line
 *                                      per call site, "write SITE N",
 *                                      then "thread - N", "alloc - N"
 *   FAULT_MODE=fail   FAULT_KIND=write FAULT_SITE=SITE FAULT_NTH=N
 *                                      the Nth write call of SITE fails
 *   FAULT_MODE=fail   FAULT_KIND=thread|alloc FAULT_NTH=N
 *                                      the Nth of them fails; every
 *                                      thread with FAULT_NTH=0
 *
 * A SITE is where the call came from, OBJECT+OFFSET (the file name of
 * the program or library and the return address's offset in it), the
 * same from run to run.  A failed write sets errno to ENOSPC, a failed
 * thread EAGAIN, a failed allocation ENOMEM.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <link.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);

#define NSITES	4096

/* The counts of the write call sites (count mode). */
static struct site {
	char	 name[160];
	long	 n;
} sites[NSITES];
static int nsites;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int mode;		/* 0 off, 1 count, 2 fail */
static const char *kind;	/* FAULT_KIND */
static const char *want_site;	/* FAULT_SITE */
static long nth;		/* FAULT_NTH */
static long nwrite_site, nthread, nalloc;
static uintptr_t exe_lo, exe_hi;	/* the program's own code */

static int
find_exe(struct dl_phdr_info *info, size_t size, void *arg)
{
	int i;

	(void)size, (void)arg;
	/* The first object is the program. */
	for (i = 0; i < info->dlpi_phnum; i++)
		if (info->dlpi_phdr[i].p_type == PT_LOAD &&
		    (info->dlpi_phdr[i].p_flags & PF_X)) {
			exe_lo = info->dlpi_addr + info->dlpi_phdr[i].p_vaddr;
			exe_hi = exe_lo + info->dlpi_phdr[i].p_memsz;
		}
	return 1;
}

__attribute__((constructor)) static void
init(void)
{
	const char *m = getenv("FAULT_MODE"), *n = getenv("FAULT_NTH");

	dl_iterate_phdr(find_exe, NULL);
	kind = getenv("FAULT_KIND");
	want_site = getenv("FAULT_SITE");
	nth = n ? atol(n) : 0;
	if (m != NULL && strcmp(m, "count") == 0)
		mode = 1;
	else if (m != NULL && strcmp(m, "fail") == 0 && kind != NULL)
		mode = 2;
}

__attribute__((destructor)) static void
report(void)
{
	const char *log = getenv("FAULT_LOG");
	FILE *f;
	int i;

	if (mode != 1 || log == NULL || (f = fopen(log, "w")) == NULL)
		return;
	mode = 0;
	for (i = 0; i < nsites; i++)
		fprintf(f, "write %s %ld\n", sites[i].name, sites[i].n);
	fprintf(f, "thread - %ld\nalloc - %ld\n", nthread, nalloc);
	fclose(f);
}

/* The site of a return address: OBJECT+OFFSET. */
static void
site_name(void *ret, char *out, size_t sz)
{
	Dl_info di;
	const char *base;

	if (dladdr(ret, &di) == 0 || di.dli_fname == NULL) {
		snprintf(out, sz, "?+%lx", (unsigned long)(uintptr_t)ret);
		return;
	}
	base = strrchr(di.dli_fname, '/');
	snprintf(out, sz, "%s+%lx", base ? base + 1 : di.dli_fname,
	    (unsigned long)((uintptr_t)ret - (uintptr_t)di.dli_fbase));
}

/* Whether the write call from ret is to fail (and counts it). */
static int
write_fails(void *ret)
{
	char name[160];
	int i, fails = 0;

	if (mode == 0 || (mode == 2 && strcmp(kind, "write") != 0))
		return 0;
	site_name(ret, name, sizeof(name));
	pthread_mutex_lock(&lock);
	if (mode == 1) {
		for (i = 0; i < nsites && strcmp(sites[i].name, name); i++)
			continue;
		if (i == nsites && nsites < NSITES)
			snprintf(sites[nsites++].name, sizeof(sites[0].name),
			    "%s", name);
		if (i < nsites)
			sites[i].n++;
	} else if (want_site != NULL && strcmp(want_site, name) == 0)
		fails = ++nwrite_site == nth;
	pthread_mutex_unlock(&lock);
	if (fails)
		errno = ENOSPC;
	return fails;
}

/* Whether the allocation from ret is to fail (and counts it). */
static int
alloc_fails(void *ret)
{
	uintptr_t r = (uintptr_t)ret;
	long k;

	if (mode == 0 || r < exe_lo || r >= exe_hi ||
	    (mode == 2 && strcmp(kind, "alloc") != 0))
		return 0;
	k = __atomic_add_fetch(&nalloc, 1, __ATOMIC_SEQ_CST);
	if (mode == 2 && k == nth) {
		errno = ENOMEM;
		return 1;
	}
	return 0;
}

/* The next definition of a function (the C library's). */
#define REAL(name) \
	static __typeof__(name) *real_##name; \
	if (real_##name == NULL) \
		*(void **)&real_##name = dlsym(RTLD_NEXT, #name)

#define RET	__builtin_return_address(0)

/* ---- writes ------------------------------------------------------------- */

static int
writes(int flags)
{
	return (flags & (O_WRONLY | O_RDWR | O_CREAT | O_TRUNC)) != 0;
}

/* The mode argument of an open that creates a file. */
#define OPEN_MODE(flags, m) do { \
	va_list ap; \
	va_start(ap, flags); \
	m = flags & (O_CREAT | O_TMPFILE) ? va_arg(ap, mode_t) : 0; \
	va_end(ap); \
} while (0)

int
open(const char *path, int flags, ...)
{
	mode_t m;
	REAL(open);

	OPEN_MODE(flags, m);
	if (writes(flags) && write_fails(RET))
		return -1;
	return real_open(path, flags, m);
}

int
open64(const char *path, int flags, ...)
{
	mode_t m;
	REAL(open64);

	OPEN_MODE(flags, m);
	if (writes(flags) && write_fails(RET))
		return -1;
	return real_open64(path, flags, m);
}

int
openat(int dir, const char *path, int flags, ...)
{
	mode_t m;
	REAL(openat);

	OPEN_MODE(flags, m);
	if (writes(flags) && write_fails(RET))
		return -1;
	return real_openat(dir, path, flags, m);
}

ssize_t
write(int fd, const void *p, size_t n)
{
	REAL(write);
	if (write_fails(RET))
		return -1;
	return real_write(fd, p, n);
}

ssize_t
pwrite(int fd, const void *p, size_t n, off_t off)
{
	REAL(pwrite);
	if (write_fails(RET))
		return -1;
	return real_pwrite(fd, p, n, off);
}

ssize_t
pwrite64(int fd, const void *p, size_t n, off64_t off)
{
	REAL(pwrite64);
	if (write_fails(RET))
		return -1;
	return real_pwrite64(fd, p, n, off);
}

FILE *
fopen(const char *path, const char *m)
{
	REAL(fopen);
	if (strpbrk(m, "wa+") != NULL && write_fails(RET))
		return NULL;
	return real_fopen(path, m);
}

FILE *
fopen64(const char *path, const char *m)
{
	REAL(fopen64);
	if (strpbrk(m, "wa+") != NULL && write_fails(RET))
		return NULL;
	return real_fopen64(path, m);
}

size_t
fwrite(const void *p, size_t sz, size_t n, FILE *f)
{
	REAL(fwrite);
	if (write_fails(RET))
		return 0;
	return real_fwrite(p, sz, n, f);
}

/* Closed all the same; the failure is what a last flush would say. */
int
fclose(FILE *f)
{
	int fails = write_fails(RET), rc;
	REAL(fclose);

	rc = real_fclose(f);
	if (fails) {
		errno = ENOSPC;
		return EOF;
	}
	return rc;
}

int
mkdir(const char *path, mode_t m)
{
	REAL(mkdir);
	if (write_fails(RET))
		return -1;
	return real_mkdir(path, m);
}

int
rename(const char *from, const char *to)
{
	REAL(rename);
	if (write_fails(RET))
		return -1;
	return real_rename(from, to);
}

int
renameat2(int fd1, const char *from, int fd2, const char *to, unsigned fl)
{
	REAL(renameat2);
	if (write_fails(RET))
		return -1;
	return real_renameat2(fd1, from, fd2, to, fl);
}

int
link(const char *from, const char *to)
{
	REAL(link);
	if (write_fails(RET))
		return -1;
	return real_link(from, to);
}

int
linkat(int fd1, const char *from, int fd2, const char *to, int fl)
{
	REAL(linkat);
	if (write_fails(RET))
		return -1;
	return real_linkat(fd1, from, fd2, to, fl);
}

int
symlink(const char *target, const char *path)
{
	REAL(symlink);
	if (write_fails(RET))
		return -1;
	return real_symlink(target, path);
}

int
chmod(const char *path, mode_t m)
{
	REAL(chmod);
	if (write_fails(RET))
		return -1;
	return real_chmod(path, m);
}

int
fchmod(int fd, mode_t m)
{
	REAL(fchmod);
	if (write_fails(RET))
		return -1;
	return real_fchmod(fd, m);
}

int
mkstemp(char *tmpl)
{
	REAL(mkstemp);
	if (write_fails(RET))
		return -1;
	return real_mkstemp(tmpl);
}

FILE *
tmpfile(void)
{
	REAL(tmpfile);
	if (write_fails(RET))
		return NULL;
	return real_tmpfile();
}

/* ---- threads --------------------------------------------------------------- */

int
pthread_create(pthread_t *t, const pthread_attr_t *a, void *(*fn)(void *),
    void *arg)
{
	long k;
	REAL(pthread_create);

	/* The program's own: a library's (Pango's) is not ours to test. */
	if (mode != 0 && (uintptr_t)RET >= exe_lo && (uintptr_t)RET < exe_hi &&
	    (mode == 1 || strcmp(kind, "thread") == 0)) {
		k = __atomic_add_fetch(&nthread, 1, __ATOMIC_SEQ_CST);
		if (mode == 2 && (nth <= 0 || k == nth))
			return EAGAIN;
	}
	return real_pthread_create(t, a, fn, arg);
}

/* ---- the program's allocations ------------------------------------------------ */

void *
malloc(size_t n)
{
	if (alloc_fails(RET))
		return NULL;
	return __libc_malloc(n);
}

void *
calloc(size_t n, size_t sz)
{
	if (alloc_fails(RET))
		return NULL;
	return __libc_calloc(n, sz);
}

void *
realloc(void *p, size_t n)
{
	if (alloc_fails(RET))
		return NULL;
	return __libc_realloc(p, n);
}
