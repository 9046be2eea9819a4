/*
 * test_ladders.c: career ladder diagrams (ladders.c).  A small catalog
 * built here: every title and step of a ladder is in its SVG, with a
 * relative link per title; the SVG can sit in an HTML page (no prolog,
 * role="img", every id prefixed and unique); names are escaped; the bytes
 * do not change between calls; 200 titles on one ladder still render.
 * One employee's way up (ladders_path_svg): well-formed, one node per
 * class of the path, its own title and description, black on white, no
 * id (its bytes repeat on a page), the same bytes twice.  The legend
 * names what the diagram draws, and only that.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "extern.h"

#define CHAIN	200

/* An edge's label: the Via in words between no-break spaces. */
#define VIA(w)		">\xc2\xa0" w "\xc2\xa0</text>"
/* The attributes ending a node's category line. */
#define CATEGORY	" font-size=\"10.00\" font-style=\"italic\""

/* The catalog: titles sorted by code, as catalog_load() leaves them. */
static struct title titles[7 + CHAIN];
static struct ladder_step office_steps[5], odd_steps[1], chain_steps[CHAIN - 1];
static struct ladder ladders[3];
static struct catalog cat;
static char chain_codes[CHAIN][8], chain_names[CHAIN][32];

static struct ladders *gv;

/*
 * What LeakSanitizer may find that is neither ours nor made per diagram:
 * the plugin list gvContext() reads (Graphviz 2.43 never frees it), and
 * fontconfig's font sets, built once when pango first measures text.
 * More diagrams do not grow them (tried: drawing every diagram of this
 * file once and five times leaks the same 58 kB).
 */
const char	*__lsan_default_suppressions(void);

const char *
__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\nleak:gvconfig\n";
}
static struct diag diag;

enum { OA, OT, MST, SSA, PT, ODD, BT };

static void
title_set(size_t i, const char *code, const char *name, enum title_kind k,
    enum title_cat c)
{
	titles[i].code = (char *)code;
	titles[i].name = (char *)name;
	titles[i].kind = k;
	titles[i].category = c;
	titles[i].src = "content/titles.md";
	titles[i].line = (int)i + 5;
}

static void
step_set(struct ladder_step *s, size_t from, size_t to, enum via v)
{
	s->from = from;
	s->to = to;
	s->via = v;
	s->src = "content/ladders.md";
	s->line = 10;
}

static int
setup(void **state)
{
	size_t i;

	(void)state;
	title_set(OA, "C100", "Office Assistant", KIND_NONE, CAT_LPEL);
	title_set(OT, "C200", "Office Technician (Typing)", KIND_NONE,
	    CAT_LPEL);
	title_set(MST, "C300", "Management Services Technician", KIND_NONE,
	    CAT_BRIDGING);
	title_set(SSA, "C400", "Staff Services Analyst (General)", KIND_NONE,
	    CAT_ELTPA);
	title_set(PT, "C500", "Program Technician II", KIND_CERTIFICATE,
	    CAT_NONE);
	title_set(ODD, "C600", "Odd \"<&>{{x}} \\N &amp; Clerk", KIND_NONE,
	    CAT_NONE);
	title_set(BT, "C700", "Budget Technician I", KIND_NONE, CAT_BRIDGING);
	for (i = 0; i < CHAIN; i++) {
		snprintf(chain_codes[i], sizeof(chain_codes[i]), "K%03zu", i);
		snprintf(chain_names[i], sizeof(chain_names[i]),
		    "Chain Title %zu", i);
		title_set(7 + i, chain_codes[i], chain_names[i], KIND_NONE,
		    (enum title_cat)(i % 4));
	}
	cat.titles = titles;
	cat.ntitles = 7 + CHAIN;

	/* A branch at C200, a lateral transfer there and back (a cycle). */
	step_set(&office_steps[0], OA, OT, VIA_EXAM);
	step_set(&office_steps[1], OT, MST, VIA_TRANSFER);
	step_set(&office_steps[2], MST, OT, VIA_TRANSFER);
	step_set(&office_steps[3], MST, SSA, VIA_EXAM);
	step_set(&office_steps[4], OT, BT, VIA_TRAINING_DEVELOPMENT);
	ladders[0].name = "Office";
	ladders[0].slug = "office";
	ladders[0].steps = office_steps;
	ladders[0].nsteps = 5;

	step_set(&odd_steps[0], ODD, PT, VIA_DEGREE);
	ladders[1].name = "Odd";
	ladders[1].slug = "odd";
	ladders[1].steps = odd_steps;
	ladders[1].nsteps = 1;

	for (i = 0; i + 1 < CHAIN; i++)
		step_set(&chain_steps[i], 7 + i, 8 + i,
		    i % 2 ? VIA_PROMOTION : VIA_EXAM);
	ladders[2].name = "Chain";
	ladders[2].slug = "chain";
	ladders[2].steps = chain_steps;
	ladders[2].nsteps = CHAIN - 1;
	cat.ladders = ladders;
	cat.nladders = 3;

	diag_init(&diag, stderr);
	gv = ladders_new();
	return gv == NULL;
}

static int
teardown(void **state)
{
	(void)state;
	ladders_free(gv);
	ladders_free(NULL);
	return 0;
}

/* The SVG of some ladders, NUL-terminated, for the caller to free. */
static char *
svg_of(size_t first, size_t n, const char *id)
{
	const struct ladder *lds[3];
	struct buf b = {0};
	size_t i;

	for (i = 0; i < n; i++)
		lds[i] = &ladders[first + i];
	assert_true(ladders_svg(gv, &cat, lds, n, "ladders/office.html", id,
	    "Career ladder: Office", "From Office Assistant to Staff "
	    "Services Analyst.", &b, &diag));
	assert_int_equal(diag.errors, 0);
	assert_non_null(b.data);
	return buf_detach(&b);
}

static size_t
count(const char *s, const char *what)
{
	size_t n = 0;

	for (; (s = strstr(s, what)) != NULL; s += strlen(what))
		n++;
	return n;
}

/* Every id="..." starts with the prefix (unless NULL) and appears once. */
static size_t
check_ids(const char *svg, const char *prefix)
{
	char **ids = NULL;
	const char *p, *q;
	size_t n = 0, i, j;

	for (p = svg; (p = strstr(p, " id=\"")) != NULL; p = q) {
		p += 5;
		assert_non_null(q = strchr(p, '"'));
		if (prefix != NULL)
			assert_memory_equal(p, prefix, strlen(prefix));
		ids = realloc(ids, (n + 1) * sizeof(*ids));
		assert_non_null(ids);
		ids[n++] = strndup(p, (size_t)(q - p));
	}
	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++)
			assert_string_not_equal(ids[i], ids[j]);
	for (i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
	/* References to ids carry the prefix too. */
	for (p = svg; prefix != NULL && (p = strstr(p, "href=\"#")) != NULL;
	    p++)
		assert_memory_equal(p + 7, prefix, strlen(prefix));
	for (p = svg; prefix != NULL && (p = strstr(p, "url(#")) != NULL; p++)
		assert_memory_equal(p + 5, prefix, strlen(prefix));
	return n;
}

/* Fit for an HTML page: no prolog, the root's attributes, its names. */
static void
test_inline(void **state)
{
	char *svg = svg_of(0, 1, "office");

	(void)state;
	assert_memory_equal(svg, "<svg ", 5);
	assert_null(strstr(svg, "<?xml"));
	assert_null(strstr(svg, "<!DOCTYPE"));
	assert_null(strstr(svg, "<!--"));
	assert_null(strstr(svg, "height="));
	assert_non_null(strstr(svg, " viewBox=\""));
	assert_non_null(strstr(svg, " role=\"img\""));
	assert_non_null(strstr(svg, " class=\"ladder-diagram\""));
	assert_non_null(strstr(svg,
	    " aria-labelledby=\"office-title office-desc\""));
	assert_non_null(strstr(svg, "\">\n<title id=\"office-title\">"
	    "Career ladder: Office</title><desc id=\"office-desc\">From "
	    "Office Assistant to Staff Services Analyst.</desc>\n"));
	assert_int_equal(count(svg, "<svg"), 1);
	assert_int_equal(count(svg, "</svg>"), 1);
	free(svg);
}

/* Every title a node with its link; every step an edge with its Via. */
static void
test_nodes_edges(void **state)
{
	static const size_t in[] = { OA, OT, MST, SSA, BT };
	char *svg = svg_of(0, 1, "office");
	char want[128];
	size_t i;

	(void)state;
	assert_int_equal(count(svg, "class=\"node\""), 5);
	assert_int_equal(count(svg, "<a "), 5);
	for (i = 0; i < 5; i++) {
		snprintf(want, sizeof(want), "<a xlink:href=\"../titles/"
		    "%s.html\" tabindex=\"-1\" aria-hidden=\"true\">\n"
		    "<title>%s</title>", titles[in[i]].code,
		    titles[in[i]].name);
		assert_int_equal(count(svg, want), 1);
	}
	assert_null(strstr(svg, "titles/C500.html"));
	assert_null(strstr(svg, "xlink:title"));
	/* The category, in words, under the name, smaller and slanted. */
	assert_int_equal(count(svg, CATEGORY ">LPEL</text>"), 2);
	assert_int_equal(count(svg, CATEGORY ">bridging class</text>"), 2);
	assert_int_equal(count(svg, CATEGORY ">ELTPA</text>"), 1);
	assert_int_equal(count(svg, "font-style"), 5);
	/* Names wrap at spaces. */
	assert_non_null(strstr(svg, ">Management Services</text>"));
	assert_non_null(strstr(svg, ">Technician</text>"));

	assert_int_equal(count(svg, "class=\"edge\""), 5);
	assert_int_equal(count(svg, VIA("exam")), 2);
	assert_int_equal(count(svg, VIA("transfer")), 2);
	assert_int_equal(count(svg, VIA("training &amp; development")), 1);
	/* Graphviz's own titles (n0, n0->n1) are gone: one per link, plus
	 * the diagram's. */
	assert_int_equal(count(svg, "<title"), 6);
	assert_int_equal(check_ids(svg, "office-"), 2 + 1 + 5 * 2 + 5);
	free(svg);
}

/* Kinds for titles with no category; quotes, markup, \N kept as text. */
static void
test_one_step_escaped(void **state)
{
	char *svg = svg_of(1, 1, "odd");

	(void)state;
	assert_int_equal(count(svg, "class=\"node\""), 2);
	assert_int_equal(count(svg, "class=\"edge\""), 1);
	assert_non_null(strstr(svg, VIA("degree")));
	assert_non_null(strstr(svg, CATEGORY ">certificate title</text>"));
	/* No category and no kind: no second line. */
	assert_int_equal(count(svg, "font-style"), 1);
	assert_non_null(strstr(svg, "xlink:href=\"../titles/C600.html\""));
	assert_non_null(strstr(svg,
	    ">Odd &quot;&lt;&amp;&gt;{{x}} \\N &amp;amp;</text>"));
	assert_non_null(strstr(svg, "<title>Odd &quot;&lt;&amp;&gt;{{x}} "
	    "\\N &amp;amp; Clerk</title>"));
	assert_null(strstr(svg, "<&"));
	assert_null(strstr(svg, "\"<"));
	check_ids(svg, "odd-");
	free(svg);
}

/* Same inputs, same bytes; another id, other ids. */
static void
test_deterministic(void **state)
{
	char *a = svg_of(0, 2, "all"), *b = svg_of(0, 2, "all");
	char *c = svg_of(0, 1, "first"), *page;

	(void)state;
	assert_string_equal(a, b);
	/* Two diagrams on one page share no id. */
	page = malloc(strlen(a) + strlen(c) + 1);
	assert_non_null(page);
	strcpy(page, a);
	strcat(page, c);
	assert_int_equal(check_ids(page, NULL),
	    check_ids(a, "all-") + check_ids(c, "first-"));
	assert_null(strstr(c, "\"all-"));
	assert_null(strstr(a, "\"first-"));
	free(page);
	free(a);
	free(b);
	free(c);
}

/*
 * A handle made after another was freed draws the same bytes: a build
 * draws the packets' ways up, then the site's ladders.  Under ASan this
 * is where a freed Graphviz context would show (the pango plugin keeps
 * the last font name it laid out).
 */
static void
test_handles(void **state)
{
	char *a = svg_of(0, 1, "first"), *b;

	(void)state;
	ladders_free(gv);
	gv = ladders_new();
	assert_non_null(gv);
	b = svg_of(0, 1, "first");
	assert_string_equal(a, b);
	free(a);
	free(b);
}

/* Several ladders: each title once, a step shared by two drawn once. */
static void
test_lattice(void **state)
{
	const struct ladder *lds[] = { &ladders[0], &ladders[1],
	    &ladders[0] };
	struct buf b = {0};

	(void)state;
	assert_true(ladders_svg(gv, &cat, lds, 3, "ladders/index.html", "all",
	    "All ladders", NULL, &b, &diag));
	assert_int_equal(count(b.data, "class=\"node\""), 7);
	assert_int_equal(count(b.data, "class=\"edge\""), 6);
	assert_non_null(strstr(b.data, "xlink:href=\"../titles/C600.html\""));
	/* No desc: the label is the title alone. */
	assert_null(strstr(b.data, "<desc"));
	assert_non_null(strstr(b.data, "aria-labelledby=\"all-title\""));
	check_ids(b.data, "all-");
	buf_free(&b);
}

/* 200 titles on one ladder lay out and render. */
static void
test_chain(void **state)
{
	char *svg = svg_of(2, 1, "chain");

	(void)state;
	assert_int_equal(count(svg, "class=\"node\""), CHAIN);
	assert_int_equal(count(svg, "class=\"edge\""), CHAIN - 1);
	assert_non_null(strstr(svg, "xlink:href=\"../titles/K000.html\""));
	assert_non_null(strstr(svg, "xlink:href=\"../titles/K199.html\""));
	check_ids(svg, "chain-");
	free(svg);
}

/* A title page links from its own folder. */
static void
test_relative(void **state)
{
	const struct ladder *lds[] = { &ladders[1] };
	struct buf b = {0};

	(void)state;
	assert_true(ladders_svg(gv, &cat, lds, 1, "titles/C600.html", "t",
	    "Odd", "d", &b, &diag));
	assert_non_null(strstr(b.data, "xlink:href=\"C600.html\""));
	assert_non_null(strstr(b.data, "xlink:href=\"C500.html\""));
	buf_free(&b);
	assert_true(ladders_svg(gv, &cat, lds, 1, "index.html", "t",
	    "Odd", "d", &b, &diag));
	assert_non_null(strstr(b.data, "xlink:href=\"titles/C600.html\""));
	buf_free(&b);
}

/* No steps: an empty picture; a step from a title to itself: a loop. */
static void
test_edge_cases(void **state)
{
	struct ladder_step loop;
	struct ladder one = { "Loop", "loop", &loop, 1 };
	const struct ladder *lds[] = { &one };
	struct buf b = {0};

	(void)state;
	assert_true(ladders_svg(gv, &cat, NULL, 0, "ladders/index.html", "e",
	    "None", "", &b, &diag));
	assert_memory_equal(b.data, "<svg ", 5);
	assert_null(strstr(b.data, "class=\"node\""));
	assert_null(strstr(b.data, "<desc"));
	buf_free(&b);

	step_set(&loop, OT, OT, VIA_TRANSFER);
	assert_true(ladders_svg(gv, &cat, lds, 1, "ladders/loop.html", "loop",
	    "Loop", "d", &b, &diag));
	assert_int_equal(count(b.data, "class=\"node\""), 1);
	assert_int_equal(count(b.data, "class=\"edge\""), 1);
	check_ids(b.data, "loop-");
	buf_free(&b);
	assert_int_equal(diag.errors, 0);
}

/*
 * Well-formed markup, the way Graphviz and the rewriting write it: every
 * start tag closed in order, no stray '<' in text, attributes quoted.
 */
static void
check_balanced(const char *svg)
{
	char stack[64][16];
	const char *p = svg, *q, *e;
	size_t top = 0, n;

	while ((p = strchr(p, '<')) != NULL) {
		assert_non_null(e = strchr(p, '>'));
		if (p[1] == '/') {
			assert_true(top > 0);
			top--;
			n = strlen(stack[top]);
			assert_memory_equal(p + 2, stack[top], n);
			assert_int_equal(p[2 + n], '>');
		} else if (e[-1] != '/') {
			for (q = p + 1; *q != ' ' && *q != '>' && *q != '\n';
			    q++)
				continue;
			assert_true(top < 64 && (size_t)(q - p - 1) < 16);
			memcpy(stack[top], p + 1, (size_t)(q - p - 1));
			stack[top++][q - p - 1] = '\0';
		}
		/* No '<' inside a tag: attribute values are escaped. */
		q = strchr(p + 1, '<');
		assert_true(q == NULL || q > e);
		p = e + 1;
	}
	assert_int_equal(top, 0);
}

/*
 * Black on white only: every fill and stroke is black, white, none or
 * transparent, so nothing is told by colour and it prints the same on a
 * black-and-white printer.
 */
static void
check_black_white(const char *svg)
{
	static const char *const attrs[] = { " fill=\"", " stroke=\"" };
	const char *p, *v;
	size_t i;

	for (i = 0; i < 2; i++)
		for (p = svg; (p = strstr(p, attrs[i])) != NULL; p = v) {
			v = p + strlen(attrs[i]);
			assert_true(strncmp(v, "black\"", 6) == 0 ||
			    strncmp(v, "white\"", 6) == 0 ||
			    strncmp(v, "none\"", 5) == 0 ||
			    strncmp(v, "transparent\"", 12) == 0);
		}
}

/* The way up from C100 to C400, from the table of paths. */
static size_t
path_of(struct paths **pp, struct arena *a,
    const struct ladder_step *const **steps)
{
	*pp = paths_new(&cat);
	return paths_career(*pp, "C100", "C400", a, steps);
}

/* One employee's way up, printed in a packet. */
static void
test_path(void **state)
{
	const struct ladder_step *const *steps;
	struct paths *p;
	struct arena a = {0};
	struct buf b = {0}, again = {0};
	size_t n = path_of(&p, &a, &steps);

	(void)state;
	assert_int_equal(n, 3);
	assert_true(ladders_path_svg(gv, &cat, steps, n, NULL, NULL, &b,
	    &diag));
	assert_memory_equal(b.data, "<svg class=\"ladder-diagram "
	    "path-diagram\" role=\"img\" ", 50);
	check_balanced(b.data);
	check_black_white(b.data);
	/* One node per class of the path, one edge per step. */
	assert_int_equal(count(b.data, "class=\"node\""), 4);
	assert_int_equal(count(b.data, "class=\"edge\""), 3);
	assert_non_null(strstr(b.data, ">Office Assistant</text>"));
	assert_non_null(strstr(b.data, ">Staff Services Analyst</text>"));
	assert_null(strstr(b.data, "Budget Technician"));
	assert_int_equal(count(b.data, CATEGORY ">bridging class</text>"), 1);
	assert_int_equal(count(b.data, VIA("exam")), 2);
	assert_int_equal(count(b.data, VIA("transfer")), 1);
	/* Named and described, without ids: the bytes may repeat on a
	 * page of packets. */
	assert_non_null(strstr(b.data, " aria-label=\"The way from Office "
	    "Assistant to Staff Services Analyst (General)\">\n<title>The way "
	    "from Office Assistant to Staff Services Analyst (General)"
	    "</title><desc>Diagram of the way up in 3 steps, from Office "
	    "Assistant (C100) through Office Technician (Typing) (C200) and "
	    "Management Services Technician (C300), a bridging class, to "
	    "Staff Services Analyst (General) (C400). Each box is a class, "
	    "each arrow a step labelled with the way to take it. The steps "
	    "are also listed as text.</desc>\n"));
	assert_int_equal(count(b.data, "<title"), 1);
	assert_null(strstr(b.data, " id=\""));
	assert_null(strstr(b.data, "<a "));
	/* Readable when printed: it fits a page's width (7.5 in, 720 CSS
	 * pixels) as drawn, so its 12-point names are not shrunk. */
	assert_true(strtod(strstr(b.data, " width=\"") + 8, NULL) <= 720);
	/* The same bytes each time. */
	assert_true(ladders_path_svg(gv, &cat, steps, n, NULL, NULL, &again,
	    &diag));
	assert_string_equal(b.data, again.data);
	assert_int_equal(diag.errors, 0);
	buf_free(&b);
	buf_free(&again);
	paths_free(p);
	arena_free(&a);
}

/* With a page and an id: links and prefixed ids, as the ladder pages. */
static void
test_path_linked(void **state)
{
	const struct ladder_step *const *steps;
	struct paths *p;
	struct arena a = {0};
	struct buf b = {0};
	size_t n = path_of(&p, &a, &steps);

	(void)state;
	assert_true(ladders_path_svg(gv, &cat, steps, 1, "packets/E1.html",
	    "way", &b, &diag));
	assert_int_equal(count(b.data, "class=\"node\""), 2);
	assert_non_null(strstr(b.data, "aria-labelledby=\"way-title "
	    "way-desc\""));
	assert_non_null(strstr(b.data, "<desc id=\"way-desc\">Diagram of "
	    "the way up in 1 step, from Office Assistant (C100) to Office "
	    "Technician (Typing) (C200). Each box"));
	assert_non_null(strstr(b.data, "xlink:href=\"../titles/C100.html\""));
	check_ids(b.data, "way-");
	check_balanced(b.data);
	buf_reset(&b);
	/* No steps: nothing. */
	assert_true(ladders_path_svg(gv, &cat, steps, 0, NULL, NULL, &b,
	    &diag));
	assert_int_equal(b.len, 0);
	assert_int_equal(n, 3);
	buf_free(&b);
	paths_free(p);
	arena_free(&a);
}

/* A legend entry as "outline|word|meaning". */
static void
legend_item(struct buf *b, const struct tv *it)
{
	const struct tv *w = tv_get(it, "word");

	buf_printf(b, "%s|%s;", tv_get(it, "outline")->str,
	    w->type == TV_NULL ? "-" : w->str);
}

static char *
legend_str(const struct tv *list)
{
	struct buf b = {0};
	const struct tv_item *it;

	assert_int_equal(list->type, TV_LIST);
	BUF_LIT(&b, "");
	for (it = list->first; it != NULL; it = it->next)
		legend_item(&b, it->val);
	return buf_detach(&b);
}

/* The legend tells what the diagram draws: each outline once, in a fixed
 * order, and nothing it does not draw. */
static void
test_legend(void **state)
{
	const struct ladder *office[] = { &ladders[0] };
	const struct ladder *odd[] = { &ladders[1], &ladders[0] };
	const struct ladder_step *const *steps;
	struct paths *p;
	struct arena a = {0};
	size_t n = path_of(&p, &a, &steps);
	char *got;

	(void)state;
	got = legend_str(ladders_legend(&a, &cat, office, 1));
	assert_string_equal(got, "A rectangle|LPEL;A hexagon|bridging "
	    "class;An oval|ELTPA;");
	free(got);
	got = legend_str(ladders_legend(&a, &cat, odd, 2));
	assert_string_equal(got, "A rectangle|LPEL;A hexagon|bridging "
	    "class;An oval|ELTPA;A rounded box|certificate title;A dashed "
	    "box|-;");
	free(got);
	got = legend_str(ladders_path_legend(&a, &cat, steps, 1));
	assert_string_equal(got, "A rectangle|LPEL;");
	free(got);
	got = legend_str(ladders_path_legend(&a, &cat, steps, n));
	assert_string_equal(got, "A rectangle|LPEL;A hexagon|bridging "
	    "class;An oval|ELTPA;");
	free(got);
	assert_string_equal(tv_get(ladders_legend(&a, &cat, office, 1)->
	    first->next->val, "meaning")->str, "a bridging class, made to lead "
	    "from entry-level work to a technical, professional or "
	    "administrative class");
	assert_int_equal(ladders_legend(&a, &cat, NULL, 0)->len, 0);
	paths_free(p);
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_inline),
		cmocka_unit_test(test_nodes_edges),
		cmocka_unit_test(test_one_step_escaped),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_handles),
		cmocka_unit_test(test_lattice),
		cmocka_unit_test(test_chain),
		cmocka_unit_test(test_relative),
		cmocka_unit_test(test_edge_cases),
		cmocka_unit_test(test_path),
		cmocka_unit_test(test_path_linked),
		cmocka_unit_test(test_legend),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
