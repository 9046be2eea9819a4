/*
 * search.c: the site's search index, made from the pages as they were
 * rendered (site.c hands each page's HTML over), so it holds what a reader
 * sees: each page's title, headings and text, and nothing else (only
 * pages of site/ come here: no personal data).  The index is a script,
 * search-index.js, not fetched JSON, so search works from the unzipped
 * site.zip opened from disk (file://), where browsers refuse fetch().
 *
 * It must stay small (tests/search/run holds it to 15% of the site's
 * HTML), so no text is stored twice:
 *   stems   every key (stem.c) the text has, stop words left out
 *   words   every distinct whitespace-separated chunk of text ("exam,")
 *   keys    for each chunk its stem numbers: (stem + 1) * 2, plus 1 when
 *           another follows; 0 for a chunk with none
 *   blocks  every distinct paragraph, list item, table row or heading:
 *           its kind (0 text, 1 the h1, 2 a heading), then its chunk
 *           numbers (a sentence that many title pages share is stored
 *           once)
 *   pages   path, block numbers, and the headings' anchors: "" for the
 *           slug of the heading's text (as content.c makes them), "-"
 *           for none, else the anchor
 * Stems and words are numbered the NFREQ most frequent first (the
 * numbers of one digit), then in byte order, and written front-coded:
 * each after a digit (FRONT) saying how many of the previous one's
 * first characters it starts with.  Numbers are written as base-32
 * digits from two alphabets (NUM_*): the last digit of a number comes
 * from the second, so numbers need no separator.  The same pages give
 * the same bytes.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extern.h"

/* Digits of a number but its last, and its last (search.js reads them). */
#define NUM_MORE	"0123456789ABCDEFGHIJKLMNOPQRSTUV"
#define NUM_LAST	"WXYZabcdefghijklmnopqrstuvwxyz-_"
/* How many of the most frequent stems and words come first. */
#define NFREQ		32
/* How many characters a word shares with the one before it. */
#define FRONT		"0123456789abcdefghijklmnopqrstuvwxyz"

enum block_kind {
	BLOCK_TEXT,	/* a paragraph, a list item, a table row */
	BLOCK_TITLE,	/* the page's h1 */
	BLOCK_HEADING	/* h2 to h6 */
};

/* One block of a page as the HTML gave it. */
struct sblock {
	char		*text;		/* whitespace collapsed, not empty */
	enum block_kind	 kind;
	char		*anchor;	/* a heading's id, or "" */
};

struct spage {
	char		*path;		/* "guides/exams.html" */
	struct sblock	*blocks;
	size_t		 nblocks;
	size_t		 cap;		/* blocks allocated */
};

/* The index being made: the pages as they come. */
struct search {
	struct spage	*pages;
	size_t		 npages;
	size_t		 cap;		/* pages allocated */
};

/* p, an array of n items of size sz and *cap allocated, with room for
 * one more: doubling, so a million items are not a million reallocs. */
static void *
grow(void *p, size_t n, size_t *cap, size_t sz)
{
	if (n < *cap)
		return p;
	*cap = *cap ? *cap * 2 : 16;
	return xreallocarray(p, *cap, sz);
}

/*
 * Strings numbered in the order they are first put, counted: the
 * distinct blocks, chunks and stems.  Open addressing on hash_bytes.
 */
struct strtab {
	char	**str;		/* by number, owned */
	size_t	 *count;	/* times put, by number */
	size_t	  n;
	size_t	 *slot;		/* number + 1, or 0: free */
	size_t	  cap;		/* slots, a power of two */
};

static size_t
strtab_hash(const char *s, size_t len, size_t cap)
{
	struct digest dg;

	hash_bytes(s, len, &dg);
	return (size_t)dg.w[0] & (cap - 1);
}

/* Twice the slots (at most half of them used), and room in the arrays
 * for as many strings: no growing by one (a page of a million words). */
static void
strtab_grow(struct strtab *t)
{
	size_t i, h, cap = t->cap ? t->cap * 2 : 256;

	free(t->slot);
	t->slot = xcalloc(cap, sizeof(*t->slot));
	t->cap = cap;
	t->str = xreallocarray(t->str, cap / 2, sizeof(*t->str));
	t->count = xreallocarray(t->count, cap / 2, sizeof(*t->count));
	for (i = 0; i < t->n; i++) {
		for (h = strtab_hash(t->str[i], strlen(t->str[i]), cap);
		    t->slot[h] != 0; h = (h + 1) & (cap - 1))
			continue;
		t->slot[h] = i + 1;
	}
}

/* The number of s (len bytes), put now if new; counts it once more. */
static size_t
strtab_put(struct strtab *t, const char *s, size_t len)
{
	const char *have;
	size_t h;

	if (2 * (t->n + 1) > t->cap)
		strtab_grow(t);
	for (h = strtab_hash(s, len, t->cap); t->slot[h] != 0;
	    h = (h + 1) & (t->cap - 1)) {
		have = t->str[t->slot[h] - 1];
		if (strncmp(have, s, len) == 0 && have[len] == '\0') {
			t->count[t->slot[h] - 1]++;
			return t->slot[h] - 1;
		}
	}
	t->str[t->n] = xstrndup(s, len);
	t->count[t->n] = 1;
	t->slot[h] = ++t->n;
	return t->n - 1;
}

static void
strtab_free(struct strtab *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		free(t->str[i]);
	free(t->str);
	free(t->count);
	free(t->slot);
}

/* ---- from HTML to blocks -------------------------------------------- */

/* Elements whose text is not the page's: the diagrams (their labels
 * repeat the text version below them), scripts, menus, forms. */
static const char *const skip_tags[] = {
	"svg", "script", "style", "nav", "template", "noscript", "form",
	"button", "select", "textarea", NULL
};

/* Elements that end a block of text (and start one). */
static const char *const block_tags[] = {
	"address", "article", "aside", "blockquote", "caption", "dd",
	"details", "div", "dl", "dt", "fieldset", "figcaption", "figure",
	"footer", "header", "hr", "li", "main", "ol", "p", "pre", "section",
	"summary", "table", "tbody", "tfoot", "thead", "tr", "ul", NULL
};

static int
tag_in(const char *name, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strcmp(name, *list) == 0)
			return 1;
	return 0;
}

/* The reader of one page's HTML. */
struct scan {
	struct spage	*pg;		/* the page being filled */
	struct buf	 text;		/* the block being read */
	int		 in_main;	/* inside <main> */
	int		 skip;		/* depth inside skip_tags */
	int		 level;		/* 1-6 inside a heading, else 0 */
	char		*anchor;	/* the heading's id, or NULL */
	int		 space;		/* a space is due before more text */
};

/* Ends the block being read; keeps it unless empty. */
static void
block_end(struct scan *sc)
{
	struct spage *pg = sc->pg;
	struct sblock *b;

	if (sc->text.len > 0) {
		pg->blocks = grow(pg->blocks, pg->nblocks, &pg->cap,
		    sizeof(*pg->blocks));
		b = &pg->blocks[pg->nblocks++];
		b->text = xstrdup(sc->text.data);
		b->kind = sc->level == 1 ? BLOCK_TITLE : sc->level > 1 ?
		    BLOCK_HEADING : BLOCK_TEXT;
		b->anchor = xstrdup(sc->level && sc->anchor ? sc->anchor : "");
	}
	buf_reset(&sc->text);
	sc->space = 0;
}

/* Text, whitespace collapsed to single spaces, none leading. */
static void
text_put(struct scan *sc, const char *s, size_t n)
{
	size_t i;

	if (!sc->in_main || sc->skip > 0)
		return;
	for (i = 0; i < n; i++) {
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
		    s[i] == '\r' || s[i] == '\f') {
			sc->space = sc->text.len > 0;
			continue;
		}
		/* U+00A0 and U+2028/9 are spaces to the words too. */
		if (i + 1 < n && (unsigned char)s[i] == 0xC2 &&
		    (unsigned char)s[i + 1] == 0xA0) {
			sc->space = sc->text.len > 0;
			i++;
			continue;
		}
		if (i + 2 < n && memcmp(s + i, "\xE2\x80", 2) == 0 &&
		    ((unsigned char)s[i + 2] == 0xA8 ||
		    (unsigned char)s[i + 2] == 0xA9)) {
			sc->space = sc->text.len > 0;
			i += 2;
			continue;
		}
		if (sc->space)
			buf_putc(&sc->text, ' ');
		sc->space = 0;
		buf_putc(&sc->text, s[i]);
	}
}

/* Appends code point c as UTF-8. */
static void
utf8_put(struct buf *b, unsigned long c)
{
	if (c < 0x80)
		buf_putc(b, (int)c);
	else if (c < 0x800) {
		buf_putc(b, (int)(0xC0 | c >> 6));
		buf_putc(b, (int)(0x80 | (c & 0x3F)));
	} else if (c < 0x10000) {
		buf_putc(b, (int)(0xE0 | c >> 12));
		buf_putc(b, (int)(0x80 | (c >> 6 & 0x3F)));
		buf_putc(b, (int)(0x80 | (c & 0x3F)));
	} else {
		buf_putc(b, (int)(0xF0 | c >> 18));
		buf_putc(b, (int)(0x80 | (c >> 12 & 0x3F)));
		buf_putc(b, (int)(0x80 | (c >> 6 & 0x3F)));
		buf_putc(b, (int)(0x80 | (c & 0x3F)));
	}
}

/*
 * The character reference at s (after '&', n bytes left) into out;
 * returns the bytes it took, or 0 when it is none we know (then the '&'
 * is text).  Our pages have only the ones escape.c and cmark write, and
 * the few a template may.
 */
static size_t
entity(const char *s, size_t n, struct buf *out)
{
	static const struct {
		const char	*name;
		unsigned long	 cp;
	} names[] = {
		{ "amp;", '&' }, { "lt;", '<' }, { "gt;", '>' },
		{ "quot;", '"' }, { "apos;", '\'' }, { "nbsp;", ' ' },
		{ "mdash;", 0x2014 }, { "ndash;", 0x2013 },
		{ "hellip;", 0x2026 }, { "middot;", 0xB7 },
		{ "rsquo;", 0x2019 }, { "lsquo;", 0x2018 },
		{ "rdquo;", 0x201D }, { "ldquo;", 0x201C },
		{ "copy;", 0xA9 }, { "times;", 0xD7 },
	};
	unsigned long cp = 0;
	size_t i, len;
	int hex;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		len = strlen(names[i].name);
		if (n >= len && memcmp(s, names[i].name, len) == 0) {
			utf8_put(out, names[i].cp);
			return len;
		}
	}
	if (n < 3 || s[0] != '#')
		return 0;
	hex = s[1] == 'x' || s[1] == 'X';
	for (i = hex ? 2 : 1; i < n && i < 10 && s[i] != ';'; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			cp = cp * (hex ? 16 : 10) + (unsigned long)(s[i] - '0');
		else if (hex && strchr("abcdefABCDEF", s[i]) != NULL)
			cp = cp * 16 + (unsigned long)((s[i] | 0x20) - 'a' + 10);
		else
			return 0;
	}
	if (i >= n || s[i] != ';' || i == (hex ? 2u : 1u) || cp == 0 ||
	    cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	utf8_put(out, cp);
	return i + 1;
}

/* Text between tags, references decoded. */
static void
text_run(struct scan *sc, const char *s, size_t n)
{
	struct buf dec = {0};
	size_t i, start = 0, k;

	for (i = 0; i < n; i++) {
		if (s[i] != '&')
			continue;
		buf_put(&dec, s + start, i - start);
		if ((k = entity(s + i + 1, n - i - 1, &dec)) == 0) {
			buf_putc(&dec, '&');
			start = i + 1;
		} else {
			i += k;
			start = i + 1;
		}
	}
	buf_put(&dec, s + start, n - start);
	text_put(sc, dec.data ? dec.data : "", dec.len);
	buf_free(&dec);
}

/*
 * The value of attribute name in a tag's attributes a[0..n), or NULL
 * (the caller frees it).  Values are taken as written: our ids hold no
 * references.
 */
static char *
attr(const char *a, size_t n, const char *name)
{
	size_t i = 0, ns, ne, vs, ve, len = strlen(name);
	char q;

	while (i < n) {
		while (i < n && strchr(" \t\n\r\f/", a[i]) != NULL)
			i++;
		for (ns = i; i < n && strchr(" \t\n\r\f/=", a[i]) == NULL; i++)
			continue;
		ne = i;
		vs = ve = i;
		if (i < n && a[i] == '=') {
			i++;
			q = i < n && (a[i] == '"' || a[i] == '\'') ? a[i++] : 0;
			for (vs = i; i < n && (q ? a[i] != q :
			    strchr(" \t\n\r\f", a[i]) == NULL); i++)
				continue;
			ve = i;
			if (q && i < n)
				i++;
		}
		if (ne - ns == len && strncasecmp(a + ns, name, len) == 0)
			return xstrndup(a + vs, ve - vs);
		if (ne == ns)
			i++;
	}
	return NULL;
}

/* One tag: name[0..nlen), its attributes a[0..alen). */
static void
tag(struct scan *sc, int closing, const char *name, size_t nlen,
    const char *a, size_t alen)
{
	char tn[16];
	size_t i;

	if (nlen == 0 || nlen >= sizeof(tn))
		return;
	for (i = 0; i < nlen; i++)
		tn[i] = (char)(name[i] >= 'A' && name[i] <= 'Z' ?
		    name[i] - 'A' + 'a' : name[i]);
	tn[nlen] = '\0';
	if (strcmp(tn, "main") == 0) {
		block_end(sc);
		sc->in_main = !closing;
	} else if (tag_in(tn, skip_tags))
		sc->skip += closing ? (sc->skip > 0 ? -1 : 0) : 1;
	else if (sc->skip > 0)
		return;
	else if (nlen == 2 && tn[0] == 'h' && tn[1] >= '1' && tn[1] <= '6') {
		block_end(sc);
		sc->level = closing ? 0 : tn[1] - '0';
		free(sc->anchor);
		sc->anchor = closing ? NULL : attr(a, alen, "id");
	} else if (tag_in(tn, block_tags))
		block_end(sc);
	else if (strcmp(tn, "br") == 0 || strcmp(tn, "td") == 0 ||
	    strcmp(tn, "th") == 0)
		sc->space = sc->text.len > 0;
}

/* The tag, comment or declaration at h[*i] ('<'); *i moved past it. */
static void
markup(struct scan *sc, const char *h, size_t n, size_t *i)
{
	const char *end, *p = h + *i + 1, *name;
	size_t left = n - *i - 1, nlen;
	int closing = 0;
	char q = 0;

	if (left >= 3 && memcmp(p, "!--", 3) == 0) {
		for (end = p + 3; end + 3 <= h + n && memcmp(end, "-->", 3);
		    end++)
			continue;
		*i = end + 3 <= h + n ? (size_t)(end - h) + 3 : n;
		return;
	}
	if (left > 0 && *p == '/') {
		closing = 1;
		p++;
	}
	name = p;
	while (p < h + n && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' &&
	    *p <= 'Z') || (*p >= '0' && *p <= '9')))
		p++;
	nlen = (size_t)(p - name);
	for (end = p; end < h + n && (q || *end != '>'); end++)
		if (q ? *end == q : (*end == '"' || *end == '\''))
			q = q ? 0 : *end;
	tag(sc, closing, name, nlen, p, (size_t)(end - p));
	*i = end < h + n ? (size_t)(end - h) + 1 : n;
}

struct search *
search_new(void)
{
	return xcalloc(1, sizeof(struct search));
}

void
search_add(struct search *x, const char *path, const char *html, size_t n)
{
	struct scan sc;
	size_t i = 0, start;

	memset(&sc, 0, sizeof(sc));
	x->pages = grow(x->pages, x->npages, &x->cap, sizeof(*x->pages));
	sc.pg = &x->pages[x->npages++];
	memset(sc.pg, 0, sizeof(*sc.pg));
	sc.pg->path = xstrdup(path);
	while (i < n) {
		if (html[i] == '<') {
			markup(&sc, html, n, &i);
			continue;
		}
		for (start = i; i < n && html[i] != '<'; i++)
			continue;
		text_run(&sc, html + start, i - start);
	}
	block_end(&sc);
	free(sc.anchor);
	buf_free(&sc.text);
}

/* ---- the index ------------------------------------------------------- */

/* Words too common to find a page by; a query's are dropped the same
 * way, as search.js looks for keys the index has and no others. */
static const char *const stop_words[] = {
	"about", "all", "also", "an", "and", "any", "are", "as", "at", "be",
	"been", "but", "by", "can", "do", "does", "for", "from", "had",
	"has", "have", "how", "if", "in", "into", "is", "it", "its", "may",
	"me", "more", "must", "my", "no", "not", "of", "on", "one", "or",
	"our", "so", "such", "than", "that", "the", "their", "them", "then",
	"there", "these", "they", "this", "those", "to", "up", "was", "we",
	"were", "what", "when", "where", "which", "who", "will", "with",
	"would", "you", "your", NULL
};

/* Whether a word (len bytes) is worth a key: two characters or more,
 * and no stop word, whatever its case. */
static int
word_indexed(const char *w, size_t len)
{
	char low[8];
	size_t i;

	if (len < 2)
		return 0;
	if (len >= sizeof(low))
		return 1;
	for (i = 0; i < len; i++)
		low[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] - 'A' + 'a' :
		    w[i]);
	low[len] = '\0';
	return !tag_in(low, stop_words);
}

/* v in base 32, most significant digit first, the last from NUM_LAST. */
static void
num_put(struct buf *b, size_t v)
{
	unsigned char d[16];
	size_t n = 0;

	do {
		d[n++] = (unsigned char)(v % 32);
		v /= 32;
	} while (v > 0);
	while (--n > 0)
		buf_putc(b, NUM_MORE[d[n]]);
	buf_putc(b, NUM_LAST[d[0]]);
}

/* A string of a table and its count, to give out the numbers. */
struct rank {
	const char	*str;
	size_t		 count;
	size_t		 idx;	/* its number in the table */
};

/* Most frequent first, then bytewise: a total order (the strings of a
 * table are distinct). */
static int
rank_cmp(const void *x, const void *y)
{
	const struct rank *a = x, *b = y;

	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	return strcmp(a->str, b->str);
}

static int
rank_bytes_cmp(const void *x, const void *y)
{
	return strcmp(((const struct rank *)x)->str,
	    ((const struct rank *)y)->str);
}

/* rank[i]: the number string i of t is written as (the NFREQ most
 * frequent, then the rest in byte order); *order: the strings' numbers
 * in that order.  The caller frees both. */
static size_t *
ranks(const struct strtab *t, size_t **order)
{
	struct rank *r = xcalloc(t->n + 1, sizeof(*r));
	size_t *rank = xcalloc(t->n + 1, sizeof(*rank)), i;

	*order = xcalloc(t->n + 1, sizeof(**order));
	for (i = 0; i < t->n; i++) {
		r[i].str = t->str[i];
		r[i].count = t->count[i];
		r[i].idx = i;
	}
	xqsort(r, t->n, sizeof(*r), rank_cmp);
	if (t->n > NFREQ)
		xqsort(r + NFREQ, t->n - NFREQ, sizeof(*r), rank_bytes_cmp);
	for (i = 0; i < t->n; i++) {
		(*order)[i] = r[i].idx;
		rank[r[i].idx] = i;
	}
	free(r);
	return rank;
}

static int
spage_cmp(const void *x, const void *y)
{
	return strcmp(((const struct spage *)x)->path,
	    ((const struct spage *)y)->path);
}

/* A list of numbers. */
struct nums {
	size_t	*v;
	size_t	 n;
	size_t	 cap;	/* allocated */
};

static void
nums_add(struct nums *l, size_t v)
{
	l->v = grow(l->v, l->n, &l->cap, sizeof(*l->v));
	l->v[l->n++] = v;
}

/* What the index is made of, numbered as first met. */
struct tables {
	struct strtab	 blocks;	/* distinct blocks: kind digit, text */
	struct strtab	 chunks;	/* distinct chunks of them */
	struct strtab	 stems;		/* distinct keys of the chunks */
	struct nums	*block_chunks;	/* by block: its chunks */
	struct nums	*chunk_stems;	/* by chunk: its keys, distinct */
	struct nums	*page_blocks;	/* by page: its blocks */
};

/* A chunk's keys, each once, in the order of its words. */
static void
chunk_keys(struct tables *t, const char *c, struct nums *out)
{
	struct buf key = {0};
	size_t pos = 0, start, len, len0 = strlen(c), id, i;

	while ((len = word_next(c, len0, &pos, &start)) > 0) {
		if (!word_indexed(c + start, len))
			continue;
		buf_reset(&key);
		word_key(c + start, len, &key);
		id = strtab_put(&t->stems, key.data, key.len);
		for (i = 0; i < out->n && out->v[i] != id; i++)
			continue;
		if (i == out->n)
			nums_add(out, id);
	}
	buf_free(&key);
}

/* Numbers every block, chunk and key, in page order. */
static void
tables_make(struct tables *t, struct search *x)
{
	struct buf key = {0};
	const char *s, *sp;
	size_t i, k;

	memset(t, 0, sizeof(*t));
	xqsort(x->pages, x->npages, sizeof(*x->pages), spage_cmp);
	t->page_blocks = xcalloc(x->npages + 1, sizeof(*t->page_blocks));
	for (i = 0; i < x->npages; i++)
		for (k = 0; k < x->pages[i].nblocks; k++) {
			/* The key: the kind's digit, then the text. */
			buf_reset(&key);
			buf_putc(&key, '0' + (int)x->pages[i].blocks[k].kind);
			buf_puts(&key, x->pages[i].blocks[k].text);
			nums_add(&t->page_blocks[i], strtab_put(&t->blocks,
			    key.data, key.len));
		}
	buf_free(&key);
	t->block_chunks = xcalloc(t->blocks.n + 1, sizeof(*t->block_chunks));
	for (i = 0; i < t->blocks.n; i++)
		for (s = t->blocks.str[i] + 1; *s != '\0';
		    s = *sp ? sp + 1 : sp) {
			sp = strchr(s, ' ');
			sp = sp != NULL ? sp : s + strlen(s);
			nums_add(&t->block_chunks[i], strtab_put(&t->chunks, s,
			    (size_t)(sp - s)));
		}
	t->chunk_stems = xcalloc(t->chunks.n + 1, sizeof(*t->chunk_stems));
	for (i = 0; i < t->chunks.n; i++)
		chunk_keys(t, t->chunks.str[i], &t->chunk_stems[i]);
}

static void
tables_free(struct tables *t, size_t npages)
{
	size_t i;

	for (i = 0; i < t->blocks.n; i++)
		free(t->block_chunks[i].v);
	for (i = 0; i < t->chunks.n; i++)
		free(t->chunk_stems[i].v);
	for (i = 0; i < npages; i++)
		free(t->page_blocks[i].v);
	free(t->block_chunks);
	free(t->chunk_stems);
	free(t->page_blocks);
	strtab_free(&t->blocks);
	strtab_free(&t->chunks);
	strtab_free(&t->stems);
}

/* How many bytes b starts with of a, ASCII only (search.js counts
 * UTF-16 units, the same for ASCII), at most what FRONT can say. */
static size_t
shared(const char *a, const char *b)
{
	size_t n = 0;

	while (n + 1 < sizeof(FRONT) && a[n] != '\0' && a[n] == b[n] &&
	    (unsigned char)a[n] < 0x80)
		n++;
	return n;
}

/* "key": "the strings of order, front-coded, separated by spaces", */
static void
put_words(struct buf *b, const char *key, const struct strtab *t,
    const size_t *order)
{
	const char *prev = "", *cur;
	size_t i, n;

	buf_printf(b, "\"%s\": \"", key);
	for (i = 0; i < t->n; i++, prev = cur) {
		cur = t->str[order[i]];
		n = shared(prev, cur);
		if (i > 0)
			buf_putc(b, ' ');
		buf_putc(b, FRONT[n]);
		esc_json(b, cur + n, strlen(cur + n));
	}
	BUF_LIT(b, "\",\n");
}

/* A heading's anchor as the index has it: "" when it is the slug of
 * the text (content.c), "-" when there is none. */
static void
put_anchor(struct buf *b, const struct sblock *h)
{
	struct buf slug = {0};

	slugify(&slug, h->text, strlen(h->text), 1);
	if (*h->anchor == '\0')
		buf_putc(b, '-');
	else if (slug.data == NULL || strcmp(slug.data, h->anchor) != 0)
		esc_json(b, h->anchor, strlen(h->anchor));
	buf_free(&slug);
}

/* One page: ["path", "blocks", "anchors"]. */
static void
put_page(struct buf *b, const struct spage *pg, const struct nums *blocks)
{
	size_t k, nh = 0;

	BUF_LIT(b, "[\"");
	esc_json(b, pg->path, strlen(pg->path));
	BUF_LIT(b, "\", \"");
	for (k = 0; k < pg->nblocks; k++)
		num_put(b, blocks->v[k]);
	BUF_LIT(b, "\", \"");
	for (k = 0; k < pg->nblocks; k++)
		if (pg->blocks[k].kind != BLOCK_TEXT) {
			if (nh++ > 0)
				buf_putc(b, ' ');
			put_anchor(b, &pg->blocks[k]);
		}
	BUF_LIT(b, "\"]");
}

void
search_write(struct search *x, struct buf *b)
{
	struct tables t;
	size_t *crank, *corder, *srank, *sorder, i, k;
	const struct nums *l;

	tables_make(&t, x);
	crank = ranks(&t.chunks, &corder);
	srank = ranks(&t.stems, &sorder);
	BUF_LIT(b, "/* The search index of this site, made by umpress from its "
	    "pages (generator/search.c); search.js reads it. */\n"
	    "var umpressIndex = {\n");
	put_words(b, "stems", &t.stems, sorder);
	put_words(b, "words", &t.chunks, corder);
	BUF_LIT(b, "\"keys\": \"");
	for (i = 0; i < t.chunks.n; i++) {
		l = &t.chunk_stems[corder[i]];
		if (l->n == 0)
			num_put(b, 0);
		for (k = 0; k < l->n; k++)
			num_put(b, (srank[l->v[k]] + 1) * 2 + (k + 1 < l->n));
	}
	/* Blocks keep the order they were met in: most are met once. */
	BUF_LIT(b, "\",\n\"blocks\": \"");
	for (i = 0; i < t.blocks.n; i++) {
		if (i > 0)
			buf_putc(b, ' ');
		l = &t.block_chunks[i];
		num_put(b, (size_t)(t.blocks.str[i][0] - '0'));
		for (k = 0; k < l->n; k++)
			num_put(b, crank[l->v[k]]);
	}
	BUF_LIT(b, "\",\n\"pages\": [\n");
	for (i = 0; i < x->npages; i++) {
		put_page(b, &x->pages[i], &t.page_blocks[i]);
		buf_puts(b, i + 1 < x->npages ? ",\n" : "\n");
	}
	BUF_LIT(b, "]\n};\n");
	free(crank);
	free(corder);
	free(srank);
	free(sorder);
	tables_free(&t, x->npages);
}

void
search_free(struct search *x)
{
	size_t i, k;

	if (x == NULL)
		return;
	for (i = 0; i < x->npages; i++) {
		for (k = 0; k < x->pages[i].nblocks; k++) {
			free(x->pages[i].blocks[k].text);
			free(x->pages[i].blocks[k].anchor);
		}
		free(x->pages[i].blocks);
		free(x->pages[i].path);
	}
	free(x->pages);
	free(x);
}
