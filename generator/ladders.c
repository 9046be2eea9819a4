/*
 * ladders.c: career ladder diagrams.  The steps of one or more ladders
 * become a DOT graph, libgvc lays it out with dot and renders SVG, and the
 * SVG is made fit to sit inside an HTML page: no prolog, ids prefixed,
 * role="img" with a <title> and <desc>, links out of the tab order.
 *
 * The page under every diagram carries the same ladder as text with real
 * links, so the diagram is a picture for the eye and the mouse; the text
 * is what a keyboard, a screen reader or a search reaches.
 *
 * The same drawing serves one employee's way up (ladders_path_svg, for
 * the packets), and the legend beside each diagram is made from the same
 * table as its nodes, so the words and the picture agree.
 *
 * Graphviz keeps global state (its error hook, its lexer): everything
 * here runs on one thread, through one context made by ladders_new().
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <graphviz/gvc.h>

#include "extern.h"

/*
 * Fonts: Liberation Sans is metric-compatible with Arial and Helvetica,
 * so the boxes Graphviz sizes with it (through pango and fontconfig) fit
 * the text a browser draws with Arial on a machine without Liberation.
 * The list is written as it stands into the SVG's font-family.
 */
#define FONT		"Liberation Sans,Arial,sans-serif"

/* Title names wrap to lines of at most this many characters. */
#define WRAP		22

struct ladders {
	GVC_t	*gvc;		/* Graphviz: gv_ctx, not owned */
};

/*
 * The one Graphviz context of the process, made by the first
 * ladders_new() and kept until the process ends.  gvFreeContext() frees
 * the font names of its text layouts, but the pango plugin, loaded once
 * per process, keeps a pointer to the last name it laid out and compares
 * the next with it: a context made after another was freed reads freed
 * memory (ASan: a build draws the packets' ways up, then the site's
 * ladders).  Kept, the context stays reachable and nothing dangles; a
 * file-level variable, as Graphviz's own state is process-wide.
 */
static GVC_t *gv_ctx;

/*
 * Graphviz's messages since the diagram began.  cgraph's error hook is
 * process-wide and takes no argument, so its sink must be a file-level
 * variable; ladders_svg() resets it and reads it on failure, and
 * ladders_free() releases it.
 */
static struct buf gv_log;

/*
 * Catches everything Graphviz would print (warnings such as a missing
 * font included), so a build's output stays clean; the text is shown only
 * when a diagram fails.
 */
static int
gv_err(char *msg)
{
	if (gv_log.len < 4096)
		buf_puts(&gv_log, msg);
	return 0;
}

struct ladders *
ladders_new(void)
{
	struct ladders *l;

	/* The hook first: making the context may say something. */
	agseterr(AGWARN);
	agseterrf(gv_err);
	if (gv_ctx == NULL && (gv_ctx = gvContext()) == NULL)
		return NULL;
	l = xcalloc(1, sizeof(*l));
	l->gvc = gv_ctx;
	return l;
}

void
ladders_free(struct ladders *l)
{
	if (l == NULL)
		return;
	free(l);
	agseterrf(NULL);
	buf_free(&gv_log);
}

/* ---- the graph as DOT ---------------------------------------------------- */

/* The way up, in words. */
static const char *
via_words(enum via v)
{
	switch (v) {
	case VIA_TRANSFER:
		return "transfer";
	case VIA_EXAM:
		return "exam";
	case VIA_DEGREE:
		return "degree";
	case VIA_TRAINING_DEVELOPMENT:
		return "training & development";
	case VIA_PROMOTION:
		return "promotion";
	}
	return "";
}

/*
 * What a node is, told twice, never by colour: by its outline and by the
 * words on a last line under its name.  Everything is black on white and
 * prints in black and white.  The category wins over the kind; a title
 * with neither has a dashed outline and no words.  The legend beside a
 * diagram (ladders_legend) is made from this table, so the two agree.
 */
enum key {
	KEY_LPEL,
	KEY_BRIDGING,
	KEY_ELTPA,
	KEY_CERTIFICATE,
	KEY_CREDENTIAL,
	KEY_DUAL,
	KEY_OTHER,
	KEY__MAX
};

static const struct {
	const char *dot;	/* the node's DOT attributes */
	const char *word;	/* its last line, or "" */
	const char *outline;	/* the outline, for the legend */
	const char *meaning;	/* what it says, for the legend */
} keys[KEY__MAX] = {
	[KEY_LPEL] = { "shape=\"box\"", "LPEL", "A rectangle",
	    "a low-paying entry-level class, where people start" },
	/* CA "Bridging Classifications": made to bridge LPEL classes to
	 * ELTPA ones, and named as such. */
	[KEY_BRIDGING] = { "shape=\"hexagon\", margin=\"0.02,0.02\"",
	    "bridging class", "A hexagon", "a bridging class, made to lead "
	    "from entry-level work to a technical, professional or "
	    "administrative class" },
	[KEY_ELTPA] = { "shape=\"ellipse\", margin=\"0.02,0.02\"", "ELTPA",
	    "An oval", "an entry-level technical, professional or "
	    "administrative class, where the program leads" },
	[KEY_CERTIFICATE] = { "shape=\"box\", style=\"rounded\"",
	    "certificate title", "A rounded box",
	    "a title earned by passing a proficiency exam" },
	[KEY_CREDENTIAL] = { "shape=\"box\", style=\"rounded\"",
	    "credential title", "A rounded box",
	    "a title earned by a degree or license" },
	[KEY_DUAL] = { "shape=\"box\", style=\"rounded\"", "dual title",
	    "A rounded box", "a title earned either by a "
	    "proficiency exam or by a degree or license" },
	[KEY_OTHER] = { "shape=\"box\", style=\"dashed\"", "",
	    "A dashed box", "a class in no category that is not a target "
	    "title" },
};

static enum key
title_key(const struct title *t)
{
	switch (t->category) {
	case CAT_LPEL:
		return KEY_LPEL;
	case CAT_BRIDGING:
		return KEY_BRIDGING;
	case CAT_ELTPA:
		return KEY_ELTPA;
	case CAT_NONE:
		break;
	}
	switch (t->kind) {
	case KIND_CERTIFICATE:
		return KEY_CERTIFICATE;
	case KIND_CREDENTIAL:
		return KEY_CREDENTIAL;
	case KIND_DUAL:
		return KEY_DUAL;
	case KIND_NONE:
		break;
	}
	return KEY_OTHER;
}

/* The last line of a node: its category, else its kind, else none. */
static const char *
title_words(const struct title *t)
{
	return keys[title_key(t)].word;
}

/*
 * A DOT quoted string for a URL: url_rel() percent-encodes quotes and
 * backslashes, so this only guards the quoting.
 */
static void
dot_quoted(struct buf *b, const char *s)
{
	buf_putc(b, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			buf_putc(b, '\\');
		buf_putc(b, (unsigned char)*s < 0x20 ? ' ' : *s);
	}
	buf_putc(b, '"');
}

/*
 * Text inside a quoted label.  The lexer takes \" for a quote; Graphviz
 * then substitutes \N, \G and the like, breaks lines at \n, \l and \r,
 * drops the backslash of any other pair, and turns entities such as
 * &lt; into characters.  So a backslash is doubled and & written &amp;,
 * and the text comes out as written (tried: "\\N &amp;amp;" draws
 * \N &amp;).  Control characters become spaces.
 */
static void
dot_text(struct buf *b, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		switch (s[i]) {
		case '&':
			BUF_LIT(b, "&amp;");
			break;
		case '"':
			BUF_LIT(b, "\\\"");
			break;
		case '\\':
			BUF_LIT(b, "\\\\");
			break;
		default:
			buf_putc(b, (unsigned char)s[i] < 0x20 ? ' ' : s[i]);
			break;
		}
}

/* Characters (not bytes) of UTF-8 text, for wrapping. */
static size_t
utf8_width(const char *s, size_t n)
{
	size_t i, w = 0;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			w++;
	return w;
}

/*
 * A title's name wrapped at spaces into lines of at most WRAP characters
 * (a longer word keeps a line to itself), so long names make taller
 * rather than wider nodes and a ladder stays readable when scaled down.
 * Returns the number of lines.
 */
static size_t
dot_name(struct buf *b, const char *name)
{
	const char *p = name, *line, *brk = NULL, *q;
	size_t lines = 1;

	while (*p == ' ')
		p++;
	line = p;
	for (;;) {
		for (q = p; *q != ' ' && *q != '\0'; q++)
			continue;
		if (utf8_width(line, (size_t)(q - line)) > WRAP &&
		    brk != NULL) {
			dot_text(b, line, (size_t)(brk - line));
			BUF_LIT(b, "\\n");
			lines++;
			line = brk + 1;
			brk = NULL;
			continue;
		}
		if (*q == '\0')
			break;
		brk = q;
		p = q + 1;
	}
	dot_text(b, line, strlen(line));
	return lines;
}

/*
 * One node: the name, its category in words on a last line, its shape
 * and, when from is not NULL, its link.  Plain labels, not HTML-like
 * ones: Graphviz 2.43 leaks memory on every HTML-like label it lays out
 * (its HTML parser, and pango markup for <FONT> and <I>), while plain
 * labels leak nothing per diagram.  svg_category_line() finds the
 * category's line in the SVG to set it smaller and in italics.
 * Returns the name's number of lines.
 */
static size_t
dot_node(struct buf *b, size_t n, const struct title *t, const char *from)
{
	struct buf url = {0}, path = {0};
	const char *words = title_words(t);
	size_t lines;

	buf_printf(b, "n%zu [id=\"n%zu\", %s, label=\"", n, n,
	    keys[title_key(t)].dot);
	lines = dot_name(b, t->name);
	if (*words != '\0') {
		BUF_LIT(b, "\\n");
		dot_text(b, words, strlen(words));
	}
	BUF_LIT(b, "\"");
	if (from != NULL) {
		buf_printf(&path, "titles/%s.html", t->code);
		url_rel(&url, from, path.data);
		BUF_LIT(b, ", URL=");
		dot_quoted(b, url.data);
	}
	BUF_LIT(b, "];\n");
	buf_free(&url);
	buf_free(&path);
	return lines;
}

/*
 * The nodes of a diagram: catalog title index -> node number, in order of
 * first appearance in the steps, so the DOT (and with it the layout and
 * the bytes) depends only on the ladders' rows.
 */
struct nodes {
	size_t	*of;		/* catalog.ntitles entries; SIZE_MAX: none */
	size_t	*title;		/* node number -> catalog title index */
	size_t	*lines;		/* node number -> lines of its name */
	size_t	 n;		/* nodes so far */
};

static void
nodes_add(struct nodes *ns, size_t t)
{
	if (ns->of[t] != SIZE_MAX)
		return;
	ns->of[t] = ns->n;
	ns->title[ns->n++] = t;
}

/* 1 when an earlier step of the diagram draws the same arrow. */
static int
step_seen(const struct ladder *const *lds, size_t l, size_t k)
{
	const struct ladder_step *s = &lds[l]->steps[k], *o;
	size_t i, j;

	for (i = 0; i <= l; i++)
		for (j = 0; j < (i == l ? k : lds[i]->nsteps); j++) {
			o = &lds[i]->steps[j];
			if (o->from == s->from && o->to == s->to &&
			    o->via == s->via)
				return 1;
		}
	return 0;
}

/* The nodes of the steps, in order of first appearance. */
static void
nodes_collect(struct nodes *ns, size_t ntitles,
    const struct ladder *const *lds, size_t nlds)
{
	size_t l, k;

	ns->of = xreallocarray(NULL, ntitles + 1, sizeof(size_t));
	ns->title = xreallocarray(NULL, ntitles + 1, sizeof(size_t));
	ns->lines = xcalloc(ntitles + 1, sizeof(size_t));
	ns->n = 0;
	for (k = 0; k < ntitles; k++)
		ns->of[k] = SIZE_MAX;
	for (l = 0; l < nlds; l++)
		for (k = 0; k < lds[l]->nsteps; k++) {
			nodes_add(ns, lds[l]->steps[k].from);
			nodes_add(ns, lds[l]->steps[k].to);
		}
}

/*
 * The DOT of the steps: one node per title, one edge per distinct step
 * (a lattice of several ladders draws a shared step once), ranks running
 * in direction dir ("TB" or "LR").
 */
static void
dot_graph(struct buf *b, const struct catalog *c,
    const struct ladder *const *lds, size_t nlds, const char *from,
    struct nodes *ns, const char *dir)
{
	const struct ladder_step *s;
	size_t l, k, i;

	buf_printf(b, "digraph \"ladder\" {\n"
	    "graph [rankdir=\"%s\", nodesep=\"0.3\", ranksep=\"0.45\", "
	    "pad=\"0.1\", bgcolor=\"white\", fontname=\"" FONT "\"];\n"
	    "node [fontname=\"" FONT "\", fontsize=\"12\", "
	    "color=\"black\", fontcolor=\"black\", penwidth=\"1.2\", "
	    "margin=\"0.14,0.08\"];\n"
	    "edge [fontname=\"" FONT "\", fontsize=\"10\", "
	    "color=\"black\", fontcolor=\"black\", arrowsize=\"0.8\"];\n",
	    dir);
	for (i = 0; i < ns->n; i++)
		ns->lines[i] = dot_node(b, i, &c->titles[ns->title[i]], from);
	for (l = 0; l < nlds; l++)
		for (k = 0; k < lds[l]->nsteps; k++) {
			if (step_seen(lds, l, k))
				continue;
			s = &lds[l]->steps[k];
			/* No-break spaces (U+00A0) either side keep the
			 * words off the line they sit beside. */
			buf_printf(b, "n%zu -> n%zu [label=\"\302\240",
			    ns->of[s->from], ns->of[s->to]);
			dot_text(b, via_words(s->via),
			    strlen(via_words(s->via)));
			BUF_LIT(b, "\302\240\"];\n");
		}
	BUF_LIT(b, "}\n");
}

/* ---- the SVG for an HTML page ------------------------------------------- */

/*
 * Rewriting Graphviz's SVG.  Graphviz writes regular markup: start tags
 * with double-quoted attributes, comments, and <title> elements with no
 * attributes; that is all this reader knows.
 */
struct svgfix {
	struct buf		*out;
	const char		*id;	/* prefix of every id; NULL: no ids */
	const char		*cls;	/* the root's class attribute */
	const struct catalog	*c;
	const struct nodes	*ns;
	size_t			 node;	/* node being copied; SIZE_MAX: none */
	size_t			 text;	/* its <text> lines so far */
};

/* The elements the rewriting treats apart. */
enum svgtag {
	TAG_OTHER,
	TAG_G,		/* a group: graph, node, edge, or a link's */
	TAG_A,		/* a node's link */
	TAG_TEXT	/* one line of a label */
};

/* The first s in [p, p + n), or NULL (memmem is not in C11 or POSIX). */
static const char *
mem_find(const char *p, size_t n, const char *s)
{
	size_t sn = strlen(s);
	const char *q;

	while (n >= sn && (q = memchr(p, s[0], n - sn + 1)) != NULL) {
		if (memcmp(q, s, sn) == 0)
			return q;
		n -= (size_t)(q - p) + 1;
		p = q + 1;
	}
	return NULL;
}

/* An id, or a reference to one, with the diagram's prefix. */
static void
svg_id(struct svgfix *f, const char *v, size_t n)
{
	if (f->id != NULL) {
		esc_html(f->out, f->id, strlen(f->id));
		buf_putc(f->out, '-');
	}
	buf_put(f->out, v, n);
}

/* An attribute value (still escaped as Graphviz wrote it). */
static void
svg_value(struct svgfix *f, const char *name, size_t nn, const char *v,
    size_t n)
{
	const char *u;

	if (nn == 2 && memcmp(name, "id", 2) == 0) {
		svg_id(f, v, n);
		return;
	}
	if (n > 0 && v[0] == '#' && ((nn == 4 && memcmp(name, "href", 4) ==
	    0) || (nn == 10 && memcmp(name, "xlink:href", 10) == 0))) {
		buf_putc(f->out, '#');
		svg_id(f, v + 1, n - 1);
		return;
	}
	/* fill="url(#l_1)" and the like, for gradients. */
	while ((u = mem_find(v, n, "url(#")) != NULL) {
		buf_put(f->out, v, (size_t)(u - v) + 5);
		n -= (size_t)(u - v) + 5;
		v = u + 5;
		svg_id(f, "", 0);
	}
	buf_put(f->out, v, n);
}

/*
 * Which node a group opens, from the id the DOT gave it ("n3"): the
 * node's link and label lines follow.  Its link's group ("a_n3") stays
 * in it; any other group (an edge) leaves it.
 */
static void
svg_group(struct svgfix *f, const char *v, size_t n)
{
	char *end;
	unsigned long long k;

	if (n >= 2 && v[0] == 'a' && v[1] == '_')
		return;
	f->node = SIZE_MAX;
	if (n < 2 || v[0] != 'n' || v[1] < '0' || v[1] > '9')
		return;
	k = strtoull(v + 1, &end, 10);
	if (end == v + n && k < f->ns->n) {
		f->node = (size_t)k;
		f->text = 0;
	}
}

/*
 * 1 when this <text> is the category line of its node: the line after
 * the name's.  The label was laid out with every line at 12 points; the
 * category drawn at 10 and in italics stands apart from the name.
 */
static int
svg_category_line(struct svgfix *f)
{
	const struct title *t;

	if (f->node == SIZE_MAX)
		return 0;
	t = &f->c->titles[f->ns->title[f->node]];
	return f->text++ == f->ns->lines[f->node] && *title_words(t) != '\0';
}

/*
 * One attribute of a tag, rewritten.  A link's xlink:title goes: Graphviz
 * made it from the label, with the name's line breaks; svg_link() writes
 * a <title> from the catalog instead.
 */
static void
svg_attr_out(struct svgfix *f, enum svgtag tag, int category,
    const char *name, size_t nn, const char *v, size_t n)
{
	if (tag == TAG_A && ((nn == 11 && memcmp(name, "xlink:title", 11) ==
	    0) || (nn == 12 && memcmp(name, "xlink:target", 12) == 0)))
		return;
	if (tag == TAG_G && nn == 2 && memcmp(name, "id", 2) == 0)
		svg_group(f, v, n);
	if (f->id == NULL && nn == 2 && memcmp(name, "id", 2) == 0)
		return;
	buf_putc(f->out, ' ');
	buf_put(f->out, name, nn);
	BUF_LIT(f->out, "=\"");
	if (category && nn == 9 && memcmp(name, "font-size", 9) == 0)
		BUF_LIT(f->out, "10.00\" font-style=\"italic");
	else
		svg_value(f, name, nn, v, n);
	buf_putc(f->out, '"');
}

/*
 * After a node's <a ...>: its title's name, the tooltip a mouse shows.
 *
 * role="img" makes everything inside the SVG presentational for
 * assistive technology, yet a link in it stays focusable: a keyboard
 * user would land on links a screen reader cannot name.  So each link
 * leaves the tab order (tabindex="-1") and the accessibility tree
 * (aria-hidden="true"; with tabindex="-1" that passes axe's
 * aria-hidden-focus).  The mouse still follows them; the text version
 * under the diagram holds the same links for the keyboard and screen
 * readers.  The links keep Graphviz's xlink:href: axe takes an <a> with
 * a plain href for a link and fails the SVG on nested-interactive even
 * with both attributes above (tried), while Chromium follows either.
 */
static void
svg_link(struct svgfix *f)
{
	const struct title *t;

	if (f->node == SIZE_MAX)
		return;
	t = &f->c->titles[f->ns->title[f->node]];
	BUF_LIT(f->out, "\n<title>");
	esc_html(f->out, t->name, strlen(t->name));
	BUF_LIT(f->out, "</title>");
}

static enum svgtag
svg_tagname(const char *tag, size_t tn)
{
	if (tn == 1 && tag[0] == 'g')
		return TAG_G;
	if (tn == 1 && tag[0] == 'a')
		return TAG_A;
	if (tn == 4 && memcmp(tag, "text", 4) == 0)
		return TAG_TEXT;
	return TAG_OTHER;
}

/*
 * One start tag at *pp (after its '<'): copied with its attributes
 * rewritten; *pp moves past its '>'.  0 when the tag does not end.
 */
static int
svg_tag(struct svgfix *f, const char **pp, const char *end)
{
	const char *p = *pp, *name, *v;
	enum svgtag tag;
	size_t nn;
	int category = 0;
	char q;

	for (name = p; p < end && strchr(" \t\r\n/>", *p) == NULL; p++)
		continue;
	buf_putc(f->out, '<');
	buf_put(f->out, name, (size_t)(p - name));
	tag = svg_tagname(name, (size_t)(p - name));
	if (tag == TAG_TEXT)
		category = svg_category_line(f);
	for (;;) {
		while (p < end && strchr(" \t\r\n", *p) != NULL)
			p++;
		if (p >= end)
			return 0;
		if (*p == '>' || *p == '/')
			break;
		for (name = p; p < end && strchr(" \t\r\n=/>", *p) == NULL; p++)
			continue;
		nn = (size_t)(p - name);
		if (end - p < 2 || *p != '=' || (p[1] != '"' && p[1] != '\''))
			return 0;
		q = p[1];
		v = p + 2;
		if ((p = memchr(v, q, (size_t)(end - v))) == NULL)
			return 0;
		svg_attr_out(f, tag, category, name, nn, v, (size_t)(p - v));
		p++;
	}
	if (tag == TAG_A)
		BUF_LIT(f->out, " tabindex=\"-1\" aria-hidden=\"true\"");
	if (*p == '/') {
		buf_putc(f->out, '/');
		p++;
	}
	if (p >= end || *p != '>')
		return 0;
	buf_putc(f->out, '>');
	*pp = p + 1;
	if (tag == TAG_A)
		svg_link(f);
	return 1;
}

/* Skips from p past the first stop and one newline after it. */
static const char *
svg_skip(const char *p, const char *end, const char *stop)
{
	const char *s;

	if ((s = mem_find(p, (size_t)(end - p), stop)) == NULL)
		return NULL;
	s += strlen(stop);
	if (s < end && *s == '\n')
		s++;
	return s;
}

/*
 * Everything after the root <svg> tag: comments and Graphviz's <title>s
 * (node names like "n3", and "n3->n4" for edges: noise for a screen
 * reader and for a hovering mouse) go; ids and links to them get the
 * prefix; links leave the tab order.
 */
static int
svg_body(struct svgfix *f, const char *p, const char *end)
{
	const char *lt;

	while (p < end) {
		if ((lt = memchr(p, '<', (size_t)(end - p))) == NULL)
			lt = end;
		buf_put(f->out, p, (size_t)(lt - p));
		if ((p = lt) == end)
			break;
		if (end - p >= 4 && memcmp(p, "<!--", 4) == 0)
			p = svg_skip(p, end, "-->");
		else if (end - p >= 7 && memcmp(p, "<title>", 7) == 0)
			p = svg_skip(p, end, "</title>");
		else if (end - p >= 2 && p[1] == '/') {
			if ((lt = memchr(p, '>', (size_t)(end - p))) == NULL)
				return 0;
			buf_put(f->out, p, (size_t)(lt + 1 - p));
			p = lt + 1;
		} else {
			p++;
			if (!svg_tag(f, &p, end))
				return 0;
		}
		if (p == NULL)
			return 0;
	}
	return 1;
}

/* The value of attribute name in the tag [p, end), or NULL. */
static const char *
svg_attr(const char *p, const char *end, const char *name, size_t *n)
{
	const char *v, *q;
	size_t nn = strlen(name);

	for (; (p = mem_find(p, (size_t)(end - p), name)) != NULL; p += nn) {
		if (p[-1] != ' ' && p[-1] != '\n')
			continue;
		if (end - p < (ptrdiff_t)nn + 2 || p[nn] != '=' ||
		    p[nn + 1] != '"')
			continue;
		v = p + nn + 2;
		if ((q = memchr(v, '"', (size_t)(end - v))) == NULL)
			return NULL;
		*n = (size_t)(q - v);
		return v;
	}
	return NULL;
}

/*
 * The root's name and description, and the end of its tag.  With ids,
 * aria-labelledby names the <title> and <desc>.  Without (a diagram whose
 * bytes are repeated on one page), aria-label carries the name and the
 * <desc> child the description (SVG-AAM: the accessible description of
 * an element with no aria-describedby).
 */
static void
svg_label(struct svgfix *f, const char *title, const char *desc)
{
	int has_desc = desc != NULL && *desc != '\0';

	if (f->id != NULL) {
		BUF_LIT(f->out, " aria-labelledby=\"");
		svg_id(f, "title", 5);
		if (has_desc) {
			buf_putc(f->out, ' ');
			svg_id(f, "desc", 4);
		}
		BUF_LIT(f->out, "\">\n<title id=\"");
		svg_id(f, "title", 5);
		BUF_LIT(f->out, "\">");
	} else {
		BUF_LIT(f->out, " aria-label=\"");
		esc_html(f->out, title, strlen(title));
		BUF_LIT(f->out, "\">\n<title>");
	}
	esc_html(f->out, title, strlen(title));
	BUF_LIT(f->out, "</title>");
	if (!has_desc)
		return;
	BUF_LIT(f->out, "<desc");
	if (f->id != NULL) {
		BUF_LIT(f->out, " id=\"");
		svg_id(f, "desc", 4);
		buf_putc(f->out, '"');
	}
	buf_putc(f->out, '>');
	esc_html(f->out, desc, strlen(desc));
	BUF_LIT(f->out, "</desc>");
}

/*
 * The root: the XML prolog, DOCTYPE and generator comments before it
 * go.  The width stays, in CSS pixels, as the diagram's natural size,
 * and the height goes, so the viewBox's aspect ratio sets it: with
 * max-width: 100% in the page's CSS a wide diagram shrinks to the column
 * (and a print rule can cap its height), while a ladder of two titles is
 * not blown up to the column's width.
 */
static int
svg_root(struct svgfix *f, const char *svg, size_t len, const char *title,
    const char *desc)
{
	const char *p, *end = svg + len, *tend, *vb, *w;
	size_t vbn, wn;
	double pt;

	if ((p = mem_find(svg, len, "<svg")) == NULL ||
	    (tend = memchr(p, '>', (size_t)(end - p))) == NULL)
		return 0;
	if ((vb = svg_attr(p, tend, "viewBox", &vbn)) == NULL ||
	    (w = svg_attr(p, tend, "width", &wn)) == NULL)
		return 0;
	pt = strtod(w, NULL);
	BUF_LIT(f->out, "<svg class=\"");
	esc_html(f->out, f->cls, strlen(f->cls));
	buf_printf(f->out, "\" role=\"img\" width=\"%.0f\" viewBox=\"",
	    pt * 4 / 3);
	buf_put(f->out, vb, vbn);
	BUF_LIT(f->out, "\" xmlns=\"http://www.w3.org/2000/svg\" "
	    "xmlns:xlink=\"http://www.w3.org/1999/xlink\"");
	svg_label(f, title, desc);
	return svg_body(f, tend + 1, end);
}

/* ---- the diagram --------------------------------------------------------- */

/* Graphviz's messages on one line, for a diagnostic. */
static const char *
gv_message(void)
{
	size_t i;

	if (gv_log.len == 0)
		return "no message from Graphviz";
	for (i = 0; i < gv_log.len; i++)
		if (gv_log.data[i] == '\n' || gv_log.data[i] == '\t')
			gv_log.data[i] = ' ';
	while (gv_log.len > 0 && gv_log.data[gv_log.len - 1] == ' ')
		gv_log.data[--gv_log.len] = '\0';
	return gv_log.data;
}

/*
 * Lays out and renders the steps with ranks running dir; the SVG, NUL-
 * terminated, in *svg for the caller to free.  0 on failure (reported).
 */
static int
gv_render(struct ladders *l, const struct catalog *c,
    const struct ladder *const *lds, size_t nlds, const char *from,
    struct nodes *ns, const char *dir, char **svg, const char *title,
    struct diag *d)
{
	struct buf dot = {0};
	Agraph_t *g;
	char *data = NULL;
	unsigned int len = 0;
	int rc = 0;

	*svg = NULL;
	buf_reset(&gv_log);
	dot_graph(&dot, c, lds, nlds, from, ns, dir);
	g = agmemread(dot.data);
	buf_free(&dot);
	if (g == NULL) {
		diag_msg(d, DIAG_ERROR, "ladder diagram '%s': Graphviz "
		    "cannot read the graph: %s", title, gv_message());
		return 0;
	}
	if (gvLayout(l->gvc, g, "dot") != 0)
		diag_msg(d, DIAG_ERROR, "ladder diagram '%s': Graphviz "
		    "cannot lay it out: %s", title, gv_message());
	else {
		if (gvRenderData(l->gvc, g, "svg", &data, &len) != 0 ||
		    data == NULL)
			diag_msg(d, DIAG_ERROR, "ladder diagram '%s': Graphviz "
			    "cannot render it: %s", title, gv_message());
		else {
			*svg = xstrndup(data, len);
			rc = 1;
		}
		if (data != NULL)
			gvFreeRenderData(data);
		gvFreeLayout(l->gvc, g);
	}
	agclose(g);
	return rc;
}

/*
 * How far a rendered diagram must shrink to fit a printed page (US
 * Letter less margins and a heading: 7.5 by 9.5 inches, in points); 1
 * when it fits as drawn.  0 when the size cannot be read.
 */
static double
svg_fit(const char *svg)
{
	const char *p, *end, *ws, *hs;
	size_t n;
	double w, h, fit = 1;

	if ((p = strstr(svg, "<svg")) == NULL ||
	    (end = strchr(p, '>')) == NULL ||
	    (ws = svg_attr(p, end, "width", &n)) == NULL ||
	    (hs = svg_attr(p, end, "height", &n)) == NULL)
		return 0;
	w = strtod(ws, NULL);
	h = strtod(hs, NULL);
	if (w > 540)
		fit = 540 / w;
	if (h > 684 && 684 / h < fit)
		fit = 684 / h;
	return fit;
}

/*
 * Top to bottom first: titles are wider than tall, so ranks of them side
 * by side suit a page's width, and the entry level sits at the top where
 * reading begins (tried: left to right, a ladder of four ranks was
 * already wider than a page column and its text shrank).  When that does
 * not fit a page as drawn, as with a lattice of many entry classes side
 * by side, left to right is tried, and kept when it must shrink clearly
 * less.  A long single ladder stays top to bottom: it scrolls.
 */
static int
gv_diagram(struct ladders *l, const struct catalog *c,
    const struct ladder *const *lds, size_t nlds, const char *from,
    struct nodes *ns, char **svg, const char *title, struct diag *d)
{
	char *lr;
	double fit;

	if (!gv_render(l, c, lds, nlds, from, ns, "TB", svg, title, d))
		return 0;
	if ((fit = svg_fit(*svg)) >= 1)
		return 1;
	if (!gv_render(l, c, lds, nlds, from, ns, "LR", &lr, title, d)) {
		free(*svg);
		*svg = NULL;
		return 0;
	}
	if (svg_fit(lr) > fit * 1.25) {
		free(*svg);
		*svg = lr;
	} else
		free(lr);
	return 1;
}

/* A diagram of the steps of the ladders, with the root's class cls. */
static int
diagram(struct ladders *l, const struct catalog *c,
    const struct ladder *const *lds, size_t nlds, const char *from,
    const char *id, const char *cls, const char *title, const char *desc,
    struct buf *out, struct diag *d)
{
	struct nodes ns;
	struct svgfix f;
	char *svg = NULL;
	size_t mark = out->len;
	int rc = 0;

	if (title == NULL)
		title = "";
	nodes_collect(&ns, c->ntitles, lds, nlds);
	if (!gv_diagram(l, c, lds, nlds, from, &ns, &svg, title, d))
		goto out;
	f.out = out;
	f.id = id;
	f.cls = cls;
	f.c = c;
	f.ns = &ns;
	f.node = SIZE_MAX;
	f.text = 0;
	if (!svg_root(&f, svg, strlen(svg), title, desc)) {
		out->len = mark;
		if (out->data != NULL)
			out->data[mark] = '\0';
		diag_msg(d, DIAG_ERROR, "ladder diagram '%s': Graphviz "
		    "wrote SVG this program cannot read", title);
		goto out;
	}
	rc = 1;
out:
	free(svg);
	free(ns.of);
	free(ns.title);
	free(ns.lines);
	return rc;
}

int
ladders_svg(struct ladders *l, const struct catalog *c,
    const struct ladder *const *lds, size_t nlds, const char *from,
    const char *id, const char *title, const char *desc, struct buf *out,
    struct diag *d)
{
	return diagram(l, c, lds, nlds, from, id, "ladder-diagram", title,
	    desc, out, d);
}

/* ---- the legend ---------------------------------------------------------- */

struct tv *
ladders_legend(struct arena *a, const struct catalog *c,
    const struct ladder *const *lds, size_t nlds)
{
	unsigned char on[KEY__MAX] = {0};
	const struct ladder_step *s;
	struct tv *list = tv_list(a), *it;
	size_t i, k;

	for (i = 0; i < nlds; i++)
		for (k = 0; k < lds[i]->nsteps; k++) {
			s = &lds[i]->steps[k];
			on[title_key(&c->titles[s->from])] = 1;
			on[title_key(&c->titles[s->to])] = 1;
		}
	for (k = 0; k < KEY__MAX; k++) {
		if (!on[k])
			continue;
		it = tv_push(a, list, tv_map(a));
		tv_set(a, it, "outline", tv_str(a, keys[k].outline));
		tv_set(a, it, "word", *keys[k].word != '\0' ?
		    tv_str(a, keys[k].word) : tv_null(a));
		tv_set(a, it, "meaning", tv_str(a, keys[k].meaning));
	}
	return list;
}

/* ---- one employee's way up ----------------------------------------------- */

/* The steps of a path as one ladder; the caller frees ld->steps. */
static void
path_ladder(struct ladder *ld, const struct ladder_step *const *steps,
    size_t n)
{
	size_t i;

	ld->name = "path";
	ld->slug = "path";
	ld->steps = xreallocarray(NULL, n + 1, sizeof(*ld->steps));
	for (i = 0; i < n; i++)
		ld->steps[i] = *steps[i];
	ld->nsteps = n;
}

/* A title named in the description: name, code, and what it is. */
static void
desc_title(struct buf *b, const struct title *t)
{
	buf_printf(b, "%s (%s)", t->name, t->code);
	if (title_note(t) != NULL)
		buf_printf(b, ", %s,", title_note(t));
}

/*
 * The description: the whole way in one sentence, so a screen reader
 * user hears what the picture shows before the list beside it.
 */
static char *
path_desc(const struct catalog *c, const struct ladder_step *const *steps,
    size_t n)
{
	struct buf b = {0};
	size_t i;

	buf_printf(&b, "Diagram of the way up in %zu step%s, from ", n,
	    n == 1 ? "" : "s");
	desc_title(&b, &c->titles[steps[0]->from]);
	for (i = 0; i + 1 < n; i++) {
		buf_puts(&b, i == 0 ? " through " : " and ");
		desc_title(&b, &c->titles[steps[i]->to]);
	}
	BUF_LIT(&b, " to ");
	desc_title(&b, &c->titles[steps[n - 1]->to]);
	/* A note at the end leaves a comma before the full stop. */
	if (b.data[b.len - 1] == ',')
		b.len--;
	BUF_LIT(&b, ". Each box is a class, each arrow a step labelled with "
	    "the way to take it. The steps are also listed as text.");
	return buf_detach(&b);
}

int
ladders_path_svg(struct ladders *l, const struct catalog *c,
    const struct ladder_step *const *steps, size_t n, const char *from,
    const char *id, struct buf *out, struct diag *d)
{
	const struct ladder *lds[1];
	struct ladder ld;
	char *title, *desc;
	int rc;

	if (n == 0)
		return 1;
	path_ladder(&ld, steps, n);
	lds[0] = &ld;
	title = xasprintf("The way from %s to %s",
	    c->titles[steps[0]->from].name, c->titles[steps[n - 1]->to].name);
	desc = path_desc(c, steps, n);
	rc = diagram(l, c, lds, 1, from, id, "ladder-diagram path-diagram",
	    title, desc, out, d);
	free(title);
	free(desc);
	free(ld.steps);
	return rc;
}

struct tv *
ladders_path_legend(struct arena *a, const struct catalog *c,
    const struct ladder_step *const *steps, size_t n)
{
	const struct ladder *lds[1];
	struct ladder ld;
	struct tv *v;

	path_ladder(&ld, steps, n);
	lds[0] = &ld;
	v = ladders_legend(a, c, lds, 1);
	free(ld.steps);
	return v;
}
