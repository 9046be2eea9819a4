/*
 * fuzz_frontmatter.c: content/site.yaml and a page's front matter and
 * Markdown body, read the way a build reads them (build.c project_open):
 * project_load(), content_load(), catalog_load(), content_render(), and
 * catalog_cycles() as check does.
 *
 * Those functions read the project in the current folder, so the harness
 * makes a scratch project folder once (under $TMPDIR) and, for each
 * input, moves into it, writes the input bytes to both content/site.yaml
 * and content/index.md, and moves back when done (libFuzzer's relative
 * paths keep working).  A crash happens inside the scratch folder, so
 * give -artifact_prefix= an absolute path (tests/fuzz/run does).  A fixed second page, content/guides/exams.md, gives
 * the input's links (to "guides/exams.md#..." and the like) a page to
 * resolve to and a title table to read.  The same bytes serve as both
 * files: a page's "---" fences are YAML document markers, so a page's
 * front matter is also a site.yaml.
 *
 * Messages go to /dev/null; FUZZ_VERBOSE=1 sends them to stderr.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "extern.h"
#include "fuzz.h"

static char	 scratch[4096];	/* the project folder */
static int	 home = -1;	/* the folder we were started in */
static FILE	*sink;		/* where messages go */

/* A page in a subfolder, so relative links climb and descend. */
static const char exams_md[] =
    "---\n"
    "title: Exams\n"
    "appendix: titles\n"
    "---\n"
    "## Taking an exam\n"
    "\n"
    "See [home](../index.md) and [this](exams.md#taking-an-exam).\n"
    "\n"
    "| Title | Code | Kind |\n"
    "|---|---|---|\n"
    "| Office Specialist | OFFICE-SPECIALIST | certificate |\n"
    "| Clerk | CLERK | |\n";

static void
die(const char *what)
{
	fprintf(stderr, "fuzz_frontmatter: %s: %s\n", what, strerror(errno));
	abort();
}

static void
put_file(const char *path, const uint8_t *data, size_t size)
{
	int fd;
	ssize_t n;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644)) == -1)
		die(path);
	while (size > 0) {
		if ((n = write(fd, data, size)) == -1) {
			if (errno == EINTR)
				continue;
			die(path);
		}
		data += n;
		size -= (size_t)n;
	}
	if (close(fd) == -1)
		die(path);
}

/* Leaves nothing behind when the fuzzer ends normally. */
static void
cleanup(void)
{
	char path[4200];

	if (scratch[0] == '\0')
		return;
	if (chdir("/") == -1)
		return;
	snprintf(path, sizeof(path), "%s/content/guides/exams.md", scratch);
	unlink(path);
	snprintf(path, sizeof(path), "%s/content/guides", scratch);
	rmdir(path);
	snprintf(path, sizeof(path), "%s/content/index.md", scratch);
	unlink(path);
	snprintf(path, sizeof(path), "%s/content/site.yaml", scratch);
	unlink(path);
	snprintf(path, sizeof(path), "%s/content", scratch);
	rmdir(path);
	rmdir(scratch);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *tmp = getenv("TMPDIR");

	if (tmp == NULL || *tmp == '\0')
		tmp = "/tmp";
	snprintf(scratch, sizeof(scratch), "%s/umpress-fuzz-XXXXXX", tmp);
	if (mkdtemp(scratch) == NULL)
		die("mkdtemp");
	if ((home = open(".", O_RDONLY | O_DIRECTORY)) == -1)
		die(".");
	if (chdir(scratch) == -1)
		die(scratch);
	if (mkdir("content", 0755) == -1 || mkdir("content/guides", 0755) == -1)
		die("mkdir");
	put_file("content/guides/exams.md", (const uint8_t *)exams_md,
	    sizeof(exams_md) - 1);
	if (fchdir(home) == -1)
		die("fchdir");
	atexit(cleanup);
	for (int i = 1; i < *argc; i++)
		if (strncmp((*argv)[i], "-artifact_prefix=/", 18) == 0)
			break;
		else if (i == *argc - 1)
			fprintf(stderr, "fuzz_frontmatter: without an absolute "
			    "-artifact_prefix=, crash files land in %s\n",
			    scratch);
	sink = fuzz_sink();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config site;
	struct content content;
	struct catalog cat;
	struct diag d;
	int ok;

	if (chdir(scratch) == -1)
		die(scratch);
	diag_init(&d, sink);
	put_file("content/site.yaml", data, size);
	put_file("content/index.md", data, size);

	ok = project_load(&site, &d);
	ok &= content_load(&content, &site, &d);
	ok &= catalog_load(&cat, &content, &d);
	ok &= content_render(&content, &site, NULL, NULL, &d);
	if (ok)
		catalog_cycles(&cat, &d);

	/* What the loaders promise of what they return. */
	if (ok && (site.title == NULL || site.title[0] == '\0'))
		abort();
	if (!ok && d.errors == 0)
		abort();	/* a failure that reported nothing */
	for (size_t i = 0; i < content.npages; i++) {
		const struct page *pg = &content.pages[i];

		if (pg->title == NULL || pg->slug == NULL || pg->out == NULL ||
		    pg->html == NULL || pg->doc != NULL || pg->draft)
			abort();
		if (i > 0 && strcmp(content.pages[i - 1].slug, pg->slug) > 0)
			abort();	/* content_find() bisects */
		if (content_find(&content, pg->slug) == NULL)
			abort();
		for (size_t j = 0; j < pg->nheadings; j++) {
			if (pg->headings[j].level < 2 ||
			    pg->headings[j].level > 6)
				abort();
			for (size_t k = 0; k < j; k++)
				if (strcmp(pg->headings[j].anchor,
				    pg->headings[k].anchor) == 0)
					abort();	/* ids unique */
		}
	}

	catalog_free(&cat);
	content_free(&content);
	config_free(&site);
	if (fchdir(home) == -1)
		die("fchdir");
	return 0;
}
