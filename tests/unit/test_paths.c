/*
 * test_paths.c: the ways up the ladders (paths.c) on small graphs made
 * here: one step; two routes of equal length (the tie-break on codes);
 * fewer steps before smaller codes; two rows joining the same pair (the
 * first row's Via); a cycle; no route; the target being the current
 * class; unknown codes and classes on no ladder; the first steps in the
 * order of the appendices; the steps in words; and every pair of many
 * random graphs against a search of all paths written the slow way.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "model.h"

#define MAXT	32	/* titles of a test catalog */
#define MAXS	96	/* rows of all its ladders */
#define MAXL	4	/* ladders */

/* A catalog made by a test: titles sorted by code, as catalog_load()
 * leaves them, ladders of rows pointing into them. */
struct cat {
	struct catalog	 c;
	struct title	 titles[MAXT];
	char		 codes[MAXT][16];
	char		 names[MAXT][32];
	struct ladder	 ladders[MAXL];
	struct ladder_step steps[MAXL][MAXS];
	struct arena	 a;
};

static int
code_cmp(const void *x, const void *y)
{
	return strcmp(x, y);
}

/* The titles, from codes separated by spaces in any order; names
 * "Title CODE". */
static void
cat_titles(struct cat *k, const char *codes)
{
	size_t i, n = 0;
	int len;

	memset(k, 0, sizeof(*k));
	while (sscanf(codes, " %15s%n", k->codes[n], &len) == 1) {
		codes += len;
		assert_true(++n < MAXT);
	}
	qsort(k->codes, n, sizeof(k->codes[0]), code_cmp);
	for (i = 0; i < n; i++) {
		snprintf(k->names[i], sizeof(k->names[i]), "Title %s",
		    k->codes[i]);
		k->titles[i].code = k->codes[i];
		k->titles[i].name = k->names[i];
		k->titles[i].src = "content/titles.md";
		k->titles[i].line = (int)i + 3;
	}
	k->c.titles = k->titles;
	k->c.ntitles = n;
}

static size_t
idx(const struct cat *k, const char *code)
{
	const struct title *t = catalog_find(&k->c, code);

	assert_non_null(t);
	return (size_t)(t - k->c.titles);
}

/* A row of ladder l: "FROM TO via". */
static void
cat_row(struct cat *k, size_t l, const char *from, const char *to,
    enum via v)
{
	struct ladder *ld = &k->ladders[l];
	struct ladder_step *s = &k->steps[l][ld->nsteps];

	assert_true(l < MAXL && ld->nsteps < MAXS);
	if (l >= k->c.nladders) {
		k->c.nladders = l + 1;
		k->c.ladders = k->ladders;
	}
	ld->name = "Ladder";
	ld->slug = "ladder";
	ld->steps = k->steps[l];
	s->from = idx(k, from);
	s->to = idx(k, to);
	s->via = v;
	s->src = "content/ladders.md";
	s->line = (int)(l * 100 + ld->nsteps + 1);
	ld->nsteps++;
}

/*
 * Rows from text, as a ladder appendix lists them: "L FROM TO VIA" for
 * ladder L, separated by commas.
 */
static void
cat_rows(struct cat *k, const char *rows)
{
	char l[4], from[16], to[16], via[32];
	const char *p = rows;
	int n, v;

	while (sscanf(p, " %3s %15s %15s %31[a-z_]%n", l, from, to, via,
	    &n) == 4) {
		for (v = 0; v <= VIA_PROMOTION; v++)
			if (strcmp(via_name((enum via)v), via) == 0)
				break;
		assert_true(v <= VIA_PROMOTION);
		cat_row(k, (size_t)atoi(l), from, to, (enum via)v);
		p += n;
		if (*p == ',')
			p++;
	}
	assert_int_equal(*p, '\0');
}

/* The career path as "A>B:exam B>C:transfer", or "" for none. */
static char *
career(const struct cat *k, const struct paths *p, const char *from,
    const char *to, struct arena *a)
{
	const struct ladder_step *const *s;
	struct buf b = {0};
	size_t n, i;

	n = paths_career(p, from, to, a, &s);
	assert_true((n == 0) == (s == NULL));
	BUF_LIT(&b, "");
	for (i = 0; i < n; i++) {
		buf_printf(&b, "%s%s>%s:%s", i ? " " : "",
		    k->c.titles[s[i]->from].code, k->c.titles[s[i]->to].code,
		    via_name(s[i]->via));
		/* A path is connected, from the start to the end. */
		if (i > 0)
			assert_int_equal(s[i - 1]->to, s[i]->from);
	}
	if (n > 0) {
		assert_string_equal(k->c.titles[s[0]->from].code, from);
		assert_string_equal(k->c.titles[s[n - 1]->to].code, to);
	}
	return buf_detach(&b);
}

#define CAREER(k, p, from, to, want) do {				\
	char *got_ = career((k), (p), (from), (to), &(k)->a);		\
	assert_string_equal(got_, (want));				\
	free(got_);							\
} while (0)

/* The first steps as "A>B:exam@LINE ...". */
static char *
firsts(const struct cat *k, const struct paths *p, const char *from)
{
	const struct ladder_step *const *s;
	struct buf b = {0};
	size_t n, i;

	n = paths_first_steps(p, from, &s);
	assert_true((n == 0) == (s == NULL));
	BUF_LIT(&b, "");
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s%s>%s:%s@%d", i ? " " : "",
		    k->c.titles[s[i]->from].code, k->c.titles[s[i]->to].code,
		    via_name(s[i]->via), s[i]->line);
	return buf_detach(&b);
}

#define FIRSTS(k, p, from, want) do {					\
	char *got_ = firsts((k), (p), (from));				\
	assert_string_equal(got_, (want));				\
	free(got_);							\
} while (0)

/* A catalog of these codes and rows (cat_rows), and its table. */
static struct cat *
graph(const char *codes, const char *rows, struct paths **p)
{
	struct cat *k = malloc(sizeof(*k));

	assert_non_null(k);
	cat_titles(k, codes);
	cat_rows(k, rows);
	*p = paths_new(&k->c);
	return k;
}

static void
cat_free(struct cat *k, struct paths *p)
{
	paths_free(p);
	arena_free(&k->a);
	free(k);
}

/*
 * The small graphs: titles, rows ("L FROM TO VIA": ladder L), and what
 * is asked of them: "FROM TO = STEPS" for the career path ("" none),
 * "FROM * = STEPS@LINE" for the first steps.  Rows of ladder L are on
 * lines L * 100 + 1, + 2, ...
 */
struct graph_case {
	const char	*name;
	const char	*codes;
	const char	*rows;
	const char	*want[6];
};

static const struct graph_case cases[] = {
	/* One row: the way there is that row; the way back is none. */
	{ "one_step", "B A", "0 A B exam",
	    { "A B = A>B:exam", "B A = ", "A * = A>B:exam@1", "B * = " } },
	/*
	 * Two routes of two steps from S to T: through M and through K
	 * (rows of M first).  The list of codes S K T comes before S M T.
	 * Deeper: from S to Z through K then Y or X, the second code
	 * decides nothing and the third does.  Codes compare bytewise:
	 * "Q" < "a", "C1" < "C10".
	 */
	{ "tie_break", "S M K T Y X Z a Q E C10 C1 F",
	    "0 S M exam, 0 M T exam, 1 S K transfer, 1 K T promotion, "
	    "1 K Y exam, 1 K X exam, 1 Y Z exam, 1 X Z degree, "
	    "2 E a exam, 2 E Q exam, 2 a F exam, 2 Q F transfer, "
	    "3 E C10 exam, 3 C10 T exam, 3 E C1 exam, 3 C1 T promotion",
	    { "S T = S>K:transfer K>T:promotion",
	    "S Z = S>K:transfer K>X:exam X>Z:degree",
	    "E F = E>Q:exam Q>F:transfer",
	    "E T = E>C1:exam C1>T:promotion" } },
	/* Fewer steps win over smaller codes. */
	{ "fewest_steps", "A B C D Z",
	    "0 A B exam, 0 B C exam, 0 C D exam, "
	    "1 A Z training_development, 1 Z D promotion",
	    { "A D = A>Z:training_development Z>D:promotion",
	    "A C = A>B:exam B>C:exam" } },
	/*
	 * A and B joined by three rows: the path takes the first one
	 * (ladders in order, rows in file order: ladder 0's transfer,
	 * though ladder 1's exam row comes first in the list).  The first
	 * steps list each way once, a row repeated in another ladder
	 * once, a row from a class to itself never.
	 */
	{ "rows_same_pair", "A B C",
	    "1 A B exam, 0 A A transfer, 0 A C exam, 0 A B transfer, "
	    "0 B C exam, 1 A B transfer, 1 A C promotion",
	    { "A B = A>B:transfer", "A C = A>C:exam",
	    "A * = A>C:exam@2 A>B:transfer@3 A>B:exam@101 "
	    "A>C:promotion@103", "B * = B>C:exam@4" } },
	/* A loop (A -> B -> A) on the way: paths take no loop. */
	{ "cycle", "A B C D",
	    "0 A B transfer, 0 B A transfer, 0 B C exam, 0 C D exam, "
	    "0 D B transfer",
	    { "A D = A>B:transfer B>C:exam C>D:exam",
	    "D A = D>B:transfer B>A:transfer",
	    "C A = C>D:exam D>B:transfer B>A:transfer", "B B = " } },
	/* The first steps: ladders in order, each one's rows in file
	 * order. */
	{ "first_steps_order", "A B C D E",
	    "0 A D exam, 0 B C exam, 0 A B transfer, 1 A E degree, "
	    "1 A C promotion, 2 A D exam, 2 A C training_development",
	    { "A * = A>D:exam@1 A>B:transfer@3 A>E:degree@101 "
	    "A>C:promotion@102 A>C:training_development@202" } },
};

/* One of the cases above, handed as the test's state. */
static void
test_case(void **state)
{
	const struct graph_case *gc = *state;
	struct paths *p;
	struct cat *k = graph(gc->codes, gc->rows, &p);
	char from[16], to[16];
	const char *w;
	char *got;
	size_t i;
	int n;

	for (i = 0; i < 6 && (w = gc->want[i]) != NULL; i++) {
		n = -1;
		assert_int_equal(sscanf(w, "%15s %15s = %n", from, to, &n), 2);
		assert_true(n > 0);
		if (strcmp(to, "*") == 0)
			got = firsts(k, p, from);
		else
			got = career(k, p, from, to, &k->a);
		assert_string_equal(got, w + n);
		free(got);
	}
	cat_free(k, p);
}

/*
 * No route: two ladders apart, and a step the wrong way.  The target is
 * the current class.  Unknown codes, a NULL target (no plan), a title
 * on no ladder.  A catalog with no ladder.
 */
static void
test_none(void **state)
{
	struct paths *p;
	struct cat *k = graph("A B C D LONE", "0 A B exam, 1 C D exam", &p);

	(void)state;
	CAREER(k, p, "A", "D", "");
	CAREER(k, p, "B", "A", "");
	CAREER(k, p, "A", "A", "");
	CAREER(k, p, "A", "NOPE", "");
	CAREER(k, p, "NOPE", "B", "");
	CAREER(k, p, "A", "LONE", "");
	CAREER(k, p, "LONE", "A", "");
	CAREER(k, p, "a", "B", "");
	assert_int_equal(paths_career(p, "A", NULL, &k->a,
	    &(const struct ladder_step *const *){ NULL }), 0);
	FIRSTS(k, p, "NOPE", "");
	FIRSTS(k, p, "LONE", "");
	FIRSTS(k, p, "", "");
	paths_free(p);

	k->c.nladders = 0;
	k->c.ladders = NULL;
	p = paths_new(&k->c);
	CAREER(k, p, "A", "B", "");
	FIRSTS(k, p, "A", "");
	paths_free(p);

	k->c.ntitles = 0;
	p = paths_new(&k->c);
	CAREER(k, p, "A", "B", "");
	FIRSTS(k, p, "A", "");
	cat_free(k, p);
	paths_free(NULL);
}

/* The steps in words, as what to do, a bridging class named as such
 * (CA), every way of taking a step: each case the step into 5278 (a
 * bridging class) or into SSA, taken another way in a profile. */
static void
test_words(void **state)
{
	static const struct {
		size_t		 step;	/* 0: OT to 5278, 1: 5278 to SSA */
		enum via	 via;
		enum profile	 pr;
		const char	*want;
	} cases[] = {
		{ 0, VIA_TRANSFER, PROFILE_CALIFORNIA, "Transfer to Management "
		    "Services Technician (5278), a bridging class" },
		{ 1, VIA_EXAM, PROFILE_CALIFORNIA, "Take the examination for "
		    "Title SSA (SSA)" },
		{ 1, VIA_EXAM, PROFILE_ILLINOIS, "Take the proficiency exam for "
		    "Title SSA (SSA)" },
		{ 0, VIA_PROMOTION, PROFILE_ILLINOIS, "Be promoted to "
		    "Management Services Technician (5278), a bridging class" },
		{ 0, VIA_DEGREE, PROFILE_ILLINOIS, "Earn the degree or license "
		    "for Management Services Technician (5278), a bridging "
		    "class" },
		{ 0, VIA_TRAINING_DEVELOPMENT, PROFILE_CALIFORNIA, "Take a "
		    "training and development assignment toward Management "
		    "Services Technician (5278), a bridging class" },
	};
	const struct ladder_step *const *s;
	struct ladder_step step;
	struct buf b = {0};
	size_t n, i;
	struct paths *p;
	struct cat *k = graph("5278 OT SSA",
	    "0 OT 5278 transfer, 0 5278 SSA exam", &p);

	(void)state;
	k->titles[idx(k, "5278")].category = CAT_BRIDGING;
	k->titles[idx(k, "5278")].name = "Management Services Technician";
	k->titles[idx(k, "OT")].category = CAT_LPEL;
	k->titles[idx(k, "SSA")].category = CAT_ELTPA;
	n = paths_career(p, "OT", "SSA", &k->a, &s);
	assert_int_equal(n, 2);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		step = *s[cases[i].step];
		step.via = cases[i].via;
		buf_reset(&b);
		path_step_text(&k->c, &step, cases[i].pr, &b);
		assert_string_equal(b.data, cases[i].want);
	}
	assert_string_equal(title_note(&k->titles[idx(k, "5278")]),
	    "a bridging class");
	assert_null(title_note(&k->titles[idx(k, "OT")]));
	assert_string_equal(via_phrase(VIA_TRAINING_DEVELOPMENT,
	    PROFILE_ILLINOIS), "through a training and development "
	    "assignment");
	buf_free(&b);
	cat_free(k, p);
}

/* ---- against a slow search ---------------------------------------------- */

/* A small generator of our own, so the graphs are the same everywhere. */
static uint32_t
rnd(uint32_t *st)
{
	*st = *st * 1103515245u + 12345u;
	return (*st >> 16) & 0x7fff;
}

/* The slow answer: every simple path from u to t by depth-first search,
 * keeping the fewest steps, then the first list of codes; between two
 * classes, the first row in ladder, then row order. */
struct slow {
	const struct cat *k;
	size_t	 t;
	size_t	 path[MAXT];	/* titles of the path being walked */
	size_t	 best[MAXT];
	size_t	 nbest;		/* titles in best; 0: none found */
};

static int
slow_better(const struct slow *w, size_t n)
{
	size_t i;
	int c;

	if (w->nbest == 0 || n < w->nbest)
		return 1;
	if (n > w->nbest)
		return 0;
	for (i = 0; i < n; i++)
		if ((c = strcmp(w->k->c.titles[w->path[i]].code,
		    w->k->c.titles[w->best[i]].code)) != 0)
			return c < 0;
	return 0;
}

static void
slow_walk(struct slow *w, size_t n)
{
	const struct catalog *c = &w->k->c;
	size_t u = w->path[n - 1], l, s, i;

	if (u == w->t) {
		if (slow_better(w, n)) {
			memcpy(w->best, w->path, n * sizeof(w->path[0]));
			w->nbest = n;
		}
		return;
	}
	for (l = 0; l < c->nladders; l++)
		for (s = 0; s < c->ladders[l].nsteps; s++) {
			if (c->ladders[l].steps[s].from != u)
				continue;
			for (i = 0; i < n; i++)
				if (w->path[i] == c->ladders[l].steps[s].to)
					break;
			if (i < n)
				continue;
			w->path[n] = c->ladders[l].steps[s].to;
			slow_walk(w, n + 1);
		}
}

static const struct ladder_step *
slow_row(const struct catalog *c, size_t from, size_t to)
{
	size_t l, s;

	for (l = 0; l < c->nladders; l++)
		for (s = 0; s < c->ladders[l].nsteps; s++)
			if (c->ladders[l].steps[s].from == from &&
			    c->ladders[l].steps[s].to == to)
				return &c->ladders[l].steps[s];
	return NULL;
}

static void
test_random_graphs(void **state)
{
	const struct ladder_step *const *got;
	struct slow w;
	struct paths *p;
	struct cat *k;
	uint32_t st = 7;
	size_t g, r, nrows, u, t, n, i;

	(void)state;
	for (g = 0; g < 300; g++) {
		k = graph("A1 A10 A2 B Ba b C-1 C_1 D E", "", &p);
		paths_free(p);
		nrows = 4 + rnd(&st) % 24;
		for (r = 0; r < nrows; r++)
			cat_row(k, rnd(&st) % 3, k->codes[rnd(&st) % 10],
			    k->codes[rnd(&st) % 10], (enum via)(rnd(&st) % 5));
		p = paths_new(&k->c);
		for (u = 0; u < 10; u++)
			for (t = 0; t < 10; t++) {
				memset(&w, 0, sizeof(w));
				w.k = k;
				w.t = t;
				w.path[0] = u;
				if (u != t)
					slow_walk(&w, 1);
				n = paths_career(p, k->c.titles[u].code,
				    k->c.titles[t].code, &k->a, &got);
				assert_int_equal(n, w.nbest ? w.nbest - 1 : 0);
				for (i = 0; i < n; i++)
					assert_ptr_equal(got[i], slow_row(&k->c,
					    w.best[i], w.best[i + 1]));
			}
		arena_reset(&k->a);
		cat_free(k, p);
	}
}

/* A long ladder: the walk is as long as the path, and ends. */
static void
test_long_chain(void **state)
{
	const struct ladder_step *const *s;
	struct buf codes = {0}, rows = {0};
	struct cat *k;
	struct paths *p;
	size_t i;

	(void)state;
	/* 31 titles, three ladders of rows climbing one by one and a row
	 * from the top back to the bottom. */
	for (i = 0; i + 1 < MAXT; i++)
		buf_printf(&codes, "K%02zu ", i);
	for (i = 0; i + 2 < MAXT; i++)
		buf_printf(&rows, "%zu K%02zu K%02zu exam, ", i % 3, i, i + 1);
	buf_printf(&rows, "0 K%02d K00 transfer", MAXT - 2);
	k = graph(codes.data, rows.data, &p);
	assert_int_equal(paths_career(p, "K00", "K30", &k->a, &s), MAXT - 2);
	assert_int_equal(paths_career(p, "K30", "K29", &k->a, &s), MAXT - 2);
	assert_int_equal(paths_career(p, "K30", "K00", &k->a, &s), 1);
	assert_int_equal(s[0]->via, VIA_TRANSFER);
	buf_free(&codes);
	buf_free(&rows);
	cat_free(k, p);
}

int
main(void)
{
	static const struct CMUnitTest others[] = {
		cmocka_unit_test(test_none),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_random_graphs),
		cmocka_unit_test(test_long_chain),
	};
	enum { NC = sizeof(cases) / sizeof(cases[0]),
	    NO = sizeof(others) / sizeof(others[0]) };
	struct CMUnitTest tests[NC + NO];
	size_t i;

	for (i = 0; i < NC; i++) {
		memset(&tests[i], 0, sizeof(tests[i]));
		tests[i].name = cases[i].name;
		tests[i].test_func = test_case;
		tests[i].initial_state = (void *)&cases[i];
	}
	for (i = 0; i < NO; i++)
		tests[NC + i] = others[i];
	return _cmocka_run_group_tests("test_paths", tests, NC + NO, NULL,
	    NULL);
}
