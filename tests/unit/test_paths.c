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

/* The titles, from codes given in any order; names "Title CODE". */
static void
cat_titles(struct cat *k, const char *const *codes, size_t n)
{
	size_t i;

	memset(k, 0, sizeof(*k));
	assert_true(n <= MAXT);
	for (i = 0; i < n; i++)
		snprintf(k->codes[i], sizeof(k->codes[i]), "%s", codes[i]);
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

static struct cat *
cat_new(const char *const *codes, size_t n)
{
	struct cat *k = malloc(sizeof(*k));

	assert_non_null(k);
	cat_titles(k, codes, n);
	return k;
}

static void
cat_free(struct cat *k, struct paths *p)
{
	paths_free(p);
	arena_free(&k->a);
	free(k);
}

/* One row: the way there is that row; the way back is none. */
static void
test_one_step(void **state)
{
	static const char *const codes[] = { "B", "A" };
	struct cat *k = cat_new(codes, 2);
	struct paths *p;

	(void)state;
	cat_row(k, 0, "A", "B", VIA_EXAM);
	p = paths_new(&k->c);
	CAREER(k, p, "A", "B", "A>B:exam");
	CAREER(k, p, "B", "A", "");
	FIRSTS(k, p, "A", "A>B:exam@1");
	FIRSTS(k, p, "B", "");
	cat_free(k, p);
}

/*
 * Two routes of two steps from S to T: through M and through K (rows of
 * M first).  The list of codes S K T comes before S M T.  Deeper: from
 * S to Z through K then Y or X, the second code decides nothing and
 * the third does.  Codes compare bytewise: "Q" < "a", "C1" < "C10".
 */
static void
test_tie_break(void **state)
{
	static const char *const codes[] = { "S", "M", "K", "T", "Y", "X",
	    "Z", "a", "Q", "E", "C10", "C1", "F" };
	struct cat *k = cat_new(codes, 13);
	struct paths *p;

	(void)state;
	cat_row(k, 0, "S", "M", VIA_EXAM);
	cat_row(k, 0, "M", "T", VIA_EXAM);
	cat_row(k, 1, "S", "K", VIA_TRANSFER);
	cat_row(k, 1, "K", "T", VIA_PROMOTION);
	cat_row(k, 1, "K", "Y", VIA_EXAM);
	cat_row(k, 1, "K", "X", VIA_EXAM);
	cat_row(k, 1, "Y", "Z", VIA_EXAM);
	cat_row(k, 1, "X", "Z", VIA_DEGREE);
	cat_row(k, 2, "E", "a", VIA_EXAM);
	cat_row(k, 2, "E", "Q", VIA_EXAM);
	cat_row(k, 2, "a", "F", VIA_EXAM);
	cat_row(k, 2, "Q", "F", VIA_TRANSFER);
	cat_row(k, 3, "E", "C10", VIA_EXAM);
	cat_row(k, 3, "C10", "T", VIA_EXAM);
	cat_row(k, 3, "E", "C1", VIA_EXAM);
	cat_row(k, 3, "C1", "T", VIA_PROMOTION);
	p = paths_new(&k->c);
	CAREER(k, p, "S", "T", "S>K:transfer K>T:promotion");
	CAREER(k, p, "S", "Z", "S>K:transfer K>X:exam X>Z:degree");
	CAREER(k, p, "E", "F", "E>Q:exam Q>F:transfer");
	CAREER(k, p, "E", "T", "E>C1:exam C1>T:promotion");
	cat_free(k, p);
}

/* Fewer steps win over smaller codes. */
static void
test_fewest_steps(void **state)
{
	static const char *const codes[] = { "A", "B", "C", "D", "Z" };
	struct cat *k = cat_new(codes, 5);
	struct paths *p;

	(void)state;
	cat_row(k, 0, "A", "B", VIA_EXAM);
	cat_row(k, 0, "B", "C", VIA_EXAM);
	cat_row(k, 0, "C", "D", VIA_EXAM);
	cat_row(k, 1, "A", "Z", VIA_TRAINING_DEVELOPMENT);
	cat_row(k, 1, "Z", "D", VIA_PROMOTION);
	p = paths_new(&k->c);
	CAREER(k, p, "A", "D", "A>Z:training_development Z>D:promotion");
	CAREER(k, p, "A", "C", "A>B:exam B>C:exam");
	cat_free(k, p);
}

/*
 * A and B joined by three rows: the path takes the first one (ladders
 * in order, rows in file order: ladder 0's transfer, though ladder 1's
 * exam row has a smaller line).  The first steps list each way once, a
 * row repeated in another ladder once, a row from a class to itself
 * never.
 */
static void
test_rows_same_pair(void **state)
{
	static const char *const codes[] = { "A", "B", "C" };
	struct cat *k = cat_new(codes, 3);
	struct paths *p;

	(void)state;
	cat_row(k, 1, "A", "B", VIA_EXAM);
	cat_row(k, 0, "A", "A", VIA_TRANSFER);
	cat_row(k, 0, "A", "C", VIA_EXAM);
	cat_row(k, 0, "A", "B", VIA_TRANSFER);
	cat_row(k, 0, "B", "C", VIA_EXAM);
	cat_row(k, 1, "A", "B", VIA_TRANSFER);
	cat_row(k, 1, "A", "C", VIA_PROMOTION);
	p = paths_new(&k->c);
	CAREER(k, p, "A", "B", "A>B:transfer");
	CAREER(k, p, "A", "C", "A>C:exam");
	FIRSTS(k, p, "A", "A>C:exam@2 A>B:transfer@3 A>B:exam@101 "
	    "A>C:promotion@103");
	FIRSTS(k, p, "B", "B>C:exam@4");
	cat_free(k, p);
}

/* A loop (A -> B -> A) on the way: the search ends, paths take no loop. */
static void
test_cycle(void **state)
{
	static const char *const codes[] = { "A", "B", "C", "D" };
	struct cat *k = cat_new(codes, 4);
	struct paths *p;

	(void)state;
	cat_row(k, 0, "A", "B", VIA_TRANSFER);
	cat_row(k, 0, "B", "A", VIA_TRANSFER);
	cat_row(k, 0, "B", "C", VIA_EXAM);
	cat_row(k, 0, "C", "D", VIA_EXAM);
	cat_row(k, 0, "D", "B", VIA_TRANSFER);
	p = paths_new(&k->c);
	CAREER(k, p, "A", "D", "A>B:transfer B>C:exam C>D:exam");
	CAREER(k, p, "D", "A", "D>B:transfer B>A:transfer");
	CAREER(k, p, "C", "A", "C>D:exam D>B:transfer B>A:transfer");
	CAREER(k, p, "B", "B", "");
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
	static const char *const codes[] = { "A", "B", "C", "D", "LONE" };
	struct cat *k = cat_new(codes, 5);
	struct paths *p;

	(void)state;
	cat_row(k, 0, "A", "B", VIA_EXAM);
	cat_row(k, 1, "C", "D", VIA_EXAM);
	p = paths_new(&k->c);
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

/* The first steps: ladders in order, each one's rows in file order. */
static void
test_first_steps_order(void **state)
{
	static const char *const codes[] = { "A", "B", "C", "D", "E" };
	struct cat *k = cat_new(codes, 5);
	struct paths *p;

	(void)state;
	cat_row(k, 0, "A", "D", VIA_EXAM);
	cat_row(k, 0, "B", "C", VIA_EXAM);
	cat_row(k, 0, "A", "B", VIA_TRANSFER);
	cat_row(k, 1, "A", "E", VIA_DEGREE);
	cat_row(k, 1, "A", "C", VIA_PROMOTION);
	cat_row(k, 2, "A", "D", VIA_EXAM);
	cat_row(k, 2, "A", "C", VIA_TRAINING_DEVELOPMENT);
	p = paths_new(&k->c);
	FIRSTS(k, p, "A", "A>D:exam@1 A>B:transfer@3 A>E:degree@101 "
	    "A>C:promotion@102 A>C:training_development@202");
	cat_free(k, p);
}

/* The steps in words, a bridging class named as such (CA). */
static void
test_words(void **state)
{
	static const char *const codes[] = { "5278", "OT", "SSA" };
	struct cat *k = cat_new(codes, 3);
	const struct ladder_step *const *s;
	struct paths *p;
	struct buf b = {0};
	size_t n;

	(void)state;
	k->titles[idx(k, "5278")].category = CAT_BRIDGING;
	k->titles[idx(k, "5278")].name = "Management Services Technician";
	k->titles[idx(k, "OT")].category = CAT_LPEL;
	k->titles[idx(k, "SSA")].category = CAT_ELTPA;
	cat_row(k, 0, "OT", "5278", VIA_TRANSFER);
	cat_row(k, 0, "5278", "SSA", VIA_EXAM);
	p = paths_new(&k->c);
	n = paths_career(p, "OT", "SSA", &k->a, &s);
	assert_int_equal(n, 2);
	path_step_text(&k->c, s[0], PROFILE_CALIFORNIA, 1, &b);
	assert_string_equal(b.data, "From Title OT (OT) to Management "
	    "Services Technician (5278), a bridging class, by transfer.");
	buf_reset(&b);
	path_step_text(&k->c, s[1], PROFILE_CALIFORNIA, 0, &b);
	assert_string_equal(b.data, "From Management Services Technician "
	    "(5278) to Title SSA (SSA), by competing in the examination for "
	    "the class.");
	buf_reset(&b);
	path_step_text(&k->c, s[1], PROFILE_ILLINOIS, 1, &b);
	assert_string_equal(b.data, "From Management Services Technician "
	    "(5278), a bridging class, to Title SSA (SSA), by passing the "
	    "proficiency exam.");
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
	static const char *const codes[] = { "A1", "A10", "A2", "B", "Ba",
	    "b", "C-1", "C_1", "D", "E" };
	const struct ladder_step *const *got;
	struct slow w;
	struct paths *p;
	struct cat *k;
	uint32_t st = 7;
	size_t g, r, nrows, u, t, n, i;

	(void)state;
	for (g = 0; g < 300; g++) {
		k = cat_new(codes, 10);
		nrows = 4 + rnd(&st) % 24;
		for (r = 0; r < nrows; r++)
			cat_row(k, rnd(&st) % 3, codes[rnd(&st) % 10],
			    codes[rnd(&st) % 10], (enum via)(rnd(&st) % 5));
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
	static char cs[MAXT][8];
	const char *codes[MAXT];
	const struct ladder_step *const *s;
	struct cat *k;
	struct paths *p;
	size_t i;

	(void)state;
	/* 32 titles, three ladders of rows climbing one by one and a row
	 * from the top back to the bottom. */
	for (i = 0; i < MAXT; i++) {
		snprintf(cs[i], sizeof(cs[i]), "K%02zu", i);
		codes[i] = cs[i];
	}
	k = cat_new(codes, MAXT);
	for (i = 0; i + 1 < MAXT; i++)
		cat_row(k, i % 3, codes[i], codes[i + 1], VIA_EXAM);
	cat_row(k, 0, codes[MAXT - 1], codes[0], VIA_TRANSFER);
	p = paths_new(&k->c);
	assert_int_equal(paths_career(p, "K00", "K31", &k->a, &s), MAXT - 1);
	assert_int_equal(paths_career(p, "K31", "K30", &k->a, &s), MAXT - 1);
	assert_int_equal(paths_career(p, "K31", "K00", &k->a, &s), 1);
	assert_int_equal(s[0]->via, VIA_TRANSFER);
	cat_free(k, p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_one_step),
		cmocka_unit_test(test_tie_break),
		cmocka_unit_test(test_fewest_steps),
		cmocka_unit_test(test_rows_same_pair),
		cmocka_unit_test(test_cycle),
		cmocka_unit_test(test_none),
		cmocka_unit_test(test_first_steps_order),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_random_graphs),
		cmocka_unit_test(test_long_chain),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
