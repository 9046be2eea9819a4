/*
 * content.c: the pages of content/ (content.md).  Each *.md file is YAML
 * front matter and a GitHub-flavoured Markdown body parsed by cmark-gfm
 * with the table, autolink, strikethrough, tasklist and tagfilter
 * extensions.  Loading keeps every page's syntax tree, so the catalog can
 * read the appendix tables from it; rendering then rewrites links between
 * pages, gives headings stable anchors and makes the HTML.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmark-gfm-core-extensions.h>

#include "extern.h"

#define CONTENT_DIR "content"

/* The GFM extensions content.md names, attached to every parser. */
static const char *const gfm_extensions[] = {
	"table", "autolink", "strikethrough", "tasklist", "tagfilter"
};

/* ---- finding the files ------------------------------------------------- */

struct names {
	char	**v;	/* content-relative paths of *.md files */
	size_t	  n;
};

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/*
 * Collects the *.md files below content/REL.  Hidden files and folders
 * (editor and VCS leftovers) and anything that is not a plain file or
 * folder (links could lead outside the project) are passed over.  Depth is
 * capped so a deep tree cannot exhaust the stack.
 */
static int
walk(const char *rel, int depth, struct names *out, struct diag *d)
{
	struct dirent *e;
	struct stat st;
	char *dir, *path, *sub;
	DIR *dp;
	int ok = 1;

	dir = *rel ? xasprintf("%s/%s", CONTENT_DIR, rel) : xstrdup(CONTENT_DIR);
	if ((dp = opendir(dir)) == NULL) {
		diag_file(d, DIAG_ERROR, dir, 0, "cannot read: %s",
		    strerror(errno));
		free(dir);
		return 0;
	}
	while ((e = readdir(dp)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		path = xasprintf("%s/%s", dir, e->d_name);
		sub = *rel ? xasprintf("%s/%s", rel, e->d_name) :
		    xstrdup(e->d_name);
		if (lstat(path, &st) == -1)
			st.st_mode = 0;
		if (S_ISDIR(st.st_mode) && depth < 16)
			ok &= walk(sub, depth + 1, out, d);
		else if (S_ISREG(st.st_mode) && ends_with(e->d_name, ".md")) {
			out->v = xreallocarray(out->v, out->n + 1,
			    sizeof(*out->v));
			out->v[out->n++] = sub;
			sub = NULL;
		}
		free(sub);
		free(path);
	}
	closedir(dp);
	free(dir);
	return ok;
}

/* ---- front matter ---------------------------------------------------------- */

/* Is the line at s (up to the newline) exactly "---", allowing trailing
 * blanks and a CR? */
static int
fence_line(const char *s, const char *end)
{
	if (end - s < 3 || memcmp(s, "---", 3) != 0)
		return 0;
	for (s += 3; s < end && *s != '\n'; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r')
			return 0;
	return 1;
}

/*
 * Splits text into front matter and body: *fm (*fmlen bytes) is the YAML
 * between the fences, *body the rest, *body_line the line the body starts on.
 */
static int
split_front(const char *path, const char *text, size_t len, const char **fm,
    size_t *fmlen, const char **body, int *body_line, struct diag *d)
{
	const char *end = text + len, *p, *nl;
	int line = 2;

	if (!fence_line(text, end)) {
		diag_file(d, DIAG_ERROR, path, 1, "no front matter: a page "
		    "begins with a line '---', then at least 'title: ...', "
		    "then '---'");
		return 0;
	}
	p = memchr(text, '\n', len);
	p = p ? p + 1 : end;
	*fm = p;
	for (; p < end; line++) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (fence_line(p, end)) {
			*fmlen = (size_t)(p - *fm);
			*body = nl ? nl + 1 : end;
			*body_line = line + 1;
			return 1;
		}
		p = nl ? nl + 1 : end;
	}
	diag_file(d, DIAG_ERROR, path, 1, "front matter is not closed by a "
	    "line '---'");
	return 0;
}

/* A slug given in front matter: relative, segments of letters, digits,
 * '-', '_' and '.', none empty or starting with '.'. */
static int
slug_ok(const char *s)
{
	const char *p;
	int seg_start = 1;

	if (*s == '\0')
		return 0;
	for (p = s; *p; p++) {
		if (*p == '/') {
			if (seg_start)
				return 0;
			seg_start = 1;
			continue;
		}
		if (seg_start && *p == '.')
			return 0;
		seg_start = 0;
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' ||
		    *p == '.'))
			return 0;
	}
	return !seg_start;
}

int
content_slug_ok(const char *s)
{
	return slug_ok(s);
}

static int
appendix_value(struct ydoc *y, yaml_node_t *v, struct page *pg,
    struct diag *d)
{
	const char *s = ydoc_scalar(v);

	if (s != NULL && strcmp(s, "titles") == 0)
		pg->appendix = APPX_TITLES;
	else if (s != NULL && strcmp(s, "ladders") == 0)
		pg->appendix = APPX_LADDERS;
	else {
		diag_file(d, DIAG_ERROR, y->path, ydoc_line(y, v),
		    "appendix: expected titles or ladders");
		return 0;
	}
	return 1;
}

/* Reading one file's front matter. */
struct front {
	struct page	*pg;		/* the page it is read into */
	int		 narrative;	/* a report's narrative: title only */
	int		 appendix_bad;	/* appendix: was there, unreadable */
};

/* One front matter key (content.md "Pages"). */
static int
front_key(void *arg, struct ydoc *y, const char *key, yaml_node_t *v,
    int line, struct diag *d)
{
	struct front *fr = arg;
	struct page *pg = fr->pg;
	char *slug = NULL;

	if (strcmp(key, "title") == 0)
		return ydoc_get_str(y, v, key, &pg->title, d);
	/* content.md (2026-12-04): a narrative's front matter may hold
	 * only title. */
	if (fr->narrative) {
		diag_file(d, DIAG_ERROR, y->path, line, "unknown front matter "
		    "key '%s': a report's narrative takes only title", key);
		return 0;
	}
	if (strcmp(key, "description") == 0)
		return ydoc_get_str(y, v, key, &pg->description, d);
	if (strcmp(key, "weight") == 0)
		return ydoc_get_long(y, v, key, -1000000, 1000000,
		    &pg->weight, d);
	if (strcmp(key, "draft") == 0)
		return ydoc_get_bool(y, v, key, &pg->draft, d);
	if (strcmp(key, "appendix") == 0) {
		if (appendix_value(y, v, pg, d))
			return 1;
		fr->appendix_bad = 1;
		return 0;
	}
	if (strcmp(key, "slug") == 0) {
		if (!ydoc_get_str(y, v, key, &slug, d))
			return 0;
		if (!slug_ok(slug)) {
			diag_file(d, DIAG_ERROR, y->path, ydoc_line(y, v),
			    "slug: '%s' must be a relative path of letters, "
			    "digits, '-', '_' and '.'", slug);
			free(slug);
			return 0;
		}
		free(pg->slug);
		pg->slug = slug;
		return 1;
	}
	diag_file(d, DIAG_ERROR, y->path, line, "unknown front matter key "
	    "'%s' (title, weight, description, slug, draft, appendix)", key);
	return 0;
}

/* The front matter; fr->appendix_bad stays -1 when its YAML could not
 * be read at all (then what the page is is not known). */
static int
front_matter(struct front *fr, const char *fm, size_t len, struct diag *d)
{
	struct page *pg = fr->pg;
	struct ydoc y;
	int ok;

	if (!ydoc_load(&y, fm, len, pg->src, 2, d)) {
		ydoc_free(&y);
		return 0;
	}
	fr->appendix_bad = 0;
	if (ydoc_root(&y) == NULL) {
		diag_file(d, DIAG_ERROR, pg->src, 2, "title is required");
		ydoc_free(&y);
		return 0;
	}
	ok = ydoc_each(&y, ydoc_root(&y), "front matter", front_key, fr, d);
	if (ok && (pg->title == NULL || pg->title[0] == '\0')) {
		diag_file(d, DIAG_ERROR, pg->src, 2, "title is required");
		ok = 0;
	}
	ydoc_free(&y);
	return ok;
}

/* ---- one page --------------------------------------------------------------- */

static cmark_parser *
new_parser(const struct config *s)
{
	cmark_parser *p;
	size_t i;
	int opts = CMARK_OPT_DEFAULT;

	/* content.md: raw HTML is dropped unless unsafe_html: true. */
	if (s->unsafe_html)
		opts |= CMARK_OPT_UNSAFE;
	p = cmark_parser_new(opts);
	for (i = 0; i < sizeof(gfm_extensions) / sizeof(gfm_extensions[0]); i++)
		cmark_parser_attach_syntax_extension(p,
		    cmark_find_syntax_extension(gfm_extensions[i]));
	return p;
}

/* The slug a file's path gives: "guides/exams.md" -> "guides/exams". */
static char *
path_slug(const char *rel)
{
	return xstrndup(rel, strlen(rel) - 3);
}

/*
 * Loads one file into pg: a page, or with narrative a report's narrative.
 * On failure (reported) *maybe_titles says whether the file may be a
 * title appendix: it says so, or what it is could not be read.
 */
static int
load_page(struct page *pg, const char *rel, int narrative,
    const struct config *s, int *maybe_titles, struct diag *d)
{
	struct front fr = { pg, narrative, -1 };
	struct buf b = {0};
	const char *fm, *body;
	size_t fmlen, skip;
	int ok = 0;

	pg->src = xasprintf("%s/%s", CONTENT_DIR, rel);
	if (!file_read(pg->src, &b)) {
		diag_file(d, DIAG_ERROR, pg->src, 0, "cannot read: %s",
		    strerror(errno));
		goto out;
	}
	if (!project_text_ok(pg->src, &b, &skip, d) ||
	    !split_front(pg->src, b.data + skip, b.len - skip, &fm, &fmlen,
	    &body, &pg->body_line, d) || !front_matter(&fr, fm, fmlen, d))
		goto out;
	if (pg->slug == NULL && !slug_ok(pg->slug = path_slug(rel))) {
		diag_file(d, DIAG_ERROR, pg->src, 0, "the file name makes the "
		    "slug '%s': use letters, digits, '-', '_' and '.', or set "
		    "slug:", pg->slug);
		goto out;
	}
	pg->out = xasprintf("%s.html", pg->slug);
	pg->md = xstrndup(body, (size_t)(b.data + b.len - body));
	pg->parser = new_parser(s);
	cmark_parser_feed(pg->parser, body, (size_t)(b.data + b.len - body));
	pg->doc = cmark_parser_finish(pg->parser);
	ok = 1;
out:
	*maybe_titles = !ok && (pg->appendix == APPX_TITLES ||
	    fr.appendix_bad != 0);
	buf_free(&b);
	return ok;
}

static int
page_cmp(const void *a, const void *b)
{
	const struct page *x = a, *y = b;
	int c = strcmp(x->slug, y->slug);

	return c ? c : strcmp(x->src, y->src);
}

/* content.md: two pages with one slug is an error naming both files. */
static int
check_slugs(const struct content *c, struct diag *d)
{
	size_t i;
	int ok = 1;

	for (i = 1; i < c->npages; i++)
		if (strcmp(c->pages[i - 1].slug, c->pages[i].slug) == 0) {
			diag_file(d, DIAG_ERROR, c->pages[i].src, 0,
			    "slug '%s' is also the slug of %s",
			    c->pages[i].slug, c->pages[i - 1].src);
			ok = 0;
		}
	return ok;
}

static void
page_free(struct page *pg)
{
	size_t i;

	for (i = 0; i < pg->nheadings; i++) {
		free(pg->headings[i].text);
		free(pg->headings[i].anchor);
	}
	free(pg->headings);
	if (pg->doc)
		cmark_node_free(pg->doc);
	if (pg->parser)
		cmark_parser_free(pg->parser);
	free(pg->src);
	free(pg->slug);
	free(pg->out);
	free(pg->title);
	free(pg->description);
	free(pg->html);
	free(pg->md);
	memset(pg, 0, sizeof(*pg));
}

#define REPORTS_DIR "reports/"

/*
 * content/reports/FY.md (content.md, 2026-12-04) is the narrative of a
 * report bundle, not a page: FY its fiscal year.  0 (reported) when a
 * file there is not named so.
 */
static int
narrative_fy(const char *rel, int *fy, struct diag *d)
{
	size_t n = strlen(rel);
	char name[8], *src;

	if (n == strlen(REPORTS_DIR) + 10 && strchr(rel + strlen(REPORTS_DIR),
	    '/') == NULL) {
		memcpy(name, rel + strlen(REPORTS_DIR), 7);
		name[7] = '\0';
		if (date_fy_parse(name, fy))
			return 1;
	}
	src = xasprintf("%s/%s", CONTENT_DIR, rel);
	diag_file(d, DIAG_ERROR, src, 0, "content/reports/ holds the "
	    "narratives of the report bundles, each named by its fiscal year, "
	    "such as content/reports/2026-27.md");
	free(src);
	return 0;
}

/* Keeps a loaded file: a page (unless a draft) or a narrative. */
static void
content_add(struct content *c, struct page *pg, int fy)
{
	if (fy != 0) {
		c->narratives = xreallocarray(c->narratives,
		    c->nnarratives + 1, sizeof(*c->narratives));
		c->narratives[c->nnarratives].fy = fy;
		c->narratives[c->nnarratives++].pg = *pg;
	} else if (pg->draft)
		page_free(pg);
	else {
		c->pages = xreallocarray(c->pages, c->npages + 1,
		    sizeof(*c->pages));
		c->pages[c->npages++] = *pg;
	}
}

/* Keeps the name of a file that failed (reported): it is still there,
 * so links to it are not dead, and its titles are not known. */
static void
content_failed(struct content *c, const char *rel, int maybe_titles)
{
	c->failed = xreallocarray(c->failed, c->nfailed + 1,
	    sizeof(*c->failed));
	c->failed[c->nfailed++] = xstrdup(rel);
	c->titles_unsure |= maybe_titles;
}

int
content_load(struct content *c, const struct config *s, struct diag *d)
{
	struct names names = {0};
	struct page pg;
	size_t i;
	int ok, fy, maybe_titles;

	memset(c, 0, sizeof(*c));
	cmark_gfm_core_extensions_ensure_registered();
	ok = walk("", 0, &names, d);
	xqsort(names.v, names.n, sizeof(*names.v), name_cmp);
	for (i = 0; i < names.n; i++) {
		memset(&pg, 0, sizeof(pg));
		fy = 0;
		if (strncmp(names.v[i], REPORTS_DIR, strlen(REPORTS_DIR)) == 0 &&
		    !narrative_fy(names.v[i], &fy, d))
			ok = 0;
		else if (!load_page(&pg, names.v[i], fy != 0, s, &maybe_titles,
		    d)) {
			page_free(&pg);
			content_failed(c, names.v[i], maybe_titles);
			ok = 0;
		} else
			content_add(c, &pg, fy);
		free(names.v[i]);
	}
	free(names.v);
	xqsort(c->pages, c->npages, sizeof(*c->pages), page_cmp);
	return check_slugs(c, d) && ok;
}

const struct narrative *
content_narrative(const struct content *c, int fy)
{
	size_t i;

	for (i = 0; i < c->nnarratives; i++)
		if (c->narratives[i].fy == fy)
			return &c->narratives[i];
	return NULL;
}

struct page *
content_find(const struct content *c, const char *slug)
{
	size_t lo = 0, hi = c->npages, mid;
	int cmp;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((cmp = strcmp(slug, c->pages[mid].slug)) == 0)
			return &c->pages[mid];
		if (cmp < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

void
content_free(struct content *c)
{
	size_t i;

	for (i = 0; i < c->npages; i++)
		page_free(&c->pages[i]);
	for (i = 0; i < c->nnarratives; i++)
		page_free(&c->narratives[i].pg);
	for (i = 0; i < c->nfailed; i++)
		free(c->failed[i]);
	free(c->pages);
	free(c->narratives);
	free(c->failed);
	memset(c, 0, sizeof(*c));
}

void
content_node_text(cmark_node *n, struct buf *b)
{
	cmark_iter *it = cmark_iter_new(n);
	cmark_event_type ev;
	cmark_node *cur;
	const char *lit;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cur = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		switch (cmark_node_get_type(cur)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			if ((lit = cmark_node_get_literal(cur)) != NULL)
				buf_puts(b, lit);
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			buf_putc(b, ' ');
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
}

/* ---- rendering ------------------------------------------------------------ */

static int
is_heading(cmark_node_type t)
{
	return t == CMARK_NODE_HEADING;
}

/* The nodes that put an href or src into the page. */
static int
is_link(cmark_node_type t)
{
	return t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE ||
	    t == CMARK_NODE_HTML_BLOCK || t == CMARK_NODE_HTML_INLINE;
}

/* Collects the nodes of a tree that want() takes, in document order (the
 * tree cannot change while an iterator walks it). */
static cmark_node **
collect(cmark_node *doc, int (*want)(cmark_node_type), size_t *n)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	cmark_node **v = NULL, *cur;

	*n = 0;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cur = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER && want(cmark_node_get_type(cur))) {
			v = xreallocarray(v, *n + 1, sizeof(*v));
			v[(*n)++] = cur;
		}
	}
	cmark_iter_free(it);
	return v;
}

/* An anchor unique in the page: the heading's slug, then -1, -2 ... as
 * GitHub does, so anchors stay put when a heading is added below. */
static char *
unique_anchor(const struct page *pg, const char *text)
{
	struct buf b = {0};
	size_t i, len;
	int k = 0, clash;

	slugify(&b, text, strlen(text), 1);
	if (b.len == 0)
		BUF_LIT(&b, "section");
	len = b.len;
	do {
		clash = 0;
		for (i = 0; i < pg->nheadings && !clash; i++)
			clash = strcmp(pg->headings[i].anchor, b.data) == 0;
		if (clash) {
			b.len = len;
			buf_printf(&b, "-%d", ++k);
		}
	} while (clash);
	return buf_detach(&b);
}

/*
 * Pass 1: the headings of a page, with anchors.  The page title is the
 * page's only h1, so a '#' heading in the body becomes h2 (with a
 * warning); a level skipped is warned of (WCAG 1.3.1 heading order).
 */
static void
page_headings(struct page *pg, struct diag *d)
{
	struct buf text = {0};
	struct heading *h;
	cmark_node **v;
	size_t i, n;
	int prev = 1, level;

	v = collect(pg->doc, is_heading, &n);
	pg->headings = xcalloc(n, sizeof(*pg->headings));
	for (i = 0; i < n; i++) {
		buf_reset(&text);
		content_node_text(v[i], &text);
		h = &pg->headings[i];
		h->line = pg->body_line - 1 + cmark_node_get_start_line(v[i]);
		level = cmark_node_get_heading_level(v[i]);
		if (level == 1) {
			diag_file(d, DIAG_WARN, pg->src, h->line, "a level-1 "
			    "heading: the title is the page's only one, so "
			    "this is shown as level 2 (use ##)");
			level = 2;
		} else if (level > prev + 1)
			diag_file(d, DIAG_WARN, pg->src, h->line, "heading "
			    "level %d follows level %d: a level is skipped",
			    level, prev);
		prev = level;
		h->level = level;
		h->text = xstrdup(text.data ? text.data : "");
		h->anchor = unique_anchor(pg, h->text);
		pg->nheadings = i + 1;
	}
	free(v);
	buf_free(&text);
}

/* Does the URL name a scheme ("https:", "mailto:")? */
static int
has_scheme(const char *u)
{
	const char *p = u;

	if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
		return 0;
	while ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
	    (*p >= '0' && *p <= '9') || *p == '+' || *p == '.' || *p == '-')
		p++;
	return *p == ':';
}

/*
 * Removes "." and ".." segments and empty ones from a '/'-separated path;
 * NULL when ".." climbs above its start.
 */
static char *
normalise(const char *path)
{
	struct buf o = {0};
	const char *p, *seg;
	size_t n;

	for (p = path; *p; p = *seg ? seg + 1 : seg) {
		seg = strchr(p, '/');
		seg = seg ? seg : p + strlen(p);
		n = (size_t)(seg - p);
		if (n == 0 || (n == 1 && *p == '.'))
			continue;
		if (n == 2 && p[0] == '.' && p[1] == '.') {
			if (o.len == 0) {
				buf_free(&o);
				return NULL;
			}
			while (o.len > 0 && o.data[--o.len] != '/')
				;
			o.data[o.len] = '\0';
			continue;
		}
		if (o.len)
			buf_putc(&o, '/');
		buf_put(&o, p, n);
	}
	return buf_detach(&o);
}

/* A link's path joined to the folder of base (a path under content/ or
 * site/; the root when the link begins with '/') and normalised; NULL
 * when it climbs out. */
static char *
resolve(const char *base, const char *link, size_t linklen)
{
	const char *slash;
	struct buf b = {0};
	char *rel;

	if (*link != '/' && (slash = strrchr(base, '/')) != NULL)
		buf_put(&b, base, (size_t)(slash - base + 1));
	buf_put(&b, link, linklen);
	rel = normalise(b.data ? b.data : "");
	buf_free(&b);
	return rel;
}

/* The page made from the file at path under content/, or with site, the
 * page at path under site/; NULL when none. */
static const struct page *
page_at(const struct content *c, const char *path, int site)
{
	size_t i;

	for (i = 0; i < c->npages; i++)
		if (strcmp(site ? c->pages[i].out : c->pages[i].src +
		    strlen(CONTENT_DIR) + 1, path) == 0)
			return &c->pages[i];
	return NULL;
}

/* Is rel (under content/) a file that failed to load, or out (under
 * site/) the page its name would make?  (Issue 19: a page that exists
 * but failed is reported once, not again at every link to it.) */
static int
failed_page(const struct content *c, const char *rel, const char *out)
{
	size_t i, n;

	for (i = 0; i < c->nfailed; i++) {
		n = strlen(c->failed[i]) - 3;
		if ((rel && strcmp(c->failed[i], rel) == 0) || (out &&
		    strncmp(c->failed[i], out, n) == 0 &&
		    strcmp(out + n, ".html") == 0))
			return 1;
	}
	return 0;
}

static int
has_anchor(const struct page *pg, const char *a)
{
	size_t i;

	/* HTML: "#top" and "#" go to the top of any page. */
	if (*a == '\0' || strcmp(a, "top") == 0)
		return 1;
	for (i = 0; i < pg->nheadings; i++)
		if (strcmp(pg->headings[i].anchor, a) == 0)
			return 1;
	return 0;
}

/* Checking the links of one page (or narrative). */
struct links {
	const struct content	*c;
	const struct page	*pg;	/* the page holding the links */
	int			 narrative; /* pg is a report's narrative */
	content_site_fn		 site;	/* other files of the site, or NULL */
	const void		*arg;	/* site's */
	struct diag		*d;
	const char		*what;	/* "link to" or "image" */
	const char		*url;	/* the one checked, as written */
	int			 line;	/* its line in pg->src */
};

/* Is path a page or a file the generator makes? *to: the page, or NULL. */
static int
site_has(struct links *l, const char *path, const struct page **to)
{
	return (*to = page_at(l->c, path, 1)) != NULL ||
	    (l->site != NULL && l->site(l->arg, path));
}

/* A link's target in the site, checked: *to is the content page there
 * (NULL: a file the generator makes).  NULL when nothing is there
 * (reported, unless the page there failed). */
static char *
site_target(struct links *l, size_t len, const struct page **to)
{
	char *rel, *path, *hint = NULL;
	int folder = l->url[len - 1] == '/';

	*to = NULL;
	if ((rel = resolve(l->pg->out, l->url, len)) == NULL) {
		diag_file(l->d, DIAG_ERROR, l->pg->src, l->line, "%s '%s': "
		    "it leads out of the site", l->what, l->url);
		return NULL;
	}
	folder |= *rel == '\0' || (len >= 2 && memcmp(l->url + len - 2, "/.",
	    2) == 0) || (len >= 3 && memcmp(l->url + len - 3, "/..", 3) == 0);
	path = folder ? xasprintf("%s%sindex.html", rel, *rel ? "/" : "") :
	    xstrdup(rel);
	if (site_has(l, path, to) || failed_page(l->c, NULL, path)) {
		free(rel);
		return path;
	}
	/* A folder named without its '/' is one too. */
	if (!folder) {
		free(path);
		path = xasprintf("%s/index.html", rel);
		if (site_has(l, path, to) || failed_page(l->c, NULL, path)) {
			free(rel);
			return path;
		}
	}
	if (content_find(l->c, rel) != NULL)
		hint = xasprintf(" (the page %s is %s.html)", rel, rel);
	diag_file(l->d, DIAG_ERROR, l->pg->src, l->line, "%s '%s': nothing "
	    "on the site is at %s%s", l->what, l->url, folder ? path : rel,
	    hint ? hint : "");
	free(hint);
	free(rel);
	free(path);
	return NULL;
}

/* A link to a .md file: the page it makes (content.md: authors link
 * files as they see them in their editor).  NULL as site_target(). */
static char *
md_target(struct links *l, size_t len, const struct page **to)
{
	const char *src = l->pg->src + strlen(CONTENT_DIR) + 1;
	char *rel = resolve(src, l->url, len);

	*to = rel ? page_at(l->c, rel, 0) : NULL;
	if (*to == NULL && (rel == NULL || !failed_page(l->c, rel, NULL)))
		diag_file(l->d, DIAG_ERROR, l->pg->src, l->line, "%s "
		    "'%.*s': no such page in content/", l->what, (int)len,
		    l->url);
	free(rel);
	return *to ? xstrdup((*to)->out) : NULL;
}

/*
 * Checks one local href or src of a page (issue 19: every one the page
 * ends up with, not only .md links): the page or file it leads to, and
 * the heading its #anchor names in a content page.  Into out, when not
 * NULL, the link as the site gets it: relative to the page and naming the
 * file (a folder's index.html), so it works from a file share, from any
 * sub-path of a server and in the site's zip.  0 when it leads nowhere
 * (reported; a link to a page that failed to load is not).
 */
static int
link_check(struct links *l, struct buf *out)
{
	const struct page *to = l->pg;
	const char *u = l->url, *frag = strchr(u, '#');
	size_t len = strcspn(u, "#?");
	char *path = NULL;

	if (*u == '\0' || has_scheme(u) || (u[0] == '/' && u[1] == '/'))
		return 1;
	if (len > 0 && l->narrative) {
		diag_file(l->d, DIAG_ERROR, l->pg->src, l->line, "%s '%s': "
		    "a report's narrative goes alone into its bundle, so it "
		    "links only to full addresses (https://...)", l->what, u);
		return 0;
	}
	if (len >= 3 && memcmp(u + len - 3, ".md", 3) == 0)
		path = md_target(l, len, &to);
	else if (len > 0)
		path = site_target(l, len, &to);
	if (len > 0 && path == NULL)
		return 0;
	if (frag != NULL && to != NULL && !has_anchor(to, frag + 1)) {
		diag_file(l->d, DIAG_ERROR, l->pg->src, l->line, "%s '%s': "
		    "%s has no heading with that anchor", l->what, u,
		    to == l->pg ? "this page" : to->src);
		free(path);
		return 0;
	}
	if (out != NULL && path != NULL) {
		url_rel(out, l->pg->out, path);
		buf_puts(out, u + len);
	}
	free(path);
	return 1;
}

/* Is p, inside the raw HTML s, the start of an href= or src= attribute?
 * Then *v and *e bound its value. */
static int
html_attr(const char *s, const char *p, const char **v, const char **e)
{
	size_t n;

	if (p == s || !strchr(" \t\r\n", p[-1]))
		return 0;
	if (strncasecmp(p, "href", 4) == 0)
		n = 4;
	else if (strncasecmp(p, "src", 3) == 0)
		n = 3;
	else
		return 0;
	for (p += n; *p == ' ' || *p == '\t'; p++)
		;
	if (*p++ != '=')
		return 0;
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '"' || *p == '\'') {
		*v = p + 1;
		*e = strchr(*v, *p);
		return *e != NULL;
	}
	*v = p;
	*e = p + strcspn(p, " \t\r\n>");
	return 1;
}

/* The href and src attributes of raw HTML (kept with unsafe_html): checked
 * at their lines, as written (raw HTML is not rewritten). */
static int
html_links(struct links *l, cmark_node *n)
{
	const char *s = cmark_node_get_literal(n), *p, *v, *e;
	char *url;
	int ok = 1;

	for (p = s; p != NULL && *p != '\0'; p++) {
		if (*p == '\n')
			l->line++;
		if (!html_attr(s, p, &v, &e))
			continue;
		l->url = url = xstrndup(v, (size_t)(e - v));
		l->what = "link to";
		ok &= link_check(l, NULL);
		free(url);
		for (; p + 1 < e; p++)
			l->line += p[1] == '\n';
	}
	return ok;
}

static int
page_links(const struct content *c, struct page *pg, int narrative,
    const struct config *s, content_site_fn site, const void *arg,
    struct diag *d)
{
	struct links l = { c, pg, narrative, site, arg, d, NULL, NULL, 0 };
	struct buf b = {0};
	cmark_node **v;
	cmark_node_type t;
	size_t i, n;
	int ok = 1;

	v = collect(pg->doc, is_link, &n);
	for (i = 0; i < n; i++) {
		l.line = pg->body_line - 1 + cmark_node_get_start_line(v[i]);
		if ((t = cmark_node_get_type(v[i])) == CMARK_NODE_HTML_BLOCK ||
		    t == CMARK_NODE_HTML_INLINE) {
			ok &= !s->unsafe_html || html_links(&l, v[i]);
			continue;
		}
		l.what = t == CMARK_NODE_IMAGE ? "image" : "link to";
		if ((l.url = cmark_node_get_url(v[i])) == NULL)
			continue;
		buf_reset(&b);
		ok &= link_check(&l, &b);
		if (b.len > 0)
			cmark_node_set_url(v[i], b.data);
	}
	free(v);
	buf_free(&b);
	return ok;
}

/* Renders a subtree with the page's extensions (tagfilter needs them:
 * shared/notes/deps.md). */
static char *
render(struct page *pg, cmark_node *n, const struct config *s)
{
	return cmark_render_html(n, s->unsafe_html ? CMARK_OPT_UNSAFE :
	    CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(pg->parser));
}

/* Pass 3: each heading becomes a custom block holding the same HTML with
 * its anchor as id, so the id sits on the heading itself. */
static void
page_anchor_headings(struct page *pg, const struct config *s)
{
	struct buf b = {0};
	cmark_node **v, *cb;
	char *inner, *open, *close;
	size_t i, n;

	v = collect(pg->doc, is_heading, &n);
	for (i = 0; i < n && i < pg->nheadings; i++) {
		inner = render(pg, v[i], s);
		open = strchr(inner, '>');
		close = strrchr(inner, '<');
		buf_reset(&b);
		buf_printf(&b, "<h%d id=\"", pg->headings[i].level);
		esc_html(&b, pg->headings[i].anchor,
		    strlen(pg->headings[i].anchor));
		BUF_LIT(&b, "\">");
		if (open && close && close > open)
			buf_put(&b, open + 1, (size_t)(close - open - 1));
		buf_printf(&b, "</h%d>", pg->headings[i].level);
		free(inner);
		cb = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
		cmark_node_set_on_enter(cb, b.data);
		cmark_node_set_on_exit(cb, "");
		cmark_node_replace(v[i], cb);
		cmark_node_free(v[i]);
	}
	free(v);
	buf_free(&b);
}

/* Replaces every `from` in s with `to`. */
static char *
replace_all(char *s, const char *from, const char *to)
{
	struct buf b = {0};
	const char *p = s, *hit;
	size_t n = strlen(from);

	if (strstr(s, from) == NULL)
		return s;
	while ((hit = strstr(p, from)) != NULL) {
		buf_put(&b, p, (size_t)(hit - p));
		buf_puts(&b, to);
		p = hit + n;
	}
	buf_puts(&b, p);
	free(s);
	return buf_detach(&b);
}

/*
 * Task lists: cmark-gfm writes a disabled, unlabelled checkbox, which
 * screen readers announce as an unlabelled form control (WCAG 4.1.2);
 * a mark with words for it reads and prints better.
 */
static char *
task_marks(char *html)
{
	html = replace_all(html,
	    "<input type=\"checkbox\" checked=\"\" disabled=\"\" /> ",
	    "<span class=\"task done\" aria-hidden=\"true\">&#x2611;</span>"
	    "<span class=\"visually-hidden\">Done: </span>");
	return replace_all(html, "<input type=\"checkbox\" disabled=\"\" /> ",
	    "<span class=\"task\" aria-hidden=\"true\">&#x2610;</span>"
	    "<span class=\"visually-hidden\">To do: </span>");
}

/* Renders one page's HTML and drops its tree and Markdown. */
static void
page_render(struct page *pg, const struct config *s)
{
	page_anchor_headings(pg, s);
	pg->html = task_marks(render(pg, pg->doc, s));
	cmark_node_free(pg->doc);
	cmark_parser_free(pg->parser);
	free(pg->md);
	pg->doc = NULL;
	pg->parser = NULL;
	pg->md = NULL;
}

int
content_render(struct content *c, const struct config *s,
    content_site_fn site, const void *arg, struct diag *d)
{
	struct page *pg;
	size_t i;
	int ok = 1;

	for (i = 0; i < c->npages; i++)
		page_headings(&c->pages[i], d);
	for (i = 0; i < c->nnarratives; i++)
		page_headings(&c->narratives[i].pg, d);
	for (i = 0; i < c->npages; i++)
		ok &= page_links(c, &c->pages[i], 0, s, site, arg, d);
	for (i = 0; i < c->nnarratives; i++) {
		pg = &c->narratives[i].pg;
		ok &= page_links(c, pg, 1, s, site, arg, d);
		page_render(pg, s);
	}
	for (i = 0; i < c->npages; i++)
		page_render(&c->pages[i], s);
	return ok;
}
