/*
 * paths.c: the ways up the career ladders, for the packets (cli.md,
 * "first_steps" and "career_path").
 *
 * The ladder appendices make one graph: a class is a node, a row a step
 * from one class to another.  paths_new() reads it once per build into a
 * table of shortest paths between every two classes on a ladder, so that
 * an employee's way up is read off in as many lookups as it has steps,
 * not searched for.  After paths_new() nothing here writes: the worker
 * threads that make packets share one table.
 *
 * The order of the appendices, wherever it decides: ladders in their
 * order (catalog.c: order of first appearance), each ladder's rows in
 * file order.  "The first row" joining two classes is the first in that
 * order.
 *
 * The table, for M classes named by some step (M <= the catalog's titles;
 * a title on no ladder costs nothing): 4 * M * M bytes (the first step
 * from every class towards every class), plus a few words per class and
 * per row.  Made in O(M * (M + E)) time for E distinct joined pairs: one
 * breadth-first search per target class.
 *
 * PURE, like rules.c: no I/O, no clock; it reads the catalog it is given.
 */
#include <stdlib.h>
#include <string.h>

#include "model.h"

#define NONE	UINT32_MAX

struct paths {
	const struct catalog *c;	/* the catalog read (not owned) */
	size_t	 m;			/* classes named by a step: nodes */
	uint32_t *node;			/* title index -> node, NONE: no step
					 * names it; nodes in code order */
	const struct ladder_step **first; /* per node, the steps from it in
					 * appendix order, each (to, via)
					 * once */
	size_t	*first_at;		/* node -> its steps in first; m + 1 */
	const struct ladder_step **edge; /* per node, one per class it leads
					 * to: the first row joining them;
					 * by the To class's code */
	size_t	*edge_at;		/* node -> its edges in edge; m + 1 */
	uint32_t *next;			/* [t * m + u]: index in edge of the
					 * first step of the way from u to t;
					 * NONE: none leads there.  A row per
					 * target: a path reads one row */
};

/* ---- the graph ----------------------------------------------------------- */

/*
 * Numbers the classes that some step names, in title order (the catalog
 * is sorted by code with strcmp, bytewise): a smaller node is a smaller
 * code, which is what the tie-break between equal paths compares.
 * A step from a class to itself names it too, though no path uses it.
 */
static void
paths_nodes(struct paths *p)
{
	const struct catalog *c = p->c;
	size_t l, k, i;

	p->node = xreallocarray(NULL, c->ntitles + 1, sizeof(*p->node));
	for (i = 0; i < c->ntitles; i++)
		p->node[i] = NONE;
	for (l = 0; l < c->nladders; l++)
		for (k = 0; k < c->ladders[l].nsteps; k++) {
			p->node[c->ladders[l].steps[k].from] = 0;
			p->node[c->ladders[l].steps[k].to] = 0;
		}
	for (i = 0; i < c->ntitles; i++)
		if (p->node[i] == 0)
			p->node[i] = (uint32_t)p->m++;
}

/* 1 when an earlier step in list[from, at) goes to the same class the
 * same way: a row repeated in a second ladder is one step. */
static int
step_repeated(const struct ladder_step **list, size_t from, size_t at,
    const struct ladder_step *s)
{
	size_t i;

	for (i = from; i < at; i++)
		if (list[i]->to == s->to && list[i]->via == s->via)
			return 1;
	return 0;
}

/*
 * The steps from each class, in appendix order (a counting sort by From
 * node keeps that order within a node), repeats and steps from a class
 * to itself left out: neither is a way up.
 */
static void
paths_first(struct paths *p)
{
	const struct catalog *c = p->c;
	const struct ladder_step *s, **all;
	size_t *fill, n = 0, l, k, u, i, at;

	p->first_at = xcalloc(p->m + 1, sizeof(*p->first_at));
	for (l = 0; l < c->nladders; l++)
		for (k = 0; k < c->ladders[l].nsteps; k++) {
			s = &c->ladders[l].steps[k];
			if (s->from != s->to) {
				p->first_at[p->node[s->from] + 1]++;
				n++;
			}
		}
	for (u = 0; u < p->m; u++)
		p->first_at[u + 1] += p->first_at[u];
	all = xreallocarray(NULL, n + 1, sizeof(*all));
	fill = xreallocarray(NULL, p->m + 1, sizeof(*fill));
	memcpy(fill, p->first_at, (p->m + 1) * sizeof(*fill));
	for (l = 0; l < c->nladders; l++)
		for (k = 0; k < c->ladders[l].nsteps; k++) {
			s = &c->ladders[l].steps[k];
			if (s->from != s->to)
				all[fill[p->node[s->from]]++] = s;
		}
	/* Squeeze out the repeats, node by node. */
	p->first = all;
	for (u = 0, at = 0; u < p->m; u++) {
		k = at;
		for (i = p->first_at[u]; i < p->first_at[u + 1]; i++)
			if (!step_repeated(all, k, at, all[i]))
				all[at++] = all[i];
		p->first_at[u] = k;
	}
	p->first_at[p->m] = at;
	free(fill);
}

/* Edges of one class by the To class's title index (its code's order):
 * unique within a class, so the order is total. */
static int
edge_cmp(const void *x, const void *y)
{
	const struct ladder_step *a = *(const struct ladder_step *const *)x;
	const struct ladder_step *b = *(const struct ladder_step *const *)y;

	return a->to < b->to ? -1 : a->to > b->to;
}

/*
 * The classes each class leads to, each once with the first row joining
 * them (the first in its list of first steps, which keeps appendix
 * order), sorted by the To class's code.  Title order is code order,
 * so comparing title indexes compares codes.
 */
static void
paths_edges(struct paths *p)
{
	size_t u, i, j, at = 0, k;

	p->edge = xreallocarray(NULL, p->first_at[p->m] + 1,
	    sizeof(*p->edge));
	p->edge_at = xcalloc(p->m + 1, sizeof(*p->edge_at));
	for (u = 0; u < p->m; u++) {
		p->edge_at[u] = k = at;
		for (i = p->first_at[u]; i < p->first_at[u + 1]; i++) {
			for (j = k; j < at; j++)
				if (p->edge[j]->to == p->first[i]->to)
					break;
			if (j == at)
				p->edge[at++] = p->first[i];
		}
		xqsort(p->edge + k, at - k, sizeof(*p->edge), edge_cmp);
	}
	p->edge_at[p->m] = at;
}

/* ---- the table ----------------------------------------------------------- */

/*
 * Every edge reversed, by To node: where a breadth-first search from a
 * target walks.  in[in_at[v] .. in_at[v + 1]) are the edge indexes
 * into v.
 */
struct rev {
	size_t	*in_at;		/* node -> its edges in; m + 1 */
	uint32_t *in;		/* edge indexes, grouped by To node */
};

static void
rev_make(const struct paths *p, struct rev *r)
{
	size_t *fill, e, v, ne = p->edge_at[p->m];

	r->in_at = xcalloc(p->m + 1, sizeof(*r->in_at));
	r->in = xreallocarray(NULL, ne + 1, sizeof(*r->in));
	for (e = 0; e < ne; e++)
		r->in_at[p->node[p->edge[e]->to] + 1]++;
	for (v = 0; v < p->m; v++)
		r->in_at[v + 1] += r->in_at[v];
	fill = xreallocarray(NULL, p->m + 1, sizeof(*fill));
	memcpy(fill, r->in_at, (p->m + 1) * sizeof(*fill));
	for (e = 0; e < ne; e++)
		r->in[fill[p->node[p->edge[e]->to]]++] = (uint32_t)e;
	free(fill);
}

/* The From node of edge e. */
static uint32_t
edge_from(const struct paths *p, size_t e)
{
	return p->node[p->edge[e]->from];
}

/*
 * One row of the table: the way from every class to target t.  A
 * breadth-first search backwards from t gives each class's distance;
 * then each class takes, among the steps that bring it one closer, the
 * one to the smallest code.  Following those choices from any class
 * gives its shortest path whose list of codes is first code by code:
 * all such lists begin with the same class, so the first that differs
 * is decided by the smallest next class that can still arrive in time,
 * and so on along the way.  Only the classes that reach t are visited;
 * dist is all NONE before and after.
 */
static void
paths_row(struct paths *p, const struct rev *r, uint32_t t,
    uint32_t *dist, uint32_t *queue)
{
	uint32_t *row = p->next + (size_t)t * p->m, v, w;
	size_t head = 0, tail = 0, i, e;

	dist[t] = 0;
	queue[tail++] = t;
	while (head < tail) {
		v = queue[head++];
		for (i = r->in_at[v]; i < r->in_at[v + 1]; i++) {
			w = edge_from(p, r->in[i]);
			if (dist[w] == NONE) {
				dist[w] = dist[v] + 1;
				queue[tail++] = w;
			}
		}
	}
	for (i = 1; i < tail; i++) {
		v = queue[i];
		for (e = p->edge_at[v]; e < p->edge_at[v + 1]; e++)
			if (dist[p->node[p->edge[e]->to]] == dist[v] - 1)
				break;
		row[v] = (uint32_t)e;
	}
	for (i = 0; i < tail; i++)
		dist[queue[i]] = NONE;
}

struct paths *
paths_new(const struct catalog *c)
{
	struct paths *p = xcalloc(1, sizeof(*p));
	uint32_t *dist, *queue, t;
	struct rev r;

	p->c = c;
	paths_nodes(p);
	paths_first(p);
	paths_edges(p);
	rev_make(p, &r);
	p->next = xreallocarray(NULL, p->m * p->m + 1, sizeof(*p->next));
	memset(p->next, 0xff, (p->m * p->m + 1) * sizeof(*p->next));
	dist = xreallocarray(NULL, p->m + 1, sizeof(*dist));
	memset(dist, 0xff, (p->m + 1) * sizeof(*dist));
	queue = xreallocarray(NULL, p->m + 1, sizeof(*queue));
	for (t = 0; t < p->m; t++)
		paths_row(p, &r, t, dist, queue);
	free(dist);
	free(queue);
	free(r.in_at);
	free(r.in);
	return p;
}

void
paths_free(struct paths *p)
{
	if (p == NULL)
		return;
	free(p->node);
	free(p->first);
	free(p->first_at);
	free(p->edge);
	free(p->edge_at);
	free(p->next);
	free(p);
}

/* ---- lookups ------------------------------------------------------------- */

/* The node of a class code, or NONE (unknown code, or on no ladder). */
static uint32_t
paths_node(const struct paths *p, const char *code)
{
	const struct title *t = catalog_find(p->c, code);

	return t == NULL ? NONE : p->node[t - p->c->titles];
}

int
paths_on_ladder(const struct paths *p, const char *code)
{
	return paths_node(p, code) != NONE;
}

size_t
paths_first_steps(const struct paths *p, const char *from,
    const struct ladder_step *const **out)
{
	uint32_t u = paths_node(p, from);

	*out = NULL;
	if (u == NONE || p->first_at[u] == p->first_at[u + 1])
		return 0;
	*out = p->first + p->first_at[u];
	return p->first_at[u + 1] - p->first_at[u];
}

size_t
paths_career(const struct paths *p, const char *from, const char *to,
    struct arena *a, const struct ladder_step *const **out)
{
	const struct ladder_step **steps;
	uint32_t u = paths_node(p, from), t = paths_node(p, to), v, e;
	size_t n = 0;

	*out = NULL;
	if (u == NONE || t == NONE || u == t || p->next[t * p->m + u] == NONE)
		return 0;
	for (v = u; v != t; v = p->node[p->edge[e]->to]) {
		e = p->next[t * p->m + v];
		n++;
	}
	steps = arena_alloc(a, n * sizeof(*steps));
	for (n = 0, v = u; v != t; v = p->node[p->edge[e]->to]) {
		e = p->next[t * p->m + v];
		steps[n++] = p->edge[e];
	}
	*out = steps;
	return n;
}

/* ---- in words ------------------------------------------------------------ */

const char *
via_phrase(enum via v, enum profile pr)
{
	switch (v) {
	case VIA_TRANSFER:
		return "by transfer";
	case VIA_EXAM:
		/* IL VII: the program's proficiency exams; California
		 * has none: an employee competes in the civil service
		 * examination for the class. */
		return pr == PROFILE_CALIFORNIA ? "by competing in the "
		    "examination for the class" : "by passing the "
		    "proficiency exam";
	case VIA_DEGREE:
		return "by earning the degree or license";
	case VIA_TRAINING_DEVELOPMENT:
		return "through a training and development assignment";
	case VIA_PROMOTION:
		return "by promotion";
	}
	return "";
}

const char *
title_note(const struct title *t)
{
	/* CA "Bridging Classifications": classes made to bridge LPEL
	 * classes to ELTPA ones, named as such along a career path. */
	return t->category == CAT_BRIDGING ? "a bridging class" : NULL;
}

/*
 * What to do to take a step, before the To title's name: an instruction
 * an employee can follow ("Transfer to ...").
 */
static const char *
step_verb(enum via v, enum profile pr)
{
	switch (v) {
	case VIA_TRANSFER:
		return "Transfer to";
	case VIA_EXAM:
		/* IL VII: the program's proficiency exams; CA: the civil
		 * service examination for the class. */
		return pr == PROFILE_CALIFORNIA ? "Take the examination for" :
		    "Take the proficiency exam for";
	case VIA_DEGREE:
		return "Earn the degree or license for";
	case VIA_TRAINING_DEVELOPMENT:
		return "Take a training and development assignment toward";
	case VIA_PROMOTION:
		return "Be promoted to";
	}
	return "Move to";
}

void
path_step_text(const struct catalog *c, const struct ladder_step *s,
    enum profile pr, struct buf *b)
{
	const struct title *to = &c->titles[s->to];

	/* By hand, not printf: a packet says several steps. */
	buf_puts(b, step_verb(s->via, pr));
	buf_putc(b, ' ');
	buf_puts(b, to->name);
	BUF_LIT(b, " (");
	buf_puts(b, to->code);
	buf_putc(b, ')');
	if (title_note(to) != NULL) {
		BUF_LIT(b, ", ");
		buf_puts(b, title_note(to));
	}
}
