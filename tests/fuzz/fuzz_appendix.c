/*
 * fuzz_appendix.c: the title and ladder appendix reader (catalog.c).
 *
 * Input: a Markdown body, parsed by cmark-gfm with the extensions
 * content.c attaches (table, autolink, strikethrough, tasklist,
 * tagfilter).  When the input holds a NUL byte, the part before it is the
 * body of a page with "appendix: titles" and the part after it the body
 * of a page with "appendix: ladders"; otherwise the one body is both
 * pages (its title tables give the codes its ladder tables name).  A
 * third page without an appendix shares the titles page's tree and must
 * be passed over.  Pages with one body share one tree (catalog.c only
 * reads them), so each body is parsed once.  catalog_load() reads the pages, catalog_cycles() looks for
 * loops, and the catalog it made is checked against what model.h
 * promises: titles sorted by code, catalog_find() finding each, steps
 * naming titles, ladder slugs unique and non-empty.
 *
 * Messages go to /dev/null; FUZZ_VERBOSE=1 sends them to stderr.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm-core-extensions.h>

#include "extern.h"
#include "fuzz.h"

static FILE	*sink;

static const char *const gfm_extensions[] = {
	"table", "autolink", "strikethrough", "tasklist", "tagfilter"
};

static cmark_parser *
parser(void)
{
	cmark_parser *p = cmark_parser_new(CMARK_OPT_DEFAULT);
	size_t i;

	for (i = 0; i < sizeof(gfm_extensions) / sizeof(gfm_extensions[0]); i++)
		cmark_parser_attach_syntax_extension(p,
		    cmark_find_syntax_extension(gfm_extensions[i]));
	return p;
}

/*
 * A page as content_load() leaves it: body parsed, tree kept.  With
 * share, the page borrows that page's tree (and does not free it).
 */
static void
page(struct page *pg, const char *src, const char *title, enum appendix ap,
    const char *body, size_t len, const struct page *share)
{
	memset(pg, 0, sizeof(*pg));
	pg->src = xstrdup(src);
	pg->title = xstrdup(title);
	pg->slug = xstrdup(src);
	pg->appendix = ap;
	pg->body_line = 5;
	pg->md = xstrndup(body, len);
	if (share != NULL) {
		pg->doc = share->doc;
		return;
	}
	pg->parser = parser();
	cmark_parser_feed(pg->parser, body, len);
	pg->doc = cmark_parser_finish(pg->parser);
}

static void
page_free(struct page *pg)
{
	if (pg->parser != NULL) {	/* it owns its tree */
		cmark_node_free(pg->doc);
		cmark_parser_free(pg->parser);
	}
	free(pg->src);
	free(pg->title);
	free(pg->slug);
	free(pg->md);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{

	(void)argc;
	(void)argv;
	cmark_gfm_core_extensions_ensure_registered();
	sink = fuzz_sink();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data, *nul;
	const struct title *ti;
	struct page pages[3];
	struct content co;
	struct catalog cat;
	struct diag d;
	size_t i, j, tlen, llen;
	const char *ltext;
	int ok;

	nul = memchr(text, '\0', size);
	tlen = nul ? (size_t)(nul - text) : size;
	ltext = nul ? nul + 1 : text;
	llen = nul ? size - tlen - 1 : size;

	/* Sorted by slug, as content_load() leaves them. */
	page(&pages[2], "content/titles.md", "Title appendix", APPX_TITLES,
	    text, tlen, NULL);
	page(&pages[1], "content/notes.md", "Notes", APPX_NONE, text, tlen,
	    &pages[2]);
	page(&pages[0], "content/ladders.md", "Career ladders",
	    APPX_LADDERS, ltext, llen, nul ? NULL : &pages[2]);
	memset(&co, 0, sizeof(co));
	co.pages = pages;
	co.npages = 3;

	diag_init(&d, sink);
	ok = catalog_load(&cat, &co, &d);
	if (!ok && d.errors == 0)
		abort();	/* a failure that reported nothing */
	if (ok)
		catalog_cycles(&cat, &d);

	for (i = 0; i < cat.ntitles; i++) {
		ti = &cat.titles[i];
		if (ti->code == NULL || ti->code[0] == '\0' ||
		    ti->name == NULL || ti->name[0] == '\0')
			abort();
		if (i > 0 && strcmp(cat.titles[i - 1].code, ti->code) > 0)
			abort();	/* catalog_find() bisects */
		if (ok && i > 0 && strcmp(cat.titles[i - 1].code,
		    ti->code) == 0)
			abort();	/* a duplicate code was not reported */
		if (catalog_find(&cat, ti->code) == NULL ||
		    strcmp(catalog_find(&cat, ti->code)->code, ti->code) != 0)
			abort();
		if (ti->src != pages[2].src)
			abort();	/* titles only from the titles page */
	}
	for (i = 0; i < cat.nladders; i++) {
		const struct ladder *ld = &cat.ladders[i];

		if (ld->name == NULL || ld->slug == NULL ||
		    ld->slug[0] == '\0' || strcmp(ld->slug, "index") == 0 ||
		    ld->nsteps == 0)
			abort();
		for (j = 0; j < i; j++)
			if (strcmp(cat.ladders[j].slug, ld->slug) == 0 ||
			    strcmp(cat.ladders[j].name, ld->name) == 0)
				abort();
		for (j = 0; j < ld->nsteps; j++)
			if (ld->steps[j].from >= cat.ntitles ||
			    ld->steps[j].to >= cat.ntitles ||
			    ld->steps[j].via > VIA_PROMOTION ||
			    ld->steps[j].src != pages[0].src)
				abort();
	}

	catalog_free(&cat);
	for (i = 0; i < 3; i++)
		page_free(&pages[i]);
	return 0;
}
