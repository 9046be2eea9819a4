/*
 * build.c: the commands of cli.md.  Loading is one pass that reports
 * every problem of the content, templates and records before anything
 * is written; building then writes the whole output through output.c,
 * which swaps it in only when everything succeeded.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "extern.h"

#define OUTPUT_DIR	"output"

/*
 * Loads site.yaml, the pages, the catalog and the templates, reporting
 * every problem (a bad site.yaml does not stop the pages from being
 * checked).  Returns 0 when anything was an error.
 */
static int
project_open(struct project *p, day_t as_of, int warn_missing,
    struct diag *d)
{
	int ok;

	memset(p, 0, sizeof(*p));
	p->as_of = as_of;
	ok = project_load(&p->site, d);
	ok &= content_load(&p->content, &p->site, d);
	ok &= catalog_load(&p->catalog, &p->content, d);
	ok &= site_check_slugs(p, d);
	ok &= content_render(&p->content, &p->site, d);
	if (access("templates", F_OK) == -1) {
		/* One message for the folder, not one per template. */
		diag_file(d, DIAG_ERROR, "templates", 0, "no such folder (a project holds "
		    "content/, templates/ and records/)");
		return 0;
	}
	p->tmpl = tmpl_set_dir("templates", "templates", warn_missing, d);
	ok &= tmpl_get(p->tmpl, "page.html") != NULL;
	return ok && d->errors == 0;
}

static void
project_close(struct project *p)
{
	tmpl_set_free(p->tmpl);
	catalog_free(&p->catalog);
	content_free(&p->content);
	site_free(&p->site);
}

/* umpress build: everything into output/ (or --out), swapped in at the
 * end, or nothing at all. */
static int
cmd_build(const struct opts *o, struct diag *d)
{
	struct project p;
	struct out *out = NULL;
	int ok;

	if ((ok = project_open(&p, o->as_of, 0, d)))
		ok = (out = out_begin(o->out ? o->out : OUTPUT_DIR, d)) != NULL;
	if (ok)
		ok = site_build(&p, out, d) && d->errors == 0;
	if (ok) {
		ok = out_commit(out);
		out = NULL;
	}
	out_abort(out);
	project_close(&p);
	if (ok)
		printf("%s/site/index.html\n", o->out ? o->out : OUTPUT_DIR);
	return ok ? 0 : 1;
}

/* umpress check: loads everything and renders every page into memory,
 * so template names missing from the views are warned of; writes
 * nothing. */
static int
cmd_check(const struct opts *o, struct diag *d)
{
	struct project p;
	int ok;

	if ((ok = project_open(&p, o->as_of, 1, d))) {
		catalog_cycles(&p.catalog, d);
		ok = site_build(&p, NULL, d);
	}
	project_close(&p);
	return ok && d->errors == 0 ? 0 : 1;
}

int
cmd_run(const struct opts *o)
{
	struct diag d;

	diag_init(&d, stderr);
	switch (o->cmd) {
	case CMD_BUILD:
		return cmd_build(o, &d);
	case CMD_CHECK:
		return cmd_check(o, &d);
	case CMD_PACKET:
	case CMD_REPORT:
	case CMD_RECORDS_INIT:
	case CMD_RECORDS_DEMO:
		break;
	}
	fprintf(stderr, "umpress: this command is not built yet\n");
	return 2;
}
