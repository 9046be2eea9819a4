/*
 * template.c: the Mustache engine (tmpl.h), after lowdown's template.c.
 *
 * A template is parsed once, with no recursion, into a flat array of
 * ops; a section op holds the index just past its body.  Running a
 * template is a loop over that array that recurses only into section
 * bodies (SECT_MAX deep at most, checked when parsing) and partials
 * (PARTIAL_MAX deep at most, checked when running).  Running allocates
 * nothing but the output buffer's growth and writes nothing shared but
 * the once-only warning flags, which are atomic, so threads may run one
 * set's templates at once.  Compiling (tmpl_get, tmpl_compile) is for
 * one thread at a time.
 *
 * Standalone partials are indented when run, not when compiled: an op
 * that begins a line of its source carries a flag, and a standalone
 * partial op pushes its indentation onto a chain, kept on the C stack,
 * that flagged ops print first.  The output is the spec's ("prepended to
 * each line of the partial"), but one compiled partial serves every
 * indentation.  Compiling a copy per (name, indentation) would never end
 * for a partial that includes itself on an indented line inside a
 * section (a tree), since every level is a new key.
 *
 * Where the spec leaves a choice: a section is falsey as JavaScript's
 * !!data is (null, false, 0, "", and the spec's empty list); lists and
 * maps interpolate as nothing; names and partial names may not hold
 * whitespace, and partial names may not hold '/', a backslash or "..", nor
 * start with '.'.
 */
#include <errno.h>
#include <math.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "tmpl.h"

#define SECT_MAX	100	/* sections open at once in one template */
#define PARTIAL_MAX	64	/* partials entered at once in one render */
#define QUOTE_MAX	60	/* bytes of a tag quoted in a message */
/* Bytes one render may append.  Partials that each include the next
 * twice double the output per level: 40 levels would not end. */
#define OUT_MAX		((size_t)256 << 20)
/* Steps (ops run) one render may take: partials that each include the
 * next twice double the work per level with no output to stop them, so
 * OUT_MAX alone does not end such a render.  A demo packet takes a few
 * thousand. */
#ifndef STEPS_MAX	/* the fuzz build sets a smaller one (tests/fuzz/run) */
#define STEPS_MAX	((unsigned long)50 * 1000 * 1000)
#endif

enum op_type {
	OP_TEXT,	/* literal bytes */
	OP_VAR,		/* {{name}}: HTML-escaped */
	OP_RAW,		/* {{{name}}} and {{&name}}: as they are */
	OP_SECTION,	/* {{#name}}: the body per item, or once */
	OP_INVERTED,	/* {{^name}}: the body once when falsey */
	OP_PARTIAL	/* {{>name}} */
};

struct op {
	enum op_type	 type;
	int		 line;		/* 1-based source line of the tag */
	int		 bol;		/* 1: a source line starts here */
	int		 standalone;	/* OP_PARTIAL: alone on its line */
	int		 top;		/* OP_PARTIAL: outside every section */
	const char	*text;		/* OP_TEXT: bytes; OP_PARTIAL: indent */
	size_t		 len;		/* bytes at text */
	const char	*name;		/* the name as written */
	const char	*segs;		/* name split at '.' into C strings */
	size_t		 nseg;		/* parts in segs; 0 for "." */
	size_t		 end;		/* sections: the op after the body */
	struct tmpl	*partial;	/* OP_PARTIAL: its template, or NULL */
	size_t		 once;		/* op whose warned flag this one uses */
	atomic_flag	 warned;	/* set once the op has been reported */
};

enum tmpl_state {
	TMPL_NEW,	/* loaded, not parsed yet */
	TMPL_MISSING,	/* the loader has no such template */
	TMPL_BAD,	/* parsed, with errors reported */
	TMPL_OK		/* parsed, can run */
};

struct tmpl {
	struct tmpl_set	*set;		/* owner: diag, warn_missing */
	struct tmpl	*next;		/* the set's next template */
	struct tmpl	*hnext;		/* next in its hash bucket */
	char		*name;		/* file or partial name */
	int		 partial;	/* 1: a partial (its own names) */
	char		*path;		/* name in messages */
	struct buf	 src;		/* the text; ops point into it */
	struct op	*ops;		/* the program */
	size_t		 nops;		/* ops used */
	size_t		 opcap;		/* ops allocated */
	enum tmpl_state	 state;
	int		 load_errno;	/* TMPL_MISSING: the loader's errno */
	int		 closure;	/* roots: 1 runnable, -1 not */
	unsigned	 pass;		/* the compile pass that parsed it */
	unsigned	 seen;		/* the last cycle walk to reach it */
	unsigned	 walked;	/* the last closure walk to reach it */
	int		 onstack;	/* cycle walk: on the current path */
};

struct tmpl_set {
	struct tmpl_loader loader;	/* where text comes from */
	char		*dir;		/* tmpl_set_dir: folder, else NULL */
	char		*display;	/* tmpl_set_dir: its name in messages */
	int		 strict;	/* missing partial is an error */
	int		 warn_missing;	/* report names the view lacks */
	struct diag	*d;		/* where messages go */
	struct tmpl	*all;		/* every template, newest first */
	struct tmpl	**tab;		/* cached templates by name, chained */
	size_t		 tabsz;		/* buckets in tab, a power of 2 */
	size_t		 ntab;		/* templates in tab */
	struct arena	 mem;		/* op names, freed with the set */
	unsigned	 pass;		/* compile passes so far */
	unsigned	 walk;		/* graph walks so far */
};

/* ---- parsing ------------------------------------------------------------ */

/* A section whose close tag has not been seen yet. */
struct open_sect {
	size_t		 op;		/* index of its op */
	int		 line;		/* line of the opening tag */
	const char	*name;		/* its name as written */
	size_t		 nlen;
	const char	*tag;		/* the opening tag as written */
	size_t		 tlen;
};

struct parser {
	struct tmpl	*t;		/* template being parsed */
	const char	*src;		/* its text */
	size_t		 len;		/* bytes in src */
	size_t		 pos;		/* where scanning resumes */
	const char	*otag;		/* opening delimiter */
	size_t		 olen;
	const char	*ctag;		/* closing delimiter */
	size_t		 clen;
	size_t		 lpos;		/* offset line counting has reached */
	int		 line;		/* line number at lpos */
	int		 bol;		/* 1: the next op begins a line */
	int		 errors;	/* errors reported */
	int		 deep_said;	/* "nested deeper" already reported */
	size_t		 depth;		/* sections in stack */
	size_t		 over;		/* sections opened past SECT_MAX */
	struct open_sect stack[SECT_MAX];
};

/* One tag as scanned. */
struct tag {
	int		 sigil;		/* # ^ / > ! = { & or 0 for a name */
	size_t		 start;		/* offset of the opening delimiter */
	size_t		 end;		/* offset after the closing one */
	const char	*body;		/* contents, whitespace trimmed */
	size_t		 blen;
	int		 line;		/* line of start */
	int		 alone;		/* standalone: its line is removed */
	size_t		 ls;		/* alone: start of its line */
	size_t		 next;		/* where scanning resumes after it */
};

/* Returns the first n-byte needle in hay[0..len), or NULL. */
static const char *
find(const char *hay, size_t len, const char *needle, size_t n)
{
	const char *p, *e = hay + len;

	while ((size_t)(e - hay) >= n &&
	    (p = memchr(hay, needle[0], (size_t)(e - hay) - n + 1)) != NULL) {
		if (memcmp(p, needle, n) == 0)
			return p;
		hay = p + 1;
	}
	return NULL;
}

/* Whitespace as the spec trims it around names, locale-free. */
static int
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\f' || c == '\v';
}

/* 1 when s[0..n) holds whitespace: names and delimiters may not. */
static int
has_space(const char *s, size_t n)
{
	while (n-- > 0)
		if (is_space((unsigned char)*s++))
			return 1;
	return 0;
}

/* Length of a quotation in a message, so a runaway tag stays short. */
static int
qlen(size_t n)
{
	return n > QUOTE_MAX ? QUOTE_MAX : (int)n;
}

/* Reports an error in the template being parsed, which makes it bad. */
static void UM_PRINTF(3, 4)
perr(struct parser *p, int line, const char *fmt, ...)
{
	struct buf b = {0};
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	diag_file(p->t->set->d, DIAG_ERROR, p->t->path, line, "%s", b.data);
	buf_free(&b);
	p->errors++;
}

/* The line of offset off; offsets must be asked for in order. */
static int
line_at(struct parser *p, size_t off)
{
	const char *nl;

	while ((nl = memchr(p->src + p->lpos, '\n', off - p->lpos)) != NULL) {
		p->line++;
		p->lpos = (size_t)(nl - p->src) + 1;
	}
	p->lpos = off;
	return p->line;
}

/*
 * Appends a zeroed op of the given type, which takes the pending
 * start-of-line flag.  The pointer lasts until the next op_new().
 */
static struct op *
op_new(struct parser *p, enum op_type type)
{
	struct tmpl *t = p->t;
	struct op *op;

	if (t->nops == t->opcap) {
		t->opcap = t->opcap ? t->opcap * 2 : 32;
		t->ops = xreallocarray(t->ops, t->opcap, sizeof(*t->ops));
	}
	op = &t->ops[t->nops++];
	memset(op, 0, sizeof(*op));
	op->type = type;
	op->bol = p->bol;
	p->bol = 0;
	return op;
}

/* Text ops for src[a..b), one per line so each knows if it begins one. */
static void
emit_text(struct parser *p, size_t a, size_t b)
{
	const char *nl;
	struct op *op;
	size_t e;

	while (a < b) {
		nl = memchr(p->src + a, '\n', b - a);
		e = nl != NULL ? (size_t)(nl - p->src) + 1 : b;
		op = op_new(p, OP_TEXT);
		op->text = p->src + a;
		op->len = e - a;
		p->bol = nl != NULL;
		a = e;
	}
}

/*
 * A tag that prints nothing at the start of a line still starts the
 * line, so an indented partial prints its indentation there: an empty
 * text op keeps that place.
 */
static void
keep_bol(struct parser *p, const struct tag *tg)
{
	if (!tg->alone && p->bol)
		op_new(p, OP_TEXT);
}

/* Copies the name of op (body) into the set's arena, split at dots. */
static void
op_name(struct parser *p, struct op *op, const char *body, size_t n)
{
	char *s = arena_alloc(&p->t->set->mem, 2 * n + 2);
	char *segs = s + n + 1;
	size_t i;

	memcpy(s, body, n);
	op->name = s;
	if (n == 1 && body[0] == '.')
		return;
	memcpy(segs, body, n);
	op->segs = segs;
	op->nseg = 1;
	for (i = 0; i < n; i++)
		if (segs[i] == '.') {
			segs[i] = '\0';
			op->nseg++;
		}
}

/*
 * Finds the closing delimiter in src[from..lim).  With pre, it must come
 * right after the byte pre ("}" for {{{x}}}, "=" for {{=a b=}}), and the
 * offset of that byte is returned.  NULL when there is none.
 */
static const char *
find_close(const struct parser *p, size_t from, size_t lim, int pre)
{
	const char *lo = p->src + from, *s = lo, *e = p->src + lim, *k;

	while ((k = find(s, (size_t)(e - s), p->ctag, p->clen)) != NULL) {
		if (!pre)
			return k;
		if (k > lo && k[-1] == pre)
			return k - 1;
		s = k + 1;
	}
	return NULL;
}

/*
 * Where the search for the end of a tag whose body starts at q stops:
 * only comments and set-delimiter tags can hold the opening delimiter,
 * so for the others the next one ends the search.  Without the bound,
 * "{{a {{a {{a ... }}" would be searched to its end once per tag.
 */
static size_t
close_limit(const struct parser *p, int sigil, size_t q)
{
	const char *o;
	size_t lim;

	if (sigil == '!' || sigil == '=')
		return p->len;
	if ((o = find(p->src + q, p->len - q, p->otag, p->olen)) == NULL)
		return p->len;
	lim = (size_t)(o - p->src) + p->clen + 1;
	return lim < p->len ? lim : p->len;
}

/*
 * Reads the tag opening at start into tg.  Returns 0 when it has no end,
 * with tg->end where scanning may resume (the next tag, or the end).
 */
static int
tag_scan(struct parser *p, size_t start, struct tag *tg)
{
	size_t q = start + p->olen, cend, lim;
	const char *k;
	int pre;

	memset(tg, 0, sizeof(*tg));
	tg->start = start;
	tg->line = line_at(p, start);
	if (q < p->len && memchr("#^/>!={&", p->src[q], 8) != NULL)
		tg->sigil = (unsigned char)p->src[q++];
	pre = tg->sigil == '{' ? '}' : tg->sigil == '=' ? '=' : 0;
	lim = close_limit(p, tg->sigil, q);
	if ((k = find_close(p, q, lim, pre)) == NULL) {
		k = find(p->src + q, p->len - q, p->otag, p->olen);
		tg->end = k != NULL ? (size_t)(k - p->src) : p->len;
		return 0;
	}
	cend = (size_t)(k - p->src);
	tg->end = cend + (pre ? 1 : 0) + p->clen;
	while (q < cend && is_space((unsigned char)p->src[q]))
		q++;
	while (cend > q && is_space((unsigned char)p->src[cend - 1]))
		cend--;
	tg->body = p->src + q;
	tg->blen = cend - q;
	return 1;
}

/* A plain name: dot-separated parts, none empty, or "." alone. */
static int
name_ok(const char *s, size_t n)
{
	size_t i;

	if (n == 1 && s[0] == '.')
		return 1;
	if (s[0] == '.' || s[n - 1] == '.')
		return 0;
	for (i = 0; i + 1 < n; i++)
		if (s[i] == '.' && s[i + 1] == '.')
			return 0;
	return 1;
}

/* A partial name is a file name: it cannot leave templates/partials. */
static int
partial_name_ok(const char *s, size_t n)
{
	return s[0] != '.' && memchr(s, '/', n) == NULL &&
	    memchr(s, '\\', n) == NULL && find(s, n, "..", 2) == NULL;
}

/*
 * Checks the name of a tag that has one.  On a problem, reports it, sets
 * where scanning resumes and returns 0.
 */
static int
tag_check(struct parser *p, const struct tag *tg)
{
	const char *k, *b = tg->body;
	size_t n = tg->blen;

	if (tg->sigil == '!' || tg->sigil == '=')
		return 1;
	if (n == 0) {
		perr(p, tg->line, "tag has no name");
		p->pos = tg->end;
		return 0;
	}
	if ((k = find(b, n, p->otag, p->olen)) != NULL ||
	    (k = memchr(b, '\n', n)) != NULL) {
		/* "{{a ... {{b}}": the first tag lacks its end. */
		perr(p, tg->line, "tag is not closed");
		p->pos = (size_t)(k - p->src) + (*k == '\n');
		return 0;
	}
	if (has_space(b, n) || (tg->sigil == '>' ? !partial_name_ok(b, n) :
	    !name_ok(b, n))) {
		perr(p, tg->line, "bad %s name '%.*s'",
		    tg->sigil == '>' ? "partial" : "tag", qlen(n), b);
		p->pos = tg->end;
		return 0;
	}
	return 1;
}

/*
 * Whether the tag is alone on its line but for spaces and tabs; if so,
 * sets where its line starts and where the next one does.
 */
static int
standalone(const struct parser *p, struct tag *tg)
{
	const char *s = p->src;
	size_t i = tg->start, j = tg->end;

	while (i > p->pos && (s[i - 1] == ' ' || s[i - 1] == '\t'))
		i--;
	if (i > 0 && s[i - 1] != '\n')
		return 0;
	while (j < p->len && (s[j] == ' ' || s[j] == '\t'))
		j++;
	if (j + 1 < p->len && s[j] == '\r' && s[j + 1] == '\n')
		j++;
	if (j < p->len && s[j] != '\n')
		return 0;
	tg->ls = i;
	tg->next = j < p->len ? j + 1 : j;
	return 1;
}

/*
 * Emits the text before the tag.  Tags that print nothing are removed
 * with their line when they stand alone on it (the spec's standalone
 * rule); interpolations never are.
 */
static void
tag_place(struct parser *p, struct tag *tg)
{
	size_t from = p->pos;

	tg->next = tg->end;
	if (tg->sigil != 0 && tg->sigil != '{' && tg->sigil != '&' &&
	    standalone(p, tg)) {
		tg->alone = 1;
		emit_text(p, from, tg->ls);
		p->bol = 0;
	} else
		emit_text(p, from, tg->start);
}

/* {{#name}} and {{^name}}: a section op, pushed until its close tag. */
static void
sect_open(struct parser *p, const struct tag *tg)
{
	struct open_sect *s;
	struct op *op;

	if (p->depth == SECT_MAX || p->over > 0) {
		if (!p->deep_said++)
			perr(p, tg->line, "sections nested deeper than %d",
			    SECT_MAX);
		p->over++;
		return;
	}
	op = op_new(p, tg->sigil == '#' ? OP_SECTION : OP_INVERTED);
	op->line = tg->line;
	op_name(p, op, tg->body, tg->blen);
	s = &p->stack[p->depth++];
	s->op = p->t->nops - 1;
	s->line = tg->line;
	s->name = tg->body;
	s->nlen = tg->blen;
	s->tag = p->src + tg->start;
	s->tlen = tg->end - tg->start;
}

/* Reports an open section at the line of its opening tag. */
static void
sect_unclosed(struct parser *p, const struct open_sect *s)
{
	perr(p, s->line, "section '%.*s' is not closed", qlen(s->nlen),
	    s->name);
}

/* Pops the innermost section: its body ends here. */
static void
sect_pop(struct parser *p)
{
	const struct open_sect *s = &p->stack[--p->depth];

	p->t->ops[s->op].end = p->t->nops;
}

/*
 * {{/name}}.  A close tag for an outer section reports the inner ones as
 * not closed; one that matches nothing open is taken for a misspelling
 * of the innermost section's, so one slip gives one message.
 */
static void
sect_close(struct parser *p, const struct tag *tg)
{
	const char *tag = p->src + tg->start;
	int tlen = qlen(tg->end - tg->start);
	size_t j, k;

	keep_bol(p, tg);
	if (p->over > 0) {
		p->over--;
		return;
	}
	if (p->depth == 0) {
		perr(p, tg->line, "'%.*s' closes no open section", tlen, tag);
		return;
	}
	for (k = p->depth; k-- > 0; )
		if (p->stack[k].nlen == tg->blen &&
		    memcmp(p->stack[k].name, tg->body, tg->blen) == 0)
			break;
	if (k == (size_t)-1)
		perr(p, tg->line, "'%.*s' does not match '%.*s' on line %d",
		    tlen, tag, qlen(p->stack[p->depth - 1].tlen),
		    p->stack[p->depth - 1].tag, p->stack[p->depth - 1].line);
	else {
		for (j = k + 1; j < p->depth; j++)
			sect_unclosed(p, &p->stack[j]);
		while (p->depth > k + 1)
			sect_pop(p);
	}
	sect_pop(p);
}

/* {{>name}}: resolved once the whole template is parsed. */
static void
add_partial(struct parser *p, const struct tag *tg)
{
	struct op *op = op_new(p, OP_PARTIAL);

	op->line = tg->line;
	op->top = p->depth == 0 && p->over == 0;
	op_name(p, op, tg->body, tg->blen);
	if (tg->alone) {
		op->standalone = 1;
		op->text = p->src + tg->ls;
		op->len = tg->start - tg->ls;
	}
}

/* {{=<% %>=}}: two delimiters, neither holding spaces or '='. */
static void
set_delims(struct parser *p, const struct tag *tg)
{
	const char *b = tg->body;
	size_t n = tg->blen, i, j;

	keep_bol(p, tg);
	for (i = 0; i < n && !is_space((unsigned char)b[i]); i++)
		continue;
	for (j = i; j < n && is_space((unsigned char)b[j]); j++)
		continue;
	if (i == 0 || j == i || j == n || memchr(b, '=', n) != NULL ||
	    has_space(b + j, n - j)) {
		perr(p, tg->line, "bad set-delimiter tag '%.*s'",
		    qlen(tg->end - tg->start), p->src + tg->start);
		return;
	}
	p->otag = b;
	p->olen = i;
	p->ctag = b + j;
	p->clen = n - j;
}

/* Acts on a scanned, checked, placed tag. */
static void
tag_do(struct parser *p, const struct tag *tg)
{
	struct op *op;

	switch (tg->sigil) {
	case '#':
	case '^':
		sect_open(p, tg);
		break;
	case '/':
		sect_close(p, tg);
		break;
	case '>':
		add_partial(p, tg);
		break;
	case '!':
		keep_bol(p, tg);
		break;
	case '=':
		set_delims(p, tg);
		break;
	default:
		op = op_new(p, tg->sigil == 0 ? OP_VAR : OP_RAW);
		op->line = tg->line;
		op_name(p, op, tg->body, tg->blen);
		break;
	}
	p->pos = tg->next;
	if (tg->alone)
		p->bol = 1;
}

/* One tag and the text before it.  Returns 0 at the end of the text. */
static int
parse_step(struct parser *p)
{
	const char *k;
	struct tag tg;

	k = find(p->src + p->pos, p->len - p->pos, p->otag, p->olen);
	if (k == NULL) {
		emit_text(p, p->pos, p->len);
		p->pos = p->len;
		return 0;
	}
	if (!tag_scan(p, (size_t)(k - p->src), &tg)) {
		perr(p, tg.line, "tag is not closed");
		p->pos = tg.end;
		return 1;
	}
	if (!tag_check(p, &tg))
		return 1;
	tag_place(p, &tg);
	tag_do(p, &tg);
	return 1;
}

/*
 * Clears the warning flags, and gives the tags of one name on one line
 * one flag, so a missing name is reported once per path, line and name.
 * Looks back a few tags only: a line of thousands of tags must not cost
 * their square.
 */
static void
share_flags(struct tmpl *t)
{
	const struct op *o;
	struct op *op;
	size_t i, j, n;

	for (i = 0; i < t->nops; i++) {
		op = &t->ops[i];
		op->once = i;
		atomic_flag_clear(&op->warned);
		if (op->type == OP_TEXT || op->type == OP_PARTIAL)
			continue;
		for (j = i, n = 0; j-- > 0 && n < 32; ) {
			o = &t->ops[j];
			if (o->type == OP_TEXT)
				continue;
			if (o->line != op->line)
				break;
			n++;
			if (o->type != OP_PARTIAL &&
			    strcmp(o->name, op->name) == 0) {
				op->once = o->once;
				break;
			}
		}
	}
}

/*
 * parse: the template's text into ops.  Every problem is reported with
 * the template's path and line; the state says whether there was one.
 */
static void
parse(struct tmpl *t)
{
	struct parser *p = xcalloc(1, sizeof(*p));
	size_t i;

	p->t = t;
	p->src = t->src.data;
	p->len = t->src.len;
	p->otag = "{{";
	p->ctag = "}}";
	p->olen = p->clen = 2;
	p->line = 1;
	p->bol = 1;
	while (p->pos < p->len && parse_step(p))
		continue;
	for (i = 0; i < p->depth; i++)
		sect_unclosed(p, &p->stack[i]);
	share_flags(t);
	t->state = p->errors ? TMPL_BAD : TMPL_OK;
	free(p);
}

/* ---- compiling: templates and the partials they reach --------------- */

/* A growable list of templates still to parse or walk. */
struct tlist {
	struct tmpl	**v;		/* the templates */
	size_t		  n;		/* in use */
	size_t		  cap;		/* allocated */
};

/* Appends t to l, growing it (out of memory ends the program). */
static void
tlist_push(struct tlist *l, struct tmpl *t)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = xreallocarray(l->v, l->cap, sizeof(*l->v));
	}
	l->v[l->n++] = t;
}

/*
 * FNV-1a of a name and its name space.  A hash, not a list, because a
 * template may name thousands of partials that all have to be looked up.
 */
static size_t
name_hash(const char *name, int partial)
{
	uint32_t h = 2166136261u;

	h = (h ^ (partial ? 1u : 0u)) * 16777619u;
	while (*name != '\0')
		h = (h ^ (unsigned char)*name++) * 16777619u;
	return h;
}

/* The set's template or partial NAME that is cached, or NULL. */
static struct tmpl *
tmpl_find(struct tmpl_set *s, const char *name, int partial)
{
	struct tmpl *t;

	if (s->tabsz == 0)
		return NULL;
	t = s->tab[name_hash(name, partial) & (s->tabsz - 1)];
	for (; t != NULL; t = t->hnext)
		if (t->partial == partial && strcmp(t->name, name) == 0)
			return t;
	return NULL;
}

/* Adds t to the set's table, doubling it when it is full. */
static void
tmpl_cache(struct tmpl_set *s, struct tmpl *t)
{
	struct tmpl **old = s->tab, *u, *next;
	size_t i, oldsz = s->tabsz, b;

	if (s->ntab >= s->tabsz / 2) {
		s->tabsz = oldsz ? oldsz * 2 : 64;
		s->tab = xcalloc(s->tabsz, sizeof(*s->tab));
		for (i = 0; i < oldsz; i++)
			for (u = old[i]; u != NULL; u = next) {
				next = u->hnext;
				b = name_hash(u->name, u->partial) &
				    (s->tabsz - 1);
				u->hnext = s->tab[b];
				s->tab[b] = u;
			}
		free(old);
	}
	b = name_hash(t->name, t->partial) & (s->tabsz - 1);
	t->hnext = s->tab[b];
	s->tab[b] = t;
	s->ntab++;
}

/* A new template of the set, not parsed; text and path to be filled. */
static struct tmpl *
tmpl_new(struct tmpl_set *s, const char *name, int partial, int cached)
{
	struct tmpl *t = xcalloc(1, sizeof(*t));

	t->set = s;
	t->name = xstrdup(name);
	t->partial = partial;
	t->next = s->all;
	s->all = t;
	if (cached)
		tmpl_cache(s, t);
	return t;
}

/*
 * Loads NAME through the set's loader into a new cached template: state
 * TMPL_NEW, or TMPL_MISSING with the loader's errno kept.
 */
static struct tmpl *
tmpl_load(struct tmpl_set *s, const char *name, int partial)
{
	struct tmpl *t = tmpl_new(s, name, partial, 1);

	errno = 0;
	if (!s->loader.load(s->loader.arg, name, partial, &t->src,
	    &t->path)) {
		t->load_errno = errno;
		t->state = TMPL_MISSING;
		buf_free(&t->src);
		free(t->path);
		t->path = NULL;
		return t;
	}
	if (t->path == NULL)
		t->path = xstrdup(name);
	if (t->src.data == NULL)
		buf_put(&t->src, "", 0);
	return t;
}

/* A partial tag whose partial does not exist: an error when strict. */
static void
missing_partial(struct tmpl_set *s, struct tmpl *t, const struct op *op,
    const struct tmpl *q)
{
	if (!s->strict)
		return;
	if (s->dir != NULL && q->load_errno != ENOENT && q->load_errno != 0)
		diag_file(s->d, DIAG_ERROR, t->path, op->line,
		    "cannot read partial '%s': %s", op->name,
		    strerror(q->load_errno));
	else
		diag_file(s->d, DIAG_ERROR, t->path, op->line,
		    "no partial named '%s'", op->name);
	t->state = TMPL_BAD;
}

/*
 * Points t's partial ops at their templates, loading each partial on
 * first use and queueing it on work to be parsed.
 */
static void
resolve(struct tmpl_set *s, struct tmpl *t, struct tlist *work)
{
	struct tmpl *q;
	struct op *op;
	size_t i;

	for (i = 0; i < t->nops; i++) {
		op = &t->ops[i];
		if (op->type != OP_PARTIAL)
			continue;
		if ((q = tmpl_find(s, op->name, 1)) == NULL) {
			q = tmpl_load(s, op->name, 1);
			if (q->state == TMPL_NEW)
				tlist_push(work, q);
		}
		if (q->state == TMPL_MISSING)
			missing_partial(s, t, op, q);
		else
			op->partial = q;
	}
}

/* A step of the cycle walk: a template and the op to look at next. */
struct frame {
	struct tmpl	*t;		/* template on the path */
	size_t		 i;		/* its next op to look at */
};

/* The next partial op of f outside every section, or NULL. */
static struct op *
next_edge(struct frame *f)
{
	struct op *op;

	while (f->i < f->t->nops) {
		op = &f->t->ops[f->i++];
		if (op->type == OP_PARTIAL && op->top && op->partial != NULL)
			return op;
	}
	return NULL;
}

/*
 * Walks, depth first with an explicit stack, the partials that root
 * includes outside sections.  One already on the path includes itself
 * whatever the view holds: an error at the tag that closes the loop.
 * Only templates of this pass are walked; older ones were checked.
 */
static void
cycle_walk(struct tmpl *root, unsigned pass)
{
	struct frame *st = NULL;
	size_t n = 0, cap = 0;
	struct tmpl *q;
	struct op *op;

	root->seen = pass;
	root->onstack = 1;
	st = xreallocarray(st, cap = 16, sizeof(*st));
	st[n++] = (struct frame){ root, 0 };
	while (n > 0) {
		if ((op = next_edge(&st[n - 1])) == NULL) {
			st[--n].t->onstack = 0;
			continue;
		}
		q = op->partial;
		if (q->onstack) {
			diag_file(root->set->d, DIAG_ERROR, st[n - 1].t->path,
			    op->line, "partial '%s' includes itself", op->name);
			st[n - 1].t->state = TMPL_BAD;
		} else if (q->pass == pass && q->seen != pass) {
			if (n == cap)
				st = xreallocarray(st, cap *= 2, sizeof(*st));
			q->seen = pass;
			q->onstack = 1;
			st[n++] = (struct frame){ q, 0 };
		}
	}
	free(st);
}

/* Whether every template root reaches (itself included) can run. */
static int
closure_ok(struct tmpl_set *s, struct tmpl *root)
{
	struct tlist l = {0};
	struct tmpl *t, *q;
	unsigned walk = ++s->walk;
	size_t i;
	int ok = 1;

	root->walked = walk;
	tlist_push(&l, root);
	while (l.n > 0) {
		t = l.v[--l.n];
		if (t->state != TMPL_OK)
			ok = 0;
		for (i = 0; i < t->nops; i++)
			if ((q = t->ops[i].partial) != NULL &&
			    q->walked != walk) {
				q->walked = walk;
				tlist_push(&l, q);
			}
	}
	free(l.v);
	return ok;
}

/*
 * Parses root and every partial it reaches that is not parsed yet,
 * reporting every problem; sets root->closure.
 */
static void
build(struct tmpl_set *s, struct tmpl *root)
{
	struct tlist work = {0}, done = {0};
	unsigned pass = ++s->pass;
	struct tmpl *t;
	size_t i;

	tlist_push(&work, root);
	while (work.n > 0) {
		t = work.v[--work.n];
		t->pass = pass;
		parse(t);
		resolve(s, t, &work);
		tlist_push(&done, t);
	}
	/* From the root first, so a loop is reported where it closes. */
	for (i = 0; s->strict && i < done.n; i++)
		if (done.v[i]->seen != pass)
			cycle_walk(done.v[i], pass);
	root->closure = closure_ok(s, root) ? 1 : -1;
	free(work.v);
	free(done.v);
}

/* ---- the set ------------------------------------------------------------ */

/* tmpl_set_dir's loader: DIR/NAME and DIR/partials/NAME.html. */
static int
dir_load(void *arg, const char *name, int partial, struct buf *text,
    char **path)
{
	struct tmpl_set *s = arg;
	char *file;
	int ok, saved;

	file = partial ? xasprintf("%s/partials/%s.html", s->dir, name) :
	    xasprintf("%s/%s", s->dir, name);
	ok = file_read(file, text);
	saved = errno;
	free(file);
	if (ok)
		*path = partial ?
		    xasprintf("%s/partials/%s.html", s->display, name) :
		    xasprintf("%s/%s", s->display, name);
	errno = saved;
	return ok;
}

/* tmpl.h.  Never fails: out of memory ends the program. */
struct tmpl_set *
tmpl_set_new(const struct tmpl_loader *loader, int strict, int warn_missing,
    struct diag *d)
{
	struct tmpl_set *s = xcalloc(1, sizeof(*s));

	s->loader = *loader;
	s->strict = strict;
	s->warn_missing = warn_missing;
	s->d = d;
	return s;
}

/* tmpl.h.  Reads nothing yet: a missing folder shows at tmpl_get(). */
struct tmpl_set *
tmpl_set_dir(const char *dir, const char *display, int warn_missing,
    struct diag *d)
{
	struct tmpl_loader l = { dir_load, NULL };
	struct tmpl_set *s = tmpl_set_new(&l, 1, warn_missing, d);

	s->loader.arg = s;
	s->dir = xstrdup(dir);
	s->display = xstrdup(display);
	return s;
}

/* Reports a template (not a partial) that the loader could not give. */
static void
not_found(struct tmpl_set *s, const struct tmpl *t)
{
	char *path;

	if (s->dir == NULL) {
		diag_file(s->d, DIAG_ERROR, t->name, 0, "no such template");
		return;
	}
	path = xasprintf("%s/%s", s->display, t->name);
	diag_file(s->d, DIAG_ERROR, path, 0, "cannot read: %s",
	    strerror(t->load_errno));
	free(path);
}

/*
 * tmpl.h.  The answer for a name is kept: asked again, the same template
 * or NULL comes back with nothing reported twice.  Not thread-safe.
 */
const struct tmpl *
tmpl_get(struct tmpl_set *s, const char *name)
{
	struct tmpl *t;

	if ((t = tmpl_find(s, name, 0)) != NULL)
		return t->closure > 0 ? t : NULL;
	t = tmpl_load(s, name, 0);
	if (t->state != TMPL_MISSING)
		build(s, t);
	else {
		not_found(s, t);
		t->closure = -1;
	}
	return t->closure > 0 ? t : NULL;
}

/* tmpl.h.  Each call makes a new template, never found by name. */
const struct tmpl *
tmpl_compile(struct tmpl_set *s, const char *name, const char *text,
    size_t len)
{
	struct tmpl *t = tmpl_new(s, name, 0, 0);

	t->path = xstrdup(name);
	buf_put(&t->src, text != NULL ? text : "", text != NULL ? len : 0);
	build(s, t);
	return t->closure > 0 ? t : NULL;
}

/* tmpl.h.  Frees every template, op and name; NULL does nothing. */
void
tmpl_set_free(struct tmpl_set *s)
{
	struct tmpl *t, *next;

	if (s == NULL)
		return;
	for (t = s->all; t != NULL; t = next) {
		next = t->next;
		free(t->ops);
		buf_free(&t->src);
		free(t->path);
		free(t->name);
		free(t);
	}
	arena_free(&s->mem);
	free(s->tab);
	free(s->dir);
	free(s->display);
	free(s);
}

/* ---- running ------------------------------------------------------------ */

/* A frame of the context stack, on the C stack. */
struct ctx {
	const struct tv		*v;	/* this frame's value */
	const struct ctx	*up;	/* the frame below; NULL at the root */
};

/* The indentation of the standalone partials being run, innermost first. */
struct indent {
	const char		*s;	/* whitespace before the partial tag */
	size_t			 len;
	const struct indent	*up;	/* the enclosing partial's, or NULL */
};

/* One tmpl_render call. */
struct run {
	const struct tmpl *root;	/* the template rendered */
	struct buf	*out;		/* where output goes */
	size_t		 start;		/* out->len when the render began */
	int		 depth;		/* partials entered */
	int		 failed;	/* a limit was hit: unwind */
	unsigned long	 steps;		/* ops run */
};

static void	run_ops(struct run *, const struct tmpl *, size_t, size_t,
		    const struct ctx *, const struct indent *);

/* Reports, once per line and name, a name found nowhere in the stack. */
static void
warn_missing(const struct tmpl *t, const struct op *op)
{
	if (t->set->warn_missing &&
	    !atomic_flag_test_and_set(&t->ops[op->once].warned))
		diag_file(t->set->d, DIAG_WARN, t->path, op->line,
		    "'%s' is not in the view", op->name);
}

/*
 * The value of op's name (the spec's resolution): "." is the top of the
 * stack; a name's first part is looked up frame by frame from the top,
 * the rest only inside what that found.  NULL when missing.
 */
static const struct tv *
lookup(const struct tmpl *t, struct op *op, const struct ctx *c)
{
	const char *seg = op->segs;
	const struct tv *v = NULL;
	size_t k;

	if (op->nseg == 0)
		return c != NULL ? c->v : NULL;
	for (; c != NULL && v == NULL; c = c->up)
		v = tv_get(c->v, seg);
	for (k = 1; k < op->nseg && v != NULL; k++) {
		seg += strlen(seg) + 1;
		v = tv_get(v, seg);
	}
	if (v == NULL)
		warn_missing(t, op);
	return v;
}

/* The spec's truthiness is JavaScript's !!data, and an empty list. */
static int
truthy(const struct tv *v)
{
	if (v == NULL)
		return 0;
	switch (v->type) {
	case TV_NULL:
		return 0;
	case TV_BOOL:
		return v->boolean;
	case TV_NUM:
		return v->num != 0 && !isnan(v->num);
	case TV_STR:
		return v->len > 0;
	case TV_LIST:
		return v->first != NULL;
	case TV_MAP:
		return 1;
	}
	return 0;
}

/* A value as text: numbers as tv_json writes them; lists and maps empty. */
static void
put_value(struct buf *b, const struct tv *v, int esc)
{
	if (v == NULL)
		return;
	switch (v->type) {
	case TV_NULL:
	case TV_LIST:
	case TV_MAP:
		break;
	case TV_BOOL:
		buf_puts(b, v->boolean ? "true" : "false");
		break;
	case TV_NUM:
		if (!isfinite(v->num))
			break;
		if (v->num == floor(v->num) && fabs(v->num) < 1e15)
			buf_printf(b, "%.0f", v->num);
		else
			buf_printf(b, "%.15g", v->num);
		break;
	case TV_STR:
		if (esc)
			esc_html(b, v->str, v->len);
		else
			buf_put(b, v->str, v->len);
		break;
	}
}

/* Prints the indentation chain, outermost first (at most 64 links). */
static void
put_indent(struct buf *b, const struct indent *in)
{
	if (in->up != NULL)
		put_indent(b, in->up);
	buf_put(b, in->s, in->len);
}

/* The section op at i: its body per list item, or once for a value. */
static void
run_section(struct run *r, const struct tmpl *t, size_t i,
    const struct ctx *c, const struct indent *in)
{
	struct op *op = &t->ops[i];
	const struct tv *v = lookup(t, op, c);
	const struct tv_item *it;
	struct ctx sub;

	if (!truthy(v))
		return;
	sub.up = c;
	if (v->type != TV_LIST) {
		sub.v = v;
		run_ops(r, t, i + 1, op->end, &sub, in);
		return;
	}
	for (it = v->first; it != NULL && !r->failed; it = it->next) {
		sub.v = it->val;
		run_ops(r, t, i + 1, op->end, &sub, in);
	}
}

/*
 * A partial op: the partial runs against the same context stack.  A
 * standalone one adds its indentation to the chain; an inline one is
 * not indented at all (the spec indents the partial's own lines only).
 */
static void
run_partial(struct run *r, const struct tmpl *t, struct op *op,
    const struct ctx *c, const struct indent *in)
{
	struct indent sub;

	if (op->partial == NULL)
		return;
	if (r->depth == PARTIAL_MAX) {
		if (!atomic_flag_test_and_set(&op->warned))
			diag_file(t->set->d, DIAG_ERROR, t->path, op->line,
			    "partials nested deeper than %d", PARTIAL_MAX);
		r->failed = 1;
		return;
	}
	if (!op->standalone)
		in = NULL;
	else if (op->len > 0) {
		sub.s = op->text;
		sub.len = op->len;
		sub.up = in;
		in = &sub;
	}
	r->depth++;
	run_ops(r, op->partial, 0, op->partial->nops, c, in);
	r->depth--;
}

/* Stops a render whose output has grown past OUT_MAX or that has taken
 * STEPS_MAX steps. */
static void
too_big(struct run *r)
{
	if (r->steps > STEPS_MAX)
		diag_file(r->root->set->d, DIAG_ERROR, r->root->path, 0,
		    "more than %lu million steps: partials or sections "
		    "repeat each other too often", STEPS_MAX / 1000000);
	else
		diag_file(r->root->set->d, DIAG_ERROR, r->root->path, 0,
		    "output larger than %zu MiB", OUT_MAX >> 20);
	r->failed = 1;
}

/* Runs ops [i, end) of t: a body, or the whole template. */
static void
run_ops(struct run *r, const struct tmpl *t, size_t i, size_t end,
    const struct ctx *c, const struct indent *in)
{
	struct op *op;

	while (i < end && !r->failed) {
		if (r->out->len - r->start > OUT_MAX ||
		    ++r->steps > STEPS_MAX) {
			too_big(r);
			break;
		}
		op = &t->ops[i];
		if (op->bol && in != NULL)
			put_indent(r->out, in);
		switch (op->type) {
		case OP_TEXT:
			buf_put(r->out, op->text, op->len);
			break;
		case OP_VAR:
		case OP_RAW:
			put_value(r->out, lookup(t, op, c),
			    op->type == OP_VAR);
			break;
		case OP_SECTION:
			run_section(r, t, i, c, in);
			i = op->end;
			continue;
		case OP_INVERTED:
			if (!truthy(lookup(t, op, c)))
				run_ops(r, t, i + 1, op->end, c, in);
			i = op->end;
			continue;
		case OP_PARTIAL:
			run_partial(r, t, op, c, in);
			break;
		}
		i++;
	}
}

/*
 * tmpl.h.  Returns 0 after reporting when partials nest deeper than
 * PARTIAL_MAX (once per tag) or the output passes OUT_MAX (once per
 * call); what was appended until then stays in out.
 */
int
tmpl_render(const struct tmpl *t, const struct tv *ctx, struct buf *out)
{
	struct run r = { t, out, out->len, 0, 0, 0 };
	struct ctx root = { ctx, NULL };

	run_ops(&r, t, 0, t->nops, ctx != NULL ? &root : NULL, NULL);
	return !r.failed;
}
