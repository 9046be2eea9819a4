/*
 * site.c: the public site, output/site/.  Every page is templates/
 * page.html run against a view built here; the views hold program
 * information only (pages, the catalog, ladders, aggregate figures),
 * never a record of an employee (shared/style.md: no per-employee view
 * reaches the public site).  Links are relative, so the site works from a
 * file share and from any sub-path of an intranet server.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "extern.h"

#define SITE	"site/"

/* Pages the generator makes, their slugs reserved (content.md). */
#define SLUG_CATALOG	"titles/index"
#define SLUG_LADDERS	"ladders/index"
#define SLUG_RESULTS	"results"
#define SLUG_404	"404"
#define SLUG_SEARCH	"search"

/* Menu weights of the generated pages: after the content pages unless
 * the authors weigh theirs higher. */
#define WEIGHT_CATALOG	1000
#define WEIGHT_LADDERS	1010
#define WEIGHT_RESULTS	1020

/* One entry of the main navigation. */
struct nav {
	const char	*title;
	const char	*out;	/* site path of its page */
	long long	 weight;
};

/* What building the site needs at hand. */
struct sitectx {
	struct project	*p;
	struct out	*out;
	struct diag	*d;
	const struct tmpl *page;	/* templates/page.html */
	struct nav	*nav;		/* the menu, in order */
	size_t		 nnav;
	struct arena	 a;		/* one page's view; reset per page */
	struct buf	 html;		/* one page's HTML */
	struct ladders	*gv;		/* Graphviz, for the diagrams */
	const struct fy_figures *fy;	/* the year's figures, or NULL */
	const struct program_rows *pr;	/* goals, budgets, spending */
	struct buf	 svg;		/* one diagram */
	int		 render_failed;	/* page.html failed once: stop */
	struct search	*idx;		/* the search index: every page */
};

static int
nav_cmp(const void *x, const void *y)
{
	const struct nav *a = x, *b = y;
	int c;

	if (a->weight != b->weight)
		return a->weight < b->weight ? -1 : 1;
	if ((c = strcmp(a->title, b->title)) != 0)
		return c;
	return strcmp(a->out, b->out);
}

static void
nav_add(struct sitectx *s, const char *title, const char *out,
    long long weight)
{
	s->nav = xreallocarray(s->nav, s->nnav + 1, sizeof(*s->nav));
	s->nav[s->nnav].title = title;
	s->nav[s->nnav].out = out;
	s->nav[s->nnav++].weight = weight;
}

/*
 * Whether the generator makes a page from the tables of pg, an appendix
 * page: then the menu names the made page (the catalog, the ladder index)
 * in its place, and that page links back to it (issue #19: one entry for
 * the titles, one for the ladders).
 */
static int
appendix_made(const struct sitectx *s, const struct page *pg)
{
	return (pg->appendix == APPX_TITLES && s->p->catalog.ntitles > 0) ||
	    (pg->appendix == APPX_LADDERS && s->p->catalog.nladders > 0);
}

/* The menu weight of a made page: the lightest of the appendix pages it
 * is made from, so it sits where the authors put those, else dflt. */
static long long
made_weight(const struct sitectx *s, enum appendix kind, long long dflt)
{
	const struct content *c = &s->p->content;
	long long w = dflt;
	int found = 0;
	size_t i;

	for (i = 0; i < c->npages; i++)
		if (c->pages[i].appendix == kind &&
		    (!found || c->pages[i].weight < w)) {
			w = c->pages[i].weight;
			found = 1;
		}
	return w;
}

/* The menu: top-level pages and folder index pages, then the generated
 * sections, by weight, title and path (a total order). */
static void
nav_build(struct sitectx *s)
{
	const struct content *c = &s->p->content;
	const char *slash;
	size_t i;

	for (i = 0; i < c->npages; i++) {
		slash = strchr(c->pages[i].slug, '/');
		if (strcmp(c->pages[i].slug, "index") == 0 || (slash != NULL &&
		    (strcmp(slash, "/index") != 0 || strchr(slash + 1, '/'))) ||
		    appendix_made(s, &c->pages[i]))
			continue;
		nav_add(s, c->pages[i].title, c->pages[i].out,
		    c->pages[i].weight);
	}
	if (s->p->catalog.ntitles > 0)
		nav_add(s, "Title catalog", SLUG_CATALOG ".html",
		    made_weight(s, APPX_TITLES, WEIGHT_CATALOG));
	if (s->p->catalog.nladders > 0)
		nav_add(s, "Career ladders", SLUG_LADDERS ".html",
		    made_weight(s, APPX_LADDERS, WEIGHT_LADDERS));
	if (s->fy != NULL)
		nav_add(s, "Program results", SLUG_RESULTS ".html",
		    WEIGHT_RESULTS);
	xqsort(s->nav, s->nnav, sizeof(*s->nav), nav_cmp);
}

/* ---- the parts every page has ---------------------------------------- */

static struct tv *
tv_href(struct sitectx *s, const char *from, const char *to)
{
	struct buf b = {0};
	struct tv *v;

	url_rel(&b, from, to);
	v = tv_str(&s->a, b.data);
	buf_free(&b);
	return v;
}

/* The appendix pages of one kind, for the page made from them. */
static struct tv *
appendices_view(struct sitectx *s, enum appendix kind, const char *from)
{
	const struct content *c = &s->p->content;
	struct tv *list = tv_list(&s->a), *it;
	size_t i;

	for (i = 0; i < c->npages; i++) {
		if (c->pages[i].appendix != kind)
			continue;
		it = tv_push(&s->a, list, tv_map(&s->a));
		tv_set(&s->a, it, "title", tv_str(&s->a, c->pages[i].title));
		tv_set(&s->a, it, "href", tv_href(s, from, c->pages[i].out));
	}
	return list;
}

static struct tv *
site_view(struct sitectx *s)
{
	return view_site(&s->p->conf, &s->a);
}

static struct tv *
nav_view(struct sitectx *s, const char *out)
{
	struct tv *list = tv_list(&s->a), *it;
	size_t i;

	for (i = 0; i < s->nnav; i++) {
		it = tv_push(&s->a, list, tv_map(&s->a));
		tv_set(&s->a, it, "title", tv_str(&s->a, s->nav[i].title));
		tv_set(&s->a, it, "href", tv_href(s, out, s->nav[i].out));
		tv_set(&s->a, it, "current",
		    tv_bool(&s->a, strcmp(out, s->nav[i].out) == 0));
	}
	return list;
}

static void
crumb(struct sitectx *s, struct tv *list, const char *from,
    const char *title, const char *to)
{
	struct tv *it = tv_push(&s->a, list, tv_map(&s->a));

	tv_set(&s->a, it, "title", tv_str(&s->a, title));
	tv_set(&s->a, it, "href", tv_href(s, from, to));
}

/*
 * Breadcrumbs: Home, then each folder above the page that has an index
 * page ("guides/index" for "guides/exams"), then the parent given.
 */
static struct tv *
crumbs_view(struct sitectx *s, const char *slug, const char *out,
    const char *parent_title, const char *parent_out)
{
	struct tv *list = tv_list(&s->a);
	struct buf b = {0};
	const struct page *pg;
	const char *p;

	if (strcmp(slug, "index") == 0)
		return list;
	crumb(s, list, out, "Home", "index.html");
	for (p = strchr(slug, '/'); p != NULL; p = strchr(p + 1, '/')) {
		buf_reset(&b);
		buf_put(&b, slug, (size_t)(p - slug));
		BUF_LIT(&b, "/index");
		if ((pg = content_find(&s->p->content, b.data)) != NULL &&
		    strcmp(pg->slug, slug) != 0)
			crumb(s, list, out, pg->title, pg->out);
	}
	if (parent_title != NULL)
		crumb(s, list, out, parent_title, parent_out);
	buf_free(&b);
	return list;
}

/* The flags page.html switches on; every page has every one, so a name
 * missing from a view is a template mistake check can warn of. */
static const char *const page_kinds[] = {
	"body", "catalog", "title_entry", "ladder_index", "ladder",
	"results", "not_found", "search"
};

/* Characters (not bytes) of a UTF-8 string. */
static size_t
utf8_chars(const char *p)
{
	size_t n = 0;

	for (; *p != '\0'; p++)
		if (((unsigned char)*p & 0xC0) != 0x80)
			n++;
	return n;
}

/*
 * The document title of a page: "Page | Site", or the page title alone
 * on the home page (same as the site's) or when that would pass 70 characters (html-validate's long-title rule:
 * browsers and screen readers cut longer titles off anyway).
 */
static struct tv *
head_title(struct sitectx *s, const char *title)
{
	const char *site = s->p->conf.title != NULL ? s->p->conf.title : "";

	if (strcmp(title, site) != 0 &&
	    utf8_chars(title) + 3 + utf8_chars(site) <= 70)
		return tv_strf(&s->a, "%s | %s", title, site);
	return tv_str(&s->a, title);
}

/*
 * The view every page starts from: site, menu, breadcrumbs and page
 * fields; the caller sets one of page_kinds.
 */
static struct tv *
page_view(struct sitectx *s, const char *slug, const char *out,
    const char *title, const char *description)
{
	struct tv *v = tv_map(&s->a), *pg;
	size_t i;

	tv_set(&s->a, v, "site", site_view(s));
	tv_set(&s->a, v, "root", tv_href(s, out, ""));
	tv_set(&s->a, v, "stylesheet", tv_href(s, out, "style.css"));
	tv_set(&s->a, v, "home", tv_href(s, out, "index.html"));
	tv_set(&s->a, v, "search_href", tv_href(s, out, SLUG_SEARCH ".html"));
	tv_set(&s->a, v, "nav", nav_view(s, out));
	pg = tv_set(&s->a, v, "page", tv_map(&s->a));
	tv_set(&s->a, pg, "title", tv_str(&s->a, title));
	tv_set(&s->a, pg, "head_title", head_title(s, title));
	tv_set(&s->a, pg, "description", tv_str(&s->a, description));
	tv_set(&s->a, pg, "is_home", tv_bool(&s->a, strcmp(slug, "index") ==
	    0));
	tv_set(&s->a, v, "breadcrumbs", tv_list(&s->a));
	tv_set(&s->a, v, "has_breadcrumbs", tv_bool(&s->a, 0));
	tv_set(&s->a, v, "toc", tv_list(&s->a));
	tv_set(&s->a, v, "has_toc", tv_bool(&s->a, 0));
	tv_set(&s->a, v, "appendices", tv_list(&s->a));
	tv_set(&s->a, v, "has_appendices", tv_bool(&s->a, 0));
	for (i = 0; i < sizeof(page_kinds) / sizeof(page_kinds[0]); i++)
		tv_set(&s->a, v, page_kinds[i], tv_bool(&s->a, 0));
	return v;
}

/* Sets a list of the view and the has_KEY flag templates wrap it with
 * (Mustache cannot ask whether a list is empty around it). */
static void
view_list(struct sitectx *s, struct tv *map, const char *key,
    struct tv *list)
{
	char *flag = xasprintf("has_%s", key);

	tv_put(&s->a, map, key, list);
	tv_put(&s->a, map, flag, tv_bool(&s->a, list->len > 0));
	free(flag);
}

/*
 * Renders a view with page.html and writes it under site/; gives the page
 * to the search index unless it is the 404 or the search page.  After one
 * failed render no page is rendered: every page fails the same way (a
 * step limit, a partial), and one message says it, not one per page.
 */
static int
emit(struct sitectx *s, const char *out, const struct tv *v)
{
	char *path;
	int ok;

	buf_reset(&s->html);
	if (s->render_failed || !tmpl_render(s->page, v, &s->html)) {
		s->render_failed = 1;
		arena_reset(&s->a);
		return 0;
	}
	if (strcmp(out, SLUG_404 ".html") != 0 &&
	    strcmp(out, SLUG_SEARCH ".html") != 0)
		search_add(s->idx, out, s->html.data, s->html.len);
	path = xasprintf(SITE "%s", out);
	ok = out_write(s->out, path, s->html.data, s->html.len, OUT_PUBLIC);
	free(path);
	arena_reset(&s->a);
	return ok;
}

/* ---- content pages ----------------------------------------------------- */

static struct tv *
toc_view(struct sitectx *s, const struct page *pg)
{
	struct tv *list = tv_list(&s->a), *it;
	size_t i;

	/* A table of contents helps once a page has a few sections. */
	for (i = 0; i < pg->nheadings && pg->nheadings >= 2; i++) {
		if (pg->headings[i].level > 3)
			continue;
		it = tv_push(&s->a, list, tv_map(&s->a));
		tv_set(&s->a, it, "text", tv_str(&s->a, pg->headings[i].text));
		tv_set(&s->a, it, "anchor",
		    tv_str(&s->a, pg->headings[i].anchor));
		tv_set(&s->a, it, "sub", tv_bool(&s->a,
		    pg->headings[i].level == 3));
	}
	return list;
}

static int
content_page(struct sitectx *s, const struct page *pg)
{
	struct tv *v;

	v = page_view(s, pg->slug, pg->out, pg->title, pg->description);
	view_list(s, v, "breadcrumbs", crumbs_view(s, pg->slug, pg->out, NULL,
	    NULL));
	view_list(s, v, "toc", toc_view(s, pg));
	tv_put(&s->a, v, "body", tv_str(&s->a, pg->html));
	return emit(s, pg->out, v);
}

/* ---- the title catalog ------------------------------------------------- */

/* What each kind means, in the words of IL V.A. */
static const struct {
	enum title_kind	 kind;
	const char	*heading;
	const char	*about;
} kinds[] = {
	{ KIND_CERTIFICATE, "Certificate titles", "You earn a certificate "
	    "for these titles by passing a written proficiency exam." },
	{ KIND_CREDENTIAL, "Credential titles", "These titles need a "
	    "specific degree or license." },
	{ KIND_DUAL, "Dual titles", "You can qualify for these titles either "
	    "by passing a proficiency exam or by earning the degree or "
	    "license." },
	{ KIND_NONE, "Other classifications", "Classifications that are not "
	    "target titles: where people start, and steps along a ladder." },
};

static const enum title_cat cats[] = { CAT_LPEL, CAT_BRIDGING, CAT_ELTPA,
	CAT_NONE };

static const char *
category_heading(enum title_cat c)
{
	switch (c) {
	case CAT_LPEL:
		return "Low-paying entry-level (LPEL)";
	case CAT_BRIDGING:
		return "Bridging classifications";
	case CAT_ELTPA:
		return "Entry-level technical, professional and "
		    "administrative (ELTPA)";
	case CAT_NONE:
		break;
	}
	return "Not categorised";
}

static struct tv *
title_row_view(struct sitectx *s, const struct title *t, const char *from)
{
	struct tv *it = tv_map(&s->a);
	char *out = xasprintf("titles/%s.html", t->code);
	char date[32];

	tv_set(&s->a, it, "name", tv_str(&s->a, t->name));
	tv_set(&s->a, it, "code", tv_str(&s->a, t->code));
	tv_set(&s->a, it, "href", tv_href(s, from, out));
	tv_set(&s->a, it, "schematic", tv_str(&s->a, t->schematic));
	tv_set(&s->a, it, "degree", t->degree ? tv_str(&s->a,
	    degree_name(t->degree)) : tv_null(&s->a));
	date_human(t->frozen_on, date);
	tv_set(&s->a, it, "frozen", *date ? tv_str(&s->a, date) :
	    tv_null(&s->a));
	free(out);
	return it;
}

/* The catalog grouped by kind, then category (issue: grouped by kind and
 * category); titles by name, then code, within a group. */
static struct tv *
catalog_view(struct sitectx *s, const struct title **sorted)
{
	const struct catalog *c = &s->p->catalog;
	struct tv *groups = tv_list(&s->a), *g, *cs, *cv, *rows;
	size_t k, j, i;

	for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
		g = NULL;
		for (j = 0; j < sizeof(cats) / sizeof(cats[0]); j++) {
			rows = NULL;
			for (i = 0; i < c->ntitles; i++) {
				if (sorted[i]->kind != kinds[k].kind ||
				    sorted[i]->category != cats[j])
					continue;
				if (g == NULL) {
					g = tv_push(&s->a, groups,
					    tv_map(&s->a));
					tv_set(&s->a, g, "heading", tv_str(&s->a,
					    kinds[k].heading));
					tv_set(&s->a, g, "about", tv_str(&s->a,
					    kinds[k].about));
					cs = tv_set(&s->a, g, "categories",
					    tv_list(&s->a));
				}
				if (rows == NULL) {
					cv = tv_push(&s->a, cs, tv_map(&s->a));
					tv_set(&s->a, cv, "heading",
					    tv_str(&s->a,
					    category_heading(cats[j])));
					rows = tv_set(&s->a, cv, "titles",
					    tv_list(&s->a));
				}
				tv_push(&s->a, rows, title_row_view(s,
				    sorted[i], SLUG_CATALOG ".html"));
			}
		}
	}
	return groups;
}

static int
title_name_cmp(const void *x, const void *y)
{
	const struct title *a = *(const struct title *const *)x;
	const struct title *b = *(const struct title *const *)y;
	int c = strcmp(a->name, b->name);

	return c ? c : strcmp(a->code, b->code);
}

static int
catalog_page(struct sitectx *s, const struct title **sorted)
{
	struct tv *v, *cat;

	v = page_view(s, SLUG_CATALOG, SLUG_CATALOG ".html", "Title catalog",
	    "Every classification of the program, grouped by kind and "
	    "category.");
	view_list(s, v, "breadcrumbs", crumbs_view(s, SLUG_CATALOG,
	    SLUG_CATALOG ".html", NULL, NULL));
	view_list(s, v, "appendices", appendices_view(s, APPX_TITLES,
	    SLUG_CATALOG ".html"));
	cat = tv_map(&s->a);
	tv_set(&s->a, cat, "groups", catalog_view(s, sorted));
	tv_set(&s->a, cat, "count", tv_num(&s->a,
	    (double)s->p->catalog.ntitles));
	tv_put(&s->a, v, "catalog", cat);
	return emit(s, SLUG_CATALOG ".html", v);
}

static char *
ladder_out(const struct ladder *l)
{
	return xasprintf("ladders/%s.html", l->slug);
}

static struct tv *
title_ladders_view(struct sitectx *s, const struct title *t,
    const char *from)
{
	const struct catalog *c = &s->p->catalog;
	size_t idx = (size_t)(t - c->titles), l, k;
	struct tv *list = tv_list(&s->a), *it;
	char *out;

	for (l = 0; l < c->nladders; l++)
		for (k = 0; k < c->ladders[l].nsteps; k++)
			if (c->ladders[l].steps[k].from == idx ||
			    c->ladders[l].steps[k].to == idx) {
				it = tv_push(&s->a, list, tv_map(&s->a));
				tv_set(&s->a, it, "name",
				    tv_str(&s->a, c->ladders[l].name));
				out = ladder_out(&c->ladders[l]);
				tv_set(&s->a, it, "href",
				    tv_href(s, from, out));
				free(out);
				break;
			}
	return list;
}

/* What the program offers for a target title (IL V.A). */
static const char *
kind_offer(enum title_kind k)
{
	switch (k) {
	case KIND_CERTIFICATE:
		return "a certificate, by passing the proficiency exam";
	case KIND_CREDENTIAL:
		return "a credential, by earning the degree or license "
		    "through classes the program pays for";
	case KIND_DUAL:
		return "either: a certificate by exam, or a credential by "
		    "degree or license";
	case KIND_NONE:
		break;
	}
	return "";
}

static struct tv *
title_link_view(struct sitectx *s, size_t idx, const char *from)
{
	const struct title *t = &s->p->catalog.titles[idx];
	struct tv *v = tv_map(&s->a);
	char *out = xasprintf("titles/%s.html", t->code);

	tv_set(&s->a, v, "name", tv_str(&s->a, t->name));
	tv_set(&s->a, v, "code", tv_str(&s->a, t->code));
	tv_set(&s->a, v, "href", tv_href(s, from, out));
	tv_set(&s->a, v, "category", t->category ? tv_str(&s->a,
	    category_name(t->category)) : tv_null(&s->a));
	tv_set(&s->a, v, "note", tv_str(&s->a, title_note(t)));
	free(out);
	return v;
}

/* One step, for the text versions and the title pages. */
static struct tv *
step_view(struct sitectx *s, const struct ladder_step *st, const char *from)
{
	struct tv *v = tv_map(&s->a);

	tv_set(&s->a, v, "from", title_link_view(s, st->from, from));
	tv_set(&s->a, v, "to", title_link_view(s, st->to, from));
	tv_set(&s->a, v, "via", tv_str(&s->a, via_name(st->via)));
	tv_set(&s->a, v, "via_words", tv_str(&s->a, via_phrase(st->via,
	    s->p->conf.profile)));
	return v;
}

/*
 * The next (up = 1) or previous steps of a title over every ladder, each
 * title and way once, in ladder and row order.
 */
static struct tv *
title_moves_view(struct sitectx *s, const struct title *t, const char *from,
    int up)
{
	const struct catalog *c = &s->p->catalog;
	size_t idx = (size_t)(t - c->titles), l, k, n = 0, i;
	const struct ladder_step **seen, *st;
	struct tv *list = tv_list(&s->a), *it;

	seen = xcalloc(c->ntitles * 5 + 1, sizeof(*seen));
	for (l = 0; l < c->nladders; l++)
		for (k = 0; k < c->ladders[l].nsteps; k++) {
			st = &c->ladders[l].steps[k];
			if ((up ? st->from : st->to) != idx)
				continue;
			for (i = 0; i < n; i++)
				if ((up ? seen[i]->to == st->to :
				    seen[i]->from == st->from) &&
				    seen[i]->via == st->via)
					break;
			if (i < n)
				continue;
			seen[n++] = st;
			it = tv_push(&s->a, list, step_view(s, st, from));
			tv_set(&s->a, it, "ladder",
			    tv_str(&s->a, c->ladders[l].name));
		}
	free(seen);
	return list;
}

static struct tv *
title_entry_view(struct sitectx *s, const struct title *t, const char *out)
{
	struct tv *e = tv_map(&s->a);
	struct buf b = {0};
	char date[32];
	size_t k;

	tv_set(&s->a, e, "name", tv_str(&s->a, t->name));
	tv_set(&s->a, e, "code", tv_str(&s->a, t->code));
	tv_set(&s->a, e, "code_made", tv_bool(&s->a, t->code_made));
	tv_set(&s->a, e, "schematic", tv_str(&s->a, t->schematic));
	tv_set(&s->a, e, "kind", t->kind ? tv_str(&s->a, kind_name(t->kind)) :
	    tv_null(&s->a));
	for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++)
		if (kinds[k].kind == t->kind && t->kind != KIND_NONE)
			tv_set(&s->a, e, "kind_about",
			    tv_str(&s->a, kinds[k].about));
	if (t->kind == KIND_NONE)
		tv_set(&s->a, e, "kind_about", tv_null(&s->a));
	tv_set(&s->a, e, "category", t->category ? tv_str(&s->a,
	    category_heading(t->category)) : tv_null(&s->a));
	tv_set(&s->a, e, "degree", t->degree ? tv_str(&s->a,
	    degree_name(t->degree)) : tv_null(&s->a));
	date_human(t->frozen_on, date);
	tv_set(&s->a, e, "frozen", *date ? tv_str(&s->a, date) :
	    tv_null(&s->a));
	if (t->salary_max_cents >= 0) {
		fmt_money(&b, t->salary_max_cents, 0);
		tv_set(&s->a, e, "salary_max", tv_str(&s->a, b.data));
	} else
		tv_set(&s->a, e, "salary_max", tv_null(&s->a));
	tv_set(&s->a, e, "ladders", tv_list(&s->a));
	tv_set(&s->a, e, "has_ladders", tv_bool(&s->a, 0));
	view_list(s, e, "ladders", title_ladders_view(s, t, out));
	tv_set(&s->a, e, "offers", t->kind ? tv_str(&s->a,
	    kind_offer(t->kind)) : tv_null(&s->a));
	tv_set(&s->a, e, "leads", tv_list(&s->a));
	tv_set(&s->a, e, "has_leads", tv_bool(&s->a, 0));
	tv_set(&s->a, e, "comes", tv_list(&s->a));
	tv_set(&s->a, e, "has_comes", tv_bool(&s->a, 0));
	view_list(s, e, "leads", title_moves_view(s, t, out, 1));
	view_list(s, e, "comes", title_moves_view(s, t, out, 0));
	tv_set(&s->a, e, "catalog_href", tv_href(s, out, SLUG_CATALOG
	    ".html"));
	buf_free(&b);
	return e;
}

static int
title_page(struct sitectx *s, const struct title *t)
{
	char *out = xasprintf("titles/%s.html", t->code);
	char *slug = xasprintf("titles/%s", t->code);
	struct tv *v;
	int ok;

	v = page_view(s, slug, out, t->name, NULL);
	view_list(s, v, "breadcrumbs", crumbs_view(s, slug, out,
	    "Title catalog", SLUG_CATALOG ".html"));
	tv_put(&s->a, v, "title_entry", title_entry_view(s, t, out));
	ok = emit(s, out, v);
	free(out);
	free(slug);
	return ok;
}

/* ---- career ladders --------------------------------------------------- */

/*
 * Reading order of a ladder's steps: by the level of their From title
 * (its distance from the ladder's first titles, those no step of it leads
 * to), then by row.  A loop with no way in starts at its first row.
 */
static size_t *
ladder_order(const struct catalog *c, const struct ladder *l)
{
	size_t *level = xcalloc(c->ntitles, sizeof(*level));
	size_t *order = xcalloc(l->nsteps + 1, sizeof(*order));
	size_t k, i, j, tmp, top = 0;
	int changed, seeded;

	for (k = 0; k < c->ntitles; k++)
		level[k] = SIZE_MAX;
	for (k = 0; k < l->nsteps; k++)
		level[l->steps[k].from] = 0;
	for (k = 0; k < l->nsteps; k++)
		level[l->steps[k].to] = SIZE_MAX;
	do {
		do {	/* one breadth-first layer per pass */
			changed = 0;
			for (k = 0; k < l->nsteps; k++) {
				i = l->steps[k].from, j = l->steps[k].to;
				if (level[i] != SIZE_MAX && level[j] ==
				    SIZE_MAX) {
					level[j] = level[i] + 1;
					top = level[j] > top ? level[j] : top;
					changed = 1;
				}
			}
		} while (changed);
		seeded = 0;
		for (k = 0; k < l->nsteps && !seeded; k++)
			if (level[l->steps[k].from] == SIZE_MAX) {
				level[l->steps[k].from] = ++top;
				seeded = 1;
			}
	} while (seeded);
	for (k = 0; k < l->nsteps; k++)
		order[k] = k;
	/* Insertion sort: stable, and ladders are short. */
	for (k = 1; k < l->nsteps; k++)
		for (j = k; j > 0 && level[l->steps[order[j - 1]].from] >
		    level[l->steps[order[j]].from]; j--) {
			tmp = order[j];
			order[j] = order[j - 1];
			order[j - 1] = tmp;
		}
	free(level);
	return order;
}

/* The text version of a ladder: its steps as an ordered list. */
static struct tv *
ladder_steps_view(struct sitectx *s, const struct ladder *l,
    const char *from)
{
	const struct catalog *c = &s->p->catalog;
	size_t *order = ladder_order(c, l), k;
	struct tv *list = tv_list(&s->a);

	for (k = 0; k < l->nsteps; k++)
		tv_push(&s->a, list, step_view(s, &l->steps[order[k]], from));
	free(order);
	return list;
}

/* How many titles a ladder (or all of them, l NULL) has. */
static size_t
ladder_ntitles(const struct catalog *c, const struct ladder *const *lds,
    size_t nlds)
{
	unsigned char *on = xcalloc(c->ntitles + 1, 1);
	size_t n = 0, i, k;

	for (i = 0; i < nlds; i++)
		for (k = 0; k < lds[i]->nsteps; k++)
			on[lds[i]->steps[k].from] = on[lds[i]->steps[k].to] =
			    1;
	for (k = 0; k < c->ntitles; k++)
		n += on[k];
	free(on);
	return n;
}

/* One diagram, as raw SVG for the view. */
static struct tv *
diagram_view(struct sitectx *s, const struct ladder *const *lds,
    size_t nlds, const char *from, const char *id, const char *title)
{
	const struct catalog *c = &s->p->catalog;
	size_t nsteps = 0, i;
	char *desc;
	int ok;

	for (i = 0; i < nlds; i++)
		nsteps += lds[i]->nsteps;
	desc = xasprintf("Diagram of %zu title%s and %zu step%s between "
	    "them; each box is a title, each arrow a step up labelled with "
	    "the way to take it. The same steps are listed as text after "
	    "the diagram.", ladder_ntitles(c, lds, nlds),
	    ladder_ntitles(c, lds, nlds) == 1 ? "" : "s", nsteps,
	    nsteps == 1 ? "" : "s");
	buf_reset(&s->svg);
	ok = ladders_svg(s->gv, c, lds, nlds, from, id, title, desc, &s->svg,
	    s->d);
	free(desc);
	return ok ? tv_str(&s->a, s->svg.data) : NULL;
}

static int
ladder_page(struct sitectx *s, const struct ladder *l)
{
	char *out = ladder_out(l), *slug, *title;
	struct tv *v, *lv, *svg;
	int ok = 0;

	slug = xstrndup(out, strlen(out) - 5);
	title = xasprintf("Career ladder: %s", l->name);
	v = page_view(s, slug, out, title, NULL);
	view_list(s, v, "breadcrumbs", crumbs_view(s, slug, out,
	    "Career ladders", SLUG_LADDERS ".html"));
	lv = tv_map(&s->a);
	tv_set(&s->a, lv, "name", tv_str(&s->a, l->name));
	tv_set(&s->a, lv, "ntitles", tv_num(&s->a, (double)ladder_ntitles(
	    &s->p->catalog, &l, 1)));
	tv_set(&s->a, lv, "steps", ladder_steps_view(s, l, out));
	tv_set(&s->a, lv, "legend", ladders_legend(&s->a, &s->p->catalog, &l,
	    1));
	if ((svg = diagram_view(s, &l, 1, out, l->slug, title)) != NULL) {
		tv_set(&s->a, lv, "svg", svg);
		tv_put(&s->a, v, "ladder", lv);
		ok = emit(s, out, v);
	}
	arena_reset(&s->a);
	free(title);
	free(slug);
	free(out);
	return ok;
}

/* The index: every ladder, and the lattice of all of them. */
static int
ladder_index_page(struct sitectx *s)
{
	const struct catalog *c = &s->p->catalog;
	const char *out = SLUG_LADDERS ".html";
	const struct ladder **lds;
	struct tv *v, *iv, *list, *it, *svg;
	char *lo;
	size_t i;
	int ok = 0;

	v = page_view(s, SLUG_LADDERS, out, "Career ladders", "Where each "
	    "entry-level class can lead, step by step.");
	view_list(s, v, "breadcrumbs", crumbs_view(s, SLUG_LADDERS, out, NULL,
	    NULL));
	view_list(s, v, "appendices", appendices_view(s, APPX_LADDERS, out));
	iv = tv_map(&s->a);
	list = tv_set(&s->a, iv, "ladders", tv_list(&s->a));
	lds = xcalloc(c->nladders, sizeof(*lds));
	for (i = 0; i < c->nladders; i++) {
		lds[i] = &c->ladders[i];
		it = tv_push(&s->a, list, tv_map(&s->a));
		tv_set(&s->a, it, "name", tv_str(&s->a, lds[i]->name));
		lo = ladder_out(lds[i]);
		tv_set(&s->a, it, "href", tv_href(s, out, lo));
		free(lo);
		tv_set(&s->a, it, "ntitles", tv_num(&s->a,
		    (double)ladder_ntitles(c, &lds[i], 1)));
		tv_set(&s->a, it, "steps", ladder_steps_view(s, lds[i], out));
	}
	tv_set(&s->a, iv, "ntitles", tv_num(&s->a,
	    (double)ladder_ntitles(c, lds, c->nladders)));
	tv_set(&s->a, iv, "legend", ladders_legend(&s->a, c, lds,
	    c->nladders));
	svg = diagram_view(s, lds, c->nladders, out, "lattice",
	    "All career ladders");
	if (svg != NULL) {
		tv_set(&s->a, iv, "svg", svg);
		tv_put(&s->a, v, "ladder_index", iv);
		ok = emit(s, out, v);
	}
	arena_reset(&s->a);
	free(lds);
	return ok;
}

/* Every ladder page and the index, added to the sitemap's list. */
static int
ladder_pages(struct sitectx *s, char **outs, size_t *n)
{
	const struct catalog *c = &s->p->catalog;
	size_t i;
	int ok = 1;

	if (c->nladders == 0)
		return 1;
	if ((s->gv = ladders_new()) == NULL) {
		diag_msg(s->d, DIAG_ERROR, "Graphviz could not start (its "
		    "plugins: run 'dot -c' as root)");
		return 0;
	}
	ok &= ladder_index_page(s);
	outs[(*n)++] = xstrdup(SLUG_LADDERS ".html");
	for (i = 0; i < c->nladders; i++) {
		ok &= ladder_page(s, &c->ladders[i]);
		outs[(*n)++] = ladder_out(&c->ladders[i]);
	}
	ladders_free(s->gv);
	s->gv = NULL;
	return ok;
}

/* ---- program results ------------------------------------------------------ */

/*
 * The year's figures (rules.md, annual reporting): aggregates only, the
 * same rows as the report bundle's metrics.csv, never a name or an id.
 */
static int
results_page(struct sitectx *s)
{
	struct metrics m;
	struct tv *v;
	int ok;

	metrics_make(&m, s->p, s->fy, s->pr);
	v = page_view(s, SLUG_RESULTS, SLUG_RESULTS ".html",
	    "Program results", "What the program did this fiscal year, in "
	    "figures.");
	view_list(s, v, "breadcrumbs", crumbs_view(s, SLUG_RESULTS,
	    SLUG_RESULTS ".html", NULL, NULL));
	tv_put(&s->a, v, "results", metrics_view(&m, &s->a, "results"));
	ok = emit(s, SLUG_RESULTS ".html", v);
	metrics_free(&m);
	return ok;
}

/* ---- the rest ------------------------------------------------------------ */

/*
 * 404.html sits at the top of the site; a server that shows it for a
 * missing page deeper down breaks its relative links, so it carries the
 * words to find the home page as well as the link.
 */
static int
not_found_page(struct sitectx *s)
{
	struct tv *v;

	v = page_view(s, SLUG_404, SLUG_404 ".html", "Page not found", NULL);
	tv_put(&s->a, v, "not_found", tv_bool(&s->a, 1));
	return emit(s, SLUG_404 ".html", v);
}

/* sitemaps.org wants absolute URLs: with base_url in site.yaml they are;
 * without, the paths are relative to the site's folder. */
static int
sitemap(struct sitectx *s, const char **outs, size_t n)
{
	const char *base = s->p->conf.base_url;
	struct buf b = {0};
	size_t i;
	int ok;

	BUF_LIT(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
	for (i = 0; i < n; i++) {
		BUF_LIT(&b, "<url><loc>");
		if (base != NULL) {
			esc_html(&b, base, strlen(base));
			if (*base && base[strlen(base) - 1] != '/')
				buf_putc(&b, '/');
		}
		esc_url(&b, outs[i], strlen(outs[i]));
		BUF_LIT(&b, "</loc></url>\n");
	}
	BUF_LIT(&b, "</urlset>\n");
	ok = out_write(s->out, SITE "sitemap.xml", b.data, b.len, OUT_PUBLIC);
	buf_free(&b);
	return ok;
}

static int
str_cmp(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* A file of templates/ the site has as it is (the stylesheet, the
 * search script). */
static int
template_file(struct sitectx *s, const char *name)
{
	char *src = xasprintf("templates/%s", name);
	char *dst = xasprintf(SITE "%s", name);
	struct buf b = {0};
	int ok;

	if (!(ok = file_read(src, &b)))
		diag_file(s->d, DIAG_ERROR, src, 0, "cannot read: %s",
		    strerror(errno));
	else
		ok = out_write(s->out, dst, b.data, b.len, OUT_PUBLIC);
	buf_free(&b);
	free(src);
	free(dst);
	return ok;
}

/*
 * The search page and what it runs: search.js (templates/) and the
 * index of every page emitted before it (search.c).  It lists the
 * results of search.html?q=WORDS, so a search can be linked to, from
 * the site's folder on disk as well as from a server.
 */
static int
search_page(struct sitectx *s)
{
	struct tv *v, *sv;
	struct buf b = {0};
	int ok;

	v = page_view(s, SLUG_SEARCH, SLUG_SEARCH ".html", "Search", NULL);
	view_list(s, v, "breadcrumbs", crumbs_view(s, SLUG_SEARCH,
	    SLUG_SEARCH ".html", NULL, NULL));
	sv = tv_map(&s->a);
	tv_set(&s->a, sv, "index", tv_str(&s->a, "search-index.js"));
	tv_set(&s->a, sv, "script", tv_str(&s->a, "search.js"));
	tv_put(&s->a, v, "search", sv);
	ok = emit(s, SLUG_SEARCH ".html", v);
	search_write(s->idx, &b);
	ok &= out_write(s->out, SITE "search-index.js", b.data, b.len,
	    OUT_PUBLIC);
	buf_free(&b);
	return ok && template_file(s, "search.js");
}

int
site_check_slugs(const struct project *p, struct diag *d)
{
	static const char *const fixed[] = { SLUG_CATALOG, SLUG_LADDERS,
	    SLUG_RESULTS, SLUG_404, SLUG_SEARCH, "sitemap", "style" };
	const struct page *pg;
	struct buf b = {0};
	size_t i;
	int ok = 1;

	for (i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
		if ((pg = content_find(&p->content, fixed[i])) != NULL) {
			diag_file(d, DIAG_ERROR, pg->src, 0, "slug '%s' is "
			    "taken by a page umpress makes", pg->slug);
			ok = 0;
		}
	for (i = 0; i < p->catalog.ntitles; i++) {
		buf_reset(&b);
		buf_printf(&b, "titles/%s", p->catalog.titles[i].code);
		if ((pg = content_find(&p->content, b.data)) != NULL) {
			diag_file(d, DIAG_ERROR, pg->src, 0, "slug '%s' is "
			    "taken by the page umpress makes for title %s "
			    "(%s:%d)", pg->slug, p->catalog.titles[i].code,
			    p->catalog.titles[i].src,
			    p->catalog.titles[i].line);
			ok = 0;
		}
	}
	for (i = 0; i < p->catalog.nladders; i++) {
		buf_reset(&b);
		buf_printf(&b, "ladders/%s", p->catalog.ladders[i].slug);
		if ((pg = content_find(&p->content, b.data)) != NULL) {
			diag_file(d, DIAG_ERROR, pg->src, 0, "slug '%s' is "
			    "taken by the page umpress makes for ladder '%s'",
			    pg->slug, p->catalog.ladders[i].name);
			ok = 0;
		}
	}
	buf_free(&b);
	return ok;
}

int
site_makes(const struct project *p, int with_records, const char *path)
{
	const struct catalog *c = &p->catalog;
	size_t i, n = strlen(path);
	char *code;
	int found;

	if (strcmp(path, SLUG_CATALOG ".html") == 0)
		return c->ntitles > 0;
	if (strcmp(path, SLUG_LADDERS ".html") == 0)
		return c->nladders > 0;
	if (strcmp(path, SLUG_RESULTS ".html") == 0)
		return with_records;
	if (strcmp(path, SLUG_404 ".html") == 0 ||
	    strcmp(path, "sitemap.xml") == 0 || strcmp(path, "style.css") == 0)
		return 1;
	if (n < 5 || strcmp(path + n - 5, ".html") != 0)
		return 0;
	if (strncmp(path, "titles/", 7) == 0) {
		code = xstrndup(path + 7, n - 12);
		found = catalog_find(c, code) != NULL;
		free(code);
		return found;
	}
	for (i = 0; strncmp(path, "ladders/", 8) == 0 && i < c->nladders; i++)
		if (strlen(c->ladders[i].slug) == n - 13 &&
		    strncmp(path + 8, c->ladders[i].slug, n - 13) == 0)
			return 1;
	return 0;
}

int
site_build(struct project *p, const struct fy_figures *fy,
    const struct program_rows *pr, struct out *out, struct diag *d)
{
	struct sitectx s;
	const struct title **sorted;
	char **outs;
	size_t i, n = 0;
	int ok = 1;

	memset(&s, 0, sizeof(s));
	s.p = p;
	s.out = out;
	s.d = d;
	s.fy = fy;
	s.pr = pr;
	if ((s.page = tmpl_get(p->tmpl, "page.html")) == NULL)
		return 0;
	s.idx = search_new();
	nav_build(&s);
	sorted = xcalloc(p->catalog.ntitles, sizeof(*sorted));
	outs = xcalloc(p->content.npages + p->catalog.ntitles +
	    p->catalog.nladders + 3, sizeof(*outs));
	for (i = 0; i < p->catalog.ntitles; i++)
		sorted[i] = &p->catalog.titles[i];
	xqsort(sorted, p->catalog.ntitles, sizeof(*sorted), title_name_cmp);
	for (i = 0; i < p->content.npages; i++) {
		ok &= content_page(&s, &p->content.pages[i]);
		outs[n++] = xstrdup(p->content.pages[i].out);
	}
	if (p->catalog.ntitles > 0) {
		ok &= catalog_page(&s, sorted);
		outs[n++] = xstrdup(SLUG_CATALOG ".html");
	}
	for (i = 0; i < p->catalog.ntitles; i++) {
		ok &= title_page(&s, &p->catalog.titles[i]);
		outs[n++] = xasprintf("titles/%s.html",
		    p->catalog.titles[i].code);
	}
	ok &= ladder_pages(&s, outs, &n);
	if (fy != NULL) {
		ok &= results_page(&s);
		outs[n++] = xstrdup(SLUG_RESULTS ".html");
	}
	ok &= not_found_page(&s) && template_file(&s, "style.css");
	/* After every page: the index is made of them. */
	ok &= search_page(&s);
	xqsort(outs, n, sizeof(*outs), str_cmp);
	ok &= sitemap(&s, (const char **)outs, n);
	for (i = 0; i < n; i++)
		free(outs[i]);
	free(outs);
	free(sorted);
	free(s.nav);
	search_free(s.idx);
	arena_free(&s.a);
	buf_free(&s.html);
	buf_free(&s.svg);
	return ok;
}
