/*
 * newpage.c: umpress new page PATH, the start of a page: content/PATH.md
 * with its front matter (content.md), its title made from the file name
 * ("time-off" is "Time off") and its weight after the last page of its
 * folder, so it comes last in its menu until the author moves it.  An
 * existing file is never written over.
 */
#define _GNU_SOURCE	/* open_memstream */
#include <sys/stat.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "extern.h"

/* Menu weights go in steps of this, leaving room between pages. */
#define WEIGHT_STEP	10

/* "time-off" -> "Time off": the name's '-' and '_' as spaces, its first
 * letter capital. */
static char *
title_of(const char *file)
{
	const char *base = strrchr(file, '/');
	char *t = xstrdup(base != NULL ? base + 1 : file), *p;

	if ((p = strrchr(t, '.')) != NULL && strcmp(p, ".md") == 0)
		*p = '\0';
	for (p = t; *p != '\0'; p++)
		if (*p == '-' || *p == '_')
			*p = ' ';
	if (t[0] >= 'a' && t[0] <= 'z')
		t[0] = (char)(t[0] - 'a' + 'A');
	return t;
}

/*
 * The weight after the pages of file's folder (not its index.md, whose
 * weight places the folder in the menu above): the highest, plus a step.
 * The pages are read as a build reads them; one that cannot be read
 * does not count (a build reports it).
 */
static long long
weight_after(const char *file)
{
	struct config conf;
	struct content c;
	struct diag quiet;
	const char *slash = strrchr(file, '/'), *s;
	size_t dlen = (size_t)(slash - file) + 1, i;
	long long w = 0;
	char *sink = NULL;
	size_t sinklen = 0;
	FILE *mem;
	int any = 0;

	if ((mem = open_memstream(&sink, &sinklen)) == NULL)
		return WEIGHT_STEP;
	diag_init(&quiet, mem);
	memset(&conf, 0, sizeof(conf));
	project_load(&conf, &quiet);
	content_load(&c, &conf, &quiet);
	for (i = 0; i < c.npages; i++) {
		s = c.pages[i].src;
		if (strncmp(s, file, dlen) != 0 || strchr(s + dlen, '/') ||
		    strcmp(s + dlen, "index.md") == 0)
			continue;
		if (!any || c.pages[i].weight > w)
			w = c.pages[i].weight;
		any = 1;
	}
	content_free(&c);
	config_free(&conf);
	fclose(mem);
	free(sink);
	return any ? w + WEIGHT_STEP : WEIGHT_STEP;
}

/* Makes the folders of path, as mkdir -p. */
static int
make_dirs(const char *path)
{
	char *p = xstrdup(path), *s;
	int ok = 1;

	for (s = strchr(p, '/'); ok && s != NULL; s = strchr(s + 1, '/')) {
		*s = '\0';
		ok = mkdir(p, 0755) == 0 || errno == EEXIST;
		*s = '/';
	}
	free(p);
	return ok;
}

int
page_new(const char *path, struct diag *d)
{
	size_t n = strlen(path);
	char *file, *title = NULL;
	struct buf b = {0};
	int fd = -1, ok = 0;

	/* PATH or PATH.md: both name content/PATH.md. */
	file = n > 3 && strcmp(path + n - 3, ".md") == 0 ?
	    xasprintf("content/%s", path) : xasprintf("content/%s.md", path);
	if (access(file, F_OK) == 0 || errno != ENOENT) {
		diag_file(d, DIAG_ERROR, file, 0, "already exists: umpress "
		    "does not write over a page");
		goto out;
	}
	title = title_of(file);
	BUF_LIT(&b, "---\ntitle: ");
	buf_puts(&b, title);
	buf_printf(&b, "\nweight: %lld\n---\n\n", weight_after(file));
	if (!make_dirs(file) || (fd = open(file, O_WRONLY | O_CREAT | O_EXCL |
	    O_CLOEXEC, 0644)) == -1) {
		if (errno == EEXIST)	/* made since the look above */
			diag_file(d, DIAG_ERROR, file, 0, "already exists: "
			    "umpress does not write over a page");
		else
			diag_file(d, DIAG_ERROR, file, 0, "cannot write: %s",
			    strerror(errno));
		goto out;
	}
	if (write(fd, b.data, b.len) != (ssize_t)b.len || close(fd) == -1) {
		fd = -1;
		diag_file(d, DIAG_ERROR, file, 0, "cannot write: %s",
		    strerror(errno));
		unlink(file);
		goto out;
	}
	fd = -1;
	printf("%s\n", file);
	ok = 1;
out:
	if (fd != -1)
		close(fd);
	buf_free(&b);
	free(title);
	free(file);
	return ok;
}
