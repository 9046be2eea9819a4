/*
 * catalog.c: the title catalog and the career ladders, read from the
 * appendix pages' cmark-gfm syntax trees (content.md "Title appendices",
 * "Ladder appendices"): table nodes, rows and cells, never text matching,
 * so a table's look in the Markdown (alignment, spacing) does not matter.
 * Columns are found by header text, case-insensitively.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extern.h"

/* The columns umpress reads; others are the authors' own (notes). */
enum col {
	COL_TITLE, COL_CODE, COL_KIND, COL_CATEGORY, COL_SCHEMATIC,
	COL_DEGREE, COL_FROZEN, COL_SALARY, COL_UNIT, COL_PROBATION,
	COL_FROM, COL_TO, COL_VIA, COL_LADDER, COL__MAX
};

static const char *const col_names[COL__MAX] = {
	"Title", "Code", "Kind", "Category", "Schematic", "Degree", "Frozen",
	"Salary max", "Bargaining unit", "Extended probation", "From", "To",
	"Via", "Ladder"
};

/* An appendix page's Markdown, by line, to see what cmark-gfm's tree
 * does not show: how many cells a row has, a table that is not one. */
struct source {
	const char	*md;	/* the body (page.md), or NULL */
	size_t		*off;	/* offset of each line's start */
	size_t		 n;	/* lines */
};

/* A table being read: which cell index holds each column (-1: none). */
struct table {
	const struct page *pg;	/* the appendix page */
	const struct source *src; /* its Markdown */
	cmark_node	*node;	/* the table node */
	int		 line;	/* its first line in the file */
	int		 ncols;	/* cells of its header row */
	int		 col[COL__MAX];
	const char	*heading; /* text of the heading above it, or NULL */
};

/* A row's cells as text, by column. */
struct row {
	int	 line;			/* line in the file */
	char	*cell[COL__MAX];	/* trimmed text, "" when absent */
};

/* The catalog being built, with where each title was defined. */
struct loader {
	struct catalog	*cat;
	struct diag	*d;
	int		 ok;		/* 0 once anything was reported */
	int		 unsure;	/* titles were lost to an error already
					 * reported: a code the ladders name
					 * that is not known may be one */
	char		**rejected;	/* codes of title rows not taken
					 * (reported): a ladder naming one is
					 * not reported again */
	size_t		 nrejected;
};

static int
node_line(const struct page *pg, cmark_node *n)
{
	return pg->body_line - 1 + cmark_node_get_start_line(n);
}

static int
is_type(cmark_node *n, const char *type)
{
	return strcmp(cmark_node_get_type_string(n), type) == 0;
}

/* The trimmed plain text of a cell. */
static char *
cell_text(cmark_node *cell)
{
	struct buf b = {0};
	size_t start = 0, end;
	char *text;

	content_node_text(cell, &b);
	end = b.len;
	while (start < end && isspace((unsigned char)b.data[start]))
		start++;
	while (end > start && isspace((unsigned char)b.data[end - 1]))
		end--;
	text = xstrndup(b.data ? b.data + start : "", end - start);
	buf_free(&b);
	return text;
}

/* Maps the header row's cells to columns. */
static void
table_columns(struct table *t, cmark_node *header)
{
	cmark_node *cell;
	char *text;
	int i, k;

	for (k = 0; k < COL__MAX; k++)
		t->col[k] = -1;
	for (cell = cmark_node_first_child(header), i = 0; cell != NULL;
	    cell = cmark_node_next(cell), i++) {
		text = cell_text(cell);
		for (k = 0; k < COL__MAX; k++)
			if (strcasecmp(text, col_names[k]) == 0 &&
			    t->col[k] < 0)
				t->col[k] = i;
		free(text);
	}
	t->ncols = i;
}

/* Line n (1-based, of the body) of the source; len its length. */
static const char *
source_line(const struct source *src, int n, size_t *len)
{
	const char *s, *e;

	if (src->md == NULL || n < 1 || (size_t)n > src->n) {
		*len = 0;
		return "";
	}
	s = src->md + src->off[n - 1];
	e = strchr(s, '\n');
	*len = e ? (size_t)(e - s) : strlen(s);
	return s;
}

/* Trims blanks (and a CR) from both ends of s, n bytes. */
static const char *
trim(const char *s, size_t *n)
{
	while (*n > 0 && isspace((unsigned char)*s))
		s++, (*n)--;
	while (*n > 0 && isspace((unsigned char)s[*n - 1]))
		(*n)--;
	return s;
}

/* The cells a table row's line has, as GFM counts them: separated by
 * '|' not escaped by '\\', a '|' at either end optional. */
static int
line_cells(const char *s, size_t n)
{
	size_t i;
	int cells = 1;

	s = trim(s, &n);
	if (n > 0 && *s == '|')
		s++, n--;
	if (n > 0 && s[n - 1] == '|' && (n < 2 || s[n - 2] != '\\'))
		n--;
	for (i = 0; i < n; i++) {
		if (s[i] == '\\')
			i++;
		else if (s[i] == '|')
			cells++;
	}
	return cells;
}

/* The cells of a row node's line in the source; 0 when not known. */
static int
row_cells(const struct table *t, cmark_node *rown)
{
	const char *s;
	size_t n;

	if (t->src->md == NULL)
		return 0;
	s = source_line(t->src, cmark_node_get_start_line(rown), &n);
	return line_cells(s, n);
}

/*
 * Reads the cells of a row into r by column.  cmark-gfm drops the cells
 * past the header's count and makes up the missing ones (GFM's rules for
 * display), which in a data table would shift or lose a value silently:
 * the row's line in the source tells, and a row with another count of
 * cells than the header is reported (issue 19: fewer is not "more").
 */
static int
row_read(struct loader *l, const struct table *t, cmark_node *rown,
    struct row *r)
{
	cmark_node *cell;
	int i, k, n;

	r->line = node_line(t->pg, rown);
	for (k = 0; k < COL__MAX; k++)
		r->cell[k] = NULL;
	for (cell = cmark_node_first_child(rown), i = 0; cell != NULL;
	    cell = cmark_node_next(cell), i++)
		for (k = 0; k < COL__MAX; k++)
			if (t->col[k] == i && r->cell[k] == NULL)
				r->cell[k] = cell_text(cell);
	for (k = 0; k < COL__MAX; k++)
		if (r->cell[k] == NULL)
			r->cell[k] = xstrdup("");
	if ((n = row_cells(t, rown)) == 0 || n == t->ncols)
		return 1;
	diag_file(l->d, DIAG_ERROR, t->pg->src, r->line, "the row has %d "
	    "cells, %s than the %d columns of the header%s", n,
	    n > t->ncols ? "more" : "fewer", t->ncols, n > t->ncols ? "" :
	    " (an empty cell is written '| |')");
	l->ok = 0;
	return 0;
}

/*
 * Every row with one count of cells, and not the header's: the header
 * is what is off (a '|' or a cell lost), one mistake, so one message at
 * the table, not one per row.  0 then (reported): the rows are not read.
 */
static int
rows_agree(struct loader *l, const struct table *t)
{
	cmark_node *rown;
	int n = -1, rows = 0, k;

	for (rown = cmark_node_next(cmark_node_first_child(t->node));
	    rown != NULL; rown = cmark_node_next(rown), rows++)
		if ((k = row_cells(t, rown)) == 0 || k == t->ncols ||
		    (n >= 0 && k != n))
			return 1;
		else
			n = k;
	if (rows < 2)
		return 1;
	diag_file(l->d, DIAG_ERROR, t->pg->src, t->line, "the header row has "
	    "%d cells and each of the %d rows under it has %d: %s", t->ncols,
	    rows, n, n > t->ncols ? "a cell is missing from the header row "
	    "and the line of dashes" : "a cell is missing from every row");
	l->ok = 0;
	return 0;
}

static void
row_free(struct row *r)
{
	int k;

	for (k = 0; k < COL__MAX; k++)
		free(r->cell[k]);
}

/*
 * Reports, in one message, the required columns (COL__MAX ends the list)
 * the table lacks, with the header it has, so a typo there shows.
 */
static int
need_cols(struct loader *l, const struct table *t, const enum col *req)
{
	struct buf miss = {0}, have = {0};
	cmark_node *cell;
	char *text;
	int n = 0;

	for (; *req != COL__MAX; req++)
		if (t->col[*req] < 0)
			buf_printf(&miss, "%s'%s'", n++ ? " or " : "",
			    col_names[*req]);
	if (n > 0) {
		for (cell = cmark_node_first_child(cmark_node_first_child(
		    t->node)); cell != NULL; cell = cmark_node_next(cell)) {
			text = cell_text(cell);
			buf_printf(&have, "%s'%s'", have.len ? ", " : "", text);
			free(text);
		}
		diag_file(l->d, DIAG_ERROR, t->pg->src, t->line, "the table has "
		    "no %s column (its header: %s)", miss.data, have.data ?
		    have.data : "");
		l->ok = 0;
	}
	buf_free(&miss);
	buf_free(&have);
	return n == 0;
}

/* ---- titles ------------------------------------------------------------- */

/* content.md: letters, digits, '-' and '_', at most 64 characters
 * (2026-12-04: every code makes a folder name under lists/). */
static int
code_ok(const char *s)
{
	if (*s == '\0' || strlen(s) > 64)
		return 0;
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && *s != '-' && *s != '_')
			return 0;
	return 1;
}

/* Looks word up in names (case-insensitive); -1 when absent. */
static int
lookup(const char *word, const char *const *names, int n)
{
	int i;

	for (i = 0; i < n; i++)
		if (strcasecmp(word, names[i]) == 0)
			return i;
	return -1;
}

static int
bad_value(struct loader *l, const struct table *t, const struct row *r,
    enum col c, const char *expected)
{
	diag_file(l->d, DIAG_ERROR, t->pg->src, r->line, "%s '%s' is not "
	    "%s", col_names[c], r->cell[c], expected);
	l->ok = 0;
	return 0;
}

/* "5,230", "$5230", "5230.50" -> cents; -1 when empty, -2 when bad. */
static int64_t
salary_cents(const char *s)
{
	int64_t v = 0;
	int frac = -1;

	if (*s == '\0')
		return -1;
	if (*s == '$')
		s++;
	if (!isdigit((unsigned char)*s))
		return -2;
	for (; *s; s++) {
		if (*s == ',' && frac < 0)
			continue;
		if (*s == '.' && frac < 0) {
			frac = 0;
			continue;
		}
		if (!isdigit((unsigned char)*s) || frac >= 2 ||
		    v > INT64_MAX / 100)
			return -2;
		v = v * 10 + (*s - '0');
		if (frac >= 0)
			frac++;
	}
	while (frac < 2) {
		v *= 10;
		frac = frac < 0 ? 1 : frac + 1;
	}
	return v;
}

/* "14" -> 14: a whole number of months, 0 to 60. */
static int
months_value(const char *s, int *out)
{
	int v = 0;

	if (*s == '\0' || strlen(s) > 2)
		return 0;
	for (; *s; s++) {
		if (!isdigit((unsigned char)*s))
			return 0;
		v = v * 10 + (*s - '0');
	}
	if (v > 60)
		return 0;
	*out = v;
	return 1;
}

/* The enumerations of the title columns, as content.md spells them. */
static int
title_enums(struct loader *l, const struct table *t, const struct row *r,
    struct title *ti)
{
	static const char *const kinds[] = { "", "certificate", "credential",
	    "dual" };
	static const char *const cats[] = { "", "LPEL", "ELTPA", "bridging" };
	static const char *const degrees[] = { "", "high_school",
	    "associate", "bachelor", "master", "doctorate" };
	int k;

	if ((k = lookup(r->cell[COL_KIND], kinds, 4)) < 0)
		return bad_value(l, t, r, COL_KIND,
		    "certificate, credential, dual or empty");
	ti->kind = (enum title_kind)k;
	if ((k = lookup(r->cell[COL_CATEGORY], cats, 4)) < 0)
		return bad_value(l, t, r, COL_CATEGORY,
		    "LPEL, ELTPA, bridging or empty");
	ti->category = (enum title_cat)k;
	if ((k = lookup(r->cell[COL_DEGREE], degrees, 6)) < 0 || k == 1)
		return bad_value(l, t, r, COL_DEGREE,
		    "associate, bachelor, master, doctorate or empty");
	ti->degree = k == 0 ? DEG_NONE : (enum degree)k;
	return 1;
}

/* Makes the uppercase code a title would give ("Office Specialist" ->
 * "OFFICE-SPECIALIST") to tell made codes from given ones. */
static int
code_from_title(const char *code, const char *name)
{
	struct buf b = {0};
	size_t i;
	int same;

	slugify(&b, name, strlen(name), 0);
	for (i = 0; i < b.len; i++)
		b.data[i] = (char)toupper((unsigned char)b.data[i]);
	same = b.len > 0 && strcmp(b.data, code) == 0;
	buf_free(&b);
	return same;
}

static int
title_values(struct loader *l, const struct table *t, const struct row *r,
    struct title *ti)
{
	if (r->cell[COL_TITLE][0] == '\0') {
		diag_file(l->d, DIAG_ERROR, t->pg->src, r->line, "the row has "
		    "no Title");
		l->ok = 0;
		return 0;
	}
	if (!code_ok(r->cell[COL_CODE]))
		return bad_value(l, t, r, COL_CODE, "a code of letters, "
		    "digits, '-' and '_', at most 64 characters");
	if (!title_enums(l, t, r, ti))
		return 0;
	ti->frozen_on = DAY_NONE;
	if (r->cell[COL_FROZEN][0] != '\0' && !date_parse(r->cell[COL_FROZEN],
	    strlen(r->cell[COL_FROZEN]), &ti->frozen_on))
		return bad_value(l, t, r, COL_FROZEN, "a date (YYYY-MM-DD)");
	if ((ti->salary_max_cents = salary_cents(r->cell[COL_SALARY])) == -2)
		return bad_value(l, t, r, COL_SALARY, "an amount in dollars");
	/* IL XIII.L-N (G2): months of probation beyond the normal 4. */
	ti->extended_probation = -1;
	if (r->cell[COL_PROBATION][0] != '\0' &&
	    !months_value(r->cell[COL_PROBATION], &ti->extended_probation))
		return bad_value(l, t, r, COL_PROBATION, "a whole number of "
		    "months from 0 to 60");
	return 1;
}

/* A title row not taken (reported): its code is known not to be lost. */
static void
title_rejected(struct loader *l, const struct row *r)
{
	if (r->cell[COL_CODE][0] == '\0')
		return;
	l->rejected = xreallocarray(l->rejected, l->nrejected + 1,
	    sizeof(*l->rejected));
	l->rejected[l->nrejected++] = xstrdup(r->cell[COL_CODE]);
}

static void
title_row(struct loader *l, const struct table *t, const struct row *r)
{
	struct catalog *c = l->cat;
	struct title ti;

	memset(&ti, 0, sizeof(ti));
	if (!title_values(l, t, r, &ti)) {
		title_rejected(l, r);
		return;
	}
	ti.code = xstrdup(r->cell[COL_CODE]);
	ti.name = xstrdup(r->cell[COL_TITLE]);
	ti.schematic = r->cell[COL_SCHEMATIC][0] ?
	    xstrdup(r->cell[COL_SCHEMATIC]) : NULL;
	ti.code_made = code_from_title(ti.code, ti.name);
	ti.bargaining_unit = r->cell[COL_UNIT][0] ?
	    xstrdup(r->cell[COL_UNIT]) : NULL;
	ti.src = t->pg->src;
	ti.line = r->line;
	c->titles = xreallocarray(c->titles, c->ntitles + 1,
	    sizeof(*c->titles));
	c->titles[c->ntitles++] = ti;
}

static void
title_table(struct loader *l, struct table *t)
{
	static const enum col req[] = { COL_TITLE, COL_CODE, COL__MAX };
	cmark_node *rown;
	struct row r;

	if (!need_cols(l, t, req) || !rows_agree(l, t)) {
		l->unsure = 1;
		return;
	}
	for (rown = cmark_node_next(cmark_node_first_child(t->node));
	    rown != NULL; rown = cmark_node_next(rown)) {
		if (row_read(l, t, rown, &r))
			title_row(l, t, &r);
		else
			title_rejected(l, &r);
		row_free(&r);
	}
}

/* ---- walking the appendices ------------------------------------------------- */

typedef void (*table_fn)(struct loader *, struct table *);

/* The line offsets of a page's Markdown; src->md NULL when it has none. */
static void
source_open(struct source *src, const struct page *pg)
{
	const char *p;

	memset(src, 0, sizeof(*src));
	if ((src->md = pg->md) == NULL)
		return;
	for (p = pg->md;; p++) {
		src->off = xreallocarray(src->off, src->n + 1,
		    sizeof(*src->off));
		src->off[src->n++] = (size_t)(p - pg->md);
		if ((p = strchr(p, '\n')) == NULL)
			break;
	}
}

/* Is the line a table's line of dashes ("|---|:--:|")? */
static int
dash_line(const char *s, size_t n)
{
	size_t i;
	int dash = 0, bar = 0;

	s = trim(s, &n);
	for (i = 0; i < n; i++) {
		if (s[i] == '-')
			dash = 1;
		else if (s[i] == '|')
			bar = 1;
		else if (s[i] != ':' && s[i] != ' ' && s[i] != '\t')
			return 0;
	}
	return dash && bar;
}

/*
 * content.md, issue 19: in an appendix, a paragraph that looks like a
 * table is one that cmark-gfm could not read as one, so its rows would
 * be lost without a word.  Says what is off, at its line; 0 then.
 */
static int
broken_table(struct loader *l, const struct page *pg,
    const struct source *src, cmark_node *para)
{
	int first = cmark_node_get_start_line(para), k, h, dl;
	int last = cmark_node_get_end_line(para);
	const char *s, *hs;
	size_t n, hn;

	for (k = first; k <= last; k++) {
		s = source_line(src, k, &n);
		if (!dash_line(s, n))
			continue;
		if (k == first) {
			diag_file(l->d, DIAG_ERROR, pg->src, pg->body_line - 1 + k,
			    "a line of dashes with no header row above it: a "
			    "table begins with its header row ('| Title | Code "
			    "|') right above the dashes");
			return 0;
		}
		hs = source_line(src, k - 1, &hn);
		h = line_cells(hs, hn);
		dl = line_cells(s, n);
		diag_file(l->d, DIAG_ERROR, pg->src, pg->body_line - 2 + k,
		    h != dl ? "the table's header row has %d cells and the line "
		    "of dashes under it %d: give both the same number, or the "
		    "table is read as text and its rows are lost" : "this looks "
		    "like a table's header row over its line of dashes, but is "
		    "not read as one (%d and %d cells): check both lines", h, dl);
		return 0;
	}
	s = trim(source_line(src, first, &n), &n);
	if (n < 2 || *s != '|' || memchr(s + 1, '|', n - 1) == NULL)
		return 1;
	diag_file(l->d, DIAG_ERROR, pg->src, pg->body_line - 1 + first, "these "
	    "lines look like the rows of a table, but no header row and line "
	    "of dashes (|---|---|) come right before them, so they are read "
	    "as text: a table has no empty line between its rows");
	return 0;
}

/* Calls fn for every table of every page with the given appendix kind,
 * telling it the text of the nearest heading above the table. */
static void
each_table(struct loader *l, const struct content *co, enum appendix kind,
    table_fn fn)
{
	struct buf heading = {0};
	struct source src;
	cmark_node *n, *header;
	struct table t;
	size_t i;

	for (i = 0; i < co->npages; i++) {
		if (co->pages[i].appendix != kind || co->pages[i].doc == NULL)
			continue;
		buf_reset(&heading);
		source_open(&src, &co->pages[i]);
		for (n = cmark_node_first_child(co->pages[i].doc); n != NULL;
		    n = cmark_node_next(n)) {
			if (cmark_node_get_type(n) == CMARK_NODE_HEADING) {
				buf_reset(&heading);
				content_node_text(n, &heading);
			}
			if (cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH &&
			    src.md != NULL && !broken_table(l, &co->pages[i],
			    &src, n)) {
				l->ok = 0;
				l->unsure |= kind == APPX_TITLES;
			}
			if (!is_type(n, "table") ||
			    (header = cmark_node_first_child(n)) == NULL)
				continue;
			memset(&t, 0, sizeof(t));
			t.pg = &co->pages[i];
			t.src = &src;
			t.node = n;
			t.line = node_line(t.pg, n);
			t.heading = heading.len ? heading.data : NULL;
			table_columns(&t, header);
			fn(l, &t);
		}
		free(src.off);
	}
	buf_free(&heading);
}

static int
title_cmp(const void *a, const void *b)
{
	const struct title *x = a, *y = b;
	int c = strcmp(x->code, y->code);

	/* Ties (duplicates, reported) keep file order. */
	if (c == 0)
		c = strcmp(x->src, y->src);
	return c ? c : x->line - y->line;
}

/* content.md: a code is unique across all appendices.  Codes differing
 * only in case would be one file on a Windows file share. */
static void
check_codes(struct loader *l)
{
	struct catalog *c = l->cat;
	size_t i, j;

	for (i = 0; i < c->ntitles; i++)
		for (j = i + 1; j < c->ntitles; j++) {
			if (strcasecmp(c->titles[i].code, c->titles[j].code))
				continue;
			if (strcmp(c->titles[i].code, c->titles[j].code) == 0)
				diag_file(l->d, DIAG_ERROR, c->titles[j].src,
				    c->titles[j].line, "code '%s' is also the "
				    "code of the title at %s:%d",
				    c->titles[j].code, c->titles[i].src,
				    c->titles[i].line);
			else
				diag_file(l->d, DIAG_ERROR, c->titles[j].src,
				    c->titles[j].line, "code '%s' differs only "
				    "in case from code '%s' at %s:%d",
				    c->titles[j].code, c->titles[i].code,
				    c->titles[i].src, c->titles[i].line);
			l->ok = 0;
		}
}

/* ---- ladders -------------------------------------------------------------- */

/* The ladder named name, made when it is new (order of first row). */
static struct ladder *
ladder_named(struct catalog *c, const char *name)
{
	struct ladder *ld;
	size_t i;

	for (i = 0; i < c->nladders; i++)
		if (strcmp(c->ladders[i].name, name) == 0)
			return &c->ladders[i];
	c->ladders = xreallocarray(c->ladders, c->nladders + 1,
	    sizeof(*c->ladders));
	ld = &c->ladders[c->nladders++];
	memset(ld, 0, sizeof(*ld));
	ld->name = xstrdup(name);
	return ld;
}

/* A From or To cell: the index of its title, or -1 (reported, unless
 * the title may be one an error already reported lost: issue 19, one
 * mistake, one message). */
static long
ladder_code(struct loader *l, const struct table *t, const struct row *r,
    enum col c)
{
	const struct title *ti = catalog_find(l->cat, r->cell[c]);
	size_t i;

	if (ti != NULL)
		return ti - l->cat->titles;
	l->ok = 0;
	for (i = 0; i < l->nrejected; i++)
		if (strcmp(l->rejected[i], r->cell[c]) == 0)
			return -1;
	if (!l->unsure)
		diag_file(l->d, DIAG_ERROR, t->pg->src, r->line, "%s '%s' is "
		    "not a code in the title appendices", col_names[c],
		    r->cell[c]);
	return -1;
}

static void
ladder_row(struct loader *l, const struct table *t, const struct row *r)
{
	static const char *const vias[] = { "transfer", "exam", "degree",
	    "training_development", "promotion" };
	struct ladder_step st;
	struct ladder *ld;
	const char *name;
	long from, to;
	int via;

	from = ladder_code(l, t, r, COL_FROM);
	to = ladder_code(l, t, r, COL_TO);
	if ((via = lookup(r->cell[COL_VIA], vias, 5)) < 0)
		bad_value(l, t, r, COL_VIA, "transfer, exam, degree, "
		    "training_development or promotion");
	if (from < 0 || to < 0 || via < 0)
		return;
	/* content.md: rows with one Ladder name form one ladder; without
	 * one, the table is a ladder named by its heading or page. */
	name = r->cell[COL_LADDER][0] ? r->cell[COL_LADDER] :
	    t->heading ? t->heading : t->pg->title;
	ld = ladder_named(l->cat, name);
	st.from = (size_t)from;
	st.to = (size_t)to;
	st.via = (enum via)via;
	st.src = t->pg->src;
	st.line = r->line;
	ld->steps = xreallocarray(ld->steps, ld->nsteps + 1,
	    sizeof(*ld->steps));
	ld->steps[ld->nsteps++] = st;
}

static void
ladder_table(struct loader *l, struct table *t)
{
	static const enum col req[] = { COL_FROM, COL_TO, COL_VIA,
	    COL__MAX };
	cmark_node *rown;
	struct row r;

	if (!need_cols(l, t, req) || !rows_agree(l, t))
		return;
	for (rown = cmark_node_next(cmark_node_first_child(t->node));
	    rown != NULL; rown = cmark_node_next(rown)) {
		if (row_read(l, t, rown, &r))
			ladder_row(l, t, &r);
		row_free(&r);
	}
}

/* Gives each ladder a file name from its name, unique among them. */
static void
ladder_slugs(struct catalog *c)
{
	struct buf b = {0};
	size_t i, j, len;
	int k, clash;

	for (i = 0; i < c->nladders; i++) {
		buf_reset(&b);
		slugify(&b, c->ladders[i].name, strlen(c->ladders[i].name), 0);
		if (b.len == 0 || strcmp(b.data, "index") == 0)
			BUF_LIT(&b, "ladder");
		len = b.len;
		for (k = 1;; k++) {
			for (clash = 0, j = 0; j < i && !clash; j++)
				clash = strcmp(c->ladders[j].slug, b.data) == 0;
			if (!clash)
				break;
			b.len = len;
			buf_printf(&b, "-%d", k + 1);
		}
		c->ladders[i].slug = xstrdup(b.data);
	}
	buf_free(&b);
}

int
catalog_load(struct catalog *c, const struct content *co, struct diag *d)
{
	struct loader l = { c, d, 1, co->titles_unsure, NULL, 0 };

	memset(c, 0, sizeof(*c));
	each_table(&l, co, APPX_TITLES, title_table);
	xqsort(c->titles, c->ntitles, sizeof(*c->titles), title_cmp);
	check_codes(&l);
	each_table(&l, co, APPX_LADDERS, ladder_table);
	ladder_slugs(c);
	while (l.nrejected > 0)
		free(l.rejected[--l.nrejected]);
	free(l.rejected);
	return l.ok;
}

void
catalog_free(struct catalog *c)
{
	size_t i;

	for (i = 0; i < c->ntitles; i++) {
		free(c->titles[i].code);
		free(c->titles[i].name);
		free(c->titles[i].schematic);
		free(c->titles[i].bargaining_unit);
	}
	for (i = 0; i < c->nladders; i++) {
		free(c->ladders[i].name);
		free(c->ladders[i].slug);
		free(c->ladders[i].steps);
	}
	free(c->titles);
	free(c->ladders);
	memset(c, 0, sizeof(*c));
}

/* ---- cycles ---------------------------------------------------------------- */

/*
 * Finds a loop among a ladder's steps by depth-first search with an
 * explicit stack (no recursion: a ladder may have hundreds of titles).
 * On finding one, *path holds the step indexes of the loop, in order.
 */
static int
ladder_loop(const struct ladder *ld, size_t ntitles, size_t *path,
    size_t *npath)
{
	unsigned char *color = xcalloc(ntitles, 1); /* 0 new, 1 open, 2 done */
	size_t *next = xcalloc(ntitles, sizeof(size_t)); /* next step */
	size_t *via = xcalloc(ntitles + 1, sizeof(size_t)); /* step taken */
	size_t *stack = xcalloc(ntitles + 1, sizeof(size_t));
	size_t s, j, top, node, k, found = 0;

	for (s = 0; s < ld->nsteps && !found; s++) {
		if (color[ld->steps[s].from])
			continue;
		top = 0;
		stack[top++] = ld->steps[s].from;
		color[ld->steps[s].from] = 1;
		while (top > 0 && !found) {
			node = stack[top - 1];
			for (k = next[node]; k < ld->nsteps &&
			    ld->steps[k].from != node; k++)
				;
			next[node] = k + 1;
			if (k >= ld->nsteps) {
				color[node] = 2;
				top--;
			} else if (color[ld->steps[k].to] == 1) {
				/* The loop: from where it re-enters the
				 * stack up to this step. */
				via[top - 1] = k;
				for (*npath = 0, j = top; j-- > 0;)
					if (stack[j] == ld->steps[k].to)
						break;
				for (; j < top; j++)
					path[(*npath)++] = via[j];
				found = 1;
			} else if (color[ld->steps[k].to] == 0) {
				via[top - 1] = k;
				color[ld->steps[k].to] = 1;
				stack[top++] = ld->steps[k].to;
			}
		}
	}
	free(color);
	free(next);
	free(via);
	free(stack);
	return (int)found;
}

void
catalog_cycles(const struct catalog *c, struct diag *d)
{
	struct buf b = {0};
	size_t *path, npath, i, l;
	const struct ladder_step *st;

	for (l = 0; l < c->nladders; l++) {
		path = xcalloc(c->ladders[l].nsteps + 1, sizeof(*path));
		if (ladder_loop(&c->ladders[l], c->ntitles, path, &npath)) {
			buf_reset(&b);
			for (i = 0; i < npath; i++) {
				st = &c->ladders[l].steps[path[i]];
				buf_printf(&b, "%s%s -> %s (%s:%d)",
				    i ? ", " : "", c->titles[st->from].code,
				    c->titles[st->to].code, st->src, st->line);
			}
			st = &c->ladders[l].steps[path[0]];
			diag_file(d, DIAG_WARN, st->src, st->line, "ladder "
			    "'%s' loops back on itself: %s",
			    c->ladders[l].name, b.data);
		}
		free(path);
	}
	buf_free(&b);
}
